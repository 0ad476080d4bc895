"""Time smplan as a user runs it, side by side with what any such tool pays, and print a table.

Every figure is the median of whole-process runs, in processor time (user and system, as
`wait4` reports it for the process and what it waited for), and every ratio compares two
commands timed in alternation in the same run, so a busy or slow machine moves both sides
alike. Peak memory is the maximum resident
set size of one fresh process, read from `wait4`. The plans timed are generated into a
temporary folder (see `generate.py`).

Two kinds of baseline are set up once under `build/bench/` and reused by later runs: the
peers, tools a person might use instead (check-jsonschema, yamllint, cookiecutter,
copier), installed from the package index into a venv of their own; and smplan 0.1.0,
built from the repository's history (commit 8827428) into another. A peer that cannot be
installed is left out with a note.

    python benchmarks/bench.py            # the full run, a few minutes on two cores
    python benchmarks/bench.py --quick    # fewer repetitions, to try a change
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import platform
import shutil
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
from interview_bench import interview_rows

EXAMPLE = EXAMPLES / "boulangerie.yaml"
SCHEMA = EXAMPLES / "smplan.schema.json"
PYTHON = sys.executable
#: What any tool built on pydantic models and PyYAML pays before it does anything.
FLOOR = [PYTHON, "-c", "from pydantic import BaseModel, Field; import yaml"]
FLOOR_NAME = "pydantic models, yaml"
ROOT = EXAMPLES.parent
BUILD = ROOT / "build" / "bench"
RELEASE = "8827428"  # smplan 0.1.0
#: The bakery as 0.1.0 shipped it: today's has keys 0.1.0 refuses (the calendar's), so
#: every comparison with 0.1.0 runs both versions on this one.
RELEASE_EXAMPLE = BUILD / "smplan-0.1.0-src" / "examples" / "boulangerie.yaml"
#: Peers: the package to install, and the command timed (its arguments after the script).
PEERS = {
    "check-jsonschema": ("check-jsonschema", ["--schemafile", str(SCHEMA), str(EXAMPLE)]),
    "yamllint": ("yamllint", [str(EXAMPLE)]),
    "cookiecutter": ("cookiecutter", ["--help"]),
    "copier": ("copier", ["--help"]),
}
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


#: Commands whose exit status says something about the file, not about the run (a linter
#: that finds long lines exits 1): any status short of a crash counts as a run.
ANY_STATUS: set[tuple[str, ...]] = set()


def run_once(command: Sequence[str], cwd: Path) -> float:
    """Processor seconds one run of `command` takes; a failed run stops the benchmark.

    The time the process (and any process it waited for) ran, in user and system mode,
    as `wait4` reports it: on a machine shared with other work, the time a process spends
    waiting for a processor would otherwise count as its own. On an idle machine it is
    the elapsed time, less the little spent waiting for files.
    """
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    with process.stderr:
        errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = code = os.waitstatus_to_exitcode(status)
    tolerated = tuple(command) in ANY_STATUS and 0 <= code < 2
    if code != 0 and not tolerated:
        raise SystemExit(
            f"benchmark command failed ({code}): {' '.join(command)}\n"
            + errors.decode("utf-8", "replace")
        )
    return usage.ru_utime + usage.ru_stime


def medians(commands: Sequence[Sequence[str]], repeats: int, cwd: Path) -> list[float]:
    """Median seconds of each command, the commands run in turn `repeats` times."""
    for command in commands:
        run_once(command, cwd)  # warm the file cache and the bytecode once
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeats):
        for i, command in enumerate(commands):
            times[i].append(run_once(command, cwd))
    return [statistics.median(t) for t in times]


def venv(folder: Path, *requirements: str) -> Path | None:
    """A venv in `folder` with `requirements` installed once (a stamp marks it done)."""
    stamp = folder / ".installed"
    python = folder / "bin" / "python"
    if stamp.exists() and python.exists():
        return python
    shutil.rmtree(folder, ignore_errors=True)
    made = subprocess.run([PYTHON, "-m", "venv", str(folder)], capture_output=True)
    if made.returncode != 0:
        return None
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    installed = subprocess.run([*pip, *requirements], capture_output=True, text=True)
    if installed.returncode != 0:
        sys.stderr.write(f"bench: could not install {' '.join(requirements)}:\n")
        sys.stderr.write(installed.stderr[-2000:])
        return None
    stamp.touch()
    return python


def release_smplan() -> list[str] | None:
    """The `smplan` command of 0.1.0, built from the repository's history once."""
    source = BUILD / "smplan-0.1.0-src"
    if not (BUILD / "smplan-0.1.0" / ".installed").exists():
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", RELEASE],
            capture_output=True,
        )
        if archive.returncode != 0:
            sys.stderr.write(f"bench: no commit {RELEASE} in this clone; 0.1.0 left out\n")
            return None
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    python = venv(BUILD / "smplan-0.1.0", str(source))
    return None if python is None else [str(python.parent / "smplan")]


