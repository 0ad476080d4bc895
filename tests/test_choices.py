"""A choice written as a person writes it is read as the value it names, and kept so."""

from __future__ import annotations

import pytest
import yaml

from smplan.errors import PlanFileError
from smplan.plan.files import parse_plan_text

PLAN = """\
smplan: 1
project:
  name: Spring plan
  language: {language}
  currency: {currency}
team:
  members:
    - id: megan
      department: {department}
metrics:
  - id: members
    baseline: {baseline}
channels:
  - id: instagram
    slots:
      - day: {day}
        time: "09:00"
"""

SPELLINGS = [
    # (what is written, field, the value it names)
    ({"day": "Tuesday"}, "day", "tuesday"),
    ({"day": "MARDI"}, "day", "tuesday"),
    ({"department": "Marketing"}, "department", "marketing"),
    ({"department": "customer service"}, "department", "customer_service"),
    ({"department": "Customer-Service"}, "department", "customer_service"),
    ({"department": "R&D"}, "department", "rd"),
    ({"department": "Accueil"}, "department", "front_desk"),
    ({"language": "EN"}, "language", "en"),
    ({"language": "English"}, "language", "en"),
    ({"language": "français"}, "language", "fr"),
    ({"baseline": "Unknown"}, "baseline", "unknown"),
    ({"currency": "usd"}, "currency", "USD"),
]
WRITTEN = {
    "language": "en",
    "currency": "GBP",
    "department": "marketing",
    "baseline": "12",
    "day": "monday",
}


def _read(**written: str) -> dict[str, object]:
    loaded = parse_plan_text(PLAN.format(**{**WRITTEN, **written}), "plan.yaml")
    plan = loaded.plan
    assert plan.project and plan.team and plan.metrics and plan.channels
    return {
        "language": plan.project.language,
        "currency": plan.project.currency,
        "department": plan.team.members[0].department,
        "baseline": plan.metrics[0].baseline,
        "day": plan.channels[0].slots[0].day,
    }


@pytest.mark.parametrize(("written", "field", "value"), SPELLINGS, ids=lambda s: str(s))
def test_a_choice_is_read_as_the_value_it_names(written, field, value):
    assert _read(**written)[field] == value


def test_the_currency_follows_the_language_as_it_is_read():
    loaded = parse_plan_text("smplan: 1\nproject:\n  language: French\n", "plan.yaml")
    assert loaded.plan.project is not None
    assert (loaded.plan.project.language, loaded.plan.currency) == ("fr", "EUR")


@pytest.mark.parametrize(
    "written",
    [{"day": "Tuesdy"}, {"department": "winemaking"}, {"language": "Klingon"}, {"currency": "€"}],
    ids=lambda s: str(s),
)
def test_what_names_no_value_is_still_refused(written):
    with pytest.raises(PlanFileError):
        _read(**written)


def test_init_writes_each_choice_as_its_value(smplan, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "project:\n  name: Spring plan\n  language: English\n"
        "team:\n  members:\n    - id: megan\n      department: Front desk\n"
        "listening:\n  review_cadence: Weekly\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.yaml"
    smplan("init", plan, "--answers", answers, "--no-interactive")
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data["project"]["language"] == "en"
    assert data["team"]["members"][0]["department"] == "front_desk"
    assert data["listening"]["review_cadence"] == "weekly"
