"""Plans to files: where each document goes, writing it, and batches in parallel."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from smplan.errors import (
    PlanFileError,
    RenderError,
    SmplanError,
    UsageError,
    cannot_write,
    printable,
)
from smplan.fsutil import atomic_write, is_standard_stream
from smplan.i18n import L_, current, language
from smplan.plan.files import load_plan
from smplan.render.formats import RenderOptions, default_output, render_plan


def plan_outputs(
    sources: Sequence[Path], output: Path | None, fmt: str, summary: bool = False
) -> list[tuple[Path, Path]]:
    """Pair each plan with the file its document goes to; raise `UsageError` on a clash.

    With one plan, `output` is the file to write (or a folder to write it in); with
    several, it must be a folder. Without it, each document sits next to its plan.
    """
    several = len(sources) > 1
    if several and output is not None and output.exists() and not output.is_dir():
        raise UsageError(
            L_("with several plans, -o must be a folder, and {path} is a file", path=_name(output)),
            hint=L_("give a folder, or render the plans one at a time"),
        )
    jobs = []
    for source in sources:
        if not source.name:
            raise UsageError(
                L_("`{source}` is not a plan file", source=printable(str(source))),
                hint=L_("give the path of a plan, such as plan.yaml"),
            )
        target = default_output(source, fmt, summary)
        if output is not None:
            if several or output.is_dir():
                target = output / target.name
            else:
                target = output
        jobs.append((source, target))
    seen: dict[Path, Path] = {}
    plans = {source.resolve(): source for source in sources}
    for source, target in jobs:
        if is_standard_stream(target):
            continue
        key = target.resolve()
        if key == source.resolve():
            raise UsageError(
                L_("{file}: the document would overwrite the plan itself", file=_name(source))
            )
        if key in plans:
            raise UsageError(
                L_(
                    "{file}: the document would overwrite {plan}, a plan of the same batch",
                    file=_name(source),
                    plan=_name(plans[key]),
                ),
                hint=L_("write the documents to a folder of their own with -o"),
            )
        if key in seen:
            raise UsageError(
                L_(
                    "{first} and {second} would both be written to {path}",
                    first=_name(seen[key]),
                    second=_name(source),
                    path=_name(target),
                ),
                hint=L_("plans with the same name need separate folders"),
            )
        seen[key] = source
    return jobs


def render_file(source: Path, output: Path, options: RenderOptions) -> Path:
    """Read the plan at `source`, render it and write `output` atomically.

    An error says which plan it comes from, in the document's language.
    """
    return _render_file(source, output, options)[0]


def _render_file(source: Path, output: Path, options: RenderOptions) -> tuple[Path, str]:
    loaded = load_plan(source)
    lang = options.lang or loaded.plan.language
    try:
        data = render_plan(loaded.plan, options, base_dir=source.resolve().parent)
    except RenderError as exc:
        raise RenderError(
            L_("{file}: {message}", file=printable(str(source)), message=exc.message),
            hint=exc.hint,
            language=lang,
        ) from None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(output, data)
    except OSError as exc:
        error = cannot_write(output, exc, source=str(source), kind=RenderError)
        error.language = lang
        raise error from None
    return output, lang


@dataclass(frozen=True)
class Outcome:
    """What became of one plan in a batch: the file written, or the error to report.

    `located` says the message is already one `FILE:LINE:COL: ...` line per problem.
    """

    source: str
    output: str | None = None
    #: The line that says the document was written, in the document's language.
    wrote: str | None = None
    #: The language of the plan's messages.
    language: str | None = None
    message: str | None = None
    hint: str | None = None
    exit_code: int = 0
    located: bool = False


def render_job(source: str, output: str, options: RenderOptions) -> Outcome:
    """Render one plan of a batch; errors come back as data so that workers never fail."""
    try:
        written, lang = _render_file(Path(source), Path(output), options)
    except SmplanError as exc:
        speaks = options.lang or exc.language or current()
        with language(speaks):
            return Outcome(
                source,
                message=exc.message,
                hint=exc.hint,
                exit_code=int(exc.exit_code),
                located=isinstance(exc, PlanFileError),
                language=speaks,
            )
    except Exception as exc:  # a library's failure on one plan must not stop the others
        reason = str(exc) or type(exc).__name__
        with language(options.lang or current()):
            message = L_(
                "{file}: the document could not be made: {reason}",
                file=printable(source),
                reason=printable(reason),
            )
            return Outcome(source, message=str(message), exit_code=int(RenderError.exit_code))
    with language(lang):
        wrote = str(L_("Wrote {path}.", path=printable(str(written))))
    return Outcome(source, output=str(written), wrote=wrote, language=lang)


def available_cpus() -> int:
    """How many processors this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def render_batch(
    jobs: Sequence[tuple[Path, Path]], options: RenderOptions, workers: int = 1
) -> Iterator[Outcome]:
    """Render every (source, output) pair, `workers` at a time, yielding in input order."""
    sources = [str(s) for s, _ in jobs]
    outputs = [str(o) for _, o in jobs]
    # More processes than processors only adds start-up time.
    workers = min(workers, available_cpus())
    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_job, sources, outputs, repeat(options))
        return
    # Imported here: the process pool brings multiprocessing, which one plan never needs.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(render_job, sources, outputs, repeat(options))


def _name(path: Path) -> str:
    return printable(str(path))
