"""The shipped examples: complete plans that pass the strictest check, in the promised language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smplan.plan.files import load_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PATHS = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".results.yaml"))

#: The language each example's name promises; a new example must be added here.
LANGUAGES = {
    "boulangerie": "fr",
    "caisse-regionale": "fr",
    "b2b-software": "en",
    "city-library": "en_US",
}

#: Short words frequent in one language and absent from the other, to tell the prose apart.
MARKERS = {
    "fr": {"le", "la", "les", "des", "du", "et", "une", "pour", "avec", "dans", "sur", "qui"},
    "en": {"the", "and", "of", "to", "with", "for", "is", "what", "our", "we", "by", "from"},
}

examples = pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])


def _strings(data: object) -> list[str]:
    """Every text value of a plan, however deeply nested."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def _marker_counts(path: Path) -> dict[str, int]:
    plan = load_plan(path).plan
    words = re.findall(r"[^\W\d_]+", " ".join(_strings(plan.model_dump(mode="json"))).lower())
    return {lang: sum(1 for w in words if w in markers) for lang, markers in MARKERS.items()}


def test_every_promised_example_is_shipped():
    assert sorted(p.stem for p in PATHS) == sorted(LANGUAGES)


@examples
def test_example_passes_the_strict_check(smplan, path):
    result = smplan("check", path, "--strict")
    assert result.exit_code == 0, result.output
    summary = {
        "en": f"{path}: valid · 0 errors, 0 warnings · 8 of 8 steps complete",
        "en_US": f"{path}: valid · 0 errors, 0 warnings · 8 of 8 steps complete",
        "fr": f"{path}: valide · 0 erreur, 0 avertissement · 8 étapes terminées sur 8",
    }
    assert summary[load_plan(path).plan.language] in result.stdout


@examples
def test_example_completes_every_step(smplan, path):
    result = smplan("check", path, "--format", "json")
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert set(report["steps"].values()) == {"complete"}


@examples
def test_example_opens_with_the_schema_line_and_a_description(path):
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first == "# yaml-language-server: $schema=smplan.schema.json"
    assert re.fullmatch(r"# \S.{20,}", second)


@examples
def test_example_is_in_the_language_its_name_promises(path):
    promised = LANGUAGES[path.stem]
    assert load_plan(path).plan.project.language == promised
    # American English is English: its prose is told from French by the same words.
    expected = promised.split("_")[0]
    other = "en" if expected == "fr" else "fr"
    counts = _marker_counts(path)
    # Names and quoted terms cross languages; the prose itself should not.
    assert counts[expected] > 10 * max(counts[other], 1), counts


@examples
def test_channels_are_empty_exactly_when_the_plan_listens_only(path):
    plan = load_plan(path).plan
    assert plan.channels is not None
    assert (plan.channels == []) is bool(plan.listening.listening_only)


def test_the_library_listens_only_and_opens_no_channel():
    plan = load_plan(EXAMPLES / "city-library.yaml").plan
    assert plan.listening.listening_only is True
    assert plan.channels == []
    assert plan.listening.needs and plan.objectives and plan.metrics and plan.audience
