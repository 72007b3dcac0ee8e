"""Confidential notes, follow-ups and history: who may read them, and that reads are audited."""

import dataclasses
import datetime as dt
import inspect

import peewee as pw
import pytest
from tests.core.advice_fixtures import BEFORE, TUESDAY, at, book, booking, topic_id, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import (
    advice,
    advice_booking,
    advice_figures,
    advice_hours,
    advice_notes,
    advice_queue,
    advice_topics,
    privacy,
)
from lumijobi_desktop.core.advice import AdviceSession, SessionStatus
from lumijobi_desktop.core.advice_notes import AdviceFollowUp, AdviceNote
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import LumijobiError, PermissionDenied, ValidationError
from lumijobi_desktop.core.people import Person
from lumijobi_desktop.core.permissions import Role

SECRET_NOTE = "Kela hylkäsi asumistuen, valitus tehty"
SECRET_TASK = "Soita kun Kelan päätös tulee"


@pytest.fixture
def coordinator(users):
    usual_hours(users[Role.COORDINATOR], users[Role.COORDINATOR])
    return users[Role.COORDINATOR]


@pytest.fixture
def advised(coordinator, volunteer):
    """A held session with a note and a follow-up."""
    [anna] = make_persons(volunteer, "Anna Koval")
    session = book(volunteer, coordinator, anna, at(TUESDAY, 10))
    advice_booking.set_status(coordinator, session.id, SessionStatus.DONE, at(TUESDAY, 10, 30))
    note_id = advice_notes.add_note(coordinator, session.id, SECRET_NOTE)
    follow_up_id = advice_notes.add_follow_up(
        coordinator, anna.id, SECRET_TASK, TUESDAY + dt.timedelta(days=14), session.id
    )
    return session, note_id, follow_up_id


def _reads(entity: str) -> list[AuditEntry]:
    return list(
        AuditEntry.select()
        .where((AuditEntry.action == "read") & (AuditEntry.entity == entity))
        .order_by(AuditEntry.id)
    )


def test_the_coordinator_writes_and_reads_notes_and_each_read_is_audited(advised, coordinator):
    session, _note_id, _follow_up = advised
    for expected_reads in (1, 2):
        [note] = advice_notes.read_notes(coordinator, session.id)
        assert note.text == SECRET_NOTE and note.written_by == "Kaisa Coordinator"
        reads = _reads("advice_note")
        assert len(reads) == expected_reads
        assert (reads[-1].user_id, reads[-1].entity_id) == (coordinator.id, session.id)


