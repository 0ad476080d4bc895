"""How far each step is: not started, answers left empty, the project block."""

from __future__ import annotations

from collections.abc import Iterator

from smplan.checks.core import (
    _AND,
    Hit,
    Join,
    Label,
    Loc,
    View,
    _empty,
    _rule,
    _unanswered,
    started,
)
from smplan.i18n import L_
from smplan.plan.labels import STEP_TITLES
from smplan.plan.meta import needed
from smplan.plan.model import STEPS, Project


@_rule(
    "SMP010", "warning", None, "A step is not started", completeness=True, name="step-not-started"
)
def _not_started(v: View) -> Iterator[Hit]:
    for number, step in enumerate(STEPS, start=1):
        if not started(v.plan, step):
            yield Hit(
                (step,),
                L_(
                    "step {number} ({name}) is not started",
                    number=number,
                    name=STEP_TITLES[step],
                ),
                L_("answer it with `smplan init`, or add its `{step}` section", step=step),
            )


@_rule(
    "SMP011",
    "warning",
    None,
    "A started step has answers left empty",
    completeness=True,
    name="answer-left-empty",
)
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
            L_("the team has no members"),
            L_(
                "name people from several departments, listening and speaking",
            ),
        )
    for i, m in enumerate(team.members):
        label = Label("member", m.id, i)
        yield from _unanswered(m, ("team", "members", i), label)
    for i, a in enumerate(team.approvals):
        label = Label("approval rule", a.content, i)
        loc: Loc = ("team", "approvals", i)
        yield from _unanswered(a, loc, label)
    for i, r in enumerate(team.reviews):
        label = Label("review", r.what, i)
        yield from _unanswered(r, ("team", "reviews", i), label)


def _unfinished_listening(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if not listening.needs:
        yield Hit(
            ("listening", "needs"),
            L_("no customer need is recorded"),
            L_(
                "write down what customers ask for, and where you heard it",
            ),
        )
    for i, n in enumerate(listening.needs):
        yield from _unanswered(n, ("listening", "needs", i), Label("need", n.id, i))
    if not listening.sources:
        yield Hit(
            ("listening", "sources"),
            L_("no listening source is recorded"),
            L_(
                "say where you listen, online and offline",
            ),
        )
    for i, s in enumerate(listening.sources):
        label = Label("source", s.name, i)
        yield from _unanswered(s, ("listening", "sources", i), label)
    for i, a in enumerate(listening.audit):
        label = Label("account", a.handle, i)
        yield from _unanswered(a, ("listening", "audit", i), label)
    if listening.playbook:
        for i, c in enumerate(listening.playbook.cases):
            loc: Loc = ("listening", "playbook", "cases", i)
            yield from _unanswered(c, loc, Label("playbook case", c.case, i))


def _unfinished_objectives_and_metrics(v: View) -> Iterator[Hit]:
    if v.plan.objectives == []:
        yield Hit(
            ("objectives",),
            L_("no objective is recorded"),
            L_(
                "set objectives before tools, and pick one central objective",
            ),
        )
    if v.plan.metrics == []:
        yield Hit(
            ("metrics",),
            L_("no metric is recorded"),
            L_(
                "decide from the start how each objective will be measured",
            ),
        )
    for i, m in enumerate(v.metrics):
        label = Label("metric", m.id, i)
        yield from _unanswered(m, ("metrics", i), label)
        if m.standard is None and _empty(m.definition):
            yield Hit(
                ("metrics", i, "definition"),
                L_(
                    "metric `{id}` has no definition",
                    id=m.id,
                ),
                L_(
                    "pick a `standard` one or say how it is computed",
                ),
            )


def _unfinished_audience_and_value(v: View) -> Iterator[Hit]:
    if v.plan.audience == []:
        yield Hit(
            ("audience",),
            L_("no audience segment is recorded"),
            L_(
                "say whom you want to reach, and what they need",
            ),
        )
    for i, s in enumerate(v.segments):
        yield from _unanswered(s, ("audience", i), Label("segment", s.id, i))
    if v.plan.value:
        for i, t in enumerate(v.plan.value.topics):
            label = Label("topic", t.topic, i)
            yield from _unanswered(t, ("value", "topics", i), label)
        for i, service in enumerate(v.plan.value.services):
            label = Label("service", service.name, i)
            yield from _unanswered(service, ("value", "services", i), label)


def _unfinished_human_face(v: View) -> Iterator[Hit]:
    face = v.plan.human_face
    if face and (face.voice is None or _empty(face.voice.tone)):
        yield Hit(
            ("human_face", "voice"),
            L_("the voice and tone are not described"),
            L_(
                "say the tone in a few words, what you always do and what you never do",
            ),
        )


def _unfinished_channels(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        label = Label("channel", c.platform, i)
        yield from _unanswered(c, ("channels", i), label)
        for j, p in enumerate(c.pillars):
            pillar = Label("pillar", p.name, j, parent=label)
            yield from _unanswered(p, ("channels", i, "pillars", j), pillar)
        for j, slot in enumerate(c.slots):
            posting = Label("slot", None, j, parent=label)
            yield from _unanswered(slot, ("channels", i, "slots", j), posting)


@_rule(
    "SMP012",
    "warning",
    "project",
    "The project block is incomplete",
    completeness=True,
    name="project-incomplete",
)
def _project(v: View) -> Iterator[Hit]:
    fields = needed(Project)
    if v.plan.project is None:
        yield Hit(
            ("project",),
            L_("the project block is missing"),
            L_(
                "give the {fields} of the plan",
                fields=Join(tuple(m.noun for _, m in fields), _AND),
            ),
        )
        return
    for name, m in fields:
        if _empty(getattr(v.plan.project, name)):
            yield Hit(
                ("project", name),
                L_("the project has no {field}", field=m.noun),
            )
