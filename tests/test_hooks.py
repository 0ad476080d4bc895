"""The pre-commit hooks: valid definitions whose commands run as pre-commit runs them."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from commandline import parse, usage_error

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
EXAMPLE = ROOT / "examples" / "boulangerie.yaml"
#: What pre-commit requires of each hook, and what it allows.
REQUIRED = {"id", "name", "entry", "language"}
ALLOWED = REQUIRED | {
    "args",
    "description",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "pass_filenames",
    "require_serial",
    "stages",
    "always_run",
    "minimum_pre_commit_version",
}


def hooks() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return {hook["id"]: hook for hook in data}


def command_of(hook: dict[str, object], *files: str) -> list[str]:
    """The command pre-commit runs: the entry, the args, then the file names."""
    return [*shlex.split(str(hook["entry"])), *map(str, hook.get("args", [])), *files]


def test_the_hooks_are_the_documented_ones_with_valid_keys():
    found = hooks()
    assert list(found) == ["smplan-check", "smplan-render"]
    for hook in found.values():
        assert REQUIRED <= set(hook) <= ALLOWED, hook["id"]
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is True
    assert found["smplan-check"]["entry"] == "smplan check --strict"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in found)


@pytest.mark.parametrize(
    ("name", "taken"),
    [
        ("plan.yaml", True),
        ("clients/acme-plan.yml", True),
        ("strategy/plan-v2.yaml", True),
        ("examples/boulangerie.yaml", False),
        ("plan.yaml.bak", False),
        ("planning/notes.md", False),
    ],
)
def test_the_hooks_take_plan_files(name, taken):
    for hook in hooks().values():
        assert bool(re.search(str(hook["files"]), name)) is taken, (hook["id"], name)


def test_each_entry_is_a_valid_smplan_command():
    for hook in hooks().values():
        name, params = parse(command_of(hook, "a-plan.yaml", "b-plan.yaml"))
        assert name == hook["id"].removeprefix("smplan-")
        assert params["paths"] == [Path("a-plan.yaml"), Path("b-plan.yaml")]
    with pytest.raises(usage_error()):
        parse(["smplan", "check", "--no-such-option", "plan.yaml"])


def test_the_check_hook_passes_good_plans_and_fails_bad_ones(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good-plan.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "draft-plan.yaml").write_text("smplan: 1\nproject:\n  name: Draft\n")
    hook = hooks()["smplan-check"]
    ok = smplan(*command_of(hook, "good-plan.yaml")[1:])
    assert ok.exit_code == 0, ok.output
    failed = smplan(*command_of(hook, "good-plan.yaml", "draft-plan.yaml")[1:])
    assert failed.exit_code == 1
    assert "draft-plan.yaml: valid · 0 errors" in failed.stdout
    assert "--strict: warnings fail the check" in failed.stdout


def test_the_render_hook_writes_each_document_next_to_its_plan(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-plan.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b-plan.yaml").write_bytes(EXAMPLE.read_bytes())
    result = smplan(*command_of(hooks()["smplan-render"], "a-plan.yaml", "b-plan.yaml")[1:])
    assert result.exit_code == 0, result.output
    for stem in ("a-plan", "b-plan"):
        assert (tmp_path / f"{stem}.md").read_text(encoding="utf-8").startswith("# ")
