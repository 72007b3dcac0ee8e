"""Small widgets shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from lumijobi_desktop.core import i18n
from lumijobi_desktop.core.i18n import _


class ErrorLabel(QLabel):
    """The red line under a form that says what to fix, in the user's language."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


def language_combo(selected: str | None = None, *, with_default: str | None = None) -> QComboBox:
    """The app languages, each in its own name; `with_default` adds a 'desk default' choice."""
    combo = QComboBox()
    if with_default is not None:
        combo.addItem(with_default, None)
    for code, language in i18n.LANGUAGES.items():
        combo.addItem(language.native_name, code)
    index = combo.findData(selected)
    combo.setCurrentIndex(max(index, 0))
    return combo


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question with translated buttons."""
    box = QMessageBox(QMessageBox.Question, title, text, parent=parent)
    yes = box.addButton(_("Yes"), QMessageBox.YesRole)
    no = box.addButton(_("No"), QMessageBox.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class WrappingCheckBox(QWidget):
    """A check box whose long text wraps (QCheckBox would clip it); the text toggles it too."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QCheckBox()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.mousePressEvent = lambda _event: self.box.toggle()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignTop)
        layout.addWidget(self.label, 1)


def save_cancel_buttons(dialog: QDialog, on_save, *, save_name: str = "") -> QDialogButtonBox:
    """The usual button row: Save (Enter) runs the form's save, Cancel closes it."""
    buttons = QDialogButtonBox()
    save = buttons.addButton(_("Save"), QDialogButtonBox.AcceptRole)
    save.setDefault(True)
    if save_name:
        save.setObjectName(save_name)
    buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons
