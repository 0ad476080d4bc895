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
from typing import Any
from weakref import WeakKeyDictionary

from pydantic import BaseModel

from smplan.checks.core import _OR, Hit, Join, Label, Loc, View, _empty, _rule
from smplan.i18n import L_, Message
from smplan.plan.meta import Needed, fields, naming, needed, submodel
from smplan.plan.model import STEPS, Plan


@dataclass(frozen=True)
class _Part:
    """A part of the plan that holds answers: the plan, a step, a section or a list item."""

    obj: BaseModel
    loc: Loc
    #: How findings name it, when it is a list item; None for a step or a section.
    label: Label | None


@dataclass(frozen=True)
class _Empty:
    """A needed field left empty in a part of the plan."""

    part: _Part
    name: str
    need: Needed


def _label(item: BaseModel, index: int, parent: Label | None) -> Label | None:
    """A list item as findings name it: by its id, else by its naming fields, else its rank."""
    model = type(item)
    if model.noun is None:  # type: ignore[attr-defined]
        return None
    ident = model.model_fields.get("id")
    if ident is not None and ident.is_required():
        name: Any = item.id  # type: ignore[attr-defined]
    else:
        name = " ".join(str(v) for f in naming(model) if (v := getattr(item, f))) or None
    return Label(model.noun, name, index, parent)  # type: ignore[attr-defined]


def _parts(plan: Plan) -> Iterator[_Part]:
    """The plan, then every part of the eight steps, depth first in declaration order."""
    yield _Part(plan, (), None)

    def walk(obj: BaseModel, loc: Loc, label: Label | None) -> Iterator[_Part]:
        for name, info in type(obj).model_fields.items():
            inner, many = submodel(info)
            value = getattr(obj, name)
            if inner is None or value is None or (obj is plan and name not in STEPS):
                continue
            if not many:
                yield _Part(value, (*loc, name), label)
                yield from walk(value, (*loc, name), label)
                continue
            for i, item in enumerate(value):
                item_label = _label(item, i, label)
                yield _Part(item, (*loc, name, i), item_label)
                yield from walk(item, (*loc, name, i), item_label)

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


@_rule("SMP011", "warning", None, "A started step has answers left empty", completeness=True)
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
        yield Hit(where, L_("{label} has no {names}", label=first.part.label, names=missing))
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
            _rule(need.code, "warning", step, need.title.template, completeness=True)(
                _own_rule(need.code)
            )


_register()
