"""pydantic's errors turned into located problems, each with its code and a hint.

A hint comes from the kind of mistake, not from one example of it: a number written with
its unit or its sign (`4h`, `10%`, `£130`, `2,100`), a list written as one line of text or
as `no`, a text holding `: ` read as a block, a date that is not in the calendar, a key
written one level off (found through the model's own field paths), list items that carry
another section's keys because that section's key was left out, a list where one value is
taken. Every text is a catalog message, put in the reader's language when shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.errors import Problem
from smplan.i18n import L_, LN_, Message, babel_locale, current
from smplan.plan import problems as codes
from smplan.plan.meta import fields, submodel, without_none
from smplan.plan.model import Plan
from smplan.plan.suggest import closest

Loc = tuple[str | int, ...]


class Source(typing.Protocol):
    """Where each value and key of the file stands: `smplan.plan.files.SourceMap`."""

    values: dict[Loc, tuple[int, int]]
    keys: dict[Loc, tuple[int, int]]

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None: ...


def format_loc(loc: Loc) -> str:
    """A location as a person counts: `team.members[3].name` for the third member's name."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_EXPECT: dict[str, Message] = {
    "float_parsing": L_("a number"),
    "float_type": L_("a number"),
    "finite_number": L_("a finite number"),
    "int_parsing": L_("a whole number"),
    "int_type": L_("a whole number"),
    "int_from_float": L_("a whole number"),
    "int_parsing_size": L_("a whole number of a sensible size"),
    "bool_parsing": L_("true or false"),
    "bool_type": L_("true or false"),
    "date_parsing": L_("a date"),
    "date_from_datetime_parsing": L_("a date"),
    "date_type": L_("a date"),
    "string_type": L_("text"),
    "list_type": L_("a list"),
    "dict_type": L_("a mapping"),
    "model_type": L_("a mapping"),
    "model_attributes_type": L_("a mapping"),
}
_NUMBERS = frozenset(
    {
        "float_parsing",
        "float_type",
        "int_parsing",
        "int_parsing_size",
        "int_type",
        "int_from_float",
        "finite_number",
    }
)
_DATES = frozenset({"date_parsing", "date_from_datetime_parsing", "date_type"})
_SCALARS = _NUMBERS | _DATES | {"string_type", "bool_parsing", "bool_type"}
_ALL_WORDS = frozenset({"yes", "oui", "true", "all", "tous", "toutes", "on"})
_NONE_WORDS = frozenset({"no", "none", "non", "aucun", "aucune", "false", "n/a", "-", "nothing"})

_DATE_HINT = L_("write dates as YYYY-MM-DD, for example 2027-06-30")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_AMOUNT = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")


def validation_problems(
    exc: ValidationError, source: Source, root: type[BaseModel] = Plan, data: Any = None
) -> list[Problem]:
    """pydantic's errors as located problems; `root` is the model of the whole file."""
    groups = _grouped(exc, source, root)
    problems, done = _wrong_sections(groups, source, root, data)
    for loc, errors in groups.items():
        if loc in done:
            continue
        code, message, hint, at_key = describe(loc, errors, root)
        where = source.locate(loc, key=at_key)
        problems.append(
            Problem(
                message,
                path=format_loc(loc),
                line=where[0] if where else None,
                column=where[1] if where else None,
                hint=hint,
                code=code,
            )
        )
    return problems


