"""Demo data for volunteers: the register, their hours, the friend service and neighbour help.

`demo.generate_demo` calls `write_volunteers` inside its one transaction, after
the persons, visits, goods, events and advice are written. Volunteers add no
visits, so the demo keeps exactly the visits its size promises.

What is made (counts per size in `VOLUNTEERS`, `FRIEND_REQUESTS`, `HELP_REQUESTS`):

- Volunteer profiles on persons already in the register: mostly
  Finnish-speaking locals, some Ukrainian speakers, a few speaking both.
  Skills (befriending the most common), interests, free times, gender where
  the name tells it, a start date in the two years, about a tenth paused,
  consent recorded, trainings, and a criminal record check shown by about
  a third (every check shown is still valid: the demo covers two years and a
  check is valid for five, so the others simply have none).
- Hours logged by hand: weekly shifts at the front desk, sorting goods and
  the Tuesday coffee meeting (only on days it was held), helpers at the
  community events, and trainings.
- The friend service: requests from older and lonely persons (some with
  needs to know, always with consent), pairs in every stage (proposed,
  first meeting planned, active, paused, ended with a reason, a request
  opened again after its pair ended), meetings roughly at the pace asked
  for, each with the volunteer's hours, and the coordinator's check-ins.
  Relative to `today` the to-do list shows a proposed pair waiting for its
  first meeting, check-ins (one late) and a pair that has not met for over a
  month.
- Neighbour help: offers from volunteers by their skills and requests in
  every status (open urgent, this week and anytime; a helper found; done,
  with the helper's hours; cancelled). One open request asks for childcare,
  and one volunteer offering childcare has shown no check, so the warning
  can be seen.

The rules are those of `volunteers`, `volunteer_hours`, `friend_service` and
`neighbour_help`: hours are more than 0 and at most 24 a day per volunteer,
never in the future; a meeting is never before its pair began nor after it
ended; a pair shares a language and respects a preferred gender; nobody is
their own friend or helper; help with children is done by volunteers with a
valid check. Everything comes from one `random.Random` seeded from the demo's
seed and every date is counted from `today`, never from the clock. Rows are
written through the demo's bulk writer, not the audited core calls: the demo
records one audit entry for everything.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lumijobi_desktop.core.database import current_database
from lumijobi_desktop.core.demo_names import (
    FINNISH_FEMALE,
    FINNISH_MALE,
    UKRAINIAN_FEMALE,
    UKRAINIAN_MALE,
)
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.events import EventKind
from lumijobi_desktop.core.friend_service import (
    FriendCheckIn,
    FriendMeeting,
    FriendPair,
    FriendRequest,
    PairStatus,
    RequestStatus,
    add_months,
)
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.neighbour_help import HelpOffer, HelpRequest, HelpStatus, Urgency
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import (
    MINUTES_PER_DAY,
    Activity,
    HoursSource,
    VolunteerHours,
)
from lumijobi_desktop.core.volunteers import (
    EXTRACT_MAX_AGE,
    INTERESTS,
    Gender,
    Volunteer,
    VolunteerStatus,
    VolunteerTraining,
)

if TYPE_CHECKING:
    from lumijobi_desktop.core.demo import _Calendar
    from lumijobi_desktop.core.demo_goods import WriterFactory

VOLUNTEERS = {"small": 40, "large": 5_000}
FRIEND_REQUESTS = {"small": 15, "large": 300}
HELP_REQUESTS = {"small": 30, "large": 600}

MODELS = (
    Volunteer,
    VolunteerTraining,
    VolunteerHours,
    FriendRequest,
    FriendPair,
    FriendMeeting,
    FriendCheckIn,
    HelpOffer,
    HelpRequest,
)

# Their indexes are built once after the load (see demo._indexes_built_after).
BULK_MODELS = (VolunteerHours, FriendMeeting)

DAY = dt.timedelta(days=1)
COFFEE = Activity.COFFEE.value
COFFEE_WEEKDAY = 1  # Tuesday
RECORDED_AFTER = (dt.timedelta(0), dt.timedelta(0), DAY, 2 * DAY)
ACTIVE, PAUSED = VolunteerStatus.ACTIVE.value, VolunteerStatus.PAUSED.value

# --- the register --------------------------------------------------------------------------------

LUMIJOKI_VILLAGES = frozenset(
    {"Lumijoki", "Varjakka", "Sannanlahti", "Pohjois-Lumijoki", "Hirvikangas"}
)
FEMALE_NAMES = frozenset(FINNISH_FEMALE) | {name for pair in UKRAINIAN_FEMALE for name in pair}
MALE_NAMES = frozenset(FINNISH_MALE) | {name for pair in UKRAINIAN_MALE for name in pair}
YOUNGEST, OLDEST = 18, 82
PAUSED_SHARE = 0.10
GENDER_UNRECORDED_SHARE = 0.08
CHECK_SHARE = 0.30
CHILDCARE_CHECK_SHARE = 0.85
# (skill, share of volunteers who have it); translating depends on languages.
SKILL_SHARES = (
    ("befriending", 0.50),
    ("driving", 0.35),
    ("garden_snow", 0.25),
    ("cooking", 0.22),
    ("handy_work", 0.18),
    ("childcare", 0.15),
    ("digital_help", 0.15),
)
INTEREST_KEYS = tuple(INTERESTS)
INTEREST_COUNTS = (1, 2, 2, 3, 3, 4)
NOTES = (
    "Ei autoa talvikaudella.",
    "Voi tulla myös viikonloppuisin.",
    "Toivoo tehtäviä ulkona.",
    "Opiskelee Oulussa, kesät vapaampi.",
    "Eläkkeellä, päivät vapaana.",
    "Auttaa mielellään kirjeiden kääntämisessä.",
    "Kesäkuussa lomalla.",
)
NOTE_SHARE = 0.15
# (name, share, skill it is for or "" for anyone)
TRAININGS = (
    ("Vapaaehtoisen perehdytys", 0.60, ""),
    ("Ystävätoiminnan peruskurssi", 0.55, "befriending"),
    ("Ensiapu EA1", 0.12, ""),
    ("Hygieniapassi", 0.45, "cooking"),
    ("Lasten turvallinen kohtaaminen", 0.50, "childcare"),
)
TRAINING_MINUTES = 180

# --- hours logged by hand ------------------------------------------------------------------------

# (activity, share of volunteers with this weekly shift, (shortest, longest) minutes)
SHIFTS = (
    (Activity.DESK.value, 0.15, (180, 240)),
    (Activity.GOODS.value, 0.20, (120, 240)),
    (Activity.COFFEE.value, 0.12, (150, 180)),
)
ATTENDANCE = 0.8
SUMMER_ATTENDANCE = 0.3  # July: the summer break
EVENT_HELPER_SHARE = 0.25
EVENT_HELPERS = (2, 4)
EVENT_MINUTES = (120, 300)

# --- the friend service --------------------------------------------------------------------------

# How each request's story goes: (story, share). Every story is told at least once.
STORIES = (
    ("active", 0.36),
    ("quiet", 0.04),  # active, but they have not met for over a month
    ("late_check", 0.04),  # active, the coordinator's check-in is late
    ("proposed", 0.06),
    ("first_meeting", 0.05),
    ("paused", 0.07),
    ("ended", 0.15),
    ("reopened", 0.03),  # the pair ended and the request waits for a new friend
    ("rematched", 0.03),  # the pair ended and a new one is active
    ("open", 0.17),
)
WISH_KINDS = {"home_visits": "visit", "outdoors": "outdoors", "phone": "phone", "cafe": "cafe"}
WISH_WEIGHTS = (("home_visits", 50), ("outdoors", 25), ("phone", 15), ("cafe", 20))
FREQUENCY_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 30}
FREQUENCY_WEIGHTS = (("weekly", 50), ("fortnightly", 35), ("monthly", 15))
MEETING_MINUTES = {
    "visit": (60, 120),
    "outdoors": (45, 120),
    "phone": (15, 45),
    "cafe": (60, 120),
}
MISSED_MEETING = 0.12
NEEDS = (
    "Kuulee huonosti: puhu selkeästi ja kasvotusten.",
    "Käyttää rollaattoria.",
    "Näkö heikentynyt.",
    "Muisti heikentynyt; omainen mukana ensitapaamisessa.",
    "Diabetes: kahvin kanssa ei pullaa.",
)
# The coordinator writes a Ukrainian speaker's needs as they were told.
UKRAINIAN_NEEDS = ("Погано чує, говорити повільно.", "Ходить з палицею.")
NEEDS_SHARE = 0.3
FIRST_MEETING_NOTE = "Ensitapaaminen koordinaattorin kanssa."
MEETING_NOTES = (
    "Käveltiin kirkolle ja takaisin.",
    "Kahvilla kirjastossa.",
    "Katsottiin vanhoja valokuvia.",
    "Pelattiin korttia.",
    "Leivottiin pullaa.",
    "Гуляли в парку.",
    "Kävimme kaupassa yhdessä.",
)
MEETING_NOTE_SHARE = 0.2
CHECK_IN_NOTES = (
    "Molemmat tyytyväisiä.",
    "Tapaavat säännöllisesti, juttu luistaa.",
    "Soitettu molemmille, kaikki hyvin.",
    "Toivovat välillä yhteistä retkeä.",
    "Aikataulut sovittu uudelleen syksyksi.",
    "Обидва задоволені.",
)
END_NOTES = {
    "moved": "Muutti tyttären luo Ouluun.",
    "health": "Siirtyi palvelukotiin.",
    "no_match": "Eivät löytäneet yhteistä juttua.",
    "volunteer_stopped": "Vapaaehtoinen muutti työn perässä.",
    "no_longer_needed": "Löysi seuraa eläkeläiskerhosta.",
    "other": "",
}
END_WEIGHTS = (
    ("moved", 20),
    ("health", 25),
    ("no_match", 15),
    ("volunteer_stopped", 20),
    ("no_longer_needed", 15),
    ("other", 5),
)
MAX_PAIRS_PER_VOLUNTEER = 2
FRIENDS_AFTER = dt.timedelta(days=120)
PICKS = 40  # volunteers looked at per request when pairing: the best of them is taken

# --- neighbour help ------------------------------------------------------------------------------

# The kinds of help a volunteer's skills let them offer.
SKILL_KINDS = {
    "driving": ("ride", "shopping"),
    "childcare": ("childcare",),
    "garden_snow": ("yard", "snow"),
    "cooking": ("food",),
    "handy_work": ("repair",),
    "translating": ("letter",),
    "befriending": ("shopping",),
}
OFFER_SHARE = 0.55
# How the requests of the past went: done, or cancelled.
HELP_STATUS_WEIGHTS = (("done", 70), ("cancelled", 15))
OPEN_SHARE, ASSIGNED_SHARE = 0.2, 0.1
URGENCY_WEIGHTS = (("urgent", 20), ("soon", 50), ("anytime", 30))
KIND_WEIGHTS = {
    "ride": 22,
    "shopping": 15,
    "letter": 15,
    "repair": 10,
    "food": 8,
    "childcare": 8,
    "yard": 10,  # April to October
    "snow": 10,  # November to March
}
TASK_MINUTES = {
    "ride": (60, 180),
    "childcare": (120, 240),
    "yard": (120, 240),
    "snow": (60, 120),
    "shopping": (45, 90),
    "food": (60, 120),
    "repair": (60, 180),
    "letter": (30, 60),
}
STREETS = (
    "Ratakatu",
    "Kirkkotie",
    "Limingantie",
    "Varjakantie",
    "Sannanlahdentie",
    "Koulutie",
    "Lumijoentie",
    "Rantatie",
    "Hirvikankaantie",
)
DESCRIPTIONS = {
    "ride": (
        "Kyyti Oulun terveyskeskukseen ja takaisin, vastaanotto klo 10.30.",
        "Kyyti Limingan apteekkiin.",
        "Kyyti Kelan toimistolle Ouluun.",
    ),
    "childcare": (
        "Kaksi lasta (3 ja 6 v.) hoitoon äidin kielikurssin ajaksi.",
        "Lapsenvahti iltapäiväksi lääkärikäynnin ajaksi.",
    ),
    "yard": ("Nurmikon leikkuu ja haravointi.", "Syksyn lehtien haravointi pihalta."),
    "snow": ("Pihan lumityöt, tie autotallille auki.", "Katolta lumet ennen suojasäätä."),
    "shopping": ("Ruokaostokset K-Marketista, lista valmiina.", "Apteekkiasiointi."),
    "food": ("Ruoka-apukassin haku seurakunnalta.", "Apua ruoanlaittoon viikoksi eteenpäin."),
    "repair": ("Vuotava hana keittiössä.", "Hyllyn kiinnitys seinään.", "Oven lukko jumittaa."),
    "letter": ("Kelan kirje: mitä pitää tehdä?", "Verottajan kirje, apua vastaamiseen."),
}
UKRAINIAN_DESCRIPTIONS = {
    "ride": ("Потрібно доїхати до лікарні в Оулу.",),
    "childcare": ("Потрібна няня для двох дітей на дві години.",),
    "shopping": ("Допомога з покупками в магазині.",),
    "letter": ("Лист від Kela, потрібна допомога з перекладом.",),
    "repair": ("Потрібно полагодити кран.",),
}
CANCEL_NOTES = (
    "Apu löytyi omaisilta.",
    "Ei enää tarpeen.",
    "Auttajaa ei löytynyt ajoissa.",
    "Peruttu puhelimessa.",
)
SHARE_CONSENT_SHARE = 0.75
OFFER_NOTES = ("Auto käytössä arkisin.", "Omat työkalut.", "Vain iltaisin.", "")


@dataclass(frozen=True)
class VolunteersSummary:
    volunteers: int
    paused: int
    checks: int
    trainings: int
    hour_rows: int
    minutes: int
    friend_requests: int
    friend_pairs: int
    meetings: int
    check_ins: int
    help_offers: int
    help_requests: int

    @property
    def hours(self) -> int:
        return round(self.minutes / 60)


def require_empty() -> None:
    if any(model.select().exists() for model in MODELS):
        raise ValidationError(_("Demo data can only be added to a new, empty database."))


def write_volunteers(
    seed: int,
    size: str,
    calendar: _Calendar,
    user_ids: dict[Role, int],
    today: dt.date,
    writer: WriterFactory,
) -> VolunteersSummary:
    """Write the volunteers and everything they do (after the persons and events are written)."""
    rng = random.Random(f"lumijobi-demo-volunteers-{seed}")
    persons = _Persons.load()
    builder = _Builder(rng, calendar, persons, user_ids, today, writer)
    builder.register(VOLUNTEERS[size])
    builder.offers()
    builder.friend_service(FRIEND_REQUESTS[size])
    builder.neighbour_help(HELP_REQUESTS[size])
    builder.manual_hours()
    return builder.finish()


def _day_text(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _moment(day: dt.date, hour: int, minute: int = 0) -> str:
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:00"


def _weighted(rng: random.Random, choices: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([c for c, _w in choices], weights=[w for _c, w in choices])[0]


# --- persons -------------------------------------------------------------------------------------


@dataclass
class _Persons:
    """The persons the demo wrote, in id order (index = id - 1)."""

    created: list[dt.date]
    first_names: list[str]
    birth_years: list[int | None]
    villages: list[str]
    older: list[int]  # 0 or 1, as stored
    lonely: list[int]
    family: list[int]
    languages: list[tuple[str, ...]]  # own language first

    @classmethod
    def load(cls) -> _Persons:
        database = current_database()
        rows = database.execute_sql(
            "SELECT first_name, substr(created_at, 1, 10), birth_year, home_village,"
            " older_person, lonely, family_with_children FROM person ORDER BY id"
        ).fetchall()
        columns = [list(column) for column in zip(*rows, strict=True)] or [[]] * 7
        firsts, stamps, births, villages, older, lonely, family = columns
        dates = {text: dt.date.fromisoformat(text) for text in set(stamps)}
        spoken: list[list[str]] = [[] for _person in rows]
        for person_id, language in database.execute_sql(
            "SELECT person_id, language FROM person_language ORDER BY id"
        ):
            spoken[person_id - 1].append(language)
        return cls(
            [dates[text] for text in stamps],
            firsts,
            births,
            villages,
            older,
            lonely,
            family,
            [tuple(languages) for languages in spoken],
        )

    def __len__(self) -> int:
        return len(self.created)

    def registered_by(self, day: dt.date) -> int:
        """How many persons were registered on or before `day` (a prefix in id order)."""
        return bisect.bisect_right(self.created, day)


# --- what is built -------------------------------------------------------------------------------


@dataclass(eq=False)  # compared by identity
class _Volunteer:
    index: int  # person index
    started_on: dt.date
    skills: list[str]
    interests: list[str]
    times: list[str]
    gender: str
    paused_from: dt.date | None  # paused volunteers did nothing after this day
    check_shown_on: dt.date | None = None
    id: int = 0
    kinds: set[str] = field(default_factory=set)  # help offered
    interest_set: frozenset[str] = frozenset()
    time_set: frozenset[str] = frozenset()
    offered_from: dt.date | None = None
    pairs: int = 0  # pairs not ended

    @property
    def person_id(self) -> int:
        return self.index + 1

    @property
    def status(self) -> str:
        return PAUSED if self.paused_from is not None else ACTIVE

    def active_on(self, day: dt.date) -> bool:
        return self.started_on <= day and (self.paused_from is None or day < self.paused_from)

    def check_valid_on(self, day: dt.date) -> bool:
        return self.check_shown_on is not None and self.check_shown_on <= day


class _Builder:
    def __init__(
        self,
        rng: random.Random,
        calendar: _Calendar,
        persons: _Persons,
        user_ids: dict[Role, int],
        today: dt.date,
        writer: WriterFactory,
    ) -> None:
        self.rng, self.calendar, self.persons, self.today = rng, calendar, persons, today
        self.writer = writer
        self.yesterday = today - DAY
        self.admin = user_ids[Role.ADMIN]
        self.staff = user_ids[Role.STAFF]
        self.coordinator = user_ids[Role.COORDINATOR]
        self.desk = user_ids[Role.VOLUNTEER]
        self.volunteers: list[_Volunteer] = []
        self.taken: set[int] = set()  # person indexes who volunteer or ask for a friend
        # (volunteer id, day) → minutes logged: at most 24 hours a day.
        self.logged: dict[tuple[int, dt.date], int] = {}
        self.hours = writer(VolunteerHours, HOURS_FIELDS)
        self.day_texts: dict[dt.date, str] = {}
        self.minutes = 0
        self.counts: dict[str, int] = {}

    # --- the register ----------------------------------------------------------------------------

    def register(self, count: int) -> None:
        rng, persons = self.rng, self.persons
        latest = self.today - dt.timedelta(days=14)
        this_year = self.calendar.last_day.year
        keyed = []
        # Registered in time to have volunteered a while: a prefix in id order.
        for index in range(persons.registered_by(latest)):
            weight = self._volunteer_weight(index, this_year)
            if weight > 0:
                # A weighted sample without replacement (Efraimidis–Spirakis): the largest keys.
                keyed.append((rng.random() ** (1.0 / weight), index))
        chosen = [index for _key, index in heapq.nlargest(count, keyed)]
        made = [self._profile(index, this_year) for index in sorted(chosen)]
        made.sort(key=lambda v: (v.started_on, v.index))
        for number, volunteer in enumerate(made, start=1):
            volunteer.id = number
        self.volunteers = made
        self.taken.update(v.index for v in made)
        self._checks()
        self._write_register()

    def _volunteer_weight(self, index: int, this_year: int) -> float:
        persons = self.persons
        birth = persons.birth_years[index]
        if birth is not None and not YOUNGEST <= this_year - birth <= OLDEST:
            return 0.0
        if persons.lonely[index] or not persons.languages[index]:
            return 0.0
        spoken = persons.languages[index]
        own = spoken[0]
        if own == "fi":
            return 4.5 if persons.villages[index] in LUMIJOKI_VILLAGES else 3.0
        if own in ("uk", "ru"):
            return 4.0 if "fi" in spoken else 1.0
        return 0.4

    def _profile(self, index: int, this_year: int) -> _Volunteer:
        rng, persons = self.rng, self.persons
        spoken = persons.languages[index]
        birth = persons.birth_years[index]
        age = this_year - birth if birth is not None else rng.randint(25, 70)
        first = persons.first_names[index]
        gender = (
            Gender.FEMALE.value
            if first in FEMALE_NAMES
            else Gender.MALE.value
            if first in MALE_NAMES
            else ""
        )
        if rng.random() < GENDER_UNRECORDED_SHARE:
            gender = ""
        skills = [skill for skill, share in SKILL_SHARES if rng.random() < share]
        bilingual = ("uk" in spoken or "ru" in spoken) and ("fi" in spoken or "en" in spoken)
        if rng.random() < (0.7 if bilingual else 0.03):
            skills.append("translating")
        if not skills:
            skills = ["befriending"]
        interests = rng.sample(INTEREST_KEYS, rng.choice(INTEREST_COUNTS))
        started = persons.created[index] + dt.timedelta(days=rng.randint(0, 120))
        started = max(self.calendar.first_day, min(started, self.today - dt.timedelta(days=7)))
        paused_from = None
        if rng.random() < PAUSED_SHARE and (self.today - started).days > 60:
            paused_from = started + dt.timedelta(
                days=rng.randint(30, (self.today - started).days - 7)
            )
        return _Volunteer(
            index=index,
            started_on=started,
            skills=sorted(set(skills)),
            interests=sorted(interests),
            times=self._free_times(age),
            gender=gender,
            paused_from=paused_from,
        )

    def _free_times(self, age: int) -> list[str]:
        rng = self.rng
        if age >= 63:  # retired: free in the daytime on weekdays
            pool = [f"{day}{part}" for day in range(5) for part in "ma"] + ["5m", "6a"]
        else:  # working or studying: evenings, weekends, and now and then a day off
            pool = [f"{day}e" for day in range(5)] + [
                f"{day}{part}" for day in (5, 6) for part in "mae"
            ]
            pool += ["4a", "2a"]
        return sorted(rng.sample(pool, rng.randint(2, min(6, len(pool)))))

    def _checks(self) -> None:
        """About a third show a criminal record extract; those caring for children almost all.

        One volunteer offering childcare has shown none, so the warning can be seen;
        another surely has, so childcare can be given.
        """
        rng = self.rng
        active = [v for v in self.volunteers if v.paused_from is None]
        carers = [v for v in active if "childcare" in v.skills]
        others = [v for v in active if "childcare" not in v.skills]
        for volunteer in others[: max(0, 2 - len(carers))]:
            volunteer.skills = sorted({*volunteer.skills, "childcare"})
            carers.append(volunteer)
        self.unchecked_carer, self.checked_carer = rng.sample(carers, 2)
        # Those caring for children first, then others, until about a third have shown one.
        wanted = round(CHECK_SHARE * len(self.volunteers))
        checked = [self.checked_carer] + [
            v
            for v in self.volunteers
            if "childcare" in v.skills
            and v not in (self.checked_carer, self.unchecked_carer)
            and rng.random() < CHILDCARE_CHECK_SHARE
        ]
        chosen = {id(v) for v in checked}
        others = [
            v for v in self.volunteers if id(v) not in chosen and v is not self.unchecked_carer
        ]
        checked += rng.sample(others, max(0, min(len(others), wanted - len(checked))))
        for volunteer in checked:
            last = volunteer.paused_from or self.yesterday
            span = max(0, min(60, (last - volunteer.started_on).days))
            volunteer.check_shown_on = volunteer.started_on + dt.timedelta(
                days=rng.randint(0, span)
            )

    def _write_register(self) -> None:
        rng = self.rng
        rows = self.writer(Volunteer, VOLUNTEER_FIELDS)
        trainings = self.writer(VolunteerTraining, TRAINING_FIELDS)
        for volunteer in self.volunteers:
            consent = _moment(volunteer.started_on, rng.randint(9, 15), rng.randrange(60))
            shown = volunteer.check_shown_on
            extract = None
            if shown is not None:
                age = rng.randint(3, EXTRACT_MAX_AGE.days - 20)
                extract = shown - dt.timedelta(days=age)
            updated = consent if shown is None else max(consent, _moment(shown, 11))
            rows.add(
                (
                    volunteer.id,
                    volunteer.person_id,
                    ",".join(volunteer.skills),
                    ",".join(volunteer.interests),
                    ",".join(volunteer.times),
                    volunteer.gender,
                    volunteer.started_on.isoformat(),
                    volunteer.status,
                    rng.choice(NOTES) if rng.random() < NOTE_SHARE else "",
                    consent,
                    rng.choice((self.admin, self.staff, self.coordinator)),
                    _day_text(shown),
                    _day_text(extract),
                    rng.choice((self.staff, self.coordinator)) if shown is not None else None,
                    consent,
                    updated,
                )
            )
        rows.flush()
        for volunteer in self.volunteers:
            last = volunteer.paused_from or self.yesterday
            for name, share, skill in TRAININGS:
                if skill and skill not in volunteer.skills:
                    continue
                if rng.random() >= share:
                    continue
                days = (last - volunteer.started_on).days
                # The orientation on the first day; the courses some time later.
                offset = 0 if not skill and name == TRAININGS[0][0] else rng.randint(0, days)
                day = volunteer.started_on + dt.timedelta(days=offset)
                trainings.add((volunteer.id, name, day.isoformat()))
                self._log(volunteer.id, day, TRAINING_MINUTES, Activity.TRAINING.value)
        trainings.flush()
        self.counts["volunteers"] = len(self.volunteers)
        self.counts["paused"] = sum(1 for v in self.volunteers if v.paused_from is not None)
        self.counts["checks"] = sum(1 for v in self.volunteers if v.check_shown_on is not None)
        self.counts["trainings"] = trainings.written

    # --- hours -----------------------------------------------------------------------------------

    def reserve(self, volunteer_id: int, day: dt.date, minutes: int) -> bool:
        """Count `minutes` on the volunteer's day, if it stays within 24 hours and is past."""
        key = (volunteer_id, day)
        logged = self.logged.get(key, 0)
        if minutes <= 0 or day > self.yesterday or logged + minutes > MINUTES_PER_DAY:
            return False
        self.logged[key] = logged + minutes
        return True

    def _log(self, volunteer_id: int, day: dt.date, minutes: int, activity: str, **how) -> bool:
        """Hours logged by hand, if the volunteer's day stays within 24 hours."""
        if not self.reserve(volunteer_id, day, minutes):
            return False
        self.write_hours(volunteer_id, day, minutes, activity, **how)
        return True

    def write_hours(
        self,
        volunteer_id: int,
        day: dt.date,
        minutes: int,
        activity: str,
        source: str = HoursSource.MANUAL.value,
        source_id: int | None = None,
        recorded_by: int | None = None,
    ) -> None:
        """One row of hours already counted by `reserve`."""
        # Logged the same afternoon, or a few days later from the paper list.
        recorded = min(day + RECORDED_AFTER[int(self.rng.random() * 4)], self.yesterday)
        texts = self.day_texts
        if recorded not in texts:
            texts[recorded] = recorded.isoformat()
        if day not in texts:
            texts[day] = day.isoformat()
        self.hours.add(
            (
                volunteer_id,
                texts[day],
                minutes,
                activity,
                "",
                source,
                source_id,
                recorded_by or self.desk,
                f"{texts[recorded]} 16:{int(self.rng.random() * 60):02d}:00",
            )
        )
        self.minutes += minutes
        if self.hours.full():
            self.hours.flush()

    def manual_hours(self) -> None:
        """Weekly shifts at the desk, the goods and the coffee meeting; helpers at events."""
        rng = self.rng
        coffee_days, event_days = _event_days(self.today)
        # Per weekday: the open days, and the chance a volunteer on a shift comes that day.
        open_days: list[list[dt.date]] = [[] for _weekday in range(5)]
        for day in self.calendar.days:
            open_days[day.weekday()].append(day)
        chances = {
            day: SUMMER_ATTENDANCE if day.month == 7 else ATTENDANCE for day in self.calendar.days
        }
        count = len(self.volunteers)
        for activity, share, (shortest, longest) in SHIFTS:
            on_shift = rng.sample(range(count), round(share * count))
            for volunteer in (self.volunteers[number] for number in sorted(on_shift)):
                coffee = activity == COFFEE
                weekday = COFFEE_WEEKDAY if coffee else rng.randrange(5)
                every = 2 if activity == Activity.GOODS.value and rng.random() < 0.3 else 1
                minutes = rng.randrange(shortest, longest + 1, 30)
                days = open_days[weekday]
                first = bisect.bisect_left(days, volunteer.started_on)
                last = bisect.bisect_left(days, volunteer.paused_from or self.today)
                for day in days[first:last:every]:
                    if coffee and day not in coffee_days:
                        continue  # no coffee meeting that Tuesday
                    if rng.random() < chances[day]:
                        self._log(volunteer.id, day, minutes, activity, recorded_by=self.desk)
        helpers = [v for v in self.volunteers if rng.random() < EVENT_HELPER_SHARE]
        for day in event_days:
            able = [v for v in helpers if v.active_on(day)]
            for volunteer in rng.sample(able, min(len(able), rng.randint(*EVENT_HELPERS))):
                minutes = rng.randrange(EVENT_MINUTES[0], EVENT_MINUTES[1] + 1, 30)
                self._log(volunteer.id, day, minutes, Activity.EVENTS.value, recorded_by=self.staff)

    # --- neighbour-help offers -------------------------------------------------------------------

    def offers(self) -> None:
        rng = self.rng
        rows = self.writer(HelpOffer, OFFER_FIELDS)
        for volunteer in self.volunteers:
            possible = sorted({kind for s in volunteer.skills for kind in SKILL_KINDS.get(s, ())})
            must_offer = volunteer in (self.unchecked_carer, self.checked_carer)
            if not possible or (not must_offer and rng.random() >= OFFER_SHARE):
                continue
            kinds = set(rng.sample(possible, rng.randint(1, len(possible))))
            if must_offer or "childcare" in volunteer.skills:
                kinds.add("childcare")
            times = rng.sample(volunteer.times, rng.randint(1, len(volunteer.times)))
            offered = min(
                volunteer.started_on + dt.timedelta(days=rng.randint(0, 14)), self.yesterday
            )
            active = volunteer.paused_from is None and (must_offer or rng.random() > 0.05)
            if active:
                volunteer.kinds = kinds
                volunteer.offered_from = offered
            rows.add(
                (
                    volunteer.id,
                    ",".join(sorted(kinds)),
                    ",".join(sorted(times)),
                    rng.choice(OFFER_NOTES),
                    active,
                    _moment(offered, rng.randint(9, 15), rng.randrange(60)),
                )
            )
        rows.flush()
        self.counts["help_offers"] = rows.written

    # --- the friend service ----------------------------------------------------------------------

    def friend_service(self, count: int) -> None:
        friends = _FriendService(self)
        friends.build(count)
        self.counts.update(friends.counts)

    # --- neighbour help --------------------------------------------------------------------------

    def neighbour_help(self, count: int) -> None:
        helping = _NeighbourHelp(self)
        helping.build(count)
        self.counts["help_requests"] = helping.written

    def finish(self) -> VolunteersSummary:
        self.hours.flush()
        return VolunteersSummary(
            volunteers=self.counts["volunteers"],
            paused=self.counts["paused"],
            checks=self.counts["checks"],
            trainings=self.counts["trainings"],
            hour_rows=self.hours.written,
            minutes=self.minutes,
            friend_requests=self.counts["friend_requests"],
            friend_pairs=self.counts["friend_pairs"],
            meetings=self.counts["meetings"],
            check_ins=self.counts["check_ins"],
            help_offers=self.counts["help_offers"],
            help_requests=self.counts["help_requests"],
        )


