"""The client's results report for one period: what we set out to do, where each
objective stands, channel by channel, and what comes next.

Like the strategy document, the report is computed here as plain display-ready data and
laid out by templates (`report.md.j2`, `report.html.j2`, and the PDF from the HTML),
in the plan's language, through the same sandboxed environment, brand templates
included. Nothing reads the clock: the same plan, results and period give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from smplan import __version__
from smplan.i18n import L_, Formatter, language
from smplan.plan.labels import STATUS_SYMBOLS, TREND_ARROWS, platform_name, value_label
from smplan.plan.meta import MEMBER, names
from smplan.plan.model import Plan
from smplan.plan.pacing import Standing, by_objective, elapsed_share, moved, standings
from smplan.plan.results import Period, Results, add_months, month_end
from smplan.render.charts import sparkline, trend_chart
from smplan.render.docx import html_to_docx
from smplan.render.environment import render_template, source_date
from smplan.render.formats import FORMATS, RenderOptions
from smplan.render.labels import labels
from smplan.render.pdf import html_to_pdf

#: The statuses that call for a next action and its owner.
ATTENTION = ("off_track", "at_risk")


@dataclass(frozen=True)
class MetricLine:
    """One metric as the report prints it."""

    id: str
    name: str
    unit: str | None
    owner: str | None
    baseline: str | None
    actual: str | None
    actual_period: str | None
    previous: str | None
    expected: str | None
    target: str | None
    deadline: str | None
    pacing: str | None
    status: str
    status_label: str
    symbol: str
    trend: str | None
    projection: str | None
    met: bool
    note: str | None
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
    """A channel and the metrics that judge it."""

    platform: str
    owner: str | None
    counts: str
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
    """A period as a reader says it: March 2027, week 11 of 2027, 15 March 2027."""
    from babel.dates import format_date

    if period.kind == "month":
        return str(format_date(period.start, format="LLLL y", locale=fmt.locale))
    if period.kind == "week":
        year, week, _ = period.start.isocalendar()
        return str(L_("week {week} of {year}", week=week, year=str(year)))
    return fmt.date(period.end) or period.text


def _next_review_date(period: Period, cadence: str | None) -> dt.date:
    end = period.end
    if cadence == "daily":
        return end + dt.timedelta(days=1)
    if cadence == "weekly":
        return end + dt.timedelta(days=7)
    months = {"quarterly": 3, "yearly": 12}.get(cadence or "", 1)
    return month_end(*add_months(end.year, end.month, months))


class _Builder:
    def __init__(
        self, plan: Plan, results: Results, period: Period, summary: bool, lang: str
    ) -> None:
        self.plan = plan
        self.results = results
        self.period = period
        self.summary = summary
        self.t = labels()
        self.lang = lang
        self.fmt = Formatter(lang, plan.currency)
        self.members = names(plan, MEMBER)

    def number(self, value: float | None, unit: str | None = None) -> str | None:
        shown = self.fmt.number(value)
        if shown is None:
            return None
        return f"{shown} {unit}" if unit else shown

    def counts(self, found: list[Standing]) -> str:
        tally = {s: sum(1 for x in found if x.status == s) for s in ATTENTION + ("on_track",)}
        return str(
            L_(
                "{on_track} on track, {at_risk} at risk, {off_track} off track",
                **tally,
            )
        )

    def line(self, s: Standing) -> MetricLine:
        m = s.metric
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
        return MetricLine(
            id=m.id,
            name=name,
            unit=m.unit,
            owner=self.members.get(m.owner, m.owner) if m.owner else None,
            baseline=self.number(baseline) if baseline is not None else self.t["unknown_yet"],
            actual=self.number(s.last.value) if s.last else None,
            actual_period=s.last.period if s.last else None,
            previous=self.number(s.previous.value) if s.previous else None,
            expected=self.number(s.expected),
            target=self.number(m.target),
            deadline=self.fmt.date(s.deadline),
            pacing=self.fmt.percent(s.pacing * 100) if s.pacing is not None else None,
            status=s.status,
            status_label=status_label,
            symbol=STATUS_SYMBOLS[s.status],
            trend=trend,
            projection=self.number(s.projection) if not s.met else None,
            met=s.met,
            note=s.last.note if s.last else None,
            spark=sparkline([e.value for e in s.history]),
            chart=trend_chart(points, plan_line, title=f"{name}: {status_label}")
            if points
            else None,
        )

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
        channels = []
        for c in plan.channels or []:
            group = [by_id[i] for i in c.metrics if i in by_id]
            if group:
                channels.append(
                    ChannelLine(
                        platform=platform_name(c.platform) if c.platform else "—",
                        owner=self.members.get(c.owner, c.owner) if c.owner else None,
                        counts=self.counts(group),
                        metrics=[lines[s.metric.id] for s in group],
                    )
                )
        label = period_label(self.period, self.fmt)
        title = (project.name if project else None) or t["default_title"]
        organization = project.organization if project else None
        return Report(
            lang=self.lang,
            title=title,
            organization=organization,
            author=project.author if project else None,
            date=label,
            description=f"{t['report_kind']} — {label}",
            draft=False,
            period=self.period.text,
            period_label=label,
            through=str(L_("Results up to the end of {period}", period=label)),
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


def _worry(status: str) -> int:
    return ATTENTION.index(status) if status in ATTENTION else len(ATTENTION)


def build_report(
    plan: Plan, results: Results, period: Period, *, lang: str | None = None, summary: bool = False
) -> Report:
    """The report's content for `plan` at the end of `period`, in `lang` or the plan's."""
    with language(lang or plan.language) as speaks:
        return _Builder(plan, results, period, summary, speaks).build()


def render_report(
    plan: Plan,
    results: Results,
    period: Period,
    options: RenderOptions,
    base_dir: Path | None = None,
) -> str | bytes:
    """The report in the format `options` names: text for md and html, bytes for PDF and
    DOCX."""
    kind = FORMATS[options.fmt].template
    created = source_date(plan)
    with language(options.lang or plan.language) as lang:
        context = {
            "doc": build_report(plan, results, period, lang=lang, summary=options.summary),
            "t": labels(),
            "lang": lang,
            "generator": f"smplan {__version__}",
            "created": created.strftime("%Y-%m-%dT%H:%M:%SZ") if created else None,
        }
    text = render_template(kind, f"report.{kind}.j2", context, options.template_dir, lang)
    if options.fmt == "docx":
        return html_to_docx(text, plan, options, base_dir)
    if options.fmt != "pdf":
        return text
    return html_to_pdf(text, plan, replace(options, fmt="html"), base_dir)
