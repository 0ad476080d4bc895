"""Answers typed the way each language writes them, stored in the plan's canonical form."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from test_interview import PROJECT, TEAM, Script, plan_yaml

from smplan.i18n import babel_locale
from smplan.interview.answers import NoSuchDate, format_number, parse_date, parse_number
from smplan.interview.session import init
from smplan.plan.files import load_plan

FR, GB, US = babel_locale("fr"), babel_locale("en"), Locale.parse("en_US")
DECEMBER_1 = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("typed", "locale"),
    [
        ("01/12/2026", FR),
        ("1/12/2026", FR),
        ("1er décembre 2026", FR),
        ("1 décembre 2026", FR),
        ("1 déc. 2026", FR),
        ("2026-12-01", FR),
        ("01/12/2026", GB),
        ("1 December 2026", GB),
        ("Dec 1 2026", GB),
        ("December 1st, 2026", US),
        ("12/1/2026", US),
        ("2026-12-01", US),
    ],
)
def test_a_date_is_read_as_its_language_writes_it(typed, locale):
    assert parse_date(typed, locale) == DECEMBER_1


def test_the_order_of_day_and_month_comes_from_the_locale():
    assert parse_date("12/01/2026", GB) == dt.date(2026, 1, 12)
    assert parse_date("12/01/2026", US) == DECEMBER_1


@pytest.mark.parametrize("typed", ["31/02/2027", "29 février 2027", "2027-04-31"])
def test_a_day_that_does_not_exist_is_told_apart_from_a_malformed_date(typed):
    with pytest.raises(NoSuchDate):
        parse_date(typed, FR)
    assert parse_date("demain", FR) is None
    assert parse_date("31/13/2027", FR) is None


@pytest.mark.parametrize(
    ("typed", "locale", "value"),
    [
        ("1,5", FR, 1.5),
        ("1 234,5", FR, 1234.5),
        ("50 %", FR, 50),
        ("2 h", FR, 2),
        ("4h", FR, 4),
        ("2 heures", FR, 2),
        ("130 €", FR, 130),
        ("£130", FR, 130),
        ("1.5", GB, 1.5),
        ("1,234.5", GB, 1234.5),
        ("50%", GB, 50),
        ("2 hours", GB, 2),
        ("£130", GB, 130),
        ("4,5", GB, 4.5),
    ],
)
def test_a_number_is_read_with_its_sign_or_unit(typed, locale, value):
    assert parse_number(typed, locale) == value


def test_a_number_with_a_word_that_is_no_unit_is_not_a_number():
    assert parse_number("5 km", FR) is None
    assert parse_number("beaucoup", FR) is None


def test_a_number_is_written_back_as_the_language_writes_it():
    assert format_number(1.5, FR) == "1,5"
    assert format_number(1.5, GB) == "1.5"
    assert format_number(40.0, FR) == "40"


def test_a_french_interview_takes_french_answers_and_stores_them_canonically(tmp_path):
    path = tmp_path / "plan.yaml"
    french = PROJECT.replace("language: en", "language: fr")
    path.write_text(plan_yaml(p=french, t=TEAM))
    asker = Script(
        {
            "team.members[0]": "2",  # modifier
            "team.members[0].hours_per_week": "1,5",
            "objectives[0].statement": "Commandes",
            "objectives[0].deadline": "1er décembre 2026",
            "metrics[0].name": "Commandes du mois",
            "metrics[0].baseline": "inconnu",
            "metrics[0].target": "50 %",
        }
    )
    init(path, asker, step="team")
    init(path, asker, step="objectives")
    init(path, asker, step="metrics")
    plan = load_plan(path).plan
    assert plan.team.members[0].hours_per_week == 1.5
    assert plan.objectives[0].deadline == DECEMBER_1
    assert (plan.metrics[0].baseline, plan.metrics[0].target) == ("unknown", 50)
    text = path.read_text(encoding="utf-8")
    assert "hours_per_week: 1.5" in text and "deadline: 2026-12-01" in text
    assert "baseline: unknown" in text

    again = Script({"team.members[0]": "2"})
    init(path, again, step="team")
    assert again.asked("team.members[0].hours_per_week")[0].default == "1,5"
    asked = again.asked("team.members[0].department")[0]
    assert [o.label for o in asked.options][:2] == ["Direction", "Marketing"]
    baseline = Script({"metrics[0]": "2"})
    init(path, baseline, step="metrics")
    question = baseline.asked("metrics[0].baseline")[0]
    assert (question.default, question.hint) == ("inconnu", "un nombre, ou inconnu")


def test_a_new_language_brings_its_yes_and_no_words_and_its_ordinal_days(tmp_path):
    # A catalog lists the words its language answers yes and no with, and the endings of
    # its ordinal days: Spanish needs no change to the code.
    catalog = Catalog(locale="es_ES", domain="smplan")
    catalog.add("en_GB", "es_ES", context="locale")
    catalog.add("y, yes, true, 1", "s, sí", context="words that answer yes")
    catalog.add("n, no, false, 0", "n, no", context="words that answer no")
    catalog.add("st, nd, rd, th", "º, ª", context="endings of a day's number")
    messages = tmp_path / "locale" / "es" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "smplan.mo").open("wb") as handle:
        write_mo(handle, catalog)
    plan = tmp_path / "plan.yaml"
    plan.write_text("smplan: 1\nproject:\n  name: Plan\n  organization: Org\n  language: es\n")
    answers = [
        "Pedidos",  # the objective
        *["", "", ""],  # family, business goal, short label
        "oui",  # primary? French is not Spanish
        "Sí",
        "",  # priority
        "1º diciembre 2026",  # deadline
        "",  # no other objective
    ]
    env = {**os.environ, "SMPLAN_LOCALE_PATH": str(tmp_path / "locale"), "NO_COLOR": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "smplan",
            "init",
            "plan.yaml",
            "--step",
            "objectives",
            "--interactive",
        ],
        cwd=tmp_path,
        env=env,
        input="".join(f"{answer}\n" for answer in answers),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Please answer yes or no.") == 1
    (objective,) = yaml.safe_load(plan.read_text(encoding="utf-8"))["objectives"]
    assert objective == {
        "id": "pedidos",
        "statement": "Pedidos",
        "primary": True,
        "deadline": DECEMBER_1,
    }
