"""The event poster read back: one A4 page, both titles, a big QR code, nothing off the page."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from tests.pdf_reading import DPI, decoded_qr_codes, one_line, page_sizes_mm, page_texts
from tests.printing.event_samples import CODE, COFFEE_MEETING, STARTS

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import format_long_date, format_time, gettext_in
from lumijobi_desktop.printing.event_poster import (
    EVERYONE_WELCOME,
    MARGIN_MM,
    SIGN_UP_AT_DESK,
    render_event_poster,
)

EVENT = COFFEE_MEETING
LONG_FI = (
    "Lumijoen kylien yhteinen syystapahtuma: ruokaa, musiikkia, leikkejä lapsille, tietoa "
    "harrastuksista ja yhdistyksistä sekä neuvontaa arjen asioissa koko perheelle "
) * 3
LONG_UK = (
    "Спільне осіннє свято сіл Лумійокі: їжа, музика, ігри для дітей, інформація про гуртки "
    "та об’єднання, а також консультації з повсякденних питань для всієї родини "
) * 3


def render(tmp_path, event=EVENT, name="poster.pdf", **options):
    path = tmp_path / name
    render_event_poster(path, event, **options)
    return path


def assert_everything_inside_the_margins(path) -> None:
    """Every printed character lies within the page margins (half a millimetre of slack)."""
    slack = (MARGIN_MM - 0.5) * mm
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if char.isspace():
                    continue
                left, bottom, right, top = textpage.get_charbox(index)
                assert slack <= left and right <= width - slack, char
                assert slack <= bottom and top <= height - slack, char
    finally:
        pdf.close()


def test_the_poster_is_one_a4_page_with_a_large_qr_code_of_the_event(tmp_path):
    path = render(tmp_path)
    sizes = page_sizes_mm(path)
    assert len(sizes) == 1
    assert sizes[0][0] == pytest.approx(210, abs=0.5)
    assert sizes[0][1] == pytest.approx(297, abs=0.5)
    ((code,),) = decoded_qr_codes(path)
    assert code.text == CODE
    # the symbol itself, without its quiet zone, is about 4 cm across
    symbol_mm = (code.position.top_right.x - code.position.top_left.x) / DPI * 25.4
    assert 38 <= symbol_mm <= 60
    assert group_for_reading(CODE) in page_texts(path)[0]


def test_the_poster_says_what_when_and_where_in_both_languages(tmp_path):
    text = page_texts(render(tmp_path))[0]
    for expected in (
        "Tiistaikahvit",
        "Вівторкова кава",
        gettext_in("fi", "Coffee meeting").upper(),
        gettext_in("uk", "Coffee meeting").upper(),
        format_long_date(STARTS.date(), "fi"),
        format_long_date(STARTS.date(), "uk"),
        format_time(STARTS, "fi"),
        format_time(STARTS, "uk"),
        "Lumijoen seurakuntatalo",
        "Lumijoen 4H-yhdistys",
        "Kaikenikäiset",
        "Kahvia, pullaa ja juttelua.",
        gettext_in("fi", EVERYONE_WELCOME),
        gettext_in("uk", EVERYONE_WELCOME),
        gettext_in("fi", SIGN_UP_AT_DESK),
        gettext_in("uk", SIGN_UP_AT_DESK),
    ):
        assert one_line(expected) in text, expected


def test_the_poster_texts_are_translated():
    """Fails until tools/i18n_pending/events_printing.json is merged into the catalogs."""
    for message in (EVERYONE_WELCOME, SIGN_UP_AT_DESK):
        assert gettext_in("fi", message) != message
        assert gettext_in("uk", message) != message


def test_no_sign_up_line_when_none_is_needed(tmp_path):
    event = dataclasses.replace(EVENT, signup_required=False)
    text = page_texts(render(tmp_path, event))[0]
    assert gettext_in("fi", SIGN_UP_AT_DESK) not in text
    assert gettext_in("fi", EVERYONE_WELCOME) in text


def test_a_very_long_title_wraps_and_shrinks_but_stays_on_the_page(tmp_path):
    event = dataclasses.replace(
        EVENT, titles={"fi": LONG_FI, "uk": LONG_UK}, description="Tervetuloa! " * 200
    )
    path = render(tmp_path, event)
    texts = page_texts(path)
    assert len(texts) == 1
    assert one_line(LONG_FI) in texts[0]
    assert one_line(LONG_UK) in texts[0]
    assert "…" in texts[0]  # the description was cut rather than printed unreadably small
    assert_everything_inside_the_margins(path)
    assert [code.text for code in decoded_qr_codes(path)[0]] == [CODE]


def test_a_title_of_one_endless_word_is_cut_rather_than_run_off_the_page(tmp_path):
    event = dataclasses.replace(EVENT, titles={"fi": "Kahvi" * 200})
    path = render(tmp_path, event)
    assert len(page_sizes_mm(path)) == 1
    assert_everything_inside_the_margins(path)


def test_the_normal_poster_stays_inside_the_margins(tmp_path):
    assert_everything_inside_the_margins(render(tmp_path))


def test_with_finnish_as_the_second_language_everything_is_said_once(tmp_path):
    text = page_texts(render(tmp_path, second_language="fi"))[0]
    assert not re.search("[А-Яа-яІіЇїЄєҐґ]", text)
    assert text.count(gettext_in("fi", EVERYONE_WELCOME)) == 1


def test_the_pdf_embeds_dejavu_and_never_helvetica(tmp_path):
    data = render(tmp_path).read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data


def test_a_poster_can_be_written_to_a_binary_file():
    out = io.BytesIO()
    render_event_poster(out, EVENT)
    assert out.getvalue().startswith(b"%PDF")
