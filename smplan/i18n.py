"""Texts for people, in their language: gettext catalogs, and Babel's formats.

English is the source language: the code and the templates say `_("...")`, and each
other language is a catalog, `smplan/locale/<lang>/LC_MESSAGES/smplan.po`, compiled to
`.mo` when the package is built or installed. The languages smplan offers are the
catalogs it finds, so adding one is `pybabel init -l es`, translating and reinstalling.

The language in force is set for a piece of work with `language(lang)` and read by every
`_()` call under it, the way Django and Sphinx do, so that a rule, a template or a prompt
never has to be handed the language. Dates, numbers and money go through Babel, with the
locale each catalog names for them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext
import io
import os
import re
import string
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from smplan.fsutil import FileTooLarge, read_regular

#: The gettext domain of every catalog.
DOMAIN = "smplan"
#: The language of the texts in the code, which needs no catalog.
SOURCE_LANGUAGE = "en"
#: Where the shipped catalogs live.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: More catalog folders, separated like PATH: a translator tries a catalog without installing.
LOCALE_PATH_VARIABLE = "SMPLAN_LOCALE_PATH"

_current: ContextVar[str] = ContextVar("smplan_language", default=SOURCE_LANGUAGE)


def _locale_dirs() -> list[Path]:
    extra = os.environ.get(LOCALE_PATH_VARIABLE, "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [LOCALE_DIR]


def _is_file(path: Path, folder: Path) -> bool:
    """Whether `path`, in the catalog folder `folder`, is a file; no when it cannot be told."""
    try:
        return path.is_file()
    except OSError as error:
        _unreadable(folder, error)
        return False


def _unreadable(folder: Path, error: OSError) -> None:
    said = L_(
        "{folder}: cannot be read ({reason}); its catalogs are left out",
        folder=str(folder),
        reason=_reason(error),
    )
    _noticed.setdefault((str(folder), ""), said)


def _catalog_files(lang: str) -> tuple[Path | None, Path | None]:
    """The compiled and the source catalog of `lang`, from the first folder that has one."""
    for folder in _locale_dirs():
        messages = folder / lang / "LC_MESSAGES"
        mo, po = messages / f"{DOMAIN}.mo", messages / f"{DOMAIN}.po"
        has_mo, has_po = _is_file(mo, folder), _is_file(po, folder)
        if has_mo or has_po:
            return (mo if has_mo else None), (po if has_po else None)
    return None, None


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages smplan speaks: English, and every catalog it finds, sorted."""
    found = {SOURCE_LANGUAGE}
    for folder in _locale_dirs():
        try:
            if not folder.is_dir():
                continue
            entries = sorted(folder.iterdir())
        except OSError as error:
            _unreadable(folder, error)
            continue
        found.update(
            entry.name
            for entry in entries
            if any(
                _is_file(entry / "LC_MESSAGES" / f"{DOMAIN}.{ext}", folder) for ext in ("mo", "po")
            )
        )
    return tuple(sorted(found))


def environment_language() -> str:
    """The language the environment asks for, the way gettext reads it, when smplan speaks it.

    LANGUAGE may list several (`fr:en`); otherwise the first of LC_ALL, LC_MESSAGES and
    LANG that is set decides (`fr_FR.UTF-8` asks for `fr`). English when none fits.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0]
            for candidate in (code, code.split("_")[0]):
                if candidate and candidate in languages():
                    return candidate
        if name != "LANGUAGE":
            break
    return SOURCE_LANGUAGE


#: The largest catalog smplan reads: ten times the French one, and more than any needs.
MAX_CATALOG_BYTES = 4 * 1024 * 1024


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of `lang`; English, or a language without a catalog, translates nothing.

    A compiled catalog older than its source (or missing) is compiled again in memory,
    so a catalog being translated is seen without reinstalling. A catalog that cannot be
    read, is too large, is not a catalog or has a plural expression that cannot be used
    is noticed (see `catalog_problems`) and left out: its language speaks English.
    """
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    found = _translations(lang)
    # A regional catalog (en_US, fr_CA) holds only the texts its region writes otherwise;
    # the others come from its language's catalog, or from the source for English.
    base = lang.split("_")[0]
    if base != lang and base in languages():
        found.add_fallback(translations(base))
    return found


