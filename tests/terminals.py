"""`smplan init` in a pseudo-terminal, as a consultant's terminal runs it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: What prompt_toolkit sends once a prompt is drawn and waits for keys.
SHOW_CURSOR = "\x1b[?25h"


def spawn_init(pexpect: Any, cwd: Path, *args: str, rows: int, columns: int) -> Any:
    """`smplan init plan.yaml ARGS` in a pseudo-terminal of `rows` × `columns`, with
    prompt_toolkit's line editing and no colours."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "COLUMNS": str(columns),
        "LINES": str(rows),
        # Nobody answers the cursor position requests of a pseudo-terminal.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "smplan", "init", "plan.yaml", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(rows, columns),
    )
