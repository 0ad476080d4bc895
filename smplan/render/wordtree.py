"""The document's HTML, as pandoc reads it, shaped into a Word document.

Pandoc reads the same HTML the PDF is laid out from into its document tree (JSON); the
functions here turn that tree into what a Word reader expects, knowing nothing of the
strategy itself, only the HTML's shape:

- the cover (`section.cover`) becomes paragraphs in the cover's styles, on a page of its
  own: the organization, the title, the draft mark when there is one, then a line for
  each of who it is prepared for and by, the date and the version; a masthead's `h1` is
  the document's title, not a heading;
- `h2` is Word's Heading 1, `h3` Heading 2, and so on, so that the navigation pane and
  the table of contents list the chapters as the PDF does;
- the HTML's table of contents becomes a Word table of contents: a field Word fills with
  page numbers when the file opens, showing the HTML's entries until then;
- each chapter starts on a new page, as in the PDF: the short closing chapters follow on
  from one another, and so do the appendices;
- a paragraph's class names a Word style (`p.label` is set in "Label"), and a span's a
  character style, so that a house style restyles them all from its reference document;
- a bar chart (`figure.chart`, a table of bars) stays a table under its caption, each bar
  a run of shaded spaces as long as the PDF's; a picture keeps its figure's caption, or
  its SVG title, as its alternative text.

Elements are pandoc's JSON: `{"t": type, "c": content}`; attributes are
`[identifier, [classes], [[key, value], ...]]`.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from collections.abc import Callable, Iterator
from typing import Any
from xml.sax.saxutils import escape

Node = dict[str, Any]

# --- the HTML classes the Word file is shaped by -------------------------------------------
# The templates and this module agree on these names, and on those of `COVER_STYLES`,
# `STYLES` and `CHARACTER_STYLES`; `HTML_CLASSES` lists them all, and a test checks the
# templates still write each.

#: The cover (`section.cover`): a page of its own, in the cover's styles.
COVER = "cover"
#: The client's name on the cover, and on a masthead: the file's organization too.
COVER_ORG = "cover-org"
ORG = "org"
#: The draft mark, on the cover and in a masthead: only a draft has one.
COVER_DRAFT = "cover-draft"
DRAFT_MARK = "draft-mark"
#: The heading of the HTML's table of contents, followed by its lists of entries, the
#: appendices' under a title of their own.
TOC_TITLE = "toc-title"
TOC_PART = "toc-part"
#: The page listing what changed since an earlier version: never marked as changed.
CHANGES = "changes"
#: The class pandoc gives a `<section>`; each starts a new page, unless it follows on
#: from one of the same kind among these (the short closing chapters, the appendices).
SECTION = "section"
FOLLOW_ON = frozenset({"closing-part", "appendix"})
#: A bar chart: a figure holding a table whose rows each hold a bar, its length the
#: width its style gives.
CHART = "chart"
BARS = "bars"
BAR = "bar"

#: The Word style of a paragraph on the cover, by its HTML class.
COVER_STYLES = {
    COVER_ORG: "Cover Organization",
    COVER_DRAFT: "Draft",
    "confidential": "Confidential",
}
#: The Word style of a paragraph (or of every paragraph of a div) by its HTML class.
STYLES = {
    "cover-kind": "Kicker",
    ORG: "Organization",
    "meta": "Meta",
    "strategy": "Strategy",
    "label": "Label",
    "note": "Note",
    "open-note": "Note",
    "status-note": "Status Note",
    "purpose": "Intro",
    "persona-name": "Statement",
    "quote": "Quote",
    "sign-line": "Signature Line",
}
#: The Word character style of a span by its HTML class.
CHARACTER_STYLES = {DRAFT_MARK: "Draft Mark"}
#: Every class of the document's HTML the Word file depends on (`<section>` is an element).
HTML_CLASSES = frozenset(
    {
        COVER,
        TOC_TITLE,
        TOC_PART,
        CHANGES,
        *FOLLOW_ON,
        CHART,
        BARS,
        BAR,
        *COVER_STYLES,
        *STYLES,
        *CHARACTER_STYLES,
    }
)
#: The style of the cover's title, and of a title elsewhere (a summary's, a report's).
COVER_TITLE = "Cover Title"
TITLE = "Title"
#: The style of a line of the cover saying who the document is for, by whom, when: its
#: label in "Cover Label", a tab, its value.
COVER_META = "Cover Meta"
COVER_LABEL = "Cover Label"
#: The character style of a bar; the space a bar is drawn with (a figure space: a digit's
#: width, unbroken, drawn as one block where a no-break space leaves seams); and how many
#: of them make a bar the whole width of its column.
CHART_BAR = "Chart Bar"
BAR_SPACE = "\u2007"
BAR_SPACES = 60
#: The share of a chart's width its labels take, as in the PDF.
CHART_LABELS = 0.3
#: The one-paragraph marker a page break is written as; the package step turns it into
#: "page break before" on the paragraph that follows it, and removes it.
PAGE_BREAK_STYLE = "SmplanPageBreak"
PAGE_BREAK = f'<w:p><w:pPr><w:pStyle w:val="{PAGE_BREAK_STYLE}"/></w:pPr></w:p>'
#: A tab, written as Word writes one.
TAB = {"t": "RawInline", "c": ["openxml", "<w:r><w:tab/></w:r>"]}

_CLASSED_P = re.compile(r'<p class="([^"<>]*)">(.*?)</p>', re.DOTALL)


def keep_paragraph_classes(text: str) -> str:
    """The HTML with each classed paragraph wrapped in a div of its classes.

    Pandoc's tree has no attributes on a paragraph, but keeps a div's: wrapped, a
    paragraph's class survives the reading. A paragraph holds no paragraph, and the text
    inside is escaped, so the first `</p>` after an opening tag is its own.
    """
    return _CLASSED_P.sub(r'<div class="\1"><p>\2</p></div>', text)


# --- reading the tree -------------------------------------------------------------------


def attr_of(node: Node) -> list[Any] | None:
    """The attributes of an element that has them (Div, Header, Span, Table, Figure…)."""
    content: Any = node.get("c")
    kind = node.get("t")
    if kind in ("Div", "Span", "Table", "Figure", "CodeBlock", "Code", "Image", "Link"):
        return content[0]  # type: ignore[no-any-return]
    if kind == "Header":
        return content[1]  # type: ignore[no-any-return]
    return None


def classes(node: Node) -> list[str]:
    """The element's classes (none for an element without attributes)."""
    attr = attr_of(node)
    return list(attr[1]) if attr else []


