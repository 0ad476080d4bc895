"""`smplan schema`: print or write the plan's JSON Schema for editors."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app
from smplan.errors import cannot_write, printable
from smplan.i18n import L_


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
        raise cannot_write(output, error) from error
    typer.echo(L_("Wrote the plan schema to {path}.", path=printable(str(output))))
    modeline = f"# yaml-language-server: $schema={printable(output.name)}"
    typer.echo(
        L_(
            "Plans whose first line is '{modeline}' get completion and checks in editors "
            "that use the YAML language server.",
            modeline=modeline,
        )
    )
