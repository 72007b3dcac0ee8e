"""Schema 4: events and weekly series, partners on events, sign-ups with a waiting list and
attendance, headcounts of drop-in meetings; the partner register gains contact details.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate


class _Frozen(pw.Model):
    """The tables as schema 4 creates them; never import the live models into a migration."""

    class Meta:
        legacy_table_names = False


class Person(_Frozen):
    pass


class User(_Frozen):
    pass


class Visit(_Frozen):
    pass


class Partner(_Frozen):
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    email = pw.CharField(default="")
    notes = pw.TextField(default="")


class EventSeries(_Frozen):
    weekday = pw.IntegerField()
    starts = pw.TimeField()
    ends = pw.TimeField()
    first_date = pw.DateField()
    until_date = pw.DateField()
    skip_holidays = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()


class Event(_Frozen):
    series = pw.ForeignKeyField(EventSeries, null=True, on_delete="SET NULL")
    series_date = pw.DateField(null=True)
    title = pw.CharField()
    title_uk = pw.CharField(default="")
    title_en = pw.CharField(default="")
    kind = pw.CharField(default="community")
    starts_at = pw.DateTimeField(index=True)
    ends_at = pw.DateTimeField()
    place = pw.CharField(default="")
    capacity = pw.IntegerField(null=True)
    languages = pw.CharField(default="")
    description = pw.TextField(default="")
    signup_required = pw.BooleanField(default=False)
    age_group = pw.CharField(default="")
    cancelled_at = pw.DateTimeField(null=True)
    cancel_reason = pw.CharField(default="")
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()


class EventPartner(_Frozen):
    event = pw.ForeignKeyField(Event, on_delete="CASCADE")
    partner = pw.ForeignKeyField(Partner, on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("event", "partner"), True),)


class Registration(_Frozen):
    event = pw.ForeignKeyField(Event, on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    adults = pw.IntegerField(default=1)
    children = pw.IntegerField(default=0)
    status = pw.CharField(default="signed_up")
    queued_at = pw.DateTimeField()
    offered_at = pw.DateTimeField(null=True)
    called_at = pw.DateTimeField(null=True)
    cancelled_at = pw.DateTimeField(null=True)
    walk_in = pw.BooleanField(default=False)
    attended = pw.BooleanField(default=False)
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    visit_is_own = pw.BooleanField(default=False)
    note = pw.CharField(default="")
    created_at = pw.DateTimeField()
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("event", "status"), False),)


class EventTally(_Frozen):
    event = pw.ForeignKeyField(Event, unique=True, on_delete="CASCADE")
    adults = pw.IntegerField(default=0)
    children = pw.IntegerField(default=0)
    ukrainian_speaking = pw.IntegerField(default=0)
    finnish_speaking = pw.IntegerField(default=0)
    other_language = pw.IntegerField(default=0)
    updated_at = pw.DateTimeField()
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


NEW_TABLES = [EventSeries, Event, EventPartner, Registration, EventTally]


def upgrade(database: pw.Database) -> None:
    models = [Person, User, Visit, Partner, *NEW_TABLES]
    with database.bind_ctx(models):
        migrator = SchemaMigrator.from_database(database)
        migrate(
            *(
                migrator.add_column("partner", name, getattr(Partner, name))
                for name in ("contact_person", "phone", "email", "notes")
            )
        )
        database.create_tables(NEW_TABLES)
