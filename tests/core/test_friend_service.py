"""The friend service: requests, suggestions, a pair's life, meetings and follow-ups."""

import datetime as dt

import pytest
from tests.core.volunteer_fixtures import TODAY, make_person, make_volunteer

from lumijobi_desktop.core import friend_service, settings
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.friend_service import (
    FriendMeeting,
    PairStatus,
    RequestData,
    TodoKind,
)
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import VolunteerHours

START = dt.date(2026, 6, 1)


@pytest.fixture
def request_for_olena(admin):
    olena = make_person(admin, "Olena Koval", ("uk",), "Lumijoki")
    return friend_service.save_request(
        admin,
        None,
        olena.id,
        RequestData(
            wishes=["home_visits", "outdoors"],
            frequency="weekly",
            interests=["gardening"],
            languages=["uk"],
            village="Lumijoki",
            times=["1a"],
            needs="Kuulee huonosti",
            needs_consent=True,
        ),
    )


def test_suggestions_share_a_language_and_say_why(admin, request_for_olena):
    make_volunteer(admin, "Aino Finnish", ("fi",), interests=["gardening"])
    make_volunteer(admin, "Iryna Far", ("uk",), "Oulu")
    make_volunteer(admin, "Oksana Near", ("uk", "fi"), interests=["gardening"], free_times=["1a"])
    suggestions = friend_service.suggest_friends(admin, request_for_olena.id)
    assert [s.candidate.name for s in suggestions] == ["Oksana Near", "Iryna Far"]
    assert suggestions[0].reasons_text == (
        "speaks Ukrainian · both like gardening · same village: Lumijoki · both free: Tuesday "
        "afternoon"
    )


def test_health_details_need_consent_and_only_staff_see_them(users, request_for_olena):
    admin = users[Role.ADMIN]
    olena_id = request_for_olena.person_id
    with pytest.raises(ValidationError, match="consent"):
        friend_service.save_request(
            admin,
            request_for_olena.id,
            olena_id,
            RequestData(languages=["uk"], needs="Käyttää rollaattoria"),
        )
    [staff_row] = friend_service.request_rows(users[Role.STAFF])
    [desk_row] = friend_service.request_rows(users[Role.VOLUNTEER])
    assert staff_row.needs == "Kuulee huonosti" and desk_row.needs == ""
    with pytest.raises(PermissionDenied):
        friend_service.save_request(
            users[Role.VOLUNTEER], None, olena_id, RequestData(languages=["uk"])
        )


def _active_pair(admin, request):
    helper = make_volunteer(admin, "Oksana Near", ("uk",))
    pair = friend_service.propose_pair(admin, request.id, helper.id, today=START)
    friend_service.plan_first_meeting(admin, pair.id, START + dt.timedelta(days=3))
    friend_service.start_pair(admin, pair.id, START + dt.timedelta(days=3))
    return friend_service.get_pair(admin, pair.id)


def test_a_pairs_life_from_proposed_to_ended_with_a_new_match_sought(admin, request_for_olena):
    pair = _active_pair(admin, request_for_olena)
    assert (pair.status, pair.started_on) == (PairStatus.ACTIVE, dt.date(2026, 6, 4))
    assert friend_service.get_request(admin, request_for_olena.id).status == "paired"
    with pytest.raises(ValidationError, match="cannot become"):
        friend_service.plan_first_meeting(admin, pair.id, START)
    friend_service.pause_pair(admin, pair.id, dt.date(2026, 7, 1))
    friend_service.start_pair(admin, pair.id, None)  # back from the pause
    ended = friend_service.end_pair(
        admin, pair.id, dt.date(2026, 9, 1), "moved", "Muutti Ouluun", seek_new=True
    )
    assert (ended.status, ended.end_reason) == (PairStatus.ENDED, "moved")
    assert friend_service.get_request(admin, request_for_olena.id).status == "open"
    with pytest.raises(ValidationError, match="cannot become"):
        friend_service.pause_pair(admin, pair.id, dt.date(2026, 9, 2))


def test_a_person_cannot_be_paired_with_themselves(admin):
    olena = make_person(admin, "Olena Koval", ("uk",))
    from lumijobi_desktop.core import volunteers

    as_volunteer = volunteers.save_volunteer(
        admin, olena.id, volunteers.VolunteerData(consent=True), today=TODAY
    )
    request = friend_service.save_request(admin, None, olena.id, RequestData(languages=["uk"]))
    assert friend_service.suggest_friends(admin, request.id) == []
    with pytest.raises(ValidationError, match="own friend"):
        friend_service.propose_pair(admin, request.id, as_volunteer.id, today=START)
    assert friend_service.pair_rows(admin) == []


