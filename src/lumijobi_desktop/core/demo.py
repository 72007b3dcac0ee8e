"""Deterministic demo data: two years of a busy centre, for trying the app and for benchmarks.

`generate_demo` fills a freshly created, empty database with demo accounts,
visitors and their visits. The same seed and the same `today` give the same
data, row for row (on the same Python version): every random choice comes
from one `random.Random(seed)` and every timestamp is counted from `today`,
never from the clock. Only the audit entry saying demo data was made, and the
accounts' salted PIN hashes, differ between runs.

The large size (100,000 persons, 1,000,000 visits) is the benchmark database,
so writing is built for speed: rows are plain tuples streamed in chunks
through one prepared statement, the tables' secondary indexes are built once
at the end instead of row by row, and the whole load is one transaction, so
a failure leaves the database as empty as it was.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee as pw

from lumijobi_desktop.core import (
    audit,
    demo_advice,
    demo_events,
    demo_goods,
    demo_volunteers,
    settings,
)
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, current_database, unit_of_work
from lumijobi_desktop.core.demo_names import (
    FINNISH_FEMALE,
    FINNISH_LAST,
    FINNISH_MALE,
    NEAR_DUPLICATES,
    OTHER_NAMES,
    UKRAINIAN_FEMALE,
    UKRAINIAN_LAST,
    UKRAINIAN_MALE,
)
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.name_matching import search_tokens_for
from lumijobi_desktop.core.passwords import hash_secret
from lumijobi_desktop.core.people import (
    VILLAGES,
    Person,
    PersonLanguage,
    PersonSearchToken,
)
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import COFFEE_DAY, Purpose, Visit

DEMO_PIN = "1234"
DEMO_ADMIN_NAME = "Demo Admin"
# (display name, role, preferred language or None for the desk default)
DEMO_ACCOUNTS = (
    (DEMO_ADMIN_NAME, Role.ADMIN, None),
    ("Liisa Virtanen", Role.VOLUNTEER, "fi"),
    ("Oksana Melnyk", Role.COORDINATOR, "uk"),
    ("Mikko Hämäläinen", Role.STAFF, None),
)
DEMO_CENTRE_NAME = "Help Center Lumijobi"
# Printed on the advice slips (the events' place is "Help Center Lumijobi, Ratakatu 3").
DEMO_CENTRE_ADDRESS = "Ratakatu 3, 91980 Lumijoki"
DEMO_CENTRE_PHONE = "040 123 4567"
DEMO_DEFAULT_LANGUAGE = "fi"


@dataclass(frozen=True)
class DemoSize:
    """How much to make: exact counts, over `days` calendar days before today."""

    persons: int
    visits: int
    days: int = 730


SIZES = {
    "small": DemoSize(persons=300, visits=6_000),
    # The benchmark database.
    "large": DemoSize(persons=100_000, visits=1_000_000),
}


@dataclass(frozen=True)
class DemoSummary:
    """What was made: for the command line's report and for tests."""

    size: str
    seed: int
    first_day: dt.date
    last_day: dt.date
    persons: int
    visits: int
    anonymous_visits: int
    search_tokens: int
    user_ids: dict[Role, int]
    admin_id: int
    # (earlier id, later id) of each deliberate near-duplicate pair.
    near_duplicates: list[tuple[int, int]]
    # The recycling point (see demo_goods).
    donations: int = 0
    items: int = 0
    handouts: int = 0
    reservations: int = 0
    wishes: int = 0
    # Events (see demo_events).
    partners: int = 0
    coffee_meetings: int = 0
    community_events: int = 0
    registrations: int = 0
    waiting: int = 0
    tallies: int = 0
    # Advice with the coordinator (see demo_advice).
    advice_sessions: int = 0
    advice_done: int = 0
    advice_no_shows: int = 0
    advice_cancelled: int = 0
    advice_notes: int = 0
    follow_ups: int = 0
    advice_queue: int = 0
    # Volunteers, the friend service and neighbour help (see demo_volunteers).
    volunteers: int = 0
    volunteer_hours: int = 0  # hours, rounded
    friend_pairs: int = 0
    help_requests: int = 0

    @property
    def events(self) -> int:
        return self.coffee_meetings + self.community_events

    @property
    def users(self) -> int:
        return len(self.user_ids)


