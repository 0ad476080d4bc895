"""Shared fixtures: run the CLI as a user would, build file trees, compare golden files."""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOT = Path(__file__).resolve().parent.parent
#: The shipped examples, each a complete plan.
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
#: A plan that cannot be read, rendered among the examples as a CI batch would meet one.
BROKEN = "smplan: 1\nproject: [oops\n"

# smplan speaks the language the environment asks for (LANGUAGE, LC_ALL, LANG) where a
# plan does not say; the tests expect English unless they ask for another.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True, scope="session")
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep compiled templates in a folder of the test session, not the user's cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add --update-golden, the one way golden files are rewritten."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output (review the diff before committing).",
    )


@dataclass
class Result:
    """What a user sees after running a command."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Standard output and error together."""
        return self.stdout + self.stderr


Run = Callable[..., Result]


@pytest.fixture
def smplan() -> Run:
    """Run `smplan ARGS...` in-process, with optional standard input; never raises."""
    from smplan.cli import main

    def run(*args: str | Path, input: str | None = None) -> Result:
        runner = CliRunner()
        with runner.isolation(input=input) as streams:
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = streams[0].getvalue(), streams[1].getvalue()
        return Result(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))

    return run


@pytest.fixture
def tree(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Build a file tree from {relative path: content} under a temporary folder."""

    def build(files: dict[str, str | bytes]) -> Path:
        for rel, content in files.items():
            target = tmp_path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return tmp_path

    return build


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME byte for byte; --update-golden rewrites it."""
    update = bool(request.config.getoption("--update-golden"))

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        assert path.exists(), f"missing golden file {name}: run pytest --update-golden"
        expected = path.read_bytes().decode("utf-8")
        if actual != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    fromfile=f"golden/{name}",
                    tofile="actual",
                )
            )
            pytest.fail(f"output differs from golden/{name}:\n{diff[:6000]}")

    return compare


# --- The examples as PDF, rendered once for every test that reads their pages ----------------
# A PDF of every example takes the best part of a minute of processor time: the first of the
# run's workers to need them renders them into a folder all workers share, under a lock, and
# the others wait for it and read the same files.


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _render_all(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    broken = folder / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "smplan",
            "render",
            *map(str, EXAMPLES),
            str(broken),
            "--format",
            "pdf",
            "--jobs",
            "2",
            "-o",
            str(folder),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=600,
        check=False,
    )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if need be) across the workers of a run."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _shared_render(
    factory: pytest.TempPathFactory, name: str, *extra: str
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The batch render `name`, made once for the whole run and kept with what it printed."""
    base = factory.getbasetemp()
    # Each worker has a folder of its own in the run's folder; without workers, the base
    # folder is the run's own (its parent holds earlier runs, of other versions of the code).
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, said = root / name, root / f"{name}.json"
    with _locked(root / f"{name}.lock"):
        if not said.exists():
            folder.mkdir()
            done = _render_all(folder, *extra)
            kept = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            said.write_text(json.dumps({"args": done.args, **kept}), encoding="utf-8")
    return folder, subprocess.CompletedProcess(**json.loads(said.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def batch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Every example rendered to PDF in one call, as CI does, next to a broken plan."""
    return _shared_render(tmp_path_factory, "example-pdfs")


@pytest.fixture(scope="session")
def summaries(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Every example rendered to its short PDF version in one call."""
    return _shared_render(tmp_path_factory, "example-summaries", "--summary")
