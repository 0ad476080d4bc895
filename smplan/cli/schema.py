"""`smplan schema`: print or write the plan's JSON Schema for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app
from smplan.errors import UsageError, printable


@app.command()
def schema(
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Write the schema to this file instead of printing it.",
        dir_okay=False,
    ),
) -> None:
    """Print the plan's JSON Schema (draft-07), for completion and checks in your editor."""
    from smplan.fsutil import atomic_write
    from smplan.plan.schema import schema_text

    text = schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        atomic_write(output, text)
    except OSError as error:
        raise UsageError(
            f"cannot write {output}: {error.strerror or error}",
            hint="check that the folder exists and that you may write in it",
        ) from error
    typer.echo(f"Wrote the plan schema to {printable(str(output))}.")
    typer.echo(
        "Plans whose first line is '# yaml-language-server: $schema="
        f"{printable(output.name)}' get completion and checks in editors that use the YAML "
        "language server."
    )
