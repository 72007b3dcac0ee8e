"""Neighbour help: the open board, helpers suggested, children and checks, hours when done."""

import datetime as dt

import pytest
from tests.core.volunteer_fixtures import TODAY, make_person, make_volunteer

from lumijobi_desktop.core import neighbour_help, volunteers
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.neighbour_help import CheckMissing, HelpRequestData, HelpStatus
from lumijobi_desktop.core.volunteer_hours import VolunteerHours


def _request(actor, person, kind, urgency="soon", needed_on=None, share=False):
    return neighbour_help.save_help_request(
        actor,
        None,
        person.id,
        HelpRequestData(
            kind=kind,
            urgency=urgency,
            needed_on=needed_on,
            share_consent=share,
            place="Ratakatu 5",
            description="Apua tarvitaan",
        ),
    )


def test_the_board_is_sorted_by_urgency_then_date(admin):
    aino = make_person(admin, "Aino Mäkinen")
    _request(admin, aino, "shopping", "anytime")
    _request(admin, aino, "snow", "urgent", dt.date(2026, 12, 2))
    _request(admin, aino, "ride", "urgent", dt.date(2026, 11, 27))
    _request(admin, aino, "letter", "soon")
    board = neighbour_help.open_board(admin)
    assert [row.kind for row in board] == ["ride", "snow", "letter", "shopping"]


def test_helpers_are_suggested_for_what_they_offer(admin):
    aino = make_person(admin, "Aino Mäkinen", village="Varjakka")
    driver = make_volunteer(admin, "Pekka Driver", village="Varjakka", skills=["driving"])
    gardener = make_volunteer(admin, "Liisa Garden", skills=["garden_snow"])
    neighbour_help.save_offer(admin, None, driver.id, ["ride", "shopping"], ["0m"])
    neighbour_help.save_offer(admin, None, gardener.id, ["snow", "yard"], [])
    ride = _request(admin, aino, "ride")
    [suggestion] = neighbour_help.suggest_helpers(admin, ride.id)
    assert suggestion.candidate.name == "Pekka Driver"
    assert suggestion.reasons_text == (
        "offers this kind of help · has the skill for it · same village: Varjakka"
    )


def test_childcare_without_a_valid_check_warns_until_confirmed(admin):
    family = make_person(admin, "Olena Koval", ("uk",))
    helper = make_volunteer(admin, "Pekka Virtanen")
    task = _request(admin, family, "childcare")
    with pytest.raises(CheckMissing, match="criminal record"):
        neighbour_help.assign_helper(admin, task.id, helper.id, today=TODAY)
    assert neighbour_help.get_help_request(admin, task.id).status == HelpStatus.OPEN
    assigned = neighbour_help.assign_helper(
        admin, task.id, helper.id, confirm_missing_check=True, today=TODAY
    )
    assert assigned.check_override
    checked = make_volunteer(admin, "Liisa Checked")
    volunteers.record_check(admin, checked.id, dt.date(2026, 10, 1), shown_on=TODAY)
    other = _request(admin, family, "childcare")
    assert not neighbour_help.assign_helper(admin, other.id, checked.id, today=TODAY).check_override


def test_done_logs_the_helpers_hours_and_cancelling_takes_them_back(admin):
    aino = make_person(admin, "Aino Mäkinen")
    helper = make_volunteer(admin, "Pekka Virtanen")
    task = _request(admin, aino, "snow")
    with pytest.raises(ValidationError, match="Assign a helper"):
        neighbour_help.mark_done(admin, task.id, TODAY, 2, today=TODAY)
    neighbour_help.assign_helper(admin, task.id, helper.id, today=TODAY)
    with pytest.raises(ValidationError, match="more than 0"):
        neighbour_help.mark_done(admin, task.id, TODAY, -1, today=TODAY)
    with pytest.raises(ValidationError, match="not in the future"):
        neighbour_help.mark_done(admin, task.id, TODAY + dt.timedelta(1), 2, today=TODAY)
    neighbour_help.mark_done(admin, task.id, TODAY, 1.5, today=TODAY)
    [hours] = VolunteerHours.select()
    assert (hours.volunteer_id, hours.minutes, hours.activity) == (helper.id, 90, "neighbour")
    assert neighbour_help.open_board(admin) == []
    neighbour_help.cancel_request(admin, task.id, "Kirjattu väärin")
    assert VolunteerHours.select().count() == 0


def test_nobody_helps_themselves(admin):
    helper = make_volunteer(admin, "Pekka Virtanen")
    from lumijobi_desktop.core.people import Person

    task = _request(admin, Person.get_by_id(helper.person_id), "repair")
    with pytest.raises(ValidationError, match="cannot help themselves"):
        neighbour_help.assign_helper(admin, task.id, helper.id, today=TODAY)


def test_a_task_card_needs_the_requesters_consent(admin):
    aino = make_person(admin, "Aino Mäkinen")
    helper = make_volunteer(admin, "Pekka Virtanen")
    private = _request(admin, aino, "repair")
    shared = _request(admin, aino, "repair", share=True)
    for task in (private, shared):
        neighbour_help.assign_helper(admin, task.id, helper.id, today=TODAY)
    with pytest.raises(ValidationError, match="not agreed"):
        neighbour_help.task_card(admin, private.id)
    card = neighbour_help.task_card(admin, shared.id)
    assert (card.person_name, card.place, card.volunteer_name) == (
        "Aino Mäkinen",
        "Ratakatu 5",
        "Pekka Virtanen",
    )


def test_bad_requests_are_refused(admin):
    aino = make_person(admin, "Aino Mäkinen")
    with pytest.raises(ValidationError, match="kind of help"):
        neighbour_help.save_help_request(admin, None, aino.id, HelpRequestData(kind="flying"))
    assert neighbour_help.help_rows(admin) == []
