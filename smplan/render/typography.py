"""The typography a language asks of the text a document prints.

French sets a no-break space before `:` and a narrow one before `;`, `!` and `?`, and
no-break spaces inside « », in the fixed texts as in the person's own words. Only prose
is set: a query, which a tool reads character for character, is `Verbatim` and printed as
it is; a time such as 09:00 or an address such as https://… is left alone, because its
`:` is not followed by a space.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"


class Verbatim(str):
    """Text printed exactly as it is, never set: a search query, a URL."""

    __slots__ = ()


_SPACE = "[ \u00a0\u202f]"
#: `;`, `!` and `?` (or a run of them, `?!`) ending a word or a sentence, after a word
#: or after spaces; a text that starts with spaces and the sign (a label printed alone).
#: A sign alone in brackets, "(?)", is not punctuation of the sentence and stays as it is.
_HIGH = re.compile(rf"(?:(?<=[^\s;:!?«(\[]){_SPACE}*|^{_SPACE}+)([;!?]+)(?=\s|$|[»”’\"'.,)])")
_COLON = re.compile(rf"(?:(?<=[^\s;:!?«(\[]){_SPACE}*|^{_SPACE}+)(:)(?=\s|$|[»”’\"'.,)])")
_OPEN = re.compile(rf"«{_SPACE}*(?=\S)")
_CLOSE = re.compile(rf"(?<=\S){_SPACE}*»")


def french(text: str) -> str:
    """`text` set the French way: no-break spaces before `: ; ! ?` and inside « »."""
    if not any(sign in text for sign in ":;!?«»"):
        return text
    text = _HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _COLON.sub(NBSP + ":", text)
    text = _OPEN.sub("«" + NBSP, text)
    return _CLOSE.sub(NBSP + "»", text)


def typeset(value: object, lang: str) -> object:
    """A value as the document in `lang` prints it: prose set, anything else untouched."""
    if (
        not isinstance(value, str)
        or isinstance(value, Verbatim)
        or hasattr(value, "__html__")
        or not lang.startswith("fr")
    ):
        return value
    return french(value)
