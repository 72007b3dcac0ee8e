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
