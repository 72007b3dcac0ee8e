"""Partner organisations: associations, the school, businesses, the parish, municipal units.

Issue 3 needs them as donors; the partner register itself (contacts, their
events) grows with the events issue.
"""

from __future__ import annotations

from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core.database import BaseModel, now
from lumijobi_desktop.core.i18n import N_, _


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
