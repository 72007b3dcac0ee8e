"""Opening the data folder's database safely; the CLI and the app both start here.

Order matters: check the file before writing to it, refuse a newer schema
before anything touches it, and back up before an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core import backup, migrations, sqlite_features
from lumijobi_desktop.core.database import close_database, open_database
from lumijobi_desktop.core.errors import DamagedDatabaseError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.paths import DataPaths


@dataclass(frozen=True)
class OpenedStore:
    paths: DataPaths
    database: pw.Database
    created: bool
    upgraded_from: int | None


def _version_of_existing(paths: DataPaths) -> int | None:
    """The version read without opening the file for writing (it must stay untouched)."""
    if not paths.database.exists():
        return None
    database = sqlite_features.connect(paths.database, read_only=True)
    try:
        with migrations.SchemaVersion.bind_ctx(database):
            return migrations.stored_version(database)
    finally:
        database.close()


def check_database(paths: DataPaths, *, quick: bool = False) -> list[str]:
    if not paths.database.exists():
        return []
    return sqlite_features.integrity_problems(paths.database, quick=quick)


def open_store(paths: DataPaths, *, verify: bool = True) -> OpenedStore:
    """Open (creating or upgrading as needed) the database of a data folder."""
    paths.ensure()
    if verify:
        problems = check_database(paths, quick=True)
        if problems:
            raise DamagedDatabaseError(
                _("The database failed its integrity check and was not opened."), problems
            )
    version = _version_of_existing(paths)
    migrations.refuse_newer(version)
    if version is not None and version < migrations.LATEST_VERSION:
        backup.make_backup(paths.database, paths.backups, tag=backup.TAG_BEFORE_UPGRADE)
    database = open_database(paths.database)
    try:
        if version is None:
            migrations.create_fresh(database)
        elif version < migrations.LATEST_VERSION:
            migrations.upgrade(database, version)
    except Exception:
        close_database()
        raise
    return OpenedStore(
        paths,
        database,
        created=version is None,
        upgraded_from=version if version and version < migrations.LATEST_VERSION else None,
    )


def close_store() -> None:
    close_database()