def test_a_volunteer_sharing_no_language_is_refused(admin, request_for_olena):
    finn = make_volunteer(admin, "Aino Finnish", ("fi",))
    with pytest.raises(ValidationError, match="share no language"):
        friend_service.propose_pair(admin, request_for_olena.id, finn.id, today=START)


def test_meetings_log_the_volunteers_hours_and_not_before_the_pair_began(admin, request_for_olena):
    pair = _active_pair(admin, request_for_olena)
    with pytest.raises(ValidationError, match="before the pair began"):
        friend_service.log_meeting(admin, pair.id, START, 60, "visit", today=TODAY)
    with pytest.raises(ValidationError, match="today or earlier"):
        friend_service.log_meeting(
            admin, pair.id, TODAY + dt.timedelta(1), 60, "visit", today=TODAY
        )
    with pytest.raises(ValidationError, match="length"):
        friend_service.log_meeting(admin, pair.id, dt.date(2026, 6, 10), 0, "visit", today=TODAY)
    assert FriendMeeting.select().count() == 0 and VolunteerHours.select().count() == 0
    meeting = friend_service.log_meeting(
        admin, pair.id, dt.date(2026, 6, 10), 90, "outdoors", "Kävely", today=TODAY
    )
    [hours] = VolunteerHours.select()
    assert (hours.volunteer_id, hours.minutes, hours.activity) == (pair.volunteer_id, 90, "friend")
    friend_service.remove_meeting(admin, meeting.id)
    assert VolunteerHours.select().count() == 0


def test_follow_up_dates_one_month_then_every_three():
    start = dt.date(2026, 1, 31)
    assert friend_service.next_check_in(start, []) == dt.date(2026, 2, 28)
    assert friend_service.next_check_in(start, [dt.date(2026, 3, 2)]) == dt.date(2026, 6, 2)
    assert friend_service.next_check_in(
        start, [dt.date(2026, 3, 2), dt.date(2026, 5, 31)]
    ) == dt.date(2026, 8, 31)


def test_the_to_do_list_has_check_ins_and_pairs_that_have_not_met(admin, request_for_olena):
    pair = _active_pair(admin, request_for_olena)
    friend_service.log_meeting(admin, pair.id, dt.date(2026, 6, 20), 60, "visit", today=TODAY)
    todo = friend_service.friend_todo(admin, today=dt.date(2026, 7, 10))
    assert [(item.kind, item.due) for item in todo] == [(TodoKind.CHECK_IN, dt.date(2026, 7, 4))]
    assert todo[0].late_on(dt.date(2026, 7, 10))
    friend_service.record_check_in(admin, pair.id, dt.date(2026, 7, 10), "Hyvin menee")
    later = friend_service.friend_todo(admin, today=dt.date(2026, 8, 1))
    # Not met since 20 June: more than 30 days.
    assert [(item.kind, item.due) for item in later] == [
        (TodoKind.NOT_MET, dt.date(2026, 7, 20)),
        (TodoKind.CHECK_IN, dt.date(2026, 10, 10)),
    ]
    settings.change(admin, {settings.FRIEND_NO_MEETING_DAYS: 60})
    assert [item.kind for item in friend_service.friend_todo(admin, today=dt.date(2026, 8, 1))] == [
        TodoKind.CHECK_IN
    ]


def test_suggestions_follow_every_change_to_the_volunteers(admin, request_for_olena):
    from lumijobi_desktop.core import volunteers

    first = make_volunteer(admin, "Iryna First", ("uk",))
    assert [
        s.candidate.name for s in friend_service.suggest_friends(admin, request_for_olena.id)
    ] == ["Iryna First"]
    make_volunteer(admin, "Oksana Second", ("uk",), interests=["gardening"])
    names = [s.candidate.name for s in friend_service.suggest_friends(admin, request_for_olena.id)]
    assert names == ["Oksana Second", "Iryna First"]
    volunteers.set_status(admin, first.id, "paused")
    names = [s.candidate.name for s in friend_service.suggest_friends(admin, request_for_olena.id)]
    assert names == ["Oksana Second"]
