"""Who may do what. Every service checks here, whatever the screens show."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from lumijobi_desktop.core.errors import PermissionDenied
from lumijobi_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from lumijobi_desktop.core.users import User


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"
    STAFF = "staff"
    ADMIN = "admin"


ROLE_NAMES = {
    Role.VOLUNTEER: N_("Front-desk volunteer"),
    Role.COORDINATOR: N_("Immigration coordinator"),
    Role.STAFF: N_("Staff"),
    Role.ADMIN: N_("Administrator"),
}


def role_name(role: str) -> str:
    return _(ROLE_NAMES[Role(role)])


class Permission(StrEnum):
    VIEW_PERSONS = "view_persons"
    EDIT_PERSONS = "edit_persons"
    MERGE_PERSONS = "merge_persons"
    ERASE_PERSONS = "erase_persons"
    CHECK_IN = "check_in"
    HANDLE_GOODS = "handle_goods"
    MANAGE_CATALOGUE = "manage_catalogue"
    DISCARD_GOODS = "discard_goods"
    VIEW_VISITS = "view_visits"
    VIEW_EVENTS = "view_events"
    HANDLE_SIGNUPS = "handle_signups"
    MANAGE_EVENTS = "manage_events"
    MANAGE_PARTNERS = "manage_partners"
    BOOK_ADVICE = "book_advice"
    RECORD_ADVICE = "record_advice"
    MANAGE_ADVICE_HOURS = "manage_advice_hours"
    VIEW_VOLUNTEERS = "view_volunteers"
    LOG_VOLUNTEER_HOURS = "log_volunteer_hours"
    TAKE_HELP_REQUESTS = "take_help_requests"
    MANAGE_VOLUNTEERS = "manage_volunteers"
    READ_HEALTH_NOTES = "read_health_notes"
    PRINT_PAPERS = "print_papers"
    READ_CONFIDENTIAL_NOTES = "read_confidential_notes"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_BACKUPS = "manage_backups"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"


PERMISSION_NAMES = {
    Permission.VIEW_PERSONS: N_("see visitors"),
    Permission.EDIT_PERSONS: N_("register and edit visitors"),
    Permission.MERGE_PERSONS: N_("merge visitor records"),
    Permission.ERASE_PERSONS: N_("erase a visitor's data"),
    Permission.CHECK_IN: N_("check visitors in"),
    Permission.HANDLE_GOODS: N_("take in and hand out goods"),
    Permission.MANAGE_CATALOGUE: N_("change categories and locations"),
    Permission.DISCARD_GOODS: N_("discard goods"),
    Permission.VIEW_VISITS: N_("see visits"),
    Permission.VIEW_EVENTS: N_("see events and partners"),
    Permission.HANDLE_SIGNUPS: N_("take sign-ups and mark who came to events"),
    Permission.MANAGE_EVENTS: N_("plan, change and cancel events"),
    Permission.MANAGE_PARTNERS: N_("manage partner organisations"),
    Permission.BOOK_ADVICE: N_("book, move and cancel advice sessions"),
    Permission.RECORD_ADVICE: N_("mark advice sessions done or missed"),
    Permission.MANAGE_ADVICE_HOURS: N_("set the coordinator's hours and advice topics"),
    Permission.VIEW_VOLUNTEERS: N_("see volunteers, friend pairs and requests for help"),
    Permission.LOG_VOLUNTEER_HOURS: N_("log volunteer hours"),
    Permission.TAKE_HELP_REQUESTS: N_("take requests and offers of neighbour help"),
    Permission.MANAGE_VOLUNTEERS: N_("manage volunteers, friend pairs and help tasks"),
    Permission.READ_HEALTH_NOTES: N_("read health details of the friend service"),
    Permission.PRINT_PAPERS: N_("print cards and papers"),
    Permission.READ_CONFIDENTIAL_NOTES: N_("read confidential advice notes"),
    Permission.MANAGE_SETTINGS: N_("change settings"),
    Permission.MANAGE_BACKUPS: N_("make and restore backups"),
    Permission.MANAGE_USERS: N_("manage user accounts"),
    Permission.VIEW_AUDIT: N_("see the audit log"),
}

_DESK = {
    Permission.VIEW_PERSONS,
    Permission.EDIT_PERSONS,
    Permission.CHECK_IN,
    Permission.VIEW_VISITS,
    Permission.PRINT_PAPERS,
    Permission.HANDLE_GOODS,
    Permission.VIEW_EVENTS,
    Permission.HANDLE_SIGNUPS,
    Permission.BOOK_ADVICE,
    Permission.VIEW_VOLUNTEERS,
    Permission.LOG_VOLUNTEER_HOURS,
    Permission.TAKE_HELP_REQUESTS,
}
# The coordinator runs her own calendar; staff stand in for her.
_ADVICE = {Permission.RECORD_ADVICE, Permission.MANAGE_ADVICE_HOURS}
_STAFF = _DESK | {
    Permission.MERGE_PERSONS,
    Permission.ERASE_PERSONS,
    Permission.MANAGE_CATALOGUE,
    Permission.DISCARD_GOODS,
    Permission.MANAGE_SETTINGS,
    Permission.MANAGE_BACKUPS,
    Permission.MANAGE_EVENTS,
    Permission.MANAGE_PARTNERS,
    *_ADVICE,
    Permission.MANAGE_VOLUNTEERS,
    Permission.READ_HEALTH_NOTES,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VOLUNTEER: frozenset(_DESK),
    Role.COORDINATOR: frozenset(_DESK | _ADVICE | {Permission.READ_CONFIDENTIAL_NOTES}),
    Role.STAFF: frozenset(_STAFF),
    Role.ADMIN: frozenset(Permission),
}


def allows(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]


def can(actor: User | None, permission: Permission) -> bool:
    return actor is not None and actor.active and allows(actor.role, permission)


def require(actor: User | None, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor's role allows the permission."""
    if not can(actor, permission):
        raise PermissionDenied(
            _("You are not allowed to {action}. Ask staff or an administrator.").format(
                action=_(PERMISSION_NAMES[permission])
            )
        )
