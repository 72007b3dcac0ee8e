"""Demo data for the recycling point: two years of donations, stock, hand-outs and wishes.

`demo.generate_demo` calls `write_goods` inside its one transaction, after the
persons and visits, with its own random generator, calendar and bulk writer, so
the same seed and `today` give the same goods row for row. Nothing here reads
the clock or writes audit entries (the demo records one entry for everything).

Each item's whole life is decided when it is taken in: handed out (a box of
bodysuits perhaps a few at a time), discarded with a reason, or still at the
centre, perhaps reserved. The item row is written at once with its final
status and what is left of it; the hand-outs are then made day by day from
the portions due that day, several items to one visitor at a time, so
hand-out ids grow with time as at the real desk. The rules are those of
`handouts`, `reservations` and `stock`:

- `Item.quantity` is what is left: 0 when handed out; the hand-out lines of an
  item add up to what it came in with minus what is left.
- An item goes out only after it came in, and only to a person registered
  before that day (or to an anonymous visitor, counted by target group).
- A reserved item has exactly one active reservation, ending 1-14 days from
  today; expired and fulfilled reservations are history.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

import peewee as pw

from lumijobi_desktop.core.database import BaseModel
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.inventory import (
    Category,
    Donation,
    Handout,
    HandoutLine,
    Item,
    ItemEvent,
    ItemStatus,
    Location,
    LocationKind,
    Reservation,
    SizeKind,
    Wish,
)
from lumijobi_desktop.core.partners import Partner, PartnerKind
from lumijobi_desktop.core.people import TARGET_GROUPS
from lumijobi_desktop.core.permissions import Role

if TYPE_CHECKING:
    from lumijobi_desktop.core.demo import _Calendar, _Population

# Items made per demo size: the large one is the stock view's benchmark.
ITEMS = {"small": 3_000, "large": 300_000}
# Tables written in bulk: demo drops their ordinary indexes for the load.
BULK_MODELS = (Donation, Item, ItemEvent, Handout, HandoutLine, Reservation, Wish)

# As in demo: a moment is open-day index * SECONDS_PER_DAY + seconds since midnight.
SECONDS_PER_DAY = 86_400
OPENS, CLOSES = 9 * 3600, 16 * 3600
# Intake ends a quarter before closing, so an item can still go out the same day.
LAST_INTAKE = CLOSES - 15 * 60

# --- partners and places -----------------------------------------------------------------------

# (name, kind, notes their donations may carry)
PARTNERS = (
    ("Lumijoen 4H-yhdistys", PartnerKind.ASSOCIATION, ("Kirpputorilta jääneet",)),
    ("Lumijoen koulu", PartnerKind.SCHOOL, ("Löytötavarat kevätlukukaudelta",)),
    ("Lumijoen seurakunta", PartnerKind.PARISH, ("Diakoniatyön keräys",)),
    ("Lumijoen kunta, nuorisopalvelut", PartnerKind.MUNICIPAL, ("Nuorisotilan ylimääräiset",)),
    ("K-Market Lumijoki", PartnerKind.BUSINESS, ("Kauden poistotuotteita, uusia",)),
    ("Lumijoen Martat", PartnerKind.ASSOCIATION, ("Marttojen vaatekeräys",)),
    ("MLL Lumijoen yhdistys", PartnerKind.ASSOCIATION, ("Lastenvaatekeräys",)),
    ("Pohjois-Pohjanmaan Leader", PartnerKind.OTHER, ("Hankkeen kalusteet",)),
)

# Whom to call at each partner: name → (contact person, phone, email, notes).
PARTNER_DETAILS = {
    "Lumijoen 4H-yhdistys": (
        "Marja Honkala",
        "040 512 3387",
        "4h@lumijoki.example",
        "Kerhot lapsille ja nuorille, askartelutarvikkeet. Tavoittaa parhaiten iltapäivisin.",
    ),
    "Lumijoen koulu": (
        "Rehtori Pekka Aho",
        "044 497 1120",
        "koulu@lumijoki.example",
        "Liikuntasali lainaan iltapäivisin. Löytötavarat tuodaan lukukauden lopussa.",
    ),
    "Lumijoen seurakunta": (
        "Diakoni Anna-Liisa Vähäkangas",
        "040 822 6519",
        "diakonia@seurakunta.example",
        "Seurakuntatalo joulujuhlaan. Ruoka-apu keskiviikkoisin.",
    ),
    "Lumijoen kunta, nuorisopalvelut": (
        "Nuoriso-ohjaaja Ville Tuomela",
        "050 463 1182",
        "nuoriso@lumijoki.example",
        "Retket ja lasten liikuntakerho. Bussi varataan kunnan kautta.",
    ),
    "K-Market Lumijoki": (
        "Kauppias Mirja Jokela",
        "044 235 8802",
        "kauppa@lumijoki.example",
        "Lahjoittaa kauden poistotuotteita. Leivontapäivien raaka-aineet tilataan viikkoa ennen.",
    ),
    "Lumijoen Martat": (
        "Leena Haapala",
        "040 958 3310",
        "martat@lumijoki.example",
        "Leivontapäivät ja vaatekeräys.",
    ),
    "MLL Lumijoen yhdistys": (
        "Katja Ojala",
        "045 776 2048",
        "mll@lumijoki.example",
        "Perhekahvila ja lastenvaatekeräys; pääsiäisaskartelu yhdessä 4H:n kanssa.",
    ),
    "Pohjois-Pohjanmaan Leader": (
        "Hankeneuvoja Sami Lehto",
        "040 640 1199",
        "",
        "Rahoittaa keskuksen hankkeen. Raportti kävijöistä ja tapahtumista kerran vuodessa.",
    ),
}

DONOR_HOME = "Lahjoittajan luona"
LOCATIONS = (
    ("Vaatehuone", LocationKind.ROOM),
    ("Lastenhuone", LocationKind.ROOM),
    ("Hylly A1", LocationKind.SHELF),
    ("Hylly A2", LocationKind.SHELF),
    ("Hylly B1", LocationKind.SHELF),
    ("Hylly B2", LocationKind.SHELF),
    ("Hylly C1", LocationKind.SHELF),
    ("Hylly C2", LocationKind.SHELF),
    ("Varasto", LocationKind.STORAGE),
    (DONOR_HOME, LocationKind.DONOR_HOME),
)

# --- what is given -----------------------------------------------------------------------------


class Thing(NamedTuple):
    """A kind of item: its description in Finnish (and Ukrainian, when a Ukrainian-speaking
    volunteer wrote it down), whose sizes it takes, and how many come in one go."""

    fi: str
    uk: str = ""
    # "child" or "adult" where the category has both (shoes, outerwear).
    group: str = ""
    low: int = 1
    high: int = 1


CHILD, ADULT = "child", "adult"

THINGS: dict[str, tuple[Thing, ...]] = {
    "clothes_children": (
        Thing("Bodyt", "Боді", low=5, high=20),
        Thing("Potkupuvut", "Повзунки", low=2, high=8),
        Thing("Vauvanvaatteita, laatikko", low=10, high=30),
        Thing("Lasten vaatteita, kassi", "Дитячий одяг, пакет", low=5, high=20),
        Thing("Sukkahousut", low=3, high=10),
        Thing("Collegehousut", "Дитячі штани"),
        Thing("Farkut"),
        Thing("Huppari"),
        Thing("T-paita", "Футболка"),
        Thing("Mekko", "Сукня"),
        Thing("Pitkähihainen paita"),
        Thing("Villapaita", "Светр"),
        Thing("Pyjama", "Піжама"),
        Thing("Leggingsit"),
        Thing("Juhlamekko"),
        Thing("Neuletakki"),
        Thing("Kerrastot", low=2, high=5),
    ),
    "clothes_women": (
        Thing("Naisten vaatteita, kassi", "Жіночий одяг, пакет", low=5, high=15),
        Thing("T-paitoja", low=2, high=6),
        Thing("Farkut", "Джинси"),
        Thing("Neulepusero", "Светр"),
        Thing("Mekko", "Сукня"),
        Thing("Hame", "Спідниця"),
        Thing("Pusero", "Блузка"),
        Thing("Villatakki"),
        Thing("Housut"),
        Thing("Jakku"),
        Thing("Collegepusero"),
        Thing("Tunika"),
        Thing("Yöpaita"),
    ),
    "clothes_men": (
        Thing("Miesten vaatteita, kassi", low=4, high=12),
        Thing("Farkut", "Джинси"),
        Thing("Kauluspaita", "Сорочка"),
        Thing("Villapaita", "Светр"),
        Thing("Collegehousut"),
        Thing("T-paita"),
        Thing("Puku"),
        Thing("Työhousut"),
        Thing("Huppari"),
        Thing("Verryttelyasu"),
        Thing("Flanellipaita"),
    ),
    "shoes": (
        Thing("Lasten talvikengät", "Дитячі зимові чоботи", CHILD),
        Thing("Kumisaappaat", "Гумові чоботи", CHILD),
        Thing("Lasten lenkkarit", "Дитячі кросівки", CHILD),
        Thing("Sandaalit", group=CHILD),
        Thing("Sisätossut", group=CHILD),
        Thing("Talvikengät", "Зимові чоботи", ADULT),
        Thing("Lenkkarit", "Кросівки", ADULT),
        Thing("Nahkakengät", group=ADULT),
        Thing("Kumisaappaat", "Гумові чоботи", ADULT),
        Thing("Nilkkurit", group=ADULT),
        Thing("Kävelykengät", group=ADULT),
        Thing("Saappaat", group=ADULT),
    ),
    "outerwear": (
        Thing("Toppahaalari", "Зимовий комбінезон", CHILD),
        Thing("Talvitakki", "Зимова куртка", CHILD),
        Thing("Välikausihaalari", group=CHILD),
        Thing("Kurahousut", group=CHILD),
        Thing("Välikausitakki", group=CHILD),
        Thing("Toppahousut", group=CHILD),
        Thing("Talvitakki", "Зимова куртка", ADULT),
        Thing("Untuvatakki", "Пуховик", ADULT),
        Thing("Välikausitakki", group=ADULT),
        Thing("Sadetakki", "Дощовик", ADULT),
        Thing("Toppahousut", group=ADULT),
        Thing("Parkatakki", group=ADULT),
        Thing("Tuulitakki", group=ADULT),
    ),
    "textiles": (
        Thing("Pussilakanasetti", "Постільна білизна"),
        Thing("Lakanat", low=2, high=4),
        Thing("Pyyhkeitä", "Рушники", low=3, high=10),
        Thing("Verhot"),
        Thing("Peitto", "Ковдра"),
        Thing("Tyyny", "Подушка"),
        Thing("Villahuopa"),
        Thing("Pöytäliina"),
        Thing("Räsymatto"),
    ),
    "household": (
        Thing("Kattila", "Каструля"),
        Thing("Paistinpannu", "Сковорідка"),
        Thing("Astiasto"),
        Thing("Kahvikupit", low=4, high=12),
        Thing("Juomalasit", low=4, high=12),
        Thing("Lautaset", "Тарілки", low=4, high=12),
        Thing("Aterimet"),
        Thing("Kulhot", low=2, high=6),
        Thing("Uunivuoka"),
        Thing("Kattilasetti"),
        Thing("Termospullo"),
        Thing("Leikkuulauta"),
    ),
    "furniture": (
        Thing("Sohva", "Диван"),
        Thing("Nojatuoli"),
        Thing("Ruokapöytä", "Стіл"),
        Thing("Tuolit", low=2, high=6),
        Thing("Sänky 90 cm"),
        Thing("Parisänky"),
        Thing("Lipasto"),
        Thing("Kirjahylly"),
        Thing("Vaatekaappi", "Шафа"),
        Thing("Sohvapöytä"),
        Thing("Työpöytä"),
        Thing("Kerrossänky"),
        Thing("Patja"),
        Thing("TV-taso"),
    ),
    "children_gear": (
        Thing("Lastenrattaat", "Дитячий візок"),
        Thing("Turvaistuin", "Автокрісло"),
        Thing("Pinnasänky", "Дитяче ліжечко"),
        Thing("Syöttötuoli"),
        Thing("Kantoreppu"),
        Thing("Yhdistelmävaunut"),
        Thing("Potta"),
        Thing("Hoitoalusta"),
        Thing("Matkasänky"),
        Thing("Turvaportti"),
    ),
    "toys": (
        Thing("Legoja, laatikko", "Конструктор"),
        Thing("Pehmolelu", "М'яка іграшка"),
        Thing("Palapeli"),
        Thing("Lautapeli"),
        Thing("Nukke", "Лялька"),
        Thing("Pikkuautoja", low=5, high=20),
        Thing("Duplot"),
        Thing("Puuleluja", low=2, high=8),
        Thing("Leikkikeittiö"),
        Thing("Junarata"),
        Thing("Pehmoleluja, kassi", low=5, high=15),
    ),
    "books": (
        Thing("Lastenkirjoja", "Дитячі книжки", low=3, high=15),
        Thing("Romaani"),
        Thing("Keittokirja"),
        Thing("Kuvakirja"),
        Thing("Sarjakuvia", low=3, high=10),
        Thing("Ukrainankielisiä lastenkirjoja", low=2, high=8),
        Thing("Suomen kielen oppikirja", "Підручник фінської мови"),
        Thing("Sanakirja suomi-ukraina", "Словник фінсько-український"),
        Thing("Tietokirja"),
    ),
    "electronics": (
        Thing("Mikroaaltouuni", "Мікрохвильовка"),
        Thing("Pölynimuri", "Пилосос"),
        Thing("Vedenkeitin", "Чайник"),
        Thing("Kahvinkeitin"),
        Thing("Leivänpaahdin"),
        Thing("Televisio"),
        Thing("Pöytävalaisin"),
        Thing("Silitysrauta", "Праска"),
        Thing("Pesukone"),
        Thing("Jääkaappi"),
        Thing("Sauvasekoitin"),
        Thing("Hiustenkuivain"),
        Thing("Radio"),
    ),
    "sports": (
        Thing("Polkupyörä", "Велосипед"),
        Thing("Lasten polkupyörä", "Дитячий велосипед"),
        Thing("Sukset ja sauvat"),
        Thing("Luistimet", "Ковзани"),
        Thing("Pulkka"),
        Thing("Potkukelkka"),
        Thing("Jalkapallo"),
        Thing("Pyöräilykypärä"),
        Thing("Makuupussi"),
        Thing("Retkeilyreppu"),
    ),
    "other": (
        Thing("Matkalaukku", "Валіза"),
        Thing("Sateenvarjo"),
        Thing("Käsilaukku"),
        Thing("Reppu", "Рюкзак"),
        Thing("Kynttilöitä", low=3, high=10),
        Thing("Askartelutarvikkeita"),
        Thing("Taulu"),
        Thing("Seinäkello"),
    ),
}

# How often each category comes in (per hundred items), and how many open days, on average,
# an item of it waits before someone takes it.
CATEGORY_SHARES = {
    "clothes_children": (22, 12),
    "clothes_women": (14, 20),
    "clothes_men": (8, 25),
    "shoes": (8, 15),
    "outerwear": (8, 10),
    "textiles": (5, 20),
    "household": (10, 15),
    "furniture": (3, 6),
    "children_gear": (4, 6),
    "toys": (7, 15),
    "books": (5, 30),
    "electronics": (2, 8),
    "sports": (3, 15),
    "other": (1, 25),
}

# Where each category is put (location name, weight); furniture often stays at the donor's.
PLACES = {
    "clothes_children": (("Lastenhuone", 6), ("Hylly B1", 3)),
    "clothes_women": (("Vaatehuone", 6), ("Hylly A1", 2), ("Hylly A2", 2)),
    "clothes_men": (("Vaatehuone", 6), ("Hylly A1", 2), ("Hylly A2", 2)),
    "shoes": (("Hylly A1", 3), ("Vaatehuone", 2)),
    "outerwear": (("Vaatehuone", 5), ("Hylly A2", 2), ("Varasto", 1)),
    "textiles": (("Hylly A2", 2), ("Varasto", 3)),
    "household": (("Hylly C1", 5), ("Varasto", 1)),
    "furniture": ((DONOR_HOME, 11), ("Varasto", 9)),
    "children_gear": (("Lastenhuone", 3), ("Varasto", 3), (DONOR_HOME, 1)),
    "toys": (("Lastenhuone", 4), ("Hylly B2", 3)),
    "books": (("Hylly C2", 4), ("Lastenhuone", 1)),
    "electronics": (("Hylly C1", 2), ("Varasto", 3)),
    "sports": (("Varasto", 1),),
    "other": (("Hylly C2", 2), ("Varasto", 2)),
}

# Expanded tables: one rng.choice gives a weighted pick, fast.
CONDITIONS = ["new"] * 2 + ["good"] * 9 + ["used"] * 7 + ["worn"] * 2
ITEMS_PER_DONATION = [
    count
    for count, weight in zip(range(1, 13), (14, 14, 13, 12, 10, 9, 7, 6, 5, 4, 3, 3), strict=True)
    for _copy in range(weight)
]
ADULT_SIZES = (
    ["XXS"] * 1
    + ["XS"] * 4
    + ["S"] * 12
    + ["M"] * 18
    + ["L"] * 16
    + ["XL"] * 10
    + ["XXL"] * 5
    + ["XXXL"] * 2
    + [str(n) for n in range(34, 54, 2) for _copy in range(2)]
)
CHILD_SIZES = [str(cm) for cm in range(50, 177, 6)]
BASKET_SIZES = [1] * 4 + [2] * 4 + [3] * 3 + [4] * 2 + [5, 6]
TARGET_GROUP_PICKS = ["", ""] + [group for group in TARGET_GROUPS for _copy in range(2)]
TARGET_GROUP_PICKS += ["family_with_children"] * 2
DESK_ROLES = [Role.VOLUNTEER] * 7 + [Role.STAFF] * 2 + [Role.ADMIN]
DISCARD_ROLES = [Role.STAFF] * 3 + [Role.ADMIN]

UKRAINIAN_SHARE = 0.08
BLANK_SIZE_SHARE = 0.03
UNPLACED_SHARE = 0.03
MAIN_CATEGORY_SHARE = 0.6
PERSON_DONOR_SHARE, PARTNER_DONOR_SHARE = 0.50, 0.10
PARTNER_NOTE_SHARE = 0.5
# Fates of an item, decided at intake.
BROKEN_SHARE = 0.04
UNWANTED_SHARE = 0.10
BROKEN_REASONS = ("rikki", "rikki", "rikki", "tahrainen", "puutteellinen")
OLD_REASON = "yli vuoden varastossa"
PERSON_RECIPIENT_SHARE = 0.85
# Of the items still at the centre and untouched: reserved now, or reserved once and expired.
RESERVED_SHARE = 0.08
EXPIRED_SHARE = 0.06
# Of single items handed out to a person: reserved for them first.
FULFILLED_SHARE = 0.08
# Of reservations: made for a wish the visitor had put down.
RESERVED_WISH_SHARE = 0.3
FULFILLED_WISH_SHARE = 0.35
ITEMS_PER_OPEN_WISH = 75

# Open wishes: (category key, what the visitor said, size).
WISHES = (
    ("outerwear", "Talvitakki", "122"),
    ("outerwear", "Toppahaalari", "98"),
    ("outerwear", "Зимова куртка", "140"),
    ("outerwear", "Talvitakki", "L"),
    ("furniture", "Sohva", ""),
    ("furniture", "Sänky", ""),
    ("furniture", "Ruokapöytä ja tuolit", ""),
    ("furniture", "Шафа", ""),
    ("shoes", "Talvikengät", "38"),
    ("shoes", "Kumisaappaat", "30"),
    ("shoes", "Зимові чоботи", "42"),
    ("children_gear", "Lastenrattaat", ""),
    ("children_gear", "Turvaistuin", ""),
    ("children_gear", "Дитяче ліжечко", ""),
    ("clothes_children", "Collegehousut", "110"),
    ("clothes_children", "Bodyja", "68"),
    ("clothes_women", "Talvihousut", "M"),
    ("clothes_men", "Farkut", "L"),
    ("electronics", "Pölynimuri", ""),
    ("electronics", "Mikroaaltouuni", ""),
    ("household", "Kattiloita", ""),
    ("sports", "Polkupyörä", ""),
    ("sports", "Luistimet", ""),
    ("textiles", "Peitto ja tyyny", ""),
)
OPEN_WISH_DAYS = 120


@dataclass(frozen=True)
class GoodsSummary:
    partners: int
    locations: int
    donations: int
    items: int
    handouts: int
    handout_lines: int
    reservations: int
    wishes: int


class Writer(Protocol):
    """demo's bulk writer: plain tuples into one table, in chunks."""

    written: int

    def add(self, row: tuple) -> None: ...

    def full(self) -> bool: ...

    def flush(self) -> None: ...