def stringify(value: Any) -> str:
    """The text of an element, a list of them, or a whole tree, spaces as one space."""
    out: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, list):
            for x in item:
                walk(x)
            return
        if not isinstance(item, dict) or "t" not in item:
            return
        kind = item["t"]
        if kind == "Str":
            out.append(item["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Code", "Math"):
            out.append(item["c"][1])
        elif kind in ("Image", "Link", "Span", "Quoted", "Cite"):
            walk(item["c"][1])
        elif kind == "Header":
            walk(item["c"][2])
        elif kind in ("Div", "Figure"):
            walk(item["c"][-1])
        elif kind == "Table":
            walk(item["c"][3:])
        elif "c" in item:
            walk(item["c"])

    walk(value)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def elements(value: Any, kind: str) -> Iterator[Node]:
    """Every element of type `kind` inside `value`, depth first, outer ones first."""
    if isinstance(value, dict):
        if value.get("t") == kind:
            yield value
        yield from elements(value.get("c"), kind)
    elif isinstance(value, list):
        for item in value:
            yield from elements(item, kind)


def blocks_of(node: Node) -> list[Node]:
    """The blocks a Div holds."""
    return node["c"][1]  # type: ignore[no-any-return]


def styled(style: str, blocks: list[Node]) -> Node:
    """A Div that sets `blocks` in the Word style `style`."""
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], blocks]}


def raw(xml: str) -> Node:
    """A block of WordprocessingML written as it is."""
    return {"t": "RawBlock", "c": ["openxml", xml]}


def text_inlines(text: str) -> list[Node]:
    """Inline elements for plain text."""
    out: list[Node] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


# --- shaping it ---------------------------------------------------------------------------


class Shaped:
    """The tree shaped for Word, and what was found in it on the way."""

    def __init__(self) -> None:
        #: The document's title, as its cover or masthead prints it.
        self.title: str | None = None
        #: The organization the document is for, as its cover or masthead prints it.
        self.organization: str | None = None
        #: Whether the document opens with a cover page.
        self.cover = False
        #: The draft mark, as the document prints it; None for a document that is final.
        self.draft: str | None = None


