"""The calendar to read and pin up: the campaigns, then one month grid after another.

What it shows is worked out here (`calendar_page`); how it looks is the templates'
(`calendar.md.j2`, `calendar.html.j2`), rendered through the same environment as the
document, so that a brand's templates (`--template-dir`) and stylesheet apply. Plan text
is always printed as text: the templates escape it for Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from smplan import __version__
from smplan.calendar import ContentCalendar, Post, month_weeks, months
from smplan.i18n import L_, Formatter, language
from smplan.plan.labels import value_label
from smplan.plan.model import ContentKind
from smplan.render.calendar_formats import CalendarFile, CalendarOptions
from smplan.render.calendar_views import day_label, month_title, post_line, weekdays
from smplan.render.environment import render_template
from smplan.render.labels import labels
from smplan.render.theme import Theme, paper_for
from smplan.render.typography import clock
from smplan.render.view import Table

_NO_CAMPAIGN = L_("No campaign in this period.")
#: The campaigns table's columns, by their names in the document's labels.
_HEADERS = ("campaign", "from", "to", "channels", "pillar", "topic", "budget")


@dataclass(frozen=True)
class PostCell:
    """A post as a day of the grid shows it."""

    time: str
    platform: str
    pillar: str | None
    #: The pillar's kind (educational, promotional...), for a template to colour it by.
    kind: str | None
    topic: str | None
    campaigns: tuple[str, ...]
    #: Its time, channel and pillar on one line.
    line: str


@dataclass(frozen=True)
class DayCell:
    """A day of a month grid: its number, the holiday or key date on it, its posts."""

    number: int
    #: The day's number, and the holiday or key date on it (`25 · Christmas Day`).
    label: str
    mark: str | None
    posts: list[PostCell]


@dataclass(frozen=True)
class MonthView:
    """One month of the calendar, Monday first; None for a day outside it or the calendar."""

    title: str
    weeks: list[list[DayCell | None]]
    #: The campaigns running in the month, named in a sentence; None when there are none.
    note: str | None


@dataclass(frozen=True)
class Kind:
    """A kind of pillar (educational, promotional...): its key, for a template to colour
    its posts by, and its name, for a legend."""

    key: str
    name: str


@dataclass(frozen=True)
class CalendarPage:
    """Everything the calendar's templates print, in one language."""

    #: The plan's title (or organization), which the calendar is of.
    title: str | None
    organization: str | None
    author: str | None
    description: str
    draft: bool
    #: The span and the time zone, in a sentence.
    intro: str
    weekdays: list[str]
    #: The kinds of the posts shown, in the model's order.
    kinds: list[Kind]
    campaigns: Table | None
    no_campaign: str
    months: list[MonthView]


def calendar_page(calendar: ContentCalendar, options: CalendarOptions) -> CalendarPage:
    """What the calendar shows, in the language in force."""
    fmt = Formatter(options.lang, options.currency)
    t = labels()
    by_day: dict[dt.date, list[PostCell]] = {}
    for post in calendar.posts:
        by_day.setdefault(post.when.date(), []).append(_cell(post, options.lang))
    marks = {k.day: k.name for k in calendar.key_dates}
    found = []
    for year, month in months(calendar.start, calendar.end):
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        weeks = [
            [
                None
                if day is None
                else DayCell(day.day, day_label(day, marks), marks.get(day), by_day.get(day, []))
                for day in week
            ]
            for week in month_weeks(year, month, calendar.start, calendar.end)
        ]
        running = [c for c in calendar.campaigns if c.start <= last and c.end >= first]
        names = ", ".join(
            str(
                L_(
                    "{name} ({start} to {end})",
                    name=c.name,
                    start=fmt.date(c.start),
                    end=fmt.date(c.end),
                )
            )
            for c in running
        )
        note = str(L_("Campaigns this month: {names}", names=names)) if running else None
        found.append(MonthView(month_title(first, options.lang), weeks, note))
    rows: list[list[str | list[str] | None]] = [
        [
            c.name,
            fmt.date(c.start),
            fmt.date(c.end),
            ", ".join(c.platforms) or t["no_channel"],
            c.pillar,
            c.topic,
            fmt.money(c.budget),
        ]
        for c in calendar.campaigns
    ]
    intro = L_(
        "From {start} to {end}; times are local times in {timezone}.",
        start=fmt.date(calendar.start),
        end=fmt.date(calendar.end),
        timezone=calendar.timezone,
    )
    return CalendarPage(
        title=options.title,
        organization=None,
        author=None,
        description=str(intro),
        draft=False,
        intro=str(intro),
        weekdays=weekdays(options.lang),
        kinds=[
            Kind(kind.value, value_label("content_kind", kind.value) or kind.value)
            for kind in ContentKind
            if any(p.kind == kind for p in calendar.posts)
        ],
        campaigns=Table([t[h] for h in _HEADERS], rows) if rows else None,
        no_campaign=str(_NO_CAMPAIGN),
        months=found,
    )


def _cell(post: Post, lang: str) -> PostCell:
    return PostCell(
        time=clock(post.when, lang),
        platform=post.platform,
        pillar=post.pillar,
        kind=post.kind,
        topic=post.topic,
        campaigns=post.campaigns,
        line=post_line(post, lang),
    )


def context(doc: Any, options: CalendarOptions) -> dict[str, Any]:
    """What the calendar's and the weekly sheet's templates see, `doc` the page's content.

    `options.dress` (a theme's `brand`, the `paper`) is laid over it: the templates show a
    brand's logo and colours when they are given.
    """
    created = options.stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if options.stamp else None
    return {
        "doc": doc,
        "t": labels(),
        "lang": options.lang,
        "generator": f"smplan {__version__}",
        "created": created,
        # Undressed, a page wears no brand, on the paper of its language.
        "brand": Theme(),
        "paper": paper_for(options.lang),
        **options.dress,
    }


def render_markdown(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """The calendar as Markdown: a table of campaigns, then one table per month."""
    return [_render("md", calendar, options)]


def render_html(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """The calendar as one standalone, styled HTML page: campaigns, then one grid per month."""
    return [_render("html", calendar, options)]


def _render(kind: str, calendar: ContentCalendar, options: CalendarOptions) -> CalendarFile:
    with language(options.lang):
        page = context(calendar_page(calendar, options), options)
    text = render_template(kind, f"calendar.{kind}.j2", page, options.template_dir, options.lang)
    return CalendarFile("", text.encode("utf-8"))
