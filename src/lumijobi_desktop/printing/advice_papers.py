"""The advice papers for stored sessions: the visitor's appointment slip and the day schedule.

The layouts (`advice_slip`, `advice_day`) take plain data; this module
reads the sessions, the coordinator's hours and the centre's settings for
them. The slip is printed by the desk (BOOK_ADVICE) and never holds notes.
The day schedule holds notes only when asked for, and then reads them
through `advice_notes.read_notes`: only the coordinator and admins may, and
every read is audited.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from lumijobi_desktop.core import advice, advice_hours, advice_notes, advice_topics, settings
from lumijobi_desktop.core.advice import SessionRow, SessionStatus, SlotState, status_name
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import LANGUAGES, _, language_display_name
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User
from lumijobi_desktop.printing.advice_day import (
    DaySchedule,
    HoursLine,
    LineKind,
    ScheduleLine,
    ScheduleNote,
    render_day_schedule,
)
from lumijobi_desktop.printing.advice_slip import SLIP_PAPERS, SlipData, render_slip

__all__ = [
    "SLIP_PAPERS",
    "day_schedule",
    "slip_data",
    "slip_language",
    "write_day_schedule",
    "write_slip",
]

FALLBACK_LANGUAGE = "en"
"""The slip's second language for a visitor whose own language the app does not have."""


# -- the slip -----------------------------------------------------------------------------------


def slip_language(session_language: str, person_languages: list[str] | tuple[str, ...] = ()) -> str:
    """The language the slip speaks besides Finnish.

    The session's language when the app has it (fi, uk, en); when the session
    has none, the first of the person's languages; English for any other
    language, so a Russian or Arabic speaker still gets a second language
    most can read. "fi" means a Finnish-only slip.
    """
    language = session_language or next(iter(person_languages), "")
    return language if language in LANGUAGES else FALLBACK_LANGUAGE


def _check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Choose one of the languages: {codes}.").format(codes=", ".join(LANGUAGES)),
            field="language",
        )
    return lang


def _check_paper(paper: str) -> str:
    if paper not in SLIP_PAPERS:
        raise ValidationError(
            _("Choose one of the paper sizes: {sizes}.").format(sizes=", ".join(SLIP_PAPERS)),
            field="paper",
        )
    return paper


def slip_data(actor: User, row: SessionRow) -> SlipData:
    """What the slip of a session says: who, when, where, with whom, about what."""
    require(actor, Permission.BOOK_ADVICE)
    topic = advice_topics.get_topic(row.topic_id)
    languages = advice_topics.TOPIC_LANGUAGES
    return SlipData(
        person_name=row.person_name,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        adviser_name=row.adviser_name,
        topic_names={lang: topic.name_in(lang) for lang in languages},
        topic_bring={lang: topic.bring_in(lang) for lang in languages},
        place=row.place,
        bring=row.bring,
        interpreter_language=row.interpreter_language if row.interpreter_needed else "",
        centre_name=str(settings.get(settings.CENTRE_NAME) or ""),
        centre_address=str(settings.get(settings.CENTRE_ADDRESS) or ""),
        centre_phone=str(settings.get(settings.CENTRE_PHONE) or ""),
    )


def write_slip(
    actor: User,
    session_id: int,
    out: str | os.PathLike[str] | BinaryIO,
    lang: str | None = None,
    paper: str = "a6",
) -> None:
    """The visitor's appointment slip in Finnish and `lang` (see `slip_language` for None).

    `paper` is "a6" (an A6 page) or "half-a4" (the top half of an A4 sheet,
    with a line to cut along). A cancelled session has no slip.
    """
    require(actor, Permission.BOOK_ADVICE)
    _check_paper(paper)
    if lang is not None:
        _check_language(lang)
    row = advice.session_row(actor, session_id)
    if row.status == SessionStatus.CANCELLED.value:
        raise ValidationError(_("This session is cancelled: there is no slip to print."))
    if lang is None:
        person = Person.get_or_none(Person.id == row.person_id) if row.person_id else None
        lang = slip_language(row.language, person.languages if person else ())
    render_slip(out, slip_data(actor, row), lang, paper)


# -- the day schedule ---------------------------------------------------------------------------


def day_schedule(
    actor: User, adviser_id: int, day: dt.date, with_notes: bool = False
) -> DaySchedule:
    """The adviser's day as the schedule prints it; with notes only for those who may read them.

    Reading the notes writes one audit entry per session.
    """
    require(actor, Permission.BOOK_ADVICE)
    if with_notes:
        # Refused before anything is read, also on a day without sessions.
        require(actor, Permission.READ_CONFIDENTIAL_NOTES)
    adviser = advice_hours.get_adviser(adviser_id)
    [plan] = advice.day_plans(actor, adviser_id, day, day)
    lines = []
    for slot in plan.slots:
        if slot.state == SlotState.FREE:
            lines.append(ScheduleLine(LineKind.FREE, slot.start, slot.end))
        elif slot.state == SlotState.HELD:
            lines.append(
                ScheduleLine(LineKind.HELD, slot.start, slot.end, person_name=slot.held_for)
            )
        elif slot.session is not None:
            lines.append(_session_line(actor, slot.session, slot.outside_hours, with_notes))
    return DaySchedule(
        adviser_name=adviser.display_name,
        day=day,
        lines=lines,
        hours=[
            HoursLine(window.start, window.end, window.place, window.extra)
            for window in plan.windows
        ],
        centre_name=str(settings.get(settings.CENTRE_NAME) or ""),
        with_notes=with_notes,
        printed_at=now(),
    )


def _session_line(
    actor: User, row: SessionRow, outside_hours: bool, with_notes: bool
) -> ScheduleLine:
    notes: tuple[ScheduleNote, ...] = ()
    if with_notes:
        notes = tuple(
            ScheduleNote(note.written_at, note.written_by, note.text)
            for note in advice_notes.read_notes(actor, row.id)
        )
    return ScheduleLine(
        LineKind.SESSION,
        row.starts_at,
        row.ends_at,
        person_name=row.person_name,
        phone=row.phone,
        topic=row.topic,
        language=language_display_name(row.language) if row.language else "",
        interpreter=(
            language_display_name(row.interpreter_language)
            if row.interpreter_needed and row.interpreter_language
            else ""
        ),
        status=status_name(row.status),
        came=row.status == SessionStatus.DONE.value,
        outside_hours=outside_hours,
        notes=notes,
    )


def write_day_schedule(
    actor: User,
    adviser_id: int,
    day: dt.date,
    out: str | os.PathLike[str] | BinaryIO,
    with_notes: bool = False,
) -> int:
    """The adviser's A4 day schedule in the app's language; returns the number of pages.

    Cancelled sessions are left out; free times are rows of their own. With
    `with_notes`, each session's notes are printed under it (coordinator and
    admin only: PermissionDenied for others, and every read is audited).
    """
    return render_day_schedule(out, day_schedule(actor, adviser_id, day, with_notes))
