"""Completion in real shells: TAB completes a hostile file name as that name, and runs nothing.

Each shell loads `smplan completion SHELL` as its user would and completes in a folder
holding files whose names are shell code. The name a shell puts on the command line is
read back by running that line, so a quoting mistake shows as a wrong word or as the
file PWNED appearing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

#: Names whose text a shell would run if it evaluated a candidate.
HOSTILE = (
    "$(touch PWNED).yaml",
    "`touch PWNED`.yaml",
    "x\\$(touch PWNED).yaml",
    "q'\"$(touch PWNED)\"'.yaml",
    "semi;touch PWNED;#.yaml",
    "star*[a].yaml",
)
BIN = Path(sys.executable).parent


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed: its completion is not tested (.ci/run installs it)")
    return found


def _env(home: Path) -> dict[str, str]:
    return {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(home),
        "TERM": "dumb",
        "LANG": "C.UTF-8",
    }


def _folders(root: Path) -> list[Path]:
    """One folder per hostile name, each holding only that file: TAB completes it whole."""
    folders = []
    for i, name in enumerate(HOSTILE):
        folder = root / f"f{i}"
        folder.mkdir()
        (folder / name).write_text("smplan: 1\n")
        folders.append(folder)
    return folders


def _nothing_ran(root: Path) -> None:
    assert not list(root.rglob("PWNED")), "a file name was run as a command"


_START = {
    "bash": (["--norc", "--noprofile", "-i"], "source <(smplan completion bash)"),
    "zsh": (["-f", "-i"], "autoload -Uz compinit; compinit -u; source <(smplan completion zsh)"),
    "fish": (["--no-config", "-i"], "smplan completion fish | source"),
}
_PROMPT = {
    "bash": "PS1='READY> '",
    "zsh": "PS1='READY> '",
    "fish": "function fish_prompt; echo 'READY> '; end",
}


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_tab_completes_hostile_names_as_names_and_runs_nothing(shell, tmp_path):
    """A person presses TAB after `smplan check `: each name comes back as itself."""
    program = _shell(shell)
    folders = _folders(tmp_path)
    args, load = _START[shell]
    session = pexpect.spawn(
        program, args, cwd=str(tmp_path), env=_env(tmp_path), encoding="utf-8", timeout=30
    )
    try:
        session.sendline(f"{_PROMPT[shell]}; {load}")
        session.expect("READY> ")
        for folder in folders:
            session.sendline(f"cd {folder.name}")
            session.expect("READY> ")
            session.send("smplan check \t")
            # Back to the start of the line, to print the words it now holds, one a line.
            session.send("\x01printf '<%s>\\n' \r")
            session.expect(r"<check>\r?\n<(.*)>\r?\n")
            assert session.match.group(1) == next(folder.iterdir()).name
            session.expect("READY> ")
            session.sendline("cd ..")
            session.expect("READY> ")
        # All of them in one folder: TAB twice lists them; nothing runs either.
        for folder in folders:
            for file in folder.iterdir():
                shutil.copy(file, tmp_path / file.name)
        session.send("smplan check \t\t")
        session.send("\x03")
        session.sendline("echo listed")
        session.expect("listed")
    finally:
        session.close(force=True)
    _nothing_ran(tmp_path)


def test_bash_candidates_read_back_as_the_names(tmp_path):
    """The words bash puts on the line, parsed again as bash parses a command, are the names."""
    bash = _shell("bash")
    for name in HOSTILE:
        (tmp_path / name).write_text("smplan: 1\n")
    (tmp_path / "plans").mkdir()
    script = (
        "source <(smplan completion bash)\n"
        'COMP_WORDS=(smplan check ""); COMP_CWORD=2\n'
        "_smplan_completion smplan\n"
        'for word in "${COMPREPLY[@]}"; do eval "set -- $word"; printf "<%s>\\n" "$1"; done\n'
    )
    done = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", script],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"<{n}>" for n in sorted([*HOSTILE, "plans/"])]
    _nothing_ran(tmp_path)


def test_fish_offers_the_names_as_they_are(tmp_path):
    fish = _shell("fish")
    for name in HOSTILE:
        (tmp_path / name).write_text("smplan: 1\n")
    script = 'smplan completion fish | source; complete -C "smplan check "'
    done = subprocess.run(
        [fish, "--no-config", "-c", script],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == sorted(HOSTILE)
    _nothing_ran(tmp_path)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_name_that_cannot_be_one_line_is_left_out(shell, tmp_path):
    """A name holding a line break or an escape is not offered, rather than offered wrong."""
    _shell(shell)
    (tmp_path / "plan.yaml").write_text("smplan: 1\n")
    (tmp_path / "two\nlines.yaml").write_text("smplan: 1\n")
    (tmp_path / "esc\x1b[2J.yaml").write_text("smplan: 1\n")
    env = {**_env(tmp_path), "_SMPLAN_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {"COMP_WORDS": "smplan check ", "COMP_CWORD": "2"}
    else:
        env["_TYPER_COMPLETE_ARGS"] = "smplan check "
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(
        [sys.executable, "-m", "smplan"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["plan.yaml\t"]
