"""The friend service (ystäväpalvelu) for staff: requests waiting, the pairs, and what to do.

On the left the to-do list (first meetings to plan, check-ins due or late,
pairs that have not met for a while), the requests waiting for a friend and
the pairs; on the right the chosen pair with its next steps and meetings.
Staff record requests, find and propose friends and follow the pairs; desk
volunteers may look.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import friend_service
from lumijobi_desktop.core.friend_service import (
    FREQUENCIES,
    WISHES,
    FriendTodo,
    PairRow,
    RequestRow,
    RequestStatus,
    TodoKind,
)
from lumijobi_desktop.core.i18n import N_, _, format_date, ngettext
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.volunteers import INTERESTS
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.friend_request_dialog import FriendRequestDialog
from lumijobi_desktop.ui.volunteers.match_dialog import MatchDialog
from lumijobi_desktop.ui.volunteers.meeting_dialog import Today, today_now
from lumijobi_desktop.ui.volunteers.pair_panel import (
    STATUS_COLOURS,
    PairPanel,
    pair_name,
    status_text,
)
from lumijobi_desktop.ui.volunteers.texts import (
    gender_name,
    languages_text,
    names_text,
    time_codes_text,
)
from lumijobi_desktop.ui.widgets import read_only_table

# Check-ins further ahead than this wait off the to-do list.
TODO_AHEAD_DAYS = 14
LATE_COLOUR = "#b00020"
BUTTON_HEIGHT = 34


class RequestsModel(RowsTableModel):
    headers = (N_("Person"), N_("Languages"), N_("Village"), N_("Wishes"), N_("Asked on"))

    def cell(self, row: RequestRow, column: int, role: int):
        if role == Qt.DisplayRole:
            return (
                row.person_name,
                languages_text(row.languages),
                row.village,
                names_text(row.wishes, WISHES),
                format_date(row.created_at.date()),
            )[column]
        if role == Qt.ToolTipRole:
            return request_details(row)
        return None


def request_details(row: RequestRow) -> str:
    """Everything about a request in a few lines (health details only for those who may)."""
    lines = [row.person_name]
    if row.phone:
        lines.append(row.phone)
    for caption, text in (
        (_("How often"), _(FREQUENCIES[row.frequency]) if row.frequency in FREQUENCIES else ""),
        (_("Interests"), names_text(row.interests, INTERESTS)),
        (_("Times"), time_codes_text(row.times)),
        (_("Volunteer's gender"), gender_name(row.preferred_gender)),
        (_("Good to know (health)"), row.needs),
    ):
        if text:
            lines.append(_("{caption}: {text}").format(caption=caption, text=text))
    return "\n".join(lines)


class PairsModel(RowsTableModel):
    headers = (N_("Pair"), N_("Status"), N_("Since"), N_("Last met"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_met: dict[int, dt.date] = {}

    def cell(self, row: PairRow, column: int, role: int):
        if role == Qt.DisplayRole:
            met = self.last_met.get(row.id)
            return (
                pair_name(row.person_name, row.volunteer_name),
                status_text(row.status),
                format_date(row.started_on or row.proposed_on),
                format_date(met) if met else "",
            )[column]
        if role == Qt.ForegroundRole and column == 1:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.FontRole and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None


def todo_text(item: FriendTodo, today: dt.date) -> str:
    """One line of the to-do list: what to do, for which pair, by when."""
    pair = pair_name(item.person_name, item.volunteer_name)
    if item.kind == TodoKind.FIRST_MEETING:
        what = _("Plan the first meeting (proposed {date})").format(date=format_date(item.due))
    elif item.kind == TodoKind.CHECK_IN:
        late = (today - item.due).days
        if late > 0:
            what = ngettext(
                "Check-in late: was due {date} ({count} day ago)",
                "Check-in late: was due {date} ({count} days ago)",
                late,
            ).format(date=format_date(item.due), count=late)
        elif late == 0:
            what = _("Check-in due today")
        else:
            what = _("Check-in due {date}").format(date=format_date(item.due))
    else:
        since = item.last_met
        if since is None:
            what = _("Have not met since the start")
        else:
            days = (today - since).days
            what = ngettext(
                "Have not met for {count} day (last met {date})",
                "Have not met for {count} days (last met {date})",
                days,
            ).format(count=days, date=format_date(since))
    return _("{what} – {pair}").format(what=what, pair=pair)


def todo_is_late(item: FriendTodo, today: dt.date) -> bool:
    if item.kind == TodoKind.NOT_MET:
        return True
    return item.kind == TodoKind.CHECK_IN and item.late_on(today)


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def big_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text, objectName=name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


class FriendServiceView(QWidget):
    """Requests waiting for a friend, the pairs and their to-do list; the chosen pair beside."""

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.today = today or today_now
        self.may_change = session.can(Permission.MANAGE_VOLUNTEERS)
        self.todo_items: list[FriendTodo] = []
        self.setObjectName("friendServiceView")
        self._build()

    def _build(self) -> None:
        # The to-do list.
        self.todo_title = section_title(_("To-do"))
        self.todo_list = QListWidget(objectName="friendTodo")
        self.todo_list.setWordWrap(True)
        self.todo_list.setAlternatingRowColors(True)
        self.todo_list.setMinimumHeight(90)
        self.todo_list.itemClicked.connect(self._todo_clicked)
        self.todo_list.itemActivated.connect(self._todo_activated)

        # The requests waiting for a friend.
        self.requests_title = section_title(_("Requests waiting for a friend"))
        self.new_button = big_button(_("New request…"), "newRequest")
        self.change_button = big_button(_("Change…"), "changeRequest")
        self.find_button = big_button(_("Find a friend…"), "findFriend")
        self.find_button.setStyleSheet("QPushButton { font-weight: bold; }")
        self.new_button.clicked.connect(self.new_request)
        self.change_button.clicked.connect(self.change_request)
        self.find_button.clicked.connect(self.find_friend)
        self.new_button.setVisible(self.may_change)
        self.change_button.setVisible(self.may_change)
        self.requests = RequestsModel(self)
        self.request_table = read_only_table(self.requests, 3, "requestsTable", word_wrap=True)
        self.request_table.doubleClicked.connect(lambda _index: self.find_friend())
        self.request_table.selectionModel().selectionChanged.connect(self._request_chosen)
        self.no_requests = QLabel(_("No one is waiting for a friend."), objectName="noRequests")
        self.no_requests.setStyleSheet("color: #5f6368; padding: 6px;")
        request_top = QHBoxLayout()
        request_top.addWidget(self.requests_title, 1)
        request_top.addWidget(self.new_button)
        request_top.addWidget(self.change_button)
        request_top.addWidget(self.find_button)

        # The pairs.
        self.pairs_title = section_title(_("Pairs"))
        self.show_ended = QCheckBox(_("Show ended pairs"), objectName="showEnded")
        self.show_ended.toggled.connect(lambda _on: self.refresh())
        self.pairs = PairsModel(self)
        self.pair_table = read_only_table(self.pairs, 0, "pairsTable", word_wrap=True)
        # Long names wrap onto a second line rather than being cut (a few hundred rows at most).
        for table in (self.request_table, self.pair_table):
            table.verticalHeader().setMinimumSectionSize(30)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.pair_table.selectionModel().selectionChanged.connect(self._pair_chosen)
        pairs_top = QHBoxLayout()
        pairs_top.addWidget(self.pairs_title, 1)
        pairs_top.addWidget(self.show_ended)

        self.panel = PairPanel(self.session, today=self.today)
        self.panel.setMinimumWidth(460)
        self.panel.changed.connect(self._pair_changed)

        left = QWidget(objectName="friendLists")
        lists = QVBoxLayout(left)
        lists.setContentsMargins(0, 0, 0, 0)
        lists.setSpacing(6)
        lists.addWidget(self.todo_title)
        lists.addWidget(self.todo_list, 2)
        lists.addSpacing(6)
        lists.addLayout(request_top)
        lists.addWidget(self.request_table, 3)
        lists.addWidget(self.no_requests)
        lists.addSpacing(6)
        lists.addLayout(pairs_top)
        lists.addWidget(self.pair_table, 4)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self._request_chosen()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    # reading ----------------------------------------------------------------------------------
    @guarded
    def refresh(self) -> None:
        """Read the requests, the pairs and the to-do list again; keep what was chosen."""
        user, today = self.session.user, self.today()
        request = self.chosen_request()
        pair = self.chosen_pair()
        self.requests.set_rows(friend_service.request_rows(user, status=RequestStatus.OPEN.value))
        self.pairs.last_met = friend_service.last_meetings(user)
        self.pairs.set_rows(
            friend_service.pair_rows(user, include_ended=self.show_ended.isChecked())
        )
        soon = today + dt.timedelta(days=TODO_AHEAD_DAYS)
        self.todo_items = [
            item
            for item in friend_service.friend_todo(user, today=today)
            if item.kind != TodoKind.CHECK_IN or item.due <= soon
        ]
        self._show_todo(today)
        waiting = self.requests.rowCount()
        self.requests_title.setText(
            _("Requests waiting for a friend ({count})").format(count=waiting)
        )
        self.no_requests.setVisible(not waiting)
        self.pairs_title.setText(_("Pairs ({count})").format(count=self.pairs.rowCount()))
        # What was chosen stays chosen; at first the top of each list, so the buttons work at once.
        if request is None or not self.select_request(request.id):
            self._select_first(self.request_table, self.requests)
        self._request_chosen()
        if pair is not None and self.select_pair(pair.id):
            return
        if not self._select_first(self.pair_table, self.pairs):
            self.panel.show_pair(None)

    def _show_todo(self, today: dt.date) -> None:
        self.todo_list.clear()
        self.todo_title.setText(_("To-do ({count})").format(count=len(self.todo_items)))
        if not self.todo_items:
            empty = QListWidgetItem(_("Nothing to do for the pairs now."))
            empty.setFlags(Qt.NoItemFlags)
            empty.setForeground(QBrush(QColor("#1b5e20")))
            self.todo_list.addItem(empty)
            return
        for item in self.todo_items:
            entry = QListWidgetItem(todo_text(item, today))
            entry.setData(Qt.UserRole, item)
            if todo_is_late(item, today):
                entry.setForeground(QBrush(QColor(LATE_COLOUR)))
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.todo_list.addItem(entry)

    def todo_lines(self) -> list[tuple[str, bool]]:
        """The to-do list as shown: each line's text and whether it is shown as late (red)."""
        today = self.today()
        return [(todo_text(item, today), todo_is_late(item, today)) for item in self.todo_items]

    # choosing ---------------------------------------------------------------------------------
    def chosen_request(self) -> RequestRow | None:
        rows = self.request_table.selectionModel().selectedRows()
        return self.requests.row_object(rows[0].row()) if rows else None

    def chosen_pair(self) -> PairRow | None:
        rows = self.pair_table.selectionModel().selectedRows()
        return self.pairs.row_object(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> bool:
        return self._select(self.request_table, self.requests, request_id)

    def select_pair(self, pair_id: int) -> bool:
        """Choose a pair in the list (the panel shows it); False when it is not listed."""
        return self._select(self.pair_table, self.pairs, pair_id)

    @staticmethod
    def _select_first(table, model: RowsTableModel) -> bool:
        if not model.rowCount():
            return False
        table.selectRow(0)
        return True

    @staticmethod
    def _select(table, model: RowsTableModel, wanted: int) -> bool:
        for number, row in enumerate(model.rows()):
            if row.id == wanted:
                index = model.index(number, 0)
                table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
                )
                table.scrollTo(index)
                return True
        return False

    def _request_chosen(self, *_args) -> None:
        self.find_button.setEnabled(self.chosen_request() is not None)
        self.change_button.setEnabled(self.chosen_request() is not None)

    def _pair_chosen(self, *_args) -> None:
        pair = self.chosen_pair()
        self.panel.show_pair(pair.id if pair else None)

    def _pair_changed(self, pair_id: int) -> None:
        self.refresh()
        if not self.select_pair(pair_id):  # an ended pair, when ended ones are not listed
            self.panel.show_pair(pair_id)

    def _todo_clicked(self, entry: QListWidgetItem) -> None:
        item = entry.data(Qt.UserRole)
        if item is not None:
            self.select_pair(item.pair_id)

    def _todo_activated(self, entry: QListWidgetItem) -> None:
        """Enter or a double click on a task: choose its pair and open what it asks for."""
        item = entry.data(Qt.UserRole)
        if item is None or not self.select_pair(item.pair_id) or not self.may_change:
            return
        if item.kind == TodoKind.FIRST_MEETING:
            self.panel.plan()
        elif item.kind == TodoKind.CHECK_IN:
            self.panel.check_in()
        else:
            self.panel.log_meeting()

    # acting -----------------------------------------------------------------------------------
    @guarded
    def new_request(self) -> None:
        picker = PersonPickerDialog(self.session, _("Who would like a friend?"), self)
        if not picker.exec() or picker.person() is None:
            return
        dialog = FriendRequestDialog(self.session, picker.person().id, self)
        if dialog.exec():
            self.refresh()
            self.select_request(dialog.request_id)

    @guarded
    def change_request(self) -> None:
        request = self.chosen_request()
        if request is None:
            return
        dialog = FriendRequestDialog(self.session, request.person_id, self, request_id=request.id)
        if dialog.exec():
            self.refresh()

    @guarded
    def find_friend(self) -> None:
        request = self.chosen_request()
        if request is None:
            return
        dialog = MatchDialog(self.session, request.id, self, today=self.today)
        if dialog.exec() and dialog.pair_id is not None:
            self.refresh()
            self.select_pair(dialog.pair_id)
