"""The names of the plan's steps and fixed values, and its values written for people.

A value is written by the kind its field declares (`smplan.plan.meta`): money in the
plan's currency, hours, a share in percent, a date in long form, a fixed value by its name,
an id by the name of what it refers to. The document and the diff write them alike.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from smplan.i18n import L_, Formatter, Message
from smplan.plan.meta import (
    Kind,
    Ref,
    collections,
    label,
    marker,
    names,
    naming,
    value_kind,
    without_none,
)
from smplan.plan.model import STEPS, Keywords, Plan
from smplan.plan.values import FIXED_VALUE_LABELS

#: The eight steps' titles, as the document, the interview and `check` show them: the
#: labels of the plan's steps.
STEP_TITLES: dict[str, Message] = {step: label(Plan, step) for step in STEPS}

#: The name of each fixed value of the plan: kind of value -> value -> name; the categories
#: of keywords are the fields of `Keywords`, named by their labels.
VALUE_LABELS: dict[str, dict[str, Message]] = {
    **FIXED_VALUE_LABELS,
    "keyword_category": {name: label(Keywords, name) for name in Keywords.model_fields},
}


def choice_kind(annotation: Any) -> str:
    """The kind of fixed value a type holds, as `VALUE_LABELS` keys it: `ContentKind`
    gives `content_kind`."""
    annotation = without_none(annotation)
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    name = annotation.__name__ if isinstance(annotation, type) else ""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def value_label(kind: str, value: str | None) -> str | None:
    """The name of one fixed value (a department, a frequency...) in the language in force."""
    if value is None:
        return None
    label = VALUE_LABELS[kind].get(value)
    return str(label) if label is not None else value


#: The symbol beside each status, so that a status never rests on colour alone.
STATUS_SYMBOLS: dict[str, str] = {
    "on_track": "✓",
    "at_risk": "!",
    "off_track": "✗",
    "no_data": "–",
    "no_target": "?",
    "too_early": "…",
}
#: A symbol beside each pace word, for readers who skim.
PACE_SYMBOLS: dict[str, str] = {"ahead": "▲", "on_pace": "●", "behind": "▼", "below_start": "▽"}

#: The arrow of a trend, by the way the figure moved: up, down or not at all.
TREND_ARROWS: dict[int, str] = {1: "↑", -1: "↓", 0: "→"}


#: Platforms as each one writes its own name. A platform typed in any case, with or
#: without spaces, hyphens or dots, is printed this way; any other name is kept as typed.
PLATFORM_NAMES: tuple[str, ...] = (
    "Behance",
    "BeReal",
    "Bluesky",
    "Discord",
    "Dribbble",
    "Facebook",
    "Flickr",
    "Google Business Profile",
    "Google Maps",
    "Instagram",
    "Lemon8",
    "LinkedIn",
    "Mastodon",
    "Medium",
    "Messenger",
    "Nextdoor",
    "Pinterest",
    "Quora",
    "Reddit",
    "Snapchat",
    "Spotify",
    "Strava",
    "Substack",
    "Telegram",
    "Threads",
    "TikTok",
    "Tripadvisor",
    "Tumblr",
    "Twitch",
    "Twitter",
    "Untappd",
    "Viadeo",
    "Vimeo",
    "WeChat",
    "WhatsApp",
    "X",
    "Xing",
    "Yelp",
    "YouTube",
)


def _platform_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_PLATFORMS = {_platform_key(name): name for name in PLATFORM_NAMES}


def platform_name(name: str) -> str:
    """A platform as it names itself (`linkedin` gives LinkedIn); other text as typed."""
    return _PLATFORMS.get(_platform_key(name), name)


_UNKNOWN = L_("unknown yet")
_YES = L_("yes")
_NO = L_("no")


class Values:
    """A plan's values written as its document writes them, each by its field's kind.

    Used in the language in force; ids are written as the names of what they refer to.
    """

    def __init__(self, plan: Plan, lang: str) -> None:
        self.fmt = Formatter(lang, plan.currency)
        self.names: dict[Kind, dict[str, str]] = {
            kind: names(plan, kind) for kind in collections(Plan)
        }

    def one(self, model: type[BaseModel], name: str, value: Any) -> str | None:
        """One value of a field of `model` (an item, for a list), or None for none."""
        if value is None:
            return None
        info = model.model_fields[name]
        kind = value_kind(info)
        if kind == "ref":
            return self.names[marker(info, Ref).kind].get(value, str(value))
        if isinstance(value, str) and kind in ("number", "count"):
            return str(_UNKNOWN)  # the only word a number field takes: `unknown`
        writers: dict[str, Callable[[Any], str | None]] = {
            "money": self.fmt.money,
            "hours": self.fmt.hours,
            "percent": self.fmt.percent,
            "count": self.fmt.number,
            "number": self.fmt.number,
            "date": self.fmt.date,
            "date_in_plan": self.fmt.date,
        }
        written = writers.get(kind)
        if written is not None:
            return written(value)
        if kind == "yes_no":
            return str(_YES if value else _NO)
        if kind == "platform":
            return platform_name(str(value))
        if kind == "choice" and isinstance(without_none(info.annotation), enum.EnumMeta):
            return value_label(choice_kind(info.annotation), str(value))
        return str(value)

    def name(self, item: BaseModel) -> str | None:
        """What a reader calls an item: its naming fields written out, joined; None when
        none is answered."""
        model = type(item)
        parts = (self.one(model, f, getattr(item, f)) for f in naming(model))
        return " ".join(dict.fromkeys(p for p in parts if p)) or None
