"""Handing goods out: a basket of items to a person or an anonymous visitor, in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import (
    Category,
    Handout,
    HandoutLine,
    Item,
    ItemEvent,
    ItemStatus,
    Reservation,
    Wish,
)
from lumijobi_desktop.core.people import TARGET_GROUPS, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User

REASON_MAX = 120


@dataclass(frozen=True)
class BasketLine:
    item_id: int
    quantity: int = 1


@dataclass(frozen=True)
class BasketCheck:
    """What the desk should know before adding an item to the basket."""

    item: Item
    warnings: tuple[str, ...]


def _active_reservation(item_id: int) -> Reservation | None:
    return Reservation.get_or_none((Reservation.item == item_id) & (Reservation.state == "active"))


def check_for_basket(
    actor: User, item: Item, recipient_id: int | None, quantity: int = 1
) -> BasketCheck:
    """Refuse what cannot go out; warn about what needs a second look (held for someone else)."""
    require(actor, Permission.HANDLE_GOODS)
    if item.status == ItemStatus.HANDED_OUT.value:
        raise ValidationError(_("{code} has already been handed out.").format(code=item.code))
    if item.status == ItemStatus.DISCARDED.value:
        raise ValidationError(_("{code} was discarded; it is not in stock.").format(code=item.code))
    if not 1 <= quantity <= item.quantity:
        raise ValidationError(
            _("Only {count} left of {code}.").format(count=item.quantity, code=item.code),
            field="quantity",
        )
    warnings = []
    reservation = _active_reservation(item.id)
    if reservation is not None and reservation.person_id != recipient_id:
        warnings.append(
            _("{code} is reserved for someone else until {date}.").format(
                code=item.code, date=reservation.until.strftime("%d.%m.%Y")
            )
        )
    return BasketCheck(item, tuple(warnings))


def _merged(lines: list[BasketLine]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for line in lines:
        merged[line.item_id] = merged.get(line.item_id, 0) + line.quantity
    return merged


def limit_warnings(
    actor: User, recipient_id: int | None, lines: list[BasketLine], at: dt.datetime | None = None
) -> list[str]:
    """Categories whose monthly limit per household this hand-out would pass."""
    require(actor, Permission.HANDLE_GOODS)
    if recipient_id is None or not lines:
        return []
    at = at or now()
    month_start = dt.datetime(at.year, at.month, 1)
    wanted: dict[int, int] = {}
    items = {i.id: i for i in Item.select().where(Item.id.in_([ln.item_id for ln in lines]))}
    for item_id, quantity in _merged(lines).items():
        category_id = items[item_id].category_id
        wanted[category_id] = wanted.get(category_id, 0) + quantity
    warnings = []
    for category in Category.select().where(
        Category.id.in_(list(wanted)) & Category.monthly_limit.is_null(False)
    ):
        earlier = (
            HandoutLine.select(pw.fn.COALESCE(pw.fn.SUM(HandoutLine.quantity), 0))
            .join(Handout)
            .switch(HandoutLine)
            .join(Item)
            .where(
                (Handout.recipient == recipient_id)
                & (Handout.handed_at >= month_start)
                & (Item.category == category.id)
            )
            .scalar()
        )
        if earlier + wanted[category.id] > category.monthly_limit:
            warnings.append(
                _("{category}: {count} this month, the limit is {limit}.").format(
                    category=category.name,
                    count=earlier + wanted[category.id],
                    limit=category.monthly_limit,
                )
            )
    return warnings


def hand_out(
    actor: User,
    lines: list[BasketLine],
    *,
    recipient_id: int | None = None,
    target_group: str = "",
    over_limit_reason: str = "",
    at: dt.datetime | None = None,
) -> Handout:
    """Give the basket out: stock, reservations and wishes update together, or not at all."""
    require(actor, Permission.HANDLE_GOODS)
    if not lines:
        raise ValidationError(_("The basket is empty."))
    if target_group and target_group not in TARGET_GROUPS:
        raise ValidationError(_("Choose a target group from the list."), field="target_group")
    reason = " ".join(over_limit_reason.split())[:REASON_MAX]
    at = at or now()
    with unit_of_work():
        if recipient_id is not None:
            get_person(actor, recipient_id)
        if limit_warnings(actor, recipient_id, lines, at) and not reason:
            raise ValidationError(
                _("Over the monthly limit: write down the reason."), field="reason"
            )
        handout = Handout.create(
            handed_at=at,
            recipient=recipient_id,
            target_group=target_group,
            over_limit_reason=reason,
            recorded_by=actor.id,
        )
        for item_id, quantity in _merged(lines).items():
            _take_from_stock(actor, handout, item_id, quantity, recipient_id, at)
        audit.record(
            actor,
            Action.CREATE,
            "handout",
            handout.id,
            after={"recipient": recipient_id, "lines": _merged(lines), "reason": reason},
        )
    return handout


def _take_from_stock(
    actor: User,
    handout: Handout,
    item_id: int,
    quantity: int,
    recipient_id: int | None,
    at: dt.datetime,
) -> None:
    item = Item.get_or_none(Item.id == item_id)
    if item is None:
        raise NotFound(_("No item has this code."))
    check_for_basket(actor, item, recipient_id, quantity)
    left = item.quantity - quantity
    status = ItemStatus.HANDED_OUT.value if left == 0 else item.status
    # Guarded update: a second desk handing out the same item at once cannot double-count.
    changed = (
        Item.update(quantity=left, status=status)
        .where((Item.id == item.id) & (Item.quantity == item.quantity))
        .execute()
    )
    if not changed:
        raise ValidationError(_("{code} changed meanwhile; scan it again.").format(code=item.code))
    HandoutLine.create(handout=handout, item=item, quantity=quantity)
    ItemEvent.create(item=item, at=at, user=actor.id, kind="handed_out", detail=str(quantity))
    if left == 0:
        Reservation.update(state="fulfilled").where(
            (Reservation.item == item.id) & (Reservation.state == "active")
        ).execute()
        Wish.update(state="fulfilled").where(
            (Wish.item == item.id) & (Wish.state == "reserved")
        ).execute()


def undo_handout(actor: User, handout_id: int, today: dt.date | None = None) -> None:
    """Take back a hand-out made by mistake today: the items return to stock."""
    require(actor, Permission.HANDLE_GOODS)
    today = today or dt.date.today()
    with unit_of_work():
        handout = Handout.get_or_none(Handout.id == handout_id)
        if handout is None:
            raise NotFound(_("This hand-out has already been undone."))
        if handout.handed_at.date() != today:
            raise ValidationError(_("Only today's hand-outs can be undone."))
        moment = now()
        for line in handout.lines:
            item = line.item
            status = (
                ItemStatus.IN_STOCK.value
                if item.status == ItemStatus.HANDED_OUT.value
                else item.status
            )
            Item.update(quantity=Item.quantity + line.quantity, status=status).where(
                Item.id == item.id
            ).execute()
            ItemEvent.create(
                item=item, at=moment, user=actor.id, kind="returned", detail=str(line.quantity)
            )
        before = {
            "recipient": handout.recipient_id,
            "lines": {line.item_id: line.quantity for line in handout.lines},
        }
        handout.delete_instance(recursive=True)
        audit.record(actor, Action.DELETE, "handout", handout_id, before=before)


def handouts_on(actor: User, day: dt.date) -> list[Handout]:
    require(actor, Permission.HANDLE_GOODS)
    start = dt.datetime.combine(day, dt.time())
    return list(
        Handout.select()
        .where((Handout.handed_at >= start) & (Handout.handed_at < start + dt.timedelta(days=1)))
        .order_by(Handout.handed_at.desc())
    )


def get_handout(actor: User, handout_id: int) -> Handout:
    require(actor, Permission.HANDLE_GOODS)
    handout = Handout.get_or_none(Handout.id == handout_id)
    if handout is None:
        raise NotFound(_("This hand-out has already been undone."))
    return handout


def lines_of(actor: User, handout_id: int) -> list[HandoutLine]:
    require(actor, Permission.HANDLE_GOODS)
    return list(
        HandoutLine.select(HandoutLine, Item)
        .join(Item)
        .where(HandoutLine.handout == handout_id)
        .order_by(HandoutLine.id)
    )
