"""The strategy rules: whether a plan holds together, step by step.

The model checks form (types, allowed values); these rules check the method: a team that
both listens and speaks, one central objective, metrics that can show a return, channels
chosen for a reason and run by the team. Each rule has a stable code, a severity, the step
it belongs to and a one-line title, and yields findings that point at the most precise
place in the plan. Rules marked `completeness` report an answer left empty inside a step;
they alone decide whether a step is "complete" in `step_status`.

Every message and hint is written in English and French side by side (`_t`), filled with
the same named fields, and put in the reader's language when the findings are made.
"""

from __future__ import annotations

import difflib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
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


# --- texts in two languages -------------------------------------------------------------


class Localized(ABC):
    """A piece of a message that reads differently in English and in French."""

    @abstractmethod
    def render(self, lang: str) -> str:
        """The text in `lang`: "fr" for French, English otherwise."""


@dataclass(frozen=True)
class Text(Localized):
    """A message as an English and a French template filled with the same named fields."""

    en: str
    fr: str
    fields: dict[str, object]

    def render(self, lang: str) -> str:
        """The template of `lang` with each field rendered in `lang` too."""
        template = self.fr if lang == "fr" else self.en
        return template.format_map({k: _render(v, lang) for k, v in self.fields.items()})


def _t(en: str, fr: str, **fields: object) -> Text:
    return Text(en, fr, fields)


def _render(value: object, lang: str) -> str:
    return value.render(lang) if isinstance(value, Localized) else str(value)


@dataclass(frozen=True)
class _Number(Localized):
    value: float

    def render(self, lang: str) -> str:
        text = f"{self.value:g}"
        return text.replace(".", ",") if lang == "fr" else text


@dataclass(frozen=True)
class _Join(Localized):
    """Words joined by commas, the last two by `last` ("or", "and") when it is given."""

    words: tuple[object, ...]
    last: Text | None = None

    def render(self, lang: str) -> str:
        words = [_render(w, lang) for w in self.words]
        if self.last is None or len(words) == 1:
            return ", ".join(words)
        return f"{', '.join(words[:-1])} {self.last.render(lang)} {words[-1]}"


#: The French noun of each kind of labelled thing, with its definite article.
_NOUNS_FR = {
    "account": "le compte",
    "approval rule": "la règle de validation",
    "channel": "le canal",
    "member": "le membre",
    "metric": "l'indicateur",
    "need": "le besoin",
    "pillar": "le pilier",
    "playbook case": "le cas de réponse",
    "review": "la revue",
    "segment": "le segment",
    "service": "le service",
    "source": "la source",
    "spokesperson": "le porte-parole",
    "topic": "le sujet",
}

# French contracts "de" with the article: "du canal", not "de le canal".
_OF_FR = (("le ", "du "), ("la ", "de la "), ("l'", "de l'"))


@dataclass(frozen=True)
class _Label(Localized):
    """A thing named by its id or name, else by its rank; `of` gives French "du canal"."""

    noun: str
    name: object
    index: int
    parent: _Label | None = None
    of: bool = False

    def render(self, lang: str) -> str:
        if lang != "fr":
            text = f"{self.noun} `{self.name}`" if self.name else f"{self.noun} #{self.index + 1}"
            return f"{text} of {self.parent.render(lang)}" if self.parent else text
        noun = _NOUNS_FR[self.noun]
        if self.of:
            noun = next(of + noun[len(a) :] for a, of in _OF_FR if noun.startswith(a))
        text = f"{noun} `{self.name}`" if self.name else f"{noun} n° {self.index + 1}"
        return f"{text} {replace(self.parent, of=True).render(lang)}" if self.parent else text


_STEP_NAMES = {
    "team": _t("the team", "l'équipe"),
    "listening": _t("listening", "l'écoute"),
    "objectives": _t("objectives", "les objectifs"),
    "metrics": _t("metrics", "les indicateurs"),
    "audience": _t("audience", "les publics"),
    "value": _t("value", "la valeur apportée"),
    "human_face": _t("the human face", "le visage humain"),
    "channels": _t("the channel plan", "le plan des canaux"),
}

#: How messages name a field left empty; the French carries its article.
_FIELDS = {
    "action": _t("action", "l'action"),
    "approved_by": _t("approver", "le valideur"),
    "author": _t("author", "l'auteur"),
    "cadence": _t("cadence", "le rythme"),
    "case": _t("case", "le cas"),
    "content": _t("content", "le contenu"),
    "date": _t("date", "la date"),
    "department": _t("department", "le service"),
    "drafted_by": _t("drafter", "le rédacteur"),
    "hours_per_week": _t("hours per week", "les heures par semaine"),
    "kind": _t("kind", "la nature"),
    "name": _t("name", "le nom"),
    "need": _t("wording", "la formulation"),
    "objective": _t("objective", "l'objectif"),
    "organization": _t("organization", "l'organisation"),
    "owner": _t("owner", "le responsable"),
    "pillars": _t("pillars", "les piliers"),
    "platform": _t("platform", "la plateforme"),
    "share": _t("share", "la part"),
    "topic": _t("wording", "la formulation"),
    "what": _t("what", "l'objet"),
}

_OR = _t("or", "et")
_AND = _t("and", "et")

_BUSINESS_KINDS = frozenset({"conversion", "revenue", "cost"})
_BUSINESS_FAMILIES = {
    "revenue": _t("raising revenue", "augmenter le chiffre d'affaires"),
    "costs": _t("cutting costs", "réduire les coûts"),
}
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
    message: Text
    hint: Text | None = None


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


