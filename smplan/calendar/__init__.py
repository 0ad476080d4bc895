"""The content calendar: the channel plan's weekly slots turned into dated posts.

Each channel's slots (a weekday and a local time) are laid on every matching day from the
start to the end of the calendar. Each post gets the channel's owner, a pillar and a
suggested topic from the value step's topics of that pillar's kind; the campaigns that
cover its day are laid over it, and a campaign on the post's pillar gives it its topic.
Pillars rotate in blocks of four weeks: within each block a channel's counts follow the
shares as closely as whole numbers allow (largest remainder, counting what earlier blocks
owe each pillar), and a promotional pillar never gets more than its share. Nothing here
depends on the clock or on chance, so the same plan always gives the same calendar.

Times are wall-clock times in the plan's time zone: a 09:00 slot is at 09:00 local time in
winter and in summer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass

from smplan.errors import CalendarError
from smplan.i18n import L_
from smplan.plan.labels import platform_name
from smplan.plan.model import EARLIEST_DATE, LATEST_DATE, WEEKDAYS, Channel, Pillar, Plan
from smplan.plan.results import add_months

#: Pillars rotate over blocks of this many days.
BLOCK_DAYS = 28
#: How far a calendar runs when neither the options nor the plan say.
DEFAULT_WEEKS = 4
#: The longest calendar made at once: three years of posts, a few seconds' work. A span
#: typed by mistake (`--weeks 300000` for 30) is refused rather than worked on for hours.
MAX_WEEKS = 156


@dataclass(frozen=True)
class Post:
    """One dated post slot of the calendar."""

    #: The local date and time, aware of the plan's time zone.
    when: dt.datetime
    #: The channel's key: its id, else a slug of its platform.
    channel: str
    platform: str
    handle: str | None
    owner: str | None
    owner_name: str | None
    pillar: str | None
    kind: str | None
    topic: str | None
    #: Names of the campaigns that run on this channel on this day.
    campaigns: tuple[str, ...]


@dataclass(frozen=True)
class CampaignSpan:
    """A campaign or key date within the calendar."""

    name: str
    start: dt.date
    end: dt.date
    #: Keys of the channels it runs on; empty for a date the team only marks.
    channels: tuple[str, ...]
    #: The platforms of those channels, in the same order.
    platforms: tuple[str, ...]
    pillar: str | None
    topic: str | None
    budget: float | None
    notes: str | None
    #: Its rank in the plan's list, for stable identifiers.
    index: int


@dataclass(frozen=True)
class ContentCalendar:
    """Every dated post from `start` to `end` (both included), and the campaigns over them."""

    #: A short name of the plan, for identifiers and file names.
    key: str
    timezone: str
    start: dt.date
    end: dt.date
    posts: tuple[Post, ...]
    campaigns: tuple[CampaignSpan, ...]
    #: Platforms of the channels that post but have no slots, so are left out.
    unscheduled: tuple[str, ...]


def slug(text: str) -> str:
    """`text` as lowercase ASCII words and dashes: `Maison Fournil` -> `maison-fournil`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


def channel_keys(plan: Plan) -> list[str]:
    """Each channel's key, in the plan's order: its id, else its platform's slug, made unique."""
    keys: list[str] = []
    for i, channel in enumerate(plan.channels or []):
        key = channel.id or slug(channel.platform or f"channel-{i + 1}")
        while key in keys:
            key = f"{key}-{i + 1}"
        keys.append(key)
    return keys


def plan_key(plan: Plan) -> str:
    """A short name of the plan: its organization, else its title, as a slug."""
    project = plan.project
    name = (project.organization or project.name) if project else None
    return slug(name or "smplan")


def default_start(plan: Plan, today: dt.date) -> dt.date:
    """Where a calendar starts: the plan's date, else the Monday after `today`."""
    if plan.project and plan.project.date:
        return plan.project.date
    return today + dt.timedelta(days=7 - today.weekday())


def default_end(plan: Plan, start: dt.date) -> dt.date:
    """Where a calendar ends: the plan's horizon, else four weeks after the start; never
    more than MAX_WEEKS after the start."""
    horizon = plan.project.horizon if plan.project else None
    if horizon and horizon >= start:
        return min(horizon, weeks_end(start, MAX_WEEKS))
    return weeks_end(start, DEFAULT_WEEKS)


def weeks_end(start: dt.date, weeks: int) -> dt.date:
    """The last day of `weeks` weeks from `start`; a `CalendarError` past MAX_WEEKS."""
    if weeks > MAX_WEEKS:
        raise _too_long(weeks)
    try:
        return start + dt.timedelta(weeks=weeks, days=-1)
    except OverflowError:
        return dt.date.max  # refused by `check_span`, by its date