def _event_days(today: dt.date) -> tuple[set[dt.date], list[dt.date]]:
    """The days a coffee meeting was held, and the days of the community events held."""
    from lumijobi_desktop.core.events import Event

    coffee, community = set(), []
    query = (
        Event.select(Event.kind, Event.starts_at)
        .where(Event.cancelled_at.is_null() & (Event.starts_at < today))
        .order_by(Event.starts_at, Event.id)
        .tuples()
    )
    for kind, starts_at in query:
        if kind == EventKind.COFFEE.value:
            coffee.add(starts_at.date())
        else:
            community.append(starts_at.date())
    return coffee, community


# --- the friend service --------------------------------------------------------------------------


@dataclass(eq=False)
class _Request:
    id: int
    index: int  # the person's index
    story: str
    created: dt.date
    languages: frozenset[str]
    village: str
    interests: frozenset[str]
    times: frozenset[str]
    preferred_gender: str
    wishes: list[str]
    frequency: str
    status: str = RequestStatus.OPEN.value


class _FriendService:
    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.rng = builder.rng
        self.today = builder.today
        self.pairs = builder.writer(FriendPair, PAIR_FIELDS)
        self.meetings = builder.writer(FriendMeeting, MEETING_FIELDS)
        self.check_ins = builder.writer(FriendCheckIn, CHECK_IN_FIELDS)
        self.pair_rows: list[tuple] = []
        self.meeting_rows: list[tuple] = []
        self.check_in_rows: list[tuple] = []
        self.hour_rows: list[tuple] = []
        self.meeting_count = 0
        self.counts: dict[str, int] = {}
        self.pools: dict[frozenset[str], list[_Volunteer]] = {}
        self.by_language: dict[str, list[_Volunteer]] = {}
        for volunteer in builder.volunteers:
            volunteer.interest_set = frozenset(volunteer.interests)
            volunteer.time_set = frozenset(volunteer.times)
            for language in builder.persons.languages[volunteer.index]:
                self.by_language.setdefault(language, []).append(volunteer)

    def build(self, count: int) -> None:
        requests = self._requests(_stories(self.rng, count))
        rows = self.b.writer(FriendRequest, REQUEST_FIELDS)
        for request in requests:
            rows.add(self._tell(request))
        rows.flush()
        for row in self.pair_rows:
            self.pairs.add(row)
        self.pairs.flush()
        for row in self.meeting_rows:
            self.meetings.add(row)
            if self.meetings.full():
                self.meetings.flush()
        self.meetings.flush()
        for row in self.check_in_rows:
            self.check_ins.add(row)
        self.check_ins.flush()
        for volunteer_id, day, minutes, meeting_id in self.hour_rows:
            self.b.write_hours(
                volunteer_id,
                day,
                minutes,
                Activity.FRIEND.value,
                HoursSource.FRIEND_MEETING.value,
                meeting_id,
                self.b.coordinator,
            )
        self.counts.update(
            friend_requests=rows.written,
            friend_pairs=self.pairs.written,
            meetings=self.meetings.written,
            check_ins=self.check_ins.written,
        )

    # --- who asks, and when ---

    def _requests(self, stories: list[str]) -> list[_Request]:
        """Who asks, and when: ids in the order the requests were made."""
        rng, b = self.rng, self.b
        persons = b.persons
        asking = [
            index
            for index in range(len(persons))
            if (persons.older[index] or persons.lonely[index])
            and index not in b.taken
            and any(language in self.by_language for language in persons.languages[index])
        ]
        rng.shuffle(asking)
        made = []
        # The longest stories first: they need someone registered long ago.
        for story in sorted(stories, key=lambda story: -STORY_START[story][1]):
            earliest, latest = (self.today - dt.timedelta(days=d) for d in STORY_START[story])
            # Asked once some volunteers had started (the register began with the demo).
            earliest = max(earliest, b.calendar.first_day + FRIENDS_AFTER)
            index = next((i for i in asking if persons.created[i] < latest), None)
            if index is None:
                continue  # nobody older or lonely was registered early enough
            asking.remove(index)
            first = max(earliest, persons.created[index] + DAY)
            created = first + dt.timedelta(days=rng.randint(0, max(0, (latest - first).days)))
            made.append(self._request(index, story, created))
            b.taken.add(index)
        made.sort(key=lambda request: (request.created, request.index))
        for number, request in enumerate(made, start=1):
            request.id = number
        return made

    def _request(self, index: int, story: str, created: dt.date) -> _Request:
        rng, persons = self.rng, self.b.persons
        spoken = frozenset(c for c in persons.languages[index] if c in SPOKEN_LANGUAGES) or {"fi"}
        wishes = {_weighted(rng, WISH_WEIGHTS)}
        if rng.random() < 0.4:
            wishes.add(_weighted(rng, WISH_WEIGHTS))
        times = rng.sample([f"{day}{part}" for day in range(7) for part in "ma"], rng.randint(2, 5))
        gender = ""
        if rng.random() < 0.3:
            gender = Gender.FEMALE.value if rng.random() < 0.85 else Gender.MALE.value
        return _Request(
            id=0,
            index=index,
            story=story,
            created=created,
            languages=frozenset(spoken),
            village=persons.villages[index],
            interests=frozenset(rng.sample(INTEREST_KEYS, rng.randint(1, 3))),
            times=frozenset(times),
            preferred_gender=gender,
            wishes=sorted(wishes),
            frequency=_weighted(rng, FREQUENCY_WEIGHTS),
        )

    # --- each request's story ---

    def _tell(self, request: _Request) -> tuple:
        """The request's pairs, meetings and check-ins as its story goes; its row."""
        rng, today = self.rng, self.today
        created = request.created
        story = request.story
        if story == "open":
            pass
        elif story == "proposed":
            proposed = self._after(created, 1, 10, today - DAY)
            self._pair(request, proposed, PairStatus.PROPOSED)
        elif story == "first_meeting":
            proposed = self._after(created, 3, 14, today - DAY)
            self._pair(
                request,
                proposed,
                PairStatus.FIRST_MEETING,
                first_meeting=today + dt.timedelta(days=rng.randint(1, 10)),
            )
        elif story in ("active", "quiet", "late_check", "paused"):
            self._lived_pair(request, created, story)
        elif story == "ended":
            self._ended_pair(request, created, today - dt.timedelta(days=7), seek_new=False)
        elif story == "reopened":
            self._ended_pair(request, created, today - dt.timedelta(days=10), seek_new=True)
        elif story == "rematched":
            ended = self._ended_pair(
                request, created, today - dt.timedelta(days=120), seek_new=True
            )
            if ended is not None:
                self._lived_pair(request, ended + dt.timedelta(days=rng.randint(7, 30)), "active")
        moment = _moment(created, rng.randint(9, 15), rng.randrange(60))
        # Needs to know are kept only with the person's consent, given when they were told.
        ukrainian = self.b.persons.languages[request.index][:1] in (("uk",), ("ru",))
        needs = ""
        if rng.random() < NEEDS_SHARE:
            needs = rng.choice(UKRAINIAN_NEEDS if ukrainian and rng.random() < 0.5 else NEEDS)
        return (
            request.id,
            request.index + 1,
            ",".join(request.wishes),
            request.frequency,
            ",".join(sorted(request.interests)),
            ",".join(sorted(request.languages)),
            request.village,
            ",".join(sorted(request.times)),
            request.preferred_gender,
            needs,
            moment if needs else None,
            request.status,
            moment,
            self.b.coordinator,
        )

    def _after(self, day: dt.date, low: int, high: int, latest: dt.date) -> dt.date:
        return min(day + dt.timedelta(days=self.rng.randint(low, high)), latest)

    def _lived_pair(self, request: _Request, created: dt.date, story: str) -> None:
        rng, today = self.rng, self.today
        proposed = self._after(created, 2, 14, today - dt.timedelta(days=60))
        first = self._after(proposed, 3, 14, today - dt.timedelta(days=50))
        started = first + dt.timedelta(days=rng.randint(0, 7))
        status, paused = PairStatus.ACTIVE, None
        last_meeting = today - DAY
        if story == "quiet":
            last_meeting = today - dt.timedelta(days=rng.randint(35, 60))
        elif story == "paused":
            status = PairStatus.PAUSED
            paused = started + dt.timedelta(
                days=rng.randint(21, max(21, (today - started).days - 7))
            )
            paused = min(paused, today - dt.timedelta(days=7))
            last_meeting = paused - DAY
        pair = self._pair(
            request, proposed, status, first_meeting=first, started=started, paused=paused
        )
        if pair is None:
            return
        pair_id, volunteer = pair
        self._meet(pair_id, volunteer, request, first, last_meeting)
        self._check_in(pair_id, started, paused or today, late=story == "late_check")

    def _ended_pair(
        self, request: _Request, created: dt.date, latest_end: dt.date, *, seek_new: bool
    ) -> dt.date | None:
        rng = self.rng
        reason = _weighted(rng, END_WEIGHTS)
        proposed = self._after(created, 2, 14, latest_end - dt.timedelta(days=40))
        first = self._after(proposed, 3, 14, latest_end - dt.timedelta(days=30))
        started = first + dt.timedelta(days=rng.randint(0, 7))
        lasted = rng.randint(14, 60) if reason == "no_match" else rng.randint(60, 400)
        ended = min(started + dt.timedelta(days=lasted), latest_end)
        pair = self._pair(
            request,
            proposed,
            PairStatus.ENDED,
            first_meeting=first,
            started=started,
            ended=ended,
            reason=reason,
        )
        if pair is None:
            return None
        pair_id, volunteer = pair
        self._meet(pair_id, volunteer, request, first, ended)
        self._check_in(pair_id, started, ended, late=False)
        request.status = (RequestStatus.OPEN if seek_new else RequestStatus.CLOSED).value
        return ended

    def _pair(
        self,
        request: _Request,
        proposed: dt.date,
        status: PairStatus,
        *,
        first_meeting: dt.date | None = None,
        started: dt.date | None = None,
        paused: dt.date | None = None,
        ended: dt.date | None = None,
        reason: str = "",
    ) -> tuple[int, _Volunteer] | None:
        """A pair with the best of some volunteers who could have taken it on `proposed`."""
        volunteer = self._volunteer_for(request, proposed, ended)
        if volunteer is None:
            return None
        pair_id = len(self.pair_rows) + 1
        if ended is None:
            volunteer.pairs += 1
            request.status = RequestStatus.PAIRED.value
        self.pair_rows.append(
            (
                pair_id,
                request.id,
                volunteer.id,
                status.value,
                proposed.isoformat(),
                _day_text(first_meeting),
                _day_text(started),
                _day_text(paused),
                _day_text(ended),
                reason,
                END_NOTES.get(reason, "") if reason and self.rng.random() < 0.6 else "",
                self.b.coordinator,
            )
        )
        return pair_id, volunteer

    def _volunteer_for(
        self, request: _Request, proposed: dt.date, until: dt.date | None
    ) -> _Volunteer | None:
        """The best of some volunteers sharing a language, active from `proposed` to `until`.

        `until` None: the pair goes on, so the volunteer is active now and has room for it.
        When none of those looked at could, the first who can; a preferred gender is let go
        only when nobody at all could (the person would rather have a friend than wait).
        """
        rng, persons = self.rng, self.b.persons
        pool = self._pool(request.languages)
        best, best_score = None, -1.0
        for _pick in range(min(PICKS, 4 * len(pool))):
            volunteer = pool[rng.randrange(len(pool))]
            if not self._could_pair(volunteer, request, proposed, until):
                continue
            score = rng.random()
            score += 3 if "befriending" in volunteer.skills else 0
            score += 3 if persons.villages[volunteer.index] == request.village else 0
            score += 2 * len(request.interests & volunteer.interest_set)
            score += len(request.times & volunteer.time_set)
            if score > best_score:
                best, best_score = volunteer, score
        if best is None:
            best = next((v for v in pool if self._could_pair(v, request, proposed, until)), None)
        if best is None and request.preferred_gender:
            request.preferred_gender = ""
            best = next((v for v in pool if self._could_pair(v, request, proposed, until)), None)
        return best

    @staticmethod
    def _could_pair(
        volunteer: _Volunteer, request: _Request, proposed: dt.date, until: dt.date | None
    ) -> bool:
        if volunteer.index == request.index or not volunteer.active_on(proposed):
            return False
        if request.preferred_gender and volunteer.gender != request.preferred_gender:
            return False
        if until is None:
            return volunteer.paused_from is None and volunteer.pairs < MAX_PAIRS_PER_VOLUNTEER
        return volunteer.active_on(until)

    def _pool(self, languages: frozenset[str]) -> list[_Volunteer]:
        if languages not in self.pools:
            found = {v.id: v for code in languages for v in self.by_language.get(code, ())}
            self.pools[languages] = [found[key] for key in sorted(found)]
        return self.pools[languages]

    def _meet(
        self,
        pair_id: int,
        volunteer: _Volunteer,
        request: _Request,
        first: dt.date,
        last: dt.date,
    ) -> None:
        """The first meeting with the coordinator, then meetings at about the pace asked for."""
        rng = self.rng
        kinds = [WISH_KINDS[wish] for wish in request.wishes]
        step = FREQUENCY_DAYS[request.frequency]
        day, note = first, FIRST_MEETING_NOTE
        kind = "cafe" if "cafe" in kinds else "visit"
        while day <= last:
            low, high = MEETING_MINUTES[kind]
            minutes = rng.randrange(low, high + 1, 15)
            # The minutes are counted now; their row is written after the meetings.
            if self.b.reserve(volunteer.id, day, minutes):
                self.meeting_count += 1
                meeting_id = self.meeting_count
                self.meeting_rows.append(
                    (meeting_id, pair_id, day.isoformat(), minutes, kind, note, self.b.coordinator)
                )
                self.hour_rows.append((volunteer.id, day, minutes, meeting_id))
            day += dt.timedelta(days=step + rng.randint(-2, 3))
            while rng.random() < MISSED_MEETING:  # ill, away, a holiday
                day += dt.timedelta(days=step)
            kind = rng.choice(kinds)
            note = rng.choice(MEETING_NOTES) if rng.random() < MEETING_NOTE_SHARE else ""

    def _check_in(self, pair_id: int, started: dt.date, until: dt.date, *, late: bool) -> None:
        """A month after the start, then every three months, a few days late at times."""
        rng = self.rng
        done: list[dt.date] = []
        due = add_months(started, 1)
        while due < until:
            day = min(due + dt.timedelta(days=rng.randint(0, 6)), until - DAY, self.today - DAY)
            if day < started:
                break
            done.append(day)
            due = add_months(day, 3)
        if late and done:
            done.pop()  # the last one was never made: it is late now
        for day in done:
            note = rng.choice(CHECK_IN_NOTES)
            self.check_in_rows.append((pair_id, day.isoformat(), note, self.b.coordinator))


