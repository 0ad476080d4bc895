"""`smplan check` as a user and a CI job see it: the report, --strict, --ignore, JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from smplan.plan.model import STEPS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "boulangerie.yaml"

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


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_complete_plan_exits_0_with_a_one_line_summary_in_the_plans_language(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_bytes(EXAMPLE.read_bytes())
    result = smplan("check", "plan.yaml", "--strict")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "plan.yaml: valide · 0 erreur, 0 avertissement · 8 étapes terminées sur 8"
    )
    assert result.stdout.splitlines()[0] == "Étape 1 · L'équipe  terminée"
    english = smplan("check", "plan.yaml", "--strict", "--lang", "en")
    assert english.stdout.splitlines()[-1] == (
        "plan.yaml: valid · 0 errors, 0 warnings · 8 of 8 steps complete"
    )


def test_plan_in_progress_is_valid_but_incomplete(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text("smplan: 1\nproject:\n  name: Plan\n")
    result = smplan("check", "plan.yaml")
    assert result.exit_code == 0
    assert "Step 3 · Objectives  not started" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("· 0 of 8 steps complete (plan incomplete)")
    strict = smplan("check", "plan.yaml", "--strict")
    assert strict.exit_code == 1
    assert "--strict: warnings fail the check" in strict.stdout


def test_dangling_reference_is_an_error_with_its_line_and_the_known_ids(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml")
    assert result.exit_code == 1
    assert (
        "  plan.yaml:9:16: metrics[1].objective: error SMP001: unknown objective `salse`"
        " (hint: did you mean `sales`?)"
    ) in result.stdout.splitlines()
    assert "invalid · 1 error," in result.stdout.splitlines()[-1]


def test_ignore_leaves_out_the_named_rules(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--ignore", "smp001")
    assert result.exit_code == 0
    assert "SMP001" not in result.stdout


def test_ignore_says_in_the_summary_how_many_findings_it_left_out(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    whole = smplan("check", "plan.yaml").stdout.splitlines()[-1]
    result = smplan("check", "plan.yaml", "--ignore", "SMP001")
    assert result.stdout.splitlines()[-1] == whole.replace(
        "invalid · 1 error", "valid · 0 errors"
    ) + (" · 1 finding ignored")


def test_ignore_with_an_unknown_code_is_a_usage_error(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--ignore", "SMP999")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown rule code: SMP999\nhint: known codes: SMP001")


def test_unknown_output_format_is_a_usage_error(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unknown format `xml`\nhint: use one of: text, json, github, sarif\n"
    )


def test_json_output_is_stable_for_machines(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(DANGLING)
    result = smplan("check", "plan.yaml", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["file"] == "plan.yaml"
    assert data["valid"] is False
    assert data["steps"]["objectives"] == "incomplete"
    assert data["steps"]["team"] == "missing"
    first_error = next(f for f in data["findings"] if f["severity"] == "error")
    assert first_error == {
        "code": "SMP001",
        "severity": "error",
        "step": "metrics",
        "path": "metrics[1].objective",
        "line": 9,
        "column": 16,
        "message": "unknown objective `salse`",
        "hint": "did you mean `sales`?",
    }
    assert data["summary"]["errors"] == 1


def test_json_output_for_a_file_that_does_not_fit_the_model(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text("smplan: 1\nprojet: {}\n")
    result = smplan("check", "plan.yaml", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["findings"][0] == {
        "code": "SMP025",
        "severity": "error",
        "step": "project",
        "path": "projet",
        "line": 2,
        "column": 1,
        "message": "unknown key `projet`",
        "hint": "did you mean `project`?",
    }
    # The rest of the file is checked all the same: every step has its status.
    assert data["steps"]["team"] == "missing"
    assert {f["code"] for f in data["findings"][1:]} == {"SMP010", "SMP012"}
    assert data["summary"] == {"errors": 1, "warnings": len(data["findings"]) - 1}


def test_check_never_modifies_the_file(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(DANGLING)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    smplan("check", "plan.yaml")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_no_traceback_without_debug(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_bytes(b"\xff\xfe")
    result = smplan("check", "plan.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_readmes_rule_table_is_what_smplan_rules_prints(smplan):
    from smplan.checks import STORE

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules: the output of `smplan rules --format md` -->\n")[1]
    table = table.split("<!-- end of rules -->")[0]
    result = smplan("rules", "--format", "md")
    assert result.exit_code == 0
    assert table == result.output, "paste the output of `smplan rules --format md` in README.md"
    rules, files = len(STORE) - len(STORE.in_scope("file")), len(STORE.in_scope("file"))
    summary = f"<summary>All {rules} rules and the {files} codes of the file's"
    assert f"{summary} problems</summary>" in readme
    assert [line.split(" | ")[0][2:] for line in table.splitlines()[2:]] == STORE.codes()


def test_rules_are_listed_in_the_language_asked_for(smplan):
    result = smplan("rules", "--lang", "fr")
    assert result.exit_code == 0
    assert "SMP104  " in result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("SMP001 ")]
    assert line.split() == [
        "SMP001", "unknown-id", "erreur", "toutes", *"Une référence nomme un identifiant qui "
        "n'existe pas".split()
    ]  # fmt: skip
    english = smplan("rules").output
    assert "A reference names an id that does not exist" in english
    assert result.output.splitlines()[3] != english.splitlines()[3]


def test_a_reader_that_stops_early_leaves_the_exit_status_to_the_findings(tmp_path):
    # `smplan check plan.yaml | head -1`: the pipe closes while the report is written.
    import subprocess
    import sys

    members = "".join(
        f"    - id: m{i}\n      name: M {i}\n      department: marketing\n" for i in range(3000)
    )
    (tmp_path / "plan.yaml").write_text(f"smplan: 1\nteam:\n  members:\n{members}")
    process = subprocess.Popen(
        [sys.executable, "-m", "smplan", "check", "plan.yaml"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"Project  not started\n"
    process.stdout.close()
    errors = process.stderr.read()
    process.stderr.close()
    # Warnings only: the check passes, whatever the reader did with the rest.
    assert process.wait(timeout=60) == 0
    assert errors == b""


def test_one_wrong_type_hides_no_other_finding(smplan, tmp_path):
    # The wrong value is reported and left out; the rules judge everything else.
    (tmp_path / "plan.yaml").write_text(
        DANGLING.replace("  - id: sales\n", "  - id: sales\n    primary: maybe\n", 1)
    )
    result = smplan("check", "plan.yaml", "--format", "json")
    data = json.loads(result.stdout)
    codes = [f["code"] for f in data["findings"] if f["severity"] == "error"]
    assert sorted(codes) == ["SMP001", "SMP028"]
    assert result.exit_code == 1
    # Every step has its status; the step with the wrong value is not complete.
    assert set(data["steps"]) == set(STEPS)
    assert data["steps"]["objectives"] == "incomplete"


def test_a_step_left_commented_out_is_pointed_at_where_its_comment_is(smplan, tmp_path):
    (tmp_path / "plan.yaml").write_text(
        "smplan: 1\nproject:\n  name: Plan\n\n# audience:\n#   - id: locals\n"
    )
    result = smplan("check", "plan.yaml")
    assert (
        "  plan.yaml:5:1: audience: warning SMP010: step 5 (Audience) is not started"
        in result.stdout
    )


def test_the_count_of_steps_done_agrees_with_that_count_in_french(smplan, tmp_path):
    # French agrees with the steps done, not with the eight: "0 étape terminée sur 8".
    plan = tmp_path / "plan.yaml"
    plan.write_text("smplan: 1\nproject:\n  name: Plan\n  language: fr\n", encoding="utf-8")
    result = smplan("check", plan)
    assert result.stdout.splitlines()[-1].endswith(" · 0 étape terminée sur 8 (plan incomplet)")
    english = smplan("check", plan, "--lang", "en")
    assert english.stdout.splitlines()[-1].endswith(" · 0 of 8 steps complete (plan incomplete)")
