"""The coordinator's week: a column per day, each free, booked or held time drawn as a block.

Painted by hand like the events month, so a week of thirty-minute slots
lays out at once and reads calmly: light green for free, blue for booked,
grey with ✓ for done, struck through for did not come, yellow for a time
held for someone in the queue, a red outline for a booking outside the
hours. Arrow keys move between the blocks, Enter opens one.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core.advice import DayPlan, SessionStatus, Slot, SlotState, status_name
from lumijobi_desktop.core.holidays import holiday_name
from lumijobi_desktop.core.i18n import _, format_time
from lumijobi_desktop.ui.advice.texts import capitalized, held_text, slot_tooltip
from lumijobi_desktop.ui.events.month_view import day_and_month, long_weekday, short_weekday

AXIS_WIDTH = 52
COLUMN_MIN_WIDTH = 92
MIN_PX_PER_MINUTE = 1.1  # 33 px for 30 minutes: two lines of small text
DEFAULT_AXIS = (10 * 60, 14 * 60)  # minutes of the day, when the week has no hours

ACCENT = QColor("#1565c0")
TEXT = QColor("#1f2328")
DIM_TEXT = QColor("#6f7378")
FAINT_TEXT = QColor("#9aa0a6")
HOLIDAY = QColor("#b3261e")
GRID = QColor("#e3e6ea")
HALF_GRID = QColor("#eef0f2")
NO_HOURS = QColor("#f4f5f7")
TODAY_TINT = QColor("#f3f8fe")


@dataclass(frozen=True)
class Look:
    fill: str
    border: str
    text: str
    hover: str


LOOKS = {
    "free": Look("#e8f5e9", "#a5d6a7", "#1b5e20", "#d4ecd6"),
    "past": Look("#fbfbfb", "#e6e8eb", "#b0b5b0", "#fbfbfb"),
    "booked": Look("#e3eefb", "#90b4e6", "#1f2328", "#d2e2f7"),
    "done": Look("#eeeeee", "#c8c8c8", "#5f6368", "#e4e4e4"),
    "no_show": Look("#fbeee6", "#e6b99c", "#8a4b00", "#f6e2d6"),
    "held": Look("#fff6d5", "#f2c94c", "#6d4c00", "#fdeeb8"),
}
INTERPRETER = QColor("#e65100")
OUTSIDE = QColor("#d32f2f")


def _minute_of(moment: dt.datetime, day: dt.date) -> int:
    """Minutes from the start of `day` to `moment`, kept within that day."""
    minutes = (moment - dt.datetime.combine(day, dt.time())).total_seconds() // 60
    return int(min(max(minutes, 0), 24 * 60))


def look_key(slot: Slot, moment: dt.datetime) -> str:
    if slot.state == SlotState.FREE:
        return "past" if slot.start < moment else "free"
    if slot.state == SlotState.HELD:
        return "held"
    status = slot.session.status if slot.session is not None else SessionStatus.BOOKED.value
    if status == SessionStatus.DONE.value:
        return "done"
    if status == SessionStatus.NO_SHOW.value:
        return "no_show"
    return "booked"


@dataclass
class Block:
    """A time drawn in the week: where it is and what it says (for the tests and tooltips)."""

    slot: Slot
    rect: QRect
    look: str
    lines: list[str] = field(default_factory=list)
    badges: list[tuple[str, bool]] = field(default_factory=list)  # (text, interpreter?)

    @property
    def start(self) -> dt.datetime:
        return self.slot.start

    @property
    def state(self) -> SlotState:
        return self.slot.state

    @property
    def session_id(self) -> int | None:
        return self.slot.session.id if self.slot.session is not None else None

    def text(self) -> str:
        return " | ".join(line for line in self.lines if line)


def block_lines(slot: Slot, moment: dt.datetime) -> list[str]:
    """What a block says, most important first; as many lines as fit are drawn."""
    if slot.state == SlotState.FREE:
        return [] if slot.start < moment else [_("Free")]
    if slot.state == SlotState.HELD:
        return [held_text(slot.held_for)]
    row = slot.session
    name = row.person_name
    if row.status == SessionStatus.DONE.value:
        name = "✓ " + name
    lines = [name]
    if row.status == SessionStatus.NO_SHOW.value:
        lines.append(status_name(SessionStatus.NO_SHOW.value))
    lines.append(row.topic)
    if slot.outside_hours:
        lines.append(_("Outside the hours"))
    return lines


def block_badges(slot: Slot) -> list[tuple[str, bool]]:
    """Small marks in a booking's corner: the session's language and the interpreter's."""
    row = slot.session
    if slot.state != SlotState.BOOKED or row is None:
        return []
    badges = []
    if row.language:
        badges.append((row.language.upper(), False))
    if row.interpreter_needed:
        badges.append(((row.interpreter_language or "?").upper(), True))
    return badges


