"""The recycling point's demo data (small size) on a real SQLite file, checked against the rules
of intake, hand-outs, reservations and wishes. The large size is timed by hand."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from tests.core.demo_reading import demo_contents

from lumijobi_desktop.core import catalogue, demo, demo_events, demo_goods, reservations, stock
from lumijobi_desktop.core.errors import ValidationError
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
    Wish,
)
from lumijobi_desktop.core.partners import Partner
from lumijobi_desktop.core.people import TARGET_GROUPS, Person
from lumijobi_desktop.core.users import User

TODAY = dt.date(2026, 3, 18)
GOODS_TABLES = (
    "partner",
    "location",
    "donation",
    "item",
    "item_event",
    "handout",
    "handout_line",
    "reservation",
    "wish",
)


@pytest.fixture
def summary(store) -> demo.DemoSummary:
    return demo.generate_demo(size="small", seed=0, today=TODAY)


@pytest.fixture
def demo_admin(summary) -> User:
    return User.get_by_id(summary.admin_id)


def _generate_in(folder, seed: int) -> dict[str, list[tuple]]:
    return demo_contents(folder, seed, TODAY, GOODS_TABLES)


def _taken_in() -> dict[int, int]:
    """Item id → the quantity it came in with (the intake event's detail)."""
    return {
        event.item_id: int(event.detail)
        for event in ItemEvent.select().where(ItemEvent.kind == "intake")
    }


def _handed() -> dict[int, int]:
    handed: Counter[int] = Counter()
    for line in HandoutLine.select():
        handed[line.item_id] += line.quantity
    return handed


def test_small_demo_has_the_expected_counts(summary):
    assert Item.select().count() == summary.items == demo_goods.ITEMS["small"] == 3_000
    assert Donation.select().count() == summary.donations
    assert Handout.select().count() == summary.handouts
    assert Reservation.select().count() == summary.reservations
    assert Wish.select().count() == summary.wishes
    # 1-12 items a donation.
    assert 3_000 / 12 <= summary.donations <= 3_000 / 2
    assert len(demo_goods.PARTNERS) == 8
    # The partners met through events come on top (see demo_events).
    assert Partner.select().count() == len(demo_goods.PARTNERS) + len(demo_events.PARTNERS)
    assert Location.select().count() == len(demo_goods.LOCATIONS) == 10
    assert Location.get(Location.kind == LocationKind.DONOR_HOME.value).name == (
        "Lahjoittajan luona"
    )
    assert HandoutLine.select().count() == (
        ItemEvent.select().where(ItemEvent.kind == "handed_out").count()
    )


def test_same_seed_and_day_give_identical_goods(tmp_path):
    first = _generate_in(tmp_path / "first", seed=5)
    second = _generate_in(tmp_path / "second", seed=5)
    assert first == second
    other = _generate_in(tmp_path / "other", seed=6)
    assert first["item"] != other["item"]
    assert first["handout"] != other["handout"]


def test_donations_come_from_persons_partners_and_anonymous_donors(summary):
    donations = list(Donation.select())
    from_person = sum(1 for d in donations if d.donor_person_id) / len(donations)
    from_partner = sum(1 for d in donations if d.donor_partner_id) / len(donations)
    assert 0.4 < from_person < 0.6
    assert 0.05 < from_partner < 0.16
    assert not any(d.donor_person_id and d.donor_partner_id for d in donations)
    registered = {person.id: person.created_at for person in Person.select()}
    for donation in donations:
        if donation.donor_person_id:
            assert registered[donation.donor_person_id] < donation.received_at
        moment = donation.received_at
        assert summary.first_day <= moment.date() <= summary.last_day
        assert moment.weekday() < 5 and 9 <= moment.hour < 16
        sizes = [item.intake_at for item in donation.items]
        assert 1 <= len(sizes) <= 12 and set(sizes) == {moment}


def test_every_status_is_present_in_a_realistic_mix(summary):
    statuses = Counter(item.status for item in Item.select())
    assert set(statuses) == {status.value for status in ItemStatus}
    assert statuses[ItemStatus.HANDED_OUT] > statuses[ItemStatus.DISCARDED]
    assert 100 <= statuses[ItemStatus.IN_STOCK] <= 600
    assert 5 <= statuses[ItemStatus.RESERVED] <= 100
    reasons = Counter(item.status_reason for item in Item.select())
    assert reasons["rikki"] and reasons["yli vuoden varastossa"]
    for item in Item.select().where(Item.status == ItemStatus.DISCARDED.value):
        assert item.status_reason
        (event,) = ItemEvent.select().where(
            (ItemEvent.item == item.id) & (ItemEvent.kind == "discarded")
        )
        assert event.detail == item.status_reason and event.at > item.intake_at
        if item.status_reason == "yli vuoden varastossa":
            assert event.at - item.intake_at > dt.timedelta(days=365)


def test_quantities_agree_with_the_hand_out_lines(summary):
    taken_in, handed = _taken_in(), _handed()
    assert len(taken_in) == Item.select().count()
    boxes = 0
    for item in Item.select():
        assert taken_in[item.id] - item.quantity == handed.get(item.id, 0)
        if item.status == ItemStatus.HANDED_OUT:
            assert item.quantity == 0
        else:
            assert item.quantity >= 1
        boxes += taken_in[item.id] > 1
    assert boxes >= 100
    assert all(line.quantity >= 1 for line in HandoutLine.select())
    # A box of bodysuits, some of it given away: still in stock, a part left.
    assert (
        Item.select()
        .where((Item.status == ItemStatus.IN_STOCK.value) & (Item.quantity > 1))
        .exists()
    )


def test_items_go_out_after_they_came_in_to_persons_registered_before(summary):
    registered = {person.id: person.created_at for person in Person.select()}
    lines = (
        HandoutLine.select(HandoutLine, Handout, Item).join(Handout).switch(HandoutLine).join(Item)
    )
    for line in lines:
        assert line.handout.handed_at > line.item.intake_at
        recipient = line.handout.recipient_id
        if recipient is not None:
            assert registered[recipient] < line.handout.handed_at
    handouts = list(Handout.select())
    to_persons = sum(1 for h in handouts if h.recipient_id) / len(handouts)
    assert 0.75 < to_persons < 0.95
    groups = {h.target_group for h in handouts if h.recipient_id is None}
    assert groups <= {*TARGET_GROUPS, ""} and len(groups) >= 3
    assert all(h.target_group == "" for h in handouts if h.recipient_id)
    for handout in handouts:
        moment = handout.handed_at
        assert summary.first_day <= moment.date() <= summary.last_day
        assert moment.weekday() < 5 and 9 <= moment.hour < 16
    assert max(len(h.lines) for h in handouts) > 1
    # No item twice in one basket.
    assert all(len({line.item_id for line in h.lines}) == len(h.lines) for h in handouts)


def test_every_item_has_one_intake_event_first(summary):
    first_events: dict[int, ItemEvent] = {}
    for event in ItemEvent.select().order_by(ItemEvent.at, ItemEvent.id):
        first_events.setdefault(event.item_id, event)
    intakes = Counter(e.item_id for e in ItemEvent.select().where(ItemEvent.kind == "intake"))
    for item in Item.select():
        assert intakes[item.id] == 1
        assert first_events[item.id].kind == "intake"
        assert first_events[item.id].at == item.intake_at


def test_reserved_items_have_exactly_one_active_reservation(summary):
    active = Counter(r.item_id for r in Reservation.select().where(Reservation.state == "active"))
    reserved = {item.id for item in Item.select().where(Item.status == "reserved")}
    assert set(active) == reserved
    assert set(active.values()) == {1}
    for reservation in Reservation.select().where(Reservation.state == "active"):
        assert TODAY + dt.timedelta(days=1) <= reservation.until <= TODAY + dt.timedelta(days=14)
        assert reservation.created_at > reservation.item.intake_at
        assert reservation.created_at > reservation.person.created_at
    states = Counter(r.state for r in Reservation.select())
    assert states["expired"] and states["fulfilled"]
    for reservation in Reservation.select().where(Reservation.state == "expired"):
        assert reservation.until < TODAY
        assert reservation.item.status != ItemStatus.RESERVED


def test_fulfilled_reservations_went_to_the_person_they_were_held_for(summary):
    for reservation in Reservation.select().where(Reservation.state == "fulfilled"):
        assert reservation.item.status == ItemStatus.HANDED_OUT
        (line,) = HandoutLine.select().where(HandoutLine.item == reservation.item_id)
        handed_at = line.handout.handed_at
        assert line.handout.recipient_id == reservation.person_id
        assert reservation.item.intake_at < reservation.created_at < handed_at
        assert reservation.until >= handed_at.date()
        assert reservation.until - reservation.created_at.date() <= reservations.LONGEST_HOLD


def test_wishes_open_reserved_and_fulfilled(summary):
    states = Counter(wish.state for wish in Wish.select())
    assert states["open"] == 3_000 // demo_goods.ITEMS_PER_OPEN_WISH == 40
    assert states["reserved"] and states["fulfilled"]
    for wish in Wish.select().where(Wish.state == "open"):
        assert wish.item_id is None and wish.created_at > wish.person.created_at
    for wish in Wish.select().where(Wish.state == "reserved"):
        assert wish.item.status == ItemStatus.RESERVED
        hold = Reservation.get((Reservation.item == wish.item_id) & (Reservation.state == "active"))
        assert hold.person_id == wish.person_id and wish.created_at < hold.created_at
    for wish in Wish.select().where(Wish.state == "fulfilled"):
        assert wish.item.status == ItemStatus.HANDED_OUT
        assert (wish.category_id, wish.size) == (wish.item.category_id, wish.item.size)


def test_an_open_wish_matches_an_item_in_stock(summary, demo_admin):
    at_centre = Item.select().where(Item.status.in_(stock.ACTIVE_STATUSES))
    matches = [
        wish for item in at_centre for wish in reservations.wishes_matching(demo_admin, item.id)
    ]
    assert matches and all(wish.state == "open" for wish in matches)


def test_the_stock_view_shows_the_items_at_the_centre(summary, demo_admin):
    at_centre = Item.select().where(Item.status.in_(("in_stock", "reserved"))).count()
    assert stock.count_items(demo_admin, stock.StockFilter()) == at_centre
    page = stock.page_of_items(demo_admin, stock.StockFilter(), 0, 50)
    assert len(page) == 50 and page[0].intake_at.date() <= summary.last_day


def test_sizes_fit_their_categories(summary):
    categories = {category.id: category for category in Category.select()}
    sized = 0
    for item in Item.select():
        assert catalogue.clean_size(categories[item.category_id], item.size) == item.size
        sized += bool(item.size)
    assert sized > 1_000
    for wish in Wish.select():
        assert catalogue.clean_size(categories[wish.category_id], wish.size) == wish.size


def test_items_look_like_a_recycling_point(summary):
    items = list(Item.select(Item, Category, Location).join(Category).switch(Item).join(Location))
    keys = Counter(item.category.key for item in items)
    assert set(keys) == {key for key, *_rest in catalogue.SEED_CATEGORIES}
    assert keys.most_common(1)[0][0] == "clothes_children"
    furniture = [item for item in items if item.category.key == "furniture"]
    at_donor = sum(1 for item in furniture if item.location.kind == LocationKind.DONOR_HOME)
    assert at_donor / len(furniture) > 0.3
    assert any("\u0400" <= char <= "\u04ff" for item in items for char in item.description)
    assert any(item.description == "Bodyt" and item.size for item in items)
    assert {item.condition for item in items} == {"new", "good", "used", "worn"}


def test_a_database_with_goods_is_left_alone(store):
    Location.create(name="Hylly A1", kind="shelf")
    with pytest.raises(ValidationError):
        demo.generate_demo(today=TODAY)
    assert Person.select().count() == Partner.select().count() == 0
