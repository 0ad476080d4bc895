"""The command line as a whole: help, version, usage errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from smplan import __version__
from tests import processes


def test_version_prints_the_package_version(smplan):
    result = smplan("--version")
    assert result.exit_code == 0
    assert result.stdout == f"smplan {__version__}\n"


def test_unknown_command_is_a_usage_error(smplan):
    result = smplan("bogus")
    assert result.exit_code == 2
    assert "No such command 'bogus'" in result.stderr


def test_help_lists_every_command(smplan):
    result = smplan("--help")
    assert result.exit_code == 0
    commands = [
        line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()
    ]
    assert commands == [
        "new",
        "init",
        "check",
        "render",
        "calendar",
        "track",
        "status",
        "report",
        "diff",
        "schema",
        "rules",
        "completion",
    ]


def test_debug_shows_the_traceback_and_the_next_run_does_not(smplan, tmp_path):
    debugged = smplan("--debug", "status", tmp_path / "missing.yaml")
    # The traceback is shown, and the exit status is still the one the error means.
    assert debugged.exit_code == 2
    assert "Traceback" in debugged.stderr and "PlanFileError" in debugged.stderr
    result = smplan("check", tmp_path / "missing.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("missing.yaml: no such file")


def test_debug_keeps_the_exit_status_of_a_syntax_error(smplan, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text('smplan: 1\nproject:\n  name: "Spring plan\n', encoding="utf-8")
    assert smplan("--debug", "check", plan).exit_code == 2
    assert smplan("check", "--debug", plan).exit_code == 2


@pytest.mark.parametrize(
    ("environment", "says"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "Vérifier des fichiers de plan"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "Vérifier des fichiers de plan"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}, "Vérifier des fichiers de plan"),
        ({"LANG": "C.UTF-8"}, "Check plan files"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "Check plan files"),
    ],
)
def test_help_speaks_the_language_the_environment_asks_for(tmp_path, environment, says):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
    result = subprocess.run(
        [sys.executable, "-m", "smplan", "check", "--help"],
        env={**env, **environment, "COLUMNS": "100"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert says in result.stdout
    if says.startswith("Vérifier"):
        shown = " ".join(result.stdout.split())  # as read, whatever the line breaks
        assert "Échouer (code 1) aussi sur les avertissements." in shown
        assert "[par défaut : text]" in shown


def test_a_usage_error_speaks_the_environments_language(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "smplan", "check", "plan.yaml", "--lang", "klingon"],
        env={**os.environ, "LANG": "fr_FR.UTF-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert "langue inconnue" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["render", "-f", "md", "-o", "out.md"],
        ["calendar", "--weeks", "1", "-o", "cal.md"],
        ["status"],
        ["report", "--period", "2027-02", "-f", "md"],
    ],
    ids=lambda c: c[0],
)
def test_lang_is_spoken_in_the_errors_about_a_plan_that_declares_another(tmp_path, command):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "smplan: 1\nproject:\n  name: Plan\n  language: fr\n  date: 2027-02-30\n", encoding="utf-8"
    )

    def run(*extra: str) -> str:
        result = processes.smplan(command[0], plan, *command[1:], *extra, cwd=tmp_path)
        assert result.code in (1, 2), result.stderr
        return result.output

    assert "février 2027 compte 28" in run()  # the plan's own language
    asked = run("--lang", "en")
    assert "February 2027 has 28 days" in asked
    assert "février" not in asked
