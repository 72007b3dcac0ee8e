"""Schema 3: the recycling point: partners (as donors), categories, locations, donations,
items with their history, hand-outs, reservations and wishes; seeded categories.
"""

from __future__ import annotations

import peewee as pw

from lumijobi_desktop.core.catalogue import insert_seed_categories


class _Frozen(pw.Model):
    """The tables as schema 3 creates them; never import the live models into a migration."""

    class Meta:
        legacy_table_names = False


class Person(_Frozen):
    pass


class User(_Frozen):
    pass


class Partner(_Frozen):
    name = pw.CharField(unique=True)
    kind = pw.CharField()
    active = pw.BooleanField()
    created_at = pw.DateTimeField()


class Category(_Frozen):
    key = pw.CharField(unique=True)
    name_fi = pw.CharField()
    name_uk = pw.CharField(default="")
    name_en = pw.CharField(default="")
    size_kind = pw.CharField(default="none")
    sort_order = pw.IntegerField(default=100)
    active = pw.BooleanField(default=True)
    monthly_limit = pw.IntegerField(null=True)


class Location(_Frozen):
    name = pw.CharField(unique=True)
    kind = pw.CharField()
    active = pw.BooleanField()


class Donation(_Frozen):
    received_at = pw.DateTimeField(index=True)
    donor_person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL")
    donor_partner = pw.ForeignKeyField(Partner, null=True, on_delete="SET NULL")
    note = pw.TextField()
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


class Item(_Frozen):
    donation = pw.ForeignKeyField(Donation, null=True, on_delete="SET NULL")
    category = pw.ForeignKeyField(Category, index=True)
    description = pw.CharField()
    size = pw.CharField(index=True)
    condition = pw.CharField()
    quantity = pw.IntegerField()
    location = pw.ForeignKeyField(Location, null=True, on_delete="SET NULL", index=True)
    intake_at = pw.DateTimeField(index=True)
    status = pw.CharField(index=True)
    status_reason = pw.CharField()

    class Meta:
        indexes = ((("status", "intake_at"), False),)


class ItemEvent(_Frozen):
    item = pw.ForeignKeyField(Item, on_delete="CASCADE")
    at = pw.DateTimeField()
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    kind = pw.CharField()
    detail = pw.CharField()


class Handout(_Frozen):
    handed_at = pw.DateTimeField(index=True)
    recipient = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    target_group = pw.CharField()
    over_limit_reason = pw.CharField()
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


class HandoutLine(_Frozen):
    handout = pw.ForeignKeyField(Handout, on_delete="CASCADE")
    item = pw.ForeignKeyField(Item, on_delete="CASCADE", index=True)
    quantity = pw.IntegerField()


class Reservation(_Frozen):
    item = pw.ForeignKeyField(Item, on_delete="CASCADE", index=True)
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    until = pw.DateField(index=True)
    created_at = pw.DateTimeField()
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    state = pw.CharField(index=True)


class Wish(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    category = pw.ForeignKeyField(Category, null=True, on_delete="SET NULL")
    description = pw.CharField()
    size = pw.CharField()
    created_at = pw.DateTimeField()
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    state = pw.CharField(index=True)
    item = pw.ForeignKeyField(Item, null=True, on_delete="SET NULL")


NEW_TABLES = [
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


def upgrade(database: pw.Database) -> None:
    models = [Person, User, *NEW_TABLES]
    with database.bind_ctx(models):
        database.create_tables(NEW_TABLES)
        insert_seed_categories(Category)
