"""The week: seven columns, each day's events as cards in time order with their sign-ups."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core.events import EventRow, event_kind_name
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.ui.events.month_view import (
    capitalized,
    counts_text,
    day_and_month,
    event_tooltip,
    kind_colours,
    long_weekday,
    time_range,
)


def _small(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(max(7.5, font.pointSizeF() * 0.92))
    label.setFont(font)
    return label


class EventCard(QFrame):
    """One event in a day's column; a click, Enter or Space opens it."""

    clicked = Signal(int)

    def __init__(self, row: EventRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.event_id = row.event_id
        self.setObjectName("eventCard")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(event_tooltip(row))
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        colours = kind_colours(row.kind)
        fill, bar, hover = colours.fill, colours.bar, colours.hover
        if row.cancelled:
            fill, bar, hover = "#eeeeee", "#9e9e9e", "#e2e2e2"
        self.setStyleSheet(
            f"#eventCard {{ background: {fill}; border: 1px solid #d5d9de;"
            f" border-left: 4px solid {bar}; border-radius: 4px; }}"
            f"#eventCard:hover {{ background: {hover}; }}"
            f"#eventCard:focus {{ border: 2px solid #1565c0; border-left: 4px solid {bar}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 6, 6)
        layout.setSpacing(1)
        self.time = QLabel(time_range(row))
        font = self.time.font()
        font.setBold(True)
        self.time.setFont(font)
        layout.addWidget(self.time)
        self.title = QLabel(row.title)
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setStrikeOut(row.cancelled)
        self.title.setFont(title_font)
        layout.addWidget(self.title)
        details = [row.place] if row.place else []
        details.append(event_kind_name(row.kind))
        self.place = _small(QLabel(" · ".join(details)))
        self.place.setWordWrap(True)
        self.place.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.place)
        counts = counts_text(row)
        self.counts = _small(QLabel(counts))
        self.counts.setWordWrap(True)
        self.counts.setVisible(bool(counts))
        layout.addWidget(self.counts)
        if row.cancelled or row.moved:
            mark = QLabel(_("Cancelled") if row.cancelled else _("Moved from its usual day"))
            mark.setWordWrap(True)
            colour = "#b3261e" if row.cancelled else "#8a4b00"
            mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
            layout.addWidget(_small(mark))
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.PlainText)
            if row.cancelled:
                label.setStyleSheet(label.styleSheet() or "color: #6f7378;")
            label.setAttribute(Qt.WA_TransparentForMouseEvents)

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel) if label.text()]

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.event_id)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit(self.event_id)
            return
        super().keyPressEvent(event)


class DayColumn(QFrame):
    """A day: its header, then its cards; a double click on the empty part plans an event."""

    double_clicked = Signal(object)  # dt.date

    def __init__(self, day: dt.date, header: QLabel, background: str, border: str, parent=None):
        super().__init__(parent)
        self.day = day
        self.setObjectName("dayColumn")
        width = 1 if border == "#dfe2e6" else 2
        self.setStyleSheet(
            f"#dayColumn {{ background: {background}; border: {width}px solid {border};"
            " border-radius: 6px; }"
        )
        self.cards_layout = QVBoxLayout(self)
        self.cards_layout.setContentsMargins(5, 4, 5, 6)
        self.cards_layout.setSpacing(6)
        self.cards_layout.addWidget(header)

    def mouseDoubleClickEvent(self, event) -> None:
        self.double_clicked.emit(self.day)
        super().mouseDoubleClickEvent(event)


class WeekView(QWidget):
    event_clicked = Signal(int)
    new_event_requested = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weekView")
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.can_create = False
        self.holidays: dict[dt.date, str] = {}
        self._cards: list[EventCard] = []
        self.columns: dict[dt.date, DayColumn] = {}
        self.headers: dict[dt.date, QLabel] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def shown_days(self) -> tuple[dt.date, dt.date]:
        return self.monday, self.monday + dt.timedelta(days=6)

    def show_week(
        self,
        monday: dt.date,
        rows: list[EventRow],
        *,
        today: dt.date | None = None,
        focus_day: dt.date | None = None,
    ) -> None:
        self.monday = monday
        today = today or dt.date.today()
        first, last = self.shown_days()
        self.holidays = {day: _(name) for day, name in holidays_between(first, last).items()}
        by_day: dict[dt.date, list[EventRow]] = {}
        for row in rows:
            by_day.setdefault(row.starts_at.date(), []).append(row)
        content = QWidget()
        content.setObjectName("weekContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self._cards = []
        self.columns = {}
        self.headers = {}
        for number in range(7):
            day = monday + dt.timedelta(days=number)
            header = self._header(day, today)
            self.headers[day] = header
            background = "#ffffff"
            if day in self.holidays:
                background = "#fdf1f0"
            elif day.weekday() >= 5:
                background = "#f7f8fa"
            border = "#dfe2e6"
            if day == today:
                border = "#1565c0"
            elif day == focus_day:
                border = "#80868b"
            column = DayColumn(day, header, background, border)
            column.double_clicked.connect(self._double_clicked)
            for row in by_day.get(day, []):
                card = EventCard(row)
                card.clicked.connect(self.event_clicked)
                column.cards_layout.addWidget(card)
                self._cards.append(card)
            if not by_day.get(day):
                empty = _small(QLabel(_("No events")))
                empty.setStyleSheet("color: #9aa0a6;")
                empty.setAlignment(Qt.AlignHCenter)
                empty.setAttribute(Qt.WA_TransparentForMouseEvents)
                column.cards_layout.addWidget(empty)
            column.cards_layout.addStretch(1)
            self.columns[day] = column
            grid.addWidget(column, 0, number)
            grid.setColumnStretch(number, 1)
            grid.setColumnMinimumWidth(number, 100)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(content)
        if focus_day in self.columns and self._cards:
            for card in self._cards:
                if card.row.starts_at.date() == focus_day:
                    self.scroll.ensureWidgetVisible(card)
                    break

    def _header(self, day: dt.date, today: dt.date) -> QLabel:
        weekday = capitalized(long_weekday(day))
        holiday = self.holidays.get(day)
        colour = "#1565c0" if day == today else ("#b3261e" if holiday or day.weekday() == 6 else "")
        style = f" style='color:{colour}'" if colour else ""
        text = f"<b{style}>{html.escape(weekday)}</b><br><span{style}>{day_and_month(day)}</span>"
        if holiday:
            text += f"<br><span style='color:#b3261e'>{html.escape(holiday)}</span>"
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.RichText)
        label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        label.setContentsMargins(3, 2, 3, 4)
        label.setAttribute(Qt.WA_TransparentForMouseEvents)
        return label

    def cards(self) -> list[EventCard]:
        return list(self._cards)

    def card_of(self, event_id: int) -> EventCard | None:
        return next((card for card in self._cards if card.event_id == event_id), None)

    def header_text(self, day: dt.date) -> str:
        label = self.headers.get(day)
        return label.text() if label is not None else ""

    def _double_clicked(self, day: dt.date) -> None:
        if self.can_create:
            self.new_event_requested.emit(day)
