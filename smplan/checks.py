"""The strategy rules: whether a plan holds together, step by step.

The model checks form (types, allowed values); these rules check the method: a team that
both listens and speaks, one central objective, metrics that can show a return, channels
chosen for a reason and run by the team. Each rule has a stable code, a severity, the step
it belongs to and a one-line title, and yields findings that point at the most precise
place in the plan. Rules marked `completeness` report an answer left empty inside a step;
they alone decide whether a step is "complete" in `step_status`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, NamedTuple

from smplan.model import (
    LISTENING_DEPARTMENTS,
    SPEAKING_DEPARTMENTS,
    STANDARD_KIND,
    STEPS,
    Channel,
    Plan,
)

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]

#: Findings are reported in this order: the project block, then the eight steps.
STEP_ORDER: tuple[str, ...] = ("project", *STEPS)

_STEP_NAMES = {
    "team": "the team",
    "listening": "listening",
    "objectives": "objectives",
    "metrics": "metrics",
    "audience": "audience",
    "value": "value",
    "human_face": "the human face",
    "channels": "the channel plan",
}

_FIELD_NAMES = {
    "approved_by": "approver",
    "drafted_by": "drafter",
    "need": "wording",
    "topic": "wording",
}

_BUSINESS_KINDS = frozenset({"conversion", "revenue", "cost"})
_BUSINESS_FAMILIES = {"revenue": "raising revenue", "costs": "cutting costs"}
_THIRD = 100 / 3


@dataclass(frozen=True)
class Finding:
    """One thing a rule found in a plan, located by its path in the plan."""

    code: str
    severity: Severity
    step: str
    loc: Loc
    message: str
    hint: str | None = None

    def path(self) -> str:
        """The location as a path, like `channels[2].owner`."""
        return _path(self.loc)


class Hit(NamedTuple):
    """What a rule function yields; the table adds the code, severity and step."""

    loc: Loc
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Rule:
    """A strategy rule: its code, severity, step (None: any step) and title."""

    code: str
    severity: Severity
    step: str | None
    title: str
    completeness: bool
    check: Callable[[View], Iterable[Hit]]


#: Every rule by code, in code order, so options and documentation can list them.
RULES: dict[str, Rule] = {}


def _rule(
    code: str, severity: Severity, step: str | None, title: str, *, completeness: bool = False
) -> Callable[[Callable[[View], Iterable[Hit]]], Callable[[View], Iterable[Hit]]]:
    def register(check: Callable[[View], Iterable[Hit]]) -> Callable[[View], Iterable[Hit]]:
        RULES[code] = Rule(code, severity, step, title, completeness, check)
        return check

    return register


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

    @cached_property
    def ids(self) -> dict[str, list[str]]:
        """Known ids by kind of thing, in the order the plan lists them."""
        return {
            "team member": _unique(m.id for m in self.members),
            "need": _unique(n.id for n in self.needs),
            "objective": _unique(o.id for o in self.objectives),
            "metric": _unique(m.id for m in self.metrics),
            "segment": _unique(s.id for s in self.segments),
        }

    @cached_property
    def id_sets(self) -> dict[str, frozenset[str]]:
        """The same ids as sets, for lookups that stay fast on large plans."""
        return {kind: frozenset(ids) for kind, ids in self.ids.items()}

    @cached_property
    def metrics_by_objective(self) -> dict[str | None, list[Any]]:
        """Each objective id with the metrics that measure it, in the plan's order."""
        grouped: dict[str | None, list[Any]] = {}
        for metric in self.metrics:
            grouped.setdefault(metric.objective, []).append(metric)
        return grouped

    @property
    def channels_judged(self) -> bool:
        """Whether "served by a channel" rules apply: channels exist, not listening-only."""
        return bool(self.channels) and not self.listening_only


def started(plan: Plan, step: str) -> bool:
    """Whether a step has been answered at all; a listening-only plan needs no channel."""
    if step == "channels" and plan.listening and plan.listening.listening_only:
        return True
    return getattr(plan, step) is not None


def run_checks(plan: Plan) -> list[Finding]:
    """Every finding of every rule, in step order, then code order; deterministic."""
    view = View(plan)
    found = [
        Finding(rule.code, rule.severity, rule.step or _step_of(hit.loc), *hit)
        for rule in RULES.values()
        for hit in rule.check(view)
    ]
    return sorted(found, key=lambda f: STEP_ORDER.index(f.step))


