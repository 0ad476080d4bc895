"""`smplan render --format pdf`: what a reader finds in the PDF, byte for byte the same each time.

The examples are rendered once per session, as a CI job would: every plan in one call,
two at a time, with a broken plan among them (the `batch` and `summaries` fixtures).
"""

from __future__ import annotations

import builtins
import os
import re
from pathlib import Path

import pypdf
import pytest
from layout import flat as searchable

from smplan.i18n import language
from smplan.plan.files import load_plan, parse_plan_bytes
from smplan.render.files import render_file
from smplan.render.formats import RenderOptions, builtin_templates
from smplan.render.labels import labels as _labels
from smplan.render.pdf import render_pdf
from smplan.render.typography import typeset
from smplan.render.view import build_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)

examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])


def text_of(pdf: Path) -> str:
    """The PDF's text as a reader would search it: one line, plain spaces."""
    reader = pypdf.PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    # A line may break after the hyphen of a compound word (rendez-vous).
    return flat(text.replace("-\n", "-"))


def flat(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


# --- A batch for CI ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_batch_with_one_broken_plan_exits_1_and_still_writes_every_other_pdf(batch):
    folder, result = batch
    assert result.returncode == 1
    broken = folder / "broken.yaml"
    assert result.stderr.startswith(
        f"{broken}:2:10: project: a `[` opened here is not closed on its line"
    )
    said = {"en": "Wrote {}.", "fr": "{} écrit."}
    written = [
        said[load_plan(p).plan.language[:2]].format(folder / (p.stem + ".pdf")) for p in EXAMPLES
    ]
    assert result.stdout.splitlines() == written
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(p.stem + ".pdf" for p in EXAMPLES)


@examples
def test_the_pdf_holds_the_organization_every_chapter_every_objective_and_target(path, batch):
    folder, _ = batch
    plan = load_plan(path).plan
    doc = build_document(plan)
    text = searchable(text_of(folder / f"{path.stem}.pdf"))
    assert searchable(plan.project.organization) in text
    # Chapters named for the client, not the method's steps.
    for chapter in doc.chapters:
        assert searchable(chapter.title) in text
    assert not re.search(r"\b(?:Step|Étape) \d", text)
    for objective in plan.objectives:
        assert searchable(objective.statement) in text
    # Every metric with where it starts and its target, in its unit, set as the language
    # sets it (a true minus, no-break spaces).
    for o in doc.objectives:
        for metric in o.metrics:
            assert searchable(str(typeset(metric, plan.language))) in text, metric


@examples
def test_the_page_count_is_sane(path, batch):
    folder, _ = batch
    pages = len(pypdf.PdfReader(folder / f"{path.stem}.pdf").pages)
    assert 10 <= pages <= 40


@examples
def test_every_page_after_the_cover_has_the_running_header_and_its_number(path, batch):
    folder, _ = batch
    plan = load_plan(path).plan
    pages = pypdf.PdfReader(folder / f"{path.stem}.pdf").pages
    t = labels(plan.language)
    for number, page in enumerate(pages[1:], start=2):
        text = flat(page.extract_text())
        assert flat(plan.project.organization) in text
        assert f"{number} / {len(pages)}" in text
    # The table of contents gives the page of each chapter and appendix, in order.
    contents = flat(pages[1].extract_text())
    doc = build_document(plan)
    assert contents.startswith(f"{t['contents']} {doc.chapters[0].title} ...")
    numbers = [int(n) for n in re.findall(r"\.{3,} (\d+)", contents)]
    assert len(numbers) == len(doc.chapters)
    assert numbers[0] == 3
    assert numbers == sorted(numbers)
    assert numbers[-1] <= len(pages)


@examples
def test_the_pdf_metadata_gives_title_author_language_and_the_plans_date(path, batch):
    folder, _ = batch
    project = load_plan(path).plan.project
    reader = pypdf.PdfReader(folder / f"{path.stem}.pdf")
    meta = reader.metadata
    assert meta.title == f"{project.name} — {project.organization}"
    assert meta.author == project.author
    assert reader.trailer["/Root"]["/Lang"] == project.language
    assert meta["/CreationDate"] == f"D:{project.date:%Y%m%d}000000Z"


@examples
def test_the_pdf_uses_only_the_bundled_fonts(path, batch):
    folder, _ = batch
    fonts = set()
    for page in pypdf.PdfReader(folder / f"{path.stem}.pdf").pages:
        for resources in _resources(page.get("/Resources")):
            for font in resources.get("/Font", {}).values():
                fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[1])
    assert fonts <= {"smplan-Sans", "smplan-Sans-Bold", "smplan-Sans-Italic", "smplan-Mono"}
    assert "smplan-Sans" in fonts


