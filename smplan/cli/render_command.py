"""The Typer command `smplan render`: its options and help. The work is `run_render`, which
the fast path (`smplan.cli.fast`) calls too."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app
from smplan.cli.completers import complete_plan_paths
from smplan.cli.helptexts import H_
from smplan.cli.render import run_render
from smplan.render.formats import FORMATS


@app.command()
def render(
    paths: list[Path] = typer.Argument(
        ...,
        help="The plan files to render.",
        show_default=False,
        metavar="PATH",
        autocompletion=complete_plan_paths,
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=H_(
            "Document format: {formats}. Default: the extension of -o, else pdf.",
            formats=", ".join(FORMATS),
        ),
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
    since: Path | None = typer.Option(
        None,
        "--since",
        help="The previous version of the plan: the document opens with what changed since.",
        show_default=False,
        autocompletion=complete_plan_paths,
    ),
    reference_doc: Path | None = typer.Option(
        None,
        "--reference-doc",
        help="A Word file whose styles, page, header and footer a DOCX takes: a house "
        "style. Default: reference.docx in --template-dir, else smplan's own.",
        show_default=False,
    ),
    watch: bool = typer.Option(
        False,
        "--watch",
        help="Keep running: render again on each save of the plan or of a template in "
        "--template-dir, and print the new version's findings. Ctrl-C stops it (exit 0).",
    ),
) -> None:
    """Render plans as documents to hand to a client: Markdown, HTML or PDF.

    An unfinished plan still renders, marked as a draft.

    Exit status: 0 when every document was written; 1 when a plan of a batch
    failed, or a single plan does not fit the format; 2 when a plan cannot be
    read or the options cannot work.
    """
    raise typer.Exit(
        run_render(
            paths,
            output_format,
            output_arg,
            template_dir,
            lang,
            summary,
            jobs,
            since,
            watch,
            reference_doc,
        )
    )
