"""A volunteer's profile (skills, interests, free times, consent), the record check, trainings.

Languages and the home village are the person's own: they are changed in
the visitor register, and shown here only to read.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import volunteers
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _, format_date
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.volunteers import (
    GENDER_NAMES,
    INTERESTS,
    SKILLS,
    Volunteer,
    VolunteerData,
    codes_of,
)
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, today_now
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.texts import (
    languages_text,
)
from lumijobi_desktop.ui.volunteers.times_grid import TimesGrid
from lumijobi_desktop.ui.widgets import ErrorLabel, WrappingCheckBox, save_cancel_buttons


def _check_grid(
    title: str, names: dict[str, str], name: str, columns: int
) -> tuple[QGroupBox, dict[str, QCheckBox]]:
    """A box of check boxes, `columns` to a row, one per code."""
    box = QGroupBox(title, objectName=name)
    grid = QGridLayout(box)
    grid.setVerticalSpacing(6)
    boxes: dict[str, QCheckBox] = {}
    for number, (code, msgid) in enumerate(names.items()):
        check = QCheckBox(_(msgid), objectName=f"{name}_{code}")
        boxes[code] = check
        grid.addWidget(check, number // columns, number % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return box, boxes


class VolunteerDialog(QDialog):
    """Make a person a volunteer, or change a volunteer's profile.

    After exec(): `saved` is the saved volunteer.
    """

    def __init__(
        self,
        session: DeskSession,
        person: Person,
        volunteer: Volunteer | None = None,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.person = person
        self.volunteer = volunteer
        self.saved: Volunteer | None = None
        self.setWindowTitle(_("Edit volunteer") if volunteer else _("New volunteer"))
        self.setMinimumWidth(760)
        started = volunteer.started_on if volunteer else (today or today_now)()
        self._build(started)
        if volunteer is not None:
            self._fill(volunteer)

    def _build(self, started: dt.date) -> None:
        name = QLabel(
            f"<b>{html.escape(self.person.full_name)}</b>", objectName="volunteerPersonName"
        )
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        name.setFont(font)
        about = [languages_text(self.person.languages), self.person.home_village]
        person_line = QLabel(
            _("{details}. Languages and the home village are changed in Visitors.").format(
                details=" · ".join(part for part in about if part) or _("No languages given")
            )
        )
        person_line.setWordWrap(True)
        person_line.setStyleSheet("color: #555;")
        skills_box, self.skills = _check_grid(_("Can help with"), SKILLS, "skills", 4)
        # Three to a row: "Walking and outdoors" is long in Ukrainian.
        interests_box, self.interests = _check_grid(
            _("Interests (for the friend service)"), INTERESTS, "interests", 3
        )
        self.free_times = TimesGrid(name="freeTimes")
        free_times_box = QGroupBox(_("Usually free"))
        QVBoxLayout(free_times_box).addWidget(self.free_times)
        self.gender = QComboBox(objectName="volunteerGender")
        self.gender.addItem(_("not told"), "")
        for gender, msgid in GENDER_NAMES.items():
            self.gender.addItem(_(msgid), gender.value)
        self.started_on = date_editor(started, "volunteerStarted")
        self.note = QLineEdit(objectName="volunteerNote")
        self.note.setMaxLength(volunteers.NOTE_MAX)
        self.note.setPlaceholderText(_("optional, e.g. has a car with a child seat"))
        self.consent_row = WrappingCheckBox(
            _(
                "The volunteer agrees that these details are kept in the volunteer register "
                "(privacy notice offered)."
            )
        )
        self.consent = self.consent_row.box
        self.consent.setObjectName("volunteerConsent")
        self.error = ErrorLabel()

        form = QFormLayout()
        form.addRow(_("Gender"), self.gender)
        form.addRow(_("Volunteer since"), self.started_on)
        form.addRow(_("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(person_line)
        layout.addWidget(skills_box)
        layout.addWidget(interests_box)
        layout.addWidget(free_times_box)
        layout.addLayout(form)
        if self.volunteer is None:
            layout.addWidget(self.consent_row)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveVolunteer"))
        self._fields = {
            "gender": self.gender,
            "note": self.note,
            "consent": self.consent,
        }

    def _fill(self, volunteer: Volunteer) -> None:
        for code, check in self.skills.items():
            check.setChecked(code in codes_of(volunteer.skills))
        for code, check in self.interests.items():
            check.setChecked(code in codes_of(volunteer.interests))
        self.free_times.set_codes(codes_of(volunteer.free_times))
        self.gender.setCurrentIndex(max(self.gender.findData(volunteer.gender), 0))
        self.note.setText(volunteer.note)

    def data(self) -> VolunteerData:
        return VolunteerData(
            skills=[code for code, check in self.skills.items() if check.isChecked()],
            interests=[code for code, check in self.interests.items() if check.isChecked()],
            free_times=self.free_times.codes(),
            gender=self.gender.currentData(),
            started_on=pydate(self.started_on.date()),
            note=self.note.text(),
            consent=self.volunteer is not None or self.consent.isChecked(),
        )

    def save(self) -> None:
        if run_form_action(self, self.error, self._save):
            self.accept()

    def _save(self) -> None:
        try:
            self.saved = volunteers.save_volunteer(self.session.user, self.person.id, self.data())
        except ValidationError as error:
            widget = self._fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
            raise


class _SmallForm(QDialog):
    """A short form with a text above it, a red error line and Save / Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveForm"))

    def action(self) -> None:  # pragma: no cover - each form has its own
        raise NotImplementedError

    def save(self) -> None:
        if run_form_action(self, self.error, self.action):
            self.accept()


