"""Finding a friend for a request: the suggested volunteers, best first, each with its reasons.

The ranking is the core's (`friend_service.suggest_friends`): every point
comes with a reason, so staff read why ("speaks Ukrainian · both like
gardening · same village: Lumijoki") rather than trusting a number. Staff
choose one and propose the pair; desk volunteers may look, not propose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import friend_service
from lumijobi_desktop.core.friend_service import FREQUENCIES, WISHES
from lumijobi_desktop.core.i18n import N_, _, language_display_name, ngettext
from lumijobi_desktop.core.matching import Suggestion
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.volunteers import codes_of
from lumijobi_desktop.ui.errors import run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.meeting_dialog import Today, today_now
from lumijobi_desktop.ui.volunteers.texts import (
    gender_name,
    languages_text,
    names_text,
    time_codes_text,
)
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, read_only_table

SUGGESTION_LIMIT = 10


def points_text(score: int) -> str:
    return ngettext("{count} point", "{count} points", score).format(count=score)


class SuggestionsModel(RowsTableModel):
    headers = (N_("Volunteer"), N_("Points"), N_("Why"))

    def cell(self, row: Suggestion, column: int, role: int):
        if role == Qt.DisplayRole:
            values = (row.candidate.name, points_text(row.score), row.reasons_text)
            return values[column]
        if role == Qt.ToolTipRole and column == 2:
            return "\n".join(reason.text for reason in row.reasons)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignTop)
        if role == Qt.ForegroundRole and column == 1 and row.score <= 0:
            return QColor("#8a4b00")
        return None


def wish_summary(request) -> str:
    """`Ukrainian · Lumijoki · Home visits, Outdoors together · Every week · Tue afternoon`."""
    parts = [
        languages_text(codes_of(request.languages)),
        request.village,
        names_text(codes_of(request.wishes), WISHES),
        _(FREQUENCIES[request.frequency]) if request.frequency in FREQUENCIES else "",
        time_codes_text(codes_of(request.times)),
    ]
    if request.preferred_gender:
        parts.append(
            _("volunteer: {gender}").format(gender=gender_name(request.preferred_gender).lower())
        )
    return " · ".join(part for part in parts if part)


class MatchDialog(QDialog):
    """Suggested friends for one request; choose one and propose the pair.

    After `accept`, `pair_id` is the pair proposed.
    """

    def __init__(
        self,
        session: DeskSession,
        request_id: int,
        parent: QWidget | None = None,
        *,
        today: Today | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.today = today or today_now
        self.request_id = request_id
        self.pair_id: int | None = None
        self.may_propose = session.can(Permission.MANAGE_VOLUNTEERS)
        request = friend_service.get_request(session.user, request_id)
        self.setWindowTitle(_("Find a friend"))
        self.setMinimumSize(820, 480)

        title = heading(_("A friend for {name}").format(name=request.person.full_name))
        title.setObjectName("matchTitle")
        title.setTextFormat(Qt.PlainText)
        title.setWordWrap(True)
        wish = QLabel(wish_summary(request), objectName="matchWish")
        wish.setWordWrap(True)
        wish.setTextFormat(Qt.PlainText)
        wish.setStyleSheet("color: #37474f;")
        self.intro = QLabel(
            _("Best first. Each volunteer shares a language with the person; the reasons say why."),
            objectName="matchIntro",
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #5f6368;")

        self.model = SuggestionsModel(self)
        self.table = read_only_table(self.model, 2, "suggestionsTable", word_wrap=True)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTableView::item { padding: 6px 4px; }")

        self.empty = QLabel(objectName="matchEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setTextFormat(Qt.PlainText)
        self.empty.setStyleSheet("color: #37474f; padding: 32px; font-size: 12pt;")

        self.view_only = QLabel(_("Only staff can propose a pair."), objectName="matchViewOnly")
        self.view_only.setStyleSheet("color: #5f6368;")
        self.view_only.setVisible(not self.may_propose)

        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox()
        self.propose_button = buttons.addButton(_("Propose this pair"), QDialogButtonBox.AcceptRole)
        self.propose_button.setObjectName("proposePair")
        self.propose_button.setDefault(True)
        self.propose_button.setStyleSheet("QPushButton { font-weight: bold; padding: 0 14px; }")
        self.propose_button.setVisible(self.may_propose)
        close = buttons.addButton(_("Close"), QDialogButtonBox.RejectRole)
        for button in (self.propose_button, close):
            button.setMinimumHeight(36)
        buttons.accepted.connect(self.propose)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(wish)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.view_only)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.suggestions = friend_service.suggest_friends(
            session.user, request_id, limit=SUGGESTION_LIMIT
        )
        self._show(request)

    def _show(self, request) -> None:
        self.model.set_rows(self.suggestions)
        self.table.resizeRowsToContents()
        nobody = not self.suggestions
        self.table.setVisible(not nobody)
        self.intro.setVisible(not nobody)
        self.empty.setVisible(nobody)
        self.propose_button.setVisible(self.may_propose and not nobody)
        if nobody:
            self.empty.setText(self._empty_text(request))
        else:
            self.table.selectRow(0)
            self.table.setFocus()

    @staticmethod
    def _empty_text(request) -> str:
        languages = ", ".join(
            language_display_name(code, capitalize=False) for code in codes_of(request.languages)
        )
        text = _("Nobody to suggest yet: no active volunteer speaks {languages}.").format(
            languages=languages
        )
        if request.preferred_gender:
            text = _(
                "Nobody to suggest yet: no active volunteer speaks {languages} and is a {gender} "
                "as wished."
            ).format(languages=languages, gender=gender_name(request.preferred_gender).lower())
        return "\n\n".join(
            [
                text,
                _(
                    "The request waits on the list. When a new volunteer who speaks the "
                    "language joins, try again."
                ),
            ]
        )

    def chosen(self) -> Suggestion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def reasons_shown(self) -> list[str]:
        """The reasons as the table shows them, best first."""
        return [self.model.index(row, 2).data() for row in range(self.model.rowCount())]

    def propose(self) -> None:
        if not self.may_propose:
            return
        chosen = self.chosen()
        if chosen is None:
            self.error.show_message(_("Choose a volunteer from the list first."))
            return

        def action() -> None:
            pair = friend_service.propose_pair(
                self.session.user,
                self.request_id,
                chosen.candidate.volunteer_id,
                today=self.today(),
            )
            self.pair_id = pair.id

        if run_form_action(self, self.error, action):
            self.accept()
