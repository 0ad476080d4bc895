"""Properties that hold for every plan, and for every file a user could hand to smplan.

Plans are drawn from the models themselves: each field's type, bounds and pattern decide
what may go in it, so a field added to the model is covered without touching this file
(and a field of a kind never seen before stops the tests until it is given a strategy).
"""

from __future__ import annotations

import datetime as dt
import math
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import annotated_types
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

import smplan.plan.meta as meta
import smplan.plan.model as model_module
from smplan.errors import PlanFileError, PlanInvalidError
from smplan.i18n import languages
from smplan.plan.files import load_plan, parse_plan_bytes, parse_plan_text
from smplan.plan.model import Plan
from smplan.plan.roundtrip import PlanWriter

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings(PROPERTY, max_examples=150)


# --- Plans the models accept --------------------------------------------------------------

#: Text that YAML would read as something else when written plain, among ordinary text.
TRICKY_TEXT = [
    "yes", "no", "on", "off", "true", "null", "~", "", "1", "1.10", "0x1F", "1e3", ".inf",
    "NaN", "2027-01-01", "12:30", "- item", "key: value", "a #hash", "#comment", "'quoted'",
    '"double"', "*alias", "&anchor", "!tag", "%directive", "@handle", "`tick`", "|", ">",
    "<<", "---", "...", "[a, b]", "{a: b}", "multi\nline", "trailing\n", "tab\there",
    "back\\slash", "café ☕ 東京", "line\u2028separator", "next\x85line", "bell\x07", "nul\x00",
    "\ufeffbom",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.text(st.characters(codec="utf-8"), max_size=30),
)


