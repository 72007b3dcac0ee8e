"""The headcount of a drop-in meeting: big − and + buttons, saved at every click."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import tallies
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import N_, _, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.tallies import Counts
from lumijobi_desktop.ui.errors import guarded, show_apology
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel

TALLY_ROWS = (
    ("adults", N_("Adults")),
    ("children", N_("Children")),
    ("ukrainian_speaking", N_("Ukrainian-speaking")),
    ("finnish_speaking", N_("Finnish-speaking")),
    ("other_language", N_("Other language")),
)


class TallyPanel(QFrame):
    """Counting who came without names. `prominent` makes it the main thing on the screen."""

    changed = Signal()

    def __init__(
        self,
        session: DeskSession,
        event_id: int,
        parent: QWidget | None = None,
        *,
        prominent: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("tallyPanel")
        self.setFrameShape(QFrame.StyledPanel)
        self.session = session
        self.event_id = event_id
        self.counts = Counts()
        self.numbers: dict[str, QSpinBox] = {}
        self.plus: dict[str, QPushButton] = {}
        self.minus: dict[str, QPushButton] = {}
        self._build(prominent)
        self.reload()

    def _build(self, prominent: bool) -> None:
        size = 64 if prominent else 48
        factor = 1.8 if prominent else 1.4
        title = QLabel(_("Headcount – no names needed"))
        _scale(title, factor * 0.85)
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)
        hint = QLabel(_("Tap + for each person who comes. The numbers are saved at once."))
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8 if prominent else 4)
        for row, (name, label_msgid) in enumerate(TALLY_ROWS):
            if row == 2:
                by_language = QLabel(_("Of them, by language:"))
                by_language.setStyleSheet("color: #555; margin-top: 6px;")
                grid.addWidget(by_language, 2, 0, 1, 4)
            label = QLabel(_(label_msgid))
            _scale(label, factor * 0.8)
            minus = QPushButton("−", objectName=f"tallyMinus_{name}")
            plus = QPushButton("+", objectName=f"tallyPlus_{name}")
            number = QSpinBox(objectName=f"tallyNumber_{name}")
            number.setRange(0, tallies.COUNT_MAX)
            number.setButtonSymbols(QAbstractSpinBox.NoButtons)
            number.setAlignment(Qt.AlignCenter)
            number.setKeyboardTracking(False)
            number.setMinimumWidth(int(size * 1.5))
            number.setMinimumHeight(size)
            number.setAccessibleName(_(label_msgid))
            for button in (minus, plus):
                button.setFixedSize(size, size)
                button.setFocusPolicy(Qt.NoFocus)
                _scale(button, factor * 1.3)
            _scale(number, factor)
            minus.setAccessibleName(_("One less: {what}").format(what=_(label_msgid)))
            plus.setAccessibleName(_("One more: {what}").format(what=_(label_msgid)))
            minus.clicked.connect(lambda _checked=False, n=name: self.step(n, -1))
            plus.clicked.connect(lambda _checked=False, n=name: self.step(n, 1))
            number.editingFinished.connect(lambda n=name: self._typed(n))
            grid_row = row + (1 if row >= 2 else 0)
            grid.addWidget(label, grid_row, 0)
            grid.addWidget(minus, grid_row, 1)
            grid.addWidget(number, grid_row, 2)
            grid.addWidget(plus, grid_row, 3)
            self.numbers[name], self.plus[name], self.minus[name] = number, plus, minus
        grid.setColumnStretch(0, 1)
        self.total = QLabel(objectName="tallyTotal")
        _scale(self.total, factor * 0.8)
        self.total.setStyleSheet("font-weight: bold;")
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addStretch(1)
        allowed = self.session.can(Permission.HANDLE_SIGNUPS)
        for widget in [*self.numbers.values(), *self.plus.values(), *self.minus.values()]:
            widget.setEnabled(allowed)

    # behaviour ----------------------------------------------------------------
    @guarded
    def reload(self) -> None:
        self._show(tallies.counts_of(self.session.user, self.event_id))

    def _show(self, counts: Counts) -> None:
        self.counts = counts
        for name, number in self.numbers.items():
            number.blockSignals(True)
            number.setValue(getattr(counts, name))
            number.blockSignals(False)
        self.total.setText(
            ngettext("Counted: {count} person", "Counted: {count} people", counts.people).format(
                count=counts.people
            )
        )

    def step(self, name: str, step: int) -> None:
        """A click on − or +."""
        self._save(lambda: tallies.add_to_count(self.session.user, self.event_id, name, step))

    def _typed(self, name: str) -> None:
        value = self.numbers[name].value()
        if value == getattr(self.counts, name):
            return
        wanted = replace(self.counts, **{name: value})
        self._save(lambda: tallies.save_counts(self.session.user, self.event_id, wanted))

    def _save(self, action) -> None:
        try:
            counts = action()
        except LumijobiError as error:
            self.error.show_message(error.message)
            self.reload()  # show what is really stored
            return
        except Exception as error:
            show_apology(self, error)
            return
        self.error.clear_message()
        self._show(counts)
        self.changed.emit()


def _scale(widget: QWidget, factor: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)
