"""Step 5: audience."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _rule
from smplan.i18n import L_


@_rule(
    "SMP501",
    "warning",
    "audience",
    "A segment has no needs",
    completeness=True,
    name="segment-without-needs",
)
def _segment_needs(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.needs:
            yield Hit(
                ("audience", i, "needs"),
                L_("segment `{id}` has no needs", id=s.id),
                L_(
                    "list the ids of the needs heard in step 2 that this segment has",
                ),
            )


@_rule(
    "SMP502",
    "warning",
    "audience",
    "A segment has no content",
    completeness=True,
    name="segment-without-content",
)
def _segment_content(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.content:
            yield Hit(
                ("audience", i, "content"),
                L_(
                    "segment `{id}` does not say what content reaches them",
                    id=s.id,
                ),
            )


@_rule(
    "SMP503", "warning", "audience", "A segment is served by no channel", name="segment-unserved"
)
def _segment_served(v: View) -> Iterator[Hit]:
    if not v.channels_judged:
        return
    served = {a for c in v.channels for a in c.audiences}
    for i, s in enumerate(v.segments):
        if s.id not in served:
            yield Hit(
                ("audience", i),
                L_(
                    "segment `{id}` is reached by no channel",
                    id=s.id,
                ),
                L_(
                    "add it to a channel's `audiences`, or drop the segment",
                ),
            )


@_rule(
    "SMP504",
    "warning",
    "audience",
    "An objective is aimed at no audience segment",
    name="objective-without-audience",
)
def _objective_aimed(v: View) -> Iterator[Hit]:
    # Only once the segments name the objectives they serve: a plan that does not link
    # them is judged by its channels' audiences instead (traceability falls back so too).
    aimed = {o for s in v.segments for o in s.objectives}
    if not aimed:
        return
    for i, o in enumerate(v.objectives):
        if o.id and o.id not in aimed:
            yield Hit(
                ("objectives", i),
                L_("objective `{id}` is aimed at no audience segment", id=o.id),
                L_("add its id to the `objectives` of the segments it is meant to reach"),
            )
