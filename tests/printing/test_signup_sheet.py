"""The sign-up sheet read back: bilingual headings, every name once, rows to write on, QR."""

from __future__ import annotations

import io
import itertools
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from tests.pdf_reading import decoded_texts, one_line, page_sizes_mm, page_texts
from tests.printing.event_samples import CODE, COFFEE_MEETING, STARTS

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import format_long_date, format_time, gettext_in
from lumijobi_desktop.printing import signup_sheet
from lumijobi_desktop.printing.event_paper_data import PaperSignup
from lumijobi_desktop.printing.list_sheet import BOTTOM_MARGIN_MM, MARGIN_MM, PAGE_OF
from lumijobi_desktop.printing.signup_sheet import (
    ADULTS,
    ATTENDED,
    CHILDREN,
    NAME,
    NUMBER_COLUMN_MM,
    PHONE,
    ROW_HEIGHT_MM,
    SHEET_TITLE,
    WAITING_LIST,
    render_signup_sheet,
)

EVENT = COFFEE_MEETING
HEADERS = (NAME, PHONE, ADULTS, CHILDREN, ATTENDED)
CYRILLIC_NAME = "Олена Коваленко"
SIGNUPS = (
    PaperSignup(CYRILLIC_NAME, "040 111 2222", 2, 1, attended=False, waiting=False),
    PaperSignup("Matti Virtanen", "", 1, 0, attended=True, waiting=False),
    PaperSignup("Юлія Бондаренко", "+358 44 765 4321", 1, 3, attended=False, waiting=True),
)


def render(tmp_path, signups=SIGNUPS, name="sheet.pdf", **options):
    path = tmp_path / name
    pages = render_signup_sheet(path, EVENT, signups, **options)
    return path, pages


def row_numbers(path) -> list[list[tuple[int, float]]]:
    """Per page, the numbers in the "#" column and their heights on the page (mm)."""
    bottom_margin = BOTTOM_MARGIN_MM * mm  # the footer below it starts with the code's digits
    left = MARGIN_MM * mm
    right = (MARGIN_MM + NUMBER_COLUMN_MM) * mm
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            found: list[tuple[int, float]] = []
            digits, bottom = "", 0.0
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                x0, y0, x1, _ = textpage.get_charbox(index)
                if char.isdigit() and left <= x0 and x1 <= right and y0 > bottom_margin:
                    digits, bottom = digits + char, y0
                    continue
                if digits:
                    found.append((int(digits), bottom / mm))
                digits = ""
            if digits:
                found.append((int(digits), bottom / mm))
            pages.append(found)
        return pages
    finally:
        pdf.close()


def test_the_sheet_is_a4_and_its_qr_code_holds_the_event_code(tmp_path):
    path, pages = render(tmp_path)
    assert pages == 1
    for width, height in page_sizes_mm(path):
        assert width == pytest.approx(210, abs=0.5)
        assert height == pytest.approx(297, abs=0.5)
    assert decoded_texts(path) == [CODE]
    assert group_for_reading(CODE) in page_texts(path)[0]


def test_headings_are_in_finnish_and_the_second_language(tmp_path):
    path, _ = render(tmp_path)
    text = page_texts(path)[0]
    assert gettext_in("fi", SHEET_TITLE).upper() in text
    assert gettext_in("uk", SHEET_TITLE).upper() in text
    for message in HEADERS:
        assert gettext_in("fi", message) in text
        assert gettext_in("uk", message) in text


def test_the_headings_are_translated():
    """Fails until tools/i18n_pending/events_printing.json is merged into the catalogs."""
    for message in (*HEADERS, SHEET_TITLE, WAITING_LIST):
        assert gettext_in("fi", message) != message
        assert gettext_in("uk", message) != message


