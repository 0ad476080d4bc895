"""`smplan rules`: every code `check` reports, with its name, severity, step and title.

They all come from the one rule store: the file's problems (SMP000, SMP020 to SMP039),
the plan's rules and the results file's, in code order.
"""

from __future__ import annotations

import json

from smplan.cli.common import echo, known_language
from smplan.cli.options import LANG, command, format_option
from smplan.cli.outputs import chosen_format
from smplan.i18n import N_
from smplan.outputs import Format, Outputs


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
FORMATS = Outputs(
    Format("text", ".txt", _text, about=N_("for people")),
    Format("md", ".md", _markdown, about=N_("a Markdown table")),
    Format("json", ".json", _json, about=N_("for machines")),
    default="text",
)


@command("rules", format_option(FORMATS), LANG)
def rules(output_format: str, lang: str | None) -> None:
    """List every code check reports, and its name: either one works with --ignore."""
    from smplan.i18n import current, language

    chosen_format(FORMATS, output_format)
    with language(known_language(lang) or current()):
        echo(FORMATS[output_format].write(), nl=False)
