"""Markdown escaping: plan text printed as literal Markdown, never as markup."""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|\w+;)")
#: Line starts that would open a heading, a quote, a list or a rule instead of text.
_MARKER = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")
_RULE = re.compile(r"^[-=\\_* ]+$")
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def tidy(text: str) -> str:
    """Markdown as written by a template, with one blank line where it left several.

    Templates stay readable with generous blank lines; the document gets one.
    """
    return _BLANK_RUNS.sub("\n\n", _TRAILING.sub("", text)).strip("\n") + "\n"


#: Spaces a reader typed; no-break spaces stay, they come from the locale's formats.
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ")


#: Characters that would start markup, and an underscore that could start emphasis: one not
#: inside a word (`[^\W_]` is exactly `str.isalnum`). One pass in the regex engine.
_INLINE = re.compile(r"[\\`*\[\]<|~]|(?<![^\W_])_|_(?![^\W_])")


def _escape_inline(text: str) -> str:
    escaped = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\g<0>", text))
    return _CLOSING_HASHES.sub(r"\1\\\2", escaped)


def _escape_line(line: str) -> str:
    escaped = _escape_inline(_squash(line))
    match = _MARKER.match(escaped)
    if match and match.group(1).isdigit():
        return escaped[: match.end()] + "\\" + escaped[match.end() :]
    if match or (_RULE.match(escaped) and escaped[0] in "-="):
        return "\\" + escaped
    return escaped


def md_escape(value: object) -> str:
    """Plan text as literal Markdown on one line: no markup, no HTML, no block start."""
    return _escape_line(_squash(str(value)))


def mdblock_escape(value: object) -> str:
    """Plan text as literal Markdown, its line breaks kept as hard breaks."""
    lines = [line for line in str(value).splitlines() if _squash(line)]
    return "\\\n".join(_escape_line(line) for line in lines)


def md_fence(value: object, info: str = "text") -> str:
    """Text as a fenced code block, its fence longer than any run of backticks inside."""
    text = "\n".join(line.rstrip() for line in str(value).splitlines())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def mdcell_escape(value: object) -> str:
    """Plan text for a Markdown table cell: `|` and line breaks cannot break the table."""
    if isinstance(value, list | tuple):
        return "<br>".join(mdcell_escape(item) for item in value)
    lines = [_squash(line) for line in str(value).splitlines()]
    return "<br>".join(_escape_inline(line) for line in lines if line)
