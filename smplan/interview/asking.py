"""Each kind of field asked until the model takes the answer.

A value is asked again, with the model's own message, until it is taken; a list of
texts one answer at a time, or on one line on the essentials path; people are picked
among the team. What is asked, and in which order, is the session's (`session.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.i18n import babel_locale, language
from smplan.interview import essentials as ess
from smplan.interview import kinds
from smplan.interview.answers import measure_of, parse_time
from smplan.interview.conversation import Conversation
from smplan.interview.kinds import Reading, Refused
from smplan.interview.progress import answered
from smplan.interview.questions import (
    CLEAR,
    SPONSOR,
    Block,
    Judged,
    Option,
    Question,
    Questions,
    Spec,
    pick_word,
    spec,
)
from smplan.interview.saving import ATTACHED, Draft, Slot
from smplan.plan.labels import Values
from smplan.plan.meta import MEMBER as MEMBER_KIND
from smplan.plan.meta import naming, things
from smplan.plan.model import (
    TIME_PATTERN,
    Approval,
    Channel,
    HumanFace,
    Member,
    Plan,
    Spokesperson,
    Team,
)


@dataclass(frozen=True)
class Asking:
    """Asks one field of the plan at a time, each the way its kind is answered."""

    draft: Draft
    #: Ask only what the strategy cannot do without, and propose the rest (`--essentials`).
    essentials: bool = False
    #: The unit each item's numbers were last typed with, by item: what a metric counts.
    units: dict[int, str] = field(default_factory=dict)

    @property
    def plan(self) -> Plan:
        """The plan being answered."""
        return self.draft.plan

    @property
    def talk(self) -> Conversation:
        """The conversation the questions are put in."""
        return self.draft.talk

    @property
    def questions(self) -> Questions:
        """The plan's questions, in the interview's language."""
        return self.draft.questions

    def proposed(self, obj: BaseModel, name: str) -> Any:
        """The answer proposed for an empty field on the essentials path, or None."""
        if not self.essentials:
            return None
        typed = self.units.get(id(obj), "")
        measure = measure_of(typed, babel_locale(self.questions.lang))
        with language(self.questions.lang):
            value = ess.proposal(self.plan, obj, name, typed, measure)
        return None if value == [] else value

    # -- one value -----------------------------------------------------------------------

    def value(self, obj: BaseModel, slot: Slot, name: str, found: Spec, path: str) -> None:
        """Ask one value until the model takes it, or it is kept as it is."""
        q, draft = self.questions, self.draft
        model = type(obj)
        current = getattr(obj, name)
        proposed = self.proposed(obj, name) if not answered(obj, name) else None
        question = self.question(obj, name, found, path, current if proposed is None else proposed)
        while True:
            raw = self.talk.ask(question).strip()
            if not raw and proposed is not None and not answered(obj, name):
                if draft.assign(obj, slot, name, proposed) and draft.judge(path):
                    proposed = None
                    question = self.question(obj, name, found, path, getattr(obj, name))
                    continue
                return
            if not raw:
                return
            reading = Reading(None)
            if raw == CLEAR:
                if current is None or model.model_fields[name].is_required():
                    return
            else:
                try:
                    reading = q.interpret(raw, found, question, (model, name))
                    self.same_unit(obj, reading, raw)
                    value = self.sponsor_joins(reading.value)
                except Refused as refused:
                    self.talk.error(str(refused))
                    question = dataclasses.replace(question, retry=raw)
                    continue
                reading = dataclasses.replace(reading, value=value)
            if not draft.assign(obj, slot, name, reading.value):
                question = dataclasses.replace(question, retry=raw)
                continue
            if reading.note:
                self.talk.show(Block("note", lines=(reading.note,)))
            if reading.unit:
                self.units[id(obj)] = reading.unit
            if not draft.judge(path):
                return
            current = getattr(obj, name)
            question = self.question(obj, name, found, path, current)

    def same_unit(self, obj: BaseModel, reading: Reading, raw: str) -> None:
        """Refuse a figure typed in another measure than the item's others (`3 h` for a
        metric whose value today was `6 %`): they count the same thing."""
        before = self.units.get(id(obj), "")
        if not before or not reading.unit:
            return
        locale = babel_locale(self.questions.lang)
        was, now = measure_of(before, locale), measure_of(reading.unit, locale)
        if was != now and "other" not in (was, now):
            q = self.questions
            raise Refused(q.t("unit.not_the_same", answer=q.quoted(raw), unit=q.quoted(before)))

    def question(
        self, obj: BaseModel, name: str, found: Spec, path: str, default: Any
    ) -> Question:
        """The question asking field `name` of `obj`, with `default` offered and the line
        judged as it is typed."""
        question = self.questions.for_field(type(obj), name, path, default)
        return dataclasses.replace(question, check=self.judging(obj, name, found, question))

    def judging(
        self, obj: BaseModel, name: str, found: Spec, question: Question
    ) -> Callable[[str], Judged]:
        """What judges a line typed for field `name` of `obj` before Enter."""
        q = self.questions
        model = type(obj)

        def judge(typed: str) -> Judged:
            raw = typed.strip()
            if not raw or raw == CLEAR or self.talk.is_back(raw):
                return Judged()
            try:
                reading = q.interpret(raw, found, question, (model, name))
                self.same_unit(obj, reading, raw)
                value = reading.value
                if value == SPONSOR or (isinstance(value, list) and SPONSOR in value):
                    return Judged()
                trial = obj.model_copy()
                setattr(trial, name, value)
            except Refused as refused:
                return Judged(str(refused))
            except ValidationError as error:
                return Judged(q.rejection(error, model, name))
            return Judged(warnings=tuple(kinds.warnings(q, obj, name, found, getattr(trial, name))))

        return judge

    def sponsor_joins(self, value: Any) -> Any:
        """`value` with the sponsor, when picked, made a team member and named by id."""
        picked = value == SPONSOR or (isinstance(value, list) and SPONSOR in value)
        sponsor = self.questions.outside_sponsor()
        if not picked or sponsor is None or self.plan.team is None:
            return value
        team = self.plan.team
        ident = ess.slug(sponsor.name or "sponsor", {m.id for m in team.members})
        member = Member(id=ident, name=sponsor.name, role=sponsor.role, department="management")
        team.members.append(member)
        self.draft.commit(ATTACHED)
        index = len(team.members) - 1
        note = self.questions.t("ui.sponsor_joins", name=sponsor.name)
        self.talk.show(Block("note", lines=(note,)))
        where = f"team.members[{index}].hours_per_week"
        self.value(member, ATTACHED, "hours_per_week", spec(Member, "hours_per_week"), where)
        if isinstance(value, list):
            return [ident if v == SPONSOR else v for v in value]
        return ident

    def naming(
        self, owner: BaseModel, name: str, model: type[BaseModel], field_name: str
    ) -> Callable[[str], Judged]:
        """What judges the name of a new item of the list `name` of `owner` as it is typed:
        the model's refusal, or a name another item of the list already has."""
        q = self.questions

        def judge(typed: str) -> Judged:
            raw = typed.strip()
            if not raw or raw == CLEAR or self.talk.is_back(raw):
                return Judged()
            try:
                model.model_validate({"id": "x", field_name: raw})
            except ValidationError as error:
                return Judged(q.rejection(error, model, field_name))
            given = [str(getattr(i, field_name, "") or "") for i in getattr(owner, name) or []]
            if raw.casefold() in (g.casefold() for g in given):
                return Judged(warnings=(q.t("ui.name_taken", name=q.quoted(raw)),))
            return Judged()

        return judge

    # -- lists of texts ------------------------------------------------------------------

    def texts(self, obj: BaseModel, slot: Slot, name: str, path: str) -> None:
        """A list of texts, one answer each; an empty answer ends it."""
        q = self.questions
        model = type(obj)
        label = q.label(model, name)
        # Where the model tells "none" ([]) from "not answered" (None), "-" says none.
        optional_list = model.model_fields[name].default_factory is None
        list_help = "ui.list_help_none" if optional_list else "ui.list_help"
        values: list[str] = list(getattr(obj, name) or [])
        index = 0
        first = True

        def question(default: str | None) -> Question:
            return Question(
                "text",
                key=f"{path}[{index}]",
                label=q.t("ui.list_item", label=label, n=index + 1),
                help=f"{q.help(model, name)} {q.t(list_help)}" if first else "",
                default=default,
            )

        while True:
            existing = values[index] if index < len(values) else None
            raw = self.talk.ask(question(existing)).strip()
            first = False
            if existing is None and not raw:
                break
            if raw == CLEAR:
                if existing is not None:
                    del values[index]
                    self.draft.assign(obj, slot, name, list(values))
                    continue
                if optional_list and not values:
                    self.draft.assign(obj, slot, name, [])
                break
            if raw and raw != existing:
                candidate = list(values)
                if existing is None:
                    candidate.append(raw)
                else:
                    candidate[index] = raw
                if not self.draft.assign(obj, slot, name, candidate):
                    continue
                values = list(getattr(obj, name))
            index += 1

    def text_line(self, obj: BaseModel, slot: Slot, name: str, path: str) -> None:
        """A list of short texts asked on one line, separated by commas ("-" for none)."""
        q = self.questions
        model = type(obj)
        current = getattr(obj, name)
        optional_list = model.model_fields[name].default_factory is None
        proposed = ess.proposal(self.plan, obj, name) if current is None else None
        default: str | None = None
        if current:
            default = ", ".join(current)
        elif proposed:
            default = ", ".join(proposed)
        elif optional_list and proposed == [] and self.essentials:
            default = CLEAR  # none proposed: Enter says there is none
        question = Question(
            "text",
            key=path,
            label=q.label(model, name),
            help=q.help(model, name),
            default=default,
            hint=q.t("hint.list_line"),
        )
        while True:
            raw = self.talk.ask(question).strip()
            if not raw:
                raw = default or ""
            if not raw:
                return
            values = [] if raw == CLEAR else [v.strip() for v in raw.split(",") if v.strip()]
            if raw == CLEAR and not optional_list and not current:
                return
            if self.draft.assign(obj, slot, name, values):
                return

    def proposed_list(
        self, obj: BaseModel, slot: Slot, name: str, model: type[BaseModel], path: str
    ) -> bool:
        """Show a list proposed whole; True when it is taken, False to ask item by item."""
        q = self.questions
        with language(q.lang):
            proposed = [model.model_validate(d) for d in ess.proposed_items(self.plan, obj, name)]
        if not proposed:
            return False
        lines = tuple(f"- {q.summary(item)}" for item in proposed)
        self.talk.pending.append(
            Block("review", title=q.t("ui.proposal", label=q.label(type(obj), name)), lines=lines)
        )
        if not self.talk.confirm(f"{path}?", q.t("ui.use_proposal"), default=True):
            return False
        self.draft.assign(obj, slot, name, proposed)
        self.draft.judge(path, ask=False)
        return True

    def item_line(
        self, obj: BaseModel, slot: Slot, name: str, model: type[BaseModel], path: str
    ) -> None:
        """A list of small items named by their fields (a posting slot: its day and its
        time) asked on one line, separated by commas; a proposal offered, if any."""
        q = self.questions
        current = getattr(obj, name) or []
        with language(q.lang):
            proposed = [model.model_validate(d) for d in ess.proposed_items(self.plan, obj, name)]
        default = ", ".join(self._named(item) for item in current or proposed) or None
        question = Question(
            "text",
            key=path,
            label=q.label(type(obj), name),
            help=q.help(type(obj), name),
            default=default,
            hint=q.t("hint.list_line"),
        )
        while True:
            raw = self.talk.ask(question).strip() or default or ""
            if not raw:
                return
            try:
                items = [] if raw == CLEAR else [self._item(model, p) for p in raw.split(",")]
            except Refused as refused:
                self.talk.error(str(refused))
                question = dataclasses.replace(question, retry=raw)
                continue
            if self.draft.assign(obj, slot, name, items):
                self.draft.judge(path, ask=False)
                return

    def _named(self, item: BaseModel) -> str:
        """An item as its naming fields write it: `Tuesday 09:00`."""
        values = Values(self.plan, self.questions.lang)
        with language(self.questions.lang):
            return values.name(item) or ""

    def _item(self, model: type[BaseModel], typed: str) -> BaseModel:
        """An item read from its naming fields typed on a line (`mardi 9h`): a choice by
        one of its words, the rest for the field left; `Refused` when it reads as none."""
        q = self.questions
        words = typed.split()
        values: dict[str, Any] = {}
        for name in naming(model):
            found = spec(model, name)
            if found.kind != "choice":
                continue
            question = q.for_field(model, name, name, None)
            for word in words:
                picked = pick_word(word, question.options)
                if picked is not None:
                    values[name] = picked
                    words.remove(word)
                    break
        rest = " ".join(words)
        for name in naming(model):
            if name not in values and rest:
                pattern = model.model_fields[name].metadata
                timed = any(getattr(m, "pattern", None) == TIME_PATTERN for m in pattern)
                values[name] = (parse_time(rest) or rest) if timed else rest
                rest = ""
        try:
            return model.model_validate(values)
        except ValidationError:
            raise Refused(q.t("ui.not_an_item", answer=q.quoted(typed.strip()))) from None

    # -- people --------------------------------------------------------------------------

    def sponsor(self, team: Team, path: str) -> Member | None:
        """The member picked as sponsor; None when the sponsor is someone else."""
        q = self.questions
        options = tuple(
            Option(m.id, f"{m.name} — {m.role}" if m.role else str(m.name or m.id), str(n))
            for n, m in enumerate(team.members, start=1)
        )
        question = q.choice(
            path,
            q.label(Team, "sponsor"),
            options,
            help=q.t("ui.sponsor_help"),
            default=ess.manager(self.plan),
            empty=q.t("ui.someone_else"),
        )
        chosen = self.talk.choose(question)
        return next((m for m in team.members if m.id == chosen), None)

    def approver(self, channel: Channel, path: str) -> None:
        """Who approves the posts of a channel's owner, when no approval rule says it: the
        manager, or someone else than the owner; added to the rule that approver gives."""
        team = self.plan.team
        owner = channel.owner
        if team is None or owner is None or any(owner in a.drafted_by for a in team.approvals):
            return
        q = self.questions
        options = tuple(
            o for o in q.reference_options(MEMBER_KIND) if o.value not in (owner, SPONSOR)
        )
        if not options:
            return
        boss = ess.manager(self.plan)
        default = boss if boss != owner else options[0].value
        name = next((o.label for o in q.reference_options(MEMBER_KIND) if o.value == owner), "")
        question = q.choice(
            f"{path}.approver",
            q.t("ui.approver", name=name, platform=channel.platform or ""),
            options,
            default=default,
        )
        approver = self.talk.choose(question)
        if not approver:
            return
        rule = next((a for a in team.approvals if a.approved_by == approver), None)
        if rule is not None:
            self.draft.assign(rule, ATTACHED, "drafted_by", [*rule.drafted_by, owner])
            return
        with language(q.lang):
            content = ess.text("approval", self.plan)
            delay = ess.text("delay", self.plan)
        added = Approval(content=content, drafted_by=[owner], approved_by=approver, delay=delay)
        self.draft.assign(team, ATTACHED, "approvals", [*team.approvals, added])

    def spokespeople(self, face: BaseModel, slot: Slot, path: str) -> bool:
        """Spokespeople picked among the team: their name and role come with them."""
        q = self.questions
        members = things(self.plan, MEMBER_KIND)
        if not members:
            return False
        question = Question(
            "choices",
            key=path,
            label=q.t("ui.spokespeople_pick"),
            help=q.help(HumanFace, "spokespeople"),
            default=ess.speaker(self.plan),
            options=q.reference_options(MEMBER_KIND),
            hint=q.hint("choices"),
            pick_hint=q.t("hint.pick_many"),
        )
        chosen: Any = []
        while True:
            raw = self.talk.ask(question).strip()
            if not raw and question.default:
                raw = question.default
            try:
                chosen = q.read(raw, Spec("refs", ref=MEMBER_KIND), question) if raw else []
            except Refused as refused:
                self.talk.error(str(refused))
                continue
            break
        if not chosen:
            return True
        chosen = self.sponsor_joins(chosen)
        members = things(self.plan, MEMBER_KIND)
        people = []
        for ident in chosen:
            member = next(m for m in members if m.id == ident)
            people.append(Spokesperson(name=member.name, member=member.id, role=member.role))
        self.draft.assign(face, slot, "spokespeople", people)
        return True

    def platforms(self, person: Any, slot: Slot, name: str, path: str) -> None:
        """Where a spokesperson appears, picked among the platforms of the channel plan."""
        q = self.questions
        platforms = dict.fromkeys(c.platform for c in self.plan.channels or [] if c.platform)
        options = tuple(Option(p, p, str(n)) for n, p in enumerate(platforms, start=1))
        if not options:
            return
        question = Question(
            "choices",
            key=path,
            label=q.t("ui.appears_on", name=person.name or person.member or ""),
            default=", ".join(o.value for o in options),
            options=options,
            hint=q.hint("choices"),
            pick_hint=q.t("hint.pick_many"),
        )
        while True:
            raw = self.talk.ask(question).strip() or str(question.default)
            try:
                chosen = q.read(raw, Spec("refs"), question)
            except Refused as refused:
                self.talk.error(str(refused))
                continue
            break
        self.draft.assign(person, slot, name, chosen)
