"""Commands of the usual shape run without Typer; nobody can tell but by the clock.

`smplan.cli.fast` reads the usual shapes of every command itself, from the declarations
the Typer application is built from, and calls the same functions. Each invocation here
runs both ways: the fast way in a fresh interpreter, which then says what it has loaded,
and through Typer in-process, as the other tests run commands. The output, the exit status
and the files written must be the same, byte for byte. (`test_options.py` compares the two
readers on every option of every command, in-process.)
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smplan.cli import main
from smplan.cli.fast import fast_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: Runs `smplan ARGS...` (argv[3:]) the fast way (argv[1] == "fast") or through Typer, and
#: writes what it printed, its exit status and what it left behind to argv[2].
PROBE = """
import io, json, os, sys
import smplan.cli.fast
if sys.argv[1] == "typer":
    smplan.cli.fast.fast_command = lambda args: None
out, err = io.BytesIO(), io.BytesIO()
sys.stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
sys.stderr = io.TextIOWrapper(err, encoding="utf-8", newline="")
from smplan.cli import main
try:
    main(sys.argv[3:])
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.flush()
metadata = "importlib.metadata" in sys.modules
import pydantic.plugin._loader as plugins
report = {
    "metadata read": metadata,
    "exit": code,
    "stdout": out.getvalue().decode("utf-8"),
    "stderr": err.getvalue().decode("utf-8"),
    "modules": sorted(m.split(".")[0] for m in sys.modules),
    "plugins scanned": plugins._plugins is not None,
    "setting left": "PYDANTIC_DISABLE_PLUGINS" in os.environ,
}
with open(sys.argv[2], "w", encoding="utf-8") as handle:
    json.dump(report, handle)
