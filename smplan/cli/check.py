"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from smplan.cli import app
from smplan.cli.console import console
from smplan.errors import (
    ExitCode,
    PlanFileError,
    PlanInvalidError,
    Problem,
    UsageError,
    printable,
)

STEP_TITLES = {
    "project": "Project",
    "team": "Step 1 · Team",
    "listening": "Step 2 · Listening",
    "objectives": "Step 3 · Objectives",
    "metrics": "Step 4 · Metrics",
    "audience": "Step 5 · Audience",
    "value": "Step 6 · Value",
    "human_face": "Step 7 · Human face",
    "channels": "Step 8 · Channel plan",
}
_STATUS_STYLE = {
    "complete": "[green]complete[/]",
    "incomplete": "[yellow]incomplete[/]",
    "missing": "[dim]not started[/]",
}


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
) -> None:
    """Check a plan file: report every problem at its line, and how complete each step is.

    Exit status: 0 when the file is valid (warnings allowed), 1 on errors (or on
    warnings with --strict), 2 when the file cannot be read or parsed.
    """
    from smplan.checks import RULES, run_checks, step_status
    from smplan.plan.files import load_plan

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown format `{output_format}`", hint="use --format text or json")
    ignored = {code.strip().upper() for code in ignore.split(",") if code.strip()}
    unknown = sorted(ignored - set(RULES))
    if unknown:
        raise UsageError(
            f"unknown rule code{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
            hint="known codes: " + ", ".join(sorted(RULES)),
        )
    name = str(path)
    try:
        loaded = load_plan(path)
    except PlanInvalidError as error:
        _report_invalid(name, error, output_format)
        raise typer.Exit(int(ExitCode.FINDINGS)) from None
    except PlanFileError as error:
        if output_format == "json":
            _print_json(_unreadable_json(name, error))
            raise typer.Exit(int(error.exit_code)) from None
        raise

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
    colour = "red" if finding.severity == "error" else "yellow"
    prefix = _escape(problem.location(name))
    text = f"{prefix}: [{colour}]{finding.severity} {finding.code}[/]: {_escape(finding.message)}"
    if finding.hint:
        text += f" [dim](hint: {_escape(finding.hint)})[/]"
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
    for step, title in STEP_TITLES.items():
        status = statuses.get(step)
        items = sorted(by_step.get(step, []), key=lambda fp: fp[1].sort_key())
        if status is None and not items:
            continue
        heading = f"[bold]{title}[/]"
        if status is not None:
            heading += f"  {_STATUS_STYLE.get(status, status)}"
        console.print(heading, soft_wrap=True)
        if items:
            # One print per step: Rich's cost is per call, and a plan may have thousands.
            lines = ("  " + _finding_line(name, finding, problem) for finding, problem in items)
            console.print("\n".join(lines), soft_wrap=True)
    done = sum(1 for s in statuses.values() if s == "complete")
    total = len(statuses)
    verdict = "[red]invalid[/]" if errors else "[green]valid[/]"
    plural = "s" if errors != 1 else ""
    wplural = "s" if warnings != 1 else ""
    line = (
        f"{_escape(name)}: {verdict} · {errors} error{plural}, {warnings} warning{wplural}"
        f" · {done} of {total} steps complete"
    )
    if done < total:
        line += " [yellow](plan incomplete)[/]"
    if strict and warnings and not errors:
        line += " · [red]--strict: warnings fail the check[/]"
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
    count = len(error.problems)
    console.print(
        f"{_escape(name)}: [red]invalid[/] · {count} error{'s' if count != 1 else ''}: "
        "the file does not fit the plan format",
        soft_wrap=True,
    )


def _problem_json(problem: Problem) -> dict[str, Any]:
    top = problem.path.split(".")[0].split("[")[0] if problem.path else None
    return _entry("SMP000", "error", top if top in STEP_TITLES else None, problem)


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
        "message": problem.message,
        "hint": problem.hint,
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
