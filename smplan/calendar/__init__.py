"""The content calendar: the channel plan's weekly slots turned into dated posts.

Each channel's slots (a weekday and a local time) are laid on every matching day. What a
post holds depends on its date and the plan alone, never on the range asked for, so a week,
a month and the whole year show the same post on the same day:

- Pillars rotate in blocks of four weeks counted from the plan's date (or from a fixed
  Monday when the plan has none) and cut at its horizon. Within each block a channel's
  counts follow the shares as closely as whole numbers allow (largest remainder, counting
  what earlier blocks owe each pillar), and a promotional pillar never gets more than its
  share. A promotional post that falls on a public holiday of the plan's markets moves to
  the channel's largest other pillar, unless the plan keeps promotion on holidays.
- Topics come from the pillar's own topics in turn (`smplan.calendar.topics`), never again
  on the same channel within the plan's gap; a campaign's posts carry its topic.
- Identifiers come from lasting facts: the channel's id (and handle), the local date and
  time; a campaign's id, else a slug of its name. Renaming the organization or reordering
  a list changes none of them.

Nothing here depends on the clock or on chance, so the same plan always gives the same
calendar. Times are wall-clock times in the plan's time zone: a 09:00 slot is at 09:00
local time in winter and in summer.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from dataclasses import dataclass

from smplan.calendar.keydates import KeyDate, markets, public_holidays, slug
from smplan.calendar.topics import Rotation, gap_days, pillar_topics
from smplan.errors import CalendarError
from smplan.i18n import L_
from smplan.plan.labels import platform_name
from smplan.plan.model import EARLIEST_DATE, LATEST_DATE, WEEKDAYS, Campaign, Channel, Pillar, Plan
from smplan.plan.results import add_months

#: Pillars rotate over blocks of this many days.
BLOCK_DAYS = 28
#: How far a calendar runs when neither the options nor the plan say.
DEFAULT_WEEKS = 4
#: The longest calendar made at once: three years of posts, a few seconds' work. A span
#: typed by mistake (`--weeks 300000` for 30) is refused rather than worked on for hours.
MAX_WEEKS = 156
#: Where blocks are counted from when the plan has no date: a Monday, the same for every plan.
EPOCH = dt.date(2024, 1, 1)
#: Minutes a post holds the calendar when neither the plan nor its format say.
DEFAULT_MINUTES = 30
#: Minutes by the words a format's name starts with, in the languages of the catalogs.
FORMAT_MINUTES: dict[str, int] = {
    "story": 15,
    "stori": 15,
    "reel": 45,
    "video": 45,
    "short": 45,
    "live": 60,
    "direct": 60,
}

#: What a plan without slots is told where a calendar would be, in the client's words.
NO_SLOTS_NOTE = L_(
    "The channels do not have their posting days and times yet: once each one has them, "
    "the calendar shows every post on its day."
)


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
    #: An identifier that lasts: the channel, its handle, the local date and time.
    uid: str = ""
    #: The format the post is of (its channel's first), and how many minutes it takes.
    format: str | None = None
    minutes: int = DEFAULT_MINUTES
    #: The public holiday or key date on its day.
    holiday: str | None = None
    #: The promotional pillar it would have had, when a holiday moved it off it.
    moved_from: str | None = None


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
    #: Its id: the plan's, else a slug of its name.
    id: str = ""
    #: `campaign`, or `key_date` for a day of the trade.
    kind: str = "campaign"


@dataclass(frozen=True)
class ContentCalendar:
    """Every dated post from `start` to `end` (both included), and the campaigns over them."""

    #: A short name of the plan, for file names.
    key: str
    timezone: str
    start: dt.date
    end: dt.date
    posts: tuple[Post, ...]
    campaigns: tuple[CampaignSpan, ...]
    #: Platforms of the channels that post but have no slots, so are left out.
    unscheduled: tuple[str, ...]
    #: Public holidays of the plan's markets and its key dates, in date order.
    key_dates: tuple[KeyDate, ...] = ()
    #: The markets whose holidays are shown, as codes (FR, US-CA).
    markets: tuple[str, ...] = ()
    #: Markets the plan lists that name no known country or region.
    unknown_markets: tuple[str, ...] = ()


def channel_keys(plan: Plan) -> list[str]:
    """Each channel's key, in the plan's order: its id, else its platform's slug, made unique."""
    keys: list[str] = []
    for i, channel in enumerate(plan.channels or []):
        key = channel.id or slug(channel.platform or f"channel-{i + 1}")
        while key in keys:
            key = f"{key}-{i + 1}"
        keys.append(key)
    return keys


