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
# Search the most recently seen persons first: see `search_persons`.
RECENT_WINDOW = 3000


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


def _has_token_starting(term: str) -> pw.Expression:
    tokens = PersonSearchToken.select(pw.SQL("1")).where(
        (PersonSearchToken.person == Person.id) & prefix_range(PersonSearchToken.token, term)
    )
    return pw.fn.EXISTS(tokens)


def _recently_seen_matches(terms: list[str], limit: int) -> list[Person]:
    recent = Person.select(Person.id).order_by(Person.last_seen_at.desc()).limit(RECENT_WINDOW)
    condition = Person.id.in_(recent)
    for term in terms:
        condition &= _has_token_starting(term)
    query = Person.select().where(condition)
    return list(query.order_by(Person.last_seen_at.desc(), Person.id.desc()).limit(limit))


def search_persons(actor: User, text: str, limit: int = DESK_RESULTS) -> list[Person]:
    """Best matches first: a scanned or typed card code, then regulars seen most recently.

    One or two typed letters match tens of thousands of persons; gathering and
    sorting them all would make every first keystroke slow. So the most
    recently seen persons are searched first: when enough of them match, they
    are exactly the best matches, since everyone else was seen less recently.
    Otherwise the prefix is rare and the indexed search over everyone is cheap.
    """
    require(actor, Permission.VIEW_PERSONS)
    by_card = find_by_card(actor, text)
    if by_card is not None:
        return [by_card]
    terms = list(dict.fromkeys(words(text)))
    if not terms:
        return []
    recent = _recently_seen_matches(terms, limit)
    if len(recent) == limit:
        return recent
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
