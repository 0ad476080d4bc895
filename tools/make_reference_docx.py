"""Write smplan's default Word reference document, smplan/templates/reference.docx.

A Word file rendered by smplan takes its styles, paper, margins, header and footer from a
reference document. This one is made to look like smplan's PDF: the same blue headings
with a rule under each chapter title, the same small grey running heads, tables with a
tinted header row, A4 with the PDF's margins. Its text is set in Verdana, the face the
PDF's DejaVu Sans was drawn after, which every Word installation has. A document is set
on the paper of its language's country, and dressed in its theme's colours and font,
as it is written (smplan/render/worddress.py).

Every part is written here, from nothing, so the file depends on no other program and
comes out byte for byte the same. Run it after changing a style, and commit what it
writes:

    python tools/make_reference_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smplan.render.worddress import ACCENT, BRAND, BRAND_LIGHT, PAGE_SIZES  # noqa: E402
from smplan.render.wordpackage import zip_parts  # noqa: E402

TARGET = ROOT / "smplan" / "templates" / "reference.docx"

#: The PDF's default colours, which a theme's take the place of in a Word file.
BLUE = BRAND
TEXT = "1F2933"
GREY = "6B7785"
SLATE = "52606D"
TINT = BRAND_LIGHT
RULE = "D9E2EC"
RED = "B42318"
CLAY = ACCENT
SANS = "Verdana"
MONO = "Consolas"

#: The page: A4 (a document on other paper has its size set as it is written), and the
#: PDF's margins (24, 18, 20 and 18 mm), in twentieths of a point.
WIDTH, HEIGHT = PAGE_SIZES["A4"]
PAGE = f'<w:pgSz w:w="{WIDTH}" w:h="{HEIGHT}"/>'
MARGINS = (
    '<w:pgMar w:top="1361" w:right="1020" w:bottom="1134" w:left="1020" '
    'w:header="567" w:footer="510" w:gutter="0"/>'
)
#: Where the right-aligned half of a running head sits: the text column's right edge.
RIGHT_TAB = WIDTH - 2 * 1020
#: The width of the labels of the cover's lines (prepared by, date…), as in the PDF: 40 mm.
COVER_LABELS = 2268

XMLNS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def fonts(face: str) -> str:
    return f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"/>'


def spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    """Space before and after a paragraph in twentieths of a point; line in 240ths."""
    rule = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{rule}/>'


def run(size: float, color: str = TEXT, *, bold: bool = False, italic: bool = False) -> str:
    """Run properties: a size in points, a colour, bold and italic."""
    out = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    half = round(size * 2)
    return f'{out}<w:color w:val="{color}"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def shade(fill: str) -> str:
    """A background of one colour."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def band(fill: str) -> str:
    return shade(fill) + '<w:ind w:left="0" w:right="0"/>'


def border(side: str, color: str, eighths: int, space: int = 4) -> str:
    """A paragraph's border: its side, colour, width in eighths of a point and gap."""
    line = f'w:val="single" w:sz="{eighths}" w:space="{space}" w:color="{color}"'
    return f"<w:pBdr><w:{side} {line}/></w:pBdr>"


def outline(level: int) -> str:
    """A heading's level in the navigation pane and the table of contents (9: none)."""
    return f'<w:outlineLvl w:val="{level}"/>'


def capitals(spaced: int) -> str:
    """Capitals, their letters spaced by `spaced` twentieths of a point."""
    return f'<w:caps/><w:spacing w:val="{spaced}"/>'


class Style(NamedTuple):
    """One `w:style`: its kind (paragraph, character, table), id, name and properties."""

    kind: str
    style_id: str
    name: str
    based_on: str | None = None
    #: The style of the paragraph that follows one in this style.
    following: str | None = None
    ppr: str = ""
    rpr: str = ""
    #: What follows the properties: a table style's table, row and cell properties.
    extra: str = ""
    #: One of smplan's own styles, not one Word or pandoc knows by name.
    custom: bool = False
    #: The style of what names none.
    default: bool = False
    #: Shown among Word's quick styles.
    quick: bool = True

    def xml(self) -> str:
        """The style as Word writes it."""
        parts = [f"<w:name w:val={quoteattr(self.name)}/>"]
        if self.based_on:
            parts.append(f'<w:basedOn w:val="{self.based_on}"/>')
        if self.following:
            parts.append(f'<w:next w:val="{self.following}"/>')
        if self.quick:
            parts.append("<w:qFormat/>")
        if self.ppr:
            parts.append(f"<w:pPr>{self.ppr}</w:pPr>")
        if self.rpr:
            parts.append(f"<w:rPr>{self.rpr}</w:rPr>")
        parts.append(self.extra)
        custom = ' w:customStyle="1"' if self.custom else ""
        default = ' w:default="1"' if self.default else ""
        return (
            f'<w:style w:type="{self.kind}"{custom}{default} w:styleId="{self.style_id}">'
            f"{''.join(parts)}</w:style>"
        )


