"""Neighbour help (naapuriapu): one-off help asked and offered.

A request says who needs what kind of help, when, where and how urgently.
Volunteers offer kinds of help at times of the week. Helpers are suggested
per request with reasons (`matching.rank_helpers`); staff assign one, and
mark the task done with the hours it took (logged as the volunteer's
hours). Help with children needs a valid criminal record check: assigning
such a task to a volunteer without one is refused until staff confirm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import LumijobiError, NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.matching import HelpNeed, Suggestion, rank_helpers
from lumijobi_desktop.core.people import Person, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line, clean_text
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteer_hours import (
    Activity,
    HoursSource,
    log_automatic,
    minutes_of,
    remove_automatic,
)
from lumijobi_desktop.core.volunteers import (
    Volunteer,
    check_codes,
    check_time_codes,
    codes_of,
    get_volunteer,
    joined,
)

PLACE_MAX, DESCRIPTION_MAX, NOTE_MAX = 100, 500, 120

HELP_KINDS = {
    "ride": N_("A ride"),
    "childcare": N_("Childcare"),
    "yard": N_("Yard work"),
    "snow": N_("Snow work"),
    "shopping": N_("Shopping"),
    "food": N_("Food help"),
    "repair": N_("Small repairs"),
    "letter": N_("Reading or translating a letter"),
}
# The volunteer skill each kind of help asks for.
KIND_SKILLS = {
    "ride": "driving",
    "childcare": "childcare",
    "yard": "garden_snow",
    "snow": "garden_snow",
    "food": "cooking",
    "repair": "handy_work",
    "letter": "translating",
}
WITH_CHILDREN = frozenset({"childcare"})


class Urgency(StrEnum):
    URGENT = "urgent"  # today or tomorrow
    SOON = "soon"  # this week
    ANYTIME = "anytime"


URGENCY_NAMES = {
    Urgency.URGENT: N_("Urgent"),
    Urgency.SOON: N_("This week"),
    Urgency.ANYTIME: N_("When someone can"),
}
URGENCY_ORDER = {Urgency.URGENT.value: 0, Urgency.SOON.value: 1, Urgency.ANYTIME.value: 2}


class HelpStatus(StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    DONE = "done"
    CANCELLED = "cancelled"


HELP_STATUS_NAMES = {
    HelpStatus.OPEN: N_("Open"),
    HelpStatus.ASSIGNED: N_("Helper found"),
    HelpStatus.DONE: N_("Done"),
    HelpStatus.CANCELLED: N_("Cancelled"),
}


class CheckMissing(LumijobiError):
    """The task involves children and the volunteer has no valid check: ask staff to confirm."""


class HelpRequest(BaseModel):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    kind = pw.CharField()
    needed_on = pw.DateField(null=True)
    times = pw.CharField(default="")
    place = pw.CharField(default="")
    village = pw.CharField(default="")
    urgency = pw.CharField(default=Urgency.SOON.value)
    description = pw.TextField(default="")
    # The requester agreed that the helper gets their name, address and phone on a task card.
    share_consent = pw.BooleanField(default=False)
    status = pw.CharField(default=HelpStatus.OPEN.value, index=True)
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    assigned_at = pw.DateTimeField(null=True)
    check_override = pw.BooleanField(default=False)  # assigned although the check was missing
    done_on = pw.DateField(null=True)
    minutes = pw.IntegerField(null=True)
    cancel_note = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    @property
    def involves_children(self) -> bool:
        return self.kind in WITH_CHILDREN

    def need(self) -> HelpNeed:
        return HelpNeed(
            kind=self.kind,
            village=self.village,
            times=frozenset(codes_of(self.times)),
            skill=KIND_SKILLS.get(self.kind, ""),
            involves_children=self.involves_children,
        )

    def snapshot(self) -> dict:
        return {
            "person": self.person_id,
            "kind": self.kind,
            "needed_on": self.needed_on,
            "urgency": self.urgency,
            "share_consent": self.share_consent,
            "status": self.status,
            "volunteer": self.volunteer_id,
            "done_on": self.done_on,
            "minutes": self.minutes,
        }


class HelpOffer(BaseModel):
    volunteer = pw.ForeignKeyField(Volunteer, on_delete="CASCADE", backref="+", index=True)
    kinds = pw.CharField()
    times = pw.CharField(default="")
    note = pw.CharField(default="")
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=now)


@dataclass
class HelpRequestData:
    kind: str = ""
    needed_on: dt.date | None = None
    times: list[str] = field(default_factory=list)
    place: str = ""
    village: str = ""
    urgency: str = Urgency.SOON.value
    description: str = ""
    share_consent: bool = False

    def cleaned(self) -> HelpRequestData:
        if self.kind not in HELP_KINDS:
            raise ValidationError(_("Choose what kind of help is needed."), field="kind")
        if self.urgency not in set(Urgency):
            raise ValidationError(_("Choose how urgent it is."), field="urgency")
        return HelpRequestData(
            kind=self.kind,
            needed_on=self.needed_on,
            times=check_time_codes(self.times, "times"),
            place=clean_line(self.place, PLACE_MAX, "place"),
            village=clean_line(self.village, 60, "village"),
            urgency=self.urgency,
            description=clean_text(self.description, DESCRIPTION_MAX, "description"),
            share_consent=self.share_consent,
        )


def get_help_request(actor: User, request_id: int) -> HelpRequest:
    require(actor, Permission.VIEW_VOLUNTEERS)
    request = HelpRequest.get_or_none(HelpRequest.id == request_id)
    if request is None:
        raise NotFound(_("This request for help no longer exists."))
    return request


def save_help_request(
    actor: User, request_id: int | None, person_id: int, data: HelpRequestData
) -> HelpRequest:
    require(actor, Permission.TAKE_HELP_REQUESTS)
    clean = data.cleaned()
    with unit_of_work():
        person = get_person(actor, person_id)
        if request_id is None:
            request = HelpRequest(person=person.id, created_by=actor.id)
            before = None
        else:
            request = get_help_request(actor, request_id)
            if request.status in (HelpStatus.DONE.value, HelpStatus.CANCELLED.value):
                raise ValidationError(_("This request is already closed."))
            before = request.snapshot()
        for name in (
            "kind",
            "needed_on",
            "place",
            "village",
            "urgency",
            "description",
            "share_consent",
        ):
            setattr(request, name, getattr(clean, name))
        request.times = joined(clean.times)
        request.village = clean.village or person.home_village
        request.save()
        if before is None:
            audit.record(actor, Action.CREATE, "help_request", request.id, after=request.snapshot())
        else:
            changed_before, changed_after = audit.changed_fields(before, request.snapshot())
            audit.record(
                actor,
                Action.UPDATE,
                "help_request",
                request.id,
                before=changed_before,
                after=changed_after,
            )
    return request


def save_offer(
    actor: User,
    offer_id: int | None,
    volunteer_id: int,
    kinds: list[str],
    times: list[str],
    note: str = "",
    active: bool = True,
) -> HelpOffer:
    """What kinds of help a volunteer offers, and when."""
    require(actor, Permission.TAKE_HELP_REQUESTS)
    if not kinds:
        raise ValidationError(_("Choose at least one kind of help."), field="kinds")
    kinds = check_codes(kinds, HELP_KINDS, "kinds")
    times = check_time_codes(times, "times")
    cleaned = clean_line(note, NOTE_MAX, "note")
    with unit_of_work():
        volunteer = get_volunteer(actor, volunteer_id)
        if offer_id is None:
            offer = HelpOffer(volunteer=volunteer.id)
        else:
            offer = HelpOffer.get_or_none(HelpOffer.id == offer_id)
            if offer is None:
                raise NotFound(_("This offer of help no longer exists."))
        offer.kinds, offer.times, offer.note, offer.active = (
            joined(kinds),
            joined(times),
            cleaned,
            active,
        )
        offer.save()
        audit.record(
            actor,
            Action.CREATE if offer_id is None else Action.UPDATE,
            "help_offer",
            offer.id,
            after={"volunteer": volunteer.id, "kinds": offer.kinds, "active": active},
        )
    return offer


@dataclass(frozen=True)
class OfferRow:
    id: int
    volunteer_id: int
    volunteer_name: str
    phone: str
    kinds: list[str]
    times: list[str]
    note: str
    active: bool


def offer_rows(actor: User, *, active_only: bool = False) -> list[OfferRow]:
    """The offers of help, by the volunteer's name."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    query = HelpOffer.select(HelpOffer, Volunteer, Person).join(Volunteer).join(Person)
    if active_only:
        query = query.where(HelpOffer.active)
    return [
        OfferRow(
            id=offer.id,
            volunteer_id=offer.volunteer_id,
            volunteer_name=offer.volunteer.person.full_name,
            phone=offer.volunteer.person.phone,
            kinds=codes_of(offer.kinds),
            times=codes_of(offer.times),
            note=offer.note,
            active=offer.active,
        )
        for offer in query.order_by(Person.last_name, Person.first_name, HelpOffer.id)
    ]


