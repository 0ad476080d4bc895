"""`smplan schema`: the JSON Schema editors use to complete and check plan files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from editor_yaml import load_as_editor
from jsonschema import Draft7Validator
from jsonschema.exceptions import best_match

import smplan.plan.model as model_module
from smplan.i18n import _, language, languages
from smplan.plan.model import Plan
from smplan.plan.schema import EARLIEST_YEAR, schema_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
COMMITTED = EXAMPLES / "smplan.schema.json"

#: Keywords of drafts 2019-09 and 2020-12 that a draft-07 reader does not know.
NEWER_KEYWORDS = {
    "$defs",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
    "$vocabulary",
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "minContains",
    "maxContains",
}


def schema() -> dict[str, Any]:
    """The schema `smplan schema` prints, as JSON."""
    return json.loads(schema_text())


def validator() -> Draft7Validator:
    """A draft-07 validator of the plan schema that checks formats such as `date`."""
    return Draft7Validator(schema(), format_checker=Draft7Validator.FORMAT_CHECKER)


def nodes(node: Any) -> list[dict[str, Any]]:
    """Every object inside a JSON document, the document included."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += nodes(value)
    return found


SMALL_PLAN = """\
smplan: 1
project:
  name: Social media plan 2027
  organization: Corner Bakery
  language: en
  date: 2026-11-25
  version: "1.0"
team:
  members:
    - id: ana
      name: Ana Ruiz
      department: marketing
      hours_per_week: 3
    - id: tom
      department: customer_service
objectives:
  - id: orders
    family: revenue
    statement: Get 40 cake orders a month through social media
    primary: true
    deadline: 2027-06-30
metrics:
  - id: orders-month
    objective: orders
    kind: conversion
    baseline: unknown
    target: 40
    deadline: 2027-06-30
listening:
  keywords:
    company: [Corner Bakery]
    slogans: []
  listening_only: false
"""


def test_schema_is_valid_draft_07_with_its_own_id():
    document = schema()
    Draft7Validator.check_schema(document)
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert document["$id"] == "urn:smplan:plan:1"


def test_schema_uses_nothing_newer_than_draft_07():
    found = {key for node in nodes(schema()) for key in node} & NEWER_KEYWORDS
    assert found == set()


def test_every_reference_points_into_definitions_and_stands_alone():
    document = schema()
    refs = [node for node in nodes(document) if "$ref" in node]
    assert refs
    for node in refs:
        # Draft-07 ignores the keywords next to a $ref, so nothing may sit there.
        assert list(node) == ["$ref"]
        prefix, _, name = node["$ref"].rpartition("/")
        assert prefix == "#/definitions"
        assert name in document["definitions"]


def test_dates_are_strings_in_date_format():
    properties = schema()["definitions"]["Metric"]["properties"]
    # From 1904 on, as the model takes them: a pattern on the year.
    date = {"type": "string", "format": "date", "pattern": EARLIEST_YEAR}
    assert date in properties["deadline"]["anyOf"]
    project = schema()["definitions"]["Project"]["properties"]
    assert date in project["date"]["anyOf"]


def test_fields_keep_english_and_french_help_and_an_example():
    department = schema()["definitions"]["Member"]["properties"]["department"]
    assert department["description"].startswith("Department the person comes from;")
    assert department["x-description-fr"].startswith("Service d'origine ;")
    assert department["examples"] == ["marketing"]
    assert department["markdownDescription"] == (
        f"{department['description']}\n\n*{department['x-description-fr']}*"
    )
    assert department["anyOf"][0] == {"$ref": "#/definitions/Department"}


def test_the_languages_offered_are_the_catalogs_shipped():
    language = schema()["definitions"]["Project"]["properties"]["language"]
    # The codes, for completion; then every way `check` reads them (`English`, `EN`).
    offered, written = language["anyOf"]
    assert offered["enum"] == list(languages()) == ["en", "en_US", "fr"]
    assert re.match(written["pattern"], "English") and re.match(written["pattern"], "Français")
    assert not re.match(written["pattern"], "Englsh")
    assert language["default"] == "en"
    assert language["x-description-fr"] == "Langue du plan et de son document."


def test_every_model_field_is_in_the_schema_with_its_descriptions():
    definitions = schema()["definitions"]
    seen = 0
    for name, definition in definitions.items():
        if "properties" not in definition:
            continue
        model = getattr(model_module, name)
        assert list(definition["properties"]) == list(model.model_fields)
        for field_name, field in model.model_fields.items():
            prop = definition["properties"][field_name]
            assert prop["description"] == field.description
            assert prop["x-description-fr"] == french(field.description)
            seen += 1
    assert seen > 100