Progress = Callable[[int, int], None]

# --- shape of the data -------------------------------------------------------------------------

OPENS, CLOSES = 9 * 3600, 16 * 3600
COFFEE_STARTS, COFFEE_ENDS = 9 * 3600 + 45 * 60, 12 * 3600
SECONDS_PER_DAY = 86_400

ANONYMOUS_SHARE = 0.10
# Most newcomers are checked in right after registering.
REGISTRATION_VISIT_SHARE = 0.85
REGULAR_SHARE = 0.07
REGULAR_ATTENDANCE = 0.85
VISIT_WEIGHT_CAP = 30.0
TUESDAY_COFFEE_SHARE = 0.45
EVENT_DAY_SHARE = 0.06
EVENT_VISIT_SHARE = 0.30
# The register started with the visitors the centre already knew.
LAUNCH_DAYS, LAUNCH_BOOST = 20, 6.0

ORIGINS = (("fi", 50), ("uk", 44), ("other", 6))
CYRILLIC_SHARE = 0.20
PHONE_SHARE = 0.60
BIRTH_YEAR_SHARE = 0.70
VILLAGE_SHARE = 0.85
HOUSEHOLD_SHARE = 0.55
NO_LAST_NAME_SHARE = 0.01
MOBILE_PREFIXES = ("40", "41", "44", "45", "50")
VILLAGE_WEIGHTS = (50, 8, 6, 6, 4, 12, 7, 7)  # in the order of people.VILLAGES
AGE_BRACKETS = ((18, 29, 20), (30, 44, 30), (45, 64, 28), (65, 92, 22))

# Plain strings: a million visits read them, and an enum member's .value is slow.
GOODS, COFFEE, ADVICE = Purpose.GOODS.value, Purpose.COFFEE.value, Purpose.ADVICE.value
EVENT, OTHER = Purpose.EVENT.value, Purpose.OTHER.value
# An expanded table: one random pick gives a weighted purpose, fast.
ORDINARY_PURPOSES = [GOODS] * 14 + [ADVICE] * 3 + [EVENT] * 1 + [OTHER] * 2
WEEKDAY_FACTORS = (1.0, 1.5, 1.0, 1.1, 0.8)
MONTH_FACTORS = (1.1, 1.1, 1.0, 1.0, 0.9, 0.8, 0.5, 0.8, 1.0, 1.1, 1.1, 1.2)
FIXED_HOLIDAYS = {(1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26), (12, 31)}

WRITE_CHUNK = 10_000
BULK_MODELS = (Person, PersonLanguage, PersonSearchToken, Visit)


