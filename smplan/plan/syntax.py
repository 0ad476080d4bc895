"""A YAML syntax error said where the person made it, and the file read around it.

The YAML parser stops where the text stops making sense to it, often lines after the
mistake: a quote left open swallows the lines below it, a key one space too far in is
read as more words of the value above, a colon left out makes the next line the odd one.
Here the lines are read as a person reads them, against the keys around them: the
indentation of each key beside its neighbours, a quote opened and not closed, a colon
glued to its value or left out, a line of prose among keys, a section's key commented
out above its items, a space that is not an ordinary one. Each suspect is mended in a
copy of the text and parsed again; the first mend that lets the parser read further is
the mistake. The mended text then lets the rest of the file be read and judged.

Nothing here knows the plan's fields: the caller gives the names keys may have.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from smplan.errors import Problem
from smplan.i18n import L_, LN_, Message
from smplan.plan import problems as codes

#: Spaces that look like one but are not YAML's: what a web page or a word processor
#: pastes. Each has the words that name it.
ODD_SPACES: dict[str, Message] = {
    "\u00a0": L_("a non-breaking space"),
    "\u202f": L_("a narrow non-breaking space"),
    "\u2007": L_("a figure space"),
    "\u2009": L_("a thin space"),
    "\u3000": L_("an ideographic space"),
}
_OTHER_SPACE = L_("an unusual space")


def _is_odd_space(char: str) -> bool:
    return char != " " and unicodedata.category(char) == "Zs"


def _space_name(char: str) -> Message:
    return ODD_SPACES.get(char, _OTHER_SPACE)


@dataclass(frozen=True)
class Mistake:
    """One syntax mistake: where it is (0-based), what it is, and the lines mended."""

    line: int
    column: int
    message: Message
    hint: Message | None
    lines: list[str] = field(repr=False, compare=False)
    code: str = codes.SYNTAX
    #: The line is left out rather than mended: what it held is not read.
    dropped: bool = False

    def problem(self) -> Problem:
        """The mistake as a located problem (1-based line and column)."""
        return Problem(
            self.message,
            line=self.line + 1,
            column=self.column + 1,
            hint=self.hint,
            code=self.code,
        )


# --- What a line holds -----------------------------------------------------------------

#: A key and its colon: plain (words, possibly with spaces) or quoted.
_KEY = re.compile(
    r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},&*!|>%@`:-][^#]*?|-[^\s#][^#]*?)"""
    r"""[ \t]*:(?=[ \t]|$)"""
)
#: A name a key may have: one word of letters, digits, `_` and `-`.
_NAME = r"[A-Za-z_][\w-]*"
_GLUED = re.compile(rf"^(?P<key>{_NAME}):(?P<value>[^\s:/\\].*)$")
_NO_COLON = re.compile(rf"^(?P<key>{_NAME})(?:[ \t]+(?P<value>\S.*))?$")
_COMMENTED_KEY = re.compile(rf"^(?P<indent>[ ]*)#[ ]?(?P<key>{_NAME}):[ \t]*$")
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*[ \t]*(#.*)?$")
_MARKER = re.compile(r"^(%|---(\s|$)|\.\.\.(\s|$))")


@dataclass(frozen=True)
class _Line:
    """What one line of the file holds, read the way a person reads a plan."""

    index: int
    text: str
    indent: int
    #: "blank", "comment", "key" (`key: value`), "item" (`- ...` with no key after the
    #: dash) or "scalar" (words and nothing else).
    kind: str
    #: The columns of the line's dashes, for items (`- - key: value` has two).
    dashes: tuple[int, ...] = ()
    key: str = ""
    key_column: int = 0
    colon: int = 0
    #: What follows the colon (or the dashes, or the indentation), comment included.
    value: str = ""
    value_column: int = 0

    @property
    def content(self) -> int:
        """The column where what the line says starts, past its dashes."""
        if self.kind == "key":
            return self.key_column
        return self.value_column

    @property
    def bare_value(self) -> str:
        """The value without a comment after it."""
        return re.split(r"(?:^|[ \t])#", self.value, maxsplit=1)[0].strip()

    @property
    def opens(self) -> bool:
        """Whether the lines below may be more indented: `key:` or `-` with nothing after."""
        if self.kind == "key":
            return not self.bare_value or bool(_BLOCK_SCALAR.match(self.value))
        return self.kind == "item" and not self.bare_value

    @property
    def name(self) -> str:
        """How a message names the line: its key (an item's with its value), or its words."""
        if self.kind == "key" and not (self.dashes and self.bare_value):
            return self.key
        words = f"{self.key}: {self.bare_value}" if self.kind == "key" else self.bare_value
        return words if len(words) <= 30 else words[:27] + "..."


def _read_line(index: int, text: str) -> _Line:
    indent = len(text) - len(text.lstrip(" "))
    body = text[indent:]
    if not body.strip():
        return _Line(index, text, indent, "blank")
    if body.startswith("#") or (indent == 0 and _MARKER.match(body)):
        # A directive (`%YAML`) or a document marker holds no key: read past like a comment.
        return _Line(index, text, indent, "comment")
    column, dashes = indent, []
    while body.startswith("-") and (len(body) == 1 or body[1] in " \t"):
        dashes.append(column)
        rest = body[1:].lstrip(" \t")
        column += len(body) - len(rest)
        body = rest
    found = _KEY.match(body)
    if found:
        after = body[found.end() :]
        value = after.lstrip(" \t")
        return _Line(
            index,
            text,
            indent,
            "key",
            tuple(dashes),
            found.group("key"),
            column,
            column + found.end() - 1,
            value,
            column + found.end() + len(after) - len(value),
        )
    kind = "item" if dashes else "scalar"
    return _Line(index, text, indent, kind, tuple(dashes), value=body, value_column=column)


# --- Spaces that are not spaces --------------------------------------------------------

#: Where a space matters to YAML: the indentation, after a dash, around a key's colon.
_STRUCTURE = re.compile(
    rf"^(?P<lead>[^\S\r\n]*)(?:-(?P<dash>[^\S\r\n]+))*"
    rf"(?:(?P<key>{_NAME})(?P<before>[^\S\r\n]*):(?P<after>[^\S\r\n]+))?"
)


def odd_spaces(lines: list[str]) -> list[Mistake]:
    """Each line with a space YAML does not read as one where the structure needs one.

    Inside a text such a space is the person's own (French puts one before a colon);
    in the indentation, after an item's dash or around a key's colon it breaks the line.
    Each is mended to an ordinary space, so the columns do not move.
    """
    found: list[Mistake] = []
    mended = list(lines)
    for index, text in enumerate(lines):
        if text.isascii() or not any(_is_odd_space(c) for c in text if not c.isascii()):
            continue
        match = _STRUCTURE.match(text)
        if match is None:
            continue
        odd = [i for i in range(match.end()) if _is_odd_space(text[i])]
        if not odd:
            continue
        first = odd[0]
        fixed = "".join(" " if i in odd else c for i, c in enumerate(text))
        mended[index] = fixed
        what = _space_name(text[first])
        char = f"U+{ord(text[first]):04X}"
        key = match.group("key")
        before = match.group("before") or ""
        if key and before and match.start("before") <= first < match.end("before"):
            message = L_(
                "{what} ({char}) between `{key}` and its colon",
                what=what,
                char=char,
                key=key,
            )
            hint = L_("write the colon right after the key: `{key}:`", key=key)
        else:
            message = L_("{what} ({char}) where YAML needs an ordinary space", what=what, char=char)
            hint = L_(
                "type the spaces of this line again: such a space comes with text pasted "
                "from a web page or a word processor"
            )
        # Every one shares the text with all of them mended.
        found.append(Mistake(index, first, message, hint, mended))
    return found


# --- Suspects -------------------------------------------------------------------------


Parse = Callable[[list[str]], tuple[int, int] | None]


def diagnose(
    lines: list[str],
    error: tuple[int, int],
    said: str,
    known: frozenset[str],
    parse: Parse,
    tries: int = 12,
) -> Mistake | None:
    """The mistake behind a syntax error found at `error` (0-based line and column).

    `said` is what the parser said, `known` the names a key may have, `parse` tells
    where a mended text fails (None when it parses). The suspects are tried in turn,
    at most `tries` of them; the first whose mend lets the parser read further wins.
    """
    further: Mistake | None = None
    for tried, mistake in enumerate(_suspects(lines, error, said, known)):
        if tried >= tries:
            break
        after = parse(mistake.lines)
        if after is None:
            return mistake
        if after > error and further is None:
            further = mistake
    return further


def _suspects(
    lines: list[str], error: tuple[int, int], said: str, known: frozenset[str]
) -> Iterator[Mistake]:
    read = [_read_line(i, text) for i, text in enumerate(lines[: error[0] + 1])]
    yield from _quotes(read, lines)
    # By the line that does not fit, nearest to the error first.
    by_line: list[list[Mistake]] = [[] for _ in read]
    for index, mistake in _structure(read, lines, known):
        by_line[index].append(mistake)
    at_error = list(_at_error(read, lines, error, said))
    for index in reversed(range(len(read))):
        if index == error[0]:
            yield from at_error
        yield from by_line[index]


def _mended(lines: list[str], index: int, text: str) -> list[str]:
    out = list(lines)
    out[index] = text
    return out


def _quoted(text: str) -> str:
    """`text` between quotes, as YAML reads it back unchanged."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


# --- Quotes left open, and text after a closing quote ----------------------------------


def _closing(value: str) -> int | None:
    """Where the quote that opens `value` closes on the line, or None."""
    quote = value[0]
    i = 1
    while i < len(value):
        char = value[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and value[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _quotes(read: list[_Line], lines: list[str]) -> Iterator[Mistake]:
    """Quotes and brackets that open a value and do not close on its line, first to last."""
    for line in read:
        value = line.value if line.kind in ("key", "item") else ""
        if value[:1] in ("[", "{"):
            yield from _unclosed_flow(line, lines)
        if not value or value[0] not in "\"'":
            continue
        quote = value[0]
        end = _closing(value)
        if end is None:
            yield Mistake(
                line.index,
                line.value_column,
                L_("a text opens with `{quote}` and is not closed on its line", quote=quote),
                L_("put a closing `{quote}` at the end of the text", quote=quote),
                _mended(lines, line.index, line.text.rstrip() + quote),
            )
            continue
        rest = value[end + 1 :]
        extra = rest.strip()
        if not extra or extra.startswith("#") or extra[0] in ",]}":
            continue
        whole = value.split(" #")[0].rstrip()
        column = line.value_column + end + 1 + len(rest) - len(rest.lstrip())
        if quote == "'" and extra.endswith("'"):
            hint = L_(
                "inside single quotes an apostrophe is written twice (`''`); or put the "
                "text in double quotes: `{text}`",
                text='"' + whole[1:-1].replace('"', '\\"') + '"',
            )
            mend = whole[0] + whole[1:-1].replace("'", "''") + whole[-1]
        else:
            hint = L_(
                "a text that starts with a quote is quoted whole: `{text}`", text=_quoted(whole)
            )
            mend = _quoted(whole)
        yield Mistake(
            line.index,
            column,
            L_("text after the closing quote: `{text}`", text=extra.split(" #")[0]),
            hint,
            _mended(lines, line.index, line.text[: line.value_column] + mend),
        )


def _unclosed_flow(line: _Line, lines: list[str]) -> Iterator[Mistake]:
    """A `[...]` list (or `{...}` block) that its line does not close."""
    value = line.bare_value
    depth = 0
    quote = ""
    for char in value:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    if depth <= 0 or quote:
        return
    closing = "".join("]" if c == "[" else "}" for c in reversed(_open_brackets(value)))
    yield Mistake(
        line.index,
        line.value_column,
        L_("a `{open}` opened here is not closed on its line", open=value[0]),
        L_("end the line with `{close}`", close=closing),
        _mended(lines, line.index, line.text.rstrip() + closing),
    )


def _open_brackets(value: str) -> list[str]:
    stack: list[str] = []
    for char in value:
        if char in "[{":
            stack.append(char)
        elif char in "]}" and stack:
            stack.pop()
    return stack


# --- Indentation, colons, stray lines, commented keys ----------------------------------


def _structure(
    read: list[_Line], lines: list[str], known: frozenset[str]
) -> Iterator[tuple[int, Mistake]]:
    """Lines that do not fit the blocks around them, each with the mends worth trying.

    The blocks are followed as a person sees them: the columns where keys and list items
    stand on the way down to each line. Each mend comes with the line found not to fit.
    """
    blocks = _Blocks()
    previous: _Line | None = None
    skip_below: int | None = None
    for line in read:
        if (
            line.kind in ("blank", "comment")
            or "\t" in line.text[: len(line.text) - len(line.text.lstrip())]
        ):
            continue
        if skip_below is not None:
            if line.indent > skip_below:
                continue
            skip_below = None
        if previous is None:
            blocks.enter(line)
            previous = line
            continue
        if line.kind == "scalar" and line.indent > previous.content and not previous.opens:
            # More words of the value above, on a line of their own: still that value.
            continue
        for mistake in _misfit(line, previous, blocks, lines, known, read):
            yield line.index, mistake
        blocks.enter(line)
        if line.kind == "key" and _BLOCK_SCALAR.match(line.value):
            skip_below = line.indent
        previous = line


class _Blocks:
    """The columns where keys ("map") and list items ("seq") stand, on the way down."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        #: The stack as it stood before the last line moved it.
        self.before: list[tuple[int, str]] = []

    def columns(self) -> list[int]:
        """The columns, outermost first."""
        return sorted({column for column, _kind in self.stack})

    def has(self, column: int, kind: str) -> bool:
        """Whether a block of that kind stands at that column."""
        return (column, kind) in self.stack

    def deepest(self) -> int:
        """The column of the innermost block."""
        return self.stack[-1][0] if self.stack else 0

    def enter(self, line: _Line) -> None:
        """Follow the blocks down to `line`."""
        self.before = list(self.stack)
        item = bool(line.dashes)
        while self.stack and (
            self.stack[-1][0] > line.indent or (self.stack[-1] == (line.indent, "seq") and not item)
        ):
            self.stack.pop()
        for column in line.dashes:
            self._add(column, "seq")
        if line.kind == "key":
            self._add(line.key_column, "map")
        elif not line.dashes:
            self._add(line.indent, "map")

    def _add(self, column: int, kind: str) -> None:
        if not self.stack or self.stack[-1] != (column, kind):
            if self.stack and self.stack[-1][0] > column:
                return
            self.stack.append((column, kind))


def _misfit(
    line: _Line,
    previous: _Line,
    blocks: _Blocks,
    lines: list[str],
    known: frozenset[str],
    read: list[_Line],
) -> Iterator[Mistake]:
    under = previous.opens and line.indent > previous.content
    if line.dashes:
        beside = previous.opens and previous.kind == "key" and line.indent == previous.content
        if under or beside or blocks.has(line.indent, "seq"):
            return
        yield from _commented_key(line, read, lines)
        if (
            previous.kind == "key"
            and previous.bare_value
            and (line.indent > previous.key_column or _empty(previous.bare_value))
        ):
            yield _value_and_items(previous, lines)
        if line.indent in blocks.columns():
            yield _item_among_keys(line, lines, read)
        else:
            yield from _indentation(line, previous, blocks, lines, read)
        return
    if line.kind == "key":
        if under or blocks.has(line.indent, "map"):
            return
        yield from _commented_key(line, read, lines)
        if previous.kind == "item" and line.indent == previous.value_column:
            # `- name:Megan` above keys lined up with it: the item's first key, glued.
            yield from _not_a_key(previous, previous, lines, known, stray=False)
        yield from _indentation(line, previous, blocks, lines, read)
        return
    following = _next_content(read, line.index)
    if not under or (following is not None and following.indent == line.indent):
        # Words alone are the value of the `key:` above them, unless keys follow beside.
        yield from _not_a_key(line, previous, lines, known)


def _empty(value: str) -> bool:
    return value in ("[]", "{}", "''", '""')


def _next_content(read: list[_Line], index: int) -> _Line | None:
    return next((r for r in read[index + 1 :] if r.kind not in ("blank", "comment")), None)


def _commented_key(line: _Line, read: list[_Line], lines: list[str]) -> Iterator[Mistake]:
    """`# members:` above lines that are not commented out: the key they need back."""
    for other in reversed(read[: line.index]):
        if other.kind not in ("blank", "comment") and other.indent < line.indent:
            return
        found = _COMMENTED_KEY.match(other.text) if other.kind == "comment" else None
        below = _next_content(read, other.index) if found else None
        if (
            found
            and below is not None
            and (below.indent > other.indent or (below.dashes and below.indent == other.indent))
        ):
            key = found.group("key")
            yield Mistake(
                other.index,
                other.indent,
                L_("the `{key}:` line is commented out, but the lines under it are not", key=key),
                L_("remove the `#` before `{key}:`", key=key),
                _mended(lines, other.index, found.group("indent") + key + ":"),
                code=codes.WRONG_SECTION,
            )
            return


def _item_among_keys(line: _Line, lines: list[str], read: list[_Line]) -> Mistake:
    """List items where the keys of a block stand, with no list key above them.

    The items are left out together: each one's lines, up to the next key at their column.
    """
    mended = list(lines)
    for index in range(line.index, len(lines)):
        other = read[index] if index < len(read) else _read_line(index, lines[index])
        if other.kind not in ("blank", "comment"):
            if other.index > line.index and other.indent <= line.indent and not other.dashes:
                break
            if other.indent < line.indent:
                break
        mended[other.index] = ""
    return Mistake(
        line.index,
        line.indent,
        L_("a list item among keys"),
        L_("is the key of its list missing above it, or commented out?"),
        mended,
        dropped=True,
    )


def _value_and_items(previous: _Line, lines: list[str]) -> Mistake:
    """`trends: []` (or any value) with list items written below it."""
    value = previous.bare_value
    mend = _mended(lines, previous.index, previous.text[: previous.colon + 1])
    if value in ("[]", "{}", "''", '""'):
        return Mistake(
            previous.index,
            previous.value_column,
            L_(
                "`{key}` is written `{value}`, empty, and list items follow it",
                key=previous.key,
                value=value,
            ),
            L_("remove the `{value}` after `{key}:`", key=previous.key, value=value),
            mend,
        )
    return Mistake(
        previous.index,
        previous.value_column,
        L_("`{key}` has a value on its line and list items below it", key=previous.key),
        L_("keep one of the two: the value after `{key}:`, or the items", key=previous.key),
        mend,
    )


def _indentation(
    line: _Line, previous: _Line, blocks: _Blocks, lines: list[str], read: list[_Line]
) -> Iterator[Mistake]:
    """A key or item not lined up with the blocks around it, and the mends to try."""
    deepest = blocks.deepest()
    before = {column for column, _kind in blocks.before}
    if line.indent > deepest and previous.indent < line.indent and line.indent in before:
        # The line above left its block and this one goes back into it: the line above
        # is the odd one (a key moved to the start of the line).
        yield _moved(previous, line, line.indent, lines, below=True)
    if line.indent > deepest:
        target = deepest
    else:
        # An item lines up with items, a key with keys, where the blocks have some.
        kind = "seq" if line.dashes else "map"
        columns = [c for c, k in blocks.stack if k == kind] or blocks.columns()
        target = min(columns, key=lambda column: (abs(column - line.indent), -column))
    yield _moved(line, _lined_up(read, line.index, target) or previous, target, lines, below=False)


def _lined_up(read: list[_Line], index: int, column: int) -> _Line | None:
    """The nearest line above `index` whose key or item stands at `column`."""
    for other in reversed(read[:index]):
        if other.kind in ("blank", "comment"):
            continue
        if other.content == column or column in other.dashes:
            return other
        if other.indent < column:
            return None
    return None


def _moved(line: _Line, other: _Line, target: int, lines: list[str], *, below: bool) -> Mistake:
    name = "- " + line.name if line.dashes else line.name
    other_name = "- " + other.name if target in other.dashes else other.name
    fields = {"key": name, "other": other_name, "m": target}
    if line.indent == 0:
        message = (
            L_("`{key}` starts the line, but `{other}` below it is indented", **fields)
            if below
            else L_("`{key}` starts the line, but `{other}` above it is indented", **fields)
        )
    elif below:
        message = LN_(
            "`{key}` is indented by {n} space, and `{other}` below it by {m}",
            "`{key}` is indented by {n} spaces, and `{other}` below it by {m}",
            line.indent,
            **fields,
        )
    else:
        message = LN_(
            "`{key}` is indented by {n} space, and `{other}` above it by {m}",
            "`{key}` is indented by {n} spaces, and `{other}` above it by {m}",
            line.indent,
            **fields,
        )
    hint = LN_(
        "indent `{key}` by {n} space, as `{other}` is",
        "indent `{key}` by {n} spaces, as `{other}` is",
        target,
        key=name,
        other=other_name,
    )
    text = " " * target + line.text[line.indent :]
    return Mistake(line.index, line.indent, message, hint, _mended(lines, line.index, text))


def _not_a_key(
    line: _Line, previous: _Line, lines: list[str], known: frozenset[str], *, stray: bool = True
) -> Iterator[Mistake]:
    """Words where a key is expected: a colon glued or left out, or (with `stray`) a note
    written without its `#`."""
    words = line.value.rstrip()
    glued = _GLUED.match(words)
    if glued and glued.group("key") in known:
        key, value = glued.group("key"), glued.group("value")
        yield Mistake(
            line.index,
            line.value_column + len(key),
            L_("no space after the colon of `{key}`", key=key),
            L_("put a space after the colon: `{text}`", text=_start(f"{key}: {value}")),
            _mended(lines, line.index, f"{line.text[: line.value_column]}{key}: {value}"),
        )
        return
    missing = _NO_COLON.match(words)
    if missing and missing.group("key") in known:
        key, value = missing.group("key"), missing.group("value")
        fixed = f"{key}: {value}" if value else f"{key}:"
        yield Mistake(
            line.index,
            line.value_column + len(key),
            L_("a colon is missing after `{key}`", key=key),
            L_("put a colon after the key: `{text}`", text=_start(fixed)),
            _mended(lines, line.index, line.text[: line.value_column] + fixed),
        )
        return
    if not stray:
        return
    if previous.kind == "key" and previous.bare_value and line.indent == previous.key_column:
        hint = L_(
            "if it is a note, start it with `#`; if it goes on with the text of `{key}`, "
            "indent it further than `{key}`",
            key=previous.key,
        )
    else:
        hint = L_("if it is a note, start it with `#`")
    yield Mistake(
        line.index,
        line.value_column,
        L_("this line is neither a key (`key: value`) nor a list item (`- item`)"),
        hint,
        _mended(lines, line.index, ""),
        dropped=True,
    )


def _columns_above(read: list[_Line], index: int) -> list[int]:
    """The columns a line at `index` may stand at, deepest first: under the line above,
    beside it, or beside one of the blocks it is in."""
    columns: list[int] = []
    limit: int | None = None
    for other in reversed(read[:index]):
        if other.kind in ("blank", "comment") or "\t" in other.text[: other.indent + 1]:
            continue
        if not columns and other.opens:
            columns.append(other.content + 2)
        for column in (other.content, *reversed(other.dashes)):
            if (limit is None or column < limit) and column not in columns:
                columns.append(column)
        limit = other.indent if limit is None else min(limit, other.indent)
        if limit == 0:
            break
    return columns or [0]


def _start(text: str) -> str:
    """The first words of a line, enough to show how it begins."""
    words = text.split(" ")
    return text if len(words) <= 4 else " ".join(words[:4]) + "…"


# --- What the parser said, at the place it said it -------------------------------------


def _at_error(
    read: list[_Line], lines: list[str], error: tuple[int, int], said: str
) -> Iterator[Mistake]:
    """Mends of the line the parser stopped at, from what it found there."""
    index, column = error
    if index >= len(read):
        return
    line = read[index]
    text = lines[index]
    if "mapping values are not allowed" in said and line.kind == "key":
        value = line.bare_value
        if column > line.colon and value:
            yield Mistake(
                index,
                column,
                L_("the text of `{key}` holds `: `, which YAML reads as a key", key=line.key),
                L_("put the whole text in quotes: `{text}`", text=_quoted(value)),
                _mended(lines, index, text[: line.value_column] + _quoted(value)),
            )
    lead = text[: len(text) - len(text.lstrip())]
    if "\t" in lead:
        for indent in _columns_above(read, index):
            yield Mistake(
                index,
                lead.index("\t"),
                L_("YAML syntax error: {what}", what=L_("a tab where spaces are expected")),
                L_("indent with spaces, not tabs"),
                _mended(lines, index, " " * indent + text.lstrip()),
            )
    found = text[column] if column < len(text) else ""
    if found in ("@", "`") and line.kind in ("key", "item") and column == line.value_column:
        value = line.bare_value
        yield Mistake(
            index,
            column,
            L_("YAML syntax error: {what}", what=L_("a character that cannot start a value")),
            L_(
                'a value that starts with `{char}` must be quoted: `"{value}"`',
                char=found,
                value=value,
            ),
            _mended(lines, index, text[: line.value_column] + _quoted(value)),
        )
