"""Neighbour help (naapuriapu): the open-requests board, helpers suggested, and the offers.

The board lists what is still to do, most urgent first; the request chosen
shows its details and the volunteers who could help, each with the reasons.
The desk records requests and offers; staff assign a helper, mark the task
done (the helper's hours are logged) and print the helper's task card when
the person asking agreed to it.
"""

from __future__ import annotations

import datetime as dt
import html

from babel import dates as babel_dates
from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import database, neighbour_help, volunteers
from lumijobi_desktop.core.i18n import (
    LANGUAGES,
    N_,
    _,
    current_language,
    format_date,
    format_number,
    ngettext,
)
from lumijobi_desktop.core.matching import Suggestion
from lumijobi_desktop.core.neighbour_help import (
    HELP_KINDS,
    HELP_STATUS_NAMES,
    NOTE_MAX,
    URGENCY_NAMES,
    CheckMissing,
    HelpRow,
    HelpStatus,
    OfferRow,
    Urgency,
)
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.events.event_dialog import date_editor, pydate
from lumijobi_desktop.ui.papers import PaperChoiceDialog, print_or_save
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.volunteers.help_offer_dialog import (
    HelpOfferDialog,
    VolunteerChooser,
    kinds_text,
)
from lumijobi_desktop.ui.volunteers.help_request_dialog import HelpRequestDialog
from lumijobi_desktop.ui.volunteers.texts import parse_hours, time_codes_text
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, read_only_table

__all__ = ["NeighbourHelpView"]

URGENT_RED = "#b00020"
CLOSED_GREY = "#757575"
BUTTON_HEIGHT = 34
CLOSED = (HelpStatus.DONE.value, HelpStatus.CANCELLED.value)
DONE_STYLE = (
    "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
    " border-radius: 4px; padding: 6px;"
)
WARNING_STYLE = (
    "background: #fdf1f0; color: #8a1c10; border: 1px solid #eab8b3;"
    " border-radius: 4px; padding: 6px;"
)
NOTE_STYLE = "color: #555555;"


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text, objectName=name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


def day_text(day: dt.date | None) -> str:
    """`ke 02.12.2026`: the weekday helps when phoning; "" for no fixed day."""
    if day is None:
        return ""
    weekday = babel_dates.format_date(day, "EEE", locale=current_language().babel_locale)
    return f"{weekday} {format_date(day)}"


def place_text(row: HelpRow) -> str:
    return ", ".join(part for part in (row.place.strip(), row.village.strip()) if part)


def kind_name(code: str) -> str:
    return _(HELP_KINDS[code]) if code in HELP_KINDS else code


def urgency_name(code: str) -> str:
    return _(URGENCY_NAMES[code]) if code in URGENCY_NAMES else code


def status_name(code: str) -> str:
    return _(HELP_STATUS_NAMES[code]) if code in HELP_STATUS_NAMES else code


class BoardModel(RowsTableModel):
    """The requests: urgent ones in red, closed ones in grey."""

    headers = (
        N_("Kind of help"),
        N_("Who"),
        N_("Phone"),
        N_("When"),
        N_("Where"),
        N_("How urgent"),
        N_("Status"),
        N_("Helper"),
    )
    URGENCY_COLUMN = 5

    def cell(self, row: HelpRow, column: int, role: int):
        closed = row.status in CLOSED
        if role == Qt.DisplayRole:
            values = (
                kind_name(row.kind),
                row.person_name,
                row.phone,
                day_text(row.needed_on),
                place_text(row),
                urgency_name(row.urgency),
                status_name(row.status),
                row.volunteer_name,
            )
            return values[column]
        if role == Qt.ForegroundRole:
            if closed:
                return QBrush(QColor(CLOSED_GREY))
            if column == self.URGENCY_COLUMN and row.urgency == Urgency.URGENT.value:
                return QBrush(QColor(URGENT_RED))
        if role == Qt.FontRole and not closed:
            urgent = column == self.URGENCY_COLUMN and row.urgency == Urgency.URGENT.value
            if urgent or column == 0:
                font = QFont()
                font.setBold(True)
                return font
        return None


