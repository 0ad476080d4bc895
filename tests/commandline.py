"""Parse an `smplan ...` command line with the real command-line parser, without running it.

Files that document commands (the pre-commit hooks, the CI example) are tested with it,
so that a renamed command or option breaks a test rather than a user's pipeline.
"""

from __future__ import annotations

import shlex
from typing import Any

import typer

from smplan.cli import app


def parse(command: str | list[str]) -> tuple[str, dict[str, object]]:
    """The subcommand and its parsed parameters; click's error if the line is not valid."""
    words = shlex.split(command) if isinstance(command, str) else list(command)
    assert words[0] == "smplan", words
    group: Any = typer.main.get_command(app)
    words = words[1:]
    while words and words[0].startswith("-"):  # options of smplan itself, like --debug
        words = words[1:]
    name = words[0]
    sub = group.get_command(typer.Context(group), name)
    assert sub is not None, f"no command `smplan {name}`"
    with sub.make_context(name, words[1:]) as ctx:
        return name, dict(ctx.params)


def usage_error() -> type[Exception]:
    """The exception the parser raises on a bad command line."""
    return typer.TyperException
