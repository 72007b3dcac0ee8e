"""Figures for a period: choosing a month (◀ ▶) or any range, and big numbers on cards.

Shared by the advice figures and the volunteer hours (and the monthly summary's dashboard).
"""

from __future__ import annotations

import calendar
import datetime as dt

from babel import dates as babel_dates
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lumijobi_desktop.core.i18n import _, current_language, format_date
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, qdate
from lumijobi_desktop.ui.widgets import ErrorLabel


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def shift_month(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_text(first: dt.date, last: dt.date) -> str:
    """`joulukuu 2026` for a whole month, else `01.12.2026 – 15.12.2026`."""
    if (first, last) == month_bounds(first):
        return babel_dates.format_skeleton(
            "yMMMM", first, locale=current_language().babel_locale
        ).capitalize()
    return f"{format_date(first)} – {format_date(last)}"


class PeriodPicker(QWidget):
    """◀ month ▶, or any range from–to; `changed` after each choice, `first`/`last` hold it."""

    changed = Signal()

    def __init__(self, today: dt.date, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.first, self.last = month_bounds(today)
        self.previous_button = QPushButton("◀", objectName="previousMonth")
        self.next_button = QPushButton("▶", objectName="nextMonth")
        self.previous_button.setToolTip(_("Previous month"))
        self.next_button.setToolTip(_("Next month"))
        for button in (self.previous_button, self.next_button):
            button.setFixedSize(48, 36)
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.period = QLabel(objectName=f"{name}Period")
        font = self.period.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.period.setFont(font)
        self.period.setAlignment(Qt.AlignCenter)
        self.period.setMinimumWidth(240)
        self.range_first = date_editor(self.first, f"{name}From")
        self.range_last = date_editor(self.last, f"{name}To")
        self.range_button = QPushButton(_("Show"), objectName=f"show{name.title()}Range")
        self.range_button.setMinimumHeight(32)
        self.range_button.clicked.connect(self.show_chosen_range)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.period)
        row.addWidget(self.next_button)
        row.addSpacing(32)
        row.addWidget(QLabel(_("Other period:")))
        row.addWidget(self.range_first)
        row.addWidget(QLabel("–"))
        row.addWidget(self.range_last)
        row.addWidget(self.range_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._show_period(notify=False)

    def show_month(self, day: dt.date) -> None:
        """The month `day` is in."""
        self.first, self.last = month_bounds(day)
        self._show_period()

    def show_range(self, first: dt.date, last: dt.date) -> None:
        if last < first:
            self.error.show_message(_("The end of the period is before its start."))
            return
        self.first, self.last = first, last
        self._show_period()

    def step_month(self, months: int) -> None:
        self.show_month(shift_month(self.first, months))

    def show_chosen_range(self) -> None:
        self.show_range(pydate(self.range_first.date()), pydate(self.range_last.date()))

    def _show_period(self, *, notify: bool = True) -> None:
        self.error.clear_message()
        self.period.setText(period_text(self.first, self.last))
        self.range_first.setDate(qdate(self.first))
        self.range_last.setDate(qdate(self.last))
        if notify:
            self.changed.emit()


class FigureCard(QFrame):
    """A big number with what it counts under it."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(
            f"#{name} {{ background: #f5f8fc; border: 1px solid #d5e0ee; border-radius: 8px; }}"
        )
        self.number = QLabel("0", objectName="figureNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption, objectName="figureCaption")
        self.caption.setWordWrap(True)
        self.extra = QLabel(objectName="figureExtra")
        self.extra.setWordWrap(True)
        self.extra.setStyleSheet("color: #555;")
        self.extra.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.extra)
        layout.addStretch(1)

    def set_value(self, number: str, extra: str = "") -> None:
        self.number.setText(number)
        self.extra.setText(extra)
        self.extra.setVisible(bool(extra))
