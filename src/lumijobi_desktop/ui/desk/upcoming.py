"""The desk's side panels: the events of the coming week, and people to call about a place."""

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

from lumijobi_desktop.core import events, registrations
from lumijobi_desktop.core.events import EventRow
from lumijobi_desktop.core.i18n import _, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.registrations import PlaceToCall
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
    """People who got a place from the waiting list and have not been phoned yet."""

    called = Signal(int)  # registration id

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callList")
        self.session = session
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
        self.hide()

    @guarded
    def refresh(self) -> None:
        places = registrations.places_to_call(self.session.user)
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons = {}
        for place in places:
            self.rows.addWidget(self._row(place))
        self.setVisible(bool(places))

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
