"""Demo data for advice: the coordinator's hours, two years of sessions, notes, follow-ups, a queue.

`demo.generate_demo` uses this module in two steps inside its one transaction:

1. `plan_advice`, after the persons are written and before the visits: the
   coordinator's weekly hours, days off and extra times are written first
   (plain inserts), so that `advice_hours.windows_between` gives the windows
   the sessions are planned in, exactly as the app will show them. Then the
   sessions of the two years and of the weeks ahead are planned: who, when,
   what about, in which language, and how each went. Each session marked done
   counts as an advice visit at its start; these planned visits are handed to
   the visits generator (like the event visits of `demo_events`), so the demo
   still has exactly the visits its size promises.
2. `write_advice`, after the visits: the sessions, linked to their visits; the
   coordinator's notes and follow-ups; the queue, the first in it holding the
   time a cancellation freed yesterday.

The rules are those of `advice`, `advice_booking` and `advice_queue`: a
session lies inside one window of the hours and overlaps no other session
that takes time; a cancelled session frees its time (sometimes someone else
was booked into it); a person has at most one upcoming booking at a time.
About 60 % of the past's slots were taken and the last weeks fully. The weeks
the queue looks ahead in are mostly booked: about a fifth of their slots are
free, each a single half hour between bookings (never two side by side, so
the desk can book a short matter but nowhere is an hour free). Those waiting
in the queue want an hour, which is why they wait. Every time freed lately
was taken again before those waiting now came; yesterday's cancellation freed
an hour between two bookings, held for the first in the queue, and
`advice.next_free_start` finds no hour for the others.

Those who come are mostly newcomers and Ukrainian speakers, the more likely
the more often they visit the centre anyway: the advice visits replace
visits these people would have made, and the visits keep their shape.

Everything comes from one `random.Random` seeded from the demo's seed and
every moment is counted from `today`, never from the clock. Nothing here
writes audit entries (the demo records one entry for everything).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lumijobi_desktop.core.advice import (
    QUEUE_HORIZON,
    TAKING_TIME,
    AdviceQueueEntry,
    AdviceSession,
    QueueStatus,
    SessionStatus,
    next_free_start,
)
from lumijobi_desktop.core.advice_hours import (
    AdviceDayChange,
    AdviceHours,
    DayChangeKind,
    Window,
    windows_between,
)
from lumijobi_desktop.core.advice_notes import AdviceFollowUp, AdviceNote
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.database import current_database
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.visits import Purpose

if TYPE_CHECKING:
    from collections.abc import Callable

    from lumijobi_desktop.core.demo import _Calendar, _Population
    from lumijobi_desktop.core.demo_goods import WriterFactory

SECONDS_PER_DAY = 86_400
OPENS, CLOSES = 9 * 3600, 16 * 3600
ADVICE_PURPOSE = Purpose.ADVICE.value
BOOKED, DONE = SessionStatus.BOOKED.value, SessionStatus.DONE.value
NO_SHOW, CANCELLED = SessionStatus.NO_SHOW.value, SessionStatus.CANCELLED.value

# --- the coordinator's hours ---------------------------------------------------------------------

PLACE = "Neuvontahuone / Lumijobi"
SLOT_MINUTES = 30
HOUR = 60
# (weekday, starts, ends): Tuesdays during the coffee meeting, Thursday afternoons.
WEEKLY_HOURS = ((1, dt.time(10), dt.time(14)), (3, dt.time(12), dt.time(16)))
# One-off extra times: (weekday, starts, ends), inside the centre's opening hours.
EXTRA_TIMES = ((0, dt.time(9), dt.time(11)), (2, dt.time(13), dt.time(15)))
EXTRAS_PER_YEAR = 4
DAYS_OFF_PER_YEAR = (3, 4)
DAY_OFF_NOTES = (
    "Koulutuspäivä Oulussa",
    "Lomapäivä",
    "Maahanmuuttotyön verkostopäivä",
    "Kunnan kotoutumistyöryhmä",
)
PARTIAL_OFF = (dt.time(14), dt.time(16), "Yhteistyöpalaveri Kelan kanssa")
SUMMER_NOTE = "Kesäloma"
CLOSED_NOTE = "Keskus suljettu"
# The coffee meeting cancelled for staff training (see demo_events): the centre is closed.
TRAINING_NOTE = "Henkilöstön koulutuspäivä"
TRAINING_AFTER_DAYS = 35

# How far ahead bookings go: the weeks the queue is offered times in, mostly taken.
AHEAD_DAYS = QUEUE_HORIZON.days

# --- sessions ------------------------------------------------------------------------------------

# The share of a window's slots where a session starts, before day-to-day noise.
FILL = 0.64
# Ahead, the chance that a slot which may be left free (its previous one is booked) is left free:
# about a fifth of the slots ahead stay free, each one alone.
FREE_AHEAD = 0.3
FULL_LATELY_DAYS = 21  # the last weeks before today were fully booked
# Those waiting now came in the last week. Before that, every time freed lately was taken again
# at once, so no free time was there to be offered to them (as `advice_queue` would have).
QUEUE_DAYS = 7
WEEKDAY_FILL = {0: 0.9, 1: 1.1, 2: 0.9, 3: 0.95}
# key, weight, share of sessions an hour long
TOPICS = (
    ("kela", 28, 0.20),
    ("residence", 22, 0.30),
    ("work", 10, 0.20),
    ("housing", 9, 0.20),
    ("health", 9, 0.10),
    ("school", 8, 0.10),
    ("money", 6, 0.10),
    ("language", 5, 0.05),
    ("other", 3, 0.05),
)
DONE_SHARE, NO_SHOW_SHARE = 0.80, 0.08  # the rest of the past is cancelled
REBOOKED_SHARE = 0.35  # of cancelled times: someone else took the freed time
FROM_QUEUE_SHARE = 0.5  # of those: someone who waited in the queue
RETURN_SHARE = 0.65  # a session for someone seen lately, who will come again
RECENT = 80  # of those, the ones seen latest
# Those who often come to the centre come to the coordinator: advice goes by how often a person
# visits (`_Population.cumulative_weights`; those who come less than the median never book), so
# the advice visits go to people who come anyway and the visits keep their shape.
VISIT_WEIGHT_POWER = 1.0
OFTEN_ENOUGH = 1.0
# When everyone likely has come as often as they would (a small register): at most this often.
SESSIONS_MAX = 20
SAME_TOPIC_SHARE = 0.5  # a returning person comes back about the same matter
VISITS_CAP_WEIGHTS = ((1, 15), (2, 25), (3, 25), (4, 20), (5, 15))
COORDINATOR_LANGUAGES = ("uk", "ru", "fi", "en")
INTERPRETER_SHARE = 0.14  # of sessions in Ukrainian or Russian: a certified interpreter
COORDINATOR_BOOKS_SHARE = 0.35
DESK_ROLES = ((Role.VOLUNTEER, 70), (Role.STAFF, 20), (Role.ADMIN, 10))
FUTURE_CANCELLED = (3, 5)
BRING_SHARE = 0.10
BRING_EXTRAS = (
    "Kaikki asiaan liittyvät kirjeet",
    "Pankkitunnukset tai mobiilivarmenne",
    "Oma puhelin",
    "Aiemmat päätökset",
)

# --- notes and follow-ups ------------------------------------------------------------------------

NOTE_SHARE = 0.60
NO_SHOW_NOTE_SHARE = 0.25
SECOND_NOTE_SHARE = 0.08
ADDITION_SHARE = 0.40
FOLLOW_UP_SHARE = 0.20
LATE, DUE_TODAY, UPCOMING = (3, 5), (1, 2), (4, 6)  # open follow-ups as the demo's today sees them
LATE_DAYS = 21  # late ones were due in the last three weeks; older ones are done

NOTES = {
    "kela": (
        "Autettiin täyttämään Kelan asumistukihakemus. Liitteet puuttuvat vielä.",
        "Käytiin läpi Kelan päätös perustoimeentulotuesta. Päätös on oikein, ei oikaisua.",
        "Tehtiin lapsilisähakemus verkossa yhdessä. Vahvistus tuli sähköpostiin.",
        "Kela pyysi lisäselvitystä tuloista. Tulostettiin tiliotteet ja lähetettiin.",
        "Neuvottu sairauspäivärahan hakemisessa. Lääkärintodistus toimitetaan itse.",
        "Selvitettiin, miksi asumistuki pieneni. Tulot nousivat, päätös on oikein.",
        "Autettiin kirjautumaan OmaKelaan ensimmäistä kertaa.",
    ),
    "residence": (
        "Tarkistettiin oleskelulupakortin voimassaolo. Jatkohakemus tehdään ajoissa.",
        "Täytettiin jatkolupahakemus Enter Finlandissa. Aika palvelupisteeseen varattu.",
        "Käytiin läpi Migrin kirje. Pyydetyt liitteet lähetetään kahden viikon sisällä.",
        "Neuvottu kotikuntahakemuksessa. Lomake täytetty, lähtee postissa.",
        "Selvitettiin perheenyhdistämisen vaihtoehtoja. Annettu Migrin ohjeet ukrainaksi.",
        "DVV:n päätös kotikunnasta saapunut. Käytiin läpi, mitä se tarkoittaa.",
    ),
    "school": (
        "Autettiin ilmoittautumaan esikouluun. Tulkki vanhempainiltaan sovittu.",
        "Haettiin varhaiskasvatuspaikkaa verkossa. Vastaus tulee kuukauden sisällä.",
        "Käytiin läpi koulun kirje ja Wilman käyttö. Lukujärjestys tulostettu.",
        "Neuvottu koulukuljetuksen hakemisessa kunnalta.",
        "Keskusteltu lapsen suomen kielen tukiopetuksesta. Otetaan yhteyttä kouluun.",
    ),
    "health": (
        "Neuvottu ajanvaraus terveyskeskukseen. Numero ja ajat kirjoitettu paperille.",
        "Autettiin täyttämään Kela-korttihakemus.",
        "Käytiin läpi hammashoitolan kirje. Aika varattu puhelimessa yhdessä.",
        "Selvitettiin reseptien uusiminen OmaKannassa.",
        "Ohjattu neuvolaan. Ensimmäinen käynti varattu.",
    ),
    "work": (
        "Päivitettiin CV suomeksi. Tulostettu kolme kappaletta.",
        "Rekisteröidyttiin työnhakijaksi. Ensimmäinen tapaaminen tulossa.",
        "Haettiin kahta kesätyöpaikkaa yhdessä verkossa.",
        "Käytiin läpi työsopimus ja palkkalaskelma. Verokortti pitää päivittää.",
        "Autettiin tilaamaan verokortti OmaVerosta.",
    ),
    "housing": (
        "Käytiin läpi vuokrasopimus. Vakuusmaksun palautuksesta sovittu.",
        "Täytettiin kunnan vuokra-asuntohakemus. Liitteeksi tarvitaan tulotiedot.",
        "Neuvottu sähkösopimuksen tekemisessä. Sopimus tehty verkossa.",
        "Muuttoilmoitus tehty verkossa yhdessä.",
        "Vertailtiin kotivakuutuksia. Päättää itse ensi viikolla.",
    ),
    "money": (
        "Avattiin pankkitili. Pankkitunnukset tulevat postissa.",
        "Tehtiin maksusuunnitelma kahdesta laskusta. Soitettiin perintätoimistoon yhdessä.",
        "Käytiin läpi sähkölasku ja e-laskun tilaaminen.",
        "Neuvottu verkkopankin käytössä. Laskut maksettu yhdessä.",
    ),
    "language": (
        "Ilmoittauduttiin kansalaisopiston suomen kurssille.",
        "Etsittiin suomen kielen verkkokursseja. Linkit annettu paperilla.",
        "Selvitettiin kotoutumiskoulutukseen hakeminen.",
        "Tehtiin kielitaidon lähtötasotesti yhdessä.",
    ),
    "other": (
        "Autettiin täyttämään lomake. Asia hoidettu.",
        "Neuvottu ajokortin vaihtamisessa suomalaiseen. Ohjeet tulostettu.",
        "Yleistä neuvontaa arjen asioista. Ei jatkotoimia.",
        "Selvitettiin kirjastokortin hakeminen ja kirjaston palvelut.",
    ),
}
ADDITIONS = (
    "Seuraava tapaaminen sovittu.",
    "Puuttuvat paperit tuodaan ensi kerralla.",
    "Ei jatkotoimia.",
    "Ohjeet annettu myös paperilla ukrainaksi.",
    "Puhelinnumero tarkistettu.",
)
INTERPRETER_ADDITION = "Tulkki oli mukana puhelimitse."
SECOND_NOTES = (
    "Lisäys: asiakas soitti, asia eteni.",
    "Lisäys: puuttuva liite toimitettu.",
    "Lisäys: päätös tuli, kaikki kunnossa.",
)
NO_SHOW_NOTES = (
    "Ei saapunut. Soitettu, ei vastannut.",
    "Ei tullut paikalle. Tekstiviesti lähetetty.",
    "Unohti ajan. Soitti myöhemmin ja pyysi uutta aikaa.",
)
FOLLOW_UPS = {
    "kela": (
        "Soita, kun Kelan päätös on tullut.",
        "Tarkista, onko Kela saanut liitteet.",
        "Kysy, tuliko asumistuki tilille.",
    ),
    "residence": (
        "Tarkista hakemuksen tilanne Migristä.",
        "Muistuta oleskeluluvan jatkohakemuksesta.",
        "Soita, kun oleskelulupakortti on tullut.",
    ),
    "school": ("Kysy, saatiinko päiväkotipaikka.", "Soita koululle tukiopetuksesta."),
    "health": ("Kysy, tuliko Kela-kortti.", "Varmista, että neuvola-aika toteutui."),
    "work": ("Kysy, miten TE-tapaaminen meni.", "Tarkista, tuliko vastauksia työhakemuksiin."),
    "housing": ("Kysy, saatiinko vuokra-asunto.", "Tarkista, palautettiinko vakuusmaksu."),
    "money": ("Tarkista, hyväksyttiinkö maksusuunnitelma.", "Kysy, tulivatko pankkitunnukset."),
    "language": ("Kysy, pääsikö suomen kurssille.",),
    "other": ("Soita ja kysy, onko asia hoidossa.",),
}
# Those waiting want an hour (several matters, or with an interpreter): no single free half hour
# ahead fits them, which is why they wait.
INTERPRETER_WISH = "Tunti, tulkin kanssa"
QUEUE_WISHES = (
    "Tunti, useampi asia hoidettavana",
    "Tunnin aika, mieluiten torstaina",
    "Tunti, vain aamupäivisin",
    "Pidempi aika, monta kirjettä",
)
HELD_WISHES = ("Tunti, useampi asia hoidettavana", "Pidempi aika, monta kirjettä")
QUEUE_WAITING = (2, 4)

MODELS = (AdviceHours, AdviceDayChange, AdviceSession, AdviceQueueEntry, AdviceNote, AdviceFollowUp)

SESSION_FIELDS = [
    AdviceSession.id,
    AdviceSession.person,
    AdviceSession.adviser,
    AdviceSession.starts_at,
    AdviceSession.minutes,
    AdviceSession.topic,
    AdviceSession.language,
    AdviceSession.interpreter_needed,
    AdviceSession.interpreter_language,
    AdviceSession.place,
    AdviceSession.bring,
    AdviceSession.status,
    AdviceSession.visit,
    AdviceSession.visit_is_own,
    AdviceSession.booked_by,
    AdviceSession.booked_at,
    AdviceSession.cancelled_at,
    AdviceSession.updated_at,
]
DAY_CHANGE_FIELDS = [
    AdviceDayChange.adviser,
    AdviceDayChange.day,
    AdviceDayChange.kind,
    AdviceDayChange.starts,
    AdviceDayChange.ends,
    AdviceDayChange.slot_minutes,
    AdviceDayChange.place,
    AdviceDayChange.note,
    AdviceDayChange.created_at,
]
QUEUE_FIELDS = [
    AdviceQueueEntry.person,
    AdviceQueueEntry.adviser,
    AdviceQueueEntry.topic,
    AdviceQueueEntry.language,
    AdviceQueueEntry.interpreter_needed,
    AdviceQueueEntry.interpreter_language,
    AdviceQueueEntry.minutes,
    AdviceQueueEntry.wishes,
    AdviceQueueEntry.status,
    AdviceQueueEntry.added_at,
    AdviceQueueEntry.added_by,
    AdviceQueueEntry.offered_start,
    AdviceQueueEntry.offered_adviser,
    AdviceQueueEntry.offered_at,
    AdviceQueueEntry.session,
]
NOTE_FIELDS = [
    AdviceNote.session,
    AdviceNote.text,
    AdviceNote.written_by,
    AdviceNote.written_at,
]
FOLLOW_UP_FIELDS = [
    AdviceFollowUp.person,
    AdviceFollowUp.session,
    AdviceFollowUp.text,
    AdviceFollowUp.due,
    AdviceFollowUp.done_at,
    AdviceFollowUp.done_by,
    AdviceFollowUp.created_by,
    AdviceFollowUp.created_at,
]


@dataclass(frozen=True)
class AdviceSummary:
    sessions: int
    done: int
    no_shows: int
    cancelled: int
    booked: int
    notes: int
    follow_ups: int
    queue: int
    day_changes: int


def require_empty() -> None:
    if any(model.select().exists() for model in MODELS):
        raise ValidationError(_("Demo data can only be added to a new, empty database."))


def _text(moment: dt.datetime) -> str:
    """A datetime as the database stores it."""
    return moment.isoformat(sep=" ", timespec="seconds")


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


# --- planning ------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Session:
    starts_at: dt.datetime
    minutes: int
    person_id: int
    topic: str
    language: str
    interpreter_language: str  # "" when no interpreter is needed
    place: str
    bring: str
    status: str
    booked_by: int
    booked_at: dt.datetime
    cancelled_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    # The queue entry (added at, added by) this booking came from, if any.
    from_queue: tuple[dt.datetime, int] | None = None
    id: int = 0

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def visit_key(self) -> tuple[str, int]:
        return _text(self.starts_at), self.person_id


@dataclass
class AdvicePlan:
    """What `plan_advice` decided; `visits` go to the visits generator, the rest is written
    by `write_advice`."""

    rng: random.Random
    today: dt.date
    adviser_id: int
    user_ids: dict[Role, int]
    sessions: list[_Session]
    # The fresh cancellation whose time is held for the first in the queue.
    freed: _Session | None
    day_changes: int
    persons: _Persons
    day_of: dict[dt.date, int]
    # Open-day index → (seconds since midnight, person id, purpose) of the done sessions' visits.
    visits: dict[int, list[tuple[int, int | None, str]]] = field(default_factory=dict)


def with_advice_visits(
    planned: dict[int, list[tuple[int, int | None, str]]], plan: AdvicePlan
) -> dict[int, list[tuple[int, int | None, str]]]:
    """Other planned visits (by open-day index) together with the advice visits."""
    merged = {day: list(visits) for day, visits in planned.items()}
    for day, visits in plan.visits.items():
        merged.setdefault(day, []).extend(visits)
    return merged


def plan_advice(
    seed: int,
    calendar: _Calendar,
    population: _Population,
    user_ids: dict[Role, int],
    today: dt.date,
    is_open: Callable[[dt.date], bool],
) -> AdvicePlan:
    """Write the coordinator's hours, then plan the sessions (before the visits are written)."""
    rng = random.Random(f"lumijobi-demo-advice-{seed}")
    adviser_id = user_ids[Role.COORDINATOR]
    last = today + dt.timedelta(days=AHEAD_DAYS)
    day_changes = _write_hours(rng, adviser_id, calendar.first_day, today, last, is_open)
    windows = windows_between(adviser_id, calendar.first_day, last)
    persons = _Persons.load(population)
    planner = _Planner(rng, calendar, persons, user_ids, today)
    planner.plan(windows)
    freed = planner.cancel_ahead()
    plan = AdvicePlan(
        rng,
        today,
        adviser_id,
        user_ids,
        sorted(planner.sessions, key=lambda s: (s.starts_at, s.booked_at)),
        freed,
        day_changes,
        persons,
        planner.day_of,
    )
    for session in plan.sessions:
        if session.status == DONE:
            day_index = planner.day_of[session.starts_at.date()]
            second = session.starts_at.hour * 3600 + session.starts_at.minute * 60
            plan.visits.setdefault(day_index, []).append(
                (second, session.person_id, ADVICE_PURPOSE)
            )
    return plan


