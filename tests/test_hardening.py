"""Faults and attacks a plan, a path or a terminal can bring: each ends in a clear message.

Every case here once ended in a hang, a lost file, a replaced device, a terminal driven
by plan text, or an internal error. Each test asserts what the user sees.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# --- bounded work on unknown references -------------------------------------------------


def dangling_plan(count: int) -> str:
    """A plan naming `count` team members that do not exist, among `count` that do."""
    members = [
        {
            "id": f"member-{i}",
            "name": f"Member {i}",
            "role": "Baker",
            "department": "operations",
            "responsibilities": ["Bakes"],
            "hours_per_week": 1,
        }
        for i in range(count)
    ]
    drafted = [f"zz{i}-nobody" for i in range(count)]
    data = {
        "smplan": 1,
        "team": {"members": members, "approvals": [{"content": "Posts", "drafted_by": drafted}]},
    }
    return yaml.safe_dump(data, sort_keys=False)


def test_thousands_of_dangling_references_give_a_bounded_report(smplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text(dangling_plan(3000), encoding="utf-8")

    result = smplan("check", "plan.yaml")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.output.encode()) < 1024 * 1024
    unknown = [line for line in result.stdout.splitlines() if "SMP001" in line]
    assert len(unknown) == 3000
    assert unknown[0].endswith(
        "unknown team member `zz0-nobody` (hint: known team members: member-0, member-1, "
        "member-2, member-3, member-4, member-5, member-6, member-7, member-8, member-9, "
        "member-10, member-11 and 2988 more)"
    ), unknown[0]


def test_a_near_miss_among_thousands_of_ids_is_still_suggested(smplan, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(dangling_plan(3000).replace("zz1234-nobody", "membre-1234"))

    result = smplan("check", plan)

    assert "unknown team member `membre-1234` (hint: did you mean `member-1234`?)" in result.stdout


def test_the_hint_counts_what_it_leaves_out_in_french():
    from smplan.checks import run_checks
    from smplan.plan.model import Plan

    plan = Plan.model_validate(yaml.safe_load(dangling_plan(20)))

    hints = [str(f.hint) for f in run_checks(plan, lang="fr") if f.code == "SMP001"]

    assert len(hints) == 20
    assert hints[0].endswith(", member-11 et 8 autres"), hints[0]
