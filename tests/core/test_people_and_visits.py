import datetime as dt

import pytest

from lumijobi_desktop.core import people, person_merge, person_search, visits
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.name_matching import are_similar_names, fold
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.core.visits import Purpose, Visit


def register(actor, first, last="", **extra):
    return people.register_person(
        actor, PersonData(first_name=first, last_name=last, consent=True, **extra)
    )


def test_registration_keeps_little_data_and_records_consent(admin):
    person = register(
        admin,
        "  Oksana ",
        "Melnyk",
        phone="+358 40 765 4321",
        birth_year=1985,
        languages=["uk", "ru"],
        family_with_children=True,
        household_size=4,
    )
    person = Person.get_by_id(person.id)
    assert person.full_name == "Oksana Melnyk"
    assert person.languages == ["uk", "ru"]
    assert person.target_groups == ["family_with_children"]
    assert person.consent_by_id == admin.id and person.consent_at is not None
    field_names = set(Person._meta.fields)
    assert not field_names & {"nationality", "ethnicity", "asylum_status", "residence_status"}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"phone": "call me"}, "phone"),
        ({"birth_year": 1850}, "birth_year"),
        ({"birth_year": dt.date.today().year + 1}, "birth_year"),
        ({"household_size": 0}, "household_size"),
        ({"languages": ["xx"]}, "languages"),
        ({"consent": False}, "consent"),
        ({"last_name": "x" * 61}, "last_name"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(admin, data, field):
    values = {"first_name": "Anna", "consent": True, **data}
    audit_before = AuditEntry.select().count()
    with pytest.raises(ValidationError) as caught:
        people.register_person(admin, PersonData(**values))
    assert caught.value.field == field
    assert Person.select().count() == 0
    assert AuditEntry.select().count() == audit_before


def test_folding_and_similar_spellings():
    assert fold("Mäkinen") == "makinen"
    assert fold("Олександр") == "oleksandr"
    assert are_similar_names("Oleksandr Kovalenko", "Olexandr Kovalenko")
    assert are_similar_names("Mäkinen Aino", "Aino Makinen")
    assert are_similar_names("Yuliia Shevchenko", "Julia Shevchenko")
    assert not are_similar_names("Pekka Virtanen", "Oksana Melnyk")


def test_a_close_name_with_the_same_birth_year_is_offered(admin):
    existing = register(admin, "Oleksandr", "Kovalenko", birth_year=1980)
    register(admin, "Oleksandr", "Kovalenko", birth_year=1955)
    found = people.find_similar(
        admin, PersonData(first_name="Olexandr", last_name="Kovalenko", birth_year=1980)
    )
    assert [p.id for p in found] == [existing.id]
    makinen = register(admin, "Aino", "Mäkinen", birth_year=1950)
    found = people.find_similar(
        admin, PersonData(first_name="Aino", last_name="Makinen", birth_year=1950)
    )
    assert [p.id for p in found] == [makinen.id]


def test_cyrillic_name_is_found_by_latin_letters_and_phone(admin):
    person = register(admin, "Олександр", "Коваленко", phone="+358 40 123 4567")
    register(admin, "Pekka", "Virtanen")
    assert person_search.search_persons(admin, "kova") == [person]
    assert person_search.search_persons(admin, "олек") == [person]
    assert person_search.search_persons(admin, "0401234") == [person]
    assert person_search.search_persons(admin, person.card_code.lower()) == [person]


def test_search_needs_every_word_and_ranks_recent_visitors_first(admin):
    old = register(admin, "Anna", "Virtanen")
    regular = register(admin, "Anni", "Virtala")
    register(admin, "Pekka", "Korhonen")
    visits.check_in(admin, regular.id, "goods")
    assert person_search.search_persons(admin, "virt")[0] == regular
    assert person_search.search_persons(admin, "ann virtan") == [old]
    assert person_search.search_persons(admin, "") == []


def test_edit_updates_the_search_index(admin):
    person = register(admin, "Pekka", "Virtanen")
    data = people.data_of(person)
    data.last_name = "Korhonen"
    people.update_person(admin, person.id, data)
    assert person_search.search_persons(admin, "virt") == []
    assert person_search.search_persons(admin, "korh") == [person]


def test_merge_moves_visits_fills_blanks_and_keeps_the_old_card_working(admin):
    keep = register(admin, "Oleksandr", "Kovalenko", languages=["uk"])
    remove = register(
        admin, "Olexandr", "Kovalenko", phone="040 111 2222", birth_year=1980, languages=["ru"]
    )
    visits.check_in(admin, remove.id, "goods")
    visits.check_in(admin, keep.id, "coffee")
    merged = person_merge.merge_persons(admin, keep.id, remove.id)
    assert Person.select().count() == 1
    assert merged.phone == "040 111 2222" and merged.birth_year == 1980
    assert sorted(merged.languages) == ["ru", "uk"]
    assert Visit.select().where(Visit.person == keep.id).count() == 2
    assert people.find_by_card(admin, remove.card_code) == merged
    assert person_search.search_persons(admin, "040111") == [merged]
    entry = AuditEntry.select().where(AuditEntry.action == "merge").get()
    assert "Olexandr" in entry.before


def test_check_in_records_who_when_why_and_updates_last_seen(admin):
    person = register(admin, "Pekka", "Virtanen")
    at = dt.datetime.now().replace(microsecond=0) + dt.timedelta(minutes=1)
    visit = visits.check_in(admin, person.id, "advice", at=at)
    assert (visit.person_id, visit.purpose, visit.recorded_by_id) == (person.id, "advice", admin.id)
    assert Person.get_by_id(person.id).last_seen_at == at
    assert visits.default_purpose(admin, person.id, at=dt.datetime(2026, 11, 25, 15)) == "advice"


def test_tuesday_morning_defaults_to_the_coffee_meeting(admin):
    tuesday_ten = dt.datetime(2026, 11, 24, 10, 0)
    assert visits.default_purpose(admin, None, at=tuesday_ten) is Purpose.COFFEE
    assert visits.default_purpose(admin, None, at=tuesday_ten.replace(hour=15)) is Purpose.GOODS


def test_anonymous_check_in_and_undo(admin):
    visit = visits.check_in(admin, None, "goods")
    assert visits.visits_on(admin, visit.visited_at.date())[0].person_name == ""
    visits.undo_check_in(admin, visit.id)
    assert Visit.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.action == "delete").count() == 1


