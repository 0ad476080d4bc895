"""Read and write plan files, with every problem located at its line and column.

Reading goes through PyYAML's safe composer only: the file becomes a tree of nodes that
carry their position, never Python objects. Scalars stay the text the person typed (a
plain `no`, `on`, `1.10` or `2027-01-01` is a string) and pydantic converts them where a
field asks for a number, a yes/no or a date, so YAML's implicit typing never reaches the
model. Aliases, anchors, unknown tags and duplicate keys are refused with their position.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from smplan import __version__
from smplan.errors import PlanFileError, PlanInvalidError, Problem
from smplan.fsutil import FileTooLarge, NotARegularFile, atomic_write, read_regular
from smplan.i18n import N_, _, languages
from smplan.plan.meta import without_none
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
_NEW_HINT = "start from `smplan new PATH`"
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

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None:
        """The position of `loc`, or of its nearest ancestor present in the file."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get(())


@dataclass
class LoadedPlan:
    """A plan read from a file, with the positions of everything in it."""

    plan: Plan
    path: Path
    source: SourceMap

    def locate(self, loc: Loc) -> tuple[int, int] | None:
        """Line and column of the thing at `loc` (or of its nearest ancestor)."""
        return self.source.locate(loc)

    def problem(self, loc: Loc, message: str, hint: str | None = None) -> Problem:
        """A `Problem` about the thing at `loc`, placed at its line and column."""
        where = self.locate(loc)
        return Problem(
            message,
            path=format_loc(loc),
            line=where[0] if where else None,
            column=where[1] if where else None,
            hint=hint,
        )


