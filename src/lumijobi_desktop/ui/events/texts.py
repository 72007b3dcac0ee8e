"""How an event's time and head counts read on the screens (the desk and the event page)."""

from __future__ import annotations

import datetime as dt

from babel import dates as babel_dates

from lumijobi_desktop.core.events import Event, EventKind
from lumijobi_desktop.core.i18n import (
    _,
    current_language,
    format_date,
    format_time_range,
    ngettext,
    weekday_name,
)


def short_day(value: dt.date) -> str:
    """`ti 1.12.`, `вт, 01.12`, `Tue 01/12`: the weekday and the day, in the language's form."""
    return babel_dates.format_skeleton("MEd", value, locale=current_language().babel_locale)


def time_range(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """`10.00–12.00`, or both dates when the event runs over several days."""
    return format_time_range(starts_at, ends_at)


def when_text(event: Event) -> str:
    """`tiistaina 01.12.2026 klo 10.00–12.00` (Finnish)."""
    day = event.starts_at.date()
    if day != event.ends_at.date():
        return time_range(event.starts_at, event.ends_at)
    weekday = weekday_name(day)
    return _("{weekday} {date}, {times}").format(
        weekday=weekday[:1].upper() + weekday[1:],
        date=format_date(day),
        times=time_range(event.starts_at, event.ends_at),
    )


def places_text(capacity: int | None, signed_up: int, waiting: int) -> str:
    """`18 / 20 places taken · 3 on the waiting list`."""
    if capacity:
        parts = [_("{taken} / {capacity} places taken").format(taken=signed_up, capacity=capacity)]
    else:
        parts = [
            ngettext("{count} person signed up", "{count} people signed up", signed_up).format(
                count=signed_up
            )
        ]
    if waiting:
        parts.append(_("{count} on the waiting list").format(count=waiting))
    return " · ".join(parts)


def party_text(adults: int, children: int) -> str:
    """`2 adults, 1 child`."""
    parts = [ngettext("{count} adult", "{count} adults", adults).format(count=adults)]
    if children:
        parts.append(ngettext("{count} child", "{count} children", children).format(count=children))
    return ", ".join(parts)


def door_first(event: Event) -> bool:
    """Coffee meetings and drop-in events open at the door; sign-up events at the sign-ups."""
    return event.kind == EventKind.COFFEE.value or not event.signup_required
