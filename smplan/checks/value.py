"""Step 6: value."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _rule
from smplan.i18n import L_


@_rule(
    "SMP603",
    "warning",
    "value",
    "Every conversation topic is promotional",
    name="topics-all-promotional",
)
def _topics_not_promotional(v: View) -> Iterator[Hit]:
    topics = v.plan.value.topics if v.plan.value else []
    if topics and all(t.kind == "promotional" for t in topics):
        yield Hit(
            ("value", "topics"),
            L_(
                "every conversation topic is promotional",
            ),
            L_(
                "the product should not be the main topic: promotion belongs to posters, ads and "
                "e-mail",
            ),
        )
