"""The advice area: the coordinator's calendar (week or day) with the chosen booking beside it,
the queue, the coordinator's to-do list and the figures, as tabs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice, advice_hours, advice_notes, advice_queue
from lumijobi_desktop.core.advice import DayPlan, Slot, SlotState
from lumijobi_desktop.core.i18n import _, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.advice.booking_dialog import book_advice
from lumijobi_desktop.ui.advice.day_view import DayView
from lumijobi_desktop.ui.advice.figures_view import FiguresView
from lumijobi_desktop.ui.advice.queue_panel import QueuePanel
from lumijobi_desktop.ui.advice.session_panel import SessionPanel
from lumijobi_desktop.ui.advice.texts import current_moment, day_text, slot_when
from lumijobi_desktop.ui.advice.week_view import WeekView, legend
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate
from lumijobi_desktop.ui.events.month_view import week_title
from lumijobi_desktop.ui.papers import PaperChoiceDialog, print_or_save
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import PeriodControls, heading

WEEK, DAY = "week", "day"
PANEL_WIDTH = 330


class DayScheduleDialog(PaperChoiceDialog):
    """Before the day schedule: which day, with the notes or not; print or save."""

    def __init__(self, day: dt.date, *, may_add_notes: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Print day schedule"))
        self.setMinimumWidth(420)
        self.day = date_editor(day, "scheduleDay")
        self.with_notes = QCheckBox(_("With the notes (confidential)"), objectName="withNotes")
        self.with_notes.setVisible(may_add_notes)
        text = _("The coordinator's schedule of one day on A4: times, visitors, topics, languages.")
        form = QFormLayout()
        form.addRow(_("Day"), self.day)
        if may_add_notes:
            form.addRow("", self.with_notes)
        self._lay_out(text, form)

    def chosen_day(self) -> dt.date:
        return pydate(self.day.date())


class AdviceView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adviceView")
        self.session = session
        self.may_manage = session.can(Permission.MANAGE_ADVICE_HOURS)
        self.may_read_notes = session.can(Permission.READ_CONFIDENTIAL_NOTES)
        self.mode = WEEK
        self.anchor = current_moment().date()
        self.advisers = advice_hours.advisers()
        own = next((user for user in self.advisers if user.id == session.user.id), None)
        chosen = own or (self.advisers[0] if self.advisers else None)
        self.adviser_id: int | None = chosen.id if chosen is not None else None
        self.plans: list[DayPlan] = []
        self._stale = False
        self.tabs = QTabWidget(objectName="adviceTabs")
        self.calendar_page = QWidget(objectName="adviceCalendarPage")
        self._build_calendar_page()
        self.tabs.addTab(self.calendar_page, _("Calendar"))
        self.queue = QueuePanel(session)
        self.tabs.addTab(self.queue, _("Queue"))
        self.todo = None
        if self.may_read_notes:
            from lumijobi_desktop.ui.advice.todo_view import TodoView

            self.todo = TodoView(session)
            self.todo.session_requested.connect(self.open_session)
            self.todo.changed.connect(self.update_tab_titles)
            self.tabs.addTab(self.todo, _("To-do"))
        self.figures = FiguresView(session)
        self.tabs.addTab(self.figures, _("Figures"))
        self.queue.changed.connect(self._queue_changed)
        self.queue.session_booked.connect(lambda _id: self._queue_changed())
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    # building ---------------------------------------------------------------------------------
    def _build_calendar_page(self) -> None:
        self.period = heading("")
        self.period.setObjectName("advicePeriod")
        self.adviser_label = QLabel(_("Coordinator"))
        self.adviser_combo = QComboBox(objectName="adviserChooser")
        for user in self.advisers:
            self.adviser_combo.addItem(user.display_name, user.id)
        if self.adviser_id is not None:
            self.adviser_combo.setCurrentIndex(self.adviser_combo.findData(self.adviser_id))
        self.adviser_combo.currentIndexChanged.connect(self._adviser_chosen)
        several = len(self.advisers) > 1
        self.adviser_label.setVisible(several)
        self.adviser_combo.setVisible(several)

        self.period_controls = PeriodControls(
            self,
            ((WEEK, _("Week")), (DAY, _("Day"))),
            mode_width=80,
            on_mode=self.show_mode,
            on_step=self.step,
            on_today=self.go_to_today,
        )
        controls = self.period_controls
        self.week_button, self.day_button = (
            controls.mode_buttons[WEEK],
            controls.mode_buttons[DAY],
        )
        self.previous_button = controls.previous_button
        self.today_button = controls.today_button
        self.next_button = controls.next_button

        self.hours_button = QPushButton(_("Hours and days off…"), objectName="adviceHours")
        self.topics_button = QPushButton(_("Topics…"), objectName="adviceTopics")
        self.print_button = QPushButton(_("Print day schedule…"), objectName="printDaySchedule")
        for button in (self.hours_button, self.topics_button, self.print_button):
            button.setMinimumHeight(32)
        self.hours_button.setVisible(self.may_manage)
        self.topics_button.setVisible(self.may_manage)
        self.hours_button.clicked.connect(self.edit_hours)
        self.topics_button.clicked.connect(self.edit_topics)
        self.print_button.clicked.connect(self.print_day_schedule)

        self.notice = QLabel(objectName="adviceNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.PlainText)
        self.notice.setStyleSheet(
            "QLabel { background: #e6f4ea; color: #1b5e20; border-radius: 4px; padding: 6px 10px;"
            " font-weight: bold; }"
        )
        self.notice.hide()
        self.no_adviser = QLabel(
            _(
                "Nobody gives advice yet. An admin can add a user with the coordinator role;"
                " the coordinator then sets the hours here."
            ),
            objectName="noAdviser",
        )
        self.no_adviser.setWordWrap(True)
        self.no_adviser.setAlignment(Qt.AlignCenter)
        self.no_adviser.setStyleSheet("color: #5f6368; padding: 40px;")

        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.adviser_label)
        top.addWidget(self.adviser_combo)
        top.addSpacing(8)
        top.addWidget(self.hours_button)
        top.addWidget(self.topics_button)
        top.addWidget(self.print_button)
        second = QHBoxLayout()
        self.period_controls.add_to(second, 14)
        second.addStretch(1)
        second.addWidget(legend())

        self.week_view = WeekView()
        self.day_view = DayView()
        self.views = QStackedWidget()
        self.views.addWidget(self.week_view)
        self.views.addWidget(self.day_view)
        self.views.addWidget(self.no_adviser)
        for view in (self.week_view, self.day_view):
            view.slot_clicked.connect(self._slot_clicked)
            view.slot_activated.connect(self._slot_activated)
        self.week_view.selection_changed.connect(self._selection_changed)
        self.week_view.day_opened.connect(self.show_day)

        self.panel = SessionPanel(self.session)
        self.panel.changed.connect(self._panel_changed)
        self.panel.book_requested.connect(self.book)
        self.panel.queue_requested.connect(lambda: self.tabs.setCurrentWidget(self.queue))
        self.panel.notice.connect(self.show_notice)
        if self.panel.notes is not None:
            self.panel.notes.session_requested.connect(self.open_session)
            self.panel.notes.changed.connect(self.update_tab_titles)
        self.panel_scroll = QScrollArea(objectName="sessionPanelScroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.NoFrame)
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setFixedWidth(PANEL_WIDTH)

        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.views, 1)
        body.addWidget(self.panel_scroll)
        layout = QVBoxLayout(self.calendar_page)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        for keys, step in ((QKeySequence.MoveToPreviousPage, -1), (QKeySequence.MoveToNextPage, 1)):
            shortcut = QShortcut(keys, self.calendar_page)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self.week_button.setChecked(True)

    # the period -------------------------------------------------------------------------------
    def shown_days(self) -> tuple[dt.date, dt.date]:
        if self.mode == WEEK:
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return monday, monday + dt.timedelta(days=6)
        return self.anchor, self.anchor

    def show_mode(self, mode: str, day: dt.date | None = None) -> None:
        """Week or day; the day shown is `day`, else the chosen time's, else today's."""
        chosen = self._selected_slot()
        if day is not None:
            self.anchor = day
        elif mode == DAY and self.mode == WEEK:
            self.anchor = self._chosen_day()
        self.mode = mode
        self.period_controls.check(mode)
        keep = chosen.start if chosen is not None else None
        self.refresh(keep=keep)
        self.views.currentWidget().setFocus()

    def show_day(self, day: dt.date) -> None:
        self.show_mode(DAY, day)

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def go_to_today(self) -> None:
        self.go_to(current_moment().date())

    def step(self, direction: int) -> None:
        self.anchor += (
            dt.timedelta(weeks=direction) if self.mode == WEEK else dt.timedelta(direction)
        )
        self.refresh()

    def _chosen_day(self) -> dt.date:
        """The day a 'Day' view or the day schedule is about: the chosen time's, or today's."""
        if self.mode == DAY:
            return self.anchor
        slot = self.week_view.selected_slot()
        if slot is not None:
            return slot.start.date()
        first, last = self.shown_days()
        today = current_moment().date()
        if first <= today <= last:
            return today
        days = [plan.day for plan in self.plans if plan.windows]
        return days[0] if days else first

    def _selected_slot(self) -> Slot | None:
        view = self.week_view if self.mode == WEEK else self.day_view
        return view.selected_slot()

    @guarded
    def refresh(self, keep: dt.datetime | None = None) -> None:
        self._stale = False
        self.update_tab_titles()
        first, last = self.shown_days()
        if self.mode == WEEK:
            self.period.setText(week_title(first))
            self.previous_button.setToolTip(_("Previous week (Page Up)"))
            self.next_button.setToolTip(_("Next week (Page Down)"))
        else:
            self.period.setText(day_text(first))
            self.previous_button.setToolTip(_("Previous day (Page Up)"))
            self.next_button.setToolTip(_("Next day (Page Down)"))
        if self.adviser_id is None:
            self.views.setCurrentWidget(self.no_adviser)
            self.panel_scroll.hide()
            for button in (self.hours_button, self.print_button):
                button.setEnabled(False)
            return
        if keep is None:
            slot = self._selected_slot()
            keep = slot.start if slot is not None else None
        moment = current_moment()
        self.plans = advice.day_plans(self.session.user, self.adviser_id, first, last)
        if self.mode == WEEK:
            self.week_view.show_week(first, self.plans, moment, keep=keep)
            self.views.setCurrentWidget(self.week_view)
        else:
            self.day_view.show_day(self.plans[0], moment, keep=keep)
            self.views.setCurrentWidget(self.day_view)
        self._refresh_panel(keep)

    def _refresh_panel(self, keep: dt.datetime | None) -> None:
        """The panel follows the data: a booking is read again, a time looked up again."""
        session_id = self.panel.current_session_id()
        if session_id is not None:
            self.panel.show_session(session_id)
            return
        if self.panel.slot is None:
            return
        start = self.panel.slot.start
        found = next(
            (slot for plan in self.plans for slot in plan.slots if slot.start == start), None
        )
        self.panel.show_slot(found)

    def update_tab_titles(self) -> None:
        to_call = len(advice_queue.offers_to_call(self.session.user))
        self.tabs.setTabText(
            self.tabs.indexOf(self.queue),
            ngettext("Queue ({count} to call)", "Queue ({count} to call)", to_call).format(
                count=to_call
            )
            if to_call
            else _("Queue"),
        )
        if self.todo is not None:
            due = advice_notes.due_count(self.session.user, current_moment().date())
            self.tabs.setTabText(
                self.tabs.indexOf(self.todo),
                _("To-do ({count})").format(count=due) if due else _("To-do"),
            )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.tabs.currentWidget() is self.calendar_page:
            self.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.calendar_page and self._stale:
            self.refresh()

    def _queue_changed(self) -> None:
        self._stale = True
        self.update_tab_titles()

    # the adviser ------------------------------------------------------------------------------
    @guarded
    def _adviser_chosen(self, _index: int) -> None:
        self.adviser_id = self.adviser_combo.currentData()
        self.panel.show_slot(None)
        self.refresh()

    def choose_adviser(self, adviser_id: int) -> None:
        index = self.adviser_combo.findData(adviser_id)
        if index >= 0 and adviser_id != self.adviser_id:
            self.adviser_combo.setCurrentIndex(index)

    # times and bookings -----------------------------------------------------------------------
    def _slot_clicked(self, slot: Slot) -> None:
        self.panel.show_slot(slot)

    def _selection_changed(self, slot: Slot | None) -> None:
        if slot is not None:
            self.panel.show_slot(slot)

    @guarded
    def _slot_activated(self, slot: Slot) -> None:
        if slot.state == SlotState.FREE:
            if slot.start < current_moment():
                self.panel.show_slot(slot)
                return
            self.book(slot.start)
            return
        self.panel.show_slot(slot)

    @guarded
    def book(self, start: dt.datetime) -> None:
        if self.adviser_id is None:
            return
        session_id = book_advice(self, self.session, adviser_id=self.adviser_id, starts_at=start)
        if session_id is None:
            self.refresh()
            return
        self.open_session(session_id)
        row = advice.session_row(self.session.user, session_id)
        self.show_notice(
            _("Booked: {name}, {when}.").format(
                name=row.person_name, when=slot_when(row.starts_at, row.ends_at)
            )
        )

    @guarded
    def open_session(self, session_id: int) -> None:
        """Show a booking: its adviser's calendar, its week, the booking chosen beside it."""
        row = advice.session_row(self.session.user, session_id)
        self.tabs.setCurrentWidget(self.calendar_page)
        if row.adviser_id is not None:
            self.choose_adviser(row.adviser_id)
        self.anchor = row.starts_at.date()
        self.panel.show_session(session_id)
        self.refresh(keep=row.starts_at)
        if self.mode == WEEK:
            block = self.week_view.block_of_session(session_id)
            if block is not None:
                center = block.rect.center()
                self.week_view.scroll.ensureVisible(center.x(), center.y(), 10, 60)
        self.views.currentWidget().setFocus()

    def _panel_changed(self, _session_id) -> None:
        self.refresh()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # the coordinator's settings and papers ----------------------------------------------------
    @guarded
    def edit_hours(self) -> None:
        from lumijobi_desktop.ui.advice.hours_dialog import HoursDialog

        if self.adviser_id is None:
            return
        dialog = HoursDialog(self.session, self.adviser_id, self)
        dialog.exec()
        if dialog.changed:
            self.show_notice(dialog.notice.text())
            self.refresh()

    @guarded
    def edit_topics(self) -> None:
        from lumijobi_desktop.ui.advice.topics_dialog import TopicsDialog

        dialog = TopicsDialog(self.session, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    @guarded
    def print_day_schedule(self) -> None:
        if self.adviser_id is None:
            return
        dialog = DayScheduleDialog(
            self._chosen_day(), may_add_notes=self.may_read_notes, parent=self
        )
        choice = dialog.exec()
        if choice not in (DayScheduleDialog.PRINT, DayScheduleDialog.SAVE):
            return
        from lumijobi_desktop.printing import advice_papers

        day = dialog.chosen_day()
        with_notes = self.may_read_notes and dialog.with_notes.isChecked()
        user, adviser_id = self.session.user, self.adviser_id

        def render(path: Path) -> None:
            advice_papers.write_day_schedule(user, adviser_id, day, path, with_notes=with_notes)

        print_or_save(
            self,
            choice == DayScheduleDialog.PRINT,
            _("Save the day schedule"),
            f"advice-day-{day:%Y-%m-%d}.pdf",
            render,
        )
