"""The calendar as iCalendar (RFC 5545), for calendar applications and shared feeds.

One VEVENT per post, at its local time in the plan's time zone (with the VTIMEZONE that
describes it over the calendar's span) for as long as its format takes, one all-day VEVENT per
campaign, and one per public holiday and key date. Every post is TENTATIVE: it is a plan, not
a published post. UIDs come from lasting facts (the channel and its handle, the local date
and time; the campaign's id), so importing a newer calendar, or a month of it, updates the
same events; DTSTAMP is SOURCE_DATE_EPOCH, else the plan's date, so the same plan gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from smplan import __version__
from smplan.calendar import CampaignSpan, ContentCalendar, Post
from smplan.calendar.keydates import KeyDate, slug
from smplan.i18n import N_, Formatter, _, language
from smplan.render.calendar_formats import CalendarFile, CalendarOptions

if TYPE_CHECKING:
    from icalendar import Event

_PILLAR = N_("Pillar: {value}")
_TOPIC = N_("Suggested topic: {value}")
_OWNER = N_("Owner: {value}")
_ABOUT = N_("Topic: {value}")
_CAMPAIGN = N_("Campaign: {value}")
_CHANNELS = N_("Channels: {value}")
_BUDGET = N_("Budget: {value}")
_NOTES = N_("Notes: {value}")
_MOVED = N_("Moved from {value}: no promotion on a public holiday.")
_HOLIDAY = N_("Public holiday")
_KEY_DATE = N_("Key date")


def render_ics(calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
    """The whole calendar as one `.ics` file."""
    from icalendar import Calendar

    stamp = options.stamp or dt.datetime.combine(calendar.start, dt.time(), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", f"-//smplan//smplan {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if options.title:
        cal.add("x-wr-calname", options.title)
    cal.add("x-wr-timezone", calendar.timezone)
    with language(options.lang):
        for campaign in calendar.campaigns:
            cal.add_component(_campaign_event(calendar, campaign, stamp, options))
        # Key dates of the plan are campaigns of their own, written above.
        for day in calendar.key_dates:
            if day.kind == "holiday":
                cal.add_component(_day_event(day, stamp))
        for post in calendar.posts:
            cal.add_component(_post_event(calendar, post, stamp))
    cal.add_missing_timezones(
        first_date=calendar.start, last_date=calendar.end + dt.timedelta(days=1)
    )
    return [CalendarFile("", cal.to_ical())]


def _post_event(calendar: ContentCalendar, post: Post, stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", post.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", post.when)
    event.add("duration", dt.timedelta(minutes=post.minutes))
    event.add("summary", " · ".join(t for t in (post.platform, post.pillar) if t))
    lines = [
        _line(_PILLAR, post.pillar) if post.pillar else None,
        _line(_TOPIC, post.topic) if post.topic else None,
        _line(_OWNER, post.owner_name or post.owner) if post.owner else None,
        *(_line(_CAMPAIGN, name) for name in post.campaigns),
        _line(_MOVED, post.moved_from) if post.moved_from else None,
    ]
    event.add("description", "\n".join(line for line in lines if line))
    event.add("categories", [c for c in (post.platform, post.pillar) if c])
    event.add("status", "TENTATIVE")
    return event


def _campaign_event(
    calendar: ContentCalendar,
    campaign: CampaignSpan,
    stamp: dt.datetime,
    options: CalendarOptions,
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"campaign-{campaign.id}-{campaign.start:%Y%m%d}@smplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", campaign.start)
    event.add("dtend", campaign.end + dt.timedelta(days=1))
    event.add("summary", campaign.name)
    money = Formatter(options.lang, options.currency).money(campaign.budget)
    lines = [
        _line(_PILLAR, campaign.pillar) if campaign.pillar else None,
        _line(_ABOUT, campaign.topic) if campaign.topic else None,
        _line(_CHANNELS, ", ".join(campaign.platforms)) if campaign.channels else None,
        _line(_BUDGET, money) if money else None,
        _line(_NOTES, campaign.notes) if campaign.notes else None,
    ]
    event.add("description", "\n".join(line for line in lines if line))
    event.add("categories", [c for c in (campaign.pillar,) if c] or [campaign.name])
    event.add("transp", "TRANSPARENT")
    event.add("status", "TENTATIVE")
    return event


def _day_event(day: KeyDate, stamp: dt.datetime) -> Event:
    """A public holiday or key date as an all-day event that leaves the day free."""
    from icalendar import Event

    event = Event()
    where = f"{slug(day.market)}-" if day.market else ""
    event.add("uid", f"{day.kind.replace('_', '-')}-{where}{day.day:%Y%m%d}@smplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", day.day)
    event.add("dtend", day.day + dt.timedelta(days=1))
    event.add("summary", day.name)
    label = _HOLIDAY if day.kind == "holiday" else _KEY_DATE
    event.add("categories", [_(label)])
    event.add("transp", "TRANSPARENT")
    return event


def _line(template: str, value: object) -> str:
    """One line of an event's description, such as `Pillar: Behind the scenes`."""
    return _(template).format(value=value)