WriterFactory = Callable[[type[BaseModel], list[pw.Field]], Writer]

DONATION_FIELDS = [
    Donation.id,
    Donation.received_at,
    Donation.donor_person,
    Donation.donor_partner,
    Donation.note,
    Donation.recorded_by,
]
ITEM_FIELDS = [
    Item.id,
    Item.donation,
    Item.category,
    Item.description,
    Item.size,
    Item.condition,
    Item.quantity,
    Item.location,
    Item.intake_at,
    Item.status,
    Item.status_reason,
]
EVENT_FIELDS = [ItemEvent.item, ItemEvent.at, ItemEvent.user, ItemEvent.kind, ItemEvent.detail]
HANDOUT_FIELDS = [
    Handout.id,
    Handout.handed_at,
    Handout.recipient,
    Handout.target_group,
    Handout.over_limit_reason,
    Handout.recorded_by,
]
LINE_FIELDS = [HandoutLine.handout, HandoutLine.item, HandoutLine.quantity]
RESERVATION_FIELDS = [
    Reservation.item,
    Reservation.person,
    Reservation.until,
    Reservation.created_at,
    Reservation.created_by,
    Reservation.state,
]
WISH_FIELDS = [
    Wish.person,
    Wish.category,
    Wish.description,
    Wish.size,
    Wish.created_at,
    Wish.created_by,
    Wish.state,
    Wish.item,
]

