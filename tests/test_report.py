"""`smplan report`: what the client reads for a period, in Markdown and in the PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name in ("b2b-software", "boulangerie"):
        for suffix in (".yaml", ".results.yaml"):
            shutil.copy(EXAMPLES / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path


def report(smplan, *args: str) -> str:
    result = smplan("report", *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote ")
    return Path(result.stdout.strip()[len("Wrote ") : -1]).read_text(encoding="utf-8")


def test_the_markdown_report_answers_what_we_aimed_at_where_we_stand_and_what_comes_next(
    smplan, folder
):
    text = report(smplan, "b2b-software.yaml", "--period", "2027-02", "-f", "md")
    assert (folder / "b2b-software.report-2027-02.md").exists()
    assert text.startswith("# Social media strategy 2027\n\n**Fieldwise Ltd** — Results report")
    assert "Results up to the end of February 2027" in text
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == [
        "## What we set out to do",
        "## Where each objective stands",
        "## Channel by channel",
        "## What comes next",
    ]
    assert '- Cut "how do I" tickets by 30% (from 104 to 73 a month)' in text
    # Every metric is counted, the one a quarterly figure cannot judge yet too.
    assert "**At a glance:** 3 on track, 3 at risk, 1 off track, 1 too early to judge." in text
    # Baseline, actual, target, pacing as a word and a symbol, status as a symbol and a
    # word, and the trend.
    assert (
        "| Qualified demo requests from social (requests per month) | 9 | 17 | 35 | "
        "▼ behind (90%) | ! at risk | ▁▆█ ↑ improving |"
    ) in text
    assert "| Cost per qualified demo from paid social (GBP per demo) | 410 | 344 | 250 |" in text
    assert "Why: No webinar this month; the case study carried the LinkedIn posts" in text
    # Each channel adds its own figures, and its metrics in one line.
    assert "### LinkedIn — Tom Brennan\n\n- Posts planned in February 2027: " in text
    assert "- Metrics: ! Qualified demo requests from social (at risk), ✓ Cost per" in text
    assert (
        "**Next review:** Report to the leadership team (pipeline from social, ticket "
        "deflection, spend), run by Rachel Hughes, by 31 March 2027."
    ) in text
    assert (
        '- ✗ **off track**: "How do I" tickets (▼ behind, 54%) — owner: Aisha Rahman — '
        "next step: not decided yet"
    ) in text
    assert (
        "- ! **at risk**: Tutorial views from customer accounts (▼ behind, 90%) — owner: Tom "
        "Brennan"
    ) in text


def test_the_report_is_in_the_plans_language(smplan, folder):
    text = report(smplan, "boulangerie.yaml", "--period", "2027-02", "-f", "md")
    assert "## Ce que nous voulions faire" in text
    assert "**Boulangerie Maréchal** — Bilan des résultats, février 2027" in text
    assert "Résultats jusqu’à fin février 2027" in text  # a typographic apostrophe
    assert "| ✓ en bonne voie |" in text and "| ✗ en retard |" in text
    assert "**Prochain point\u00a0:**" in text
    english = report(smplan, "boulangerie.yaml", "--period", "2027-02", "-f", "md", "--lang", "en")
    assert "## What we set out to do" in english
    assert "— Results report, February 2027" in english  # dates follow --lang too


def test_the_report_of_an_earlier_period_leaves_later_figures_out(smplan, folder):
    text = report(smplan, "b2b-software.yaml", "--period", "2026-12", "-f", "md", "-o", "dec.md")
    assert "Results up to the end of December 2026" in text
    assert "| 9 | 11 | 35 |" in text
    assert "| 9 | 17 | 35 |" not in text


def test_the_summary_keeps_the_tables_and_what_comes_next(smplan, folder):
    text = report(smplan, "b2b-software.yaml", "--period", "2027-02", "-f", "md", "--summary")
    assert (folder / "b2b-software.report-2027-02.summary.md").exists()
    assert "## Channel by channel" not in text
    assert "Why:" not in text
    assert "## What comes next" in text


def test_the_report_is_the_same_on_every_run(smplan, folder):
    first = report(smplan, "b2b-software.yaml", "--period", "2027-02", "-f", "html", "-o", "a.html")
    second = report(
        smplan, "b2b-software.yaml", "--period", "2027-02", "-f", "html", "-o", "b.html"
    )
    assert first == second
    assert (
        "<svg" in first and "<title>Qualified demo requests from social: at risk</title>" in first
    )


def test_brand_templates_apply_to_the_report(smplan, folder):
    brand = folder / "brand"
    brand.mkdir()
    (brand / "report.md.j2").write_text(
        '{% extends "builtin/report.md.j2" %}\n'
        "{% block masthead %}# Northbank Digital · {{ doc.period_label }}\n{% endblock %}\n",
        encoding="utf-8",
    )
    text = report(
        smplan, "b2b-software.yaml", "--period", "2027-02", "-f", "md", "--template-dir", "brand"
    )
    assert text.startswith("# Northbank Digital · February 2027\n")
    assert "## What comes next" in text


def test_a_runaway_brand_report_template_stops_with_a_clear_message(smplan, folder):
    brand = folder / "brand"
    brand.mkdir()
    (brand / "report.md.j2").write_text(
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", encoding="utf-8"
    )
    args = ("b2b-software.yaml", "--period", "2027-02", "-f", "md", "--template-dir", "brand")
    result = smplan("report", *args)
    assert result.exit_code == 2
    assert "template error: templates call themselves without end" in result.stderr
    assert "internal error" not in result.stderr


def test_a_report_is_refused_when_the_results_do_not_fit_the_plan(smplan, folder):
    with (folder / "b2b-software.results.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - metric: nps\n    period: '2027-02'\n    value: 340\n")
    result = smplan("report", "b2b-software.yaml", "--period", "2027-02", "-f", "md")
    assert result.exit_code == 2
    assert "b2b-software.results.yaml:" in result.stderr
    assert "error SMP903: 340 is out of range" in result.stderr
    assert "error SMP904" in result.stderr
    assert not (folder / "b2b-software.report-2027-02.md").exists()


def test_a_report_needs_a_period(smplan, folder):
    result = smplan("report", "b2b-software.yaml", "--period", "February")
    assert result.exit_code == 2
    assert "`February` is not a period" in result.stderr


@pytest.mark.slow
def test_the_pdf_report_holds_each_objective_its_metrics_and_what_comes_next(smplan, folder):
    result = smplan("report", "b2b-software.yaml", "--period", "2027-02")
    assert result.exit_code == 0, result.output
    pdf = folder / "b2b-software.report-2027-02.pdf"
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for expected in (
        "RESULTS REPORT · FEBRUARY 2027",  # the style sets the masthead in capitals
        "What we set out to do",
        "Where each objective stands",
        "Qualified demo requests from social",
        "▼ behind (90%)",
        "at risk",
        "off track",
        "Channel by channel",
        "What comes next",
        "run by Rachel Hughes, by 31 March 2027",
    ):
        assert expected in text, expected
    again = folder / "again.pdf"
    assert smplan("report", "b2b-software.yaml", "--period", "2027-02", "-o", again).exit_code == 0
    assert again.read_bytes() == pdf.read_bytes()


# --- a report read in 30 seconds ----------------------------------------------------------

#: An ISO period (2027-02, 2027-W08) or a date written the machine's way.
ISO = re.compile(r"\b\d{4}-(W\d{2}|\d{2})\b")


@pytest.mark.slow
def test_the_pdf_opens_with_a_headline_is_dated_and_says_figures_as_people_do(smplan, folder):
    result = smplan("report", "boulangerie.yaml", "--period", "2027-02")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(folder / "boulangerie.report-2027-02.pdf")
    first = " ".join((reader.pages[0].extract_text() or "").split())
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    # Where we stand in one line, before anything else is explained.
    headline = (
        "Février 2027 : 4 des 6 indicateurs en bonne voie ; « Commandes de gâteaux venues des "
        "réseaux sociaux » suit le rythme nécessaire pour atteindre sa cible."
    )
    assert headline in first
    assert first.index(headline) < first.index("Ce que nous voulions faire")
    # The issue date, on the report and as the PDF's creation date: the period's last day.
    assert "Établi le 28 février 2027" in first
    assert reader.metadata and reader.metadata["/CreationDate"].startswith("D:20270228")
    # Pacing explained once, in words; then a word and a symbol beside each figure.
    assert text.count("Le rythme compare le progrès accompli") == 1
    assert "▲ en avance" in text and "▼ en deçà" in text
    # Counts whole, rates to one decimal: 6.92 orders expected is said 7.
    assert "attendu pour cette période 7 ;" in text and "6,92" not in text
    assert re.search(r"\d[,.]\d\d", text.replace("1 / 3", "")) is None
    # Periods in words, never as ISO codes, in what the client reads.
    assert "semaine du 22 février 2027" in text
    assert ISO.search(text) is None
    # Each late metric with its owner and what will be done.
    assert "prochaine étape : Camille publie la story de 16 h chaque jour ouvré" in text


def test_the_issue_date_is_the_one_asked_for_never_the_clock(smplan, folder):
    text = report(smplan, "boulangerie.yaml", "-p", "2027-02", "-f", "md", "--date", "2027-03-03")
    assert "Établi le 3 mars 2027 · Résultats jusqu’à fin février 2027" in text
    html = report(smplan, "boulangerie.yaml", "-p", "2027-02", "-f", "html", "-o", "r.html")
    assert '<meta name="dcterms.created" content="2027-02-28T00:00:00Z">' in html
    refused = smplan("report", "boulangerie.yaml", "-p", "2027-02", "--date", "3/3/2027")
    assert refused.exit_code == 2
    assert "error: --date 3/3/2027: not a date" in refused.stderr


def test_the_charts_have_a_legend_and_each_channel_its_own_figures(smplan, folder):
    html = report(smplan, "boulangerie.yaml", "-p", "2027-02", "-f", "html", "-o", "r.html")
    assert html.count("<svg") == html.count(">chiffres</text>") > 0
    assert html.count(">rythme prévu</text>") == html.count("<svg")
    channels = html.split("<h2>Canal par canal</h2>", 1)[1].split("<h2>", 1)[0]
    assert "<h3>Instagram — Hélène Maréchal</h3>" in channels
    # The bakery's Instagram posts four times a week: 16 posts in February's four weeks.
    assert "<li>Publications prévues (février 2027)\u00a0: 16</li>" in channels
    assert "<li>Temps prévu\u00a0: 3\u00a0h par semaine</li>" in channels
    assert "<table" not in channels  # the objective tables are not repeated


def test_the_at_a_glance_count_covers_every_metric(smplan, folder):
    text = report(smplan, "b2b-software.yaml", "-p", "2027-02", "-f", "md")
    glance = next(line for line in text.splitlines() if line.startswith("**At a glance:**"))
    assert sum(int(n) for n in re.findall(r"(\d+) ", glance)) == 8  # the plan's metrics


def test_a_figure_below_its_baseline_is_below_the_starting_point(smplan, folder):
    results = folder / "boulangerie.results.yaml"
    results.write_text(
        results.read_text(encoding="utf-8")
        + '  - metric: appels-dispo\n    period: "2027-03"\n    value: 11\n',
        encoding="utf-8",
    )
    text = report(smplan, "boulangerie.yaml", "-p", "2027-03", "-f", "md")
    row = next(line for line in text.splitlines() if line.startswith("| Appels pour savoir"))
    assert "▽ sous le point de départ" in row and "-" not in row.split("|")[5]
    assert "projeté à l'échéance 0" not in text
    status = smplan("status", "boulangerie.yaml", "-p", "2027-03").stdout
    line = next(line for line in status.splitlines() if "Appels pour savoir" in line)
    assert "sous le point de départ" in line and "rythme -" not in line and "projection" not in line
    assert "-0" not in text
