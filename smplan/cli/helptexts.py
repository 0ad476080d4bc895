"""The command line's help in the language smplan speaks.

Typer takes a command's help from its docstring and an option's from a string
literal, both fixed when the modules load, and words its section titles in English
through the `gettext` module. Three pieces bring both to the catalog:

- `extract`, the Babel extraction method `babel.cfg` names for the command-line
  modules, finds those docstrings and `help=` literals (and every message the
  Python extractor finds);
- `translate_help` gives a command tree built by Typer the catalog's wording just
  before it runs, help texts put together from a registry included
  (`smplan.cli.options.H_`);
- `speak_to_typer` sends Typer's own `gettext` calls to smplan's catalog. It is
  the one place that reaches into the library; it can go once Typer lets an
  application give its own translations.
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Iterator
from typing import IO, Any

from smplan.cli.options import BUILT
from smplan.i18n import N_, SOURCE_LANGUAGE, _, current


def _translated(text: str | None) -> str | None:
    if not text:
        return text
    cleaned = inspect.cleandoc(text)
    built = BUILT.get(text.strip()) or BUILT.get(cleaned)
    if built is not None:
        template, fields = built
        return _(template).format_map({k: str(v) for k, v in fields.items()})
    found = _(cleaned)
    return text if found == cleaned else found


def translate_help(command: Any) -> Any:
    """`command` (a Click command or group) with its help and its options' in the
    language in force; English needs nothing."""
    if current() == SOURCE_LANGUAGE:
        return command
    for name in ("help", "short_help", "epilog"):
        setattr(command, name, _translated(getattr(command, name, None)))
    for param in getattr(command, "params", []):
        if getattr(param, "help", None):
            param.help = _translated(param.help)
    make_context = getattr(command, "context_class", None)
    if make_context is not None and hasattr(command, "get_help_option"):
        option = command.get_help_option(make_context(command))
        if option is not None:
            option.help = _translated(option.help)
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)
    return command


# --- Typer's own words -----------------------------------------------------------------

#: The words of Typer a person meets in a help or an error, so that the catalog holds
#: them. Their wording is Typer's; one it changes is shown in English until translated.
#: (The parser Typer carries writes "Usage:" and its option errors in English, with no
#: way to translate them.)
LIBRARY_TEXTS = (
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("required"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)


def _library_gettext(message: str) -> str:
    return _(message)


def typer_command(app: Any) -> Any:
    """The Click command Typer builds for `app`, so that its help can be translated
    before it runs."""
    import typer.main

    return typer.main.get_command(app)


def speak_to_typer() -> None:
    """Have Typer word its section titles and notes through smplan's catalog."""
    import typer.core

    typer.core._ = _library_gettext  # type: ignore[attr-defined]


# --- Extraction ------------------------------------------------------------------------

_COMMAND_DECORATORS = ("command", "callback")


def _is_command(node: ast.AST) -> bool:
    """Whether `node` is a command's function: declared with `@command(...)`
    (`smplan.cli.options`), or a Typer `@app.command()` or `@app.callback()`."""
    if not isinstance(node, ast.FunctionDef):
        return False
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in _COMMAND_DECORATORS:
            return True
        if isinstance(target, ast.Name) and target.id in _COMMAND_DECORATORS:
            return True
    return False


def _help_texts(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if _is_command(node):
            assert isinstance(node, ast.FunctionDef)
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.body[0].lineno, doc
        elif isinstance(node, ast.keyword) and node.arg == "help":
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                yield value.lineno, inspect.cleandoc(value.value)


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """A Babel extraction method: Python's messages, and the help texts of commands."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for lineno, text in _help_texts(ast.parse(source)):
        yield lineno, None, text, []
