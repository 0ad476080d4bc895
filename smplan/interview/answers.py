"""Answers as people type them, read with their language's locale data (Babel, CLDR).

A date may be typed the locale's way (`01/12/2026` in French and British English,
`12/1/2026` in American English), with the month in words (`1er décembre 2026`,
`Dec 1 2026`, `1 December 2026`) or as YYYY-MM-DD; a number with the locale's decimal
sign (`1,5`), grouping spaces, and a unit or sign around it (`50 %`, `2 h`, `4h`,
`130 €`, `£130`, `2 hours`). Everything comes from the locale's data: month names,
the order of day, month and year, decimal and grouping signs, percent sign, currency
symbols and the names of hours; what the locale data lacks, the endings of ordinal days,
each catalog lists. Nothing here is particular to one language.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from smplan.i18n import language, languages, pgettext


class NoSuchDate(ValueError):
    """A date typed in a known form whose day does not exist (31/02/2027)."""


def _fold(text: str) -> str:
    """Lowercase, accents off, trailing dots off: how names are compared."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c)).rstrip(".")


@functools.cache
def _months(locale: Any) -> dict[str, int]:
    """Every name of each month, folded: wide and abbreviated, in a date and alone."""
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                names.setdefault(_fold(name), number)
    return names


def _month(word: str, locale: Any) -> int | None:
    """The month a word names: one of its names, or the start of one (three letters at
    least) that no other month's name starts with: `sep` and `sept` are September."""
    folded = _fold(word)
    names = _months(locale)
    if folded in names:
        return names[folded]
    if len(folded) < 3 or not folded.isalpha():
        return None
    starts = {number for name, number in names.items() if name.startswith(folded)}
    return starts.pop() if len(starts) == 1 else None


@functools.cache
def _order(locale: Any) -> tuple[str, ...]:
    """The order of day, month and year in the locale's short dates: ("d", "M", "y")."""
    pattern = locale.date_formats["short"].pattern
    seen: list[str] = []
    for letter in re.findall(r"[dMy]", pattern):
        if letter not in seen:
            seen.append(letter)
    return tuple(seen) if len(seen) == 3 else ("d", "M", "y")


def date_layout(locale: Any) -> tuple[tuple[str, ...], str]:
    """How the locale writes a short date: the order of day, month and year, and the sign
    between them (("d", "M", "y"), "/") for French."""
    pattern = locale.date_formats["short"].pattern
    sign = next((c for c in pattern if not c.isalpha() and not c.isspace() and c != "'"), "/")
    return _order(locale), sign


def _make(year: int, month: int, day: int, typed: str) -> dt.date:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        if 1 <= month <= 12 and 1 <= day <= 31:
            raise NoSuchDate(typed) from None
        raise


@functools.cache
def _ordinal_endings() -> frozenset[str]:
    """What may follow a day's number in a date in words (1st, 1er), in every language."""
    endings: set[str] = set()
    for lang in languages():
        with language(lang):
            # Translators: what may follow the number of a day in a date written in words
            # (1st, 2nd, 3rd, 4th), separated by commas.
            listed = pgettext("endings of a day's number", "st, nd, rd, th")
        endings.update(_fold(ending.strip()) for ending in listed.split(",") if ending.strip())
    return frozenset(endings)


