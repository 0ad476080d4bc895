"""`smplan calendar`: dated posts from the channel plan, and the files schedulers read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections import Counter
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
            blocks.setdefault(block, Counter())[post.pillar or ""] += 1
        for counts in blocks.values():
            n = sum(counts.values())
            for pillar in channel.pillars:
                exact = n * (pillar.share or 0) / total
                got = counts[pillar.name or ""]
                # As close as whole numbers allow, and promotion never above its share.
                assert math.floor(exact) <= got <= math.ceil(exact), (pillar.name, n, got)
                if pillar.kind == "promotional":
                    assert got <= exact + 1e-9
        over_horizon = Counter(p.pillar for p in posts)
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
    return exact - sum(1 for post in posts if post.kind == "promotional")


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


def test_posts_get_the_owner_a_topic_of_their_pillars_kind_and_the_campaign(tmp_path) -> None:
    plan = load_plan(plan_file(tmp_path, PARIS)).plan
    calendar = build_calendar(plan, dt.date(2027, 3, 1), dt.date(2027, 5, 30))
    for post in calendar.posts:
        assert post.owner_name == "Anna Petit"
        in_campaign = dt.date(2027, 3, 15) <= post.when.date() <= dt.date(2027, 4, 15)
        assert post.campaigns == (("Spring cakes",) if in_campaign else ())
        if post.kind == "educational":
            assert post.topic in {"How sourdough works", "Flour from the mill"}
        elif in_campaign:
            # A campaign on the post's pillar gives it the campaign's topic.
            assert post.topic == "Easter cakes to order"
        else:
            assert post.topic == "Cake of the week"
    educational = [p.topic for p in calendar.posts if p.kind == "educational"]
    assert educational[:2] == ["How sourdough works", "Flour from the mill"]


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
    assert len(campaigns) == len(plan.campaigns or []) == 3
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
    assert "boulangerie-marechal-instagram-20261117T0700@smplan" in uids
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
        result = smplan("calendar", BAKERY, "--format", fmt, "-o", f"{folder}/")
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in first.iterdir())
    assert names and names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_buffer_files_have_its_header_byte_for_byte_and_at_most_100_posts(smplan, tmp_path):
    result = smplan("calendar", BAKERY, "--format", "buffer", "-o", tmp_path / "posts")
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("posts-*.csv"))
    assert [f.name for f in files] == [
        "posts-facebook-2.csv",
        "posts-facebook.csv",
        "posts-google.csv",
        "posts-instagram-2.csv",
        "posts-instagram-3.csv",
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
            assert text.startswith("BROUILLON : ") and image == ""
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", when)
        rows_by_channel[file.name.removeprefix("posts-").split("-")[0].removesuffix(".csv")] += len(
            rows
        )
    assert rows_by_channel == Counter(p.channel for p in calendar.posts)
    assert rows_by_channel["instagram"] == 235  # 100 + 100 + 35


def test_hootsuite_files_have_one_profile_each_and_at_most_350_messages(smplan, tmp_path):
    result = smplan("calendar", BAKERY, "-f", "hootsuite", "-o", f"{tmp_path}/")
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
            assert message.startswith("BROUILLON : ") and link == ""


def test_the_plain_csv_holds_every_field(smplan, tmp_path) -> None:
    out = tmp_path / "plan.csv"
    assert (
        smplan("calendar", BAKERY, "-o", out, "--from", "2027-01-04", "--weeks", "1").exit_code == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
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
    assert "**5**<br>07:00 Instagram · " in text
    assert "Campagnes du mois : Épiphanie, la galette des rois (du 2 janvier 2027" in text
    assert "| Épiphanie, la galette des rois | 2 janvier 2027 | 17 janvier 2027 |" in text
    page = smplan("calendar", BAKERY, "-f", "html", "-o", tmp_path / "cal.html", "--weeks", "2")
    assert page.exit_code == 0
    html = (tmp_path / "cal.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "07:00 Instagram · " in html


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
        (["--format", "pdf"], "error: unknown format `pdf`"),
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
    # Mid-title, the month is written as in running text.
    assert "**Le premier mois\u00a0: novembre 2026**" in part
    assert "| lun. | mar. | mer. | jeu. | ven. | sam. | dim. |" in part
    # The plan is dated Monday 16 November: the grid starts there.
    assert (
        "| 16<br>08:00 Google Business Profile · Réponses aux avis | 17<br>07:00 Instagram" in part
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
    sheet = (tmp_path / "boulangerie.sheet.md").read_text(encoding="utf-8")
    pages = sheet.split("\n---\n")
    names = [page.strip().splitlines()[0] for page in pages]
    assert (
        names[0]
        == "# Hélène Maréchal, Cogérante, responsable de la boutique et de la communication"
    )
    assert names[1] == "# Thomas Maréchal, Artisan boulanger, cogérant"
    helene, thomas = pages[0], pages[1]
    assert "*Semaine du 4 janvier 2027*" in helene
    rows = [line for line in helene.splitlines() if line.startswith("| ") and "janvier" in line]
    # Hélène runs the three channels: 4 + 2 + 1 posts from Monday 4 to Sunday 10 January.
    assert len(rows) == 7
    assert rows[0].startswith("| Lundi 4 janvier | 08:00 | Google Business Profile |")
    assert "(campagne : Épiphanie, la galette des rois)" in rows[1]
    assert "Aucune publication cette semaine." in thomas
    assert "- Répondre aux messages « Crise » : Prévenir Thomas immédiatement" in thomas
    assert "- Valider : Offres promotionnelles et prix des gâteaux de fête (24 h)" in thomas
    page = smplan("calendar", BAKERY, "--sheet", "-f", "html", "-o", tmp_path / "s.html")
    assert page.exit_code == 0
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert html.count("<section>") == len(pages)
    assert "page-break-after: always" in html


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
