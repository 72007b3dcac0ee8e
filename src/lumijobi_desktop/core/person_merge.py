"""Merging two records of the same person into one."""

from __future__ import annotations

from lumijobi_desktop.core import audit
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
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Visit


def merge_persons(actor: User, keep_id: int, remove_id: int) -> Person:
    """Visits move to the kept record, its blanks are filled, and the old card still works."""
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
        Visit.update(person=keep).where(Visit.person == remove).execute()
        PersonMerge.update(person=keep).where(PersonMerge.person == remove).execute()
        PersonMerge.create(old_id=remove.id, person=keep)
        remove.delete_instance()
        index_person(keep)
        audit.record(actor, Action.MERGE, "person", keep.id, before=before, after=snapshot(keep))
    return keep
