"""`smplan calendar`: dated posts from the channel plan, and the files schedulers read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections import Counter
from html import unescape
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from smplan.calendar import BLOCK_DAYS, ContentCalendar, Post, apportion, build_calendar
from smplan.plan.files import load_plan
from smplan.plan.model import WEEKDAYS, Channel, Pillar, Plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BAKERY = EXAMPLES / "boulangerie.yaml"
#: The examples that open channels (the library listens only).
POSTING = [
    EXAMPLES / f"{name}.yaml" for name in ("boulangerie", "caisse-regionale", "b2b-software")
]

#: A small plan: one channel at 09:00 Paris time on Sundays, the day the clocks change.
PARIS: dict[str, Any] = {
    "smplan": 1,
    "project": {
        "name": "Plan",
        "organization": "Maison Fournil",
        "date": "2027-03-01",
        "horizon": "2027-11-30",
        "timezone": "Europe/Paris",
    },
    "team": {"members": [{"id": "anna", "name": "Anna Petit"}]},
    "value": {
        "topics": [
            {"topic": "How sourdough works", "kind": "educational"},
            {"topic": "Flour from the mill", "kind": "educational"},
            {"topic": "Cake of the week", "kind": "promotional"},
        ]
    },
    "channels": [
        {
            "id": "instagram",
            "platform": "Instagram",
            "owner": "anna",
            "posts_per_week": 1,
            "slots": [{"day": "sunday", "time": "09:00"}],
            "pillars": [
                {"name": "Know-how", "kind": "educational", "share": 70},
                {"name": "Offers", "kind": "promotional", "share": 30},
            ],
        }
    ],
    "campaigns": [
        {
            "name": "Spring cakes",
            "start": "2027-03-15",
            "end": "2027-04-15",
            "channels": ["instagram"],
            "pillar": "Offers",
            "topic": "Easter cakes to order",
            "budget": 50,
        }
    ],
}


def plan_file(tmp_path: Path, data: dict[str, object], name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def spaced(text: str) -> str:
    """`text` with the no-break spaces French typography sets read as the spaces they show."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def heure(when: dt.datetime) -> str:
    """A time of day as French prose writes it, spaces read as they show: 16 h, 8 h 30."""
    return f"{when.hour} h {when.minute:02d}" if when.minute else f"{when.hour} h"


def whole_calendar(path: Path) -> tuple[Plan, ContentCalendar]:
    plan = load_plan(path).plan
    assert plan.project and plan.project.date and plan.project.horizon
    return plan, build_calendar(plan, plan.project.date, plan.project.horizon)


# --- the dated posts --------------------------------------------------------------------


