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
from smplan.errors import ExitCode, UsageError
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
    watch: bool,
) -> int:
    """Render plans as documents to hand to a client: Markdown, HTML, PDF or Word.

    An unfinished plan still renders, marked as a draft.

    Exit status: 0 when every document was written; 1 when a plan of a batch
    failed, or a single plan does not fit the format; 2 when a plan cannot be
    read or the options cannot work.
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
    where = destination(
        SUMMARY if summary else FORMATS,
        output_format,
        output_arg,
        paths,
        inputs=[
            *([since] if since is not None else []),
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
        reference_doc=reference_doc,
    )
    notes = fmt.ready()
    if watch:
        from smplan.cli.watch import watch as watch_plan

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
    for outcome in failed:
        report_outcome(outcome.message or "", outcome.hint, outcome.located, outcome.language)
    for note in notes:
        err_console.print(note, markup=False, highlight=False, soft_wrap=True)
    if not failed:
        return int(ExitCode.OK)
    if len(outcomes) == 1:
        return int(failed[0].exit_code)
    return int(ExitCode.FINDINGS)
