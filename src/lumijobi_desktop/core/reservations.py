"""Holding an item for someone until a date, and visitors' wishes matched against new items."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.catalogue import clean_size, get_category
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import Item, ItemEvent, ItemStatus, Reservation, Wish
from lumijobi_desktop.core.people import get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

LONGEST_HOLD = dt.timedelta(days=60)
DESCRIPTION_MAX = 80


def reserve(
    actor: User, item_id: int, person_id: int, until: dt.date, today: dt.date | None = None
) -> Reservation:
    require(actor, Permission.HANDLE_GOODS)
    today = today or dt.date.today()
    if not today <= until <= today + LONGEST_HOLD:
        raise ValidationError(
            _("Hold an item from today for at most {days} days.").format(days=LONGEST_HOLD.days),
            field="until",
        )
    with unit_of_work():
        person = get_person(actor, person_id)
        item = Item.get_or_none(Item.id == item_id)
        if item is None:
            raise NotFound(_("No item has this code."))
        if item.status != ItemStatus.IN_STOCK.value:
            raise ValidationError(_("Only an item in stock can be reserved."))
        reservation = Reservation.create(item=item, person=person, until=until, created_by=actor.id)
        item.status = ItemStatus.RESERVED.value
        item.save(only=[Item.status])
        ItemEvent.create(item=item, user=actor.id, kind="reserved", detail=until.isoformat())
        audit.record(
            actor,
            Action.CREATE,
            "reservation",
            reservation.id,
            after={"item": item.id, "person": person.id, "until": until},
        )
    return reservation


def cancel_reservation(actor: User, reservation_id: int, *, state: str = "cancelled") -> None:
    require(actor, Permission.HANDLE_GOODS)
    with unit_of_work():
        reservation = Reservation.get_or_none(Reservation.id == reservation_id)
        if reservation is None or reservation.state != "active":
            raise NotFound(_("This reservation is no longer active."))
        reservation.state = state
        reservation.save()
        Item.update(status=ItemStatus.IN_STOCK.value).where(
            (Item.id == reservation.item_id) & (Item.status == ItemStatus.RESERVED.value)
        ).execute()
        ItemEvent.create(item=reservation.item_id, user=actor.id, kind="unreserved", detail=state)
        Wish.update(state="open", item=None).where(
            (Wish.item == reservation.item_id) & (Wish.state == "reserved")
        ).execute()
        audit.record(actor, Action.UPDATE, "reservation", reservation.id, after={"state": state})


def expiring(actor: User, within_days: int = 3, today: dt.date | None = None) -> list[Reservation]:
    """Active reservations ending within a few days (or already past), soonest first."""
    require(actor, Permission.HANDLE_GOODS)
    today = today or dt.date.today()
    return list(
        Reservation.select()
        .where(
            (Reservation.state == "active")
            & (Reservation.until <= today + dt.timedelta(days=within_days))
        )
        .order_by(Reservation.until)
    )


def add_wish(
    actor: User, person_id: int, *, category_id: int | None, description: str = "", size: str = ""
) -> Wish:
    require(actor, Permission.HANDLE_GOODS)
    text = clean_line(description, DESCRIPTION_MAX, "description")
    if category_id is None and not text:
        raise ValidationError(_("Choose a category or describe the wish."), field="category")
    clean = clean_size(get_category(category_id), size) if category_id is not None else ""
    with unit_of_work():
        person = get_person(actor, person_id)
        wish = Wish.create(
            person=person, category=category_id, description=text, size=clean, created_by=actor.id
        )
        audit.record(
            actor,
            Action.CREATE,
            "wish",
            wish.id,
            after={
                "person": person.id,
                "category": category_id,
                "size": clean,
                "description": text,
            },
        )
    return wish


def _matching_wishes(item: Item) -> pw.ModelSelect:
    query = Wish.select().where((Wish.state == "open") & (Wish.category == item.category_id))
    # A wish with no size takes any size; a wish for 122 wants 122.
    return query.where((Wish.size == "") | (Wish.size == item.size)).order_by(Wish.created_at)


def wishes_matching(actor: User, item_id: int) -> list[Wish]:
    """Open wishes an item taken in could fulfil, oldest first ('2 wishes match')."""
    require(actor, Permission.HANDLE_GOODS)
    item = Item.get_by_id(item_id)
    return list(_matching_wishes(item))


def reserve_for_wish(
    actor: User, wish_id: int, item_id: int, until: dt.date, today: dt.date | None = None
) -> Reservation:
    with unit_of_work():
        wish = Wish.get_or_none((Wish.id == wish_id) & (Wish.state == "open"))
        if wish is None:
            raise NotFound(_("This wish is no longer open."))
        reservation = reserve(actor, item_id, wish.person_id, until, today)
        wish.state, wish.item = "reserved", item_id
        wish.save()
    return reservation


def open_wishes(actor: User) -> list[Wish]:
    require(actor, Permission.HANDLE_GOODS)
    return list(Wish.select().where(Wish.state == "open").order_by(Wish.created_at))


def close_wish(actor: User, wish_id: int) -> None:
    """The visitor no longer needs it (or got it elsewhere)."""
    require(actor, Permission.HANDLE_GOODS)
    with unit_of_work():
        wish = Wish.get_or_none((Wish.id == wish_id) & (Wish.state == "open"))
        if wish is None:
            raise NotFound(_("This wish is no longer open."))
        wish.state = "cancelled"
        wish.save()
        audit.record(actor, Action.UPDATE, "wish", wish.id, after={"state": "cancelled"})
