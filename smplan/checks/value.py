"""Step 6: value."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, Label, View, _empty, _rule
from smplan.i18n import L_


@_rule(
    "SMP601", "warning", "value", "No philosophy is stated", completeness=True, name="no-philosophy"
)
def _philosophy(v: View) -> Iterator[Hit]:
    if v.plan.value and _empty(v.plan.value.philosophy):
        yield Hit(
            ("value", "philosophy"),
            L_("no philosophy is stated"),
            L_(
                "say what the organization stands for: people follow a philosophy, not a product",
            ),
        )


@_rule("SMP602", "warning", "value", "No conversation topic", completeness=True, name="no-topic")
def _topics(v: View) -> Iterator[Hit]:
    if v.plan.value and not v.plan.value.topics:
        yield Hit(
            ("value", "topics"),
            L_("no conversation topic is recorded"),
            L_(
                "find the topics people want to talk about, beyond the product",
            ),
        )


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


@_rule(
    "SMP604",
    "warning",
    "value",
    "A service answers no recorded need",
    completeness=True,
    name="service-without-need",
)
def _service_need(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.plan.value.services if v.plan.value else []):
        if s.need is None:
            yield Hit(
                ("value", "services", i, "need"),
                L_(
                    "{service} does not say which need it answers",
                    service=Label("service", s.name, i),
                ),
                L_(
                    "give the id of a need heard in step 2",
                ),
            )
