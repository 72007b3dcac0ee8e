"""Booking, moving and cancelling advice sessions, and marking how they went.

The desk may book, move and cancel; the coordinator (and staff) mark a
session done or missed. A booking must lie inside one stretch of the
coordinator's hours and must not overlap another booking or a time held for
someone in the queue. Every freed time is offered to the queue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lumijobi_desktop.core import audit, visits
from lumijobi_desktop.core.advice import (
    AdviceQueueEntry,
    AdviceSession,
    QueueStatus,
    SessionStatus,
    busy_between,
    check_languages,
    check_length,
    get_session,
)
from lumijobi_desktop.core.advice_hours import Window, get_adviser, windows_on
from lumijobi_desktop.core.advice_queue import get_entry, offer_free_times
from lumijobi_desktop.core.advice_topics import get_topic
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _, format_date, format_time
from lumijobi_desktop.core.people import PersonData, get_person, register_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Purpose

BRING_MAX = 120


@dataclass
class BookingData:
    """What the booking form sends in: when, with whom, what about."""

    adviser_id: int
    starts_at: dt.datetime
    topic_id: int
    minutes: int = 30
    language: str = ""
    interpreter_needed: bool = False
    interpreter_language: str = ""
    bring: str = ""

    def cleaned(self) -> BookingData:
        check_length(self.minutes)
        check_languages(self.language, self.interpreter_needed, self.interpreter_language)
        return BookingData(
            adviser_id=self.adviser_id,
            starts_at=self.starts_at.replace(second=0, microsecond=0),
            topic_id=self.topic_id,
            minutes=self.minutes,
            language=self.language,
            interpreter_needed=self.interpreter_needed,
            interpreter_language=self.interpreter_language if self.interpreter_needed else "",
            bring=clean_line(self.bring, BRING_MAX, "bring"),
        )


def _hours_text(windows: list[Window]) -> str:
    return ", ".join(f"{format_time(window.start)}–{format_time(window.end)}" for window in windows)


def fitting_window(
    adviser_id: int,
    start: dt.datetime,
    minutes: int,
    *,
    except_session: int | None = None,
    except_entry: int | None = None,
) -> Window:
    """The window the time fits in, or a ValidationError saying why it does not fit."""
    end = start + dt.timedelta(minutes=minutes)
    windows = windows_on(adviser_id, start.date())
    window = next((w for w in windows if w.start <= start < w.end), None)
    if window is None:
        if not windows:
            message = _("The coordinator gives no advice on {date}.").format(
                date=format_date(start.date())
            )
        else:
            message = _(
                "{time} is outside the coordinator's hours. Hours on {date}: {hours}."
            ).format(
                time=format_time(start), date=format_date(start.date()), hours=_hours_text(windows)
            )
        raise ValidationError(message, field="starts_at")
    for item in busy_between(
        adviser_id, start, end, except_session=except_session, except_entry=except_entry
    ):
        if item.start <= start:
            raise ValidationError(
                _("This time is already booked.")
                if item.session_id is not None
                else _("This time is held for someone in the queue until the desk has called."),
                field="starts_at",
            )
        longest = int((item.start - start).total_seconds() // 60)
        raise ValidationError(
            _(
                "A session of {minutes} minutes would run into the next booking at {time}. "
                "At most {longest} minutes fit here."
            ).format(minutes=minutes, time=format_time(item.start), longest=longest),
            field="minutes",
        )
    if end > window.end:
        longest = int((window.end - start).total_seconds() // 60)
        raise ValidationError(
            _(
                "A session of {minutes} minutes would run past the end of the hours at {time}. "
                "At most {longest} minutes fit here."
            ).format(minutes=minutes, time=format_time(window.end), longest=longest),
            field="minutes",
        )
    return window


def _refuse_past(start: dt.datetime, moment: dt.datetime) -> None:
    if start < moment.replace(second=0, microsecond=0):
        raise ValidationError(_("This time has already passed."), field="starts_at")


def _person_id(actor: User, person: int | PersonData) -> int:
    if isinstance(person, PersonData):
        return register_person(actor, person).id
    return get_person(actor, person).id


def _audit_session(actor: User, session: AdviceSession, before: dict) -> None:
    changed_before, changed_after = audit.changed_fields(before, session.snapshot())
    if changed_after:
        audit.record(
            actor,
            Action.UPDATE,
            "advice_session",
            session.id,
            before=changed_before,
            after=changed_after,
        )


def book_session(
    actor: User,
    person: int | PersonData,
    data: BookingData,
    moment: dt.datetime | None = None,
    *,
    except_entry: int | None = None,
) -> AdviceSession:
    """Book a person (or a new person from quick-add data) into a free time."""
    require(actor, Permission.BOOK_ADVICE)
    data = data.cleaned()
    moment = moment or now()
    _refuse_past(data.starts_at, moment)
    with unit_of_work():
        get_adviser(data.adviser_id)
        get_topic(data.topic_id)
        window = fitting_window(
            data.adviser_id, data.starts_at, data.minutes, except_entry=except_entry
        )
        person_id = _person_id(actor, person)
        session = AdviceSession.create(
            person=person_id,
            adviser=data.adviser_id,
            starts_at=data.starts_at,
            minutes=data.minutes,
            topic=data.topic_id,
            language=data.language,
            interpreter_needed=data.interpreter_needed,
            interpreter_language=data.interpreter_language,
            place=window.place,
            bring=data.bring,
            booked_by=actor.id,
            booked_at=moment,
            updated_at=moment,
        )
        audit.record(actor, Action.CREATE, "advice_session", session.id, after=session.snapshot())
        _leave_queue(actor, person_id, session, moment)
    return session


def _leave_queue(actor: User, person_id: int, session: AdviceSession, moment: dt.datetime) -> None:
    """A person who got a time no longer waits; a time held for them goes to the next."""
    entry = AdviceQueueEntry.get_or_none(
        (AdviceQueueEntry.person == person_id)
        & (AdviceQueueEntry.status == QueueStatus.WAITING.value)
    )
    if entry is None:
        return
    before = entry.snapshot()
    held = entry.offered_start is not None
    entry.status = QueueStatus.BOOKED.value
    entry.session = session.id
    entry.offered_start = entry.offered_adviser = entry.offered_at = None
    entry.save()
    audit.record(
        actor, Action.UPDATE, "advice_queue", entry.id, before=before, after=entry.snapshot()
    )
    if held:
        offer_free_times(actor, moment)


def accept_offer(actor: User, entry_id: int, moment: dt.datetime | None = None) -> AdviceSession:
    """The person takes the time held for them: book it with what they asked for."""
    require(actor, Permission.BOOK_ADVICE)
    with unit_of_work():
        entry = get_entry(actor, entry_id)
        if entry.offered_start is None:
            raise ValidationError(_("No time is held for this person."))
        data = BookingData(
            adviser_id=entry.offered_adviser_id,
            starts_at=entry.offered_start,
            topic_id=entry.topic_id,
            minutes=entry.minutes,
            language=entry.language,
            interpreter_needed=entry.interpreter_needed,
            interpreter_language=entry.interpreter_language,
        )
        return book_session(actor, entry.person_id, data, moment, except_entry=entry.id)


def change_session(
    actor: User, session_id: int, data: BookingData, moment: dt.datetime | None = None
) -> AdviceSession:
    """Move a booked session and change its details; a freed time goes to the queue."""
    require(actor, Permission.BOOK_ADVICE)
    data = data.cleaned()
    moment = moment or now()
    with unit_of_work():
        session = get_session(actor, session_id)
        if session.status != SessionStatus.BOOKED.value:
            raise ValidationError(_("Only a booked session can be changed."))
        moved = (data.adviser_id, data.starts_at, data.minutes) != (
            session.adviser_id,
            session.starts_at,
            session.minutes,
        )
        before = session.snapshot()
        if moved:
            _refuse_past(data.starts_at, moment)
            get_adviser(data.adviser_id)
            window = fitting_window(
                data.adviser_id, data.starts_at, data.minutes, except_session=session.id
            )
            session.place = window.place
        get_topic(data.topic_id)
        session.adviser = data.adviser_id
        session.starts_at = data.starts_at
        session.minutes = data.minutes
        session.topic = data.topic_id
        session.language = data.language
        session.interpreter_needed = data.interpreter_needed
        session.interpreter_language = data.interpreter_language
        session.bring = data.bring
        session.updated_at = moment
        session.save()
        _audit_session(actor, session, before)
        if moved:
            offer_free_times(actor, moment)
    return session


def cancel_session(
    actor: User, session_id: int, moment: dt.datetime | None = None
) -> list[AdviceQueueEntry]:
    """Cancel a booking; returns the queue offers made from the freed time."""
    require(actor, Permission.BOOK_ADVICE)
    moment = moment or now()
    with unit_of_work():
        session = get_session(actor, session_id)
        if session.status != SessionStatus.BOOKED.value:
            raise ValidationError(_("Only a booked session can be cancelled."))
        before = session.snapshot()
        session.status = SessionStatus.CANCELLED.value
        session.cancelled_at = session.updated_at = moment
        session.save()
        _audit_session(actor, session, before)
        return offer_free_times(actor, moment)


def set_status(
    actor: User, session_id: int, status: str, moment: dt.datetime | None = None
) -> AdviceSession:
    """Mark a session done or missed, or take that back to booked.

    Done counts as an advice visit (the day's advice check-in if the desk
    made one); taking it back removes a visit made here. Done and missed
    sessions keep their time, so taking one back to booked always fits.
    """
    require(actor, Permission.RECORD_ADVICE)
    if status not in (SessionStatus.BOOKED, SessionStatus.DONE, SessionStatus.NO_SHOW):
        raise ValidationError(_("Choose how the session went."), field="status")
    moment = moment or now()
    with unit_of_work():
        session = get_session(actor, session_id)
        if session.status == status:
            return session
        if session.status == SessionStatus.CANCELLED.value:
            raise ValidationError(_("This session was cancelled. Book a new time instead."))
        if status != SessionStatus.BOOKED and session.starts_at > moment:
            raise ValidationError(_("This session has not begun yet."), field="status")
        before = session.snapshot()
        if status == SessionStatus.DONE:
            session.visit, session.visit_is_own = visits.visit_for(
                actor, session.person_id, Purpose.ADVICE, session.starts_at
            )
        elif session.visit_id is not None:
            if session.visit_is_own:
                visits.remove_visit(actor, session.visit_id)
            session.visit, session.visit_is_own = None, False
        session.status = status
        session.updated_at = moment
        session.save()
        _audit_session(actor, session, before)
    return session
