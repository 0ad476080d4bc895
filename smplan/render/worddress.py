"""The Word file in the PDF's dress: its paper, and the theme's colours and font.

Pandoc gives a Word file the page and the styles of its reference document. smplan's own
reference is drawn in the PDF's default colours (`BRAND`, `BRAND_LIGHT`, `ACCENT`, the
stylesheet's `--brand`, `--brand-light` and `--accent`), on A4. The functions here set
each section on the paper the PDF is printed on, and put the theme's colours and font
where the reference has the defaults, as the stylesheet's variables do in the PDF.
"""

from __future__ import annotations

from typing import Any

from smplan.render.theme import Theme
from smplan.render.wordpackage import W

#: The colours smplan's reference document is drawn in, as the PDF's stylesheet has them
#: by default: its headings, rules and cover band; its table header's tint; its accent.
BRAND = "1F4E79"
BRAND_LIGHT = "E6EEF6"
ACCENT = "C8553D"

#: Each paper `paper_for` names, as Word sizes a portrait page: width and height in
#: twentieths of a point.
PAGE_SIZES = {"A4": (11906, 16838), "letter": (12240, 15840)}

#: The elements that hold a colour in a style, and the attribute they hold it in: a run's
#: colour, a shading's fill, a run's border.
_COLOURED = {"color": "val", "shd": "fill", "bdr": "color"}
#: The elements whose children are borders (top, bottom, insideH…), each with its colour.
_BORDERS = {"pBdr", "tblBorders", "tcBorders"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _twips(element: Any, name: str) -> int:
    """An integer attribute `w:NAME` of `element`, 0 when it has none."""
    value = element.get(_w(name)) if element is not None else None
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def _text_width(section: Any) -> int:
    """The width between a section's margins."""
    size = section.find(_w("pgSz"))
    margins = section.find(_w("pgMar"))
    return _twips(size, "w") - sum(_twips(margins, n) for n in ("left", "right", "gutter"))


def set_paper(document: Any, styles: Any, paper: str) -> None:
    """Every section of `document` on `paper`, its orientation and margins kept; the
    right-aligned tab stops of `styles` that sat at the text's right edge (the running
    head's right half, the contents' page numbers) moved to the new edge."""
    width, height = PAGE_SIZES[paper]
    sections = list(document.iter(_w("sectPr")))
    if not sections:
        return
    edge = _text_width(sections[0])
    for section in sections:
        size = section.find(_w("pgSz"))
        if size is None:
            size = section.makeelement(_w("pgSz"), {})
            # The page size comes after the references to headers and footers, and the
            # notes' and the section's kind, and before everything else.
            before = {_w(n) for n in ("headerReference", "footerReference")}
            before |= {_w(n) for n in ("footnotePr", "endnotePr", "type")}
            place = sum(1 for child in section if child.tag in before)
            section.insert(place, size)
        landscape = size.get(_w("orient")) == "landscape"
        size.set(_w("w"), str(height if landscape else width))
        size.set(_w("h"), str(width if landscape else height))
    moved = _text_width(sections[0])
    if edge <= 0 or moved == edge:
        return
    for tab in styles.iter(_w("tab")):
        if tab.get(_w("val")) in ("right", "end") and _twips(tab, "pos") == edge:
            tab.set(_w("pos"), str(moved))


def wear_theme(styles: Any, theme: Theme) -> None:
    """The theme's colours where the styles have smplan's defaults, and its font as the
    text's: in the defaults every style inherits, and in the styles that name smplan's
    own face (a style in another face, such as code's, keeps it)."""
    colours = {
        BRAND: theme.brand,
        BRAND_LIGHT: theme.brand_light,
        ACCENT: theme.accent,
    }
    wanted = {old: new.lstrip("#").upper() for old, new in colours.items() if new}
    if wanted:
        for element in styles.iter():
            attribute = _colour_attribute(element)
            value = element.get(attribute) if attribute else None
            if attribute and value is not None and value.upper() in wanted:
                element.set(attribute, wanted[value.upper()])
    if theme.font:
        _set_font(styles, theme.font)


def _colour_attribute(element: Any) -> str | None:
    """The attribute that holds `element`'s colour, if it has one."""
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{W}}}"):
        return None
    name = element.tag.split("}")[1]
    if name in _COLOURED:
        return _w(_COLOURED[name])
    parent = element.getparent()
    if parent is not None and parent.tag.split("}")[-1] in _BORDERS:
        return _w("color")
    return None


def _set_font(styles: Any, family: str) -> None:
    """`family` as the face of the defaults and of every style in the defaults' face."""
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if defaults is None:
        return
    fonts = defaults.find(_w("rFonts"))
    if fonts is None:
        fonts = defaults.makeelement(_w("rFonts"), {})
        defaults.insert(0, fonts)
    face = fonts.get(_w("ascii"))
    slots = ("ascii", "hAnsi", "eastAsia", "cs")
    for style in styles.iter(_w("rFonts")):
        if style is fonts or (face is not None and style.get(_w("ascii")) == face):
            for slot in slots:
                style.set(_w(slot), family)
            for slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                style.attrib.pop(_w(slot), None)
