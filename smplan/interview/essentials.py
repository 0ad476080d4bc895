"""The essentials path of the interview: what a strategy cannot do without, and the rest proposed.

`smplan init --essentials` asks only the fields the model marks `Essential`, in their
rank, and offers for the others a proposal built from the answers already given (the
team's departments, the names of the organization and its people, each objective's
family, each channel's platform, the plan's sectors). The person accepts a proposal with
Enter or types their own answer; every other field stays reachable with `smplan init
--step NAME` and in the file.

This module only computes: it never asks and never prints.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import Any

from pydantic import BaseModel

from smplan.checks.load import hours
from smplan.i18n import local_time_zones
from smplan.interview import sectors
from smplan.interview.sectors import worded
from smplan.plan.meta import Essential, Holds, fields, marker, naming, submodel
from smplan.plan.model import (
    LISTENING_DEPARTMENTS,
    SPEAKING_DEPARTMENTS,
    WEEKDAYS,
    Department,
    Plan,
)

#: Lists proposed whole, shown and accepted (or refused) with one answer: (model, field).
PROPOSED_LISTS: frozenset[tuple[str, str]] = frozenset(
    (found.model.__name__, found.name)
    for found in fields(Plan)
    if (mark := marker(found.info, Essential)) is not None and mark.whole
)

#: Posts a week a channel usually needs to be seen, by platform (rules of thumb from the
#: platforms' own guides): asked with this as the proposed answer.
POSTS_PER_WEEK: dict[str, float] = {
    "instagram": 4,
    "facebook": 4,
    "linkedin": 3,
    "tiktok": 4,
    "x": 7,
    "twitter": 7,
    "threads": 5,
    "bluesky": 5,
    "mastodon": 5,
    "youtube": 1,
    "pinterest": 5,
    "google business profile": 1,
    "google": 1,
    "newsletter": 1,
    "whatsapp": 2,
}
DEFAULT_POSTS_PER_WEEK = 3.0
#: Hours a post takes, writing, making and answering the replies included.
HOURS_PER_POST = 0.5

#: The time of day a platform's audience reads it most, as its guides say: posts go then.
POST_TIME: dict[str, str] = {
    "instagram": "12:30",
    "facebook": "18:30",
    "linkedin": "08:30",
    "tiktok": "19:00",
    "x": "08:00",
    "twitter": "08:00",
    "youtube": "17:00",
    "pinterest": "20:00",
    "google business profile": "09:00",
    "google": "09:00",
    "newsletter": "10:00",
}
DEFAULT_POST_TIME = "12:00"
#: The days a week's posts are spread over, by how many there are.
SPREAD: dict[int, tuple[str, ...]] = {
    1: ("tuesday",),
    2: ("tuesday", "thursday"),
    3: ("monday", "wednesday", "friday"),
    4: ("monday", "tuesday", "thursday", "saturday"),
    5: WEEKDAYS[:5],
    6: WEEKDAYS[:6],
    7: WEEKDAYS,
}

#: How well each kind of content suits a platform (its guides and common practice): the
#: weight of a pillar of that kind in the channel's mix, 1 by default.
PLATFORM_MIX: dict[str, dict[str, float]] = {
    "instagram": {"entertaining": 1.6, "conversational": 0.8},
    "facebook": {"conversational": 1.6, "entertaining": 1.2},
    "linkedin": {"educational": 1.8, "entertaining": 0.5},
    "tiktok": {"entertaining": 2.0, "conversational": 0.6},
    "youtube": {"educational": 1.8, "conversational": 0.5},
    "x": {"conversational": 1.8, "entertaining": 0.8},
    "google business profile": {"educational": 1.4, "conversational": 0.5, "entertaining": 0.5},
    "pinterest": {"educational": 1.5, "conversational": 0.4},
}
#: The largest share of promotion proposed in a channel: a third at most, rounded down.
PROMOTION_CAP = 30.0

#: The standard response playbook: each case with its target hours to the first reply.
PLAYBOOK: tuple[tuple[str, float], ...] = (
    ("praise", 24),
    ("unhappy", 4),
    ("misinformed", 8),
    ("troll", 24),
    ("crisis", 1),
)

#: A metric proposed for each family of objective: its kind and standard definition; its
#: name and unit are worded by the plan's sectors (`sectors.WORDINGS`).
FAMILY_METRIC: dict[str, tuple[str, str]] = {
    "revenue": ("conversion", "conversion_rate"),
    "costs": ("cost", "cost_per_acquisition"),
    "relationship": ("service", "response_time"),
    "loyalty": ("engagement", "engagement_rate_reach"),
}
#: What the figures of each standard measure, as typed units say (`answers.MEASURES`).
STANDARD_MEASURE: dict[str, str] = {
    "conversion_rate": "percent",
    "engagement_rate_reach": "percent",
    "cost_per_acquisition": "money",
    "response_time": "hours",
}

#: Content pillars proposed for a channel when the value step gave no topic.
PILLARS: tuple[tuple[str, str], ...] = (
    ("pillar.advice", "educational"),
    ("pillar.behind", "entertaining"),
    ("pillar.questions", "conversational"),
    ("pillar.offers", "promotional"),
)


def text(key: str, plan: Plan) -> str:
    """A proposed wording in the language in force, in the words of the plan's sectors."""
    return worded(key, plan)


