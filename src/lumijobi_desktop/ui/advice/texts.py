"""How advice sessions read on the screens: languages, the interpreter, when, the state of a time.

Shared by the advice screens (calendar, booking, queue, notes). Every
date and time goes through the i18n formatters, so Finnish reads
`Tiistaina 01.12.2026 klo 10.00–10.30` and Ukrainian `Вівторок, 01.12.2026, 10:00–10:30`.
"""

from __future__ import annotations

import datetime as dt

from babel import dates as babel_dates

from lumijobi_desktop.core import database
from lumijobi_desktop.core.advice import SessionStatus, Slot, SlotState, status_name
from lumijobi_desktop.core.i18n import (
    _,
    current_language,
    format_date,
    format_time_range,
    language_display_name,
    weekday_name,
)
from lumijobi_desktop.ui.events.texts import short_day


def current_moment() -> dt.datetime:
    """The desk's 'now' (through the database module, so tests can set the clock there)."""
    return database.now()


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_text(day: dt.date) -> str:
    """`Tiistai 01.12.2026`: the weekday (its stand-alone form) and the date."""
    weekday = babel_dates.format_date(day, "cccc", locale=current_language().babel_locale)
    return _("{weekday} {date}").format(weekday=capitalized(weekday), date=format_date(day))


def slot_when(start: dt.datetime, end: dt.datetime) -> str:
    """`Tiistaina 01.12.2026 klo 10.00–10.30` (Finnish), as the events say it."""
    return _("{weekday} {date}, {times}").format(
        weekday=capitalized(weekday_name(start.date())),
        date=format_date(start.date()),
        times=format_time_range(start, end),
    )


def language_text(code: str) -> str:
    """The spoken language's name in the user's language, or '' when none was given."""
    return language_display_name(code) if code else ""


def interpreter_text(row) -> str:
    """`Interpreter: arabic` for a row that needs an interpreter; '' if none is needed."""
    if not getattr(row, "interpreter_needed", False):
        return ""
    code = getattr(row, "interpreter_language", "")
    if not code:
        return _("Interpreter needed")
    return _("Interpreter: {language}").format(
        language=language_display_name(code, capitalize=False)
    )


def interpreter_language_text(row) -> str:
    """Under an 'Interpreter' heading: the language the interpreter is for, or ''."""
    if not getattr(row, "interpreter_needed", False):
        return ""
    return language_text(getattr(row, "interpreter_language", "")) or _("Needed")


def language_and_interpreter(row) -> str:
    """`Ukrainian · Interpreter: arabic`: what the desk tells the coordinator about language."""
    parts = [language_text(getattr(row, "language", ""))]
    parts.append(interpreter_text(row))
    return " · ".join(part for part in parts if part)


def status_text(status: str) -> str:
    return status_name(status)


def slot_state_text(slot: Slot) -> str:
    """One word or two for a time in the calendar: Free, Held for the queue, Booked, Done…"""
    if slot.state == SlotState.FREE:
        return _("Free")
    if slot.state == SlotState.HELD:
        return _("Held for the queue")
    status = slot.session.status if slot.session is not None else SessionStatus.BOOKED.value
    return status_name(status)


def held_text(name: str) -> str:
    return _("Held for {name}").format(name=name)


def slot_tooltip(slot: Slot) -> str:
    """Everything about a time in a few lines, for hovering over it in the week."""
    lines = [slot_when(slot.start, slot.end)]
    if slot.state == SlotState.FREE:
        lines.append(_("Free"))
    elif slot.state == SlotState.HELD:
        lines.append(held_text(slot.held_for))
    elif slot.session is not None:
        row = slot.session
        lines.append(row.person_name)
        if row.phone:
            lines.append(row.phone)
        lines.append(row.topic)
        language = language_and_interpreter(row)
        if language:
            lines.append(language)
        lines.append(status_name(row.status))
    if slot.outside_hours:
        lines.append(_("Outside the coordinator's hours"))
    if slot.place:
        lines.append(slot.place)
    return "\n".join(lines)


def advice_when(start: dt.datetime, minutes: int) -> str:
    """`ti 1.12. 10.00–10.30`: the day and the times, in the language's form."""
    end = start + dt.timedelta(minutes=minutes)
    return " ".join([short_day(start.date()), format_time_range(start, end)])
