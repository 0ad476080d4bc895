"""The conversation with the person: one question at a time, and "back" to the one before.

Headings wait until a question under them is asked, so a step or a list whose every
answer is already given shows nothing.

Going back (`<`) works on any question, a proposal or an "add another?" included: every
answer of the run is recorded, and going back runs the interview again from where it
started, answering each question from the record but the last, without showing or
saving anything, until the question before the one asked. That question is then asked
again as it was, with what was shown just before it (a proposal, a heading) and the
answer given to it ready to be edited. Nothing is lost: a proposal declined and gone
back over is proposed again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from smplan.interview.questions import BACK, CLEAR, Asker, Block, Question, Questions, pick


class GoBack(Exception):
    """The person asked to go back one question."""


@dataclass
class Record:
    """The answers given in this run, in order, to replay after going back."""

    answers: list[str] = field(default_factory=list)
    #: Whether each answer was refused (asked again at once): going back passes over it.
    refused: list[bool] = field(default_factory=list)
    #: Whether the interview is replaying the record rather than asking.
    replaying: bool = False
    #: How many recorded answers have been given, replayed or asked.
    position: int = 0
    #: What was shown while replaying since the last answer: shown before the next question.
    held: list[Block] = field(default_factory=list)
    #: The answer to offer for editing where the replay stops.
    retry: str | None = None

    def can_go_back(self) -> bool:
        """Whether an answer was taken that going back can return to."""
        return not all(self.refused)

    def back(self) -> None:
        """Forget the last answer taken (and the refused ones after it), to replay the rest."""
        while self.refused and self.refused[-1]:
            self.answers.pop()
            self.refused.pop()
        self.retry = self.answers.pop()
        self.refused.pop()
        self.replaying, self.position, self.held = True, 0, []


@dataclass
class Conversation:
    """What is said to the `Asker` and what it answers, in the interview's language."""

    asker: Asker
    questions: Questions
    record: Record = field(default_factory=Record)
    #: Headings shown only once a question under them is asked.
    pending: list[Block] = field(default_factory=list)
    #: Called when a replay stops and the person is asked again (to save the plan).
    live: Callable[[], None] | None = None
    #: Whether findings show their rule's code and place in the file (`smplan --debug`).
    debug: bool = False

    @property
    def replaying(self) -> bool:
        """Whether answers come from the record, not from the person."""
        return self.record.replaying

    def show(self, block: Block) -> None:
        """Show a block at once (held while replaying, for the question it comes before)."""
        block = dataclasses.replace(block, lang=self.questions.lang)
        record = self.record
        if block.kind == "error" and record.position:
            record.refused[record.position - 1] = True
        if record.replaying:
            record.held.append(block)
        else:
            self.asker.show(block)

    def error(self, text: str) -> None:
        """Say why an answer was refused."""
        self.show(Block("error", lines=(text,)))

    def ask(self, question: Question) -> str:
        """Put a question, after the headings waiting for it; the answer as typed.

        Raises `GoBack` when the answer asks to go back.
        """
        for block in self.pending:
            self.show(block)
        self.pending.clear()
        if question.key != "project.language":  # asked in every language at once
            question = dataclasses.replace(
                question, end=self.questions.t("ui.prompt_end"), lang=self.questions.lang
            )
        record = self.record
        if record.replaying and record.position < len(record.answers):
            record.held.clear()
            record.position += 1
            return record.answers[record.position - 1]
        if record.replaying:
            self._stop_replaying()
            question = self._again(question, record.retry)
            record.retry = None
        while True:
            answer = self.asker.ask(question)
            if not self.is_back(answer):
                break
            if record.can_go_back():
                raise GoBack
            self.show(Block("note", lines=(self.questions.t("ui.no_back"),)))
        record.answers.append(answer)
        record.refused.append(False)
        record.position += 1
        return answer

    def _stop_replaying(self) -> None:
        record = self.record
        record.replaying = False
        held, record.held = record.held, []
        for block in held:
            self.asker.show(block)
        if self.live is not None:
            self.live()

    @staticmethod
    def _again(question: Question, answer: str | None) -> Question:
        """The question gone back to, with the answer given to it ready to be edited."""
        if not answer:
            return question
        if question.kind == "choice":
            picked = pick(answer, question.options)
            return dataclasses.replace(question, default=picked) if picked else question
        if question.kind == "choices":
            return question
        return dataclasses.replace(question, retry=answer)

    def finding(self, finding: Any, where: str = "") -> str:
        """A finding as the person reads it: in words, its ids as names; with its code and
        its place in the file only for `--debug`."""
        q = self.questions
        message = q.in_words(finding.message) or finding.message
        hint = q.in_words(finding.hint) if finding.hint else None
        line = message[:1].upper() + message[1:]
        if hint:
            line += q.t("finding.hint", hint=hint)
        if self.debug:
            line = f"{where or finding.path()}: {finding.code}: {line}"
        return line

    def is_back(self, raw: str) -> bool:
        """Whether an answer asks to go back one question: `<`, or the language's word."""
        return raw.strip().casefold() in (BACK, self.questions.t("ui.back_word").casefold())

    def choose(self, question: Question) -> str:
        """One of the question's options; its default for an empty answer, else ""."""
        while True:
            raw = self.ask(question).strip()
            if raw == CLEAR:
                return ""  # the empty answer a list offers: someone else, nothing
            if not raw and question.default is not None:
                return question.default
            picked = pick(raw, question.options)
            if picked is not None:
                return picked
            if not raw:
                return ""
            self.error(self.questions.not_a_choice(question, raw))

    def confirm(self, key: str, label: str, default: bool) -> bool:
        """A yes or no, `default` for an empty answer."""
        question = Question(
            "confirm",
            key=key,
            label=label,
            default=self.questions.yes_no(default),
            hint=self.questions.hint("confirm"),
        )
        while True:
            word = self.ask(question).strip().casefold()
            if not word:
                return default
            agreed = self.questions.agrees(word)
            if agreed is not None:
                return agreed
            self.error(self.questions.t("ui.yes_or_no"))
