"""The days a calendar marks: public holidays of the plan's markets and its own key dates.

Public holidays come from the maintained `holidays` package, country by country and region
by region, named in the calendar's language where the package has it. The plan's markets
are the ones it lists (`calendar.markets`: FR, FR-57, US-CA), else the country of its time
zone, else the country of its language (en_US). Trade days (a sale, a fair, a day of the
sector) are the plan's own: its campaigns of kind key date.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smplan.cachedir import cache_root
from smplan.fsutil import atomic_write
from smplan.plan.model import Plan


def slug(text: str) -> str:
    """`text` as lowercase ASCII words and dashes: `Maison Fournil` -> `maison-fournil`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Market:
    """A country, or a region of one, as the `holidays` package names them."""

    country: str
    region: str | None

    @property
    def code(self) -> str:
        """FR, or FR-57 for a region."""
        return f"{self.country}-{self.region}" if self.region else self.country


@dataclass(frozen=True)
class KeyDate:
    """A day the calendar marks: a public holiday or one of the plan's key dates."""

    day: dt.date
    name: str
    #: `holiday` for a public holiday, `key_date` for a day of the plan's own.
    kind: str
    #: The market of a public holiday, as its code.
    market: str | None = None


def markets(plan: Plan) -> list[Market]:
    """The plan's markets: those it lists, else the country its time zone or language implies."""
    settings = plan.calendar
    listed = [m.strip() for m in settings.markets] if settings and settings.markets else []
    if not listed:
        found = _implied_country(plan)
        return [Market(found, None)] if found else []
    known: list[Market] = []
    for code in listed:
        country, _, region = code.partition("-")
        market = Market(country.upper(), region or None)
        if market not in known:
            known.append(market)
    return known


def _implied_country(plan: Plan) -> str | None:
    """The country of the plan's time zone, else of its language (en_US), if any."""
    from babel.core import get_global

    project = plan.project
    zone = project.timezone if project else None
    country = get_global("zone_territories").get(zone) if zone else None
    if country is None and "_" in plan.language:
        country = plan.language.rsplit("_", 1)[1]
    return str(country) if country else None


def public_holidays(
    found: list[Market], first: dt.date, last: dt.date, lang: str
) -> tuple[list[KeyDate], list[str]]:
    """The public holidays of `found` markets from `first` to `last`, named in `lang` where
    the package can, a day marked once however many markets share it; and the codes of the
    markets the package does not know."""
    days: dict[dt.date, KeyDate] = {}
    unknown: list[str] = []
    years = list(range(first.year, last.year + 1)) if found and last >= first else []
    for market in found if years else []:
        table = _year_tables(market, years, lang)
        if table is None:
            unknown.append(market.code)
            continue
        for year in years:
            for day, name in table[str(year)]:
                when = dt.date.fromisoformat(day)
                if first <= when <= last and when not in days:
                    days[when] = KeyDate(when, name, "holiday", market.code)
    return [days[d] for d in sorted(days)], unknown


#: A market's holidays by year (as text), each day as [ISO date, name]; None when unknown.
_Years = dict[str, list[list[str]]]


def _year_tables(market: Market, years: list[int], lang: str) -> _Years | None:
    """The holidays of `market` for each of `years`, from the cache or worked out.

    Loading the package's country tables takes longer than rendering a document, and they
    change only with the package, so each market's years are kept in the cache folder, in
    a file named for the installed package's files, and worked out once.
    """
    path = _cache_file(market, lang)
    kept = _read_cache(path) if path else None
    if kept is not None and (kept.get("unknown") or all(str(y) in kept["years"] for y in years)):
        return None if kept.get("unknown") else kept["years"]
    known: _Years = dict(kept["years"]) if kept and not kept.get("unknown") else {}
    worked = _work_out(market, [y for y in years if str(y) not in known], lang)
    if worked is not None:
        known.update(worked)
    if path is not None:
        _write_cache(path, {"unknown": worked is None, "years": known})
    return None if worked is None else known


def _work_out(market: Market, years: list[int], lang: str) -> _Years | None:
    """The holidays of `market` for `years` from the package; None when it has no such market."""
    import holidays

    table: Any = None
    for region in dict.fromkeys((market.region, market.region and market.region.upper())):
        try:
            table = holidays.country_holidays(market.country, subdiv=region)
            break
        except NotImplementedError:
            continue
    if table is None:
        return None
    spoken = _language(table, lang)
    found: _Years = {}
    for year in years:
        named = holidays.country_holidays(
            market.country, subdiv=table.subdiv, years=year, language=spoken
        )
        found[str(year)] = [[day.isoformat(), str(name)] for day, name in sorted(named.items())]
    return found


def _cache_file(market: Market, lang: str) -> Path | None:
    """Where a market's holidays are kept, for the package as installed; None without a cache."""
    root = cache_root()
    spec = importlib.util.find_spec("holidays")
    if root is None or spec is None or not spec.origin:
        return None
    try:
        info = (Path(spec.origin).parent / "registry.py").stat()
    except OSError:
        return None
    release = f"{info.st_size}-{info.st_mtime_ns}"
    return root / "holidays" / release / f"{slug(market.code)}.{slug(lang)}.json"


def _read_cache(path: Path) -> dict[str, Any] | None:
    """What a cache file holds, when it is one of ours; anything else is a miss."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("years"), dict):
        return None
    for days in data["years"].values():
        if not isinstance(days, list) or not all(
            isinstance(d, list) and len(d) == 2 and all(isinstance(x, str) for x in d) for d in days
        ):
            return None
    return data


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Keep `data` for the next run; a cache that cannot be written is only not kept."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, ensure_ascii=False, sort_keys=True))
    except OSError:
        pass


def _language(table: Any, lang: str) -> str | None:
    """The language of `table`'s names closest to `lang`: itself, its base, else the default."""
    supported = list(table.supported_languages or ())
    base = lang.split("_")[0]
    for wanted in (lang, base):
        if wanted in supported:
            return wanted
    near = next((s for s in supported if s.split("_")[0] == base), None)
    default: str | None = table.default_language
    return near or default
