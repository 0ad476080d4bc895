"""Completion of smplan's arguments: plan files, step names, rule codes, languages.

The script `smplan completion SHELL` prints calls smplan back with `_SMPLAN_COMPLETE` set,
and the functions below answer. The commands import this module at start-up, so it
imports nothing heavy; the rules are loaded only when a rule code is completed.
"""

from __future__ import annotations

from pathlib import Path

#: The shells smplan writes a completion script for.
SHELLS = ("bash", "zsh", "fish")
#: The variable the scripts set when they ask smplan for completions.
COMPLETE_VAR = "_SMPLAN_COMPLETE"
PLAN_SUFFIXES = (".yaml", ".yml")


def complete_plan_paths(incomplete: str) -> list[str]:
    """Plan files (`*.yaml`, `*.yml`) and folders whose path begins with `incomplete`."""
    head, _, prefix = incomplete.rpartition("/")
    head = head + "/" if _ else ""
    folder = Path(head or ".")
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or (name.startswith(".") and not prefix.startswith(".")):
            continue
        if entry.is_dir():
            found.append(f"{head}{name}/")
        elif entry.suffix.lower() in PLAN_SUFFIXES:
            found.append(f"{head}{name}")
    return found


def complete_languages(incomplete: str) -> list[tuple[str, str]]:
    """The languages `--lang` takes, each with its name in that language."""
    from smplan.i18n import language_name, languages

    return [(code, language_name(code)) for code in languages() if code.startswith(incomplete)]


def complete_steps(incomplete: str) -> list[tuple[str, str]]:
    """The names `init --step` takes, each with its number and title."""
    from smplan.interview.guidance import OPENABLE, TEXTS

    return [
        (name, f"{number} · {TEXTS[f'section.{name}.title']}")
        for number, name in enumerate(OPENABLE)
        if name.startswith(incomplete)
    ]


def complete_rule_codes(incomplete: str) -> list[tuple[str, str]]:
    """Rule codes for `--ignore`, each with its title, and the rules' names once a letter
    other than the codes' is typed; after a comma, the next one."""
    from smplan.checks.service import STORE

    done, _, last = incomplete.rpartition(",")
    done = done + "," if _ else ""
    given = {part.strip().casefold() for part in done.split(",")}
    typed = last.casefold()
    by_code = not typed or "smp".startswith(typed[:3])
    offered = []
    for rule in STORE:
        if rule.scopes == ("file",):
            continue  # what keeps a file from being read cannot be left out
        word = rule.code if by_code else rule.name
        if word and word.casefold().startswith(typed) and word.casefold() not in given:
            offered.append((f"{done}{word}", str(rule.title)))
    return offered
