import sqlite3
from pathlib import Path

import pytest

from lumijobi_desktop.core import advice_topics, migrations, person_search, sqlite_features
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.backup import TAG_BEFORE_UPGRADE, list_backups
from lumijobi_desktop.core.errors import NewerDatabaseError
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.store import close_store, open_store
from lumijobi_desktop.core.users import User

V1_DUMP = Path(__file__).parent / "data" / "schema_v1.sql"


def _load_v1(paths: DataPaths) -> None:
    paths.ensure()
    conn = sqlite3.connect(paths.database)
    conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.close()


def _schema(path: Path) -> dict[str, set]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        shape = {}
        for table in tables:
            columns = {
                (r[1], r[2].upper(), r[3]) for r in conn.execute(f'PRAGMA table_info("{table}")')
            }
            indexes = {
                (r[1], r[2])
                for r in conn.execute(f'PRAGMA index_list("{table}")')
                if not r[1].startswith("sqlite_")
            }
            shape[table] = columns | indexes
        return shape
    finally:
        conn.close()


def test_a_new_database_gets_the_latest_schema(paths):
    opened = open_store(paths)
    assert opened.created
    assert migrations.stored_version(opened.database) == migrations.LATEST_VERSION
    pragmas = {
        name: opened.database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
    }
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": sqlite_features.BUSY_TIMEOUT_MS,
    }


def test_a_database_written_by_the_first_schema_is_upgraded(tmp_path):
    old = DataPaths(tmp_path / "old")
    _load_v1(old)
    opened = open_store(old)
    assert opened.upgraded_from == 1
    assert migrations.stored_version(opened.database) == migrations.LATEST_VERSION
    # The data is all there, and the new parts were filled from it.
    admin = User.get(User.display_name == "Aino Admin")
    assert Person.select().count() == 3
    kovalenko = person_search.search_persons(admin, "kovalenko")
    assert [p.first_name for p in kovalenko] == ["Олександр"]
    assert str(kovalenko[0].last_seen_at) == "2026-03-10 10:05:00"
    assert person_search.search_persons(admin, "0401234")[0].id == kovalenko[0].id
    # Schema 5 seeded the advice topics, in the three languages.
    assert AdviceTopic.get(AdviceTopic.key == "kela").name_uk == "Пільги Kela"
    assert [topic.key for topic in advice_topics.topics()][-1] == "other"
    close_store()
    # A backup was taken before the upgrade, holding the old version.
    before = [b for b in list_backups(old.backups) if b.tag == TAG_BEFORE_UPGRADE]
    assert len(before) == 1
    assert (
        sqlite_features.read_scalar(before[0].path, "SELECT MAX(version) FROM schema_version") == 1
    )

    fresh = DataPaths(tmp_path / "fresh")
    open_store(fresh)
    close_store()
    assert _schema(old.database) == _schema(fresh.database)


def test_a_database_from_a_newer_app_is_refused_untouched(paths):
    open_store(paths)
    close_store()
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    conn.commit()
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(paths)
    assert paths.database.read_bytes() == before


def test_a_foreign_sqlite_file_is_not_taken_over(paths):
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="not a Lumijobi database"):
        open_store(paths)
