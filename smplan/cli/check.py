"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from smplan.cli import app, debug_enabled
from smplan.cli.completers import complete_plan_paths, complete_rule_codes
from smplan.cli.console import console, err_console
from smplan.errors import PlanFileError, PlanInvalidError, UsageError, printable

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


#: The report formats of `--format`, by name: what each is for, and the function that
#: writes a list of `smplan.checks.reports.Report` in it, as `module:function`, loaded
#: when used so that --help loads none of them. Text a function returns is printed as it
#: is. A new format is one entry.
REPORT_FORMATS: dict[str, tuple[str, str]] = {
    "text": ("for people", "smplan.cli.check:print_text"),
    "json": ("for machines", "smplan.checks.reports:json_report"),
    "github": ("GitHub Actions annotations", "smplan.checks.reports:github_report"),
    "sarif": ("SARIF 2.1.0, for code scanning", "smplan.checks.reports:sarif_report"),
}


def write_report(output_format: str, reports: list[Any]) -> None:
    """Print `reports` in one of `REPORT_FORMATS`."""
    import importlib

    module, _, function = REPORT_FORMATS[output_format][1].partition(":")
    text = getattr(importlib.import_module(module), function)(reports)
    if text:
        typer.echo(text)


@app.command()
def check(
    paths: list[Path] = typer.Argument(
        ...,
        help="The plan files to check.",
        show_default=False,
        metavar="PATH...",
        autocompletion=complete_plan_paths,
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too."),
    output_format: str = typer.Option(
        "text",
        "--format",
        help="Output format: "
        + ", ".join(f"{name} ({what})" for name, (what, _) in REPORT_FORMATS.items())
        + ".",
    ),
    ignore: str = typer.Option(
        "",
        "--ignore",
        help="Comma-separated rule codes to leave out, e.g. SMP104,SMP803.",
        autocompletion=complete_rule_codes,
    ),
) -> None:
    """Check plan files: report every problem at its line, and how complete each step is.

    Exit status: 0 when every file is valid (warnings allowed), 1 on errors (or on
    warnings with --strict), 2 when a file cannot be read or parsed.
    """
    from smplan.checks import RULES

    if output_format not in REPORT_FORMATS:
        raise UsageError(
            f"unknown format `{output_format}`",
            hint="use --format "
            + ", ".join(list(REPORT_FORMATS)[:-1])
            + f" or {list(REPORT_FORMATS)[-1]}",
        )
    ignored = {code.strip().upper() for code in ignore.split(",") if code.strip()}
    unknown = sorted(ignored - set(RULES))
    if unknown:
        raise UsageError(
            f"unknown rule code{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
            hint="known codes: " + ", ".join(sorted(RULES)),
        )
    reports = [check_file(path, ignored, strict) for path in paths]
    write_report(output_format, reports)
    raise typer.Exit(max(int(r.exit_code) for r in reports))


def check_file(path: Path, ignored: set[str], strict: bool) -> Any:
    """The `Report` of one plan file, the loader's problems included."""
    from smplan.checks import run_checks, step_status
    from smplan.checks.reports import Report, finding_entry, loader_entry
    from smplan.plan.files import load_plan

    name = str(path)
    try:
        loaded = load_plan(path)
    except PlanFileError as error:
        readable = isinstance(error, PlanInvalidError)
        if not readable and debug_enabled():
            raise
        return Report(name, [loader_entry(p) for p in error.problems], readable=readable)
    everything = run_checks(loaded.plan)
    statuses = step_status(loaded.plan, everything)
    entries = [
        finding_entry(f, loaded.problem(f.loc, f.message, f.hint))
        for f in everything
        if f.code not in ignored
    ]
    return Report(name, entries, statuses, strict=strict)


def print_text(reports: list[Any]) -> None:
    """The reports for people: findings grouped by step, and a one-line verdict each.

    A file that cannot be read is reported on standard error, one line per problem.
    """
    for report in reports:
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
    problem = entry.problem
    colour = "red" if entry.severity == "error" else "yellow"
    prefix = _escape(problem.location(name))
    text = f"{prefix}: [{colour}]{entry.severity} {entry.code}[/]: {_escape(problem.message)}"
    if problem.hint:
        text += f" [dim](hint: {_escape(problem.hint)})[/]"
    return text


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(printable(text))


def print_findings(report: Any) -> None:
    """Only the findings and the verdict, for a plan that is checked on each save."""
    if report.steps:
        _print_report(report, headings=False)
    else:
        print_text([report])


def _print_report(report: Any, headings: bool = True) -> None:
    name, statuses = report.file, report.steps
    errors, warnings = report.errors, report.warnings
    by_step: dict[str, list[Any]] = {}
    for entry in report.entries:
        by_step.setdefault(entry.step, []).append(entry)
    for step, title in STEP_TITLES.items():
        status = statuses.get(step)
        items = sorted(by_step.get(step, []), key=lambda e: e.problem.sort_key())
        if status is None and not items:
            continue
        heading = f"[bold]{title}[/]"
        if status is not None:
            heading += f"  {_STATUS_STYLE.get(status, status)}"
        if headings:
            console.print(heading, soft_wrap=True)
        for entry in items:
            console.print("  " + _finding_line(name, entry), soft_wrap=True)
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
    if report.strict and warnings and not errors:
        line += " · [red]--strict: warnings fail the check[/]"
    console.print(line, soft_wrap=True)


def _report_invalid(report: Any) -> None:
    name = report.file
    for entry in report.entries:
        console.print(_escape(entry.problem.format(name)), soft_wrap=True, style=None)
    count = len(report.entries)
    console.print(
        f"{_escape(name)}: [red]invalid[/] · {count} error{'s' if count != 1 else ''}: "
        "the file does not fit the plan format",
        soft_wrap=True,
    )
