"""Write a plan back to its YAML file without losing what a person wrote by hand.

Each save compares the plan with the version last written and applies only the
differences, with ruamel.yaml's round-trip loader, so comments, key order, quoting and
indentation survive; new keys go where the model would put them. An answer that changes
one entry (a list item, or one key of a step) reloads and rewrites only that entry's
lines: the rest of the file is kept as text, and a large plan is never parsed whole for
one answer. Every write is atomic.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import io
import json
import math
import re
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
            spliced = _splice(self._yaml, self._text, self._base, new)
            if spliced is not None:
                self._base = new
                self._text = spliced
                return spliced
        doc = self._full_doc()
        if not isinstance(doc, CommentedMap):
            self._doc = _to_node(new)
        else:
            end = doc.ca.end
            _merge_map(doc, self._base or {}, new, end if isinstance(end, list) else None)
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


# --- rewriting one entry's lines ----------------------------------------------------


def _indent_of(line: str) -> int | None:
    """The column where a line's content starts; None for a blank or comment line."""
    stripped = line.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    return len(line) - len(stripped)


def _key_region(lines: list[str], start: int, end: int, key: str) -> tuple[int, int] | None:
    """The lines [a, b) of `key` in the mapping written on lines [start, end)."""
    column = next((c for c in map(_indent_of, lines[start:end]) if c is not None), None)
    if column is None:
        return None
    head = " " * column + f"{key}:"
    found = [i for i in range(start, end) if lines[i].startswith(head)]
    if len(found) != 1:
        return None
    a = found[0]
    for b in range(a + 1, end):
        line = lines[b]
        if line[:column].strip() == "" and line[column : column + 1] in (" ", "-", "\n", "#"):
            continue  # deeper, a sequence's dash at the key's column, blank or a comment
        depth = _indent_of(line)
        if depth is None:
            continue
        if depth < column or (depth == column and not line[column:].startswith("-")):
            return a, b
    return a, end


def _top_region(text: str, key: str) -> tuple[int, int] | None:
    """The lines [a, b) of a top-level key: up to the next line that starts a key."""
    found = list(re.finditer(rf"(?m)^{re.escape(key)}:", text))
    if len(found) != 1:
        return None
    start = found[0].start()
    following = re.compile(r"(?m)^[^\s#\-.]").search(text, found[0].end())
    if following is not None and text.startswith("---", following.start()):
        return None
    end = following.start() if following else len(text)
    a = text.count("\n", 0, start)
    return a, a + text.count("\n", start, end)


def _item_regions(lines: list[str], start: int, end: int) -> list[tuple[int, int]] | None:
    """The lines of each item of the block sequence written on lines [start, end)."""
    column = next((c for c in map(_indent_of, lines[start:end]) if c is not None), None)
    if column is None:
        return None
    starts = []
    margin = " " * column
    for i in range(start, end):
        line = lines[i]
        if line.startswith(margin) and line[column : column + 1] == " ":
            continue  # inside an item
        depth = _indent_of(line)
        if depth is None:
            continue
        if depth < column:
            return None
        if depth == column:
            if not (line[column:].startswith("- ") or line[column:].rstrip() == "-"):
                return None
            starts.append(i)
    if not starts or starts[0] != next(
        i for i in range(start, end) if _indent_of(lines[i]) is not None
    ):
        return None
    return [(a, b) for a, b in zip(starts, [*starts[1:], end], strict=True)]


