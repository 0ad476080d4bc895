"""The typography a language asks of the text a document prints.

Every language: a number and its unit stay together (`24 h`, `72 heures`, `130 €`: the
units are CLDR's, read from Babel for the document's locale), a minus sign is a true
minus (−5), and in a language whose thousands separator is a space the groups of a
number typed with plain spaces are joined by that separator.

French also sets a no-break space before `:` and a narrow one before `;`, `!`, `?` and
`%`, no-break spaces inside « », and the typographic apostrophe (l’équipe), in the fixed
texts as in the person's own words; ordinals are raised in HTML (1er, 2e). Only prose is
set: a query, which a tool reads character for character, is `Verbatim` and printed as it
is; a time such as 09:00 or an address such as https://… is left alone, because its `:`
is not followed by a space. Times of day are written as the language writes them in
prose: `16 h`, `8 h 30` in French, the locale's short form elsewhere (08:30, 8:30 AM).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from smplan.i18n import babel_locale, language, pgettext

NBSP = "\u00a0"
NNBSP = "\u202f"
MINUS = "\u2212"


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
_PERCENT = re.compile(rf"(?<=\d){_SPACE}?%")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
#: A hyphen standing for a minus: before a digit, not inside a word, a range or a date.
_HYPHEN_MINUS = re.compile(r"(?<![\w\-−/.,])-(?=\d)")
#: A number whose groups of three digits were typed with plain spaces: 3 900, 14 000.
_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,.]\d)")


def french(text: str) -> str:
    """`text` set the French way: no-break spaces before `: ; ! ? %` and inside « »,
    typographic apostrophes."""
    if "'" in text:
        text = _APOSTROPHE.sub("’", text)
    if "%" in text:
        text = _PERCENT.sub(NNBSP + "%", text)
    if not any(sign in text for sign in ":;!?«»"):
        return text
    text = _HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _COLON.sub(NBSP + ":", text)
    text = _OPEN.sub("«" + NBSP, text)
    return _CLOSE.sub(NBSP + "»", text)


def clock(value: dt.time | dt.datetime, lang: str) -> str:
    """A time of day as the document in `lang` prints it: 16 h and 8 h 30 in French (the
    Imprimerie nationale's style, which the plan's prose uses too), the locale's short form
    elsewhere. Files for machines (ICS, the schedulers' CSV) keep the form their format asks."""
    # The wall time as the value shows it: two aware datetimes at the same instant in
    # different zones are equal, so they must not share a cached text.
    wall = value.time() if isinstance(value, dt.datetime) else value.replace(tzinfo=None)
    return _clock(wall, lang)


@functools.cache
def _clock(wall: dt.time, lang: str) -> str:
    if lang.startswith("fr"):
        if wall.minute:
            return f"{wall.hour}{NBSP}h{NBSP}{wall.minute:02d}"
        return f"{wall.hour}{NBSP}h"
    from babel.dates import format_time

    return str(format_time(wall, "short", locale=babel_locale(lang)))


@functools.cache
def _units(lang: str) -> re.Pattern[str]:
    """A space between a number and a unit the locale writes after numbers (CLDR's)."""
    locale = babel_locale(lang)
    words = {"%", "€", "$", "£", "¥"}
    for forms in locale._data.get("unit_patterns", {}).values():
        for length in forms.values():
            for count, pattern in length.items():
                if count == "per" or not isinstance(pattern, str):
                    continue
                if pattern.startswith("{0}"):
                    word = pattern[3:].strip(" \u00a0\u202f")
                    if word and len(word) <= 14 and " " not in word and "{" not in word:
                        words.add(word)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<=\d) (?=(?:{alternatives})(?![\w]))")


@functools.cache
def _group_separator(lang: str) -> str | None:
    """The locale's thousands separator when it is a kind of space, else None."""
    symbol = babel_locale(lang).number_symbols.get("latn", {}).get("group", ",")
    return symbol if symbol in (" ", NBSP, NNBSP) else None


def typeset(value: object, lang: str) -> object:
    """A value as the document in `lang` prints it: prose set, anything else untouched."""
    if not isinstance(value, str) or isinstance(value, Verbatim) or hasattr(value, "__html__"):
        return value
    text = value
    if any(c.isdigit() for c in text):
        text = _units(lang).sub(NBSP, text)
        if "-" in text:
            text = _HYPHEN_MINUS.sub(MINUS, text)
        group = _group_separator(lang)
        if group is not None and " " in text:
            text = _GROUPS.sub(lambda m: m.group().replace(" ", group), text)
    return french(text) if lang.startswith("fr") else text


@functools.cache
def _ordinals(lang: str) -> re.Pattern[str] | None:
    """The ordinal suffixes of `lang` after a number (1er, 2e; 1st, 2nd), from its catalog."""
    with language(lang):
        # Translators: the endings of ordinal numbers, separated by |, longest first;
        # the document raises them after a number (French: er|re|nd|nde|e).
        suffixes = [s for s in pgettext("ordinal suffixes", "st|nd|rd|th").split("|") if s]
    if not suffixes:
        return None
    endings = "|".join(map(re.escape, suffixes))
    return re.compile(rf"(?<![\w.,])(\d{{1,3}})({endings})\b")


def raise_ordinals(html: str, lang: str) -> str:
    """Escaped HTML text with the ordinals' endings raised: 1<sup>er</sup>."""
    pattern = _ordinals(lang)
    if pattern is None or not any(c.isdigit() for c in html):
        return html
    return pattern.sub(r"\1<sup>\2</sup>", html)