def test_the_event_is_described_in_both_languages(tmp_path):
    path, _ = render(tmp_path)
    text = page_texts(path)[0]
    for expected in (
        "Tiistaikahvit",
        "Вівторкова кава",
        gettext_in("fi", "Coffee meeting"),
        gettext_in("uk", "Coffee meeting"),
        format_long_date(STARTS.date(), "fi"),
        format_long_date(STARTS.date(), "uk"),
        format_time(STARTS, "fi"),
        format_time(STARTS, "uk"),
        "Lumijoen seurakuntatalo",
        "Lumijoen 4H-yhdistys, Lumijoen seurakunta",
        "Kaikenikäiset",
        "Kahvia, pullaa ja juttelua.",
    ):
        assert one_line(expected) in text, expected


def test_names_with_a_place_come_first_then_the_waiting_list(tmp_path):
    path, _ = render(tmp_path)
    text = page_texts(path)[0]
    waiting_heading = text.index(gettext_in("fi", WAITING_LIST))
    assert CYRILLIC_NAME in text
    assert text.index(CYRILLIC_NAME) < text.index("Matti Virtanen") < waiting_heading
    assert text.index("Юлія Бондаренко") > waiting_heading
    assert "+358 44 765 4321" in text


def test_blank_rows_follow_the_names_numbered_and_tall_enough_to_write_on(tmp_path):
    path, _ = render(tmp_path, blank_rows=5)
    (numbers,) = row_numbers(path)
    assert [number for number, _ in numbers] == list(range(1, 3 + 5 + 1))
    heights = [bottom for _, bottom in numbers]
    assert all(
        # glyph boxes of different digits sit a little differently on the baseline
        upper - lower >= ROW_HEIGHT_MM - 0.2
        for upper, lower in itertools.pairwise(heights)
    )
    assert ROW_HEIGHT_MM >= 9


def test_a_long_list_continues_with_the_headings_and_every_name_once(tmp_path):
    names = [f"Henkilö {n:03d}" for n in range(80)]
    signups = [PaperSignup(name, "", 1, 0, attended=False, waiting=False) for name in names]
    path, pages = render(tmp_path, signups=signups, blank_rows=10)
    texts = page_texts(path)
    assert pages == len(texts) > 1
    everything = " ".join(texts)
    for name in names:
        assert everything.count(name) == 1, name
    for number, text in enumerate(texts, start=1):
        # the page number on every page; the heading row and the title again on later pages
        assert gettext_in("fi", PAGE_OF).format(number=number, total=pages) in text
        assert gettext_in("uk", PAGE_OF).format(number=number, total=pages) in text
        for message in HEADERS:
            assert gettext_in("fi", message) in text
            assert gettext_in("uk", message) in text
        assert "Tiistaikahvit" in text
    numbers = [number for page in row_numbers(path) for number, _ in page]
    assert numbers == list(range(1, 80 + 10 + 1))
    assert decoded_texts(path) == [CODE]  # the QR code is on the first page only


def test_with_finnish_as_the_second_language_everything_is_said_once(tmp_path):
    signups = [PaperSignup("Matti Virtanen", "", 1, 0, attended=False, waiting=False)]
    path, _ = render(tmp_path, signups=signups, second_language="fi")
    text = page_texts(path)[0]
    assert not re.search("[А-Яа-яІіЇїЄєҐґ]", text)
    assert text.count(f"{gettext_in('fi', NAME)} {gettext_in('fi', PHONE)}") == 1
    assert " / " not in text


def test_the_pdf_embeds_dejavu_and_never_helvetica(tmp_path):
    path, _ = render(tmp_path)
    data = path.read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data


def test_a_sheet_can_be_written_to_a_binary_file(tmp_path):
    out = io.BytesIO()
    pages = render_signup_sheet(out, EVENT, [], blank_rows=0)
    assert pages == 1
    assert out.getvalue().startswith(b"%PDF")


@pytest.mark.parametrize("blank_rows", [-1, signup_sheet.MAX_BLANK_ROWS + 1])
def test_the_number_of_blank_rows_is_checked(tmp_path, blank_rows):
    with pytest.raises(ValueError):
        render(tmp_path, blank_rows=blank_rows)


def test_an_unknown_second_language_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render(tmp_path, second_language="xx")
