"""Two writers, one plan: an interview and an editor (or a second interview) lose nothing."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = "smplan: 1\nproject:\n  name: Boulangerie\n  language: en\n"


def start_interview(folder: Path) -> subprocess.Popen[bytes]:
    """`smplan init plan.yaml` in a process of its own, waiting at its first question.

    The plan has a title and a language, so the interview resumes at the organization.
    """
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "80"}
    process = subprocess.Popen(
        [sys.executable, "-m", "smplan", "init", "plan.yaml", "--interactive"],
        cwd=folder,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    wait_for(process, b"Organization:")
    return process


def wait_for(process: subprocess.Popen[bytes], text: bytes, timeout: float = 30.0) -> bytes:
    """What the process prints, up to and including `text`."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen:
        left = deadline - time.monotonic()
        assert left > 0, seen.decode("utf-8", "replace")
        ready, _, _ = select.select([process.stdout], [], [], left)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, seen.decode("utf-8", "replace")
            seen += chunk
    return seen


def finish(process: subprocess.Popen[bytes], answer: str) -> tuple[int, str]:
    """Give one answer, then end the input: the interview stops, keeping what it saved."""
    output, _ = process.communicate(answer.encode(), timeout=60)
    return process.returncode, output.decode("utf-8", "replace")


def test_a_second_interview_on_the_same_plan_names_the_first_and_stops(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    first = start_interview(tmp_path)
    try:
        second = subprocess.run(
            [sys.executable, "-m", "smplan", "init", "plan.yaml", "--interactive"],
            cwd=tmp_path,
            input=b"Other title\n",
            capture_output=True,
            timeout=60,
        )
        assert second.returncode == 2
        message = second.stderr.decode()
        assert f"plan.yaml is already being edited by process {first.pid}" in message
        assert "Traceback" not in message
    finally:
        code, _ = finish(first, "Fournil 2027\n")
    assert code == 130
    assert "organization: Fournil 2027" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    # The lock goes with the interview: the next one starts.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_an_edit_made_during_the_interview_is_kept_with_the_answer(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    interview = start_interview(tmp_path)
    # Someone adds the author in an editor while the interview waits for the title.
    plan.write_text(PLAN.replace("  language", "  author: Sophie Lambert\n  language"))

    code, output = finish(interview, "Fournil 2027\n")

    assert code == 130, output
    text = plan.read_text(encoding="utf-8")
    assert "organization: Fournil 2027" in text
    assert "author: Sophie Lambert" in text


def test_the_same_answer_changed_by_both_is_not_overwritten_and_is_said(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    interview = start_interview(tmp_path)
    edited = PLAN.replace("  language", "  organization: Martin\n  language")
    plan.write_text(edited, encoding="utf-8")

    code, output = finish(interview, "Fournil 2027\n")

    assert code == 2, output
    assert "another program changed `project.organization` in the file" in output
    assert "nothing was saved" in output
    assert "Traceback" not in output and "internal error" not in output
    assert plan.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("broken", ["smplan: 1\nproject: [\n"])
def test_a_plan_broken_by_the_other_writer_is_left_as_it_is(tmp_path, broken):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    interview = start_interview(tmp_path)
    plan.write_text(broken, encoding="utf-8")

    code, output = finish(interview, "Fournil 2027\n")

    assert code == 2, output
    assert "no longer a valid plan: nothing was saved" in output
    assert plan.read_text(encoding="utf-8") == broken
