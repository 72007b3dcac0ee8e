"""Advice figures for a month or any period: what the monthly summary will report.

Sessions held, no-shows, cancellations, persons advised, hours, interpreter
use, and the sessions held by topic, by language and by interpreter language.
Only counts: nothing confidential is shown here.
"""

from __future__ import annotations

import calendar
import datetime as dt

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_figures
from lumijobi_desktop.core.advice_figures import AdviceFigures
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import N_, _, current_language, format_date, format_number
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, language_text, today_now
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, qdate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


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


def percent_text(share: float) -> str:
    """`25 %` in Finnish, `25%` in Ukrainian and English."""
    return babel_numbers.format_percent(share, locale=current_language().babel_locale)


def hours_text(minutes: int) -> str:
    return format_number(minutes / 60, decimals=1)


def most_first(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(name, sessions) rows, the most sessions first, then by name."""
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold()))


def language_rows(counts: dict[str, int]) -> list[tuple[str, int]]:
    return most_first([(language_text(code), count) for code, count in counts.items()])


class CountsModel(RowsTableModel):
    """(name, sessions) rows of one breakdown."""

    def __init__(self, first_header: str, parent=None):
        super().__init__(parent)
        self.headers = (first_header, N_("Sessions held"))

    def cell(self, row: tuple[str, int], column: int, role: int):
        if role == Qt.TextAlignmentRole and column == 1:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        return row[0] if column == 0 else format_number(row[1])


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


def fit_height(table: QTableView, most_rows: int = 12) -> None:
    """As tall as its rows (up to `most_rows`, then it scrolls): no big empty boxes."""
    rows = min(max(table.model().rowCount(), 1), most_rows)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.verticalHeader().sectionSize(row) for row in range(rows))
    if table.model().rowCount() == 0:
        height += table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height)


def _table(model: CountsModel, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.NoSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setFocusPolicy(Qt.NoFocus)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
    return table


class FiguresView(QWidget):
    """Choose a month (◀ ▶) or a period and see the advice figures for it."""

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.first, self.last = month_bounds((today or today_now)())
        self.figures: AdviceFigures | None = None
        self._build()
        self._show_period()

    def _build(self) -> None:
        self.previous_button = QPushButton("◀", objectName="previousMonth")
        self.next_button = QPushButton("▶", objectName="nextMonth")
        self.previous_button.setToolTip(_("Previous month"))
        self.next_button.setToolTip(_("Next month"))
        for button in (self.previous_button, self.next_button):
            button.setFixedSize(48, 36)
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.period = QLabel(objectName="figuresPeriod")
        font = self.period.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.period.setFont(font)
        self.period.setAlignment(Qt.AlignCenter)
        self.period.setMinimumWidth(240)
        self.range_first = date_editor(self.first, "figuresFrom")
        self.range_last = date_editor(self.last, "figuresTo")
        self.range_button = QPushButton(_("Show"), objectName="showFiguresRange")
        self.range_button.setMinimumHeight(32)
        self.range_button.clicked.connect(self.show_chosen_range)
        period_row = QHBoxLayout()
        period_row.addWidget(self.previous_button)
        period_row.addWidget(self.period)
        period_row.addWidget(self.next_button)
        period_row.addSpacing(32)
        period_row.addWidget(QLabel(_("Other period:")))
        period_row.addWidget(self.range_first)
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.range_last)
        period_row.addWidget(self.range_button)
        period_row.addStretch(1)
        self.error = ErrorLabel(self)

        self.held = FigureCard(_("Sessions held"), "figureHeld")
        self.no_shows = FigureCard(_("Did not come"), "figureNoShows")
        self.cancelled = FigureCard(_("Cancelled"), "figureCancelled")
        self.booked = FigureCard(_("Still booked"), "figureBooked")
        self.persons = FigureCard(_("Persons advised"), "figurePersons")
        self.hours = FigureCard(_("Hours of advice"), "figureHours")
        self.interpreted = FigureCard(_("Sessions with an interpreter"), "figureInterpreter")
        cards = QGridLayout()
        cards.setSpacing(10)
        order = (
            self.held,
            self.persons,
            self.hours,
            self.interpreted,
            self.no_shows,
            self.cancelled,
            self.booked,
        )
        for index, card in enumerate(order):
            cards.addWidget(card, index // 4, index % 4)
        for column in range(4):
            cards.setColumnStretch(column, 1)

        self.by_topic = CountsModel(N_("Topic"), self)
        self.by_language = CountsModel(N_("Language"), self)
        self.by_interpreter = CountsModel(N_("Interpreter for"), self)
        tables = QHBoxLayout()
        self.tables: list[QTableView] = []
        for title, model, name in (
            (_("By topic"), self.by_topic, "figuresByTopic"),
            (_("By language of the session"), self.by_language, "figuresByLanguage"),
            (_("Interpreter languages"), self.by_interpreter, "figuresByInterpreter"),
        ):
            column = QVBoxLayout()
            label = QLabel(title)
            label_font = label.font()
            label_font.setBold(True)
            label.setFont(label_font)
            column.addWidget(label)
            table = _table(model, name)
            self.tables.append(table)
            column.addWidget(table)
            column.addStretch(1)
            tables.addLayout(column, 1)
        note = QLabel(
            _(
                "Topics and languages count the sessions held. Sessions are counted "
                "in the period when they were to take place."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        self.nothing = QLabel(_("No advice sessions in this period."), objectName="figuresNothing")
        self.nothing.setStyleSheet("color: #555; font-weight: bold;")
        self.nothing.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Advice figures")))
        layout.addLayout(period_row)
        layout.addWidget(self.error)
        layout.addWidget(self.nothing)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addLayout(tables)
        layout.addWidget(note)
        layout.addStretch(1)

    # --- the period -----------------------------------------------------------------------------

    def show_month(self, day: dt.date) -> None:
        """Show the figures of the month `day` is in."""
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

    def _show_period(self) -> None:
        self.error.clear_message()
        self.period.setText(period_text(self.first, self.last))
        self.range_first.setDate(qdate(self.first))
        self.range_last.setDate(qdate(self.last))
        self.refresh()

    # --- the figures ----------------------------------------------------------------------------

    @guarded
    def refresh(self) -> None:
        try:
            figures = advice_figures.advice_figures(self.session.user, self.first, self.last)
        except LumijobiError as error:
            self.error.show_message(error.message)
            return
        self.figures = figures
        self.held.set_value(format_number(figures.held))
        due = figures.held + figures.no_shows
        self.no_shows.set_value(
            format_number(figures.no_shows),
            _("{share} of the sessions due").format(share=percent_text(figures.no_show_share))
            if due
            else "",
        )
        self.cancelled.set_value(format_number(figures.cancelled))
        self.booked.set_value(format_number(figures.booked))
        self.persons.set_value(format_number(figures.persons))
        self.hours.set_value(hours_text(figures.minutes))
        self.interpreted.set_value(format_number(figures.with_interpreter))
        self.by_topic.set_rows(most_first(list(figures.by_topic.items())))
        self.by_language.set_rows(language_rows(figures.by_language))
        self.by_interpreter.set_rows(language_rows(figures.by_interpreter_language))
        for table in self.tables:
            fit_height(table)
        nothing = not (figures.held or figures.no_shows or figures.cancelled or figures.booked)
        self.nothing.setVisible(nothing)
