"""Numbered schema migrations.

A new database is created from the current models and stamped with the
latest version. An older database is upgraded one numbered step at a time,
each step in its own transaction, after a backup (made by the caller, see
`core.store`). A database from a newer app is refused, untouched.

To change the schema: change the models, add `mNNNN_what.py` with an
`upgrade(database)` that takes an existing database from NNNN-1 to NNNN
using its own frozen table definitions, list it in UPGRADES, and extend the
upgrade test in tests/core/test_migrations.py.
"""

from __future__ import annotations

import peewee as pw

from lumijobi_desktop.core.database import BaseModel, now
from lumijobi_desktop.core.errors import DatabaseError, NewerDatabaseError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.migrations import (
    m0002_search_tokens,
    m0003_goods,
    m0004_events,
    m0005_advice,
    m0006_volunteers,
)

SCHEMA_TABLE = "schema_version"
FIRST_VERSION = 1

UPGRADES = {
    2: m0002_search_tokens.upgrade,
    3: m0003_goods.upgrade,
    4: m0004_events.upgrade,
    5: m0005_advice.upgrade,
    6: m0006_volunteers.upgrade,
}
LATEST_VERSION = max(UPGRADES, default=FIRST_VERSION)


class SchemaVersion(BaseModel):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=now)

    class Meta:
        table_name = SCHEMA_TABLE


def all_models() -> list[type[BaseModel]]:
    from lumijobi_desktop.core.schema import MODELS

    return [*MODELS, SchemaVersion]


def stored_version(database: pw.Database) -> int | None:
    """The schema version, or None for an empty database."""
    tables = set(database.get_tables())
    if not tables:
        return None
    if SCHEMA_TABLE not in tables:
        raise DatabaseError(_("This file is not a Lumijobi database."))
    return SchemaVersion.select(pw.fn.MAX(SchemaVersion.version)).scalar()


def refuse_newer(version: int | None) -> None:
    if version is not None and version > LATEST_VERSION:
        raise NewerDatabaseError(
            _(
                "This database was made by a newer version of Lumijobi Desktop "
                "(schema {found}, this app knows {known}). Install the newer version; "
                "the database has not been changed."
            ).format(found=version, known=LATEST_VERSION)
        )


def create_fresh(database: pw.Database) -> None:
    from lumijobi_desktop.core.advice_topics import AdviceTopic, insert_seed_topics
    from lumijobi_desktop.core.catalogue import insert_seed_categories
    from lumijobi_desktop.core.inventory import Category

    with database.atomic():
        database.create_tables(all_models())
        insert_seed_categories(Category)
        insert_seed_topics(AdviceTopic)
        SchemaVersion.create(version=LATEST_VERSION)


def upgrade(database: pw.Database, from_version: int) -> None:
    for version in range(from_version + 1, LATEST_VERSION + 1):
        with database.atomic():
            UPGRADES[version](database)
            SchemaVersion.create(version=version)
