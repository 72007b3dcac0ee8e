"""The queue for the next free advice time.

People join in order. Whenever time may have freed (a cancellation, a
move, new hours, a declined offer), `offer_free_times` goes down the queue
in order and holds the earliest free time that fits for each waiting person
who has none yet. The desk sees the held times on its call list, calls, and
books (`advice_booking.accept_offer`) or records that the person declined;
a declined time goes to the next in the queue, and the person who declined
keeps their place for later times.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.advice import (
    AdviceQueueEntry,
    QueueStatus,
    check_languages,
    check_length,
    next_free_start,
)
from lumijobi_desktop.core.advice_hours import advisers
from lumijobi_desktop.core.advice_topics import AdviceTopic, get_topic
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import Person, PersonData, get_person, register_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

WISHES_MAX = 120


@dataclass
class WishData:
    """What the person waits for."""

    topic_id: int
    minutes: int = 30
    language: str = ""
    interpreter_needed: bool = False
    interpreter_language: str = ""
    adviser_id: int | None = None  # None: whoever is free first
    wishes: str = ""


def add_to_queue(
    actor: User, person: int | PersonData, wish: WishData, moment: dt.datetime | None = None
) -> AdviceQueueEntry:
    """Put a person in the queue (a new person from quick-add data in the same step)."""
    require(actor, Permission.BOOK_ADVICE)
    check_length(wish.minutes)
    check_languages(wish.language, wish.interpreter_needed, wish.interpreter_language)
    wishes = clean_line(wish.wishes, WISHES_MAX, "wishes")
    moment = moment or now()
    with unit_of_work():
        get_topic(wish.topic_id)
        person_id = (
            register_person(actor, person).id
            if isinstance(person, PersonData)
            else get_person(actor, person).id
        )
        already = AdviceQueueEntry.select().where(
            (AdviceQueueEntry.person == person_id)
            & (AdviceQueueEntry.status == QueueStatus.WAITING.value)
        )
        if already.exists():
            raise ValidationError(_("This person is already in the queue."), field="person")
        entry = AdviceQueueEntry.create(
            person=person_id,
            adviser=wish.adviser_id,
            topic=wish.topic_id,
            language=wish.language,
            interpreter_needed=wish.interpreter_needed,
            interpreter_language=wish.interpreter_language if wish.interpreter_needed else "",
            minutes=wish.minutes,
            wishes=wishes,
            added_at=moment,
            added_by=actor.id,
        )
        audit.record(actor, Action.CREATE, "advice_queue", entry.id, after=entry.snapshot())
        offer_free_times(actor, moment)
    return AdviceQueueEntry.get_by_id(entry.id)


def get_entry(actor: User, entry_id: int) -> AdviceQueueEntry:
    require(actor, Permission.BOOK_ADVICE)
    entry = AdviceQueueEntry.get_or_none(AdviceQueueEntry.id == entry_id)
    if entry is None or entry.status != QueueStatus.WAITING.value:
        raise NotFound(_("This person is no longer in the queue."))
    return entry


def remove_from_queue(actor: User, entry_id: int, moment: dt.datetime | None = None) -> None:
    """Take someone out of the queue; a time held for them goes to the next one."""
    require(actor, Permission.BOOK_ADVICE)
    with unit_of_work():
        entry = get_entry(actor, entry_id)
        before = entry.snapshot()
        entry.status = QueueStatus.REMOVED.value
        entry.offered_start = entry.offered_adviser = entry.offered_at = None
        entry.save()
        audit.record(
            actor, Action.UPDATE, "advice_queue", entry.id, before=before, after=entry.snapshot()
        )
        offer_free_times(actor, moment)


def decline_offer(actor: User, entry_id: int, moment: dt.datetime | None = None) -> None:
    """The person cannot come at the held time: they keep waiting for a later one."""
    require(actor, Permission.BOOK_ADVICE)
    with unit_of_work():
        entry = get_entry(actor, entry_id)
        if entry.offered_start is None:
            raise ValidationError(_("No time is held for this person."))
        before = entry.snapshot()
        entry.not_before = entry.offered_end
        entry.offered_start = entry.offered_adviser = entry.offered_at = None
        entry.save()
        audit.record(
            actor, Action.UPDATE, "advice_queue", entry.id, before=before, after=entry.snapshot()
        )
        offer_free_times(actor, moment, skip=entry.id)
        # Later times for the one who declined, once the others have had theirs.
        offer_free_times(actor, moment)


def _release_passed_offers(moment: dt.datetime) -> None:
    AdviceQueueEntry.update(offered_start=None, offered_adviser=None, offered_at=None).where(
        (AdviceQueueEntry.status == QueueStatus.WAITING.value)
        & (AdviceQueueEntry.offered_start <= moment)
    ).execute()


def offer_free_times(
    actor: User, moment: dt.datetime | None = None, *, skip: int | None = None
) -> list[AdviceQueueEntry]:
    """Hold the earliest free time for each waiting person in order; returns the new offers."""
    require(actor, Permission.BOOK_ADVICE)
    moment = moment or now()
    offered = []
    with unit_of_work():
        _release_passed_offers(moment)
        waiting = (
            AdviceQueueEntry.select()
            .where(
                (AdviceQueueEntry.status == QueueStatus.WAITING.value)
                & AdviceQueueEntry.offered_start.is_null()
            )
            .order_by(AdviceQueueEntry.added_at, AdviceQueueEntry.id)
        )
        adviser_ids = [user.id for user in advisers()]
        for entry in waiting:
            if entry.id == skip:
                continue
            found = _earliest_free(entry, adviser_ids, moment)
            if found is None:
                continue
            entry.offered_start, entry.offered_adviser = found
            entry.offered_at = moment
            entry.save()
            audit.record(
                actor,
                Action.UPDATE,
                "advice_queue",
                entry.id,
                after={"offered_start": entry.offered_start, "offered_adviser": found[1]},
            )
            offered.append(entry)
    return offered


def _earliest_free(
    entry: AdviceQueueEntry, adviser_ids: list[int], moment: dt.datetime
) -> tuple[dt.datetime, int] | None:
    after = max(moment, entry.not_before) if entry.not_before else moment
    candidates = [entry.adviser_id] if entry.adviser_id is not None else adviser_ids
    best = None
    for adviser_id in candidates:
        found = next_free_start(adviser_id, entry.minutes, after)
        if found is not None and (best is None or found[0] < best[0]):
            best = (found[0], adviser_id)
    return best


@dataclass(frozen=True)
class QueueRow:
    id: int
    position: int
    person_id: int
    person_name: str
    phone: str
    topic: str
    language: str
    interpreter_needed: bool
    interpreter_language: str
    minutes: int
    wishes: str
    added_at: dt.datetime
    offered_start: dt.datetime | None
    offered_adviser_id: int | None


def queue_rows(actor: User) -> list[QueueRow]:
    """The waiting people in order, with the time held for each if any."""
    require(actor, Permission.BOOK_ADVICE)
    query = (
        AdviceQueueEntry.select(AdviceQueueEntry, Person, AdviceTopic)
        .join_from(AdviceQueueEntry, Person)
        .join_from(AdviceQueueEntry, AdviceTopic)
        .where(AdviceQueueEntry.status == QueueStatus.WAITING.value)
        .order_by(AdviceQueueEntry.added_at, AdviceQueueEntry.id)
    )
    return [
        QueueRow(
            id=entry.id,
            position=position,
            person_id=entry.person_id,
            person_name=entry.person.full_name,
            phone=entry.person.phone,
            topic=entry.topic.name,
            language=entry.language,
            interpreter_needed=entry.interpreter_needed,
            interpreter_language=entry.interpreter_language,
            minutes=entry.minutes,
            wishes=entry.wishes,
            added_at=entry.added_at,
            offered_start=entry.offered_start,
            offered_adviser_id=entry.offered_adviser_id,
        )
        for position, entry in enumerate(query, start=1)
    ]


def offers_to_call(actor: User) -> list[QueueRow]:
    """Queue rows with a time held for them: the desk should call these people."""
    return [row for row in queue_rows(actor) if row.offered_start is not None]
