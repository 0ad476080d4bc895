"""How the calendar's days, months and posts are written, in the calendar's language.

The calendar to read (`smplan.render.calendar_pages`) and the document's calendar chapter
(`smplan.render.view`) both write them so: dates, month and weekday names follow the
language (Babel's locale data).
"""

from __future__ import annotations

import datetime as dt

from smplan.calendar import Post
from smplan.i18n import babel_locale
from smplan.render.typography import clock


def day_label(day: dt.date, marks: dict[dt.date, str]) -> str:
    """A day of a grid: its number, and the holiday or key date on it (`25 · Christmas Day`)."""
    return f"{day.day} · {marks[day]}" if day in marks else str(day.day)


def month_title(day: dt.date, lang: str) -> str:
    """A month's name and year as a heading: November 2026, Novembre 2026."""
    from babel.dates import format_date

    title = format_date(day, "LLLL y", locale=babel_locale(lang))
    return title[:1].upper() + title[1:]


def weeks_title(first: dt.date, last: dt.date, lang: str) -> str:
    """A stretch of days as a heading: 16 Nov – 13 Dec 2026, 16 nov. – 13 déc. 2026."""
    from babel.dates import format_interval

    return str(format_interval(first, last, "yMMMd", locale=babel_locale(lang)))


def weekdays(lang: str) -> list[str]:
    """The days of the week, Monday first, abbreviated as the language writes them."""
    names = babel_locale(lang).days["format"]["abbreviated"]
    return [str(names[i]) for i in range(7)]


def post_line(post: Post, lang: str) -> str:
    """A post as a grid cell shows it: its time (as the language writes times of day:
    8 h 30, 8:30 AM), channel and pillar."""
    what = " · ".join(t for t in (post.platform, post.pillar) if t)
    return f"{clock(post.when, lang)} {what}"
