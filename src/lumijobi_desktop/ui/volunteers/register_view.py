"""The volunteer register: find a volunteer by name or skill, see their profile, log hours.

Everyone at the desk may look up volunteers and log hours. Staff also make
a person a volunteer, change profiles, pause or reactivate, record a
criminal record extract (never a copy) and the trainings taken.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import volunteer_hours, volunteers
from lumijobi_desktop.core.i18n import N_, _, format_date, format_number, ngettext
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.volunteer_hours import HoursRow, HoursSource, activity_name
from lumijobi_desktop.core.volunteers import (
    SKILLS,
    Volunteer,
    VolunteerRow,
    VolunteerStatus,
    VolunteerTraining,
    codes_of,
)
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, today_now
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.persons.person_dialog import PersonDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.hours_dialog import HoursDialog
from lumijobi_desktop.ui.volunteers.texts import (
    CHECK_MARK,
    NO_CHECK,
    gender_name,
    hours_text,
    hours_with_unit,
    interests_text,
    languages_text,
    money_text,
    skills_text,
    status_name,
    time_codes_text,
)
from lumijobi_desktop.ui.volunteers.volunteer_dialog import (
    RecordCheckDialog,
    TrainingDialog,
    VolunteerDialog,
    check_text,
)
from lumijobi_desktop.ui.widgets import confirm, read_only_table

PAUSED_COLOUR = QColor("#777777")
CHECK_COLOUR = QColor("#2e7d32")
NUMBER_ALIGNMENT = int(Qt.AlignRight | Qt.AlignVCenter)
# How far back a volunteer's own hours are listed on their profile.
HOURS_LISTED = dt.timedelta(days=365)
BUTTON_HEIGHT = 34
SOURCE_NOTES = {
    HoursSource.FRIEND_MEETING.value: N_("From a friend meeting"),
    HoursSource.HELP_TASK.value: N_("From a neighbour-help task"),
}


# --- table models -------------------------------------------------------------------------------


class VolunteersModel(RowsTableModel):
    headers = (
        N_("Name"),
        N_("Phone"),
        N_("Village"),
        N_("Languages"),
        N_("Can help with"),
        N_("Usually free"),
        N_("Status"),
        N_("Record check"),
    )
    CHECK_COLUMN = 7

    def cell(self, row: VolunteerRow, column: int, role: int):
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if column == self.CHECK_COLUMN:
                if role == Qt.ToolTipRole:
                    return (
                        _("A valid criminal record extract was shown.")
                        if row.check_valid
                        else _("No valid criminal record extract.")
                    )
                return CHECK_MARK if row.check_valid else NO_CHECK
            values = (
                row.name,
                row.phone,
                row.village,
                languages_text(row.languages),
                skills_text(row.skills),
                time_codes_text(row.free_times),
                status_name(row.status),
            )
            return values[column]
        if role == Qt.TextAlignmentRole and column == self.CHECK_COLUMN:
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole:
            if row.status != VolunteerStatus.ACTIVE.value:
                return QBrush(PAUSED_COLOUR)
            if column == self.CHECK_COLUMN and row.check_valid:
                return QBrush(CHECK_COLOUR)
        return None


class TrainingsModel(RowsTableModel):
    headers = (N_("Training"), N_("Date"))

    def cell(self, row: VolunteerTraining, column: int, role: int):
        if role == Qt.DisplayRole or (role == Qt.ToolTipRole and column == 0):
            return row.name if column == 0 else format_date(row.completed_on)
        return None


class VolunteerHoursModel(RowsTableModel):
    headers = (N_("Day"), N_("Hours"), N_("What was done"), N_("Note"))

    def cell(self, row: HoursRow, column: int, role: int):
        if role == Qt.DisplayRole:
            if column == 0:
                return format_date(row.day)
            if column == 1:
                return hours_text(row.minutes)
            if column == 2:
                return activity_name(row.activity)
            if row.note or row.source not in SOURCE_NOTES:
                return row.note
            return _(SOURCE_NOTES[row.source])
        if role == Qt.TextAlignmentRole and column == 1:
            return NUMBER_ALIGNMENT
        if role == Qt.ForegroundRole and column == 3 and not row.note:
            return QBrush(PAUSED_COLOUR)
        return None


def _small_heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text, objectName=name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


def _value_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


# --- the chosen volunteer -----------------------------------------------------------------------


class VolunteerDetail(QFrame):
    """The chosen volunteer's profile, trainings and recent hours, with what can be done."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        staff = session.can(Permission.MANAGE_VOLUNTEERS)
        self.name = QLabel(objectName="volunteerName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.name.setTextFormat(Qt.PlainText)
        self.status = QLabel(objectName="volunteerStatus")
        self.log_button = _button(_("Log hours…"), "logHours")
        self.log_button.setStyleSheet("QPushButton { font-weight: bold; padding: 0 14px; }")
        self.edit_button = _button(_("Edit…"), "editVolunteer")
        self.status_button = _button(_("Pause"), "volunteerStatusButton")
        self.check_button = _button(_("Record a criminal record extract…"), "recordCheck")
        for button in (self.edit_button, self.status_button, self.check_button):
            button.setVisible(staff)
        self.log_button.setVisible(session.can(Permission.LOG_VOLUNTEER_HOURS))

        self.facts = {
            key: _value_label(f"volunteer_{key}")
            for key in (
                "phone",
                "village",
                "languages",
                "skills",
                "interests",
                "free_times",
                "gender",
                "started_on",
                "check",
                "consent",
                "note",
            )
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        form.setVerticalSpacing(4)
        for key, label in (
            ("phone", _("Phone")),
            ("village", _("Home village")),
            ("languages", _("Languages")),
            ("skills", _("Can help with")),
            ("interests", _("Interests")),
            ("free_times", _("Usually free")),
            ("gender", _("Gender")),
            ("started_on", _("Volunteer since")),
            ("check", _("Criminal record extract")),
            ("consent", _("Consent")),
            ("note", _("Note")),
        ):
            form.addRow(label, self.facts[key])
        profile = QWidget()
        profile_layout = QVBoxLayout(profile)
        profile_layout.setContentsMargins(0, 0, 6, 0)
        profile_layout.addLayout(form)
        profile_layout.addStretch(1)
        profile_scroll = QScrollArea()
        profile_scroll.setWidget(profile)
        profile_scroll.setWidgetResizable(True)
        profile_scroll.setFrameShape(QFrame.NoFrame)
        profile_scroll.viewport().setAutoFillBackground(False)
        profile.setAutoFillBackground(False)
        profile_scroll.setMinimumWidth(380)

        self.trainings = TrainingsModel(self)
        self.training_table = read_only_table(self.trainings, 0, "volunteerTrainings")
        self.add_training_button = _button(_("Add a training…"), "addTraining")
        self.remove_training_button = _button(_("Remove"), "removeTraining")
        for button in (self.add_training_button, self.remove_training_button):
            button.setVisible(staff)
        training_buttons = QHBoxLayout()
        training_buttons.addWidget(self.add_training_button)
        training_buttons.addWidget(self.remove_training_button)
        training_buttons.addStretch(1)
        training_box = QVBoxLayout()
        training_box.addWidget(_small_heading(_("Trainings")))
        training_box.addWidget(self.training_table, 1)
        training_box.addLayout(training_buttons)

        self.hours = VolunteerHoursModel(self)
        self.hours_table = read_only_table(self.hours, 3, "volunteerHours")
        self.hours_summary = QLabel(objectName="volunteerHoursSummary")
        self.hours_summary.setWordWrap(True)
        self.remove_hours_button = _button(_("Remove these hours"), "removeHours")
        self.remove_hours_button.setVisible(session.can(Permission.LOG_VOLUNTEER_HOURS))
        self.remove_hours_button.setEnabled(False)
        hours_buttons = QHBoxLayout()
        hours_buttons.addStretch(1)
        hours_buttons.addWidget(self.remove_hours_button)
        hours_box = QVBoxLayout()
        hours_box.addWidget(_small_heading(_("Hours in the last twelve months")))
        hours_box.addWidget(self.hours_summary)
        hours_box.addWidget(self.hours_table, 1)
        hours_box.addLayout(hours_buttons)

        title_row = QHBoxLayout()
        title_row.addWidget(self.name)
        title_row.addWidget(self.status)
        title_row.addStretch(1)
        title_row.addWidget(self.log_button)
        title_row.addWidget(self.edit_button)
        title_row.addWidget(self.status_button)
        title_row.addWidget(self.check_button)
        columns = QHBoxLayout()
        columns.addWidget(profile_scroll, 5)
        columns.addLayout(training_box, 3)
        columns.addLayout(hours_box, 5)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 4, 0, 0)
        content_layout.addLayout(title_row)
        content_layout.addLayout(columns, 1)
        self.placeholder = QLabel(
            _("Choose a volunteer from the list to see their profile and hours.")
        )
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.content, 1)
        self.training_table.selectionModel().selectionChanged.connect(self._training_chosen)
        self.hours_table.selectionModel().selectionChanged.connect(self._hours_chosen)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.trainings.set_rows([])
        self.hours.set_rows([])
        self.content.hide()
        self.placeholder.show()

    def show_volunteer(self, volunteer: Volunteer, today: dt.date) -> None:
        user = self.session.user
        person = volunteer.person
        self.name.setText(person.full_name)
        paused = not volunteer.active
        self.status.setText(status_name(volunteer.status))
        self.status.setStyleSheet(
            "color: white; background: #777; border-radius: 4px; padding: 2px 8px;"
            if paused
            else "color: white; background: #2e7d32; border-radius: 4px; padding: 2px 8px;"
        )
        self.status_button.setText(_("Make active") if paused else _("Pause"))
        facts = self.facts
        facts["phone"].setText(person.phone or "–")
        facts["village"].setText(person.home_village or "–")
        facts["languages"].setText(languages_text(person.languages) or "–")
        facts["skills"].setText(skills_text(codes_of(volunteer.skills)) or "–")
        facts["interests"].setText(interests_text(codes_of(volunteer.interests)) or "–")
        facts["free_times"].setText(time_codes_text(codes_of(volunteer.free_times)) or "–")
        facts["gender"].setText(gender_name(volunteer.gender) or _("not told"))
        facts["started_on"].setText(format_date(volunteer.started_on))
        facts["check"].setText(check_text(volunteer, today))
        valid = volunteer.check_valid_on(today)
        facts["check"].setStyleSheet("color: #2e7d32;" if valid else "")
        consent_by = volunteer.consent_by.display_name if volunteer.consent_by else ""
        consent = _("Given on {date}").format(date=format_date(volunteer.consent_at.date()))
        if consent_by:
            consent = _("{text}, recorded by {name}").format(text=consent, name=consent_by)
        facts["consent"].setText(consent)
        facts["note"].setText(volunteer.note or "–")
        self.trainings.set_rows(list(volunteer.trainings.order_by(VolunteerTraining.completed_on)))
        self.remove_training_button.setEnabled(False)

        rows = volunteer_hours.hours_of(user, volunteer.id, today - HOURS_LISTED, today)
        self.hours.set_rows(rows)
        self.remove_hours_button.setEnabled(False)
        month = volunteer_hours.hours_totals(user, today.replace(day=1), today, volunteer.id)
        year = volunteer_hours.hours_totals(
            user, today.replace(month=1, day=1), today, volunteer.id
        )
        self.hours_summary.setText(
            _("This month {month}. This year {year}, worth {value}.").format(
                month=hours_with_unit(month.minutes),
                year=hours_with_unit(year.minutes),
                value=money_text(year.value),
            )
        )
        self.placeholder.hide()
        self.content.show()

    def chosen_training(self) -> VolunteerTraining | None:
        rows = self.training_table.selectionModel().selectedRows()
        return self.trainings.row_object(rows[0].row()) if rows else None

    def chosen_hours(self) -> HoursRow | None:
        rows = self.hours_table.selectionModel().selectedRows()
        return self.hours.row_object(rows[0].row()) if rows else None

    def _training_chosen(self, *_args) -> None:
        self.remove_training_button.setEnabled(self.chosen_training() is not None)

    def _hours_chosen(self, *_args) -> None:
        row = self.chosen_hours()
        manual = row is not None and row.source == HoursSource.MANUAL.value
        self.remove_hours_button.setEnabled(manual)
        self.remove_hours_button.setToolTip(
            ""
            if row is None or manual
            else _("These hours come from a meeting or a task; change that instead.")
        )


