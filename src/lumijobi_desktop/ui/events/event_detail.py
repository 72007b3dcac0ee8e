"""One event: its details, sign-ups with the waiting list, and the door (attendance, headcount)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import events, registrations, tallies
from lumijobi_desktop.core.events import Event, event_kind_name
from lumijobi_desktop.core.i18n import LANGUAGES, _, language_display_name
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import RegistrationRow, RegistrationStatus
from lumijobi_desktop.printing import event_papers
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.door_view import DoorView
from lumijobi_desktop.ui.events.signups_view import SignupsView
from lumijobi_desktop.ui.events.texts import door_first, places_text, when_text
from lumijobi_desktop.ui.papers import PaperChoiceDialog, print_or_save
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import heading

TABS = ("signups", "door")


class PaperDialog(PaperChoiceDialog):
    """Before a sign-up sheet or a poster: the second language, the blank rows, print or save."""

    def __init__(self, title: str, *, blank_rows: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.language = QComboBox(objectName="paperLanguage")
        for code, language in LANGUAGES.items():
            if code != "fi":
                self.language.addItem(language.native_name, code)
        self.language.addItem(_("Only Finnish"), "fi")
        self.language.setCurrentIndex(self.language.findData("uk"))
        self.blank_rows = QSpinBox(objectName="paperBlankRows")
        self.blank_rows.setRange(0, event_papers.BLANK_ROWS_MAX)
        self.blank_rows.setValue(10)
        text = _("The paper is in Finnish and in a second language.")
        form = QFormLayout()
        form.addRow(_("Second language"), self.language)
        if blank_rows:
            form.addRow(_("Empty rows for names"), self.blank_rows)
        self._lay_out(text, form)

    def second_language(self) -> str:
        return self.language.currentData()


class EventHeader(QFrame):
    """The event at a glance: title, kind, when, where, places, partners, languages."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = session.user
        self.setObjectName("eventHeader")
        self.title = heading("")
        self.title.setObjectName("eventTitle")
        self.title.setWordWrap(True)
        self.kind = QLabel(objectName="eventKind")
        self.kind.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; border-radius: 4px; padding: 2px 8px;"
        )
        self.when = QLabel(objectName="eventWhen")
        font = self.when.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.when.setFont(font)
        self.details = QLabel(objectName="eventDetails")
        self.details.setWordWrap(True)
        self.places = QLabel(objectName="eventPlaces")
        self.places.setFont(font)
        self.cancelled = QLabel(objectName="cancelledBanner")
        self.cancelled.setWordWrap(True)
        self.cancelled.setStyleSheet(
            "background: #b00020; color: white; font-weight: bold; padding: 8px;"
        )
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.kind, 0, Qt.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cancelled)
        layout.addLayout(title_row)
        layout.addWidget(self.when)
        layout.addWidget(self.places)
        layout.addWidget(self.details)

    def show_event(self, event: Event, rows: list[RegistrationRow]) -> None:
        self.title.setText(event.local_title())
        self.kind.setText(event_kind_name(event.kind))
        self.when.setText(when_text(event))
        signed_up = sum(r.people for r in rows if r.status == RegistrationStatus.SIGNED_UP.value)
        waiting = sum(r.people for r in rows if r.status == RegistrationStatus.WAITING.value)
        if event.capacity or event.signup_required:
            self.places.setText(places_text(event.capacity, signed_up, waiting))
        else:
            # A drop-in meeting: who came, by the headcount or by the names ticked.
            named = sum(r.people for r in rows if r.attended)
            came = max(named, tallies.counts_of(self.user, event.id).people)
            self.places.setText(
                _("Came: {count}").format(count=came)
                if came
                else _("No sign-up needed: count who comes at the door.")
            )
        self.places.setStyleSheet(
            "color: #8a4b00;" if event.capacity and (signed_up >= event.capacity or waiting) else ""
        )
        parts = []
        if event.place:
            parts.append(_("Place: {place}").format(place=event.place))
        partners = [Partner.get_by_id(pid).name for pid in event.partner_ids]
        if partners:
            parts.append(_("Partners: {names}").format(names=", ".join(partners)))
        if event.language_codes:
            names = ", ".join(language_display_name(code) for code in event.language_codes)
            parts.append(_("Languages: {names}").format(names=names))
        if event.age_group:
            parts.append(_("For: {group}").format(group=event.age_group))
        if event.signup_required:
            parts.append(_("Sign-up needed"))
        parts.append(_("Code: {code}").format(code=event.code))
        self.details.setText(" · ".join(parts))
        if event.cancelled:
            text = (
                _("Cancelled: {reason}").format(reason=event.cancel_reason)
                if event.cancel_reason
                else _("This event has been cancelled.")
            )
            self.cancelled.setText(text)
        self.cancelled.setVisible(event.cancelled)


