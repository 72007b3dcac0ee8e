"""Categories for staff: names in Finnish, Ukrainian and English, sizes, monthly limits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import catalogue
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.inventory import Category, SizeKind
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading

SIZE_KIND_NAMES = {
    SizeKind.NONE: N_("No sizes"),
    SizeKind.CLOTHING: N_("Adults' clothing sizes (XS–XXXL, 32–62)"),
    SizeKind.CHILDREN: N_("Children's sizes in cm (50–176)"),
    SizeKind.SHOES: N_("Shoe sizes (16–50)"),
    SizeKind.ANY: N_("Adults' or children's sizes"),
}


class CategoriesView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.editing: Category | None = None
        self.list = QListWidget(objectName="categoriesList")
        self.name_fi = QLineEdit(objectName="categoryNameFi")
        self.name_uk = QLineEdit(objectName="categoryNameUk")
        self.name_en = QLineEdit(objectName="categoryNameEn")
        self.sizes = QComboBox(objectName="categorySizes")
        for kind, name in SIZE_KIND_NAMES.items():
            self.sizes.addItem(_(name), kind.value)
        self.limit = QSpinBox(objectName="categoryLimit")
        self.limit.setRange(0, 100)
        self.limit.setSpecialValueText(_("no limit"))
        self.active = QCheckBox(_("In use"))
        self.error = ErrorLabel()
        save = QPushButton(_("Save"), objectName="saveCategory")
        new = QPushButton(_("New category"))
        form = QFormLayout()
        form.addRow(_("Name in Finnish"), self.name_fi)
        form.addRow(_("Name in Ukrainian"), self.name_uk)
        form.addRow(_("Name in English"), self.name_en)
        form.addRow(_("Sizes"), self.sizes)
        form.addRow(_("Pieces per household a month"), self.limit)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(save)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(self.error)
        editor.addLayout(buttons)
        editor.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 1)
        columns.addLayout(editor, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Categories")))
        layout.addLayout(columns, 1)
        self.list.currentItemChanged.connect(self._show)
        save.clicked.connect(self.save)
        new.clicked.connect(lambda: self._edit(None))
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.list.clear()
        for category in catalogue.categories(include_inactive=True):
            entry = QListWidgetItem(
                category.name
                if category.active
                else _("{name} (not in use)").format(name=category.name)
            )
            entry.setData(Qt.UserRole, category)
            self.list.addItem(entry)
            if category.id == select_id:
                self.list.setCurrentItem(entry)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._edit(current.data(Qt.UserRole) if current else None)

    def _edit(self, category: Category | None) -> None:
        self.editing = category
        self.name_fi.setText(category.name_fi if category else "")
        self.name_uk.setText(category.name_uk if category else "")
        self.name_en.setText(category.name_en if category else "")
        kind = category.size_kind if category else SizeKind.NONE.value
        self.sizes.setCurrentIndex(self.sizes.findData(kind))
        self.limit.setValue((category.monthly_limit or 0) if category else 0)
        self.active.setChecked(category.active if category else True)
        self.error.clear_message()
        self.name_fi.setFocus()

    def save(self) -> None:
        saved: list[Category] = []

        def save_category() -> None:
            saved.append(
                catalogue.save_category(
                    self.session.user,
                    self.editing.id if self.editing else None,
                    name_fi=self.name_fi.text(),
                    name_uk=self.name_uk.text(),
                    name_en=self.name_en.text(),
                    size_kind=self.sizes.currentData(),
                    monthly_limit=self.limit.value() or None,
                    active=self.active.isChecked(),
                )
            )

        if run_form_action(self, self.error, save_category):
            self.refresh(select_id=saved[0].id)
