"""The sign-up sheet for an event: who has signed up, and room to write more names.

The sheet lies on the table at the event, so it is written for the visitors:
bilingual (Finnish and one other language), the event's details at the top,
and rows tall enough to write a name by hand. Staff tick who came. The QR
code in the corner takes the desk straight to the event when the sheet
comes back to be typed in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import (
    LANGUAGES,
    N_,
    finnish_and,
    format_date,
    format_time,
    gettext_in,
)
from lumijobi_desktop.printing.event_paper_data import (
    AGE_GROUP,
    IN_COOPERATION_WITH,
    LANGUAGES_SPOKEN,
    PLACE,
    PaperEvent,
    PaperSignup,
    both,
    capitalized,
    languages_text,
    when_text,
)
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.list_sheet import (
    CONTENT_WIDTH_MM,
    GRID_GREY,
    HEADER_FILL,
    PAGE_OF,
    RUNNING_HEADER_MM,
    TEXT_GREY,
    TickBox,
    draw_footer,
    draw_running_header,
    sheet_document,
    sheet_frame,
    write_counting_pages,
)
from lumijobi_desktop.printing.qr import draw_qr, qr_size_mm

SHEET_TITLE = N_("Sign-up sheet")
TIME = N_("Time")
CAPACITY = N_("Capacity")
NAME = N_("Name")
PHONE = N_("Phone")
ADULTS = N_("Adults")
CHILDREN = N_("Children")
ATTENDED = N_("Attended")
WAITING_LIST = N_("Waiting list")
NEW_SIGNUPS = N_("New sign-ups")

MAX_BLANK_ROWS = 200

NUMBER_COLUMN_MM = 10.0
PHONE_COLUMN_MM = 38.0
COUNT_COLUMN_MM = 19.0
ATTENDED_COLUMN_MM = 21.0
NAME_COLUMN_MM = (
    CONTENT_WIDTH_MM - NUMBER_COLUMN_MM - PHONE_COLUMN_MM - 2 * COUNT_COLUMN_MM - ATTENDED_COLUMN_MM
)
COLUMN_WIDTHS_MM = (
    NUMBER_COLUMN_MM,
    NAME_COLUMN_MM,
    PHONE_COLUMN_MM,
    COUNT_COLUMN_MM,
    COUNT_COLUMN_MM,
    ATTENDED_COLUMN_MM,
)
ROW_HEIGHT_MM = 9.5
"""Tall enough to write a name by hand on every row, printed or blank."""
CELL_PADDING_MM = 1.6

QR_MODULE_MM = 0.8
DESCRIPTION_MAX_CHARS = 320
"""The sheet is for signing up; a long description belongs on the poster."""

SECTION_FILL = colors.HexColor("#f4f4f4")


def render_signup_sheet(
    out: str | os.PathLike[str] | BinaryIO,
    event: PaperEvent,
    signups: Sequence[PaperSignup],
    second_language: str = "uk",
    blank_rows: int = 10,
) -> int:
    """Write the A4 sign-up sheet (more pages if the list is long); returns the page count.

    Those with a place come first, then the waiting list, then `blank_rows`
    empty rows for names written on the spot.
    """
    if second_language not in LANGUAGES:
        raise ValueError(f"unsupported language: {second_language}")
    if not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise ValueError(f"blank_rows must be from 0 to {MAX_BLANK_ROWS}, not {blank_rows}")
    register_fonts()
    return write_counting_pages(
        out,
        lambda target, total: _Sheet(
            event, signups, second_language, blank_rows, total_pages=total
        ).build(target),
    )


class _Styles:
    def __init__(self) -> None:
        self.body = ParagraphStyle(
            "body",
            fontName=FONT_REGULAR,
            # ParagraphStyle's default bullet font is Helvetica, which has no Cyrillic.
            bulletFontName=FONT_REGULAR,
            fontSize=10,
            leading=13,
        )
        self.sheet_title = ParagraphStyle(
            "sheet_title",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=TEXT_GREY,
        )
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=FONT_BOLD, fontSize=19, leading=23
        )
        self.second_title = ParagraphStyle(
            "second_title", parent=self.body, fontSize=15, leading=19
        )
        self.kind = ParagraphStyle(
            "kind", parent=self.body, fontSize=10, leading=13, textColor=TEXT_GREY, spaceBefore=2
        )
        self.label = ParagraphStyle(
            "label", parent=self.body, fontSize=8.5, leading=11.5, textColor=TEXT_GREY
        )
        self.value = ParagraphStyle("value", parent=self.body, fontSize=10, leading=13)
        self.description = ParagraphStyle(
            "description", parent=self.body, fontSize=9, leading=12, spaceBefore=4
        )
        self.header = ParagraphStyle("header", parent=self.body, fontSize=8.5, leading=11)
        self.header_centred = ParagraphStyle(
            "header_centred", parent=self.header, alignment=TA_CENTER
        )
        self.number = ParagraphStyle(
            "number", parent=self.body, fontSize=8.5, leading=11, textColor=TEXT_GREY
        )
        self.name = ParagraphStyle("name", parent=self.body, fontSize=11, leading=14)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=10, leading=13)
        self.count = ParagraphStyle("count", parent=self.cell, alignment=TA_CENTER)
        self.section = ParagraphStyle(
            "section", parent=self.body, fontName=FONT_BOLD, fontSize=9.5, leading=12
        )


class _Sheet:
    """One run of the document: the story, the page furniture and the build."""

    def __init__(
        self,
        event: PaperEvent,
        signups: Sequence[PaperSignup],
        second: str,
        blank_rows: int,
        total_pages: int | None,
    ) -> None:
        self.event = event
        self.signups = signups
        self.second = second
        self.blank_rows = blank_rows
        self.total_pages = total_pages
        self.styles = _Styles()

    def text(self, message: str) -> str:
        return both(message, self.second)

    def build(self, target: str | BinaryIO) -> int:
        document = sheet_document(
            target,
            title=": ".join([gettext_in("fi", SHEET_TITLE), self.event.title_in("fi")]),
            lang="fi",
        )
        document.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [sheet_frame("first")],
                    onPage=self._draw_footer,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(
                    "later",
                    [sheet_frame("later", RUNNING_HEADER_MM)],
                    onPage=self._draw_later_page,
                ),
            ]
        )
        document.build(self._story())
        return document.page

    # -- page furniture -------------------------------------------------------

    def _page_number(self, number: int) -> str:
        total = self.total_pages if self.total_pages is not None else number
        return finnish_and(
            gettext_in("fi", PAGE_OF).format(number=number, total=total),
            gettext_in(self.second, PAGE_OF).format(number=number, total=total),
        )

    def _draw_footer(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        draw_footer(canvas, group_for_reading(self.event.code), self._page_number(document.page))

    def _draw_later_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Title, date and page above the table, so a loose page still tells what it is."""
        self._draw_footer(canvas, document)
        event = self.event
        when = "{date} {start}–{end}".format(
            date=format_date(event.starts_at.date(), "fi"),
            start=format_time(event.starts_at, "fi"),
            end=format_time(event.ends_at, "fi"),
        )
        title = finnish_and(event.title_in("fi"), event.title_in(self.second))
        draw_running_header(canvas, f"{title} · {when}", self._page_number(document.page))

    # -- the story ------------------------------------------------------------

    def _story(self) -> list[Flowable]:
        return [self._heading(), Spacer(1, 6 * mm), self._table()]

    def _heading(self) -> Table:
        """The event's details on the left, its QR code on the right."""
        styles = self.styles
        event = self.event
        second = self.second
        left: list[Flowable] = [
            Paragraph(escape(self.text(SHEET_TITLE).upper()), styles.sheet_title),
            Paragraph(escape(event.title_in("fi")), styles.title),
        ]
        if event.title_in(second) != event.title_in("fi"):
            left.append(Paragraph(escape(event.title_in(second)), styles.second_title))
        if event.kind_name_msgid:
            left.append(Paragraph(escape(self.text(event.kind_name_msgid)), styles.kind))
        left.append(Spacer(1, 3 * mm))
        left.append(self._details())
        description = _short(event.description.strip(), DESCRIPTION_MAX_CHARS)
        if description:
            left.append(Paragraph(_with_line_breaks(description), styles.description))

        qr = _QrBlock(event.code, QR_MODULE_MM)
        gap = 6 * mm
        table = Table(
            [[left, qr]],
            colWidths=[CONTENT_WIDTH_MM * mm - qr.width - gap, qr.width + gap],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def _details(self) -> Table:
        styles = self.styles
        event = self.event
        second = self.second

        def two_lines(finnish: str, other: str) -> str:
            lines = [finnish] if other == finnish else [finnish, other]
            return "<br/>".join(escape(line) for line in lines)

        when_fi, when_second = (capitalized(when_text(event, lang)) for lang in ("fi", second))
        rows: list[tuple[str, str]] = [(TIME, two_lines(when_fi, when_second))]
        if event.place.strip():
            rows.append((PLACE, escape(event.place.strip())))
        if event.languages:
            rows.append(
                (
                    LANGUAGES_SPOKEN,
                    escape(finnish_and(languages_text(event, "fi"), languages_text(event, second))),
                )
            )
        if event.partners:
            rows.append((IN_COOPERATION_WITH, escape(", ".join(event.partners))))
        if event.age_group.strip():
            rows.append((AGE_GROUP, escape(event.age_group.strip())))
        if event.capacity is not None:
            rows.append((CAPACITY, str(event.capacity)))
        label_width = 45 * mm
        table = Table(
            [
                [Paragraph(escape(self.text(label)), styles.label), Paragraph(value, styles.value)]
                for label, value in rows
            ],
            colWidths=[label_width, None],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                    # The label's smaller type sits on the value's first baseline.
                    ("TOPPADDING", (0, 0), (0, -1), 2.4),
                ]
            )
        )
        return table

    def _header_cell(self, message: str, centred: bool) -> Paragraph:
        finnish = gettext_in("fi", message)
        other = gettext_in(self.second, message)
        text = f"<b>{escape(finnish)}</b>"
        if other != finnish:
            text += f"<br/>{escape(other)}"
        return Paragraph(text, self.styles.header_centred if centred else self.styles.header)

    def _table(self) -> Table:
        styles = self.styles
        header = [
            Paragraph("<b>#</b>", styles.header),
            self._header_cell(NAME, centred=False),
            self._header_cell(PHONE, centred=False),
            self._header_cell(ADULTS, centred=True),
            self._header_cell(CHILDREN, centred=True),
            self._header_cell(ATTENDED, centred=True),
        ]
        rows: list[list] = [header]
        heights: list[float | None] = [None]
        section_rows: list[int] = []
        number = 0

        def section(message: str) -> None:
            section_rows.append(len(rows))
            rows.append([Paragraph(escape(self.text(message)), styles.section), "", "", "", "", ""])
            heights.append(None)

        def person_row(signup: PaperSignup | None) -> None:
            nonlocal number
            number += 1
            cells = [
                Paragraph(str(number), styles.number),
                Paragraph(escape(signup.name), styles.name) if signup else "",
                Paragraph(escape(signup.phone), styles.cell) if signup else "",
                Paragraph(str(signup.adults), styles.count) if signup else "",
                Paragraph(str(signup.children), styles.count) if signup else "",
                TickBox(ticked=bool(signup and signup.attended)),
            ]
            rows.append(cells)
            heights.append(_row_height(cells))

        with_place = [signup for signup in self.signups if not signup.waiting]
        waiting = [signup for signup in self.signups if signup.waiting]
        for signup in with_place:
            person_row(signup)
        if waiting:
            section(WAITING_LIST)
            for signup in waiting:
                person_row(signup)
        if self.blank_rows and self.signups:
            section(NEW_SIGNUPS)
        for _ in range(self.blank_rows):
            person_row(None)

        padding = CELL_PADDING_MM * mm
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (3, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID_GREY),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
        for index in section_rows:
            commands += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), SECTION_FILL),
                ("LINEABOVE", (0, index), (-1, index), 0.8, colors.black),
            ]
            if index + 1 < len(rows):
                # A section heading never ends a page without its first row.
                commands.append(("NOSPLIT", (0, index), (-1, index + 1)))
        table = Table(
            rows,
            colWidths=[width * mm for width in COLUMN_WIDTHS_MM],
            rowHeights=heights,
            repeatRows=1,
        )
        table.setStyle(TableStyle(commands))
        return table


