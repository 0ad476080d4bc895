"""`smplan init` in a real terminal on prompt_toolkit: keys as a person presses them.

The interview runs in a pseudo-terminal that can edit lines (TERM=xterm): an answer is
corrected with the arrow keys, references are ticked in a multiple choice, Ctrl-C stops
in the middle of the channel step, and the next run resumes at exactly the next question.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

from terminals import ROOT, SHOW_CURSOR, spawn_init  # noqa: E402

from smplan.plan.files import load_plan  # noqa: E402

LEFT, DOWN, BACKSPACE, SPACE, ENTER = "\x1b[D", "\x1b[B", "\x7f", " ", "\r"
#: Control characters and escape sequences: none may reach the plan.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def base_plan(path: Path) -> None:
    """The bakery example, every step answered but the channel plan (chosen last)."""
    data = yaml.safe_load((ROOT / "examples" / "boulangerie.yaml").read_text(encoding="utf-8"))
    for key in ("channels", "campaigns"):
        data.pop(key, None)
    for person in data["human_face"]["spokespeople"]:
        person.pop("channels", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Terminal:
    """`smplan init` in a pseudo-terminal whose line editing is prompt_toolkit's."""

    def __init__(self, cwd: Path) -> None:
        self.child = spawn_init(pexpect, cwd, "--lang", "en", rows=40, columns=120)

    def at(self, label: str) -> None:
        """Wait for the question `label` on the screen, ready for keys (its cursor shown)."""
        self.child.expect(re.escape(label))
        # A line prompt shows its cursor once drawn; a list of choices keeps it hidden.
        self.child.expect([re.escape(SHOW_CURSOR), pexpect.TIMEOUT], timeout=1)
        # What is typed before the prompt reads its input would be lost, as in a terminal.
        time.sleep(0.2)

    def keys(self, *typed: str) -> None:
        self.child.send("".join(typed))

    def answer(self, label: str, *typed: str) -> None:
        self.at(label)
        self.keys(*typed, ENTER)


@pytest.mark.slow
def test_keys_in_a_real_terminal_edit_pick_stop_and_resume(tmp_path):
    plan = tmp_path / "plan.yaml"
    base_plan(plan)

    first = Terminal(tmp_path)
    # The first channel at once; a typo fixed with the arrow keys: "InstaXgram", four to
    # the left, the X erased.
    first.answer("Platform", "InstaXgram", LEFT * 4, BACKSPACE)
    first.answer("Handle", "@maisonmarechal")
    first.answer("Why this channel", "Show the bakehouse")
    # The objectives it serves, ticked among those of step 3: the first and the third.
    first.answer("Objectives served", SPACE, DOWN, DOWN, SPACE)
    first.at("Audiences reached")
    first.child.sendcontrol("c")  # in the middle of the channel step
    first.child.expect("To go on where you stopped: smplan init plan.yaml")
    first.child.expect(pexpect.EOF)
    first.child.close()
    assert first.child.exitstatus == 130

    stopped = load_plan(plan).plan.channels[0]
    assert (stopped.id, stopped.platform, stopped.objectives) == (
        "instagram",
        "Instagram",
        ["gateaux", "appels"],
    )
    assert stopped.audiences == []

    resumed = Terminal(tmp_path)
    resumed.child.expect("Where the plan stands")
    # Exactly the next question: nothing before it is asked again.
    resumed.child.expect(r"Audiences reached|Channel id|Platform|Add a channel\?")
    assert resumed.child.match.group(0) == "Audiences reached"
    resumed.keys(SPACE, DOWN, SPACE, ENTER)  # families and busy workers
    resumed.answer("Use this proposal?", "n")  # the pillars typed one by one instead
    resumed.answer("Pillar", "Behind the scenes")
    resumed.answer("Kind", "entert")  # filtered by typing, then chosen
    resumed.answer("Share of posts", "100 %")
    resumed.answer("Add another pillar?", "n")
    resumed.answer("Format 1", "Reels")
    resumed.answer("Format 2", "")
    resumed.answer("Posts a week", "4")
    resumed.answer("Posting slots", "")  # four, spread over the week, as proposed
    # Nothing answered yet: the list starts on "(leave empty)", below the last member.
    resumed.answer("Run by", DOWN, DOWN)  # the second member
    # He drafts under no approval rule yet: who approves his posts is asked (the manager).
    resumed.answer("Who approves the posts")
    resumed.answer("Hours a week", "3")
    resumed.answer("Budget a month", "")
    resumed.answer("Judged by", SPACE)
    resumed.answer("Platform", "")  # no other channel
    # The spokespeople's platforms, among the channels just chosen: all, as proposed.
    resumed.answer("appears", "")
    resumed.answer("appears", "")
    resumed.at("Reopen a section?")
    resumed.keys(ENTER)  # Enter finishes, as the question says
    resumed.child.expect(pexpect.EOF)
    resumed.child.close()
    assert resumed.child.exitstatus == 0, resumed.child.before

    text = plan.read_text(encoding="utf-8")
    assert not CONTROL.search(text)
    final = load_plan(plan).plan
    channel = final.channels[0]
    assert channel.id == "instagram"
    assert channel.platform == "Instagram"
    assert channel.handle == "@maisonmarechal"
    assert channel.purpose == "Show the bakehouse"
    assert channel.objectives == ["gateaux", "appels"]
    assert channel.audiences == ["familles", "actifs-presses"]
    assert [(p.name, p.kind, p.share) for p in channel.pillars] == [
        ("Behind the scenes", "entertaining", 100)
    ]
    assert channel.formats == ["Reels"]
    assert channel.posts_per_week == 4
    assert [s.day for s in channel.slots] == ["monday", "tuesday", "thursday", "saturday"]
    assert channel.owner == final.team.members[1].id
    assert any(channel.owner in rule.drafted_by for rule in final.team.approvals)
    assert channel.hours_per_week == 3
    assert channel.metrics == [final.metrics[0].id]
    assert [p.channels for p in final.human_face.spokespeople] == [["Instagram"], ["Instagram"]]
