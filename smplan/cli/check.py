"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from smplan.cli import app, known_language, unknown_format
from smplan.cli.console import console
from smplan.errors import (
    ExitCode,
    PlanFileError,
    PlanInvalidError,
    Problem,
    UsageError,
    printable,
)

_STATUS_STYLE = {"complete": "green", "incomplete": "yellow", "missing": "dim"}


def _heading(step: str) -> str:
    """`Step 1 · Team`, or `Project`, as the report titles each part."""
    from smplan.i18n import L_, pgettext
    from smplan.plan.labels import STEP_TITLES
    from smplan.plan.model import STEPS

    if step == "project":
        return pgettext("step", "Project")
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


@app.command()
def check(
    path: Path = typer.Argument(..., help="The plan file to check.", show_default=False),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too."),
    output_format: str = typer.Option(
        "text", "--format", help="Output format: text (for people) or json (for machines)."
    ),
    ignore: str = typer.Option(
        "", "--ignore", help="Comma-separated rule codes to leave out, e.g. SMP104,SMP803."
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the report. Default: the plan's own.", show_default=False
    ),
) -> None:
    """Check a plan file: report every problem at its line, and how complete each step is.

    Exit status: 0 when the file is valid (warnings allowed), 1 on errors (or on
    warnings with --strict), 2 when the file cannot be read or parsed.
    """
    from smplan.checks import RULES, run_checks, step_status
    from smplan.i18n import LN_, speak
    from smplan.plan.files import load_plan

    if lang is not None:
        speak(known_language(lang) or lang)
    if output_format not in ("text", "json"):
        raise unknown_format(output_format, ("text", "json"))
    ignored = {code.strip().upper() for code in ignore.split(",") if code.strip()}
    unknown = sorted(ignored - set(RULES))
    if unknown:
        raise UsageError(
            LN_(
                "unknown rule code: {codes}",
                "unknown rule codes: {codes}",
                len(unknown),
                codes=", ".join(printable(u) for u in unknown),
            ),
            hint=LN_("known codes: {codes}", "known codes: {codes}", 2, codes=", ".join(RULES)),
        )
    name = str(path)
    try:
        loaded = load_plan(path)
    except PlanInvalidError as error:
        if lang is None and error.language:
            speak(error.language)
        _report_invalid(name, error, output_format)
        raise typer.Exit(int(ExitCode.FINDINGS)) from None
    except PlanFileError as error:
        if lang is None and error.language:
            speak(error.language)
        if output_format == "json":
            _print_json(_unreadable_json(name, error))
            raise typer.Exit(int(error.exit_code)) from None
        raise
    if lang is None:
        speak(loaded.plan.language)

    everything = run_checks(loaded.plan)
    statuses = step_status(loaded.plan, everything)
    findings = [f for f in everything if f.code not in ignored]
    located = [(f, loaded.problem(f.loc, f.message, f.hint)) for f in findings]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    failed = errors > 0 or (strict and warnings > 0)

    if output_format == "json":
        _print_json(
            {
                "file": name,
                "valid": errors == 0,
                "steps": statuses,
                "summary": {"errors": errors, "warnings": warnings},
                "findings": [_finding_json(f, p) for f, p in located],
            }
        )
    else:
        _print_report(name, located, statuses, errors, warnings, strict)
    raise typer.Exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


def _finding_line(name: str, finding: Any, problem: Problem) -> str:
    from smplan.checks.core import SEVERITIES
    from smplan.i18n import L_

    colour = "red" if finding.severity == "error" else "yellow"
    prefix = _escape(problem.location(name))
    severity = _escape(str(SEVERITIES[finding.severity]))
    text = f"{prefix}: [{colour}]{severity} {finding.code}[/]: {_escape(finding.message)}"
    if finding.hint:
        hint = L_("(hint: {hint})", hint=finding.hint)
        text += f" [dim]{_escape(str(hint))}[/]"
    return text


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(printable(text))


