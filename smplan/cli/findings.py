"""Check reports for people: how one plan file is judged, and its findings printed.

`check` prints them, and `render --watch` prints a new version's after each save.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from smplan.cli.common import debug_enabled
from smplan.cli.console import console, err_console, escape
from smplan.errors import PlanFileError, PlanInvalidError, printable

if typing.TYPE_CHECKING:
    from smplan.plan.files import LoadedPlan

_STATUS_STYLE = {"complete": "green", "incomplete": "yellow", "missing": "dim"}


def _heading(step: str) -> str:
    """`Step 1 · The team`, or `Project`, as the report titles each part."""
    from smplan.i18n import L_, pgettext
    from smplan.plan.labels import STEP_TITLES
    from smplan.plan.model import STEPS

    if step == "project":
        return pgettext("step", "Project")
    if step == "results":
        return pgettext("step", "Results")
    number = STEPS.index(step) + 1
    return str(L_("Step {number} · {title}", number=number, title=STEP_TITLES[step]))


def _status(status: str) -> str:
    from smplan.i18n import pgettext

    words = {
        "complete": pgettext("status", "complete"),
        "incomplete": pgettext("status", "incomplete"),
        "missing": pgettext("status", "not started"),
    }
    word = words.get(status, status)
    return f"[{_STATUS_STYLE[status]}]{_escape(word)}[/]" if status in _STATUS_STYLE else word


def check_file(path: Path, ignored: set[str], strict: bool, lang: str | None = None) -> Any:
    """The `Report` of one plan file, the loader's problems included.

    It speaks `lang`, else the language the plan declares.
    """
    from smplan.checks import RULES, run_checks, step_status
    from smplan.checks.reports import Report, finding_entry, loader_entry
    from smplan.plan.files import load_plan

    name = str(path)
    loader: list[Any] = []
    try:
        loaded = load_plan(path)
    except PlanFileError as error:
        readable = isinstance(error, PlanInvalidError)
        if not readable and debug_enabled():
            raise
        loader = [loader_entry(p) for p in error.problems]
        salvaged = error.salvaged if isinstance(error, PlanInvalidError) else None
        if salvaged is None:
            return Report(name, loader, readable=readable, language=lang or error.language)
        # The parts that load are judged too, so that one mistake hides nothing else.
        loaded = typing.cast("LoadedPlan", salvaged)
    speaks = lang or loaded.plan.language
    everything = [
        f
        for f in run_checks(loaded.plan, speaks)
        if not (loader and RULES[f.code].completeness and loaded.covers_dropped(f.loc))
    ]
    statuses = step_status(loaded.plan, everything)
    # A step with an error in it is not complete, whatever answers it holds.
    flawed = {e.step for e in loader} | {f.step for f in everything if f.severity == "error"}
    for step in flawed & set(statuses):
        statuses[step] = "incomplete"
    kept = [f for f in everything if f.code not in ignored]
    entries = loader + [finding_entry(f, loaded.problem(f.loc, f.message, f.hint)) for f in kept]
    entries += _results_entries(loaded, ignored, speaks)
    return Report(
        name,
        entries,
        statuses,
        strict=strict,
        language=speaks,
        ignored=len(everything) - len(kept),
    )


def _results_entries(loaded: Any, ignored: set[str], lang: str) -> list[Any]:
    """The findings of the results file beside the plan, placed in it (none without one)."""
    from smplan.checks import Finding
    from smplan.checks.reports import finding_entry
    from smplan.checks.results import check_results
    from smplan.plan.results import load_results, results_path

    path = results_path(loaded.path)
    if not path.exists():
        return []
    name = str(path)
    try:
        found = load_results(path)
    except PlanFileError as error:
        # A results file that cannot be read or does not fit the format: each problem is an error.
        return [
            finding_entry(
                Finding(p.code or "SMP000", "error", "results", (), str(p.message), None), p, name
            )
            for p in error.problems
        ]
    findings = check_results(loaded.plan, found.results, lang)
    return [
        finding_entry(f, found.problem(f.loc, f.message, f.hint), name)
        for f in findings
        if f.code not in ignored
    ]


def print_text(reports: list[Any]) -> None:
    """The reports for people: findings grouped by step, and a one-line verdict each.

    A file that cannot be read is reported on standard error, one line per problem.
    """
    from smplan.i18n import current, language

    for report in reports:
        with language(report.language or current()):
            _print_one(report)


def _print_one(report: Any) -> None:
    if not report.readable:
        for entry in report.entries:
            err_console.print(
                entry.problem.format(report.file), highlight=False, markup=False, soft_wrap=True
            )
    elif not report.steps:
        _report_invalid(report)
    else:
        _print_report(report)


def _finding_line(name: str, entry: Any) -> str:
    from smplan.checks.core import SEVERITIES
    from smplan.i18n import L_

    problem = entry.problem
    colour = "red" if entry.severity == "error" else "yellow"
    prefix = _escape(problem.location(name))
    severity = _escape(str(SEVERITIES[entry.severity]))
    message = _escape(str(problem.message))
    text = f"{prefix}: [{colour}]{severity} {entry.code}[/]: {message}"
    if problem.hint:
        hint = L_("(hint: {hint})", hint=str(problem.hint))
        text += f" [dim]{_escape(str(hint))}[/]"
    return text


def _escape(text: str) -> str:
    return escape(printable(text))


def print_findings(report: Any) -> None:
    """Only the findings and the verdict, for a plan that is checked on each save."""
    from smplan.i18n import current, language

    if report.steps:
        with language(report.language or current()):
            _print_report(report, headings=False)
    else:
        print_text([report])


def _print_report(report: Any, headings: bool = True) -> None:
    name, statuses = report.file, report.steps
    errors, warnings = report.errors, report.warnings
    by_step: dict[str, list[Any]] = {}
    for entry in report.entries:
        by_step.setdefault(entry.step, []).append(entry)
    from smplan.i18n import L_, LN_, pgettext
    from smplan.plan.model import STEPS

    for step in ("project", *STEPS, "results"):
        status = statuses.get(step)
        items = sorted(by_step.get(step, []), key=lambda e: e.problem.sort_key())
        if status is None and not items:
            continue
        heading = f"[bold]{_escape(_heading(step))}[/]"
        if status is not None:
            heading += f"  {_status(status)}"
        if headings:
            console.print(heading, soft_wrap=True)
        if items:
            # One print per step: Rich's cost is per call, and a plan may have thousands.
            lines = ("  " + _finding_line(entry.file or name, entry) for entry in items)
            console.print("\n".join(lines), soft_wrap=True)
    done = sum(1 for s in statuses.values() if s == "complete")
    total = len(statuses)
    invalid, valid = pgettext("verdict", "invalid"), pgettext("verdict", "valid")
    verdict = f"[red]{_escape(invalid)}[/]" if errors else f"[green]{_escape(valid)}[/]"
    counts = L_(
        "{errors}, {warnings}",
        errors=LN_("{n} error", "{n} errors", errors),
        warnings=LN_("{n} warning", "{n} warnings", warnings),
    )
    # The form follows the steps done: "1 étape terminée sur 8", "0 étape terminée sur 8".
    complete = LN_(
        "{n} of {total} steps complete", "{n} of {total} steps complete", done, total=total
    )
    line = f"{_escape(name)}: {verdict} · {_escape(str(counts))} · {_escape(str(complete))}"
    incomplete = L_("(plan incomplete)")
    strict_fails = L_("--strict: warnings fail the check")
    if done < total:
        line += f" [yellow]{_escape(str(incomplete))}[/]"
    if report.ignored:
        ignored = LN_("{n} finding ignored", "{n} findings ignored", report.ignored)
        line += f" · [dim]{_escape(str(ignored))}[/]"
    if report.strict and warnings and not errors:
        line += f" · [red]{_escape(str(strict_fails))}[/]"
    console.print(line, soft_wrap=True)


def _report_invalid(report: Any) -> None:
    name = report.file
    lines = (_finding_line(name, entry) for entry in report.entries)
    console.print("\n".join(lines), soft_wrap=True)
    from smplan.i18n import LN_, pgettext

    count = LN_(
        "{n} error: the file does not fit the plan format",
        "{n} errors: the file does not fit the plan format",
        len(report.entries),
    )
    invalid = _escape(pgettext("verdict", "invalid"))
    console.print(f"{_escape(name)}: [red]{invalid}[/] · {_escape(str(count))}", soft_wrap=True)
