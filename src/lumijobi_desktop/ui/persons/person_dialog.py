"""Register or edit a visitor: little data, consent, and a warning about likely duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import people
from lumijobi_desktop.core.errors import LumijobiError, ValidationError
from lumijobi_desktop.core.i18n import LANGUAGES, _, language_display_name
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.printing.privacy_notice import render_privacy_notice
from lumijobi_desktop.ui.desk.models import person_summary
from lumijobi_desktop.ui.errors import guarded, report
from lumijobi_desktop.ui.papers import save_and_open_pdf
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, WrappingCheckBox, save_cancel_buttons


def split_typed_name(text: str) -> tuple[str, str]:
    """What was typed in the desk search becomes the first and last name."""
    parts = text.split()
    if not parts or any(char.isdigit() for char in text):
        return "", ""
    return parts[0].capitalize(), " ".join(part.capitalize() for part in parts[1:])


class SimilarPersonsDialog(QDialog):
    """'Is this the same person?' Picking one avoids a duplicate record."""

    REGISTER_NEW = 2

    def __init__(self, candidates: list[Person], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Is this the same person?"))
        self.chosen: Person | None = None
        text = QLabel(
            _(
                "Someone with a similar name is already registered. If it is the same "
                "person, choose them instead of registering again."
            )
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("similarPersons")
        for person in candidates:
            item = QListWidgetItem(person_summary(person))
            item.setData(Qt.UserRole, person)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.use_existing = buttons.addButton(
            _("Use the chosen person"), QDialogButtonBox.AcceptRole
        )
        self.register_new = buttons.addButton(
            _("Register a new person"), QDialogButtonBox.ActionRole
        )
        buttons.addButton(_("Back"), QDialogButtonBox.RejectRole)
        self.use_existing.clicked.connect(self._use_existing)
        self.register_new.clicked.connect(lambda: self.done(self.REGISTER_NEW))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _use_existing(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(Qt.UserRole) if item else None
        self.accept()


class PersonDialog(QDialog):
    """After exec(): `person` is the saved or the existing person chosen instead."""

    def __init__(
        self,
        session: DeskSession,
        person: Person | None = None,
        *,
        typed_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.editing = person
        self.person: Person | None = None
        self.setWindowTitle(_("Edit visitor") if person else _("Register a new visitor"))
        self.setMinimumWidth(520)
        self._build()
        if person is not None:
            self._fill(people.data_of(person))
        else:
            first, last = split_typed_name(typed_name)
            self.first_name.setText(first)
            self.last_name.setText(last)

    def _build(self) -> None:
        self.first_name = QLineEdit(objectName="firstName")
        self.last_name = QLineEdit(objectName="lastName")
        self.phone = QLineEdit(objectName="phone")
        self.phone.setPlaceholderText(_("optional"))
        self.birth_year = QLineEdit(objectName="birthYear")
        self.birth_year.setPlaceholderText(_("optional, e.g. 1980"))
        self.birth_year.setMaxLength(4)
        self.village = QComboBox(objectName="village")
        self.village.setEditable(True)
        self.village.addItems(["", *people.VILLAGES])
        self.household = QSpinBox(objectName="household")
        self.household.setRange(0, people.HOUSEHOLD_MAX)
        self.household.setSpecialValueText(_("not told"))
        self.languages: dict[str, QCheckBox] = {}
        language_box = QGroupBox(_("Languages spoken"))
        grid = QGridLayout(language_box)
        for number, code in enumerate(people.SPOKEN_LANGUAGES):
            box = QCheckBox(language_display_name(code))
            self.languages[code] = box
            grid.addWidget(box, number // 5, number % 5)
        self.groups: dict[str, QCheckBox] = {}
        group_box = QGroupBox(_("Target groups (only for statistics)"))
        group_layout = QGridLayout(group_box)
        for number, group in enumerate(people.TARGET_GROUPS):
            box = QCheckBox(people.target_group_name(group))
            self.groups[group] = box
            group_layout.addWidget(box, number // 2, number % 2)
        self.consent_row = WrappingCheckBox(
            _("The visitor agrees that these details are stored (privacy notice offered).")
        )
        self.consent = self.consent_row.box
        self.consent.setObjectName("consent")
        self.error = ErrorLabel()

        form = QFormLayout()
        form.addRow(_("First name"), self.first_name)
        form.addRow(_("Last name"), self.last_name)
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("Birth year"), self.birth_year)
        form.addRow(_("Home village"), self.village)
        form.addRow(_("Household size"), self.household)

        buttons = save_cancel_buttons(self, self.save, save_name="savePerson")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(language_box)
        layout.addWidget(group_box)
        if self.editing is None:
            layout.addWidget(self.consent_row)
            notice_row = QHBoxLayout()
            notice_row.addStretch(1)
            notice_row.addWidget(self._privacy_notice_button())
            layout.addLayout(notice_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _privacy_notice_button(self) -> QPushButton:
        button = QPushButton(_("Privacy notice…"))
        button.setObjectName("privacyNotice")
        menu = QMenu(button)
        for code, language in LANGUAGES.items():
            action = menu.addAction(language.native_name)
            action.triggered.connect(lambda _checked=False, c=code: self.print_privacy_notice(c))
        button.setMenu(menu)
        return button

    @guarded
    def print_privacy_notice(self, lang: str) -> None:
        centre = self.session.centre_name
        save_and_open_pdf(
            self,
            _("Save the privacy notice"),
            f"privacy-notice-{lang}.pdf",
            lambda path: render_privacy_notice(path, centre_name=centre, lang=lang),
        )

    def _fill(self, data: PersonData) -> None:
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.phone.setText(data.phone)
        self.birth_year.setText(str(data.birth_year) if data.birth_year else "")
        self.village.setCurrentText(data.home_village)
        self.household.setValue(data.household_size or 0)
        for code, box in self.languages.items():
            box.setChecked(code in data.languages)
        for group, box in self.groups.items():
            box.setChecked(getattr(data, group))
        self.consent.setChecked(True)

    def form_data(self) -> PersonData:
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            raise ValidationError(
                _("Type the birth year as four digits, e.g. 1980."), field="birth_year"
            )
        return PersonData(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            birth_year=int(year_text) if year_text else None,
            home_village=self.village.currentText(),
            household_size=self.household.value() or None,
            languages=[code for code, box in self.languages.items() if box.isChecked()],
            consent=self.editing is not None or self.consent.isChecked(),
            **{group: box.isChecked() for group, box in self.groups.items()},
        )

    def _field_widget(self, field: str | None) -> QWidget | None:
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "phone": self.phone,
            "birth_year": self.birth_year,
            "home_village": self.village,
            "household_size": self.household,
            "consent": self.consent,
        }.get(field or "")

    def save(self) -> None:
        try:
            data = self.form_data()
            data.cleaned()
            if self._stopped_for_similar(data):
                return
            user = self.session.user
            if self.editing is None:
                self.person = people.register_person(user, data)
            else:
                self.person = people.update_person(user, self.editing.id, data)
        except LumijobiError as error:
            self.error.show_message(error.message)
            widget = self._field_widget(getattr(error, "field", None))
            if widget is not None:
                widget.setFocus()
            return
        except Exception as error:
            report(self, error)
            return
        self.accept()

    def _stopped_for_similar(self, data: PersonData) -> bool:
        """Warn about likely duplicates. True when saving stops here (existing chosen, or Back)."""
        exclude = self.editing.id if self.editing else None
        similar = people.find_similar(self.session.user, data, exclude_id=exclude)
        if not similar:
            return False
        dialog = SimilarPersonsDialog(similar, self)
        outcome = dialog.exec()
        if outcome == QDialog.Accepted and dialog.chosen is not None:
            self.person = dialog.chosen
            self.accept()
            return True
        return outcome != SimilarPersonsDialog.REGISTER_NEW
