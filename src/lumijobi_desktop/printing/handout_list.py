"""The list a visitor may take home: what they received, in Finnish and their language.

No values or prices: the goods are free, and the paper says only what went
with whom on which day.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lumijobi_desktop.core.i18n import N_, finnish_and, format_date, gettext_in
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

MARGIN_MM = 12.0
TITLE = N_("Goods received")
DATE = N_("Date")
RECIPIENT = N_("Recipient")
ITEM = N_("Item")
SIZE = N_("Size")
QUANTITY = N_("Quantity")
THANKS = N_("The goods are donations and free of charge. Welcome back!")


@dataclass(frozen=True)
class ListLine:
    category: str
    description: str
    size: str
    quantity: int


def _both(message: str, second: str) -> str:
    """'Päivämäärä / Дата': Finnish first, then the visitor's language when it differs."""
    return finnish_and(gettext_in("fi", message), gettext_in(second, message))


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT_REGULAR, bulletFontName=FONT_REGULAR, fontSize=9.5, leading=12
    )
    title = ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18)
    small = ParagraphStyle(
        "small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")
    )
    return title, body, small


def render_handout_list(
    out: str | os.PathLike | BinaryIO,
    lines: Sequence[ListLine],
    *,
    centre_name: str,
    recipient: str,
    handed_on: dt.date,
    visitor_lang: str = "uk",
) -> None:
    """An A5 page (more if the list is long) with bilingual headings and the goods listed."""
    register_fonts()
    title, body, small = _styles()
    rows = [
        [
            Paragraph(escape(_both(ITEM, visitor_lang)), small),
            Paragraph(escape(_both(SIZE, visitor_lang)), small),
            Paragraph(escape(_both(QUANTITY, visitor_lang)), small),
        ]
    ]
    for line in lines:
        text = " – ".join(filter(None, [line.category, line.description]))
        rows.append(
            [
                Paragraph(escape(text), body),
                Paragraph(escape(line.size), body),
                Paragraph(str(line.quantity), body),
            ]
        )
    width = A5[0] - 2 * MARGIN_MM * mm
    table = Table(rows, colWidths=[width * 0.66, width * 0.17, width * 0.17], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                # Never reportlab's Helvetica: it has no Cyrillic.
                ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(escape(centre_name), small),
        Paragraph(escape(_both(TITLE, visitor_lang)), title),
        Paragraph(escape(f"{_both(DATE, visitor_lang)}: {format_date(handed_on, 'fi')}"), body),
        Paragraph(escape(f"{_both(RECIPIENT, visitor_lang)}: {recipient}"), body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 5 * mm),
        Paragraph(escape(gettext_in("fi", THANKS)), small),
    ]
    if gettext_in(visitor_lang, THANKS) != gettext_in("fi", THANKS):
        story.append(Paragraph(escape(gettext_in(visitor_lang, THANKS)), small))
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    document = SimpleDocTemplate(
        target,
        pagesize=A5,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm,
        title=gettext_in("fi", TITLE),
        initialFontName=FONT_REGULAR,
    )
    document.build(story)
