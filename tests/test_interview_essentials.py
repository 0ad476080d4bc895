"""The essentials path: a small business's complete first draft in one meeting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smplan.errors import Interrupted
from smplan.i18n import L_, language
from smplan.interview.questions import Block, Question
from smplan.interview.session import init
from smplan.plan.files import load_plan
from smplan.plan.meta import collections, things
from smplan.plan.model import Plan

ROOT = Path(__file__).resolve().parent.parent

#: At most this many answers for a complete plan, the goal of the essentials path.
MOST_PROMPTS = 150


class Script:
    """Answers each question by its key, in turn; Enter (an empty answer) for any other."""

    def __init__(self, answers: dict[str, str | list[str]]):
        self.answers = {k: list(v) if isinstance(v, list) else [v] for k, v in answers.items()}
        self.questions: list[Question] = []
        self.blocks: list[Block] = []

    def ask(self, question: Question) -> str:
        self.questions.append(question)
        queue = self.answers.get(question.key)
        return queue.pop(0) if queue else ""

    def show(self, block: Block) -> None:
        self.blocks.append(block)


#: A three-person bakery: the owner, her baker and the shop assistant.
BAKERY = {
    "project.language": "en",
    "project.organization": "Hearth & Loaf",
    "project.author": "Sophie Lambert, consultant",
    "project.sectors": "food",
    "project.horizon": "2027-12-31",
    "team.members[0].name": "Claire Morel",
    "team.members[0].role": "Owner",
    "team.members[0].department": "management",
    "team.members[0].hours_per_week": "2",
    "team.members[1].name": "Julien Roux",
    "team.members[1].role": "Baker",
    "team.members[1].department": "marketing",
    "team.members[1].hours_per_week": "3",
    "team.members[2].name": "Nina Petit",
    "team.members[2].role": "Shop assistant",
    "team.members[2].department": "customer_service",
    "team.members[2].hours_per_week": "2",
    "listening.needs[0].need": "Know whether bread is left before coming",
    "listening.needs[0].source": "Phone calls",
    "listening.needs[0].evidence": "Ten calls a week",
    "listening.needs[1].need": "Order a birthday cake ahead",
    "listening.needs[1].source": "Shop counter",
    "listening.needs[1].evidence": "Asked every Saturday",
    "listening.sources[+]": ["y", "n"],
    "listening.sources[0].name": "Shop counter",
    "listening.sources[0].kind": "offline",
    "listening.sources[1].name": "Google reviews",
    "listening.sources[1].kind": "online",
    "listening.keywords.competitors": "Town Bakery",
    "listening.keywords.themes": "sourdough, local flour",
    "objectives[0].statement": "Receive 40 cake orders a month through social media",
    "objectives[0].family": "revenue",
    "objectives[1].statement": "Answer every question online within a day",
    "objectives[1].family": "relationship",
    "metrics[0].target": "5",
    "metrics[1].target": "24",
    "audience[0].name": "Neighbourhood families",
    "audience[0].demographics": "Parents aged 30-45 living within 2 km",
    "audience[0].content": "Behind the scenes, cake of the week",
    "value.philosophy": "Good bread takes time",
    "value.promise": "Know every day what comes out of the oven",
    "value.topics[+]": ["y", "y", "n"],
    "value.topics[0].topic": "The secrets of a sourdough starter",
    "value.topics[0].kind": "educational",
    "value.topics[1].topic": "A day at the bakehouse",
    "value.topics[1].kind": "entertaining",
    "value.topics[2].topic": "Cake of the week",
    "value.topics[2].kind": "promotional",
    "human_face.spokespeople": "1, 2",
    "human_face.voice.tone": "Warm, simple, mouth-watering",
    "channels[0].platform": "Instagram",
    "channels[1].platform": "Facebook",
}


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Script]:
    """The bakery's essentials, answered in one go: the plan written, the script asked."""
    path = tmp_path_factory.mktemp("whole") / "plan.yaml"
    script = Script(BAKERY)
    init(path, script, essentials=True)
    return path, script


