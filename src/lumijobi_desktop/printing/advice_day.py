"""The coordinator's day on one A4 sheet: who comes when, about what, and the gaps.

For the coordinator's desk, in the app's language. The sessions of the day
in time order with the free times between them as "free" rows (a walk-in
can be written into one), a box to tick for each visitor who came, and,
only when asked for, the coordinator's notes under each session. A sheet
with notes says at the top of every page that it is confidential.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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

from lumijobi_desktop.core.i18n import (
    N_,
    _,
    current_language,
    format_date,
    format_datetime,
    format_time_range,
)
from lumijobi_desktop.printing.advice_slip import format_full_date
from lumijobi_desktop.printing.event_paper_data import capitalized
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.list_sheet import (
    CONTENT_WIDTH_MM,
    GRID_GREY,
    HEADER_BASELINE,
    HEADER_FILL,
    MARGIN_MM,
    PAGE_OF,
    RUNNING_HEADER_MM,
    TEXT_GREY,
    TickBox,
    draw_footer,
    draw_running_header,
    sheet_document,
    sheet_frame,
    shortened,
    write_counting_pages,
)

# Texts on the sheet. Their translations wait in tools/i18n_pending/advice_printing.json.
SCHEDULE_TITLE = N_("Day schedule")
ADVICE_HOURS = N_("Advice hours")
NO_HOURS = N_("No advice hours on this day.")
# NOTE: Marks one-off extra advice hours on the day schedule, e.g. "16.00–18.00 (extra hours)".
EXTRA_HOURS = N_("extra hours")
# NOTE: A summary on the day schedule: how many sessions are booked and how many times are free.
BOOKED_AND_FREE = N_("Booked: {booked} · Free times: {free}")
TIME = N_("Time")
NAME = N_("Name")
PHONE = N_("Phone")
TOPIC = N_("Topic")
LANGUAGE = N_("Language")
INTERPRETER = N_("Interpreter")
STATUS = N_("Status")
CAME = N_("Came")
# NOTE: A row of the day schedule for a time nobody has booked.
FREE = N_("Free")
# NOTE: A time on the day schedule held for the first person in the queue until the desk calls.
HELD_FOR = N_("Offered to {name} from the queue")
OUTSIDE_HOURS = N_("outside the hours")
NOTES = N_("Notes")
CONFIDENTIAL = N_("Confidential: this paper contains advice notes. Do not leave it lying around.")
PRINTED = N_("Printed {when}")

"""Room the running header of the later pages (and a sheet with notes) takes above the table."""

TIME_COLUMN_MM = 22.0
PERSON_COLUMN_MM = 44.0
"""The name, and the phone number under it."""
TOPIC_COLUMN_MM = 32.0
LANGUAGE_COLUMN_MM = 22.0
INTERPRETER_COLUMN_MM = 22.0
STATUS_COLUMN_MM = 22.0
CAME_COLUMN_MM = (
    CONTENT_WIDTH_MM
    - TIME_COLUMN_MM
    - PERSON_COLUMN_MM
    - TOPIC_COLUMN_MM
    - LANGUAGE_COLUMN_MM
    - INTERPRETER_COLUMN_MM
    - STATUS_COLUMN_MM
)
COLUMN_WIDTHS_MM = (
    TIME_COLUMN_MM,
    PERSON_COLUMN_MM,
    TOPIC_COLUMN_MM,
    LANGUAGE_COLUMN_MM,
    INTERPRETER_COLUMN_MM,
    STATUS_COLUMN_MM,
    CAME_COLUMN_MM,
)
SPANNED_MM = CONTENT_WIDTH_MM - TIME_COLUMN_MM
"""A free row's text runs across every column after the time."""
ROW_HEIGHT_MM = 9.0
"""Room to tick the box and to write a walk-in's name into a free row."""
CELL_PADDING_MM = 1.2
CELL_PT = 9.0
HEADER_PT = 8.5
SMALLEST_CELL_PT = 6.0

FREE_FILL = colors.HexColor("#f6f6f6")
FREE_GREY = colors.HexColor("#707070")


