"""`smplan schema`: print or write the plan's JSON Schema for editors."""

from __future__ import annotations

from smplan.cli.common import echo
from smplan.cli.options import command, flag, option
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
    flag(
        "results",
        "--results",
        help="The schema of the results file (PLAN.results.yaml) instead of the plan's.",
    ),
)
def schema(output: str | None, results: bool) -> None:
    """Print the plan's JSON Schema (draft-07), for completion and checks in your editor.

    With --results, the results file's: `smplan track` names it on the results file's
    first line, which an editor reads before any file pattern of its settings.
    """
    from smplan.outputs import Format, Outputs
    from smplan.plan.results import RESULTS_SCHEMA_FILENAME
    from smplan.plan.schema import SCHEMA_FILENAME, schema_text

    kind = Outputs(
        Format("json", ".json", lambda: schema_text(results=results)),
        default="json",
        what=N_("the schema"),
        name=RESULTS_SCHEMA_FILENAME if results else SCHEMA_FILENAME,
    )
    where = destination(kind, None, output)
    target = where.target(None)
    text = where.format.write()
    if where.stdout:
        echo(text, nl=False)
        return
    where.write(target, text)
    name = printable(str(target))
    modeline = f"# yaml-language-server: $schema={printable(target.name)}"
    if results:
        echo(L_("Wrote the results schema to {path}.", path=name))
        said = L_(
            "Results files whose first line is '{modeline}' get completion and checks in "
            "editors that use the YAML language server.",
            modeline=modeline,
        )
    else:
        echo(L_("Wrote the plan schema to {path}.", path=name))
        said = L_(
            "Plans whose first line is '{modeline}' get completion and checks in editors "
            "that use the YAML language server.",
            modeline=modeline,
        )
    echo(said)
