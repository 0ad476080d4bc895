"""Read plan files, with every problem located at its line and column.

Reading goes through PyYAML's safe composer only: the file becomes a tree of nodes that
carry their position, never Python objects. Scalars stay the text the person typed (a
plain `no`, `on`, `1.10` or `2027-01-01` is a string) and pydantic converts them where a
field asks for a number, a yes/no or a date, so YAML's implicit typing never reaches the
model. Aliases, anchors, unknown tags and duplicate keys are refused with their position.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from smplan import __version__
from smplan.errors import PlanFileError, PlanInvalidError, Problem, Text
from smplan.fsutil import FileTooLarge, NotARegularFile, read_regular
from smplan.i18n import L_, N_, Message, languages
from smplan.plan import problems as codes
from smplan.plan.mistakes import (
    Count,
    data_loc,
    format_loc,
    items_of_other_sections,
    validation_problems,
)
from smplan.plan.model import FORMAT_VERSION, Plan

#: Plan files larger than this are refused before parsing: a real plan is a few dozen KiB.
MAX_BYTES = 2 * 1024 * 1024
#: Deepest nesting accepted; the plan format itself needs about six levels.
MAX_DEPTH = 40
#: Most nodes accepted in one file, so a small file cannot stand for a huge tree.
MAX_NODES = 200_000

# UTF-32 first: its little-endian mark starts with UTF-16's.
_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_NEW_HINT = L_("start from `smplan new PATH`")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)

Loc = tuple[str | int, ...]


# --- Reading ----------------------------------------------------------------------------


@dataclass
class SourceMap:
    """Where each value and each key of a plan file stands (1-based line and column)."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: Top-level keys present only in a comment (`# team:`), where the comment starts.
    commented: dict[str, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None:
        """The position of `loc`, or of its nearest ancestor present in the file.

        A step that is not in the file, but left commented out, is placed at its comment.
        """
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        if loc and (loc[0],) not in self.values and str(loc[0]) in self.commented:
            return self.commented[str(loc[0])]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get(())

    def problem(self, loc: Loc, message: Text, hint: Text | None = None) -> Problem:
        """A `Problem` about the thing at `loc`, placed at its line and column."""
        where = self.locate(loc)
        return Problem(
            message,
            path=format_loc(loc),
            line=where[0] if where else None,
            column=where[1] if where else None,
            hint=hint,
        )


@dataclass
class LoadedPlan:
    """A plan read from a file, with the positions of everything in it."""

    plan: Plan
    path: Path
    source: SourceMap
    #: For a plan salvaged from a file with problems: the positions in the file of the
    #: items kept in each list the salvage shortened, by the list's place in the file.
    kept: dict[Loc, list[int]] = field(default_factory=dict)
    #: What the salvage left out, as places in the file.
    dropped: frozenset[Loc] = frozenset()

    def file_loc(self, loc: Loc) -> Loc:
        """Where `loc` of the plan stands in the file (they differ once items are dropped)."""
        out: list[str | int] = []
        for part in loc:
            kept = self.kept.get(tuple(out))
            if isinstance(part, int) and kept is not None and part < len(kept):
                part = kept[part]
            out.append(part)
        return tuple(out)

    def locate(self, loc: Loc) -> tuple[int, int] | None:
        """Line and column of the thing at `loc` (or of its nearest ancestor)."""
        return self.source.locate(self.file_loc(loc))

    def problem(self, loc: Loc, message: Text, hint: Text | None = None) -> Problem:
        """A `Problem` about the thing at `loc`, placed at its line and column."""
        return self.source.problem(self.file_loc(loc), message, hint)


def load_plan(path: Path | str) -> LoadedPlan:
    """Read and validate a plan file; raise `PlanFileError` or `PlanInvalidError`."""
    path = Path(path)
    name = str(path)
    return parse_plan_bytes(read_plan_file(path, name), name, path=path)


#: What each kind of file that is not a regular one is called in messages.
_NOT_A_FILE = {
    "directory": N_("is a directory, not a plan file"),
    "fifo": N_("is a named pipe (FIFO), not a plan file"),
    "device": N_("is a device, not a plan file"),
    "socket": N_("is a socket, not a plan file"),
    "other": N_("is not a regular file, not a plan file"),
}


def read_plan_file(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a plan (or answers) file: a regular file of at most `limit` bytes.

    Anything else, a directory, a pipe, a device, is refused with `PlanFileError` before
    a byte is read, and a file that turns out larger than `limit` after `limit + 1`.
    """
    try:
        return read_regular(path, limit)
    except NotARegularFile as exc:
        raise PlanFileError(
            name, [Problem(L_(_NOT_A_FILE[exc.kind]), code=codes.UNREADABLE)]
        ) from None
    except FileTooLarge as exc:
        raise PlanFileError(
            name,
            [
                Problem(
                    L_(
                        "file is too large ({size} bytes); a plan file is at most {limit} bytes",
                        size=Count(exc.size),
                        limit=Count(limit),
                    ),
                    hint=L_("is this really a plan file?"),
                    code=codes.TOO_BIG,
                )
            ],
        ) from None
    except FileNotFoundError:
        raise PlanFileError(name, [Problem(L_("no such file"), code=codes.UNREADABLE)]) from None
    except PermissionError:
        raise PlanFileError(
            name, [Problem(L_("permission denied"), code=codes.UNREADABLE)]
        ) from None
    except OSError as exc:
        reason = L_("cannot read file: {reason}", reason=exc.strerror or str(exc))
        raise PlanFileError(name, [Problem(reason, code=codes.UNREADABLE)]) from None


def parse_plan_bytes(raw: bytes, filename: str, *, path: Path | None = None) -> LoadedPlan:
    """Decode and validate the bytes of a plan file named `filename`."""
    return parse_plan_text(decode_text(raw, filename), filename, path=path)


def decode_text(raw: bytes, filename: str) -> str:
    """The text of a file smplan reads: UTF-8, not binary, not too large."""
    if len(raw) > MAX_BYTES:
        raise PlanFileError(
            filename,
            [
                Problem(
                    L_(
                        "file is too large ({size} bytes); a plan file is at most {limit} bytes",
                        size=Count(len(raw)),
                        limit=Count(MAX_BYTES),
                    ),
                    code=codes.TOO_BIG,
                )
            ],
        )
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise PlanFileError(
                filename,
                [
                    Problem(
                        L_("{encoding} text, not UTF-8", encoding=encoding),
                        line=1,
                        column=1,
                        hint=_SAVE_UTF8,
                        code=codes.UNREADABLE,
                    )
                ],
            )
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line, col = _position(raw, offset)
        raise PlanFileError(
            filename,
            [
                Problem(
                    L_("binary data (a NUL byte), not a YAML plan"),
                    line=line,
                    column=col,
                    code=codes.UNREADABLE,
                )
            ],
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        byte = f"{raw[exc.start]:02X}"
        raise PlanFileError(
            filename,
            [
                Problem(
                    L_("not UTF-8 text (byte 0x{byte} cannot be decoded)", byte=byte),
                    line=line,
                    column=col,
                    hint=_SAVE_UTF8,
                    code=codes.UNREADABLE,
                )
            ],
        ) from None


def parse_plan_text(text: str, filename: str, *, path: Path | None = None) -> LoadedPlan:
    """Parse and validate the text of a plan file named `filename`."""
    try:
        data, source = read_yaml(text, filename)
    except PlanFileError as error:
        # Not YAML: the problems are still said in the language the text declares.
        error.language = error.language or written_language(text)
        raise
    return validate_data(data, source, filename, path=path)


#: `  language: fr` on a line of its own, as a plan's project block writes it.
_LANGUAGE_LINE = re.compile(r"^[ ]{2}language:[ ]*['\"]?([A-Za-z_-]+)['\"]?[ ]*(?:#.*)?$", re.M)


def written_language(text: str) -> str | None:
    """The language a plan's text declares, read line by line when it is not valid YAML."""
    found = _LANGUAGE_LINE.search(text)
    return found.group(1) if found and found.group(1) in languages() else None


def read_yaml(text: str, filename: str) -> tuple[dict[str, Any], SourceMap]:
    """Parse YAML text into plain data (scalars as typed text) and its source map.

    Raises `PlanFileError` for anything that is not a single, safe YAML mapping.
    """
    if not text.strip():
        raise PlanFileError(
            filename, [Problem(L_("file is empty"), hint=_NEW_HINT, code=codes.UNREADABLE)]
        )
    source = SourceMap(commented=_commented_keys(text))
    try:
        data = _Composer(text, source).document()
    except _Refused as refused:
        raise PlanFileError(filename, refused.problems) from None
    except yaml.MarkedYAMLError as exc:
        raise PlanFileError(filename, [_yaml_problem(exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise PlanFileError(filename, [_character_problem(text, exc.position, char)]) from None
    except UnicodeEncodeError as exc:
        # libyaml reads UTF-8: a lone surrogate in the text cannot become UTF-8.
        raise PlanFileError(
            filename, [_character_problem(text, exc.start, text[exc.start])]
        ) from None
    except yaml.YAMLError as exc:
        raise PlanFileError(
            filename, [Problem(L_("not valid YAML: {error}", error=str(exc)), code=codes.SYNTAX)]
        ) from None
    return data, source


def _character_problem(text: str, offset: int, char: str) -> Problem:
    line, col = _position(text, offset)
    code = f"U+{ord(char):04X}"
    return Problem(
        L_("character {char} is not allowed in YAML", char=code),
        line=line,
        column=col,
        hint=L_("remove it; it is often pasted in by accident"),
        code=codes.CHARACTER,
    )


def validate_data(
    data: dict[str, Any], source: SourceMap, filename: str, *, path: Path | None = None
) -> LoadedPlan:
    """Check the format version, then validate `data` against the plan model."""
    _check_version(data, source, filename)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, source, Plan, data)
        salvaged = salvage(data, exc, source, path or Path(filename))
        raise PlanInvalidError(
            filename, problems, language=declared_language(data), salvaged=salvaged
        ) from None
    return LoadedPlan(plan=plan, path=path or Path(filename), source=source)


#: Rounds of leaving out what does not fit, each one after the errors of the last.
_SALVAGE_ROUNDS = 6


class _Drop:
    """Stands for a list item left out, until the lists are rebuilt without them."""


_DROPPED = _Drop()


def salvage(
    data: dict[str, Any], exc: ValidationError, source: SourceMap, path: Path
) -> LoadedPlan | None:
    """The plan that remains once every value that does not fit is left out.

    A value of the wrong type, an unknown key, a bad date are taken out (a list item
    whose id is wrong goes as a whole), so that the rules can judge the rest. None when
    nothing sensible remains.
    """
    work = copy.deepcopy(data)
    work["smplan"] = FORMAT_VERSION
    dropped: set[Loc] = set()
    for item in items_of_other_sections(exc, source, Plan, data):
        # Another section's items are left out whole, not judged as this list's.
        _leave_out(work, item)
        dropped.add(item)
    error: ValidationError | None = None if dropped else exc
    for _round in range(_SALVAGE_ROUNDS):
        clean, kept = _rebuilt(work)
        if error is None:
            try:
                plan = Plan.model_validate(clean)
            except ValidationError as again:
                error = again
            else:
                return LoadedPlan(plan, path, source, kept, frozenset(dropped))
        placed = LoadedPlan(Plan.model_construct(), path, source, kept)
        for found in error.errors(include_url=False):
            loc = data_loc(placed.file_loc(tuple(found["loc"])), source)
            if loc == ("smplan",):
                continue  # written above: the version is checked before validation
            if found["type"] == "missing":
                loc = loc[:-1]
            if not loc:
                return None
            _leave_out(work, loc)
            dropped.add(loc)
        error = None
    return None


def _leave_out(data: Any, loc: Loc) -> None:
    for part in loc[:-1]:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return
    last = loc[-1]
    if isinstance(last, int) and isinstance(data, list) and last < len(data):
        data[last] = _DROPPED
    elif isinstance(last, str) and isinstance(data, dict):
        data.pop(last, None)


def _rebuilt(data: Any) -> tuple[Any, dict[Loc, list[int]]]:
    """`data` without the items left out, and where each remaining item stood."""
    kept: dict[Loc, list[int]] = {}

    def rebuild(value: Any, loc: Loc) -> Any:
        if isinstance(value, dict):
            return {k: rebuild(v, (*loc, k)) for k, v in value.items()}
        if isinstance(value, list):
            positions = [i for i, item in enumerate(value) if item is not _DROPPED]
            if len(positions) != len(value):
                kept[loc] = positions
            return [rebuild(value[i], (*loc, i)) for i in positions]
        return value

    return rebuild(data, ()), kept


#: A top-level key written in a comment: `# team:` or `#team:`, at the start of a line.
_COMMENTED_KEY = re.compile(r"^#[ ]?([a-z_]+):(?:\s|$)", re.M)


def _commented_keys(text: str) -> dict[str, tuple[int, int]]:
    """Where each top-level key that stands only in a comment is, the first time."""
    found: dict[str, tuple[int, int]] = {}
    for match in _COMMENTED_KEY.finditer(text):
        if match.group(1) not in found:
            found[match.group(1)] = _position(text, match.start())
    return found


def declared_language(data: Any) -> str | None:
    """The language a plan's data declares, when it is one smplan speaks."""
    project = data.get("project") if isinstance(data, dict) else None
    lang = project.get("language") if isinstance(project, dict) else None
    return lang if isinstance(lang, str) and lang in languages() else None


def _position(data: str | bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in text or bytes."""
    newline: Any = "\n" if isinstance(data, str) else b"\n"
    line_start = data.rfind(newline, 0, offset) + 1
    return data.count(newline, 0, offset) + 1, offset - line_start + 1


#: PyYAML's words for a syntax error, as smplan says them (the first that fits wins).
_YAML_WORDS: tuple[tuple[str, Message], ...] = (
    ("found character that cannot start any token", L_("a character that cannot start a value")),
    ("mapping values are not allowed", L_("a `: ` where no key can start")),
    ("found unexpected end of stream", L_("the file ends inside a quoted text")),
    ("did not find expected ',' or ']'", L_("a `[` list that is not closed with `]`")),
    ("did not find expected ',' or '}'", L_("a block in curly brackets that is not closed")),
    ("could not find expected ':'", L_("a key without its colon")),
    ("did not find expected key", L_("the indentation does not line up")),
    ("expected <block end>", L_("the indentation does not line up")),
    ("did not find expected '-' indicator", L_("a list item among keys, or a key among items")),
    ("found duplicate %YAML directive", L_("a `%YAML` line written twice")),
    ("found unknown escape character", L_("an unknown `\\` escape in a double-quoted text")),
    ("found a tab character", L_("a tab where spaces are expected")),
)
#: A line that is nothing but a key: `  role:` or `  role: value`.
_KEY_LINE = re.compile(r"^(\s*)([A-Za-z_][\w-]*):(\s|$)")


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    said = " ".join(part for part in (exc.context, exc.problem) if part) or "not valid YAML"
    if "exceeded maximum nesting depth" in said:
        return _mark_problem(mark, _TOO_DEEP, _FEW_LEVELS, codes.TOO_BIG)
    words = next((w for english, w in _YAML_WORDS if english in said), None)
    message: Message = (
        L_("YAML syntax error: {what}", what=words)
        if words is not None
        else L_("YAML syntax error: {what}", what=said)
    )
    found = _char_at(text, mark.line, mark.column) if mark else ""
    if "did not find expected" in said and found.strip():
        message = L_("{message}, but found `{found}`", message=message, found=found)
    if exc.context_mark and mark and exc.context_mark.line != mark.line:
        message = L_(
            "{message} (it starts at line {line})", message=message, line=exc.context_mark.line + 1
        )
    hint = _yaml_hint(said, found, text, mark)
    return Problem(
        message,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint,
        code=codes.SYNTAX,
    )


def _yaml_hint(said: str, found: str, text: str, mark: Any) -> Message | None:
    """What to do about a syntax error, from what stands where it was found."""
    lines = text.split("\n")
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if found == "\t":
        return L_("indent with spaces, not tabs")
    if found in ("@", "`"):
        value = line[mark.column :].split(" #")[0].strip()
        return L_(
            'a value that starts with `{char}` must be quoted: `"{value}"`',
            char=found,
            value=value,
        )
    if "mapping values are not allowed" in said:
        key = _KEY_LINE.match(line)
        above = _line_above(lines, mark.line)
        above_key = _KEY_LINE.match(above) if above is not None else None
        if key and above_key and len(key.group(1)) > len(above_key.group(1)):
            return L_(
                "`{key}` is indented further than `{above}` on the line above: "
                "line the two keys up",
                key=key.group(2),
                above=above_key.group(2),
            )
        return L_("a value containing `: ` must be quoted")
    if "flow" in said and "did not find expected" in said:
        return L_("close every `[` with `]`, and every curly bracket you open")
    if "did not find expected" in said or "expected <block end>" in said:
        return L_("check the indentation of this line and the one before")
    return None


def _line_above(lines: list[str], index: int) -> str | None:
    """The nearest line above `index` that is neither blank nor a comment."""
    for line in reversed(lines[:index]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if line >= len(lines) or column >= len(lines[line]):
        return ""
    return lines[line][column]


class _Refused(Exception):
    """Raised while composing when the file uses a YAML feature plans do not allow."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _mark_problem(
    mark: Any, message: Message, hint: Message | None = None, code: str = codes.YAML_FEATURE
) -> Problem:
    return Problem(message, line=mark.line + 1, column=mark.column + 1, hint=hint, code=code)


_TOO_DEEP = L_("nested more than {n} levels deep", n=MAX_DEPTH)
_FEW_LEVELS = L_("a plan needs only a few levels of nesting")
_SAVE_UTF8 = L_("save the file as UTF-8 in your editor")
_ONLY_COMMENTS = L_("file holds only comments")


_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _plain(event: Any) -> bool:
    """Whether a scalar was written without quotes (libyaml says '', PyYAML None)."""
    return event.style in (None, "")


def _at(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Composer:
    """Builds plain data and its source map from the YAML event stream.

    The events come from libyaml when PyYAML has it (PyYAML's own parser otherwise); the
    composing is done here, so aliases, anchors, tags, duplicate keys, depth and size are
    refused before anything is built, with their position.
    """

    def __init__(self, text: str, source: SourceMap) -> None:
        self.parser = _Parser(text)
        self.source = source
        self.problems: list[Problem] = []
        self.nodes = 0

    def document(self) -> dict[str, Any]:
        """The single document of the stream, which must be a mapping."""
        try:
            self.parser.get_event()  # stream start
            if self.parser.check_event(yaml.StreamEndEvent):
                raise _Refused([Problem(_ONLY_COMMENTS, hint=_NEW_HINT, code=codes.UNREADABLE)])
            self.parser.get_event()  # document start
            first = self.parser.peek_event()
            if (
                isinstance(first, yaml.ScalarEvent)
                and first.style is None
                and (first.value in _NULLS)
            ):
                raise _Refused([Problem(_ONLY_COMMENTS, hint=_NEW_HINT, code=codes.UNREADABLE)])
            if not isinstance(first, yaml.MappingStartEvent):
                message = (
                    L_("the top level is a list, not a mapping")
                    if isinstance(first, yaml.SequenceStartEvent)
                    else L_("the top level is a single value, not a mapping")
                )
                raise _Refused(
                    [
                        _mark_problem(
                            first.start_mark,
                            message,
                            L_(
                                "a plan starts with `smplan: 1` followed by `project:` "
                                "and the steps"
                            ),
                            codes.UNREADABLE,
                        )
                    ]
                )
            data = self.node((), 1)
            self.parser.get_event()  # document end
            if not self.parser.check_event(yaml.StreamEndEvent):
                extra = self.parser.peek_event()
                raise _Refused(
                    [
                        _mark_problem(
                            extra.start_mark,
                            L_("more than one YAML document (`---`) in the file"),
                            L_("a plan file holds one document"),
                        )
                    ]
                )
        finally:
            self.parser.dispose()
        if self.problems:
            raise _Refused(self.problems)
        assert isinstance(data, dict)
        return data

    def node(self, loc: Loc, depth: int) -> Any:
        """Compose the next node, found at `loc`, `depth` levels down."""
        event = self.parser.get_event()
        self._refuse_unsafe(event, depth)
        self.source.values[loc] = _at(event.start_mark)
        if event.tag is not None and event.tag not in _CORE_TAGS and event.tag != "!":
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(
                _mark_problem(
                    event.start_mark,
                    L_("tag `{tag}` is not allowed in a plan file", tag=tag),
                    L_("remove the tag: a plan holds plain text, numbers, lists and mappings"),
                )
            )
            self._skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            if _plain(event) and event.value in _NULLS:
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not self.parser.check_event(yaml.SequenceEndEvent):
                items.append(self.node((*loc, len(items)), depth + 1))
            self.parser.get_event()
            return items
        return self.mapping(loc, depth)

    def mapping(self, loc: Loc, depth: int) -> dict[str, Any]:
        """Compose the entries of a mapping whose start event was just read."""
        out: dict[str, Any] = {}
        while not self.parser.check_event(yaml.MappingEndEvent):
            key_event = self.parser.peek_event()
            if not isinstance(key_event, yaml.ScalarEvent):
                self.problems.append(
                    _mark_problem(
                        key_event.start_mark,
                        L_("a key must be plain text, not a list or mapping"),
                    )
                )
                self.node((*loc, "?"), depth + 1)
                self.node((*loc, "?"), depth + 1)
                continue
            self.parser.get_event()
            self._refuse_unsafe(key_event, depth + 1)
            key = key_event.value
            child = (*loc, key)
            if key == "<<" and _plain(key_event):
                self.problems.append(
                    _mark_problem(key_event.start_mark, L_("merge keys (`<<`) are not allowed"))
                )
                self.node((*loc, "<<"), depth + 1)
                continue
            if key in out:
                first = self.source.keys[child]
                line, column = _at(key_event.start_mark)
                self.problems.append(
                    Problem(
                        L_(
                            "duplicate key `{key}` (first defined at line {line})",
                            key=key,
                            line=first[0],
                        ),
                        path=format_loc(child),
                        line=line,
                        column=column,
                        hint=L_("keep one of the two"),
                        code=codes.DUPLICATE_KEY,
                    )
                )
                self.node((*loc, key, "(duplicate)"), depth + 1)
                continue
            self.source.keys[child] = _at(key_event.start_mark)
            out[key] = self.node(child, depth + 1)
        self.parser.get_event()
        return out

    def _refuse_unsafe(self, event: Any, depth: int) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                [
                    _mark_problem(
                        event.start_mark,
                        L_("alias `*{name}` is not allowed in a plan file", name=event.anchor),
                        L_("write the value out in full"),
                    )
                ]
            )
        if getattr(event, "anchor", None) is not None:
            raise _Refused(
                [
                    _mark_problem(
                        event.start_mark,
                        L_("anchor `&{name}` is not allowed in a plan file", name=event.anchor),
                        L_("remove the anchor and write each value out in full"),
                    )
                ]
            )
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(
                [
                    _mark_problem(
                        event.start_mark,
                        L_("more than {n} values in one file", n=Count(MAX_NODES)),
                        None,
                        codes.TOO_BIG,
                    )
                ]
            )
        if depth > MAX_DEPTH:
            raise _Refused([_mark_problem(event.start_mark, _TOO_DEEP, _FEW_LEVELS, codes.TOO_BIG)])

    def _skip(self, event: Any) -> None:
        """Consume the rest of a collection whose start event was refused."""
        if isinstance(event, yaml.ScalarEvent):
            return
        level = 1
        while level:
            current = self.parser.get_event()
            self._refuse_unsafe(current, 1)
            if isinstance(current, yaml.CollectionStartEvent):
                level += 1
            elif isinstance(current, yaml.CollectionEndEvent):
                level -= 1


def _check_version(data: dict[str, Any], source: SourceMap, filename: str) -> None:
    if "smplan" not in data:
        return
    raw = data["smplan"]
    where = source.locate(("smplan",))
    try:
        version = int(str(raw))
    except ValueError:
        version = None
    if version is not None and version > FORMAT_VERSION:
        raise PlanFileError(
            filename,
            [
                Problem(
                    L_(
                        "this plan uses format {version}, but smplan {release} reads "
                        "format {known} only",
                        version=version,
                        release=__version__,
                        known=FORMAT_VERSION,
                    ),
                    path="smplan",
                    line=where[0] if where else None,
                    column=where[1] if where else None,
                    hint=L_("upgrade smplan: pip install --upgrade smplan"),
                    code=codes.FORMAT_VERSION,
                )
            ],
        )
    if version is not None:
        data["smplan"] = version
