"""What the document says, computed from a plan: display-ready text, tables and totals.

Templates only lay this out. Everything here is plain data (strings, numbers, lists,
frozen dataclasses), never the pydantic plan itself, so a template running in the
sandbox cannot reach a method that reads files. Ids are resolved to the names a reader
knows, numbers and dates are written in the document's locale, and nothing is escaped:
escaping belongs to the output format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel.numbers import get_currency_symbol

from smplan.calendar import NO_SLOTS_NOTE, build_calendar, default_end, first_weeks, months
from smplan.checks.core import started
from smplan.checks.load import Load, hours, monthly_budget
from smplan.checks.service import judge
from smplan.checks.store import STORE, Finding
from smplan.i18n import Formatter, language, ngettext
from smplan.plan.labels import platform_name, value_label
from smplan.plan.meta import MEMBER, METRIC, NEED, OBJECTIVE, SEGMENT, names, things
from smplan.plan.model import KEYWORD_CATEGORIES, STEPS, Channel, Metric, Plan
from smplan.render.calendar_views import day_label, post_line, weekdays, weeks_title
from smplan.render.labels import labels
from smplan.render.typography import Verbatim

#: A table cell: text (its line breaks kept), a list of separate items, or nothing.
Cell = str | list[str] | None


def _lines(*parts: str | None) -> str | None:
    """The parts that are present, one per line, or None when none is."""
    present = [p for p in parts if p]
    return "\n".join(present) if present else None


@dataclass(frozen=True)
class Table:
    """Rows of display text under headers; a list cell holds several lines."""

    headers: list[str]
    rows: list[list[Cell]]
    numeric: list[int] = field(default_factory=list)
    total: list[Cell] | None = None
    widths: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    """A label and its value, for the short facts of a section."""

    label: str
    value: Cell


@dataclass(frozen=True)
class Chapter:
    """A chapter of the document as the client reads it: its anchor and its title."""

    key: str
    title: str
    #: An appendix, after the chapters proper.
    appendix: bool = False


@dataclass(frozen=True)
class OpenPoint:
    """Something still to be decided, in the client's words, under the chapter it concerns."""

    chapter: str
    text: str


#: The chapters of the document in the order an agency hands them over; each is printed
#: only when the plan has something to say in it.
CHAPTERS: tuple[str, ...] = (
    "summary",
    "situation",
    "objectives",
    "audiences",
    "message",
    "channels",
    "running",
    "budget",
    "first_days",
    "risks",
    "open",
    "signoff",
    "reading",
    "queries",
    "traceability",
    "glossary",
)
#: The chapters printed as appendices, after the sign-off.
APPENDICES = frozenset({"reading", "queries", "traceability", "glossary"})
#: The chapter in which each step of the method is answered, for the points still open.
STEP_CHAPTERS: dict[str, str] = {
    "project": "summary",
    "team": "running",
    "listening": "situation",
    "objectives": "objectives",
    "metrics": "objectives",
    "audience": "audiences",
    "value": "message",
    "human_face": "message",
    "channels": "channels",
}
#: The chapter that shows each part of the plan beyond the eight steps, for the change log.
PART_CHAPTERS: dict[str, str] = {
    **STEP_CHAPTERS,
    "campaigns": "channels",
    "calendar": "channels",
    "roadmap": "first_days",
    "budget": "budget",
    "crisis": "running",
    "assumptions": "risks",
    "risks": "risks",
}


def by_chapter(log: dict[str, Any]) -> dict[str, Any]:
    """A change log grouped under the document's chapters, in their order, instead of the
    parts of the plan file: the client reads the changes where the document shows them."""
    t = labels()
    grouped: dict[str, list[str]] = {}
    for part in log["steps"]:
        grouped.setdefault(PART_CHAPTERS.get(part["key"], "summary"), []).extend(part["lines"])
    return {
        **log,
        "steps": [
            {"key": chapter, "title": t[f"chapter_{chapter}"], "lines": grouped[chapter]}
            for chapter in CHAPTERS
            if chapter in grouped
        ],
    }


#: The chapters the reading guide explains, with the question each one answers.
READING: dict[str, str] = {
    "situation": "intro_listening",
    "objectives": "intro_objectives",
    "audiences": "intro_audience",
    "message": "intro_value",
    "channels": "intro_channels",
    "running": "intro_team",
    "budget": "intro_resources",
}


def open_findings(plan: Plan) -> list[Finding]:
    """What the checks still find open in the plan: the one place render asks it."""
    return judge(plan).findings


@dataclass(frozen=True)
class ObjectiveView:
    """An objective with its values written out."""

    id: str
    #: The short name it goes by once its statement has been given.
    label: str
    statement: str | None
    family: str | None
    business_goal: str | None
    priority: str | None
    deadline: str | None
    primary: bool
    #: Each metric that judges it, with where it starts and the target: "Orders: 12 → 40".
    metrics: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MetricGroup:
    """The metrics of one objective."""

    objective: str | None
    table: Table


@dataclass(frozen=True)
class PersonaView:
    """A segment as one person: a name, their words, when they can be reached."""

    name: str | None
    quote: str | None
    moments: list[str]
    objections: list[str]


@dataclass(frozen=True)
class SegmentView:
    """An audience segment with its needs written out."""

    name: str
    demographics: str | None
    psychographics: str | None
    needs: list[str]
    content: list[str]
    platforms: list[str]
    persona: PersonaView | None = None
    #: The short labels of the objectives aimed at it.
    objectives: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChannelView:
    """A channel of the plan with its facts and its content mix."""

    platform: str
    handle: str | None
    purpose: str | None
    facts: list[Item]
    pillars: Table | None
    promotional_share: str | None
    #: How often it posts, in words: "4 posts a week".
    cadence: str | None = None


