"""The terminal side of the interview: Rich output, answers read by one of two askers.

`TerminalAsker` reads plain lines (a pipe, the tests, a terminal that cannot move its
cursor); `PromptAsker` edits them on prompt_toolkit in a real terminal. Both put the same
questions: the interview does not know which one answers. What they show is set in the
typography of the interview's language, as the document is on paper.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as _markup_escape

from smplan.errors import printable_lines
from smplan.interview.questions import BACK, CLEAR, Block, Option, Question
from smplan.render.typography import typeset


def escape(text: str) -> str:
    """Text from the plan or the user, safe to print: no markup, no terminal controls."""
    return _markup_escape(printable_lines(text))


def set_for(lang: str, text: str) -> str:
    """Text set in the typography of `lang` (French spaces before `:`, inside « »)."""
    return str(typeset(text, lang)) if lang else text


def fold(text: str, width: int) -> str:
    """`text` broken between words into lines of at most `width` cells.

    Only a plain space is a place to break: a no-break space keeps a French colon or
    guillemet with its word, where Rich's own wrapping would break at any space.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            longer = f"{line} {word}" if line else word
            if line and cell_len(longer) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        lines.append(line)
    return "\n".join(lines)


class TerminalAsker:
    """Asks the interview's questions on a Rich console and reads plain lines from stdin."""

    #: Lines are left whole for a pipe or a transcript; a real terminal has its help,
    #: headings and findings broken between words at its width.
    folds = False

    def __init__(self, out: Console, echo: bool = False) -> None:
        self.out = out
        # Piped answers are not echoed by a terminal: print them so the transcript reads.
        self.echo = echo

    def ask(self, question: Question) -> str:
        """Show the question, its help and its choices, and read one line."""
        say = self._setter(question.lang)
        if question.help:
            self.out.print(f"[dim]{say(question.help)}[/]", soft_wrap=True)
        for option in question.options:
            self.out.print(f"  [cyan]{escape(option.key)}[/]. {say(option.label)}", soft_wrap=True)
        prompt = f"[bold]{say(question.label)}[/]"
        if question.hint:
            prompt += f" [dim]({say(question.hint)})[/]"
        default = self._default(question)
        if default:
            prompt += f" [green]\\[{escape(default)}][/]"
        self.out.print(prompt + _markup_escape(question.end), end="", soft_wrap=True)
        answer = input()
        if self.echo:
            self.out.print(escape(answer), soft_wrap=True, highlight=False)
        return answer

    def _setter(self, lang: str, margin: int = 0) -> Any:
        """How text is said: in the language's typography, safe to print, and folded to
        the terminal's width less `margin` where the terminal is a real one."""
        if not self.folds:
            return lambda text: escape(set_for(lang, text))
        width = max(self.out.width - margin, 20)
        return lambda text: escape(fold(set_for(lang, text), width))

    @staticmethod
    def _default(question: Question) -> str | None:
        """The default as the person reads it: a choice by its name, not its stored value."""
        if not question.default or not question.options:
            return question.default or None
        names = {o.value: o.label for o in question.options}
        if question.kind == "choices":
            parts = [p.strip() for p in question.default.split(",") if p.strip()]
            return ", ".join(names.get(p, p) for p in parts)
        return names.get(question.default, question.default)

    def show(self, block: Block) -> None:
        """Print a block of the interview in the style its kind calls for."""
        out = self.out
        say = self._setter(block.lang)
        if block.kind == "guidance":
            from rich.panel import Panel

            inside = self._setter(block.lang, margin=4)
            body = "\n\n".join(f"[bold]{inside(k)}[/]\n{inside(v)}" for k, v in block.rows)
            out.print()
            out.print(Panel(body, title=f"[bold]{say(block.title)}[/]", title_align="left"))
        elif block.kind == "heading":
            out.print()
            out.print(f"[bold underline]{say(block.title)}[/]", soft_wrap=True)
            for line in block.lines:
                out.print(f"[dim]{say(line)}[/]", soft_wrap=True)
        elif block.kind == "error":
            for line in block.lines:
                out.print(f"[red]{say(line)}[/]", soft_wrap=True)
        elif block.kind == "finding":
            for line in block.lines:
                out.print(f"[yellow]{say(line)}[/]", soft_wrap=True)
        elif block.kind in ("status", "summary"):
            out.print()
            out.print(f"[bold]{say(block.title)}[/]", soft_wrap=True)
            width = max((len(k) for k, _ in block.rows), default=0)
            for key, value in block.rows:
                out.print(f"  {say(key.ljust(width))}  {say(value)}", soft_wrap=True)
        elif block.kind in ("review", "findings"):
            out.print()
            out.print(f"[bold]{say(block.title)}[/]", soft_wrap=True)
            indented = self._setter(block.lang, margin=2)
            for line in block.lines:
                out.print(f"  {indented(line)}".replace("\n", "\n  "), soft_wrap=True)
        elif block.kind == "next":
            out.print()
            for line in block.lines:
                out.print(f"[bold]{say(line)}[/]", soft_wrap=True)
        else:
            for line in block.lines:
                out.print(f"[dim]{say(line)}[/]", soft_wrap=True)


