"""The Rich consoles every command prints through."""

from __future__ import annotations

from rich.console import Console

# No emoji codes: a location such as `plan.yaml:100:1` must not turn into a picture.
console = Console(highlight=False, emoji=False)
err_console = Console(stderr=True, highlight=False, emoji=False)
