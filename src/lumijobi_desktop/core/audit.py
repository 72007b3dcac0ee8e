"""The audit log: every change, and every read of confidential data.

Entries are written inside the same transaction as the change they
describe, so a change and its audit entry are saved together or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import peewee as pw

from lumijobi_desktop.core.database import BaseModel, now
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    MERGE = "merge"
    ERASE = "erase"
    READ = "read"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    BACKUP = "backup"
    RESTORE = "restore"


ACTION_NAMES = {
    Action.CREATE: N_("Created"),
    Action.UPDATE: N_("Changed"),
    Action.DELETE: N_("Deleted"),
    Action.MERGE: N_("Merged"),
    Action.ERASE: N_("Erased"),
    Action.READ: N_("Read confidential data"),
    Action.LOGIN: N_("Logged in"),
    Action.LOGIN_FAILED: N_("Failed login"),
    Action.BACKUP: N_("Backup"),
    Action.RESTORE: N_("Restore"),
}

ENTITY_NAMES = {
    "person": N_("Visitor"),
    "visit": N_("Visit"),
    "user": N_("User"),
    "setting": N_("Setting"),
    "category": N_("Category"),
    "partner": N_("Partner"),
    "location": N_("Location"),
    "donation": N_("Donation"),
    "item": N_("Item"),
    "handout": N_("Hand-out"),
    "reservation": N_("Reservation"),
    "event": N_("Event"),
    "event_series": N_("Event series"),
    "registration": N_("Sign-up"),
    "tally": N_("Headcount"),
    "wish": N_("Wish"),
    "advice_topic": N_("Advice topic"),
    "advice_hours": N_("Advice hours"),
    "advice_day": N_("Advice day off or extra time"),
    "advice_session": N_("Advice session"),
    "advice_queue": N_("Advice queue"),
    "advice_note": N_("Advice note"),
    "advice_follow_up": N_("Advice follow-up"),
    "advice_history": N_("Advice history"),
    "volunteer": N_("Volunteer"),
    "volunteer_training": N_("Volunteer training"),
    "volunteer_hours": N_("Volunteer hours"),
    "friend_request": N_("Request for a friend"),
    "friend_pair": N_("Friend pair"),
    "friend_meeting": N_("Friend meeting"),
    "friend_check_in": N_("Friend pair check-in"),
    "help_request": N_("Request for help"),
    "help_offer": N_("Offer of help"),
    "database": N_("Database"),
}


def action_name(action: str) -> str:
    return _(ACTION_NAMES[Action(action)]) if action in Action._value2member_map_ else action


def entity_name(entity: str) -> str:
    return _(ENTITY_NAMES[entity]) if entity in ENTITY_NAMES else entity


class AuditEntry(BaseModel):
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", index=True)
    # The name at the time, so the entry stays readable if the account changes.
    user_name = pw.CharField(default="")
    action = pw.CharField(index=True)
    entity = pw.CharField(index=True)
    entity_id = pw.IntegerField(null=True, index=True)
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)


def _to_json(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_json_value)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value)
    raise TypeError(type(value).__name__)


def record(
    actor: User | None,
    action: Action,
    entity: str,
    entity_id: int | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry.create(
        user=actor.id if actor else None,
        user_name=actor.display_name if actor else "system",
        action=action.value,
        entity=entity,
        entity_id=entity_id,
        before=_to_json(before),
        after=_to_json(after),
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the fields that differ, so an entry says what changed and nothing more."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None
    entity: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def _filtered(criteria: AuditFilter) -> pw.ModelSelect:
    query = AuditEntry.select()
    if criteria.user_id is not None:
        query = query.where(AuditEntry.user == criteria.user_id)
    if criteria.entity:
        query = query.where(AuditEntry.entity == criteria.entity)
    if criteria.action:
        query = query.where(AuditEntry.action == criteria.action)
    if criteria.since:
        start = dt.datetime.combine(criteria.since, dt.time())
        query = query.where(AuditEntry.at >= start)
    if criteria.until:
        end = dt.datetime.combine(criteria.until + dt.timedelta(days=1), dt.time())
        query = query.where(AuditEntry.at < end)
    return query


def count_entries(actor: User, criteria: AuditFilter) -> int:
    require(actor, Permission.VIEW_AUDIT)
    return _filtered(criteria).count()


def list_entries(actor: User, criteria: AuditFilter, *, offset: int = 0, limit: int = 200):
    require(actor, Permission.VIEW_AUDIT)
    query = _filtered(criteria).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return list(query.offset(offset).limit(limit))
