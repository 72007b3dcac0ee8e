"""User accounts, for administrators: add, change role, deactivate, reset the PIN."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import LANGUAGES, N_, _, format_datetime
from lumijobi_desktop.core.permissions import Role, role_name
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import guarded, report
from lumijobi_desktop.ui.lazy_table import NO_PARENT
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, language_combo


class UsersModel(QAbstractTableModel):
    HEADERS = (N_("Name"), N_("Role"), N_("Language"), N_("Active"), N_("Last login"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.users: list[User] = []

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self.users = users
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return _(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not index.isValid() or index.row() >= len(self.users):
            return None
        user = self.users[index.row()]
        column = index.column()
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
        buttons = QDialogButtonBox()
        buttons.addButton(_("Save"), QDialogButtonBox.AcceptRole).setDefault(True)
        buttons.addButton(_("Cancel"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        actor = self.session.user
        try:
            if self.user is None:
                accounts.create_user(
                    actor,
                    self.name.text(),
                    self.role.currentData(),
                    self.secret.text(),
                    self.language.currentData(),
                )
            else:
                accounts.update_user(
                    actor,
                    self.user.id,
                    display_name=self.name.text(),
                    role=self.role.currentData(),
                    active=self.active.isChecked(),
                    language=self.language.currentData(),
                )
        except LumijobiError as error:
            self.error.show_message(error.message)
            return
        except Exception as error:
            report(self, error)
            return
        self.accept()


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
        self.model.set_users(accounts.all_users(self.session.user))

    def _selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.users[rows[0].row()] if rows else None

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
