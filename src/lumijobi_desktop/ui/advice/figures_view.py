"""Advice figures for a month or any period: what the monthly summary will report.

Sessions held, no-shows, cancellations, persons advised, hours, interpreter
use, and the sessions held by topic, by language and by interpreter language.
Only counts: nothing confidential is shown here.
"""

from __future__ import annotations

from babel import numbers as babel_numbers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_figures
from lumijobi_desktop.core.advice_figures import AdviceFigures
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import N_, _, current_language, format_number
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, language_text, today_now
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.period_figures import FigureCard, PeriodPicker
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


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
        self.picker = PeriodPicker((today or today_now)(), "figures")
        self.picker.changed.connect(self.refresh)
        self.figures: AdviceFigures | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
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
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addWidget(self.nothing)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addLayout(tables)
        layout.addWidget(note)
        layout.addStretch(1)

    # --- the figures ----------------------------------------------------------------------------

    @guarded
    def refresh(self) -> None:
        try:
            figures = advice_figures.advice_figures(
                self.session.user, self.picker.first, self.picker.last
            )
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
