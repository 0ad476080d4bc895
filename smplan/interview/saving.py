"""The plan being answered: each answer put where it goes, saved at once, judged at once.

The plan is saved after every answer, so an interview stopped at any point loses
nothing; the rules run once per saved change, and what they find right under an answer
is said while it can still be answered again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from smplan.checks.service import STORE, judge
from smplan.interview.conversation import Conversation
from smplan.interview.questions import Block, Option, Questions
from smplan.plan.model import Plan
from smplan.plan.roundtrip import PlanWriter


class Slot:
    """A part of the plan being answered, attached to the plan at its first answer.

    A new list item or sub-section is built apart and joins the plan only once it holds
    an answer, so an abandoned "add another?" never leaves an empty entry in the file.
    """

    def __init__(
        self, attach: Callable[[], None] | None = None, parent: Slot | None = None
    ) -> None:
        self._attach = attach
        self._parent = parent

    def ensure(self) -> None:
        """Attach this part (and the parts it belongs to) to the plan, if not yet done."""
        if self._attach is None:
            return
        if self._parent is not None:
            self._parent.ensure()
        attach, self._attach = self._attach, None
        attach()


#: What is already in the plan.
ATTACHED = Slot()


def appending(owner: BaseModel, name: str, item: BaseModel) -> Callable[[], None]:
    """What attaches `item` to the list `name` of `owner`, the list made if need be."""

    def attach() -> None:
        if getattr(owner, name) is None:
            setattr(owner, name, [])
        getattr(owner, name).append(item)

    return attach


def setting(owner: BaseModel, name: str, value: BaseModel) -> Callable[[], None]:
    """What attaches `value` as the field `name` of `owner`."""

    def attach() -> None:
        setattr(owner, name, value)

    return attach


@dataclass
class Draft:
    """The plan as the interview answers it, written to its file after every change."""

    plan: Plan
    writer: PlanWriter
    talk: Conversation
    #: The findings of the plan as last saved, by language: the checks run once per change.
    _findings: dict[str | None, list[Any]] = field(default_factory=dict)
    #: Findings already reported while answering, so a kept one is not reported again.
    _reported: set[tuple[str, str, str]] = field(default_factory=set)

    @property
    def questions(self) -> Questions:
        """The plan's questions, in the interview's language."""
        return self.talk.questions

    def findings(self, lang: str | None = None) -> list[Any]:
        """The plan's findings, computed once per saved change."""
        if lang not in self._findings:
            self._findings[lang] = judge(self.plan, lang=lang).findings
        return self._findings[lang]

    def missing_in(self, path: str) -> frozenset[str]:
        """The paths of the needed fields still missing at or under `path`."""
        below = (path + ".", path + "[")
        return frozenset(
            at
            for f in self.findings()
            if STORE[f.code].completeness and ((at := f.path()) == path or at.startswith(below))
        )

    def save(self) -> None:
        """Write the plan as it stands (once the replay of a run, if any, is over)."""
        self._findings.clear()
        if not self.talk.replaying:
            self.writer.save(self.plan)

    def commit(self, slot: Slot) -> None:
        """Attach the part just answered to the plan, and save."""
        slot.ensure()
        self.save()

    def assign(self, obj: BaseModel, slot: Slot, name: str, value: Any) -> bool:
        """Give field `name` of `obj` an answer and save; False, said why, if refused."""
        before = getattr(obj, name)
        try:
            setattr(obj, name, value)
        except ValidationError as error:
            self.reject(error, type(obj), name)
            return False
        if getattr(obj, name) != before:
            self.commit(slot)
        return True

    def reject(self, error: ValidationError, model: type[BaseModel], name: str) -> None:
        """Say why the model refused an answer to field `name` of `model`."""
        self.talk.error(self.questions.rejection(error, model, name))

    def judge(self, path: str, ask: bool = True) -> bool:
        """Report the rules broken at or under `path` that can be judged now.

        Returns True when the person chooses to answer again, False to keep the answer.
        """
        found = [
            f
            for f in self.findings(self.questions.lang)
            if STORE[f.code].at_once and re.match(rf"{re.escape(path)}(\.|\[|$)", f.path())
        ]
        new = [f for f in found if (f.code, f.path(), f.message) not in self._reported]
        if not new:
            return False
        keys = {(f.code, f.path(), f.message) for f in new}
        self._reported |= keys
        t = self.questions.t
        lines = tuple(self.talk.finding(finding) for finding in new)
        self.talk.show(Block("finding", lines=lines))
        if not ask:
            return False
        options = tuple(
            Option(a, t(f"ui.action.{a}"), str(n))
            for n, a in enumerate(("fix", "keep_anyway"), start=1)
        )
        choice = self.talk.choose(
            self.questions.choice(f"{path}!", t("ui.fix_or_keep"), options, default="fix")
        )
        if choice == "fix":
            self._reported -= keys  # answered again: judged again
            return True
        return False