"""

BROKEN = "smplan: 1\nproject:\n  name: [oops\n"
INVALID = "smplan: 1\nteam:\n  members: 3\n  bogus: 1\n"

#: Invocations, and whether the fast path takes them (False: it hands them to Typer).
INVOCATIONS = [
    (["check", "boulangerie.yaml"], True),
    (["check", "boulangerie.yaml", "b2b-software.yaml", "city-library.yaml"], True),
    (["check", "boulangerie.yaml", "--format", "json"], True),
    (["check", "boulangerie.yaml", "--format=sarif"], True),
    (["check", "--strict", "city-library.yaml", "--format", "github"], True),
    (["check", "boulangerie.yaml", "--lang", "en", "--ignore", "SMP104,smp803"], True),
    (["check", "boulangerie.yaml", "--ignore", "SMP999"], True),
    (["check", "boulangerie.yaml", "--lang", "xx"], True),
    (["check", "boulangerie.yaml", "--format", "nope"], True),
    (["check", "missing.yaml"], True),
    (["check", "broken.yaml", "boulangerie.yaml"], True),
    (["check", "invalid.yaml"], True),
    (["check", "invalid.yaml", "--format", "json"], True),
    (["check"], False),
    (["check", "--help"], False),
    (["check", "boulangerie.yaml", "--bogus"], False),
    (["check", "boulangerie.yaml", "--format"], False),
    (["check", "boulangerie.yaml", "--strict", "--strict"], False),
    (["check", "boulangerie.yaml", "--", "--strict"], False),
    (["render", "boulangerie.yaml", "--format", "md", "-o", "out.md"], True),
    (["render", "boulangerie.yaml", "-f", "md", "--output=out.md", "--lang", "en"], True),
    (["render", "boulangerie.yaml", "-o", "out.html", "--summary"], True),
    (["render", "boulangerie.yaml", "b2b-software.yaml", "--format", "md", "-o", "out/"], True),
    (["render", "boulangerie.yaml", "--format", "md", "-o", "out.html"], True),
    (["render", "boulangerie.yaml", "--format", "md", "--template-dir", "nothere"], True),
    (["render", "invalid.yaml", "--format", "md", "-o", "out.md"], True),
    (["render", "missing.yaml", "--format", "md", "-o", "out.md"], True),
    (["render", "boulangerie.yaml", "--format", "md", "-o", "-"], True),
    (["render", "boulangerie.yaml", "--format", "md", "--jobs", "2"], True),
    (["render", "boulangerie.yaml", "--format", "md", "--jobs", "0"], False),
    (["render", "boulangerie.yaml", "-o", "out.odt"], True),
    (["render", "boulangerie.yaml", "-o", "out.md", "--bogus"], False),
    (["init", "new.yaml", "--no-interactive"], True),
    (["init", "new.yaml", "--no-interactive", "--lang", "fr", "--essentials"], True),
    (["init", "boulangerie.yaml", "--no-interactive"], True),
    (["init", "city-library.yaml", "--no-interactive", "--step", "objectives"], True),
    (["init", "new.yaml", "--no-interactive", "--step", "nowhere"], True),
    (["init", "new.yaml", "--no-interactive", "--answers", "missing.yaml"], True),
    (["init", "new.yaml", "--interactive", "--no-interactive"], False),
    (["init", "--help"], False),
    (["init", "a.yaml", "b.yaml", "--no-interactive"], False),
    (["calendar", "boulangerie.yaml", "--weeks", "2", "-o", "cal.md"], True),
    (["calendar", "boulangerie.yaml", "--weeks", "x"], False),
    (["status", "boulangerie.yaml", "--format", "json"], True),
    (["report", "boulangerie.yaml", "-p", "2027-02", "-f", "html", "-o", "rep.yaml"], True),
    (["report", "boulangerie.yaml", "-f", "md"], False),
    (["diff", "boulangerie.yaml", "city-library.yaml", "-f", "md"], True),
    (["rules", "--format", "json", "--lang", "fr"], True),
    (["new", "fresh.yaml", "--lang", "fr"], True),
    (["schema", "-o", "-"], True),
    (["track", "boulangerie.yaml", "--", "orders", "-8"], False),
]


def run(way: str, args: list[str], folder: Path) -> dict[str, object]:
    """What `smplan ARGS` did in `folder`, run `way` in a fresh interpreter, with the files
    it left there."""
    report = folder.parent / f"{folder.name}.json"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    subprocess.run(
        [sys.executable, "-c", PROBE, way, str(report), *args],
        cwd=folder,
        env=env,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    result["files"] = _files(folder)
    return result


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in (".md", ".html", ".yaml")
    }


def in_process(args: list[str], folder: Path, typer: bool = True) -> dict[str, object]:
    """What `smplan ARGS` did in `folder` in this process; through Typer, the fast path is
    made to decline it."""
    asked: list[list[str]] = []

    def decline(args: list[str]) -> None:
        asked.append(args)

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        if typer:
            patch.setattr("smplan.cli.fast.fast_command", decline)
        # The streams the probe gives the fresh interpreter.
        out, err = io.BytesIO(), io.BytesIO()
        patch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", newline=""))
        patch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="utf-8", newline=""))
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
        sys.stderr.flush()
        said = {"stdout": out.getvalue().decode("utf-8"), "stderr": err.getvalue().decode("utf-8")}
    # Declined, the command could only go through Typer.
    assert asked == ([args] if typer else [])
    return {"exit": code, **said, "files": _files(folder)}


def plans(folder: Path) -> Path:
    folder.mkdir()
    for name in ("boulangerie", "b2b-software", "city-library"):
        for suffix in (".yaml", ".results.yaml"):
            source = EXAMPLES / f"{name}{suffix}"
            if source.exists():
                (folder / source.name).write_bytes(source.read_bytes())
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "invalid.yaml").write_text(INVALID, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("args", "fast"), INVOCATIONS, ids=lambda a: " ".join(a) if isinstance(a, list) else str(a)
)
def test_the_fast_path_prints_and_writes_what_typer_does(args, fast, tmp_path, monkeypatch):
    assert (fast_command(args) is not None) == fast
    # One width for both ways: a help screen is wrapped to the terminal's.
    monkeypatch.setenv("COLUMNS", "80")
    if fast:
        quick = run("fast", args, plans(tmp_path / "fast"))
    else:
        # A declined invocation is Typer's to run, and what it loads Typer's business: the
        # way every user's command goes is compared with Typer's in this process.
        quick = in_process(args, plans(tmp_path / "fast"), typer=False)
    typer = in_process(args, plans(tmp_path / "typer"))
    for key in ("stdout", "stderr", "exit", "files"):
        assert quick[key] == typer[key], key
    if fast:
        # The interview writes to a terminal through Rich; the reports need none of it.
        shunned = {"typer", "click"} if args[0] == "init" else {"typer", "click", "rich"}
        assert not shunned & set(quick["modules"])  # type: ignore[arg-type]


def test_the_fast_check_scans_no_installed_package_for_plugins(tmp_path):
    done = run("fast", ["check", "boulangerie.yaml"], plans(tmp_path / "plans"))
    assert done["exit"] == 0
    assert done["metadata read"] is False
    # The setting holds for the command only: a program it starts finds the environment as it was.
    assert done["setting left"] is False
    through_typer = run("typer", ["check", "boulangerie.yaml"], plans(tmp_path / "typer"))
    assert through_typer["metadata read"] is True
    assert through_typer["plugins scanned"] is True


#: Builds a pydantic model within `no_plugin_discovery` in a fresh interpreter, and says
#: what pydantic loaded and what was left behind.
PLUGINS = """
import json, os, sys
from pydantic import BaseModel
from smplan.cli._plugins import no_plugin_discovery
with no_plugin_discovery():
    class Point(BaseModel):
        x: int
    point = Point.model_validate({"x": "3"})
    inside = "importlib.metadata" in sys.modules
    group = sys.modules["pydantic.plugin._loader"].PYDANTIC_ENTRY_POINT_GROUP
import pydantic.plugin._loader as loader
print(json.dumps({
    "x": point.x,
    "group": group,
    "metadata inside": inside,
    "setting after": os.environ.get("PYDANTIC_DISABLE_PLUGINS"),
    "real loader after": hasattr(loader, "entry_points"),
}))
"""


def _plugins_probe(setting: str | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    done = subprocess.run(
        [sys.executable, "-c", PLUGINS], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_pydantic_validates_without_looking_for_plugins_and_everything_is_put_back():
    found = _plugins_probe(None)
    assert found["x"] == 3
    assert found["metadata inside"] is False
    # A name the stand-in does not have comes from pydantic's own loader.
    assert found["group"] == "pydantic"
    assert found["setting after"] is None
    assert found["real loader after"] is True


def test_a_user_who_names_plugins_to_leave_out_keeps_pydantic_reading_the_others():
    found = _plugins_probe("some-plugin")
    assert found["metadata inside"] is True
    assert found["setting after"] == "some-plugin"
