"""Putting someone in the queue for the next free advice time.

The person (found, scanned or quickly added), what they want to talk about,
how long, in which language, and any wishes ("mornings only"). If a time is
free already, the core holds it for them at once and the dialog says which.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import advice_hours, advice_queue, database
from lumijobi_desktop.core.advice_queue import WishData
from lumijobi_desktop.core.errors import LumijobiError, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES, PersonData
from lumijobi_desktop.ui.advice.booking_dialog import (
    WHAT_FIELDS,
    InterpreterRow,
    PersonField,
    length_combo,
    set_combo_data,
    spoken_language_combo,
    topic_combo,
)
from lumijobi_desktop.ui.advice.texts import advice_when
from lumijobi_desktop.ui.errors import guarded, report
from lumijobi_desktop.ui.events.signup_dialog import NEW
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel


def queue_message(actor, entry) -> str:
    """What the desk tells after adding: the time held at once, or the place in the queue."""
    name = entry.person.first_name or entry.person.full_name
    if entry.offered_start is not None:
        return _("The next free time, {when}, is held for {name}. Call to confirm.").format(
            when=advice_when(entry.offered_start, entry.minutes), name=name
        )
    place = next(
        (row.position for row in advice_queue.queue_rows(actor) if row.id == entry.id),
        None,
    )
    if place is None:
        return _("{name} is in the queue.").format(name=name)
    return _(
        "{name} is in the queue, place {place}. When a time frees, the desk is asked to call."
    ).format(name=name, place=place)


class QueueDialog(QDialog):
    """After exec(): `entry_id` is the new queue entry (None if cancelled), `message` says
    what happened (a time held at once, or the place in the queue)."""

    def __init__(
        self,
        session: DeskSession,
        parent: QWidget | None = None,
        *,
        person_id: int | None = None,
        quick: PersonData | None = None,
        topic_id: int | None = None,
        minutes: int = 30,
        language: str = "",
        interpreter_needed: bool = False,
        interpreter_language: str = "",
        adviser_id: int | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.entry_id: int | None = None
        self.message = ""
        self._language_touched = bool(language)
        self.setWindowTitle(_("Put in the queue"))
        self.setMinimumWidth(760)

        intro = QLabel(
            _(
                "For someone who wants the next free time. When a time frees, it is held "
                "for the first in the queue and the desk is asked to call them."
            )
        )
        intro.setWordWrap(True)
        self.person_field = PersonField(session, person_id)
        self.person_field.setMinimumHeight(260)
        if quick is not None:
            chooser = self.person_field.chooser
            chooser.first_name.setText(quick.first_name)
            chooser.last_name.setText(quick.last_name)
            chooser.phone.setText(quick.phone)
            chooser.consent.setChecked(quick.consent)
            chooser.set_mode(NEW)
        self.person_field.person_changed.connect(self._person_changed)
        self.who_error = ErrorLabel()

        self.topic = topic_combo(topic_id)
        self.length = length_combo(minutes)
        self.language = spoken_language_combo(language)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.interpreter = InterpreterRow(interpreter_needed, interpreter_language)
        self.interpreter.suggest(language)
        self.adviser = QComboBox(objectName="queueAdviser")
        self.adviser.addItem(_("Whoever is free first"), None)
        for user in advice_hours.advisers():
            self.adviser.addItem(user.display_name, user.id)
        set_combo_data(self.adviser, adviser_id)
        self.wishes = QLineEdit(objectName="queueWishes")
        self.wishes.setMaxLength(advice_queue.WISHES_MAX)
        self.wishes.setPlaceholderText(_("optional, e.g. mornings only"))
        self.what_error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_("Topic"), self.topic)
        form.addRow(_("How long"), self.length)
        form.addRow(_("Language of the session"), self.language)
        form.addRow("", self.interpreter)
        if self.adviser.count() > 2:
            form.addRow(_("Coordinator"), self.adviser)
        else:
            self.adviser.hide()
        form.addRow(_("Wishes"), self.wishes)

        self.error = ErrorLabel()
        self.save_button = QPushButton(_("Put in the queue"), objectName="saveQueue")
        self.save_button.setDefault(True)
        self.save_button.setMinimumHeight(38)
        cancel = QPushButton(_("Cancel"))
        cancel.setMinimumHeight(38)
        self.save_button.setMinimumWidth(160)
        cancel.setMinimumWidth(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        columns = QHBoxLayout()
        who = QVBoxLayout()
        who.addWidget(self.person_field, 1)
        who.addWidget(self.who_error)
        what = QVBoxLayout()
        what.addLayout(form)
        what.addWidget(self.what_error)
        what.addStretch(1)
        columns.addLayout(who, 1)
        columns.addSpacing(12)
        columns.addLayout(what, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self._person_changed()
        self.person_field.focus()

    def _language_chosen(self, _index: int) -> None:
        self._language_touched = True
        self.interpreter.suggest(self.language.currentData())

    def _person_changed(self) -> None:
        person = self.person_field.person()
        if person is None or self._language_touched:
            return
        first = next((code for code in person.languages if code in SPOKEN_LANGUAGES), "")
        self.language.blockSignals(True)
        set_combo_data(self.language, first)
        self.language.blockSignals(False)
        self.interpreter.suggest(first)

    def wish(self) -> WishData:
        topic_id = self.topic.currentData()
        if topic_id is None:
            raise ValidationError(_("Choose the topic."), field="topic")
        needed, interpreter_language = self.interpreter.value()
        return WishData(
            topic_id=topic_id,
            minutes=self.length.currentData(),
            language=self.language.currentData(),
            interpreter_needed=needed,
            interpreter_language=interpreter_language,
            adviser_id=self.adviser.currentData(),
            wishes=self.wishes.text(),
        )

    def save(self) -> None:
        for label in (self.who_error, self.what_error, self.error):
            label.clear_message()
        try:
            wish = self.wish()
            person = self.person_field.for_saving(self)
            if person is False:
                return
            entry = advice_queue.add_to_queue(self.session.user, person, wish, database.now())
            self.entry_id = entry.id
            self.message = queue_message(self.session.user, entry)
        except LumijobiError as error:
            field = getattr(error, "field", None)
            if field in WHAT_FIELDS or field == "minutes":
                self.what_error.show_message(error.message)
            elif field is not None:
                self.who_error.show_message(error.message)
            else:
                self.error.show_message(error.message)
            return
        except Exception as error:
            report(self, error)
            return
        self.accept()

    @guarded
    def accept_scan(self, text: str) -> bool:
        return self.person_field.accept_scan(text)
