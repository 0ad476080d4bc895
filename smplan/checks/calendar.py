"""After the strategy: the posting slots and the campaigns the content calendar is dated from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from smplan.checks.core import Hit, Label, Loc, View, _rule, _unknown_hint
from smplan.i18n import L_, LN_, Number
from smplan.plan.labels import value_label
from smplan.plan.model import Campaign
from smplan.plan.results import month_end

#: Budgets are compared to the cent.
_CENT = 0.005


@_rule(
    "SMP810",
    "warning",
    "project",
    "Channels have posting slots but the plan has no time zone",
    name="no-time-zone",
)
def _timezone(v: View) -> Iterator[Hit]:
    project = v.plan.project
    if any(c.slots for c in v.channels) and not (project and project.timezone):
        loc: Loc = ("project", "timezone") if project else ("project",)
        yield Hit(
            loc,
            L_("the channels have posting slots but the plan has no time zone"),
            L_("set `project.timezone` to an IANA name such as Europe/Paris"),
        )


@_rule(
    "SMP811",
    "warning",
    "channels",
    "A channel's slots do not match its posts a week",
    name="slots-off",
)
def _slots_match(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        # The same day and time given twice dates one post, not two.
        seen: set[tuple[str, str]] = set()
        for j, slot in enumerate(c.slots):
            if slot.day is None or slot.time is None:
                continue
            if (slot.day, slot.time) in seen:
                yield Hit(
                    ("channels", i, "slots", j),
                    L_(
                        "{channel} has the slot {day} {time} twice: it dates one post, not two",
                        channel=Label("channel", c.platform, i),
                        day=value_label("weekday", slot.day) or slot.day,
                        time=slot.time,
                    ),
                    L_("remove one, or move it to another day or time"),
                )
            seen.add((slot.day, slot.time))
        slots = len(seen) + sum(1 for s in c.slots if s.day is None or s.time is None)
        if not c.slots or c.posts_per_week is None or slots == c.posts_per_week:
            continue
        yield Hit(
            ("channels", i, "slots"),
            LN_(
                "{channel} has {n} posting slot a week for {posts} posts a week",
                "{channel} has {n} posting slots a week for {posts} posts a week",
                slots,
                channel=Label("channel", c.platform, i),
                posts=Number(c.posts_per_week),
            ),
            L_("give it one slot per post, or change `posts_per_week`"),
        )


@_rule(
    "SMP813",
    "warning",
    "channels",
    "Campaigns spend more than a channel's monthly budget",
    name="campaign-over-budget",
)
def _campaign_budgets(v: View) -> Iterator[Hit]:
    budgets = {c.id: c.budget_per_month for c in v.channels if c.id}
    for i, channel in enumerate(v.channels):
        if channel.id is None or channel.budget_per_month is None:
            continue
        spent: dict[tuple[int, int], float] = {}
        first_campaign: dict[tuple[int, int], int] = {}
        shared_by: dict[tuple[int, int], set[str]] = {}
        for k, campaign in enumerate(v.campaigns):
            if channel.id not in campaign.channels:
                continue
            part = _part(channel.id, [budgets.get(c) for c in campaign.channels], campaign)
            for month, amount in _monthly_spend(campaign).items():
                spent[month] = spent.get(month, 0.0) + amount * part
                first_campaign.setdefault(month, k)
                shared_by.setdefault(month, set()).update(campaign.channels)
        for month in sorted(spent):
            if spent[month] > channel.budget_per_month + _CENT:
                yield Hit(
                    ("campaigns", first_campaign[month], "budget"),
                    L_(
                        "in {month}, campaigns spend {spent} on {channel}, whose budget is "
                        "{budget} a month",
                        month=f"{month[0]:04d}-{month[1]:02d}",
                        spent=Number(round(spent[month], 2)),
                        channel=Label("channel", channel.platform, i),
                        budget=Number(channel.budget_per_month),
                    ),
                    L_("spread the campaign's budget, or raise the channel's `budget_per_month`"),
                    # Split in proportion to the budgets: one left empty changes every share.
                    tuple(
                        ("channels", j, "budget_per_month")
                        for j, c in enumerate(v.channels)
                        if c.id in shared_by[month] and c.budget_per_month is None
                    )
                    + (("campaigns", first_campaign[month], "budget"),),
                )


@_rule(
    "SMP814",
    "error",
    "channels",
    "A campaign ends before it starts",
    name="campaign-ends-before-start",
)
def _campaign_order(v: View) -> Iterator[Hit]:
    for i, campaign in enumerate(v.campaigns):
        if campaign.start and campaign.end and campaign.end < campaign.start:
            yield Hit(
                ("campaigns", i, "end"),
                L_(
                    "{campaign} ends {end}, before it starts {start}",
                    campaign=Label("campaign", campaign.name, i),
                    end=campaign.end,
                    start=campaign.start,
                ),
                L_("swap the dates, or check the year"),
            )


@_rule(
    "SMP815",
    "error",
    "channels",
    "A campaign's pillar is not a pillar of its channels",
    name="unknown-campaign-pillar",
    at_once=True,
)
def _campaign_pillar(v: View) -> Iterator[Hit]:
    for i, campaign in enumerate(v.campaigns):
        # A campaign on no channel dates no post: its pillar gives no post a topic.
        if not campaign.pillar or not campaign.channels:
            continue
        on = [j for j, c in enumerate(v.channels) if c.id and c.id in campaign.channels]
        if not on:
            continue  # its channels are unknown: that is reported where they are named
        pillars = list(dict.fromkeys(p.name for j in on for p in v.channels[j].pillars if p.name))
        if campaign.pillar in pillars:
            continue
        yield Hit(
            ("campaigns", i, "pillar"),
            L_(
                "{campaign} is on the pillar `{pillar}`, which none of its channels has: "
                "its posts would not get its topic",
                campaign=Label("campaign", campaign.name, i),
                pillar=campaign.pillar,
            ),
            _unknown_hint(campaign.pillar, pillars, L_("pillars"), L_("its channels' pillars")),
            tuple(("channels", j, "pillars") for j in on),
        )


def _part(channel: str, budgets: list[float | None], campaign: Campaign) -> float:
    """The part of a campaign's budget one of its channels spends.

    In proportion to the channels' monthly budgets when each has one, else evenly.
    """
    mine = budgets[campaign.channels.index(channel)]
    if None in budgets or not sum(b or 0 for b in budgets):
        return 1 / len(campaign.channels)
    return (mine or 0) / sum(b or 0 for b in budgets)


def _monthly_spend(campaign: Campaign) -> dict[tuple[int, int], float]:
    """A campaign's budget spread evenly over its days, summed by calendar month."""
    if not campaign.budget or not campaign.channels or not campaign.start:
        return {}
    end = campaign.end or campaign.start
    if end < campaign.start:
        return {}
    days = (end - campaign.start).days + 1
    per_day = campaign.budget / days
    spend: dict[tuple[int, int], float] = {}
    day = campaign.start
    while day <= end:
        month = (day.year, day.month)
        stop = min(end, month_end(*month))
        spend[month] = per_day * ((stop - day).days + 1)
        day = stop + dt.timedelta(days=1)
    return spend
