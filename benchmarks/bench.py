"""Time smplan as a user runs it, side by side with what any such tool pays, and print a table.

Every figure is the median of whole-process runs (`time.perf_counter` around
`subprocess.run`), and every ratio compares two commands timed in alternation in the same
run, so a busy or slow machine moves both sides alike. Peak memory is the maximum resident
set size of one fresh process, read from `wait4`. The plans timed are generated into a
temporary folder (see `generate.py`); nothing is written in the repository.

    python benchmarks/bench.py            # the full run, a few minutes on two cores
    python benchmarks/bench.py --quick    # fewer repetitions, to try a change
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Run as a script, this folder is on sys.path: the generator is a sibling module.
from generate import EXAMPLES, write_batch, write_dangling, write_large

EXAMPLE = EXAMPLES / "boulangerie.yaml"
PYTHON = sys.executable
FLOOR = [PYTHON, "-c", "import pydantic, yaml"]
BATCH = 200
GROWTH = 10

#: WeasyPrint alone: the HTML smplan renders, with the same font stylesheet, to PDF.
WEASYPRINT_ALONE = """
import sys, warnings
warnings.simplefilter("ignore")
import weasyprint
from weasyprint.text.fonts import FontConfiguration
html, css, base, out = sys.argv[1:5]
fonts = FontConfiguration()
sheet = weasyprint.CSS(filename=css, font_config=fonts)
document = weasyprint.HTML(filename=html, base_url=base)
document.write_pdf(out, stylesheets=[sheet], font_config=fonts)
"""


def smplan(*args: str | Path) -> list[str]:
    """The command line of `smplan ARGS...`, through the installed console script."""
    script = Path(PYTHON).parent / "smplan"
    head = [str(script)] if script.exists() else [PYTHON, "-m", "smplan"]
    return head + [str(a) for a in args]


#: Commands expected to end with status 1 (findings), kept as tuples.
FINDINGS_EXPECTED: set[tuple[str, ...]] = set()


def _allow_findings(command: list[str]) -> list[str]:
    """`command`, whose status 1 (the plan has findings) is its expected result."""
    FINDINGS_EXPECTED.add(tuple(command))
    return command


def run_once(command: Sequence[str], cwd: Path) -> float:
    """Seconds one run of `command` takes; a failed run stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    expected = 1 if tuple(command) in FINDINGS_EXPECTED else 0
    if done.returncode != expected:
        raise SystemExit(
            f"benchmark command failed ({done.returncode}): {' '.join(command)}\n"
            + done.stderr.decode("utf-8", "replace")
        )
    return seconds


def medians(commands: Sequence[Sequence[str]], repeats: int, cwd: Path) -> list[float]:
    """Median seconds of each command, the commands run in turn `repeats` times."""
    for command in commands:
        run_once(command, cwd)  # warm the file cache and the bytecode once
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeats):
        for i, command in enumerate(commands):
            times[i].append(run_once(command, cwd))
    return [statistics.median(t) for t in times]