def test_every_example_fits_its_own_field():
    definitions = schema()["definitions"]
    checked = 0
    for definition in definitions.values():
        for name, prop in definition.get("properties", {}).items():
            field = Draft7Validator(
                {**prop, "definitions": definitions},
                format_checker=Draft7Validator.FORMAT_CHECKER,
            )
            for example in prop.get("examples", []):
                errors = [error.message for error in field.iter_errors(example)]
                assert errors == [], f"{definition['title']}.{name}: {example!r}"
                checked += 1
    assert checked > 80


def test_output_is_stable_json_with_two_space_indent(smplan):
    result = smplan("schema")
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert result.stdout == smplan("schema").stdout
    assert result.stdout.startswith('{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n')
    assert result.stdout.endswith("}\n")


def test_committed_schema_is_what_the_command_prints(smplan):
    assert COMMITTED.read_text(encoding="utf-8") == smplan("schema").stdout, (
        "examples/smplan.schema.json is stale: run `smplan schema -o examples/smplan.schema.json`"
    )


def test_output_option_writes_the_file(smplan, tmp_path):
    target = tmp_path / "smplan.schema.json"
    result = smplan("schema", "-o", target)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert result.stdout.startswith(f"Wrote the plan schema to {target}.\n")
    assert "# yaml-language-server: $schema=smplan.schema.json" in result.stdout


def test_output_into_a_missing_folder_makes_it_as_every_command_does(smplan, tmp_path):
    target = tmp_path / "nowhere" / "smplan.schema.json"
    result = smplan("schema", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("{")


def test_output_where_no_folder_can_be_made_is_refused(smplan, tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "smplan.schema.json"
    result = smplan("schema", "-o", target)
    assert result.exit_code == 2
    assert f"error: cannot write {target}: " in result.stderr


@pytest.mark.parametrize(
    "example",
    sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".results.yaml")),
    ids=lambda path: path.name,
)
def test_example_plans_fit_the_schema(example):
    data = load_as_editor(example.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert errors == []


def test_a_small_plan_fits_the_schema_and_the_model():
    data = load_as_editor(SMALL_PLAN)
    assert data["objectives"][0]["deadline"] == "2027-06-30"
    assert list(validator().iter_errors(data)) == []
    Plan.model_validate(data)


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            ("objectives", 0, "family", "growth"),
            ["objectives", 0, "family"],
            "'growth' is not valid under any of the given schemas",
        ),
        (
            ("metrics", 0, "deadline", "30/06/2027"),
            ["metrics", 0, "deadline"],
            "'30/06/2027' is not valid under any of the given schemas",
        ),
        (
            ("metrics", 0, "baseline", "not measured"),
            ["metrics", 0, "baseline"],
            "'not measured' is not valid under any of the given schemas",
        ),
        (
            ("team", "members", 1, "id", "Tom Lee"),
            ["team", "members", 1, "id"],
            "'Tom Lee' does not match '^[a-z0-9][a-z0-9_-]*$'",
        ),
        (
            ("listening", "keywords", "competitor", ["Bread & Co"]),
            ["listening", "keywords"],
            "Additional properties are not allowed ('competitor' was unexpected)",
        ),
    ],
)
def test_a_wrong_plan_is_rejected_at_the_field_at_fault(change, path, message):
    data = load_as_editor(SMALL_PLAN)
    *where, key, value = change
    target = data
    for step in where:
        target = target[step]
    target[key] = value
    error = best_match(validator().iter_errors(data))
    assert error is not None
    assert list(error.absolute_path) == path
    assert error.message == message


def test_a_wrong_choice_is_told_with_the_values_allowed():
    # Editors show the reason of the closest alternative: the list of values allowed.
    data = load_as_editor(SMALL_PLAN)
    data["objectives"][0]["family"] = "growth"
    error = best_match(validator().iter_errors(data))
    assert error is not None
    assert "'growth' is not one of ['revenue', 'costs', 'relationship', 'loyalty'," in str(
        [e.message for e in error.context]
    )


def french(text: str) -> str:
    """`text` as the French catalog has it."""
    with language("fr"):
        return _(text)


def test_no_hover_text_says_the_same_thing_twice():
    doubled = []

    def walk(node):
        if isinstance(node, dict):
            hover = node.get("markdownDescription")
            if hover:
                parts = [p.strip("*") for p in hover.split("\n\n")]
                if len(parts) != len(set(parts)):
                    doubled.append(hover)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    assert doubled == []
