"""Everything SQLite-only, in one place, so the rest of the core stays portable.

The rest of the core talks to the database through peewee only; a later
step may point it at PostgreSQL, and then this module is what changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

BUSY_TIMEOUT_MS = 5000

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a commit survives a power cut, which matters more than speed at a desk.
    "synchronous": 2,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def connect(path: Path, *, read_only: bool = False) -> pw.SqliteDatabase:
    if read_only:
        database = pw.SqliteDatabase(
            f"file:{path}?mode=ro",
            uri=True,
            pragmas={"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS},
        )
    else:
        database = pw.SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    return database


def _open_raw(path: Path, *, read_only: bool = True) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)


def online_backup(source: Path, target: Path) -> None:
    """Copy a live database consistently (WAL content included) with SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = _open_raw(source)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst, pages=4096)
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


def restore_into(backup_file: Path, live: Path) -> None:
    """Overwrite the live database with a backup's content, through the backup API."""
    src = _open_raw(backup_file)
    try:
        dst = _open_raw(live, read_only=False)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when sound."""
    if not path.exists():
        return [f"missing file: {path.name}"]
    try:
        conn = _open_raw(path)
        try:
            check = "quick_check" if quick else "integrity_check"
            rows = [row[0] for row in conn.execute(f"PRAGMA {check}")]
            problems = [row for row in rows if row != "ok"]
            problems += [
                f"foreign key: {table} row {rowid} -> {parent}"
                for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
            ]
            return problems
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return [f"not a readable database: {error}"]


def table_names(path: Path) -> set[str]:
    conn = _open_raw(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def read_scalar(path: Path, sql: str) -> object:
    conn = _open_raw(path)
    try:
        row = conn.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def optimize(database: pw.Database) -> None:
    """Refresh the planner's statistics where they are stale, as SQLite advises before closing.

    Without them SQLite sorts every active item to show the newest 200; with
    them it walks the date index and stops. The limit keeps this quick on a
    large file.
    """
    database.execute_sql("PRAGMA analysis_limit=400")
    database.execute_sql("PRAGMA optimize")
