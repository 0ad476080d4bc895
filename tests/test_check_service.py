"""One check below the command line, one store of rules: every reader says the same thing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smplan.checks import STORE
from smplan.checks.store import Hit, Rule, RuleStore
from smplan.i18n import L_
from smplan.plan.model import STEPS

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"


def bakery(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The bakery's plan, with each `old` text of `edits` replaced by its `new` one."""
    text = BAKERY.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


#: Mother's Day ends before it starts (SMP814, an error in step 8).
BACKWARDS = (
    "    start: 2027-05-17\n    end: 2027-05-30\n",
    "    start: 2027-05-17\n    end: 2027-05-10\n",
)


# --- one check ----------------------------------------------------------------------------


def test_every_reader_agrees_on_each_steps_status_when_a_step_has_an_error(tmp_path, smplan):
    from smplan.interview.guidance import tr
    from smplan.interview.session import Block, Question, init

    path = bakery(tmp_path, BACKWARDS)
    expected = dict.fromkeys(STEPS, "complete") | {"channels": "incomplete"}

    checked = smplan("check", path, "--format", "json")
    assert checked.exit_code == 1
    report = json.loads(checked.stdout)
    assert [f["code"] for f in report["findings"]] == ["SMP814"]
    assert report["steps"] == expected
    assert report["finished"] is False
    text = smplan("check", path, "--lang", "en").stdout
    assert "7 of 8 steps complete (plan incomplete)" in text

    status = smplan("status", path, "--format", "json")
    assert status.exit_code == 0
    readiness = json.loads(status.stdout)["readiness"]
    assert readiness["steps"] == expected
    assert (readiness["complete"], readiness["errors"], readiness["finished"]) == (7, 1, False)

    # The document lists, in the client's words, what the unfinished step leaves open: in
    # the chapter the channel plan becomes, and there alone.
    document = tmp_path / "plan.md"
    rendered = smplan("render", path, "-o", document, "--lang", "en")
    assert rendered.exit_code == 0
    assert "1 point is still open" in rendered.stderr
    still = document.read_text(encoding="utf-8").split("## Still to be decided\n", 1)[1]
    points = re.findall(r"^- \*\*(.+?)\*\*: ", still.split("\n## ", 1)[0], re.MULTILINE)
    assert points == ["Where and how often"]

    class Reviewer:
        """Looks at the review screen and finishes; asks nothing of the plan."""

        def __init__(self) -> None:
            self.blocks: list[Block] = []

        def ask(self, question: Question) -> str:
            return ""

        def show(self, block: Block) -> None:
            self.blocks.append(block)

    reviewer = Reviewer()
    init(path, reviewer, lang="en")
    words = {tr(f"status.{s}", "en"): s for s in ("complete", "incomplete", "missing")}
    reviewed = {}
    # The project (0) and the part after the steps (9) are reviewed too, but are no step.
    steps_by_number = {str(n): step for n, step in enumerate(STEPS, 1)}
    for block in reviewer.blocks:
        if block.kind == "review" and block.title.split(". ", 1)[0] in steps_by_number:
            number, rest = block.title.split(". ", 1)
            reviewed[steps_by_number[number]] = words[rest.rsplit(" — ", 1)[1]]
    assert reviewed == expected


def test_a_plan_without_errors_leaves_nothing_open_and_an_error_in_the_project_is_listed(
    tmp_path, smplan
):
    clean = tmp_path / "clean.md"
    assert smplan("render", BAKERY, "-f", "md", "-o", clean, "--lang", "en").exit_code == 0
    assert "Still to be decided" not in clean.read_text(encoding="utf-8")
    path = bakery(tmp_path, ("  horizon: 2027-12-31\n", "  horizon: 2026-10-31\n"))
    result = smplan("check", path, "--lang", "en")
    assert result.exit_code == 1
    assert "Project  incomplete" in result.stdout
    assert "error SMP013: the horizon 2026-10-31 comes before the plan's date 2026-11-16" in (
        result.stdout
    )
    assert "8 of 8 steps complete (plan incomplete)" in result.stdout
    listed = tmp_path / "plan.md"
    assert smplan("render", path, "-o", listed, "--lang", "en").exit_code == 0
    still = listed.read_text(encoding="utf-8").split("## Still to be decided\n", 1)[1]
    assert "- **Summary**: The plan's horizon comes before its date" in still
    # A draft is what the plan's status or the command says, never a finding.
    assert "> **Draft**" not in listed.read_text(encoding="utf-8")
    assert smplan("render", path, "-o", listed, "--lang", "en", "--draft").exit_code == 0
    assert "> **Draft**" in listed.read_text(encoding="utf-8")


