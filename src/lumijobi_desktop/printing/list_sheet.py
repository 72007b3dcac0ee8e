"""What the A4 list sheets share: the events' sign-up sheet and the advice day schedule.

Both are a table over one or more A4 pages with the same margins, a footer
that says "page 1 of N", a running header above the table on the later
pages (so a loose page still tells what it is) and boxes to tick by hand.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame

from lumijobi_desktop.core.i18n import N_
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR

PAGE_OF = N_("Page {number} of {total}")

MARGIN_MM = 15.0
TOP_MARGIN_MM = 14.0
BOTTOM_MARGIN_MM = 16.0
RUNNING_HEADER_MM = 10.0
"""Room the running header of the later pages takes above the table."""
CONTENT_WIDTH_MM = A4[0] / mm - 2 * MARGIN_MM

GRID_GREY = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e8e8e8")
TEXT_GREY = colors.HexColor("#444444")

HEADER_BASELINE = A4[1] - (TOP_MARGIN_MM + 4) * mm
"""Where the running header (and the advice schedule's confidential line) stands."""


def write_counting_pages(
    out: str | os.PathLike[str] | BinaryIO,
    build: Callable[[str | BinaryIO, int | None], int],
) -> int:
    """Build a sheet whose footer says "page 1 of N"; returns the number of pages.

    `build(target, total_pages)` writes the sheet and returns its page count:
    a first run into memory counts the pages, the second one writes.
    """
    total = build(io.BytesIO(), None)
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    return build(target, total)


def sheet_frame(frame_id: str, header_mm: float = 0.0) -> Frame:
    """The frame of the table on a page, below `header_mm` of running header."""
    return Frame(
        MARGIN_MM * mm,
        BOTTOM_MARGIN_MM * mm,
        CONTENT_WIDTH_MM * mm,
        A4[1] - (TOP_MARGIN_MM + header_mm + BOTTOM_MARGIN_MM) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


def sheet_document(target: str | BinaryIO, *, title: str, lang: str) -> BaseDocTemplate:
    """An A4 document with the sheets' margins; add the page templates and build."""
    return BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=TOP_MARGIN_MM * mm,
        bottomMargin=BOTTOM_MARGIN_MM * mm,
        title=title,
        lang=lang,
        # Without this the canvas sets Helvetica in every page preamble.
        initialFontName=FONT_REGULAR,
    )


def draw_footer(canvas: Canvas, left_text: str, page_text: str) -> None:
    """A small grey line at the bottom: `left_text` on the left, the page on the right."""
    canvas.saveState()
    canvas.setFont(FONT_REGULAR, 8)
    canvas.setFillColor(TEXT_GREY)
    y = BOTTOM_MARGIN_MM / 2 * mm
    canvas.drawString(MARGIN_MM * mm, y, left_text)
    canvas.drawRightString(A4[0] - MARGIN_MM * mm, y, page_text)
    canvas.restoreState()


def draw_running_header(canvas: Canvas, title: str, page_text: str) -> None:
    """The title (cut to fit) and the page above the table, underlined."""
    left = MARGIN_MM * mm
    right = A4[0] - MARGIN_MM * mm
    baseline = HEADER_BASELINE
    canvas.saveState()
    canvas.setFillColor(TEXT_GREY)
    canvas.setFont(FONT_REGULAR, 8.5)
    canvas.drawRightString(right, baseline, page_text)
    room = right - left - canvas.stringWidth(page_text, FONT_REGULAR, 8.5) - 8 * mm
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 10)
    canvas.drawString(left, baseline, shortened(title, FONT_BOLD, 10, room))
    canvas.setStrokeColor(GRID_GREY)
    canvas.setLineWidth(0.5)
    canvas.line(left, baseline - 2.5 * mm, right, baseline - 2.5 * mm)
    canvas.restoreState()


class TickBox(Flowable):
    """A square to tick by hand; already ticked for those known to have come."""

    SIZE_MM = 5.0

    def __init__(self, ticked: bool) -> None:
        super().__init__()
        self.ticked = ticked
        self.width = self.height = self.SIZE_MM * mm
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = self.width
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, size, size, stroke=1, fill=0)
        if self.ticked:
            canvas.setLineWidth(1.4)
            tick = canvas.beginPath()
            tick.moveTo(size * 0.2, size * 0.5)
            tick.lineTo(size * 0.42, size * 0.25)
            tick.lineTo(size * 0.82, size * 0.8)
            canvas.drawPath(tick, stroke=1, fill=0)


def shortened(text: str, font: str, size: float, width: float) -> str:
    """The text cut with an ellipsis to fit one line of `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
