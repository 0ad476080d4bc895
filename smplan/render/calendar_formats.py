"""The formats a content calendar is written in, and where each file goes.

A format writes one file, or one file per channel (the schedulers' bulk files, which take
one account per file and a limited number of rows, so a long calendar is split in parts).
The registry names each renderer as `module:function`, loaded on first use, so that it
costs nothing to import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smplan.lazy import load_callable

if TYPE_CHECKING:
    from smplan.calendar import ContentCalendar
    from smplan.plan.model import Plan
    from smplan.render.theme import Theme


@dataclass(frozen=True)
class CalendarFile:
    """One file of a calendar: its part's name ("" for a format's only file) and its bytes."""

    part: str
    data: bytes


@dataclass(frozen=True)
class CalendarOptions:
    """How to write a calendar: the language of its words, its timestamp, the currency."""

    lang: str = "en"
    #: DTSTAMP of the ICS events: SOURCE_DATE_EPOCH, else the plan's date.
    stamp: dt.datetime | None = None
    currency: str = "EUR"
    title: str | None = None
    #: The plan's theme, which the calendar to read (HTML) wears.
    theme: Theme | None = None


@dataclass(frozen=True)
class CalendarFormat:
    """A calendar format: its name, its file extension, whether it writes one file per
    channel, and its renderer as `module:function`."""

    name: str
    extension: str
    per_channel: bool
    renderer: str

    def render(self, calendar: ContentCalendar, options: CalendarOptions) -> list[CalendarFile]:
        """The files of `calendar` in this format."""
        render: Any = load_callable(self.renderer)
        return render(calendar, options)  # type: ignore[no-any-return]


#: Every calendar format by name, in the order help lists them; a new format is one entry.
CALENDAR_FORMATS: dict[str, CalendarFormat] = {
    f.name: f
    for f in (
        CalendarFormat("md", ".md", False, "smplan.render.calendar_views:render_markdown"),
        CalendarFormat("html", ".html", False, "smplan.render.calendar_views:render_html"),
        CalendarFormat("csv", ".csv", False, "smplan.render.schedulers:render_csv"),
        CalendarFormat("ics", ".ics", False, "smplan.render.ics:render_ics"),
        CalendarFormat("buffer", ".csv", True, "smplan.render.schedulers:render_buffer"),
        CalendarFormat("hootsuite", ".csv", True, "smplan.render.schedulers:render_hootsuite"),
    )
}


#: The formats of the weekly sheet per person (`--sheet`), by name: extension and renderer.
SHEET_FORMATS: dict[str, tuple[str, str]] = {
    "md": (".md", "smplan.render.sheets:render_sheet_markdown"),
    "html": (".html", "smplan.render.sheets:render_sheet_html"),
}


def render_sheet(
    plan: Plan, calendar: ContentCalendar, fmt: str, options: CalendarOptions
) -> CalendarFile:
    """The weekly sheets of `calendar` (one week of it) in the format named `fmt`."""
    render: Any = load_callable(SHEET_FORMATS[fmt][1])
    return render(plan, calendar, options)  # type: ignore[no-any-return]


def sheet_path(source: Path, output: Path | None, fmt: str, *, folder: bool) -> Path:
    """Where the weekly sheets go: `output`, or `PLAN.sheet.EXT` in its folder or the plan's."""
    if output is not None and not folder:
        return output
    where = output if output is not None else source.parent
    return where / f"{source.stem}.sheet{SHEET_FORMATS[fmt][0]}"


def calendar_format_for(output: Path | None) -> str | None:
    """The one-file format an output's extension names (`.md`, `.html`, `.csv`, `.ics`)."""
    if output is None:
        return None
    for fmt in CALENDAR_FORMATS.values():
        if not fmt.per_channel and output.suffix.lower() == fmt.extension:
            return fmt.name
    return None


def calendar_paths(
    source: Path, output: Path | None, fmt: str, parts: list[str], *, folder: bool
) -> list[Path]:
    """Where each part of a calendar goes.

    One file: `output`, or `PLAN.calendar.EXT` in the folder `output` names (`folder`), or
    next to the plan. One file per channel: `output` is a folder, or the stem each file's
    name starts with (`out/week` gives `out/week-instagram.csv`); without it, the files
    are `PLAN.FORMAT-CHANNEL.csv` next to the plan.
    """
    spec = CALENDAR_FORMATS[fmt]
    if not spec.per_channel:
        if output is not None and not folder:
            return [output for _ in parts]
        where = output if output is not None else source.parent
        return [where / f"{source.stem}.calendar{spec.extension}" for _ in parts]
    if output is not None and not folder:
        stem = output.with_suffix("") if output.suffix.lower() == spec.extension else output
        return [stem.with_name(f"{stem.name}-{part}{spec.extension}") for part in parts]
    where = output if output is not None else source.parent
    return [where / f"{source.stem}.{fmt}-{part}{spec.extension}" for part in parts]


def render_calendar(
    calendar: ContentCalendar, fmt: str, options: CalendarOptions
) -> list[CalendarFile]:
    """The files of `calendar` in the format named `fmt`."""
    return CALENDAR_FORMATS[fmt].render(calendar, options)
