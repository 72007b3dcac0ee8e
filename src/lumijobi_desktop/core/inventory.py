"""The recycling point's tables: categories, locations, donations, items and their history,
hand-outs, reservations and wishes. The services are in catalogue, intake, stock, handouts.

Nothing is sold: there are no prices or values anywhere.
"""

from __future__ import annotations

from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.core.database import BaseModel, now
from lumijobi_desktop.core.i18n import N_, _, current_language
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.users import User


class SizeKind(StrEnum):
    NONE = "none"
    CLOTHING = "clothing"  # EU adult sizes: XS-XXXL or 32-62
    CHILDREN = "children"  # height in cm, 50-176
    SHOES = "shoes"  # EU shoe sizes 16-50
    ANY = "any"  # outerwear: adults' or children's sizes


class Condition(StrEnum):
    NEW = "new"
    GOOD = "good"
    USED = "used"
    WORN = "worn"


CONDITION_NAMES = {
    Condition.NEW: N_("New"),
    Condition.GOOD: N_("Good"),
    Condition.USED: N_("Used"),
    Condition.WORN: N_("Worn"),
}


class ItemStatus(StrEnum):
    IN_STOCK = "in_stock"
    RESERVED = "reserved"
    HANDED_OUT = "handed_out"
    DISCARDED = "discarded"


STATUS_NAMES = {
    ItemStatus.IN_STOCK: N_("In stock"),
    ItemStatus.RESERVED: N_("Reserved"),
    ItemStatus.HANDED_OUT: N_("Handed out"),
    ItemStatus.DISCARDED: N_("Recycled or discarded"),
}


class LocationKind(StrEnum):
    ROOM = "room"
    SHELF = "shelf"
    STORAGE = "storage"
    DONOR_HOME = "donor_home"


LOCATION_KIND_NAMES = {
    LocationKind.ROOM: N_("Room"),
    LocationKind.SHELF: N_("Shelf"),
    LocationKind.STORAGE: N_("Storage"),
    LocationKind.DONOR_HOME: N_("Still at the donor's home"),
}


def condition_name(value: str) -> str:
    return _(CONDITION_NAMES[Condition(value)])


def status_name(value: str) -> str:
    return _(STATUS_NAMES[ItemStatus(value)])


def location_kind_name(value: str) -> str:
    return _(LOCATION_KIND_NAMES[LocationKind(value)])


class Category(BaseModel):
    # Seeded categories keep a stable key; staff-made ones get "custom-N".
    key = pw.CharField(unique=True)
    name_fi = pw.CharField()
    name_uk = pw.CharField(default="")
    name_en = pw.CharField(default="")
    size_kind = pw.CharField(default=SizeKind.NONE.value)
    sort_order = pw.IntegerField(default=100)
    active = pw.BooleanField(default=True)
    # Optional limit of pieces per household per month (e.g. furniture).
    monthly_limit = pw.IntegerField(null=True)

    def name_in(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_fi

    @property
    def name(self) -> str:
        return self.name_in(current_language().code)


class Location(BaseModel):
    name = pw.CharField(unique=True)
    kind = pw.CharField(default=LocationKind.SHELF.value)
    active = pw.BooleanField(default=True)

    @property
    def code(self) -> str:
        return make_code(CodeKind.LOCATION, self.id)


class Donation(BaseModel):
    received_at = pw.DateTimeField(default=now, index=True)
    donor_person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL")
    donor_partner = pw.ForeignKeyField(Partner, null=True, on_delete="SET NULL")
    note = pw.TextField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


class Item(BaseModel):
    donation = pw.ForeignKeyField(Donation, null=True, on_delete="SET NULL", backref="items")
    category = pw.ForeignKeyField(Category, index=True)
    description = pw.CharField(default="")
    size = pw.CharField(default="", index=True)
    condition = pw.CharField(default=Condition.GOOD.value)
    # What is left in stock: one sofa, or a box of 14 bodysuits handed out a few at a time.
    quantity = pw.IntegerField(default=1)
    location = pw.ForeignKeyField(Location, null=True, on_delete="SET NULL", index=True)
    intake_at = pw.DateTimeField(default=now, index=True)
    status = pw.CharField(default=ItemStatus.IN_STOCK.value, index=True)
    status_reason = pw.CharField(default="")

    class Meta:
        indexes = ((("status", "intake_at"), False),)

    @property
    def code(self) -> str:
        return make_code(CodeKind.ITEM, self.id)


class ItemEvent(BaseModel):
    """An item's history as the desk sees it: taken in, moved, reserved, handed out…"""

    item = pw.ForeignKeyField(Item, on_delete="CASCADE", backref="events")
    at = pw.DateTimeField(default=now)
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    kind = pw.CharField()
    detail = pw.CharField(default="")


class Handout(BaseModel):
    handed_at = pw.DateTimeField(default=now, index=True)
    # None: an anonymous recipient, counted by target group only.
    recipient = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    target_group = pw.CharField(default="")
    over_limit_reason = pw.CharField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


class HandoutLine(BaseModel):
    handout = pw.ForeignKeyField(Handout, on_delete="CASCADE", backref="lines")
    item = pw.ForeignKeyField(Item, on_delete="CASCADE", index=True)
    quantity = pw.IntegerField(default=1)


class Reservation(BaseModel):
    item = pw.ForeignKeyField(Item, on_delete="CASCADE", index=True)
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    until = pw.DateField(index=True)
    created_at = pw.DateTimeField(default=now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    # active, fulfilled, cancelled, expired
    state = pw.CharField(default="active", index=True)


class Wish(BaseModel):
    """A visitor's wish (a sofa, a winter jacket 122), matched against items taken in."""

    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    category = pw.ForeignKeyField(Category, null=True, on_delete="SET NULL")
    description = pw.CharField(default="")
    size = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    # open, reserved, fulfilled, cancelled
    state = pw.CharField(default="open", index=True)
    item = pw.ForeignKeyField(Item, null=True, on_delete="SET NULL")


MODELS = [
    Partner,
    Category,
    Location,
    Donation,
    Item,
    ItemEvent,
    Handout,
    HandoutLine,
    Reservation,
    Wish,
]
