"""`smplan render`: turn plans into client-ready documents (Markdown, HTML, PDF, Word)."""

from __future__ import annotations

from pathlib import Path

from smplan.cli.common import (
    echo,
    reference_for,
    report_outcome,
    speak_asked,
    template_folder,
)
from smplan.cli.completers import complete_plan_paths
from smplan.cli.console import err_console
from smplan.cli.options import (
    LANG,
    REFERENCE_DOC,
    TEMPLATE_DIR,
    argument,
    command,
    flag,
    format_option,
    option,
    output_option,
)
from smplan.cli.outputs import STDOUT, destination
from smplan.errors import ExitCode, UsageError, printable
from smplan.i18n import L_, LN_
from smplan.render.formats import FORMATS


@command(
    "render",
    argument(
        "paths",
        help="The plan files to render.",
        many=True,
        metavar="PATH",
        complete=complete_plan_paths,
    ),
    format_option(FORMATS),
    output_option(FORMATS, several=True),
    TEMPLATE_DIR,
    LANG,
    flag("summary", "--summary", help="Render the short version: two pages at most."),
    option(
        "jobs",
        "--jobs",
        "-j",
        kind=int,
        default=1,
        minimum=1,
        help="How many plans to render at once, in separate processes.",
    ),
    option(
        "since",
        "--since",
        kind=Path,
        help="The previous version of the plan: the document opens with what changed since.",
        complete=complete_plan_paths,
    ),
    REFERENCE_DOC,
    flag(
        "draft",
        "--draft",
        off="--final",
        help="Mark the document a working draft, or not, whatever the plan's status says.",
    ),
    flag(
        "strict",
        "--strict",
        help="Refuse to write a document while points of the plan are still open (exit 1).",
    ),
    option(
        "theme",
        "--theme",
        kind=Path,
        help="Theme file (logo, colours, fonts, prepared for and by) to dress the document "
        "in. Default: the plan's project.theme.",
    ),
    option(
        "paper",
        "--paper",
        help="Paper size: a4 or letter. Default: the paper of the document's language "
        "(letter for en_US).",
    ),
    flag(
        "watch",
        "--watch",
        help="Keep running: render again on each save of the plan or of a template in "
        "--template-dir, and print the new version's findings. Ctrl-C stops it (exit 0).",
    ),
)
def run_render(
    paths: list[Path],
    output_format: str | None,
    output_arg: str | None,
    template_dir: Path | None,
    lang: str | None,
    summary: bool,
    jobs: int,
    since: Path | None,
    reference_doc: Path | None,
    draft: bool | None,
    strict: bool,
    theme: Path | None,
    paper: str | None,
    watch: bool,
) -> int:
    """Render plans as documents to hand to a client: Markdown, HTML, PDF or Word.

    An unfinished plan still renders: the document lists what is still to be
    decided, and the terminal says so. It is a draft only when the plan's
    project.status or --draft says so.

    Exit status: 0 when every document was written; 1 when a plan of a batch
    failed, a single plan does not fit the format, or --strict refused a plan
    with open points; 2 when a plan cannot be read or the options cannot work.
    """
    from smplan.plan.files import load_plan
    from smplan.render.files import render_batch
    from smplan.render.formats import SUMMARY, RenderOptions, reference_document

    speak_asked(lang)
    if watch and len(paths) != 1:
        raise UsageError(
            L_("--watch takes one plan"), hint=L_("watch each plan in its own terminal")
        )
    if watch and output_arg == STDOUT:
        raise UsageError(
            L_("--watch writes the document again at each save, so it needs a file, not -o -"),
            hint=L_("give -o a file name"),
        )
    if since is not None and len(paths) != 1:
        raise UsageError(L_("--since takes one plan"), hint=L_("render the plans one at a time"))
    _known_paper(paper)
    where = destination(
        SUMMARY if summary else FORMATS,
        output_format,
        output_arg,
        paths,
        inputs=[
            *(p for p in (since, theme) if p is not None),
            reference_document(reference_doc, template_dir),
        ],
    )
    fmt = where.format
    template_folder(template_dir)
    reference_for(fmt, reference_doc)
    pairs = [(path, where.target(path)) for path in paths]
    # The earlier version is read once, here, before any document is made.
    previous = load_plan(since).plan if since is not None else None
    options = RenderOptions(
        fmt=fmt.name,
        lang=lang,
        template_dir=template_dir,
        summary=summary,
        previous=previous,
        draft=draft,
        theme=theme,
        paper=paper,
        reference_doc=reference_doc,
    )
    open_points = _open_points(pairs, strict, lang)
    if strict and open_points:
        for lines in open_points.values():
            _say(lines)
        return int(ExitCode.FINDINGS)
    notes = fmt.ready()
    if watch:
        from smplan.cli.watch import watch as watch_plan

        for lines in open_points.values():
            _say(lines)
        return watch_plan(*pairs[0], options)
    if fmt.binary:
        rendering = LN_(
            "Rendering {n} plan as {format}…",
            "Rendering {n} plans as {format}…",
            len(pairs),
            format=fmt.name.upper(),
        )
        with err_console.status(str(rendering)) as status:
            outcomes = []
            for outcome in render_batch(pairs, options, workers=jobs):
                outcomes.append(outcome)
                done = L_(
                    "Rendering {format}… {done} of {total} done",
                    format=fmt.name.upper(),
                    done=len(outcomes),
                    total=len(pairs),
                )
                status.update(str(done))
    else:
        outcomes = list(render_batch(pairs, options, workers=jobs))

    failed = [o for o in outcomes if o.message is not None]
    for outcome in outcomes:
        # A document sent to standard output is followed by nothing else there.
        if outcome.wrote is not None and not where.stdout:
            echo(outcome.wrote)
        if outcome.message is None:
            # Said once the document is written: what it lists as still to be decided.
            _say(open_points.get(outcome.source, []))
    for outcome in failed:
        report_outcome(outcome.message or "", outcome.hint, outcome.located, outcome.language)
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
