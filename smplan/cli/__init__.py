"""The command line: parse options, call the core, turn errors into exit codes.

Each command lives in its own module and registers itself on `app`, the Typer
application, built the first time it is asked for. The commands run most often
(`check`, `render --format md`) are parsed first by `smplan.cli.fast` without Typer,
and call the same functions as their Typer commands. Nothing here imports a heavy
library at start-up: commands import what they need when they run.
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from smplan.errors import ExitCode, SmplanError, UsageError, printable
from smplan.i18n import L_, Message, _, environment_language, speak

if TYPE_CHECKING:
    import typer

    app: typer.Typer

_state = {"debug": False}
_built: dict[str, Any] = {}


def __getattr__(name: str) -> Any:
    # `from smplan.cli import app`: the Typer application, with every command on it.
    if name == "app":
        return _typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _typer_app() -> typer.Typer:
    if "app" not in _built:
        import typer

        app = typer.Typer(
            name="smplan",
            help="Plan a social media strategy in eight steps "
            "and render it as a client-ready document.",
            no_args_is_help=True,
            add_completion=False,
            pretty_exceptions_enable=False,
            rich_markup_mode=None,
        )

        def _version(value: bool) -> None:
            if value:
                from smplan import __version__

                typer.echo(f"smplan {__version__}")
                raise typer.Exit()

        @app.callback()
        def _root(
            debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
            version: bool = typer.Option(
                False,
                "--version",
                callback=_version,
                is_eager=True,
                help="Print the version and exit.",
            ),
        ) -> None:
            """Plan a social media strategy in eight steps and render it as a client-ready document."""  # noqa: E501
            _state["debug"] = debug

        _built["app"] = app
        _register()
    built: typer.Typer = _built["app"]
    return built


def echo(text: str) -> None:
    """Print `text` and a newline to standard output, exactly as `typer.echo` does."""
    stream = sys.stdout
    isatty = getattr(stream, "isatty", None)
    if "\x1b" in text or not callable(isatty) or isatty():
        # Colour codes and terminals: Typer decides what to strip.
        import typer

        typer.echo(text)
        return
    stream.write(text + "\n")
    stream.flush()


def debug_enabled() -> bool:
    """Whether the user asked for tracebacks with --debug."""
    return _state["debug"] or "--debug" in sys.argv


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


def unknown_format(name: str, known: Iterable[str]) -> UsageError:
    """The error for a `--format` smplan does not have, naming those it has."""
    return UsageError(
        L_("unknown format `{name}`", name=printable(name)),
        hint=L_("use one of: {choices}", choices=", ".join(known)),
    )


def known_format(name: str | None, known: Iterable[str]) -> str | None:
    """`name` when it is one of the `known` formats (or None); `unknown_format` otherwise."""
    known = list(known)
    if name is not None and name not in known:
        raise unknown_format(name, known)
    return name


def matching_format(
    given: str | None, named: str | None, output: object, hint: Message | None = None
) -> str | None:
    """The format --format gives, else the one the extension of -o names; a `UsageError`
    when both are given and disagree (`hint` says what to do, when a file is not enough)."""
    if given and named and named != given:
        raise UsageError(
            L_(
                "--format {format} does not match the extension of {path}",
                format=given,
                path=printable(str(output)),
            ),
            hint=hint or L_("write to a .{format} file, or leave --format out", format=given),
        )
    return given or named


def template_folder(path: Path | None) -> Path | None:
    """`--template-dir`, when it is a folder; a `UsageError` otherwise."""
    if path is not None and not path.is_dir():
        raise UsageError(L_("template folder not found: {path}", path=printable(str(path))))
    return path


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


def _register() -> None:
    # Imported for their side effect: each module adds its command to `app`, in the order
    # a user meets them, which is the order --help lists them in.
    import importlib

    names = (
        "new",
        "init_command",
        "check_command",
        "render_command",
        "calendar",
        "track",
        "status",
        "report",
        "diff",
        "schema",
        "rules",
        "completion",
    )
    for name in names:
        importlib.import_module(f"smplan.cli.{name}")


def _tolerant_streams() -> None:
    # A terminal that cannot show a character (LC_ALL=C: ASCII) gets it as an escape
    # such as \xb7 rather than the command failing half-way through its report.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if callable(reconfigure) and encoding not in ("utf8", "utf16", "utf32"):
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point of the `smplan` console script.

    The command runs in a context of its own, so the language it chose to speak (the
    plan's, or --lang) ends with it.
    """
    contextvars.copy_context().run(_main, argv)
    raise AssertionError("unreachable")  # pragma: no cover: _main always exits


def _main(argv: list[str] | None) -> NoReturn:
    from smplan.cli.fast import fast_command

    _state["debug"] = False
    speak(environment_language())
    args = sys.argv[1:] if argv is None else list(argv)
    command = fast_command(args)
    if command is None:
        from smplan.cli.completers import activate

        activate()
    _tolerant_streams()
    try:
        if command is not None:
            code: Any = command()
        else:
            from smplan.cli.helptexts import speak_to_typer, translate_help, typer_command

            speak_to_typer()
            typed = translate_help(typer_command(_typer_app()))
            code = typed.main(args=args, prog_name="smplan", standalone_mode=False)
    except SmplanError as error:
        if debug_enabled():
            # The traceback is shown, and the exit status stays the one the error means.
            import traceback

            traceback.print_exc()
        report_error(error)
        sys.exit(int(error.exit_code))
    except KeyboardInterrupt:
        if debug_enabled():
            import traceback

            traceback.print_exc()
        sys.stderr.write("\n" + _("interrupted") + "\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    except Exception as error:
        # Typer is imported only when its application ran: its exceptions can only come then.
        typer = sys.modules.get("typer")
        if typer is not None and isinstance(error, typer.Abort):
            # Raised by the prompt layer when standard input ends.
            sys.stderr.write("\n" + _("interrupted") + "\n")
            sys.exit(int(ExitCode.INTERRUPTED))
        if typer is not None and isinstance(error, typer.TyperException):
            # Usage errors from option parsing: click's own message, exit code 2.
            show = getattr(error, "show", None)
            if callable(show):
                show()
            else:
                sys.stderr.write(f"error: {error.format_message()}\n")
            exit_code = getattr(error, "exit_code", ExitCode.UNUSABLE)
            sys.exit(int(exit_code) or int(ExitCode.UNUSABLE))
        if debug_enabled():
            raise
        sys.stderr.write(
            _("smplan: internal error: {error}").format(error=f"{type(error).__name__}: {error}")
            + "\n"
            + _("Run again with --debug to see the traceback, and please report it.")
            + "\n"
        )
        sys.exit(int(ExitCode.UNUSABLE))
    sys.exit(code if isinstance(code, int) else int(ExitCode.OK))
