"""The volunteer register, criminal record checks, and hours with their value."""

import datetime as dt

import pytest
from tests.core.volunteer_fixtures import TODAY, make_person, make_volunteer

from lumijobi_desktop.core import settings, volunteer_hours, volunteers
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import VolunteerHours
from lumijobi_desktop.core.volunteers import Volunteer


def test_a_person_becomes_a_volunteer_with_their_consent(admin):
    aino = make_person(admin, "Aino Mäkinen", ("fi", "sv"))
    with pytest.raises(ValidationError, match="consent"):
        volunteers.save_volunteer(admin, aino.id, volunteers.VolunteerData(skills=["driving"]))
    assert Volunteer.select().count() == 0
    made = volunteers.save_volunteer(
        admin,
        aino.id,
        volunteers.VolunteerData(
            skills=["driving", "befriending"], free_times=["1a", "3m"], consent=True
        ),
        today=TODAY,
    )
    assert (made.skills, made.free_times, made.started_on) == (
        "befriending,driving",
        "1a,3m",
        TODAY,
    )
    [row] = volunteers.volunteer_rows(admin, skill="driving")
    assert (row.name, row.languages, row.village) == ("Aino Mäkinen", ["fi", "sv"], "Lumijoki")
    assert volunteers.volunteer_rows(admin, skill="cooking") == []
    assert AuditEntry.get(AuditEntry.entity == "volunteer").action == "create"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (volunteers.VolunteerData(skills=["flying"], consent=True), "skills"),
        (volunteers.VolunteerData(free_times=["8m"], consent=True), "free_times"),
        (volunteers.VolunteerData(gender="robot", consent=True), "gender"),
    ],
)
def test_bad_profile_input_is_refused(admin, data, field):
    aino = make_person(admin, "Aino Mäkinen")
    with pytest.raises(ValidationError) as refused:
        volunteers.save_volunteer(admin, aino.id, data)
    assert refused.value.field == field
    assert Volunteer.select().count() == 0


def test_only_staff_manage_the_register(users, volunteer):
    aino = make_person(users[Role.ADMIN], "Aino Mäkinen")
    with pytest.raises(PermissionDenied):
        volunteers.save_volunteer(volunteer, aino.id, volunteers.VolunteerData(consent=True))
    volunteers.save_volunteer(users[Role.STAFF], aino.id, volunteers.VolunteerData(consent=True))


def test_a_criminal_record_check_is_recorded_never_copied(admin):
    helper = make_volunteer(admin, "Pekka Virtanen")
    assert not helper.check_valid_on(TODAY)
    with pytest.raises(ValidationError, match="older than six months"):
        volunteers.record_check(admin, helper.id, dt.date(2026, 1, 2), shown_on=TODAY)
    with pytest.raises(ValidationError, match="after the day"):
        volunteers.record_check(admin, helper.id, TODAY + dt.timedelta(days=1), shown_on=TODAY)
    checked = volunteers.record_check(admin, helper.id, dt.date(2026, 10, 1), shown_on=TODAY)
    assert (checked.check_shown_on, checked.check_extract_date) == (TODAY, dt.date(2026, 10, 1))
    assert checked.check_seen_by_id == admin.id
    assert checked.check_valid_on(dt.date(2031, 11, 25))
    assert not checked.check_valid_on(dt.date(2031, 11, 26))


def test_trainings_are_listed_on_the_profile(admin):
    helper = make_volunteer(admin, "Pekka Virtanen")
    volunteers.add_training(admin, helper.id, "Ystäväkurssi", dt.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        volunteers.add_training(admin, helper.id, "  ", dt.date(2026, 3, 1))
    assert [t.name for t in helper.trainings] == ["Ystäväkurssi"]


def test_hours_are_logged_and_totalled_with_their_value(admin, volunteer):
    helper = volunteer_of(admin)
    volunteer_hours.log_hours(volunteer, helper.id, dt.date(2026, 11, 2), 2.5, "desk", today=TODAY)
    volunteer_hours.log_hours(volunteer, helper.id, dt.date(2026, 11, 3), 1, "goods", today=TODAY)
    volunteer_hours.log_hours(volunteer, helper.id, dt.date(2026, 10, 30), 4, "events", today=TODAY)
    totals = volunteer_hours.hours_totals(admin, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (totals.hours, totals.value, totals.volunteers) == (3.5, 35.0, 1)
    assert totals.by_activity == {"desk": 150, "goods": 60}
    settings.change(admin, {settings.VOLUNTEER_HOUR_VALUE: 12.5})
    again = volunteer_hours.hours_totals(admin, dt.date(2026, 10, 1), dt.date(2026, 11, 30))
    assert (again.hours, again.value) == (7.5, 93.75)


def volunteer_of(admin):
    return make_volunteer(admin, "Pekka Virtanen")


@pytest.mark.parametrize(
    ("day", "hours", "message"),
    [
        (dt.date(2026, 11, 2), -1, "more than 0"),
        (dt.date(2026, 11, 2), 0, "more than 0"),
        (dt.date(2026, 11, 2), 25, "at most 24"),
        (TODAY + dt.timedelta(days=1), 2, "today or earlier"),
        (dt.date(2026, 11, 2), 20, "more than 24 hours on"),
    ],
)
def test_bad_hours_are_refused_and_nothing_changes(admin, day, hours, message):
    helper = volunteer_of(admin)
    volunteer_hours.log_hours(admin, helper.id, dt.date(2026, 11, 2), 5, "desk", today=TODAY)
    with pytest.raises(ValidationError, match=message):
        volunteer_hours.log_hours(admin, helper.id, day, hours, "desk", today=TODAY)
    assert [row.minutes for row in VolunteerHours.select()] == [300]


def test_the_hour_value_setting_is_checked(admin):
    with pytest.raises(ValidationError):
        settings.change(admin, {settings.VOLUNTEER_HOUR_VALUE: -3})
    assert settings.get(settings.VOLUNTEER_HOUR_VALUE) == 10.0


def test_merging_two_volunteer_records_keeps_one_profile_with_all_hours(admin):
    from lumijobi_desktop.core.person_merge import merge_persons

    kept = make_volunteer(admin, "Pekka Virtanen")
    other = make_volunteer(admin, "Pekka Virtanen")
    volunteer_hours.log_hours(admin, kept.id, dt.date(2026, 11, 2), 2, "desk", today=TODAY)
    volunteer_hours.log_hours(admin, other.id, dt.date(2026, 11, 3), 3, "goods", today=TODAY)
    merge_persons(admin, kept.person_id, other.person_id)
    assert [v.id for v in Volunteer.select()] == [kept.id]
    assert {row.volunteer_id for row in VolunteerHours.select()} == {kept.id}


def test_hours_by_volunteer_in_one_list_most_first(admin):
    pekka = make_volunteer(admin, "Pekka Virtanen")
    aino = make_volunteer(admin, "Aino Mäkinen")
    make_volunteer(admin, "Idle Volunteer")
    volunteer_hours.log_hours(admin, pekka.id, dt.date(2026, 11, 2), 2, "desk", today=TODAY)
    volunteer_hours.log_hours(admin, aino.id, dt.date(2026, 11, 2), 3, "desk", today=TODAY)
    volunteer_hours.log_hours(admin, aino.id, dt.date(2026, 10, 2), 9, "desk", today=TODAY)
    rows = volunteer_hours.hours_by_volunteer(admin, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert rows == [("Aino Mäkinen", 180), ("Pekka Virtanen", 120)]
