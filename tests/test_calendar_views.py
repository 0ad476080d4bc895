"""The calendar and the weekly sheet to read come from templates, as the document does: a
brand's templates and stylesheet apply to them, and the standalone HTML is styled."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from smplan.calendar import build_calendar
from smplan.plan.files import load_plan
from smplan.render.calendar_formats import CalendarOptions, render_calendar, render_sheet
from smplan.render.theme import Theme

ROOT = Path(__file__).resolve().parent.parent
BAKERY = ROOT / "examples" / "boulangerie.yaml"
#: The week of Whit Monday and the Mother's Day campaign.
WEEK = ["--from", "2027-05-17", "--weeks", "1"]
#: A brand colour no built-in style uses.
WINE = "#7a1f3d"


def shown(html: str) -> str:
    """The text a browser shows of an HTML page, its spaces as they look."""
    body = html.split("<body", 1)[1].split(">", 1)[1]
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def brand(tmp_path: Path) -> Path:
    """A brand's folder of templates: its own masthead and stylesheets."""
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "calendar.md.j2").write_text(
        '{% extends "builtin/calendar.md.j2" %}\n'
        "{% block masthead %}\n# Fournil Maréchal — {{ t.calendar }}\n\n{% endblock %}\n",
        encoding="utf-8",
    )
    (folder / "style.css").write_text(f"h2 {{ color: {WINE}; }}\n", encoding="utf-8")
    (folder / "calendar.css").write_text(
        f".post {{ border-left: 3pt solid {WINE}; }}\n", encoding="utf-8"
    )
    return folder


def test_a_brands_templates_and_stylesheet_dress_the_calendar_and_the_sheet(
    smplan, tmp_path, brand
):
    md = tmp_path / "week.md"
    result = smplan("calendar", BAKERY, *WEEK, "--template-dir", brand, "-o", md)
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Fournil Maréchal — Calendrier éditorial\n")
    assert "## Mai 2027" in text  # the blocks the brand leaves are the built-in ones
    for name, args in (("week.html", []), ("sheet.html", ["--sheet"])):
        out = tmp_path / name
        done = smplan("calendar", BAKERY, *WEEK[:2], *args, "--template-dir", brand, "-o", out)
        assert done.exit_code == 0, done.output
        page = out.read_text(encoding="utf-8")
        assert f"h2 {{ color: {WINE}; }}" in page
        assert f".post {{ border-left: 3pt solid {WINE}; }}" in page
        assert "smplan document stylesheet" not in page  # the brand's replaces the built-in


# Printed as a person prints the page: WeasyPrint warns that it subsets fonts the slow way.
@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_the_standalone_calendar_is_styled_and_prints_a_week_across_a_page(smplan, tmp_path):
    from weasyprint import HTML

    out = tmp_path / "week.html"
    assert smplan("calendar", BAKERY, *WEEK, "-f", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "smplan document stylesheet" in page and "table.month" in page
    assert '<body class="calendar-doc">' in page
    text = shown(page)
    # The legend names each kind its colour stands for; Whit Monday is on its day.
    assert "éducatif divertissant conversationnel promotionnel" in text
    assert "17 Lundi de Pentecôte 8 h Google Business Profile · Horaires et pain du jour" in text
    pdf = PdfReader(io.BytesIO(HTML(string=page).write_pdf()))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert box.width > box.height  # seven columns across the page
    printed = " ".join(pdf.pages[0].extract_text().split())
    assert "Lundi de Pentecôte" in printed and "Fête des mères" in printed


def test_a_theme_given_to_the_pages_puts_its_logo_on_them():
    plan = load_plan(BAKERY).plan
    calendar = build_calendar(plan, dt.date(2027, 5, 17), dt.date(2027, 5, 23))
    logo = "data:image/png;base64,iVBORw0KGgo="
    dressed = CalendarOptions(lang="fr", dress={"brand": Theme(logo=logo)})
    for options, expected in ((dressed, 1), (CalendarOptions(lang="fr"), 0)):
        page = render_calendar(calendar, "html", options).files[0].data.decode("utf-8")
        assert page.count(f'<img class="masthead-logo" src="{logo}" alt="">') == expected
        sheet = render_sheet(plan, calendar, "html", options).data.decode("utf-8")
        assert sheet.count('class="masthead-logo"') == expected * sheet.count('class="sheet"')


def test_the_weekly_sheet_in_html_gives_each_person_a_page_with_their_monitoring(smplan, tmp_path):
    out = tmp_path / "sheet.html"
    result = smplan("calendar", BAKERY, "--sheet", *WEEK[:2], "--lang", "en", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    sections = [shown("<body>" + s) for s in page.split('<section class="sheet">')[1:]]
    assert [s.split(" Posts this week")[0].removeprefix("Week of 17 May 2027 ") for s in sections][
        :2
    ] == [
        "Hélène Maréchal Cogérante, responsable de la boutique et de la communication",
        "Thomas Maréchal Artisan boulanger, cogérant",
    ]
    camille = next(s for s in sections if "Camille Roux" in s)
    assert "Monitor what is said about us and our keywords, about 1 h a week (Google Alerts" in (
        camille
    )
    assert "Read the monitoring dashboard (weekly)" in camille


def test_a_broken_calendar_template_is_named_at_its_line(smplan, tmp_path, brand):
    (brand / "calendar.html.j2").write_text(
        '{% extends "builtin/calendar.html.j2" %}\n{% block months %}\n{{ doc.nothing.here }}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    out = tmp_path / "week.html"
    result = smplan("calendar", BAKERY, *WEEK, "--lang", "en", "--template-dir", brand, "-o", out)
    assert result.exit_code == 2
    assert f"{brand}/calendar.html.j2:3: template error:" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_french_pages_write_times_as_prose_does_and_machine_files_as_their_format(
    smplan, tmp_path
):
    plan = Path(__file__).resolve().parent.parent / "examples" / "caisse-regionale.yaml"
    span = ["--from", "2027-03-01", "--weeks", "1"]
    assert smplan("calendar", plan, *span, "-o", tmp_path / "cal.md").exit_code == 0
    grid = (tmp_path / "cal.md").read_text(encoding="utf-8")
    assert "<br>12\u00a0h\u00a015 Facebook · " in grid
    assert "<br>18\u00a0h Facebook · " in grid
    assert not re.search(r"\d\d:\d\d", grid)
    assert smplan("calendar", plan, *span, "-o", tmp_path / "cal.csv").exit_code == 0
    rows = (tmp_path / "cal.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(",12:15," in row for row in rows)


def test_a_post_shows_its_own_wall_time_after_the_same_instant_elsewhere():
    # 16:00 in Paris and 15:00 in London are one instant: a grid of each plan shows its
    # own clock, whichever was written first in the same run.
    from zoneinfo import ZoneInfo

    from smplan.render.typography import clock

    paris = dt.datetime(2026, 11, 19, 16, 0, tzinfo=ZoneInfo("Europe/Paris"))
    london = dt.datetime(2026, 11, 19, 15, 0, tzinfo=ZoneInfo("Europe/London"))
    assert paris == london
    assert [clock(paris, "en"), clock(london, "en")] == ["16:00", "15:00"]
    assert [clock(london, "fr"), clock(paris, "fr")] == ["15\u00a0h", "16\u00a0h"]