def test_undo_restores_last_seen_and_refuses_old_visits(admin):
    person = register(admin, "Pekka", "Virtanen")
    first_seen = Person.get_by_id(person.id).last_seen_at
    visit = visits.check_in(admin, person.id, "goods", at=first_seen + dt.timedelta(minutes=5))
    visits.undo_check_in(admin, visit.id, today=visit.visited_at.date())
    assert Person.get_by_id(person.id).last_seen_at == first_seen
    old = visits.check_in(admin, person.id, "goods", at=dt.datetime(2025, 1, 7, 10))
    with pytest.raises(ValidationError):
        visits.undo_check_in(admin, old.id)


def test_unknown_purpose_is_refused(admin):
    with pytest.raises(ValidationError):
        visits.check_in(admin, None, "shopping")
    assert Visit.select().count() == 0


def test_paged_persons_list_sorts_and_filters(admin):
    for first, last in [("Aino", "Mäkinen"), ("Pekka", "Virtanen"), ("Olena", "Bondarenko")]:
        register(admin, first, last)
    order = person_search.SortOrder("name")
    names = [p.last_name for p in person_search.page_of_persons(admin, "", 0, 10, order)]
    assert names == ["Bondarenko", "Mäkinen", "Virtanen"]
    assert person_search.count_persons(admin, "vir") == 1
    second_page = person_search.page_of_persons(admin, "", 2, 10, order)
    assert [p.last_name for p in second_page] == ["Virtanen"]


def test_the_closest_spelling_is_offered_first(admin):
    register(admin, "Oleksii", "Kovalchuk", birth_year=1979)
    twin = register(admin, "Oleksandr", "Kovalenko", birth_year=1979)
    found = people.find_similar(
        admin, PersonData(first_name="Olexandr", last_name="Kovalenko", birth_year=1979)
    )
    assert found[0] == twin
