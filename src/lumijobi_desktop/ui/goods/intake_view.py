"""Taking a donation in: keyboard first, the last category, size and place remembered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import catalogue, intake, partners, person_search, reservations
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _, current_language, ngettext
from lumijobi_desktop.core.intake import ItemInput
from lumijobi_desktop.core.inventory import Item, condition_name
from lumijobi_desktop.printing.item_labels import item_labels
from lumijobi_desktop.ui.desk.models import person_summary
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.goods.common import (
    category_combo,
    condition_combo,
    fill_sizes,
    location_combo,
    selected_id,
    size_combo,
)
from lumijobi_desktop.ui.goods.label_dialog import LabelPrintDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


class DonorPicker(QGroupBox):
    """Anonymous, a registered visitor (search), or a partner organisation."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(_("From whom"), parent)
        self.session = session
        self.kind = QComboBox(objectName="donorKind")
        self.kind.addItem(_("Anonymous"), "anonymous")
        self.kind.addItem(_("A visitor"), "person")
        self.kind.addItem(_("A partner"), "partner")
        self.search = QLineEdit(objectName="donorSearch")
        self.search.setPlaceholderText(_("Name, phone or card"))
        self.results = QListWidget(objectName="donorResults")
        self.results.setMaximumHeight(90)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), objectName="donationWhen")
        self.when.setCalendarPopup(True)
        language = current_language()
        self.when.setDisplayFormat(f"{language.date_pattern} {language.time_pattern}")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.partner = QComboBox(objectName="donorPartner")
        self.partner.setEditable(True)  # a new partner is typed in by name
        self.partner.setInsertPolicy(QComboBox.NoInsert)
        self.partner.lineEdit().setPlaceholderText(_("Partner's name"))
        self._fill_partners()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("When")))
        layout.addWidget(self.when)
        layout.addWidget(self.kind)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.partner)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.search.textChanged.connect(self._search)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.search.setVisible(kind == "person")
        self.results.setVisible(kind == "person")
        self.partner.setVisible(kind == "partner")

    @guarded
    def _search(self, text: str) -> None:
        self.results.clear()
        for person in person_search.search_persons(self.session.user, text, limit=5):
            item = QListWidgetItem(person_summary(person))
            item.setData(Qt.UserRole, person.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def donor(self) -> dict:
        kind = self.kind.currentData()
        if kind == "person":
            item = self.results.currentItem()
            if item is None:
                raise ValidationError(
                    _("Find the donor by name, or choose Anonymous."), field="donor"
                )
            return {"donor_person_id": item.data(Qt.UserRole)}
        if kind == "partner":
            return {"donor_partner_name": self.partner.currentText()}
        return {}

    def received_at(self) -> dt.datetime:
        return self.when.dateTime().toPython().replace(microsecond=0)

    def _fill_partners(self) -> None:
        self.partner.clear()
        for partner in partners.partners():
            self.partner.addItem(partner.name, partner.id)
        self.partner.setCurrentIndex(-1)

    def reset(self) -> None:
        self._fill_partners()
        self.kind.setCurrentIndex(0)
        self.search.clear()
        self.when.setDateTime(QDateTime.currentDateTime())


class IntakeView(QWidget):
    donation_saved = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[ItemInput] = []
        self.saved_items: list[Item] = []
        self._build()

    def _build(self) -> None:
        self.donor = DonorPicker(self.session)
        self.category = category_combo()
        self.category.setObjectName("intakeCategory")
        self.description = QLineEdit(objectName="intakeDescription")
        self.description.setPlaceholderText(_("e.g. winter jacket, blue"))
        self.size = size_combo()
        self.size.setObjectName("intakeSize")
        self.condition = condition_combo()
        self.quantity = QSpinBox(objectName="intakeQuantity")
        self.quantity.setRange(1, intake.QUANTITY_MAX)
        self.location = location_combo()
        self.location.setObjectName("intakeLocation")
        add = QPushButton(_("Add (Enter)"), objectName="addItemRow")
        same = QPushButton(_("Same again (Ctrl+D)"), objectName="sameAgain")
        self.row_error = ErrorLabel()

        entry = QGridLayout()
        labels = (
            _("Category"),
            _("Description"),
            _("Size"),
            _("Condition"),
            _("Quantity"),
            _("Place"),
        )
        widgets = (
            self.category,
            self.description,
            self.size,
            self.condition,
            self.quantity,
            self.location,
        )
        for column, (label, widget) in enumerate(zip(labels, widgets, strict=True)):
            entry.addWidget(QLabel(label), 0, column)
            entry.addWidget(widget, 1, column)
        entry.setColumnStretch(1, 3)
        entry.setColumnStretch(0, 2)
        entry_buttons = QHBoxLayout()
        entry_buttons.addWidget(add)
        entry_buttons.addWidget(same)
        entry_buttons.addStretch(1)

        self.table = QTableWidget(0, 6, objectName="intakeRows")
        self.table.setHorizontalHeaderLabels(list(labels))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        remove = QPushButton(_("Remove the row"))
        self.note = QLineEdit(objectName="donationNote")
        self.note.setPlaceholderText(_("Note (optional)"))
        self.save_button = QPushButton(_("Save the donation (Ctrl+S)"), objectName="saveDonation")
        self.labels_button = QPushButton(_("Print their labels…"), objectName="printLabels")
        self.labels_button.setEnabled(False)
        self.result = QLabel(objectName="intakeResult")
        self.result.setWordWrap(True)
        self.error = ErrorLabel()

        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.labels_button)

        left = QVBoxLayout()
        left.addWidget(self.donor)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(entry)
        right.addLayout(entry_buttons)
        right.addWidget(self.row_error)
        right.addWidget(self.table, 1)
        right.addLayout(bottom)
        right.addWidget(self.error)
        right.addWidget(self.result)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 4)
        page = QVBoxLayout(self)
        page.addWidget(heading(_("Take in a donation")))
        page.addLayout(columns, 1)

        self.category.currentIndexChanged.connect(self._category_changed)
        self._category_changed()
        self.description.returnPressed.connect(self.add_row)
        add.clicked.connect(self.add_row)
        same.clicked.connect(self.same_again)
        remove.clicked.connect(self._remove_selected)
        self.save_button.clicked.connect(self.save)
        self.labels_button.clicked.connect(self.print_labels)
        QShortcut(QKeySequence("Ctrl+D"), self, self.same_again)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)

    def _category_changed(self) -> None:
        fill_sizes(self.size, selected_id(self.category))

    def _current_row(self) -> ItemInput:
        category_id = selected_id(self.category)
        if category_id is None:
            raise ValidationError(_("Choose a category from the list."), field="category")
        return ItemInput(
            category_id=category_id,
            description=self.description.text(),
            size=self.size.currentText(),
            condition=self.condition.currentData(),
            quantity=self.quantity.value(),
            location_id=self.location.currentData(),
        )

    def add_row(self) -> bool:
        """Check the row now (not at save), so a mistake is fixed while the item is in hand."""

        def check_and_add() -> None:
            row = self._current_row()
            intake.clean_item(row)
            self._append(row)

        added = run_form_action(self, self.row_error, check_and_add)
        if added:
            # Category, size and place stay for the next item: a bag is often one kind.
            self.description.clear()
            self.quantity.setValue(1)
            self.description.setFocus()
        return added

    def same_again(self) -> None:
        if self.rows:
            self._append(self.rows[-1])

    def _append(self, row: ItemInput) -> None:
        self.rows.append(row)
        category = catalogue.get_category(row.category_id)
        place = self.location.itemText(max(self.location.findData(row.location_id), 0))
        cells = (
            category.name,
            row.description,
            row.size.upper(),
            condition_name(row.condition),
            str(row.quantity),
            place if row.location_id else "",
        )
        line = self.table.rowCount()
        self.table.insertRow(line)
        for column, text in enumerate(cells):
            self.table.setItem(line, column, QTableWidgetItem(text))
        self.table.scrollToBottom()
        self.labels_button.setEnabled(False)
        self.result.clear()

    def _remove_selected(self) -> None:
        for line in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(line)
            del self.rows[line]

    def save(self) -> None:
        def save_donation() -> None:
            _donation, items = intake.receive_donation(
                self.session.user,
                self.rows,
                note=self.note.text(),
                at=self.donor.received_at(),
                **self.donor.donor(),
            )
            self.saved_items = items
            self.donation_saved.emit(_donation.id)

        if not run_form_action(self, self.error, save_donation):
            return
        count = sum(item.quantity for item in self.saved_items)
        message = ngettext("Saved: {count} item.", "Saved: {count} items.", count).format(
            count=count
        )
        wishes = sum(
            len(reservations.wishes_matching(self.session.user, item.id))
            for item in self.saved_items
        )
        if wishes:
            message += " " + ngettext(
                "{count} wish matches – see Stock.", "{count} wishes match – see Stock.", wishes
            ).format(count=wishes)
        self.result.setText(message)
        self.rows.clear()
        self.table.setRowCount(0)
        self.note.clear()
        self.donor.reset()
        self.labels_button.setEnabled(True)
        self.labels_button.setFocus()

    @guarded
    def print_labels(self) -> None:
        if self.saved_items:
            LabelPrintDialog(item_labels(self.saved_items), self, session=self.session).exec()
