"""The strategy rules: whether a plan holds together, step by step.

The model checks form (types, allowed values); these rules check the method: a team that
both listens and speaks, one central objective, metrics that can show a return, channels
chosen for a reason and run by the team. Each rule is registered in the one store
(`smplan.checks.store`) with a stable code, a name, a severity, the step it belongs to and
a one-line title, and yields findings that point at the most precise place in the plan.
Rules marked `completeness` report an answer left empty inside a step; with the errors,
they decide whether a step is "complete" (`smplan.checks.service`). Rules marked `at_once`
can be judged as soon as the answer they are about is given (a duplicate id, a deadline
past the horizon), without waiting for later steps: the interview reports them there.

Every message and hint is a catalog message (`L_`) with named fields, put in the reader's
language when the findings are made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from smplan.checks.load import Hours, hours
from smplan.checks.store import STEP_ORDER as STEP_ORDER  # the rule modules' vocabulary
from smplan.checks.store import STORE, Finding
from smplan.checks.store import Hit as Hit
from smplan.checks.store import Loc as Loc
from smplan.i18n import L_, LN_, NP_, Message, Number, pgettext, shown
from smplan.plan.meta import MEMBER, Kind, collections, names, things
from smplan.plan.model import Plan
from smplan.plan.suggest import closest

#: Registers a plan rule in the store; the catalogs take its fourth argument, the title.
_rule = STORE.rule


# --- texts -----------------------------------------------------------------------------


class Join:
    """Words joined by commas, the last two by `last` ("or", "and") when it is given."""

    def __init__(self, words: Iterable[object], last: Message | None = None) -> None:
        self.words = tuple(words)
        self.last = last

    def __format__(self, spec: str) -> str:
        words = [shown(w) for w in self.words]
        if self.last is None or len(words) == 1:
            return ", ".join(words)
        return f"{', '.join(words[:-1])} {self.last} {words[-1]}"


#: How messages name each kind of thing: by its name, else by its rank; plain, and in
#: the form that follows "of" (a translator may ask for it as `{channel:of}`).
_THINGS: dict[str, tuple[str, str, str, str]] = {
    "account": (
        NP_("thing", "account `{name}`"),
        NP_("thing", "account #{n}"),
        NP_("of thing", "account `{name}`"),
        NP_("of thing", "account #{n}"),
    ),
    "approval rule": (
        NP_("thing", "approval rule `{name}`"),
        NP_("thing", "approval rule #{n}"),
        NP_("of thing", "approval rule `{name}`"),
        NP_("of thing", "approval rule #{n}"),
    ),
    "campaign": (
        NP_("thing", "campaign `{name}`"),
        NP_("thing", "campaign #{n}"),
        NP_("of thing", "campaign `{name}`"),
        NP_("of thing", "campaign #{n}"),
    ),
    "channel": (
        NP_("thing", "channel `{name}`"),
        NP_("thing", "channel #{n}"),
        NP_("of thing", "channel `{name}`"),
        NP_("of thing", "channel #{n}"),
    ),
    "checkpoint": (
        NP_("thing", "checkpoint `{name}`"),
        NP_("thing", "checkpoint #{n}"),
        NP_("of thing", "checkpoint `{name}`"),
        NP_("of thing", "checkpoint #{n}"),
    ),
    "member": (
        NP_("thing", "member `{name}`"),
        NP_("thing", "member #{n}"),
        NP_("of thing", "member `{name}`"),
        NP_("of thing", "member #{n}"),
    ),
    "metric": (
        NP_("thing", "metric `{name}`"),
        NP_("thing", "metric #{n}"),
        NP_("of thing", "metric `{name}`"),
        NP_("of thing", "metric #{n}"),
    ),
    "milestone": (
        NP_("thing", "milestone `{name}`"),
        NP_("thing", "milestone #{n}"),
        NP_("of thing", "milestone `{name}`"),
        NP_("of thing", "milestone #{n}"),
    ),
    "need": (
        NP_("thing", "need `{name}`"),
        NP_("thing", "need #{n}"),
        NP_("of thing", "need `{name}`"),
        NP_("of thing", "need #{n}"),
    ),
    "objective": (
        NP_("thing", "objective `{name}`"),
        NP_("thing", "objective #{n}"),
        NP_("of thing", "objective `{name}`"),
        NP_("of thing", "objective #{n}"),
    ),
    "pillar": (
        NP_("thing", "pillar `{name}`"),
        NP_("thing", "pillar #{n}"),
        NP_("of thing", "pillar `{name}`"),
        NP_("of thing", "pillar #{n}"),
    ),
    "playbook case": (
        NP_("thing", "playbook case `{name}`"),
        NP_("thing", "playbook case #{n}"),
        NP_("of thing", "playbook case `{name}`"),
        NP_("of thing", "playbook case #{n}"),
    ),
    "result": (
        NP_("thing", "result `{name}`"),
        NP_("thing", "result #{n}"),
        NP_("of thing", "result `{name}`"),
        NP_("of thing", "result #{n}"),
    ),
    "review": (
        NP_("thing", "review `{name}`"),
        NP_("thing", "review #{n}"),
        NP_("of thing", "review `{name}`"),
        NP_("of thing", "review #{n}"),
    ),
    "segment": (
        NP_("thing", "segment `{name}`"),
        NP_("thing", "segment #{n}"),
        NP_("of thing", "segment `{name}`"),
        NP_("of thing", "segment #{n}"),
    ),
    "service": (
        NP_("thing", "service `{name}`"),
        NP_("thing", "service #{n}"),
        NP_("of thing", "service `{name}`"),
        NP_("of thing", "service #{n}"),
    ),
    "slot": (
        NP_("thing", "posting slot `{name}`"),
        NP_("thing", "posting slot #{n}"),
        NP_("of thing", "posting slot `{name}`"),
        NP_("of thing", "posting slot #{n}"),
    ),
    "source": (
        NP_("thing", "source `{name}`"),
        NP_("thing", "source #{n}"),
        NP_("of thing", "source `{name}`"),
        NP_("of thing", "source #{n}"),
    ),
    "spokesperson": (
        NP_("thing", "spokesperson `{name}`"),
        NP_("thing", "spokesperson #{n}"),
        NP_("of thing", "spokesperson `{name}`"),
        NP_("of thing", "spokesperson #{n}"),
    ),
    "topic": (
        NP_("thing", "topic `{name}`"),
        NP_("thing", "topic #{n}"),
        NP_("of thing", "topic `{name}`"),
        NP_("of thing", "topic #{n}"),
    ),
}


@dataclass(frozen=True)
class Label:
    """A thing named by its id or name, else by its rank, inside its parent if it has one."""

    noun: str
    name: object
    index: int
    parent: Label | None = None

    def __format__(self, spec: str) -> str:
        named, ranked, named_of, ranked_of = _THINGS[self.noun]
        if spec == "of":
            template = pgettext("of thing", named_of if self.name else ranked_of)
        else:
            template = pgettext("thing", named if self.name else ranked)
        text = template.format(name=self.name, n=self.index + 1)
        if self.parent is None:
            return text
        return str(L_("{thing} of {parent}", thing=text, parent=self.parent))


def thing_at(plan: BaseModel, loc: Loc) -> Label | None:
    """The innermost list item on the way to `loc`, named as messages name it (inside its
    parents): `("campaigns", 2, "start")` is campaign `Noël`."""
    found: Label | None = None
    node: Any = plan
    for part in loc:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                break
            node = node[part]
            noun = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower()
            if noun in _THINGS:
                name = getattr(node, "id", None) or getattr(node, "name", None)
                found = Label(noun, name, part, parent=found)
        else:
            node = getattr(node, part, None)
    return found


_OR = L_("or")
_AND = L_("and")

_BUSINESS_KINDS = frozenset({"conversion", "revenue", "cost"})
_BUSINESS_FAMILIES = {
    "revenue": L_("raising revenue"),
    "costs": L_("cutting costs"),
}
_THIRD = 100 / 3


class View:
    """A plan with the lookups the rules share: the lists of each step and the ids by kind."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        listening = plan.listening
        self.listening_only = bool(listening and listening.listening_only)
        self.members = plan.team.members if plan.team else []
        self.needs = listening.needs if listening else []
        self.objectives = plan.objectives or []
        self.metrics = plan.metrics or []
        self.segments = plan.audience or []
        self.channels = plan.channels or []
        self.campaigns = plan.campaigns or []

    @cached_property
    def ids(self) -> dict[Kind, list[str]]:
        """Known ids by kind of thing, in the order the plan lists them."""
        return {
            kind: _unique(t.id for t in things(self.plan, kind) if t.id)
            for kind in collections(Plan)
        }

    @cached_property
    def id_sets(self) -> dict[Kind, frozenset[str]]:
        """The same ids as sets, for lookups that stay fast on large plans."""
        return {kind: frozenset(ids) for kind, ids in self.ids.items()}

    @cached_property
    def metrics_by_objective(self) -> dict[str | None, list[Any]]:
        """Each objective id with the metrics that measure it, in the plan's order."""
        grouped: dict[str | None, list[Any]] = {}
        for metric in self.metrics:
            grouped.setdefault(metric.objective, []).append(metric)
        return grouped

    @cached_property
    def hours(self) -> Hours:
        """The hours the plan needs, in total and person by person."""
        return hours(self.plan)

    @cached_property
    def people(self) -> dict[str, str]:
        """What a reader calls each person an id may name: the members, and the sponsor."""
        return names(self.plan, MEMBER)

    @cached_property
    def member_ids(self) -> frozenset[str]:
        """The ids of the team's members (not of the sponsor, unless the sponsor is one)."""
        return frozenset(m.id for m in self.members)

    @property
    def channels_judged(self) -> bool:
        """Whether "served by a channel" rules apply: channels exist, not listening-only."""
        return bool(self.channels) and not self.listening_only


