"""Categories (seeded, translated, editable by staff) and locations with their QR labels."""

from __future__ import annotations

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import Category, Location, LocationKind, SizeKind
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

# key, Finnish, Ukrainian, English, sizes, order. Names are data: staff may rename them.
SEED_CATEGORIES = (
    ("clothes_women", "Naisten vaatteet", "Жіночий одяг", "Women's clothes", "clothing", 10),
    ("clothes_men", "Miesten vaatteet", "Чоловічий одяг", "Men's clothes", "clothing", 20),
    ("clothes_children", "Lasten vaatteet", "Дитячий одяг", "Children's clothes", "children", 30),
    ("shoes", "Kengät", "Взуття", "Shoes", "shoes", 40),
    ("outerwear", "Ulkovaatteet", "Верхній одяг", "Outerwear", "any", 50),
    ("textiles", "Tekstiilit", "Текстиль", "Textiles", "none", 60),
    ("household", "Keittiö ja koti", "Кухня і дім", "Kitchen and household", "none", 70),
    ("furniture", "Huonekalut", "Меблі", "Furniture", "none", 80),
    (
        "children_gear",
        "Lastentarvikkeet (vaunut, turvaistuimet, sängyt)",
        "Дитячі речі (візки, автокрісла, ліжечка)",
        "Children's gear (prams, car seats, cots)",
        "none",
        90,
    ),
    ("toys", "Lelut", "Іграшки", "Toys", "none", 100),
    ("books", "Kirjat", "Книги", "Books", "none", 110),
    (
        "electronics",
        "Elektroniikka ja kodinkoneet",
        "Електроніка та побутова техніка",
        "Electronics and appliances",
        "none",
        120,
    ),
    ("sports", "Urheilu ja ulkoilu", "Спорт і відпочинок", "Sports and outdoor", "none", 130),
    ("other", "Muut", "Інше", "Other", "none", 140),
)

CHILDREN_SIZES_CM = tuple(range(50, 177, 6))  # 50, 56, 62 … 176: the Nordic size steps
CLOTHING_LETTERS = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL")
CLOTHING_NUMBERS = tuple(range(32, 64, 2))
SHOE_SIZES = tuple(range(16, 51))
NAME_MAX = 60


def insert_seed_categories(model: type[pw.Model]) -> int:
    """Insert the seeded categories that are missing; `model` may be a migration's frozen copy."""
    existing = {row.key for row in model.select(model.key)}
    rows = [
        {
            "key": key,
            "name_fi": fi,
            "name_uk": uk,
            "name_en": en,
            "size_kind": sizes,
            "sort_order": order,
        }
        for key, fi, uk, en, sizes, order in SEED_CATEGORIES
        if key not in existing
    ]
    if rows:
        model.insert_many(rows).execute()
    return len(rows)


def size_choices(size_kind: str) -> list[str]:
    kind = SizeKind(size_kind)
    children = [str(cm) for cm in CHILDREN_SIZES_CM]
    adults = list(CLOTHING_LETTERS) + [str(n) for n in CLOTHING_NUMBERS]
    return {
        SizeKind.NONE: [],
        SizeKind.CLOTHING: adults,
        SizeKind.CHILDREN: children,
        SizeKind.SHOES: [str(n) for n in SHOE_SIZES],
        SizeKind.ANY: children + adults,
    }[kind]


