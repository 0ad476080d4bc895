"""What changed between two versions of a document, marked as Word's tracked changes.

The earlier plan is rendered through the same templates as the newer one, both are read
by pandoc, and the two trees are compared here, block by block and word by word: a word
the newer version no longer has is marked deleted, a new one inserted (pandoc writes a
span of class `deletion` or `insertion` as Word's `w:del` and `w:ins`). What is compared
is what the document prints, so every change a reader could see is marked, in the words
and formats the document uses, and nothing here knows what a plan holds.

The page that lists the changes since the earlier version is new in the newer document by
nature: it is kept as it is, unmarked. Charts, code blocks and fields cannot hold marks:
they show the newer version.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any

from smplan.render.wordtree import CHANGES, Node, classes, stringify

INSERTION = "insertion"
DELETION = "deletion"
#: The classes of sections that are new in every newer version, never marked.
UNMARKED = frozenset({CHANGES})

Mark = Callable[[str, list[Node]], Node]


def mark_revisions(old: list[Node], new: list[Node], author: str, date: str | None) -> list[Node]:
    """The blocks of `new`, what differs from `old` marked inserted or deleted."""
    attributes = [["author", author]] + ([["date", date]] if date else [])

    def mark(kind: str, inlines: list[Node]) -> Node:
        return {"t": "Span", "c": [["", [kind], attributes], inlines]}

    return _Compare(mark).blocks(old, new)


def _signature(block: Node) -> str:
    """What makes two blocks the same: their kind, classes and text."""
    return f"{block['t']}|{' '.join(classes(block))}|{stringify(block)}"


def _shape(block: Node) -> str:
    """What makes two blocks two versions of one: their kind and classes."""
    return f"{block['t']}|{' '.join(classes(block))}"


def _token(inline: Node) -> str:
    if inline["t"] in ("Space", "SoftBreak"):
        return " "
    return json.dumps(inline, sort_keys=True, ensure_ascii=False)


class _Compare:
    def __init__(self, mark: Mark) -> None:
        self.mark = mark

    # --- sequences of blocks ------------------------------------------------------------

    def blocks(self, old: Sequence[Node], new: Sequence[Node]) -> list[Node]:
        """`new`, with blocks only in `old` put back marked deleted, and changes marked."""
        out: list[Node] = []
        matcher = SequenceMatcher(
            None, [_signature(b) for b in old], [_signature(b) for b in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(new[j1:j2])
            else:
                out.extend(self._pair(old[i1:i2], new[j1:j2]))
        return out

    def _pair(self, old: Sequence[Node], new: Sequence[Node]) -> list[Node]:
        """Blocks that differ: those of the same kind compared as two versions of one."""
        out: list[Node] = []
        matcher = SequenceMatcher(
            None, [_shape(b) for b in old], [_shape(b) for b in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(self.block(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
                continue
            out.extend(b for b in (self.whole(DELETION, o) for o in old[i1:i2]) if b)
            out.extend(b for b in (self.whole(INSERTION, n) for n in new[j1:j2]) if b)
        return out

    # --- one block, two versions ----------------------------------------------------------

    def block(self, old: Node, new: Node) -> Node:
        """`new` with what changed from `old` marked; both are of one kind."""
        kind, a, b = new["t"], old["c"], new["c"]
        if set(classes(new)) & UNMARKED:
            return new
        if kind in ("Para", "Plain"):
            return {"t": kind, "c": self.inlines(a, b)}
        if kind == "Header":
            return {"t": kind, "c": [b[0], b[1], self.inlines(a[2], b[2])]}
        if kind == "Div":
            return {"t": kind, "c": [b[0], self.blocks(a[1], b[1])]}
        if kind == "BlockQuote":
            return {"t": kind, "c": self.blocks(a, b)}
        if kind == "BulletList":
            return {"t": kind, "c": self.items(a, b)}
        if kind == "OrderedList":
            return {"t": kind, "c": [b[0], self.items(a[1], b[1])]}
        if kind == "DefinitionList":
            return {"t": kind, "c": self.definitions(a, b)}
        if kind == "Table":
            return self.table(old, new)
        return new

    def items(self, old: list[list[Node]], new: list[list[Node]]) -> list[list[Node]]:
        """List items, each a list of blocks, aligned by their text."""
        out: list[list[Node]] = []
        matcher = SequenceMatcher(
            None, [stringify(i) for i in old], [stringify(i) for i in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(new[j1:j2])
            elif tag == "replace" and i2 - i1 == j2 - j1:
                out.extend(self.blocks(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
            else:
                out.extend(self.whole_blocks(DELETION, o) for o in old[i1:i2])
                out.extend(self.whole_blocks(INSERTION, n) for n in new[j1:j2])
        return [item for item in out if item]

    def definitions(self, old: list[Any], new: list[Any]) -> list[Any]:
        """A definition list's terms and definitions, aligned by term."""
        out: list[Any] = []
        matcher = SequenceMatcher(
            None, [stringify(t) for t, _ in old], [stringify(t) for t, _ in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for (term_a, defs_a), (term_b, defs_b) in zip(old[i1:i2], new[j1:j2], strict=True):
                    term = self.inlines(term_a, term_b)
                    if len(defs_a) == len(defs_b):
                        defs = [self.blocks(x, y) for x, y in zip(defs_a, defs_b, strict=True)]
                    else:
                        defs = [self.whole_blocks(DELETION, d) for d in defs_a] + [
                            self.whole_blocks(INSERTION, d) for d in defs_b
                        ]
                    out.append([term, defs])
                continue
            for term, defs in old[i1:i2]:
                out.append(self._whole_definition(DELETION, term, defs))
            for term, defs in new[j1:j2]:
                out.append(self._whole_definition(INSERTION, term, defs))
        return out

    def _whole_definition(self, kind: str, term: list[Node], defs: list[Any]) -> list[Any]:
        return [[self.mark(kind, term)], [self.whole_blocks(kind, d) for d in defs]]

    def table(self, old: Node, new: Node) -> Node:
        """A table whose body rows are aligned by their text, cells compared one by one."""
        result = copy.copy(new)
        a, b = old["c"], new["c"]
        head = [b[3][0], self.rows(a[3][1], b[3][1])]
        bodies = list(b[4])
        if len(a[4]) == len(b[4]):
            bodies = [
                [nb[0], nb[1], self.rows(ob[2], nb[2]), self.rows(ob[3], nb[3])]
                for ob, nb in zip(a[4], b[4], strict=True)
            ]
        foot = [b[5][0], self.rows(a[5][1], b[5][1])]
        result["c"] = [b[0], b[1], b[2], head, bodies, foot]
        return result

    def rows(self, old: list[Any], new: list[Any]) -> list[Any]:
        """Table rows aligned by their text; a row gone comes back with its text deleted."""
        out: list[Any] = []
        matcher = SequenceMatcher(
            None, [stringify(r[1]) for r in old], [stringify(r[1]) for r in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(new[j1:j2])
                continue
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for o, n in zip(old[i1 : i1 + pairs], new[j1 : j1 + pairs], strict=True):
                out.append(self.row(o, n))
            out.extend(self.whole_row(DELETION, o) for o in old[i1 + pairs : i2])
            out.extend(self.whole_row(INSERTION, n) for n in new[j1 + pairs : j2])
        return out

    def row(self, old: Any, new: Any) -> Any:
        if len(old[1]) != len(new[1]):
            return self.whole_row(INSERTION, new)
        cells = [
            [n[0], n[1], n[2], n[3], self.blocks(o[4], n[4])]
            for o, n in zip(old[1], new[1], strict=True)
        ]
        return [new[0], cells]

    def whole_row(self, kind: str, row: Any) -> Any:
        return [row[0], [[c[0], c[1], c[2], c[3], self.whole_blocks(kind, c[4])] for c in row[1]]]

    # --- words --------------------------------------------------------------------------

    def inlines(self, old: list[Node], new: list[Node]) -> list[Node]:
        """`new`'s words, with the words `old` had instead marked deleted before them."""
        a, b = [_token(i) for i in old], [_token(i) for i in new]
        out: list[Node] = []
        gone: list[Node] = []
        came: list[Node] = []

        def flush() -> None:
            if gone:
                out.append(self.mark(DELETION, gone.copy()))
            if came:
                out.append(self.mark(INSERTION, came.copy()))
            gone.clear()
            came.clear()

        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                # A space alone between two changes joins them: one change reads better
                # than a word-by-word alternation.
                if (gone or came) and all(t == " " for t in b[j1:j2]) and j2 < len(b):
                    gone.extend(old[i1:i2])
                    came.extend(new[j1:j2])
                    continue
                flush()
                out.extend(new[j1:j2])
            else:
                gone.extend(old[i1:i2])
                came.extend(new[j1:j2])
        flush()
        return out

    # --- whole blocks -------------------------------------------------------------------

    def whole_blocks(self, kind: str, blocks: list[Node]) -> list[Node]:
        return [b for b in (self.whole(kind, x) for x in blocks) if b is not None]

    def whole(self, kind: str, block: Node) -> Node | None:
        """A block all inserted or all deleted; None for one that cannot hold the marks
        and is gone (a chart, a field, a code block of the earlier version)."""
        if set(classes(block)) & UNMARKED:
            return block if kind == INSERTION else None
        t = block["t"]
        c: Any = block.get("c")
        if t in ("Para", "Plain"):
            return {"t": t, "c": [self.mark(kind, c)]} if c else block
        if t == "Header":
            return {"t": t, "c": [c[0], c[1], [self.mark(kind, c[2])]]}
        if t == "Div":
            return {"t": t, "c": [c[0], self.whole_blocks(kind, c[1])]}
        if t == "BlockQuote":
            return {"t": t, "c": self.whole_blocks(kind, c)}
        if t == "BulletList":
            return {"t": t, "c": [self.whole_blocks(kind, item) for item in c]}
        if t == "OrderedList":
            return {"t": t, "c": [c[0], [self.whole_blocks(kind, item) for item in c[1]]]}
        if t == "DefinitionList":
            return {"t": t, "c": [self._whole_definition(kind, term, d) for term, d in c]}
        if t == "Table":
            table = copy.copy(block)
            head = [c[3][0], [self.whole_row(kind, r) for r in c[3][1]]]
            bodies = [
                [b[0], b[1], [self.whole_row(kind, r) for r in b[2]],
                 [self.whole_row(kind, r) for r in b[3]]]
                for b in c[4]
            ]  # fmt: skip
            foot = [c[5][0], [self.whole_row(kind, r) for r in c[5][1]]]
            table["c"] = [c[0], c[1], c[2], head, bodies, foot]
            return table
        return block if kind == INSERTION else None
