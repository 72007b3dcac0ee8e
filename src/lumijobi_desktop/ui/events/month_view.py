"""The month calendar: six weeks of days, Monday first, with holidays and compact event lines.

Painted by hand rather than built of widgets, so a busy month (a coffee
meeting every Tuesday, community events, trips) lays out in a millisecond
and stays calm to read. Shared display helpers for the week view and the
list (kind colours, time ranges, sign-up counts, month names) live here too.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from babel import dates as babel_dates
from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from lumijobi_desktop.core.events import EventKind, EventRow, event_kind_name
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import (
    _,
    current_language,
    format_date,
    format_time,
    format_time_range,
    ngettext,
)

WEEKS_SHOWN = 6
DAYS_SHOWN = WEEKS_SHOWN * 7

ACCENT = QColor("#1565c0")
HOLIDAY = QColor("#b3261e")
GRID_LINE = QColor("#d5d9de")
TEXT = QColor("#1f2328")
DIM_TEXT = QColor("#9aa0a6")
CANCELLED_TEXT = QColor("#80868b")
CANCELLED_FILL = QColor("#eeeeee")


@dataclass(frozen=True)
class KindColours:
    bar: str  # the strong colour: the left edge of an event
    fill: str  # a light tint behind the event's text
    hover: str


KIND_COLOURS = {
    EventKind.COFFEE.value: KindColours("#8d6e63", "#f4ece8", "#e9dbd4"),
    EventKind.COMMUNITY.value: KindColours("#2e7d32", "#e7f3e8", "#d3e9d5"),
    EventKind.TRAINING.value: KindColours("#1565c0", "#e5eef9", "#d0e0f4"),
    EventKind.TRIP.value: KindColours("#7b1fa2", "#f2e7f6", "#e5d2ee"),
    EventKind.OTHER.value: KindColours("#607d8b", "#eceff1", "#dde3e6"),
}


def kind_colours(kind: str) -> KindColours:
    return KIND_COLOURS.get(kind, KIND_COLOURS[EventKind.OTHER.value])


# -- words and numbers the calendar views share ---------------------------------------------


def _babel_locale() -> str:
    return current_language().babel_locale


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def month_title(year: int, month: int) -> str:
    """'Marraskuu 2026', 'Листопад 2026': the month's own (nominative) name."""
    text = babel_dates.format_date(dt.date(year, month, 1), "LLLL yyyy", locale=_babel_locale())
    return capitalized(text)


def days_range_text(first: dt.date, last: dt.date) -> str:
    """'23.–29.11.2026' in Finnish: the locale's own way of writing a date range."""
    return babel_dates.format_interval(first, last, "yMd", locale=_babel_locale())


def week_title(monday: dt.date) -> str:
    return _("Week {number} · {days}").format(
        number=monday.isocalendar().week, days=days_range_text(monday, monday + dt.timedelta(6))
    )


def short_weekday(day: dt.date) -> str:
    """'ti', 'вт', 'Tue' (the stand-alone form, as a heading uses it)."""
    return babel_dates.format_date(day, "ccc", locale=_babel_locale())


def long_weekday(day: dt.date) -> str:
    """'tiistai', not 'tiistaina': the stand-alone form."""
    return babel_dates.format_date(day, "cccc", locale=_babel_locale())


def day_and_month(day: dt.date) -> str:
    """'24.11.' in Finnish, without the year."""
    return babel_dates.format_skeleton("Md", day, locale=_babel_locale())


def time_range(row: EventRow) -> str:
    """'10.00–12.00'; an event that ends on another day shows the dates too."""
    return format_time_range(row.starts_at, row.ends_at)


def signed_short(row: EventRow) -> str:
    """'12/20' for an event with a capacity, '' otherwise."""
    return f"{row.signed_up}/{row.capacity}" if row.capacity is not None else ""


