"""The events area: the calendar (month, week, list) and, in front of it, one event's page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import events
from lumijobi_desktop.core.event_sharing import export_calendar
from lumijobi_desktop.core.i18n import _, current_language, format_date, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.event_detail import EventDetailView
from lumijobi_desktop.ui.events.event_dialog import EventDialog, SeriesDialog
from lumijobi_desktop.ui.events.event_list import EventListView
from lumijobi_desktop.ui.events.month_view import (
    MonthView,
    add_months,
    month_grid_days,
    month_title,
    week_title,
)
from lumijobi_desktop.ui.events.week_view import WeekView
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import PeriodControls, heading

MONTH, WEEK, LIST = "month", "week", "list"
EXPORT_AHEAD_DAYS = 365


class EventsView(QWidget):
    event_opened = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.may_manage = session.can(Permission.MANAGE_EVENTS)
        self.mode = MONTH
        self.anchor = dt.date.today()
        self.detail: EventDetailView | None = None
        self._focus_day: dt.date | None = None
        self._stale = False
        self.stack = QStackedWidget()
        self.calendar_page = QWidget(objectName="calendarPage")
        self.event_page = QWidget(objectName="eventPage")
        self.event_page_layout = QVBoxLayout(self.event_page)
        self.event_page_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.calendar_page)
        self.stack.addWidget(self.event_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_calendar_page()
        self.refresh()

    # building -----------------------------------------------------------------------------
    def _build_calendar_page(self) -> None:
        self.period = heading("")
        self.period.setObjectName("periodTitle")
        self.new_event_button = QPushButton(_("New event"), objectName="newEvent")
        self.new_series_button = QPushButton(_("New weekly series"), objectName="newSeries")
        self.export_button = QPushButton(
            _("Export to calendar file (.ics)…"), objectName="exportCalendar"
        )
        for button in (self.new_event_button, self.new_series_button):
            button.setMinimumHeight(34)
            button.setVisible(self.may_manage)
        self.new_event_button.clicked.connect(lambda: self.new_event())
        self.new_series_button.clicked.connect(self.new_series)
        self.export_button.clicked.connect(self.export_calendar)

        self.period_controls = PeriodControls(
            self,
            ((MONTH, _("Month")), (WEEK, _("Week")), (LIST, _("List"))),
            mode_width=84,
            on_mode=self.show_mode,
            on_step=self.step,
            on_today=self.go_to_today,
        )
        controls = self.period_controls
        self.month_button, self.week_button, self.list_button = (
            controls.mode_buttons[MONTH],
            controls.mode_buttons[WEEK],
            controls.mode_buttons[LIST],
        )
        self.previous_button = controls.previous_button
        self.today_button = controls.today_button
        self.next_button = controls.next_button
        self.notice = QLabel(objectName="calendarNotice")
        self.notice.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.notice.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.new_event_button)
        top.addWidget(self.new_series_button)
        second = QHBoxLayout()
        self.period_controls.add_to(second, 18)
        second.addSpacing(12)
        second.addWidget(self.notice, 1)
        second.addWidget(self.export_button)

        self.month_view = MonthView()
        self.month_view.can_create = self.may_manage
        self.week_view = WeekView()
        self.week_view.can_create = self.may_manage
        self.list_view = EventListView(self.session)
        self.views = QStackedWidget()
        for view in (self.month_view, self.week_view, self.list_view):
            self.views.addWidget(view)
        self.month_view.event_clicked.connect(self.open_event)
        self.month_view.day_opened.connect(self.show_day)
        self.month_view.new_event_requested.connect(self.new_event)
        self.week_view.event_clicked.connect(self.open_event)
        self.week_view.new_event_requested.connect(self.new_event)
        self.list_view.event_activated.connect(self.open_event)

        layout = QVBoxLayout(self.calendar_page)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.views, 1)
        for keys, step in ((QKeySequence.MoveToPreviousPage, -1), (QKeySequence.MoveToNextPage, 1)):
            shortcut = QShortcut(keys, self.calendar_page)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.mode != LIST and self.step(s))
        self.month_button.setChecked(True)

    # the calendar ---------------------------------------------------------------------------
    def show_mode(self, mode: str) -> None:
        self.mode = mode
        self.period_controls.check(mode)
        self.views.setCurrentWidget(
            {MONTH: self.month_view, WEEK: self.week_view, LIST: self.list_view}[mode]
        )
        self.refresh()
        if mode == LIST:
            self.list_view.search.setFocus()
        else:
            self.views.currentWidget().setFocus()

    def show_day(self, day: dt.date) -> None:
        """The day in the week view (from '+2 more' or a day's number in the month)."""
        self.anchor = day
        self._focus_day = day
        self.show_mode(WEEK)

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def go_to_today(self) -> None:
        self.go_to(dt.date.today())

    def step(self, direction: int) -> None:
        if self.mode == MONTH:
            self.anchor = add_months(self.anchor.replace(day=1), direction)
        elif self.mode == WEEK:
            self.anchor += dt.timedelta(weeks=direction)
        self._focus_day = None
        self.refresh()

    def shown_days(self) -> tuple[dt.date, dt.date]:
        """The days the export and the views cover now."""
        if self.mode == MONTH:
            first = self.anchor.replace(day=1)
            return first, add_months(first, 1) - dt.timedelta(days=1)
        if self.mode == WEEK:
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return monday, monday + dt.timedelta(days=6)
        today = dt.date.today()
        return today, today + dt.timedelta(days=EXPORT_AHEAD_DAYS)

    @guarded
    def refresh(self) -> None:
        self._stale = False
        user = self.session.user
        today = dt.date.today()
        navigable = self.mode != LIST
        for button in (self.previous_button, self.today_button, self.next_button):
            button.setVisible(navigable)
        if self.mode == MONTH:
            self.period.setText(month_title(self.anchor.year, self.anchor.month))
            self.previous_button.setToolTip(_("Previous month (Page Up)"))
            self.next_button.setToolTip(_("Next month (Page Down)"))
            first, last = month_grid_days(self.anchor.year, self.anchor.month)
            self.month_view.show_month(
                self.anchor.year,
                self.anchor.month,
                events.events_between(user, first, last),
                today=today,
                selected=self.anchor,
            )
        elif self.mode == WEEK:
            monday, sunday = self.shown_days()
            self.period.setText(week_title(monday))
            self.previous_button.setToolTip(_("Previous week (Page Up)"))
            self.next_button.setToolTip(_("Next week (Page Down)"))
            self.week_view.show_week(
                monday,
                events.events_between(user, monday, sunday),
                today=today,
                focus_day=self._focus_day,
            )
        else:
            self.period.setText(_("All events"))
            self.list_view.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.calendar_page:
            self.refresh()

    # one event ------------------------------------------------------------------------------
    @guarded
    def open_event(self, event_id: int, tab: str | None = None) -> None:
        """Show one event; without `tab`, a drop-in meeting opens at its door (the headcount),
        an event with sign-ups at its sign-ups."""
        self.notice.clear()
        detail = EventDetailView(self.session, event_id, self.event_page)
        detail.back_requested.connect(self.show_calendar)
        detail.changed.connect(self._mark_stale)
        if self.detail is not None:
            self.event_page_layout.removeWidget(self.detail)
            # Hidden at once: deleteLater waits for the event loop, and until then the old
            # page would be drawn under the new one.
            self.detail.hide()
            self.detail.deleteLater()
        self.detail = detail
        self.event_page_layout.addWidget(detail)
        self.stack.setCurrentWidget(self.event_page)
        detail.show_tab(tab)
        self.event_opened.emit(event_id)

    @guarded
    def _mark_stale(self) -> None:
        self._stale = True

    def show_calendar(self) -> None:
        self.stack.setCurrentWidget(self.calendar_page)
        self.refresh()
        self.views.currentWidget().setFocus()

    def current_detail(self) -> EventDetailView | None:
        return self.detail if self.stack.currentWidget() is self.event_page else None

    # planning -------------------------------------------------------------------------------
    @guarded
    def new_event(self, day: dt.date | None = None) -> None:
        if day is None and self.mode == MONTH:
            chosen = self.month_view.selected_day
            first, last = self.shown_days()
            if first <= chosen <= last and chosen >= dt.date.today():
                day = chosen
        dialog = EventDialog(self.session, day=day, parent=self)
        if dialog.exec() and dialog.event_id is not None:
            event = events.get_event(self.session.user, dialog.event_id)
            self.anchor = event.starts_at.date()
            self._focus_day = self.anchor
            self.refresh()
            self.notice.setText(
                _("Saved: {title}, {date}.").format(
                    title=event.local_title(), date=format_date(event.starts_at.date())
                )
            )

    @guarded
    def new_series(self) -> None:
        dialog = SeriesDialog(self.session, parent=self)
        if dialog.exec() and dialog.series_id is not None:
            if dialog.first_occasion is not None:
                self.anchor = dialog.first_occasion
            self.refresh()
            self.notice.setText(dialog.result_text)

    # the calendar file ----------------------------------------------------------------------
    def _export_file_name(self) -> str:
        first, _last = self.shown_days()
        if self.mode == MONTH:
            return f"lumijobi-{first:%Y-%m}.ics"
        if self.mode == WEEK:
            return f"lumijobi-{first.isocalendar().year}-w{first.isocalendar().week:02d}.ics"
        return f"lumijobi-{first:%Y-%m-%d}.ics"

    @guarded
    def export_calendar(self) -> None:
        first, last = self.shown_days()
        suggested = str(Path.home() / self._export_file_name())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export to calendar file"), suggested, _("Calendar files (*.ics)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        count = export_calendar(
            self.session.user,
            path,
            first,
            last,
            self.session.centre_name,
            current_language().code,
        )
        self.notice.setText(
            ngettext(
                "{count} event saved in {file}.", "{count} events saved in {file}.", count
            ).format(count=count, file=path.name)
        )
