"""Run smplan as a separate process, as a shell or a CI job runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Ran:
    """What a finished smplan process left: its exit code and what it printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Standard output and error together."""
        return self.stdout + self.stderr


def smplan(
    *args: str | Path,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Ran:
    """Run `smplan ARGS...` in `cwd`, in English unless `env` says otherwise."""
    environment = {**os.environ, "LANG": "C.UTF-8", **(env or {})}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        if name not in (env or {}):
            environment.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "smplan", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        timeout=timeout,
    )
    return Ran(
        done.returncode,
        done.stdout.decode("utf-8", "surrogateescape"),
        done.stderr.decode("utf-8", "surrogateescape"),
    )


def no_traceback(ran: Ran) -> None:
    """Assert the process ended with a message of smplan's, not a crash."""
    assert "Traceback" not in ran.output, ran.output
    assert "internal error" not in ran.output, ran.output
