"""The commands people run most, parsed without Typer: `check`, `render` to Markdown or
HTML, and `init`.

Typer and Click cost a fifth of a `check` before it starts, and keep a client waiting for
the interview's first question. For the common shapes of these commands, `fast_command`
reads the arguments itself and returns a call of the same function the Typer command
calls (`run_check`, `run_render`, `run_init`). Anything else — help, an
option it does not know, a repeated option, a value that looks like an option, shell
completion, `--debug` — returns None, and the Typer application parses the command line,
with its own messages and exit codes.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from smplan.cli._plugins import no_plugin_discovery
from smplan.cli.completers import COMPLETE_VAR
from smplan.errors import ExitCode

#: Each command's options: the name, and whether it takes a value (False: a flag).
_CHECK = {"--strict": False, "--format": True, "--ignore": True, "--lang": True}
_RENDER = {
    "--format": True,
    "-f": True,
    "--output": True,
    "-o": True,
    "--lang": True,
    "--template-dir": True,
    "--summary": False,
}
_INIT = {
    "--lang": True,
    "--step": True,
    "--answers": True,
    "--essentials": False,
    "--interactive": False,
    "--no-interactive": False,
}
#: Short spellings, under the long name the command's function knows.
_ALIASES = {"-f": "--format", "-o": "--output"}
#: The formats `render` runs here: those that need neither the PDF engine nor a terminal.
_TEXT_FORMATS = {"md": ".md", "html": ".html"}


def _parse(args: Sequence[str], known: dict[str, bool]) -> tuple[list[str], dict[str, Any]] | None:
    """The arguments and options of `args`, or None when Typer must read them."""
    paths: list[str] = []
    options: dict[str, Any] = {}
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            if not token:
                return None
            paths.append(token)
            continue
        name, equals, value = token.partition("=")
        if name not in known:
            return None
        takes_value = known[name]
        if equals and (not takes_value or not name.startswith("--")):
            return None
        name = _ALIASES.get(name, name)
        if name in options:
            return None
        if not takes_value:
            options[name] = True
            continue
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        options[name] = value
    return (paths, options) if paths else None


def _check(args: Sequence[str]) -> Callable[[], int] | None:
    parsed = _parse(args, _CHECK)
    if parsed is None:
        return None
    paths, options = parsed

    def run() -> int:
        from smplan.cli.check import run_check

        return run_check(
            [Path(p) for p in paths],
            strict=bool(options.get("--strict")),
            output_format=options.get("--format", "text"),
            ignore=options.get("--ignore", ""),
            lang=options.get("--lang"),
        )

    return run


def _render(args: Sequence[str]) -> Callable[[], int] | None:
    parsed = _parse(args, _RENDER)
    if parsed is None:
        return None
    paths, options = parsed
    fmt, output = options.get("--format"), options.get("--output")
    if fmt is None and output is not None:
        fmt = next((f for f, suffix in _TEXT_FORMATS.items() if output.endswith(suffix)), None)
    if fmt not in _TEXT_FORMATS:
        return None
    template_dir = options.get("--template-dir")

    def run() -> int:
        from smplan.cli.render import run_render

        return run_render(
            [Path(p) for p in paths],
            output_format=options.get("--format"),
            output_arg=output,
            template_dir=None if template_dir is None else Path(template_dir),
            lang=options.get("--lang"),
            summary=bool(options.get("--summary")),
            jobs=1,
            since=None,
            watch=False,
        )

    return run


def _init(args: Sequence[str]) -> Callable[[], int] | None:
    parsed = _parse(args, _INIT)
    if parsed is None:
        return None
    paths, options = parsed
    if len(paths) != 1 or ("--interactive" in options and "--no-interactive" in options):
        return None
    interactive = None
    if "--interactive" in options or "--no-interactive" in options:
        interactive = "--interactive" in options
    answers = options.get("--answers")

    def run() -> int:
        from smplan.cli.init import run_init

        return run_init(
            Path(paths[0]),
            lang=options.get("--lang"),
            step=options.get("--step"),
            answers=None if answers is None else Path(answers),
            essentials=bool(options.get("--essentials")),
            interactive=interactive,
        )

    return run


_COMMANDS = {"check": _check, "render": _render, "init": _init}


def fast_command(args: Sequence[str]) -> Callable[[], int] | None:
    """The command `args` asks for, ready to run, when it has a common shape; else None."""
    if not args or os.environ.get(COMPLETE_VAR) or "--debug" in args:
        return None
    parse = _COMMANDS.get(args[0])
    run = None if parse is None else parse(args[1:])
    return None if run is None else _as_typer_runs(run)


def _as_typer_runs(run: Callable[[], int]) -> Callable[[], int]:
    """`run`, with the end of input, Ctrl-C and a closed pipe handled as Typer handles them."""

    def guarded() -> int:
        try:
            with no_plugin_discovery():
                return run()
        except EOFError:
            # Typer prints a newline and aborts: `main` then says the run was interrupted.
            from smplan.i18n import _

            sys.stderr.write("\n\n" + _("interrupted") + "\n")
            return int(ExitCode.INTERRUPTED)
        except KeyboardInterrupt:
            return int(ExitCode.INTERRUPTED)
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            sys.stdout = _Pacified(sys.stdout)
            sys.stderr = _Pacified(sys.stderr)
            return 1

    return guarded


class _Pacified:
    """A stream whose flush ignores a closed pipe, as Click's `PacifyFlushWrapper`."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
