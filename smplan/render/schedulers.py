"""The calendar as CSV: every field in one file, and the schedulers' bulk-upload files.

Buffer's bulk upload reads one channel per file, with exactly the header
`Text,Image URL,Tags,Posting Time`, times as `YYYY-MM-DD HH:mm` and at most 100 posts; a
blank row stops the upload, and the upload offers to save the posts as drafts.
Hootsuite's bulk composer reads one profile per file, one message per row (date and time,
message, optional link), at most 350 messages, times in the future and on five-minute
steps; the date's order is chosen when uploading, month first unless changed.

The text of each post is a placeholder naming its pillar and topic, marked as a draft
not to publish: smplan never writes the copy. What the person uploading the files must
know (posts left out because their time has passed, slots moved onto a scheduler's
steps, posts moved off a time another post of their channel already has, rows a network
refuses as they are, what to tick at upload) comes back with the files as an `Upload`,
for the command to say.

Two posts of a channel at the same time in one file would be refused or published at
once, so the later one moves to the next free step of its day; when its day has no free
step left, the files are not written and the command says which post to move.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from smplan.calendar import ContentCalendar, Post
from smplan.errors import CalendarError
from smplan.i18n import L_, Formatter, Message, language
from smplan.render.calendar_formats import CalendarFile, CalendarOptions, Written

BUFFER_HEADER = ("Text", "Image URL", "Tags", "Posting Time")
BUFFER_ROWS = 100
HOOTSUITE_ROWS = 350
#: Hootsuite takes times on these steps only (minutes).
HOOTSUITE_STEP = 5
#: Buffer takes any minute: its step is one minute.
BUFFER_STEP = 1
#: The networks that refuse a post without an image or a video, and which one they need.
NEEDS_MEDIA = {"Instagram": "image", "Pinterest": "image", "TikTok": "video", "YouTube": "video"}
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


@dataclass(frozen=True)
class Moved:
    """A weekly slot written at another time, to fit a scheduler's steps."""

    platform: str
    #: The slot's day of the week, 0 for Monday.
    weekday: int
    slot: dt.time
    written: dt.time


@dataclass(frozen=True)
class Crowded:
    """A post written later than its time, because another post of its channel already
    has that time in the scheduler's file."""

    channel: str
    platform: str
    day: dt.date
    #: Its time in the plan, the time it shares with the other post, the time written.
    slot: dt.time
    shared: dt.time
    written: dt.time


@dataclass(frozen=True)
class Refused:
    """A channel's rows that its network refuses as they are: they have no image or video."""

    platform: str
    channel: str
    #: What the network needs on every post: `image` or `video`.
    media: str
    rows: int


@dataclass(frozen=True)
class Upload:
    """What the files of a scheduler leave for the person who uploads them to know."""

    #: The scheduler's name, as it writes it.
    scheduler: str
    #: Posts left out because their time has passed.
    past: int
    moved: tuple[Moved, ...]
    refused: tuple[Refused, ...]
    #: What to tick or choose on the scheduler's upload screen.
    advice: Message
    #: Posts moved to the next free step, in time order.
    crowded: tuple[Crowded, ...] = ()


def draft_line(post: Post) -> str:
    """The text a scheduler file carries for a post: what to write about, marked so that
    nobody publishes it as it is. A topic that only repeats its pillar is said once."""
    what = post.pillar or post.platform
    if post.topic and post.topic.casefold() != what.casefold():
        return str(L_("[DRAFT, DO NOT PUBLISH] {pillar}: {topic}", pillar=what, topic=post.topic))
    return str(L_("[DRAFT, DO NOT PUBLISH] {pillar}", pillar=what))


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


