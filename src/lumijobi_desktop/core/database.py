"""The database connection and the base model every table builds on.

Models bind to a proxy; `open_database` points it at a real database. Every
user action runs inside `database.atomic()` (see `unit_of_work`), so it is
saved whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from lumijobi_desktop.core import sqlite_features

database_proxy = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


def now() -> dt.datetime:
    """Local wall-clock time without microseconds: what the desk means by 'now'."""
    return dt.datetime.now().replace(microsecond=0)


def open_database(path: Path, *, read_only: bool = False) -> pw.Database:
    database = sqlite_features.connect(path, read_only=read_only)
    database_proxy.initialize(database)
    return database


def close_database() -> None:
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def current_database() -> pw.Database:
    return database_proxy.obj


@contextmanager
def unit_of_work() -> Iterator[None]:
    """One user action: everything inside is committed together or not at all."""
    with database_proxy.atomic():
        yield
