"""The rules for a plan's results file: each figure fits a metric of the plan.

They run on the results beside a plan (`smplan check`) and on each figure before
`smplan track` records it. Their codes follow the steps' (SMP9xx) and stay stable.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from smplan.checks.core import Finding, Hit, Loc, Severity
from smplan.i18n import L_, Message, Number, current, language
from smplan.plan.model import Metric, Plan, Standard
from smplan.plan.results import Checkpoint, Entry, Results

#: The step name findings on the results file carry.
STEP = "results"

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
class ResultRule:
    """A rule about the results file: its code, severity, step ("results") and title."""

    code: str
    severity: Severity
    step: str
    title: Message
    check: Callable[[Plan, Results], Iterable[Hit]]


#: Every results rule by code, in code order.
RESULT_RULES: dict[str, ResultRule] = {}

_Check = Callable[[Plan, Results], Iterable[Hit]]


def _rule(code: str, severity: Severity, step: str, title: str) -> Callable[[_Check], _Check]:
    # The same shape as the strategy rules' `_rule`, whose fourth argument the catalogs take.
    def register(check: _Check) -> _Check:
        RESULT_RULES[code] = ResultRule(code, severity, step, L_(title), check)
        return check

    return register


def _metrics(plan: Plan) -> dict[str, Metric]:
    return {m.id: m for m in plan.metrics or []}


def unknown_metric_hint(value: str, plan: Plan) -> Message:
    """The nearest metric id, and every id the plan has."""
    known = list(_metrics(plan))
    if not known:
        return L_("the plan has no metric yet: add them in step 4")
    listed = L_("the plan's metrics: {ids}", ids=", ".join(known))
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return L_("did you mean `{id}`? {listed}", id=close[0], listed=listed)
    return listed


@_rule("SMP901", "error", STEP, "A result names a metric the plan does not have")
def _unknown_metric(plan: Plan, results: Results) -> Iterator[Hit]:
    metrics = _metrics(plan)
    for i, entry in enumerate(results.results):
        if entry.metric not in metrics:
            yield Hit(
                ("results", i, "metric"),
                L_("unknown metric `{id}`", id=entry.metric),
                unknown_metric_hint(entry.metric, plan),
            )


@_rule("SMP902", "error", STEP, "A result or checkpoint lies outside the plan's span")
def _outside_span(plan: Plan, results: Results) -> Iterator[Hit]:
    project = plan.project
    start = project.date if project else None
    end = project.horizon if project else None
    dated: list[tuple[Loc, Entry | Checkpoint]] = [
        (("results", i, "period"), entry) for i, entry in enumerate(results.results)
    ]
    dated += [
        (("paths", metric, i, "period"), checkpoint)
        for metric, path in results.paths.items()
        for i, checkpoint in enumerate(path)
    ]
    for loc, entry in dated:
        when = entry.when
        if start is not None and when.end < start:
            yield Hit(
                loc,
                L_(
                    "period {period} ends before the plan's date ({date})",
                    period=entry.period,
                    date=start.isoformat(),
                ),
                L_("record results from the plan's date onwards"),
            )
        elif end is not None and when.start > end:
            yield Hit(
                loc,
                L_(
                    "period {period} starts after the plan's horizon ({date})",
                    period=entry.period,
                    date=end.isoformat(),
                ),
                L_("extend `project.horizon`, or check the year"),
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


@_rule("SMP903", "error", STEP, "A result's value is out of its metric's range")
def _out_of_range(plan: Plan, results: Results) -> Iterator[Hit]:
    metrics = _metrics(plan)
    for i, entry in enumerate(results.results):
        metric = metrics.get(entry.metric)
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


@_rule("SMP904", "error", STEP, "Two results give the same metric and period")
def _duplicate(plan: Plan, results: Results) -> Iterator[Hit]:
    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(results.results):
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


@_rule("SMP905", "error", STEP, "A planned path names a metric the plan does not have")
def _unknown_path(plan: Plan, results: Results) -> Iterator[Hit]:
    metrics = _metrics(plan)
    for metric in results.paths:
        if metric not in metrics:
            yield Hit(
                ("paths", metric),
                L_("path for unknown metric `{id}`", id=metric),
                unknown_metric_hint(metric, plan),
            )


def check_results(plan: Plan, results: Results, lang: str | None = None) -> list[Finding]:
    """Every finding of every results rule, in the file's order; deterministic."""
    with language(lang or current()):
        found = [
            Finding(
                rule.code,
                rule.severity,
                rule.step,
                hit.loc,
                str(hit.message),
                str(hit.hint) if hit.hint else None,
            )
            for rule in RESULT_RULES.values()
            for hit in rule.check(plan, results)
        ]
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
        if f.loc[0] == "results" and int(f.loc[1]) >= offset
    ]


def _order(loc: Loc) -> tuple[int, int, str]:
    """The planned paths, then the results in the file's order."""
    if loc and loc[0] == "paths":
        return (0, 0, "".join(str(part) for part in loc))
    return (1, int(loc[1]) if len(loc) > 1 else -1, str(loc[-1]))