# --- the hours ---


def _write_hours(
    rng: random.Random,
    adviser_id: int,
    first: dt.date,
    today: dt.date,
    last: dt.date,
    is_open: Callable[[dt.date], bool],
) -> int:
    """The weekly hours from the first day on, days off and extra times; returns the changes."""
    created = _at(first, dt.time(8))
    for weekday, starts, ends in WEEKLY_HOURS:
        AdviceHours.insert(
            adviser=adviser_id,
            weekday=weekday,
            starts=starts,
            ends=ends,
            slot_minutes=SLOT_MINUTES,
            place=PLACE,
            valid_from=first,
            valid_until=None,
            created_at=created,
        ).execute()
    holidays = holidays_between(first, last + dt.timedelta(days=60))
    hour_days = {weekday for weekday, _starts, _ends in WEEKLY_HOURS}
    changes: dict[dt.date, tuple] = {}  # day → (kind, starts, ends, note, created)

    def known(day: dt.date) -> dt.datetime:
        # Days off and extra times are put in a few weeks before; the near future's lately.
        moment = _at(day - dt.timedelta(days=rng.randint(7, 30)), dt.time(rng.randint(9, 15)))
        latest = _at(today - dt.timedelta(days=1), dt.time(15, 30))
        return max(created, min(moment, latest))

    def off(day: dt.date, note: str, starts=None, ends=None) -> None:
        if day.weekday() in hour_days and day not in holidays and day not in changes:
            changes[day] = (DayChangeKind.OFF.value, starts, ends, note, known(day))

    def days_of(weekdays: set[int], start: dt.date, end: dt.date) -> list[dt.date]:
        days, day = [], start
        while day <= end:
            if day.weekday() in weekdays and day not in holidays and is_open(day):
                days.append(day)
            day += dt.timedelta(days=1)
        return days

    # The centre's own closing days that are no public holiday (New Year's Eve).
    day = first
    while day <= last:
        if not is_open(day):
            off(day, CLOSED_NOTE)
        day += dt.timedelta(days=1)
    off(_training_day(today, holidays), TRAINING_NOTE)
    # A summer holiday of three or four weeks each July.
    summer: set[dt.date] = set()
    for year in range(first.year, last.year + 1):
        july = dt.date(year, 7, 1)
        start = july + dt.timedelta(days=(7 - july.weekday()) % 7 + 7 * rng.randint(0, 2))
        for offset in range(7 * rng.choice((3, 4))):
            holiday = start + dt.timedelta(days=offset)
            summer.add(holiday)
            if first <= holiday:
                off(holiday, SUMMER_NOTE)
    # Single days off, an afternoon off, and extra times now and then; some in the weeks ahead.
    years = (last - first).days / 365
    candidates = days_of(hour_days, first, last)
    free = [d for d in candidates if d not in changes]
    for day in rng.sample(free, round(rng.randint(*DAYS_OFF_PER_YEAR) * years)):
        off(day, rng.choice(DAY_OFF_NOTES))
    thursdays = [d for d in candidates if d.weekday() == 3]
    afternoons = [d for d in thursdays if d < today - dt.timedelta(days=60)]
    week_ahead = today + dt.timedelta(days=7)
    ahead = [d for d in thursdays if week_ahead <= d and d not in changes]
    for day in rng.sample(afternoons, min(len(afternoons), round(years))) + ahead[:1]:
        off(day, PARTIAL_OFF[2], PARTIAL_OFF[0], PARTIAL_OFF[1])
    # Extra times on other weekdays, never in the summer holiday.
    extra_weekdays = {weekday for weekday, _starts, _ends in EXTRA_TIMES}
    extra_days = [
        d for d in days_of(extra_weekdays, first, last) if d not in changes and d not in summer
    ]
    soon = [d for d in extra_days if week_ahead <= d]
    chosen = rng.sample(extra_days, round(EXTRAS_PER_YEAR * years)) + soon[:1]
    times = {weekday: (starts, ends) for weekday, starts, ends in EXTRA_TIMES}
    for day in chosen:
        starts, ends = times[day.weekday()]
        changes[day] = (DayChangeKind.EXTRA.value, starts, ends, "", known(day))
    sql, _params = AdviceDayChange.insert_many(
        [[None] * len(DAY_CHANGE_FIELDS)], fields=DAY_CHANGE_FIELDS
    ).sql()
    current_database().cursor().executemany(
        sql,
        [
            (
                adviser_id,
                day.isoformat(),
                kind,
                starts.isoformat() if starts else None,
                ends.isoformat() if ends else None,
                SLOT_MINUTES,
                PLACE if kind == DayChangeKind.EXTRA.value else "",
                note,
                _text(made),
            )
            for day, (kind, starts, ends, note, made) in sorted(changes.items())
        ],
    )
    return len(changes)


