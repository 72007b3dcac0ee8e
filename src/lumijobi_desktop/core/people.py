"""Visitors: registering with little data, consent, editing, search and merging.

Data protection: no nationality, ethnicity or asylum status. The language a
person speaks serves the statistics; target groups are used only for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.codes import CodeKind, make_code, parse_code
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.name_matching import (
    are_similar_names,
    name_similarity,
    phone_digits,
    search_tokens_for,
    words,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

SPOKEN_LANGUAGES = ("fi", "sv", "en", "uk", "ru", "ar", "fa", "so", "de", "et")
TARGET_GROUPS = {
    "family_with_children": N_("Family with children"),
    "older_person": N_("Older person"),
    "lonely": N_("Lonely"),
    "newcomer": N_("Newcomer to Finland"),
}
VILLAGES = (
    "Lumijoki",
    "Varjakka",
    "Sannanlahti",
    "Pohjois-Lumijoki",
    "Hirvikangas",
    "Liminka",
    "Siikajoki",
    "Oulu",
)
NAME_MAX, PHONE_MAX, VILLAGE_MAX = 60, 30, 60
HOUSEHOLD_MAX = 30
OLDEST_BIRTH_YEAR = 1900


class Person(BaseModel):
    first_name = pw.CharField()
    last_name = pw.CharField(default="")
    phone = pw.CharField(default="")
    birth_year = pw.IntegerField(null=True, index=True)
    home_village = pw.CharField(default="")
    household_size = pw.IntegerField(null=True)
    family_with_children = pw.BooleanField(default=False)
    older_person = pw.BooleanField(default=False)
    lonely = pw.BooleanField(default=False)
    newcomer = pw.BooleanField(default=False)
    consent_at = pw.DateTimeField()
    consent_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)
    # Registration or latest visit: ranks search results so regulars come first.
    last_seen_at = pw.DateTimeField(default=now, index=True)

    class Meta:
        indexes = ((("last_name", "first_name"), False),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def card_code(self) -> str:
        return make_code(CodeKind.PERSON, self.id)

    @property
    def languages(self) -> list[str]:
        return [row.language for row in self.language_rows.order_by(PersonLanguage.id)]

    @property
    def target_groups(self) -> list[str]:
        return [group for group in TARGET_GROUPS if getattr(self, group)]


class PersonLanguage(BaseModel):
    person = pw.ForeignKeyField(Person, backref="language_rows", on_delete="CASCADE")
    language = pw.CharField(index=True)

    class Meta:
        indexes = ((("person", "language"), True),)


class PersonMerge(BaseModel):
    """A record merged into another: its old card still finds the person kept."""

    old_id = pw.IntegerField(unique=True)
    person = pw.ForeignKeyField(Person, on_delete="CASCADE")
    merged_at = pw.DateTimeField(default=now)


class PersonSearchToken(BaseModel):
    """Folded name parts and phone forms, indexed for search as you type."""

    person = pw.ForeignKeyField(Person, on_delete="CASCADE", index=True)
    token = pw.CharField(index=True)


@dataclass
class PersonData:
    """What a registration or edit form sends in; `cleaned()` validates it."""

    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    birth_year: int | None = None
    home_village: str = ""
    household_size: int | None = None
    languages: list[str] = field(default_factory=list)
    family_with_children: bool = False
    older_person: bool = False
    lonely: bool = False
    newcomer: bool = False
    consent: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def cleaned(self, today: dt.date | None = None) -> PersonData:
        today = today or dt.date.today()
        first = clean_line(self.first_name, NAME_MAX, "first_name")
        if not first:
            raise ValidationError(_("Type the first name."), field="first_name")
        phone = clean_line(self.phone, PHONE_MAX, "phone")
        if phone and (set(phone) - set("0123456789+-() ") or not len(phone_digits(phone)) >= 5):
            raise ValidationError(
                _("A phone number has digits, and may have +, spaces or dashes."), field="phone"
            )
        if self.birth_year is not None and not OLDEST_BIRTH_YEAR <= self.birth_year <= today.year:
            raise ValidationError(
                _("The birth year must be between {first} and {last}.").format(
                    first=OLDEST_BIRTH_YEAR, last=today.year
                ),
                field="birth_year",
            )
        if self.household_size is not None and not 1 <= self.household_size <= HOUSEHOLD_MAX:
            raise ValidationError(
                _("The household size must be between 1 and {count}.").format(count=HOUSEHOLD_MAX),
                field="household_size",
            )
        unknown = [code for code in self.languages if code not in SPOKEN_LANGUAGES]
        if unknown:
            raise ValidationError(_("Choose languages from the list."), field="languages")
        if not self.consent:
            raise ValidationError(
                _(
                    "Ask the visitor's consent to store their data. Without it, "
                    "check them in anonymously."
                ),
                field="consent",
            )
        return PersonData(
            first_name=first,
            last_name=clean_line(self.last_name, NAME_MAX, "last_name"),
            phone=phone,
            birth_year=self.birth_year,
            home_village=clean_line(self.home_village, VILLAGE_MAX, "home_village"),
            household_size=self.household_size,
            languages=list(dict.fromkeys(self.languages)),
            family_with_children=self.family_with_children,
            older_person=self.older_person,
            lonely=self.lonely,
            newcomer=self.newcomer,
            consent=True,
        )


PERSON_FIELDS = [f.name for f in fields(PersonData) if f.name not in ("languages", "consent")]


def snapshot(person: Person) -> dict:
    data = {name: getattr(person, name) for name in PERSON_FIELDS}
    data["languages"] = person.languages
    data["consent_at"] = person.consent_at
    return data


def data_of(person: Person) -> PersonData:
    """A person as form data, for the edit form."""
    values = {name: getattr(person, name) for name in PERSON_FIELDS}
    return PersonData(**values, languages=person.languages, consent=True)


def set_languages(person: Person, languages: list[str]) -> None:
    PersonLanguage.delete().where(PersonLanguage.person == person).execute()
    if languages:
        PersonLanguage.insert_many(
            [{"person": person.id, "language": code} for code in languages]
        ).execute()


def register_person(actor: User, data: PersonData) -> Person:
    require(actor, Permission.EDIT_PERSONS)
    clean = data.cleaned()
    with unit_of_work():
        moment = now()
        values = {name: getattr(clean, name) for name in PERSON_FIELDS}
        person = Person.create(
            **values,
            consent_at=moment,
            consent_by=actor.id,
            created_at=moment,
            updated_at=moment,
            last_seen_at=moment,
        )
        set_languages(person, clean.languages)
        index_person(person)
        audit.record(actor, Action.CREATE, "person", person.id, after=snapshot(person))
    return person


def update_person(actor: User, person_id: int, data: PersonData) -> Person:
    require(actor, Permission.EDIT_PERSONS)
    clean = data.cleaned()
    with unit_of_work():
        person = get_person(actor, person_id)
        before = snapshot(person)
        for name in PERSON_FIELDS:
            setattr(person, name, getattr(clean, name))
        person.updated_at = now()
        person.save()
        set_languages(person, clean.languages)
        index_person(person)
        old, new = audit.changed_fields(before, snapshot(person))
        if new:
            audit.record(actor, Action.UPDATE, "person", person.id, before=old, after=new)
    return person


def get_person(actor: User, person_id: int) -> Person:
    require(actor, Permission.VIEW_PERSONS)
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        merged = PersonMerge.get_or_none(PersonMerge.old_id == person_id)
        if merged is None:
            raise NotFound(_("This visitor is no longer in the register."))
        person = merged.person
    return person


def index_person(person: Person) -> None:
    PersonSearchToken.delete().where(PersonSearchToken.person == person.id).execute()
    tokens = search_tokens_for(person.first_name, person.last_name, person.phone)
    rows = [{"person": person.id, "token": token} for token in sorted(tokens)]
    if rows:
        PersonSearchToken.insert_many(rows).execute()


def prefix_range(field: pw.Field, prefix: str) -> pw.Expression:
    """`field` starts with `prefix`, as a range an ordinary index can serve on any database."""
    return (field >= prefix) & (field < prefix + "\uffff")


def _name_candidates(full_name: str) -> pw.ModelSelect:
    """Persons sharing the first two letters of any name part: a small set to compare closely."""
    parts = [word[:2] for word in words(full_name) if len(word) >= 2]
    if not parts:
        return Person.select().where(pw.SQL("0 = 1"))
    condition = prefix_range(PersonSearchToken.token, parts[0])
    for part in parts[1:]:
        condition |= prefix_range(PersonSearchToken.token, part)
    ids = PersonSearchToken.select(PersonSearchToken.person).where(condition)
    return Person.select().where(Person.id.in_(ids))


def find_by_card(actor: User, text: str) -> Person | None:
    """The person whose card code is `text` (any case), following merges."""
    code = parse_code(text)
    if code is None or code.kind is not CodeKind.PERSON:
        return None
    try:
        return get_person(actor, code.number)
    except NotFound:
        return None


def find_similar(actor: User, data: PersonData, *, exclude_id: int | None = None) -> list[Person]:
    """Registered persons whose name sounds alike and whose birth year does not differ."""
    require(actor, Permission.VIEW_PERSONS)
    by_name = _name_candidates(data.full_name)
    if data.birth_year is None:
        candidates = by_name
    else:
        # Same birth year: compared whatever the spelling (Julia / Yulia);
        # unknown birth year: only names that start alike.
        candidates = Person.select().where(
            (Person.birth_year == data.birth_year)
            | (Person.birth_year.is_null() & Person.id.in_(by_name.select(Person.id)))
        )
    if exclude_id is not None:
        candidates = candidates.where(Person.id != exclude_id)
    alike = [p for p in candidates if are_similar_names(p.full_name, data.full_name)]
    # The closest spelling first: in a large register many names are merely alike.
    alike.sort(key=lambda p: name_similarity(p.full_name, data.full_name), reverse=True)
    return alike[:10]


def target_group_name(group: str) -> str:
    return _(TARGET_GROUPS[group])
