"""Where a command's output goes: the one reading of `--format` and `-o`, and the guard.

`destination` is how every command that writes a file reads its `--format` and `-o`:
the format the option names, else the one the extension of `-o` names, else the kind's
default; a file, a folder (an existing one, a path ending in /, or any `-o` given with
several plans), or `-` for standard output. A name and a format that disagree, an
extension no format of the command writes, a binary format for a terminal: each is
refused before anything is read.

The `Destination` it returns places each file and guards the run: no file it writes may
be the plan, the plan's results file, another input of the run, or a file the run wrote
already; the scheduler files of two channels, two plans of one name, a symbolic or hard
link to the plan are all refused before anything is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smplan.errors import RenderError, UsageError, cannot_write, printable
from smplan.i18n import L_, Message, either
from smplan.outputs import Format, Outputs

#: What `-o` takes for standard output.
STDOUT = "-"
#: The name standard output is written through: a descriptor, never replaced.
STANDARD_OUTPUT = Path("/dev/stdout")


def _name(path: Path | str) -> str:
    return printable(str(path))


def unknown_format(name: str, known: Iterable[str]) -> UsageError:
    """The error for a `--format` smplan does not have, naming those it has."""
    return UsageError(
        L_("unknown format `{name}`", name=printable(name)),
        hint=L_("use one of: {choices}", choices=", ".join(known)),
    )


def known_format(name: str | None, known: Iterable[str]) -> str | None:
    """`name` when it is one of the `known` formats (or None); `unknown_format` otherwise."""
    known = list(known)
    if name is not None and name not in known:
        raise unknown_format(name, known)
    return name


def _what(kind: Outputs) -> Message:
    """What messages call an output of `kind`: "the document"."""
    return L_(kind.what) if kind.what else L_("the output")


def _not_written_as(kind: Outputs, name: str, hint: Message) -> UsageError:
    return UsageError(
        L_(
            "{what} is written as {formats}, not {format}",
            what=_what(kind),
            formats=either(kind),
            format=printable(name),
        ),
        hint=hint,
    )


def chosen_format(kind: Outputs, given: str | None) -> Format | None:
    """The format `--format` names, or None without it; a `UsageError` naming the formats
    of `kind` when it has no such format."""
    if given is None:
        return None
    if given not in kind:
        if kind.what is None:
            raise unknown_format(given, kind)
        hint = L_("use one of: {choices}", choices=", ".join(kind))
        raise _not_written_as(kind, given, hint)
    return kind[given]


def destination(
    kind: Outputs,
    given: str | None,
    output: str | None,
    sources: Sequence[Path] = (),
    *,
    inputs: Sequence[Path] = (),
    **fields: str,
) -> Destination:
    """Where the outputs of `kind` made from `sources` go, and in which format.

    `given` is `--format`, `output` is `-o`; `inputs` are the other files the run reads
    (never written to). `fields` fill the kind's file name (the report's `period`).
    Without `-o`, the file goes next to its plan; a kind made from no plan goes to
    standard output.
    """
    fmt = chosen_format(kind, given)
    for source in sources:
        if not source.name:
            raise UsageError(
                L_("`{source}` is not a plan file", source=_name(source)),
                hint=L_("give the path of a plan, such as plan.yaml"),
            )
    guard = Guard(kind, sources, inputs)
    several = len(sources) > 1
    if (output is None and not sources) or output == STDOUT or _is_standard(output):
        fmt = fmt or kind[kind.default]
        _refuse_standard_output(kind, fmt, several)
        return Destination(kind, fmt, guard, stdout=True, fields=fields)
    if output is None:
        return Destination(kind, fmt or kind[kind.default], guard, fields=fields)
    path = Path(output)
    if several or output.endswith(("/", os.sep)) or path.is_dir():
        if several and path.exists() and not path.is_dir():
            raise UsageError(
                L_(
                    "with several plans, -o must be a folder, and {path} is a file",
                    path=_name(path),
                ),
                hint=L_("give a folder, or render the plans one at a time"),
            )
        return Destination(kind, fmt or kind[kind.default], guard, folder=path, fields=fields)
    return Destination(kind, _format_of_name(kind, fmt, path), guard, file=path, fields=fields)


def _is_standard(output: str | None) -> bool:
    from smplan.fsutil import is_standard_stream

    return output is not None and is_standard_stream(output)


def _format_of_name(kind: Outputs, fmt: Format | None, path: Path) -> Format:
    """The format a file named `path` is written in: `fmt`, or the one its extension names."""
    extension = path.suffix.lower()
    if not extension:
        return fmt or kind[kind.default]
    if fmt is not None and fmt.extension == extension:
        return fmt
    named = kind.by_extension(extension)
    if named is None:
        names = [f"{path.stem}{e}" for e in kind.extensions()]
        hint = L_("name the file {names}", names=either(_name(n) for n in names))
        raise _not_written_as(kind, extension[1:], hint)
    if fmt is not None:
        raise UsageError(
            L_(
                "--format {format} does not match the extension of {path}",
                format=fmt.name,
                path=_name(path),
            ),
            hint=L_("write to a {extension} file, or leave --format out", extension=fmt.extension),
        )
    return named


def _refuse_standard_output(kind: Outputs, fmt: Format, several: bool) -> None:
    if several:
        raise UsageError(
            L_("-o - writes one document to standard output, and there are several plans"),
            hint=L_("give one plan, or a folder with -o"),
        )
    if fmt.per_part:
        raise UsageError(
            L_(
                "{format} writes one file per channel, which standard output cannot keep apart",
                format=fmt.name,
            ),
            hint=L_("give -o a folder, or the start of the files' names"),
        )
    if fmt.binary and sys.stdout.isatty():
        raise UsageError(
            L_(
                "{what} in {format} is binary, and standard output is a terminal",
                what=_what(kind),
                format=fmt.name,
            ),
            hint=L_(
                "send it to a file or a program (`-o - > {name}`, `-o - | …`), or give -o "
                "a file name",
                name=f"out{fmt.extension}",
            ),
        )


@dataclass
class Destination:
    """Where a command's outputs go, in which format, and what they may not replace."""

    kind: Outputs
    format: Format
    guard: Guard
    #: `-o` names a file (for a format written per part, the start of each file's name).
    file: Path | None = None
    #: `-o` names a folder the files go in, under their default names.
    folder: Path | None = None
    #: `-o -`: the output goes to standard output.
    stdout: bool = False
    #: What fills the kind's file name besides the plan's (the report's `period`).
    fields: dict[str, str] = field(default_factory=dict)

    def target(self, source: Path | None, part: str = "") -> Path:
        """Where the output made from `source` (its `part`, for a format written per
        part) goes, claimed for this run: a `UsageError` when it may not be written."""
        if self.stdout:
            return STANDARD_OUTPUT
        fmt = self.format
        if self.file is not None and not fmt.per_part:
            path = self.file
        elif self.file is not None:
            named = self.file.suffix.lower() == fmt.extension
            stem = self.file.with_suffix("") if named else self.file
            path = stem.with_name(f"{stem.name}-{part}{fmt.extension}")
        else:
            where = self.folder if self.folder is not None else _beside(source)
            plan = source.stem if source is not None else ""
            path = where / self.kind.file_name(plan, fmt, part, **self.fields)
        self.guard.claim(path, source)
        return path

    def write(self, target: Path, data: str | bytes, *, source: Path | None = None) -> None:
        """Write `data` to `target` atomically, its folder made if needed; standard output
        gets it in place, after what was printed before."""
        from smplan.fsutil import atomic_write

        try:
            if self.stdout:
                sys.stdout.flush()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        except BrokenPipeError:
            raise  # standard output closed by its reader: the command stops, as Click stops
        except OSError as error:
            where = None if source is None else str(source)
            raise cannot_write(target, error, source=where, kind=RenderError) from None