def open_task_counts() -> dict[int, int]:
    """Volunteer → tasks assigned to them and not yet done."""
    return dict(
        HelpRequest.select(HelpRequest.volunteer, pw.fn.COUNT(HelpRequest.id))
        .where(HelpRequest.status == HelpStatus.ASSIGNED.value)
        .group_by(HelpRequest.volunteer)
        .tuples()
    )


def suggest_helpers(actor: User, request_id: int, limit: int = 10) -> list[Suggestion]:
    from lumijobi_desktop.core.friend_service import candidates

    require(actor, Permission.VIEW_VOLUNTEERS)
    request = get_help_request(actor, request_id)
    own = Volunteer.get_or_none(Volunteer.person == request.person_id)
    pool = (c for c in candidates() if own is None or c.volunteer_id != own.id)
    return rank_helpers(request.need(), pool, limit)


def assign_helper(
    actor: User,
    request_id: int,
    volunteer_id: int,
    *,
    confirm_missing_check: bool = False,
    today: dt.date | None = None,
) -> HelpRequest:
    """Give the task to a volunteer. Help with children needs a valid check, or a confirmation."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    today = today or now().date()
    with unit_of_work():
        request = get_help_request(actor, request_id)
        volunteer = get_volunteer(actor, volunteer_id)
        if request.status not in (HelpStatus.OPEN.value, HelpStatus.ASSIGNED.value):
            raise ValidationError(_("This request is already closed."))
        if volunteer.person_id == request.person_id:
            raise ValidationError(
                _("The person asking cannot help themselves. Choose another volunteer."),
                field="volunteer",
            )
        missing = request.involves_children and not volunteer.check_valid_on(today)
        if missing and not confirm_missing_check:
            raise CheckMissing(
                _(
                    "This task involves children and the volunteer has shown no valid criminal "
                    "record extract. Ask for one first, or confirm that you still assign the task."
                )
            )
        before = request.snapshot()
        request.status = HelpStatus.ASSIGNED.value
        request.volunteer = volunteer.id
        request.assigned_at = now()
        request.check_override = missing
        request.save()
        audit.record(
            actor,
            Action.UPDATE,
            "help_request",
            request.id,
            before=before,
            after=request.snapshot() | {"check_missing": missing},
        )
    return request


def mark_done(
    actor: User,
    request_id: int,
    day: dt.date | None,
    hours: float | None,
    today: dt.date | None = None,
) -> HelpRequest:
    """The helper did it: the task is done and their hours are logged."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    today = today or now().date()
    minutes = minutes_of(hours)
    with unit_of_work():
        request = get_help_request(actor, request_id)
        if request.status != HelpStatus.ASSIGNED.value or request.volunteer_id is None:
            raise ValidationError(_("Assign a helper first."))
        if day is None or day > today or day < request.created_at.date():
            raise ValidationError(
                _("Give the day it was done: after the request and not in the future."),
                field="day",
            )
        before = request.snapshot()
        request.status, request.done_on, request.minutes = HelpStatus.DONE.value, day, minutes
        request.save()
        log_automatic(
            actor,
            request.volunteer_id,
            day,
            minutes,
            Activity.NEIGHBOUR,
            HoursSource.HELP_TASK,
            request.id,
        )
        audit.record(
            actor,
            Action.UPDATE,
            "help_request",
            request.id,
            before=before,
            after=request.snapshot(),
        )
    return request


