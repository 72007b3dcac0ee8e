"""Booking an advice session: who, when, what about – a calm half-minute at the desk.

One page with three numbered parts side by side, so nothing is hidden behind a
"Next" button: 1 the person (found as the desk finds them, scanned from a card,
or added on the spot), 2 the day and one of its free times, 3 the topic and the
language. The core checks the booking again when it is saved; what it refuses
(a taken time, outside the hours, a length that runs over) is shown next to
the part to fix and nothing is saved. After booking, the dialog offers the
appointment slip to print, without forcing it.

The same dialog moves or changes an existing booking (`session_id`), and
offers the queue when nothing is free for the wanted length.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import (
    advice,
    advice_booking,
    advice_hours,
    advice_topics,
    database,
    people,
)
from lumijobi_desktop.core.advice import MINUTES_MAX, MINUTES_MIN, MINUTES_STEP, QUEUE_HORIZON
from lumijobi_desktop.core.advice_booking import BookingData
from lumijobi_desktop.core.errors import LumijobiError, ValidationError
from lumijobi_desktop.core.i18n import (
    N_,
    _,
    current_language,
    format_time,
    language_display_name,
)
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES, Person, PersonData
from lumijobi_desktop.ui.advice.texts import advice_when, interpreter_text, slot_when
from lumijobi_desktop.ui.errors import guarded, report
from lumijobi_desktop.ui.events.signup_dialog import FIND, NEW, PersonChooser
from lumijobi_desktop.ui.events.texts import short_day
from lumijobi_desktop.ui.persons.person_dialog import SimilarPersonsDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel

# Where a refusal from the core is shown: next to the part of the form to fix.
WHEN_FIELDS = {"starts_at", "minutes", "adviser"}
WHAT_FIELDS = {"topic", "language", "interpreter_language", "bring", "wishes"}
# The slip's paper sizes (printing.advice_slip.SLIP_PAPERS) as the desk reads them.
SLIP_PAPER_NAMES = (("a6", N_("A6")), ("half-a4", N_("Half A4")))
FREE_DAY = "#c8e6c9"
FULL_DAY = "#eeeeee"


# --- small texts shared by the advice screens of the desk ---------------------------------------


def length_text(minutes: int) -> str:
    """`30 min`, `1 h`, `1 h 30 min`."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{count} min").format(count=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def _larger(widget: QWidget, factor: float = 1.15) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def _part_title(number: int, text: str) -> QLabel:
    label = QLabel(f"{number}  {text}")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("color: #0d47a1;")
    return label


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


# --- the form's fields, shared with the queue dialog ---------------------------------------------


def topic_combo(selected: int | None = None) -> QComboBox:
    """The active topics by their name in the screen's language; first 'Choose…'."""
    combo = QComboBox(objectName="adviceTopic")
    combo.addItem(_("Choose the topic…"), None)
    for topic in advice_topics.topics():
        combo.addItem(topic.name, topic.id)
    if selected is not None and combo.findData(selected) < 0:
        # A hidden topic stays on the booking that has it.
        topic = advice_topics.get_topic(selected)
        combo.addItem(topic.name, topic.id)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
    combo.setMaxVisibleItems(15)
    return combo


def length_combo(minutes: int = 30) -> QComboBox:
    combo = QComboBox(objectName="adviceLength")
    for value in range(MINUTES_MIN, MINUTES_MAX + 1, MINUTES_STEP):
        combo.addItem(length_text(value), value)
    combo.setMaxVisibleItems(12)
    set_combo_data(combo, minutes)
    return combo


def spoken_language_combo(selected: str = "", name: str = "adviceLanguage") -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.addItem(_("Not said"), "")
    for code in SPOKEN_LANGUAGES:
        combo.addItem(language_display_name(code), code)
    set_combo_data(combo, selected)
    return combo


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class InterpreterRow(QWidget):
    """'Interpreter needed' and, when ticked, for which language."""

    def __init__(self, needed: bool = False, language: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.needed = QCheckBox(_("Interpreter needed"), objectName="interpreterNeeded")
        self.needed.setChecked(needed)
        self.language = spoken_language_combo(language, "interpreterLanguage")
        self.language.setEnabled(needed)
        self.needed.toggled.connect(self.language.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.needed)
        layout.addWidget(self.language, 1)

    def suggest(self, language: str) -> None:
        """Until ticked, the interpreter's language follows the session's (when not Finnish)."""
        if not self.needed.isChecked() and language and language != "fi":
            set_combo_data(self.language, language)

    def value(self) -> tuple[bool, str]:
        needed = self.needed.isChecked()
        return needed, self.language.currentData() if needed else ""


# --- who ------------------------------------------------------------------------------------------


class PersonField(QStackedWidget):
    """The person: shown on a card when known (from the desk, or the booking being changed),
    else chosen with the events' PersonChooser (search, card scan, quick add)."""

    person_changed = Signal()

    def __init__(
        self,
        session: DeskSession,
        person_id: int | None = None,
        *,
        locked: bool = False,
        locked_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.locked = locked
        self.fixed: Person | None = None
        self.chooser = PersonChooser(session, anonymous=False)
        self.card = QWidget()
        box = QFrame(objectName="personCard")
        box.setStyleSheet(
            "#personCard { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 6px; }"
        )
        self.name = QLabel(objectName="bookingPersonName")
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.other_button = QPushButton(_("Someone else…"), objectName="otherPerson")
        self.other_button.clicked.connect(self.choose_other)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.name)
        box_layout.addWidget(self.details)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(box)
        if not locked:
            box_layout.addSpacing(8)
            box_layout.addWidget(self.other_button, 0, Qt.AlignLeft)
        self.card_note = self._note_label()
        card_layout.addWidget(self.card_note)
        card_layout.addStretch(1)
        self.chooser_page = QWidget()
        self.chooser_note = self._note_label()
        chooser_layout = QVBoxLayout(self.chooser_page)
        chooser_layout.setContentsMargins(0, 0, 0, 0)
        chooser_layout.addWidget(self.chooser, 1)
        chooser_layout.addWidget(self.chooser_note)
        self.addWidget(self.card)
        self.addWidget(self.chooser_page)
        if person_id is not None:
            self.show_person(people.get_person(session.user, person_id))
        elif locked:
            self.name.setText(locked_name or _("(erased)"))
            self.setCurrentWidget(self.card)
        else:
            self.setCurrentWidget(self.chooser_page)
        self.chooser.results.currentItemChanged.connect(lambda *_args: self.person_changed.emit())
        self.chooser.currentChanged.connect(lambda _index: self.person_changed.emit())

    @staticmethod
    def _note_label() -> QLabel:
        label = QLabel(objectName="personBookings")
        label.setWordWrap(True)
        label.setStyleSheet(
            "background: #fff3c4; color: #4a3500; border: 1px solid #e0b000;"
            " border-radius: 4px; padding: 4px;"
        )
        label.hide()
        return label

    def set_note(self, text: str) -> None:
        """A line under the person, e.g. the times already booked for them."""
        for label in (self.card_note, self.chooser_note):
            label.setText(text)
            label.setVisible(bool(text))

    def note(self) -> str:
        return self.card_note.text()

    def show_person(self, person: Person) -> None:
        self.fixed = person
        self.name.setText(person.full_name)
        parts = []
        if person.phone:
            parts.append(person.phone)
        if person.birth_year:
            parts.append(_("born {year}").format(year=person.birth_year))
        languages = [language_display_name(code, capitalize=False) for code in person.languages]
        if languages:
            parts.append(", ".join(languages))
        self.details.setText(" · ".join(parts))
        self.setCurrentWidget(self.card)
        self.person_changed.emit()

    def choose_other(self) -> None:
        self.fixed = None
        self.setCurrentWidget(self.chooser_page)
        self.chooser.set_mode(FIND)
        self.chooser.search.setFocus()
        self.person_changed.emit()

    def choosing(self) -> bool:
        return self.currentWidget() is self.chooser_page

    def person(self) -> Person | None:
        """The registered person chosen now, if any (not a quick add being typed)."""
        if not self.choosing():
            return self.fixed
        if self.chooser.mode() == FIND:
            return self.chooser.chosen()
        return None

    def quick_data(self) -> PersonData | None:
        if self.choosing() and self.chooser.mode() == NEW:
            return self.chooser.quick_data()
        return None

    def for_saving(self, parent: QWidget) -> int | PersonData | bool:
        """A person's id, quick-add data to register with the booking, or False to stop."""
        if not self.choosing():
            if self.fixed is None:
                raise ValidationError(_("This visitor is no longer in the register."), "person")
            return self.fixed.id
        if self.chooser.mode() == FIND:
            person = self.chooser.chosen()
            if person is None:
                raise ValidationError(
                    _("Choose a visitor from the list, or add a new visitor."), field="person"
                )
            return person.id
        data = self.chooser.quick_data().cleaned()
        similar = people.find_similar(self.session.user, data)
        if similar:
            dialog = SimilarPersonsDialog(similar, parent)
            outcome = dialog.exec()
            if outcome == QDialog.Accepted and dialog.chosen is not None:
                return dialog.chosen.id
            if outcome != SimilarPersonsDialog.REGISTER_NEW:
                return False
        return data  # registered together with the booking, in one transaction

    def accept_scan(self, text: str) -> bool:
        """A visitor card scanned while the dialog is open chooses that visitor."""
        if self.locked:
            return True  # the booking's person cannot change; the scan changes nothing
        if not self.choosing():
            self.choose_other()
        return self.chooser.accept_scan(text)

    def focus(self) -> None:
        if self.choosing():
            self.chooser.search.setFocus()


# --- the dialog -----------------------------------------------------------------------------------


class BookingDialog(QDialog):
    """Book a person into a free advice time, or change a booking (`session_id`).

    After a booking `booked_session_id` holds the session's id (also when the
    dialog is then closed without printing); `queued_entry_id` is set when the
    person was put in the queue instead.
    """

    def __init__(
        self,
        session: DeskSession,
        parent: QWidget | None = None,
        *,
        adviser_id: int | None = None,
        starts_at: dt.datetime | None = None,
        person_id: int | None = None,
        session_id: int | None = None,
        typed: str = "",
    ):
        super().__init__(parent)
        self.session = session
        self.session_id = session_id
        self.booked_session_id: int | None = None
        self.queued_entry_id: int | None = None
        self._chosen_start: dt.datetime | None = None
        self._length_touched = False
        self._language_touched = False
        self._filling = False
        self.advisers = advice_hours.advisers()
        original = advice.session_row(session.user, session_id) if session_id else None
        self.original = original
        if original is not None:
            adviser_id = original.adviser_id
            starts_at = original.starts_at
            person_id = original.person_id
        self.setWindowTitle(_("Change the advice time") if original else _("Book advice time"))
        self.setMinimumSize(1020, 600)

        self.pages = QStackedWidget()
        self.form_page = QWidget()
        self.done_page = QWidget()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.done_page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self._build_form(person_id, original)
        if typed and self.person_field.choosing():
            # What was typed into the desk's search need not be typed again.
            self.person_field.chooser.search.setText(typed)
        self._build_done_page()
        self._start(adviser_id, starts_at, original)

    # building ---------------------------------------------------------------------------------
    def _build_form(self, person_id: int | None, original) -> None:
        # 1 who
        self.person_field = PersonField(
            self.session,
            person_id,
            locked=original is not None,
            locked_name=original.person_name if original else "",
        )
        self.person_field.person_changed.connect(self._person_changed)
        self.who_error = ErrorLabel()
        who = QVBoxLayout()
        who.addWidget(_part_title(1, _("Who")))
        who.addWidget(self.person_field, 1)
        who.addWidget(self.who_error)

        # 2 when
        self.adviser_label = QLabel(_("Coordinator"))
        self.adviser = QComboBox(objectName="adviceAdviser")
        for user in self.advisers:
            self.adviser.addItem(user.display_name, user.id)
        several = len(self.advisers) > 1
        self.adviser_label.setVisible(several)
        self.adviser.setVisible(several)
        self.calendar = QCalendarWidget(objectName="adviceCalendar")
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.calendar.setGridVisible(False)
        self.calendar.setMinimumHeight(200)
        self.length = length_combo()
        self.next_button = QPushButton(_("Next free time"), objectName="nextFreeTime")
        self.next_button.setMinimumHeight(32)
        self.day_title = QLabel(objectName="adviceDayTitle")
        self.day_title.setWordWrap(True)
        _larger(self.day_title, 1.05)
        self.times = QListWidget(objectName="adviceTimes")
        self.times.setFlow(QListView.LeftToRight)
        self.times.setWrapping(True)
        self.times.setResizeMode(QListView.Adjust)
        self.times.setUniformItemSizes(True)
        self.times.setSpacing(3)
        self.times.setMinimumHeight(84)
        self.times.setStyleSheet(
            "QListWidget::item { border: 1px solid #90a4ae; border-radius: 4px;"
            " padding: 4px 8px; }"
            "QListWidget::item:selected { background: #1565c0; color: white; }"
        )
        _larger(self.times, 1.15)
        self.day_note = _hint()
        self.day_note.setObjectName("adviceDayNote")
        self.when_error = ErrorLabel()
        self.queue_button = QPushButton(_("Put in the queue…"), objectName="putInQueue")
        self.queue_button.setMinimumHeight(32)
        self.queue_button.hide()
        adviser_row = QHBoxLayout()
        adviser_row.addWidget(self.adviser_label)
        adviser_row.addWidget(self.adviser, 1)
        length_row = QHBoxLayout()
        length_row.addWidget(QLabel(_("How long")))
        length_row.addWidget(self.length)
        length_row.addStretch(1)
        length_row.addWidget(self.next_button)
        when = QVBoxLayout()
        when.addWidget(_part_title(2, _("When")))
        when.addLayout(adviser_row)
        when.addWidget(self.calendar)
        when.addLayout(length_row)
        when.addWidget(self.day_title)
        when.addWidget(self.times, 1)
        when.addWidget(self.day_note)
        when.addWidget(self.when_error)
        when.addWidget(self.queue_button, 0, Qt.AlignLeft)

        # 3 what about
        self.topic = topic_combo(original.topic_id if original else None)
        self.bring_hint = _hint()
        self.bring_hint.setObjectName("topicBring")
        self.language = spoken_language_combo(original.language if original else "")
        self.interpreter = InterpreterRow(
            original.interpreter_needed if original else False,
            original.interpreter_language if original else "",
        )
        self.bring = QLineEdit(original.bring if original else "", objectName="adviceBring")
        self.bring.setMaxLength(advice_booking.BRING_MAX)
        self.bring.setPlaceholderText(_("optional, e.g. the rent contract"))
        self.what_error = ErrorLabel()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)
        form.addRow(_("Topic"), self.topic)
        form.addRow(self.bring_hint)
        form.addRow(_("Language of the session"), self.language)
        form.addRow(self.interpreter)
        form.addRow(_("Also bring"), self.bring)
        what = QVBoxLayout()
        what.addWidget(_part_title(3, _("What about")))
        what.addLayout(form)
        what.addWidget(self.what_error)
        what.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(who, 10)
        columns.addWidget(self._separator())
        columns.addLayout(when, 11)
        columns.addWidget(self._separator())
        columns.addLayout(what, 9)

        self.error = ErrorLabel()
        self.save_button = QPushButton(
            _("Save the changes") if original else _("Book"), objectName="saveBooking"
        )
        self.save_button.setDefault(True)
        self.save_button.setMinimumHeight(40)
        self.save_button.setMinimumWidth(160)
        _larger(self.save_button, 1.15)
        cancel = QPushButton(_("Cancel"), objectName="cancelBooking")
        cancel.setMinimumHeight(40)
        cancel.setMinimumWidth(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self.form_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        self.adviser.currentIndexChanged.connect(self._adviser_changed)
        self.calendar.selectionChanged.connect(self._date_changed)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark_days())
        self.length.currentIndexChanged.connect(self._length_changed)
        self.times.currentItemChanged.connect(self._time_chosen)
        self.next_button.clicked.connect(self.choose_next_free)
        self.queue_button.clicked.connect(self.put_in_queue)
        self.topic.currentIndexChanged.connect(self._topic_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    @staticmethod
    def _separator() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.VLine)
        line.setStyleSheet("color: #cfd8dc;")
        return line

    def _build_done_page(self) -> None:
        self.done_title = QLabel(objectName="bookingDoneTitle")
        font = self.done_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.done_title.setFont(font)
        self.done_title.setStyleSheet("color: #1b5e20;")
        self.done_text = QLabel(objectName="bookingDoneText")
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        _larger(self.done_text, 1.25)
        self.slip_box = QFrame(objectName="slipBox")
        self.slip_box.setStyleSheet(
            "#slipBox { background: #f5f5f5; border: 1px solid #ddd; border-radius: 6px; }"
        )
        self.print_button = QPushButton(_("Print the slip"), objectName="printSlip")
        self.print_button.setMinimumHeight(40)
        _larger(self.print_button, 1.1)
        self.pdf_button = QPushButton(_("Save as PDF…"), objectName="saveSlip")
        self.pdf_button.setMinimumHeight(40)
        self.paper = QComboBox(objectName="slipPaper")
        for code, name in SLIP_PAPER_NAMES:
            self.paper.addItem(_(name), code)
        slip_row = QGridLayout(self.slip_box)
        slip_text = QLabel(
            _("Give the visitor the appointment slip: the time, the place and what to bring.")
        )
        slip_text.setWordWrap(True)
        slip_row.addWidget(slip_text, 0, 0, 1, 5)
        slip_row.addWidget(self.print_button, 1, 0)
        slip_row.addWidget(self.pdf_button, 1, 1)
        slip_row.addWidget(QLabel(_("Paper")), 1, 2, Qt.AlignRight)
        slip_row.addWidget(self.paper, 1, 3)
        slip_row.setColumnStretch(4, 1)
        self.print_button.setMinimumWidth(200)
        self.done_button = QPushButton(_("Done"), objectName="bookingDone")
        self.done_button.setMinimumHeight(40)
        self.done_button.setMinimumWidth(160)
        _larger(self.done_button, 1.15)
        layout = QVBoxLayout(self.done_page)
        layout.addStretch(1)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_text)
        layout.addSpacing(16)
        layout.addWidget(self.slip_box)
        layout.addStretch(2)
        layout.addWidget(self.done_button, 0, Qt.AlignRight)
        self.print_button.clicked.connect(self.print_slip)
        self.pdf_button.clicked.connect(self.save_slip)
        self.done_button.clicked.connect(self.accept)

    # starting ---------------------------------------------------------------------------------
    def _start(self, adviser_id: int | None, starts_at: dt.datetime | None, original) -> None:
        today = database.now().date()
        self.calendar.setMinimumDate(_qdate(min(today, starts_at.date()) if starts_at else today))
        self.calendar.setMaximumDate(_qdate(today + dt.timedelta(days=400)))
        if not self.advisers:
            self._no_advisers()
            return
        if adviser_id is None and self.session.user.id in [u.id for u in self.advisers]:
            adviser_id = self.session.user.id
        first_free = None
        if starts_at is None:
            first_free = self._next_free(database.now(), adviser_id)
            if adviser_id is None and first_free is not None:
                adviser_id = first_free[1]
        self._filling = True
        set_combo_data(self.adviser, adviser_id)
        if original is not None:
            set_combo_data(self.length, original.minutes)
            self._length_touched = self._language_touched = True
        elif starts_at is not None:
            window = self._window_at(starts_at)
            if window is not None:
                set_combo_data(self.length, window.slot_minutes)
        self._chosen_start = starts_at
        if starts_at is not None:
            day = starts_at.date()
        else:
            day = first_free[0].date() if first_free else today
        self.calendar.setSelectedDate(_qdate(day))
        self._filling = False
        self._person_changed()
        self._topic_changed()
        self._date_changed()
        if self.person_field.choosing():
            self.person_field.focus()
        elif starts_at is None:
            self.times.setFocus()
        else:
            self.topic.setFocus()

    def _no_advisers(self) -> None:
        self.calendar.setEnabled(False)
        self.length.setEnabled(False)
        self.next_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.day_note.setText(
            _("No coordinator has advice hours yet. Staff set them in the advice calendar.")
        )

    # reading the form -------------------------------------------------------------------------
    def adviser_id(self) -> int | None:
        return self.adviser.currentData()

    def minutes(self) -> int:
        return self.length.currentData()

    def chosen_day(self) -> dt.date:
        return self.calendar.selectedDate().toPython()

    def chosen_start(self) -> dt.datetime | None:
        return self._chosen_start

    def _window_at(self, start: dt.datetime) -> advice_hours.Window | None:
        adviser_id = self.adviser_id()
        if adviser_id is None:
            return None
        windows = advice_hours.windows_on(adviser_id, start.date())
        return next((w for w in windows if w.start <= start < w.end), None)

    def _next_free(
        self, after: dt.datetime, adviser_id: int | None = None
    ) -> tuple[dt.datetime, int] | None:
        """The earliest free time of the chosen length: with that coordinator, or anyone."""
        best = None
        for user in self.advisers:
            if adviser_id is not None and user.id != adviser_id:
                continue
            found = advice.next_free_start(user.id, self.minutes(), after)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], user.id)
        return best

    # reacting ---------------------------------------------------------------------------------
    @guarded
    def _person_changed(self) -> None:
        person = self.person_field.person()
        self.who_error.clear_message()
        if person is None:
            self.person_field.set_note("")
            return
        if not self._language_touched:
            first = next((code for code in person.languages if code in SPOKEN_LANGUAGES), "")
            self._filling = True
            set_combo_data(self.language, first)
            self._filling = False
            self._default_interpreter_language()
        booked = [
            row
            for row in advice.upcoming_sessions_of(
                self.session.user, person.id, moment=database.now()
            )
            if row.id != self.session_id
        ]
        self.person_field.set_note(
            _("Already booked: {times}").format(
                times=", ".join(advice_when(row.starts_at, row.minutes) for row in booked)
            )
            if booked
            else ""
        )

    def _language_changed(self, _index: int) -> None:
        if not self._filling:
            self._language_touched = True
        self._default_interpreter_language()

    def _default_interpreter_language(self) -> None:
        self.interpreter.suggest(self.language.currentData())

    @guarded
    def _topic_changed(self, _index: int = 0) -> None:
        topic_id = self.topic.currentData()
        bring = ""
        if topic_id is not None:
            bring = advice_topics.get_topic(topic_id).bring_in(current_language().code)
        self.bring_hint.setText(_("To bring: {things}").format(things=bring) if bring else "")
        self.bring_hint.setVisible(bool(bring))

    @guarded
    def _adviser_changed(self, _index: int) -> None:
        if not self._filling:
            self._refresh_day()

    @guarded
    def _date_changed(self) -> None:
        if self._filling:
            return
        if not self._length_touched and self.adviser_id() is not None:
            windows = advice_hours.windows_on(self.adviser_id(), self.chosen_day())
            if windows:
                self._filling = True
                set_combo_data(self.length, windows[0].slot_minutes)
                self._filling = False
        self._refresh_day()

    def _length_changed(self, _index: int) -> None:
        if self._filling:
            return
        self._length_touched = True
        self._refresh_day()

    @guarded
    def _refresh_day(self) -> None:
        self._mark_days()
        self._fill_times()

    def _fill_times(self) -> None:
        """The free starts of the chosen day for the chosen length; the chosen one kept."""
        adviser_id = self.adviser_id()
        if adviser_id is None:
            return
        day = self.chosen_day()
        moment = database.now()
        free = advice.free_starts(
            adviser_id,
            day,
            day,
            self.minutes(),
            after=moment,
            except_session=self.session_id,
        )
        starts = [start for start, _window in free]
        chosen = (
            self._chosen_start if self._chosen_start and self._chosen_start.date() == day else None
        )
        shown = sorted(set(starts) | ({chosen} if chosen else set()))
        self.times.blockSignals(True)
        self.times.clear()
        for start in shown:
            item = QListWidgetItem(format_time(start))
            item.setData(Qt.UserRole, start)
            item.setTextAlignment(Qt.AlignCenter)
            if start not in starts:
                item.setForeground(QBrush(QColor("#b00020")))
                item.setToolTip(_("This time does not fit: see the message below."))
            self.times.addItem(item)
            if start == chosen:
                self.times.setCurrentItem(item)
        self.times.blockSignals(False)
        self.day_title.setText(
            _("Free times on {day}").format(day=short_day(day)) if starts else short_day(day)
        )
        windows = advice_hours.windows_on(adviser_id, day)
        if not windows:
            note = _("No advice hours on this day. Days with free times are green in the calendar.")
        elif not starts:
            note = _("No free time of {length} on this day.").format(
                length=length_text(self.minutes())
            )
        else:
            places = sorted({window.place for window in windows if window.place})
            note = _("Place: {place}").format(place=", ".join(places)) if places else ""
        self.day_note.setText(note)
        self.times.setVisible(bool(shown))
        self._check_fit()

    def _mark_days(self) -> None:
        """Days with free times green, days with hours but full grey, in the shown month."""
        adviser_id = self.adviser_id()
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        if adviser_id is None:
            return
        first = dt.date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        # The calendar shows a few days of the months around it too.
        first, last = first - dt.timedelta(days=7), last + dt.timedelta(days=14)
        with_hours = advice_hours.windows_between(adviser_id, first, last)
        free_days = {
            start.date()
            for start, _window in advice.free_starts(
                adviser_id,
                first,
                last,
                self.minutes(),
                after=database.now(),
                except_session=self.session_id,
            )
        }
        free, full = QTextCharFormat(), QTextCharFormat()
        free.setBackground(QColor(FREE_DAY))
        free.setFontWeight(700)
        full.setBackground(QColor(FULL_DAY))
        full.setForeground(QColor("#757575"))
        for day, windows in with_hours.items():
            if windows:
                self.calendar.setDateTextFormat(_qdate(day), free if day in free_days else full)

    def _time_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self._chosen_start = item.data(Qt.UserRole)
        self.queue_button.hide()
        self._check_fit()

    @guarded
    def _check_fit(self) -> None:
        """Say at once when the chosen time does not fit (taken, outside hours, too long)."""
        start = self._chosen_start
        adviser_id = self.adviser_id()
        if start is None or adviser_id is None or start.date() != self.chosen_day():
            self.when_error.clear_message()
            return
        try:
            unchanged = self.original is not None and (
                (adviser_id, start, self.minutes())
                == (self.original.adviser_id, self.original.starts_at, self.original.minutes)
            )
            if unchanged:
                self.when_error.clear_message()
                return
            if start < database.now().replace(second=0, microsecond=0):
                raise ValidationError(_("This time has already passed."), field="starts_at")
            advice_booking.fitting_window(
                adviser_id, start, self.minutes(), except_session=self.session_id
            )
        except ValidationError as error:
            self.when_error.show_message(error.message)
            return
        self.when_error.clear_message()

    @guarded
    def choose_next_free(self) -> None:
        """Go to the earliest free time of the chosen length (any coordinator) and choose it."""
        found = self._next_free(database.now())
        if found is None:
            self.when_error.show_message(
                _("No free time of {length} in the next {weeks} weeks.").format(
                    length=length_text(self.minutes()), weeks=QUEUE_HORIZON.days // 7
                )
            )
            self.queue_button.setVisible(self.original is None)
            return
        start, adviser_id = found
        self._filling = True
        set_combo_data(self.adviser, adviser_id)
        self._chosen_start = start
        self.calendar.setSelectedDate(_qdate(start.date()))
        self._filling = False
        self._refresh_day()
        self.times.setFocus()

    # saving -----------------------------------------------------------------------------------
    def booking_data(self) -> BookingData:
        """What the form says now; what is missing raises a ValidationError for its part."""
        adviser_id = self.adviser_id()
        if adviser_id is None:
            raise ValidationError(_("No coordinator has advice hours yet."), field="adviser")
        start = self._chosen_start
        if start is None or start.date() != self.chosen_day():
            raise ValidationError(_("Choose a free time."), field="starts_at")
        topic_id = self.topic.currentData()
        if topic_id is None:
            raise ValidationError(_("Choose the topic."), field="topic")
        needed, interpreter_language = self.interpreter.value()
        return BookingData(
            adviser_id=adviser_id,
            starts_at=start,
            topic_id=topic_id,
            minutes=self.minutes(),
            language=self.language.currentData(),
            interpreter_needed=needed,
            interpreter_language=interpreter_language,
            bring=self.bring.text(),
        ).cleaned()

    def _clear_errors(self) -> None:
        for label in (self.who_error, self.when_error, self.what_error, self.error):
            label.clear_message()

    def show_error(self, error: LumijobiError) -> None:
        """Next to the part to fix: who, when, what about; else under the form."""
        field = getattr(error, "field", None)
        if field in WHEN_FIELDS:
            label = self.when_error
        elif field in WHAT_FIELDS:
            label = self.what_error
        elif field is not None:
            label = self.who_error
        else:
            label = self.error
        label.show_message(error.message)

    def save(self) -> None:
        """Book (or change); what the core refuses is shown and nothing is saved."""
        self._clear_errors()
        try:
            data = self.booking_data()
            moment = database.now()
            changing = self.original is not None
            moved = not changing or (data.adviser_id, data.starts_at, data.minutes) != (
                self.original.adviser_id,
                self.original.starts_at,
                self.original.minutes,
            )
            if moved:
                # Check the time before asking anything more about the person.
                advice_booking.fitting_window(
                    data.adviser_id,
                    data.starts_at,
                    data.minutes,
                    except_session=self.session_id,
                )
            if changing:
                booked = advice_booking.change_session(
                    self.session.user, self.session_id, data, moment
                )
            else:
                person = self.person_field.for_saving(self)
                if person is False:
                    return
                booked = advice_booking.book_session(self.session.user, person, data, moment)
        except LumijobiError as error:
            self.show_error(error)
            self._refresh_after_refusal()
            return
        except Exception as error:
            report(self, error)
            return
        self.booked_session_id = booked.id
        self._show_booked()

    def _refresh_after_refusal(self) -> None:
        """Someone may have taken the time meanwhile: show what is free now, keep the message."""
        message = self.when_error.text() if self.when_error.isVisible() else ""
        try:
            self._mark_days()
            self._fill_times()
        except LumijobiError:
            return
        if message and not self.when_error.isVisible():
            self.when_error.show_message(message)

    def _show_booked(self) -> None:
        row = advice.session_row(self.session.user, self.booked_session_id)
        self.done_title.setText(_("Changed ✓") if self.original else _("Booked ✓"))
        lines = [
            f"<b>{_escape(row.person_name)}</b>",
            _escape(slot_when(row.starts_at, row.ends_at)),
            _escape(row.topic),
        ]
        where = [part for part in (row.adviser_name, row.place) if part]
        if where:
            lines.append(_escape(" · ".join(where)))
        note = interpreter_text(row)
        if note:
            lines.append(_escape(note))
        self.done_text.setText("<br>".join(lines))
        self.slip_box.show()
        self.pages.setCurrentWidget(self.done_page)
        self.setWindowTitle(_("Booked"))
        self.done_button.setDefault(True)
        self.print_button.setFocus()

    def _slip_renderer(self):
        session_id, actor, paper = (
            self.booked_session_id,
            self.session.user,
            self.paper.currentData(),
        )

        def render(path):
            from lumijobi_desktop.printing import advice_papers

            advice_papers.write_slip(actor, session_id, path, paper=paper)

        return render

    @guarded
    def print_slip(self) -> None:
        from lumijobi_desktop.ui.papers import print_paper

        if print_paper(self, self._slip_renderer()):
            self.print_button.setText(_("Printed ✓ – print again"))

    @guarded
    def save_slip(self) -> None:
        from lumijobi_desktop.ui.papers import save_and_open_pdf

        row = advice.session_row(self.session.user, self.booked_session_id)
        save_and_open_pdf(
            self,
            _("Save the appointment slip"),
            f"advice-slip-{row.starts_at:%Y-%m-%d-%H%M}.pdf",
            self._slip_renderer(),
        )

    # the queue --------------------------------------------------------------------------------
    @guarded
    def put_in_queue(self) -> None:
        """Nothing free for this length: the queue, with what the form says so far."""
        from lumijobi_desktop.ui.advice.queue_dialog import QueueDialog

        person = self.person_field.person()
        needed, interpreter_language = self.interpreter.value()
        dialog = QueueDialog(
            self.session,
            self,
            person_id=person.id if person is not None else None,
            quick=self.person_field.quick_data(),
            topic_id=self.topic.currentData(),
            minutes=self.minutes(),
            language=self.language.currentData(),
            interpreter_needed=needed,
            interpreter_language=interpreter_language,
            adviser_id=self.adviser_id() if len(self.advisers) > 1 else None,
        )
        dialog.exec()
        if dialog.entry_id is None:
            return
        self.queued_entry_id = dialog.entry_id
        self.done_title.setText(_("In the queue ✓"))
        self.done_text.setText(_escape(dialog.message))
        self.slip_box.hide()
        self.pages.setCurrentWidget(self.done_page)
        self.done_button.setDefault(True)
        self.done_button.setFocus()

    # scans and keys ---------------------------------------------------------------------------
    def accept_scan(self, text: str) -> bool:
        if self.pages.currentWidget() is not self.form_page:
            return True
        return self.person_field.accept_scan(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the search goes on to the times; elsewhere it books."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            focus = self.focusWidget()
            chooser = self.person_field.chooser
            if focus is chooser.search and chooser.chosen() is not None:
                target = self.times if self.times.count() else self.next_button
                target.setFocus()
                return
            if focus is self.times and self.topic.currentData() is None:
                self.topic.setFocus()
                return
        super().keyPressEvent(event)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _escape(text: str) -> str:
    return html.escape(text)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def book_advice(
    parent: QWidget | None,
    session: DeskSession,
    *,
    person_id: int | None = None,
    adviser_id: int | None = None,
    starts_at: dt.datetime | None = None,
    typed: str = "",
) -> int | None:
    """Open the booking dialog; the new session's id, or None when nothing was booked.

    `typed` starts the person search with what was typed elsewhere (the desk's search).
    """
    dialog = BookingDialog(
        session,
        parent,
        adviser_id=adviser_id,
        starts_at=starts_at,
        person_id=person_id,
        typed=typed,
    )
    dialog.exec()
    return dialog.booked_session_id


def change_advice(parent: QWidget | None, session: DeskSession, session_id: int) -> bool:
    """Open the dialog to move or change a booking; True when it was changed."""
    dialog = BookingDialog(session, parent, session_id=session_id)
    dialog.exec()
    return dialog.booked_session_id is not None