class LineKind(StrEnum):
    SESSION = "session"
    FREE = "free"
    HELD = "held"


@dataclass(frozen=True)
class ScheduleNote:
    written_at: dt.datetime
    written_by: str
    text: str


@dataclass(frozen=True)
class ScheduleLine:
    """One row of the day: a session, a free time or a time held for the queue."""

    kind: LineKind
    starts_at: dt.datetime
    ends_at: dt.datetime
    person_name: str = ""
    phone: str = ""
    topic: str = ""
    language: str = ""
    """Display name of the session's language, already in the app's language."""
    interpreter: str = ""
    """Display name of the language the interpreter is booked for; "" when none."""
    status: str = ""
    """The status as the app names it ("Booked", "Done", …)."""
    came: bool = False
    outside_hours: bool = False
    notes: tuple[ScheduleNote, ...] = ()


@dataclass(frozen=True)
class HoursLine:
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str = ""
    extra: bool = False


@dataclass(frozen=True)
class DaySchedule:
    adviser_name: str
    day: dt.date
    lines: Sequence[ScheduleLine]
    hours: Sequence[HoursLine] = ()
    centre_name: str = ""
    with_notes: bool = False
    printed_at: dt.datetime | None = None

    @property
    def booked_count(self) -> int:
        return sum(1 for line in self.lines if line.kind == LineKind.SESSION)

    @property
    def free_count(self) -> int:
        return sum(1 for line in self.lines if line.kind == LineKind.FREE)


def render_day_schedule(out: str | os.PathLike[str] | BinaryIO, schedule: DaySchedule) -> int:
    """Write the A4 day schedule in the app's current language; returns the number of pages."""
    register_fonts()
    return write_counting_pages(
        out, lambda target, total: _Sheet(schedule, total_pages=total).build(target)
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
        self.kicker = ParagraphStyle(
            "kicker",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=TEXT_GREY,
        )
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=FONT_BOLD, fontSize=19, leading=23
        )
        self.date = ParagraphStyle("date", parent=self.body, fontSize=14, leading=18)
        self.info = ParagraphStyle(
            "info", parent=self.body, fontSize=9.5, leading=12.5, textColor=TEXT_GREY
        )
        self.note = ParagraphStyle("note", parent=self.body, fontSize=8.5, leading=11)


