"""This desk's label choices: layouts made in the app, and what each layout's labels show."""

from __future__ import annotations

from collections.abc import Iterable

from lumijobi_desktop.core import audit, settings
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.label_layouts import (
    BUILT_IN_LAYOUTS,
    LabelLayout,
    built_in_layout,
    check_fields,
    layout_from_dict,
    layout_to_dict,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User

CUSTOM_LAYOUTS = settings.LABEL_CUSTOM_LAYOUTS
LABEL_FIELDS = settings.LABEL_FIELDS


def custom_layouts() -> list[LabelLayout]:
    """Layouts staff made in the app; a stored one that no longer validates is left out."""
    layouts = []
    for data in settings.get(CUSTOM_LAYOUTS):
        try:
            layouts.append(layout_from_dict(data))
        except ValidationError:
            continue
    return layouts


def available_layouts() -> list[LabelLayout]:
    return [*BUILT_IN_LAYOUTS, *custom_layouts()]


def layout_named(name: str) -> LabelLayout | None:
    return built_in_layout(name) or next(
        (layout for layout in custom_layouts() if layout.name.lower() == name.lower()), None
    )


def save_custom_layout(actor: User, layout: LabelLayout) -> None:
    """Add or replace a layout made in the app (a built-in name cannot be taken)."""
    require(actor, Permission.MANAGE_SETTINGS)
    if not layout.name:
        raise ValidationError(_("Give the layout a short name."), field="name")
    if built_in_layout(layout.name) is not None:
        raise ValidationError(
            _("{name} is a built-in layout; choose another name.").format(name=layout.name),
            field="name",
        )
    stored = [
        d for d in settings.get(CUSTOM_LAYOUTS) if d.get("name", "").lower() != layout.name.lower()
    ]
    with unit_of_work():
        settings.store(CUSTOM_LAYOUTS, [*stored, layout_to_dict(layout)])
        audit.record(actor, Action.UPDATE, "setting", None, after={CUSTOM_LAYOUTS: layout.name})


def fields_for(layout: LabelLayout) -> frozenset[str]:
    chosen = settings.get(LABEL_FIELDS).get(layout.name)
    return frozenset(chosen) if chosen else layout.default_fields


def remember_fields(layout: LabelLayout, fields: Iterable[str]) -> None:
    """What the labels of a layout show on this desk (a printing preference, not audited)."""
    chosen = frozenset(fields)
    check_fields(chosen)
    stored = dict(settings.get(LABEL_FIELDS))
    stored[layout.name] = sorted(chosen)
    settings.store(LABEL_FIELDS, stored)


def next_free_label(layout: LabelLayout) -> int:
    """Where the sheet in the printer continues: after the labels printed last time."""
    if layout.kind != "sheet":
        return 1
    position = settings.get(settings.LABEL_NEXT_FREE).get(layout.name, 1)
    return position if 1 <= position <= layout.labels_per_page else 1


def remember_printed(layout: LabelLayout, start: int, count: int) -> None:
    """After `count` labels from `start`, the next free one (1 again when the sheet is used up)."""
    if layout.kind != "sheet":
        return
    used = start - 1 + count
    stored = dict(settings.get(settings.LABEL_NEXT_FREE))
    stored[layout.name] = used % layout.labels_per_page + 1
    settings.store(settings.LABEL_NEXT_FREE, stored)
