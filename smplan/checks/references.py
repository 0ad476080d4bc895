"""References between steps: ids that point nowhere, ids used twice."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, Label, Loc, View, _path, _rule, _unique, _unknown_hint
from smplan.i18n import L_


def _references(v: View) -> Iterator[tuple[Loc, str, str]]:
    """Every id the plan refers to: (where, kind of thing, id)."""
    plan = v.plan
    if plan.team:
        for i, approval in enumerate(plan.team.approvals):
            for j, who in enumerate(approval.drafted_by):
                yield ("team", "approvals", i, "drafted_by", j), "team member", who
            if approval.approved_by:
                yield ("team", "approvals", i, "approved_by"), "team member", approval.approved_by
        for i, review in enumerate(plan.team.reviews):
            if review.owner:
                yield ("team", "reviews", i, "owner"), "team member", review.owner
    if plan.listening:
        for i, account in enumerate(plan.listening.audit):
            if account.owner:
                yield ("listening", "audit", i, "owner"), "team member", account.owner
        if plan.listening.playbook:
            for i, case in enumerate(plan.listening.playbook.cases):
                if case.owner:
                    loc: Loc = ("listening", "playbook", "cases", i, "owner")
                    yield loc, "team member", case.owner
    for i, metric in enumerate(v.metrics):
        if metric.objective:
            yield ("metrics", i, "objective"), "objective", metric.objective
        if metric.owner:
            yield ("metrics", i, "owner"), "team member", metric.owner
    for i, segment in enumerate(v.segments):
        for j, need in enumerate(segment.needs):
            yield ("audience", i, "needs", j), "need", need
    if plan.value:
        for i, service in enumerate(plan.value.services):
            if service.need:
                yield ("value", "services", i, "need"), "need", service.need
    if plan.human_face:
        for i, person in enumerate(plan.human_face.spokespeople):
            if person.member:
                yield ("human_face", "spokespeople", i, "member"), "team member", person.member
    for i, channel in enumerate(v.channels):
        for field, kind in (("objectives", "objective"), ("audiences", "segment")):
            for j, ref in enumerate(getattr(channel, field)):
                yield ("channels", i, field, j), kind, ref
        if channel.owner:
            yield ("channels", i, "owner"), "team member", channel.owner
        for j, ref in enumerate(channel.metrics):
            yield ("channels", i, "metrics", j), "metric", ref


#: Each kind of thing with an id, named once and in the plural.
_KINDS = {
    "team member": (
        L_("team member"),
        L_("team members"),
    ),
    "need": (L_("need"), L_("needs")),
    "objective": (L_("objective"), L_("objectives")),
    "metric": (L_("metric"), L_("metrics")),
    "segment": (L_("segment"), L_("segments")),
    "channel": (L_("channel"), L_("channels")),
}


@_rule("SMP001", "error", None, "A reference names an id that does not exist")
def _unknown_id(v: View) -> Iterator[Hit]:
    for loc, kind, ref in _references(v):
        if ref not in v.id_sets[kind]:
            one, plural = _KINDS[kind]
            yield Hit(
                loc,
                L_("unknown {kind} `{id}`", kind=one, id=ref),
                _unknown_hint(ref, v.ids[kind], plural),
            )


@_rule("SMP002", "error", None, "Two things of the same kind share an id")
def _duplicate_id(v: View) -> Iterator[Hit]:
    groups: list[tuple[str, Loc, list[str | None]]] = [
        ("team member", ("team", "members"), [m.id for m in v.members]),
        ("need", ("listening", "needs"), [n.id for n in v.needs]),
        ("objective", ("objectives",), [o.id for o in v.objectives]),
        ("metric", ("metrics",), [m.id for m in v.metrics]),
        ("segment", ("audience",), [s.id for s in v.segments]),
        ("channel", ("channels",), [c.id for c in v.channels]),
    ]
    for kind, base, ids in groups:
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident is None:
                continue
            if ident in first:
                one, plural = _KINDS[kind]
                yield Hit(
                    (*base, i, "id"),
                    L_(
                        "{kind} id `{id}` is used twice (first at {first})",
                        kind=one,
                        kinds=plural,
                        id=ident,
                        first=_path((*base, first[ident])),
                    ),
                    L_("give each one its own id"),
                )
            else:
                first[ident] = i


@_rule("SMP003", "error", "human_face", "A spokesperson appears on a platform with no channel")
def _spokesperson_platform(v: View) -> Iterator[Hit]:
    if not v.plan.human_face or (v.plan.channels is None and not v.listening_only):
        return
    platforms = _unique(c.platform for c in v.channels if c.platform)
    folded = {p.casefold() for p in platforms}
    for i, person in enumerate(v.plan.human_face.spokespeople):
        for j, platform in enumerate(person.channels):
            if platform.casefold() not in folded:
                yield Hit(
                    ("human_face", "spokespeople", i, "channels", j),
                    L_(
                        "{who} appears on `{platform}`, which is not in the channel plan",
                        who=_spokesperson(v, i),
                        platform=platform,
                    ),
                    _unknown_hint(
                        platform,
                        platforms,
                        L_("channels"),
                        L_("channels in the plan"),
                    ),
                )


def _spokesperson(v: View, index: int) -> Label:
    assert v.plan.human_face
    person = v.plan.human_face.spokespeople[index]
    member = next((m for m in v.members if m.id == person.member), None)
    name = person.name or (member.name if member else None) or person.member
    return Label("spokesperson", name, index)
