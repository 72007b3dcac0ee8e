"""The coordinator's calendar: hours and slots, bookings, the queue, statuses."""

import datetime as dt

import pytest
from tests.core.advice_fixtures import (
    BEFORE,
    THURSDAY,
    TUESDAY,
    at,
    book,
    booking,
    topic_id,
    usual_hours,
)
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import (
    advice,
    advice_booking,
    advice_hours,
    advice_queue,
    advice_topics,
    audit,
)
from lumijobi_desktop.core.advice import AdviceSession, SessionStatus, SlotState
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.people import PersonData
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.visits import Purpose, Visit, check_in


@pytest.fixture
def coordinator(users):
    return users[Role.COORDINATOR]


@pytest.fixture
def hours(users, coordinator):
    usual_hours(coordinator, coordinator)
    return coordinator


def _free_times(actor, adviser, day):
    [plan] = advice.day_plans(actor, adviser.id, day, day)
    return [slot.start.time() for slot in plan.slots if slot.state == SlotState.FREE]


def _times(*pairs):
    return [dt.time(hour, minute) for hour, minute in pairs]


# --- hours and slots ----------------------------------------------------------------------------


def test_weekly_hours_give_slots_of_their_length_on_their_weekday(hours, volunteer):
    tuesday = _free_times(volunteer, hours, TUESDAY)
    assert tuesday == [dt.time(10 + i // 2, 30 * (i % 2)) for i in range(8)]
    assert _free_times(volunteer, hours, THURSDAY)[0] == dt.time(12)
    assert _free_times(volunteer, hours, THURSDAY)[-1] == dt.time(15, 30)
    assert _free_times(volunteer, hours, TUESDAY + dt.timedelta(days=1)) == []


def test_a_public_holiday_has_no_hours(hours, volunteer):
    christmas_eve = dt.date(2026, 12, 24)  # a Thursday
    assert christmas_eve.weekday() == 3
    assert advice_hours.windows_on(hours.id, christmas_eve) == []
    assert _free_times(volunteer, hours, christmas_eve + dt.timedelta(days=7))


def test_a_day_off_removes_the_day_and_a_partial_one_a_part(hours, volunteer):
    advice_hours.add_day_off(hours, hours.id, TUESDAY, note="Koulutus")
    assert _free_times(volunteer, hours, TUESDAY) == []
    advice_hours.add_day_off(hours, hours.id, THURSDAY, dt.time(13), dt.time(14, 30))
    assert _free_times(volunteer, hours, THURSDAY) == _times(
        (12, 0), (12, 30), (14, 30), (15, 0), (15, 30)
    )


def test_extra_hours_add_slots_on_one_date_with_their_own_length(hours, volunteer):
    friday = TUESDAY + dt.timedelta(days=3)
    advice_hours.add_extra_hours(hours, hours.id, friday, dt.time(9), dt.time(10), 20, "Kirjasto")
    [plan] = advice.day_plans(volunteer, hours.id, friday, friday)
    assert [slot.start.time() for slot in plan.slots] == _times((9, 0), (9, 20), (9, 40))
    assert {slot.place for slot in plan.slots} == {"Kirjasto"}
    with pytest.raises(ValidationError, match="overlap"):
        advice_hours.add_extra_hours(hours, hours.id, TUESDAY, dt.time(13), dt.time(15))


def test_weekly_hours_end_and_do_not_overlap(hours, volunteer):
    with pytest.raises(ValidationError, match="overlap"):
        advice_hours.add_weekly_hours(
            hours,
            hours.id,
            advice_hours.HoursData(1, dt.time(13), dt.time(15), valid_from=TUESDAY),
        )
    [tuesday_rule] = [rule for rule in advice_hours.weekly_hours(hours.id) if rule.weekday == 1]
    advice_hours.end_weekly_hours(hours, tuesday_rule.id, TUESDAY)
    assert _free_times(volunteer, hours, TUESDAY)
    assert _free_times(volunteer, hours, TUESDAY + dt.timedelta(days=7)) == []


@pytest.mark.parametrize(
    ("starts", "ends", "slot", "message"),
    [
        (dt.time(14), dt.time(10), 30, "after the start"),
        (dt.time(10), dt.time(10, 20), 30, "shorter than one slot"),
        (dt.time(10), dt.time(12), 25, "minutes long"),
    ],
)
def test_bad_hours_are_refused(hours, starts, ends, slot, message):
    with pytest.raises(ValidationError, match=message):
        advice_hours.add_weekly_hours(
            hours, hours.id, advice_hours.HoursData(0, starts, ends, slot, valid_from=TUESDAY)
        )
    assert [rule.weekday for rule in advice_hours.weekly_hours(hours.id)] == [1, 3]


def test_only_the_coordinator_and_staff_set_hours(users, hours, volunteer):
    with pytest.raises(PermissionDenied):
        advice_hours.add_day_off(volunteer, hours.id, TUESDAY)
    advice_hours.add_day_off(users[Role.STAFF], hours.id, TUESDAY)


def test_coordinators_are_the_advisers(users, coordinator):
    assert [user.id for user in advice_hours.advisers()] == [coordinator.id]


# --- bookings -----------------------------------------------------------------------------------


def test_a_booking_takes_its_slots_and_the_desk_sees_who_and_what(hours, volunteer):
    anna, _bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    session = book(
        volunteer,
        hours,
        anna,
        at(TUESDAY, 10, 30),
        60,
        language="uk",
        interpreter_needed=True,
        interpreter_language="uk",
    )
    assert session.place == "Neuvontahuone"
    assert session.status == SessionStatus.BOOKED
    assert _free_times(volunteer, hours, TUESDAY) == _times(
        (10, 0), (11, 30), (12, 0), (12, 30), (13, 0), (13, 30)
    )
    [row] = advice.sessions_between(volunteer, TUESDAY, TUESDAY)
    assert (row.person_name, row.topic, row.minutes) == ("Anna Koval", "Kela benefits", 60)
    assert row.interpreter_needed and row.interpreter_language == "uk"
    assert audit.AuditEntry.get(audit.AuditEntry.entity == "advice_session").action == "create"


def test_a_taken_slot_cannot_be_booked_twice(hours, volunteer):
    anna, bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    book(volunteer, hours, anna, at(TUESDAY, 11))
    with pytest.raises(ValidationError, match="already booked"):
        book(volunteer, hours, bohdan, at(TUESDAY, 11))
    with pytest.raises(ValidationError, match="already booked"):
        book(volunteer, hours, bohdan, at(TUESDAY, 11, 15), 15)
    assert AdviceSession.select().count() == 1


def test_a_length_that_runs_into_the_next_booking_is_refused_with_what_fits(hours, volunteer):
    anna, bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    book(volunteer, hours, anna, at(TUESDAY, 11))
    with pytest.raises(ValidationError, match=r"next booking at 11:00\. At most 30 minutes"):
        book(volunteer, hours, bohdan, at(TUESDAY, 10, 30), 60)
    with pytest.raises(ValidationError, match=r"end of the hours at 14:00\. At most 30 minutes"):
        book(volunteer, hours, bohdan, at(TUESDAY, 13, 30), 45)
    assert AdviceSession.select().count() == 1


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        (at(TUESDAY, 9, 30), "outside the coordinator's hours. Hours on 01/12/2026: 10:00–14:00"),
        (at(TUESDAY, 14), "outside the coordinator's hours"),
        (at(TUESDAY + dt.timedelta(days=1), 10), "gives no advice on"),
        (at(dt.date(2026, 11, 24), 10), "already passed"),
    ],
)
def test_a_time_outside_the_hours_is_refused(hours, volunteer, starts_at, message):
    [anna] = make_persons(volunteer, "Anna Koval")
    with pytest.raises(ValidationError, match=message):
        book(volunteer, hours, anna, starts_at)
    assert AdviceSession.select().count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 20}, "minutes"),
        ({"minutes": 240}, "minutes"),
        ({"language": "xx"}, "language"),
        ({"interpreter_needed": True}, "interpreter_language"),
    ],
)
def test_bad_booking_details_are_refused(hours, volunteer, changes, field):
    [anna] = make_persons(volunteer, "Anna Koval")
    minutes = changes.pop("minutes", 30)
    with pytest.raises(ValidationError) as refused:
        book(volunteer, hours, anna, at(TUESDAY, 10), minutes, **changes)
    assert refused.value.field == field
    assert AdviceSession.select().count() == 0


