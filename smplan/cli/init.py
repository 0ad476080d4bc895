"""`smplan init`: the guided interview, asked in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from smplan.cli.common import debug_enabled, speak_asked
from smplan.cli.completers import complete_plan_paths, complete_steps
from smplan.cli.options import LANG, argument, command, flag, option


@command(
    "init",
    argument(
        "path",
        default=Path("plan.yaml"),
        help="The plan file to create, or to complete where it stopped.",
        complete=complete_plan_paths,
    ),
    LANG,
    option(
        "step",
        "--step",
        help="Reopen one step with its current answers as defaults: a number (0 for the "
        "project, 1 to 8, 9 for putting the plan to work) or a name such as objectives or "
        "running.",
        complete=complete_steps,
    ),
    option(
        "answers",
        "--answers",
        kind=Path,
        help="A YAML file in the plan's own shape whose answers pre-fill the plan.",
    ),
    flag(
        "essentials",
        "--essentials",
        help="Ask only what the strategy cannot do without, and propose the rest from the "
        "answers given (Enter accepts a proposal): a first draft in one meeting.",
    ),
    flag(
        "interactive",
        "--interactive",
        off="--no-interactive",
        help="Ask questions even when standard input is not a terminal, reading one answer "
        "per line (--interactive), or never ask (--no-interactive). Default: ask only "
        "in a terminal.",
    ),
)
def run_init(
    path: Path,
    lang: str | None,
    step: str | None,
    answers: Path | None,
    essentials: bool,
    interactive: bool | None,
) -> int:
    """Build a plan by answering questions, step by step; every answer is saved at once.

    On an existing plan, the interview resumes at the question after the last answer.
    Ctrl-C stops at any time and keeps every answer given so far.
    Without a terminal (and without --interactive), nothing is asked:
    init lists what is still missing and exits with status 2.
    """
    from smplan.interview.session import init as run_interview

    speak_asked(lang)
    if interactive is None:
        interactive = sys.stdin.isatty()
    from smplan.cli.console import console
    from smplan.cli.terminal import asker_for

    asker = asker_for(console, interactive)
    run_interview(
        path,
        asker,
        lang=lang,
        step=step,
        answers=answers,
        interactive=interactive,
        essentials=essentials,
        debug=debug_enabled(),
    )
    return 0
