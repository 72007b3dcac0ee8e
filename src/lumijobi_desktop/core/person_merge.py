"""Merging two records of the same person into one."""

from __future__ import annotations

from lumijobi_desktop.core import audit, schema
from lumijobi_desktop.core.advice import AdviceQueueEntry, QueueStatus
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.people import (
    PERSON_FIELDS,
    Person,
    PersonMerge,
    get_person,
    index_person,
    set_languages,
    snapshot,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.registrations import Registration, RegistrationStatus
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteers import Volunteer


def merge_persons(actor: User, keep_id: int, remove_id: int) -> Person:
    """Visits, goods, sign-ups move to the kept record, its blanks are filled, and the old
    card still works.
    """
    require(actor, Permission.MERGE_PERSONS)
    if keep_id == remove_id:
        raise ValidationError(_("Choose two different records to merge."))
    with unit_of_work():
        keep, remove = get_person(actor, keep_id), get_person(actor, remove_id)
        if keep.id == remove.id:
            raise ValidationError(_("These records have already been merged."))
        before = {"kept": snapshot(keep), "removed": snapshot(remove), "removed_id": remove.id}
        for name in PERSON_FIELDS:
            if getattr(keep, name) in ("", None, False) and getattr(remove, name):
                setattr(keep, name, getattr(remove, name))
        keep.last_seen_at = max(keep.last_seen_at, remove.last_seen_at)
        keep.updated_at = now()
        keep.save()
        set_languages(keep, list(dict.fromkeys(keep.languages + remove.languages)))
        _move_references(remove.id, keep.id)
        PersonMerge.update(person=keep).where(PersonMerge.person == remove).execute()
        PersonMerge.create(old_id=remove.id, person=keep)
        remove.delete_instance()
        index_person(keep)
        audit.record(actor, Action.MERGE, "person", keep.id, before=before, after=snapshot(keep))
    return keep


# Rows that belong to the record itself rather than to what the person did.
_OWN_ROWS = ("person_language", "person_search_token", "person_merge")


def _move_references(remove_id: int, keep_id: int) -> None:
    """Point everything that refers to the removed record at the kept one.

    Found from the foreign keys themselves, so a table added later cannot be forgotten.
    """
    schema.ensure_loaded()
    _merge_volunteer_profiles(remove_id, keep_id)
    for field in Person._meta.backrefs:
        if field.model._meta.table_name in _OWN_ROWS:
            continue
        field.model.update({field: keep_id}).where(field == remove_id).execute()
    _cancel_double_sign_ups(keep_id)
    _leave_one_place_in_queue(keep_id)


def _cancel_double_sign_ups(person_id: int) -> None:
    """Both records signed up for the same event: the later sign-up goes."""
    seen: set[int] = set()
    active = (
        Registration.select()
        .where(
            (Registration.person == person_id)
            & (Registration.status != RegistrationStatus.CANCELLED.value)
        )
        .order_by(Registration.attended.desc(), Registration.queued_at, Registration.id)
    )
    for registration in active:
        if registration.event_id in seen:
            registration.status = RegistrationStatus.CANCELLED.value
            registration.cancelled_at = now()
            registration.save(only=[Registration.status, Registration.cancelled_at])
        seen.add(registration.event_id)


def _leave_one_place_in_queue(person_id: int) -> None:
    """Both records waited for an advice time: the earlier place in the queue stays."""
    waiting = (
        AdviceQueueEntry.select(AdviceQueueEntry.id)
        .where(
            (AdviceQueueEntry.person == person_id)
            & (AdviceQueueEntry.status == QueueStatus.WAITING.value)
        )
        .order_by(AdviceQueueEntry.added_at, AdviceQueueEntry.id)
    )
    later = [entry.id for entry in waiting][1:]
    if later:
        AdviceQueueEntry.update(
            status=QueueStatus.REMOVED.value,
            offered_start=None,
            offered_adviser=None,
            offered_at=None,
        ).where(AdviceQueueEntry.id.in_(later)).execute()


def _merge_volunteer_profiles(remove_id: int, keep_id: int) -> None:
    """Both records volunteer: the kept profile takes over the other's hours, pairs and tasks."""
    removed = Volunteer.get_or_none(Volunteer.person == remove_id)
    kept = Volunteer.get_or_none(Volunteer.person == keep_id)
    if removed is None or kept is None:
        return  # one profile at most: it moves with the person like any other row
    for field in Volunteer._meta.backrefs:
        field.model.update({field: kept.id}).where(field == removed.id).execute()
    removed.delete_instance()
