"""`smplan calendar`: the channel plan as dated posts, for people and for schedulers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.cli.common import echo, say_wrote, speak_asked, template_folder
from smplan.cli.console import err_console
from smplan.cli.options import (
    LANG,
    PLAN,
    TEMPLATE_DIR,
    command,
    flag,
    format_option,
    option,
    output_option,
)
from smplan.cli.outputs import destination
from smplan.errors import CalendarError, UsageError, printable
from smplan.i18n import L_, LN_, Formatter, Message, babel_locale, pgettext, speak
from smplan.render.calendar_formats import CALENDAR_FORMATS

if TYPE_CHECKING:
    from smplan.render.schedulers import Upload


@command(
    "calendar",
    PLAN,
    option(
        "start_arg",
        "--from",
        metavar="DATE",
        help="First day (YYYY-MM-DD). Default: the plan's date, else next Monday.",
    ),
    option(
        "end_arg",
        "--to",
        metavar="DATE",
        help="Last day (YYYY-MM-DD). Default: the plan's horizon, else four weeks.",
    ),
    option(
        "weeks",
        "--weeks",
        kind=int,
        minimum=1,
        help="How many weeks from the first day, instead of --to.",
    ),
    format_option(CALENDAR_FORMATS),
    output_option(CALENDAR_FORMATS),
    LANG,
    TEMPLATE_DIR,
    flag(
        "sheet",
        "--sheet",
        help="Write the week's sheet per person instead (md or html): the posts each one "
        "owns from the first day for seven days, and their standing duties.",
    ),
    flag(
        "past",
        "--past",
        help="Keep in the scheduler files (buffer, hootsuite) the posts whose time has "
        "passed; they are left out by default, and counted.",
    ),
    flag(
        "day_first",
        "--day-first",
        help="Write Hootsuite's dates day first (DD/MM/YYYY), for an upload set to that "
        "order; month first (MM/DD/YYYY), Hootsuite's default, otherwise.",
    ),
)
def calendar(
    path: Path,
    start_arg: str | None,
    end_arg: str | None,
    weeks: int | None,
    output_format: str | None,
    output_arg: str | None,
    lang: str | None,
    template_dir: Path | None,
    sheet: bool,
    past: bool,
    day_first: bool,
) -> None:
    """Date every post of the channel plan, with its owner, pillar and a suggested topic.

    Each channel's weekly slots are laid from the first day to the last, in the plan's
    time zone; campaigns are laid over them. The same plan always gives the same files.
    Scheduler files (buffer, hootsuite) hold draft lines to write, never finished posts,
    and only the posts still to come unless --past; what to do when uploading them is said.

    Exit status: 0 when the files were written; 2 when the plan cannot be read, has no
    slots or time zone, a scheduler would get only past posts, or the options cannot work.
    """
    from smplan.calendar import MAX_WEEKS, build_calendar, default_end, default_start, weeks_end
    from smplan.plan.files import load_plan
    from smplan.render.calendar_formats import (
        SHEET_FORMATS,
        CalendarOptions,
        render_calendar,
        render_sheet,
    )
    from smplan.render.environment import source_date

    speak_asked(lang)
    templates = template_folder(template_dir)
    if sheet:
        if end_arg is not None or weeks is not None:
            raise UsageError(L_("--sheet covers one week: leave out --to and --weeks"))
        where = destination(SHEET_FORMATS, output_format, output_arg, [path])
        sheet_target = where.target(path)
    else:
        where = destination(CALENDAR_FORMATS, output_format, output_arg, [path])
        if end_arg is not None and weeks is not None:
            raise UsageError(L_("give --to or --weeks, not both"))

    plan = load_plan(path).plan
    speak(lang or plan.language)
    start = _date(start_arg, "--from") or default_start(plan, dt.date.today())
    if sheet:
        content = build_calendar(plan, start, weeks_end(start, 1), lang or plan.language)
        options = CalendarOptions.for_plan(plan, lang, base_dir=path.parent, template_dir=templates)
        sheet_file = render_sheet(plan, content, where.format.name, options)
        where.write(sheet_target, sheet_file.data)
        if not where.stdout:
            say_wrote(sheet_target)
        return
    if weeks is not None:
        end = weeks_end(start, weeks)
    else:
        end = _date(end_arg, "--to") or default_end(plan, start)
    content = build_calendar(plan, start, end, lang or plan.language)
    horizon = plan.project.horizon if plan.project else None
    if end_arg is None and weeks is None and horizon is not None and start <= horizon != end:
        stops = L_(
            "note: the calendar stops at {end}, {weeks} weeks on; --from gives the next stretch",
            end=end.isoformat(),
            weeks=MAX_WEEKS,
        )
        err_console.print(str(stops), highlight=False, markup=False, soft_wrap=True)
    # The timestamp is read before the theme, so a wrong SOURCE_DATE_EPOCH is said first.
    stamp = source_date(plan)
    options = replace(
        CalendarOptions.for_plan(plan, lang, base_dir=path.parent, template_dir=templates),
        stamp=stamp,
        since=None if past else dt.datetime.now(dt.UTC),
        day_first=day_first,
    )
    written = render_calendar(content, where.format.name, options)
    files, upload = written.files, written.upload
    if upload is not None and not files and upload.past:
        raise CalendarError(
            L_("every post of the calendar is in the past, so there is nothing to upload"),
            hint=L_("give --from a later day, or --past to keep them"),
        )
    # Every file is placed, and guarded, before the first is written.
    targets = [where.target(path, f.part) for f in files]
    for platform in content.unscheduled:
        unscheduled = L_(
            "note: {platform} has posts a week but no slots, so it is not in the calendar",
            platform=printable(platform),
        )
        err_console.print(
            str(unscheduled),
            highlight=False,
            markup=False,
        )
    for market in content.unknown_markets:
        err_console.print(
            str(
                L_(
                    "note: `{market}` is not a country or region whose public holidays are "
                    "known, so the calendar leaves its holidays out",
                    market=printable(market),
                )
            ),
            highlight=False,
            markup=False,
        )
    for file, target in zip(files, targets, strict=True):
        where.write(target, file.data)
        if not where.stdout:
            say_wrote(target)
    if upload is not None:
        _say_upload(upload, lang or plan.language)
    n = len(content.posts)
    campaigns = LN_("{n} campaign", "{n} campaigns", len(content.campaigns))
    said = LN_(
        "{n} post from {start} to {end} ({timezone}), {campaigns}.",
        "{n} posts from {start} to {end} ({timezone}), {campaigns}.",
        n,
        start=str(content.start),
        end=str(content.end),
        timezone=content.timezone,
        campaigns=campaigns,
    )
    if where.stdout:
        # Standard output holds the calendar alone.
        err_console.print(str(said), highlight=False, markup=False, soft_wrap=True)
    else:
        echo(said)


def _say_upload(upload: Upload, lang: str) -> None:
    """Warn of what a scheduler would refuse or what was changed, then say what was left
    out and what to do when uploading."""
    days = babel_locale(lang).days["format"]["wide"]
    if upload.moved:
        slots = "; ".join(
            str(
                L_(
                    "{platform} on {weekday} at {slot}, written {time}",
                    platform=printable(m.platform),
                    weekday=days[m.weekday],
                    slot=f"{m.slot:%H:%M}",
                    time=f"{m.written:%H:%M}",
                )
            )
            for m in upload.moved
        )
        _warn(
            L_(
                "{scheduler} takes times on five-minute steps only, so these slots move: {slots}",
                scheduler=upload.scheduler,
                slots=slots,
            )
        )
    if upload.crowded:
        fmt = Formatter(lang)
        posts = "; ".join(
            str(
                L_(
                    "`{channel}` on {date} at {time}, written {written}",
                    channel=printable(c.channel),
                    date=fmt.date(c.day),
                    time=f"{c.slot:%H:%M}",
                    written=f"{c.written:%H:%M}",
                )
            )
            for c in upload.crowded
        )
        _warn(
            L_(
                "{scheduler}'s file takes one post of a channel at a time, so these posts, "
                "which fall at the time of an earlier post of their channel, move to the next "
                "free time: {posts}",
                scheduler=upload.scheduler,
                posts=posts,
            )
        )
    for refused in upload.refused:
        rows = {"platform": printable(refused.platform), "channel": printable(refused.channel)}
        if refused.media == "video":
            _warn(
                LN_(
                    "{platform} refuses a post without a video, and {n} post of `{channel}` "
                    "has none: add one before it is scheduled",
                    "{platform} refuses a post without a video, and {n} posts of `{channel}` "
                    "have none: add one to each before they are scheduled",
                    refused.rows,
                    **rows,
                )
            )
        else:
            _warn(
                LN_(
                    "{platform} refuses a post without an image, and {n} post of `{channel}` "
                    "has no image link: add one before it is scheduled",
                    "{platform} refuses a post without an image, and {n} posts of `{channel}` "
                    "have no image link: add one to each before they are scheduled",
                    refused.rows,
                    **rows,
                )
            )
    if upload.past:
        _note(
            LN_(
                "{n} post whose time has passed is left out; --past keeps it",
                "{n} posts whose time has passed are left out; --past keeps them",
                upload.past,
            )
        )
    _note(upload.advice)


def _warn(message: Message) -> None:
    label = pgettext("report", "warning:")
    err_console.print(f"{label} {message}", highlight=False, markup=False, soft_wrap=True)


def _note(message: Message) -> None:
    label = pgettext("report", "note:")
    err_console.print(f"{label} {message}", highlight=False, markup=False, soft_wrap=True)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            L_("{option} {value}: not a date", option=option, value=value),
            hint=L_("write dates as YYYY-MM-DD, for example 2027-01-04"),
        ) from None
