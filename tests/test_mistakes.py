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
    assert [(f["code"], f["path"], f["line"]) for f in found] == [
        (entry["code"], entry["path"], entry["line"])
    ]
    assert (found[0]["message"], found[0]["hint"]) == (entry[lang][0], entry[lang][1])
    # A syntax error leaves the file unusable as it is (2), a value that does not fit makes
    # the check fail (1). Either way, what can be read is judged too: every step has its
    # status, none with an error complete.
    assert result.exit_code == (2 if entry["code"] == "SMP020" else 1)
    assert data["steps"]
    step = entry["path"].split(".")[0].split("[")[0]
    if step in data["steps"]:
        assert data["steps"][step] == "incomplete"
