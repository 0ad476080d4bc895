"""`smplan init`: the guided interview, asked in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from smplan.cli import speak_asked


def run_init(
    path: Path,
    lang: str | None,
    step: str | None,
    answers: Path | None,
    essentials: bool,
    interactive: bool | None,
) -> int:
    """`smplan init`, its options parsed: the exit status once the interview stops."""
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
    )
    return 0