def counts_text(row: EventRow, moment: dt.datetime | None = None) -> str:
    """Who comes or came: '12 signed up · 8 places left · 3 waiting', '24 came'."""
    moment = moment or dt.datetime.now()
    parts = []
    if row.signup_required or row.signed_up or row.waiting or row.capacity is not None:
        parts.append(
            ngettext("{count} signed up", "{count} signed up", row.signed_up).format(
                count=row.signed_up
            )
        )
        left = row.places_left
        if left is not None and not row.cancelled and row.ends_at > moment:
            parts.append(
                ngettext("{count} place left", "{count} places left", left).format(count=left)
                if left
                else _("full")
            )
        if row.waiting:
            parts.append(
                ngettext("{count} waiting", "{count} waiting", row.waiting).format(
                    count=row.waiting
                )
            )
    if row.participants:
        parts.append(
            ngettext("{count} came", "{count} came", row.participants).format(
                count=row.participants
            )
        )
    return " · ".join(parts)


def event_tooltip(row: EventRow) -> str:
    lines = [
        row.title,
        " ".join([format_date(row.starts_at.date()), time_range(row)]),
        event_kind_name(row.kind),
    ]
    if row.place:
        lines.append(row.place)
    counts = counts_text(row)
    if counts:
        lines.append(counts)
    if row.cancelled:
        lines.append(_("Cancelled"))
    elif row.moved:
        lines.append(_("Moved from its usual day"))
    return "\n".join(lines)