def _resources(resources):
    if resources is None:
        return
    resources = resources.get_object()
    yield resources
    for xobject in resources.get("/XObject", {}).values():
        yield from _resources(xobject.get_object().get("/Resources"))


@pytest.mark.slow
@examples
def test_the_summary_pdf_is_two_pages_at_most(path, summaries):
    folder, result = summaries
    assert result.returncode == 1
    pdf = folder / f"{path.stem}.summary.pdf"
    assert len(pypdf.PdfReader(pdf).pages) <= 2
    plan = load_plan(path).plan
    text = text_of(pdf)
    doc = build_document(plan)
    for objective in plan.objectives:
        assert searchable(objective.statement) in searchable(text)
    # The first actions: the plan's dated first 90 days when it has them.
    first = doc.chapter["first_days"] if plan.roadmap else labels(plan.language)["next_actions"]
    assert searchable(first) in searchable(text)


@pytest.mark.slow
def test_rendering_twice_gives_byte_identical_pdfs(batch, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder, _ = batch
    source = EXAMPLES[0]
    again = render_file(source, tmp_path / "again.pdf", RenderOptions(fmt="pdf"))
    assert again.read_bytes() == (folder / f"{source.stem}.pdf").read_bytes()
    assert "SOURCE_DATE_EPOCH" not in os.environ


# --- Small plans ------------------------------------------------------------------------

PLAN = """\
smplan: 1
project:
  name: Plan
  organization: {organization}
  language: en
  author: Jo
  date: 2026-11-02
objectives:
  - id: orders
    statement: {statement}
    primary: true
listening:
  keywords:
    themes: [{theme}]
"""

IMG = '<img src="file:///etc/passwd">'
SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 6*7007 }}"
BREAKER = "a | b"


def small(organization="Acme", statement="Sell more", theme="bread"):
    def q(value: str) -> str:
        return '"' + value.replace('"', '\\"') + '"'

    text = PLAN.format(organization=q(organization), statement=q(statement), theme=q(theme))
    return parse_plan_bytes(text.encode("utf-8"), "plan.yaml").plan


def pdf_text(data: bytes, tmp_path: Path) -> str:
    out = tmp_path / "out.pdf"
    out.write_bytes(data)
    return text_of(out)


def test_hostile_answers_are_printed_and_read_no_file(tmp_path, monkeypatch):
    import smplan.render.pdf as render

    fetched: list[str] = []
    real = render._fetcher

    def spying(roots):
        fetcher = real(roots)
        fetch = fetcher.fetch

        def record(url, headers=None):
            fetched.append(url)
            return fetch(url, headers)

        fetcher.fetch = record
        return fetcher

    monkeypatch.setattr(render, "_fetcher", spying)
    plan = small(organization=IMG, statement=f"{SCRIPT} {BREAKER}", theme=JINJA)
    text = pdf_text(render_pdf(plan, RenderOptions(fmt="pdf"), tmp_path), tmp_path)
    assert IMG in text
    assert f"{SCRIPT} {BREAKER}" in text
    assert JINJA in text
    assert "42042" not in text
    fonts = (builtin_templates() / "fonts").resolve().as_uri()
    assert fetched and all(url.startswith(fonts + "/") for url in fetched)


@pytest.mark.parametrize(
    "source",
    ["file:///etc/passwd", "http://example.com/logo.png", "../outside.png"],
    ids=["system-file", "network", "parent-folder"],
)
def test_a_template_cannot_load_anything_outside_the_plans_folder(tree, smplan, source):
    root = tree(
        {
            "outside.png": b"\x89PNG",
            "plans/plan.yaml": "smplan: 1\n",
            "tpl/document.html.j2": (
                '{% extends "builtin/document.html.j2" %}'
                f'{{% block cover %}}<img src="{source}">{{% endblock %}}'
            ),
        }
    )
    result = smplan("render", root / "plans/plan.yaml", "--template-dir", root / "tpl")
    assert result.exit_code == 2
    refused = source if ":" in source else (root / "outside.png").as_uri()
    assert result.stderr.startswith(
        f"error: {root / 'plans/plan.yaml'}: refused to load {refused}: a document may only "
        "use the bundled templates, the template folder and files inside the plan's folder\n"
    )
    assert not (root / "plans/plan.pdf").exists()


