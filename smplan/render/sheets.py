"""The weekly sheet: one page per person, to pin up, saying who posts what on which day.

Each team member's page lists the posts they own that week (day, time, channel, pillar,
suggested topic, campaign), then their standing duties from the plan: the messages they
answer (response playbook), what they draft and approve, the reviews they run and the
metrics they measure. A member with nothing to do that week gets no page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from smplan.calendar import ContentCalendar, Post
from smplan.i18n import L_, Formatter, language
from smplan.plan.labels import value_label
from smplan.plan.model import Plan
from smplan.render.calendar_formats import CalendarFile, CalendarOptions
from smplan.render.markdown import md_escape, mdcell_escape

_POSTS = L_("Posts this week")
_NO_POSTS = L_("No post this week.")
_DUTIES = L_("Standing duties")
_HEADERS = (L_("Day"), L_("Time"), L_("Channel"), L_("Pillar"), L_("Suggested topic"))


@dataclass(frozen=True)
class Sheet:
    """One person's week."""

    name: str
    role: str | None
    #: (day, time, channel, pillar, topic) of each post they own, in time order.
    posts: list[tuple[str, str, str, str, str]]
    duties: list[str]


def sheets(plan: Plan, calendar: ContentCalendar, lang: str) -> list[Sheet]:
    """The sheet of each team member with a post or a duty, in the team's order."""
    fmt = Formatter(lang)
    found = []
    for member in plan.team.members if plan.team else []:
        posts = [_row(p, fmt) for p in calendar.posts if p.owner == member.id]
        duties = _duties(plan, member.id)
        if posts or duties:
            found.append(Sheet(member.name or member.id, member.role, posts, duties))
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
        f"{post.when:%H:%M}",
        post.platform,
        post.pillar or "",
        topic,
    )


def _duties(plan: Plan, who: str) -> list[str]:
    duties: list[str] = []
    listening = plan.listening
    if listening and listening.playbook:
        for case in listening.playbook.cases:
            if case.owner == who and case.case:
                hours = Formatter(plan.language).hours(case.response_hours)
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


def render_sheet_markdown(
    plan: Plan, calendar: ContentCalendar, options: CalendarOptions
) -> CalendarFile:
    """The week's sheets in Markdown, one section per person."""
    with language(options.lang):
        fmt = Formatter(options.lang)
        title = str(L_("Week of {date}", date=fmt.date(calendar.start)))
        lines: list[str] = []
        for sheet in sheets(plan, calendar, options.lang):
            if lines:
                lines += ["", "---", ""]
            who = f"{sheet.name}, {sheet.role}" if sheet.role else sheet.name
            lines += [f"# {md_escape(who)}", "", f"*{md_escape(title)}*", ""]
            lines += [f"## {_POSTS}", ""]
            if sheet.posts:
                lines.append("| " + " | ".join(str(h) for h in _HEADERS) + " |")
                lines.append("|" + "---|" * len(_HEADERS))
                lines += [
                    "| " + " | ".join(mdcell_escape(c) or "—" for c in row) + " |"
                    for row in sheet.posts
                ]
            else:
                lines.append(str(_NO_POSTS))
            if sheet.duties:
                lines += ["", f"## {_DUTIES}", ""]
                lines += [f"- {md_escape(duty)}" for duty in sheet.duties]
        text = "\n".join(lines) + "\n"
    return CalendarFile("", text.encode("utf-8"))


_STYLE = """\
body { font-family: "DejaVu Sans", sans-serif; margin: 2em; color: #222; }
section { break-after: page; page-break-after: always; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em; text-align: left; vertical-align: top; }
"""


def render_sheet_html(
    plan: Plan, calendar: ContentCalendar, options: CalendarOptions
) -> CalendarFile:
    """The week's sheets as one HTML page, each person's sheet on a page of its own."""
    e = html.escape
    with language(options.lang):
        fmt = Formatter(options.lang)
        title = str(L_("Week of {date}", date=fmt.date(calendar.start)))
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{e(options.lang)}">',
            f'<head><meta charset="utf-8"><title>{e(title)}</title>',
            f"<style>\n{_STYLE}</style></head>",
            "<body>",
        ]
        for sheet in sheets(plan, calendar, options.lang):
            who = f"{sheet.name}, {sheet.role}" if sheet.role else sheet.name
            out += ["<section>", f"<h1>{e(who)}</h1>", f"<p><em>{e(title)}</em></p>"]
            out.append(f"<h2>{e(str(_POSTS))}</h2>")
            if sheet.posts:
                out.append("<table>")
                out.append("<tr>" + "".join(f"<th>{e(str(h))}</th>" for h in _HEADERS) + "</tr>")
                out += [
                    "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                    for row in sheet.posts
                ]
                out.append("</table>")
            else:
                out.append(f"<p>{e(str(_NO_POSTS))}</p>")
            if sheet.duties:
                out.append(f"<h2>{e(str(_DUTIES))}</h2>")
                out.append("<ul>" + "".join(f"<li>{e(d)}</li>" for d in sheet.duties) + "</ul>")
            out.append("</section>")
        out += ["</body>", "</html>"]
    return CalendarFile("", ("\n".join(out) + "\n").encode("utf-8"))
