"""Log a volunteer's hours by hand: the day, the hours (1,5), what was done and a note.

Bad input (no number, 0 or less, more than 24 hours on a day) shows a red
line under the form and nothing is saved.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import volunteer_hours
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _, format_number
from lumijobi_desktop.core.volunteer_hours import ACTIVITY_NAMES, Activity, VolunteerHours
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, today_now
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, qdate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.texts import parse_hours
from lumijobi_desktop.ui.widgets import ErrorLabel, save_cancel_buttons

# What the desk logs most comes first; the friend service and neighbour help log their own.
ACTIVITY_ORDER = (
    Activity.DESK,
    Activity.GOODS,
    Activity.EVENTS,
    Activity.COFFEE,
    Activity.FRIEND,
    Activity.NEIGHBOUR,
    Activity.TRAINING,
    Activity.OTHER,
)


class HoursDialog(QDialog):
    """After exec(): `saved` is the logged row."""

    def __init__(
        self,
        session: DeskSession,
        volunteer_id: int,
        volunteer_name: str,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.volunteer_id = volunteer_id
        self.today = (today or today_now)()
        self.saved: VolunteerHours | None = None
        self.setWindowTitle(_("Log volunteer hours"))
        self.setMinimumWidth(480)
        who = QLabel(f"<b>{html.escape(volunteer_name)}</b>", objectName="hoursVolunteer")
        font = who.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        who.setFont(font)
        self.day = date_editor(self.today, "hoursDay")
        self.day.setMaximumDate(qdate(self.today))
        self.hours = QLineEdit(objectName="hoursAmount")
        self.hours.setPlaceholderText(_("e.g. {example}").format(example=format_number(1.5)))
        self.hours.setMaximumWidth(120)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours)
        hours_row.addWidget(QLabel(_("hours")))
        hours_row.addStretch(1)
        self.activity = QComboBox(objectName="hoursActivity")
        for activity in ACTIVITY_ORDER:
            self.activity.addItem(_(ACTIVITY_NAMES[activity]), activity.value)
        self.note = QLineEdit(objectName="hoursNote")
        self.note.setMaxLength(volunteer_hours.NOTE_MAX)
        self.note.setPlaceholderText(_("optional"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_("Day"), self.day)
        form.addRow(_("Hours"), hours_row)
        form.addRow(_("What was done"), self.activity)
        form.addRow(_("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveHours"))
        self._fields = {"hours": self.hours, "day": self.day, "note": self.note}
        self.hours.setFocus()

    def save(self) -> None:
        if run_form_action(self, self.error, self._log):
            self.accept()

    def _log(self) -> None:
        try:
            self.saved = volunteer_hours.log_hours(
                self.session.user,
                self.volunteer_id,
                pydate(self.day.date()),
                parse_hours(self.hours.text()),
                self.activity.currentData(),
                self.note.text(),
                today=self.today,
            )
        except ValidationError as error:
            widget = self._fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
                if widget is self.hours:
                    self.hours.selectAll()
            raise
