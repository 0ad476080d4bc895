"""What a person writes reaches the document whole: every text of the plan in every format,
no two values run together, platforms named as they name themselves, budgets over the
plan's real span, and French typography in French documents.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pydantic import BaseModel

from smplan.plan.files import load_plan
from smplan.plan.meta import Holds, Ref, fields, marker, submodel, without_none
from smplan.plan.model import Plan
from smplan.render.formats import RenderOptions, render_plan
from smplan.render.typography import NBSP, NNBSP, french

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if not p.name.endswith(".results.yaml")
)
examples = pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])

#: The str fields that hold no words of the person's: each one is shown another way.
#: Ids and references (`Ref`) are exempt as a class, below: the document shows what they
#: name by its name (a member by their name, an objective by its statement).
NOT_PROSE = {
    ("channels", "*", "slots", "*", "time"): "a time of day (HH:MM), shown in the calendar",
    ("project", "language"): "the language the document is written in",
    ("project", "timezone"): "a time zone name, which dates the calendar's posts",
    ("project", "currency"): "an ISO 4217 code, shown as the currency of every amount",
    ("calendar", "markets"): "country codes, shown as their public holidays' names",
    ("calendar", "durations", "*", "format"): "a format's name, shown as its posts' length",
    ("project", "theme"): "a file name: the theme it names dresses the document",
}


def _is_prose(annotation: Any) -> bool:
    """Whether a type is one of the model's text types (Text, Prose), which refuse controls."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        if any(hasattr(getattr(m, "func", None), "refuses") for m in extra):
            return True
        return _is_prose(base)
    return any(_is_prose(arg) for arg in typing.get_args(annotation))


def _string_kind(info: Any) -> str | None:
    """'one' or 'many' for a field holding a str or a list of them, else None."""
    annotation = without_none(info.annotation)
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
        many = True
    else:
        many = False
    base = without_none(annotation)
    if base is str:
        return "many" if many else "one"
    if typing.get_origin(base) is typing.Annotated and typing.get_args(base)[0] is str:
        return "many" if many else "one"
    return None


def _text_fields() -> dict[tuple[str, ...], tuple[str, bool]]:
    """Every str field reachable from the plan: path -> (one or many, written by a person)."""
    found = {}
    for f in fields(Plan):
        kind = _string_kind(f.info)
        if kind is None:
            continue
        exempt = f.name == "id" or marker(f.info, Ref) is not None
        exempt = exempt or f.path in NOT_PROSE
        found[f.path] = (kind, not exempt and _is_prose(f.info.annotation))
    return found


def test_every_str_field_is_prose_or_exempt_for_a_stated_reason():
    """A new str field that is not Text or Prose needs a decision here, not silence."""
    undecided = [
        f.path
        for f in fields(Plan)
        if _string_kind(f.info)
        and not _is_prose(f.info.annotation)
        and f.name != "id"
        and marker(f.info, Ref) is None
        and f.path not in NOT_PROSE
    ]
    assert undecided == []
    assert set(NOT_PROSE) <= set(_text_fields())


class _Markers:
    def __init__(self) -> None:
        self.given: dict[str, tuple[str, ...]] = {}

    def new(self, path: tuple[str, ...]) -> str:
        mark = f"MK{len(self.given) + 1:04d}"
        self.given[mark] = path
        return mark


#: Values for the fields that are not free text, chosen so that every part prints.
FIXED: dict[tuple[str, ...], Any] = {
    ("project", "language"): "en",
    ("project", "timezone"): "Europe/Paris",
    ("project", "currency"): "EUR",
    ("project", "date"): dt.date(2026, 11, 2),
    ("project", "horizon"): dt.date(2027, 3, 31),
    ("campaigns", "*", "start"): dt.date(2026, 11, 10),
    ("campaigns", "*", "end"): dt.date(2026, 11, 20),
    ("channels", "*", "slots", "*", "time"): "09:00",
    ("listening", "listening_only"): False,
    ("project", "theme"): None,
    ("objectives", "*", "primary"): True,
    ("calendar", "markets"): ["FR"],
    ("calendar", "durations", "*", "format"): "Reels",
}


