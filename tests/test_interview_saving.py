"""Saving answers: hand-written comments and layout survive, and no save is ever torn."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from smplan.plan.files import load_plan, parse_plan_text
from smplan.plan.model import Member, Need, Plan
from smplan.plan.roundtrip import PlanWriter, plain, splicing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)

HAND_WRITTEN = """\
# Plan for the bakery -- kept by hand between interviews.
smplan: 1
project:
  name: Plan 2027   # working title
  organization: Maison Fournil
team:
  members:
  - id: claire  # the founder
    name: Claire
    # Hours agreed with her in October.
    hours_per_week: 4  # not more

  # Julien joins in January.
  - id: julien
    name: "Julien"
  cadence: Mondays # 30 minutes
# Step 3 comes from the workshop of 12 November.
objectives:
- id: orders
  statement: '40 orders a month'
# end of plan
"""


def writer_for(text: str, path: Path) -> tuple[PlanWriter, Plan]:
    plan = parse_plan_text(text, str(path)).plan
    return PlanWriter(path, text, plan), plan


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_an_unchanged_plan_is_written_back_byte_for_byte(example, tmp_path):
    text = example.read_text(encoding="utf-8")
    writer, plan = writer_for(text, tmp_path / example.name)
    assert writer.render(plan) == text


def test_changes_land_in_place_and_every_comment_stays(tmp_path):
    writer, plan = writer_for(HAND_WRITTEN, tmp_path / "plan.yaml")
    plan.team.members[0].role = "Founder"
    plan.team.members[1].hours_per_week = 2
    plan.team.members.append(Member(id="zoe", name="Zoé"))
    plan.objectives[0].deadline = "2027-06-30"
    assert (
        writer.render(plan)
        == """\
# Plan for the bakery -- kept by hand between interviews.
smplan: 1
project:
  name: Plan 2027   # working title
  organization: Maison Fournil
team:
  members:
  - id: claire  # the founder
    name: Claire
    role: Founder
    # Hours agreed with her in October.
    hours_per_week: 4  # not more

  # Julien joins in January.
  - id: julien
    name: "Julien"
    hours_per_week: 2
  - id: zoe
    name: Zoé
  cadence: Mondays # 30 minutes
# Step 3 comes from the workshop of 12 November.
objectives:
- id: orders
  statement: '40 orders a month'
  deadline: 2027-06-30
