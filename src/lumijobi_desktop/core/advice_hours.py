"""When the coordinator gives advice: weekly hours, days off and one-off extra times.

Weekly hours hold on their weekday from one date (until another, if given),
except on public holidays. A day off takes away the whole day or a part of
it; extra hours add a time on one date. `windows_between` puts these
together into the windows of each day, cut into slots of the rule's length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.permissions import Permission, Role, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

SLOT_LENGTHS = (15, 20, 30, 45, 60)
DEFAULT_SLOT_MINUTES = 30
PLACE_MAX, NOTE_MAX = 80, 120


class DayChangeKind(StrEnum):
    OFF = "off"
    EXTRA = "extra"


class AdviceHours(BaseModel):
    """A weekly rule: on this weekday, from `starts` to `ends`, in slots of `slot_minutes`."""

    adviser = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    weekday = pw.IntegerField()  # Monday 0 … Sunday 6
    starts = pw.TimeField()
    ends = pw.TimeField()
    slot_minutes = pw.IntegerField(default=DEFAULT_SLOT_MINUTES)
    place = pw.CharField(default="")
    valid_from = pw.DateField()
    valid_until = pw.DateField(null=True)
    created_at = pw.DateTimeField(default=now)

    def holds_on(self, day: dt.date) -> bool:
        return (
            day.weekday() == self.weekday
            and self.valid_from <= day
            and (self.valid_until is None or day <= self.valid_until)
        )

    def snapshot(self) -> dict:
        return {
            field: getattr(self, field)
            for field in ("weekday", "starts", "ends", "slot_minutes", "place")
        } | {"adviser": self.adviser_id, "from": self.valid_from, "until": self.valid_until}


class AdviceDayChange(BaseModel):
    """One date: a day off (whole day when no times), or extra hours."""

    adviser = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    day = pw.DateField(index=True)
    kind = pw.CharField()
    starts = pw.TimeField(null=True)
    ends = pw.TimeField(null=True)
    slot_minutes = pw.IntegerField(default=DEFAULT_SLOT_MINUTES)
    place = pw.CharField(default="")
    note = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)

    @property
    def whole_day(self) -> bool:
        return self.starts is None

    def snapshot(self) -> dict:
        return {
            field: getattr(self, field)
            for field in ("day", "kind", "starts", "ends", "slot_minutes", "place", "note")
        } | {"adviser": self.adviser_id}


@dataclass(frozen=True)
class Window:
    """A stretch of one day when the adviser takes bookings."""

    start: dt.datetime
    end: dt.datetime
    slot_minutes: int
    place: str
    extra: bool = False

    def contains(self, start: dt.datetime, end: dt.datetime) -> bool:
        return self.start <= start and end <= self.end

    def slot_starts(self) -> list[dt.datetime]:
        step = dt.timedelta(minutes=self.slot_minutes)
        starts, moment = [], self.start
        while moment + step <= self.end:
            starts.append(moment)
            moment += step
        return starts


# --- reading ------------------------------------------------------------------------------------


def advisers() -> list[User]:
    """Who gives advice: active coordinators, and anyone else who has hours."""
    with_hours = AdviceHours.select(AdviceHours.adviser).union(
        AdviceDayChange.select(AdviceDayChange.adviser)
    )
    query = (
        User.select()
        .where(User.active & ((User.role == Role.COORDINATOR.value) | User.id.in_(with_hours)))
        .order_by(User.display_name)
    )
    return list(query)


def get_adviser(adviser_id: int) -> User:
    user = User.get_or_none(User.id == adviser_id)
    if user is None:
        raise NotFound(_("This coordinator's account no longer exists."))
    return user


def weekly_hours(adviser_id: int, on: dt.date | None = None) -> list[AdviceHours]:
    """The adviser's weekly rules; only those still holding on or after `on` if given."""
    query = AdviceHours.select().where(AdviceHours.adviser == adviser_id)
    if on is not None:
        query = query.where(AdviceHours.valid_until.is_null() | (AdviceHours.valid_until >= on))
    return list(query.order_by(AdviceHours.weekday, AdviceHours.starts, AdviceHours.id))


