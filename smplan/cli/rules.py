"""`smplan rules`: every code `check` reports, with its name, severity, step and title.

They all come from the one rule store: the file's problems (SMP000, SMP020 to SMP039),
the plan's rules and the results file's, in code order.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import typer

from smplan.cli import app, known_format, known_language


def _rows() -> list[tuple[str, str, str, str, str]]:
    from smplan.checks.service import SEVERITIES, STORE
    from smplan.i18n import pgettext

    anywhere = pgettext("step", "any")
    return [
        (
            rule.code,
            rule.name or "",
            str(SEVERITIES[rule.severity]),
            rule.step or anywhere,
            str(rule.title),
        )
        for rule in STORE
    ]


def _header() -> tuple[str, str, str, str, str]:
    from smplan.i18n import pgettext

    return (
        pgettext("rules", "code"),
        pgettext("rules", "name"),
        pgettext("rules", "severity"),
        pgettext("rules", "step"),
        pgettext("rules", "what it finds"),
    )


def _markdown() -> str:
    lines = [" | ".join(("", *_header(), "")).strip(), "| --- | --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in _rows()]
    return "\n".join(lines) + "\n"


def _text() -> str:
    rows = _rows()
    names = max(len(r[1]) for r in rows)
    width = max(len(r[2]) for r in rows)
    steps = max(len(r[3]) for r in rows)
    return "".join(
        f"{c}  {n:<{names}}  {s:<{width}}  {p:<{steps}}  {t}\n" for c, n, s, p, t in rows
    )


def _json() -> str:
    from smplan.checks.service import STORE

    data = [
        {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity,
            "step": rule.step,
            "scopes": list(rule.scopes),
            "title": str(rule.title),
            "old_codes": list(rule.old_codes),
        }
        for rule in STORE
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


#: The ways `smplan rules` can print the list, by name.
FORMATS: dict[str, Callable[[], str]] = {"text": _text, "md": _markdown, "json": _json}


@app.command()
def rules(
    output_format: str = typer.Option(
        "text", "--format", help="Output format: text, md (a Markdown table) or json."
    ),
    lang: str | None = typer.Option(None, "--lang", help="Language of the titles."),
) -> None:
    """List every code check reports, and its name: either one works with --ignore."""
    from smplan.i18n import SOURCE_LANGUAGE, language

    known_format(output_format, FORMATS)
    with language(known_language(lang) or SOURCE_LANGUAGE):
        typer.echo(FORMATS[output_format](), nl=False)
