"""The same plan gives the same bytes on any machine: another folder, clock, zone or locale.

Each render runs in a process of its own, with its own environment, so what a process
keeps (a cache, the hash seed, the time zone read at start-up) cannot hide a difference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: Two machines as unlike as a test can make them without changing the plan.
MACHINES = (
    {"TZ": "UTC", "LANG": "C.UTF-8", "PYTHONHASHSEED": "1"},
    {"TZ": "Pacific/Kiritimati", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8",
     "PYTHONHASHSEED": "4242"},
)  # fmt: skip


def _render(
    folder: Path, plan: str, fmt: str, machine: dict[str, str], command: tuple[str, ...]
) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LC_ALL")}
    env.update(machine, SMPLAN_CACHE_DIR=str(folder / "cache"))
    out = folder / f"out.{fmt}"
    result = subprocess.run(
        [sys.executable, "-m", "smplan", command[0], plan, *command[1:], "-f", fmt, "-o", str(out)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(
    "command", [("render",), ("report", "--period", "2027-02")], ids=lambda c: c[0]
)
def test_a_document_is_the_same_bytes_on_another_machine(tmp_path, fmt, command):
    example = "boulangerie.yaml"  # French, with results, a calendar and every step
    outputs = []
    for n, machine in enumerate(MACHINES):
        folder = tmp_path / f"machine-{n}" / ("deep/" * n) / "plans"
        folder.mkdir(parents=True)
        shutil.copy(EXAMPLES / example, folder / "plan.yaml")
        results = (EXAMPLES / example).with_suffix(".results.yaml")
        if results.exists():
            shutil.copy(results, folder / "plan.results.yaml")
        first = _render(folder, "plan.yaml", fmt, machine, command)
        if n == 0:
            again = _render(folder, "plan.yaml", fmt, machine, command)  # from the template cache
            assert again == first
        assert str(folder).encode() not in first
        outputs.append(first)
    assert outputs[0] == outputs[1]
