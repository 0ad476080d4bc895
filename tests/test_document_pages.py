"""The strategy document as a client reads it: pages that hold together, running heads
that name the chapter in force, nothing of the tool's workings, French set as French.

The examples' documents and summaries are the ones the PDF batch renders once for the
session (`batch`, `summaries`); they are read back with pypdf, text and positions (see
`layout.py`, which also prints these figures for any version of the templates).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import NamedTuple

import pypdf
import pytest
from layout import (
    Line,
    Page,
    flat,
    leaks,
    read_pages,
    short_pages,
    stranded_headings,
    wrong_running_heads,
)

from smplan.i18n import _, language
from smplan.plan.files import load_plan
from smplan.plan.model import Plan
from smplan.render.formats import RenderOptions, render_plan
from smplan.render.typography import french

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])


class Rendered(NamedTuple):
    """An example's plan, its document's pages and bytes, its summary's pages."""

    plan: Plan
    pages: list[Page]
    summary: list[Page]
    document: bytes


@pytest.fixture(scope="module")
def rendered(batch, summaries) -> dict[str, Rendered]:
    """Each example's plan, document pages and summary pages, as the batch wrote them."""
    out = {}
    for path in EXAMPLES:
        document = (batch[0] / f"{path.stem}.pdf").read_bytes()
        summary = (summaries[0] / f"{path.stem}.summary.pdf").read_bytes()
        plan = load_plan(path).plan
        out[path.stem] = Rendered(plan, read_pages(document), read_pages(summary), document)
    return out


def _skipped(plan: Plan) -> list[str]:
    """The running heads that name no chapter: the draft mark and the contents page."""
    with language(plan.language):
        return [_("Draft"), _("Contents")]


# --- Nothing of the tool -------------------------------------------------------------------


@examples
def test_nothing_of_the_tool_reaches_the_document_or_the_summary(rendered, path):
    shown = rendered[path.stem]
    for pages in (shown.pages, shown.summary):
        text = " ".join(p.text for p in pages)
        found = leaks(text, shown.plan, [line for p in pages for line in p.body])
        assert found == dict.fromkeys(found, 0)


def test_nothing_of_the_tool_reaches_the_change_log():
    plan = load_plan(ROOT / "examples" / "boulangerie.yaml").plan
    earlier = plan.model_copy(deep=True)
    earlier.metrics[0].target = 10
    earlier.listening.monitored_by = []
    earlier.objectives[1].statement = "Répondre aux avis"
    text = render_plan(plan, RenderOptions(fmt="md", previous=earlier))
    changes = text.split("\n## ", 3)[2]
    assert changes.startswith("Changements depuis la version")
    found = leaks(changes.replace("\\`", "`"), plan)
    assert found == dict.fromkeys(found, 0)


def test_the_leak_count_sees_each_kind_of_leak():
    text = (
        "résolu SMP210 : lancez smplan check ; la commande calendar écrit le calendrier ; "
        "indicateur `nombre-avis` : cible 90 → 100 ; objectives[0].deadline manque"
    )
    found = leaks(text, lines=[Line(0, 0, 8, False, False, "aucun")])
    assert found["rule codes"] == 1
    assert found["commands"] == 2
    assert found["field paths"] == 1
    assert found["backticks"] == 2
    assert found["none rows"] == 1


# --- Pages that hold together ----------------------------------------------------------------


@examples
def test_no_heading_is_left_at_the_foot_of_a_page_without_its_first_paragraph(rendered, path):
    shown = rendered[path.stem]
    assert stranded_headings(shown.pages) == []
    assert stranded_headings(shown.summary) == []


@examples
def test_no_inner_page_is_under_40_percent_full_unless_a_chapter_ends_on_it(rendered, path):
    pages = rendered[path.stem].pages
    assert [(n, fill) for n, fill, chapter_ends in short_pages(pages) if not chapter_ends] == []


@examples
def test_each_running_head_names_the_chapter_in_force_where_its_page_begins(rendered, path):
    shown = rendered[path.stem]
    skip = _skipped(shown.plan)
    assert wrong_running_heads(shown.pages, skip) == []
    # It has something to check: most pages carry a running head.
    assert sum(1 for p in shown.pages if p.running_head(skip)) > len(shown.pages) // 2


def _page(number: int, body: list[Line], head: str | None = None) -> Page:
    """A page of A4 laid out as style.css does, for the measuring helpers' own tests."""
    page = Page(number, 595, 842)
    page.body = body
    if head:
        page.head = [Line(450, 800, 8, False, False, head)]
    return page


