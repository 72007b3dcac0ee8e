"""Translations and locale formatting shared by the screens and the PDFs.

One gettext catalog per language serves both the Qt screens and the Qt-free
printing code. Source strings are English. `_` looks the text up at call
time, so a language switch applies to everything built after it.

Dates and times use explicit patterns: CLDR's short Ukrainian date has a
two-digit year and Finnish time is written 14.30, Ukrainian 14:30.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

DOMAIN = "lumijobi"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    babel_locale: str
    date_pattern: str
    time_pattern: str


LANGUAGES: dict[str, Language] = {
    "fi": Language("fi", "Suomi", "fi_FI", "dd.MM.yyyy", "HH.mm"),
    "uk": Language("uk", "Українська", "uk_UA", "dd.MM.yyyy", "HH:mm"),
    "en": Language("en", "English", "en_GB", "dd/MM/yyyy", "HH:mm"),
}
DEFAULT_LANGUAGE = "fi"

_current_code = DEFAULT_LANGUAGE
_translations: dict[str, gettext.NullTranslations] = {}


def translation_for(code: str) -> gettext.NullTranslations:
    if code not in _translations:
        _translations[code] = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True
        )
    return _translations[code]


def set_language(code: str) -> None:
    global _current_code
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language: {code}")
    _current_code = code


def current_language() -> Language:
    return LANGUAGES[_current_code]


def _(message: str) -> str:
    return translation_for(_current_code).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translation_for(_current_code).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet (module constants)."""
    return message


def finnish_and(finnish: str, other: str) -> str:
    """'Koko / Розмір' on bilingual papers; just the Finnish when both read the same."""
    return finnish if other == finnish else f"{finnish} / {other}"


def gettext_in(code: str, message: str) -> str:
    """Translate into a given language, e.g. the visitor's half of a bilingual paper."""
    return translation_for(code).gettext(message)


def _language(code: str | None) -> Language:
    return LANGUAGES[code] if code else current_language()


def format_date(value: dt.date, lang: str | None = None) -> str:
    language = _language(lang)
    return babel_dates.format_date(value, language.date_pattern, locale=language.babel_locale)


def format_long_date(value: dt.date, lang: str | None = None) -> str:
    """`24. marraskuuta 2026`, `24 листопада 2026 р.`: month names in the language's own form."""
    language = _language(lang)
    return babel_dates.format_date(value, "long", locale=language.babel_locale)


def format_time(value: dt.time | dt.datetime, lang: str | None = None) -> str:
    language = _language(lang)
    return babel_dates.format_time(value, language.time_pattern, locale=language.babel_locale)


def format_datetime(value: dt.datetime, lang: str | None = None) -> str:
    return f"{format_date(value, lang)} {format_time(value, lang)}"


def format_time_range(start: dt.datetime, end: dt.datetime, lang: str | None = None) -> str:
    """`10.00–10.30`; both dates too when the range runs over midnight."""
    if start.date() == end.date():
        return f"{format_time(start, lang)}–{format_time(end, lang)}"
    return f"{format_datetime(start, lang)} – {format_datetime(end, lang)}"


def format_number(value: float | int, lang: str | None = None, decimals: int | None = None) -> str:
    language = _language(lang)
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=language.babel_locale)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=language.babel_locale)


def weekday_name(value: dt.date, lang: str | None = None) -> str:
    language = _language(lang)
    return babel_dates.format_date(value, "EEEE", locale=language.babel_locale)


def language_display_name(code: str, in_lang: str | None = None, *, capitalize=True) -> str:
    """The name of a spoken language (`uk` → `Ukraina`; `ukraina` inside a sentence)."""
    language = _language(in_lang)
    name = Locale.parse(language.babel_locale).languages.get(code, code)
    return name[:1].upper() + name[1:] if capitalize else name