def _csv(rows: Iterable[Sequence[str]], *, bom: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    # Excel reads a CSV as UTF-8 only when it starts with a byte-order mark.
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def render_csv(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """Every post with every field, one row each, in time order, for a spreadsheet.

    The file starts with a byte-order mark: without one, Excel reads "rosé" as "rosÃ©".
    """
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
    return [CalendarFile("", _csv(rows, bom=True))]


_BUFFER_ADVICE = L_(
    "the texts are placeholders to rewrite: upload each file with “save as drafts” ticked, "
    "so that none is published as it is"
)


def _hootsuite_advice(order: str) -> Message:
    return L_(
        "the messages are placeholders to rewrite: when uploading, choose the date format "
        "{order}, then rewrite each message in the review before scheduling it (Hootsuite "
        "schedules what it uploads)",
        order=order,
    )


def render_buffer(calendar: ContentCalendar, options: CalendarOptions) -> Written:
    """One Buffer bulk-upload file per channel, split every 100 posts."""
    posts, past = _upcoming(calendar, options)
    with language(options.lang):
        placed, crowded = _placed(posts, BUFFER_STEP, "Buffer", options.lang)
        files = _per_channel(
            placed,
            BUFFER_ROWS,
            BUFFER_HEADER,
            lambda post, when: (
                draft_line(post),
                "",
                # Buffer splits tags at commas: a comma inside a name would make two tags.
                ",".join(
                    " ".join(t.replace(",", " ").split())
                    for t in (post.pillar, *post.campaigns)
                    if t
                ),
                when.strftime("%Y-%m-%d %H:%M"),
            ),
        )
    return Written(files, Upload("Buffer", past, (), _refused(posts), _BUFFER_ADVICE, crowded))


def render_hootsuite(calendar: ContentCalendar, options: CalendarOptions) -> Written:
    """One Hootsuite bulk-composer file per channel (profile), split every 350 messages.

    Dates are month first (MM/DD/YYYY), the order Hootsuite's upload takes unless told
    otherwise, or day first with `options.day_first`; times go up to the next five minutes.
    """
    posts, past = _upcoming(calendar, options)
    order = "%d/%m/%Y" if options.day_first else "%m/%d/%Y"
    with language(options.lang):
        placed, crowded = _placed(posts, HOOTSUITE_STEP, "Hootsuite", options.lang)
        files = _per_channel(
            placed,
            HOOTSUITE_ROWS,
            None,
            lambda post, when: (
                when.strftime(f"{order} %H:%M"),
                draft_line(post),
                "",
            ),
        )
    advice = _hootsuite_advice("DD/MM/YYYY" if options.day_first else "MM/DD/YYYY")
    moved = _moved(placed, HOOTSUITE_STEP)
    return Written(files, Upload("Hootsuite", past, moved, _refused(posts), advice, crowded))


def on_step(when: dt.datetime, minutes: int) -> dt.datetime:
    """`when`, or the next time after it on a step of `minutes` (17:32 gives 17:35)."""
    late = when.minute % minutes
    return when + dt.timedelta(minutes=minutes - late) if late else when


def _placed(
    posts: list[Post], step: int, scheduler: str, lang: str
) -> tuple[list[tuple[Post, dt.datetime]], tuple[Crowded, ...]]:
    """Each post with the time its scheduler's file gives it: the next time on a step of
    `step` minutes that no earlier post of its channel has, on the post's own day.

    A `CalendarError` when a post would leave its day: a scheduler would publish it a day
    late, which no one planned.
    """
    taken: dict[str, set[dt.datetime]] = {}
    placed: list[tuple[Post, dt.datetime]] = []
    crowded: list[Crowded] = []
    for post in sorted(posts, key=lambda p: p.when):
        shared = when = on_step(post.when, step)
        # Wall-clock times: aware ones of one zone compare so, but do not hash so.
        mine = taken.setdefault(post.channel, set())
        while when.replace(tzinfo=None) in mine:
            when += dt.timedelta(minutes=step)
        if when.date() != post.when.date():
            raise _no_step_left(post, shared.date() == post.when.date(), scheduler, lang)
        mine.add(when.replace(tzinfo=None))
        placed.append((post, when))
        if when != shared:
            crowded.append(
                Crowded(
                    post.channel,
                    post.platform,
                    post.when.date(),
                    post.when.time(),
                    shared.time(),
                    when.time(),
                )
            )
    return placed, tuple(crowded)


def _no_step_left(post: Post, crowded: bool, scheduler: str, lang: str) -> CalendarError:
    fields = {
        "scheduler": scheduler,
        "channel": post.channel,
        "time": f"{post.when:%H:%M}",
        "date": Formatter(lang).date(post.when.date()),
    }
    if crowded:
        return CalendarError(
            L_(
                "the post of `{channel}` at {time} on {date} would share its time in "
                "{scheduler}'s file with another post of the channel, and no later time is "
                "free before midnight",
                **fields,
            ),
            hint=L_("give one of the two slots an earlier time in the plan"),
        )
    return CalendarError(
        L_(
            "{scheduler} takes times on five-minute steps only, and the post of `{channel}` "
            "at {time} on {date} has none left before midnight",
            **fields,
        ),
        hint=L_("give this slot a time by 23:55 in the plan"),
    )


def _upcoming(calendar: ContentCalendar, options: CalendarOptions) -> tuple[list[Post], int]:
    """The posts still to come at `options.since` (all of them without it), and how many
    are left out."""
    if options.since is None:
        return list(calendar.posts), 0
    kept = [p for p in calendar.posts if p.when > options.since]
    return kept, len(calendar.posts) - len(kept)


def _moved(placed: list[tuple[Post, dt.datetime]], step: int) -> tuple[Moved, ...]:
    """Each weekly slot whose time is off the scheduler's steps, once, in time order.

    A post moved further, off another post's time, is said with those (`Crowded`), so
    that no post is said to go to two times.
    """
    found: dict[tuple[str, int, dt.time], Moved] = {}
    for post, written in placed:
        if written != post.when and written == on_step(post.when, step):
            key = (post.platform, post.when.weekday(), post.when.time())
            found.setdefault(key, Moved(*key, written.time()))
    return tuple(sorted(found.values(), key=lambda m: (m.weekday, m.slot, m.platform)))


def _refused(posts: list[Post]) -> tuple[Refused, ...]:
    """The rows each channel's network refuses: every post where it needs an image or a
    video, since the files carry neither."""
    counts: dict[tuple[str, str], int] = {}
    for post in posts:
        if post.platform in NEEDS_MEDIA:
            key = (post.platform, post.channel)
            counts[key] = counts.get(key, 0) + 1
    return tuple(
        Refused(platform, channel, NEEDS_MEDIA[platform], rows)
        for (platform, channel), rows in counts.items()
    )


def _per_channel(
    placed: list[tuple[Post, dt.datetime]],
    limit: int,
    header: Sequence[str] | None,
    row: Callable[[Post, dt.datetime], Sequence[str]],
) -> list[CalendarFile]:
    by_channel: dict[str, list[tuple[Post, dt.datetime]]] = {}
    for post, when in placed:
        by_channel.setdefault(post.channel, []).append((post, when))
    files = []
    for channel, mine in by_channel.items():
        for n in range(math.ceil(len(mine) / limit)):
            chunk = mine[n * limit : (n + 1) * limit]
            rows = ([header] if header else []) + [row(*pair) for pair in chunk]
            # A channel's key never holds a dot (ids and slugs are [a-z0-9_-]), so
            # `instagram.2` cannot be the name of another channel's file, as
            # `instagram-2` could.
            part = channel if n == 0 else f"{channel}.{n + 1}"
            files.append(CalendarFile(part, _csv(rows)))
    return files