# The request made between these many days before today (earliest, latest), per story.
STORY_START = {
    "active": (700, 90),
    "quiet": (500, 120),
    "late_check": (400, 120),
    "paused": (700, 120),
    "ended": (700, 60),
    "reopened": (600, 60),
    "rematched": (700, 300),
    "proposed": (30, 11),
    "first_meeting": (40, 15),
    "open": (60, 2),
}


def _stories(rng: random.Random, count: int) -> list[str]:
    """Every story at least once, the rest by their shares, in a shuffled order."""
    stories = [story for story, _share in STORIES]
    rest = count - len(stories)
    for story, share in STORIES:
        stories += [story] * int(share * rest)
    while len(stories) < count:
        stories.append(_weighted(rng, STORIES))
    stories = stories[:count]
    rng.shuffle(stories)
    return stories


# --- neighbour help ------------------------------------------------------------------------------


class _NeighbourHelp:
    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.rng = builder.rng
        self.today = builder.today
        self.offering: dict[str, list[_Volunteer]] = {}
        for volunteer in builder.volunteers:
            for kind in volunteer.kinds:
                self.offering.setdefault(kind, []).append(volunteer)
        self.written = 0
        # (volunteer id, day, minutes, request id) of the tasks done
        self.done: list[tuple[int, dt.date, int, int]] = []

    def build(self, count: int) -> None:
        rng = self.rng
        plan = self._statuses(count)
        made = []
        for status, urgency, kind in plan:
            made.append(self._request(status, urgency, kind))
        made.sort(key=lambda row: (row["created_at"], row["status"]))
        rows = self.b.writer(HelpRequest, HELP_FIELDS)
        for number, row in enumerate(made, start=1):
            row["id"] = number
            rows.add(tuple(row[name] for name in HELP_FIELD_NAMES))
            if row["status"] == HelpStatus.DONE.value:
                self.done.append(
                    (
                        row["volunteer"],
                        dt.date.fromisoformat(row["done_on"]),
                        row["minutes"],
                        number,
                    )
                )
        rows.flush()
        self.written = rows.written
        for volunteer_id, day, minutes, request_id in self.done:
            self.b.write_hours(
                volunteer_id,
                day,
                minutes,
                Activity.NEIGHBOUR.value,
                HoursSource.HELP_TASK.value,
                request_id,
                rng.choice((self.b.coordinator, self.b.staff)),
            )

    def _statuses(self, count: int) -> list[tuple[str, str, str]]:
        """(status, urgency, kind or "") of each request: the open board shows every urgency."""
        rng = self.rng
        opened = max(4, round(count * OPEN_SHARE))
        assigned = max(2, round(count * ASSIGNED_SHARE))
        plan = [
            (HelpStatus.OPEN.value, Urgency.URGENT.value, ""),
            (HelpStatus.OPEN.value, Urgency.SOON.value, ""),
            (HelpStatus.OPEN.value, Urgency.ANYTIME.value, ""),
            (HelpStatus.OPEN.value, Urgency.SOON.value, "childcare"),
            (HelpStatus.DONE.value, "", "childcare"),
            (HelpStatus.CANCELLED.value, "", ""),
        ]
        plan += [
            (HelpStatus.OPEN.value, _weighted(rng, URGENCY_WEIGHTS), "") for _n in range(opened - 4)
        ]
        plan += [
            (HelpStatus.ASSIGNED.value, _weighted(rng, URGENCY_WEIGHTS), "")
            for _n in range(assigned)
        ]
        while len(plan) < count:
            plan.append((_weighted(rng, HELP_STATUS_WEIGHTS), "", ""))
        return plan

    def _request(self, status: str, urgency: str, kind: str) -> dict:
        rng, today, b = self.rng, self.today, self.b
        past = status in (HelpStatus.DONE.value, HelpStatus.CANCELLED.value)
        if past:
            first = b.calendar.first_day + dt.timedelta(days=60)
            created = first + dt.timedelta(days=rng.randint(0, (today - first).days - 14))
            urgency = urgency or _weighted(rng, URGENCY_WEIGHTS)
        else:
            created = today - dt.timedelta(days=rng.randint(1, 10 if urgency != "urgent" else 1))
        needed = self._needed_on(created, urgency, past)
        person = self._requester(created)
        volunteer = None
        if status == HelpStatus.OPEN.value:
            kind = kind or self._kind(created)
        else:
            # Someone offering this kind of help then takes it; a few tries at the kind.
            for _try in range(1 if kind else 5):
                chosen = kind or self._kind(created)
                volunteer = self._helper(chosen, created, person, needed or created)
                if volunteer is not None:
                    break
            kind = chosen
            if volunteer is None and status != HelpStatus.CANCELLED.value:
                # Nobody offered this kind of help then: the request was cancelled.
                status = HelpStatus.CANCELLED.value if past else HelpStatus.OPEN.value
        done_on = minutes = None
        if status == HelpStatus.DONE.value:
            done_on = min(needed or created + dt.timedelta(days=rng.randint(1, 7)), today - DAY)
            low, high = TASK_MINUTES[kind]
            minutes = rng.randrange(low, high + 1, 15)
            if not b.reserve(volunteer.id, done_on, minutes):
                status, done_on, minutes = HelpStatus.CANCELLED.value, None, None
        if status == HelpStatus.CANCELLED.value and rng.random() < 0.7:
            volunteer = None
        persons = b.persons
        ukrainian = persons.languages[person][:1] in (("uk",), ("ru",))
        texts = DESCRIPTIONS[kind]
        if ukrainian and kind in UKRAINIAN_DESCRIPTIONS and rng.random() < 0.6:
            texts = UKRAINIAN_DESCRIPTIONS[kind]
        times = sorted(rng.sample([f"{d}{p}" for d in range(7) for p in "mae"], rng.randint(1, 3)))
        assigned_at = None
        if volunteer is not None:
            assigned = min(created + dt.timedelta(days=rng.randint(0, 2)), today - DAY)
            assigned_at = _moment(assigned, rng.randint(10, 15), rng.randrange(60))
        return {
            "id": 0,
            "person": person + 1,
            "kind": kind,
            "needed_on": _day_text(needed),
            "times": ",".join(times),
            "place": f"{rng.choice(STREETS)} {rng.randint(1, 40)}",
            "village": persons.villages[person] or "Lumijoki",
            "urgency": urgency,
            "description": rng.choice(texts),
            "share_consent": rng.random() < SHARE_CONSENT_SHARE,
            "status": status,
            "volunteer": volunteer.id if volunteer else None,
            "assigned_at": assigned_at,
            "check_override": False,
            "done_on": _day_text(done_on),
            "minutes": minutes,
            "cancel_note": rng.choice(CANCEL_NOTES) if status == HelpStatus.CANCELLED.value else "",
            "created_at": _moment(created, rng.randint(9, 15), rng.randrange(60)),
            "created_by": rng.choice((b.desk, b.staff, b.coordinator)),
        }

    def _kind(self, created: dt.date) -> str:
        weights = dict(KIND_WEIGHTS)
        winter = created.month in (11, 12, 1, 2, 3)
        weights.pop("yard" if winter else "snow")
        return _weighted(self.rng, tuple(weights.items()))

    def _needed_on(self, created: dt.date, urgency: str, past: bool) -> dt.date | None:
        rng, today = self.rng, self.today
        if urgency == Urgency.URGENT.value:
            needed = created + dt.timedelta(days=rng.randint(0, 1))
            return max(needed, today) if not past else needed
        if urgency == Urgency.SOON.value:
            needed = created + dt.timedelta(days=rng.randint(1, 6))
            return max(needed, today + DAY) if not past else needed
        if rng.random() < 0.5:
            return None
        needed = created + dt.timedelta(days=rng.randint(7, 30))
        return needed if past else max(needed, today + dt.timedelta(days=7))

    def _requester(self, created: dt.date) -> int:
        """Someone registered before the request; older people and families more often."""
        rng, b = self.rng, self.b
        persons = b.persons
        registered = max(1, persons.registered_by(created - DAY))
        index = rng.randrange(registered)
        for _try in range(20):
            index = rng.randrange(registered)
            if index in b.taken:
                continue
            if persons.older[index] or persons.family[index] or rng.random() < 0.3:
                break
        return index

    def _helper(
        self, kind: str, created: dt.date, person: int, needed: dt.date
    ) -> _Volunteer | None:
        """Someone offering this kind of help when it was asked, and still on `needed`."""
        rng = self.rng
        pool = self.offering.get(kind, [])

        def could(volunteer: _Volunteer) -> bool:
            if volunteer.index == person or volunteer.offered_from > created:
                return False
            if kind == "childcare" and not volunteer.check_valid_on(created):
                return False
            return volunteer.active_on(needed)

        for _try in range(min(40, 4 * len(pool))):
            volunteer = pool[rng.randrange(len(pool))]
            if could(volunteer):
                return volunteer
        return next((volunteer for volunteer in pool if could(volunteer)), None)


