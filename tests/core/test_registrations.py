"""Sign-ups, the waiting list in order, places offered to the waiting, attendance as visits."""

import datetime as dt

import pytest
from tests.core.events_fixtures import BEFORE, START, make_event, make_persons

from lumijobi_desktop.core import events, registrations, visits
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.registrations import Registration, RegistrationStatus
from lumijobi_desktop.core.visits import Purpose, Visit


def _sign(actor, event, person, adults=1, children=0):
    return registrations.sign_up(actor, event.id, person.id, adults, children, at=BEFORE)


def _statuses(actor, event):
    return [
        (row.name, row.status, row.queue_position)
        for row in registrations.registration_rows(actor, event.id)
    ]


def test_a_full_event_puts_further_sign_ups_on_the_waiting_list_in_order(admin):
    event = make_event(admin, capacity=4)
    aino, olena, pekka, iryna = make_persons(
        admin, "Aino Mäkinen", "Olena Kovalenko", "Pekka Virtanen", "Iryna Shevchenko"
    )
    _sign(admin, event, aino, adults=2, children=1)
    _sign(admin, event, olena, adults=2)  # 5 > 4: waits
    _sign(admin, event, pekka)  # would fit, but nobody jumps the queue
    _sign(admin, event, iryna)
    assert _statuses(admin, event) == [
        ("Aino Mäkinen", "signed_up", None),
        ("Olena Kovalenko", "waiting", 1),
        ("Pekka Virtanen", "waiting", 2),
        ("Iryna Shevchenko", "waiting", 3),
    ]


def test_cancelling_offers_the_place_to_the_first_waiting_and_the_desk_is_told(admin):
    event = make_event(admin, capacity=3)
    aino, olena, pekka, iryna = make_persons(
        admin, "Aino Mäkinen", "Olena Kovalenko", "Pekka Virtanen", "Iryna Shevchenko"
    )
    first = _sign(admin, event, aino, adults=2)
    _sign(admin, event, olena)
    _sign(admin, event, pekka, adults=2)
    _sign(admin, event, iryna)
    promoted = registrations.cancel_registration(admin, first.id)
    # Two places free: Pekka's party of two is first in line and fits; Iryna still waits.
    assert [row.person.full_name for row in promoted] == ["Pekka Virtanen"]
    assert _statuses(admin, event) == [
        ("Olena Kovalenko", "signed_up", None),
        ("Pekka Virtanen", "signed_up", None),
        ("Iryna Shevchenko", "waiting", 1),
    ]
    to_call = registrations.places_to_call(admin, BEFORE)
    assert [(row.person_name, row.event_title, row.people) for row in to_call] == [
        ("Pekka Virtanen", "Joulujuhla", 2)
    ]
    registrations.mark_called(admin, to_call[0].registration_id)
    assert registrations.places_to_call(admin, BEFORE) == []


def test_the_first_in_line_who_does_not_fit_stops_the_line(admin):
    event = make_event(admin, capacity=2)
    aino, olena, pekka = make_persons(admin, "Aino A", "Olena O", "Pekka P")
    first = _sign(admin, event, aino)
    _sign(admin, event, olena, adults=2, children=1)
    _sign(admin, event, pekka)
    assert registrations.cancel_registration(admin, first.id) == []
    assert [row.status for row in registrations.registration_rows(admin, event.id)] == [
        "waiting",
        "waiting",
    ]


def test_raising_the_capacity_lets_the_waiting_in(admin):
    event = make_event(admin, capacity=1)
    aino, olena = make_persons(admin, "Aino A", "Olena O")
    _sign(admin, event, aino)
    _sign(admin, event, olena)
    data = events.data_of(event)
    data.capacity = 5
    events.update_event(admin, event.id, data)
    assert Registration.get(Registration.person == olena.id).status == "signed_up"


def test_bad_sign_ups_are_refused_and_change_nothing(admin):
    event = make_event(admin, capacity=10)
    (aino,) = make_persons(admin, "Aino A")
    with pytest.raises(ValidationError, match="negative"):
        _sign(admin, event, aino, adults=-1, children=2)
    with pytest.raises(ValidationError, match="at least one"):
        _sign(admin, event, aino, adults=0, children=0)
    _sign(admin, event, aino)
    with pytest.raises(ValidationError, match="already signed up"):
        _sign(admin, event, aino)
    events.cancel_event(admin, event.id, "Sairastapaus")
    (olena,) = make_persons(admin, "Olena O")
    with pytest.raises(ValidationError, match="cancelled"):
        _sign(admin, event, olena)
    assert Registration.select().count() == 1


def test_capacity_below_the_people_signed_up_is_refused(admin):
    event = make_event(admin, capacity=10)
    (aino,) = make_persons(admin, "Aino A")
    _sign(admin, event, aino, adults=2, children=3)
    data = events.data_of(event)
    data.capacity = 4
    with pytest.raises(ValidationError, match="5 people are already signed up"):
        events.update_event(admin, event.id, data)
    assert events.get_event(admin, event.id).capacity == 10


def test_a_bigger_party_must_still_fit(admin):
    event = make_event(admin, capacity=3)
    aino, olena = make_persons(admin, "Aino A", "Olena O")
    first = _sign(admin, event, aino)
    _sign(admin, event, olena)
    with pytest.raises(ValidationError, match="Only 2 places"):
        registrations.change_party(admin, first.id, 2, 1)
    registrations.change_party(admin, first.id, 2, 0)
    assert Registration.get_by_id(first.id).people == 2