def strategy_for(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    """Values the model accepts for a field of this type with these constraints."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for item in extra:
            metadata = [*metadata, *(item.metadata if isinstance(item, FieldInfo) else [item])]
        return strategy_for(base, metadata)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(
            [
                st.none() if arg is type(None) else strategy_for(arg, metadata)
                for arg in typing.get_args(annotation)
            ]
        )
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return st.lists(strategy_for(item, []), max_size=2)
    bounds: dict[str, Any] = {}
    pattern = None
    refused = None
    for constraint in metadata:
        if isinstance(constraint, annotated_types.Ge):
            bounds["min_value"] = constraint.ge
        elif isinstance(constraint, annotated_types.Le):
            bounds["max_value"] = constraint.le
        elif getattr(constraint, "pattern", None):
            pattern = constraint.pattern
        elif getattr(getattr(constraint, "func", None), "refuses", None) is not None:
            refused = constraint.func.refuses  # plan text: no control characters
        elif getattr(constraint, "func", None) is model_module._known_language:
            return st.sampled_from(languages())
        elif getattr(constraint, "func", None) is model_module._known_timezone:
            return st.sampled_from(["Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata"])
        elif isinstance(
            constraint,
            WithJsonSchema
            | meta.Holds
            | meta.Also
            | meta.Ref
            | meta.Needed
            | meta.Follows
            | meta.Label
            | meta.Names
            | meta.Essential
            | meta.Unasked
            | meta.ChosenFirst
            | meta.Internal
            | meta.ValueKind,
        ):
            continue  # what the field means, not what it accepts
        else:
            raise TypeError(f"no strategy for the constraint {constraint!r}")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return models(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from([member.value for member in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        # Beyond 4300 digits Python will not turn an integer into text at all.
        return st.integers(**{"max_value": 10**18, **bounds})
    if annotation is float:
        return st.floats(allow_nan=False, allow_infinity=False, **bounds)
    if annotation is dt.date:
        return st.dates(**bounds)
    if annotation is str:
        if pattern:
            return st.from_regex(pattern, fullmatch=True)
        return TEXT.filter(lambda text: not refused.search(text)) if refused else TEXT
    raise TypeError(f"no strategy for the field type {annotation!r}")


def models(model: type[BaseModel]) -> st.SearchStrategy[BaseModel]:
    """Instances of `model` built from any mix of its fields, each left out or filled."""
    required, optional = {}, {}
    for name, field in model.model_fields.items():
        values = strategy_for(field.annotation, field.metadata)
        (required if field.is_required() else optional)[name] = values
    return st.fixed_dictionaries(required, optional=optional).map(model.model_validate)


PLANS = typing.cast(st.SearchStrategy[Plan], models(Plan))


def says_nothing(value: Any, field: FieldInfo) -> bool:
    """Whether a value says nothing a file needs: unset, an empty default list, or a part
    of the plan that holds nothing else."""
    if value is None or (value == [] and field.default_factory is list):
        return True
    if isinstance(value, BaseModel):
        return all(says_nothing(getattr(value, n), f) for n, f in type(value).model_fields.items())
    return False


def as_read_back(model: BaseModel) -> Any:
    """`model` as a plan file that leaves out what says nothing reads back: each part that
    holds nothing is the default of its field."""
    changes: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            empty = says_nothing(value, field)
            changes[name] = (
                field.get_default(call_default_factory=True) if empty else as_read_back(value)
            )
        elif isinstance(value, list):
            changes[name] = [as_read_back(v) if isinstance(v, BaseModel) else v for v in value]
    return model.model_copy(update=changes)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the whole module: hypothesis runs many examples per test."""
    return tmp_path_factory.mktemp("properties")


@PROPERTY
@given(plan=PLANS)
# Plans hypothesis once found, kept so that they are tried first on every run.
@example(plan=Plan.model_validate({"smplan": 1, "project": {}}))
@example(plan=Plan.model_validate({"smplan": 1, "project": {"name": "line\u2028separator"}}))
@example(plan=Plan.model_validate({"smplan": 1, "listening": {"keywords": {}}, "metrics": []}))
def test_any_plan_survives_save_then_load_unchanged(plan, workdir):
    # Saved by the writer `smplan init` saves with, into a new file.
    path = workdir / "plan.yaml"
    path.unlink(missing_ok=True)
    PlanWriter(path).save(plan)
    loaded = load_plan(path)
    assert loaded.plan == as_read_back(plan)
    # What was read, written again, is the same text.
    assert PlanWriter(workdir / "again.yaml").render(loaded.plan) == path.read_text(
        encoding="utf-8"
    )


@PROPERTY
@given(first=PLANS, second=PLANS)
# A number in exponent form, read from the file, once lost its last digit when rewritten.
@example(
    first=Plan.model_validate(
        {
            "smplan": 1,
            "channels": [{"platform": "yes", "pillars": [{"share": 2.048457778078744e-71}]}],
        }
    ),
    second=Plan.model_validate({"smplan": 1, "project": {}}),
)
def test_the_comment_keeping_writer_saves_any_plan_over_any_other(first, second, workdir):
    # As an interview does: the file is opened with the plan it holds, then each step
    # answered is saved over it, one step at a time, and the file always reads back whole.
    path = workdir / "edited.yaml"
    path.unlink(missing_ok=True)
    PlanWriter(path).save(first)
    writer = PlanWriter.open(path, load_plan(path).plan)
    current = first
    for name in Plan.model_fields:
        current = current.model_copy(update={name: getattr(second, name)})
        writer.save(current)
        assert load_plan(path).plan == as_read_back(current), name


@pytest.mark.parametrize("number", ["inf", "-inf", "nan", "1e999"])
def test_a_number_the_model_accepts_also_survives_save_then_load(number, tmp_path):
    text = f"smplan: 1\nmetrics:\n  - id: reach\n    target: {number}\n"
    try:
        first = parse_plan_text(text, "plan.yaml").plan
    except PlanInvalidError:
        return  # Refusing such a number is as good as keeping it.
    path = tmp_path / "plan.yaml"
    PlanWriter(path).save(first)
    again = load_plan(path).plan
    assert first.metrics and again.metrics
    before, after = first.metrics[0].target, again.metrics[0].target
    assert before == after or (math.isnan(before) and math.isnan(after))


@settings(PROPERTY, max_examples=30)
@given(plan=PLANS, summary=st.booleans())
def test_any_plan_renders_to_markdown_and_html(plan, summary):
    from smplan.render.environment import render_text
    from smplan.render.formats import RenderOptions

    if plan.project is not None:
        # A theme is a file beside the plan: one named but not there is refused (test_theme).
        plan.project.theme = None
    for fmt in ("md", "html"):
        assert render_text(plan, RenderOptions(fmt=fmt, summary=summary)).strip()


# --- Whatever a user hands to the loader ------------------------------------------------


#: The only problems about a whole file, with no line to point at.
WHOLE_FILE = ("file is empty", "file holds only comments", "file is too large")


def assert_own_error(error: PlanFileError) -> None:
    """Problems a user can read: one printable line each, naming a line of the file."""
    for problem in error.problems:
        shown = problem.format("plan.yaml")
        shown.encode("utf-8")
        assert "\n" not in shown, shown
        assert problem.line is not None or str(problem.message).startswith(WHOLE_FILE), shown


def load_or_refuse(text_or_bytes: str | bytes) -> None:
    """Load the input; only smplan's own, printable error may come out."""
    try:
        if isinstance(text_or_bytes, bytes):
            parse_plan_bytes(text_or_bytes, "plan.yaml")
        else:
            parse_plan_text(text_or_bytes, "plan.yaml")
    except PlanFileError as error:
        assert_own_error(error)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_give_only_smplan_errors(raw):
    load_or_refuse(raw)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_bytes_after_a_plausible_start_give_only_smplan_errors(raw):
    load_or_refuse(b"smplan: 1\nproject:\n  name: " + raw)


def _vocabulary() -> list[str]:
    words: set[str] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            words.add(name)
            for part in _parts(field.annotation):
                if isinstance(part, type) and issubclass(part, BaseModel):
                    walk(part)
                elif isinstance(part, type) and issubclass(part, Enum):
                    words.update(str(m.value) for m in part)

    walk(Plan)
    return sorted(words)


def _parts(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [p for a in args for p in _parts(a)]


WORDS = _vocabulary()
STEP_KEYS = list(Plan.model_fields)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    st.sampled_from(WORDS),
    st.sampled_from(TRICKY_TEXT),
    # YAML's "\\uD800" escape puts a lone surrogate in a file that is valid UTF-8.
    st.sampled_from(["lone \ud800 surrogate", "\udfff"]),
    st.text(max_size=20),
)
KEYS = st.one_of(st.sampled_from(WORDS), st.text(max_size=10), st.integers(), st.booleans())
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=30,
)
DOCUMENTS = st.one_of(
    st.dictionaries(st.sampled_from(STEP_KEYS) | st.sampled_from(WORDS), TREES, max_size=6).map(
        lambda d: {"smplan": 1, **d}
    ),
    TREES,
)


