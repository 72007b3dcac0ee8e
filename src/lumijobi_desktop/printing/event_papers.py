"""The event papers for a stored event: its sign-up sheet and its poster.

The layouts take plain data (`event_paper_data`); this module reads the
event, its partners and its sign-ups from the database for them.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from lumijobi_desktop.core import events, registrations
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import EVENT_KIND_NAMES, Event, EventKind
from lumijobi_desktop.core.i18n import LANGUAGES, _
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.registrations import RegistrationStatus
from lumijobi_desktop.core.users import User
from lumijobi_desktop.printing.event_paper_data import PaperEvent, PaperSignup
from lumijobi_desktop.printing.event_poster import render_event_poster
from lumijobi_desktop.printing.signup_sheet import render_signup_sheet

BLANK_ROWS_MAX = 200


def paper_event(event: Event) -> PaperEvent:
    partner_names = tuple(Partner.get_by_id(partner_id).name for partner_id in event.partner_ids)
    return PaperEvent(
        code=event.code,
        titles={"fi": event.title, "uk": event.title_uk, "en": event.title_en},
        kind_name_msgid=EVENT_KIND_NAMES[EventKind(event.kind)],
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        description=event.description,
        capacity=event.capacity,
        languages=tuple(event.language_codes),
        partners=partner_names,
        age_group=event.age_group,
        signup_required=event.signup_required,
    )


def paper_signups(actor: User, event_id: int) -> list[PaperSignup]:
    return [
        PaperSignup(
            name=row.name,
            phone=row.phone,
            adults=row.adults,
            children=row.children,
            attended=row.attended,
            waiting=row.status == RegistrationStatus.WAITING.value,
        )
        for row in registrations.registration_rows(actor, event_id)
        if row.name  # anonymous walk-ins have no line to sign
    ]


def check_paper_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Choose one of the languages: {codes}.").format(codes=", ".join(LANGUAGES)),
            field="language",
        )
    return lang


def write_signup_sheet(
    actor: User,
    event_id: int,
    out: str | os.PathLike | BinaryIO,
    second_language: str = "uk",
    blank_rows: int = 10,
) -> int:
    """The event's A4 sign-up sheet with the names so far; returns the number of pages."""
    require(actor, Permission.PRINT_PAPERS)
    check_paper_language(second_language)
    if not 0 <= blank_rows <= BLANK_ROWS_MAX:
        raise ValidationError(
            _("The number of blank rows must be between 0 and {count}.").format(
                count=BLANK_ROWS_MAX
            ),
            field="blank_rows",
        )
    event = events.get_event(actor, event_id)
    return render_signup_sheet(
        out, paper_event(event), paper_signups(actor, event.id), second_language, blank_rows
    )


def write_poster(
    actor: User, event_id: int, out: str | os.PathLike | BinaryIO, second_language: str = "uk"
) -> None:
    require(actor, Permission.PRINT_PAPERS)
    check_paper_language(second_language)
    event = events.get_event(actor, event_id)
    render_event_poster(out, paper_event(event), second_language)