def started(plan: Plan, step: str) -> bool:
    """Whether a step has been answered at all; a listening-only plan needs no channel."""
    if step == "channels" and plan.listening and plan.listening.listening_only:
        return True
    return getattr(plan, step) is not None


def run_checks(plan: Plan, lang: str | None = None) -> list[Finding]:
    """Every finding of every plan rule, in step order, then code order; deterministic.

    Messages and hints are in `lang`, else in the language in force.
    """
    found = STORE.findings("plan", View(plan), lang)
    return sorted(found, key=lambda f: STEP_ORDER.index(f.step))


# --- helpers ----------------------------------------------------------------------------


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _pct(value: float) -> Message:
    return L_("{n}%", n=Number(round(value, 1)))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _unknown_hint(
    value: str, known: list[str], plural: Message, listed: Message | None = None
) -> Message:
    """Hint for an unknown id: the nearest known one, else the known ones, else none yet."""
    found = closest(value, known)
    if found.match is not None:
        return L_("did you mean `{id}`?", id=found.match)
    if known:
        listed = listed or L_("known {things}", things=plural)
        ids = ", ".join(found.closest)
        if found.more:
            return LN_(
                "{listed}: {ids} and {n} more",
                "{listed}: {ids} and {n} more",
                found.more,
                listed=listed,
                ids=ids,
            )
        return L_("{listed}: {ids}", listed=listed, ids=ids)
    return L_("no {things} are recorded yet", things=plural)
