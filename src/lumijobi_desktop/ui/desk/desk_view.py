"""Check-in: a few letters, Enter to pick the top match, Enter to confirm the purpose."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice, database, person_search, visits
from lumijobi_desktop.core.i18n import (
    _,
    format_date,
    format_time,
    language_display_name,
    ngettext,
)
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.visits import Purpose, purpose_name
from lumijobi_desktop.ui.advice.texts import advice_when
from lumijobi_desktop.ui.desk.models import PersonResultsModel, TodayVisitsModel, today
from lumijobi_desktop.ui.desk.upcoming import CallListPanel, UpcomingEventsPanel
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import confirm, heading

PURPOSES = list(Purpose)


def _larger(widget: QWidget, factor: float = 1.25) -> None:
    font: QFont = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


class _KeyForwarder(QObject):
    """Lets the search box move through the results with the arrow keys."""

    def __init__(self, view: QListView, parent: QObject):
        super().__init__(parent)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_Up):
            model = self.view.model()
            if model.rowCount():
                row = self.view.currentIndex().row()
                step = 1 if event.key() == Qt.Key_Down else -1
                row = min(max(row + step, 0), model.rowCount() - 1)
                self.view.setCurrentIndex(model.index(row, 0))
            return True
        return False


class CheckInPanel(QFrame):
    """The chosen person and the purpose; Enter checks in, Esc goes back to the search."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkInPanel")
        self.setFrameShape(QFrame.StyledPanel)
        self.setFocusPolicy(Qt.StrongFocus)
        # The chosen purpose must be obvious at a glance, whatever the platform style.
        self.setStyleSheet(
            "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"
            "#checkInPanel:focus { border: 2px solid #1565c0; }"
        )
        self.person: Person | None = None
        self.name = heading("")
        self.name.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        # The person's next advice time: what a visitor often comes to ask.
        self.advice = QLabel(objectName="deskAdviceTime")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; padding: 4px; border-radius: 4px;"
        )
        self.advice.hide()
        self.purposes = QButtonGroup(self)
        # One full-width row per purpose: long words (Kahvitilaisuus, Консультація) fit,
        # and the targets are big for people not used to a mouse.
        stack = QVBoxLayout()
        for number, purpose in enumerate(PURPOSES, start=1):
            button = QPushButton(f"{number}   {purpose_name(purpose)}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.setObjectName(f"purpose_{purpose.value}")
            button.setMinimumHeight(34)
            button.setStyleSheet("text-align: left; padding-left: 10px;")
            self.purposes.addButton(button, number - 1)
            stack.addWidget(button)
        self.confirm_button = QPushButton(_("Check in (Enter)"))
        self.confirm_button.setObjectName("confirmCheckIn")
        self.confirm_button.setFocusPolicy(Qt.NoFocus)
        _larger(self.confirm_button)
        self.confirm_button.setMinimumHeight(44)
        cancel = QPushButton(_("Back (Esc)"))
        cancel.setFocusPolicy(Qt.NoFocus)
        self.confirm_button.clicked.connect(self.confirmed)
        cancel.clicked.connect(self.cancelled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addWidget(self.advice)
        layout.addWidget(QLabel(_("Why did they come?")))
        layout.addLayout(stack)
        layout.addStretch(1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(cancel)
        self.show_person(None, Purpose.GOODS)

    def show_person(self, person: Person | None, purpose: Purpose, visit_count: int = 0) -> None:
        self.person = person
        self.setEnabled(person is not None)
        self.show_advice([])
        if person is None:
            self.name.setText(_("Nobody chosen yet"))
            self.details.setText(_("Type a few letters of a name, then press Enter."))
        else:
            self.name.setText(person.full_name)
            self.details.setText(self._details(person, visit_count))
        self.purposes.button(PURPOSES.index(purpose)).setChecked(True)

    @staticmethod
    def _details(person: Person, visit_count: int) -> str:
        parts = []
        if person.birth_year:
            parts.append(_("born {year}").format(year=person.birth_year))
        if person.home_village:
            parts.append(person.home_village)
        if person.phone:
            parts.append(person.phone)
        languages = [language_display_name(code, capitalize=False) for code in person.languages]
        if languages:
            parts.append(", ".join(languages))
        visits_text = ngettext("{count} visit", "{count} visits", visit_count).format(
            count=visit_count
        )
        parts.append(visits_text)
        parts.append(_("last seen {date}").format(date=format_date(person.last_seen_at.date())))
        return " · ".join(parts)

    def show_advice(self, sessions: list[advice.SessionRow]) -> None:
        """The person's next booked advice time, and how many more there are."""
        if not sessions:
            self.advice.setText("")
            self.advice.hide()
            return
        first = sessions[0]
        text = _("Advice time: {when}, {topic}").format(
            when=advice_when(first.starts_at, first.minutes), topic=first.topic
        )
        if len(sessions) > 1:
            more = len(sessions) - 1
            text = "{text} ({more})".format(
                text=text,
                more=ngettext("{count} more", "{count} more", more).format(count=more),
            )
        self.advice.setText(text)
        self.advice.show()

    def purpose(self) -> Purpose:
        return PURPOSES[self.purposes.checkedId()]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.confirmed.emit()
        elif key == Qt.Key_Escape:
            self.cancelled.emit()
        elif Qt.Key_1 <= key < Qt.Key_1 + len(PURPOSES):
            self.purposes.button(key - Qt.Key_1).setChecked(True)
        elif key in (Qt.Key_Left, Qt.Key_Right):
            step = 1 if key == Qt.Key_Right else -1
            self.purposes.button((self.purposes.checkedId() + step) % len(PURPOSES)).setChecked(
                True
            )
        else:
            super().keyPressEvent(event)


class DeskView(QWidget):
    register_requested = Signal(str)
    checked_in = Signal(int)
    event_requested = Signal(int)  # an upcoming event clicked: open it

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._last_visit_id: int | None = None
        self.results_model = PersonResultsModel(self)
        self.today_model = TodayVisitsModel(self)
        self._build()
        self.refresh_today()
        self.refresh_events()

    # building -----------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("deskSearch")
        self.search.setPlaceholderText(_("Name, phone or card – then Enter"))
        self.search.setClearButtonEnabled(True)
        _larger(self.search, 1.4)
        self.results = QListView()
        self.results.setObjectName("deskResults")
        self.results.setModel(self.results_model)
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results.setFocusPolicy(Qt.NoFocus)
        _larger(self.results, 1.15)
        self.search.installEventFilter(_KeyForwarder(self.results, self))
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.register_button = QPushButton(_("Register a new visitor"))
        self.register_button.setObjectName("registerVisitor")
        self.register_button.setEnabled(self.session.can(Permission.EDIT_PERSONS))

        self.panel = CheckInPanel()
        self.panel.setMinimumWidth(300)
        self.banner = QLabel()
        self.banner.setObjectName("deskBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #1b5e20; font-weight: bold;")

        left = QVBoxLayout()
        left.addWidget(heading(_("Check in")))
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        left.addWidget(self.no_match)
        left.addWidget(self.register_button)
        left.addWidget(self._anonymous_box())

        # Booking advice for the person on the panel, or for anyone: never takes the focus,
        # so typing goes on into the search.
        self.book_advice_button = QPushButton(_("Book advice time…"))
        self.book_advice_button.setObjectName("bookAdvice")
        self.book_advice_button.setFocusPolicy(Qt.NoFocus)
        self.book_advice_button.setMinimumHeight(40)
        self.book_advice_button.setToolTip(
            _("Book a time with the immigration coordinator for the chosen visitor.")
        )
        _larger(self.book_advice_button, 1.1)
        self.advice_enabled = self.session.can(Permission.BOOK_ADVICE)
        self.book_advice_button.setVisible(self.advice_enabled)

        middle = QVBoxLayout()
        middle.addWidget(self.panel, 1)
        middle.addWidget(self.book_advice_button)
        middle.addWidget(self.banner)

        right = QVBoxLayout()
        self.today_title = heading("")
        right.addWidget(self.today_title)
        self.today_table = QTableView()
        self.today_table.setObjectName("todayVisits")
        self.today_table.setModel(self.today_model)
        self.today_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.today_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.today_table.verticalHeader().hide()
        self.today_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.today_table.setFocusPolicy(Qt.NoFocus)
        right.addWidget(self.today_table, 1)
        self.undo_button = QPushButton(_("Undo the last check-in"))
        self.undo_button.setObjectName("undoCheckIn")
        right.addWidget(self.undo_button)
        # Events are a side matter at the desk: below today's visits, only as tall as needed.
        self.call_list = CallListPanel(self.session, self)
        self.upcoming = UpcomingEventsPanel(self.session, self)
        self.events_enabled = self.session.can(Permission.VIEW_EVENTS)
        right.addWidget(self.call_list)
        if self.events_enabled:
            right.addWidget(self.upcoming)
        else:
            self.upcoming.hide()

        columns = QHBoxLayout(self)
        columns.addLayout(left, 4)
        columns.addLayout(middle, 3)
        columns.addLayout(right, 4)

        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._pick_current_result)
        self.results.activated.connect(lambda index: self._choose_row(index.row()))
        self.results.clicked.connect(lambda index: self._choose_row(index.row()))
        self.panel.confirmed.connect(self._confirm)
        self.panel.cancelled.connect(self.back_to_search)
        self.register_button.clicked.connect(
            lambda: self.register_requested.emit(self.search.text())
        )
        self.undo_button.clicked.connect(self._undo_last)
        self.upcoming.event_requested.connect(self.event_requested)
        self.book_advice_button.clicked.connect(self.book_advice)
        self.call_list.advice_changed.connect(self._show_advice_of_panel_person)

    def _anonymous_box(self) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(box)
        label = QLabel(_("Anonymous visitor (no name needed):"))
        layout.addWidget(label)
        grid = QGridLayout()
        for number, purpose in enumerate(PURPOSES):
            button = QPushButton(purpose_name(purpose))
            button.setObjectName(f"anonymous_{purpose.value}")
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda _checked=False, p=purpose: self._check_in_anonymous(p))
            grid.addWidget(button, number // 3, number % 3)
        layout.addLayout(grid)
        return box

    # behaviour ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_events()

    def refresh_events(self) -> None:
        """The coming week's events and the people to call about a freed place or time."""
        if self.events_enabled or self.advice_enabled:
            self.call_list.refresh()
        if self.events_enabled:
            self.upcoming.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @guarded
    def _search_changed(self, text: str) -> None:
        persons = person_search.search_persons(self.session.user, text)
        self.results_model.set_persons(persons)
        if persons:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        typed = bool(text.strip())
        self.no_match.setText(
            _("Nobody found. Check the spelling, or register a new visitor.")
            if typed and not persons
            else ""
        )

    def _pick_current_result(self) -> None:
        row = self.results.currentIndex().row()
        if row < 0 and self.results_model.rowCount():
            row = 0
        if row >= 0:
            self._choose_row(row)

    def _choose_row(self, row: int) -> None:
        person = self.results_model.person_at(row)
        if person is not None:
            self.choose_person(person)

    @guarded
    def choose_person(self, person: Person) -> None:
        user = self.session.user
        purpose = visits.default_purpose(user, person.id)
        booked = self._advice_sessions_of(person.id)
        if booked and booked[0].starts_at.date() == database.now().date():
            purpose = Purpose.ADVICE  # here for today's advice time
        self.panel.show_person(person, purpose, visits.visit_count_of(user, person.id))
        self.panel.show_advice(booked)
        self.panel.setFocus()

    def _advice_sessions_of(self, person_id: int) -> list[advice.SessionRow]:
        if not self.advice_enabled:
            return []
        return advice.upcoming_sessions_of(self.session.user, person_id, moment=database.now())

    @guarded
    def _show_advice_of_panel_person(self) -> None:
        if self.panel.person is not None:
            self.panel.show_advice(self._advice_sessions_of(self.panel.person.id))

    @guarded
    def book_advice(self) -> None:
        """Book advice for the visitor on the panel, or choose the visitor in the dialog."""
        # Loaded when first used: the booking dialog is large and start-up should stay quick.
        from lumijobi_desktop.ui.advice.booking_dialog import book_advice

        person = self.panel.person
        session_id = book_advice(
            self,
            self.session,
            person_id=person.id if person is not None else None,
            typed=self.search.text() if person is None else "",
        )
        if session_id is not None:
            row = advice.session_row(self.session.user, session_id)
            self.banner.setText(
                _("Advice time booked: {name}, {when}").format(
                    name=row.person_name, when=advice_when(row.starts_at, row.minutes)
                )
            )
            self.refresh_events()
        if person is not None:
            self._show_advice_of_panel_person()
            self.panel.setFocus()
        else:
            self.focus_search()

    def back_to_search(self) -> None:
        self.panel.show_person(None, Purpose.GOODS)
        self.focus_search()

    @guarded
    def _confirm(self) -> None:
        person = self.panel.person
        if person is None:
            return
        visit = visits.check_in(self.session.user, person.id, self.panel.purpose())
        self._after_check_in(visit, person.full_name)

    @guarded
    def _check_in_anonymous(self, purpose: Purpose) -> None:
        visit = visits.check_in(self.session.user, None, purpose)
        self._after_check_in(visit, _("Anonymous visitor"))

    def _after_check_in(self, visit: visits.Visit, name: str) -> None:
        self._last_visit_id = visit.id
        self.banner.setText(
            _("Checked in: {name} – {purpose}").format(
                name=name, purpose=purpose_name(visit.purpose)
            )
        )
        self.search.clear()
        self.back_to_search()
        self.refresh_today()
        self.refresh_events()
        self.checked_in.emit(visit.id)

    @guarded
    def _undo_last(self) -> None:
        rows = self.today_model.rows()
        if not rows:
            return
        last = rows[0]
        question = _("Undo the check-in of {name} at {time}?").format(
            name=last.person_name or _("Anonymous visitor"), time=format_time(last.visited_at)
        )
        if not confirm(self, _("Undo the last check-in"), question):
            return
        visits.undo_check_in(self.session.user, last.visit_id)
        self.banner.setText(_("The last check-in was undone."))
        self.refresh_today()
        self.focus_search()

    @guarded
    def refresh_today(self) -> None:
        rows = visits.visits_on(self.session.user, today())
        self.today_model.set_rows(rows)
        self.today_title.setText(
            ngettext("Today: {count} visit", "Today: {count} visits", len(rows)).format(
                count=len(rows)
            )
        )
        self.undo_button.setEnabled(bool(rows))
        self.today_table.resizeColumnToContents(0)
