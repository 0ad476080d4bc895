"""Step 3: objectives."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _rule
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
