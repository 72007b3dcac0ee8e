"""The stock: finding items by filters or by code, moving them and discarding old stock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.catalogue import get_location
from lumijobi_desktop.core.codes import CodeKind, parse_code
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import Category, Item, ItemEvent, ItemStatus, Location
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

REASON_MAX = 120
ACTIVE_STATUSES = (ItemStatus.IN_STOCK.value, ItemStatus.RESERVED.value)


@dataclass(frozen=True)
class StockFilter:
    category_id: int | None = None
    size: str = ""
    location_id: int | None = None
    # None: what is at the centre now (in stock or reserved).
    status: str | None = None
    older_than_days: int | None = None
    text: str = ""


SORT_COLUMNS = {
    "code": (Item.id,),
    "category": (Item.category,),
    "description": (Item.description,),
    "size": (Item.size,),
    "quantity": (Item.quantity,),
    "location": (Item.location,),
    "intake": (Item.intake_at,),
    "status": (Item.status,),
}


def _filtered(criteria: StockFilter, today: dt.date | None = None) -> pw.ModelSelect:
    query = (
        Item.select(Item, Category, Location)
        .join(Category)
        .switch(Item)
        .join(Location, pw.JOIN.LEFT_OUTER)
    )
    if criteria.status:
        query = query.where(Item.status == criteria.status)
    else:
        query = query.where(Item.status.in_(ACTIVE_STATUSES))
    if criteria.category_id is not None:
        query = query.where(Item.category == criteria.category_id)
    if criteria.size:
        query = query.where(Item.size == criteria.size.upper())
    if criteria.location_id is not None:
        query = query.where(Item.location == criteria.location_id)
    if criteria.older_than_days:
        limit = dt.datetime.combine(today or dt.date.today(), dt.time()) - dt.timedelta(
            days=criteria.older_than_days
        )
        query = query.where(Item.intake_at < limit)
    text = criteria.text.strip()
    if text:
        code = parse_code(text)
        if code is not None and code.kind is CodeKind.ITEM:
            query = query.where(Item.id == code.number)
        else:
            query = query.where(Item.description.contains(text))
    return query


def count_items(actor: User, criteria: StockFilter) -> int:
    require(actor, Permission.HANDLE_GOODS)
    return _filtered(criteria).count()


def page_of_items(
    actor: User,
    criteria: StockFilter,
    offset: int,
    limit: int,
    order: str = "intake",
    descending: bool = True,
) -> list[Item]:
    require(actor, Permission.HANDLE_GOODS)
    columns = SORT_COLUMNS[order]
    ordering = [c.desc() if descending else c.asc() for c in columns]
    query = _filtered(criteria).order_by(*ordering, Item.id.desc())
    return list(query.offset(offset).limit(limit))


def ids_matching(actor: User, criteria: StockFilter) -> list[int]:
    """Every item a filter shows, for bulk actions on the whole result."""
    require(actor, Permission.HANDLE_GOODS)
    return [row.id for row in _filtered(criteria).select(Item.id)]


def get_item(actor: User, item_id: int) -> Item:
    require(actor, Permission.HANDLE_GOODS)
    item = (
        Item.select(Item, Category, Location)
        .join(Category)
        .switch(Item)
        .join(Location, pw.JOIN.LEFT_OUTER)
        .where(Item.id == item_id)
        .first()
    )
    if item is None:
        raise NotFound(_("No item has this code."))
    return item


def item_by_code(actor: User, text: str) -> Item:
    """The item a scanned or typed code names; a clear message for anything else."""
    code = parse_code(text)
    if code is None:
        raise ValidationError(
            _("{code} is not a valid code. Check it and try again.").format(code=text.strip()[:20]),
            field="code",
        )
    if code.kind is not CodeKind.ITEM:
        raise ValidationError(_("This is not an item's code."), field="code")
    return get_item(actor, code.number)


def history(actor: User, item_id: int) -> list[ItemEvent]:
    require(actor, Permission.HANDLE_GOODS)
    return list(
        ItemEvent.select().where(ItemEvent.item == item_id).order_by(ItemEvent.at, ItemEvent.id)
    )


# SQLite allows 32,766 bound values a statement: bulk actions go in slices well below that.
CHUNK = 500


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def _record_events(
    actor: User, item_ids: list[int], kind: str, detail: str, at: dt.datetime
) -> None:
    for chunk in _chunks(item_ids):
        ItemEvent.insert_many(
            [
                {"item": item_id, "at": at, "user": actor.id, "kind": kind, "detail": detail}
                for item_id in chunk
            ]
        ).execute()


def _at_the_centre(item_ids: list[int], refusal: str) -> list[int]:
    """The ids, all of items in stock or reserved; otherwise nothing happens and `refusal`."""
    wanted = list(dict.fromkeys(item_ids))
    found = [
        row.id
        for chunk in _chunks(wanted)
        for row in Item.select(Item.id).where(Item.id.in_(chunk) & Item.status.in_(ACTIVE_STATUSES))
    ]
    if len(found) != len(wanted):
        raise ValidationError(refusal)
    return found


def _update(item_ids: list[int], **values) -> None:
    for chunk in _chunks(item_ids):
        Item.update(**values).where(Item.id.in_(chunk)).execute()


def move_items(actor: User, item_ids: list[int], location_id: int) -> int:
    """Move items to a place (a scanned location label, or the bulk action)."""
    require(actor, Permission.HANDLE_GOODS)
    if not item_ids:
        return 0
    with unit_of_work():
        location = get_location(location_id)
        movable = _at_the_centre(item_ids, _("Only items that are at the centre can be moved."))
        _update(movable, location=location)
        _record_events(actor, movable, "moved", location.name, now())
        audit.record(
            actor, Action.UPDATE, "item", None, after={"items": movable, "location": location.id}
        )
    return len(movable)


def discard_items(actor: User, item_ids: list[int], reason: str) -> int:
    """Recycle or throw away items (e.g. old stock), always with a reason."""
    require(actor, Permission.DISCARD_GOODS)
    clean = clean_line(
        reason,
        REASON_MAX,
        "reason",
        required=_("Give a reason, e.g. 'torn' or 'in stock over a year'."),
    )
    if not item_ids:
        return 0
    with unit_of_work():
        active = _at_the_centre(item_ids, _("Only items that are at the centre can be discarded."))
        _update(active, status=ItemStatus.DISCARDED.value, status_reason=clean)
        _record_events(actor, active, "discarded", clean, now())
        audit.record(
            actor,
            Action.UPDATE,
            "item",
            None,
            after={"items": active, "status": "discarded", "reason": clean},
        )
    return len(active)


def find_for_basket(actor: User, text: str, limit: int = 20) -> list[Item]:
    """Items at the centre whose description contains the words typed, newest first."""
    require(actor, Permission.HANDLE_GOODS)
    query = _filtered(StockFilter(text=text)).order_by(Item.intake_at.desc(), Item.id.desc())
    return list(query.limit(limit))
