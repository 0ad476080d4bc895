"""A theme dresses every document of a plan (full, summary, report, calendar): the logo,
the colours, the font, who it is prepared for and by, the confidentiality line; and the
paper follows the document's country unless asked otherwise."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

THEME = """\
logo: logo.png
colours: {brand: "#0b5d4b", accent: "#d9822b"}
font: {family: Lato}
prepared_for: The Maréchal family
prepared_by: Sophie Lambert Conseil
confidential: Confidential, for the bakery's team only
"""


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "#0b5d4b").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def dressed(tree) -> Path:
    """The bakery example, its results, and a theme beside it that the plan names."""
    plan = (EXAMPLES / "boulangerie.yaml").read_text(encoding="utf-8")
    plan = plan.replace("  currency: EUR\n", "  theme: brand/theme.yaml\n  currency: EUR\n", 1)
    assert "theme: brand/theme.yaml" in plan
    root = tree({"plan.yaml": plan, "brand/theme.yaml": THEME, "brand/logo.png": _png()})
    shutil.copy(EXAMPLES / "boulangerie.results.yaml", root / "plan.results.yaml")
    return root


def _dressed_like_the_theme(page: str, root: Path) -> None:
    """What a themed HTML page carries: its logo inside it, its colours, font and words."""
    assert re.search(r'<img class="[\w-]*logo" src="data:image/png;base64,[A-Za-z0-9+/=]+"', page)
    assert "--brand: #0b5d4b;" in page
    assert "The Maréchal family" in page
    assert "Confidential, for the bakery’s team only" in page  # set as French sets it
    # The file names no folder of the machine it was made on.
    assert str(root) not in page and "file:" not in page


def test_the_theme_the_plan_names_dresses_the_document_and_the_summary(dressed, smplan):
    result = smplan("render", dressed / "plan.yaml", "-f", "html")
    assert result.exit_code == 0, result.output
    page = (dressed / "plan.html").read_text(encoding="utf-8")
    _dressed_like_the_theme(page, dressed)
    assert "--accent: #d9822b;" in page
    assert 'html { font-family: "Lato", "smplan Sans"' in page
    assert "<dd>Sophie Lambert Conseil</dd>" in page  # prepared by, on the cover
    result = smplan("render", dressed / "plan.yaml", "-f", "html", "--summary")
    assert result.exit_code == 0, result.output
    _dressed_like_the_theme((dressed / "plan.summary.html").read_text(encoding="utf-8"), dressed)


def test_the_theme_dresses_the_report(dressed, smplan):
    result = smplan("report", dressed / "plan.yaml", "--period", "2027-02", "-f", "html")
    assert result.exit_code == 0, result.output
    page = (dressed / "plan.report-2027-02.html").read_text(encoding="utf-8")
    _dressed_like_the_theme(page, dressed)


def test_the_theme_dresses_the_calendar(dressed, smplan):
    result = smplan("calendar", dressed / "plan.yaml", "-f", "html", "--weeks", "2")
    assert result.exit_code == 0, result.output
    page = (dressed / "plan.calendar.html").read_text(encoding="utf-8")
    _dressed_like_the_theme(page, dressed)
    assert 'html { font-family: "Lato",' in page
    assert (
        '<p class="meta">Préparé pour\u00a0: The Maréchal family · Préparé par\u00a0: Sophie '
        "Lambert Conseil</p>"
    ) in page


def test_a_theme_on_the_command_line_wins_over_the_plan_s(dressed, smplan, tree):
    other = dressed / "other.yaml"
    other.write_text("colours: {brand: '#7a1b12'}\n", encoding="utf-8")
    result = smplan("render", dressed / "plan.yaml", "-f", "html", "--theme", other)
    assert result.exit_code == 0, result.output
    page = (dressed / "plan.html").read_text(encoding="utf-8")
    assert "--brand: #7a1b12;" in page and "#0b5d4b" not in page
    assert "data:image/png" not in page


def test_the_pdf_carries_the_logo_and_the_words_of_the_theme(dressed, smplan):
    result = smplan("render", dressed / "plan.yaml", "--summary", "-o", dressed / "s.pdf")
    assert result.exit_code == 0, result.output
    first = pypdf.PdfReader(dressed / "s.pdf").pages[0]
    assert list(first["/Resources"].get("/XObject", {}))  # the logo, an image
    text = " ".join(first.extract_text().split())
    assert "The Maréchal family" in text and "Confidential, for the bakery’s team only" in text


@pytest.mark.parametrize(
    ("theme", "files", "said"),
    [
        ("colours: {brand: blue}\n", {}, "is not valid: colours.brand"),
        ("banner: big.png\n", {}, "is not valid: banner"),
        ("logo: ../outside.png\n", {"outside.png": b"x"}, "which is not a file beside it"),
        ("logo: notes.txt\n", {"brand/notes.txt": "hello"}, "which is not an image or a font"),
        ("[oops\n", {}, "is not YAML"),
        (None, {}, "/brand/theme.yaml: No such file or directory\n"),
    ],
    ids=["colour", "unknown-key", "outside", "not-an-image", "not-yaml", "missing"],
)
def test_a_bad_theme_is_refused_with_what_is_wrong(tree, smplan, theme, files, said):
    plan = "smplan: 1\nproject:\n  organization: Acme\n  language: en\n  theme: brand/theme.yaml\n"
    theme_file = {} if theme is None else {"brand/theme.yaml": theme}
    root = tree({"plan.yaml": plan, **theme_file, **files})
    result = smplan("render", root / "plan.yaml", "-f", "html")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {root / 'plan.yaml'}: ")
    assert said in result.stderr and "theme" in result.stderr
    assert not (root / "plan.html").exists()


@pytest.mark.parametrize(
    ("language", "asked", "size"),
    [("en", None, "A4"), ("fr", None, "A4"), ("en_US", None, "letter"), ("en", "letter", "letter")],
)
def test_the_paper_follows_the_country_of_the_language_unless_asked(
    tree, smplan, language, asked, size
):
    root = tree(
        {"plan.yaml": f"smplan: 1\nproject:\n  organization: Acme\n  language: {language}\n"}
    )
    paper = ["--paper", asked] if asked else []
    result = smplan("render", root / "plan.yaml", "-f", "html", *paper)
    assert result.exit_code == 0, result.output
    assert f"@page {{ size: {size}; }}" in (root / "plan.html").read_text(encoding="utf-8")


def test_an_unknown_paper_is_a_usage_error(tree, smplan):
    root = tree({"plan.yaml": "smplan: 1\n"})
    result = smplan("render", root / "plan.yaml", "--paper", "a5")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown paper size: a5\nhint: use a4 or letter\n"