def generate_demo(
    *,
    size: str = "small",
    seed: int = 0,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the open, empty database (see `store.open_store`) with demo data.

    The visits cover the `days` before `today` (today itself stays empty, so
    nothing lies in the future and the day's list starts clean). `progress`
    is called with (rows done, rows in all) now and then.
    """
    spec = _size_spec(size)
    today = today or dt.date.today()
    rng = random.Random(seed)
    calendar = _Calendar.build(rng, today, spec.days)
    database = current_database()
    with unit_of_work():
        _require_empty()
        demo_goods.require_empty()
        demo_events.require_empty()
        demo_advice.require_empty()
        demo_volunteers.require_empty()
        settings.store(settings.CENTRE_NAME, DEMO_CENTRE_NAME)
        settings.store(settings.CENTRE_ADDRESS, DEMO_CENTRE_ADDRESS)
        settings.store(settings.CENTRE_PHONE, DEMO_CENTRE_PHONE)
        settings.store(settings.DEFAULT_LANGUAGE_KEY, DEMO_DEFAULT_LANGUAGE)
        user_ids = _create_accounts(calendar.first_moment())
        tracker = _Tracker(spec.persons + spec.visits, progress)
        with _indexes_built_after(database, (*BULK_MODELS, *demo_goods.BULK_MODELS)):
            population = _write_persons(
                database, rng, calendar, spec.persons, user_ids[Role.ADMIN], tracker
            )
            # Events first planned: who comes to them needs visits among the day's others.
            plan = demo_events.plan_events(seed, size, calendar, population, user_ids, today)
            calendar.event_days = plan.event_days(len(calendar.days), EVENT_DAY_SHARE)
            # The coordinator's hours and sessions too: each session done is an advice visit.
            advice = demo_advice.plan_advice(seed, calendar, population, user_ids, today, _is_open)
            planned = demo_advice.with_advice_visits(plan.visits, advice)
            anonymous = _write_visits(
                database, rng, calendar, population, spec.visits, user_ids, tracker, planned
            )
            goods = demo_goods.write_goods(
                rng,
                calendar,
                population,
                items=demo_goods.ITEMS[size],
                user_ids=user_ids,
                today=today,
                writer=lambda model, fields: _BulkWriter(database, model, fields),
            )
        _set_last_seen()
        happenings = demo_events.write_events(
            plan, calendar, lambda model, fields: _BulkWriter(database, model, fields)
        )
        counsel = demo_advice.write_advice(
            advice, lambda model, fields: _BulkWriter(database, model, fields)
        )
        with _indexes_built_after(database, demo_volunteers.BULK_MODELS):
            helpers = demo_volunteers.write_volunteers(
                seed,
                size,
                calendar,
                user_ids,
                today,
                lambda model, fields: _BulkWriter(database, model, fields),
            )
        summary = DemoSummary(
            size=size,
            seed=seed,
            first_day=calendar.first_day,
            last_day=calendar.last_day,
            persons=spec.persons,
            visits=spec.visits,
            anonymous_visits=anonymous,
            search_tokens=population.token_count,
            user_ids=user_ids,
            admin_id=user_ids[Role.ADMIN],
            near_duplicates=population.near_duplicates,
            donations=goods.donations,
            items=goods.items,
            handouts=goods.handouts,
            reservations=goods.reservations,
            wishes=goods.wishes,
            partners=goods.partners + happenings.partners,
            coffee_meetings=happenings.coffee_meetings,
            community_events=happenings.community_events,
            registrations=happenings.registrations,
            waiting=happenings.waiting,
            tallies=happenings.tallies,
            advice_sessions=counsel.sessions,
            advice_done=counsel.done,
            advice_no_shows=counsel.no_shows,
            advice_cancelled=counsel.cancelled,
            advice_notes=counsel.notes,
            follow_ups=counsel.follow_ups,
            advice_queue=counsel.queue,
            volunteers=helpers.volunteers,
            volunteer_hours=helpers.hours,
            friend_pairs=helpers.friend_pairs,
            help_requests=helpers.help_requests,
        )
        audit.record(None, Action.CREATE, "database", None, after=_audit_details(summary, today))
    return summary


def _size_spec(size: str) -> DemoSize:
    if size not in SIZES:
        raise ValidationError(
            _("Unknown demo size {size}. Choose one of: {sizes}.").format(
                size=size, sizes=", ".join(SIZES)
            ),
            field="size",
        )
    return SIZES[size]


def _require_empty() -> None:
    # Mixing demo visitors into a real register could never be cleanly undone.
    if User.select().exists() or Person.select().exists():
        raise ValidationError(_("Demo data can only be added to a new, empty database."))


def _audit_details(summary: DemoSummary, today: dt.date) -> dict:
    return {
        "demo_data": summary.size,
        "seed": summary.seed,
        "today": today,
        "persons": summary.persons,
        "visits": summary.visits,
        "events": summary.events,
        "advice_sessions": summary.advice_sessions,
        "volunteers": summary.volunteers,
        "volunteer_hours": summary.volunteer_hours,
        "friend_pairs": summary.friend_pairs,
        "help_requests": summary.help_requests,
    }


# --- accounts ----------------------------------------------------------------------------------


def _create_accounts(created_at: str) -> dict[Role, int]:
    # scrypt is slow on purpose; one hash serves every demo account (they share the PIN).
    password_hash = hash_secret(DEMO_PIN)
    ids = {}
    for name, role, language in DEMO_ACCOUNTS:
        ids[role] = User.insert(
            display_name=name,
            role=role.value,
            password_hash=password_hash,
            language=language,
            created_at=created_at,
        ).execute()
    return ids


# --- the calendar ------------------------------------------------------------------------------


@dataclass
class _Calendar:
    """The open days of the period, and how busy each one is.

    A moment is an int: open-day index * SECONDS_PER_DAY + seconds since midnight,
    cheap to draw, compare and sort, and written out through the day's date prefix.
    """

    first_day: dt.date
    last_day: dt.date
    days: list[dt.date]
    weekdays: list[int]
    prefixes: list[str]
    busyness: list[float]
    event_days: list[bool]

    @classmethod
    def build(cls, rng: random.Random, today: dt.date, day_count: int) -> _Calendar:
        first = today - dt.timedelta(days=day_count)
        dates = [first + dt.timedelta(days=n) for n in range(day_count)]
        days = [day for day in dates if _is_open(day)]
        return cls(
            first_day=first,
            last_day=today - dt.timedelta(days=1),
            days=days,
            weekdays=[day.weekday() for day in days],
            prefixes=[f"{day.isoformat()} " for day in days],
            # A little noise, so no two Mondays look the same.
            busyness=[_busyness(day) * rng.uniform(0.75, 1.25) for day in days],
            event_days=[rng.random() < EVENT_DAY_SHARE for _day in days],
        )

    def first_moment(self) -> str:
        return f"{self.first_day.isoformat()} 08:00:00"

    def text(self, moment: int) -> str:
        """The moment as the database stores a datetime: `2024-05-06 09:12:33`."""
        day, second = divmod(moment, SECONDS_PER_DAY)
        minutes, seconds = divmod(second, 60)
        return f"{self.prefixes[day]}{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}"


def _is_open(day: dt.date) -> bool:
    if day.weekday() >= 5 or (day.month, day.day) in FIXED_HOLIDAYS:
        return False
    # Midsummer Eve: the Friday between 19 and 25 June.
    return not (day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4)


def _busyness(day: dt.date) -> float:
    return WEEKDAY_FACTORS[day.weekday()] * MONTH_FACTORS[day.month - 1]


# --- persons -----------------------------------------------------------------------------------


class _NewPerson(NamedTuple):
    first_name: str
    last_name: str
    phone: str
    birth_year: int | None
    home_village: str
    household_size: int | None
    family_with_children: bool
    older_person: bool
    lonely: bool
    newcomer: bool
    languages: list[str]


PERSON_FIELDS = [
    Person.id,
    Person.first_name,
    Person.last_name,
    Person.phone,
    Person.birth_year,
    Person.home_village,
    Person.household_size,
    Person.family_with_children,
    Person.older_person,
    Person.lonely,
    Person.newcomer,
    Person.consent_at,
    Person.consent_by,
    Person.created_at,
    Person.updated_at,
    Person.last_seen_at,
]


@dataclass
class _Population:
    """What the visits need to know of the persons written, in id order (index = id - 1)."""

    created: list[int]
    created_days: list[int]
    # Regulars come weekly on their own weekday; -1 for occasional visitors.
    regular_weekday: list[int]
    # How often an occasional visit goes to this person rather than another.
    cumulative_weights: list[float]
    near_duplicates: list[tuple[int, int]]
    token_count: int


def _write_persons(
    database: pw.Database,
    rng: random.Random,
    calendar: _Calendar,
    count: int,
    admin_id: int,
    tracker: _Tracker,
) -> _Population:
    created = _registration_moments(rng, calendar, count)
    duplicates = _near_duplicate_slots(rng, count)
    persons = _BulkWriter(database, Person, PERSON_FIELDS, tracker)
    languages = _BulkWriter(
        database, PersonLanguage, [PersonLanguage.person, PersonLanguage.language]
    )
    tokens = _BulkWriter(
        database, PersonSearchToken, [PersonSearchToken.person, PersonSearchToken.token]
    )
    this_year = calendar.last_day.year
    for index, moment in enumerate(created):
        person_id = index + 1
        person = _new_person(rng, this_year, duplicates.get(index))
        stamp = calendar.text(moment)
        # The first ten values of a _NewPerson are PERSON_FIELDS[1:11], in that order.
        persons.add((person_id, *person[:10], stamp, admin_id, stamp, stamp, stamp))
        for code in person.languages:
            languages.add((person_id, code))
        # Exactly the rows people.index_person would write, without a query per person.
        person_tokens = search_tokens_for(person.first_name, person.last_name, person.phone)
        for token in sorted(person_tokens):
            tokens.add((person_id, token))
        if persons.full():
            _flush(persons, languages, tokens)
    _flush(persons, languages, tokens)
    return _Population(
        created=created,
        created_days=[moment // SECONDS_PER_DAY for moment in created],
        regular_weekday=_regular_weekdays(rng, count),
        cumulative_weights=_visit_weights(rng, count),
        near_duplicates=_pair_ids(duplicates),
        token_count=tokens.written,
    )


def _registration_moments(rng: random.Random, calendar: _Calendar, count: int) -> list[int]:
    """When each person registered, in order, so ids grow with time as at the real desk."""
    weights = [
        busy * (LAUNCH_BOOST if index < LAUNCH_DAYS else 1.0)
        for index, busy in enumerate(calendar.busyness)
    ]
    days = rng.choices(range(len(calendar.days)), weights=weights, k=count)
    # Registering takes a few minutes; nobody is registered just before closing.
    return sorted(day * SECONDS_PER_DAY + rng.randrange(OPENS, CLOSES - 10 * 60) for day in days)


def _near_duplicate_slots(rng: random.Random, count: int) -> dict[int, tuple]:
    """Person index → (pair number, which record, origin, (first, last), birth year).

    The earlier record falls in the first half of the register, the later one in
    the second half: someone registered again months later, spelled differently.
    """
    pairs = min(len(NEAR_DUPLICATES), count // 2)
    half = count // 2
    earlier = rng.sample(range(half), pairs)
    later = rng.sample(range(half, count), pairs)
    slots = {}
    for number, (origin, first, second, year) in enumerate(NEAR_DUPLICATES[:pairs]):
        slots[earlier[number]] = (number, 0, origin, first, year)
        slots[later[number]] = (number, 1, origin, second, year)
    return slots


def _pair_ids(slots: dict[int, tuple]) -> list[tuple[int, int]]:
    pairs: dict[int, list[int]] = {}
    for index, (number, which, *_rest) in slots.items():
        pairs.setdefault(number, [0, 0])[which] = index + 1
    return [(earlier, later) for _number, (earlier, later) in sorted(pairs.items())]


def _regular_weekdays(rng: random.Random, count: int) -> list[int]:
    # Half of the regulars are the Tuesday coffee crowd.
    return [
        (COFFEE_DAY if rng.random() < 0.5 else rng.randrange(5))
        if rng.random() < REGULAR_SHARE
        else -1
        for _index in range(count)
    ]


def _visit_weights(rng: random.Random, count: int) -> list[float]:
    """Cumulative weights: most people come a few times, some often (a long tail)."""
    total, cumulative = 0.0, []
    for _index in range(count):
        # Capped, so the tail ends at a few visits a week, not every day.
        total += min(rng.lognormvariate(0.0, 1.5), VISIT_WEIGHT_CAP)
        cumulative.append(total)
    return cumulative


def _new_person(rng: random.Random, this_year: int, duplicate: tuple | None) -> _NewPerson:
    origin = duplicate[2] if duplicate else _weighted(rng, ORIGINS)
    female = rng.random() < 0.55
    first, last, own_language = _name(rng, origin, female)
    age = _age(rng)
    birth_year = this_year - age if rng.random() < BIRTH_YEAR_SHARE else None
    if duplicate:
        (first, last), birth_year = duplicate[3], duplicate[4]
        age = this_year - birth_year
    elif rng.random() < NO_LAST_NAME_SHARE:
        # Now and then only a first name was put down.
        last = ""
    family = rng.random() < (0.45 if 25 <= age <= 50 else 0.08)
    older = age >= 65 and rng.random() < 0.9
    return _NewPerson(
        first_name=first,
        last_name=last,
        phone=_phone(rng) if rng.random() < PHONE_SHARE else "",
        birth_year=birth_year,
        home_village=_village(rng) if rng.random() < VILLAGE_SHARE else "",
        household_size=_household(rng, family) if rng.random() < HOUSEHOLD_SHARE else None,
        family_with_children=family,
        older_person=older,
        lonely=rng.random() < (0.3 if older else 0.06),
        newcomer=rng.random() < {"fi": 0.01, "uk": 0.6, "other": 0.5}[origin],
        languages=_languages(rng, own_language),
    )


def _name(rng: random.Random, origin: str, female: bool) -> tuple[str, str, str]:
    """(first name, last name, the language the person speaks)."""
    if origin == "fi":
        firsts = FINNISH_FEMALE if female else FINNISH_MALE
        return rng.choice(firsts), rng.choice(FINNISH_LAST), "fi"
    if origin == "uk":
        first = rng.choice(UKRAINIAN_FEMALE if female else UKRAINIAN_MALE)
        last = rng.choice(UKRAINIAN_LAST)
        # Written in Cyrillic when a Ukrainian volunteer registered them.
        script = 1 if rng.random() < CYRILLIC_SHARE else 0
        return first[script], last[script], "uk"
    language = rng.choice(sorted(OTHER_NAMES))
    firsts, lasts = OTHER_NAMES[language]
    return rng.choice(firsts), rng.choice(lasts), language


def _languages(rng: random.Random, own: str) -> list[str]:
    if own == "fi":
        extra = [("en", 0.35), ("sv", 0.08)]
    elif own == "uk":
        # Many Ukrainians speak Russian too; some only Russian is put down.
        own = "uk" if rng.random() < 0.95 else "ru"
        extra = [("ru", 0.40), ("en", 0.25), ("fi", 0.20)]
    else:
        extra = [("en", 0.50), ("fi", 0.20)]
    spoken = [own] + [code for code, share in extra if rng.random() < share]
    return list(dict.fromkeys(spoken))


def _age(rng: random.Random) -> int:
    low, high, _weight = _weighted(rng, [(bracket, bracket[2]) for bracket in AGE_BRACKETS])
    return rng.randint(low, high)


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(MOBILE_PREFIXES)
    middle, end = rng.randrange(100, 1000), rng.randrange(10_000)
    # Most give the number as on their phone; some as they would say it.
    if rng.random() < 0.75:
        return f"+358 {prefix} {middle} {end:04d}"
    return f"0{prefix} {middle}{end:04d}"


def _village(rng: random.Random) -> str:
    return rng.choices(VILLAGES, weights=VILLAGE_WEIGHTS)[0]


def _household(rng: random.Random, family: bool) -> int:
    return rng.randint(3, 7) if family else rng.randint(1, 2)


def _weighted(rng: random.Random, choices: Sequence[tuple[Any, float]]) -> Any:
    values = [value for value, _weight in choices]
    weights = [weight for _value, weight in choices]
    return rng.choices(values, weights=weights)[0]


# --- visits ------------------------------------------------------------------------------------

VISIT_FIELDS = [Visit.person, Visit.visited_at, Visit.purpose, Visit.recorded_by]


def _write_visits(
    database: pw.Database,
    rng: random.Random,
    calendar: _Calendar,
    population: _Population,
    total: int,
    user_ids: dict[Role, int],
    tracker: _Tracker,
    planned: dict[int, list[tuple[int, int | None, str]]] | None = None,
) -> int:
    """Write `total` visits day by day, in time order; returns how many were anonymous.

    `planned` visits (open-day index → visits: those ticked at events) are part of the
    total: the returning and anonymous visits of the period are fewer by as many.
    """
    planned = planned or {}
    planned_anonymous = sum(1 for day in planned.values() for visit in day if visit[1] is None)
    planned_named = sum(len(day) for day in planned.values()) - planned_anonymous
    persons = len(population.created)
    anonymous = round(total * ANONYMOUS_SHARE)
    checked_in = _checked_in_at_registration(rng, persons, total - anonymous)
    returning = max(0, total - anonymous - sum(checked_in) - planned_named)
    returning_per_day = _apportion(returning, _returning_weights(calendar, population))
    anonymous_per_day = _apportion(max(0, anonymous - planned_anonymous), calendar.busyness)
    regulars = _regulars_by_weekday(population)
    visits = _BulkWriter(database, Visit, VISIT_FIELDS, tracker)
    next_new = 0
    for day_index, day in enumerate(calendar.days):
        day_visits = []
        while next_new < persons and population.created_days[next_new] == day_index:
            if checked_in[next_new]:
                day_visits.append(_registration_visit(rng, calendar, population, next_new))
            next_new += 1
        regulars_today = _regulars_attending(rng, population, regulars[day.weekday()], day_index)
        day_visits += _returning_visits(
            rng, calendar, population, day_index, returning_per_day[day_index], regulars_today
        )
        day_visits += [
            _ordinary_visit(rng, calendar, day_index, None)
            for _visit in range(anonymous_per_day[day_index])
        ]
        day_visits += planned.get(day_index, ())
        _write_day(rng, calendar, day_index, day_visits, user_ids, visits)
        if visits.full():
            visits.flush()
    visits.flush()
    return anonymous


def _checked_in_at_registration(rng: random.Random, persons: int, visits: int) -> list[bool]:
    """Who was checked in right after registering; never more than the visits allow."""
    count = min(round(persons * REGISTRATION_VISIT_SHARE), visits)
    chosen = set(rng.sample(range(persons), count))
    return [index in chosen for index in range(persons)]


def _returning_weights(calendar: _Calendar, population: _Population) -> list[float]:
    """A day gets returning visits by how busy it is and how many are registered by then."""
    return [
        busy * bisect.bisect_left(population.created_days, day_index)
        for day_index, busy in enumerate(calendar.busyness)
    ]


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into whole numbers in proportion to `weights`, summing exactly to `total`.

    Largest remainders: the floors first, then one more to the days closest to the next.
    """
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    quotas = [total * weight / weight_sum for weight in weights]
    counts = [int(quota) for quota in quotas]
    left = total - sum(counts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - quotas[i], i))
    for index in by_remainder[:left]:
        counts[index] += 1
    return counts


def _regulars_by_weekday(population: _Population) -> list[list[int]]:
    weekdays: list[list[int]] = [[] for _day in range(5)]
    for index, weekday in enumerate(population.regular_weekday):
        if weekday >= 0:
            weekdays[weekday].append(index)
    return weekdays


def _regulars_attending(
    rng: random.Random, population: _Population, regulars: list[int], day_index: int
) -> list[int]:
    # Regulars registered before today, in id order, so the eligible ones are a prefix.
    attending = []
    for index in regulars:
        if population.created_days[index] >= day_index:
            break
        if rng.random() < REGULAR_ATTENDANCE:
            attending.append(index)
    return attending


def _returning_visits(
    rng: random.Random,
    calendar: _Calendar,
    population: _Population,
    day_index: int,
    count: int,
    regulars: list[int],
) -> list[tuple[int, int | None, str]]:
    if len(regulars) > count:
        regulars = sorted(rng.sample(regulars, count))
    visits = [_regular_visit(rng, calendar, population, day_index, index) for index in regulars]
    registered = bisect.bisect_left(population.created_days, day_index)
    if registered == 0:
        return visits
    cumulative = population.cumulative_weights
    for _visit in range(count - len(regulars)):
        # A weighted pick among those registered before today (a prefix in id order).
        index = bisect.bisect_right(
            cumulative, rng.random() * cumulative[registered - 1], 0, registered - 1
        )
        visits.append(_ordinary_visit(rng, calendar, day_index, index + 1))
    return visits


def _registration_visit(
    rng: random.Random, calendar: _Calendar, population: _Population, index: int
) -> tuple[int, int | None, str]:
    # Checked in a minute or two after the registration form was saved.
    day_index, second = divmod(population.created[index] + rng.randrange(20, 180), SECONDS_PER_DAY)
    on_coffee_morning = (
        calendar.weekdays[day_index] == COFFEE_DAY and COFFEE_STARTS <= second < COFFEE_ENDS
    )
    purpose = COFFEE if on_coffee_morning else rng.choice(ORDINARY_PURPOSES)
    return second, index + 1, purpose


def _regular_visit(
    rng: random.Random, calendar: _Calendar, population: _Population, day_index: int, index: int
) -> tuple[int, int | None, str]:
    if population.regular_weekday[index] == COFFEE_DAY and rng.random() < 0.8:
        return rng.randrange(COFFEE_STARTS, COFFEE_ENDS), index + 1, COFFEE
    return _ordinary_visit(rng, calendar, day_index, index + 1)


def _ordinary_visit(
    rng: random.Random, calendar: _Calendar, day_index: int, person_id: int | None
) -> tuple[int, int | None, str]:
    """(seconds since midnight, person id or None, purpose) of one check-in."""
    if calendar.weekdays[day_index] == COFFEE_DAY and rng.random() < TUESDAY_COFFEE_SHARE:
        purpose = COFFEE if rng.random() < 0.85 else rng.choice(ORDINARY_PURPOSES)
        return rng.randrange(COFFEE_STARTS, COFFEE_ENDS), person_id, purpose
    if calendar.event_days[day_index] and rng.random() < EVENT_VISIT_SHARE:
        return rng.randrange(13 * 3600, 15 * 3600 + 30 * 60), person_id, EVENT
    # Busiest around noon.
    second = min(int(rng.triangular(OPENS, CLOSES, 12 * 3600 + 30 * 60)), CLOSES - 1)
    return second, person_id, rng.choice(ORDINARY_PURPOSES)


def _write_day(
    rng: random.Random,
    calendar: _Calendar,
    day_index: int,
    day_visits: list[tuple[int, int | None, str]],
    user_ids: dict[Role, int],
    visits: _BulkWriter,
) -> None:
    # One person staffs the desk each day; the coordinator records her own advice visits.
    desk = user_ids[_weighted(rng, [(Role.VOLUNTEER, 70), (Role.STAFF, 20), (Role.ADMIN, 10)])]
    coordinator = user_ids[Role.COORDINATOR]
    base = day_index * SECONDS_PER_DAY
    day_visits.sort(key=lambda visit: visit[0])
    for second, person_id, purpose in day_visits:
        recorder = coordinator if purpose == ADVICE else desk
        visits.add((person_id, calendar.text(base + second), purpose, recorder))


def _set_last_seen() -> None:
    """last_seen_at: the latest visit, or the registration for those never checked in."""
    latest = Visit.select(pw.fn.MAX(Visit.visited_at)).where(Visit.person == Person.id)
    Person.update(last_seen_at=pw.fn.COALESCE(latest, Person.created_at)).execute()


# --- writing fast ------------------------------------------------------------------------------


class _Tracker:
    """Counts rows written and tells `progress` now and then."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(self.done, self.total)


class _BulkWriter:
    """Plain tuples into one table, in chunks, through one prepared statement.

    peewee writes the INSERT (with the placeholders of the database in use) and
    the driver's executemany runs it: about three times faster than insert_many,
    which builds a new SQL text for each chunk, and free of the limit on
    variables per statement. Values must already be as stored (datetimes as text).
    """

    def __init__(
        self,
        database: pw.Database,
        model: type[BaseModel],
        fields: list[pw.Field],
        tracker: _Tracker | None = None,
    ) -> None:
        placeholder_row = [None] * len(fields)
        self.sql, _params = model.insert_many([placeholder_row], fields=fields).sql()
        self.database, self.tracker = database, tracker
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.rows.append(row)

    def full(self) -> bool:
        return len(self.rows) >= WRITE_CHUNK

    def flush(self) -> None:
        if not self.rows:
            return
        self.database.cursor().executemany(self.sql, self.rows)
        self.written += len(self.rows)
        if self.tracker is not None:
            self.tracker.advance(len(self.rows))
        self.rows = []


def _flush(*writers: _BulkWriter) -> None:
    """Write the buffered rows, parents first, so every foreign key finds its row."""
    for writer in writers:
        writer.flush()


@contextmanager
def _indexes_built_after(database: pw.Database, models: Sequence[type[BaseModel]]) -> Iterator:
    """Drop the tables' ordinary indexes for the load and build each once afterwards.

    Updating four indexes of a million visits row by row takes several times longer
    than building them from the finished table. Unique indexes stay: they guard data.
    Each index is rebuilt from the definition the database itself reports, so it comes
    back exactly as it was, whichever migration made it. Run inside a transaction: if
    the load fails, the rollback brings the dropped indexes back too.
    """
    dropped = [
        index
        for model in models
        for index in database.get_indexes(model._meta.table_name)
        if not index.unique and index.sql
    ]
    for index in dropped:
        database.execute_sql(f'DROP INDEX "{index.name}"')
    yield
    for index in dropped:
        database.execute_sql(index.sql)
