"""`smplan init` in a real pseudo-terminal: typed answers, Ctrl-C in step 4, then resuming."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from smplan.plan.files import load_plan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: The last line of a question: the label, then (how to answer), then [default], then ": ".
PROMPT = re.compile(r"\n([^\r\n]*?)(?: \([^\r\n()]*\))?(?: \[[^\r\n]*\])?: $")


class Terminal:
    """Drives `smplan` in a pseudo-terminal, answering questions by their label."""

    def __init__(self, *args: str, cwd: Path) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TERM": "dumb",
            "NO_COLOR": "1",
            "COLUMNS": "200",
        }
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "smplan", *args],
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            timeout=20,
            dimensions=(50, 200),
        )
        # Each answer waits for its question, so the default pause before sending is not needed.
        self.child.delaybeforesend = None
        self.labels: list[str] = []

    def next_question(self) -> str:
        self.child.expect(PROMPT)
        label = self.child.match.group(1).strip()
        self.labels.append(label)
        return label

    def answer(self, label: str, text: str) -> None:
        """Press Enter on every question until `label` is asked, then type `text`."""
        for _ in range(200):
            if self.next_question() == label:
                self.child.sendline(text)
                return
            self.child.sendline("")
        raise AssertionError(f"never asked {label!r}; asked {self.labels[-20:]}")

    def answers(self, pairs: list[tuple[str, str]]) -> None:
        for label, text in pairs:
            self.answer(label, text)

    def finish(self) -> int:
        """Press Enter on whatever is left, and return the exit status."""
        while self.child.expect([PROMPT, pexpect.EOF]) == 0:
            self.labels.append(self.child.match.group(1).strip())
            self.child.sendline("")
        self.child.close()
        return self.child.exitstatus


STEPS_1_TO_3 = [
    ("Title of the plan", "Plan 2027"),
    ("Organization", "Maison Fournil"),
    ("Author", "Sophie Lambert"),
    ("Date of this version", "2026-11-25"),
    ("Name", "Claire Morel"),  # the sponsor
    ("Add a team member?", "y"),
    ("Member id", "claire"),
    ("Name", "Claire Morel"),
    ("Department", "2"),
    ("Hours a week", "4"),
    ("Add another team member?", "y"),
    ("Member id", "julien"),
    ("Name", "Julien Roux"),
    ("Department", "customer_service"),
    ("Hours a week", "3"),
    ("Add another team member?", "n"),
    ("How the team meets", "Mondays, 30 minutes"),
    ("Add an approval rule?", "y"),
    ("Kind of content", "Posts"),
    ("Drafted by", "1"),
    ("Approved by", "2"),
    ("Add another approval rule?", "n"),
    ("Add a review?", "y"),
    ("How often", "monthly"),
    ("What is reviewed", "Metrics"),
    ("Led by", "1"),
    ("Add another review?", "n"),
    ("Add a customer need?", "y"),
    ("Need id", "stock"),
    ("The need", "Know whether bread is left"),
    ("Heard where", "Phone calls"),
    ("Evidence", "Ten calls a week"),
    ("Add another customer need?", "n"),
    ("Add a listening source?", "y"),
    ("Source", "Counter"),
    ("Online or offline", "offline"),
    ("Add another listening source?", "n"),
    ("Organization names 1", "Maison Fournil"),
    ("Executives 1", "-"),
    ("Themes 1", "sourdough"),
    ("Competitors 1", "-"),
    ("Partners 1", "-"),
    ("Brands and products 1", "-"),
    ("Slogans 1", "-"),
    ("Intellectual property 1", "-"),
    ("How facts are checked", "Look at the order book"),
    ("Add a response case?", "y"),
    ("Kind of message", "praise"),
    ("What to do", "Thank them"),
    ("Who answers", "julien"),
    ("Reply within", "24"),
    ("Add another response case?", "y"),
    ("Kind of message", "unhappy"),
    ("What to do", "Call them back"),
    ("Who answers", "julien"),
    ("Reply within", "4"),
    ("Add another response case?", "y"),
    ("Kind of message", "crisis"),
    ("What to do", "Call Claire"),
    ("Who answers", "claire"),
    ("Reply within", "1"),
    ("Add another response case?", "n"),
    ("Add an objective?", "y"),
    ("Objective id", "orders"),
    ("Family", "revenue"),
    ("The objective", "40 cake orders a month"),
    ("Primary objective", "y"),
    ("Deadline", "2027-06-30"),
    ("Add another objective?", "n"),
]

STEPS_4_TO_8 = [
    ("Add a metric?", "y"),
    ("Metric id", "orders-month"),
    ("Objective measured", "1"),
    ("Name", "Cake orders from social media"),
    ("What it tells about", "conversion"),
    ("Own definition", "Orders naming Instagram"),
    ("Value today", "unknown"),
    ("Target", "40"),
    ("Add another metric?", "n"),
    ("Add an audience segment?", "y"),
    ("Segment id", "families"),
    ("Name", "Local families"),
    ("Their needs", "stock"),
    ("Content that reaches them 1", "Behind the scenes"),
    ("Add another segment?", "n"),
    ("Philosophy", "Good bread takes time"),
    ("Add a conversation topic?", "y"),
    ("Topic", "Sourdough secrets"),
    ("Kind", "educational"),
    ("Add another topic?", "n"),
    ("Add a spokesperson?", "y"),
    ("Team member", "claire"),  # her name and role come with her
    ("Add another spokesperson?", "n"),
    ("Tone", "Warm"),
    ("Add a channel?", "y"),
    ("Platform", "Instagram"),
    ("Objectives served", "1"),
    ("Audiences reached", "1"),
    ("Add a content pillar?", "y"),
    ("Pillar", "Behind the scenes"),
    ("Kind", "entertaining"),
    ("Share of posts", "100"),
    ("Add another pillar?", "n"),
    ("Run by", "claire"),
    ("Hours a week", "3"),
    ("Add another channel?", "n"),
    ("Where Claire Morel appears", "1"),  # among the channels, once they exist
]


@pytest.mark.slow
def test_ctrl_c_in_step_4_keeps_steps_1_to_3_and_the_interview_resumes(tmp_path, smplan):
    plan = tmp_path / "plan.yaml"
    terminal = Terminal("init", "plan.yaml", "--lang", "en", cwd=tmp_path)
    terminal.answers(STEPS_1_TO_3)
    assert terminal.next_question() == "Add a metric?"
    terminal.child.sendcontrol("c")
    terminal.child.expect("To go on where you stopped: smplan init plan.yaml")
    terminal.child.expect(pexpect.EOF)
    terminal.child.close()
    assert terminal.child.exitstatus == 130

    saved = load_plan(plan).plan
    assert saved.project.organization == "Maison Fournil"
    assert [(m.id, m.department, m.hours_per_week) for m in saved.team.members] == [
        ("claire", "marketing", 4),
        ("julien", "customer_service", 3),
    ]
    assert saved.team.approvals[0].drafted_by == ["claire"]
    assert saved.listening.needs[0].need == "Know whether bread is left"
    assert saved.listening.playbook.cases[0].owner == "julien"
    assert [(o.id, o.family, o.primary, str(o.deadline)) for o in saved.objectives] == [
        ("orders", "revenue", True, "2027-06-30")
    ]
    assert saved.metrics is None

    resumed = Terminal("init", "plan.yaml", cwd=tmp_path)
    resumed.child.expect("Where the plan stands: 3 of 8 steps done")
    resumed.answers(STEPS_4_TO_8)
    # It goes on after the last answer (the objective's deadline), asking nothing before.
    assert resumed.labels[:2] == ["Add another objective?", "Add a metric?"]
    assert resumed.finish() == 0
    assert "Reopen a section? Its number, or Enter to finish" in resumed.labels

    final = load_plan(plan).plan
    assert final.metrics[0].objective == "orders"
    assert final.metrics[0].baseline == "unknown"
    assert final.audience[0].needs == ["stock"]
    spokesperson = final.human_face.spokespeople[0]
    assert (spokesperson.member, spokesperson.name, spokesperson.channels) == (
        "claire",
        "Claire Morel",
        ["Instagram"],
    )
    channel = final.channels[0]
    assert (channel.objectives, channel.audiences, channel.owner) == (
        ["orders"],
        ["families"],
        "claire",
    )
    check = smplan("check", plan)
    assert check.exit_code in (0, 1), check.output
