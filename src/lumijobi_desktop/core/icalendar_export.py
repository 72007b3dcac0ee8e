"""Events as an RFC 5545 iCalendar file that phones and calendar programs import.

Times are written in local Finnish time with TZID=Europe/Helsinki, and the
file carries its own VTIMEZONE, so a reader needs no time-zone database.
Naive datetimes are Finnish local time. Lines end in CRLF and are folded
at 75 octets of UTF-8 without splitting a character, as the RFC requires.

DTSTAMP and LAST-MODIFIED are UTC. The conversion uses zoneinfo; where no
time-zone database is installed (Windows without the `tzdata` package) the
same EU summer-time rule that the VTIMEZONE states is applied by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TZID = "Europe/Helsinki"
PRODID = "-//Help Center Lumijobi//Lumijobi Desktop//FI"
UID_DOMAIN = "lumijobi"
MAX_LINE_OCTETS = 75
CRLF = "\r\n"

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "DTSTART:19700329T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "DTSTART:19701025T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarEntry:
    """One event as the calendar file shows it. Naive datetimes are Finnish local time."""

    uid: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    description: str
    cancelled: bool
    updated_at: dt.datetime


class _HelsinkiByRule(dt.tzinfo):
    """EET/EEST by the EU rule: summer time from 01:00 UTC on the last Sunday of March
    to 01:00 UTC on the last Sunday of October. Used only without a tz database."""

    _STANDARD = dt.timedelta(hours=2)
    _HOUR = dt.timedelta(hours=1)

    @staticmethod
    def _last_sunday_utc(year: int, month: int) -> dt.datetime:
        last = dt.datetime(year, month, 31, 1)
        return last - dt.timedelta(days=(last.weekday() + 1) % 7)

    def _is_summer_utc(self, utc: dt.datetime) -> bool:
        return self._last_sunday_utc(utc.year, 3) <= utc < self._last_sunday_utc(utc.year, 10)

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        return self._STANDARD + self.dst(value)

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        if value is None:
            return dt.timedelta(0)
        local = value.replace(tzinfo=None)
        summer_fits = self._is_summer_utc(local - self._STANDARD - self._HOUR)
        winter_fits = not self._is_summer_utc(local - self._STANDARD)
        if summer_fits != winter_fits:
            return self._HOUR if summer_fits else dt.timedelta(0)
        # Both fit: the repeated October hour, where fold=0 is the first (summer) one.
        # Neither fits: the skipped March hour, where fold=0 reads with the offset before.
        is_summer = (value.fold == 0) == summer_fits
        return self._HOUR if is_summer else dt.timedelta(0)

    def fromutc(self, value: dt.datetime) -> dt.datetime:
        utc = value.replace(tzinfo=None)
        summer = self._is_summer_utc(utc)
        local = utc + self._STANDARD + (self._HOUR if summer else dt.timedelta(0))
        repeated = not summer and self._is_summer_utc(utc - self._HOUR)
        return local.replace(tzinfo=self, fold=1 if repeated else 0)

    def tzname(self, value: dt.datetime | None) -> str:
        return "EEST" if self.dst(value) else "EET"


def helsinki() -> dt.tzinfo:
    """Europe/Helsinki from zoneinfo, or the EU rule when no tz database is installed."""
    try:
        return ZoneInfo(TZID)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return _HelsinkiByRule()


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks; other controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line into pieces of at most 75 UTF-8 octets joined by CRLF + space.

    The leading space of a continuation counts towards its 75 octets, and a
    multi-byte character is never cut in two.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def _local(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Finnish wall-clock time, without tzinfo."""
    if value.tzinfo is None:
        return value
    return value.astimezone(zone).replace(tzinfo=None)


def _utc(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(dt.UTC)


def _local_stamp(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _utc_stamp(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")


def _event_lines(entry: CalendarEntry, zone: dt.tzinfo) -> list[str]:
    starts_at = _local(entry.starts_at, zone)
    ends_at = _local(entry.ends_at, zone)
    if ends_at < starts_at:
        raise ValueError(f"event {entry.uid!r} ends before it starts")
    updated = _utc_stamp(_utc(entry.updated_at, zone))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(f'{entry.uid}@{UID_DOMAIN}')}",
        f"DTSTAMP:{updated}",
        f"LAST-MODIFIED:{updated}",
        f"DTSTART;TZID={TZID}:{_local_stamp(starts_at)}",
    ]
    if ends_at > starts_at:  # RFC 5545: DTEND must be later; without it the event is instant.
        lines.append(f"DTEND;TZID={TZID}:{_local_stamp(ends_at)}")
    lines.append(f"SUMMARY:{escape_text(entry.title)}")
    if entry.place:
        lines.append(f"LOCATION:{escape_text(entry.place)}")
    if entry.description:
        lines.append(f"DESCRIPTION:{escape_text(entry.description)}")
    lines.append("STATUS:CANCELLED" if entry.cancelled else "STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return lines


def calendar_text(entries: Iterable[CalendarEntry], calendar_name: str) -> str:
    """The whole calendar: CRLF line endings, folded lines, ending in CRLF."""
    zone = helsinki()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for entry in entries:
        lines.extend(_event_lines(entry, zone))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def write_calendar(path: Path | str, entries: Iterable[CalendarEntry], calendar_name: str) -> None:
    """Write the calendar as UTF-8 bytes exactly (no newline translation), replacing atomically."""
    path = Path(path)
    data = calendar_text(entries, calendar_name).encode("utf-8")
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
