"""The essentials path of the interview: what a strategy cannot do without, and the rest proposed.

`smplan init --essentials` asks only the fields the model marks `Essential`, in their
rank, and offers for the others a proposal built from the answers already given (the
team's departments, the names of the organization and its people, each objective's
family, each channel's platform). The person accepts a proposal with Enter or types
their own answer; every other field stays reachable with `smplan init --step NAME` and
in the file.

This module only computes: it never asks and never prints.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import Any

from pydantic import BaseModel

from smplan.i18n import L_, Message
from smplan.plan.meta import Essential, Holds, fields, marker, naming, submodel
from smplan.plan.model import (
    LISTENING_DEPARTMENTS,
    SPEAKING_DEPARTMENTS,
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

#: The standard response playbook: each case's action and target hours to the first reply.
PLAYBOOK: tuple[tuple[str, Message, float], ...] = (
    ("praise", L_("Thank them publicly and personally"), 24),
    ("unhappy", L_("Fix the problem, and take the conversation offline"), 4),
    ("misinformed", L_("Correct the facts politely, with a source"), 8),
    ("troll", L_("Watch, and do not feed the troll"), 24),
    ("crisis", L_("Escalate at once to the person in charge"), 1),
)

#: A metric proposed for each family of objective: its kind, standard and name, and unit.
FAMILY_METRIC: dict[str, tuple[str, str | None, Message, Message]] = {
    "revenue": (
        "conversion",
        "conversion_rate",
        L_("Visitors from social media who buy"),
        L_("%"),
    ),
    "costs": (
        "cost",
        "cost_per_acquisition",
        L_("Cost of a new customer won on social media"),
        L_("per customer"),
    ),
    "relationship": (
        "service",
        "response_time",
        L_("Time to the first reply"),
        L_("hours"),
    ),
    "loyalty": (
        "engagement",
        "engagement_rate_reach",
        L_("Engagement of the people reached"),
        L_("%"),
    ),
}

#: Content pillars proposed for a channel when the value step gave no topic.
PILLARS: tuple[tuple[Message, str, float], ...] = (
    (L_("Advice and know-how"), "educational", 40),
    (L_("Behind the scenes"), "entertaining", 30),
    (L_("Questions to the community"), "conversational", 15),
    (L_("Offers and news"), "promotional", 15),
)

_TEXTS: dict[str, Message] = {
    "cadence": L_("A 30-minute meeting every Monday morning"),
    "approval": L_("Everyday posts"),
    "delay": L_("24 h"),
    "review": L_("Monthly metrics report"),
    "verify": L_("Check the facts (order, invoice, date) before answering"),
    "plan_name": L_("Social media strategy {year}"),
}


def text(key: str) -> str:
    """A proposed wording in the language in force."""
    return str(_TEXTS[key])


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
    """Who speaks for the organization: marketing or communication first."""
    return member_from(plan, frozenset(d.value for d in SPEAKING_DEPARTMENTS))


def listener(plan: Plan) -> str | None:
    """Who hears customers: customer service, sales and the like first."""
    return member_from(plan, frozenset(d.value for d in LISTENING_DEPARTMENTS))


def posts_per_week(platform: str | None) -> float:
    """The posts a week proposed for a platform."""
    return POSTS_PER_WEEK.get((platform or "").strip().casefold(), DEFAULT_POSTS_PER_WEEK)


def keywords(plan: Plan, category: str) -> list[str]:
    """Monitoring keywords proposed for a category, from the names already given."""
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


def proposal(plan: Plan, obj: BaseModel, name: str) -> Any:
    """The answer proposed for a field of `obj`, from the plan so far; None for none."""
    model = type(obj).__name__
    today = dt.date.today()
    project = plan.project
    if model == "Project":
        if name == "name":
            until = (project.horizon or project.date or today) if project else today
            return text("plan_name").format(year=until.year)
        if name == "date":
            return today
        if name == "horizon":
            start = project.date if project and project.date else today
            return start + dt.timedelta(days=365)
    if model == "Team" and name == "cadence":
        return text("cadence")
    if model == "Keywords":
        return keywords(plan, name)
    if model == "Playbook" and name == "verify":
        return text("verify")
    if model == "Approval":
        drafter = speaker(plan)
        return {
            "content": text("approval"),
            "drafted_by": [drafter] if drafter else None,
            "approved_by": manager(plan),
            "delay": text("delay"),
        }.get(name)
    if model == "Review":
        return {"cadence": "monthly", "what": text("review"), "owner": manager(plan)}.get(name)
    if model == "Objective":
        if name == "primary":
            return not any(o.primary for o in plan.objectives or [] if o is not obj)
        if name == "deadline" and project and project.horizon:
            return project.horizon
    if model == "Metric":
        return _metric_proposal(plan, obj, name)
    if model == "Segment" and name == "needs":
        return [n.id for n in plan.listening.needs] if plan.listening else None
    if model == "Channel":
        return _channel_proposal(plan, obj, name)
    return None


def _metric_proposal(plan: Plan, metric: Any, name: str) -> Any:
    objective = next((o for o in plan.objectives or [] if o.id == metric.objective), None)
    family = objective.family if objective else None
    kind, standard, label, unit = FAMILY_METRIC.get(family or "", (None, None, None, None))
    return {
        "name": str(label) if label else None,
        "kind": kind,
        "standard": standard,
        "baseline": "unknown",
        "unit": str(unit) if unit else None,
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
        return posts_per_week(channel.platform)
    if name == "owner":
        return speaker(plan)
    if name == "hours_per_week":
        posts = channel.posts_per_week or posts_per_week(channel.platform)
        return round(posts * HOURS_PER_POST, 1)
    return None


def proposed_items(plan: Plan, obj: BaseModel, name: str) -> list[dict[str, Any]]:
    """The items proposed whole for a list (the standard playbook), as plain data."""
    key = (type(obj).__name__, name)
    if key == ("Team", "approvals"):
        drafter, approver = speaker(plan), manager(plan)
        if drafter is None or approver is None:
            return []
        return [
            {
                "content": text("approval"),
                "drafted_by": [drafter],
                "approved_by": approver,
                "delay": text("delay"),
            }
        ]
    if key == ("Team", "reviews"):
        owner = manager(plan)
        if owner is None:
            return []
        return [{"cadence": "monthly", "what": text("review"), "owner": owner}]
    if key == ("Playbook", "cases"):
        answers, boss = listener(plan), manager(plan)
        return [
            {
                "case": case,
                "action": str(action),
                "owner": boss if case == "crisis" else answers,
                "response_hours": hours,
            }
            for case, action, hours in PLAYBOOK
            if (boss if case == "crisis" else answers) is not None
        ]
    if key == ("Channel", "pillars"):
        topics = [t for t in (plan.value.topics if plan.value else []) if t.topic and t.kind]
        if topics:
            promotional = [t for t in topics if t.kind == "promotional"]
            others = [t for t in topics if t.kind != "promotional"]
            # A third of the mix at most is promotion: the rest is shared by the others.
            promo_share = min(30.0, 100.0 / len(topics)) if promotional and others else 0.0
            shares = []
            for t in promotional if others else []:
                shares.append((t, round(promo_share / len(promotional), 1)))
            for t in others or promotional:
                rest = 100.0 - promo_share
                shares.append((t, round(rest / len(others or promotional), 1)))
            return [{"name": t.topic, "kind": t.kind, "share": share} for t, share in shares]
        return [{"name": str(n), "kind": k, "share": s} for n, k, s in PILLARS]
    return []
