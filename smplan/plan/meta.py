"""What a field means beyond its type, declared once on the field, and the walker that reads it.

A field says what it is with markers in its `Annotated[...]` type:

- `Holds(KIND)`: a list of things of that kind, each with an `id` (the team's members);
- `Also(KIND)`: one thing that, once it has an `id`, counts as one of that kind too (the
  sponsor, who can approve or run a review as a member does);
- `Ref(KIND)`: one id, or a list of ids, of things of that kind (an approver);
- `Needed(noun)`: its step is not complete while it is empty; `noun` names it in messages;
- `Follows(read)`: left out, its value is read from the other answers (the currency);
- `InSpan()`: a date that falls within the plan's span, from its date to its horizon.

Everything that depends on these facts reads them through `fields()` and the helpers
below: the reference checks and their known-id hints, duplicate ids, completeness, the
interview's pickers and the document's id-to-name maps. Adding a reference to a model is
one `Ref(...)` on the new field, and nothing else.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from smplan.i18n import L_, Message


@dataclass(frozen=True)
class Kind:
    """A kind of thing the plan gives ids to, as messages name it."""

    key: str
    one: Message
    many: Message
    #: The fields that name one of them to a reader; the first one answered wins.
    named_by: tuple[str, ...] = ("name",)


MEMBER = Kind("team member", L_("team member"), L_("team members"))
NEED = Kind("need", L_("need"), L_("needs"), ("need",))
OBJECTIVE = Kind("objective", L_("objective"), L_("objectives"), ("statement",))
METRIC = Kind("metric", L_("metric"), L_("metrics"))
SEGMENT = Kind("segment", L_("segment"), L_("segments"))
CHANNEL = Kind("channel", L_("channel"), L_("channels"), ("platform",))


@dataclass(frozen=True)
class Holds:
    """Marks a list field whose items are the things of `kind`, each with its own id."""

    kind: Kind


@dataclass(frozen=True)
class Also:
    """Marks a field holding one thing that counts as one of `kind` once it has an id.

    Its id may be new, or one of the kind's own ids: then it is that thing (a sponsor
    who is on the team), not a second one.
    """

    kind: Kind


@dataclass(frozen=True)
class Ref:
    """Marks a field holding the id (or ids) of things of `kind` kept elsewhere in the plan."""

    kind: Kind


@dataclass(frozen=True)
class Needed:
    """Marks a field its step needs answered, and how messages name it when it is empty.

    `unless` is a (field, value) pair: the field is not needed when that sibling field
    holds that value (a crisis case has no single owner).
    """

    noun: Message
    unless: tuple[str, str] | None = None

    def applies(self, item: Any) -> bool:
        """Whether `item` needs this field answered."""
        return self.unless is None or getattr(item, self.unless[0], None) != self.unless[1]


@dataclass(frozen=True)
class Follows:
    """Marks a field whose value, when it is not written, is read from its model's answers.

    `read` takes the answers written beside it (a mapping) and gives the value: the
    currency follows the plan's language. Such a value is not an answer of the person:
    the blank plan writes it out, and the interview still asks it.
    """

    read: Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class InSpan:
    """Marks a date that falls within the plan's span, from its date to its horizon."""


def followed(model: type[BaseModel], data: Mapping[str, Any]) -> dict[str, Any]:
    """The values the `Follows` fields of `model` take from `data`, for those it lacks."""
    return {
        name: found.read(data)
        for name, info in model.model_fields.items()
        if name not in data and (found := marker(info, Follows)) is not None
    }