@pytest.mark.parametrize("path", POSTING, ids=lambda p: p.name)
def test_each_channel_posts_as_often_a_week_as_the_plan_says(path: Path) -> None:
    plan, calendar = whole_calendar(path)
    assert calendar.posts
    start = calendar.start
    # Full weeks only: the first and last week of the span may be cut short.
    first_monday = start + dt.timedelta(days=-start.weekday() % 7)
    weeks: Counter[tuple[str, int]] = Counter()
    for post in calendar.posts:
        day = post.when.date()
        if day >= first_monday and (day - first_monday).days // 7 < _full_weeks(calendar):
            weeks[(post.channel, (day - first_monday).days // 7)] += 1
    for channel in plan.channels or []:
        assert channel.id and channel.posts_per_week
        counts = {weeks[(channel.id, w)] for w in range(_full_weeks(calendar))}
        assert counts == {channel.posts_per_week}, channel.platform


def _full_weeks(calendar: ContentCalendar) -> int:
    first_monday = calendar.start + dt.timedelta(days=-calendar.start.weekday() % 7)
    return ((calendar.end - first_monday).days + 1) // 7


@pytest.mark.parametrize("path", POSTING, ids=lambda p: p.name)
def test_every_post_is_on_one_of_its_channels_slots(path: Path) -> None:
    plan, calendar = whole_calendar(path)
    slots = {
        c.id: {(s.day, s.time) for s in c.slots} for c in plan.channels or [] if c.id is not None
    }
    for post in calendar.posts:
        day = WEEKDAYS[post.when.weekday()]
        assert (day, f"{post.when:%H:%M}") in slots[post.channel]
        assert calendar.start <= post.when.date() <= calendar.end


@pytest.mark.parametrize("path", POSTING, ids=lambda p: p.name)
def test_pillars_follow_their_shares_every_four_weeks_and_over_the_horizon(path: Path) -> None:
    plan, calendar = whole_calendar(path)
    for channel in plan.channels or []:
        posts = [p for p in calendar.posts if p.channel == channel.id]
        total = sum(p.share or 0 for p in channel.pillars)
        blocks: dict[int, Counter[str]] = {}
        for post in posts:
            block = (post.when.date() - calendar.start).days // BLOCK_DAYS
            # A promotional post moved off a public holiday counts where the rotation put it.
            blocks.setdefault(block, Counter())[post.moved_from or post.pillar or ""] += 1
        for counts in blocks.values():
            n = sum(counts.values())
            for pillar in channel.pillars:
                exact = n * (pillar.share or 0) / total
                got = counts[pillar.name or ""]
                # As close as whole numbers allow, and promotion never above its share.
                assert math.floor(exact) <= got <= math.ceil(exact), (pillar.name, n, got)
                if pillar.kind == "promotional":
                    assert got <= exact + 1e-9
        over_horizon = Counter(p.moved_from or p.pillar for p in posts)
        for pillar in channel.pillars:
            exact = len(posts) * (pillar.share or 0) / total
            got = over_horizon[pillar.name]
            if pillar.kind == "promotional":
                # Rounded down in each block: within one post a block below its share.
                assert exact - len(blocks) <= got <= exact
            else:
                # The blocks pass the rounding on, so the others end within two posts.
                assert abs(got - exact) <= 2 + _promotional_shortfall(channel, posts, total)


def _promotional_shortfall(channel: Channel, posts: list[Post], total: float) -> float:
    promo = [p for p in channel.pillars if p.kind == "promotional"]
    exact = sum(len(posts) * (p.share or 0) / total for p in promo)
    return exact - sum(1 for post in posts if post.kind == "promotional" or post.moved_from)


def test_largest_remainder_keeps_promotion_at_or_below_its_share() -> None:
    mix = [
        Pillar(name="Know-how", kind="educational", share=70),
        Pillar(name="Offers", kind="promotional", share=30),
    ]
    assert apportion(16, mix) == [12, 4]  # 11.2 and 4.8: the spare post is not an offer
    assert apportion(10, mix) == [7, 3]
    three = [
        Pillar(name="A", kind="educational", share=35),
        Pillar(name="B", kind="entertaining", share=40),
        Pillar(name="C", kind="conversational", share=25),
    ]
    assert apportion(8, three) == [3, 3, 2]  # 2.8, 3.2, 2: the larger remainder wins
    assert apportion(8, three, carry=[0.0, 0.0, 0.9]) == [2, 3, 3]


def test_a_nine_oclock_paris_slot_stays_at_nine_across_both_clock_changes(tmp_path) -> None:
    plan = load_plan(plan_file(tmp_path, PARIS)).plan
    calendar = build_calendar(plan, dt.date(2027, 3, 21), dt.date(2027, 11, 7))
    times = {p.when.date(): p.when for p in calendar.posts}
    # Clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027.
    for day in ("2027-03-21", "2027-03-28", "2027-04-04", "2027-10-24", "2027-10-31"):
        when = times[dt.date.fromisoformat(day)]
        assert (when.hour, when.minute) == (9, 0)
    # The same wall-clock time is a different instant in summer: 08:00 UTC, then 07:00.
    assert times[dt.date(2027, 3, 21)].astimezone(dt.UTC).hour == 8
    assert times[dt.date(2027, 3, 28)].astimezone(dt.UTC).hour == 7
    assert times[dt.date(2027, 10, 24)].astimezone(dt.UTC).hour == 7
    assert times[dt.date(2027, 10, 31)].astimezone(dt.UTC).hour == 8


def test_posts_get_the_owner_a_topic_of_their_pillar_and_the_campaigns_topic(tmp_path) -> None:
    plan = load_plan(plan_file(tmp_path, PARIS)).plan
    calendar = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 5, 30))
    for post in calendar.posts:
        assert post.owner_name == "Anna Petit"
        in_campaign = dt.date(2027, 3, 15) <= post.when.date() <= dt.date(2027, 4, 15)
        assert post.campaigns == (("Spring cakes",) if in_campaign else ())
        if in_campaign:
            # Every post of a campaign carries its topic, whatever its pillar.
            assert post.topic == "Easter cakes to order"
        elif post.kind == "educational":
            assert post.topic in {"How sourdough works", "Flour from the mill", None}
        else:
            assert post.topic in {"Cake of the week", None}
    educational = [p.topic for p in calendar.posts if p.kind == "educational" and p.topic]
    assert educational[:2] == ["How sourdough works", "Flour from the mill"]


