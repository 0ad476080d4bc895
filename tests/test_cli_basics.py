"""The command line as a whole: help, version, usage errors."""

from __future__ import annotations

from smplan import __version__


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
    import pytest

    from smplan.errors import PlanFileError

    with pytest.raises(PlanFileError):
        smplan("--debug", "check", tmp_path / "missing.yaml")
    result = smplan("check", tmp_path / "missing.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("missing.yaml: no such file")
