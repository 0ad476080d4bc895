"""The hours a plan asks of its team, in total and person by person, and what it costs.

One count for every reader: the rules compare it with the hours the team declares, and
the document's resources table can show it. A person's load is the work they own: the
channels they run (each with its hours a week) and their share of the monitoring (its
hours a week, shared equally among the members who do it).
The approvals they give are part of their load too, but neither the method nor the
plan puts a figure on them, so they are named without adding hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from smplan.plan.model import Plan

PartKind = Literal["channel", "monitoring", "approval"]


@dataclass(frozen=True)
class Part:
    """One piece of work a person owns, with its hours a week when the plan gives them."""

    kind: PartKind
    index: int
    name: str | None
    hours: float | None


@dataclass
class Load:
    """The work one person owns, in the plan's order."""

    parts: list[Part] = field(default_factory=list)

    @property
    def hours(self) -> float:
        """The hours a week of the parts that have a figure."""
        return sum(p.hours or 0 for p in self.parts)


@dataclass(frozen=True)
class Hours:
    """The hours a week the plan needs and the hours its team declares."""

    channels: float
    monitoring: float
    #: The hours the members declare, or None when no member declares any.
    declared: float | None
    #: Each person's load, by the id that names them (members, and the sponsor).
    loads: dict[str, Load]

    @property
    def needed(self) -> float:
        """What the channels and the monitoring take together."""
        return self.channels + self.monitoring


def hours(plan: Plan) -> Hours:
    """The plan's hours: what its channels and monitoring take, and who owns which part."""
    members = plan.team.members if plan.team else []
    given = [m.hours_per_week for m in members if m.hours_per_week is not None]
    loads: dict[str, Load] = {}

    def add(owner: str | None, part: Part) -> None:
        if owner:
            loads.setdefault(owner, Load()).parts.append(part)

    channels = plan.channels or []
    for i, c in enumerate(channels):
        add(c.owner, Part("channel", i, c.platform, c.hours_per_week))
    listening = plan.listening
    monitoring = (listening.monitoring_hours_per_week or 0) if listening else 0
    watchers = list(dict.fromkeys(listening.monitored_by)) if listening else []
    for who in watchers:
        add(who, Part("monitoring", 0, None, monitoring / len(watchers)))
    for i, a in enumerate(plan.team.approvals if plan.team else []):
        add(a.approved_by, Part("approval", i, a.content, None))
    return Hours(
        channels=sum(c.hours_per_week or 0 for c in channels),
        monitoring=monitoring,
        declared=sum(given) if given else None,
        loads=loads,
    )


def monthly_budget(plan: Plan) -> float:
    """What the plan spends a month: the channels' budgets and the listening tools' costs."""
    channels = sum(c.budget_per_month or 0 for c in plan.channels or [])
    tools = sum(t.cost_per_month or 0 for t in plan.listening.tools) if plan.listening else 0
    return channels + tools
