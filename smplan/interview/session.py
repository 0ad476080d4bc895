"""The guided interview behind `smplan init`: the eight steps, one answer at a time.

The questions come from the plan model: each field's type picks the kind of prompt, its
description is the help line, and every answer is checked by assigning it to the model,
so a rejected answer is asked again with the model's own message. The plan is saved
after every answer. The interview never prints and never reads a terminal: it talks to
an `Asker`, which the command line implements with prompts and the tests with a script.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import shlex
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from smplan.checks import RULES, run_checks, step_status
from smplan.checks.load import hours
from smplan.errors import (
    Interrupted,
    PlanInvalidError,
    Problem,
    UsageError,
    cannot_write,
    printable,
)
from smplan.fsutil import FileLocked, locked, read_regular
from smplan.i18n import L_, _, babel_locale, language, language_name, languages
from smplan.interview import essentials as ess
from smplan.interview.answers import (
    NoSuchDate,
    date_layout,
    format_number,
    parse_date,
    parse_number,
)
from smplan.interview.guidance import TEXTS, tr
from smplan.plan.files import (
    MAX_BYTES,
    decode_text,
    load_plan,
    read_plan_file,
    read_yaml,
    validate_data,
)
from smplan.plan.labels import value_label
from smplan.plan.meta import MEMBER as MEMBER_KIND
from smplan.plan.meta import Follows, Ref, marker, named, things, without_none
from smplan.plan.meta import Kind as Thing
from smplan.plan.model import (
    STEPS,
    HumanFace,
    Member,
    Metric,
    Person,
    Plan,
    Project,
    Spokesperson,
    Team,
    example_for,
)
from smplan.plan.roundtrip import PlanWriter, plain
from smplan.plan.wording import describe_error

Kind = Literal["text", "choice", "choices", "confirm", "number", "date"]

#: The choice that names the sponsor where a team member is picked (never a valid id).
SPONSOR = "+sponsor"
#: The answer that clears a field or removes a list item.
CLEAR = "-"
#: The answer that goes back one question (each language adds its word, `ui.back_word`).
BACK = "<"
#: Sections the interview can open: the project block, then the eight steps.
SECTIONS: tuple[str, ...] = ("project", *STEPS)

_YES = frozenset({"y", "yes", "o", "oui", "true", "1"})
_NO = frozenset({"n", "no", "non", "false", "0"})


@dataclass(frozen=True)
class Option:
    """One allowed answer of a choice: what is stored, what is shown, what may be typed."""

    value: str
    label: str
    key: str


@dataclass(frozen=True)
class Question:
    """A question to put to the user; `key` names where the answer goes in the plan."""

    kind: Kind
    key: str
    label: str
    help: str = ""
    default: str | None = None
    options: tuple[Option, ...] = ()
    #: How to answer, in a few words: "y/n", "YYYY-MM-DD", "numbers separated by commas".
    hint: str = ""
    #: How to answer where choices are a list to move through rather than numbers to type.
    pick_hint: str = ""
    #: What an empty answer does, as a list of choices names it ("leave empty", "finish").
    empty: str = ""
    #: What closes the question before the answer: ": ", or " : " in French.
    end: str = ": "

    def __post_init__(self) -> None:
        # A help line that only repeats the label says nothing more: drop it.
        if self.help.rstrip(" .").casefold() == self.label.rstrip(" .").casefold():
            object.__setattr__(self, "help", "")


@dataclass(frozen=True)
class Block:
    """Something to show: guidance, a heading, a rejected answer, the review, the result."""

    kind: Literal[
        "heading",
        "guidance",
        "status",
        "note",
        "error",
        "finding",
        "review",
        "summary",
        "findings",
        "next",
    ]
    title: str = ""
    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()


class Asker(Protocol):
    """What the interview needs from a user interface."""

    def ask(self, question: Question) -> str:
        """Put the question and return the answer as typed (empty keeps the default)."""

    def show(self, block: Block) -> None:
        """Show a block of text."""


# --- reading the model ----------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How one field of the model is asked."""

    kind: Literal[
        "text", "number", "date", "confirm", "choice", "ref", "refs", "texts", "items", "model"
    ]
    target: Any = None
    #: The kind of thing a reference names.
    ref: Thing | None = None
    #: Words a number field accepts besides numbers (`unknown` for a baseline).
    words: tuple[str, ...] = ()


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def reference_target(info: FieldInfo) -> Thing | None:
    """The kind of thing a reference field names, or None if it names none."""
    ref = marker(info, Ref)
    return ref.kind if ref else None


@cache
def spec(model: type[BaseModel], name: str) -> Spec:
    """The kind of prompt a field of the model calls for."""
    info = model.model_fields[name]
    annotation = without_none(info.annotation)
    origin = typing.get_origin(annotation)
    ref = reference_target(info)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if _is_model(item):
            return Spec("items", item)
        return Spec("refs", ref=ref) if ref else Spec("texts")
    if _is_model(annotation):
        return Spec("model", annotation)
    if ref:
        return Spec("ref", ref=ref)
    if annotation is bool:
        return Spec("confirm")
    if annotation is dt.date:
        return Spec("date")
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Spec("choice", tuple(member.value for member in annotation))
    if origin is Literal:
        return Spec("choice", typing.get_args(annotation))
    if annotation in (int, float):
        return Spec("number")
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        words = tuple(w for a in args if typing.get_origin(a) is Literal for w in a.__args__)
        if all(a in (int, float) or typing.get_origin(a) is Literal for a in args):
            return Spec("number", words=words)
    return Spec("text")


#: Fields the interview never asks: the format version is not the user's to choose.
#: Campaigns come after the strategy: they are written in the plan file (`smplan new` shows
#: them), not asked.
SKIPPED: frozenset[tuple[str, str]] = frozenset({("Plan", "smplan"), ("Plan", "campaigns")})


def asked_fields(model: type[BaseModel] = Plan) -> Iterator[tuple[type[BaseModel], str]]:
    """Every (model, field) the interview may ask, walking down from `model`."""
    seen: set[type[BaseModel]] = set()

    def walk(current: type[BaseModel]) -> Iterator[tuple[type[BaseModel], str]]:
        if current in seen:
            return
        seen.add(current)
        for name in current.model_fields:
            if (current.__name__, name) in SKIPPED:
                continue
            if current is not Plan:  # the plan's own fields are the sections
                yield current, name
            found = spec(current, name)
            if found.kind in ("items", "model"):
                yield from walk(found.target)

    yield from walk(model)


# --- where an answer is attached --------------------------------------------------------


