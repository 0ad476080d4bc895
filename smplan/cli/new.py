"""`smplan new`: write a blank, commented plan to fill in by hand."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer

from smplan.cli import app, known_language
from smplan.errors import UsageError, printable


@app.command()
def new(
    path: Path = typer.Argument(..., help="The plan file to create, e.g. plan.yaml."),
    lang: str = typer.Option(
        "en", "--lang", help="Language of the plan, its comments and its document."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
) -> None:
    """Write a blank plan whose comments explain every field, to fill in by hand."""
    from smplan.fsutil import atomic_write
    from smplan.plan.schema import SCHEMA_FILENAME
    from smplan.plan.skeleton import skeleton

    known_language(lang)
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give the name of the plan file to create")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; use --force to overwrite it")
    try:
        atomic_write(path, skeleton(lang, path.name))
    except OSError as error:
        raise UsageError(
            f"cannot write {path}: {error.strerror or error}",
            hint="check that the folder exists and that you may write in it",
        ) from error
    shown = printable(shlex.quote(str(path)))
    schema = printable(shlex.quote(str(path.parent / SCHEMA_FILENAME)))
    typer.echo(f"Wrote a blank plan to {printable(str(path))}.")
    typer.echo(f"Next: fill it in, then run: smplan check {shown}")
    typer.echo(f"For completion in your editor, also run: smplan schema -o {schema}")