def _translations(lang: str) -> gettext.NullTranslations:
    mo, po = _catalog_files(lang)
    try:
        use_mo = mo is not None and (po is None or mo.stat().st_mtime >= po.stat().st_mtime)
    except OSError:
        use_mo = mo is not None
    source = mo if use_mo else po
    if source is None:
        return gettext.NullTranslations()
    try:
        return _read_catalog(source, lang, compiled=use_mo)
    except _Refused as refused:
        _notice(str(source), refused.problem)
    except Exception as error:  # noqa: BLE001 -- any fault of a file that is not a catalog
        _notice(str(source), L_("is not a catalog smplan can read ({reason})", reason=error))
    return gettext.NullTranslations()


class _Refused(Exception):
    def __init__(self, problem: Message) -> None:
        super().__init__(str(problem.template))
        self.problem = problem


def _read_catalog(path: Path, lang: str, *, compiled: bool) -> Catalog:
    try:
        data = read_regular(path, MAX_CATALOG_BYTES)
    except FileTooLarge:
        limit = MAX_CATALOG_BYTES // (1024 * 1024)
        raise _Refused(L_("is larger than {limit} MB: it is not read", limit=limit)) from None
    except OSError as error:
        raise _Refused(L_("cannot be read ({reason})", reason=_reason(error))) from None
    if not compiled:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        buffer = io.BytesIO()
        write_mo(buffer, read_po(io.BytesIO(data), locale=lang))
        data = buffer.getvalue()
    catalog = Catalog(io.BytesIO(data))
    catalog.name = str(path)
    _try_plural(catalog)
    return catalog


def _try_plural(catalog: Catalog) -> None:
    """Refuse a plural expression that fails on a number: it would fail on a report."""
    try:
        for n in (*range(0, 200), 1000, 1001, 10**6, 10**9 + 1):
            int(catalog.plural(n))  # type: ignore[attr-defined]
    except Exception as error:  # noqa: BLE001 -- c2py's expression may raise anything
        reason = f"{type(error).__name__}: {error}"
        raise _Refused(
            L_("its plural expression cannot be used ({reason})", reason=reason)
        ) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


