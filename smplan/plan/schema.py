"""The plan's JSON Schema, in the draft editors read: completion, hover help, errors as you type.

The YAML language server (behind VS Code, Neovim, Helix and others) fully supports draft-07, so
the schema pydantic writes (2020-12 style, `$defs`) is moved to draft-07: definitions under
`definitions`, and a `$ref` with sibling keywords wrapped in `allOf`, because draft-07 ignores
whatever sits next to a `$ref`, the field's description included.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from smplan.i18n import SOURCE_LANGUAGE, _, language, languages
from smplan.plan import choices
from smplan.plan.meta import fields
from smplan.plan.model import ID_PATTERN, Plan
from smplan.plan.results import Results

DIALECT = "http://json-schema.org/draft-07/schema#"
#: Nothing is hosted: the id only names the format and its version.
SCHEMA_ID = "urn:smplan:plan:1"
#: The file name `smplan new` points the YAML language server at, next to the plan.
SCHEMA_FILENAME = "smplan.schema.json"
#: The id of the results file's schema (`smplan schema --results`).
RESULTS_SCHEMA_ID = "urn:smplan:results:1"

# Keywords whose value maps names to subschemas, holds one subschema or a list of them.
_SCHEMA_MAPS = ("properties", "definitions", "patternProperties")
_SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains")
_SCHEMA_LISTS = ("anyOf", "allOf", "oneOf")


#: The words `check` reads as yes or no in a yes/no field (pydantic's, in any casing), which
#: an editor reading YAML 1.2 sees as text: the schema accepts them too, so both agree.
YES_NO_WORDS = ("yes", "no", "on", "off", "y", "n", "t", "f", "true", "false", "1", "0")
#: Dates from 1904 to 9998, as the model takes them (the document's PDF fonts count from
#: 1904; what follows a date, such as the next review, must still be one).
EARLIEST_YEAR = r"^(190[4-9]|19[1-9][0-9]|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-"
#: A number written in quotes, as `check` reads it (`"4"`, `"2.5"`, `"1e3"`).
NUMBER_TEXT = r"^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"


def plan_schema() -> dict[str, Any]:
    """The plan's JSON Schema as a draft-07 dict, with English and French descriptions.

    It accepts what `check` accepts, read the way the YAML language server reads YAML
    (1.2): `yes`/`no`/`on`/`off` in a yes/no field, an unquoted number (`version: 1.0`)
    or `true` in a text field, which `check` keeps as the text typed, and a number
    written in quotes in a number field.
    """
    return _schema(Plan, SCHEMA_ID)


def results_schema() -> dict[str, Any]:
    """The results file's JSON Schema, drawn up as the plan's is."""
    return _schema(Results, RESULTS_SCHEMA_ID)


def _schema(model: type[BaseModel], schema_id: str) -> dict[str, Any]:
    raw = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = raw.pop("$defs", {})
    _keep_patterns(model, definitions)
    schema: dict[str, Any] = {"$schema": DIALECT, "$id": schema_id, **raw}
    schema["definitions"] = definitions
    return _to_draft7(schema, top=True)


def schema_text(*, results: bool = False) -> str:
    """The plan's JSON Schema (or the results file's) as the text `smplan schema` prints:
    2-space indent, final newline."""
    schema = results_schema() if results else plan_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _to_draft7(node: dict[str, Any], *, top: bool = False, kept: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "definitions":
            out[key] = {name: _to_draft7(sub, kept=True) for name, sub in value.items()}
        elif key in _SCHEMA_MAPS:
            out[key] = {name: _to_draft7(sub) for name, sub in value.items()}
        elif key in _SCHEMA_ONE and isinstance(value, dict):
            out[key] = _to_draft7(value)
        elif key in _SCHEMA_LISTS:
            out[key] = [_to_draft7(sub) for sub in value]
        elif key == "title" and not (top or kept):
            # A field's title is its key in words ("Cadence"): editors show it beside the
            # titles of the types it may hold, so the same word twice. The key says it.
            continue
        else:
            out[key] = value
    out = _as_check_reads(out)
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


def _keep_patterns(model: type[BaseModel], definitions: dict[str, Any]) -> None:
    """Put back the pattern of an optional text field, which pydantic leaves out."""
    for found in fields(model):
        pattern = next(
            (m.pattern for m in found.info.metadata if getattr(m, "pattern", None)), None
        )
        prop = definitions.get(found.model.__name__, {}).get("properties", {}).get(found.name)
        if pattern is None or prop is None:
            continue
        if choices.code_pattern(found.info) is not None:
            # A code in capitals is read in any case (`eur` is EUR).
            pattern = pattern.replace("A-Z", "A-Za-z")
        for member in prop.get("anyOf", [prop]):
            if member.get("type") == "string":
                member["pattern"] = pattern


def _as_check_reads(node: dict[str, Any]) -> dict[str, Any]:
    """A leaf of the schema widened to what `check` accepts as the editor reads it."""
    kind = node.get("type")
    values = node.get("enum", [node["const"]] if "const" in node else [])
    if kind == "string" and values and all(isinstance(v, str) for v in values):
        # A choice written as `check` reads it: in any case, or by its name (`Tuesday`).
        rest = {k: v for k, v in node.items() if k not in ("type", "enum", "const")}
        written = {"type": "string", "pattern": choices.pattern(tuple(values))}
        return {"anyOf": [{"type": "string", "enum": values}, written], **rest}
    if kind == "integer" and "const" in node:
        # `smplan: "1"` is read as the version 1 too.
        rest = {k: v for k, v in node.items() if k not in ("type", "const")}
        return {"enum": [node["const"], str(node["const"])], **rest}
    if kind == "string" and node.get("format") == "date":
        return {**node, "pattern": EARLIEST_YEAR}
    if kind == "boolean":
        words = [
            w for word in YES_NO_WORDS for w in dict.fromkeys((word, word.title(), word.upper()))
        ]
        rest = {k: v for k, v in node.items() if k != "type"}
        return {
            "anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}, {"enum": [0, 1]}],
            **rest,
        }
    if kind in ("number", "integer"):
        bounds = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
        number = {k: v for k, v in node.items() if k == "type" or k in bounds}
        rest = {k: v for k, v in node.items() if k not in number}
        written = {"type": "string", "pattern": NUMBER_TEXT}
        return {"anyOf": [number, written], **rest}
    if kind == "string" and not node.keys() & {"enum", "const", "pattern", "format"}:
        return {**node, "type": ["string", "number", "boolean"]}
    if kind == "string" and node.get("pattern") == ID_PATTERN:
        rest = {k: v for k, v in node.items() if k not in ("type", "pattern")}
        ident = {"type": "string", "pattern": ID_PATTERN}
        return {"anyOf": [ident, {"type": "integer", "minimum": 0}], **rest}
    return node


def _markdown(node: dict[str, Any]) -> str:
    # Editors show `markdownDescription` on hover instead of `description`: give every
    # language's, the translations in italics.
    # A text no catalog translates (a model's docstring) is shown once, not again in italics.
    english = str(node["description"])
    others = [node[f"x-description-{lang}"] for lang in languages() if lang != SOURCE_LANGUAGE]
    return "\n\n".join([english, *(f"*{t}*" for t in dict.fromkeys(others) if t != english)])
