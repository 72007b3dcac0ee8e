"""The week as a grid of check boxes: 7 days × morning, afternoon, evening."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from lumijobi_desktop.core.volunteers import DAY_PARTS, time_code
from lumijobi_desktop.ui.volunteers.texts import (
    capitalized,
    day_part_name,
    long_weekday,
    short_weekday,
    time_code_text,
)

BIG_BOX = "QCheckBox::indicator { width: 22px; height: 22px; }"


class TimesGrid(QWidget):
    """When a volunteer is free, a friend would like to meet, or help is wanted.

    Each box stands for a time code ("1a": Tuesday afternoon); `codes()` gives the ticked ones.
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "timesGrid"):
        super().__init__(parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for weekday in range(7):
            label = QLabel(capitalized(short_weekday(weekday)))
            label.setAlignment(Qt.AlignCenter)
            label.setToolTip(capitalized(long_weekday(weekday)))
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, weekday + 1)
        for row, part in enumerate(DAY_PARTS, start=1):
            grid.addWidget(QLabel(capitalized(day_part_name(part))), row, 0)
            for weekday in range(7):
                code = time_code(weekday, part)
                box = QCheckBox(objectName=f"time_{code}")
                box.setStyleSheet(BIG_BOX)
                box.setToolTip(time_code_text(code))
                box.setAccessibleName(time_code_text(code))
                grid.addWidget(box, row, weekday + 1, Qt.AlignCenter)
                self.boxes[code] = box
        grid.setColumnStretch(8, 1)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)
