"""`--format docx`: what a reader finds in the Word file, opened as Word opens it.

Each example's document, the bakery's summary and report, and a draft of an unfinished
plan in a theme are rendered once for the module; the tests open them with python-docx
and read their XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from lxml import etree
from test_theme import THEME

from smplan.i18n import language
from smplan.plan.files import load_plan, parse_plan_bytes
from smplan.plan.results import Results, load_results, parse_period, results_path
from smplan.render.docx import word_language
from smplan.render.environment import render_text
from smplan.render.formats import RenderOptions, builtin_templates, render_plan
from smplan.render.report import render_report
from smplan.render.typography import typeset
from smplan.render.view import open_points
from smplan.render.wordpackage import CP, W, read_parts, zip_parts
from smplan.render.wordtree import HTML_CLASSES, TOC_TITLE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
BAKERY = ROOT / "examples" / "boulangerie.yaml"
#: The plan in American English, printed on Letter.
LIBRARY = ROOT / "examples" / "city-library.yaml"
#: Word's page sizes in twentieths of a point, as the PDF's paper.
LETTER = (12240, 15840)
A4 = (11906, 16838)
NS = {"w": W}
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PERIOD = "2027-02"

examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])


def _unfinished():
    """The bakery without its channels: a plan with points still to be decided."""
    return load_plan(BAKERY).plan.model_copy(update={"channels": []})


@pytest.fixture(scope="module")
def theme(tmp_path_factory) -> Path:
    """A theme with a logo, colours, a font, who the plan is prepared for and by, and a
    confidentiality line."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("brand")
    Image.new("RGB", (40, 20), "#0b5d4b").save(folder / "logo.png")
    (folder / "theme.yaml").write_text(THEME, encoding="utf-8")
    return folder / "theme.yaml"


@pytest.fixture(scope="module")
def rendered(theme) -> dict[str, bytes]:
    """Each example's document as DOCX, the bakery's summary and report, and a draft of
    the unfinished bakery in a theme, with its summary."""
    out = {}
    for path in EXAMPLES:
        plan = load_plan(path).plan
        out[path.stem] = render_plan(plan, RenderOptions(fmt="docx"), path.parent)
    plan = load_plan(BAKERY).plan
    out["summary"] = render_plan(plan, RenderOptions(fmt="docx", summary=True), BAKERY.parent)
    results = load_results(results_path(BAKERY)).results
    period = parse_period(PERIOD)
    out["report"] = render_report(plan, results, period, RenderOptions(fmt="docx"), BAKERY.parent)
    draft = RenderOptions(fmt="docx", draft=True, theme=theme)
    out["draft"] = render_plan(_unfinished(), draft, BAKERY.parent)
    out["draft summary"] = render_plan(
        _unfinished(), RenderOptions(fmt="docx", draft=True, summary=True), BAKERY.parent
    )
    return out


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(dict(read_parts(data))[name])