def peer_commands(work: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Each peer's timed command, and a note for each peer that could not be installed."""
    python = venv(BUILD / "peers", *(package for package, _ in PEERS.values()))
    commands: dict[str, list[str]] = {}
    notes: list[str] = []
    for name, (_, args) in PEERS.items():
        script = python.parent / name if python is not None else None
        if script is None or not script.exists():
            notes.append(f"{name} could not be installed from the package index: left out.")
            continue
        command = [str(script), *args]
        tried = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if tried.returncode > 2 or "Traceback" in tried.stderr:
            notes.append(f"{name} does not run here ({tried.returncode}): left out.")
            continue
        ANY_STATUS.add(tuple(command))
        commands[name] = command
    return commands, notes


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
    release: str = "—"

    def cells(self) -> list[str]:
        """The row as table cells."""
        verdict = {True: "met", False: "**missed**", None: "—"}[self.met]
        return [
            self.measure,
            self.value,
            self.baseline,
            self.ratio,
            self.target,
            verdict,
            self.release,
        ]


def secs(value: float) -> str:
    """A duration as people read it: milliseconds under ten seconds."""
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def against_release(value: float, release: float | None) -> str:
    """The release's time and how this version compares with it."""
    return "—" if release is None else f"{secs(release)} ({value / release:.2f}×)"


def ratio_row(
    measure: str,
    value: float,
    baseline: float,
    name: str,
    limit: float | None,
    release: float | None = None,
) -> Row:
    """A row comparing a time to a baseline, with a target on the ratio (None: reported)."""
    ratio = value / baseline
    return Row(
        measure,
        secs(value),
        f"{secs(baseline)} ({name})",
        f"{ratio:.2f}×",
        "reported" if limit is None else f"≤ {limit:g}×",
        None if limit is None else ratio <= limit,
        against_release(value, release),
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
    head = ["Measure", "smplan", "Baseline", "Ratio", "Target", "Result", "0.1.0 (now ÷ 0.1.0)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def timed(
    commands: dict[str, Sequence[str] | None], repeats: int, cwd: Path
) -> dict[str, float | None]:
    """Medians of the named commands, run in alternation; None for a command left out."""
    present = {name: command for name, command in commands.items() if command is not None}
    found = dict(zip(present, medians(list(present.values()), repeats, cwd), strict=True))
    return {name: found.get(name) for name in commands}


def startup_rows(
    work: Path, repeats: int, release: list[str] | None, peers: dict[str, list[str]]
) -> list[Row]:
    """`--help`, `check`, `render --format md` against the floor, the peers and 0.1.0."""
    md = ["render", EXAMPLE, "--format", "md", "--output", work / "example.md"]
    old_md = ["render", RELEASE_EXAMPLE, "--format", "md", "--output", work / "old.md"]

    def old(*args: str | Path) -> list[str] | None:
        return None if release is None else release + [str(a) for a in args]

    def on_old(*args: str | Path) -> list[str] | None:
        return None if release is None else smplan(*args)

    t = timed(
        {
            "floor": FLOOR,
            "help": smplan("--help"),
            "check": smplan("check", EXAMPLE),
            "md": smplan(*md),
            "old help": old("--help"),
            "old check": old("check", RELEASE_EXAMPLE),
            "old md": old(*old_md),
            "check on old": on_old("check", RELEASE_EXAMPLE),
            "md on old": on_old(*old_md),
            **peers,
        },
        repeats,
        work,
    )
    floor, check = t["floor"] or 0.0, t["check"] or 0.0

    def versus_release(now: str, then: str) -> str:
        return against_release(t[now] or 0.0, t[then]) if t[now] is not None else "—"

    rows = [
        ratio_row("`smplan --help`", t["help"] or 0.0, floor, FLOOR_NAME, 2, t["old help"]),
        ratio_row(f"`smplan check {EXAMPLE.name}`", check, floor, FLOOR_NAME, 1.3),
        ratio_row(
            f"`smplan render {EXAMPLE.name} --format md`", t["md"] or 0.0, floor, FLOOR_NAME, 2
        ),
    ]
    rows[1].release = versus_release("check on old", "old check")
    rows[2].release = versus_release("md on old", "old md")
    for name, command in peers.items():
        shown = " ".join(Path(part).name for part in command)
        rows.append(
            ratio_row(
                f"`smplan check` beside `{shown}`",
                check,
                t[name] or 0.0,
                name,
                None,
            )
        )
    return rows


def pdf_rows(work: Path, repeats: int, release: list[str] | None) -> list[Row]:
    """`render --format pdf` against 0.1.0, and against WeasyPrint alone on the same HTML."""
    from smplan.plan.files import load_plan
    from smplan.render.environment import render_text
    from smplan.render.formats import RenderOptions, builtin_templates

    html = work / "example.html"
    plan = load_plan(EXAMPLE).plan
    html.write_text(render_text(plan, RenderOptions(fmt="html")), encoding="utf-8")
    css = builtin_templates() / "fonts.css"
    base = EXAMPLE.parent.resolve().as_uri() + "/"
    alone = [PYTHON, "-c", WEASYPRINT_ALONE, str(html), str(css), base, str(work / "alone.pdf")]
    args = ["render", str(EXAMPLE), "--format", "pdf", "--output", str(work / "example.pdf")]
    old_args = ["render", str(RELEASE_EXAMPLE), "--format", "pdf", "--output"]
    t = timed(
        {
            "alone": alone,
            "ours": smplan(*args),
            "ours on old": None if release is None else smplan(*old_args, work / "now.pdf"),
            "old": None if release is None else release + [*old_args, str(work / "old.pdf")],
        },
        repeats,
        work,
    )
    pdf, weasy = t["ours"] or 0.0, t["alone"] or 0.0
    measure = f"`smplan render {EXAMPLE.name} --format pdf`"
    rows = []
    if t["old"] is not None and t["ours on old"] is not None:
        rows.append(
            ratio_row(
                f"{measure} (0.1.0's bakery)",
                t["ours on old"],
                t["old"],
                "smplan 0.1.0",
                0.8,
                t["old"],
            )
        )
    rows.append(ratio_row(measure, pdf, weasy, "WeasyPrint alone, same HTML", None))
    return rows


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


DANGLING = 3000


def dangling_row(work: Path, repeats: int) -> Row:
    """`check` on a plan of thousands of references to ids that do not exist."""
    tiny = work / "tiny.yaml"
    tiny.write_text("smplan: 1\n", encoding="utf-8")
    plan = write_dangling(DANGLING, work / "dangling.yaml")
    findings = smplan("check", plan)
    ANY_STATUS.add(tuple(findings))  # the plan's dangling references are findings: status 1
    base, full = medians([smplan("check", tiny), findings], repeats, work)
    per_thousand = (full - base) / (DANGLING / 1000)
    return Row(
        f"`smplan check`, {DANGLING:,} dangling references among {DANGLING:,} ids",
        secs(full),
        f"{secs(base)} (empty plan)",
        f"{per_thousand:.2f} s per 1,000 references",
        "< 1 s per 1,000",
        per_thousand < 1.0,
    )


def large_rows(work: Path, repeats: int, release: list[str] | None) -> list[Row]:
    """`check` and `render --format md` on the large plan, and how their time grows."""
    tiny = work / "tiny.yaml"
    tiny.write_text("smplan: 1\n", encoding="utf-8")
    large = write_large(1, work / "large.yaml")
    larger = write_large(GROWTH, work / f"large-{GROWTH}x.yaml")
    rows: list[Row] = []
    for verb, extra in (("check", []), ("render", ["--format", "md", "--output", "out.md"])):
        t = timed(
            {
                "base": smplan(verb, tiny, *extra),
                "one": smplan(verb, large, *extra),
                "ten": smplan(verb, larger, *extra),
                "old one": None if release is None else [*release, verb, str(large), *extra],
                "old ten": None if release is None else [*release, verb, str(larger), *extra],
            },
            repeats,
            work,
        )
        base, one, ten = t["base"] or 0.0, t["one"] or 0.0, t["ten"] or 0.0
        shown = f"`smplan {verb}{' --format md' if extra else ''}`"
        rows.append(
            Row(
                f"{shown}, large plan",
                secs(one),
                "—",
                "—",
                "< 1 s",
                one < 1.0,
                against_release(one, t["old one"]),
            )
        )
        # Start-up is the same at every size: growth is judged on the work after it.
        growth = (ten - base) / (one - base) if one > base else math.inf
        # Noise can leave no measurable work at × 1 (a --quick run): no exponent then.
        exponent = math.log(growth) / math.log(GROWTH) if 0 < growth < math.inf else math.nan
        rows.append(
            Row(
                f"{shown}, large plan × {GROWTH}",
                secs(ten),
                f"{secs(one)} (× 1), {secs(base)} (empty plan)",
                f"work × {growth:.1f} (size^{exponent:.2f})",
                f"≤ × {GROWTH} (linear)",
                growth <= GROWTH,
                against_release(ten, t["old ten"]),
            )
        )
    return rows


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
            f"{floor:.0f} MiB ({FLOOR_NAME})",
            "—",
            "reported",
            None,
        )
        for name, command in measured
    ]