KEEP_NEXT = "<w:keepNext/>"
KEEP = KEEP_NEXT + "<w:keepLines/>"
#: The table style's own properties: the whole width, rules between the rows, rows kept
#: whole on a page, and a tinted header row with a blue rule under it.
TABLE = (
    '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>'
    f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
    f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
    '</w:tblBorders><w:tblCellMar><w:top w:w="45" w:type="dxa"/>'
    '<w:left w:w="100" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/>'
    '<w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    "<w:trPr><w:cantSplit/></w:trPr><w:tcPr>"
    '<w:tcMar><w:top w:w="45" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/></w:tcMar>'
    "</w:tcPr>"
    f'<w:tblStylePr w:type="firstRow"><w:pPr>{KEEP_NEXT}</w:pPr>'
    f'<w:rPr><w:b/><w:bCs/><w:color w:val="{BLUE}"/></w:rPr>'
    "<w:tcPr><w:tcBorders>"
    f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{BLUE}"/>'
    f"</w:tcBorders>{shade(TINT)}"
    '<w:vAlign w:val="bottom"/></w:tcPr></w:tblStylePr>'
)

P, C = "paragraph", "character"
#: Every style smplan's Word documents use, after the PDF's stylesheet, in the order the
#: styles part lists them. A row: kind, id, name, the style it is based on, the style of
#: the paragraph after it; its paragraph properties, its run properties.
STYLES = (
    # The default: the style of a paragraph that names none (the empty one that keeps two
    # tables apart).
    Style(P, "Normal", "Normal", None, None, spacing(0, 120, 264), default=True),
    Style(P, "BodyText", "Body Text", "Normal"),
    Style(P, "FirstParagraph", "First Paragraph", "BodyText"),
    Style(P, "Compact", "Compact", "BodyText", None, spacing(0, 30)),
    Style(P, "Title", "Title", "Normal", "BodyText",
          KEEP + spacing(60, 120), run(18, BLUE, bold=True)),
    Style(P, "Subtitle", "Subtitle", "Title", "BodyText", "", run(12, TEXT, bold=True)),
    Style(P, "Heading1", "heading 1", "Normal", "BodyText",
          KEEP + border("bottom", BLUE, 10) + spacing(360, 170) + outline(0),
          run(17, BLUE, bold=True)),
    Style(P, "Heading2", "heading 2", "Normal", "BodyText",
          KEEP + spacing(340, 110) + outline(1), run(11, BLUE, bold=True)),
    Style(P, "Heading3", "heading 3", "Normal", "BodyText",
          KEEP + spacing(200, 80) + outline(2), run(9.5, BLUE, bold=True)),
    Style(P, "Heading4", "heading 4", "Heading3", "BodyText",
          outline(3), run(9, "334E68", bold=True)),
    Style(P, "TOCHeading", "TOC Heading", "Heading1", "BodyText", outline(9)),
    Style(P, "TOC1", "toc 1", "Normal", "BodyText",
          border("bottom", RULE, 4, 6)
          + f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{RIGHT_TAB}"/></w:tabs>'
          + spacing(80, 80),
          run(10.5)),
    Style(P, "TOC2", "toc 2", "TOC1", "BodyText", '<w:ind w:left="240"/>', run(9)),
    Style(P, "CoverOrganization", "Cover Organization", "Normal", "CoverTitle",
          band(BLUE) + spacing(3000, 0, 240), run(26, "FFFFFF", bold=True), custom=True),
    Style(P, "CoverTitle", "Cover Title", "Normal", "CoverMeta",
          band(BLUE) + spacing(160, 900), run(16, "FFFFFF"), custom=True),
    Style(P, "CoverMeta", "Cover Meta", "Normal", None,
          f'<w:tabs><w:tab w:val="left" w:pos="{COVER_LABELS}"/></w:tabs>'
          + spacing(0, 110)
          + f'<w:ind w:left="{COVER_LABELS}" w:hanging="{COVER_LABELS}"/>',
          run(10), custom=True),
    Style(C, "CoverLabel", "Cover Label", rpr=run(10, GREY), custom=True),
    Style(P, "Confidential", "Confidential", "Normal", None,
          spacing(680, 0), run(8, GREY), custom=True),
    Style(P, "Kicker", "Kicker", "Normal", "Title",
          spacing(0, 20), capitals(30) + run(9, GREY), custom=True),
    Style(P, "Organization", "Organization", "Normal", "Title",
          spacing(0, 0), run(12, TEXT, bold=True), custom=True),
    Style(P, "Meta", "Meta", "Normal", None,
          border("bottom", BLUE, 16, 8) + spacing(0, 200), run(8, SLATE), custom=True),
    Style(P, "Draft", "Draft", "Normal", None,
          spacing(200, 60), capitals(40) + run(10, RED, bold=True), custom=True),
    Style(C, "DraftMark", "Draft Mark",
          rpr=capitals(20) + run(7.5, RED, bold=True), custom=True),
    Style(P, "Strategy", "Strategy", "BodyText", None,
          border("left", CLAY, 32, 10) + shade("FBF5F3") + '<w:ind w:left="300" w:right="0"/>'
          + spacing(40, 200, 300),
          run(11), custom=True),
    Style(P, "Quote", "Quote", "BodyText", None, "", run(9, SLATE, italic=True), custom=True),
    Style(P, "SignatureLine", "Signature Line", "Normal", None,
          border("bottom", SLATE, 5, 2) + spacing(680, 60), run(8, GREY), custom=True),
    Style(P, "Intro", "Intro", "BodyText", None,
          KEEP_NEXT + spacing(0, 160), run(9, SLATE, italic=True), custom=True),
    Style(P, "Note", "Note", "BodyText", None, spacing(160, 120), run(9, SLATE), custom=True),
    Style(P, "StatusNote", "Status Note", "BodyText", None,
          border("left", RED, 24, 8) + shade("FDF1F0") + '<w:ind w:left="200"/>',
          run(9, "7A1B12"), custom=True),
    Style(P, "Label", "Label", "BodyText", "BodyText",
          KEEP_NEXT + spacing(170, 80), run(9, BLUE, bold=True), custom=True),
    Style(P, "Statement", "Statement", "BodyText", None,
          KEEP_NEXT + spacing(60, 80), run(10.5, TEXT, bold=True), custom=True),
    Style(P, "BlockText", "Block Text", "BodyText", "BodyText",
          border("left", CLAY, 24, 8) + shade("FBF5F3") + '<w:ind w:left="280" w:right="0"/>'
          + spacing(60, 60)),
    Style(P, "DefinitionTerm", "Definition Term", "Normal", "Definition",
          KEEP_NEXT + spacing(60, 0), run(9, "334E68", bold=True)),
    Style(P, "Definition", "Definition", "Normal", None,
          '<w:ind w:left="360"/>' + spacing(0, 60)),
    Style(P, "Caption", "Caption", "Normal", None,
          KEEP_NEXT + spacing(160, 60), run(9, BLUE, bold=True)),
    Style(P, "TableCaption", "Table Caption", "Caption"),
    Style(P, "ImageCaption", "Image Caption", "Caption"),
    Style(P, "Figure", "Figure", "Normal", None, KEEP_NEXT + spacing(120, 60)),
    Style(P, "CaptionedFigure", "Captioned Figure", "Figure"),
    Style(P, "SourceCode", "Source Code", "Normal", None,
          "<w:keepLines/>" + shade("F5F7FA") + '<w:wordWrap w:val="0"/>'
          + spacing(0, 120, 240),
          fonts(MONO) + run(7.5), custom=True),
    Style(P, "Header", "header", "Normal", None,
          f'<w:tabs><w:tab w:val="right" w:pos="{RIGHT_TAB}"/></w:tabs>' + spacing(0, 0),
          run(7.5, GREY)),
    Style(P, "Footer", "footer", "Header"),
    Style(P, "FootnoteText", "footnote text", "Normal", None, "", run(8)),
    # The character style of what names none: Word's own, kept out of the quick styles.
    Style(C, "DefaultParagraphFont", "Default Paragraph Font",
          extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
          default=True, quick=False),
    Style(C, "Hyperlink", "Hyperlink", rpr=f'<w:color w:val="{BLUE}"/>'),
    Style(C, "ChartBar", "Chart Bar", rpr=shade(BLUE), custom=True),
    Style(C, "VerbatimChar", "Verbatim Char", rpr=fonts(MONO) + run(8)),
    Style(C, "FootnoteReference", "footnote reference", rpr='<w:vertAlign w:val="superscript"/>'),
    Style("table", "Table", "Table", None, None, spacing(0, 0), run(8), extra=TABLE),
)  # fmt: skip


