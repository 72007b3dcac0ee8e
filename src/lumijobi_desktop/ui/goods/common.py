"""Pieces the goods screens share: category, size and place pickers, person lookup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from lumijobi_desktop.core import catalogue
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import Condition, condition_name


def category_combo() -> QComboBox:
    """Categories by name; typing a few letters picks one (keyboard-first intake)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    for category in catalogue.categories():
        combo.addItem(category.name, category.id)
    completer = combo.completer()
    completer.setCompletionMode(QCompleter.PopupCompletion)
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    return combo


def selected_id(combo: QComboBox) -> int | None:
    """The chosen entry's id, or None when the typed text names no entry."""
    index = combo.findText(combo.currentText(), Qt.MatchFixedString)
    return combo.itemData(index) if index >= 0 else None


def fill_sizes(combo: QComboBox, category_id: int | None) -> None:
    typed = combo.currentText()
    combo.clear()
    if category_id is None:
        return
    choices = catalogue.size_choices(catalogue.get_category(category_id).size_kind)
    combo.setEnabled(bool(choices))
    combo.addItems(["", *choices])
    combo.setCurrentText(typed if typed in choices else "")


def size_combo() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    return combo


def condition_combo() -> QComboBox:
    combo = QComboBox()
    for condition in Condition:
        combo.addItem(condition_name(condition), condition.value)
    combo.setCurrentIndex(combo.findData(Condition.GOOD.value))
    return combo


def location_combo(*, with_none: bool = True) -> QComboBox:
    combo = QComboBox()
    if with_none:
        combo.addItem(_("No place yet"), None)
    for location in catalogue.locations():
        combo.addItem(location.name, location.id)
    return combo
