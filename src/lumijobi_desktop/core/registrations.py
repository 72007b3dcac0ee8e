"""Sign-ups, the waiting list and attendance at the door.

Capacity counts people: the adults and children of each party. When an
event is full, further sign-ups queue in the order they came. When places
free up, the first parties in the queue that fit get them, in order, and
the desk is told to call them (`places_to_call`). At the door each person
ticked as present, and each walk-in, also counts as a visit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit, visits
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.events import Event, EventKind, get_event
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.people import (
    Person,
    PersonData,
    find_by_card,
    get_person,
    register_person,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Purpose, Visit

PARTY_MAX = 50
NOTE_MAX = 120


class RegistrationStatus(StrEnum):
    SIGNED_UP = "signed_up"
    WAITING = "waiting"
    CANCELLED = "cancelled"


REGISTRATION_STATUS_NAMES = {
    RegistrationStatus.SIGNED_UP: N_("Signed up"),
    RegistrationStatus.WAITING: N_("Waiting list"),
    RegistrationStatus.CANCELLED: N_("Cancelled"),
}


def status_name(status: str) -> str:
    return _(REGISTRATION_STATUS_NAMES[RegistrationStatus(status)])


class Registration(BaseModel):
    event = pw.ForeignKeyField(Event, backref="registrations", on_delete="CASCADE")
    # Erasing a person keeps the party's numbers, anonymously.
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    adults = pw.IntegerField(default=1)
    children = pw.IntegerField(default=0)
    status = pw.CharField(default=RegistrationStatus.SIGNED_UP.value)
    queued_at = pw.DateTimeField(default=now)  # the waiting list's order
    offered_at = pw.DateTimeField(null=True)  # got a freed place: the desk should call
    called_at = pw.DateTimeField(null=True)
    cancelled_at = pw.DateTimeField(null=True)
    walk_in = pw.BooleanField(default=False)
    attended = pw.BooleanField(default=False)
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    # False when the person had already been checked in at the desk for the same purpose.
    visit_is_own = pw.BooleanField(default=False)
    note = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("event", "status"), False),)

    @property
    def people(self) -> int:
        return self.adults + self.children

    @property
    def active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED.value

    def snapshot(self) -> dict:
        return {
            "event": self.event_id,
            "person": self.person_id,
            "adults": self.adults,
            "children": self.children,
            "status": self.status,
            "walk_in": self.walk_in,
            "attended": self.attended,
        }


# --- counting -----------------------------------------------------------------------------------


def _people_with(event_id: int, status: RegistrationStatus) -> int:
    return (
        Registration.select(
            pw.fn.COALESCE(pw.fn.SUM(Registration.adults + Registration.children), 0)
        )
        .where((Registration.event == event_id) & (Registration.status == status.value))
        .scalar()
    )


def signed_up_people(event_id: int) -> int:
    return _people_with(event_id, RegistrationStatus.SIGNED_UP)


def active_count(event_id: int) -> int:
    """Parties signed up or waiting: the people to tell when the event is cancelled."""
    return (
        Registration.select()
        .where(
            (Registration.event == event_id)
            & (Registration.status != RegistrationStatus.CANCELLED.value)
            & ~Registration.walk_in
        )
        .count()
    )


def _waiting_list(event_id: int) -> list[Registration]:
    return list(
        Registration.select()
        .where(
            (Registration.event == event_id)
            & (Registration.status == RegistrationStatus.WAITING.value)
        )
        .order_by(Registration.queued_at, Registration.id)
    )


# --- checks -------------------------------------------------------------------------------------


def check_party(adults: int, children: int) -> None:
    if adults < 0 or children < 0:
        raise ValidationError(_("The number of people cannot be negative."), field="adults")
    if adults + children < 1:
        raise ValidationError(_("A sign-up is for at least one person."), field="adults")
    if adults > PARTY_MAX or children > PARTY_MAX:
        raise ValidationError(
            _("At most {count} adults and {count} children in one sign-up.").format(
                count=PARTY_MAX
            ),
            field="adults",
        )


def _refuse_cancelled(event: Event) -> None:
    if event.cancelled:
        raise ValidationError(_("This event has been cancelled: nobody can sign up for it."))


def _refuse_twice(event: Event, person_id: int) -> None:
    existing = Registration.get_or_none(
        (Registration.event == event.id)
        & (Registration.person == person_id)
        & (Registration.status != RegistrationStatus.CANCELLED.value)
    )
    if existing is not None:
        message = (
            _("{name} is already on the waiting list.")
            if existing.status == RegistrationStatus.WAITING.value
            else _("{name} is already signed up.")
        )
        raise ValidationError(message.format(name=existing.person.full_name), field="person")


def get_registration(actor: User, registration_id: int) -> Registration:
    require(actor, Permission.VIEW_EVENTS)
    registration = Registration.get_or_none(Registration.id == registration_id)
    if registration is None:
        raise NotFound(_("This sign-up is no longer there."))
    return registration


def _audit_change(actor: User, registration: Registration, before: dict, **extra) -> None:
    audit.record(
        actor,
        Action.UPDATE,
        "registration",
        registration.id,
        before=before,
        after={**registration.snapshot(), **extra},
    )


# --- signing up and cancelling ----------------------------------------------------------------


def _person_id(actor: User, person: int | PersonData) -> int:
    """A visitor's id; quick-add data is registered first, in the caller's transaction,
    so a refused sign-up leaves no half-made visitor behind.
    """
    return register_person(actor, person).id if isinstance(person, PersonData) else person


def sign_up(
    actor: User,
    event_id: int,
    person_id: int | PersonData,
    adults: int = 1,
    children: int = 0,
    note: str = "",
    at: dt.datetime | None = None,
) -> Registration:
    """Sign a person (and their party) up; a full event puts them on the waiting list.

    `person_id` may be a new visitor's data (quick-add at the desk).
    """
    require(actor, Permission.HANDLE_SIGNUPS)
    check_party(adults, children)
    clean_note = clean_line(note, NOTE_MAX, "note")
    moment = at or now()
    with unit_of_work():
        event = get_event(actor, event_id)
        _refuse_cancelled(event)
        if event.ended_by(moment):
            raise ValidationError(
                _("This event is already over. Mark who came at the door view instead.")
            )
        person = get_person(actor, _person_id(actor, person_id))
        _refuse_twice(event, person.id)
        fits = event.capacity is None or (
            signed_up_people(event.id) + adults + children <= event.capacity
            and not _waiting_list(event.id)
        )
        status = RegistrationStatus.SIGNED_UP if fits else RegistrationStatus.WAITING
        registration = Registration.create(
            event=event,
            person=person,
            adults=adults,
            children=children,
            status=status.value,
            queued_at=moment,
            note=clean_note,
            created_at=moment,
            created_by=actor.id,
        )
        audit.record(
            actor, Action.CREATE, "registration", registration.id, after=registration.snapshot()
        )
    return registration


def offer_free_places(event: Event, moment: dt.datetime | None = None) -> list[Registration]:
    """Give freed places to the waiting list in its order; the first party that does not fit
    stops the line, so nobody is passed over. Returns the parties that got a place.
    """
    if event.cancelled:
        return []
    moment = moment or now()
    promoted = []
    free = None if event.capacity is None else event.capacity - signed_up_people(event.id)
    for waiting in _waiting_list(event.id):
        if free is not None and waiting.people > free:
            break
        waiting.status = RegistrationStatus.SIGNED_UP.value
        waiting.offered_at = moment
        waiting.save(only=[Registration.status, Registration.offered_at])
        promoted.append(waiting)
        if free is not None:
            free -= waiting.people
    return promoted


def cancel_registration(actor: User, registration_id: int) -> list[Registration]:
    """Cancel a sign-up (or a place on the waiting list); returns whoever got the place."""
    require(actor, Permission.HANDLE_SIGNUPS)
    with unit_of_work():
        registration = get_registration(actor, registration_id)
        if not registration.active:
            raise ValidationError(_("This sign-up has already been cancelled."))
        if registration.attended:
            raise ValidationError(_("This person has been marked as present. Untick them first."))
        before = registration.snapshot()
        registration.status = RegistrationStatus.CANCELLED.value
        registration.cancelled_at = now()
        registration.save(only=[Registration.status, Registration.cancelled_at])
        promoted = offer_free_places(registration.event)
        _audit_change(actor, registration, before, promoted=[row.id for row in promoted])
    return promoted


def change_party(
    actor: User, registration_id: int, adults: int, children: int
) -> list[Registration]:
    """Change how many come; a bigger party must still fit, a smaller one frees places."""
    require(actor, Permission.HANDLE_SIGNUPS)
    check_party(adults, children)
    with unit_of_work():
        registration = get_registration(actor, registration_id)
        event = registration.event
        if registration.status == RegistrationStatus.SIGNED_UP.value and event.capacity:
            others = signed_up_people(event.id) - registration.people
            if others + adults + children > event.capacity and not registration.walk_in:
                raise ValidationError(
                    _("Only {count} places are left.").format(
                        count=max(0, event.capacity - others)
                    ),
                    field="adults",
                )
        before = registration.snapshot()
        registration.adults, registration.children = adults, children
        registration.save(only=[Registration.adults, Registration.children])
        promoted = offer_free_places(event)
        _audit_change(actor, registration, before)
    return promoted


@dataclass(frozen=True)
class PlaceToCall:
    """A party that got a place from the waiting list: someone must phone them."""

    registration_id: int
    event_id: int
    event_title: str
    starts_at: dt.datetime
    person_name: str
    phone: str
    people: int
    offered_at: dt.datetime


def places_to_call(actor: User, moment: dt.datetime | None = None) -> list[PlaceToCall]:
    require(actor, Permission.VIEW_EVENTS)
    moment = moment or now()
    query = (
        Registration.select(Registration, Event, Person)
        .join(Event)
        .switch(Registration)
        .join(Person, pw.JOIN.LEFT_OUTER)
        .where(
            Registration.offered_at.is_null(False)
            & Registration.called_at.is_null()
            & (Registration.status == RegistrationStatus.SIGNED_UP.value)
            & Event.cancelled_at.is_null()
            & (Event.ends_at > moment)
        )
        .order_by(Event.starts_at, Registration.offered_at)
    )
    return [
        PlaceToCall(
            row.id,
            row.event_id,
            row.event.local_title(),
            row.event.starts_at,
            row.person.full_name if row.person_id else "",
            row.person.phone if row.person_id else "",
            row.people,
            row.offered_at,
        )
        for row in query
    ]


def mark_called(actor: User, registration_id: int) -> None:
    """The desk has phoned the person about their place."""
    require(actor, Permission.HANDLE_SIGNUPS)
    with unit_of_work():
        registration = get_registration(actor, registration_id)
        registration.called_at = now()
        registration.save(only=[Registration.called_at])
        audit.record(
            actor,
            Action.UPDATE,
            "registration",
            registration.id,
            before={"called_at": None},
            after={"called_at": registration.called_at},
        )


# --- at the door --------------------------------------------------------------------------------


def visit_purpose(event: Event) -> Purpose:
    return Purpose.COFFEE if event.kind == EventKind.COFFEE.value else Purpose.EVENT


def _visit_time(event: Event, moment: dt.datetime) -> dt.datetime:
    """Now, when ticking happens on the day; the event's start when a paper is typed in later."""
    return (
        moment
        if event.starts_at.date() <= moment.date() <= event.ends_at.date()
        else (event.starts_at)
    )


