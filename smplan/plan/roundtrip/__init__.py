"""Write a plan back to its YAML file without losing what a person wrote by hand.

Each save compares the plan with the version last written and applies only the
differences, with ruamel.yaml's round-trip loader, so comments, key order, quoting and
indentation survive; new keys go where the model would put them. An answer that changes
one entry (a list item, or one key of a step) reloads and rewrites only that entry's
lines: the rest of the file is kept as text, and a large plan is never parsed whole for
one answer. Every write is atomic.

The parts: `editing` applies the differences to the YAML document, `comments` keeps the
comment lines where a person put them, `splicing` rewrites one entry's lines in the text,
and `merging` lays this writer's changes over another program's.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.errors import PlanFileError, Problem, cannot_write
from smplan.fsutil import ReadOnlyFile, Stamp, atomic_write, read_regular
from smplan.i18n import L_
from smplan.plan.files import MAX_BYTES, parse_plan_bytes
from smplan.plan.model import Plan
from smplan.plan.roundtrip import splicing
from smplan.plan.roundtrip.editing import merge_map
from smplan.plan.roundtrip.merging import MergeConflict, merge3
from smplan.plan.roundtrip.nodes import to_node

#: Indentation of a file smplan creates: PyYAML's default, sequences not indented.
_NEW_FILE_INDENT = (2, 0)


def plain(model: BaseModel) -> dict[str, Any]:
    """The plan (or part of it) as plain data, leaving out what says nothing.

    Unset values (None), empty lists that are only a default, and sub-models left
    empty are dropped; a list that may be None keeps an empty value, because there it
    means "none on purpose". Whole floats become ints, so `4` is not rewritten as `4.0`.
    """
    data: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        if value == [] and field.default_factory is list:
            continue
        converted = _plain_value(value)
        if isinstance(value, BaseModel) and converted == {}:
            continue
        data[name] = converted
    return data


def _plain_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return plain(value)
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class PlanWriter:
    """Saves successive versions of one plan to one file, touching only what changed."""

    def __init__(self, path: Path, text: str | None = None, plan: Plan | None = None) -> None:
        """Start from the file's current text and plan, or from nothing for a new file."""
        self.path = Path(path)
        self._loader: Any = None
        self._indent = _NEW_FILE_INDENT[0], sum(_NEW_FILE_INDENT), _NEW_FILE_INDENT[1]
        self._explicit_start = False
        self._doc: Any = None
        #: The file's text as last read or written here, which `_doc` (when loaded) holds.
        self._text: str | None = None
        self._load_text(text)
        self._base: dict[str, Any] | None = plain(plan) if plan is not None else None
        #: The plan as the caller last gave it; the file may hold more (another writer's).
        self._ours = self._base
        #: Whether the file holds changes another program made since it was read here.
        self._foreign = False
        #: What the file was when last read or written here; None while it does not exist.
        self._stamp: Stamp | None = None
        if text is not None:
            self._stamp = Stamp.of(text.encode("utf-8"))
        else:
            # A new plan replaces what the file holds now, but not what comes after.
            with contextlib.suppress(OSError):
                self._stamp = Stamp.of(read_regular(self.path, MAX_BYTES))

    def _load_text(self, text: str | None) -> None:
        mapping, offset = _NEW_FILE_INDENT
        sequence = mapping + offset
        self._doc = None
        self._text = None
        if text is not None and text.strip():
            # Write the file back with the indentation it was written with.
            mapping = _mapping_indent(text) or mapping
            guessed = _sequence_indent(text)
            if guessed is not None:
                sequence, offset = guessed
            else:
                sequence = mapping + offset
            # Parsed only when a change needs the whole document (see `_full_doc`).
            self._text = text
            self._explicit_start = text.lstrip().startswith("---")
        self._indent = mapping, sequence, offset
        if self._loader is not None:
            self._configure(self._loader)

    @property
    def _yaml(self) -> Any:
        """The round-trip loader and dumper, made on first use (a session may never save)."""
        if self._loader is None:
            from ruamel.yaml import YAML

            loader = YAML(typ="rt")
            loader.preserve_quotes = True
            # A wide line keeps long answers on one line, as a person would have typed them.
            loader.width = 4096
            self._configure(loader)
            self._loader = loader
        return self._loader

    def _configure(self, loader: Any) -> None:
        mapping, sequence, offset = self._indent
        loader.explicit_start = self._explicit_start
        loader.indent(mapping=mapping, sequence=sequence, offset=offset)

    def _full_doc(self) -> Any:
        """The whole document, parsed from the text on first need."""
        if self._doc is None and self._text is not None:
            self._doc = self._yaml.load(self._text)
        return self._doc

    @classmethod
    def open(cls, path: Path, plan: Plan | None) -> PlanWriter:
        """A writer for `path`, reading the file's text when `plan` came from it."""
        path = Path(path)
        if plan is not None and path.exists():
            data = read_regular(path, MAX_BYTES)
            writer = cls(path, _text(data), plan)
            writer._stamp = Stamp.of(data)
            return writer
        return cls(path)

    def render(self, plan: Plan) -> str:
        """The file's text once `plan` is applied to it."""
        return self._render_data(plain(plan))

    def _render_data(self, new: dict[str, Any]) -> str:
        from ruamel.yaml.comments import CommentedMap

        if self._doc is None and self._text is not None and self._base is not None:
            spliced = splicing.splice(self._yaml, self._text, self._base, new)
            if spliced is not None:
                self._base = new
                self._text = spliced
                return spliced
        doc = self._full_doc()
        if not isinstance(doc, CommentedMap):
            self._doc = to_node(new)
        else:
            end = doc.ca.end
            merge_map(doc, self._base or {}, new, end if isinstance(end, list) else None)
        self._base = new
        stream = io.StringIO()
        self._yaml.dump(self._doc, stream)
        self._text = stream.getvalue()
        # Later changes go through the text again: the document is dropped.
        self._doc = None
        return self._text

    def save(self, plan: Plan) -> bool:
        """Write `plan` atomically when it differs from the last version; say if it did.

        When another program changed the file since it was read or written here, what
        changed in `plan` since the last save is laid over the file as it is now; when
        both changed the same answer, nothing is written and `PlanFileError` says so.
        """
        ours = plain(plan)
        if self._ours is not None and self.path.exists() and ours == self._ours:
            return False
        self._follow_other_writer()
        if self._base is None or not self._foreign:
            # Nobody else wrote the file: it holds what was last saved here, and ours wins.
            target = ours
        else:
            try:
                target = merge3(self._ours or {}, ours, self._base)
                Plan.model_validate(target)
            except MergeConflict as conflict:
                raise self._conflict(conflict.where) from None
            except ValidationError:
                raise self._conflict("") from None
        text = self._render_data(target)
        try:
            atomic_write(self.path, text)
        except ReadOnlyFile:
            problem = Problem(
                L_("the plan is read-only: nothing was saved"),
                hint=L_("make it writable (chmod u+w) and run the command again"),
            )
            raise PlanFileError(str(self.path), [problem]) from None
        except OSError as error:
            raise cannot_write(self.path, error) from None
        self._ours = ours
        self._stamp = Stamp.of(text.encode("utf-8"))
        return True

    def _follow_other_writer(self) -> None:
        """Take in what another program wrote to the file since it was last seen here."""
        try:
            data = read_regular(self.path, MAX_BYTES)
        except FileNotFoundError:
            return  # removed meanwhile: it is written again whole
        except OSError:
            return  # unreadable: the write says why
        if self._stamp is not None and self._stamp.same_content(data):
            return
        if self._stamp is None and not data.strip():
            return
        try:
            theirs = parse_plan_bytes(data, str(self.path), path=self.path)
        except PlanFileError as error:
            problem = Problem(
                L_(
                    "another program changed the file since smplan read it, and it is no "
                    "longer a valid plan: nothing was saved"
                ),
                hint=L_(
                    "fix the file, then run `smplan init` again: {first}",
                    first=error.problems[0].format(str(self.path)) if error.problems else "",
                ),
            )
            raise PlanFileError(str(self.path), [problem]) from None
        self._load_text(_text(data))
        self._base = plain(theirs.plan)
        self._foreign = True
        if self._ours is None:
            self._ours = {}
        self._stamp = Stamp.of(data)

    def _conflict(self, where: str) -> PlanFileError:
        problem = Problem(
            L_(
                "another program changed `{where}` in the file since smplan read it, and "
                "so did this answer: nothing was saved, the file keeps the other change",
                where=where or "smplan",
            ),
            path=where,
            hint=L_("run `smplan init` again to continue from the file as it is now"),
        )
        return PlanFileError(str(self.path), [problem])