def _training_day(today: dt.date, holidays: dict[dt.date, str]) -> dt.date:
    """The Tuesday the coffee meeting is cancelled for staff training (as `demo_events`)."""
    day = today + dt.timedelta(days=1)
    day += dt.timedelta(days=(1 - day.weekday()) % 7)
    while day < today + dt.timedelta(days=TRAINING_AFTER_DAYS) or day in holidays:
        day += dt.timedelta(days=7)
    return day


# --- who comes ---


@dataclass
class _Persons:
    """Who may come for advice, with how likely each one is (persons in id order)."""

    created: list[int]
    cumulative: list[float]  # by language, newcomer and how often they visit
    by_language: list[float]  # by language and newcomer only
    spoken_by: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, population: _Population) -> _Persons:
        database = current_database()
        # Each person's own language is their first row (as demo writes them, in id order).
        own: list[str] = []
        for person_id, language in database.execute_sql(
            "SELECT person_id, language FROM person_language ORDER BY id"
        ):
            if person_id > len(own):
                own.extend(["fi"] * (person_id - 1 - len(own)))
                own.append(language)
        cumulative, total, previous = [], 0.0, 0.0
        by_language, plain = [], 0.0
        visits = population.cumulative_weights
        cursor = database.execute_sql("SELECT newcomer FROM person ORDER BY id")
        for index, (newcomer,) in enumerate(cursor):
            often = visits[index] - previous
            often = often**VISIT_WEIGHT_POWER if often >= OFTEN_ENOUGH else 0.0
            previous = visits[index]
            weight = _weight(own[index] if index < len(own) else "fi", bool(newcomer))
            total += weight * often
            plain += weight
            cumulative.append(total)
            by_language.append(plain)
        return cls(population.created, cumulative, by_language)

    def spoken(self, person: int) -> list[str]:
        """The person's languages, their own first."""
        if person not in self.spoken_by:
            rows = current_database().execute_sql(
                "SELECT language FROM person_language WHERE person_id = ? ORDER BY id", (person,)
            )
            self.spoken_by[person] = [language for (language,) in rows] or ["fi"]
        return self.spoken_by[person]


