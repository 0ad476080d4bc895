"""How each kind of field is asked: the questions, read from the plan model.

Each field's type picks the kind of prompt (`spec`), its description is the help line,
and the interview talks to an `Asker` in `Question`s and `Block`s: the command line
implements it with prompts, the tests with a script.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Literal, Protocol

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from smplan.plan.meta import MEMBER as MEMBER_KIND
from smplan.plan.meta import Kind as Thing
from smplan.plan.meta import Ref, marker, without_none
from smplan.plan.model import Plan

Kind = Literal["text", "choice", "choices", "confirm", "number", "date"]

#: The choice that names the sponsor where a team member is picked (never a valid id).
SPONSOR = "+sponsor"
#: The answer that clears a field or removes a list item.
CLEAR = "-"
#: The answer that goes back one question (each language adds its word, `ui.back_word`).
BACK = "<"


@dataclass(frozen=True)
class Option:
    """One allowed answer of a choice: what is stored, what is shown, what may be typed."""

    value: str
    label: str
    key: str


@dataclass(frozen=True)
class Question:
    """A question to put to the user; `key` names where the answer goes in the plan."""

    kind: Kind
    key: str
    label: str
    help: str = ""
    default: str | None = None
    options: tuple[Option, ...] = ()
    #: How to answer, in a few words: "y/n", "YYYY-MM-DD", "numbers separated by commas".
    hint: str = ""
    #: How to answer where choices are a list to move through rather than numbers to type.
    pick_hint: str = ""
    #: What an empty answer does, as a list of choices names it ("leave empty", "finish").
    empty: str = ""
    #: What closes the question before the answer: ": ", or " : " in French.
    end: str = ": "

    def __post_init__(self) -> None:
        # A help line that only repeats the label says nothing more: drop it.
        if self.help.rstrip(" .").casefold() == self.label.rstrip(" .").casefold():
            object.__setattr__(self, "help", "")


@dataclass(frozen=True)
class Block:
    """Something to show: guidance, a heading, a rejected answer, the review, the result."""

    kind: Literal[
        "heading",
        "guidance",
        "status",
        "note",
        "error",
        "finding",
        "review",
        "summary",
        "findings",
        "next",
    ]
    title: str = ""
    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()


class Asker(Protocol):
    """What the interview needs from a user interface."""

    def ask(self, question: Question) -> str:
        """Put the question and return the answer as typed (empty keeps the default)."""

    def show(self, block: Block) -> None:
        """Show a block of text."""


# --- reading the model ----------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How one field of the model is asked."""

    kind: Literal[
        "text", "number", "date", "confirm", "choice", "ref", "refs", "texts", "items", "model"
    ]
    target: Any = None
    #: The kind of thing a reference names.
    ref: Thing | None = None
    #: Words a number field accepts besides numbers (`unknown` for a baseline).
    words: tuple[str, ...] = ()


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def reference_target(info: FieldInfo) -> Thing | None:
    """The kind of thing a reference field names, or None if it names none."""
    ref = marker(info, Ref)
    return ref.kind if ref else None


@cache
def spec(model: type[BaseModel], name: str) -> Spec:
    """The kind of prompt a field of the model calls for."""
    info = model.model_fields[name]
    annotation = without_none(info.annotation)
    origin = typing.get_origin(annotation)
    ref = reference_target(info)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if _is_model(item):
            return Spec("items", item)
        return Spec("refs", ref=ref) if ref else Spec("texts")
    if _is_model(annotation):
        return Spec("model", annotation)
    if ref:
        return Spec("ref", ref=ref)
    if annotation is bool:
        return Spec("confirm")
    if annotation is dt.date:
        return Spec("date")
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Spec("choice", tuple(member.value for member in annotation))
    if origin is Literal:
        return Spec("choice", typing.get_args(annotation))
    if annotation in (int, float):
        return Spec("number")
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        words = tuple(w for a in args if typing.get_origin(a) is Literal for w in a.__args__)
        if all(a in (int, float) or typing.get_origin(a) is Literal for a in args):
            return Spec("number", words=words)
    return Spec("text")


#: Fields the interview never asks: the format version is not the user's to choose.
#: Campaigns come after the strategy: they are written in the plan file (`smplan new` shows
#: them), not asked.
SKIPPED: frozenset[tuple[str, str]] = frozenset({("Plan", "smplan"), ("Plan", "campaigns")})


def asked_fields(model: type[BaseModel] = Plan) -> Iterator[tuple[type[BaseModel], str]]:
    """Every (model, field) the interview may ask, walking down from `model`."""
    seen: set[type[BaseModel]] = set()

    def walk(current: type[BaseModel]) -> Iterator[tuple[type[BaseModel], str]]:
        if current in seen:
            return
        seen.add(current)
        for name in current.model_fields:
            if (current.__name__, name) in SKIPPED:
                continue
            if current is not Plan:  # the plan's own fields are the sections
                yield current, name
            found = spec(current, name)
            if found.kind in ("items", "model"):
                yield from walk(found.target)

    yield from walk(model)


# --- reading an answer ------------------------------------------------------------------


class Refused(Exception):
    """An answer refused before it reaches the model (not one of the offered choices)."""


#: What a person named by a team member's id takes from the member.
BORROWED = ("name", "role")


def member_ref(model: type[BaseModel]) -> str | None:
    """The field naming a team member in a model that names a person (a spokesperson)."""
    if not set(BORROWED) <= set(model.model_fields):
        return None
    refs = [n for n, info in model.model_fields.items() if reference_target(info) == MEMBER_KIND]
    return refs[0] if len(refs) == 1 else None


def pick(raw: str, options: tuple[Option, ...]) -> str | None:
    """The value of the option `raw` names by its key, value or label; None if none."""
    folded = raw.casefold()
    for option in options:
        if folded == option.key.casefold() or folded == option.value.casefold():
            return option.value
    for option in options:
        if folded == option.label.casefold():
            return option.value
    return None
