"""A visitor's right to be forgotten: their data goes, the centre's statistics stay."""

from __future__ import annotations

import json

from lumijobi_desktop.core import advice_notes, audit
from lumijobi_desktop.core.audit import Action, AuditEntry
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.people import PersonMerge, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Visit

ERASED = json.dumps({"erased": True})


def erase_person(actor: User, person_id: int) -> int:
    """Erase a visitor: the record, its old card numbers and its audit details.

    Their visits stay, anonymous, so the monthly counts do not change.
    Returns how many visits were kept anonymously.
    """
    require(actor, Permission.ERASE_PERSONS)
    with unit_of_work():
        person = get_person(actor, person_id)
        old_ids = [row.old_id for row in PersonMerge.select().where(PersonMerge.person == person)]
        kept = Visit.update(person=None).where(Visit.person == person).execute()
        PersonMerge.delete().where(PersonMerge.person == person).execute()
        # Sessions stay for the figures; what the coordinator wrote about the person goes.
        advice_notes.forget_notes_of_person(person.id)
        person.delete_instance()  # languages and search tokens go with it (cascade)
        # Earlier audit entries hold the person's details in their before/after.
        AuditEntry.update(before=ERASED, after=ERASED).where(
            (AuditEntry.entity == "person") & AuditEntry.entity_id.in_([person.id, *old_ids])
        ).execute()
        audit.record(actor, Action.ERASE, "person", person.id, after={"visits_kept": kept})
    return kept