# --- a function of the plan, not of the window -------------------------------------------


def _facts(post: Post) -> tuple[object, ...]:
    return (post.pillar, post.topic, post.campaigns, post.uid, post.moved_from)


@pytest.mark.parametrize("path", POSTING, ids=lambda p: p.name)
def test_a_week_or_four_of_the_calendar_show_the_posts_of_the_whole_year(path: Path) -> None:
    plan, whole = whole_calendar(path)
    by_uid = {p.uid: p for p in whole.posts}
    assert len(by_uid) == len(whole.posts)
    starts = [dt.date(2027, 5, 24), dt.date(2027, 5, 3), dt.date(2027, 1, 1), dt.date(2027, 12, 9)]
    for start in starts:
        for weeks in (1, 4):
            end = min(start + dt.timedelta(weeks=weeks, days=-1), whole.end)
            window = build_calendar(plan, start, end)
            same = [p for p in whole.posts if start <= p.when.date() <= end]
            assert [p.uid for p in window.posts] == [p.uid for p in same]
            for post in window.posts:
                assert _facts(post) == _facts(by_uid[post.uid]), (start, weeks, post.when)


def test_days_before_the_plans_date_do_not_change_the_days_after(tmp_path) -> None:
    plan = load_plan(plan_file(tmp_path, PARIS)).plan
    later = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 6, 30))
    earlier = build_calendar(plan, dt.date(2026, 12, 1), dt.date(2027, 6, 30))
    kept = {p.uid: _facts(p) for p in earlier.posts}
    assert all(kept[p.uid] == _facts(p) for p in later.posts)
    before = build_calendar(plan, dt.date(2026, 12, 1), dt.date(2027, 2, 28))
    assert [_facts(p) for p in before.posts] == [kept[p.uid] for p in before.posts]


def test_the_weekly_sheet_shows_the_topics_of_the_whole_calendar(smplan, tmp_path) -> None:
    result = smplan("calendar", BAKERY, "--sheet", "--from", "2027-05-24", "-o", tmp_path / "s.md")
    assert result.exit_code == 0, result.output
    sheet = spaced((tmp_path / "s.md").read_text(encoding="utf-8"))
    _, whole = whole_calendar(BAKERY)
    week = [p for p in whole.posts if dt.date(2027, 5, 24) <= p.when.date() <= dt.date(2027, 5, 30)]
    assert week
    for post in week:
        row = next(
            line
            for line in sheet.splitlines()
            if f"| {heure(post.when)} | {post.platform} |" in line
            and f" {post.when.day} mai" in line
        )
        assert post.pillar and post.pillar in row
        assert post.topic is None or post.topic in row


def _edited(data: dict[str, Any]) -> dict[str, Any]:
    """The bakery renamed, its campaigns and channels in the reverse order, one campaign
    more at the top."""
    edited = {**data, "project": {**data["project"], "organization": "Maison Maréchal & Fils"}}
    extra = {"name": "Portes ouvertes", "start": "2027-04-03", "kind": "key_date"}
    edited["campaigns"] = [extra, *reversed(data["campaigns"])]
    return edited


def test_ids_survive_renaming_the_organization_and_reordering_campaigns(smplan, tmp_path) -> None:
    data = yaml.safe_load(BAKERY.read_text(encoding="utf-8"))
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert smplan("calendar", BAKERY, "-o", first).exit_code == 0
    path = plan_file(tmp_path, _edited(data))
    assert smplan("calendar", path, "-o", second).exit_code == 0

    def events(ics: Path) -> dict[str, str]:
        found = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        return {str(e["UID"]): str(e["SUMMARY"]) for e in found}

    before, after = events(first), events(second)
    # Every event of the first file is in the second under the same id, with the same title;
    # the second has the new key date besides.
    assert {uid: after.get(uid) for uid in before} == before
    assert set(after) - set(before) == {"campaign-portes-ouvertes-20270403@smplan"}


def test_a_campaign_keeps_its_id_when_renamed(tmp_path) -> None:
    data = {**PARIS, "campaigns": [{**PARIS["campaigns"][0], "id": "spring"}]}
    renamed = {**PARIS, "campaigns": [{**data["campaigns"][0], "name": "Cakes for Easter"}]}
    found = []
    for name, plan_data in (("a.yaml", data), ("b.yaml", renamed)):
        plan = load_plan(plan_file(tmp_path, plan_data, name)).plan
        found.append(
            [
                c.id
                for c in build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 4, 30)).campaigns
            ]
        )
    assert found == [["spring"], ["spring"]]