def campaign_id(campaign: Campaign) -> str:
    """A campaign's lasting id: its own, else a slug of its name, else of its dates."""
    if campaign.id:
        return campaign.id
    if campaign.name:
        return slug(campaign.name)
    return f"campaign-{campaign.start:%Y%m%d}" if campaign.start else "campaign"


def plan_key(plan: Plan) -> str:
    """A short name of the plan: its organization, else its title, as a slug."""
    project = plan.project
    name = (project.organization or project.name) if project else None
    return slug(name or "smplan")


def anchor(plan: Plan) -> dt.date:
    """The day the pillars' four-week blocks are counted from: the plan's date, else EPOCH."""
    return plan.project.date if plan.project and plan.project.date else EPOCH


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


def no_slots_hint() -> str:
    """How to give channels their slots, for the terminal."""
    return str(
        L_(
            "give each channel its posting days and times with `smplan init PLAN` (the channel "
            "plan), or in the file as `slots`, for example {example}",
            example='`- {day: tuesday, time: "09:00"}`',
        )
    )


def build_calendar(
    plan: Plan, start: dt.date, end: dt.date, lang: str | None = None
) -> ContentCalendar:
    """The content calendar of `plan` from `start` to `end`, both days included.

    Holidays are named in `lang` (the plan's language by default). Raises `CalendarError`
    when the span is empty, when no channel has a slot, or when the plan has slots but no
    time zone.
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
            hint=no_slots_hint(),
        )
    timezone = plan.project.timezone if plan.project else None
    if not timezone:
        raise CalendarError(
            L_("the plan has posting slots but no time zone"),
            hint=L_("set `project.timezone` to an IANA name such as Europe/Paris"),
        )
    zone = zoneinfo.ZoneInfo(timezone)
    keys = channel_keys(plan)
    campaigns = _campaigns(plan, keys)
    shown = [c for c in campaigns if c.start <= end and c.end >= start]
    found = markets(plan)
    # Holidays over everything the posts are worked out from, so a window sees the same.
    first, last = min(start, anchor(plan)), max(end, _horizon(plan) or end)
    days, unknown = public_holidays(found, first, last, lang or plan.language)
    holidays = {k.day: k for k in days}
    key_dates = {
        c.start: KeyDate(c.start, c.name, "key_date") for c in campaigns if c.kind == "key_date"
    }
    names = {m.id: m.name for m in (plan.team.members if plan.team else [])}
    posts: list[tuple[dt.datetime, int, Post]] = []
    for index, (channel, key) in enumerate(zip(channels, keys, strict=True)):
        for post in _channel_posts(
            plan, channel, key, start, end, zone, campaigns, holidays, names
        ):
            posts.append((post.when.replace(tzinfo=None), index, post))
    posts.sort(key=lambda item: (item[0], item[1]))
    marked = [k for k in holidays.values() if start <= k.day <= end]
    marked += [k for k in key_dates.values() if start <= k.day <= end and k.day not in holidays]
    return ContentCalendar(
        key=plan_key(plan),
        timezone=timezone,
        start=start,
        end=end,
        posts=tuple(post for _, _, post in posts),
        campaigns=tuple(shown),
        unscheduled=tuple(
            platform_name(c.platform) if c.platform else k
            for c, k in zip(channels, keys, strict=True)
            if not c.slots and c.posts_per_week
        ),
        key_dates=tuple(sorted(marked, key=lambda k: k.day)),
        markets=tuple(m.code for m in found if m.code not in unknown),
        unknown_markets=tuple(unknown),
    )


def _horizon(plan: Plan) -> dt.date | None:
    return plan.project.horizon if plan.project else None


def _channel_posts(
    plan: Plan,
    channel: Channel,
    key: str,
    start: dt.date,
    end: dt.date,
    zone: zoneinfo.ZoneInfo,
    campaigns: list[CampaignSpan],
    holidays: dict[dt.date, KeyDate],
    names: dict[str, str | None],
) -> list[Post]:
    """The posts of one channel from `start` to `end`, worked out from the plan's anchor.

    The blocks and the topics' turns run forward from the anchor, and backward from it for
    days before it, so what a day holds does not depend on where the range starts.
    """
    origin = anchor(plan)
    horizon = _horizon(plan)
    promote = bool(plan.calendar and plan.calendar.promote_on_holidays)
    spare = _spare_pillar(channel.pillars)
    choices = {p.name or "": pillar_topics(plan, channel, p) for p in channel.pillars}
    gap = gap_days(plan)
    fmt = channel.formats[0] if channel.formats else None
    minutes = _minutes(plan, fmt)
    platform = platform_name(channel.platform) if channel.platform else key
    found: list[Post] = []
    for direction in (1, -1):
        if direction == 1 and end < origin or direction == -1 and start >= origin:
            continue
        rotation = Rotation(choices, gap)
        for moment, pillar in _pillars(channel, origin, horizon, zone, start, end, direction):
            day = moment.date()
            holiday = holidays.get(day)
            moved_from = None
            if pillar and pillar.kind == "promotional" and holiday and not promote and spare:
                moved_from, pillar = pillar.name, spare
            running = [c for c in campaigns if c.start <= day <= c.end and key in c.channels]
            leading = _leading(running)
            if leading and leading.topic:
                topic: str | None = leading.topic
            elif moved_from and holiday:
                topic = holiday.name
            else:
                topic = rotation.next(pillar.name or "", day) if pillar else None
            if not start <= day <= end:
                continue
            found.append(
                Post(
                    when=moment,
                    channel=key,
                    platform=platform,
                    handle=channel.handle,
                    owner=channel.owner,
                    owner_name=names.get(channel.owner) if channel.owner else None,
                    pillar=pillar.name if pillar else None,
                    kind=pillar.kind if pillar else None,
                    topic=topic,
                    campaigns=tuple(c.name for c in _by_lead(running)),
                    uid=_post_uid(key, channel.handle, moment),
                    format=fmt,
                    minutes=minutes,
                    holiday=holiday.name if holiday else None,
                    moved_from=moved_from,
                )
            )
    return sorted(found, key=lambda p: p.when.replace(tzinfo=None))


def _post_uid(key: str, handle: str | None, moment: dt.datetime) -> str:
    account = f"-{slug(handle)}" if handle else ""
    return f"{key}{account}-{moment:%Y%m%dT%H%M}@smplan"


def _by_lead(running: list[CampaignSpan]) -> list[CampaignSpan]:
    """Campaigns of one day, the one that leads first: the latest to start, then the
    shortest, then by id, so that the plan's order of campaigns changes nothing."""
    return sorted(running, key=lambda c: (-c.start.toordinal(), c.end - c.start, c.id))