def _weight(own: str, newcomer: bool) -> float:
    # Newcomers and Ukrainians most; Finns only when nobody else is free.
    if own in ("uk", "ru"):
        return 10.0 if newcomer else 4.0
    if own == "fi":
        return 0.0
    return 8.0 if newcomer else 3.0


class _Planner:
    def __init__(
        self,
        rng: random.Random,
        calendar: _Calendar,
        persons: _Persons,
        user_ids: dict[Role, int],
        today: dt.date,
    ) -> None:
        self.rng, self.calendar, self.persons, self.today = rng, calendar, persons, today
        self.user_ids = user_ids
        self.coordinator = user_ids[Role.COORDINATOR]
        self.day_of = {day: index for index, day in enumerate(calendar.days)}
        self.sessions: list[_Session] = []
        # Person id → start of their latest session, how many sessions, how many at most.
        self.last_start: dict[int, dt.datetime] = {}
        self.count: dict[int, int] = {}
        self.cap: dict[int, int] = {}
        self.last_topic: dict[int, str] = {}
        # Those who will come again, the latest seen last.
        self.returning: list[int] = []
        self.windows: dict[dt.date, list[Window]] = {}
        self.latest = _at(today - dt.timedelta(days=1), dt.time(15, 59))
        self.queue_since = _at(today - dt.timedelta(days=QUEUE_DAYS), dt.time())
        self.lately = _at(today - dt.timedelta(days=FULL_LATELY_DAYS), dt.time())
        self.span = max(1, len(calendar.days))

    # --- the calendar ---

    def plan(self, windows: dict[dt.date, list[Window]]) -> None:
        """Sessions in the windows, day by day: some of the past's slots, all of the last weeks'
        and most of those ahead."""
        rng = self.rng
        self.windows = windows
        for day, day_windows in windows.items():
            if not day_windows:
                continue
            past = day < self.today
            if past and day < self.today - dt.timedelta(days=FULL_LATELY_DAYS):
                # Demand grew as the register did; a little noise day to day.
                growth = 0.8 + 0.35 * self.day_of[day] / self.span
                fill = FILL * WEEKDAY_FILL.get(day.weekday(), 1.0) * growth
                fill = min(0.95, fill * rng.uniform(0.8, 1.2))
            elif past:
                # Lately fully booked.
                fill = 1.0
            else:
                self._plan_ahead(day_windows)
                continue
            for window in day_windows:
                start = window.start
                step = dt.timedelta(minutes=window.slot_minutes)
                while start + step <= window.end:
                    if rng.random() >= fill:
                        start += step
                        continue
                    minutes = self._book(start, window, past)
                    start += dt.timedelta(minutes=minutes) if minutes else step

    def _plan_ahead(self, day_windows: list[Window]) -> None:
        """A day ahead: booked but for a single free slot here and there, never two side by side
        (nor across windows that meet), so the desk finds a half hour but nobody an hour."""
        rng = self.rng
        previous_end: dt.datetime | None = None
        previous_free = False
        for window in day_windows:
            if window.start != previous_end:
                previous_free = False  # a window's edge closes a free stretch
            start = window.start
            step = dt.timedelta(minutes=window.slot_minutes)
            while start + step <= window.end:
                if not previous_free and rng.random() < FREE_AHEAD:
                    previous_free = True
                    start += step
                    continue
                minutes = self._book(start, window, past=False)
                # Nobody to book (not with any register the demo makes): the slot stays free.
                previous_free = not minutes
                start += dt.timedelta(minutes=minutes) if minutes else step
            previous_end = window.end

    def _book(self, start: dt.datetime, window: Window, past: bool) -> int:
        """Book a session from `start`; returns its minutes (0 when nobody could come)."""
        rng = self.rng
        booked_at = self._booking_moment(start, past)
        if booked_at is None:
            return 0
        person = self._person(booked_at, anyone=not past)
        if person is None:
            return 0
        topic = self._topic(person)
        share_long = next(long for key, _weight, long in TOPICS if key == topic)
        minutes = window.slot_minutes
        if rng.random() < share_long and start + dt.timedelta(minutes=60) <= window.end:
            minutes = 60
        session = self._session(start, minutes, person, topic, window.place, booked_at)
        if past:
            roll = rng.random()
            if roll < DONE_SHARE:
                self._went(session, DONE)
            elif roll < DONE_SHARE + NO_SHOW_SHARE:
                self._went(session, NO_SHOW)
            else:
                self._cancel(session, rng.random() < REBOOKED_SHARE)
        return minutes

    def _session(
        self,
        start: dt.datetime,
        minutes: int,
        person: int,
        topic: str,
        place: str,
        booked_at: dt.datetime,
    ) -> _Session:
        rng = self.rng
        language, interpreter = self._language(person)
        session = _Session(
            starts_at=start,
            minutes=minutes,
            person_id=person,
            topic=topic,
            language=language,
            interpreter_language=interpreter,
            place=place,
            bring=rng.choice(BRING_EXTRAS) if rng.random() < BRING_SHARE else "",
            status=BOOKED,
            booked_by=self._booker(),
            booked_at=booked_at,
            updated_at=booked_at,
        )
        self.sessions.append(session)
        self.last_start[person] = start
        self.last_topic[person] = topic
        self.count[person] = self.count.get(person, 0) + 1
        if person in self.returning:
            self.returning.remove(person)
        if not self._capped(person):
            # Back to the end of the line of those who will come again.
            self.returning.append(person)
        return session

    def _went(self, session: _Session, status: str) -> None:
        session.status = status
        # Marked by the coordinator right after.
        session.updated_at = session.ends_at + dt.timedelta(minutes=self.rng.randint(1, 20))

    def _cancel(self, session: _Session, rebook: bool) -> None:
        """Cancelled (by phone, at the desk); the freed time may have gone to someone else.

        Lately every freed time was taken again, before those waiting now came."""
        rng = self.rng
        high = session.starts_at - dt.timedelta(hours=1)
        if session.starts_at >= self.lately:
            high, rebook = min(high, self.queue_since), True
        moment = self._moment_between(session.booked_at, high)
        if moment is None:
            self._went(session, DONE)
            return
        session.status, session.cancelled_at, session.updated_at = CANCELLED, moment, moment
        if not rebook:
            return
        booked_at = min(
            self._call_back(moment), session.starts_at - dt.timedelta(minutes=30), self.latest
        )
        if booked_at <= moment:
            return
        person = self._person(booked_at)
        if person is None:
            return
        queued = None
        if rng.random() < FROM_QUEUE_SHARE:
            queued = self._queued(person, moment)
        again = self._session(
            session.starts_at,
            session.minutes,
            person,
            self._topic(person),
            session.place,
            booked_at,
        )
        again.from_queue = queued
        self._went(again, DONE if rng.random() < 0.91 else NO_SHOW)

    def cancel_ahead(self) -> _Session | None:
        """A few bookings ahead were cancelled lately: the earlier freed times were booked from
        the queue; yesterday's is held for the first in the queue now (returned)."""
        rng = self.rng
        # Hour-long ones: those in the queue want an hour (a half hour is free here and there).
        ahead = [
            s
            for s in self.sessions
            if s.status == BOOKED
            and s.minutes == HOUR
            and self.today + dt.timedelta(days=2) <= s.starts_at.date()
            and s.starts_at.date() <= self.today + dt.timedelta(days=AHEAD_DAYS - 14)
            and s.booked_at < self.queue_since - dt.timedelta(days=1)
        ]
        # The freed hour must stay an hour: booked (or the hours' edge) on both sides, else a
        # free half hour next to it would make room for a second one waiting.
        enclosed = self._enclosed(ahead)
        if not enclosed:
            return None
        wanted = rng.randint(*FUTURE_CANCELLED)
        rng.shuffle(ahead)
        chosen = [s for s in ahead[:wanted] if s in enclosed] or [rng.choice(enclosed)]
        fresh = min(chosen, key=lambda s: s.starts_at)
        moment = self._fresh_moment(fresh)
        fresh.status, fresh.cancelled_at, fresh.updated_at = CANCELLED, moment, moment
        cancelled = 1
        for session in ahead:
            if cancelled == wanted:
                break
            if session is not fresh and self._cancel_ahead(session):
                cancelled += 1
        return fresh

    def _enclosed(self, sessions: list[_Session]) -> list[_Session]:
        """Those of `sessions` with no free slot right before or after them."""
        taken: set[dt.datetime] = set()
        for session in self.sessions:
            if session.status in TAKING_TIME and session.starts_at.date() >= self.today:
                for minute in range(0, session.minutes, SLOT_MINUTES):
                    taken.add(session.starts_at + dt.timedelta(minutes=minute))
        step = dt.timedelta(minutes=SLOT_MINUTES)

        def closed(start: dt.datetime) -> bool:
            """The slot from `start` is booked or outside the hours."""
            in_hours = any(
                w.contains(start, start + step) for w in self.windows.get(start.date(), [])
            )
            return start in taken or not in_hours

        return [s for s in sessions if closed(s.starts_at - step) and closed(s.ends_at)]

    def _fresh_moment(self, session: _Session) -> dt.datetime:
        """Late on the last open day, after that day's hours: the freed time is the first
        free one from then on, so it is the one held for the queue."""
        day = self.today - dt.timedelta(days=1)
        while day not in self.day_of and day > session.booked_at.date():
            day -= dt.timedelta(days=1)
        moment = _at(day, dt.time(14)) + dt.timedelta(minutes=self.rng.randint(0, 100))
        for window in self.windows.get(day, []):
            moment = max(moment, window.end + dt.timedelta(minutes=self.rng.randint(2, 20)))
        return max(moment, session.booked_at + dt.timedelta(minutes=5))

    def _cancel_ahead(self, session: _Session) -> bool:
        """Cancelled a week or two ago; the desk called the first in the queue, who took it."""
        low = max(session.booked_at, self.queue_since - dt.timedelta(days=14))
        moment = self._moment_between(low, self.queue_since)
        if moment is None:
            return False
        booked_at = min(self._call_back(moment), self.latest)
        person = self._person(booked_at, anyone=True)
        if person is None:
            return False
        session.status, session.cancelled_at, session.updated_at = CANCELLED, moment, moment
        again = self._session(
            session.starts_at,
            session.minutes,
            person,
            self._topic(person),
            session.place,
            booked_at,
        )
        again.from_queue = self._queued(person, moment)
        return True

    def _call_back(self, moment: dt.datetime) -> dt.datetime:
        """When the desk reached the next person about a freed time: the same afternoon."""
        called = moment + dt.timedelta(minutes=self.rng.randint(10, 180))
        closing = _at(moment.date(), dt.time(16, 30))
        return called if called <= closing else max(closing, moment + dt.timedelta(minutes=5))

    def _queued(self, person: int, freed: dt.datetime) -> tuple[dt.datetime, int] | None:
        """(when, by whom) the person was put in the queue, days before the time freed."""
        registered = self._registered_at(person)
        low = max(registered, freed - dt.timedelta(days=self.rng.randint(3, 20)))
        moment = self._moment_between(low, freed - dt.timedelta(hours=1))
        return None if moment is None else (moment, self._desk_user())

    # --- moments ---

    def _registered_at(self, person: int) -> dt.datetime:
        day, second = divmod(self.persons.created[person - 1], SECONDS_PER_DAY)
        return _at(self.calendar.days[day], dt.time()) + dt.timedelta(seconds=second)

    def _booking_moment(self, start: dt.datetime, past: bool) -> dt.datetime | None:
        """When the session was booked: days before in the past, any time lately for ahead."""
        rng = self.rng
        if past:
            day = start.date() - dt.timedelta(days=max(1, round(rng.triangular(1, 21, 4))))
        else:
            earliest = max(
                start.date() - dt.timedelta(days=AHEAD_DAYS + 7), self.calendar.first_day
            )
            latest = self.today - dt.timedelta(days=1)
            back = max(0, (latest - earliest).days)
            day = latest - dt.timedelta(days=round(rng.triangular(0, back, 0)))
        for _attempt in range(10):
            if day in self.day_of:
                return _at(day, dt.time()) + dt.timedelta(seconds=rng.randrange(OPENS, CLOSES))
            day -= dt.timedelta(days=1)
        return None

    def _moment_between(self, low: dt.datetime, high: dt.datetime) -> dt.datetime | None:
        """A moment in opening hours on an open day, after `low` and before `high`."""
        rng = self.rng
        if high <= low:
            return None
        span = (high.date() - low.date()).days
        for _attempt in range(12):
            day = low.date() + dt.timedelta(days=rng.randint(0, span))
            if day not in self.day_of:
                continue
            moment = _at(day, dt.time()) + dt.timedelta(seconds=rng.randrange(OPENS, CLOSES))
            if low < moment < high:
                return moment
        return None

    def _calendar_moment(self, moment: dt.datetime) -> int:
        day = self.day_of[moment.date()]
        return day * SECONDS_PER_DAY + moment.hour * 3600 + moment.minute * 60 + moment.second

    # --- people ---

    def _free(self, person: int, booked_at: dt.datetime) -> bool:
        """Nobody holds two bookings ahead: the last one has begun by this booking."""
        last = self.last_start.get(person)
        return last is None or last < booked_at

    def _capped(self, person: int) -> bool:
        if person not in self.cap:
            values = [value for value, _weight in VISITS_CAP_WEIGHTS]
            weights = [weight for _value, weight in VISITS_CAP_WEIGHTS]
            self.cap[person] = self.rng.choices(values, weights=weights)[0]
        return self.count.get(person, 0) >= self.cap[person]

    def _person(self, booked_at: dt.datetime, *, anyone: bool = False) -> int | None:
        """Someone registered before the booking and free to book: often someone seen lately,
        else a newcomer or Ukrainian most likely; anyone free when nobody else is."""
        rng = self.rng
        registered = bisect.bisect_left(self.persons.created, self._calendar_moment(booked_at))
        if registered == 0:
            return None
        recent = self.returning[-RECENT:]
        if recent and rng.random() < RETURN_SHARE:
            for _attempt in range(8):
                person = rng.choice(recent)
                if self._free(person, booked_at):
                    return person
        person = self._drawn(self.persons.cumulative, registered, booked_at)
        if person is not None or not anyone:
            return person
        # Ahead most times are booked, so everyone likely already has one: someone else.
        person = self._drawn(self.persons.by_language, registered, booked_at, ignore_caps=True)
        if person is not None:
            return person
        first = rng.randrange(registered)
        for offset in range(registered):
            person = (first + offset) % registered + 1
            if self._free(person, booked_at):
                return person
        return None

    def _drawn(
        self,
        cumulative: list[float],
        registered: int,
        booked_at: dt.datetime,
        ignore_caps: bool = False,
    ) -> int | None:
        """A weighted draw among the first `registered` persons of one who is free to book;
        those who came as often as they would only when nobody else is found."""
        total = cumulative[registered - 1]
        if total <= 0:
            return None
        for attempt in range(60):
            index = bisect.bisect_right(cumulative, self.rng.random() * total, 0, registered - 1)
            person = index + 1
            if not self._free(person, booked_at):
                continue
            if ignore_caps or not self._capped(person):
                return person
            if attempt >= 30 and self.count[person] < SESSIONS_MAX:
                return person
        return None

    def _topic(self, person: int) -> str:
        rng = self.rng
        previous = self.last_topic.get(person)
        if previous and rng.random() < SAME_TOPIC_SHARE:
            return previous
        keys = [key for key, _weight, _long in TOPICS]
        weights = [weight for _key, weight, _long in TOPICS]
        return rng.choices(keys, weights=weights)[0]

    def _language(self, person: int) -> tuple[str, str]:
        """(the language of the session, the interpreter's language or "")."""
        rng = self.rng
        spoken = self.persons.spoken(person)
        own = spoken[0]
        if own not in COORDINATOR_LANGUAGES:
            # Estonians and Germans mostly manage in Finnish or English; Arabic, Farsi and
            # Somali speakers come with an interpreter for official matters.
            shared = [code for code in ("fi", "en") if code in spoken]
            if shared and (own in ("et", "de") or rng.random() < 0.3):
                return shared[0], ""
            return own, own
        language = own
        if own == "uk":
            roll = rng.random()
            if roll < 0.10 and "ru" in spoken:
                language = "ru"
            elif roll < 0.16 and "fi" in spoken:
                language = "fi"
            elif roll < 0.20 and "en" in spoken:
                language = "en"
        interpreter = (
            language if language in ("uk", "ru") and rng.random() < INTERPRETER_SHARE else ""
        )
        return language, interpreter

    def _booker(self) -> int:
        if self.rng.random() < COORDINATOR_BOOKS_SHARE:
            return self.coordinator
        return self._desk_user()

    def _desk_user(self) -> int:
        roles = [role for role, _weight in DESK_ROLES]
        weights = [weight for _role, weight in DESK_ROLES]
        return self.user_ids[self.rng.choices(roles, weights=weights)[0]]