IN_STOCK, RESERVED = ItemStatus.IN_STOCK.value, ItemStatus.RESERVED.value
HANDED_OUT, DISCARDED = ItemStatus.HANDED_OUT.value, ItemStatus.DISCARDED.value


def require_empty() -> None:
    """Goods are numbered from 1, so only a database without any can take the demo's."""
    if any(model.select().exists() for model in (Partner, Location, *BULK_MODELS)):
        raise ValidationError(_("Demo data can only be added to a new, empty database."))


def write_goods(
    rng: random.Random,
    calendar: _Calendar,
    population: _Population,
    *,
    items: int,
    user_ids: dict[Role, int],
    today: dt.date,
    writer: WriterFactory,
) -> GoodsSummary:
    """Write the partners, places, donations and everything that became of them."""
    partners = _write_partners(calendar)
    locations = _write_locations()
    categories = {row.key: row for row in Category.select()}
    maker = _Goods(rng, calendar, population, user_ids, today, writer)
    donations = maker.take_in(items, categories, partners, locations)
    maker.open_wishes(max(1, items // ITEMS_PER_OPEN_WISH), categories)
    maker.flush_stock()
    lines = maker.hand_out()
    return GoodsSummary(
        partners=len(partners),
        locations=len(locations),
        donations=donations,
        items=maker.items.written,
        handouts=maker.handouts.written,
        handout_lines=lines,
        reservations=maker.reservations.written,
        wishes=maker.wishes.written,
    )


def insert_partner(
    name: str, kind: PartnerKind, created: str, contact: str, phone: str, email: str, notes: str
) -> int:
    return Partner.insert(
        name=name,
        kind=kind.value,
        active=True,
        created_at=created,
        contact_person=contact,
        phone=phone,
        email=email,
        notes=notes,
    ).execute()


def _write_partners(calendar: _Calendar) -> list[tuple[int, tuple[str, ...]]]:
    """(id, notes) of each partner."""
    created = calendar.first_moment()
    partners = []
    for name, kind, notes in PARTNERS:
        details = PARTNER_DETAILS.get(name, ("", "", "", ""))
        partner_id = insert_partner(name, kind, created, *details)
        partners.append((partner_id, notes))
    return partners


def _write_locations() -> dict[str, int]:
    return {
        name: Location.insert(name=name, kind=kind.value, active=True).execute()
        for name, kind in LOCATIONS
    }


class _Kind(NamedTuple):
    """What take_in needs of a category, looked up once."""

    category_id: int
    size_kind: str
    things: tuple[Thing, ...]
    places: list[int]
    wait: float


class _Intake(NamedTuple):
    """One donation as its items need it."""

    donation_id: int
    moment: int
    text: str
    desk: int


# Part of an item (or all of it) due to go out on a day, as a plain tuple:
# (item id, quantity, intake moment, whether it is the whole item at once).
_Portion = tuple[int, int, int, bool]


class _Goods:
    """The writers and the state shared between taking in and handing out."""

    def __init__(
        self,
        rng: random.Random,
        calendar: _Calendar,
        population: _Population,
        user_ids: dict[Role, int],
        today: dt.date,
        writer: WriterFactory,
    ) -> None:
        self.rng, self.calendar, self.population, self.today = rng, calendar, population, today
        self.last_day = len(calendar.days) - 1
        # One person staffs the desk each day; staff do the discarding.
        self.desk = [user_ids[rng.choice(DESK_ROLES)] for _day in calendar.days]
        self.discarder = [user_ids[rng.choice(DISCARD_ROLES)] for _day in calendar.days]
        self.donations = writer(Donation, DONATION_FIELDS)
        self.items = writer(Item, ITEM_FIELDS)
        self.events = writer(ItemEvent, EVENT_FIELDS)
        self.handouts = writer(Handout, HANDOUT_FIELDS)
        self.lines = writer(HandoutLine, LINE_FIELDS)
        self.reservations = writer(Reservation, RESERVATION_FIELDS)
        self.wishes = writer(Wish, WISH_FIELDS)
        self.due: list[list[_Portion]] = [[] for _day in calendar.days]
        # Of each item (index = id - 1), for the wishes a hand-out fulfils.
        self.item_wish: list[tuple[int, str, str]] = []

    # --- people and moments ---

    def person_before(self, moment: int) -> tuple[int, int] | None:
        """(id, registered at) of a person registered before the moment, frequent visitors
        more likely; None if nobody was yet."""
        population = self.population
        registered = bisect.bisect_left(population.created, moment)
        if registered == 0:
            return None
        cumulative = population.cumulative_weights
        index = bisect.bisect_right(
            cumulative, self.rng.random() * cumulative[registered - 1], 0, registered - 1
        )
        return index + 1, population.created[index]

    def moment_between(self, start: int, end: int) -> int | None:
        """A moment in opening hours after `start` and before `end` (a minute apart)."""
        first_day, first_second = divmod(start, SECONDS_PER_DAY)
        last_day, last_second = divmod(end, SECONDS_PER_DAY)
        if last_day < first_day:
            return None
        day = self.rng.randint(first_day, last_day)
        low = max(OPENS, first_second + 60) if day == first_day else OPENS
        high = min(CLOSES, last_second - 60) if day == last_day else CLOSES
        if low >= high:
            return None
        return day * SECONDS_PER_DAY + self.rng.randrange(low, high)

    def day_index(self, date: dt.date) -> int:
        """The first open day on or after the date."""
        return bisect.bisect_left(self.calendar.days, date)

    # --- intake ---

    def take_in(
        self,
        total: int,
        categories: dict[str, Category],
        partners: list[tuple[int, tuple[str, ...]]],
        locations: dict[str, int],
    ) -> int:
        """Write `total` items in donations over the period; returns how many donations."""
        rng, calendar = self.rng, self.calendar
        kinds = {
            key: _Kind(
                categories[key].id,
                categories[key].size_kind,
                THINGS[key],
                [locations[name] for name, weight in PLACES[key] for _copy in range(weight)],
                wait,
            )
            for key, (_share, wait) in CATEGORY_SHARES.items()
        }
        category_picks = [
            key for key, (share, _wait) in CATEGORY_SHARES.items() for _copy in range(share)
        ]
        sizes, made = [], 0
        while made < total:
            sizes.append(min(rng.choice(ITEMS_PER_DONATION), total - made))
            made += sizes[-1]
        days = sorted(
            rng.choices(range(len(calendar.days)), weights=calendar.busyness, k=len(sizes))
        )
        moments = sorted(day * SECONDS_PER_DAY + rng.randrange(OPENS, LAST_INTAKE) for day in days)
        item_id = 0
        for donation_id, (moment, count) in enumerate(zip(moments, sizes, strict=True), start=1):
            intake = self.donation(donation_id, moment, partners)
            main = rng.choice(category_picks)
            # A family gives what their children outgrew: sizes close to each other.
            child_base = min(int(rng.expovariate(1 / 7)), len(CHILD_SIZES) - 1)
            for _item in range(count):
                item_id += 1
                key = main if rng.random() < MAIN_CATEGORY_SHARE else rng.choice(category_picks)
                self.item(item_id, intake, kinds[key], child_base)
            if self.items.full():
                self.flush_stock()
        return len(sizes)

    def donation(
        self, donation_id: int, moment: int, partners: list[tuple[int, tuple[str, ...]]]
    ) -> _Intake:
        rng = self.rng
        person = partner = None
        note = ""
        pick = rng.random()
        if pick < PERSON_DONOR_SHARE:
            donor = self.person_before(moment)
            person = donor[0] if donor else None
        elif pick < PERSON_DONOR_SHARE + PARTNER_DONOR_SHARE:
            partner, notes = rng.choice(partners)
            note = rng.choice(notes) if rng.random() < PARTNER_NOTE_SHARE else ""
        recorder = self.desk[moment // SECONDS_PER_DAY]
        text = self.calendar.text(moment)
        self.donations.add((donation_id, text, person, partner, note, recorder))
        return _Intake(donation_id, moment, text, recorder)

    def item(self, item_id: int, donation: _Intake, kind: _Kind, child_base: int) -> None:
        rng, intake, text = self.rng, donation.moment, donation.text
        thing = rng.choice(kind.things)
        description = thing.uk if thing.uk and rng.random() < UKRAINIAN_SHARE else thing.fi
        size = self.size(kind.size_kind, thing.group, child_base)
        quantity = thing.low if thing.low == thing.high else rng.randint(thing.low, thing.high)
        location = None if rng.random() < UNPLACED_SHARE else rng.choice(kind.places)
        self.item_wish.append((kind.category_id, size, description))
        self.events.add((item_id, text, donation.desk, "intake", str(quantity)))
        status, left, reason = self.fate(item_id, intake, quantity, kind.wait)
        if status == IN_STOCK and left == quantity:
            status = self.maybe_reserve(item_id, intake, kind.category_id, size, description)
        self.items.add(
            (
                item_id,
                donation.donation_id,
                kind.category_id,
                description,
                size,
                rng.choice(CONDITIONS),
                left,
                location,
                text,
                status,
                reason,
            )
        )

    def size(self, size_kind: str, group: str, child_base: int) -> str:
        rng = self.rng
        if size_kind == SizeKind.NONE or rng.random() < BLANK_SIZE_SHARE:
            return ""
        if size_kind == SizeKind.SHOES:
            return str(rng.randint(20, 35) if group == CHILD else rng.randint(36, 46))
        if size_kind == SizeKind.CHILDREN or (size_kind == SizeKind.ANY and group == CHILD):
            index = child_base + rng.randint(-1, 1)
            return CHILD_SIZES[min(max(index, 0), len(CHILD_SIZES) - 1)]
        return rng.choice(ADULT_SIZES)

    def fate(self, item_id: int, intake: int, quantity: int, wait: float) -> tuple[str, int, str]:
        """(status, quantity left, reason) at the end; hand-outs due go to `self.due`."""
        rng = self.rng
        intake_day = intake // SECONDS_PER_DAY
        pick = rng.random()
        if pick < BROKEN_SHARE:
            # Found broken or stained when sorted, within days.
            day = intake_day + rng.randint(0, 5)
            if day <= self.last_day:
                reason = rng.choice(BROKEN_REASONS)
                self.discard(item_id, intake, day, reason)
                return DISCARDED, quantity, reason
            return IN_STOCK, quantity, ""
        if pick < BROKEN_SHARE + UNWANTED_SHARE:
            # Nobody wants it: cleared out after a year on the shelf.
            limit = self.calendar.days[intake_day] + dt.timedelta(days=365 + rng.randint(1, 60))
            day = self.day_index(limit)
            if day <= self.last_day:
                self.discard(item_id, intake, day, OLD_REASON)
                return DISCARDED, quantity, OLD_REASON
            return IN_STOCK, quantity, ""
        portions = 1 if quantity == 1 else rng.randint(1, min(4, quantity))
        left, day, due = quantity, intake_day, self.due
        for number in range(portions):
            day += int(rng.expovariate(1 / wait)) + (1 if number else 0)
            if day > self.last_day:
                break
            last = number == portions - 1
            taken = left if last else rng.randint(1, left - (portions - 1 - number))
            due[day].append((item_id, taken, intake, portions == 1))
            left -= taken
        return (HANDED_OUT if left == 0 else IN_STOCK), left, ""

    def discard(self, item_id: int, intake: int, day: int, reason: str) -> None:
        second = self.rng.randrange(OPENS, CLOSES)
        moment = max(day * SECONDS_PER_DAY + second, intake + 600)
        self.events.add(
            (item_id, self.calendar.text(moment), self.discarder[day], "discarded", reason)
        )

    def maybe_reserve(
        self, item_id: int, intake: int, category_id: int, size: str, description: str
    ) -> str:
        """Reserve an untouched item now (returns its status), or leave an expired one behind."""
        rng = self.rng
        pick = rng.random()
        intake_day = intake // SECONDS_PER_DAY
        if pick < RESERVED_SHARE:
            start = max(intake, (self.last_day - 9) * SECONDS_PER_DAY)
            moment = self.moment_between(start, self.last_day * SECONDS_PER_DAY + CLOSES)
            until = self.today + dt.timedelta(days=rng.randint(1, 14))
            if self.reserve(item_id, moment, until, "active", category_id, size, description):
                return RESERVED
        elif pick < RESERVED_SHARE + EXPIRED_SHARE and intake_day <= self.last_day - 20:
            day = min(intake_day + rng.randint(0, 20), self.last_day - 16)
            moment = self.moment_between(
                max(intake, day * SECONDS_PER_DAY), day * SECONDS_PER_DAY + CLOSES
            )
            if moment is not None:
                until = self.calendar.days[day] + dt.timedelta(days=rng.randint(3, 14))
                if self.reserve(item_id, moment, until, "expired", category_id, size, description):
                    # Cleared at the desk the morning after it ran out.
                    cleared = bisect.bisect_right(self.calendar.days, until)
                    at = cleared * SECONDS_PER_DAY + OPENS + rng.randrange(3600)
                    self.events.add(
                        (
                            item_id,
                            self.calendar.text(at),
                            self.desk[cleared],
                            "unreserved",
                            "expired",
                        )
                    )
        return IN_STOCK

    def reserve(
        self,
        item_id: int,
        moment: int | None,
        until: dt.date,
        state: str,
        category_id: int,
        size: str,
        description: str,
        person: tuple[int, int] | None = None,
    ) -> bool:
        """Hold the item for a person registered before `moment` (or the one given)."""
        if moment is None:
            return False
        person = person or self.person_before(moment)
        if person is None:
            return False
        person_id, registered = person
        user = self.desk[moment // SECONDS_PER_DAY]
        text = self.calendar.text(moment)
        self.reservations.add((item_id, person_id, until.isoformat(), text, user, state))
        self.events.add((item_id, text, user, "reserved", until.isoformat()))
        wish_state = {"active": "reserved", "fulfilled": "fulfilled"}.get(state)
        share = RESERVED_WISH_SHARE if state == "active" else FULFILLED_WISH_SHARE
        if wish_state and self.rng.random() < share:
            # The visitor had wished for it; the wish was put down before the hold.
            wished = self.moment_between(registered, moment)
            if wished is not None:
                self.wishes.add(
                    (
                        person_id,
                        category_id,
                        description,
                        size,
                        self.calendar.text(wished),
                        self.desk[wished // SECONDS_PER_DAY],
                        wish_state,
                        item_id,
                    )
                )
        return True

    def open_wishes(self, count: int, categories: dict[str, Category]) -> None:
        rng = self.rng
        first = max(0, self.last_day - OPEN_WISH_DAYS + 1)
        for _wish in range(count):
            key, description, size = rng.choice(WISHES)
            day = rng.randint(first, self.last_day)
            moment = day * SECONDS_PER_DAY + rng.randrange(OPENS, CLOSES)
            person = self.person_before(moment)
            if person is None:
                continue
            text, user = self.calendar.text(moment), self.desk[day]
            self.wishes.add(
                (person[0], categories[key].id, description, size, text, user, "open", None)
            )

    def flush_stock(self) -> None:
        """Parents first, so every foreign key finds its row."""
        for writer in (self.donations, self.items, self.events, self.reservations, self.wishes):
            writer.flush()

    # --- hand-outs ---

    def hand_out(self) -> int:
        """Make the hand-outs day by day from the portions due; returns the lines written."""
        rng = self.rng
        handout_id = 0
        for day, portions in enumerate(self.due):
            if not portions:
                continue
            rng.shuffle(portions)
            base, start = day * SECONDS_PER_DAY, 0
            while start < len(portions):
                size = rng.choice(BASKET_SIZES)
                basket, start = portions[start : start + size], start + size
                # Busiest around noon; never before an item in the basket came in.
                second = int(rng.triangular(OPENS, CLOSES, 12.5 * 3600))
                moment = max(
                    base + min(second, CLOSES - 1),
                    *(portion[2] + rng.randrange(60, 900) for portion in basket),
                )
                handout_id += 1
                self.basket(handout_id, moment, basket)
                if self.lines.full():
                    self.flush_handouts()
        self.flush_handouts()
        self.due = []
        return self.lines.written

    def basket(self, handout_id: int, moment: int, basket: list[_Portion]) -> None:
        rng = self.rng
        day = moment // SECONDS_PER_DAY
        person = (
            self.person_before(day * SECONDS_PER_DAY)
            if rng.random() < PERSON_RECIPIENT_SHARE
            else None
        )
        text, desk = self.calendar.text(moment), self.desk[day]
        if person is None:
            self.handouts.add((handout_id, text, None, rng.choice(TARGET_GROUP_PICKS), "", desk))
        else:
            self.handouts.add((handout_id, text, person[0], "", "", desk))
        for item_id, quantity, intake, whole in basket:
            if person is not None and whole and rng.random() < FULFILLED_SHARE:
                self.reserved_first(item_id, intake, moment, person)
            self.lines.add((handout_id, item_id, quantity))
            self.events.add((item_id, text, desk, "handed_out", str(quantity)))

    def reserved_first(
        self, item_id: int, intake: int, handed: int, person: tuple[int, int]
    ) -> None:
        """A reservation made within the last two weeks before the hand-out, now fulfilled."""
        day = handed // SECONDS_PER_DAY
        start = max(intake, person[1], (day - 10) * SECONDS_PER_DAY)
        moment = self.moment_between(start, handed)
        if moment is None:
            return
        made, handed_on = self.calendar.days[moment // SECONDS_PER_DAY], self.calendar.days[day]
        until = max(handed_on, made + dt.timedelta(days=self.rng.randint(1, 14)))
        category_id, size, description = self.item_wish[item_id - 1]
        self.reserve(
            item_id, moment, until, "fulfilled", category_id, size, description, person=person
        )

    def flush_handouts(self) -> None:
        for writer in (self.handouts, self.lines, self.events, self.reservations, self.wishes):
            writer.flush()
