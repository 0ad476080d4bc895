"""Scheduler files that upload safely: read back as Buffer and Hootsuite read them, with
what the command says to the person who uploads them."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from smplan.calendar import build_calendar
from smplan.plan.model import Plan
from smplan.render.calendar_formats import CalendarOptions, render_calendar

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"
#: Draft texts start so, in English; a person reading them cannot take them for posts.
DRAFT = "[DRAFT, DO NOT PUBLISH] "

#: A winery posting on Instagram at 17:32 on Tuesdays and on Facebook at 09:00 on
#: Saturdays, through January 2027: days over 12 tell month-first dates from day-first.
WINERY: dict[str, Any] = {
    "smplan": 1,
    "project": {
        "name": "Plan",
        "organization": "Domaine des Vignes",
        "date": "2027-01-04",
        "horizon": "2027-01-31",
        "timezone": "Europe/Paris",
    },
    "team": {"members": [{"id": "ines", "name": "Inès Roux"}]},
    "value": {"topics": [{"topic": "Ask the winemaker", "kind": "conversational"}]},
    "channels": [
        {
            "id": "instagram",
            "platform": "Instagram",
            "owner": "ines",
            "posts_per_week": 1,
            "slots": [{"day": "tuesday", "time": "17:32"}],
            "pillars": [{"name": "Ask the winemaker", "kind": "conversational", "share": 100}],
        },
        {
            "id": "facebook",
            "platform": "Facebook",
            "owner": "ines",
            "posts_per_week": 1,
            "slots": [{"day": "saturday", "time": "09:00"}],
            "pillars": [{"name": "Rosé and food", "kind": "educational", "share": 100}],
        },
    ],
}


def plan_file(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def rows(path: Path) -> list[list[str]]:
    """A scheduler's file as the scheduler reads it: UTF-8 CSV, no byte-order mark."""
    data = path.read_bytes()
    assert not data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def winery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plan_file(tmp_path_factory.mktemp("winery"), WINERY)


