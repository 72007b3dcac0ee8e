"""Recording a request for neighbour help: who, what kind, when, where, how urgent, and consent."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import database, neighbour_help, people
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.neighbour_help import (
    HELP_KINDS,
    PLACE_MAX,
    URGENCY_NAMES,
    HelpRequestData,
    Urgency,
)
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.volunteers import codes_of
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, qdate
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.times_grid import TimesGrid
from lumijobi_desktop.ui.widgets import ErrorLabel, WrappingCheckBox, save_cancel_buttons

__all__ = ["HelpRequestDialog"]


def urgency_choice_text(urgency: Urgency) -> str:
    """What the urgency buttons say: the name, and for "urgent" what it means."""
    if urgency == Urgency.URGENT:
        return _("Urgent: today or tomorrow")
    return _(URGENCY_NAMES[urgency])


class HelpRequestDialog(QDialog):
    """A new request (or a change to an open one); Save records it through the core."""

    def __init__(
        self,
        session: DeskSession,
        request_id: int | None = None,
        parent: QWidget | None = None,
        *,
        person: Person | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.request_id = request_id
        self.person: Person | None = None
        self.saved: neighbour_help.HelpRequest | None = None
        self.setWindowTitle(
            _("Change the request for help") if request_id else _("New request for help")
        )
        self.setMinimumWidth(880)

        self.person_name = QLabel(_("Nobody chosen yet"), objectName="requestPerson")
        self.person_name.setWordWrap(True)
        font = self.person_name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.person_name.setFont(font)
        self.person_phone = QLabel(objectName="requestPersonPhone")
        self.person_phone.hide()
        self.choose_button = QPushButton(_("Choose…"), objectName="choosePerson")
        self.choose_button.setMinimumHeight(30)
        self.choose_button.clicked.connect(self.choose_person)
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.person_name)
        name_box.addWidget(self.person_phone)
        who = QHBoxLayout()
        who.addLayout(name_box, 1)
        who.addWidget(self.choose_button, 0, Qt.AlignTop)

        self.kind = QComboBox(objectName="requestKind")
        self.kind.addItem(_("Choose…"), "")
        for code, name in HELP_KINDS.items():
            self.kind.addItem(_(name), code)
        self.kind.setMinimumHeight(30)

        self.on_day = QCheckBox(_("On a certain day"), objectName="requestOnDay")
        self.needed_on = date_editor(database.now().date(), "requestNeededOn")
        self.needed_on.setEnabled(False)
        self.on_day.toggled.connect(self.needed_on.setEnabled)
        day_row = QHBoxLayout()
        day_row.addWidget(self.on_day)
        day_row.addWidget(self.needed_on)
        day_row.addStretch(1)

        self.urgency_buttons: dict[str, QRadioButton] = {}
        urgency_group = QButtonGroup(self)
        urgency_box = QVBoxLayout()
        urgency_box.setSpacing(4)
        for urgency in Urgency:
            button = QRadioButton(urgency_choice_text(urgency), objectName=f"urgency_{urgency}")
            urgency_group.addButton(button)
            urgency_box.addWidget(button)
            self.urgency_buttons[urgency.value] = button
        self.urgency_buttons[Urgency.SOON.value].setChecked(True)

        self.place = QLineEdit(objectName="requestPlace")
        self.place.setMaxLength(PLACE_MAX)
        self.place.setPlaceholderText(_("Street address or meeting place"))
        self.village = QLineEdit(objectName="requestVillage")
        self.village.setMaxLength(60)
        self.village.setPlaceholderText(_("The person's home village"))

        self.times = TimesGrid()
        self.description = QPlainTextEdit(objectName="requestDescription")
        self.description.setPlaceholderText(
            _("What is needed, in a few words: e.g. a ride to the health centre at 10.")
        )
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.consent = WrappingCheckBox(
            _(
                "The person agrees that the helper gets their name, address and phone "
                "number on a task card."
            )
        )
        self.consent.setObjectName("requestConsent")
        self.consent.box.setObjectName("requestConsentBox")

        left = QFormLayout()
        left.setVerticalSpacing(12)
        left.addRow(_("Who needs help"), who)
        left.addRow(_("Kind of help"), self.kind)
        left.addRow(_("When"), day_row)
        left.addRow(_("How urgent"), urgency_box)
        left.addRow(_("Place"), self.place)
        left.addRow(_("Village"), self.village)
        right = QFormLayout()
        right.setVerticalSpacing(12)
        right.setRowWrapPolicy(QFormLayout.WrapAllRows)
        right.addRow(_("Preferred times (if any)"), self.times)
        right.addRow(_("What is needed"), self.description)
        right.addRow(self.consent)
        line = QFrame()
        line.setFrameShape(QFrame.VLine)
        line.setFrameShadow(QFrame.Sunken)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(left, 1)
        columns.addWidget(line)
        columns.addLayout(right, 1)
        self.error = ErrorLabel()
        buttons = save_cancel_buttons(self, self.save, save_name="saveRequest")
        self._save_button = buttons.findChild(QPushButton, "saveRequest")
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if request_id is not None:
            self._load(neighbour_help.get_help_request(session.user, request_id))
        elif person is not None:
            self.set_person(person)
        self.choose_button.setFocus()

    def _load(self, request: neighbour_help.HelpRequest) -> None:
        self.set_person(people.get_person(self.session.user, request.person_id))
        self.kind.setCurrentIndex(max(0, self.kind.findData(request.kind)))
        if request.needed_on is not None:
            self.on_day.setChecked(True)
            self.needed_on.setDate(qdate(request.needed_on))
        if request.urgency in self.urgency_buttons:
            self.urgency_buttons[request.urgency].setChecked(True)
        self.place.setText(request.place)
        self.village.setText(request.village)
        self.times.set_codes(codes_of(request.times))
        self.description.setPlainText(request.description)
        self.consent.box.setChecked(request.share_consent)

    def set_person(self, person: Person) -> None:
        self.person = person
        self.person_name.setText(person.full_name)
        self.person_phone.setText(person.phone)
        self.person_phone.setVisible(bool(person.phone))
        self.choose_button.setText(_("Someone else…"))
        if not self.village.text().strip():
            self.village.setText(person.home_village)

    @guarded
    def choose_person(self) -> None:
        picker = PersonPickerDialog(self.session, _("Who needs help?"), self)
        if picker.exec() and picker.person() is not None:
            self.set_person(picker.person())

    def data(self) -> HelpRequestData:
        urgency = next(
            (code for code, button in self.urgency_buttons.items() if button.isChecked()),
            Urgency.SOON.value,
        )
        needed_on: dt.date | None = None
        if self.on_day.isChecked():
            needed_on = pydate(self.needed_on.date())
        return HelpRequestData(
            kind=self.kind.currentData() or "",
            needed_on=needed_on,
            times=self.times.codes(),
            place=self.place.text(),
            village=self.village.text(),
            urgency=urgency,
            description=self.description.toPlainText(),
            share_consent=self.consent.box.isChecked(),
        )

    def save_button(self) -> QPushButton:
        return self._save_button

    @guarded
    def save(self) -> None:
        def action() -> None:
            if self.person is None:
                raise ValidationError(_("Choose who needs help."), field="person")
            self.saved = neighbour_help.save_help_request(
                self.session.user, self.request_id, self.person.id, self.data()
            )

        if run_form_action(self, self.error, action):
            self.accept()