def parse_date(text: str, locale: Any) -> dt.date | None:
    """The date `text` means in `locale`, or None when it is not a date at all.

    Raises `NoSuchDate` when it has a date's form but names a day that does not exist.
    """
    typed = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", typed)
    if iso:
        try:
            return _make(int(iso[1]), int(iso[2]), int(iso[3]), typed)
        except NoSuchDate:
            raise
        except ValueError:
            return None
    numbers = re.fullmatch(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})", typed)
    if numbers:
        parts = dict(zip(_order(locale), map(int, numbers.groups()), strict=True))
        if len(numbers[1]) == 4:  # a year first is always year, month, day
            parts = {"y": int(numbers[1]), "M": int(numbers[2]), "d": int(numbers[3])}
        try:
            return _make(parts["y"], parts["M"], parts["d"], typed)
        except NoSuchDate:
            raise
        except ValueError:
            return None
    words = re.findall(r"\d+|[^\W\d_]+\.?", typed)
    named = {w: _month(w, locale) for w in words if not w.isdigit()}
    month = [number for number in named.values() if number is not None]
    digits = [w for w in words if w.isdigit()]
    # What may stand around the numbers: an ordinal ending (1er, 1st) and a month name.
    others = [w for w, number in named.items() if number is None]
    ordinal = all(_fold(w) in _ordinal_endings() for w in others)
    if len(month) != 1 or len(digits) != 2 or not ordinal or len(others) > 1:
        return None
    years = [d for d in digits if len(d) == 4]
    if len(years) != 1:
        return None
    day = next(d for d in digits if d is not years[0])
    try:
        return _make(int(years[0]), month[0], int(day), typed)
    except NoSuchDate:
        raise
    except ValueError:
        return None


@functools.cache
def _root_symbols() -> tuple[str, ...]:
    from babel import Locale

    return tuple(Locale.parse("root").currency_symbols.values())


#: What a unit typed around a number measures, as CLDR names its units.
_DURATIONS = {
    "hours": "duration-hour",
    "minutes": "duration-minute",
    "days": "duration-day",
    "weeks": "duration-week",
}
#: The measures a number may be typed with: a share, money, and lengths of time.
MEASURES = ("percent", "money", *_DURATIONS)


def _unit_words(locale: Any, unit: str) -> tuple[set[str], set[str]]:
    """The words of one CLDR unit in `locale`: after a number (`heures`), and per it
    (`par semaine`, `/sem.`)."""
    words: set[str] = set()
    per: set[str] = set()
    for width in locale._data.get("unit_patterns", {}).get(unit, {}).values():
        if not hasattr(width, "items"):
            continue
        for count, pattern in width.items():
            if isinstance(pattern, str) and "{0}" in pattern:
                (per if count == "per" else words).add(pattern.replace("{0}", "").strip())
    return words, per


@functools.cache
def _measures(locale: Any) -> dict[str, str]:
    """Every sign and word that may stand around a number, folded, with what it measures:
    `%` and `pour cent` a share, `€`, `EUR` and `euros` money, `h` and `heures` hours."""
    from babel import Locale

    found: dict[str, str] = {}
    english = Locale.parse("en_GB")

    def add(measure: str, words: Any) -> None:
        for word in words:
            if word and word.strip():
                found.setdefault(_fold(word.strip()), measure)

    symbols = locale.number_symbols.get("latn", {})
    add("percent", {"%", symbols.get("percentSign", "%")})
    for source in (locale, english):
        add("percent", _unit_words(source, "concentr-percent")[0])
    add("hours", {"h"})
    for source in (locale, english):
        for measure, unit in _DURATIONS.items():
            add(measure, _unit_words(source, unit)[0])
    add("money", locale.currency_symbols.values())
    add("money", locale.currency_symbols)  # codes: EUR, GBP
    add("money", _root_symbols())  # the signs every locale knows: £, €
    add("money", locale.currencies.values())  # euro, livre sterling
    plural = locale._data.get("currency_names_plural", {})
    for forms in plural.values():
        add("money", forms.values())
    return found


@functools.cache
def _periods(locale: Any) -> tuple[str, ...]:
    """What may end an amount to say its period, longest first, without case or accents:
    `par semaine`, `/sem.`, `per month`, `a week`."""
    from babel import Locale

    found = {"a week", "a month"}
    for source in (locale, Locale.parse("en_GB")):
        for unit in ("duration-week", "duration-month"):
            for per in _unit_words(source, unit)[1]:
                found.update({_plain(per), _plain(per).rstrip(".")})
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


