"""The calendar as CSV: every field in one file, and the schedulers' bulk-upload files.

Buffer's bulk upload reads one channel per file, with exactly the header
`Text,Image URL,Tags,Posting Time`, times as `YYYY-MM-DD HH:mm` and at most 100 posts; a
blank row stops the upload. Hootsuite's bulk composer reads one profile per file, one
message per row (date and time, message, optional link) and at most 350 messages; the date
format is chosen when uploading (day first here). The text of each post is a draft line
naming its pillar and topic, for the team to write: smplan never writes the copy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from smplan.calendar import ContentCalendar, Post
from smplan.i18n import L_, language
from smplan.render.calendar_formats import CalendarFile, CalendarOptions

BUFFER_HEADER = ("Text", "Image URL", "Tags", "Posting Time")
BUFFER_ROWS = 100
HOOTSUITE_ROWS = 350
#: The plain CSV's columns, one per field of a post.
CSV_HEADER = (
    "date",
    "time",
    "timezone",
    "channel",
    "platform",
    "owner",
    "pillar",
    "kind",
    "topic",
    "campaign",
)


def draft_line(post: Post) -> str:
    """The text a scheduler file carries for a post: what to write about, marked as a draft."""
    what = post.pillar or post.platform
    if post.topic:
        return str(L_("DRAFT: {pillar}: {topic}", pillar=what, topic=post.topic))
    return str(L_("DRAFT: {pillar}", pillar=what))


#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it as text: one that would start a formula gets `'` first.

    Plan text is data: `=HYPERLINK(...)` or `@SUM(...)` typed as a topic must not run when
    the file is opened in Excel, LibreOffice or Google Sheets. The fields smplan writes
    itself (dates, times, empty cells) never start so, and stay exactly as the schedulers
    read them.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def render_csv(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """Every post with every field, one row each, in time order."""
    rows: list[Sequence[str]] = [CSV_HEADER]
    for post in calendar.posts:
        rows.append(
            (
                post.when.strftime("%Y-%m-%d"),
                post.when.strftime("%H:%M"),
                calendar.timezone,
                post.channel,
                post.platform,
                post.owner_name or post.owner or "",
                post.pillar or "",
                post.kind or "",
                post.topic or "",
                "; ".join(post.campaigns),
            )
        )
    return [CalendarFile("", _csv(rows))]


def render_buffer(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """One Buffer bulk-upload file per channel, split every 100 posts."""
    with language(options.lang):
        return _per_channel(
            calendar,
            BUFFER_ROWS,
            BUFFER_HEADER,
            lambda post: (
                draft_line(post),
                "",
                # Buffer splits tags at commas: a comma inside a name would make two tags.
                ",".join(t.replace(",", " ") for t in (post.pillar, *post.campaigns) if t),
                post.when.strftime("%Y-%m-%d %H:%M"),
            ),
        )


def render_hootsuite(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """One Hootsuite bulk-composer file per channel (profile), split every 350 messages."""
    with language(options.lang):
        return _per_channel(
            calendar,
            HOOTSUITE_ROWS,
            None,
            lambda post: (post.when.strftime("%d/%m/%Y %H:%M"), draft_line(post), ""),
        )


def _per_channel(
    calendar: ContentCalendar,
    limit: int,
    header: Sequence[str] | None,
    row: Callable[[Post], Sequence[str]],
) -> list[CalendarFile]:
    by_channel: dict[str, list[Post]] = {}
    for post in calendar.posts:
        by_channel.setdefault(post.channel, []).append(post)
    files = []
    for channel, posts in by_channel.items():
        chunks = [posts[i : i + limit] for i in range(0, len(posts), limit)]
        for n, chunk in enumerate(chunks, start=1):
            rows = ([header] if header else []) + [row(post) for post in chunk]
            # A channel's key never holds a dot (ids and slugs are [a-z0-9_-]), so
            # `instagram.2` cannot be the name of another channel's file, as
            # `instagram-2` could.
            part = channel if n == 1 else f"{channel}.{n}"
            files.append(CalendarFile(part, _csv(rows)))
    return files
