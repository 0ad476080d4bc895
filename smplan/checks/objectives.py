"""Step 3: objectives."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _empty, _rule
from smplan.i18n import L_


@_rule(
    "SMP301",
    "warning",
    "objectives",
    "Not exactly one primary objective",
    at_once=True,
    name="primary-objective",
)
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
    "SMP302",
    "warning",
    "objectives",
    "An objective has no statement",
    completeness=True,
    name="objective-without-statement",
)
def _statement(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if _empty(o.statement):
            yield Hit(
                ("objectives", i, "statement"),
                L_(
                    "objective `{id}` has no statement",
                    id=o.id,
                ),
                L_(
                    "write it so that anyone can tell whether it was reached",
                ),
            )


@_rule(
    "SMP303",
    "warning",
    "objectives",
    "An objective has no family",
    completeness=True,
    name="objective-without-family",
)
def _family(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.family is None:
            yield Hit(
                ("objectives", i, "family"),
                L_(
                    "objective `{id}` has no family",
                    id=o.id,
                ),
                L_(
                    "revenue, costs, relationship, loyalty, recruitment or awareness",
                ),
            )


@_rule(
    "SMP304",
    "warning",
    "objectives",
    "An objective has no deadline",
    completeness=True,
    name="objective-without-deadline",
)
def _deadline(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.deadline is None:
            yield Hit(
                ("objectives", i, "deadline"),
                L_(
                    "objective `{id}` has no deadline",
                    id=o.id,
                ),
                L_(
                    "a time-bound objective says when it must be reached (YYYY-MM-DD)",
                ),
            )
