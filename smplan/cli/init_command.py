"""The Typer command `smplan init`: its options and help. The work is `run_init`, which
the fast path (`smplan.cli.fast`) calls too."""

from __future__ import annotations

from pathlib import Path

import typer

from smplan.cli import app
from smplan.cli.completers import complete_plan_paths, complete_steps
from smplan.cli.init import run_init


@app.command()
def init(
    path: Path = typer.Argument(
        Path("plan.yaml"),
        help="The plan file to create, or to complete where it stopped.",
        autocompletion=complete_plan_paths,
    ),
    lang: str = typer.Option(
        None, "--lang", help="Language of the questions. Default: the plan's own."
    ),
    step: str = typer.Option(
        None,
        "--step",
        help="Reopen one step with its current answers as defaults: a number (0 for the "
        "project, 1 to 8) or a name such as objectives.",
        autocompletion=complete_steps,
    ),
    answers: Path = typer.Option(
        None,
        "--answers",
        help="A YAML file in the plan's own shape whose answers pre-fill the plan.",
    ),
    essentials: bool = typer.Option(
        False,
        "--essentials",
        help="Ask only what the strategy cannot do without, and propose the rest from the "
        "answers given (Enter accepts a proposal): a first draft in one meeting.",
    ),
    interactive: bool = typer.Option(
        None,
        "--interactive/--no-interactive",
        help="Ask questions even when standard input is not a terminal, reading one answer "
        "per line (--interactive), or never ask (--no-interactive). Default: ask only "
        "in a terminal.",
        show_default=False,
    ),
) -> None:
    """Build a plan by answering questions, step by step; every answer is saved at once.

    On an existing plan, the interview resumes at the question after the last answer.
    Ctrl-C stops at any time and keeps every answer given so far.
    Without a terminal (and without --interactive), nothing is asked:
    init lists what is still missing and exits with status 2.
    """
    raise typer.Exit(run_init(path, lang, step, answers, essentials, interactive))
