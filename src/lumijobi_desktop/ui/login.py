"""The login screen of the shared desk PC: pick your name, type your password or PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from lumijobi_desktop.core import accounts
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.permissions import role_name
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import show_apology
from lumijobi_desktop.ui.widgets import ErrorLabel, heading


class LoginDialog(QDialog):
    def __init__(self, centre_name: str, *, preselect_id: int | None = None, locked: bool = False):
        super().__init__()
        self.user: User | None = None
        self.setWindowTitle(_("Lumijobi Desktop: log in"))
        self.setMinimumWidth(420)
        title = heading(centre_name or "Lumijobi")
        prompt = QLabel(
            _("The screen was locked. Choose your name to continue.")
            if locked
            else _("Choose your name and type your password or PIN.")
        )
        prompt.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("loginNames")
        for user in accounts.login_choices():
            item = QListWidgetItem(f"{user.display_name}  ·  {role_name(user.role)}")
            item.setData(Qt.UserRole, user.id)
            self.names.addItem(item)
            if user.id == preselect_id:
                self.names.setCurrentItem(item)
        if self.names.currentRow() < 0 and self.names.count():
            self.names.setCurrentRow(0)
        self.secret = QLineEdit()
        self.secret.setObjectName("loginSecret")
        self.secret.setEchoMode(QLineEdit.Password)
        self.secret.setPlaceholderText(_("Password or PIN"))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(_("Log in"), QDialogButtonBox.AcceptRole)
        self.login_button.setDefault(True)
        quit_button = buttons.addButton(_("Quit"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.try_login)
        quit_button.clicked.connect(self.reject)
        self.names.itemActivated.connect(lambda _item: self.secret.setFocus())
        self.names.currentRowChanged.connect(lambda _row: self.secret.clear())

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(prompt)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.secret.setFocus()

    def selected_user_id(self) -> int | None:
        item = self.names.currentItem()
        return item.data(Qt.UserRole) if item else None

    def try_login(self) -> None:
        user_id = self.selected_user_id()
        if user_id is None:
            self.error.show_message(_("Choose your name from the list."))
            return
        try:
            self.user = accounts.authenticate(user_id, self.secret.text())
        except LumijobiError as error:
            self.error.show_message(error.message)
            self.secret.selectAll()
            self.secret.setFocus()
            return
        except Exception as error:
            show_apology(self, error)
            return
        self.accept()
