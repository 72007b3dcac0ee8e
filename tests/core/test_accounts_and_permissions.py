import datetime as dt

import pytest
from tests.conftest import PIN

from lumijobi_desktop.core import accounts, audit, people, person_merge, settings, visits
from lumijobi_desktop.core.audit import AuditEntry, AuditFilter
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.permissions import ROLE_PERMISSIONS, Permission, Role
from lumijobi_desktop.core.users import User


def _person(actor, first="Pekka", last="Virtanen"):
    return people.register_person(
        actor, people.PersonData(first_name=first, last_name=last, consent=True)
    )


def test_password_is_stored_as_a_slow_salted_hash(admin):
    stored = User.get_by_id(admin.id).password_hash
    assert PIN not in stored and stored.startswith("scrypt$")
    other = accounts.create_user(admin, "Other", "volunteer", PIN)
    assert User.get_by_id(other.id).password_hash != stored  # different salt


def test_login_with_the_right_pin_and_refusal_of_a_wrong_one(admin):
    assert accounts.authenticate(admin.id, PIN).id == admin.id
    with pytest.raises(ValidationError):
        accounts.authenticate(admin.id, "0000")
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert actions[-2:] == ["login", "login_failed"]


def test_five_wrong_attempts_lock_the_account_for_a_minute(admin):
    moment = dt.datetime(2026, 11, 24, 10, 0)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(ValidationError):
            accounts.authenticate(admin.id, "9999", at=moment)
    with pytest.raises(ValidationError, match="Too many"):
        accounts.authenticate(admin.id, PIN, at=moment)
    later = moment + accounts.LOCKOUT + dt.timedelta(seconds=1)
    assert accounts.authenticate(admin.id, PIN, at=later).id == admin.id


@pytest.mark.parametrize("secret", ["123", "abc", "     12"])
def test_too_short_secrets_are_refused(admin, secret):
    with pytest.raises(ValidationError):
        accounts.create_user(admin, "New Person", "volunteer", secret)
    assert User.select().count() == 1


def test_the_first_admin_can_only_be_created_once(admin):
    with pytest.raises(ValidationError):
        accounts.create_first_admin("Someone Else", PIN)


def test_the_last_admin_cannot_be_demoted_or_deactivated(admin):
    with pytest.raises(ValidationError):
        accounts.update_user(
            admin,
            admin.id,
            display_name=admin.display_name,
            role="staff",
            active=True,
            language=None,
        )
    assert User.get_by_id(admin.id).role == "admin"


def test_role_matrix_matches_the_issue():
    staff = ROLE_PERMISSIONS[Role.STAFF]
    assert Permission.MANAGE_USERS not in staff
    assert Permission.READ_CONFIDENTIAL_NOTES not in staff
    assert Permission.READ_CONFIDENTIAL_NOTES in ROLE_PERMISSIONS[Role.COORDINATOR]
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)
    assert Permission.CHECK_IN in ROLE_PERMISSIONS[Role.VOLUNTEER]


# Each core call, and the roles that may NOT make it.
FORBIDDEN = {
    "create_user": (
        {Role.VOLUNTEER, Role.COORDINATOR, Role.STAFF},
        lambda actor, ctx: accounts.create_user(actor, "X Y", "volunteer", PIN),
    ),
    "list_users": (
        {Role.VOLUNTEER, Role.COORDINATOR, Role.STAFF},
        lambda actor, ctx: accounts.all_users(actor),
    ),
    "reset_other_pin": (
        {Role.VOLUNTEER, Role.COORDINATOR, Role.STAFF},
        lambda actor, ctx: accounts.set_secret(actor, ctx["admin"].id, "5555"),
    ),
    "read_audit": (
        {Role.VOLUNTEER, Role.COORDINATOR, Role.STAFF},
        lambda actor, ctx: audit.list_entries(actor, AuditFilter()),
    ),
    "change_settings": (
        {Role.VOLUNTEER, Role.COORDINATOR},
        lambda actor, ctx: settings.change(actor, {settings.IDLE_LOCK_MINUTES: 5}),
    ),
    "merge_persons": (
        {Role.VOLUNTEER, Role.COORDINATOR},
        lambda actor, ctx: person_merge.merge_persons(actor, ctx["a"], ctx["b"]),
    ),
}


@pytest.mark.parametrize("call", sorted(FORBIDDEN))
@pytest.mark.parametrize("role", list(Role))
def test_core_refuses_calls_a_role_may_not_make(users, role, call):
    forbidden_roles, make_call = FORBIDDEN[call]
    admin = users[Role.ADMIN]
    ctx = {"admin": admin, "a": _person(admin).id, "b": _person(admin, "Pekka", "Virtane").id}
    before = AuditEntry.select().count()
    if role in forbidden_roles:
        with pytest.raises(PermissionDenied):
            make_call(users[role], ctx)
        assert AuditEntry.select().count() == before  # nothing was written
    else:
        make_call(users[role], ctx)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_can_do_the_desk_work(users, role):
    actor = users[role]
    person = _person(actor)
    visit = visits.check_in(actor, person.id, "goods")
    assert visits.visits_on(actor, visit.visited_at.date())[0].person_id == person.id


def test_a_deactivated_user_can_do_nothing(users):
    admin = users[Role.ADMIN]
    staff = users[Role.STAFF]
    accounts.update_user(
        admin, staff.id, display_name=staff.display_name, role="staff", active=False, language=None
    )
    staff = User.get_by_id(staff.id)
    with pytest.raises(PermissionDenied):
        _person(staff)
    with pytest.raises(ValidationError):
        accounts.authenticate(staff.id, PIN)


def test_changes_are_audited_with_before_and_after(admin):
    person = _person(admin)
    data = people.data_of(person)
    data.phone = "040 123 4567"
    people.update_person(admin, person.id, data)
    entry = (
        AuditEntry.select()
        .where(AuditEntry.entity == "person")
        .order_by(AuditEntry.id.desc())
        .get()
    )
    assert entry.action == "update" and entry.user_name == admin.display_name
    assert '"phone": ""' in entry.before and "040 123 4567" in entry.after
    assert "first_name" not in entry.after  # only what changed


def test_audit_filters(users):
    admin = users[Role.ADMIN]
    _person(users[Role.VOLUNTEER])
    by_volunteer = audit.list_entries(
        admin, AuditFilter(user_id=users[Role.VOLUNTEER].id, entity="person")
    )
    assert [e.action for e in by_volunteer] == ["create"]
    assert audit.count_entries(admin, AuditFilter(action="create", entity="user")) == 4
