"""Handing goods out: scan items into the basket, choose who gets them, confirm."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import handouts, people, person_search, stock
from lumijobi_desktop.core.codes import group_for_reading, parse_code
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.handouts import BasketLine
from lumijobi_desktop.core.i18n import N_, _, current_language, finnish_and, ngettext
from lumijobi_desktop.core.inventory import Item
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.printing.handout_list import ListLine, render_handout_list
from lumijobi_desktop.ui.desk.models import person_summary
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.papers import print_paper
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import NO_PARENT, RowsTableModel
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


@dataclass
class BasketEntry:
    item: Item
    quantity: int


class BasketModel(RowsTableModel):
    headers = (N_("Code"), N_("Item"), N_("Size"), N_("Quantity"))

    def cell(self, entry: BasketEntry, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        item = entry.item
        values = (
            group_for_reading(item.code),
            " – ".join(filter(None, [item.category.name, item.description])),
            item.size,
            str(entry.quantity),
        )
        return values[column]

    def add(self, item: Item, quantity: int) -> None:
        """One more item, or more of one already in the basket: only that row changes."""
        for row, entry in enumerate(self._rows):
            if entry.item.id == item.id:
                entry.quantity += quantity
                self.dataChanged.emit(self.index(row, 3), self.index(row, 3))
                return
        self.beginInsertRows(NO_PARENT, len(self._rows), len(self._rows))
        self._rows.append(BasketEntry(item, quantity))
        self.endInsertRows()

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(rows, reverse=True):
            self.beginRemoveRows(NO_PARENT, row, row)
            del self._rows[row]
            self.endRemoveRows()


class RecipientPicker(QGroupBox):
    """Who gets the goods: a registered visitor (search or card) or anonymous."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(_("To whom"), parent)
        self.session = session
        self.person: Person | None = None
        self.search = QLineEdit(objectName="recipientSearch")
        self.search.setPlaceholderText(_("Name, phone or card"))
        self.results = QListWidget(objectName="recipientResults")
        self.chosen = QLabel(objectName="recipientChosen")
        self.chosen.setWordWrap(True)
        self.target_group = QComboBox(objectName="targetGroup")
        self.target_group.addItem(_("Anonymous – no target group"), "")
        for key in people.TARGET_GROUPS:
            self.target_group.addItem(
                _("Anonymous – {group}").format(group=people.target_group_name(key)), key
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.chosen)
        layout.addWidget(QLabel(_("Or, without a name:")))
        layout.addWidget(self.target_group)
        self.search.textChanged.connect(self._search)
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        self.choose(None)

    @guarded
    def _search(self, text: str) -> None:
        self.results.clear()
        for person in person_search.search_persons(self.session.user, text, limit=6):
            entry = QListWidgetItem(person_summary(person))
            entry.setData(Qt.UserRole, person)
            self.results.addItem(entry)

    def _pick(self, entry: QListWidgetItem) -> None:
        self.choose(entry.data(Qt.UserRole))

    def choose(self, person: Person | None) -> None:
        self.person = person
        self.target_group.setEnabled(person is None)
        self.chosen.setText(
            _("Recipient: {name}").format(name=person.full_name)
            if person
            else _("Recipient: anonymous")
        )

    def reset(self) -> None:
        self.search.clear()
        self.choose(None)
        self.target_group.setCurrentIndex(0)


