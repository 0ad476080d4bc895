"""The Rich consoles every command prints through, created on first use.

Rich is imported only when a command prints through it, so start-up stays light.
"""

from __future__ import annotations

from typing import Any


class _LazyConsole:
    """Stands for a `rich.console.Console` built with `options` the first time it is used."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            # No emoji codes: a location such as `plan.yaml:100:1` must stay text.
            self._console = Console(highlight=False, emoji=False, **self._options)
        return getattr(self._console, name)


console: Any = _LazyConsole()
err_console: Any = _LazyConsole(stderr=True)
