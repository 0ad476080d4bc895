"""`track`, `status`, `report` and `check` on a plan's results, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def plan(tmp_path, monkeypatch) -> Path:
    """The software company's plan, in a folder of its own, without results yet."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "b2b-software.yaml", tmp_path / "plan.yaml")
    return Path("plan.yaml")


RESULTS = Path("plan.results.yaml")


# --- track ------------------------------------------------------------------------------


def test_track_records_a_figure_in_the_results_file_beside_the_plan(smplan, plan):
    before = plan.read_bytes()
    result = smplan(
        "track", plan, "demo-requests", "15", "--period", "2027-01", "--note", "Webinar"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Recorded demo-requests = 15 requests per month for 2027-01 in plan.results.yaml.\n"
    )
    text = RESULTS.read_text(encoding="utf-8")
    assert '  - metric: demo-requests\n    period: "2027-01"\n    value: 15\n' in text
    assert "    note: Webinar\n" in text
    assert plan.read_bytes() == before, "the signed-off plan is never rewritten"


def test_track_replaces_the_figure_of_the_same_period_and_keeps_comments(smplan, plan):
    RESULTS.write_text(
        "# Kept by hand\nsmplan: 1\nresults:\n"
        "  - metric: nps  # the winter survey\n    period: '2026-12'\n    value: 30\n",
        encoding="utf-8",
    )
    result = smplan("track", plan, "nps", "32", "--period", "2026-12")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Replaced nps = 32 points for 2026-12")
    text = RESULTS.read_text(encoding="utf-8")
    assert "# Kept by hand" in text and "# the winter survey" in text
    assert "value: 32" in text and "value: 30" not in text
    assert text.count("metric: nps") == 1


