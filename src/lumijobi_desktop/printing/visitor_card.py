"""Visitor cards: credit-card sized, ten to an A4 sheet, with the person's QR code.

The visitor shows the card at the desk and the volunteer scans it, so the
QR code and the readable code are what matter; the name tells whose card it
is. The sheet is cut by hand along light-grey lines, so it must be printed
at 100 % scale for the cards to come out credit-card sized.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import N_, gettext_in
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.qr import MIN_MODULE_MM, draw_qr, qr_size_mm
from lumijobi_desktop.printing.text_fit import draw_fitted, fit_text

CARD_WIDTH_MM = 85.6
CARD_HEIGHT_MM = 54.0
COLUMNS = 2
ROWS = 5
CARDS_PER_PAGE = COLUMNS * ROWS

PAGE_WIDTH_MM = A4[0] / mm
PAGE_HEIGHT_MM = A4[1] / mm
# The grid of cards sits in the middle of the sheet; the margins hold the crop marks.
GRID_LEFT_MM = (PAGE_WIDTH_MM - COLUMNS * CARD_WIDTH_MM) / 2
GRID_TOP_MM = PAGE_HEIGHT_MM - (PAGE_HEIGHT_MM - ROWS * CARD_HEIGHT_MM) / 2

PADDING_MM = 4.0
BOTTOM_BASELINE_MM = 4.5
"""The baseline of the code text and of the desk line's last line, from the card's bottom."""
CODE_TEXT_PT = 10
CODE_TEXT_CAP_MM = CODE_TEXT_PT * 0.75 / mm
"""Room above the code text's baseline that the QR's quiet zone must stay clear of."""
QR_EDGE_MM = 1.5
"""From the card edge to the QR quiet zone; the quiet zone itself is white margin too."""

CUT_LINE_GREY = 0.75
CUT_LINE_WIDTH_PT = 0.3
CROP_MARK_GAP_MM = 1.0
CROP_MARK_LENGTH_MM = 5.0

SHOW_AT_DESK = N_("Show this card at the desk")
PRINT_INSTRUCTIONS = N_("Print at 100 % (actual size). Cut along the grey lines.")
DOCUMENT_TITLE = N_("Visitor cards")


@dataclass(frozen=True)
class CardData:
    code: str
    """A person code such as `P0000015`; the QR code holds exactly this."""
    name: str
    visitor_lang: str = "fi"
    """The visitor's language: the desk line is printed in Finnish and in this one."""


@dataclass(frozen=True)
class CardSlot:
    """Where one card sits on the sheet (lower-left corner, mm) and its grid cell."""

    x_mm: float
    y_mm: float
    column: int
    row: int


def card_slot(index_on_page: int) -> CardSlot:
    """Cards fill the sheet row by row from the top left, as people read."""
    row, column = divmod(index_on_page, COLUMNS)
    x = GRID_LEFT_MM + column * CARD_WIDTH_MM
    y = GRID_TOP_MM - (row + 1) * CARD_HEIGHT_MM
    return CardSlot(x, y, column, row)


def render_visitor_cards(
    cards: Iterable[CardData],
    out: str | os.PathLike[str] | BinaryIO,
    *,
    centre_name: str,
    lang: str = "fi",
) -> None:
    """Write the cards as an A4 PDF, ten to a page.

    `lang` is the language of the printing instructions in the page margin;
    the cards themselves are in Finnish plus each visitor's language.
    """
    cards = list(cards)
    if not cards:
        raise ValueError("no visitor cards to print")
    register_fonts()
    canvas = _new_canvas(out, lang, centre_name)
    for page_cards in _pages(cards):
        _draw_print_instructions(canvas, lang)
        for index, card in enumerate(page_cards):
            slot = card_slot(index)
            _draw_cut_lines(canvas, slot, has_card_below=index + COLUMNS < len(page_cards))
            _draw_card(canvas, card, slot, centre_name)
        canvas.showPage()
    canvas.save()


def _new_canvas(out: str | os.PathLike[str] | BinaryIO, lang: str, centre_name: str) -> Canvas:
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    # Without initialFontName the canvas would set Helvetica in every page preamble.
    canvas = Canvas(target, pagesize=A4, initialFontName=FONT_REGULAR, pageCompression=1)
    canvas.setTitle(gettext_in(lang, DOCUMENT_TITLE))
    canvas.setAuthor(centre_name)
    # Asks the print dialog not to "fit to page", which would shrink the cards.
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def _pages(cards: Sequence[CardData]) -> Iterable[Sequence[CardData]]:
    for start in range(0, len(cards), CARDS_PER_PAGE):
        yield cards[start : start + CARDS_PER_PAGE]


def _draw_print_instructions(canvas: Canvas, lang: str) -> None:
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.setFillGray(0.35)
    baseline = GRID_TOP_MM + CROP_MARK_GAP_MM + CROP_MARK_LENGTH_MM + 2.5
    canvas.drawCentredString(
        PAGE_WIDTH_MM / 2 * mm, baseline * mm, gettext_in(lang, PRINT_INSTRUCTIONS)
    )
    canvas.setFillGray(0)


