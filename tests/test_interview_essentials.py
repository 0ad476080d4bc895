"""The essentials path: a small business's complete first draft in one meeting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smplan.errors import Interrupted
from smplan.interview.questions import Block, Question
from smplan.interview.session import init
from smplan.plan.files import load_plan

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
    "project.date": "2026-11-25",
    "project.horizon": "2027-12-31",
    "team.members[+]": ["y", "y", "y", "n"],
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
    "listening.needs[+]": ["y", "y", "n"],
    "listening.needs[0].need": "Know whether bread is left before coming",
    "listening.needs[0].source": "Phone calls",
    "listening.needs[0].evidence": "Ten calls a week",
    "listening.needs[1].need": "Order a birthday cake ahead",
    "listening.needs[1].source": "Shop counter",
    "listening.needs[1].evidence": "Asked every Saturday",
    "listening.sources[+]": ["y", "y", "n"],
    "listening.sources[0].name": "Shop counter",
    "listening.sources[0].kind": "offline",
    "listening.sources[1].name": "Google reviews",
    "listening.sources[1].kind": "online",
    "listening.keywords.competitors": "Town Bakery",
    "listening.keywords.themes": "sourdough, local flour",
    "objectives[+]": ["y", "y", "n"],
    "objectives[0].statement": "Receive 40 cake orders a month through social media",
    "objectives[0].family": "revenue",
    "objectives[1].statement": "Answer every question online within a day",
    "objectives[1].family": "relationship",
    "metrics[0].target": "5",
    "metrics[1].target": "24",
    "audience[+]": ["y", "n"],
    "audience[0].name": "Neighbourhood families",
    "audience[0].demographics": "Parents aged 30-45 living within 2 km",
    "audience[0].content": "Behind the scenes, cake of the week",
    "value.philosophy": "Good bread takes time",
    "value.promise": "Know every day what comes out of the oven",
    "value.topics[+]": ["y", "y", "y", "n"],
    "value.topics[0].topic": "The secrets of a sourdough starter",
    "value.topics[0].kind": "educational",
    "value.topics[1].topic": "A day at the bakehouse",
    "value.topics[1].kind": "entertaining",
    "value.topics[2].topic": "Cake of the week",
    "value.topics[2].kind": "promotional",
    "human_face.spokespeople": "1, 2",
    "human_face.voice.tone": "Warm, simple, mouth-watering",
    "channels[+]": ["y", "y", "n"],
    "channels[0].platform": "Instagram",
    "channels[1].platform": "Facebook",
}


def test_a_small_business_gets_a_complete_plan_in_at_most_150_answers(tmp_path, smplan):
    path = tmp_path / "plan.yaml"
    script = Script(BAKERY)
    init(path, script, essentials=True)
    asked = len(script.questions)
    assert asked <= MOST_PROMPTS, [q.key for q in script.questions]

    plan = load_plan(path).plan
    check = smplan("check", str(path))
    assert check.exit_code == 0, check.output
    assert "8 of 8 steps complete" in check.output, check.output
    assert not re.search(r"SMP01[01]", check.output), check.output

    # Proposals built from earlier answers, accepted with Enter.
    assert plan.project.name == "Social media strategy 2027"
    assert plan.team.sponsor.name == "Claire Morel"
    assert [m.id for m in plan.team.members] == ["claire-morel", "julien-roux", "nina-petit"]
    assert plan.team.approvals[0].drafted_by == ["julien-roux"]
    assert plan.team.approvals[0].approved_by == "claire-morel"
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
    assert instagram.objectives == ["receive-40-cake", "answer-every-question"]
    assert instagram.metrics == [m.id for m in plan.metrics]
    assert [(p.name, p.kind, p.share) for p in instagram.pillars] == [
        ("Cake of the week", "promotional", 30),
        ("The secrets of a sourdough starter", "educational", 35),
        ("A day at the bakehouse", "entertaining", 35),
    ]
    assert facebook.audiences == ["neighbourhood-families"]

    # The README gives the count for this example.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"the whole plan took {asked} answers" in readme


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
    ["project.name", "team.sponsor", "listening.keywords.themes", "objectives[1].family"],
)
def test_the_essentials_resume_at_the_question_where_they_stopped(tmp_path, stop_at):
    path = tmp_path / "plan.yaml"
    first = Stopping(BAKERY, stop_at)
    with pytest.raises(Interrupted) as stopped:
        init(path, first, essentials=True)
    assert f"smplan init {path} --essentials" in str(stopped.value.hint)
    rest = Script(first.answers)  # what was not answered yet
    init(path, rest, essentials=True)
    resumed = [q.key for q in rest.questions]
    if resumed[0] != stop_at:
        # The last answer saved was a list's item: whether to add another comes next.
        assert resumed[0].endswith("[+]") and resumed[1] == stop_at, resumed[:3]
        resumed = resumed[1:]
    asked = [q.key for q in first.questions[:-1]] + resumed
    whole = Script(BAKERY)
    init(tmp_path / "whole.yaml", whole, essentials=True)
    assert asked == [q.key for q in whole.questions]
    assert load_plan(path).plan == load_plan(tmp_path / "whole.yaml").plan