class _Slot:
    """A part of the plan being answered, attached to the plan at its first answer.

    A new list item or sub-section is built apart and joins the plan only once it holds
    an answer, so an abandoned "add another?" never leaves an empty entry in the file.
    """

    def __init__(
        self, attach: Callable[[], None] | None = None, parent: _Slot | None = None
    ) -> None:
        self._attach = attach
        self._parent = parent

    def ensure(self) -> None:
        if self._attach is None:
            return
        if self._parent is not None:
            self._parent.ensure()
        attach, self._attach = self._attach, None
        attach()


def _append(owner: BaseModel, name: str, item: BaseModel) -> Callable[[], None]:
    def attach() -> None:
        if getattr(owner, name) is None:
            setattr(owner, name, [])
        getattr(owner, name).append(item)

    return attach


# --- the interview ----------------------------------------------------------------------


@dataclass
class Interview:
    """One run of `smplan init` on one plan file."""

    plan: Plan
    asker: Asker
    writer: PlanWriter
    path: str
    forced_lang: str | None = None
    new: bool = False
    reopened: str | None = None
    #: Whether an answers file pre-filled the plan just now.
    prefilled: bool = False
    _root: _Slot = field(default_factory=_Slot)
    #: Where a resumed interview stands (see `_resume`).
    _resuming: bool = False
    _frontier: str | None = None
    _skipping: bool = False
    #: In a half-filled item: the paths of its missing fields until the first is reached,
    #: then empty while the rest of it is filled; None elsewhere.
    _gaps: frozenset[str] | None = None
    #: Headings shown only once a question under them is asked.
    _pending: list[Block] = field(default_factory=list)
    #: Findings already reported while answering, so a kept one is not reported again.
    _reported: set[tuple[str, str, str]] = field(default_factory=set)
    #: The last value question answered, where "back" (`<`) goes.
    _last: tuple[Any, ...] | None = None
    #: Ask only what the strategy cannot do without, and propose the rest (`--essentials`).
    essentials: bool = False
    #: The findings of the plan as last saved: the checks run once per change.
    _findings: dict[str | None, list[Any]] = field(default_factory=dict)

    def findings(self, lang: str | None = None) -> list[Any]:
        """The plan's findings, computed once per saved change."""
        if lang not in self._findings:
            self._findings[lang] = run_checks(self.plan, lang) if lang else run_checks(self.plan)
        return self._findings[lang]

    @property
    def lang(self) -> str:
        """The language of the questions: --lang, else the plan's own."""
        return self.forced_lang or self.plan.language

    def t(self, key: str, **values: Any) -> str:
        """A text of the interview in its language."""
        return tr(key, self.lang, **values)

    # -- the whole run -------------------------------------------------------------------

    def run(self, section: str | None = None) -> None:
        """Ask everything still to answer (or one section), review, then conclude."""
        self.reopened = section
        try:
            if self.forced_lang is None and self.plan.project is None:
                self._choose_language()
            if section is not None:
                self.asker.show(Block("note", lines=(self.t("ui.keys"), self.t("ui.back_key"))))
                self.section(section)
            else:
                self._resume()
                self._review()
        except (KeyboardInterrupt, EOFError):
            raise self._interrupted() from None
        self.conclude()

    def _interrupted(self) -> Interrupted:
        command = f"smplan init {shlex.quote(self.path)}"
        if self.reopened is not None:
            command += f" --step {self.reopened}"
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
            chosen = self._choose(question)
        self.plan.project = Project(language=chosen)
        self._findings.clear()
        self.writer.save(self.plan)

    def _resume(self) -> None:
        """Ask from the next unanswered question on, in interview order.

        The frontier is the last answer given, in interview order. Before it nothing is
        asked again, except the missing fields of an item left half-filled; after it,
        every question still unanswered is asked. A complete section is passed over,
        unless the frontier is in it (a list may still grow).
        """
        if not self.new:
            self.show_status()
        notes: tuple[str, ...] = (self.t("ui.keys"), self.t("ui.back_key"))
        if self.essentials:
            notes += (self.t("ui.essentials"),)
        elif self.new:
            command = f"smplan init {shlex.quote(self.path)} --essentials"
            notes += (self.t("ui.essentials_offer", command=command),)
        self.asker.show(Block("note", lines=notes))
        # Answers pre-filled from a file are not where the person stopped: ask every gap.
        self._frontier = None if self.prefilled else last_answered(self.plan)
        self._skipping = self._frontier is not None
        self._resuming = True
        at = _section_of(self._frontier)
        try:
            for name in SECTIONS:
                if name != at and section_status(self.plan, name, self.findings()) == "complete":
                    if name != "project":
                        note = self.t("ui.skipped", number=_number(name))
                        self.asker.show(Block("note", lines=(note,)))
                    continue
                self.section(name, skip=("language",) if name == "project" else ())
        finally:
            self._resuming = False

    def _ask(self, question: Question) -> str:
        for block in self._pending:
            self.asker.show(block)
        self._pending.clear()
        if question.key != "project.language":  # asked in every language at once
            question = dataclasses.replace(question, end=self.t("ui.prompt_end"))
        return self.asker.ask(question)

    def _asks(self, obj: BaseModel, name: str, path: str) -> bool:
        """Whether a resumed interview asks this field (any other interview does)."""
        if not self._resuming:
            return True
        if path == self._frontier:
            self._skipping = False
            return False
        if answered(obj, name):
            return False
        if not self._skipping:
            return True
        if self._gaps is None or (self._gaps and path not in self._gaps):
            return False
        self._gaps = frozenset()  # the first missing field: fill the item from here
        return True

    def show_status(self) -> None:
        """Show where the plan stands: each step done, started or to do."""

        rows = tuple(
            (
                f"{_number(name)}. {self.t(f'section.{name}.title')}",
                self.t(f"status.{section_status(self.plan, name, self.findings())}"),
            )
            for name in SECTIONS
        )
        statuses = step_status(self.plan, self.findings()).values()
        done = sum(1 for status in statuses if status == "complete")
        self.asker.show(
            Block("status", title=self.t("ui.status", done=done, total=len(STEPS)), rows=rows)
        )

    def section(self, name: str, skip: tuple[str, ...] = ()) -> None:
        """Ask one section (the project or a step), current answers offered as defaults."""
        title = self.t(f"section.{name}.title")
        if name != "project":
            title = self.t("ui.step_heading", number=_number(name), total=len(STEPS), title=title)
        self._pending[:] = [
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
                self._root
                if self.plan.project is not None
                else _Slot(self._setter(self.plan, "project", project))
            )
            self._walk(project, slot, "project", skip=skip)
            return
        found = spec(Plan, name)
        if found.kind == "items":
            if self.essentials and name == "metrics":
                self._essential_metrics()
            self._items(self.plan, self._root, name, found.target, name, heading=False)
            if name == "channels":
                self._link_spokespeople()
            return
        current = getattr(self.plan, name)
        sub = current if current is not None else found.target()
        slot = self._root if current is not None else _Slot(self._setter(self.plan, name, sub))
        self._walk(sub, slot, name)

    # -- walking the model ---------------------------------------------------------------

    def _walk(self, obj: BaseModel, slot: _Slot, path: str, skip: tuple[str, ...] = ()) -> None:
        model = type(obj)
        names = ess.essential_fields(model) if self.essentials else tuple(model.model_fields)
        borrower = _member_ref(model)
        if borrower is not None and borrower in names:
            # The team member first: their name and role come with them.
            names = (borrower, *(n for n in names if n != borrower))
        for name in names:
            if name in skip or (model.__name__, name) in SKIPPED:
                continue
            if borrower is not None and name in _BORROWED and getattr(obj, borrower):
                self._borrow(obj, slot, borrower, name)
                continue
            self._field(obj, slot, name, f"{path}.{name}")
        if self.essentials:
            # What is not asked is proposed from the answers given, when there is a proposal.
            for name in model.model_fields:
                if name in names or name in skip or answered(obj, name):
                    continue
                value = self._proposed(obj, name)
                if value is not None:
                    self._assign(obj, slot, name, value)

    def _borrow(self, obj: BaseModel, slot: _Slot, ref: str, name: str) -> None:
        """Take a field (name, role) from the team member `ref` names, when still empty."""
        member = next(
            (m for m in things(self.plan, MEMBER_KIND) if m.id == getattr(obj, ref)), None
        )
        value = getattr(member, name, None) if member is not None else None
        if value is not None and not answered(obj, name):
            self._assign(obj, slot, name, value)

    def _field(self, obj: BaseModel, slot: _Slot, name: str, path: str) -> None:
        found = spec(type(obj), name)
        if (type(obj), name) == (Spokesperson, "channels"):
            # Platforms are picked among the channels, once the channel plan exists; before
            # where a resumed interview stopped, they wait for the end of the channel step.
            before_stop = self._resuming and self._skipping
            if not getattr(obj, name) and self.plan.channels and not before_stop:
                self._platforms(obj, slot, name, path)
            return
        if self.essentials and self._essential_field(obj, slot, name, found, path):
            return
        if found.kind == "items":
            self._items(obj, slot, name, found.target, path)
        elif found.kind == "model":
            self._sub_model(obj, slot, name, found.target, path)
        elif not self._asks(obj, name, path):
            return
        elif found.kind == "texts":
            self._texts(obj, slot, name, path)
        else:
            self._value(obj, slot, name, found, path)

    # -- the essentials path ---------------------------------------------------------

    def _proposed(self, obj: BaseModel, name: str) -> Any:
        """The answer proposed for an empty field on the essentials path, or None."""
        if not self.essentials:
            return None
        with language(self.lang):
            value = ess.proposal(self.plan, obj, name)
        return None if value == [] else value

    def _essential_field(
        self, obj: BaseModel, slot: _Slot, name: str, found: Spec, path: str
    ) -> bool:
        """Ask a field the essentials way when it has one; False to ask it as usual."""
        model = type(obj)
        key = (model.__name__, name)
        if key == ("Team", "sponsor") and getattr(obj, name) is None and obj.members:  # type: ignore[attr-defined]
            self._sponsor(obj, slot, path)
            return True
        if key in ess.PROPOSED_LISTS and not getattr(obj, name):
            return self._proposed_list(obj, slot, name, found.target, path)
        if key == ("HumanFace", "spokespeople") and not getattr(obj, name):
            return self._spokespeople(obj, slot, path)
        if found.kind == "texts" and self._asks(obj, name, path):
            self._text_line(obj, slot, name, path)
            return True
        return False

    def _sponsor(self, team: Any, slot: _Slot, path: str) -> None:
        """The sponsor picked among the members; someone else is asked by name."""
        options = tuple(
            Option(m.id, f"{m.name} — {m.role}" if m.role else str(m.name or m.id), str(n))
            for n, m in enumerate(team.members, start=1)
        )
        question = Question(
            "choice",
            key=path,
            label=self._label(Team, "sponsor"),
            help=self._help(Team, "sponsor"),
            default=ess.manager(self.plan),
            options=options,
            hint=self._hint("choice"),
            pick_hint=self.t("hint.pick"),
            empty=self.t("ui.someone_else"),
        )
        chosen = self._choose(question)
        member = next((m for m in team.members if m.id == chosen), None)
        if member is None:
            sub = Person()
            self._walk(sub, _Slot(self._setter(team, "sponsor", sub), slot), path)
            return
        self._assign(team, slot, "sponsor", Person(name=member.name, role=member.role))

    def _proposed_list(
        self, obj: BaseModel, slot: _Slot, name: str, model: type[BaseModel], path: str
    ) -> bool:
        """Show a list proposed whole; True when it is taken, False to ask item by item."""
        with language(self.lang):
            proposed = [model.model_validate(d) for d in ess.proposed_items(self.plan, obj, name)]
        if not proposed:
            return False
        lines = tuple(f"- {self.summary(item)}" for item in proposed)
        self._pending.append(
            Block(
                "review",
                title=self.t("ui.proposal", label=self._label(type(obj), name)),
                lines=lines,
            )
        )
        if not self._confirm(f"{path}?", self.t("ui.use_proposal"), default=True):
            return False
        self._assign(obj, slot, name, proposed)
        self._judge(path, ask=False)
        return True

    def _spokespeople(self, face: BaseModel, slot: _Slot, path: str) -> bool:
        """Spokespeople picked among the team: their name and role come with them."""
        members = things(self.plan, MEMBER_KIND)
        if not members:
            return False
        question = Question(
            "choices",
            key=path,
            label=self.t("ui.spokespeople_pick"),
            help=self._help(HumanFace, "spokespeople"),
            default=ess.speaker(self.plan),
            options=self._reference_options(MEMBER_KIND),
            hint=self._hint("choices"),
            pick_hint=self.t("hint.pick_many"),
        )
        chosen: Any = []
        while True:
            raw = self._ask(question).strip()
            if not raw and question.default:
                raw = question.default
            try:
                chosen = self._convert(raw, Spec("refs", ref=MEMBER_KIND), question) if raw else []
            except _Refused as refused:
                self.asker.show(Block("error", lines=(str(refused),)))
                continue
            break
        if not chosen:
            return True
        chosen = self._sponsor_joins(chosen)
        members = things(self.plan, MEMBER_KIND)
        people = []
        for ident in chosen:
            member = next(m for m in members if m.id == ident)
            people.append(Spokesperson(name=member.name, member=member.id, role=member.role))
        self._assign(face, slot, "spokespeople", people)
        return True

    def _platforms(self, person: Any, slot: _Slot, name: str, path: str) -> None:
        """Where a spokesperson appears, picked among the platforms of the channel plan."""
        platforms = dict.fromkeys(c.platform for c in self.plan.channels or [] if c.platform)
        options = tuple(Option(p, p, str(n)) for n, p in enumerate(platforms, start=1))
        if not options:
            return
        question = Question(
            "choices",
            key=path,
            label=self.t("ui.appears_on", name=person.name or person.member or ""),
            default=", ".join(o.value for o in options),
            options=options,
            hint=self._hint("choices"),
            pick_hint=self.t("hint.pick_many"),
        )
        while True:
            raw = self._ask(question).strip() or str(question.default)
            try:
                chosen = self._convert(raw, Spec("refs"), question)
            except _Refused as refused:
                self.asker.show(Block("error", lines=(str(refused),)))
                continue
            break
        self._assign(person, slot, name, chosen)

    def _text_line(self, obj: BaseModel, slot: _Slot, name: str, path: str) -> None:
        """A list of short texts asked on one line, separated by commas ("-" for none)."""
        model = type(obj)
        current = getattr(obj, name)
        optional_list = model.model_fields[name].default_factory is None
        proposed = ess.proposal(self.plan, obj, name) if current is None else None
        default: str | None = None
        if current:
            default = ", ".join(current)
        elif proposed:
            default = ", ".join(proposed)
        elif optional_list and proposed == []:
            default = CLEAR  # none proposed: Enter says there is none
        question = Question(
            "text",
            key=path,
            label=self._label(model, name),
            help=self._help(model, name),
            default=default,
            hint=self.t("hint.list_line"),
        )
        while True:
            raw = self._ask(question).strip()
            if self._went_back(raw):
                continue
            if not raw:
                raw = default or ""
            if not raw:
                return
            values = [] if raw == CLEAR else [v.strip() for v in raw.split(",") if v.strip()]
            if raw == CLEAR and not optional_list and not current:
                return
            if self._assign(obj, slot, name, values):
                return

    def _essential_metrics(self) -> None:
        """A metric proposed for each objective that has none, from the objective's family."""
        for objective in self.plan.objectives or []:
            if any(m.objective == objective.id for m in self.plan.metrics or []):
                continue
            taken = {m.id for m in self.plan.metrics or []}
            with language(self.lang):
                label = ess.proposal(self.plan, Metric(id="x", objective=objective.id), "name")
            metric = Metric(id=ess.slug(label or objective.id, taken), objective=objective.id)
            index = len(self.plan.metrics or [])
            self._pending.append(
                Block(
                    "heading",
                    title=self.t("ui.metric_for", objective=objective.statement or objective.id),
                )
            )
            item_slot = _Slot(self._append_metric(metric), self._root)
            self._walk(metric, item_slot, f"metrics[{index}]", skip=("id", "objective"))
            self._pending.clear()

    def _append_metric(self, metric: Metric) -> Callable[[], None]:
        def attach() -> None:
            if self.plan.metrics is None:
                self.plan.metrics = []
            self.plan.metrics.append(metric)

        return attach

    def _link_spokespeople(self) -> None:
        """Once the channel plan exists, where each spokesperson appears."""
        face = self.plan.human_face
        if face is None or not self.plan.channels:
            return
        for index, person in enumerate(face.spokespeople):
            if not person.channels:
                self._platforms(
                    person, self._root, "channels", f"human_face.spokespeople[{index}].channels"
                )

    def _setter(self, owner: BaseModel, name: str, value: BaseModel) -> Callable[[], None]:
        def attach() -> None:
            setattr(owner, name, value)

        return attach

    def _sub_model(
        self, obj: BaseModel, slot: _Slot, name: str, model: type[BaseModel], path: str
    ) -> None:
        before = len(self._pending)
        self._pending.append(
            Block(
                "heading", title=self._label(type(obj), name), lines=(self._help(type(obj), name),)
            )
        )
        current = getattr(obj, name)
        if current is not None:
            self._walk(current, slot, path)
        else:
            sub = model()
            self._walk(sub, _Slot(self._setter(obj, name, sub), slot), path)
        del self._pending[before:]  # nothing was asked under it

    def _items(
        self,
        obj: BaseModel,
        slot: _Slot,
        name: str,
        model: type[BaseModel],
        path: str,
        heading: bool = True,
    ) -> None:
        before = len(self._pending)
        if heading:
            self._pending.append(
                Block(
                    "heading",
                    title=self._label(type(obj), name),
                    lines=(self._help(type(obj), name),),
                )
            )
        noun = model.__name__
        if self._resuming:
            self._resume_items(getattr(obj, name) or [], slot, path, noun)
            if self._skipping:
                del self._pending[before:]
                return
        else:
            self._review_items(obj, slot, name, path, noun)
        while self._confirm(
            f"{path}[+]",
            self.t(f"more.{noun}" if getattr(obj, name) else f"add.{noun}"),
            default=False,
        ):
            if not self._new_item(obj, slot, name, model, path):
                break
        # What only the whole list tells (pillar shares, one primary objective).
        self._judge(path, ask=False)

    def _resume_items(self, items: list[BaseModel], slot: _Slot, path: str, noun: str) -> None:
        # Answered items are passed over; one left half-filled is reopened where it stops.
        outer = self._gaps
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            self._gaps = self._missing_in(where) or None
            before = len(self._pending)
            self._pending.append(Block("heading", title=self.t(f"item.{noun}", n=index + 1)))
            self._walk(item, slot, where)
            del self._pending[before:]
        self._gaps = outer

    def _review_items(self, obj: BaseModel, slot: _Slot, name: str, path: str, noun: str) -> None:
        index = 0
        while getattr(obj, name) and index < len(getattr(obj, name)):
            items = getattr(obj, name)
            item = items[index]
            action = self._choose(
                Question(
                    "choice",
                    key=f"{path}[{index}]",
                    label=self.t(
                        "ui.item_action",
                        item=self.t(f"item.{noun}", n=index + 1),
                        summary=self.summary(item),
                    ),
                    # An item left unfinished (by Ctrl-C or by hand) is opened by default.
                    default="edit" if self._unfinished(f"{path}[{index}]") else "keep",
                    hint=self._hint("choice"),
                    pick_hint=self.t("hint.pick"),
                    options=tuple(
                        Option(a, self.t(f"ui.action.{a}"), str(n))
                        for n, a in enumerate(("keep", "edit", "remove"), start=1)
                    ),
                )
            )
            if action == "remove":
                del items[index]
                self._commit(slot)
                continue
            if action == "edit":
                self.asker.show(Block("heading", title=self.t(f"item.{noun}", n=index + 1)))
                self._walk(item, slot, f"{path}[{index}]")
            index += 1

    def _unfinished(self, path: str) -> bool:
        return bool(self._missing_in(path))

    def _missing_in(self, path: str) -> frozenset[str]:
        """The paths of the needed fields still missing at or under `path`."""
        below = (path + ".", path + "[")
        return frozenset(
            at
            for f in self.findings()
            if RULES[f.code].completeness and ((at := f.path()) == path or at.startswith(below))
        )

    def _new_item(
        self, obj: BaseModel, slot: _Slot, name: str, model: type[BaseModel], path: str
    ) -> bool:
        index = len(getattr(obj, name) or [])
        where = f"{path}[{index}]"
        self._pending.append(Block("heading", title=self.t(f"item.{model.__name__}", n=index + 1)))
        required = [n for n, info in model.model_fields.items() if info.is_required()]
        if not required:
            item = model()
            self._walk(item, _Slot(_append(obj, name, item), slot), where)
            return True
        # Only ids are required: the item exists once it has one.
        (key,) = required
        naming = ess.naming_field(model) if self.essentials else None
        if naming is not None:
            return self._named_item(obj, slot, name, model, where, key, naming)
        question = self._question(model, key, f"{where}.{key}", None)
        while True:
            raw = self._ask(question).strip()
            if not raw or raw == CLEAR:
                return False
            try:
                item = model.model_validate({key: raw})
            except ValidationError as error:
                self._reject(error, model, key)
                continue
            item_slot = _Slot(_append(obj, name, item), slot)
            self._commit(item_slot)
            if not self._judge(f"{where}.{key}"):
                break
            getattr(obj, name).pop()  # a duplicate id, to be typed again
            self._findings.clear()
            self.writer.save(self.plan)
        self._walk(item, item_slot, where, skip=(key,))
        return True

    def _named_item(
        self,
        obj: BaseModel,
        slot: _Slot,
        name: str,
        model: type[BaseModel],
        where: str,
        key: str,
        naming: str,
    ) -> bool:
        """A new item asked by its name first, its id made from the name."""
        question = self._question(model, naming, f"{where}.{naming}", None)
        while True:
            raw = self._ask(question).strip()
            if not raw or raw == CLEAR:
                return False
            taken = {getattr(i, key) for i in getattr(obj, name) or []}
            try:
                item = model.model_validate({key: ess.slug(raw, taken), naming: raw})
            except ValidationError as error:
                self._reject(error, model, naming)
                continue
            break
        self._commit(_Slot(_append(obj, name, item), slot))
        item_slot = self._root
        self._walk(item, item_slot, where, skip=(key, naming))
        return True

    def _texts(self, obj: BaseModel, slot: _Slot, name: str, path: str) -> None:
        model = type(obj)
        label = self._label(model, name)
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
                label=self.t("ui.list_item", label=label, n=index + 1),
                help=f"{self._help(model, name)} {self.t(list_help)}" if first else "",
                default=default,
            )

        while True:
            existing = values[index] if index < len(values) else None
            raw = self._ask(question(existing)).strip()
            if self._went_back(raw):
                continue
            first = False
            if existing is None and not raw:
                break
            if raw == CLEAR:
                if existing is not None:
                    del values[index]
                    self._assign(obj, slot, name, list(values))
                    continue
                if optional_list and not values:
                    self._assign(obj, slot, name, [])
                break
            if raw and raw != existing:
                candidate = list(values)
                if existing is None:
                    candidate.append(raw)
                else:
                    candidate[index] = raw
                if not self._assign(obj, slot, name, candidate):
                    continue
                values = list(getattr(obj, name))
            index += 1

    def _value(self, obj: BaseModel, slot: _Slot, name: str, found: Spec, path: str) -> None:
        model = type(obj)
        current = getattr(obj, name)
        proposed = self._proposed(obj, name) if not answered(obj, name) else None
        question = self._question(model, name, path, current if proposed is None else proposed)
        while True:
            raw = self._ask(question).strip()
            if self._went_back(raw):
                continue
            self._last = (obj, slot, name, found, path)
            if not raw and proposed is not None and not answered(obj, name):
                if self._assign(obj, slot, name, proposed) and self._judge(path):
                    proposed = None
                    question = self._question(model, name, path, getattr(obj, name))
                    continue
                return
            if not raw:
                return
            if raw == CLEAR:
                if current is None or model.model_fields[name].is_required():
                    return
                value: Any = None
            else:
                try:
                    value = self._sponsor_joins(self._convert(raw, found, question))
                except _Refused as refused:
                    self.asker.show(Block("error", lines=(str(refused),)))
                    continue
            if self._assign(obj, slot, name, value):
                if not self._judge(path):
                    return
                current = getattr(obj, name)
                question = self._question(model, name, path, current)

    def _went_back(self, raw: str) -> bool:
        """Whether the answer asks to go back; if so, the previous question is asked again."""
        if raw.casefold() not in (BACK, self.t("ui.back_word").casefold()):
            return False
        if self._last is None:
            self.asker.show(Block("note", lines=(self.t("ui.no_back"),)))
            return True
        previous, self._last = self._last, None
        self._value(*previous)
        return True

    def _judge(self, path: str, ask: bool = True) -> bool:
        """Report the rules broken at or under `path` that can be judged now.

        Returns True when the person chooses to answer again, False to keep the answer.
        """
        found = [
            f
            for f in self.findings(self.lang)
            if RULES[f.code].at_once and re.match(rf"{re.escape(path)}(\.|\[|$)", f.path())
        ]
        new = [f for f in found if (f.code, f.path(), f.message) not in self._reported]
        if not new:
            return False
        keys = {(f.code, f.path(), f.message) for f in new}
        self._reported |= keys
        lines = []
        for finding in new:
            line = f"{self.t(f'finding.{finding.severity}')} {finding.code}: {finding.message}"
            if finding.hint:
                line += self.t("finding.hint", hint=finding.hint)
            lines.append(line)
        self.asker.show(Block("finding", lines=tuple(lines)))
        if not ask:
            return False
        options = tuple(
            Option(a, self.t(f"ui.action.{a}"), str(n))
            for n, a in enumerate(("fix", "keep_anyway"), start=1)
        )
        choice = self._choose(
            Question(
                "choice",
                key=f"{path}!",
                label=self.t("ui.fix_or_keep"),
                default="fix",
                options=options,
                hint=self._hint("choice"),
                pick_hint=self.t("hint.pick"),
            )
        )
        if choice == "fix":
            self._reported -= keys  # answered again: judged again
            return True
        return False

    def _assign(self, obj: BaseModel, slot: _Slot, name: str, value: Any) -> bool:
        before = getattr(obj, name)
        try:
            setattr(obj, name, value)
        except ValidationError as error:
            self._reject(error, type(obj), name)
            return False
        if getattr(obj, name) != before:
            self._commit(slot)
        return True

    def _commit(self, slot: _Slot) -> None:
        slot.ensure()
        self._findings.clear()
        self.writer.save(self.plan)

    # -- questions -----------------------------------------------------------------------

    def _question(self, model: type[BaseModel], name: str, path: str, current: Any) -> Question:
        found = spec(model, name)
        kind: Kind
        options: tuple[Option, ...] = ()
        if found.kind == "choice":
            kind = "choice"
            options = tuple(
                Option(str(v), self._value_label(model, name, v), str(n))
                for n, v in enumerate(found.target, start=1)
            )
        elif found.kind in ("ref", "refs"):
            options = self._reference_options(found.ref)
            kind = ("choice" if found.kind == "ref" else "choices") if options else "text"
        elif found.kind in ("number", "date", "confirm"):
            kind = found.kind
        else:
            kind = "text"
        label = self._label(model, name)
        help_text = self._help(model, name)
        if help_text.rstrip(".").casefold() == label.casefold():
            help_text = ""  # "Name." under "Name" says nothing more
        return Question(
            kind,
            key=path,
            label=label,
            help=help_text,
            default=self.format_value(current),
            options=options,
            hint=self._hint(kind, found.words),
            pick_hint=self.t(f"hint.pick{'_many' if kind == 'choices' else ''}"),
            empty=self.t("ui.leave_empty") if current is None else "",
        )

    def _hint(self, kind: Kind, words: tuple[str, ...] = ()) -> str:
        if kind == "number" and words:
            return self.t("hint.number_or", words=", ".join(self._word(w) for w in words))
        if kind == "date":
            order, sign = date_layout(babel_locale(self.lang))
            parts = {"d": "hint.date_day", "M": "hint.date_month", "y": "hint.date_year"}
            local = sign.join(self.t(parts[part]) for part in order)
            iso = "-".join(self.t(parts[part]) for part in "yMd")
            return self.t("hint.date", local=local, iso=iso)
        return "" if kind == "text" else self.t(f"hint.{kind}")

    def _reference_options(self, kind: Thing | None) -> tuple[Option, ...]:
        if kind is None:
            return ()
        options = []
        for n, item in enumerate(things(self.plan, kind), start=1):
            described = named(item, kind)
            label = f"{item.id} — {described}" if described != item.id else item.id
            options.append(Option(item.id, label, str(n)))
        sponsor = self._outside_sponsor() if kind == MEMBER_KIND else None
        if sponsor is not None:
            label = self.t("ui.sponsor_option", name=sponsor.name)
            options.append(Option(SPONSOR, label, str(len(options) + 1)))
        return tuple(options)

    def _outside_sponsor(self) -> Person | None:
        """The sponsor, when named and not yet on the team: offered wherever a member is."""
        team = self.plan.team
        sponsor = team.sponsor if team else None
        if sponsor is None or not sponsor.name or team is None:
            return None
        if any(m.name == sponsor.name for m in team.members):
            return None
        return sponsor

    def _sponsor_joins(self, value: Any) -> Any:
        """`value` with the sponsor, when picked, made a team member and named by id."""
        picked = value == SPONSOR or (isinstance(value, list) and SPONSOR in value)
        sponsor = self._outside_sponsor()
        if not picked or sponsor is None or self.plan.team is None:
            return value
        team = self.plan.team
        ident = ess.slug(sponsor.name or "sponsor", {m.id for m in team.members})
        member = Member(id=ident, name=sponsor.name, role=sponsor.role, department="management")
        team.members.append(member)
        self._commit(self._root)
        index = len(team.members) - 1
        self.asker.show(Block("note", lines=(self.t("ui.sponsor_joins", name=sponsor.name),)))
        where = f"team.members[{index}].hours_per_week"
        self._value(member, self._root, "hours_per_week", spec(Member, "hours_per_week"), where)
        if isinstance(value, list):
            return [ident if v == SPONSOR else v for v in value]
        return ident

    def _convert(self, raw: str, found: Spec, question: Question) -> Any:
        if question.kind == "choice":
            picked = _pick(raw, question.options)
            if picked is None:
                # Refused here, by the labels shown, not by the model's internal values.
                raise _Refused(self._not_a_choice(question, raw))
            return picked
        if question.kind == "choices":
            chosen = []
            for token in re.split(r"[,;\s]+", raw):
                if not token:
                    continue
                picked = _pick(token, question.options)
                if picked is None:
                    raise _Refused(self._not_a_choice(question, token))
                if picked not in chosen:
                    chosen.append(picked)
            return chosen
        if question.kind == "confirm":
            word = raw.casefold()
            return True if word in _YES else False if word in _NO else raw
        if question.kind == "number":
            for word in found.words:
                if raw.casefold() in (word.casefold(), self._word(word).casefold()):
                    return word
            number = parse_number(raw, babel_locale(self.lang))
            return raw if number is None else number
        if question.kind == "date":
            try:
                date = parse_date(raw, babel_locale(self.lang))
            except NoSuchDate:
                raise _Refused(self.t("ui.no_such_date", answer=raw)) from None
            return raw if date is None else date
        return raw

    def _word(self, word: str) -> str:
        """A word a field accepts besides numbers (`unknown`), in the plan's language."""
        key = f"word.{word}"
        return self.t(key) if key in TEXTS else word

    def _not_a_choice(self, question: Question, answer: str) -> str:
        return self.t(
            "ui.not_a_choice",
            answer=answer,
            choices=", ".join(f"{o.key} ({o.label})" for o in question.options),
        )

    def _choose(self, question: Question) -> str:
        while True:
            raw = self._ask(question).strip()
            if not raw and question.default is not None:
                return question.default
            picked = _pick(raw, question.options)
            if picked is not None:
                return picked
            if not raw:
                return ""
            self.asker.show(Block("error", lines=(self._not_a_choice(question, raw),)))

    def _confirm(self, key: str, label: str, default: bool) -> bool:
        question = Question(
            "confirm",
            key=key,
            label=label,
            default=self._yes_no(default),
            hint=self._hint("confirm"),
        )
        while True:
            word = self._ask(question).strip().casefold()
            if self._went_back(word):
                continue
            if not word:
                return default
            if word in _YES:
                return True
            if word in _NO:
                return False
            self.asker.show(Block("error", lines=(self.t("ui.yes_or_no"),)))

    def _reject(self, error: ValidationError, model: type[BaseModel], name: str) -> None:
        with language(self.lang):
            said, hint = describe_error(error, model, name)
            example = example_for(model.model_fields[name])
            text = str(said)
            # A yes/no question takes the words of the person's language, not the
            # `true` or `false` a file needs: its example says so better than the hint.
            shown_hint = None if hint is None or isinstance(example, bool) else str(hint)
        if shown_hint:
            text += self.t("finding.hint", hint=shown_hint)
        elif example is not None and not isinstance(example, list | dict):
            text += " " + self.t("ui.for_example", example=self.format_value(example))
        self.asker.show(Block("error", lines=(text,)))

    # -- words ---------------------------------------------------------------------------

    def _label(self, model: type[BaseModel], name: str) -> str:
        return self.t(f"field.{model.__name__}.{name}")

    def _help(self, model: type[BaseModel], name: str) -> str:
        description = model.model_fields[name].description
        with language(self.lang):
            return _(description) if description else ""

    def _value_label(self, model: type[BaseModel], name: str, value: Any) -> str:
        if (model, name) == (Project, "language"):
            return language_name(str(value))
        annotation = without_none(model.model_fields[name].annotation)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            kind = re.sub(r"(?<!^)(?=[A-Z])", "_", annotation.__name__).lower()
            with language(self.lang):
                return value_label(kind, str(value)) or str(value)
        return str(value)

    def _yes_no(self, value: bool) -> str:
        return self.t("ui.yes" if value else "ui.no")

    def format_value(self, value: Any) -> str | None:
        """An answer as the user would type it, to offer it as a default."""
        if value is None:
            return None
        if isinstance(value, bool):
            return self._yes_no(value)
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, float | int):
            return format_number(value, babel_locale(self.lang))
        if isinstance(value, str) and f"word.{value}" in TEXTS:
            return self._word(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return ", ".join(str(self.format_value(v)) for v in value) or None
        return str(value)

    def summary(self, item: BaseModel) -> str:
        """One line that tells a list item apart from its neighbours."""
        parts = []
        model = type(item)
        for name, value in plain(item).items():
            if isinstance(value, bool):
                if value:
                    parts.append(self._label(model, name))
            elif isinstance(value, str) and spec(model, name).kind == "choice":
                parts.append(self._value_label(model, name, value))
            elif isinstance(value, str | int | float | dt.date):
                parts.append(self.format_value(value) or "")
        text = " · ".join(p for p in parts[:4] if p)
        return text if len(text) <= 90 else text[:89] + "…"

    # -- review and conclusion -----------------------------------------------------------

    def _review(self) -> None:
        while True:
            for name in SECTIONS:
                self.asker.show(self.review_block(name))
            options = tuple(
                Option(name, self.t(f"section.{name}.title"), str(_number(name)))
                for name in SECTIONS
            )
            choice = self._choose(
                Question(
                    "choice",
                    key="review",
                    label=self.t("ui.reopen"),
                    options=options,
                    hint=self._hint("choice"),
                    pick_hint=self.t("hint.pick"),
                    empty=self.t("ui.finish"),
                )
            )
            if not choice:
                return
            self.section(choice)

    def review_block(self, name: str) -> Block:
        """The answers of one section, as the review shows them."""
        status = section_status(self.plan, name, self.findings())
        title = f"{_number(name)}. {self.t(f'section.{name}.title')} — {self.t(f'status.{status}')}"
        value = getattr(self.plan, name)
        lines: list[str] = []
        if isinstance(value, BaseModel):
            lines = list(self._describe(value, ""))
        elif value:
            lines = [f"- {self.summary(item)}" for item in value]
        lines = lines or [self.t("ui.nothing_yet")]
        for finding in self.findings(self.lang):
            if finding.step == name and not RULES[finding.code].completeness:
                severity = self.t(f"finding.{finding.severity}")
                lines.append(f"! {severity} {finding.code} {finding.path()}: {finding.message}")
        return Block("review", title=title, lines=tuple(lines))

    def _describe(self, obj: BaseModel, indent: str) -> Iterator[str]:
        model = type(obj)
        for name in plain(obj):
            if (model.__name__, name) in SKIPPED:
                continue
            value = getattr(obj, name)
            label = self._label(model, name)
            if isinstance(value, BaseModel):
                yield f"{indent}{label}:"
                yield from self._describe(value, indent + "  ")
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                yield f"{indent}{label}:"
                yield from (f"{indent}  - {self.summary(item)}" for item in value)
            else:
                shown = self.format_value(value)
                if isinstance(value, str) and spec(model, name).kind == "choice":
                    shown = self._value_label(model, name, value)
                yield f"{indent}{label}: {shown if shown else self.t('ui.none')}"

    def conclude(self) -> None:
        """Show the plan's summary, the result of the checks and how to render it."""

        plan = self.plan
        findings = run_checks(plan, self.lang)
        statuses = step_status(plan, findings)
        project = plan.project
        counted = hours(plan)
        team_hours, channel_hours = counted.declared or 0, counted.channels
        primary = [o.id for o in plan.objectives or [] if o.primary]
        rows = [
            (
                self.t("summary.steps"),
                f"{sum(s == 'complete' for s in statuses.values())}/{len(STEPS)}",
            ),
            (self.t("summary.members"), str(len(plan.team.members) if plan.team else 0)),
            (self.t("summary.team_hours"), self.format_value(team_hours) or "0"),
            (self.t("summary.needs"), str(len(plan.listening.needs) if plan.listening else 0)),
            (self.t("summary.objectives"), str(len(plan.objectives or []))),
            (self.t("summary.primary"), ", ".join(primary) or self.t("ui.none")),
            (self.t("summary.metrics"), str(len(plan.metrics or []))),
            (self.t("summary.segments"), str(len(plan.audience or []))),
            (
                self.t("summary.spokespeople"),
                str(len(plan.human_face.spokespeople) if plan.human_face else 0),
            ),
            (self.t("summary.channels"), str(len(plan.channels or []))),
            (self.t("summary.channel_hours"), self.format_value(channel_hours) or "0"),
        ]
        title = " — ".join(
            p for p in (project and project.organization, project and project.name) if p
        )
        self.asker.show(Block("summary", title=title or self.path, rows=tuple(rows)))

        located = load_plan(self.path) if Path(self.path).exists() else None
        lines = []
        for finding in findings:
            prefix = self.path
            if located is not None:
                prefix = located.problem(finding.loc, finding.message).location(self.path)
            severity = self.t(f"finding.{finding.severity}")
            line = f"{prefix}: {severity} {finding.code}: {finding.message}"
            if finding.hint:
                line += self.t("finding.hint", hint=finding.hint)
            lines.append(line)
        errors = sum(1 for f in findings if f.severity == "error")
        self.asker.show(
            Block(
                "findings",
                title=self.t("ui.check", errors=errors, warnings=len(findings) - errors),
                lines=tuple(lines),
            )
        )
        self.asker.show(
            Block(
                "next",
                lines=(
                    self.t(
                        "ui.render", command=f"smplan render {shlex.quote(self.path)} --format pdf"
                    ),
                ),
            )
        )


class _Refused(Exception):
    """An answer refused before it reaches the model (not one of the offered choices)."""


#: What a person named by a team member's id takes from the member.
_BORROWED = ("name", "role")


def _member_ref(model: type[BaseModel]) -> str | None:
    """The field naming a team member in a model that names a person (a spokesperson)."""
    if not set(_BORROWED) <= set(model.model_fields):
        return None
    refs = [n for n, info in model.model_fields.items() if reference_target(info) == MEMBER_KIND]
    return refs[0] if len(refs) == 1 else None


def _pick(raw: str, options: tuple[Option, ...]) -> str | None:
    folded = raw.casefold()
    for option in options:
        if folded == option.key.casefold() or folded == option.value.casefold():
            return option.value
    for option in options:
        if folded == option.label.casefold():
            return option.value
    return None


def _number(section: str) -> int:
    return SECTIONS.index(section)


def project_complete(plan: Plan, findings: list[Any] | None = None) -> bool:
    """Whether the project block has every answer the checks expect of it."""

    found = run_checks(plan) if findings is None else findings
    return not any(f.step == "project" and RULES[f.code].completeness for f in found)


def section_status(plan: Plan, name: str, findings: list[Any] | None = None) -> str:
    """The status of a section: missing, incomplete or complete (the project too).

    Pass the plan's findings when you have them, to save running the rules again.
    """

    if name != "project":
        return step_status(plan, findings)[name]
    if plan.project is None:
        return "missing"
    return "complete" if project_complete(plan, findings) else "incomplete"


def section_name(text: str) -> str:
    """The section a `--step` value names: a number (0-8) or a name like `objectives`."""
    cleaned = text.strip().casefold().replace("-", "_")
    if cleaned.isdigit() and int(cleaned) < len(SECTIONS):
        return SECTIONS[int(cleaned)]
    if cleaned in SECTIONS:
        return cleaned
    known = ", ".join(f"{n} ({name})" for n, name in enumerate(SECTIONS))
    raise UsageError(
        L_("unknown step `{step}`", step=printable(text)),
        hint=L_("use a number or a name: {steps}", steps=known),
    )


def answered(obj: BaseModel, name: str) -> bool:
    """Whether a field holds an answer: a value, an item, or a "none" said on purpose."""
    info = type(obj).model_fields[name]
    value = getattr(obj, name)
    if value is None:
        return False
    if info.default is not None and value == info.default:
        return False  # a default that holds until answered (`primary: false`)
    follows = marker(info, Follows)
    if follows is not None and value == follows.read(dict(obj)):
        # Read from the other answers (the currency of the plan's language), as `smplan
        # new` writes it out: the person has not answered it yet.
        return False
    if isinstance(value, list):
        return bool(value) or info.default_factory is not list
    if isinstance(value, BaseModel):
        return bool(plain(value))
    return True


def last_answered(plan: Plan) -> str | None:
    """Where the last answer is, in interview order: `metrics[0].target`, or None."""
    last: str | None = None
    unasked = SKIPPED | _CHOSEN_FIRST

    def walk(obj: BaseModel, path: str) -> None:
        nonlocal last
        for name in type(obj).model_fields:
            if (type(obj).__name__, name) in unasked:
                continue
            if obj is plan and name not in SECTIONS:
                continue  # a part of the plan the interview's sections do not ask
            where = f"{path}.{name}" if path else name
            value = getattr(obj, name)
            kind = spec(type(obj), name).kind
            if kind == "model" and value is not None:
                walk(value, where)
            elif kind == "items" and value:
                for index, item in enumerate(value):
                    walk(item, f"{where}[{index}]")
            elif kind not in ("model", "items") and answered(obj, name):
                last = where

    walk(plan, "")
    return last


#: Fields chosen before the interview proper starts: not a place to resume from.
_CHOSEN_FIRST: frozenset[tuple[str, str]] = frozenset({("Project", "language")})


def _section_of(path: str | None) -> str | None:
    return re.split(r"[.\[]", path, maxsplit=1)[0] if path else None


# --- pre-filled answers -----------------------------------------------------------------


def read_answers(path: Path) -> dict[str, Any]:
    """The answers a YAML file in the plan's shape gives, checked against the model."""

    name = str(path)
    text = decode_text(read_plan_file(Path(path), name), name)
    data, source = read_yaml(text, name)
    validate_data({**data, "smplan": data.get("smplan", 1)}, source, name)
    # The format version is the plan's, not an answer.
    data.pop("smplan", None)
    return data


def merge_answers(plan: Plan, answers: dict[str, Any], filename: str) -> Plan:
    """The plan with the given answers laid over it; empty answers change nothing."""
    merged = _merge(plain(plan), answers)
    try:
        return Plan.model_validate(merged)
    except ValidationError as error:
        problems = [Problem(e["msg"], path=".".join(map(str, e["loc"]))) for e in error.errors()]
        raise PlanInvalidError(filename, problems) from None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            if value is None or value == [] or value == {}:
                continue
            out[key] = _merge(base.get(key), value)
        return out
    if isinstance(base, list) and isinstance(extra, list) and _by_id(base) and _by_id(extra):
        out_list = list(base)
        positions = {item["id"]: i for i, item in enumerate(out_list)}
        for item in extra:
            if item["id"] in positions:
                out_list[positions[item["id"]]] = _merge(out_list[positions[item["id"]]], item)
            else:
                out_list.append(item)
        return out_list
    return extra


def _by_id(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and "id" in item for item in items)


# --- where the plan stands, without a terminal ------------------------------------------


def missing(plan: Plan, lang: str) -> list[str]:
    """What is still to answer, section by section, as lines for a message."""

    everything = run_checks(plan, lang)
    findings = [f for f in everything if RULES[f.code].completeness]
    lines = []
    for name in SECTIONS:
        status = section_status(plan, name, everything)
        if status == "complete":
            continue
        title = tr(f"section.{name}.title", lang)
        lines.append(f"{_number(name)}. {title} ({tr(f'status.{status}', lang)})")
        if status == "incomplete":
            lines += [f"   - {f.message}" for f in findings if f.step == name]
    return lines


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