class RecordCheckDialog(_SmallForm):
    """The volunteer showed a criminal record extract: its date and the day it was shown."""

    def __init__(
        self,
        session: DeskSession,
        volunteer: Volunteer,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        shown = (today or today_now)()
        super().__init__(
            _("Criminal record extract"),
            _(
                "{name} showed a criminal record extract for work with children. Record only "
                "its date and the day it was shown. Do not keep a copy: give the extract back."
            ).format(name=volunteer.person.full_name),
            parent,
        )
        self.session = session
        self.volunteer = volunteer
        self.extract_date = date_editor(shown, "extractDate")
        self.shown_on = date_editor(shown, "extractShownOn")
        self.form.addRow(_("Date on the extract"), self.extract_date)
        self.form.addRow(_("Shown on"), self.shown_on)
        note = QLabel(
            _("The extract may be at most six months old. It is valid here for five years.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.addRow(note)

    def action(self) -> None:
        volunteers.record_check(
            self.session.user,
            self.volunteer.id,
            pydate(self.extract_date.date()),
            pydate(self.shown_on.date()),
        )


class TrainingDialog(_SmallForm):
    """A training the volunteer took: its name and date."""

    def __init__(
        self,
        session: DeskSession,
        volunteer: Volunteer,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        super().__init__(
            _("Add a training"),
            _("Which training did {name} take?").format(name=volunteer.person.full_name),
            parent,
        )
        self.session = session
        self.volunteer = volunteer
        self.name = QLineEdit(objectName="trainingName")
        self.name.setMaxLength(volunteers.TRAINING_MAX)
        self.name.setPlaceholderText(_("e.g. Friend service course"))
        self.completed_on = date_editor((today or today_now)(), "trainingDate")
        self.form.addRow(_("Training"), self.name)
        self.form.addRow(_("Date"), self.completed_on)

    def action(self) -> None:
        volunteers.add_training(
            self.session.user,
            self.volunteer.id,
            self.name.text(),
            pydate(self.completed_on.date()),
        )


def check_text(volunteer: Volunteer, today: dt.date) -> str:
    """What the register says about the criminal record extract."""
    if volunteer.check_shown_on is None:
        return _("Not shown")
    seen_by = volunteer.check_seen_by.display_name if volunteer.check_seen_by else ""
    text = _("Shown on {shown}, dated {dated}").format(
        shown=format_date(volunteer.check_shown_on),
        dated=format_date(volunteer.check_extract_date),
    )
    if seen_by:
        text = _("{text}, seen by {name}").format(text=text, name=seen_by)
    until = volunteers.check_valid_until(volunteer.check_shown_on)
    if volunteer.check_valid_on(today):
        return _("{text}. Valid until {date}.").format(text=text, date=format_date(until))
    return _("{text}. No longer valid: ask for a new one.").format(text=text)
