"""Apply the differences between two versions of a plan to its YAML document.

Only what changed is touched, so the comments, key order, quoting and indentation of
the rest survive; new keys go where the model would put them.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from smplan.plan.roundtrip.comments import (
    Comments,
    claim_example,
    comments_after,
    give_trailing,
    inner_comments,
    keep_example_above,
    move_trailing,
    pre_comments,
    take_trailing,
)
from smplan.plan.roundtrip.nodes import is_map, is_seq, to_node


def merge_map(
    node: Any,
    old: dict[str, Any],
    new: dict[str, Any],
    following: Comments = None,
    leading: Comments = None,
) -> None:
    """Apply to `node` what changed from `old` to `new`.

    `leading` and `following` hold the comment lines written just before `node`'s first
    key and just after `node`: a key added first or last may claim its commented example
    there.
    """
    for key in [k for k in old if k not in new]:
        if key in node:
            _delete(node, key)
    order = list(new)
    for key, value in new.items():
        if key in old and old[key] == value:
            # Unchanged, even when the file leaves it out because it is the default.
            continue
        if key not in node:
            _insert_key(node, key, value, order, following, leading)
        else:
            # Merged even when unanswered before: an empty mapping or list written by
            # hand (or by `smplan new`) keeps the comments inside it.
            after = comments_after(node, key, following)
            before = inner_comments(node, key)
            merge_value(node, key, old.get(key, _EMPTY.get(type(value))), value, after, before)


_EMPTY: dict[type, Any] = {dict: {}, list: []}


def merge_value(
    node: Any,
    key: Any,
    old: Any,
    new: Any,
    following: Comments = None,
    leading: Comments = None,
) -> None:
    """Apply to the value of `key` in `node` what changed from `old` to `new`."""
    current = node[key]
    if isinstance(old, dict) and isinstance(new, dict) and is_map(current):
        merge_map(current, old, new, following, leading)
    elif isinstance(old, list) and isinstance(new, list) and is_seq(current):
        merge_seq(current, old, new)
    else:
        _replace(node, key, new)
        if current is None and is_seq(node[key]) and len(node[key]):
            keep_example_above(node, key, following)


def merge_seq(node: Any, old: list[Any], new: list[Any]) -> None:
    """Apply to a sequence what changed from `old` to `new`, item by item."""
    matcher = difflib.SequenceMatcher(
        a=[identity(item) for item in old],
        b=[identity(item) for item in new],
        autojunk=False,
    )
    # From the end, so the indices of earlier opcodes stay right.
    for _tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        paired = min(i2 - i1, j2 - j1)
        for index in reversed(range(i1 + paired, i2)):
            _delete(node, index)
        for offset, item in enumerate(new[j1 + paired : j2]):
            _insert_item(node, i1 + paired + offset, item)
        # Same entry (same id, or same place in a run of changes): edit it in place.
        for offset in range(paired):
            if old[i1 + offset] != new[j1 + offset]:
                merge_value(node, i1 + offset, old[i1 + offset], new[j1 + offset])


def identity(item: Any) -> str:
    """What tells a list item apart: its id, or else its whole content."""
    if isinstance(item, dict) and "id" in item:
        return f"id:{item['id']}"
    return json.dumps(item, sort_keys=True, default=str)


def _replace(node: Any, key: Any, value: Any) -> None:
    # Assigning in place keeps the end-of-line comment attached to the key or index.
    node[key] = to_node(value)


def _insert_key(
    node: Any,
    key: str,
    value: Any,
    order: list[str],
    following: Comments = None,
    leading: Comments = None,
) -> None:
    keys = list(node)
    position = 0
    for previous in reversed(order[: order.index(key)]):
        if previous in node:
            position = keys.index(previous) + 1
            break
    if position < len(keys):
        before_next = pre_comments(node, keys[position])
        if position == 0 and leading:
            # What was written before the first key now comes before the new first key,
            # or before the old one for whatever the new key does not claim.
            before_next = leading + (before_next or [])
            leading[:] = []
            node.ca.items.setdefault(keys[0], [None, None, None, None])[1] = before_next
    else:
        before_next = following
    node.insert(position, key, to_node(value))
    example = claim_example(before_next, key)
    if example:
        node.ca.items.setdefault(key, [None, None, None, None])[1] = example
    elif position > 0:
        move_trailing(node, keys[position - 1], key, anchor=key)


def _insert_item(node: Any, index: int, value: Any) -> None:
    node.insert(index, to_node(value))
    if index > 0:
        move_trailing(node, index - 1, index)


def _delete(node: Any, key: Any) -> None:
    # Comments written after the removed entry belong to what follows it: keep them.
    trailing = take_trailing(node, key)
    keys = list(node) if is_map(node) else list(range(len(node)))
    position = keys.index(key)
    del node[key]
    if trailing and position > 0:
        give_trailing(node, keys[position - 1], trailing)
