"""`smplan rules`: every code `check` reports, with its severity, step and title.

The loader's codes (SMP000, SMP020 to SMP039: the file does not fit the format) come
first among the rules', in code order.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import typer

from smplan.cli import app, known_format, known_language


def _rows() -> list[tuple[str, str, str, str]]:
    from smplan.checks import RULES
    from smplan.checks.core import SEVERITIES
    from smplan.i18n import pgettext
    from smplan.plan.problems import LOADER_CODES, loader_severity

    anywhere = pgettext("step", "any")
    rows = [
        (code, str(SEVERITIES[loader_severity(code)]), anywhere, str(title))
        for code, title in LOADER_CODES.items()
    ]
    rows += [
        (
            rule.code,
            str(SEVERITIES[rule.severity]),
            rule.step or anywhere,
            str(rule.title),
        )
        for rule in RULES.values()
    ]
    return sorted(rows)


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
    from smplan.plan.problems import LOADER_CODES, loader_severity

    data = [
        {"code": code, "severity": loader_severity(code), "step": None, "title": str(title)}
        for code, title in LOADER_CODES.items()
    ]
    data += [
        {"code": r.code, "severity": r.severity, "step": r.step, "title": str(r.title)}
        for r in RULES.values()
    ]
    data.sort(key=lambda d: str(d["code"]))
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
    """List every code check reports: the file's problems, then the rules (for --ignore)."""
    from smplan.i18n import SOURCE_LANGUAGE, language

    known_format(output_format, FORMATS)
    with language(known_language(lang) or SOURCE_LANGUAGE):
        typer.echo(FORMATS[output_format](), nl=False)
