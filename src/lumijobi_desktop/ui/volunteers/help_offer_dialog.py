"""A volunteer's offer of neighbour help: which kinds of help, at which times of the week.

Also the small pieces the neighbour-help screens share: the week grid of
times (`TimesGrid`), a volunteer chosen by typing a few letters of the name
(`VolunteerChooser`) and the translated names of kinds of help (`kinds_text`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import neighbour_help, volunteers
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.neighbour_help import HELP_KINDS, NOTE_MAX, OfferRow
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.texts import (
    names_text,
)
from lumijobi_desktop.ui.volunteers.times_grid import TimesGrid
from lumijobi_desktop.ui.widgets import ErrorLabel, save_cancel_buttons

__all__ = ["HelpOfferDialog", "VolunteerChooser", "kinds_text"]


def kinds_text(codes: Iterable[str]) -> str:
    """Kinds of help by their names, in the usual order: "Yard work, Snow work"."""
    order = list(HELP_KINDS)
    known = sorted((code for code in set(codes) if code in HELP_KINDS), key=order.index)
    return names_text(known, HELP_KINDS)


class VolunteerChooser(QComboBox):
    """Active volunteers by name; type a few letters of the name to find one."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMinimumWidth(280)
        self.lineEdit().setPlaceholderText(_("Type a few letters of the name"))
        for row in volunteers.volunteer_rows(session.user, active_only=True):
            text = f"{row.name} ({row.village})" if row.village else row.name
            self.addItem(text, row.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)

    def volunteer_id(self) -> int | None:
        index = self.findText(self.currentText().strip(), Qt.MatchFixedString)
        return self.itemData(index) if index >= 0 else None

    def choose(self, volunteer_id: int) -> None:
        self.setCurrentIndex(self.findData(volunteer_id))


class HelpOfferDialog(QDialog):
    """New or changed offer: the volunteer, the kinds of help, the times, a note, active or not."""

    def __init__(
        self, session: DeskSession, offer: OfferRow | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.offer = offer
        self.saved: neighbour_help.HelpOffer | None = None
        self.setWindowTitle(_("Change the offer of help") if offer else _("New offer of help"))
        self.setMinimumWidth(560)
        if offer is None:
            self.volunteer: QWidget = VolunteerChooser(session)
            self.volunteer.setObjectName("offerVolunteer")
        else:
            self.volunteer = QLabel(offer.volunteer_name, objectName="offerVolunteer")
            font = self.volunteer.font()
            font.setBold(True)
            self.volunteer.setFont(font)
        self.kinds: dict[str, QCheckBox] = {}
        kinds_box = QWidget()
        kinds_grid = QGridLayout(kinds_box)
        kinds_grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, name) in enumerate(HELP_KINDS.items()):
            box = QCheckBox(_(name), objectName=f"kind_{code}")
            self.kinds[code] = box
            kinds_grid.addWidget(box, index // 2, index % 2)
        self.times = TimesGrid()
        self.note = QLineEdit(objectName="offerNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("e.g. has a car with a child seat"))
        self.active = QCheckBox(_("Offers help now"), objectName="offerActive")
        self.active.setChecked(True)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(_("Volunteer"), self.volunteer)
        form.addRow(_("Kinds of help"), kinds_box)
        form.addRow(_("When free"), self.times)
        form.addRow(_("Note"), self.note)
        form.addRow("", self.active)
        buttons = save_cancel_buttons(self, self.save, save_name="saveOffer")
        self._save_button = buttons.findChild(QPushButton, "saveOffer")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if offer is not None:
            for code in offer.kinds:
                if code in self.kinds:
                    self.kinds[code].setChecked(True)
            self.times.set_codes(offer.times)
            self.note.setText(offer.note)
            self.active.setChecked(offer.active)

    def chosen_kinds(self) -> list[str]:
        return [code for code, box in self.kinds.items() if box.isChecked()]

    def _volunteer_id(self) -> int:
        if self.offer is not None:
            return self.offer.volunteer_id
        chosen = self.volunteer.volunteer_id()
        if chosen is None:
            raise ValidationError(_("Choose the volunteer from the list."), field="volunteer")
        return chosen

    def save_button(self) -> QPushButton:
        return self._save_button

    @guarded
    def save(self) -> None:
        def action() -> None:
            self.saved = neighbour_help.save_offer(
                self.session.user,
                self.offer.id if self.offer else None,
                self._volunteer_id(),
                self.chosen_kinds(),
                self.times.codes(),
                self.note.text(),
                self.active.isChecked(),
            )

        if run_form_action(self, self.error, action):
            self.accept()
