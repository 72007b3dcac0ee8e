"""A person's request for a friend: what they wish, when, in which language, and what to know.

Needs to know about (hard of hearing, uses a walker) are health data: the
line is shown only to those who may read health details, and is kept only
when the box for the person's explicit consent is ticked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import friend_service, people
from lumijobi_desktop.core.friend_service import FREQUENCIES, NEEDS_MAX, WISHES, RequestData
from lumijobi_desktop.core.i18n import _, language_display_name
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.volunteers import (
    GENDER_NAMES,
    INTERESTS,
    Gender,
    codes_of,
)
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.times_grid import TimesGrid
from lumijobi_desktop.ui.widgets import ErrorLabel, WrappingCheckBox, heading, save_cancel_buttons

FIELD_HEIGHT = 32


# --- the form's pieces -----------------------------------------------------------------------


class CodeChecks(QWidget):
    """Check boxes for a list of codes (wishes, interests, languages), `columns` to a row."""

    def __init__(self, names: Mapping[str, str], columns: int, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        for number, (code, text) in enumerate(names.items()):
            box = QCheckBox(text, objectName=f"{name}_{code}")
            self.boxes[code] = box
            grid.addWidget(box, number // columns, number % columns)

    def chosen(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


class FriendRequestDialog(QDialog):
    """Record a person's request for a friend, or change one.

    The person is chosen before (with the person picker); the languages and
    the village start as the person's own. After `accept`, `request_id` is
    the id of the request saved.
    """

    def __init__(
        self,
        session: DeskSession,
        person_id: int,
        parent: QWidget | None = None,
        *,
        request_id: int | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.person_id = person_id
        self.request_id = request_id
        self.may_see_needs = session.can(Permission.READ_HEALTH_NOTES)
        person = people.get_person(session.user, person_id)
        self.setWindowTitle(
            _("Change the request for a friend") if request_id else _("New request for a friend")
        )
        self._build(person.full_name)
        if request_id is None:
            self.languages.set_chosen(person.languages)
            self.village.setCurrentText(person.home_village)
            self.existing = None
        else:
            self.existing = friend_service.get_request(session.user, request_id)
            self._fill(self.existing)

    def _build(self, person_name: str) -> None:
        self.title = heading(_("A friend for {name}").format(name=person_name))
        self.title.setObjectName("requestTitle")
        self.title.setTextFormat(Qt.PlainText)
        self.title.setWordWrap(True)

        self.wishes = CodeChecks({c: _(t) for c, t in WISHES.items()}, 2, "wishes")
        self.frequency = QComboBox(objectName="frequency")
        self.frequency.addItem(_("Not decided"), "")
        for code, text in FREQUENCIES.items():
            self.frequency.addItem(_(text), code)
        self.frequency.setMinimumHeight(FIELD_HEIGHT)
        self.interests = CodeChecks({c: _(t) for c, t in INTERESTS.items()}, 3, "interests")
        self.languages = CodeChecks(
            {code: language_display_name(code) for code in people.SPOKEN_LANGUAGES},
            4,
            "languages",
        )
        self.village = QComboBox(objectName="village")
        self.village.setEditable(True)
        self.village.addItems(["", *people.VILLAGES])
        self.village.setMinimumHeight(FIELD_HEIGHT)
        self.times = TimesGrid()
        self.gender = QComboBox(objectName="preferredGender")
        self.gender.addItem(_("No preference"), "")
        for gender in (Gender.FEMALE, Gender.MALE):
            self.gender.addItem(_(GENDER_NAMES[gender]), gender.value)
        self.gender.setMinimumHeight(FIELD_HEIGHT)

        self.needs = QLineEdit(objectName="needs")
        self.needs.setMaxLength(NEEDS_MAX)
        self.needs.setPlaceholderText(_("e.g. hard of hearing, uses a walker"))
        self.needs.setMinimumHeight(FIELD_HEIGHT)
        self.needs_consent_row = WrappingCheckBox(
            _("The person agrees that these details are kept for the friend service.")
        )
        self.needs_consent = self.needs_consent_row.box
        self.needs_consent.setObjectName("needsConsent")
        self.needs_note = QLabel(
            _("Only staff see this. Write only what the volunteer needs to know."),
            objectName="needsNote",
        )
        self.needs_note.setWordWrap(True)
        self.needs_note.setStyleSheet("color: #5f6368;")
        self.needs_box = QGroupBox(_("Good to know (health)"), objectName="needsBox")
        needs_layout = QVBoxLayout(self.needs_box)
        needs_layout.addWidget(self.needs)
        needs_layout.addWidget(self.needs_consent_row)
        needs_layout.addWidget(self.needs_note)
        self.needs_box.setVisible(self.may_see_needs)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(_caption(_("What would they like?")))
        left.addWidget(self.wishes)
        left.addSpacing(6)
        left.addWidget(_caption(_("Interests")))
        left.addWidget(self.interests)
        left.addSpacing(6)
        left.addWidget(_caption(_("Languages they speak")))
        left.addWidget(self.languages)
        left.addStretch(1)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(_("How often"), self.frequency)
        form.addRow(_("Village"), self.village)
        form.addRow(_("Volunteer's gender"), self.gender)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addLayout(form)
        right.addSpacing(6)
        right.addWidget(_caption(_("When would they like to meet?")))
        right.addWidget(self.times)
        right.addSpacing(6)
        right.addWidget(self.needs_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.error = ErrorLabel(self)
        buttons = save_cancel_buttons(self, self.save, save_name="saveRequest")
        for button in buttons.buttons():
            button.setMinimumHeight(34)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(860)

    def _fill(self, request) -> None:
        self.wishes.set_chosen(codes_of(request.wishes))
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(request.frequency)))
        self.interests.set_chosen(codes_of(request.interests))
        self.languages.set_chosen(codes_of(request.languages))
        self.village.setCurrentText(request.village)
        self.times.set_codes(codes_of(request.times))
        self.gender.setCurrentIndex(max(0, self.gender.findData(request.preferred_gender)))
        if self.may_see_needs:
            self.needs.setText(request.needs)
            self.needs_consent.setChecked(request.needs_consent_at is not None)

    def form_data(self) -> RequestData:
        if self.may_see_needs:
            needs, consent = self.needs.text(), self.needs_consent.isChecked()
        elif self.existing is not None:  # kept as it was: this user may not see it
            needs, consent = self.existing.needs, self.existing.needs_consent_at is not None
        else:
            needs, consent = "", False
        return RequestData(
            wishes=self.wishes.chosen(),
            frequency=self.frequency.currentData() or "",
            interests=self.interests.chosen(),
            languages=self.languages.chosen(),
            village=self.village.currentText(),
            times=self.times.codes(),
            preferred_gender=self.gender.currentData() or "",
            needs=needs,
            needs_consent=consent,
        )

    def save(self) -> None:
        def action() -> None:
            saved = friend_service.save_request(
                self.session.user, self.request_id, self.person_id, self.form_data()
            )
            self.request_id = saved.id

        if run_form_action(self, self.error, action):
            self.accept()