class WeekCanvas(QWidget):
    """The painted week itself; `WeekView` puts it in a scroll area."""

    slot_clicked = Signal(object)  # Slot
    slot_activated = Signal(object)  # Slot: Enter, or a click on a free time
    selection_changed = Signal(object)  # Slot | None
    day_opened = Signal(object)  # dt.date: a day's heading was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adviceWeekCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.plans: list[DayPlan] = []
        self.days: list[dt.date] = []
        self.today = dt.date.today()
        self.moment = dt.datetime.now()
        self.axis = DEFAULT_AXIS
        self.blocks: list[Block] = []
        self.columns: dict[dt.date, QRect] = {}
        self.headers: dict[dt.date, QRect] = {}
        self.selected: Block | None = None
        self._hover: Block | None = None
        self._header_h = 40
        self._layout_done = False

    # data -------------------------------------------------------------------------------------
    def set_plans(self, plans: list[DayPlan], moment: dt.datetime, keep: dt.datetime | None):
        self.plans = plans
        self.moment = moment
        self.today = moment.date()
        self.days = [
            plan.day
            for plan in plans
            if plan.day.weekday() < 5 or plan.windows or plan.slots or plan.day == self.today
        ]
        self.axis = self._axis_times()
        self.setMinimumHeight(self._minimum_height())
        self.setMinimumWidth(AXIS_WIDTH + COLUMN_MIN_WIDTH * max(1, len(self.days)))
        self._relayout()
        self.selected = self.block_at(keep) if keep is not None else None
        self._hover = None
        self.update()

    def _axis_times(self) -> tuple[int, int]:
        """The first and last minute of the day the time axis shows, on whole hours."""
        starts, ends = [], []
        for plan in self.plans:
            spans = [(window.start, window.end) for window in plan.windows]
            spans += [(slot.start, slot.end) for slot in plan.slots]
            for start, end in spans:
                starts.append(_minute_of(start, plan.day))
                ends.append(_minute_of(end, plan.day))
        if not starts:
            return DEFAULT_AXIS
        first = min(starts) // 60 * 60
        last = min(24 * 60, math.ceil(max(ends) / 60) * 60)
        return first, max(last, first + 60)

    def _axis_minutes(self) -> int:
        return self.axis[1] - self.axis[0]

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(7.5, base.pointSizeF() * 0.9))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def _minimum_height(self) -> int:
        base, _small, _bold = self._fonts()
        self._header_h = QFontMetrics(base).height() * 2 + 12
        return self._header_h + math.ceil(self._axis_minutes() * MIN_PX_PER_MINUTE) + 8

    # geometry ---------------------------------------------------------------------------------
    def _y_of(self, moment: dt.datetime, day: dt.date) -> int:
        return round(self._top + (_minute_of(moment, day) - self.axis[0]) * self._ppm)

    def _relayout(self) -> None:
        base = self._fonts()[0]
        self._header_h = QFontMetrics(base).height() * 2 + 12
        self._top = self._header_h + 2
        usable = max(1, self.height() - self._top - 6)
        self._ppm = max(MIN_PX_PER_MINUTE, usable / self._axis_minutes())
        count = max(1, len(self.days))
        width = self.width() - AXIS_WIDTH
        xs = [AXIS_WIDTH + width * index // count for index in range(count + 1)]
        self.columns = {}
        self.headers = {}
        for index, day in enumerate(self.days):
            self.columns[day] = QRect(xs[index], self._top, xs[index + 1] - xs[index], usable)
            self.headers[day] = QRect(xs[index], 0, xs[index + 1] - xs[index], self._header_h)
        plans = {plan.day: plan for plan in self.plans}
        self.blocks = []
        for day in self.days:
            column = self.columns[day]
            for slot in plans[day].slots:
                top = self._y_of(slot.start, day)
                bottom = self._y_of(slot.end, day)
                rect = QRect(
                    column.left() + 4, top + 1, column.width() - 8, max(6, bottom - top - 2)
                )
                self.blocks.append(
                    Block(
                        slot,
                        rect,
                        look_key(slot, self.moment),
                        block_lines(slot, self.moment),
                        block_badges(slot),
                    )
                )
        if self.selected is not None:
            self.selected = self.block_at(self.selected.start)
        self._layout_done = True

    def resizeEvent(self, event) -> None:
        self._relayout()
        super().resizeEvent(event)

    # lookups for the view and the tests ------------------------------------------------------
    def block_at(self, start: dt.datetime | None) -> Block | None:
        if start is None:
            return None
        return next((block for block in self.blocks if block.start == start), None)

    def block_of_session(self, session_id: int) -> Block | None:
        return next((block for block in self.blocks if block.session_id == session_id), None)

    def _block_at_point(self, pos: QPoint) -> Block | None:
        return next((block for block in self.blocks if block.rect.contains(pos)), None)

    def _header_at_point(self, pos: QPoint) -> dt.date | None:
        return next((day for day, rect in self.headers.items() if rect.contains(pos)), None)

    def day_message(self, day: dt.date) -> str:
        """What a day without hours says ('' when it has hours)."""
        plan = next((plan for plan in self.plans if plan.day == day), None)
        if plan is None or plan.windows:
            return ""
        holiday = holiday_name(day)
        if holiday:
            return _("{holiday}: no advice").format(holiday=holiday)
        return _("No advice on this day")

    # painting ---------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if not self._layout_done:
            self._relayout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette().base())
        base, small, bold = self._fonts()
        plans = {plan.day: plan for plan in self.plans}
        for day in self.days:
            self._paint_column(painter, day, plans[day], small)
        self._paint_grid(painter, small)
        for day in self.days:
            self._paint_header(painter, day, base, bold, small)
        for block in self.blocks:
            self._paint_block(painter, block, base, small, bold)
        self._paint_now(painter)
        painter.end()

    def _paint_column(self, painter: QPainter, day: dt.date, plan: DayPlan, small: QFont) -> None:
        column = self.columns[day]
        painter.fillRect(column, NO_HOURS)
        for window in plan.windows:
            top = self._y_of(window.start, day)
            bottom = self._y_of(window.end, day)
            fill = TODAY_TINT if day == self.today else self.palette().base().color()
            painter.fillRect(QRect(column.left(), top, column.width(), bottom - top), fill)
        message = self.day_message(day)
        if message and not plan.slots:
            painter.setFont(small)
            painter.setPen(HOLIDAY if holiday_name(day) else DIM_TEXT)
            area = column.adjusted(8, 12, -8, 0)
            area.setHeight(QFontMetrics(small).height() * 4)
            painter.drawText(area, Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap, message)

    def _paint_grid(self, painter: QPainter, small: QFont) -> None:
        first = self.axis[0]
        painter.setFont(small)
        fm = QFontMetrics(small)
        minutes = self._axis_minutes()
        right = self.width() - 1
        bottom = self._top + round(minutes * self._ppm)
        for step in range(0, minutes + 1, 30):
            moment = dt.datetime.combine(self.today, dt.time()) + dt.timedelta(minutes=first + step)
            y = self._top + round(step * self._ppm)
            on_hour = moment.minute == 0
            painter.setPen(QPen(GRID if on_hour else HALF_GRID, 1))
            painter.drawLine(AXIS_WIDTH, y, right, y)
            if on_hour and step < minutes:
                painter.setPen(DIM_TEXT)
                label = QRect(0, y - 1, AXIS_WIDTH - 8, fm.height())
                painter.drawText(label, Qt.AlignRight | Qt.AlignTop, format_time(moment))
        painter.setPen(QPen(GRID, 1))
        for rect in self.columns.values():
            painter.drawLine(rect.left(), 0, rect.left(), bottom)
        painter.drawLine(right, 0, right, bottom)
        painter.drawLine(AXIS_WIDTH, self._header_h, right, self._header_h)

    def _paint_header(
        self, painter: QPainter, day: dt.date, base: QFont, bold: QFont, small: QFont
    ) -> None:
        rect = self.headers[day].adjusted(1, 0, -1, 0)
        is_today = day == self.today
        if is_today:
            painter.fillRect(rect.adjusted(0, 0, 0, -1), QColor("#e3eefb"))
            painter.fillRect(QRect(rect.left(), rect.bottom() - 2, rect.width(), 3), ACCENT)
        holiday = holiday_name(day)
        colour = ACCENT if is_today else (HOLIDAY if holiday or day.weekday() == 6 else TEXT)
        fm = QFontMetrics(bold)
        name = capitalized(long_weekday(day))
        if fm.horizontalAdvance(name) > rect.width() - 12:
            name = capitalized(short_weekday(day))
        line_h = QFontMetrics(base).height()
        painter.setFont(bold)
        painter.setPen(colour)
        painter.drawText(
            QRect(rect.left() + 8, rect.top() + 5, rect.width() - 12, line_h),
            Qt.AlignLeft | Qt.AlignVCenter,
            name,
        )
        painter.setFont(base)
        second = day_and_month(day)
        if is_today:
            second = _("{date} · today").format(date=second)
        painter.drawText(
            QRect(rect.left() + 8, rect.top() + 5 + line_h, rect.width() - 12, line_h),
            Qt.AlignLeft | Qt.AlignVCenter,
            QFontMetrics(base).elidedText(second, Qt.ElideRight, rect.width() - 12),
        )

    def _paint_block(
        self, painter: QPainter, block: Block, base: QFont, small: QFont, bold: QFont
    ) -> None:
        if block.look == "past" and self.selected is not block:
            return  # a free time that has passed: nothing to do with it, so nothing drawn
        look = LOOKS[block.look]
        rect = QRectF(block.rect)
        hovered = self._hover is block and block.look != "past"
        painter.setPen(QPen(QColor(look.border), 1))
        painter.setBrush(QColor(look.hover if hovered else look.fill))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        if block.state == SlotState.BOOKED:
            bar = QColor(look.border if block.look != "booked" else ACCENT)
            painter.setPen(Qt.NoPen)
            painter.setBrush(bar)
            painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        if block.slot.outside_hours:
            painter.setPen(QPen(OUTSIDE, 2, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        if self.selected is block:
            painter.setPen(QPen(ACCENT, 3 if self.hasFocus() else 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
        self._paint_block_text(painter, block, look, small, bold)

    def _paint_block_text(
        self, painter: QPainter, block: Block, look: Look, small: QFont, bold: QFont
    ) -> None:
        if not block.lines:
            return
        inner = block.rect.adjusted(8, 2, -4, -2)
        first_font = QFont(bold if block.state == SlotState.BOOKED else small)
        if block.state == SlotState.BOOKED:
            first_font.setPointSizeF(small.pointSizeF())
        first_font.setStrikeOut(block.look == "no_show")
        line_h = QFontMetrics(small).height()
        room = max(1, inner.height() // line_h)
        # The badges sit at the right of the second line (the topic), so the name stays whole.
        badge_line = 1 if room >= 2 and len(block.lines) >= 2 else 0
        badge_w = 0
        if block.badges:
            badge_w = self._paint_badges(
                painter, block, small, inner, inner.top() + badge_line * line_h
            )
        if block.state == SlotState.HELD and room >= 2:
            painter.setFont(small)
            painter.setPen(QColor(look.text))
            painter.drawText(inner, Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, block.lines[0])
            return
        top = inner.top()
        if room == 1 and block.state != SlotState.BOOKED:
            top = inner.top() + (inner.height() - line_h) // 2
        for index, line in enumerate(block.lines[:room]):
            font = first_font if index == 0 else small
            fm = QFontMetrics(font)
            width = inner.width() - (badge_w if index == badge_line else 0)
            colour = QColor(look.text)
            if block.look == "no_show" and index == 1:
                colour = QColor("#8a4b00")
            elif index > 0 and block.look == "booked":
                colour = DIM_TEXT
            if line == _("Outside the hours"):
                colour = OUTSIDE
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(
                QRect(inner.left(), top + index * line_h, width, line_h),
                Qt.AlignLeft | Qt.AlignVCenter,
                fm.elidedText(line, Qt.ElideRight, width),
            )

    def _paint_badges(
        self, painter: QPainter, block: Block, small: QFont, inner: QRect, top: int
    ) -> int:
        font = QFont(small)
        font.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        font.setBold(True)
        fm = QFontMetrics(font)
        height = fm.height()
        right = inner.right()
        used = 0
        for text, interpreter in reversed(block.badges):
            width = fm.horizontalAdvance(text) + 8
            if used + width > inner.width() // 2:
                break
            rect = QRectF(right - width - used + 1, top + 1, width, height)
            if interpreter:
                painter.setPen(Qt.NoPen)
                painter.setBrush(INTERPRETER)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(QColor("white"))
            else:
                painter.setPen(QPen(QColor("#90a4ae"), 1))
                painter.setBrush(QColor("#ffffff"))
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(QColor("#455a64"))
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignCenter, text)
            used += width + 3
        return used

    def _paint_now(self, painter: QPainter) -> None:
        column = self.columns.get(self.today)
        if column is None:
            return
        first, last = self.axis
        if not first <= _minute_of(self.moment, self.today) <= last:
            return
        y = self._y_of(self.moment, self.today)
        painter.setPen(QPen(QColor("#d32f2f"), 2))
        painter.drawLine(column.left() + 1, y, column.right() - 1, y)
        painter.setBrush(QColor("#d32f2f"))
        painter.drawEllipse(QPoint(column.left() + 3, y), 3, 3)

    # mouse and keyboard -----------------------------------------------------------------------
    def select(self, block: Block | None, *, notify: bool = True) -> None:
        """Choose a block; `selection_changed` tells the view unless a click says more."""
        if block is self.selected:
            return
        self.selected = block
        self.update()
        if notify:
            self.selection_changed.emit(block.slot if block is not None else None)

    def mouseMoveEvent(self, event) -> None:
        block = self._block_at_point(event.position().toPoint())
        if block is not self._hover:
            self._hover = block
            clickable = block is not None and block.look != "past"
            if self._header_at_point(event.position().toPoint()) is not None:
                clickable = True
            self.setCursor(Qt.PointingHandCursor if clickable else Qt.ArrowCursor)
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
        day = self._header_at_point(pos)
        if day is not None:
            self.day_opened.emit(day)
            return None
        block = self._block_at_point(pos)
        if block is None:
            return None
        self.select(block, notify=False)
        self.slot_clicked.emit(block.slot)
        if block.state == SlotState.FREE and block.look != "past":
            self.slot_activated.emit(block.slot)
        return None

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down):
            self._move(key)
            return
        if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and self.selected is not None:
            self.slot_activated.emit(self.selected.slot)
            return
        super().keyPressEvent(event)

    def _first_block(self) -> Block | None:
        today = [block for block in self.blocks if block.start.date() == self.today]
        later = [block for block in today if block.slot.end > self.moment]
        return (later or today or self.blocks or [None])[0]

    def _move(self, key) -> None:
        if not self.blocks:
            return
        current = self.selected
        if current is None:
            self.select(self._first_block())
            return
        day = current.start.date()
        same_day = [block for block in self.blocks if block.start.date() == day]
        index = same_day.index(current)
        if key == Qt.Key_Up:
            self.select(same_day[max(0, index - 1)])
            return
        if key == Qt.Key_Down:
            self.select(same_day[min(len(same_day) - 1, index + 1)])
            return
        step = -1 if key == Qt.Key_Left else 1
        position = self.days.index(day) + step
        while 0 <= position < len(self.days):
            others = [block for block in self.blocks if block.start.date() == self.days[position]]
            if others:
                wanted = current.start.time()

                def distance(block: Block, wanted=wanted) -> int:
                    start = block.start.time()
                    return abs(
                        (start.hour * 60 + start.minute) - (wanted.hour * 60 + wanted.minute)
                    )

                self.select(min(others, key=distance))
                return
            position += step

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            block = self._block_at_point(event.pos())
            if block is not None:
                QToolTip.showText(event.globalPos(), slot_tooltip(block.slot), self)
            else:
                day = self._header_at_point(event.pos())
                if day is not None:
                    QToolTip.showText(event.globalPos(), _("Show this day as a list"), self)
                else:
                    QToolTip.hideText()
            return True
        return super().event(event)


def _swatch(text: str, look: Look | None = None, *, interpreter: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    if interpreter:
        style = f"background: {INTERPRETER.name()}; color: white; font-weight: bold;"
    else:
        style = f"background: {look.fill}; color: {look.text}; border: 1px solid {look.border};"
    label.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 1px 6px; }}")
    label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    return label


def legend() -> QWidget:
    """What the colours mean, in a line under the week."""
    box = QWidget(objectName="adviceLegend")
    layout = QHBoxLayout(box)
    layout.setContentsMargins(2, 0, 2, 0)
    layout.setSpacing(6)
    layout.setAlignment(Qt.AlignVCenter)
    # Done (✓) and did not come (struck through, with the words) explain themselves.
    for text, key in (
        (_("Free"), "free"),
        (status_name(SessionStatus.BOOKED.value), "booked"),
        (_("Held for the queue"), "held"),
    ):
        layout.addWidget(_swatch(text, LOOKS[key]))
    layout.addSpacing(8)
    layout.addWidget(_swatch("AR", interpreter=True))
    note = QLabel(_("interpreter needed"))
    note.setToolTip(_("The orange mark shows the language the interpreter is needed for."))
    note.setStyleSheet("color: #5f6368;")
    layout.addWidget(note)
    layout.addStretch(1)
    return box


class WeekView(QWidget):
    """The week in a scroll area, with helpers the tests and the advice view use."""

    slot_clicked = Signal(object)  # Slot
    slot_activated = Signal(object)  # Slot
    selection_changed = Signal(object)  # Slot | None
    day_opened = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adviceWeekView")
        self.canvas = WeekCanvas()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.StyledPanel)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setWidget(self.canvas)
        self.scroll.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.canvas.slot_clicked.connect(self.slot_clicked)
        self.canvas.slot_activated.connect(self.slot_activated)
        self.canvas.selection_changed.connect(self.selection_changed)
        self.canvas.day_opened.connect(self.day_opened)
        self.setFocusProxy(self.canvas)

    def show_week(
        self,
        monday: dt.date,
        plans: list[DayPlan],
        moment: dt.datetime,
        *,
        keep: dt.datetime | None = None,
    ) -> None:
        self.monday = monday
        self.canvas.set_plans(plans, moment, keep)

    # helpers ----------------------------------------------------------------------------------
    def shown_days(self) -> list[dt.date]:
        """The day columns drawn (Saturday and Sunday only when they have hours or bookings)."""
        return list(self.canvas.days)

    def blocks(self) -> list[Block]:
        return list(self.canvas.blocks)

    def block_at(self, start: dt.datetime) -> Block | None:
        return self.canvas.block_at(start)

    def block_of_session(self, session_id: int) -> Block | None:
        return self.canvas.block_of_session(session_id)

    def day_message(self, day: dt.date) -> str:
        return self.canvas.day_message(day)

    def selected_slot(self) -> Slot | None:
        return self.canvas.selected.slot if self.canvas.selected is not None else None

    def select_start(self, start: dt.datetime) -> bool:
        block = self.canvas.block_at(start)
        if block is None:
            return False
        self.canvas.select(block)
        self.scroll.ensureVisible(block.rect.center().x(), block.rect.center().y(), 10, 60)
        return True

    def click_slot(self, start: dt.datetime) -> None:
        """Click the block that starts then, as a person would (for the tests)."""
        from PySide6.QtTest import QTest

        block = self.canvas.block_at(start)
        if block is None:
            raise LookupError(f"no block starts at {start}")
        self.scroll.ensureVisible(block.rect.center().x(), block.rect.center().y(), 10, 10)
        QTest.mouseClick(self.canvas, Qt.LeftButton, pos=block.rect.center())
