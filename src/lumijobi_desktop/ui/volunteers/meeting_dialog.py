"""Logging a friend pair's meeting (date, length, kind, a short note), and a staff check-in.

A meeting logs the volunteer's hours too (the core does that). Whatever the
core refuses (a meeting before the pair began, in the future, too long) is
said in the red line and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import database, friend_service
from lumijobi_desktop.core.friend_service import MEETING_KINDS, NOTE_MAX
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, save_cancel_buttons

Today = Callable[[], dt.date]
FIELD_HEIGHT = 32
QUICK_LENGTHS = (30, 60, 90, 120)


def today_now() -> dt.date:
    """The desk's today (through the database module, so tests can set the clock there)."""
    return database.now().date()


def length_text(minutes: int) -> str:
    """`45 min`, `2 h`, `1 h 30 min` (Finnish `1 t 30 min`, Ukrainian `1 год 30 хв`)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def kind_name(code: str) -> str:
    return _(MEETING_KINDS[code]) if code in MEETING_KINDS else code


def _titled(title_text: str) -> QLabel:
    title = heading(title_text)
    title.setTextFormat(Qt.PlainText)
    title.setWordWrap(True)
    title.setVisible(bool(title_text))
    return title


def _buttons(dialog: QDialog, on_save, name: str):
    buttons = save_cancel_buttons(dialog, on_save, save_name=name)
    for button in buttons.buttons():
        button.setMinimumHeight(34)
    return buttons


class MeetingDialog(QDialog):
    """Log one meeting of a pair. After `accept`, `meeting_id` is the meeting logged."""

    def __init__(
        self,
        session: DeskSession,
        pair_id: int,
        parent: QWidget | None = None,
        *,
        pair_name: str = "",
        kind: str = "visit",
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.pair_id = pair_id
        self.today = (today or today_now)()
        self.meeting_id: int | None = None
        self.setWindowTitle(_("Log a meeting"))
        self.setMinimumWidth(500)

        self.day = date_editor(self.today, "meetingDay")
        self.day.setMinimumHeight(FIELD_HEIGHT)
        self.hours = QSpinBox(objectName="meetingHours")
        self.hours.setRange(0, 12)
        self.hours.setSuffix(" " + _("h"))
        self.minutes = QSpinBox(objectName="meetingMinutes")
        self.minutes.setRange(0, 55)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" " + _("min"))
        for spin in (self.hours, self.minutes):
            spin.setMinimumHeight(FIELD_HEIGHT)
            spin.setMinimumWidth(90)
        self.set_length(60)
        spins = QHBoxLayout()
        spins.setContentsMargins(0, 0, 0, 0)
        spins.addWidget(self.hours)
        spins.addWidget(self.minutes)
        spins.addStretch(1)
        quick = QHBoxLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        self.quick_buttons: list[QPushButton] = []
        for minutes in QUICK_LENGTHS:
            button = QPushButton(length_text(minutes), objectName="quickLength")
            button.setMinimumHeight(FIELD_HEIGHT)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, m=minutes: self.set_length(m))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)
        length_row = QVBoxLayout()
        length_row.setContentsMargins(0, 0, 0, 0)
        length_row.addLayout(spins)
        length_row.addLayout(quick)

        self.kind = QComboBox(objectName="meetingKind")
        for code, text in MEETING_KINDS.items():
            self.kind.addItem(_(text), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.setMinimumHeight(FIELD_HEIGHT)
        self.note = QLineEdit(objectName="meetingNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("optional, e.g. a walk by the sea"))
        self.note.setMinimumHeight(FIELD_HEIGHT)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(_("Date"), self.day)
        form.addRow(_("Length"), length_row)
        form.addRow(_("How they met"), self.kind)
        form.addRow(_("Note"), self.note)
        hint = QLabel(_("The volunteer's hours are logged with the meeting."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_titled(pair_name))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.save, "saveMeeting"))
        self.day.setFocus()

    def set_length(self, minutes: int) -> None:
        self.hours.setValue(minutes // 60)
        self.minutes.setValue(minutes % 60)

    def length_minutes(self) -> int:
        return self.hours.value() * 60 + self.minutes.value()

    def save(self) -> None:
        def action() -> None:
            meeting = friend_service.log_meeting(
                self.session.user,
                self.pair_id,
                pydate(self.day.date()),
                self.length_minutes(),
                self.kind.currentData(),
                self.note.text(),
                today=self.today,
            )
            self.meeting_id = meeting.id

        if run_form_action(self, self.error, action):
            self.accept()


class CheckInDialog(QDialog):
    """Staff asked both how the friendship goes: the day and a short note."""

    def __init__(
        self,
        session: DeskSession,
        pair_id: int,
        parent: QWidget | None = None,
        *,
        pair_name: str = "",
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.pair_id = pair_id
        self.setWindowTitle(_("Check-in done"))
        self.setMinimumWidth(460)
        self.day = date_editor((today or today_now)(), "checkInDay")
        self.day.setMinimumHeight(FIELD_HEIGHT)
        self.note = QLineEdit(objectName="checkInNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("e.g. both happy, meet every week"))
        self.note.setMinimumHeight(FIELD_HEIGHT)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(_("Date"), self.day)
        form.addRow(_("How it goes"), self.note)
        hint = QLabel(_("The next check-in is due three months from this one."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_titled(pair_name))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.save, "saveCheckIn"))
        self.note.setFocus()

    def save(self) -> None:
        def action() -> None:
            friend_service.record_check_in(
                self.session.user, self.pair_id, pydate(self.day.date()), self.note.text()
            )

        if run_form_action(self, self.error, action):
            self.accept()