def format_loc(loc: Loc) -> str:
    """Write a location as users read it: `objectives[0].deadline`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


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
        raise PlanFileError(name, [Problem(_(_NOT_A_FILE[exc.kind]))]) from None
    except FileTooLarge as exc:
        raise PlanFileError(
            name,
            [
                Problem(
                    f"file is too large ({exc.size:,} bytes); a plan file is at most "
                    f"{limit:,} bytes",
                    hint="is this really a plan file?",
                )
            ],
        ) from None
    except FileNotFoundError:
        raise PlanFileError(name, [Problem("no such file")]) from None
    except PermissionError:
        raise PlanFileError(name, [Problem("permission denied")]) from None
    except OSError as exc:
        raise PlanFileError(name, [Problem(f"cannot read file: {exc.strerror or exc}")]) from None


def parse_plan_bytes(raw: bytes, filename: str, *, path: Path | None = None) -> LoadedPlan:
    """Decode and validate the bytes of a plan file named `filename`."""
    return parse_plan_text(decode_text(raw, filename), filename, path=path)


def decode_text(raw: bytes, filename: str) -> str:
    """The text of a file smplan reads: UTF-8, not binary, not too large."""
    if len(raw) > MAX_BYTES:
        raise PlanFileError(
            filename, [Problem(f"file is too large ({len(raw):,} bytes); at most {MAX_BYTES:,}")]
        )
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise PlanFileError(
                filename,
                [
                    Problem(
                        f"{encoding} text, not UTF-8",
                        line=1,
                        column=1,
                        hint="save the file as UTF-8 in your editor",
                    )
                ],
            )
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line, col = _position(raw, offset)
        raise PlanFileError(
            filename,
            [Problem("binary data (a NUL byte), not a YAML plan", line=line, column=col)],
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        raise PlanFileError(
            filename,
            [
                Problem(
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be decoded)",
                    line=line,
                    column=col,
                    hint="save the file as UTF-8 in your editor",
                )
            ],
        ) from None


def parse_plan_text(text: str, filename: str, *, path: Path | None = None) -> LoadedPlan:
    """Parse and validate the text of a plan file named `filename`."""
    data, source = read_yaml(text, filename)
    return validate_data(data, source, filename, path=path)


def read_yaml(text: str, filename: str) -> tuple[dict[str, Any], SourceMap]:
    """Parse YAML text into plain data (scalars as typed text) and its source map.

    Raises `PlanFileError` for anything that is not a single, safe YAML mapping.
    """
    if not text.strip():
        raise PlanFileError(
            filename, [Problem("file is empty", hint="start from `smplan new PATH`")]
        )
    source = SourceMap()
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
        raise PlanFileError(filename, [Problem(f"not valid YAML: {exc}")]) from None
    return data, source


def _character_problem(text: str, offset: int, char: str) -> Problem:
    line, col = _position(text, offset)
    return Problem(
        f"character U+{ord(char):04X} is not allowed in YAML",
        line=line,
        column=col,
        hint="remove it; it is often pasted in by accident",
    )


def validate_data(
    data: dict[str, Any], source: SourceMap, filename: str, *, path: Path | None = None
) -> LoadedPlan:
    """Check the format version, then validate `data` against the plan model."""
    _check_version(data, source, filename)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems = _validation_problems(exc, source)
        raise PlanInvalidError(filename, problems, language=declared_language(data)) from None
    return LoadedPlan(plan=plan, path=path or Path(filename), source=source)


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


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or "not valid YAML"
    if exc.context:
        message = f"{exc.context}, {message}" if exc.problem else exc.context
    if "exceeded maximum nesting depth" in message:
        return _mark_problem(
            mark,
            f"nested more than {MAX_DEPTH} levels deep",
            "a plan needs only a few levels of nesting",
        )
    found = _char_at(text, mark.line, mark.column) if mark else ""
    if "did not find expected" in message and found.strip():
        message += f", but found `{found}`"
    if exc.context_mark and mark and exc.context_mark.line != mark.line:
        message += f" (it starts at line {exc.context_mark.line + 1})"
    hint = None
    if found == "\t":
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in message:
        hint = "a value containing `: ` must be quoted"
    elif "flow" in message and "did not find expected" in message:
        hint = "close every `[` with `]` and every `{` with `}`"
    elif "did not find expected" in message or "expected <block end>" in message:
        hint = "check the indentation of this line and the one before"
    return Problem(
        f"YAML syntax error: {message}",
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint,
    )


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


def _mark_problem(mark: Any, message: str, hint: str | None = None) -> Problem:
    return Problem(message, line=mark.line + 1, column=mark.column + 1, hint=hint)


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
                raise _Refused([Problem("file holds only comments", hint=_NEW_HINT)])
            self.parser.get_event()  # document start
            first = self.parser.peek_event()
            if (
                isinstance(first, yaml.ScalarEvent)
                and first.style is None
                and (first.value in _NULLS)
            ):
                raise _Refused([Problem("file holds only comments", hint=_NEW_HINT)])
            if not isinstance(first, yaml.MappingStartEvent):
                kind = "a list" if isinstance(first, yaml.SequenceStartEvent) else "a single value"
                raise _Refused(
                    [
                        _mark_problem(
                            first.start_mark,
                            f"the top level is {kind}, not a mapping",
                            "a plan starts with `smplan: 1` followed by `project:` and the steps",
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
                            "more than one YAML document (`---`) in the file",
                            "a plan file holds one document",
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
                    f"tag `{tag}` is not allowed in a plan file",
                    "remove the tag: a plan holds plain text, numbers, lists and mappings",
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
                        key_event.start_mark, "a key must be plain text, not a list or mapping"
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
                    _mark_problem(key_event.start_mark, "merge keys (`<<`) are not allowed")
                )
                self.node((*loc, "<<"), depth + 1)
                continue
            if key in out:
                first = self.source.keys[child]
                line, column = _at(key_event.start_mark)
                self.problems.append(
                    Problem(
                        f"duplicate key `{key}` (first defined at line {first[0]})",
                        path=format_loc(child),
                        line=line,
                        column=column,
                        hint="keep one of the two",
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
                        f"alias `*{event.anchor}` is not allowed in a plan file",
                        "write the value out in full",
                    )
                ]
            )
        if getattr(event, "anchor", None) is not None:
            raise _Refused(
                [
                    _mark_problem(
                        event.start_mark,
                        f"anchor `&{event.anchor}` is not allowed in a plan file",
                        "remove the anchor and write each value out in full",
                    )
                ]
            )
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(
                [_mark_problem(event.start_mark, f"more than {MAX_NODES:,} values in one file")]
            )
        if depth > MAX_DEPTH:
            raise _Refused(
                [
                    _mark_problem(
                        event.start_mark,
                        f"nested more than {MAX_DEPTH} levels deep",
                        "a plan needs only a few levels of nesting",
                    )
                ]
            )

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
                    f"this plan uses format {version}, but smplan {__version__} reads "
                    f"format {FORMAT_VERSION} only",
                    path="smplan",
                    line=where[0] if where else None,
                    column=where[1] if where else None,
                    hint="upgrade smplan: pip install --upgrade smplan",
                )
            ],
        )
    if version is not None:
        data["smplan"] = version


# --- Turning pydantic's errors into located problems ------------------------------------


_EXPECT = {
    "float_parsing": "a number",
    "float_type": "a number",
    "finite_number": "a finite number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_parsing": "yes or no",
    "bool_type": "yes or no",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
    "date_type": "a date",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}

_DATE_HINT = "write dates as YYYY-MM-DD, for example 2027-06-30"


def _validation_problems(
    exc: ValidationError, source: SourceMap, root: type[BaseModel] = Plan
) -> list[Problem]:
    """pydantic's errors as located problems; `root` is the model of the whole file."""
    groups: dict[Loc, list[dict[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        loc = _data_loc(tuple(error["loc"]), source, root)
        groups.setdefault(loc, []).append(dict(error))
    problems = []
    for loc, errors in groups.items():
        message, hint, at_key = _describe(loc, errors, root)
        where = source.locate(loc, key=at_key)
        problems.append(
            Problem(
                message,
                path=format_loc(loc),
                line=where[0] if where else None,
                column=where[1] if where else None,
                hint=hint,
            )
        )
    return problems


def _data_loc(loc: Loc, source: SourceMap, root: type[BaseModel] = Plan) -> Loc:
    """Drop the parts pydantic adds for union members (`float`, `literal['unknown']`)."""
    kept: list[str | int] = []
    for part in loc:
        candidate = (*kept, part)
        if candidate in source.values or candidate in source.keys:
            kept.append(part)
            continue
        if isinstance(part, str) and _field_info(candidate, root) is not None:
            kept.append(part)
            continue
        break
    return tuple(kept)


def _describe(
    loc: Loc, errors: list[dict[str, Any]], root: type[BaseModel] = Plan
) -> tuple[str, str | None, bool]:
    """A message, a hint and whether to point at the key rather than the value."""
    first = errors[0]
    kind = first["type"]
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return f"unknown key `{name}`", _key_hint(loc, root), True
    if kind == "missing":
        hint = "add `smplan: 1` as the first line" if loc == ("smplan",) else None
        return f"required key `{name}` is missing", hint, False
    if kind == "control_character":
        # The model words it (in the catalog); the value itself is not shown back, since
        # printing it would send the control character to the terminal.
        return str(first["msg"]), None, False
    value = first.get("input")
    shown = _show(value)
    if kind == "literal_error" and loc == ("smplan",):
        return f"format version {shown} is not supported", "use `smplan: 1`", False
    if kind in ("enum", "literal_error") and len(errors) == 1:
        allowed = _allowed(first)
        hint = None
        if isinstance(value, str) and allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            if close:
                hint = f"did you mean `{close[0]}`?"
        return f"{shown} is not one of: {', '.join(allowed)}", hint, False
    if kind == "string_pattern_mismatch" and name == "currency":
        return (
            f"{shown} is not a currency code",
            "use the three capital letters of ISO 4217, for example EUR, USD or GBP",
            False,
        )
    if kind == "string_pattern_mismatch" and name == "time":
        return (
            f"{shown} is not a time",
            "write times as HH:MM on the 24-hour clock, for example 09:00 or 18:30",
            False,
        )
    if kind == "timezone":
        return (
            f"{shown} is not a time zone",
            "use an IANA time zone name, for example Europe/Paris or America/New_York",
            False,
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{shown} is not a valid id",
            "ids use lowercase letters, digits, `-` and `_`, for example `sales-2027`",
            False,
        )
    bounds = {
        "greater_than_equal": ("ge", "at least"),
        "greater_than": ("gt", "more than"),
        "less_than_equal": ("le", "at most"),
        "less_than": ("lt", "less than"),
    }
    if kind in bounds:
        key, words = bounds[kind]
        limit = first.get("ctx", {}).get(key)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"{shown} is out of range: it must be {words} {limit}", None, False
    expected = []
    for error in errors:
        if error["type"] in ("enum", "literal_error"):
            expected.append(" or ".join(f"`{a}`" for a in _allowed(error)))
        elif error["type"] in _EXPECT:
            expected.append(_EXPECT[error["type"]])
        else:
            expected.append(error["msg"][0].lower() + error["msg"][1:])
    expected = list(dict.fromkeys(expected))
    message = f"expected {' or '.join(expected)}, got {shown}"
    hint = _DATE_HINT if "a date" in expected else None
    if value is None and "text" not in expected:
        message = f"expected {' or '.join(expected)}, but the value is empty"
    return message, hint, False


def _allowed(error: dict[str, Any]) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return [part.strip(" '\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"`{text}`"


def _key_hint(loc: Loc, root: type[BaseModel] = Plan) -> str | None:
    model = _model_at(loc[:-1], root)
    if model is None:
        return None
    known = list(model.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return "known keys here: " + ", ".join(known)


def _model_at(loc: Loc, root: type[BaseModel] = Plan) -> type[BaseModel] | None:
    """The pydantic model that describes the mapping at `loc`, if any."""
    current: Any = root
    for part in loc:
        current = without_none(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            if typing.get_origin(current) is not list or not args:
                return None
            current = args[0]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = info.annotation
    current = without_none(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _field_info(loc: Loc, root: type[BaseModel] = Plan) -> Any:
    parent = _model_at(loc[:-1], root) if loc else None
    if parent is None or not isinstance(loc[-1], str):
        return None
    return parent.model_fields.get(loc[-1])


# --- Writing ----------------------------------------------------------------------------


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, leaving out what is unanswered or left at its default."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    data["smplan"] = FORMAT_VERSION
    if plan.project is not None:
        data.setdefault("project", {})["language"] = plan.project.language
    ordered = {"smplan": data.pop("smplan")}
    ordered.update(data)
    return ordered


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with text that YAML would fold written double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # PyYAML writes NEL and the Unicode line separators raw in single quotes, where a
    # reader folds them; in double quotes they are escaped and read back as they were.
    style = '"' if any(c in data for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_plan(plan: Plan) -> str:
    """The plan as YAML text that reads back to the same plan."""
    return yaml.dump(
        plan_data(plan),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def save_plan(plan: Plan, path: Path | str) -> None:
    """Write the plan to `path` atomically."""
    atomic_write(Path(path), dump_plan(plan))
