"""`smplan calendar`: the channel plan as dated posts, for people and for schedulers."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import typer

from smplan.cli import app, known_format, matching_format, say_wrote, speak_asked
from smplan.cli.console import err_console
from smplan.cli.helptexts import H_
from smplan.errors import RenderError, UsageError, cannot_write
from smplan.i18n import L_, LN_, either, speak
from smplan.render.calendar_formats import CALENDAR_FORMATS


@app.command()
def calendar(
    path: Path = typer.Argument(..., help="The plan file.", show_default=False, metavar="PLAN"),
    start_arg: str | None = typer.Option(
        None,
        "--from",
        help="First day (YYYY-MM-DD). Default: the plan's date, else next Monday.",
        show_default=False,
        metavar="DATE",
    ),
    end_arg: str | None = typer.Option(
        None,
        "--to",
        help="Last day (YYYY-MM-DD). Default: the plan's horizon, else four weeks.",
        show_default=False,
        metavar="DATE",
    ),
    weeks: int | None = typer.Option(
        None, "--weeks", min=1, help="How many weeks from the first day, instead of --to."
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=H_(
            "Calendar format: {formats}. Default: the extension of -o, else md.",
            formats=", ".join(CALENDAR_FORMATS),
        ),
        show_default=False,
    ),
    output_arg: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write (md, html, csv, ics), or folder to write in (an existing folder, "
        "or a path ending in /). buffer and hootsuite write one file per channel: -o is then "
        "a folder, or the start of each file's name (-o out/posts gives "
        "out/posts-instagram.csv). Default: next to the plan.",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the calendar. Default: the plan's.", show_default=False
    ),
    sheet: bool = typer.Option(
        False,
        "--sheet",
        help="Write the week's sheet per person instead (md or html): the posts each one "
        "owns from the first day for seven days, and their standing duties.",
    ),
) -> None:
    """Date every post of the channel plan, with its owner, pillar and a suggested topic.

    Each channel's weekly slots are laid from the first day to the last, in the plan's
    time zone; campaigns are laid over them. The same plan always gives the same files.
    Scheduler files (buffer, hootsuite) hold draft lines to write, never finished posts.

    Exit status: 0 when the files were written; 2 when the plan cannot be read, has no
    slots or time zone, or the options cannot work.
    """
    from smplan.calendar import build_calendar, default_end, default_start
    from smplan.fsutil import atomic_write
    from smplan.plan.files import load_plan
    from smplan.render.calendar_formats import (
        CalendarOptions,
        calendar_format_for,
        calendar_paths,
        render_calendar,
    )
    from smplan.render.environment import source_date
    from smplan.render.theme import load_theme, theme_file

    speak_asked(lang)
    if sheet:
        _write_sheet(path, start_arg, end_arg, weeks, output_format, output_arg, lang)
        return
    known_format(output_format, CALENDAR_FORMATS)
    if end_arg is not None and weeks is not None:
        raise UsageError(L_("give --to or --weeks, not both"))
    output = Path(output_arg) if output_arg else None
    folder = output_arg is not None and (
        output_arg.endswith(("/", os.sep)) or Path(output_arg).is_dir()
    )
    named = None if folder else calendar_format_for(output)
    fits = L_("leave --format out, or give -o a name that fits it")
    fmt = matching_format(output_format, named, output, fits) or "md"

    plan = load_plan(path).plan
    speak(lang or plan.language)
    start = _date(start_arg, "--from") or default_start(plan, dt.date.today())
    if weeks is not None:
        end = start + dt.timedelta(weeks=weeks, days=-1)
    else:
        end = _date(end_arg, "--to") or default_end(plan, start)
    content = build_calendar(plan, start, end)
    project = plan.project
    theme = theme_file(project.theme if project else None, None, path.parent)
    options = CalendarOptions(
        lang=lang or plan.language,
        stamp=source_date(plan),
        currency=plan.currency,
        title=(project.name or project.organization) if project else None,
        theme=load_theme(theme) if theme is not None else None,
    )
    files = render_calendar(content, fmt, options)
    targets = calendar_paths(path, output, fmt, [f.part for f in files], folder=folder)
    for platform in content.unscheduled:
        unscheduled = L_(
            "note: {platform} has posts a week but no slots, so it is not in the calendar",
            platform=platform,
        )
        err_console.print(
            str(unscheduled),
            highlight=False,
            markup=False,
        )
    for file, target in zip(files, targets, strict=True):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, file.data)
        except OSError as error:
            raise cannot_write(target, error, kind=RenderError) from None
        say_wrote(target)
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
    typer.echo(str(said))


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


def _write_sheet(
    path: Path,
    start_arg: str | None,
    end_arg: str | None,
    weeks: int | None,
    output_format: str | None,
    output_arg: str | None,
    lang: str | None,
) -> None:
    from smplan.calendar import build_calendar, default_start
    from smplan.fsutil import atomic_write
    from smplan.plan.files import load_plan
    from smplan.render.calendar_formats import (
        SHEET_FORMATS,
        CalendarOptions,
        render_sheet,
        sheet_path,
    )

    if end_arg is not None or weeks is not None:
        raise UsageError(L_("--sheet covers one week: leave out --to and --weeks"))
    output = Path(output_arg) if output_arg else None
    folder = output_arg is not None and (
        output_arg.endswith(("/", os.sep)) or Path(output_arg).is_dir()
    )
    named = None
    if output is not None and not folder:
        suffix = output.suffix.lower()
        named = next((n for n, (ext, _) in SHEET_FORMATS.items() if suffix == ext), suffix[1:])
    # -o week.md with --format html is the same mistake as for the calendar itself.
    fmt = matching_format(output_format, named, output) or "md"
    if fmt not in SHEET_FORMATS:
        raise UsageError(
            L_(
                "the weekly sheet is written as {formats}, not {format}",
                formats=either(SHEET_FORMATS),
                format=fmt,
            ),
            hint=L_("use {first} or {second}", first="--format md", second="--format html"),
        )
    plan = load_plan(path).plan
    speak(lang or plan.language)
    start = _date(start_arg, "--from") or default_start(plan, dt.date.today())
    content = build_calendar(plan, start, start + dt.timedelta(days=6))
    options = CalendarOptions(lang=lang or plan.language, currency=plan.currency)
    target = sheet_path(path, output, fmt, folder=folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, render_sheet(plan, content, fmt, options).data)
    except OSError as error:
        raise cannot_write(target, error, kind=RenderError) from None
    say_wrote(target)
