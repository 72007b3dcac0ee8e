"""The desk's side panels: the events of the coming week, and people to call.

The yellow call box lists who got a place from an event's waiting list and
who has an advice time held for them from the queue; the desk calls and
records the answer here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_booking, advice_queue, database, events, registrations
from lumijobi_desktop.core.advice_queue import QueueRow
from lumijobi_desktop.core.events import EventRow
from lumijobi_desktop.core.i18n import _, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import PlaceToCall
from lumijobi_desktop.ui.advice.texts import advice_when
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.events.texts import short_day, time_range
from lumijobi_desktop.ui.session import DeskSession


def _bold_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    label.setFont(font)
    return label


def event_line(row: EventRow) -> str:
    """`ti 1.12. 10.00–12.00 Tiistaikahvit · 12/20 · 2 waiting`."""
    parts = [
        " ".join(
            [short_day(row.starts_at.date()), time_range(row.starts_at, row.ends_at), row.title]
        )
    ]
    if row.capacity:
        parts.append(f"{row.signed_up}/{row.capacity}")
    elif row.signup_required:
        parts.append(
            ngettext("{count} signed up", "{count} signed up", row.signed_up).format(
                count=row.signed_up
            )
        )
    elif row.participants:
        parts.append(
            ngettext("{count} came", "{count} came", row.participants).format(
                count=row.participants
            )
        )
    if row.waiting:
        parts.append(
            ngettext("{count} waiting", "{count} waiting", row.waiting).format(count=row.waiting)
        )
    return " · ".join(parts)


class EventLine(QLabel):
    """One upcoming event: a line that wraps (long Ukrainian titles) and opens the event."""

    clicked = Signal(int)

    def __init__(self, row: EventRow, parent: QWidget | None = None):
        super().__init__(event_line(row), parent)
        self.event_id = row.event_id
        self.setObjectName("upcomingEvent")
        self.setWordWrap(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(_("Open the event"))
        self.setStyleSheet(
            "#upcomingEvent { padding: 4px; border-bottom: 1px solid #ddd; }"
            "#upcomingEvent:hover { background: #e3f2fd; }"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton:
            self.clicked.emit(self.event_id)
        super().mouseReleaseEvent(event)


class UpcomingEventsPanel(QFrame):
    """The next 7 days' events; a click opens the event."""

    event_requested = Signal(int)

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("upcomingEvents")
        self.session = session
        self.title = _bold_title(_("Upcoming events"))
        self.empty = QLabel(_("No events in the next 7 days."))
        self.empty.setStyleSheet("color: #555;")
        self.lines: list[EventLine] = []
        self.rows = QVBoxLayout()
        self.rows.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows)

    @guarded
    def refresh(self) -> None:
        rows = events.upcoming_events(self.session.user, days=7, limit=6)
        for line in self.lines:
            self.rows.removeWidget(line)
            line.hide()  # gone from the screen now, deleted once the event loop gets to it
            line.deleteLater()
        self.lines = []
        for row in rows:
            line = EventLine(row, self)
            line.clicked.connect(self.event_requested)
            self.rows.addWidget(line)
            self.lines.append(line)
        self.empty.setVisible(not rows)


class CallListPanel(QFrame):
    """People to phone: a place from an event's waiting list, an advice time from the queue."""

    called = Signal(int)  # registration id
    advice_changed = Signal()  # an advice offer was booked or declined

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callList")
        self.session = session
        self.events_enabled = session.can(Permission.VIEW_EVENTS)
        self.advice_enabled = session.can(Permission.BOOK_ADVICE)
        self.setStyleSheet(
            "#callList { background: #fff3c4; border: 2px solid #e0b000; border-radius: 6px; }"
            "#callList QLabel { color: #4a3500; }"
        )
        self.title = _bold_title(_("Call these people – they got a place"))
        self.title.setWordWrap(True)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.rows)
        self.buttons: dict[int, QPushButton] = {}
        # queue entry id → its "Booked" and "Cannot come" buttons
        self.advice_buttons: dict[int, tuple[QPushButton, QPushButton]] = {}
        self.hide()

    @guarded
    def refresh(self) -> None:
        user = self.session.user
        places = registrations.places_to_call(user) if self.events_enabled else []
        offers = []
        if self.advice_enabled:
            moment = database.now()
            # A held time that has passed is released by the core's next round of offers.
            offers = [o for o in advice_queue.offers_to_call(user) if o.offered_start > moment]
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons = {}
        self.advice_buttons = {}
        for place in places:
            self.rows.addWidget(self._row(place))
        for offer in offers:
            self.rows.addWidget(self._advice_row(offer))
        if offers and places:
            self.title.setText(_("Call these people"))
        elif offers:
            self.title.setText(_("Call these people – an advice time is held for them"))
        else:
            self.title.setText(_("Call these people – they got a place"))
        self.setVisible(bool(places or offers))

    def _row(self, place: PlaceToCall) -> QWidget:
        row = QWidget()
        text = QLabel(
            "<b>{name}</b> · {phone}<br>{event} {day} · {people}".format(
                name=html.escape(place.person_name or _("Not registered")),
                phone=html.escape(place.phone or _("no phone number")),
                event=html.escape(place.event_title),
                day=short_day(place.starts_at.date()),
                people=ngettext("{count} person", "{count} people", place.people).format(
                    count=place.people
                ),
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        button = QPushButton(_("Called ✓"), objectName="calledButton")
        button.setMinimumHeight(34)
        button.setEnabled(self.session.can(Permission.HANDLE_SIGNUPS))
        button.clicked.connect(lambda _checked=False, r=place.registration_id: self._called(r))
        self.buttons[place.registration_id] = button
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text, 1)
        layout.addWidget(button)
        return row

    @guarded
    def _called(self, registration_id: int) -> None:
        registrations.mark_called(self.session.user, registration_id)
        self.refresh()
        self.called.emit(registration_id)

    def _advice_row(self, offer: QueueRow) -> QWidget:
        row = QWidget(objectName="adviceOffer")
        text = QLabel(
            "<b>{name}</b> · {phone}<br>{offer}".format(
                name=html.escape(offer.person_name),
                phone=html.escape(offer.phone or _("no phone number")),
                offer=html.escape(
                    _("Offer the advice time {when} ({topic})").format(
                        when=advice_when(offer.offered_start, offer.minutes), topic=offer.topic
                    )
                ),
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        booked = QPushButton(_("Booked ✓"), objectName="adviceOfferBooked")
        declined = QPushButton(_("Cannot come"), objectName="adviceOfferDeclined")
        for button in (booked, declined):
            button.setMinimumHeight(32)
            button.setFocusPolicy(Qt.NoFocus)
        booked.clicked.connect(lambda _checked=False, e=offer.id: self._advice_booked(e))
        declined.clicked.connect(lambda _checked=False, e=offer.id: self._advice_declined(e))
        self.advice_buttons[offer.id] = (booked, declined)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(booked)
        buttons.addWidget(declined)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(text)
        layout.addLayout(buttons)
        return row

    @guarded
    def _advice_booked(self, entry_id: int) -> None:
        advice_booking.accept_offer(self.session.user, entry_id, database.now())
        self.refresh()
        self.advice_changed.emit()

    @guarded
    def _advice_declined(self, entry_id: int) -> None:
        advice_queue.decline_offer(self.session.user, entry_id, database.now())
        self.refresh()
        self.advice_changed.emit()
