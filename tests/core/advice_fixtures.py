"""Builders for advice tests: the coordinator's usual hours, a booking, a topic."""

from __future__ import annotations

import datetime as dt

from lumijobi_desktop.core import advice_booking, advice_hours, advice_topics

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
