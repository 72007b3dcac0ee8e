"""Advice sessions with the immigration coordinator: the bookings and the calendar they fill.

A session takes a stretch of the coordinator's hours (see `advice_hours`).
A person who wants the next free time waits in the queue; a freed time is
held for the first one in the queue until the desk has called them (see
`advice_queue`). Booking, moving and status changes are in
`advice_booking`; the coordinator's confidential notes and follow-ups in
`advice_notes`, which nothing here reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core.advice_hours import Window, windows_between
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.database import BaseModel, now
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES, Person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Visit

MINUTES_MIN, MINUTES_MAX, MINUTES_STEP = 15, 180, 15
# How far ahead the queue is offered free times.
QUEUE_HORIZON = dt.timedelta(weeks=8)


class SessionStatus(StrEnum):
    BOOKED = "booked"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


SESSION_STATUS_NAMES = {
    SessionStatus.BOOKED: N_("Booked"),
    SessionStatus.DONE: N_("Took place"),
    SessionStatus.NO_SHOW: N_("Did not come"),
    SessionStatus.CANCELLED: N_("Cancelled"),
}

# Statuses whose time is taken in the calendar.
TAKING_TIME = (SessionStatus.BOOKED.value, SessionStatus.DONE.value, SessionStatus.NO_SHOW.value)


def status_name(status: str) -> str:
    return _(SESSION_STATUS_NAMES[SessionStatus(status)])


class AdviceSession(BaseModel):
    # Erasing a person keeps the session for the figures, anonymously.
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    starts_at = pw.DateTimeField()
    minutes = pw.IntegerField()
    topic = pw.ForeignKeyField(AdviceTopic, backref="+")
    language = pw.CharField(default="")  # the spoken language of the session
    interpreter_needed = pw.BooleanField(default=False)
    interpreter_language = pw.CharField(default="")
    place = pw.CharField(default="")
    bring = pw.CharField(default="")  # printed on the slip after the topic's own list
    status = pw.CharField(default=SessionStatus.BOOKED.value, index=True)
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL", backref="+")
    # False when the person had already been checked in for advice that day.
    visit_is_own = pw.BooleanField(default=False)
    booked_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    booked_at = pw.DateTimeField(default=now)
    cancelled_at = pw.DateTimeField(null=True)
    updated_at = pw.DateTimeField(default=now)

    class Meta:
        indexes = ((("adviser", "starts_at"), False),)

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def takes_time(self) -> bool:
        return self.status in TAKING_TIME

    def snapshot(self) -> dict:
        return {
            "person": self.person_id,
            "adviser": self.adviser_id,
            "starts_at": self.starts_at,
            "minutes": self.minutes,
            "topic": self.topic_id,
            "language": self.language,
            "interpreter_needed": self.interpreter_needed,
            "interpreter_language": self.interpreter_language,
            "place": self.place,
            "bring": self.bring,
            "status": self.status,
        }


class QueueStatus(StrEnum):
    WAITING = "waiting"
    BOOKED = "booked"
    REMOVED = "removed"


class AdviceQueueEntry(BaseModel):
    """A person waiting for the next free time; a freed time is held here as an offer."""

    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")  # None: any
    topic = pw.ForeignKeyField(AdviceTopic, backref="+")
    language = pw.CharField(default="")
    interpreter_needed = pw.BooleanField(default=False)
    interpreter_language = pw.CharField(default="")
    minutes = pw.IntegerField()
    wishes = pw.CharField(default="")  # e.g. "mornings only"
    status = pw.CharField(default=QueueStatus.WAITING.value, index=True)
    added_at = pw.DateTimeField(default=now)
    added_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    # Declined times are not offered again: only times from here on.
    not_before = pw.DateTimeField(null=True)
    offered_start = pw.DateTimeField(null=True)
    offered_adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    offered_at = pw.DateTimeField(null=True)
    session = pw.ForeignKeyField(AdviceSession, null=True, on_delete="SET NULL", backref="+")

    @property
    def offered_end(self) -> dt.datetime | None:
        if self.offered_start is None:
            return None
        return self.offered_start + dt.timedelta(minutes=self.minutes)

    def snapshot(self) -> dict:
        return {
            "person": self.person_id,
            "adviser": self.adviser_id,
            "topic": self.topic_id,
            "language": self.language,
            "interpreter_needed": self.interpreter_needed,
            "minutes": self.minutes,
            "wishes": self.wishes,
            "status": self.status,
            "offered_start": self.offered_start,
            "offered_adviser": self.offered_adviser_id,
        }


def check_length(minutes: int) -> None:
    if not isinstance(minutes, int) or not MINUTES_MIN <= minutes <= MINUTES_MAX:
        raise ValidationError(
            _("A session is {low} to {high} minutes long.").format(
                low=MINUTES_MIN, high=MINUTES_MAX
            ),
            field="minutes",
        )
    if minutes % MINUTES_STEP:
        raise ValidationError(
            _("Give the length in steps of {step} minutes.").format(step=MINUTES_STEP),
            field="minutes",
        )


def check_languages(language: str, interpreter_needed: bool, interpreter_language: str) -> None:
    if language and language not in SPOKEN_LANGUAGES:
        raise ValidationError(_("Choose the language of the session."), field="language")
    if interpreter_needed and interpreter_language not in SPOKEN_LANGUAGES:
        raise ValidationError(
            _("Choose the language the interpreter is needed for."), field="interpreter_language"
        )


def get_session(actor: User, session_id: int) -> AdviceSession:
    require(actor, Permission.BOOK_ADVICE)
    session = AdviceSession.get_or_none(AdviceSession.id == session_id)
    if session is None:
        raise NotFound(_("This advice session no longer exists."))
    return session


# --- what takes time ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Busy:
    start: dt.datetime
    end: dt.datetime
    session_id: int | None = None  # a booking
    entry_id: int | None = None  # a time held for someone in the queue

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        return self.start < end and start < self.end


def busy_between(
    adviser_id: int,
    first: dt.datetime,
    last: dt.datetime,
    *,
    except_session: int | None = None,
    except_entry: int | None = None,
) -> list[Busy]:
    """Bookings and held offers of the adviser that overlap [first, last), in time order."""
    # A session is at most a few hours long: look back a day for ones that started earlier.
    sessions = AdviceSession.select(
        AdviceSession.id, AdviceSession.starts_at, AdviceSession.minutes
    ).where(
        (AdviceSession.adviser == adviser_id)
        & AdviceSession.status.in_(TAKING_TIME)
        & (AdviceSession.starts_at < last)
        & (AdviceSession.starts_at >= first - dt.timedelta(days=1))
    )
    if except_session is not None:
        sessions = sessions.where(AdviceSession.id != except_session)
    offers = AdviceQueueEntry.select().where(
        (AdviceQueueEntry.offered_adviser == adviser_id)
        & (AdviceQueueEntry.status == QueueStatus.WAITING.value)
        & (AdviceQueueEntry.offered_start < last)
        & (AdviceQueueEntry.offered_start >= first - dt.timedelta(days=1))
    )
    if except_entry is not None:
        offers = offers.where(AdviceQueueEntry.id != except_entry)
    busy = [Busy(row.starts_at, row.ends_at, session_id=row.id) for row in sessions]
    busy += [Busy(row.offered_start, row.offered_end, entry_id=row.id) for row in offers]
    return sorted(
        (item for item in busy if item.overlaps(first, last)), key=lambda item: item.start
    )


def _day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(first, dt.time()), dt.datetime.combine(
        last + dt.timedelta(days=1), dt.time()
    )


def free_starts(
    adviser_id: int,
    first: dt.date,
    last: dt.date,
    minutes: int | None = None,
    *,
    after: dt.datetime | None = None,
    except_session: int | None = None,
) -> list[tuple[dt.datetime, Window]]:
    """Slot starts from which `minutes` (one slot if None) are free within one window."""
    windows = windows_between(adviser_id, first, last)
    busy = busy_between(adviser_id, *_day_bounds(first, last), except_session=except_session)
    found = []
    for day_windows in windows.values():
        for window in day_windows:
            length = dt.timedelta(minutes=minutes or window.slot_minutes)
            for start in window.slot_starts():
                end = start + length
                if after is not None and start < after:
                    continue
                if end <= window.end and not any(item.overlaps(start, end) for item in busy):
                    found.append((start, window))
    return found


def next_free_start(
    adviser_id: int, minutes: int, after: dt.datetime, horizon: dt.timedelta = QUEUE_HORIZON
) -> tuple[dt.datetime, Window] | None:
    """The earliest free time of `minutes` from `after` on, within `horizon`."""
    first = after.date()
    last = (after + horizon).date()
    # A week at a time: the next free time is usually close.
    while first <= last:
        chunk_end = min(first + dt.timedelta(days=6), last)
        found = free_starts(adviser_id, first, chunk_end, minutes, after=after)
        if found:
            return found[0]
        first = chunk_end + dt.timedelta(days=1)
    return None


# --- what the desk sees -------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    """A booking as the desk may see it: who, when, what about. Never the notes."""

    id: int
    starts_at: dt.datetime
    minutes: int
    person_id: int | None
    person_name: str
    phone: str
    adviser_id: int | None
    adviser_name: str
    topic_id: int
    topic: str
    language: str
    interpreter_needed: bool
    interpreter_language: str
    place: str
    bring: str
    status: str

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)


def _rows(query: pw.ModelSelect) -> list[SessionRow]:
    adviser = User.alias()
    query = (
        query.select(AdviceSession, Person, AdviceTopic, adviser)
        .join_from(AdviceSession, Person, pw.JOIN.LEFT_OUTER)
        .join_from(AdviceSession, AdviceTopic)
        .join_from(
            AdviceSession,
            adviser,
            pw.JOIN.LEFT_OUTER,
            on=(AdviceSession.adviser == adviser.id),
            attr="adviser_user",
        )
    )
    rows = []
    for session in query:
        person = session.person if session.person_id is not None else None
        adviser_user = getattr(session, "adviser_user", None)
        rows.append(
            SessionRow(
                id=session.id,
                starts_at=session.starts_at,
                minutes=session.minutes,
                person_id=session.person_id,
                person_name=person.full_name if person else _("(erased)"),
                phone=person.phone if person else "",
                adviser_id=session.adviser_id,
                adviser_name=adviser_user.display_name if adviser_user else "",
                topic_id=session.topic_id,
                topic=session.topic.name,
                language=session.language,
                interpreter_needed=session.interpreter_needed,
                interpreter_language=session.interpreter_language,
                place=session.place,
                bring=session.bring,
                status=session.status,
            )
        )
    return rows


def session_row(actor: User, session_id: int) -> SessionRow:
    require(actor, Permission.BOOK_ADVICE)
    rows = _rows(AdviceSession.select().where(AdviceSession.id == session_id))
    if not rows:
        raise NotFound(_("This advice session no longer exists."))
    return rows[0]


def sessions_between(
    actor: User,
    first: dt.date,
    last: dt.date,
    *,
    adviser_id: int | None = None,
    include_cancelled: bool = False,
) -> list[SessionRow]:
    """Sessions starting from `first` to `last` (both included), in time order."""
    require(actor, Permission.BOOK_ADVICE)
    start, end = _day_bounds(first, last)
    query = AdviceSession.select().where(
        (AdviceSession.starts_at >= start) & (AdviceSession.starts_at < end)
    )
    if adviser_id is not None:
        query = query.where(AdviceSession.adviser == adviser_id)
    if not include_cancelled:
        query = query.where(AdviceSession.status != SessionStatus.CANCELLED.value)
    return _rows(query.order_by(AdviceSession.starts_at, AdviceSession.id))


def upcoming_sessions_of(actor: User, person_id: int, moment: dt.datetime | None = None):
    """The person's booked sessions from now on: what the desk tells a visitor who asks."""
    require(actor, Permission.BOOK_ADVICE)
    query = AdviceSession.select().where(
        (AdviceSession.person == person_id)
        & (AdviceSession.status == SessionStatus.BOOKED.value)
        & (AdviceSession.starts_at >= (moment or now()) - dt.timedelta(hours=4))
    )
    return _rows(query.order_by(AdviceSession.starts_at))


