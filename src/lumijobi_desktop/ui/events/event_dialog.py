"""Plan or change an event, or a weekly series of them (the Tuesday coffee meeting).

`EventForm` holds what an event is (titles, kind, time of day, place,
capacity, languages, partners, description); `EventDialog` adds the date of
one event and its actions (cancel, restore, delete, extend its series);
`SeriesDialog` adds the weekday and the first and last dates instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import event_series, events
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.event_series import WeeklyRule, occasion_dates
from lumijobi_desktop.core.events import (
    CAPACITY_MAX,
    DESCRIPTION_MAX,
    TITLE_MAX,
    EventData,
    EventKind,
    event_kind_name,
)
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import (
    _,
    current_language,
    format_date,
    language_display_name,
    ngettext,
)
from lumijobi_desktop.core.partners import Partner, partners
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.events.month_view import capitalized, long_weekday
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, confirm

# The weekly coffee meeting's usual details, offered when "Coffee meeting" is chosen.
COFFEE_TITLES = {"fi": "Tiistaikahvit", "uk": "Вівторкова кава", "en": "Tuesday coffee"}
COFFEE_WEEKDAY = 1  # Tuesday
COFFEE_HOURS = (dt.time(10, 0), dt.time(12, 0))
COFFEE_LANGUAGES = ("fi", "uk")
COFFEE_PLACE = "Help Center Lumijobi"
DEFAULT_HOURS = (dt.time(10, 0), dt.time(12, 0))
SERIES_WEEKS = 12

NOTE_STYLE = "background: #e8f0fb; border: 1px solid #b9cdea; border-radius: 4px; padding: 6px;"
WARNING_STYLE = "background: #fdf1f0; border: 1px solid #eab8b3; border-radius: 4px; padding: 6px;"
DONE_STYLE = "color: #1b5e20; font-weight: bold;"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def date_editor(day: dt.date, object_name: str = "") -> QDateEdit:
    """dd.MM.yyyy with a calendar that starts on Monday."""
    editor = QDateEdit(qdate(day))
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(current_language().date_pattern)
    editor.calendarWidget().setFirstDayOfWeek(Qt.Monday)
    editor.setMinimumWidth(130)
    if object_name:
        editor.setObjectName(object_name)
    return editor


def time_editor(value: dt.time, object_name: str) -> QTimeEdit:
    """14.30 in Finnish, 14:30 in Ukrainian."""
    editor = QTimeEdit(qtime(value))
    editor.setDisplayFormat(current_language().time_pattern)
    editor.setObjectName(object_name)
    editor.setMinimumWidth(80)
    return editor


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """`day` itself when it is that weekday, else the next such day."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


