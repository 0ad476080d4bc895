"""The check service: one judgement of a plan that every command and the interview ask.

`judge` runs every rule of the store on a plan (and on its results, when given) and says
where each part stands; `check_file` does the same for a plan file, with what its loader
found and the results file beside it, every finding placed at its line. `check`,
`status`, `render` (final or draft), `watch`, `report` and the interview read their
statuses and findings here, so they cannot disagree.

Where each part stands follows one rule of the method, `statuses`: a part not started is
missing; a part with an answer left empty, or with an error in it, is incomplete; the
rest is complete. The plan is finished, and its document final, when every part is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from smplan.checks import STORE
from smplan.checks.core import run_checks, started
from smplan.checks.reports import Report, finding_entry, loader_entry
from smplan.checks.results import check_entries, check_results
from smplan.checks.store import SEVERITIES, Finding, Loc, Rule
from smplan.errors import PlanFileError, PlanInvalidError
from smplan.plan.files import LoadedPlan, load_plan
from smplan.plan.model import STEPS, Plan
from smplan.plan.problems import UNREADABLE
from smplan.plan.results import LoadedResults, Results, load_results, results_path

__all__ = [
    "SEVERITIES",
    "STORE",
    "Checked",
    "Finding",
    "Rule",
    "Verdict",
    "check_entries",
    "check_file",
    "judge",
    "judging_codes",
    "resolve_rules",
    "statuses",
]

#: The parts of a plan whose progress is told: the project block, then the eight steps.
SECTIONS: tuple[str, ...] = ("project", *STEPS)


@dataclass(frozen=True)
class Verdict:
    """What the rules say of one plan: its findings, and where each part stands."""

    #: The plan's findings, in step order.
    findings: list[Finding]
    #: The findings of its results file, in the file's order (none without results).
    results: list[Finding]
    #: "missing", "incomplete" or "complete", for the project block and each step.
    sections: dict[str, str]

    @property
    def steps(self) -> dict[str, str]:
        """Where each of the eight steps stands."""
        return {step: self.sections[step] for step in STEPS}

    @property
    def finished(self) -> bool:
        """Whether every part is complete: the plan's document is final, not a draft."""
        return all(status == "complete" for status in self.sections.values())

    @property
    def errors(self) -> int:
        """How many findings, the results' included, are errors."""
        return sum(1 for f in (*self.findings, *self.results) if f.severity == "error")

    @property
    def warnings(self) -> int:
        """How many findings, the results' included, are warnings."""
        return len(self.findings) + len(self.results) - self.errors


def statuses(plan: Plan, findings: Iterable[Finding], flawed: Iterable[str] = ()) -> dict[str, str]:
    """Where the project block and each step stand, by the findings of the plan's rules.

    A part with an error in it (a finding, or a loader's problem in `flawed`) is
    incomplete, whatever answers it holds; else a part not started is missing, and one
    with an answer left empty is incomplete.
    """
    broken = set(flawed)
    unfinished: set[str] = set()
    for f in findings:
        if f.severity == "error":
            broken.add(f.step)
        elif f.code in STORE and STORE[f.code].completeness:
            unfinished.add(f.step)
    found = {}
    for part in SECTIONS:
        begun = plan.project is not None if part == "project" else started(plan, part)
        if part in broken:
            found[part] = "incomplete"
        elif not begun:
            found[part] = "missing"
        else:
            found[part] = "incomplete" if part in unfinished else "complete"
    return found


def judge(plan: Plan, *, results: Results | None = None, lang: str | None = None) -> Verdict:
    """Every rule's findings on `plan` (and on its `results`), and where each part stands.

    Messages are in `lang`, else in the language in force.
    """
    return _judge(plan, results, lang, None, ())


def _judge(
    plan: Plan,
    results: Results | None,
    lang: str | None,
    moot: Callable[[Finding], bool] | None,
    flawed: Iterable[str],
) -> Verdict:
    findings = run_checks(plan, lang)
    if moot is not None:
        findings = [f for f in findings if not moot(f)]
    figures = check_results(plan, results, lang) if results is not None else []
    return Verdict(findings, figures, statuses(plan, findings, flawed))