@FUZZ
@given(data=DOCUMENTS, flow=st.sampled_from([None, True, False]))
def test_arbitrary_yaml_gives_a_plan_or_only_smplan_errors(data, flow):
    load_or_refuse(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True))


#: What a hurried person (or a broken tool) leaves in a plan file.
SNIPPETS = [":", ": ", "-", "- ", "\t", "  ", "\n", "'", '"', "[", "]", "{", "}", "#", "&a ",
            "*a", "!!str ", "!x ", "? ", "|", ">", "%", "@", "`", "\\", "\x00", "\x07", "é",
            "\ufeff", "\r", "---\n", "<<: ", '"\\ud800"', "~", "-1", "1e999", "9" * 30,
            "2027-02-30", "unknown"]  # fmt: skip
EDITS = st.tuples(
    st.sampled_from(["insert", "value", "cut", "swap"]),
    st.floats(0, 1),
    st.sampled_from(SNIPPETS),
    st.integers(1, 12),
)


def edit(text: str, action: str, where: float, snippet: str, length: int) -> str:
    """Insert a snippet, replace a value with it, cut a few characters or swap two lines."""
    at = int(where * len(text))
    if action == "insert":
        return text[:at] + snippet + text[at:]
    if action == "value" and ": " in text[at:]:
        start = text.index(": ", at) + 2
        end = text.find("\n", start)
        return text[:start] + snippet + (text[end:] if end >= 0 else "")
    if action == "cut":
        return text[:at] + text[at + length :]
    lines = text.splitlines(keepends=True)
    i = min(int(where * len(lines)), len(lines) - 2)
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "".join(lines)


@settings(FUZZ, max_examples=60)
@given(example=st.sampled_from(EXAMPLES), edits=st.lists(EDITS, min_size=1, max_size=4))
def test_edited_example_plans_give_a_plan_or_only_smplan_errors(example, edits):
    text = example.read_text(encoding="utf-8")
    for change in edits:
        text = edit(text, *change)
    load_or_refuse(text.encode("utf-8"))
