"""Advice figures for the monthly summary, checked against a handful of known sessions."""

import datetime as dt

from tests.core.advice_fixtures import THURSDAY, TUESDAY, at, book, topic_id, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import advice_booking, advice_figures, i18n
from lumijobi_desktop.core.advice import SessionStatus
from lumijobi_desktop.core.permissions import Role

AFTER = at(THURSDAY + dt.timedelta(days=7), 17)


def test_figures_count_held_sessions_by_topic_language_and_interpreter(users, volunteer):
    coordinator = users[Role.COORDINATOR]
    usual_hours(coordinator, coordinator)
    anna, bohdan, olha = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko", "Olha Bondar")
    plan = [
        # person, start, minutes, topic, language, interpreter, outcome
        (anna, at(TUESDAY, 10), 30, "kela", "uk", "", SessionStatus.DONE),
        (anna, at(THURSDAY, 12), 60, "housing", "uk", "uk", SessionStatus.DONE),
        (bohdan, at(TUESDAY, 11), 30, "kela", "ru", "ru", SessionStatus.DONE),
        (olha, at(TUESDAY, 12), 30, "work", "fi", "", SessionStatus.NO_SHOW),
        (olha, at(TUESDAY, 13), 30, "work", "fi", "", SessionStatus.CANCELLED),
        (bohdan, at(THURSDAY, 14), 30, "school", "uk", "", SessionStatus.BOOKED),
    ]
    for person, start, minutes, topic, language, interpreter, outcome in plan:
        session = book(
            volunteer,
            coordinator,
            person,
            start,
            minutes,
            topic_id=topic_id(topic),
            language=language,
            interpreter_needed=bool(interpreter),
            interpreter_language=interpreter,
        )
        if outcome == SessionStatus.CANCELLED:
            advice_booking.cancel_session(volunteer, session.id, at(TUESDAY, 9))
        elif outcome != SessionStatus.BOOKED:
            advice_booking.set_status(coordinator, session.id, outcome, AFTER)
    # A session in the next month is not counted.
    book(volunteer, coordinator, anna, at(dt.date(2027, 1, 5), 10))

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
