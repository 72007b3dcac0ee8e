"""Reading demo databases back in tests: the same seed must write the same rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from lumijobi_desktop.core import demo
from lumijobi_desktop.core.database import current_database
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.store import close_store, open_store


def table_contents(tables: Iterable[str]) -> dict[str, list[tuple]]:
    database = current_database()
    return {
        table: database.execute_sql(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
        for table in tables
    }


def demo_contents(folder, seed: int, today: dt.date, tables: Iterable[str]) -> dict:
    """A small demo written into a new folder with `seed`, read back table by table."""
    close_store()
    open_store(DataPaths(folder))
    demo.generate_demo(size="small", seed=seed, today=today)
    return table_contents(tables)
