"""The advice part of the demo (small size): the coordinator's hours, two years of sessions, notes,
follow-ups and the queue, checked against the rules of `advice_hours`, `advice`, `advice_notes`
and `advice_queue`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise

import pytest
from tests.core.demo_reading import demo_contents

from lumijobi_desktop.core import (
    advice_booking,
    advice_figures,
    advice_hours,
    advice_notes,
    advice_queue,
    advice_topics,
    demo,
    demo_advice,
    settings,
)
from lumijobi_desktop.core.advice import (
    QUEUE_HORIZON,
    TAKING_TIME,
    AdviceQueueEntry,
    AdviceSession,
    QueueStatus,
    SessionStatus,
    busy_between,
    free_starts,
    next_free_start,
)
from lumijobi_desktop.core.advice_hours import AdviceDayChange, DayChangeKind
from lumijobi_desktop.core.advice_notes import AdviceFollowUp, AdviceNote
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import Event, EventKind
from lumijobi_desktop.core.people import Person, PersonLanguage
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Purpose, Visit

TODAY = dt.date(2026, 3, 18)  # a Wednesday
NOW = dt.datetime.combine(TODAY, dt.time(9))
AHEAD = TODAY + dt.timedelta(days=demo_advice.AHEAD_DAYS)
ADVICE_TABLES = (
    "advice_hours",
    "advice_day_change",
    "advice_session",
    "advice_queue_entry",
    "advice_note",
    "advice_follow_up",
)


@pytest.fixture
def summary(store) -> demo.DemoSummary:
    return demo.generate_demo(size="small", seed=0, today=TODAY)


@pytest.fixture
def coordinator(summary) -> User:
    return User.get_by_id(summary.user_ids[Role.COORDINATOR])


@pytest.fixture
def windows(summary, coordinator) -> dict[dt.date, list[advice_hours.Window]]:
    return advice_hours.windows_between(coordinator.id, summary.first_day, AHEAD)


def _sessions() -> list[AdviceSession]:
    return list(AdviceSession.select().order_by(AdviceSession.starts_at, AdviceSession.id))


def _slots(windows, keep) -> int:
    return sum(
        len(window.slot_starts())
        for day, day_windows in windows.items()
        if keep(day)
        for window in day_windows
    )


def _free_hours(adviser_id: int, after: dt.datetime, except_entry: int) -> list[dt.datetime]:
    """Starts of a free hour from `after` on in the weeks the queue looks ahead, but for one
    offer (what those waiting want)."""
    last = after + QUEUE_HORIZON
    hour = dt.timedelta(minutes=60)
    free = []
    for day_windows in advice_hours.windows_between(adviser_id, after.date(), last.date()).values():
        for window in day_windows:
            for start in window.slot_starts():
                if start < after or not window.contains(start, start + hour):
                    continue
                if not busy_between(adviser_id, start, start + hour, except_entry=except_entry):
                    free.append(start)
    return free


def _free_half_hours(adviser_id: int) -> list[dt.datetime]:
    return [start for start, _window in free_starts(adviser_id, TODAY, AHEAD)]


def test_the_summary_counts_what_was_written(summary):
    statuses = Counter(session.status for session in _sessions())
    assert sum(statuses.values()) == summary.advice_sessions > 500
    assert statuses[SessionStatus.DONE] == summary.advice_done
    assert statuses[SessionStatus.NO_SHOW] == summary.advice_no_shows
    assert statuses[SessionStatus.CANCELLED] == summary.advice_cancelled
    assert AdviceNote.select().count() == summary.advice_notes
    assert AdviceFollowUp.select().count() == summary.follow_ups
    waiting = AdviceQueueEntry.select().where(AdviceQueueEntry.status == QueueStatus.WAITING.value)
    assert waiting.count() == summary.advice_queue


def test_the_centre_has_an_address_and_a_phone_for_the_slips(summary):
    assert settings.get(settings.CENTRE_ADDRESS) == demo.DEMO_CENTRE_ADDRESS
    assert "Lumijoki" in settings.get(settings.CENTRE_ADDRESS)
    assert settings.get(settings.CENTRE_PHONE) == demo.DEMO_CENTRE_PHONE


def test_the_coordinator_gives_advice_on_tuesdays_and_thursdays(summary, coordinator):
    assert [user.id for user in advice_hours.advisers()] == [coordinator.id]
    assert coordinator.display_name == "Oksana Melnyk"
    rules = advice_hours.weekly_hours(coordinator.id)
    assert [(rule.weekday, rule.starts, rule.ends) for rule in rules] == [
        (1, dt.time(10), dt.time(14)),
        (3, dt.time(12), dt.time(16)),
    ]
    for rule in rules:
        assert rule.slot_minutes == 30
        assert rule.place == "Neuvontahuone / Lumijobi"
        assert (rule.valid_from, rule.valid_until) == (summary.first_day, None)


def test_days_off_and_extra_times(summary, coordinator, windows):
    changes = advice_hours.day_changes(coordinator.id, summary.first_day, AHEAD + dt.timedelta(90))
    off = [change for change in changes if change.kind == DayChangeKind.OFF.value]
    extra = [change for change in changes if change.kind == DayChangeKind.EXTRA.value]
    # A summer holiday of three to four weeks each July.
    for year in (2024, 2025):
        summer = [c.day for c in off if c.note == demo_advice.SUMMER_NOTE and c.day.year == year]
        assert 5 <= len(summer) <= 8
        assert 14 <= (max(summer) - min(summer)).days <= 27
        assert all(windows[day] == [] for day in summer)
    singles = [c for c in off if c.whole_day and c.note in demo_advice.DAY_OFF_NOTES]
    assert len(singles) >= 4
    partial = [c for c in off if not c.whole_day]
    assert partial and all((c.starts, c.ends) == (dt.time(14), dt.time(16)) for c in partial)
    day = partial[0].day
    assert [(w.start.time(), w.end.time()) for w in windows[day]] == [(dt.time(12), dt.time(14))]
    assert any(c.day > TODAY for c in partial)
    # Extra times on other weekdays, one in the weeks ahead.
    assert len(extra) >= 4 and any(c.day > TODAY for c in extra)
    for change in extra:
        assert change.day.weekday() in (0, 2)
        assert [w.extra for w in windows[change.day]] == [True]


def test_the_centre_closed_for_staff_training_is_a_day_off(summary, coordinator):
    cancelled = Event.get(
        (Event.kind == EventKind.COFFEE.value) & Event.cancelled_at.is_null(False)
    )
    day = cancelled.starts_at.date()
    assert advice_hours.windows_on(coordinator.id, day) == []
    change = AdviceDayChange.get(AdviceDayChange.day == day)
    assert change.note == demo_advice.TRAINING_NOTE


def test_every_status_in_the_past_and_bookings_ahead(summary):
    sessions = _sessions()
    past = Counter(s.status for s in sessions if s.starts_at.date() < TODAY)
    ahead = Counter(s.status for s in sessions if s.starts_at.date() >= TODAY)
    assert set(past) == {SessionStatus.DONE, SessionStatus.NO_SHOW, SessionStatus.CANCELLED}
    held = sum(past.values())
    assert 0.74 <= past[SessionStatus.DONE] / held <= 0.86
    assert 0.04 <= past[SessionStatus.NO_SHOW] / held <= 0.12
    assert 0.07 <= past[SessionStatus.CANCELLED] / held <= 0.16
    assert set(ahead) == {SessionStatus.BOOKED, SessionStatus.CANCELLED}
    assert 3 <= ahead[SessionStatus.CANCELLED] <= 5
    assert max(s.starts_at.date() for s in sessions) <= AHEAD


def test_sessions_lie_in_the_hours_and_never_overlap(summary, windows):
    taking = [s for s in _sessions() if s.status in TAKING_TIME]
    for session in taking:
        assert any(
            w.contains(session.starts_at, session.ends_at)
            for w in windows[session.starts_at.date()]
        ), session.starts_at
        assert session.place == "Neuvontahuone / Lumijobi"
    for earlier, later in pairwise(taking):
        assert earlier.ends_at <= later.starts_at, later.starts_at


def test_a_cancelled_time_stays_free_unless_someone_else_was_booked_into_it(summary):
    sessions = _sessions()
    cancelled = [s for s in sessions if s.status == SessionStatus.CANCELLED]
    rebooked = 0
    for session in cancelled:
        assert session.booked_at < session.cancelled_at < session.starts_at
        assert session.visit_id is None
        others = [s for s in sessions if s.starts_at == session.starts_at and s.id != session.id]
        for other in others:
            assert other.booked_at > session.cancelled_at
            assert other.status != SessionStatus.CANCELLED
        rebooked += bool(others)
    assert 0 < rebooked < len(cancelled)


def test_the_past_is_partly_booked_and_the_weeks_ahead_mostly(summary, coordinator, windows):
    sessions = _sessions()
    past_slots = _slots(windows, lambda day: day < TODAY)
    taken = sum(
        s.minutes // 30 for s in sessions if s.starts_at.date() < TODAY and s.status in TAKING_TIME
    )
    assert 0.55 <= taken / past_slots <= 0.70
    # Ahead: booked but for single free half hours here and there (and the hour held).
    ahead_slots = _slots(windows, lambda day: day >= TODAY)
    booked = sum(s.minutes // 30 for s in sessions if s.status == SessionStatus.BOOKED)
    free = _free_half_hours(coordinator.id)
    assert len(free) >= 10
    assert 0.12 <= len(free) / ahead_slots <= 0.28
    assert booked + len(free) + 2 == ahead_slots
    # Never two side by side, not even across the edge of two windows: no free hour anywhere.
    assert all(later - earlier > dt.timedelta(minutes=30) for earlier, later in pairwise(free))
    assert free_starts(coordinator.id, TODAY, AHEAD, 60) == []
    held = AdviceQueueEntry.get(AdviceQueueEntry.offered_start.is_null(False))
    assert held.offered_start.date() > TODAY


def test_the_desk_can_book_a_free_half_hour_ahead(summary, coordinator):
    desk = User.get_by_id(summary.user_ids[Role.VOLUNTEER])
    start = next(start for start in _free_half_hours(coordinator.id) if start > NOW)
    booked = {s.person_id for s in _sessions() if s.status == SessionStatus.BOOKED}
    person = Person.select().where(Person.id.not_in(booked)).order_by(Person.id).first()
    topic = advice_topics.topics()[0]
    data = advice_booking.BookingData(coordinator.id, start, topic.id, minutes=30)
    session = advice_booking.book_session(desk, person.id, data, moment=NOW)
    assert (session.starts_at, session.status) == (start, SessionStatus.BOOKED)
    assert start not in _free_half_hours(coordinator.id)
    # An hour fits nowhere: the next half hour is booked.
    later = next(start for start in _free_half_hours(coordinator.id) if start > NOW)
    with pytest.raises(ValidationError):
        advice_booking.book_session(
            desk, person.id, advice_booking.BookingData(coordinator.id, later, topic.id, 60), NOW
        )


def test_lengths_topics_and_languages_look_like_the_coordinators_work(summary):
    sessions = _sessions()
    lengths = Counter(s.minutes for s in sessions)
    assert set(lengths) == {30, 60} and lengths[30] > 3 * lengths[60]
    topics = Counter(s.topic.key for s in sessions)
    assert [key for key, _count in topics.most_common(2)] in (
        ["kela", "residence"],
        ["residence", "kela"],
    )
    assert len(topics) == len(demo_advice.TOPICS)
    languages = Counter(s.language for s in sessions)
    assert languages.most_common(1)[0][0] == "uk"
    assert {"ru", "fi", "en"} <= set(languages)
    assert set(languages) - {"uk", "ru", "fi", "en"}  # Arabic, Somali…
    interpreted = [s for s in sessions if s.interpreter_needed]
    assert 0.08 <= len(interpreted) / len(sessions) <= 0.25
    assert all(s.interpreter_language == s.language for s in interpreted)
    assert all(s.interpreter_language == "" for s in sessions if not s.interpreter_needed)


def test_newcomers_and_ukrainians_come_back_again(summary):
    sessions = _sessions()
    ukrainian = {
        row.person_id for row in PersonLanguage.select().where(PersonLanguage.language == "uk")
    }
    newcomers = {person.id for person in Person.select().where(Person.newcomer)}
    share = sum(s.person_id in ukrainian | newcomers for s in sessions) / len(sessions)
    assert share >= 0.8
    # Of those who have been to the coordinator, most came again (the first-timers are ahead).
    per_person = Counter(s.person_id for s in sessions)
    came = {s.person_id for s in sessions if s.status == SessionStatus.DONE}
    assert sum(1 for person in came if per_person[person] >= 2) > 0.8 * len(came)


def test_each_done_session_is_an_advice_visit_at_its_start(summary):
    visits = {visit.id: visit for visit in Visit.select().where(Visit.purpose == Purpose.ADVICE)}
    for session in _sessions():
        if session.status != SessionStatus.DONE:
            assert session.visit_id is None
            continue
        visit = visits[session.visit_id]
        assert (visit.person_id, visit.visited_at) == (session.person_id, session.starts_at)
        assert visit.recorded_by_id == summary.user_ids[Role.COORDINATOR]
        assert session.visit_is_own
    # The advice visits are part of the size's visits, not more.
    assert Visit.select().count() == summary.visits == demo.SIZES["small"].visits


def test_bookings_were_made_before_by_the_desk_or_the_coordinator(summary):
    registered = {person.id: person.created_at for person in Person.select()}
    bookers = Counter()
    upcoming = Counter()
    for session in _sessions():
        assert registered[session.person_id] < session.booked_at < session.starts_at
        assert session.booked_at < NOW
        assert session.booked_at.weekday() < 5 and 9 <= session.booked_at.hour < 17
        bookers[User.get_by_id(session.booked_by_id).role] += 1
        if session.status == SessionStatus.BOOKED:
            upcoming[session.person_id] += 1
    assert set(bookers) == {role.value for role in Role}
    # Nobody holds two bookings ahead at once.
    assert max(upcoming.values()) == 1


def test_notes_are_the_coordinators_own_on_most_sessions_held(summary, coordinator):
    sessions = {s.id: s for s in _sessions()}
    noted = {note.session_id for note in AdviceNote.select()}
    done = [s for s in sessions.values() if s.status == SessionStatus.DONE]
    assert 0.5 <= sum(s.id in noted for s in done) / len(done) <= 0.7
    texts = Counter()
    for note in AdviceNote.select():
        session = sessions[note.session_id]
        assert note.written_by_id == coordinator.id
        assert session.status in (SessionStatus.DONE, SessionStatus.NO_SHOW)
        assert session.ends_at <= note.written_at < NOW
        texts[note.text] += 1
    assert len(texts) >= 40  # varied, not one template over and over
    # The notes can be read through the core as the coordinator.
    assert advice_notes.read_notes(coordinator, min(noted))


def test_follow_ups_give_the_coordinator_a_to_do_list(summary, coordinator):
    sessions = {s.id: s for s in _sessions()}
    follow_ups = list(AdviceFollowUp.select())
    done_sessions = sum(s.status == SessionStatus.DONE for s in sessions.values())
    assert 0.15 <= len(follow_ups) / done_sessions <= 0.3
    for follow_up in follow_ups:
        session = sessions[follow_up.session_id]
        assert session.status == SessionStatus.DONE
        assert follow_up.person_id == session.person_id
        assert follow_up.due > session.starts_at.date()
        assert follow_up.due.weekday() < 5 or follow_up.due == TODAY
        if follow_up.done_at is not None:
            assert follow_up.created_at < follow_up.done_at < NOW
            assert follow_up.done_by_id == coordinator.id
    past = [f for f in follow_ups if f.due < TODAY]
    assert sum(f.done_at is not None for f in past) / len(past) >= 0.9
    todo = advice_notes.todo_list(coordinator, today=TODAY)
    assert 3 <= len(todo.late) <= 5
    assert 1 <= len(todo.today) <= 2
    assert len(todo.upcoming) >= 3
    assert advice_notes.due_count(coordinator, today=TODAY) == todo.due_count


def test_the_queue_waits_and_the_first_holds_the_time_a_cancellation_freed(summary, coordinator):
    rows = advice_queue.queue_rows(coordinator)
    assert 2 <= len(rows) <= 4
    offers = advice_queue.offers_to_call(coordinator)
    assert [row.id for row in offers] == [rows[0].id]
    # Everyone waits for an hour: no single free half hour ahead fits them.
    assert [row.minutes for row in rows] == [60] * len(rows)
    assert all(row.wishes for row in rows)
    offer = offers[0]
    start = offer.offered_start
    end = start + dt.timedelta(minutes=offer.minutes)
    assert offer.offered_adviser_id == coordinator.id and start > NOW
    # Inside the hours and free: the cancelled booking was the only one there.
    assert any(
        w.contains(start, end) for w in advice_hours.windows_on(coordinator.id, start.date())
    )
    assert [item.entry_id for item in busy_between(coordinator.id, start, end)] == [offer.id]
    freed = AdviceSession.get(
        (AdviceSession.starts_at == start) & (AdviceSession.status == SessionStatus.CANCELLED)
    )
    assert freed.minutes == 60
    entry = AdviceQueueEntry.get_by_id(offer.id)
    assert entry.added_at < freed.cancelled_at == entry.offered_at < NOW
    # The freed hour lies between bookings (or the hours' edge), so it is exactly one hour.
    half = dt.timedelta(minutes=30)
    for side in (start - half, end):
        inside = any(
            w.contains(side, side + half)
            for w in advice_hours.windows_on(coordinator.id, start.date())
        )
        assert not inside or busy_between(coordinator.id, side, side + half)
    # As the queue's rules would have it: since the first came, no hour was free until this one
    # freed (so nobody was offered another), and none is free for the others now.
    assert _free_hours(coordinator.id, entry.added_at, entry.id) == [start]
    assert _free_hours(coordinator.id, freed.cancelled_at, entry.id)[0] == start
    for row in rows[1:]:
        assert row.offered_start is None
        assert next_free_start(coordinator.id, row.minutes, NOW) is None
    waiting = {row.person_id for row in rows}
    booked = {s.person_id for s in _sessions() if s.status == SessionStatus.BOOKED}
    assert not waiting & booked


def test_some_freed_times_went_to_people_from_the_queue(summary):
    taken = AdviceQueueEntry.select().where(AdviceQueueEntry.status == QueueStatus.BOOKED.value)
    assert taken.count() >= 3
    for entry in taken:
        session = AdviceSession.get_by_id(entry.session_id)
        assert session.person_id == entry.person_id
        assert entry.added_at < session.booked_at
        assert entry.offered_start is None


def test_the_figures_count_the_sessions_held(summary, coordinator):
    figures = advice_figures.advice_figures(coordinator, summary.first_day, TODAY)
    assert figures.held == summary.advice_done
    assert figures.no_shows == summary.advice_no_shows
    assert figures.with_interpreter > 0
    assert 0.04 < figures.no_show_share < 0.15


def test_same_seed_and_day_give_identical_advice(tmp_path):
    first = demo_contents(tmp_path / "first", 5, TODAY, ADVICE_TABLES)
    second = demo_contents(tmp_path / "second", 5, TODAY, ADVICE_TABLES)
    assert first == second
    other = demo_contents(tmp_path / "other", 6, TODAY, ADVICE_TABLES)
    assert first["advice_session"] != other["advice_session"]


@pytest.mark.parametrize("today", [dt.date(2026, 7, 21), dt.date(2026, 12, 29)])
def test_the_to_do_list_and_the_queue_whatever_the_day(store, today):
    """Today in the summer holiday or between Christmas and New Year: still every group."""
    summary = demo.generate_demo(size="small", seed=2, today=today)
    coordinator = User.get_by_id(summary.user_ids[Role.COORDINATOR])
    todo = advice_notes.todo_list(coordinator, today=today)
    assert todo.late and todo.today and todo.upcoming
    rows = advice_queue.queue_rows(coordinator)
    assert 2 <= len(rows) <= 4
    assert [row.offered_start is not None for row in rows] == [True] + [False] * (len(rows) - 1)
    assert [row.minutes for row in rows] == [60] * len(rows)
    now = dt.datetime.combine(today, dt.time(9))
    for row in rows[1:]:
        assert next_free_start(coordinator.id, row.minutes, now) is None
    # The desk still finds half hours ahead.
    last = today + dt.timedelta(days=demo_advice.AHEAD_DAYS)
    assert len(free_starts(coordinator.id, today, last)) >= 10
    assert free_starts(coordinator.id, today, last, 60) == []


def test_only_a_database_without_advice_data_gets_the_demo(admin):
    demo_advice.require_empty()
    advice_hours.add_day_off(admin, admin.id, TODAY)
    with pytest.raises(ValidationError):
        demo_advice.require_empty()
