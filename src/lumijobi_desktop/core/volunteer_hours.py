"""Volunteer hours: logged by hand, or by the friend meetings and neighbour-help tasks.

Funders value volunteer work at a rate per hour (10 €/h by default, set in
settings). Hours are kept in minutes so sums are exact.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit, settings
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _, format_date, format_number
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteers import Volunteer, get_volunteer

NOTE_MAX = 120
MINUTES_PER_DAY = 24 * 60


class Activity(StrEnum):
    DESK = "desk"
    GOODS = "goods"
    EVENTS = "events"
    COFFEE = "coffee"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    TRAINING = "training"
    OTHER = "other"


ACTIVITY_NAMES = {
    Activity.DESK: N_("Front desk"),
    Activity.GOODS: N_("Sorting and handing out goods"),
    Activity.EVENTS: N_("Events"),
    Activity.COFFEE: N_("Coffee meeting"),
    Activity.FRIEND: N_("Friend service"),
    Activity.NEIGHBOUR: N_("Neighbour help"),
    Activity.TRAINING: N_("Training"),
    Activity.OTHER: N_("Other"),
}


def activity_name(activity: str) -> str:
    return _(ACTIVITY_NAMES[Activity(activity)])


class HoursSource(StrEnum):
    MANUAL = "manual"
    FRIEND_MEETING = "friend_meeting"
    HELP_TASK = "help_task"


class VolunteerHours(BaseModel):
    # Erasing a volunteer keeps their hours for the reports, anonymously.
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    day = pw.DateField(index=True)
    minutes = pw.IntegerField()
    activity = pw.CharField()
    note = pw.CharField(default="")
    source = pw.CharField(default=HoursSource.MANUAL.value)
    source_id = pw.IntegerField(null=True)
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    recorded_at = pw.DateTimeField(default=now)

    class Meta:
        indexes = ((("volunteer", "day"), False), (("source", "source_id"), False))

    @property
    def hours(self) -> float:
        return self.minutes / 60

    def snapshot(self) -> dict:
        return {
            "volunteer": self.volunteer_id,
            "day": self.day,
            "minutes": self.minutes,
            "activity": self.activity,
            "source": self.source,
        }


def hour_value() -> float:
    """Euros per volunteer hour, as the funders count it."""
    return float(settings.get(settings.VOLUNTEER_HOUR_VALUE))


def minutes_of(hours: float | None) -> int:
    """Hours as typed (1,5 → 90 minutes); more than 0 and at most 24."""
    if hours is None or not 0 < hours <= 24:
        raise ValidationError(_("Give the hours: more than 0 and at most 24."), field="hours")
    minutes = round(hours * 60)
    if minutes < 1:
        raise ValidationError(_("Give the hours: more than 0 and at most 24."), field="hours")
    return minutes


def _check_day_total(volunteer_id: int, day: dt.date, minutes: int, except_id=None) -> None:
    query = VolunteerHours.select(pw.fn.SUM(VolunteerHours.minutes)).where(
        (VolunteerHours.volunteer == volunteer_id) & (VolunteerHours.day == day)
    )
    if except_id is not None:
        query = query.where(VolunteerHours.id != except_id)
    logged = query.scalar() or 0
    if logged + minutes > MINUTES_PER_DAY:
        raise ValidationError(
            _("That would make more than 24 hours on {day}: {hours} h are already logged.").format(
                day=format_date(day), hours=format_number(logged / 60, decimals=1)
            ),
            field="hours",
        )


def log_hours(
    actor: User,
    volunteer_id: int,
    day: dt.date | None,
    hours: float | None,
    activity: str,
    note: str = "",
    today: dt.date | None = None,
) -> VolunteerHours:
    """Log hours by hand: a day (not in the future), hours, and what was done."""
    require(actor, Permission.LOG_VOLUNTEER_HOURS)
    minutes = minutes_of(hours)
    if activity not in set(Activity):
        raise ValidationError(_("Choose what was done."), field="activity")
    today = today or now().date()
    if day is None or day > today:
        raise ValidationError(_("Hours can be logged for today or earlier."), field="day")
    cleaned = clean_line(note, NOTE_MAX, "note")
    with unit_of_work():
        volunteer = get_volunteer(actor, volunteer_id)
        _check_day_total(volunteer.id, day, minutes)
        row = VolunteerHours.create(
            volunteer=volunteer.id,
            day=day,
            minutes=minutes,
            activity=activity,
            note=cleaned,
            recorded_by=actor.id,
        )
        audit.record(actor, Action.CREATE, "volunteer_hours", row.id, after=row.snapshot())
    return row


def remove_hours(actor: User, hours_id: int) -> None:
    """Take back hours logged by hand (those of meetings and tasks go with them)."""
    require(actor, Permission.LOG_VOLUNTEER_HOURS)
    with unit_of_work():
        row = VolunteerHours.get_or_none(VolunteerHours.id == hours_id)
        if row is None:
            raise NotFound(_("These hours are no longer logged."))
        if row.source != HoursSource.MANUAL.value:
            raise ValidationError(
                _("These hours come from a meeting or a task; change that instead.")
            )
        before = row.snapshot()
        row.delete_instance()
        audit.record(actor, Action.DELETE, "volunteer_hours", hours_id, before=before)


def log_automatic(
    actor: User,
    volunteer_id: int,
    day: dt.date,
    minutes: int,
    activity: Activity,
    source: HoursSource,
    source_id: int,
) -> VolunteerHours:
    """Hours that follow from a friend meeting or a neighbour-help task (inside its change)."""
    _check_day_total(volunteer_id, day, minutes)
    row = VolunteerHours.create(
        volunteer=volunteer_id,
        day=day,
        minutes=minutes,
        activity=activity.value,
        source=source.value,
        source_id=source_id,
        recorded_by=actor.id,
    )
    audit.record(actor, Action.CREATE, "volunteer_hours", row.id, after=row.snapshot())
    return row


def remove_automatic(actor: User, source: HoursSource, source_id: int) -> None:
    rows = VolunteerHours.select().where(
        (VolunteerHours.source == source.value) & (VolunteerHours.source_id == source_id)
    )
    for row in rows:
        before = row.snapshot()
        row.delete_instance()
        audit.record(actor, Action.DELETE, "volunteer_hours", row.id, before=before)


@dataclass(frozen=True)
class HoursTotals:
    first: dt.date
    last: dt.date
    minutes: int
    by_activity: dict[str, int]  # activity → minutes
    volunteers: int  # different volunteers with hours
    rate: float  # € per hour

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def value(self) -> float:
        return round(self.hours * self.rate, 2)


def hours_totals(
    actor: User, first: dt.date, last: dt.date, volunteer_id: int | None = None
) -> HoursTotals:
    """Hours from `first` to `last` (both included), per activity, and their value."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    if last < first:
        raise ValidationError(_("The end date must not be before the start date."), field="last")
    query = VolunteerHours.select(
        VolunteerHours.volunteer, VolunteerHours.activity, VolunteerHours.minutes
    ).where((VolunteerHours.day >= first) & (VolunteerHours.day <= last))
    if volunteer_id is not None:
        query = query.where(VolunteerHours.volunteer == volunteer_id)
    by_activity: Counter[str] = Counter()
    volunteers = set()
    for volunteer, activity, minutes in query.tuples():
        by_activity[activity] += minutes
        if volunteer is not None:
            volunteers.add(volunteer)
    return HoursTotals(
        first=first,
        last=last,
        minutes=sum(by_activity.values()),
        by_activity=dict(by_activity.most_common()),
        volunteers=len(volunteers),
        rate=hour_value(),
    )