class OffersModel(RowsTableModel):
    headers = (
        N_("Volunteer"),
        N_("Phone"),
        N_("Kinds of help"),
        N_("When free"),
        N_("Note"),
        N_("Active"),
    )

    def cell(self, row: OfferRow, column: int, role: int):
        if role == Qt.DisplayRole:
            values = (
                row.volunteer_name,
                row.phone,
                kinds_text(row.kinds),
                time_codes_text(row.times),
                row.note,
                _("Yes") if row.active else _("No"),
            )
            return values[column]
        if role == Qt.ForegroundRole and not row.active:
            return QBrush(QColor(CLOSED_GREY))
        return None


# --- small dialogs ----------------------------------------------------------------------------


def confirm_without_check(parent: QWidget, message: str, name: str) -> bool:
    """Staff confirm a task with children for a volunteer with no valid check; No by default."""
    text = "\n\n".join([message, _("Do you still give this task to {name}?").format(name=name)])
    box = QMessageBox(QMessageBox.Warning, _("No criminal record check"), text, parent=parent)
    box.setObjectName("checkMissingBox")
    assign = box.addButton(_("Yes, give the task"), QMessageBox.AcceptRole)
    stop = box.addButton(_("No, choose someone else"), QMessageBox.RejectRole)
    box.setDefaultButton(stop)
    box.exec()
    return box.clickedButton() is assign


class DoneDialog(QDialog):
    """The day the task was done and how long it took: the helper's hours are logged."""

    def __init__(self, session: DeskSession, row: HelpRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.row = row
        self.setWindowTitle(_("The task is done"))
        self.setMinimumWidth(420)
        text = QLabel(
            _(
                "{kind} for {name}. Helper: {helper}. The hours are logged as the helper's hours."
            ).format(helper=row.volunteer_name, name=row.person_name, kind=kind_name(row.kind))
        )
        text.setWordWrap(True)
        today = database.now().date()
        self.day = date_editor(today, "doneDay")
        self.day.setMaximumDate(self.day.date())
        self.hours = QLineEdit(objectName="doneHours")
        self.hours.setPlaceholderText(_("e.g. {example}").format(example=format_number(1.5)))
        self.hours.setMaximumWidth(120)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours)
        hours_row.addWidget(QLabel(_("hours")))
        hours_row.addStretch(1)
        self.error = ErrorLabel()
        form = QFormLayout()
        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        form.addRow(_("Done on"), day_row)
        form.addRow(_("Hours"), hours_row)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.AcceptRole)
        self.save_button.setObjectName("saveDone")
        self.save_button.setDefault(True)
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.hours.setFocus()

    @guarded
    def save(self) -> None:
        def action() -> None:
            neighbour_help.mark_done(
                self.session.user,
                self.row.id,
                pydate(self.day.date()),
                parse_hours(self.hours.text()),
            )

        if run_form_action(self, self.error, action):
            self.accept()


