"""How a client document's pages hold together, read back from the PDF (pypdf text and
positions): fill, stranded headings, running heads, and what of the tool leaks into it.

Used by the layout tests, and as a script that prints the figures side by side:

    python tests/layout.py examples/*.yaml            # render each plan, then measure
    python tests/layout.py --json out.json examples/*.yaml

Every figure is read from the PDF alone (plus the plan, for its ids and objectives), so
the same script measures any version of the templates.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdf

MM = 72 / 25.4
#: The page margins of style.css, in millimetres: the text area lies inside them.
TOP_MARGIN = 24
BOTTOM_MARGIN = 20
#: Font sizes (in PDF units, as WeasyPrint writes CSS pixels) from which a bold line is a
#: heading, and from which it is a chapter heading.
HEADING_SIZE = 14.0
CHAPTER_SIZE = 19.0


@dataclass
class Line:
    """One run of text on a page, where it starts, in what size and weight."""

    x: float
    y: float
    size: float
    bold: bool
    italic: bool
    text: str
    #: Set in the monospaced font: a ready-to-paste query, printed character for character.
    mono: bool = False

    @property
    def heading(self) -> bool:
        """Whether the run is set as a heading (bold and large)."""
        return self.bold and self.size >= HEADING_SIZE

    @property
    def chapter(self) -> bool:
        """Whether the run is set as a chapter heading."""
        return self.bold and self.size >= CHAPTER_SIZE


@dataclass
class Page:
    """A page: the runs of its running head, of its body, and of its foot."""

    number: int
    width: float
    height: float
    head: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    foot: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.height - TOP_MARGIN * MM

    @property
    def bottom(self) -> float:
        return BOTTOM_MARGIN * MM

    @property
    def fill(self) -> float:
        """How far down the text area the body goes, from 0 (empty) to 1 (full)."""
        if not self.body:
            return 0.0
        low = min(line.y for line in self.body)
        return max(0.0, min(1.0, (self.top - low) / (self.top - self.bottom)))

    @property
    def text(self) -> str:
        """The body's text, one line, spaces made plain."""
        return flat(" ".join(line.text for line in self.body))

    def running_head(self, skip: Iterable[str] = ()) -> str | None:
        """The chapter named at the top right of the page, if any."""
        skipped = {flat(s) for s in skip}
        right = [
            line
            for line in self.head
            if line.x > self.width * 0.45 and flat(line.text) not in skipped
        ]
        return flat(" ".join(line.text for line in right)) or None

    def headings(self) -> list[tuple[int, str, bool]]:
        """Each heading of the body: the index of its first run, its text, whether a chapter."""
        found: list[tuple[int, str, bool]] = []
        i = 0
        while i < len(self.body):
            line = self.body[i]
            if not line.heading:
                i += 1
                continue
            start, parts = i, [line.text]
            while (
                i + 1 < len(self.body)
                and self.body[i + 1].heading
                and self.body[i + 1].size == line.size
                and abs(self.body[i + 1].x - line.x) < 1
            ):
                i += 1
                parts.append(self.body[i].text)
            found.append((start, flat(" ".join(parts)), line.chapter))
            i += 1
        return found


def flat(text: str) -> str:
    """Text on one line with plain spaces and straight apostrophes, as a reader searches it."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
    return " ".join(text.replace("-\n", "-").split())


def _runs(raw: Any) -> list[Line]:
    """The runs of text of one pypdf page, where each starts, in what font and size."""
    runs: list[Line] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        scale = abs(tm[3] * cm[3]) or 1
        runs.append(
            Line(
                x,
                y,
                float(size) * scale / 0.75,
                "Bold" in name,
                "Italic" in name or "Oblique" in name,
                text,
                "Mono" in name,
            )
        )

    raw.extract_text(visitor_text=visit)
    return runs


def read_pages(pdf: bytes | Path) -> list[Page]:
    """The PDF's pages with their runs of text sorted top to bottom."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    pages = []
    for number, raw in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages, start=1):
        page = Page(number, float(raw.mediabox.width), float(raw.mediabox.height))
        for run in sorted(_runs(raw), key=lambda r: (-round(r.y, 1), r.x)):
            if run.y > page.top + 2:
                page.head.append(run)
            elif run.y < page.bottom - 2:
                page.foot.append(run)
            else:
                page.body.append(run)
        pages.append(page)
    return pages


