"""The terminal side of the interview: Rich output, answers read by one of two askers.

`TerminalAsker` reads plain lines (a pipe, the tests, a terminal that cannot move its
cursor); `PromptAsker` edits them on prompt_toolkit in a real terminal. Both put the same
questions: the interview does not know which one answers.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.markup import escape as _markup_escape

from smplan.errors import printable_lines
from smplan.interview.questions import CLEAR, Block, Question


def escape(text: str) -> str:
    """Text from the plan or the user, safe to print: no markup, no terminal controls."""
    return _markup_escape(printable_lines(text))


class TerminalAsker:
    """Asks the interview's questions on a Rich console and reads plain lines from stdin."""

    def __init__(self, out: Console, echo: bool = False) -> None:
        self.out = out
        # Piped answers are not echoed by a terminal: print them so the transcript reads.
        self.echo = echo

    def ask(self, question: Question) -> str:
        """Show the question, its help and its choices, and read one line."""
        if question.help:
            self.out.print(f"[dim]{escape(question.help)}[/]", soft_wrap=True)
        for option in question.options:
            self.out.print(
                f"  [cyan]{escape(option.key)}[/]. {escape(option.label)}", soft_wrap=True
            )
        prompt = f"[bold]{escape(question.label)}[/]"
        if question.hint:
            prompt += f" [dim]({escape(question.hint)})[/]"
        default = self._default(question)
        if default:
            prompt += f" [green]\\[{escape(default)}][/]"
        self.out.print(prompt + _markup_escape(question.end), end="", soft_wrap=True)
        answer = input()
        if self.echo:
            self.out.print(escape(answer), soft_wrap=True, highlight=False)
        return answer

    @staticmethod
    def _default(question: Question) -> str | None:
        for option in question.options:
            if option.value == question.default:
                return option.label
        return question.default

    def show(self, block: Block) -> None:
        """Print a block of the interview in the style its kind calls for."""
        out = self.out
        if block.kind == "guidance":
            from rich.panel import Panel

            body = "\n\n".join(f"[bold]{escape(k)}[/]\n{escape(v)}" for k, v in block.rows)
            out.print()
            out.print(Panel(body, title=f"[bold]{escape(block.title)}[/]", title_align="left"))
        elif block.kind == "heading":
            out.print()
            out.print(f"[bold underline]{escape(block.title)}[/]", soft_wrap=True)
            for line in block.lines:
                out.print(f"[dim]{escape(line)}[/]", soft_wrap=True)
        elif block.kind == "error":
            for line in block.lines:
                out.print(f"[red]{escape(line)}[/]", soft_wrap=True)
        elif block.kind == "finding":
            for line in block.lines:
                out.print(f"[yellow]{escape(line)}[/]", soft_wrap=True)
        elif block.kind in ("status", "summary"):
            out.print()
            out.print(f"[bold]{escape(block.title)}[/]", soft_wrap=True)
            width = max((len(k) for k, _ in block.rows), default=0)
            for key, value in block.rows:
                out.print(f"  {escape(key.ljust(width))}  {escape(value)}", soft_wrap=True)
        elif block.kind in ("review", "findings"):
            out.print()
            out.print(f"[bold]{escape(block.title)}[/]", soft_wrap=True)
            for line in block.lines:
                out.print(f"  {escape(line)}", soft_wrap=True)
        elif block.kind == "next":
            out.print()
            for line in block.lines:
                out.print(f"[bold]{escape(line)}[/]", soft_wrap=True)
        else:
            for line in block.lines:
                out.print(f"[dim]{escape(line)}[/]", soft_wrap=True)


class PromptAsker(TerminalAsker):
    """Asks in a real terminal: lines edited in place, choices picked with the arrow keys.

    A text answer is edited on one line (arrows, Home, End, Ctrl-U), starting from the
    current answer, with the earlier answers a press of Up away. A choice is a list moved
    through with the arrow keys and filtered by typing; several choices are ticked with
    Space. Ctrl-C and Ctrl-D stop the interview as they do on plain lines.
    """

    def __init__(self, out: Console) -> None:
        super().__init__(out)
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory

        self.session: PromptSession[str] = PromptSession(history=InMemoryHistory())

    def ask(self, question: Question) -> str:
        if question.help:
            self.out.print(f"[dim]{escape(question.help)}[/]", soft_wrap=True)
        if question.kind == "choice" and question.options:
            return self._select(question)
        if question.kind == "choices" and question.options:
            return self._checkbox(question)
        from prompt_toolkit.formatted_text import FormattedText

        message = FormattedText([("bold", question.label)])
        if question.hint:
            message.append(("fg:ansibrightblack", f" ({question.hint})"))
        default = question.default or ""
        if question.kind == "confirm":
            # y/n is typed over nothing: a default edited in place would be typed after.
            message.append(("fg:ansigreen", f" [{default}]"))
            default = ""
        message.append(("", question.end))
        return self.session.prompt(message, default=default)

    def _select(self, question: Question) -> str:
        import questionary

        choices = [questionary.Choice(title=o.label, value=o.key) for o in question.options]
        if question.empty:
            choices.append(questionary.Choice(title=question.empty, value=""))
        default = next(
            (
                c
                for c, o in zip(choices, question.options, strict=False)
                if o.value == question.default
            ),
            None,
        )
        answer: Any = questionary.select(
            question.label,
            choices=choices,
            default=default,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=question.pick_hint or None,
            qmark="",
        ).unsafe_ask()
        return str(answer or "")

    def _checkbox(self, question: Question) -> str:
        import questionary

        current = {v.strip() for v in (question.default or "").split(",") if v.strip()}
        choices = [
            questionary.Choice(title=o.label, value=o.key, checked=o.value in current)
            for o in question.options
        ]
        answer: list[str] = questionary.checkbox(
            question.label,
            choices=choices,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=question.pick_hint or None,
            qmark="",
        ).unsafe_ask()
        if not answer:
            return CLEAR if current else ""
        return ", ".join(answer)


def asker_for(out: Console, interactive: bool) -> TerminalAsker:
    """The asker the terminal allows: edited lines in a real terminal, plain lines otherwise."""
    if interactive and sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit.utils import is_dumb_terminal

        if not is_dumb_terminal():
            return PromptAsker(out)
    # Piped answers are not echoed by a terminal: print them so the transcript reads.
    return TerminalAsker(out, echo=interactive and not sys.stdin.isatty())
