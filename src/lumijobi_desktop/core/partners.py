"""Partner organisations: associations, the school, businesses, the parish, municipal units.

The register keeps whom to call (contact person, phone, email) and notes;
a partner's events and donations are listed with it. Partners are never
deleted while they have history: they are made inactive instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line, clean_text
from lumijobi_desktop.core.users import User

NAME_MAX = 80
CONTACT_MAX, PHONE_MAX, EMAIL_MAX, NOTES_MAX = 80, 30, 120, 2000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = set("0123456789+-() ")


class PartnerKind(StrEnum):
    ASSOCIATION = "association"
    SCHOOL = "school"
    MUNICIPAL = "municipal"
    BUSINESS = "business"
    PARISH = "parish"
    OTHER = "other"


PARTNER_KIND_NAMES = {
    PartnerKind.ASSOCIATION: N_("Association"),
    PartnerKind.SCHOOL: N_("School"),
    PartnerKind.MUNICIPAL: N_("Municipal unit"),
    PartnerKind.BUSINESS: N_("Business"),
    PartnerKind.PARISH: N_("Parish"),
    PartnerKind.OTHER: N_("Other"),
}


def partner_kind_name(kind: str) -> str:
    return _(PARTNER_KIND_NAMES[PartnerKind(kind)])


class Partner(BaseModel):
    name = pw.CharField(unique=True)
    kind = pw.CharField(default=PartnerKind.OTHER.value)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=now)
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    email = pw.CharField(default="")
    notes = pw.TextField(default="")

    @property
    def kind_name(self) -> str:
        return partner_kind_name(self.kind)


@dataclass
class PartnerData:
    """What the partner form sends in; `cleaned()` validates it."""

    name: str = ""
    kind: str = PartnerKind.OTHER.value
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    active: bool = True

    def cleaned(self) -> PartnerData:
        name = clean_line(self.name, NAME_MAX, "name", required=_("Type the partner's name."))
        if self.kind not in set(PartnerKind):
            raise ValidationError(_("Choose the kind of partner."), field="kind")
        phone = clean_line(self.phone, PHONE_MAX, "phone")
        if phone and (set(phone) - _PHONE_CHARS or sum(c.isdigit() for c in phone) < 5):
            raise ValidationError(
                _("A phone number has digits, and may have +, spaces or dashes."), field="phone"
            )
        email = clean_line(self.email, EMAIL_MAX, "email")
        if email and not _EMAIL.match(email):
            raise ValidationError(
                _("This does not look like an email address (name@example.fi)."), field="email"
            )
        notes = clean_text(self.notes, NOTES_MAX, "notes")
        return PartnerData(
            name=name,
            kind=self.kind,
            contact_person=clean_line(self.contact_person, CONTACT_MAX, "contact_person"),
            phone=phone,
            email=email,
            notes=notes,
            active=bool(self.active),
        )


PARTNER_FIELDS = [f.name for f in fields(PartnerData)]


def _snapshot(partner: Partner) -> dict:
    return {name: getattr(partner, name) for name in PARTNER_FIELDS}


def data_of(partner: Partner) -> PartnerData:
    return PartnerData(**_snapshot(partner))


def partners() -> list[Partner]:
    return list(Partner.select().where(Partner.active).order_by(Partner.name))


def get_partner(actor: User, partner_id: int) -> Partner:
    require(actor, Permission.VIEW_EVENTS)
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise NotFound(_("This partner is no longer in the register."))
    return partner


def _refuse_same_name(name: str, partner_id: int | None) -> None:
    query = Partner.select().where(pw.fn.lower(Partner.name) == name.lower())
    if partner_id is not None:
        query = query.where(Partner.id != partner_id)
    if query.exists():
        raise ValidationError(
            _("A partner called {name} is already in the register.").format(name=name),
            field="name",
        )


def save_partner(actor: User, partner_id: int | None, data: PartnerData) -> Partner:
    """Add a partner (`partner_id=None`) or change one."""
    require(actor, Permission.MANAGE_PARTNERS)
    clean = data.cleaned()
    values = {name: getattr(clean, name) for name in PARTNER_FIELDS}
    with unit_of_work():
        _refuse_same_name(clean.name, partner_id)
        if partner_id is None:
            partner = Partner.create(**values)
            audit.record(actor, Action.CREATE, "partner", partner.id, after=_snapshot(partner))
            return partner
        partner = get_partner(actor, partner_id)
        before = _snapshot(partner)
        for name, value in values.items():
            setattr(partner, name, value)
        partner.save()
        old, new = audit.changed_fields(before, _snapshot(partner))
        if new:
            audit.record(actor, Action.UPDATE, "partner", partner.id, before=old, after=new)
    return partner


@dataclass(frozen=True)
class PartnerRow:
    partner_id: int
    name: str
    kind: str
    contact_person: str
    phone: str
    email: str
    active: bool
    events: int
    donations: int


def partner_rows(actor: User, *, include_inactive: bool = False) -> list[PartnerRow]:
    """The register, with how many events and donations each partner has."""
    from lumijobi_desktop.core.events import EventPartner
    from lumijobi_desktop.core.inventory import Donation

    require(actor, Permission.VIEW_EVENTS)
    events = EventPartner.select(pw.fn.COUNT(EventPartner.id)).where(
        EventPartner.partner == Partner.id
    )
    donations = Donation.select(pw.fn.COUNT(Donation.id)).where(
        Donation.donor_partner == Partner.id
    )
    query = Partner.select(Partner, events.alias("events"), donations.alias("donations"))
    if not include_inactive:
        query = query.where(Partner.active)
    return [
        PartnerRow(
            row.id,
            row.name,
            row.kind,
            row.contact_person,
            row.phone,
            row.email,
            row.active,
            row.events,
            row.donations,
        )
        for row in query.order_by(pw.fn.lower(Partner.name))
    ]


@dataclass(frozen=True)
class PartnerDonation:
    donation_id: int
    received_at: dt.datetime
    items: int
    note: str


def partner_donations(actor: User, partner_id: int) -> list[PartnerDonation]:
    """What the partner has donated, newest first, with the number of things in each.

    Counted as they came in (the intake events): `Item.quantity` is what is left, and
    drops to 0 as things are handed out.
    """
    from lumijobi_desktop.core.inventory import Donation, Item, ItemEvent

    require(actor, Permission.VIEW_EVENTS)
    came_in = (
        ItemEvent.select(pw.fn.COALESCE(pw.fn.SUM(ItemEvent.detail.cast("INTEGER")), 0))
        .join(Item)
        .where((Item.donation == Donation.id) & (ItemEvent.kind == "intake"))
    )
    query = (
        Donation.select(Donation.id, Donation.received_at, Donation.note, came_in.alias("items"))
        .where(Donation.donor_partner == partner_id)
        .order_by(Donation.received_at.desc())
    )
    return [PartnerDonation(row.id, row.received_at, row.items, row.note) for row in query]


def partner_by_name(actor: User, name: str) -> Partner:
    """The partner of that name (any case), added when new: a school donating for the first
    time is entered at the door; its details wait for the partner register.
    """
    require(actor, Permission.HANDLE_GOODS)
    clean = clean_line(name, NAME_MAX, "donor", required=_("Type the partner's name."))
    with unit_of_work():
        existing = Partner.get_or_none(pw.fn.lower(Partner.name) == clean.lower())
        if existing is not None:
            return existing
        partner = Partner.create(name=clean)
        audit.record(actor, Action.CREATE, "partner", partner.id, after={"name": clean})
    return partner