class PromptAsker(TerminalAsker):
    """Asks in a real terminal: lines edited in place, choices picked with the arrow keys.

    A text answer is edited on one line (arrows, Home, End, Ctrl-U), starting from the
    current answer, with the earlier answers a press of Up away; what the line holds is
    judged as it is typed (a unit of the wrong kind, a date past the plan's end), and
    Enter does not take an answer that would be refused. A choice is a list moved through
    with the arrow keys and filtered by typing (`smplan.cli.picker`); several choices are
    ticked with Space. Ctrl-C and Ctrl-D stop the interview as they do on plain lines.
    """

    folds = True

    def __init__(self, out: Console) -> None:
        super().__init__(out)
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory

        self.session: PromptSession[str] = PromptSession(history=InMemoryHistory())

    def ask(self, question: Question) -> str:
        say = self._setter(question.lang)
        if question.help:
            self.out.print(f"[dim]{say(question.help)}[/]", soft_wrap=True)
        if question.kind in ("choice", "choices") and question.options:
            return self._pick(question)
        from prompt_toolkit.formatted_text import FormattedText

        message = FormattedText([("bold", set_for(question.lang, question.label))])
        if question.hint:
            message.append(("fg:ansibrightblack", f" ({set_for(question.lang, question.hint)})"))
        default = question.default or ""
        if question.kind == "confirm":
            # y/n is typed over nothing: a default edited in place would be typed after.
            if default:
                message.append(("fg:ansigreen", f" [{default}]"))
            default = ""
        message.append(("", question.end))
        if question.retry is not None:
            default = question.retry  # the refused answer, to be corrected rather than retyped
        self._judge_lines(question)
        return self.session.prompt(message, default=default, key_bindings=_back_key(default))

    def _judge_lines(self, question: Question) -> None:
        """Judge the line as it is typed: a refusal holds Enter back, a warning is shown."""
        from prompt_toolkit.validation import ValidationError, Validator

        session = self.session
        if question.check is None:
            session.validator = None
            session.bottom_toolbar = None
            return
        check = question.check
        lang = question.lang

        class Judge(Validator):
            def validate(self, document: Any) -> None:
                refused = check(document.text).refused
                if refused:
                    raise ValidationError(len(document.text), set_for(lang, refused))

        def toolbar() -> str | None:
            said = check(session.default_buffer.text).warnings
            return set_for(lang, " · ".join(said)) if said else None

        session.validator = Judge()
        session.validate_while_typing = True
        session.bottom_toolbar = toolbar

    def _pick(self, question: Question) -> str:
        from smplan.cli.picker import pick

        options = question.options
        if question.empty and question.kind == "choice":
            options = (*options, Option("", question.empty, ""))
        default = question.default
        if default is None and question.empty and question.kind == "choice":
            default = ""  # Enter takes the empty answer the list offers ("finish")
        keys, chosen = pick(
            question.label,
            options,
            default=default,
            hint=question.pick_hint or question.hint,
            many=question.kind == "choices",
            typeset=lambda text: set_for(question.lang, text),
        )
        if keys == BACK:
            return BACK
        shown = ", ".join(o.label for o in chosen) or "—"
        label = set_for(question.lang, question.label + question.end.rstrip() + " ")
        self.out.print(f"[bold]{escape(label)}[/]{escape(set_for(question.lang, shown))}")
        if question.kind == "choices":
            if not chosen:
                return CLEAR if question.default else ""
            return keys
        (option,) = chosen
        if option.value == "":
            # The empty answer the list offers: leave empty, or finish.
            return CLEAR if question.default else ""
        return keys


def _back_key(default: str) -> Any:
    """`<` typed over an answer offered and not yet edited goes back, as on an empty line."""
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

    keys = KeyBindings()

    @keys.add(BACK)
    def _back(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if default and buffer.text == default:
            event.app.exit(result=BACK)
        else:
            buffer.insert_text(BACK)

    return keys


def asker_for(out: Console, interactive: bool) -> TerminalAsker:
    """The asker the terminal allows: edited lines in a real terminal, plain lines otherwise."""
    if interactive and sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit.utils import is_dumb_terminal

        if not is_dumb_terminal():
            return PromptAsker(out)
    # Piped answers are not echoed by a terminal: print them so the transcript reads.
    return TerminalAsker(out, echo=interactive and not sys.stdin.isatty())
