"""`smplan report`: the client's results report for one period (Markdown, HTML, PDF, Word)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smplan.cli.common import reference_for, say_wrote, speak_asked, template_folder
from smplan.cli.options import (
    LANG,
    PLAN,
    REFERENCE_DOC,
    TEMPLATE_DIR,
    command,
    flag,
    format_option,
    option,
    output_option,
)
from smplan.cli.outputs import destination
from smplan.errors import PlanFileError, UsageError, printable
from smplan.i18n import L_
from smplan.render.formats import REPORT


@command(
    "report",
    PLAN,
    option(
        "period",
        "--period",
        "-p",
        required=True,
        help="The month (2027-03), ISO week (2027-W11) or day the report covers.",
    ),
    format_option(REPORT),
    output_option(REPORT),
    TEMPLATE_DIR,
    LANG,
    flag("summary", "--summary", help="The short version: the tables and what comes next only."),
    option(
        "issued",
        "--date",
        metavar="DATE",
        help="The report's issue date (YYYY-MM-DD), printed on it and in its PDF. "
        "Default: the last day of the period.",
    ),
    REFERENCE_DOC,
)
def report(
    path: Path,
    period: str,
    output_format: str | None,
    output_arg: str | None,
    template_dir: Path | None,
    lang: str | None,
    summary: bool,
    issued: str | None,
    reference_doc: Path | None,
) -> None:
    """Write the client's report for a period: what we set out to do, where each
    objective stands against its target, channel by channel, and what comes next.

    It reads the plan and PLAN.results.yaml beside it (see smplan track). The same
    plan, results and period give the same bytes.
    """
    from smplan.checks.service import check_file
    from smplan.plan.results import Results, parse_period
    from smplan.render.formats import REPORT_SUMMARY, RenderOptions, reference_document
    from smplan.render.report import render_report

    speak_asked(lang)
    try:
        at = parse_period(period)
    except ValueError as error:
        raise UsageError(error.args[0]) from None
    issued_on = None
    if issued is not None:
        try:
            issued_on = dt.date.fromisoformat(issued)
        except ValueError:
            raise UsageError(
                L_("--date {value}: not a date", value=printable(issued)),
                hint=L_("write dates as YYYY-MM-DD, for example 2027-01-04"),
            ) from None
    kind = REPORT_SUMMARY if summary else REPORT
    where = destination(
        kind,
        output_format,
        output_arg,
        [path],
        inputs=[reference_document(reference_doc, template_dir)],
        period=at.text,
    )
    fmt = where.format
    target = where.target(path)
    template_folder(template_dir)
    reference_for(fmt, reference_doc)
    checked = check_file(path, lang=lang)
    for unusable in (checked.plan_error, checked.results_error):
        if unusable is not None:
            raise unusable
    assert checked.loaded is not None and checked.verdict is not None
    loaded, found = checked.loaded, checked.results
    results = found.results if found else Results()
    errors = [f for f in checked.verdict.results if f.severity == "error"]
    if found is not None and errors:
        # A report must not print figures that do not fit their metrics.
        raise PlanFileError(
            str(found.path),
            [found.problem(f.loc, f"error {f.code}: {f.message}", f.hint) for f in errors],
        )
    fmt.ready()
    options = RenderOptions(
        fmt=fmt.name,
        lang=lang,
        template_dir=template_dir,
        summary=summary,
        reference_doc=reference_doc,
    )
    content = render_report(
        loaded.plan, results, at, options, base_dir=path.parent, issued=issued_on
    )
    where.write(target, content)
    if not where.stdout:
        say_wrote(target)