def day_changes(adviser_id: int, first: dt.date, last: dt.date) -> list[AdviceDayChange]:
    query = AdviceDayChange.select().where(
        (AdviceDayChange.adviser == adviser_id)
        & (AdviceDayChange.day >= first)
        & (AdviceDayChange.day <= last)
    )
    return list(query.order_by(AdviceDayChange.day, AdviceDayChange.starts))


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


def _minus(windows: list[Window], start: dt.datetime, end: dt.datetime) -> list[Window]:
    """The windows with [start, end) taken out; a window may split in two."""
    kept = []
    for window in windows:
        if end <= window.start or window.end <= start:
            kept.append(window)
            continue
        if window.start < start:
            kept.append(Window(window.start, start, window.slot_minutes, window.place))
        if end < window.end:
            kept.append(Window(end, window.end, window.slot_minutes, window.place))
    return kept


def windows_between(adviser_id: int, first: dt.date, last: dt.date) -> dict[dt.date, list[Window]]:
    """Every day from `first` to `last` (both included) → its windows in time order."""
    rules = [
        rule
        for rule in AdviceHours.select().where(
            (AdviceHours.adviser == adviser_id)
            & (AdviceHours.valid_from <= last)
            & (AdviceHours.valid_until.is_null() | (AdviceHours.valid_until >= first))
        )
    ]
    changes: dict[dt.date, list[AdviceDayChange]] = {}
    for change in day_changes(adviser_id, first, last):
        changes.setdefault(change.day, []).append(change)
    holidays = holidays_between(first, last)
    days: dict[dt.date, list[Window]] = {}
    day = first
    while day <= last:
        windows = []
        if day not in holidays:
            windows = [
                Window(_at(day, rule.starts), _at(day, rule.ends), rule.slot_minutes, rule.place)
                for rule in rules
                if rule.holds_on(day)
            ]
        for change in changes.get(day, []):
            if change.kind == DayChangeKind.OFF.value:
                if change.whole_day:
                    windows = []
                else:
                    windows = _minus(windows, _at(day, change.starts), _at(day, change.ends))
        for change in changes.get(day, []):
            if change.kind == DayChangeKind.EXTRA.value:
                windows.append(
                    Window(
                        _at(day, change.starts),
                        _at(day, change.ends),
                        change.slot_minutes,
                        change.place,
                        extra=True,
                    )
                )
        days[day] = sorted(windows, key=lambda window: window.start)
        day += dt.timedelta(days=1)
    return days


def windows_on(adviser_id: int, day: dt.date) -> list[Window]:
    return windows_between(adviser_id, day, day)[day]


# --- changing -----------------------------------------------------------------------------------


def _check_times(starts: dt.time | None, ends: dt.time | None) -> None:
    if starts is None or ends is None:
        raise ValidationError(_("Give both the start and the end time."), field="starts")
    if ends <= starts:
        raise ValidationError(_("The end time must be after the start time."), field="ends")


def _check_slot(slot_minutes: int, starts: dt.time, ends: dt.time) -> None:
    if slot_minutes not in SLOT_LENGTHS:
        raise ValidationError(
            _("A slot is {lengths} minutes long.").format(
                lengths=", ".join(str(length) for length in SLOT_LENGTHS)
            ),
            field="slot_minutes",
        )
    length = _at(dt.date.min, ends) - _at(dt.date.min, starts)
    if length < dt.timedelta(minutes=slot_minutes):
        raise ValidationError(
            _("The hours are shorter than one slot of {minutes} minutes.").format(
                minutes=slot_minutes
            ),
            field="ends",
        )


def _clean_place(place: str) -> str:
    return clean_line(place, PLACE_MAX, "place")


@dataclass
class HoursData:
    weekday: int
    starts: dt.time | None
    ends: dt.time | None
    slot_minutes: int = DEFAULT_SLOT_MINUTES
    place: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