def _mooted_by(loaded: LoadedPlan) -> Callable[[Finding], bool] | None:
    """What makes a finding moot in a salvaged plan: a value the loader left out where it
    looks (at its place, inside it or around it, or at a place it reports empty).

    `PST` is no time zone, so the plan is judged without one, but "the plan has no time
    zone" would contradict what the file says; the loader's problem there says it.
    """
    dropped = loaded.dropped
    if not dropped:
        return None

    def overlaps(place: Loc, left_out: Loc) -> bool:
        return all(a == b or a == "*" for a, b in zip(place, left_out, strict=False))

    def moot(finding: Finding) -> bool:
        if finding.failed:
            return False
        places = [loaded.file_loc(place) for place in finding.absent or (finding.loc,)]
        return any(overlaps(place, d) for place in places for d in dropped)

    return moot


@dataclass(frozen=True)
class Checked:
    """A plan file as the check service found it: the report, and what it could load."""

    report: Report
    verdict: Verdict | None
    #: The plan, whole or salvaged from a file with problems; None when nothing loads.
    loaded: LoadedPlan | None
    #: The results file beside it, when there is one and it loads.
    results: LoadedResults | None
    #: Why the plan did not load whole, if it did not.
    plan_error: PlanFileError | None = None
    #: Why the results file beside it did not load, if it did not.
    results_error: PlanFileError | None = None


def check_file(
    path: Path,
    *,
    lang: str | None = None,
    ignored: Iterable[str] = (),
    strict: bool = False,
) -> Checked:
    """Check a plan file and the results file beside it: every problem, every finding,
    placed at its line, and where each part of the plan stands.

    The report speaks `lang`, else the language the plan declares. Findings of the
    `ignored` codes are left out of it (they still count for the statuses).
    """
    name = str(path)
    leave_out = set(ignored)
    loader = []
    plan_error: PlanFileError | None = None
    try:
        loaded = load_plan(path)
    except PlanFileError as error:
        plan_error = error
        loader = [loader_entry(p) for p in error.problems]
        salvaged = error.salvaged if isinstance(error, PlanInvalidError) else None
        if not isinstance(salvaged, LoadedPlan):
            readable = isinstance(error, PlanInvalidError)
            report = Report(name, loader, readable=readable, language=lang or error.language)
            return Checked(report, None, None, None, plan_error)
        # The parts that load are judged too, so that one mistake hides nothing else.
        loaded = salvaged
    speaks = lang or loaded.plan.language
    found, results_error = _results_of(loaded)
    verdict = _judge(
        loaded.plan,
        found.results if found else None,
        speaks,
        _mooted_by(loaded),
        {e.step for e in loader if e.step},
    )
    kept = [f for f in verdict.findings if f.code not in leave_out]
    entries = loader + [finding_entry(f, loaded.problem(f.loc, f.message, f.hint)) for f in kept]
    if results_error is not None:
        # A results file that cannot be read or does not fit the format: each problem is an error.
        file = results_error.filename
        entries += [
            finding_entry(
                Finding(p.code or UNREADABLE, "error", "results", (), str(p.message)), p, file
            )
            for p in results_error.problems
        ]
    elif found is not None:
        file = str(found.path)
        entries += [
            finding_entry(f, found.problem(f.loc, f.message, f.hint), file)
            for f in verdict.results
            if f.code not in leave_out
        ]
    shown = len(kept) + sum(1 for f in verdict.results if f.code not in leave_out)
    report = Report(
        name,
        entries,
        verdict.steps,
        project=verdict.sections["project"],
        finished=verdict.finished,
        strict=strict,
        language=speaks,
        ignored=len(verdict.findings) + len(verdict.results) - shown,
    )
    return Checked(report, verdict, loaded, found, plan_error, results_error)


def _results_of(loaded: LoadedPlan) -> tuple[LoadedResults | None, PlanFileError | None]:
    """The results file beside the plan, or why it does not load; neither without one."""
    path = results_path(loaded.path)
    if not path.exists():
        return None, None
    try:
        return load_results(path), None
    except PlanFileError as error:
        return None, error


def resolve_rules(texts: Iterable[str]) -> tuple[set[str], list[str]]:
    """The codes of the rules that codes, former codes or names stand for, and those that
    stand for none, as given.

    Only rules that judge can be left out: what keeps a file from being read cannot.
    """
    codes: set[str] = set()
    unknown: list[str] = []
    for text in texts:
        rule = STORE.resolve(text)
        if rule is None or rule.scopes == ("file",):
            unknown.append(text)
        else:
            codes.add(rule.code)
    return codes, unknown


def judging_codes() -> list[str]:
    """The codes of the rules that judge a plan or its results, in order."""
    return [rule.code for rule in STORE if rule.scopes != ("file",)]
