"""`smplan init` from the command line: a whole interview typed in, and what it writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: A whole interview, one answer per line, in the order the questions come.
WHOLE_INTERVIEW = [
    # The project (the language comes from --lang).
    "Social media plan 2027",  # title
    "Maison Fournil",  # organization
    "Sophie Lambert",  # author
    "2026-11-25",  # date of this version
    "2027-12-31",  # runs until
    "Europe/Paris",  # time zone
    "1.10",  # version: text that looks like a number
    "2",  # final, not a draft
    "Neighbours trust our bread: we show the bakehouse and take cake orders by message",
    "",  # no theme file
    "EUR",  # currency: a Paris bakery writing in English still counts in euros
    # Step 1, the team.
    "Claire Morel",  # sponsor's name
    "Manager",  # sponsor's role
    "",  # sponsor's id: none, the sponsor is not on the team
    "y",  # add a team member?
    "claire",
    "Claire Morel",
    "Manager",
    "2",  # department: marketing
    "Drafts the posts",  # responsibility 1
    "",  # end of responsibilities
    "4",  # hours a week
    "y",  # add another team member?
    "julien",
    "Julien Roux",
    "Shop supervisor",
    "customer_service",  # department, by value
    "",
    "3",
    "n",
    "30 minutes every Monday",  # how the team meets
    "y",  # add an approval rule?
    "Everyday posts",
    "1",  # drafted by: claire
    "2",  # approved by: julien
    "24 h",
    "n",
    "y",  # add a review?
    "monthly",
    "Monthly metrics report",
    "claire",  # run by
    "n",
    # Step 2, listening.
    "y",  # add a customer need?
    "stock",
    "Know whether bread is left before coming",
    "Phone calls",
    "About ten calls a week",
    "n",
    "y",  # add a listening source?
    "Counter and phone",
    "offline",
    "",
    "y",
    "Google reviews",
    "1",  # online
    "",
    "n",
    "Maison Fournil",  # keywords: organization names
    "",
    "-",  # executives: none
    "sourdough",  # themes
    "",
    "Boulangerie du Centre",  # competitors
    "",
    "-",  # partners
    "-",  # brands
    "-",  # slogans
    "-",  # intellectual property
    "n",  # add a competitor?
    "no",  # a trend that reads as a boolean in YAML 1.1
    "",
    "n",  # add an opportunity?
    "n",  # add a tool?
    "weekly",  # dashboard read
    "1",  # monitoring hours a week
    "julien",  # monitoring done by
    "n",  # add an existing account?
    "Check the order book",  # how facts are checked
    "y",  # add a response case?
    "praise",
    "Thank them publicly",
    "julien",
    "24",
    "y",
    "unhappy",
    "Answer fast, then call them",
    "julien",
    "4",
    "y",
    "crisis",
    "Call Claire at once",
    "claire",
    "1",
    "n",
    "n",  # listening only?
    "y",  # add a key insight?
    "strength",
    "Regulars send us their neighbours",
    "Half of new customers say a neighbour sent them",
    "n",
    # Step 3, objectives.
    "y",
    "orders",
    "1",  # family: revenue
    "Receive 40 cake orders a month through social media",
    "Grow the catering business",
    "Cake orders",  # its short label
    "y",  # primary
    "high",
    "2027-06-30",
    "n",
    # Step 4, metrics.
    "y",
    "orders-month",
    "1",  # objective: orders
    "Cake orders from social media",
    "conversion",
    "",  # no standard definition
    "Orders whose customer names Instagram",
    "12",  # baseline
    "40",  # target
    "orders a month",
    "2027-06-30",
    "Order book",
    "monthly",
    "claire",
    "n",
    # Step 5, audience.
    "y",
    "families",
    "Local families",
    "Parents aged 30 to 45",
    "Keen on local food",
    "1",  # their needs: stock
    "1",  # objectives aimed at them: orders
    "Behind the scenes",  # content
    "",
    "Instagram",  # platforms
    "",
    "Emma, 38, two children",  # the segment as one person
    "I order cakes when the children are asleep",
    "Sunday evening",  # when and where to reach her
    "",
    "Afraid the cake will not look like the photo",  # what holds her back
    "",
    "n",
    # Step 6, value.
    "Good bread takes time",  # philosophy
    "Know every day what comes out of the oven",  # promise
    "Flour from a mill 20 km away",  # what sets you apart
    "",
    "y",  # add a topic?
    "Sourdough secrets",
    "educational",
    "y",
    "Guess the bread",
    "conversational",
    "n",
    "y",  # add a service?
    "Out of the oven",
    "A story at 4 pm with the bread still on the shelves",
    "stock",  # need answered
    "n",
    "y",  # add a post idea?
    "Behind the scenes",
    "3 a.m.: the oven is already hot",
    "The first batch coming out",
    "Reel",
    "n",
    "#sourdough",  # hashtags
    "",
    "Natural light, hands at work",  # visual guidelines
    "",
    # Step 7, the human face.
    "y",
    "claire",  # team member: her name and role come with her
    "Sourdough",  # topics (her platforms are asked once the channels exist)
    "",
    "n",
    "Warm and simple",  # tone
    "Answer every comment",  # we always
    "",
    "Criticize a competitor",  # we never
    "",
    # Step 8, the channel plan.
    "y",
    "instagram",  # channel id
    "Instagram",
    "@maisonfournil",
    "Show the bakehouse",
    "orders",  # objectives served
    "1",  # audiences reached: families
    "y",  # add a pillar?
    "Behind the scenes",
    "entertaining",
    "70",
    "y",
    "Cake of the week",
    "promotional",
    "30",
    "n",
    "Reels",  # formats
    "",
    "4",  # posts a week
    "y",  # add a posting slot?
    "tuesday",
    "07:00",
    "y",
    "thursday",
    "16:00",
    "y",
    "6",  # day: saturday, by number
    "09:00",
    "y",
    "sunday",
    "10:00",
    "n",
    "claire",  # run by
    "3",  # hours a week
    "0",  # budget a month
    "1",  # judged by: orders-month
    "n",
    "",  # where Claire Morel appears: every channel, as proposed
    # The review: nothing to reopen.
    "",
]


def script(answers: list[str]) -> str:
    return "".join(f"{answer}\n" for answer in answers)


@pytest.mark.slow
def test_a_whole_interview_writes_every_answer_where_it_belongs(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = smplan(
        "init", "plan.yaml", "--lang", "en", "--interactive", input=script(WHOLE_INTERVIEW)
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert data["smplan"] == 1
    assert data["project"] == {
        "name": "Social media plan 2027",
        "organization": "Maison Fournil",
        "language": "en",
        "author": "Sophie Lambert",
        "date": dt.date(2026, 11, 25),
        "horizon": dt.date(2027, 12, 31),
        "timezone": "Europe/Paris",
        "version": "1.10",
        "status": "final",
        "strategy": (
            "Neighbours trust our bread: we show the bakehouse and take cake orders by message"
        ),
        "currency": "EUR",
    }
    team = data["team"]
    assert team["sponsor"] == {"name": "Claire Morel", "role": "Manager"}
    assert team["members"] == [
        {
            "id": "claire",
            "name": "Claire Morel",
            "role": "Manager",
            "department": "marketing",
            "responsibilities": ["Drafts the posts"],
            "hours_per_week": 4,
        },
        {
            "id": "julien",
            "name": "Julien Roux",
            "role": "Shop supervisor",
            "department": "customer_service",
            "hours_per_week": 3,
        },
    ]
    assert team["cadence"] == "30 minutes every Monday"
    assert team["approvals"] == [
        {
            "content": "Everyday posts",
            "drafted_by": ["claire"],
            "approved_by": "julien",
            "delay": "24 h",
        }
    ]
    assert team["reviews"] == [
        {"cadence": "monthly", "what": "Monthly metrics report", "owner": "claire"}
    ]
    listening = data["listening"]
    assert listening["needs"] == [
        {
            "id": "stock",
            "need": "Know whether bread is left before coming",
            "source": "Phone calls",
            "evidence": "About ten calls a week",
        }
    ]
    assert listening["sources"] == [
        {"name": "Counter and phone", "kind": "offline"},
        {"name": "Google reviews", "kind": "online"},
    ]
    assert listening["keywords"] == {
        "company": ["Maison Fournil"],
        "executives": [],
        "themes": ["sourdough"],
        "competitors": ["Boulangerie du Centre"],
        "partners": [],
        "brands": [],
        "slogans": [],
        "intellectual_property": [],
    }
    assert listening["trends"] == ["no"]
    assert listening["review_cadence"] == "weekly"
    assert listening["monitoring_hours_per_week"] == 1
    assert listening["monitored_by"] == ["julien"]
    assert listening["playbook"] == {
        "verify": "Check the order book",
        "cases": [
            {
                "case": "praise",
                "action": "Thank them publicly",
                "owner": "julien",
                "response_hours": 24,
            },
            {
                "case": "unhappy",
                "action": "Answer fast, then call them",
                "owner": "julien",
                "response_hours": 4,
            },
            {
                "case": "crisis",
                "action": "Call Claire at once",
                "owner": "claire",
                "response_hours": 1,
            },
        ],
    }
    assert listening["listening_only"] is False
    assert listening["insights"] == [
        {
            "kind": "strength",
            "insight": "Regulars send us their neighbours",
            "evidence": "Half of new customers say a neighbour sent them",
        }
    ]
    assert data["objectives"] == [
        {
            "id": "orders",
            "family": "revenue",
            "statement": "Receive 40 cake orders a month through social media",
            "business_goal": "Grow the catering business",
            "label": "Cake orders",
            "primary": True,
            "priority": "high",
            "deadline": dt.date(2027, 6, 30),
        }
    ]
    assert data["metrics"] == [
        {
            "id": "orders-month",
            "objective": "orders",
            "name": "Cake orders from social media",
            "kind": "conversion",
            "definition": "Orders whose customer names Instagram",
            "baseline": 12,
            "target": 40,
            "unit": "orders a month",
            "deadline": dt.date(2027, 6, 30),
            "source": "Order book",
            "frequency": "monthly",
            "owner": "claire",
        }
    ]
    assert data["audience"] == [
        {
            "id": "families",
            "name": "Local families",
            "demographics": "Parents aged 30 to 45",
            "psychographics": "Keen on local food",
            "needs": ["stock"],
            "objectives": ["orders"],
            "content": ["Behind the scenes"],
            "platforms": ["Instagram"],
            "persona": {
                "name": "Emma, 38, two children",
                "quote": "I order cakes when the children are asleep",
                "moments": ["Sunday evening"],
                "objections": ["Afraid the cake will not look like the photo"],
            },
        }
    ]
    assert data["value"] == {
        "philosophy": "Good bread takes time",
        "promise": "Know every day what comes out of the oven",
        "differentiators": ["Flour from a mill 20 km away"],
        "topics": [
            {"topic": "Sourdough secrets", "kind": "educational"},
            {"topic": "Guess the bread", "kind": "conversational"},
        ],
        "services": [
            {
                "name": "Out of the oven",
                "description": "A story at 4 pm with the bread still on the shelves",
                "need": "stock",
            }
        ],
        "post_ideas": [
            {
                "pillar": "Behind the scenes",
                "hook": "3 a.m.: the oven is already hot",
                "idea": "The first batch coming out",
                "format": "Reel",
            }
        ],
        "hashtags": ["#sourdough"],
        "visuals": ["Natural light, hands at work"],
    }
    assert data["human_face"] == {
        "spokespeople": [
            {
                "name": "Claire Morel",
                "member": "claire",
                "role": "Manager",
                "channels": ["Instagram"],
                "topics": ["Sourdough"],
            }
        ],
        "voice": {
            "tone": "Warm and simple",
            "we_do": ["Answer every comment"],
            "we_never": ["Criticize a competitor"],
        },
    }
    assert data["channels"] == [
        {
            "id": "instagram",
            "platform": "Instagram",
            "handle": "@maisonfournil",
            "purpose": "Show the bakehouse",
            "objectives": ["orders"],
            "audiences": ["families"],
            "pillars": [
                {"name": "Behind the scenes", "kind": "entertaining", "share": 70},
                {"name": "Cake of the week", "kind": "promotional", "share": 30},
            ],
            "formats": ["Reels"],
            "posts_per_week": 4,
            "slots": [
                {"day": "tuesday", "time": "07:00"},
                {"day": "thursday", "time": "16:00"},
                {"day": "saturday", "time": "09:00"},
                {"day": "sunday", "time": "10:00"},
            ],
            "owner": "claire",
            "hours_per_week": 3,
            "budget_per_month": 0,
            "metrics": ["orders-month"],
        }
    ]
    assert "Check: 0 error(s), 0 warning(s)" in result.stdout
    assert "Render it with: smplan render plan.yaml --format pdf" in result.stdout
    check = smplan("check", "plan.yaml", "--strict")
    assert check.exit_code == 0, check.output


# --- languages ---------------------------------------------------------------------------


def test_a_new_plan_asks_its_language_first_and_then_speaks_it(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    answers = ["3", "Plan 2027", "Fournil"]  # français, then the first two project answers
    result = smplan("init", path, "--interactive", input=script(answers))
    assert result.exit_code == 130
    assert "Language of the plan / Langue du plan (its number / son numéro): 3\n" in result.stdout
    assert "  1. English\n  2. English (United States)\n  3. Français\n" in result.stdout
    assert "Étape" not in result.stdout  # interrupted in the project, before step 1
    assert "Organisation\u00a0: Fournil\n" in result.stdout
    assert "Titre du plan\u00a0: Plan 2027\n" in result.stdout
    # A pause is no error: said plainly, in the plan's language, with how to go on.
    assert result.stderr == (
        f"Arrêté. Toutes les réponses données jusqu'ici sont enregistrées dans {path}.\n"
        f"Pour reprendre là où vous vous êtes arrêté : smplan init {path}\n"
    )
    project = yaml.safe_load(path.read_text())["project"]
    assert project == {
        "name": "Plan 2027",
        "organization": "Fournil",
        "language": "fr",
        "currency": "EUR",
    }


def test_french_prompts_take_oui_and_non(smplan, tree):
    root = tree({"plan.yaml": "smplan: 1\nproject:\n  organization: Fournil\n  language: fr\n"})
    answers = ["oui", "commandes", "", "Recevoir 40 commandes", "", "", "oui", "", "", "non"]
    result = smplan(
        "init", root / "plan.yaml", "--step", "3", "--interactive", input=script(answers)
    )
    assert result.exit_code == 0, result.output
    assert "╭─ Étape 3 sur 8 · Les objectifs ─" in result.stdout
    assert "Ajouter un objectif ? (o/n) [non]\u00a0: oui\n" in result.stdout
    assert "Objectif principal (o/n) [non]\u00a0: oui\n" in result.stdout
    assert "Ajouter un autre objectif ? (o/n) [non]\u00a0: non\n" in result.stdout
    objectives = yaml.safe_load((root / "plan.yaml").read_text())["objectives"]
    assert objectives == [
        {"id": "commandes", "statement": "Recevoir 40 commandes", "primary": True}
    ]


def test_lang_overrides_the_plans_language_for_the_questions_only(smplan, tree):
    root = tree({"plan.yaml": "smplan: 1\nproject:\n  organization: Fournil\n  language: fr\n"})
    result = smplan(
        "init",
        root / "plan.yaml",
        "--step",
        "objectives",
        "--lang",
        "en",
        "--interactive",
        input="n\n",
    )
    assert result.exit_code == 0, result.output
    assert "Add an objective? (y/n) [no]: n\n" in result.stdout
    assert "language: fr" in (root / "plan.yaml").read_text()


def test_an_unknown_language_is_a_usage_error(smplan, tmp_path):
    result = smplan("init", tmp_path / "plan.yaml", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown language `de`\nhint: use one of: en, en_US, fr\n"


# --- without a terminal ------------------------------------------------------------------


def test_without_a_terminal_init_stops_at_once_and_lists_what_is_missing(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    result = smplan("init", path, input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: standard input is not a terminal, so no question can be asked; still to "
        f"answer in {path}:",
        "0. The project (to do)",
        "1. The team (to do)",
        "2. Listening and comparing (to do)",
        "3. Objectives (to do)",
        "4. Metrics (to do)",
        "5. Audience (to do)",
        "6. Value (to do)",
        "7. The human face (to do)",
        "8. The channel plan (to do)",
        f"hint: run `smplan init {path}` in a terminal, pre-fill answers with --answers FILE, "
        "or pass --interactive to read the answers from standard input",
    ]
    assert not path.exists()


def test_a_finished_plan_without_a_terminal_gets_its_summary_and_check(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((EXAMPLES / "boulangerie.yaml").read_bytes())
    result = smplan("init", path)
    assert result.exit_code == 0, result.output
    assert "Boulangerie Maréchal — Stratégie réseaux sociaux 2027" in result.stdout
    assert "Vérification : 0 erreur(s), 0 avertissement(s)" in result.stdout
    assert f"Pour produire le document : smplan render {path} --format pdf" in result.stdout
    assert path.read_bytes() == (EXAMPLES / "boulangerie.yaml").read_bytes()


def test_reopening_a_step_needs_a_terminal(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((EXAMPLES / "boulangerie.yaml").read_bytes())
    result = smplan("init", path, "--step", "3", "--no-interactive")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "erreur : l'entrée standard n'est pas un terminal : impossible de rouvrir l'étape\n"
    )


def test_answers_from_a_file_complete_a_plan_without_a_terminal(smplan, tmp_path):
    full = (EXAMPLES / "boulangerie.yaml").read_text(encoding="utf-8")
    cut = full.index("\n# Étape 4")
    (tmp_path / "plan.yaml").write_text(full[:cut] + "\n", encoding="utf-8")
    (tmp_path / "client.yaml").write_text("smplan: 1\n" + full[cut:], encoding="utf-8")
    result = smplan("init", tmp_path / "plan.yaml", "--answers", tmp_path / "client.yaml")
    assert result.exit_code == 0, result.output
    assert "Vérification : 0 erreur(s), 0 avertissement(s)" in result.stdout
    check = smplan("check", tmp_path / "plan.yaml", "--strict")
    assert check.exit_code == 0, check.output


def test_a_half_filled_answers_file_is_completed_interactively(smplan, tmp_path):
    (tmp_path / "client.yaml").write_text(
        "project:\n  organization: Fournil\n  language: en\n"
        "objectives:\n  - id: orders\n    statement: 40 orders a month\n"
    )
    answers = ["Plan 2027", "Sophie", "2026-11-25"]  # the project's gaps: title, author, date
    result = smplan(
        "init",
        tmp_path / "plan.yaml",
        "--answers",
        tmp_path / "client.yaml",
        "--interactive",
        input=script(answers),
    )
    assert result.exit_code == 130
    # What the file answered is not asked again.
    assert "Organization" not in result.stdout
    assert "Author: Sophie\n" in result.stdout
    data = yaml.safe_load((tmp_path / "plan.yaml").read_text())
    assert data["project"]["name"] == "Plan 2027"
    assert data["project"]["organization"] == "Fournil"
    assert data["objectives"] == [
        {"id": "orders", "statement": "40 orders a month", "primary": False}
    ]


# --- resuming and reopening --------------------------------------------------------------


def test_end_of_input_keeps_every_answer_and_says_how_to_resume(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    result = smplan(
        "init", path, "--lang", "en", "--interactive", input=script(WHOLE_INTERVIEW[:17])
    )
    assert result.exit_code == 130
    assert result.stderr == (
        f"Stopped. Every answer given so far is saved in {path}.\n"
        f"To go on where you stopped: smplan init {path}\n"
    )
    data = yaml.safe_load(path.read_text())
    assert data["team"] == {
        "sponsor": {"name": "Claire Morel", "role": "Manager"},
        "members": [{"id": "claire", "name": "Claire Morel"}],
    }
    resumed = smplan("init", path, "--interactive", input=script(WHOLE_INTERVIEW[17:]))
    assert "Where the plan stands: 0 of 8 steps done" in resumed.stdout
    assert "  1. The team                 to finish\n" in resumed.stdout


HAND_COMMENTED = """\
# Plan de la boulangerie, tenu à la main.
smplan: 1
project:
  organization: Fournil   # nom d'usage
  language: fr