def month_grid_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first (a Monday) and last day of the six weeks that show a month."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday())
    return start, start + dt.timedelta(days=DAYS_SHOWN - 1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- the painted month ------------------------------------------------------------------------


@dataclass
class _Hit:
    rect: QRect
    what: str  # "event", "more" or "day"
    day: dt.date
    event: EventRow | None = None


class MonthView(QWidget):
    """Six weeks around a month. Click an event to open it; '+2 more' or the day's number
    opens that day in the week view; a double click on a day plans a new event there."""

    event_clicked = Signal(int)
    day_opened = Signal(object)  # dt.date: show this day in the week view
    new_event_requested = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(560, 420)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        today = dt.date.today()
        self.year, self.month = today.year, today.month
        self.today = today
        self.selected_day = today
        self.can_create = False
        self.rows_by_day: dict[dt.date, list[EventRow]] = {}
        self.holidays: dict[dt.date, str] = {}
        self._hits: list[_Hit] = []
        self._hover: _Hit | None = None
        self._cells: dict[dt.date, QRect] = {}
        self._layout_done = False

    # data ---------------------------------------------------------------------------------
    def first_day(self) -> dt.date:
        return month_grid_days(self.year, self.month)[0]

    def shown_days(self) -> tuple[dt.date, dt.date]:
        return month_grid_days(self.year, self.month)

    def show_month(
        self,
        year: int,
        month: int,
        rows: list[EventRow],
        *,
        today: dt.date | None = None,
        selected: dt.date | None = None,
    ) -> None:
        self.year, self.month = year, month
        self.today = today or dt.date.today()
        first, last = self.shown_days()
        if selected is not None and first <= selected <= last:
            self.selected_day = selected
        elif not first <= self.selected_day <= last or self.selected_day.month != month:
            self.selected_day = (
                self.today
                if (self.today.year, self.today.month) == (year, month)
                else dt.date(year, month, 1)
            )
        self.rows_by_day = {}
        for row in rows:
            self.rows_by_day.setdefault(row.starts_at.date(), []).append(row)
        self.holidays = {day: _(name) for day, name in holidays_between(first, last).items()}
        self._hover = None
        self._relayout()
        self.update()

    def texts_on(self, day: dt.date) -> list[str]:
        """What the day's cell says: the holiday's name, then one line per event."""
        texts = [self.holidays[day]] if day in self.holidays else []
        return texts + [self._line_text(row) for row in self.rows_by_day.get(day, [])]

    def event_rect(self, event_id: int) -> QRect | None:
        """Where an event's line is drawn (None when it did not fit)."""
        for hit in self._hits:
            if hit.what == "event" and hit.event.event_id == event_id:
                return QRect(hit.rect)
        return None

    def more_rect(self, day: dt.date) -> QRect | None:
        for hit in self._hits:
            if hit.what == "more" and hit.day == day:
                return QRect(hit.rect)
        return None

    def cell_rect(self, day: dt.date) -> QRect | None:
        rect = self._cells.get(day)
        return QRect(rect) if rect is not None else None

    # geometry ------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(7.5, base.pointSizeF() * 0.92))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def _line_text(self, row: EventRow) -> str:
        return f"{format_time(row.starts_at)} {row.title}"

    def _relayout(self) -> None:
        self._hits = []
        self._cells = {}
        base, small, _bold = self._fonts()
        fm = QFontMetrics(base)
        sm = QFontMetrics(small)
        self._header_h = fm.height() + 12
        self._week_w = max(fm.horizontalAdvance("53"), fm.horizontalAdvance(_("Wk"))) + 14
        width, height = self.width(), self.height()
        grid_w = width - self._week_w
        grid_h = height - self._header_h
        self._col_x = [self._week_w + grid_w * c // 7 for c in range(8)]
        self._row_y = [self._header_h + grid_h * r // WEEKS_SHOWN for r in range(WEEKS_SHOWN + 1)]
        self._number_h = fm.height() + 6
        self._line_h = sm.height() + 5
        self._line_gap = 2
        first = self.first_day()
        for index in range(DAYS_SHOWN):
            day = first + dt.timedelta(days=index)
            week, weekday = divmod(index, 7)
            cell = QRect(
                self._col_x[weekday],
                self._row_y[week],
                self._col_x[weekday + 1] - self._col_x[weekday],
                self._row_y[week + 1] - self._row_y[week],
            )
            self._cells[day] = cell
            self._hits.append(
                _Hit(
                    QRect(cell.left() + 2, cell.top() + 2, fm.height() + 14, self._number_h),
                    "day",
                    day,
                )
            )
            self._layout_lines(day, cell)
        self._layout_done = True

    def _layout_lines(self, day: dt.date, cell: QRect) -> None:
        rows = self.rows_by_day.get(day, [])
        if not rows:
            return
        top = cell.top() + self._number_h + 2
        step = self._line_h + self._line_gap
        fits = max(0, (cell.bottom() - 3 - top + self._line_gap) // step)
        shown = rows if len(rows) <= fits else rows[: max(0, fits - 1)]
        left, width = cell.left() + 4, cell.width() - 8
        for number, row in enumerate(shown):
            rect = QRect(left, top + number * step, width, self._line_h)
            self._hits.append(_Hit(rect, "event", day, row))
        if len(shown) < len(rows) and fits >= 1:
            rect = QRect(left, top + len(shown) * step, width, self._line_h)
            self._hits.append(_Hit(rect, "more", day))

    def resizeEvent(self, event) -> None:
        self._relayout()
        super().resizeEvent(event)

    # painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if not self._layout_done:
            self._relayout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette().base())
        base, small, bold = self._fonts()
        self._paint_header(painter, base)
        for day, cell in self._cells.items():
            self._paint_cell(painter, day, cell, base, small, bold)
        for hit in self._hits:
            if hit.what == "event":
                self._paint_event(painter, hit, small)
            elif hit.what == "more":
                self._paint_more(painter, hit, small)
        painter.setPen(QPen(GRID_LINE, 1))
        for x in self._col_x:
            painter.drawLine(x, self._header_h, x, self._row_y[-1])
        for y in self._row_y:
            painter.drawLine(self._week_w, y, self._col_x[-1], y)
        self._paint_marks(painter)
        painter.end()

    def _paint_header(self, painter: QPainter, font: QFont) -> None:
        painter.setFont(font)
        fm = QFontMetrics(font)
        first = self.first_day()
        cell_w = self._col_x[1] - self._col_x[0]
        names = [long_weekday(first + dt.timedelta(days=d)) for d in range(7)]
        if max(fm.horizontalAdvance(name) for name in names) > cell_w - 12:
            names = [short_weekday(first + dt.timedelta(days=d)) for d in range(7)]
        painter.setPen(DIM_TEXT)
        week_header = QRect(0, 0, self._week_w, self._header_h)
        painter.drawText(week_header, Qt.AlignCenter, _("Wk"))
        for column, name in enumerate(names):
            rect = QRect(self._col_x[column] + 8, 0, cell_w - 8, self._header_h)
            painter.setPen(TEXT if column < 5 else DIM_TEXT)
            painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, capitalized(name))
        for week in range(WEEKS_SHOWN):
            monday = first + dt.timedelta(days=7 * week)
            rect = QRect(0, self._row_y[week] + 4, self._week_w, self._number_h)
            painter.setPen(DIM_TEXT)
            painter.drawText(rect, Qt.AlignHCenter | Qt.AlignTop, str(monday.isocalendar().week))

    def _paint_cell(
        self, painter: QPainter, day: dt.date, cell: QRect, base: QFont, small: QFont, bold: QFont
    ) -> None:
        in_month = day.month == self.month
        holiday = self.holidays.get(day)
        if not in_month:
            painter.fillRect(cell, QColor("#f4f5f7"))
        elif holiday:
            painter.fillRect(cell, QColor("#fdf1f0"))
        elif day.weekday() >= 5:
            painter.fillRect(cell, QColor("#fafbfc"))
        number_rect = QRect(cell.left() + 4, cell.top() + 3, 0, self._number_h - 4)
        fm = QFontMetrics(bold)
        number = str(day.day)
        number_w = max(fm.horizontalAdvance(number) + 12, self._number_h - 4)
        number_rect.setWidth(number_w)
        if day == self.today:
            painter.setPen(Qt.NoPen)
            painter.setBrush(ACCENT)
            painter.drawRoundedRect(number_rect, number_rect.height() / 2, number_rect.height() / 2)
            painter.setPen(QColor("white"))
            painter.setFont(bold)
        else:
            painter.setFont(bold if in_month else base)
            if not in_month:
                painter.setPen(DIM_TEXT)
            elif holiday or day.weekday() == 6:
                painter.setPen(HOLIDAY)
            else:
                painter.setPen(TEXT)
        painter.drawText(number_rect, Qt.AlignCenter, number)
        if holiday:
            painter.setFont(small)
            painter.setPen(HOLIDAY if in_month else QColor("#d49a95"))
            left = number_rect.right() + 6
            rect = QRect(left, number_rect.top(), cell.right() - left - 4, number_rect.height())
            text = QFontMetrics(small).elidedText(holiday, Qt.ElideRight, rect.width())
            painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, text)

    def _paint_event(self, painter: QPainter, hit: _Hit, font: QFont) -> None:
        row = hit.event
        colours = kind_colours(row.kind)
        rect = hit.rect
        hovered = self._hover is not None and self._hover.rect == rect
        faded = hit.day.month != self.month
        painter.setPen(Qt.NoPen)
        if row.cancelled:
            painter.setBrush(QColor("#e2e2e2") if hovered else CANCELLED_FILL)
        else:
            painter.setBrush(QColor(colours.hover if hovered else colours.fill))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(QColor(CANCELLED_TEXT if row.cancelled else colours.bar))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 3, rect.height()), 1.5, 1.5)
        text_font = QFont(font)
        text_font.setStrikeOut(row.cancelled)
        fm = QFontMetrics(text_font)
        inner = rect.adjusted(7, 0, -4, 0)
        count = signed_short(row)
        if count:
            count_font = QFont(font)
            count_w = QFontMetrics(count_font).horizontalAdvance(count)
            if count_w < inner.width() // 3:
                painter.setFont(count_font)
                full = row.capacity is not None and row.signed_up >= row.capacity
                painter.setPen(HOLIDAY if full and not row.cancelled else DIM_TEXT)
                painter.drawText(inner, Qt.AlignRight | Qt.AlignVCenter, count)
                inner.setRight(inner.right() - count_w - 6)
        painter.setFont(text_font)
        colour = CANCELLED_TEXT if row.cancelled else TEXT
        if faded:
            colour = DIM_TEXT
        painter.setPen(colour)
        text = fm.elidedText(self._line_text(row), Qt.ElideRight, inner.width())
        painter.drawText(inner, Qt.AlignLeft | Qt.AlignVCenter, text)

    def _paint_more(self, painter: QPainter, hit: _Hit, font: QFont) -> None:
        hidden = len(self.rows_by_day.get(hit.day, [])) - sum(
            1 for other in self._hits if other.what == "event" and other.day == hit.day
        )
        hovered = self._hover is not None and self._hover.rect == hit.rect
        link = QFont(font)
        link.setBold(True)
        link.setUnderline(hovered)
        painter.setFont(link)
        painter.setPen(ACCENT)
        text = ngettext("+{count} more", "+{count} more", hidden).format(count=hidden)
        painter.drawText(hit.rect.adjusted(7, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, text)

    def _paint_marks(self, painter: QPainter) -> None:
        """Today's frame, and the chosen day's when the calendar has the keyboard."""
        today = self._cells.get(self.today)
        if today is not None:
            painter.setPen(QPen(ACCENT, 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(today.adjusted(1, 1, -1, -1))
        chosen = self._cells.get(self.selected_day)
        if chosen is not None and self.hasFocus():
            painter.setPen(QPen(ACCENT, 2, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(chosen.adjusted(3, 3, -3, -3))

    # mouse and keyboard --------------------------------------------------------------------
    def _hit_at(self, pos) -> _Hit | None:
        for hit in self._hits:
            if hit.what != "day" and hit.rect.contains(pos):
                return hit
        for hit in self._hits:
            if hit.what == "day" and hit.rect.contains(pos):
                return hit
        return None

    def day_at(self, pos) -> dt.date | None:
        for day, cell in self._cells.items():
            if cell.contains(pos):
                return day
        return None

    def mouseMoveEvent(self, event) -> None:
        hit = self._hit_at(event.position().toPoint())
        if hit is not self._hover:
            self._hover = hit
            self.setCursor(Qt.PointingHandCursor if hit is not None else Qt.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self._hover is not None:
            self._hover = None
            self.unsetCursor()
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        day = self.day_at(pos)
        if day is not None:
            self.selected_day = day
            self.update()
        hit = self._hit_at(pos)
        if hit is None:
            return None
        if hit.what == "event":
            self.event_clicked.emit(hit.event.event_id)
        else:
            self.day_opened.emit(hit.day)
        return None

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.position().toPoint()
        day = self.day_at(pos)
        hit = self._hit_at(pos)
        if day is not None and hit is None and self.can_create:
            self.new_event_requested.emit(day)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key_Left: -1, Qt.Key_Right: 1, Qt.Key_Up: -7, Qt.Key_Down: 7}
        key = event.key()
        if key in moves:
            first, last = self.shown_days()
            day = self.selected_day + dt.timedelta(days=moves[key])
            if first <= day <= last:
                self.selected_day = day
                self.update()
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.day_opened.emit(self.selected_day)
            return
        if key == Qt.Key_Insert and self.can_create:
            self.new_event_requested.emit(self.selected_day)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            hit = self._hit_at(event.pos())
            if hit is not None and hit.what == "event":
                QToolTip.showText(event.globalPos(), event_tooltip(hit.event), self)
            elif hit is not None and hit.what == "more":
                QToolTip.showText(event.globalPos(), _("Show the whole day in the week view"), self)
            elif self.day_at(event.pos()) in self.holidays:
                QToolTip.showText(event.globalPos(), self.holidays[self.day_at(event.pos())], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
