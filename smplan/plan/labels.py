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

from smplan.i18n import L_, LP_, Formatter, Message
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

#: The eight steps' titles, as the document, the interview and `check` show them: the
#: labels of the plan's steps.
STEP_TITLES: dict[str, Message] = {step: label(Plan, step) for step in STEPS}

#: The name of each fixed value of the plan: kind of value -> value -> name.
VALUE_LABELS: dict[str, dict[str, Message]] = {
    "department": {
        "management": LP_("department", "Management"),
        "marketing": LP_("department", "Marketing"),
        "communication": LP_("department", "Communication"),
        "customer_service": LP_("department", "Customer service"),
        "support": LP_("department", "Support"),
        "sales": LP_("department", "Sales"),
        "rd": LP_("department", "R&D"),
        "monitoring": LP_("department", "Monitoring"),
        "hr": LP_("department", "Human resources"),
        "it": LP_("department", "IT"),
        "legal": LP_("department", "Legal"),
        "finance": LP_("department", "Finance"),
        "operations": LP_("department", "Operations"),
        "production": LP_("department", "Production"),
        "owner": LP_("department", "Owner or manager"),
        "practitioners": LP_("department", "Practitioners"),
        "front_desk": LP_("department", "Front desk"),
        "other": LP_("department", "Other"),
    },
    "sector": {
        "retail": LP_("sector", "Retail"),
        "food": LP_("sector", "Food and drink"),
        "hospitality": LP_("sector", "Hospitality and tourism"),
        "health": LP_("sector", "Health practice"),
        "alcohol": LP_("sector", "Alcohol"),
        "finance": LP_("sector", "Finance"),
        "association": LP_("sector", "Association or co-operative"),
        "public_service": LP_("sector", "Public service"),
        "b2b": LP_("sector", "Business to business"),
    },
    "frequency": {
        "daily": LP_("frequency", "daily"),
        "weekly": LP_("frequency", "weekly"),
        "monthly": LP_("frequency", "monthly"),
        "quarterly": LP_("frequency", "quarterly"),
        "yearly": LP_("frequency", "yearly"),
    },
    "source_kind": {
        "online": LP_("source_kind", "online"),
        "offline": LP_("source_kind", "offline"),
    },
    # The categories of keywords are the fields of `Keywords`, named by their labels.
    "keyword_category": {name: label(Keywords, name) for name in Keywords.model_fields},
    "decision": {
        "keep": LP_("decision", "Keep"),
        "fix": LP_("decision", "Fix"),
        "close": LP_("decision", "Close"),
    },
    "case": {
        "praise": LP_("case", "Praise"),
        "unhappy": LP_("case", "Unhappy customer"),
        "misinformed": LP_("case", "Misinformed customer"),
        "troll": LP_("case", "Troll"),
        "crisis": LP_("case", "Crisis"),
    },
    "family": {
        "revenue": LP_("family", "Revenue growth"),
        "costs": LP_("family", "Cost reduction"),
        "relationship": LP_("family", "Customer relationship"),
        "loyalty": LP_("family", "Loyalty"),
        "recruitment": LP_("family", "Recruitment"),
        "awareness": LP_("family", "Awareness and reputation"),
    },
    "priority": {
        "high": LP_("priority", "high"),
        "medium": LP_("priority", "medium"),
        "low": LP_("priority", "low"),
    },
    "metric_kind": {
        "reach": LP_("metric_kind", "reach"),
        "engagement": LP_("metric_kind", "engagement"),
        "conversion": LP_("metric_kind", "conversion"),
        "revenue": LP_("metric_kind", "revenue"),
        "cost": LP_("metric_kind", "cost"),
        "sentiment": LP_("metric_kind", "sentiment"),
        "service": LP_("metric_kind", "service"),
    },
    "standard": {
        "engagement_rate_reach": LP_("standard", "Engagement rate by reach"),
        "engagement_rate_impressions": LP_("standard", "Engagement rate by impressions"),
        "share_of_voice": LP_("standard", "Share of voice"),
        "net_sentiment": LP_("standard", "Net sentiment"),
        "click_through_rate": LP_("standard", "Click-through rate"),
        "conversion_rate": LP_("standard", "Conversion rate"),
        "cost_per_acquisition": LP_("standard", "Cost per acquisition"),
        "roi": LP_("standard", "Return on investment"),
        "response_time": LP_("standard", "Response time"),
        "response_rate": LP_("standard", "Response rate"),
        "nps": LP_("standard", "Net Promoter Score"),
    },
    "formula": {
        "engagement_rate_reach": LP_("formula", "engagements ÷ reach × 100"),
        "engagement_rate_impressions": LP_("formula", "engagements ÷ impressions × 100"),
        "share_of_voice": LP_("formula", "brand mentions ÷ (brand + competitor mentions) × 100"),
        "net_sentiment": LP_("formula", "(positive − negative mentions) ÷ all mentions × 100"),
        "click_through_rate": LP_("formula", "clicks ÷ impressions × 100"),
        "conversion_rate": LP_("formula", "conversions ÷ clicks × 100"),
        "cost_per_acquisition": LP_("formula", "spend ÷ acquisitions"),
        "roi": LP_("formula", "(value − cost) ÷ cost × 100"),
        "response_time": LP_("formula", "mean time to the first reply"),
        "response_rate": LP_("formula", "messages answered ÷ messages received × 100"),
        "nps": LP_("formula", "% promoters (9–10) − % detractors (0–6)"),
    },
    "status": {
        "on_track": LP_("status", "on track"),
        "at_risk": LP_("status", "at risk"),
        "off_track": LP_("status", "off track"),
        "no_data": LP_("status", "no data"),
        "no_target": LP_("status", "no target"),
        "too_early": LP_("status", "too early to judge"),
    },
    "pace": {
        "ahead": LP_("pace", "ahead"),
        "on_pace": LP_("pace", "on pace"),
        "behind": LP_("pace", "behind"),
        "below_start": LP_("pace", "below the starting point"),
    },
    "trend": {
        "better": LP_("trend", "improving"),
        "worse": LP_("trend", "worsening"),
        "flat": LP_("trend", "steady"),
    },
    "weekday": {
        "monday": LP_("weekday", "Monday"),
        "tuesday": LP_("weekday", "Tuesday"),
        "wednesday": LP_("weekday", "Wednesday"),
        "thursday": LP_("weekday", "Thursday"),
        "friday": LP_("weekday", "Friday"),
        "saturday": LP_("weekday", "Saturday"),
        "sunday": LP_("weekday", "Sunday"),
    },
    "content_kind": {
        "educational": LP_("content_kind", "educational"),
        "entertaining": LP_("content_kind", "entertaining"),
        "conversational": LP_("content_kind", "conversational"),
        "promotional": LP_("content_kind", "promotional"),
    },
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