def _leading(running: list[CampaignSpan]) -> CampaignSpan | None:
    ranked = [c for c in _by_lead(running) if c.topic]
    return ranked[0] if ranked else None


def _spare_pillar(pillars: list[Pillar]) -> Pillar | None:
    """Where a promotional post goes on a holiday: the largest pillar that does not promote."""
    others = [p for p in pillars if p.kind != "promotional"]
    return max(others, key=lambda p: p.share or 0, default=None)


def _minutes(plan: Plan, fmt: str | None) -> int:
    """How long a post of format `fmt` holds the calendar: the plan's, else the format's."""
    for given in plan.calendar.durations if plan.calendar else []:
        if fmt and given.format and given.minutes and given.format.casefold() == fmt.casefold():
            return given.minutes
    word = slug(fmt or "")
    return next((m for w, m in FORMAT_MINUTES.items() if word.startswith(w)), DEFAULT_MINUTES)


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


def first_weeks(calendar: ContentCalendar, count: int = 4) -> list[list[dt.date | None]]:
    """The first `count` full weeks of a calendar, Monday first, for a grid that does not
    open on a cut week; days past its end are None, weeks with no day left are dropped."""
    monday = calendar.start + dt.timedelta(days=-calendar.start.weekday() % 7)
    if monday > calendar.end:
        monday -= dt.timedelta(weeks=1)
    weeks = []
    for n in range(count):
        week: list[dt.date | None] = []
        for i in range(7):
            day = monday + dt.timedelta(weeks=n, days=i)
            week.append(day if calendar.start <= day <= calendar.end else None)
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