def _draw_cut_lines(canvas: Canvas, slot: CardSlot, *, has_card_below: bool) -> None:
    """The card's outline, and crop marks where its edges meet the sheet margin."""
    canvas.saveState()
    canvas.setStrokeGray(CUT_LINE_GREY)
    canvas.setLineWidth(CUT_LINE_WIDTH_PT)
    left, bottom = slot.x_mm, slot.y_mm
    right, top = left + CARD_WIDTH_MM, bottom + CARD_HEIGHT_MM
    canvas.rect(left * mm, bottom * mm, CARD_WIDTH_MM * mm, CARD_HEIGHT_MM * mm, stroke=1, fill=0)
    # Marks in the margin stay visible after the first cuts, guiding the next ones.
    start, end = CROP_MARK_GAP_MM, CROP_MARK_GAP_MM + CROP_MARK_LENGTH_MM
    if slot.column == 0:
        for y in (bottom, top):
            _line(canvas, left - end, y, left - start, y)
    if slot.column == COLUMNS - 1:
        for y in (bottom, top):
            _line(canvas, right + start, y, right + end, y)
    if slot.row == 0:
        for x in (left, right):
            _line(canvas, x, top + start, x, top + end)
    if not has_card_below:
        for x in (left, right):
            _line(canvas, x, bottom - end, x, bottom - start)
    canvas.restoreState()


def _line(canvas: Canvas, x1_mm: float, y1_mm: float, x2_mm: float, y2_mm: float) -> None:
    canvas.line(x1_mm * mm, y1_mm * mm, x2_mm * mm, y2_mm * mm)


def _draw_card(canvas: Canvas, card: CardData, slot: CardSlot, centre_name: str) -> None:
    text_left = slot.x_mm + PADDING_MM
    header_bottom = _draw_header(canvas, centre_name, slot)
    # Codes and the desk line share one baseline near the bottom edge, so the card looks tidy.
    bottom_baseline = slot.y_mm + BOTTOM_BASELINE_MM

    module = card_module_mm(card.code, header_bottom - bottom_baseline)
    qr_size = qr_size_mm(card.code, module)
    qr_x = slot.x_mm + CARD_WIDTH_MM - QR_EDGE_MM - qr_size
    # Centred between the rule and the code text; the quiet zone gives it air on every side.
    code_top = bottom_baseline + CODE_TEXT_CAP_MM
    qr_y = code_top + (header_bottom - code_top - qr_size) / 2
    draw_qr(canvas, card.code, qr_x, qr_y, module_mm=module)
    _draw_code_text(canvas, card.code, qr_x + qr_size / 2, bottom_baseline)

    # The text column ends where the QR's quiet zone begins.
    text_width = qr_x - text_left
    desk = fit_text(_desk_line(card.visitor_lang), FONT_REGULAR, text_width, 9.0, max_size=7.5)
    desk_top = bottom_baseline + desk.font_size / mm + (len(desk.lines) - 1) * desk.leading / mm
    draw_fitted(canvas, desk, text_left, desk_top)

    name_top = header_bottom - 2.0
    name = fit_text(card.name, FONT_BOLD, text_width, name_top - desk_top - 2.0, max_size=15)
    draw_fitted(canvas, name, text_left, name_top)


def card_module_mm(code: str, height_mm: float) -> float:
    """The largest QR module, up to 1 mm, that fits over the code text in the card's body.

    Today's codes fit the smallest QR version at 1 mm; a longer code falls back
    to smaller modules rather than pushing the QR off the card.
    """
    room = height_mm - CODE_TEXT_CAP_MM
    for module in (1.0, 0.9, 0.8, 0.7, 0.6, MIN_MODULE_MM):
        if qr_size_mm(code, module) <= room:
            return module
    raise ValueError(f"code {code!r} is too long for a QR code on a visitor card")


def _draw_header(canvas: Canvas, centre_name: str, slot: CardSlot) -> float:
    """The centre's name over a thin rule; returns the rule's height on the page (mm)."""
    left = slot.x_mm + PADDING_MM
    right = slot.x_mm + CARD_WIDTH_MM - PADDING_MM
    header = fit_text(centre_name, FONT_BOLD, right - left, 5.0, max_size=9)
    top = slot.y_mm + CARD_HEIGHT_MM - 3.5
    draw_fitted(canvas, header, left, top)
    rule_y = top - header.height_mm - 0.8
    canvas.saveState()
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.5)
    _line(canvas, left, rule_y, right, rule_y)
    canvas.restoreState()
    return rule_y


def _draw_code_text(canvas: Canvas, code: str, centre_x_mm: float, baseline_mm: float) -> None:
    """The code under its QR code, for reading aloud or typing when a scan fails."""
    canvas.setFont(FONT_BOLD, CODE_TEXT_PT)
    canvas.drawCentredString(centre_x_mm * mm, baseline_mm * mm, group_for_reading(code))


def _desk_line(visitor_lang: str) -> str:
    """'Show this card at the desk' in Finnish, and again in the visitor's language."""
    finnish = gettext_in("fi", SHOW_AT_DESK)
    visitor = gettext_in(visitor_lang, SHOW_AT_DESK)
    return finnish if visitor == finnish else f"{finnish}\n{visitor}"
