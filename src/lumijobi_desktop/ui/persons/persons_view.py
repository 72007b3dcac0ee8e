"""The persons register: search, sort, register, edit, print cards and merge duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import people, person_merge, privacy
from lumijobi_desktop.core.i18n import _, format_number, ngettext
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.printing.visitor_card import CardData, render_visitor_cards
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.papers import save_and_open_pdf
from lumijobi_desktop.ui.persons.person_dialog import PersonDialog
from lumijobi_desktop.ui.persons.persons_model import PERSON_ID_ROLE, PersonsTableModel
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import confirm, heading


class PersonsView(QWidget):
    check_in_requested = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._stale = False
        self.model = PersonsTableModel(session.user, self)
        self._build()
        self.model.reload()
        self._update_count()

    def _build(self) -> None:
        self.filter = QLineEdit(objectName="personsFilter")
        self.filter.setPlaceholderText(_("Search by name, phone or card"))
        self.filter.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.table = QTableView(objectName="personsTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)

        self.register_button = QPushButton(_("Register a new visitor"))
        self.edit_button = QPushButton(_("Edit"))
        self.check_in_button = QPushButton(_("Check in"))
        self.card_button = QPushButton(_("Print card…"))
        self.merge_button = QPushButton(_("Merge two records…"))
        self.merge_button.setObjectName("mergePersons")
        self.merge_button.setToolTip(_("Select the two records of the same person first."))
        self.merge_button.setVisible(self.session.can(Permission.MERGE_PERSONS))
        self.erase_button = QPushButton(_("Erase…"))
        self.erase_button.setObjectName("erasePerson")
        self.erase_button.setToolTip(_("When a visitor asks for their data to be erased."))
        self.erase_button.setVisible(self.session.can(Permission.ERASE_PERSONS))
        self.register_button.setEnabled(self.session.can(Permission.EDIT_PERSONS))
        buttons = QHBoxLayout()
        for button in (
            self.register_button,
            self.edit_button,
            self.check_in_button,
            self.card_button,
            self.merge_button,
            self.erase_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(heading(_("Visitors")))
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self._filter_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.register_button.clicked.connect(lambda: self.register(""))
        self.edit_button.clicked.connect(self.edit_selected)
        self.check_in_button.clicked.connect(self._check_in_selected)
        self.card_button.clicked.connect(self.print_card)
        self.merge_button.clicked.connect(self.merge_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.index(row, 0).data(PERSON_ID_ROLE) for row in rows]

    def _the_selected_person(self) -> Person | None:
        """The one selected person; None when none or several are selected."""
        ids = self._selected_ids()
        return people.get_person(self.session.user, ids[0]) if len(ids) == 1 else None

    def _update_buttons(self) -> None:
        count = len(self._selected_ids())
        for button in (self.edit_button, self.check_in_button, self.card_button):
            button.setEnabled(count == 1)
        self.edit_button.setEnabled(count == 1 and self.session.can(Permission.EDIT_PERSONS))
        self.merge_button.setEnabled(count == 2)
        self.erase_button.setEnabled(count == 1)

    def _update_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(
            ngettext("{count} visitor", "{count} visitors", total).format(
                count=format_number(total)
            )
        )

    @guarded
    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        self._update_buttons()

    def mark_stale(self) -> None:
        """Something changed elsewhere: reload when next shown, not while at the desk."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        self.model.reload()
        self._update_count()
        self._update_buttons()

    @guarded
    def register(self, typed_name: str = "") -> Person | None:
        dialog = PersonDialog(self.session, typed_name=typed_name, parent=self)
        if dialog.exec():
            self.refresh()
            return dialog.person
        return None

    @guarded
    def edit_selected(self) -> None:
        person = self._the_selected_person()
        if person is None or not self.session.can(Permission.EDIT_PERSONS):
            return
        if PersonDialog(self.session, person, parent=self).exec():
            self.refresh()

    def _check_in_selected(self) -> None:
        ids = self._selected_ids()
        if len(ids) == 1:
            self.check_in_requested.emit(ids[0])

    @guarded
    def print_card(self) -> None:
        person = self._the_selected_person()
        if person is None:
            return
        visitor_lang = next((c for c in person.languages if c in ("uk", "en")), "fi")
        card = CardData(code=person.card_code, name=person.full_name, visitor_lang=visitor_lang)
        save_and_open_pdf(
            self,
            _("Save the visitor card"),
            f"{person.card_code}.pdf",
            lambda path: render_visitor_cards([card], path, centre_name=self.session.centre_name),
        )

    @guarded
    def merge_selected(self) -> None:
        ids = self._selected_ids()
        if len(ids) != 2:
            return
        user = self.session.user
        first, second = (people.get_person(user, person_id) for person_id in ids)
        # Keep the record seen most recently: its card is the one in use.
        keep, remove = sorted((first, second), key=lambda p: p.last_seen_at, reverse=True)
        question = _(
            "Merge these two records into one?\n\nKeep: {keep} ({keep_code})\n"
            "Merge into it: {remove} ({remove_code})\n\nVisits move to the kept record and "
            "the other card keeps working. This cannot be undone."
        ).format(
            keep=keep.full_name,
            keep_code=keep.card_code,
            remove=remove.full_name,
            remove_code=remove.card_code,
        )
        if confirm(self, _("Merge records"), question):
            person_merge.merge_persons(user, keep.id, remove.id)
            self.refresh()

    @guarded
    def erase_selected(self) -> None:
        person = self._the_selected_person()
        if person is None:
            return
        question = _(
            "Erase all data of {name} ({code})?\n\nThe name, contact details and card are "
            "erased for good. Their visits stay in the statistics without a name. This "
            "cannot be undone."
        ).format(name=person.full_name, code=person.card_code)
        if confirm(self, _("Erase a visitor"), question):
            privacy.erase_person(self.session.user, person.id)
            self.refresh()
