"""The coordinator's to-do list: follow-ups that are late, due today, or due in two weeks.

The list is read (and the reading recorded) when the view is shown or the
user acts on it, never on a timer.
"""

from __future__ import annotations

import datetime as dt
import html

from babel import dates as babel_dates
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_notes
from lumijobi_desktop.core.advice_notes import FollowUpRow, TodoList
from lumijobi_desktop.core.errors import PermissionDenied
from lumijobi_desktop.core.i18n import _, current_language, format_date, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.advice.follow_up_dialog import (
    FollowUpDialog,
    Today,
    confidential_line,
    panel_button,
    refused_label,
    today_now,
)
from lumijobi_desktop.ui.advice.history_dialog import HistoryDialog
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import heading

LATE, TODAY, UPCOMING = "late", "today", "upcoming"
GROUP_COLOURS = {LATE: "#b00020", TODAY: "#0d47a1", UPCOMING: "#333333"}


def due_text(due: dt.date) -> str:
    """`ti 01.12.2026`: the weekday helps when phoning."""
    weekday = babel_dates.format_date(due, "EEE", locale=current_language().babel_locale)
    return f"{weekday} {format_date(due)}"


def lateness_text(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days <= 0:
        return ""
    return ngettext("{count} day late", "{count} days late", days).format(count=days)


def group_title(group: str, count: int) -> str:
    titles = {LATE: _("Late"), TODAY: _("Today"), UPCOMING: _("Next two weeks")}
    return f"{titles[group]} ({count})"


class TodoView(QWidget):
    """Late, today and the next two weeks; Done, Edit, Open session and History on each task.

    `refresh()` reads the list (audited); the view refreshes itself when shown.
    `session_requested(id)` asks to open a session; `changed` says a task changed.
    """

    session_requested = Signal(int)
    changed = Signal()

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.today = today or today_now
        self.todo: TodoList | None = None
        self.group_of: dict[int, str] = {}  # follow-up id → the group it is shown in
        self.done_buttons: dict[int, QPushButton] = {}
        self.edit_buttons: dict[int, QPushButton] = {}
        self.open_buttons: dict[int, QPushButton] = {}
        self.history_buttons: dict[int, QPushButton] = {}
        self.setObjectName("todoView")

        self.title = heading(_("To-do"))
        self.new_button = panel_button(_("New follow-up…"), "newFollowUp")
        self.new_button.clicked.connect(self.new_follow_up)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        self.refused = refused_label()
        self.lock = confidential_line()
        self.empty = QLabel(_("Nothing due. Well done."), objectName="todoEmpty")
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty.setFont(font)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #1b5e20; padding: 24px;")
        self.groups = QWidget(objectName="todoGroups")
        self.group_layout = QVBoxLayout(self.groups)
        self.group_layout.setContentsMargins(0, 0, 8, 0)
        self.group_layout.setSpacing(12)
        self.group_layout.addStretch(1)
        self.scroll = QScrollArea(objectName="todoScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidget(self.groups)
        self.sections: list[QWidget] = []

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lock)
        layout.addWidget(self.refused)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        permitted = session.can(Permission.READ_CONFIDENTIAL_NOTES)
        self.refused.setVisible(not permitted)
        for widget in (self.new_button, self.lock, self.scroll):
            widget.setVisible(permitted)
        self.empty.hide()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # shown by the app, not the window coming back from a minimise
            self.refresh()

    def _refuse(self) -> None:
        self.todo = None
        self._render()
        self.refused.show()
        for widget in (self.new_button, self.lock, self.scroll, self.empty):
            widget.hide()

    @guarded
    def refresh(self) -> None:
        """Read the open follow-ups (the reading is recorded) and show them."""
        if not self.session.can(Permission.READ_CONFIDENTIAL_NOTES):
            return
        try:
            self.todo = advice_notes.todo_list(self.session.user, self.today())
        except PermissionDenied:
            self._refuse()
            return
        self._render()

    # --- showing --------------------------------------------------------------------------------

    def _render(self) -> None:
        for section in self.sections:
            self.group_layout.removeWidget(section)
            section.hide()
            section.deleteLater()
        self.sections = []
        self.group_of = {}
        self.done_buttons, self.edit_buttons, self.open_buttons, self.history_buttons = (
            {},
            {},
            {},
            {},
        )
        todo = self.todo
        if todo is None:
            self.empty.hide()
            return
        groups = ((LATE, todo.late), (TODAY, todo.today), (UPCOMING, todo.upcoming))
        for group, rows in groups:
            if rows:
                section = self._section(group, rows)
                self.group_layout.insertWidget(self.group_layout.count() - 1, section)
                section.show()
                self.sections.append(section)
        nothing = not (todo.late or todo.today or todo.upcoming)
        self.empty.setVisible(nothing)
        self.scroll.setVisible(not nothing)

    def _section(self, group: str, rows: list[FollowUpRow]) -> QWidget:
        section = QFrame(objectName=f"todo_{group}")
        colour = GROUP_COLOURS[group]
        section.setStyleSheet(
            f"#todo_{group} {{ border-left: 4px solid {colour}; background: #fafafa; }}"
        )
        title = QLabel(group_title(group, len(rows)), objectName="todoGroupTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        title.setStyleSheet(f"color: {colour};")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 130)
        grid.setColumnMinimumWidth(1, 180)
        for index, row in enumerate(rows):
            self._add_row(grid, index * 2, group, row, colour)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(title)
        layout.addLayout(grid)
        return section

    def _add_row(self, grid: QGridLayout, at: int, group: str, row: FollowUpRow, colour: str):
        self.group_of[row.id] = group
        due = QLabel(due_text(row.due))
        late = lateness_text(row.due, self.today())
        if late:
            due.setText(f"{due_text(row.due)}\n{late}")
        due.setStyleSheet(f"color: {colour};" if group == LATE else "")
        who = QLabel(objectName="todoPerson")
        who.setTextFormat(Qt.RichText)
        who.setText(
            "<b>{name}</b><br>{phone}".format(
                name=html.escape(row.person_name),
                phone=html.escape(row.phone or _("no phone number")),
            )
        )
        who.setTextInteractionFlags(Qt.TextSelectableByMouse)
        who.setWordWrap(True)
        task = QLabel(objectName="todoTask")
        task.setTextFormat(Qt.PlainText)
        task.setText(row.text)
        task.setWordWrap(True)
        task.setTextInteractionFlags(Qt.TextSelectableByMouse)
        done = panel_button(_("Done ✓"), "followUpDone")
        edit = panel_button(_("Edit…"), "editFollowUp")
        open_session = panel_button(_("Open session"), "openFollowUpSession")
        history = panel_button(_("History…"), "followUpHistory")
        open_session.setEnabled(row.session_id is not None)
        if row.session_id is None:
            open_session.setToolTip(_("This follow-up is not tied to a session."))
        done.clicked.connect(lambda _c=False, r=row: self.mark_done(r))
        edit.clicked.connect(lambda _c=False, r=row: self.edit_follow_up(r))
        open_session.clicked.connect(lambda _c=False, r=row: self.open_session(r))
        history.clicked.connect(lambda _c=False, r=row: self.open_history(r))
        self.done_buttons[row.id] = done
        self.edit_buttons[row.id] = edit
        self.open_buttons[row.id] = open_session
        self.history_buttons[row.id] = history
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (done, edit, open_session, history):
            buttons.addWidget(button)
        top = Qt.AlignTop
        grid.addWidget(due, at, 0, top)
        grid.addWidget(who, at, 1, top)
        grid.addWidget(task, at, 2, top)
        grid.addLayout(buttons, at, 3, top)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setStyleSheet("color: #e0e0e0;")
        grid.addWidget(line, at + 1, 0, 1, 4)

    def rows_in(self, group: str) -> list[FollowUpRow]:
        """The tasks shown in a group (late, today, upcoming)."""
        if self.todo is None:
            return []
        rows = {LATE: self.todo.late, TODAY: self.todo.today, UPCOMING: self.todo.upcoming}
        return list(rows[group])

    # --- acting ---------------------------------------------------------------------------------

    @guarded
    def mark_done(self, row: FollowUpRow) -> None:
        advice_notes.set_follow_up_done(self.session.user, row.id, True)
        if self.todo is not None:  # take it off the list without reading the list again
            self.todo = TodoList(
                late=[r for r in self.todo.late if r.id != row.id],
                today=[r for r in self.todo.today if r.id != row.id],
                upcoming=[r for r in self.todo.upcoming if r.id != row.id],
            )
        self._render()
        self.changed.emit()

    @guarded
    def edit_follow_up(self, row: FollowUpRow) -> None:
        dialog = FollowUpDialog(
            self.session,
            row.person_id,
            self,
            person_name=row.person_name,
            session_id=row.session_id,
            follow_up=row,
            today=self.today,
        )
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def open_session(self, row: FollowUpRow) -> None:
        if row.session_id is not None:
            self.session_requested.emit(row.session_id)

    @guarded
    def open_history(self, row: FollowUpRow) -> None:
        dialog = HistoryDialog(self.session, row.person_id, self, today=self.today)
        dialog.session_requested.connect(self.session_requested)
        dialog.exec()

    @guarded
    def new_follow_up(self) -> None:
        picker = PersonPickerDialog(self.session, _("Who is the follow-up for?"), self)
        if not picker.exec() or picker.person() is None:
            return
        person = picker.person()
        dialog = FollowUpDialog(
            self.session, person.id, self, person_name=person.full_name, today=self.today
        )
        if dialog.exec():
            self.refresh()
            self.changed.emit()
