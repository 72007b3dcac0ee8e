"""A follow-up task for the coordinator: what to do and by when ("call when Kela decides").

Also the small pieces the confidential advice screens share: the lock line
that says who can read these and that each reading is recorded, their buttons, and how a
spoken language reads on them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_notes, database
from lumijobi_desktop.core.advice_notes import FOLLOW_UP_MAX, FollowUpRow
from lumijobi_desktop.core.i18n import _, language_display_name
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, qdate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, save_cancel_buttons

Today = Callable[[], dt.date]

BUTTON_HEIGHT = 34


def panel_button(text: str, name: str) -> QPushButton:
    """A button of the confidential screens (notes, to-do list): all of one height."""
    button = QPushButton(text, objectName=name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


def today_now() -> dt.date:
    """The desk's today (through the database module, so tests can set the clock there)."""
    return database.now().date()


def lock_pixmap(height: int, colour: str = "#6d4c41") -> QPixmap:
    """A small padlock, drawn (an emoji lock needs a font the desk PC may not have)."""
    ratio = 2
    pixmap = QPixmap(QSize(height, height) * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    pen = QPen(QColor(colour), max(1.5, height / 9))
    painter.setPen(pen)
    width = height * 0.62
    left = (height - width) / 2
    painter.drawArc(
        QRectF(left + width * 0.18, height * 0.08, width * 0.64, height * 0.7), 0, 180 * 16
    )
    painter.drawLine(
        QPointF(left + width * 0.18, height * 0.43), QPointF(left + width * 0.18, height * 0.5)
    )
    painter.drawLine(
        QPointF(left + width * 0.82, height * 0.43), QPointF(left + width * 0.82, height * 0.5)
    )
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(left, height * 0.45, width, height * 0.5), 2, 2)
    painter.end()
    return pixmap


class LockLine(QWidget):
    """A padlock and a short text: who may read what is here."""

    def __init__(self, text: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon = QLabel()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.label.setStyleSheet(f"color: {colour};")
        self.icon.setPixmap(lock_pixmap(self.label.fontMetrics().height(), colour))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
        layout.addWidget(self.icon, 0, Qt.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()


def confidential_line(parent: QWidget | None = None) -> LockLine:
    """Who may read this and that each reading is recorded: shown above notes and tasks."""
    line = LockLine(
        _(
            "Confidential – only the coordinator and administrators can read these. "
            "Each reading is recorded."
        ),
        "#6d4c41",
        parent,
    )
    line.setObjectName("confidentialLine")
    return line


def refused_label(parent: QWidget | None = None) -> LockLine:
    """What a user without the right sees instead of confidential notes."""
    line = LockLine(
        _("Only the coordinator and administrators can see advice notes and follow-ups."),
        "#555555",
        parent,
    )
    line.setObjectName("notesRefused")
    return line


def language_text(code: str) -> str:
    """`Ukrainian` for a spoken-language code; a dash when none was given."""
    if not code or code == "?":
        return _("Not given")
    return language_display_name(code)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day (31 Jan + 1 month → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def quick_dues() -> list[tuple[str, Callable[[dt.date], dt.date]]]:
    """The quick due-date choices, counted from today."""
    return [
        (_("+1 week"), lambda day: day + dt.timedelta(weeks=1)),
        (_("+2 weeks"), lambda day: day + dt.timedelta(weeks=2)),
        (_("+1 month"), lambda day: add_months(day, 1)),
    ]


class FollowUpDialog(QDialog):
    """Add a follow-up for a person (optionally tied to a session), or change one.

    After `accept`, `follow_up_id` is the id of the task added or changed.
    """

    def __init__(
        self,
        session: DeskSession,
        person_id: int,
        parent: QWidget | None = None,
        *,
        person_name: str = "",
        session_id: int | None = None,
        follow_up: FollowUpRow | None = None,
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.person_id = person_id
        self.session_id = session_id
        self.existing = follow_up
        self.follow_up_id: int | None = follow_up.id if follow_up else None
        self.today = (today or today_now)()
        self.setWindowTitle(_("Change the follow-up") if follow_up else _("Add a follow-up"))
        self.setMinimumWidth(480)

        self.text = QLineEdit(objectName="followUpText")
        self.text.setMaxLength(FOLLOW_UP_MAX)
        self.text.setPlaceholderText(_("e.g. Call when the Kela decision arrives"))
        self.text.setMinimumHeight(32)
        start = follow_up.due if follow_up else self.today + dt.timedelta(weeks=1)
        self.due = date_editor(start, "followUpDue")
        self.due.setMinimumHeight(32)
        quick = QHBoxLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        self.quick_buttons: list[QPushButton] = []
        for name, shift in quick_dues():
            button = QPushButton(name)
            button.setObjectName("quickDue")
            button.setMinimumHeight(30)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=shift: self.set_due(s(self.today)))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)
        due_row = QVBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.due, 0, Qt.AlignLeft)
        due_row.addLayout(quick)

        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(_("What to do"), self.text)
        form.addRow(_("Due"), due_row)

        title = heading(_("Follow-up for {name}").format(name=person_name) if person_name else "")
        title.setWordWrap(True)
        title.setVisible(bool(person_name))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(confidential_line())
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = save_cancel_buttons(self, self.save, save_name="saveFollowUp")
        for button in buttons.buttons():
            button.setMinimumHeight(34)
        layout.addWidget(buttons)
        if follow_up:
            self.text.setText(follow_up.text)
        self.text.setFocus()

    def set_due(self, day: dt.date) -> None:
        self.due.setDate(qdate(day))

    def due_date(self) -> dt.date:
        return pydate(self.due.date())

    def save(self) -> None:
        def action() -> None:
            user = self.session.user
            if self.existing is None:
                self.follow_up_id = advice_notes.add_follow_up(
                    user, self.person_id, self.text.text(), self.due_date(), self.session_id
                )
            else:
                advice_notes.change_follow_up(
                    user, self.existing.id, self.text.text(), self.due_date()
                )

        if run_form_action(self, self.error, action):
            self.accept()