def _plain(text: str) -> str:
    """Lowercase and without accents, every other character kept."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c))


@dataclass(frozen=True)
class Amount:
    """A number as typed, with what the sign or word around it measures."""

    value: int | float
    #: One of `MEASURES`; "" when no unit was typed; "other" for a word that is no unit.
    measure: str = ""
    #: The unit as typed, "" when none was.
    unit: str = ""


def read_amount(text: str, locale: Any) -> Amount | None:
    """The number `text` means in `locale`, and what its unit measures; None if no number.

    A sign or word before or after the number is its unit (`50 %`, `£130`, `2 heures`);
    a period after it (`par semaine`, `a month`) is left out. Any other word is kept as
    the unit typed, measuring `other` (`12 commandes`).
    """
    from babel.numbers import NumberFormatError, parse_decimal

    typed = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    found = re.fullmatch(r"(\D*?)\s*([-+]?\d[\d .,']*?)\s*(\D*)", typed)
    if not found:
        return None
    before, number, after = (part.strip() for part in found.groups())
    after = _without_period(after, locale)
    measures = _measures(locale)
    measure, unit = "", ""
    for affix in (before, after):
        if not affix:
            continue
        if unit:
            return None  # a unit on both sides
        unit = affix
        measure = measures.get(_fold(affix), "other")
    symbols = locale.number_symbols.get("latn", {})
    group = symbols.get("group", ",")
    if group.strip() == "":
        number = number.replace(" ", group)  # grouping typed as an ordinary space
    try:
        decimal: Decimal = parse_decimal(number, locale=locale, strict=True)
    except NumberFormatError:
        # One sign followed by one or two digits cannot be grouping: it is a decimal sign,
        # typed the other way (4,5 where the locale writes 4.5).
        other = re.fullmatch(r"([-+]?\d+)[.,](\d{1,2})", number)
        if not other:
            return None
        return Amount(float(f"{other[1]}.{other[2]}"), measure, unit)
    value: int | float
    if abs(decimal) >= 10**15:
        value = float(decimal)  # the model says it is out of range
    else:
        exact = decimal == decimal.to_integral_value()
        value = int(decimal) if exact else float(decimal)
    return Amount(value, measure, unit)


def _without_period(after: str, locale: Any) -> str:
    """What follows a number, without a period at its end (`h par semaine` gives `h`)."""
    plain = _plain(after)
    for period in _periods(locale):
        if plain == period:
            return ""
        if plain.endswith(period) and (period[0] == "/" or plain[-len(period) - 1] == " "):
            return after[: len(after) - len(period)].strip()
    return after


def parse_number(text: str, locale: Any) -> int | float | None:
    """The number `text` means in `locale`, a sign or unit around it dropped; else None."""
    amount = read_amount(text, locale)
    return None if amount is None or amount.measure == "other" else amount.value


def format_number(value: float, locale: Any) -> str:
    """A number as the locale writes it, without grouping: 1,5 in French.

    Written here with the locale's signs rather than by Babel's formatter, which takes a
    while over each number: a review of a large plan shows hundreds of them.
    """
    exact = Decimal(repr(value)).quantize(Decimal("1E-10"))  # Babel's rounding, to 10 places
    text = format(exact, "f").rstrip("0").rstrip(".")
    if text in ("", "-0"):
        text = "0"
    return text.replace(".", locale.number_symbols.get("latn", {}).get("decimal", "."))


def measure_of(unit: str, locale: Any) -> str:
    """What a unit typed with a number measures (`percent` for `%`); `other` if no unit."""
    return _measures(locale).get(_fold(unit), "other") if unit.strip() else ""


#: A time of day as people type it: 9h, 9 h 30, 09:30, 18.30, 6 pm, 6:30pm.
_TIME = re.compile(
    r"(?P<h>\d{1,2})\s*(?:(?:[:.]|h)\s*(?P<m>\d{2})?)?\s*(?P<half>[ap]\.?\s*m\.?)?",
    re.IGNORECASE,
)


def parse_time(text: str) -> str | None:
    """A time of day on the 24-hour clock (`09:30`), from the ways people type one."""
    found = _TIME.fullmatch(text.strip())
    if not found or (found["m"] is None and ":" in text):
        return None
    hour, minute = int(found["h"]), int(found["m"] or 0)
    half = (found["half"] or "").casefold()
    if half and not 1 <= hour <= 12:
        return None
    if half.startswith("p") and hour < 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"