def test_ticking_at_the_door_records_a_visit_and_unticking_takes_it_back(admin):
    event = make_event(admin)
    (aino,) = make_persons(admin, "Aino Mäkinen")
    registration = _sign(admin, event, aino)
    at_the_door = START + dt.timedelta(minutes=5)
    registrations.set_attended(admin, registration.id, True, at_the_door)
    day = visits.visits_on(admin, START.date())
    assert [(v.person_name, v.purpose, v.visited_at) for v in day] == [
        ("Aino Mäkinen", Purpose.EVENT, at_the_door)
    ]
    registrations.set_attended(admin, registration.id, False, at_the_door)
    assert visits.visits_on(admin, START.date()) == []


def test_a_coffee_meeting_visit_is_not_counted_twice(admin):
    meeting = make_event(admin, kind="coffee", title="Tiistaikahvit")
    (olena,) = make_persons(admin, "Olena Kovalenko")
    desk_visit = visits.check_in(admin, olena.id, "coffee", at=START)
    registration = registrations.add_walk_in(admin, meeting.id, olena.id, moment=START)
    assert registration.visit_id == desk_visit.id
    assert Visit.select().count() == 1
    registrations.set_attended(admin, registration.id, False, START)
    assert Visit.select().count() == 1  # the desk's own check-in stays


def test_a_paper_typed_in_later_dates_the_visits_to_the_event(admin):
    event = make_event(admin)
    (aino,) = make_persons(admin, "Aino A")
    registrations.add_walk_in(admin, event.id, aino.id, moment=START + dt.timedelta(days=3))
    assert [v.visited_at for v in visits.visits_on(admin, START.date())] == [START]


def test_anonymous_walk_ins_count_their_party(admin):
    event = make_event(admin)
    registrations.add_walk_in(admin, event.id, None, adults=2, children=1, moment=START)
    (row,) = events.events_between(admin, START.date(), START.date())
    assert (row.attended, row.signed_up) == (3, 3)
    assert [v.person_id for v in visits.visits_on(admin, START.date())] == [None]


def test_a_card_scanned_at_the_door_ticks_a_signed_up_person(admin):
    event = make_event(admin)
    aino, olena = make_persons(admin, "Aino A", "Olena O")
    registration = _sign(admin, event, aino)
    ticked = registrations.attend_by_card(admin, event.id, aino.card_code.lower(), START)
    assert ticked.id == registration.id and ticked.attended
    walk_in = registrations.attend_by_card(admin, event.id, olena.card_code, START)
    assert walk_in.walk_in and walk_in.attended
    assert Registration.select().count() == 2


def test_someone_from_the_waiting_list_let_in_at_the_door_gets_a_place(admin):
    event = make_event(admin, capacity=1)
    aino, olena = make_persons(admin, "Aino A", "Olena O")
    _sign(admin, event, aino)
    waiting = _sign(admin, event, olena)
    registrations.set_attended(admin, waiting.id, True, START)
    assert Registration.get_by_id(waiting.id).status == RegistrationStatus.SIGNED_UP


def test_a_volunteer_takes_sign_ups_but_cannot_plan_events(users, admin):
    from lumijobi_desktop.core.permissions import Role

    volunteer = users[Role.VOLUNTEER]
    event = make_event(admin, capacity=5)
    (aino,) = make_persons(admin, "Aino A")
    registrations.sign_up(volunteer, event.id, aino.id, at=BEFORE)
    with pytest.raises(PermissionDenied):
        events.cancel_event(volunteer, event.id)
    with pytest.raises(PermissionDenied):
        make_event(volunteer)


def test_erasing_a_person_keeps_the_party_counted(admin):
    from lumijobi_desktop.core import privacy

    event = make_event(admin)
    (aino,) = make_persons(admin, "Aino A")
    registrations.add_walk_in(admin, event.id, aino.id, adults=1, children=2, moment=START)
    privacy.erase_person(admin, aino.id)
    (row,) = events.events_between(admin, START.date(), START.date())
    assert row.attended == 3


def test_merging_persons_moves_their_sign_ups(admin):
    from lumijobi_desktop.core import person_merge

    first, second = make_event(admin), make_event(admin, title="Kerho")
    keep, remove = make_persons(admin, "Olena Kovalenko", "Olena Kovalenko")
    _sign(admin, first, keep)
    _sign(admin, first, remove)  # the same person twice: one goes
    _sign(admin, second, remove)
    person_merge.merge_persons(admin, keep.id, remove.id)
    mine = registrations.events_of_person(admin, keep.id)
    assert sorted((row.title, row.status) for row in mine) == [
        ("Joulujuhla", "cancelled"),
        ("Joulujuhla", "signed_up"),
        ("Kerho", "signed_up"),
    ]


def test_a_quick_added_visitor_is_registered_with_the_sign_up_or_not_at_all(admin):
    from lumijobi_desktop.core.people import Person, PersonData

    event = make_event(admin, capacity=5)
    new = PersonData(first_name="Iryna", last_name="Shevchenko", phone="040 555 0101", consent=True)
    registration = registrations.sign_up(admin, event.id, new, adults=1, children=2, at=BEFORE)
    assert registration.person.full_name == "Iryna Shevchenko"
    events.cancel_event(admin, event.id)
    other = PersonData(first_name="Pekka", consent=True)
    with pytest.raises(ValidationError, match="cancelled"):
        registrations.sign_up(admin, event.id, other, at=BEFORE)
    assert [p.first_name for p in Person.select()] == ["Iryna"]