def test_a_small_business_gets_a_complete_plan_in_at_most_150_answers(whole, smplan):
    path, script = whole
    asked = len(script.questions)
    assert asked <= MOST_PROMPTS, [q.key for q in script.questions]

    plan = load_plan(path).plan
    check = smplan("check", str(path))
    assert check.exit_code == 0, check.output
    assert "8 of 8 steps complete" in check.output, check.output
    assert not re.search(r"SMP01[01]", check.output), check.output

    # Proposals built from earlier answers, accepted with Enter.
    assert plan.project.name == "Social media strategy 2027"
    assert plan.project.timezone == "Europe/London"
    assert plan.team.sponsor.name == "Claire Morel"
    assert [m.id for m in plan.team.members] == ["claire-morel", "julien-roux", "nina-petit"]
    # Nina runs Facebook: who approves her posts was asked, and the rule now says it.
    assert plan.team.approvals[0].drafted_by == ["julien-roux", "nina-petit"]
    assert plan.team.approvals[0].approved_by == "claire-morel"
    assert "channels[1].approver" in [q.key for q in script.questions]
    assert plan.team.reviews[0].owner == "claire-morel"
    cases = plan.listening.playbook.cases
    assert [(c.case, c.owner, c.response_hours) for c in cases] == [
        ("praise", "nina-petit", 24),
        ("unhappy", "nina-petit", 4),
        ("misinformed", "nina-petit", 8),
        ("troll", "nina-petit", 24),
        ("crisis", "claire-morel", 1),
    ]
    keywords = plan.listening.keywords
    assert keywords.company == ["Hearth & Loaf"]
    assert keywords.executives == ["Claire Morel"]
    assert keywords.competitors == ["Town Bakery"]
    assert keywords.themes == ["sourdough", "local flour"]
    assert keywords.slogans == []
    # A bakery has no patents: the category is not even asked.
    assert keywords.intellectual_property == []
    assert "listening.keywords.intellectual_property" not in [q.key for q in script.questions]
    assert [(o.primary, str(o.deadline)) for o in plan.objectives] == [
        (True, "2027-12-31"),
        (False, "2027-12-31"),
    ]
    assert [(m.objective, m.standard, m.baseline, m.target) for m in plan.metrics] == [
        ("receive-40-cake", "conversion_rate", "unknown", 5),
        ("answer-every-question", "response_time", "unknown", 24),
    ]
    assert [(s.member, s.name, s.role, s.channels) for s in plan.human_face.spokespeople] == [
        ("claire-morel", "Claire Morel", "Owner", ["Instagram", "Facebook"]),
        ("julien-roux", "Julien Roux", "Baker", ["Instagram", "Facebook"]),
    ]
    instagram, facebook = plan.channels
    assert (instagram.posts_per_week, instagram.hours_per_week, instagram.owner) == (
        4,
        2,
        "julien-roux",
    )
    # Julien's other hour cannot run a second channel: someone with the time does.
    assert facebook.owner == "nina-petit"
    assert instagram.objectives == ["receive-40-cake", "answer-every-question"]
    assert instagram.metrics == [m.id for m in plan.metrics]
    # The pillars follow the platform: more of the bakehouse on Instagram, more
    # conversation on Facebook; a conversation pillar for the objective of answering
    # every question; promotion under a third on both.
    mixes = [[(p.name, p.kind, p.share) for p in c.pillars] for c in plan.channels]
    assert mixes == [
        [
            ("The secrets of a sourdough starter", "educational", 23),
            ("A day at the bakehouse", "entertaining", 36),
            ("Cake of the week", "promotional", 23),
            ("Questions to the community", "conversational", 18),
        ],
        [
            ("The secrets of a sourdough starter", "educational", 21),
            ("A day at the bakehouse", "entertaining", 25),
            ("Cake of the week", "promotional", 21),
            ("Questions to the community", "conversational", 33),
        ],
    ]
    assert [(s.day, s.time) for s in instagram.slots] == [
        ("monday", "12:30"),
        ("tuesday", "12:30"),
        ("thursday", "12:30"),
        ("saturday", "12:30"),
    ]
    assert facebook.audiences == ["neighbourhood-families"]

    # The README gives the count for this example.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"the whole plan took {asked} answers" in readme


