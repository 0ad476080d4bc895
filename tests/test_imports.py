"""Start-up discipline: each command imports only what it uses; only a PDF needs WeasyPrint.

Each command runs in a fresh interpreter, which then writes down every module it has
loaded. Module-level imports in one command's file cost every other command their time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "boulangerie.yaml"

#: Runs `smplan ARGS...` (argv[2:]) and writes its exit status and sys.modules to argv[1].
PROBE = """
import json, sys
from smplan.cli import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"exit": code, "modules": sorted(sys.modules)}, out)
"""

#: The PDF engine and what it brings; nothing but `render --format pdf` may load them.
PDF_ENGINE = {"weasyprint", "pydyf", "tinycss2", "cssselect2", "fontTools", "PIL", "cffi"}
#: Templates, locale data and the comment-keeping YAML writer.
DOCUMENT = {"jinja2", "babel", "markupsafe"}
WRITER = {"ruamel"}
#: The option parser and the terminal styling: the common `check` and `render` do without.
TERMINAL = {"typer", "click", "rich"}
#: What only a batch of plans (a process pool) or the PDF engine's library lookups need,
#: and what only pydantic's plugin discovery reads installed packages with.
POOL_AND_LOOKUPS = {"multiprocessing", "concurrent.futures.process", "ctypes"}
METADATA = {"importlib.metadata"}
#: Parts of smplan that belong to one command only.
#: The format registry (`smplan.render.formats`) is light and named in `render --help`.
RENDERING = {
    "smplan.render.environment",
    "smplan.render.markdown",
    "smplan.render.pdf",
    "smplan.render.files",
    "smplan.render.view",
    "smplan.render.charts",
}
INTERVIEW = {"smplan.interview", "smplan.interview.guidance", "smplan.plan.roundtrip"}
SKELETON = {"smplan.plan.skeleton", "smplan.plan.schema"}
PLAN = {"smplan.plan.model", "smplan.plan.files", "smplan.checks", "pydantic", "yaml"}
#: What only `calendar` loads; its format registry is light and named in `calendar --help`.
#: The document shows the calendar's first month, so `render` dates the plan too.
ICALENDAR = {"icalendar"}
CALENDAR_FILES = {
    "smplan.render.ics",
    "smplan.render.schedulers",
    "smplan.render.sheets",
    "smplan.render.calendar_pages",
}
CALENDAR = {"smplan.calendar", "smplan.render.calendar_views", *CALENDAR_FILES}


def loaded_by(*args: str | Path, cwd: Path) -> set[str]:
    """The modules a fresh `smplan ARGS...` has loaded when it exits (after a clean exit)."""
    report = cwd / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.exists(), done.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["exit"] in (0, None), done.stdout + done.stderr
    return set(data["modules"])


def present(modules: set[str], names: set[str]) -> list[str]:
    """Which of `names` (packages or modules, with their submodules) are loaded."""
    return sorted(
        name for name in names if any(m == name or m.startswith(name + ".") for m in modules)
    )


#: Each command, what it must load (proof that the probe sees it), the libraries it must
#: not load, and the parts of smplan that belong to other commands.
COMMANDS = {
    "help": (
        ["--help"],
        {"typer"},
        PDF_ENGINE | DOCUMENT | WRITER | ICALENDAR,
        RENDERING | INTERVIEW | SKELETON | PLAN | CALENDAR,
    ),
    "check": (
        ["check", EXAMPLE],
        {"smplan.plan.files", "smplan.checks"},
        PDF_ENGINE | DOCUMENT | WRITER | ICALENDAR | TERMINAL | POOL_AND_LOOKUPS | METADATA,
        RENDERING | INTERVIEW | SKELETON | CALENDAR,
    ),
    "render-md": (
        ["render", EXAMPLE, "--format", "md", "--output", "plan.md"],
        {"jinja2", "smplan.render", "smplan.calendar"},
        PDF_ENGINE | WRITER | ICALENDAR | TERMINAL | POOL_AND_LOOKUPS | METADATA,
        INTERVIEW | SKELETON | CALENDAR_FILES,
    ),
    "render-html": (
        ["render", EXAMPLE, "--format", "html", "--output", "plan.html"],
        {"jinja2", "smplan.render", "smplan.calendar"},
        PDF_ENGINE | WRITER | ICALENDAR | TERMINAL | POOL_AND_LOOKUPS | METADATA,
        INTERVIEW | SKELETON | CALENDAR_FILES,
    ),
    "calendar-ics": (
        ["calendar", EXAMPLE, "--format", "ics", "--output", "plan.ics"],
        {"icalendar", "smplan.calendar", "smplan.render.ics"},
        PDF_ENGINE | WRITER,
        INTERVIEW | SKELETON,
    ),
    "diff": (
        ["diff", EXAMPLE, EXAMPLE, "--format", "md"],
        {"smplan.checks.diff", "babel"},
        PDF_ENGINE | WRITER | {"jinja2"},
        RENDERING | INTERVIEW | SKELETON,
    ),
    "status": (
        ["status", EXAMPLE],
        # Babel writes the figures the way the plan's language writes numbers.
        {"smplan.plan.pacing", "smplan.plan.results", "smplan.checks.results", "babel"},
        PDF_ENGINE | (DOCUMENT - {"babel"}) | WRITER,
        RENDERING | INTERVIEW | SKELETON,
    ),
    # The calendar to read is laid out from templates, as the document is.
    "calendar-md": (
        ["calendar", EXAMPLE, "--output", "plan.md"],
        {"smplan.calendar", "smplan.render.calendar_pages", "jinja2"},
        PDF_ENGINE | WRITER | ICALENDAR,
        INTERVIEW | SKELETON | {"smplan.render.ics", "smplan.render.schedulers"},
    ),
    "schema": (
        ["schema"],
        # Babel's names of the languages: the schema accepts `English` as `check` does.
        {"smplan.plan.schema", "babel"},
        PDF_ENGINE | (DOCUMENT - {"babel"}) | WRITER,
        RENDERING | INTERVIEW,
    ),
    "new": (
        ["new", "plan.yaml"],
        # Babel's territory data gives the currency of the plan's language.
        {"smplan.plan.skeleton", "babel"},
        PDF_ENGINE | (DOCUMENT - {"babel"}) | WRITER,
        RENDERING | INTERVIEW,
    ),
}


@pytest.fixture(scope="module")
def modules_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], set[str]]:
    """The modules each command loads, found once per command for the whole module."""
    found: dict[str, set[str]] = {}

    def lookup(command: str) -> set[str]:
        if command not in found:
            args, needed, _, _ = COMMANDS[command]
            cwd = tmp_path_factory.mktemp(command)
            if "smplan.calendar" in needed:
                # The first run of a plan's markets works their holidays out with the
                # `holidays` package and keeps them; every later run reads what it kept.
                loaded_by(*args, cwd=cwd)
            found[command] = loaded_by(*args, cwd=cwd)
        return found[command]

    return lookup


@pytest.mark.parametrize("command", COMMANDS)
def test_command_loads_what_it_needs_and_no_heavy_library_it_does_not(command, modules_of):
    _, needed, heavy, _ = COMMANDS[command]
    modules = modules_of(command)
    assert present(modules, needed) == sorted(needed)
    assert present(modules, heavy) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_command_loads_no_code_of_other_commands(command, modules_of):
    _, _, _, others = COMMANDS[command]
    assert present(modules_of(command), others) == []


@pytest.mark.slow
def test_pdf_render_is_the_one_command_that_loads_weasyprint(tmp_path):
    # Also proves the probe sees a lazily imported engine, so the tests above can fail.
    # A plan of a few lines: what is loaded does not depend on the document's length.
    plan = tmp_path / "small.yaml"
    plan.write_text("smplan: 1\nproject:\n  name: Plan\n  organization: Org\n  language: en\n")
    out = tmp_path / "plan.pdf"
    modules = loaded_by("render", plan, "--format", "pdf", "--output", out, cwd=tmp_path)
    assert out.read_bytes().startswith(b"%PDF-")
    assert present(modules, {"weasyprint"}) == ["weasyprint"]
    assert present(modules, WRITER) == []


#: The command line imports the core inside each command, so `--help` loads none of it.
LAZY_BY_DESIGN = ("cli",)


def test_the_core_imports_its_own_modules_at_the_top():
    """A function-level import hides a dependency; only heavy third-party libraries earn one."""
    import ast

    hidden = []
    for path in sorted((ROOT / "smplan").rglob("*.py")):
        if path.relative_to(ROOT / "smplan").parts[0] in LAZY_BY_DESIGN:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                names = []
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    names = [inner.module]
                elif isinstance(inner, ast.Import):
                    names = [alias.name for alias in inner.names]
                hidden += [
                    f"{path.relative_to(ROOT)}:{inner.lineno}: {name}"
                    for name in names
                    if name == "smplan" or name.startswith("smplan.")
                ]
    assert hidden == []
