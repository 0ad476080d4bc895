"""`smplan schema`: print or write the plan's JSON Schema for editors."""

from __future__ import annotations

from smplan.cli.common import echo
from smplan.cli.options import command, option
from smplan.cli.outputs import destination
from smplan.errors import printable
from smplan.i18n import L_, N_


@command(
    "schema",
    option(
        "output",
        "-o",
        "--output",
        metavar="PATH",
        help="Write the schema to this file (or, under its usual name, to this folder) "
        "instead of printing it.",
    ),
)
def schema(output: str | None) -> None:
    """Print the plan's JSON Schema (draft-07), for completion and checks in your editor."""
    from smplan.outputs import Format, Outputs
    from smplan.plan.schema import SCHEMA_FILENAME, schema_text

    kind = Outputs(
        Format("json", ".json", schema_text),
        default="json",
        what=N_("the schema"),
        name=SCHEMA_FILENAME,
    )
    where = destination(kind, None, output)
    target = where.target(None)
    text = where.format.write()
    if where.stdout:
        echo(text, nl=False)
        return
    where.write(target, text)
    echo(L_("Wrote the plan schema to {path}.", path=printable(str(target))))
    modeline = f"# yaml-language-server: $schema={printable(target.name)}"
    echo(
        L_(
            "Plans whose first line is '{modeline}' get completion and checks in editors "
            "that use the YAML language server.",
            modeline=modeline,
        )
    )