#: A physiotherapy practice in Nantes, interviewed in French: the manager, a second
#: physiotherapist, and the medical secretary, who also looks after communication.
PRACTICE = {
    "project.language": "fr",
    "project.organization": "Cabinet de kinésithérapie de l'Erdre",
    "project.author": "Sophie Lambert, consultante",
    "project.sectors": "cabinet de santé",
    "project.horizon": "31 déc. 2027",
    "team.members[0].name": "Julien Garnier",
    "team.members[0].role": "Kinésithérapeute, gérant",
    "team.members[0].department": "direction",
    "team.members[0].hours_per_week": "2 h",
    "team.members[1].name": "Camille Leroy",
    "team.members[1].role": "Kinésithérapeute",
    "team.members[1].department": "practitioners",
    "team.members[1].hours_per_week": "2",
    "team.members[2].name": "Nadia Benali",
    "team.members[2].role": "Secrétaire médicale, chargée de la communication",
    "team.members[2].department": "communication",
    "team.members[2].hours_per_week": "3 h",
    "listening.needs[0].need": "Savoir s'il reste un créneau cette semaine sans appeler",
    "listening.needs[0].source": "Appels au secrétariat",
    "listening.needs[0].evidence": "Une vingtaine d'appels par semaine",
    "listening.needs[1].need": "Retrouver les exercices à refaire chez soi",
    "listening.needs[1].source": "Fin des séances",
    "listening.needs[1].evidence": "Demandé par la plupart des nouveaux patients",
    "listening.sources[+]": ["o", "n"],
    "listening.sources[0].name": "Secrétariat",
    "listening.sources[0].kind": "hors ligne",
    "listening.sources[1].name": "Avis Google",
    "listening.sources[1].kind": "en ligne",
    "listening.keywords.competitors": "-",
    "listening.keywords.themes": "kinésithérapie Nantes, mal de dos",
    "objectives[0].statement": "Passer de 6 % à 3 % de rendez-vous non honorés",
    "objectives[0].family": "costs",
    "objectives[1].statement": "Répondre à chaque message en ligne sous 24 h",
    "objectives[1].family": "relationship",
    # The proposed metric renamed: its own definition is asked, its unit is the one typed.
    "metrics[0].name": "Taux de rendez-vous non honorés",
    "metrics[0].baseline": "6 %",
    "metrics[0].target": "3 %",
    "metrics[0].definition": "Rendez-vous manqués sans prévenir ÷ rendez-vous pris × 100",
    "metrics[1].target": "24",
    "audience[0].name": "Patients du quartier",
    "audience[0].demographics": "Actifs de 30 à 60 ans vivant ou travaillant près du cabinet",
    "audience[0].content": "Exercices simples, conseils de posture",
    "value.philosophy": "Le patient acteur de sa rééducation",
    "value.promise": "Des conseils fiables, chaque semaine",
    "value.topics[+]": ["o", "n"],
    "value.topics[0].topic": "Un exercice par semaine",
    "value.topics[0].kind": "educational",
    "value.topics[1].topic": "Les coulisses du cabinet",
    "value.topics[1].kind": "divertissant",
    "human_face.spokespeople": "1, 2",
    "human_face.voice.tone": "Bienveillant, précis, rassurant",
    "channels[0].platform": "Google Business Profile",
    "channels[0].slots": "mardi 9h",
    "channels[1].platform": "Facebook",
    "channels[1].slots": "lun 12h30, jeudi 18:30",
}

