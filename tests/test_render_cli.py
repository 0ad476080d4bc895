"""`smplan render` on the command line: where documents go, and how failures are told."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "boulangerie.yaml").read_text(encoding="utf-8")
PLAN = "smplan: 1\nproject:\n  organization: Acme\n  language: en\n"


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_the_document_goes_next_to_the_plan_by_default(tree, smplan):
    root = tree({"client/plan.yaml": PLAN})
    result = smplan("render", root / "client/plan.yaml", "--format", "md")
    assert result.exit_code == 0
    assert result.stdout == f"Wrote {root / 'client/plan.md'}.\n"
    assert (
        (root / "client/plan.md")
        .read_text(encoding="utf-8")
        .startswith("# Social media strategy\n\n**Acme**\n")
    )


def test_the_summary_gets_its_own_file_name(tree, smplan):
    root = tree({"plan.yaml": PLAN})
    result = smplan("render", root / "plan.yaml", "--format", "html", "--summary")
    assert result.exit_code == 0
    page = (root / "plan.summary.html").read_text(encoding="utf-8")
    # Unfinished is not a draft: the summary says points are open, the plan no draft.
    assert '<body class="summary-doc">' in page
    assert "Some points are still to be decided" in page


def test_the_output_extension_chooses_the_format(tree, smplan):
    root = tree({"plan.yaml": PLAN})
    result = smplan("render", root / "plan.yaml", "-o", root / "out/strategy.html")
    assert result.exit_code == 0, result.output
    assert (root / "out/strategy.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_format_that_contradicts_the_output_extension_is_refused(tree, smplan):
    root = tree({"plan.yaml": PLAN})
    result = smplan("render", root / "plan.yaml", "-f", "pdf", "-o", root / "plan.md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --format pdf does not match the extension of {root / 'plan.md'}\n"
        "hint: write to a .pdf file, or leave --format out\n"
    )


def test_an_output_folder_takes_the_plans_name(tree, smplan):
    root = tree({"plan.yaml": PLAN, "docs/.keep": ""})
    result = smplan("render", root / "plan.yaml", "-f", "md", "-o", root / "docs")
    assert result.exit_code == 0
    assert (root / "docs/plan.md").exists()


def test_several_plans_render_into_one_folder_in_parallel(tree, smplan):
    root = tree({"a.yaml": PLAN, "b.yaml": EXAMPLE, "c.yaml": PLAN})
    paths = [root / n for n in ("a.yaml", "b.yaml", "c.yaml")]
    result = smplan("render", *paths, "-f", "md", "--jobs", "2", "-o", root / "out")
    assert result.exit_code == 0, result.output
    # Each plan's line is in its own language: b is the French bakery.
    assert result.stdout.splitlines() == [
        f"Wrote {root / 'out/a.md'}.",
        f"{root / 'out/b.md'} écrit.",
        f"Wrote {root / 'out/c.md'}.",
    ]
    assert (
        (root / "out/b.md")
        .read_text(encoding="utf-8")
        .startswith("# Stratégie réseaux sociaux 2027\n")
    )


def test_a_failing_plan_in_a_batch_is_reported_and_the_others_are_written(tree, smplan):
    root = tree({"a.yaml": PLAN, "bad.yaml": "smplan: 1\nteam: 3\n", "c.yaml": PLAN})
    paths = [root / n for n in ("a.yaml", "bad.yaml", "c.yaml")]
    result = smplan("render", *paths, "-f", "md")
    assert result.exit_code == 1
    assert result.stdout == f"Wrote {root / 'a.md'}.\nWrote {root / 'c.md'}.\n"
    lines = result.stderr.splitlines()
    # Each document written is followed by what it lists as still open; then the failure.
    opened = [line for line in lines if "points are still open" in line]
    assert [line.split(":")[0] for line in opened] == [str(root / "a.yaml"), str(root / "c.yaml")]
    assert [line for line in lines if not line.startswith("  - ") and line not in opened][
        0
    ].startswith(f"{root / 'bad.yaml'}:2:7: team: ")
    assert not (root / "bad.md").exists()


def test_a_single_plan_that_does_not_fit_the_format_exits_1(tree, smplan):
    root = tree({"bad.yaml": "smplan: 1\nteam: 3\n"})
    result = smplan("render", root / "bad.yaml", "-f", "md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{root / 'bad.yaml'}:2:7: team: ")


def test_a_missing_plan_exits_2(tree, smplan):
    root = tree({})
    result = smplan("render", root / "nope.yaml", "-f", "md")
    assert result.exit_code == 2
    assert result.stderr == f"{root / 'nope.yaml'}: no such file\n"


def test_several_plans_need_an_output_folder_not_a_file(tree, smplan):
    root = tree({"a.yaml": PLAN, "b.yaml": PLAN, "out.md": ""})
    result = smplan("render", root / "a.yaml", root / "b.yaml", "-f", "md", "-o", root / "out.md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: with several plans, -o must be a folder, and {root / 'out.md'} is a file\n"
        "hint: give a folder, or render the plans one at a time\n"
    )


def test_two_plans_of_the_same_name_cannot_share_an_output_folder(tree, smplan):
    root = tree({"x/plan.yaml": PLAN, "y/plan.yaml": PLAN})
    result = smplan(
        "render", root / "x/plan.yaml", root / "y/plan.yaml", "-f", "md", "-o", root / "out"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {root / 'x/plan.yaml'} and {root / 'y/plan.yaml'} would both be written to "
        f"{root / 'out/plan.md'}\n"
    )


def test_a_document_never_overwrites_its_plan(tree, smplan):
    root = tree({"plan.md": PLAN})
    result = smplan("render", root / "plan.md", "-f", "md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {root / 'plan.md'}: the document would overwrite the plan itself\n"
        "hint: give -o another name\n"
    )
    assert (root / "plan.md").read_text(encoding="utf-8") == PLAN


def test_a_missing_template_folder_is_a_usage_error(tree, smplan):
    root = tree({"plan.yaml": PLAN})
    result = smplan("render", root / "plan.yaml", "-f", "md", "--template-dir", root / "nope")
    assert result.exit_code == 2
    assert result.stderr == f"error: template folder not found: {root / 'nope'}\n"


def test_an_unknown_format_is_refused_with_the_formats_there_are(tree, smplan):
    root = tree({"plan.yaml": PLAN})
    result = smplan("render", root / "plan.yaml", "--format", "odt")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: the document is written as md, html, pdf or docx, not odt\n"
        "hint: use one of: md, html, pdf, docx\n"
    )
