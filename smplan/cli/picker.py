"""Choices picked in a real terminal: a list moved through with the arrow keys.

Typing filters the list, by any letter and ignoring accents and case (`ger` and `gér`
both find Gérant); a number typed alone picks the choice of that number, as the plain
prompt's "its number" says; `<` goes back one question instead of filtering. Enter picks
the choice under the pointer, which starts on the current answer; several choices are
ticked with Space. Every word shown is the interview's own, from its catalogs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.styles import Style

from smplan.interview.questions import BACK, Option

#: How the list looks; no colour carries a meaning of its own (the pointer and marks do).
STYLE = Style.from_dict(
    {
        "question": "bold",
        "hint": "fg:ansibrightblack",
        "filter": "fg:ansicyan",
        "pointed": "reverse",
        "key": "fg:ansibrightblack",
    }
)


def fold(text: str) -> str:
    """Text as a filter compares it: lowercase, without accents."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c))


@dataclass
class Picker:
    """The state of one list: what is typed, what is shown, where the pointer is."""

    options: tuple[Option, ...]
    many: bool = False
    typed: str = ""
    pointer: int = 0
    ticked: set[str] = field(default_factory=set)

    @property
    def shown(self) -> list[Option]:
        """The options the typed text keeps: those whose number it is or whose name holds
        it; all of them while nothing is typed, or when it keeps none."""
        if not self.typed:
            return list(self.options)
        wanted = fold(self.typed)
        by_key = [o for o in self.options if o.key == self.typed]
        found = by_key + [o for o in self.options if wanted in fold(o.label) and o not in by_key]
        return found or list(self.options)

    def type(self, text: str) -> None:
        """Add to the filter, the pointer on the first option kept."""
        self.typed += text
        self.pointer = 0

    def erase(self) -> None:
        """Take the last character off the filter."""
        self.typed = self.typed[:-1]
        self.pointer = 0

    def move(self, step: int) -> None:
        """Move the pointer, round the list."""
        count = len(self.shown)
        if count:
            self.pointer = (self.pointer + step) % count

    def current(self) -> Option | None:
        """The option under the pointer."""
        shown = self.shown
        return shown[min(self.pointer, len(shown) - 1)] if shown else None

    def tick(self) -> None:
        """Tick the option under the pointer, or untick it."""
        option = self.current()
        if option is not None:
            self.ticked ^= {option.value}


def pick(
    label: str,
    options: tuple[Option, ...],
    *,
    default: str | None,
    hint: str,
    many: bool = False,
    typeset: Callable[[str], str] = str,
) -> tuple[str, list[Option]]:
    """Ask for one option (or several ticked, `many`); the answer as the keys picked,
    `BACK` to go back. Ctrl-C raises KeyboardInterrupt, Ctrl-D EOFError."""
    state = Picker(options, many)
    if many:
        current = {v.strip() for v in (default or "").split(",") if v.strip()}
        state.ticked = {o.value for o in options if o.value in current}
    else:
        state.pointer = next((i for i, o in enumerate(options) if o.value == default), 0)

    def header() -> StyleAndTextTuples:
        line: StyleAndTextTuples = [("class:question", typeset(label))]
        if state.typed:
            line.append(("class:filter", f"  {state.typed}"))
        else:
            line.append(("class:hint", f"  ({typeset(hint)})"))
        return line

    def rows() -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        width = max((len(o.key) for o in options), default=0)
        for index, option in enumerate(state.shown):
            pointed = index == state.pointer
            mark = ("[x] " if option.value in state.ticked else "[ ] ") if many else ""
            number = f"{option.key}." if option.key else ""
            out.append(("", "» " if pointed else "  "))
            out.append(("class:key", f"{number:>{width + 1}} " if width else ""))
            out.append(("class:pointed" if pointed else "", f"{mark}{typeset(option.label)}"))
            out.append(("", "\n"))
        return out

    keys = KeyBindings()

    @keys.add(Keys.ControlC, eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    @keys.add(Keys.ControlD, eager=True)
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError())

    @keys.add(Keys.Up, eager=True)
    def _up(event: KeyPressEvent) -> None:
        state.move(-1)

    @keys.add(Keys.Down, eager=True)
    def _down(event: KeyPressEvent) -> None:
        state.move(1)

    @keys.add(Keys.Backspace, eager=True)
    def _erase(event: KeyPressEvent) -> None:
        state.erase()

    @keys.add(Keys.Enter, eager=True)
    def _choose(event: KeyPressEvent) -> None:
        if many:
            event.app.exit(result=[o for o in options if o.value in state.ticked])
            return
        option = state.current()
        if option is not None:
            event.app.exit(result=[option])

    @keys.add(Keys.Any)
    def _typed(event: KeyPressEvent) -> None:
        text = event.data
        if not text or not text.isprintable():
            return
        if text == BACK:
            event.app.exit(result=None)
        elif text == " " and many:
            state.tick()
        else:
            state.type(text)

    layout = Layout(
        HSplit(
            [
                Window(FormattedTextControl(header), height=1, dont_extend_height=True),
                Window(FormattedTextControl(rows), dont_extend_height=True),
            ]
        )
    )
    app: Application[list[Option] | None] = Application(
        layout=layout, key_bindings=keys, style=STYLE, erase_when_done=True
    )
    chosen = app.run()
    if chosen is None:
        return BACK, []
    return ", ".join(o.key for o in chosen), chosen
