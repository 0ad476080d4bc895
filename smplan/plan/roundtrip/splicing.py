"""Rewrite one changed entry of a plan file alone, the rest of the text kept as it is.

An answer changes one list item or one key of a step: its lines are loaded with the keys
above them, changed as the whole document would be, and put back in place of the old
lines, so a large plan is never parsed whole for one answer.
"""

from __future__ import annotations

import io
import re
from typing import Any

from smplan.plan.roundtrip.comments import inner_comments
from smplan.plan.roundtrip.editing import identity, merge_seq, merge_value
from smplan.plan.roundtrip.merging import ABSENT
from smplan.plan.roundtrip.nodes import is_seq


def _indent_of(line: str) -> int | None:
    """The column where a line's content starts; None for a blank or comment line."""
    stripped = line.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    return len(line) - len(stripped)


def _key_region(lines: list[str], start: int, end: int, key: str) -> tuple[int, int] | None:
    """The lines [a, b) of `key` in the mapping written on lines [start, end)."""
    column = next((c for c in map(_indent_of, lines[start:end]) if c is not None), None)
    if column is None:
        return None
    head = " " * column + f"{key}:"
    found = [i for i in range(start, end) if lines[i].startswith(head)]
    if len(found) != 1:
        return None
    a = found[0]
    for b in range(a + 1, end):
        line = lines[b]
        if line[:column].strip() == "" and line[column : column + 1] in (" ", "-", "\n", "#"):
            continue  # deeper, a sequence's dash at the key's column, blank or a comment
        depth = _indent_of(line)
        if depth is None:
            continue
        if depth < column or (depth == column and not line[column:].startswith("-")):
            return a, b
    return a, end


def _top_region(text: str, key: str) -> tuple[int, int] | None:
    """The lines [a, b) of a top-level key: up to the next line that starts a key."""
    found = list(re.finditer(rf"(?m)^{re.escape(key)}:", text))
    if len(found) != 1:
        return None
    start = found[0].start()
    following = re.compile(r"(?m)^[^\s#\-.]").search(text, found[0].end())
    if following is not None and text.startswith("---", following.start()):
        return None
    end = following.start() if following else len(text)
    a = text.count("\n", 0, start)
    return a, a + text.count("\n", start, end)


def _item_regions(lines: list[str], start: int, end: int) -> list[tuple[int, int]] | None:
    """The lines of each item of the block sequence written on lines [start, end)."""
    column = next((c for c in map(_indent_of, lines[start:end]) if c is not None), None)
    if column is None:
        return None
    starts = []
    margin = " " * column
    for i in range(start, end):
        line = lines[i]
        if line.startswith(margin) and line[column : column + 1] == " ":
            continue  # inside an item
        depth = _indent_of(line)
        if depth is None:
            continue
        if depth < column:
            return None
        if depth == column:
            if not (line[column:].startswith("- ") or line[column:].rstrip() == "-"):
                return None
            starts.append(i)
    if not starts or starts[0] != next(
        i for i in range(start, end) if _indent_of(lines[i]) is not None
    ):
        return None
    return [(a, b) for a, b in zip(starts, [*starts[1:], end], strict=True)]


def splice(yaml: Any, text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """`text` with one changed entry rewritten alone, or None when the change is wider.

    The entry's lines are loaded with the keys above them, changed as the whole document
    would be, written again, and put back in place of the old lines.
    """
    changed = [k for k in {**old, **new} if old.get(k, ABSENT) != new.get(k, ABSENT)]
    if len(changed) != 1 or changed[0] not in old or changed[0] not in new:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or not lines[-1].endswith("\n"):
        return None
    path: list[str] = [changed[0]]
    region = _top_region(text, path[0])
    old_value, new_value = old[path[0]], new[path[0]]
    if region is None:
        return None
    headers = [region[0]]
    # One key further down a step's mapping, when only it changed.
    if isinstance(old_value, dict) and isinstance(new_value, dict):
        inner = [
            k
            for k in {**old_value, **new_value}
            if old_value.get(k, ABSENT) != new_value.get(k, ABSENT)
        ]
        if len(inner) == 1 and inner[0] in old_value and inner[0] in new_value:
            below = _key_region(lines, region[0] + 1, region[1], inner[0])
            if below is not None:
                path.append(inner[0])
                region = below
                headers.append(below[0])
                old_value, new_value = old_value[inner[0]], new_value[inner[0]]
    item: int | None = None
    if isinstance(old_value, list) and isinstance(new_value, list) and old_value:
        regions = _item_regions(lines, region[0] + 1, region[1])
        if regions is None or len(regions) != len(old_value):
            return None
        if len(new_value) == len(old_value):
            differ = [
                i for i, (a, b) in enumerate(zip(old_value, new_value, strict=True)) if a != b
            ]
            if len(differ) == 1 and identity(old_value[differ[0]]) == identity(
                new_value[differ[0]]
            ):
                item = differ[0]
                old_value, new_value = [old_value[item]], [new_value[item]]
        elif len(new_value) == len(old_value) + 1 and new_value[:-1] == old_value:
            item = len(old_value) - 1
            old_value, new_value = [old_value[-1]], new_value[-2:]
        if item is not None:
            region = regions[item]
    if item is None and len(path) == 1:
        return None  # a whole step: left to the whole document
    a, b = region
    head = [lines[i] for i in (headers if item is not None else headers[:-1])]
    wrapper = "".join(head + lines[a:b])
    explicit = yaml.explicit_start
    try:
        yaml.explicit_start = False
        doc = yaml.load(wrapper)
        node = doc
        for key in path[: len(head)]:
            node = node[key]
        if item is not None:
            if not is_seq(node) or len(node) != 1:
                return None
            merge_seq(node, old_value, new_value)
        else:
            parent_key = path[-1]
            end = doc.ca.end
            merge_value(
                node,
                parent_key,
                old_value,
                new_value,
                end if isinstance(end, list) else None,
                inner_comments(node, parent_key),
            )
        stream = io.StringIO()
        yaml.dump(doc, stream)
    finally:
        yaml.explicit_start = explicit
    written = stream.getvalue().splitlines(keepends=True)
    if len(written) < len(head) or any(
        w.split(":", 1)[0] != h.split(":", 1)[0] for w, h in zip(written, head, strict=False)
    ):
        return None
    return "".join(lines[:a] + written[len(head) :] + lines[b:])
