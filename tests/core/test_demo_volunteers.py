"""The volunteers part of the demo (small size): the register, hours, the friend service and
neighbour help, checked against the rules of `volunteers`, `volunteer_hours`, `friend_service`
and `neighbour_help`, and against what the desk should see on the demo's today."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from tests.core.demo_reading import demo_contents

from lumijobi_desktop.core import (
    audit,
    demo,
    demo_volunteers,
    friend_service,
    neighbour_help,
    volunteer_hours,
)
from lumijobi_desktop.core.events import Event, EventKind
from lumijobi_desktop.core.friend_service import (
    END_REASONS,
    FriendCheckIn,
    FriendMeeting,
    FriendPair,
    FriendRequest,
    PairStatus,
    RequestData,
    RequestStatus,
    TodoKind,
)
from lumijobi_desktop.core.neighbour_help import (
    HELP_KINDS,
    CheckMissing,
    HelpOffer,
    HelpRequest,
    HelpStatus,
    Urgency,
)
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Visit
from lumijobi_desktop.core.volunteer_hours import Activity, HoursSource, VolunteerHours
from lumijobi_desktop.core.volunteers import (
    EXTRACT_MAX_AGE,
    Volunteer,
    VolunteerData,
    VolunteerStatus,
    VolunteerTraining,
    codes_of,
)

TODAY = dt.date(2026, 3, 18)
YESTERDAY = TODAY - dt.timedelta(days=1)
VOLUNTEER_TABLES = (
    "volunteer",
    "volunteer_training",
    "volunteer_hours",
    "friend_request",
    "friend_pair",
    "friend_meeting",
    "friend_check_in",
    "help_offer",
    "help_request",
)


@pytest.fixture
def summary(store) -> demo.DemoSummary:
    return demo.generate_demo(size="small", seed=0, today=TODAY)


@pytest.fixture
def demo_admin(summary) -> User:
    return User.get_by_id(summary.admin_id)


def _volunteers() -> dict[int, Volunteer]:
    return {volunteer.id: volunteer for volunteer in Volunteer.select()}


def _languages(person_id: int) -> set[str]:
    return set(Person.get_by_id(person_id).languages)


def _created_on(person_id: int) -> dt.date:
    return Person.get_by_id(person_id).created_at.date()


def test_the_summary_counts_what_was_written(summary):
    assert Volunteer.select().count() == summary.volunteers == demo_volunteers.VOLUNTEERS["small"]
    minutes = sum(row.minutes for row in VolunteerHours.select())
    assert summary.volunteer_hours == round(minutes / 60)
    assert FriendPair.select().count() == summary.friend_pairs
    assert HelpRequest.select().count() == summary.help_requests
    assert summary.help_requests == demo_volunteers.HELP_REQUESTS["small"]
    assert FriendRequest.select().count() == demo_volunteers.FRIEND_REQUESTS["small"]
    # Volunteers add no visits: the demo keeps exactly the visits its size promises.
    assert Visit.select().count() == demo.SIZES["small"].visits


def test_the_audit_entry_counts_the_volunteers(summary, demo_admin):
    (entry,) = audit.list_entries(demo_admin, audit.AuditFilter())
    assert f'"volunteers": {summary.volunteers}' in entry.after
    assert f'"friend_pairs": {summary.friend_pairs}' in entry.after


def test_volunteers_are_mostly_finnish_speaking_some_ukrainian_a_few_both(summary):
    spoken = [_languages(volunteer.person_id) for volunteer in Volunteer.select()]
    finnish = sum(1 for languages in spoken if "fi" in languages and "uk" not in languages)
    ukrainian = sum(1 for languages in spoken if "uk" in languages)
    both = sum(1 for languages in spoken if {"fi", "uk"} <= languages)
    assert finnish > len(spoken) / 2
    assert ukrainian >= 4
    assert both >= 1


def test_profiles_keep_the_rules_of_the_register(summary):
    volunteers = list(Volunteer.select())
    for volunteer in volunteers:
        VolunteerData(
            skills=codes_of(volunteer.skills),
            interests=codes_of(volunteer.interests),
            free_times=codes_of(volunteer.free_times),
            gender=volunteer.gender,
            note=volunteer.note,
        ).cleaned()
        assert volunteer.skills and volunteer.free_times
        assert _created_on(volunteer.person_id) <= volunteer.started_on < TODAY
        assert summary.first_day <= volunteer.started_on
        assert volunteer.consent_at is not None and volunteer.consent_by_id is not None
        assert volunteer.consent_at.date() == volunteer.started_on
    skills = Counter(skill for v in volunteers for skill in codes_of(v.skills))
    assert skills.most_common(1)[0][0] == "befriending"
    assert {v.gender for v in volunteers} >= {"female", "male"}
    paused = sum(1 for v in volunteers if v.status == VolunteerStatus.PAUSED.value)
    assert 1 <= paused <= len(volunteers) * 0.2
    years = Counter(v.started_on.year for v in volunteers)
    assert len(years) >= 2  # started over the two years


def test_record_checks_are_recent_and_valid_but_many_have_none(summary):
    volunteers = list(Volunteer.select())
    checked = [v for v in volunteers if v.check_shown_on is not None]
    assert 0.2 <= len(checked) / len(volunteers) <= 0.45
    for volunteer in checked:
        assert volunteer.check_extract_date <= volunteer.check_shown_on
        assert volunteer.check_shown_on - volunteer.check_extract_date <= EXTRACT_MAX_AGE
        assert volunteer.started_on <= volunteer.check_shown_on < TODAY
        assert volunteer.check_seen_by_id is not None
        assert volunteer.check_valid_on(TODAY)


def test_trainings_fall_in_the_volunteers_time(summary):
    volunteers = _volunteers()
    trainings = list(VolunteerTraining.select())
    assert len(trainings) >= len(volunteers) / 2
    for training in trainings:
        assert volunteers[training.volunteer_id].started_on <= training.completed_on < TODAY


def test_every_pair_status_is_present_and_the_requests_follow_their_pairs(summary):
    pairs = list(FriendPair.select())
    assert {pair.status for pair in pairs} == set(PairStatus)
    by_request: dict[int, list[FriendPair]] = {}
    for pair in pairs:
        by_request.setdefault(pair.request_id, []).append(pair)
    for request in FriendRequest.select():
        own = by_request.get(request.id, [])
        going = [pair for pair in own if pair.status != PairStatus.ENDED]
        assert len(going) <= 1
        if going:
            assert request.status == RequestStatus.PAIRED
        elif own:  # ended: closed, or opened again for a new friend
            assert request.status in (RequestStatus.CLOSED, RequestStatus.OPEN)
        else:
            assert request.status == RequestStatus.OPEN
    statuses = {request.status for request in FriendRequest.select()}
    assert statuses == set(RequestStatus)
    opened_again = [
        request
        for request in FriendRequest.select()
        if len(by_request.get(request.id, [])) > 0 and request.status == RequestStatus.OPEN
    ]
    assert opened_again
    assert any(len(own) > 1 for own in by_request.values())  # a new friend after an ended pair


def test_pairs_keep_their_dates_in_order(summary):
    for pair in FriendPair.select():
        request = FriendRequest.get_by_id(pair.request_id)
        assert request.created_at.date() <= pair.proposed_on
        dates = [pair.proposed_on, pair.first_meeting_on, pair.started_on, pair.ended_on]
        dates = [day for day in dates if day is not None]
        assert dates == sorted(dates)
        if pair.status == PairStatus.PROPOSED:
            assert pair.first_meeting_on is None and pair.proposed_on < TODAY
        if pair.status == PairStatus.FIRST_MEETING:
            assert pair.first_meeting_on >= TODAY and pair.started_on is None
        if pair.status in (PairStatus.ACTIVE, PairStatus.PAUSED, PairStatus.ENDED):
            assert pair.started_on is not None
        if pair.status == PairStatus.PAUSED:
            assert pair.started_on <= pair.paused_on < TODAY
        if pair.status == PairStatus.ENDED:
            assert pair.end_reason in END_REASONS and pair.ended_on < TODAY
        else:
            assert pair.ended_on is None and pair.end_reason == ""


def test_pairs_share_a_language_and_respect_a_preferred_gender(summary):
    volunteers = _volunteers()
    for pair in FriendPair.select():
        request = FriendRequest.get_by_id(pair.request_id)
        volunteer = volunteers[pair.volunteer_id]
        assert volunteer.person_id != request.person_id
        assert _languages(volunteer.person_id) & set(codes_of(request.languages))
        if request.preferred_gender:
            assert volunteer.gender == request.preferred_gender
        assert volunteer.started_on <= pair.proposed_on
        if pair.status != PairStatus.ENDED:
            assert volunteer.status == VolunteerStatus.ACTIVE


def test_requests_would_pass_the_request_form(summary):
    for request in FriendRequest.select():
        RequestData(
            wishes=codes_of(request.wishes),
            frequency=request.frequency,
            interests=codes_of(request.interests),
            languages=codes_of(request.languages),
            village=request.village,
            times=codes_of(request.times),
            preferred_gender=request.preferred_gender,
            needs=request.needs,
            needs_consent=request.needs_consent_at is not None,
        ).cleaned()
        person = Person.get_by_id(request.person_id)
        assert person.older_person or person.lonely
        assert person.created_at <= request.created_at
    assert any(request.needs for request in FriendRequest.select())


def test_meetings_never_before_the_pair_began_nor_after_it_ended(summary):
    pairs = {pair.id: pair for pair in FriendPair.select()}
    meetings = list(FriendMeeting.select())
    assert len(meetings) >= 100
    met = {meeting.pair_id for meeting in meetings}
    for meeting in meetings:
        pair = pairs[meeting.pair_id]
        assert pair.status not in (PairStatus.PROPOSED, PairStatus.FIRST_MEETING)
        assert pair.began_on <= meeting.day < TODAY
        if pair.ended_on is not None:
            assert meeting.day <= pair.ended_on
        if pair.paused_on is not None:
            assert meeting.day < pair.paused_on
        assert 0 < meeting.minutes <= friend_service.MEETING_MINUTES_MAX
        assert meeting.kind in friend_service.MEETING_KINDS
    lived = [p for p in pairs.values() if p.status in (PairStatus.ACTIVE, PairStatus.PAUSED)]
    assert all(pair.id in met for pair in lived)


def test_every_meeting_and_every_task_done_has_its_hours(summary):
    pairs = {pair.id: pair for pair in FriendPair.select()}
    hours = {
        (row.source, row.source_id): row
        for row in VolunteerHours.select().where(VolunteerHours.source != HoursSource.MANUAL)
    }
    meetings = list(FriendMeeting.select())
    for meeting in meetings:
        row = hours[(HoursSource.FRIEND_MEETING, meeting.id)]
        assert (row.volunteer_id, row.day, row.minutes, row.activity) == (
            pairs[meeting.pair_id].volunteer_id,
            meeting.day,
            meeting.minutes,
            Activity.FRIEND,
        )
    done = list(HelpRequest.select().where(HelpRequest.status == HelpStatus.DONE))
    assert done
    for task in done:
        row = hours[(HoursSource.HELP_TASK, task.id)]
        assert (row.volunteer_id, row.day, row.minutes, row.activity) == (
            task.volunteer_id,
            task.done_on,
            task.minutes,
            Activity.NEIGHBOUR,
        )
    assert len(hours) == len(meetings) + len(done)  # and nothing else came automatically


def test_no_volunteer_has_more_than_24_hours_a_day(summary):
    volunteers = _volunteers()
    per_day: Counter[tuple[int, dt.date]] = Counter()
    for row in VolunteerHours.select():
        assert row.minutes > 0
        assert volunteers[row.volunteer_id].started_on <= row.day < TODAY
        assert row.recorded_at.date() >= row.day
        per_day[(row.volunteer_id, row.day)] += row.minutes
    assert max(per_day.values()) <= 24 * 60


def test_hours_cover_the_activities_with_a_realistic_total(summary, demo_admin):
    totals = volunteer_hours.hours_totals(demo_admin, summary.first_day, YESTERDAY)
    assert 1_500 <= totals.hours <= 6_000
    assert round(totals.hours) == summary.volunteer_hours
    expected = {"desk", "goods", "events", "coffee", "friend", "neighbour", "training"}
    assert set(totals.by_activity) == expected
    assert totals.value == round(totals.hours * 10.0, 2)
    assert totals.volunteers >= summary.volunteers * 0.6


def test_coffee_hours_fall_on_days_the_coffee_meeting_was_held(summary):
    held = {
        event.starts_at.date()
        for event in Event.select().where(
            (Event.kind == EventKind.COFFEE.value) & Event.cancelled_at.is_null()
        )
    }
    coffee = VolunteerHours.select().where(VolunteerHours.activity == Activity.COFFEE)
    assert coffee.count() > 50
    assert all(row.day in held for row in coffee)


def test_friend_todo_shows_first_meetings_check_ins_and_pairs_not_met(summary, demo_admin):
    todo = friend_service.friend_todo(demo_admin, today=TODAY)
    kinds = {item.kind for item in todo}
    assert kinds == {TodoKind.FIRST_MEETING, TodoKind.CHECK_IN, TodoKind.NOT_MET}
    check_ins = [item for item in todo if item.kind == TodoKind.CHECK_IN]
    assert any(item.late_on(TODAY) for item in check_ins)
    assert any(not item.late_on(TODAY) for item in check_ins)
    quiet = [item for item in todo if item.kind == TodoKind.NOT_MET]
    assert all((TODAY - item.last_met).days > 30 for item in quiet if item.last_met)


def test_check_ins_follow_the_pairs(summary):
    pairs = {pair.id: pair for pair in FriendPair.select()}
    check_ins = list(FriendCheckIn.select())
    assert check_ins
    for check_in in check_ins:
        pair = pairs[check_in.pair_id]
        assert pair.began_on <= check_in.day < TODAY


def test_the_open_board_puts_urgent_requests_first(summary, demo_admin):
    board = neighbour_help.open_board(demo_admin)
    order = {Urgency.URGENT: 0, Urgency.SOON: 1, Urgency.ANYTIME: 2}
    assert board[0].urgency == Urgency.URGENT
    ranks = [order[Urgency(row.urgency)] for row in board]
    assert ranks == sorted(ranks)
    assert {row.status for row in board} == {HelpStatus.OPEN, HelpStatus.ASSIGNED}
    opened = {row.urgency for row in board if row.status == HelpStatus.OPEN}
    assert opened == set(Urgency)
    assert {request.status for request in HelpRequest.select()} == set(HelpStatus)
    assert all(row.needed_on is None or row.needed_on >= TODAY for row in board)


def test_help_requests_keep_the_rules(summary):
    volunteers = _volunteers()
    offered: dict[int, set[str]] = {}
    for offer in HelpOffer.select():
        assert set(codes_of(offer.kinds)) <= set(HELP_KINDS)
        assert set(codes_of(offer.times)) <= set(
            codes_of(volunteers[offer.volunteer_id].free_times)
        )
        if offer.active:
            offered.setdefault(offer.volunteer_id, set()).update(codes_of(offer.kinds))
    for request in HelpRequest.select():
        assert request.kind in HELP_KINDS
        assert _created_on(request.person_id) <= request.created_at.date() < TODAY
        if request.status == HelpStatus.OPEN:
            assert request.volunteer_id is None
        if request.status in (HelpStatus.ASSIGNED, HelpStatus.DONE):
            volunteer = volunteers[request.volunteer_id]
            assert volunteer.person_id != request.person_id
            assert request.kind in offered[volunteer.id]
            assert request.assigned_at is not None
        if request.status == HelpStatus.DONE:
            assert request.created_at.date() <= request.done_on < TODAY
        if request.kind == "childcare" and request.volunteer_id is not None:
            assert volunteers[request.volunteer_id].check_valid_on(request.created_at.date())
            assert not request.check_override


def test_a_childcare_request_warns_about_a_helper_without_a_check(summary, demo_admin):
    (childcare, *_more) = [
        row
        for row in neighbour_help.open_board(demo_admin)
        if row.kind == "childcare" and row.status == HelpStatus.OPEN
    ]
    suggestions = neighbour_help.suggest_helpers(demo_admin, childcare.id, limit=None)
    unchecked = [s for s in suggestions if s.warning]
    assert unchecked and any(not s.warning for s in suggestions)
    with pytest.raises(CheckMissing):
        neighbour_help.assign_helper(
            demo_admin, childcare.id, unchecked[0].candidate.volunteer_id, today=TODAY
        )


def test_suggestions_for_an_open_request_share_a_language(summary, demo_admin):
    waiting = FriendRequest.select().where(FriendRequest.status == RequestStatus.OPEN)
    assert waiting.count() >= 2
    for request in waiting:
        suggestions = friend_service.suggest_friends(demo_admin, request.id)
        assert suggestions
        wanted = set(codes_of(request.languages))
        for suggestion in suggestions:
            assert suggestion.candidate.languages & wanted
            assert suggestion.reasons_text


def _generate_in(folder, seed: int) -> dict[str, list[tuple]]:
    return demo_contents(folder, seed, TODAY, VOLUNTEER_TABLES)


def test_same_seed_and_day_give_identical_volunteer_data(tmp_path):
    first = _generate_in(tmp_path / "first", seed=3)
    second = _generate_in(tmp_path / "second", seed=3)
    assert first == second


def test_another_seed_gives_other_volunteers(tmp_path):
    first = _generate_in(tmp_path / "first", seed=3)
    other = _generate_in(tmp_path / "other", seed=4)
    assert first["volunteer"] != other["volunteer"]
    assert first["friend_meeting"] != other["friend_meeting"]
