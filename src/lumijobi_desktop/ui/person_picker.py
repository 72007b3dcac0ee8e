"""Choosing a registered visitor by a few letters, a phone number or their card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import person_search
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.ui.desk.models import person_summary
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.session import DeskSession


class PersonPickerDialog(QDialog):
    def __init__(
        self,
        session: DeskSession,
        title: str,
        parent: QWidget | None = None,
        *,
        extra: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.search = QLineEdit(objectName="pickerSearch")
        self.search.setPlaceholderText(_("Name, phone or card"))
        self.results = QListWidget(objectName="pickerResults")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(_("Choose"), QDialogButtonBox.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self._accept_if_chosen)
        buttons.rejected.connect(self.reject)
        self.results.itemActivated.connect(lambda _entry: self._accept_if_chosen())
        self.search.textChanged.connect(self._search)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        if extra is not None:
            layout.addWidget(extra)
        layout.addWidget(buttons)

    @guarded
    def _search(self, text: str) -> None:
        self.results.clear()
        for person in person_search.search_persons(self.session.user, text, limit=8):
            entry = QListWidgetItem(person_summary(person))
            entry.setData(Qt.UserRole, person)
            self.results.addItem(entry)
        if self.results.count():
            self.results.setCurrentRow(0)

    def person(self) -> Person | None:
        entry = self.results.currentItem()
        return entry.data(Qt.UserRole) if entry else None

    def _accept_if_chosen(self) -> None:
        if self.person() is not None:
            self.accept()