# --- content a team would post ----------------------------------------------------------


def _closest_repeat(posts: list[Post]) -> dict[str, int]:
    """By channel, the fewest days between two of its posts on one topic, campaigns aside."""
    last: dict[tuple[str, str], dt.date] = {}
    closest: dict[str, int] = {}
    for post in posts:
        if not post.topic or post.campaigns:
            continue
        day = post.when.date()
        seen = last.get((post.channel, post.topic))
        if seen is not None:
            closest[post.channel] = min(closest.get(post.channel, 10**6), (day - seen).days)
        last[(post.channel, post.topic)] = day
    return closest


@pytest.mark.parametrize("path", POSTING, ids=lambda p: p.name)
def test_no_topic_comes_back_on_a_channel_within_the_gap(path: Path) -> None:
    plan, calendar = whole_calendar(path)
    closest = _closest_repeat(list(calendar.posts))
    assert closest and min(closest.values()) >= 28, closest
    # No topic is suggested more than once every four weeks, over the year and on a channel.
    weeks = (calendar.end - calendar.start).days / 7
    counts = Counter((p.channel, p.topic) for p in calendar.posts if p.topic and not p.campaigns)
    assert max(counts.values()) <= weeks / 4 + 1


def test_the_gap_is_the_plans_to_set(tmp_path) -> None:
    data = {**PARIS, "calendar": {"topic_gap_weeks": 2}, "campaigns": []}
    plan = load_plan(plan_file(tmp_path, data)).plan
    calendar = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 11, 30))
    assert min(_closest_repeat(list(calendar.posts)).values()) == 14


def test_a_pillar_takes_the_topics_that_share_its_words(tmp_path) -> None:
    data = {
        **PARIS,
        "value": {
            "topics": [
                {"topic": "What happens in the vineyard this month", "kind": "educational"},
                {"topic": "Which wine with which dish", "kind": "educational"},
            ]
        },
        "channels": [
            {
                **PARIS["channels"][0],
                "pillars": [
                    {"name": "Recipes and dishes", "kind": "educational", "share": 50},
                    {"name": "In the vineyard", "kind": "educational", "share": 50},
                ],
            }
        ],
        "campaigns": [],
    }
    plan = load_plan(plan_file(tmp_path, data)).plan
    calendar = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 11, 30))
    topics = {(p.pillar, p.topic) for p in calendar.posts if p.topic}
    assert topics == {
        ("Recipes and dishes", "Which wine with which dish"),
        ("In the vineyard", "What happens in the vineyard this month"),
    }


def test_no_promotional_post_lands_on_a_public_holiday_of_the_plans_market() -> None:
    plan, calendar = whole_calendar(BAKERY)
    holidays = {k.day: k.name for k in calendar.key_dates if k.kind == "holiday"}
    # France's, in French, from the plan's time zone.
    assert calendar.markets == ("FR",)
    assert holidays[dt.date(2026, 12, 25)] == "Noël"
    assert holidays[dt.date(2027, 7, 14)] == "Fête nationale"
    on_holidays = [p for p in calendar.posts if p.when.date() in holidays]
    assert on_holidays and all(p.kind != "promotional" for p in on_holidays)
    assert all(p.holiday == holidays[p.when.date()] for p in on_holidays)
    # Christmas Day falls on Instagram's Friday slot, which the rotation gave to the cakes.
    (christmas,) = [p for p in on_holidays if p.when.date() == dt.date(2026, 12, 25)]
    assert christmas.moved_from == "Gâteaux de fête sur commande"
    assert christmas.pillar == "Coulisses du fournil" and christmas.topic == "Noël"


def test_a_plan_may_keep_promotion_on_holidays_and_name_its_markets(tmp_path) -> None:
    data = yaml.safe_load(BAKERY.read_text(encoding="utf-8"))
    data["calendar"] = {"promote_on_holidays": True, "markets": ["FR-57", "de"]}
    plan = load_plan(plan_file(tmp_path, data)).plan
    calendar = build_calendar(plan, dt.date(2026, 12, 21), dt.date(2027, 1, 3))
    (christmas,) = [p for p in calendar.posts if p.when.date() == dt.date(2026, 12, 25)]
    assert christmas.pillar == "Gâteaux de fête sur commande" and christmas.moved_from is None
    assert calendar.markets == ("FR-57", "DE")
    # Moselle keeps St Stephen's Day, which the rest of France does not.
    assert dt.date(2026, 12, 26) in {k.day for k in calendar.key_dates}