#: Starts a command from a small interpreter and prints the command's peak memory (KiB).
#: A child's high-water mark starts at its parent's size: measured from this benchmark's
#: own process, every figure would read at least as large as the benchmark itself.
MEASURE_MEMORY = """
import os, sys
command = sys.argv[1:]
quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
pid = os.posix_spawnp(command[0], command, os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory(command: Sequence[str], cwd: Path) -> float:
    """Peak resident memory of one fresh run of `command`, in MiB."""
    done = subprocess.run(
        [PYTHON, "-c", MEASURE_MEMORY, *command], cwd=cwd, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{done.stderr}")
    return int(done.stdout) / 1024  # Linux reports KiB


@dataclass
class Row:
    """One line of the table: what was measured, against what, and whether it meets its target."""

    measure: str
    value: str
    baseline: str
    ratio: str
    target: str
    met: bool | None

    def cells(self) -> list[str]:
        """The row as table cells."""
        verdict = {True: "met", False: "**missed**", None: "—"}[self.met]
        return [self.measure, self.value, self.baseline, self.ratio, self.target, verdict]


def secs(value: float) -> str:
    """A duration as people read it: milliseconds under ten seconds."""
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def ratio_row(measure: str, value: float, baseline: float, name: str, limit: float) -> Row:
    """A row comparing a time to a baseline, with a target on the ratio."""
    ratio = value / baseline
    return Row(
        measure,
        secs(value),
        f"{secs(baseline)} ({name})",
        f"{ratio:.2f}×",
        f"≤ {limit:g}×",
        ratio <= limit,
    )


def machine() -> str:
    """One line naming the machine, the system and the versions that matter."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split()[1])
        memory = f", {total_kib / 1024**2:.0f} GiB RAM"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("smplan", "pydantic", "weasyprint")
    )
    return (
        f"{cpu}, {cores} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {versions}"
    )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    head = ["Measure", "smplan", "Baseline", "Ratio", "Target", "Result"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def startup_rows(work: Path, repeats: int) -> list[Row]:
    """`--help`, `check` and `render --format md` against importing pydantic and yaml."""
    floor, help_, check, md = medians(
        [
            FLOOR,
            smplan("--help"),
            smplan("check", EXAMPLE),
            smplan("render", EXAMPLE, "--format", "md", "--output", work / "example.md"),
        ],
        repeats,
        work,
    )
    name = "import pydantic, yaml"
    return [
        ratio_row("`smplan --help`", help_, floor, name, 2),
        ratio_row(f"`smplan check {EXAMPLE.name}`", check, floor, name, 2),
        ratio_row(f"`smplan render {EXAMPLE.name} --format md`", md, floor, name, 3),
    ]


def pdf_row(work: Path, repeats: int) -> Row:
    """`render --format pdf` against WeasyPrint alone turning the same HTML into a PDF."""
    from smplan.plan.files import load_plan
    from smplan.render.environment import render_text
    from smplan.render.formats import RenderOptions, builtin_templates

    html = work / "example.html"
    plan = load_plan(EXAMPLE).plan
    html.write_text(render_text(plan, RenderOptions(fmt="html")), encoding="utf-8")
    css = builtin_templates() / "fonts.css"
    base = EXAMPLE.parent.resolve().as_uri() + "/"
    alone = [PYTHON, "-c", WEASYPRINT_ALONE, str(html), str(css), base, str(work / "alone.pdf")]
    ours = smplan("render", EXAMPLE, "--format", "pdf", "--output", work / "example.pdf")
    weasy, pdf = medians([alone, ours], repeats, work)
    overhead = pdf / weasy - 1
    return Row(
        f"`smplan render {EXAMPLE.name} --format pdf`",
        secs(pdf),
        f"{secs(weasy)} (WeasyPrint alone, same HTML)",
        f"{overhead:+.0%} overhead",
        "≤ +10%",
        overhead <= 0.10,
    )


def batch_row(work: Path, repeats: int) -> Row:
    """Markdown for 200 plans in one call: the time each plan adds after the first."""
    plans = write_batch(BATCH, work / "batch")
    out = work / "batch-out"
    one = smplan("render", plans[0], "--format", "md", "--output", work / "one.md")
    every = smplan("render", *plans, "--format", "md", "--output", out)
    single, total = medians([one, every], repeats, work)
    per_plan = (total - single) / (BATCH - 1)
    return Row(
        f"{BATCH} plans to Markdown in one call",
        f"{secs(total)} in all",
        f"{secs(single)} (one plan)",
        f"{per_plan * 1000:.0f} ms per plan after the first",
        "≤ 20 ms per plan",
        per_plan <= 0.020,
    )


def large_rows(work: Path, repeats: int) -> list[Row]:
    """`check` and `render --format md` on the large plan, and how their time grows."""
    tiny = work / "tiny.yaml"
    tiny.write_text("smplan: 1\n", encoding="utf-8")
    large = write_large(1, work / "large.yaml")
    larger = write_large(GROWTH, work / f"large-{GROWTH}x.yaml")
    rows: list[Row] = []
    for verb, extra in (("check", []), ("render", ["--format", "md", "--output", "out.md"])):
        base, one, ten = medians(
            [smplan(verb, p, *extra) for p in (tiny, large, larger)], repeats, work
        )
        shown = f"`smplan {verb}{' --format md' if extra else ''}`"
        rows.append(
            Row(
                f"{shown}, large plan",
                secs(one),
                "—",
                "—",
                "< 1 s",
                one < 1.0,
            )
        )
        # Start-up is the same at every size: growth is judged on the work after it.
        growth = (ten - base) / (one - base)
        exponent = math.log(growth) / math.log(GROWTH)
        rows.append(
            Row(
                f"{shown}, large plan × {GROWTH}",
                secs(ten),
                f"{secs(one)} (× 1), {secs(base)} (empty plan)",
                f"work × {growth:.1f} (size^{exponent:.2f})",
                f"≤ × {GROWTH} (linear)",
                growth <= GROWTH,
            )
        )
    return rows


DANGLING = 3000


def dangling_row(work: Path, repeats: int) -> Row:
    """`check` on a plan of thousands of references to ids that do not exist."""
    tiny = work / "tiny.yaml"
    tiny.write_text("smplan: 1\n", encoding="utf-8")
    plan = write_dangling(DANGLING, work / "dangling.yaml")
    commands = [smplan("check", tiny), _allow_findings(smplan("check", plan))]
    base, full = medians(commands, repeats, work)
    per_thousand = (full - base) / (DANGLING / 1000)
    return Row(
        f"`smplan check`, {DANGLING:,} dangling references among {DANGLING:,} ids",
        secs(full),
        f"{secs(base)} (empty plan)",
        f"{per_thousand:.2f} s per 1,000 references",
        "< 1 s per 1,000",
        per_thousand < 1.0,
    )


def memory_rows(work: Path) -> list[Row]:
    """Peak resident memory of `check` and of a PDF render, with the floor for scale."""
    floor = peak_memory(FLOOR, work)
    measured = [
        (f"`smplan check {EXAMPLE.name}`", smplan("check", EXAMPLE)),
        ("`smplan check`, large plan", smplan("check", work / "large.yaml")),
        (f"`smplan check`, large plan × {GROWTH}", smplan("check", work / f"large-{GROWTH}x.yaml")),
        (
            f"`smplan render {EXAMPLE.name} --format pdf`",
            smplan("render", EXAMPLE, "--format", "pdf", "--output", work / "memory.pdf"),
        ),
    ]
    return [
        Row(
            f"Peak memory, {name}",
            f"{peak_memory(command, work):.0f} MiB",
            f"{floor:.0f} MiB (import pydantic, yaml)",
            "—",
            "reported",
            None,
        )
        for name, command in measured
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the machine and the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    options = parser.parse_args(argv)
    fast, slow = (3, 1) if options.quick else (11, 3)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="smplan-bench-") as folder:
        work = Path(folder)
        rows = startup_rows(work, fast)
        rows.append(pdf_row(work, slow + 2))
        rows.append(batch_row(work, slow))
        rows += large_rows(work, slow)
        rows.append(dangling_row(work, slow))
        rows += memory_rows(work)
    missed = sum(1 for row in rows if row.met is False)
    sys.stdout.write(
        f"Machine: {machine()}\n"
        f"Medians of {fast} runs ({slow} for the slow rows, {slow + 2} for PDF), "
        "timed side by side.\n\n"
        f"{table(rows)}\n\n"
        "Large plan: 50 team members, 100 objectives, 300 metrics, 40 segments, 60 channels; "
        f"× {GROWTH} has ten times each. Growth is judged on the time after start-up "
        "(the empty plan's).\n"
        f"{missed} target(s) missed; the whole run took {time.perf_counter() - started:.0f} s.\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
