"""All events as a table, newest first, with a search by title or place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import events
from lumijobi_desktop.core.events import EventRow, event_kind_name
from lumijobi_desktop.core.i18n import N_, _, format_date, ngettext
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.month_view import short_weekday, time_range
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel

SEARCH_DELAY_MS = 250


def status_text(row: EventRow) -> str:
    if row.cancelled:
        return _("Cancelled")
    if row.moved:
        return _("Moved")
    return ""


class EventsTableModel(RowsTableModel):
    headers = (
        N_("Date"),
        N_("Time"),
        N_("Title"),
        N_("Kind"),
        N_("Place"),
        N_("Signed up"),
        N_("Waiting"),
        N_("Came"),
        N_("Status"),
    )
    NUMBER_COLUMNS = (5, 6, 7)

    def cell(self, row: EventRow, column: int, role: int):
        if role == Qt.DisplayRole:
            return self._text(row, column)
        if role == Qt.UserRole:
            return row.event_id
        if role == Qt.ForegroundRole and row.cancelled:
            return QColor("#80868b")
        if role == Qt.ForegroundRole and column == 8 and row.moved:
            return QColor("#8a4b00")
        if role == Qt.FontRole and row.cancelled and column == 2:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.TextAlignmentRole and column in self.NUMBER_COLUMNS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _text(self, row: EventRow, column: int) -> str:
        day = row.starts_at.date()
        if column == 0:
            return f"{short_weekday(day)} {format_date(day)}"
        if column == 1:
            return time_range(row)
        if column == 2:
            return row.title
        if column == 3:
            return event_kind_name(row.kind)
        if column == 4:
            return row.place
        if column == 5:
            if row.capacity is not None:
                return f"{row.signed_up}/{row.capacity}"
            return str(row.signed_up) if row.signed_up or row.signup_required else ""
        if column == 6:
            return str(row.waiting) if row.waiting else ""
        if column == 7:
            return str(row.participants) if row.participants else ""
        return status_text(row)


class EventListView(QWidget):
    """Enter or a double click opens the chosen event."""

    event_activated = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(objectName="eventSearch")
        self.search.setPlaceholderText(_("Search by title or place…"))
        self.search.setClearButtonEnabled(True)
        self.upcoming = QCheckBox(_("Upcoming only"), objectName="upcomingOnly")
        self.count = QLabel()
        self.count.setStyleSheet("color: #5f6368;")
        self.model = EventsTableModel(self)
        self.table = QTableView(objectName="eventTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.Interactive)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self._open_index)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.upcoming.toggled.connect(lambda _on: self.refresh())

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Search")))
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.upcoming)
        top.addSpacing(12)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    @guarded
    def refresh(self) -> None:
        self._timer.stop()
        rows = events.search_events(self.session.user, self.search.text())
        if self.upcoming.isChecked():
            moment = dt.datetime.now()
            rows = sorted((row for row in rows if row.ends_at > moment), key=lambda r: r.starts_at)
        self.model.set_rows(rows)
        self.count.setText(
            ngettext("{count} event", "{count} events", len(rows)).format(count=len(rows))
        )
        if rows:
            self.table.selectRow(0)
        self.table.resizeColumnToContents(4)
        if self.table.columnWidth(4) > 220:
            self.table.setColumnWidth(4, 220)

    def _search_now(self) -> None:
        self.refresh()
        if self.model.rowCount():
            self.table.setFocus()

    def titles(self) -> list[str]:
        return [row.title for row in self.model.rows()]

    def current_event_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_object(index.row()) if index.isValid() else None
        return row.event_id if row is not None else None

    def _open_index(self, index) -> None:
        row = self.model.row_object(index.row())
        if row is not None:
            self.event_activated.emit(row.event_id)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.KeyPress
            and event.key() in (Qt.Key_Return, Qt.Key_Enter)
        ):
            event_id = self.current_event_id()
            if event_id is not None:
                self.event_activated.emit(event_id)
            return True
        return super().eventFilter(watched, event)
