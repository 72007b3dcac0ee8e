"""The queue for the next free advice time, in order, with the times held for people.

A freed time is held for the first one in the queue it fits; the desk calls
them and records "Booked it" or "Cannot come" (the time then goes to the next
one, and the person keeps their place for later times).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_booking, advice_hours, advice_queue, database
from lumijobi_desktop.core.advice_queue import QueueRow
from lumijobi_desktop.core.i18n import N_, _, format_date, ngettext
from lumijobi_desktop.ui.advice.booking_dialog import length_text
from lumijobi_desktop.ui.advice.texts import advice_when, language_and_interpreter
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import confirm, heading

HELD_BACKGROUND = "#fff3c4"


def held_text(row: QueueRow, adviser_names: dict[int, str] | None = None) -> str:
    """`ti 8.12. 10.00–10.30`, with the coordinator's name when there are several."""
    if row.offered_start is None:
        return ""
    text = advice_when(row.offered_start, row.minutes)
    if adviser_names and len(adviser_names) > 1 and row.offered_adviser_id in adviser_names:
        text = f"{text} · {adviser_names[row.offered_adviser_id]}"
    return text


class QueueModel(RowsTableModel):
    headers = (
        N_("#"),
        N_("Visitor"),
        N_("Phone"),
        N_("Topic"),
        N_("Length"),
        N_("Language"),
        N_("Wishes"),
        N_("Waiting since"),
        N_("Time held"),
    )
    HELD_COLUMN = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.adviser_names: dict[int, str] = {}

    def cell(self, row: QueueRow, column: int, role: int):
        held = row.offered_start is not None
        if role == Qt.BackgroundRole and held:
            return QBrush(QColor(HELD_BACKGROUND))
        if role == Qt.FontRole and held and column in (1, self.HELD_COLUMN):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole and held:
            return _("A time is held for this person: call them, then record the answer.")
        if role != Qt.DisplayRole:
            return None
        values = (
            f"{row.position}.",
            row.person_name,
            row.phone,
            row.topic,
            length_text(row.minutes),
            language_and_interpreter(row),
            row.wishes,
            format_date(row.added_at.date()),
            held_text(row, self.adviser_names) or "–",
        )
        return values[column]


class QueuePanel(QWidget):
    """The queue in order; for a held time "Booked it" and "Cannot come"; add and remove."""

    changed = Signal()
    session_booked = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = QueueModel(self)
        self.title = heading(_("Queue for the next free time"))
        explain = QLabel(
            _(
                "When a time frees, it is held for the first person it suits. Yellow rows: "
                "call them, then press Booked it or Cannot come."
            )
        )
        explain.setWordWrap(True)
        self.table = QTableView(objectName="queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(6, QHeaderView.Stretch)
        self.empty = QLabel(_("Nobody is waiting for a time."))
        self.empty.setStyleSheet("color: #555;")
        self.result = QLabel(objectName="queueResult")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1b5e20; font-weight: bold;")

        self.add_button = QPushButton(_("Add to queue…"), objectName="addToQueue")
        self.booked_button = QPushButton(_("Booked it ✓"), objectName="queueBooked")
        self.declined_button = QPushButton(_("Cannot come"), objectName="queueDeclined")
        self.remove_button = QPushButton(_("Remove from queue"), objectName="queueRemove")
        for button in (self.add_button, self.booked_button, self.declined_button):
            button.setMinimumHeight(36)
        self.remove_button.setMinimumHeight(36)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.booked_button)
        buttons.addWidget(self.declined_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.result)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_to_queue)
        self.booked_button.clicked.connect(self.booked_it)
        self.declined_button.clicked.connect(self.cannot_come)
        self.remove_button.clicked.connect(self.remove)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @guarded
    def refresh(self) -> None:
        chosen = self.selected()
        self.model.adviser_names = {user.id: user.display_name for user in advice_hours.advisers()}
        rows = advice_queue.queue_rows(self.session.user)
        self.model.set_rows(rows)
        held = sum(1 for row in rows if row.offered_start is not None)
        title = ngettext(
            "Queue for the next free time: {count} waiting",
            "Queue for the next free time: {count} waiting",
            len(rows),
        ).format(count=len(rows))
        if held:
            title = "{title} · {held}".format(
                title=title,
                held=ngettext("{count} to call", "{count} to call", held).format(count=held),
            )
        self.title.setText(title)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if chosen is not None:
            self.select_entry(chosen.id)
        self._update_buttons()

    def selected(self) -> QueueRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_object(index.row())

    def select_entry(self, entry_id: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.id == entry_id:
                self.table.selectRow(number)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        held = row is not None and row.offered_start is not None
        self.booked_button.setEnabled(held)
        self.declined_button.setEnabled(held)
        self.remove_button.setEnabled(row is not None)

    # actions ----------------------------------------------------------------------------------
    @guarded
    def add_to_queue(self) -> None:
        from lumijobi_desktop.ui.advice.queue_dialog import QueueDialog

        dialog = QueueDialog(self.session, self)
        dialog.exec()
        if dialog.entry_id is None:
            return
        self.refresh()
        self.select_entry(dialog.entry_id)
        self.result.setText(dialog.message)
        self.changed.emit()

    @guarded
    def booked_it(self) -> None:
        row = self.selected()
        if row is None or row.offered_start is None:
            return
        session = advice_booking.accept_offer(self.session.user, row.id, database.now())
        self.result.setText(
            _("Booked: {name}, {when}.").format(
                name=row.person_name, when=advice_when(session.starts_at, session.minutes)
            )
        )
        self.refresh()
        self.changed.emit()
        self.session_booked.emit(session.id)

    @guarded
    def cannot_come(self) -> None:
        row = self.selected()
        if row is None or row.offered_start is None:
            return
        advice_queue.decline_offer(self.session.user, row.id, database.now())
        self.refresh()
        self.select_entry(row.id)
        self.result.setText(
            _("{name} keeps their place in the queue.").format(name=row.person_name)
        )
        self.changed.emit()

    @guarded
    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Take {name} out of the queue?").format(name=row.person_name)
        if not confirm(self, _("Remove from queue"), question):
            return
        advice_queue.remove_from_queue(self.session.user, row.id, database.now())
        self.result.setText(_("{name} is no longer in the queue.").format(name=row.person_name))
        self.refresh()
        self.changed.emit()
