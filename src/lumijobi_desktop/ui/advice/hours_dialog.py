"""The coordinator's hours: weekly times, days off and one-off extra times.

Every change is offered to the queue at once (`offer_free_times`), so new
time reaches the people waiting. Bad input shows a red line and changes
nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice, advice_hours, advice_queue
from lumijobi_desktop.core.advice_hours import (
    DEFAULT_SLOT_MINUTES,
    PLACE_MAX,
    SLOT_LENGTHS,
    AdviceDayChange,
    AdviceHours,
    DayChangeKind,
    HoursData,
)
from lumijobi_desktop.core.i18n import _, format_date, format_time, ngettext
from lumijobi_desktop.ui.advice.texts import capitalized, current_moment, day_text
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate, pytime, time_editor
from lumijobi_desktop.ui.events.month_view import long_weekday
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, confirm, heading, save_cancel_buttons

# How far ahead the days off and extra times are listed.
CHANGES_AHEAD = dt.timedelta(days=366)
A_MONDAY = dt.date(2026, 11, 30)


def weekday_text(weekday: int) -> str:
    """'Tiistai' for 1: the stand-alone weekday name."""
    return capitalized(long_weekday(A_MONDAY + dt.timedelta(days=weekday)))


def minutes_text(minutes: int) -> str:
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def slot_combo(selected: int = DEFAULT_SLOT_MINUTES, name: str = "slotLength") -> QComboBox:
    combo = QComboBox(objectName=name)
    for length in SLOT_LENGTHS:
        combo.addItem(minutes_text(length), length)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


def _times_text(starts: dt.time, ends: dt.time) -> str:
    return f"{format_time(starts)}–{format_time(ends)}"


class _Form(QDialog):
    """A small form with a red error line and Save / Cancel."""

    def __init__(self, session: DeskSession, adviser_id: int, title: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.adviser_id = adviser_id
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.save, save_name="saveHours"))
        self.result_text = ""

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def action(self) -> None:  # pragma: no cover - each form has its own
        raise NotImplementedError

    def save(self) -> None:
        if run_form_action(self, self.error, self.action):
            self.accept()


class WeeklyHoursDialog(_Form):
    def __init__(self, session: DeskSession, adviser_id: int, place: str = "", parent=None):
        super().__init__(session, adviser_id, _("Add weekly hours"), parent)
        self.weekday = QComboBox(objectName="hoursWeekday")
        for number in range(7):
            self.weekday.addItem(weekday_text(number), number)
        self.weekday.setCurrentIndex(1)
        self.starts = time_editor(dt.time(10), "hoursStarts")
        self.ends = time_editor(dt.time(14), "hoursEnds")
        self.slot = slot_combo()
        self.place = QLineEdit(place, objectName="hoursPlace")
        self.place.setMaxLength(PLACE_MAX)
        today = current_moment().date()
        self.valid_from = date_editor(today, "hoursFrom")
        self.until_given = QCheckBox(_("Ends on"), objectName="hoursUntilGiven")
        self.valid_until = date_editor(today + dt.timedelta(weeks=26), "hoursUntil")
        self.valid_until.setEnabled(False)
        self.until_given.toggled.connect(self.valid_until.setEnabled)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ends)
        times.addStretch(1)
        until = QHBoxLayout()
        until.addWidget(self.until_given)
        until.addWidget(self.valid_until)
        until.addStretch(1)
        self.form.addRow(_("Weekday"), self.weekday)
        self.form.addRow(_("Time"), times)
        self.form.addRow(_("Time per visitor"), self.slot)
        self.form.addRow(_("Place"), self.place)
        self.form.addRow(_("From"), self.valid_from)
        self.form.addRow(_("Until"), until)
        self.say(_("The hours repeat every week on this weekday, except on public holidays."))

    def action(self) -> None:
        advice_hours.add_weekly_hours(
            self.session.user,
            self.adviser_id,
            HoursData(
                weekday=self.weekday.currentData(),
                starts=pytime(self.starts.time()),
                ends=pytime(self.ends.time()),
                slot_minutes=self.slot.currentData(),
                place=self.place.text(),
                valid_from=pydate(self.valid_from.date()),
                valid_until=pydate(self.valid_until.date())
                if self.until_given.isChecked()
                else None,
            ),
        )
        self.result_text = _("Weekly hours added.")


class EndHoursDialog(_Form):
    def __init__(self, session: DeskSession, rule: AdviceHours, parent=None):
        super().__init__(session, rule.adviser_id, _("End weekly hours"), parent)
        self.rule = rule
        today = current_moment().date()
        self.last_day = date_editor(max(today, rule.valid_from), "hoursLastDay")
        self.say(
            _(
                "{weekday} {times}: the last day of these hours. Bookings already made stay;"
                " the calendar shows them outside the hours."
            ).format(weekday=weekday_text(rule.weekday), times=_times_text(rule.starts, rule.ends))
        )
        self.form.addRow(_("Last day"), self.last_day)

    def action(self) -> None:
        advice_hours.end_weekly_hours(self.session.user, self.rule.id, pydate(self.last_day.date()))
        self.result_text = _("The weekly hours end on {date}.").format(
            date=format_date(pydate(self.last_day.date()))
        )


class DayOffDialog(_Form):
    def __init__(self, session: DeskSession, adviser_id: int, parent=None):
        super().__init__(session, adviser_id, _("Add a day off"), parent)
        self.day = date_editor(current_moment().date(), "dayOffDate")
        self.whole_day = QCheckBox(_("The whole day"), objectName="dayOffWholeDay")
        self.whole_day.setChecked(True)
        self.starts = time_editor(dt.time(10), "dayOffStarts")
        self.ends = time_editor(dt.time(12), "dayOffEnds")
        self.note = QLineEdit(objectName="dayOffNote")
        self.note.setMaxLength(advice_hours.NOTE_MAX)
        self.note.setPlaceholderText(_("e.g. training, holiday"))
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ends)
        times.addStretch(1)
        self.times = QWidget()
        self.times.setLayout(times)
        times.setContentsMargins(0, 0, 0, 0)
        self.times.setEnabled(False)
        self.whole_day.toggled.connect(lambda whole: self.times.setEnabled(not whole))
        self.form.addRow(_("Date"), self.day)
        self.form.addRow("", self.whole_day)
        self.form.addRow(_("Time off"), self.times)
        self.form.addRow(_("Note"), self.note)
        self.say(_("No bookings can be made in a day off. Bookings already made stay."))

    def action(self) -> None:
        whole = self.whole_day.isChecked()
        day = pydate(self.day.date())
        advice_hours.add_day_off(
            self.session.user,
            self.adviser_id,
            day,
            None if whole else pytime(self.starts.time()),
            None if whole else pytime(self.ends.time()),
            self.note.text(),
        )
        self.result_text = _("Day off added: {day}.").format(day=day_text(day))
        booked = advice.sessions_between(self.session.user, day, day, adviser_id=self.adviser_id)
        booked = [row for row in booked if row.status == advice.SessionStatus.BOOKED.value]
        if booked:
            self.result_text += " " + ngettext(
                "{count} booking on that day stays: move or cancel it in the calendar.",
                "{count} bookings on that day stay: move or cancel them in the calendar.",
                len(booked),
            ).format(count=len(booked))


class ExtraTimeDialog(_Form):
    def __init__(self, session: DeskSession, adviser_id: int, place: str = "", parent=None):
        super().__init__(session, adviser_id, _("Add extra time"), parent)
        self.day = date_editor(current_moment().date(), "extraDate")
        self.starts = time_editor(dt.time(10), "extraStarts")
        self.ends = time_editor(dt.time(12), "extraEnds")
        self.slot = slot_combo(name="extraSlotLength")
        self.place = QLineEdit(place, objectName="extraPlace")
        self.place.setMaxLength(PLACE_MAX)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ends)
        times.addStretch(1)
        self.form.addRow(_("Date"), self.day)
        self.form.addRow(_("Time"), times)
        self.form.addRow(_("Time per visitor"), self.slot)
        self.form.addRow(_("Place"), self.place)
        self.say(_("Extra time on one date, besides the weekly hours."))

    def action(self) -> None:
        day = pydate(self.day.date())
        advice_hours.add_extra_hours(
            self.session.user,
            self.adviser_id,
            day,
            pytime(self.starts.time()),
            pytime(self.ends.time()),
            self.slot.currentData(),
            self.place.text(),
        )
        self.result_text = _("Extra time added: {day}.").format(day=day_text(day))


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(150)
    return table


def _item(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.UserRole, data)
    return item


class HoursDialog(QDialog):
    """The adviser's weekly hours, and their days off and extra times for the coming months."""

    def __init__(self, session: DeskSession, adviser_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.adviser_id = adviser_id
        self.changed = False
        adviser = advice_hours.get_adviser(adviser_id)
        self.setWindowTitle(_("Hours and days off"))
        self.resize(820, 640)
        title = heading(_("Advice hours of {name}").format(name=adviser.display_name))
        title.setWordWrap(True)

        self.weekly = _table(
            "weeklyHours",
            [_("Weekday"), _("Time"), _("Time per visitor"), _("Place"), _("From"), _("Until")],
        )
        self.weekly.itemSelectionChanged.connect(self._update_buttons)
        self.add_hours_button = QPushButton(_("Add weekly hours…"), objectName="addHours")
        self.end_hours_button = QPushButton(_("End these hours…"), objectName="endHours")
        self.add_hours_button.clicked.connect(self.add_weekly_hours)
        self.end_hours_button.clicked.connect(self.end_weekly_hours)

        self.changes = _table("dayChanges", [_("Date"), _("What"), _("Time"), _("Place or note")])
        self.changes.itemSelectionChanged.connect(self._update_buttons)
        self.day_off_button = QPushButton(_("Add day off…"), objectName="addDayOff")
        self.extra_button = QPushButton(_("Add extra time…"), objectName="addExtraTime")
        self.remove_button = QPushButton(_("Remove"), objectName="removeDayChange")
        self.day_off_button.clicked.connect(self.add_day_off)
        self.extra_button.clicked.connect(self.add_extra_time)
        self.remove_button.clicked.connect(self.remove_change)

        self.notice = QLabel(objectName="hoursNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.error = ErrorLabel()

        for button in (
            self.add_hours_button,
            self.end_hours_button,
            self.day_off_button,
            self.extra_button,
            self.remove_button,
        ):
            button.setMinimumHeight(32)
        weekly_buttons = QHBoxLayout()
        weekly_buttons.addWidget(self.add_hours_button)
        weekly_buttons.addWidget(self.end_hours_button)
        weekly_buttons.addStretch(1)
        change_buttons = QHBoxLayout()
        change_buttons.addWidget(self.day_off_button)
        change_buttons.addWidget(self.extra_button)
        change_buttons.addWidget(self.remove_button)
        change_buttons.addStretch(1)
        close = QDialogButtonBox()
        close.addButton(_("Close"), QDialogButtonBox.RejectRole)
        close.rejected.connect(self.accept)

        def section(text: str) -> QLabel:
            label = QLabel(text)
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            label.setFont(font)
            return label

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(section(_("Every week")))
        layout.addWidget(self.weekly, 1)
        layout.addLayout(weekly_buttons)
        layout.addSpacing(8)
        layout.addWidget(section(_("Days off and extra times in the coming months")))
        layout.addWidget(self.changes, 1)
        layout.addLayout(change_buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.reload()

    # lists ------------------------------------------------------------------------------------
    def reload(self) -> None:
        today = current_moment().date()
        rules = advice_hours.weekly_hours(self.adviser_id, today)
        self.weekly.setRowCount(len(rules))
        for number, rule in enumerate(rules):
            values = [
                weekday_text(rule.weekday),
                _times_text(rule.starts, rule.ends),
                minutes_text(rule.slot_minutes),
                rule.place,
                format_date(rule.valid_from),
                format_date(rule.valid_until) if rule.valid_until else _("for now"),
            ]
            for column, value in enumerate(values):
                self.weekly.setItem(number, column, _item(value, rule.id))
        changes = advice_hours.day_changes(self.adviser_id, today, today + CHANGES_AHEAD)
        self.changes.setRowCount(len(changes))
        for number, change in enumerate(changes):
            for column, value in enumerate(change_texts(change)):
                self.changes.setItem(number, column, _item(value, change.id))
        self._update_buttons()

    def weekly_rows(self) -> list[list[str]]:
        return _texts(self.weekly)

    def change_rows(self) -> list[list[str]]:
        return _texts(self.changes)

    def _selected_id(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        return table.item(rows[0].row(), 0).data(Qt.UserRole)

    def _update_buttons(self) -> None:
        self.end_hours_button.setEnabled(self._selected_id(self.weekly) is not None)
        self.remove_button.setEnabled(self._selected_id(self.changes) is not None)

    def _usual_place(self) -> str:
        rules = advice_hours.weekly_hours(self.adviser_id, current_moment().date())
        return rules[0].place if rules else ""

    # changes ----------------------------------------------------------------------------------
    def _after_change(self, text: str) -> None:
        self.changed = True
        offers = advice_queue.offer_free_times(self.session.user, current_moment())
        if offers:
            text += " " + ngettext(
                "{count} person in the queue was offered a time: see the queue.",
                "{count} people in the queue were offered a time: see the queue.",
                len(offers),
            ).format(count=len(offers))
        self.error.clear_message()
        self.notice.setText(text)
        self.reload()

    def _run(self, form: _Form) -> None:
        if form.exec():
            self._after_change(form.result_text)

    @guarded
    def add_weekly_hours(self) -> None:
        self._run(WeeklyHoursDialog(self.session, self.adviser_id, self._usual_place(), self))

    @guarded
    def end_weekly_hours(self) -> None:
        rule_id = self._selected_id(self.weekly)
        if rule_id is None:
            return
        rule = AdviceHours.get_by_id(rule_id)
        self._run(EndHoursDialog(self.session, rule, self))

    @guarded
    def add_day_off(self) -> None:
        self._run(DayOffDialog(self.session, self.adviser_id, self))

    @guarded
    def add_extra_time(self) -> None:
        self._run(ExtraTimeDialog(self.session, self.adviser_id, self._usual_place(), self))

    @guarded
    def remove_change(self) -> None:
        change_id = self._selected_id(self.changes)
        if change_id is None:
            return
        change = AdviceDayChange.get_by_id(change_id)
        what, when = change_texts(change)[1], day_text(change.day)
        question = (
            _("Remove the day off on {day}?")
            if change.kind == DayChangeKind.OFF.value
            else _("Remove the extra time on {day}?")
        ).format(day=when)
        if not confirm(self, _("Remove"), question):
            return
        advice_hours.remove_day_change(self.session.user, change_id)
        self._after_change(_("Removed: {what}, {day}.").format(what=what, day=when))


def change_texts(change: AdviceDayChange) -> list[str]:
    """Date, what, time, place or note: one row of the days off and extra times."""
    off = change.kind == DayChangeKind.OFF.value
    what = _("Day off") if off else _("Extra time")
    time = _("Whole day") if change.whole_day else _times_text(change.starts, change.ends)
    detail = change.note if off else change.place
    return [day_text(change.day), what, time, detail]


def _texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
