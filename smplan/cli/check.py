"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

import os
import sys
import typing
from pathlib import Path
from typing import Any

from smplan.cli import echo, known_format, speak_asked
from smplan.cli.console import console, err_console, escape
from smplan.errors import PlanFileError, PlanInvalidError, UsageError, printable
from smplan.i18n import N_

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


#: The report formats of `--format`, by name: what each is for, and the function that
#: writes a list of `smplan.checks.reports.Report` in it, as `module:function`, loaded
#: when used so that --help loads none of them. Text a function returns is printed as it
#: is. A new format is one entry.
REPORT_FORMATS: dict[str, tuple[str, str]] = {
    "text": (N_("for people"), "smplan.cli.check:print_text"),
    "json": (N_("for machines"), "smplan.checks.reports:json_report"),
    "github": (N_("GitHub Actions annotations"), "smplan.checks.reports:github_report"),
    "sarif": (N_("SARIF 2.1.0, for code scanning"), "smplan.checks.reports:sarif_report"),
}


def write_report(output_format: str, reports: list[Any]) -> None:
    """Print `reports` in one of `REPORT_FORMATS`."""
    from smplan.i18n import current, language
    from smplan.lazy import load_callable

    with language(reports[0].language or current() if len(reports) == 1 else current()):
        text = load_callable(REPORT_FORMATS[output_format][1])(reports)
    if text:
        echo(text)


def run_check(
    paths: list[Path], strict: bool, output_format: str, ignore: str, lang: str | None
) -> int:
    """`smplan check`, its options parsed: the exit status, the reports printed."""
    from smplan.checks import RULES
    from smplan.checks.results import RESULT_RULES
    from smplan.i18n import LN_

    speak_asked(lang)
    known_format(output_format, REPORT_FORMATS)
    ignored = {code.strip().upper() for code in ignore.split(",") if code.strip()}
    known = sorted({*RULES, *RESULT_RULES})
    unknown = sorted(ignored - set(known))
    if unknown:
        raise UsageError(
            LN_(
                "unknown rule code: {codes}",
                "unknown rule codes: {codes}",
                len(unknown),
                codes=", ".join(printable(u) for u in unknown),
            ),
            hint=LN_("known codes: {codes}", "known codes: {codes}", 2, codes=", ".join(known)),
        )
    reports = [check_file(path, ignored, strict, lang) for path in paths]
    status = max(int(r.exit_code) for r in reports)
    try:
        write_report(output_format, reports)
        sys.stdout.flush()
    except BrokenPipeError:
        # `smplan check plan.yaml | head`: the reader has seen enough. The verdict stands,
        # and nothing more is written to the closed pipe (not even at exit).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def check_file(path: Path, ignored: set[str], strict: bool, lang: str | None = None) -> Any:
    """The `Report` of one plan file, the loader's problems included.

    It speaks `lang`, else the language the plan declares.
    """
    from smplan.checks import run_checks, step_status
    from smplan.checks.reports import Report, finding_entry, loader_entry
    from smplan.plan.files import load_plan

    name = str(path)
    readable = True
    try:
        loaded = load_plan(path)
    except PlanFileError as error:
        readable = isinstance(error, PlanInvalidError)
        loader = [loader_entry(p) for p in error.problems]
        if error.salvaged is None:
            return Report(name, loader, readable=readable, language=lang or error.language)
        # The parts that load are judged too, so that one mistake hides nothing else.
        loaded = typing.cast("LoadedPlan", error.salvaged)
    else:
        loader = [loader_entry(p) for p in loaded.notes]
    speaks = lang or loaded.plan.language
    # A finding about a place that held a value left out as invalid would judge the plan
    # as if that value were absent (no time zone, no primary objective): not said.
    everything = [
        f for f in run_checks(loaded.plan, speaks) if not (loader and loaded.covers_dropped(f.loc))
    ]
    statuses = step_status(loaded.plan, everything)
    # A step with an error in it is not complete, whatever answers it holds.
    flawed: set[str | None] = {e.step for e in loader if e.severity == "error"}
    flawed |= {f.step for f in everything if f.severity == "error"}
    for step in {s for s in flawed if s is not None} & set(statuses):
        statuses[step] = "incomplete"
    kept = [f for f in everything if f.code not in ignored]
    entries = loader + [finding_entry(f, loaded.problem(f.loc, f.message, f.hint)) for f in kept]
    entries += _results_entries(loaded, ignored, speaks)
    return Report(
        name,
        entries,
        statuses,
        readable=readable,
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
    if not report.readable and not report.steps:
        # A problem with a place in the file is said with its code; one about the whole
        # file (missing, empty, a folder) needs none.
        lines = (
            _finding_line(report.file, entry)
            if entry.problem.line is not None
            else _escape(entry.problem.format(report.file))
            for entry in report.entries
        )
        err_console.print("\n".join(lines), highlight=False, soft_wrap=True)
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
