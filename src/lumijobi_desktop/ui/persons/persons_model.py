"""The persons register as a lazy table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lumijobi_desktop.core import person_search
from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import N_, format_date
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.table_models import LazyTableModel

PERSON_ID_ROLE = Qt.UserRole + 1


class PersonsTableModel(LazyTableModel):
    headers = (
        N_("Name"),
        N_("Birth year"),
        N_("Phone"),
        N_("Home village"),
        N_("Last seen"),
        N_("Card"),
    )
    sort_keys = ("name", "birth_year", None, "village", "last_seen", None)

    def __init__(self, user: User, parent=None):
        super().__init__(parent)
        self.user = user
        self.filter_text = ""
        self.sort_key = "name"

    def set_filter(self, text: str) -> None:
        self.filter_text = text
        self.reload()

    def _order(self) -> person_search.SortOrder:
        return person_search.SortOrder(self.sort_key or "name", self.descending)

    def count_rows(self) -> int:
        return person_search.count_persons(self.user, self.filter_text)

    def load_page(self, offset: int, limit: int) -> list[Person]:
        return person_search.page_of_persons(
            self.user, self.filter_text, offset, limit, self._order()
        )

    def cell(self, person: Person, column: int, role: int):
        if role == PERSON_ID_ROLE:
            return person.id
        if role != Qt.DisplayRole:
            return None
        if column == 0:
            return (
                f"{person.last_name}, {person.first_name}"
                if person.last_name
                else (person.first_name)
            )
        if column == 1:
            return str(person.birth_year) if person.birth_year else ""
        if column == 2:
            return person.phone
        if column == 3:
            return person.home_village
        if column == 4:
            return format_date(person.last_seen_at.date())
        return group_for_reading(person.card_code)