def test_an_admin_reads_notes_too_and_is_audited(advised, admin):
    session, _note_id, _follow_up = advised
    assert [note.text for note in advice_notes.read_notes(admin, session.id)] == [SECRET_NOTE]
    assert [entry.user_id for entry in _reads("advice_note")] == [admin.id]


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.STAFF])
def test_desk_and_staff_cannot_read_notes_follow_ups_or_history(advised, users, role):
    session, note_id, follow_up_id = advised
    actor = users[role]
    calls = [
        lambda: advice_notes.read_notes(actor, session.id),
        lambda: advice_notes.add_note(actor, session.id, "x"),
        lambda: advice_notes.change_note(actor, note_id, "x"),
        lambda: advice_notes.delete_note(actor, note_id),
        lambda: advice_notes.todo_list(actor, TUESDAY),
        lambda: advice_notes.due_count(actor, TUESDAY),
        lambda: advice_notes.person_history(actor, session.person_id),
        lambda: advice_notes.note_counts(actor, [session.id]),
        lambda: advice_notes.add_follow_up(actor, session.person_id, "x", TUESDAY),
        lambda: advice_notes.change_follow_up(actor, follow_up_id, "x", TUESDAY),
        lambda: advice_notes.set_follow_up_done(actor, follow_up_id, True),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert [note.text for note in AdviceNote.select()] == [SECRET_NOTE]
    assert AdviceFollowUp.get_by_id(follow_up_id).done_at is None
    assert _reads("advice_note") == []


# Every public call of the advice modules that takes an actor, with arguments to try.
def _arguments(session, person_id, entry_id, note_id, follow_up_id, adviser_id):
    day = TUESDAY
    return {
        "advice.get_session": (session.id,),
        "advice.session_row": (session.id,),
        "advice.sessions_between": (day, day + dt.timedelta(days=30)),
        "advice.upcoming_sessions_of": (person_id, BEFORE),
        "advice.day_plans": (adviser_id, day, day + dt.timedelta(days=6)),
        "advice_booking.book_session": (person_id, booking(_Adviser(adviser_id), at(day, 13))),
        "advice_booking.accept_offer": (entry_id, BEFORE),
        "advice_booking.change_session": (session.id, booking(_Adviser(adviser_id), at(day, 10))),
        "advice_booking.cancel_session": (session.id, BEFORE),
        "advice_booking.set_status": (session.id, SessionStatus.DONE, at(day, 11)),
        "advice_queue.add_to_queue": (person_id, advice_queue.WishData(topic_id())),
        "advice_queue.get_entry": (entry_id,),
        "advice_queue.remove_from_queue": (entry_id, BEFORE),
        "advice_queue.decline_offer": (entry_id, BEFORE),
        "advice_queue.offer_free_times": (BEFORE,),
        "advice_queue.queue_rows": (),
        "advice_queue.offers_to_call": (),
        "advice_hours.add_weekly_hours": (
            adviser_id,
            advice_hours.HoursData(0, dt.time(9), dt.time(10), valid_from=day),
        ),
        "advice_hours.end_weekly_hours": (advice_hours.weekly_hours(adviser_id)[0].id, day),
        "advice_hours.add_day_off": (adviser_id, day),
        "advice_hours.add_extra_hours": (adviser_id, day, dt.time(8), dt.time(9)),
        "advice_hours.remove_day_change": (1,),
        "advice_topics.save_topic": (None, advice_topics.TopicData({"fi": "Uusi"}, {})),
        "advice_figures.advice_figures": (day, day + dt.timedelta(days=30)),
        "advice_notes.read_notes": (session.id,),
        "advice_notes.add_note": (session.id, "x"),
        "advice_notes.change_note": (note_id, "x"),
        "advice_notes.delete_note": (note_id,),
        "advice_notes.add_follow_up": (person_id, "x", day),
        "advice_notes.change_follow_up": (follow_up_id, "x", day),
        "advice_notes.set_follow_up_done": (follow_up_id, True),
        "advice_notes.todo_list": (day,),
        "advice_notes.due_count": (day,),
        "advice_notes.person_history": (person_id,),
        "advice_notes.note_counts": ([session.id],),
    }


@dataclasses.dataclass
class _Adviser:
    id: int


ADVICE_MODULES = (
    advice,
    advice_booking,
    advice_queue,
    advice_hours,
    advice_topics,
    advice_figures,
    advice_notes,
)


def _calls_with_an_actor() -> set[str]:
    names = set()
    for module in ADVICE_MODULES:
        for name, function in vars(module).items():
            if (
                inspect.isfunction(function)
                and function.__module__ == module.__name__
                and not name.startswith("_")
                and "actor" in inspect.signature(function).parameters
            ):
                names.add(f"{module.__name__.rsplit('.', 1)[1]}.{name}")
    return names


def _everything_in(value, seen=None) -> str:
    """The text of a result and of everything it holds (rows, lists, dataclasses, models)."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return ""
    seen.add(id(value))
    if isinstance(value, pw.Model):
        parts = [repr(v) for v in value.__data__.values()]
        parts += [_everything_in(v, seen) for v in value.__rel__.values()]
        return " ".join(parts)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " ".join(
            _everything_in(getattr(value, f.name), seen) for f in dataclasses.fields(value)
        )
    if isinstance(value, dict):
        return " ".join(_everything_in(k, seen) + _everything_in(v, seen) for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return " ".join(_everything_in(item, seen) for item in value)
    return repr(value)


def test_a_volunteer_cannot_read_notes_by_any_call(advised, coordinator, volunteer):
    session, note_id, follow_up_id = advised
    [bohdan] = make_persons(volunteer, "Bohdan Shevchenko")
    entry = advice_queue.add_to_queue(volunteer, bohdan.id, advice_queue.WishData(topic_id()))
    arguments = _arguments(
        session, session.person_id, entry.id, note_id, follow_up_id, coordinator.id
    )
    # A new public call must be listed here, so it is tried too.
    assert set(arguments) == _calls_with_an_actor()

    for name, args in arguments.items():
        module_name, function_name = name.split(".")
        function = getattr(globals()[module_name], function_name)
        try:
            result = function(volunteer, *args)
        except LumijobiError:  # refused, or gone after an earlier call in this loop
            continue
        text = _everything_in(result)
        assert SECRET_NOTE not in text and SECRET_TASK not in text, name
    assert _reads("advice_note") == []
    assert [note.text for note in AdviceNote.select()] == [SECRET_NOTE]
    # A session or person object cannot reach its notes: nothing links back to them.
    for model in (AdviceSession, Person):
        assert not any(
            isinstance(attr, pw.BackrefAccessor) and attr.rel_model in (AdviceNote, AdviceFollowUp)
            for attr in vars(model).values()
        )


def test_the_audit_log_says_a_note_changed_never_what_it_says(advised, coordinator):
    session, note_id, follow_up_id = advised
    advice_notes.change_note(coordinator, note_id, SECRET_NOTE + ", soitettu")
    advice_notes.change_follow_up(coordinator, follow_up_id, SECRET_TASK + "!", TUESDAY)
    advice_notes.read_notes(coordinator, session.id)
    advice_notes.delete_note(coordinator, note_id)
    entries = list(AuditEntry.select().where(AuditEntry.entity.startswith("advice_")))
    assert {entry.action for entry in entries if entry.entity == "advice_note"} == {
        "create",
        "update",
        "read",
        "delete",
    }
    for entry in entries:
        assert "Kela" not in (entry.before or "") + (entry.after or "")


def test_only_the_writer_changes_a_note(advised, admin):
    _session, note_id, _follow_up = advised
    with pytest.raises(PermissionDenied, match="Only the person who wrote"):
        advice_notes.change_note(admin, note_id, "muutettu")
    assert AdviceNote.get_by_id(note_id).text == SECRET_NOTE


def test_an_empty_note_is_refused(advised, coordinator):
    session, _note_id, _follow_up = advised
    with pytest.raises(ValidationError, match="Write the note"):
        advice_notes.add_note(coordinator, session.id, "  \n ")
    assert AdviceNote.select().count() == 1


def test_the_to_do_list_shows_late_due_and_upcoming_follow_ups(advised, coordinator):
    session, _note_id, follow_up_id = advised
    person_id = session.person_id
    today = dt.date(2026, 12, 10)
    late = advice_notes.add_follow_up(coordinator, person_id, "Myöhässä", today - dt.timedelta(1))
    due = advice_notes.add_follow_up(coordinator, person_id, "Tänään", today)
    far = advice_notes.add_follow_up(
        coordinator, person_id, "Ensi kuussa", today + dt.timedelta(40)
    )
    todo = advice_notes.todo_list(coordinator, today)
    assert [row.id for row in todo.late] == [late]
    assert [row.id for row in todo.today] == [due]
    assert [row.id for row in todo.upcoming] == [follow_up_id]
    assert far not in [row.id for row in todo.upcoming]
    assert todo.late[0].person_name == "Anna Koval"
    assert advice_notes.due_count(coordinator, today) == 2
    assert len(_reads("advice_follow_up")) == 1

    advice_notes.set_follow_up_done(coordinator, late, True)
    assert advice_notes.todo_list(coordinator, today).late == []
    with pytest.raises(ValidationError, match="due"):
        advice_notes.add_follow_up(coordinator, person_id, "Ilman päivää", None)


def test_a_persons_history_lists_topics_and_dates_newest_first(advised, coordinator, volunteer):
    session, _note_id, _follow_up = advised
    anna = Person.get_by_id(session.person_id)
    later = book(
        volunteer,
        coordinator,
        anna,
        at(TUESDAY + dt.timedelta(days=7), 10),
        topic_id=topic_id("housing"),
    )
    history = advice_notes.person_history(coordinator, anna.id)
    assert [(row.session_id, row.topic) for row in history.sessions] == [
        (later.id, "Housing"),
        (session.id, "Kela benefits"),
    ]
    assert [row.text for row in history.follow_ups] == [SECRET_TASK]
    [read] = _reads("advice_history")
    assert read.entity_id == anna.id


def test_erasing_a_person_erases_their_notes_and_keeps_the_session_for_figures(
    advised, coordinator, admin
):
    session, _note_id, _follow_up = advised
    privacy.erase_person(admin, session.person_id)
    assert AdviceNote.select().count() == 0
    assert AdviceFollowUp.select().count() == 0
    kept = AdviceSession.get_by_id(session.id)
    assert kept.person_id is None and kept.status == SessionStatus.DONE
    figures = advice_figures.advice_figures(admin, TUESDAY, TUESDAY)
    assert figures.held == 1
