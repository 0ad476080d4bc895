"""The editor and `check` agree: the schema accepts exactly the plans `check` can read.

Each example plan and each variant below is read twice: the way the YAML language server
reads it (YAML 1.2, `tests/editor_yaml.py`) and checked against the schema `smplan schema`
prints, and by `check`'s own loader. Both must give the same verdict: the file fits the
format, or it does not. (Whether the strategy holds together is the rules' job, not the
schema's: a dangling id is no disagreement.)

What was decided for the YAML that the two readings see differently: `yes`, `no`, `on`
and `off` in a yes/no field are read as yes or no by both; an unquoted number or `true`
in a text field is text for both (`version: 1.0` keeps its text); a number in quotes is a
number for both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from editor_yaml import load_as_editor
from jsonschema import Draft7Validator

from smplan.errors import PlanFileError
from smplan.plan.files import parse_plan_text
from smplan.plan.schema import schema_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLANS = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".results.yaml"))

BASE = """\
smplan: 1
project:
  name: Plan 2027
  language: en
  date: 2027-01-04
team:
  members:
    - id: ana
      name: Ana Ruiz
      department: marketing
      hours_per_week: 3
objectives:
  - id: sales
    statement: Sell 40 cakes a week
    primary: true
    deadline: 2027-06-30
metrics:
  - id: orders
    objective: sales
    baseline: 12
    target: 40
listening:
  listening_only: false
  trends: [sourdough]
channels:
  - id: instagram
    platform: Instagram
    handle: "@cornerbakery"
    posts_per_week: 3