def test_an_unknown_metric_is_refused_with_the_ids_that_exist_and_nothing_is_written(smplan, plan):
    result = smplan("track", plan, "demo-request", "15", "--period", "2027-01")
    assert result.exit_code == 2
    assert (
        "error: `demo-request` is neither the id nor the name of a metric of the plan"
        in result.stderr
    )
    assert "did you mean `demo-requests`?" in result.stderr
    assert (
        "demo-requests (Qualified demo requests from social), "
        "social-cpa (Cost per qualified demo from paid social)" in result.stderr
    )
    assert not RESULTS.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("linkedin-ctr", "150", "--period", "2027-01"), "150 is out of range for metric"),
        (("--period", "2027-01", "--", "nps", "-120"), "it must be between -100 and 100"),
        (("--period", "2027-01", "--", "howto-tickets", "-3"), "it must be at least 0"),
        (
            ("nps", "33", "--period", "2026-10"),
            "SMP004 result `nps`: 2026-10 falls before the plan's date (2026-11-09)",
        ),
        (
            ("nps", "33", "--period", "2028-W02"),
            "SMP004 result `nps`: 2028-W02 falls after the plan's horizon (2027-12-31)",
        ),
        (("nps", "a lot", "--period", "2027-01"), "`a lot` is not a number"),
        (("nps", "12%", "--period", "2027-01"), "`12%` is not a number"),
        (("nps", "33", "--period", "2027-13"), "`2027-13` is not a period"),
    ],
)
def test_track_refuses_a_figure_that_does_not_fit_its_metric(smplan, plan, args, message):
    result = smplan("track", plan, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not RESULTS.exists()


def test_a_percentage_may_be_typed_with_its_sign(smplan, plan):
    result = smplan("track", plan, "linkedin-ctr", "1.2%", "--period", "2027-01")
    assert result.exit_code == 0, result.output
    assert "value: 1.2" in RESULTS.read_text(encoding="utf-8")


def test_an_import_records_every_row(smplan, plan):
    Path("in.csv").write_text(
        'metric,period,value,note\nnps,2026-12,32,"Winter survey, 214 answers"\n'
        "social-cpa,2027-01,371,\nhowto-tickets,2027-W03,24,\n",
        encoding="utf-8",
    )
    result = smplan("track", plan, "--import", "in.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Recorded 3 figures from in.csv in plan.results.yaml.\n"
    status = json.loads(smplan("status", plan, "--format", "json").stdout)
    metrics = {m["id"]: m for o in status["objectives"] for m in o["metrics"]}
    assert metrics["nps"]["last"] == {
        "period": "2026-12",
        "value": 32.0,
        "note": "Winter survey, 214 answers",
    }
    assert metrics["howto-tickets"]["last"]["period"] == "2027-W03"


def test_an_import_with_one_bad_row_records_nothing_and_places_every_problem(smplan, plan):
    smplan("track", plan, "nps", "32", "--period", "2026-12")
    before = RESULTS.read_bytes()
    Path("in.csv").write_text(
        "metric,period,value\n"
        "social-cpa,2027-01,371\n"
        "social-cpaa,2027-01,360\n"
        "linkedin-ctr,2027-01,250\n"
        "nps,2027-01,thirty\n"
        "nps,2027-02,33\n"
        "nps,2027-02,34\n",
        encoding="utf-8",
    )
    result = smplan("track", plan, "--import", "in.csv")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        "in.csv:3:1: `social-cpaa` is neither the id nor the name of a metric of the plan"
    )
    assert lines[1].startswith("in.csv:4:22: error SMP903: 250 is out of range")
    assert lines[2] == (
        "in.csv:5:13: `thirty` is not a number (hint: write a plain number such as 14 or 3.5, "
        "in points)"
    )
    assert lines[3].startswith("in.csv:7:5: error SMP904: metric `nps` already has a figure")
    assert lines[-1] == "in.csv: 4 rows refused; nothing was recorded."
    assert RESULTS.read_bytes() == before


def test_an_import_needs_the_three_columns(smplan, plan):
    Path("in.csv").write_text("metric,value\nnps,3\n", encoding="utf-8")
    result = smplan("track", plan, "--import", "in.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "in.csv:1:1: missing column: period (hint: the first line names the columns: "
        "metric,period,value (and optionally note,source))\n"
    )
    assert not RESULTS.exists()


def test_track_needs_a_metric_and_a_value_or_an_import(smplan, plan):
    result = smplan("track", plan, "nps")
    assert result.exit_code == 2
    assert "say which metric and what value" in result.stderr


# --- status -----------------------------------------------------------------------------


def copy_example(name: str) -> Path:
    for suffix in (".yaml", ".results.yaml"):
        shutil.copy(EXAMPLES / f"{name}{suffix}", Path(f"{name}{suffix}"))
    return Path(f"{name}.yaml")


def test_status_shows_readiness_and_each_metric_with_a_word_and_a_symbol(smplan, plan):
    path = copy_example("b2b-software")
    result = smplan("status", path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("b2b-software.yaml · standing at the end of 2027-02\n")
    assert "Readiness: 8 of 8 steps complete · 0 errors, 0 warnings\n" in out
    assert "Results: 21 figures from 2026-12 to 2027-02 in b2b-software.results.yaml" in out
    # Objectives and metrics by the names the report gives them, not by their ids.
    assert (
        "\nGenerate 35 qualified demo requests a month from LinkedIn and YouTube, up from 9 "
        "(primary)\n" in out
    )
    assert "demo-requests" not in out and "demo-pipeline" not in out
    # Pacing 8 / 8.88 = 90 %: at risk, said in a symbol and a word; counts said whole.
    assert (
        "  ! at risk  Qualified demo requests from social · last 17 requests per month (2027-02) "
        "· expected 18 · target 35 by 2027-09-30 · pacing 90% ▼ behind · trend ↑ improving · "
        "projected 32"
    ) in out
    # Lower is better: the cost fell faster than the line.
    assert "  ✓ on track  Cost per qualified demo from paid social · last 344 GBP per demo" in out
    assert "trend ↓ improving" in out
    assert '  ✗ off track  "How do I" tickets' in out
    # A quarterly figure two months into the plan says nothing yet.
    assert "  … too early to judge  Pipeline value from social · last 61,000 GBP per quarter" in out
    assert "projected 139,750" not in out


def test_status_at_an_earlier_period_leaves_later_figures_out(smplan, plan):
    path = copy_example("b2b-software")
    out = smplan("status", path, "--period", "2026-12").stdout
    assert "standing at the end of 2026-12" in out
    assert "Results: 8 figures" in out
    assert "last 11 requests per month (2026-12)" in out
    assert "trend" not in out


def test_status_without_results_says_how_to_record_them(smplan, plan):
    out = smplan("status", plan).stdout
    assert "Results: none yet; record them with smplan track plan.yaml METRIC VALUE" in out
    assert "  – no data  Qualified demo requests from social · target 35 by 2027-09-30" in out


def test_status_in_json(smplan, plan):
    path = copy_example("caisse-regionale")
    result = smplan("status", path, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["period"] == "2027-02"
    assert data["readiness"]["complete"] == 8 and data["readiness"]["errors"] == 0
    assert data["thresholds"] == {"on_track": 95, "at_risk": 85}
    metrics = {m["id"]: m for o in data["objectives"] for m in o["metrics"]}
    assert metrics["vote-ag"]["status"] == "no_data" and metrics["vote-ag"]["symbol"] == "–"
    rate = metrics["taux-conversion-rdv"]
    assert rate["baseline"] == "unknown"
    assert rate["status"] == "on_track"
    calls = metrics["appels-fraude-incident"]
    assert calls["direction"] == "lower"
    assert [e["value"] for e in calls["history"]] == [3850, 3700, 3610]
    assert calls["pacing"] == pytest.approx((3900 - 3610) / (3900 - calls["expected"]))
    assert metrics["sentiment-net"]["status"] == "at_risk"
    assert metrics["rdv-reseaux"]["owner"] == "nadia"


def test_status_refuses_an_unknown_format(smplan, plan):
    result = smplan("status", plan, "--format", "xml")
    assert result.exit_code == 2
    assert "use one of: text, json" in result.stderr


# --- check ------------------------------------------------------------------------------


def test_check_places_the_problems_of_the_results_file_at_their_lines(smplan, plan):
    RESULTS.write_text(
        "smplan: 1\nresults:\n"
        "  - metric: nps\n    period: '2027-01'\n    value: 33\n"
        "  - metric: npss\n    period: '2027-01'\n    value: 33\n"
        "  - metric: nps\n    period: '2029-01'\n    value: 330\n",
        encoding="utf-8",
    )
    result = smplan("check", plan)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "Results" in lines
    assert (
        "  plan.results.yaml:6:13: results[2].metric: error SMP901: unknown metric `npss` "
        "(hint: did you mean `nps`?"
    ) in result.stdout
    assert (
        "  plan.results.yaml:10:13: results[3].period: error SMP004: result `nps`: 2029-01 "
        "falls after the plan's horizon (2027-12-31) (hint: check the year, or extend "
        "`project.horizon`)\n"
    ) in result.stdout
    assert "  plan.results.yaml:11:12: results[3].value: error SMP903: 330 is out of range" in (
        result.stdout
    )
    assert lines[-1].startswith("plan.yaml: invalid · 3 errors, 0 warnings")
    data = json.loads(smplan("check", plan, "--format", "json").stdout)
    assert [(f["code"], f["file"], f["line"]) for f in data["findings"]] == [
        ("SMP901", "plan.results.yaml", 6),
        ("SMP004", "plan.results.yaml", 10),
        ("SMP903", "plan.results.yaml", 11),
    ]
    # SMP902, the code periods outside the span had before SMP004 judged every date, still works.
    assert smplan("check", plan, "--ignore", "SMP901,SMP902,SMP903").exit_code == 0


def test_check_reports_a_results_file_that_does_not_fit_the_format(smplan, plan):
    RESULTS.write_text(
        "smplan: 1\nresults:\n  - metric: nps\n    period: 2027-13\n    valeu: 3\n",
        encoding="utf-8",
    )
    result = smplan("check", plan)
    assert result.exit_code == 1
    out = result.stdout
    assert "plan.results.yaml:4:13: results[1].period: error SMP028: expected a month" in out
    assert "plan.results.yaml:5:5: results[1].valeu: error SMP025: unknown key `valeu` " in out
    assert "(hint: did you mean `value`?)" in out


def test_the_readme_lists_every_results_rule_with_its_title():
    from smplan.checks import STORE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in STORE.in_scope("results"):
        cells = (rule.code, rule.name, rule.severity, rule.step or "any", str(rule.title))
        row = f"| {' | '.join(cells)} |"
        assert row in readme, f"README.md lacks the row for {rule.code}: {row}"


def test_every_example_s_results_pass_the_check(smplan, plan):
    for name in ("b2b-software", "boulangerie", "caisse-regionale", "city-library"):
        path = copy_example(name)
        result = smplan("check", path, "--strict")
        assert result.exit_code == 0, result.output
        assert "Results" not in result.stdout.splitlines()


def test_check_places_a_path_for_an_unknown_metric_and_a_checkpoint_out_of_span(smplan, plan):
    RESULTS.write_text(
        "smplan: 1\npaths:\n  npss:\n    - {period: '2027-06', value: 35}\n"
        "  nps:\n    - {period: '2029-06', value: 35}\nresults: []\n",
        encoding="utf-8",
    )
    result = smplan("check", plan)
    assert result.exit_code == 1
    assert "  plan.results.yaml:4:5: paths.npss: error SMP905: path for unknown metric `npss`" in (
        result.stdout
    )
    assert (
        "plan.results.yaml:6:16: paths.nps[1].period: error SMP004: checkpoint #1 of metric "
        "`nps`: 2029-06 falls after the plan's horizon (2027-12-31)"
    ) in result.stdout


def test_track_writes_block_entries_into_an_empty_flow_list(smplan, plan):
    RESULTS.write_text("# mine\nsmplan: 1\nresults: []  # none yet\n", encoding="utf-8")
    assert smplan("track", plan, "nps", "33", "--period", "2027-01").exit_code == 0
    text = RESULTS.read_text(encoding="utf-8")
    assert text.startswith("# mine\nsmplan: 1\nresults:")
    assert "# none yet" in text
    assert '\n  - metric: nps\n    period: "2027-01"\n    value: 33\n' in text


# --- the plan's language ----------------------------------------------------------------


@pytest.fixture
def french_plan(tmp_path, monkeypatch) -> Path:
    """The bakery's plan, in French, with the figures it has recorded."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "boulangerie.yaml", tmp_path / "plan.yaml")
    shutil.copy(EXAMPLES / "boulangerie.results.yaml", tmp_path / "plan.results.yaml")
    return Path("plan.yaml")


def test_status_of_a_french_plan_speaks_french_with_french_numbers(smplan, french_plan):
    result = smplan("status", french_plan)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "plan.yaml · situation à la fin de 2027-02"
    assert lines[1] == "État du plan : 8 étapes terminées sur 8 · 0 erreur, 0 avertissement"
    assert "en bonne voie à partir de 95\u00a0% du rythme prévu" in lines[2]
    assert "\nPasser de 24 à 45 commandes de gâteaux de fête par mois" in result.stdout
    assert "attendu 7 · cible 15 au 2027-09-30 · rythme 102\u00a0% ● au rythme" in result.stdout
    assert "attendu 3,7 · cible 5 au 2027-09-30 · rythme 161\u00a0% ▲ en avance" in result.stdout
    english = smplan("status", french_plan, "--lang", "en")
    assert "Readiness: 8 of 8 steps complete · 0 errors, 0 warnings" in english.stdout
    assert "expected 7 · target 15 by 2027-09-30 · pacing 102% ● on pace" in english.stdout


def test_track_on_a_french_plan_takes_a_decimal_comma_and_answers_in_french(smplan, french_plan):
    result = smplan("track", french_plan, "engagement-instagram", "4,3", "--period", "2027-03")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Enregistré : engagement-instagram = 4,3 % pour 2027-03")
    assert "value: 4.3" in RESULTS.read_text(encoding="utf-8")
    refused = smplan("track", french_plan, "engagement-instagram", "beaucoup", "-p", "2027-03")
    assert refused.exit_code == 2
    assert "`beaucoup` n'est pas un nombre" in refused.stderr
    assert "écrivez un nombre simple, comme 14 ou 3,5, en %" in refused.stderr