def cancel_request(actor: User, request_id: int, note: str = "") -> HelpRequest:
    require(actor, Permission.TAKE_HELP_REQUESTS)
    cleaned = clean_line(note, NOTE_MAX, "note")
    with unit_of_work():
        request = get_help_request(actor, request_id)
        if request.status == HelpStatus.CANCELLED.value:
            raise ValidationError(_("This request is already closed."))
        before = request.snapshot()
        if request.status == HelpStatus.DONE.value:
            remove_automatic(actor, HoursSource.HELP_TASK, request.id)
        request.status, request.cancel_note = HelpStatus.CANCELLED.value, cleaned
        request.save()
        audit.record(
            actor,
            Action.UPDATE,
            "help_request",
            request.id,
            before=before,
            after=request.snapshot(),
        )
    return request


@dataclass(frozen=True)
class HelpRow:
    id: int
    person_id: int
    person_name: str
    phone: str
    kind: str
    needed_on: dt.date | None
    place: str
    village: str
    urgency: str
    description: str
    status: str
    volunteer_id: int | None
    volunteer_name: str
    share_consent: bool
    created_at: dt.datetime
    check_override: bool


def help_rows(actor: User, *, statuses: tuple[str, ...] | None = None) -> list[HelpRow]:
    """Requests by urgency and date: the open-requests board when `statuses` are open ones."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    helper = Person.alias()
    query = (
        HelpRequest.select(HelpRequest, Person, Volunteer, helper)
        .join(Person)
        .switch(HelpRequest)
        .join(Volunteer, pw.JOIN.LEFT_OUTER)
        .join(helper, pw.JOIN.LEFT_OUTER, on=(Volunteer.person == helper.id), attr="helper")
    )
    if statuses:
        query = query.where(HelpRequest.status.in_(statuses))
    rows = []
    for request in query:
        volunteer = request.volunteer if request.volunteer_id else None
        helper_person = getattr(volunteer, "helper", None) if volunteer else None
        rows.append(
            HelpRow(
                id=request.id,
                person_id=request.person_id,
                person_name=request.person.full_name,
                phone=request.person.phone,
                kind=request.kind,
                needed_on=request.needed_on,
                place=request.place,
                village=request.village,
                urgency=request.urgency,
                description=request.description,
                status=request.status,
                volunteer_id=request.volunteer_id,
                volunteer_name=helper_person.full_name if helper_person else "",
                share_consent=request.share_consent,
                created_at=request.created_at,
                check_override=request.check_override,
            )
        )
    far = dt.date.max
    return sorted(
        rows,
        key=lambda row: (URGENCY_ORDER[row.urgency], row.needed_on or far, row.created_at),
    )


def open_board(actor: User) -> list[HelpRow]:
    """Open requests and those with a helper who has not done it yet: most urgent first."""
    return help_rows(actor, statuses=(HelpStatus.OPEN.value, HelpStatus.ASSIGNED.value))


def task_card(actor: User, request_id: int) -> HelpRow:
    """What the helper's card shows; only with the requester's consent to share it."""
    require(actor, Permission.PRINT_PAPERS)
    request = get_help_request(actor, request_id)
    if not request.share_consent:
        raise ValidationError(
            _("The person asking has not agreed that their details are given on a card."),
            field="share_consent",
        )
    if request.volunteer_id is None:
        raise ValidationError(_("Assign a helper first."))
    return next(row for row in help_rows(actor) if row.id == request.id)
