"""The fields that take one of a few values, and every way a person may write one of them.

A day is `tuesday` in the plan, but the owner editing it by hand writes `Tuesday`, a
department `Marketing` or `customer service`, a language `English` or `EN`, a baseline
`Unknown`: each differs from an allowed value only by its case, its separators, or by
being that value's name in one of smplan's languages. They are read as the value they
name, in `check` and `init` alike, and the editor's schema accepts the same spellings.

What counts as a choice is read from the field's type (an enum, a `Literal`, or a type
whose schema lists its values), so a new choice field needs nothing here.
"""

from __future__ import annotations

import enum
import functools
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

from smplan.i18n import language, languages
from smplan.plan.values import FIXED_VALUE_LABELS

#: Runs of what separates words in a value: `customer_service`, `customer-service`.
_SEPARATORS = re.compile(r"[\s_-]+")


def normal(text: str) -> str:
    """`text` as spellings are compared: no case, and one space between words."""
    return _SEPARATORS.sub(" ", text.strip()).casefold()


def choice_values(info: FieldInfo) -> tuple[str, ...]:
    """The values a field (or each item of a list field) may take, when they are a few."""
    for item in info.metadata:
        if isinstance(item, WithJsonSchema) and item.json_schema and "enum" in item.json_schema:
            return tuple(str(v) for v in item.json_schema["enum"])
    return _values(info.annotation)


def _values(annotation: Any) -> tuple[str, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _values(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        found: list[str] = []
        for arg in typing.get_args(annotation):
            found += _values(arg)
        return tuple(dict.fromkeys(found))
    if origin is typing.Literal:
        return tuple(a for a in typing.get_args(annotation) if isinstance(a, str))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return tuple(str(member.value) for member in annotation)
    return ()


@functools.cache
def spellings(values: tuple[str, ...]) -> dict[str, str]:
    """Every spelling of `values`, as `normal` writes it, with the value it stands for.

    A value's spellings are itself and its names in every language smplan speaks: the
    names the documents give it (a department's, a day's), or a language's own name.
    """
    out: dict[str, str] = {}
    named = next((kind for kind in FIXED_VALUE_LABELS.values() if set(values) <= set(kind)), None)
    speaks = languages()
    for value in values:
        out.setdefault(normal(value), value)
        for lang in speaks:
            with language(lang):
                if named is not None:
                    out.setdefault(normal(str(named[value])), value)
                if set(values) <= set(speaks):
                    for name in _language_names(value, lang):
                        out.setdefault(normal(name), value)
    return out


def _language_names(code: str, lang: str) -> list[str]:
    """What `code` (a language smplan speaks) is called in `lang` and in itself."""
    from babel import Locale, UnknownLocaleError

    try:
        named = Locale.parse(code)
        names = [named.get_display_name(Locale.parse(lang)), named.get_display_name(named)]
    except (ValueError, UnknownLocaleError):
        return []
    return [name for name in names if name]


def canonical(values: tuple[str, ...], written: Any) -> Any:
    """The value `written` stands for, when it is a spelling of one; else `written` as is."""
    if not isinstance(written, str) or written in values:
        return written
    return spellings(values).get(normal(written), written)


def code_pattern(info: FieldInfo) -> str | None:
    """The pattern of a field that holds a code in capitals (a currency: `EUR`), if it is one."""
    found = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
    return found if isinstance(found, str) and "A-Z" in found and "a-z" not in found else None


@functools.cache
def _choice_fields(
    model: type[BaseModel],
) -> tuple[tuple[tuple[str, tuple[str, ...], frozenset[str]], ...], dict[str, re.Pattern[str]]]:
    choices = []
    codes: dict[str, re.Pattern[str]] = {}
    for name, info in model.model_fields.items():
        values = choice_values(info)
        if values:
            choices.append((name, values, frozenset(values)))
        code = code_pattern(info)
        if code is not None:
            codes[name] = re.compile(code)
    return tuple(choices), codes


def as_chosen(model: type[BaseModel], data: Any) -> Any:
    """`data` for `model` with each choice written as the value it stands for.

    A code in capitals written in small letters (`eur`) is read in capitals too.
    """
    if not isinstance(data, dict):
        return data
    choices, codes = _choice_fields(model)
    fixed: dict[str, Any] = {}
    for name, values, allowed in choices:
        written = data.get(name)
        if written is None or (isinstance(written, str) and written in allowed):
            continue
        if isinstance(written, list):
            items = [canonical(values, item) for item in written]
            if items != written:
                fixed[name] = items
        elif isinstance(written, str):
            value = canonical(values, written)
            if value != written:
                fixed[name] = value
    for name, code in codes.items():
        written = data.get(name)
        if isinstance(written, str) and not code.match(written):
            upper = written.strip().upper()
            if code.match(upper):
                fixed[name] = upper
    return {**data, **fixed} if fixed else data


def pattern(values: tuple[str, ...]) -> str:
    """A regular expression (as JSON Schema writes them) matching every spelling of `values`."""
    alternatives = sorted(spellings(values), key=lambda s: (-len(s), s))
    return r"^\s*(" + "|".join(_any_case(s) for s in alternatives) + r")\s*$"


#: What has a meaning in a regular expression; any other character stands for itself, and
#: is not escaped, for JavaScript's Unicode expressions (editors') refuse needless escapes.
_SPECIAL = frozenset("\\^$.|?*+()[]{}/")


def _any_case(spelling: str) -> str:
    out = []
    for char in spelling:
        if char == " ":
            out.append(r"[\s_-]+")
            continue
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == 1 and len(upper) == 1:
            out.append(f"[{lower}{upper}]")
        else:
            out.append("\\" + char if char in _SPECIAL else char)
    return "".join(out)
