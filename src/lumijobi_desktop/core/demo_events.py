"""Demo data for events: two years of Tuesday coffee meetings and community events with partners.

`demo.generate_demo` uses this module in two steps inside its one transaction:

1. `plan_events`, after the persons are written and before the visits: the
   community events are planned with their sign-ups, waiting lists and who
   came. Each person ticked at the door (and each walk-in) needs a visit of
   purpose "event" on the event's day; these planned visits are handed to the
   visits generator, which writes them among the day's other visits (taking
   them out of its own budget, so the demo still has exactly the visits its
   size promises). The days with a community event become the calendar's
   event days, when more visitors come for an event.
2. `write_events`, after the visits and goods: the partners' details, the
   coffee meeting's weekly series and its occasions (holidays skipped, one
   moved, one cancelled), each past meeting's headcount and a few named
   visitors linked to the coffee visits the desk had already recorded that
   morning, and the community events with their registrations, linked to the
   visits planned in step 1.

Everything comes from one `random.Random` seeded from the demo's seed, and
every moment is counted from `today`, never from the clock. The rules are
those of `registrations`: capacity counts people (adults and children); a
sign-up to a full event queues; a cancellation gives the freed places to the
waiting list in its order (the first party that does not fit stops the line)
and the desk is to call those promoted (`offered_at` without `called_at`).
Nothing here writes audit entries (the demo records one entry for everything).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import peewee as pw

from lumijobi_desktop.core.database import current_database
from lumijobi_desktop.core.demo_goods import WriterFactory, insert_partner
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.event_series import WeeklyRule, occasion_dates
from lumijobi_desktop.core.events import Event, EventKind, EventPartner, EventSeries
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.partners import Partner, PartnerKind
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.registrations import Registration, RegistrationStatus
from lumijobi_desktop.core.tallies import EventTally
from lumijobi_desktop.core.visits import Purpose

if TYPE_CHECKING:
    from lumijobi_desktop.core.demo import _Calendar, _Population

# Community events over the two years and the weeks ahead, per demo size.
COMMUNITY_EVENTS = {"small": 40, "large": 400}
UPCOMING_SHARE = 0.08
UPCOMING_DAYS = 56  # community events and coffee occasions are planned this far ahead
# Nobody signs up for the centre's events in its first weeks: the register is still young.
FIRST_EVENT_AFTER_DAYS = 30

SECONDS_PER_DAY = 86_400
OPENS, CLOSES = 9 * 3600, 16 * 3600

CENTRE_PLACE = "Help Center Lumijobi, Ratakatu 3"
DEPARTURE = "Lähtö: Help Center Lumijobi, Ratakatu 3"

# --- partners ------------------------------------------------------------------------------------

# Partners met through events, with whom to call: (name, kind, contact, phone, email, notes).
PARTNERS = (
    (
        "Lumijoen Kyläyhdistys",
        PartnerKind.ASSOCIATION,
        "Sari Niemi",
        "040 718 2234",
        "kylayhdistys@lumijoki.example",
        "Talkoot ja kesäjuhlat. Lainaa teltan ja ison kahvinkeittimen.",
    ),
    (
        "Oulun seudun SPR",
        PartnerKind.ASSOCIATION,
        "Jari Koskela",
        "044 562 9081",
        "ensiapu@spr-oulu.example",
        "Ensiapukurssit: kouluttaja tulee Oulusta. Varaa kurssi kuukautta ennen.",
    ),
    (
        "Lumijoen kirjasto",
        PartnerKind.MUNICIPAL,
        "Hanna Rautio",
        "050 331 4470",
        "kirjasto@lumijoki.example",
        "Lukutuokiot lapsille ja suomen kielen kerho. Ukrainankielisiä kirjoja lainaan.",
    ),
    (
        "Lumijoen kansalaisopisto",
        PartnerKind.SCHOOL,
        "Outi Karjalainen",
        "040 190 5512",
        "opisto@lumijoki.example",
        "Suomen kielen kerhon opettaja. Syksyn kurssit sovitaan elokuussa.",
    ),
    (
        "Lumijoen kunta, työllisyyspalvelut",
        PartnerKind.MUNICIPAL,
        "Työllisyyskoordinaattori Mika Paaso",
        "044 497 2210",
        "tyollisyys@lumijoki.example",
        "Työnhakupajat. Tuo mukaan työnhakijoille tulosteita avoimista paikoista.",
    ),
    (
        "Kela, Oulun palvelupiste",
        PartnerKind.OTHER,
        "Asiantuntija Päivi Luoma",
        "020 634 1100",
        "",
        "Kela-infot kerran kuussa. Tulkki varataan keskuksen kautta.",
    ),
    (
        "Lumijoen Pyöräpaja",
        PartnerKind.BUSINESS,
        "Timo Kangas",
        "045 233 7781",
        "pyorapaja@lumijoki.example",
        "Pyöräkorjaamo keväisin; tuo varaosia ja työkalut.",
    ),
)

# --- the coffee meeting -------------------------------------------------------------------------

COFFEE_TITLES = ("Tiistaikahvit", "Вівторкова кава", "Tuesday coffee")
COFFEE_DESCRIPTION = (
    "Matalan kynnyksen kohtaaminen: kahvia, juttua suomeksi ja ukrainaksi. "
    "Maahanmuuttokoordinaattori neuvoo arjen asioissa."
)
COFFEE_LANGUAGES = "fi,uk"
COFFEE_STARTS, COFFEE_ENDS = dt.time(10), dt.time(12)
COFFEE_WEEKDAY = 1
COFFEE_CANCEL_REASON = "Keskus on suljettu: henkilökunnan koulutuspäivä."
NAMED_COFFEE = (2, 8)  # visitors ticked by name at a meeting, of those checked in for coffee

# --- community events ---------------------------------------------------------------------------

FAMILY, ADULT, CHILD = "family", "adult", "child"
ANY_MONTH = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)  # July is the summer break
TERM = (1, 2, 3, 4, 5, 9, 10, 11, 12)


class Template(NamedTuple):
    """A kind of community event the centre holds again and again."""

    fi: str
    uk: str
    en: str
    kind: EventKind
    months: tuple[int, ...]
    starts: tuple[int, ...]  # hours: within opening hours, so the visits fall in them
    minutes: int  # how long it lasts
    capacity: tuple[int, int] | None  # people; None: no limit and no sign-up
    partners: tuple[str, ...]  # the first always, maybe one more
    party: str
    place: str
    weight: int
    age_group: str = ""
    description: str = ""
    languages: str = "fi,uk"


TEMPLATES = (
    Template(
        "Joulujuhla",
        "Різдвяне свято",
        "Christmas party",
        EventKind.COMMUNITY,
        (12,),
        (13,),
        180,
        (50, 80),
        ("Lumijoen seurakunta", "MLL Lumijoen yhdistys", "K-Market Lumijoki"),
        FAMILY,
        "Seurakuntatalo, Lumijoki",
        3,
        description="Joulupuuroa, laulua ja joulupukki koko perheelle.",
    ),
    Template(
        "Pääsiäisaskartelu lapsille",
        "Великодні майстер-класи для дітей",
        "Easter crafts for children",
        EventKind.COMMUNITY,
        (3, 4),
        (13, 14),
        120,
        (15, 20),
        ("Lumijoen 4H-yhdistys", "MLL Lumijoen yhdistys"),
        CHILD,
        CENTRE_PLACE,
        4,
        age_group="4–12 v.",
        description="Askarrellaan pääsiäiskoristeita. Tarvikkeet tulevat 4H:lta.",
    ),
    Template(
        "Suomen kielen kerho",
        "Клуб фінської мови",
        "Finnish language club",
        EventKind.TRAINING,
        TERM,
        (10, 13),
        90,
        (10, 14),
        ("Lumijoen kansalaisopisto", "Lumijoen kirjasto"),
        ADULT,
        CENTRE_PLACE,
        8,
        description="Arjen suomea pienessä ryhmässä. Aloittelijat tervetulleita.",
    ),
    Template(
        "Retki Ouluun",
        "Поїздка до Оулу",
        "Trip to Oulu",
        EventKind.TRIP,
        (5, 6, 8, 9, 10, 11),
        (9,),
        420,
        (20, 30),
        ("Lumijoen kunta, nuorisopalvelut", "Lumijoen Kyläyhdistys"),
        FAMILY,
        DEPARTURE,
        3,
        description="Bussilla Ouluun: tiedekeskus Tietomaa, kirjasto ja kauppoja. Eväät mukaan.",
    ),
    Template(
        "Ensiapukurssi",
        "Курси першої допомоги",
        "First aid course",
        EventKind.TRAINING,
        ANY_MONTH,
        (9, 12),
        240,
        (12, 16),
        ("Oulun seudun SPR",),
        ADULT,
        CENTRE_PLACE,
        3,
        description="Ensiavun perusteet. Tulkkaus ukrainaksi.",
    ),
    Template(
        "Pyöräkorjaamo",
        "Ремонт велосипедів",
        "Bicycle repair workshop",
        EventKind.OTHER,
        (4, 5, 6, 8, 9),
        (13,),
        180,
        None,
        ("Lumijoen Pyöräpaja", "Lumijoen 4H-yhdistys"),
        FAMILY,
        "Help Center Lumijobi, piha",
        3,
        description="Tuo pyöräsi, korjataan yhdessä. Varaosat lahjoituksina.",
    ),
    Template(
        "Kevätsiivoustalkoot",
        "Весняна толока",
        "Spring clean-up",
        EventKind.COMMUNITY,
        (4, 5),
        (10,),
        180,
        None,
        ("Lumijoen Kyläyhdistys", "Lumijoen kunta, nuorisopalvelut"),
        FAMILY,
        "Kokoontuminen: Help Center Lumijobi",
        2,
        description="Siivotaan kylän raitit yhdessä. Lopuksi makkaranpaistoa.",
    ),
    Template(
        "Leivontapäivä",
        "День випічки",
        "Baking day",
        EventKind.COMMUNITY,
        ANY_MONTH,
        (10, 13),
        180,
        (8, 12),
        ("Lumijoen Martat", "K-Market Lumijoki"),
        ADULT,
        "Lumijoen koulu, kotitalousluokka",
        4,
        description="Leivotaan karjalanpiirakoita ja varenykejä.",
    ),
    Template(
        "Kela-info",
        "Інформація про Kela",
        "Kela information session",
        EventKind.TRAINING,
        ANY_MONTH,
        (13,),
        120,
        None,
        ("Kela, Oulun palvelupiste",),
        ADULT,
        CENTRE_PLACE,
        3,
        description="Kelan etuudet ja asiointi verkossa. Tulkki paikalla.",
        languages="fi,uk,ru",
    ),
    Template(
        "Työnhakupaja",
        "Майстерня з пошуку роботи",
        "Job search workshop",
        EventKind.TRAINING,
        TERM,
        (10,),
        120,
        (8, 12),
        ("Lumijoen kunta, työllisyyspalvelut",),
        ADULT,
        CENTRE_PLACE,
        4,
        description="CV kuntoon ja avoimet työpaikat. Ota oma kone mukaan, jos on.",
        languages="fi,uk,en",
    ),
    Template(
        "Lasten liikuntakerho",
        "Спортивний гурток для дітей",
        "Sports club for children",
        EventKind.COMMUNITY,
        TERM,
        (14,),
        90,
        (15, 25),
        ("Lumijoen kunta, nuorisopalvelut", "Lumijoen koulu"),
        CHILD,
        "Lumijoen koulu, liikuntasali",
        5,
        age_group="7–12 v.",
        description="Pelejä ja leikkejä liikuntasalissa. Sisäkengät mukaan.",
    ),
    Template(
        "Ukrainan itsenäisyyspäivän juhla",
        "Святкування Дня незалежності України",
        "Ukrainian Independence Day party",
        EventKind.COMMUNITY,
        (8,),
        (13,),
        180,
        None,
        ("Lumijoen seurakunta", "Lumijoen Kyläyhdistys"),
        FAMILY,
        CENTRE_PLACE,
        1,
        description="Musiikkia, ruokaa ja yhdessäoloa.",
    ),
    Template(
        "Marjaretki",
        "Поїздка по ягоди",
        "Berry-picking trip",
        EventKind.TRIP,
        (8,),
        (9,),
        300,
        (12, 20),
        ("Lumijoen 4H-yhdistys",),
        FAMILY,
        DEPARTURE,
        2,
        description="Mustikkaan Lumijoen metsiin. Ämpäri ja kumisaappaat mukaan.",
    ),
    Template(
        "Lukutuokio lapsille",
        "Читання для дітей",
        "Story time for children",
        EventKind.OTHER,
        TERM,
        (10,),
        60,
        (10, 15),
        ("Lumijoen kirjasto",),
        CHILD,
        "Lumijoen kirjasto",
        3,
        age_group="3–7 v.",
        description="Satuja suomeksi ja ukrainaksi.",
    ),
)
EVENT_CANCEL_REASON = "Ohjaaja sairastui. Uusi päivä kerrotaan myöhemmin."
SIGNUP_NOTES = ("Ruoka-allergia: pähkinä", "Toivoo tulkkia", "Lastenrattaat mukana", "Gluteeniton")
NOTE_SHARE = 0.08
ATTENDED_SHARE = 0.87
CANCELLING_SHARE = 0.35
FULL_SHARE = 0.35
ANONYMOUS_WALK_IN_SHARE = 0.15
DESK_ROLES = [Role.VOLUNTEER] * 7 + [Role.STAFF] * 2 + [Role.ADMIN]
ORGANISER_ROLES = [Role.STAFF] * 3 + [Role.ADMIN]

# Tables the demo writes: a database with any of them filled is left alone.
MODELS = (EventSeries, Event, EventPartner, Registration, EventTally)

SERIES_FIELDS = [
    EventSeries.id,
    EventSeries.weekday,
    EventSeries.starts,
    EventSeries.ends,
    EventSeries.first_date,
    EventSeries.until_date,
    EventSeries.skip_holidays,
    EventSeries.created_at,
]
EVENT_FIELDS = [
    Event.id,
    Event.series,
    Event.series_date,
    Event.title,
    Event.title_uk,
    Event.title_en,
    Event.kind,
    Event.starts_at,
    Event.ends_at,
    Event.place,
    Event.capacity,
    Event.languages,
    Event.description,
    Event.signup_required,
    Event.age_group,
    Event.cancelled_at,
    Event.cancel_reason,
    Event.created_at,
    Event.updated_at,
]
EVENT_PARTNER_FIELDS = [EventPartner.event, EventPartner.partner]
REGISTRATION_FIELDS = [
    Registration.event,
    Registration.person,
    Registration.adults,
    Registration.children,
    Registration.status,
    Registration.queued_at,
    Registration.offered_at,
    Registration.called_at,
    Registration.cancelled_at,
    Registration.walk_in,
    Registration.attended,
    Registration.visit,
    Registration.visit_is_own,
    Registration.note,
    Registration.created_at,
    Registration.created_by,
]
TALLY_FIELDS = [
    EventTally.event,
    EventTally.adults,
    EventTally.children,
    EventTally.ukrainian_speaking,
    EventTally.finnish_speaking,
    EventTally.other_language,
    EventTally.updated_at,
    EventTally.updated_by,
]

SIGNED_UP = RegistrationStatus.SIGNED_UP.value
WAITING = RegistrationStatus.WAITING.value
CANCELLED = RegistrationStatus.CANCELLED.value
EVENT_PURPOSE, COFFEE_PURPOSE = Purpose.EVENT.value, Purpose.COFFEE.value


@dataclass(frozen=True)
class EventsSummary:
    partners: int
    coffee_meetings: int
    community_events: int
    registrations: int
    waiting: int
    tallies: int
    event_visits: int

    @property
    def events(self) -> int:
        return self.coffee_meetings + self.community_events


def require_empty() -> None:
    if any(model.select().exists() for model in MODELS):
        raise ValidationError(_("Demo data can only be added to a new, empty database."))


def _text(moment: dt.datetime) -> str:
    """A datetime as the database stores it."""
    return moment.isoformat(sep=" ", timespec="seconds")


# --- planning ------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Registration:
    person_id: int | None
    adults: int
    children: int
    status: str
    queued_at: dt.datetime
    created_by: int
    note: str = ""
    offered_at: dt.datetime | None = None
    called_at: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None
    walk_in: bool = False
    attended: bool = False
    # (visit time as text, person id) of the planned visit; anonymous ones also their number.
    visit_key: tuple | None = None

    @property
    def people(self) -> int:
        return self.adults + self.children


@dataclass(eq=False)
class _Event:
    template: Template
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int | None
    partners: list[str]
    created_at: dt.datetime
    registrations: list[_Registration] = field(default_factory=list)
    cancelled_at: dt.datetime | None = None


@dataclass
class EventPlan:
    """What `plan_events` decided; `visits` go to the visits generator, the rest is written
    by `write_events`."""

    rng: random.Random
    size: str
    today: dt.date
    user_ids: dict[Role, int]
    community: list[_Event]
    # Open-day index → (seconds since midnight, person id or None, purpose) of planned visits.
    visits: dict[int, list[tuple[int, int | None, str]]]

    @property
    def named_visits(self) -> int:
        return sum(1 for day in self.visits.values() for visit in day if visit[1] is not None)

    @property
    def anonymous_visits(self) -> int:
        return sum(1 for day in self.visits.values() for visit in day if visit[1] is None)

    def event_days(self, day_count: int, share: float) -> list[bool]:
        """The open days with the biggest community events, at most `share` of all days:
        more visitors than usual come for an event then."""
        busiest = sorted(self.visits, key=lambda day: (-len(self.visits[day]), day))
        days = [False] * day_count
        for day_index in busiest[: round(day_count * share)]:
            days[day_index] = True
        return days


def plan_events(
    seed: int,
    size: str,
    calendar: _Calendar,
    population: _Population,
    user_ids: dict[Role, int],
    today: dt.date,
) -> EventPlan:
    """Plan the community events, their sign-ups and attendance (before the visits are written)."""
    rng = random.Random(f"lumijobi-demo-events-{seed}")
    planner = _Planner(rng, calendar, population, user_ids, today)
    community = planner.community(COMMUNITY_EVENTS[size])
    return EventPlan(rng, size, today, user_ids, community, planner.visits)


class _Planner:
    def __init__(
        self,
        rng: random.Random,
        calendar: _Calendar,
        population: _Population,
        user_ids: dict[Role, int],
        today: dt.date,
    ) -> None:
        self.rng, self.calendar, self.population, self.today = rng, calendar, population, today
        self.user_ids = user_ids
        self.day_of = {day: index for index, day in enumerate(calendar.days)}
        self.created_dates = [calendar.days[day] for day in population.created_days]
        self.closed = holidays_between(calendar.first_day, today + dt.timedelta(UPCOMING_DAYS))
        self.visits: dict[int, list[tuple[int, int | None, str]]] = {}
        # (open-day index, person id): nobody is ticked at two events on one day.
        self.attending: set[tuple[int, int]] = set()
        self.anonymous_at: dict[str, int] = {}

    # --- dates ---

    def _usable(self, day: dt.date, template: Template) -> bool:
        if day.weekday() >= 5 or day in self.closed or day.month not in template.months:
            return False
        # Tuesday mornings belong to the coffee meeting.
        return not (day.weekday() == COFFEE_WEEKDAY and min(template.starts) < 12)

    def community(self, count: int) -> list[_Event]:
        upcoming_count = max(6, round(count * UPCOMING_SHARE))
        first = self.calendar.first_day + dt.timedelta(FIRST_EVENT_AFTER_DAYS)
        past_days = [day for day in self.calendar.days if day >= first]
        future_days = [
            self.today + dt.timedelta(days=offset) for offset in range(1, UPCOMING_DAYS + 1)
        ]
        weights = [template.weight for template in TEMPLATES]
        planned = []
        for number in range(count):
            days = future_days if number < upcoming_count else past_days
            # Every kind of event has been held at least once.
            past_number = number - upcoming_count
            only = TEMPLATES[past_number] if 0 <= past_number < len(TEMPLATES) else None
            template, day = self._template_and_day(days, weights, only)
            planned.append((day, template))
        planned.sort(key=lambda pair: (pair[0], pair[1].fi))
        events = [self._event(template, day) for day, template in planned]
        upcoming = [event for event in events if event.starts_at.date() > self.today]
        with_signup = [event for event in upcoming if event.capacity is not None]
        # The desk has people to call: the two soonest events filled up, someone cancelled,
        # and the places went to the waiting list just now.
        forced_full = with_signup[:2]
        cancelled = with_signup[-1] if len(with_signup) > 2 else None
        for event in events:
            self._sign_ups(event, full=event in forced_full, cancelling=event in forced_full)
            if event is cancelled:
                event.cancelled_at = dt.datetime.combine(
                    self.today - dt.timedelta(days=1), dt.time(16, 30)
                )
            elif event.starts_at.date() < self.today:
                self._door(event)
        return events

    def _template_and_day(
        self, days: list[dt.date], weights: list[int], only: Template | None
    ) -> tuple[Template, dt.date]:
        rng = self.rng
        for _attempt in range(200 if only else 50):
            template = only or rng.choices(TEMPLATES, weights=weights)[0]
            day = rng.choice(days)
            if self._usable(day, template):
                return template, day
        # A short period (a tiny demo) without a fitting day: any weekday will do.
        template = rng.choice([t for t in TEMPLATES if t.months == ANY_MONTH])
        day = next((d for d in days if d.weekday() < 5 and d not in self.closed), days[0])
        return template, day

    def _event(self, template: Template, day: dt.date) -> _Event:
        rng = self.rng
        starts_at = dt.datetime.combine(day, dt.time(rng.choice(template.starts)))
        partners = [template.partners[0]]
        if len(template.partners) > 1 and rng.random() < 0.5:
            partners.append(rng.choice(template.partners[1:]))
        capacity = None if template.capacity is None else rng.randint(*template.capacity)
        # Made by staff a few weeks before: sign-ups open then.
        created = dt.datetime.combine(
            max(self.calendar.first_day, day - dt.timedelta(days=rng.randint(21, 45))),
            dt.time(rng.randint(9, 15), rng.randrange(60)),
        )
        return _Event(
            template,
            starts_at,
            starts_at + dt.timedelta(minutes=template.minutes),
            capacity,
            partners,
            min(created, self._latest_moment()),
        )

    def _latest_moment(self) -> dt.datetime:
        """Everything recorded happened before today (today stays clean, as with the visits)."""
        return dt.datetime.combine(self.today - dt.timedelta(days=1), dt.time(15, 59))

    # --- people ---

    def _person_registered_before(self, day: dt.date, taken: set[int]) -> int | None:
        """A person registered before the day, frequent visitors more likely; not in `taken`."""
        registered = bisect.bisect_left(self.created_dates, day)
        if registered == 0:
            return None
        cumulative = self.population.cumulative_weights
        for _attempt in range(20):
            index = bisect.bisect_right(
                cumulative, self.rng.random() * cumulative[registered - 1], 0, registered - 1
            )
            if index + 1 not in taken:
                return index + 1
        return None

    def _party(self, template: Template) -> tuple[int, int]:
        rng = self.rng
        if template.party == ADULT:
            return (1 if rng.random() < 0.9 else 2), 0
        if template.party == CHILD:
            return 1, rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
        return rng.choices((1, 2), weights=(60, 40))[0], rng.choices(
            (0, 1, 2, 3), weights=(30, 30, 25, 15)
        )[0]

    def _desk_user(self) -> int:
        return self.user_ids[self.rng.choice(DESK_ROLES)]

    def _desk_moment(self, first: dt.date, last: dt.date) -> dt.datetime | None:
        """A moment in opening hours on a weekday from `first` to `last`."""
        rng = self.rng
        if last < first:
            return None
        for _attempt in range(10):
            day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            if day.weekday() < 5:
                return dt.datetime.combine(day, dt.time()) + dt.timedelta(
                    seconds=rng.randrange(OPENS, CLOSES)
                )
        return None

    # --- sign-ups ---

    def _sign_ups(self, event: _Event, *, full: bool, cancelling: bool) -> None:
        if event.capacity is None:
            return
        rng = self.rng
        capacity = event.capacity
        demand = capacity * (
            rng.uniform(1.2, 1.5) if full or rng.random() < FULL_SHARE else rng.uniform(0.4, 0.95)
        )
        day = event.starts_at.date()
        opens = max(event.created_at.date(), self.calendar.first_day)
        closes = min(day - dt.timedelta(days=1), self.today - dt.timedelta(days=1))
        parties = []
        wanted = 0
        while wanted < demand:
            moment = self._desk_moment(opens, closes)
            if moment is None:
                break
            adults, children = self._party(event.template)
            parties.append((moment, adults, children))
            wanted += adults + children
        parties.sort()
        taken: set[int] = set()
        signed = 0
        waiting = False
        for moment, adults, children in parties:
            person = self._person_registered_before(moment.date(), taken)
            if person is None:
                continue
            taken.add(person)
            fits = signed + adults + children <= capacity and not waiting
            if fits:
                signed += adults + children
            else:
                waiting = True
            event.registrations.append(
                _Registration(
                    person,
                    adults,
                    children,
                    SIGNED_UP if fits else WAITING,
                    moment,
                    self._desk_user(),
                    note=rng.choice(SIGNUP_NOTES) if rng.random() < NOTE_SHARE else "",
                )
            )
        if cancelling or rng.random() < CANCELLING_SHARE:
            upcoming = day > self.today
            for _cancel in range(rng.randint(1, 2)):
                self._cancel_one(event, forced=cancelling, call=not (upcoming and cancelling))

    def _cancel_one(self, event: _Event, *, forced: bool, call: bool) -> None:
        rng = self.rng
        active = [r for r in event.registrations if r.status != CANCELLED]
        if not active:
            return
        # After every sign-up and every earlier cancellation: one thing after another.
        last = max(r.cancelled_at or r.queued_at for r in event.registrations)
        bound = min(event.starts_at - dt.timedelta(hours=2), self._latest_moment())
        moment = self._desk_moment(last.date(), bound.date())
        if moment is None:
            return
        moment = min(max(moment, last + dt.timedelta(minutes=5)), bound)
        if moment <= last:
            return
        queue = [r for r in active if r.status == WAITING]
        signed = [r for r in active if r.status == SIGNED_UP]
        if forced and queue and signed:
            # Someone whose place is big enough for the first in the queue.
            fitting = [r for r in signed if r.people >= queue[0].people]
            target = rng.choice(fitting or signed)
        else:
            target = rng.choice(signed if signed and rng.random() < 0.8 else active)
        target.status, target.cancelled_at = CANCELLED, moment
        free = event.capacity - sum(r.people for r in active if r.status == SIGNED_UP)
        for waiting in queue:
            if waiting is target:
                continue
            if waiting.people > free:
                break
            waiting.status, waiting.offered_at = SIGNED_UP, moment
            free -= waiting.people
            if call:
                called = moment + dt.timedelta(minutes=rng.randint(10, 240))
                if called <= self._latest_moment() or event.starts_at.date() <= self.today:
                    waiting.called_at = called

    # --- at the door ---

    def _door(self, event: _Event) -> None:
        """Who came to a past event: most of those signed up, and some walk-ins."""
        rng = self.rng
        day = event.starts_at.date()
        day_index = self.day_of[day]
        start_second = event.starts_at.hour * 3600 + event.starts_at.minute * 60
        for registration in event.registrations:
            if registration.status != SIGNED_UP or rng.random() >= ATTENDED_SHARE:
                continue
            if (day_index, registration.person_id) in self.attending:
                continue
            self._tick(registration, day_index, start_second)
        taken = {r.person_id for r in event.registrations}
        # Walk-ins: many at open events, a few where places were left (none on a bus trip).
        free = None
        walk_ins = rng.randint(6, 25)
        if event.capacity is not None:
            free = event.capacity - sum(
                r.people for r in event.registrations if r.status == SIGNED_UP
            )
            walk_ins = 0 if event.template.kind == EventKind.TRIP else rng.randint(0, 3)
        for _walk_in in range(walk_ins):
            adults, children = self._party(event.template)
            if free is not None:
                if adults + children > free:
                    break
                free -= adults + children
            person = None
            if rng.random() >= ANONYMOUS_WALK_IN_SHARE:
                person = self._person_registered_before(day, taken)
                if person is None or (day_index, person) in self.attending:
                    continue
                taken.add(person)
            registration = _Registration(
                person, adults, children, SIGNED_UP, event.starts_at, self._desk_user()
            )
            registration.walk_in = True
            self._tick(registration, day_index, start_second)
            event.registrations.append(registration)

    def _tick(self, registration: _Registration, day_index: int, start_second: int) -> None:
        """Present: the visit is recorded as the person comes in, around the start."""
        second = start_second + self.rng.randint(-600, 900)
        second = min(max(second, OPENS), CLOSES - 1)
        text = self.calendar.text(day_index * SECONDS_PER_DAY + second)
        person = registration.person_id
        registration.attended = True
        if person is None:
            number = self.anonymous_at.get(text, 0)
            self.anonymous_at[text] = number + 1
            registration.visit_key = (text, None, number)
        else:
            self.attending.add((day_index, person))
            registration.visit_key = (text, person, 0)
        if registration.walk_in:
            registration.queued_at = dt.datetime.fromisoformat(text)
        self.visits.setdefault(day_index, []).append((second, person, EVENT_PURPOSE))


# --- writing ------------------------------------------------------------------------------------


def write_events(plan: EventPlan, calendar: _Calendar, writer: WriterFactory) -> EventsSummary:
    """Write partners' details, the coffee meeting and the planned community events."""
    rng, today, user_ids = plan.rng, plan.today, plan.user_ids
    database = current_database()
    partner_ids = _write_partners(calendar)
    visit_ids, coffee_visits = _event_and_coffee_visits(database)

    events = writer(Event, EVENT_FIELDS)
    links = writer(EventPartner, EVENT_PARTNER_FIELDS)
    registrations = writer(Registration, REGISTRATION_FIELDS)
    tallies = writer(EventTally, TALLY_FIELDS)

    # The coffee meeting: one weekly series, made when the register started.
    created = dt.datetime.combine(calendar.first_day, dt.time(8))
    first_date = calendar.first_day + dt.timedelta(
        days=(COFFEE_WEEKDAY - calendar.first_day.weekday()) % 7
    )
    until = today + dt.timedelta(days=UPCOMING_DAYS)
    rule = WeeklyRule(COFFEE_WEEKDAY, COFFEE_STARTS, COFFEE_ENDS, first_date, until)
    series_id = EventSeries.insert(
        weekday=rule.weekday,
        starts=rule.starts,
        ends=rule.ends,
        first_date=rule.first_date,
        until_date=rule.until_date,
        skip_holidays=True,
        created_at=created,
    ).execute()
    dates = occasion_dates(rule)
    closed = holidays_between(first_date, until + dt.timedelta(days=7))
    ahead = [day for day in dates if day > today]
    moved_day = next((d for d in ahead if d >= today + dt.timedelta(days=14)), None)
    cancelled_day = next((d for d in ahead if d >= today + dt.timedelta(days=35)), None)
    desk_each_tuesday = {day: user_ids[rng.choice(DESK_ROLES)] for day in dates}
    event_id = 0
    tally_count = 0
    named = 0
    for day in dates:
        event_id += 1
        starts = dt.datetime.combine(day, COFFEE_STARTS)
        ends = dt.datetime.combine(day, COFFEE_ENDS)
        updated, cancelled_at, reason = created, None, ""
        if day == moved_day:
            # Moved to the next working day this once (the hall is taken on Tuesday).
            shift = dt.timedelta(days=1 if day + dt.timedelta(days=1) not in closed else 2)
            starts, ends = starts + shift, ends + shift
            updated = dt.datetime.combine(today - dt.timedelta(days=3), dt.time(11, 20))
        if day == cancelled_day:
            cancelled_at = dt.datetime.combine(today - dt.timedelta(days=2), dt.time(9, 40))
            updated, reason = cancelled_at, COFFEE_CANCEL_REASON
        events.add(
            (
                event_id,
                series_id,
                day.isoformat(),
                *COFFEE_TITLES,
                EventKind.COFFEE.value,
                _text(starts),
                _text(ends),
                CENTRE_PLACE,
                None,
                COFFEE_LANGUAGES,
                COFFEE_DESCRIPTION,
                False,
                "",
                _text(cancelled_at) if cancelled_at else None,
                reason,
                _text(created),
                _text(updated),
            )
        )
        if day >= today:
            continue
        desk = desk_each_tuesday[day]
        came = _coffee_names(rng, coffee_visits.get(day.isoformat(), []))
        adults = max(rng.randint(10, 30), len(came))
        children = rng.choices(range(9), weights=(20, 15, 15, 12, 10, 8, 8, 6, 6))[0]
        people = adults + children
        ukrainian = round(people * rng.uniform(0.40, 0.65))
        finnish = min(people - ukrainian, round(people * rng.uniform(0.20, 0.45)))
        other = rng.randint(0, min(3, people - ukrainian - finnish))
        tallies.add(
            (
                event_id,
                adults,
                children,
                ukrainian,
                finnish,
                other,
                _text(dt.datetime.combine(day, dt.time(12, 5))),
                desk,
            )
        )
        tally_count += 1
        for visit_id, person_id, visited_at in came:
            # Checked in at the desk for coffee first, then ticked at the door: one visit.
            registrations.add(
                (
                    event_id,
                    person_id,
                    1,
                    0,
                    SIGNED_UP,
                    visited_at,
                    None,
                    None,
                    None,
                    True,
                    True,
                    visit_id,
                    False,
                    "",
                    visited_at,
                    desk,
                )
            )
            named += 1
    coffee_meetings = event_id
    events.flush()
    registrations.flush()
    tallies.flush()

    waiting = 0
    for event in plan.community:
        event_id += 1
        template = event.template
        events.add(
            (
                event_id,
                None,
                None,
                template.fi,
                template.uk,
                template.en,
                template.kind.value,
                _text(event.starts_at),
                _text(event.ends_at),
                template.place,
                event.capacity,
                template.languages,
                template.description,
                event.capacity is not None,
                template.age_group,
                _text(event.cancelled_at) if event.cancelled_at else None,
                EVENT_CANCEL_REASON if event.cancelled_at else "",
                _text(event.created_at),
                _text(event.cancelled_at or event.created_at),
            )
        )
        for name in event.partners:
            links.add((event_id, partner_ids[name]))
        for row in sorted(event.registrations, key=lambda r: r.queued_at):
            waiting += row.status == WAITING
            visit_id = _visit_for(row, visit_ids)
            registrations.add(
                (
                    event_id,
                    row.person_id,
                    row.adults,
                    row.children,
                    row.status,
                    _text(row.queued_at),
                    _text(row.offered_at) if row.offered_at else None,
                    _text(row.called_at) if row.called_at else None,
                    _text(row.cancelled_at) if row.cancelled_at else None,
                    row.walk_in,
                    row.attended,
                    visit_id,
                    visit_id is not None,
                    row.note,
                    _text(row.queued_at),
                    row.created_by,
                )
            )
        if registrations.full():
            events.flush()
            links.flush()
            registrations.flush()
    for table in (events, links, registrations, tallies):
        table.flush()
    return EventsSummary(
        partners=len(PARTNERS),
        coffee_meetings=coffee_meetings,
        community_events=len(plan.community),
        registrations=registrations.written,
        waiting=waiting,
        tallies=tally_count,
        event_visits=plan.named_visits + plan.anonymous_visits,
    )


