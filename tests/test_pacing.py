"""Where a metric stands: the expected value, pacing, status and projection, worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from smplan.plan.model import Plan
from smplan.plan.pacing import direction, elapsed_share, latest_period, standing, status_of
from smplan.plan.results import Entry, Results, Thresholds, parse_period

# The plan starts on 1 January 2027 and the metric is due on 11 April 2027: 100 days.
START = "2027-01-01"
DEADLINE = "2027-04-11"


def plan_with(**metric: object) -> Plan:
    fields = {"id": "m", "objective": "o", "deadline": DEADLINE, **metric}
    return Plan.model_validate(
        {
            "smplan": 1,
            "project": {"name": "P", "date": START, "horizon": "2027-12-31"},
            "objectives": [{"id": "o", "deadline": "2027-06-30"}],
            "metrics": [fields],
        }
    )


def at(plan: Plan, *figures: tuple[str, float], period: str | None = None, **thresholds: float):
    entries = [Entry(metric="m", period=p, value=v) for p, v in figures]
    metric = (plan.metrics or [])[0]
    return standing(
        plan,
        metric,
        entries,
        parse_period(period) if period else None,
        Thresholds(**thresholds),
    )


def test_the_expected_value_lies_on_the_straight_line_from_baseline_to_target():
    plan = plan_with(baseline=10, target=60)
    # 2027-01-31 is 30 days in: 30 % of the way, so 10 + 50 x 0.3 = 25 expected.
    found = at(plan, ("2027-01-31", 22))
    assert found.expected == pytest.approx(25)
    assert found.pacing == pytest.approx(12 / 15)
    assert found.status == "off_track"
    # At the same pace the line reaches 10 + 0.8 x 50 = 50 by the deadline.
    assert found.projection == pytest.approx(50)


def test_the_status_follows_the_thresholds_95_and_85_by_default():
    plan = plan_with(baseline=0, target=100)
    # 50 days in: 50 expected.
    assert at(plan, ("2027-02-20", 48)).status == "on_track"  # 96 %
    assert at(plan, ("2027-02-20", 47.5)).status == "on_track"  # 95 % exactly
    assert at(plan, ("2027-02-20", 45)).status == "at_risk"  # 90 %
    assert at(plan, ("2027-02-20", 42.5)).status == "at_risk"  # 85 % exactly
    assert at(plan, ("2027-02-20", 42)).status == "off_track"  # 84 %


def test_a_plan_may_set_its_own_thresholds():
    plan = plan_with(baseline=0, target=100)
    assert at(plan, ("2027-02-20", 45), on_track=80, at_risk=60).status == "on_track"
    assert at(plan, ("2027-02-20", 35), on_track=80, at_risk=60).status == "at_risk"
    assert at(plan, ("2027-02-20", 29), on_track=80, at_risk=60).status == "off_track"
    assert status_of(0.9) == "at_risk"
    assert status_of(0.9, thresholds=Thresholds(on_track=90)) == "on_track"


def test_a_lower_is_better_metric_is_on_track_when_it_goes_down_fast_enough():
    plan = plan_with(baseline=72, target=24, standard="response_time")
    assert direction((plan.metrics or [])[0]) == -1
    # 50 days in: 72 - 48 x 0.5 = 48 hours expected.
    fast = at(plan, ("2027-02-20", 46))
    assert fast.expected == pytest.approx(48)
    assert fast.pacing == pytest.approx(26 / 24)
    assert fast.status == "on_track"
    slow = at(plan, ("2027-02-20", 60))
    assert slow.pacing == pytest.approx(12 / 24)
    assert slow.status == "off_track"
    worse = at(plan, ("2027-02-10", 70), ("2027-02-20", 80))
    assert worse.pacing is not None and worse.pacing < 0
    assert worse.status == "off_track"
    assert worse.trend == "worse"
    better = at(plan, ("2027-02-10", 70), ("2027-02-20", 60))
    assert better.trend == "better"


def test_the_direction_comes_from_baseline_and_target_else_from_the_standard():
    assert direction((plan_with(baseline=0, target=6400, kind="cost").metrics or [])[0]) == 1
    assert direction((plan_with(baseline=13000, target=6500).metrics or [])[0]) == -1
    unknown = plan_with(baseline="unknown", target=250, standard="cost_per_acquisition")
    assert direction((unknown.metrics or [])[0]) == -1
    assert direction((plan_with(baseline="unknown", target=90).metrics or [])[0]) == 1


def test_an_unknown_baseline_is_taken_from_the_first_figure_on_its_date():
    plan = plan_with(baseline="unknown", target=90, deadline="2027-06-30")
    # The first figure, 62 at 2027-01-31, starts the line; 2027-03-31 is 59 of 150 days on.
    found = at(plan, ("2027-01", 62), ("2027-03", 70))
    assert found.baseline == 62
    assert found.start == dt.date(2027, 1, 31)
    expected = 62 + 28 * 59 / 150
    assert found.expected == pytest.approx(expected)
    assert found.pacing == pytest.approx(8 / (expected - 62))
    # With a single figure nothing is expected yet: no pacing, and nothing is late.
    first = at(plan, ("2027-01", 62))
    assert first.pacing is None
    assert first.status == "on_track"


def test_a_target_already_met_is_on_track_whatever_the_line_says():
    plan = plan_with(baseline=10, target=20)
    found = at(plan, ("2027-01-11", 25))
    assert found.met
    assert found.status == "on_track"
    assert found.pacing == pytest.approx(15 / 1)
    lower = plan_with(baseline=11, target=2)
    assert at(lower, ("2027-01-11", 1.5)).met
    assert not at(lower, ("2027-01-11", 2.5)).met


def test_a_zero_length_span_expects_the_target_at_once():
    # A metric due on the plan's own date: the whole span has gone by.
    plan = plan_with(baseline=10, target=20, deadline=START)
    assert elapsed_share(dt.date(2027, 1, 1), dt.date(2027, 1, 1), dt.date(2027, 1, 1)) == 1
    found = at(plan, ("2027-01-01", 15))
    assert found.expected == pytest.approx(20)
    assert found.pacing == pytest.approx(0.5)
    assert found.status == "off_track"
    # A deadline before the start is no span either, and does not divide by zero.
    early = at(plan_with(baseline=10, target=20, deadline="2026-12-01"), ("2027-01-05", 20))
    assert early.status == "on_track" and early.met


def test_a_target_that_holds_the_baseline_is_judged_against_the_target():
    plan = plan_with(baseline=4.5, target=4.5)
    assert at(plan, ("2027-02-01", 4.6)).status == "on_track"
    held = at(plan, ("2027-02-01", 4.0))
    assert held.pacing == pytest.approx(4.0 / 4.5)
    assert held.status == "at_risk"


def test_no_figure_means_no_data_and_no_target_says_so():
    assert at(plan_with(baseline=1, target=2)).status == "no_data"
    assert at(plan_with(baseline=1), ("2027-02", 3)).status == "no_target"


def test_figures_after_the_period_are_left_out_and_the_last_one_is_judged_on_its_date():
    plan = plan_with(baseline=0, target=100)
    found = at(plan, ("2027-01-21", 20), ("2027-03-02", 90), period="2027-02")
    assert found.last is not None and found.last.period == "2027-01-21"
    # Judged on 21 January (20 days in, 20 expected), not at the end of February.
    assert found.expected == pytest.approx(20)
    assert found.status == "on_track"


def test_a_projection_does_not_go_below_zero():
    plan = plan_with(baseline=19, target=2)
    found = at(plan, ("2027-01-11", 9))
    assert found.projection == 0


def test_periods_are_months_iso_weeks_or_days():
    assert parse_period("2027-02").start == dt.date(2027, 2, 1)
    assert parse_period("2027-02").end == dt.date(2027, 2, 28)
    assert parse_period("2028-02").end == dt.date(2028, 2, 29)
    week = parse_period("2027-W08")
    assert (week.start, week.end) == (dt.date(2027, 2, 22), dt.date(2027, 2, 28))
    assert parse_period("2027-03-15").end == dt.date(2027, 3, 15)
    for bad in ("2027-13", "2027-W54", "2027-02-30", "March", "27-03"):
        with pytest.raises(ValueError, match="write a month"):
            parse_period(bad)


def test_the_latest_period_prefers_the_month_to_its_last_week():
    results = Results(
        results=[
            Entry(metric="m", period="2027-W08", value=1),
            Entry(metric="m", period="2027-02", value=1),
            Entry(metric="m", period="2027-01", value=1),
        ]
    )
    latest = latest_period(results)
    assert latest is not None and latest.text == "2027-02"


def test_a_declared_path_bends_the_line_through_its_checkpoints():
    from smplan.plan.results import Checkpoint

    plan = plan_with(baseline=0, target=100)
    # A slow start: 10 by the end of January (day 30), then straight on to 100 on day 100.
    path = [Checkpoint(period="2027-01", value=10)]
    metric = (plan.metrics or [])[0]

    def on(day: str, value: float):
        return standing(plan, metric, [Entry(metric="m", period=day, value=value)], path=path)

    assert on("2027-01-16", 5).expected == pytest.approx(10 * 15 / 30)
    assert on("2027-01-31", 10).expected == pytest.approx(10)
    # 2027-03-02 is day 60: 30 of the 70 days from the checkpoint to the deadline.
    later = on("2027-03-02", 50)
    assert later.expected == pytest.approx(10 + 90 * 30 / 70)
    assert later.pacing == pytest.approx(50 / (10 + 90 * 30 / 70))
    # On the straight line 60 would be expected, and 50 would be at risk, not on track.
    assert later.status == "on_track"
    assert (
        on("2027-03-02", 50).status
        != standing(plan, metric, [Entry(metric="m", period="2027-03-02", value=50)]).status
    )


def test_a_path_is_read_from_the_results_file():
    from smplan.plan.pacing import standings

    plan = plan_with(baseline=0, target=100)
    results = Results.model_validate(
        {
            "paths": {"m": [{"period": "2027-01", "value": 10}]},
            "results": [{"metric": "m", "period": "2027-01-31", "value": 10}],
        }
    )
    (found,) = standings(plan, results)
    assert found.expected == pytest.approx(10)
    assert found.status == "on_track"


def test_without_a_plan_date_the_target_is_due_at_once_rather_than_nothing_expected():
    plan = Plan.model_validate(
        {"smplan": 1, "metrics": [{"id": "m", "baseline": 10, "target": 20}]}
    )
    metric = (plan.metrics or [])[0]
    found = standing(plan, metric, [Entry(metric="m", period="2027-02", value=12)])
    assert found.start is None and found.deadline is None
    assert found.expected == 20
    assert found.pacing == pytest.approx(0.2)
    assert found.status == "off_track"


# --- said as a person says it -------------------------------------------------------------


def test_a_metric_is_not_judged_before_its_figures_cover_its_frequency():
    # Two weeks into the plan, a monthly rating says nothing yet, however it moved.
    monthly = plan_with(baseline=4.5, target=4.8, frequency="monthly")
    early = at(monthly, ("2027-W02", 4.5))
    assert early.status == "too_early" and early.pace is None and early.projection is None
    assert early.expected is not None  # what was expected is still known
    assert at(monthly, ("2027-01", 4.5)).status == "off_track"  # a whole month is enough
    # A weekly count is judged after its first week.
    weekly = plan_with(baseline=10, target=20, frequency="weekly")
    assert at(weekly, ("2027-W01", 11)).status != "too_early"
    # A target already met is met, however early.
    assert at(monthly, ("2027-W02", 4.9)).status == "on_track"


def test_a_figure_below_the_baseline_reads_as_below_the_starting_point():
    plan = plan_with(baseline=9, target=4)  # fewer calls is better
    s = at(plan, ("2027-02-01", 11))
    assert s.status == "off_track" and s.pace == "below_start"
    assert s.pacing is not None and s.pacing < 0  # kept for machines, never printed
    assert s.projection is None  # no "projected 0"


@pytest.mark.parametrize(
    ("pacing", "pace"), [(1.3, "ahead"), (1.0, "on_pace"), (0.96, "on_pace"), (0.9, "behind")]
)
def test_pacing_is_said_as_a_word(pacing, pace):
    from smplan.plan.pacing import pace_of

    assert pace_of(pacing, met=False) == pace


def test_figures_are_rounded_as_a_person_says_them_and_never_minus_zero():
    from smplan.plan.pacing import as_said, counts_things

    plan = plan_with(baseline=3, target=15)
    metric = (plan.metrics or [])[0]
    assert counts_things(metric) and as_said(6.92, True) == 7
    rating = plan_with(baseline=4.5, target=4.7)
    assert not counts_things((rating.metrics or [])[0]) and as_said(4.5912, False) == 4.6
    assert str(as_said(-0.04, False)) == "0.0" and str(as_said(-0.4, True)) == "0.0"
