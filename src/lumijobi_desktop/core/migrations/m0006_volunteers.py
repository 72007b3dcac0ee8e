"""Schema 6: the volunteer register with hours, the friend service and neighbour help."""

from __future__ import annotations

import peewee as pw


class _Frozen(pw.Model):
    """The tables as schema 6 creates them; never import the live models into a migration."""

    class Meta:
        legacy_table_names = False


class Person(_Frozen):
    pass


class User(_Frozen):
    pass


class Volunteer(_Frozen):
    person = pw.ForeignKeyField(Person, unique=True, on_delete="CASCADE", backref="+")
    skills = pw.CharField(default="")
    interests = pw.CharField(default="")
    free_times = pw.CharField(default="")
    gender = pw.CharField(default="")
    started_on = pw.DateField()
    status = pw.CharField(default="active", index=True)
    note = pw.CharField(default="")
    consent_at = pw.DateTimeField()
    consent_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    check_shown_on = pw.DateField(null=True)
    check_extract_date = pw.DateField(null=True)
    check_seen_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()


class VolunteerTraining(_Frozen):
    volunteer = pw.ForeignKeyField(Volunteer, on_delete="CASCADE", backref="+")
    name = pw.CharField()
    completed_on = pw.DateField()


class VolunteerHours(_Frozen):
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    day = pw.DateField(index=True)
    minutes = pw.IntegerField()
    activity = pw.CharField()
    note = pw.CharField(default="")
    source = pw.CharField(default="manual")
    source_id = pw.IntegerField(null=True)
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    recorded_at = pw.DateTimeField()

    class Meta:
        indexes = ((("volunteer", "day"), False), (("source", "source_id"), False))


class FriendRequest(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    wishes = pw.CharField(default="")
    frequency = pw.CharField(default="")
    interests = pw.CharField(default="")
    languages = pw.CharField(default="")
    village = pw.CharField(default="")
    times = pw.CharField(default="")
    preferred_gender = pw.CharField(default="")
    needs = pw.CharField(default="")
    needs_consent_at = pw.DateTimeField(null=True)
    status = pw.CharField(default="open", index=True)
    created_at = pw.DateTimeField()
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class FriendPair(_Frozen):
    request = pw.ForeignKeyField(FriendRequest, on_delete="CASCADE", backref="+", index=True)
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    status = pw.CharField(default="proposed", index=True)
    proposed_on = pw.DateField()
    first_meeting_on = pw.DateField(null=True)
    started_on = pw.DateField(null=True)
    paused_on = pw.DateField(null=True)
    ended_on = pw.DateField(null=True)
    end_reason = pw.CharField(default="")
    end_note = pw.CharField(default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class FriendMeeting(_Frozen):
    pair = pw.ForeignKeyField(FriendPair, on_delete="CASCADE", backref="+", index=True)
    day = pw.DateField()
    minutes = pw.IntegerField()
    kind = pw.CharField()
    note = pw.CharField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class FriendCheckIn(_Frozen):
    pair = pw.ForeignKeyField(FriendPair, on_delete="CASCADE", backref="+", index=True)
    day = pw.DateField()
    note = pw.CharField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class HelpRequest(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    kind = pw.CharField()
    needed_on = pw.DateField(null=True)
    times = pw.CharField(default="")
    place = pw.CharField(default="")
    village = pw.CharField(default="")
    urgency = pw.CharField(default="soon")
    description = pw.TextField(default="")
    share_consent = pw.BooleanField(default=False)
    status = pw.CharField(default="open", index=True)
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    assigned_at = pw.DateTimeField(null=True)
    check_override = pw.BooleanField(default=False)
    done_on = pw.DateField(null=True)
    minutes = pw.IntegerField(null=True)
    cancel_note = pw.CharField(default="")
    created_at = pw.DateTimeField()
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class HelpOffer(_Frozen):
    volunteer = pw.ForeignKeyField(Volunteer, on_delete="CASCADE", backref="+", index=True)
    kinds = pw.CharField()
    times = pw.CharField(default="")
    note = pw.CharField(default="")
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField()


NEW_TABLES = [
    Volunteer,
    VolunteerTraining,
    VolunteerHours,
    FriendRequest,
    FriendPair,
    FriendMeeting,
    FriendCheckIn,
    HelpRequest,
    HelpOffer,
]


def upgrade(database: pw.Database) -> None:
    with database.bind_ctx([Person, User, *NEW_TABLES]):
        database.create_tables(NEW_TABLES)
