"""`smplan render PLAN --watch`: a real process, real saves, and Ctrl-C."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "b2b-software.yaml"
TIMEOUT = 60

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")


class Watcher:
    """`smplan render ... --watch` in its own process, its output read line by line."""

    def __init__(self, *args: str | Path, cwd: Path) -> None:
        env = {**os.environ, "SMPLAN_WATCH_INTERVAL": "0.1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "smplan", "render", *map(str, args), "--watch"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines printed up to the first one containing `text`."""
        got: list[str] = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.seen)
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        pytest.fail(f"no {text!r} after {TIMEOUT} s:\n" + "\n".join(self.seen))

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=TIMEOUT)
        self.reader.join(timeout=TIMEOUT)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=TIMEOUT)
        assert self.process.stdout is not None
        self.process.stdout.close()


def save(path: Path, text: str) -> None:
    """Write as an editor does, and make sure the modification time moves."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_each_save_renders_again_and_a_broken_plan_keeps_the_last_document(tmp_path):
    plan, out = tmp_path / "plan.yaml", tmp_path / "plan.html"
    original = EXAMPLE.read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    watcher = Watcher(plan.name, "--format", "html", "-o", out.name, cwd=tmp_path)
    try:
        watcher.wait_for("Watching plan.yaml for changes")
        assert "Fieldwise Ltd" in out.read_text(encoding="utf-8")

        save(plan, original.replace("Fieldwise Ltd", "Fieldway Limited"))
        lines = watcher.wait_for("plan.yaml: valid")
        assert any(line.endswith("Wrote plan.html.") for line in lines)
        assert "Fieldway Limited" in out.read_text(encoding="utf-8")

        # The new version's findings are printed: a deadline taken out.
        lines_with_deadline = [x for x in original.splitlines() if "deadline:" in x]
        save(plan, original.replace(lines_with_deadline[0] + "\n", "", 1))
        lines = watcher.wait_for("plan.yaml: valid")
        assert any("warning SMP304" in line for line in lines)

        good = out.read_bytes()
        save(plan, original + "projet: {}\n")
        lines = watcher.wait_for("was not rendered")
        assert any("projet: unknown key `projet`" in line for line in lines)
        assert lines[-1].endswith("plan.yaml was not rendered (the last good document is kept).")
        assert out.read_bytes() == good

        save(plan, original)
        watcher.wait_for("plan.yaml: valid")
        assert "Fieldwise Ltd" in out.read_text(encoding="utf-8")
        code = watcher.stop()
    finally:
        watcher.kill()
    assert code == 0
    assert watcher.seen[-1] == "Stopped watching."
    assert not any("Traceback" in line for line in watcher.seen)


def test_a_changed_or_added_template_renders_again(tmp_path):
    plan, out = tmp_path / "plan.yaml", tmp_path / "plan.md"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "unused.txt").write_text("not a template")
    watcher = Watcher(plan.name, "-o", out.name, "--template-dir", templates, cwd=tmp_path)
    try:
        watcher.wait_for("Watching")
        assert not out.read_text(encoding="utf-8").startswith("Custom")
        save(
            templates / "document.md.j2",
            'Custom v1\n{% include "builtin/document.md.j2" %}',
        )
        watcher.wait_for("valid")
        assert out.read_text(encoding="utf-8").startswith("Custom v1\n")
        save(
            templates / "document.md.j2",
            'Custom v2, longer\n{% include "builtin/document.md.j2" %}',
        )
        watcher.wait_for("valid")
        assert out.read_text(encoding="utf-8").startswith("Custom v2, longer\n")
        assert watcher.stop() == 0
    finally:
        watcher.kill()


def test_watch_takes_one_plan(smplan, tmp_path):
    result = smplan("render", EXAMPLE, EXAMPLE, "-o", tmp_path, "--watch")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --watch takes one plan")
