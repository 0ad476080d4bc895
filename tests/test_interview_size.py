"""The interview stays in rooms one can hold: no module of it over 800 lines."""

from __future__ import annotations

from pathlib import Path

import smplan.interview

LIMIT = 800
FOLDER = Path(smplan.interview.__file__).parent


def test_no_module_of_the_interview_is_over_800_lines():
    sizes = {
        path.name: len(path.read_text(encoding="utf-8").splitlines())
        for path in FOLDER.glob("*.py")
    }
    assert "session.py" in sizes  # the walk found the interview's modules
    assert {name: lines for name, lines in sizes.items() if lines > LIMIT} == {}
