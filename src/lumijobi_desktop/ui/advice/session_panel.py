"""The right side of the advice calendar: the chosen time or booking and what can be done with it.

A booking shows who, when, where, what about, the language and the
interpreter, and offers to change or move it, cancel it, mark how it went
(once it has begun) and print the visitor's slip. Below it the coordinator
(and admins) see the confidential notes panel; nothing here reads notes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice, advice_booking
from lumijobi_desktop.core.advice import SessionRow, SessionStatus, Slot, SlotState
from lumijobi_desktop.core.i18n import LANGUAGES, _, format_date
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.advice.booking_dialog import change_advice
from lumijobi_desktop.ui.advice.texts import (
    current_moment,
    held_text,
    interpreter_language_text,
    language_text,
    slot_when,
    status_text,
)
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.papers import PaperChoiceDialog, print_or_save
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import confirm, heading

STATUS_STYLES = {
    SessionStatus.BOOKED.value: "background: #e3eefb; color: #0d47a1;",
    SessionStatus.DONE.value: "background: #e6f4ea; color: #1b5e20;",
    SessionStatus.NO_SHOW.value: "background: #fbeee6; color: #8a4b00;",
    SessionStatus.CANCELLED.value: "background: #eeeeee; color: #5f6368;",
}


class SlipDialog(PaperChoiceDialog):
    """Before the visitor's slip: its second language and its paper; print or save."""

    def __init__(self, row: SessionRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Appointment slip"))
        self.setMinimumWidth(400)
        self.language = QComboBox(objectName="slipLanguage")
        for code, language in LANGUAGES.items():
            self.language.addItem(language.native_name, code)
        wanted = row.language if row.language in LANGUAGES else "en"
        self.language.setCurrentIndex(max(0, self.language.findData(wanted)))
        self.a6 = QRadioButton(_("A6 (a quarter of A4)"), objectName="slipA6")
        self.half_a4 = QRadioButton(_("Half of A4"), objectName="slipHalfA4")
        self.a6.setChecked(True)
        papers = QButtonGroup(self)
        papers.addButton(self.a6)
        papers.addButton(self.half_a4)
        paper_box = QVBoxLayout()
        paper_box.addWidget(self.a6)
        paper_box.addWidget(self.half_a4)
        text = _("The slip is in Finnish and in the visitor's language, with what to bring.")
        form = QFormLayout()
        form.addRow(_("Second language"), self.language)
        form.addRow(_("Paper"), paper_box)
        self._lay_out(text, form)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_paper(self) -> str:
        return "half-a4" if self.half_a4.isChecked() else "a6"


def _value_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class SessionPanel(QFrame):
    changed = Signal(object)  # the session id that changed (or None): the calendar reloads
    book_requested = Signal(object)  # dt.datetime: book this free time
    queue_requested = Signal()  # show the queue (a held time was chosen)
    notice = Signal(str)  # a sentence for the view's notice line

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("sessionPanel")
        self.setStyleSheet("#sessionPanel { background: #fbfcfd; border-left: 1px solid #dfe2e6; }")
        self.slot: Slot | None = None
        self.row: SessionRow | None = None
        self.may_record = session.can(Permission.RECORD_ADVICE)
        self._build()
        self.show_slot(None)

    # building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = heading("")
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.PlainText)
        self.when = QLabel(objectName="panelWhen")
        self.when.setWordWrap(True)
        font = self.when.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.when.setFont(font)
        self.status = QLabel(objectName="panelStatus")

        self.phone = _value_label("panelPhone")
        self.place = _value_label("panelPlace")
        self.topic = _value_label("panelTopic")
        self.language = _value_label("panelLanguage")
        self.interpreter = _value_label("panelInterpreter")
        self.booked_by = _value_label("panelBookedBy")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignLeft)
        self._rows = {}
        for key, text, widget in (
            ("phone", _("Phone"), self.phone),
            ("place", _("Place"), self.place),
            ("topic", _("Topic"), self.topic),
            ("language", _("Language"), self.language),
            ("interpreter", _("Interpreter"), self.interpreter),
            ("booked_by", _("Booked by"), self.booked_by),
        ):
            caption = QLabel(text)
            caption.setStyleSheet("color: #5f6368;")
            self.form.addRow(caption, widget)
            self._rows[key] = (caption, widget)
        self.hint = QLabel(objectName="panelHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")

        def button(text: str, name: str, slot) -> QPushButton:
            made = QPushButton(text, objectName=name)
            made.setMinimumHeight(34)
            made.clicked.connect(slot)
            return made

        self.book_button = button(_("Book this time…"), "bookThisTime", self._book)
        self.book_button.setStyleSheet("QPushButton { font-weight: bold; }")
        self.queue_button = button(_("Open the queue"), "openQueue", self.queue_requested.emit)
        self.change_button = button(_("Change or move…"), "changeSession", self.change_session)
        self.cancel_button = button(_("Cancel booking"), "cancelSession", self.cancel_session)
        self.done_button = button(_("Came – done"), "markDone", self.mark_done)
        self.no_show_button = button(_("Did not come"), "markNoShow", self.mark_no_show)
        self.booked_button = button(_("Back to booked"), "markBooked", self.mark_booked)
        self.slip_button = button(_("Print slip…"), "printSlip", self.print_slip)
        # One button a row: whole words in every language, and a clear order to read.
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        for made in (
            self.book_button,
            self.queue_button,
            self.done_button,
            self.no_show_button,
            self.booked_button,
            self.change_button,
            self.cancel_button,
            self.slip_button,
        ):
            buttons.addWidget(made)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addWidget(self.status, 0, Qt.AlignLeft)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.notes = None
        if self.session.can(Permission.READ_CONFIDENTIAL_NOTES):
            from lumijobi_desktop.ui.advice.notes_panel import NotesPanel

            self.notes_line = QFrame()
            self.notes_line.setFrameShape(QFrame.HLine)
            self.notes_line.setStyleSheet("color: #dfe2e6;")
            layout.addSpacing(6)
            layout.addWidget(self.notes_line)
            self.notes = NotesPanel(self.session)
            self.notes.setObjectName("notesPanel")
            layout.addWidget(self.notes)
        layout.addStretch(1)

    # showing ------------------------------------------------------------------------------------
    def _set_rows(self, values: dict[str, str]) -> None:
        for key, (caption, widget) in self._rows.items():
            value = values.get(key, "")
            widget.setText(value)
            caption.setVisible(bool(value))
            widget.setVisible(bool(value))

    def _hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _set_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(
            f"QLabel {{ {style} border-radius: 4px; padding: 3px 10px; font-weight: bold; }}"
        )
        self.status.setVisible(bool(text))

    def _buttons(self, *shown: QPushButton) -> None:
        for button in (
            self.book_button,
            self.queue_button,
            self.change_button,
            self.cancel_button,
            self.done_button,
            self.no_show_button,
            self.booked_button,
            self.slip_button,
        ):
            button.setVisible(button in shown)

    def current_session_id(self) -> int | None:
        return self.row.id if self.row is not None else None

    def show_slot(self, slot: Slot | None) -> None:
        """Show a time from the calendar: a booking, a free time, a held one, or nothing."""
        self.slot = slot
        self.row = None
        if slot is not None and slot.state == SlotState.BOOKED and slot.session is not None:
            self._show_row(slot.session)
            return
        self._show_notes(None)
        self._set_status("", "")
        if slot is None:
            self.title.setText(_("Choose a time"))
            self.when.setText("")
            self.when.hide()
            self._set_rows({})
            self._hint(
                _(
                    "Click a time in the calendar. A green time is free: click it to book."
                    " Click a booking to see it here."
                )
            )
            self._buttons()
            return
        self.when.setText(slot_when(slot.start, slot.end))
        self.when.show()
        self._set_rows({"place": slot.place})
        if slot.state == SlotState.HELD:
            self.title.setText(held_text(slot.held_for))
            self._set_status(_("Held for the queue"), "background: #fff6d5; color: #6d4c00;")
            self._hint(
                _(
                    "This time is kept for the first one in the queue. Call them, then book"
                    " it or record that they declined, in the queue."
                )
            )
            self._buttons(self.queue_button)
            return
        self.title.setText(_("Free time"))
        if slot.start < current_moment():
            self._hint(_("This time has already passed."))
            self._buttons()
        else:
            self._hint(_("Nobody is booked for this time yet."))
            self._buttons(self.book_button)

    @guarded
    def show_session(self, session_id: int) -> None:
        """Show a booking by its id, freshly read (after a change, or from elsewhere)."""
        row = advice.session_row(self.session.user, session_id)
        self.slot = None
        self._show_row(row)

    def _show_row(self, row: SessionRow) -> None:
        self.row = row
        self.title.setText(row.person_name)
        self.when.setText(slot_when(row.starts_at, row.ends_at))
        self.when.show()
        self._set_status(status_text(row.status), STATUS_STYLES.get(row.status, ""))
        record = advice.get_session(self.session.user, row.id)
        booked_by = record.booked_by.display_name if record.booked_by_id is not None else ""
        if booked_by:
            booked_by = _("{name}, {date}").format(
                name=booked_by, date=format_date(record.booked_at.date())
            )
        self._set_rows(
            {
                "phone": row.phone,
                "place": row.place,
                "topic": row.topic,
                "language": language_text(row.language),
                "interpreter": interpreter_language_text(row) or _("Not needed"),
                "booked_by": booked_by,
            }
        )
        begun = current_moment() >= row.starts_at
        if row.status == SessionStatus.BOOKED.value:
            shown = [self.change_button, self.cancel_button, self.slip_button]
            if self.may_record:
                shown += [self.done_button, self.no_show_button]
            self._buttons(*shown)
            self.done_button.setEnabled(begun)
            self.no_show_button.setEnabled(begun)
            if self.may_record and not begun:
                self._hint(_("Came or did not come can be marked once the session has begun."))
            else:
                self._hint("")
        elif row.status in (SessionStatus.DONE.value, SessionStatus.NO_SHOW.value):
            self._buttons(*([self.booked_button] if self.may_record else []))
            self._hint("")
        else:
            self._buttons()
            self._hint(_("This booking was cancelled."))
        self._show_notes(row.id)

    def _show_notes(self, session_id: int | None) -> None:
        if self.notes is not None:
            self.notes.show_session(session_id)
            self.notes.setVisible(session_id is not None)
            self.notes_line.setVisible(session_id is not None)

    def refresh(self) -> None:
        if self.row is not None:
            self.show_session(self.row.id)

    # actions ----------------------------------------------------------------------------------
    def _book(self) -> None:
        if self.slot is not None:
            self.book_requested.emit(self.slot.start)

    @guarded
    def change_session(self) -> None:
        if self.row is None:
            return
        session_id = self.row.id
        if change_advice(self, self.session, session_id):
            self.show_session(session_id)
            self.changed.emit(session_id)
            self.notice.emit(
                _("Saved: {name}, {when}.").format(
                    name=self.row.person_name, when=slot_when(self.row.starts_at, self.row.ends_at)
                )
            )

    @guarded
    def cancel_session(self) -> None:
        row = self.row
        if row is None:
            return
        question = _("Cancel the booking of {name} on {when}?").format(
            name=row.person_name, when=slot_when(row.starts_at, row.ends_at)
        )
        if not confirm(self, _("Cancel booking"), question):
            return
        offers = advice_booking.cancel_session(self.session.user, row.id, current_moment())
        self.show_session(row.id)
        self.changed.emit(row.id)
        self.notice.emit(cancelled_text(row, offers))

    def _set_status_to(self, status: str) -> None:
        if self.row is None:
            return
        session_id = self.row.id
        advice_booking.set_status(self.session.user, session_id, status, current_moment())
        self.show_session(session_id)
        self.changed.emit(session_id)

    @guarded
    def mark_done(self) -> None:
        self._set_status_to(SessionStatus.DONE.value)

    @guarded
    def mark_no_show(self) -> None:
        self._set_status_to(SessionStatus.NO_SHOW.value)

    @guarded
    def mark_booked(self) -> None:
        self._set_status_to(SessionStatus.BOOKED.value)

    @guarded
    def print_slip(self) -> None:
        row = self.row
        if row is None:
            return
        dialog = SlipDialog(row, self)
        choice = dialog.exec()
        if choice not in (SlipDialog.PRINT, SlipDialog.SAVE):
            return
        from lumijobi_desktop.printing import advice_papers

        lang, paper = dialog.chosen_language(), dialog.chosen_paper()
        user = self.session.user

        def render(path: Path) -> None:
            advice_papers.write_slip(user, row.id, path, lang=lang, paper=paper)

        print_or_save(
            self,
            choice == SlipDialog.PRINT,
            _("Save the appointment slip"),
            f"advice-slip-{row.starts_at:%Y-%m-%d-%H%M}.pdf",
            render,
        )


def cancelled_text(row: SessionRow, offers: list) -> str:
    """What the desk is told after cancelling: and whom to call if the queue got the time."""
    text = _("Cancelled: {name}, {when}.").format(
        name=row.person_name, when=slot_when(row.starts_at, row.ends_at)
    )
    for entry in offers:
        person = entry.person
        when = slot_when(entry.offered_start, entry.offered_end)
        if person.phone:
            call = _(
                "The time {when} is now held for {name} from the queue. Please call them: {phone}."
            ).format(when=when, name=person.full_name, phone=person.phone)
        else:
            call = _(
                "The time {when} is now held for {name} from the queue. Please tell them."
            ).format(when=when, name=person.full_name)
        text += " " + call
    return text
