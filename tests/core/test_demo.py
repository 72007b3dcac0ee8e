"""The demo-data generator, small size on a real SQLite file (the large one is timed by hand)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from lumijobi_desktop.core import (
    accounts,
    audit,
    demo,
    demo_goods,
    demo_volunteers,
    people,
    settings,
    sqlite_features,
)
from lumijobi_desktop.core.database import current_database
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.name_matching import search_tokens_for
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.people import Person, PersonLanguage, PersonSearchToken
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.person_search import search_persons
from lumijobi_desktop.core.store import close_store, open_store
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import COFFEE_DAY, Purpose, Visit

TODAY = dt.date(2026, 3, 18)
SMALL = demo.SIZES["small"]


@pytest.fixture
def summary(store) -> demo.DemoSummary:
    return demo.generate_demo(size="small", seed=0, today=TODAY)


@pytest.fixture
def demo_admin(summary) -> User:
    return User.get_by_id(summary.admin_id)


def _table(name: str) -> list[tuple]:
    return current_database().execute_sql(f'SELECT * FROM "{name}" ORDER BY id').fetchall()


def _content() -> dict[str, list[tuple]]:
    return {
        table: _table(table)
        for table in ("person", "visit", "person_language", "person_search_token")
    }


def _generate_in(folder, seed: int) -> dict[str, list[tuple]]:
    close_store()
    open_store(DataPaths(folder))
    demo.generate_demo(size="small", seed=seed, today=TODAY)
    return _content()


def _visits_by_person() -> dict[int, list[dt.datetime]]:
    moments: dict[int, list[dt.datetime]] = {}
    for visit in Visit.select().where(Visit.person.is_null(False)):
        moments.setdefault(visit.person_id, []).append(visit.visited_at)
    return moments


def test_small_demo_has_the_expected_counts(summary):
    assert Person.select().count() == summary.persons == SMALL.persons == 300
    assert Visit.select().count() == summary.visits == SMALL.visits == 6_000
    anonymous = Visit.select().where(Visit.person.is_null()).count()
    assert anonymous == summary.anonymous_visits == 600
    assert PersonSearchToken.select().count() == summary.search_tokens
    assert User.select().count() == summary.users == len(demo.DEMO_ACCOUNTS)
    assert {Role(user.role) for user in User.select()} == set(Role)
    assert len(summary.near_duplicates) == len(demo.NEAR_DUPLICATES)


def test_demo_sets_the_centre_name_and_default_language(summary):
    assert settings.get(settings.CENTRE_NAME) == "Help Center Lumijobi"
    assert settings.get(settings.DEFAULT_LANGUAGE_KEY) == "fi"


def test_one_audit_entry_tells_demo_data_was_generated(summary, demo_admin):
    entries = audit.list_entries(demo_admin, audit.AuditFilter())
    assert [(entry.action, entry.entity) for entry in entries] == [("create", "database")]
    assert '"demo_data": "small"' in entries[0].after
    assert f'"advice_sessions": {summary.advice_sessions}' in entries[0].after


def test_same_seed_and_day_give_identical_data(tmp_path):
    first = _generate_in(tmp_path / "first", seed=5)
    second = _generate_in(tmp_path / "second", seed=5)
    assert first == second


def test_another_seed_gives_other_data(tmp_path):
    first = _generate_in(tmp_path / "first", seed=5)
    other = _generate_in(tmp_path / "other", seed=6)
    assert first["person"] != other["person"]
    assert first["visit"] != other["visit"]


def test_persons_are_found_by_the_first_letters_of_their_name(summary, demo_admin):
    persons = list(Person.select())
    cyrillic = [p for p in persons if _is_cyrillic(p.last_name)]
    sample = random.Random(1).sample(persons, 40) + cyrillic
    for person in sample:
        typed = (person.last_name or person.first_name)[:4]
        found = search_persons(demo_admin, typed, limit=len(persons))
        assert person.id in {match.id for match in found}, typed


def test_search_tokens_are_those_index_person_writes(summary):
    stored: dict[int, set[str]] = {}
    for row in PersonSearchToken.select():
        stored.setdefault(row.person_id, set()).add(row.token)
    for person in Person.select():
        expected = search_tokens_for(person.first_name, person.last_name, person.phone)
        assert stored.get(person.id, set()) == expected


def test_last_seen_is_the_latest_visit_or_the_registration(summary):
    latest = {person_id: max(moments) for person_id, moments in _visits_by_person().items()}
    for person in Person.select():
        assert person.last_seen_at == latest.get(person.id, person.created_at)


def test_no_visit_before_the_person_registered(summary):
    created = {person.id: person.created_at for person in Person.select()}
    for person_id, moments in _visits_by_person().items():
        assert min(moments) >= created[person_id]


def test_visits_fall_in_opening_hours_of_the_two_years_before_today(summary):
    assert summary.first_day == TODAY - dt.timedelta(days=730)
    assert summary.last_day == TODAY - dt.timedelta(days=1)
    for visit in Visit.select():
        moment = visit.visited_at
        assert summary.first_day <= moment.date() <= summary.last_day
        assert moment.weekday() < 5 and 9 <= moment.hour < 16
        if visit.purpose == Purpose.COFFEE:
            assert moment.weekday() == COFFEE_DAY


def test_visits_look_like_the_desk(summary):
    purposes = Counter(visit.purpose for visit in Visit.select())
    assert set(purposes) == {purpose.value for purpose in Purpose}
    assert purposes.most_common(1)[0][0] == Purpose.GOODS
    weeks_seen = Counter()
    for moments in _visits_by_person().values():
        weeks_seen[len({moment.isocalendar()[:2] for moment in moments})] += 1
    # Regulars who come week after week, and many who came only a few times.
    assert sum(count for weeks, count in weeks_seen.items() if weeks >= 30) >= 5
    assert sum(count for weeks, count in weeks_seen.items() if weeks <= 3) >= 100


def test_names_are_finnish_and_ukrainian_some_in_cyrillic(summary):
    last_names = [person.last_name for person in Person.select()]
    cyrillic = [name for name in last_names if _is_cyrillic(name)]
    assert len(cyrillic) >= 10
    assert any(char in name for name in last_names for char in "äö")
    assert any(name.endswith("enko") for name in last_names)


def test_optional_fields_are_filled_sometimes(summary):
    persons = list(Person.select())
    with_phone = sum(1 for person in persons if person.phone) / len(persons)
    assert 0.45 < with_phone < 0.75
    assert any(person.birth_year is None for person in persons)
    assert any(person.household_size for person in persons)
    assert any(person.home_village for person in persons)
    assert any(person.target_groups for person in persons)
    languages = Counter(row.language for row in PersonLanguage.select())
    assert {"fi", "uk", "ru", "en"} <= set(languages)


def test_every_person_would_pass_the_registration_form(summary, demo_admin):
    for person in Person.select():
        people.data_of(person).cleaned(today=TODAY)
        assert person.consent_by_id == demo_admin.id
        assert person.consent_at == person.created_at


def test_near_duplicates_are_found_by_the_duplicate_warning(summary, demo_admin):
    for earlier_id, later_id in summary.near_duplicates:
        earlier = Person.get_by_id(earlier_id)
        similar = people.find_similar(demo_admin, people.data_of(earlier), exclude_id=earlier_id)
        assert later_id in {person.id for person in similar}


def test_demo_accounts_log_in_with_the_demo_pin(summary):
    for user_id in summary.user_ids.values():
        assert accounts.authenticate(user_id, demo.DEMO_PIN).id == user_id
    assert User.get_by_id(summary.admin_id).display_name == demo.DEMO_ADMIN_NAME


def test_database_is_sound_with_all_its_indexes(store):
    database = current_database()
    # Their indexes are dropped while loading.
    bulk_models = [*demo.BULK_MODELS, *demo_goods.BULK_MODELS, *demo_volunteers.BULK_MODELS]
    tables = [model._meta.table_name for model in bulk_models]
    indexes_before = {table: database.get_indexes(table) for table in tables}
    demo.generate_demo(size="small", today=TODAY)
    assert {table: database.get_indexes(table) for table in tables} == indexes_before
    assert sqlite_features.integrity_problems(store.paths.database) == []


def test_only_an_empty_database_gets_demo_data(summary):
    with pytest.raises(ValidationError):
        demo.generate_demo(size="small", seed=1, today=TODAY)
    assert Person.select().count() == SMALL.persons
    assert Visit.select().count() == SMALL.visits


def test_a_database_with_accounts_is_left_alone(admin):
    with pytest.raises(ValidationError):
        demo.generate_demo(today=TODAY)
    assert Person.select().count() == 0
    assert settings.get(settings.CENTRE_NAME) == ""


def test_an_unknown_size_is_refused(store):
    with pytest.raises(ValidationError):
        demo.generate_demo(size="huge", today=TODAY)


def test_progress_counts_up_to_every_row(store):
    reports = []
    demo.generate_demo(today=TODAY, progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (SMALL.persons + SMALL.visits,) * 2
    assert [done for done, _total in reports] == sorted(done for done, _total in reports)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
