"""The events part of the demo (small size): the Tuesday coffee meeting, community events with
partners, sign-ups with waiting lists, and who came, checked against the rules of
`events`, `registrations` and `tallies`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from tests.core.demo_reading import demo_contents

from lumijobi_desktop.core import demo, demo_events, events, registrations, tallies
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import Event, EventKind, EventPartner, EventSeries
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.partners import Partner, PartnerKind, partner_rows
from lumijobi_desktop.core.registrations import Registration, RegistrationStatus
from lumijobi_desktop.core.tallies import EventTally
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Purpose

TODAY = dt.date(2026, 3, 18)
MORNING = dt.datetime.combine(TODAY, dt.time(8))
EVENT_TABLES = ("partner", "event_series", "event", "event_partner", "registration", "event_tally")


@pytest.fixture
def summary(store) -> demo.DemoSummary:
    return demo.generate_demo(size="small", seed=0, today=TODAY)


@pytest.fixture
def demo_admin(summary) -> User:
    return User.get_by_id(summary.admin_id)


def _coffee() -> list[Event]:
    return list(
        Event.select().where(Event.kind == EventKind.COFFEE.value).order_by(Event.series_date)
    )


def _community() -> list[Event]:
    return list(
        Event.select().where(Event.kind != EventKind.COFFEE.value).order_by(Event.starts_at)
    )


def _generate_in(folder, seed: int) -> dict[str, list[tuple]]:
    return demo_contents(folder, seed, TODAY, EVENT_TABLES)


def test_the_summary_counts_what_was_written(summary):
    assert Event.select().count() == summary.events
    assert len(_coffee()) == summary.coffee_meetings
    assert len(_community()) == summary.community_events == demo_events.COMMUNITY_EVENTS["small"]
    assert Registration.select().count() == summary.registrations
    assert EventTally.select().count() == summary.tallies
    waiting = Registration.select().where(Registration.status == RegistrationStatus.WAITING.value)
    assert waiting.count() == summary.waiting > 0
    assert Partner.select().count() == summary.partners


def test_tuesday_coffee_covers_two_years_and_the_weeks_ahead_except_holidays(summary):
    series = EventSeries.get()
    meetings = _coffee()
    assert all(meeting.series_id == series.id for meeting in meetings)
    assert (series.weekday, series.starts, series.ends) == (1, dt.time(10), dt.time(12))
    first, last = meetings[0].series_date, meetings[-1].series_date
    assert first - summary.first_day < dt.timedelta(days=14)  # the first Tuesday may be closed
    assert dt.timedelta(days=49) <= last - TODAY <= dt.timedelta(days=56)
    closed = holidays_between(first, last)
    tuesdays = [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    assert [m.series_date for m in meetings] == [day for day in tuesdays if day not in closed]
    assert any(day in closed for day in tuesdays)  # Christmas or Independence Day on a Tuesday
    meeting = meetings[0]
    assert (meeting.title, meeting.title_uk, meeting.title_en) == (
        "Tiistaikahvit",
        "Вівторкова кава",
        "Tuesday coffee",
    )
    assert meeting.language_codes == ["fi", "uk"]
    assert meeting.place == "Help Center Lumijobi, Ratakatu 3"
    assert not meeting.signup_required


def test_one_coffee_meeting_is_moved_and_one_cancelled_ahead(summary):
    meetings = _coffee()
    moved = [m for m in meetings if m.is_moved]
    assert len(moved) == 1
    assert moved[0].series_date.weekday() == 1 and moved[0].starts_at.weekday() == 2
    assert moved[0].series_date > TODAY
    cancelled = [m for m in meetings if m.cancelled]
    assert len(cancelled) == 1
    assert cancelled[0].cancel_reason and cancelled[0].starts_at.date() > TODAY


def test_past_coffee_meetings_have_a_headcount(summary, demo_admin):
    for meeting in _coffee():
        counts = tallies.counts_of(demo_admin, meeting.id)
        if meeting.starts_at.date() >= TODAY:
            assert counts.people == 0
            continue
        assert counts.checked() == counts  # by language never more than came
        assert 10 <= counts.adults <= 30 and 0 <= counts.children <= 8
        assert counts.ukrainian_speaking > 0 and counts.finnish_speaking > 0
        named = meeting.registrations.count()
        assert named <= counts.people
    year = tallies.tallied_between(demo_admin, TODAY - dt.timedelta(days=365), TODAY)
    assert year.people > 50 * 15


def test_coffee_regulars_are_ticked_on_the_visit_the_desk_recorded(summary):
    named = list(Registration.select().join(Event).where(Event.kind == EventKind.COFFEE.value))
    assert len(named) > 100
    for registration in named:
        visit = registration.visit
        assert registration.walk_in and registration.attended
        assert not registration.visit_is_own  # the desk's check-in, not a second visit
        assert visit.purpose == Purpose.COFFEE
        assert visit.person_id == registration.person_id
        assert visit.visited_at.date() == registration.event.starts_at.date()


def test_attendance_at_community_events_is_a_visit_on_the_day(summary):
    ticked = list(
        Registration.select()
        .join(Event)
        .where(Registration.attended & (Event.kind != EventKind.COFFEE.value))
    )
    assert len(ticked) > 150
    assert any(r.walk_in for r in ticked) and any(not r.walk_in for r in ticked)
    assert any(r.person_id is None for r in ticked)  # anonymous walk-ins too
    for registration in ticked:
        visit = registration.visit
        event = registration.event
        assert registration.visit_is_own
        assert visit.purpose == Purpose.EVENT
        assert visit.person_id == registration.person_id
        assert visit.visited_at.date() == event.starts_at.date() < TODAY
        assert registration.status == RegistrationStatus.SIGNED_UP.value
    # Most of those who signed up for a past event came.
    signed = (
        Registration.select()
        .join(Event)
        .where(
            (Event.kind != EventKind.COFFEE.value)
            & (Event.starts_at < MORNING)
            & (Registration.status == RegistrationStatus.SIGNED_UP.value)
            & ~Registration.walk_in
        )
    )
    came = sum(1 for r in signed if r.attended)
    assert 0.75 < came / signed.count() < 0.97
    # Nobody is ticked before the event or at one still to come.
    ahead = Registration.select().join(Event).where(Event.starts_at > MORNING)
    assert not any(r.attended for r in ahead)


def test_full_events_queue_in_order_and_freed_places_go_to_the_first(summary, demo_admin):
    full = 0
    promoted = 0
    for event in _community():
        rows = registrations.registration_rows(demo_admin, event.id, with_cancelled=True)
        places = [r for r in rows if r.status == RegistrationStatus.SIGNED_UP.value]
        queue = [r for r in rows if r.status == RegistrationStatus.WAITING.value]
        if event.capacity is None:
            assert not queue and all(r.walk_in for r in rows)
            continue
        assert sum(r.people for r in places) <= event.capacity
        assert [r.queue_position for r in queue] == list(range(1, len(queue) + 1))
        assert [r.queued_at for r in queue] == sorted(r.queued_at for r in queue)
        full += bool(queue)
        for row in rows:
            registration = Registration.get_by_id(row.registration_id)
            assert registration.queued_at < event.starts_at or registration.walk_in
            if registration.offered_at is None:
                continue
            promoted += 1
            if row.status == RegistrationStatus.CANCELLED.value:
                # Got a place, then could not come after all.
                assert registration.cancelled_at > registration.offered_at
            else:
                assert row.status == RegistrationStatus.SIGNED_UP.value
            # It came from the queue: before anyone still waiting, and after a cancellation.
            assert all(registration.queued_at < other.queued_at for other in queue)
            assert any(
                r.cancelled_at == registration.offered_at
                for r in Registration.select().where(Registration.event == event.id)
            )
    assert full >= 3
    assert promoted >= 3


def test_the_desk_has_people_to_call_about_a_freed_place(summary, demo_admin):
    to_call = registrations.places_to_call(demo_admin, MORNING)
    assert len(to_call) >= 2
    assert all(place.starts_at > MORNING and place.person_name for place in to_call)
    assert len({place.event_id for place in to_call}) >= 1
    # Promotions of past events were all phoned.
    past = (
        Registration.select()
        .join(Event)
        .where(Registration.offered_at.is_null(False) & (Event.starts_at < MORNING))
    )
    assert all(r.called_at is not None for r in past)


def test_community_events_look_like_the_centres(summary, demo_admin):
    community = _community()
    titles = Counter(event.title for event in community)
    assert len(titles) >= 8
    assert all(event.title_uk and event.title_en for event in community)
    assert {event.kind for event in community} >= {"community", "training", "trip"}
    with_signup = [event for event in community if event.signup_required]
    assert len(with_signup) > len(community) / 2
    assert all(event.capacity for event in with_signup)
    assert all(EventPartner.select().where(EventPartner.event == e.id).exists() for e in community)
    upcoming = events.upcoming_events(demo_admin, MORNING, days=21, limit=50)
    assert any(row.kind != EventKind.COFFEE.value for row in upcoming)
    cancelled = [event for event in community if event.cancelled]
    assert len(cancelled) == 1 and cancelled[0].starts_at > MORNING
    assert registrations.active_count(cancelled[0].id) > 0  # people to tell
    # Opening days only; none on a public holiday.
    closed = holidays_between(summary.first_day, TODAY + dt.timedelta(days=60))
    assert all(e.starts_at.weekday() < 5 and e.starts_at.date() not in closed for e in community)


def test_partners_have_contact_details_and_cover_every_kind(summary, demo_admin):
    partners = list(Partner.select())
    assert {PartnerKind(p.kind) for p in partners} == set(PartnerKind)
    assert all(p.contact_person and p.phone and p.notes for p in partners)
    assert sum(bool(p.email) for p in partners) >= len(partners) - 2
    names = {p.name for p in partners}
    assert {"Lumijoen Kyläyhdistys", "Oulun seudun SPR", "Lumijoen 4H-yhdistys"} <= names
    rows = {row.name: row for row in partner_rows(demo_admin)}
    assert rows["Lumijoen 4H-yhdistys"].events > 0
    assert rows["Lumijoen 4H-yhdistys"].donations > 0
    assert rows["Oulun seudun SPR"].events > 0


def test_same_seed_gives_the_same_events(tmp_path):
    first = _generate_in(tmp_path / "first", seed=5)
    second = _generate_in(tmp_path / "second", seed=5)
    assert first == second
    other = _generate_in(tmp_path / "other", seed=6)
    assert first["event"] != other["event"]
    assert first["registration"] != other["registration"]


def test_a_database_with_events_is_left_alone(store, admin):
    start = dt.datetime(2026, 5, 5, 10)
    events.create_event(
        admin, events.EventData(title="Kevätjuhla", starts_at=start, ends_at=start.replace(hour=12))
    )
    with pytest.raises(ValidationError):
        demo_events.require_empty()
