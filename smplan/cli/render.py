"""`smplan render`: turn plans into client-ready documents (Markdown, HTML, PDF)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from smplan.cli import app, known_language, report_error
from smplan.cli.console import err_console
from smplan.errors import ExitCode, SmplanError, UsageError, printable
from smplan.fsutil import is_standard_stream
from smplan.render.formats import FORMATS


@app.command()
def render(
    paths: list[Path] = typer.Argument(
        ..., help="The plan files to render.", show_default=False, metavar="PATH"
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=f"Document format: {', '.join(FORMATS)}. Default: the extension of -o, else pdf.",
        show_default=False,
    ),
    output_arg: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write (one plan) or folder to write in (several plans, or a path "
        "ending in /; it is created if needed). "
        "Default: next to each plan, with the format's extension. "
        "`-o -` writes the document to standard output.",
        show_default=False,
    ),
    template_dir: Path | None = typer.Option(
        None,
        "--template-dir",
        help="Folder of templates that replace the built-in ones, file by file.",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        help="Language of the document. Default: the plan's.",
        show_default=False,
    ),
    summary: bool = typer.Option(
        False, "--summary", help="Render the short version: two pages at most."
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=1, help="How many plans to render at once, in separate processes."
    ),
) -> None:
    """Render plans as documents to hand to a client: Markdown, HTML or PDF.

    An unfinished plan still renders, marked as a draft.

    Exit status: 0 when every document was written; 1 when a plan of a batch
    failed, or a single plan does not fit the format; 2 when a plan cannot be
    read or the options cannot work.
    """
    from smplan.render.files import plan_outputs, render_batch
    from smplan.render.formats import RenderOptions, format_for
    from smplan.render.pdf import ensure_pdf_support

    known_language(lang)
    if output_format is not None and output_format not in FORMATS:
        raise UsageError(
            f"unknown format `{output_format}`", hint=f"use one of: {', '.join(FORMATS)}"
        )
    if output_arg == "-":
        if len(paths) > 1:
            raise UsageError(
                "-o - writes one document to standard output, and there are several plans",
                hint="give one plan, or a folder with -o",
            )
        output_arg = "/dev/stdout"
    output = Path(output_arg) if output_arg else None
    if output_arg and output is not None and (len(paths) > 1 or output_arg.endswith(("/", os.sep))):
        _make_folder(output)
    named = format_for(output) if len(paths) == 1 and not _is_folder(output) else None
    if output_format and named and named != output_format:
        raise UsageError(
            f"--format {output_format} does not match the extension of {output}",
            hint=f"write to a .{output_format} file, or leave --format out",
        )
    fmt = output_format or named or "pdf"
    if template_dir is not None and not template_dir.is_dir():
        raise UsageError(f"template folder not found: {template_dir}")
    pairs = plan_outputs(paths, output, fmt, summary)
    options = RenderOptions(
        fmt=fmt,
        lang=lang,
        template_dir=template_dir,
        summary=summary,
    )
    if fmt == "pdf":
        ensure_pdf_support()
        with err_console.status(f"Rendering {_count(len(pairs))} as PDF…") as status:
            outcomes = []
            for outcome in render_batch(pairs, options, workers=jobs):
                outcomes.append(outcome)
                status.update(f"Rendering PDF… {len(outcomes)} of {len(pairs)} done")
    else:
        outcomes = list(render_batch(pairs, options, workers=jobs))

    failed = [o for o in outcomes if o.message is not None]
    for outcome in outcomes:
        # A document sent to standard output is followed by nothing else there.
        if outcome.output is not None and not is_standard_stream(outcome.output):
            typer.echo(f"Wrote {printable(outcome.output)}.")
    for outcome in failed:
        _report(outcome.message or "", outcome.hint, outcome.located)
    if not failed:
        return
    if len(outcomes) == 1:
        raise typer.Exit(failed[0].exit_code)
    raise typer.Exit(int(ExitCode.FINDINGS))


def _is_folder(path: Path | None) -> bool:
    return path is not None and path.is_dir()


def _make_folder(path: Path) -> None:
    if path.exists():
        return
    try:
        path.mkdir(parents=True)
    except OSError as error:
        raise UsageError(f"cannot create the folder {path}: {error.strerror or error}") from None


def _count(n: int) -> str:
    return "1 plan" if n == 1 else f"{n} plans"


def _report(message: str, hint: str | None, located: bool) -> None:
    if located:
        for line in message.splitlines():
            err_console.print(line, highlight=False, markup=False, soft_wrap=True)
    else:
        report_error(SmplanError(message, hint=hint))