# --- the register -------------------------------------------------------------------------------


class RegisterView(QWidget):
    """The volunteers tab: search and filters, the table, and the chosen volunteer below it."""

    changed = Signal()  # a profile or hours changed (other tabs may show them)

    REGISTER_NEW = 2

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self._today = today or today_now
        self._all: list[VolunteerRow] = []
        self.staff = session.can(Permission.MANAGE_VOLUNTEERS)

        self.search = QLineEdit(objectName="volunteerSearch")
        self.search.setPlaceholderText(_("Type a few letters of the name…"))
        self.search.setClearButtonEnabled(True)
        self.skill = QComboBox(objectName="volunteerSkill")
        self.skill.addItem(_("All skills"), "")
        for code, msgid in SKILLS.items():
            self.skill.addItem(_(msgid), code)
        self.active_only = QCheckBox(_("Active only"), objectName="activeOnly")
        self.new_button = _button(_("New volunteer…"), "newVolunteer")
        self.new_button.setVisible(self.staff)
        self.count_label = QLabel(objectName="volunteerCount")

        self.model = VolunteersModel(self)
        self.table = read_only_table(self.model, 0, "volunteersTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column in (4, 5):
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        for column in (1, 2, 3, 6, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setTextElideMode(Qt.ElideRight)
        self.detail = VolunteerDetail(session)

        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(_("Search")))
        search_row.addWidget(self.search, 2)
        search_row.addSpacing(12)
        search_row.addWidget(QLabel(_("Skill")))
        search_row.addWidget(self.skill, 1)
        search_row.addSpacing(12)
        search_row.addWidget(self.active_only)
        search_row.addStretch(1)
        search_row.addWidget(self.new_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(lambda _text: self._apply_filter())
        self.search.returnPressed.connect(self._focus_first)
        self.skill.currentIndexChanged.connect(lambda _index: self.refresh())
        self.active_only.toggled.connect(lambda _checked: self.refresh())
        self.new_button.clicked.connect(self.new_volunteer)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table.activated.connect(lambda _index: self._activated())
        detail = self.detail
        detail.log_button.clicked.connect(self.log_hours)
        detail.edit_button.clicked.connect(self.edit_volunteer)
        detail.status_button.clicked.connect(self.toggle_status)
        detail.check_button.clicked.connect(self.record_check)
        detail.add_training_button.clicked.connect(self.add_training)
        detail.remove_training_button.clicked.connect(self.remove_training)
        detail.remove_hours_button.clicked.connect(self.remove_hours)
        self.refresh()

    def today(self) -> dt.date:
        return self._today()

    # --- loading ---

    @guarded
    def refresh(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.selected_id()
        self._all = volunteers.volunteer_rows(
            self.session.user,
            skill=self.skill.currentData() or "",
            active_only=self.active_only.isChecked(),
            today=self.today(),
        )
        self._apply_filter(select_id=chosen)

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def _apply_filter(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.selected_id()
        wanted = " ".join(self.search.text().split()).casefold()
        rows = [row for row in self._all if wanted in row.name.casefold()]
        self.model.set_rows(rows)
        if len(rows) != len(self._all):
            text = _("Showing {count} of {total}.").format(
                count=format_number(len(rows)), total=format_number(len(self._all))
            )
        else:
            text = ngettext("{count} volunteer", "{count} volunteers", len(rows)).format(
                count=format_number(len(rows))
            )
        self.count_label.setText(text)
        ids = [row.id for row in rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
            self._show_selected()
        elif len(rows) == 1:
            self.table.selectRow(0)
        else:
            self._show_selected()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_object(rows[0].row()) if rows else None
        return row.id if row else None

    def select_volunteer(self, volunteer_id: int) -> None:
        """Show this volunteer (clears the search and filters if they hide them)."""
        ids = [row.id for row in self.model.rows()]
        if volunteer_id not in ids:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.skill.blockSignals(True)
            self.skill.setCurrentIndex(0)
            self.skill.blockSignals(False)
            self.active_only.blockSignals(True)
            self.active_only.setChecked(False)
            self.active_only.blockSignals(False)
            self.refresh(select_id=volunteer_id)
        else:
            self.table.selectRow(ids.index(volunteer_id))

    @guarded
    def _show_selected(self, *_args) -> None:
        volunteer_id = self.selected_id()
        if volunteer_id is None:
            self.detail.show_nothing()
            return
        volunteer = volunteers.get_volunteer(self.session.user, volunteer_id)
        self.detail.show_volunteer(volunteer, self.today())

    def _focus_first(self) -> None:
        if self.model.rowCount() and self.selected_id() is None:
            self.table.selectRow(0)
        self.table.setFocus()

    def _activated(self) -> None:
        if self.staff:
            self.edit_volunteer()
        else:
            self.log_hours()

    def _changed(self, volunteer_id: int | None = None) -> None:
        self.refresh(select_id=volunteer_id)
        if volunteer_id is not None:
            self.select_volunteer(volunteer_id)
        self.changed.emit()

    def _selected_volunteer(self) -> Volunteer | None:
        volunteer_id = self.selected_id()
        if volunteer_id is None:
            return None
        return volunteers.get_volunteer(self.session.user, volunteer_id)

    # --- staff: the profile ---

    @guarded
    def new_volunteer(self) -> None:
        """Choose a registered person (or register one), then fill in their volunteer profile."""
        if not self.staff:
            return
        person = self._choose_person()
        if person is None:
            return
        existing = volunteers.volunteer_of(self.session.user, person.id)
        dialog = VolunteerDialog(self.session, person, existing, self, today=self._today)
        if dialog.exec() and dialog.saved is not None:
            self._changed(dialog.saved.id)

    def _choose_person(self) -> Person | None:
        register = QPushButton(_("Not registered yet? Register a new person…"))
        register.setObjectName("registerNewPerson")
        register.setAutoDefault(False)
        picker = PersonPickerDialog(
            self.session, _("Who becomes a volunteer?"), self, extra=register
        )
        register.clicked.connect(lambda: picker.done(self.REGISTER_NEW))
        outcome = picker.exec()
        if outcome == self.REGISTER_NEW:
            dialog = PersonDialog(self.session, parent=self)
            return dialog.person if dialog.exec() else None
        if outcome == QDialog.Accepted:
            return picker.person()
        return None

    @guarded
    def edit_volunteer(self) -> None:
        volunteer = self._selected_volunteer()
        if volunteer is None or not self.staff:
            return
        dialog = VolunteerDialog(self.session, volunteer.person, volunteer, self)
        if dialog.exec() and dialog.saved is not None:
            self._changed(dialog.saved.id)

    @guarded
    def toggle_status(self) -> None:
        volunteer = self._selected_volunteer()
        if volunteer is None or not self.staff:
            return
        if volunteer.active:
            question = _(
                "Pause {name}? A paused volunteer is not suggested for friends or help "
                "until made active again."
            ).format(name=volunteer.person.full_name)
            if not confirm(self, _("Pause"), question):
                return
            status = VolunteerStatus.PAUSED.value
        else:
            status = VolunteerStatus.ACTIVE.value
        volunteers.set_status(self.session.user, volunteer.id, status)
        self._changed(volunteer.id)

    @guarded
    def record_check(self) -> None:
        volunteer = self._selected_volunteer()
        if volunteer is None or not self.staff:
            return
        if RecordCheckDialog(self.session, volunteer, self, today=self._today).exec():
            self._changed(volunteer.id)

    @guarded
    def add_training(self) -> None:
        volunteer = self._selected_volunteer()
        if volunteer is None or not self.staff:
            return
        if TrainingDialog(self.session, volunteer, self, today=self._today).exec():
            self._changed(volunteer.id)

    @guarded
    def remove_training(self) -> None:
        training = self.detail.chosen_training()
        if training is None or not self.staff:
            return
        question = _("Remove the training {name} from this volunteer's profile?").format(
            name=training.name
        )
        if not confirm(self, _("Remove a training"), question):
            return
        volunteers.remove_training(self.session.user, training.id)
        self._changed(self.selected_id())

    # --- everyone: hours ---

    @guarded
    def log_hours(self) -> None:
        volunteer_id = self.selected_id()
        if volunteer_id is None or not self.session.can(Permission.LOG_VOLUNTEER_HOURS):
            return
        row = next(row for row in self.model.rows() if row.id == volunteer_id)
        dialog = HoursDialog(self.session, volunteer_id, row.name, self, today=self._today)
        if dialog.exec():
            self._changed(volunteer_id)

    @guarded
    def remove_hours(self) -> None:
        row = self.detail.chosen_hours()
        if row is None:
            return
        question = _("Remove {hours} of {activity} on {day}?").format(
            hours=hours_with_unit(row.minutes),
            activity=activity_name(row.activity),
            day=format_date(row.day),
        )
        if not confirm(self, _("Remove hours"), question):
            return
        volunteer_hours.remove_hours(self.session.user, row.id)
        self._changed(self.selected_id())