# Étape 3, issue de l'atelier du 12 novembre.
objectives:
  - id: commandes  # l'objectif central
    statement: Recevoir 40 commandes par mois
    # Validé par la gérante.
    primary: true

  - id: avis
    statement: Répondre à tous les avis

# Étape 4 : à faire.
"""


def test_a_hand_commented_plan_keeps_its_comments_after_reopening_objectives(smplan, tree):
    root = tree({"plan.yaml": HAND_COMMENTED})
    answers = [
        "2",  # objective 1: edit
        "",
        "1",
        "",
        "",
        "",
        "",
        "",
        "2027-06-30",  # id, family, ..., short label, primary, priority, deadline
        "1",  # objective 2: keep as is (unfinished, so Enter would open it)
        "oui",
        "notoriete",
        "",
        "Être connus du quartier",
        "",
        "",
        "non",
        "",
        "",
        "non",  # no more objectives
    ]
    result = smplan(
        "init", root / "plan.yaml", "--step", "objectives", "--interactive", input=script(answers)
    )
    assert result.exit_code == 0, result.output
    assert (
        (root / "plan.yaml").read_text()
        == """\
# Plan de la boulangerie, tenu à la main.
smplan: 1
project:
  organization: Fournil   # nom d'usage
  language: fr

# Étape 3, issue de l'atelier du 12 novembre.
objectives:
  - id: commandes  # l'objectif central
    family: revenue
    statement: Recevoir 40 commandes par mois
    # Validé par la gérante.
    primary: true
    deadline: 2027-06-30

  - id: avis
    statement: Répondre à tous les avis
  - id: notoriete
    statement: Être connus du quartier
    primary: false

