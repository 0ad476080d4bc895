"""The days a calendar marks: public holidays of the plan's markets and its own key dates.

Public holidays come from the maintained `holidays` package, country by country and region
by region, named in the calendar's language where the package has it. The plan's markets
are the ones it lists (`calendar.markets`: FR, FR-57, US-CA), else the country of its time
zone, else the country of its language (en_US). Trade days (a sale, a fair, a day of the
sector) are the plan's own: its campaigns of kind key date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from smplan.plan.model import Plan


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
    if not found or last < first:
        return [], []
    import holidays

    days: dict[dt.date, KeyDate] = {}
    unknown: list[str] = []
    years = list(range(first.year, last.year + 1))
    for market in found:
        table: Any = None
        for region in dict.fromkeys((market.region, market.region and market.region.upper())):
            try:
                table = holidays.country_holidays(market.country, subdiv=region)
                break
            except NotImplementedError:
                continue
        if table is None:
            unknown.append(market.code)
            continue
        table = holidays.country_holidays(
            market.country, subdiv=table.subdiv, years=years, language=_language(table, lang)
        )
        for day, name in sorted(table.items()):
            if first <= day <= last and day not in days:
                days[day] = KeyDate(day, str(name), "holiday", market.code)
    return [days[d] for d in sorted(days)], unknown


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