# --- writing ------------------------------------------------------------------------------------


def write_advice(plan: AdvicePlan, writer: WriterFactory) -> AdviceSummary:
    """Write the planned sessions (linked to their visits), notes, follow-ups and the queue."""
    coordinator = plan.adviser_id
    topic_ids = {
        key: topic_id
        for topic_id, key in AdviceTopic.select(AdviceTopic.id, AdviceTopic.key).tuples()
    }
    visit_ids = _advice_visits([s for s in plan.sessions if s.status == DONE])
    sessions = writer(AdviceSession, SESSION_FIELDS)
    queue = writer(AdviceQueueEntry, QUEUE_FIELDS)
    for number, session in enumerate(plan.sessions, start=1):
        session.id = number
        visit_id = visit_ids.get(session.visit_key) if session.status == DONE else None
        sessions.add(
            (
                number,
                session.person_id,
                coordinator,
                _text(session.starts_at),
                session.minutes,
                topic_ids[session.topic],
                session.language,
                bool(session.interpreter_language),
                session.interpreter_language,
                session.place,
                session.bring,
                session.status,
                visit_id,
                visit_id is not None,
                session.booked_by,
                _text(session.booked_at),
                _text(session.cancelled_at) if session.cancelled_at else None,
                _text(session.updated_at or session.booked_at),
            )
        )
        if session.from_queue is not None:
            added_at, added_by = session.from_queue
            queue.add(
                (
                    session.person_id,
                    None,
                    topic_ids[session.topic],
                    session.language,
                    bool(session.interpreter_language),
                    session.interpreter_language,
                    session.minutes,
                    "",
                    QueueStatus.BOOKED.value,
                    _text(added_at),
                    added_by,
                    None,
                    None,
                    None,
                    number,
                )
            )
    sessions.flush()
    queue.flush()
    notes = _write_notes(plan, writer)
    follow_ups = _write_follow_ups(plan, writer)
    waiting = _write_queue(plan, topic_ids, writer)
    statuses = [session.status for session in plan.sessions]
    return AdviceSummary(
        sessions=len(statuses),
        done=statuses.count(DONE),
        no_shows=statuses.count(NO_SHOW),
        cancelled=statuses.count(CANCELLED),
        booked=statuses.count(BOOKED),
        notes=notes,
        follow_ups=follow_ups,
        queue=waiting,
        day_changes=plan.day_changes,
    )


