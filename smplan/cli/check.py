"""`smplan check`: is the plan file well-formed, and is the strategy whole?"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from smplan.cli.common import echo, speak_asked
from smplan.cli.completers import complete_plan_paths, complete_rule_codes
from smplan.cli.findings import check_file, ignored_codes
from smplan.cli.options import LANG, argument, command, flag, format_option, option
from smplan.cli.outputs import chosen_format
from smplan.i18n import N_
from smplan.outputs import Format, Outputs

#: The report formats of `--format`: each writes a list of `smplan.checks.reports.Report`.
#: Text a writer returns is printed as it is. A new format is one entry.
REPORT_FORMATS = Outputs(
    Format("text", ".txt", "smplan.cli.findings:print_text", about=N_("for people")),
    Format("json", ".json", "smplan.checks.reports:json_report", about=N_("for machines")),
    Format(
        "github",
        ".txt",
        "smplan.checks.reports:github_report",
        about=N_("GitHub Actions annotations"),
    ),
    Format(
        "sarif",
        ".sarif",
        "smplan.checks.reports:sarif_report",
        about=N_("SARIF 2.1.0, for code scanning"),
    ),
    default="text",
)


def write_report(output_format: str, reports: list[Any]) -> None:
    """Print `reports` in one of `REPORT_FORMATS`."""
    from smplan.i18n import current, language

    with language(reports[0].language or current() if len(reports) == 1 else current()):
        text = REPORT_FORMATS[output_format].write(reports)
    if text:
        echo(text)


@command(
    "check",
    argument(
        "paths",
        help="The plan files to check.",
        many=True,
        metavar="PATH...",
        complete=complete_plan_paths,
    ),
    flag("strict", "--strict", help="Fail (exit 1) on warnings too."),
    format_option(REPORT_FORMATS),
    option(
        "ignore",
        "--ignore",
        default="",
        help="Comma-separated rule codes or names to leave out, e.g. SMP104,no-sponsor.",
        complete=complete_rule_codes,
    ),
    LANG,
)
def run_check(
    paths: list[Path], strict: bool, output_format: str, ignore: str, lang: str | None
) -> int:
    """Check plan files: report every problem at its line, and how complete each step is.

    Exit status: 0 when every file is valid (warnings allowed), 1 on errors (or on
    warnings with --strict), 2 when a file cannot be read or parsed.
    """
    speak_asked(lang)
    chosen_format(REPORT_FORMATS, output_format)
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