#: A bicycle co-operative in Bristol, interviewed in English: four worker-members.
COOP = {
    "project.language": "en",
    "project.organization": "Spoke & Chain Bicycle Co-operative",
    "project.author": "Sophie Lambert, consultant",
    "project.sectors": "association",
    "project.horizon": "30 Sep 2027",
    "team.members[0].name": "Megan Hughes",
    "team.members[0].role": "Workshop co-ordinator",
    "team.members[0].department": "management",
    "team.members[0].hours_per_week": "2",
    "team.members[1].name": "Tom Okafor",
    "team.members[1].role": "Mechanic",
    "team.members[1].department": "customer service",
    "team.members[1].hours_per_week": "2 hours",
    "team.members[2].name": "Priya Shah",
    "team.members[2].role": "Events and membership",
    "team.members[2].department": "marketing",
    "team.members[2].hours_per_week": "3",
    "team.members[3].name": "Dan Price",
    "team.members[3].role": "Mechanic",
    "team.members[3].department": "sales",
    "team.members[3].hours_per_week": "1",
    "listening.needs[0].need": "Know when the open workshop sessions run",
    "listening.needs[0].source": "Questions at the counter",
    "listening.needs[0].evidence": "Asked several times a day",
    "listening.needs[1].need": "Learn to fix a puncture on their own",
    "listening.needs[1].source": "Workshop sessions",
    "listening.needs[1].evidence": "The most booked repair",
    "listening.sources[+]": ["y", "n"],
    "listening.sources[0].name": "The shop counter",
    "listening.sources[0].kind": "offline",
    "listening.sources[1].name": "Google reviews",
    "listening.sources[1].kind": "online",
    "listening.keywords.competitors": "Bristol Bike Hub",
    "listening.keywords.themes": "cycling Bristol, bike repair",
    "objectives[0].statement": "Sign up 60 new members by the end of September 2027",
    "objectives[0].family": "loyalty",
    "objectives[1].statement": "Fill every open workshop session",
    "objectives[1].family": "revenue",
    "metrics[0].target": "5 %",
    "metrics[1].target": "10",
    "audience[0].name": "Bristol commuters",
    "audience[0].demographics": "Adults who cycle to work in Bristol",
    "audience[0].content": "Repair tips, workshop dates",
    "value.philosophy": "Everyone can keep their bike running",
    "value.promise": "A skill a month",
    "value.topics[+]": ["y", "y", "n"],
    "value.topics[0].topic": "Fix it yourself",
    "value.topics[0].kind": "educational",
    "value.topics[1].topic": "Member stories",
    "value.topics[1].kind": "entertaining",
    "value.topics[2].topic": "Workshop dates",
    "value.topics[2].kind": "promotional",
    "human_face.spokespeople": "Megan Hughes, Priya Shah",
    "human_face.voice.tone": "Friendly, practical",
    "channels[0].platform": "Instagram",
    "channels[1].platform": "Facebook",
    "channels[1].budget_per_month": "£20 a month",
}

def _practice_speaks_of_patients_and_promotes_nothing(plan: Plan, script: Script) -> None:
    assert plan.project.sectors == ["health"]
    assert plan.project.horizon.isoformat() == "2027-12-31"
    metric = plan.metrics[0]
    # Renamed, the proposal is another metric: no standard formula, its own definition,
    # the unit its figures were typed with, an id from its final name.
    assert (metric.id, metric.standard, metric.unit, metric.baseline, metric.target) == (
        "taux-de-rendez",
        None,
        "%",
        6,
        3,
    )
    assert metric.definition.startswith("Rendez-vous manqués")
    playbook = plan.listening.playbook
    assert "patient" in playbook.verify
    assert "patient" in playbook.cases[1].action
    assert plan.listening.keywords.intellectual_property == []
    assert plan.human_face.voice.we_never[0].startswith("Publier le témoignage")
    assert not [p for c in plan.channels for p in c.pillars if p.kind == "promotional"]
    # The days and times typed as people write them.
    assert [(s.day, s.time) for s in plan.channels[1].slots] == [
        ("monday", "12:30"),
        ("thursday", "18:30"),
    ]
    assert plan.channels[1].posts_per_week == 2
    assert plan.project.timezone == "Europe/Paris"


def _cooperative_speaks_of_members_and_has_no_executives(plan: Plan, script: Script) -> None:
    assert "listening.keywords.executives" not in [q.key for q in script.questions]
    assert plan.listening.keywords.executives == []
    assert plan.metrics[1].name == "Visitors from social media who join"
    assert plan.project.horizon.isoformat() == "2027-09-30"  # "Sep", the British "Sept"
    assert plan.channels[1].budget_per_month == 20


#: At most this many answers for a small organization's plan that `check --strict` passes.
MEETING_PROMPTS = 100


