"""Table models for the screens: flat rows, loaded at once or a page at a time.

`RowsTableModel` holds a short list (today's visits, the user accounts).
`LazyTableModel` loads a page at a time as the view scrolls: subclasses say
how many rows match (`count_rows`) and how to load a page (`load_page`), so
100,000 persons cost one COUNT and a page of 200 rows until someone scrolls.
Both ask subclasses only what a cell shows (`cell`); headers are msgids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from lumijobi_desktop.core.i18n import _

NO_PARENT = QModelIndex()  # the root: flat models have no other

PAGE_SIZE = 200


class RowsTableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What a cell shows for a role; subclasses override it."""
        return None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return _(self.headers[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


class LazyTableModel(RowsTableModel):
    sort_keys: tuple[str | None, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._total = 0
        self.sort_key: str | None = None
        self.descending = False

    def count_rows(self) -> int:
        """How many rows match now; subclasses override it."""
        return 0

    def load_page(self, offset: int, limit: int) -> list[Any]:
        """Rows offset..offset+limit; subclasses override it."""
        return []

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self.count_rows()
        self._rows = self.load_page(0, PAGE_SIZE) if self._total else []
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=NO_PARENT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=NO_PARENT) -> None:
        if parent.isValid():
            return
        page = self.load_page(len(self._rows), PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(NO_PARENT, first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.sort_keys) or self.sort_keys[column] is None:
            return
        wanted = (self.sort_keys[column], order == Qt.DescendingOrder)
        if wanted == (self.sort_key, self.descending):
            return  # a view turning sorting on asks for the order already shown
        self.sort_key, self.descending = wanted
        self.reload()
