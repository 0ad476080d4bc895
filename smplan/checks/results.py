"""The rules for a plan's results file: each figure fits a metric of the plan.

They run on the results beside a plan (`smplan check`) and on each figure before
`smplan track` records it. They are rules of the one store, judging the `results` scope;
their codes follow the steps' (SMP9xx) and stay stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, partial

from smplan.checks.core import Hit, Loc
from smplan.checks.store import STORE, Finding
from smplan.i18n import L_, Message, Number
from smplan.plan.model import Metric, Plan, Standard
from smplan.plan.results import Entry, Results
from smplan.plan.suggest import closest

#: Standard definitions that are shares, in percent.
_PERCENT = frozenset(
    {
        Standard.engagement_rate_reach,
        Standard.engagement_rate_impressions,
        Standard.share_of_voice,
        Standard.click_through_rate,
        Standard.conversion_rate,
        Standard.response_rate,
    }
)
#: Standard definitions that are scores from -100 to 100.
_SCORE = frozenset({Standard.nps, Standard.net_sentiment})


@dataclass(frozen=True)
class Figures:
    """What the results rules judge: a plan's results, with the plan they measure."""

    plan: Plan
    results: Results

    @cached_property
    def metrics(self) -> dict[str, Metric]:
        """The plan's metrics by id."""
        return {m.id: m for m in self.plan.metrics or []}


#: The step the results rules' findings belong to.
STEP = "results"
#: Registers a results rule in the store; the catalogs take its fourth argument, the title.
_rule = partial(STORE.rule, scope="results")


def unknown_metric_hint(value: str, plan: Plan) -> Message:
    """The nearest metric id, and every id the plan has."""
    known = [m.id for m in plan.metrics or []]
    if not known:
        return L_("the plan has no metric yet: add them in step 4")
    listed = L_("the plan's metrics: {ids}", ids=", ".join(known))
    match = closest(value, known).match
    if match is not None:
        return L_("did you mean `{id}`? {listed}", id=match, listed=listed)
    return listed


@_rule(
    "SMP901", "error", STEP, "A result names a metric the plan does not have", name="unknown-metric"
)
def _unknown_metric(f: Figures) -> Iterator[Hit]:
    for i, entry in enumerate(f.results.results):
        if entry.metric not in f.metrics:
            yield Hit(
                ("results", i, "metric"),
                L_("unknown metric `{id}`", id=entry.metric),
                unknown_metric_hint(entry.metric, f.plan),
                (("metrics", "*", "id"),),
            )


def value_range(metric: Metric) -> tuple[float | None, float | None]:
    """The values a metric can take: shares from 0 to 100, scores from -100 to 100, and
    nothing below zero when neither its baseline nor its target is negative."""
    if metric.standard in _PERCENT or (metric.unit or "").strip() == "%":
        return 0.0, 100.0
    if metric.standard in _SCORE:
        return -100.0, 100.0
    known = [v for v in (metric.baseline, metric.target) if isinstance(v, float | int)]
    if metric.standard != Standard.roi and known and min(known) >= 0:
        return 0.0, None
    return None, None


@_rule(
    "SMP903",
    "error",
    STEP,
    "A result's value is out of its metric's range",
    name="result-out-of-range",
)
def _out_of_range(f: Figures) -> Iterator[Hit]:
    for i, entry in enumerate(f.results.results):
        metric = f.metrics.get(entry.metric)
        if metric is None:
            continue
        low, high = value_range(metric)
        if (low is not None and entry.value < low) or (high is not None and entry.value > high):
            bounds = (
                L_("it must be between {low} and {high}", low=Number(low), high=Number(high))
                if low is not None and high is not None
                else L_("it must be at least {low}", low=Number(low or 0.0))
            )
            yield Hit(
                ("results", i, "value"),
                L_(
                    "{value} is out of range for metric `{id}`: {bounds}",
                    value=Number(entry.value),
                    id=metric.id,
                    bounds=bounds,
                ),
                L_("write the figure in the metric's unit ({unit})", unit=metric.unit or "?"),
            )


@_rule(
    "SMP904", "error", STEP, "Two results give the same metric and period", name="duplicate-result"
)
def _duplicate(f: Figures) -> Iterator[Hit]:
    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(f.results.results):
        key = (entry.metric, entry.period)
        if key in seen:
            yield Hit(
                ("results", i, "period"),
                L_(
                    "metric `{id}` already has a figure for {period} (result #{n})",
                    id=entry.metric,
                    period=entry.period,
                    n=seen[key] + 1,
                ),
                L_("keep one of the two"),
            )
        else:
            seen[key] = i


@_rule(
    "SMP905",
    "error",
    STEP,
    "A planned path names a metric the plan does not have",
    name="path-unknown-metric",
)
def _unknown_path(f: Figures) -> Iterator[Hit]:
    for metric in f.results.paths:
        if metric not in f.metrics:
            yield Hit(
                ("paths", metric),
                L_("path for unknown metric `{id}`", id=metric),
                unknown_metric_hint(metric, f.plan),
                (("metrics", "*", "id"),),
            )


def check_results(plan: Plan, results: Results, lang: str | None = None) -> list[Finding]:
    """Every finding of every results rule, in the file's order; deterministic."""
    found = STORE.findings("results", Figures(plan, results), lang)
    return sorted(found, key=lambda f: _order(f.loc))


def check_entries(plan: Plan, entries: list[Entry], results: Results) -> list[Finding]:
    """The findings about `entries`, as figures added to `results`; each finding's place
    is the entry's index in `entries`.

    A figure for a metric and period already recorded replaces it, so it is no duplicate.
    """
    replaced = {(e.metric, e.period) for e in entries}
    kept = [e for e in results.results if (e.metric, e.period) not in replaced]
    merged = Results(thresholds=results.thresholds, results=[*kept, *entries])
    offset = len(kept)
    return [
        Finding(
            f.code,
            f.severity,
            f.step,
            ("results", int(f.loc[1]) - offset, *f.loc[2:]),
            f.message,
            f.hint,
        )
        for f in check_results(plan, merged)
        if f.loc[:1] == ("results",) and len(f.loc) > 1 and int(f.loc[1]) >= offset
    ]


def _order(loc: Loc) -> tuple[int, int, str]:
    """Whatever concerns the whole file, the planned paths, then the results in order."""
    if not loc:
        return (-1, 0, "")
    if loc[0] == "paths":
        return (0, 0, "".join(str(part) for part in loc))
    return (1, int(loc[1]) if len(loc) > 1 else -1, str(loc[-1]))