def _plan_with_markers() -> tuple[Plan, _Markers]:
    """A plan with one of each thing, every text filled with its own marker."""
    marks = _Markers()
    texts = _text_fields()
    ids = {}
    for f in fields(Plan):
        holds = marker(f.info, Holds)
        if holds:
            ids[holds.kind] = "mk-" + holds.kind.key.replace(" ", "-")

    def build(model: type[BaseModel], base: tuple[str, ...]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            path = (*base, name)
            if path in FIXED:
                data[name] = FIXED[path]
                continue
            ref = marker(info, Ref)
            if ref is not None:
                many = typing.get_origin(without_none(info.annotation)) is list
                data[name] = [ids[ref.kind]] if many else ids[ref.kind]
                continue
            if name == "id":
                kind = next((k for k, v in ids.items() if _holder(k) == base[:-1]), None)
                data[name] = ids[kind] if kind else "mk-channel"
                continue
            inner, many = submodel(info)
            if inner is not None:
                data[name] = [build(inner, (*path, "*"))] if many else build(inner, path)
                continue
            if path in texts:
                kind, _ = texts[path]
                data[name] = [marks.new(path)] if kind == "many" else marks.new(path)
                continue
            data[name] = _sample(info.annotation)
        return data

    plan = Plan.model_validate(build(Plan, ()))
    return plan, marks


def _holder(kind: Any) -> tuple[str, ...]:
    return next(f.path for f in fields(Plan) if (m := marker(f.info, Holds)) and m.kind == kind)


def _sample(annotation: Any) -> Any:
    """A plain valid value of a non-text type: the first of an enum, 1, a date, False."""
    annotation = without_none(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is typing.Union:
        return _sample(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is list:
        return [_sample(typing.get_args(annotation)[0])]
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return False
        if issubclass(annotation, int | float):
            return 1
        if issubclass(annotation, dt.date):
            return dt.date(2027, 3, 31)
        members = getattr(annotation, "__members__", None)
        if members:
            return next(iter(members.values())).value
    raise AssertionError(f"no sample value for {annotation!r}")


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module", params=["dated", "undated"])
def marked(request) -> tuple[Plan, _Markers]:
    """The plan with markers; undated, it has no posting slot, so no calendar of posts:
    its campaigns must be printed all the same."""
    plan, marks = _plan_with_markers()
    if request.param == "undated":
        for channel in plan.channels:
            channel.slots = []
    return plan, marks


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_every_text_written_reaches_the_document(marked, fmt):
    plan, marks = marked
    # Every text field was filled: the walk reached each one.
    assert len(marks.given) == sum(prose for _, prose in _text_fields().values()) > 50
    output = render_plan(plan, RenderOptions(fmt=fmt))
    text = _pdf_text(output) if isinstance(output, bytes) else output
    missing = {
        mark: ".".join(path)
        for mark, path in marks.given.items()
        if not re.search(rf"{mark}(?!\d)", text)
    }
    assert missing == {}
    # A posting slot's time, exempt as a text, is there as the calendar prints it.
    dated = any(c.slots for c in plan.channels)
    assert ("09:00" in text) == dated


# --- No two values run together -----------------------------------------------------------


class _CellTexts(HTMLParser):
    """Table cells and definitions whose text runs across a bare line break."""

    SEPARATE = {"br", "li", "ul", "ol", "p", "div"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str | None] | None = None
        self.joined: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("td", "th", "dd"):
            self.parts = []
        elif self.parts is not None and tag in self.SEPARATE:
            self.parts.append(None)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "dd") and self.parts is not None:
            parts, self.parts = self.parts, None
            for i, data in enumerate(parts):
                if data and re.search(r"\S[ \t]*\n\s*\S", data):
                    self.joined.append(data)
                    return
                around = parts[i - 1 : i + 2] if i > 0 else []
                if (
                    data is not None
                    and not data.strip()
                    and "\n" in data
                    and len(around) == 3
                    and all(p and p.strip() for p in (around[0], around[2]))
                ):
                    self.joined.append(f"{around[0]}|{around[2]}")
                    return
        elif self.parts is not None and tag in self.SEPARATE:
            self.parts.append(None)

    def handle_data(self, data: str) -> None:
        if self.parts is not None:
            self.parts.append(data)


@examples
def test_no_bare_line_break_joins_two_values_in_a_cell(path):
    cells = _CellTexts()
    cells.feed(render_plan(load_plan(path).plan, RenderOptions(fmt="html")))
    assert cells.joined == []


def test_the_cell_check_sees_two_values_joined_by_a_newline():
    cells = _CellTexts()
    cells.feed("<table><tr><td>keep\nOur best channel</td><td>a<br>\nb</td></tr></table>")
    assert cells.joined == ["keep\nOur best channel"]


# --- Names and figures as a reader expects them ------------------------------------------


def _example(name: str) -> Plan:
    return load_plan(ROOT / "examples" / f"{name}.yaml").plan


def test_platforms_are_printed_as_they_name_themselves_and_other_names_as_typed():
    plan = _example("b2b-software")
    plan.channels[0].platform = "linkedin"
    plan.channels[1].platform = "you tube"
    plan.channels[2].platform = "the partners' forum"
    md = render_plan(plan, RenderOptions(fmt="md"))
    assert "LinkedIn" in md and "YouTube" in md
    assert "linkedin" not in md and "you tube" not in md
    assert "the partners' forum" in md


def test_every_objective_is_in_the_summary_with_its_metrics():
    plan = _example("caisse-regionale")
    for summary in (False, True):
        md = render_plan(plan, RenderOptions(fmt="md", summary=summary))
        # The summary chapter of the full document, or the whole short version.
        head = md if summary else md.split("## Synthèse\n")[1].split("\n## ")[0]
        for o in plan.objectives:
            assert f"**{french(o.label)}**" in head
            assert french(o.statement.replace("\n", " "))[:40] in head
        for m in plan.metrics:
            if m.objective:
                assert french(m.name) in head


def test_the_summary_pdf_names_every_objective(summaries):
    plan = _example("b2b-software")
    text = " ".join(_pdf_text((summaries[0] / "b2b-software.summary.pdf").read_bytes()).split())
    for o in plan.objectives:
        assert " ".join(o.statement.split())[:50] in text


def test_traceability_lists_the_audiences_each_objective_aims_at():
    plan = _example("caisse-regionale")
    md = render_plan(plan, RenderOptions(fmt="md"))
    table = md.split("## Traçabilité")[1].split("\n## ")[0]
    # After its statement, an objective goes by its short label.
    hiring = next(line for line in table.splitlines() if line.startswith("| Alternance 2027 |"))
    assert "Étudiants et candidats à l’alternance" in hiring
    # LinkedIn reaches farmers too; the hiring objective does not aim at them.
    assert "Exploitants agricoles" not in hiring


def test_the_budget_runs_over_the_plan_s_own_span():
    plan = _example("b2b-software")
    plan.project.date = dt.date(2026, 12, 1)
    plan.project.horizon = dt.date(2027, 12, 31)
    md = render_plan(plan, RenderOptions(fmt="md"))
    assert "- **Over 13\u00a0months:** £" in md
    plan.project.horizon = dt.date(2026, 12, 31)
    assert "- **Over 1\u00a0month:** £" in render_plan(plan, RenderOptions(fmt="md"))


# --- French typography ---------------------------------------------------------------------


def test_french_sets_no_break_spaces_in_prose_and_leaves_times_and_addresses_alone():
    assert french("Note: voir") == f"Note{NBSP}: voir"
    assert french("Vraiment ?! Oui ; non !") == f"Vraiment{NNBSP}?! Oui{NNBSP}; non{NNBSP}!"
    assert french("« Sorti du four »") == f"«{NBSP}Sorti du four{NBSP}»"
    assert french("09:00 https://example.org/a?b=1") == "09:00 https://example.org/a?b=1"
    assert french("un doute (?) : voir") == f"un doute (?){NBSP}: voir"
    assert french("?") == "?"


@pytest.fixture(scope="module")
def bakery_pdf() -> str:
    plan = _example("boulangerie")
    plan.channels[2].posts_per_week = 1
    plan.channels.sort(key=lambda c: c.posts_per_week != 1)
    plan.objectives[0].primary = False
    plan.objectives[2].primary = True
    plan.objectives[1].deadline = dt.date(2026, 12, 1)
    return _pdf_text(render_plan(plan, RenderOptions(fmt="pdf")))


def test_the_french_pdf_sets_french_spacing_in_fixed_and_written_text(bakery_pdf):
    text = bakery_pdf
    # The person's own words: « il reste du pain ? » in an objective.
    assert f"«{NBSP}il reste du pain{NNBSP}?{NBSP}»" in text
    # The fixed texts: a label and its value.
    assert f"part promotionnelle du mix{NBSP}:" in text
    prose = re.sub(r'\((?:"[^"]*"|[^()])*\)|"[^"]*"', "", text)  # the query boxes
    bare = re.findall(r"\S{0,12}(?: |(?<=[^\s\u00a0\u202f]))[;!?](?=\s)\S{0,12}", prose)
    assert bare == []
    assert not re.search(r"[^\s\u00a0\d]:\s|\s:\s", prose.replace(NBSP + ":", ""))
    assert not re.search(r"« |«(?=\S)(?!\u00a0)| »", text)


def test_the_french_pdf_writes_the_first_of_a_month_and_plurals_the_french_way(bakery_pdf):
    assert "1er décembre 2026" in bakery_pdf
    assert not re.search(r"(?<![\d,])1 décembre", bakery_pdf)
    assert f"1{NBSP}publication par semaine" in bakery_pdf
    assert "1 publications" not in bakery_pdf and f"1{NBSP}publications" not in bakery_pdf


def test_an_english_document_is_set_as_typed():
    md = render_plan(_example("b2b-software"), RenderOptions(fmt="md"))
    assert NNBSP not in md
    assert f"{NBSP}:" not in md and "**Deadline:**" in md


def test_a_query_box_keeps_its_syntax_in_a_french_document():
    md = render_plan(_example("boulangerie"), RenderOptions(fmt="md"))
    fences = re.findall(r"```text\n(.*?)\n```", md, re.S)
    assert fences and all(NBSP not in q and NNBSP not in q for q in fences)