def test_hootsuite_reads_month_first_dates_on_five_minute_steps(smplan, winery, tmp_path):
    result = smplan("calendar", winery, "-f", "hootsuite", "--past", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    read = [
        (dt.datetime.strptime(when, "%m/%d/%Y %H:%M"), message, link)
        for when, message, link in rows(tmp_path / "plan.hootsuite-instagram.csv")
    ]
    # Tuesdays 5, 12, 19 and 26 January, the 17:32 slot at the next step, 17:35.
    assert [when for when, _, _ in read] == [
        dt.datetime(2027, 1, day, 17, 35) for day in (5, 12, 19, 26)
    ]
    assert all(when.minute % 5 == 0 for when, _, _ in read)
    assert all(message.startswith(DRAFT) and link == "" for _, message, link in read)
    saturdays = [row[0] for row in rows(tmp_path / "plan.hootsuite-facebook.csv")]
    assert saturdays == [
        "01/09/2027 09:00",
        "01/16/2027 09:00",
        "01/23/2027 09:00",
        "01/30/2027 09:00",
    ]
    assert (
        "warning: Hootsuite takes times on five-minute steps only, so these slots move: "
        "Instagram on Tuesday at 17:32, written 17:35" in result.stderr
    )
    assert "Facebook on" not in result.stderr  # 09:00 is on a step
    assert "choose the date format MM/DD/YYYY" in result.stderr


def test_hootsuite_writes_day_first_when_asked(smplan, winery, tmp_path):
    result = smplan(
        "calendar", winery, "-f", "hootsuite", "--day-first", "--past", "-o", f"{tmp_path}/"
    )
    assert result.exit_code == 0, result.output
    read = [row[0] for row in rows(tmp_path / "plan.hootsuite-facebook.csv")]
    assert read[1] == "16/01/2027 09:00"
    assert [dt.datetime.strptime(when, "%d/%m/%Y %H:%M").day for when in read] == [9, 16, 23, 30]
    assert "choose the date format DD/MM/YYYY" in result.stderr


def test_buffer_says_to_save_as_drafts_and_flags_instagram_without_images(smplan, winery, tmp_path):
    result = smplan("calendar", winery, "-f", "buffer", "--past", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    instagram = rows(tmp_path / "plan.buffer-instagram.csv")
    assert instagram[0] == ["Text", "Image URL", "Tags", "Posting Time"]
    assert [row[3] for row in instagram[1:]][:2] == ["2027-01-05 17:32", "2027-01-12 17:32"]
    assert all(text.startswith(DRAFT) and image == "" for text, image, _, _ in instagram[1:])
    lines = result.stderr.splitlines()
    assert (
        "warning: Instagram refuses a post without an image, and 4 posts of `instagram` have "
        "no image link: add one to each before they are scheduled" in lines
    )
    assert not [line for line in lines if "Facebook refuses" in line]
    assert "“save as drafts” ticked" in result.stderr
    assert "five-minute" not in result.stderr  # Buffer takes any minute


def test_a_topic_that_repeats_its_pillar_is_said_once(smplan, winery, tmp_path):
    assert smplan("calendar", winery, "-f", "buffer", "--past", "-o", f"{tmp_path}/").exit_code == 0
    texts = [row[0] for row in rows(tmp_path / "plan.buffer-instagram.csv")[1:]]
    assert texts[0] == DRAFT + "Ask the winemaker"
    assert not [t for t in texts if "Ask the winemaker: Ask the winemaker" in t]


def test_posts_whose_time_has_passed_are_left_out_and_counted() -> None:
    plan = Plan.model_validate(WINERY)
    calendar = build_calendar(plan, dt.date(2027, 1, 4), dt.date(2027, 1, 31))
    # On Wednesday 13 January at noon, Paris time: two Tuesdays and one Saturday are past.
    now = dt.datetime(2027, 1, 13, 11, tzinfo=dt.UTC)
    for fmt in ("buffer", "hootsuite"):
        written = render_calendar(calendar, fmt, CalendarOptions(lang="en", since=now))
        assert written.upload is not None and written.upload.past == 3
        kept = [line for f in written.files for line in f.data.decode().splitlines()]
        assert len([line for line in kept if DRAFT in line]) == len(calendar.posts) - 3
        everything = render_calendar(calendar, fmt, CalendarOptions(lang="en"))
        assert everything.upload is not None and everything.upload.past == 0


def test_the_command_counts_the_past_posts_and_refuses_a_calendar_all_past(smplan, tmp_path):
    past = {**WINERY, "project": {**WINERY["project"], "date": "2020-01-06", "horizon": None}}
    path = plan_file(tmp_path, past)
    result = smplan("calendar", path, "-f", "buffer", "--weeks", "2", "-o", f"{tmp_path}/")
    assert result.exit_code == 2
    assert "error: every post of the calendar is in the past, so there is nothing to upload" in (
        result.stderr
    )
    assert not list(tmp_path.glob("*.csv"))
    kept = smplan("calendar", path, "-f", "buffer", "--weeks", "2", "--past", "-o", f"{tmp_path}/")
    assert kept.exit_code == 0 and "left out" not in kept.stderr
    assert len(rows(tmp_path / "plan.buffer-instagram.csv")) == 1 + 2
    # Four weeks from a fortnight ago: the posts before now are counted, the others kept.
    start = dt.date.today() - dt.timedelta(days=14)
    span = ["--from", start.isoformat(), "--weeks", "4"]
    now = smplan("calendar", path, "-f", "hootsuite", *span, "-o", f"{tmp_path}/now/")
    assert now.exit_code == 0, now.output
    calendar = build_calendar(Plan.model_validate(past), start, start + dt.timedelta(days=27))
    moment = dt.datetime.now(dt.UTC)
    gone = sum(1 for post in calendar.posts if post.when <= moment)
    assert gone >= 4
    assert f"note: {gone} posts whose time has passed are left out; --past keeps them" in (
        now.stderr
    )
    written = [row for f in (tmp_path / "now").glob("*.csv") for row in rows(f)]
    assert len(written) == len(calendar.posts) - gone
    later = smplan("calendar", path, "-f", "hootsuite", "--from", "2090-01-02", "--weeks", "1")
    assert later.exit_code == 0, later.output
    assert "left out" not in later.stderr


def test_the_plain_csv_reads_back_with_the_utf_8_sig_codec(smplan, winery, tmp_path):
    out = tmp_path / "posts.csv"
    assert smplan("calendar", winery, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # what tells a spreadsheet it is UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert list(read[0])[0] == "date"
    assert {r["owner"] for r in read} == {"Inès Roux"}
    assert "Rosé and food" in {r["pillar"] for r in read}


def _tuesdays(*times: str) -> dict[str, Any]:
    """The winery with these Tuesday slots on Instagram."""
    instagram = {
        **WINERY["channels"][0],
        "posts_per_week": len(times),
        "slots": [{"day": "tuesday", "time": t} for t in times],
    }
    return {**WINERY, "channels": [instagram, WINERY["channels"][1]]}


def test_a_post_that_would_share_a_step_with_another_moves_to_the_next_free_one(smplan, tmp_path):
    path = plan_file(tmp_path, _tuesdays("17:31", "17:33"))
    result = smplan("calendar", path, "-f", "hootsuite", "--past", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    times = [row[0] for row in rows(tmp_path / "plan.hootsuite-instagram.csv")]
    assert times[:4] == [
        "01/05/2027 17:35",
        "01/05/2027 17:40",
        "01/12/2027 17:35",
        "01/12/2027 17:40",
    ]
    assert len(times) == len(set(times)) == 8
    lines = result.stderr.splitlines()
    # Each slot is said once, at the time it is written: 17:33 goes to 17:40, not 17:35.
    assert (
        "warning: Hootsuite takes times on five-minute steps only, so these slots move: "
        "Instagram on Tuesday at 17:31, written 17:35" in lines
    )
    assert (
        "warning: Hootsuite's file takes one post of a channel at a time, so these posts, "
        "which fall at the time of an earlier post of their channel, move to the next free "
        "time: `instagram` on 5 January 2027 at 17:33, written 17:40; `instagram` on "
        "12 January 2027 at 17:33, written 17:40; `instagram` on 19 January 2027 at 17:33, "
        "written 17:40; `instagram` on 26 January 2027 at 17:33, written 17:40" in lines
    )


def test_two_posts_of_a_channel_at_one_minute_are_written_a_minute_apart_for_buffer() -> None:
    calendar = build_calendar(
        Plan.model_validate(WINERY), dt.date(2027, 1, 4), dt.date(2027, 1, 10)
    )
    instagram, facebook = calendar.posts
    # A second Instagram post at the same minute, and Facebook's moved to that minute too.
    twin = dataclasses.replace(instagram, topic="Harvest")
    same = dataclasses.replace(facebook, when=instagram.when)
    calendar = dataclasses.replace(calendar, posts=[instagram, twin, same])
    written = render_calendar(calendar, "buffer", CalendarOptions(lang="en"))
    files = {f.part: f.data.decode() for f in written.files}
    assert [line.rsplit(",", 1)[1] for line in files["instagram"].splitlines()[1:]] == [
        "2027-01-05 17:32",
        "2027-01-05 17:33",
    ]
    assert files["facebook"].splitlines()[1].endswith(",2027-01-05 17:32")  # another channel
    assert written.upload is not None
    assert [
        (c.channel, c.day, f"{c.slot:%H:%M}", f"{c.written:%H:%M}") for c in written.upload.crowded
    ] == [("instagram", dt.date(2027, 1, 5), "17:32", "17:33")]


@pytest.mark.parametrize(
    ("times", "said"),
    [
        (
            ("23:51", "23:53"),
            "error: the post of `instagram` at 23:53 on 5 January 2027 would share its time in "
            "Hootsuite's file with another post of the channel, and no later time is free "
            "before midnight",
        ),
        (
            ("23:57",),
            "error: Hootsuite takes times on five-minute steps only, and the post of "
            "`instagram` at 23:57 on 5 January 2027 has none left before midnight",
        ),
    ],
)
def test_a_post_that_would_leave_its_day_is_refused_and_nothing_written(
    smplan, tmp_path, times, said
):
    path = plan_file(tmp_path, _tuesdays(*times))
    result = smplan("calendar", path, "-f", "hootsuite", "--past", "-o", f"{tmp_path}/")
    assert result.exit_code == 2
    assert said in result.stderr.splitlines()
    assert "hint: give" in result.stderr
    assert not list(tmp_path.glob("*.csv"))