def _grouped(
    exc: ValidationError, source: Source, root: type[BaseModel]
) -> dict[Loc, list[dict[str, Any]]]:
    groups: dict[Loc, list[dict[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        loc = data_loc(tuple(error["loc"]), source, root)
        groups.setdefault(loc, []).append(dict(error))
    return groups


def items_of_other_sections(
    exc: ValidationError, source: Source, root: type[BaseModel], data: Any
) -> list[Loc]:
    """The list items that hold another section's keys (see `_wrong_sections`)."""
    runs, _ = _section_runs(_grouped(exc, source, root), root, data)
    return [(*list_loc, i) for (list_loc, _), indices in runs.items() for i in indices]


def data_loc(loc: Loc, source: Source, root: type[BaseModel] = Plan) -> Loc:
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


def describe(
    loc: Loc, errors: list[dict[str, Any]], root: type[BaseModel] = Plan
) -> tuple[str, Message, Message | None, bool]:
    """The code, a message, a hint and whether to point at the key rather than the value."""
    first = errors[0]
    kind = first["type"]
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return _unknown_key(loc, root)
    if kind == "missing":
        hint = L_("add `smplan: 1` as the first line") if loc == ("smplan",) else None
        return codes.MISSING_KEY, L_("required key `{name}` is missing", name=name), hint, False
    if kind == "control_character":
        # The value itself is not shown back: printing it would send the control
        # character to the terminal.
        char = first.get("ctx", {}).get("char", "")
        message = L_("text holds a control character ({char}): type it again without it", char=char)
        return codes.CHARACTER, message, None, False
    value = first.get("input")
    shown = _show(value)
    if kind == "literal_error" and loc == ("smplan",):
        return (
            codes.FORMAT_VERSION,
            L_("format version {value} is not supported", value=shown),
            L_("use `smplan: 1`"),
            False,
        )
    if kind in ("enum", "literal_error") and len(errors) == 1:
        return _not_allowed(first, value, shown)
    if kind == "string_pattern_mismatch":
        return _pattern(name, shown)
    if kind == "timezone":
        return (
            codes.VALUE_FORMAT,
            L_("{value} is not a time zone", value=shown),
            L_("use an IANA time zone name, for example Europe/Paris or America/New_York"),
            False,
        )
    bounds = {
        "greater_than_equal": ("ge", L_("at least {limit}")),
        "greater_than": ("gt", L_("more than {limit}")),
        "less_than_equal": ("le", L_("at most {limit}")),
        "less_than": ("lt", L_("less than {limit}")),
    }
    if kind in bounds:
        key, words = bounds[kind]
        limit = first.get("ctx", {}).get(key)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        words = L_(words.template, limit=limit)
        return (
            codes.OUT_OF_RANGE,
            L_("{value} is out of range: it must be {bound}", value=shown, bound=words),
            None,
            False,
        )
    return _wrong_type(name, errors, value, shown)


def _wrong_type(
    name: str, errors: list[dict[str, Any]], value: Any, shown: Message | str
) -> tuple[str, Message, Message | None, bool]:
    kinds = {e["type"] for e in errors}
    expected: list[Message | str] = []
    for error in errors:
        if error["type"] in ("enum", "literal_error"):
            expected.append(" | ".join(f"`{a}`" for a in _allowed(error)))
        elif error["type"] in _EXPECT:
            expected.append(_EXPECT[error["type"]])
        else:
            expected.append(_own_words(str(error["msg"])))
    expected = list(dict.fromkeys(expected))
    what = _either(expected)
    if value is None and not kinds & {"string_type"}:
        return (
            codes.WRONG_TYPE,
            L_("expected {what}, but the value is empty", what=what),
            None,
            False,
        )
    if isinstance(value, list) and kinds & _SCALARS:
        return (
            codes.ONE_VALUE,
            LN_(
                "`{name}` takes one value, but {n} are given",
                "`{name}` takes one value, but {n} are given",
                len(value),
                name=name,
                n=len(value),
            ),
            L_(
                "keep one, written without brackets: `{name}: {first}`",
                name=name,
                first=_first(value),
            ),
            False,
        )
    message = L_("expected {what}, got {value}", what=what, value=shown)
    hint: Message | None = None
    if kinds & _DATES and isinstance(value, str):
        return _bad_date(value, what, shown)
    if kinds & _NUMBERS and isinstance(value, str):
        hint = _number_hint(value)
    elif kinds & {"bool_parsing", "bool_type"}:
        hint = L_("write `true` or `false`")
    elif "list_type" in kinds and isinstance(value, str):
        hint = _list_hint(value)
    elif "string_type" in kinds and isinstance(value, dict):
        hint = _colon_hint(value)
    return codes.WRONG_TYPE, message, hint, False


def _own_words(said: str) -> Message:
    """What a model's own check says is expected (its words are catalog messages)."""
    if said.startswith("Input should") or not said:
        # pydantic's own English words: said in smplan's instead.
        return L_("a value of another kind")
    return Message(said)


def _either(expected: list[Message | str]) -> Message | str:
    if len(expected) == 1:
        return expected[0]
    return L_("{one} or {other}", one=_either(expected[:-1]), other=expected[-1])


def _first(value: list[Any]) -> str:
    return str(value[0]) if value and not isinstance(value[0], (dict, list)) else "..."


def _bad_date(
    value: str, what: Message | str, shown: Message | str
) -> tuple[str, Message, Message | None, bool]:
    iso = _ISO_DATE.match(value)
    if iso is None:
        return (
            codes.NOT_A_DATE,
            L_("expected {what}, got {value}", what=what, value=shown),
            _DATE_HINT,
            False,
        )
    year, month, day = (int(p) for p in iso.groups())
    if not 1 <= month <= 12:
        message = L_("{value} is not a date: there is no month {month}", value=shown, month=month)
        return codes.NO_SUCH_DATE, message, L_("months run from 01 to 12"), False
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        message = L_(
            "{value} is not a date: {month} has {days} days",
            value=shown,
            month=_Month(year, month),
            days=days,
        )
        last = dt.date(year, month, days).isoformat() if year >= 1 else value
        return (
            codes.NO_SUCH_DATE,
            message,
            L_("the last day of that month is {last}", last=last),
            False,
        )
    return (
        codes.NOT_A_DATE,
        L_("expected {what}, got {value}", what=what, value=shown),
        _DATE_HINT,
        False,
    )


class Count:
    """A whole number in a message, its digits grouped as the reader's language groups them."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:

        from babel.numbers import format_decimal  # Babel loads only when a count is shown

        return format_decimal(self.value, locale=babel_locale(current()))


class _Month:
    """A month and its year as the reader's language writes them: "February 2027"."""

    def __init__(self, year: int, month: int) -> None:
        self.day = dt.date(year, month, 1)

    def __format__(self, spec: str) -> str:

        from babel.dates import format_date  # Babel loads only when a month is named

        return format_date(self.day, "LLLL y", locale=babel_locale(current()))


#: What may be written around a number, by the words a hint names it with.
_AROUND_NUMBER: tuple[tuple[re.Pattern[str], Message], ...] = (
    (re.compile(r"^\s*([-+]?[\d.,\s]+?)\s*%\s*$"), L_("the percent sign")),
    (
        re.compile(r"^\s*(?:[£$€¥]|EUR|USD|GBP|CHF|CAD)\s*([-+]?[\d.,\s]+?)\s*$", re.I),
        L_("the currency"),
    ),
    (
        re.compile(
            r"^\s*([-+]?[\d.,\s]+?)\s*(?:[£$€¥]|EUR|USD|GBP|CHF|CAD|euros?|dollars?|pounds?)\s*$",
            re.I,
        ),
        L_("the currency"),
    ),
    (re.compile(r"^\s*([-+]?[\d.,]+)\s*([^\d\s.,][^\d]*)$"), L_("the unit")),
)


def _number_hint(value: str) -> Message | None:
    """How to write a number that was typed with its sign, unit or separators."""
    for pattern, what in _AROUND_NUMBER:
        found = pattern.match(value)
        if found:
            number = _plain_number(found.group(1))
            if number is not None:
                return L_(
                    "write the number alone, without {what}: `{number}`", what=what, number=number
                )
    number = _plain_number(value)
    if number is not None and "," in value and "." in number:
        return L_("write decimals with a point: `{number}`", number=number)
    if number is not None:
        return L_("write the number alone, without separators: `{number}`", number=number)
    return None


def _plain_number(text: str) -> str | None:
    """`2,100` -> `2100`, `2,5` -> `2.5`, `1 000` -> `1000`; None when it is no number."""
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)
    if not _AMOUNT.match(text):
        return None
    if "," in text and "." in text:
        text = text.replace(",", "")
    elif re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    if text.count(".") > 1:
        return None
    return text


def _list_hint(value: str) -> Message:
    word = value.strip().lower()
    if word in _NONE_WORDS:
        return L_("for none, write `[]` or leave the field out")
    if word in _ALL_WORDS:
        return L_("list the items themselves: one `- item` per line, or `[first, second]`")
    parts = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
    if len(parts) > 1:
        return L_(
            "write a list: one `- item` per line, or `[{items}]`",
            items=", ".join(parts),
        )
    return L_("write a list, even of one item: `[{item}]`", item=value.strip())


def _colon_hint(value: dict[str, Any]) -> Message | None:
    if len(value) == 1:
        key, inner = next(iter(value.items()))
        if not isinstance(inner, (dict, list)):
            written = f"{key}: {inner}" if inner is not None else f"{key}:"
            return L_(
                'a text holding `: ` must be quoted: `"{text}"`',
                text=written,
            )
    return L_("a text holding `: ` must be quoted")


def _not_allowed(
    first: dict[str, Any], value: Any, shown: Message | str
) -> tuple[str, Message, Message | None, bool]:
    allowed = _allowed(first)
    hint = None
    if isinstance(value, str) and allowed:
        close = closest(value.lower(), allowed).match
        if close:
            hint = L_("did you mean `{name}`?", name=close)
    message = L_("{value} is not one of: {allowed}", value=shown, allowed=", ".join(allowed))
    return codes.NOT_ALLOWED, message, hint, False


def _pattern(name: str, shown: Message | str) -> tuple[str, Message, Message | None, bool]:
    if name == "currency":
        return (
            codes.VALUE_FORMAT,
            L_("{value} is not a currency code", value=shown),
            L_("use the three capital letters of ISO 4217, for example EUR, USD or GBP"),
            False,
        )
    if name == "time":
        return (
            codes.VALUE_FORMAT,
            L_("{value} is not a time", value=shown),
            L_("write times as HH:MM on the 24-hour clock, for example 09:00 or 18:30"),
            False,
        )
    return (
        codes.ID_FORMAT,
        L_("{value} is not a valid id", value=shown),
        L_("ids use lowercase letters, digits, `-` and `_`, for example `sales-2027`"),
        False,
    )


def _allowed(error: dict[str, Any]) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return [part.strip(" '\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _show(value: Any) -> Message | str:
    if value is None:
        return L_("an empty value")
    if isinstance(value, dict):
        return L_("a mapping")
    if isinstance(value, list):
        return L_("a list")
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"`{text}`"


# --- keys in the wrong place --------------------------------------------------------------


def _unknown_key(loc: Loc, root: type[BaseModel]) -> tuple[str, Message, Message | None, bool]:
    name = str(loc[-1])
    message = L_("unknown key `{name}`", name=name)
    model = _model_at(loc[:-1], root)
    known = list(model.model_fields) if model is not None else []
    close = closest(name, known).match
    if close:
        return codes.UNKNOWN_KEY, message, L_("did you mean `{name}`?", name=close), True
    home = _home(name, loc, root)
    if home is not None:
        return (
            codes.MISPLACED_KEY,
            L_("`{name}` does not belong here", name=name),
            L_("`{name}` is a key of {home}: move it there", name=name, home=home),
            True,
        )
    if known:
        return (
            codes.UNKNOWN_KEY,
            message,
            L_("known keys here: {keys}", keys=", ".join(known)),
            True,
        )
    return codes.UNKNOWN_KEY, message, None, True


def _home(name: str, loc: Loc, root: type[BaseModel]) -> Message | str | None:
    """Where a key of that name belongs in the model, the nearest place first."""
    here = tuple("*" if isinstance(p, int) else p for p in loc[:-1])
    homes = [f.path[:-1] for f in fields(root) if f.name == name and f.path[:-1] != here]
    if not homes:
        return None

    def shared(path: tuple[str, ...]) -> int:
        n = 0
        for a, b in zip(path, here, strict=False):
            if a != b:
                break
            n += 1
        return n

    best = max(homes, key=lambda p: (shared(p), -len(p)))
    if not best:
        return L_("the top level (no indentation)")
    if best[-1] == "*":
        return L_("each item of `{path}`", path=".".join(p for p in best[:-1] if p != "*"))
    return f"`{'.'.join(p if p != '*' else '[…]' for p in best).replace('.[…]', '[…]')}`"


def _wrong_sections(
    groups: dict[Loc, list[dict[str, Any]]],
    source: Source,
    root: type[BaseModel],
    data: Any,
) -> tuple[list[Problem], set[Loc]]:
    """Runs of list items whose keys are those of another section's items.

    A section key left out (or commented out) puts its items at the end of the list
    above it: every key of them is then "unknown". Said once for the run, with the
    section they fit, instead of once per key.
    """
    runs, done = _section_runs(groups, root, data)
    problems: list[Problem] = []
    for (list_loc, section), indices in runs.items():
        first = (*list_loc, indices[0])
        where = source.locate(first)
        if len(indices) == 1:
            message = L_(
                "item {n} of `{list}` looks like an item of `{section}`",
                n=indices[0] + 1,
                list=format_loc(list_loc),
                section=section,
            )
        else:
            message = L_(
                "items {first} to {last} of `{list}` look like items of `{section}`",
                first=indices[0] + 1,
                last=indices[-1] + 1,
                list=format_loc(list_loc),
                section=section,
            )
        key = section.split(".")[-1]
        commented = getattr(source, "commented", {})
        hint = (
            L_("the `{key}:` line above them is commented out: remove its `#`", key=key)
            if "." not in section and key in commented
            else L_("is the `{key}:` line above them missing or commented out?", key=key)
        )
        problems.append(
            Problem(
                message,
                path=format_loc(first),
                line=where[0] if where else None,
                column=where[1] if where else None,
                hint=hint,
                code=codes.WRONG_SECTION,
            )
        )
    return problems, done


def _section_runs(
    groups: dict[Loc, list[dict[str, Any]]], root: type[BaseModel], data: Any
) -> tuple[dict[tuple[Loc, str], list[int]], set[Loc]]:
    """The items that fit another section, by list and section, and their unknown keys."""
    unknown_items: dict[Loc, list[Loc]] = {}
    for loc, errors in groups.items():
        if errors[0]["type"] == "extra_forbidden" and len(loc) >= 2 and isinstance(loc[-2], int):
            unknown_items.setdefault(loc[:-1], []).append(loc)
    lists = _list_sections(root)
    done: set[Loc] = set()
    runs: dict[tuple[Loc, str], list[int]] = {}
    if data is None:
        return runs, done
    for item_loc in unknown_items:
        item = _value_at(data, item_loc)
        if not isinstance(item, dict):
            continue
        list_loc, index = item_loc[:-1], item_loc[-1]
        own = _model_at(item_loc, root)
        keys = set(item)
        fits = [
            path
            for path, model in lists.items()
            if model is not own and keys <= set(model.model_fields) and len(keys) > 1
        ]
        if not fits or not isinstance(index, int):
            continue
        runs.setdefault((list_loc, fits[0]), []).append(index)
        done.update(unknown_items[item_loc])
    for indices in runs.values():
        indices.sort()
    return runs, done


def _list_sections(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every list of items in the model, by its path (`team.members`), with the item model."""
    out: dict[str, type[BaseModel]] = {}
    for found in fields(root):
        inner, many = submodel(found.info)
        if inner is not None and many:
            out.setdefault(".".join(p for p in found.path if p != "*"), inner)
    return out


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _model_at(loc: Iterable[str | int], root: type[BaseModel] = Plan) -> type[BaseModel] | None:
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