def shape(tree: Node) -> Shaped:
    """Shape pandoc's tree of the document's HTML for Word, in place."""
    found = Shaped()
    blocks = tree["blocks"]
    shaped: list[Node] = []
    previous_part: set[str] | None = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        kinds = set(classes(block))
        if block["t"] == "Div" and COVER in kinds:
            found.cover = True
            shaped.extend(_cover(block, found))
            previous_part = None
            i += 1
            continue
        if block["t"] == "Header" and TOC_TITLE in kinds:
            end = i + 1
            while end < len(blocks) and _is_toc_entries(blocks[end]):
                end += 1
            if shaped:
                shaped.append(raw(PAGE_BREAK))
            shaped.append(raw(table_of_contents(stringify(block), _entries(blocks[i + 1 : end]))))
            previous_part = set()
            i = end
            continue
        if block["t"] == "Div" and SECTION in kinds:
            part = kinds - {SECTION}
            # Each chapter starts a new page, as the PDF's do; a short closing chapter
            # after another, or an appendix after another, follows on from it.
            if shaped and (previous_part is None or not part & previous_part & FOLLOW_ON):
                shaped.append(raw(PAGE_BREAK))
            previous_part = part
        shaped.append(block)
        i += 1
    tree["blocks"] = [_restyle(b, found) for b in shaped]
    _character_styles(tree["blocks"], found)
    _describe_images(tree["blocks"])
    for table in elements(tree["blocks"], "Table"):
        fit_columns(table)
        _bullets_in_cells(table)
    return found


def _cover(block: Node, found: Shaped) -> list[Node]:
    """The cover's blocks in the cover's styles: the title as "Cover Title", each line of
    who it is for, by whom and when as "Cover Meta"."""
    out: list[Node] = []
    for inner in _flatten_divs(blocks_of(block)):
        kind = classes(inner)
        style = next((COVER_STYLES[k] for k in kind if k in COVER_STYLES), None)
        if inner["t"] == "Header":
            found.title = found.title or stringify(inner)
            out.append(styled(COVER_TITLE, [{"t": "Para", "c": inner["c"][2]}]))
        elif inner["t"] == "DefinitionList":
            out.extend(_cover_lines(inner))
        elif style is not None:
            if COVER_ORG in kind:
                found.organization = found.organization or stringify(inner)
            if COVER_DRAFT in kind:
                found.draft = found.draft or stringify(inner)
            out.append(styled(style, blocks_of(inner)))
        else:
            out.append(inner)
    return out


def _cover_lines(facts: Node) -> list[Node]:
    """A definition list as lines of "label, tab, value", in the cover's styles."""
    lines = []
    for term, definitions in facts["c"]:
        value = [inline for blocks in definitions for b in blocks for inline in _inlines(b)]
        label = {"t": "Span", "c": [["", [], [["custom-style", COVER_LABEL]]], term]}
        lines.append(styled(COVER_META, [{"t": "Para", "c": [label, TAB, *value]}]))
    return lines


def _inlines(block: Node) -> list[Node]:
    """The inline elements of a block: a paragraph's own, the text of any other."""
    if block["t"] in ("Para", "Plain"):
        return list(block["c"])
    return text_inlines(stringify(block))


def _flatten_divs(blocks: list[Node]) -> Iterator[Node]:
    """The blocks inside plain layout divs (bands, columns), in reading order."""
    for block in blocks:
        kind = classes(block)
        if block["t"] == "Div" and not any(k in COVER_STYLES for k in kind):
            yield from _flatten_divs(blocks_of(block))
        else:
            yield block


def _restyle(block: Node, found: Shaped) -> Node:
    """A block with its headings one level up, its titles, charts and classed paragraphs
    styled."""
    kind = block["t"]
    if kind == "Header":
        level, attr, inlines = block["c"]
        if level == 1:
            found.title = found.title or stringify(inlines)
            return styled(TITLE, [{"t": "Para", "c": inlines}])
        return {"t": "Header", "c": [level - 1, attr, inlines]}
    if kind == "Figure" and CHART in classes(block):
        return _chart(block)
    if kind == "Div":
        attr, inner = block["c"]
        names = attr[1]
        style = next((STYLES[k] for k in names if k in STYLES), None)
        if ORG in names:
            found.organization = found.organization or stringify(inner)
        restyled = [_restyle(b, found) for b in inner]
        if style is not None and not any(k == "custom-style" for k, _ in attr[2]):
            return styled(style, restyled)
        return {"t": "Div", "c": [attr, restyled]}
    if kind == "BlockQuote":
        return {"t": "BlockQuote", "c": [_restyle(b, found) for b in block["c"]]}
    return block