def blocks(
    origin: dt.date, horizon: dt.date | None, start: dt.date, end: dt.date, direction: int
) -> list[tuple[dt.date, dt.date]]:
    """The four-week blocks from `origin` towards `end` (direction 1) or back towards
    `start` (direction -1), nearest first; the block that holds the horizon ends there."""
    found = []
    if direction == 1:
        first = origin
        while first <= end:
            last = first + dt.timedelta(days=BLOCK_DAYS - 1)
            if horizon and first <= horizon < last:
                last = horizon
            found.append((first, last))
            first = last + dt.timedelta(days=1)
    else:
        last = origin - dt.timedelta(days=1)
        while last >= start:
            first = last - dt.timedelta(days=BLOCK_DAYS - 1)
            found.append((first, last))
            last = first - dt.timedelta(days=1)
    return found


def _pillars(
    channel: Channel,
    origin: dt.date,
    horizon: dt.date | None,
    zone: zoneinfo.ZoneInfo,
    start: dt.date,
    end: dt.date,
    direction: int,
) -> list[tuple[dt.datetime, Pillar | None]]:
    """Each post of the channel with its pillar, block by block away from `origin`, in the
    order they are reached (backward in time for direction -1)."""
    pillars = channel.pillars
    shares = _shares(pillars) if pillars else []
    owed = [0.0] * len(pillars)
    found: list[tuple[dt.datetime, Pillar | None]] = []
    for first, last in blocks(origin, horizon, start, end, direction):
        when = _slot_times(channel, first, last, zone)
        if not pillars:
            chosen: list[Pillar | None] = [None] * len(when)
        else:
            counts = apportion(len(when), pillars, owed)
            owed = [o + len(when) * s - c for o, s, c in zip(owed, shares, counts, strict=True)]
            chosen = [pillars[i] for i in _spread(counts)]
        pairs = list(zip(when, chosen, strict=True))
        found += pairs if direction == 1 else pairs[::-1]
    return found


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


def _spread(counts: list[int]) -> list[int]:
    """Pillar indexes in an order that spreads each one evenly: [2, 1] -> [0, 1, 0]."""
    n = sum(counts)
    placed = [((j + 0.5) * n / count, i) for i, count in enumerate(counts) for j in range(count)]
    return [i for _, i in sorted(placed)]


def _campaigns(plan: Plan, keys: list[str]) -> list[CampaignSpan]:
    """Every campaign with a start, in the plan's order."""
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
        if last < campaign.start:
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
                id=campaign_id(campaign),
                kind=campaign.kind or "campaign",
            )
        )
    return spans
