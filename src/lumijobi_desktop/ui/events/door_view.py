"""At the door: tick who came (a card scan or a few letters), add walk-ins, keep the headcount."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import registrations
from lumijobi_desktop.core.codes import CodeKind, parse_code
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.events import Event
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.name_matching import words
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import RegistrationRow, RegistrationStatus
from lumijobi_desktop.ui.errors import guarded, show_apology
from lumijobi_desktop.ui.events.signup_dialog import WalkInDialog
from lumijobi_desktop.ui.events.signups_view import person_name
from lumijobi_desktop.ui.events.tally_panel import TallyPanel
from lumijobi_desktop.ui.events.texts import party_text
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import confirm

GOOD_STYLE = "color: #1b5e20; font-weight: bold;"
PLAIN_STYLE = "color: #333; font-weight: bold;"
PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


def _scale(widget: QWidget, factor: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def _matches(row: RegistrationRow, terms: list[str]) -> bool:
    name_words = words(row.name)
    return all(any(word.startswith(term) for word in name_words) for term in terms)


def door_note(row: RegistrationRow) -> str:
    if row.walk_in:
        return _("Walk-in")
    if row.status == RegistrationStatus.WAITING.value:
        return _("Waiting list, place {place}").format(place=row.queue_position)
    return row.note


class DoorModel(RowsTableModel):
    """Everyone expected or already there; the first column is the big tick."""

    headers = (N_("Present"), N_("Name"), N_("Adults"), N_("Children"), N_("Note"))

    def cell(self, row: RegistrationRow, column: int, role: int):
        if column == 0 and role == Qt.CheckStateRole:
            return Qt.Checked if row.attended else Qt.Unchecked
        if role == Qt.DisplayRole:
            values = ("", person_name(row), str(row.adults), str(row.children), door_note(row))
            return values[column]
        if role == Qt.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole and column == 1 and row.person_id is None:
            return QBrush(Qt.gray)
        if role == Qt.ForegroundRole and column == 4 and row.walk_in:
            return QBrush(Qt.darkGray)
        return None


def door_order(row: RegistrationRow) -> tuple:
    """Those with a place by name, then the waiting list in line, the unnamed last."""
    if row.person_id is None:
        return (2, "", row.registration_id)
    if row.status == RegistrationStatus.WAITING.value:
        return (1, "", row.queue_position or 0)
    return (0, row.name.casefold(), row.registration_id)


class DoorView(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: DeskSession,
        event_id: int,
        parent: QWidget | None = None,
        *,
        tally_first: bool = False,
    ):
        super().__init__(parent)
        self.session = session
        self.event_id = event_id
        self._rows: list[RegistrationRow] = []
        self.model = DoorModel(self)
        self._build(tally_first)

    def _build(self, tally_first: bool) -> None:
        allowed = self.session.can(Permission.HANDLE_SIGNUPS) and self.session.can(
            Permission.CHECK_IN
        )
        self.scan = QLineEdit(objectName="doorScan")
        self.scan.setPlaceholderText(_("Scan a card or type a name"))
        self.scan.setClearButtonEnabled(True)
        self.scan.setMinimumHeight(44)
        _scale(self.scan, 1.4)
        self.confirmation = QLabel(objectName="doorConfirmation")
        self.confirmation.setWordWrap(True)
        self.confirmation.setMinimumHeight(32)
        _scale(self.confirmation, 1.3)
        self.table = QTableView(objectName="doorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(46)
        self.table.setStyleSheet("QTableView::indicator { width: 30px; height: 30px; }")
        _scale(self.table, 1.15)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Fixed)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.setWordWrap(False)
        self.table.setColumnWidth(0, 90)
        self.table.setEnabled(allowed)
        self.empty = QLabel(_("No names yet. Scan a card, or add a walk-in."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555;")
        self.total = QLabel(objectName="doorTotal")
        _scale(self.total, 1.25)
        self.total.setStyleSheet("font-weight: bold;")
        self.walk_in_button = QPushButton(_("Add walk-in…"), objectName="addWalkIn")
        self.walk_in_button.setMinimumHeight(44)
        _scale(self.walk_in_button, 1.15)
        self.walk_in_button.setEnabled(allowed)
        self.remove_button = QPushButton(_("Remove walk-in"), objectName="removeWalkIn")
        self.remove_button.setMinimumHeight(44)
        self.remove_button.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_in_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        names = QVBoxLayout()
        names.addWidget(self.scan)
        names.addWidget(self.confirmation)
        names.addWidget(self.total)
        names.addWidget(self.empty)
        names.addWidget(self.table, 1)
        names.addLayout(buttons)
        names_box = QWidget()
        names_box.setLayout(names)
        names.setContentsMargins(0, 0, 0, 0)

        self.tally = TallyPanel(self.session, self.event_id, prominent=tally_first)
        columns = QHBoxLayout(self)
        if tally_first:
            columns.addWidget(self.tally, 3)
            columns.addWidget(names_box, 2)
        else:
            columns.addWidget(names_box, 5)
            columns.addWidget(self.tally, 2)

        self.scan.returnPressed.connect(self._scan_entered)
        self.scan.textChanged.connect(self._filter)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        space = QShortcut(QKeySequence(Qt.Key_Space), self.table)
        space.setContext(Qt.WidgetShortcut)
        space.activated.connect(self._toggle_current)
        self.walk_in_button.clicked.connect(lambda: self.add_walk_in())
        self.remove_button.clicked.connect(self.remove_selected_walk_in)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.tally.changed.connect(self.changed)

    # showing --------------------------------------------------------------------
    def show_rows(self, event: Event, rows: list[RegistrationRow]) -> None:
        self._rows = sorted(rows, key=door_order)
        self._filter(self.scan.text())
        present = [r for r in rows if r.attended]
        adults = sum(r.adults for r in present)
        children = sum(r.children for r in present)
        self.total.setText(
            _("Present: {count} ({party})").format(
                count=adults + children, party=party_text(adults, children)
            )
        )
        self.empty.setVisible(not rows)
        self.tally.reload()

    def _filter(self, text: str) -> None:
        chosen = self.selected()
        terms = [] if parse_code(text) else words(text)
        shown = [r for r in self._rows if _matches(r, terms)] if terms else list(self._rows)
        self.model.set_rows(shown)
        if chosen is not None:
            self.select_registration(chosen.registration_id)
        elif terms and shown:
            self.table.selectRow(0)
        self._update_buttons()

    def rows_shown(self) -> list[RegistrationRow]:
        return self.model.rows()

    def selected(self) -> RegistrationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def select_registration(self, registration_id: int) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.registration_id == registration_id:
                self.table.selectRow(number)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        self.remove_button.setEnabled(
            row is not None and row.walk_in and self.session.can(Permission.HANDLE_SIGNUPS)
        )

    def say(self, text: str, style: str = GOOD_STYLE) -> None:
        self.confirmation.setStyleSheet(style)
        self.confirmation.setText(text)

    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    # ticking --------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self.toggle(self.model.row_object(index.row()))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != 0:
            self.toggle(self.model.row_object(index.row()))

    def _toggle_current(self) -> None:
        row = self.selected()
        if row is not None:
            self.toggle(row)

    def toggle(self, row: RegistrationRow | None) -> None:
        if row is not None:
            self.set_attended(row, not row.attended)

    def set_attended(self, row: RegistrationRow, attended: bool) -> bool:
        done = self._run(
            lambda: registrations.set_attended(self.session.user, row.registration_id, attended)
        )
        if not done:
            return False
        name = person_name(row)
        if attended:
            self.say(_("✓ {name} – present").format(name=name))
        else:
            self.say(_("{name} – no longer marked present").format(name=name), PLAIN_STYLE)
        self.changed.emit()
        self.select_registration(row.registration_id)
        return True

    def _run(self, action) -> bool:
        """Core problems go to the confirmation line in red: the door must keep moving."""
        try:
            action()
        except LumijobiError as error:
            self.say(error.message, PROBLEM_STYLE)
            QApplication.beep()
            return False
        except Exception as error:
            show_apology(self, error)
            return False
        return True

    # the scan / name field ----------------------------------------------------------
    def _scan_entered(self) -> None:
        text = self.scan.text().strip()
        if not text:
            return
        code = parse_code(text)
        if code is not None:
            if code.kind is CodeKind.PERSON:
                self.handle_card(text)
            else:
                self.say(_("This is not a visitor card."), PROBLEM_STYLE)
            return
        shown = [r for r in self.rows_shown() if r.name]
        if len(shown) == 1:
            row = shown[0]
            if row.attended:
                self.say(_("✓ {name} is already marked present.").format(name=row.name))
            elif self.set_attended(row, True):
                self.scan.clear()
            return
        if shown:
            self.say(_("Several names match: tick the right one in the list."), PLAIN_STYLE)
            return
        self.add_walk_in(typed=text)

    def handle_card(self, text: str) -> bool:
        """A visitor card at the door: tick the person, or add them as a walk-in."""
        before = {row.person_id: row for row in self._rows if row.person_id is not None}
        outcome: list = []
        done = self._run(
            lambda: outcome.append(
                registrations.attend_by_card(self.session.user, self.event_id, text)
            )
        )
        self.scan.clear()
        if not done:
            return False
        registration = outcome[0]
        name = registration.person.full_name
        earlier = before.get(registration.person_id)
        if earlier is not None and earlier.attended:
            self.say(_("✓ {name} is already marked present.").format(name=name))
        elif earlier is not None:
            self.say(_("✓ {name} – present").format(name=name))
        else:
            self.say(_("✓ {name} – present (walk-in)").format(name=name))
        self.changed.emit()
        self.select_registration(registration.id)
        return True

    @guarded
    def add_walk_in(self, typed: str = "") -> None:
        dialog = WalkInDialog(self.session, self.event_id, self, typed=typed)
        if dialog.exec() != QDialog.Accepted or dialog.registration is None:
            return
        registration = dialog.registration
        party = party_text(registration.adults, registration.children)
        if dialog.person is None:
            self.say(_("✓ Added: {party}, not registered").format(party=party))
        else:
            self.say(
                _("✓ {name} – present ({party})").format(name=dialog.person.full_name, party=party)
            )
        self.scan.clear()
        self.changed.emit()
        self.select_registration(registration.id)

    @guarded
    def remove_selected_walk_in(self) -> None:
        row = self.selected()
        if row is None or not row.walk_in:
            return
        question = _("Remove the walk-in {name} ({party})?").format(
            name=person_name(row), party=party_text(row.adults, row.children)
        )
        if not confirm(self, _("Remove walk-in"), question):
            return
        registrations.remove_walk_in(self.session.user, row.registration_id)
        self.say(_("Removed: {name}").format(name=person_name(row)), PLAIN_STYLE)
        self.changed.emit()
