import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import pytest

from lumijobi_desktop.core import icalendar_export
from lumijobi_desktop.core.icalendar_export import (
    CalendarEntry,
    calendar_text,
    escape_text,
    fold_line,
    write_calendar,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
UKRAINIAN = (
    "Запрошуємо всіх на зустріч: поговоримо про житло, роботу, школу й дитячий садок, "
    "про мовні курси; чай, кава та печиво — безкоштовно. Приходьте з дітьми!\n"
    "Перекладач з української на фінську буде на місці, з 17:00 до 19:30."
)


def _entry(**changes) -> CalendarEntry:
    values = dict(
        uid="E0000017",
        title="Kahvila; koko perhe, tervetuloa",
        starts_at=dt.datetime(2026, 4, 14, 17, 0),
        ends_at=dt.datetime(2026, 4, 14, 19, 30),
        place="Sali 2, Lumijobi",
        description=UKRAINIAN,
        cancelled=False,
        updated_at=dt.datetime(2026, 3, 2, 9, 15),
    )
    values.update(changes)
    return CalendarEntry(**values)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_zoneinfo_knows_helsinki_here():
    assert isinstance(icalendar_export.helsinki(), ZoneInfo)
    assert dt.datetime(2026, 7, 1, tzinfo=HELSINKI).utcoffset() == dt.timedelta(hours=3)


def test_text_escaping():
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert escape_text("one\r\ntwo\rthree") == "one\\ntwo\\nthree"
    assert escape_text("tab\tstays, bell\x07 goes") == "tab\tstays\\, bell goes"
    assert escape_text("Café: «Київ»") == "Café: «Київ»"


def test_long_cyrillic_description_folds_at_75_octets_and_unfolds_back():
    text = calendar_text([_entry()], "Lumijobi")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    continuations = [line for line in lines if line.startswith(" ")]
    assert len(continuations) >= 4
    # Each piece is valid UTF-8 on its own: no character was cut in two.
    for line in lines:
        line.encode("utf-8").decode("utf-8", errors="strict")
    description = next(line for line in _unfold(text) if line.startswith("DESCRIPTION:"))
    assert description == "DESCRIPTION:" + escape_text(UKRAINIAN)


@pytest.mark.parametrize("line", ["x" * 75, "x" * 76, "ж" * 100, "a" + "ж" * 37 + "€😀" * 30])
def test_fold_line_never_exceeds_75_octets(line):
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line
    if len(line.encode("utf-8")) <= 75:
        assert folded == line


def test_calendar_structure():
    text = calendar_text([_entry()], "Lumijobi, tapahtumat")
    lines = _unfold(text)
    assert lines[:7] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Help Center Lumijobi//Lumijobi Desktop//FI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Lumijobi\\, tapahtumat",
        "X-WR-TIMEZONE:Europe/Helsinki",
    ]
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert "UID:E0000017@lumijobi" in lines
    assert "DTSTART;TZID=Europe/Helsinki:20260414T170000" in lines
    assert "DTEND;TZID=Europe/Helsinki:20260414T193000" in lines
    assert "DTSTAMP:20260302T071500Z" in lines  # winter: UTC+2
    assert "SUMMARY:Kahvila\\; koko perhe\\, tervetuloa" in lines
    assert "LOCATION:Sali 2\\, Lumijobi" in lines
    assert "STATUS:CONFIRMED" in lines
    assert lines.index("END:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_summer_time_stamp_and_aware_datetimes():
    aware_start = dt.datetime(2026, 6, 19, 9, 0, tzinfo=dt.UTC)
    entry = _entry(
        starts_at=aware_start,
        ends_at=aware_start + dt.timedelta(hours=2),
        updated_at=dt.datetime(2026, 6, 1, 12, 0),
    )
    lines = _unfold(calendar_text([entry], "Lumijobi"))
    assert "DTSTAMP:20260601T090000Z" in lines
    assert "DTSTART;TZID=Europe/Helsinki:20260619T120000" in lines
    assert "DTEND;TZID=Europe/Helsinki:20260619T140000" in lines


def test_cancelled_event_and_empty_fields():
    lines = _unfold(calendar_text([_entry(cancelled=True, place="", description="")], "L"))
    assert "STATUS:CANCELLED" in lines
    assert "STATUS:CONFIRMED" not in lines
    assert not any(line.startswith(("LOCATION", "DESCRIPTION")) for line in lines)


def test_instant_event_has_no_dtend_and_backwards_event_is_refused():
    start = dt.datetime(2026, 4, 14, 17, 0)
    lines = _unfold(calendar_text([_entry(starts_at=start, ends_at=start)], "L"))
    assert not any(line.startswith("DTEND") for line in lines)
    with pytest.raises(ValueError, match="E0000017"):
        calendar_text([_entry(starts_at=start, ends_at=start - dt.timedelta(hours=1))], "L")


def test_written_file_is_parsed_back(tmp_path):
    entries = [
        _entry(),
        _entry(
            uid="E0000025",
            title="Мовне кафе, фінська; для початківців",
            starts_at=dt.datetime(2026, 10, 31, 10, 0),
            ends_at=dt.datetime(2026, 10, 31, 12, 0),
            place="Бібліотека, 2 поверх",
            description="Рядок 1\nРядок 2: «лапки», крапка з комою; слеш \\ кінець",
            cancelled=True,
            updated_at=dt.datetime(2026, 10, 1, 8, 0),
        ),
    ]
    path = tmp_path / "lumijobi.ics"
    write_calendar(path, entries, "Lumijobi — події")
    data = path.read_bytes()
    assert data == calendar_text(entries, "Lumijobi — події").encode("utf-8")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert list(tmp_path.iterdir()) == [path]

    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Lumijobi — події"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    for entry, event in zip(entries, events, strict=True):
        assert str(event["UID"]) == f"{entry.uid}@lumijobi"
        assert str(event["SUMMARY"]) == entry.title
        assert str(event["LOCATION"]) == entry.place
        assert str(event["DESCRIPTION"]) == entry.description
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert start.tzinfo is not None
        assert start.replace(tzinfo=None) == entry.starts_at
        assert end.replace(tzinfo=None) == entry.ends_at
        assert start == entry.starts_at.replace(tzinfo=HELSINKI)
        assert start.utcoffset() == entry.starts_at.replace(tzinfo=HELSINKI).utcoffset()
        assert str(event["STATUS"]) == ("CANCELLED" if entry.cancelled else "CONFIRMED")
        stamp = event.decoded("DTSTAMP")
        assert stamp == entry.updated_at.replace(tzinfo=HELSINKI)
    assert "Europe/Helsinki" in str(events[0].decoded("DTSTART").tzinfo)


def test_without_a_timezone_database_the_eu_rule_gives_the_same_file(monkeypatch):
    entries = [
        _entry(updated_at=dt.datetime(2026, 3, 29, 3, 30)),
        _entry(updated_at=dt.datetime(2026, 10, 25, 3, 30)),
        _entry(
            updated_at=dt.datetime(2026, 7, 1, 12, 0),
            starts_at=dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC),
        ),
    ]
    with_database = calendar_text(entries, "Lumijobi")

    def missing(key):
        raise ZoneInfoNotFoundError(key)

    monkeypatch.setattr(icalendar_export, "ZoneInfo", missing)
    assert not isinstance(icalendar_export.helsinki(), ZoneInfo)
    assert calendar_text(entries, "Lumijobi") == with_database


def test_eu_rule_matches_zoneinfo_hour_by_hour():
    rule = icalendar_export._HelsinkiByRule()
    instant = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    while instant.year < 2028:
        by_rule = instant.astimezone(rule)
        by_database = instant.astimezone(HELSINKI)
        assert by_rule.replace(tzinfo=None) == by_database.replace(tzinfo=None), instant
        assert by_rule.fold == by_database.fold, instant
        assert by_rule.utcoffset() == by_database.utcoffset(), instant
        assert by_rule.tzname() == by_database.tzname(), instant
        for fold in (0, 1):
            wall = by_database.replace(tzinfo=None, fold=fold)
            assert (
                wall.replace(tzinfo=rule).utcoffset() == wall.replace(tzinfo=HELSINKI).utcoffset()
            ), wall
        instant += dt.timedelta(minutes=30)
