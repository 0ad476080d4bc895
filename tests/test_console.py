"""Output to a file or a pipe is written without Rich, and reads exactly as Rich prints it."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape

from smplan.cli import console as consoles


@pytest.fixture(autouse=True, scope="module")
def _no_rich_settings():
    """Without this, FORCE_COLOR or TTY_COMPATIBLE (set on many CI runners) would send every
    print through Rich, and the tests below would compare Rich with itself."""
    with pytest.MonkeyPatch.context() as mp:
        for name in consoles._RICH_ENVIRONMENT:
            mp.delenv(name, raising=False)
        yield


#: Text made of what markup is made of, so brackets, tags and backslashes meet often.
pieces = st.lists(
    st.sampled_from(["[", "]", "\\", "[bold]", "[/]", "[red]", "[/red]", "/", "a", "é", " ", "#"])
    | st.text(max_size=6),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(pieces)
def test_escape_matches_rich(text):
    assert consoles.escape(text) == rich_escape(text)


def rich_prints(*objects: str, **options: object) -> str:
    out = io.StringIO()
    Console(file=out, highlight=False, emoji=False).print(*objects, **options)
    return out.getvalue()


def plain_prints(*objects: str, **options: object) -> str:
    out = io.StringIO()  # not a terminal, as a file or a pipe
    with contextlib.redirect_stdout(out):
        consoles._LazyConsole().print(*objects, **options)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(user=pieces, width=st.integers(0, 120))
def test_plain_output_is_what_rich_prints(user, width):
    # As the commands print: styles around escaped user text, on lines of any length.
    hint = f" [dim](hint: {rich_escape(user)})[/]"
    line = f"[bold]{consoles.escape(user)}[/] " + "x" * width + hint
    assert plain_prints(line, soft_wrap=True) == rich_prints(line, soft_wrap=True)
    raw = user + "x" * width
    assert plain_prints(raw, soft_wrap=True, markup=False) == rich_prints(
        raw, soft_wrap=True, markup=False
    )
    assert plain_prints(line, soft_wrap=True, end="") == rich_prints(line, soft_wrap=True, end="")


def test_text_rich_would_change_still_goes_through_rich():
    # A tab is expanded and a carriage return removed by Rich's Text: the plain path hands over.
    for text in ("a\tb", "a\rb", "bell\x07"):
        assert plain_prints(text, soft_wrap=True) == rich_prints(text, soft_wrap=True)


def test_check_to_a_pipe_does_not_import_rich(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "examples" / "boulangerie.yaml"
    probe = (
        "import json, sys\n"
        "from smplan.cli import main\n"
        "try:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(example)], capture_output=True, text=True, timeout=60
    )
    assert "valid" in done.stdout
    assert json.loads(done.stderr.splitlines()[-1]) == []
