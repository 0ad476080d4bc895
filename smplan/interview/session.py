"""The guided interview behind `smplan init`: the eight steps, one answer at a time.

The session walks the plan model section by section and field by field, asks each field
the way its kind is asked (`asking.py`), saves the plan after every answer
(`saving.py`), and resumes where the person stopped (`progress.py`). The interview never
prints and never reads a terminal: it talks to an `Asker`, which the command line
implements with prompts and the tests with a script.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.errors import Interrupted, UsageError, cannot_write, printable
from smplan.fsutil import FileLocked, locked, read_regular
from smplan.i18n import L_, _, language, language_name, languages
from smplan.interview import essentials as ess
from smplan.interview import review, sectors
from smplan.interview.asking import Asking
from smplan.interview.conversation import Conversation, GoBack, Record
from smplan.interview.guidance import tr
from smplan.interview.progress import (
    OPENABLE,
    RUNNING,
    RUNNING_PARTS,
    SECTIONS,
    Resume,
    answered,
    last_answered,
    merge_answers,
    missing,
    number,
    read_answers,
    section_name,
    section_of,
    section_status,
)
from smplan.interview.questions import (
    BORROWED,
    CLEAR,
    SKIPPED,
    Asker,
    Block,
    Option,
    Question,
    Questions,
    Spec,
    member_ref,
    spec,
)
from smplan.interview.saving import ATTACHED, Draft, Slot, appending, setting
from smplan.plan.files import MAX_BYTES, load_plan
from smplan.plan.meta import MEMBER as MEMBER_KIND
from smplan.plan.meta import Essential, Needed, marker, named, naming, needed, things
from smplan.plan.model import (
    STEPS,
    Channel,
    Competitor,
    Keywords,
    Listening,
    Metric,
    Objective,
    Person,
    Plan,
    Project,
    Spokesperson,
    Team,
)
from smplan.plan.roundtrip import PlanWriter


@dataclass
class Interview:
    """One run of `smplan init` on one plan file."""

    plan: Plan
    asker: Asker
    writer: PlanWriter
    path: str
    forced_lang: str | None = None
    new: bool = False
    #: Whether an answers file pre-filled the plan just now.
    prefilled: bool = False
    #: Ask only what the strategy cannot do without, and propose the rest (`--essentials`).
    essentials: bool = False
    #: The answers of this run, replayed after going back.
    record: Record = field(default_factory=Record)
    #: Whether findings show their rule's code and place in the file (`smplan --debug`).
    debug: bool = False
    questions: Questions = field(init=False)
    talk: Conversation = field(init=False)
    draft: Draft = field(init=False)
    asking: Asking = field(init=False)
    #: Where a resumed interview stands while it passes over what is answered.
    resume: Resume | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.questions = Questions(self.plan, self.forced_lang)
        self.talk = Conversation(self.asker, self.questions, self.record, debug=self.debug)
        self.draft = Draft(self.plan, self.writer, self.talk)
        self.talk.live = self.draft.save
        self.asking = Asking(self.draft, self.essentials)

    @property
    def lang(self) -> str:
        """The language of the questions: --lang, else the plan's own."""
        return self.questions.lang

    def t(self, key: str, **values: Any) -> str:
        """A text of the interview in its language."""
        return self.questions.t(key, **values)

    # -- the whole run -------------------------------------------------------------------

    def run(self, section: str | None = None) -> None:
        """Ask everything still to answer (or one section), review, then conclude.

        Going back one question runs the interview again from the plan as it was, its
        answers replayed but the last (see `Conversation`).
        """
        start = self.plan.model_copy(deep=True)
        current = self
        while True:
            try:
                current._ask(section)
                break
            except GoBack:
                self.record.back()
                current = dataclasses.replace(self, plan=start.model_copy(deep=True))
            except (KeyboardInterrupt, EOFError):
                raise self._interrupted(section) from None
        self.plan = current.plan
        current.conclude()

    def _ask(self, section: str | None) -> None:
        if self.forced_lang is None and self.plan.project is None:
            self._choose_language()
        if section is not None:
            self.talk.show(Block("note", lines=(self.t("ui.keys"), self.t("ui.back_key"))))
            self.section(section)
        else:
            self._resume()
            self._review()

    def _interrupted(self, section: str | None) -> Interrupted:
        command = f"smplan init {shlex.quote(self.path)}"
        if section is not None:
            command += f" --step {section}"
        elif self.essentials:
            command += " --essentials"
        return Interrupted(
            self.t("ui.interrupted", path=self.path),
            hint=self.t("ui.resume", command=command),
            language=self.lang,
        )

    def _choose_language(self) -> None:
        # Asked in both languages, since there is no other way to know which one to use.
        options = tuple(
            Option(code, language_name(code), str(n)) for n, code in enumerate(languages(), start=1)
        )
        label = " / ".join(dict.fromkeys(tr("ui.language", code) for code in languages()))
        hint = " / ".join(dict.fromkeys(tr("hint.choice", code) for code in languages()))
        pick = " / ".join(dict.fromkeys(tr("hint.pick", code) for code in languages()))
        question = Question(
            "choice",
            key="project.language",
            label=label,
            options=options,
            hint=hint,
            pick_hint=pick,
        )
        chosen = ""
        while not chosen:
            chosen = self.talk.choose(question)
        self.plan.project = Project(language=chosen)
        self.draft.save()

    def _resume(self) -> None:
        """Ask from the next unanswered question on, in interview order.

        A complete section is passed over, unless the last answer given is in it (a list
        may still grow); see `Resume` for what is asked again.
        """
        if not self.new:
            self.talk.show(review.status_block(self.draft))
        notes: tuple[str, ...] = (self.t("ui.keys"), self.t("ui.back_key"))
        if self.essentials:
            notes += (self.t("ui.essentials"),)
        elif self.new:
            command = f"smplan init {shlex.quote(self.path)} --essentials"
            notes += (self.t("ui.essentials_offer", command=command),)
        self.talk.show(Block("note", lines=notes))
        # Answers pre-filled from a file are not where the person stopped: ask every gap.
        self.resume = Resume(None if self.prefilled else last_answered(self.plan))
        at = section_of(self.resume.frontier)
        try:
            for name in SECTIONS:
                if (
                    name != at
                    and section_status(self.plan, name, self.draft.findings()) == "complete"
                ):
                    if name != "project":
                        note = self.t("ui.skipped", number=number(name))
                        self.talk.show(Block("note", lines=(note,)))
                    continue
                self.section(name, skip=("language",) if name == "project" else ())
            if not self.essentials:
                # How the plan is put to work: asked on the full path once the steps are.
                if at != RUNNING and section_status(self.plan, RUNNING) == "complete":
                    title = self.t(f"section.{RUNNING}.title")
                    note = self.t("ui.running_skipped", title=title, number=number(RUNNING))
                    self.talk.show(Block("note", lines=(note,)))
                else:
                    self.section(RUNNING)
        finally:
            self.resume = None

    def _asks(self, obj: BaseModel, name: str, path: str) -> bool:
        """Whether this field is asked: every one is, but by a resumed interview."""
        return self.resume is None or self.resume.asks(obj, name, path)

    def section(self, name: str, skip: tuple[str, ...] = ()) -> None:
        """Ask one section (the project or a step), current answers offered as defaults."""
        title = self.t(f"section.{name}.title")
        if name == RUNNING:
            title = self.t("ui.running_heading", title=title)
        elif name != "project":
            title = self.t("ui.step_heading", number=number(name), total=len(STEPS), title=title)
        self.talk.pending[:] = [
            Block(
                "guidance",
                title=title,
                rows=tuple(
                    (self.t(f"ui.guidance.{part}"), self.t(f"section.{name}.{part}"))
                    for part in ("why", "good", "example", "pitfall")
                ),
            )
        ]
        if name == "project":
            project = self.plan.project or Project(language=self.lang)
            slot = (
                ATTACHED
                if self.plan.project is not None
                else Slot(setting(self.plan, "project", project))
            )
            self._walk(project, slot, "project", skip=skip)
            return
        if name == RUNNING:
            for part in RUNNING_PARTS:
                self._field(self.plan, ATTACHED, part, part)
            return
        found = spec(Plan, name)
        if found.kind == "items":
            if self.essentials and name == "metrics":
                self._essential_metrics()
            self._items(self.plan, ATTACHED, name, found.target, name, heading=False)
            if name == "channels":
                self._link_spokespeople()
            return
        current = getattr(self.plan, name)
        sub = current if current is not None else found.target()
        slot = ATTACHED if current is not None else Slot(setting(self.plan, name, sub))
        self._walk(sub, slot, name)

    # -- walking the model ---------------------------------------------------------------

    def _walk(self, obj: BaseModel, slot: Slot, path: str, skip: tuple[str, ...] = ()) -> None:
        model = type(obj)
        names = ess.essential_fields(model) if self.essentials else tuple(model.model_fields)
        if self.essentials:
            # What an item refers to comes first when nothing proposes it (the objective a
            # metric added by hand measures): its other proposals follow from it.
            names = (*self._unproposed_refs(obj, names), *names)
        borrower = member_ref(model)
        if borrower is not None and borrower in names:
            # The team member first: their name and role come with them.
            names = (borrower, *(n for n in names if n != borrower))
        for name in names:
            if name in skip or (model.__name__, name) in SKIPPED:
                continue
            if borrower is not None and name in BORROWED and getattr(obj, borrower):
                self._borrow(obj, slot, borrower, name)
                continue
            self._field(obj, slot, name, f"{path}.{name}")
        if self.essentials:
            # What is not asked is proposed from the answers given, when there is a proposal.
            for name in model.model_fields:
                if name in names or name in skip or answered(obj, name):
                    continue
                value = self.asking.proposed(obj, name)
                if value is not None:
                    self.draft.assign(obj, slot, name, value)
            # What the checks still find missing here, nothing proposed it: asked too, so
            # that the path leaves no gap of its own making (a renamed metric's definition).
            missing = self.draft.missing_in(path)
            for name in model.model_fields:
                where = f"{path}.{name}"
                if where in missing and name not in skip and (model.__name__, name) not in SKIPPED:
                    self._field(obj, slot, name, where)

    def _unproposed_refs(self, obj: BaseModel, names: tuple[str, ...]) -> tuple[str, ...]:
        """The references `obj` needs that are empty, that nothing proposes, and that its
        model declares before the fields the path asks (a metric's objective)."""
        order = list(type(obj).model_fields)
        first = min((order.index(n) for n in names if n in order), default=len(order))
        return tuple(
            name
            for name, need in needed(type(obj))
            if name not in names
            and order.index(name) < first
            and spec(type(obj), name).kind in ("ref", "refs")
            and need.applies(obj)
            and not answered(obj, name)
            and self.asking.proposed(obj, name) is None
        )

    def _borrow(self, obj: BaseModel, slot: Slot, ref: str, name: str) -> None:
        """Take a field (name, role) from the team member `ref` names, when still empty."""
        member = next(
            (m for m in things(self.plan, MEMBER_KIND) if m.id == getattr(obj, ref)), None
        )
        value = getattr(member, name, None) if member is not None else None
        if value is not None and not answered(obj, name):
            self.draft.assign(obj, slot, name, value)

    def _field(self, obj: BaseModel, slot: Slot, name: str, path: str) -> None:
        found = spec(type(obj), name)
        if found.value == "id":
            return  # made from a name: nobody types an id
        if (type(obj), name) == (Spokesperson, "channels"):
            # Platforms are picked among the channels, once the channel plan exists; before
            # where a resumed interview stopped, they wait for the end of the channel step.
            before_stop = self.resume is not None and self.resume.before_frontier
            if not getattr(obj, name) and self.plan.channels and not before_stop:
                self.asking.platforms(obj, slot, name, path)
            return
        if self.essentials and self._essential_field(obj, slot, name, found, path):
            self._approver(obj, name, path)
            return
        key = (type(obj).__name__, name)
        before_stop = self.resume is not None and self.resume.before_frontier
        if key in ess.PROPOSED_LISTS and not getattr(obj, name) and not before_stop:
            # The standard playbook, an approval rule: taken whole, or answered item by item.
            if self.asking.proposed_list(obj, slot, name, found.target, path):
                return
        if found.kind == "items" and set(naming(found.target)) == set(found.target.model_fields):
            # Small items named by all their fields (a slot: a day and a time), on one line.
            if self._asks(obj, name, path):
                self.asking.item_line(obj, slot, name, found.target, path)
        elif found.kind == "items":
            self._items(obj, slot, name, found.target, path)
        elif found.kind == "model":
            self._sub_model(obj, slot, name, found.target, path)
        elif not self._asks(obj, name, path):
            return
        elif found.kind == "texts" and _one_line(type(obj), name):
            self.asking.text_line(obj, slot, name, path)
        elif found.kind == "texts":
            self.asking.texts(obj, slot, name, path)
        else:
            self.asking.value(obj, slot, name, found, path)
        self._approver(obj, name, path)

    def _approver(self, obj: BaseModel, name: str, path: str) -> None:
        """Once a channel has its owner, who approves what they draft, if no rule says."""
        if isinstance(obj, Channel) and name == "owner":
            self.asking.approver(obj, path.rsplit(".", 1)[0])

    def _sub_model(
        self, obj: BaseModel, slot: Slot, name: str, model: type[BaseModel], path: str
    ) -> None:
        pending = self.talk.pending
        before = len(pending)
        label, help_text = (
            self.questions.label(type(obj), name),
            self.questions.help(type(obj), name),
        )
        # "Voice and tone" under "Voice and tone" says nothing more.
        said = () if help_text.rstrip(" .").casefold() == label.casefold() else (help_text,)
        pending.append(Block("heading", title=label, lines=said))
        current = getattr(obj, name)
        if current is not None:
            self._walk(current, slot, path)
        else:
            sub = model()
            self._walk(sub, Slot(setting(obj, name, sub), slot), path)
        del pending[before:]  # nothing was asked under it

    # -- the essentials path ---------------------------------------------------------

    def _essential_field(
        self, obj: BaseModel, slot: Slot, name: str, found: Spec, path: str
    ) -> bool:
        """Ask a field the essentials way when it has one; False to ask it as usual."""
        model = type(obj)
        key = (model.__name__, name)
        if isinstance(obj, Team) and name == "sponsor" and obj.sponsor is None and obj.members:
            self._sponsor(obj, slot, path)
            return True
        if key == ("HumanFace", "spokespeople") and not getattr(obj, name):
            return self.asking.spokespeople(obj, slot, path)
        if isinstance(obj, Metric) and name == "unit" and not answered(obj, name):
            typed = self.asking.units.get(id(obj))
            if typed:
                self.draft.assign(obj, slot, name, typed)  # typed with its figures: 6 %
                return True
        if isinstance(obj, Objective) and name == "primary" and not answered(obj, name):
            if any(o.primary for o in self.plan.objectives or [] if o is not obj):
                self.draft.assign(obj, slot, name, False)  # one primary objective, given
                return True
        if isinstance(obj, Keywords) and name in sectors.unfit_keywords(self.plan):
            if getattr(obj, name) is None:
                self.draft.assign(obj, slot, name, [])  # no patents for a bakery
            return True

        if found.kind == "texts" and self._asks(obj, name, path):
            self.asking.text_line(obj, slot, name, path)
            return True
        return False

    def _sponsor(self, team: Team, slot: Slot, path: str) -> None:
        """The sponsor picked among the members; someone else is asked by name."""
        member = self.asking.sponsor(team, path)
        if member is None:
            sub = Person()
            self._walk(sub, Slot(setting(team, "sponsor", sub), slot), path)
            return
        self.draft.assign(team, slot, "sponsor", Person(name=member.name, role=member.role))

    def _essential_metrics(self) -> None:
        """A metric proposed for each objective that has none, from the objective's family."""
        for objective in self.plan.objectives or []:
            if any(m.objective == objective.id for m in self.plan.metrics or []):
                continue
            taken = {m.id for m in self.plan.metrics or []}
            with language(self.lang):
                label = ess.metric_name(self.plan, objective.family)
            metric = Metric(id=ess.slug(label or objective.id, taken), objective=objective.id)
            index = len(self.plan.metrics or [])
            self.talk.pending.append(
                Block(
                    "heading",
                    title=self.t("ui.metric_for", objective=objective.statement or objective.id),
                )
            )
            item_slot = Slot(appending(self.plan, "metrics", metric), ATTACHED)
            self._walk(metric, item_slot, f"metrics[{index}]", skip=("id", "objective"))
            self._name(metric, self.plan, "metrics")
            self.talk.pending.clear()

    def _link_spokespeople(self) -> None:
        """Once the channel plan exists, where each spokesperson appears."""
        face = self.plan.human_face
        if face is None or not self.plan.channels:
            return
        for index, person in enumerate(face.spokespeople):
            if not person.channels:
                where = f"human_face.spokespeople[{index}].channels"
                self.asking.platforms(person, ATTACHED, "channels", where)

    # -- lists of items ------------------------------------------------------------------

    def _items(
        self,
        obj: BaseModel,
        slot: Slot,
        name: str,
        model: type[BaseModel],
        path: str,
        heading: bool = True,
    ) -> None:
        pending = self.talk.pending
        before = len(pending)
        if heading:
            label = self.questions.label(type(obj), name)
            pending.append(
                Block("heading", title=label, lines=(self.questions.help(type(obj), name),))
            )
        noun = model.__name__
        if self.resume is not None:
            self._resume_items(self.resume, getattr(obj, name) or [], slot, path, noun)
            if self.resume.before_frontier:
                del pending[before:]
                return
        else:
            self._review_items(obj, slot, name, path, noun)
        if isinstance(obj, Listening) and name == "competitors":
            self._competitors(obj, slot, path)
        # A list the step needs starts with its first item, not with "add one?": one its
        # model marks needed, or one the checks find missing (no channel, not listening).
        needed = marker(type(obj).model_fields[name], Needed) is not None
        needed = needed or path in self.draft.missing_in(path)
        if needed and not getattr(obj, name):
            self._new_item(obj, slot, name, model, path)
        if ess.naming_field(model) is not None:
            # Things asked by their name first: an empty name ends the list.
            while (getattr(obj, name) or not needed) and self._new_item(
                obj, slot, name, model, path, last=bool(getattr(obj, name))
            ):
                pass
            self.draft.judge(path, ask=False)
            return
        while getattr(obj, name) or not needed:
            more = self.t(f"more.{noun}" if getattr(obj, name) else f"add.{noun}")
            if not self.talk.confirm(f"{path}[+]", more, default=False):
                break
            if not self._new_item(obj, slot, name, model, path):
                break
            if isinstance(obj, Listening) and name == "competitors":
                self._competitors(obj, slot, path)
        # What only the whole list tells (pillar shares, one primary objective).
        self.draft.judge(path, ask=False)

    def _competitors(self, listening: Listening, slot: Slot, path: str) -> None:
        """Competitors are named once: those named among the monitoring keywords are
        described here without being named again, and one added here is monitored too."""
        keywords = listening.keywords or Keywords()
        named_ = list(keywords.competitors or [])
        known = {c.name for c in listening.competitors}
        for name in [n for n in named_ if n not in known]:
            where = f"{path}[{len(listening.competitors)}]"
            item = Competitor(name=name)
            self.talk.pending.append(Block("heading", title=name))
            attach = Slot(appending(listening, "competitors", item), slot)
            self._walk(item, attach, where, skip=("name",))
            self.talk.pending.clear()
        missing = [c.name for c in listening.competitors if c.name and c.name not in named_]
        if missing:
            if listening.keywords is None:
                self.draft.assign(listening, slot, "keywords", keywords)
            self.draft.assign(keywords, ATTACHED, "competitors", named_ + missing)

    def _resume_items(
        self, resume: Resume, items: list[BaseModel], slot: Slot, path: str, noun: str
    ) -> None:
        # Answered items are passed over; one left half-filled is reopened where it stops.
        pending = self.talk.pending
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            with resume.item(self.draft.missing_in(where)):
                before = len(pending)
                pending.append(Block("heading", title=self.t(f"item.{noun}", n=index + 1)))
                self._walk(item, slot, where)
                del pending[before:]

    def _review_items(self, obj: BaseModel, slot: Slot, name: str, path: str, noun: str) -> None:
        index = 0
        while getattr(obj, name) and index < len(getattr(obj, name)):
            items = getattr(obj, name)
            item = items[index]
            label = self.t(
                "ui.item_action",
                item=self.t(f"item.{noun}", n=index + 1),
                summary=self.questions.summary(item),
            )
            options = tuple(
                Option(a, self.t(f"ui.action.{a}"), str(n))
                for n, a in enumerate(("keep", "edit", "remove"), start=1)
            )
            # An item left unfinished (by Ctrl-C or by hand) is opened by default.
            unfinished = bool(self.draft.missing_in(f"{path}[{index}]"))
            action = self.talk.choose(
                self.questions.choice(
                    f"{path}[{index}]", label, options, default="edit" if unfinished else "keep"
                )
            )
            if action == "remove":
                del items[index]
                self.draft.commit(slot)
                continue
            if action == "edit":
                self.talk.show(Block("heading", title=self.t(f"item.{noun}", n=index + 1)))
                self._walk(item, slot, f"{path}[{index}]")
            index += 1

    def _new_item(
        self,
        obj: BaseModel,
        slot: Slot,
        name: str,
        model: type[BaseModel],
        path: str,
        last: bool = False,
    ) -> bool:
        """Ask one more item of a list; False when none was given.

        A thing other answers refer to is asked by its name first, its id made from it;
        an empty name says there is no more.
        """
        index = len(getattr(obj, name) or [])
        where = f"{path}[{index}]"
        self.talk.pending.append(
            Block("heading", title=self.t(f"item.{model.__name__}", n=index + 1))
        )
        naming = ess.naming_field(model)
        if naming is None:
            item = model()
            item_slot = Slot(appending(obj, name, item), slot)
            self._walk(item, item_slot, where)
            return True
        question = self.questions.for_field(model, naming, f"{where}.{naming}", None)
        question = dataclasses.replace(
            question,
            hint=self.t("ui.list_end") if last else question.hint,
            check=self.asking.naming(obj, name, model, naming),
        )
        while True:
            raw = self.talk.ask(question).strip()
            if not raw or raw == CLEAR:
                self.talk.pending.clear()
                return False
            taken = {i.id for i in getattr(obj, name) or []}
            try:
                item = model.model_validate({"id": ess.slug(raw, taken), naming: raw})
            except ValidationError as error:
                self.draft.reject(error, model, naming)
                question = dataclasses.replace(question, retry=raw)
                continue
            break
        self.draft.commit(Slot(appending(obj, name, item), slot))
        self._walk(item, ATTACHED, where, skip=("id", naming))
        return True

    def _name(self, item: BaseModel, owner: BaseModel, name: str) -> None:
        """Give an item made in this run an id from its final name, if it takes one: a
        proposal renamed is known by its new name (nothing refers to it yet)."""
        info = type(item).model_fields.get("id")
        if info is None or not named(item) or named(item) == getattr(item, "id", None):
            return
        taken = {i.id for i in getattr(owner, name) or [] if i is not item}
        ident = ess.slug(named(item), taken)
        if ident != item.id:  # type: ignore[attr-defined]
            item.id = ident  # type: ignore[attr-defined]
            self.draft.save()

    # -- review and conclusion -----------------------------------------------------------

    def _review(self) -> None:
        while True:
            for name in OPENABLE:
                self.talk.show(review.review_block(self.draft, name))
            choice = self.talk.choose(review.reopening(self.questions))
            if not choice:
                return
            self.section(choice)

    def conclude(self) -> None:
        """Show the plan's summary, the result of the checks and how to render it."""
        for block in review.conclusion(self.plan, self.talk, self.path):
            self.talk.show(block)


