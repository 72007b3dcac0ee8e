"""Opening the data folder's database safely; the CLI and the app both start here.

Order matters: check the file before writing to it, refuse a newer schema
before anything touches it, and back up before an upgrade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from lumijobi_desktop.core import backup, migrations, sqlite_features
from lumijobi_desktop.core.database import close_database, current_database, open_database
from lumijobi_desktop.core.errors import DamagedDatabaseError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.paths import DataPaths

CLEAN_MARK = "closed-cleanly.json"
_open_paths: DataPaths | None = None


def _file_state(database: Path) -> dict:
    stat = database.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _mark_path(paths: DataPaths) -> Path:
    return paths.root / CLEAN_MARK


def closed_cleanly(paths: DataPaths) -> bool:
    """True when the last session closed the database and nothing touched the file since.

    Reading a large database whole for the integrity check takes seconds, so
    start-up skips it after a clean close; after a crash, or when the file
    changed behind our back, it runs before anything is written.
    """
    mark = _mark_path(paths)
    if not mark.exists() or not paths.database.exists():
        return False
    wal = paths.database.with_name(paths.database.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return False
    try:
        return json.loads(mark.read_text(encoding="ascii")) == _file_state(paths.database)
    except (OSError, ValueError):
        return False


def _mark_clean(paths: DataPaths) -> None:
    if paths.database.exists():
        _mark_path(paths).write_text(json.dumps(_file_state(paths.database)), encoding="ascii")


def _unmark_clean(paths: DataPaths) -> None:
    _mark_path(paths).unlink(missing_ok=True)


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
    global _open_paths
    paths.ensure()
    if verify and not closed_cleanly(paths):
        problems = check_database(paths, quick=True)
        if problems:
            raise DamagedDatabaseError(
                _("The database failed its integrity check and was not opened."), problems
            )
    version = _version_of_existing(paths)
    migrations.refuse_newer(version)
    if version is not None and version < migrations.LATEST_VERSION:
        backup.make_backup(paths.database, paths.backups, tag=backup.TAG_BEFORE_UPGRADE)
    _unmark_clean(paths)
    database = open_database(paths.database)
    try:
        if version is None:
            migrations.create_fresh(database)
        elif version < migrations.LATEST_VERSION:
            migrations.upgrade(database, version)
    except Exception:
        close_database()
        raise
    _open_paths = paths
    return OpenedStore(
        paths,
        database,
        created=version is None,
        upgraded_from=version if version and version < migrations.LATEST_VERSION else None,
    )


def distrust_until_checked() -> None:
    """After a failed check while open: the next start checks the file before writing."""
    global _open_paths
    if _open_paths is not None:
        _unmark_clean(_open_paths)
    _open_paths = None


def close_store() -> None:
    """Close the database; a store opened by `open_store` is marked as closed cleanly."""
    global _open_paths
    if _open_paths is not None:
        database = current_database()
        if database is not None and not database.is_closed():
            sqlite_features.optimize(database)
    close_database()
    if _open_paths is not None:
        _mark_clean(_open_paths)
        _open_paths = None
