"""One friend pair: who, how it stands, its dates, the next step, and its meetings.

The buttons follow the pair's life (core `NEXT_STEPS`): proposed → first
meeting planned → active ⇄ paused → ended. Staff log meetings (the
volunteer's hours come with them) and check-ins; desk volunteers only look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import friend_service
from lumijobi_desktop.core.friend_service import (
    END_REASONS,
    NEXT_STEPS,
    REASON_MAX,
    MeetingRow,
    PairStatus,
    TodoKind,
    pair_status_name,
)
from lumijobi_desktop.core.i18n import N_, _, format_date
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.volunteers import codes_of
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.meeting_dialog import (
    CheckInDialog,
    MeetingDialog,
    Today,
    kind_name,
    length_text,
    today_now,
)
from lumijobi_desktop.ui.widgets import (
    ErrorLabel,
    WrappingCheckBox,
    confirm,
    heading,
    read_only_table,
    save_cancel_buttons,
)

BUTTON_HEIGHT = 34
STATUS_STYLES = {
    PairStatus.PROPOSED.value: "background: #e3eefb; color: #0d47a1;",
    PairStatus.FIRST_MEETING.value: "background: #e3eefb; color: #0d47a1;",
    PairStatus.ACTIVE.value: "background: #e6f4ea; color: #1b5e20;",
    PairStatus.PAUSED.value: "background: #fbeee6; color: #8a4b00;",
    PairStatus.ENDED.value: "background: #eeeeee; color: #5f6368;",
}
STATUS_COLOURS = {
    PairStatus.PROPOSED.value: "#0d47a1",
    PairStatus.FIRST_MEETING.value: "#0d47a1",
    PairStatus.ACTIVE.value: "#1b5e20",
    PairStatus.PAUSED.value: "#8a4b00",
    PairStatus.ENDED.value: "#5f6368",
}
# The kind of meeting a new meeting starts with: what the person wished for first.
KIND_FOR_WISH = {"home_visits": "visit", "outdoors": "outdoors", "phone": "phone", "cafe": "cafe"}


def pair_name(person: str, volunteer: str) -> str:
    return _("{person} ↔ {volunteer}").format(person=person, volunteer=volunteer)


def status_text(status: str) -> str:
    return pair_status_name(status)


def end_reason_name(code: str) -> str:
    return _(END_REASONS[code]) if code in END_REASONS else code


class MeetingsModel(RowsTableModel):
    headers = (N_("Date"), N_("Length"), N_("How"), N_("Note"))

    def cell(self, row: MeetingRow, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        return (format_date(row.day), length_text(row.minutes), kind_name(row.kind), row.note)[
            column
        ]


class DayDialog(QDialog):
    """One step of the pair that needs a day: plan the first meeting, start, pause."""

    def __init__(
        self,
        title: str,
        pair_title: str,
        prompt: str,
        day: dt.date,
        action: Callable[[dt.date], object],
        parent: QWidget | None = None,
        *,
        hint: str = "",
    ):
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        head = heading(pair_title)
        head.setTextFormat(Qt.PlainText)
        head.setWordWrap(True)
        self.day = date_editor(day, "stepDay")
        self.day.setMinimumHeight(32)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(prompt, self.day)
        self.error = ErrorLabel(self)
        buttons = save_cancel_buttons(self, self.save, save_name="saveStep")
        for button in buttons.buttons():
            button.setMinimumHeight(BUTTON_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: #5f6368;")
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.day.setFocus()

    def save(self) -> None:
        if run_form_action(self, self.error, lambda: self.action(pydate(self.day.date()))):
            self.accept()


class EndPairDialog(QDialog):
    """End a pair: the day, why, a short note, and whether to look for a new friend."""

    def __init__(
        self,
        session: DeskSession,
        pair_id: int,
        person_name: str,
        pair_title: str,
        day: dt.date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.pair_id = pair_id
        self.setWindowTitle(_("End the pair"))
        self.setMinimumWidth(480)
        head = heading(pair_title)
        head.setTextFormat(Qt.PlainText)
        head.setWordWrap(True)
        self.day = date_editor(day, "endDay")
        self.day.setMinimumHeight(32)
        self.reason = QComboBox(objectName="endReason")
        self.reason.addItem(_("Choose…"), "")
        for code, text in END_REASONS.items():
            self.reason.addItem(_(text), code)
        self.reason.setMinimumHeight(32)
        self.note = QLineEdit(objectName="endNote")
        self.note.setMaxLength(REASON_MAX)
        self.note.setPlaceholderText(_("optional"))
        self.note.setMinimumHeight(32)
        self.seek_new_row = WrappingCheckBox(
            _("Look for a new friend for {name}").format(name=person_name)
        )
        self.seek_new = self.seek_new_row.box
        self.seek_new.setObjectName("seekNew")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(_("Ended on"), self.day)
        form.addRow(_("Why"), self.reason)
        form.addRow(_("Note"), self.note)
        self.error = ErrorLabel(self)
        buttons = save_cancel_buttons(self, self.save, save_name="saveEnd")
        for button in buttons.buttons():
            button.setMinimumHeight(BUTTON_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.seek_new_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        def action() -> None:
            friend_service.end_pair(
                self.session.user,
                self.pair_id,
                pydate(self.day.date()),
                self.reason.currentData() or "",
                self.note.text(),
                seek_new=self.seek_new.isChecked(),
            )

        if run_form_action(self, self.error, action):
            self.accept()


def _value(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class PairPanel(QFrame):
    """The chosen pair. `changed(pair_id)` says the pair or its meetings changed."""

    changed = Signal(int)

    def __init__(
        self, session: DeskSession, parent: QWidget | None = None, *, today: Today | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.today = today or today_now
        self.may_change = session.can(Permission.MANAGE_VOLUNTEERS)
        self.pair = None
        self.person_name = ""
        self.volunteer_name = ""
        self.setObjectName("pairPanel")
        self.setStyleSheet("#pairPanel { background: #fbfcfd; border: 1px solid #dfe2e6; }")
        self._build()
        self.show_pair(None)

    # building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = heading("")
        self.title.setObjectName("pairTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.PlainText)
        self.status = QLabel(objectName="pairStatus")
        self.empty = QLabel(
            _("Choose a pair from the list to see it here."), objectName="pairPanelEmpty"
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368; padding: 24px;")

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignLeft)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key, text in (
            ("proposed", _("Proposed")),
            ("first_meeting", _("First meeting")),
            ("started", _("Began")),
            ("paused", _("Paused since")),
            ("ended", _("Ended")),
            ("last_met", _("Last met")),
            ("check_in", _("Next check-in")),
        ):
            caption = QLabel(text)
            caption.setStyleSheet("color: #5f6368;")
            value = _value(f"pair_{key}")
            self.form.addRow(caption, value)
            self.rows[key] = (caption, value)

        def button(text: str, name: str, slot) -> QPushButton:
            made = QPushButton(text, objectName=name)
            made.setMinimumHeight(BUTTON_HEIGHT)
            made.clicked.connect(slot)
            return made

        self.plan_button = button(_("Plan the first meeting…"), "planFirstMeeting", self.plan)
        self.start_button = button(_("Start the friendship…"), "startPair", self.start)
        self.resume_button = button(_("Resume"), "resumePair", self.resume)
        self.pause_button = button(_("Pause…"), "pausePair", self.pause)
        self.end_button = button(_("End the pair…"), "endPair", self.end)
        self.meeting_button = button(_("Log a meeting…"), "logMeeting", self.log_meeting)
        self.check_in_button = button(_("Check-in done…"), "checkInDone", self.check_in)
        self.main_buttons = (self.plan_button, self.start_button, self.resume_button)
        for made in self.main_buttons:
            made.setStyleSheet("QPushButton { font-weight: bold; }")
        self.step_buttons = (
            self.plan_button,
            self.start_button,
            self.resume_button,
            self.meeting_button,
            self.check_in_button,
            self.pause_button,
            self.end_button,
        )
        self.button_grid = QGridLayout()
        self.button_grid.setHorizontalSpacing(6)
        self.button_grid.setVerticalSpacing(6)
        self.view_only = QLabel(_("Only staff can change pairs."), objectName="pairViewOnly")
        self.view_only.setStyleSheet("color: #5f6368;")
        self.view_only.setVisible(not self.may_change)

        self.meetings_title = QLabel(objectName="meetingsTitle")
        font = self.meetings_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.meetings_title.setFont(font)
        self.meetings = MeetingsModel(self)
        self.meeting_table = read_only_table(self.meetings, 3, "meetingsTable", word_wrap=True)
        self.meeting_table.setMinimumHeight(120)
        self.meeting_table.verticalHeader().setMinimumSectionSize(30)
        self.meeting_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.remove_button = button(_("Remove the meeting"), "removeMeeting", self.remove_meeting)
        self.remove_button.setVisible(self.may_change)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)

        self.details = QWidget(objectName="pairDetails")
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(6)
        details.addWidget(self.title)
        details.addWidget(self.status, 0, Qt.AlignLeft)
        details.addLayout(self.form)
        details.addSpacing(4)
        details.addLayout(self.button_grid)
        details.addWidget(self.view_only)
        details.addSpacing(6)
        details.addWidget(self.meetings_title)
        details.addWidget(self.meeting_table, 1)
        details.addLayout(remove_row)
        details.addStretch(0)  # takes the room when there is no table of meetings

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.details, 1)

    # showing ----------------------------------------------------------------------------------
    @guarded
    def show_pair(self, pair_id: int | None) -> None:
        """Show a pair (read from the core), or the hint to choose one."""
        self.pair = None
        if pair_id is not None:
            self.pair = friend_service.get_pair(self.session.user, pair_id)
        self.details.setVisible(self.pair is not None)
        self.empty.setVisible(self.pair is None)
        if self.pair is None:
            self.meetings.set_rows([])
            return
        pair = self.pair
        self.person_name = pair.request.person.full_name
        self.volunteer_name = (
            pair.volunteer.person.full_name if pair.volunteer_id else _("(erased)")
        )
        self.title.setText(self._title())
        self.status.setText(status_text(pair.status))
        self.status.setStyleSheet(
            "QLabel { padding: 3px 10px; border-radius: 9px; font-weight: bold; "
            + STATUS_STYLES[pair.status]
            + " }"
        )
        meetings = friend_service.meetings_of(self.session.user, pair.id)
        ended = ""
        if pair.ended_on:
            ended = " – ".join(
                part
                for part in (
                    format_date(pair.ended_on),
                    end_reason_name(pair.end_reason),
                    pair.end_note,
                )
                if part
            )
        self._set_row("proposed", format_date(pair.proposed_on))
        self._set_row(
            "first_meeting", format_date(pair.first_meeting_on) if pair.first_meeting_on else ""
        )
        self._set_row("started", format_date(pair.started_on) if pair.started_on else "")
        self._set_row("paused", format_date(pair.paused_on) if pair.paused_on else "")
        self._set_row("ended", ended)
        self._set_row("last_met", format_date(meetings[0].day) if meetings else "")
        self._set_row("check_in", self._check_in_text(pair.id))
        self._show_buttons(pair.status)
        self.meetings.set_rows(meetings)
        total = sum(meeting.minutes for meeting in meetings)
        self.meetings_title.setText(
            _("Meetings ({count}) · {length} together").format(
                count=len(meetings), length=length_text(total)
            )
            if meetings
            else _("No meetings logged yet")
        )
        self.meeting_table.setVisible(bool(meetings))
        self.remove_button.setVisible(self.may_change and bool(meetings))

    def _set_row(self, key: str, text: str) -> None:
        caption, value = self.rows[key]
        value.setText(text)
        caption.setVisible(bool(text))
        value.setVisible(bool(text))

    def _check_in_text(self, pair_id: int) -> str:
        today = self.today()
        for item in friend_service.friend_todo(self.session.user, today=today):
            if item.pair_id == pair_id and item.kind == TodoKind.CHECK_IN:
                if item.late_on(today):
                    return _("{date} – late").format(date=format_date(item.due))
                return format_date(item.due)
        return ""

    def _show_buttons(self, status: str) -> None:
        steps = NEXT_STEPS[PairStatus(status)]
        visible = {
            self.plan_button: PairStatus.FIRST_MEETING in steps,
            self.start_button: PairStatus.ACTIVE in steps and status != PairStatus.PAUSED,
            self.resume_button: PairStatus.ACTIVE in steps and status == PairStatus.PAUSED,
            self.pause_button: PairStatus.PAUSED in steps,
            self.end_button: PairStatus.ENDED in steps,
            self.meeting_button: status != PairStatus.PROPOSED,
            self.check_in_button: status in (PairStatus.ACTIVE, PairStatus.PAUSED),
        }
        for made in self.step_buttons:
            self.button_grid.removeWidget(made)
            made.hide()
        if not self.may_change:
            return
        # The main next step (bold) takes a whole row, so its words fit; the rest two by two.
        main = [made for made in self.main_buttons if visible[made]]
        rest = [made for made in self.step_buttons if visible[made] and made not in main]
        for row, made in enumerate(main):
            self.button_grid.addWidget(made, row, 0, 1, 2)
            made.show()
        for number, made in enumerate(rest):
            self.button_grid.addWidget(made, len(main) + number // 2, number % 2)
            made.show()

    def available_actions(self) -> list[str]:
        """The object names of the step buttons offered now (for tests and the view)."""
        return [made.objectName() for made in self.step_buttons if not made.isHidden()]

    # acting -----------------------------------------------------------------------------------
    def _title(self) -> str:
        return pair_name(self.person_name, self.volunteer_name)

    def _after_change(self) -> None:
        pair_id = self.pair.id
        self.show_pair(pair_id)
        self.changed.emit(pair_id)

    def _step_dialog(
        self, title: str, prompt: str, day: dt.date, action, hint: str = ""
    ) -> DayDialog:
        return DayDialog(title, self._title(), prompt, day, action, self, hint=hint)

    @guarded
    def plan(self) -> None:
        pair_id, user = self.pair.id, self.session.user
        dialog = self._step_dialog(
            _("Plan the first meeting"),
            _("First meeting on"),
            max(self.today(), self.pair.proposed_on),
            lambda day: friend_service.plan_first_meeting(user, pair_id, day),
            _("The coordinator is there at the first meeting."),
        )
        if dialog.exec():
            self._after_change()

    @guarded
    def start(self) -> None:
        pair_id, user = self.pair.id, self.session.user
        first = self.pair.first_meeting_on
        day = first if first and first <= self.today() else self.today()
        dialog = self._step_dialog(
            _("Start the friendship"),
            _("Began on"),
            day,
            lambda chosen: friend_service.start_pair(user, pair_id, chosen),
            _("The first meeting went well and they want to go on meeting."),
        )
        if dialog.exec():
            self._after_change()

    @guarded
    def pause(self) -> None:
        pair_id, user = self.pair.id, self.session.user
        dialog = self._step_dialog(
            _("Pause the pair"),
            _("Paused from"),
            self.today(),
            lambda day: friend_service.pause_pair(user, pair_id, day),
        )
        if dialog.exec():
            self._after_change()

    @guarded
    def resume(self) -> None:
        friend_service.start_pair(self.session.user, self.pair.id, None)
        self._after_change()

    @guarded
    def end(self) -> None:
        dialog = EndPairDialog(
            self.session, self.pair.id, self.person_name, self._title(), self.today(), self
        )
        if dialog.exec():
            self._after_change()

    @guarded
    def log_meeting(self) -> None:
        request = friend_service.get_request(self.session.user, self.pair.request_id)
        wishes = [code for code in codes_of(request.wishes) if code in KIND_FOR_WISH]
        dialog = MeetingDialog(
            self.session,
            self.pair.id,
            self,
            pair_name=self._title(),
            kind=KIND_FOR_WISH[wishes[0]] if wishes else "visit",
            today=self.today,
        )
        if dialog.exec():
            self._after_change()

    @guarded
    def check_in(self) -> None:
        dialog = CheckInDialog(
            self.session, self.pair.id, self, pair_name=self._title(), today=self.today
        )
        if dialog.exec():
            self._after_change()

    def chosen_meeting(self) -> MeetingRow | None:
        rows = self.meeting_table.selectionModel().selectedRows()
        return self.meetings.row_object(rows[0].row()) if rows else None

    @guarded
    def remove_meeting(self) -> None:
        meeting = self.chosen_meeting()
        if meeting is None:
            return
        question = _("Remove the meeting of {date} ({length})? Its hours are removed too.").format(
            date=format_date(meeting.day), length=length_text(meeting.minutes)
        )
        if not confirm(self, _("Remove the meeting"), question):
            return
        friend_service.remove_meeting(self.session.user, meeting.id)
        self._after_change()
