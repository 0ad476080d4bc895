"""An asker that answers the interview from the plan the person has in mind.

Given the answers a person would give, in the plan's own shape, it answers each question
by the place its key names: a value as typed, a list on one line or one item at a time,
yes to "add another?" while items are left, Enter where the plan holds nothing there (a
proposal taken as it is). It counts the questions, so that the length of a path can be
measured on any plan without writing its answers one by one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from smplan.interview.questions import Block, Question

_INDEX = re.compile(r"\[(\d+)\]")


class Oracle:
    """Answers each question from `target`, the plan's data as the person means it."""

    def __init__(self, target: dict[str, Any], lang: str = "en") -> None:
        self.target = target
        self.lang = lang
        self.questions: list[Question] = []
        self.blocks: list[Block] = []
        #: How many items of each list were begun, by the list's path.
        self.begun: dict[str, int] = {}

    def show(self, block: Block) -> None:
        self.blocks.append(block)

    def ask(self, question: Question) -> str:
        self.questions.append(question)
        key = question.key
        if key == "project.language":
            return self.lang
        if key == "review" or key.endswith(("?", "!")) or re.search(r"\]$", key) and (
            question.kind == "choice" and question.options and question.options[0].value == "keep"
        ):
            # Proposals taken, findings kept, items kept, the review ended: Enter.
            return "2" if key.endswith("!") else ""
        if key.endswith("[+]"):
            path = key[:-3]
            wanted = len(self._at(path) or [])
            return "y" if self.begun.get(path, 0) < wanted else "n"
        for found in _INDEX.finditer(key):
            path = key[: found.start()]
            self.begun[path] = max(self.begun.get(path, 0), int(found.group(1)) + 1)
        value = self._at(key)
        if value is None and key.endswith("[0]") and self._at(key[:-3]) == []:
            return "-"  # a list said empty on purpose
        return self._typed(value, question)

    def _at(self, key: str) -> Any:
        """The target's value at a question's key: `listening.needs[0].source`."""
        value: Any = self.target
        for part in re.findall(r"[^.\[\]]+|\[\d+\]", key):
            if part.startswith("["):
                index = int(part[1:-1])
                if not isinstance(value, list) or index >= len(value):
                    return None
                value = value[index]
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
        return value

    def _typed(self, value: Any, question: Question) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "y" if value else "n"
        if isinstance(value, list):
            if question.kind == "choices":
                return ", ".join(str(v) for v in value) or "-"
            if value and isinstance(value[0], dict):
                return ""  # items asked one by one
            return ", ".join(str(v) for v in value) or "-"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)
