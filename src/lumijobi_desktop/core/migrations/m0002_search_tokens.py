"""Schema 2: search tokens for search as you type, and `last_seen_at` to rank regulars first.

Schema 1 searched names with LIKE over the whole person table; this adds an
indexed token table filled from the existing persons, and a last-seen time
filled from their visits.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from lumijobi_desktop.core.name_matching import phone_search_forms, words


class _Frozen(pw.Model):
    """The tables as schema 2 knows them; never import the live models into a migration."""

    class Meta:
        legacy_table_names = False


class Person(_Frozen):
    first_name = pw.CharField()
    last_name = pw.CharField()
    phone = pw.CharField()
    created_at = pw.DateTimeField()
    last_seen_at = pw.DateTimeField(null=True)


class PersonSearchToken(_Frozen):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    token = pw.CharField(index=True)


class Visit(_Frozen):
    person = pw.ForeignKeyField(Person, null=True)
    visited_at = pw.DateTimeField()


def upgrade(database: pw.Database) -> None:
    models = (Person, PersonSearchToken, Visit)
    with database.bind_ctx(models):
        migrator = SchemaMigrator.from_database(database)
        migrate(migrator.add_column("person", "last_seen_at", Person.last_seen_at))
        latest = Visit.select(pw.fn.MAX(Visit.visited_at)).where(Visit.person == Person.id)
        Person.update(last_seen_at=pw.fn.COALESCE(latest, Person.created_at)).execute()
        migrate(
            migrator.add_not_null("person", "last_seen_at"),
            migrator.add_index("person", ("last_seen_at",)),
            migrator.add_index("person", ("last_name", "first_name")),
        )
        database.create_tables([PersonSearchToken])
        rows = []
        for person in Person.select(Person.id, Person.first_name, Person.last_name, Person.phone):
            tokens = set(words(person.first_name)) | set(words(person.last_name))
            tokens |= phone_search_forms(person.phone)
            rows += [{"person": person.id, "token": token} for token in sorted(tokens)]
        for start in range(0, len(rows), 500):
            PersonSearchToken.insert_many(rows[start : start + 500]).execute()
