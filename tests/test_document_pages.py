"""The strategy document as a client reads it: pages that hold together, running heads
that name the chapter in force, nothing of the tool's workings, French set as French.

Each example's document and summary are rendered to PDF once for the module and read
back with pypdf (text and positions, see `layout.py`).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from layout import flat, leaks, read_pages, short_pages, stranded_headings, wrong_running_heads

from smplan.i18n import _, language
from smplan.plan.files import load_plan
from smplan.render.formats import RenderOptions, render_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])


@pytest.fixture(scope="module")
def rendered():
    """Each example's plan, document pages and summary pages."""
    out = {}
    for path in EXAMPLES:
        plan = load_plan(path).plan
        document = render_plan(plan, RenderOptions(fmt="pdf"), path.parent)
        summary = render_plan(plan, RenderOptions(fmt="pdf", summary=True), path.parent)
        out[path.stem] = (plan, read_pages(document), read_pages(summary), document)
    return out


@examples
def test_nothing_of_the_tool_reaches_the_document_or_the_summary(rendered, path):
    plan, pages, summary, _ = rendered[path.stem]
    for shown in (pages, summary):
        text = " ".join(p.text for p in shown)
        found = leaks(text, plan, [line for p in shown for line in p.body])
        assert found == dict.fromkeys(found, 0)


@examples
def test_no_heading_is_left_at_the_foot_of_a_page_without_its_first_paragraph(rendered, path):
    _, pages, _, _ = rendered[path.stem]
    assert stranded_headings(pages) == []


@examples
def test_no_inner_page_is_under_40_percent_full_unless_a_chapter_ends_on_it(rendered, path):
    _, pages, _, _ = rendered[path.stem]
    assert [(n, fill) for n, fill, chapter_ends in short_pages(pages) if not chapter_ends] == []


@examples
def test_each_running_head_names_the_chapter_in_force_where_its_page_begins(rendered, path):
    plan, pages, _, _ = rendered[path.stem]
    with language(plan.language):
        skip = [_("Draft"), _("Contents")]
    assert wrong_running_heads(pages, skip) == []
    # It has something to check: most pages carry a running head.
    assert sum(1 for p in pages if p.running_head(skip)) > len(pages) // 2


@examples
def test_the_summary_fits_two_pages(rendered, path):
    _, _, summary, _ = rendered[path.stem]
    assert len(summary) <= 2


def test_the_french_document_has_no_breakable_space_where_french_forbids_one(rendered):
    plan, pages, summary, _ = rendered["boulangerie"]
    prose = " ".join(r.text for p in [*pages, *summary] for r in p.body if not r.mono)
    assert not re.search(r" [%:;?!»]|« ", prose)
    units = re.findall(r"\d (?:h|heures|min|minutes|jours|km|€|%)(?!\w)", prose)
    assert units == []
    assert "'" not in prose
    assert "’" in prose and "\u202f%" in prose


def test_a_letter_size_document_with_dollars_for_american_english(rendered):
    plan, pages, _, document = rendered["city-library"]
    assert plan.language == "en_US"
    box = pypdf.PdfReader(io.BytesIO(document)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = " ".join(p.text for p in pages)
    assert "$" in text and "US$" not in text and "USD" not in text


OPEN = """\
smplan: 1
project:
  name: Plan
  organization: Acme
  language: en
  author: Jo
  date: 2026-11-02
  status: {status}
objectives:
  - id: orders
    statement: Sell more
    primary: true
"""


@pytest.mark.parametrize("status", ["draft", "final"])
def test_render_final_writes_no_draft_mark_and_says_what_is_open(tree, smplan, status):
    root = tree({"plan.yaml": OPEN.format(status=status)})
    result = smplan("render", root / "plan.yaml", "--final", "-o", root / "plan.pdf")
    assert result.exit_code == 0, result.output
    assert "points are still open; the document lists them for the client:" in result.stderr
    assert "  - Objectives and measurement: An objective has no deadline" in result.stderr
    reader = pypdf.PdfReader(root / "plan.pdf")
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "Draft" not in text and "DRAFT" not in text
    assert "Still to be decided An objective has no deadline" not in text
    assert "Still to be decided" in text


def test_render_draft_marks_the_cover_and_the_pages(tree, smplan):
    root = tree({"plan.yaml": OPEN.format(status="final")})
    result = smplan("render", root / "plan.yaml", "--draft", "-o", root / "plan.pdf")
    assert result.exit_code == 0, result.output
    pages = pypdf.PdfReader(root / "plan.pdf").pages
    assert all("DRAFT" in page.extract_text() for page in pages)


def test_render_strict_refuses_a_plan_with_open_points(tree, smplan):
    root = tree({"plan.yaml": OPEN.format(status="final")})
    result = smplan("render", root / "plan.yaml", "--strict", "-o", root / "plan.md")
    assert result.exit_code == 1
    assert "--strict refuses it:" in result.stderr
    assert not (root / "plan.md").exists()