def styles() -> str:
    """The styles part: the documents' defaults, then every style."""
    return (
        f"{HEAD}<w:styles {XMLNS}><w:docDefaults><w:rPrDefault><w:rPr>{fonts(SANS)}"
        f'{run(9)}<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr>'
        f"</w:rPrDefault><w:pPrDefault><w:pPr>{spacing(0, 120, 264)}</w:pPr>"
        "</w:pPrDefault></w:docDefaults>" + "".join(style.xml() for style in STYLES) + "</w:styles>"
    )


def field(code: str, shown: str = "") -> str:
    """A field Word computes (a page number, a style's text) with the result it shows first."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def running(kind: str, left: str, right: str) -> str:
    """A header or footer: one line, a field on the left, one on the right."""
    tag = "hdr" if kind == "header" else "ftr"
    style_id = "Header" if kind == "header" else "Footer"
    return (
        f'{HEAD}<w:{tag} {XMLNS}><w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
        f"{left}<w:r><w:tab/></w:r>{right}</w:p></w:{tag}>"
    )


def blank(kind: str) -> str:
    """The cover's header or footer: nothing."""
    tag = "hdr" if kind == "header" else "ftr"
    return f"{HEAD}<w:{tag} {XMLNS}><w:p/></w:{tag}>"


def document() -> str:
    """A body with one paragraph, and the section every document takes its page from."""
    return (
        f"{HEAD}<w:document {XMLNS}><w:body><w:p/><w:sectPr>"
        '<w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:headerReference w:type="first" r:id="rIdFirstHeader"/>'
        '<w:footerReference w:type="first" r:id="rIdFirstFooter"/>'
        f"{PAGE}{MARGINS}<w:titlePg/></w:sectPr></w:body></w:document>"
    )