def _text(data: bytes) -> str:
    """The text of a plan file's bytes, newlines as Python reads them in text mode."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _sequence_indent(text: str) -> tuple[int, int] | None:
    """How a block sequence is indented under its key, as (sequence, offset), from the text.

    `sequence` is how far the item's content sits from the key, `offset` how far its dash.
    """
    for depth, stripped, above in _under_keys(text):
        if stripped == "-" or stripped.startswith("- "):
            after = stripped[1:]
            inner = len(after) - len(after.lstrip(" ")) if after.strip() else 1
            return depth - above + 1 + inner, depth - above
    return None


def _under_keys(text: str) -> Iterator[tuple[int, str, int]]:
    """Each content line that follows a key opening a block: its depth, its text without
    the indent, and the column of that key (after a dash, the key starts past the dash)."""
    above: int | None = None
    for line in text.splitlines():
        content = line.split(" #", 1)[0].rstrip()
        stripped = content.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(content) - len(stripped)
        if above is not None:
            yield depth, stripped, above
        above = None
        if content.endswith(":"):
            while stripped.startswith("- "):
                stripped = stripped[2:].lstrip(" ")
            above = len(content) - len(stripped)


def _mapping_indent(text: str) -> int | None:
    """How far a nested mapping is indented under its key, as far as the text shows."""
    for depth, stripped, above in _under_keys(text):
        if depth > above and not stripped.startswith("-"):
            return depth - above
    return None
