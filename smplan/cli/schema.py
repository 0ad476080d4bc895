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
    results: bool = typer.Option(
        False,
        "--results",
        help="The schema of the results file (PLAN.results.yaml) instead of the plan's.",
    ),
) -> None:
    """Print the plan's JSON Schema (draft-07), for completion and checks in your editor.

    With --results, the results file's: `smplan track` names it on the results file's
    first line, which an editor reads before any file pattern of its settings.
    """
    from smplan.fsutil import atomic_write
    from smplan.plan.schema import schema_text

    text = schema_text(results=results)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        atomic_write(output, text)
    except OSError as error:
        raise cannot_write(output, error) from error
    name = printable(str(output))
    modeline = f"# yaml-language-server: $schema={printable(output.name)}"
    if results:
        typer.echo(L_("Wrote the results schema to {path}.", path=name))
        said = L_(
            "Results files whose first line is '{modeline}' get completion and checks in "
            "editors that use the YAML language server.",
            modeline=modeline,
        )
    else:
        typer.echo(L_("Wrote the plan schema to {path}.", path=name))
        said = L_(
            "Plans whose first line is '{modeline}' get completion and checks in editors "
            "that use the YAML language server.",
            modeline=modeline,
        )
    typer.echo(said)