def check_span(start: dt.date, end: dt.date) -> None:
    """Refuse a span the calendar cannot hold: outside the days a plan may name, or longer
    than MAX_WEEKS."""
    for day in (start, end):
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            raise CalendarError(
                L_(
                    "{date} is outside the days a calendar covers, {first} to {last}",
                    date=day.isoformat(),
                    first=EARLIEST_DATE.isoformat(),
                    last=LATEST_DATE.isoformat(),
                ),
                hint=L_("check the year of --from and --to, and of the plan's dates"),
            )
    days = (end - start).days + 1
    if days > MAX_WEEKS * 7:
        raise _too_long(math.ceil(days / 7))


def _too_long(weeks: int) -> CalendarError:
    return CalendarError(
        L_(
            "the calendar would cover {weeks} weeks; it covers at most {limit} at a time",
            weeks=weeks,
            limit=MAX_WEEKS,
        ),
        hint=L_("give a shorter span with --to or --weeks, and make one calendar per stretch"),
    )


def build_calendar(plan: Plan, start: dt.date, end: dt.date) -> ContentCalendar:
    """The content calendar of `plan` from `start` to `end`, both days included.

    Raises `CalendarError` when the span is empty, when no channel has a slot, or when
    the plan has slots but no time zone.
    """
    if end < start:
        raise CalendarError(
            L_(
                "the calendar would end ({end}) before it starts ({start})",
                end=str(end),
                start=str(start),
            ),
            hint=L_("give --to a later date than --from"),
        )
    check_span(start, end)
    channels = plan.channels or []
    if not any(c.slots for c in channels):
        raise CalendarError(
            L_("no channel has posting slots, so there is nothing to date"),
            hint=L_(
                "give each channel its `slots` (a day and a time per post), for example {example}",
                example='`- {day: tuesday, time: "09:00"}`',
            ),
        )
    timezone = plan.project.timezone if plan.project else None
    if not timezone:
        raise CalendarError(
            L_("the plan has posting slots but no time zone"),
            hint=L_("set `project.timezone` to an IANA name such as Europe/Paris"),
        )
    zone = zoneinfo.ZoneInfo(timezone)
    keys = channel_keys(plan)
    campaigns = _campaigns(plan, keys, start, end)
    names = {m.id: m.name for m in (plan.team.members if plan.team else [])}
    topics = _topics(plan)
    posts: list[tuple[dt.datetime, int, Post]] = []
    for index, (channel, key) in enumerate(zip(channels, keys, strict=True)):
        when = _slot_times(channel, start, end, zone)
        pillars = _rotation(channel.pillars, [w.date() for w in when], start)
        used: dict[str, int] = {}
        for moment, pillar in zip(when, pillars, strict=True):
            kind = pillar.kind if pillar else None
            topic = None
            if kind and topics.get(kind):
                choices = topics[kind]
                topic = choices[used.get(kind, 0) % len(choices)]
                used[kind] = used.get(kind, 0) + 1
            day = moment.date()
            running = [c for c in campaigns if c.start <= day <= c.end and key in c.channels]
            covering = tuple(c.name for c in running)
            # A campaign on this post's pillar gives it the campaign's topic.
            topic = next(
                (c.topic for c in running if c.topic and pillar and c.pillar == pillar.name),
                topic,
            )
            post = Post(
                when=moment,
                channel=key,
                platform=platform_name(channel.platform) if channel.platform else key,
                handle=channel.handle,
                owner=channel.owner,
                owner_name=names.get(channel.owner) if channel.owner else None,
                pillar=pillar.name if pillar else None,
                kind=kind,
                topic=topic,
                campaigns=covering,
            )
            posts.append((moment.replace(tzinfo=None), index, post))
    posts.sort(key=lambda item: (item[0], item[1]))
    return ContentCalendar(
        key=plan_key(plan),
        timezone=timezone,
        start=start,
        end=end,
        posts=tuple(post for _, _, post in posts),
        campaigns=tuple(campaigns),
        unscheduled=tuple(
            platform_name(c.platform) if c.platform else k
            for c, k in zip(channels, keys, strict=True)
            if not c.slots and c.posts_per_week
        ),
    )


def month_weeks(year: int, month: int, first: dt.date, last: dt.date) -> list[list[dt.date | None]]:
    """The weeks of a month as seven days each, Monday first, for a grid.

    Days outside the month, or outside `first` to `last`, are None; weeks with no day left
    are dropped.
    """
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    day = start - dt.timedelta(days=start.weekday())
    weeks = []
    while day <= end:
        week: list[dt.date | None] = []
        for _ in range(7):
            week.append(day if start <= day <= end and first <= day <= last else None)
            day += dt.timedelta(days=1)
        if any(week):
            weeks.append(week)
    return weeks


def months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """Every (year, month) from `first` to `last`, in order."""
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append((year, month))
        year, month = add_months(year, month, 1)
    return found


