"""Cut the bundled DejaVu fonts down to the scripts most plans are written in.

WeasyPrint embeds a subset of each font a PDF uses; without libharfbuzz-subset it cuts
them with fontTools, which spends most of its time reading the whole font. The files
written here hold Latin, Greek, Cyrillic and the common punctuation and symbols, about a
sixth of each font; `fonts.css` sets them first, with the complete fonts behind them for
every other character (Arabic, emoji, …), so every script still renders.

Run it after replacing a font in smplan/templates/fonts/, and commit what it writes:

    python tools/subset_fonts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "smplan" / "templates" / "fonts"
FACES = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSansMono")
#: The ranges kept, as fonts.css names them in `unicode-range`.
RANGES = [
    (0x0000, 0x036F),  # Latin, IPA, spacing modifiers, combining marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x22FF),  # punctuation, currency, letterlike, arrows, mathematical operators
    (0x2500, 0x25FF),  # box drawing, block elements, geometric shapes
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFFFD, 0xFFFD),  # the replacement character
]


def css_ranges() -> str:
    """The ranges in the `unicode-range` syntax."""
    return ", ".join(f"U+{a:04X}-{b:04X}" if a != b else f"U+{a:04X}" for a, b in RANGES)


def cut(face: str) -> Path:
    """Write `fonts/<face>-Latin.ttf`: the face with only the characters of RANGES."""
    source = FONTS / f"{face}.ttf"
    target = FONTS / f"{face}-Latin.ttf"
    options = subset.Options()
    options.layout_features = ["*"]  # kerning, ligatures, marks: the same shaping
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = True
    options.legacy_kern = True
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.prune_unicode_ranges = False
    options.drop_tables = []
    font = TTFont(source)
    cmap = font.getBestCmap()
    unicodes = [c for c in cmap if any(a <= c <= b for a, b in RANGES)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(target)
    return target


if __name__ == "__main__":
    for face in FACES:
        written = cut(face)
        before, after = (FONTS / f"{face}.ttf").stat().st_size, written.stat().st_size
        sys.stdout.write(f"{written.name}: {after // 1024} KiB (from {before // 1024} KiB)\n")
    sys.stdout.write(f"unicode-range: {css_ranges()}\n")
