"""The command line: parse options, call the core, turn errors into exit codes.

Each command lives in its own module (`smplan.cli.NAME`), which declares its options
once (`smplan.cli.options`). A command line of the usual shape is read from those
declarations by `smplan.cli.fast`, without Typer; anything else (help, completion, a
mistake in the options) goes to `app`, the Typer application built from the same
declarations the first time it is asked for. Nothing here imports a heavy library at
start-up: commands import what they need when they run.
"""

from __future__ import annotations

import contextvars
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from smplan.cli.common import debug_enabled, report_error, state
from smplan.errors import ExitCode, SmplanError
from smplan.i18n import _, environment_language, speak

if TYPE_CHECKING:
    import typer

    app: typer.Typer

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
            state["debug"] = debug

        _built["app"] = app
        _register(app)
    built: typer.Typer = _built["app"]
    return built


def _register(app: typer.Typer) -> None:
    # Each command as its module declares it, in the order `--help` lists them.
    from smplan.cli.options import NAMES, load, typer_command

    for name in NAMES:
        declared = load(name)
        assert declared is not None
        typer_command(app, declared)


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
    try:
        _run(argv)
    finally:
        _report_catalogs()


def _report_catalogs() -> None:
    """Say once, after the command, what was wrong with a catalog it used."""
    from smplan.errors import printable_lines
    from smplan.i18n import catalog_problems, pgettext

    for problem in catalog_problems():
        label = pgettext("report", "warning:")
        sys.stderr.write(f"{label} {printable_lines(problem)}\n")


def _run(argv: list[str] | None) -> NoReturn:
    from smplan.cli.fast import fast_command

    state["debug"] = False
    speak(environment_language())
    args = sys.argv[1:] if argv is None else list(argv)
    command = fast_command(args)
    if command is None:
        from smplan.cli.shells import activate

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