def test_an_unknown_market_is_named_and_left_out(smplan, tmp_path) -> None:
    data = {**PARIS, "calendar": {"markets": ["FR", "ZZ", "FR-99"]}}
    result = smplan("calendar", plan_file(tmp_path, data), "--weeks", "1")
    assert result.exit_code == 0, result.output
    assert "note: `ZZ` is not a country or region whose public holidays are known" in result.stderr
    assert "`FR-99`" in result.stderr


def test_holidays_and_key_dates_are_shown_on_their_day(smplan, tmp_path) -> None:
    data = {
        **PARIS,
        "campaigns": [{"name": "Salon du chocolat", "start": "2027-03-10", "kind": "key_date"}],
    }
    path = plan_file(tmp_path, data)
    out = tmp_path / "cal.md"
    assert (
        smplan("calendar", path, "-o", out, "--from", "2027-03-01", "--to", "2027-04-30").exit_code
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "**10 · Salon du chocolat**" in text
    assert "**29 · Easter Monday**" in text


def test_a_post_lasts_as_the_plan_says_for_its_format(tmp_path) -> None:
    channel = {**PARIS["channels"][0], "formats": ["Carousels", "Reels"]}
    data = {**PARIS, "channels": [channel]}
    plan = load_plan(plan_file(tmp_path, data)).plan
    assert {
        p.minutes for p in build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 3, 31)).posts
    } == {30}
    data["calendar"] = {"durations": [{"format": "carousels", "minutes": 20}]}
    plan = load_plan(plan_file(tmp_path, data)).plan
    posts = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 3, 31)).posts
    assert {(p.format, p.minutes) for p in posts} == {("Carousels", 20)}


# --- the command and its files ----------------------------------------------------------


def test_the_ics_parses_back_with_every_event_in_the_plans_span(smplan, tmp_path) -> None:
    out = tmp_path / "x.ics"
    result = smplan("calendar", BAKERY, "--format", "ics", "-o", out)
    assert result.exit_code == 0, result.output
    # The bakery's plan is French, and so is what the command says.
    assert result.stdout.splitlines() == [
        f"{out} écrit.",
        "411 publications du 2026-11-16 au 2027-12-31 (Europe/Paris), 3 campagnes.",
    ]
    data = out.read_bytes()
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//smplan//")
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Paris"
    plan = load_plan(BAKERY).plan
    assert plan.project and plan.project.date and plan.project.horizon
    first, last = plan.project.date, plan.project.horizon
    events = cal.walk("VEVENT")
    posts = [e for e in events if isinstance(e.decoded("DTSTART"), dt.datetime)]
    campaigns = [e for e in events if not isinstance(e.decoded("DTSTART"), dt.datetime)]
    holidays = [e for e in campaigns if str(e["CATEGORIES"].cats[0]) == "Jour férié"]
    campaigns = [e for e in campaigns if e not in holidays]
    assert len(campaigns) == len(plan.campaigns or []) == 3
    # France's public holidays from 16 November 2026 to the end of 2027, named in French.
    assert len(holidays) == 12
    assert {str(e["SUMMARY"]) for e in holidays} >= {"Noël", "Armistice", "Fête nationale"}
    for event in posts:
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert start.tzinfo is not None and first <= start.date() <= last
        assert str(event["STATUS"]) == "TENTATIVE"
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 16, tzinfo=dt.UTC)
        assert "Pilier :" in str(event["DESCRIPTION"])  # in the plan's language
        categories = [str(c) for c in event["CATEGORIES"].cats]
        assert categories[0] in {"Instagram", "Facebook", "Google Business Profile"}
    for event in campaigns:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert first <= start < end <= last + dt.timedelta(days=1)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "instagram-boulangerie-marechal-20261117T0700@smplan" in uids
    assert "campaign-epiphanie-la-galette-des-rois-20270102@smplan" in uids
    # A post lasts as long as its channel's first format takes: Instagram's are Reels.
    first = next(e for e in posts if str(e["UID"]).startswith("instagram-"))
    assert first.decoded("DURATION") == dt.timedelta(minutes=45)
    week = [e for e in posts if e.decoded("DTSTART").date() <= dt.date(2026, 11, 22)]
    assert len(week) == 4 + 2 + 1  # posts a week: Instagram, Facebook, Google


