"""What the event papers (sign-up sheet, poster) need to know, as plain data.

The papers take these instead of database rows, so they can be printed
from the screens, the command line and the tests alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from lumijobi_desktop.core.i18n import (
    N_,
    finnish_and,
    format_long_date,
    format_time,
    gettext_in,
    language_display_name,
    weekday_name,
)


@dataclass(frozen=True)
class PaperEvent:
    code: str
    """The event's scanner code, e.g. `E0000171`; its QR code holds exactly this."""
    titles: Mapping[str, str]
    """Title by language code; "fi" is always there, the others may be missing or empty."""
    kind_name_msgid: str
    """The kind's untranslated English name ("Coffee meeting"); papers translate it."""
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    description: str
    capacity: int | None
    languages: tuple[str, ...]
    """Codes of the languages spoken at the event, e.g. ("fi", "uk")."""
    partners: tuple[str, ...]
    """Names of the partner organisations."""
    age_group: str
    signup_required: bool

    def title_in(self, lang: str) -> str:
        """The title in `lang`, or the Finnish one when that language has none."""
        return (self.titles.get(lang) or "").strip() or self.titles["fi"]


@dataclass(frozen=True)
class PaperSignup:
    name: str
    phone: str
    adults: int
    children: int
    attended: bool
    waiting: bool
    """On the waiting list rather than among those who got a place."""


# Texts both event papers print. Their translations wait in
# tools/i18n_pending/events_printing.json until they are merged into the catalogs.
# NOTE: When an event is, e.g. "tiistaina 24. marraskuuta 2026 klo 14.00–16.00". {weekday} is
# the weekday as the language writes it before a date, {date} the long date, {start} and {end}
# clock times.
WHEN_SAME_DAY = N_("{weekday} {date}, {start}–{end}")
# NOTE: An event over several days: weekday, long date and clock time of its start and its end.
WHEN_SEVERAL_DAYS = N_("{start_weekday} {start_date} {start} – {end_weekday} {end_date} {end}")
IN_COOPERATION_WITH = N_("In cooperation with")
AGE_GROUP = N_("Age group")
LANGUAGES_SPOKEN = N_("Languages spoken")
PLACE = N_("Place")


def both(message: str, second: str) -> str:
    """'Paikka / Місце': Finnish first, then the second language when it reads differently."""
    return finnish_and(gettext_in("fi", message), gettext_in(second, message))


def when_text(event: PaperEvent, lang: str) -> str:
    """'tiistaina 24. marraskuuta 2026 klo 14.00–16.00' in `lang`'s own words and formats."""
    start, end = event.starts_at, event.ends_at
    if end.date() == start.date():
        return gettext_in(lang, WHEN_SAME_DAY).format(
            weekday=weekday_name(start.date(), lang),
            date=format_long_date(start.date(), lang),
            start=format_time(start, lang),
            end=format_time(end, lang),
        )
    return gettext_in(lang, WHEN_SEVERAL_DAYS).format(
        start_weekday=weekday_name(start.date(), lang),
        start_date=format_long_date(start.date(), lang),
        start=format_time(start, lang),
        end_weekday=weekday_name(end.date(), lang),
        end_date=format_long_date(end.date(), lang),
        end=format_time(end, lang),
    )


def languages_text(event: PaperEvent, lang: str) -> str:
    """'Suomi, ukraina': the spoken languages named in `lang`, as one would write them."""
    names = [language_display_name(code, lang, capitalize=False) for code in event.languages]
    return capitalized(", ".join(names))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
