"""Mistakes people make editing a plan by hand: each one gets its own words and hint.

Each file of `tests/mistakes/` holds one realistic mistake; `tests/mistakes/expected.toml`
gives the code, the place, and the exact message and hint `check` must give for it, in
English and in French. The hints come from the kind of mistake (a unit after a number, a
list written on one line, a key one level off), so a new instance of a kind needs no code.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from smplan.plan.problems import LOADER_CODES

MISTAKES = Path(__file__).resolve().parent / "mistakes"
EXPECTED = tomllib.loads((MISTAKES / "expected.toml").read_text(encoding="utf-8"))
#: Two realistic plans (a US winery in English, a French estate) and mistakes made on them.
PLANS = MISTAKES / "plans"
EDITS = tomllib.loads((PLANS / "edits.toml").read_text(encoding="utf-8"))["case"]


def test_every_mistake_is_described_and_every_description_has_its_file():
    assert sorted(p.name for p in MISTAKES.glob("*.yaml")) == sorted(EXPECTED)


def _loader_findings(smplan, tmp_path, name, *options):
    shutil.copy(MISTAKES / name, tmp_path / name)
    result = smplan("check", name, "--format", "json", *options)
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    return result, data, [f for f in data["findings"] if f["code"] in LOADER_CODES]


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_mistake_gets_its_message_and_hint(smplan, tmp_path, monkeypatch, name, lang):
    monkeypatch.chdir(tmp_path)
    entry = EXPECTED[name]
    result, data, found = _loader_findings(smplan, tmp_path, name, "--lang", lang)
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in found] == [
        (entry["code"], entry["path"], entry["line"], entry["column"])
    ]
    assert (found[0]["message"], found[0]["hint"]) == (entry[lang][0], entry[lang][1])
    # A syntax mistake leaves the file unusable as it is (2), a value that does not fit
    # makes the check fail (1), a comment after a text is a warning (0). Either way, what
    # can be read is judged too: every step has its status, none with an error complete.
    assert result.exit_code == entry["exit"]
    assert data["steps"]
    step = entry["path"].split(".")[0].split("[")[0]
    if step in data["steps"] and found[0]["severity"] == "error":
        assert data["steps"][step] == "incomplete"


@pytest.mark.parametrize("plan", ["winery.yaml", "domaine.yaml"])
def test_the_plans_the_edits_start_from_are_valid_and_complete(smplan, plan):
    result = smplan("check", PLANS / plan, "--strict")
    assert result.exit_code == 0, result.stdout


def _edited(case: dict[str, object]) -> str:
    lines = (PLANS / str(case["plan"])).read_text(encoding="utf-8").split("\n")
    index = int(str(case["line"])) - 1
    if case.get("insert"):
        lines.insert(index, str(case["new"]))
    else:
        assert lines[index] == case["old"], "the plan changed: update edits.toml"
        lines[index] = str(case["new"])
    return "\n".join(lines)


@pytest.mark.parametrize("case", EDITS, ids=[str(c["name"]) for c in EDITS])
def test_a_mistake_made_in_a_real_plan_is_said_where_it_was_made(smplan, tmp_path, case):
    path = tmp_path / "plan.yaml"
    path.write_text(_edited(case), encoding="utf-8")
    result = smplan("check", path, "--format", "json")
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    first = next(f for f in data["findings"] if f["code"] in LOADER_CODES)
    assert (first["code"], [first["line"], first["column"]]) == (case["code"], case["at"])
    assert [first["message"], first["hint"]] == case["says"]
    # The rest of the plan is still read and judged: each step has its status.
    assert len(data["steps"]) == 8
