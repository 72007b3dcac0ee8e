"""The coordinator's day schedule read back: sessions in order, free rows, notes only if asked."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.core.advice_fixtures import BEFORE, TUESDAY, at, topic_id
from tests.core.events_fixtures import make_persons
from tests.pdf_reading import page_sizes_mm, page_texts
from tests.printing import advice_samples
from tests.printing.advice_samples import CENTRE_NAME, SECRET_NOTE, long_day

from lumijobi_desktop.core import advice_queue, i18n
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import PermissionDenied
from lumijobi_desktop.core.i18n import _, format_time_range
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.printing.advice_day import (
    BOOKED_AND_FREE,
    CAME,
    CONFIDENTIAL,
    FREE,
    HELD_FOR,
    INTERPRETER,
    NAME,
    NO_HOURS,
    NOTES,
    PAGE_OF,
    STATUS,
    TIME,
    TOPIC,
)
from lumijobi_desktop.printing.advice_papers import write_day_schedule
from lumijobi_desktop.printing.advice_slip import format_full_date

HEADERS = (TIME, NAME, TOPIC, INTERPRETER, STATUS, CAME)
SATURDAY = TUESDAY + dt.timedelta(days=4)


@pytest.fixture
def day(users):
    return advice_samples.tuesday(users)


def schedule(tmp_path, actor, adviser, on=TUESDAY, name="day.pdf", **options):
    path = tmp_path / name
    pages = write_day_schedule(actor, adviser.id, on, path, **options)
    return path, pages


def note_reads() -> list[AuditEntry]:
    return list(
        AuditEntry.select()
        .where((AuditEntry.action == "read") & (AuditEntry.entity == "advice_note"))
        .order_by(AuditEntry.id)
    )


def slot(start: tuple[int, int], end: tuple[int, int]) -> str:
    return format_time_range(at(TUESDAY, *start), at(TUESDAY, *end))


def test_the_day_lists_sessions_in_time_order_with_free_rows_between(tmp_path, day, volunteer):
    path, pages = schedule(tmp_path, volunteer, day.coordinator)
    assert pages == 1
    [(width, height)] = page_sizes_mm(path)
    assert (width, height) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
    [text] = page_texts(path)
    assert "Kaisa Coordinator" in text
    assert format_full_date(TUESDAY) in text
    assert CENTRE_NAME in text
    assert slot((10, 0), (14, 0)) in text  # the hours of the day
    for message in HEADERS:
        assert _(message) in text
    rows = [
        f"{slot((10, 0), (10, 30))} Olena Kovalenko 040 111 2222",
        f"{slot((10, 30), (11, 0))} {_(FREE)}",
        f"{slot((11, 0), (12, 0))} Ivan Petrov 044 765 4321",
        f"{slot((12, 0), (12, 30))} {_(FREE)}",
        f"{slot((12, 30), (13, 0))} {_(FREE)}",
        f"{slot((13, 0), (13, 30))} Matti Virtanen 050 333 4444",
        f"{slot((13, 30), (14, 0))} {_(FREE)}",
    ]
    positions = [text.index(row) for row in rows]
    assert positions == sorted(positions)
    assert "Kela benefits" in text and "Residence permits" in text  # topics
    assert "Ukrainian" in text and "Russian" in text  # languages, interpreter


def test_cancelled_sessions_are_left_out(tmp_path, day, volunteer):
    path, _pages = schedule(tmp_path, volunteer, day.coordinator)
    [text] = page_texts(path)
    assert "Peruttu" not in text


def test_notes_are_left_out_unless_asked_for_and_nothing_is_read(tmp_path, day, users):
    for role in (Role.VOLUNTEER, Role.COORDINATOR, Role.ADMIN):
        path, _pages = schedule(tmp_path, users[role], day.coordinator, name=f"{role}.pdf")
        [text] = page_texts(path)
        assert SECRET_NOTE not in text
        assert _(CONFIDENTIAL) not in text
    assert note_reads() == []


def test_the_coordinator_prints_the_notes_and_every_read_is_audited(tmp_path, day):
    coordinator = day.coordinator
    path, _pages = schedule(tmp_path, coordinator, coordinator, with_notes=True)
    [text] = page_texts(path)
    assert SECRET_NOTE in text
    assert _(CONFIDENTIAL) in text
    assert _(NOTES) in text
    # the note follows its own session, before the next row
    assert text.index("Olena Kovalenko") < text.index(SECRET_NOTE) < text.index("Ivan Petrov")
    reads = note_reads()
    # one read for each session on the sheet, none for the cancelled one
    assert sorted(entry.entity_id for entry in reads) == sorted(
        [day.olena_session, day.ivan_session, day.matti_session]
    )
    assert all(entry.user_id == coordinator.id for entry in reads)


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.STAFF])
def test_desk_and_staff_cannot_print_the_notes(tmp_path, day, users, role):
    with pytest.raises(PermissionDenied):
        schedule(tmp_path, users[role], day.coordinator, with_notes=True)
    assert not (tmp_path / "day.pdf").exists()
    assert note_reads() == []


def test_the_volunteer_is_refused_the_notes_even_on_an_empty_day(tmp_path, users):
    coordinator = users[Role.COORDINATOR]
    with pytest.raises(PermissionDenied):
        schedule(tmp_path, users[Role.VOLUNTEER], coordinator, on=SATURDAY, with_notes=True)


def test_a_time_held_for_the_queue_is_shown_as_such(tmp_path, day, volunteer):
    [waiting] = make_persons(volunteer, "Jonottaja Esimerkki")
    advice_queue.add_to_queue(
        volunteer, waiting.id, advice_queue.WishData(topic_id=topic_id()), BEFORE
    )
    path, _pages = schedule(tmp_path, volunteer, day.coordinator)
    [text] = page_texts(path)
    held = _(HELD_FOR).format(name="Jonottaja Esimerkki")
    assert f"{slot((10, 30), (11, 0))} {held}" in text


def test_a_long_day_runs_over_pages_with_headings_and_page_numbers(tmp_path, users):
    coordinator = users[Role.COORDINATOR]
    long_day(coordinator, coordinator, SATURDAY)
    path, pages = schedule(tmp_path, coordinator, coordinator, on=SATURDAY)
    texts = page_texts(path)
    assert pages == len(texts) > 1
    for number, text in enumerate(texts, start=1):
        assert _(PAGE_OF).format(number=number, total=pages) in text
        for message in HEADERS:
            assert _(message) in text
        assert "Kaisa Coordinator" in text
    everything = " ".join(texts)
    start = dt.datetime.combine(SATURDAY, dt.time(8))
    for index in range(48):
        begin = start + dt.timedelta(minutes=15 * index)
        row = f"{format_time_range(begin, begin + dt.timedelta(minutes=15))} {_(FREE)}"
        assert everything.count(row) == 1, row


def test_the_sheet_is_in_the_apps_language(tmp_path, day, volunteer):
    i18n.set_language("fi")
    path, _pages = schedule(tmp_path, volunteer, day.coordinator)
    [text] = page_texts(path)
    assert "Tiistai 1. joulukuuta 2026" in text
    assert "Sivu 1 (1)" in text
    assert "10.00–10.30" in text


def test_a_day_without_hours_says_so(tmp_path, users):
    coordinator = users[Role.COORDINATOR]
    path, pages = schedule(tmp_path, coordinator, coordinator, on=SATURDAY)
    assert pages == 1
    [text] = page_texts(path)
    assert _(NO_HOURS) in text
    assert _(BOOKED_AND_FREE).format(booked=0, free=0) in text


def test_the_schedule_embeds_dejavu_and_never_helvetica(tmp_path, day):
    path, _pages = schedule(tmp_path, day.coordinator, day.coordinator, with_notes=True)
    data = path.read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data