def _slot_times(
    channel: Channel, start: dt.date, end: dt.date, zone: zoneinfo.ZoneInfo
) -> list[dt.datetime]:
    """Every local date and time of a channel's slots from `start` to `end`, in order."""
    by_day: dict[int, list[dt.time]] = {}
    for slot in channel.slots:
        if slot.day is None or slot.time is None:
            continue  # a slot not filled in yet dates nothing
        hours, minutes = slot.time.split(":")
        by_day.setdefault(WEEKDAYS.index(slot.day), []).append(dt.time(int(hours), int(minutes)))
    times = []
    day = start
    while day <= end:
        for moment in sorted(set(by_day.get(day.weekday(), []))):
            times.append(dt.datetime.combine(day, moment, tzinfo=zone))
        day += dt.timedelta(days=1)
    return times


def apportion(n: int, pillars: list[Pillar], carry: list[float] | None = None) -> list[int]:
    """How many of `n` posts each pillar gets, by largest remainder on its share.

    Each pillar gets the whole part of its share of `n`; a promotional pillar never gets
    more. The posts left over go, one each, to the other pillars with the largest
    remainders, counting in `carry` what each is owed from earlier blocks (so that the
    same pillar does not lose every rounding), then in the plan's order.
    """
    shares = _shares(pillars)
    quotas = [n * share for share in shares]
    counts = [math.floor(q + 1e-9) for q in quotas]
    left = n - sum(counts)
    owed = carry or [0.0] * len(pillars)
    open_ = [i for i, p in enumerate(pillars) if p.kind != "promotional" and shares[i] > 0] or [
        i for i, share in enumerate(shares) if share > 0
    ]
    ranked = sorted(open_, key=lambda i: (-(quotas[i] - counts[i] + owed[i]), i))
    for step in range(left):
        counts[ranked[step % len(ranked)]] += 1
    return counts


def _shares(pillars: list[Pillar]) -> list[float]:
    """Each pillar's part of the mix, out of 1; equal parts when the shares are not given."""
    given = [p.share for p in pillars]
    if None in given or not sum(p.share or 0 for p in pillars):
        return [1 / len(pillars)] * len(pillars)
    total = sum(p.share or 0 for p in pillars)
    return [(p.share or 0) / total for p in pillars]


def _rotation(pillars: list[Pillar], days: list[dt.date], start: dt.date) -> list[Pillar | None]:
    """The pillar of each post, block of four weeks by block, spread evenly in each block."""
    if not pillars:
        return [None] * len(days)
    shares = _shares(pillars)
    owed = [0.0] * len(pillars)
    order: list[Pillar | None] = []
    blocks: dict[int, int] = {}
    for day in days:
        block = (day - start).days // BLOCK_DAYS
        blocks[block] = blocks.get(block, 0) + 1
    for _, n in sorted(blocks.items()):
        counts = apportion(n, pillars, owed)
        owed = [o + n * s - c for o, s, c in zip(owed, shares, counts, strict=True)]
        order += [pillars[i] for i in _spread(counts)]
    return order


def _spread(counts: list[int]) -> list[int]:
    """Pillar indexes in an order that spreads each one evenly: [2, 1] -> [0, 1, 0]."""
    n = sum(counts)
    placed = [((j + 0.5) * n / count, i) for i, count in enumerate(counts) for j in range(count)]
    return [i for _, i in sorted(placed)]


def _topics(plan: Plan) -> dict[str, list[str]]:
    """The value step's topics by kind, in the plan's order."""
    topics: dict[str, list[str]] = {}
    for topic in plan.value.topics if plan.value else []:
        if topic.topic and topic.kind:
            topics.setdefault(topic.kind, []).append(topic.topic)
    return topics


def _campaigns(plan: Plan, keys: list[str], start: dt.date, end: dt.date) -> list[CampaignSpan]:
    """The campaigns with a start that overlap the calendar, in the plan's order."""
    ids = {channel.id: key for channel, key in zip(plan.channels or [], keys, strict=True)}
    platforms = {
        key: platform_name(channel.platform) if channel.platform else key
        for channel, key in zip(plan.channels or [], keys, strict=True)
    }
    spans = []
    for index, campaign in enumerate(plan.campaigns or []):
        if campaign.start is None:
            continue
        last = campaign.end or campaign.start
        if last < start or campaign.start > end or last < campaign.start:
            continue
        spans.append(
            CampaignSpan(
                name=campaign.name or f"#{index + 1}",
                start=campaign.start,
                end=last,
                channels=tuple(ids[c] for c in campaign.channels if c in ids),
                platforms=tuple(platforms[ids[c]] for c in campaign.channels if c in ids),
                pillar=campaign.pillar,
                topic=campaign.topic,
                budget=campaign.budget,
                notes=campaign.notes,
                index=index,
            )
        )
    return spans
