"""First start: the centre's name, the default language and the first administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from lumijobi_desktop.core import accounts
from lumijobi_desktop.core.errors import LumijobiError
from lumijobi_desktop.core.first_run import complete_first_run
from lumijobi_desktop.core.i18n import DEFAULT_LANGUAGE, _
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import report
from lumijobi_desktop.ui.qt_language import apply_language
from lumijobi_desktop.ui.widgets import ErrorLabel, language_combo


class _CentrePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.language = language_combo(DEFAULT_LANGUAGE)
        self.centre_name = QLineEdit()
        self.centre_name.setObjectName("centreName")
        self.error = ErrorLabel()
        self.language_label, self.name_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.name_label, self.centre_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.language.currentIndexChanged.connect(self._language_changed)

    def retranslate(self) -> None:
        self.setTitle(_("Welcome to Lumijobi Desktop"))
        self.setSubTitle(_("A few questions before the first use. You can change them later."))
        self.language_label.setText(_("Language"))
        self.name_label.setText(_("Centre's name"))
        self.centre_name.setPlaceholderText(_("e.g. Help Center Lumijobi"))

    def _language_changed(self) -> None:
        # The rest of the wizard follows the language chosen here.
        apply_language(self.language.currentData())
        self.wizard().retranslate()

    def validatePage(self) -> bool:
        if not " ".join(self.centre_name.text().split()):
            self.error.show_message(_("Type the centre's name."))
            return False
        self.error.clear_message()
        return True


class _AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.secret = QLineEdit()
        self.secret.setObjectName("adminSecret")
        self.secret.setEchoMode(QLineEdit.Password)
        self.secret_again = QLineEdit()
        self.secret_again.setObjectName("adminSecretAgain")
        self.secret_again.setEchoMode(QLineEdit.Password)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = ErrorLabel()
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        for label, field in zip(
            self.labels, (self.name, self.secret, self.secret_again), strict=True
        ):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("The first administrator"))
        self.setSubTitle(_("This account can add the other users and change every setting."))
        self.hint.setText(
            _("Use a PIN of at least 4 digits or a password of at least 6 characters.")
        )
        texts = (_("Your name"), _("Password or PIN"), _("Once more"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def validatePage(self) -> bool:
        if self.secret.text() != self.secret_again.text():
            self.error.show_message(_("The two passwords are not the same."))
            return False
        try:
            accounts.validate_secret(self.secret.text())
        except LumijobiError as error:
            self.error.show_message(error.message)
            return False
        if not " ".join(self.name.text().split()):
            self.error.show_message(_("Type the name shown at login."))
            return False
        self.error.clear_message()
        return True


class FirstRunWizard(QWizard):
    """Saves everything at the end, in one go, so a cancelled wizard leaves nothing behind."""

    def __init__(self) -> None:
        super().__init__()
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setMinimumSize(560, 380)
        self.centre_page = _CentrePage()
        self.admin_page = _AdminPage()
        self.addPage(self.centre_page)
        self.addPage(self.admin_page)
        self.admin: User | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Lumijobi Desktop: first start"))
        self.centre_page.retranslate()
        self.admin_page.retranslate()
        for button, text in (
            (QWizard.NextButton, _("Next")),
            (QWizard.BackButton, _("Back")),
            (QWizard.FinishButton, _("Start")),
            (QWizard.CancelButton, _("Cancel")),
        ):
            self.setButtonText(button, text)

    @property
    def language(self) -> str:
        return self.centre_page.language.currentData()

    def accept(self) -> None:
        try:
            self.admin = complete_first_run(
                centre_name=self.centre_page.centre_name.text(),
                language=self.language,
                admin_name=self.admin_page.name.text(),
                secret=self.admin_page.secret.text(),
            )
        except Exception as error:
            report(self, error)
            return
        super().accept()