"""

SLOT = "\n    slots:\n      - day: monday\n        time: "
DAY = "\n    slots:\n      - day: {day}\n        time: 09:00"
LISTENING = "listening:\n  listening_only: false\n  trends: [sourdough]\n"

#: (what changes, the text it replaces in BASE, the text put instead)
VARIANTS = [
    ("yes in a yes/no field", "primary: true", "primary: yes"),
    ("no in a yes/no field", "listening_only: false", "listening_only: no"),
    ("on in a yes/no field", "primary: true", "primary: on"),
    ("off in a yes/no field", "listening_only: false", "listening_only: off"),
    ("Yes capitalised", "primary: true", "primary: Yes"),
    ("TRUE in capitals", "primary: true", "primary: TRUE"),
    ("quoted true", "primary: true", 'primary: "true"'),
    ("1 in a yes/no field", "primary: true", "primary: 1"),
    ("maybe in a yes/no field", "primary: true", "primary: maybe"),
    ("oui in a yes/no field", "primary: true", "primary: oui"),
    ("empty yes/no field that has a default", "primary: true", "primary:"),
    ("empty optional yes/no field", "listening_only: false", "listening_only:"),
    ("a number as a version", "date: 2027-01-04", "date: 2027-01-04\n  version: 1.0"),
    ("a version with two dots", "date: 2027-01-04", "date: 2027-01-04\n  version: 1.2.3"),
    ("a number as a name", "name: Plan 2027", "name: 2027"),
    ("true as a name", "name: Plan 2027", "name: true"),
    ("no as a name", "name: Plan 2027", "name: no"),
    ("null as a name", "name: Plan 2027", "name: null"),
    ("a date as a name", "name: Plan 2027", "name: 2027-01-01"),
    ("a number in a list of text", "trends: [sourdough]", "trends: [sourdough, 2027]"),
    ("a yes/no in a list of text", "trends: [sourdough]", "trends: [sourdough, yes]"),
    ("a number in quotes", "hours_per_week: 3", 'hours_per_week: "3"'),
    ("a decimal number", "hours_per_week: 3", "hours_per_week: 2.5"),
    ("an exponent", "baseline: 12", "baseline: 1e3"),
    ("a number with its unit", "hours_per_week: 3", "hours_per_week: 3h"),
    ("a percentage", "target: 40", "target: 40%"),
    ("thousands with a comma", "target: 40", "target: 2,100"),
    ("a currency sign", "posts_per_week: 3", "posts_per_week: 3\n    budget_per_month: £130"),
    ("a number in words", "hours_per_week: 3", "hours_per_week: three"),
    ("a number out of range", "hours_per_week: 3", "hours_per_week: 200"),
    ("a negative number of posts", "posts_per_week: 3", "posts_per_week: -1"),
    ("unknown as a baseline", "baseline: 12", "baseline: unknown"),
    ("a word as a baseline", "baseline: 12", "baseline: lots"),
    ("a date that does not exist", "deadline: 2027-06-30", "deadline: 2027-02-30"),
    ("a date day first", "deadline: 2027-06-30", "deadline: 30/06/2027"),
    ("a month thirteen", "date: 2027-01-04", "date: 2027-13-01"),
    ("a date before 1904", "date: 2027-01-04", "date: 1900-01-01"),
    ("a number as an id", "- id: ana", "- id: 2027"),
    ("an id with capitals", "- id: ana", "- id: Ana"),
    ("an id with a space", "- id: ana", "- id: ana ruiz"),
    ("a missing id", "- id: sales\n", "- family: revenue\n"),
    ("an unknown department", "department: marketing", "department: marketting"),
    ("an unknown language", "language: en", "language: english"),
    ("French", "language: en", "language: fr"),
    ("an unknown key", "name: Ana Ruiz", "name: Ana Ruiz\n      colour: blue"),
    ("a key at the wrong level", "date: 2027-01-04\n", "date: 2027-01-04\ncurrency: EUR\n"),
    ("a currency in lowercase", "date: 2027-01-04", "date: 2027-01-04\n  currency: eur"),
    ("a currency code", "date: 2027-01-04", "date: 2027-01-04\n  currency: GBP"),
    ("a list where a list is expected", "trends: [sourdough]", "trends: []"),
    ("text where a list is expected", "trends: [sourdough]", "trends: sourdough, rye"),
    ("no where a list is expected", "trends: [sourdough]", "trends: no"),
    ("a list where one value is expected", "objective: sales", "objective: [sales, other]"),
    ("a mapping where text is expected", "trends: [sourdough]", "trends: [sourdough, a: b]"),
    ("a time zone", "date: 2027-01-04", "date: 2027-01-04\n  timezone: Europe/Paris"),
    (
        "a time",
        "posts_per_week: 3",
        "posts_per_week: 3\n    slots:\n      - day: monday\n        time: 09:30",
    ),
    (
        "a time past midnight",
        "posts_per_week: 3",
        "posts_per_week: 3\n    slots:\n      - day: monday\n        time: 25:00",
    ),
    (
        "an empty step",
        "listening:\n  listening_only: false\n  trends: [sourdough]\n",
        "listening:\n",
    ),
    (
        "a step as a list",
        "listening:\n  listening_only: false\n  trends: [sourdough]\n",
        "listening: []\n",
    ),
    ("format version 2", "smplan: 1", "smplan: 2"),
    ("the format version in quotes", "smplan: 1", 'smplan: "1"'),
    # A choice differs from its value only by its case, its separators, or by being the
    # value's name in one of smplan's languages: both read it as that value.
    ("a department capitalised", "department: marketing", "department: Marketing"),
    ("a department in capitals", "department: marketing", "department: MARKETING"),
    ("a department by its name", "department: marketing", "department: Front desk"),
    ("a department with a space", "department: marketing", "department: customer service"),
    ("a department by its French name", "department: marketing", "department: Ventes"),
    ("a department misspelt", "department: marketing", "department: Marketting"),
    ("a language in capitals", "language: en", "language: EN"),
    ("a language by its name", "language: en", "language: English"),
    ("a language by its own name", "language: en", "language: Français"),
    ("a language misspelt", "language: en", "language: Englsh"),
    ("unknown capitalised", "baseline: 12", "baseline: Unknown"),
    ("unknown in capitals", "baseline: 12", "baseline: UNKNOWN"),
    ("a day capitalised", "posts_per_week: 3", "posts_per_week: 3" + DAY.format(day="Tuesday")),
    ("a day in French", "posts_per_week: 3", "posts_per_week: 3" + DAY.format(day="mardi")),
    ("a day cut short", "posts_per_week: 3", "posts_per_week: 3" + DAY.format(day="Tue")),
    ("a currency in small letters", "date: 2027-01-04", "date: 2027-01-04\n  currency: usd"),
    ("a currency of two letters", "date: 2027-01-04", "date: 2027-01-04\n  currency: us"),
]


@pytest.fixture(scope="module")
def schema_validator() -> Draft7Validator:
    schema = json.loads(schema_text())
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def editor_accepts(validator: Draft7Validator, text: str) -> bool:
    return not list(validator.iter_errors(load_as_editor(text)))


def check_accepts(text: str) -> bool:
    try:
        parse_plan_text(text, "plan.yaml")
    except PlanFileError:
        return False
    return True


def test_there_are_enough_variants_and_each_changes_the_plan():
    assert len(VARIANTS) >= 40
    for name, old, new in VARIANTS:
        assert old in BASE, name
        assert new != old, name


def test_the_base_plan_fits_both(schema_validator):
    assert editor_accepts(schema_validator, BASE)
    assert check_accepts(BASE)


@pytest.mark.parametrize("example", PLANS, ids=lambda p: p.name)
def test_each_example_fits_both(schema_validator, example):
    text = example.read_text(encoding="utf-8")
    assert editor_accepts(schema_validator, text)
    assert check_accepts(text)


@pytest.mark.parametrize(("name", "old", "new"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_the_editor_and_check_give_the_same_verdict(schema_validator, name, old, new):
    text = BASE.replace(old, new, 1)
    assert editor_accepts(schema_validator, text) == check_accepts(text)


def test_both_refuse_and_accept_some_variants(schema_validator):
    # A test that cannot tell the readers apart would pass with both refusing everything.
    verdicts = [check_accepts(BASE.replace(old, new, 1)) for _, old, new in VARIANTS]
    assert 15 <= sum(verdicts) <= len(VARIANTS) - 15
