"""`smplan diff`: what changed in the strategy between two versions of a plan."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app, known_format, speak_asked
from smplan.cli.completers import complete_plan_paths
from smplan.cli.helptexts import H_, described
from smplan.i18n import N_
from smplan.lazy import load_callable

#: The formats of `--format`, by name: what each is for, and the function of a
#: `smplan.checks.diff.PlanDiff` that writes it, loaded when used. A new format is one entry.
DIFF_FORMATS: dict[str, tuple[str, str]] = {
    "text": (N_("for the terminal"), "smplan.checks.diff:diff_text"),
    "md": (N_("Markdown, for a cover letter"), "smplan.checks.diff:diff_markdown"),
    "json": (N_("for machines"), "smplan.checks.diff:diff_json"),
}


@app.command()
def diff(
    old: Path = typer.Argument(
        ...,
        help="The earlier version of the plan.",
        show_default=False,
        autocompletion=complete_plan_paths,
    ),
    new: Path = typer.Argument(
        ...,
        help="The later version of the plan.",
        show_default=False,
        autocompletion=complete_plan_paths,
    ),
    output_format: str = typer.Option(
        "text",
        "--format",
        "-f",
        help=H_("Output format: {formats}.", formats=described(DIFF_FORMATS)),
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        help="Language of the changes. Default: the later plan's.",
        show_default=False,
    ),
) -> None:
    """Say what changed from one version of a plan to the next, step by step.

    Everything the document shows is compared: each text, number, date, list entry and
    reference added, removed or changed, named and written as the document has it.
    Things are matched by id or by name, not by position. The text and JSON formats
    also tell the findings that appeared or were resolved; Markdown is the change log
    a client reads.

    Exit status: 0 when both plans could be compared; 1 when one does not fit the
    format; 2 when one cannot be read.
    """
    from smplan.checks.diff import diff_plans
    from smplan.plan.files import load_plan

    known_format(output_format, DIFF_FORMATS)
    speak_asked(lang)
    changes = diff_plans(load_plan(old).plan, load_plan(new).plan, lang)
    typer.echo(load_callable(DIFF_FORMATS[output_format][1])(changes), nl=False)
