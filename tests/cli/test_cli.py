import sqlite3
import subprocess
import sys

import pytest

from lumijobi_desktop import cli
from lumijobi_desktop.core import backup
from lumijobi_desktop.core.instance_lock import InstanceLock
from lumijobi_desktop.core.paths import DataPaths


@pytest.fixture
def demo_dir(tmp_path, capsys):
    folder = tmp_path / "centre"
    assert cli.main(["demo", "--data-dir", str(folder), "--seed", "3"]) == 0
    return folder


def _count(folder, table="person"):
    conn = sqlite3.connect(folder / "lumijobi.sqlite3")
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_demo_writes_a_database_and_refuses_to_overwrite(tmp_path, capsys):
    demo_dir = tmp_path / "new"
    assert cli.main(["demo", "--data-dir", str(demo_dir), "--seed", "3"]) == 0
    assert _count(demo_dir) > 100
    printed = capsys.readouterr().out
    assert "1234" in printed and "advice sessions" in printed
    assert cli.main(["demo", "--data-dir", str(demo_dir)]) == 1
    assert "already has a database" in capsys.readouterr().err


def test_check_passes_on_a_sound_database_and_fails_on_damage(demo_dir, capsys):
    assert cli.main(["check", "--data-dir", str(demo_dir)]) == 0
    conn = sqlite3.connect(demo_dir / "lumijobi.sqlite3")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO visit (person_id, visited_at, purpose) VALUES (999999, "
        "'2026-01-01 10:00:00', 'goods')"
    )
    conn.commit()
    conn.close()
    assert cli.main(["check", "--data-dir", str(demo_dir)]) == 1
    assert "foreign key" in capsys.readouterr().err


def test_check_without_a_database_fails(tmp_path):
    assert cli.main(["check", "--data-dir", str(tmp_path / "empty")]) == 1


def test_backup_and_restore_round_trip(demo_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    assert cli.main(["backup", "--data-dir", str(demo_dir), "--to", str(usb)]) == 0
    made = backup.list_backups(usb)
    assert len(made) == 1
    persons = _count(demo_dir)
    conn = sqlite3.connect(demo_dir / "lumijobi.sqlite3")
    conn.execute("DELETE FROM person_search_token")
    conn.commit()
    conn.close()
    assert cli.main(["restore", str(made[0].path), "--data-dir", str(demo_dir)]) == 0
    assert _count(demo_dir, "person_search_token") > 0 and _count(demo_dir) == persons
    kept = [
        b for b in backup.list_backups(demo_dir / "backups") if b.tag == backup.TAG_BEFORE_RESTORE
    ]
    assert len(kept) == 1
    assert "kept" in capsys.readouterr().out


def test_restore_refuses_while_the_app_is_open(demo_dir, tmp_path, capsys):
    saved = backup.make_backup(demo_dir / "lumijobi.sqlite3", tmp_path / "saved")
    lock = InstanceLock(DataPaths(demo_dir).lock_file)
    assert lock.acquire()
    try:
        assert cli.main(["restore", str(saved), "--data-dir", str(demo_dir)]) == 1
        assert "Close it first" in capsys.readouterr().err
    finally:
        lock.release()


def test_restore_of_a_missing_or_broken_file_changes_nothing(demo_dir, tmp_path, capsys):
    before = (demo_dir / "lumijobi.sqlite3").read_bytes()
    assert cli.main(["restore", str(tmp_path / "nope.sqlite3"), "--data-dir", str(demo_dir)]) == 1
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    assert cli.main(["restore", str(junk), "--data-dir", str(demo_dir)]) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert (demo_dir / "lumijobi.sqlite3").read_bytes() == before


def test_messages_follow_the_language_of_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LUMIJOBI_LANG", "fi")
    assert cli.main(["check", "--data-dir", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert "There is no database" not in err and str(tmp_path / "none") in err


def test_privacy_notice_is_written(tmp_path):
    out = tmp_path / "notice.pdf"
    assert (
        cli.main(
            ["privacy-notice", "--data-dir", str(tmp_path / "d"), "--lang", "uk", "--out", str(out)]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_installed_entry_points_run():
    result = subprocess.run(
        [sys.executable, "-m", "lumijobi_desktop.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("lumijobi ")


def test_layouts_lists_the_label_stock_with_geometry(capsys):
    assert cli.main(["layouts"]) == 0
    out = capsys.readouterr().out
    for name in ("L7160", "L7163", "L7651"):
        assert name in out
    assert "63.5" in out or "63,5" in out


def test_labels_for_a_donation_decode_to_its_items(demo_dir, tmp_path):
    from tests.pdf_reading import decoded_texts

    conn = sqlite3.connect(demo_dir / "lumijobi.sqlite3")
    donation = conn.execute(
        "SELECT donation_id, COUNT(*) FROM item GROUP BY donation_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    conn.close()
    out = tmp_path / "labels.pdf"
    assert (
        cli.main(
            [
                "labels",
                "--data-dir",
                str(demo_dir),
                "--donation",
                str(donation[0]),
                "--layout",
                "L7160",
                "--start",
                "3",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    decoded = decoded_texts(out)
    assert len(decoded) == donation[1] and all(code.startswith("I") for code in decoded)


def test_labels_refuse_unknown_codes_and_layouts(demo_dir, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    assert (
        cli.main(
            [
                "labels",
                "--data-dir",
                str(demo_dir),
                "--items",
                "I0000000",
                "--layout",
                "L7160",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert (
        cli.main(
            [
                "labels",
                "--data-dir",
                str(demo_dir),
                "--locations",
                "--layout",
                "NOPE",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert not out.exists()