def _row_height(cells: list) -> float:
    """At least ROW_HEIGHT_MM; more when a long name wraps."""
    needed = 0.0
    for cell, width_mm in zip(cells, COLUMN_WIDTHS_MM, strict=True):
        if isinstance(cell, Flowable):
            _, height = cell.wrap((width_mm - 2 * CELL_PADDING_MM) * mm, A4[1])
            needed = max(needed, height + 2 * CELL_PADDING_MM * mm)
    return max(ROW_HEIGHT_MM * mm, needed)


class _QrBlock(Flowable):
    """The event's QR code, quiet zone included, with the code under it to read aloud."""

    CODE_PT = 8.5

    def __init__(self, code: str, module_mm: float) -> None:
        super().__init__()
        self.code = code
        self.module_mm = module_mm
        self.qr_mm = qr_size_mm(code, module_mm)
        self.width = self.qr_mm * mm
        self.height = self.qr_mm * mm + self.CODE_PT * 1.3

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        draw_qr(canvas, self.code, 0, self.CODE_PT * 1.3 / mm, self.module_mm)
        canvas.setFont(FONT_REGULAR, self.CODE_PT)
        canvas.setFillColor(TEXT_GREY)
        canvas.drawCentredString(self.width / 2, 2, group_for_reading(self.code))


def _short(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(maxsplit=1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"


def _with_line_breaks(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.splitlines())
