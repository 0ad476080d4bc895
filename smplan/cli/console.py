"""The consoles every command prints through, created on first use.

Output to a terminal goes through Rich. Output to a file or a pipe carries no styles, and
Rich would only strip the markup: there a plain console writes the same text itself, so
`smplan check plan.yaml > report.txt` never imports Rich (about a tenth of its start-up).
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

#: A markup tag as Rich reads it (`rich.markup.RE_TAGS`), with the backslashes before it.
_TAG = re.compile(r"((\\*)\[([a-z#/@][^\[]*?)])")
#: Characters Rich's `Text` removes or expands; text holding one goes through Rich itself.
_RICH_ONLY = re.compile(r"[\t\x07\x08\x0b\x0c\x0d]")
#: Settings under which Rich styles output that is not a terminal (or sizes it differently).
_RICH_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS")


def escape(markup: str) -> str:
    """`markup` with its square brackets escaped, exactly as `rich.markup.escape` does."""

    def double(match: re.Match[str]) -> str:
        backslashes, text = match.groups()
        return f"{backslashes}{backslashes}\\{text}"

    markup = re.sub(r"(\\*)(\[[a-z#/@][^\[]*?])", double, markup)
    if markup.endswith("\\") and not markup.endswith("\\\\"):
        return markup + "\\"
    return markup


def plain(markup: str) -> str:
    """The text Rich prints for `markup` when it prints no styles: tags dropped, escapes undone."""
    if "[" not in markup:
        return markup
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        start, end = match.span()
        # A backslash before a bracket that opens no tag is dropped, as Rich drops it.
        out.append(markup[position:start].replace("\\[", "["))
        backslashes, escaped = divmod(len(match.group(2)), 2)
        out.append("\\" * backslashes)
        if escaped:
            out.append(match.group(1)[len(match.group(2)) :])
        position = end
    out.append(markup[position:].replace("\\[", "["))
    return "".join(out)


def _rich_console(stderr: bool) -> Any:
    from rich.console import Console

    # No emoji codes: a location such as `plan.yaml:100:1` must stay text.
    return Console(highlight=False, emoji=False, stderr=stderr)


class _LazyConsole:
    """Prints like the `rich.console.Console` it stands for, built the first time it is needed.

    `print` of plain strings to a stream that is not a terminal is written directly;
    everything else (a terminal, other objects, other methods) goes to Rich.
    """

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Any = None

    def _stream(self) -> TextIO:
        return sys.stderr if self._stderr else sys.stdout

    def _plain_ok(self, objects: tuple[Any, ...], options: dict[str, Any]) -> bool:
        # Rich may have been built already (for a panel): plain text still goes direct, as
        # Rich writes each print through at once and the two never reorder.
        if set(options) - {"soft_wrap", "markup", "highlight", "end"}:
            return False
        if options.get("style") is not None or not all(isinstance(o, str) for o in objects):
            return False
        if any(name in os.environ for name in _RICH_ENVIRONMENT):
            return False
        stream = self._stream()
        isatty = getattr(stream, "isatty", None)
        return callable(isatty) and not isatty() and options.get("soft_wrap") is True

    def print(self, *objects: Any, **options: Any) -> None:
        """Print `objects` as Rich would; directly when the output carries no styles."""
        style = options.pop("style", None)
        if style is None and self._plain_ok(objects, options):
            markup = options.get("markup", True) is not False
            texts = [plain(o) if markup else o for o in objects]
            text = " ".join(texts)
            if not _RICH_ONLY.search(text):
                stream = self._stream()
                stream.write(text + options.get("end", "\n"))
                stream.flush()
                return
        if style is not None:
            options["style"] = style
        self._rich().print(*objects, **options)

    def _rich(self) -> Any:
        if self._console is None:
            self._console = _rich_console(self._stderr)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rich(), name)


console: Any = _LazyConsole()
err_console: Any = _LazyConsole(stderr=True)
