"""Schema 5: advice sessions with the coordinator: topics, hours, bookings, the queue,
confidential notes and follow-ups.
"""

from __future__ import annotations

import peewee as pw

from lumijobi_desktop.core.advice_topics import insert_seed_topics


class _Frozen(pw.Model):
    """The tables as schema 5 creates them; never import the live models into a migration."""

    class Meta:
        legacy_table_names = False


class Person(_Frozen):
    pass


class User(_Frozen):
    pass


class Visit(_Frozen):
    pass


class AdviceTopic(_Frozen):
    key = pw.CharField(unique=True)
    name_fi = pw.CharField()
    name_uk = pw.CharField(default="")
    name_en = pw.CharField(default="")
    bring_fi = pw.CharField(default="")
    bring_uk = pw.CharField(default="")
    bring_en = pw.CharField(default="")
    sort_order = pw.IntegerField(default=100)
    active = pw.BooleanField(default=True)


class AdviceHours(_Frozen):
    adviser = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    weekday = pw.IntegerField()
    starts = pw.TimeField()
    ends = pw.TimeField()
    slot_minutes = pw.IntegerField(default=30)
    place = pw.CharField(default="")
    valid_from = pw.DateField()
    valid_until = pw.DateField(null=True)
    created_at = pw.DateTimeField()


class AdviceDayChange(_Frozen):
    adviser = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    day = pw.DateField(index=True)
    kind = pw.CharField()
    starts = pw.TimeField(null=True)
    ends = pw.TimeField(null=True)
    slot_minutes = pw.IntegerField(default=30)
    place = pw.CharField(default="")
    note = pw.CharField(default="")
    created_at = pw.DateTimeField()


class AdviceSession(_Frozen):
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", index=True)
    adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    starts_at = pw.DateTimeField()
    minutes = pw.IntegerField()
    topic = pw.ForeignKeyField(AdviceTopic, backref="+")
    language = pw.CharField(default="")
    interpreter_needed = pw.BooleanField(default=False)
    interpreter_language = pw.CharField(default="")
    place = pw.CharField(default="")
    bring = pw.CharField(default="")
    status = pw.CharField(default="booked", index=True)
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL", backref="+")
    visit_is_own = pw.BooleanField(default=False)
    booked_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    booked_at = pw.DateTimeField()
    cancelled_at = pw.DateTimeField(null=True)
    updated_at = pw.DateTimeField()

    class Meta:
        indexes = ((("adviser", "starts_at"), False),)


class AdviceQueueEntry(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    topic = pw.ForeignKeyField(AdviceTopic, backref="+")
    language = pw.CharField(default="")
    interpreter_needed = pw.BooleanField(default=False)
    interpreter_language = pw.CharField(default="")
    minutes = pw.IntegerField()
    wishes = pw.CharField(default="")
    status = pw.CharField(default="waiting", index=True)
    added_at = pw.DateTimeField()
    added_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    not_before = pw.DateTimeField(null=True)
    offered_start = pw.DateTimeField(null=True)
    offered_adviser = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    offered_at = pw.DateTimeField(null=True)
    session = pw.ForeignKeyField(AdviceSession, null=True, on_delete="SET NULL", backref="+")


class AdviceNote(_Frozen):
    session = pw.ForeignKeyField(AdviceSession, on_delete="CASCADE", backref="+", index=True)
    text = pw.TextField()
    written_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    written_at = pw.DateTimeField()
    changed_at = pw.DateTimeField(null=True)


class AdviceFollowUp(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    session = pw.ForeignKeyField(AdviceSession, null=True, on_delete="SET NULL", backref="+")
    text = pw.CharField()
    due = pw.DateField(index=True)
    done_at = pw.DateTimeField(null=True)
    done_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField()


NEW_TABLES = [
    AdviceTopic,
    AdviceHours,
    AdviceDayChange,
    AdviceSession,
    AdviceQueueEntry,
    AdviceNote,
    AdviceFollowUp,
]


def upgrade(database: pw.Database) -> None:
    with database.bind_ctx([Person, User, Visit, *NEW_TABLES]):
        database.create_tables(NEW_TABLES)
        insert_seed_topics(AdviceTopic)