def without_none(annotation: Any) -> Any:
    """A field's type with `| None` and `Annotated[...]` constraints taken off.

    `X | None` gives X; `X | Y | None` gives `X | Y`; anything else is returned as is.
    """
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [without_none(a) for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return annotation


def marker(info: FieldInfo, cls: type[Any]) -> Any:
    """The field's marker of type `cls`, or None."""
    return next((m for m in info.metadata if isinstance(m, cls)), None)


def submodel(info: FieldInfo) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (one or a list of), and whether it is a list."""
    annotation = without_none(info.annotation)
    many = typing.get_origin(annotation) is list
    if many:
        (annotation,) = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, many
    return None, many


@dataclass(frozen=True)
class FieldAt:
    """One field of the models, where it sits in a plan: `*` stands for any list item."""

    path: tuple[str, ...]
    model: type[BaseModel]
    name: str
    info: FieldInfo


@cache
def fields(root: type[BaseModel]) -> tuple[FieldAt, ...]:
    """Every field under `root`, depth first in declaration order (the order of the steps)."""
    found: list[FieldAt] = []

    def walk(model: type[BaseModel], base: tuple[str, ...], seen: frozenset[type]) -> None:
        for name, info in model.model_fields.items():
            path = (*base, name)
            found.append(FieldAt(path, model, name, info))
            inner, many = submodel(info)
            if inner is not None and inner not in seen:
                walk(inner, (*path, "*") if many else path, seen | {inner})

    walk(root, (), frozenset({root}))
    return tuple(found)


@cache
def collections(root: type[BaseModel]) -> dict[Kind, tuple[str, ...]]:
    """Where the things of each kind live, by kind."""
    return {m.kind: f.path for f in fields(root) if (m := marker(f.info, Holds))}


@cache
def extras(root: type[BaseModel]) -> dict[Kind, tuple[tuple[str, ...], ...]]:
    """The single things that also count as one of each kind, by kind."""
    found: dict[Kind, tuple[tuple[str, ...], ...]] = {}
    for f in fields(root):
        if m := marker(f.info, Also):
            found[m.kind] = (*found.get(m.kind, ()), f.path)
    return found


@cache
def references(root: type[BaseModel]) -> tuple[tuple[tuple[str, ...], Kind], ...]:
    """Every reference field under `root` with the kind of thing it names."""
    return tuple((f.path, m.kind) for f in fields(root) if (m := marker(f.info, Ref)))


@cache
def needed(model: type[BaseModel]) -> tuple[tuple[str, Needed], ...]:
    """The fields of `model` its step needs answered, in declaration order."""
    return tuple(
        (name, m) for name, info in model.model_fields.items() if (m := marker(info, Needed))
    )


Loc = tuple[str | int, ...]


def values_at(obj: Any, path: tuple[str, ...], base: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """The values found at `path` in a plan, with where each one is (list items numbered)."""
    if not path:
        yield base, obj
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for i, item in enumerate(obj or ()):
            yield from values_at(item, rest, (*base, i))
        return
    value = getattr(obj, head, None)
    if value is not None:
        yield from values_at(value, rest, (*base, head))


def things(plan: BaseModel, kind: Kind) -> list[Any]:
    """The things of `kind` in a plan, in the plan's order, then those that also count.

    A thing that also counts (the sponsor) joins once it has an id that is not already
    one of the kind's: with a member's id, the sponsor is that member.
    """
    path = collections(type(plan)).get(kind)
    held = [item for _, found in values_at(plan, path) for item in found or ()] if path else []
    ids = {item.id for item in held}
    for extra in extras(type(plan)).get(kind, ()):
        for _, item in values_at(plan, extra):
            if item.id and item.id not in ids:
                held.append(item)
                ids.add(item.id)
    return held


def named(item: Any, kind: Kind) -> str:
    """What a reader calls a thing: its first answered naming field, else its id."""
    return next((str(v) for f in kind.named_by if (v := getattr(item, f, None))), item.id)


def names(plan: BaseModel, kind: Kind) -> dict[str, str]:
    """Each id of `kind` with what a reader calls the thing."""
    return {item.id: named(item, kind) for item in things(plan, kind)}


def referenced(plan: BaseModel) -> Iterator[tuple[Loc, Kind, str]]:
    """Every id the plan refers to: where, the kind of thing it names, and the id."""
    for path, kind in references(type(plan)):
        for loc, value in values_at(plan, path):
            if isinstance(value, list):
                for j, ident in enumerate(value):
                    yield (*loc, j), kind, ident
            else:
                yield loc, kind, value
