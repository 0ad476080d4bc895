"""`smplan check --format github|sarif`: findings as a CI job's annotations and code scanning.

The GitHub commands are parsed back the way the Actions runner reads them; the SARIF log
is validated against the SARIF 2.1.0 schema, kept in tests/data (OASIS's published file,
so the test never reaches the network).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "boulangerie.yaml"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

DANGLING = """\
smplan: 1
project:
  name: Plan
objectives:
  - id: sales
    statement: Sell more cakes
metrics:
  - id: orders
    objective: salse
"""

COMMAND = re.compile(r"^::(?P<command>[a-z]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse_commands(output: str) -> list[dict[str, str]]:
    """Each workflow command line as {command, property..., message}, unescaped."""
    parsed = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        entry = {"command": match["command"], "message": _unescape(match["data"])}
        for prop in (match["props"] or "").split(","):
            key, _, value = prop.partition("=")
            entry[key] = _unescape(value)
        parsed.append(entry)
    return parsed


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_github_commands_place_each_finding_at_its_line(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--format", "github")
    assert result.exit_code == 1
    commands = parse_commands(result.stdout)
    error = next(c for c in commands if c["title"] == "SMP001")
    assert error == {
        "command": "error",
        "file": "plan.yaml",
        "line": "9",
        "col": "16",
        "title": "SMP001",
        "message": "metrics[1].objective: unknown objective `salse` (hint: did you mean `sales`?)",
    }
    warnings = [c for c in commands if c["command"] == "warning"]
    assert warnings and len(warnings) == len(commands) - 1
    assert {"SMP010", "SMP401"} <= {c["title"] for c in warnings}


def test_github_commands_are_empty_for_a_clean_plan(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_bytes(EXAMPLE.read_bytes())
    result = smplan("check", "plan.yaml", "--format", "github", "--strict")
    assert result.exit_code == 0
    assert result.stdout.strip() == ""


def test_github_escapes_what_the_runner_would_split_on(smplan, tmp_path):
    name = "v1,final: 100%.yaml"
    (tmp_path / name).write_text(DANGLING)
    result = smplan("check", name, "--format", "github", "--ignore", "SMP010,SMP401")
    line = next(x for x in result.stdout.splitlines() if "SMP001" in x)
    assert "file=v1%2Cfinal%3A 100%25.yaml," in line
    assert parse_commands(line)[0]["file"] == name


def test_github_escaping_round_trips_newlines_and_percent():
    from smplan.checks.reports import github_escape_data, github_escape_property

    text = "50% of\r\nsales: a, b"
    assert "\n" not in github_escape_data(text) and "\r" not in github_escape_data(text)
    assert _unescape(github_escape_data(text)) == text
    assert ":" not in github_escape_property(text) and "," not in github_escape_property(text)
    assert _unescape(github_escape_property(text)) == text


def test_github_locates_problems_of_the_loader(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text("smplan: 1\nprojet: {}\n")
    result = smplan("check", "plan.yaml", "--format", "github")
    assert result.exit_code == 1
    assert parse_commands(result.stdout)[0] == {
        "command": "error",
        "file": "plan.yaml",
        "line": "2",
        "col": "1",
        "title": "SMP025",
        "message": "projet: unknown key `projet` (hint: did you mean `project`?)",
    }


def test_github_reports_an_unreadable_file_and_exits_2(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_bytes(b"smplan: 1\nproject:\n  name: \xff\n")
    result = smplan("check", "plan.yaml", "--format", "github")
    assert result.exit_code == 2
    (command,) = parse_commands(result.stdout)
    assert (command["command"], command["title"], command["line"]) == ("error", "SMP000", "3")


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema)


def test_sarif_log_is_valid_and_locates_each_result(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = sorted(_validator().iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["SMP000", "SMP001", "SMP002"]
    from smplan.checks import STORE
    from smplan.plan.problems import LOADER_CODES

    assert [r["id"] for r in rules] == STORE.codes()
    assert set(LOADER_CODES) | {"SMP304", "SMP901"} <= {r["id"] for r in rules}
    assert len(rules) == len({r["id"] for r in rules})
    deadline = next(r for r in rules if r["id"] == "SMP304")
    assert deadline["shortDescription"]["text"] == "An objective has no deadline"
    assert "--ignore SMP304" in deadline["help"]["text"]
    assert deadline["defaultConfiguration"]["level"] == "warning"
    found = next(r for r in run["results"] if r["ruleId"] == "SMP001")
    assert rules[found["ruleIndex"]]["id"] == "SMP001"
    assert found["level"] == "error"
    assert found["message"]["text"].startswith("metrics[1].objective: unknown objective `salse`")
    (location,) = found["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "plan.yaml"},
        "region": {"startLine": 9, "startColumn": 16},
    }


def test_sarif_for_a_file_that_does_not_fit_the_model_is_valid(smplan, tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "my plan.yaml").write_text("smplan: 1\nprojet: {}\n")
    result = smplan("check", "plans/my plan.yaml", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert list(_validator().iter_errors(log)) == []
    found = log["runs"][0]["results"][0]
    assert found["ruleId"] == "SMP025"
    assert found["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "plans/my%20plan.yaml"},
        "region": {"startLine": 2, "startColumn": 1},
    }


def test_the_validator_rejects_a_broken_log():
    # The schema test can fail: a result without a message is not SARIF.
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    assert list(_validator().iter_errors(log)) != []


def test_several_files_are_checked_in_one_call_as_pre_commit_passes_them(smplan, tmp_path):
    (tmp_path / "good.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "bad.yaml").write_text(DANGLING)
    text = smplan("check", "good.yaml", "bad.yaml", "--strict")
    assert text.exit_code == 1
    verdicts = [line for line in text.stdout.splitlines() if line.startswith(("good", "bad"))]
    assert [v.split(":")[0] for v in verdicts] == ["good.yaml", "bad.yaml"]
    (tmp_path / "broken.yaml").write_bytes(b"\xff\xfe")
    mixed = smplan("check", "good.yaml", "broken.yaml", "--format", "json")
    assert mixed.exit_code == 2
    assert [(d["file"], d["valid"]) for d in json.loads(mixed.stdout)] == [
        ("good.yaml", True),
        ("broken.yaml", False),
    ]
    sarif = json.loads(smplan("check", "good.yaml", "bad.yaml", "--format", "sarif").stdout)
    assert list(_validator().iter_errors(sarif)) == []
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    } == {"bad.yaml"}