# --- rows ----------------------------------------------------------------------------------------

VOLUNTEER_FIELDS = [
    Volunteer.id,
    Volunteer.person,
    Volunteer.skills,
    Volunteer.interests,
    Volunteer.free_times,
    Volunteer.gender,
    Volunteer.started_on,
    Volunteer.status,
    Volunteer.note,
    Volunteer.consent_at,
    Volunteer.consent_by,
    Volunteer.check_shown_on,
    Volunteer.check_extract_date,
    Volunteer.check_seen_by,
    Volunteer.created_at,
    Volunteer.updated_at,
]
TRAINING_FIELDS = [
    VolunteerTraining.volunteer,
    VolunteerTraining.name,
    VolunteerTraining.completed_on,
]
HOURS_FIELDS = [
    VolunteerHours.volunteer,
    VolunteerHours.day,
    VolunteerHours.minutes,
    VolunteerHours.activity,
    VolunteerHours.note,
    VolunteerHours.source,
    VolunteerHours.source_id,
    VolunteerHours.recorded_by,
    VolunteerHours.recorded_at,
]
OFFER_FIELDS = [
    HelpOffer.volunteer,
    HelpOffer.kinds,
    HelpOffer.times,
    HelpOffer.note,
    HelpOffer.active,
    HelpOffer.created_at,
]
REQUEST_FIELDS = [
    FriendRequest.id,
    FriendRequest.person,
    FriendRequest.wishes,
    FriendRequest.frequency,
    FriendRequest.interests,
    FriendRequest.languages,
    FriendRequest.village,
    FriendRequest.times,
    FriendRequest.preferred_gender,
    FriendRequest.needs,
    FriendRequest.needs_consent_at,
    FriendRequest.status,
    FriendRequest.created_at,
    FriendRequest.created_by,
]
PAIR_FIELDS = [
    FriendPair.id,
    FriendPair.request,
    FriendPair.volunteer,
    FriendPair.status,
    FriendPair.proposed_on,
    FriendPair.first_meeting_on,
    FriendPair.started_on,
    FriendPair.paused_on,
    FriendPair.ended_on,
    FriendPair.end_reason,
    FriendPair.end_note,
    FriendPair.created_by,
]
MEETING_FIELDS = [
    FriendMeeting.id,
    FriendMeeting.pair,
    FriendMeeting.day,
    FriendMeeting.minutes,
    FriendMeeting.kind,
    FriendMeeting.note,
    FriendMeeting.recorded_by,
]
CHECK_IN_FIELDS = [
    FriendCheckIn.pair,
    FriendCheckIn.day,
    FriendCheckIn.note,
    FriendCheckIn.recorded_by,
]
HELP_FIELD_NAMES = (
    "id",
    "person",
    "kind",
    "needed_on",
    "times",
    "place",
    "village",
    "urgency",
    "description",
    "share_consent",
    "status",
    "volunteer",
    "assigned_at",
    "check_override",
    "done_on",
    "minutes",
    "cancel_note",
    "created_at",
    "created_by",
)
HELP_FIELDS = [getattr(HelpRequest, name) for name in HELP_FIELD_NAMES]
