"""Sharing the calendar with partners: the events of a period as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import Event
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.icalendar_export import CalendarEntry, write_calendar
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User


def calendar_entries(actor: User, first: dt.date, last: dt.date, lang: str) -> list[CalendarEntry]:
    """Events starting on `first`…`last`, titled in `lang`; cancelled ones stay, marked,
    so a partner's calendar that imported them before learns of the cancellation.
    """
    require(actor, Permission.VIEW_EVENTS)
    if last < first:
        raise ValidationError(_("The end of the period must not be before its start."))
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    query = (
        Event.select()
        .where((Event.starts_at >= start) & (Event.starts_at < end))
        .order_by(Event.starts_at, Event.id)
    )
    return [
        CalendarEntry(
            uid=event.code,
            title=event.title_in(lang),
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            place=event.place,
            description=event.description,
            cancelled=event.cancelled,
            updated_at=max(event.updated_at, event.cancelled_at or event.updated_at),
        )
        for event in query
    ]


def export_calendar(
    actor: User, path: Path, first: dt.date, last: dt.date, calendar_name: str, lang: str = "fi"
) -> int:
    """Write the period's events to `path`; returns how many were written."""
    entries = calendar_entries(actor, first, last, lang)
    write_calendar(path, entries, calendar_name)
    return len(entries)
