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
    "Social media plan 2027",  # Title of the plan
    "Maison Fournil",  # Organization
    "Sophie Lambert",  # Author
    "2026-11-25",  # Date of this version
    "2027-12-31",  # Runs until
    "Europe/Paris",  # Time zone
    "food",  # Sectors
    "1.10",  # Version
    "2",  # Status: final, not a draft
    "Neighbours trust our bread: we show the bakehouse and take cake orders by message",
    "",  # Theme file: none
    "EUR",  # Currency
    "Claire Morel",  # Name
    "Manager",  # Role
    "Claire Morel",  # Name
    "Manager",  # Role
    "2",  # department: marketing, by number
    "Drafts the posts",  # Responsibility 1
    "",  # Responsibility 2
    "4",  # Hours a week
    "Julien Roux",  # Name
    "Shop supervisor",  # Role
    "customer_service",  # Department
    "",  # Responsibility 1
    "3",  # Hours a week
    "",  # Name
    "30 minutes every Monday",  # How the team meets
    "n",  # Use this proposal? (no: answer item by item)
    "Everyday posts",  # Kind of content
    "1",  # drafted by: Claire, by number
    "Julien Roux",  # approved by: Julien, by name
    "24 h",  # Approval delay
    "n",  # Add another approval rule?
    "n",  # Use this proposal? (no: answer item by item)
    "monthly",  # How often
    "Monthly metrics report",  # What is reviewed
    "claire-morel",  # Led by
    "n",  # Add another review?
    "Know whether bread is left before coming",  # The need
    "Phone calls",  # Heard where
    "About ten calls a week",  # Evidence
    "",  # The need
    "Counter and phone",  # Source
    "offline",  # Online or offline
    "",  # Notes
    "y",  # Add another listening source?
    "Google reviews",  # Source
    "1",  # online, by number
    "",  # Notes
    "n",  # Add another listening source?
    "Maison Fournil",  # Organization names
    "-",  # Executives
    "sourdough",  # Themes
    "Boulangerie du Centre",  # Competitors
    "-",  # Partners
    "-",  # Brands and products
    "-",  # Slogans
    "-",  # Intellectual property
    "Facebook",  # Platform
    "On the market square",  # Strength 1
    "",  # Strength 2
    "No orders online",  # Weakness 1
    "",  # Weakness 2
    "n",  # Add another competitor?
    "no",  # Trend or question 1
    "",  # Trend or question 2
    "n",  # Add an opportunity for a department?
    "n",  # Add a monitoring tool?
    "weekly",  # Dashboard read
    "1",  # Monitoring hours a week
    "julien-roux",  # Monitoring done by
    "n",  # Add an account you already have?
    "Check the order book",  # How facts are checked
    "n",  # Use this proposal? (no: answer item by item)
    "praise",  # Kind of message
    "Thank them publicly",  # What to do
    "julien-roux",  # Who answers
    "24",  # Reply within
    "y",  # Add another response case?
    "unhappy",  # Kind of message
    "Answer fast, then call them",  # What to do
    "julien-roux",  # Who answers
    "4",  # Reply within
    "y",  # Add another response case?
    "crisis",  # Kind of message
    "Call Claire at once",  # What to do
    "claire-morel",  # Who answers
    "1",  # Reply within
    "n",  # Add another response case?
    "n",  # Listening only for now
    "y",  # Add a key insight?
    "strength",  # Kind
    "Regulars send us their neighbours",  # Insight
    "Half of new customers say a neighbour sent them",  # Evidence
    "n",  # Add another key insight?
    "Receive 40 cake orders a month through social media",  # The objective
    "revenue",  # Family
    "Grow the catering business",  # Business goal served
    "Cake orders",  # Short label
    "y",  # Primary objective
    "high",  # Priority
    "2027-06-30",  # Deadline
    "",  # The objective
    "Cake orders from social media",  # Name
    "1",  # the objective it measures, by number
    "conversion",  # What it tells about
    "",  # Standard definition
    "Orders whose customer names Instagram",  # Own definition
    "12",  # Value today
    "40",  # Target
    "orders a month",  # Unit
    "2027-06-30",  # Deadline
    "Order book",  # Data source
    "monthly",  # Measured
    "claire-morel",  # Measured by
    "",  # Name
    "Local families",  # Name
    "Parents aged 30 to 45",  # Profile
    "Keen on local food",  # Values and habits
    "know-whether-bread",  # Their needs
    "receive-40-cake",  # Objectives aimed at them
    "Behind the scenes",  # Content that reaches them
    "Instagram",  # Platform they use
    "Emma, 38, two children",  # the segment as one person
    "I order cakes when the children are asleep",  # in her words
    "Sunday evening",  # when and where to reach her
    "",
    "Afraid the cake will not look like the photo",  # what holds her back
    "",
    "",  # Name
    "Good bread takes time",  # Philosophy
    "Know every day what comes out of the oven",  # Promise
    "Flour from a mill 20 km away",  # What sets you apart 1
    "",  # What sets you apart 2
    "Sourdough secrets",  # Topic
    "educational",  # Kind
    "y",  # Add another topic?
    "Guess the bread",  # Topic
    "conversational",  # Kind
    "n",  # Add another topic?
    "y",  # Add a value-added service?
    "Out of the oven",  # Service
    "A story at 4 pm with the bread still on the shelves",  # Description
    "know-whether-bread",  # Need answered
    "n",  # Add another service?
    "y",  # Add a post idea?
    "Behind the scenes",  # Pillar
    "3 a.m.: the oven is already hot",  # Hook
    "The first batch coming out",  # Idea
    "Reel",  # Format
    "n",  # Add another post idea?
    "#sourdough",  # Hashtag 1
    "",
    "Natural light, hands at work",  # Visual guideline 1
    "",
    "y",  # Add a spokesperson?
    "1",  # Claire: her name and role come with her
    "Sourdough",  # Topic 1
    "",  # Topic 2
    "n",  # Add another spokesperson?
    "Warm and simple",  # Tone
    "Answer every comment",  # We always 1
    "",  # We always 2
    "Criticize a competitor",  # We never 1
    "",  # We never 2
    "Instagram",  # Platform
    "@maisonfournil",  # Handle
    "Show the bakehouse",  # Why this channel
    "receive-40-cake",  # Objectives served
    "local-families",  # Audiences reached
    "n",  # Use this proposal? (no: answer item by item)
    "Behind the scenes",  # Pillar
    "entertaining",  # Kind
    "70",  # Share of posts
    "y",  # Add another pillar?
    "Cake of the week",  # Pillar
    "promotional",  # Kind
    "30",  # Share of posts
    "n",  # Add another pillar?
    "Reels",  # Format 1
    "",  # Format 2
    "4",  # Posts a week
    # Days by name, by their start or by number; times as people type them.
    "tuesday 07:00, Thu 16h, 6 9am, sunday 10:00",
    "claire-morel",  # Run by
    "3",  # Hours a week
    "0",  # Budget a month
    "cake-orders-from",  # Judged by
    "",  # Platform
    "Instagram",  # Where Claire Morel appears
    # After the eight steps: putting the plan to work.
    "y",  # Add a milestone?
    "15/01/2027",  # Date, the language's way
    "First month of posts scheduled",  # Milestone
    "1",  # Who sees it done: Claire, by number
    "n",  # Add another milestone?
    "35",  # Hourly rate of the team's time
    "y",  # Add a budget line?
    "production",  # Kind of spending
    "Photo shoot of the cakes",  # What it pays for
    "",  # Amount a month
    "300",  # Amount once
    "n",  # Add another budget line?
    "y",  # Add a crisis scenario?
    "A customer falls ill and blames our cake",  # Scenario
    "We are checking and will reply today.",  # Holding statement
    "2, 1",  # Who is alerted, in order: Julien, then Claire
    "n",  # Add another crisis scenario?
    "The shop stays open six days a week",  # Assumption 1
    "",  # Assumption 2
    "y",  # Add a risk?
    "The team has no time in December",  # Risk
    "Schedule December's posts in November",  # What reduces it
    "n",  # Add another risk?
    "",  # the review: nothing to reopen
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
        "sectors": ["food"],
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
            "id": "claire-morel",
            "name": "Claire Morel",
            "role": "Manager",
            "department": "marketing",
            "responsibilities": ["Drafts the posts"],
            "hours_per_week": 4,
        },
        {
            "id": "julien-roux",
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
            "drafted_by": ["claire-morel"],
            "approved_by": "julien-roux",
            "delay": "24 h",
        }
    ]
    assert team["reviews"] == [
        {"cadence": "monthly", "what": "Monthly metrics report", "owner": "claire-morel"}
    ]
    listening = data["listening"]
    assert listening["needs"] == [
        {
            "id": "know-whether-bread",
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
    # The competitor named among the keywords is described, not named a second time.
    assert listening["competitors"] == [
        {
            "name": "Boulangerie du Centre",
            "channels": ["Facebook"],
            "strengths": ["On the market square"],
            "weaknesses": ["No orders online"],
        }
    ]
    assert listening["trends"] == ["no"]
    assert listening["review_cadence"] == "weekly"
    assert listening["monitoring_hours_per_week"] == 1
    assert listening["monitored_by"] == ["julien-roux"]
    assert listening["playbook"] == {
        "verify": "Check the order book",
        "cases": [
            {
                "case": "praise",
                "action": "Thank them publicly",
                "owner": "julien-roux",
                "response_hours": 24,
            },
            {
                "case": "unhappy",
                "action": "Answer fast, then call them",
                "owner": "julien-roux",
                "response_hours": 4,
            },
            {
                "case": "crisis",
                "action": "Call Claire at once",
                "owner": "claire-morel",
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
            "id": "receive-40-cake",
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
            "id": "cake-orders-from",
            "objective": "receive-40-cake",
            "name": "Cake orders from social media",
            "kind": "conversion",
            "definition": "Orders whose customer names Instagram",
            "baseline": 12,
            "target": 40,
            "unit": "orders a month",
            "deadline": dt.date(2027, 6, 30),
            "source": "Order book",
            "frequency": "monthly",
            "owner": "claire-morel",
        }
    ]
    assert data["audience"] == [
        {
            "id": "local-families",
            "name": "Local families",
            "demographics": "Parents aged 30 to 45",
            "psychographics": "Keen on local food",
            "needs": ["know-whether-bread"],
            "objectives": ["receive-40-cake"],
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
                "need": "know-whether-bread",
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
                "member": "claire-morel",
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
            "objectives": ["receive-40-cake"],
            "audiences": ["local-families"],
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
            "owner": "claire-morel",
            "hours_per_week": 3,
            "budget_per_month": 0,
            "metrics": ["cake-orders-from"],
        }
    ]
    # After the eight steps, each part of putting the plan to work, read by its kind: a
    # date within the plan, members by number in the order given, amounts of money.
    assert data["roadmap"] == [
        {
            "date": dt.date(2027, 1, 15),
            "action": "First month of posts scheduled",
            "owner": "claire-morel",
        }
    ]
    assert data["budget"] == {
        "hourly_rate": 35,
        "lines": [{"kind": "production", "item": "Photo shoot of the cakes", "once": 300}],
    }
    assert data["crisis"] == [
        {
            "scenario": "A customer falls ill and blames our cake",
            "holding_statement": "We are checking and will reply today.",
            "escalation": ["julien-roux", "claire-morel"],
        }
    ]
    assert data["assumptions"] == ["The shop stays open six days a week"]
    assert data["risks"] == [
        {
            "risk": "The team has no time in December",
            "mitigation": "Schedule December's posts in November",
        }
    ]
    assert "After the eight steps · Putting the plan to work" in result.stdout
    # The review shows it after step 8, numbered to reopen it; the steps stay eight.
    assert "9. Putting the plan to work — done" in result.stdout
    assert "Where the plan stands" not in result.stdout  # a new plan: no status first
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
    answers = ["Recevoir 40 commandes", "", "", "", "oui", "", "", ""]
    result = smplan(
        "init", root / "plan.yaml", "--step", "3", "--interactive", input=script(answers)
    )
    assert result.exit_code == 0, result.output
    assert "╭─ Étape 3 sur 8 · Les objectifs ─" in result.stdout
    assert "Objectif principal (o/n) [non]\u00a0: oui\n" in result.stdout
    objectives = yaml.safe_load((root / "plan.yaml").read_text())["objectives"]
    assert objectives == [
        {"id": "recevoir-40-commandes", "statement": "Recevoir 40 commandes", "primary": True}
    ]
    answers = ["", "", "", "Pain au levain", "", "non", "non", "non", "", ""]
    result = smplan(
        "init", root / "plan.yaml", "--step", "6", "--interactive", input=script(answers)
    )
    assert result.exit_code == 0, result.output
    # French typography on screen: a narrow no-break space before the question mark.
    assert "Ajouter un autre sujet\u202f? (o/n) [non]\u00a0: non\n" in result.stdout


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
        input="\n",
    )
    assert result.exit_code == 0, result.output
    assert "Objective 1\n" in result.stdout and "The objective: \n" in result.stdout
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
    assert "Vérification\u00a0: 0 erreur(s), 0 avertissement(s)" in result.stdout
    assert f"Pour produire le document\u00a0: smplan render {path} --format pdf" in result.stdout
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
    assert "Vérification\u00a0: 0 erreur(s), 0 avertissement(s)" in result.stdout
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
        "members": [
            {
                "id": "claire-morel",
                "name": "Claire Morel",
                "role": "Manager",
                "department": "marketing",
            }
        ],
    }
    resumed = smplan("init", path, "--interactive", input=script(WHOLE_INTERVIEW[17:]))
    assert "Where the plan stands: 0 of 8 steps done" in resumed.stdout
    assert "  1. The team                  to finish\n" in resumed.stdout
    # What follows the steps is listed after them, and counts in none of them.
    assert "  9. Putting the plan to work  to do\n" in resumed.stdout


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
        "1",
        "",
        "",
        "",
        "",
        "",
        "2027-06-30",  # family, ..., short label, primary, priority, deadline
        "1",  # objective 2: keep as is (unfinished, so Enter would open it)
        "Être connus du quartier",  # a third one
        "",
        "",
        "",
        "non",
        "",
        "",
        "",  # no more objectives
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
  - id: etre-connus-du
    statement: Être connus du quartier
    primary: false

# Étape 4 : à faire.
"""
    )


def test_an_unknown_step_is_a_usage_error(smplan, tmp_path):
    result = smplan("init", tmp_path / "plan.yaml", "--step", "10", "--interactive")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: unknown step `10`"


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
