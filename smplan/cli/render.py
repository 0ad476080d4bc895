"""`smplan render`: turn plans into client-ready documents (Markdown, HTML, PDF)."""

from __future__ import annotations

import os
from pathlib import Path

from smplan.cli import (
    echo,
    known_format,
    matching_format,
    report_error,
    speak_asked,
    template_folder,
)
from smplan.cli.console import err_console
from smplan.errors import ExitCode, SmplanError, UsageError, printable
from smplan.i18n import L_, LN_
from smplan.render.formats import FORMATS


def run_render(
    paths: list[Path],
    output_format: str | None,
    output_arg: str | None,
    template_dir: Path | None,
    lang: str | None,
    summary: bool,
    jobs: int,
    since: Path | None,
    watch: bool,
    reference_doc: Path | None = None,
) -> int:
    """`smplan render`, its options parsed: the exit status, the documents written."""
    from smplan.fsutil import is_standard_stream
    from smplan.plan.files import load_plan
    from smplan.render.files import plan_outputs, render_batch
    from smplan.render.formats import RenderOptions, format_for
    from smplan.render.pdf import ensure_pdf_support

    speak_asked(lang)
    if watch and len(paths) != 1:
        raise UsageError(
            L_("--watch takes one plan"), hint=L_("watch each plan in its own terminal")
        )
    if since is not None and len(paths) != 1:
        raise UsageError(L_("--since takes one plan"), hint=L_("render the plans one at a time"))
    known_format(output_format, FORMATS)
    if output_arg == "-":
        if len(paths) > 1:
            raise UsageError(
                L_("-o - writes one document to standard output, and there are several plans"),
                hint=L_("give one plan, or a folder with -o"),
            )
        output_arg = "/dev/stdout"
    output = Path(output_arg) if output_arg else None
    if output_arg and output is not None and (len(paths) > 1 or output_arg.endswith(("/", os.sep))):
        _make_folder(output)
    named = format_for(output) if len(paths) == 1 and not _is_folder(output) else None
    fmt = matching_format(output_format, named, output) or "pdf"
    template_folder(template_dir)
    reference_for(fmt, reference_doc)
    pairs = plan_outputs(paths, output, fmt, summary)
    notes: list[str] = []
    # The earlier version is read once, here, before any document is made.
    previous = load_plan(since).plan if since is not None else None
    options = RenderOptions(
        fmt=fmt,
        lang=lang,
        template_dir=template_dir,
        summary=summary,
        previous=previous,
        reference_doc=reference_doc,
    )
    if fmt == "pdf":
        notes = ensure_pdf_support()
    if fmt == "docx":
        from smplan.render.docx import ensure_docx_support

        ensure_docx_support()
    if watch:
        from smplan.cli.watch import watch as watch_plan

        return watch_plan(*pairs[0], options)
    if fmt == "pdf":
        rendering = LN_("Rendering {n} plan as PDF…", "Rendering {n} plans as PDF…", len(pairs))
        with err_console.status(str(rendering)) as status:
            outcomes = []
            for outcome in render_batch(pairs, options, workers=jobs):
                outcomes.append(outcome)
                done = L_(
                    "Rendering PDF… {done} of {total} done", done=len(outcomes), total=len(pairs)
                )
                status.update(str(done))
    else:
        outcomes = list(render_batch(pairs, options, workers=jobs))

    failed = [o for o in outcomes if o.message is not None]
    for outcome in outcomes:
        # A document sent to standard output is followed by nothing else there.
        if outcome.wrote is not None and not is_standard_stream(outcome.output or ""):
            echo(outcome.wrote)
    for outcome in failed:
        _report(outcome.message or "", outcome.hint, outcome.located, outcome.language)
    for note in notes:
        err_console.print(note, markup=False, highlight=False, soft_wrap=True)
    if not failed:
        return int(ExitCode.OK)
    if len(outcomes) == 1:
        return int(failed[0].exit_code)
    return int(ExitCode.FINDINGS)


def reference_for(fmt: str, reference_doc: Path | None) -> None:
    """Refuse a reference document that is not one, or given for a format other than DOCX."""
    if reference_doc is None:
        return
    if fmt != "docx":
        raise UsageError(L_("--reference-doc is for Word output"), hint=L_("add --format docx"))
    from smplan.render.docx import check_reference

    check_reference(reference_doc)


def _is_folder(path: Path | None) -> bool:
    return path is not None and path.is_dir()


def _make_folder(path: Path) -> None:
    if path.exists():
        return
    try:
        path.mkdir(parents=True)
    except OSError as error:
        raise UsageError(
            L_(
                "cannot create the folder {path}: {reason}",
                path=printable(str(path)),
                reason=error.strerror or error,
            )
        ) from None


def _report(message: str, hint: str | None, located: bool, lang: str | None = None) -> None:
    if located:
        for line in message.splitlines():
            err_console.print(line, highlight=False, markup=False, soft_wrap=True)
    else:
        report_error(SmplanError(message, hint=hint, language=lang))