def _record_visit(actor: User, registration: Registration, moment: dt.datetime) -> None:
    event = registration.event
    at = _visit_time(event, moment)
    registration.visit, registration.visit_is_own = visits.visit_for(
        actor, registration.person_id, visit_purpose(event), at
    )


def _forget_visit(actor: User, registration: Registration) -> None:
    if registration.visit_id is not None and registration.visit_is_own:
        visits.remove_visit(actor, registration.visit_id)
    registration.visit, registration.visit_is_own = None, False


def set_attended(
    actor: User, registration_id: int, attended: bool, moment: dt.datetime | None = None
) -> Registration:
    """Tick (or untick) a person at the door; ticking records their visit."""
    require(actor, Permission.HANDLE_SIGNUPS)
    require(actor, Permission.CHECK_IN)
    moment = moment or now()
    with unit_of_work():
        registration = get_registration(actor, registration_id)
        if registration.attended == attended:
            return registration
        if attended and not registration.active:
            raise ValidationError(_("This sign-up was cancelled. Add the person as a walk-in."))
        if attended and registration.event.cancelled:
            raise ValidationError(_("This event has been cancelled."))
        before = registration.snapshot()
        if attended:
            _record_visit(actor, registration, moment)
            if registration.status == RegistrationStatus.WAITING.value:
                # Came from the waiting list and was let in at the door.
                registration.status = RegistrationStatus.SIGNED_UP.value
        else:
            _forget_visit(actor, registration)
        registration.attended = attended
        registration.save()
        _audit_change(actor, registration, before)
    return registration