def clean_size(category: Category, size: str) -> str:
    """The size written the standard way, or a ValidationError naming what fits."""
    text = " ".join((size or "").split()).upper()
    if not text:
        return ""
    choices = size_choices(category.size_kind)
    if not choices:
        raise ValidationError(_("This category has no sizes."), field="size")
    if text not in choices:
        raise ValidationError(
            _("Size {size} does not fit this category. Examples: {examples}.").format(
                size=text, examples=", ".join(choices[:: max(1, len(choices) // 6)][:6])
            ),
            field="size",
        )
    return text


def categories(*, include_inactive: bool = False) -> list[Category]:
    query = Category.select().order_by(Category.sort_order, Category.id)
    if not include_inactive:
        query = query.where(Category.active)
    return list(query)


def get_category(category_id: int) -> Category:
    category = Category.get_or_none(Category.id == category_id)
    if category is None:
        raise NotFound(_("This category no longer exists."))
    return category


def _clean_name(name: str) -> str:
    return clean_line(name, NAME_MAX, "name", required=_("Type a name."))


def save_category(
    actor: User,
    category_id: int | None,
    *,
    name_fi: str,
    name_uk: str,
    name_en: str,
    size_kind: str,
    monthly_limit: int | None,
    active: bool = True,
) -> Category:
    """Add or rename a category (staff). Names in each language; Finnish is required."""
    require(actor, Permission.MANAGE_CATALOGUE)
    names = {
        "name_fi": _clean_name(name_fi),
        "name_uk": " ".join(name_uk.split()),
        "name_en": " ".join(name_en.split()),
    }
    try:
        SizeKind(size_kind)
    except ValueError:
        raise ValidationError(_("Choose the kind of sizes."), field="size_kind") from None
    if monthly_limit is not None and not 1 <= monthly_limit <= 100:
        raise ValidationError(
            _("A monthly limit is between 1 and 100 pieces."), field="monthly_limit"
        )
    with unit_of_work():
        if category_id is None:
            count = Category.select().count()
            category = Category.create(
                key=f"custom-{count + 1}",
                size_kind=size_kind,
                monthly_limit=monthly_limit,
                active=active,
                sort_order=1000 + count,
                **names,
            )
            audit.record(actor, Action.CREATE, "category", category.id, after=names)
            return category
        category = get_category(category_id)
        before = {
            **{k: getattr(category, k) for k in names},
            "size_kind": category.size_kind,
            "monthly_limit": category.monthly_limit,
            "active": category.active,
        }
        for key, value in names.items():
            setattr(category, key, value)
        category.size_kind, category.monthly_limit, category.active = (
            size_kind,
            monthly_limit,
            active,
        )
        category.save()
        after = {**names, "size_kind": size_kind, "monthly_limit": monthly_limit, "active": active}
        old, new = audit.changed_fields(before, after)
        audit.record(actor, Action.UPDATE, "category", category.id, before=old, after=new)
    return category


def locations(*, include_inactive: bool = False) -> list[Location]:
    query = Location.select().order_by(Location.name)
    if not include_inactive:
        query = query.where(Location.active)
    return list(query)


def get_location(location_id: int) -> Location:
    location = Location.get_or_none(Location.id == location_id)
    if location is None:
        raise NotFound(_("This location no longer exists."))
    return location


def save_location(
    actor: User, location_id: int | None, *, name: str, kind: str, active: bool = True
) -> Location:
    require(actor, Permission.MANAGE_CATALOGUE)
    clean = _clean_name(name)
    try:
        LocationKind(kind)
    except ValueError:
        raise ValidationError(_("Choose the kind of place."), field="kind") from None
    with unit_of_work():
        taken = Location.select().where(pw.fn.lower(Location.name) == clean.lower())
        if location_id is not None:
            taken = taken.where(Location.id != location_id)
        if taken.exists():
            raise ValidationError(_("Another place already has this name."), field="name")
        if location_id is None:
            location = Location.create(name=clean, kind=kind, active=active)
            audit.record(
                actor, Action.CREATE, "location", location.id, after={"name": clean, "kind": kind}
            )
            return location
        location = get_location(location_id)
        before = {"name": location.name, "kind": location.kind, "active": location.active}
        location.name, location.kind, location.active = clean, kind, active
        location.save()
        old, new = audit.changed_fields(before, {"name": clean, "kind": kind, "active": active})
        audit.record(actor, Action.UPDATE, "location", location.id, before=old, after=new)
    return location
