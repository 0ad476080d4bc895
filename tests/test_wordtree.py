"""The steps between the document's HTML and its Word file, one at a time."""

from __future__ import annotations

import io

from PIL import Image

from smplan.render.chartpng import svg_to_png
from smplan.render.charts import trend_chart
from smplan.render.revisions import mark_revisions
from smplan.render.wordtree import (
    CHART_BAR,
    elements,
    fit_columns,
    keep_paragraph_classes,
    shape,
    stringify,
    svg_title,
    table_of_contents,
    text_inlines,
)


def para(text: str) -> dict:
    return {"t": "Para", "c": text_inlines(text)}


def marks(blocks: list[dict]) -> list[tuple[str, str]]:
    """Each tracked change in `blocks`: its kind and its text."""
    return [
        (span["c"][0][1][0], stringify(span["c"][1]))
        for span in elements(blocks, "Span")
        if span["c"][0][1][:1] in (["insertion"], ["deletion"])
    ]


def test_a_changed_word_is_deleted_then_inserted_the_rest_untouched():
    out = mark_revisions([para("Cible 90 avis")], [para("Cible 100 avis")], "Sophie", None)
    assert marks(out) == [("deletion", "90"), ("insertion", "100")]
    assert stringify(out).startswith("Cible")


def test_neighbouring_changed_words_read_as_one_change():
    out = mark_revisions([para("Un soir calme ici")], [para("Deux matins calmes ici")], "S", None)
    assert marks(out) == [("deletion", "Un soir calme"), ("insertion", "Deux matins calmes")]
    # A word that stays between two changes stays unmarked.
    out = mark_revisions([para("de 9 à 4 appels")], [para("de 12 à 6 appels")], "S", None)
    assert marks(out) == [
        ("deletion", "9"),
        ("insertion", "12"),
        ("deletion", "4"),
        ("insertion", "6"),
    ]


def test_a_block_gone_comes_back_deleted_and_a_new_one_inserted():
    old = [para("Un"), para("Deux"), para("Trois")]
    new = [para("Un"), para("Trois"), para("Quatre")]
    out = mark_revisions(old, new, "S", "2027-01-01T00:00:00Z")
    assert marks(out) == [("deletion", "Deux"), ("insertion", "Quatre")]
    span = out[1]["c"][0]
    assert span["c"][0][2] == [["author", "S"], ["date", "2027-01-01T00:00:00Z"]]


def test_the_changes_page_is_never_marked():
    changes = {"t": "Div", "c": [["", ["section", "changes"], []], [para("45 → 52")]]}
    out = mark_revisions([para("Un")], [changes, para("Un")], "S", None)
    assert marks(out) == []


def _table(rows: list[list[str]]) -> dict:
    def cell(text):
        return [
            ["", [], []],
            {"t": "AlignDefault"},
            1,
            1,
            [{"t": "Plain", "c": text_inlines(text)}],
        ]

    def row(texts):
        return [["", [], []], [cell(t) for t in texts]]

    width = len(rows[0])
    return {
        "t": "Table",
        "c": [
            ["", [], []],
            [None, []],
            [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in range(width)],
            [["", [], []], [row(rows[0])]],
            [[["", [], []], 0, [], [row(r) for r in rows[1:]]]],
            [["", [], []], []],
        ],
    }


def test_a_changed_cell_is_marked_in_its_row():
    old = _table([["Indicateur", "Cible"], ["Avis", "90"], ["Note", "4,7"]])
    new = _table([["Indicateur", "Cible"], ["Avis", "100"], ["Note", "4,7"]])
    assert marks(mark_revisions([old], [new], "S", None)) == [
        ("deletion", "90"),
        ("insertion", "100"),
    ]


def test_columns_are_as_wide_as_their_text_needs():
    table = _table([["Id", "Description"], ["a", "un texte bien plus long que l'identifiant"]])
    fit_columns(table)
    widths = [spec[1]["c"] for spec in table["c"][2]]
    assert widths[1] > 3 * widths[0]
    assert abs(sum(widths) - 1) < 0.01


def test_given_column_widths_are_kept():
    table = _table([["a", "b"], ["c", "d"]])
    table["c"][2] = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w}] for w in (0.7, 0.3)]
    fit_columns(table)
    assert [spec[1]["c"] for spec in table["c"][2]] == [0.7, 0.3]


