"""Three-way merge of plan data: this writer's changes laid over another program's."""

from __future__ import annotations

from typing import Any


class MergeConflict(Exception):
    """Both sides of a merge changed the same value, each in its own way."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


ABSENT: Any = object()


def merge3(base: Any, ours: Any, theirs: Any, where: str = "") -> Any:
    """`theirs` with the changes from `base` to `ours` applied; `MergeConflict` on a clash.

    Mappings merge key by key, lists of items with ids item by item (new items of each
    side are kept); any other value changed on both sides, differently, is a conflict.
    """
    if ours == base:
        return theirs
    if theirs == base or ours == theirs:
        return ours
    if all(isinstance(v, dict) for v in (base, ours, theirs)):
        merged = {}
        for key in [*theirs, *(k for k in ours if k not in theirs)]:
            value = merge3(
                base.get(key, ABSENT),
                ours.get(key, ABSENT),
                theirs.get(key, ABSENT),
                f"{where}.{key}" if where else str(key),
            )
            if value is not ABSENT:
                merged[key] = value
        return merged
    if all(isinstance(v, list) and _ided(v) for v in (base, ours, theirs)):
        return _merge_items(base, ours, theirs, where)
    raise MergeConflict(where)


def _ided(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and "id" in item for item in items)


def _merge_items(base: list[Any], ours: list[Any], theirs: list[Any], where: str) -> list[Any]:
    sides = (base, ours, theirs)
    by_id = [{item["id"]: item for item in side} for side in sides]
    if any(len(index) != len(side) for index, side in zip(by_id, sides, strict=True)):
        raise MergeConflict(where)  # a repeated id: no safe way to pair the items
    old, mine, other = by_id
    merged = []
    for n, item in enumerate(theirs):
        value = merge3(
            old.get(item["id"], ABSENT), mine.get(item["id"], ABSENT), item, f"{where}[{n}]"
        )
        if value is not ABSENT:
            merged.append(value)
    for key, item in old.items():
        if key in mine and key not in other and mine[key] != item:
            raise MergeConflict(f"{where}[{base.index(item)}]")  # edited here, removed there
    merged += [item for key, item in mine.items() if key not in old and key not in other]
    return merged
