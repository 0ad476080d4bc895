"""The plan's JSON Schema, in the draft editors read: completion, hover help, errors as you type.

The YAML language server (behind VS Code, Neovim, Helix and others) fully supports draft-07, so
the schema pydantic writes (2020-12 style, `$defs`) is moved to draft-07: definitions under
`definitions`, and a `$ref` with sibling keywords wrapped in `allOf`, because draft-07 ignores
whatever sits next to a `$ref`, the field's description included.
"""

from __future__ import annotations

import json
from typing import Any

from smplan.i18n import SOURCE_LANGUAGE, _, language, languages
from smplan.plan.model import Plan

DIALECT = "http://json-schema.org/draft-07/schema#"
#: Nothing is hosted: the id only names the format and its version.
SCHEMA_ID = "urn:smplan:plan:1"
#: The file name `smplan new` points the YAML language server at, next to the plan.
SCHEMA_FILENAME = "smplan.schema.json"

# Keywords whose value maps names to subschemas, holds one subschema or a list of them.
_SCHEMA_MAPS = ("properties", "definitions", "patternProperties")
_SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains")
_SCHEMA_LISTS = ("anyOf", "allOf", "oneOf")


def plan_schema() -> dict[str, Any]:
    """The plan's JSON Schema as a draft-07 dict, with English and French descriptions."""
    raw = Plan.model_json_schema(ref_template="#/definitions/{model}")
    definitions = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DIALECT, "$id": SCHEMA_ID, **raw}
    schema["definitions"] = definitions
    return _to_draft7(schema)


def schema_text() -> str:
    """The plan's JSON Schema as the text `smplan schema` prints: 2-space indent, final newline."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"


def _to_draft7(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_MAPS:
            out[key] = {name: _to_draft7(sub) for name, sub in value.items()}
        elif key in _SCHEMA_ONE and isinstance(value, dict):
            out[key] = _to_draft7(value)
        elif key in _SCHEMA_LISTS:
            out[key] = [_to_draft7(sub) for sub in value]
        else:
            out[key] = value
    if "description" in out:
        for lang in languages():
            if lang != SOURCE_LANGUAGE:
                with language(lang):
                    out[f"x-description-{lang}"] = _(out["description"])
        out["markdownDescription"] = _markdown(out)
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def _markdown(node: dict[str, Any]) -> str:
    # Editors show `markdownDescription` on hover instead of `description`: give every
    # language's, the translations in italics.
    # A text no catalog translates (a model's docstring) is shown once, not again in italics.
    english = str(node["description"])
    others = [node[f"x-description-{lang}"] for lang in languages() if lang != SOURCE_LANGUAGE]
    return "\n\n".join([english, *(f"*{t}*" for t in dict.fromkeys(others) if t != english)])