def test_source_date_epoch_sets_the_ics_timestamp(smplan, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = tmp_path / "x.ics"
    assert smplan("calendar", BAKERY, "-o", out, "--weeks", "1").exit_code == 0
    stamps = {e.decoded("DTSTAMP") for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert stamps == {dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "ics", "buffer", "hootsuite"])
def test_the_same_plan_gives_the_same_bytes(smplan, tmp_path, fmt) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        result = smplan("calendar", BAKERY, "--format", fmt, "--past", "-o", f"{folder}/")
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in first.iterdir())
    assert names and names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_buffer_files_have_its_header_byte_for_byte_and_at_most_100_posts(smplan, tmp_path):
    result = smplan("calendar", BAKERY, "--format", "buffer", "--past", "-o", tmp_path / "posts")
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("posts-*.csv"))
    assert [f.name for f in files] == [
        "posts-facebook.2.csv",
        "posts-facebook.csv",
        "posts-google.csv",
        "posts-instagram.2.csv",
        "posts-instagram.3.csv",
        "posts-instagram.csv",
    ]
    plan, calendar = whole_calendar(BAKERY)
    rows_by_channel: Counter[str] = Counter()
    for file in files:
        data = file.read_bytes()
        assert data.startswith(b"Text,Image URL,Tags,Posting Time\r\n")
        assert b"\r\n\r\n" not in data  # a blank row would stop Buffer's upload
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]
        assert 1 <= len(rows) <= 100
        for text, image, _tags, when in rows:
            assert text.startswith("[BROUILLON, NE PAS PUBLIER] ") and image == ""
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", when)
        rows_by_channel[file.name.removeprefix("posts-").split(".")[0]] += len(rows)
    assert rows_by_channel == Counter(p.channel for p in calendar.posts)
    assert rows_by_channel["instagram"] == 235  # 100 + 100 + 35


