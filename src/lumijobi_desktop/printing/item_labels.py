"""What an item's or a location's label says, taken from the stock."""

from __future__ import annotations

from collections.abc import Iterable

from lumijobi_desktop.core.i18n import current_language
from lumijobi_desktop.core.inventory import Item, Location, location_kind_name
from lumijobi_desktop.printing.labels import LabelContent


def item_label(item: Item, lang: str | None = None) -> LabelContent:
    lang = lang or current_language().code
    return LabelContent(
        code=item.code,
        category=item.category.name_in(lang),
        description=item.description,
        size=item.size,
        intake_date=item.intake_at.date(),
    )


def item_labels(items: Iterable[Item], lang: str | None = None) -> list[LabelContent]:
    return [item_label(item, lang) for item in items]


def location_labels(locations: Iterable[Location]) -> list[LabelContent]:
    """A shelf's label: its code and name, so scanning it moves items there."""
    return [
        LabelContent(
            code=place.code,
            category=location_kind_name(place.kind),
            description=place.name,
            size="",
            intake_date=None,
        )
        for place in locations
    ]