def _print_report(
    name: str,
    located: list[tuple[Any, Problem]],
    statuses: dict[str, str],
    errors: int,
    warnings: int,
    strict: bool,
) -> None:
    by_step: dict[str, list[tuple[Any, Problem]]] = {}
    for finding, problem in located:
        by_step.setdefault(finding.step, []).append((finding, problem))
    from smplan.i18n import L_, LN_, pgettext
    from smplan.plan.model import STEPS

    for step in ("project", *STEPS):
        status = statuses.get(step)
        items = sorted(by_step.get(step, []), key=lambda fp: fp[1].sort_key())
        if status is None and not items:
            continue
        heading = f"[bold]{_escape(_heading(step))}[/]"
        if status is not None:
            heading += f"  {_status(status)}"
        console.print(heading, soft_wrap=True)
        for finding, problem in items:
            console.print("  " + _finding_line(name, finding, problem), soft_wrap=True)
    done = sum(1 for s in statuses.values() if s == "complete")
    total = len(statuses)
    invalid, valid = pgettext("verdict", "invalid"), pgettext("verdict", "valid")
    verdict = f"[red]{_escape(invalid)}[/]" if errors else f"[green]{_escape(valid)}[/]"
    counts = L_(
        "{errors}, {warnings}",
        errors=LN_("{n} error", "{n} errors", errors),
        warnings=LN_("{n} warning", "{n} warnings", warnings),
    )
    complete = LN_("{done} of {n} step complete", "{done} of {n} steps complete", total, done=done)
    line = f"{_escape(name)}: {verdict} · {_escape(str(counts))} · {_escape(str(complete))}"
    incomplete = L_("(plan incomplete)")
    strict_fails = L_("--strict: warnings fail the check")
    if done < total:
        line += f" [yellow]{_escape(str(incomplete))}[/]"
    if strict and warnings and not errors:
        line += f" · [red]{_escape(str(strict_fails))}[/]"
    console.print(line, soft_wrap=True)


def _report_invalid(name: str, error: PlanInvalidError, output_format: str) -> None:
    if output_format == "json":
        _print_json(
            {
                "file": name,
                "valid": False,
                "steps": {},
                "summary": {"errors": len(error.problems), "warnings": 0},
                "findings": [_problem_json(p) for p in error.problems],
            }
        )
        return
    for problem in error.problems:
        console.print(_escape(problem.format(name)), soft_wrap=True, style=None)
    from smplan.i18n import LN_, pgettext

    count = LN_(
        "{n} error: the file does not fit the plan format",
        "{n} errors: the file does not fit the plan format",
        len(error.problems),
    )
    invalid = _escape(pgettext("verdict", "invalid"))
    console.print(f"{_escape(name)}: [red]{invalid}[/] · {_escape(str(count))}", soft_wrap=True)


def _problem_json(problem: Problem) -> dict[str, Any]:
    top = problem.path.split(".")[0].split("[")[0] if problem.path else None
    from smplan.plan.model import STEPS

    return _entry("SMP000", "error", top if top in ("project", *STEPS) else None, problem)


def _finding_json(finding: Any, problem: Problem) -> dict[str, Any]:
    return _entry(finding.code, finding.severity, finding.step, problem)


def _entry(code: str, severity: str, step: str | None, problem: Problem) -> dict[str, Any]:
    """One finding as JSON: the same keys whatever produced it."""
    return {
        "code": code,
        "severity": severity,
        "step": step,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": str(problem.message),
        "hint": None if problem.hint is None else str(problem.hint),
    }


def _unreadable_json(name: str, error: PlanFileError) -> dict[str, Any]:
    return {
        "file": name,
        "valid": False,
        "readable": False,
        "steps": {},
        "summary": {"errors": len(error.problems), "warnings": 0},
        "findings": [_problem_json(p) for p in error.problems],
    }


def _print_json(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
