"""Items held for someone, and visitors' wishes waiting for the right item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import reservations
from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import N_, _, current_language, format_date
from lumijobi_desktop.core.inventory import Reservation, Wish
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.goods.common import category_combo, fill_sizes, selected_id, size_combo
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import heading

HOLD_DAYS = 7
SOON_DAYS = 3


class ReservationsModel(RowsTableModel):
    headers = (N_("Until"), N_("Code"), N_("Item"), N_("For whom"))

    def cell(self, row: Reservation, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        item = row.item
        values = (
            format_date(row.until),
            group_for_reading(item.code),
            " – ".join(filter(None, [item.category.name, item.description, item.size])),
            row.person.full_name,
        )
        return values[column]


class WishesModel(RowsTableModel):
    headers = (N_("Since"), N_("Who"), N_("Category"), N_("Size"), N_("Wish"))

    def cell(self, row: Wish, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        values = (
            format_date(row.created_at.date()),
            row.person.full_name,
            row.category.name if row.category_id else "",
            row.size,
            row.description,
        )
        return values[column]


def _table(model, stretch_column: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.Stretch)
    return table


class WishForm(QWidget):
    """What the visitor wishes for: a category, a size, a few words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.category = category_combo()
        self.size = size_combo()
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("e.g. a sofa, a winter jacket"))
        form = QFormLayout(self)
        form.addRow(_("Category"), self.category)
        form.addRow(_("Size"), self.size)
        form.addRow(_("Wish"), self.description)
        self.category.currentIndexChanged.connect(
            lambda: fill_sizes(self.size, selected_id(self.category))
        )
        fill_sizes(self.size, selected_id(self.category))


class ReservationsView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.reservations = ReservationsModel(self)
        self.wishes = WishesModel(self)
        self.reservation_table = _table(self.reservations, stretch_column=2)  # the item
        self.reservation_table.setObjectName("reservationsTable")
        self.wish_table = _table(self.wishes, stretch_column=4)  # the wish in words
        self.wish_table.setObjectName("wishesTable")
        cancel = QPushButton(_("End the reservation"))
        add_wish = QPushButton(_("Record a wish…"), objectName="addWish")
        drop_wish = QPushButton(_("Remove the wish"))
        top = QHBoxLayout()
        top.addWidget(cancel)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(add_wish)
        bottom.addWidget(drop_wish)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Reservations ending soon")))
        layout.addWidget(self.reservation_table, 1)
        layout.addLayout(top)
        layout.addWidget(heading(_("Wishes")))
        layout.addWidget(self.wish_table, 1)
        layout.addLayout(bottom)
        cancel.clicked.connect(self.end_reservation)
        add_wish.clicked.connect(self.record_wish)
        drop_wish.clicked.connect(self.remove_wish)
        self.refresh()

    @guarded
    def refresh(self) -> None:
        user = self.session.user
        self.reservations.set_rows(reservations.expiring(user, within_days=SOON_DAYS))
        self.wishes.set_rows(reservations.open_wishes(user))

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def _selected(self, table: QTableView, model: RowsTableModel):
        rows = table.selectionModel().selectedRows()
        return model.row_object(rows[0].row()) if rows else None

    @guarded
    def end_reservation(self) -> None:
        chosen = self._selected(self.reservation_table, self.reservations)
        if chosen is not None:
            reservations.cancel_reservation(self.session.user, chosen.id)
            self.refresh()

    @guarded
    def record_wish(self) -> None:
        form = WishForm()
        picker = PersonPickerDialog(self.session, _("Whose wish?"), self, extra=form)
        if picker.exec() and picker.person() is not None:
            reservations.add_wish(
                self.session.user,
                picker.person().id,
                category_id=selected_id(form.category),
                description=form.description.text(),
                size=form.size.currentText(),
            )
            self.refresh()

    @guarded
    def remove_wish(self) -> None:
        chosen = self._selected(self.wish_table, self.wishes)
        if chosen is not None:
            reservations.close_wish(self.session.user, chosen.id)
            self.refresh()


def hold_until_editor() -> QDateEdit:
    """How long an item is held: a week by default."""
    editor = QDateEdit(
        QDate.fromString((dt.date.today() + dt.timedelta(days=HOLD_DAYS)).isoformat(), "yyyy-MM-dd")
    )
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(current_language().date_pattern)
    return editor
