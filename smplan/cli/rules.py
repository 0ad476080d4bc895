"""`smplan rules`: every code `check` reports, with its severity, step and title.

The loader's codes (SMP000, SMP020 to SMP039: the file does not fit the format) come
first among the rules', in code order.
"""

from __future__ import annotations

import json

from smplan.cli.common import echo, known_language
from smplan.cli.options import LANG, command, format_option
from smplan.cli.outputs import chosen_format
from smplan.i18n import N_
from smplan.outputs import Format, Outputs


def _rows() -> list[tuple[str, str, str, str]]:
    from smplan.checks import RULES
    from smplan.checks.core import SEVERITIES
    from smplan.i18n import pgettext
    from smplan.plan.problems import LOADER_CODES

    error, anywhere = str(SEVERITIES["error"]), pgettext("step", "any")
    rows = [(code, error, anywhere, str(title)) for code, title in LOADER_CODES.items()]
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
    from smplan.plan.problems import LOADER_CODES

    data = [
        {"code": code, "severity": "error", "step": None, "title": str(title)}
        for code, title in LOADER_CODES.items()
    ]
    data += [
        {"code": r.code, "severity": r.severity, "step": r.step, "title": str(r.title)}
        for r in RULES.values()
    ]
    data.sort(key=lambda d: str(d["code"]))
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
    """List every code check reports: the file's problems, then the rules (for --ignore)."""
    from smplan.i18n import current, language

    chosen_format(FORMATS, output_format)
    with language(known_language(lang) or current()):
        echo(FORMATS[output_format].write(), nl=False)
