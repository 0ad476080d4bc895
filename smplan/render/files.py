"""Plans to files: rendering and writing each document, and batches in parallel."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from smplan.errors import PlanFileError, RenderError, SmplanError, cannot_write, printable
from smplan.fsutil import atomic_write
from smplan.i18n import L_, current, language
from smplan.plan.files import load_plan
from smplan.render.formats import RenderOptions, render_plan


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
    except BrokenPipeError:
        raise
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
    except BrokenPipeError:
        raise  # standard output closed by its reader: the command stops, as Click stops
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