def _write_partners(calendar: _Calendar) -> dict[str, int]:
    """The event partners (the goods' partners are already written): name → id of all."""
    created = f"{calendar.first_day.isoformat()} 08:00:00"
    for name, kind, contact, phone, email, notes in PARTNERS:
        insert_partner(name, kind, created, contact, phone, email, notes)
    return {
        name: partner_id for partner_id, name in Partner.select(Partner.id, Partner.name).tuples()
    }


def _event_and_coffee_visits(database: pw.Database) -> tuple[dict, dict]:
    """The event visits by (time, person) and the named coffee visits by day, from one scan."""
    event_visits: dict[tuple, int] = {}
    anonymous_seen: dict[str, int] = {}
    coffee: dict[str, list[tuple[int, int, str]]] = {}
    cursor = database.execute_sql(
        "SELECT id, person_id, visited_at, purpose FROM visit WHERE purpose IN (?, ?) ORDER BY id",
        (EVENT_PURPOSE, COFFEE_PURPOSE),
    )
    for visit_id, person_id, visited_at, purpose in cursor:
        if purpose == EVENT_PURPOSE:
            if person_id is None:
                number = anonymous_seen.get(visited_at, 0)
                anonymous_seen[visited_at] = number + 1
                event_visits[(visited_at, None, number)] = visit_id
            else:
                event_visits.setdefault((visited_at, person_id, 0), visit_id)
        elif person_id is not None:
            coffee.setdefault(visited_at[:10], []).append((visit_id, person_id, visited_at))
    return event_visits, coffee


def _visit_for(row: _Registration, visit_ids: dict[tuple, int]) -> int | None:
    if row.visit_key is None:
        return None
    return visit_ids.get(row.visit_key)


def _coffee_names(rng: random.Random, visits: list[tuple[int, int, str]]) -> list:
    """A few of the morning's coffee visitors, ticked by name at the door."""
    first_of_each: dict[int, tuple[int, int, str]] = {}
    for visit in visits:
        first_of_each.setdefault(visit[1], visit)
    people = list(first_of_each.values())
    count = min(len(people), rng.randint(*NAMED_COFFEE))
    return sorted(rng.sample(people, count), key=lambda visit: visit[2])
