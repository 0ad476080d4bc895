"""What a field means beyond its type, declared once on the field, and the walker that reads it.

A field says what it is with markers in its `Annotated[...]` type:

- `Label(message)`: its name for people, one catalog message: the interview's prompt, a
  table's header, the name a diff gives its changes;
- a value kind (`MONEY`, `HOURS`, `PERCENT`, `COUNT`, `DATE_IN_PLAN`, `TEXT`, `PROSE`,
  `PLATFORM`, `ID`), carried by the model's types (`Money`, `Hours`...), so that every view
  writes its values alike; references, choices, dates, numbers and yes/no are told by
  their type;
- `Names()`: it names its item to a reader (a member's name, a slot's day and time);
- `Holds(KIND)`: a list of things of that kind, each with an `id` (the team's members);
- `Also(KIND)`: one thing that, once it has an `id`, counts as one of that kind too (the
  sponsor, who can approve or run a review as a member does);
- `Ref(KIND)`: one id, or a list of ids, of things of that kind (an approver);
- `Needed(...)`: its step is not complete while it is empty, told by the generic finding
  or by a rule of its own (its code, title, sentence and hint);
- `Follows(read)`: left out, its value is read from the other answers (the currency);
- `Essential(rank)`: the essentials path of the interview asks it, in that order;
- `Unasked()`, `ChosenFirst()`: the interview never asks it, or asks it before all else;
- `Internal()`: for smplan's own use, not shown to the client: a diff leaves it out.

Everything that depends on these facts reads them through `fields()` and the helpers
below: the reference checks and their known-id hints, duplicate ids, completeness, the
interview's labels, order and pickers, the document's id-to-name maps and the diff.
Adding a field is its declaration in the model and its texts in the catalogs.
"""

from __future__ import annotations

import datetime as dt
import enum
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


MEMBER = Kind("team member", L_("team member"), L_("team members"))
NEED = Kind("need", L_("need"), L_("needs"))
OBJECTIVE = Kind("objective", L_("objective"), L_("objectives"))
METRIC = Kind("metric", L_("metric"), L_("metrics"))
SEGMENT = Kind("segment", L_("segment"), L_("segments"))
CHANNEL = Kind("channel", L_("channel"), L_("channels"))


@dataclass(frozen=True)
class ValueKind:
    """What the values of a type are beyond their Python type: money, hours, a date that
    falls within the plan's span... Carried by the model's types (`Money`, `Hours`), so a
    field's kind is read at run time and every view writes its values alike."""

    key: str


TEXT = ValueKind("text")
#: Text that may run over several lines.
PROSE = ValueKind("prose")
#: An amount in the plan's currency.
MONEY = ValueKind("money")
HOURS = ValueKind("hours")
#: A share, in percent (35 for 35 %).
PERCENT = ValueKind("percent")
#: A number of things (followers).
COUNT = ValueKind("count")
#: A date judged against the plan's span, from its date to its horizon.
DATE_IN_PLAN = ValueKind("date_in_plan")
#: The name of a social platform, written as the platform writes it.
PLATFORM = ValueKind("platform")
#: An identifier other answers refer to: for smplan, never shown to the client.
ID = ValueKind("id")


@dataclass(frozen=True)
class Label:
    """Marks a field with its name for people: the interview asks it under this name, a
    table heads its column with it, a diff names its changes by it."""

    text: Message


@dataclass(frozen=True)
class Names:
    """Marks a field that names its item to a reader; the answered ones are joined in
    declaration order (a posting slot is its day and its time)."""


@dataclass(frozen=True)
class Essential:
    """Marks a field the interview's essentials path asks, at `rank` among its model's.

    A model with no such field is asked whole. A `whole` list is proposed whole, from
    the answers already given, and taken or refused with one answer.
    """

    rank: int
    whole: bool = False


@dataclass(frozen=True)
class Unasked:
    """Marks a field the interview never asks: the format version, or what is written in
    the file only (the campaigns, after the strategy)."""


@dataclass(frozen=True)
class ChosenFirst:
    """Marks a field chosen before the interview proper starts (the plan's language): the
    last answer given is never this one."""


