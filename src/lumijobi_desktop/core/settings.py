"""Desk-wide settings kept in the database, so every user of the PC shares them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line

if TYPE_CHECKING:
    from lumijobi_desktop.core.users import User

CENTRE_NAME = "centre_name"
# Printed on appointment slips: where to come, whom to call when one cannot come.
CENTRE_ADDRESS = "centre_address"
CENTRE_PHONE = "centre_phone"
# Euros per volunteer hour in funders' reports.
VOLUNTEER_HOUR_VALUE = "volunteer_hour_value"
# A friend pair that has not met for this many days shows on the to-do list.
FRIEND_NO_MEETING_DAYS = "friend_no_meeting_days"
DEFAULT_LANGUAGE_KEY = "default_language"
IDLE_LOCK_MINUTES = "idle_lock_minutes"
BACKUP_FOLDER = "backup_folder"
LAST_BACKUP_AT = "last_backup_at"
LAST_OUTSIDE_BACKUP_AT = "last_outside_backup_at"
BACKUP_REMINDER_SNOOZED_UNTIL = "backup_reminder_snoozed_until"
LABEL_LAYOUT = "label_layout"
# {"L7160": [x_mm, y_mm], ...}: how far this desk's printer shifts each layout.
LABEL_OFFSETS = "label_offsets"
LABEL_CUSTOM_LAYOUTS = "label_custom_layouts"
LABEL_FIELDS = "label_fields"
LABEL_NEXT_FREE = "label_next_free"

DEFAULTS: dict[str, Any] = {
    CENTRE_NAME: "",
    CENTRE_ADDRESS: "",
    CENTRE_PHONE: "",
    VOLUNTEER_HOUR_VALUE: 10.0,
    FRIEND_NO_MEETING_DAYS: 30,
    DEFAULT_LANGUAGE_KEY: DEFAULT_LANGUAGE,
    IDLE_LOCK_MINUTES: 10,
    BACKUP_FOLDER: "",
    LAST_BACKUP_AT: None,
    LAST_OUTSIDE_BACKUP_AT: None,
    BACKUP_REMINDER_SNOOZED_UNTIL: None,
    LABEL_LAYOUT: "L7160",
    LABEL_OFFSETS: {},
    LABEL_CUSTOM_LAYOUTS: [],
    LABEL_FIELDS: {},
    LABEL_NEXT_FREE: {},
}

IDLE_LOCK_RANGE = (1, 240)
CENTRE_NAME_MAX = 80
CENTRE_ADDRESS_MAX, CENTRE_PHONE_MAX = 100, 30
HOUR_VALUE_RANGE = (0.0, 1000.0)
NO_MEETING_DAYS_RANGE = (7, 365)


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()


def get(key: str) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else DEFAULTS.get(key)


def store(key: str, value: Any) -> None:
    """Write a setting without a permission check: for the app's own bookkeeping."""
    Setting.insert(key=key, value=json.dumps(value)).on_conflict_replace().execute()


def _validated(key: str, value: Any) -> Any:
    if key == CENTRE_NAME:
        return clean_line(str(value), CENTRE_NAME_MAX, key, required=_("Type the centre's name."))
    if key == CENTRE_ADDRESS:
        return clean_line(str(value or ""), CENTRE_ADDRESS_MAX, key)
    if key == CENTRE_PHONE:
        return clean_line(str(value or ""), CENTRE_PHONE_MAX, key)
    if key == VOLUNTEER_HOUR_VALUE:
        low, high = HOUR_VALUE_RANGE
        if not isinstance(value, int | float) or not low <= value <= high:
            raise ValidationError(
                _("Give the value of an hour in euros, {low}–{high}.").format(
                    low=int(low), high=int(high)
                ),
                field=key,
            )
        return float(value)
    if key == FRIEND_NO_MEETING_DAYS:
        low, high = NO_MEETING_DAYS_RANGE
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                _("Give a number of days, {low}–{high}.").format(low=low, high=high), field=key
            )
        return value
    if key == DEFAULT_LANGUAGE_KEY:
        if value not in LANGUAGES:
            raise ValidationError(_("Choose a language."), field=key)
        return value
    if key == IDLE_LOCK_MINUTES:
        low, high = IDLE_LOCK_RANGE
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                _("Lock after {low}–{high} minutes.").format(low=low, high=high), field=key
            )
        return value
    if key == BACKUP_FOLDER:
        return str(value or "").strip()
    raise ValidationError(_("This setting cannot be changed here."), field=key)


def change(actor: User, changes: dict[str, Any]) -> None:
    """Change settings as one action: all of them are saved, or none."""
    require(actor, Permission.MANAGE_SETTINGS)
    cleaned = {key: _validated(key, value) for key, value in changes.items()}
    with unit_of_work():
        for key, value in cleaned.items():
            before = get(key)
            if before == value:
                continue
            store(key, value)
            audit.record(
                actor, Action.UPDATE, "setting", None, before={key: before}, after={key: value}
            )


def is_configured() -> bool:
    return bool(get(CENTRE_NAME))
