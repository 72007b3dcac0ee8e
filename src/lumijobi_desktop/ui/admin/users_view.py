"""User accounts, for administrators: add, change role, deactivate, reset the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import accounts
from lumijobi_desktop.core.i18n import LANGUAGES, N_, _, format_datetime
from lumijobi_desktop.core.permissions import Role, role_name
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import guarded, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.table_models import RowsTableModel
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, language_combo, save_cancel_buttons


class UsersModel(RowsTableModel):
    headers = (N_("Name"), N_("Role"), N_("Language"), N_("Active"), N_("Last login"))

    def cell(self, user: User, column: int, role: int):
        if role != Qt.DisplayRole:
            return None
        if column == 0:
            return user.display_name
        if column == 1:
            return role_name(user.role)
        if column == 2:
            return LANGUAGES[user.language].native_name if user.language else _("Desk default")
        if column == 3:
            return _("yes") if user.active else _("no")
        return format_datetime(user.last_login_at) if user.last_login_at else ""


class UserDialog(QDialog):
    def __init__(self, session: DeskSession, user: User | None = None, parent=None):
        super().__init__(parent)
        self.session, self.user = session, user
        self.setWindowTitle(_("Edit account") if user else _("New account"))
        self.name = QLineEdit(user.display_name if user else "", objectName="userName")
        self.role = QComboBox(objectName="userRole")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(max(self.role.findData(user.role if user else "volunteer"), 0))
        self.language = language_combo(
            user.language if user else None, with_default=_("Desk default")
        )
        self.secret = QLineEdit(objectName="userSecret")
        self.secret.setEchoMode(QLineEdit.Password)
        self.active = QCheckBox(_("Can log in"))
        self.active.setChecked(user.active if user else True)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_("Name shown at login"), self.name)
        form.addRow(_("Role"), self.role)
        form.addRow(_("Language"), self.language)
        if user is None:
            form.addRow(_("Password or PIN"), self.secret)
        else:
            form.addRow("", self.active)
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        if run_form_action(self, self.error, self._save_account):
            self.accept()

    def _save_account(self) -> None:
        actor, name = self.session.user, self.name.text()
        role, language = self.role.currentData(), self.language.currentData()
        if self.user is None:
            accounts.create_user(actor, name, role, self.secret.text(), language)
        else:
            accounts.update_user(
                actor,
                self.user.id,
                display_name=name,
                role=role,
                active=self.active.isChecked(),
                language=language,
            )


class UsersView(QWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = UsersModel(self)
        self.table = QTableView(objectName="usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        add = QPushButton(_("New account…"))
        edit = QPushButton(_("Edit…"))
        reset = QPushButton(_("Set a new password or PIN…"))
        buttons = QHBoxLayout()
        for button in (add, edit, reset):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Users")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        add.clicked.connect(self.add_user)
        edit.clicked.connect(self.edit_user)
        reset.clicked.connect(self.reset_secret)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.refresh()

    @guarded
    def refresh(self) -> None:
        self.model.set_rows(accounts.all_users(self.session.user))

    def _selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def add_user(self) -> None:
        if UserDialog(self.session, parent=self).exec():
            self.refresh()

    def edit_user(self) -> None:
        user = self._selected()
        if user and UserDialog(self.session, user, parent=self).exec():
            self.refresh()

    @guarded
    def reset_secret(self) -> None:
        user = self._selected()
        if user is None:
            return
        secret, ok = QInputDialog.getText(
            self,
            _("New password or PIN"),
            _("New password or PIN for {name}:").format(name=user.display_name),
            QLineEdit.Password,
        )
        if ok:
            accounts.set_secret(self.session.user, user.id, secret)
