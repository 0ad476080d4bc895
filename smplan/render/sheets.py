"""The weekly sheet: one page per person, to pin up, saying who posts what on which day.

Each team member's page lists the posts they own that week (day, time, channel, pillar,
suggested topic, campaign), then their standing duties from the plan: the messages they
answer (response playbook), the monitoring they do, what they draft and approve, the
reviews they run and the metrics they measure. A member with nothing to do that week
gets no page. What a page holds is worked out here; how it looks is the templates'
(`sheet.md.j2`, `sheet.html.j2`), rendered like the calendar's.
"""

from __future__ import annotations

from dataclasses import dataclass

from smplan.calendar import ContentCalendar, Post
from smplan.i18n import L_, Formatter, language
from smplan.plan.labels import value_label
from smplan.plan.model import Listening, Plan
from smplan.render.calendar_formats import CalendarFile, CalendarOptions
from smplan.render.calendar_pages import context
from smplan.render.environment import render_template
from smplan.render.typography import clock
from smplan.render.view import Table

_POSTS = L_("Posts this week")
_NO_POSTS = L_("No post this week.")
_DUTIES = L_("Standing duties")
_HEADERS = (L_("Day"), L_("Time"), L_("Channel"), L_("Pillar"), L_("Suggested topic"))


@dataclass(frozen=True)
class Sheet:
    """One person's week."""

    name: str
    role: str | None
    #: Day, time, channel, pillar and suggested topic of each post they own, in time
    #: order; None when they own none that week.
    posts: Table | None
    duties: list[str]

    @property
    def who(self) -> str:
        """The person and their role, as a page's heading."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class SheetPage:
    """Everything the weekly sheet's templates print, in one language."""

    title: str | None
    organization: str | None
    author: str | None
    description: str
    draft: bool
    #: The week, in a heading (`Week of 4 January 2027`).
    week: str
    sheets: list[Sheet]
    posts_title: str
    no_posts: str
    duties_title: str


def sheets(plan: Plan, calendar: ContentCalendar, lang: str) -> list[Sheet]:
    """The sheet of each team member with a post or a duty, in the team's order."""
    fmt = Formatter(lang)
    headers = [str(h) for h in _HEADERS]
    found = []
    for member in plan.team.members if plan.team else []:
        posts = [_row(p, fmt) for p in calendar.posts if p.owner == member.id]
        duties = _duties(plan, member.id, fmt)
        if posts or duties:
            table = Table(headers, [list(row) for row in posts]) if posts else None
            found.append(Sheet(member.name or member.id, member.role, table, duties))
    return found


def _row(post: Post, fmt: Formatter) -> tuple[str, str, str, str, str]:
    from babel.dates import format_date

    day = format_date(post.when.date(), "EEEE d MMMM", locale=fmt.locale)
    topic = post.topic or ""
    if post.campaigns:
        campaign = str(L_("campaign: {names}", names=", ".join(post.campaigns)))
        topic = f"{topic} ({campaign})" if topic else campaign
    return (
        day[:1].upper() + day[1:],
        clock(post.when, fmt.lang),
        post.platform,
        post.pillar or "",
        topic,
    )


def _duties(plan: Plan, who: str, fmt: Formatter) -> list[str]:
    duties: list[str] = []
    listening = plan.listening
    if listening and listening.playbook:
        for case in listening.playbook.cases:
            if case.owner == who and case.case:
                hours = fmt.hours(case.response_hours)
                duties.append(
                    str(
                        L_(
                            "Answer “{case}” messages: {action}",
                            case=value_label("case", case.case),
                            action=case.action or "—",
                        )
                    )
                    + (str(L_(" (within {hours})", hours=hours)) if hours else "")
                )
    if listening and who in listening.monitored_by:
        duties += _monitoring(listening, len(listening.monitored_by), fmt)
    team = plan.team
    for approval in team.approvals if team else []:
        what = approval.content or "—"
        if who in approval.drafted_by:
            duties.append(str(L_("Draft: {what}", what=what)))
        if approval.approved_by == who:
            delay = f" ({approval.delay})" if approval.delay else ""
            duties.append(str(L_("Approve: {what}", what=what)) + delay)
    for review in team.reviews if team else []:
        if review.owner == who:
            duties.append(
                str(
                    L_(
                        "Review ({cadence}): {what}",
                        cadence=value_label("frequency", review.cadence) or "",
                        what=review.what or "—",
                    )
                )
            )
    for metric in plan.metrics or []:
        if metric.owner == who:
            duties.append(
                str(
                    L_(
                        "Measure {metric} ({frequency})",
                        metric=metric.name or metric.id,
                        frequency=value_label("frequency", metric.frequency) or "—",
                    )
                )
            )
    return duties


def _monitoring(listening: Listening, people: int, fmt: Formatter) -> list[str]:
    """The monitoring duties of one of the `people` who share it: its hours a week (shared
    equally), the tools it uses, and how often the dashboard is read."""
    total = listening.monitoring_hours_per_week
    hours = fmt.hours(total / people) if total else None
    said = (
        L_("Monitor what is said about us and our keywords, about {hours} a week", hours=hours)
        if hours
        else L_("Monitor what is said about us and our keywords")
    )
    tools = ", ".join(t.name for t in listening.tools if t.name)
    duties = [f"{said} ({tools})" if tools else str(said)]
    if listening.review_cadence:
        cadence = value_label("frequency", listening.review_cadence)
        duties.append(str(L_("Read the monitoring dashboard ({cadence})", cadence=cadence)))
    return duties


def render_sheet_markdown(
    plan: Plan, calendar: ContentCalendar, options: CalendarOptions
) -> CalendarFile:
    """The week's sheets in Markdown, one section per person."""
    return _render("md", plan, calendar, options)


def render_sheet_html(
    plan: Plan, calendar: ContentCalendar, options: CalendarOptions
) -> CalendarFile:
    """The week's sheets as one styled HTML page, each person's sheet on a page of its own."""
    return _render("html", plan, calendar, options)


def _render(
    kind: str, plan: Plan, calendar: ContentCalendar, options: CalendarOptions
) -> CalendarFile:
    with language(options.lang):
        fmt = Formatter(options.lang)
        week = str(L_("Week of {date}", date=fmt.date(calendar.start)))
        page = SheetPage(
            title=options.title,
            organization=None,
            author=None,
            description=week,
            draft=False,
            week=week,
            sheets=sheets(plan, calendar, options.lang),
            posts_title=str(_POSTS),
            no_posts=str(_NO_POSTS),
            duties_title=str(_DUTIES),
        )
        shown = context(page, options)
    text = render_template(kind, f"sheet.{kind}.j2", shown, options.template_dir, options.lang)
    return CalendarFile("", text.encode("utf-8"))
