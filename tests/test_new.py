"""`smplan new`: a blank plan whose comments explain every field, to fill in by hand."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from types import UnionType
from typing import Any, Union, get_args, get_origin

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from editor_yaml import load_as_editor
from jsonschema import Draft7Validator
from pydantic import BaseModel

from smplan.i18n import _, language, languages
from smplan.plan.files import load_plan
from smplan.plan.model import STEPS, Plan
from smplan.plan.schema import schema_text
from smplan.plan.skeleton import skeleton

LANGUAGES = ("fr", "en")

HEADERS = {
    "fr": [
        "# --- Pour qui est le plan et qui l'a écrit ---",
        "# --- Étape 1 : l'équipe transversale ---",
        "# --- Étape 2 : écouter et comparer ---",
        "# --- Étape 3 : les objectifs, dont un principal ---",
        "# --- Étape 4 : comment chaque objectif est mesuré ---",
        "# --- Étape 5 : les segments d'audience ---",
        "# --- Étape 6 : la valeur qu'apporte l'organisation ---",
        "# --- Étape 7 : le visage humain ---",
        "# --- Étape 8 : le plan de canaux, choisi en dernier ---",
        "# --- Les campagnes et les dates clés, posées sur le calendrier éditorial ---",
        "# --- Réglages du calendrier éditorial : marchés, jours fériés, sujets, durées ---",
        "# --- Les 90 premiers jours\u00a0: étapes datées, chacune avec son responsable ---",
        "# --- Le budget hors canaux\u00a0: production, publicité, outils, temps de l’équipe ---",
        "# --- Scénarios de crise, avec leur déclaration d’attente et qui prévenir ---",
        "# --- Les risques pour le plan et ce qui les réduit ---",
    ],
    "en": [
        "# --- Who the plan is for and who wrote it ---",
        "# --- Step 1: the cross-department team ---",
        "# --- Step 2: listen and compare ---",
        "# --- Step 3: objectives, one of them primary ---",
        "# --- Step 4: how each objective is measured ---",
        "# --- Step 5: the audience segments ---",
        "# --- Step 6: the value the organization brings ---",
        "# --- Step 7: the human face ---",
        "# --- Step 8: the channel plan, chosen last ---",
        "# --- Campaigns and key dates, laid over the content calendar ---",
        "# --- Settings of the content calendar: markets, holidays, topics, durations ---",
        "# --- The first 90 days: dated milestones with owners ---",
        "# --- The budget beyond the channels': production, advertising, tools, the team's time"
        " ---",
        "# --- Crisis scenarios, each with its holding statement and who is alerted ---",
        "# --- Risks to the plan and what reduces them ---",
    ],
}


def uncommented(text: str) -> str:
    """The skeleton with every example block uncommented, as a person filling it would do."""
    head, body = text.split("\nsmplan: 1\n", 1)
    lines = []
    for line in body.splitlines():
        # Only YAML goes back in: keys, list items and comments nested in a block.
        match = re.match(r"^(\s*)# (\s*(?:- |#|[a-z_]+:).*)$", line)
        lines.append(match[1] + match[2] if match else line)
    return head + "\nsmplan: 1\n" + "\n".join(lines) + "\n"


def comment_text(text: str) -> str:
    """All comments of a file joined into one line, so wrapped sentences read whole."""
    parts = [re.sub(r"^[\s#]*", "", line) for line in text.splitlines() if "#" in line]
    return " ".join(part for part in parts if part)


def answers(data: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    """Every leaf of a plan that holds an answer (not None, not an empty list)."""
    if isinstance(data, dict):
        found: dict[tuple[Any, ...], Any] = {}
        for key, value in data.items():
            found |= answers(value, (*path, key))
        return found
    if isinstance(data, list) and data:
        found = {}
        for index, value in enumerate(data):
            found |= answers(value, (*path, index))
        return found
    return {} if data is None or data == [] else {path: data}


def nested(annotation: Any) -> tuple[str, Any]:
    """('model', M) for M or M | None, ('models', M) for list[M] (or | None), else ('', None)."""
    union = get_origin(annotation) in (Union, UnionType)
    options = [a for a in get_args(annotation) if a is not type(None)] if union else [annotation]
    for option in options:
        if isinstance(option, type) and issubclass(option, BaseModel):
            return "model", option
        if get_origin(option) is list:
            (item,) = get_args(option)
            if isinstance(item, type) and issubclass(item, BaseModel):
                return "models", item
    return "", None


def fields_in_place(model: type[BaseModel], data: Any, where: str) -> list[str]:
    """Where `data` (a mapping meant for `model`) lacks a field of the model, recursively."""
    assert isinstance(data, dict), f"{where} is not a mapping"
    missing = [f"{where}.{name}" for name in model.model_fields if name not in data]
    for name, field in model.model_fields.items():
        kind, inner = nested(field.annotation)
        if name not in data:
            continue
        if kind == "model":
            missing += fields_in_place(inner, data[name], f"{where}.{name}")
        elif kind == "models":
            assert isinstance(data[name], list) and data[name], f"{where}.{name} has no item"
            missing += fields_in_place(inner, data[name][0], f"{where}.{name}[0]")
    return missing


def all_fields(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """Every field of the plan model and of the models inside it, once per model."""
    seen: set[type[BaseModel]] = set()
    found: list[tuple[str, Any]] = []

    def walk(current: type[BaseModel]) -> None:
        if current in seen:
            return
        seen.add(current)
        for name, field in current.model_fields.items():
            found.append((name, field))
            kind, inner = nested(field.annotation)
            if kind:
                walk(inner)

    walk(model)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_writes_a_blank_plan_and_says_what_to_do_next(smplan, tmp_path, lang):
    target = tmp_path / "plan.yaml"
    result = smplan("new", target, "--lang", lang)
    assert result.exit_code == 0
    schema = tmp_path / "smplan.schema.json"
    results = tmp_path / "smplan.results.schema.json"
    said = {
        "en": (
            f"Wrote a blank plan to {target}.\n"
            f"Next: fill it in, then run: smplan check {target}\n"
            f"Wrote the schema your editor reads beside it: {schema}\n"
            f"Wrote the schema your editor reads beside it: {results}\n"
        ),
        "fr": (
            f"Plan vierge écrit dans {target}.\n"
            f"Ensuite : remplissez-le, puis lancez : smplan check {target}\n"
            f"Schéma lu par votre éditeur écrit à côté\u00a0: {schema}\n"
            f"Schéma lu par votre éditeur écrit à côté\u00a0: {results}\n"
        ),
    }
    assert result.stdout == said[lang]
    assert target.read_text(encoding="utf-8") == skeleton(lang, "plan.yaml")
    # The plan's first line names the schema: it is there for the editor to load.
    assert skeleton(lang, "plan.yaml").startswith(f"# yaml-language-server: $schema={schema.name}")
    assert schema.read_text(encoding="utf-8") == schema_text()


def test_new_leaves_a_different_schema_file_as_it_is_and_says_so(smplan, tmp_path):
    schema = tmp_path / "smplan.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    result = smplan("new", tmp_path / "plan.yaml", "--lang", "en")
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert result.stdout.splitlines()[-2] == (
        f"{schema} already exists and differs from this smplan's schema: left as it is"
        f" (to replace it, run: smplan schema -o {schema})"
    )
    # The same schema again is neither rewritten nor mentioned.
    schema.write_text(schema_text(), encoding="utf-8")
    again = smplan("new", tmp_path / "other.yaml", "--lang", "en")
    assert len(again.stdout.splitlines()) == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blank_plan_loads_with_nothing_answered(lang):
    text = skeleton(lang, "plan.yaml")
    plan = Plan.model_validate(yaml.safe_load(text))
    assert answers(plan.model_dump(mode="json")) == {
        ("smplan",): 1,
        ("project", "language"): lang,
        ("project", "currency"): {"fr": "EUR", "en": "GBP"}[lang],
    }


def test_blank_plan_loads_through_the_plan_reader(tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text(skeleton("fr", "plan.yaml"), encoding="utf-8")
    plan = load_plan(target).plan
    assert plan.language == "fr"
    assert plan.objectives is None
    assert plan.team is not None and plan.team.members == []
    assert plan.listening is not None and plan.listening.keywords is not None
    assert plan.listening.keywords.company is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_lines_point_the_editor_at_the_schema_and_explain_the_commands(lang):
    text = skeleton(lang, "boutique.yaml")
    assert text.startswith("# yaml-language-server: $schema=smplan.schema.json\n#\n")
    assert "smplan check boutique.yaml\n" in text
    assert "smplan schema -o smplan.schema.json\n" in text
    assert "smplan render boutique.yaml\n" in text
    assert "\nsmplan: 1\n" in text
    assert f"\n  language: {lang}\n" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_step_has_its_header_in_the_plan_language(lang):
    text = skeleton(lang, "plan.yaml")
    assert [line for line in text.splitlines() if line.startswith("# ---")] == HEADERS[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_field_of_the_model_is_in_place_once_examples_are_uncommented(lang):
    data = yaml.safe_load(uncommented(skeleton(lang, "plan.yaml")))
    assert fields_in_place(Plan, data, "plan") == []
    assert set(STEPS) <= set(data)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_uncommented_examples_make_a_valid_plan(lang):
    data = yaml.safe_load(uncommented(skeleton(lang, "plan.yaml")))
    plan = Plan.model_validate(data)
    handle = {"fr": "@maisonfournil", "en": "@hearthandloaf"}[lang]
    assert plan.channels is not None and plan.channels[0].handle == handle
    assert plan.metrics is not None and str(plan.metrics[0].deadline) == "2027-06-30"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "examples"])
def test_skeleton_gets_no_complaint_from_an_editor_using_the_schema(lang, filled):
    text = skeleton(lang, "plan.yaml")
    data = load_as_editor(uncommented(text) if filled else text)
    check = Draft7Validator(
        json.loads(schema_text()), format_checker=Draft7Validator.FORMAT_CHECKER
    )
    assert [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(data)] == []


def test_french_skeleton_explains_every_field_in_french():
    comments = comment_text(skeleton("fr", "plan.yaml"))
    for name, field in all_fields(Plan):
        with language("fr"):
            french = _(field.description)
        # A step's description becomes its header, without the final full stop.
        assert french.rstrip(".") in comments, name
        if field.description != french:
            assert field.description not in comments, name
    assert "Exemple : Thomas Morel" in comments
    assert "Valeurs possibles : keep (Garder), fix (Remettre en état), close (Fermer)" in comments
    assert "Comment le remplir :" in comments


def test_english_skeleton_explains_every_field_in_english():
    comments = comment_text(skeleton("en", "plan.yaml"))
    for name, field in all_fields(Plan):
        with language("fr"):
            french = _(field.description)
        assert field.description.rstrip(".") in comments, name
        if field.description != french:
            assert french not in comments, name
    assert "Example: Thomas Morel" in comments
    assert "One of: keep, fix, close" in comments
    assert "How to fill it in:" in comments


def test_comments_fit_in_92_columns():
    for lang in LANGUAGES:
        long = [line for line in skeleton(lang, "plan.yaml").splitlines() if len(line) > 92]
        assert long == []


def test_existing_file_is_kept_without_force(smplan, tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("smplan: 1  # my answers\n", encoding="utf-8")
    result = smplan("new", target)
    assert result.exit_code == 2
    assert result.stderr == f"error: {target} already exists; use --force to overwrite it\n"
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == "smplan: 1  # my answers\n"


def test_force_replaces_an_existing_file(smplan, tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("smplan: 1  # my answers\n", encoding="utf-8")
    result = smplan("new", target, "--lang", "en", "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == skeleton("en", "plan.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.yaml",
        "smplan.results.schema.json",
        "smplan.schema.json",
    ]


def test_a_folder_or_a_missing_folder_is_refused(smplan, tmp_path):
    folder = smplan("new", tmp_path)
    assert folder.exit_code == 2
    assert f"error: {tmp_path} is a folder; give the name of the plan file" in folder.stderr
    missing = smplan("new", tmp_path / "nowhere" / "plan.yaml")
    assert missing.exit_code == 2
    assert "No such file or directory" in missing.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_language_is_a_usage_error(smplan, tmp_path):
    result = smplan("new", tmp_path / "plan.yaml", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown language `de`\nhint: use one of: en, en_US, fr\n"
    assert not (tmp_path / "plan.yaml").exists()


def test_fresh_plan_checks_clean_with_every_step_still_open(smplan, tmp_path):
    target = tmp_path / "x.yaml"
    assert smplan("new", target, "--lang", "fr").exit_code == 0
    result = smplan("check", target, "--lang", "en")
    assert result.exit_code == 0, result.output
    status = dict(
        re.findall(r"^(Step \d · [\w ]+?)  (not started|incomplete|complete)$", result.stdout, re.M)
    )
    assert list(status) == [
        "Step 1 · The team",
        "Step 2 · Listening and comparing",
        "Step 3 · Objectives",
        "Step 4 · Metrics",
        "Step 5 · Audience",
        "Step 6 · Value",
        "Step 7 · The human face",
        "Step 8 · The channel plan",
    ]
    assert set(status.values()) <= {"not started", "incomplete"}
    assert status["Step 3 · Objectives"] == "not started"
    assert status["Step 8 · The channel plan"] == "not started"
    assert f"{target}: valid · 0 errors" in result.stdout
    assert "0 of 8 steps complete" in result.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_uncommented_examples_pass_check(smplan, tmp_path, lang):
    # As the header says: uncomment each block and the plan holds together, with no
    # example naming a team member the example team does not hold.
    target = tmp_path / "plan.yaml"
    target.write_text(uncommented(skeleton(lang, "plan.yaml")), encoding="utf-8")
    result = smplan("check", target, "--format", "json")
    data = json.loads(result.stdout)
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    assert result.exit_code == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_is_written_the_same_way_its_key_live_and_its_examples_commented(lang):
    lines = skeleton(lang, "plan.yaml").splitlines()
    for key in (*STEPS, "campaigns"):
        # The key is there, so uncommented items can only land under their own step.
        assert f"{key}:" in lines, key
        assert f"# {key}:" not in lines, key
        below = lines[lines.index(f"{key}:") + 1]
        assert below.startswith(("#   ", "  #")), key


def test_a_fresh_plan_points_each_step_not_started_at_its_own_key(smplan, tmp_path):
    target = tmp_path / "plan.yaml"
    assert smplan("new", target, "--lang", "en").exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    data = json.loads(smplan("check", target, "--format", "json").stdout)
    started = {f["path"]: f["line"] for f in data["findings"] if f["code"] == "SMP010"}
    assert started == {
        key: lines.index(f"{key}:") + 1 for key in ("objectives", "metrics", "audience", "channels")
    }


def test_a_new_catalog_brings_the_currency_of_its_locale(tmp_path):
    # A catalog names the Babel locale of its language; the blank plan counts in that
    # country's currency with no change to the code: es_MX gives Mexican pesos.
    catalog = Catalog(locale="es_MX", domain="smplan")
    catalog.add("en_GB", "es_MX", context="locale")
    messages = tmp_path / "locale" / "es" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "smplan.mo").open("wb") as handle:
        write_mo(handle, catalog)
    env = {**os.environ, "SMPLAN_LOCALE_PATH": str(tmp_path / "locale")}
    run = [sys.executable, "-m", "smplan"]
    made = subprocess.run(
        [*run, "new", "plan.yaml", "--lang", "es"], cwd=tmp_path, env=env, capture_output=True
    )
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\n  language: es\n" in text
    assert "\n  currency: MXN\n" in text
    checked = subprocess.run(
        [*run, "check", "plan.yaml"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(("lang", "currency"), [("en", "GBP"), ("fr", "EUR")])
def test_the_currency_written_is_the_one_a_plan_without_it_counts_in(tmp_path, lang, currency):
    assert f"\n  currency: {currency}\n" in skeleton(lang, "plan.yaml")
    target = tmp_path / "plan.yaml"
    target.write_text(f"smplan: 1\nproject:\n  language: {lang}\n", encoding="utf-8")
    assert load_plan(target).plan.currency == currency
    target.write_text(f"smplan: 1\nproject:\n  language: {lang}\n  currency: USD\n", "utf-8")
    assert load_plan(target).plan.currency == "USD"


def with_examples(text: str, lang: str) -> str:
    """The skeleton uncommented, each empty field given the example its comment shows."""
    with language(lang):
        said = f"# {_('Example:')} "
    lines = uncommented(text).splitlines()
    for index, line in enumerate(lines):
        empty = re.match(r"^(\s*)([a-z_]+):( \[\])?$", line)
        above = lines[index - 1].strip() if index else ""
        if empty and above.startswith(said):
            lines[index] = f"{empty[1]}{empty[2]}: {above[len(said) :]}"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_taken_as_an_answer_makes_a_plan_without_errors(smplan, tmp_path, lang):
    # The examples shown beside empty fields tell the same story as the commented items:
    # the ids they give are those of the example team, objectives and channels.
    target = tmp_path / "plan.yaml"
    target.write_text(with_examples(skeleton(lang, "plan.yaml"), lang), encoding="utf-8")
    result = smplan("check", target, "--format", "json")
    data = json.loads(result.stdout)
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    # Every field of the project got its example, the language and currency aside.
    assert data["steps"]["team"] == "complete"


@pytest.mark.parametrize(("environment", "lang"), [("fr_FR.UTF-8", "fr"), ("C.UTF-8", "en")])
def test_without_lang_the_plan_speaks_the_environments_language(
    smplan, tmp_path, monkeypatch, environment, lang
):
    monkeypatch.setenv("LANG", environment)
    result = smplan("new", tmp_path / "plan.yaml")

    assert result.exit_code == 0, result.output
    assert load_plan(tmp_path / "plan.yaml").plan.language == lang
    assert result.stdout.startswith("Plan vierge écrit" if lang == "fr" else "Wrote a blank plan")


def _filled_strictly_checked(smplan, tmp_path, lang: str):
    target = tmp_path / "plan.yaml"
    target.write_text(with_examples(skeleton(lang, "plan.yaml"), lang), encoding="utf-8")
    return smplan("check", target, "--strict", "--format", "json")


@pytest.mark.parametrize("lang", languages())
def test_the_examples_taken_as_answers_pass_check_strict(smplan, tmp_path, lang):
    # Uncommented and answered with the examples its comments give, the skeleton is a
    # sound plan: no rule finds fault with it, warnings included.
    result = _filled_strictly_checked(smplan, tmp_path, lang)
    data = json.loads(result.stdout)
    assert data["findings"] == []
    assert set(data["steps"].values()) == {"complete"}
    assert result.exit_code == 0


def _catalog_of_a_country(tmp_path, lang: str) -> dict[str, str]:
    """An environment where smplan speaks `lang` (say en_US) from a catalog that holds no
    translation yet, as a new catalog does before its translator's first pass."""
    messages = tmp_path / "locale" / lang / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "smplan.mo").open("wb") as handle:
        write_mo(handle, Catalog(locale=lang, domain="smplan"))
    return {**os.environ, "SMPLAN_LOCALE_PATH": str(tmp_path / "locale")}


