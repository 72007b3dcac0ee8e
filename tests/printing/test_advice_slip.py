"""The appointment slip read back: in Finnish and the visitor's language, on A6 or half A4."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from tests.core.advice_fixtures import TUESDAY, at
from tests.pdf_reading import one_line, page_sizes_mm, page_texts
from tests.printing import advice_samples
from tests.printing.advice_samples import (
    CENTRE_ADDRESS,
    CENTRE_NAME,
    CENTRE_PHONE,
    LONG_BRING,
    LONG_BRING_LINE,
    LONG_NAME,
    LONG_PLACE,
    LONG_TOPIC,
    SECRET_NOTE,
    WEDNESDAY,
    long_booking,
    set_centre,
)

from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import format_time_range, gettext_in, language_display_name
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.printing.advice_papers import SLIP_PAPERS, slip_language, write_slip
from lumijobi_desktop.printing.advice_slip import (
    ADVISER,
    CANNOT_COME,
    HALF_A4_HEIGHT_MM,
    ID_CARD,
    INTERPRETER,
    SLIP_TITLE,
    TOPIC,
    WHAT_TO_BRING,
    format_full_date,
)

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")
KELA_BRING = {
    "fi": "Kelan päätökset ja kirjeet, tiliotteet, henkilöllisyystodistus",
    "uk": "Рішення та листи Kela, банківські виписки, посвідчення особи",
}


@pytest.fixture
def day(users):
    return advice_samples.tuesday(users)


@pytest.fixture
def desk(users):
    return users[Role.VOLUNTEER]


def slip(tmp_path, desk, session_id, name="slip.pdf", **options):
    path = tmp_path / name
    write_slip(desk, session_id, path, **options)
    return path


def slip_text(path) -> str:
    """The slip's text on one line, with words broken after a hyphen joined again.

    pdfium reads a hyphen at the end of a line as \x02.
    """
    [text] = page_texts(path)
    return re.sub(r"(-|\x02)\s*", "-", text)


def characters(path):
    """Every printed character with its box (mm from the page's lower left corner)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        [page] = pdf
        width, height = (value / mm for value in page.get_size())
        textpage = page.get_textpage()
        found = []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if char.isspace() or not char:
                continue
            left, bottom, right, top = (value / mm for value in textpage.get_charbox(index))
            found.append((char, left, bottom, right, top))
        return width, height, found
    finally:
        pdf.close()


def test_a_ukrainian_slip_speaks_finnish_and_ukrainian_with_dates_in_each_form(tmp_path, day, desk):
    path = slip(tmp_path, desk, day.olena_session)
    [(width, height)] = page_sizes_mm(path)
    assert (width, height) == (pytest.approx(105, abs=0.5), pytest.approx(148, abs=0.5))
    text = slip_text(path)
    # the month in each language's own (genitive) form, with the weekday
    assert "joulukuuta" in text and "грудня" in text
    assert "tiistai 1. joulukuuta 2026" in text
    assert "вівторок, 1 грудня 2026 р." in text
    assert one_line(format_full_date(TUESDAY, "uk")) in text
    for expected in (
        CENTRE_NAME,
        "Olena Kovalenko",
        "Kaisa Coordinator",
        format_time_range(at(TUESDAY, 10), at(TUESDAY, 10, 30), "fi"),
        "Neuvontahuone",
        CENTRE_ADDRESS,
        "Kelan etuudet",
        "Пільги Kela",
        KELA_BRING["fi"],
        KELA_BRING["uk"],
        "Vuokrasopimus",  # the desk's own line
        language_display_name("uk", "fi"),  # the interpreter
        language_display_name("uk", "uk"),
        CENTRE_PHONE,
    ):
        assert one_line(expected) in text, expected
    for message in (SLIP_TITLE, ADVISER, TOPIC, INTERPRETER, ID_CARD):
        assert gettext_in("fi", message) in text, message
        assert gettext_in("uk", message) in text, message
    for lang in ("fi", "uk"):
        assert one_line(gettext_in(lang, CANNOT_COME).format(phone=CENTRE_PHONE)) in text


def test_the_coordinators_notes_never_reach_the_slip(tmp_path, day, desk):
    for paper in SLIP_PAPERS:
        path = slip(tmp_path, desk, day.olena_session, f"{paper}.pdf", paper=paper)
        assert "Kela hylkäsi" not in slip_text(path)
    assert SECRET_NOTE.startswith("Kela hylkäsi")


def test_a_russian_speaker_gets_finnish_and_english(tmp_path, day, desk):
    path = slip(tmp_path, desk, day.ivan_session)
    text = slip_text(path)
    assert "tiistai 1. joulukuuta 2026" in text
    assert "Tuesday, 1 December 2026" in text
    assert "Oleskeluluvat" in text and "Residence permits" in text
    assert gettext_in("en", WHAT_TO_BRING) in text
    assert not CYRILLIC.search(text)


def test_the_desk_may_choose_the_language(tmp_path, day, desk):
    text = slip_text(slip(tmp_path, desk, day.ivan_session, lang="uk"))
    assert "вівторок, 1 грудня 2026 р." in text
    assert "Дозволи на проживання" in text


def test_a_finnish_speaker_gets_a_finnish_only_slip(tmp_path, day, desk):
    text = slip_text(slip(tmp_path, desk, day.matti_session))
    assert text.count("tiistai 1. joulukuuta 2026") == 1
    assert "Matti Virtanen" in text and "Työ" in text
    assert "Tuesday" not in text
    assert not CYRILLIC.search(text)
    assert " / " not in text
    assert gettext_in("fi", ID_CARD) in text


def test_without_a_language_the_slip_follows_the_person_or_falls_back_to_english():
    assert slip_language("uk") == "uk"
    assert slip_language("fi") == "fi"
    assert slip_language("ru", ["uk"]) == "en"  # the session's language comes first
    assert slip_language("", ["uk", "ru"]) == "uk"
    assert slip_language("", ["ar"]) == "en"
    assert slip_language("") == "en"


def test_on_half_a4_the_slip_fills_the_top_half_above_a_cut_line(tmp_path, day, desk):
    path = slip(tmp_path, desk, day.olena_session, paper="half-a4")
    [(width, height)] = page_sizes_mm(path)
    assert (width, height) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
    text = slip_text(path)
    assert "вівторок, 1 грудня 2026 р." in text and "Olena Kovalenko" in text
    _width, _height, chars = characters(path)
    for char, _left, bottom, _right, _top in chars:
        if char == "✂":  # the scissors sit on the cut line
            assert bottom < HALF_A4_HEIGHT_MM < _top
        else:
            assert bottom > HALF_A4_HEIGHT_MM + 3, char
    assert any(char == "✂" for char, *_ in chars)


def test_below_the_cut_line_the_sheet_is_blank(tmp_path, day, desk):
    path = slip(tmp_path, desk, day.olena_session, paper="half-a4")
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[0].render(scale=100 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    pixels_per_mm = image.height / 297
    cut_row = round(image.height - HALF_A4_HEIGHT_MM * pixels_per_mm)
    line = image.crop((0, cut_row - 2, image.width, cut_row + 3))
    assert line.getextrema()[0] < 200  # the dashed cut line is there
    upper = image.crop((0, 0, image.width, cut_row - round(4 * pixels_per_mm)))
    assert upper.getextrema()[0] < 100  # and the slip above it
    lower = image.crop((0, cut_row + round(4 * pixels_per_mm), image.width, image.height))
    assert lower.getextrema() == (255, 255)


@pytest.mark.parametrize("paper", SLIP_PAPERS)
def test_long_names_places_and_topics_fit_on_the_slip(tmp_path, users, desk, paper):
    set_centre()
    session_id = long_booking(users)
    path = slip(tmp_path, desk, session_id, paper=paper)
    text = slip_text(path)
    for expected in (
        " ".join(LONG_NAME),
        LONG_PLACE,
        LONG_TOPIC["fi"],
        LONG_TOPIC["uk"],
        LONG_BRING["fi"],
        LONG_BRING["uk"],
        LONG_BRING_LINE,
        format_full_date(WEDNESDAY, "fi"),
        format_full_date(WEDNESDAY, "uk"),
        gettext_in("uk", CANNOT_COME).format(phone=CENTRE_PHONE),
    ):
        assert one_line(expected) in text, expected
    width, height, chars = characters(path)
    floor = 0 if paper == "a6" else HALF_A4_HEIGHT_MM
    margin = 5.0
    for char, left, bottom, right, top in chars:
        if char == "✂":
            continue
        assert margin <= left and right <= width - margin, char
        assert floor + margin <= bottom and top <= height - margin, char


def test_without_a_phone_number_the_slip_does_not_ask_to_call(tmp_path, day, desk):
    set_centre(phone="")
    text = slip_text(slip(tmp_path, desk, day.olena_session))
    assert gettext_in("fi", CANNOT_COME).split("{")[0].strip() not in text
    assert "Olena Kovalenko" in text


def test_a_cancelled_session_has_no_slip(tmp_path, day, desk):
    with pytest.raises(ValidationError):
        slip(tmp_path, desk, day.cancelled_session)
    assert not (tmp_path / "slip.pdf").exists()


@pytest.mark.parametrize("options", [{"paper": "a5"}, {"lang": "ru"}])
def test_unknown_papers_and_languages_are_refused(tmp_path, day, desk, options):
    with pytest.raises(ValidationError):
        slip(tmp_path, desk, day.olena_session, **options)


def test_the_slip_embeds_dejavu_and_never_helvetica(tmp_path, day, desk):
    for paper in SLIP_PAPERS:
        data = slip(tmp_path, desk, day.olena_session, f"{paper}.pdf", paper=paper).read_bytes()
        assert b"DejaVuSans" in data
        assert b"Helvetica" not in data


def test_a_slip_can_be_written_to_a_binary_file(day, desk):
    out = io.BytesIO()
    write_slip(desk, day.olena_session, out)
    assert out.getvalue().startswith(b"%PDF")
