"""One declaration per field: what the interview, the checks, the document and the diff
derive from the markers on the model's fields, and nowhere else."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

import pytest
from test_checks import plan_with

from smplan.checks import STORE, run_checks
from smplan.i18n import language
from smplan.interview import essentials
from smplan.interview.guidance import TEXTS
from smplan.interview.questions import SKIPPED, asked_fields
from smplan.plan.labels import STEP_TITLES, Values, value_label
from smplan.plan.meta import Needed, fields, label, needed, value_kind, without_none
from smplan.plan.model import (
    STEPS,
    Channel,
    Keywords,
    Member,
    Metric,
    Objective,
    Pillar,
    Plan,
    PlaybookCase,
    Project,
    Team,
)

EVERY_FIELD = sorted({(f.model, f.name) for f in fields(Plan)}, key=lambda f: str(f))


@pytest.mark.parametrize(("model", "name"), EVERY_FIELD, ids=lambda x: getattr(x, "__name__", x))
def test_every_field_has_a_label_and_the_interview_asks_it_by_that_label(model, name):
    assert str(label(model, name)).strip()
    assert TEXTS[f"field.{model.__name__}.{name}"] is label(model, name)


def test_section_and_step_titles_are_the_labels_of_the_plans_fields():
    for step in STEPS:
        assert STEP_TITLES[step] is label(Plan, step)
        assert TEXTS[f"section.{step}.title"] is label(Plan, step)
    with language("fr"):
        assert str(TEXTS["section.project.title"]) == "Le projet"


@pytest.mark.parametrize(
    ("model", "name", "kind"),
    [
        (Member, "hours_per_week", "hours"),
        (PlaybookCase, "response_hours", "hours"),
        (Channel, "budget_per_month", "money"),
        (Pillar, "share", "percent"),
        (Objective, "deadline", "date_in_plan"),
        (Metric, "deadline", "date_in_plan"),
        (Project, "date", "date"),
        (Channel, "platform", "platform"),
        (Channel, "objectives", "ref"),
        (Channel, "id", "id"),
        (Metric, "baseline", "number"),
        (Objective, "statement", "prose"),
        (Objective, "primary", "yes_no"),
        (Objective, "family", "choice"),
        (Member, "name", "text"),
    ],
)
def test_a_fields_value_kind_survives_at_run_time(model, name, kind):
    assert value_kind(model.model_fields[name]) == kind


def test_values_are_written_by_their_fields_kind():
    plan = plan_with({"project.currency": "EUR", "channels.0.budget_per_month": 1250.5})
    channel = plan.channels[0]
    with language("fr"):
        values = Values(plan, "fr")
        assert values.one(Channel, "budget_per_month", 1250.5) == "1\u202f250,50\u00a0€"
        assert values.one(Channel, "hours_per_week", 3.5) == "3,5\u00a0h"
        assert values.one(Pillar, "share", 35) == "35\u00a0%"
        assert values.one(Objective, "deadline", dt.date(2026, 6, 1)) == "1er juin 2026"
        assert values.one(Metric, "baseline", "unknown") == "pas encore mesuré"
        assert values.one(Channel, "platform", "linkedin") == "LinkedIn"
        assert values.one(Objective, "family", "revenue") == value_label("family", "revenue")
        # A reference is written as the name of what it refers to.
        assert values.one(Channel, "owner", "anna") == "Anna Petit"
        assert values.name(channel) == "Instagram"


def test_the_essentials_path_is_the_models_ranks():
    assert essentials.essential_fields(Project) == ("organization", "author", "sectors", "horizon")
    assert essentials.essential_fields(Team)[:2] == ("members", "sponsor")
    assert essentials.essential_fields(Keywords)[:4] == (
        "company",
        "executives",
        "competitors",
        "themes",
    )
    # A model that marks no field is asked whole.
    assert essentials.essential_fields(Plan) == tuple(Plan.model_fields)
    assert ("Channel", "pillars") in essentials.PROPOSED_LISTS
    assert essentials.naming_field(Member) == "name"


def test_fields_the_interview_never_asks_are_marked_on_the_model():
    # The campaigns and the calendar's settings are written by hand; what follows the eight
    # steps (the first 90 days, the budget, crises, assumptions and risks) is asked after them.
    assert {("Plan", n) for n in ("smplan", "campaigns", "calendar")} == SKIPPED
    asked = {(model.__name__, name) for model, name in asked_fields()}
    assert not asked & SKIPPED


def test_the_document_names_keyword_categories_by_the_fields_labels():
    for name in Keywords.model_fields:
        assert value_label("keyword_category", name) == str(label(Keywords, name))


def _needs() -> list[tuple[Any, Any, str, Needed]]:
    return [
        (found, found.model, found.name, need)
        for found in fields(Plan)
        for name, need in needed(found.model)
        if name == found.name
    ]


def test_every_needed_field_says_how_it_is_told():
    for _found, model, name, need in _needs():
        where = f"{model.__name__}.{name}"
        if need.code is not None:
            assert need.title is not None and need.says is not None, where
            rule = STORE[need.code]
            assert rule.completeness, where
        elif need.says is None and model is not Project:
            # Told by the finding of answers left empty, which names the item (the
            # project block's have a finding of their own).
            assert need.noun is not None and model.noun is not None, where


def _empty(model: Any, name: str) -> Any:
    """An empty answer the model takes for the field: an empty list, or none."""
    listed = typing.get_origin(without_none(model.model_fields[name].annotation)) is list
    return [] if listed else None


CODED = [(found, need) for found, _model, _name, need in _needs() if need.code is not None]


@pytest.mark.parametrize(("found", "need"), CODED, ids=[n.code for _, n in CODED])
def test_each_rule_a_field_declares_reports_it_empty_at_its_place(found, need):
    """The clean plan with that field emptied (and the condition it is needed on) gives
    that code at that field, in that field's step, with the field's hint."""
    path = list(found.path)
    edits: dict[str, Any] = {}
    where = ".".join("0" if p == "*" else p for p in path)
    if need.when is not None:
        edits[".".join([*where.split(".")[:-1], need.when[0]])] = need.when[1]
    edits[where] = _empty(found.model, found.name)
    got = [f for f in run_checks(plan_with(edits), "en") if f.code == need.code]
    loc = tuple(int(p) if p.isdigit() else p for p in where.split("."))
    assert [(f.loc, f.step) for f in got] == [(loc, path[0])]
    assert got[0].hint == (str(need.hint) if need.hint else None)