def test_quick_add_books_a_new_person_in_one_step(hours, volunteer):
    data = PersonData(first_name="Olha", last_name="Bondar", phone="0401112233", consent=True)
    session = advice_booking.book_session(volunteer, data, booking(hours, at(TUESDAY, 10)), BEFORE)
    assert session.person.full_name == "Olha Bondar"


def test_a_refused_quick_add_booking_registers_nobody(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    book(volunteer, hours, anna, at(TUESDAY, 10))
    data = PersonData(first_name="Olha", last_name="Bondar", consent=True)
    with pytest.raises(ValidationError):
        advice_booking.book_session(volunteer, data, booking(hours, at(TUESDAY, 10)), BEFORE)
    from lumijobi_desktop.core.people import Person

    assert [person.first_name for person in Person.select()] == ["Anna"]


def test_moving_frees_the_old_time_and_checks_the_new(hours, volunteer):
    anna, bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    book(volunteer, hours, bohdan, at(TUESDAY, 12))
    with pytest.raises(ValidationError, match="already booked"):
        advice_booking.change_session(
            volunteer, session.id, booking(hours, at(TUESDAY, 12)), BEFORE
        )
    moved = advice_booking.change_session(
        volunteer,
        session.id,
        booking(hours, at(THURSDAY, 15), 60, topic_id=topic_id("housing")),
        BEFORE,
    )
    assert (moved.starts_at, moved.minutes, moved.topic.key) == (at(THURSDAY, 15), 60, "housing")
    assert dt.time(10) in _free_times(volunteer, hours, TUESDAY)
    # Lengthening in place does not collide with itself.
    advice_booking.change_session(
        volunteer, session.id, booking(hours, at(THURSDAY, 14), 90), BEFORE
    )


def test_cancelling_frees_the_time(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    advice_booking.cancel_session(volunteer, session.id, BEFORE)
    assert dt.time(10) in _free_times(volunteer, hours, TUESDAY)
    assert advice.sessions_between(volunteer, TUESDAY, TUESDAY) == []
    [cancelled] = advice.sessions_between(volunteer, TUESDAY, TUESDAY, include_cancelled=True)
    assert cancelled.status == SessionStatus.CANCELLED
    with pytest.raises(ValidationError):
        advice_booking.cancel_session(volunteer, session.id, BEFORE)


# --- statuses -----------------------------------------------------------------------------------


def test_done_counts_as_an_advice_visit_and_taking_it_back_removes_it(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    after = at(TUESDAY, 10, 40)
    advice_booking.set_status(hours, session.id, SessionStatus.DONE, after)
    [visit] = Visit.select().where(Visit.person == anna.id)
    assert (visit.purpose, visit.visited_at) == (Purpose.ADVICE, at(TUESDAY, 10))
    advice_booking.set_status(hours, session.id, SessionStatus.BOOKED, after)
    assert Visit.select().where(Visit.person == anna.id).count() == 0
    advice_booking.set_status(hours, session.id, SessionStatus.NO_SHOW, after)
    assert AdviceSession.get_by_id(session.id).status == SessionStatus.NO_SHOW
    assert Visit.select().count() == 0


def test_done_reuses_the_desk_check_in_for_advice_that_day(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    desk_visit = check_in(volunteer, anna.id, Purpose.ADVICE.value, at=at(TUESDAY, 9, 55))
    advice_booking.set_status(hours, session.id, SessionStatus.DONE, at(TUESDAY, 11))
    advice_booking.set_status(hours, session.id, SessionStatus.NO_SHOW, at(TUESDAY, 11))
    assert [visit.id for visit in Visit.select()] == [desk_visit.id]


def test_status_rules(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    with pytest.raises(ValidationError, match="not begun"):
        advice_booking.set_status(hours, session.id, SessionStatus.DONE, BEFORE)
    with pytest.raises(PermissionDenied):
        advice_booking.set_status(volunteer, session.id, SessionStatus.DONE, at(TUESDAY, 11))
    advice_booking.cancel_session(volunteer, session.id, BEFORE)
    with pytest.raises(ValidationError, match="cancelled"):
        advice_booking.set_status(hours, session.id, SessionStatus.DONE, at(TUESDAY, 11))
    with pytest.raises(ValidationError):
        advice_booking.set_status(hours, session.id, "maybe", at(TUESDAY, 11))


def test_a_done_session_cannot_be_moved_or_cancelled(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    advice_booking.set_status(hours, session.id, SessionStatus.DONE, at(TUESDAY, 11))
    with pytest.raises(ValidationError):
        advice_booking.cancel_session(volunteer, session.id, at(TUESDAY, 11))
    with pytest.raises(ValidationError):
        advice_booking.change_session(
            volunteer, session.id, booking(hours, at(THURSDAY, 12)), at(TUESDAY, 11)
        )


# --- the queue ----------------------------------------------------------------------------------


def _full_tuesday(actor, adviser):
    """Tuesday booked full, Thursday too: nothing free this week."""
    people = make_persons(actor, *(f"Full{i} Booked" for i in range(16)))
    moments = [at(TUESDAY, 10 + i // 2, 30 * (i % 2)) for i in range(8)]
    moments += [at(THURSDAY, 12 + i // 2, 30 * (i % 2)) for i in range(8)]
    return [
        book(actor, adviser, person, moment) for person, moment in zip(people, moments, strict=True)
    ]


@pytest.fixture
def only_this_week(hours):
    """Hours only in the first week of December, so the queue has nothing else to take."""
    for rule in advice_hours.weekly_hours(hours.id):
        advice_hours.end_weekly_hours(hours, rule.id, THURSDAY)
    return hours


def _wish(minutes=30, **extra):
    return advice_queue.WishData(topic_id=topic_id(), minutes=minutes, **extra)


def test_the_queue_is_offered_freed_times_in_order(only_this_week, volunteer):
    adviser = only_this_week
    sessions = _full_tuesday(volunteer, adviser)
    first, second = make_persons(volunteer, "Ensi Jonossa", "Toinen Jonossa")
    advice_queue.add_to_queue(volunteer, first.id, _wish(), BEFORE)
    advice_queue.add_to_queue(volunteer, second.id, _wish(), BEFORE)
    assert advice_queue.offers_to_call(volunteer) == []

    advice_booking.cancel_session(volunteer, sessions[3].id, BEFORE)  # Tue 11.30
    [offer] = advice_queue.offers_to_call(volunteer)
    assert (offer.person_name, offer.offered_start) == ("Ensi Jonossa", at(TUESDAY, 11, 30))
    # A held time is not free for anybody else.
    [outsider] = make_persons(volunteer, "Muu Henkilö")
    with pytest.raises(ValidationError, match="held for someone in the queue"):
        book(volunteer, adviser, outsider, at(TUESDAY, 11, 30))
    [plan] = advice.day_plans(volunteer, adviser.id, TUESDAY, TUESDAY)
    assert [slot.held_for for slot in plan.slots if slot.state == SlotState.HELD] == [
        "Ensi Jonossa"
    ]

    session = advice_booking.accept_offer(volunteer, offer.id, BEFORE)
    assert (session.person_id, session.starts_at) == (first.id, at(TUESDAY, 11, 30))
    assert [row.person_name for row in advice_queue.queue_rows(volunteer)] == ["Toinen Jonossa"]


def test_a_declined_time_goes_to_the_next_and_the_decliner_waits_on(only_this_week, volunteer):
    adviser = only_this_week
    sessions = _full_tuesday(volunteer, adviser)
    first, second = make_persons(volunteer, "Ensi Jonossa", "Toinen Jonossa")
    first_entry = advice_queue.add_to_queue(volunteer, first.id, _wish(), BEFORE)
    advice_queue.add_to_queue(volunteer, second.id, _wish(), BEFORE)
    advice_booking.cancel_session(volunteer, sessions[0].id, BEFORE)  # Tue 10.00
    advice_queue.decline_offer(volunteer, first_entry.id, BEFORE)
    [offer] = advice_queue.offers_to_call(volunteer)
    assert (offer.person_name, offer.offered_start) == ("Toinen Jonossa", at(TUESDAY, 10))
    # The first keeps place one, and gets a later freed time.
    advice_booking.cancel_session(volunteer, sessions[10].id, BEFORE)  # Thu 13.00
    offers = {row.person_name: row.offered_start for row in advice_queue.offers_to_call(volunteer)}
    assert offers == {"Ensi Jonossa": at(THURSDAY, 13), "Toinen Jonossa": at(TUESDAY, 10)}
    assert [row.position for row in advice_queue.queue_rows(volunteer)] == [1, 2]


def test_a_freed_time_too_short_for_the_first_goes_to_one_it_fits(only_this_week, volunteer):
    adviser = only_this_week
    sessions = _full_tuesday(volunteer, adviser)
    long_wait, short_wait = make_persons(volunteer, "Pitkä Aika", "Lyhyt Aika")
    advice_queue.add_to_queue(volunteer, long_wait.id, _wish(60), BEFORE)
    advice_queue.add_to_queue(volunteer, short_wait.id, _wish(30), BEFORE)
    advice_booking.cancel_session(volunteer, sessions[5].id, BEFORE)
    assert [row.person_name for row in advice_queue.offers_to_call(volunteer)] == ["Lyhyt Aika"]


def test_booking_someone_directly_takes_them_out_of_the_queue(only_this_week, volunteer):
    adviser = only_this_week
    sessions = _full_tuesday(volunteer, adviser)
    [waiting] = make_persons(volunteer, "Odottava Ihminen")
    advice_queue.add_to_queue(volunteer, waiting.id, _wish(), BEFORE)
    advice_booking.cancel_session(volunteer, sessions[7].id, BEFORE)
    advice_booking.cancel_session(volunteer, sessions[8].id, BEFORE)
    [offer] = advice_queue.offers_to_call(volunteer)
    # The desk books them at another time by hand; the held time is free again.
    assert offer.offered_start == at(TUESDAY, 13, 30)
    book(volunteer, adviser, waiting, at(THURSDAY, 12))
    assert advice_queue.queue_rows(volunteer) == []
    assert dt.time(13, 30) in _free_times(volunteer, adviser, TUESDAY)


def test_a_person_waits_once_and_can_be_taken_out(hours, volunteer):
    [anna] = make_persons(volunteer, "Anna Koval")
    entry = advice_queue.add_to_queue(volunteer, anna.id, _wish(), BEFORE)
    with pytest.raises(ValidationError, match="already in the queue"):
        advice_queue.add_to_queue(volunteer, anna.id, _wish(), BEFORE)
    # With free times ahead, the next one is held for her at once.
    assert entry.offered_start == at(TUESDAY, 10)
    advice_queue.remove_from_queue(volunteer, entry.id, BEFORE)
    assert advice_queue.queue_rows(volunteer) == []
    assert dt.time(10) in _free_times(volunteer, hours, TUESDAY)


def test_a_held_time_that_passed_is_released(only_this_week, volunteer):
    adviser = only_this_week
    sessions = _full_tuesday(volunteer, adviser)
    [anna] = make_persons(volunteer, "Anna Koval")
    advice_queue.add_to_queue(volunteer, anna.id, _wish(), BEFORE)
    advice_booking.cancel_session(volunteer, sessions[0].id, BEFORE)
    assert advice_queue.offers_to_call(volunteer)
    advice_queue.offer_free_times(volunteer, at(TUESDAY, 12))
    assert advice_queue.offers_to_call(volunteer) == []


# --- topics -------------------------------------------------------------------------------------


def test_topics_are_seeded_translated_and_editable(users, coordinator, volunteer):
    names = [topic.name_in("uk") for topic in advice_topics.topics()]
    assert names[:2] == ["Пільги Kela", "Дозволи на проживання"]
    assert len(names) == 9
    made = advice_topics.save_topic(
        coordinator,
        None,
        advice_topics.TopicData({"fi": "Ajokortti", "en": "Driving licence"}, {"fi": "Passi"}),
    )
    assert made.key.startswith("custom-") and made.name_in("uk") == "Ajokortti"
    with pytest.raises(ValidationError, match="already a topic"):
        advice_topics.save_topic(
            coordinator, None, advice_topics.TopicData({"fi": "ajokortti"}, {})
        )
    with pytest.raises(PermissionDenied):
        advice_topics.save_topic(volunteer, made.id, advice_topics.TopicData({"fi": "X"}, {}))
    advice_topics.save_topic(
        coordinator, made.id, advice_topics.TopicData({"fi": "Ajokortti"}, {}, active=False)
    )
    assert made.id not in [topic.id for topic in advice_topics.topics()]


def test_merging_two_records_keeps_their_sessions_and_one_place_in_the_queue(
    users, hours, volunteer
):
    from lumijobi_desktop.core.person_merge import merge_persons

    anna, same_anna = make_persons(volunteer, "Anna Koval", "Ganna Koval")
    session = book(volunteer, hours, same_anna, at(TUESDAY, 10))
    first = advice_queue.add_to_queue(volunteer, anna.id, _wish(60), BEFORE)
    advice_queue.add_to_queue(volunteer, same_anna.id, _wish(60), BEFORE)
    merge_persons(users[Role.STAFF], anna.id, same_anna.id)
    assert AdviceSession.get_by_id(session.id).person_id == anna.id
    assert [row.id for row in advice_queue.queue_rows(volunteer)] == [first.id]