def _character_styles(value: Any, found: Shaped) -> None:
    """Give each classed span its character style, in place; note the draft mark."""
    if isinstance(value, list):
        for item in value:
            _character_styles(item, found)
        return
    if not isinstance(value, dict):
        return
    if value.get("t") == "Span":
        attr = value["c"][0]
        style = next((CHARACTER_STYLES[k] for k in attr[1] if k in CHARACTER_STYLES), None)
        if style is not None and not any(k == "custom-style" for k, _ in attr[2]):
            attr[2] = [*attr[2], ["custom-style", style]]
        if DRAFT_MARK in attr[1]:
            found.draft = found.draft or stringify(value["c"][1])
    _character_styles(value.get("c"), found)


def _is_toc_entries(block: Node) -> bool:
    """Whether a block after the contents' title is part of the contents."""
    return block["t"] == "BulletList" or (block["t"] == "Div" and TOC_PART in classes(block))


def _entries(blocks: list[Node]) -> list[tuple[str, str]]:
    """The (text, anchor) of each entry of the HTML's table of contents; a part's title
    (the appendices') is an entry without an anchor."""
    out = []
    for block in blocks:
        if block["t"] != "BulletList":
            out.append((stringify(block), ""))
            continue
        for item in block["c"]:
            link = next(elements(item, "Link"), None)
            target = link["c"][2][0] if link else ""
            out.append((stringify(item), target[1:] if target.startswith("#") else ""))
    return out


def table_of_contents(title: str, entries: list[tuple[str, str]]) -> str:
    """A Word table of contents: its title, then a TOC field over the Heading 1 paragraphs.

    Word computes the field's entries and page numbers when the file opens (the package
    asks it to); until then, and in readers that do not compute fields, the field shows
    the HTML's entries, each a link to its chapter.
    """
    title_xml = (
        '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(title)}</w:t></w:r></w:p>'
    )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    rows = entries or [("", "")]
    paragraphs = []
    for n, (text, anchor) in enumerate(rows):
        run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        if anchor:
            run = (
                f'<w:hyperlink w:anchor="{escape(anchor, {chr(34): "&quot;"})}">{run}</w:hyperlink>'
            )
        paragraphs.append(
            '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
            f"{begin if n == 0 else ''}{run}{end if n == len(rows) - 1 else ''}</w:p>"
        )
    return (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
        f"{title_xml}{''.join(paragraphs)}</w:sdtContent></w:sdt>"
    )


# --- tables -----------------------------------------------------------------------------

#: About how many characters of a table's text fit across the page.
LINE_CHARS = 95
#: A word longer than this (an address) may break rather than widen its column.
LONGEST_WORD = 24
#: About how many characters' width a cell's margins take, left and right together.
CELL_PADDING = 2


def fit_columns(table: Node) -> None:
    """Give a table without column widths widths fitted to its text, in place.

    Pandoc reads a table whose HTML gives no widths with equal ones when a cell holds
    blocks (a list), with none otherwise: either way, widths are fitted here as a browser
    lays out a table whose widths are not given: each column needs at least
    its longest word and at most its longest line, and room for its cells' margins; the
    room left over goes to the columns in proportion to what they would take to set
    their text on one line.
    """
    specs = table["c"][2]
    given = {spec[1].get("c") for spec in specs if spec[1].get("t") == "ColWidth"}
    if len(given) > 1 or (given and any(spec[1].get("t") != "ColWidth" for spec in specs)):
        return
    head, bodies, foot = table["c"][3], table["c"][4], table["c"][5]
    rows = [*head[1], *(r for b in bodies for r in (*b[2], *b[3])), *foot[1]]
    least = [1.0] * len(specs)
    most = [1.0] * len(specs)
    for row in rows:
        for n, cell in enumerate(row[1][: len(specs)]):
            for block in _lines(cell[4]):
                text = stringify(block)
                words = [len(w) for w in text.split()] or [0]
                least[n] = max(least[n], min(max(words), LONGEST_WORD))
                most[n] = max(most[n], len(text))
    least = [width + CELL_PADDING for width in least]
    most = [width + CELL_PADDING for width in most]
    if sum(most) <= LINE_CHARS:
        widths = most
    elif sum(least) >= LINE_CHARS:
        widths = least
    else:
        spare = (LINE_CHARS - sum(least)) / (sum(most) - sum(least))
        widths = [lo + (hi - lo) * spare for lo, hi in zip(least, most, strict=True)]
    total = sum(widths)
    for spec, width in zip(specs, widths, strict=True):
        spec[1] = {"t": "ColWidth", "c": round(width / total, 4)}