# --- one rule store -----------------------------------------------------------------------


def test_smplan_rules_lists_every_code_of_the_store_results_and_file_codes_included(smplan):
    listed = json.loads(smplan("rules", "--format", "json").stdout)
    assert [r["code"] for r in listed] == [rule.code for rule in STORE]
    by_scope = {scope: {r["code"] for r in listed if scope in r["scopes"]} for scope in ("file",)}
    for scope in ("file", "plan", "results"):
        by_scope[scope] = {r["code"] for r in listed if scope in r["scopes"]}
        assert by_scope[scope] == {rule.code for rule in STORE.in_scope(scope)}
        assert by_scope[scope], scope
    from smplan.plan.problems import LOADER_CODES

    assert by_scope["file"] == set(LOADER_CODES)
    assert {"SMP901", "SMP903", "SMP904", "SMP905"} <= by_scope["results"]
    span = next(r for r in listed if r["code"] == "SMP004")
    assert span["scopes"] == ["plan", "results"]
    assert span["old_codes"] == ["SMP305", "SMP306", "SMP812", "SMP902"]


def test_what_check_reports_is_in_the_list_of_rules(tmp_path, smplan):
    listed = {r["code"] for r in json.loads(smplan("rules", "--format", "json").stdout)}
    path = bakery(
        tmp_path,
        BACKWARDS,
        ("  timezone: Europe/Paris\n", "  timezone: PST\n"),
        ("    deadline: 2027-06-30\n  - id: appels", "    deadline: 2029-06-30\n  - id: appels"),
    )
    results = (ROOT / "examples" / "boulangerie.results.yaml").read_text(encoding="utf-8")
    results = results.replace("metric: commandes-total", "metric: commandes-totale", 1)
    (tmp_path / "plan.results.yaml").write_text(results, encoding="utf-8")
    report = json.loads(smplan("check", path, "--format", "json").stdout)
    reported = {f["code"] for f in report["findings"]}
    assert {"SMP004", "SMP034", "SMP814", "SMP901"} <= reported
    assert reported <= listed
    sarif = json.loads(smplan("check", path, "--format", "sarif").stdout)
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == sorted(listed)


def test_a_code_or_a_name_is_refused_a_second_time():
    store = RuleStore()

    @store.rule("SMP100", "warning", "team", "First", name="first-rule")
    def first(subject: object) -> list[Hit]:
        return []

    for code, name in (("SMP100", "other"), ("SMP101", "first-rule"), ("SMP102", "smp100")):
        with pytest.raises(ValueError, match="taken by another rule"):
            store.rule(code, "warning", "team", "Second", name=name)(first)
    with pytest.raises(ValueError, match="taken by another rule"):
        store.define(
            Rule("SMP103", "new-rule", "error", None, L_("T"), ("plan",), old_codes=("SMP100",))
        )
    assert [rule.code for rule in store] == ["SMP100"]


def test_the_real_store_has_each_code_and_name_once():
    codes = [rule.code for rule in STORE]
    aliases = [a.casefold() for rule in STORE for a in (rule.name, *rule.old_codes) if a]
    assert len(set(codes)) == len(codes)
    assert len(set(aliases)) == len(aliases)
    assert not {a.upper() for a in aliases} & set(codes)


@pytest.fixture
def scratch_store(monkeypatch):
    """The real store, to which a test may add rules that are gone after it."""
    monkeypatch.setattr(STORE, "_rules", dict(STORE._rules))
    monkeypatch.setattr(STORE, "_names", dict(STORE._names))
    monkeypatch.setattr(STORE, "_checks", {k: list(v) for k, v in STORE._checks.items()})
    monkeypatch.setattr(STORE, "_ordered", None)
    return STORE