@dataclass(frozen=True)
class Query:
    """A ready-to-paste boolean search query and what it watches."""

    label: str
    #: Printed exactly as it is: a tool reads it character for character.
    query: Verbatim


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: what it stands for, its length (a share of the longest, 0 to
    100) and its figure as printed."""

    label: str
    length: float
    shown: str


@dataclass(frozen=True)
class Chart:
    """A bar chart: what it counts (`effort` or `budget`), its title and its bars."""

    kind: str
    title: str
    bars: list[Bar]


@dataclass(frozen=True)
class CalendarView:
    """The content calendar in the document: its first month as a grid, then the campaigns."""

    intro: str
    #: The first month, when the plan can be dated (slots, a time zone and a date).
    month_title: str | None
    #: One row per week, one cell per day: the day's number, then one line per post.
    month: Table | None
    campaigns: Table | None
    #: One row per campaign, one column per month of the plan's span, marked where it runs.
    timeline: Table | None


@dataclass(frozen=True)
class Signatory:
    """One side of the sign-off: who signs, in what role, for whom."""

    side: str
    name: str | None
    role: str | None


@dataclass(frozen=True)
class Document:
    """Everything the templates print, for one plan in one language."""

    lang: str
    title: str
    organization: str | None
    author: str | None
    date: str | None
    version: str | None
    horizon: str | None
    description: str
    draft: bool
    #: The chapters the document holds, in order: the table of contents.
    chapters: list[Chapter]
    #: Each chapter's title by its key, for the chapters the document holds.
    chapter: dict[str, str]
    strategy: str | None
    promise: str | None
    primary: ObjectiveView | None
    #: Every objective, the primary one first, for the summary.
    summary_objectives: list[ObjectiveView]
    glance: Table | None
    #: The hours a week the plan needs and those the team declared.
    hours: list[Item]
    next_actions: list[str]
    open_points: list[OpenPoint]
    insights: list[tuple[str, list[Item]]]
    team: dict[str, Any]
    listening: dict[str, Any]
    objectives: list[ObjectiveView]
    metric_groups: list[MetricGroup]
    segments: list[SegmentView]
    value: dict[str, Any]
    human_face: dict[str, Any]
    channels: list[ChannelView]
    listening_only: bool
    charts: list[Chart]
    traceability: Table | None
    keywords: Table | None
    queries: list[Query]
    playbook_verify: str | None
    playbook: Table | None
    crisis: Table | None
    people: Table | None
    channel_costs: Table | None
    tool_costs: Table | None
    budget_lines: Table | None
    budget_totals: list[Item]
    roadmap: Table | None
    assumptions: list[str]
    risks: Table | None
    signatories: list[Signatory]
    glossary: list[Item]
    #: How to read the document: each chapter it holds, with the question it answers.
    reading: list[Item]
    #: None when the plan cannot be dated yet (no slots, no time zone or no date).
    calendar: CalendarView | None


# --- Boolean search queries -------------------------------------------------------------

_BARE_TERM = re.compile(r"\w+")
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def quote_term(term: str) -> str:
    """A search term as a query writes it: bare when one plain word, quoted otherwise."""
    term = " ".join(term.split())
    if _BARE_TERM.fullmatch(term) and term.upper() not in _OPERATORS:
        return term
    return '"' + term.replace("\\", "\\\\").replace('"', '\\"') + '"'


def any_of(terms: Iterable[str]) -> str | None:
    """`(a OR "b c")` for several terms, the term alone for one, None for none."""
    quoted = list(dict.fromkeys(quote_term(t) for t in terms if t and t.strip()))
    if not quoted:
        return None
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def all_of(*groups: str | None) -> str | None:
    """Groups joined by AND; None when any group is missing."""
    if not groups or any(g is None for g in groups):
        return None
    return " AND ".join(g for g in groups if g is not None)


# --- Building the document --------------------------------------------------------------


def build_document(
    plan: Plan,
    lang: str | None = None,
    *,
    fallback_date: dt.date | None = None,
    draft: bool | None = None,
) -> Document:
    """Compute the document's content for `plan`, in `lang` or the plan's own language.

    `fallback_date` is printed on the cover when the plan itself carries no date; `draft`
    marks the document a draft or not, whatever the plan says (None: the plan decides).
    """
    with language(lang or plan.language) as lang:
        return _Builder(plan, lang, fallback_date, draft).build()


def is_draft(plan: Plan, asked: bool | None = None) -> bool:
    """Whether the document is a draft: as the command asks, else as the plan says."""
    if asked is not None:
        return asked
    return bool(plan.project and plan.project.status == "draft")


def open_points(plan: Plan, findings: Sequence[Finding] | None = None) -> list[OpenPoint]:
    """What is still to be decided, chapter by chapter, in the words of the language in
    force: a chapter not begun, then each kind of gap the checks found, counted once."""
    t = labels()
    found = list(open_findings(plan) if findings is None else findings)
    points: dict[tuple[str, str], int] = {}
    for step in STEPS:
        if not started(plan, step):
            points[(STEP_CHAPTERS[step], t[f"open_missing_{step}"])] = 1
    for f in found:
        chapter = STEP_CHAPTERS.get(f.step, "summary")
        rule = STORE[f.code] if f.code in STORE else None
        if f.step in STEPS and not started(plan, f.step):
            continue
        if rule is not None and rule.completeness and f.step == "project":
            # What the cover still lacks, said as the client sees it.
            text = t["open_project"]
        elif rule is not None and rule.step is not None:
            text = str(rule.title)
        else:
            text = t["open_answers"]
        key = (chapter, text)
        points[key] = points.get(key, 0) + 1
    order = {key: i for i, key in enumerate(CHAPTERS)}
    return [
        OpenPoint(
            t[f"chapter_{chapter}"],
            text if count == 1 else f"{text} ({count})",
        )
        for (chapter, text), count in sorted(points.items(), key=lambda kv: order[kv[0][0]])
    ]


class _Builder:
    def __init__(
        self, plan: Plan, lang: str, fallback_date: dt.date | None, draft: bool | None
    ) -> None:
        self.plan = plan
        self.fallback_date = fallback_date
        self.draft = is_draft(plan, draft)
        self.lang = lang
        self.t = labels()
        currency = plan.currency
        self.fmt = Formatter(lang, currency)
        self.currency_symbol = get_currency_symbol(self.fmt.currency, locale=self.fmt.locale)
        self.members = names(plan, MEMBER)
        #: The plan's hours, counted once as the checks count them.
        self.counted = hours(plan)
        self.needs = names(plan, NEED)
        self.objective_text = names(plan, OBJECTIVE)
        # After its statement, an objective goes by its short label (or its number).
        self.objective_label = {
            o.id: o.label or t_objective.format(number=i)
            for i, o in enumerate(plan.objectives or [], start=1)
            for t_objective in [self.t["objective_number"]]
        }
        self.metric_names = names(plan, METRIC)
        self.segment_names = names(plan, SEGMENT)
        # Who points at whom, gathered once: the tables below look these up per row, so a
        # render stays linear in the size of the plan.
        self.channels_of: dict[str, list[Channel]] = {}
        for c in plan.channels or []:
            for objective_id in dict.fromkeys(c.objectives):
                self.channels_of.setdefault(objective_id, []).append(c)
        self.metrics_of: dict[str, list[Metric]] = {}
        for m in plan.metrics or []:
            if m.objective is not None:
                self.metrics_of.setdefault(m.objective, []).append(m)
        # The segments each objective aims at, as the segments say; a plan whose segments
        # name no objective yet falls back on the audiences of the objective's channels.
        self.aimed_at: dict[str, list[str]] | None = None
        if any(s.objectives for s in plan.audience or []):
            self.aimed_at = {}
            for s in plan.audience or []:
                for objective_id in dict.fromkeys(s.objectives):
                    self.aimed_at.setdefault(objective_id, []).append(s.name or s.id)

    # Small helpers -------------------------------------------------------------------

    def value(self, kind: str, value: str | None) -> str | None:
        return value_label(kind, value)

    def platform(self, name: str | None) -> str:
        """A platform as it names itself; `?` for a channel with none yet."""
        return platform_name(name) if name else "?"

    def platforms(self, names: Sequence[str]) -> str | None:
        return ", ".join(self.platform(n) for n in names) or None

    def member(self, member_id: str | None) -> str | None:
        if member_id is None:
            return None
        return self.members.get(member_id, member_id)

    def per_week(self, value: float | None) -> str | None:
        hours = self.fmt.hours(value)
        return None if hours is None else f"{hours} {self.t['per_week']}"

    def baseline_target(
        self, baseline: float | str | None, target: float | None, unit: str | None
    ) -> str | None:
        """Where a metric starts and its target, in its unit: a share as the locale writes
        percentages (5 %, 5%), an amount in the plan's currency as money (£410 → £250 per
        demo), any other unit after the figures (12 → 40 orders a month)."""
        if baseline is None and target is None:
            return None
        unit = (unit or "").strip()
        number, rest = self.fmt.number, unit
        if unit == "%":
            number, rest = self.fmt.percent, ""
        else:
            first, _, after = unit.partition(" ")
            if first.upper() == self.fmt.currency or first == self.currency_symbol:
                number, rest = self.fmt.money, after.strip()
        start: str | None = self.t["unknown_yet"]
        if baseline != "unknown":
            start = number(baseline if isinstance(baseline, float | int) else None)
        end = number(target)
        text = f"{start or '?'} → {end or '?'}"
        return f"{text} {rest}" if rest else text

    # Sections ---------------------------------------------------------------------------

    def build(self) -> Document:
        plan, t = self.plan, self.t
        project = plan.project
        title = (project.name if project else None) or t["default_title"]
        organization = project.organization if project else None
        objectives = [self.objective(i, o) for i, o in enumerate(plan.objectives or [], start=1)]
        primary = next((o for o in objectives if o.primary), None)
        channels = plan.channels or []
        listening_only = bool(plan.listening and plan.listening.listening_only)
        ls = plan.listening
        doc = Document(
            lang=self.lang,
            title=title,
            organization=organization,
            author=project.author if project else None,
            date=self.fmt.date((project.date if project else None) or self.fallback_date),
            version=project.version if project else None,
            horizon=self.fmt.date(project.horizon) if project else None,
            description=" — ".join(x for x in (t["document_kind"], organization) if x),
            draft=self.draft,
            chapters=[],
            chapter={},
            strategy=project.strategy if project else None,
            promise=plan.value.promise if plan.value else None,
            primary=primary,
            summary_objectives=sorted(objectives, key=lambda o: not o.primary),
            glance=self.glance(channels),
            hours=self.hours(),
            next_actions=self.next_actions(),
            open_points=open_points(plan),
            insights=self.insights(),
            team=self.team(),
            listening=self.listening(),
            objectives=objectives,
            metric_groups=self.metric_groups(),
            segments=[self.segment(s) for s in plan.audience or []],
            value=self.value_step(),
            human_face=self.human_face(),
            channels=[self.channel(c) for c in channels],
            listening_only=listening_only,
            charts=self.charts(channels),
            traceability=self.traceability(),
            keywords=self.keyword_table(),
            queries=self.queries(),
            playbook_verify=ls.playbook.verify if ls and ls.playbook else None,
            playbook=self.playbook(),
            crisis=self.crisis(),
            people=self.people(),
            channel_costs=self.channel_costs(channels),
            tool_costs=self.tool_costs(),
            budget_lines=self.budget_lines(),
            budget_totals=self.budget_totals(),
            roadmap=self.roadmap(),
            assumptions=list(plan.assumptions),
            risks=self.risks(),
            signatories=self.signatories(),
            glossary=self.glossary(),
            reading=[],
            calendar=self.calendar(),
        )
        present = self.present(doc)
        doc.reading.extend(
            Item(t[f"chapter_{key}"], t[intro]) for key, intro in READING.items() if present[key]
        )
        present["reading"] = bool(doc.reading)
        chapters = [
            Chapter(key, t[f"chapter_{key}"], key in APPENDICES) for key in CHAPTERS if present[key]
        ]
        doc.chapters.extend(chapters)
        doc.chapter.update({c.key: c.title for c in chapters})
        return doc

    @staticmethod
    def present(doc: Document) -> dict[str, bool]:
        """Whether each chapter has something to say; one that has not is left out."""
        return {
            "summary": True,
            "situation": bool(doc.insights or any(doc.listening.values())),
            "objectives": bool(doc.objectives or doc.metric_groups),
            "audiences": bool(doc.segments),
            "message": bool(
                any(doc.value.values())
                or any(v for k, v in doc.human_face.items() if k != "spokespeople")
            ),
            "channels": bool(
                doc.channels
                or doc.listening_only
                or doc.calendar
                or doc.human_face.get("spokespeople")
            ),
            "running": bool(
                any(doc.team.values())
                or doc.playbook
                or doc.playbook_verify
                or doc.crisis
                or doc.listening.get("monitoring")
                or doc.listening.get("tools")
            ),
            "budget": bool(doc.people or doc.channel_costs or doc.tool_costs or doc.budget_lines),
            "first_days": bool(doc.roadmap or doc.next_actions),
            "risks": bool(doc.assumptions or doc.risks),
            "open": bool(doc.open_points),
            "signoff": True,
            "reading": False,
            "queries": bool(doc.keywords),
            "traceability": doc.traceability is not None,
            "glossary": bool(doc.glossary),
        }

    def calendar(self) -> CalendarView | None:
        plan, t = self.plan, self.t
        project = plan.project
        datable = bool(
            project
            and project.date
            and project.timezone
            and any(c.slots for c in plan.channels or [])
        )
        campaigns = self.campaigns()
        unscheduled = not datable and any(c.posts_per_week for c in plan.channels or [])
        if not datable and campaigns is None and not unscheduled:
            return None
        title = grid_table = timeline = None
        if datable and project and project.date:
            start = project.date
            content = build_calendar(plan, start, default_end(plan, start), self.lang)
            by_day: dict[dt.date, list[str]] = {}
            for post in content.posts:
                by_day.setdefault(post.when.date(), []).append(post_line(post, self.lang))
            marks = {k.day: k.name for k in content.key_dates}
            weeks = first_weeks(content)
            grid: list[list[Cell]] = [
                [
                    None if day is None else [day_label(day, marks), *by_day.get(day, [])]
                    for day in week
                ]
                for week in weeks
            ]
            days = [d for week in weeks for d in week if d is not None]
            title = weeks_title(days[0], days[-1], self.lang) if days else None
            grid_table = Table(weekdays(self.lang), grid)
            spans = months(content.start, content.end)
            if content.campaigns:
                timeline = Table(
                    [t["campaign"], *(self.month_abbreviation(y, m) for y, m in spans)],
                    [
                        [
                            c.name,
                            *(
                                "■"
                                if (c.start.year, c.start.month) <= ym <= (c.end.year, c.end.month)
                                else "·"
                                for ym in spans
                            ),
                        ]
                        for c in content.campaigns
                    ],
                )
        return CalendarView(
            intro=(
                f"{t['intro_calendar']} {NO_SLOTS_NOTE}"
                if unscheduled
                else t["intro_calendar"]
                if plan.channels
                else t["intro_campaigns"]
            ),
            month_title=title,
            month=grid_table,
            campaigns=campaigns,
            timeline=timeline,
        )

    def campaigns(self) -> Table | None:
        """Every campaign of the plan, dated or not, whether or not the plan has slots."""
        t = self.t
        plan = self.plan
        if not plan.campaigns:
            return None
        platforms = {c.id: self.platform(c.platform) for c in plan.channels or [] if c.id}
        return Table(
            [t["campaign"], t["from"], t["to"], t["channels"], t["pillar"], t["topic"]]
            + [t["budget"], t["notes"]],
            [
                [
                    c.name or f"#{i}",
                    self.fmt.date(c.start),
                    self.fmt.date(c.end or c.start),
                    ", ".join(platforms.get(x, x) for x in c.channels) or t["no_channel"],
                    c.pillar,
                    c.topic,
                    self.fmt.money(c.budget),
                    c.notes,
                ]
                for i, c in enumerate(plan.campaigns, start=1)
            ],
            numeric=[6],
        )

    def month_abbreviation(self, year: int, month: int) -> str:
        from babel.dates import format_date

        return str(format_date(dt.date(year, month, 1), "MMM yy", locale=self.fmt.locale))

    def objective(self, number: int, o: Any) -> ObjectiveView:
        metrics = []
        for m in self.metrics_of.get(o.id, []):
            figures = self.baseline_target(m.baseline, m.target, m.unit)
            name = m.name or m.id
            metrics.append(f"{name}{self.t['colon']} {figures}" if figures else name)
        return ObjectiveView(
            metrics=metrics,
            id=o.id,
            label=self.objective_label[o.id],
            statement=o.statement,
            family=self.value("family", o.family),
            business_goal=o.business_goal,
            priority=self.value("priority", o.priority),
            deadline=self.fmt.date(o.deadline),
            primary=o.primary,
        )

    def glance(self, channels: Sequence[Channel]) -> Table | None:
        if not channels:
            return None
        t = self.t
        rows: list[list[Cell]] = [
            [
                self.platform(c.platform),
                self.member(c.owner),
                self.fmt.number(c.posts_per_week),
                self.fmt.hours(c.hours_per_week),
                self.fmt.money(c.budget_per_month),
            ]
            for c in channels
        ]
        return Table(
            [t["channel"], t["owner"], t["posts_week"], t["hours_week"], t["budget_month"]],
            rows,
            numeric=[2, 3, 4],
        )

    def totals(self) -> tuple[float, float | None, float]:
        """Hours the plan needs, hours the team declared, and the monthly budget."""
        counted = self.counted
        return counted.needed, counted.declared, monthly_budget(self.plan)

    def hours(self) -> list[Item]:
        """The hours a week the plan needs, and those the team declared."""
        t = self.t
        needed, declared, _ = self.totals()
        items = [Item(t["hours_needed"], self.per_week(needed))]
        if declared is not None:
            items.append(Item(t["hours_declared"], self.per_week(declared)))
        return items

    def span_in_months(self) -> int:
        """How many months the plan runs, from its date to its horizon (twelve if unsaid)."""
        project = self.plan.project
        if not project or not project.date or not project.horizon:
            return 12
        days = (project.horizon - project.date).days + 1
        return max(1, round(days / (365.2425 / 12)))

    def next_actions(self) -> list[str]:
        """The client's first actions: the plan's first dated milestones, else listen, tidy
        the accounts, launch the first channel and hold the first review."""
        t, plan = self.t, self.plan
        if plan.roadmap:
            dated = sorted(plan.roadmap, key=lambda m: m.date or dt.date.max)
            return [self.milestone_line(m) for m in dated[:3] if m.action]
        actions = []
        ls = plan.listening
        if ls and (ls.tools or ls.keywords):
            tools = ", ".join(x.name for x in ls.tools if x.name)
            who = self.member(ls.monitored_by[0]) if ls.monitored_by else None
            text = t["action_monitoring"] + (f" ({tools})" if tools else "") + "."
            actions.append(f"{who}{t['colon']} {text[:1].lower()}{text[1:]}" if who else text)
        if ls:
            parts = []
            for decision in ("fix", "close"):
                names = [
                    platform_name(a.platform) if a.platform else a.handle or "?"
                    for a in ls.audit
                    if a.decision == decision
                ]
                if names:
                    parts.append(t[f"action_{decision}_accounts"] + " " + ", ".join(names))
            if parts:
                actions.append(t["action_audit"] + " " + t["semicolon"].join(parts) + ".")
        primary = next((o.id for o in plan.objectives or [] if o.primary), None)
        channels = sorted(plan.channels or [], key=lambda c: primary not in c.objectives)
        for c in channels[:1]:
            posts = c.posts_per_week
            # A whole number of posts chooses the plural; "1.5 posts" is plural in English.
            count = int(posts) if posts is not None and posts == int(posts) else 2
            launch = ngettext(
                "Launch the {platform} plan: {owner}, {posts} post a week.",
                "Launch the {platform} plan: {owner}, {posts} posts a week.",
                count,
            )
            if c.owner:
                actions.append(
                    launch.format(
                        platform=self.platform(c.platform),
                        owner=self.member(c.owner),
                        posts=self.fmt.number(posts) or "?",
                    )
                )
        if plan.team and plan.team.reviews:
            review = plan.team.reviews[0]
            if review.what:
                actions.append(
                    t["action_review"].format(
                        cadence=self.value("frequency", review.cadence) or "",
                        what=review.what[:1].lower() + review.what[1:],
                    )
                )
        return actions[:3]

    def milestone_line(self, m: Any) -> str:
        """A milestone as an action: its date, who, and what."""
        who = self.member(m.owner)
        when = self.fmt.date(m.date)
        head = " · ".join(x for x in (when, who) if x)
        return f"{head}{self.t['colon']} {m.action}" if head else str(m.action)

    def sponsor(self) -> tuple[str | None, str | None]:
        """The sponsor's name and role; a sponsor named by a member's id is that member."""
        team = self.plan.team
        sponsor = team.sponsor if team else None
        if team is None or sponsor is None:
            return None, None
        member = next((m for m in team.members if sponsor.id and m.id == sponsor.id), None)
        name = sponsor.name or (member.name or member.id if member else None)
        role = sponsor.role or (member.role if member else None)
        return name, role

    def team(self) -> dict[str, Any]:
        team, t = self.plan.team, self.t
        if team is None:
            return dict.fromkeys(("sponsor", "members", "cadence", "approvals", "reviews"))
        sponsor = ", ".join(x for x in self.sponsor() if x) or None
        members = None
        if team.members:
            members = Table(
                [t["name"], t["role"], t["department"], t["hours_week"], t["responsibilities"]],
                [
                    [
                        m.name or m.id,
                        m.role,
                        self.value("department", m.department),
                        self.fmt.hours(m.hours_per_week),
                        list(m.responsibilities),
                    ]
                    for m in team.members
                ],
                numeric=[3],
                widths=[16, 20, 13, 9, 42],
            )
        approvals = None
        if team.approvals:
            approvals = Table(
                [t["content"], t["drafted_by"], t["approved_by"], t["delay"]],
                [
                    [
                        a.content,
                        ", ".join(self.member(x) or x for x in a.drafted_by) or None,
                        self.member(a.approved_by),
                        a.delay,
                    ]
                    for a in team.approvals
                ],
            )
        reviews = None
        if team.reviews:
            reviews = Table(
                [t["cadence"], t["what"], t["owner"]],
                [
                    [self.value("frequency", r.cadence), r.what, self.member(r.owner)]
                    for r in team.reviews
                ],
            )
        return {
            "sponsor": sponsor,
            "members": members,
            "cadence": team.cadence,
            "approvals": approvals,
            "reviews": reviews,
        }

    def listening(self) -> dict[str, Any]:
        ls, t = self.plan.listening, self.t
        if ls is None:
            return dict.fromkeys(
                ("needs", "sources", "competitors", "trends", "opportunities", "tools")
                + ("monitoring", "audit")
            )
        needs = None
        if ls.needs:
            needs = Table(
                [t["need"], t["heard_at"], t["evidence"]],
                [[n.need or n.id, n.source, n.evidence] for n in ls.needs],
                widths=[38, 22, 40],
            )
        sources = None
        if ls.sources:
            sources = Table(
                [t["source"], t["kind"], t["notes"]],
                [[s.name, self.value("source_kind", s.kind), s.notes] for s in ls.sources],
                widths=[30, 12, 58],
            )
        competitors = None
        if ls.competitors:
            competitors = Table(
                [t["competitor"], t["channels"], t["strengths"], t["weaknesses"]],
                [
                    [c.name, self.platforms(c.channels), list(c.strengths), list(c.weaknesses)]
                    for c in ls.competitors
                ],
                widths=[18, 18, 32, 32],
            )
        opportunities = None
        if ls.opportunities:
            opportunities = Table(
                [t["department"], t["idea"]],
                [[self.value("department", o.department), o.idea] for o in ls.opportunities],
            )
        tools = None
        if ls.tools:
            tools = Table(
                [t["tool"], t["purpose"], t["cost_month"]],
                [[x.name, x.purpose, self.fmt.money(x.cost_per_month)] for x in ls.tools],
                numeric=[2],
            )
        monitoring = []
        if ls.review_cadence:
            monitoring.append(Item(t["review_cadence"], self.value("frequency", ls.review_cadence)))
        if ls.monitoring_hours_per_week is not None:
            monitoring.append(
                Item(t["monitoring_hours"], self.per_week(ls.monitoring_hours_per_week))
            )
        watchers = [self.member(x) or x for x in dict.fromkeys(ls.monitored_by)]
        if watchers:
            monitoring.append(Item(t["monitored_by"], ", ".join(watchers)))
        audit = None
        if ls.audit:
            audit = Table(
                [
                    t["account"],
                    t["owner"],
                    t["audience_size"],
                    t["used_for"],
                    t["activity"],
                    t["decision"],
                ],
                [
                    [
                        _lines(platform_name(a.platform) if a.platform else None, a.handle),
                        self.member(a.owner),
                        self.fmt.number(a.audience_size),
                        a.purpose,
                        a.activity,
                        _lines(self.value("decision", a.decision), a.note),
                    ]
                    for a in ls.audit
                ],
                numeric=[2],
                widths=[17, 12, 9, 18, 20, 24],
            )
        return {
            "needs": needs,
            "sources": sources,
            "competitors": competitors,
            "trends": list(ls.trends),
            "opportunities": opportunities,
            "tools": tools,
            "monitoring": monitoring,
            "audit": audit,
        }

    def metric_groups(self) -> list[MetricGroup]:
        t = self.t
        metrics = self.plan.metrics or []
        order = [o.id for o in self.plan.objectives or []]
        groups: dict[str | None, list[list[Cell]]] = {}
        for m in metrics:
            key = m.objective if m.objective in self.objective_text else None
            kind = self.value("metric_kind", m.kind)
            groups.setdefault(key, []).append(
                [
                    _lines(m.name or m.id, f"({kind})" if kind else None),
                    _lines(
                        self.value("standard", m.standard),
                        self.value("formula", m.standard),
                        m.definition,
                    ),
                    self.baseline_target(m.baseline, m.target, m.unit),
                    self.fmt.date(m.deadline),
                    _lines(m.source, self.value("frequency", m.frequency)),
                    self.member(m.owner),
                ]
            )
        headers = [
            t["metric"],
            t["definition"],
            t["baseline_target"],
            t["deadline"],
            t["source_frequency"],
            t["owner"],
        ]
        ordered = [k for k in order if k in groups] + ([None] if None in groups else [])
        return [
            MetricGroup(
                self.objective_label[k] if k is not None else t["unlinked_metrics"],
                Table(headers, groups[k], widths=[22, 25, 15, 12, 14, 12]),
            )
            for k in ordered
        ]

    def segment(self, s: Any) -> SegmentView:
        p = s.persona
        persona = None
        if p is not None and (p.name or p.quote or p.moments or p.objections):
            persona = PersonaView(p.name, p.quote, list(p.moments), list(p.objections))
        return SegmentView(
            name=s.name or s.id,
            demographics=s.demographics,
            psychographics=s.psychographics,
            needs=[self.needs.get(n, n) for n in s.needs],
            content=list(s.content),
            platforms=[self.platform(p) for p in s.platforms],
            persona=persona,
            objectives=[self.objective_label.get(o, o) for o in s.objectives],
        )

    def value_step(self) -> dict[str, Any]:
        v, t = self.plan.value, self.t
        if v is None:
            return {
                **dict.fromkeys(
                    ("philosophy", "promise", "differentiators", "topics", "services")
                    + ("hashtags", "visuals")
                ),
                "post_ideas": [],
            }
        topics = None
        if v.topics:
            topics = Table(
                [t["topic"], t["kind"]],
                [[x.topic, self.value("content_kind", x.kind)] for x in v.topics],
            )
        services = None
        if v.services:
            services = Table(
                [t["service"], t["description"], t["need_answered"]],
                [[s.name, s.description, self.needs.get(s.need or "", s.need)] for s in v.services],
            )
        ideas: dict[str, list[list[Cell]]] = {}
        for idea in v.post_ideas:
            ideas.setdefault(idea.pillar or "", []).append([idea.hook, idea.idea, idea.format])
        post_ideas = [
            (
                pillar or None,
                Table([t["hook"], t["idea_post"], t["format"]], rows, widths=[30, 55, 15]),
            )
            for pillar, rows in ideas.items()
        ]
        return {
            "philosophy": v.philosophy,
            "promise": v.promise,
            "differentiators": list(v.differentiators),
            "topics": topics,
            "services": services,
            "post_ideas": post_ideas,
            "hashtags": " ".join(v.hashtags) or None,
            "visuals": list(v.visuals),
        }

    def human_face(self) -> dict[str, Any]:
        hf, t = self.plan.human_face, self.t
        if hf is None:
            return dict.fromkeys(("spokespeople", "tone", "we_do", "we_never"))
        spokespeople = None
        if hf.spokespeople:
            # A spokesperson from the team is named and titled as the team names them.
            roles: dict[str, str] = {}
            for person in things(self.plan, MEMBER):
                if person.role:
                    roles.setdefault(person.id, person.role)
            spokespeople = Table(
                [t["name"], t["role"], t["channels"], t["topics"]],
                [
                    [
                        s.name or self.member(s.member),
                        s.role or (roles.get(s.member) if s.member else None),
                        self.platforms(s.channels),
                        list(s.topics),
                    ]
                    for s in hf.spokespeople
                ],
            )
        voice = hf.voice
        return {
            "spokespeople": spokespeople,
            "tone": voice.tone if voice else None,
            "we_do": list(voice.we_do) if voice else [],
            "we_never": list(voice.we_never) if voice else [],
        }

    def channel(self, c: Channel) -> ChannelView:
        t = self.t
        posts = c.posts_per_week
        cadence = None
        if posts is not None:
            count = int(posts) if posts == int(posts) else 2
            cadence = ngettext("{posts} post a week", "{posts} posts a week", count).format(
                posts=self.fmt.number(posts)
            )
        facts = [
            Item(t["serves"], [self.objective_label.get(o, o) for o in c.objectives] or None),
            Item(t["reaches"], [self.segment_names.get(a, a) for a in c.audiences] or None),
            Item(t["formats"], ", ".join(c.formats) or None),
            Item(t["owner"], self.member(c.owner)),
            Item(t["hours_week"], self.fmt.hours(c.hours_per_week)),
            Item(t["budget_month"], self.fmt.money(c.budget_per_month)),
            Item(t["judged_by"], [self.metric_names.get(m, m) for m in c.metrics] or None),
        ]
        pillars = None
        promo = None
        if c.pillars:
            pillars = Table(
                [t["pillar"], t["kind"], t["share"]],
                [
                    [p.name, self.value("content_kind", p.kind), self.fmt.percent(p.share)]
                    for p in c.pillars
                ],
                numeric=[2],
            )
            if all(p.share is not None for p in c.pillars):
                promo = self.fmt.percent(
                    sum(p.share or 0 for p in c.pillars if p.kind == "promotional")
                )
        return ChannelView(
            platform=self.platform(c.platform),
            handle=c.handle,
            purpose=c.purpose,
            facts=[f for f in facts if f.value],
            pillars=pillars,
            promotional_share=promo,
            cadence=cadence,
        )

    def charts(self, channels: Sequence[Channel]) -> list[Chart]:
        """The hours and the money each channel takes, as bars; a chart of one bar says
        nothing the tables do not, and is left out."""
        t = self.t
        hours = [
            (self.platform(c.platform), c.hours_per_week or 0, self.fmt.hours) for c in channels
        ]
        ls = self.plan.listening
        if ls and ls.monitoring_hours_per_week:
            hours.append((t["monitoring"], ls.monitoring_hours_per_week, self.fmt.hours))
        money = [
            (self.platform(c.platform), c.budget_per_month or 0, self.fmt.money) for c in channels
        ]
        charts = []
        for kind, title, rows in (
            ("effort", t["effort_chart"], hours),
            ("budget", t["budget_chart"], money),
        ):
            top = max((value for _, value, _ in rows), default=0)
            if len(rows) < 2 or not top:
                continue
            bars = [
                Bar(label, round(100 * value / top, 1), show(value) or "")
                for label, value, show in rows
            ]
            charts.append(Chart(kind, title, bars))
        return charts

    def traceability(self) -> Table | None:
        plan, t = self.plan, self.t
        if not plan.objectives:
            return None
        rows: list[list[Cell]] = []
        for o in plan.objectives:
            channels = self.channels_of.get(o.id, [])
            if self.aimed_at is not None:
                audiences = self.aimed_at.get(o.id, [])
            else:
                audiences = list(
                    dict.fromkeys(
                        self.segment_names.get(a, a) for c in channels for a in c.audiences
                    )
                )
            rows.append(
                [
                    self.objective_label[o.id],
                    [m.name or m.id for m in self.metrics_of.get(o.id, [])],
                    [self.platform(c.platform) for c in channels],
                    audiences,
                ]
            )
        return Table(
            [t["objective"], t["metrics"], t["channels"], t["audiences"]],
            rows,
            widths=[34, 26, 14, 26],
        )

    def keyword_table(self) -> Table | None:
        ls, t = self.plan.listening, self.t
        if ls is None or ls.keywords is None:
            return None
        # A category with no terms has nothing to say to the client: it is left out.
        rows: list[list[Cell]] = [
            [self.value("keyword_category", category), ", ".join(terms)]
            for category in KEYWORD_CATEGORIES
            if (terms := getattr(ls.keywords, category))
        ]
        return Table([t["category"], t["terms"]], rows, widths=[25, 75]) if rows else None

    def queries(self) -> list[Query]:
        ls, t = self.plan.listening, self.t
        if ls is None or ls.keywords is None:
            return []
        kw = ls.keywords
        out = []
        for category in KEYWORD_CATEGORIES:
            query = any_of(getattr(kw, category) or [])
            if query:
                label = self.value("keyword_category", category) or category
                out.append(Query(label, Verbatim(query)))
        themes = any_of(kw.themes or [])
        combined = [
            ("query_org_themes", all_of(any_of((kw.company or []) + (kw.brands or [])), themes)),
            ("query_competitors_themes", all_of(any_of(kw.competitors or []), themes)),
        ]
        out.extend(Query(t[key], Verbatim(q)) for key, q in combined if q)
        return out

    def playbook(self) -> Table | None:
        ls, t = self.plan.listening, self.t
        if ls is None or ls.playbook is None or not ls.playbook.cases:
            return None
        return Table(
            [t["case"], t["action"], t["owner"], t["response_time"]],
            [
                [
                    self.value("case", c.case),
                    c.action,
                    self.member(c.owner),
                    self.fmt.hours(c.response_hours),
                ]
                for c in ls.playbook.cases
            ],
            numeric=[3],
        )

    def people(self) -> Table | None:
        """Each person's week as the plan's one count of hours has it, next to what they
        declare: the channels they run, their share of the monitoring, and the sum."""
        team, t = self.plan.team, self.t
        if team is None or not team.members:
            return None
        counted = self.counted
        people = [(m.id, m.name or m.id, m.role, m.hours_per_week) for m in team.members]
        sponsor = team.sponsor
        if sponsor and sponsor.id and sponsor.id not in {p[0] for p in people}:
            # A sponsor off the team appears once they own part of the work.
            if sponsor.id in counted.loads:
                people.append((sponsor.id, sponsor.name or sponsor.id, sponsor.role, None))
        loads = [counted.loads.get(person_id, Load()) for person_id, *_ in people]
        monitors = any(p.kind == "monitoring" for load in loads for p in load.parts)
        rows: list[list[Cell]] = []
        shares: list[float] = []
        for (_, name, role, declared), load in zip(people, loads, strict=True):
            runs = [self.platform(p.name) for p in load.parts if p.kind == "channel"]
            share = [p.hours or 0 for p in load.parts if p.kind == "monitoring"]
            shares.extend(share)
            timed = any(p.hours is not None for p in load.parts)
            row: list[Cell] = [name, role, self.fmt.hours(declared), runs]
            if monitors:
                row.append(self.fmt.hours(share[0]) if share else None)
            row.append(self.fmt.hours(load.hours) if timed else None)
            rows.append(row)
        headers = [t["person"], t["role"], t["declared"], t["runs"]]
        total: list[Cell] = [t["total"], None, self.fmt.hours(counted.declared), None]
        if monitors:
            headers.append(t["monitoring"])
            total.append(self.fmt.hours(sum(shares)))
        headers.append(t["planned_hours"])
        total.append(self.fmt.hours(sum(x.hours for x in loads)))
        return Table(
            headers,
            rows,
            numeric=[2, *range(4, len(headers))],
            total=total,
        )

    def channel_costs(self, channels: Sequence[Channel]) -> Table | None:
        t = self.t
        if not channels:
            return None
        return Table(
            [t["channel"], t["owner"], t["hours_week"], t["budget_month"]],
            [
                [
                    self.platform(c.platform),
                    self.member(c.owner),
                    self.fmt.hours(c.hours_per_week),
                    self.fmt.money(c.budget_per_month),
                ]
                for c in channels
            ],
            numeric=[2, 3],
            total=[
                t["total"],
                None,
                self.fmt.hours(sum(c.hours_per_week or 0 for c in channels)),
                self.fmt.money(sum(c.budget_per_month or 0 for c in channels)),
            ],
        )

    def tool_costs(self) -> Table | None:
        ls, t = self.plan.listening, self.t
        if ls is None or not ls.tools:
            return None
        return Table(
            [t["tool"], t["cost_month"]],
            [[x.name, self.fmt.money(x.cost_per_month)] for x in ls.tools],
            numeric=[1],
            total=[t["total"], self.fmt.money(sum(x.cost_per_month or 0 for x in ls.tools))],
        )

    # The chapters an agency adds: insights, crises, budget, the first days, risks ---------

    def insights(self) -> list[tuple[str, list[Item]]]:
        """The key insights by kind (strengths, weaknesses...), each with its evidence."""
        ls = self.plan.listening
        if ls is None or not ls.insights:
            return []
        grouped: dict[str, list[Item]] = {}
        for i in ls.insights:
            if i.insight:
                grouped.setdefault(i.kind or "", []).append(Item(i.insight, i.evidence))
        order = ["strength", "weakness", "opportunity", "threat", ""]
        return [
            (self.value("insight_kind", kind) or self.t["insights"], grouped[kind])
            for kind in order
            if kind in grouped
        ]

    def crisis(self) -> Table | None:
        """The crises prepared for: what could happen, the first public words, who is
        alerted in turn. A table, read row by row, breaks between scenarios."""
        t = self.t
        rows: list[list[Cell]] = [
            [
                c.scenario,
                c.holding_statement,
                " → ".join(self.member(x) or x for x in c.escalation) or None,
            ]
            for c in self.plan.crisis
            if c.scenario or c.holding_statement
        ]
        if not rows:
            return None
        return Table(
            [t["scenario"], t["holding_statement"], t["escalation"]], rows, widths=[30, 48, 22]
        )

    def team_month(self) -> float | None:
        """What the team's declared hours are worth a month, when the plan gives a rate."""
        budget = self.plan.budget
        if budget is None or budget.hourly_rate is None:
            return None
        needed, _, _ = self.totals()
        # A figure of the plan's cost, not of the accounts: whole units of the currency.
        return float(round(needed * budget.hourly_rate * 52 / 12))

    def budget_lines(self) -> Table | None:
        t, budget = self.t, self.plan.budget
        if budget is None or not budget.lines:
            return None
        rows: list[list[Cell]] = [
            [
                self.value("budget_kind", x.kind),
                x.item,
                self.fmt.money(x.per_month),
                self.fmt.money(x.once),
            ]
            for x in budget.lines
        ]
        return Table(
            [t["kind"], t["item"], t["per_month"], t["once"]],
            rows,
            numeric=[2, 3],
            widths=[18, 50, 16, 16],
            total=[
                t["total"],
                None,
                self.fmt.money(sum(x.per_month or 0 for x in budget.lines)),
                self.fmt.money(sum(x.once or 0 for x in budget.lines)),
            ],
        )

    def budget_totals(self) -> list[Item]:
        """What the plan costs a month and over its span, money and the team's time."""
        t = self.t
        budget = self.plan.budget
        lines = budget.lines if budget else []
        monthly = monthly_budget(self.plan) + sum(x.per_month or 0 for x in lines)
        once = sum(x.once or 0 for x in lines)
        months = self.span_in_months()
        items = [Item(t["monthly_spend"], self.fmt.money(monthly))]
        if once:
            items.append(Item(t["one_off_spend"], self.fmt.money(once)))
        team = self.team_month()
        if team is not None and budget is not None:
            items.append(
                Item(
                    t["team_value"],
                    t["team_value_note"].format(
                        amount=self.fmt.money(team),
                        hours=self.per_week(self.totals()[0]),
                        rate=self.fmt.money(budget.hourly_rate),
                    ),
                )
            )
        label = ngettext("Over {count} month", "Over {count} months", months)
        total = monthly * months + once + (team or 0) * months
        items.append(Item(label.format(count=months), self.fmt.money(total)))
        return items

    def roadmap(self) -> Table | None:
        t = self.t
        if not self.plan.roadmap:
            return None
        dated = sorted(self.plan.roadmap, key=lambda m: m.date or dt.date.max)
        return Table(
            [t["when"], t["milestone"], t["owner"]],
            [[self.fmt.date(m.date), m.action, self.member(m.owner)] for m in dated],
            widths=[20, 60, 20],
        )

    def risks(self) -> Table | None:
        t = self.t
        if not self.plan.risks:
            return None
        return Table(
            [t["risk"], t["mitigation"]],
            [[r.risk, r.mitigation] for r in self.plan.risks],
            widths=[45, 55],
        )

    def signatories(self) -> list[Signatory]:
        """Who signs: the sponsor for the organization, the author for those who wrote it."""
        t, project = self.t, self.plan.project
        name, role = self.sponsor()
        organization = project.organization if project else None
        return [
            Signatory(
                t["for_org"].format(org=organization) if organization else t["for_client"],
                name,
                role,
            ),
            Signatory(t["prepared_by"], project.author if project else None, None),
        ]

    def glossary(self) -> list[Item]:
        """The terms the document uses that a client may not know, explained once."""
        t = self.t
        items = [Item(t["term_pillar"], t["def_pillar"]), Item(t["term_mix"], t["def_mix"])]
        if self.plan.audience:
            items.append(Item(t["term_persona"], t["def_persona"]))
        if self.plan.listening and self.plan.listening.keywords:
            items.append(Item(t["term_query"], t["def_query"]))
        standards = dict.fromkeys(m.standard for m in self.plan.metrics or [] if m.standard)
        for standard in standards:
            name = self.value("standard", standard)
            formula = self.value("formula", standard)
            if name and formula:
                items.append(Item(name, formula))
        return items