@dataclass(frozen=True)
class HoursRow:
    id: int
    day: dt.date
    minutes: int
    activity: str
    note: str
    source: str


def hours_of(actor: User, volunteer_id: int, first: dt.date, last: dt.date) -> list[HoursRow]:
    """A volunteer's logged hours in a period, newest first."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    query = (
        VolunteerHours.select()
        .where(
            (VolunteerHours.volunteer == volunteer_id)
            & (VolunteerHours.day >= first)
            & (VolunteerHours.day <= last)
        )
        .order_by(VolunteerHours.day.desc(), VolunteerHours.id.desc())
    )
    return [
        HoursRow(row.id, row.day, row.minutes, row.activity, row.note, row.source) for row in query
    ]


def hours_by_volunteer(actor: User, first: dt.date, last: dt.date) -> list[tuple[str, int]]:
    """(name, minutes) of each volunteer with hours in the period, the most hours first."""
    from lumijobi_desktop.core.people import Person

    require(actor, Permission.VIEW_VOLUNTEERS)
    total = pw.fn.SUM(VolunteerHours.minutes)
    query = (
        VolunteerHours.select(Person.first_name, Person.last_name, total)
        .join(Volunteer)
        .join(Person)
        .where((VolunteerHours.day >= first) & (VolunteerHours.day <= last))
        .group_by(Volunteer.id)
        .tuples()
    )
    rows = [
        (f"{first_name} {last_name}".strip(), minutes) for first_name, last_name, minutes in query
    ]
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold()))