def _lines(blocks: list[Node]) -> Iterator[Node]:
    """The blocks a cell sets as lines of their own: a list's items one by one."""
    for block in blocks:
        if block["t"] == "BulletList":
            for item in block["c"]:
                yield from _lines(item)
        else:
            yield block


def _cells(table: Node) -> Iterator[list[Any]]:
    head, bodies, foot = table["c"][3], table["c"][4], table["c"][5]
    for row in [*head[1], *(r for b in bodies for r in (*b[2], *b[3])), *foot[1]]:
        yield from row[1]


def _bullets_in_cells(table: Node) -> None:
    """A list in a table cell as lines that start with a bullet, in place.

    A Word list is indented for a page, which leaves a narrow column little room; the
    PDF sets such a list closer too.
    """
    for cell in _cells(table):
        blocks: list[Node] = []
        for block in cell[4]:
            if block["t"] != "BulletList":
                blocks.append(block)
                continue
            for item in block["c"]:
                first, *rest = item or [{"t": "Plain", "c": []}]
                if first["t"] in ("Plain", "Para"):
                    first = {"t": "Plain", "c": [{"t": "Str", "c": "•\u00a0"}, *first["c"]]}
                blocks.extend([first, *rest])
        cell[4] = blocks


# --- charts -----------------------------------------------------------------------------

_WIDTH = re.compile(r"(?:^|;)\s*width:\s*([0-9.]+)%")


def _chart(figure: Node) -> Node:
    """A bar chart as a table under the figure's caption (Word also keeps the caption as
    the table's alternative text), its labels on the left, each bar a run of shaded
    spaces followed by its figure."""
    table = next(elements(figure["c"][2], "Table"), None)
    if table is None or BARS not in classes(table):
        return figure
    caption = figure["c"][1]
    table["c"][1] = [None, [{"t": "Plain", "c": _inlines(b)} for b in caption[1]]]
    table["c"][2] = [
        [{"t": "AlignRight"}, {"t": "ColWidth", "c": CHART_LABELS}],
        [{"t": "AlignLeft"}, {"t": "ColWidth", "c": round(1 - CHART_LABELS, 4)}],
    ]
    for cell in _cells(table):
        cell[4] = [_bars_drawn(b) for b in cell[4]]
    return table


def _bars_drawn(block: Node) -> Node:
    """A cell's paragraph with its empty bar span drawn as a run of shaded spaces."""
    if block["t"] not in ("Plain", "Para"):
        return block
    inlines: list[Node] = []
    for inline in block["c"]:
        if inline["t"] == "Span" and BAR in inline["c"][0][1]:
            style = dict(inline["c"][0][2]).get("style", "")
            found = _WIDTH.search(style)
            spaces = round(float(found.group(1)) * BAR_SPACES / 100) if found else 0
            if spaces:
                shaded = [{"t": "Str", "c": BAR_SPACE * spaces}]
                bar = {"t": "Span", "c": [["", [], [["custom-style", CHART_BAR]]], shaded]}
                inlines += [bar, {"t": "Str", "c": "\u00a0"}]
            continue
        inlines.append(inline)
    return {"t": block["t"], "c": inlines}


# --- images -----------------------------------------------------------------------------

_SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def svg_title(src: str) -> str | None:
    """The `<title>` of an SVG image given as a data URI, if it has one."""
    head, _, data = src.partition(",")
    if not head.startswith("data:image/svg+xml"):
        return None
    try:
        text = base64.b64decode(data).decode("utf-8") if head.endswith(";base64") else data
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    found = _SVG_TITLE.search(text)
    return html.unescape(found.group(1)).strip() if found else None


def _describe_images(blocks: list[Node]) -> None:
    """Give each image without alternative text its figure's caption, or its SVG title."""

    def describe(image: Node, fallback: str | None) -> None:
        _attr, alt, (src, _title) = image["c"]
        if stringify(alt):
            return
        text = fallback or svg_title(src)
        if text:
            image["c"][1] = text_inlines(text)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("t") == "Figure":
                caption = stringify(value["c"][1][1])
                for image in elements(value["c"][2], "Image"):
                    describe(image, caption or None)
                return
            if value.get("t") == "Image":
                describe(value, None)
                return
            walk(value.get("c"))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(blocks)


def map_images(tree: Node, change: Callable[[str], str]) -> None:
    """Replace each image's source with `change(source)`."""
    for image in elements(tree["blocks"], "Image"):
        image["c"][2][0] = change(image["c"][2][0])