def run_checks(plan: Plan, lang: str = "en") -> list[Finding]:
    """Every finding of every rule, in step order, then code order; deterministic.

    Messages and hints are in `lang`: "fr" for French, English otherwise.
    """
    view = View(plan)
    found = [
        Finding(
            rule.code,
            rule.severity,
            rule.step or _step_of(hit.loc),
            hit.loc,
            hit.message.render(lang),
            hit.hint.render(lang) if hit.hint else None,
        )
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


def _pct(value: float) -> Text:
    return _t("{n}%", "{n} %", n=_Number(round(value, 1)))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _unanswered(item: Any, loc: Loc, label: _Label, fields: Iterable[str]) -> Iterator[Hit]:
    """One finding naming the empty fields of an item, at the field when only one is empty."""
    missing = [f for f in fields if _empty(getattr(item, f))]
    if missing:
        where = (*loc, missing[0]) if len(missing) == 1 else loc
        names = _Join(tuple(_FIELDS[f] for f in missing), _OR)
        yield Hit(
            where,
            _t(
                "{label} has no {names}",
                "il manque {names} {of}",
                label=label,
                of=replace(label, of=True),
                names=names,
            ),
        )


def _unknown_hint(value: str, known: list[str], plural: Text, listed: Text | None = None) -> Text:
    """Hint for an unknown id: the nearest known one, else the known ones, else none yet."""
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return _t("did you mean `{id}`?", "vouliez-vous dire `{id}` ?", id=close[0])
    if known:
        listed = listed or _t("known {things}", "{things} connus", things=plural)
        return _t("{listed}: {ids}", "{listed} : {ids}", listed=listed, ids=", ".join(known))
    return _t(
        "no {things} are recorded yet", "la liste des {things} est encore vide", things=plural
    )


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


#: Each kind of thing with an id, named once and in the plural.
_KINDS = {
    "team member": (
        _t("team member", "membre de l'équipe"),
        _t("team members", "membres de l'équipe"),
    ),
    "need": (_t("need", "besoin"), _t("needs", "besoins")),
    "objective": (_t("objective", "objectif"), _t("objectives", "objectifs")),
    "metric": (_t("metric", "indicateur"), _t("metrics", "indicateurs")),
    "segment": (_t("segment", "segment"), _t("segments", "segments")),
}


@_rule("SMP001", "error", None, "A reference names an id that does not exist")
def _unknown_id(v: View) -> Iterator[Hit]:
    for loc, kind, ref in _references(v):
        if ref not in v.id_sets[kind]:
            one, plural = _KINDS[kind]
            yield Hit(
                loc,
                _t(
                    "unknown {kind} `{id}`", "`{id}` ne correspond à aucun {kind}", kind=one, id=ref
                ),
                _unknown_hint(ref, v.ids[kind], plural),
            )


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
                one, plural = _KINDS[kind]
                yield Hit(
                    (*base, i, "id"),
                    _t(
                        "{kind} id `{id}` is used twice (first at {first})",
                        "l'identifiant `{id}` sert à deux {kinds} (le premier est en {first})",
                        kind=one,
                        kinds=plural,
                        id=ident,
                        first=_path((*base, first[ident])),
                    ),
                    _t("give each one its own id", "donnez à chacun son propre identifiant"),
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
                    _t(
                        "{who} appears on `{platform}`, which is not in the channel plan",
                        "{who} apparaît sur `{platform}`, qui ne figure pas dans le plan "
                        "des canaux",
                        who=_spokesperson(v, i),
                        platform=platform,
                    ),
                    _unknown_hint(
                        platform,
                        platforms,
                        _t("channels", "canaux"),
                        _t("channels in the plan", "canaux du plan"),
                    ),
                )


def _spokesperson(v: View, index: int) -> _Label:
    assert v.plan.human_face
    person = v.plan.human_face.spokespeople[index]
    member = next((m for m in v.members if m.id == person.member), None)
    name = person.name or (member.name if member else None) or person.member
    return _Label("spokesperson", name, index)


# --- progress (every step) --------------------------------------------------------------


@_rule("SMP010", "warning", None, "A step is not started", completeness=True)
def _not_started(v: View) -> Iterator[Hit]:
    for number, step in enumerate(STEPS, start=1):
        if not started(v.plan, step):
            yield Hit(
                (step,),
                _t(
                    "step {number}, {name}, is not started",
                    "l'étape {number}, {name}, n'est pas commencée",
                    number=number,
                    name=_STEP_NAMES[step],
                ),
                _t(
                    "answer it with `smplan init` or add {article} `{step}` section",
                    "répondez-y avec `smplan init` ou ajoutez une section `{step}`",
                    article=_article(step),
                    step=step,
                ),
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
            _t("the team has no members", "l'équipe n'a aucun membre"),
            _t(
                "name people from several departments, listening and speaking",
                "nommez des personnes de plusieurs services, qui écoutent et qui parlent",
            ),
        )
    for i, m in enumerate(team.members):
        label = _Label("member", m.id, i)
        yield from _unanswered(m, ("team", "members", i), label, ("name", "department"))
    for i, a in enumerate(team.approvals):
        label = _Label("approval rule", a.content, i)
        loc: Loc = ("team", "approvals", i)
        yield from _unanswered(a, loc, label, ("content", "drafted_by", "approved_by"))
    for i, r in enumerate(team.reviews):
        label = _Label("review", r.what, i)
        yield from _unanswered(r, ("team", "reviews", i), label, ("what", "cadence", "owner"))


def _unfinished_listening(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if not listening.needs:
        yield Hit(
            ("listening", "needs"),
            _t("no customer need is recorded", "aucun besoin client n'est noté"),
            _t(
                "write down what customers ask for, and where you heard it",
                "notez ce que demandent les clients, et où vous l'avez entendu",
            ),
        )
    for i, n in enumerate(listening.needs):
        yield from _unanswered(n, ("listening", "needs", i), _Label("need", n.id, i), ("need",))
    if not listening.sources:
        yield Hit(
            ("listening", "sources"),
            _t("no listening source is recorded", "aucune source d'écoute n'est notée"),
            _t(
                "say where you listen, online and offline",
                "dites où vous écoutez, en ligne et hors ligne",
            ),
        )
    for i, s in enumerate(listening.sources):
        label = _Label("source", s.name, i)
        yield from _unanswered(s, ("listening", "sources", i), label, ("name", "kind"))
    for i, a in enumerate(listening.audit):
        label = _Label("account", a.handle, i)
        yield from _unanswered(a, ("listening", "audit", i), label, ("platform",))
    if listening.playbook:
        for i, c in enumerate(listening.playbook.cases):
            fields = ("case", "action") if c.case == "crisis" else ("case", "action", "owner")
            loc: Loc = ("listening", "playbook", "cases", i)
            yield from _unanswered(c, loc, _Label("playbook case", c.case, i), fields)


def _unfinished_objectives_and_metrics(v: View) -> Iterator[Hit]:
    if v.plan.objectives == []:
        yield Hit(
            ("objectives",),
            _t("no objective is recorded", "aucun objectif n'est noté"),
            _t(
                "set objectives before tools, and pick one central objective",
                "fixez les objectifs avant de choisir les outils, et retenez-en un seul "
                "comme objectif central",
            ),
        )
    if v.plan.metrics == []:
        yield Hit(
            ("metrics",),
            _t("no metric is recorded", "aucun indicateur n'est noté"),
            _t(
                "decide from the start how each objective will be measured",
                "décidez dès le départ comment chaque objectif sera mesuré",
            ),
        )
    for i, m in enumerate(v.metrics):
        label = _Label("metric", m.id, i)
        yield from _unanswered(m, ("metrics", i), label, ("name", "objective"))
        if m.standard is None and _empty(m.definition):
            yield Hit(
                ("metrics", i, "definition"),
                _t(
                    "metric `{id}` has no definition",
                    "l'indicateur `{id}` n'a pas de définition",
                    id=m.id,
                ),
                _t(
                    "pick a `standard` one or say how it is computed",
                    "choisissez une définition `standard` ou dites comment il se calcule",
                ),
            )


def _unfinished_audience_and_value(v: View) -> Iterator[Hit]:
    if v.plan.audience == []:
        yield Hit(
            ("audience",),
            _t("no audience segment is recorded", "aucun segment de public n'est noté"),
            _t(
                "say whom you want to reach, and what they need",
                "dites qui vous voulez toucher, et ce dont ces personnes ont besoin",
            ),
        )
    for i, s in enumerate(v.segments):
        yield from _unanswered(s, ("audience", i), _Label("segment", s.id, i), ("name",))
    if v.plan.value:
        for i, t in enumerate(v.plan.value.topics):
            label = _Label("topic", t.topic, i)
            yield from _unanswered(t, ("value", "topics", i), label, ("topic", "kind"))
        for i, service in enumerate(v.plan.value.services):
            label = _Label("service", service.name, i)
            yield from _unanswered(service, ("value", "services", i), label, ("name",))


def _unfinished_human_face(v: View) -> Iterator[Hit]:
    face = v.plan.human_face
    if face and (face.voice is None or _empty(face.voice.tone)):
        yield Hit(
            ("human_face", "voice"),
            _t("the voice and tone are not described", "la voix et le ton ne sont pas décrits"),
            _t(
                "say the tone in a few words, what you always do and what you never do",
                "décrivez le ton en quelques mots, ce que vous faites toujours et ce que "
                "vous ne faites jamais",
            ),
        )


def _unfinished_channels(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        label = _Label("channel", c.platform, i)
        fields = ("platform", "pillars", "hours_per_week")
        yield from _unanswered(c, ("channels", i), label, fields)
        for j, p in enumerate(c.pillars):
            pillar = _Label("pillar", p.name, j, parent=label)
            yield from _unanswered(p, ("channels", i, "pillars", j), pillar, ("kind", "share"))


@_rule("SMP012", "warning", "project", "The project block is incomplete", completeness=True)
def _project(v: View) -> Iterator[Hit]:
    fields = ("organization", "name", "author", "date")
    if v.plan.project is None:
        yield Hit(
            ("project",),
            _t("the project block is missing", "la section du projet est absente"),
            _t(
                "give the {fields} of the plan",
                "indiquez {fields} du plan",
                fields=_Join(tuple(_FIELDS[f] for f in fields), _AND),
            ),
        )
        return
    for name in fields:
        if _empty(getattr(v.plan.project, name)):
            yield Hit(
                ("project", name),
                _t(
                    "the project has no {field}", "il manque {field} du projet", field=_FIELDS[name]
                ),
            )


# --- step 1: the team -------------------------------------------------------------------


def _departments(v: View) -> list[str]:
    return _unique(str(m.department) for m in v.members if m.department)


@_rule("SMP101", "warning", "team", "The team comes from fewer than two departments")
def _two_departments(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if len(departments) == 1:
        yield Hit(
            ("team", "members"),
            _t(
                "the whole team comes from one department ({department})",
                "toute l'équipe vient du même service ({department})",
                department=departments[0],
            ),
            _t(
                "social media concerns the whole company: bring in at least one more department",
                "les médias sociaux concernent toute l'entreprise : faites venir au moins "
                "un autre service",
            ),
        )


@_rule("SMP102", "warning", "team", "Nobody on the team listens to customers")
def _listening_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not LISTENING_DEPARTMENTS.intersection(departments):
        yield Hit(
            ("team", "members"),
            _t(
                "nobody on the team hears customers day to day",
                "personne dans l'équipe n'entend les clients au quotidien",
            ),
            _t(
                "bring in customer service, support, sales, R&D or monitoring: "
                "a team that only speaks does not listen",
                "faites venir le service client, le support, les ventes, la R&D ou la "
                "veille : une équipe qui ne fait que parler n'écoute pas",
            ),
        )


@_rule("SMP103", "warning", "team", "Nobody on the team speaks for the organization")
def _speaking_function(v: View) -> Iterator[Hit]:
    departments = _departments(v)
    if departments and not SPEAKING_DEPARTMENTS.intersection(departments):
        yield Hit(
            ("team", "members"),
            _t(
                "nobody on the team speaks for the organization",
                "personne dans l'équipe ne parle au nom de l'organisation",
            ),
            _t(
                "bring in marketing or communication, so what is heard gets an answer",
                "faites venir le marketing ou la communication, pour que ce qui est "
                "entendu reçoive une réponse",
            ),
        )


@_rule("SMP104", "warning", "team", "No sponsor is named", completeness=True)
def _sponsor(v: View) -> Iterator[Hit]:
    team = v.plan.team
    if team and (team.sponsor is None or _empty(team.sponsor.name)):
        loc: Loc = ("team", "sponsor") if team.sponsor is None else ("team", "sponsor", "name")
        yield Hit(
            loc,
            _t("the team has no named sponsor", "l'équipe n'a pas de sponsor nommé"),
            _t(
                "name the executive who backs the strategy and settles disputes",
                "nommez le dirigeant qui soutient la stratégie et tranche les désaccords",
            ),
        )


@_rule("SMP105", "warning", "team", "The team's meeting cadence is not stated", completeness=True)
def _cadence(v: View) -> Iterator[Hit]:
    if v.plan.team and _empty(v.plan.team.cadence):
        yield Hit(
            ("team", "cadence"),
            _t(
                "the team does not say how often it meets",
                "l'équipe ne dit pas à quel rythme elle se réunit",
            ),
            _t(
                "for example: 30 minutes every Monday morning",
                "par exemple : 30 minutes chaque lundi matin",
            ),
        )


@_rule("SMP106", "warning", "team", "No approval rule", completeness=True)
def _approvals(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.approvals:
        yield Hit(
            ("team", "approvals"),
            _t("the team has no approval rule", "l'équipe n'a pas de règle de validation"),
            _t(
                "say who drafts and who approves what goes out, and how fast",
                "dites qui rédige et qui valide ce qui est publié, et en combien de temps",
            ),
        )


@_rule("SMP107", "warning", "team", "A member does not declare hours per week", completeness=True)
def _member_hours(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.members):
        if m.hours_per_week is None:
            yield Hit(
                ("team", "members", i, "hours_per_week"),
                _t(
                    "member `{id}` does not say how many hours a week they give",
                    "le membre `{id}` ne dit pas combien d'heures par semaine il y consacre",
                    id=m.id,
                ),
                _t(
                    "the channel plan (step 8) must fit in the time the team declares",
                    "le plan des canaux (étape 8) doit tenir dans le temps que l'équipe déclare",
                ),
            )


@_rule("SMP108", "warning", "team", "No review rhythm", completeness=True)
def _reviews(v: View) -> Iterator[Hit]:
    if v.plan.team and not v.plan.team.reviews:
        yield Hit(
            ("team", "reviews"),
            _t("the team has no review rhythm", "l'équipe n'a pas de rythme de revue"),
            _t(
                "for example: a weekly look, a monthly report, a quarterly strategy review",
                "par exemple : un coup d'œil chaque semaine, un bilan chaque mois, une revue "
                "de la stratégie chaque trimestre",
            ),
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
                _t(
                    "need `{id}` does not say where it was heard",
                    "le besoin `{id}` ne dit pas où il a été entendu",
                    id=n.id,
                ),
                _t(
                    "name the source: the counter, customer service, a survey, reviews",
                    "indiquez la source : le comptoir, le service client, une enquête, des avis",
                ),
            )


@_rule("SMP202", "warning", "listening", "A need has no evidence", completeness=True)
def _need_evidence(v: View) -> Iterator[Hit]:
    for i, n in enumerate(v.needs):
        if _empty(n.evidence):
            yield Hit(
                ("listening", "needs", i, "evidence"),
                _t(
                    "need `{id}` has no evidence",
                    "le besoin `{id}` ne s'appuie sur aucune preuve",
                    id=n.id,
                ),
                _t(
                    "add what shows it is real: counts, quotes, survey figures",
                    "ajoutez ce qui montre qu'il est réel : des comptages, des citations, "
                    "des résultats d'enquête",
                ),
            )


@_rule("SMP203", "warning", "listening", "No offline listening source")
def _offline_source(v: View) -> Iterator[Hit]:
    sources = v.plan.listening.sources if v.plan.listening else []
    if sources and not any(s.kind == "offline" for s in sources):
        yield Hit(
            ("listening", "sources"),
            _t("no listening source is offline", "aucune source d'écoute n'est hors ligne"),
            _t(
                "customers do not change when they go online: add sales reps, "
                "customer service, surveys or reviews",
                "les clients ne changent pas en passant en ligne : ajoutez les commerciaux, "
                "le service client, des enquêtes ou des avis",
            ),
        )


@_rule("SMP204", "warning", "listening", "A keyword category is not answered", completeness=True)
def _keywords(v: View) -> Iterator[Hit]:
    listening = v.plan.listening
    if listening is None:
        return
    if listening.keywords is None:
        yield Hit(
            ("listening", "keywords"),
            _t("no monitoring keywords are recorded", "aucun mot-clé de veille n'est noté"),
            _t(
                "fill each category, or write [] when a category has none",
                "remplissez chaque catégorie, ou écrivez [] quand une catégorie n'en a aucun",
            ),
        )
        return
    missing = [k for k, words in listening.keywords.model_dump().items() if words is None]
    if missing:
        where: Loc = ("listening", "keywords")
        if len(missing) == 1:
            where = (*where, missing[0])
        names = _Join(tuple(f"`{k}`" for k in missing), _AND)
        message = (
            _t(
                "keyword category {names} is not answered",
                "la catégorie de mots-clés {names} n'a pas de réponse",
                names=names,
            )
            if len(missing) == 1
            else _t(
                "keyword categories {names} are not answered",
                "les catégories de mots-clés {names} n'ont pas de réponse",
                names=names,
            )
        )
        yield Hit(
            where,
            message,
            _t(
                "fill each one, or write [] when it has none",
                "remplissez chacune, ou écrivez [] quand elle n'en a aucun",
            ),
        )


_REQUIRED_CASES = {
    "praise": _t("praise", "aux compliments"),
    "unhappy": _t("unhappy customers", "aux clients mécontents"),
    "crisis": _t("a crisis", "à une crise"),
}


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
            _t("there is no response playbook", "il n'y a pas de protocole de réponse"),
            _t(
                "say how to answer praise, unhappy customers and a crisis, and how fast",
                "dites comment répondre aux compliments, aux clients mécontents et à une "
                "crise, et en combien de temps",
            ),
        )
        return
    cases = {c.case for c in listening.playbook.cases}
    for case, words in _REQUIRED_CASES.items():
        if case not in cases:
            yield Hit(
                ("listening", "playbook", "cases"),
                _t(
                    "the playbook has no `{case}` case: say how to answer {words}",
                    "le protocole n'a pas de cas `{case}` : dites comment répondre {words}",
                    case=case,
                    words=words,
                ),
            )


@_rule("SMP206", "warning", "listening", "A playbook case has no response time", completeness=True)
def _playbook_times(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        # Trolls are watched, not answered: no reply time to promise.
        if c.case != "troll" and c.response_hours is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "response_hours"),
                _t(
                    "{case} has no target response time",
                    "{case} n'a pas de délai de réponse visé",
                    case=_Label("playbook case", c.case, i),
                ),
                _t(
                    "say within how many hours the first reply goes out",
                    "dites sous combien d'heures part la première réponse",
                ),
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
            _t(
                "the playbook does not say how to check whether a message is true",
                "le protocole ne dit pas comment vérifier qu'un message est vrai",
            ),
            _t(
                "ask first: is it true? Say where to look before answering",
                "demandez-vous d'abord : est-ce vrai ? Dites où vérifier avant de répondre",
            ),
        )


@_rule("SMP208", "warning", "listening", "The crisis case has no owner", completeness=True)
def _crisis_owner(v: View) -> Iterator[Hit]:
    playbook = v.plan.listening.playbook if v.plan.listening else None
    for i, c in enumerate(playbook.cases if playbook else []):
        if c.case == "crisis" and c.owner is None:
            yield Hit(
                ("listening", "playbook", "cases", i, "owner"),
                _t(
                    "nobody is named to handle a crisis",
                    "personne n'est désigné pour gérer une crise",
                ),
                _t(
                    "name the team member a crisis is escalated to",
                    "nommez le membre de l'équipe à qui une crise remonte",
                ),
            )


@_rule("SMP209", "warning", "listening", "An audited account has no decision", completeness=True)
def _audit_decision(v: View) -> Iterator[Hit]:
    for i, a in enumerate(v.plan.listening.audit if v.plan.listening else []):
        if a.decision is None:
            name = " ".join(str(x) for x in (a.platform, a.handle) if x)
            yield Hit(
                ("listening", "audit", i, "decision"),
                _t(
                    "{account} has no decision",
                    "{account} attend une décision",
                    account=_Label("account", name, i),
                ),
                _t(
                    "keep, fix or close it: fewer, well-run accounts beat many abandoned ones",
                    "gardez-le, remettez-le en état ou fermez-le : mieux vaut peu de comptes "
                    "bien tenus que beaucoup de comptes abandonnés",
                ),
            )


# --- step 3: objectives -----------------------------------------------------------------


@_rule("SMP301", "warning", "objectives", "Not exactly one primary objective")
def _one_primary(v: View) -> Iterator[Hit]:
    primary = [i for i, o in enumerate(v.objectives) if o.primary]
    if v.objectives and not primary:
        yield Hit(
            ("objectives",),
            _t("no objective is marked primary", "aucun objectif n'est marqué comme principal"),
            _t(
                "set `primary: true` on the one central objective to begin with",
                "mettez `primary: true` sur le seul objectif central, pour commencer",
            ),
        )
    elif len(primary) > 1:
        names = ", ".join(f"`{v.objectives[i].id}`" for i in primary)
        yield Hit(
            ("objectives", primary[1], "primary"),
            _t(
                "{count} objectives are marked primary ({names})",
                "{count} objectifs sont marqués comme principaux ({names})",
                count=len(primary),
                names=names,
            ),
            _t(
                "begin with one central objective; keep the others secondary",
                "commencez par un seul objectif central ; gardez les autres au second plan",
            ),
        )


@_rule("SMP302", "warning", "objectives", "An objective has no statement", completeness=True)
def _statement(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if _empty(o.statement):
            yield Hit(
                ("objectives", i, "statement"),
                _t(
                    "objective `{id}` has no statement",
                    "l'objectif `{id}` n'est pas formulé",
                    id=o.id,
                ),
                _t(
                    "write it so that anyone can tell whether it was reached",
                    "formulez-le de sorte que chacun puisse dire s'il est atteint",
                ),
            )


@_rule("SMP303", "warning", "objectives", "An objective has no family", completeness=True)
def _family(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.family is None:
            yield Hit(
                ("objectives", i, "family"),
                _t(
                    "objective `{id}` has no family",
                    "l'objectif `{id}` n'a pas de famille",
                    id=o.id,
                ),
                _t(
                    "revenue, costs, relationship or loyalty",
                    "chiffre d'affaires, coûts, relation ou fidélité",
                ),
            )


@_rule("SMP304", "warning", "objectives", "An objective has no deadline", completeness=True)
def _deadline(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        if o.deadline is None:
            yield Hit(
                ("objectives", i, "deadline"),
                _t(
                    "objective `{id}` has no deadline",
                    "l'objectif `{id}` n'a pas d'échéance",
                    id=o.id,
                ),
                _t(
                    "a time-bound objective says when it must be reached (YYYY-MM-DD)",
                    "un objectif daté dit quand il doit être atteint (AAAA-MM-JJ)",
                ),
            )


@_rule("SMP305", "warning", "objectives", "An objective is due before the plan's date")
def _deadline_after_date(v: View) -> Iterator[Hit]:
    start = v.plan.project.date if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if start and o.deadline and o.deadline < start:
            yield Hit(
                ("objectives", i, "deadline"),
                _t(
                    "objective `{id}` is due {deadline}, before the plan's date {start}",
                    "l'objectif `{id}` est attendu le {deadline}, avant la date du plan ({start})",
                    id=o.id,
                    deadline=o.deadline,
                    start=start,
                ),
                _t("check the year", "vérifiez l'année"),
            )


@_rule("SMP306", "warning", "objectives", "An objective is due after the plan's horizon")
def _deadline_within_horizon(v: View) -> Iterator[Hit]:
    horizon = v.plan.project.horizon if v.plan.project else None
    for i, o in enumerate(v.objectives):
        if horizon and o.deadline and o.deadline > horizon:
            yield Hit(
                ("objectives", i, "deadline"),
                _t(
                    "objective `{id}` is due {deadline}, after the plan's horizon {horizon}",
                    "l'objectif `{id}` est attendu le {deadline}, après l'horizon du plan "
                    "({horizon})",
                    id=o.id,
                    deadline=o.deadline,
                    horizon=horizon,
                ),
                _t(
                    "bring the deadline in, or extend `project.horizon`",
                    "avancez l'échéance, ou repoussez `project.horizon`",
                ),
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
                _t(
                    "objective `{id}` has no metric",
                    "l'objectif `{id}` n'a aucun indicateur",
                    id=o.id,
                ),
                _t(
                    "add a metric whose `objective` is this one: a measurable objective",
                    "ajoutez un indicateur dont le champ `objective` désigne celui-ci : "
                    "un objectif doit pouvoir se mesurer",
                ),
            )


@_rule("SMP402", "warning", "metrics", "A metric has no target", completeness=True)
def _target(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.target is None:
            yield Hit(
                ("metrics", i, "target"),
                _t("metric `{id}` has no target", "l'indicateur `{id}` n'a pas de cible", id=m.id),
                _t(
                    "say the value to reach by the deadline",
                    "donnez la valeur à atteindre à l'échéance",
                ),
            )


@_rule("SMP403", "warning", "metrics", "A metric has no baseline", completeness=True)
def _baseline(v: View) -> Iterator[Hit]:
    for i, m in enumerate(v.metrics):
        if m.baseline is None:
            yield Hit(
                ("metrics", i, "baseline"),
                _t(
                    "metric `{id}` has no baseline",
                    "l'indicateur `{id}` n'a pas de valeur de départ",
                    id=m.id,
                ),
                _t(
                    "give today's value, or write `unknown` if it is not measured yet",
                    "donnez la valeur d'aujourd'hui, ou écrivez `unknown` si elle n'est pas "
                    "encore mesurée",
                ),
            )


def _kind(metric: Any) -> str | None:
    if metric.kind:
        return str(metric.kind)
    if metric.standard:
        return str(STANDARD_KIND[metric.standard])
    return None


@_rule("SMP404", "warning", "metrics", "A revenue or cost objective is judged by vanity metrics")
def _business_metric(v: View) -> Iterator[Hit]:
    for i, o in enumerate(v.objectives):
        aim = _BUSINESS_FAMILIES.get(str(o.family))
        metrics = v.metrics_by_objective.get(o.id, [])
        if aim is None or not metrics:
            continue
        kinds = [_kind(m) for m in metrics]
        if not _BUSINESS_KINDS.intersection(kinds):
            listed = _Join(
                tuple(
                    _t(
                        "`{id}`: {kind}",
                        "`{id}` : {kind}",
                        id=m.id,
                        kind=k or _t("kind not given", "type non indiqué"),
                    )
                    for m, k in zip(metrics, kinds, strict=True)
                )
            )
            yield Hit(
                ("objectives", i),
                _t(
                    "objective `{id}` aims at {aim} but has no conversion, revenue or cost "
                    "metric ({listed})",
                    "l'objectif `{id}` vise à {aim} mais n'a aucun indicateur de conversion, "
                    "de chiffre d'affaires ou de coût ({listed})",
                    id=o.id,
                    aim=aim,
                    listed=listed,
                ),
                _t(
                    "add one, or set `kind` on the metric that counts sales; "
                    "likes alone show no return",
                    "ajoutez-en un, ou renseignez `kind` sur l'indicateur qui compte les "
                    "ventes ; les « j'aime » seuls ne prouvent aucun retour",
                ),
            )


# --- step 5: audience -------------------------------------------------------------------


@_rule("SMP501", "warning", "audience", "A segment has no needs", completeness=True)
def _segment_needs(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.needs:
            yield Hit(
                ("audience", i, "needs"),
                _t("segment `{id}` has no needs", "le segment `{id}` n'a aucun besoin", id=s.id),
                _t(
                    "list the ids of the needs heard in step 2 that this segment has",
                    "listez les identifiants des besoins entendus à l'étape 2 qui concernent "
                    "ce segment",
                ),
            )


@_rule("SMP502", "warning", "audience", "A segment has no content", completeness=True)
def _segment_content(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.segments):
        if not s.content:
            yield Hit(
                ("audience", i, "content"),
                _t(
                    "segment `{id}` does not say what content reaches them",
                    "le segment `{id}` ne dit pas quel contenu le touche",
                    id=s.id,
                ),
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
                _t(
                    "segment `{id}` is reached by no channel",
                    "aucun canal ne touche le segment `{id}`",
                    id=s.id,
                ),
                _t(
                    "add it to a channel's `audiences`, or drop the segment",
                    "ajoutez-le aux `audiences` d'un canal, ou retirez ce segment",
                ),
            )


# --- step 6: value ----------------------------------------------------------------------


@_rule("SMP601", "warning", "value", "No philosophy is stated", completeness=True)
def _philosophy(v: View) -> Iterator[Hit]:
    if v.plan.value and _empty(v.plan.value.philosophy):
        yield Hit(
            ("value", "philosophy"),
            _t("no philosophy is stated", "aucune philosophie n'est énoncée"),
            _t(
                "say what the organization stands for: people follow a philosophy, not a product",
                "dites ce que défend l'organisation : on suit une philosophie, pas un produit",
            ),
        )


@_rule("SMP602", "warning", "value", "No conversation topic", completeness=True)
def _topics(v: View) -> Iterator[Hit]:
    if v.plan.value and not v.plan.value.topics:
        yield Hit(
            ("value", "topics"),
            _t("no conversation topic is recorded", "aucun sujet de conversation n'est noté"),
            _t(
                "find the topics people want to talk about, beyond the product",
                "trouvez les sujets dont les gens ont envie de parler, au-delà du produit",
            ),
        )


@_rule("SMP603", "warning", "value", "Every conversation topic is promotional")
def _topics_not_promotional(v: View) -> Iterator[Hit]:
    topics = v.plan.value.topics if v.plan.value else []
    if topics and all(t.kind == "promotional" for t in topics):
        yield Hit(
            ("value", "topics"),
            _t(
                "every conversation topic is promotional",
                "tous les sujets de conversation sont promotionnels",
            ),
            _t(
                "the product should not be the main topic: promotion belongs to posters, "
                "ads and e-mail",
                "le produit ne doit pas être le sujet principal : la promotion a sa place "
                "sur les affiches, dans la publicité et les e-mails",
            ),
        )


@_rule("SMP604", "warning", "value", "A service answers no recorded need", completeness=True)
def _service_need(v: View) -> Iterator[Hit]:
    for i, s in enumerate(v.plan.value.services if v.plan.value else []):
        if s.need is None:
            yield Hit(
                ("value", "services", i, "need"),
                _t(
                    "{service} does not say which need it answers",
                    "{service} ne dit pas à quel besoin il répond",
                    service=_Label("service", s.name, i),
                ),
                _t(
                    "give the id of a need heard in step 2",
                    "donnez l'identifiant d'un besoin entendu à l'étape 2",
                ),
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
            _t("no spokesperson is named", "aucun porte-parole n'est nommé"),
            _t(
                "name the people who will give the organization a human face",
                "nommez les personnes qui donneront un visage humain à l'organisation",
            ),
        )
    for i, person in enumerate(face.spokespeople):
        if _empty(person.name) and _empty(person.member):
            yield Hit(
                ("human_face", "spokespeople", i, "name"),
                _t(
                    "spokesperson #{n} has no name",
                    "le porte-parole n° {n} n'a pas de nom",
                    n=i + 1,
                ),
                _t(
                    "a human face needs a name: give it, or the member id",
                    "un visage humain a besoin d'un nom : donnez-le, ou l'identifiant du membre",
                ),
            )


@_rule("SMP702", "warning", "human_face", "A spokesperson appears on no channel", completeness=True)
def _spokesperson_channels(v: View) -> Iterator[Hit]:
    if v.plan.human_face is None or v.listening_only and not v.channels:
        return
    for i, person in enumerate(v.plan.human_face.spokespeople):
        if not person.channels:
            yield Hit(
                ("human_face", "spokespeople", i, "channels"),
                _t(
                    "{who} appears on no channel",
                    "{who} n'apparaît sur aucun canal",
                    who=_spokesperson(v, i),
                ),
                _t(
                    "list the platforms of the channel plan where this person speaks",
                    "listez les plateformes du plan des canaux où cette personne s'exprime",
                ),
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
            _t("the channel plan has no channel", "le plan des canaux ne contient aucun canal"),
            _t(
                "add a channel, or set `listening.listening_only: true` to listen first",
                "ajoutez un canal, ou mettez `listening.listening_only: true` pour écouter d'abord",
            ),
        )


@_rule("SMP801", "warning", "channels", "A channel serves no objective", completeness=True)
def _channel_objectives(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.objectives:
            yield Hit(
                ("channels", i, "objectives"),
                _t(
                    "{channel} serves no objective",
                    "{channel} ne sert aucun objectif",
                    channel=_Label("channel", c.platform, i),
                ),
                _t(
                    "a platform is chosen for a reason: list the objectives it serves",
                    "une plateforme se choisit pour une raison : listez les objectifs qu'elle sert",
                ),
            )


@_rule("SMP802", "warning", "channels", "A channel reaches no audience", completeness=True)
def _channel_audiences(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.audiences:
            yield Hit(
                ("channels", i, "audiences"),
                _t(
                    "{channel} reaches no audience segment",
                    "{channel} ne touche aucun segment de public",
                    channel=_Label("channel", c.platform, i),
                ),
                _t(
                    "list the segments (step 5) it reaches",
                    "listez les segments (étape 5) qu'il touche",
                ),
            )


@_rule("SMP803", "warning", "channels", "A channel has no owner", completeness=True)
def _channel_owner(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if c.owner is None:
            yield Hit(
                ("channels", i, "owner"),
                _t(
                    "{channel} has no owner",
                    "{channel} n'a pas de responsable",
                    channel=_Label("channel", c.platform, i),
                ),
                _t(
                    "name the team member who runs it",
                    "nommez le membre de l'équipe qui l'anime",
                ),
            )


def _promotional(channel: Channel) -> float | None:
    """Percent of a channel's mix that is promotional, when every pillar has a share."""
    shares = [p.share for p in channel.pillars]
    if not shares or None in shares:
        return None
    total = sum(p.share or 0 for p in channel.pillars)
    promo = sum(p.share or 0 for p in channel.pillars if p.kind == "promotional")
    return 100 * promo / total if total else None


_THIRDS = _t(
    "the rule of thirds keeps promotion to a third of the mix at most",
    "la règle des tiers limite la promotion à un tiers des publications, au plus",
)
_THIRDS_HINT = _t(
    "turn promotional posts into useful, entertaining or conversational ones",
    "transformez des publications promotionnelles en publications utiles, divertissantes "
    "ou qui lancent la conversation",
)


@_rule("SMP804", "warning", "channels", "A channel's mix is more than a third promotional")
def _channel_mix(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        share = _promotional(c)
        if share is not None and share > _THIRD + 1e-9:
            yield Hit(
                ("channels", i, "pillars"),
                _t(
                    "{channel} is {share} promotional; {thirds}",
                    "{channel} est promotionnel à {share} ; {thirds}",
                    channel=_Label("channel", c.platform, i),
                    share=_pct(share),
                    thirds=_THIRDS,
                ),
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
                    _t(
                        "the pillar shares of {channel} add up to {total}, not 100%",
                        "les parts des piliers {channel} totalisent {total}, et non 100 %",
                        channel=_Label("channel", c.platform, i, of=True),
                        total=_pct(total),
                    ),
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
        basis = (
            _t("weighted by posts a week", "pondéré par les publications de la semaine")
            if by_posts
            else _t("each channel counted equally", "chaque canal compte autant")
        )
        yield Hit(
            ("channels",),
            _t(
                "the channel plan as a whole is {share} promotional ({basis}); {thirds}",
                "l'ensemble du plan des canaux est promotionnel à {share} ({basis}) ; {thirds}",
                share=_pct(overall),
                basis=basis,
                thirds=_THIRDS,
            ),
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
                _t(
                    "objective `{id}` is served by no channel",
                    "aucun canal ne sert l'objectif `{id}`",
                    id=o.id,
                ),
                _t(
                    "add it to a channel's `objectives`, or say why it needs none",
                    "ajoutez-le aux `objectives` d'un canal, ou dites pourquoi il n'en a pas "
                    "besoin",
                ),
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
        _t(
            " ({channels} h for channels, {monitoring} h for monitoring)",
            " ({channels} h pour les canaux, {monitoring} h pour la veille)",
            channels=_Number(channels),
            monitoring=_Number(monitoring),
        )
        if channels and monitoring
        else ""
    )
    loc: Loc = ("channels",) if v.channels else ("listening", "monitoring_hours_per_week")
    yield Hit(
        loc,
        _t(
            "the plan needs {needed} h a week{detail} but the team declares {available} h",
            "le plan demande {needed} h par semaine{detail}, mais l'équipe ne déclare "
            "que {available} h",
            needed=_Number(needed),
            detail=detail,
            available=_Number(available),
        ),
        _t(
            "drop or slow down a channel, or give the team more time (step 1)",
            "abandonnez ou ralentissez un canal, ou donnez plus de temps à l'équipe (étape 1)",
        ),
    )


@_rule("SMP809", "warning", "channels", "A channel has no metric", completeness=True)
def _channel_metrics(v: View) -> Iterator[Hit]:
    for i, c in enumerate(v.channels):
        if not c.metrics:
            yield Hit(
                ("channels", i, "metrics"),
                _t(
                    "{channel} has no metric to judge it",
                    "aucun indicateur ne permet de juger {channel}",
                    channel=_Label("channel", c.platform, i),
                ),
                _t(
                    "list the metrics (step 4) that show whether it works",
                    "listez les indicateurs (étape 4) qui montrent s'il fonctionne",
                ),
            )
