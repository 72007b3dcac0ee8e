"""Table models of the Desk screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractListModel, Qt

from lumijobi_desktop.core.i18n import N_, _, format_date, format_time
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.visits import VisitRow, purpose_name
from lumijobi_desktop.ui.table_models import NO_PARENT, RowsTableModel

PERSON_ID_ROLE = Qt.UserRole + 1


def person_summary(person: Person) -> str:
    details = [str(person.birth_year)] if person.birth_year else []
    if person.home_village:
        details.append(person.home_village)
    return " · ".join([person.full_name, *details])


class PersonResultsModel(QAbstractListModel):
    """The handful of persons matching what was typed, best first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._persons: list[Person] = []

    def set_persons(self, persons: list[Person]) -> None:
        self.beginResetModel()
        self._persons = persons
        self.endResetModel()

    def person_at(self, row: int) -> Person | None:
        return self._persons[row] if 0 <= row < len(self._persons) else None

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._persons)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._persons):
            return None
        person = self._persons[index.row()]
        if role == Qt.DisplayRole:
            return person_summary(person)
        if role == Qt.ToolTipRole:
            return _("Last seen {date}").format(date=format_date(person.last_seen_at.date()))
        if role == PERSON_ID_ROLE:
            return person.id
        return None


class TodayVisitsModel(RowsTableModel):
    headers = (N_("Time"), N_("Visitor"), N_("Purpose"))

    def cell(self, row: VisitRow, column: int, role: int):
        if role == Qt.ForegroundRole and column == 1 and row.person_id is None:
            return Qt.gray
        if role != Qt.DisplayRole:
            return None
        if column == 0:
            return format_time(row.visited_at)
        if column == 1:
            return row.person_name or _("Anonymous")
        return purpose_name(row.purpose)


def today() -> dt.date:
    return dt.date.today()