class _Sheet:
    """One run of the document: the story, the page furniture and the build."""

    def __init__(self, schedule: DaySchedule, total_pages: int | None) -> None:
        self.schedule = schedule
        self.total_pages = total_pages
        self.styles = _Styles()

    def build(self, target: str | BinaryIO) -> int:
        first_header = RUNNING_HEADER_MM if self.schedule.with_notes else 0.0
        document = sheet_document(
            target,
            title=" · ".join(
                [_(SCHEDULE_TITLE), self.schedule.adviser_name, format_date(self.schedule.day)]
            ),
            lang=current_language().code,
        )
        document.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [sheet_frame("first", first_header)],
                    onPage=self._draw_first_page,
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

    # -- page furniture -------------------------------------------------------------------

    def _page_number(self, number: int) -> str:
        total = self.total_pages if self.total_pages is not None else number
        return _(PAGE_OF).format(number=number, total=total)

    def _draw_footer(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        schedule = self.schedule
        left = [schedule.centre_name.strip()]
        if schedule.printed_at is not None:
            left.append(_(PRINTED).format(when=format_datetime(schedule.printed_at)))
        draw_footer(
            canvas, " · ".join(part for part in left if part), self._page_number(document.page)
        )

    def _draw_confidential(self, canvas: Canvas, baseline: float) -> None:
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawString(
            MARGIN_MM * mm,
            baseline,
            shortened(_(CONFIDENTIAL), FONT_BOLD, 8.5, CONTENT_WIDTH_MM * mm),
        )
        canvas.restoreState()

    def _draw_first_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        self._draw_footer(canvas, document)
        if self.schedule.with_notes:
            self._draw_confidential(canvas, HEADER_BASELINE)

    def _draw_later_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Name, date and page above the table, so a loose page still tells what it is."""
        self._draw_footer(canvas, document)
        schedule = self.schedule
        title = f"{schedule.adviser_name} · {format_full_date(schedule.day)}"
        if schedule.with_notes:
            title = " · ".join([title, _(CONFIDENTIAL)])
        draw_running_header(canvas, title, self._page_number(document.page))

    # -- the story ------------------------------------------------------------------------

    def _story(self) -> list[Flowable]:
        return [*self._heading(), Spacer(1, 5 * mm), self._table()]

    def _heading(self) -> list[Flowable]:
        styles = self.styles
        schedule = self.schedule
        kicker = [_(SCHEDULE_TITLE).upper()]
        if schedule.centre_name.strip():
            kicker.insert(0, schedule.centre_name.strip())
        flowables: list[Flowable] = [
            Paragraph(escape(" · ".join(kicker)), styles.kicker),
            Paragraph(escape(schedule.adviser_name), styles.title),
            Paragraph(escape(capitalized(format_full_date(schedule.day))), styles.date),
            Spacer(1, 2 * mm),
        ]
        if schedule.hours:
            hours = []
            for window in schedule.hours:
                text = format_time_range(window.starts_at, window.ends_at)
                extras = [window.place.strip()] if window.place.strip() else []
                if window.extra:
                    extras.append(_(EXTRA_HOURS))
                if extras:
                    text = f"{text} ({', '.join(extras)})"
                hours.append(text)
            hours_label = escape(_(ADVICE_HOURS))
            hours_text = f"<b>{hours_label}:</b> {escape('; '.join(hours))}"
        else:
            hours_text = escape(_(NO_HOURS))
        flowables.append(Paragraph(hours_text, styles.info))
        flowables.append(
            Paragraph(
                escape(
                    _(BOOKED_AND_FREE).format(
                        booked=schedule.booked_count, free=schedule.free_count
                    )
                ),
                styles.info,
            )
        )
        return flowables

    def _header_cell(
        self, message: str, width_mm: float, centred: bool = False, second: str = ""
    ) -> Paragraph:
        lines = [(_(message), True)]
        if second:
            lines.append((_(second), False))
        return _fitting_paragraph(lines, width_mm, size=HEADER_PT, centred=centred)

    def _table(self) -> Table:
        header = [
            self._header_cell(TIME, TIME_COLUMN_MM),
            self._header_cell(NAME, PERSON_COLUMN_MM, second=PHONE),
            self._header_cell(TOPIC, TOPIC_COLUMN_MM),
            self._header_cell(LANGUAGE, LANGUAGE_COLUMN_MM),
            self._header_cell(INTERPRETER, INTERPRETER_COLUMN_MM),
            self._header_cell(STATUS, STATUS_COLUMN_MM),
            self._header_cell(CAME, CAME_COLUMN_MM, centred=True),
        ]
        rows: list[list] = [header]
        heights: list[float | None] = [None]
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_MM * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_MM * mm),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_MM * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_MM * mm),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.4, GRID_GREY),
        ]
        for line in self.schedule.lines:
            index = len(rows)
            commands.append(("LINEABOVE", (0, index), (-1, index), 0.4, GRID_GREY))
            if line.kind == LineKind.FREE:
                rows.append(self._free_row(line))
                commands += [
                    ("SPAN", (1, index), (-1, index)),
                    ("BACKGROUND", (0, index), (-1, index), FREE_FILL),
                ]
            elif line.kind == LineKind.HELD:
                rows.append(self._held_row(line))
                commands.append(("SPAN", (1, index), (-1, index)))
            else:
                rows.append(self._session_row(line))
            heights.append(_row_height(rows[-1]))
            if line.notes:
                for note in line.notes:
                    rows.append(["", self._note_cell(note), *[""] * 5])
                    heights.append(None)
                    note_index = len(rows) - 1
                    commands += [
                        ("SPAN", (1, note_index), (-1, note_index)),
                        ("VALIGN", (0, note_index), (-1, note_index), "TOP"),
                        ("TOPPADDING", (0, note_index), (-1, note_index), 0.4 * mm),
                    ]
                # A session never ends a page without its first note.
                commands.append(("NOSPLIT", (0, index), (-1, index + 1)))
        table = Table(
            rows,
            colWidths=[width * mm for width in COLUMN_WIDTHS_MM],
            rowHeights=heights,
            repeatRows=1,
        )
        table.setStyle(TableStyle(commands))
        return table

    def _session_row(self, line: ScheduleLine) -> list:
        time = format_time_range(line.starts_at, line.ends_at)
        status = line.status
        if line.outside_hours:
            outside = _(OUTSIDE_HOURS)
            status = f"{status} ({outside})"
        person = [(line.person_name, True)]
        if line.phone:
            person.append((line.phone, False))
        return [
            _fitting_paragraph([(time, True)], TIME_COLUMN_MM),
            _fitting_paragraph(person, PERSON_COLUMN_MM),
            _fitting_paragraph([(line.topic, False)], TOPIC_COLUMN_MM),
            _fitting_paragraph([(line.language, False)], LANGUAGE_COLUMN_MM),
            _fitting_paragraph([(line.interpreter, False)], INTERPRETER_COLUMN_MM),
            _fitting_paragraph([(status, False)], STATUS_COLUMN_MM),
            TickBox(ticked=line.came),
        ]

    def _spanning_row(self, line: ScheduleLine, text: str, colour) -> list:
        time = format_time_range(line.starts_at, line.ends_at)
        return [
            _fitting_paragraph([(time, False)], TIME_COLUMN_MM, colour=colour),
            _fitting_paragraph([(text, False)], SPANNED_MM, colour=colour),
            *[""] * 5,
        ]

    def _free_row(self, line: ScheduleLine) -> list:
        return self._spanning_row(line, _(FREE), FREE_GREY)

    def _held_row(self, line: ScheduleLine) -> list:
        return self._spanning_row(line, _(HELD_FOR).format(name=line.person_name), TEXT_GREY)

    def _note_cell(self, note: ScheduleNote) -> Paragraph:
        lead = " · ".join([_(NOTES), format_datetime(note.written_at)])
        if note.written_by:
            lead = f"{lead} · {note.written_by}"
        body = "<br/>".join(escape(part) for part in note.text.splitlines())
        return Paragraph(f"<b>{escape(lead)}:</b> {body}", self.styles.note)


def _fitting_paragraph(
    lines: Sequence[tuple[str, bool]],
    width_mm: float,
    *,
    colour=colors.black,
    size: float = CELL_PT,
    centred: bool = False,
) -> Paragraph:
    """A cell of (text, bold) lines, in smaller type when a word is wider than the column.

    Words are never broken inside: "Заброньовано" gets smaller rather than
    "Заброньова-но".
    """
    room = (width_mm - 2 * CELL_PADDING_MM) * mm
    widest = max(
        (
            stringWidth(word, FONT_BOLD if bold else FONT_REGULAR, size)
            for text, bold in lines
            for word in text.split()
        ),
        default=0.0,
    )
    if widest > room:
        size = max(SMALLEST_CELL_PT, size * room / widest)
    style = ParagraphStyle(
        "cell",
        fontName=FONT_REGULAR,
        bulletFontName=FONT_REGULAR,
        fontSize=size,
        leading=size * 1.25,
        textColor=colour,
        alignment=TA_CENTER if centred else TA_LEFT,
    )
    markup = "<br/>".join(
        f"<b>{escape(text)}</b>" if bold else escape(text) for text, bold in lines if text
    )
    return Paragraph(markup, style)


def _row_height(cells: list) -> float:
    """At least ROW_HEIGHT_MM; more when a long name or topic wraps."""
    needed = 0.0
    spanned = all(cell == "" for cell in cells[2:])
    for index, (cell, width_mm) in enumerate(zip(cells, COLUMN_WIDTHS_MM, strict=True)):
        if isinstance(cell, Flowable):
            if spanned and index == 1:
                width_mm = SPANNED_MM
            _, height = cell.wrap((width_mm - 2 * CELL_PADDING_MM) * mm, A4[1])
            needed = max(needed, height + 2 * CELL_PADDING_MM * mm)
    return max(ROW_HEIGHT_MM * mm, needed)
