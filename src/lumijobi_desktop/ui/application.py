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

import peewee as pw
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from lumijobi_desktop.core import accounts, backup, settings
from lumijobi_desktop.core.app_log import configure_logging, logger
from lumijobi_desktop.core.errors import DamagedDatabaseError, LumijobiError, NewerDatabaseError
from lumijobi_desktop.core.first_run import needs_first_run
from lumijobi_desktop.core.i18n import DEFAULT_LANGUAGE, _
from lumijobi_desktop.core.instance_lock import InstanceLock
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.permissions import Permission
from lumijobi_desktop.core.store import (
    check_database,
    close_store,
    closed_cleanly,
    distrust_until_checked,
    open_store,
)
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.errors import install_excepthook, report, show_apology
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
        try:
            apply_language(settings.get(settings.DEFAULT_LANGUAGE_KEY))
            user = self._logged_in_without_screen() or self._first_user()
            if user is None:
                return False
            self._show_main_window(user)
        except pw.DatabaseError as error:
            self._damaged_while_starting(error)
            return False
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

    def _check_after_unclean_stop(self) -> list[str]:
        """After a crash the whole file is checked first; a window says why it takes a while."""
        if not self.paths.database.exists() or closed_cleanly(self.paths):
            return []
        dialog = QProgressDialog(
            _("Lumijobi Desktop was not closed normally last time. Checking the database…"),
            "",
            0,
            0,
        )
        dialog.setCancelButton(None)
        dialog.setWindowTitle("Lumijobi Desktop")
        dialog.setMinimumDuration(0)
        dialog.show()
        outcome: dict[str, object] = {}
        waiting = QEventLoop()

        def finished(key: str, value: object) -> None:
            outcome[key] = value
            waiting.quit()

        paths = self.paths
        self.worker.submit(
            lambda: check_database(paths, quick=True),
            lambda problems: finished("problems", problems),
            lambda error: finished("error", error),
        )
        if not outcome:
            waiting.exec()
        dialog.close()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["problems"]

    def _open_database(self) -> bool:
        try:
            problems = self._check_after_unclean_stop()
            if problems:
                raise DamagedDatabaseError(
                    _("The database failed its integrity check and was not opened."), problems
                )
            open_store(self.paths, verify=False)
            self._probe_start_up_tables()
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

    def _damaged_while_starting(self, error: pw.DatabaseError) -> None:
        """A malformed page met after the quick start: stop, and check fully next time."""
        logger.error("Database error while starting: %s", type(error).__name__)
        close_store()
        distrust_until_checked_on_disk(self.paths)
        self.exit_code = 1
        QMessageBox.critical(
            None,
            "Lumijobi Desktop",
            _(
                "The database failed its integrity check. Close the app and start it again: "
                "it will offer to restore the newest good backup."
            ),
        )

    def _probe_start_up_tables(self) -> None:
        """Read what start-up needs; a malformed page here is damage, not a crash."""
        try:
            settings.get(settings.CENTRE_NAME)
            accounts.login_choices()
        except pw.DatabaseError as error:
            close_store()
            distrust_until_checked_on_disk(self.paths)
            raise DamagedDatabaseError(
                _("The database failed its integrity check and was not opened."), [str(error)]
            ) from error

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
        if self.stopped:
            return  # shut down before the event loop ran: start no background work
        paths = self.paths
        # A clean start skipped reading the whole file; it is checked here, off the GUI
        # thread, so damage that happened while the app was closed is still found.
        self.worker.submit(
            lambda: check_database(paths, quick=True), self._check_done, self._backup_failed
        )
        if not backup.backed_up_today(paths):
            self.worker.submit(
                lambda: backup.run_backup(paths), self._backup_done, self._backup_failed
            )
        self._remind_outside_backup()

    def _check_done(self, problems: list[str]) -> None:
        if not problems or self.stopped:
            return
        logger.error("Background integrity check failed: %d problem(s)", len(problems))
        distrust_until_checked()
        QMessageBox.critical(
            self.window,
            "Lumijobi Desktop",
            _(
                "The database failed its integrity check. Close the app and start it again: "
                "it will offer to restore the newest good backup."
            ),
        )

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


def distrust_until_checked_on_disk(paths: DataPaths) -> None:
    from lumijobi_desktop.core.store import CLEAN_MARK

    (paths.root / CLEAN_MARK).unlink(missing_ok=True)


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
    try:
        started = desk.start()
    except Exception as error:
        show_apology(None, error)
        started, desk.exit_code = False, 1
    if not started:
        desk.lock.release()
        close_store()
        return desk.exit_code
    return app.exec()
