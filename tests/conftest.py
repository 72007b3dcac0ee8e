"""Shared fixtures: every test gets its own data folder and a real SQLite database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from lumijobi_desktop.core import accounts, i18n
from lumijobi_desktop.core.paths import DATA_DIR_ENV, DataPaths
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.store import close_store, open_store

PIN = "2468"


def _real_dialog_exec():
    from PySide6.QtWidgets import QDialog

    return QDialog.exec


REAL_DIALOG_EXEC = _real_dialog_exec()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test touches a real data folder; English unless a test switches."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    i18n.set_language("en")
    yield
    close_store()
    i18n.set_language("en")


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def store(paths):
    opened = open_store(paths)
    yield opened
    close_store()


@pytest.fixture
def admin(store):
    return accounts.create_first_admin("Aino Admin", PIN)


@pytest.fixture
def users(admin):
    """One account per role, all with the PIN above."""
    made = {Role.ADMIN: admin}
    names = {
        Role.VOLUNTEER: "Vilja Volunteer",
        Role.COORDINATOR: "Kaisa Coordinator",
        Role.STAFF: "Sami Staff",
    }
    for role, name in names.items():
        made[role] = accounts.create_user(admin, name, role.value, PIN)
    return made


@pytest.fixture
def volunteer(users):
    return users[Role.VOLUNTEER]


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal dialog in a test waits for a click that never comes: fail at once instead.

    Tests that expect a dialog replace it themselves (their monkeypatch wins).
    """
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*args, **_kwargs):
        shown = [str(arg) for arg in args if isinstance(arg, str)]
        raise AssertionError(f"a modal dialog opened in a test: {shown}")

    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getInt", "getText", "getItem", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, refuse)
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def real_dialog_exec(monkeypatch):
    """For the one kind of test that needs a dialog's own event loop (closed by the app)."""
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", REAL_DIALOG_EXEC)


def pytest_sessionfinish(session, exitstatus):
    """Close what a failed test left open before Python tears Qt down in an arbitrary order."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()
