"""The example GitHub workflow in examples/ci: valid, and every smplan command in it works."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml
from commandline import parse

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / "ci" / "smplan.yml"
EXAMPLE = ROOT / "examples" / "boulangerie.yaml"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub reads it as the word.
    data["on"] = data.pop(True, data.get("on"))
    return data


def smplan_commands(job: dict) -> list[list[str]]:
    """Each `smplan ...` line the job runs, with the job's variables put in."""
    env = {k: str(v) for k, v in job.get("env", {}).items()}
    commands = []
    for step in job["steps"]:
        for line in step.get("run", "").splitlines():
            words = [_expand(w, env) for w in shlex.split(line, comments=True)]
            if words and words[0] == "smplan":
                commands.append(words)
    return commands


def _expand(word: str, env: dict[str, str]) -> str:
    for name, value in env.items():
        word = word.replace(f"${{{name}}}", value).replace(f"${name}", value)
    assert "$" not in word, f"unknown variable in {word!r}"
    return word


def test_the_workflow_is_a_valid_github_workflow():
    data = workflow()
    assert set(data["on"]) == {"push", "pull_request"}
    assert data["jobs"]
    for job in data["jobs"].values():
        assert isinstance(job["runs-on"], str)
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            assert set(step) <= {"name", "uses", "run", "with", "if", "env", "id"}, step


def test_the_workflow_checks_with_annotations_renders_a_fixed_pdf_and_keeps_it():
    (job,) = workflow()["jobs"].values()
    assert int(job["env"]["SOURCE_DATE_EPOCH"]) > 0
    parsed = [parse(words) for words in smplan_commands(job)]
    assert [name for name, _ in parsed] == ["check", "render"]
    check, render = (params for _, params in parsed)
    assert check["output_format"] == "github" and check["strict"] is True
    assert check["paths"] == [Path(job["env"]["PLAN"])]
    assert render["output_format"] == "pdf"
    uses = "actions/upload-artifact"
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith(uses))
    assert upload["with"]["path"] == render["output_arg"]
    assert any("pip install smplan" in s.get("run", "") for s in job["steps"])


def test_the_check_step_prints_annotations_for_the_plan(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (job,) = workflow()["jobs"].values()
    plan = tmp_path / job["env"]["PLAN"]
    plan.write_text(EXAMPLE.read_text(encoding="utf-8").replace("deadline:", "#deadline:", 1))
    check = next(words for words in smplan_commands(job) if words[1] == "check")
    result = smplan(*check[1:])
    assert result.exit_code == 1
    assert result.stdout.startswith("::warning file=plan.yaml,line=")
    assert "title=SMP304::" in result.stdout
