"""Settings: my language and PIN for everyone; the desk's settings and backups for staff."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lumijobi_desktop.core import accounts, backup, settings
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.ui.errors import guarded, report, run_form_action
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.widgets import ErrorLabel, heading, language_combo
from lumijobi_desktop.ui.worker import Worker


class SettingsView(QWidget):
    language_changed = Signal(str)
    backup_made = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = Worker(self)
        # Forms read badly stretched over a wide screen: keep them to a comfortable width.
        column = QWidget()
        column.setMaximumWidth(760)
        layout = QVBoxLayout(column)
        outer = QHBoxLayout(self)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        layout.addWidget(heading(_("Settings")))
        layout.addWidget(self._personal_box())
        if session.can(Permission.MANAGE_SETTINGS):
            layout.addWidget(self._desk_box())
        if session.can(Permission.MANAGE_BACKUPS):
            layout.addWidget(self._backup_box())
        layout.addStretch(1)

    # my settings -----------------------------------------------------------------
    def _personal_box(self) -> QGroupBox:
        box = QGroupBox(_("My settings"))
        desk_default = _("Desk default")
        self.my_language = language_combo(self.session.user.language, with_default=desk_default)
        self.my_language.setObjectName("myLanguage")
        self.new_secret = QLineEdit(objectName="newSecret")
        self.new_secret.setEchoMode(QLineEdit.Password)
        self.new_secret.setPlaceholderText(_("New password or PIN"))
        change_secret = QPushButton(_("Change my password or PIN"))
        self.personal_error = ErrorLabel()
        form = QFormLayout(box)
        form.addRow(_("My language"), self.my_language)
        row = QHBoxLayout()
        row.addWidget(self.new_secret)
        row.addWidget(change_secret)
        form.addRow(_("Password or PIN"), row)
        form.addRow(self.personal_error)
        self.my_language.activated.connect(self._my_language_chosen)
        change_secret.clicked.connect(self._change_secret)
        return box

    @guarded
    def _my_language_chosen(self, _index: int) -> None:
        code = self.my_language.currentData()
        accounts.set_own_language(self.session.user, code)
        self.language_changed.emit(code or settings.get(settings.DEFAULT_LANGUAGE_KEY))

    def _change_secret(self) -> None:
        user, secret = self.session.user, self.new_secret.text()
        if run_form_action(
            self, self.personal_error, lambda: accounts.set_secret(user, user.id, secret)
        ):
            self.new_secret.clear()
            QMessageBox.information(self, _("Settings"), _("Your password or PIN was changed."))

    def _desk_box(self) -> QGroupBox:
        box = QGroupBox(_("This desk"))
        self.centre_name = QLineEdit(settings.get(settings.CENTRE_NAME), objectName="centreName")
        self.centre_address = QLineEdit(
            settings.get(settings.CENTRE_ADDRESS), objectName="centreAddress"
        )
        self.centre_phone = QLineEdit(settings.get(settings.CENTRE_PHONE), objectName="centrePhone")
        for field in (self.centre_address, self.centre_phone):
            field.setPlaceholderText(_("printed on appointment slips"))
        self.default_language = language_combo(settings.get(settings.DEFAULT_LANGUAGE_KEY))
        self.default_language.setObjectName("defaultLanguage")
        self.idle_minutes = QSpinBox(objectName="idleMinutes")
        self.idle_minutes.setRange(*settings.IDLE_LOCK_RANGE)
        self.idle_minutes.setValue(settings.get(settings.IDLE_LOCK_MINUTES))
        self.idle_minutes.setSuffix(" " + _("min"))
        # Volunteers: what funders count an hour as, and when a quiet friend pair is followed up.
        self.hour_value = QDoubleSpinBox(objectName="volunteerHourValue")
        self.hour_value.setRange(*settings.HOUR_VALUE_RANGE)
        self.hour_value.setDecimals(2)
        self.hour_value.setValue(settings.get(settings.VOLUNTEER_HOUR_VALUE))
        self.hour_value.setSuffix(" " + _("€/h"))
        self.no_meeting_days = QSpinBox(objectName="friendNoMeetingDays")
        self.no_meeting_days.setRange(*settings.NO_MEETING_DAYS_RANGE)
        self.no_meeting_days.setValue(settings.get(settings.FRIEND_NO_MEETING_DAYS))
        self.no_meeting_days.setSuffix(" " + _("days"))
        save = QPushButton(_("Save"))
        save.setObjectName("saveDeskSettings")
        self.desk_error = ErrorLabel()
        form = QFormLayout(box)
        form.addRow(_("Centre's name"), self.centre_name)
        form.addRow(_("Address"), self.centre_address)
        form.addRow(_("Phone"), self.centre_phone)
        form.addRow(_("Default language"), self.default_language)
        form.addRow(_("Lock the screen after"), self.idle_minutes)
        form.addRow(_("Value of a volunteer hour"), self.hour_value)
        form.addRow(_("No friend meetings: remind after"), self.no_meeting_days)
        form.addRow("", save)
        form.addRow(self.desk_error)
        save.clicked.connect(self._save_desk)
        return box

    def _save_desk(self) -> None:
        changes = {
            settings.CENTRE_NAME: self.centre_name.text(),
            settings.CENTRE_ADDRESS: self.centre_address.text(),
            settings.CENTRE_PHONE: self.centre_phone.text(),
            settings.DEFAULT_LANGUAGE_KEY: self.default_language.currentData(),
            settings.IDLE_LOCK_MINUTES: self.idle_minutes.value(),
            settings.VOLUNTEER_HOUR_VALUE: self.hour_value.value(),
            settings.FRIEND_NO_MEETING_DAYS: self.no_meeting_days.value(),
        }
        if run_form_action(
            self, self.desk_error, lambda: settings.change(self.session.user, changes)
        ):
            QMessageBox.information(self, _("Settings"), _("The settings were saved."))

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(_("Backups"))
        self.backup_folder = QLineEdit(
            settings.get(settings.BACKUP_FOLDER), objectName="backupFolder"
        )
        self.backup_folder.setPlaceholderText(_("e.g. a USB stick"))
        choose = QPushButton(_("Choose…"))
        save_folder = QPushButton(_("Save"))
        self.backup_now = QPushButton(_("Back up now"))
        self.backup_now.setObjectName("backupNow")
        self.backup_info = QLabel()
        self.backup_info.setWordWrap(True)
        self.backup_error = ErrorLabel()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(save_folder)
        form = QFormLayout(box)
        form.addRow(_("Also back up to"), folder_row)
        form.addRow("", self.backup_now)
        form.addRow(self.backup_info)
        form.addRow(self.backup_error)
        choose.clicked.connect(self._choose_folder)
        save_folder.clicked.connect(self._save_folder)
        self.backup_now.clicked.connect(self.start_backup)
        self._show_backup_info()
        return box

    def _show_backup_info(self) -> None:
        self.backup_info.setText(
            _("Backups are kept in {folder}: 7 daily, 4 weekly and 12 monthly copies.").format(
                folder=self.session.paths.backups
            )
        )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Choose the backup folder"), self.backup_folder.text() or str(Path.home())
        )
        if folder:
            self.backup_folder.setText(folder)
            self._save_folder()

    def _save_folder(self) -> None:
        changes = {settings.BACKUP_FOLDER: self.backup_folder.text()}
        run_form_action(
            self, self.backup_error, lambda: settings.change(self.session.user, changes)
        )

    def start_backup(self) -> None:
        self.backup_now.setEnabled(False)
        paths = self.session.paths
        self.worker.submit(
            lambda: backup.run_backup(paths),
            self._backup_done,
            self._backup_failed,
            progress_parent=self,
            progress_text=_("Backing up…"),
        )

    def _backup_done(self, result: backup.BackupResult) -> None:
        self.backup_now.setEnabled(True)
        if result.outside_problem:
            self.backup_error.show_message(result.outside_problem)
        else:
            self.backup_error.clear_message()
        self.backup_made.emit()

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_now.setEnabled(True)
        report(self, error)
