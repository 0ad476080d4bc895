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
    *,
    draft: bool | None = None,
    strict: bool = False,
    theme: Path | None = None,
    paper: str | None = None,
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
    _known_paper(paper)
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
        draft=draft,
        theme=theme,
        paper=paper,
    )
    open_points = _open_points(pairs, strict, lang)
    if strict and open_points:
        for lines in open_points.values():
            _say(lines)
        return int(ExitCode.FINDINGS)
    if fmt == "pdf":
        notes = ensure_pdf_support()
    if watch:
        from smplan.cli.watch import watch as watch_plan

        for lines in open_points.values():
            _say(lines)
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
        if outcome.message is None:
            # Said once the document is written: what it lists as still to be decided.
            _say(open_points.get(outcome.source, []))
    for outcome in failed:
        _report(outcome.message or "", outcome.hint, outcome.located, outcome.language)
    for note in notes:
        err_console.print(note, markup=False, highlight=False, soft_wrap=True)
    if not failed:
        return int(ExitCode.OK)
    if len(outcomes) == 1:
        return int(failed[0].exit_code)
    return int(ExitCode.FINDINGS)


def _known_paper(paper: str | None) -> None:
    from smplan.render.theme import PAPERS

    if paper is not None and paper.lower() not in PAPERS:
        raise UsageError(
            L_("unknown paper size: {paper}", paper=printable(paper)),
            hint=L_("use {sizes}", sizes=" or ".join(PAPERS)),
        )


def _open_points(
    pairs: list[tuple[Path, Path]], strict: bool, lang: str | None
) -> dict[str, list[str]]:
    """What each plan still leaves open, as the lines the terminal says, by plan file, in
    the language of its document. A plan that cannot be read is left to the render."""
    from smplan.errors import SmplanError as _Unreadable
    from smplan.i18n import language
    from smplan.plan.files import load_plan
    from smplan.render.view import open_points

    said: dict[str, list[str]] = {}
    for source, _ in pairs:
        try:
            plan = load_plan(source).plan
        except _Unreadable:
            continue
        with language(lang or plan.language):
            points = open_points(plan)
            if not points:
                continue
            head = (
                LN_(
                    "{file}: {n} point is still open, so the plan is not finished; "
                    "--strict refuses it:",
                    "{file}: {n} points are still open, so the plan is not finished; "
                    "--strict refuses it:",
                    len(points),
                    file=printable(str(source)),
                )
                if strict
                else LN_(
                    "{file}: {n} point is still open; the document lists it for the client:",
                    "{file}: {n} points are still open; the document lists them for the client:",
                    len(points),
                    file=printable(str(source)),
                )
            )
            said[str(source)] = [str(head), *(f"  - {p.chapter}: {p.text}" for p in points)]
    return said


def _say(lines: list[str]) -> None:
    for line in lines:
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)


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
