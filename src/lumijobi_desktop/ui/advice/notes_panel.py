"""The coordinator's confidential notes on one advice session, with follow-ups and history.

Reading notes is audited, so this panel reads them only when the user asks:
choosing a session shows how many notes it has (not audited) and a "Show
notes" button; the notes are read and shown on that click, and hidden
again when another session is chosen. Saving, changing or deleting a note
shows the notes afterwards (one recorded reading for that action).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice, advice_notes
from lumijobi_desktop.core.advice import SessionRow
from lumijobi_desktop.core.advice_notes import NoteRow
from lumijobi_desktop.core.errors import PermissionDenied
from lumijobi_desktop.core.i18n import _, format_date, format_datetime, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.advice.follow_up_dialog import (
    FollowUpDialog,
    Today,
    confidential_line,
    panel_button,
    refused_label,
)
from lumijobi_desktop.ui.advice.history_dialog import HistoryDialog
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, confirm

NOTES_HEIGHT_LINES = 24  # the shown notes take up to this many lines of text, then scroll


def note_header(note: NoteRow) -> str:
    """`Kaisa Coordinator · 01.12.2026 10.35 · changed 02.12.2026 09.00`."""
    parts = [note.written_by or _("Unknown writer"), format_datetime(note.written_at)]
    if note.changed_at is not None:
        parts.append(_("changed {when}").format(when=format_datetime(note.changed_at)))
    return " · ".join(parts)


class WrappedLabel(QLabel):
    """A word-wrapped label that takes its height from its width.

    QLabel's own minimum size assumes a narrow width and so many lines; inside
    a scroll area that shows a scroll bar for notes that fit.
    """

    def __init__(self, text: str = "", name: str = ""):
        super().__init__(text)
        self.setWordWrap(True)
        if name:
            self.setObjectName(name)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())


class NoteCard(QFrame):
    """One note: who wrote it and when, its words, and Edit / Delete for the writer."""

    edit_requested = Signal(object)  # NoteRow
    delete_requested = Signal(object)  # NoteRow

    def __init__(self, note: NoteRow, own: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.note = note
        self.setObjectName("noteCard")
        self.setStyleSheet(
            "#noteCard { background: #fffdf5; border: 1px solid #e0d8c0; border-radius: 6px; }"
        )
        header = WrappedLabel(note_header(note), "noteHeader")
        header.setStyleSheet("color: #555;")
        self.text = WrappedLabel(name="noteText")
        self.text.setTextFormat(Qt.PlainText)
        self.text.setText(note.text)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(header)
        layout.addWidget(self.text)
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        if own:
            self.edit_button = panel_button(_("Edit"), "editNote")
            self.delete_button = panel_button(_("Delete"), "deleteNote")
            self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.note))
            self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.note))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.edit_button)
            row.addWidget(self.delete_button)
            layout.addLayout(row)


class NotesPanel(QWidget):
    """Notes of the chosen session (shown on request), a box for a new note, follow-ups.

    `show_session(id)` chooses the session; `changed` tells that a note or a
    follow-up was saved. `session_requested(id)` asks to open another
    session, chosen in the person's history.
    """

    changed = Signal()
    session_requested = Signal(int)

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.today = today
        self.session_id: int | None = None
        self.row: SessionRow | None = None
        self.count = 0
        self.notes: list[NoteRow] | None = None  # None: not shown (not read)
        self.editing: NoteRow | None = None
        self.drafts: dict[int, str] = {}
        self.cards: list[NoteCard] = []
        self.setObjectName("notesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Notes"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        layout.addWidget(title)
        self.refused = refused_label()
        layout.addWidget(self.refused)
        self.body = QWidget()
        layout.addWidget(self.body, 1)
        self.refused_room = QWidget()  # keeps the short message at the top
        layout.addWidget(self.refused_room, 1)
        if not session.can(Permission.READ_CONFIDENTIAL_NOTES):
            self.body.hide()
            return
        self.refused_room.hide()
        self.refused.hide()
        self._build()
        self.show_session(None)

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.lock = confidential_line()
        self.count_label = QLabel(objectName="noteCount")
        self.count_label.setWordWrap(True)
        self.show_button = panel_button(_("Show notes"), "showNotes")
        self.hide_button = panel_button(_("Hide notes"), "hideNotes")
        self.show_button.clicked.connect(self.reveal_notes)
        self.hide_button.clicked.connect(self.hide_notes)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.show_button)
        count_row.addWidget(self.hide_button)

        self.note_list = QWidget(objectName="noteList")
        # Its height comes from its width (wrapped notes), not from the tall minimum Qt guesses.
        self.note_list.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.note_rows = QVBoxLayout(self.note_list)
        self.note_rows.setContentsMargins(0, 0, 0, 0)
        self.note_rows.setSpacing(6)
        self.note_rows.addStretch(1)
        self.scroll = QScrollArea(objectName="noteScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidget(self.note_list)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)

        self.editor_title = QLabel(objectName="noteEditorTitle")
        self.editor_title.setWordWrap(True)
        self.editor = QPlainTextEdit(objectName="noteEditor")
        self.editor.setPlaceholderText(_("Write a short note about this session…"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(70)
        self.editor.setMaximumHeight(110)
        self.error = ErrorLabel(self)
        self.save_button = panel_button(_("Save note"), "saveNote")
        self.save_button.setToolTip(_("Ctrl+Enter saves too"))
        self.cancel_edit_button = panel_button(_("Cancel"), "cancelNoteEdit")
        self.save_button.clicked.connect(self.save_note)
        self.cancel_edit_button.clicked.connect(self.stop_editing)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.WidgetShortcut)
            shortcut.activated.connect(self.save_note)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.cancel_edit_button)
        save_row.addWidget(self.save_button)

        self.follow_up_button = panel_button(_("Add follow-up…"), "addFollowUp")
        self.history_button = panel_button(_("Session history…"), "sessionHistory")
        self.follow_up_button.clicked.connect(self.add_follow_up)
        self.history_button.clicked.connect(self.open_history)
        self.status = QLabel(objectName="notesStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1b5e20;")
        actions = QVBoxLayout()  # one under the other: the panel is often a narrow column
        actions.setSpacing(6)
        actions.addWidget(self.follow_up_button)
        actions.addWidget(self.history_button)

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lock)
        layout.addLayout(count_row)
        layout.addWidget(self.scroll, 100)
        layout.addWidget(self.editor_title)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addLayout(save_row)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addStretch(1)  # takes the room while the notes are hidden

    def _refuse(self) -> None:
        """Core said no: show the short message and nothing else."""
        self.notes = None
        self.refused.show()
        self.refused_room.show()
        self.body.hide()

    # --- choosing a session ---------------------------------------------------------------------

    @guarded
    def show_session(self, session_id: int | None) -> None:
        """Show the count of the session's notes; the notes themselves only on "Show notes"."""
        if not self.session.can(Permission.READ_CONFIDENTIAL_NOTES):
            return
        if session_id != self.session_id:
            self._keep_draft()
            self.notes = None
            self.editing = None
            self.status.clear()
            self.error.clear_message()
            self.session_id = session_id
            self.editor.setPlainText(self.drafts.get(session_id, "") if session_id else "")
        self.row = None
        self.count = 0
        if session_id is not None:
            try:
                self.row = advice.session_row(self.session.user, session_id)
                self.count = advice_notes.note_counts(self.session.user, [session_id]).get(
                    session_id, 0
                )
            except PermissionDenied:
                self._refuse()
                return
        self._update()

    def _keep_draft(self) -> None:
        if self.session_id is None or self.editing is not None:
            return
        text = self.editor.toPlainText()
        if text.strip():
            self.drafts[self.session_id] = text
        else:
            self.drafts.pop(self.session_id, None)

    def _update(self) -> None:
        chosen = self.session_id is not None
        shown = self.notes is not None
        if not chosen:
            self.count_label.setText(_("Choose a session to see its notes."))
        elif self.count:
            self.count_label.setText(
                ngettext("{count} note", "{count} notes", self.count).format(count=self.count)
            )
        else:
            self.count_label.setText(_("No notes yet."))
        self.show_button.setVisible(chosen and bool(self.count) and not shown)
        self.hide_button.setVisible(chosen and shown and bool(self.count))
        self.scroll.setVisible(chosen and shown and bool(self.notes))
        self._fill_cards()
        if shown and self.notes:
            self._fit_notes()
        has_person = self.row is not None and self.row.person_id is not None
        for widget in (self.editor, self.save_button):
            widget.setEnabled(chosen)
        self.follow_up_button.setEnabled(has_person)
        self.history_button.setEnabled(has_person)
        self.cancel_edit_button.setVisible(self.editing is not None)
        if self.editing is not None:
            self.editor_title.setText(
                _("Change your note of {when}").format(
                    when=format_datetime(self.editing.written_at)
                )
            )
            self.save_button.setText(_("Save changes"))
        else:
            self.editor_title.setText(_("New note"))
            self.save_button.setText(_("Save note"))

    def _fill_cards(self) -> None:
        for card in self.cards:
            self.note_rows.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        for note in self.notes or []:
            card = NoteCard(note, own=note.written_by_id == self.session.user.id)
            card.edit_requested.connect(self.start_editing)
            card.delete_requested.connect(self.delete_note)
            self.note_rows.insertWidget(self.note_rows.count() - 1, card)
            card.show()
            self.cards.append(card)

    # --- reading --------------------------------------------------------------------------------

    @guarded
    def reveal_notes(self) -> None:
        """Read the notes (recorded in the audit log) and show them."""
        if self.session_id is None:
            return
        try:
            self.notes = advice_notes.read_notes(self.session.user, self.session_id)
        except PermissionDenied:
            self._refuse()
            return
        self.count = len(self.notes)
        self._update()
        if self.cards:  # the newest note, next to the box for a new one, once laid out
            QTimer.singleShot(0, self.scroll, self._scroll_to_newest)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.notes is not None:
            self._fit_notes()

    def _fit_notes(self) -> None:
        """As tall as the notes (the panel may sit in a scroll area itself), up to a limit."""
        width = self.scroll.viewport().width() or self.width()
        wanted = self.note_list.heightForWidth(width)
        if wanted < 0:
            wanted = self.note_list.sizeHint().height()
        most = self.fontMetrics().height() * NOTES_HEIGHT_LINES
        self.scroll.setFixedHeight(min(wanted + 2 * self.scroll.frameWidth() + 2, most))

    def _scroll_to_newest(self) -> None:
        self._fit_notes()
        bar = self.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    def hide_notes(self) -> None:
        self.notes = None
        if self.editing is not None:
            self.stop_editing()
        self._update()

    # --- writing --------------------------------------------------------------------------------

    def start_editing(self, note: NoteRow) -> None:
        self._keep_draft()
        self.editing = note
        self.editor.setPlainText(note.text)
        self.error.clear_message()
        self.status.clear()
        self._update()
        self.editor.setFocus()

    def stop_editing(self) -> None:
        self.editing = None
        self.editor.setPlainText(self.drafts.get(self.session_id, "") if self.session_id else "")
        self.error.clear_message()
        self._update()

    @guarded
    def save_note(self) -> None:
        if self.session_id is None:
            return
        user, text, editing = self.session.user, self.editor.toPlainText(), self.editing

        def action() -> None:
            if editing is None:
                advice_notes.add_note(user, self.session_id, text)
            else:
                advice_notes.change_note(user, editing.id, text)

        if not run_form_action(self, self.error, action):
            return
        self.editing = None
        self.drafts.pop(self.session_id, None)
        self.editor.clear()
        self.status.setText(_("Note saved."))
        self.reveal_notes()
        self.changed.emit()

    @guarded
    def delete_note(self, note: NoteRow) -> None:
        if not confirm(
            self, _("Delete the note"), _("Delete this note? It cannot be brought back.")
        ):
            return
        advice_notes.delete_note(self.session.user, note.id)
        if self.editing is not None and self.editing.id == note.id:
            self.editing = None
            self.editor.clear()
        self.status.setText(_("Note deleted."))
        self.reveal_notes()
        self.changed.emit()

    # --- follow-ups and history -----------------------------------------------------------------

    @guarded
    def add_follow_up(self) -> None:
        if self.row is None or self.row.person_id is None:
            return
        dialog = FollowUpDialog(
            self.session,
            self.row.person_id,
            self,
            person_name=self.row.person_name,
            session_id=self.session_id,
            today=self.today,
        )
        if dialog.exec():
            self.status.setText(
                _("Follow-up saved, due {date}.").format(date=format_date(dialog.due_date()))
            )
            self.changed.emit()

    @guarded
    def open_history(self) -> None:
        if self.row is None or self.row.person_id is None:
            return
        dialog = HistoryDialog(self.session, self.row.person_id, self, today=self.today)
        dialog.session_requested.connect(self.session_requested)
        dialog.exec()
