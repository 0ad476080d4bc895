"""Shell completion: the scripts for bash, zsh and fish, and what they are answered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def complete(words: str, cwd: Path, shell: str = "bash") -> list[str]:
    """What smplan answers a shell asking to complete the last word of `words`."""
    env = {**os.environ, "_SMPLAN_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        parts = words.split(" ")
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(
        [sys.executable, "-m", "smplan"], env=env, cwd=cwd, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # Each line is VALUE<TAB>DESCRIPTION; bash shows the values alone.
    return [line.split("\t")[0] for line in lines] if shell == "bash" else lines


@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash", ["_SMPLAN_COMPLETE=complete_bash", "complete -o default -F _smplan_completion"]),
        ("zsh", ["#compdef smplan", "_SMPLAN_COMPLETE=complete_zsh", "compadd"]),
        ("fish", ["complete --command smplan", "_SMPLAN_COMPLETE complete_fish"]),
    ],
)
def test_each_shell_gets_its_script(smplan, shell, expected):
    result = smplan("completion", shell)
    assert result.exit_code == 0
    for text in expected:
        assert text in result.stdout


def test_the_bash_script_is_valid_bash(smplan, tmp_path):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "smplan.bash"
    script.write_text(smplan("completion", "bash").stdout)
    done = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_unknown_shell_is_a_usage_error(smplan):
    result = smplan("completion", "tcsh")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown shell `tcsh`\nhint: use one of: bash, zsh, fish\n"


def test_ignore_completes_rule_codes(tmp_path):
    offered = complete("smplan check plan.yaml --ignore SMP0", tmp_path)
    assert offered == [
        "SMP001", "SMP002", "SMP003", "SMP004", "SMP010", "SMP011", "SMP012", "SMP013"
    ]  # fmt: skip
    after_comma = complete("smplan check plan.yaml --ignore SMP001,SMP00", tmp_path)
    assert after_comma == ["SMP001,SMP002", "SMP001,SMP003", "SMP001,SMP004"]
    by_name = complete("smplan check plan.yaml --ignore SMP001,no-s", tmp_path)
    assert by_name == ["SMP001,no-speaker", "SMP001,no-sponsor", "SMP001,no-spokesperson"]


def test_zsh_and_fish_show_each_code_with_its_title(tmp_path):
    for shell in ("zsh", "fish"):
        offered = complete("smplan check --ignore SMP30", tmp_path, shell)
        assert "SMP304\tAn objective has no deadline" in offered


def test_step_names_complete_for_init(tmp_path):
    assert complete("smplan init plan.yaml --step ob", tmp_path) == ["objectives"]
    assert complete("smplan init plan.yaml --step ru", tmp_path) == ["running"]
    assert complete("smplan init plan.yaml --step ", tmp_path)[:3] == [
        "project",
        "team",
        "listening",
    ]


def test_plan_arguments_complete_plan_files_and_folders(tmp_path):
    (tmp_path / "plan.yaml").write_text("smplan: 1\n")
    (tmp_path / "plan-v2.yml").write_text("smplan: 1\n")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.yaml").write_text("smplan: 1\n")
    (tmp_path / ".hidden.yaml").write_text("smplan: 1\n")
    assert complete("smplan check pl", tmp_path) == ["plan-v2.yml", "plan.yaml", "plans/"]
    assert complete("smplan render plans/", tmp_path) == ["plans/acme.yaml"]
    assert complete("smplan diff plan.yaml plan-", tmp_path) == ["plan-v2.yml"]


def test_commands_complete_by_name(tmp_path):
    assert complete("smplan di", tmp_path) == ["diff"]
