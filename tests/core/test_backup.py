import datetime as dt
import sqlite3

import pytest

from lumijobi_desktop.core import accounts, backup, people, settings
from lumijobi_desktop.core.backup import BackupFile, backups_to_keep, list_backups
from lumijobi_desktop.core.errors import DamagedDatabaseError, DatabaseError
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.core.store import check_database, close_store, open_store


def _person(admin, name="Pekka"):
    return people.register_person(admin, PersonData(first_name=name, consent=True))


def test_backup_is_a_sound_copy_of_the_live_database(paths, admin):
    _person(admin)
    result = backup.run_backup(paths)
    assert result.local.parent == paths.backups
    assert not backup.backup_problems(result.local)
    conn = sqlite3.connect(result.local)
    assert conn.execute("SELECT first_name FROM person").fetchall() == [("Pekka",)]
    conn.close()
    assert backup.backed_up_today(paths)


def test_backup_also_goes_to_the_outside_folder(paths, admin, tmp_path):
    usb = tmp_path / "usb"
    settings.change(admin, {settings.BACKUP_FOLDER: str(usb)})
    result = backup.run_backup(paths)
    assert result.outside is not None and result.outside.parent == usb
    assert not backup.outside_backup_overdue()


def test_unreachable_outside_folder_is_reported_and_the_local_copy_kept(paths, admin, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the stick should be")
    result = backup.run_backup(paths, to=blocker / "backups")
    assert result.local.exists() and result.outside is None
    assert "cannot be written" in result.outside_problem


def _fake(taken: dt.datetime, tag: str = "") -> BackupFile:
    from pathlib import Path

    return BackupFile(Path(backup.backup_name(taken, tag)), taken, tag)


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = dt.datetime(2024, 1, 1, 17, 0)
    backups = [_fake(start + dt.timedelta(days=n)) for n in range(730)]
    backups += [_fake(start + dt.timedelta(days=n, hours=2)) for n in range(720, 730)]
    kept = {b.taken_at for b in backups if b.path in backups_to_keep(backups)}
    newest_day = (start + dt.timedelta(days=729)).date()
    daily = {t.date() for t in kept if (newest_day - t.date()).days < 7}
    assert len(daily) == 7
    # Only the newest of a day is kept.
    assert all(t.hour == 19 for t in kept if (newest_day - t.date()).days < 7)
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12


def test_tagged_backups_are_kept_apart_from_rotation():
    moment = dt.datetime(2026, 11, 24, 12)
    safety = _fake(moment, backup.TAG_BEFORE_RESTORE)
    plain = [_fake(moment + dt.timedelta(minutes=n)) for n in range(3)]
    keep = backups_to_keep([safety, *plain])
    assert safety.path in keep and plain[-1].path in keep and plain[0].path not in keep


def test_rotate_deletes_files(paths, admin):
    for minute in range(3):
        backup.make_backup(paths.database, paths.backups, at=dt.datetime(2026, 11, 24, 10, minute))
    removed = backup.rotate(paths.backups)
    assert len(removed) == 2 and len(list_backups(paths.backups)) == 1


def test_restore_checks_the_file_and_keeps_the_current_database(paths, admin):
    _person(admin, "Before")
    saved = backup.make_backup(paths.database, paths.backups)
    _person(admin, "After")
    close_store()
    kept = backup.restore(paths, saved)
    assert kept is not None and kept.exists()
    open_store(paths)
    assert [p.first_name for p in Person.select()] == ["Before"]
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 2
    conn.close()


def test_restore_refuses_a_broken_file_and_changes_nothing(paths, admin, tmp_path):
    _person(admin)
    close_store()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseError):
        backup.restore(paths, junk)
    assert paths.database.read_bytes() == before


def _corrupt(path):
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_check_finds_damage_and_the_store_refuses_to_open_it(paths, admin):
    for n in range(300):
        _person(admin, f"Person{n}")
    close_store()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert check_database(paths) == []
    good = backup.make_backup(paths.database, paths.backups)
    _corrupt(paths.database)
    assert check_database(paths)
    with pytest.raises(DamagedDatabaseError):
        open_store(paths)
    assert backup.newest_good_backup([paths.backups]) == good
    backup.restore(paths, good)
    open_store(paths)
    assert Person.select().count() == 300


def test_outside_reminder_snoozes_until_tomorrow(store):
    now = dt.datetime(2026, 11, 24, 9)
    assert backup.outside_backup_overdue(now)
    backup.snooze_reminder(now)
    assert not backup.outside_backup_overdue(now + dt.timedelta(hours=8))
    assert backup.outside_backup_overdue(now + dt.timedelta(days=1, hours=1))


def test_accounts_survive_backup_and_restore(paths, admin):
    close_store()
    saved = backup.make_backup(paths.database, paths.backups)
    backup.restore(paths, saved)
    open_store(paths)
    assert accounts.authenticate(admin.id, "2468").id == admin.id


def test_a_clean_close_skips_the_slow_check_but_a_crash_or_change_does_not(paths, admin):
    from lumijobi_desktop.core import store

    _person(admin)
    close_store()
    assert store.closed_cleanly(paths)
    open_store(paths)
    assert not store.closed_cleanly(paths)  # open: a crash now leaves no mark
    close_store()
    _corrupt(paths.database)  # damaged while the app was closed: the file changed
    assert not store.closed_cleanly(paths)
    with pytest.raises(DamagedDatabaseError):
        open_store(paths)
