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
    ("Name", "Claire Morel"),  # the first member: no "add a member?" first
    ("Department", "2"),
    ("Hours a week", "4"),
    ("Name", "Julien Roux"),
    ("Department", "customer_service"),
    ("Hours a week", "3"),
    ("How the team meets", "Mondays, 30 minutes"),
    ("Use this proposal? (no: answer item by item)", "n"),
    ("Kind of content", "Posts"),
    ("Drafted by", "1"),
    ("Approved by", "2"),
    ("Add another approval rule?", "n"),
    ("The need", "Know whether bread is left"),
    ("Heard where", "Phone calls"),
    ("Evidence", "Ten calls a week"),
    ("Source", "Counter"),
    ("Online or offline", "offline"),
    ("Add another listening source?", "n"),
    ("Organization names", "Maison Fournil"),
    ("Executives", "-"),
    ("Themes", "sourdough"),
    ("Competitors", "-"),
    ("Partners", "-"),
    ("Brands and products", "-"),
    ("Slogans", "-"),
    ("Intellectual property", "-"),
    ("How facts are checked", "Look at the order book"),
    ("Use this proposal? (no: answer item by item)", "n"),
    ("Kind of message", "praise"),
    ("What to do", "Thank them"),
    ("Who answers", "Julien Roux"),
    ("Reply within", "24"),
    ("Add another response case?", "y"),
    ("Kind of message", "unhappy"),
    ("What to do", "Call them back"),
    ("Who answers", "2"),
    ("Reply within", "4"),
    ("Add another response case?", "y"),
    ("Kind of message", "crisis"),
    ("What to do", "Call Claire"),
    ("Who answers", "Claire Morel"),
    ("Reply within", "1"),
    ("Add another response case?", "n"),
    ("The objective", "40 cake orders a month"),
    ("Family", "revenue"),
    ("Primary objective", "y"),
    ("Deadline", "2027-06-30"),
    ("The objective", ""),  # no other objective
]

STEPS_4_TO_8 = [
    ("The objective", ""),
    ("Name", "Cake orders from social media"),
    ("Objective measured", "1"),
    ("What it tells about", "conversion"),
    ("Own definition", "Orders naming Instagram"),
    ("Value today", "unknown"),
    ("Target", "40"),
    ("Name", ""),  # no other metric
    ("Name", "Local families"),
    ("Their needs", "1"),
    ("Content that reaches them", "Behind the scenes"),
    ("Philosophy", "Good bread takes time"),
    ("Topic", "Sourdough secrets"),
    ("Kind", "educational"),
    ("Add another topic?", "n"),
    ("Add a spokesperson?", "y"),
    ("Team member", "1"),  # her name and role come with her
    ("Add another spokesperson?", "n"),
    ("Tone", "Warm"),
    ("Platform", "Instagram"),
    ("Objectives served", "1"),
    ("Audiences reached", "1"),
    ("Use this proposal? (no: answer item by item)", "n"),
    ("Pillar", "Behind the scenes"),
    ("Kind", "entertaining"),
    ("Share of posts", "100"),
    ("Add another pillar?", "n"),
    ("Run by", "1"),
    ("Hours a week", "3"),
    ("Where Claire Morel appears", "1"),  # among the channels, once they exist
]


@pytest.mark.slow
def test_ctrl_c_in_step_4_keeps_steps_1_to_3_and_the_interview_resumes(tmp_path, smplan):
    plan = tmp_path / "plan.yaml"
    terminal = Terminal("init", "plan.yaml", "--lang", "en", cwd=tmp_path)
    terminal.answers(STEPS_1_TO_3)
    assert terminal.next_question() == "Name"  # the first metric's
    terminal.child.sendcontrol("c")
    terminal.child.expect("To go on where you stopped: smplan init plan.yaml")
    terminal.child.expect(pexpect.EOF)
    terminal.child.close()
    assert terminal.child.exitstatus == 130

    saved = load_plan(plan).plan
    assert saved.project.organization == "Maison Fournil"
    assert [(m.id, m.department, m.hours_per_week) for m in saved.team.members] == [
        ("claire-morel", "marketing", 4),
        ("julien-roux", "customer_service", 3),
    ]
    assert saved.team.approvals[0].drafted_by == ["claire-morel"]
    assert saved.listening.needs[0].need == "Know whether bread is left"
    assert [c.owner for c in saved.listening.playbook.cases] == [
        "julien-roux",
        "julien-roux",
        "claire-morel",
    ]
    assert [(o.id, o.family, o.primary, str(o.deadline)) for o in saved.objectives] == [
        ("40-cake-orders", "revenue", True, "2027-06-30")
    ]
    assert saved.metrics is None

    resumed = Terminal("init", "plan.yaml", cwd=tmp_path)
    resumed.child.expect("Where the plan stands: 3 of 8 steps done")
    resumed.answers(STEPS_4_TO_8)
    # It goes on after the last answer (the objective's deadline), asking nothing before.
    assert resumed.labels[:2] == ["The objective", "Name"]
    assert resumed.finish() == 0
    assert "Reopen a section? Its number, or Enter to finish" in resumed.labels

    final = load_plan(plan).plan
    assert final.metrics[0].objective == "40-cake-orders"
    assert final.metrics[0].baseline == "unknown"
    assert final.audience[0].needs == ["know-whether-bread"]
    spokesperson = final.human_face.spokespeople[0]
    assert (spokesperson.member, spokesperson.name, spokesperson.channels) == (
        "claire-morel",
        "Claire Morel",
        ["Instagram"],
    )
    channel = final.channels[0]
    assert (channel.objectives, channel.audiences, channel.owner) == (
        ["40-cake-orders"],
        ["local-families"],
        "claire-morel",
    )
    check = smplan("check", plan)
    assert check.exit_code in (0, 1), check.output
