"""Every CSV smplan writes opens in a spreadsheet as text: plan text that starts like a
formula is prefixed with `'` (OWASP's rule for CSV injection), and the schedulers' own
fields (posting times, dates) stay exactly as Buffer and Hootsuite read them."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from tests.processes import no_traceback, smplan

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"
#: What a spreadsheet would run, each put where the plan lets a person type it.
HOSTILE = {
    "Les étapes d'un pain au levain, de la veille au lendemain matin": (
        """'=HYPERLINK("http://x.test","clic")'"""
    ),
    "Lire une étiquette d'allergènes et choisir selon ses intolérances": '"+33 1 23 45 67 89"',
    "Les ratés et les réussites de l'apprenti": '"-20 % sur les croissants"',
    "      - name: Coulisses du fournil": '      - name: "@SUM(A1:A9)"',
    "name: Épiphanie, la galette des rois": "name: \"=cmd|' /C calc'!A0\"",
    "name: Hélène Maréchal\n": 'name: "+Hélène"\n',
}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    """Every CSV the calendar writes for a plan full of formulas, read back as cells."""
    folder = tmp_path_factory.mktemp("csv")
    text = BAKERY.read_text(encoding="utf-8")
    for typed, hostile in HOSTILE.items():
        assert typed in text, typed
        text = text.replace(typed, hostile, 1)
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    found: dict[str, list[list[str]]] = {}
    span = ["--from", "2027-01-04", "--to", "2027-01-31", "--past"]
    for fmt in ("csv", "buffer", "hootsuite"):
        ran = smplan("calendar", "plan.yaml", "-f", fmt, "-o", f"{fmt}/", *span, cwd=folder)
        no_traceback(ran)
        assert ran.code == 0, ran.output
        for path in sorted((folder / fmt).glob("*.csv")):
            data = path.read_bytes().decode("utf-8-sig")
            found[f"{fmt}/{path.name}"] = list(csv.reader(io.StringIO(data, newline="")))
    shutil.rmtree(folder)
    return found


def test_no_cell_of_any_csv_starts_a_formula(written):
    assert {name.split("/")[0] for name in written} == {"csv", "buffer", "hootsuite"}
    for name, rows in written.items():
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA), (name, cell)


def test_plan_text_that_looks_like_a_formula_is_kept_behind_a_quote(written):
    cells = {cell for rows in written.values() for row in rows for cell in row}
    assert "'@SUM(A1:A9)" in cells  # a pillar
    assert "'=cmd|' /C calc'!A0" in cells  # a campaign
    assert "'+Hélène" in cells  # an owner
    assert "'-20 % sur les croissants" in cells  # a topic
    buffer_tags = {
        row[2] for name, rows in written.items() if name.startswith("buffer/") for row in rows
    }
    assert "'@SUM(A1:A9)" in buffer_tags, "Buffer's tags column too"
    # Inside a cell, text is left as typed: a draft line shows the topic as it is.
    drafts = [
        row[0] for name, rows in written.items() if name.startswith("buffer/") for row in rows
    ]
    assert any('=HYPERLINK("http://x.test","clic")' in draft for draft in drafts)


def test_the_schedulers_own_fields_stay_exact(written):
    for name, rows in written.items():
        if name.startswith("buffer/"):
            assert rows[0] == ["Text", "Image URL", "Tags", "Posting Time"]
            for row in rows[1:]:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[3]), row
                assert row[1] == ""
        elif name.startswith("hootsuite/"):
            for row in rows:
                assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", row[0]), row
                assert row[2] == ""
        else:
            for row in rows[1:]:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0]), row
                assert re.fullmatch(r"\d{2}:\d{2}", row[1]), row
                assert row[2] == "Europe/Paris"
