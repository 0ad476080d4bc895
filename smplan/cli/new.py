"""`smplan new`: write a blank, commented plan to fill in by hand."""

from __future__ import annotations

import shlex
from pathlib import Path

from smplan.cli.common import echo, speak_asked
from smplan.cli.options import LANG, argument, command, flag
from smplan.errors import UsageError, cannot_write, printable


@command(
    "new",
    argument("path", help="The plan file to create, e.g. plan.yaml."),
    LANG,
    flag("force", "--force", help="Overwrite the file if it exists."),
)
def new(path: Path, lang: str | None, force: bool) -> None:
    """Write a blank plan whose comments explain every field, to fill in by hand."""
    from smplan.fsutil import atomic_write
    from smplan.i18n import L_, environment_language
    from smplan.plan.results import RESULTS_SCHEMA_FILENAME
    from smplan.plan.schema import SCHEMA_FILENAME
    from smplan.plan.skeleton import skeleton

    speak_asked(lang)
    lang = lang or environment_language()
    name = printable(str(path))
    if path.is_dir():
        raise UsageError(
            L_("{path} is a folder; give the name of the plan file to create", path=name)
        )
    if path.exists() and not force:
        raise UsageError(L_("{path} already exists; use --force to overwrite it", path=name))
    try:
        atomic_write(path, skeleton(lang, path.name))
    except OSError as error:
        raise cannot_write(path, error) from error
    shown = shlex.quote(str(path))
    echo(L_("Wrote a blank plan to {path}.", path=name))
    check = f"smplan check {shown}"
    echo(L_("Next: fill it in, then run: {command}", command=check))
    _schema_beside(path.parent / SCHEMA_FILENAME)
    _schema_beside(path.parent / RESULTS_SCHEMA_FILENAME, results=True)


def _schema_beside(target: Path, *, results: bool = False) -> None:
    """Write the schema the plan's first line names (or its results file's), so the
    editor finds it at once.

    A file of that name that holds something else is left as it is, and said so.
    """
    from smplan.fsutil import atomic_write
    from smplan.i18n import L_
    from smplan.plan.schema import schema_text

    text, name = schema_text(results=results), printable(str(target))
    try:
        same = target.read_text(encoding="utf-8") == text if target.exists() else None
    except (OSError, UnicodeDecodeError):
        same = False
    if same:
        return
    if same is False:
        option = " --results" if results else ""
        command = f"smplan schema{option} -o {shlex.quote(str(target))}"
        echo(
            L_(
                "{path} already exists and differs from this smplan's schema: left as it is "
                "(to replace it, run: {command})",
                path=name,
                command=command,
            )
        )
        return
    try:
        atomic_write(target, text)
    except OSError as error:
        raise cannot_write(target, error) from error
    echo(L_("Wrote the schema your editor reads beside it: {path}", path=name))
