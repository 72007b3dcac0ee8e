"""The app's life: one instance per data folder, open the database safely, log in, run, back up.

Order of start: lock the data folder (or wake the running instance), open
the database (refusing a newer or damaged one with a clear choice), first-run
wizard or login, then the main window. The daily backup runs on the worker
so the window shows at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from lumijobi_desktop.core import accounts, backup, settings
from lumijobi_desktop.core.app_log import configure_logging, logger
from lumijobi_desktop.core.errors import DamagedDatabaseError, LumijobiError, NewerDatabaseError
from lumijobi_desktop.core.first_run import needs_first_run
from lumijobi_desktop.core.i18n import DEFAULT_LANGUAGE, _
from lumijobi_desktop.core.instance_lock import InstanceLock
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.store import (
    close_store,
    open_store,
)
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import install_excepthook, report
from lumijobi_desktop.ui.idle import IdleWatcher
from lumijobi_desktop.ui.login import LoginDialog
from lumijobi_desktop.ui.main_window import MainWindow
from lumijobi_desktop.ui.qt_language import apply_language
from lumijobi_desktop.ui.scanner import install_scan_detector
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.single_instance import (
    SingleInstanceServer,
    bring_to_front,
    notify_running_instance,
)
from lumijobi_desktop.ui.wizard import FirstRunWizard
from lumijobi_desktop.ui.worker import Worker

# "Name:PIN" logs in without the login screen; used by the start-up benchmark.
AUTO_LOGIN_ENV = "LUMIJOBI_AUTO_LOGIN"


class DeskApplication:
    def __init__(
        self,
        app: QApplication,
        paths: DataPaths,
        *,
        login_as: tuple[str, str] | None = None,
        report_shown: bool = False,
    ):
        self.app = app
        self.paths = paths
        self.login_as = login_as
        self.exit_code = 0
        self.stopped = False
        self.report_shown = report_shown
        self.lock = InstanceLock(paths.lock_file)
        self.window: MainWindow | None = None
        self.worker = Worker()
        self.server: SingleInstanceServer | None = None
        self.idle: IdleWatcher | None = None
        self.scanner = None

    # start -----------------------------------------------------------------------
    def start(self) -> bool:
        """Everything before the event loop; False when the app should not run."""
        self.paths.ensure()
        configure_logging(self.paths)
        install_excepthook()
        self.app.setQuitOnLastWindowClosed(False)
        apply_language(DEFAULT_LANGUAGE)
        if not self.lock.acquire():
            self._wake_running_instance()
            return False
        self.server = SingleInstanceServer(self.paths.root)
        self.server.activation_requested.connect(self._bring_window_forward)
        if not self.server.start():
            logger.warning("Single-instance server not listening: %s", self.server.error_text)
        if not self._open_database():
            self.exit_code = 1
            return False
        apply_language(settings.get(settings.DEFAULT_LANGUAGE_KEY))
        user = self._logged_in_without_screen() or self._first_user()
        if user is None:
            return False
        self._show_main_window(user)
        self.scanner = install_scan_detector(self.app)
        self.scanner.scanned.connect(self._route_scan)
        self.idle = IdleWatcher(lambda: settings.get(settings.IDLE_LOCK_MINUTES))
        self.app.installEventFilter(self.idle)
        self.idle.idle.connect(self.lock_screen)
        self.app.aboutToQuit.connect(self.shutdown)
        QTimer.singleShot(0, self._after_start)
        return True

    def _wake_running_instance(self) -> None:
        woke = notify_running_instance(self.paths.root)
        QMessageBox.information(
            None,
            "Lumijobi Desktop",
            _(
                "Lumijobi Desktop is already open on this computer. Its window was brought to "
                "the front."
            )
            if woke
            else _("Lumijobi Desktop is already open on this computer with the same data."),
        )

    def _open_database(self) -> bool:
        try:
            open_store(self.paths)
            return True
        except NewerDatabaseError as error:
            QMessageBox.critical(None, "Lumijobi Desktop", error.message)
            return False
        except DamagedDatabaseError as error:
            logger.error("Integrity check failed: %d problem(s)", len(error.problems))
            return self._offer_restore()
        except LumijobiError as error:
            QMessageBox.critical(None, "Lumijobi Desktop", error.message)
            return False

    def _offer_restore(self) -> bool:
        folders = [self.paths.backups]
        if outside := settings_backup_folder_from_disk():
            folders.append(outside)
        newest = backup.newest_good_backup(folders)
        if newest is None:
            QMessageBox.critical(
                None,
                "Lumijobi Desktop",
                _(
                    "The database is damaged and there is no good backup to restore. Ask for "
                    "help; do not delete anything in {path}."
                ).format(path=self.paths.root),
            )
            return False
        answer = QMessageBox.question(
            None,
            "Lumijobi Desktop",
            _(
                "The database is damaged, so it was not opened. Restore the newest good backup "
                "({name})? The damaged database is kept beside the backups."
            ).format(name=newest.name),
        )
        if answer != QMessageBox.Yes:
            return False
        try:
            backup.restore(self.paths, newest)
            open_store(self.paths)
        except Exception as error:
            report(None, error)
            return False
        return True

    def _logged_in_without_screen(self) -> User | None:
        """The demo admin, or the benchmark's account: the password is still checked."""
        if self.login_as is None or needs_first_run():
            return None
        name, secret = self.login_as
        user = accounts.active_user_named(name)
        return accounts.authenticate(user.id, secret) if user else None

    def _first_user(self) -> User | None:
        if needs_first_run():
            wizard = FirstRunWizard()
            return wizard.admin if wizard.exec() else None
        return self._login()

    def _login(self, preselect: int | None = None, locked: bool = False) -> User | None:
        dialog = LoginDialog(
            settings.get(settings.CENTRE_NAME), preselect_id=preselect, locked=locked
        )
        return dialog.user if dialog.exec() else None

    # the window ------------------------------------------------------------------
    def _show_main_window(self, user: User) -> None:
        apply_language(user.language or settings.get(settings.DEFAULT_LANGUAGE_KEY))
        old = self.window
        self.window = MainWindow(DeskSession(user, self.paths))
        self.window.switch_user_requested.connect(self.switch_user)
        self.window.language_changed.connect(self._language_changed)
        self.window.closing.connect(self._window_closing)
        if old is not None:
            self.window.setGeometry(old.geometry())
            old.closing.disconnect(self._window_closing)
            old.close()
            old.deleteLater()
        self.window.show()
        if self.report_shown:
            QTimer.singleShot(0, self._report_shown_and_quit)

    def _report_shown_and_quit(self) -> None:
        print("MAIN_WINDOW_SHOWN", flush=True)
        self.app.quit()

    def _language_changed(self, _code: str) -> None:
        # Rebuilt from scratch in the user's new language (saved before this signal).
        user = accounts.get_user(self.window.session.user.id)
        self._show_main_window(user)
        self.window.show_area("settings")

    def switch_user(self) -> None:
        self._relogin(locked=False)

    def lock_screen(self) -> None:
        """Lock after the idle time. An open dialog (perhaps someone's details) closes first."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject() if isinstance(modal, QDialog) else modal.close()
            # Lock once the dialog's own event loop has ended.
            QTimer.singleShot(0, self.lock_screen)
            return
        if self.window is not None and self.window.isVisible():
            self._relogin(locked=True)

    def _relogin(self, *, locked: bool) -> None:
        current = self.window.session.user
        self.window.hide()
        user = self._login(preselect=current.id, locked=locked)
        if user is None:
            self.app.quit()
            return
        self._show_main_window(user)

    def _bring_window_forward(self) -> None:
        if self.window is not None:
            bring_to_front(self.window)

    def _route_scan(self, code: str) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.handle_scan(code)

    def _window_closing(self) -> None:
        self.app.quit()

    # backups ---------------------------------------------------------------------
    def _after_start(self) -> None:
        if not backup.backed_up_today(self.paths):
            paths = self.paths
            self.worker.submit(
                lambda: backup.run_backup(paths), self._backup_done, self._backup_failed
            )
        self._remind_outside_backup()

    def _backup_done(self, result: backup.BackupResult) -> None:
        logger.info("Backup written (%s)", result.local.name)
        if self.window is not None:
            self.window.update_backup_status()

    def _backup_failed(self, error: BaseException) -> None:
        report(self.window, error)

    def _remind_outside_backup(self) -> None:
        if self.window is None or not self.window.session.can(Permission.MANAGE_BACKUPS):
            return
        if not backup.outside_backup_overdue():
            return
        box = QMessageBox(
            QMessageBox.Information,
            _("Backup reminder"),
            _(
                "No backup has been copied outside this computer (e.g. to a USB "
                "stick) for a week. If this computer breaks, the data is lost."
            ),
            parent=self.window,
        )
        now_button = box.addButton(_("Back up now"), QMessageBox.AcceptRole)
        box.addButton(_("Remind me tomorrow"), QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is not now_button:
            backup.snooze_reminder()
        elif backup.outside_folder() is None:
            # Nowhere to copy to yet: the settings page asks for the folder.
            self.window.show_area("settings")
        else:
            self.window.views["settings"].start_backup()

    # exit ------------------------------------------------------------------------
    def shutdown(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        self.worker.wait()
        try:
            if self.window is not None:
                backup.run_backup(self.paths)
        except Exception as error:
            logger.exception("Backup at exit failed: %s", type(error).__name__)
        close_store()
        self.lock.release()


def settings_backup_folder_from_disk() -> Path | None:
    """The outside backup folder cannot be read from a damaged database: try, don't insist."""
    try:
        return backup.outside_folder()
    except Exception:
        return None


def login_from_environment() -> tuple[str, str] | None:
    value = os.environ.get(AUTO_LOGIN_ENV, "")
    if ":" not in value:
        return None
    name, secret = value.rsplit(":", 1)
    return name, secret


def run(
    paths: DataPaths, *, login_as: tuple[str, str] | None = None, report_shown: bool = False
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lumijobi Desktop")
    app.setOrganizationName("Lumijobi")
    desk = DeskApplication(
        app, paths, login_as=login_as or login_from_environment(), report_shown=report_shown
    )
    if not desk.start():
        desk.lock.release()
        close_store()
        return desk.exit_code
    return app.exec()
