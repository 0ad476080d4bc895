"""Step 7: the human face."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import Hit, View, _empty, _rule
from smplan.checks.references import _spokesperson
from smplan.i18n import L_


@_rule(
    "SMP701",
    "warning",
    "human_face",
    "No named spokesperson",
    completeness=True,
    name="no-spokesperson",
)
def _spokespeople(v: View) -> Iterator[Hit]:
    face = v.plan.human_face
    if face is None:
        return
    if not face.spokespeople:
        yield Hit(
            ("human_face", "spokespeople"),
            L_("no spokesperson is named"),
            L_(
                "name the people who will give the organization a human face",
            ),
        )
    for i, person in enumerate(face.spokespeople):
        if _empty(person.name) and _empty(person.member):
            yield Hit(
                ("human_face", "spokespeople", i, "name"),
                L_(
                    "spokesperson #{n} has no name",
                    n=i + 1,
                ),
                L_(
                    "a human face needs a name: give it, or the member id",
                ),
            )


@_rule(
    "SMP702",
    "warning",
    "human_face",
    "A spokesperson appears on no channel",
    completeness=True,
    name="spokesperson-without-channel",
)
def _spokesperson_channels(v: View) -> Iterator[Hit]:
    if v.plan.human_face is None or v.listening_only and not v.channels:
        return
    for i, person in enumerate(v.plan.human_face.spokespeople):
        if not person.channels:
            yield Hit(
                ("human_face", "spokespeople", i, "channels"),
                L_(
                    "{who} appears on no channel",
                    who=_spokesperson(v, i),
                ),
                L_(
                    "list the platforms of the channel plan where this person speaks",
                ),
            )