# end of plan
"""
    )


def test_a_key_added_at_the_end_goes_before_the_comment_of_what_follows(tmp_path):
    writer, plan = writer_for(HAND_WRITTEN, tmp_path / "plan.yaml")
    plan.team.members[1].department = "sales"
    plan.team.approvals = []
    from smplan.plan.model import Review

    plan.team.reviews = [Review(what="Monthly report")]
    text = writer.render(plan)
    assert '    name: "Julien"\n    department: sales\n  cadence: Mondays # 30 minutes\n' in text
    assert (
        "  cadence: Mondays # 30 minutes\n"
        "  reviews:\n"
        "  - what: Monthly report\n"
        "# Step 3 comes from the workshop of 12 November.\n"
        "objectives:\n"
    ) in text


def test_removing_an_item_keeps_the_comments_of_the_others(tmp_path):
    writer, plan = writer_for(HAND_WRITTEN, tmp_path / "plan.yaml")
    del plan.team.members[1]
    text = writer.render(plan)
    assert "julien" not in text
    assert "  - id: claire  # the founder\n" in text
    assert "    hours_per_week: 4  # not more\n" in text
    assert parse_plan_text(text, "plan.yaml").plan == plan


def test_clearing_an_answer_removes_its_key(tmp_path):
    writer, plan = writer_for(HAND_WRITTEN, tmp_path / "plan.yaml")
    plan.project.name = None
    text = writer.render(plan)
    assert "Plan 2027" not in text
    assert text.startswith(
        "# Plan for the bakery -- kept by hand between interviews.\n"
        "smplan: 1\nproject:\n  organization: Maison Fournil\n"
    )


@pytest.mark.parametrize(
    "answer",
    ["no", "on", "Yes", "off", "1.10", "2027-01-01", "1_000", "null", "~", "12", "0x1F"]
    + ["para\u2029graph", "é \u00a0à", "«\u202fguillemets\u202f»"],
)
def test_text_answers_that_look_like_other_values_stay_text(answer, tmp_path):
    path = tmp_path / "plan.yaml"
    writer = PlanWriter(path)
    plan = Plan(smplan=1)
    plan.listening = {"trends": [answer], "needs": [Need(id="n1", need=answer)]}
    writer.save(plan)
    text = path.read_text()
    # PyYAML reads YAML 1.1, where `no` is false and `1_000` a number: the file must say text.
    data = yaml.safe_load(text)
    assert data["listening"]["trends"] == [answer]
    assert data["listening"]["needs"][0]["need"] == answer
    assert load_plan(path).plan == plan


@pytest.mark.parametrize(
    ("answer", "char"),
    [
        ("next\x85line", "U+0085"),
        ("two\nlines", "U+000A"),
        ("tab\there", "U+0009"),
        ("bell\x07", "U+0007"),
        ("2026\x1b[D\x1b[D", "U+001B"),
        ("del\x7f", "U+007F"),
    ],
)
def test_one_line_text_refuses_control_characters_and_line_breaks(answer, char):
    with pytest.raises(ValidationError) as raised:
        Need(id="n1", need=answer)
    (error,) = raised.value.errors()
    assert error["type"] == "control_character"
    assert error["msg"] == f"text holds a control character ({char}): type it again without it"


def test_multi_line_text_keeps_line_breaks_and_refuses_other_controls():
    assert Need(id="n1", evidence="ten calls\nfour emails").evidence == "ten calls\nfour emails"
    with pytest.raises(ValidationError, match=r"U\+001B"):
        Need(id="n1", evidence="ten calls\x1b[D")


@pytest.mark.parametrize("number", [1e15, -1e15, 1e-300, 0.1])
def test_any_number_the_model_holds_reads_back_the_same(number, tmp_path):
    path = tmp_path / "plan.yaml"
    plan = Plan.model_validate({"smplan": 1, "metrics": [{"id": "m", "target": number}]})
    PlanWriter(path).save(plan)
    assert load_plan(path).plan.metrics[0].target == number


def test_a_new_file_lists_fields_in_the_models_order_and_reads_back_the_same(tmp_path):
    path = tmp_path / "plan.yaml"
    plan = Plan.model_validate(
        {
            "smplan": 1,
            "project": {"organization": "Fournil", "language": "fr"},
            "team": {
                "members": [
                    {"id": "claire", "hours_per_week": 4.0, "responsibilities": []},
                    {"id": "julien", "hours_per_week": 1.5, "department": "sales"},
                ]
            },
            "objectives": [{"id": "orders", "deadline": "2027-06-30", "primary": True}],
            "listening": {"keywords": {"slogans": []}},
        }
    )
    assert PlanWriter(path).save(plan) is True
    assert (
        path.read_text()
        == """\
smplan: 1
project:
  organization: Fournil
  language: fr
  currency: EUR
team:
  members:
  - id: claire
    hours_per_week: 4
  - id: julien
    department: sales
    hours_per_week: 1.5
listening:
  keywords:
    slogans: []
objectives:
- id: orders
  primary: true
  deadline: 2027-06-30
"""
    )
    assert load_plan(path).plan == plan


def test_saving_an_unchanged_plan_does_not_touch_the_file(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(HAND_WRITTEN)
    plan = load_plan(path).plan
    writer = PlanWriter.open(path, plan)
    os.utime(path, (0, 0))
    assert writer.save(plan) is False
    assert path.stat().st_mtime == 0


def test_plain_data_leaves_out_unanswered_fields_but_keeps_an_explicit_none():
    plan = Plan.model_validate(
        {
            "smplan": 1,
            "team": {"sponsor": {}, "members": [{"id": "a", "hours_per_week": 2.0}]},
            "listening": {"keywords": {"themes": []}, "trends": []},
        }
    )
    assert plain(plan) == {
        "smplan": 1,
        "team": {"members": [{"id": "a", "hours_per_week": 2}]},
        "listening": {"keywords": {"themes": []}},
    }


# --- a save is never torn ---------------------------------------------------------------

_SAVER = """
import sys
from pathlib import Path
from smplan.plan.model import Plan
from smplan.plan.roundtrip import PlanWriter