# --- Layout figures -----------------------------------------------------------------------


def stranded_headings(pages: Sequence[Page], zone: float = 0.15) -> list[tuple[int, str]]:
    """Headings left without their first paragraph at the foot of a page: nothing but an
    italic opener under them on their page, or under two lines in the last `zone`."""
    found = []
    for page in pages[1:]:
        limit = page.bottom + zone * (page.top - page.bottom)
        for start, text, _ in page.headings():
            line = page.body[start]
            below = {
                round(r.y)
                for r in page.body[start:]
                if r.y < line.y - 1 and not r.heading and not r.italic
            }
            if not below or (line.y < limit and len(below) < 2):
                found.append((page.number, text))
    return found


def starts_chapter(page: Page) -> bool:
    """Whether the page's body begins with a chapter heading."""
    return bool(page.body) and page.body[0].chapter


def short_pages(pages: Sequence[Page], least: float = 0.4) -> list[tuple[int, float, bool]]:
    """Inner pages under `least` full: number, fill, and whether a chapter ends there."""
    found = []
    for i, page in enumerate(pages[1:-1], start=1):
        if page.fill < least:
            found.append((page.number, round(page.fill, 2), starts_chapter(pages[i + 1])))
    return found


def wrong_running_heads(
    pages: Sequence[Page], skip: Iterable[str] = ()
) -> list[tuple[int, str | None, str | None]]:
    """Pages whose running head is not the chapter in force where the page begins."""
    skip = list(skip)
    skipped = {flat(s) for s in skip}
    found = []
    in_force: str | None = None
    for page in pages[1:]:
        heads = page.headings()
        begins = heads[0][1] if heads and heads[0][0] == 0 and heads[0][2] else None
        if begins in skipped:
            continue  # a page that sets no running head (the contents)
        expected = begins or in_force
        shown = page.running_head(skip)
        if expected is not None and shown != expected:
            found.append((page.number, shown, expected))
        for _, text, chapter in heads:
            if chapter:
                in_force = text
    return found


# --- What of the tool leaks into a client's document -------------------------------------

_RULE_CODE = re.compile(r"\bSMP\d{3}\b")
_COMMANDS = "calendar|check|diff|init|new|render|report|rules|schema|status|track|watch|completion"
_COMMAND = re.compile(
    rf"\bsmplan\b|\b(?:{_COMMANDS}) command\b|\bcommande (?:{_COMMANDS})\b|--[a-z][a-z-]+",
    re.I,
)
_SECTIONS = "project|team|listening|objectives|metrics|audience|value|human_face|channels|campaigns"
_FIELD_PATH = re.compile(rf"\b(?:{_SECTIONS})(?:\[\d+\])?\.[a-z_]+|\b[a-z]+_[a-z_]+\b")
#: The words a table cell said when a keyword category was empty.
_NONE_CELLS = {"none", "not filled in", "aucun", "non renseigné"}


def plan_ids(plan: Any) -> set[str]:
    """The ids a plan gives its things, which a reader must never see."""
    from smplan.plan.meta import collections, values_at

    found: set[str] = set()
    for path in collections(type(plan)).values():
        for _, items in values_at(plan, path):
            found.update(item.id for item in items or () if getattr(item, "id", None))
    return found


def _prose(plan: Any) -> str:
    """Every text of the plan but its ids, to tell an id from a word the person wrote."""
    data = plan.model_dump(mode="json", exclude_none=True)
    out: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key != "id":
            out.append(value)

    walk(data)
    return "\n".join(out)


def leaks(text: str, plan: Any | None = None, lines: Sequence[Line] = ()) -> dict[str, int]:
    """How many of each kind of the tool's workings a client's text shows."""
    text = flat(text)
    counts = {
        "rule codes": len(_RULE_CODE.findall(text)),
        "commands": len(_COMMAND.findall(text)),
        "field paths": len(_FIELD_PATH.findall(text)),
        "backticks": text.count("`"),
        "none rows": sum(1 for line in lines if flat(line.text) in _NONE_CELLS),
        "ids": 0,
        "repeated objectives": 0,
    }
    if plan is not None:
        prose = _prose(plan)
        for ident in plan_ids(plan):
            if re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", prose) and not re.search(
                r"[-_\d]", ident
            ):
                continue  # also a word the person wrote: not told apart
            counts["ids"] += len(re.findall(rf"(?<![\w@./-]){re.escape(ident)}(?![\w-])", text))
        for objective in plan.objectives or []:
            if objective.statement:
                head = flat(objective.statement)[:60]
                counts["repeated objectives"] += max(0, text.count(head) - 1)
    return counts


