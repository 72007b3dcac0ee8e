import pytest

from lumijobi_desktop.core import people, person_merge, person_search, privacy, visits
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import PermissionDenied
from lumijobi_desktop.core.people import Person, PersonData, PersonLanguage, PersonSearchToken
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.visits import Visit


def _register(actor, first, last, **extra):
    return people.register_person(
        actor, PersonData(first_name=first, last_name=last, consent=True, **extra)
    )


def test_erasing_removes_the_person_everywhere_but_keeps_anonymous_visits(users):
    staff = users[Role.STAFF]
    person = _register(staff, "Oksana", "Melnyk", phone="040 765 4321", languages=["uk"])
    duplicate = _register(staff, "Oksana", "Melnik")
    visits.check_in(staff, person.id, "goods")
    visits.check_in(staff, duplicate.id, "advice")
    person_merge.merge_persons(staff, person.id, duplicate.id)
    old_card = duplicate.card_code

    assert privacy.erase_person(staff, person.id) == 2

    assert Person.select().count() == 0
    assert PersonLanguage.select().count() == PersonSearchToken.select().count() == 0
    assert Visit.select().where(Visit.person.is_null()).count() == 2
    assert person_search.search_persons(staff, "melnyk") == []
    assert people.find_by_card(staff, old_card) is None
    details = " ".join(
        f"{e.before} {e.after}" for e in AuditEntry.select().where(AuditEntry.entity == "person")
    )
    assert "Melnyk" not in details and "Melnik" not in details and "040" not in details
    assert AuditEntry.select().where(AuditEntry.action == "erase").count() == 1


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.COORDINATOR])
def test_desk_roles_cannot_erase(users, role):
    person = _register(users[Role.ADMIN], "Pekka", "Virtanen")
    with pytest.raises(PermissionDenied):
        privacy.erase_person(users[role], person.id)
    assert Person.select().count() == 1
