"""Printing item or location labels: the layout, the first free label, copies, calibration."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import label_settings, settings
from lumijobi_desktop.core.i18n import N_, _, current_language
from lumijobi_desktop.core.label_layouts import FIELDS, LabelLayout, display_title
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.printing.labels import LabelContent, render_labels, render_test_page
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.goods.layout_dialog import LayoutDialog
from lumijobi_desktop.ui.papers import print_paper, save_and_open_pdf
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel

FIELD_NAMES = {
    "qr": N_("QR code"),
    "code": N_("Code"),
    "category": N_("Category"),
    "description": N_("Description"),
    "size": N_("Size"),
    "intake_date": N_("Date"),
}


class SheetPicker(QWidget):
    """A picture of the sheet: click the first free label of a partly used sheet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)

    def show_layout(self, layout: LabelLayout, first_free: int = 1) -> None:
        for button in self.buttons.buttons():
            self.buttons.removeButton(button)
            button.deleteLater()
        for index in range(layout.labels_per_page):
            button = QPushButton(str(index + 1))
            button.setCheckable(True)
            button.setFixedSize(34 if layout.columns <= 3 else 26, 18 if layout.rows > 8 else 22)
            button.setStyleSheet("QPushButton:checked { background: #1565c0; color: white; }")
            self.buttons.addButton(button, index + 1)
            self.grid.addWidget(button, index // layout.columns, index % layout.columns)
        self.buttons.button(first_free).setChecked(True)

    def start(self) -> int:
        return max(self.buttons.checkedId(), 1)


class LabelPrintDialog(QDialog):
    def __init__(
        self,
        labels: Sequence[LabelContent],
        parent: QWidget | None = None,
        *,
        title: str = "",
        session: DeskSession | None = None,
    ):
        super().__init__(parent)
        self.labels = list(labels)
        self.session = session
        self.setWindowTitle(title or _("Print labels"))
        self.layout_combo = QComboBox(objectName="labelLayout")
        self._fill_layouts(settings.get(settings.LABEL_LAYOUT))
        self.fields = {name: QCheckBox(_(FIELD_NAMES[name])) for name in FIELDS}
        for name, box in self.fields.items():
            box.setObjectName(f"field_{name}")
        self.picker = SheetPicker()
        self.copies = QSpinBox(objectName="labelCopies")
        self.copies.setRange(1, 20)
        self.offset_x, self.offset_y = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.offset_x, self.offset_y):
            spin.setRange(-10, 10)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
        self.outline = QCheckBox(_("Print label outlines"))
        new_layout = QPushButton(_("New layout…"))
        new_layout.setVisible(session is not None and session.can(Permission.MANAGE_SETTINGS))
        new_layout.clicked.connect(self.make_layout)
        self.error = ErrorLabel()
        self.sheet_hint = QLabel(_("Click the first free label on the sheet:"))
        test_page = QPushButton(_("Test page…"))
        form = QFormLayout()
        stock_row = QHBoxLayout()
        stock_row.addWidget(self.layout_combo, 1)
        stock_row.addWidget(new_layout)
        form.addRow(_("Label stock"), stock_row)
        shown = QHBoxLayout()
        for box in self.fields.values():
            shown.addWidget(box)
        form.addRow(_("The label shows"), shown)
        form.addRow(_("Copies of each label"), self.copies)
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(_("right")))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(_("down")))
        offsets.addWidget(self.offset_y)
        offsets.addWidget(test_page)
        form.addRow(_("Printer calibration"), offsets)
        form.addRow("", self.outline)
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(_("Print…"), QDialogButtonBox.ActionRole)
        print_button.setObjectName("printLabelsNow")
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_now)
        save = buttons.addButton(_("Save PDF and open…"), QDialogButtonBox.AcceptRole)
        save.setObjectName("saveLabels")
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        count = QLabel(_("{count} labels").format(count=len(self.labels)))
        box = QVBoxLayout(self)
        box.addWidget(count)
        box.addLayout(form)
        box.addWidget(self.sheet_hint)
        box.addWidget(self.picker, 0, Qt.AlignLeft)
        box.addWidget(self.error)
        box.addWidget(buttons)
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        test_page.clicked.connect(self.print_test_page)
        self._layout_changed()
        self.saved_to: Path | None = None

    def _fill_layouts(self, chosen_name: str) -> None:
        self.layout_combo.blockSignals(True)
        self.layout_combo.clear()
        for layout in label_settings.available_layouts():
            self.layout_combo.addItem(display_title(layout), layout.name)
        self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(chosen_name), 0))
        self.layout_combo.blockSignals(False)

    def layout(self) -> LabelLayout:
        return label_settings.layout_named(self.layout_combo.currentData())

    def chosen_fields(self) -> frozenset[str]:
        return frozenset(name for name, box in self.fields.items() if box.isChecked())

    def make_layout(self) -> None:
        dialog = LayoutDialog(self.session, self)
        if dialog.exec() and dialog.saved is not None:
            self._fill_layouts(dialog.saved.name)
            self._layout_changed()

    def _layout_changed(self) -> None:
        layout = self.layout()
        shown = label_settings.fields_for(layout)
        for name, box in self.fields.items():
            box.setChecked(name in shown)
        self.picker.show_layout(layout, label_settings.next_free_label(layout))
        sheet = layout.kind == "sheet"
        self.picker.setVisible(sheet)
        self.sheet_hint.setVisible(sheet)
        offset = settings.get(settings.LABEL_OFFSETS).get(layout.name, [0.0, 0.0])
        self.offset_x.setValue(offset[0])
        self.offset_y.setValue(offset[1])

    def _remember_choices(self) -> None:
        offsets = dict(settings.get(settings.LABEL_OFFSETS))
        offsets[self.layout().name] = [self.offset_x.value(), self.offset_y.value()]
        settings.store(settings.LABEL_OFFSETS, offsets)
        settings.store(settings.LABEL_LAYOUT, self.layout().name)
        label_settings.remember_fields(self.layout(), self.chosen_fields())

    def _remember_printed(self) -> None:
        layout = self.layout()
        start = self.picker.start() if layout.kind == "sheet" else 1
        label_settings.remember_printed(layout, start, len(self.labels) * self.copies.value())

    def _offset(self) -> tuple[float, float]:
        return (self.offset_x.value(), self.offset_y.value())

    def _save(self, file_name: str, render: Callable[[Path], object]) -> Path | None:
        saved: list[Path | None] = []

        def save() -> None:
            saved.append(save_and_open_pdf(self, _("Save the labels"), file_name, render))

        return saved[0] if run_form_action(self, self.error, save) else None

    def _render(self, path: Path) -> int:
        layout = self.layout()
        start = self.picker.start() if layout.kind == "sheet" else 1
        return render_labels(
            self.labels,
            layout,
            path,
            start=start,
            copies=self.copies.value(),
            offset_mm=self._offset(),
            outline=self.outline.isChecked(),
            fields=self.chosen_fields(),
            lang=current_language().code,
        )

    def print_now(self) -> None:
        printed: list[bool] = []
        if not run_form_action(
            self, self.error, lambda: printed.append(print_paper(self, self._render))
        ):
            return
        if printed[0]:
            self._remember_choices()
            self._remember_printed()
            self.accept()

    def save(self) -> None:
        saved = self._save(f"labels-{self.layout().name}.pdf", self._render)
        if saved is not None:
            self._remember_choices()
            self._remember_printed()
            self.saved_to = saved
            self.accept()

    def print_test_page(self) -> None:
        layout = self.layout()
        if self._save(
            f"test-page-{layout.name}.pdf",
            lambda path: render_test_page(layout, path, offset_mm=self._offset()),
        ):
            self._remember_choices()