def compiled_like_an_install() -> None:
    """Write smplan's bytecode, as installing a wheel does, before anything is timed.

    The editable install reads the sources; where PYTHONDONTWRITEBYTECODE is set (as on
    many CI machines) no bytecode is ever written, and every run would compile smplan from
    source while the peers and 0.1.0, installed by pip, read theirs compiled.
    """
    compileall.compile_dir(str(ROOT / "smplan"), quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the machine and the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    options = parser.parse_args(argv)
    fast, slow = (3, 1) if options.quick else (11, 3)
    started = time.perf_counter()
    BUILD.mkdir(parents=True, exist_ok=True)
    compiled_like_an_install()
    release = release_smplan()
    with tempfile.TemporaryDirectory(prefix="smplan-bench-") as folder:
        work = Path(folder)
        peers, notes = peer_commands(work)
        if release is None:
            notes.append("smplan 0.1.0 could not be built: its column is left empty.")
        rows = startup_rows(work, fast, release, peers)
        rows += pdf_rows(work, slow + 2, release)
        rows.append(batch_row(work, slow))
        rows += large_rows(work, slow, release)
        rows.append(dangling_row(work, slow))
        rows += interview_rows(work, fast, Row)
        rows += memory_rows(work)
    missed = sum(1 for row in rows if row.met is False)
    sys.stdout.write(
        f"Machine: {machine()}\n"
        f"Medians of {fast} runs ({slow} for the slow rows, {slow + 2} for PDF), "
        "timed side by side, in processor time (user + system) of each process.\n\n"
        f"{table(rows)}\n\n"
        "Large plan: 50 team members, 100 objectives, 300 metrics, 40 segments, 60 channels; "
        f"× {GROWTH} has ten times each. Growth is judged on the time after start-up "
        "(the empty plan's). The peers are timed beside `smplan check`; the last column is "
        "smplan 0.1.0 on the same command, on 0.1.0's own bakery where the row is about the "
        "bakery (today's has calendar keys 0.1.0 refuses).\n"
        + "".join(f"{note}\n" for note in notes)
        + f"{missed} target(s) missed; the whole run took {time.perf_counter() - started:.0f} s.\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