def step_status(plan: Plan, findings: list[Finding] | None = None) -> dict[str, str]:
    """Each step's progress: "missing", "incomplete" (an answer left empty) or "complete".

    Pass the plan's `run_checks` findings when you have them, to save running the rules
    twice.
    """
    if findings is None:
        findings = run_checks(plan)
    unfinished = {f.step for f in findings if RULES[f.code].completeness}
    return {
        step: "missing"
        if not started(plan, step)
        else "incomplete"
        if step in unfinished
        else "complete"
        for step in STEPS
    }


# --- helpers ----------------------------------------------------------------------------


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _path(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _step_of(loc: Loc) -> str:
    return str(loc[0]) if loc and loc[0] in STEPS else "project"


def _label(kind: str, name: object, index: int) -> str:
    return f"{kind} `{name}`" if name else f"{kind} #{index + 1}"


def _join(words: list[str], last: str = "or") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _num(value: float) -> str:
    return f"{value:g}"


def _pct(value: float) -> str:
    return f"{round(value, 1):g}%"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _unanswered(item: Any, loc: Loc, label: str, fields: Iterable[str]) -> Iterator[Hit]:
    """One finding naming the empty fields of an item, at the field when only one is empty."""
    missing = [f for f in fields if _empty(getattr(item, f))]
    if missing:
        where = (*loc, missing[0]) if len(missing) == 1 else loc
        names = [_FIELD_NAMES.get(f, f.replace("_", " ")) for f in missing]
        yield Hit(where, f"{label} has no {_join(names)}")


def _unknown_hint(value: str, known: list[str], plural: str) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return f"did you mean `{close[0]}`?"
    if known:
        return f"known {plural}: {', '.join(known)}"
    return f"no {plural} are recorded yet"


# --- references (any step) --------------------------------------------------------------


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


_PLURALS = {
    "team member": "team members",
    "need": "needs",
    "objective": "objectives",
    "metric": "metrics",
    "segment": "segments",
}


@_rule("SMP001", "error", None, "A reference names an id that does not exist")
def _unknown_id(v: View) -> Iterator[Hit]:
    for loc, kind, ref in _references(v):
        if ref not in v.id_sets[kind]:
            known = v.ids[kind]
            yield Hit(loc, f"unknown {kind} `{ref}`", _unknown_hint(ref, known, _PLURALS[kind]))


@_rule("SMP002", "error", None, "Two things of the same kind share an id")
def _duplicate_id(v: View) -> Iterator[Hit]:
    groups: list[tuple[str, Loc, list[str]]] = [
        ("team member", ("team", "members"), [m.id for m in v.members]),
        ("need", ("listening", "needs"), [n.id for n in v.needs]),
        ("objective", ("objectives",), [o.id for o in v.objectives]),
        ("metric", ("metrics",), [m.id for m in v.metrics]),
        ("segment", ("audience",), [s.id for s in v.segments]),
    ]
    for kind, base, ids in groups:
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                yield Hit(
                    (*base, i, "id"),
                    f"{kind} id `{ident}` is used twice (first at {_path((*base, first[ident]))})",
                    "give each one its own id",
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
                hint = _unknown_hint(platform, platforms, "channels")
                yield Hit(
                    ("human_face", "spokespeople", i, "channels", j),
                    f"{_spokesperson(v, i)} appears on `{platform}`, "
                    "which is not in the channel plan",
                    hint.replace("known channels", "channels in the plan"),
                )


def _spokesperson(v: View, index: int) -> str:
    assert v.plan.human_face
    person = v.plan.human_face.spokespeople[index]
    member = next((m for m in v.members if m.id == person.member), None)
    name = person.name or (member.name if member else None) or person.member
    return _label("spokesperson", name, index)


# --- progress (every step) --------------------------------------------------------------


@_rule("SMP010", "warning", None, "A step is not started", completeness=True)
def _not_started(v: View) -> Iterator[Hit]:
    for number, step in enumerate(STEPS, start=1):
        if not started(v.plan, step):
            yield Hit(
                (step,),
                f"step {number}, {_STEP_NAMES[step]}, is not started",
                f"answer it with `smplan init` or add {_article(step)} `{step}` section",
            )


@_rule("SMP011", "warning", None, "A started step has answers left empty", completeness=True)
def _unfinished(v: View) -> Iterator[Hit]:
    yield from _unfinished_team(v)
    yield from _unfinished_listening(v)
    yield from _unfinished_objectives_and_metrics(v)
    yield from _unfinished_audience_and_value(v)
    yield from _unfinished_human_face(v)
    yield from _unfinished_channels(v)


def _unfinished_team(v: View) -> Iterator[Hit]:
    team = v.plan.team
    if team is None:
        return
    if not team.members:
        yield Hit(
            ("team", "members"),
            "the team has no members",
            "name people from several departments, listening and speaking",
        )
    for i, m in enumerate(team.members):
        yield from _unanswered(
            m, ("team", "members", i), f"member `{m.id}`", ("name", "department")
        )
    for i, a in enumerate(team.approvals):
        label = _label("approval rule", a.content, i)
        loc: Loc = ("team", "approvals", i)
        yield from _unanswered(a, loc, label, ("content", "drafted_by", "approved_by"))
    for i, r in enumerate(team.reviews):
        label = _label("review", r.what, i)
        yield from _unanswered(r, ("team", "reviews", i), label, ("what", "cadence", "owner"))


def _unfinished_listening(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if not listening.needs:
        yield Hit(
            ("listening", "needs"),
            "no customer need is recorded",
            "write down what customers ask for, and where you heard it",
        )
    for i, n in enumerate(listening.needs):
        yield from _unanswered(n, ("listening", "needs", i), f"need `{n.id}`", ("need",))
    if not listening.sources:
        yield Hit(
            ("listening", "sources"),
            "no listening source is recorded",
            "say where you listen, online and offline",
        )
    for i, s in enumerate(listening.sources):
        label = _label("source", s.name, i)
        yield from _unanswered(s, ("listening", "sources", i), label, ("name", "kind"))
    for i, a in enumerate(listening.audit):
        label = _label("account", a.handle, i)
        yield from _unanswered(a, ("listening", "audit", i), label, ("platform",))
    if listening.playbook:
        for i, c in enumerate(listening.playbook.cases):
            fields = ("case", "action") if c.case == "crisis" else ("case", "action", "owner")
            loc: Loc = ("listening", "playbook", "cases", i)
            yield from _unanswered(c, loc, _label("playbook case", c.case, i), fields)


def _unfinished_objectives_and_metrics(v: View) -> Iterator[Hit]:
    if v.plan.objectives == []:
        yield Hit(
            ("objectives",),
            "no objective is recorded",
            "set objectives before tools, and pick one central objective",
        )
    if v.plan.metrics == []:
        yield Hit(
            ("metrics",),
            "no metric is recorded",
            "decide from the start how each objective will be measured",
        )
    for i, m in enumerate(v.metrics):
        yield from _unanswered(m, ("metrics", i), f"metric `{m.id}`", ("name", "objective"))
        if m.standard is None and _empty(m.definition):
            yield Hit(
                ("metrics", i, "definition"),
                f"metric `{m.id}` has no definition",
                "pick a `standard` one or say how it is computed",
            )


def _unfinished_audience_and_value(v: View) -> Iterator[Hit]:
    if v.plan.audience == []:
        yield Hit(
            ("audience",),
            "no audience segment is recorded",
            "say whom you want to reach, and what they need",
        )
    for i, s in enumerate(v.segments):
        yield from _unanswered(s, ("audience", i), f"segment `{s.id}`", ("name",))
    if v.plan.value:
        for i, t in enumerate(v.plan.value.topics):
            label = _label("topic", t.topic, i)
            yield from _unanswered(t, ("value", "topics", i), label, ("topic", "kind"))
        for i, service in enumerate(v.plan.value.services):
            label = _label("service", service.name, i)
            yield from _unanswered(service, ("value", "services", i), label, ("name",))


def _unfinished_human_face(v: View) -> Iterator[Hit]:
    face = v.plan.human_face
    if face and (face.voice is None or _empty(face.voice.tone)):
        yield Hit(
            ("human_face", "voice"),
            "the voice and tone are not described",
            "say the tone in a few words, what you always do and what you never do",
        )


def _unfinished_channels(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        label = _label("channel", c.platform, i)
        fields = ("platform", "pillars", "hours_per_week")
        yield from _unanswered(c, ("channels", i), label, fields)
        for j, p in enumerate(c.pillars):
            pillar = f"{_label('pillar', p.name, j)} of {label}"
            yield from _unanswered(p, ("channels", i, "pillars", j), pillar, ("kind", "share"))


@_rule("SMP012", "warning", "project", "The project block is incomplete", completeness=True)
def _project(v: View) -> Iterator[Hit]:
    fields = ("organization", "name", "author", "date")
    if v.plan.project is None:
        yield Hit(
            ("project",),
            "the project block is missing",
            f"give the {_join(list(fields), 'and')} of the plan",
        )
        return
    for field in fields:
        if _empty(getattr(v.plan.project, field)):
            yield Hit(("project", field), f"the project has no {field}")


# --- step 1: the team -------------------------------------------------------------------


def _departments(v: View) -> list[str]:
    return _unique(str(m.department) for m in v.members if m.department)


@_rule("SMP101", "warning", "team", "The team comes from fewer than two departments")
def _two_departments(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if len(departments) == 1:
        yield Hit(
            ("team", "members"),
            f"the whole team comes from one department ({departments[0]})",
            "social media concerns the whole company: bring in at least one more department",
        )


@_rule("SMP102", "warning", "team", "Nobody on the team listens to customers")
def _listening_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not LISTENING_DEPARTMENTS.intersection(departments):
        yield Hit(
            ("team", "members"),
            "nobody on the team hears customers day to day",
            "bring in customer service, support, sales, R&D or monitoring: "
            "a team that only speaks does not listen",
        )


@_rule("SMP103", "warning", "team", "Nobody on the team speaks for the organization")
def _speaking_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not SPEAKING_DEPARTMENTS.intersection(departments):
        yield Hit(
            ("team", "members"),
            "nobody on the team speaks for the organization",
            "bring in marketing or communication, so what is heard gets an answer",
        )


@_rule("SMP104", "warning", "team", "No sponsor is named", completeness=True)
def _sponsor(v: View) -> Iterator[Hit]:
    team = v.plan.team
    if team and (team.sponsor is None or _empty(team.sponsor.name)):
        loc: Loc = ("team", "sponsor") if team.sponsor is None else ("team", "sponsor", "name")
        yield Hit(
            loc,
            "the team has no named sponsor",
            "name the executive who backs the strategy and settles disputes",
        )


@_rule("SMP105", "warning", "team", "The team's meeting cadence is not stated", completeness=True)
def _cadence(v: View) -> Iterator[Hit]:
    if v.plan.team and _empty(v.plan.team.cadence):
        yield Hit(
            ("team", "cadence"),
            "the team does not say how often it meets",
            "for example: 30 minutes every Monday morning",
        )


@_rule("SMP106", "warning", "team", "No approval rule", completeness=True)
def _approvals(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.approvals:
        yield Hit(
            ("team", "approvals"),
            "the team has no approval rule",
            "say who drafts and who approves what goes out, and how fast",
        )


@_rule("SMP107", "warning", "team", "A member does not declare hours per week", completeness=True)
def _member_hours(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.members):
        if m.hours_per_week is None:
            yield Hit(
                ("team", "members", i, "hours_per_week"),
                f"member `{m.id}` does not say how many hours a week they give",
                "the channel plan (step 8) must fit in the time the team declares",
            )


@_rule("SMP108", "warning", "team", "No review rhythm", completeness=True)
def _reviews(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.reviews:
        yield Hit(
            ("team", "reviews"),
            "the team has no review rhythm",
            "for example: a weekly look, a monthly report, a quarterly strategy review",
        )


# --- step 2: listening ------------------------------------------------------------------


@_rule(
    "SMP201", "warning", "listening", "A need does not say where it was heard", completeness=True
)
def _need_source(v: View) -> Iterator[Hit]:
    for i, n in enumerate(v.needs):
        if _empty(n.source):
            yield Hit(
                ("listening", "needs", i, "source"),
                f"need `{n.id}` does not say where it was heard",
                "name the source: the counter, customer service, a survey, reviews",
            )


@_rule("SMP202", "warning", "listening", "A need has no evidence", completeness=True)
def _need_evidence(v: View) -> Iterator[Hit]:
    for i, n in enumerate(v.needs):
        if _empty(n.evidence):
            yield Hit(
                ("listening", "needs", i, "evidence"),
                f"need `{n.id}` has no evidence",
                "add what shows it is real: counts, quotes, survey figures",
            )


@_rule("SMP203", "warning", "listening", "No offline listening source")
def _offline_source(v: View) -> Iterator[Hit]:
    sources = v.plan.listening.sources if v.plan.listening else []
    if sources and not any(s.kind == "offline" for s in sources):
        yield Hit(
            ("listening", "sources"),
            "no listening source is offline",
            "customers do not change when they go online: add sales reps, "
            "customer service, surveys or reviews",
        )


@_rule("SMP204", "warning", "listening", "A keyword category is not answered", completeness=True)
def _keywords(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if listening.keywords is None:
        yield Hit(
            ("listening", "keywords"),
            "no monitoring keywords are recorded",
            "fill each category, or write [] when a category has none",
        )
        return
    missing = [k for k, words in listening.keywords.model_dump().items() if words is None]
    if missing:
        where: Loc = ("listening", "keywords")
        if len(missing) == 1:
            where = (*where, missing[0])
        names = _join([f"`{k}`" for k in missing], "and")
        verb = "category {} is" if len(missing) == 1 else "categories {} are"
        yield Hit(
            where,
            f"keyword {verb.format(names)} not answered",
            "fill each one, or write [] when it has none",
        )


_REQUIRED_CASES = {"praise": "praise", "unhappy": "unhappy customers", "crisis": "a crisis"}


@_rule(
    "SMP205",
    "warning",
    "listening",
    "The playbook misses praise, criticism or crisis",
    completeness=True,
)
def _playbook_cases(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if listening.playbook is None:
        yield Hit(
            ("listening", "playbook"),
            "there is no response playbook",
            "say how to answer praise, unhappy customers and a crisis, and how fast",
        )
        return
    cases = {c.case for c in listening.playbook.cases}
    for case, words in _REQUIRED_CASES.items():
        if case not in cases:
            yield Hit(
                ("listening", "playbook", "cases"),
                f"the playbook has no `{case}` case: say how to answer {words}",
            )


@_rule("SMP206", "warning", "listening", "A playbook case has no response time", completeness=True)
def _playbook_times(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        # Trolls are watched, not answered: no reply time to promise.
        if c.case != "troll" and c.response_hours is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "response_hours"),
                f"{_label('playbook case', c.case, i)} has no target response time",
                "say within how many hours the first reply goes out",
            )


@_rule(
    "SMP207",
    "warning",
    "listening",
    "The playbook does not say how to check facts",
    completeness=True,
)
def _playbook_verify(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    if playbook and _empty(playbook.verify):
        yield Hit(
            ("listening", "playbook", "verify"),
            "the playbook does not say how to check whether a message is true",
            "ask first: is it true? Say where to look before answering",
        )


@_rule("SMP208", "warning", "listening", "The crisis case has no owner", completeness=True)
def _crisis_owner(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        if c.case == "crisis" and c.owner is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "owner"),
                "nobody is named to handle a crisis",
                "name the team member a crisis is escalated to",
            )


@_rule("SMP209", "warning", "listening", "An audited account has no decision", completeness=True)
def _audit_decision(v: View) -> Iterator[Hit]:
    for i, a in enumerate(v.plan.listening.audit if v.plan.listening else []):
        if a.decision is None:
            name = " ".join(str(x) for x in (a.platform, a.handle) if x)
            yield Hit(
                ("listening", "audit", i, "decision"),
                f"{_label('account', name, i)} has no decision",
                "keep, fix or close it: fewer, well-run accounts beat many abandoned ones",
            )


# --- step 3: objectives -----------------------------------------------------------------


@_rule("SMP301", "warning", "objectives", "Not exactly one primary objective")
def _one_primary(v: View) -> Iterator[Hit]:
    primary = [i for i, o in enumerate(v.objectives) if o.primary]
    if v.objectives and not primary:
        yield Hit(
            ("objectives",),
            "no objective is marked primary",
            "set `primary: true` on the one central objective to begin with",
        )
    elif len(primary) > 1:
        names = ", ".join(f"`{v.objectives[i].id}`" for i in primary)
        yield Hit(
            ("objectives", primary[1], "primary"),
            f"{len(primary)} objectives are marked primary ({names})",
            "begin with one central objective; keep the others secondary",
        )


@_rule("SMP302", "warning", "objectives", "An objective has no statement", completeness=True)
def _statement(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if _empty(o.statement):
            yield Hit(
                ("objectives", i, "statement"),
                f"objective `{o.id}` has no statement",
                "write it so that anyone can tell whether it was reached",
            )


@_rule("SMP303", "warning", "objectives", "An objective has no family", completeness=True)
def _family(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.family is None:
            yield Hit(
                ("objectives", i, "family"),
                f"objective `{o.id}` has no family",
                "revenue, costs, relationship or loyalty",
            )


@_rule("SMP304", "warning", "objectives", "An objective has no deadline", completeness=True)
def _deadline(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.deadline is None:
            yield Hit(
                ("objectives", i, "deadline"),
                f"objective `{o.id}` has no deadline",
                "a time-bound objective says when it must be reached (YYYY-MM-DD)",
            )


@_rule("SMP305", "warning", "objectives", "An objective is due before the plan's date")
def _deadline_after_date(v: View) -> Iterator[Hit]:
    start = v.plan.project.date if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if start and o.deadline and o.deadline < start:
            yield Hit(
                ("objectives", i, "deadline"),
                f"objective `{o.id}` is due {o.deadline}, before the plan's date {start}",
                "check the year",
            )


@_rule("SMP306", "warning", "objectives", "An objective is due after the plan's horizon")
def _deadline_within_horizon(v: View) -> Iterator[Hit]:
    horizon = v.plan.project.horizon if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if horizon and o.deadline and o.deadline > horizon:
            yield Hit(
                ("objectives", i, "deadline"),
                f"objective `{o.id}` is due {o.deadline}, after the plan's horizon {horizon}",
                "bring the deadline in, or extend `project.horizon`",
            )


# --- step 4: metrics --------------------------------------------------------------------


@_rule("SMP401", "warning", "metrics", "An objective has no metric")
def _objective_measured(v: View) -> Iterator[Hit]:
    if not v.metrics:
        return
    measured = {m.objective for m in v.metrics}
    for i, o in enumerate(v.objectives):
        if o.id not in measured:
            yield Hit(
                ("objectives", i),
                f"objective `{o.id}` has no metric",
                "add a metric whose `objective` is this one: a measurable objective",
            )


@_rule("SMP402", "warning", "metrics", "A metric has no target", completeness=True)
def _target(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.target is None:
            yield Hit(
                ("metrics", i, "target"),
                f"metric `{m.id}` has no target",
                "say the value to reach by the deadline",
            )


@_rule("SMP403", "warning", "metrics", "A metric has no baseline", completeness=True)
def _baseline(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.baseline is None:
            yield Hit(
                ("metrics", i, "baseline"),
                f"metric `{m.id}` has no baseline",
                "give today's value, or write `unknown` if it is not measured yet",
            )


def _kind(metric: Any) -> str:
    if metric.kind:
        return str(metric.kind)
    if metric.standard:
        return str(STANDARD_KIND[metric.standard])
    return "kind not given"


@_rule("SMP404", "warning", "metrics", "A revenue or cost objective is judged by vanity metrics")
def _business_metric(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        aim = _BUSINESS_FAMILIES.get(str(o.family))
        metrics = v.metrics_by_objective.get(o.id, [])
        if aim is None or not metrics:
            continue
        kinds = [_kind(m) for m in metrics]
        if not _BUSINESS_KINDS.intersection(kinds):
            listed = ", ".join(f"`{m.id}`: {k}" for m, k in zip(metrics, kinds, strict=True))
            yield Hit(
                ("objectives", i),
                f"objective `{o.id}` aims at {aim} but has no conversion, revenue or cost "
                f"metric ({listed})",
                "add one, or set `kind` on the metric that counts sales; "
                "likes alone show no return",
            )


# --- step 5: audience -------------------------------------------------------------------


@_rule("SMP501", "warning", "audience", "A segment has no needs", completeness=True)
def _segment_needs(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.needs:
            yield Hit(
                ("audience", i, "needs"),
                f"segment `{s.id}` has no needs",
                "list the ids of the needs heard in step 2 that this segment has",
            )


@_rule("SMP502", "warning", "audience", "A segment has no content", completeness=True)
def _segment_content(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.content:
            yield Hit(
                ("audience", i, "content"),
                f"segment `{s.id}` does not say what content reaches them",
            )


@_rule("SMP503", "warning", "audience", "A segment is served by no channel")
def _segment_served(v: View) -> Iterator[Hit]:
    if not v.channels_judged:
        return
    served = {a for c in v.channels for a in c.audiences}
    for i, s in enumerate(v.segments):
        if s.id not in served:
            yield Hit(
                ("audience", i),
                f"segment `{s.id}` is reached by no channel",
                "add it to a channel's `audiences`, or drop the segment",
            )


# --- step 6: value ----------------------------------------------------------------------


@_rule("SMP601", "warning", "value", "No philosophy is stated", completeness=True)
def _philosophy(v: View) -> Iterator[Hit]:
    if v.plan.value and _empty(v.plan.value.philosophy):
        yield Hit(
            ("value", "philosophy"),
            "no philosophy is stated",
            "say what the organization stands for: people follow a philosophy, not a product",
        )


@_rule("SMP602", "warning", "value", "No conversation topic", completeness=True)
def _topics(v: View) -> Iterator[Hit]:
    if v.plan.value and not v.plan.value.topics:
        yield Hit(
            ("value", "topics"),
            "no conversation topic is recorded",
            "find the topics people want to talk about, beyond the product",
        )


@_rule("SMP603", "warning", "value", "Every conversation topic is promotional")
def _topics_not_promotional(v: View) -> Iterator[Hit]:
    topics = v.plan.value.topics if v.plan.value else []
    if topics and all(t.kind == "promotional" for t in topics):
        yield Hit(
            ("value", "topics"),
            "every conversation topic is promotional",
            "the product should not be the main topic: promotion belongs to posters, "
            "ads and e-mail",
        )


@_rule("SMP604", "warning", "value", "A service answers no recorded need", completeness=True)
def _service_need(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.plan.value.services if v.plan.value else []):
        if s.need is None:
            yield Hit(
                ("value", "services", i, "need"),
                f"{_label('service', s.name, i)} does not say which need it answers",
                "give the id of a need heard in step 2",
            )


# --- step 7: the human face -------------------------------------------------------------


@_rule("SMP701", "warning", "human_face", "No named spokesperson", completeness=True)
def _spokespeople(v: View) -> Iterator[Hit]:
    face = v.plan.human_face
    if face is None:
        return
    if not face.spokespeople:
        yield Hit(
            ("human_face", "spokespeople"),
            "no spokesperson is named",
            "name the people who will give the organization a human face",
        )
    for i, person in enumerate(face.spokespeople):
        if _empty(person.name) and _empty(person.member):
            yield Hit(
                ("human_face", "spokespeople", i, "name"),
                f"spokesperson #{i + 1} has no name",
                "a human face needs a name: give it, or the member id",
            )


@_rule("SMP702", "warning", "human_face", "A spokesperson appears on no channel", completeness=True)
def _spokesperson_channels(v: View) -> Iterator[Hit]:
    if v.plan.human_face is None or v.listening_only and not v.channels:
        return
    for i, person in enumerate(v.plan.human_face.spokespeople):
        if not person.channels:
            yield Hit(
                ("human_face", "spokespeople", i, "channels"),
                f"{_spokesperson(v, i)} appears on no channel",
                "list the platforms of the channel plan where this person speaks",
            )


# --- step 8: the channel plan -----------------------------------------------------------


@_rule(
    "SMP800",
    "warning",
    "channels",
    "No channel, and the plan is not listening-only",
    completeness=True,
)
def _some_channel(v: View) -> Iterator[Hit]:
    if v.plan.channels == [] and not v.listening_only:
        yield Hit(
            ("channels",),
            "the channel plan has no channel",
            "add a channel, or set `listening.listening_only: true` to listen first",
        )


@_rule("SMP801", "warning", "channels", "A channel serves no objective", completeness=True)
def _channel_objectives(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.objectives:
            yield Hit(
                ("channels", i, "objectives"),
                f"{_label('channel', c.platform, i)} serves no objective",
                "a platform is chosen for a reason: list the objectives it serves",
            )


@_rule("SMP802", "warning", "channels", "A channel reaches no audience", completeness=True)
def _channel_audiences(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.audiences:
            yield Hit(
                ("channels", i, "audiences"),
                f"{_label('channel', c.platform, i)} reaches no audience segment",
                "list the segments (step 5) it reaches",
            )


@_rule("SMP803", "warning", "channels", "A channel has no owner", completeness=True)
def _channel_owner(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if c.owner is None:
            yield Hit(
                ("channels", i, "owner"),
                f"{_label('channel', c.platform, i)} has no owner",
                "name the team member who runs it",
            )


def _promotional(channel: Channel) -> float | None:
    """Percent of a channel's mix that is promotional, when every pillar has a share."""
    shares = [p.share for p in channel.pillars]
    if not shares or None in shares:
        return None
    total = sum(p.share or 0 for p in channel.pillars)
    promo = sum(p.share or 0 for p in channel.pillars if p.kind == "promotional")
    return 100 * promo / total if total else None


_THIRDS = "the rule of thirds keeps promotion to a third of the mix at most"
_THIRDS_HINT = "turn promotional posts into useful, entertaining or conversational ones"


@_rule("SMP804", "warning", "channels", "A channel's mix is more than a third promotional")
def _channel_mix(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        share = _promotional(c)
        if share is not None and share > _THIRD + 1e-9:
            yield Hit(
                ("channels", i, "pillars"),
                f"{_label('channel', c.platform, i)} is {_pct(share)} promotional; {_THIRDS}",
                _THIRDS_HINT,
            )


@_rule("SMP805", "warning", "channels", "A channel's pillar shares do not add up to 100")
def _pillar_total(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        shares = [p.share for p in c.pillars]
        if shares and None not in shares:
            total = sum(p.share or 0 for p in c.pillars)
            if abs(total - 100) > 0.5:
                yield Hit(
                    ("channels", i, "pillars"),
                    f"the pillar shares of {_label('channel', c.platform, i)} "
                    f"add up to {_pct(total)}, not 100%",
                )


@_rule("SMP806", "warning", "channels", "The whole channel plan is more than a third promotional")
def _overall_mix(v: View) -> Iterator[Hit]:
    mixes = [(c, share) for c in v.channels if (share := _promotional(c)) is not None]
    if len(mixes) < 2:
        return
    by_posts = all(c.posts_per_week for c, _ in mixes)
    weights = [(c.posts_per_week or 0) if by_posts else 1.0 for c, _ in mixes]
    overall = sum(w * s for w, (_, s) in zip(weights, mixes, strict=True)) / sum(weights)
    if overall > _THIRD + 1e-9:
        basis = "weighted by posts a week" if by_posts else "each channel counted equally"
        yield Hit(
            ("channels",),
            f"the channel plan as a whole is {_pct(overall)} promotional ({basis}); {_THIRDS}",
            _THIRDS_HINT,
        )


@_rule("SMP807", "warning", "channels", "An objective is served by no channel")
def _objective_served(v: View) -> Iterator[Hit]:
    if not v.channels_judged:
        return
    served = {o for c in v.channels for o in c.objectives}
    for i, o in enumerate(v.objectives):
        if o.id not in served:
            yield Hit(
                ("objectives", i),
                f"objective `{o.id}` is served by no channel",
                "add it to a channel's `objectives`, or say why it needs none",
            )


@_rule("SMP808", "warning", "channels", "The channels need more hours than the team declares")
def _hours_fit(v: View) -> Iterator[Hit]:
    declared = [m.hours_per_week for m in v.members if m.hours_per_week is not None]
    if not declared:
        return
    channels = sum(c.hours_per_week or 0 for c in v.channels)
    monitoring = (v.plan.listening.monitoring_hours_per_week or 0) if v.plan.listening else 0
    available = sum(declared)
    needed = channels + monitoring
    if needed <= available + 1e-9:
        return
    detail = (
        f" ({_num(channels)} h for channels, {_num(monitoring)} h for monitoring)"
        if channels and monitoring
        else ""
    )
    loc: Loc = ("channels",) if v.channels else ("listening", "monitoring_hours_per_week")
    yield Hit(
        loc,
        f"the plan needs {_num(needed)} h a week{detail} but the team declares {_num(available)} h",
        "drop or slow down a channel, or give the team more time (step 1)",
    )


@_rule("SMP809", "warning", "channels", "A channel has no metric", completeness=True)
def _channel_metrics(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.metrics:
            yield Hit(
                ("channels", i, "metrics"),
                f"{_label('channel', c.platform, i)} has no metric to judge it",
                "list the metrics (step 4) that show whether it works",
            )
