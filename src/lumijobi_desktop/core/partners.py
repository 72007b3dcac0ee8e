"""Partner organisations: associations, the school, businesses, the parish, municipal units.

Issue 3 needs them as donors; the partner register itself (contacts, their
events) grows with the events issue.
"""

from __future__ import annotations

from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

NAME_MAX = 80


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


def partners() -> list[Partner]:
    return list(Partner.select().where(Partner.active).order_by(Partner.name))


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
