"""A person's advice history for the coordinator: their sessions and follow-ups.

Opening the dialog reads the history once (core audits the read); nothing
here reads again until the dialog is opened again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_notes, people
from lumijobi_desktop.core.advice import status_name
from lumijobi_desktop.core.advice_notes import FollowUpRow, HistoryRow
from lumijobi_desktop.core.errors import LumijobiError, PermissionDenied
from lumijobi_desktop.core.i18n import N_, _, format_date, format_time_range, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.advice.follow_up_dialog import (
    Today,
    confidential_line,
    language_text,
    refused_label,
    today_now,
)
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import heading, read_only_table

LATE_COLOUR = QColor("#b00020")
QUIET_COLOUR = QColor("#666666")


def interpreter_text(needed: bool, language: str) -> str:
    if not needed:
        return _("No")
    return language_text(language) if language else _("Yes")


class HistorySessionsModel(RowsTableModel):
    headers = (N_("Date"), N_("Time"), N_("Topic"), N_("Status"), N_("Language"), N_("Interpreter"))

    def cell(self, row: HistoryRow, column: int, role: int):
        if role == Qt.ForegroundRole and row.status in ("cancelled", "no_show"):
            return QBrush(QUIET_COLOUR)
        if role != Qt.DisplayRole:
            return None
        ends = row.starts_at + dt.timedelta(minutes=row.minutes)
        values = (
            format_date(row.starts_at.date()),
            format_time_range(row.starts_at, ends),
            row.topic,
            status_name(row.status),
            language_text(row.language),
            interpreter_text(row.interpreter_needed, row.interpreter_language),
        )
        return values[column]


class HistoryFollowUpsModel(RowsTableModel):
    headers = (N_("Due"), N_("What to do"), N_("State"))

    def __init__(self, today: dt.date, parent=None):
        super().__init__(parent)
        self.today = today

    def cell(self, row: FollowUpRow, column: int, role: int):
        if role == Qt.ForegroundRole:
            if row.done_at is not None:
                return QBrush(QUIET_COLOUR)
            if row.due < self.today:
                return QBrush(LATE_COLOUR)
            return None
        if role != Qt.DisplayRole:
            return None
        if row.done_at is not None:
            state = _("Done {date}").format(date=format_date(row.done_at.date()))
        elif row.due < self.today:
            state = _("Overdue")
        else:
            state = _("Not done yet")
        values = (format_date(row.due), row.text, state)
        return values[column]


class HistoryDialog(QDialog):
    """The person's sessions, newest first, and their follow-ups, open and done.

    "Open session" (or a double click on a session) sets `chosen_session_id`,
    emits `session_requested` and closes the dialog.
    """

    session_requested = Signal(int)

    def __init__(
        self,
        session: DeskSession,
        person_id: int,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.person_id = person_id
        self.chosen_session_id: int | None = None
        self.setWindowTitle(_("Advice history"))
        self.resize(820, 600)
        self.sessions = HistorySessionsModel(self)
        self.follow_ups = HistoryFollowUpsModel((today or today_now)(), self)
        self.title = heading(_("Advice history"))
        self.title.setObjectName("historyTitle")
        self.title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(_("Open session"), QDialogButtonBox.ActionRole)
        self.open_button.setObjectName("openHistorySession")
        self.open_button.setEnabled(False)
        close = buttons.addButton(_("Close"), QDialogButtonBox.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_chosen)
        for button in buttons.buttons():
            button.setMinimumHeight(34)

        self.session_table: QTableView | None = None
        problem: QWidget | None = None
        if session.can(Permission.READ_CONFIDENTIAL_NOTES):
            try:
                history = advice_notes.person_history(session.user, person_id)
                name = people.get_person(session.user, person_id).full_name
            except PermissionDenied:
                problem = refused_label()
            except LumijobiError as error:
                problem = QLabel(error.message, objectName="historyProblem")
                problem.setWordWrap(True)
        else:
            problem = refused_label()
        if problem is not None:  # a short message instead of the history
            layout.addWidget(problem)
            layout.addStretch(1)
            self.open_button.hide()
            layout.addWidget(buttons)
            return

        self.title.setText(_("Advice history: {name}").format(name=name))
        self.sessions.set_rows(history.sessions)
        self.follow_ups.set_rows(history.follow_ups)
        self.session_table = read_only_table(self.sessions, 2, "historySessions", word_wrap=True)
        self.follow_up_table = read_only_table(
            self.follow_ups, 1, "historyFollowUps", word_wrap=True
        )
        self.session_table.doubleClicked.connect(lambda _index: self.open_chosen())
        self.session_table.selectionModel().selectionChanged.connect(
            lambda *_args: self.open_button.setEnabled(self.selected_session_id() is not None)
        )

        count = len(history.sessions)
        sessions_heading = QLabel(
            ngettext("{count} session", "{count} sessions", count).format(count=count)
            if count
            else _("No advice sessions yet.")
        )
        sessions_heading.setObjectName("historySessionCount")
        tasks_heading = QLabel(_("Follow-ups"))
        for label in (sessions_heading, tasks_heading):
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            label.setFont(font)
        no_tasks = QLabel(_("No follow-ups."))
        no_tasks.setStyleSheet("color: #555;")
        layout.addWidget(confidential_line())
        layout.addWidget(sessions_heading)
        layout.addWidget(self.session_table, 3)
        layout.addWidget(tasks_heading)
        if history.follow_ups:
            layout.addWidget(self.follow_up_table, 2)
        else:
            self.follow_up_table.hide()
            layout.addWidget(no_tasks)
        layout.addWidget(buttons)

    def selected_session_id(self) -> int | None:
        if self.session_table is None:
            return None
        rows = self.session_table.selectionModel().selectedRows()
        row = self.sessions.row_object(rows[0].row()) if rows else None
        return row.session_id if row else None

    def open_chosen(self) -> None:
        chosen = self.selected_session_id()
        if chosen is None:
            return
        self.chosen_session_id = chosen
        self.session_requested.emit(chosen)
        self.accept()
