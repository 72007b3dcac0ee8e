"""Making a label layout in the app: page, label size, rows × columns, margins, pitch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import label_settings
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.label_layouts import LabelLayout, custom_layout
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, save_cancel_buttons


def _mm(value: float, low: float = 0.0, high: float = 1000.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setSingleStep(0.5)
    spin.setSuffix(" mm")
    spin.setValue(value)
    return spin


class LayoutDialog(QDialog):
    """The maker's measurements typed in; the layout is checked before it is saved."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.saved: LabelLayout | None = None
        self.setWindowTitle(_("New label layout"))
        self.name = QLineEdit(objectName="layoutName")
        self.name.setPlaceholderText(_("e.g. Office 2x5"))
        self.title = QLineEdit(objectName="layoutTitle")
        self.page_width, self.page_height = _mm(210.0), _mm(297.0)
        self.label_width, self.label_height = _mm(70.0), _mm(37.0)
        self.columns, self.rows = QSpinBox(), QSpinBox()
        for spin, value in ((self.columns, 3), (self.rows, 8)):
            spin.setRange(1, 30)
            spin.setValue(value)
        self.left, self.top = _mm(0.0), _mm(0.0)
        self.pitch_x, self.pitch_y = _mm(70.0), _mm(37.0)
        self.error = ErrorLabel()
        form = QFormLayout()
        rows = (
            (_("Short name"), self.name),
            (_("Description"), self.title),
            (_("Page width"), self.page_width),
            (_("Page height"), self.page_height),
            (_("Label width"), self.label_width),
            (_("Label height"), self.label_height),
            (_("Columns"), self.columns),
            (_("Rows"), self.rows),
            (_("Left margin"), self.left),
            (_("Top margin"), self.top),
            (_("Distance between label starts, across"), self.pitch_x),
            (_("Distance between label starts, down"), self.pitch_y),
        )
        for label, widget in rows:
            form.addRow(label, widget)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def layout_from_form(self) -> LabelLayout:
        return custom_layout(
            self.name.text(),
            self.title.text() or self.name.text(),
            page_width_mm=self.page_width.value(),
            page_height_mm=self.page_height.value(),
            label_width_mm=self.label_width.value(),
            label_height_mm=self.label_height.value(),
            columns=self.columns.value(),
            rows=self.rows.value(),
            left_margin_mm=self.left.value(),
            top_margin_mm=self.top.value(),
            pitch_x_mm=self.pitch_x.value(),
            pitch_y_mm=self.pitch_y.value(),
        )

    def save(self) -> None:
        def save_layout() -> None:
            self.saved = self.layout_from_form()
            label_settings.save_custom_layout(self.session.user, self.saved)

        if run_form_action(self, self.error, save_layout):
            self.accept()
