"""`smplan report`: the client's results report for one period (Markdown, HTML, PDF, Word)."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import (
    app,
    known_format,
    matching_format,
    say_wrote,
    speak_asked,
    template_folder,
)
from smplan.cli.helptexts import H_
from smplan.errors import PlanFileError, UsageError, cannot_write
from smplan.render.formats import FORMATS


@app.command()
def report(
    path: Path = typer.Argument(..., help="The plan file.", show_default=False),
    period: str = typer.Option(
        ...,
        "--period",
        "-p",
        help="The month (2027-03), ISO week (2027-W11) or day the report covers.",
        show_default=False,
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=H_(
            "Report format: {formats}. Default: the extension of -o, else pdf.",
            formats=", ".join(FORMATS),
        ),
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write. Default: PLAN.report-PERIOD with the format's extension, "
        "next to the plan.",
        show_default=False,
    ),
    template_dir: Path | None = typer.Option(
        None,
        "--template-dir",
        help="Folder of templates that replace the built-in ones, file by file.",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the report. Default: the plan's.", show_default=False
    ),
    summary: bool = typer.Option(
        False, "--summary", help="The short version: the tables and what comes next only."
    ),
    reference_doc: Path | None = typer.Option(
        None,
        "--reference-doc",
        help="A Word file whose styles, page, header and footer a DOCX takes: a house "
        "style. Default: reference.docx in --template-dir, else smplan's own.",
        show_default=False,
    ),
) -> None:
    """Write the client's report for a period: what we set out to do, where each
    objective stands against its target, channel by channel, and what comes next.

    It reads the plan and PLAN.results.yaml beside it (see smplan track). The same
    plan, results and period give the same bytes.
    """
    from smplan.checks.results import check_results
    from smplan.cli.render import reference_for
    from smplan.fsutil import atomic_write
    from smplan.plan.files import load_plan
    from smplan.plan.results import Results, load_results_of, parse_period, results_path
    from smplan.render.formats import RenderOptions, format_for
    from smplan.render.pdf import ensure_pdf_support
    from smplan.render.report import render_report

    speak_asked(lang)
    try:
        at = parse_period(period)
    except ValueError as error:
        raise UsageError(error.args[0]) from None
    known_format(output_format, FORMATS)
    fmt = matching_format(output_format, format_for(output), output) or "pdf"
    template_folder(template_dir)
    reference_for(fmt, reference_doc)
    loaded = load_plan(path)
    found = load_results_of(loaded)
    results = found.results if found else Results()
    if found is not None:
        errors = [f for f in check_results(loaded.plan, results) if f.severity == "error"]
        if errors:
            # A report must not print figures that do not fit their metrics.
            raise PlanFileError(
                str(results_path(path)),
                [found.problem(f.loc, f"error {f.code}: {f.message}", f.hint) for f in errors],
            )
    if fmt == "pdf":
        ensure_pdf_support()
    if fmt == "docx":
        from smplan.render.docx import ensure_docx_support

        ensure_docx_support()
    options = RenderOptions(
        fmt=fmt,
        lang=lang,
        template_dir=template_dir,
        summary=summary,
        reference_doc=reference_doc,
    )
    content = render_report(loaded.plan, results, at, options, base_dir=path.parent)
    target = output or path.with_name(
        f"{path.stem}.report-{at.text}{'.summary' if summary else ''}{FORMATS[fmt].extension}"
    )
    try:
        atomic_write(target, content)
    except OSError as error:
        raise cannot_write(target, error) from None
    say_wrote(target)
