"""Bad plan files: `smplan check` refuses each one at its line, in bounded time and memory.

Each file of `tests/corpus/` is described in `tests/corpus/expected.toml` (exit status,
the line of every problem, words the message must hold). Huge and deeply nested files are
generated here instead of being committed. Every file is checked in a process of its own
with its address space and processor time capped, the way a user would run it, and must
come out unchanged.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import Forker

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS / "expected.toml"
EXPECTED = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))

#: A check gets this much address space and this much processor time, whatever the file
#: holds; the clock's limit only guards against a hang on a machine busy with other work.
MEMORY_LIMIT = 1024**3
CPU_SECONDS = 20
TIME_LIMIT = 180.0

LOCATED = re.compile(r"^\s*(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<rest>.*)$", re.M)
#: A rule's finding, once the loader's problems are printed: the parts that load are
#: checked too. The loader's own problems carry SMP000 or a code of SMP020 to SMP039.
CODE = re.compile(r"error SMP\d{3}: ")
RULE_FINDING = re.compile(r"(error|warning) SMP(?!000|0[23]\d)\d{3}: ")


@dataclass(frozen=True)
class Expected:
    """What `smplan check` must answer for one bad file."""

    exit: int
    lines: list[int]
    says: list[str]


@dataclass(frozen=True)
class Run:
    """A finished `smplan check`: what it printed, its status and how long it took."""

    exit_code: int
    output: str
    seconds: float


LIMITS = {"RLIMIT_AS": (MEMORY_LIMIT, MEMORY_LIMIT), "RLIMIT_CPU": (CPU_SECONDS, CPU_SECONDS)}


def check_in_own_process(name: str, cwd: Path) -> Run:
    """Run `smplan check NAME` from `cwd` in a process of its own, capped in memory and time."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "80"}
    start = time.perf_counter()
    code, stdout, stderr = Forker.run(["check", name], cwd, env, TIME_LIMIT, LIMITS)
    seconds = time.perf_counter() - start
    return Run(code, (stdout + stderr).decode("utf-8", "replace"), seconds)


def assert_refused(run: Run, name: str, expected: Expected) -> None:
    """The status, every located line in order, the words on them, and no crash."""
    assert "Traceback" not in run.output, run.output
    assert "internal error" not in run.output, run.output
    assert run.exit_code == expected.exit, run.output
    assert run.seconds < TIME_LIMIT
    located = [
        m
        for m in LOCATED.finditer(run.output)
        if m["file"] == name and not RULE_FINDING.search(m["rest"])
    ]
    assert [int(m["line"]) for m in located] == expected.lines, run.output[:4000]
    if expected.lines:
        for match, words in zip(located, expected.says, strict=False):
            # The report puts the code between the path and the message: `path: error
            # SMP028: message`; the words are written `path: message`.
            assert words in CODE.sub("", match["rest"]), match.group(0)
    else:
        unplaced = [line for line in run.output.splitlines() if line.startswith(f"{name}: ")]
        assert unplaced, run.output
        for words in expected.says:
            assert words in unplaced[0], unplaced[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def corpus_files() -> list[str]:
    """The bad plan files in the corpus folder, as paths relative to it."""
    return sorted(
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p != MANIFEST and "__pycache__" not in p.parts
    )


def test_every_corpus_file_is_described_and_every_description_has_a_file():
    assert corpus_files() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_at_its_line_and_left_unchanged(name, tmp_path):
    entry = EXPECTED[name]
    expected = Expected(entry["exit"], entry["lines"], entry["says"])
    assert len(expected.says) <= max(len(expected.lines), 1), "more words than lines"
    target = tmp_path / name
    target.parent.mkdir(parents=True)
    shutil.copy2(CORPUS / name, target)
    before = snapshot(tmp_path)

    run = check_in_own_process(name, tmp_path)

    assert_refused(run, name, expected)
    assert snapshot(tmp_path) == before


# --- Files too big to commit: built here, checked the same way ---------------------------


def too_large() -> tuple[bytes, Expected]:
    """A plausible plan just over the size limit: refused before it is parsed."""
    trends = "".join(f"    - Trend number {i} in the local bakery market\n" for i in range(60_000))
    data = f"smplan: 1\nlistening:\n  trends:\n{trends}".encode()
    assert len(data) > 2 * 1024 * 1024
    return data, Expected(2, [], ["file is too large"])


def too_many_values() -> tuple[bytes, Expected]:
    """Under the size limit, but more values than any plan holds."""
    data = ("smplan: 1\nlistening:\n  trends: [" + ",".join("a" * 250_000) + "]\n").encode()
    return data, Expected(2, [3], ["more than 200,000 values in one file"])


def deep_flow() -> tuple[bytes, Expected]:
    """A hundred thousand nested brackets: refused without exhausting the stack."""
    data = ("smplan: 1\nvalue: " + "[" * 100_000 + "]" * 100_000 + "\n").encode()
    return data, Expected(2, [2], ["nested more than 40 levels deep"])


def deep_block() -> tuple[bytes, Expected]:
    """Two thousand levels of indented mappings."""
    data = ("smplan: 1\n" + "".join(" " * i + f"k{i}:\n" for i in range(2_000))).encode()
    return data, Expected(2, [41], ["nested more than 40 levels deep"])


def long_line() -> tuple[bytes, Expected]:
    """A quoted value of almost two megabytes that is never closed."""
    data = ('smplan: 1\nproject:\n  name: Plan\n  author: "' + "a" * 1_900_000).encode()
    return data, Expected(2, [4], ["the file ends inside a quoted text"])


def many_errors() -> tuple[bytes, Expected]:
    """Ten thousand wrong metrics: every problem reported, in file order."""
    count = 10_000
    metrics = "".join(f"- id: Metric {i}\n  target: lots\n" for i in range(count))
    data = f"smplan: 1\nmetrics:\n{metrics}".encode()
    lines = [line for i in range(count) for line in (3 + 2 * i, 4 + 2 * i)]
    return data, Expected(1, lines, ["metrics[1].id: `Metric 0` is not a valid id"])


GENERATED: list[Callable[[], tuple[bytes, Expected]]] = [
    too_large,
    too_many_values,
    deep_flow,
    deep_block,
    long_line,
    many_errors,
]


@pytest.mark.slow
@pytest.mark.parametrize("build", GENERATED, ids=lambda build: build.__name__.replace("_", "-"))
def test_huge_or_deep_file_is_refused_in_bounded_time_and_memory(build, tmp_path):
    data, expected = build()
    (tmp_path / "plan.yaml").write_bytes(data)
    before = snapshot(tmp_path)

    run = check_in_own_process("plan.yaml", tmp_path)

    assert_refused(run, "plan.yaml", expected)
    assert snapshot(tmp_path) == before
