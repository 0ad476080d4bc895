"""References between steps: ids that point nowhere, ids used twice."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from smplan.checks.core import Hit, Label, Loc, View, _rule, _unique, _unknown_hint
from smplan.checks.store import format_path
from smplan.i18n import L_
from smplan.plan.meta import CHANNEL, Kind, collections, extras, referenced, values_at
from smplan.plan.model import Plan


@_rule(
    "SMP001",
    "error",
    None,
    "A reference names an id that does not exist",
    at_once=True,
    name="unknown-id",
)
def _unknown_id(v: View) -> Iterator[Hit]:
    for loc, kind, ref in referenced(v.plan):
        if ref not in v.id_sets[kind]:
            yield Hit(
                loc,
                L_("unknown {kind} `{id}`", kind=kind.one, id=ref),
                _unknown_hint(ref, v.ids[kind], kind.many),
                _id_places(kind),
            )


@cache
def _id_places(kind: Kind) -> tuple[Loc, ...]:
    """Where the ids of `kind` are written: an unknown id reports that none of them is it."""
    held = collections(Plan).get(kind)
    places = [(*held, "*", "id")] if held else []
    return (*places, *((*extra, "id") for extra in extras(Plan).get(kind, ())))


@_rule(
    "SMP002",
    "error",
    None,
    "Two things of the same kind share an id",
    at_once=True,
    name="duplicate-id",
)
def _duplicate_id(v: View) -> Iterator[Hit]:
    for kind, base in collections(Plan).items():
        first: dict[str, Loc] = {}
        for loc, item in values_at(v.plan, (*base, "*")):
            if item.id is None:  # a channel needs an id only when a campaign names it
                continue
            if item.id in first:
                yield Hit(
                    (*loc, "id"),
                    L_(
                        "{kind} id `{id}` is used twice (first at {first})",
                        kind=kind.one,
                        kinds=kind.many,
                        id=item.id,
                        first=format_path(first[item.id]),
                    ),
                    L_("give each one its own id"),
                )
            else:
                first[item.id] = loc


@_rule(
    "SMP003",
    "error",
    "human_face",
    "A spokesperson appears on a platform with no channel",
    name="platform-without-channel",
)
def _spokesperson_platform(v: View) -> Iterator[Hit]:
    if not v.plan.human_face or (v.plan.channels is None and not v.listening_only):
        return
    # A spokesperson's channel may be given by its id or, as plans first did, by its
    # platform, whatever its case.
    platforms = _unique(c.platform for c in v.channels if c.platform)
    folded = {p.casefold() for p in platforms} | v.id_sets[CHANNEL]
    for i, person in enumerate(v.plan.human_face.spokespeople):
        for j, platform in enumerate(person.channels):
            if platform not in folded and platform.casefold() not in folded:
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
    name = person.name or (v.people.get(person.member) if person.member else None)
    return Label("spokesperson", name, index)