def _beside(source: Path | None) -> Path:
    return source.parent if source is not None else Path()


# --- the guard ---------------------------------------------------------------------------


def _keys(path: Path) -> set[tuple[object, ...]]:
    """What identifies the file `path` names: its real path (also case-folded, for the
    file systems that ignore case) and, when it exists, its device and inode (a hard link)."""
    real = os.path.realpath(path)
    keys: set[tuple[object, ...]] = {("path", real), ("folded", real.casefold())}
    try:
        info = Path(real).stat()
    except OSError:
        return keys
    keys.add(("inode", info.st_dev, info.st_ino))
    return keys


class Guard:
    """What one run may not write over: its plans, their results files, its other inputs,
    and every file it has claimed already."""

    def __init__(self, kind: Outputs, sources: Sequence[Path], inputs: Sequence[Path]) -> None:
        self._what = _what(kind)
        #: Each kept file's identities, what it is to the run, and the plan it belongs to.
        self._kept: list[tuple[set[tuple[object, ...]], str, Path]] = []
        for source in sources:
            from smplan.plan.results import results_path

            if source.name:
                self._kept.append((_keys(source), "plan", source))
                self._kept.append((_keys(results_path(source)), "results", source))
        for path in inputs:
            self._kept.append((_keys(path), "input", path))
        self._claimed: list[tuple[set[tuple[object, ...]], Path | None]] = []

    def claim(self, target: Path, source: Path | None) -> None:
        """Reserve `target` for the output of `source`; a `UsageError` when it is a file
        the run reads, or one it writes already."""
        from smplan.fsutil import is_standard_stream

        if is_standard_stream(target):
            return
        keys = _keys(target)
        file = _name(source if source is not None else target)
        for kept, role, whose in self._kept:
            if keys & kept:
                raise self._overwrites(file, role, whose, source, target)
        for claimed, first in self._claimed:
            if keys & claimed:
                if first is not None and source is not None and first != source:
                    raise UsageError(
                        L_(
                            "{first} and {second} would both be written to {path}",
                            first=_name(first),
                            second=_name(source),
                            path=_name(target),
                        ),
                        hint=L_("plans with the same name need separate folders"),
                    )
                raise UsageError(
                    L_("{what} would write {path} twice", what=self._what, path=_name(target))
                )
        self._claimed.append((keys, source))

    def _overwrites(
        self, file: str, role: str, whose: Path, source: Path | None, target: Path
    ) -> UsageError:
        another = L_("give -o another name")
        if role == "plan" and source is not None and whose == source:
            return UsageError(
                L_("{file}: {what} would overwrite the plan itself", file=file, what=self._what),
                hint=another,
            )
        if role == "plan":
            return UsageError(
                L_(
                    "{file}: {what} would overwrite {plan}, a plan of the same batch",
                    file=file,
                    what=self._what,
                    plan=_name(whose),
                ),
                hint=L_("write them to a folder of their own with -o"),
            )
        if role == "results":
            from smplan.plan.results import results_path

            return UsageError(
                L_(
                    "{file}: {what} would overwrite {results}, the results recorded for {plan}",
                    file=file,
                    what=self._what,
                    results=_name(results_path(whose)),
                    plan=_name(whose),
                ),
                hint=another,
            )
        return UsageError(
            L_(
                "{file}: {what} would overwrite {input}, which this command reads",
                file=file,
                what=self._what,
                input=_name(whose),
            ),
            hint=another,
        )
