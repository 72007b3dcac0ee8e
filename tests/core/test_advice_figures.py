"""Advice figures for the monthly summary, checked against a handful of known sessions."""

import datetime as dt

from tests.core.advice_fixtures import THURSDAY, TUESDAY, at, book_a_month, usual_hours

from lumijobi_desktop.core import advice_figures, i18n
from lumijobi_desktop.core.permissions import Role

AFTER = at(THURSDAY + dt.timedelta(days=7), 17)


def test_figures_count_held_sessions_by_topic_language_and_interpreter(users, volunteer):
    coordinator = users[Role.COORDINATOR]
    usual_hours(coordinator, coordinator)
    book_a_month(volunteer, coordinator, AFTER)

    figures = advice_figures.advice_figures(volunteer, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (figures.held, figures.no_shows, figures.cancelled, figures.booked) == (3, 1, 1, 1)
    assert figures.persons == 2
    assert figures.minutes == 120
    assert figures.by_topic == {"Kela benefits": 2, "Housing": 1}
    assert figures.by_language == {"uk": 2, "ru": 1}
    assert (figures.with_interpreter, figures.by_interpreter_language) == (2, {"uk": 1, "ru": 1})
    assert figures.no_show_share == 0.25

    i18n.set_language("uk")
    in_ukrainian = advice_figures.advice_figures(volunteer, TUESDAY, TUESDAY)
    assert in_ukrainian.by_topic == {"Пільги Kela": 2}