def test_hootsuite_files_have_one_profile_each_and_at_most_350_messages(smplan, tmp_path):
    result = smplan("calendar", BAKERY, "-f", "hootsuite", "--past", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [
        "boulangerie.hootsuite-facebook.csv",
        "boulangerie.hootsuite-google.csv",
        "boulangerie.hootsuite-instagram.csv",
    ]
    for name in files:
        rows = list(csv.reader(io.StringIO((tmp_path / name).read_text(encoding="utf-8"))))
        assert 1 <= len(rows) <= 350
        for when, message, link in rows:
            assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", when)
            assert message.startswith("[BROUILLON, NE PAS PUBLIER] ") and link == ""


def test_the_plain_csv_holds_every_field(smplan, tmp_path) -> None:
    out = tmp_path / "plan.csv"
    assert (
        smplan("calendar", BAKERY, "-o", out, "--from", "2027-01-04", "--weeks", "1").exit_code == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == [
        "date", "time", "timezone", "channel", "platform", "owner", "pillar", "kind", "topic",
        "campaign",
    ]  # fmt: skip
    assert len(rows) == 7
    assert rows[0]["date"] == "2027-01-04" and rows[0]["time"] == "08:00"
    assert {r["timezone"] for r in rows} == {"Europe/Paris"}
    assert {r["owner"] for r in rows} == {"Hélène Maréchal"}
    instagram = [r for r in rows if r["channel"] == "instagram"]
    assert {r["campaign"] for r in instagram} == {"Épiphanie, la galette des rois"}


def test_the_month_view_lays_posts_on_a_grid_in_the_plans_language(smplan, tmp_path) -> None:
    out = tmp_path / "cal.md"
    result = smplan("calendar", BAKERY, "-o", out, "--from", "2027-01-01", "--to", "2027-01-31")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## Janvier 2027" in text
    assert "| lun. | mar. | mer. | jeu. | ven. | sam. | dim. |" in text
    assert "**5**<br>7\u00a0h Instagram · " in text
    # Set the French way, as the document is: a no-break space before the colon.
    assert "Campagnes du mois\u00a0: Épiphanie, la galette des rois (du 2 janvier 2027" in text
    assert "| Épiphanie, la galette des rois | 2 janvier 2027 | 17 janvier 2027 |" in text
    page = smplan("calendar", BAKERY, "-f", "html", "-o", tmp_path / "cal.html", "--weeks", "2")
    assert page.exit_code == 0
    html = (tmp_path / "cal.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    assert "7\u00a0h Instagram · " in shown


def test_plan_text_is_escaped_in_the_month_views(smplan, tmp_path) -> None:
    data = {**PARIS, "channels": [{**PARIS["channels"][0], "platform": "<b>Insta</b> *x*"}]}
    path = plan_file(tmp_path, data)
    assert smplan("calendar", path, "-o", tmp_path / "c.html", "--weeks", "1").exit_code == 0
    assert "<b>Insta" not in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Insta&lt;/b&gt;" in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert smplan("calendar", path, "-o", tmp_path / "c.md", "--weeks", "1").exit_code == 0
    assert "\\<b>Insta\\</b> \\*x\\*" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_by_default_the_calendar_is_markdown_next_to_the_plan(smplan, tmp_path) -> None:
    path = plan_file(tmp_path, PARIS)
    result = smplan("calendar", path)
    assert result.exit_code == 0, result.output
    out = tmp_path / "plan.calendar.md"
    assert f"Wrote {out}." in result.stdout
    # From the plan's date to its horizon: 1 March to 30 November 2027, Sundays only.
    assert "39 posts from 2027-03-01 to 2027-11-30 (Europe/Paris), 1 campaign." in result.stdout


def test_slots_without_a_time_zone_are_refused_with_a_hint(smplan, tmp_path) -> None:
    data = {**PARIS, "project": {"date": "2027-03-01"}}
    result = smplan("calendar", plan_file(tmp_path, data))
    assert result.exit_code == 2
    assert "error: the plan has posting slots but no time zone" in result.stderr
    assert "hint: set `project.timezone`" in result.stderr
    assert not list(tmp_path.glob("*.md"))


def test_a_plan_without_slots_has_nothing_to_date(smplan, tmp_path) -> None:
    data = {**PARIS, "channels": [{"platform": "Instagram", "posts_per_week": 2}]}
    result = smplan("calendar", plan_file(tmp_path, data))
    assert result.exit_code == 2
    assert "error: no channel has posting slots, so there is nothing to date" in result.stderr
    assert "hint: give each channel its posting days and times with `smplan init PLAN`" in (
        result.stderr
    )


def test_a_document_without_slots_says_how_the_calendar_comes() -> None:
    from smplan.render.environment import render_text
    from smplan.render.formats import RenderOptions

    data = yaml.safe_load(BAKERY.read_text(encoding="utf-8"))
    for channel in data["channels"]:
        channel["slots"] = []
    data["campaigns"] = []
    plan = Plan.model_validate(data)
    text = render_text(plan, RenderOptions(fmt="md"))
    part = text.split("## Calendrier éditorial", 1)[1].split("\n## ", 1)[0]
    assert "Les canaux n’ont pas encore leurs jours et heures de publication" in part
    assert "smplan" not in part and "slots" not in part


def test_a_channel_without_slots_is_named_as_left_out(smplan, tmp_path) -> None:
    extra = {"platform": "Facebook", "posts_per_week": 2}
    data = {**PARIS, "channels": [*PARIS["channels"], extra]}
    result = smplan("calendar", plan_file(tmp_path, data), "--weeks", "1")
    assert result.exit_code == 0
    assert "note: Facebook has posts a week but no slots" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "2027-04-01", "--weeks", "2"], "error: give --to or --weeks, not both"),
        (["--from", "01/03/2027"], "error: --from 01/03/2027: not a date"),
        (
            ["--format", "pdf"],
            "error: the calendar is written as md, html, csv, ics, buffer or hootsuite, not pdf",
        ),
        (["--format", "ics", "-o", "x.md"], "error: --format ics does not match the extension"),
        (["--from", "2027-05-01", "--to", "2027-04-01"], "error: the calendar would end"),
        (["--lang", "xx"], "error: unknown language `xx`"),
    ],
)
def test_options_that_cannot_work_are_usage_errors(smplan, tmp_path, args, message) -> None:
    result = smplan("calendar", plan_file(tmp_path, PARIS), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_the_examples_model_validates_with_their_calendar_fields() -> None:
    for path in sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".results.yaml")):
        plan: Plan = load_plan(path).plan
        assert plan.project and plan.project.timezone
        ZoneInfo(plan.project.timezone)
        assert plan.campaigns
        for channel in plan.channels or []:
            assert len(channel.slots) == channel.posts_per_week


# --- in the document, and the weekly sheet ----------------------------------------------


def _document(path: Path, fmt: str = "md") -> str:
    from smplan.render.environment import render_text
    from smplan.render.formats import RenderOptions

    return render_text(load_plan(path).plan, RenderOptions(fmt=fmt))


