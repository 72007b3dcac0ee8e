"""Headcounts of drop-in meetings: how many came, no names needed.

The coffee meeting has no sign-up; whoever keeps count enters adults and
children and, for the statistics, how many spoke Ukrainian, Finnish or
another language. Named attendance and a tally can both exist for one
meeting; reports take the larger of the two as the number who came.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import Event, get_event
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User

COUNT_MAX = 1000


class EventTally(BaseModel):
    event = pw.ForeignKeyField(Event, unique=True, backref="tallies", on_delete="CASCADE")
    adults = pw.IntegerField(default=0)
    children = pw.IntegerField(default=0)
    ukrainian_speaking = pw.IntegerField(default=0)
    finnish_speaking = pw.IntegerField(default=0)
    other_language = pw.IntegerField(default=0)
    updated_at = pw.DateTimeField(default=now)
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")


@dataclass(frozen=True)
class Counts:
    adults: int = 0
    children: int = 0
    ukrainian_speaking: int = 0
    finnish_speaking: int = 0
    other_language: int = 0

    @property
    def people(self) -> int:
        return self.adults + self.children

    @property
    def by_language(self) -> int:
        return self.ukrainian_speaking + self.finnish_speaking + self.other_language

    def checked(self) -> Counts:
        values = asdict(self)
        if any(value < 0 for value in values.values()):
            raise ValidationError(_("A headcount cannot be negative."))
        if any(value > COUNT_MAX for value in values.values()):
            raise ValidationError(_("A headcount can be at most {count}.").format(count=COUNT_MAX))
        if self.by_language > self.people:
            raise ValidationError(
                _(
                    "More people are counted by language ({languages}) than came "
                    "({people}). Check the numbers."
                ).format(languages=self.by_language, people=self.people)
            )
        return self


COUNT_FIELDS = list(asdict(Counts()))


def counts_of(actor: User, event_id: int) -> Counts:
    require(actor, Permission.VIEW_EVENTS)
    tally = EventTally.get_or_none(EventTally.event == event_id)
    if tally is None:
        return Counts()
    return Counts(**{name: getattr(tally, name) for name in COUNT_FIELDS})


def save_counts(actor: User, event_id: int, counts: Counts) -> Counts:
    """Store the meeting's headcount as typed."""
    require(actor, Permission.HANDLE_SIGNUPS)
    counts = counts.checked()
    with unit_of_work():
        event = get_event(actor, event_id)
        if event.cancelled:
            raise ValidationError(_("This event has been cancelled."))
        before = counts_of(actor, event.id)
        values = {**asdict(counts), "updated_at": now(), "updated_by": actor.id}
        (
            EventTally.insert(event=event.id, **values)
            .on_conflict(conflict_target=[EventTally.event], update=values)
            .execute()
        )
        old, new = audit.changed_fields(asdict(before), asdict(counts))
        if new:
            audit.record(actor, Action.UPDATE, "tally", event.id, before=old, after=new)
    return counts


def add_to_count(actor: User, event_id: int, name: str, step: int = 1) -> Counts:
    """One click on a +1 (or −1) button: the headcount changes by `step`."""
    if name not in COUNT_FIELDS:
        raise ValueError(name)
    with unit_of_work():
        current = counts_of(actor, event_id)
        changed = replace(current, **{name: getattr(current, name) + step})
        if name in ("ukrainian_speaking", "finnish_speaking", "other_language"):
            # Counting someone by language counts them as present, as an adult by default.
            grow = max(0, changed.by_language - changed.people)
            changed = replace(changed, adults=changed.adults + grow)
        return save_counts(actor, event_id, changed)


def tallied_between(actor: User, first: dt.date, last: dt.date) -> Counts:
    """All headcounts of meetings on the days `first`…`last` added up."""
    require(actor, Permission.VIEW_EVENTS)
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    sums = [pw.fn.COALESCE(pw.fn.SUM(getattr(EventTally, name)), 0) for name in COUNT_FIELDS]
    row = (
        EventTally.select(*sums)
        .join(Event)
        .where((Event.starts_at >= start) & (Event.starts_at < end) & Event.cancelled_at.is_null())
        .tuples()
        .first()
    )
    return Counts(*row)