def test_the_page_measures_see_a_stranded_heading_a_short_page_and_a_wrong_running_head():
    top, bottom = 842 - 24 * 72 / 25.4, 20 * 72 / 25.4
    full = [Line(51, y, 12, False, False, "text") for y in range(int(top), int(bottom), -14)]
    chapter = Line(51, top, 22, True, False, "Budget")
    # A heading in the last 15 % of page 2 with one line under it; then a short page 3 that
    # ends no chapter; page 4 begins the chapter "Budget" but its head names another.
    stranded = [*full[:-6], Line(51, bottom + 40, 14, True, False, "Tools"), full[-1]]
    pages = [
        _page(1, full),
        _page(2, stranded, "Situation"),
        _page(3, full[:5], "Situation"),
        _page(4, [chapter, *full[1:]], "Situation"),
        _page(5, full, "Budget"),
    ]
    assert stranded_headings(pages) == [(2, "Tools")]
    assert [(n, chapter_ends) for n, _, chapter_ends in short_pages(pages)] == [(3, True)]
    pages[3].body = full
    assert [(n, chapter_ends) for n, _, chapter_ends in short_pages(pages)] == [(3, False)]
    pages[3].body = [chapter, *full[1:]]
    assert wrong_running_heads(pages) == [(4, "Situation", "Budget")]


@examples
def test_no_channel_card_is_split_across_pages(rendered, path):
    shown = rendered[path.stem]
    for channel in shown.plan.channels or []:
        purpose = flat(channel.purpose)[:60]
        if shown.plan.language.startswith("fr"):
            purpose = flat(french(channel.purpose))[:60]
        holding = [p for p in shown.pages if purpose in p.text]
        assert len(holding) == 1, channel.platform
        last = flat(channel.pillars[-1].name) if channel.pillars else None
        assert last is None or last in holding[0].text.split(purpose, 1)[1]


# --- The summary -----------------------------------------------------------------------------


@examples
def test_the_summary_is_two_pages_at_most_and_fills_them(rendered, path):
    summary = rendered[path.stem].summary
    assert len(summary) <= 2
    # Two pages are two pages worth reading: neither is left half empty.
    assert len(summary) == 1 or all(page.fill >= 0.5 for page in summary)


# --- Language, paper, units ------------------------------------------------------------------


def test_the_french_document_has_no_breakable_space_where_french_forbids_one(rendered):
    shown = rendered["boulangerie"]
    prose = " ".join(r.text for p in [*shown.pages, *shown.summary] for r in p.body if not r.mono)
    assert not re.search(r" [%:;?!»]|« ", prose)
    assert re.findall(r"\d (?:h|heures|min|minutes|jours|mois|km|€|%)(?!\w)", prose) == []
    assert "'" not in prose
    # It has what it checks: narrow spaces before percent signs, typographic apostrophes.
    assert "’" in prose and "\u202f%" in prose and "\u00a0€" in prose


def test_a_letter_size_document_with_dollars_for_american_english(rendered):
    shown = rendered["city-library"]
    assert shown.plan.language == "en_US"
    box = pypdf.PdfReader(io.BytesIO(shown.document)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = " ".join(p.text for p in shown.pages)
    assert re.search(r"\$\d", text) and "US$" not in text and "USD" not in text
    # Month before day, as Americans write dates.
    assert "November 30, 2026" in text


def test_a_document_elsewhere_is_a4(rendered):
    box = pypdf.PdfReader(io.BytesIO(rendered["b2b-software"].document)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


# --- Draft, final, strict --------------------------------------------------------------------

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
    assert result.stdout == f"Wrote {root / 'plan.pdf'}.\n"
    assert "points are still open; the document lists them for the client:" in result.stderr
    assert "  - Objectives and measurement: An objective has no deadline" in result.stderr
    reader = pypdf.PdfReader(root / "plan.pdf")
    pages = [flat(page.extract_text()) for page in reader.pages]
    assert not any("Draft" in page or "DRAFT" in page for page in pages)
    # What is open is listed once, on the page of its own chapter.
    listing = [page for page in pages if "An objective has no deadline" in page]
    assert len(listing) == 1 and "Still to be decided" in listing[0]


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
    assert "points are still open, so the plan is not finished; --strict refuses it:" in (
        result.stderr
    )
    assert "  - Objectives and measurement: An objective has no deadline" in result.stderr
    assert not (root / "plan.md").exists()


def test_render_strict_writes_a_finished_plan(tree, smplan):
    example = (ROOT / "examples" / "b2b-software.yaml").read_text(encoding="utf-8")
    root = tree({"plan.yaml": example})
    result = smplan("render", root / "plan.yaml", "--strict", "-f", "md")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (root / "plan.md").exists()
