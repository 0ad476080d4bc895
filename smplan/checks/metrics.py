"""Step 4: metrics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from smplan.checks.core import _BUSINESS_FAMILIES, _BUSINESS_KINDS, Hit, Join, View, _rule
from smplan.i18n import L_
from smplan.plan.model import (
    STANDARD_KIND,
)


@_rule("SMP401", "warning", "metrics", "An objective has no metric", name="objective-unmeasured")
def _objective_measured(v: View) -> Iterator[Hit]:
    if not v.metrics:
        return
    measured = {m.objective for m in v.metrics}
    for i, o in enumerate(v.objectives):
        if o.id not in measured:
            yield Hit(
                ("objectives", i),
                L_(
                    "objective `{id}` has no metric",
                    id=o.id,
                ),
                L_(
                    "add a metric whose `objective` is this one: a measurable objective",
                ),
            )


@_rule(
    "SMP402",
    "warning",
    "metrics",
    "A metric has no target",
    completeness=True,
    name="metric-without-target",
)
def _target(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.target is None:
            yield Hit(
                ("metrics", i, "target"),
                L_("metric `{id}` has no target", id=m.id),
                L_(
                    "say the value to reach by the deadline",
                ),
            )


@_rule(
    "SMP403",
    "warning",
    "metrics",
    "A metric has no baseline",
    completeness=True,
    name="metric-without-baseline",
)
def _baseline(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.baseline is None:
            yield Hit(
                ("metrics", i, "baseline"),
                L_(
                    "metric `{id}` has no baseline",
                    id=m.id,
                ),
                L_(
                    "give today's value, or write `unknown` if it is not measured yet",
                ),
            )


def _kind(metric: Any) -> str | None:
    if metric.kind:
        return str(metric.kind)
    if metric.standard:
        return str(STANDARD_KIND[metric.standard])
    return None


@_rule(
    "SMP404",
    "warning",
    "metrics",
    "A revenue or cost objective is judged by vanity metrics",
    name="vanity-metrics",
)
def _business_metric(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        aim = _BUSINESS_FAMILIES.get(str(o.family))
        metrics = v.metrics_by_objective.get(o.id, [])
        if aim is None or not metrics:
            continue
        kinds = [_kind(m) for m in metrics]
        if not _BUSINESS_KINDS.intersection(kinds):
            listed = Join(
                tuple(
                    L_(
                        "`{id}`: {kind}",
                        id=m.id,
                        kind=k or L_("kind not given"),
                    )
                    for m, k in zip(metrics, kinds, strict=True)
                )
            )
            yield Hit(
                ("objectives", i),
                L_(
                    "objective `{id}` aims at {aim} but has no conversion, revenue or cost metric "
                    "({listed})",
                    id=o.id,
                    aim=aim,
                    listed=listed,
                ),
                L_(
                    "add one, or set `kind` on the metric that counts sales; likes alone show no "
                    "return",
                ),
            )


#: What the other families need to be judged by, beyond reach and likes: the kinds of
#: metric that fit, what the objective aims at, and how to measure it.
_FAMILY_METRICS = {
    "recruitment": (
        frozenset({"conversion"}),
        L_("recruiting"),
        L_("conversion"),
        L_(
            "count the applications or hires that come from social media, with `kind: "
            "conversion`; views of a job post hire nobody",
        ),
    ),
    "awareness": (
        frozenset({"reach", "sentiment"}),
        L_("awareness and reputation"),
        L_("reach or sentiment"),
        L_(
            "measure how many people know the name (reach, share of voice) or what they say of "
            "it (net sentiment, reviews)",
        ),
    ),
}


@_rule(
    "SMP405",
    "warning",
    "metrics",
    "A recruitment or awareness objective has no metric that fits it",
    name="metric-unfit-for-objective",
)
def _family_metric(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        fits = _FAMILY_METRICS.get(str(o.family))
        metrics = v.metrics_by_objective.get(o.id, [])
        if fits is None or not metrics:
            continue
        wanted, aim, names, hint = fits
        kinds = [_kind(m) for m in metrics]
        if wanted.intersection(kinds):
            continue
        listed = Join(
            tuple(
                L_("`{id}`: {kind}", id=m.id, kind=k or L_("kind not given"))
                for m, k in zip(metrics, kinds, strict=True)
            )
        )
        yield Hit(
            ("objectives", i),
            L_(
                "objective `{id}` aims at {aim} but has no {kinds} metric ({listed})",
                id=o.id,
                aim=aim,
                kinds=names,
                listed=listed,
            ),
            hint,
        )


@_rule(
    "SMP406",
    "warning",
    "metrics",
    "A metric is due after its objective",
    name="metric-due-after-objective",
    at_once=True,
)
def _metric_deadline(v: View) -> Iterator[Hit]:
    due = {o.id: o.deadline for o in v.objectives if o.deadline}
    for i, m in enumerate(v.metrics):
        deadline = due.get(m.objective or "")
        if m.deadline and deadline and m.deadline > deadline:
            yield Hit(
                ("metrics", i, "deadline"),
                L_(
                    "metric `{id}` is due {deadline}, after its objective `{objective}` ({due})",
                    id=m.id,
                    deadline=m.deadline.isoformat(),
                    objective=m.objective,
                    due=deadline.isoformat(),
                ),
                L_("bring the metric's deadline in, or move the objective's"),
            )
