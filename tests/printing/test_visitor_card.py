"""Visitor card sheets read back: every QR decodes, names and codes are text, A4, DejaVu."""

from __future__ import annotations

import io
import math

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.lib.units import mm
from tests.pdf_reading import decoded_qr_codes, one_line, page_sizes_mm, page_texts

from lumijobi_desktop.core.codes import CodeKind, group_for_reading, make_code
from lumijobi_desktop.printing import visitor_card
from lumijobi_desktop.printing.qr import MIN_MODULE_MM, qr_matrix
from lumijobi_desktop.printing.visitor_card import (
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    CARDS_PER_PAGE,
    CardData,
    card_slot,
    render_visitor_cards,
)

DPI = 300
CENTRE = "Help Center Lumijobi"
CYRILLIC_NAME = "Олександр Коваленко"
NAMES = [
    CYRILLIC_NAME,
    "Aino Virtanen",
    "Maria-Liisa Kristiina Hämäläinen-Korhonen",
    "Анастасія Вікторівна Шевченко-Костенко",
    "Li",
    "Matti Meikäläinen",
    "Ірина Бондаренко",
    "John Smith",
    "Ülle Ääpälä",
    "Дмитро Ткаченко",
    "Pekka Pouta",
    "Юлія Мельник",
]


def make_cards(count: int) -> list[CardData]:
    return [
        CardData(make_code(CodeKind.PERSON, 15 + 137 * i), NAMES[i % len(NAMES)], lang)
        for i, lang in zip(range(count), ["uk", "fi", "en"] * count, strict=False)
    ]


@pytest.fixture
def twelve_card_sheet(tmp_path):
    cards = make_cards(12)
    path = tmp_path / "cards.pdf"
    render_visitor_cards(cards, path, centre_name=CENTRE)
    return cards, path


def test_twelve_cards_make_two_a4_pages(twelve_card_sheet):
    _, path = twelve_card_sheet
    sizes = page_sizes_mm(path)
    assert len(sizes) == 2
    for width, height in sizes:
        assert width == pytest.approx(210, abs=0.5)
        assert height == pytest.approx(297, abs=0.5)


def test_every_qr_code_decodes_to_its_code(twelve_card_sheet):
    cards, path = twelve_card_sheet
    pages = decoded_qr_codes(path)

    assert [len(found) for found in pages] == [10, 2]
    decoded = sorted(barcode.text for found in pages for barcode in found)
    assert decoded == sorted(card.code for card in cards)


def test_names_and_readable_codes_are_text(twelve_card_sheet):
    cards, path = twelve_card_sheet
    text = " ".join(page_texts(path))

    assert CYRILLIC_NAME in text
    for card in cards:
        assert card.name in text
        assert group_for_reading(card.code) in text
    assert text.count(CENTRE) == 12


def test_cards_fill_the_sheet_top_left_first(twelve_card_sheet):
    cards, path = twelve_card_sheet
    pages = decoded_qr_codes(path)
    row_px = CARD_HEIGHT_MM / 25.4 * DPI

    def reading_order(barcode: zxingcpp.Barcode) -> tuple[int, int]:
        # Corners found in one row differ by a pixel or two, so sort by row, then left to right.
        return (int(barcode.position.top_left.y // row_px), barcode.position.top_left.x)

    first_page = sorted(pages[0], key=reading_order)
    assert [barcode.text for barcode in first_page] == [card.code for card in cards[:10]]


def test_qr_modules_are_at_least_half_a_millimetre(twelve_card_sheet):
    _, path = twelve_card_sheet
    for barcode in decoded_qr_codes(path)[0]:
        corners = barcode.position
        width_px = math.dist(
            (corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y)
        )
        modules = len(qr_matrix(barcode.text))
        module_mm = width_px / DPI * 25.4 / modules
        assert module_mm >= MIN_MODULE_MM
        assert barcode.ec_level == "M"


def test_the_pdf_embeds_dejavu_and_never_helvetica(twelve_card_sheet):
    _, path = twelve_card_sheet
    data = path.read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data


def test_each_card_keeps_its_text_inside_its_own_outline(tmp_path):
    long_name = "Анастасія-Олександра Вікторівна Шевченко-Костенко-Дорошенко"
    cards = [CardData(make_code(CodeKind.PERSON, 15), long_name, "uk")]
    path = tmp_path / "card.pdf"
    render_visitor_cards(cards, path, centre_name=CENTRE)

    slot = card_slot(0)
    pdf = pdfium.PdfDocument(path)
    try:
        inside = (
            pdf[0]
            .get_textpage()
            .get_text_bounded(
                left=slot.x_mm * mm,
                bottom=slot.y_mm * mm,
                right=(slot.x_mm + CARD_WIDTH_MM) * mm,
                top=(slot.y_mm + CARD_HEIGHT_MM) * mm,
            )
        )
    finally:
        pdf.close()
    assert long_name in one_line(inside)
    assert group_for_reading(cards[0].code) in one_line(inside)


def test_card_grid_is_credit_card_sized_and_on_the_sheet():
    for index in range(CARDS_PER_PAGE):
        slot = card_slot(index)
        assert slot.x_mm >= 10 and slot.x_mm + CARD_WIDTH_MM <= 200
        assert slot.y_mm >= 10 and slot.y_mm + CARD_HEIGHT_MM <= 287
    assert card_slot(1).x_mm - card_slot(0).x_mm == pytest.approx(85.6)
    assert card_slot(0).y_mm - card_slot(2).y_mm == pytest.approx(54.0)


def test_desk_line_is_finnish_plus_the_visitors_language(tmp_path, monkeypatch):
    # The catalogs may not hold these strings yet, so tag each language instead.
    monkeypatch.setattr(visitor_card, "gettext_in", lambda lang, message: f"[{lang}] {message}")
    cards = [
        CardData(make_code(CodeKind.PERSON, 15), "Aino Virtanen", "fi"),
        CardData(make_code(CodeKind.PERSON, 16), CYRILLIC_NAME, "uk"),
    ]
    path = tmp_path / "cards.pdf"
    render_visitor_cards(cards, path, centre_name=CENTRE, lang="en")

    text = page_texts(path)[0]
    desk = visitor_card.SHOW_AT_DESK
    assert text.count(f"[fi] {desk}") == 2
    assert text.count(f"[uk] {desk}") == 1
    assert f"[en] {visitor_card.PRINT_INSTRUCTIONS}" in text


def test_writes_to_a_binary_file():
    buffer = io.BytesIO()
    render_visitor_cards(make_cards(1), buffer, centre_name=CENTRE)
    assert buffer.getvalue().startswith(b"%PDF")


def test_no_cards_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        render_visitor_cards([], tmp_path / "none.pdf", centre_name=CENTRE)
