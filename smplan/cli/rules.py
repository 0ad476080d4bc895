"""`smplan rules`: every strategy rule with its code, severity, step and title."""

from __future__ import annotations

import json
from collections.abc import Callable

import typer

from smplan.cli import app, known_format, known_language


def _rows() -> list[tuple[str, str, str, str]]:
    from smplan.checks import RULES
    from smplan.checks.core import SEVERITIES
    from smplan.i18n import pgettext

    return [
        (
            rule.code,
            str(SEVERITIES[rule.severity]),
            rule.step or pgettext("step", "any"),
            str(rule.title),
        )
        for rule in RULES.values()
    ]


def _header() -> tuple[str, str, str, str]:
    from smplan.i18n import pgettext

    return (
        pgettext("rules", "code"),
        pgettext("rules", "severity"),
        pgettext("rules", "step"),
        pgettext("rules", "what it finds"),
    )


def _markdown() -> str:
    lines = [" | ".join(("", *_header(), "")).strip(), "| --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in _rows()]
    return "\n".join(lines) + "\n"


def _text() -> str:
    rows = _rows()
    width = max(len(r[1]) for r in rows)
    steps = max(len(r[2]) for r in rows)
    return "".join(f"{c}  {s:<{width}}  {p:<{steps}}  {t}\n" for c, s, p, t in rows)


def _json() -> str:
    from smplan.checks import RULES

    data = [
        {"code": r.code, "severity": r.severity, "step": r.step, "title": str(r.title)}
        for r in RULES.values()
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
    """List every strategy rule: its code (for --ignore), severity, step and title."""
    from smplan.i18n import SOURCE_LANGUAGE, language

    known_format(output_format, FORMATS)
    with language(known_language(lang) or SOURCE_LANGUAGE):
        typer.echo(FORMATS[output_format](), nl=False)