class EventDetailView(QWidget):
    back_requested = Signal()  # the user wants the calendar again
    changed = Signal()  # sign-ups, attendance or the event changed: calendars refresh

    def __init__(self, session: DeskSession, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.event_id = event_id
        self.event_record = events.get_event(session.user, event_id)
        self._build()
        self.reload()
        self.show_tab("door" if door_first(self.event_record) else "signups")

    def _build(self) -> None:
        back = QPushButton(_("◀ Back to calendar"), objectName="backToCalendar")
        back.setMinimumHeight(36)
        self.edit_button = QPushButton(_("Edit…"), objectName="editEvent")
        self.sheet_button = QPushButton(_("Sign-up sheet…"), objectName="signupSheet")
        self.poster_button = QPushButton(_("Poster…"), objectName="eventPoster")
        printing = self.session.can(Permission.PRINT_PAPERS)
        self.sheet_button.setEnabled(printing)
        self.poster_button.setEnabled(printing)
        for button in (self.edit_button, self.sheet_button, self.poster_button):
            button.setMinimumHeight(36)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        top.addWidget(self.sheet_button)
        top.addWidget(self.poster_button)
        top.addWidget(self.edit_button)

        self.header = EventHeader(self.session)
        self.tabs = QTabWidget(objectName="eventTabs")
        font = self.tabs.tabBar().font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.tabs.tabBar().setFont(font)
        self.signups = SignupsView(self.session, self.event_id)
        self.door = DoorView(self.session, self.event_id, tally_first=door_first(self.event_record))
        self.tabs.addTab(self.signups, _("Sign-ups"))
        self.tabs.addTab(self.door, _("At the door"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        # Hidden only once it has a parent: showing a parentless button would open a window.
        self.edit_button.setVisible(self.session.can(Permission.MANAGE_EVENTS))

        back.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self.edit)
        self.sheet_button.clicked.connect(self.print_signup_sheet)
        self.poster_button.clicked.connect(self.print_poster)
        self.signups.changed.connect(self._changed)
        self.door.changed.connect(self._changed)
        self.tabs.currentChanged.connect(self._tab_changed)

    # behaviour ----------------------------------------------------------------
    @guarded
    def reload(self) -> None:
        self.event_record = events.get_event(self.session.user, self.event_id)
        rows = registrations.registration_rows(self.session.user, self.event_id)
        self.header.show_event(self.event_record, rows)
        self.signups.show_rows(self.event_record, rows)
        self.door.show_rows(self.event_record, rows)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def show_tab(self, name: str | None) -> None:
        """'signups' or 'door' (None: the event's usual first tab)."""
        if name not in TABS:
            name = "door" if door_first(self.event_record) else "signups"
        self.tabs.setCurrentWidget(self.door if name == "door" else self.signups)
        if name == "door":
            self.door.focus_scan()

    def current_tab(self) -> str:
        return "door" if self.tabs.currentWidget() is self.door else "signups"

    def door_showing(self) -> bool:
        return self.isVisible() and self.current_tab() == "door"

    def handle_person_scan(self, text: str) -> bool:
        """A visitor card scanned while the door is showing ticks the person there."""
        if not self.door_showing():
            return False
        self.door.handle_card(text)
        return True

    def _tab_changed(self, _index: int) -> None:
        if self.current_tab() == "door":
            self.door.focus_scan()

    @guarded
    def edit(self) -> None:
        from lumijobi_desktop.ui.events.event_dialog import EventDialog

        dialog = EventDialog(self.session, event_id=self.event_id, parent=self)
        dialog.exec()
        try:
            self.reload_after_edit()
        finally:
            self.changed.emit()

    def reload_after_edit(self) -> None:
        from lumijobi_desktop.core.events import Event as EventModel

        if EventModel.get_or_none(EventModel.id == self.event_id) is None:
            self.back_requested.emit()  # deleted in the dialog
            return
        self.reload()

    @guarded
    def print_signup_sheet(self) -> None:
        dialog = PaperDialog(_("Sign-up sheet"), blank_rows=True, parent=self)
        choice = dialog.exec()
        if choice not in (PaperDialog.PRINT, PaperDialog.SAVE):
            return
        lang, rows = dialog.second_language(), dialog.blank_rows.value()
        user, event_id = self.session.user, self.event_id

        def render(path):
            event_papers.write_signup_sheet(user, event_id, path, lang, rows)

        self._paper(choice, _("Save the sign-up sheet"), "signup-sheet", render)

    @guarded
    def print_poster(self) -> None:
        dialog = PaperDialog(_("Poster"), blank_rows=False, parent=self)
        choice = dialog.exec()
        if choice not in (PaperDialog.PRINT, PaperDialog.SAVE):
            return
        lang = dialog.second_language()
        user, event_id = self.session.user, self.event_id

        def render(path):
            event_papers.write_poster(user, event_id, path, lang)

        self._paper(choice, _("Save the poster"), "poster", render)

    def _paper(self, choice: int, title: str, stem: str, render) -> None:
        event = self.event_record
        file_name = f"{stem}-{event.code}-{event.starts_at.date().isoformat()}.pdf"
        print_or_save(self, choice == PaperDialog.PRINT, title, file_name, render)