def test_an_american_plan_gets_the_ways_of_the_united_states(tmp_path):
    env = _catalog_of_a_country(tmp_path, "en_US")
    run = [sys.executable, "-m", "smplan"]
    made = subprocess.run(
        [*run, "new", "plan.yaml", "--lang", "en_US"], cwd=tmp_path, env=env, capture_output=True
    )
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\n  currency: USD\n" in text
    assert "2027-06-30 is June 30, 2027." in text
    # The comment above `timezone:`, from the blank line that opens it.
    zones = comment_text(text.split("\n  timezone:")[0].rsplit("\n\n", 1)[1])
    assert "In this country: America/New_York, America/Chicago, America/Denver" in zones
    assert "America/Los_Angeles" in zones
    assert "Europe/" not in zones
    # Its examples, taken as answers, pass the strict check too.
    (tmp_path / "filled.yaml").write_text(with_examples(text, "en"), encoding="utf-8")
    checked = subprocess.run(
        [*run, "check", "filled.yaml", "--strict"], cwd=tmp_path, env=env, capture_output=True
    )
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize(
    ("lang", "currency", "zone", "day"),
    [("en", "GBP", "Europe/London", "30 June 2027"), ("fr", "EUR", "Europe/Paris", "30 juin 2027")],
)
def test_each_language_writes_its_country_s_currency_zone_and_dates(lang, currency, zone, day):
    text = skeleton(lang, "plan.yaml")
    assert f"\n  currency: {currency}\n" in text
    assert f" {zone}\n  timezone:\n" in text
    assert f"2027-06-30 {'is' if lang == 'en' else 'est le'} {day}." in text
