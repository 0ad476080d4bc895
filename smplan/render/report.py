"""The client's results report for one period: what we set out to do, where each
objective stands, channel by channel, and what comes next.

Like the strategy document, the report is computed here as plain display-ready data and
laid out by templates (`report.md.j2`, `report.html.j2`; PDF and Word from the HTML),
in the plan's language, through the same sandboxed environment, brand templates
included. Nothing reads the clock: the same plan, results and period give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from smplan import __version__
from smplan.calendar import build_calendar, channel_keys
from smplan.errors import CalendarError
from smplan.i18n import L_, LN_, N_, Formatter, language
from smplan.plan.labels import (
    PACE_SYMBOLS,
    STATUS_SYMBOLS,
    TREND_ARROWS,
    platform_name,
    value_label,
)
from smplan.plan.meta import MEMBER, names
from smplan.plan.model import Channel, Plan
from smplan.plan.pacing import (
    Standing,
    as_said,
    by_objective,
    counts_things,
    elapsed_share,
    moved,
    standings,
)
from smplan.plan.results import Period, Results, add_months, month_end
from smplan.render.charts import sparkline, trend_chart
from smplan.render.environment import render_template
from smplan.render.formats import FORMATS, RenderOptions
from smplan.render.labels import labels
from smplan.render.theme import dress

#: The statuses that call for a next action and its owner.
ATTENTION = ("off_track", "at_risk")


@dataclass(frozen=True)
class MetricLine:
    """One metric as the report prints it, every figure rounded as a person says it."""

    id: str
    name: str
    unit: str | None
    #: The unit when it is a sign written after each figure (%, €); None for a word.
    sign: str | None
    owner: str | None
    baseline: str | None
    actual: str | None
    #: The period of the last figure, in words: February 2027, week of 15 February 2027.
    actual_period: str | None
    previous: str | None
    expected: str | None
    target: str | None
    deadline: str | None
    pacing: str | None
    status: str
    status_label: str
    symbol: str
    #: The pacing as a word and a symbol: ▲ ahead, ● on pace, ▼ behind, ▽ below the start.
    pace: str | None
    trend: str | None
    projection: str | None
    met: bool
    note: str | None
    #: What will be done next, from the results file, when the metric lags.
    action: str | None
    spark: str
    chart: Any


@dataclass(frozen=True)
class ObjectiveLine:
    """An objective and its metrics."""

    id: str
    statement: str
    primary: bool
    deadline: str | None
    counts: str
    metrics: list[MetricLine]


@dataclass(frozen=True)
class ChannelLine:
    """A channel: what it did over the period, and how its metrics stand, in one line each."""

    platform: str
    owner: str | None
    counts: str
    #: (label, value) pairs: the posts planned in the period, time, budget, campaigns.
    figures: list[tuple[str, str]]
    metrics: list[MetricLine]


@dataclass(frozen=True)
class Report:
    """Everything the report templates print, for one plan, one period, one language."""

    lang: str
    title: str
    organization: str | None
    author: str | None
    date: str | None
    description: str
    draft: bool
    period: str
    period_label: str
    through: str
    #: Where we stand, in one sentence.
    headline: str
    #: What pacing means, said once.
    pacing_note: str
    #: The day the report is issued, in words, and as a date for the PDF's metadata.
    issued: str
    issued_on: dt.date
    counts: str
    summary: bool
    has_results: bool
    aims: list[str]
    objectives: list[ObjectiveLine]
    channels: list[ChannelLine]
    next_review: str | None
    attention: list[MetricLine]
    no_data: list[str]


def period_label(period: Period, fmt: Formatter) -> str:
    """A period as a reader says it: March 2027, week of 15 March 2027, 15 March 2027."""
    from babel.dates import format_date

    if period.kind == "month":
        return str(format_date(period.start, format="LLLL y", locale=fmt.locale))
    if period.kind == "week":
        return str(L_("week of {date}", date=fmt.date(period.start)))
    return fmt.date(period.end) or period.text


def _next_review_date(period: Period, cadence: str | None) -> dt.date:
    end = period.end
    if cadence == "daily":
        return end + dt.timedelta(days=1)
    if cadence == "weekly":
        return end + dt.timedelta(days=7)
    months = {"quarterly": 3, "yearly": 12}.get(cadence or "", 1)
    return month_end(*add_months(end.year, end.month, months))


def _symbolic(unit: str | None) -> bool:
    """Whether a unit is a sign written after a number (%, €), not a word that has plurals."""
    return bool(unit) and not any(c.isalpha() for c in unit or "")


#: The headline's second half, by the primary metric's pace.
_PRIMARY = {
    "ahead": N_("{name} is ahead of the pace needed to reach its target"),
    "on_pace": N_("{name} is on the pace needed to reach its target"),
    "behind": N_("{name} is behind the pace needed to reach its target"),
    "below_start": N_("{name} is below its starting point"),
}


class _Builder:
    def __init__(
        self,
        plan: Plan,
        results: Results,
        period: Period,
        summary: bool,
        lang: str,
        issued: dt.date,
    ) -> None:
        self.plan = plan
        self.results = results
        self.period = period
        self.summary = summary
        self.t = labels()
        self.lang = lang
        self.fmt = Formatter(lang, plan.currency)
        self.members = names(plan, MEMBER)
        self.issued = issued

    def number(self, value: float | None, whole: bool = False) -> str | None:
        """A figure as a person says it: a count whole, anything else to one decimal."""
        if value is None:
            return None
        return self.fmt.number(as_said(value, whole))

    def percent(self, ratio: float | None) -> str | None:
        """A ratio (1.25) as a whole percentage (125 %), never "-0 %"."""
        return None if ratio is None else self.fmt.percent(round(ratio * 100) or 0)

    def counts(self, found: list[Standing]) -> str:
        tally = {s: sum(1 for x in found if x.status == s) for s in ATTENTION + ("on_track",)}
        said = str(L_("{on_track} on track, {at_risk} at risk, {off_track} off track", **tally))
        # Every metric is counted: those not judged yet are said apart.
        rest = [
            (sum(1 for x in found if x.status == "too_early"), _TOO_EARLY),
            (sum(1 for x in found if x.status == "no_data"), _NO_FIGURES),
            (sum(1 for x in found if x.status == "no_target"), _NO_TARGET),
        ]
        return ", ".join([said, *(str(L_(m, n=n)) for n, m in rest if n)])

    def pace(self, s: Standing) -> str | None:
        if s.pace is None:
            return None
        word = value_label("pace", s.pace) or s.pace
        return f"{PACE_SYMBOLS[s.pace]} {word}"

    def line(self, s: Standing) -> MetricLine:
        m = s.metric
        whole = counts_things(m, s.history)
        baseline = m.baseline if isinstance(m.baseline, float | int) else None
        points: list[tuple[float, float]] = []
        plan_line = None
        if s.start is not None:
            span_end = self.period.end
            for entry in s.history:
                x = elapsed_share(s.start, span_end, entry.when.end)
                points.append((x, entry.value))
            if s.baseline is not None and s.expected is not None:
                plan_line = ((0.0, s.baseline), (1.0, s.expected))
                if baseline is not None:
                    points.insert(0, (0.0, baseline))
        trend = None
        if s.trend is not None:
            trend = f"{TREND_ARROWS[moved(s)]} {value_label('trend', s.trend)}"
        status_label = value_label("status", s.status) or s.status
        name = m.name or m.id
        t = self.t
        return MetricLine(
            id=m.id,
            name=name,
            unit=m.unit,
            sign=m.unit if _symbolic(m.unit) else None,
            owner=self.members.get(m.owner, m.owner) if m.owner else None,
            baseline=self.number(baseline, whole) if baseline is not None else t["unknown_yet"],
            actual=self.number(s.last.value, whole) if s.last else None,
            actual_period=period_label(s.last.when, self.fmt) if s.last else None,
            previous=self.number(s.previous.value, whole) if s.previous else None,
            expected=self.number(s.expected, whole),
            target=self.number(m.target, whole),
            deadline=self.fmt.date(s.deadline),
            pacing=None if s.pace in (None, "below_start") else self.percent(s.pacing),
            status=s.status,
            status_label=status_label,
            symbol=STATUS_SYMBOLS[s.status],
            pace=self.pace(s),
            trend=trend,
            projection=self.number(s.projection, whole) if not s.met else None,
            met=s.met,
            note=s.last.note if s.last else None,
            action=s.last.action if s.last else None,
            spark=sparkline([e.value for e in s.history]),
            chart=trend_chart(
                points, plan_line, title=f"{name}: {status_label}", legend=self.legend()
            )
            if points
            else None,
        )

    def legend(self) -> tuple[str, str]:
        return str(_LEGEND_FIGURES), str(_LEGEND_PLAN)

    def headline(self, found: list[Standing], period: str) -> str:
        """Where we stand, in one sentence that opens with the period."""
        label = period[:1].upper() + period[1:]
        if not any(s.last is not None for s in found):
            return str(L_("{period}: no figure is recorded yet.", period=label))
        on = sum(1 for s in found if s.status == "on_track")
        counted = LN_(
            "{n} of {total} metric on track",
            "{n} of {total} metrics on track",
            len(found),
            n=on,
            total=len(found),
        )
        primary = next((o for o in self.plan.objectives or [] if o.primary), None)
        lead = next(
            (s for s in found if primary and s.metric.objective == primary.id and s.last), None
        )
        if lead is None:
            return str(L_("{period}: {counts}.", period=label, counts=counted))
        name = lead.metric.name or lead.metric.id
        if lead.pace is None:
            said = L_("it is too early to judge {name}", name=name)
        else:
            said = L_(_PRIMARY[lead.pace], name=name)
        return str(L_("{period}: {counts}; {primary}.", period=label, counts=counted, primary=said))

    def next_review(self) -> str | None:
        reviews = self.plan.team.reviews if self.plan.team else []
        if not reviews:
            return None
        wanted = {"month": "monthly", "week": "weekly"}.get(self.period.kind)
        review = next((r for r in reviews if r.cadence == wanted), reviews[0])
        when = self.fmt.date(_next_review_date(self.period, review.cadence))
        owner = self.members.get(review.owner, review.owner) if review.owner else None
        what = review.what or value_label("frequency", review.cadence) or ""
        if owner:
            return str(L_("{what}, run by {owner}, by {date}", what=what, owner=owner, date=when))
        return str(L_("{what}, by {date}", what=what, date=when))

    def channel_figures(
        self, channel: Channel, key: str, posts: dict[str, int]
    ) -> list[tuple[str, str]]:
        """What a channel did over the period and what it takes, beside its metrics."""
        label = period_label(self.period, self.fmt)
        figures = []
        if key in posts:
            planned = str(L_("Posts planned in {period}", period=label))
            figures.append((planned, self.fmt.number(posts[key]) or "0"))
        if channel.hours_per_week is not None:
            hours = self.fmt.hours(channel.hours_per_week) or ""
            figures.append((str(_TIME), str(L_("{hours} a week", hours=hours))))
        if channel.budget_per_month:
            money = self.fmt.money(channel.budget_per_month) or ""
            figures.append((str(_BUDGET), str(L_("{amount} a month", amount=money))))
        running = [
            c.name
            for c in self.plan.campaigns or []
            if c.start
            and channel.id in c.channels
            and c.start <= self.period.end
            and (c.end or c.start) >= self.period.start
        ]
        if running:
            figures.append((str(_CAMPAIGNS), ", ".join(n or "—" for n in running)))
        return figures

    def planned_posts(self) -> dict[str, int]:
        """How many posts the calendar dates in the period, by channel key."""
        try:
            content = build_calendar(self.plan, self.period.start, self.period.end, self.lang)
        except CalendarError:
            return {}
        counted: dict[str, int] = {}
        for post in content.posts:
            counted[post.channel] = counted.get(post.channel, 0) + 1
        return counted

    def build(self) -> Report:
        plan, t = self.plan, self.t
        project = plan.project
        found = standings(plan, self.results, self.period)
        lines = {s.metric.id: self.line(s) for s in found}
        objectives = [
            ObjectiveLine(
                id=o.id if o else "",
                statement=(o.statement or o.id) if o else t["unlinked_metrics"],
                primary=bool(o and o.primary),
                deadline=self.fmt.date(o.deadline) if o else None,
                counts=self.counts(group),
                metrics=[lines[s.metric.id] for s in group],
            )
            for o, group in by_objective(plan, found)
        ]
        by_id = {s.metric.id: s for s in found}
        posts = self.planned_posts()
        channels = []
        for c, key in zip(plan.channels or [], channel_keys(plan), strict=True):
            group = [by_id[i] for i in c.metrics if i in by_id]
            figures = self.channel_figures(c, key, posts)
            if group or figures:
                channels.append(
                    ChannelLine(
                        platform=platform_name(c.platform) if c.platform else "—",
                        owner=self.members.get(c.owner, c.owner) if c.owner else None,
                        counts=self.counts(group),
                        figures=figures,
                        metrics=[lines[s.metric.id] for s in group],
                    )
                )
        label = period_label(self.period, self.fmt)
        title = (project.name if project else None) or t["default_title"]
        organization = project.organization if project else None
        issued = self.fmt.date(self.issued) or self.issued.isoformat()
        return Report(
            lang=self.lang,
            title=title,
            organization=organization,
            author=project.author if project else None,
            date=issued,
            description=f"{t['report_kind']} — {label}",
            draft=False,
            period=self.period.text,
            period_label=label,
            through=str(L_("Results up to the end of {period}", period=label)),
            headline=self.headline(found, label),
            pacing_note=str(_PACING_NOTE),
            issued=str(L_("Issued on {date}", date=issued)),
            issued_on=self.issued,
            counts=self.counts(found),
            summary=self.summary,
            has_results=any(s.last is not None for s in found),
            aims=[o.statement or o.id for o in plan.objectives or []],
            objectives=objectives,
            channels=channels,
            next_review=self.next_review(),
            attention=[
                lines[s.metric.id]
                for s in sorted(found, key=lambda s: _worry(s.status))
                if s.status in ATTENTION
            ],
            no_data=[lines[s.metric.id].name for s in found if s.status == "no_data"],
        )


_TOO_EARLY = N_("{n} too early to judge")
_NO_FIGURES = N_("{n} without figures")
_NO_TARGET = N_("{n} without a target")
_TIME = L_("Time it takes")
_BUDGET = L_("Budget")
_CAMPAIGNS = L_("Campaigns")
_LEGEND_FIGURES = L_("figures")
_LEGEND_PLAN = L_("planned pace")
_PACING_NOTE = L_(
    "Pacing compares the progress made since the starting point with the progress needed "
    "by now to reach the target on time: at 100% a metric is exactly on pace. ▲ ahead, "
    "● on pace, ▼ behind, ▽ below the starting point."
)


def _worry(status: str) -> int:
    return ATTENTION.index(status) if status in ATTENTION else len(ATTENTION)


def build_report(
    plan: Plan,
    results: Results,
    period: Period,
    *,
    lang: str | None = None,
    summary: bool = False,
    issued: dt.date | None = None,
) -> Report:
    """The report's content for `plan` at the end of `period`, in `lang` or the plan's,
    issued on `issued` (the period's last day by default: never the clock)."""
    with language(lang or plan.language) as speaks:
        return _Builder(plan, results, period, summary, speaks, issued or period.end).build()


def render_report(
    plan: Plan,
    results: Results,
    period: Period,
    options: RenderOptions,
    base_dir: Path | None = None,
    issued: dt.date | None = None,
) -> str | bytes:
    """The report in the format `options` names: text, or bytes for a binary format."""
    fmt = FORMATS[options.fmt]
    kind = fmt.template
    with language(options.lang or plan.language) as lang:
        doc = build_report(plan, results, period, lang=lang, summary=options.summary, issued=issued)
        created = dt.datetime.combine(doc.issued_on, dt.time(), tzinfo=dt.UTC)
        context = {
            "doc": doc,
            "t": labels(),
            "lang": lang,
            "generator": f"smplan {__version__}",
            "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            **dress(
                plan.project.theme if plan.project else None,
                lang,
                asked=options.theme,
                paper=options.paper,
                base_dir=base_dir,
            ),
        }
    text = render_template(kind, f"report.{kind}.j2", context, options.template_dir, lang)
    return fmt.convert(text, plan, replace(options, fmt="html"), base_dir, stamp=created)