def openers(documents: dict[str, tuple[str, list[Page]]]) -> dict[str, int]:
    """Chapters that open with the same words in two documents of one language: the
    method's explanations repeated as chapter openers, by document name."""
    firsts: dict[str, list[tuple[str, str]]] = {}
    for name, (_, pages) in documents.items():
        found = []
        for page in pages[1:]:
            for start, _, chapter in page.headings():
                if not chapter:
                    continue
                # A table's header row is bold and the same in every document: not an opener.
                after = [r for r in page.body[start:] if not r.heading and not r.bold]
                if after:
                    found.append((name, flat(after[0].text)[:50]))
        firsts[name] = found
    counts = {}
    for name, (lang, _) in documents.items():
        others = {
            opening
            for other, (other_lang, _) in documents.items()
            if other != name and other_lang == lang
            for _, opening in firsts[other]
        }
        counts[name] = sum(
            1 for _, opening in firsts[name] if len(opening) >= 30 and opening in others
        )
    return counts


# --- The script ---------------------------------------------------------------------------


def measure(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Render each plan's document and summary to PDF and measure them."""
    from smplan.i18n import _, language
    from smplan.plan.files import load_plan
    from smplan.render.formats import RenderOptions, render_plan

    documents: dict[str, tuple[str, list[Page]]] = {}
    figures: dict[str, dict[str, Any]] = {}
    for path in paths:
        plan = load_plan(path).plan
        pages = read_pages(render_plan(plan, RenderOptions(fmt="pdf")))
        summary = read_pages(render_plan(plan, RenderOptions(fmt="pdf", summary=True)))
        documents[path.stem] = (plan.language, pages)
        with language(plan.language):
            draft = _("Draft")
            contents = _("Contents")
        text = " ".join(p.text for p in pages)
        lines = [line for p in pages for line in p.body]
        short = short_pages(pages)
        found = {
            "pages": len(pages),
            "pages under 40 %": len(short),
            "of which no chapter ends": sum(1 for *_, ends in short if not ends),
            "stranded headings": len(stranded_headings(pages)),
            "wrong running heads": len(wrong_running_heads(pages, [draft, contents])),
            "draft-marked pages": sum(
                1 for p in pages if any(flat(r.text).lower() == draft.lower() for r in p.head)
            ),
            **leaks(text, plan, lines),
            "summary pages": len(summary),
            "summary last page fill": round(summary[-1].fill, 2),
            "summary leaks": sum(
                leaks(
                    " ".join(p.text for p in summary), plan, [r for p in summary for r in p.body]
                ).values()
            ),
        }
        figures[path.stem] = found
    for name, count in openers(documents).items():
        figures[name]["repeated openers"] = count
    return figures


def table(
    figures: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]] | None = None
) -> str:
    """The figures as a Markdown table, one column per document (before → after)."""
    names = list(figures)
    rows = list(next(iter(figures.values())))
    out = ["| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for row in rows:
        cells = []
        for name in names:
            now = figures[name].get(row, "")
            was = (before or {}).get(name, {}).get(row)
            cells.append(f"{was} → {now}" if was is not None else str(now))
        out.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: Sequence[str]) -> int:
    """Measure the plans given, print the table; `--json FILE` keeps the figures,
    `--before FILE` prints them beside earlier ones."""
    args = list(argv)
    keep = before = None
    if "--json" in args:
        i = args.index("--json")
        keep = Path(args[i + 1])
        del args[i : i + 2]
    if "--before" in args:
        i = args.index("--before")
        before = json.loads(Path(args[i + 1]).read_text(encoding="utf-8"))
        del args[i : i + 2]
    paths = [Path(a) for a in args if not a.endswith(".results.yaml")]
    figures = measure(paths)
    if keep is not None:
        keep.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(figures, before))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
