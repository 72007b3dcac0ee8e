"""Builders for advice tests: the coordinator's usual hours, a booking, a topic, a month."""

from __future__ import annotations

import datetime as dt

from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import advice_booking, advice_hours, advice_topics
from lumijobi_desktop.core.advice import SessionStatus

BEFORE = dt.datetime(2026, 11, 25, 9, 0)  # a Wednesday: when the bookings are made
TUESDAY = dt.date(2026, 12, 1)
THURSDAY = dt.date(2026, 12, 3)
VALID_FROM = TUESDAY


def at(day: dt.date, hours: int, minutes: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hours, minutes))


def usual_hours(actor, adviser) -> None:
    """Tuesdays 10–14 and Thursdays 12–16, in 30-minute slots."""
    for weekday, starts, ends in ((1, 10, 14), (3, 12, 16)):
        advice_hours.add_weekly_hours(
            actor,
            adviser.id,
            advice_hours.HoursData(
                weekday=weekday,
                starts=dt.time(starts),
                ends=dt.time(ends),
                place="Neuvontahuone",
                valid_from=VALID_FROM,
            ),
        )


def topic_id(key: str = "kela") -> int:
    return advice_topics.AdviceTopic.get(advice_topics.AdviceTopic.key == key).id


def booking(adviser, starts_at: dt.datetime, minutes: int = 30, **extra):
    return advice_booking.BookingData(
        adviser_id=adviser.id,
        starts_at=starts_at,
        topic_id=extra.pop("topic_id", None) or topic_id(),
        minutes=minutes,
        **extra,
    )


def book(actor, adviser, person, starts_at: dt.datetime, minutes: int = 30, **extra):
    return advice_booking.book_session(
        actor, person.id, booking(adviser, starts_at, minutes, **extra), BEFORE
    )


def book_a_month(volunteer, coordinator, marked_at: dt.datetime) -> None:
    """December 2026 for the figures: 3 held, 1 not come, 1 cancelled, 1 still booked.

    Three persons; topics kela, housing, work, school; languages uk, ru, fi, two
    with an interpreter. Outcomes are marked at `marked_at`; one more booking in
    January 2027 falls outside the month.
    """

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
            advice_booking.set_status(coordinator, session.id, outcome, marked_at)
    # A session in the next month is not counted.
    book(volunteer, coordinator, anna, at(dt.date(2027, 1, 5), 10))