def relationship(rid: str, kind: str, target: str) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return f'<Relationship Id="{rid}" Type="{base}{kind}" Target="{target}"/>'


def parts() -> list[tuple[str, str]]:
    """Every part of the reference document, in the order they are stored."""
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [
        ("/word/document.xml", f"{wml}.document.main+xml"),
        ("/word/styles.xml", f"{wml}.styles+xml"),
        ("/word/settings.xml", f"{wml}.settings+xml"),
        ("/word/header1.xml", f"{wml}.header+xml"),
        ("/word/footer1.xml", f"{wml}.footer+xml"),
        ("/word/header2.xml", f"{wml}.header+xml"),
        ("/word/footer2.xml", f"{wml}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    content_types = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
    package_rels = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + relationship("rId1", "officeDocument", "word/document.xml")
        + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        + relationship("rId3", "extended-properties", "docProps/app.xml")
        + "</Relationships>"
    )
    document_rels = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + relationship("rIdStyles", "styles", "styles.xml")
        + relationship("rIdSettings", "settings", "settings.xml")
        + relationship("rIdHeader", "header", "header1.xml")
        + relationship("rIdFooter", "footer", "footer1.xml")
        + relationship("rIdFirstHeader", "header", "header2.xml")
        + relationship("rIdFirstFooter", "footer", "footer2.xml")
        + "</Relationships>"
    )
    settings = (
        f'{HEAD}<w:settings {XMLNS}><w:defaultTabStop w:val="709"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        "</w:settings>"
    )
    core = (
        f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>smplan</dc:title></cp:coreProperties>"
    )
    app = (
        f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Company></Company></Properties>'
    )
    # The header names the client and the chapter in force; the footer the document's title
    # and the page. Word computes each field as the page is laid out.
    header = running("header", field("DOCPROPERTY Company"), field('STYLEREF "heading 1"'))
    footer = running(
        "footer",
        field("TITLE"),
        field("PAGE") + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>' + field("NUMPAGES"),
    )
    return [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("word/document.xml", document()),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
        ("word/header2.xml", blank("header")),
        ("word/footer2.xml", blank("footer")),
    ]


def reference_docx() -> bytes:
    """The reference document's bytes."""
    return zip_parts((name, text.encode("utf-8")) for name, text in parts())


def main() -> None:
    """Write the reference document into the package."""
    TARGET.write_bytes(reference_docx())
    print(f"wrote {TARGET.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
