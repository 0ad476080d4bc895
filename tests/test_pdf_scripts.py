"""Every script a person may write in a plan comes out in the PDF, in the bundled fonts.

The bundled fonts are split: faces cut down to Latin, Greek, Cyrillic and the common
symbols, quick to embed, and the complete fonts behind them for everything else. These
tests render text in each script and read it back from the PDF, and check that the cut
fonts hold exactly the characters `fonts.css` sends to them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from smplan.plan.files import parse_plan_bytes
from smplan.render.formats import RenderOptions, builtin_templates
from smplan.render.pdf import render_pdf

ROOT = Path(__file__).resolve().parent.parent
FONTS = builtin_templates() / "fonts"
FONTS_CSS = builtin_templates() / "fonts.css"
#: Each cut family, and the family of the complete font behind it.
FALLBACK = {"smplan Sans": "DejaVu Sans", "smplan Mono": "DejaVu Sans Mono"}

#: One sample per script, as a person would type it.
SAMPLES = {
    "Latin": "Crème brûlée, Œuvre, Łódź",
    "Greek": "Ελληνικά",
    "Cyrillic": "Кириллица",
    "Arabic": "العربية",
    "emoji": "😀",
}


def _faces() -> list[dict[str, str]]:
    """The @font-face rules of fonts.css, as their descriptors."""
    rules = re.findall(r"@font-face\s*{([^}]*)}", FONTS_CSS.read_text(encoding="utf-8"))
    return [
        {k.strip(): v.strip().strip('"') for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+);", r)}
        for r in rules
    ]


def _ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for part in text.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(start, 16), int(end or start, 16)))
    return ranges


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    source = (ROOT / "examples" / "city-library.yaml").read_text(encoding="utf-8")
    author = " · ".join(SAMPLES.values())
    text = re.sub(r"(?m)^  author: .*$", f'  author: "{author}"', source, count=1)
    plan = parse_plan_bytes(text.encode("utf-8"), "plan.yaml").plan
    out = tmp_path_factory.mktemp("scripts") / "plan.pdf"
    out.write_bytes(render_pdf(plan, RenderOptions(fmt="pdf", summary=True)))
    return pypdf.PdfReader(out)


@pytest.mark.parametrize("script", SAMPLES)
def test_text_in_each_script_reads_back_from_the_pdf(pdf, script):
    assert SAMPLES[script] in pdf.pages[0].extract_text()


def test_the_cut_fonts_and_the_complete_ones_are_both_embedded(pdf):
    fonts = {
        str(font.get_object()["/BaseFont"]).partition("+")[2]
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Latin from the cut face, Arabic from the complete one: neither is missing.
    assert {"smplan-Sans", "DejaVu-Sans"} <= fonts


def test_each_cut_font_holds_every_character_fonts_css_gives_it():
    from fontTools.ttLib import TTFont

    faces = _faces()
    cut = [f for f in faces if "unicode-range" in f]
    assert len(cut) == 4
    for face in cut:
        file = FONTS / Path(face["src"].removeprefix('url("').removesuffix('")')).name
        complete = file.with_name(file.name.replace("-Latin", ""))
        wanted = {
            c
            for c in TTFont(complete).getBestCmap()
            if any(a <= c <= b for a, b in _ranges(face["unicode-range"]))
        }
        # Every character fonts.css sends to the cut font is in it (shaping may keep a few more).
        assert wanted <= set(TTFont(file).getBestCmap()), file.name
        # The complete font stands behind it, under a family of its own.
        fallback = [f for f in faces if f["font-family"] == FALLBACK[face["font-family"]]]
        same_face = [
            f
            for f in fallback
            if (f["font-weight"], f["font-style"]) == (face["font-weight"], face["font-style"])
        ]
        assert [f["src"] for f in same_face] == [f'url("fonts/{complete.name}")']


def test_every_font_list_asks_for_the_complete_font_right_after_the_cut_one():
    from smplan.render.charts import FONT_FAMILY

    css = (builtin_templates() / "style.css").read_text(encoding="utf-8")
    lists = re.findall(r"font-family:\s*([^;]+);", css) + [FONT_FAMILY]
    named = [[name.strip(" '\"") for name in found.split(",")] for found in lists]
    assert named
    for names in named:
        assert names[1] == FALLBACK[names[0]], names


def test_every_script_renders_on_a_machine_with_no_font_installed(tmp_path):
    # A fontconfig set-up that knows no font folder: only the bundled fonts remain.
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    source = (ROOT / "examples" / "city-library.yaml").read_text(encoding="utf-8")
    author = " · ".join(SAMPLES.values())
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        re.sub(r"(?m)^  author: .*$", f'  author: "{author}"', source, count=1), encoding="utf-8"
    )
    out = tmp_path / "plan.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    command = [sys.executable, "-m", "smplan", "render", str(plan), "--summary", "-o", str(out)]
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert [script for script, sample in SAMPLES.items() if sample not in text] == []
