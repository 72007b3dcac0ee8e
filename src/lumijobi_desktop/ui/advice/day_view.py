"""One day of the coordinator as a plain list: the desk's easy view of who comes when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core.advice import DayPlan, SessionStatus, Slot, SlotState
from lumijobi_desktop.core.holidays import holiday_name
from lumijobi_desktop.core.i18n import N_, _, format_time_range, ngettext
from lumijobi_desktop.ui.advice.texts import (
    held_text,
    interpreter_language_text,
    language_text,
    slot_state_text,
)
from lumijobi_desktop.ui.advice.week_view import LOOKS, look_key
from lumijobi_desktop.ui.table_models import RowsTableModel

TIME, STATUS, PERSON, PHONE, TOPIC, LANGUAGE, INTERPRETER = range(7)


class DaySlotsModel(RowsTableModel):
    headers = (
        N_("Time"),
        N_("Status"),
        N_("Visitor"),
        N_("Phone"),
        N_("Topic"),
        N_("Language"),
        N_("Interpreter"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.moment = dt.datetime.now()

    def cell(self, slot: Slot, column: int, role: int):
        if role == Qt.DisplayRole:
            return self._text(slot, column)
        if role == Qt.ToolTipRole and column == STATUS and slot.outside_hours:
            return _("This booking is outside the coordinator's hours. Move it or keep it.")
        if role == Qt.BackgroundRole:
            return QBrush(QColor(LOOKS[look_key(slot, self.moment)].fill))
        if role == Qt.ForegroundRole:
            if look_key(slot, self.moment) == "past":
                return QBrush(QColor("#9aa0a6"))
            if column == STATUS and slot.outside_hours:
                return QBrush(QColor("#b3261e"))
            return QBrush(QColor(LOOKS[look_key(slot, self.moment)].text))
        if role == Qt.FontRole and column in (TIME, PERSON) and slot.state == SlotState.BOOKED:
            font = QFont()
            font.setBold(True)
            font.setStrikeOut(
                column == PERSON and slot.session.status == SessionStatus.NO_SHOW.value
            )
            return font
        return None

    def _text(self, slot: Slot, column: int) -> str:
        row = slot.session
        if column == TIME:
            return format_time_range(slot.start, slot.end)
        if column == STATUS:
            text = slot_state_text(slot)
            if slot.state == SlotState.BOOKED and row.status == SessionStatus.DONE.value:
                text = "✓ " + text
            if slot.state == SlotState.FREE and slot.start < self.moment:
                text = _("Passed")
            if slot.outside_hours:
                text = _("{status}, outside the hours").format(status=text)
            return text
        if slot.state == SlotState.HELD:
            return held_text(slot.held_for) if column == PERSON else ""
        if row is None:
            return ""
        if column == PERSON:
            return row.person_name
        if column == PHONE:
            return row.phone
        if column == TOPIC:
            return row.topic
        if column == LANGUAGE:
            return language_text(row.language)
        if column == INTERPRETER:
            return interpreter_language_text(row)
        return ""


class DayView(QWidget):
    """The day's times in a table. Double click or Enter: a free time books, a booking shows."""

    slot_clicked = Signal(object)  # Slot: the selected row
    slot_activated = Signal(object)  # Slot: double click or Enter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adviceDayView")
        self.day = dt.date.today()
        self.summary = QLabel(objectName="daySummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.model = DaySlotsModel(self)
        self.table = QTableView(objectName="daySlots")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(PERSON, QHeaderView.Stretch)
        header.setSectionResizeMode(TOPIC, QHeaderView.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setStyleSheet("QTableView::item:selected { background: #1565c0; color: white; }")
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current.row())
        )
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self._quiet = False

    def show_day(self, plan: DayPlan, moment: dt.datetime, *, keep: dt.datetime | None = None):
        self.day = plan.day
        self._quiet = True
        self.model.moment = moment
        self.model.set_rows(plan.slots)
        self.summary.setText(summary_text(plan, moment))
        if keep is not None:
            self.select_start(keep, quiet=True)
        self._quiet = False

    def slots(self) -> list[Slot]:
        return self.model.rows()

    def row_texts(self) -> list[list[str]]:
        """What each row says, column by column (for the tests)."""
        return [
            [self.model._text(slot, column) for column in range(self.model.columnCount())]
            for slot in self.model.rows()
        ]

    def selected_slot(self) -> Slot | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_start(self, start: dt.datetime, *, quiet: bool = False) -> bool:
        for number, slot in enumerate(self.model.rows()):
            if slot.start == start:
                self._quiet = quiet or self._quiet
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                self._quiet = False
                return True
        return False

    def activate_start(self, start: dt.datetime) -> None:
        """A double click on the row of that time (for the tests)."""
        for number, slot in enumerate(self.model.rows()):
            if slot.start == start:
                self.table.selectRow(number)
                self._activate(number)
                return
        raise LookupError(f"no row starts at {start}")

    def _row_chosen(self, row: int) -> None:
        slot = self.model.row_object(row)
        if slot is not None and not self._quiet:
            self.slot_clicked.emit(slot)

    def _activate(self, row: int) -> None:
        slot = self.model.row_object(row)
        if slot is not None:
            self.slot_activated.emit(slot)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table
            and event.type() == event.Type.KeyPress
            and event.key() in (Qt.Key_Return, Qt.Key_Enter)
        ):
            self._activate(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)


def summary_text(plan: DayPlan, moment: dt.datetime) -> str:
    """`Hours 10.00–14.00 · Neuvontahuone · 3 free times`, or why there is no advice."""
    if not plan.windows:
        holiday = holiday_name(plan.day)
        if holiday:
            return _("{holiday}: no advice").format(holiday=holiday)
        return _("No advice on this day")
    hours = ", ".join(format_time_range(window.start, window.end) for window in plan.windows)
    parts = [_("Hours {hours}").format(hours=hours)]
    places = sorted({window.place for window in plan.windows if window.place})
    parts.extend(places)
    free = sum(1 for slot in plan.slots if slot.state == SlotState.FREE and slot.start >= moment)
    booked = sum(1 for slot in plan.slots if slot.state == SlotState.BOOKED)
    parts.append(ngettext("{count} booking", "{count} bookings", booked).format(count=booked))
    parts.append(
        ngettext("{count} free time", "{count} free times", free).format(count=free)
        if free
        else _("no free times")
    )
    return " · ".join(parts)
