"""The plan's span, from its date to its horizon, and the dates that must fall within it.

One rule judges every date of the plan marked as falling within its span (`DateInPlan`:
objectives' and metrics' deadlines, campaigns' days) and every period of the results file,
with the same words and the same severity. It took over four rules that each judged a part
of this with words of their own; their codes still name it for `--ignore`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

from smplan.checks.core import Hit, Label, Loc, View, _rule, thing_at
from smplan.checks.results import Figures
from smplan.checks.store import STORE, format_path
from smplan.i18n import L_
from smplan.plan.meta import InSpan, fields, marker, values_at
from smplan.plan.model import Plan

_SPAN = "SMP004"

Span = tuple[dt.date | None, dt.date | None]


@cache
def _dated() -> tuple[tuple[str, ...], ...]:
    """Where the plan's dates that fall within its span are, `*` standing for any item."""
    return tuple(f.path for f in fields(Plan) if marker(f.info, InSpan))


def _span(plan: Plan) -> Span | None:
    """The plan's date and horizon; None when it has neither, or they are the wrong way round."""
    project = plan.project
    start = project.date if project else None
    end = project.horizon if project else None
    if (start is None and end is None) or (start and end and end < start):
        return None
    return start, end


def _outside(
    loc: Loc, thing: object, shown: str, first: dt.date, last: dt.date, span: Span
) -> Iterator[Hit]:
    """A finding when the days from `first` to `last` fall wholly outside `span`."""
    start, end = span
    if start is not None and last < start:
        yield Hit(
            loc,
            L_(
                "{thing}: {value} falls before the plan's date ({start})",
                thing=thing,
                value=shown,
                start=start.isoformat(),
            ),
            L_("check the year"),
        )
    elif end is not None and first > end:
        yield Hit(
            loc,
            L_(
                "{thing}: {value} falls after the plan's horizon ({end})",
                thing=thing,
                value=shown,
                end=end.isoformat(),
            ),
            L_("check the year, or extend `project.horizon`"),
        )


@_rule(
    _SPAN,
    "error",
    None,
    "A date falls outside the plan's span",
    name="date-outside-span",
    at_once=True,
    old_codes=("SMP305", "SMP306", "SMP812", "SMP902"),
)
def _dates_in_span(v: View) -> Iterator[Hit]:
    span = _span(v.plan)
    if span is None:
        return
    for path in _dated():
        for loc, day in values_at(v.plan, path):
            thing = thing_at(v.plan, loc) or f"`{format_path(loc)}`"
            yield from _outside(loc, thing, day.isoformat(), day, day, span)


@STORE.judges(_SPAN, "results")
def _periods_in_span(f: Figures) -> Iterator[Hit]:
    span = _span(f.plan)
    if span is None:
        return
    for i, entry in enumerate(f.results.results):
        when = entry.when
        thing = Label("result", entry.metric, i)
        yield from _outside(
            ("results", i, "period"), thing, entry.period, when.start, when.end, span
        )
    for metric, path in f.results.paths.items():
        for i, checkpoint in enumerate(path):
            when = checkpoint.when
            thing = Label("checkpoint", None, i, parent=Label("metric", metric, 0))
            loc: Loc = ("paths", metric, i, "period")
            yield from _outside(loc, thing, checkpoint.period, when.start, when.end, span)


@_rule(
    "SMP013",
    "error",
    "project",
    "The plan's horizon comes before its date",
    name="horizon-before-date",
    at_once=True,
)
def _horizon_after_date(v: View) -> Iterator[Hit]:
    project = v.plan.project
    if project and project.date and project.horizon and project.horizon < project.date:
        yield Hit(
            ("project", "horizon"),
            L_(
                "the horizon {horizon} comes before the plan's date {date}",
                horizon=project.horizon.isoformat(),
                date=project.date.isoformat(),
            ),
            L_("check the year: the plan runs from its date until its horizon"),
        )
