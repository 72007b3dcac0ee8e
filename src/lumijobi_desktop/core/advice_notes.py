"""The coordinator's confidential side of advice: notes, follow-ups and a person's history.

Only roles with READ_CONFIDENTIAL_NOTES (the coordinator and admins) get
anything from here, and every read is written to the audit log. The audit
log records that a note was read, written or changed, never its words. No
model links back from a session or a person to these rows (`backref="+"`),
so a session or person object handed to the desk cannot reach them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.advice import AdviceSession, get_session
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import Person, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line, clean_text
from lumijobi_desktop.core.users import User

NOTE_MAX, FOLLOW_UP_MAX = 2000, 200
UPCOMING_DAYS = 14


class AdviceNote(BaseModel):
    session = pw.ForeignKeyField(AdviceSession, on_delete="CASCADE", backref="+", index=True)
    text = pw.TextField()
    written_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    written_at = pw.DateTimeField(default=now)
    changed_at = pw.DateTimeField(null=True)


class AdviceFollowUp(BaseModel):
    """A task for later: "call when the Kela decision arrives"."""

    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    session = pw.ForeignKeyField(AdviceSession, null=True, on_delete="SET NULL", backref="+")
    text = pw.CharField()
    due = pw.DateField(index=True)
    done_at = pw.DateTimeField(null=True)
    done_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=now)


def _require_confidential(actor: User) -> None:
    require(actor, Permission.READ_CONFIDENTIAL_NOTES)


# --- notes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    id: int
    text: str
    written_by: str
    written_by_id: int | None
    written_at: dt.datetime
    changed_at: dt.datetime | None


def read_notes(actor: User, session_id: int) -> list[NoteRow]:
    """The session's notes, oldest first. The read is audited."""
    _require_confidential(actor)
    with unit_of_work():
        get_session(actor, session_id)
        query = (
            AdviceNote.select(AdviceNote, User)
            .join(User, pw.JOIN.LEFT_OUTER, on=(AdviceNote.written_by == User.id))
            .where(AdviceNote.session == session_id)
            .order_by(AdviceNote.written_at, AdviceNote.id)
        )
        notes = [
            NoteRow(
                id=note.id,
                text=note.text,
                written_by=note.written_by.display_name if note.written_by_id else "",
                written_by_id=note.written_by_id,
                written_at=note.written_at,
                changed_at=note.changed_at,
            )
            for note in query
        ]
        audit.record(actor, Action.READ, "advice_note", session_id, after={"notes": len(notes)})
    return notes


def _clean_note(text: str) -> str:
    cleaned = clean_text(text, NOTE_MAX, "text")
    if not cleaned:
        raise ValidationError(_("Write the note first."), field="text")
    return cleaned


def add_note(actor: User, session_id: int, text: str, moment: dt.datetime | None = None) -> int:
    _require_confidential(actor)
    cleaned = _clean_note(text)
    with unit_of_work():
        session = get_session(actor, session_id)
        note = AdviceNote.create(
            session=session.id, text=cleaned, written_by=actor.id, written_at=moment or now()
        )
        audit.record(
            actor,
            Action.CREATE,
            "advice_note",
            note.id,
            after={"session": session.id, "characters": len(cleaned)},
        )
    return note.id


def _own_note(actor: User, note_id: int) -> AdviceNote:
    note = AdviceNote.get_or_none(AdviceNote.id == note_id)
    if note is None:
        raise NotFound(_("This note no longer exists."))
    if note.written_by_id != actor.id:
        raise PermissionDenied(_("Only the person who wrote a note can change it."))
    return note


def change_note(actor: User, note_id: int, text: str, moment: dt.datetime | None = None) -> None:
    _require_confidential(actor)
    cleaned = _clean_note(text)
    with unit_of_work():
        note = _own_note(actor, note_id)
        before = len(note.text)
        note.text = cleaned
        note.changed_at = moment or now()
        note.save()
        audit.record(
            actor,
            Action.UPDATE,
            "advice_note",
            note.id,
            before={"characters": before},
            after={"session": note.session_id, "characters": len(cleaned)},
        )


def delete_note(actor: User, note_id: int) -> None:
    _require_confidential(actor)
    with unit_of_work():
        note = _own_note(actor, note_id)
        note.delete_instance()
        audit.record(
            actor, Action.DELETE, "advice_note", note_id, before={"session": note.session_id}
        )


def forget_notes_of_person(person_id: int) -> int:
    """Delete the notes on a person's sessions (when the person is erased)."""
    sessions = AdviceSession.select(AdviceSession.id).where(AdviceSession.person == person_id)
    return AdviceNote.delete().where(AdviceNote.session.in_(sessions)).execute()


# --- follow-ups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    person_id: int
    person_name: str
    phone: str
    text: str
    due: dt.date
    session_id: int | None
    done_at: dt.datetime | None


def _clean_follow_up(text: str, due: dt.date | None) -> str:
    cleaned = clean_line(text, FOLLOW_UP_MAX, "text", required=_("Write what is to be done."))
    if due is None:
        raise ValidationError(_("Give the date it is due."), field="due")
    return cleaned


def add_follow_up(
    actor: User, person_id: int, text: str, due: dt.date | None, session_id: int | None = None
) -> int:
    _require_confidential(actor)
    cleaned = _clean_follow_up(text, due)
    with unit_of_work():
        get_person(actor, person_id)
        if session_id is not None:
            get_session(actor, session_id)
        follow_up = AdviceFollowUp.create(
            person=person_id, session=session_id, text=cleaned, due=due, created_by=actor.id
        )
        audit.record(
            actor,
            Action.CREATE,
            "advice_follow_up",
            follow_up.id,
            after={"person": person_id, "due": due, "characters": len(cleaned)},
        )
    return follow_up.id