def add_walk_in(
    actor: User,
    event_id: int,
    person_id: int | PersonData | None,
    adults: int = 1,
    children: int = 0,
    moment: dt.datetime | None = None,
) -> Registration:
    """Someone came without signing up (`person_id=None`: not registered, counted anonymously;
    a new visitor's data registers them).

    A person already signed up is ticked instead of being added twice.
    """
    require(actor, Permission.HANDLE_SIGNUPS)
    require(actor, Permission.CHECK_IN)
    check_party(adults, children)
    moment = moment or now()
    with unit_of_work():
        event = get_event(actor, event_id)
        if event.cancelled:
            raise ValidationError(_("This event has been cancelled."))
        if person_id is not None:
            person = get_person(actor, _person_id(actor, person_id))
            existing = Registration.get_or_none(
                (Registration.event == event.id)
                & (Registration.person == person.id)
                & (Registration.status != RegistrationStatus.CANCELLED.value)
            )
            if existing is not None:
                return set_attended(actor, existing.id, True, moment)
            person_id = person.id
        registration = Registration(
            event=event,
            person=person_id,
            adults=adults,
            children=children,
            status=RegistrationStatus.SIGNED_UP.value,
            queued_at=moment,
            walk_in=True,
            attended=True,
            created_at=moment,
            created_by=actor.id,
        )
        _record_visit(actor, registration, moment)
        registration.save()
        audit.record(
            actor, Action.CREATE, "registration", registration.id, after=registration.snapshot()
        )
    return registration


