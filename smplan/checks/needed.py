"""Answers a step needs, told from the fields' own declarations (`Needed` in the model).

A field marked `Needed` is reported while it is empty, wherever it sits in the eight
steps: by the finding of answers left empty (SMP011), which names the item and what it
lacks, or by a rule of its own when the field gives a code (a metric's target, SMP402),
with the title, sentence and hint the field declares. Every such rule is made here from
the model; none is written by hand. The project block has its own finding (SMP012).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any
from weakref import WeakKeyDictionary

from pydantic import BaseModel

from smplan.checks.core import _OR, Hit, Join, Label, Loc, View, _empty, _rule
from smplan.i18n import L_, Message
from smplan.plan.meta import Needed, fields, naming, needed, submodel
from smplan.plan.model import STEPS, Plan


@dataclass(frozen=True, eq=False)
class _Item:
    """A list item of the plan, as findings name it once one is found in it."""

    obj: BaseModel
    index: int
    #: The list item it sits in (a channel, for a pillar), if any.
    parent: _Item | None

    @cached_property
    def label(self) -> Label | None:
        """By its id, else by its naming fields, else by its rank; None when findings name
        it otherwise (its model gives no noun)."""
        model = type(self.obj)
        noun = model.noun  # type: ignore[attr-defined]
        if noun is None:
            return None
        ident = model.model_fields.get("id")
        if ident is not None and ident.is_required():
            name: Any = self.obj.id  # type: ignore[attr-defined]
        else:
            name = " ".join(str(v) for f in naming(model) if (v := getattr(self.obj, f))) or None
        return Label(noun, name, self.index, self.parent.label if self.parent else None)


@dataclass(frozen=True, eq=False)
class _Part:
    """A part of the plan that holds answers: the plan, a step, a section or a list item."""

    obj: BaseModel
    loc: Loc
    #: The list item it is, or sits in; None for the plan, a step or a section of one.
    item: _Item | None = None

    @property
    def label(self) -> Label | None:
        """How findings name the item it is, or sits in."""
        return self.item.label if self.item is not None else None


@dataclass(frozen=True)
class _Empty:
    """A needed field left empty in a part of the plan."""

    part: _Part
    name: str
    need: Needed


@cache
def _holders(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of `model` that hold parts of the plan, and whether each holds a list."""
    return tuple(
        (name, many)
        for name, info in model.model_fields.items()
        for inner, many in [submodel(info)]
        if inner is not None and (model is not Plan or name in STEPS)
    )


def _parts(plan: Plan) -> Iterator[_Part]:
    """The plan, then every part of the eight steps, depth first in declaration order."""
    yield _Part(plan, ())

    def walk(obj: BaseModel, loc: Loc, item: _Item | None) -> Iterator[_Part]:
        for name, many in _holders(type(obj)):
            value = getattr(obj, name)
            if value is None:
                continue
            if not many:
                yield _Part(value, (*loc, name), item)
                yield from walk(value, (*loc, name), item)
                continue
            for i, entry in enumerate(value):
                inner = _Item(entry, i, item)
                yield _Part(entry, (*loc, name, i), inner)
                yield from walk(entry, (*loc, name, i), inner)

    yield from walk(plan, (), None)


_FOUND: WeakKeyDictionary[View, list[_Empty]] = WeakKeyDictionary()


def _empties(v: View) -> list[_Empty]:
    """Every needed field left empty in the plan, found once for all the rules."""
    if v not in _FOUND:
        _FOUND[v] = [
            _Empty(part, name, need)
            for part in _parts(v.plan)
            for name, need in needed(type(part.obj))
            # A step not answered at all is not started (SMP010), not left empty.
            if not (part.obj is v.plan and getattr(v.plan, name) is None)
            and _empty(getattr(part.obj, name))
            and need.applies(part.obj)
        ]
    return _FOUND[v]


def _says(empty: _Empty) -> Message:
    """The finding's sentence a field declares, filled in for its item."""
    says = empty.need.says
    assert says is not None
    item = {"label": empty.part.label, "id": getattr(empty.part.obj, "id", None)}
    return Message(says.template, item, context=says.context)


@_rule(
    "SMP011",
    "warning",
    None,
    "A started step has answers left empty",
    completeness=True,
    name="answer-left-empty",
)
def _unfinished(v: View) -> Iterator[Hit]:
    # In the plan's order: a sentence of its own per field that declares one; else one
    # finding per item, naming all it lacks, at the field when it lacks only one.
    told: dict[tuple[bool, Loc], list[_Empty]] = {}
    for empty in _empties(v):
        if empty.need.code is None:
            said = empty.need.says is not None
            key = (said, (*empty.part.loc, empty.name) if said else empty.part.loc)
            told.setdefault(key, []).append(empty)
    for (said, loc), empties in told.items():
        first = empties[0]
        if said:
            yield Hit(loc, _says(first), first.need.hint)
            continue
        where = (*loc, first.name) if len(empties) == 1 else loc
        missing = Join(tuple(e.need.noun for e in empties), _OR)
        yield Hit(
            where,
            L_("{label} has no {names}", label=first.part.label, names=missing),
            absent=tuple((*e.part.loc, e.name) for e in empties),
        )
    for i, m in enumerate(v.metrics):
        if m.standard is None and _empty(m.definition):
            yield Hit(
                ("metrics", i, "definition"),
                L_(
                    "metric `{id}` has no definition",
                    id=m.id,
                ),
                L_(
                    "pick a `standard` one or say how it is computed",
                ),
            )


def _own_rule(code: str) -> Any:
    def check(v: View) -> Iterator[Hit]:
        for empty in _empties(v):
            if empty.need.code == code:
                yield Hit((*empty.part.loc, empty.name), _says(empty), empty.need.hint)

    return check


def _register() -> None:
    """A rule for each code a needed field declares, in the step the field belongs to."""
    made: set[str] = set()
    for found in fields(Plan):
        for need in found.info.metadata:
            if not isinstance(need, Needed) or need.code is None or need.code in made:
                continue
            assert need.title is not None and need.says is not None, found.path
            made.add(need.code)
            step = found.path[0] if found.path[0] in STEPS else None
            assert need.name is not None, found.path
            _rule(
                need.code, "warning", step, need.title.template, completeness=True, name=need.name
            )(_own_rule(need.code))


_register()
