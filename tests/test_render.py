"""`smplan render` to Markdown and HTML: the deliverable's content, its languages, its safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smplan.plan.files import parse_plan_bytes
from smplan.render.environment import render_text
from smplan.render.formats import RenderOptions
from smplan.render.markdown import md_escape, md_fence, mdblock_escape, mdcell_escape
from smplan.render.view import all_of, any_of, quote_term

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)

examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])

#: A small plan in English, complete enough to reach every section.
PLAN = """\
smplan: 1
project:
  name: Social plan 2027
  organization: Acme Bakery
  language: en
  author: Jo Smith
  date: 2026-11-02
  version: "0.3"
  currency: EUR
team:
  members:
    - id: jo
      name: Jo Smith
      department: marketing
      hours_per_week: 3
listening:
  keywords:
    company: [Acme Bakery, Acme]
    themes: [sourdough]
    competitors: []
  playbook:
    verify: Check the order book.
    cases:
      - case: praise
        action: Thank them by name.
        owner: jo
        response_hours: 4
objectives:
  - id: orders
    family: revenue
    statement: Take 40 cake orders a month through social media
    primary: true
    deadline: 2027-06-30
metrics:
  - id: cake-orders
    objective: orders
    name: Cake orders from social media
    baseline: 12
    target: 40
    unit: orders a month
    deadline: 2027-06-30
channels:
  - platform: Instagram
    objectives: [orders]
    owner: jo
    posts_per_week: 4
    hours_per_week: 2.5
    budget_per_month: 1250.5
