"""Step 3: objectives."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _rule
from smplan.i18n import L_


@_rule("SMP301", "warning", "objectives", "Not exactly one primary objective", at_once=True)
def _one_primary(v: View) -> Iterator[Hit]:
    primary = [i for i, o in enumerate(v.objectives) if o.primary]
    if v.objectives and not primary:
        yield Hit(
            ("objectives",),
            L_("no objective is marked primary"),
            L_(
                "set `primary: true` on the one central objective to begin with",
            ),
        )
    elif len(primary) > 1:
        names = ", ".join(f"`{v.objectives[i].id}`" for i in primary)
        yield Hit(
            ("objectives", primary[1], "primary"),
            L_(
                "{count} objectives are marked primary ({names})",
                count=len(primary),
                names=names,
            ),
            L_(
                "begin with one central objective; keep the others secondary",
            ),
        )


@_rule(
    "SMP305", "warning", "objectives", "An objective is due before the plan's date", at_once=True
)
def _deadline_after_date(v: View) -> Iterator[Hit]:
    start = v.plan.project.date if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if start and o.deadline and o.deadline < start:
            yield Hit(
                ("objectives", i, "deadline"),
                L_(
                    "objective `{id}` is due {deadline}, before the plan's date {start}",
                    id=o.id,
                    deadline=o.deadline,
                    start=start,
                ),
                L_("check the year"),
            )


@_rule(
    "SMP306", "warning", "objectives", "An objective is due after the plan's horizon", at_once=True
)
def _deadline_within_horizon(v: View) -> Iterator[Hit]:
    horizon = v.plan.project.horizon if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if horizon and o.deadline and o.deadline > horizon:
            yield Hit(
                ("objectives", i, "deadline"),
                L_(
                    "objective `{id}` is due {deadline}, after the plan's horizon {horizon}",
                    id=o.id,
                    deadline=o.deadline,
                    horizon=horizon,
                ),
                L_(
                    "bring the deadline in, or extend `project.horizon`",
                ),
            )
