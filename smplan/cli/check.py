"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from smplan.cli import debug_enabled, echo, known_format, speak_asked
from smplan.cli.console import console, err_console, escape
from smplan.errors import UsageError, printable
from smplan.i18n import N_

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
    speak_asked(lang)
    known_format(output_format, REPORT_FORMATS)
    ignored = ignored_codes(ignore)
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


def ignored_codes(ignore: str) -> set[str]:
    """The codes `--ignore` names, by code, former code or name; a usage error otherwise."""
    from smplan.checks.service import judging_codes, resolve_rules
    from smplan.i18n import LN_

    codes, unknown = resolve_rules(text.strip() for text in ignore.split(",") if text.strip())
    if unknown:
        raise UsageError(
            LN_(
                "unknown rule code: {codes}",
                "unknown rule codes: {codes}",
                len(unknown),
                codes=", ".join(printable(u) for u in unknown),
            ),
            hint=LN_(
                "known codes: {codes}", "known codes: {codes}", 2, codes=", ".join(judging_codes())
            ),
        )
    return codes


def check_file(path: Path, ignored: set[str], strict: bool, lang: str | None = None) -> Any:
    """The `Report` of one plan file, the loader's problems included.

    It speaks `lang`, else the language the plan declares.
    """
    from smplan.checks.service import check_file as checked

    found = checked(path, lang=lang, ignored=ignored, strict=strict)
    if found.plan_error is not None and not found.report.readable and debug_enabled():
        raise found.plan_error
    return found.report


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
    from smplan.checks.service import SEVERITIES
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
        if step == "project" and report.project != "complete":
            status = report.project  # told when something is left to do there
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
    if not report.finished:
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
