"""Where `smplan render -o` puts documents: a file, or a folder it creates."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_a_path_ending_in_a_slash_is_a_folder_created_for_the_document(smplan, tmp_path):
    folder = tmp_path / "out" / "docs"
    result = smplan("render", EXAMPLES / "boulangerie.yaml", "-f", "md", "-o", f"{folder}/")
    assert result.exit_code == 0, result.output
    assert (folder / "boulangerie.md").is_file()
    assert result.stdout == f"{folder / 'boulangerie.md'} écrit.\n"  # in the plan's French


def test_several_plans_go_into_a_folder_created_on_demand(smplan, tmp_path):
    folder = tmp_path / "batch"
    result = smplan(
        "render",
        EXAMPLES / "boulangerie.yaml",
        EXAMPLES / "b2b-software.yaml",
        "-f",
        "md",
        "-o",
        folder,
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["b2b-software.md", "boulangerie.md"]