def _advice_visits(done: list[_Session]) -> dict[tuple[str, int], int]:
    """(visit time as text, person id) → the first advice visit then, for the done sessions."""
    database = current_database()
    wanted = sorted({session.visit_key[0] for session in done})
    found: dict[tuple[str, int], int] = {}
    for first in range(0, len(wanted), 500):
        chunk = wanted[first : first + 500]
        marks = ", ".join("?" for _moment in chunk)
        cursor = database.execute_sql(
            "SELECT id, person_id, visited_at FROM visit "
            f"WHERE purpose = ? AND visited_at IN ({marks}) ORDER BY id",
            (ADVICE_PURPOSE, *chunk),
        )
        for visit_id, person_id, visited_at in cursor:
            found.setdefault((visited_at, person_id), visit_id)
    return found


def _write_notes(plan: AdvicePlan, writer: WriterFactory) -> int:
    """The coordinator's notes, written right after the session."""
    rng, coordinator = plan.rng, plan.adviser_id
    notes = writer(AdviceNote, NOTE_FIELDS)
    for session in plan.sessions:
        if session.status == DONE and rng.random() < NOTE_SHARE:
            text = rng.choice(NOTES[session.topic])
            if session.interpreter_language and rng.random() < 0.3:
                text += " " + INTERPRETER_ADDITION
            elif rng.random() < ADDITION_SHARE:
                text += " " + rng.choice(ADDITIONS)
            written = session.ends_at + dt.timedelta(minutes=rng.randint(2, 40))
            notes.add((session.id, text, coordinator, _text(written)))
            later = written + dt.timedelta(days=rng.randint(3, 20))
            if rng.random() < SECOND_NOTE_SHARE and later.date() < plan.today:
                notes.add((session.id, rng.choice(SECOND_NOTES), coordinator, _text(later)))
        elif session.status == NO_SHOW and rng.random() < NO_SHOW_NOTE_SHARE:
            written = session.ends_at + dt.timedelta(minutes=rng.randint(5, 60))
            notes.add((session.id, rng.choice(NO_SHOW_NOTES), coordinator, _text(written)))
    notes.flush()
    return notes.written