def test_a_paragraphs_class_survives_as_a_div():
    html = '<p class="intro">Un <em>mot</em></p><p>Deux</p>'
    assert keep_paragraph_classes(html) == (
        '<div class="intro"><p>Un <em>mot</em></p></div><p>Deux</p>'
    )


def _bar_chart(bars: list[tuple[str, float, str]]) -> dict:
    """A `figure.chart` as pandoc reads it: a caption, a table of bars without a header."""
    table = _table([["", ""], *([label, shown] for label, _, shown in bars)])
    table["c"][0] = ["", ["bars"], []]
    table["c"][3] = [["", [], []], []]
    for row, (_, width, _) in zip(table["c"][4][0][3], bars, strict=True):
        bar = {"t": "Span", "c": [["", ["bar"], [["style", f"width: {width}%"]]], []]}
        row[1][1][4][0]["c"].insert(0, bar)
    caption = [None, [{"t": "Plain", "c": text_inlines("Heures par canal")}]]
    return {"t": "Figure", "c": [["", ["chart"], []], caption, [table]]}


def test_a_bar_chart_is_a_table_under_its_caption_each_bar_drawn_to_its_length():
    bars = [("Instagram", 75.0, "3 h"), ("Facebook", 25.0, "1 h")]
    tree = {"blocks": [_bar_chart(bars)]}
    shape(tree)
    (table,) = tree["blocks"]
    assert table["t"] == "Table"
    assert stringify(table["c"][1][1]) == "Heures par canal"
    drawn = []
    for row, (label, _, shown) in zip(table["c"][4][0][3], bars, strict=True):
        head, value = row[1]
        assert stringify(head[4]) == label
        bar, _space, *figure = value[4][0]["c"]
        assert bar["c"][0][2] == [["custom-style", CHART_BAR]]
        assert stringify(figure) == shown
        drawn.append(len(bar["c"][1][0]["c"]))
    assert drawn[0] == 3 * drawn[1] > 0


def test_the_contents_keep_the_appendices_under_their_own_title():
    def entries(*names):
        items = [
            [
                {
                    "t": "Plain",
                    "c": [{"t": "Link", "c": [["", [], []], text_inlines(n), [f"#{n}", ""]]}],
                }
            ]
            for n in names
        ]
        return {"t": "BulletList", "c": items}

    title = {"t": "Header", "c": [2, ["", ["toc-title"], []], text_inlines("Sommaire")]}
    part = {
        "t": "Div",
        "c": [["", ["toc-part"], []], [{"t": "Para", "c": text_inlines("Annexes")}]],
    }
    tree = {"blocks": [title, entries("summary"), part, entries("glossary")]}
    shape(tree)
    (contents,) = tree["blocks"]
    xml = contents["c"][1]
    places = [xml.find(n) for n in ('w:anchor="summary"', ">Annexes<", 'w:anchor="glossary"')]
    assert -1 not in places and places == sorted(places)


def test_the_table_of_contents_escapes_its_entries():
    xml = table_of_contents("Sommaire", [("R&D <équipe>", "step-team")])
    assert "R&amp;D &lt;équipe&gt;" in xml
    assert 'w:anchor="step-team"' in xml
    assert xml.count('fldCharType="begin"') == xml.count('fldCharType="end"') == 1


def test_a_chart_is_painted_as_a_png_of_its_size():
    svg = str(trend_chart([(0.0, 3), (0.5, 5), (1.0, 4)], ((0, 3), (1, 8)), title="Avis")).encode()
    png = svg_to_png(svg)
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.size == (150 * 3, 44 * 3)
    assert svg_to_png(svg) == png
    # The line and its points are the chart's blue.
    assert (0x1F, 0x4E, 0x79) in {c for _, c in image.convert("RGB").getcolors(1 << 20)}


def test_a_trend_chart_is_painted_and_its_title_is_its_description():
    svg = str(trend_chart([(0.0, 3), (0.5, 5), (1.0, 4)], ((0, 3), (1, 8)), title="Avis: ok"))
    assert svg_to_png(svg.encode()) is not None
    import base64

    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    assert svg_title(uri) == "Avis: ok"


def test_an_svg_the_painter_does_not_know_gets_no_png():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0"/></svg>'
    assert svg_to_png(svg) is None
    assert svg_to_png(b"<svg") is None
