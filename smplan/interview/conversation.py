"""The conversation with the person: one question at a time, and "back" to the one before.

Headings wait until a question under them is asked, so a step or a list whose every
answer is already given shows nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from smplan.interview.questions import BACK, Asker, Block, Question, Questions, pick


@dataclass
class Conversation:
    """What is said to the `Asker` and what it answers, in the interview's language."""

    asker: Asker
    questions: Questions
    #: Headings shown only once a question under them is asked.
    pending: list[Block] = field(default_factory=list)
    #: Asks again the last value question answered, where "back" (`<`) goes; used once.
    back: Callable[[], None] | None = None

    def show(self, block: Block) -> None:
        """Show a block at once."""
        self.asker.show(block)

    def error(self, text: str) -> None:
        """Say why an answer was refused."""
        self.asker.show(Block("error", lines=(text,)))

    def ask(self, question: Question) -> str:
        """Put a question, after the headings waiting for it; the answer as typed."""
        for block in self.pending:
            self.asker.show(block)
        self.pending.clear()
        if question.key != "project.language":  # asked in every language at once
            question = dataclasses.replace(question, end=self.questions.t("ui.prompt_end"))
        return self.asker.ask(question)

    def went_back(self, raw: str) -> bool:
        """Whether the answer asks to go back; if so, the previous question is asked again."""
        if raw.casefold() not in (BACK, self.questions.t("ui.back_word").casefold()):
            return False
        if self.back is None:
            self.show(Block("note", lines=(self.questions.t("ui.no_back"),)))
            return True
        previous, self.back = self.back, None
        previous()
        return True

    def choose(self, question: Question) -> str:
        """One of the question's options; its default for an empty answer, else ""."""
        while True:
            raw = self.ask(question).strip()
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
            if self.went_back(word):
                continue
            if not word:
                return default
            agreed = self.questions.agrees(word)
            if agreed is not None:
                return agreed
            self.error(self.questions.t("ui.yes_or_no"))
