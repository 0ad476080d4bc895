"""The formats a content calendar and the weekly sheet are written in.

A format writes one file, or one file per channel (the schedulers' bulk files, which take
one account per file and a limited number of rows, so a long calendar is split in parts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smplan.i18n import N_
from smplan.outputs import Format, Outputs
from smplan.render.theme import dress

if TYPE_CHECKING:
    from smplan.calendar import ContentCalendar
    from smplan.plan.model import Plan
    from smplan.render.schedulers import Upload


@dataclass(frozen=True)
class CalendarFile:
    """One file of a calendar: its part's name ("" for a format's only file) and its bytes."""

    part: str
    data: bytes


@dataclass(frozen=True)
class CalendarOptions:
    """How to write a calendar: the language of its words, its timestamp, the currency,
    and what its files leave out, its pages look like."""

    lang: str = "en"
    #: DTSTAMP of the ICS events: SOURCE_DATE_EPOCH, else the plan's date.
    stamp: dt.datetime | None = None
    currency: str = "EUR"
    title: str | None = None
    #: The schedulers' files leave out the posts at or before this moment (the time the
    #: command runs); None keeps them all.
    since: dt.datetime | None = None
    #: Hootsuite's files write dates day first (DD/MM/YYYY) rather than month first.
    day_first: bool = False
    #: A folder of templates that replace the built-in ones (`--template-dir`).
    template_dir: Path | None = None
    #: What the pages to read are dressed in, given to their templates as they are: a
    #: theme's `brand` (logo, colours, font) and the `paper` size.
    dress: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def for_plan(
        cls, plan: Plan, lang: str | None, *, base_dir: Path, template_dir: Path | None
    ) -> CalendarOptions:
        """How `plan`'s calendar and weekly sheet are written: in `lang`, else the plan's
        language, in its currency, under its project's name, dressed in its theme (found
        from `base_dir`, the plan's folder)."""
        language = lang or plan.language
        project = plan.project
        return cls(
            lang=language,
            currency=plan.currency,
            title=(project.name or project.organization) if project else None,
            template_dir=template_dir,
            dress=dress(project.theme if project else None, language, base_dir=base_dir),
        )


@dataclass(frozen=True)
class Written:
    """The files of a calendar in one format, and, for a scheduler's, what the person
    uploading them must know."""

    files: list[CalendarFile]
    upload: Upload | None = None


#: Every calendar format by name, in the order help lists them; a new format is one entry.
#: A calendar goes next to the plan as PLAN.calendar.EXT; the schedulers' files, one per
#: channel, as PLAN.FORMAT-CHANNEL.csv.
CALENDAR_FORMATS = Outputs(
    Format("md", ".md", "smplan.render.calendar_pages:render_markdown"),
    Format("html", ".html", "smplan.render.calendar_pages:render_html"),
    Format("csv", ".csv", "smplan.render.schedulers:render_csv"),
    Format("ics", ".ics", "smplan.render.ics:render_ics"),
    Format("buffer", ".csv", "smplan.render.schedulers:render_buffer", per_part=True),
    Format("hootsuite", ".csv", "smplan.render.schedulers:render_hootsuite", per_part=True),
    default="md",
    what=N_("the calendar"),
    name="{stem}.calendar{extension}",
    part_name="{stem}.{format}-{part}{extension}",
)


#: The formats of the weekly sheet per person (`--sheet`), which goes next to the plan as
#: PLAN.sheet.EXT.
SHEET_FORMATS = Outputs(
    Format("md", ".md", "smplan.render.sheets:render_sheet_markdown"),
    Format("html", ".html", "smplan.render.sheets:render_sheet_html"),
    default="md",
    what=N_("the weekly sheet"),
    name="{stem}.sheet{extension}",
)


def render_sheet(
    plan: Plan, calendar: ContentCalendar, fmt: str, options: CalendarOptions
) -> CalendarFile:
    """The weekly sheets of `calendar` (one week of it) in the format named `fmt`."""
    sheet: CalendarFile = SHEET_FORMATS[fmt].write(plan, calendar, options)
    return sheet


def render_calendar(calendar: ContentCalendar, fmt: str, options: CalendarOptions) -> Written:
    """The files of `calendar` in the format named `fmt`, with what their upload needs."""
    written = CALENDAR_FORMATS[fmt].write(calendar, options)
    return written if isinstance(written, Written) else Written(written)
