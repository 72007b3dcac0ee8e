import datetime as dt

import pytest

from lumijobi_desktop.core import holidays, i18n
from lumijobi_desktop.core.holidays import (
    holiday_name,
    holidays_between,
    holidays_in,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2008, D(2008, 3, 23)),
        (2038, D(2038, 4, 25)),  # latest possible
        (2285, D(2285, 3, 22)),  # earliest possible
        (2000, D(2000, 4, 23)),
        (1900, D(1900, 4, 15)),
    ],
)
def test_easter_by_the_gregorian_algorithm(year, easter):
    assert holidays.easter_sunday(year) == easter
    assert holidays_in(year)[easter] == holidays.EASTER_SUNDAY


def test_known_dates_of_2026():
    days = holidays_in(2026)
    assert days[D(2026, 1, 1)] == "New Year's Day"
    assert days[D(2026, 1, 6)] == "Epiphany"
    assert days[D(2026, 4, 3)] == "Good Friday"
    assert days[D(2026, 4, 5)] == "Easter Sunday"
    assert days[D(2026, 4, 6)] == "Easter Monday"
    assert days[D(2026, 5, 1)] == "May Day"
    assert days[D(2026, 5, 14)] == "Ascension Day"
    assert days[D(2026, 5, 24)] == "Whitsun"
    assert days[D(2026, 6, 19)] == "Midsummer Eve"
    assert days[D(2026, 6, 20)] == "Midsummer Day"
    assert days[D(2026, 10, 31)] == "All Saints' Day"
    assert days[D(2026, 12, 6)] == "Independence Day"
    assert days[D(2026, 12, 24)] == "Christmas Eve"
    assert days[D(2026, 12, 25)] == "Christmas Day"
    assert days[D(2026, 12, 26)] == "St Stephen's Day"


def test_moving_feasts_of_other_years():
    assert holidays_in(2025)[D(2025, 6, 20)] == holidays.MIDSUMMER_EVE
    assert holidays_in(2025)[D(2025, 11, 1)] == holidays.ALL_SAINTS_DAY
    assert holidays_in(2027)[D(2027, 6, 25)] == holidays.MIDSUMMER_EVE
    assert holidays_in(2027)[D(2027, 6, 26)] == holidays.MIDSUMMER_DAY
    assert holidays_in(2027)[D(2027, 11, 6)] == holidays.ALL_SAINTS_DAY
    assert holidays_in(2027)[D(2027, 5, 6)] == holidays.ASCENSION_DAY


@pytest.mark.parametrize("year", range(1990, 2101))
def test_fifteen_days_a_year_on_their_weekdays(year):
    days = holidays_in(year)
    assert len(days) == (14 if year == 2008 else 15)
    assert list(days) == sorted(days)
    assert all(day.year == year for day in days)
    weekday = {name: day.weekday() for day, name in days.items()}
    assert weekday[holidays.GOOD_FRIDAY] == 4
    assert weekday[holidays.EASTER_SUNDAY] == weekday[holidays.WHITSUN] == 6
    assert weekday[holidays.EASTER_MONDAY] == 0
    assert weekday[holidays.MIDSUMMER_EVE] == 4
    assert weekday[holidays.MIDSUMMER_DAY] == weekday[holidays.ALL_SAINTS_DAY] == 5
    if year != 2008:
        assert weekday[holidays.ASCENSION_DAY] == 3
    for day, name in days.items():
        if name == holidays.MIDSUMMER_EVE:
            assert D(year, 6, 19) <= day <= D(year, 6, 25)
        if name == holidays.ALL_SAINTS_DAY:
            assert D(year, 10, 31) <= day <= D(year, 11, 6)


def test_may_day_and_ascension_on_the_same_day_keep_both_names():
    assert holidays_in(2008)[D(2008, 5, 1)] == holidays.MAY_DAY_AND_ASCENSION_DAY


def test_range_across_new_year_includes_both_ends():
    days = holidays_between(D(2026, 12, 24), D(2027, 1, 6))
    assert days == {
        D(2026, 12, 24): "Christmas Eve",
        D(2026, 12, 25): "Christmas Day",
        D(2026, 12, 26): "St Stephen's Day",
        D(2027, 1, 1): "New Year's Day",
        D(2027, 1, 6): "Epiphany",
    }
    assert list(days) == sorted(days)


def test_range_edges():
    assert holidays_between(D(2026, 12, 27), D(2026, 12, 31)) == {}
    assert holidays_between(D(2026, 5, 1), D(2026, 5, 1)) == {D(2026, 5, 1): "May Day"}
    assert holidays_between(D(2027, 1, 1), D(2026, 1, 1)) == {}
    assert len(holidays_between(D(2025, 1, 1), D(2027, 12, 31))) == 45


def test_holiday_name_is_translated():
    assert holiday_name(D(2026, 4, 6)) == "Easter Monday"
    assert holiday_name(D(2026, 4, 7)) is None
    assert holiday_name(dt.datetime(2026, 12, 6, 18, 0)) == "Independence Day"
    i18n.set_language("fi")
    expected = i18n._("Independence Day")
    assert holiday_name(D(2026, 12, 6)) == expected
    assert holiday_name(D(2026, 12, 6), lang="en") == "Independence Day"


def test_every_name_is_a_marked_constant():
    names = {
        value for key, value in vars(holidays).items() if key.isupper() and isinstance(value, str)
    }
    for year in range(2000, 2030):
        assert set(holidays_in(year).values()) <= names
    assert names >= holidays.EVES
