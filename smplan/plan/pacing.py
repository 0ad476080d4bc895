"""Where each metric stands: the value expected by now, pacing, status and projection.

The arithmetic is the one agencies use. The value expected at a date lies on the
straight line from the baseline, on the plan's date, to the target, on the metric's
deadline. Pacing is the progress made over the progress expected by then: 100 % is
exactly on the line. A metric is on track from 95 % pacing, at risk from 85 % and off
track below (the results file may set other thresholds). Progress is measured in the
direction of the target, so a metric whose target is below its baseline (a cost per
acquisition, a response time) is on track when it goes down. A metric whose path is
not straight (a seasonal business) has checkpoints in the results file, and the line
runs through them.

Everything here is pure: plain numbers and dates in, plain dataclasses out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from smplan.plan.model import Metric, Objective, Plan, Standard
from smplan.plan.results import Checkpoint, Entry, Period, Results, Thresholds

Status = Literal["on_track", "at_risk", "off_track", "no_data", "no_target", "too_early"]
Trend = Literal["better", "worse", "flat"]
#: Pacing in words: ahead of the pace the target needs, on it, behind it, or below the
#: starting point (the figure moved away from the target).
Pace = Literal["ahead", "on_pace", "behind", "below_start"]
#: Pacing above this is ahead of the pace, not merely on it.
AHEAD = 1.05
#: The days of figures a metric needs before it is judged, by how often it is measured: a
#: monthly figure says nothing after two weeks.
ENOUGH_DAYS = {"daily": 1, "weekly": 7, "monthly": 28, "quarterly": 84, "yearly": 336}
#: Standard definitions where less is better, whatever the baseline and target say.
LOWER_IS_BETTER = frozenset({Standard.cost_per_acquisition, Standard.response_time})


def direction(metric: Metric) -> int:
    """+1 when a higher value is better, -1 when a lower one is.

    The baseline and target say it when both are known and differ; otherwise the
    standard definition does (a cost per acquisition or a response time goes down).
    """
    baseline = metric.baseline
    if isinstance(baseline, float | int) and metric.target is not None:
        if metric.target != baseline:
            return 1 if metric.target > baseline else -1
    return -1 if metric.standard in LOWER_IS_BETTER else 1


def elapsed_share(start: dt.date, deadline: dt.date, at: dt.date) -> float:
    """The share of the span from `start` to `deadline` gone by at `at`, from 0 to 1.

    A span of no length (a deadline on or before the start) is all gone by.
    """
    days = (deadline - start).days
    if days <= 0:
        return 1.0
    return min(max((at - start).days / days, 0.0), 1.0)


def expected_value(baseline: float, target: float, share: float) -> float:
    """The value on the straight line from baseline to target, `share` of the way along."""
    return baseline + (target - baseline) * share


def expected_on_path(
    start: dt.date,
    baseline: float,
    deadline: dt.date,
    target: float,
    at: dt.date,
    checkpoints: Sequence[Checkpoint] = (),
) -> float:
    """The value expected at `at` on the line through the baseline, the checkpoints
    that fall inside the span, and the target: straight between each two of them."""
    points = [(start, baseline)]
    points += sorted((c.when.end, c.value) for c in checkpoints if start < c.when.end < deadline)
    points.append((max(deadline, start), target))
    if at <= start:
        return baseline if deadline > start else target
    for (d0, v0), (d1, v1) in zip(points, points[1:], strict=False):
        if at <= d1:
            return expected_value(v0, v1, elapsed_share(d0, d1, at))
    return target


#: The largest pacing told apart, as a ratio (a hundred million percent). A figure far
#: from a line that barely moves would otherwise pace at infinity, which no report,
#: chart or JSON reader can hold; past this, more says nothing more.
MAX_PACING = 1e6


def bounded(ratio: float) -> float:
    """`ratio` within plus or minus MAX_PACING: always a finite number."""
    return max(-MAX_PACING, min(MAX_PACING, ratio))


def pacing(baseline: float, actual: float, expected: float) -> float | None:
    """Progress made over progress expected (1.0 is on the line); None when none is expected."""
    wanted = expected - baseline
    if wanted == 0:
        return None
    return bounded((actual - baseline) / wanted)


def status_of(
    value: float | None, *, met: bool = False, thresholds: Thresholds | None = None
) -> Status:
    """The status a pacing (a ratio, 1.0 on the line) earns under `thresholds`."""
    thresholds = thresholds or Thresholds()
    if met:
        return "on_track"
    if value is None:
        return "on_track"
    if value * 100 >= thresholds.on_track:
        return "on_track"
    if value * 100 >= thresholds.at_risk:
        return "at_risk"
    return "off_track"


@dataclass(frozen=True)
class Standing:
    """Where one metric stands at the end of one period."""

    metric: Metric
    direction: int
    start: dt.date | None
    deadline: dt.date | None
    #: The figures recorded up to the period, oldest first.
    history: tuple[Entry, ...]
    baseline: float | None
    last: Entry | None
    expected: float | None
    pacing: float | None
    status: Status
    met: bool
    projection: float | None
    trend: Trend | None
    #: The figure before the last one, for "against last month".
    previous: Entry | None
    #: The pacing in words, once the metric is judged.
    pace: Pace | None = None


def deadline_of(plan: Plan, metric: Metric) -> dt.date | None:
    """When a metric's target is due: its own deadline, else its objective's, else the horizon."""
    if metric.deadline:
        return metric.deadline
    for objective in plan.objectives or []:
        if objective.id == metric.objective and objective.deadline:
            return objective.deadline
    return plan.project.horizon if plan.project else None


def standing(
    plan: Plan,
    metric: Metric,
    entries: Sequence[Entry],
    at: Period | None = None,
    thresholds: Thresholds | None = None,
    path: Sequence[Checkpoint] = (),
) -> Standing:
    """Where `metric` stands at the end of period `at` (default: its latest figure).

    The last figure up to `at` is compared with the value expected on that figure's own
    date, on the straight line or along the `path` of checkpoints. An unknown baseline is
    taken from the first figure recorded, on its date.
    """
    way = direction(metric)
    history = sorted(
        (e for e in entries if e.metric == metric.id and (at is None or e.when.end <= at.end)),
        key=lambda e: e.when,
    )
    start = plan.project.date if plan.project else None
    deadline = deadline_of(plan, metric)
    baseline = metric.baseline if isinstance(metric.baseline, float | int) else None
    if baseline is None and history:
        baseline, start = history[0].value, history[0].when.end
    last = history[-1] if history else None
    previous = history[-2] if len(history) > 1 else None
    target = metric.target
    trend: Trend | None = None
    if last is not None and previous is not None:
        change = (last.value - previous.value) * way
        trend = "better" if change > 0 else "worse" if change < 0 else "flat"
    common = {
        "metric": metric,
        "direction": way,
        "start": start,
        "deadline": deadline,
        "history": tuple(history),
        "baseline": baseline,
        "last": last,
        "previous": previous,
        "trend": trend,
    }
    if last is None:
        return Standing(
            **common,  # type: ignore[arg-type]
            expected=None,
            pacing=None,
            status="no_data",
            met=False,
            projection=None,
        )
    if target is None:
        return Standing(
            **common,  # type: ignore[arg-type]
            expected=None,
            pacing=None,
            status="no_target",
            met=False,
            projection=None,
        )
    met = (last.value - target) * way >= 0
    expected = ratio = projection = None
    if baseline is not None:
        if start is not None and deadline is not None:
            # A figure is judged on its own date: a quarterly figure is not late in between.
            share = elapsed_share(start, deadline, last.when.end)
            expected = expected_on_path(start, baseline, deadline, target, last.when.end, path)
        else:
            # Without the plan's date or a deadline there is no span: the target is due now.
            share, expected = 1.0, target
        ratio = pacing(baseline, last.value, expected)
        if ratio is not None:
            # At the pace so far, the line through the baseline and the last figure.
            projection = baseline + ratio * (target - baseline)
            if min(baseline, target) >= 0:
                # A count or a duration that cannot go below zero, whatever the pace says.
                projection = max(projection, 0.0)
        elif share >= 1:
            projection = last.value
    if ratio is None and not met and baseline is not None and baseline == target:
        # A target that only asks to hold the baseline: how far the figure is from it.
        ratio = _attainment(last.value, target, way)
    status = status_of(ratio, met=met, thresholds=thresholds)
    if not met and start is not None and not enough_data(metric, start, last):
        status = "too_early"
    below = ratio is not None and ratio < 0 and not met
    return Standing(
        **common,  # type: ignore[arg-type]
        expected=expected,
        pacing=ratio,
        status=status,
        met=met,
        # Below the starting point, or too early, the pace so far projects nothing worth saying.
        projection=None if below or status == "too_early" else projection,
        pace=None if status == "too_early" else pace_of(ratio, met, thresholds),
    )


def enough_data(metric: Metric, start: dt.date, last: Entry) -> bool:
    """Whether the figures up to `last` cover enough time to judge a metric measured as
    often as it is: a monthly metric needs four weeks, a quarterly one twelve."""
    needed = ENOUGH_DAYS.get(str(metric.frequency), 0)
    return (last.when.end - start).days + 1 >= needed


def pace_of(ratio: float | None, met: bool, thresholds: Thresholds | None = None) -> Pace | None:
    """A pacing in words: ahead, on pace, behind, or below the starting point."""
    if met:
        return "ahead" if ratio is None or ratio >= AHEAD else "on_pace"
    if ratio is None:
        return None
    if ratio < 0:
        return "below_start"
    if ratio >= AHEAD:
        return "ahead"
    return "on_pace" if ratio * 100 >= (thresholds or Thresholds()).on_track else "behind"


def _attainment(actual: float, target: float, way: int) -> float | None:
    if target == 0 or actual == 0:
        return 0.0 if way > 0 else None
    return bounded(actual / target if way > 0 else target / actual)


def counts_things(metric: Metric, history: Sequence[Entry] = ()) -> bool:
    """Whether a metric counts things (orders, calls): every value it has is whole."""
    values = [metric.baseline, metric.target, *(e.value for e in history)]
    return all(float(v).is_integer() for v in values if isinstance(v, float | int))


def as_said(value: float, whole: bool) -> float:
    """A figure rounded as a person says it: a count whole, anything else to one decimal,
    and never minus zero."""
    return (round(value) if whole else round(value, 1)) or 0.0


def standings(plan: Plan, results: Results, at: Period | None = None) -> list[Standing]:
    """Every metric of the plan, in the plan's order, at the end of period `at`."""
    return [
        standing(
            plan, metric, results.results, at, results.thresholds, results.paths.get(metric.id, ())
        )
        for metric in plan.metrics or []
    ]


def latest_period(results: Results) -> Period | None:
    """The last period any figure was recorded for."""
    periods = [e.when for e in results.results]
    # Of the periods that end last, the longest: February rather than its last week.
    return max(periods, key=lambda p: (p.end, -p.start.toordinal())) if periods else None


def moved(standing: Standing) -> int:
    """How the last figure moved from the one before: 1 up, -1 down, 0 not at all."""
    if standing.last is None or standing.previous is None:
        return 0
    change = standing.last.value - standing.previous.value
    return 1 if change > 0 else -1 if change < 0 else 0


def by_objective(
    plan: Plan, found: Sequence[Standing]
) -> list[tuple[Objective | None, list[Standing]]]:
    """The standings under their objectives, in the plan's order; those of no known
    objective last, under None."""
    groups: list[tuple[Objective | None, list[Standing]]] = []
    known = set()
    for objective in plan.objectives or []:
        known.add(objective.id)
        groups.append((objective, [s for s in found if s.metric.objective == objective.id]))
    rest = [s for s in found if s.metric.objective not in known]
    if rest:
        groups.append((None, rest))
    return groups
