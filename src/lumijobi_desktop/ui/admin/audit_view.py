"""The audit log for administrators: who changed what and when, filtered, newest first."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import accounts, audit
from lumijobi_desktop.core.audit import AuditEntry, AuditFilter
from lumijobi_desktop.core.i18n import N_, _, current_language, format_datetime
from lumijobi_desktop.ui.errors import guarded
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import LazyTableModel
from lumijobi_desktop.ui.widgets import heading


class AuditModel(LazyTableModel):
    headers = (N_("When"), N_("Who"), N_("What"), N_("Record"))

    def __init__(self, session: DeskSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.criteria = AuditFilter()

    def count_rows(self) -> int:
        return audit.count_entries(self.session.user, self.criteria)

    def load_page(self, offset: int, limit: int) -> list[AuditEntry]:
        return audit.list_entries(self.session.user, self.criteria, offset=offset, limit=limit)

    def cell(self, entry: AuditEntry, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        if column == 0:
            return format_datetime(entry.at)
        if column == 1:
            return entry.user_name if entry.user_id is not None else _("System")
        if column == 2:
            return audit.action_name(entry.action)
        record = audit.entity_name(entry.entity)
        return f"{record} {entry.entity_id}" if entry.entity_id is not None else record


def _pretty(text: str | None) -> str:
    if not text:
        return "–"
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2)


class AuditView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = AuditModel(session, self)
        self.user_filter = QComboBox(objectName="auditUser")
        self.user_filter.addItem(_("Everyone"), None)
        for user in accounts.all_users(session.user):
            self.user_filter.addItem(user.display_name, user.id)
        self.entity_filter = QComboBox(objectName="auditEntity")
        self.entity_filter.addItem(_("All records"), None)
        for key in audit.ENTITY_NAMES:
            self.entity_filter.addItem(audit.entity_name(key), key)
        self.action_filter = QComboBox(objectName="auditAction")
        self.action_filter.addItem(_("All actions"), None)
        for action in audit.Action:
            self.action_filter.addItem(audit.action_name(action), action.value)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), objectName="auditSince")
        self.until = QDateEdit(today, objectName="auditUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            # The CLDR-style patterns we use are also valid Qt date formats.
            edit.setDisplayFormat(current_language().date_pattern)

        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.details = QPlainTextEdit(objectName="auditDetails")
        self.details.setReadOnly(True)

        filters = QHBoxLayout()
        for label, widget in (
            (_("Who"), self.user_filter),
            (_("Record"), self.entity_filter),
            (_("What"), self.action_filter),
            (_("From"), self.since),
            (_("To"), self.until),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Audit log")))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        for combo in (self.user_filter, self.entity_filter, self.action_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.apply_filters()

    @guarded
    def apply_filters(self, *_args) -> None:
        self.model.criteria = AuditFilter(
            user_id=self.user_filter.currentData(),
            entity=self.entity_filter.currentData(),
            action=self.action_filter.currentData(),
            since=self.since.date().toPython(),
            until=self.until.date().toPython(),
        )
        self.model.reload()
        self.details.clear()

    def _show_details(self, current, _previous) -> None:
        entry: AuditEntry | None = self.model.row_object(current.row())
        if entry is None:
            self.details.clear()
            return
        self.details.setPlainText(
            _("Before:")
            + "\n"
            + _pretty(entry.before)
            + "\n\n"
            + _("After:")
            + "\n"
            + _pretty(entry.after)
        )