# Étape 4 : à faire.
"""
    )


def test_an_unknown_step_is_a_usage_error(smplan, tmp_path):
    result = smplan("init", tmp_path / "plan.yaml", "--step", "9", "--interactive")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: unknown step `9`"


def test_a_plan_that_does_not_fit_the_model_is_reported_not_overwritten(smplan, tree):
    text = "smplan: 1\nteam:\n  members:\n    - id: claire\n      hours_per_week: many\n"
    root = tree({"plan.yaml": text})
    result = smplan("init", root / "plan.yaml", "--interactive", input="\n")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{root / 'plan.yaml'}:5:23: team.members[1].hours_per_week: expected a number, "
        "got `many`\n"
    )
    assert (root / "plan.yaml").read_text() == text


def test_help_documents_the_options(smplan):
    result = smplan("init", "--help")
    assert result.exit_code == 0
    for option in ("--lang", "--step", "--answers", "--interactive", "--no-interactive"):
        assert option in result.stdout


@pytest.mark.slow
def test_a_blank_plan_from_new_keeps_every_comment_and_takes_answers_after_the_examples(
    smplan, tmp_path
):
    path = tmp_path / "plan.yaml"
    assert smplan("new", path, "--lang", "en").exit_code == 0
    blank = path.read_text(encoding="utf-8")
    result = smplan("init", path, "--interactive", input=script(WHOLE_INTERVIEW))
    assert result.exit_code == 0, result.output
    filled = path.read_text(encoding="utf-8")

    def comments(text: str) -> list[str]:
        return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))

    assert comments(filled) == comments(blank)
    lines = filled.splitlines()
    # A list inside a step waits behind its commented key; the answers follow that example.
    for key in ("  members", "  approvals", "  needs", "  sources"):
        indent, name = key[: len(key) - len(key.lstrip())], key.lstrip()
        example = lines.index(f"{indent}# {name}:")
        answer = lines.index(f"{key}:")
        assert example < answer, key
        # Between the example and the answer, only the example's own commented lines.
        assert all(line.lstrip().startswith("#") for line in lines[example:answer]), key
    # A step's key is written live, its example commented below it: the answers come
    # after the whole example, never inside it nor above it.
    before = blank.splitlines()
    for key in ("objectives", "metrics", "audience", "channels"):
        written = before[before.index(f"{key}:") + 1 :]
        example = written[: written.index("")]
        start = lines.index(f"{key}:")
        assert lines[start + 1 : start + 1 + len(example)] == example, key
        assert lines[start + 1 + len(example)].startswith("- "), key
    assert smplan("check", path, "--strict").exit_code == 0


@pytest.mark.parametrize(("lang", "currency"), [("en", "GBP"), ("fr", "EUR")])
def test_a_fresh_plan_is_asked_from_the_project_on_its_currency_offered_not_taken(
    smplan, tmp_path, lang, currency
):
    # `new` writes the currency of the plan's language; that is no answer of the person,
    # so the interview starts at the project's first question and offers it as a default.
    path = tmp_path / "plan.yaml"
    assert smplan("new", path, "--lang", lang).exit_code == 0
    assert f"\n  currency: {currency}\n" in path.read_text(encoding="utf-8")
    result = smplan("init", path, "--interactive", input=script(["Plan 2027", "Fournil"]))
    assert result.exit_code == 130
    title, organization = {
        "en": ("Title of the plan", "Organization"),
        "fr": ("Titre du plan", "Organisation"),
    }[lang]
    first = result.stdout.index(f"{title}")
    assert result.stdout.index(organization, first) > first
    project = yaml.safe_load(path.read_text(encoding="utf-8"))["project"]
    assert {key: value for key, value in project.items() if value is not None} == {
        "name": "Plan 2027",
        "organization": "Fournil",
        "language": lang,
        "currency": currency,
    }
    # Once asked, Enter keeps the offered currency, and the next step follows.
    answers = ["", "", "", "", "", "", "", "", "", ""]
    resumed = smplan("init", path, "--interactive", input=script(answers))
    assert f"[{currency}]" in resumed.stdout
    assert {"en": "Step 1 of 8", "fr": "Étape 1 sur 8"}[lang] in resumed.stdout


def test_a_new_plan_is_offered_the_essentials_path_and_an_essentials_run_is_not(smplan, tmp_path):
    path = tmp_path / "plan.yaml"
    offer = f"For a first draft in one meeting, stop here (Ctrl-C) and run: smplan init {path}"
    whole = smplan("init", path, "--lang", "en", "--interactive", input=script(["Plan"]))
    assert f"{offer} --essentials\n" in whole.stdout
    resumed = smplan("init", path, "--interactive", input=script([]))
    assert offer not in resumed.stdout  # no longer a new plan
    other = tmp_path / "other.yaml"
    essentials = smplan("init", other, "--lang", "en", "--essentials", "--interactive", input="")
    assert "Essentials only: the rest is proposed from your answers." in essentials.stdout
    assert "For a first draft in one meeting" not in essentials.stdout