@dataclass(frozen=True)
class Internal:
    """Marks a field for smplan's own use that the client's document does not show (the
    format version, the time zone): a diff leaves its changes out."""


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
    """Marks a field its step needs answered, and how a finding tells it is empty.

    Left empty, the field is told by the generic finding of empty answers: `noun` names
    it there ("member `ana` has no name"), or `says` tells it in a sentence of its own,
    `{label}` standing for the item and `{id}` for its id. With a `code`, it is told by a
    rule of its own instead, which `title` names in the list of rules (and `name`, a word
    `--ignore` takes as well as the code), `says` words and `hint` follows; the codes users
    know stay those of the rules they replace.

    `unless` and `when` are (field, value) pairs: the field is not needed when that
    sibling field holds that value, or only then (a crisis case has no single owner
    among those who answer, but needs the one it is escalated to).
    """

    noun: Message | None = None
    unless: tuple[str, str] | None = None
    when: tuple[str, str] | None = None
    code: str | None = None
    name: str | None = None
    title: Message | None = None
    says: Message | None = None
    hint: Message | None = None

    def applies(self, item: Any) -> bool:
        """Whether `item` needs this field answered."""
        if self.unless is not None and getattr(item, self.unless[0], None) == self.unless[1]:
            return False
        return self.when is None or getattr(item, self.when[0], None) == self.when[1]


@dataclass(frozen=True)
class Follows:
    """Marks a field whose value, when it is not written, is read from its model's answers.

    `read` takes the answers written beside it (a mapping) and gives the value: the
    currency follows the plan's language. Such a value is not an answer of the person:
    the blank plan writes it out, and the interview still asks it.
    """

    read: Callable[[Mapping[str, Any]], Any]


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


def _kinds(annotation: Any) -> Iterator[ValueKind]:
    """The value kinds a type carries, inside unions and lists too, outermost last."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        yield from _kinds(args[0])
        yield from (m for m in annotation.__metadata__ if isinstance(m, ValueKind))
    else:
        for arg in args:
            yield from _kinds(arg)


def value_kind(info: FieldInfo) -> str:
    """What a field's values are, one value (a list's item) at a time.

    `ref` for a reference, the kind its type carries (`money`, `hours`...), else what
    its type tells: `yes_no`, `date`, `choice` (a fixed value), `number`, `model` (a part
    of the plan, or a list of them) or `text`.
    """
    if marker(info, Ref) is not None:
        return "ref"
    carried = [*_kinds(info.annotation), *(m for m in info.metadata if isinstance(m, ValueKind))]
    if carried:
        return carried[-1].key
    annotation = without_none(info.annotation)
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
        annotation = without_none(annotation)
    if annotation is bool:
        return "yes_no"
    if annotation is dt.date:
        return "date"
    if typing.get_origin(annotation) is typing.Literal or (
        isinstance(annotation, type) and issubclass(annotation, enum.Enum)
    ):
        return "choice"
    if annotation in (int, float):
        return "number"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model"
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        # A number that may be a word instead (a baseline still `unknown`).
        return "number"
    return "text"


def label(model: type[BaseModel], name: str) -> Message:
    """A field's name for people (its `Label`)."""
    found = marker(model.model_fields[name], Label)
    if found is None:
        raise LookupError(f"{model.__name__}.{name} has no Label")
    return found.text  # type: ignore[no-any-return]


@cache
def naming(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields that name an item of `model` to a reader, in declaration order."""
    return tuple(name for name, info in model.model_fields.items() if marker(info, Names))


@cache
def marked(root: type[BaseModel], cls: type[Any]) -> frozenset[tuple[str, str]]:
    """Every (model name, field name) under `root` that carries a marker of type `cls`."""
    return frozenset(
        (f.model.__name__, f.name) for f in fields(root) if marker(f.info, cls) is not None
    )


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
    """The fields of `model` its step needs answered, in declaration order (a field may be
    needed twice, each time on its own condition)."""
    return tuple(
        (name, m)
        for name, info in model.model_fields.items()
        for m in info.metadata
        if isinstance(m, Needed)
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


def named(item: Any) -> str:
    """What a reader calls a thing: its naming fields' answers, joined, else its id."""
    model: type[BaseModel] = type(item)
    parts = (str(v) for f in naming(model) if (v := getattr(item, f, None)))
    return " ".join(dict.fromkeys(parts)) or str(item.id)


def names(plan: BaseModel, kind: Kind) -> dict[str, str]:
    """Each id of `kind` with what a reader calls the thing."""
    return {item.id: named(item) for item in things(plan, kind)}


def referenced(plan: BaseModel) -> Iterator[tuple[Loc, Kind, str]]:
    """Every id the plan refers to: where, the kind of thing it names, and the id."""
    for path, kind in references(type(plan)):
        for loc, value in values_at(plan, path):
            if isinstance(value, list):
                for j, ident in enumerate(value):
                    yield (*loc, j), kind, ident
            else:
                yield loc, kind, value
