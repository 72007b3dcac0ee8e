"""Check-ins at the desk: who came (or an anonymous visitor), when, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.people import Person, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User


class Purpose(StrEnum):
    GOODS = "goods"
    COFFEE = "coffee"
    ADVICE = "advice"
    EVENT = "event"
    OTHER = "other"


PURPOSE_NAMES = {
    Purpose.GOODS: N_("Goods"),
    Purpose.COFFEE: N_("Coffee meeting"),
    Purpose.ADVICE: N_("Advice"),
    Purpose.EVENT: N_("Event"),
    Purpose.OTHER: N_("Other"),
}

# The Tuesday coffee meeting runs 10-12; people arrive a little early or late.
COFFEE_DAY = 1
COFFEE_HOURS = range(9, 13)


def purpose_name(purpose: str) -> str:
    return _(PURPOSE_NAMES[Purpose(purpose)])


class Visit(BaseModel):
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="visits")
    visited_at = pw.DateTimeField(default=now, index=True)
    purpose = pw.CharField()
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("person", "visited_at"), False),)

    def snapshot(self) -> dict:
        return {
            "person": self.person_id,
            "visited_at": self.visited_at,
            "purpose": self.purpose,
        }


def _check_purpose(purpose: str) -> Purpose:
    try:
        return Purpose(purpose)
    except ValueError:
        raise ValidationError(_("Choose why the visitor came."), field="purpose") from None


def default_purpose(actor: User, person_id: int | None, at: dt.datetime | None = None) -> Purpose:
    """What Enter confirms: the coffee meeting on Tuesday mornings, else the person's usual."""
    require(actor, Permission.CHECK_IN)
    at = at or now()
    if at.weekday() == COFFEE_DAY and at.hour in COFFEE_HOURS:
        return Purpose.COFFEE
    if person_id is not None:
        last = (
            Visit.select(Visit.purpose)
            .where(Visit.person == person_id)
            .order_by(Visit.visited_at.desc())
            .first()
        )
        if last is not None:
            return Purpose(last.purpose)
    return Purpose.GOODS


def check_in(
    actor: User, person_id: int | None, purpose: str, at: dt.datetime | None = None
) -> Visit:
    """Record a visit; `person_id=None` is an anonymous visitor."""
    require(actor, Permission.CHECK_IN)
    checked = _check_purpose(purpose)
    at = at or now()
    with unit_of_work():
        person = get_person(actor, person_id) if person_id is not None else None
        visit = Visit.create(
            person=person, visited_at=at, purpose=checked.value, recorded_by=actor.id
        )
        if person is not None and at > person.last_seen_at:
            Person.update(last_seen_at=at).where(Person.id == person.id).execute()
        audit.record(actor, Action.CREATE, "visit", visit.id, after=visit.snapshot())
    return visit


def undo_check_in(actor: User, visit_id: int, today: dt.date | None = None) -> None:
    """Take back a check-in made by mistake; only today's visits can be undone."""
    require(actor, Permission.CHECK_IN)
    today = today or dt.date.today()
    with unit_of_work():
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound(_("This check-in has already been removed."))
        if visit.visited_at.date() != today:
            raise ValidationError(_("Only today's check-ins can be undone."))
        before = visit.snapshot()
        person_id = visit.person_id
        visit.delete_instance()
        if person_id is not None:
            recompute_last_seen(person_id)
        audit.record(actor, Action.DELETE, "visit", visit_id, before=before)


def same_day_visit(person_id: int, purpose: Purpose, at: dt.datetime) -> Visit | None:
    """The person's visit for `purpose` on the day of `at`, if the desk already recorded one."""
    day = dt.datetime.combine(at.date(), dt.time())
    return (
        Visit.select()
        .where(
            (Visit.person == person_id)
            & (Visit.purpose == purpose.value)
            & (Visit.visited_at >= day)
            & (Visit.visited_at < day + dt.timedelta(days=1))
        )
        .first()
    )


def visit_for(
    actor: User, person_id: int | None, purpose: Purpose, at: dt.datetime
) -> tuple[Visit, bool]:
    """The visit that counts a person's attendance: that day's check-in for the purpose if
    there is one, else a new visit; True when the visit is new (and so undone with it)."""
    if person_id is not None:
        existing = same_day_visit(person_id, purpose, at)
        if existing is not None:
            return existing, False
    return check_in(actor, person_id, purpose.value, at=at), True


def remove_visit(actor: User, visit_id: int) -> None:
    """Remove a visit recorded with an attendance that was taken back (any day)."""
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        return
    before = visit.snapshot()
    person_id = visit.person_id
    visit.delete_instance()
    if person_id is not None:
        recompute_last_seen(person_id)
    audit.record(actor, Action.DELETE, "visit", visit_id, before=before)


def recompute_last_seen(person_id: int) -> None:
    person = Person.get_by_id(person_id)
    latest = Visit.select(pw.fn.MAX(Visit.visited_at)).where(Visit.person == person_id).scalar()
    # peewee returns the aggregate as text on SQLite; the field converts it back.
    latest = Visit.visited_at.python_value(latest) if latest else None
    person.last_seen_at = max(filter(None, [latest, person.created_at]))
    person.save(only=[Person.last_seen_at])


@dataclass(frozen=True)
class VisitRow:
    visit_id: int
    visited_at: dt.datetime
    purpose: str
    person_id: int | None
    person_name: str


def visits_on(actor: User, day: dt.date) -> list[VisitRow]:
    """The day's check-ins, newest first."""
    require(actor, Permission.VIEW_VISITS)
    start = dt.datetime.combine(day, dt.time())
    query = (
        Visit.select(Visit, Person)
        .join(Person, pw.JOIN.LEFT_OUTER)
        .where((Visit.visited_at >= start) & (Visit.visited_at < start + dt.timedelta(days=1)))
        .order_by(Visit.visited_at.desc(), Visit.id.desc())
    )
    return [
        VisitRow(
            visit.id,
            visit.visited_at,
            visit.purpose,
            visit.person_id,
            visit.person.full_name if visit.person_id else "",
        )
        for visit in query
    ]


def visit_count_of(actor: User, person_id: int) -> int:
    require(actor, Permission.VIEW_VISITS)
    return Visit.select().where(Visit.person == person_id).count()
