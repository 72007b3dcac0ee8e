"""Taking donations in: who gave, and the items, each with its own code and label."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lumijobi_desktop.core import audit, partners
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.catalogue import clean_size, get_category, get_location
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import Condition, Donation, Item, ItemEvent, ItemStatus
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.people import get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

DESCRIPTION_MAX = 80
QUANTITY_MAX = 999
NOTE_MAX = 300


@dataclass
class ItemInput:
    """One row of the intake form; a box of 14 bodysuits is one row with quantity 14."""

    category_id: int
    description: str = ""
    size: str = ""
    condition: str = Condition.GOOD.value
    quantity: int = 1
    location_id: int | None = None


@dataclass(frozen=True)
class CleanItem:
    category_id: int
    description: str
    size: str
    condition: str
    quantity: int
    location_id: int | None


def clean_item(data: ItemInput) -> CleanItem:
    category = get_category(data.category_id)
    if not category.active:
        raise ValidationError(_("This category is no longer in use."), field="category")
    description = clean_line(data.description, DESCRIPTION_MAX, "description")
    try:
        condition = Condition(data.condition).value
    except ValueError:
        raise ValidationError(_("Choose the condition."), field="condition") from None
    if not isinstance(data.quantity, int) or not 1 <= data.quantity <= QUANTITY_MAX:
        raise ValidationError(
            _("The quantity is a whole number from 1 to {count}.").format(count=QUANTITY_MAX),
            field="quantity",
        )
    if data.location_id is not None:
        get_location(data.location_id)
    return CleanItem(
        category.id,
        description,
        clean_size(category, data.size),
        condition,
        data.quantity,
        data.location_id,
    )


def _check_donor(actor: User, person_id: int | None, partner_id: int | None) -> None:
    if person_id is not None and partner_id is not None:
        raise ValidationError(
            _("A donation comes from a person or a partner, not both."), field="donor"
        )
    if person_id is not None:
        get_person(actor, person_id)
    if partner_id is not None and Partner.get_or_none(Partner.id == partner_id) is None:
        raise ValidationError(_("This partner no longer exists."), field="donor")


def receive_donation(
    actor: User,
    items: list[ItemInput],
    *,
    donor_person_id: int | None = None,
    donor_partner_id: int | None = None,
    donor_partner_name: str | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> tuple[Donation, list[Item]]:
    """Save a donation and its items together; the items are then ready for labels."""
    require(actor, Permission.HANDLE_GOODS)
    if not items:
        raise ValidationError(_("Add at least one item to the donation."), field="items")
    cleaned = []
    for row, data in enumerate(items, start=1):
        try:
            cleaned.append(clean_item(data))
        except ValidationError as error:
            raise ValidationError(
                _("Row {row}: {problem}").format(row=row, problem=error.message), error.field
            ) from None
    note = clean_line(note, NOTE_MAX, "note")
    moment = now()
    at = at or moment
    if at > moment + dt.timedelta(hours=1):
        raise ValidationError(_("A donation cannot be in the future."), field="when")
    with unit_of_work():
        if donor_partner_name is not None:
            # A partner new to the centre is added with the donation, or not at all.
            donor_partner_id = partners.partner_by_name(actor, donor_partner_name).id
        _check_donor(actor, donor_person_id, donor_partner_id)
        donation = Donation.create(
            received_at=at,
            donor_person=donor_person_id,
            donor_partner=donor_partner_id,
            note=note,
            recorded_by=actor.id,
        )
        made = [
            Item.create(
                donation=donation,
                category=c.category_id,
                description=c.description,
                size=c.size,
                condition=c.condition,
                quantity=c.quantity,
                location=c.location_id,
                intake_at=at,
                status=ItemStatus.IN_STOCK.value,
            )
            for c in cleaned
        ]
        ItemEvent.insert_many(
            [
                {
                    "item": item.id,
                    "at": at,
                    "user": actor.id,
                    "kind": "intake",
                    "detail": str(item.quantity),
                }
                for item in made
            ]
        ).execute()
        audit.record(
            actor,
            Action.CREATE,
            "donation",
            donation.id,
            after={
                "items": [item.id for item in made],
                "donor_person": donor_person_id,
                "donor_partner": donor_partner_id,
            },
        )
    return donation, made