@dataclass(eq=False)
class _FollowUp:
    session: _Session
    text: str
    due: dt.date
    created_at: dt.datetime
    done_at: dt.datetime | None = None


def _write_follow_ups(plan: AdvicePlan, writer: WriterFactory) -> int:
    """Follow-ups of done sessions: most of the past's done, and for the coordinator's to-do
    list today a few late, one or two due today and several in the next two weeks."""
    rng, today = plan.rng, plan.today
    done = [s for s in plan.sessions if s.status == DONE]
    follow_ups: list[_FollowUp] = []
    for session in done:
        if rng.random() < FOLLOW_UP_SHARE:
            follow_ups.append(_follow_up(rng, session, rng.randint(7, 42)))
    _shape_todo(rng, today, done, follow_ups)
    latest = _at(today - dt.timedelta(days=1), dt.time(15, 30))
    for follow_up in follow_ups:
        # Those due before the last three weeks are done, around the day they were due.
        if follow_up.due < today - dt.timedelta(days=LATE_DAYS) and follow_up.done_at is None:
            follow_up.done_at = _done_moment(rng, follow_up, latest)
    rows = writer(AdviceFollowUp, FOLLOW_UP_FIELDS)
    for follow_up in sorted(follow_ups, key=lambda f: (f.created_at, f.session.id)):
        done_at = follow_up.done_at
        rows.add(
            (
                follow_up.session.person_id,
                follow_up.session.id,
                follow_up.text,
                follow_up.due.isoformat(),
                _text(done_at) if done_at else None,
                plan.adviser_id if done_at else None,
                plan.adviser_id,
                _text(follow_up.created_at),
            )
        )
    rows.flush()
    return rows.written


