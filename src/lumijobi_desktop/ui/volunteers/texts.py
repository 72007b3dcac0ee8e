"""How volunteer things read on the screens: times, skills, languages, hours and euros.

Shared by the volunteer screens (the register, the friend service, neighbour
help). Weekday names come from babel in the current language, so a free
time reads `ma iltapäivä` in Finnish, `пн після обіду` in Ukrainian and
`Mon afternoon` in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from babel import dates as babel_dates

from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import (
    N_,
    _,
    current_language,
    format_number,
    language_display_name,
)
from lumijobi_desktop.core.volunteers import (
    DAY_PARTS,
    GENDER_NAMES,
    INTERESTS,
    SKILLS,
    Gender,
    VolunteerStatus,
)

A_MONDAY = dt.date(2026, 11, 30)
STATUS_NAMES = {
    VolunteerStatus.ACTIVE: N_("Active now"),
    VolunteerStatus.PAUSED: N_("Paused"),
}
CHECK_MARK, NO_CHECK = "✓", "–"


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_weekday(weekday: int) -> str:
    """`ma` for 0 (Monday) in Finnish, `пн` in Ukrainian, `Mon` in English."""
    day = A_MONDAY + dt.timedelta(days=weekday)
    return babel_dates.format_date(day, "ccc", locale=current_language().babel_locale)


def long_weekday(weekday: int) -> str:
    """`maanantai` for 0: the stand-alone form."""
    day = A_MONDAY + dt.timedelta(days=weekday)
    return babel_dates.format_date(day, "cccc", locale=current_language().babel_locale)


def day_part_name(part: str) -> str:
    """`aamupäivä` for `m`."""
    return _(DAY_PARTS[part]) if part in DAY_PARTS else part


def time_code_text(code: str) -> str:
    """`1a` → `ti iltapäivä` (Tuesday afternoon)."""
    if len(code) != 2 or not code[0].isdigit() or code[1] not in DAY_PARTS:
        return code
    return _("{weekday} {part}").format(
        weekday=short_weekday(int(code[0])), part=day_part_name(code[1])
    )


def _time_order(code: str) -> tuple[str, int]:
    return (code[:1], list(DAY_PARTS).index(code[1]) if code[1:] in DAY_PARTS else 9)


def time_codes_text(codes: Iterable[str]) -> str:
    """`ma iltapäivä, ke aamupäivä`: the times in week order, or '' when none."""
    return ", ".join(time_code_text(code) for code in sorted(set(codes), key=_time_order))


def names_text(codes: Iterable[str], names: Mapping[str, str]) -> str:
    """Codes as their translated names from `names` (msgids), in the order given."""
    return ", ".join(_(names[code]) if code in names else code for code in codes)


def skills_text(codes: Iterable[str]) -> str:
    return names_text(codes, SKILLS)


def interests_text(codes: Iterable[str]) -> str:
    return names_text(codes, INTERESTS)


def languages_text(codes: Iterable[str]) -> str:
    """`Suomi, ukraina`: the first capitalised, the rest as inside a sentence."""
    names = [language_display_name(code, capitalize=False) for code in codes]
    return capitalized(", ".join(names))


def status_name(status: str) -> str:
    return _(STATUS_NAMES[VolunteerStatus(status)]) if status in set(VolunteerStatus) else status


def gender_name(gender: str) -> str:
    return _(GENDER_NAMES[Gender(gender)]) if gender in set(Gender) else ""


def hours_text(minutes: int) -> str:
    """Minutes as hours: `1,5` (Finnish), `0,75` when a tenth of an hour is not exact.

    Two decimals when needed keep the hours and their value in euros in step
    (12,25 h × 10 €/h = 122,50 €, not 12,2 h).
    """
    decimals = 1 if minutes % 6 == 0 else 2
    return format_number(minutes / 60, decimals=decimals)


def hours_with_unit(minutes: int) -> str:
    """`1,5 h`."""
    return _("{hours} h").format(hours=hours_text(minutes))


def money_text(euros: float) -> str:
    """`1 234,50 €`: always euros, with the language's separators."""
    return _("{amount} €").format(amount=format_number(euros, decimals=2))


def rate_text(euros_per_hour: float) -> str:
    """`10,00 €/h`."""
    return _("{amount} €/h").format(amount=format_number(euros_per_hour, decimals=2))


def parse_hours(text: str) -> float:
    """Hours as typed at the desk: `1,5`, `1.5`, `2` or `2 h`.

    Whether the number makes sense (more than 0, at most 24) the core decides.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if cleaned.lower().endswith("h"):
        cleaned = cleaned[:-1]
    try:
        return float(cleaned)
    except ValueError:
        raise ValidationError(
            _("Type the hours as a number, e.g. {example}.").format(example=format_number(1.5)),
            field="hours",
        ) from None
