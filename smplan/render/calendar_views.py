"""The calendar to read and pin up: the campaigns, then one month grid after another.

Each day of a month lists its posts (time, channel, pillar); the campaigns running in a
month are named above its grid. Dates, month and weekday names follow the calendar's
language (Babel's locale data); plan text is always printed as text.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from smplan.calendar import CampaignSpan, ContentCalendar, Post, month_weeks, months
from smplan.i18n import L_, Formatter, babel_locale, language
from smplan.render.calendar_formats import CalendarFile, CalendarOptions
from smplan.render.labels import labels
from smplan.render.markdown import md_escape, mdcell_escape
from smplan.render.theme import Theme

_NO_CAMPAIGN = L_("No campaign in this period.")
#: The campaigns table's columns, by their names in the document's labels.
_HEADERS = ("campaign", "from", "to", "channels", "pillar", "topic", "budget")


@dataclass(frozen=True)
class _Month:
    title: str
    #: Weeks of seven days, Monday first, each day as its number (and the holiday or key
    #: date on it) and its posts; None outside the month or the calendar.
    weeks: list[list[tuple[str, list[Post]] | None]]
    campaigns: list[CampaignSpan]


def _months(calendar: ContentCalendar, lang: str) -> list[_Month]:
    by_day: dict[dt.date, list[Post]] = {}
    for post in calendar.posts:
        by_day.setdefault(post.when.date(), []).append(post)
    marks = {k.day: k.name for k in calendar.key_dates}
    found = []
    for year, month in months(calendar.start, calendar.end):
        weeks = [
            [None if day is None else (day_label(day, marks), by_day.get(day, [])) for day in week]
            for week in month_weeks(year, month, calendar.start, calendar.end)
        ]
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        running = [c for c in calendar.campaigns if c.start <= last and c.end >= first]
        found.append(_Month(month_title(first, lang), weeks, running))
    return found


def day_label(day: dt.date, marks: dict[dt.date, str]) -> str:
    """A day of a grid: its number, and the holiday or key date on it (`25 · Christmas Day`)."""
    return f"{day.day} · {marks[day]}" if day in marks else str(day.day)


def month_title(day: dt.date, lang: str, capital: bool = True) -> str:
    """A month's name and year: November 2026, Novembre 2026 as a heading of its own,
    novembre 2026 inside a sentence or a longer title (`capital=False`)."""
    from babel.dates import format_date

    title = str(format_date(day, "LLLL y", locale=babel_locale(lang)))
    return title[:1].upper() + title[1:] if capital else title


def weeks_title(first: dt.date, last: dt.date, lang: str) -> str:
    """A stretch of days as a heading: 16 Nov – 13 Dec 2026, 16 nov. – 13 déc. 2026."""
    from babel.dates import format_interval

    return str(format_interval(first, last, "yMMMd", locale=babel_locale(lang)))


def weekdays(lang: str) -> list[str]:
    """The days of the week, Monday first, abbreviated as the language writes them."""
    names = babel_locale(lang).days["format"]["abbreviated"]
    return [str(names[i]) for i in range(7)]


def post_line(post: Post, lang: str | None = None) -> str:
    """A post as a grid cell shows it: its time (as the language writes times of day:
    08:00, 8:00 AM), channel and pillar."""
    from babel.dates import format_time

    what = " · ".join(t for t in (post.platform, post.pillar) if t)
    when = format_time(post.when, "short", locale=babel_locale(lang)) if lang else None
    return f"{when or f'{post.when:%H:%M}'} {what}"


def _campaign_rows(calendar: ContentCalendar, fmt: Formatter) -> list[list[str]]:
    return [
        [
            c.name,
            fmt.date(c.start) or "",
            fmt.date(c.end) or "",
            ", ".join(c.platforms) or labels()["no_channel"],
            c.pillar or "",
            c.topic or "",
            fmt.money(c.budget) or "",
        ]
        for c in calendar.campaigns
    ]


def _intro(calendar: ContentCalendar, fmt: Formatter) -> str:
    return str(
        L_(
            "From {start} to {end}; times are local times in {timezone}.",
            start=fmt.date(calendar.start),
            end=fmt.date(calendar.end),
            timezone=calendar.timezone,
        )
    )


def _month_note(month: _Month, fmt: Formatter) -> str | None:
    if not month.campaigns:
        return None
    names = ", ".join(
        str(
            L_(
                "{name} ({start} to {end})",
                name=c.name,
                start=fmt.date(c.start),
                end=fmt.date(c.end),
            )
        )
        for c in month.campaigns
    )
    return str(L_("Campaigns this month: {names}", names=names))


def render_markdown(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """The calendar as Markdown: a table of campaigns, then one table per month."""
    with language(options.lang):
        fmt = Formatter(options.lang, options.currency)
        t = labels()
        title = f"{t['calendar']}: {options.title}" if options.title else t["calendar"]
        lines = [f"# {md_escape(title)}", "", md_escape(_intro(calendar, fmt)), ""]
        lines += [f"## {t['campaigns']}", ""]
        rows = _campaign_rows(calendar, fmt)
        if rows:
            lines += _md_table([t[h] for h in _HEADERS], rows, mdcell_escape)
        else:
            lines.append(str(_NO_CAMPAIGN))
        for month in _months(calendar, options.lang):
            lines += ["", f"## {md_escape(month.title)}", ""]
            note = _month_note(month, fmt)
            if note:
                lines += [md_escape(note), ""]
            cells = [
                [
                    ""
                    if day is None
                    else "<br>".join(
                        [
                            f"**{mdcell_escape(day[0])}**",
                            *(mdcell_escape(post_line(p, options.lang)) for p in day[1]),
                        ]
                    )
                    for day in week
                ]
                for week in month.weeks
            ]
            lines += _md_table(weekdays(options.lang), cells, lambda text: text)
        text = "\n".join(lines) + "\n"
    return [CalendarFile("", text.encode("utf-8"))]


def _md_table(header: list[str], rows: list[list[str]], cell: Callable[[str], str]) -> list[str]:
    lines = ["| " + " | ".join(mdcell_escape(h) for h in header) + " |"]
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


_STYLE = """\
:root { --brand: #1f4e79; }
body { font-family: "DejaVu Sans", sans-serif; margin: 2em; color: #222; }
h1, h2 { color: var(--brand); }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 0.3em; vertical-align: top; text-align: left; }
th { border-bottom: 2px solid var(--brand); }
td.out { background: #eee; }
td .day { font-weight: bold; display: block; }
td .post { display: block; font-size: 0.85em; }
.logo { display: block; max-height: 4em; max-width: 14em; margin-bottom: 1em; }
.meta { color: #555; }
"""


def _dress(theme: Theme | None) -> list[str]:
    """The theme's colours and font as CSS: its values are checked when it is read."""
    if theme is None:
        return []
    css = [f":root {{ --brand: {theme.brand}; }}"] if theme.brand else []
    if theme.font:
        css.append(f'body {{ font-family: "{theme.font}", "DejaVu Sans", sans-serif; }}')
    if theme.font and theme.font_file:
        css.append(f'@font-face {{ font-family: "{theme.font}"; src: url("{theme.font_file}"); }}')
    return ["<style>", *css, "</style>"] if css else []


def _masthead(theme: Theme | None, t: dict[str, str]) -> list[str]:
    """The theme's logo, who the calendar is prepared for and by, its confidentiality."""
    if theme is None:
        return []
    e = html.escape
    out = [f'<img class="logo" src="{e(theme.logo)}" alt="">'] if theme.logo else []
    meta = [
        f"{e(label)}{e(t['colon'])} {e(value)}"
        for label, value in (
            (t["prepared_for"], theme.prepared_for),
            (t["prepared_by"], theme.prepared_by),
        )
        if value
    ]
    if theme.confidential:
        meta.append(e(theme.confidential))
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    return out


def render_html(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """The calendar as one standalone HTML page: campaigns, then one grid per month."""
    e = html.escape
    with language(options.lang):
        fmt = Formatter(options.lang, options.currency)
        t = labels()
        title = f"{t['calendar']}: {options.title}" if options.title else t["calendar"]
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{e(options.lang)}">',
            '<head><meta charset="utf-8">',
            f"<title>{e(title)}</title>",
            f"<style>\n{_STYLE}</style>",
            *_dress(options.theme),
            "</head>",
            "<body>",
            *_masthead(options.theme, t),
            f"<h1>{e(title)}</h1>",
            f"<p>{e(_intro(calendar, fmt))}</p>",
            f"<h2>{e(t['campaigns'])}</h2>",
        ]
        rows = _campaign_rows(calendar, fmt)
        if rows:
            out.append("<table>")
            out.append("<tr>" + "".join(f"<th>{e(t[h])}</th>" for h in _HEADERS) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
            out.append("</table>")
        else:
            out.append(f"<p>{e(str(_NO_CAMPAIGN))}</p>")
        for month in _months(calendar, options.lang):
            out.append(f"<h2>{e(month.title)}</h2>")
            note = _month_note(month, fmt)
            if note:
                out.append(f"<p>{e(note)}</p>")
            out.append("<table>")
            out.append(
                "<tr>" + "".join(f"<th>{e(d)}</th>" for d in weekdays(options.lang)) + "</tr>"
            )
            for week in month.weeks:
                cells = []
                for day in week:
                    if day is None:
                        cells.append('<td class="out"></td>')
                        continue
                    posts = "".join(
                        f'<span class="post">{e(post_line(p, options.lang))}</span>' for p in day[1]
                    )
                    cells.append(f'<td><span class="day">{e(day[0])}</span>{posts}</td>')
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
        out += ["</body>", "</html>"]
    return [CalendarFile("", ("\n".join(out) + "\n").encode("utf-8"))]