def _follow_up(follow_up_id: int) -> AdviceFollowUp:
    follow_up = AdviceFollowUp.get_or_none(AdviceFollowUp.id == follow_up_id)
    if follow_up is None:
        raise NotFound(_("This follow-up no longer exists."))
    return follow_up


def change_follow_up(actor: User, follow_up_id: int, text: str, due: dt.date | None) -> None:
    _require_confidential(actor)
    cleaned = _clean_follow_up(text, due)
    with unit_of_work():
        follow_up = _follow_up(follow_up_id)
        before = {"due": follow_up.due, "characters": len(follow_up.text)}
        follow_up.text, follow_up.due = cleaned, due
        follow_up.save()
        audit.record(
            actor,
            Action.UPDATE,
            "advice_follow_up",
            follow_up.id,
            before=before,
            after={"due": due, "characters": len(cleaned)},
        )


def set_follow_up_done(
    actor: User, follow_up_id: int, done: bool, moment: dt.datetime | None = None
) -> None:
    _require_confidential(actor)
    with unit_of_work():
        follow_up = _follow_up(follow_up_id)
        if (follow_up.done_at is not None) == done:
            return
        follow_up.done_at = (moment or now()) if done else None
        follow_up.done_by = actor.id if done else None
        follow_up.save()
        audit.record(actor, Action.UPDATE, "advice_follow_up", follow_up.id, after={"done": done})


def _follow_up_rows(query: pw.ModelSelect) -> list[FollowUpRow]:
    query = (
        query.select(AdviceFollowUp, Person)
        .join(Person)
        .order_by(AdviceFollowUp.due, AdviceFollowUp.id)
    )
    return [
        FollowUpRow(
            id=row.id,
            person_id=row.person_id,
            person_name=row.person.full_name,
            phone=row.person.phone,
            text=row.text,
            due=row.due,
            session_id=row.session_id,
            done_at=row.done_at,
        )
        for row in query
    ]


@dataclass(frozen=True)
class TodoList:
    late: list[FollowUpRow]
    today: list[FollowUpRow]
    upcoming: list[FollowUpRow]  # the next two weeks

    @property
    def due_count(self) -> int:
        return len(self.late) + len(self.today)


def todo_list(actor: User, today: dt.date | None = None) -> TodoList:
    """Open follow-ups: late, due today, and those due in the next two weeks. Audited."""
    _require_confidential(actor)
    today = today or now().date()
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    with unit_of_work():
        rows = _follow_up_rows(
            AdviceFollowUp.select().where(
                AdviceFollowUp.done_at.is_null() & (AdviceFollowUp.due <= horizon)
            )
        )
        audit.record(actor, Action.READ, "advice_follow_up", None, after={"rows": len(rows)})
    return TodoList(
        late=[row for row in rows if row.due < today],
        today=[row for row in rows if row.due == today],
        upcoming=[row for row in rows if row.due > today],
    )


def due_count(actor: User, today: dt.date | None = None) -> int:
    """How many follow-ups are due or late: a number for a badge, no words, not audited."""
    _require_confidential(actor)
    today = today or now().date()
    return (
        AdviceFollowUp.select()
        .where(AdviceFollowUp.done_at.is_null() & (AdviceFollowUp.due <= today))
        .count()
    )


# --- a person's history -------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    session_id: int
    starts_at: dt.datetime
    minutes: int
    topic: str
    status: str
    language: str
    interpreter_needed: bool
    interpreter_language: str


@dataclass(frozen=True)
class PersonHistory:
    sessions: list[HistoryRow]  # newest first
    follow_ups: list[FollowUpRow]  # open and done, by due date


def person_history(actor: User, person_id: int) -> PersonHistory:
    """The person's advice sessions (topics and dates) and follow-ups. Audited."""
    _require_confidential(actor)
    with unit_of_work():
        get_person(actor, person_id)
        query = (
            AdviceSession.select(AdviceSession, AdviceTopic)
            .join(AdviceTopic)
            .where(AdviceSession.person == person_id)
            .order_by(AdviceSession.starts_at.desc())
        )
        sessions = [
            HistoryRow(
                session_id=session.id,
                starts_at=session.starts_at,
                minutes=session.minutes,
                topic=session.topic.name,
                status=session.status,
                language=session.language,
                interpreter_needed=session.interpreter_needed,
                interpreter_language=session.interpreter_language,
            )
            for session in query
        ]
        follow_ups = _follow_up_rows(
            AdviceFollowUp.select().where(AdviceFollowUp.person == person_id)
        )
        audit.record(actor, Action.READ, "advice_history", person_id, after={})
    return PersonHistory(sessions, follow_ups)


def note_counts(actor: User, session_ids: list[int]) -> dict[int, int]:
    """How many notes each session has (not their words): marks in the calendar. Not audited."""
    _require_confidential(actor)
    if not session_ids:
        return {}
    query = (
        AdviceNote.select(AdviceNote.session, pw.fn.COUNT(AdviceNote.id).alias("count"))
        .where(AdviceNote.session.in_(session_ids))
        .group_by(AdviceNote.session)
    )
    return {row.session_id: row.count for row in query}