@cache
def essential_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` the essentials path asks, in order; all of them for a model
    that marks none."""
    ranked = sorted(
        (mark.rank, name)
        for name, info in model.model_fields.items()
        if (mark := marker(info, Essential)) is not None
    )
    return tuple(name for _, name in ranked) or tuple(model.model_fields)


def naming_field(model: type[BaseModel]) -> str | None:
    """The field that names an item with an id (a member's name), asked before its id."""
    for found in fields(Plan):
        if marker(found.info, Holds) and submodel(found.info)[0] is model:
            return next(iter(naming(model)), None)
    return None


def slug(words: str, taken: set[str], limit: int = 3) -> str:
    """A short id from a name: its first words, lowercase ASCII, unique among `taken`."""
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())
    base = "-".join(parts[:limit]) or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --- who does what ----------------------------------------------------------------------


def _members(plan: Plan) -> list[Any]:
    return list(plan.team.members) if plan.team else []


def member_from(plan: Plan, departments: frozenset[str]) -> str | None:
    """The first team member from one of `departments`, else the first member."""
    members = _members(plan)
    for member in members:
        if member.department in departments:
            return str(member.id)
    return str(members[0].id) if members else None


def manager(plan: Plan) -> str | None:
    """Who decides: the sponsor when on the team, else someone from management."""
    members = _members(plan)
    sponsor = plan.team.sponsor if plan.team else None
    if sponsor and sponsor.name:
        for member in members:
            if member.name == sponsor.name:
                return str(member.id)
    return member_from(plan, frozenset({Department.management.value}))


def speaker(plan: Plan) -> str | None:
    """Who speaks for the organization: marketing or communication first, else someone
    other than the manager, who approves what the speaker drafts."""
    speaking = {d.value for d in SPEAKING_DEPARTMENTS}
    members = _members(plan)
    found = next((m for m in members if m.department in speaking), None)
    if found is None:
        boss = manager(plan)
        others = [m for m in members if m.id != boss]
        found = max(others, key=lambda m: m.hours_per_week or 0, default=None)
    if found is None:
        return str(members[0].id) if members else None
    return str(found.id)


def listener(plan: Plan) -> str | None:
    """Who hears customers: customer service, sales and the like first."""
    return member_from(plan, frozenset(d.value for d in LISTENING_DEPARTMENTS))


def runner(plan: Plan, channel: Any) -> str | None:
    """Who runs a channel: a member with the hours it takes still free, the speaking side
    first and the manager last; else whoever has the most hours free."""
    members = _members(plan)
    if not members:
        return None
    loads = hours(plan).loads
    needed = channel_hours(channel)
    speaking = {d.value for d in SPEAKING_DEPARTMENTS}
    boss = manager(plan)

    index = _index(plan, channel)

    def free(member: Any) -> float:
        load = loads.get(member.id)
        parts = load.parts if load else []
        mine = [p for p in parts if not (p.kind == "channel" and p.index == index)]
        return (member.hours_per_week or 0) - sum(p.hours or 0 for p in mine)

    def rank(member: Any) -> tuple[bool, bool, bool, float]:
        return (
            free(member) >= needed,
            member.department in speaking,
            member.id != boss,
            free(member),
        )

    return str(max(members, key=rank).id)


def _index(plan: Plan, channel: Any) -> int:
    return next((i for i, c in enumerate(plan.channels or []) if c is channel), -1)


# --- channels -----------------------------------------------------------------------------


def _platform(channel: Any) -> str:
    return (getattr(channel, "platform", None) or "").strip().casefold()


def posts_per_week(platform: str | None) -> float:
    """The posts a week proposed for a platform."""
    return POSTS_PER_WEEK.get((platform or "").strip().casefold(), DEFAULT_POSTS_PER_WEEK)


def channel_posts(channel: Any) -> float:
    """The posts a week a channel has: one per posting slot, else its figure, else the
    platform's usual pace."""
    if channel.slots:
        return float(len(channel.slots))
    return channel.posts_per_week or posts_per_week(channel.platform)


def channel_hours(channel: Any) -> float:
    """The hours a week a channel's posts take."""
    return round(channel_posts(channel) * HOURS_PER_POST, 1)


def slots(channel: Any) -> list[dict[str, str]]:
    """Posting slots spread over the week, as many as the channel's posts, at the hour the
    platform's audience reads it most."""
    count = max(1, round(channel.posts_per_week or posts_per_week(channel.platform)))
    time = POST_TIME.get(_platform(channel), DEFAULT_POST_TIME)
    if count <= len(WEEKDAYS):
        return [{"day": day, "time": time} for day in SPREAD[count]]
    # More than one a day: a second post later in the day, on as many days as needed.
    late = f"{(int(time[:2]) + 6) % 24:02d}{time[2:]}"
    second = [{"day": day, "time": late} for day in SPREAD[min(count - 7, 7)]]
    return [{"day": day, "time": time} for day in WEEKDAYS] + second


def pillars(plan: Plan, channel: Any) -> list[dict[str, Any]]:
    """Content pillars for one channel: the value step's topics (or standard ones),
    weighted by what suits its platform, a conversation pillar where it serves the
    customer relationship, and promotion kept to a third at most, or none where the
    sector forbids it."""
    given = plan.value.topics if plan.value else []
    topics = [(str(t.topic), str(t.kind)) for t in given if t.topic and t.kind]
    if not topics:
        topics = [(text(key, plan), kind) for key, kind in PILLARS]
    if not sectors.promotes(plan):
        topics = [(name, kind) for name, kind in topics if kind != "promotional"]
    served = {o.family for o in plan.objectives or [] if o.id in (channel.objectives or [])}
    if "relationship" in served and all(kind != "conversational" for _, kind in topics):
        topics.append((text("pillar.questions", plan), "conversational"))
    mix = PLATFORM_MIX.get(_platform(channel), {})
    weights = [mix.get(kind, 1.0) for _, kind in topics]
    shares = _shares(weights, [kind == "promotional" for _, kind in topics])
    return [
        {"name": name, "kind": kind, "share": share}
        for (name, kind), share in zip(topics, shares, strict=True)
    ]


def _shares(weights: list[float], promotional: list[bool]) -> list[int]:
    """Whole shares of 100 in proportion to `weights`, promotion a third at most."""
    total = sum(weights) or 1.0
    exact = [100 * w / total for w in weights]
    promo = sum(e for e, p in zip(exact, promotional, strict=True) if p)
    if promo > PROMOTION_CAP and not all(promotional):
        rest = sum(e for e, p in zip(exact, promotional, strict=True) if not p)
        exact = [
            e * PROMOTION_CAP / promo if p else e * (100 - PROMOTION_CAP) / rest
            for e, p in zip(exact, promotional, strict=True)
        ]
    shares = [int(e) for e in exact]
    # The points left go to the largest remainders, so that the shares add up to 100.
    order = sorted(range(len(exact)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in order[: 100 - sum(shares)]:
        shares[i] += 1
    for i, p in enumerate(promotional):
        if p and shares[i] > PROMOTION_CAP and not all(promotional):
            spare = shares[i] - int(PROMOTION_CAP)
            shares[i] -= spare
            shares[next(j for j, q in enumerate(promotional) if not q)] += spare
    return shares


# --- listening ---------------------------------------------------------------------------


def keywords(plan: Plan, category: str) -> list[str]:
    """Monitoring keywords proposed for a category, from the names already given."""
    if category in sectors.unfit_keywords(plan):
        return []
    if category == "company":
        organization = plan.project.organization if plan.project else None
        return [organization] if organization else []
    if category == "executives":
        names = []
        if plan.team and plan.team.sponsor and plan.team.sponsor.name:
            names.append(plan.team.sponsor.name)
        names += [m.name for m in _members(plan) if m.department == "management" and m.name]
        return list(dict.fromkeys(names))
    if category == "competitors":
        found = plan.listening.competitors if plan.listening else []
        return [c.name for c in found if c.name]
    return []


# --- proposals ---------------------------------------------------------------------------


def proposal(plan: Plan, obj: BaseModel, name: str, typed: str = "", measure: str = "") -> Any:
    """The answer proposed for a field of `obj`, from the plan so far; None for none.

    `typed` is the unit the item's numbers were typed with (`%`), and `measure` what it
    measures (`percent`): a metric counts in it.
    """
    model = type(obj).__name__
    today = dt.date.today()
    project = plan.project
    if model == "Project":
        if name == "name":
            until = (project.horizon or project.date or today) if project else today
            return text("plan_name", plan).format(year=until.year)
        if name == "date":
            return today
        if name == "horizon":
            start = project.date if project and project.date else today
            return start + dt.timedelta(days=365)
        if name == "timezone":
            return local_time_zones(plan.language)[0]
    if model == "Team" and name == "cadence":
        return text("cadence", plan)
    if model == "Keywords":
        return keywords(plan, name)
    if model == "Playbook" and name == "verify":
        return text("verify", plan)
    if model == "Approval":
        drafter, approver = _roles(plan)
        return {
            "content": text("approval", plan),
            "drafted_by": [drafter] if drafter else None,
            "approved_by": approver,
            "delay": text("delay", plan),
        }.get(name)
    if model == "Review":
        return {"cadence": "monthly", "what": text("review", plan), "owner": manager(plan)}.get(
            name
        )
    if model == "Voice" and name == "we_never":
        return sectors.never(plan)
    if model == "Objective":
        if name == "primary":
            return not any(o.primary for o in plan.objectives or [] if o is not obj)
        if name == "deadline" and project and project.horizon:
            return project.horizon
    if model == "Metric":
        return _metric_proposal(plan, obj, name, typed, measure)
    if model == "Segment" and name == "needs":
        return [n.id for n in plan.listening.needs] if plan.listening else None
    if model == "Channel":
        return _channel_proposal(plan, obj, name)
    return None


def _roles(plan: Plan) -> tuple[str | None, str | None]:
    """Who drafts the posts and who approves them: two people where the team has two."""
    drafter, approver = speaker(plan), manager(plan)
    if drafter == approver:
        others = [m for m in _members(plan) if m.id != approver]
        if others:
            drafter = str(max(others, key=lambda m: m.hours_per_week or 0).id)
    return drafter, approver


def metric_name(plan: Plan, family: str | None) -> str | None:
    """The name proposed for a metric of an objective of `family`."""
    return text(f"metric.{family}", plan) if family in FAMILY_METRIC else None


def _metric_proposal(plan: Plan, metric: Any, name: str, typed: str, measure: str) -> Any:
    objective = next((o for o in plan.objectives or [] if o.id == metric.objective), None)
    family = objective.family if objective else None
    if family not in FAMILY_METRIC:
        return {"baseline": "unknown", "frequency": "monthly", "owner": manager(plan)}.get(name)
    kind, standard = FAMILY_METRIC[family]
    # Renamed, or counted in another unit, it is another metric: the standard's
    # definition, formula and unit no longer fit it.
    proposed = metric_name(plan, family)
    own = (metric.name is not None and metric.name != proposed) or (
        measure not in ("", STANDARD_MEASURE.get(standard, ""))
    )
    return {
        "name": proposed,
        "kind": kind,
        "standard": None if own else standard,
        "baseline": "unknown",
        "unit": typed or (None if own else text(f"unit.{family}", plan)),
        "deadline": objective.deadline if objective else None,
        "frequency": "monthly",
        "owner": manager(plan),
    }.get(name)


def _channel_proposal(plan: Plan, channel: Any, name: str) -> Any:
    if name == "objectives":
        return [o.id for o in plan.objectives or []] or None
    if name == "audiences":
        return [s.id for s in plan.audience or []] or None
    if name == "metrics":
        wanted = set(channel.objectives or [])
        return [m.id for m in plan.metrics or [] if m.objective in wanted] or None
    if name == "posts_per_week":
        return channel_posts(channel)
    if name == "owner":
        return runner(plan, channel)
    if name == "hours_per_week":
        return channel_hours(channel)
    if name == "budget_per_month":
        return 0
    return None


def proposed_items(plan: Plan, obj: BaseModel, name: str) -> list[dict[str, Any]]:
    """The items proposed whole for a list (the standard playbook), as plain data."""
    key = (type(obj).__name__, name)
    if key == ("Team", "approvals"):
        drafter, approver = _roles(plan)
        if drafter is None or approver is None:
            return []
        return [
            {
                "content": text("approval", plan),
                "drafted_by": [drafter],
                "approved_by": approver,
                "delay": text("delay", plan),
            }
        ]
    if key == ("Team", "reviews"):
        owner = manager(plan)
        if owner is None:
            return []
        return [{"cadence": "monthly", "what": text("review", plan), "owner": owner}]
    if key == ("Playbook", "cases"):
        answers, boss = listener(plan), manager(plan)
        return [
            {
                "case": case,
                "action": text(f"case.{case}", plan),
                "owner": boss if case == "crisis" else answers,
                "response_hours": hours_to_reply,
            }
            for case, hours_to_reply in PLAYBOOK
            if (boss if case == "crisis" else answers) is not None
        ]
    if key == ("Channel", "pillars"):
        return pillars(plan, obj)
    if key == ("Channel", "slots"):
        return slots(obj)
    return []