class HandoutView(QWidget):
    handed_out = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.basket_model = BasketModel(self)
        self.last_handout_id: int | None = None
        self._build()

    def _build(self) -> None:
        self.recipient = RecipientPicker(self.session)
        self.code = QLineEdit(objectName="basketCode")
        self.code.setPlaceholderText(_("Scan a code, or type a code or a description, then Enter"))
        self.how_many = QSpinBox(objectName="basketHowMany")
        self.how_many.setRange(1, 999)
        self.how_many.setPrefix(_("how many: "))
        self.table = QTableView(objectName="basketTable")
        self.table.setModel(self.basket_model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.warnings = QLabel(objectName="basketWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.error = ErrorLabel()
        remove = QPushButton(_("Remove from the basket"))
        self.confirm_button = QPushButton(_("Hand out (Ctrl+Enter)"), objectName="confirmHandout")
        self.confirm_button.setMinimumHeight(40)
        self.undo_button = QPushButton(_("Undo the last hand-out"), objectName="undoHandout")
        self.undo_button.setEnabled(False)
        self.list_button = QPushButton(
            _("Print a list for the recipient…"), objectName="printHandoutList"
        )
        self.list_button.setEnabled(False)
        self.result = QLabel(objectName="handoutResult")
        self.result.setStyleSheet("color: #1b5e20; font-weight: bold;")

        scan_row = QHBoxLayout()
        scan_row.addWidget(self.code, 1)
        scan_row.addWidget(self.how_many)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addStretch(1)
        bottom.addWidget(self.list_button)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.confirm_button)
        basket = QVBoxLayout()
        basket.addLayout(scan_row)
        basket.addWidget(self.table, 1)
        basket.addWidget(self.warnings)
        basket.addWidget(self.error)
        basket.addLayout(bottom)
        basket.addWidget(self.result)
        columns = QHBoxLayout()
        columns.addLayout(basket, 3)
        columns.addWidget(self.recipient, 2)
        page = QVBoxLayout(self)
        page.addWidget(heading(_("Hand out goods")))
        page.addLayout(columns, 1)

        self.code.returnPressed.connect(self._code_entered)
        remove.clicked.connect(self._remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.undo_button.clicked.connect(self.undo_last)
        self.list_button.clicked.connect(self.print_list)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.confirm)

    def _code_entered(self) -> None:
        if run_form_action(self, self.error, lambda: self.add_code(self.code.text())):
            self.code.clear()

    def add_code(self, text: str) -> None:
        """A scanned or typed code, or a few words of the description, fills the basket."""
        if parse_code(text) is None and text.strip():
            item = self._item_by_description(text)
            if item is None:
                return
        else:
            item = stock.item_by_code(self.session.user, text)
        self._add_item(item)

    def _item_by_description(self, text: str) -> Item | None:
        found = stock.find_for_basket(self.session.user, text)
        if not found:
            raise ValidationError(
                _("Nothing at the centre matches “{text}”.").format(text=text.strip()[:40])
            )
        if len(found) == 1:
            return found[0]
        names = [
            f"{group_for_reading(i.code)}  {i.category.name} – {i.description} {i.size}"
            for i in found
        ]
        chosen, ok = QInputDialog.getItem(
            self, _("Which item?"), _("Items that match:"), names, 0, False
        )
        return found[names.index(chosen)] if ok else None

    def _add_item(self, item: Item) -> None:
        quantity = self.how_many.value()
        already = sum(e.quantity for e in self.basket_model.rows() if e.item.id == item.id)
        if quantity == 1 and item.quantity - already > 1:
            quantity, ok = QInputDialog.getInt(
                self,
                _("How many?"),
                _("{code} is a box of {count}. How many go out?").format(
                    code=group_for_reading(item.code), count=item.quantity - already
                ),
                1,
                1,
                item.quantity - already,
            )
            if not ok:
                return
        recipient = self.recipient.person.id if self.recipient.person else None
        check = handouts.check_for_basket(self.session.user, item, recipient, already + quantity)
        self._put(item, quantity)
        self.warnings.setText("\n".join(check.warnings))
        self.how_many.setValue(1)
        self.result.clear()

    @property
    def basket(self) -> list[BasketEntry]:
        return self.basket_model.rows()

    def _put(self, item: Item, quantity: int) -> None:
        self.basket_model.add(item, quantity)
        self.table.scrollToBottom()

    def _remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self.basket_model.remove_rows(list(rows))

    def set_recipient(self, person: Person) -> None:
        self.recipient.choose(person)

    def confirm(self) -> None:
        if not self.basket_model.rowCount():
            self.error.show_message(_("The basket is empty: scan the items first."))
            return
        lines = [BasketLine(e.item.id, e.quantity) for e in self.basket_model.rows()]
        person = self.recipient.person
        recipient = person.id if person else None
        reason = ""
        over = handouts.limit_warnings(self.session.user, recipient, lines)
        if over:
            reason, ok = QInputDialog.getText(
                self,
                _("Over the monthly limit"),
                "\n".join(over) + "\n\n" + _("Why is more given this time?"),
            )
            if not ok or not reason.strip():
                return

        def give() -> None:
            handout = handouts.hand_out(
                self.session.user,
                lines,
                recipient_id=recipient,
                target_group="" if person else self.recipient.target_group.currentData(),
                over_limit_reason=reason,
            )
            self.last_handout_id = handout.id
            self.handed_out.emit(handout.id)

        if not run_form_action(self, self.error, give):
            return
        count = sum(line.quantity for line in lines)
        self.result.setText(
            ngettext("Handed out: {count} item.", "Handed out: {count} items.", count).format(
                count=count
            )
        )
        self.basket_model.set_rows([])
        self.warnings.clear()
        self.recipient.reset()
        self.undo_button.setEnabled(True)
        self.list_button.setEnabled(True)
        self.code.setFocus()

    @guarded
    def undo_last(self) -> None:
        if self.last_handout_id is None:
            return
        handouts.undo_handout(self.session.user, self.last_handout_id)
        self.last_handout_id = None
        self.undo_button.setEnabled(False)
        self.list_button.setEnabled(False)
        self.result.setText(_("The last hand-out was undone; the items are back in stock."))

    @guarded
    def print_list(self) -> None:
        """The bilingual list of what was given, for the recipient to take home."""
        if self.last_handout_id is None:
            return
        user = self.session.user
        handout = handouts.get_handout(user, self.last_handout_id)
        person = handout.recipient if handout.recipient_id else None
        spoken = person.languages if person else []
        visitor_lang = next((c for c in spoken if c in ("uk", "en")), current_language().code)
        lines = [
            ListLine(
                finnish_and(
                    line.item.category.name_in("fi"), line.item.category.name_in(visitor_lang)
                ),
                line.item.description,
                line.item.size,
                line.quantity,
            )
            for line in handouts.lines_of(user, handout.id)
        ]
        recipient = person.full_name if person else _("Anonymous visitor")
        print_paper(
            self,
            lambda path: render_handout_list(
                path,
                lines,
                centre_name=self.session.centre_name,
                recipient=recipient,
                handed_on=handout.handed_at.date(),
                visitor_lang=visitor_lang,
            ),
        )