def _splice(yaml: Any, text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """`text` with one changed entry rewritten alone, or None when the change is wider.

    The entry's lines are loaded with the keys above them, changed as the whole document
    would be, written again, and put back in place of the old lines.
    """
    changed = [k for k in {**old, **new} if old.get(k, _ABSENT) != new.get(k, _ABSENT)]
    if len(changed) != 1 or changed[0] not in old or changed[0] not in new:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or not lines[-1].endswith("\n"):
        return None
    path: list[str] = [changed[0]]
    region = _top_region(text, path[0])
    old_value, new_value = old[path[0]], new[path[0]]
    if region is None:
        return None
    headers = [region[0]]
    # One key further down a step's mapping, when only it changed.
    if isinstance(old_value, dict) and isinstance(new_value, dict):
        inner = [
            k
            for k in {**old_value, **new_value}
            if old_value.get(k, _ABSENT) != new_value.get(k, _ABSENT)
        ]
        if len(inner) == 1 and inner[0] in old_value and inner[0] in new_value:
            below = _key_region(lines, region[0] + 1, region[1], inner[0])
            if below is not None:
                path.append(inner[0])
                region = below
                headers.append(below[0])
                old_value, new_value = old_value[inner[0]], new_value[inner[0]]
    item: int | None = None
    if isinstance(old_value, list) and isinstance(new_value, list) and old_value:
        regions = _item_regions(lines, region[0] + 1, region[1])
        if regions is None or len(regions) != len(old_value):
            return None
        if len(new_value) == len(old_value):
            differ = [
                i for i, (a, b) in enumerate(zip(old_value, new_value, strict=True)) if a != b
            ]
            if len(differ) == 1 and _identity(old_value[differ[0]]) == _identity(
                new_value[differ[0]]
            ):
                item = differ[0]
                old_value, new_value = [old_value[item]], [new_value[item]]
        elif len(new_value) == len(old_value) + 1 and new_value[:-1] == old_value:
            item = len(old_value) - 1
            old_value, new_value = [old_value[-1]], new_value[-2:]
        if item is not None:
            region = regions[item]
    if item is None and len(path) == 1:
        return None  # a whole step: left to the whole document
    a, b = region
    head = [lines[i] for i in (headers if item is not None else headers[:-1])]
    wrapper = "".join(head + lines[a:b])
    explicit = yaml.explicit_start
    try:
        yaml.explicit_start = False
        doc = yaml.load(wrapper)
        node = doc
        for key in path[: len(head)]:
            node = node[key]
        if item is not None:
            if not _is_seq(node) or len(node) != 1:
                return None
            _merge_seq(node, old_value, new_value)
        else:
            parent_key = path[-1]
            end = doc.ca.end
            _merge_value(
                node,
                parent_key,
                old_value,
                new_value,
                end if isinstance(end, list) else None,
                _inner_comments(node, parent_key),
            )
        stream = io.StringIO()
        yaml.dump(doc, stream)
    finally:
        yaml.explicit_start = explicit
    written = stream.getvalue().splitlines(keepends=True)
    if len(written) < len(head) or any(
        w.split(":", 1)[0] != h.split(":", 1)[0] for w, h in zip(written, head, strict=False)
    ):
        return None
    return "".join(lines[:a] + written[len(head) :] + lines[b:])


class MergeConflict(Exception):
    """Both sides of a merge changed the same value, each in its own way."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


_ABSENT: Any = object()


def merge3(base: Any, ours: Any, theirs: Any, where: str = "") -> Any:
    """`theirs` with the changes from `base` to `ours` applied; `MergeConflict` on a clash.

    Mappings merge key by key, lists of items with ids item by item (new items of each
    side are kept); any other value changed on both sides, differently, is a conflict.
    """
    if ours == base:
        return theirs
    if theirs == base or ours == theirs:
        return ours
    if all(isinstance(v, dict) for v in (base, ours, theirs)):
        merged = {}
        for key in [*theirs, *(k for k in ours if k not in theirs)]:
            value = merge3(
                base.get(key, _ABSENT),
                ours.get(key, _ABSENT),
                theirs.get(key, _ABSENT),
                f"{where}.{key}" if where else str(key),
            )
            if value is not _ABSENT:
                merged[key] = value
        return merged
    if all(isinstance(v, list) and _ided(v) for v in (base, ours, theirs)):
        return _merge_items(base, ours, theirs, where)
    raise MergeConflict(where)


def _ided(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and "id" in item for item in items)


def _merge_items(base: list[Any], ours: list[Any], theirs: list[Any], where: str) -> list[Any]:
    sides = (base, ours, theirs)
    by_id = [{item["id"]: item for item in side} for side in sides]
    if any(len(index) != len(side) for index, side in zip(by_id, sides, strict=True)):
        raise MergeConflict(where)  # a repeated id: no safe way to pair the items
    old, mine, other = by_id
    merged = []
    for n, item in enumerate(theirs):
        value = merge3(
            old.get(item["id"], _ABSENT), mine.get(item["id"], _ABSENT), item, f"{where}[{n}]"
        )
        if value is not _ABSENT:
            merged.append(value)
    for key, item in old.items():
        if key in mine and key not in other and mine[key] != item:
            raise MergeConflict(f"{where}[{base.index(item)}]")  # edited here, removed there
    merged += [item for key, item in mine.items() if key not in old and key not in other]
    return merged


def _mapping_indent(text: str) -> int | None:
    """How far a nested mapping is indented under its key, as far as the text shows."""
    for depth, stripped, above in _under_keys(text):
        if depth > above and not stripped.startswith("-"):
            return depth - above
    return None


# --- applying differences -----------------------------------------------------------


def _merge_map(
    node: Any,
    old: dict[str, Any],
    new: dict[str, Any],
    following: Comments = None,
    leading: Comments = None,
) -> None:
    """Apply to `node` what changed from `old` to `new`.

    `leading` and `following` hold the comment lines written just before `node`'s first
    key and just after `node`: a key added first or last may claim its commented example
    there.
    """
    for key in [k for k in old if k not in new]:
        if key in node:
            _delete(node, key)
    order = list(new)
    for key, value in new.items():
        if key in old and old[key] == value:
            # Unchanged, even when the file leaves it out because it is the default.
            continue
        if key not in node:
            _insert_key(node, key, value, order, following, leading)
        else:
            # Merged even when unanswered before: an empty mapping or list written by
            # hand (or by `smplan new`) keeps the comments inside it.
            after = _comments_after(node, key, following)
            before = _inner_comments(node, key)
            _merge_value(node, key, old.get(key, _EMPTY.get(type(value))), value, after, before)


_EMPTY: dict[type, Any] = {dict: {}, list: []}


def _merge_value(
    node: Any,
    key: Any,
    old: Any,
    new: Any,
    following: Comments = None,
    leading: Comments = None,
) -> None:
    current = node[key]
    if isinstance(old, dict) and isinstance(new, dict) and _is_map(current):
        _merge_map(current, old, new, following, leading)
    elif isinstance(old, list) and isinstance(new, list) and _is_seq(current):
        _merge_seq(current, old, new)
    else:
        _replace(node, key, new)
        if current is None and _is_seq(node[key]) and len(node[key]):
            _keep_example_above(node, key, following)


def _keep_example_above(node: Any, key: Any, following: Comments) -> None:
    """Keep the commented example written under a key left empty above its first answer.

    `smplan new` writes each step's key empty, with its example commented right below
    it; ruamel.yaml reads those lines as coming before the next key. The answers go
    after the example, and the comments that follow it stay with what follows.
    """
    if not following or not following[0].value.startswith("#"):
        return  # a blank line first: what follows belongs to the next key
    example = _cut_paragraph(following, 0)
    node.ca.items.setdefault(key, [None, None, None, None])[3] = example
    node[key].ca.comment = [None, example]


def _merge_seq(node: Any, old: list[Any], new: list[Any]) -> None:
    matcher = difflib.SequenceMatcher(
        a=[_identity(item) for item in old],
        b=[_identity(item) for item in new],
        autojunk=False,
    )
    # From the end, so the indices of earlier opcodes stay right.
    for _tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        paired = min(i2 - i1, j2 - j1)
        for index in reversed(range(i1 + paired, i2)):
            _delete(node, index)
        for offset, item in enumerate(new[j1 + paired : j2]):
            _insert_item(node, i1 + paired + offset, item)
        # Same entry (same id, or same place in a run of changes): edit it in place.
        for offset in range(paired):
            if old[i1 + offset] != new[j1 + offset]:
                _merge_value(node, i1 + offset, old[i1 + offset], new[j1 + offset])


def _identity(item: Any) -> str:
    if isinstance(item, dict) and "id" in item:
        return f"id:{item['id']}"
    return json.dumps(item, sort_keys=True, default=str)


def _replace(node: Any, key: Any, value: Any) -> None:
    # Assigning in place keeps the end-of-line comment attached to the key or index.
    node[key] = _to_node(value)


def _insert_key(
    node: Any,
    key: str,
    value: Any,
    order: list[str],
    following: Comments = None,
    leading: Comments = None,
) -> None:
    keys = list(node)
    position = 0
    for previous in reversed(order[: order.index(key)]):
        if previous in node:
            position = keys.index(previous) + 1
            break
    if position < len(keys):
        before_next = _pre_comments(node, keys[position])
        if position == 0 and leading:
            # What was written before the first key now comes before the new first key,
            # or before the old one for whatever the new key does not claim.
            before_next = leading + (before_next or [])
            leading[:] = []
            node.ca.items.setdefault(keys[0], [None, None, None, None])[1] = before_next
    else:
        before_next = following
    node.insert(position, key, _to_node(value))
    example = _claim_example(before_next, key)
    if example:
        node.ca.items.setdefault(key, [None, None, None, None])[1] = example
    elif position > 0:
        _move_trailing(node, keys[position - 1], key, anchor=key)


def _insert_item(node: Any, index: int, value: Any) -> None:
    node.insert(index, _to_node(value))
    if index > 0:
        _move_trailing(node, index - 1, index)


def _delete(node: Any, key: Any) -> None:
    # Comments written after the removed entry belong to what follows it: keep them.
    trailing = _take_trailing(node, key)
    keys = list(node) if _is_map(node) else list(range(len(node)))
    position = keys.index(key)
    del node[key]
    if trailing and position > 0:
        _give_trailing(node, keys[position - 1], trailing)


# --- comments that follow an entry ----------------------------------------------------

#: Comment lines written before a key, as ruamel.yaml keeps them (None when there are none).
Comments = list[Any] | None


def _pre_comments(node: Any, key: Any) -> Comments:
    entry = node.ca.items.get(key)
    return entry[1] if entry and isinstance(entry[1], list) else None


def _inner_comments(node: Any, key: Any) -> Comments:
    # Lines between a key and the first key of the mapping it opens.
    entry = node.ca.items.get(key)
    return entry[3] if entry and len(entry) > 3 and isinstance(entry[3], list) else None


def _comments_after(node: Any, key: Any, following: Comments) -> Comments:
    keys = list(node)
    position = keys.index(key) + 1
    return _pre_comments(node, keys[position]) if position < len(keys) else following


def _claim_example(comments: Comments, key: str) -> Comments:
    """Take from `comments` the lines up to the end of a commented-out `key:` example.

    `smplan new` writes, before each list, a commented example of it; the answers go
    right after that example, and the comments that follow stay with what follows.
    """
    if not comments:
        return None
    example = re.compile(rf"#\s*{re.escape(key)}:")
    start = next(
        (i for i, token in enumerate(comments) if example.match(token.value.lstrip(" "))), None
    )
    if start is None:
        return None
    return _cut_paragraph(comments, start)


def _cut_paragraph(comments: list[Any], start: int) -> list[Any]:
    """Take from `comments` the lines up to the end of the paragraph holding `start`."""
    end = next(
        (i for i in range(start, len(comments)) if comments[i].value.endswith("\n\n")),
        len(comments) - 1,
    )
    claimed = comments[: end + 1]
    rest = comments[end + 1 :]
    last = claimed[-1]
    if last.value.endswith("\n\n"):
        # The blank line that closed the example now separates the answer from what follows.
        claimed[-1] = _token(last, last.value[:-1])
        rest.insert(0, _token(last, "\n"))
    comments[:] = rest
    return claimed


def _token(like: Any, value: str) -> Any:
    token = copy.copy(like)
    token.value = value
    return token


#
# ruamel.yaml stores the comment lines written after an entry on that entry's last
# scalar, together with its end-of-line comment. When an entry is inserted after it, the
# lines that were written before the next entry must move to the new one.


def _move_trailing(node: Any, before: Any, new: Any, anchor: str | None = None) -> None:
    trailing = _take_trailing(node, before, anchor)
    if trailing:
        _give_trailing(node, new, trailing)


def _comment_slot(node: Any, key: Any) -> tuple[list[Any], int] | None:
    items = node.ca.items
    if key not in items:
        return None
    return items[key], (2 if _is_map(node) else 0)


def _take_trailing(node: Any, key: Any, anchor: str | None = None) -> str | None:
    """Detach the comment lines that follow an entry, keeping its end-of-line comment.

    With an `anchor`, the lines up to the end of the paragraph that shows a commented-out
    `anchor:` (an example in a `smplan new` skeleton) stay: the new key goes after them.
    """
    value = node[key]
    if _is_map(value) and len(value):
        return _take_trailing(value, list(value)[-1], anchor)
    if _is_seq(value) and len(value):
        return _take_trailing(value, len(value) - 1, anchor)
    slot = _comment_slot(node, key)
    if slot is None or slot[0][slot[1]] is None:
        return None
    entry, index = slot
    token = entry[index]
    text: str = token.value
    own, rest = "", text
    if text.startswith("#"):
        cut = text.find("\n") + 1 or len(text)
        own, rest = text[:cut], text[cut:]
    example = re.search(rf"(?m)^[ \t]*#[ \t]*{re.escape(anchor)}:", text) if anchor else None
    if example:
        end = text.find("\n\n", example.start())
        if end < 0:
            return None
        own, rest = text[: end + 1], text[end + 1 :]
    if own:
        # The kept part ended the line; the moved block needs its own line ending.
        rest = "\n" + rest if rest else ""
    if "#" not in rest and rest.count("\n") < 2:
        return None  # only the end of the line: no comment, no blank line to carry
    if own:
        token.value = own
    else:
        entry[index] = None
    return rest


def _give_trailing(node: Any, key: Any, text: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    value = node[key]
    if _is_map(value) and len(value):
        _give_trailing(value, list(value)[-1], text)
        return
    if _is_seq(value) and len(value):
        _give_trailing(value, len(value) - 1, text)
        return
    index = 2 if _is_map(node) else 0
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    existing = entry[index]
    if existing is None:
        entry[index] = CommentToken(text, CommentMark(0), None)
    else:
        existing.value = existing.value.rstrip("\n") + "\n" + text.lstrip("\n")


# --- building new nodes ---------------------------------------------------------------


def _is_map(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap

    return isinstance(value, CommentedMap)


def _is_seq(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedSeq

    return isinstance(value, CommentedSeq)


def _to_node(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _to_node(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_to_node(item) for item in value)
    if isinstance(value, str):
        return _quoted_if_ambiguous(value)
    if isinstance(value, dt.date):
        # A new object each time: the same date twice would be written as an anchor.
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, float) and not math.isfinite(value):
        # `inf` and `nan` as words: the plan reader hands text to the model, which reads them.
        return str(value)
    return value


#: Characters a plain or single-quoted scalar cannot carry unchanged: line breaks and
#: control characters, which only a double-quoted scalar can write as escapes.
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quoted_if_ambiguous(text: str) -> Any:
    """Quote a text answer that a YAML 1.1 reader would take for something else.

    ruamel.yaml writes YAML 1.2, where `no`, `on` or `1_000` are plain text; the plan
    is read back with a YAML 1.1 reader, where they are a boolean or a number.
    """
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if _NEEDS_ESCAPE.search(text):
        return DoubleQuotedScalarString(text)
    try:
        read_back = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if isinstance(read_back, str) and read_back == text:
        return text
    return SingleQuotedScalarString(text)