def add_weekly_hours(actor: User, adviser_id: int, data: HoursData) -> AdviceHours:
    """Weekly hours from `valid_from` (today if not given) until `valid_until` or for good."""
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    if data.weekday not in range(7):
        raise ValidationError(_("Choose a weekday."), field="weekday")
    _check_times(data.starts, data.ends)
    _check_slot(data.slot_minutes, data.starts, data.ends)
    valid_from = data.valid_from or now().date()
    if data.valid_until is not None and data.valid_until < valid_from:
        raise ValidationError(_("The last day must not be before the first."), field="valid_until")
    place = _clean_place(data.place)
    with unit_of_work():
        get_adviser(adviser_id)
        for rule in weekly_hours(adviser_id, valid_from):
            overlaps_in_time = rule.starts < data.ends and data.starts < rule.ends
            overlaps_in_dates = data.valid_until is None or rule.valid_from <= data.valid_until
            if rule.weekday == data.weekday and overlaps_in_time and overlaps_in_dates:
                raise ValidationError(
                    _("These hours overlap hours already given on that weekday."), field="starts"
                )
        rule = AdviceHours.create(
            adviser=adviser_id,
            weekday=data.weekday,
            starts=data.starts,
            ends=data.ends,
            slot_minutes=data.slot_minutes,
            place=place,
            valid_from=valid_from,
            valid_until=data.valid_until,
        )
        audit.record(actor, Action.CREATE, "advice_hours", rule.id, after=rule.snapshot())
    return rule


def end_weekly_hours(actor: User, rule_id: int, last_day: dt.date) -> AdviceHours | None:
    """Stop weekly hours after `last_day`; hours that never began are removed.

    Bookings already made stay; the calendar shows them as outside the hours.
    """
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    with unit_of_work():
        rule = AdviceHours.get_or_none(AdviceHours.id == rule_id)
        if rule is None:
            raise NotFound(_("These hours no longer exist."))
        before = rule.snapshot()
        if last_day < rule.valid_from:
            rule.delete_instance()
            audit.record(actor, Action.DELETE, "advice_hours", rule_id, before=before)
            return None
        rule.valid_until = last_day
        rule.save()
        audit.record(
            actor,
            Action.UPDATE,
            "advice_hours",
            rule_id,
            before={"until": before["until"]},
            after={"until": last_day},
        )
    return rule


def add_day_off(
    actor: User,
    adviser_id: int,
    day: dt.date,
    starts: dt.time | None = None,
    ends: dt.time | None = None,
    note: str = "",
) -> AdviceDayChange:
    """A day off, or part of one when `starts` and `ends` are given."""
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    if (starts is None) != (ends is None):
        raise ValidationError(_("Give both the start and the end time."), field="starts")
    if starts is not None:
        _check_times(starts, ends)
    return _add_change(
        actor,
        AdviceDayChange(
            adviser=adviser_id,
            day=day,
            kind=DayChangeKind.OFF.value,
            starts=starts,
            ends=ends,
            note=clean_line(note, NOTE_MAX, "note"),
        ),
    )


def add_extra_hours(
    actor: User,
    adviser_id: int,
    day: dt.date,
    starts: dt.time | None,
    ends: dt.time | None,
    slot_minutes: int = DEFAULT_SLOT_MINUTES,
    place: str = "",
) -> AdviceDayChange:
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    _check_times(starts, ends)
    _check_slot(slot_minutes, starts, ends)
    start, end = _at(day, starts), _at(day, ends)
    if any(window.start < end and start < window.end for window in windows_on(adviser_id, day)):
        raise ValidationError(
            _("These hours overlap hours already given on that day."), field="starts"
        )
    return _add_change(
        actor,
        AdviceDayChange(
            adviser=adviser_id,
            day=day,
            kind=DayChangeKind.EXTRA.value,
            starts=starts,
            ends=ends,
            slot_minutes=slot_minutes,
            place=_clean_place(place),
        ),
    )


def _add_change(actor: User, change: AdviceDayChange) -> AdviceDayChange:
    with unit_of_work():
        get_adviser(change.adviser_id)
        change.save()
        audit.record(actor, Action.CREATE, "advice_day", change.id, after=change.snapshot())
    return change


def remove_day_change(actor: User, change_id: int) -> None:
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    with unit_of_work():
        change = AdviceDayChange.get_or_none(AdviceDayChange.id == change_id)
        if change is None:
            raise NotFound(_("This day off or extra time no longer exists."))
        before = change.snapshot()
        change.delete_instance()
        audit.record(actor, Action.DELETE, "advice_day", change_id, before=before)