@pytest.mark.parametrize(
    ("answers", "lang", "sector"),
    [
        (PRACTICE, "fr", _practice_speaks_of_patients_and_promotes_nothing),
        (COOP, "en", _cooperative_speaks_of_members_and_has_no_executives),
    ],
    ids=["practice", "co-operative"],
)
def test_a_practice_and_a_cooperative_get_a_final_document_in_at_most_100_answers(
    tmp_path, smplan, answers, lang, sector
):
    path = tmp_path / "plan.yaml"
    script = Script(answers)
    init(path, script, essentials=True)
    asked = len(script.questions)
    assert asked <= MEETING_PROMPTS, [q.key for q in script.questions]
    left = {key: queue for key, queue in script.answers.items() if queue}
    assert not left, left  # every answer written above was asked for

    check = smplan("check", "--strict", str(path))
    assert check.exit_code == 0, check.output
    calendar = smplan("calendar", str(path), "-o", str(tmp_path / "posts.csv"))
    assert calendar.exit_code == 0, calendar.output
    posts = (tmp_path / "posts.csv").read_text(encoding="utf-8").splitlines()
    assert len(posts) > 50, posts[:3]  # a year of posts, each on its slot
    render = smplan("render", str(path), "-f", "md", "-o", str(tmp_path / "plan.md"))
    assert render.exit_code == 0, render.output
    document = (tmp_path / "plan.md").read_text(encoding="utf-8")
    with language(lang):
        assert str(L_("Working draft: some steps are not finished yet.")) not in document
    plan = load_plan(path).plan
    ids = {item.id for kind in collections(Plan) for item in things(plan, kind)}
    # No id (the client never typed one), no field path, no rule code in the client's text.
    words = set(re.findall(r"[\w-]+", document))
    assert not {i for i in ids if "-" in i} & words
    assert not re.search(r"\b[a-z_]+(\.[a-z_]+|\[\d+\])+\b|SMP\d{3}", document)
    # Who drafts is not who approves; the channels were planned with a budget and slots.
    approval = plan.team.approvals[0]
    assert approval.approved_by not in approval.drafted_by
    assert all(c.budget_per_month is not None and c.slots for c in plan.channels)
    mixes = [[(p.name, p.share) for p in c.pillars] for c in plan.channels]
    assert mixes[0] != mixes[1]
    # The README gives the count.
    row = {"fr": "physiotherapy practice", "en": "bicycle co-operative"}[lang]
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert f"| {asked} |" in next(line for line in readme if row in line)
    # What the sector changes in the proposals.
    sector(plan, script)


class Stopping(Script):
    """The script, with Ctrl-C pressed when the question `stop_at` comes."""

    def __init__(self, answers: dict[str, str | list[str]], stop_at: str):
        super().__init__(answers)
        self.stop_at = stop_at

    def ask(self, question: Question) -> str:
        if question.key == self.stop_at:
            self.questions.append(question)
            raise KeyboardInterrupt
        return super().ask(question)


@pytest.mark.parametrize(
    "stop_at",
    ["project.sectors", "team.sponsor", "listening.keywords.themes", "objectives[1].family"],
)
def test_the_essentials_resume_at_the_question_where_they_stopped(tmp_path, stop_at, whole):
    path = tmp_path / "plan.yaml"
    first = Stopping(BAKERY, stop_at)
    with pytest.raises(Interrupted) as stopped:
        init(path, first, essentials=True)
    assert f"smplan init {path} --essentials" in str(stopped.value.hint)
    rest = Script(first.answers)  # what was not answered yet
    init(path, rest, essentials=True)
    resumed = [q.key for q in rest.questions]
    if resumed[0] != stop_at:
        # The last answer saved was a list's item: another one (or Enter for none) comes next.
        assert re.search(r"(\[\+\]|\[\d+\]\.\w+)$", resumed[0]), resumed[:3]
        assert resumed[1] == stop_at, resumed[:3]
        resumed = resumed[1:]
    asked = [q.key for q in first.questions[:-1]] + resumed
    answered, script = whole
    assert asked == [q.key for q in script.questions]
    assert load_plan(path).plan == load_plan(answered).plan