def _one_line(model: type[BaseModel], name: str) -> bool:
    """Whether a list of texts is asked on one line: names (keywords, the content that
    reaches a segment: what the essentials path asks) and platforms; sentences, which
    may hold commas, are asked one per answer."""
    return marker(model.model_fields[name], Essential) is not None or (
        spec(model, name).value == "platform"
    )


def open_plan(path: Path) -> tuple[Plan, PlanWriter, bool]:
    """The plan in `path` and a writer for it; a new plan when the file does not exist."""

    path = Path(path)
    if not path.exists():
        return Plan(smplan=1), PlanWriter(path), True
    with contextlib.suppress(OSError):  # what cannot be read, load_plan says why
        if not read_regular(path, MAX_BYTES).strip():
            return Plan(smplan=1), PlanWriter(path), True
    loaded = load_plan(path)
    return loaded.plan, PlanWriter.open(path, loaded.plan), False


def init(
    path: Path,
    asker: Asker,
    *,
    lang: str | None = None,
    step: str | None = None,
    answers: Path | None = None,
    interactive: bool = True,
    essentials: bool = False,
    debug: bool = False,
) -> Plan:
    """Run `smplan init`: pre-fill, then ask what is missing (or one step), and conclude.

    Without a user to ask (`interactive` false), nothing waits for an answer: the plan is
    concluded when nothing is missing, and a `UsageError` lists what is missing otherwise.
    """
    section = section_name(step) if step is not None else None
    folder = Path(path).parent
    if not folder.is_dir():
        raise UsageError(
            L_(
                "cannot write {path}: no such folder {folder}",
                path=printable(str(path)),
                folder=printable(str(folder)),
            )
        )
    with _editing(path):
        plan, writer, new = open_plan(path)
        if answers is not None:
            plan = merge_answers(plan, read_answers(answers), str(answers))
            writer.save(plan)
        interview = Interview(
            plan,
            asker,
            writer,
            str(path),
            forced_lang=lang,
            new=new,
            prefilled=answers is not None,
            essentials=essentials,
            debug=debug,
        )
        if not interactive:
            _without_terminal(interview, section)
            interview.conclude()
            return interview.plan
        interview.run(section)
        return interview.plan


@contextlib.contextmanager
def _editing(path: Path) -> Iterator[None]:
    """Hold the plan's lock for the interview: one `smplan init` per file at a time."""
    shown = printable(str(path))
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(locked(path))
    except FileLocked as held:
        who = _("process {pid}").format(pid=held.pid) if held.pid else _("another process")
        raise UsageError(
            _("{path} is already being edited by {who}").format(path=shown, who=who),
            hint=_("finish or stop that `smplan init` first, then run this one again"),
        ) from None
    except OSError as error:
        raise cannot_write(path, error) from None
    with lock:
        yield


def _without_terminal(interview: Interview, section: str | None) -> None:
    todo = missing(interview.plan, interview.lang)
    if section is None and not todo:
        return
    command = f"smplan init {shlex.quote(interview.path)}"
    if section is not None:
        message = interview.t("ui.no_terminal_step")
    else:
        message = "\n".join([interview.t("ui.no_terminal", path=interview.path), *todo])
    hint = interview.t("ui.no_terminal_hint", command=command)
    raise UsageError(message, hint=hint, language=interview.lang)
