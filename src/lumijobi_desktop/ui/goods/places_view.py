"""Places (rooms, shelves, storage, 'still at the donor's home'), each with its own QR label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import catalogue
from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import LocationKind, location_kind_name
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.printing.item_labels import location_labels
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.goods.label_dialog import LabelPrintDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


class PlacesView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(objectName="placesList")
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.name = QLineEdit(objectName="placeName")
        self.name.setPlaceholderText(_("e.g. Shelf B2"))
        self.kind = QComboBox(objectName="placeKind")
        for kind in LocationKind:
            self.kind.addItem(location_kind_name(kind), kind.value)
        add = QPushButton(_("Add the place"))
        labels = QPushButton(_("Print labels of the chosen places…"))
        self.error = ErrorLabel()
        can_edit = session.can(Permission.MANAGE_CATALOGUE)
        for widget in (self.name, self.kind, add):
            widget.setVisible(can_edit)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.kind)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Places")))
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(labels)
        add.clicked.connect(self.add_place)
        self.name.returnPressed.connect(self.add_place)
        labels.clicked.connect(self.print_labels)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for place in catalogue.locations():
            entry = QListWidgetItem(
                f"{place.name}  ·  {location_kind_name(place.kind)}  ·  "
                f"{group_for_reading(place.code)}"
            )
            entry.setData(Qt.UserRole, place)
            self.list.addItem(entry)

    def add_place(self) -> None:
        if run_form_action(
            self,
            self.error,
            lambda: catalogue.save_location(
                self.session.user, None, name=self.name.text(), kind=self.kind.currentData()
            ),
        ):
            self.name.clear()
            self.refresh()

    @guarded
    def print_labels(self) -> None:
        chosen = [entry.data(Qt.UserRole) for entry in self.list.selectedItems()]
        places = chosen or [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]
        if places:
            LabelPrintDialog(
                location_labels(places), self, title=_("Labels for places"), session=self.session
            ).exec()
