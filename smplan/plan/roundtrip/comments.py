"""The comment lines of a plan file, kept with what a person wrote them for.

ruamel.yaml keeps a comment line with the entry before it, or before the key after it;
when an entry is added, removed or answered, these helpers move the lines so that each
stays with what it is about: a commented example above its answers, a note with the
entry that follows it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from smplan.plan.roundtrip.nodes import is_map, is_seq

#: Comment lines written before a key, as ruamel.yaml keeps them (None when there are none).
Comments = list[Any] | None


def pre_comments(node: Any, key: Any) -> Comments:
    """The comment lines written just before `key`."""
    entry = node.ca.items.get(key)
    return entry[1] if entry and isinstance(entry[1], list) else None


def inner_comments(node: Any, key: Any) -> Comments:
    """The comment lines between `key` and the first key of the mapping it opens."""
    entry = node.ca.items.get(key)
    return entry[3] if entry and len(entry) > 3 and isinstance(entry[3], list) else None


def comments_after(node: Any, key: Any, following: Comments) -> Comments:
    """The comment lines written after the entry `key`: before the next key, or `following`."""
    keys = list(node)
    position = keys.index(key) + 1
    return pre_comments(node, keys[position]) if position < len(keys) else following


def claim_example(comments: Comments, key: str) -> Comments:
    """Take from `comments` the lines up to the end of a commented-out `key:` example.

    `smplan new` writes, before each list, a commented example of it; the answers go
    right after that example, and the comments that follow stay with what follows.
    """
    if not comments:
        return None
    example = re.compile(rf"#\s*{re.escape(key)}:")
    start = next(
        (i for i, token in enumerate(comments) if example.match(token.value.lstrip(" "))), None
    )
    if start is None:
        return None
    return _cut_paragraph(comments, start)


def keep_example_above(node: Any, key: Any, following: Comments) -> None:
    """Keep the commented example written under a key left empty above its first answer.

    `smplan new` writes each step's key empty, with its example commented right below
    it; ruamel.yaml reads those lines as coming before the next key. The answers go
    after the example, and the comments that follow it stay with what follows.
    """
    if not following or not following[0].value.startswith("#"):
        return  # a blank line first: what follows belongs to the next key
    example = _cut_paragraph(following, 0)
    node.ca.items.setdefault(key, [None, None, None, None])[3] = example
    node[key].ca.comment = [None, example]


def _cut_paragraph(comments: list[Any], start: int) -> list[Any]:
    """Take from `comments` the lines up to the end of the paragraph holding `start`."""
    end = next(
        (i for i in range(start, len(comments)) if comments[i].value.endswith("\n\n")),
        len(comments) - 1,
    )
    claimed = comments[: end + 1]
    rest = comments[end + 1 :]
    last = claimed[-1]
    if last.value.endswith("\n\n"):
        # The blank line that closed the example now separates the answer from what follows.
        claimed[-1] = _token(last, last.value[:-1])
        rest.insert(0, _token(last, "\n"))
    comments[:] = rest
    return claimed


def _token(like: Any, value: str) -> Any:
    token = copy.copy(like)
    token.value = value
    return token


# --- comment lines that follow an entry --------------------------------------------
#
# ruamel.yaml stores the comment lines written after an entry on that entry's last
# scalar, together with its end-of-line comment. When an entry is inserted after it, the
# lines that were written before the next entry must move to the new one.


def move_trailing(node: Any, before: Any, new: Any, anchor: str | None = None) -> None:
    """Move the comment lines that followed the entry `before` to the entry `new` after it."""
    trailing = take_trailing(node, before, anchor)
    if trailing:
        give_trailing(node, new, trailing)


def _comment_slot(node: Any, key: Any) -> tuple[list[Any], int] | None:
    items = node.ca.items
    if key not in items:
        return None
    return items[key], (2 if is_map(node) else 0)


def take_trailing(node: Any, key: Any, anchor: str | None = None) -> str | None:
    """Detach the comment lines that follow an entry, keeping its end-of-line comment.

    With an `anchor`, the lines up to the end of the paragraph that shows a commented-out
    `anchor:` (an example in a `smplan new` skeleton) stay: the new key goes after them.
    """
    value = node[key]
    if is_map(value) and len(value):
        return take_trailing(value, list(value)[-1], anchor)
    if is_seq(value) and len(value):
        return take_trailing(value, len(value) - 1, anchor)
    slot = _comment_slot(node, key)
    if slot is None or slot[0][slot[1]] is None:
        return None
    entry, index = slot
    token = entry[index]
    text: str = token.value
    own, rest = "", text
    if text.startswith("#"):
        cut = text.find("\n") + 1 or len(text)
        own, rest = text[:cut], text[cut:]
    example = re.search(rf"(?m)^[ \t]*#[ \t]*{re.escape(anchor)}:", text) if anchor else None
    if example:
        end = text.find("\n\n", example.start())
        if end < 0:
            return None
        own, rest = text[: end + 1], text[end + 1 :]
    if own:
        # The kept part ended the line; the moved block needs its own line ending.
        rest = "\n" + rest if rest else ""
    if "#" not in rest and rest.count("\n") < 2:
        return None  # only the end of the line: no comment, no blank line to carry
    if own:
        token.value = own
    else:
        entry[index] = None
    return rest


def give_trailing(node: Any, key: Any, text: str) -> None:
    """Write comment lines `text` after the entry `key` (after its last scalar)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    value = node[key]
    if is_map(value) and len(value):
        give_trailing(value, list(value)[-1], text)
        return
    if is_seq(value) and len(value):
        give_trailing(value, len(value) - 1, text)
        return
    index = 2 if is_map(node) else 0
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    existing = entry[index]
    if existing is None:
        entry[index] = CommentToken(text, CommentMark(0), None)
    else:
        existing.value = existing.value.rstrip("\n") + "\n" + text.lstrip("\n")
