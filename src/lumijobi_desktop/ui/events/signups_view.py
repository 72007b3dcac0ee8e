"""The sign-ups tab: who has a place (in sign-up order) and the waiting list, in line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import registrations
from lumijobi_desktop.core.events import Event
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import Registration, RegistrationRow, RegistrationStatus
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.signup_dialog import ChangePartyDialog, SignUpDialog
from lumijobi_desktop.ui.events.texts import party_text
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import confirm

OFFER_BACKGROUND = QColor("#ffd54f")
GOOD_STYLE = "color: #1b5e20; font-weight: bold;"
NOTICE_STYLE = (
    "background: #fff3c4; color: #5d4200; border: 1px solid #e0b000; padding: 6px;"
    " font-weight: bold;"
)


def person_name(row: RegistrationRow) -> str:
    return row.name or _("Not registered")


def status_text(row: RegistrationRow) -> str:
    if row.offered and not row.called and row.status == RegistrationStatus.SIGNED_UP.value:
        return _("Place offered – call!")
    if row.attended:
        return _("Present ✓")
    if row.walk_in:
        return _("Walk-in")
    if row.offered:
        return _("Place offered – called ✓")
    return registrations.status_name(row.status)


def needs_call(row: RegistrationRow) -> bool:
    return row.offered and not row.called and row.status == RegistrationStatus.SIGNED_UP.value


class SignupsModel(RowsTableModel):
    """Sign-ups with a place; the first column is the sign-up order."""

    headers = (
        N_("#"),
        N_("Name"),
        N_("Phone"),
        N_("Adults"),
        N_("Children"),
        N_("Note"),
        N_("Status"),
    )

    def number(self, row: RegistrationRow) -> str:
        return str(self._rows.index(row) + 1)

    def cell(self, row: RegistrationRow, column: int, role: int):
        if role == Qt.DisplayRole:
            values = (
                self.number(row),
                person_name(row),
                row.phone,
                str(row.adults),
                str(row.children),
                row.note,
                status_text(row),
            )
            return values[column]
        if role == Qt.TextAlignmentRole and column in (0, 3, 4):
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole and column == 1 and row.person_id is None:
            return QBrush(Qt.gray)
        if column == 6 and needs_call(row):
            if role == Qt.BackgroundRole:
                return QBrush(OFFER_BACKGROUND)
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


class WaitingModel(SignupsModel):
    headers = (
        N_("In line"),
        N_("Name"),
        N_("Phone"),
        N_("Adults"),
        N_("Children"),
        N_("Note"),
        N_("Status"),
    )

    def number(self, row: RegistrationRow) -> str:
        return f"{row.queue_position}."


def _table(model: RowsTableModel, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(32)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.Stretch)
    header.setSectionResizeMode(5, QHeaderView.Stretch)
    return table


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    label.setFont(font)
    return label


def offer_message(promoted: list[Registration]) -> str:
    """`Place offered to Olena Kovalenko – call 040 123 4567` for each who got a place."""
    lines = []
    for registration in promoted:
        person = registration.person if registration.person_id else None
        name = person.full_name if person else _("Not registered")
        if person and person.phone:
            lines.append(
                _("Place offered to {name} – call {phone}").format(name=name, phone=person.phone)
            )
        else:
            lines.append(
                _("Place offered to {name} – no phone number: tell them.").format(name=name)
            )
    return "\n".join(lines)


class SignupsView(QWidget):
    changed = Signal()

    def __init__(self, session: DeskSession, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.event_id = event_id
        self.places_model = SignupsModel(self)
        self.waiting_model = WaitingModel(self)
        self._build()

    def _build(self) -> None:
        allowed = self.session.can(Permission.HANDLE_SIGNUPS)
        self.sign_up_button = QPushButton(_("Sign up a person…"), objectName="signUpPerson")
        self.change_button = QPushButton(_("Change numbers…"), objectName="changeParty")
        self.cancel_button = QPushButton(_("Cancel sign-up"), objectName="cancelSignup")
        self.called_button = QPushButton(_("Called ✓"), objectName="markCalled")
        for button in (
            self.sign_up_button,
            self.change_button,
            self.cancel_button,
            self.called_button,
        ):
            button.setMinimumHeight(40)
        font = self.sign_up_button.font()
        font.setBold(True)
        self.sign_up_button.setFont(font)
        self.sign_up_button.setEnabled(allowed)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_up_button)
        actions.addStretch(1)
        actions.addWidget(self.called_button)
        actions.addWidget(self.change_button)
        actions.addWidget(self.cancel_button)

        self.places_title = _section_title("")
        self.places_table = _table(self.places_model, "placesTable")
        self.nobody = QLabel(_("Nobody has signed up yet."))
        self.nobody.setStyleSheet("color: #555;")
        self.waiting_title = _section_title("")
        self.waiting_title.setStyleSheet("color: #8a4b00;")
        self.waiting_table = _table(self.waiting_model, "waitingTable")
        self.waiting_table.setStyleSheet("QTableView { background: #fffaf0; }")
        self.result = QLabel(objectName="signupsResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.result.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.places_title)
        layout.addWidget(self.nobody)
        layout.addWidget(self.places_table, 3)
        layout.addSpacing(8)
        layout.addWidget(self.waiting_title)
        layout.addWidget(self.waiting_table, 2)

        self.sign_up_button.clicked.connect(self.sign_up)
        self.change_button.clicked.connect(self.change_party)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.called_button.clicked.connect(self.mark_called)
        for table, other in (
            (self.places_table, self.waiting_table),
            (self.waiting_table, self.places_table),
        ):
            table.selectionModel().selectionChanged.connect(
                lambda *_args, t=table, o=other: self._selected_in(t, o)
            )
        self._update_buttons()

    # showing --------------------------------------------------------------------
    def show_rows(self, event: Event, rows: list[RegistrationRow]) -> None:
        chosen = self.selected()
        places = [r for r in rows if r.status == RegistrationStatus.SIGNED_UP.value]
        waiting = [r for r in rows if r.status == RegistrationStatus.WAITING.value]
        self.places_model.set_rows(places)
        self.waiting_model.set_rows(waiting)
        taken = sum(r.people for r in places)
        if event.capacity:
            self.places_title.setText(
                _("With a place: {taken} / {capacity}").format(taken=taken, capacity=event.capacity)
            )
        else:
            self.places_title.setText(_("Signed up: {count}").format(count=taken))
        self.nobody.setVisible(not places)
        self.places_table.setVisible(bool(places))
        self.waiting_title.setText(
            _("Waiting list: {count}").format(count=sum(r.people for r in waiting))
            if waiting
            else _("Nobody is on the waiting list.")
        )
        self.waiting_table.setVisible(bool(waiting))
        if chosen is not None:
            self.select_registration(chosen.registration_id)
        self._update_buttons()

    def select_registration(self, registration_id: int) -> bool:
        for table in (self.places_table, self.waiting_table):
            model = table.model()
            for number, row in enumerate(model.rows()):
                if row.registration_id == registration_id:
                    table.selectRow(number)
                    return True
        return False

    def selected(self) -> RegistrationRow | None:
        for table in (self.places_table, self.waiting_table):
            rows = table.selectionModel().selectedRows()
            if rows:
                return table.model().row_object(rows[0].row())
        return None

    def _selected_in(self, table: QTableView, other: QTableView) -> None:
        if table.selectionModel().hasSelection():
            other.clearSelection()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        allowed = self.session.can(Permission.HANDLE_SIGNUPS)
        self.change_button.setEnabled(allowed and row is not None)
        self.cancel_button.setEnabled(allowed and row is not None and not row.walk_in)
        self.called_button.setEnabled(allowed and row is not None and needs_call(row))

    def show_result(self, text: str, *, notice: bool = False) -> None:
        self.result.setStyleSheet(NOTICE_STYLE if notice else GOOD_STYLE)
        self.result.setText(text)
        self.result.setVisible(bool(text))

    # actions --------------------------------------------------------------------
    @guarded
    def sign_up(self) -> None:
        dialog = SignUpDialog(self.session, self.event_id, self)
        if dialog.exec() != QDialog.Accepted or dialog.registration is None:
            return
        self.after_sign_up(dialog.registration, dialog.person.full_name if dialog.person else "")

    def after_sign_up(self, registration: Registration, name: str) -> None:
        self.changed.emit()  # the event page reloads both tabs
        party = party_text(registration.adults, registration.children)
        if registration.status == RegistrationStatus.WAITING.value:
            rows = registrations.registration_rows(self.session.user, self.event_id)
            place = next(
                (r.queue_position for r in rows if r.registration_id == registration.id), None
            )
            self.show_result(
                _(
                    "The event is full: {name} is on the waiting list, place {place} ({party})."
                ).format(name=name, place=place, party=party),
                notice=True,
            )
        else:
            self.show_result(_("{name} is signed up ({party}).").format(name=name, party=party))
        self.select_registration(registration.id)

    @guarded
    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Cancel the sign-up of {name} ({party})?").format(
            name=person_name(row), party=party_text(row.adults, row.children)
        )
        if not confirm(self, _("Cancel sign-up"), question):
            return
        promoted = registrations.cancel_registration(self.session.user, row.registration_id)
        self.changed.emit()
        cancelled = _("The sign-up of {name} was cancelled.").format(name=person_name(row))
        if promoted:
            self.show_result("\n".join([cancelled, offer_message(promoted)]), notice=True)
        else:
            self.show_result(cancelled)

    @guarded
    def change_party(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ChangePartyDialog(
            self.session, row.registration_id, person_name(row), row.adults, row.children, self
        )
        if dialog.exec() != QDialog.Accepted:
            return
        self.changed.emit()
        changed = _("Changed: {name}, {party}.").format(
            name=person_name(row), party=party_text(dialog.adults.value(), dialog.children.value())
        )
        if dialog.promoted:
            self.show_result("\n".join([changed, offer_message(dialog.promoted)]), notice=True)
        else:
            self.show_result(changed)

    @guarded
    def mark_called(self) -> None:
        row = self.selected()
        if row is None or not needs_call(row):
            return
        registrations.mark_called(self.session.user, row.registration_id)
        self.changed.emit()
        self.show_result(_("{name} has been called.").format(name=person_name(row)))
