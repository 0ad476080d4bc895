"""The Typer command `smplan check`: its options and help. The work is `run_check`, which
the fast path (`smplan.cli.fast`) calls too."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app
from smplan.cli.check import REPORT_FORMATS, run_check
from smplan.cli.completers import complete_plan_paths, complete_rule_codes
from smplan.cli.helptexts import H_, described


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
        help=H_("Output format: {formats}.", formats=described(REPORT_FORMATS)),
    ),
    ignore: str = typer.Option(
        "",
        "--ignore",
        help="Comma-separated rule codes or names to leave out, e.g. SMP104,no-sponsor.",
        autocompletion=complete_rule_codes,
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the report. Default: each plan's own.", show_default=False
    ),
) -> None:
    """Check plan files: report every problem at its line, and how complete each step is.

    Exit status: 0 when every file is valid (warnings allowed), 1 on errors (or on
    warnings with --strict), 2 when a file cannot be read or parsed.
    """
    raise typer.Exit(run_check(paths, strict, output_format, ignore, lang))
