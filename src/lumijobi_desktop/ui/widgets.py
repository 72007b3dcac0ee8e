"""Small widgets shared by the screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
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


def read_only_table(
    model, stretch_column: int, name: str, *, word_wrap: bool = False
) -> QTableView:
    """A table to look at and pick one row from: columns fit their contents, one stretches."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(word_wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.Stretch)
    return table


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


class PeriodControls:
    """A calendar's mode buttons side by side (Month | Week, Week | Day) and ◀ Today ▶.

    `on_mode(mode)` runs when a mode button is clicked, `on_step(-1 or 1)` for
    ◀ and ▶, `on_today()` for Today. The owner checks the shown mode with check().
    """

    def __init__(
        self,
        owner: QWidget,
        modes: Sequence[tuple[str, str]],
        *,
        mode_width: int,
        on_mode: Callable[[str], None],
        on_step: Callable[[int], None],
        on_today: Callable[[], None],
    ):
        self.mode_group = QButtonGroup(owner)
        self.mode_buttons: dict[str, QPushButton] = {}
        for mode, text in modes:
            button = QPushButton(text, objectName=f"show_{mode}")
            button.setCheckable(True)
            button.setMinimumHeight(32)
            button.setMinimumWidth(mode_width)
            button.setStyleSheet("QPushButton:checked { background: #1565c0; color: white; }")
            button.clicked.connect(lambda _checked=False, m=mode: on_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
        self.previous_button = QPushButton("◀", objectName="previousPeriod")
        self.today_button = QPushButton(_("Today"), objectName="todayButton")
        self.next_button = QPushButton("▶", objectName="nextPeriod")
        for button in (self.previous_button, self.today_button, self.next_button):
            button.setMinimumHeight(32)
        self.previous_button.setFixedWidth(44)
        self.next_button.setFixedWidth(44)
        self.previous_button.clicked.connect(lambda: on_step(-1))
        self.next_button.clicked.connect(lambda: on_step(1))
        self.today_button.clicked.connect(on_today)

    def check(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)

    def add_to(self, row: QHBoxLayout, spacing: int) -> None:
        """The mode buttons joined together, `spacing` pixels, then ◀ Today ▶."""
        switcher = QHBoxLayout()
        switcher.setSpacing(0)
        for button in self.mode_buttons.values():
            switcher.addWidget(button)
        row.addLayout(switcher)
        row.addSpacing(spacing)
        row.addWidget(self.previous_button)
        row.addWidget(self.today_button)
        row.addWidget(self.next_button)
