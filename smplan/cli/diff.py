"""`smplan diff`: what changed in the strategy between two versions of a plan."""

from __future__ import annotations

from pathlib import Path

from smplan.cli.common import echo, speak_asked
from smplan.cli.completers import complete_plan_paths
from smplan.cli.options import LANG, argument, command, format_option
from smplan.cli.outputs import chosen_format
from smplan.errors import printable_lines
from smplan.i18n import N_
from smplan.outputs import Format, Outputs

#: The formats of `--format`: each writes a `smplan.checks.diff.PlanDiff`. A new format
#: is one entry.
DIFF_FORMATS = Outputs(
    Format("text", ".txt", "smplan.checks.diff:diff_text", about=N_("for the terminal")),
    Format(
        "md", ".md", "smplan.checks.diff:diff_markdown", about=N_("Markdown, for a cover letter")
    ),
    Format("json", ".json", "smplan.checks.diff:diff_json", about=N_("for machines")),
    default="text",
)


@command(
    "diff",
    argument("old", help="The earlier version of the plan.", complete=complete_plan_paths),
    argument("new", help="The later version of the plan.", complete=complete_plan_paths),
    format_option(DIFF_FORMATS),
    LANG,
)
def diff(old: Path, new: Path, output_format: str, lang: str | None) -> None:
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

    chosen_format(DIFF_FORMATS, output_format)
    speak_asked(lang)
    changes = diff_plans(load_plan(old).plan, load_plan(new).plan, lang)
    text = DIFF_FORMATS[output_format].write(changes)
    if output_format != "json":
        # Plan text is shown, never obeyed: a right-to-left override would reverse the
        # line a reviewer reads. JSON escapes control characters itself.
        text = printable_lines(text)
    echo(text, nl=False)