def test_the_document_shows_the_first_month_and_the_campaigns_over_the_span() -> None:
    text = _document(BAKERY)
    # The calendar closes the chapter on where and how often the organization posts.
    chapter = text.split("## Où et à quel rythme\n", 1)[1].split("\n## ", 1)[0]
    part = chapter.split("### Calendrier éditorial\n", 1)[1]
    # Four full weeks from the first Monday: the plan is dated Monday 16 November.
    assert "**Le premier mois\u00a0: 16 nov.\u2009–\u200913\u00a0déc. 2026**" in part
    assert "| lun. | mar. | mer. | jeu. | ven. | sam. | dim. |" in part
    assert (
        "| 16<br>8\u00a0h Google Business Profile · Réponses aux avis | 17<br>7\u00a0h Instagram"
        in part
    )
    assert "| Fête des mères | 17 mai 2027 | 30 mai 2027 | Instagram |" in part
    # One column a month from November 2026 to December 2027; Epiphany runs in January.
    timeline = part.split("**Les campagnes sur la période du plan**", 1)[1]
    row = next(line for line in timeline.splitlines() if line.startswith("| Épiphanie"))
    assert row.split(" | ")[1:] == ["·", "·", "■", *["·"] * 10, "· |"]
    html = _document(BAKERY, "html")
    assert '<h3 id="calendar" class="calendar-title">Calendrier éditorial</h3>' in html


def test_a_plan_with_nothing_to_date_has_no_month_grid_but_lists_its_campaigns() -> None:
    text = _document(EXAMPLES / "city-library.yaml")
    part = text.split("### Content calendar", 1)[1].split("\n## ", 1)[0]
    assert "The first month" not in part
    # American English writes the month first.
    assert "| Summer reading challenge | June 7, 2027 |" in part


def test_the_weekly_sheet_gives_each_person_their_posts_and_duties(smplan, tmp_path) -> None:
    result = smplan("calendar", BAKERY, "--sheet", "--from", "2027-01-04", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    sheet = spaced((tmp_path / "boulangerie.sheet.md").read_text(encoding="utf-8"))
    pages = sheet.split("\n---\n")
    names = [page.strip().splitlines()[0] for page in pages]
    assert (
        names[0]
        == "# Hélène Maréchal, Cogérante, responsable de la boutique et de la communication"
    )
    assert names[1] == "# Thomas Maréchal, Artisan boulanger, cogérant"
    helene, thomas, camille = pages[0], pages[1], pages[2]
    assert "*Semaine du 4 janvier 2027*" in helene
    rows = [line for line in helene.splitlines() if line.startswith("| ") and "janvier" in line]
    # Hélène runs the three channels: 4 + 2 + 1 posts from Monday 4 to Sunday 10 January.
    assert len(rows) == 7
    assert rows[0].startswith("| Lundi 4 janvier | 8 h | Google Business Profile |")
    assert "(campagne : Épiphanie, la galette des rois)" in rows[1]
    assert "Aucune publication cette semaine." in thomas
    assert "- Répondre aux messages « Crise » : Prévenir Thomas immédiatement" in thomas
    assert "- Valider : Offres promotionnelles et prix des gâteaux de fête (24 h)" in thomas
    # Camille does the monitoring: its hour a week, the tools, the dashboard's rhythm.
    assert names[2] == "# Camille Roux, Vendeuse, référente commandes de gâteaux"
    assert (
        "- Suivre ce qui se dit de nous et de nos mots-clés, environ 1 h par semaine "
        "(Google Alerts, Meta Business Suite, Fiche Google (application mobile))" in camille
    )
    assert "- Lire le tableau de bord de veille (hebdomadaire)" in camille
    page = smplan("calendar", BAKERY, "--sheet", "-f", "html", "-o", tmp_path / "s.html")
    assert page.exit_code == 0
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert html.count('<section class="sheet">') == len(pages)
    assert "section.sheet {\n  break-after: page;" in html  # a page per person


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ics"], "error: the weekly sheet is written as md or html, not ics"),
        (["--weeks", "2"], "error: --sheet covers one week: leave out --to and --weeks"),
    ],
)
def test_the_sheet_refuses_what_it_cannot_do(smplan, tmp_path, args, message) -> None:
    result = smplan("calendar", BAKERY, "--sheet", *args, "-o", tmp_path / "s")
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("args", "name", "message"),
    [
        (["--format", "html"], "week.md", "error: --format html does not match the extension of"),
        ([], "week.csv", "error: the weekly sheet is written as md or html, not csv"),
    ],
)
def test_the_sheet_is_not_written_under_a_name_of_another_format(
    smplan, tmp_path, args, name, message
) -> None:
    result = smplan("calendar", BAKERY, "--sheet", *args, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / name).exists()
