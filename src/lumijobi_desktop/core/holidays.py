"""Finnish public holidays and the eves everyone has off, computed for any year.

Fixed dates, Easter-based dates (Easter by the anonymous Gregorian
algorithm) and the three Finnish moving feasts that fall on a weekday
window: Midsummer Eve (the Friday 19–25 June), Midsummer Day (the Saturday
after it) and All Saints' Day (the Saturday 31 October – 6 November).
Midsummer Eve and Christmas Eve are not official holidays, but the centre
is closed on them like everyone else.

Names are English source strings; `holiday_name` translates.
"""

from __future__ import annotations

import datetime as dt

from lumijobi_desktop.core.i18n import N_, _, gettext_in

NEW_YEARS_DAY = N_("New Year's Day")
EPIPHANY = N_("Epiphany")
GOOD_FRIDAY = N_("Good Friday")
EASTER_SUNDAY = N_("Easter Sunday")
EASTER_MONDAY = N_("Easter Monday")
MAY_DAY = N_("May Day")
ASCENSION_DAY = N_("Ascension Day")
WHITSUN = N_("Whitsun")
MIDSUMMER_EVE = N_("Midsummer Eve")
MIDSUMMER_DAY = N_("Midsummer Day")
ALL_SAINTS_DAY = N_("All Saints' Day")
INDEPENDENCE_DAY = N_("Independence Day")
CHRISTMAS_EVE = N_("Christmas Eve")
CHRISTMAS_DAY = N_("Christmas Day")
ST_STEPHENS_DAY = N_("St Stephen's Day")
# NOTE: Ascension Day falls on 1 May when Easter is 23 March (2008, next in 2160).
MAY_DAY_AND_ASCENSION_DAY = N_("May Day and Ascension Day")

EVES = frozenset({MIDSUMMER_EVE, CHRISTMAS_EVE})
"""Days off by custom rather than by law."""

_SAME_DAY = {frozenset({MAY_DAY, ASCENSION_DAY}): MAY_DAY_AND_ASCENSION_DAY}

_FRIDAY = 4
_SATURDAY = 5


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter: the anonymous algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 -- the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_weekday_from(first: dt.date, weekday: int) -> dt.date:
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def holidays_in(year: int) -> dict[dt.date, str]:
    """Every holiday of the year in date order: date → untranslated English name."""
    easter = easter_sunday(year)
    midsummer_eve = _first_weekday_from(dt.date(year, 6, 19), _FRIDAY)
    days = [
        (dt.date(year, 1, 1), NEW_YEARS_DAY),
        (dt.date(year, 1, 6), EPIPHANY),
        (easter - dt.timedelta(days=2), GOOD_FRIDAY),
        (easter, EASTER_SUNDAY),
        (easter + dt.timedelta(days=1), EASTER_MONDAY),
        (dt.date(year, 5, 1), MAY_DAY),
        (easter + dt.timedelta(days=39), ASCENSION_DAY),
        (easter + dt.timedelta(days=49), WHITSUN),
        (midsummer_eve, MIDSUMMER_EVE),
        (midsummer_eve + dt.timedelta(days=1), MIDSUMMER_DAY),
        (_first_weekday_from(dt.date(year, 10, 31), _SATURDAY), ALL_SAINTS_DAY),
        (dt.date(year, 12, 6), INDEPENDENCE_DAY),
        (dt.date(year, 12, 24), CHRISTMAS_EVE),
        (dt.date(year, 12, 25), CHRISTMAS_DAY),
        (dt.date(year, 12, 26), ST_STEPHENS_DAY),
    ]
    result: dict[dt.date, str] = {}
    for day, name in sorted(days):
        result[day] = _SAME_DAY[frozenset({result[day], name})] if day in result else name
    return result


def holidays_between(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Holidays from `start` to `end`, both included, in date order; empty if end < start."""
    return {
        day: name
        for year in range(start.year, end.year + 1)
        for day, name in holidays_in(year).items()
        if start <= day <= end
    }


def holiday_name(day: dt.date, lang: str | None = None) -> str | None:
    """The translated name of the holiday on `day` (current language unless `lang`), or None."""
    if isinstance(day, dt.datetime):
        day = day.date()
    name = holidays_in(day.year).get(day)
    if name is None:
        return None
    return gettext_in(lang, name) if lang else _(name)
