"""Command lines of the usual shape, read without Typer.

Typer and Click cost a fifth of a `check` before it starts, and keep a client waiting for
the interview's first question. `fast_command` reads the arguments itself, from the same
declarations the Typer application is built from (`smplan.cli.options`), and returns a
call of the same function with the same values. Anything it is not sure to read as
Click would — help, an option it does not know, a repeated option, a value that looks
like an option or does not convert, `--`, shell completion, `--debug` — returns None,
and the Typer application reads the command line, with its own messages and exit codes.
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
from smplan.cli.options import Command, Param, load
from smplan.errors import ExitCode


def parse(declared: Command, args: Sequence[str]) -> dict[str, Any] | None:
    """The value of each parameter of `declared` in `args`, by its `dest`, as Click would
    give it; None when Typer must read them."""
    by_name = {n: p for p in declared.params for n in (*p.names, p.off) if n}
    values: dict[str, Any] = {}
    words: list[str] = []
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            if not token:
                return None
            words.append(token)
            continue
        name, equals, value = token.partition("=")
        param = by_name.get(name)
        if param is None or param.dest in values:
            return None
        if param.flag:
            if equals:
                return None
            values[param.dest] = name != param.off
            continue
        if equals and not name.startswith("--"):
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        converted = _value(param, value)
        if converted is None:
            return None
        values[param.dest] = converted
    for param in declared.params:
        if param.names:
            values.setdefault(param.dest, param.default)
            continue
        if param.many:
            taken, words = words, []
            if not taken and param.required:
                return None
            values[param.dest] = [_value(param, w) for w in taken] if taken else param.default
        elif words:
            values[param.dest] = _value(param, words.pop(0))
        elif param.required:
            return None
        else:
            values[param.dest] = param.default
    return (
        None if words or None in (values[p.dest] for p in declared.params if p.required) else values
    )


def _value(param: Param, text: str) -> Any:
    """`text` as the parameter's type; None when Click would refuse it or read it otherwise."""
    if not text or (text.startswith("-") and text != "-" and param.names):
        return None
    if param.kind is int:
        try:
            number = int(text)
        except ValueError:
            return None
        if param.minimum is not None and number < param.minimum:
            return None
        return number
    return Path(text) if param.kind is Path else text


def fast_command(args: Sequence[str]) -> Callable[[], int] | None:
    """The command `args` asks for, ready to run, when it has a usual shape; else None."""
    if not args or os.environ.get(COMPLETE_VAR) or "--debug" in args:
        return None
    declared = load(args[0])
    values = None if declared is None else parse(declared, args[1:])
    if declared is None or values is None:
        return None
    run = declared.run

    def call() -> int:
        code = run(**values)
        return int(ExitCode.OK) if code is None else int(code)

    return _as_typer_runs(call)


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