def test_a_template_may_show_an_image_from_the_plans_folder(tree, smplan):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10"/></svg>'
    )
    root = tree(
        {
            "plan.yaml": "smplan: 1\n",
            "logo.svg": svg,
            "tpl/document.html.j2": (
                '{% extends "builtin/document.html.j2" %}'
                '{% block cover %}<img src="logo.svg">{{ super() }}{% endblock %}'
            ),
        }
    )
    result = smplan("render", root / "plan.yaml", "--template-dir", root / "tpl")
    assert result.exit_code == 0, result.output
    assert (root / "plan.pdf").read_bytes().startswith(b"%PDF-")


def test_an_unfinished_plan_lists_its_open_points_on_one_page_and_is_no_draft(tmp_path):
    data = render_pdf(small(), RenderOptions(fmt="pdf"), tmp_path)
    (tmp_path / "open.pdf").write_bytes(data)
    pages = [flat(page.extract_text()) for page in pypdf.PdfReader(tmp_path / "open.pdf").pages]
    assert not any("DRAFT" in page or "Draft" in page for page in pages)
    listing = [page for page in pages if "How each objective will be measured" in page]
    assert len(listing) == 1
    assert "Still to be decided These points are not settled yet." in listing[0]


def test_a_draft_is_marked_on_its_cover_and_every_page(tmp_path):
    data = render_pdf(small(), RenderOptions(fmt="pdf", draft=True), tmp_path)
    (tmp_path / "draft.pdf").write_bytes(data)
    pages = pypdf.PdfReader(tmp_path / "draft.pdf").pages
    assert all("DRAFT" in page.extract_text() for page in pages)


def test_source_date_epoch_dates_the_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    data = render_pdf(small(), RenderOptions(fmt="pdf", summary=True), tmp_path)
    (tmp_path / "s.pdf").write_bytes(data)
    assert pypdf.PdfReader(tmp_path / "s.pdf").metadata["/CreationDate"] == "D:20260101000000Z"


def test_missing_system_libraries_name_the_packages_and_leave_markdown_working(
    tree, smplan, monkeypatch
):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    root = tree({"plan.yaml": "smplan: 1\n"})
    result = smplan("render", root / "plan.yaml", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: PDF output needs system libraries that could not be loaded (cannot load "
        "library 'libpango-1.0-0': libpango-1.0-0: not found). On Debian or Ubuntu, install "
        "them with: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b "
        "libharfbuzz-subset0 fonts-dejavu-core\n"
        "hint: Markdown and HTML output work without them: --format md or --format html\n"
    )
    assert not (root / "plan.pdf").exists()
    result = smplan("render", root / "plan.yaml", "--format", "md")
    assert result.exit_code == 0
    assert (root / "plan.md").exists()


def labels(lang: str) -> dict[str, str]:
    """The document's labels in `lang`."""
    with language(lang):
        return _labels()


@pytest.mark.slow
@pytest.mark.parametrize("subsetter", [None, "loaded"])
def test_a_missing_harfbuzz_subset_is_noted_once_per_command(tree, smplan, monkeypatch, subsetter):
    from smplan.render.pdf import _import_weasyprint

    _import_weasyprint()  # as smplan loads it, whichever test of this worker comes first
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", subsetter)
    root = tree({"a.yaml": "smplan: 1\n", "b.yaml": "smplan: 1\n"})
    result = smplan("render", root / "a.yaml", root / "b.yaml", "--format", "pdf")
    assert result.exit_code == 0
    assert (root / "a.pdf").exists() and (root / "b.pdf").exists()
    note = (
        "note: libharfbuzz-subset is not installed, so the fonts are cut down by fontTools, "
        "which is slower; on Debian or Ubuntu: apt-get install libharfbuzz-subset0\n"
    )
    assert result.stderr.count(note) == (1 if subsetter is None else 0)