class Catalog(gettext.GNUTranslations):
    """A language's catalog, whose texts are filled in as `Translated` texts are."""

    name = ""

    def __init__(self, fp: Any = None) -> None:
        #: Each text given out so far, by its translation and English text: made once.
        self._marked: dict[tuple[str, str], Translated] = {}
        super().__init__(fp)

    def gettext(self, message: str) -> str:
        """`message` translated, as a `Translated` text."""
        return self._mark(super().gettext(message), message)

    def pgettext(self, context: str, message: str) -> str:
        """`message` in `context`, translated, as a `Translated` text."""
        return self._mark(super().pgettext(context, message), message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        """The form of `msgid1` that fits `n`; English's when the plural expression fails."""
        english = msgid1 if n == 1 else msgid2
        try:
            text = super().ngettext(msgid1, msgid2, n)
        except Exception as error:  # noqa: BLE001 -- a plural expression that fails late
            reason = f"{type(error).__name__}: {error}"
            _notice(self.name, L_("its plural expression cannot be used ({reason})", reason=reason))
            return english
        return self._mark(text, english)

    def _mark(self, text: str, english: str) -> str:
        if text is english:
            return text
        found = self._marked.get((text, english))
        if found is None:
            found = self._marked[text, english] = Translated(text, english, self.name)
        return found


@contextlib.contextmanager
def language(lang: str) -> Iterator[str]:
    """Speak `lang` for the work done inside the block."""
    token = _current.set(lang)
    try:
        yield lang
    finally:
        _current.reset(token)


def speak(lang: str) -> None:
    """Speak `lang` from now on, for what is left of this piece of work (a command)."""
    _current.set(lang)


def current() -> str:
    """The language in force."""
    return _current.get()


def _(message: str) -> str:
    """`message` in the language in force."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form that fits `n`, in the language in force."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the language in force, where the same words need `context` told apart."""
    return translations(_current.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalog; it is translated later, where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark `message` with its `context` for the catalog; `pgettext` translates it later."""
    return message


# --- Catalog texts, filled in safely ------------------------------------------------------

_FORMATTER = string.Formatter()
#: A format spec a translator may add to a field to ask for a grammatical form (`{channel:of}`).
_FORM = re.compile(r"[a-z]{1,16}")
#: A `%` directive, as `%`-formatting reads it.
_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[a-zA-Z%]")


class _Unfit(Exception):
    """A catalog text that cannot be filled in; `problem` says why, for its translator."""

    def __init__(self, problem: Message) -> None:
        super().__init__(str(problem.template))
        self.problem = problem


class Translated(str):
    """A text from a catalog, filled in with the plain field names of its message only.

    A catalog may come from anywhere `SMPLAN_LOCALE_PATH` points, so its texts are data:
    `{name}` and `{name:form}` are filled in, while `{name.attr}`, `{name[key]}`, a field
    its English text does not have or a misplaced brace make the English text be used
    instead, once noticed (`catalog_problems`).
    """

    source: str
    catalog: str

    def __new__(cls, text: str, source: str | None = None, catalog: str = "") -> Translated:
        """`text`, the translation of the English `source`, from the file `catalog`; a text
        made from one already filled in (as a template's sandbox remakes it) is its own source."""
        made = super().__new__(cls, text)
        made.source = text if source is None else source
        made.catalog = catalog
        return made

    def format(self, /, *args: Any, **fields: Any) -> str:
        """Filled in with `fields` (and `args`); the English text's when it cannot be."""
        text = str(self)
        try:
            _check_fields(text, self.source)
            return text.format(*args, **fields)
        except _Unfit as unfit:
            self._give_up(unfit.problem)
        except (ValueError, LookupError, TypeError) as error:
            self._give_up(L_("the text cannot be filled in ({reason})", reason=error))
        return self.source.format(*args, **fields)

    def format_map(self, fields: Any) -> str:
        """Filled in with the mapping `fields`, as `format` is."""
        return self.format(**fields)

    def __mod__(self, values: Any) -> str:
        """`%`-formatting, with no directive its English text does not have."""
        own, english = _PERCENT.findall(str(self)), set(_PERCENT.findall(self.source))
        if all(d == "%%" or d in english for d in own):
            try:
                return str.__mod__(str(self), values)
            except (ValueError, LookupError, TypeError) as error:
                self._give_up(L_("the text cannot be filled in ({reason})", reason=error))
        else:
            self._give_up(L_("the text has a `%` directive its English text does not have"))
        return str(self.source % values)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        # Copied or pickled, it is the plain text it holds.
        return (str, (str(self),))

    def _give_up(self, problem: Message) -> None:
        shown = self.source if len(self.source) <= 60 else self.source[:59] + "…"
        problem = L_("the translation of “{text}”: {problem}", text=shown, problem=problem)
        _notice(self.catalog, problem, self.source)


@functools.lru_cache(maxsize=4096)
def _check_fields(text: str, source: str) -> None:
    """Refuse a `text` whose fields do more than name those of its English `source`.

    Once a text has passed, `str.format` fills it in: it reads no attribute and no item,
    only the plain names given to it.
    """
    allowed = {
        (name, spec or "", conversion)
        for _literal, name, spec, conversion in _FORMATTER.parse(source)
        if name is not None
    }
    names = {name for name, _spec, _conversion in allowed}
    for _literal, name, spec, conversion in _FORMATTER.parse(text):
        if name is None:
            continue
        field, spec = "{" + name + "}", spec or ""
        if not (name.isidentifier() or name.isdecimal()):
            raise _Unfit(
                L_("{field} reaches into a value: only plain names are filled in", field=field)
            )
        if name not in names:
            raise _Unfit(L_("{field} is not one of its fields", field=field))
        if (name, spec, conversion) not in allowed and (conversion or not _FORM.fullmatch(spec)):
            raise _Unfit(
                L_("{field} is written in a way its English text does not allow", field=field)
            )


#: Problems found in catalogs, once each: (file, what) -> the message saying it.
_noticed: dict[tuple[str, str], Message] = {}


def _notice(catalog: str, problem: Message, key: str | None = None) -> None:
    _noticed.setdefault(
        (catalog, key or problem.template),
        L_(
            "{catalog}: {problem}; the English text is used instead",
            catalog=catalog,
            problem=problem,
        ),
    )


def catalog_problems() -> list[str]:
    """The problems found in catalogs since the last call, each once, in the language in force."""
    found = []
    while _noticed:
        found.append(str(_noticed.pop(next(iter(_noticed)))))
    return found


# --- Messages put together at the moment they are shown ---------------------------------


class Message:
    """A text with named fields, translated and filled in when it is shown.

    Its fields may be messages themselves, numbers (written with the locale's decimal
    sign) or anything with a `__format__`, so that a translator can ask for a grammatical
    form of a field with a format spec (`{channel:of}`).
    """

    __slots__ = ("context", "fields", "plural", "template")

    def __init__(
        self,
        template: str,
        fields: dict[str, Any] | None = None,
        *,
        context: str | None = None,
        plural: tuple[str, int] | None = None,
    ) -> None:
        self.template = template
        self.fields = fields or {}
        self.context = context
        self.plural = plural

    def __str__(self) -> str:
        if self.plural is not None:
            text = ngettext(self.template, *self.plural)
        elif self.context is not None:
            text = pgettext(self.context, self.template)
        else:
            text = _(self.template)
        if not self.fields:
            return text
        # A catalog's text is a `Translated`, whose `format_map` fills in plain names only.
        return text.format_map({k: _shown(v) for k, v in self.fields.items()})

    def __format__(self, spec: str) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (
            self.template,
            self.fields,
            self.context,
            self.plural,
        ) == (other.template, other.fields, other.context, other.plural)

    def __hash__(self) -> int:
        return hash((self.template, self.context))


def L_(template: str, /, **fields: Any) -> Message:
    """A message for the catalog, translated and filled with `fields` when shown."""
    return Message(template, fields)


def LN_(singular: str, plural: str, n: int, /, **fields: Any) -> Message:
    """A message whose form follows the number `n` (also given to it as `{n}`)."""
    return Message(singular, {"n": n, **fields}, plural=(plural, n))


def LP_(context: str, template: str, /, **fields: Any) -> Message:
    """A message told apart from the same words elsewhere by its `context`."""
    return Message(template, fields, context=context)


class Number:
    """A number in a message, written `:g`-style with the locale's decimal sign."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        text = f"{self.value:g}"
        return text.replace(".", decimal_sign()) if "." in text else text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Number) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


def _shown(value: Any) -> Any:
    if isinstance(value, float):
        return Number(value)
    return value


def shown(value: object) -> str:
    """A message, or any value, as text in the language in force."""
    return format(_shown(value), "")


# --- Locale formats ---------------------------------------------------------------------


def _locale_name(lang: str) -> str:
    """The name of the Babel locale the catalog of `lang` names: fr_FR.

    A language named with its country (`en_US`) is that locale, unless its catalog
    names another.
    """
    with language(lang):
        # Translators: the CLDR locale whose dates and numbers this language uses,
        # such as fr_FR or es_ES. English is written the British way.
        named = pgettext("locale", "en_GB")
    return lang if named == "en_GB" and "_" in lang else named


@functools.cache
def babel_locale(lang: str) -> Any:
    """The Babel locale whose dates and numbers `lang` uses, as its catalog names it."""
    from babel import Locale, UnknownLocaleError

    for candidate in (_locale_name(lang), lang, "en_GB"):
        try:
            return Locale.parse(candidate)
        except (ValueError, UnknownLocaleError):
            continue
    raise AssertionError("en_GB is always known")  # pragma: no cover


@functools.cache
def local_currency(lang: str) -> str:
    """The currency of the country whose ways `lang` writes with: GBP for en_GB, EUR for fr_FR.

    Read from the Babel locale the catalog names, so a new catalog brings its currency
    with it: es_ES gives EUR, es_MX would give MXN. Only the locale's name is parsed,
    not its data: `smplan new` needs the currency and nothing else of the locale.
    """
    from babel.numbers import get_territory_currencies

    territory = _territory(lang)
    found = get_territory_currencies(territory) if territory else []
    if found:
        return str(found[0])
    return local_currency(SOURCE_LANGUAGE) if lang != SOURCE_LANGUAGE else "GBP"


def _territory(lang: str) -> str | None:
    """The country whose ways `lang` writes with (GB, FR, US), from its locale's name."""
    from babel.core import get_global, parse_locale

    for candidate in (_locale_name(lang), lang):
        try:
            language_code, territory = parse_locale(candidate)[:2]
        except ValueError:
            continue
        if territory is None:
            # A locale named without a country (`es`): the country it most likely means.
            likely = get_global("likely_subtags").get(language_code)
            territory = parse_locale(likely)[1] if likely else None
        if territory:
            return str(territory)
    return None


@functools.cache
def local_time_zones(lang: str) -> tuple[str, ...]:
    """The time zones of the country `lang` writes for, east to west: Europe/Paris for fr_FR;
    America/New_York, America/Chicago... America/Los_Angeles... for en_US.

    One per region of the country's clock (the zone CLDR names for it), else its first zone.
    """
    import zoneinfo

    from babel.core import get_global

    territory = _territory(lang)
    zones = list(get_global("territory_zones").get(territory or "", ()))
    principal = set(get_global("windows_zone_mapping").values())
    chosen = [zone for zone in zones if zone in principal] or zones[:1]
    moment = dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC)

    def offset(zone: str) -> dt.timedelta:
        try:
            return moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() or dt.timedelta()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return dt.timedelta()

    return tuple(sorted(chosen, key=offset, reverse=True)) or ("UTC",)


def language_name(lang: str) -> str:
    """The name of a language in that language, as its speakers write it: Français; a
    regional one names its country too: English (United States)."""
    locale = babel_locale(lang)
    name = str(
        (locale.get_display_name(locale) if "_" in lang else locale.get_language_name(locale))
        or lang
    )
    return name[:1].upper() + name[1:]


def either(items: Iterable[str]) -> str:
    """`items` as the language in force lists alternatives: md or html, md ou html."""
    from babel.lists import format_list

    return str(format_list(list(items), style="or", locale=babel_locale(_current.get())))


def decimal_sign() -> str:
    """The decimal sign of the language in force."""
    symbols: dict[str, str] = babel_locale(_current.get()).number_symbols.get("latn", {})
    return symbols.get("decimal", ".")


class Formatter:
    """Dates, numbers and money written the way the document's locale writes them."""

    def __init__(self, lang: str, currency: str | None = None) -> None:
        self.lang = lang
        self.locale = babel_locale(lang)
        self.currency = currency or local_currency(lang)

    def date(self, value: dt.date | None) -> str | None:
        """A date in long form: 16 November 2026, 16 novembre 2026."""
        from babel.dates import format_date

        if value is None:
            return None
        text = str(format_date(value, format="long", locale=self.locale))
        if value.day == 1 and text.startswith("1 "):
            with language(self.lang):
                # Translators: the first day of a month in a long date, where the
                # language writes it as an ordinal (French: 1er décembre 2026).
                first = pgettext("first day of a month", "1")
            text = first + text[1:]
        return text

    def number(self, value: float | None) -> str | None:
        """A number with at most two decimals and the locale's separators."""
        from babel.numbers import format_decimal

        if value is None:
            return None
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def hours(self, value: float | None) -> str | None:
        """A number of hours: 1.5 h, 1,5 h."""
        number = self.number(value)
        return None if number is None else f"{number}\u00a0h"

    def money(self, value: float | None) -> str | None:
        """An amount in the plan's currency, without cents when it is a whole amount."""
        from babel.numbers import format_currency

        if value is None:
            return None
        pattern = self.locale.currency_formats["standard"].pattern
        if float(value).is_integer():
            pattern = pattern.replace("#,##0.00", "#,##0")
        return format_currency(
            value, self.currency, format=pattern, locale=self.locale, currency_digits=False
        )

    def percent(self, value: float | None) -> str | None:
        """A share given in percent (35 -> 35 %, 35%)."""
        from babel.numbers import format_percent

        if value is None:
            return None
        pattern = self.locale.percent_formats[None].pattern
        pattern = pattern.replace("#,##0", "#,##0.#", 1)
        return format_percent(value / 100, format=pattern, locale=self.locale)
