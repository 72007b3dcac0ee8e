"""Events: the Tuesday coffee meeting, community events with partners, trainings, trips.

An event is one occasion with a start and an end. A weekly series (see
`event_series`) makes its occasions once; each occasion is then an event of
its own that can be moved or cancelled without touching the rest.
Sign-ups, the waiting list and attendance live in `registrations`; headcounts
of drop-in meetings in `tallies`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.codes import CodeKind, make_code, parse_code
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _, current_language
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line, clean_text
from lumijobi_desktop.core.users import User

TITLE_MAX, PLACE_MAX, AGE_GROUP_MAX, DESCRIPTION_MAX = 100, 80, 40, 2000
CANCEL_REASON_MAX = 200
CAPACITY_MAX = 10_000
LONGEST_EVENT = dt.timedelta(days=14)


class EventKind(StrEnum):
    COFFEE = "coffee"
    COMMUNITY = "community"
    TRAINING = "training"
    TRIP = "trip"
    OTHER = "other"


EVENT_KIND_NAMES = {
    EventKind.COFFEE: N_("Coffee meeting"),
    EventKind.COMMUNITY: N_("Community event"),
    EventKind.TRAINING: N_("Training"),
    EventKind.TRIP: N_("Trip"),
    EventKind.OTHER: N_("Other"),
}


def event_kind_name(kind: str) -> str:
    return _(EVENT_KIND_NAMES[EventKind(kind)])


class EventSeries(BaseModel):
    """A weekly rule: which weekday and hours, from which date until which."""

    weekday = pw.IntegerField()  # Monday 0 … Sunday 6
    starts = pw.TimeField()
    ends = pw.TimeField()
    first_date = pw.DateField()
    until_date = pw.DateField()
    skip_holidays = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=now)


class Event(BaseModel):
    series = pw.ForeignKeyField(EventSeries, null=True, on_delete="SET NULL", backref="events")
    # The date the series rule gave this occasion; it stays when the occasion is moved.
    series_date = pw.DateField(null=True)
    title = pw.CharField()
    title_uk = pw.CharField(default="")
    title_en = pw.CharField(default="")
    kind = pw.CharField(default=EventKind.COMMUNITY.value)
    starts_at = pw.DateTimeField(index=True)
    ends_at = pw.DateTimeField()
    place = pw.CharField(default="")
    capacity = pw.IntegerField(null=True)  # people: adults and children together
    languages = pw.CharField(default="")  # spoken language codes, comma-separated
    description = pw.TextField(default="")
    signup_required = pw.BooleanField(default=False)
    age_group = pw.CharField(default="")
    cancelled_at = pw.DateTimeField(null=True)
    cancel_reason = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)

    @property
    def code(self) -> str:
        return make_code(CodeKind.EVENT, self.id)

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_moved(self) -> bool:
        return self.series_date is not None and self.starts_at.date() != self.series_date

    @property
    def partner_ids(self) -> list[int]:
        return [row.partner_id for row in self.partner_rows.order_by(EventPartner.id)]

    def title_in(self, lang: str) -> str:
        """The title in that language when one was given, else the Finnish one."""
        return {"uk": self.title_uk, "en": self.title_en}.get(lang, "") or self.title

    def local_title(self) -> str:
        return self.title_in(current_language().code)

    def ended_by(self, moment: dt.datetime) -> bool:
        return self.ends_at <= moment


class EventPartner(BaseModel):
    event = pw.ForeignKeyField(Event, backref="partner_rows", on_delete="CASCADE")
    partner = pw.ForeignKeyField(Partner, backref="event_rows", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("event", "partner"), True),)


@dataclass
class EventData:
    """What the event form sends in; `cleaned()` validates it."""

    title: str = ""
    title_uk: str = ""
    title_en: str = ""
    kind: str = EventKind.COMMUNITY.value
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    place: str = ""
    capacity: int | None = None
    languages: list[str] = field(default_factory=list)
    partner_ids: list[int] = field(default_factory=list)
    description: str = ""
    signup_required: bool = False
    age_group: str = ""

    def cleaned(self, *, times_needed: bool = True) -> EventData:
        title = clean_line(self.title, TITLE_MAX, "title", required=_("Type the event's title."))
        if self.kind not in set(EventKind):
            raise ValidationError(_("Choose the kind of event."), field="kind")
        if times_needed:
            check_times(self.starts_at, self.ends_at)
        if self.capacity is not None and not 1 <= self.capacity <= CAPACITY_MAX:
            raise ValidationError(
                _("The capacity must be between 1 and {count}, or left empty.").format(
                    count=CAPACITY_MAX
                ),
                field="capacity",
            )
        if any(code not in SPOKEN_LANGUAGES for code in self.languages):
            raise ValidationError(_("Choose languages from the list."), field="languages")
        partner_ids = list(dict.fromkeys(self.partner_ids))
        if Partner.select().where(Partner.id.in_(partner_ids)).count() != len(partner_ids):
            raise ValidationError(_("Choose partners from the list."), field="partners")
        return EventData(
            title=title,
            title_uk=clean_line(self.title_uk, TITLE_MAX, "title_uk"),
            title_en=clean_line(self.title_en, TITLE_MAX, "title_en"),
            kind=self.kind,
            starts_at=self.starts_at.replace(second=0, microsecond=0) if self.starts_at else None,
            ends_at=self.ends_at.replace(second=0, microsecond=0) if self.ends_at else None,
            place=clean_line(self.place, PLACE_MAX, "place"),
            capacity=self.capacity,
            languages=list(dict.fromkeys(self.languages)),
            partner_ids=partner_ids,
            description=clean_text(self.description, DESCRIPTION_MAX, "description"),
            signup_required=bool(self.signup_required),
            age_group=clean_line(self.age_group, AGE_GROUP_MAX, "age_group"),
        )


def check_times(starts_at: dt.datetime | None, ends_at: dt.datetime | None) -> None:
    if starts_at is None or ends_at is None:
        raise ValidationError(_("Give the start and the end."), field="starts_at")
    if ends_at <= starts_at:
        raise ValidationError(_("The event must end after it starts."), field="ends_at")
    if ends_at - starts_at > LONGEST_EVENT:
        raise ValidationError(
            _("An event can last at most {count} days.").format(count=LONGEST_EVENT.days),
            field="ends_at",
        )


COLUMN_FIELDS = [f.name for f in fields(EventData) if f.name not in ("languages", "partner_ids")]


def snapshot(event: Event) -> dict:
    data = {name: getattr(event, name) for name in COLUMN_FIELDS}
    data["languages"] = event.language_codes
    data["partner_ids"] = event.partner_ids
    data["cancelled_at"] = event.cancelled_at
    return data


def data_of(event: Event) -> EventData:
    values = {name: getattr(event, name) for name in COLUMN_FIELDS}
    return EventData(**values, languages=event.language_codes, partner_ids=event.partner_ids)


def _column_values(clean: EventData) -> dict:
    values = {name: getattr(clean, name) for name in COLUMN_FIELDS}
    values["languages"] = ",".join(clean.languages)
    return values


def set_partners(event: Event, partner_ids: list[int]) -> None:
    EventPartner.delete().where(EventPartner.event == event.id).execute()
    if partner_ids:
        EventPartner.insert_many(
            [{"event": event.id, "partner": partner_id} for partner_id in partner_ids]
        ).execute()


def create_event(actor: User, data: EventData) -> Event:
    require(actor, Permission.MANAGE_EVENTS)
    clean = data.cleaned()
    with unit_of_work():
        event = insert_event(clean)
        audit.record(actor, Action.CREATE, "event", event.id, after=snapshot(event))
    return event


def insert_event(clean: EventData, **extra) -> Event:
    """Write an already cleaned event (a single one or a series occasion)."""
    moment = now()
    event = Event.create(**_column_values(clean), created_at=moment, updated_at=moment, **extra)
    set_partners(event, clean.partner_ids)
    return event


def get_event(actor: User, event_id: int) -> Event:
    require(actor, Permission.VIEW_EVENTS)
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFound(_("This event is no longer in the calendar."))
    return event


def find_by_code(actor: User, text: str) -> Event | None:
    """The event of a scanned or typed `E…` code, or None."""
    require(actor, Permission.VIEW_EVENTS)
    code = parse_code(text)
    if code is None or code.kind is not CodeKind.EVENT:
        return None
    return Event.get_or_none(Event.id == code.number)


def update_event(actor: User, event_id: int, data: EventData) -> Event:
    """Change one event (or one occasion of a series: moving it leaves the rest alone)."""
    from lumijobi_desktop.core import registrations

    require(actor, Permission.MANAGE_EVENTS)
    clean = data.cleaned()
    with unit_of_work():
        event = get_event(actor, event_id)
        signed_up = registrations.signed_up_people(event.id)
        if clean.capacity is not None and clean.capacity < signed_up:
            raise ValidationError(
                _(
                    "{count} people are already signed up: the capacity cannot be smaller. "
                    "Cancel sign-ups first."
                ).format(count=signed_up),
                field="capacity",
            )
        before = snapshot(event)
        for name, value in _column_values(clean).items():
            setattr(event, name, value)
        event.updated_at = now()
        event.save()
        set_partners(event, clean.partner_ids)
        old, new = audit.changed_fields(before, snapshot(event))
        if new:
            audit.record(actor, Action.UPDATE, "event", event.id, before=old, after=new)
        registrations.offer_free_places(event)
    return event


def cancel_event(actor: User, event_id: int, reason: str = "") -> int:
    """Cancel an event; returns how many signed-up people should be told."""
    from lumijobi_desktop.core import registrations

    require(actor, Permission.MANAGE_EVENTS)
    clean_reason = clean_line(reason, CANCEL_REASON_MAX, "reason")
    with unit_of_work():
        event = get_event(actor, event_id)
        if event.cancelled:
            raise ValidationError(_("This event has already been cancelled."))
        event.cancelled_at = now()
        event.cancel_reason = clean_reason
        event.save(only=[Event.cancelled_at, Event.cancel_reason])
        audit.record(
            actor,
            Action.UPDATE,
            "event",
            event.id,
            before={"cancelled_at": None},
            after={"cancelled_at": event.cancelled_at, "cancel_reason": clean_reason},
        )
        return registrations.active_count(event.id)


def restore_event(actor: User, event_id: int) -> Event:
    """Take back a cancellation made by mistake."""
    require(actor, Permission.MANAGE_EVENTS)
    with unit_of_work():
        event = get_event(actor, event_id)
        if not event.cancelled:
            raise ValidationError(_("This event is not cancelled."))
        before = {"cancelled_at": event.cancelled_at, "cancel_reason": event.cancel_reason}
        event.cancelled_at = None
        event.cancel_reason = ""
        event.save(only=[Event.cancelled_at, Event.cancel_reason])
        audit.record(actor, Action.UPDATE, "event", event.id, before=before, after={})
    return event


def delete_event(actor: User, event_id: int) -> None:
    """Remove an event entered by mistake; one that has sign-ups or a tally is cancelled instead."""
    from lumijobi_desktop.core.registrations import Registration
    from lumijobi_desktop.core.tallies import EventTally

    require(actor, Permission.MANAGE_EVENTS)
    with unit_of_work():
        event = get_event(actor, event_id)
        used = (
            Registration.select().where(Registration.event == event.id).exists()
            or EventTally.select().where(EventTally.event == event.id).exists()
        )
        if used:
            raise ValidationError(
                _("This event has sign-ups or a headcount. Cancel it instead of deleting it.")
            )
        before = snapshot(event)
        event.delete_instance()
        audit.record(actor, Action.DELETE, "event", event_id, before=before)


@dataclass(frozen=True)
class EventRow:
    """An event as the calendar and the lists show it, with its head counts."""

    event_id: int
    code: str
    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    capacity: int | None
    signup_required: bool
    cancelled: bool
    moved: bool
    series_id: int | None
    signed_up: int  # people (adults and children) with a place
    waiting: int  # people on the waiting list
    attended: int  # people ticked as present, walk-ins included
    tallied: int  # the headcount of a drop-in meeting

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.signed_up)

    @property
    def participants(self) -> int:
        """Who came: the headcount when one was kept, else the ticked names."""
        return max(self.tallied, self.attended)


def event_rows(actor: User, query_filter: pw.Expression, *, descending: bool = False) -> list:
    from lumijobi_desktop.core.registrations import Registration, RegistrationStatus
    from lumijobi_desktop.core.tallies import EventTally

    require(actor, Permission.VIEW_EVENTS)
    people = Registration.adults + Registration.children

    def total(condition: pw.Expression) -> pw.Node:
        return Registration.select(pw.fn.COALESCE(pw.fn.SUM(people), 0)).where(
            (Registration.event == Event.id) & condition
        )

    tallied = EventTally.select(EventTally.adults + EventTally.children).where(
        EventTally.event == Event.id
    )
    query = (
        Event.select(
            Event,
            total(Registration.status == RegistrationStatus.SIGNED_UP.value).alias("n_signed"),
            total(Registration.status == RegistrationStatus.WAITING.value).alias("n_waiting"),
            total(Registration.attended).alias("n_attended"),
            pw.fn.COALESCE(tallied, 0).alias("n_tallied"),
        )
        .where(query_filter)
        .order_by(Event.starts_at.desc() if descending else Event.starts_at, Event.id)
    )
    language = current_language().code
    return [
        EventRow(
            event_id=row.id,
            code=row.code,
            title=row.title_in(language),
            kind=row.kind,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            place=row.place,
            capacity=row.capacity,
            signup_required=row.signup_required,
            cancelled=row.cancelled,
            moved=row.is_moved,
            series_id=row.series_id,
            signed_up=row.n_signed,
            waiting=row.n_waiting,
            attended=row.n_attended,
            tallied=row.n_tallied,
        )
        for row in query
    ]


def events_between(actor: User, first: dt.date, last: dt.date) -> list[EventRow]:
    """Events that start on the days `first`…`last`, in time order (month and week views)."""
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    return event_rows(actor, (Event.starts_at >= start) & (Event.starts_at < end))


def upcoming_events(
    actor: User, moment: dt.datetime | None = None, days: int = 7, limit: int = 8
) -> list[EventRow]:
    """What the desk should know is coming: events not yet over, soonest first."""
    moment = moment or now()
    horizon = dt.datetime.combine(moment.date() + dt.timedelta(days=days), dt.time())
    rows = event_rows(
        actor,
        (Event.ends_at > moment) & (Event.starts_at < horizon) & Event.cancelled_at.is_null(),
    )
    return rows[:limit]


def search_events(actor: User, text: str = "", limit: int = 500) -> list[EventRow]:
    """The list view: newest first, optionally only those whose title or place holds `text`.

    Matched in Python: SQLite's lower() folds only ASCII, and Ukrainian titles need more.
    """
    wanted = " ".join(text.split()).casefold()
    rows = event_rows(actor, pw.SQL("1 = 1"), descending=True)
    if wanted:
        titles = {
            event.id: " ".join([event.title, event.title_uk, event.title_en]).casefold()
            for event in Event.select(Event.id, Event.title, Event.title_uk, Event.title_en)
        }
        rows = [
            row
            for row in rows
            if wanted in titles.get(row.event_id, "") or wanted in row.place.casefold()
        ]
    return rows[:limit]


def partner_events(actor: User, partner_id: int) -> list[EventRow]:
    """A partner's events, newest first (shown in the partner register)."""
    partnered = EventPartner.select(EventPartner.event).where(EventPartner.partner == partner_id)
    return event_rows(actor, Event.id.in_(partnered), descending=True)
