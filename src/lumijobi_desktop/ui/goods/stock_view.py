"""The stock: filters, search, sorting over hundreds of thousands of items, bulk actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import catalogue, reservations, stock
from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import N_, _, format_date, format_datetime, format_number, ngettext
from lumijobi_desktop.core.inventory import Item, ItemStatus, condition_name, status_name
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.stock import StockFilter
from lumijobi_desktop.printing.item_labels import item_labels
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.goods.common import location_combo
from lumijobi_desktop.ui.goods.label_dialog import LabelPrintDialog
from lumijobi_desktop.ui.goods.reservations_view import hold_until_editor
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import LazyTableModel
from lumijobi_desktop.ui.widgets import confirm, heading

ITEM_ID_ROLE = Qt.UserRole + 1
# Old stock is cleared by age: a month, a season, half a year, a year.
OLDER_THAN_DAYS = (30, 90, 180, 365)
EVENT_NAMES = {
    "intake": N_("Taken in"),
    "moved": N_("Moved"),
    "reserved": N_("Reserved"),
    "unreserved": N_("Reservation ended"),
    "handed_out": N_("Handed out"),
    "returned": N_("Returned to stock"),
    "discarded": N_("Discarded"),
}


class StockModel(LazyTableModel):
    headers = (
        N_("Code"),
        N_("Category"),
        N_("Description"),
        N_("Size"),
        N_("Quantity"),
        N_("Place"),
        N_("Taken in"),
        N_("Status"),
    )
    sort_keys = (
        "code",
        "category",
        "description",
        "size",
        "quantity",
        "location",
        "intake",
        "status",
    )

    def __init__(self, session: DeskSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.criteria = StockFilter()
        self.sort_key, self.descending = "intake", True

    def count_rows(self) -> int:
        return stock.count_items(self.session.user, self.criteria)

    def load_page(self, offset: int, limit: int) -> list[Item]:
        return stock.page_of_items(
            self.session.user,
            self.criteria,
            offset,
            limit,
            self.sort_key or "intake",
            self.descending,
        )

    def cell(self, item: Item, column: int, role: int):
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.TextAlignmentRole and column == 4:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        return _cell_text(item, column)


def _cell_text(item: Item, column: int) -> str:
    if column == 0:
        return group_for_reading(item.code)
    if column == 1:
        return item.category.name
    if column == 2:
        return item.description
    if column == 3:
        return item.size
    if column == 4:
        return format_number(item.quantity)
    if column == 5:
        return item.location.name if item.location_id else ""
    if column == 6:
        return format_date(item.intake_at.date())
    return status_name(item.status)


class StockView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = StockModel(session, self)
        self._sized = False
        self._build()
        self.apply_filters()

    def _build(self) -> None:
        self.category = QComboBox(objectName="stockCategory")
        self.category.addItem(_("All categories"), None)
        for category in catalogue.categories():
            self.category.addItem(category.name, category.id)
        self.size = QLineEdit(objectName="stockSize")
        self.size.setPlaceholderText(_("Size"))
        self.size.setMaximumWidth(70)
        self.place = location_combo(with_none=False)
        self.place.insertItem(0, _("All places"), None)
        self.place.setCurrentIndex(0)
        self.status = QComboBox(objectName="stockStatus")
        self.status.addItem(_("At the centre"), None)
        for status in ItemStatus:
            self.status.addItem(status_name(status), status.value)
        self.older = QComboBox(objectName="stockOlder")
        self.older.addItem(_("In stock any time"), None)
        for days in OLDER_THAN_DAYS:
            self.older.addItem(
                ngettext("In stock over {count} day", "In stock over {count} days", days).format(
                    count=days
                ),
                days,
            )
        self.search = QLineEdit(objectName="stockSearch")
        self.search.setMinimumWidth(220)
        self.search.setPlaceholderText(_("Search the description or a code"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()

        self.table = QTableView(objectName="stockTable")
        self.table.setModel(self.model)
        # The indicator first: turning sorting on then asks for the order already loaded.
        self.table.horizontalHeader().setSortIndicator(6, Qt.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Widths from a sample of rows once, not from every cell on every page.
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.details = QPlainTextEdit(objectName="itemDetails")
        self.details.setReadOnly(True)

        self.move_button = QPushButton(_("Move to…"))
        self.discard_button = QPushButton(_("Discard…"), objectName="discardItems")
        self.discard_button.setVisible(self.session.can(Permission.DISCARD_GOODS))
        self.labels_button = QPushButton(_("Print labels…"))
        self.reserve_button = QPushButton(_("Reserve for…"), objectName="reserveItem")
        filters = QHBoxLayout()
        for widget in (self.category, self.size, self.place, self.status, self.older):
            if isinstance(widget, QComboBox):
                # Sized to their longest entry the filters made the window wider than a
                # 1366-pixel laptop screen; they shrink now and show the rest when opened.
                widget.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(10)
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_("Selected:")))
        for button in (
            self.reserve_button,
            self.move_button,
            self.discard_button,
            self.labels_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 120])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Stock")))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        for combo in (self.category, self.place, self.status, self.older):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.size.editingFinished.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.move_button.clicked.connect(self.move_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.labels_button.clicked.connect(self.print_selected)
        self.reserve_button.clicked.connect(self.reserve_selected)

    @guarded
    def apply_filters(self, *_args) -> None:
        self.model.criteria = StockFilter(
            category_id=self.category.currentData(),
            size=self.size.text().strip(),
            location_id=self.place.currentData(),
            status=self.status.currentData(),
            older_than_days=self.older.currentData(),
            text=self.search.text(),
        )
        self.model.reload()
        if not self._sized and self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._sized = True
        total = self.model.total()
        self.count.setText(
            ngettext("{count} item", "{count} items", total).format(count=format_number(total))
        )
        self.details.clear()

    def show_item(self, item: Item) -> None:
        """A scanned item: show it alone, whatever the filters were."""
        self.status.setCurrentIndex(self.status.findData(None))
        self.search.setText(item.code)
        if self.model.rowCount():
            self.table.selectRow(0)
            self._show_details(self.model.index(0, 0), None)

    def _selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.index(row, 0).data(ITEM_ID_ROLE) for row in sorted(rows)]

    def current_item_id(self) -> int | None:
        ids = self._selected_ids()
        return ids[0] if len(ids) == 1 else None

    @guarded
    def _show_details(self, current, _previous) -> None:
        item: Item | None = self.model.row_object(current.row())
        if item is None:
            self.details.clear()
            return
        lines = [
            f"{group_for_reading(item.code)} · {item.category.name} · "
            f"{condition_name(item.condition)}"
        ]
        wishes = reservations.wishes_matching(self.session.user, item.id)
        if wishes and item.status == ItemStatus.IN_STOCK.value:
            lines.append(
                ngettext(
                    "{count} wish matches: {names}", "{count} wishes match: {names}", len(wishes)
                ).format(count=len(wishes), names=", ".join(w.person.full_name for w in wishes[:3]))
            )
        for event in stock.history(self.session.user, item.id):
            name = _(EVENT_NAMES.get(event.kind, event.kind))
            lines.append(f"{format_datetime(event.at)}  {name}  {event.detail}")
        self.details.setPlainText("\n".join(lines))

    @guarded
    def move_selected(self) -> None:
        ids = self._selected_ids()
        places = catalogue.locations()
        if not ids or not places:
            return
        names = [place.name for place in places]
        name, ok = QInputDialog.getItem(self, _("Move to…"), _("Place"), names, 0, False)
        if ok:
            stock.move_items(self.session.user, ids, places[names.index(name)].id)
            self.apply_filters()

    @guarded
    def discard_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        reason, ok = QInputDialog.getText(
            self,
            _("Discard…"),
            ngettext(
                "Why is {count} item recycled or discarded?",
                "Why are {count} items recycled or discarded?",
                len(ids),
            ).format(count=len(ids)),
        )
        if ok:
            stock.discard_items(self.session.user, ids, reason)
            self.apply_filters()

    @guarded
    def print_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            items = [stock.get_item(self.session.user, item_id) for item_id in ids]
            LabelPrintDialog(item_labels(items), self, session=self.session).exec()

    @guarded
    def reserve_selected(self) -> None:
        """Hold the item: for the visitor who wished for it first, or for someone chosen."""
        item_id = self.current_item_id()
        if item_id is None:
            return
        user = self.session.user
        until = hold_until_editor()
        wishes = reservations.wishes_matching(user, item_id)
        if wishes and confirm(
            self,
            _("Reserve for…"),
            _("{name} wished for this first. Hold it for them until {date}?").format(
                name=wishes[0].person.full_name, date=format_date(until.date().toPython())
            ),
        ):
            reservations.reserve_for_wish(user, wishes[0].id, item_id, until.date().toPython())
        else:
            picker = PersonPickerDialog(self.session, _("Reserve for whom?"), self, extra=until)
            if not picker.exec() or picker.person() is None:
                return
            reservations.reserve(user, item_id, picker.person().id, until.date().toPython())
        self.apply_filters()
