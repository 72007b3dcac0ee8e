"""Volunteer hours for a month or any period: the total, its value, by activity and by volunteer.

Funders count volunteer work at a rate per hour (Settings, 10 €/h by
default). Hours of friend meetings and neighbour-help tasks are in the
totals as well as the hours logged by hand.
"""

from __future__ import annotations

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

from lumijobi_desktop.core import volunteer_hours
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import N_, _, format_number
from lumijobi_desktop.core.volunteer_hours import HoursTotals, activity_name
from lumijobi_desktop.ui.advice.follow_up_dialog import Today, today_now
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.period_figures import FigureCard, PeriodPicker
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.texts import (
    hours_text,
    hours_with_unit,
    money_text,
    rate_text,
)
from lumijobi_desktop.ui.widgets import ErrorLabel

NUMBER_ALIGNMENT = int(Qt.AlignRight | Qt.AlignVCenter)


class HoursModel(RowsTableModel):
    """(name, minutes) rows with their value at the rate."""

    def __init__(self, first_header: str, parent=None):
        super().__init__(parent)
        self.headers = (first_header, N_("Hours"), N_("Value"))
        self.rate = 0.0

    def set_hours(self, rows: list[tuple[str, int]], rate: float) -> None:
        self.rate = rate
        self.set_rows(rows)

    def cell(self, row: tuple[str, int], column: int, role: int):
        if role == Qt.TextAlignmentRole and column > 0:
            return NUMBER_ALIGNMENT
        if role != Qt.DisplayRole:
            return None
        name, minutes = row
        if column == 0:
            return name
        if column == 1:
            return hours_text(minutes)
        return money_text(round(minutes / 60 * self.rate, 2))


def _table(model: HoursModel, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.NoSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
    return table


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class HoursView(QWidget):
    """Choose a month (◀ ▶) or a period and see the volunteer hours and their value."""

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.picker = PeriodPicker((today or today_now)(), "hours")
        self.picker.changed.connect(self.refresh)
        self.totals: HoursTotals | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.error = ErrorLabel(self)

        self.hours_card = FigureCard(_("Volunteer hours"), "hoursTotal")
        self.volunteers_card = FigureCard(_("Volunteers with hours"), "hoursVolunteers")
        self.value_card = FigureCard(_("Value for the funders"), "hoursValue")
        cards = QGridLayout()
        cards.setSpacing(10)
        for index, card in enumerate((self.hours_card, self.volunteers_card, self.value_card)):
            cards.addWidget(card, 0, index)
            cards.setColumnStretch(index, 1)

        self.by_activity = HoursModel(N_("What was done"), self)
        self.by_volunteer = HoursModel(N_("Volunteer"), self)
        self.activity_table = _table(self.by_activity, "hoursByActivity")
        self.volunteer_table = _table(self.by_volunteer, "hoursByVolunteer")
        tables = QHBoxLayout()
        for title, table in (
            (_("By activity"), self.activity_table),
            (_("By volunteer"), self.volunteer_table),
        ):
            column = QVBoxLayout()
            column.addWidget(_bold(title))
            column.addWidget(table, 1)
            tables.addLayout(column, 1)
        note = QLabel(
            _(
                "Hours logged by hand, from friend meetings and from neighbour-help tasks. "
                "The value per hour is set in Settings."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.nothing = QLabel(_("No volunteer hours in this period."), objectName="hoursNothing")
        self.nothing.setStyleSheet("color: #555; font-weight: bold;")
        self.nothing.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addWidget(self.nothing)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addLayout(tables, 1)
        layout.addWidget(note)

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    # --- the hours ------------------------------------------------------------------------------

    @guarded
    def refresh(self) -> None:
        user = self.session.user
        try:
            totals = volunteer_hours.hours_totals(user, self.picker.first, self.picker.last)
        except LumijobiError as error:
            self.error.show_message(error.message)
            return
        self.totals = totals
        self.hours_card.set_value(hours_with_unit(totals.minutes))
        self.volunteers_card.set_value(format_number(totals.volunteers))
        self.value_card.set_value(
            money_text(totals.value), _("at {rate}").format(rate=rate_text(totals.rate))
        )
        activities = [
            (activity_name(activity), minutes) for activity, minutes in totals.by_activity.items()
        ]
        self.by_activity.set_hours(activities, totals.rate)
        self.by_volunteer.set_hours(
            volunteer_hours.hours_by_volunteer(user, self.picker.first, self.picker.last),
            totals.rate,
        )
        self.nothing.setVisible(totals.minutes == 0)