path = Path(sys.argv[1])
plans = [Plan.model_validate({"smplan": 1, "project": {"name": name * 2000}})
         for name in ("old", "new")]
writer = PlanWriter(path)
writer.save(plans[0])
print("ready", flush=True)
turn = 1
while True:
    writer.save(plans[turn])
    turn = 1 - turn
"""


@pytest.mark.slow
def test_killing_the_process_while_it_saves_never_leaves_a_torn_file(tmp_path):
    path = tmp_path / "plan.yaml"
    script = tmp_path / "saver.py"
    script.write_text(_SAVER)
    names = {"old" * 2000, "new" * 2000}
    rng = random.Random(20271)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(8):
        process = subprocess.Popen(
            [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, env=env, cwd=ROOT
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.15))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        text = path.read_text(encoding="utf-8")
        assert text, "the plan file is empty"
        assert load_plan(path).plan.project.name in names


def _edits(plan: Plan) -> list[tuple[str, object]]:
    """Answers as the interview gives them: one field of one item, a new item, a key."""
    rng = random.Random(7)
    edits: list[tuple[str, object]] = []
    for _ in range(6):
        metric = rng.randrange(len(plan.metrics or [None]))
        edits.append((f"metrics.{metric}.name", f"Edited {rng.randrange(1000)}"))
    edits.append(("team.members.+", Member(id="zoe", name="Zoé", hours_per_week=1)))
    edits.append(("listening.needs.+", Need(id="new-need", need="A need, heard again")))
    edits.append(("team.cadence", "Every other Monday"))
    edits.append(("project.version", "2.1"))
    return edits


def _absent(example: Path, where: str) -> bool:
    """Whether the edit at `where` adds a key the example's file does not have."""
    *parents, last = where.split(".")
    node = yaml.safe_load(example.read_text(encoding="utf-8"))
    for part in parents:
        node = node[int(part)] if part.isdigit() else node.get(part, {})
    return last != "+" and last not in node


def _apply(plan: Plan, where: str, value: object) -> None:
    *parents, last = where.split(".")
    node: object = plan
    for part in parents:
        node = node[int(part)] if part.isdigit() else getattr(node, part)  # type: ignore[index]
    if last == "+":
        node.append(value)  # type: ignore[attr-defined]
    else:
        setattr(node, last, value)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_answer_rewrites_only_its_entry_as_the_whole_document_would(
    tmp_path, example, monkeypatch
):
    spliced = []
    original = splicing.splice

    def splice(*args):
        result = original(*args)
        spliced.append(result is not None)
        return result

    monkeypatch.setattr(splicing, "splice", splice)
    one_entry = tmp_path / "entry.yaml"
    whole = tmp_path / "whole.yaml"
    for path in (one_entry, whole):
        path.write_bytes(example.read_bytes())
    plans = [load_plan(path).plan for path in (one_entry, whole)]
    writers = [
        PlanWriter.open(path, plan) for path, plan in zip((one_entry, whole), plans, strict=True)
    ]
    for where, value in _edits(plans[0]):
        before = one_entry.read_text(encoding="utf-8").splitlines()
        for plan, writer in zip(plans, writers, strict=True):
            _apply(plan, where, value.model_copy() if isinstance(value, Member | Need) else value)
            if writer is writers[1]:
                writer._full_doc()  # this one rewrites the whole document every time
            writer.save(plan)
        after = one_entry.read_text(encoding="utf-8")
        assert after == whole.read_text(encoding="utf-8"), where
        assert plain(load_plan(one_entry).plan) == plain(plans[0]), where
        changed = [line for line in after.splitlines() if line not in before]
        assert len(changed) <= 3, (where, changed)
    # Every answer but one that adds a key to a step went through its entry alone.
    adds = sum(1 for where, _ in _edits(plans[0]) if _absent(example, where))
    assert spliced.count(True) == len(spliced) - adds, spliced