def attend_by_card(
    actor: User, event_id: int, card_text: str, moment: dt.datetime | None = None
) -> Registration:
    """A visitor card scanned at the door: tick the person, or add them as a walk-in."""
    person = find_by_card(actor, card_text)
    if person is None:
        raise NotFound(_("No visitor has this card."))
    return add_walk_in(actor, event_id, person.id, moment=moment)


def remove_walk_in(actor: User, registration_id: int) -> None:
    """Take back a walk-in added by mistake, with its visit."""
    require(actor, Permission.HANDLE_SIGNUPS)
    with unit_of_work():
        registration = get_registration(actor, registration_id)
        if not registration.walk_in:
            raise ValidationError(_("Only walk-ins can be removed; cancel a sign-up instead."))
        before = registration.snapshot()
        _forget_visit(actor, registration)
        registration.delete_instance()
        audit.record(actor, Action.DELETE, "registration", registration_id, before=before)


# --- lists --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationRow:
    registration_id: int
    person_id: int | None
    name: str
    phone: str
    adults: int
    children: int
    status: str
    queue_position: int | None  # 1, 2, … on the waiting list
    walk_in: bool
    attended: bool
    offered: bool  # got the place from the waiting list
    called: bool
    note: str
    queued_at: dt.datetime

    @property
    def people(self) -> int:
        return self.adults + self.children


def registration_rows(
    actor: User, event_id: int, *, with_cancelled: bool = False
) -> list[RegistrationRow]:
    """The event's sign-ups: places first (in sign-up order), then the waiting list in order."""
    require(actor, Permission.VIEW_EVENTS)
    query = (
        Registration.select(Registration, Person)
        .join(Person, pw.JOIN.LEFT_OUTER)
        .where(Registration.event == event_id)
        .order_by(Registration.queued_at, Registration.id)
    )
    if not with_cancelled:
        query = query.where(Registration.status != RegistrationStatus.CANCELLED.value)
    order = {
        RegistrationStatus.SIGNED_UP.value: 0,
        RegistrationStatus.WAITING.value: 1,
        RegistrationStatus.CANCELLED.value: 2,
    }
    rows = sorted(query, key=lambda row: order[row.status])
    position = 0
    result = []
    for row in rows:
        waiting = row.status == RegistrationStatus.WAITING.value
        position += waiting
        result.append(
            RegistrationRow(
                registration_id=row.id,
                person_id=row.person_id,
                name=row.person.full_name if row.person_id else "",
                phone=row.person.phone if row.person_id else "",
                adults=row.adults,
                children=row.children,
                status=row.status,
                queue_position=position if waiting else None,
                walk_in=row.walk_in,
                attended=row.attended,
                offered=row.offered_at is not None,
                called=row.called_at is not None,
                note=row.note,
                queued_at=row.queued_at,
            )
        )
    return result


@dataclass(frozen=True)
class PersonEvent:
    event_id: int
    title: str
    starts_at: dt.datetime
    status: str
    attended: bool


def events_of_person(actor: User, person_id: int) -> list[PersonEvent]:
    """A visitor's sign-ups and attendance, newest first."""
    require(actor, Permission.VIEW_EVENTS)
    query = (
        Registration.select(Registration, Event)
        .join(Event)
        .where(Registration.person == person_id)
        .order_by(Event.starts_at.desc())
    )
    return [
        PersonEvent(
            row.event_id, row.event.local_title(), row.event.starts_at, row.status, row.attended
        )
        for row in query
    ]
