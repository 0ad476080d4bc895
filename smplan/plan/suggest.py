"""Which known words come closest to an unknown one, and whether one is what was meant.

Every "did you mean" of smplan comes from here: the loader's (a key, an allowed value)
and the rules' (an id, a metric, a pillar). A known word is offered as the one meant only
when it is near: a slip of a letter or two, or the start of it (`near`). Sharing letters
is not enough: "winemaking" is no misspelt "marketing".

A "did you mean" against every known id costs a string comparison per pair, so a plan
with thousands of dangling references would take minutes. Here the known ids of one kind
are indexed once by their two-letter pieces; an unknown id is compared in full only with
the few known ids that share the most pieces with it, and each distinct unknown id is
looked up once. Short lists are searched whole, as `difflib` would.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: How many known ids a hint lists at most; the rest are counted.
SHOWN = 12
#: How many of the known ids sharing the most pieces are ranked.
_CANDIDATES = 32
#: A piece held by more known ids than this is left out of the index.
_COMMON = 256
#: How many of the best ranked are compared in full for a "did you mean".
_COMPARED = 8


@dataclass(frozen=True)
class Suggestions:
    """The known id an unknown one is most likely a typo of, and the closest few."""

    match: str | None
    closest: tuple[str, ...]
    #: How many known ids `closest` leaves out.
    more: int


def near(value: str, known: str) -> bool:
    """Whether `known` is near enough to `value` to be what was meant: the same but for
    one letter in three (a slip, a swap, a letter left out), or the start of it."""
    a, b = value.casefold(), known.casefold()
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return _edits(a, b) <= max(1, max(len(a), len(b)) // 3)


def _edits(a: str, b: str) -> int:
    """How many letters to change, add, drop or swap with the next to turn `a` into `b`."""
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, previous = previous, row
    return previous[-1]


def _likely(value: str, pool: Sequence[str]) -> str | None:
    """The known word most alike `value` (as `difflib` ranks them) that is near it."""
    return next((c for c in difflib.get_close_matches(value, pool, n=3) if near(value, c)), None)


def _pieces(text: str) -> set[str]:
    padded = f" {text.casefold()} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class _Index:
    """The known ids of one kind, by the two-letter pieces each holds."""

    def __init__(self, known: tuple[str, ...]) -> None:
        self.known = known
        self.sizes: list[int] = []
        postings: dict[str, list[int]] = {}
        for position, ident in enumerate(known):
            pieces = _pieces(ident)
            self.sizes.append(len(pieces))
            for piece in pieces:
                postings.setdefault(piece, []).append(position)
        # A piece that many ids hold tells them apart little, and would make each look-up
        # as slow as a comparison with every id: only the rarer pieces are kept.
        self.postings = {p: ids for p, ids in postings.items() if len(ids) <= _COMMON}
        self._found: dict[str, Suggestions] = {}

    def suggest(self, value: str) -> Suggestions:
        """A likely match for `value` (near it, see `near`) and the closest few."""
        found = self._found.get(value)
        if found is None:
            found = self._found[value] = self._suggest(value)
        return found

    def _suggest(self, value: str) -> Suggestions:
        known = self.known
        if len(known) <= SHOWN:
            return Suggestions(_likely(value, known), known, 0)
        ranked = self.ranked(value)
        pool = known if len(known) <= _COMPARED else ranked[:_COMPARED]
        closest = tuple(ranked[:SHOWN])
        return Suggestions(_likely(value, pool), closest, len(known) - len(closest))

    def ranked(self, value: str) -> list[str]:
        """Up to `_CANDIDATES` known ids, the most alike first (by shared pieces)."""
        pieces = _pieces(value)
        shared: Counter[int] = Counter()
        for piece in pieces:
            shared.update(self.postings.get(piece, ()))
        size = len(pieces)
        # The most pieces in common first, then the most alike for their length.
        best = sorted(
            shared.most_common(_CANDIDATES),
            key=lambda item: (-2 * item[1] / (size + self.sizes[item[0]]), item[0]),
        )
        chosen = [self.known[position] for position, _ in best]
        if len(chosen) < SHOWN:
            seen = set(chosen)
            chosen += [k for k in self.known[: SHOWN * 2] if k not in seen]
        return chosen


#: The known lists last looked up in, with their index, by identity: the rules ask about
#: the same list for every reference, and even hashing it each time would cost as much
#: as the look-up itself.
_INDEXES: dict[int, tuple[Sequence[str], int, _Index]] = {}


def closest(value: str, known: Sequence[str]) -> Suggestions:
    """The closest words of `known` to `value`, worked out once per distinct `value`."""
    entry = _INDEXES.get(id(known))
    if entry is None or entry[0] is not known or entry[1] != len(known):
        if len(_INDEXES) >= 16:
            _INDEXES.clear()
        entry = _INDEXES[id(known)] = (known, len(known), _Index(tuple(known)))
    return entry[2].suggest(value)
