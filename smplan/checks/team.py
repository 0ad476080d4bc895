"""Step 1: the team."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, Join, Label, Loc, View, _empty, _rule, _unique
from smplan.checks.load import Part
from smplan.i18n import L_, LN_, Message, Number
from smplan.plan.model import (
    LISTENING_DEPARTMENTS,
    SPEAKING_DEPARTMENTS,
)


def _departments(v: View) -> list[str]:
    return _unique(str(m.department) for m in v.members if m.department)


@_rule(
    "SMP101",
    "warning",
    "team",
    "The team comes from fewer than two departments",
    name="one-department",
)
def _two_departments(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if len(departments) == 1:
        yield Hit(
            ("team", "members"),
            L_(
                "the whole team comes from one department ({department})",
                department=departments[0],
            ),
            L_(
                "social media concerns the whole company: bring in at least one more department",
            ),
        )


def _speaks(v: View) -> bool:
    """Whether a member is named a spokesperson: they speak for the organization too."""
    face = v.plan.human_face
    return bool(face and any(p.member in v.member_ids for p in face.spokespeople))


@_rule("SMP102", "warning", "team", "Nobody on the team listens to customers", name="no-listener")
def _listening_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not LISTENING_DEPARTMENTS.intersection(departments):
        yield Hit(
            ("team", "members"),
            L_(
                "nobody on the team hears customers day to day",
            ),
            L_(
                "bring in customer service, support, sales, R&D, monitoring, the front desk or the "
                "practitioners: a team that only speaks does not listen",
            ),
        )


@_rule(
    "SMP103", "warning", "team", "Nobody on the team speaks for the organization", name="no-speaker"
)
def _speaking_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not SPEAKING_DEPARTMENTS.intersection(departments) and not _speaks(v):
        yield Hit(
            ("team", "members"),
            L_(
                "nobody on the team speaks for the organization",
            ),
            L_(
                "bring in marketing or communication, or name a team member as a spokesperson "
                "(step 7), so what is heard gets an answer",
            ),
        )


@_rule("SMP104", "warning", "team", "No sponsor is named", completeness=True, name="no-sponsor")
def _sponsor(v: View) -> Iterator[Hit]:
    team = v.plan.team
    sponsor = team.sponsor if team else None
    # A sponsor on the team may be given by their member id alone: the member names them.
    member = next((m for m in v.members if sponsor and m.id == sponsor.id), None)
    named = sponsor and not (_empty(sponsor.name) and (member is None or _empty(member.name)))
    if team and not named:
        loc: Loc = ("team", "sponsor") if team.sponsor is None else ("team", "sponsor", "name")
        yield Hit(
            loc,
            L_("the team has no named sponsor"),
            L_(
                "name the executive who backs the strategy and settles disputes, or give the id "
                "of the team member who does",
            ),
        )


@_rule(
    "SMP105",
    "warning",
    "team",
    "The team's meeting cadence is not stated",
    completeness=True,
    name="no-meeting-cadence",
)
def _cadence(v: View) -> Iterator[Hit]:
    if v.plan.team and _empty(v.plan.team.cadence):
        yield Hit(
            ("team", "cadence"),
            L_(
                "the team does not say how often it meets",
            ),
            L_(
                "for example: 30 minutes every Monday morning",
            ),
        )


@_rule("SMP106", "warning", "team", "No approval rule", completeness=True, name="no-approval-rule")
def _approvals(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.approvals:
        yield Hit(
            ("team", "approvals"),
            L_("the team has no approval rule"),
            L_(
                "say who drafts and who approves what goes out, and how fast",
            ),
        )


@_rule(
    "SMP107",
    "warning",
    "team",
    "A member does not declare hours per week",
    completeness=True,
    name="member-hours-missing",
)
def _member_hours(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.members):
        if m.hours_per_week is None:
            yield Hit(
                ("team", "members", i, "hours_per_week"),
                L_(
                    "member `{id}` does not say how many hours a week they give",
                    id=m.id,
                ),
                L_(
                    "the channel plan (step 8) must fit in the time the team declares",
                ),
            )


@_rule("SMP108", "warning", "team", "No review rhythm", completeness=True, name="no-review-rhythm")
def _reviews(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.reviews:
        yield Hit(
            ("team", "reviews"),
            L_("the team has no review rhythm"),
            L_(
                "for example: a weekly look, a monthly report, a quarterly strategy review",
            ),
        )


def _part(part: Part) -> Message:
    """A channel or the monitoring, with its hours a week."""
    if part.kind == "channel":
        return L_(
            "{channel}: {hours} h",
            channel=Label("channel", part.name, part.index),
            hours=Number(part.hours or 0),
        )
    return L_("monitoring: {hours} h", hours=Number(part.hours or 0))


def _parts(parts: list[Part]) -> Join:
    timed = [_part(p) for p in parts if p.kind != "approval"]
    approvals = sum(p.kind == "approval" for p in parts)
    if approvals:
        timed.append(
            LN_(
                "approves {n} kind of content",
                "approves {n} kinds of content",
                approvals,
                n=approvals,
            )
        )
    return Join(timed)


@_rule(
    "SMP109",
    "warning",
    "team",
    "A member owns more work than the hours they declare",
    at_once=True,
    name="member-overloaded",
)
def _member_load(v: View) -> Iterator[Hit]:
    judged: set[str] = set()
    for i, m in enumerate(v.members):
        load = v.hours.loads.get(m.id)
        if m.id in judged or m.hours_per_week is None or load is None:
            continue  # an id used twice is reported by SMP002; its load is the first one's
        judged.add(m.id)
        if load.hours <= m.hours_per_week + 1e-9:
            continue
        yield Hit(
            ("team", "members", i, "hours_per_week"),
            L_(
                "member `{id}` owns {load} h of work a week ({parts}) but declares {declared} h",
                id=m.id,
                load=Number(load.hours),
                parts=_parts(load.parts),
                declared=Number(m.hours_per_week),
            ),
            L_(
                "hand a channel or the monitoring to another member, slow a channel down, or "
                "declare the hours this work really takes",
            ),
        )