class CancelDialog(QDialog):
    """Cancelling a request, with a few words why."""

    def __init__(self, session: DeskSession, row: HelpRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.row = row
        self.setWindowTitle(_("Cancel the request"))
        self.setMinimumWidth(440)
        lines = [
            _("Cancel the request of {name}: {kind}?").format(
                name=row.person_name, kind=kind_name(row.kind)
            )
        ]
        if row.status == HelpStatus.DONE.value:
            lines.append(_("The task was marked done: the helper's hours for it are removed."))
        text = QLabel("\n".join(lines))
        text.setWordWrap(True)
        self.note = QLineEdit(objectName="cancelNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("e.g. found help elsewhere"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_("Why (optional)"), self.note)
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(_("Cancel the request"), QDialogButtonBox.AcceptRole)
        self.cancel_button.setObjectName("confirmCancel")
        buttons.addButton(_("Keep it"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @guarded
    def save(self) -> None:
        def action() -> None:
            neighbour_help.cancel_request(self.session.user, self.row.id, self.note.text())

        if run_form_action(self, self.error, action):
            self.accept()


class OtherVolunteerDialog(QDialog):
    """Any active volunteer, for when the suggestions do not have the right one."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Choose a volunteer"))
        self.setMinimumWidth(420)
        text = QLabel(_("Any active volunteer, also one who has not offered this kind of help."))
        text.setWordWrap(True)
        self.chooser = VolunteerChooser(session)
        self.chooser.setObjectName("otherVolunteer")
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        choose = buttons.addButton(_("Choose"), QDialogButtonBox.AcceptRole)
        choose.setDefault(True)
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self._accept_if_chosen)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.chooser)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept_if_chosen(self) -> None:
        if self.chooser.volunteer_id() is None:
            self.error.show_message(_("Choose the volunteer from the list."))
            return
        self.accept()


class TaskCardDialog(PaperChoiceDialog):
    """Before the task card: its language (the desk's by default); print or save."""

    def __init__(self, row: HelpRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Task card"))
        self.setMinimumWidth(400)
        self.language = QComboBox(objectName="cardLanguage")
        for code, language in LANGUAGES.items():
            self.language.addItem(language.native_name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language().code)))
        text = _(
            "A card for {helper}: what, where, when and whom to contact. "
            "It holds {name}'s name, address and phone number."
        ).format(helper=row.volunteer_name, name=row.person_name)
        form = QFormLayout()
        form.addRow(_("Language of the card"), self.language)
        self._lay_out(text, form)

    def chosen_language(self) -> str:
        return self.language.currentData()


# --- the view ---------------------------------------------------------------------------------


def _value_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    return label


class RequestDetails(QFrame):
    """The chosen request: what, who, when, where, how urgent, status, helper, task card."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("requestDetails")
        self.title = QLabel(objectName="detailsTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.form.setHorizontalSpacing(14)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for key, label in (
            ("phone", N_("Phone")),
            ("when", N_("When")),
            ("where", N_("Where")),
            ("urgency", N_("How urgent")),
            ("description", N_("What is needed")),
            ("status", N_("Status")),
            ("helper", N_("Helper")),
            ("card", N_("Task card")),
        ):
            value = _value_label(f"details_{key}")
            caption = QLabel(_(label))
            caption.setStyleSheet(NOTE_STYLE)
            caption.setAlignment(Qt.AlignLeft | Qt.AlignTop)
            self.values[key] = value
            self.labels[key] = caption
            self.form.addRow(caption, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def _set(self, key: str, text: str) -> None:
        self.values[key].setText(text)
        self.values[key].setVisible(bool(text))
        self.labels[key].setVisible(bool(text))

    def show_request(self, row: HelpRow | None, times: list[str], helper_phone: str) -> None:
        if row is None:
            self.title.setText(_("Choose a request on the list to see it here."))
            for key in self.values:
                self._set(key, "")
            return
        self.title.setText(
            _("{kind} for {name}").format(kind=kind_name(row.kind), name=row.person_name)
        )
        self._set("phone", row.phone or _("no phone number"))
        when = [day_text(row.needed_on) or _("No fixed day")]
        if times:
            when.append(_("preferred: {times}").format(times=time_codes_text(times)))
        self._set("when", "\n".join(when))
        self._set("where", place_text(row))
        self._set("urgency", urgency_name(row.urgency))
        urgent = row.urgency == Urgency.URGENT.value and row.status not in CLOSED
        self.values["urgency"].setStyleSheet(
            f"color: {URGENT_RED}; font-weight: bold;" if urgent else ""
        )
        self._set("description", row.description)
        self._set("status", status_name(row.status))
        helper = row.volunteer_name
        if helper and helper_phone:
            helper = f"{helper}, {helper_phone}"
        if helper and row.check_override:
            helper += "\n" + _("Assigned without a valid criminal record check.")
        self._set("helper", helper)
        if row.share_consent:
            card = _("May be printed: the person agreed to share their details.")
        else:
            card = _("Not to be printed: the person has not agreed to share their details.")
        self._set("card", card)


SUGGESTION_ROLE = Qt.UserRole + 1
ITEM_PADDING = 6


class SuggestionDelegate(QStyledItemDelegate):
    """A suggestion as the name in bold, the reasons under it, and a warning in red."""

    def __init__(self, view: QListWidget):
        super().__init__(view)
        self.view = view

    def _document(self, index, selected: bool) -> QTextDocument:
        name, reasons, warning = index.data(SUGGESTION_ROLE)
        colour = self.view.palette().highlightedText().color().name() if selected else ""
        style = f"color: {colour};" if colour else ""
        warning_colour = colour or URGENT_RED
        parts = [f"<div style='{style}'><b>{html.escape(name)}</b><br>{html.escape(reasons)}"]
        if warning:
            parts.append(
                f"<br><span style='color: {warning_colour};'>⚠ {html.escape(warning)}</span>"
            )
        parts.append("</div>")
        document = QTextDocument()
        document.setDefaultFont(self.view.font())
        document.setHtml("".join(parts))
        document.setTextWidth(max(100, self.view.viewport().width() - 2 * ITEM_PADDING))
        return document

    def paint(self, painter, option, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, options, painter, options.widget)
        selected = bool(option.state & QStyle.State_Selected)
        document = self._document(index, selected)
        painter.save()
        painter.translate(option.rect.left() + ITEM_PADDING, option.rect.top() + ITEM_PADDING)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        document = self._document(index, False)
        return QSize(
            int(document.textWidth()) + 2 * ITEM_PADDING,
            int(document.size().height()) + 2 * ITEM_PADDING,
        )


class SuggestionsPanel(QFrame):
    """The volunteers who could help, best first, each with the reasons; Assign."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.suggestions: list[Suggestion] = []
        self.title = QLabel(_("Suggested helpers"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.list = QListWidget(objectName="suggestionList")
        self.list.setAlternatingRowColors(True)
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setItemDelegate(SuggestionDelegate(self.list))
        self.empty = QLabel(objectName="noSuggestions")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(NOTE_STYLE)
        self.empty.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.warning = QLabel(objectName="suggestionWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.assign_button = _button(_("Assign"), "assignHelper")
        self.other_button = _button(_("Other volunteer…"), "otherVolunteer")
        self.staff_note = QLabel(_("Staff assign helpers and mark tasks done."))
        self.staff_note.setWordWrap(True)
        self.staff_note.setStyleSheet(NOTE_STYLE)
        self.staff_note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        # Without suggestions the line saying so takes the list's place, at the top.
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addWidget(self.staff_note)
        self.list.currentRowChanged.connect(self._show_warning)

    def show_suggestions(self, suggestions: list[Suggestion], empty_text: str) -> None:
        self.suggestions = suggestions
        self.list.clear()
        for suggestion in suggestions:
            candidate = suggestion.candidate
            lines = [candidate.name, suggestion.reasons_text]
            if suggestion.warning:
                lines.append("⚠ " + suggestion.warning)
            # The plain text is for screen readers and tests; the delegate draws it.
            entry = QListWidgetItem("\n".join(lines))
            entry.setData(Qt.UserRole, candidate.volunteer_id)
            entry.setData(
                SUGGESTION_ROLE, (candidate.name, suggestion.reasons_text, suggestion.warning)
            )
            self.list.addItem(entry)
        self.empty.setText(empty_text if not suggestions else "")
        self.empty.setVisible(not suggestions and bool(empty_text))
        self.list.setVisible(bool(suggestions))
        if suggestions:
            self.list.setCurrentRow(0)
        self._show_warning(self.list.currentRow())

    def chosen(self) -> Suggestion | None:
        row = self.list.currentRow()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    def _show_warning(self, _row: int) -> None:
        chosen = self.chosen()
        text = chosen.warning if chosen else ""
        if text:
            text = _("{name}: {warning}").format(name=chosen.candidate.name, warning=text)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class NeighbourHelpView(QWidget):
    """The board of requests for help with details and suggested helpers, and the offers.

    `refresh()` reads the board and the offers again; the view refreshes itself when shown.
    """

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("neighbourHelpView")
        self.rows_by_id: dict[int, HelpRow] = {}

        self.tabs = QTabWidget(objectName="helpTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._requests_page(), _("Requests"))
        self.tabs.addTab(self._offers_page(), _("Offers of help"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._apply_permissions()
        self.refresh()

    # --- building -----------------------------------------------------------------------------

    def _requests_page(self) -> QWidget:
        page = QWidget()
        self.board = BoardModel(self)
        self.board_table = read_only_table(self.board, 4, "helpBoard")
        self.board_table.setAlternatingRowColors(True)
        self.board_table.selectionModel().currentRowChanged.connect(
            lambda *_args: self._show_selected()
        )
        self.board_table.doubleClicked.connect(lambda _index: self.edit_request())
        self.show_history = QCheckBox(_("Show done and cancelled"), objectName="showHistory")
        self.show_history.toggled.connect(lambda _on: self.refresh())
        self.new_button = _button(_("New request…"), "newRequest")
        self.new_button.clicked.connect(self.new_request)
        self.count = QLabel(objectName="boardCount")
        self.count.setStyleSheet(NOTE_STYLE)
        top = QHBoxLayout()
        top.addWidget(heading(_("Requests for help")))
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.show_history)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        self.message = QLabel(objectName="helpMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(DONE_STYLE)
        self.message.hide()

        self.details = RequestDetails()
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.NoFrame)
        details_scroll.setWidget(self.details)
        self.edit_button = _button(_("Change…"), "editRequest")
        self.done_button = _button(_("Done…"), "doneRequest")
        self.cancel_button = _button(_("Cancel request…"), "cancelRequest")
        self.card_button = _button(_("Print task card…"), "printTaskCard")
        self.edit_button.clicked.connect(self.edit_request)
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_button.clicked.connect(self.cancel_request)
        self.card_button.clicked.connect(self.print_task_card)
        actions = QGridLayout()
        actions.setHorizontalSpacing(8)
        actions.setVerticalSpacing(6)
        actions.addWidget(self.edit_button, 0, 0)
        actions.addWidget(self.done_button, 0, 1)
        actions.addWidget(self.card_button, 1, 0)
        actions.addWidget(self.cancel_button, 1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(details_scroll, 1)
        left_layout.addLayout(actions)

        self.suggestions = SuggestionsPanel()
        self.suggestions.assign_button.clicked.connect(self.assign_suggested)
        self.suggestions.other_button.clicked.connect(self.assign_other)
        self.suggestions.list.itemActivated.connect(lambda _entry: self.assign_suggested())
        self.closed_note = QLabel(objectName="closedNote")
        self.closed_note.setWordWrap(True)
        self.closed_note.setStyleSheet(NOTE_STYLE)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.suggestions, 1)
        right_layout.addWidget(self.closed_note)

        bottom = QSplitter(Qt.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(left)
        bottom.addWidget(right)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([600, 600])
        split = QSplitter(Qt.Vertical, objectName="helpSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self.board_table)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        return page

    def _offers_page(self) -> QWidget:
        page = QWidget()
        self.offers = OffersModel(self)
        self.offers_table = read_only_table(self.offers, 4, "offersTable")
        self.offers_table.setAlternatingRowColors(True)
        self.offers_table.doubleClicked.connect(lambda _index: self.edit_offer())
        self.new_offer_button = _button(_("New offer…"), "newOffer")
        self.edit_offer_button = _button(_("Change…"), "editOffer")
        self.new_offer_button.clicked.connect(self.new_offer)
        self.edit_offer_button.clicked.connect(self.edit_offer)
        hint = QLabel(
            _("Volunteers who offer a kind of help are suggested for requests of that kind.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        top = QHBoxLayout()
        top.addWidget(heading(_("Offers of help")))
        top.addStretch(1)
        top.addWidget(self.new_offer_button)
        top.addWidget(self.edit_offer_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.offers_table, 1)
        return page

    def _apply_permissions(self) -> None:
        takes = self.session.can(Permission.TAKE_HELP_REQUESTS)
        self.manages = self.session.can(Permission.MANAGE_VOLUNTEERS)
        self.prints = self.session.can(Permission.PRINT_PAPERS)
        for button in (self.new_button, self.new_offer_button, self.edit_offer_button):
            button.setVisible(takes)
        self.takes = takes
        self.suggestions.staff_note.setVisible(not self.manages)

    # --- reading ------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    @guarded
    def refresh(self, select_id: int | None = None) -> None:
        """Read the board (and the history when asked) and the offers; keep the chosen request."""
        user = self.session.user
        if select_id is None:
            chosen = self.current_row()
            select_id = chosen.id if chosen else None
        if self.show_history.isChecked():
            rows = neighbour_help.help_rows(user)
            rows.sort(key=lambda row: row.status in CLOSED)  # stable: the open ones first
        else:
            rows = neighbour_help.open_board(user)
        self.rows_by_id = {row.id: row for row in rows}
        self.board.set_rows(rows)
        open_count = sum(1 for row in rows if row.status not in CLOSED)
        self.count.setText(
            ngettext("{count} open request", "{count} open requests", open_count).format(
                count=open_count
            )
        )
        self._select(select_id)
        self._show_selected()
        self.offers.set_rows(neighbour_help.offer_rows(user))

    def _select(self, request_id: int | None) -> None:
        rows = self.board.rows()
        if not rows:
            return
        index = next((i for i, row in enumerate(rows) if row.id == request_id), 0)
        model_index = self.board.index(index, 0)
        self.board_table.selectionModel().setCurrentIndex(
            model_index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )

    def current_row(self) -> HelpRow | None:
        index = self.board_table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.board.row_object(index.row())

    @guarded
    def _show_selected(self) -> None:
        row = self.current_row()
        user = self.session.user
        times: list[str] = []
        helper_phone = ""
        if row is not None:
            request = neighbour_help.get_help_request(user, row.id)
            times = volunteers.codes_of(request.times)
            if row.volunteer_id:
                helper_phone = volunteers.get_volunteer(user, row.volunteer_id).person.phone
        self.details.show_request(row, times, helper_phone)
        is_open = row is not None and row.status not in CLOSED
        self.edit_button.setVisible(self.takes)
        self.cancel_button.setVisible(self.takes)
        self.edit_button.setEnabled(is_open)
        self.cancel_button.setEnabled(row is not None and row.status != HelpStatus.CANCELLED.value)
        self.done_button.setVisible(self.manages)
        self.done_button.setEnabled(row is not None and row.status == HelpStatus.ASSIGNED.value)
        self.card_button.setVisible(self.prints)
        self.card_button.setEnabled(row is not None and row.volunteer_id is not None)
        self.suggestions.setVisible(is_open)
        if row is None:
            self.closed_note.setText("")
        elif not is_open:
            self.closed_note.setText(_("This request is closed."))
        self.closed_note.setVisible(row is not None and not is_open)
        if is_open:
            found = neighbour_help.suggest_helpers(user, row.id)
            if row.volunteer_id is None:
                self.suggestions.title.setText(_("Suggested helpers"))
                empty = _(
                    "Nobody offers this kind of help yet. Record an offer on the tab "
                    "“Offers of help”, or choose another volunteer."
                )
            else:
                # The helper is found: the others are there in case they cannot come.
                found = [s for s in found if s.candidate.volunteer_id != row.volunteer_id]
                self.suggestions.title.setText(_("Another helper, if needed"))
                empty = _("Nobody else offers this kind of help.")
            self.suggestions.show_suggestions(found, empty)
        for button in (self.suggestions.assign_button, self.suggestions.other_button):
            button.setVisible(self.manages)
        self.suggestions.assign_button.setEnabled(bool(self.suggestions.suggestions))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- requests -----------------------------------------------------------------------------

    @guarded
    def new_request(self) -> None:
        dialog = HelpRequestDialog(self.session, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._say(
                _("Request recorded: {kind} for {name}.").format(
                    kind=kind_name(dialog.saved.kind), name=dialog.person.full_name
                )
            )
            self.refresh(select_id=dialog.saved.id)

    @guarded
    def edit_request(self) -> None:
        row = self.current_row()
        if row is None or row.status in CLOSED or not self.takes:
            return
        dialog = HelpRequestDialog(self.session, row.id, parent=self)
        if dialog.exec():
            self._say("")
            self.refresh(select_id=row.id)

    @guarded
    def assign_suggested(self) -> None:
        row = self.current_row()
        chosen = self.suggestions.chosen()
        if row is None or chosen is None or not self.manages:
            return
        self._assign(row, chosen.candidate.volunteer_id, chosen.candidate.name)

    @guarded
    def assign_other(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = OtherVolunteerDialog(self.session, self)
        if dialog.exec():
            volunteer_id = dialog.chooser.volunteer_id()
            if volunteer_id is not None:
                name = volunteers.get_volunteer(self.session.user, volunteer_id).person.full_name
                self._assign(row, volunteer_id, name)

    def _assign(self, row: HelpRow, volunteer_id: int, name: str) -> None:
        user = self.session.user
        try:
            neighbour_help.assign_helper(user, row.id, volunteer_id)
        except CheckMissing as error:
            if not confirm_without_check(self, error.message, name):
                return
            neighbour_help.assign_helper(user, row.id, volunteer_id, confirm_missing_check=True)
        self._say(
            _("Helper for {name} ({kind}): {helper}. Please let them both know.").format(
                helper=name, name=row.person_name, kind=kind_name(row.kind)
            )
        )
        self.refresh(select_id=row.id)

    @guarded
    def mark_done(self) -> None:
        row = self.current_row()
        if row is None or row.status != HelpStatus.ASSIGNED.value:
            return
        dialog = DoneDialog(self.session, row, self)
        if dialog.exec():
            self._say(
                _("Done: {kind} for {name}. Thank you, {helper}!").format(
                    kind=kind_name(row.kind), name=row.person_name, helper=row.volunteer_name
                )
            )
            self.refresh(select_id=row.id)

    @guarded
    def cancel_request(self) -> None:
        row = self.current_row()
        if row is None or row.status == HelpStatus.CANCELLED.value:
            return
        dialog = CancelDialog(self.session, row, self)
        if dialog.exec():
            self._say(
                _("Cancelled: {kind} for {name}.").format(
                    kind=kind_name(row.kind), name=row.person_name
                )
            )
            self.refresh()

    @guarded
    def print_task_card(self) -> None:
        row = self.current_row()
        if row is None:
            return
        user = self.session.user
        # Refused here, with the reason, when the person has not agreed or nobody helps yet.
        neighbour_help.task_card(user, row.id)
        dialog = TaskCardDialog(row, self)
        choice = dialog.exec()
        if choice not in (TaskCardDialog.PRINT, TaskCardDialog.SAVE):
            return
        lang = dialog.chosen_language()

        def render(path) -> None:
            from lumijobi_desktop.printing.task_card import write_task_card

            write_task_card(user, row.id, path, lang)

        print_or_save(
            self, choice == TaskCardDialog.PRINT, _("Save the task card"), "task-card.pdf", render
        )

    # --- offers -------------------------------------------------------------------------------

    def current_offer(self) -> OfferRow | None:
        index = self.offers_table.selectionModel().currentIndex()
        return self.offers.row_object(index.row()) if index.isValid() else None

    @guarded
    def new_offer(self) -> None:
        dialog = HelpOfferDialog(self.session, parent=self)
        if dialog.exec():
            self.refresh()

    @guarded
    def edit_offer(self) -> None:
        offer = self.current_offer()
        if offer is None or not self.takes:
            return
        dialog = HelpOfferDialog(self.session, offer, parent=self)
        if dialog.exec():
            self.refresh()
