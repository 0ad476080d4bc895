"""The one shape of every output smplan writes: a registry of formats for each kind.

A kind of output (the document, its summary, the report, the calendar, the weekly sheet,
check's reports, a diff, the schema...) is an `Outputs`: what it is called, the formats
it is written in, the one it takes by default, and the name its file takes beside the
plan. Each format is one `Format` entry, whose writer is named as `module:function` and
loaded on first use, so that a registry costs nothing to import and a writer's libraries
load only when its format is asked for. A new format is one entry; the `--format` help,
the formats `-o NAME.EXT` may pick and the messages that list them all read the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from smplan.lazy import load_callable


@dataclass(frozen=True)
class Format:
    """One format of a kind of output."""

    #: What `--format` calls it.
    name: str
    #: The extension of its files, with the dot; `-o NAME.EXT` picks the format by it.
    extension: str
    #: What writes it: a function, or its name as `module:function`.
    writer: str | Callable[..., Any]
    #: What it is for, a catalog message (`N_`) the `--format` help shows beside its name.
    about: str | None = None
    #: Bytes that a terminal cannot show (a PDF), rather than text.
    binary: bool = False
    #: The template family (md or html) a document in this format is laid out from.
    template: str = ""
    #: One file per channel (the schedulers' bulk files), rather than one file in all.
    per_part: bool = False
    #: A function (`module:function`) that raises when the system cannot write the
    #: format, and returns the notes to print about it.
    prepare: str | None = None
    #: A function (`module:function`) that makes a file in this format from the HTML its
    #: `template` lays out (`html, plan, options, base_dir, stamp=`), for the documents
    #: other than the plan's (the report); none where that text is the file itself.
    from_html: str | None = None

    def write(self, *args: Any, **kwargs: Any) -> Any:
        """What the format's writer returns for these arguments."""
        writer = self.writer if callable(self.writer) else load_callable(self.writer)
        return writer(*args, **kwargs)

    def convert(self, text: str, *args: Any, **kwargs: Any) -> str | bytes:
        """The text laid out from the format's template, made a file of this format."""
        if self.from_html is None:
            return text
        converted: str | bytes = load_callable(self.from_html)(text, *args, **kwargs)
        return converted

    def ready(self) -> list[str]:
        """The notes about writing this format here; raises when the system cannot."""
        if self.prepare is None:
            return []
        return list(load_callable(self.prepare)())


class Outputs(Mapping[str, Format]):
    """One kind of output: its formats by name, in the order help lists them.

    `what` names the kind in messages (a catalog message: "the document"); `name` is the
    name its file takes beside the plan, from the fields `stem` (the plan's name without
    its extension), `extension` and those the command gives (the report's `period`);
    `part_name` is the name of each file of a format written per part (`format`, `part`).
    """

    def __init__(
        self,
        *formats: Format,
        default: str,
        what: str | None = None,
        name: str | None = None,
        part_name: str | None = None,
    ) -> None:
        self._formats = {f.name: f for f in formats}
        if len(self._formats) != len(formats):
            raise ValueError(f"a format is registered twice: {[f.name for f in formats]}")
        if default not in self._formats:
            raise ValueError(f"the default format {default!r} is not registered")
        self.default = default
        self.what = what
        self.name = name
        self.part_name = part_name

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._formats)

    def __len__(self) -> int:
        return len(self._formats)

    def named(self, what: str, name: str) -> Outputs:
        """Another kind written in the same formats: the same entries, its own name."""
        return Outputs(*self.values(), default=self.default, what=what, name=name)

    def by_extension(self, extension: str) -> Format | None:
        """The format whose files end in `extension` (`.md`), one-file formats first."""
        extension = extension.lower()
        found = [f for f in self.values() if f.extension == extension]
        return min(found, key=lambda f: f.per_part, default=None)

    def extensions(self) -> list[str]:
        """The extensions of the formats, each once, in the registry's order."""
        return list(dict.fromkeys(f.extension for f in self.values()))

    def file_name(self, stem: str, fmt: Format, part: str = "", **fields: str) -> str:
        """The name of a file of this kind in `fmt`, made from the plan named `stem`."""
        pattern = self.part_name if fmt.per_part else self.name
        if pattern is None:
            raise ValueError("this kind of output is not written to a file")
        return pattern.format(
            stem=stem, extension=fmt.extension, format=fmt.name, part=part, **fields
        )