# --- the calendar of a day ----------------------------------------------------------------------


class SlotState(StrEnum):
    FREE = "free"
    BOOKED = "booked"
    HELD = "held"  # offered to someone in the queue


@dataclass(frozen=True)
class Slot:
    start: dt.datetime
    end: dt.datetime
    state: SlotState
    session: SessionRow | None = None
    entry_id: int | None = None
    held_for: str = ""  # the name of the person a held time is offered to
    # A booking that lies (partly) outside the hours, e.g. after the hours changed.
    outside_hours: bool = False
    place: str = ""


@dataclass(frozen=True)
class DayPlan:
    day: dt.date
    windows: list[Window]
    slots: list[Slot]

    @property
    def free_count(self) -> int:
        return sum(1 for slot in self.slots if slot.state == SlotState.FREE)


def day_plans(actor: User, adviser_id: int, first: dt.date, last: dt.date) -> list[DayPlan]:
    """Each day's free slots, bookings and held times, for the day and week views."""
    require(actor, Permission.BOOK_ADVICE)
    windows = windows_between(adviser_id, first, last)
    sessions: dict[dt.date, list[SessionRow]] = {}
    for row in sessions_between(actor, first, last, adviser_id=adviser_id):
        sessions.setdefault(row.starts_at.date(), []).append(row)
    held: dict[dt.date, list[AdviceQueueEntry]] = {}
    start, end = _day_bounds(first, last)
    offers = (
        AdviceQueueEntry.select(AdviceQueueEntry, Person)
        .join(Person)
        .where(
            (AdviceQueueEntry.offered_adviser == adviser_id)
            & (AdviceQueueEntry.status == QueueStatus.WAITING.value)
            & (AdviceQueueEntry.offered_start >= start)
            & (AdviceQueueEntry.offered_start < end)
        )
    )
    for entry in offers:
        held.setdefault(entry.offered_start.date(), []).append(entry)
    return [
        _day_plan(day, day_windows, sessions.get(day, []), held.get(day, []))
        for day, day_windows in windows.items()
    ]


def _day_plan(
    day: dt.date, windows: list[Window], sessions: list[SessionRow], held: list[AdviceQueueEntry]
) -> DayPlan:
    taken = [
        Slot(
            row.starts_at,
            row.ends_at,
            SlotState.BOOKED,
            session=row,
            outside_hours=not any(w.contains(row.starts_at, row.ends_at) for w in windows),
            place=row.place,
        )
        for row in sessions
    ]
    taken += [
        Slot(
            entry.offered_start,
            entry.offered_end,
            SlotState.HELD,
            entry_id=entry.id,
            held_for=entry.person.full_name,
        )
        for entry in held
    ]
    free = []
    for window in windows:
        step = dt.timedelta(minutes=window.slot_minutes)
        for start in window.slot_starts():
            if not any(slot.start < start + step and start < slot.end for slot in taken):
                free.append(Slot(start, start + step, SlotState.FREE, place=window.place))
    slots = sorted(taken + free, key=lambda slot: (slot.start, slot.state != SlotState.FREE))
    return DayPlan(day, windows, slots)
