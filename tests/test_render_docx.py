"""`--format docx`: what a reader finds in the Word file, opened as Word opens it.

Each example's document, summary and report are rendered once for the module; the tests
open them with python-docx and read their XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from lxml import etree

from smplan.plan.files import load_plan, parse_plan_bytes
from smplan.plan.results import load_results, parse_period, results_path
from smplan.render.docx import word_language
from smplan.render.environment import render_text
from smplan.render.formats import RenderOptions, builtin_templates, render_plan
from smplan.render.report import render_report
from smplan.render.wordpackage import W, read_parts, zip_parts
from smplan.render.wordtree import HTML_CLASSES, TOC_TITLE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
BAKERY = ROOT / "examples" / "boulangerie.yaml"
NS = {"w": W}

examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Each example's document as DOCX, and the bakery's summary."""
    out = {}
    for path in EXAMPLES:
        plan = load_plan(path).plan
        out[path.stem] = render_plan(plan, RenderOptions(fmt="docx"), path.parent)
    plan = load_plan(BAKERY).plan
    out["summary"] = render_plan(plan, RenderOptions(fmt="docx", summary=True), BAKERY.parent)
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
    for objective in plan.objectives or []:
        assert any(_text(objective.statement or "") in cell for cell in cells), objective.id
    for metric in plan.metrics or []:
        assert any(_text(metric.name or metric.id) in cell for cell in cells), metric.id


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


@examples
def test_tables_repeat_their_header_row_on_each_page(rendered, path):
    body = _part(rendered[path.stem], "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    assert tables
    for table in tables:
        first = table.find("w:tr", NS)
        assert first.find("w:trPr/w:tblHeader", NS) is not None


def test_the_cover_is_a_page_of_its_own_without_running_heads(rendered):
    document = _open(rendered["boulangerie"])
    styles = [p.style.name for p in document.paragraphs[:4]]
    assert styles[:3] == ["Cover Kind", "Cover Organization", "Cover Title"]
    assert document.paragraphs[1].text == "Boulangerie Maréchal"
    assert document.sections[0].different_first_page_header_footer
    # The contents start the next page.
    body = _part(rendered["boulangerie"], "word/document.xml")
    contents = body.find(".//w:sdt//w:p", NS)
    assert contents.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_a_summary_has_no_cover_and_its_title_is_a_title(rendered):
    document = _open(rendered["summary"])
    assert not document.sections[0].different_first_page_header_footer
    assert "Title" in [p.style.name for p in document.paragraphs[:4]]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][:1] == ["Objectifs"]


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


def test_charts_are_pictures_with_alternative_text_and_a_png_for_every_reader(rendered):
    data = rendered["boulangerie"]
    body = _part(data, "word/document.xml")
    frames = body.xpath(
        "//wp:docPr",
        namespaces={"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    )
    assert len(frames) == 2
    assert all(f.get("descr") for f in frames)
    names = [n for n, _ in read_parts(data)]
    assert sum(n.endswith(".svg") for n in names) == sum(n.endswith(".png") for n in names) == 2


def test_the_same_plan_gives_the_same_bytes(rendered):
    plan = load_plan(BAKERY).plan
    again = render_plan(plan, RenderOptions(fmt="docx"), BAKERY.parent)
    assert again == rendered["boulangerie"]
    with zipfile.ZipFile(io.BytesIO(again)) as package:
        stamps = {info.date_time for info in package.infolist()}
    assert stamps == {(2026, 11, 16, 0, 0, 0)}


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


def test_a_house_style_gives_its_fonts_colours_and_paper(tmp_path):
    house = _house_style(tmp_path)
    plan = load_plan(BAKERY).plan
    data = render_plan(plan, RenderOptions(fmt="docx", reference_doc=house), BAKERY.parent)
    document = _open(data)
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Georgia"
    assert str(heading.font.color.rgb) == "8B0000"
    assert document.sections[0].page_width == docx.shared.Inches(8.5)
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


def test_a_house_style_in_the_template_folder_is_used(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    _house_style(tmp_path).rename(folder / "reference.docx")
    plan = load_plan(BAKERY).plan
    data = render_plan(plan, RenderOptions(fmt="docx", template_dir=folder), BAKERY.parent)
    assert _open(data).styles["Heading 1"].font.name == "Georgia"


def test_the_report_is_a_word_file_too():
    plan = load_plan(BAKERY).plan
    results = load_results(results_path(BAKERY)).results
    options = RenderOptions(fmt="docx")
    data = render_report(plan, results, parse_period("2027-02"), options, BAKERY.parent)
    document = _open(data)
    assert document.tables
    assert not document.sections[0].different_first_page_header_footer
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


def test_the_templates_write_every_class_the_word_file_is_shaped_by():
    """The classes of the HTML that `wordtree` reads are named there once; each must still
    be in what the built-in templates write, or the Word file silently loses its cover,
    contents, styles or unmarked change log."""
    plan = load_plan(BAKERY).plan
    unfinished = plan.model_copy(update={"channels": []})
    results = load_results(results_path(BAKERY)).results
    html = [
        render_text(plan, RenderOptions(fmt="html", previous=plan)),
        render_text(unfinished, RenderOptions(fmt="html")),
        render_text(unfinished, RenderOptions(fmt="html", summary=True)),
        render_report(plan, results, parse_period("2027-02"), RenderOptions(fmt="html")),
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
