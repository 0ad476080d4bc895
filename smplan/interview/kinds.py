"""Each number read as its field's kind, and what can be judged on the line as it is typed.

A field declares what its values are (`smplan.plan.meta`): hours, a share in percent,
money, a count. A number typed for it may carry its own unit (`3 h`, `40 %`, `130 €`)
and nothing else: `40 %` typed as hours a week is refused, saying what the field holds,
rather than stored as 40 hours. A length of time in minutes is turned into hours; in days
or weeks it is turned into hours where the field is a delay (a reply within two days),
and refused with advice where it counts the hours of a week's work, since a working day
has no fixed length. A number without a declared kind (a metric's target) takes any unit,
which then says what the metric counts.

What else a single line shows is judged as it is typed: a date outside the plan's span,
a name already given to another item of the same list, shares that add up to more than
100. Those are warnings: the answer may still be kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from smplan.i18n import babel_locale
from smplan.interview.answers import Amount, read_amount
from smplan.plan.labels import Values
from smplan.plan.meta import Holds, fields, marker, naming, submodel
from smplan.plan.model import HOURS_PER_WEEK, Plan, example_for

if TYPE_CHECKING:
    from smplan.interview.questions import Questions, Spec

#: Hours in a day and in a week of the calendar, for a delay typed in days or weeks.
_HOURS_IN = {"days": 24, "weeks": 24 * 7}
#: The measures each kind of number takes, besides a plain number.
_TAKES = {"hours": ("hours",), "percent": ("percent",), "money": ("money",), "count": ()}


class Refused(Exception):
    """An answer refused before it reaches the model, with the reason in words."""


@dataclass(frozen=True)
class Reading:
    """What an answer gives: the value for the model, the unit it was typed with, and a
    note when it was converted (`2 jours` = 48 h)."""

    value: Any
    unit: str = ""
    note: str = ""


def read_number(raw: str, found: Spec, q: Questions, model: type[BaseModel], name: str) -> Reading:
    """A number typed for a field of `found`'s kind; `Refused` for another kind's unit."""
    amount = read_amount(raw, babel_locale(q.lang))
    if amount is None:
        return Reading(raw)  # not a number at all: the model says so in its words
    kind = found.value
    if kind not in _TAKES:
        # A number of no declared kind takes any unit, which says what it counts.
        return Reading(amount.value, amount.unit)
    if not amount.measure or amount.measure in _TAKES[kind]:
        return Reading(amount.value, amount.unit)
    if kind == "hours" and amount.measure == "minutes":
        return Reading(round(amount.value / 60, 2), amount.unit)
    if kind == "hours" and amount.measure in _HOURS_IN:
        if found.most is not None and found.most <= HOURS_PER_WEEK:
            raise Refused(q.t("unit.workdays", answer=q.quoted(raw)))
        hours = amount.value * _HOURS_IN[amount.measure]
        shown = Values(q.plan, q.lang).fmt.hours(hours) or str(hours)
        note = q.t("unit.converted", answer=q.quoted(raw), value=shown)
        return Reading(hours, amount.unit, note)
    raise Refused(_wrong_unit(raw, amount, kind, q, model, name))


def _wrong_unit(
    raw: str, amount: Amount, kind: str, q: Questions, model: type[BaseModel], name: str
) -> str:
    """Why a number typed with another kind's unit is refused, and what the field holds."""
    measure = amount.measure
    if measure == "other":
        what = q.t("unit.is.other", answer=q.quoted(raw), unit=q.quoted(amount.unit))
    else:
        group = "hours" if measure == "minutes" else measure
        what = q.t(f"unit.is.{group}", answer=q.quoted(raw))
    example = example_for(model.model_fields[name])
    shown = Values(q.plan, q.lang).one(model, name, example) if example is not None else None
    holds = q.t(f"unit.holds.{kind}", currency=q.currency_sign())
    if shown:
        holds += " " + q.t("ui.for_example", example=shown)
    return q.t("unit.refused", what=what, holds=holds)


# --- judged on the line -------------------------------------------------------------------


def warnings(q: Questions, obj: BaseModel, name: str, found: Spec, value: Any) -> Iterator[str]:
    """What a value typed for field `name` of `obj` shows on its own line, before Enter."""
    plan = q.plan
    project = plan.project
    if found.value == "date_in_plan" and isinstance(value, dt.date) and project is not None:
        fmt = Values(plan, q.lang).fmt
        if project.horizon is not None and value > project.horizon:
            yield q.t("span.after", date=fmt.date(value), horizon=fmt.date(project.horizon))
        elif project.date is not None and value < project.date:
            yield q.t("span.before", date=fmt.date(value), start=fmt.date(project.date))
    if isinstance(value, str) and name in naming(type(obj)) and _holds(type(obj)):
        others = [i for i in siblings(plan, obj) if i is not obj]
        if any(str(getattr(i, name, "") or "").casefold() == value.casefold() for i in others):
            yield q.t("ui.name_taken", name=q.quoted(value))
    if found.value == "percent" and isinstance(value, int | float):
        taken = sum(getattr(i, name) or 0 for i in siblings(plan, obj) if i is not obj)
        if siblings(plan, obj) and taken + value > 100:
            left = Values(plan, q.lang).fmt.percent(max(100 - taken, 0))
            total = Values(plan, q.lang).fmt.percent(taken + value)
            yield q.t("ui.shares_over", total=total, left=left)


def _holds(model: type[BaseModel]) -> bool:
    """Whether items of `model` are things with ids, which the plan holds in a list."""
    return any(marker(f.info, Holds) and submodel(f.info)[0] is model for f in fields(Plan))


def siblings(plan: Plan, obj: BaseModel) -> list[BaseModel]:
    """The list of the plan that holds `obj` (a channel's pillars), empty if none does."""
    for items in _lists(plan):
        if any(item is obj for item in items):
            return items
    return []


def _lists(obj: BaseModel) -> Iterator[list[BaseModel]]:
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            yield from _lists(value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            yield value
            for item in value:
                yield from _lists(item)
