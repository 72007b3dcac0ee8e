"""Backups: daily and at exit, rotated, to the data folder and optionally an outside folder.

A backup is a consistent copy made with SQLite's online backup API while the
app runs. Rotation keeps 7 daily, 4 weekly and 12 monthly copies. Copies made
before an upgrade or a restore carry a tag and are kept apart from rotation,
so the safety copy of a restore is not pruned the same evening.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from lumijobi_desktop.core import settings, sqlite_features
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.errors import DatabaseError, NewerDatabaseError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.paths import DataPaths

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_TAGGED = 5
OUTSIDE_REMINDER_AFTER = dt.timedelta(days=7)
TAG_BEFORE_UPGRADE = "before-upgrade"
TAG_BEFORE_RESTORE = "before-restore"

_NAME = re.compile(r"^lumijobi-(\d{8}-\d{6})(?:-([a-z-]+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    tag: str


def backup_name(at: dt.datetime, tag: str = "") -> str:
    suffix = f"-{tag}" if tag else ""
    return f"lumijobi-{at:%Y%m%d-%H%M%S}{suffix}.sqlite3"


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in a folder, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match.group(2) or ""))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def make_backup(
    database: Path, folder: Path, *, tag: str = "", at: dt.datetime | None = None
) -> Path:
    at = at or now()
    target = folder / backup_name(at, tag)
    counter = 1
    while target.exists():  # two backups in one second: never overwrite
        target = folder / backup_name(at + dt.timedelta(seconds=counter), tag)
        counter += 1
    sqlite_features.online_backup(database, target)
    return target


def backups_to_keep(backups: list[BackupFile]) -> set[Path]:
    """Newest per day for 7 days, per ISO week for 4 weeks, per month for 12 months."""
    plain = sorted((b for b in backups if not b.tag), key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    periods = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for count, period_of in periods:
        seen: list[object] = []
        for backup in plain:
            period = period_of(backup.taken_at)
            if period not in seen:
                if len(seen) == count:
                    break
                seen.append(period)
                keep.add(backup.path)
    for tag in {b.tag for b in backups if b.tag}:
        tagged = [b for b in backups if b.tag == tag]
        keep.update(b.path for b in tagged[:KEEP_TAGGED])
    return keep


def rotate(folder: Path) -> list[Path]:
    backups = list_backups(folder)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class BackupResult:
    local: Path
    outside: Path | None
    outside_problem: str | None


def outside_folder() -> Path | None:
    folder = settings.get(settings.BACKUP_FOLDER)
    return Path(folder) if folder else None


def run_backup(paths: DataPaths, *, to: Path | None = None) -> BackupResult:
    """A backup to the data folder and, when set and reachable, to the outside folder."""
    local = make_backup(paths.database, paths.backups)
    rotate(paths.backups)
    settings.store(settings.LAST_BACKUP_AT, local_time_text(now()))
    target = to or outside_folder()
    if target is None:
        return BackupResult(local, None, None)
    try:
        target.mkdir(parents=True, exist_ok=True)
        copy = make_backup(paths.database, target)
        rotate(target)
    except OSError:
        # A USB stick that is not plugged in is normal: say so, keep the local copy.
        return BackupResult(
            local, None, _("The backup folder {folder} cannot be written to.").format(folder=target)
        )
    settings.store(settings.LAST_OUTSIDE_BACKUP_AT, local_time_text(now()))
    return BackupResult(local, copy, None)


def local_time_text(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def parse_time_text(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def backed_up_today(paths: DataPaths, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return any(b.taken_at.date() == today and not b.tag for b in list_backups(paths.backups))


def last_backup_at(paths: DataPaths) -> dt.datetime | None:
    plain = [b for b in list_backups(paths.backups) if not b.tag]
    return plain[0].taken_at if plain else None


def outside_backup_overdue(at: dt.datetime | None = None) -> bool:
    """True when no backup has gone to an outside folder for 7 days and no snooze is on."""
    at = at or now()
    snoozed = parse_time_text(settings.get(settings.BACKUP_REMINDER_SNOOZED_UNTIL))
    if snoozed and snoozed > at:
        return False
    last = parse_time_text(settings.get(settings.LAST_OUTSIDE_BACKUP_AT))
    return last is None or at - last >= OUTSIDE_REMINDER_AFTER


def snooze_reminder(at: dt.datetime | None = None) -> None:
    """No reminder again today."""
    at = at or now()
    tomorrow = dt.datetime.combine(at.date() + dt.timedelta(days=1), dt.time())
    settings.store(settings.BACKUP_REMINDER_SNOOZED_UNTIL, local_time_text(tomorrow))


def backup_problems(path: Path) -> list[str]:
    """Why a file cannot be restored; empty when it is a sound Lumijobi database."""
    from lumijobi_desktop.core.migrations import LATEST_VERSION, SCHEMA_TABLE

    problems = sqlite_features.integrity_problems(path)
    if problems:
        return problems
    if SCHEMA_TABLE not in sqlite_features.table_names(path):
        return [_("This file is not a Lumijobi database.")]
    version = sqlite_features.read_scalar(path, f"SELECT MAX(version) FROM {SCHEMA_TABLE}")
    if version is None or int(version) > LATEST_VERSION:
        return [_("This backup was made by a newer version of Lumijobi Desktop.")]
    return []


def restore(paths: DataPaths, backup_file: Path) -> Path | None:
    """Replace the database with a backup; the current database is kept as a backup first.

    The caller must hold the instance lock and have closed its connection.
    """
    problems = backup_problems(backup_file)
    if problems:
        newer = _("This backup was made by a newer version of Lumijobi Desktop.")
        error = NewerDatabaseError if newer in problems else DatabaseError
        raise error(_("The backup cannot be restored: {problem}").format(problem=problems[0]))
    kept = None
    if paths.database.exists():
        if sqlite_features.integrity_problems(paths.database):
            # A damaged database cannot go through the backup API: keep the file as it is.
            kept = paths.backups / backup_name(now(), TAG_BEFORE_RESTORE)
            paths.database.replace(kept)
            for suffix in ("-wal", "-shm"):
                paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
        else:
            kept = make_backup(paths.database, paths.backups, tag=TAG_BEFORE_RESTORE)
    sqlite_features.restore_into(backup_file, paths.database)
    return kept


def newest_good_backup(folders: list[Path]) -> Path | None:
    candidates = sorted(
        (b for folder in folders for b in list_backups(folder)),
        key=lambda b: b.taken_at,
        reverse=True,
    )
    for candidate in candidates:
        if not backup_problems(candidate.path):
            return candidate.path
    return None