"""

#: Answers a hostile or careless writer could type, each tried in several fields.
IMG = '<img src="file:///etc/passwd">'
SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 6*7007 }} {% include 'document.md.j2' %}"
BREAKER = "a | b\n| --- |\n# heading"


def load(text: str):
    return parse_plan_bytes(text.encode("utf-8"), "plan.yaml").plan


def md(text: str = PLAN, **options) -> str:
    return render_text(load(text), RenderOptions(fmt="md", **options))


def html(text: str = PLAN, **options) -> str:
    return render_text(load(text), RenderOptions(fmt="html", **options))


def hostile_plan() -> str:
    def q(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    text = PLAN.replace("organization: Acme Bakery", f"organization: {q(IMG)}")
    text = text.replace(
        "statement: Take 40 cake orders a month through social media",
        f"statement: {q(SCRIPT + ' ' + BREAKER)}",
    )
    text = text.replace("name: Cake orders from social media", f"name: {q(JINJA)}")
    text = text.replace("action: Thank them by name.", f"action: {q(BREAKER + ' ' + IMG)}")
    # A keyword is one line of text: its breaker has no line break to carry.
    one_line = BREAKER.replace("\n", " ")
    return text.replace("themes: [sourdough]", f"themes: [{q(JINJA)}, {q(one_line)}]")


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# --- The deliverable --------------------------------------------------------------------


@examples
def test_markdown_matches_the_golden_file_of_every_example(path, golden):
    loaded = parse_plan_bytes(path.read_bytes(), path.name).plan
    golden(f"render/{path.stem}.md", render_text(loaded, RenderOptions(fmt="md")))


@examples
def test_summary_markdown_matches_the_golden_file_of_every_example(path, golden):
    loaded = parse_plan_bytes(path.read_bytes(), path.name).plan
    text = render_text(loaded, RenderOptions(fmt="md", summary=True))
    golden(f"render/{path.stem}.summary.md", text)


def test_markdown_has_a_cover_a_table_of_contents_and_the_chapters_an_agency_hands_over():
    text = md()
    assert text.startswith("# Social plan 2027\n\n**Acme Bakery**\n\n")
    assert "- **Prepared by:** Jo Smith\n- **Date:** 2 November 2026\n- **Version:** 0.3\n" in text
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    # Chapters named for the client, in the order of an agency's deliverable; those the
    # plan has nothing to say in are left out, never printed empty.
    assert headings == [
        "Contents",
        "Summary",
        "Objectives and measurement",
        "Where and how often",
        "How we run it",
        "Budget and time",
        "The first 90\u00a0days",
        "Still to be decided",
        "Sign-off",
        "How to read this document",
        "Monitoring queries",
        "Traceability",
        "Glossary",
    ]
    contents = text.split("## Contents\n")[1].split("\n## ")[0]
    assert "- Sign-off\n- Appendices\n  - How to read this document\n  - Monitoring queries\n" in (
        contents
    )
    assert "Step " not in text


def test_a_complete_plan_has_every_chapter_of_the_deliverable():
    loaded = parse_plan_bytes(EXAMPLES[0].read_bytes(), EXAMPLES[0].name).plan
    headings = re.findall(r"^## (.+)$", render_text(loaded, RenderOptions(fmt="md")), re.M)
    assert headings == [
        "Contents",
        "Summary",
        "Situation and insights",
        "Objectives and measurement",
        "Audiences and personas",
        "What we will say",
        "Where and how often",
        "How we run it",
        "Budget and time",
        "The first 90\u00a0days",
        "Assumptions and risks",
        "Sign-off",
        "How to read this document",
        "Monitoring queries",
        "Traceability",
        "Glossary",
    ]


def test_the_summary_chapter_gives_the_objectives_their_targets_the_cost_and_first_actions():
    summary = md().split("## Summary\n")[1].split("\n## ")[0]
    assert "Take 40 cake orders a month through social media\n" in summary
    assert "- **Deadline:** 30 June 2027\n" in summary
    assert "  - Cake orders from social media: 12 → 40 orders a month\n" in summary
    assert "- **Time the plan needs:** 2.5\u00a0h a week\n" in summary
    assert "- **Spending a month:** €1,250.50\n" in summary
    # The plan names no horizon: a year is the span a budget is read over.
    assert "- **Over 12\u00a0months:** €15,006\n" in summary
    assert "1. Launch the Instagram plan: Jo Smith, 4 posts a week.\n" in summary.replace(
        "1. Set up monitoring with the ready-to-paste keyword queries.\n2. ", "1. "
    )


def test_the_strategy_in_one_sentence_opens_the_summary_and_the_short_label_names_it_after():
    plan = PLAN.replace(
        '  version: "0.3"\n',
        '  version: "0.3"\n  strategy: Neighbours love our bread; we show the bakehouse daily\n',
    ).replace("    primary: true\n", "    primary: true\n    label: Cake orders\n")
    text = md(plan)
    summary = text.split("## Summary\n")[1].split("\n## ")[0]
    assert summary.startswith(
        "\n**Our strategy in one sentence:** Neighbours love our bread; we show the bakehouse daily"
    )
    # The objective's statement is given in full once per chapter that states it; after
    # that, and wherever it is only referred to, its short label names it.
    assert text.count("Take 40 cake orders a month through social media") == 2
    assert "| Cake orders | Cake orders from social media | Instagram | — |" in text
    assert "  - Cake orders\n" in text.split("## Where and how often")[1]


def test_traceability_links_each_objective_to_its_metrics_channels_and_audiences():
    text = md()
    traceability = text.split("## Traceability\n")[1].split("\n## ")[0]
    # An objective without a short label goes by its number after its statement.
    assert "| Objective 1 | Cake orders from social media | Instagram | — |" in traceability


def test_keywords_come_with_ready_to_paste_boolean_queries():
    text = md()
    queries = text.split("## Monitoring queries\n")[1].split("\n## ")[0]
    assert "| Organization names | Acme Bakery, Acme |" in queries
    # A category with no terms has nothing to tell the client: no row says "none".
    assert "| Competitors |" not in queries and "| Executives |" not in queries
    assert "none" not in queries and "not filled in" not in queries
    assert '```text\n("Acme Bakery" OR Acme)\n```' in queries
    assert '```text\n("Acme Bakery" OR Acme) AND sourdough\n```' in queries


def test_response_playbook_starts_with_checking_the_facts():
    text = md()
    assert "**First, check the facts:** Check the order book.\n" in text
    assert "| Praise | Thank them by name. | Jo Smith | 4\u00a0h |" in text


#: PLAN with a second member, who is the sponsor and, with Jo, does the monitoring.
TEAM_PLAN = PLAN.replace(
    "team:\n  members:\n",
    "team:\n  sponsor:\n    id: ana\n  members:\n"
    "    - id: ana\n      name: Ana Lopez\n      role: Owner\n      hours_per_week: 1\n",
).replace("listening:\n", "listening:\n  monitoring_hours_per_week: 3\n  monitored_by: [jo, ana]\n")


def test_a_sponsor_named_by_a_member_s_id_is_shown_with_the_member_s_name_and_role():
    assert "- **Sponsor:** Ana Lopez, Owner\n" in md(TEAM_PLAN)
    assert "<dt>Sponsor</dt><dd>Ana Lopez, Owner</dd>" in html(TEAM_PLAN)
    # What the sponsor says of themselves comes first.
    own = TEAM_PLAN.replace("    id: ana\n", "    id: ana\n    role: Co-owner\n", 1)
    assert "- **Sponsor:** Ana Lopez, Co-owner\n" in md(own)


def test_the_monitoring_names_who_does_it_and_each_share_counts_in_their_week():
    text = md(TEAM_PLAN)
    listening = text.split("### Monitoring")[1].split("###")[0]
    assert "- **Monitoring time:** 3\u00a0h a week\n- **Monitored by:** Jo Smith, Ana Lopez\n" in (
        listening
    )
    assert "<dt>Monitored by</dt><dd>Jo Smith, Ana Lopez</dd>" in html(TEAM_PLAN)
    people = text.split("### Time by person")[1].split("###")[0]
    assert "| Person | Role | Declared | Channels run | Monitoring | Planned |" in people
    assert "| Ana Lopez | Owner | 1\u00a0h | — | 1.5\u00a0h | 1.5\u00a0h |" in people
    assert "| Jo Smith | — | 3\u00a0h | Instagram | 1.5\u00a0h | 4\u00a0h |" in people
    assert "| **Total** |  | **4\u00a0h** |  | **3\u00a0h** | **5.5\u00a0h** |" in people


def test_a_team_that_does_no_monitoring_has_no_monitoring_column():
    people = md().split("### Time by person")[1].split("###")[0]
    assert "| Person | Role | Declared | Channels run | Planned |" in people
    assert "| Jo Smith | — | 3\u00a0h | Instagram | 2.5\u00a0h |" in people


def test_a_sponsor_off_the_team_who_runs_a_channel_has_a_line_of_their_own():
    plan = PLAN.replace(
        "team:\n", "team:\n  sponsor:\n    id: boss\n    name: Max Weber\n    role: CEO\n"
    ).replace("    owner: jo\n    posts_per_week", "    owner: boss\n    posts_per_week")
    people = md(plan).split("### Time by person")[1].split("###")[0]
    assert "| Jo Smith | — | 3\u00a0h | — | — |" in people
    assert "| Max Weber | CEO | — | Instagram | 2.5\u00a0h |" in people
    assert "| **Total** |  | **3\u00a0h** |  | **2.5\u00a0h** |" in people


def test_the_french_document_names_the_monitoring_and_its_shares_in_french():
    text = md(TEAM_PLAN.replace("language: en", "language: fr"))
    assert "- **Veille assurée par\u00a0:** Jo Smith, Ana Lopez\n" in text
    assert "| Personne | Fonction | Déclaré | Canaux animés | Veille | Prévu |" in text
    assert "| Ana Lopez | Owner | 1\u00a0h | — | 1,5\u00a0h | 1,5\u00a0h |" in text


def test_an_unfinished_plan_lists_what_is_still_to_be_decided_and_is_no_draft():
    text = md("smplan: 1\nproject:\n  organization: Acme\n  language: en\n")
    # Open points are said once, in their own chapter, in the client's words.
    open_points = text.split("## Still to be decided\n")[1].split("\n## ")[0]
    assert "- **Objectives and measurement**: The objectives\n" in open_points
    assert "- **How we run it**: Who carries the work, and how the team meets and approves\n" in (
        open_points
    )
    assert "- **Summary**: The cover lacks a detail" in open_points
    assert "Draft" not in text
    # A chapter with nothing to say is left out rather than printed empty.
    assert "## Audiences and personas" not in text
    assert "## How to read this document" not in text


@pytest.mark.parametrize(
    ("status", "asked", "marked"),
    [
        ("draft", None, True),
        ("final", None, False),
        ("final", True, True),
        ("draft", False, False),
    ],
)
def test_a_document_is_a_draft_when_the_plan_or_the_command_says_so(status, asked, marked):
    plan = PLAN.replace('  version: "0.3"\n', f'  version: "0.3"\n  status: {status}\n')
    text = md(plan, draft=asked)
    assert ("> **Draft**\n" in text) is marked
    assert ('<p class="cover-draft">Draft</p>' in html(plan, draft=asked)) is marked
    assert ("> **Draft**\n" in md(plan, draft=asked, summary=True)) is marked


def test_a_complete_plan_carries_no_draft_mark():
    for path in EXAMPLES:
        loaded = parse_plan_bytes(path.read_bytes(), path.name).plan
        assert "**Draft**" not in render_text(loaded, RenderOptions(fmt="md"))


def test_summary_is_the_short_version():
    text = md(summary=True)
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == [
        "Objectives",
        "Channels at a glance",
        "What it costs",
        "First actions",
    ]
    assert "Jo Smith · 2 November 2026 · Version 0.3\n" in text
    assert "| Instagram | Jo Smith | 4 | 2.5\u00a0h | €1,250.50 |" in text


# --- Languages --------------------------------------------------------------------------


def test_a_french_plan_renders_french_headings_dates_and_numbers():
    text = md(PLAN.replace("language: en", "language: fr"))
    assert "## Objectifs et mesure\n" in text
    assert "## Où et à quel rythme\n" in text
    assert "- **Date\u00a0:** 2 novembre 2026\n" in text
    assert "| Instagram | Jo Smith | 2,5\u00a0h | 1\u202f250,50\u00a0€ |" in text


def test_lang_overrides_the_plans_language_for_labels_dates_and_numbers():
    french = PLAN.replace("language: en", "language: fr")
    text = md(french, lang="en")
    assert "## Objectives and measurement\n" in text
    assert "- **Date:** 2 November 2026\n" in text
    assert '<html lang="en">' in html(french, lang="en")


def test_amounts_use_the_plans_currency():
    text = md(PLAN.replace("currency: EUR", "currency: GBP"))
    assert "| Instagram | Jo Smith | 2.5\u00a0h | £1,250.50 |" in text
    assert "€" not in text and "GBP" not in text


# --- HTML -------------------------------------------------------------------------------


def test_html_carries_the_title_author_and_language_the_pdf_metadata_comes_from():
    page = html()
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<html lang="en">' in page
    assert "<title>Social plan 2027 — Acme Bakery</title>" in page
    assert '<meta name="author" content="Jo Smith">' in page
    assert '<meta name="dcterms.created" content="2026-11-02T00:00:00Z">' in page


def test_source_date_epoch_sets_the_document_timestamp(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert '<meta name="dcterms.created" content="2026-01-01T00:00:00Z">' in html()


def test_an_unusable_source_date_epoch_is_an_error(monkeypatch):
    from smplan.errors import RenderError

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(RenderError, match="SOURCE_DATE_EPOCH is not a number of seconds"):
        html()


def test_html_draws_the_effort_chart_in_the_page_s_own_text():
    page = html(TEAM_PLAN)
    caption = '<figure class="chart chart-effort"><figcaption>Hours a week by channel</figcaption>'
    chart = page.split(caption)[1].split("</figure>")[0]
    # Labels and figures are text of the page, set like the rest (no-break space and all).
    assert '<tr><th>Instagram</th><td><span class="bar" style="width: 65.0%"></span>2.5\u00a0h' in (
        chart
    )
    assert '<tr><th>Monitoring</th><td><span class="bar" style="width: 78.0%"></span>3\u00a0h' in (
        chart
    )
    assert "<svg" not in page


def test_a_chart_of_one_bar_is_left_out():
    assert '<figure class="chart' not in html()


# --- Plan text is data ------------------------------------------------------------------


def test_markdown_escapes_what_would_become_markup():
    assert md_escape(IMG) == '\\<img src="file:///etc/passwd">'
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("version 1.0 and snake_case") == "version 1.0 and snake_case"
    assert md_escape("*bold* _it_ [link](x) `code` a|b") == (
        "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` a\\|b"
    )
    assert md_escape("line\nbreak") == "line break"
    assert mdblock_escape("one\n\n- two") == "one\\\n\\- two"
    assert mdcell_escape("a | b\nc") == "a \\| b<br>c"
    assert mdcell_escape(["x|y", "z"]) == "x\\|y<br>z"
    assert md_fence("a ``` b") == "````text\na ``` b\n````"


def test_hostile_answers_come_out_as_literal_markdown():
    text = md(hostile_plan())
    assert "42042" not in text
    assert "{{ 6\\*7007 }} {% include 'document.md.j2' %}" in text
    assert re.search(r"(?<!\\)<(img|script)", text) is None
    assert '\\<img src="file:///etc/passwd">' in text
    assert not re.search(r"^#+ heading", text, flags=re.MULTILINE)
    for table in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.MULTILINE):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(widths) == 1, table


def test_hostile_answers_come_out_as_literal_html():
    page = html(hostile_plan())
    assert "42042" not in page
    assert "{{ 6*7007 }} {% include &#39;document.md.j2&#39; %}" in page
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page


def test_boolean_queries_quote_phrases_and_escape_quotes():
    assert quote_term("levain") == "levain"
    assert quote_term("pain  au\nlevain") == '"pain au levain"'
    assert quote_term('say "hi"') == '"say \\"hi\\""'
    assert quote_term("OR") == '"OR"'
    assert any_of(["Maison Fournil", "Fournil", "Fournil", " "]) == '("Maison Fournil" OR Fournil)'
    assert any_of([]) is None
    assert all_of('("Maison Fournil" OR Fournil)', "(pain OR levain)") == (
        '("Maison Fournil" OR Fournil) AND (pain OR levain)'
    )
    assert all_of("x", None) is None


# --- User templates ---------------------------------------------------------------------


def test_a_user_template_replaces_the_built_in_one_of_the_same_name(tree):
    root = tree({"tpl/summary.md.j2": "Summary of {{ doc.organization }}\n"})
    options = {"template_dir": root / "tpl"}
    assert md(summary=True, **options) == "Summary of Acme Bakery\n"
    assert md(**options).startswith("# Social plan 2027\n")


def test_a_user_template_can_extend_the_built_in_one_and_override_a_block(tree):
    root = tree(
        {
            "tpl/document.md.j2": (
                '{% extends "builtin/document.md.j2" %}\n'
                "{% block cover %}# {{ doc.organization }}, by us{% endblock %}\n"
            )
        }
    )
    text = md(template_dir=root / "tpl")
    assert text.startswith("# Acme Bakery, by us\n\n## Contents\n")
    assert "## Where and how often\n" in text


def test_a_user_template_also_escapes_plan_text(tree):
    root = tree({"tpl/summary.html.j2": "<p>{{ doc.organization }}</p>"})
    page = html(hostile_plan(), summary=True, template_dir=root / "tpl")
    assert page == "<p>&lt;img src=&#34;file:///etc/passwd&#34;&gt;</p>"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "ok\n{{ doc.__class__.__mro__ }}\n",
            "tpl/document.md.j2:2: template refused: access to attribute '__class__' of "
            "'Document' object is unsafe.",
        ),
        ("{{ ''.__class__ }}", "tpl/document.md.j2:1: template refused: "),
        ("{{ nowhere }}", "tpl/document.md.j2:1: template error: 'nowhere' is undefined"),
        ("\n{% if %}", "tpl/document.md.j2:2: template error: Expected an expression, got 'end"),
        ('{% include "missing.j2" %}', "tpl/document.md.j2:1: template not found: missing.j2"),
    ],
    ids=["class-of-the-document", "class-of-a-string", "undefined", "syntax", "missing"],
)
def test_a_broken_or_hostile_user_template_is_refused_with_its_line(
    tree, smplan, template, message
):
    root = tree({"plan.yaml": PLAN, "tpl/document.md.j2": template})
    result = smplan("render", root / "plan.yaml", "-f", "md", "--template-dir", root / "tpl")
    assert result.exit_code == 2
    # Only the error is said: what the plan leaves open is said of a document written.
    assert result.stderr.startswith(f"error: {root / 'plan.yaml'}: {root}/{message}")
    assert "still open" not in result.stderr
    assert not (root / "plan.md").exists()


def test_templates_cannot_read_plan_files_through_the_model(tree):
    # Templates see plain data: no pydantic object whose methods could open a file.
    root = tree({"tpl/document.md.j2": "{{ plan.project.parse_file }}"})
    from smplan.errors import RenderError

    with pytest.raises(RenderError, match="'dict object' has no attribute 'parse_file'"):
        md(template_dir=root / "tpl")
