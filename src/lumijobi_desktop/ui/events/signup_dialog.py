"""Signing a person up for an event, adding a walk-in at the door, changing a party's numbers.

The person is found the way the desk finds them (a few letters, a phone number or
a scanned card), or registered on the spot with a quick add: first name, last
name, phone and consent. The party is adults and children.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import events, people, person_search, registrations
from lumijobi_desktop.core.errors import LumijobiError, ValidationError
from lumijobi_desktop.core.i18n import _, ngettext
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import PARTY_MAX, RegistrationStatus
from lumijobi_desktop.ui.desk.models import person_summary
from lumijobi_desktop.ui.errors import guarded, report
from lumijobi_desktop.ui.events.texts import places_text, short_day, time_range
from lumijobi_desktop.ui.persons.person_dialog import SimilarPersonsDialog, split_typed_name
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, WrappingCheckBox, save_cancel_buttons

FIND, NEW, ANONYMOUS = "find", "new", "anonymous"


def _larger(widget: QWidget, factor: float = 1.2) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def party_spinbox(value: int, name: str) -> QSpinBox:
    box = QSpinBox(objectName=name)
    box.setRange(0, PARTY_MAX)
    box.setValue(value)
    box.setMinimumWidth(80)
    box.setMinimumHeight(34)
    _larger(box)
    return box


class PersonChooser(QTabWidget):
    """Who: a registered visitor (search or card), a new one (quick add), or nobody by name."""

    def __init__(self, session: DeskSession, *, anonymous: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        _larger(self.tabBar(), 1.1)
        self.search = QLineEdit(objectName="signupSearch")
        self.search.setPlaceholderText(_("Name, phone or card"))
        self.search.setClearButtonEnabled(True)
        _larger(self.search, 1.25)
        self.results = QListWidget(objectName="signupResults")
        _larger(self.results, 1.1)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        find_page = QWidget()
        find_layout = QVBoxLayout(find_page)
        find_layout.addWidget(self.search)
        find_layout.addWidget(self.results, 1)
        find_layout.addWidget(self.no_match)

        self.first_name = QLineEdit(objectName="quickFirstName")
        self.last_name = QLineEdit(objectName="quickLastName")
        self.phone = QLineEdit(objectName="quickPhone")
        self.phone.setPlaceholderText(_("optional"))
        self.consent_row = WrappingCheckBox(
            _("The visitor agrees that these details are stored (privacy notice offered).")
        )
        self.consent = self.consent_row.box
        self.consent.setObjectName("quickConsent")
        new_page = QWidget()
        form = QFormLayout(new_page)
        form.addRow(_("First name"), self.first_name)
        form.addRow(_("Last name"), self.last_name)
        form.addRow(_("Phone"), self.phone)
        form.addRow(self.consent_row)

        self.addTab(find_page, _("Find a visitor"))
        self.addTab(new_page, _("New visitor"))
        self.modes = [FIND, NEW]
        if anonymous:
            anonymous_page = QWidget()
            text = QLabel(
                _("For people who do not want to give their name: only how many came is saved.")
            )
            text.setWordWrap(True)
            anonymous_layout = QVBoxLayout(anonymous_page)
            anonymous_layout.addWidget(text)
            anonymous_layout.addStretch(1)
            self.addTab(anonymous_page, _("Someone not registered"))
            self.modes.append(ANONYMOUS)
        if not session.can(Permission.EDIT_PERSONS):
            self.setTabEnabled(1, False)
        self.search.textChanged.connect(self._search)
        self.currentChanged.connect(self._mode_changed)

    def mode(self) -> str:
        return self.modes[self.currentIndex()]

    def _mode_changed(self, _index: int) -> None:
        if self.mode() == NEW:
            if not self.first_name.text() and not self.last_name.text():
                # The name already typed into the search need not be typed again.
                first, last = split_typed_name(self.search.text())
                self.first_name.setText(first)
                self.last_name.setText(last)
            self.first_name.setFocus()
        elif self.mode() == FIND:
            self.search.setFocus()

    def set_mode(self, mode: str) -> None:
        self.setCurrentIndex(self.modes.index(mode))

    @guarded
    def _search(self, text: str) -> None:
        self.results.clear()
        found = person_search.search_persons(self.session.user, text, limit=8)
        for person in found:
            entry = QListWidgetItem(person_summary(person))
            entry.setData(Qt.UserRole, person)
            self.results.addItem(entry)
        if found:
            self.results.setCurrentRow(0)
        self.no_match.setText(
            _("Nobody found. Check the spelling, or add a new visitor.")
            if text.strip() and not found
            else ""
        )

    def chosen(self) -> Person | None:
        entry = self.results.currentItem()
        return entry.data(Qt.UserRole) if entry else None

    def quick_data(self) -> PersonData:
        return PersonData(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            consent=self.consent.isChecked(),
        )

    def accept_scan(self, text: str) -> bool:
        """A visitor card scanned while the dialog is open chooses that visitor."""
        self.set_mode(FIND)
        self.search.setText(text)
        self.search.setFocus()
        return True


class _PartyDialog(QDialog):
    """A person chooser, adults and children; subclasses say what saving does."""

    with_anonymous = False
    with_note = False

    def __init__(self, session: DeskSession, event_id: int, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.event_id = event_id
        self.event_record = events.get_event(session.user, event_id)
        self.person: Person | None = None
        self.setWindowTitle(title)
        self.setMinimumSize(560, 520)
        what = QLabel(
            "<b>{title}</b><br>{when}".format(
                title=self.event_record.local_title(),
                when=" ".join(
                    [
                        short_day(self.event_record.starts_at.date()),
                        time_range(self.event_record.starts_at, self.event_record.ends_at),
                    ]
                ),
            )
        )
        what.setWordWrap(True)
        _larger(what, 1.15)
        self.chooser = PersonChooser(session, anonymous=self.with_anonymous)
        self.adults = party_spinbox(1, "partyAdults")
        self.children = party_spinbox(0, "partyChildren")
        self.note = QLineEdit(objectName="signupNote")
        self.note.setMaxLength(registrations.NOTE_MAX)
        self.note.setPlaceholderText(_("optional, e.g. needs a ride"))
        self.info = QLabel(objectName="signupInfo")
        self.info.setWordWrap(True)
        self.error = ErrorLabel()
        party = QHBoxLayout()
        party.addWidget(QLabel(_("Adults")))
        party.addWidget(self.adults)
        party.addSpacing(16)
        party.addWidget(QLabel(_("Children")))
        party.addWidget(self.children)
        party.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.chooser, 1)
        layout.addLayout(party)
        if self.with_note:
            note_row = QHBoxLayout()
            note_row.addWidget(QLabel(_("Note")))
            note_row.addWidget(self.note, 1)
            layout.addLayout(note_row)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        self.buttons = save_cancel_buttons(self, self.save, save_name="saveSignup")
        self.save_button = self.buttons.findChild(QPushButton, "saveSignup")
        _larger(self.save_button, 1.1)
        self.save_button.setMinimumHeight(38)
        layout.addWidget(self.buttons)
        self.chooser.results.itemActivated.connect(lambda _entry: self.save())
        self.chooser.search.setFocus()

    def accept_scan(self, text: str) -> bool:
        return self.chooser.accept_scan(text)

    def _person_for_saving(self) -> Person | PersonData | bool | None:
        """The chosen or quickly registered person; None for anonymous; False to stop."""
        mode = self.chooser.mode()
        if mode == ANONYMOUS:
            return None
        if mode == FIND:
            person = self.chooser.chosen()
            if person is None:
                raise ValidationError(
                    _("Choose a visitor from the list, or add a new visitor."), field="person"
                )
            return person
        data = self.chooser.quick_data().cleaned()
        similar = people.find_similar(self.session.user, data)
        if similar:
            dialog = SimilarPersonsDialog(similar, self)
            outcome = dialog.exec()
            if outcome == QDialog.Accepted and dialog.chosen is not None:
                return dialog.chosen
            if outcome != SimilarPersonsDialog.REGISTER_NEW:
                return False
        return data  # registered together with the sign-up, in one transaction

    def save(self) -> None:
        try:
            chosen = self._person_for_saving()
            if chosen is False:
                return
            self.store(chosen)
            self.person = self.registration.person if self.registration.person_id else None
        except LumijobiError as error:
            self.person = None
            self.error.show_message(error.message)
            return
        except Exception as error:
            self.person = None
            report(self, error)
            return
        self.accept()

    def store(self, person: Person | PersonData | None) -> None:
        """Save the sign-up or walk-in; new visitor data is registered with it, in one go."""
        raise NotImplementedError


class SignUpDialog(_PartyDialog):
    """After exec(): `registration` is the new sign-up (maybe on the waiting list)."""

    with_note = True

    def __init__(self, session: DeskSession, event_id: int, parent: QWidget | None = None):
        super().__init__(session, event_id, _("Sign up a person"), parent)
        self.registration: registrations.Registration | None = None
        self.save_button.setText(_("Sign up"))
        self.adults.valueChanged.connect(self._update_info)
        self.children.valueChanged.connect(self._update_info)
        self._update_info()

    @guarded
    def _update_info(self, _value: int = 0) -> None:
        rows = registrations.registration_rows(self.session.user, self.event_id)
        signed_up = sum(r.people for r in rows if r.status == RegistrationStatus.SIGNED_UP.value)
        waiting = [r for r in rows if r.status == RegistrationStatus.WAITING.value]
        capacity = self.event_record.capacity
        party = self.adults.value() + self.children.value()
        if self.event_record.cancelled:
            self._warn(_("This event has been cancelled."))
            return
        fits = capacity is None or (signed_up + party <= capacity and not waiting)
        if fits:
            self.info.setStyleSheet("")
            self.info.setText(places_text(capacity, signed_up, sum(r.people for r in waiting)))
            return
        place = len(waiting) + 1
        if signed_up >= capacity or waiting:
            text = ngettext(
                "The event is full: {count} person will go on the waiting list (place {place}).",
                "The event is full: {count} people will go on the waiting list (place {place}).",
                party,
            )
        else:
            text = ngettext(
                "Only {left} places are left: {count} person will go on the waiting list "
                "(place {place}).",
                "Only {left} places are left: {count} people will go on the waiting list "
                "(place {place}).",
                party,
            )
        self._warn(text.format(count=party, place=place, left=capacity - signed_up))

    def _warn(self, text: str) -> None:
        self.info.setStyleSheet(
            "background: #fff3c4; color: #5d4200; border: 1px solid #e0b000;"
            " padding: 6px; font-weight: bold;"
        )
        self.info.setText(text)

    def store(self, person: Person | PersonData | None) -> None:
        assert person is not None
        self.registration = registrations.sign_up(
            self.session.user,
            self.event_id,
            person.id if isinstance(person, Person) else person,
            self.adults.value(),
            self.children.value(),
            self.note.text(),
        )


class WalkInDialog(_PartyDialog):
    """Someone came without signing up: a visitor, a new visitor, or only counted."""

    with_anonymous = True

    def __init__(
        self,
        session: DeskSession,
        event_id: int,
        parent: QWidget | None = None,
        *,
        typed: str = "",
    ):
        super().__init__(session, event_id, _("Add a walk-in"), parent)
        self.registration: registrations.Registration | None = None
        self.save_button.setText(_("Add as present"))
        if typed:
            self.chooser.search.setText(typed)

    def store(self, person: Person | PersonData | None) -> None:
        self.registration = registrations.add_walk_in(
            self.session.user,
            self.event_id,
            person.id if isinstance(person, Person) else person,
            self.adults.value(),
            self.children.value(),
        )


class ChangePartyDialog(QDialog):
    """How many come with a sign-up: a smaller party frees places for the waiting list."""

    def __init__(
        self,
        session: DeskSession,
        registration_id: int,
        name: str,
        adults: int,
        children: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.registration_id = registration_id
        self.promoted: list[registrations.Registration] = []
        self.setWindowTitle(_("Change numbers"))
        self.adults = party_spinbox(adults, "changeAdults")
        self.children = party_spinbox(children, "changeChildren")
        self.error = ErrorLabel()
        title = QLabel(name)
        _larger(title, 1.2)
        form = QFormLayout()
        form.addRow(_("Adults"), self.adults)
        form.addRow(_("Children"), self.children)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveParty"))

    def save(self) -> None:
        try:
            self.promoted = registrations.change_party(
                self.session.user, self.registration_id, self.adults.value(), self.children.value()
            )
        except LumijobiError as error:
            self.error.show_message(error.message)
            return
        except Exception as error:
            report(self, error)
            return
        self.accept()
