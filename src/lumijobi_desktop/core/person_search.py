"""Finding persons: search as you type at the desk, and the paged persons list.

Every name part and phone form is a row in an indexed token table, so a few
typed letters become an index range per word, never a scan of all persons.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core.name_matching import words
from lumijobi_desktop.core.people import (
    Person,
    PersonSearchToken,
    find_by_card,
    prefix_range,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User

DESK_RESULTS = 12


@dataclass(frozen=True)
class SortOrder:
    column: str = "name"
    descending: bool = False


SORT_COLUMNS = {
    "name": (Person.last_name, Person.first_name),
    "birth_year": (Person.birth_year,),
    "village": (Person.home_village,),
    "last_seen": (Person.last_seen_at,),
    "created": (Person.created_at,),
}


def _matching(text: str) -> pw.ModelSelect:
    query = Person.select()
    terms = words(text)
    if not terms:
        return query
    matches = None
    for term in dict.fromkeys(terms):
        ids = PersonSearchToken.select(PersonSearchToken.person).where(
            prefix_range(PersonSearchToken.token, term)
        )
        matches = ids if matches is None else matches & ids
    return query.where(Person.id.in_(matches))


def search_persons(actor: User, text: str, limit: int = DESK_RESULTS) -> list[Person]:
    """Best matches first: a scanned or typed card code, then regulars seen most recently."""
    require(actor, Permission.VIEW_PERSONS)
    by_card = find_by_card(actor, text)
    if by_card is not None:
        return [by_card]
    if not words(text):
        return []
    query = _matching(text).order_by(Person.last_seen_at.desc(), Person.id.desc())
    return list(query.limit(limit))


def count_persons(actor: User, text: str = "") -> int:
    require(actor, Permission.VIEW_PERSONS)
    return _matching(text).count()


def page_of_persons(
    actor: User, text: str, offset: int, limit: int, order: SortOrder = SortOrder()
) -> list[Person]:
    require(actor, Permission.VIEW_PERSONS)
    columns = SORT_COLUMNS[order.column]
    ordering = [c.desc() if order.descending else c.asc() for c in columns]
    query = _matching(text).order_by(*ordering, Person.id)
    return list(query.offset(offset).limit(limit))