def _text(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


class _Headings(HTMLParser):
    """The h2…h4 of a document's HTML, as (level, text), the contents' title left out."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h2", "h3", "h4") and TOC_TITLE not in (dict(attrs).get("class") or ""):
            self._open = (int(tag[1]), [])

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == f"h{self._open[0]}":
            self.found.append((self._open[0], _text("".join(self._open[1]))))
            self._open = None


def _headings(document: docx.document.Document) -> list[tuple[int, str]]:
    out = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading "):
            out.append((int(name.split()[1]), _text(paragraph.text)))
    return out


@examples
def test_the_headings_are_the_pdfs_in_order_one_level_up(rendered, path):
    """h2 (a chapter) is Heading 1, h3 Heading 2: the navigation pane lists the chapters."""
    parser = _Headings()
    parser.feed(render_text(load_plan(path).plan, RenderOptions(fmt="html")))
    expected = [(level - 1, text) for level, text in parser.found]
    assert expected, "the HTML has headings"
    assert _headings(_open(rendered[path.stem])) == expected


@examples
def test_every_objective_and_metric_is_in_a_table(rendered, path):
    plan = load_plan(path).plan
    document = _open(rendered[path.stem])
    cells = {_text(c.text) for t in document.tables for row in t.rows for c in row.cells}

    def printed(text: str) -> str:
        """The text as the document prints it: set the way its language sets text."""
        return _text(str(typeset(text, plan.language)))

    for objective in plan.objectives or []:
        assert any(printed(objective.statement or "") in cell for cell in cells), objective.id
    for metric in plan.metrics or []:
        assert any(printed(metric.name or metric.id) in cell for cell in cells), metric.id


@examples
def test_the_document_speaks_the_plans_language(rendered, path):
    language = word_language(load_plan(path).plan.language)
    styles = _part(rendered[path.stem], "word/styles.xml")
    langs = styles.xpath("//w:docDefaults//w:lang/@w:val", namespaces=NS)
    assert langs == [language]
    core = _part(rendered[path.stem], "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == language


def test_a_french_plan_is_in_french_of_france():
    assert word_language("fr") == "fr-FR"
    assert word_language("en") == "en-US"
    assert word_language("en_GB") == "en-GB"


class _Tables(HTMLParser):
    """Whether each table of a document's HTML has a header row, in the order they come."""

    def __init__(self) -> None:
        super().__init__()
        self.headed: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.headed.append(False)
        elif tag == "thead":
            self.headed[-1] = True


@examples
def test_tables_repeat_their_header_row_on_each_page(rendered, path):
    """Each table with a header row in the PDF repeats it at the top of each page in Word;
    a table without one (a chart, the list of what is still to be decided) gets none."""
    parser = _Tables()
    parser.feed(render_text(load_plan(path).plan, RenderOptions(fmt="html")))
    body = _part(rendered[path.stem], "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    repeated = [t.find("w:tr/w:trPr/w:tblHeader", NS) is not None for t in tables]
    assert repeated == parser.headed
    assert any(repeated)
    # A row moves to the next page whole, as in the PDF.
    for row in body.iterfind(".//w:tr", NS):
        assert row.find("w:trPr/w:cantSplit", NS) is not None


def _lines(paragraphs, style: str) -> list[str]:
    """The text of each paragraph in `style`."""
    return [p.text for p in paragraphs if p.style.name == style]


def _cover(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    """The paragraphs before the table of contents."""
    out = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{{{W}}}sdt":
            return out
        if element.tag == f"{{{W}}}p":
            out.append(docx.text.paragraph.Paragraph(element, document._body))
    raise AssertionError("no table of contents")


def test_the_cover_is_a_page_of_its_own_without_running_heads(rendered):
    data = rendered["boulangerie"]
    document = _open(data)
    cover = _cover(document)
    assert [p.style.name for p in cover[:2]] == ["Cover Organization", "Cover Title"]
    assert [p.text for p in cover[:2]] == ["Boulangerie Maréchal", "Stratégie réseaux sociaux 2027"]
    # Then who it is by, when, which version, each label in its own style.
    assert [(p.style.name, p.text) for p in cover[2:]] == [
        ("Cover Meta", "Préparé par\tSophie Lambert, consultante en communication locale"),
        ("Cover Meta", "Date\t16 novembre 2026"),
        ("Cover Meta", "Version\t1.0"),
        ("Cover Meta", "Échéance du plan\t31 décembre 2027"),
    ]
    label = cover[2].runs[0]
    assert (label.text, label.style.name) == ("Préparé par", "Cover Label")
    assert document.sections[0].different_first_page_header_footer
    # The contents start the next page.
    body = _part(data, "word/document.xml")
    first = body.find(".//w:sdt//w:p", NS)
    assert first.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_a_final_document_carries_no_draft_mark(rendered):
    data = rendered["boulangerie"]
    assert "Draft" not in {p.style.name for p in _open(data).paragraphs}
    for name, part in read_parts(data):
        if name.startswith("word/") and name != "word/styles.xml":
            assert b"DraftMark" not in part, name
    core = _part(data, "docProps/core.xml")
    assert core.find(f"{{{CP}}}contentStatus") is None


def _draft_mark() -> str:
    """The draft mark in French."""
    from smplan.render.labels import labels

    with language("fr"):
        return str(labels()["draft"])


def test_a_draft_is_marked_on_its_cover_and_at_the_head_of_every_page(rendered):
    data = rendered["draft"]
    mark = _draft_mark()
    document = _open(data)
    assert _lines(_cover(document), "Draft") == [mark]
    # The running head of the pages after the cover opens with the mark; the cover's has none.
    header = document.sections[0].header._element
    runs = header.xpath(".//w:r[w:rPr/w:rStyle/@w:val='DraftMark']")
    assert ["".join(r.xpath(".//w:t/text()")) for r in runs] == [mark]
    first = document.sections[0].first_page_header._element
    assert mark not in "".join(first.xpath(".//w:t/text()"))
    core = _part(data, "docProps/core.xml")
    assert core.findtext(f"{{{CP}}}contentStatus") == mark
    # The summary marks it in its line under the title.
    summary = _open(rendered["draft summary"])
    (meta,) = [p for p in summary.paragraphs if p.style.name == "Meta"]
    assert [r.text for r in meta.runs if r.style.name == "Draft Mark"] == [mark]


def test_the_theme_says_on_the_cover_who_it_is_for_and_by_and_how_confidential(rendered):
    cover = _cover(_open(rendered["draft"]))
    # The logo comes first, above the organization.
    assert cover[0]._element.xpath(".//pic:pic")
    assert cover[1].style.name == "Cover Organization"
    assert _lines(cover, "Cover Meta")[:2] == [
        "Préparé pour\tThe Maréchal family",
        "Préparé par\tSophie Lambert Conseil",
    ]
    assert _lines(cover, "Confidential") == ["Confidential, for the bakery’s team only"]


class _Sections(HTMLParser):
    """The chapters of a document's HTML: each `<section>`'s classes and `h2` title."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[set[str], str]] = []
        self._classes: set[str] | None = None
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self._classes = set((dict(attrs).get("class") or "").split())
        elif tag == "h2" and self._classes is not None:
            self._title = []

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._classes = None
        elif tag == "h2" and self._title is not None and self._classes is not None:
            self.found.append((self._classes, _text("".join(self._title))))
            self._title = None


def _chapters(data: bytes) -> list[tuple[str, bool]]:
    """Each Heading 1 of a Word file, and whether it starts a page."""
    return [
        (p.text, p._element.find("w:pPr/w:pageBreakBefore", NS) is not None)
        for p in _open(data).paragraphs
        if p.style.name == "Heading 1"
    ]


@pytest.mark.parametrize("name", ["boulangerie", "draft"])
def test_each_chapter_starts_a_page_the_closing_ones_and_appendices_follow_on(rendered, name):
    """As in the PDF: the sign-off has a page of its own; the short closing chapters (the
    first days, the risks, what is still to be decided) and the appendices run on."""
    plan = _unfinished() if name == "draft" else load_plan(BAKERY).plan
    parser = _Sections()
    parser.feed(render_text(plan, RenderOptions(fmt="html", draft=name == "draft")))
    expected = []
    before: set[str] = set()
    for kinds, title in parser.found:
        expected.append((title, not {"closing-part", "appendix"} & kinds & before))
        before = kinds
    assert _chapters(rendered[name]) == expected
    assert any(starts for _, starts in expected) and not all(starts for _, starts in expected)
    # The appendices come after the sign-off, on a page of its own.
    kinds = [k for k, _ in parser.found]
    signoff = next(i for i, k in enumerate(kinds) if "signoff" in k)
    assert expected[signoff][1]
    assert kinds[signoff + 1 :] and all("appendix" in k for k in kinds[signoff + 1 :])


def test_what_is_still_to_be_decided_has_its_chapter_before_the_sign_off(rendered):
    from smplan.render.labels import labels

    plan = _unfinished()
    with language(plan.language):
        t = labels()
        points = open_points(plan)
        titles = [str(t["chapter_open"]), str(t["chapter_signoff"])]
    assert points
    chapters = [title for title, _ in _chapters(rendered["draft"])]
    assert chapters.index(titles[0]) + 1 == chapters.index(titles[1])
    document = _open(rendered["draft"])
    listed = {_text(row.cells[-1].text) for table in document.tables for row in table.rows}
    for point in points:
        assert _text(str(typeset(point.text, plan.language))) in listed


def test_the_sign_off_has_lines_to_date_and_sign_for_each_side(rendered):
    paragraphs = _open(rendered["boulangerie"]).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Validation")
    end = next(i for i, p in enumerate(paragraphs) if i > start and p.style.name == "Heading 1")
    page = paragraphs[start:end]
    assert _lines(page, "Label") == ["Pour Boulangerie Maréchal", "Préparé par"]
    assert _lines(page, "Signature Line") == ["Date", "Signature"] * 2


def test_the_table_of_contents_is_a_field_word_fills_on_opening(rendered):
    data = rendered["boulangerie"]
    body = _part(data, "word/document.xml")
    codes = "".join(body.xpath("//w:sdt//w:instrText/text()", namespaces=NS))
    assert 'TOC \\o "1-1"' in codes
    # Until Word fills it, it shows the chapters, each a link to its heading.
    anchors = body.xpath("//w:sdt//w:hyperlink/@w:anchor", namespaces=NS)
    bookmarks = set(body.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    assert "summary" in anchors and set(anchors) <= bookmarks
    settings = _part(data, "word/settings.xml")
    assert settings.find("w:updateFields", NS).get(f"{{{W}}}val") == "true"


def test_a_summary_has_no_cover_and_its_title_is_a_title(rendered):
    plan = load_plan(BAKERY).plan
    data = rendered["summary"]
    document = _open(data)
    assert not document.sections[0].different_first_page_header_footer
    head = document.paragraphs[:4]
    assert [p.style.name for p in head] == ["Kicker", "Organization", "Title", "Meta"]
    assert [p.text for p in head[1:3]] == ["Boulangerie Maréchal", "Stratégie réseaux sociaux 2027"]
    assert not [p for p in document.paragraphs if p.style.name.startswith("Cover")]
    # Its sections are Heading 1, as its HTML's h2, and it runs on without a page break.
    parser = _Headings()
    parser.feed(render_text(plan, RenderOptions(fmt="html", summary=True)))
    assert _headings(document) == [(level - 1, text) for level, text in parser.found]
    assert _part(data, "word/document.xml").find(".//w:pageBreakBefore", NS) is None


def test_the_header_and_footer_name_the_client_the_chapter_and_the_page(rendered):
    data = rendered["boulangerie"]
    document = _open(data)
    header = document.sections[0].header._element
    footer = document.sections[0].footer._element
    codes = " ".join(header.xpath(".//w:instrText/text()") + footer.xpath(".//w:instrText/text()"))
    for code in ("DOCPROPERTY Company", 'STYLEREF "heading 1"', "TITLE", "PAGE", "NUMPAGES"):
        assert code in codes
    assert document.core_properties.title == "Stratégie réseaux sociaux 2027"
    app = _part(data, "docProps/app.xml")
    company = app.findtext(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company"
    )
    assert company == "Boulangerie Maréchal"


class _Charts(HTMLParser):
    """The bar charts of a document's HTML: each caption, and each bar's label, width
    (percent) and figure."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[list[str], list[tuple[str, float, str]]]] = []
        self._text: list[str] | None = None
        self._label = ""
        self._width = 0.0
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag == "figure" and "chart" in (given.get("class") or "").split():
            self.found.append(([], []))
            self._inside = True
        elif self._inside and tag in ("figcaption", "th", "td"):
            self._text = []
        elif self._inside and tag == "span" and given.get("class") == "bar":
            width = re.search(r"width: ([0-9.]+)%", given.get("style") or "")
            self._width = float(width.group(1)) if width else 0.0

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._inside = False
        if self._text is None or tag not in ("figcaption", "th", "td"):
            return
        text = _text("".join(self._text))
        self._text = None
        caption, bars = self.found[-1]
        if tag == "figcaption":
            caption.append(text)
        elif tag == "th":
            self._label = text
        else:
            bars.append((self._label, self._width, text))


def test_the_documents_bar_charts_are_tables_with_their_bars_under_their_caption(rendered):
    """Each chart of the PDF is a small table: its caption above it (and as the table's
    alternative text), a row per bar, the bar drawn as long as the PDF's, then its figure."""
    parser = _Charts()
    parser.feed(render_text(load_plan(BAKERY).plan, RenderOptions(fmt="html")))
    assert len(parser.found) == 2
    body = _part(rendered["boulangerie"], "word/document.xml")
    captioned = {
        t.find("w:tblPr/w:tblCaption", NS).get(f"{{{W}}}val"): t
        for t in body.iterfind(".//w:tbl", NS)
        if t.find("w:tblPr/w:tblCaption", NS) is not None
    }
    assert sorted(captioned) == sorted(caption for (caption,), _ in parser.found)
    for (caption,), bars in parser.found:
        table = captioned[caption]
        above = table.getprevious()
        assert above.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "TableCaption"
        assert _text("".join(above.itertext())) == caption
        rows = table.findall("w:tr", NS)
        assert len(rows) == len(bars)
        longest = max(width for _, width, _ in bars)
        drawn = []
        for row, (label, width, figure) in zip(rows, bars, strict=True):
            cells = row.findall("w:tc", NS)
            assert _text("".join(cells[0].itertext())) == label
            assert _text("".join(cells[1].itertext())) == figure
            bar = cells[1].xpath(".//w:r[w:rPr/w:rStyle/@w:val='ChartBar']", namespaces=NS)
            drawn.append((len("".join(bar[0].itertext())) if bar else 0, width))
        most = max(length for length, _ in drawn)
        assert most > 10
        for length, width in drawn:
            assert abs(length - most * width / longest) <= 1


def test_the_reports_charts_are_pictures_with_alternative_text_and_a_png(rendered):
    """The report's trend charts are SVG pictures, described, with a PNG for readers
    that cannot draw SVG."""
    data = rendered["report"]
    body = _part(data, "word/document.xml")
    frames = body.xpath("//wp:docPr", namespaces={"wp": WP})
    plan = load_plan(BAKERY).plan
    results = load_results(results_path(BAKERY)).results
    page = render_report(plan, results, parse_period(PERIOD), RenderOptions(fmt="html"))
    charts = page.count("<svg")
    assert charts and len(frames) == charts
    assert all(f.get("descr") for f in frames)
    names = [n for n, _ in read_parts(data)]
    assert sum(n.endswith(".svg") for n in names) == sum(n.endswith(".png") for n in names)
    assert sum(n.endswith(".png") for n in names) == charts


def test_the_same_plan_gives_the_same_bytes(rendered):
    plan = load_plan(BAKERY).plan
    again = render_plan(plan, RenderOptions(fmt="docx"), BAKERY.parent)
    assert again == rendered["boulangerie"]
    library = load_plan(LIBRARY).plan
    assert render_plan(library, RenderOptions(fmt="docx"), LIBRARY.parent) == rendered[LIBRARY.stem]
    with zipfile.ZipFile(io.BytesIO(again)) as package:
        stamps = {info.date_time for info in package.infolist()}
    assert stamps == {(2026, 11, 16, 0, 0, 0)}
    # The file says it was made and last changed on the document's date.
    core = _open(again).core_properties
    assert core.created == core.modified == dt.datetime(2026, 11, 16, tzinfo=dt.UTC)


def _pages(data: bytes) -> list[tuple[int, int]]:
    """The width and height of every section's page, as Word reads them."""
    return [(s.page_width.twips, s.page_height.twips) for s in _open(data).sections]


def _right_tabs(data: bytes, style: str) -> list[int]:
    """Where a style's right-aligned tab stops are, in twentieths of a point."""
    stops = _open(data).styles[style].paragraph_format.tab_stops
    return [t.position.twips for t in stops if t.alignment == docx.enum.text.WD_TAB_ALIGNMENT.RIGHT]


@examples
def test_every_page_is_on_the_paper_of_the_pdf(rendered, path):
    paper = LETTER if path == LIBRARY else A4
    pages = _pages(rendered[path.stem])
    assert pages and set(pages) == {paper}
    # The running head's right half and the contents' page numbers sit at the right margin.
    section = _open(rendered[path.stem]).sections[0]
    edge = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    assert _right_tabs(rendered[path.stem], "Header") == [edge]
    assert _right_tabs(rendered[path.stem], "toc 1") == [edge]


def test_the_report_in_american_english_is_on_letter():
    plan = load_plan(LIBRARY).plan
    results = load_results(results_path(LIBRARY)).results
    period = parse_period("2027-03")
    data = render_report(plan, results, period, RenderOptions(fmt="docx"), LIBRARY.parent)
    assert set(_pages(data)) == {LETTER}


def test_paper_says_otherwise(smplan, tmp_path):
    target = tmp_path / "library.docx"
    result = smplan("render", LIBRARY, "--paper", "a4", "-o", target)
    assert result.exit_code == 0, result.output
    assert set(_pages(target.read_bytes())) == {A4}


def test_the_themes_colours_and_font_dress_the_headings_and_the_text(rendered):
    document = _open(rendered["draft"])
    heading = document.styles["Heading 1"]
    assert str(heading.font.color.rgb) == "0B5D4B"
    # Headings and body text take the face of the defaults; code keeps its own.
    fonts = document.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {fonts.get(f"{{{W}}}{slot}") for slot in ("ascii", "hAnsi", "cs")} == {"Lato"}
    assert heading.font.name is None and document.styles["Body Text"].font.name is None
    assert document.styles["Source Code"].font.name == "Consolas"
    # The accent edges the strategy's box, the brand's tint shades the table's header row.
    styles = etree.tostring(document.styles.element).decode()
    assert 'w:color="D9822B"' in styles and "1F4E79" not in styles and "C8553D" not in styles
    assert "E6EEF6" not in styles
    # Without a theme, smplan's own colours and face.
    plain = _open(rendered["boulangerie"]).styles
    assert str(plain["Heading 1"].font.color.rgb) == "1F4E79"


def _house_style(tmp_path: Path) -> Path:
    """The bundled reference document with Heading 1 in Georgia, dark red, on Letter paper."""
    parts = read_parts((builtin_templates() / "reference.docx").read_bytes())
    out = []
    for name, data in parts:
        if name == "word/styles.xml":
            root = etree.fromstring(data)
            (style,) = root.xpath("//w:style[@w:styleId='Heading1']", namespaces=NS)
            rpr = style.find("w:rPr", NS)
            rpr.find("w:color", NS).set(f"{{{W}}}val", "8B0000")
            fonts = etree.SubElement(rpr, f"{{{W}}}rFonts")
            rpr.insert(0, fonts)
            fonts.set(f"{{{W}}}ascii", "Georgia")
            fonts.set(f"{{{W}}}hAnsi", "Georgia")
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        if name == "word/document.xml":
            data = data.replace(b'w:w="11906" w:h="16838"', b'w:w="12240" w:h="15840"')
        out.append((name, data))
    target = tmp_path / "house.docx"
    target.write_bytes(zip_parts(out))
    return target


def test_a_house_style_gives_its_fonts_colours_and_paper(tmp_path, theme):
    house = _house_style(tmp_path)
    plan = load_plan(BAKERY).plan
    # The house style is the client's: a theme does not restyle it, and a French plan
    # stays on the house's Letter page.
    asked = RenderOptions(fmt="docx", reference_doc=house, theme=theme)
    data = render_plan(plan, asked, BAKERY.parent)
    document = _open(data)
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Georgia"
    assert str(heading.font.color.rgb) == "8B0000"
    assert set(_pages(data)) == {LETTER}
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    styles = dict(read_parts(house.read_bytes()))["word/styles.xml"]
    assert dict(read_parts(data))["word/styles.xml"].count(b"1F4E79") == styles.count(b"1F4E79")
    assert b"Lato" not in dict(read_parts(data))["word/styles.xml"]


def test_a_paper_asked_for_sets_the_house_styles_page(tmp_path):
    house = _house_style(tmp_path)
    plan = load_plan(BAKERY).plan
    asked = RenderOptions(fmt="docx", reference_doc=house, paper="a4")
    data = render_plan(plan, asked, BAKERY.parent)
    assert set(_pages(data)) == {A4}
    assert _open(data).styles["Heading 1"].font.name == "Georgia"


def test_a_house_style_in_the_template_folder_is_used(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    _house_style(tmp_path).rename(folder / "reference.docx")
    plan = load_plan(BAKERY).plan
    data = render_plan(plan, RenderOptions(fmt="docx", template_dir=folder), BAKERY.parent)
    assert _open(data).styles["Heading 1"].font.name == "Georgia"


def test_the_report_is_a_word_file_too(rendered):
    document = _open(rendered["report"])
    assert document.tables
    assert not document.sections[0].different_first_page_header_footer
    assert [p.style.name for p in document.paragraphs[:4]] == [
        "Kicker",
        "Organization",
        "Title",
        "Meta",
    ]
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


def test_the_templates_write_every_class_the_word_file_is_shaped_by(theme):
    """The classes of the HTML that `wordtree` reads are named there once; each must still
    be in what the built-in templates write, or the Word file silently loses its cover,
    contents, styles, charts or unmarked change log."""
    plan = load_plan(BAKERY).plan
    unfinished = _unfinished()
    results = load_results(results_path(BAKERY)).results
    period = parse_period(PERIOD)
    draft = RenderOptions(fmt="html", draft=True, theme=theme)
    html = [
        render_text(plan, RenderOptions(fmt="html", previous=plan)),
        render_text(unfinished, draft, base_dir=BAKERY.parent),
        render_text(unfinished, replace(draft, summary=True), base_dir=BAKERY.parent),
        render_report(plan, results, period, RenderOptions(fmt="html")),
        render_report(plan, Results(), period, RenderOptions(fmt="html")),
    ]
    written = {
        name
        for text in html
        for found in re.finditer(r'class="([^"]*)"', text)
        for name in found.group(1).split()
    }
    assert HTML_CLASSES - written == set()


# --- changes since an earlier version -------------------------------------------------------


def _changed(path: Path) -> tuple[object, object]:
    """The plan at `path`, and the same plan with a metric's target and the version changed."""
    text = path.read_text(encoding="utf-8")
    old = parse_plan_bytes(text.encode("utf-8"), str(path)).plan
    metric = next(m for m in old.metrics or [] if isinstance(m.target, int | float))
    new_metrics = [
        m.model_copy(update={"target": m.target + 7}) if m is metric else m
        for m in old.metrics or []
    ]
    project = old.project.model_copy(update={"version": "9.9"}) if old.project else None
    new = old.model_copy(update={"metrics": new_metrics, "project": project})
    return old, new


def _marked(data: bytes, kind: str) -> list[str]:
    body = _part(data, "word/document.xml")
    tag = "delText" if kind == "del" else "t"
    return [
        _text("".join(e.xpath(f".//w:{tag}/text()", namespaces=NS)))
        for e in body.iter(f"{{{W}}}{kind}")
    ]


def test_since_marks_the_changed_value_inserted_and_the_old_one_deleted():
    old, new = _changed(BAKERY)
    metric = next(m for m, n in zip(old.metrics, new.metrics, strict=True) if m.target != n.target)
    options = RenderOptions(fmt="docx", previous=old)
    data = render_plan(new, options, BAKERY.parent)
    deleted, inserted = _marked(data, "del"), _marked(data, "ins")
    assert f"{metric.target:g}" in deleted
    assert f"{metric.target + 7:g}" in inserted
    assert "1.0" in deleted and "9.9" in inserted
    settings = _part(data, "word/settings.xml")
    assert settings.find("w:trackRevisions", NS) is not None
    # Every revision has a number of its own, an author and the version's date.
    body = _part(data, "word/document.xml")
    marks = [e for e in body.iter() if e.tag in (f"{{{W}}}ins", f"{{{W}}}del")]
    ids = [e.get(f"{{{W}}}id") for e in marks]
    assert len(ids) == len(set(ids))
    assert {e.get(f"{{{W}}}author") for e in marks} == {new.project.author}
    # The page listing the changes is new by nature: nothing in it is marked, though it
    # names the same values.
    paragraphs = _open(data).paragraphs
    chapters = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    page = paragraphs[chapters[0] : chapters[1]]
    assert any(f"{metric.target + 7:g}" in p.text for p in page)
    for paragraph in page:
        assert not paragraph._element.xpath(".//w:ins | .//w:del")


def test_since_without_a_change_marks_nothing():
    plan = load_plan(BAKERY).plan
    data = render_plan(plan, RenderOptions(fmt="docx", previous=plan), BAKERY.parent)
    assert _marked(data, "ins") == [] and _marked(data, "del") == []


# --- the command ------------------------------------------------------------------------


def test_render_writes_a_word_file_from_the_suffix(smplan, tmp_path):
    target = tmp_path / "plan.docx"
    result = smplan("render", BAKERY, "-o", target)
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(target)
    assert "word/document.xml" in zipfile.ZipFile(target).namelist()


def test_a_reference_doc_that_is_not_one_is_refused(smplan, tmp_path):
    result = smplan("render", BAKERY, "--format", "docx", "--reference-doc", BAKERY, "--lang", "en")
    assert result.exit_code == 2
    assert "is not a Word document" in result.output
    missing = tmp_path / "nope.docx"
    result = smplan("render", BAKERY, "-f", "docx", "--reference-doc", missing, "--lang", "en")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_reference_doc_is_for_word_output_only(smplan, tmp_path):
    house = builtin_templates() / "reference.docx"
    result = smplan("render", BAKERY, "--format", "md", "--reference-doc", house, "--lang", "en")
    assert result.exit_code == 2
    assert "--reference-doc is for Word output" in result.output


def test_the_shipped_reference_document_is_the_one_the_tool_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", ROOT / "tools" / "make_reference_docx.py"
    )
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.reference_docx() == (builtin_templates() / "reference.docx").read_bytes()
