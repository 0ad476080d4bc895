"""Time the interview on the large plan: how soon the first question shows, how fast answers save.

`bench.py` calls `interview_rows`; each figure comes from a fresh process:

- the first question: `smplan init LARGE --interactive` with answers piped in, timed
  from the start of the process to the moment the first question has been written;
- an answer saved: `python interview_bench.py answers LARGE` reopens the step of the
  metrics, edits one metric in the middle of the list and times, for each answer, the
  time from the answer to the next question (saving the file, checking the plan, putting
  the next question), which is what a person waits for.

    python benchmarks/interview_bench.py          # print the two rows' figures
"""

from __future__ import annotations

import json
import os
import selectors
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Targets: the first question within this many seconds of start, an answer saved within.
FIRST_QUESTION = 0.300
ANSWER_SAVED = 0.050
#: What any tool built on pydantic models and PyYAML pays before it does anything.
FLOOR = [sys.executable, "-c", "from pydantic import BaseModel, Field; import yaml"]
#: The metric edited, near the middle of the large plan's 300.
EDITED = 150


def _smplan() -> list[str]:
    script = Path(sys.executable).parent / "smplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "smplan"]


def first_question(plan: Path) -> float:
    """Seconds from starting `smplan init` on `plan` to its first question on the screen."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*_smplan(), "init", str(plan), "--interactive"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    assert child.stdout is not None and child.stdin is not None
    seen = b""
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        while not seen.rstrip(b" ").endswith((b":", b"?")) or not seen.endswith(b" "):
            if not selector.select(timeout=30):
                break
            chunk = os.read(child.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
    elapsed = time.perf_counter() - started
    child.stdin.close()  # end of input: the interview stops, every answer kept
    child.wait(timeout=30)
    child.stdout.close()
    return elapsed


def answer_latencies(plan: Path) -> list[float]:
    """Seconds from each answer to the next question, editing one metric of `plan`."""
    from smplan.errors import Interrupted
    from smplan.interview.questions import Block, Question
    from smplan.interview.session import init

    latencies: list[float] = []
    answered = {"at": 0.0}
    values = iter(
        [
            ("name", "Orders from social media, edited"),
            ("baseline", "12"),
            ("target", "45"),
            ("unit", "orders a month"),
            ("deadline", "2027-09-30"),
            ("source", "Order book, edited"),
            ("name", "Orders from social media, edited twice"),
        ]
    )
    pending: dict[str, str] = dict([next(values)])

    class Timer:
        def ask(self, question: Question) -> str:
            now = time.perf_counter()
            if answered["at"]:
                latencies.append(now - answered["at"])
                answered["at"] = 0.0
            if question.key == f"metrics[{EDITED}]":
                return "edit"
            field = question.key.rsplit(".", 1)[-1]
            if question.key.startswith(f"metrics[{EDITED}].") and field in pending:
                answer = pending.pop(field)
                try:
                    pending.update([next(values)])
                except StopIteration:
                    raise KeyboardInterrupt from None
                answered["at"] = time.perf_counter()
                return answer
            return ""

        def show(self, block: Block) -> None:
            pass

    try:
        init(plan, Timer(), step="metrics")
    except Interrupted:  # the answers ran out: the interview stops as at Ctrl-C
        pass
    return latencies


def interview_rows(work: Path, repeats: int, row: Callable[..., Any]) -> list[Any]:
    """The bench's two interview rows, built with its `Row` class."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import write_large

    large = write_large(1, work / "interview-large.yaml")
    firsts, floors = [], []
    for _ in range(repeats):  # in alternation, so a busy machine slows both alike
        firsts.append(first_question(large))
        started = time.perf_counter()
        subprocess.run(FLOOR, check=True)
        floors.append(time.perf_counter() - started)
    first, floor = statistics.median(firsts), statistics.median(floors)
    saves: list[float] = []
    for _ in range(max(1, repeats // 3)):
        copy = work / "interview-edited.yaml"
        copy.write_bytes(large.read_bytes())
        out = subprocess.run(
            [sys.executable, __file__, "answers", str(copy)],
            capture_output=True,
            text=True,
            check=True,
        )
        saves += json.loads(out.stdout)
    saved = statistics.median(saves)
    worst = max(saves)
    return [
        row(
            "`smplan init`, large plan: first question",
            f"{first * 1000:.0f} ms",
            f"{floor * 1000:.0f} ms (pydantic models, yaml)",
            f"{first / floor:.2f}×",
            f"≤ {FIRST_QUESTION * 1000:.0f} ms",
            first <= FIRST_QUESTION,
        ),
        row(
            "`smplan init`, large plan: an answer saved",
            f"{saved * 1000:.0f} ms (slowest {worst * 1000:.0f} ms)",
            "—",
            "—",
            f"≤ {ANSWER_SAVED * 1000:.0f} ms",
            saved <= ANSWER_SAVED,
        ),
    ]


def main(argv: list[str]) -> int:
    """`interview_bench.py answers PLAN` prints the latencies as JSON; alone, both figures."""
    if len(argv) == 2 and argv[0] == "answers":
        sys.stdout.write(json.dumps(answer_latencies(Path(argv[1]))))
        return 0
    import tempfile

    class Row:
        def __init__(self, *cells: Any) -> None:
            self.cells = cells

    with tempfile.TemporaryDirectory(prefix="smplan-bench-") as folder:
        for found in interview_rows(Path(folder), 5, Row):
            sys.stdout.write(" | ".join(map(str, found.cells)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
