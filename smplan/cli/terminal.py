"""The terminal side of the interview: Rich output, one answer per line from stdin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape as _markup_escape

from smplan.errors import printable_lines

if TYPE_CHECKING:
    from smplan.interview.session import Block, Question


def escape(text: str) -> str:
    """Text from the plan or the user, safe to print: no markup, no terminal controls."""
    return _markup_escape(printable_lines(text))


class TerminalAsker:
    """Asks the interview's questions on a Rich console and reads answers from stdin."""

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
        self.out.print(prompt + ": ", end="", soft_wrap=True)
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