class EventForm(QWidget):
    """What an event is, shared by the one-event and the weekly-series dialogs.

    The dialogs add their own "when" rows (date, or weekday and dates) with
    `add_when_row`; the time of day is here because both need it.
    """

    coffee_defaults_applied = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.title = QLineEdit(objectName="eventTitle")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(_("e.g. Tiistaikahvit"))
        self.title_uk = QLineEdit(objectName="eventTitleUk")
        self.title_uk.setMaxLength(TITLE_MAX)
        self.title_uk.setPlaceholderText(_("optional"))
        self.title_en = QLineEdit(objectName="eventTitleEn")
        self.title_en.setMaxLength(TITLE_MAX)
        self.title_en.setPlaceholderText(_("optional"))
        self.kind = QComboBox(objectName="eventKind")
        for kind in EventKind:
            self.kind.addItem(event_kind_name(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(EventKind.COMMUNITY.value))
        self.starts = time_editor(DEFAULT_HOURS[0], "startTime")
        self.ends = time_editor(DEFAULT_HOURS[1], "endTime")
        self.time_row = QWidget()
        row = QHBoxLayout(self.time_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.starts)
        row.addWidget(QLabel("–"))
        row.addWidget(self.ends)
        row.addStretch(1)
        self.place = QLineEdit(objectName="eventPlace")
        self.place.setMaxLength(events.PLACE_MAX)
        self.capacity = QSpinBox(objectName="eventCapacity")
        self.capacity.setRange(0, CAPACITY_MAX)
        self.capacity.setSpecialValueText(_("no limit"))
        self.capacity.setMinimumWidth(130)
        self.signup_required = QCheckBox(_("Sign-up needed"), objectName="signupRequired")
        self.age_group = QLineEdit(objectName="ageGroup")
        self.age_group.setMaxLength(events.AGE_GROUP_MAX)
        self.age_group.setPlaceholderText(_("e.g. everyone, children 7–12"))
        self.description = QPlainTextEdit(objectName="eventDescription")
        self.description.setPlaceholderText(
            _("What happens, what to bring; shown on the poster and the sign-up sheet.")
        )
        self.description.setMinimumHeight(70)

        self.languages: dict[str, QCheckBox] = {}
        language_box = QGroupBox(_("Languages spoken"))
        grid = QGridLayout(language_box)
        grid.setVerticalSpacing(2)
        for number, code in enumerate(SPOKEN_LANGUAGES):
            box = QCheckBox(language_display_name(code))
            self.languages[code] = box
            grid.addWidget(box, number // 3, number % 3)

        partner_box = QGroupBox(_("Partners"))
        partner_layout = QVBoxLayout(partner_box)
        self.partners = QListWidget(objectName="eventPartners")
        self.partners.setMinimumHeight(70)
        self.partners.setMaximumHeight(120)
        for partner in partners():
            self._add_partner(partner)
        self.no_partners = QLabel(_("No partners in the register yet."))
        self.no_partners.setStyleSheet("color: #5f6368;")
        self.no_partners.setVisible(self.partners.count() == 0)
        self.partners.setVisible(self.partners.count() > 0)
        partner_layout.addWidget(self.partners)
        partner_layout.addWidget(self.no_partners)

        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.fields.addRow(_("Title in Finnish"), self.title)
        self.fields.addRow(_("Title in Ukrainian"), self.title_uk)
        self.fields.addRow(_("Title in English"), self.title_en)
        self.fields.addRow(_("Kind"), self.kind)
        self._when_at = self.fields.rowCount()
        self.fields.addRow(_("Place"), self.place)
        self.fields.addRow(_("Places (people)"), self.capacity)
        self.fields.addRow("", self.signup_required)
        self.fields.addRow(_("Age group"), self.age_group)

        left = QVBoxLayout()
        left.addLayout(self.fields)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(language_box)
        right.addWidget(partner_box)
        right.addWidget(QLabel(_("Description")))
        right.addWidget(self.description, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addLayout(right, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def field_widgets(self) -> dict[str, QWidget]:
        """Core's field names → the widgets to point at when one is wrong."""
        return {
            "title": self.title,
            "title_uk": self.title_uk,
            "title_en": self.title_en,
            "kind": self.kind,
            "starts_at": self.starts,
            "ends_at": self.ends,
            "place": self.place,
            "capacity": self.capacity,
            "partners": self.partners,
            "description": self.description,
            "age_group": self.age_group,
        }

    def _add_partner(self, partner: Partner) -> QListWidgetItem:
        item = QListWidgetItem(partner.name)
        item.setData(Qt.UserRole, partner.id)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
        self.partners.addItem(item)
        return item

    def add_when_row(self, label: str, widget: QWidget) -> None:
        """A dialog's own row about the date, placed after the kind."""
        self.fields.insertRow(self._when_at, label, widget)
        self._when_at += 1

    def _kind_changed(self) -> None:
        if self.kind.currentData() == EventKind.COFFEE.value and not self.title.text().strip():
            self.apply_coffee_defaults()

    def apply_coffee_defaults(self) -> None:
        self.title.setText(COFFEE_TITLES["fi"])
        self.title_uk.setText(COFFEE_TITLES["uk"])
        self.title_en.setText(COFFEE_TITLES["en"])
        self.starts.setTime(qtime(COFFEE_HOURS[0]))
        self.ends.setTime(qtime(COFFEE_HOURS[1]))
        for code, box in self.languages.items():
            box.setChecked(code in COFFEE_LANGUAGES)
        if not self.place.text().strip():
            self.place.setText(COFFEE_PLACE)
        self.coffee_defaults_applied.emit()

    def fill(self, data: EventData) -> None:
        self.title.setText(data.title)
        self.title_uk.setText(data.title_uk)
        self.title_en.setText(data.title_en)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.kind.blockSignals(False)
        if data.starts_at is not None:
            self.starts.setTime(qtime(data.starts_at.time()))
        if data.ends_at is not None:
            self.ends.setTime(qtime(data.ends_at.time()))
        self.place.setText(data.place)
        self.capacity.setValue(data.capacity or 0)
        self.signup_required.setChecked(data.signup_required)
        self.age_group.setText(data.age_group)
        self.description.setPlainText(data.description)
        for code, box in self.languages.items():
            box.setChecked(code in data.languages)
        chosen = set(data.partner_ids)
        listed = set()
        for number in range(self.partners.count()):
            item = self.partners.item(number)
            listed.add(item.data(Qt.UserRole))
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in chosen else Qt.Unchecked)
        for partner_id in chosen - listed:  # an inactive partner still named on this event
            partner = Partner.get_or_none(Partner.id == partner_id)
            if partner is not None:
                self._add_partner(partner).setCheckState(Qt.Checked)
        self.partners.setVisible(self.partners.count() > 0)
        self.no_partners.setVisible(self.partners.count() == 0)

    def chosen_partner_ids(self) -> list[int]:
        return [
            self.partners.item(n).data(Qt.UserRole)
            for n in range(self.partners.count())
            if self.partners.item(n).checkState() == Qt.Checked
        ]

    def set_partner_checked(self, partner_id: int, checked: bool = True) -> None:
        for number in range(self.partners.count()):
            item = self.partners.item(number)
            if item.data(Qt.UserRole) == partner_id:
                item.setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def start_time(self) -> dt.time:
        return pytime(self.starts.time())

    def end_time(self) -> dt.time:
        return pytime(self.ends.time())

    def data(
        self, starts_at: dt.datetime | None = None, ends_at: dt.datetime | None = None
    ) -> EventData:
        return EventData(
            title=self.title.text(),
            title_uk=self.title_uk.text(),
            title_en=self.title_en.text(),
            kind=self.kind.currentData(),
            starts_at=starts_at,
            ends_at=ends_at,
            place=self.place.text(),
            capacity=self.capacity.value() or None,
            languages=[code for code, box in self.languages.items() if box.isChecked()],
            partner_ids=self.chosen_partner_ids(),
            description=self.description.toPlainText()[: DESCRIPTION_MAX + 1],
            signup_required=self.signup_required.isChecked(),
            age_group=self.age_group.text(),
        )


def _note(text: str, style: str, object_name: str) -> QLabel:
    label = QLabel(text, objectName=object_name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def run_and_point(dialog: QDialog, widgets: dict[str, QWidget], action) -> bool:
    """`run_form_action`, and the cursor goes to the field the message is about."""
    failed: list[str | None] = []

    def watched() -> None:
        try:
            action()
        except ValidationError as error:
            failed.append(error.field)
            raise

    if run_form_action(dialog, dialog.error, watched):
        return True
    widget = widgets.get(failed[0]) if failed else None
    if widget is not None and widget.isVisible():
        widget.setFocus()
    return False


def ask_new_last_date(parent: QWidget, current: dt.date) -> dt.date | None:
    """The extend-series question: until which date? None when the user changed their mind."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Extend the series"))
    text = QLabel(
        _("The series now runs to {date}. Make more occasions until:").format(
            date=format_date(current)
        )
    )
    text.setWordWrap(True)
    editor = date_editor(current + dt.timedelta(weeks=SERIES_WEEKS), "newLastDate")
    buttons = QDialogButtonBox()
    ok = buttons.addButton(_("Make the occasions"), QDialogButtonBox.AcceptRole)
    ok.setDefault(True)
    buttons.addButton(_("Back"), QDialogButtonBox.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.Accepted:
        return None
    return pydate(editor.date())


def _buttons_row(
    dialog: QDialog, save_text: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    buttons = QDialogButtonBox()
    save = buttons.addButton(save_text, QDialogButtonBox.AcceptRole)
    save.setDefault(True)
    save.setMinimumHeight(34)
    close = buttons.addButton(_("Close without saving"), QDialogButtonBox.RejectRole)
    close.setMinimumHeight(34)
    close.setObjectName("closeDialog")
    buttons.rejected.connect(dialog.reject)
    return buttons, save, close


class EventDialog(QDialog):
    """A new event (on `day` when given) or a change to one. After exec(): `event_id` is the
    saved event's id, `deleted` says it was removed, `changed_something` any change at all."""

    def __init__(
        self,
        session: DeskSession,
        event_id: int | None = None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.event_id = event_id
        self.deleted = False
        self.changed_something = False
        self.may_manage = session.can(Permission.MANAGE_EVENTS)
        self.shown_event = (
            events.get_event(session.user, event_id) if event_id is not None else None
        )
        self._day_given = day is not None
        self.setWindowTitle(_("Change the event") if self.shown_event else _("New event"))
        self.setMinimumWidth(860)
        self._build(day or dt.date.today())
        if self.shown_event is not None:
            self._fill()
        self._update_state()

    def _build(self, day: dt.date) -> None:
        self.form = EventForm(self.session)
        self.date = date_editor(day, "eventDate")
        self.other_day = QCheckBox(_("Ends on another day"), objectName="endsOnAnotherDay")
        self.end_date = date_editor(day, "eventEndDate")
        self.end_date.setVisible(False)
        end_row = QWidget()
        end_layout = QHBoxLayout(end_row)
        end_layout.setContentsMargins(0, 0, 0, 0)
        end_layout.addWidget(self.other_day)
        end_layout.addWidget(self.end_date)
        end_layout.addStretch(1)
        self.form.add_when_row(_("Date"), self.date)
        self.form.add_when_row(_("Time"), self.form.time_row)
        self.form.add_when_row("", end_row)
        self.other_day.toggled.connect(self._other_day_toggled)
        self.date.dateChanged.connect(self._date_changed)
        self.form.coffee_defaults_applied.connect(self._coffee_chosen)

        self.series_note = _note(
            _("This is one occasion of a weekly series: changes here touch only this date."),
            NOTE_STYLE,
            "seriesNote",
        )
        self.series_note.setVisible(False)
        self.cancelled_note = _note("", WARNING_STYLE, "cancelledNote")
        self.cancelled_note.setVisible(False)
        self.error = ErrorLabel()
        self.done_note = QLabel(objectName="doneNote")
        self.done_note.setWordWrap(True)
        self.done_note.setStyleSheet(DONE_STYLE)
        self.done_note.hide()

        self.cancel_button = QPushButton(_("Cancel the event…"), objectName="cancelEvent")
        self.restore_button = QPushButton(_("Restore the event"), objectName="restoreEvent")
        self.delete_button = QPushButton(_("Delete…"), objectName="deleteEvent")
        self.extend_button = QPushButton(_("Extend the series…"), objectName="extendSeries")
        self.cancel_button.clicked.connect(self.cancel_event)
        self.restore_button.clicked.connect(self.restore_event)
        self.delete_button.clicked.connect(self.delete_event)
        self.extend_button.clicked.connect(self.extend_series)
        self.actions = QWidget(objectName="eventActions")
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.cancel_button,
            self.restore_button,
            self.extend_button,
            self.delete_button,
        ):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)

        buttons, self.save_button, self.close_button = _buttons_row(self, _("Save"))
        self.save_button.setObjectName("saveEvent")
        buttons.accepted.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.series_note)
        layout.addWidget(self.cancelled_note)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.done_note)
        layout.addWidget(self.actions)
        self.actions.setVisible(self.shown_event is not None and self.may_manage)
        layout.addWidget(buttons)
        if not self.may_manage:
            self.form.setEnabled(False)
            self.date.setEnabled(False)
            self.save_button.hide()
        self.form.title.setFocus()

    def _fill(self) -> None:
        event = self.shown_event
        self.form.fill(events.data_of(event))
        self.date.setDate(qdate(event.starts_at.date()))
        other_day = event.ends_at.date() != event.starts_at.date()
        self.other_day.setChecked(other_day)
        self.end_date.setDate(qdate(event.ends_at.date()))

    def _update_state(self) -> None:
        event = self.shown_event
        in_series = event is not None and event.series_id is not None
        self.series_note.setVisible(in_series)
        cancelled = event is not None and event.cancelled
        if cancelled:
            text = _("This event was cancelled on {date}.").format(
                date=format_date(event.cancelled_at.date())
            )
            if event.cancel_reason:
                text += " " + _("Reason: {reason}").format(reason=event.cancel_reason)
            self.cancelled_note.setText(text)
        self.cancelled_note.setVisible(cancelled)
        self.cancel_button.setVisible(event is not None and not cancelled)
        self.restore_button.setVisible(cancelled)
        self.extend_button.setVisible(in_series)
        self.delete_button.setVisible(event is not None)

    def _other_day_toggled(self, checked: bool) -> None:
        self.end_date.setVisible(checked)
        if checked and self.end_date.date() <= self.date.date():
            self.end_date.setDate(self.date.date().addDays(1))

    def _date_changed(self, value: QDate) -> None:
        if not self.other_day.isChecked() or self.end_date.date() < value:
            self.end_date.setDate(value)

    def _coffee_chosen(self) -> None:
        if self.shown_event is None and not self._day_given:
            today = dt.date.today()
            self.date.setDate(qdate(next_weekday(today, COFFEE_WEEKDAY)))

    def times(self) -> tuple[dt.datetime, dt.datetime]:
        day = pydate(self.date.date())
        end_day = pydate(self.end_date.date()) if self.other_day.isChecked() else day
        return (
            dt.datetime.combine(day, self.form.start_time()),
            dt.datetime.combine(end_day, self.form.end_time()),
        )

    def save(self) -> None:
        starts_at, ends_at = self.times()
        data = self.form.data(starts_at, ends_at)
        user = self.session.user

        def store() -> None:
            if self.event_id is None:
                self.event_id = events.create_event(user, data).id
            else:
                events.update_event(user, self.event_id, data)

        widgets = self.form.field_widgets()
        if self.other_day.isChecked():
            widgets["ends_at"] = self.end_date
        if run_and_point(self, widgets, store):
            self.changed_something = True
            self.accept()

    def _reload(self) -> None:
        self.shown_event = events.get_event(self.session.user, self.event_id)
        self.changed_something = True
        self._update_state()

    def _done(self, text: str) -> None:
        """What an action did; it is stored already, so closing no longer loses anything."""
        self.done_note.setText(text)
        self.done_note.setVisible(bool(text))
        self.close_button.setText(_("Close"))

    @guarded
    def cancel_event(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            _("Cancel the event"),
            _("Why is it cancelled? (optional, e.g. the leader is ill)"),
        )
        if not ok:
            return
        told: list[int] = []
        if run_form_action(
            self,
            self.error,
            lambda: told.append(events.cancel_event(self.session.user, self.event_id, reason)),
        ):
            self._reload()
            count = told[0]
            if count:
                message = " ".join(
                    [
                        ngettext(
                            "The event is cancelled. Tell {count} signed-up visitor.",
                            "The event is cancelled. Tell {count} signed-up visitors.",
                            count,
                        ).format(count=count),
                        _("Their names and phone numbers are on the event's sign-up list."),
                    ]
                )
            else:
                message = _("The event is cancelled. Nobody had signed up.")
            self._done(message)

    @guarded
    def restore_event(self) -> None:
        if run_form_action(
            self, self.error, lambda: events.restore_event(self.session.user, self.event_id)
        ):
            self._reload()
            self._done(_("The event is back in the calendar."))

    @guarded
    def delete_event(self) -> None:
        event = self.shown_event
        question = _(
            "Delete “{title}” on {date}? Use this only for an event entered by mistake."
        ).format(title=event.local_title(), date=format_date(event.starts_at.date()))
        if not confirm(self, _("Delete the event"), question):
            return
        if run_form_action(
            self, self.error, lambda: events.delete_event(self.session.user, self.event_id)
        ):
            self.deleted = True
            self.changed_something = True
            self.accept()

    @guarded
    def extend_series(self) -> None:
        series = event_series.get_series(self.session.user, self.shown_event.series_id)
        until = ask_new_last_date(self, series.until_date)
        if until is None:
            return
        made: list[int] = []
        if run_form_action(
            self,
            self.error,
            lambda: made.append(event_series.extend_series(self.session.user, series.id, until)),
        ):
            self.changed_something = True
            self._done(
                ngettext(
                    "{count} occasion added, until {date}.",
                    "{count} occasions added, until {date}.",
                    made[0],
                ).format(count=made[0], date=format_date(until))
            )


class SeriesDialog(QDialog):
    """A weekly series. After exec(): `series_id`, `made` (how many occasions) and
    `result_text` ('13 occasions made.')."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.series_id: int | None = None
        self.made = 0
        self.first_occasion: dt.date | None = None
        self.result_text = ""
        self.setWindowTitle(_("New weekly series"))
        self.setMinimumWidth(860)
        today = dt.date.today()
        self.form = EventForm(session)
        self.weekday = QComboBox(objectName="seriesWeekday")
        monday = today - dt.timedelta(days=today.weekday())
        for number in range(7):
            self.weekday.addItem(capitalized(long_weekday(monday + dt.timedelta(number))), number)
        self.weekday.setCurrentIndex(today.weekday())
        self.first_date = date_editor(today, "seriesFirstDate")
        self.until_date = date_editor(today + dt.timedelta(weeks=SERIES_WEEKS), "seriesUntil")
        self.skip_holidays = QCheckBox(
            _("Skip public holidays (the centre is closed)"), objectName="skipHolidays"
        )
        self.skip_holidays.setChecked(True)
        self.form.add_when_row(_("Weekday"), self.weekday)
        self.form.add_when_row(_("Time"), self.form.time_row)
        self.form.add_when_row(_("First date"), self.first_date)
        self.form.add_when_row(_("Last date"), self.until_date)
        self.form.add_when_row("", self.skip_holidays)
        self.preview = QLabel(objectName="seriesPreview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(NOTE_STYLE)
        self.error = ErrorLabel()
        buttons, self.save_button, _close = _buttons_row(self, _("Make the series"))
        self.save_button.setObjectName("saveSeries")
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for signal in (
            self.weekday.currentIndexChanged,
            self.first_date.dateChanged,
            self.until_date.dateChanged,
            self.skip_holidays.toggled,
        ):
            signal.connect(self.update_preview)
        self.form.coffee_defaults_applied.connect(
            lambda: self.weekday.setCurrentIndex(COFFEE_WEEKDAY)
        )
        if not session.can(Permission.MANAGE_EVENTS):
            self.form.setEnabled(False)
            self.save_button.hide()
        self.update_preview()
        self.form.kind.setFocus()

    def rule(self) -> WeeklyRule:
        return WeeklyRule(
            weekday=self.weekday.currentData(),
            starts=self.form.start_time(),
            ends=self.form.end_time(),
            first_date=pydate(self.first_date.date()),
            until_date=pydate(self.until_date.date()),
            skip_holidays=self.skip_holidays.isChecked(),
        )

    def update_preview(self) -> None:
        rule = self.rule()
        if rule.until_date < rule.first_date:
            self.preview.setText(_("The last date must not be before the first date."))
            return
        dates = occasion_dates(rule)
        text = ngettext("{count} occasion", "{count} occasions", len(dates)).format(
            count=len(dates)
        )
        if dates:
            text += ": " + _("{first} to {last}").format(
                first=format_date(dates[0]), last=format_date(dates[-1])
            )
        if rule.skip_holidays:
            closed = []
            for day, name in holidays_between(rule.first_date, rule.until_date).items():
                if day.weekday() == rule.weekday:
                    holiday = _(name)
                    closed.append(f"{format_date(day)} {holiday}")
            if closed:
                text += "\n" + _("Skipped: {days}").format(days=", ".join(closed))
        self.preview.setText(text)

    def save(self) -> None:
        rule = self.rule()
        data = self.form.data()
        result: list = []

        def store() -> None:
            result.append(event_series.create_series(self.session.user, data, rule))

        widgets = {
            **self.form.field_widgets(),
            "weekday": self.weekday,
            "until_date": self.until_date,
        }
        if run_and_point(self, widgets, store):
            series, made = result[0]
            self.series_id = series.id
            self.made = made
            dates = occasion_dates(rule)
            self.first_occasion = dates[0] if dates else None
            self.result_text = ngettext(
                "{count} occasion made.", "{count} occasions made.", made
            ).format(count=made)
            self.accept()