def test_a_rule_that_raises_is_an_error_finding_and_the_others_still_judge(
    tmp_path, smplan, scratch_store
):
    @scratch_store.rule("SMP099", "warning", "team", "Breaks on every plan", name="breaks")
    def breaks(view: object) -> list[Hit]:
        raise ZeroDivisionError("division by zero")

    cadence = "  cadence: Point de 20 minutes le lundi à 14 h, après le rush du midi, "
    path = bakery(tmp_path, (cadence, "  # cadence: "))
    result = smplan("check", path, "--lang", "en", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    failed = [f for f in findings if f["code"] == "SMP099"]
    assert [(f["severity"], f["step"]) for f in failed] == [("error", "team")]
    assert failed[0]["message"] == (
        "rule SMP099 (breaks) failed and could not judge this part: "
        "ZeroDivisionError: division by zero"
    )
    # The other rules judged the plan: the team's missing cadence is still told.
    assert "SMP105" in {f["code"] for f in findings}
    text = smplan("check", path, "--lang", "en")
    assert "Traceback" not in text.output and "internal error" not in text.output
    assert "Step 1 · The team  incomplete" in text.stdout


def test_a_results_rule_that_raises_is_a_finding_of_the_results_file(
    tmp_path, smplan, scratch_store
):
    @scratch_store.rule("SMP999", "error", "results", "Breaks", name="breaks", scope="results")
    def breaks(figures: object) -> list[Hit]:
        raise KeyError("nope")

    path = bakery(tmp_path)
    results = ROOT / "examples" / "boulangerie.results.yaml"
    (tmp_path / "plan.results.yaml").write_bytes(results.read_bytes())
    report = json.loads(smplan("check", path, "--format", "json", "--lang", "en").stdout)
    (failed,) = report["findings"]
    assert (failed["code"], failed["severity"], failed["step"], failed["file"]) == (
        "SMP999",
        "error",
        "results",
        str(tmp_path / "plan.results.yaml"),
    )
    assert failed["message"] == (
        "rule SMP999 (breaks) failed and could not judge this part: KeyError: 'nope'"
    )
    assert report["steps"] == dict.fromkeys(STEPS, "complete")


# --- --ignore, completion -------------------------------------------------------------------


def test_ignore_takes_a_code_a_name_or_a_former_code(tmp_path, smplan):
    path = bakery(tmp_path, BACKWARDS, ("  horizon: 2027-12-31\n", "  horizon: 2027-12-20\n"))
    found = json.loads(smplan("check", path, "--format", "json").stdout)["findings"]
    assert sorted(f["code"] for f in found) == ["SMP004", "SMP814"]
    for ignore in (
        "SMP814,SMP004",
        "campaign-ends-before-start,date-outside-span",
        "smp814,SMP812",
    ):
        result = smplan("check", path, "--ignore", ignore, "--format", "json")
        assert json.loads(result.stdout)["findings"] == [], ignore
    refused = smplan("check", path, "--ignore", "no-such-rule")
    assert refused.exit_code == 2
    assert "unknown rule code: no-such-rule" in refused.stderr


def test_completion_offers_the_codes_then_the_names_of_every_scope_that_judges():
    from smplan.cli.completers import complete_rule_codes

    codes = [code for code, _ in complete_rule_codes("SMP90")]
    assert codes == ["SMP901", "SMP903", "SMP904", "SMP905"]
    assert complete_rule_codes("SMP02") == []  # the file's problems cannot be left out
    assert complete_rule_codes("date-o") == [
        ("date-outside-span", "A date falls outside the plan's span")
    ]
    assert sorted(c for c, _ in complete_rule_codes("SMP001,unknown-")) == [
        "SMP001,unknown-campaign-pillar",
        "SMP001,unknown-id",
        "SMP001,unknown-metric",
    ]


# --- a value left out is not reported as absent ----------------------------------------------

GALETTE = (
    "    topic: Galettes frangipane et briochées, à réserver la veille\n    budget: 40\n",
    "    topic: Galettes frangipane et briochées, à réserver la veille\n    budget: 60\n",
)


@pytest.mark.parametrize(
    ("edits", "problem", "moot"),
    [
        # `PST` is no time zone: the plan has one the loader could not read.
        ((("  timezone: Europe/Paris\n", "  timezone: PST\n"),), "SMP034", "SMP810"),
        # Instagram's budget is written wrong: Facebook's share of the galette is not known.
        (
            (
                GALETTE,
                (
                    "    hours_per_week: 3\n    budget_per_month: 40\n",
                    "    hours_per_week: 3\n    budget_per_month: 40 €\n",
                ),
            ),
            "SMP028",
            "SMP813",
        ),
        # The primary objective's id is written wrong: it is still the primary one.
        ((("  - id: gateaux\n", "  - id: Gâteaux\n"),), "SMP032", "SMP301"),
    ],
    ids=["time-zone", "budget", "primary"],
)
def test_a_value_left_out_as_invalid_is_not_reported_as_absent(
    tmp_path, smplan, edits, problem, moot
):
    path = bakery(tmp_path, *edits)
    found = json.loads(smplan("check", path, "--format", "json").stdout)["findings"]
    codes = [f["code"] for f in found]
    assert problem in codes
    assert moot not in codes
    if problem == "SMP032":
        # Nor are the references to the objective whose id was left out.
        assert "SMP001" not in codes


def test_the_budget_rule_still_judges_a_plan_whose_budgets_are_written_right(tmp_path, smplan):
    path = bakery(tmp_path, GALETTE, ("    budget_per_month: 20\n", "    budget_per_month: 10\n"))
    found = json.loads(smplan("check", path, "--format", "json").stdout)["findings"]
    assert {f["code"] for f in found} == {"SMP813"}


# --- status after a results file's finding ---------------------------------------------------


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (
            ("metric: commandes-reseaux", "metric: commandes-sociales"),
            "error SMP901: unknown metric `commandes-sociales`",
        ),
        (
            (
                '  - metric: commandes-total\n    period: "2026-12"\n    value: 31\n',
                '  - metric: commandes-total\n    period: "2026-12"\n    value: 31\n'
                '  - metric: commandes-total\n    period: "2026-12"\n    value: 32\n',
            ),
            "error SMP904: metric `commandes-total` already has a figure for 2026-12",
        ),
        (
            ("    value: 3.4\n", "    value: 340\n"),
            "error SMP903: 340 is out of range for metric `engagement-instagram`",
        ),
    ],
    ids=["renamed-metric", "recorded-twice", "out-of-range"],
)
def test_status_shows_a_results_finding_and_keeps_working(tmp_path, change, shown):
    import subprocess
    import sys

    bakery(tmp_path)
    results = (ROOT / "examples" / "boulangerie.results.yaml").read_text(encoding="utf-8")
    assert change[0] in results
    (tmp_path / "plan.results.yaml").write_text(results.replace(change[0], change[1], 1))
    run = subprocess.run(
        [sys.executable, "-m", "smplan", "status", "plan.yaml", "--lang", "en"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "NO_COLOR": "1", "COLUMNS": "300"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    (line,) = [line for line in run.stdout.splitlines() if "plan.results.yaml:" in line]
    assert shown in line
    assert "Readiness: 8 of 8 steps complete · 1 error, 0 warnings" in run.stdout
    # The objectives are still shown, by their statements.
    assert "Passer de 24 à 45 commandes de gâteaux de fête par mois" in run.stdout
    assert " (primary)\n" in run.stdout


# --- close-enough suggestions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "known", "offered"),
    [
        ("winemaking", ["management", "marketing", "production", "other"], None),
        ("markting", ["management", "marketing", "production", "other"], "marketing"),
        ("valeu", ["metric", "period", "value", "note"], "value"),
        ("stok", ["stock", "opening-hours"], "stock"),
        ("retention", ["orders", "referral", "loyalty"], None),
        ("commandes-reseau", ["commandes-reseaux", "commandes-total"], "commandes-reseaux"),
        ("it", ["hr", "rd", "other"], None),
    ],
)
def test_a_word_is_offered_as_the_one_meant_only_when_it_is_near(typed, known, offered):
    from smplan.plan.suggest import closest

    assert closest(typed, known).match == offered


@pytest.mark.parametrize(
    ("department", "hint"),
    [("winemaking", None), ("markting", "did you mean `marketing`?")],
)
def test_the_loader_suggests_a_department_only_when_it_is_near(tmp_path, smplan, department, hint):
    path = bakery(
        tmp_path, ("      department: communication\n", f"      department: {department}\n")
    )
    checked = smplan("check", path, "--format", "json", "--lang", "en")
    (found,) = json.loads(checked.stdout)["findings"]
    assert (found["code"], found["hint"]) == ("SMP031", hint)


def test_an_unknown_metric_in_the_results_is_matched_by_the_shared_helper(tmp_path, smplan):
    path = bakery(tmp_path)
    results = (ROOT / "examples" / "boulangerie.results.yaml").read_text(encoding="utf-8")
    results = results.replace("metric: note-google", "metric: avis-google", 1)
    results = results.replace("metric: commandes-total", "metric: commande-total", 1)
    (tmp_path / "plan.results.yaml").write_text(results, encoding="utf-8")
    found = json.loads(smplan("check", path, "--format", "json", "--lang", "en").stdout)
    hints = [f["hint"] for f in found["findings"]]
    assert hints[0].startswith("did you mean `commandes-total`? the plan's metrics: ")
    assert hints[1].startswith("the plan's metrics: commandes-reseaux, ")