def _follow_up(rng: random.Random, session: _Session, days: int) -> _FollowUp:
    return _FollowUp(
        session,
        rng.choice(FOLLOW_UPS[session.topic]),
        _workday(session.starts_at.date() + dt.timedelta(days=days)),
        session.ends_at + dt.timedelta(minutes=rng.randint(2, 40)),
    )


def _workday(day: dt.date) -> dt.date:
    """Nobody sets a task due at the weekend: Saturday's is Friday's, Sunday's Monday's."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def _workday_in(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A weekday from `first` to `last` (any day there when it has none)."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return rng.choice([day for day in days if day.weekday() < 5] or days)


def _done_moment(rng: random.Random, follow_up: _FollowUp, latest: dt.datetime) -> dt.datetime:
    day = _workday(follow_up.due + dt.timedelta(days=rng.randint(-5, 3)))
    moment = _at(day, dt.time(rng.randint(9, 15)))
    moment += dt.timedelta(minutes=rng.randrange(60))
    return max(follow_up.created_at + dt.timedelta(hours=1), min(moment, latest))


def _shape_todo(
    rng: random.Random, today: dt.date, done: list[_Session], follow_ups: list[_FollowUp]
) -> None:
    """Make sure the to-do list of the demo's today has each group, whatever the dice said.

    Late: open and due in the last three weeks; the rest of the past is decided later.
    When a group is short, a recent session without a follow-up gets one due then (a week or
    more after the session when there is one so recent, else the latest before the day).
    """
    recent = [s for s in done if today - dt.timedelta(days=60) <= s.starts_at.date() < today]
    with_one = {f.session for f in follow_ups}

    def due_in(first: dt.date, last: dt.date) -> list[_FollowUp]:
        return [f for f in follow_ups if first <= f.due <= last]

    def add(due: dt.date) -> _FollowUp | None:
        without = [s for s in recent if s not in with_one and s.starts_at.date() < due]
        fitting = [s for s in without if s.starts_at.date() + dt.timedelta(days=7) <= due]
        fitting = fitting or without
        if not fitting:
            return None
        # The latest session that fits: follow-ups come a week or more after.
        session = max(fitting, key=lambda s: s.starts_at)
        with_one.add(session)
        follow_up = _follow_up(rng, session, 0)
        follow_up.due = due
        follow_ups.append(follow_up)
        return follow_up

    late_first = today - dt.timedelta(days=LATE_DAYS)
    late = due_in(late_first, today - dt.timedelta(days=1))
    wanted = rng.randint(*LATE)
    yesterday = today - dt.timedelta(days=1)
    for _extra in range(wanted - len(late)):
        add(_workday_in(rng, late_first, yesterday))
    late = due_in(late_first, yesterday)
    # Open: as many as wanted, the rest done.
    for number, follow_up in enumerate(sorted(late, key=lambda f: f.due, reverse=True)):
        if number >= wanted:
            follow_up.done_at = _done_moment(
                rng, follow_up, _at(today - dt.timedelta(days=1), dt.time(15, 30))
            )
    due_today = due_in(today, today)
    wanted = rng.randint(*DUE_TODAY)
    for _extra in range(wanted - len(due_today)):
        add(today)
    tomorrow, fortnight = today + dt.timedelta(days=1), today + dt.timedelta(days=14)
    for follow_up in due_today[wanted:]:
        # Put off to a later day.
        follow_up.due = _workday_in(rng, tomorrow, fortnight)
    upcoming = due_in(tomorrow, fortnight)
    for _extra in range(rng.randint(*UPCOMING) - len(upcoming)):
        add(_workday_in(rng, tomorrow, fortnight))


def _write_queue(plan: AdvicePlan, topic_ids: dict[str, int], writer: WriterFactory) -> int:
    """Two to four people waiting now, each for an hour; the first holds the hour yesterday's
    cancellation freed.

    The weeks ahead have only single free half hours, so nobody else in the queue gets a time
    (as `advice_queue.offer_free_times` would decide).
    """
    rng, today = plan.rng, plan.today
    freed = plan.freed
    latest = _at(today - dt.timedelta(days=1), dt.time(15, 45))
    booked_ahead = {s.person_id for s in plan.sessions if s.starts_at.date() >= today}
    persons = plan.persons
    count = rng.randint(*QUEUE_WAITING)
    since = today - dt.timedelta(days=QUEUE_DAYS)
    open_days = [day for day in plan.day_of if since <= day < today] or sorted(plan.day_of)[-3:]
    added = sorted(
        _at(rng.choice(open_days), dt.time(rng.randint(9, 15), rng.randrange(60)))
        for _entry in range(count)
    )
    if freed is not None and added[0] >= freed.cancelled_at:
        # The first was waiting before the time freed.
        added[0] = _at(min(open_days), dt.time(10, 15))
    held = None
    if freed is not None:
        found = next_free_start(plan.adviser_id, freed.minutes, freed.cancelled_at)
        held = found[0] if found else None
    queue = writer(AdviceQueueEntry, QUEUE_FIELDS)
    taken: set[int] = set()
    for moment in added:
        moment = min(moment, latest)
        person = _waiting_person(rng, plan, moment, booked_ahead | taken)
        if person is None:
            continue
        spoken = persons.spoken(person)
        own = spoken[0]
        interpreter = own if own not in COORDINATOR_LANGUAGES else ""
        keys = [key for key, _weight, _long in TOPICS]
        weights = [weight for _key, weight, _long in TOPICS]
        topic = rng.choices(keys, weights=weights)[0]
        # The first in the queue holds the freed time (until the desk has called).
        offer = not taken and held is not None
        queue.add(
            (
                person,
                None,
                topic_ids[topic],
                own,
                bool(interpreter),
                interpreter,
                HOUR,
                INTERPRETER_WISH
                if interpreter
                else rng.choice(HELD_WISHES if offer else QUEUE_WISHES),
                QueueStatus.WAITING.value,
                _text(moment),
                plan.user_ids[rng.choice((Role.VOLUNTEER, Role.VOLUNTEER, Role.STAFF))],
                _text(held) if offer else None,
                plan.adviser_id if offer else None,
                _text(freed.cancelled_at) if offer else None,
                None,
            )
        )
        taken.add(person)
    queue.flush()
    return queue.written


def _waiting_person(
    rng: random.Random, plan: AdvicePlan, moment: dt.datetime, taken: set[int]
) -> int | None:
    persons = plan.persons
    day = plan.day_of.get(moment.date())
    if day is None:
        return None
    second = moment.hour * 3600 + moment.minute * 60
    registered = bisect.bisect_left(persons.created, day * SECONDS_PER_DAY + second)
    if registered == 0:
        return None
    total = persons.cumulative[registered - 1]
    for _attempt in range(50):
        if total > 0:
            index = bisect.bisect_right(persons.cumulative, rng.random() * total, 0, registered - 1)
        else:
            index = rng.randrange(registered)
        if index + 1 not in taken:
            return index + 1
    return None
