"""What every command does alike: print, speak the language asked for, report an error.

Each command module imports these; this module imports no command, so that none of
them depends on another, or on the package that starts them.
"""

from __future__ import annotations

import contextvars
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.errors import SmplanError, UsageError, printable
from smplan.i18n import L_, speak

if TYPE_CHECKING:
    from smplan.outputs import Format

#: Whether this run shows tracebacks (`smplan --debug`).
state = {"debug": False}


def echo(text: object, nl: bool = True) -> None:
    """Print `text` (and a newline) to standard output, exactly as `typer.echo` does."""
    text = str(text)
    stream = sys.stdout
    isatty = getattr(stream, "isatty", None)
    if "\x1b" in text or not callable(isatty) or isatty():
        # Colour codes and terminals: Typer decides what to strip.
        import typer

        typer.echo(text, nl=nl)
        return
    stream.write(text + "\n" if nl else text)
    stream.flush()


def debug_enabled() -> bool:
    """Whether the user asked for tracebacks with --debug."""
    return state["debug"] or "--debug" in sys.argv


#: The language --lang asked for in this command, which its errors speak too.
_asked: contextvars.ContextVar[str | None] = contextvars.ContextVar("smplan_asked", default=None)


def speak_asked(lang: str | None) -> None:
    """Speak the language --lang asks for (when it does) in all the command says: its
    reports, and its errors too, even those about a plan that declares another."""
    if lang is not None:
        speak(known_language(lang) or lang)
        _asked.set(lang)


def known_language(lang: str | None) -> str | None:
    """`lang` when smplan speaks it (or None); a `UsageError` naming those it speaks otherwise."""
    from smplan.i18n import languages

    if lang is not None and lang not in languages():
        raise UsageError(
            L_("unknown language `{lang}`", lang=printable(lang)),
            hint=L_("use one of: {choices}", choices=", ".join(languages())),
        )
    return lang


def template_folder(path: Path | None) -> Path | None:
    """`--template-dir`, when it is a folder; a `UsageError` otherwise."""
    if path is not None and not path.is_dir():
        raise UsageError(L_("template folder not found: {path}", path=printable(str(path))))
    return path


def reference_for(fmt: Format, reference_doc: Path | None) -> None:
    """Refuse `--reference-doc` when it is not a Word file, or given for another format."""
    if reference_doc is None:
        return
    if fmt.name != "docx":
        raise UsageError(L_("--reference-doc is for Word output"), hint=L_("add --format docx"))
    from smplan.render.docx import check_reference

    check_reference(reference_doc)


def say_wrote(path: object) -> None:
    """The line each command prints for a file it wrote, in the language in force."""
    echo(str(L_("Wrote {path}.", path=printable(str(path)))))


def report_error(error: SmplanError) -> None:
    """Print an smplan error to stderr the way every command does, in its language."""
    from smplan.i18n import current, language

    with language(_asked.get() or error.language or current()):
        _report(error)


def _report(error: SmplanError) -> None:
    from smplan.cli.console import err_console, escape
    from smplan.errors import Interrupted, PlanFileError, printable_lines
    from smplan.i18n import pgettext

    if isinstance(error, PlanFileError):
        # One line per problem, in the FILE:LINE:COL form editors and CI understand.
        for line in printable_lines(error.message).splitlines():
            err_console.print(line, highlight=False, markup=False, soft_wrap=True)
        return
    if isinstance(error, Interrupted):
        # A pause the person chose, not a failure: said plainly, with how to go on.
        err_console.print(escape(printable_lines(error.message)), soft_wrap=True)
        if error.hint:
            err_console.print(escape(printable_lines(error.hint)), soft_wrap=True)
        return
    label = escape(pgettext("report", "error:"))
    message = escape(printable_lines(error.message))
    err_console.print(f"[bold red]{label}[/] {message}", soft_wrap=True)
    if error.hint:
        label = escape(pgettext("report", "hint:"))
        hint = escape(printable_lines(error.hint))
        err_console.print(f"[dim]{label}[/] {hint}", soft_wrap=True)


def report_outcome(message: str, hint: str | None, located: bool, lang: str | None = None) -> None:
    """Print why a document was not made: the plan's problems at their lines, or an error."""
    from smplan.cli.console import err_console

    if located:
        for line in message.splitlines():
            err_console.print(line, highlight=False, markup=False, soft_wrap=True)
    else:
        report_error(SmplanError(message, hint=hint, language=lang))
