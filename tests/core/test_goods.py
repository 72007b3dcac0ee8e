import datetime as dt

import pytest

from lumijobi_desktop.core import catalogue, handouts, intake, reservations, stock
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.handouts import BasketLine
from lumijobi_desktop.core.intake import ItemInput
from lumijobi_desktop.core.inventory import Category, Donation, Item, ItemEvent, ItemStatus
from lumijobi_desktop.core.people import PersonData, register_person
from lumijobi_desktop.core.permissions import Role

TODAY = dt.date.today()


def category(key):
    return Category.get(Category.key == key)


@pytest.fixture
def shelf(users):
    return catalogue.save_location(users[Role.STAFF], None, name="Hylly A", kind="shelf")


@pytest.fixture
def visitor(admin):
    return register_person(admin, PersonData(first_name="Olena", last_name="Bondar", consent=True))


def take_in(actor, *rows, **donor):
    return intake.receive_donation(actor, list(rows), **donor)


def test_categories_are_seeded_with_names_in_three_languages(store):
    names = {c.key: (c.name_fi, c.name_uk, c.name_en) for c in catalogue.categories()}
    assert len(names) == len(catalogue.SEED_CATEGORIES)
    assert names["furniture"] == ("Huonekalut", "Меблі", "Furniture")
    from lumijobi_desktop.core import i18n

    i18n.set_language("uk")
    assert category("shoes").name == "Взуття"


def test_sizes_are_checked_per_category(store):
    assert catalogue.clean_size(category("clothes_children"), " 122 ") == "122"
    assert catalogue.clean_size(category("clothes_women"), "m") == "M"
    assert catalogue.clean_size(category("outerwear"), "122") == "122"
    with pytest.raises(ValidationError):
        catalogue.clean_size(category("clothes_children"), "125")
    with pytest.raises(ValidationError):
        catalogue.clean_size(category("furniture"), "XL")


def test_a_donation_with_a_box_of_bodysuits_and_a_sofa(volunteer, shelf, visitor):
    donation, items = take_in(
        volunteer,
        ItemInput(
            category("clothes_children").id, "Bodyt", "62", quantity=14, location_id=shelf.id
        ),
        ItemInput(category("furniture").id, "Sohva, harmaa"),
        donor_person_id=visitor.id,
    )
    assert donation.donor_person_id == visitor.id == Donation.get().donor_person_id
    assert [(i.quantity, i.size, i.status) for i in items] == [
        (14, "62", "in_stock"),
        (1, "", "in_stock"),
    ]
    assert items[0].code.startswith("I") and stock.item_by_code(volunteer, items[0].code.lower())
    assert ItemEvent.select().where(ItemEvent.kind == "intake").count() == 2


def test_bad_intake_rows_change_nothing(volunteer):
    good = ItemInput(category("toys").id, "Nalle")
    for bad in (
        ItemInput(category("toys").id, quantity=0),
        ItemInput(category("clothes_children").id, size="XL"),
        ItemInput(category("toys").id, "x" * 81),
    ):
        with pytest.raises(ValidationError, match="Row 2"):
            take_in(volunteer, good, bad)
    assert Item.select().count() == Donation.select().count() == 0


def test_stock_filters(volunteer, shelf):
    take_in(
        volunteer,
        ItemInput(category("clothes_children").id, "Haalari", "122", location_id=shelf.id),
        ItemInput(category("clothes_children").id, "Pipo", "56"),
        ItemInput(category("books").id, "Муми-тролі"),
    )
    count = stock.count_items
    assert count(volunteer, stock.StockFilter()) == 3
    assert count(volunteer, stock.StockFilter(category_id=category("clothes_children").id)) == 2
    assert count(volunteer, stock.StockFilter(size="122")) == 1
    assert count(volunteer, stock.StockFilter(location_id=shelf.id)) == 1
    assert count(volunteer, stock.StockFilter(text="Муми")) == 1
    page = stock.page_of_items(
        volunteer, stock.StockFilter(), 0, 2, order="description", descending=False
    )
    assert [i.description for i in page] == ["Haalari", "Pipo"]


def test_move_and_discard_with_reason(users, shelf):
    volunteer, staff = users[Role.VOLUNTEER], users[Role.STAFF]
    _d, items = take_in(
        volunteer, ItemInput(category("toys").id, "Auto"), ItemInput(category("toys").id, "Pallo")
    )
    ids = [i.id for i in items]
    assert stock.move_items(volunteer, ids, shelf.id) == 2
    with pytest.raises(PermissionDenied):
        stock.discard_items(volunteer, ids, "rikki")
    with pytest.raises(ValidationError):
        stock.discard_items(staff, ids, "  ")
    assert stock.discard_items(staff, ids, "rikki") == 2
    assert {i.status for i in Item.select()} == {"discarded"}
    with pytest.raises(ValidationError):
        stock.move_items(volunteer, ids, shelf.id)  # not at the centre any more
    kinds = [e.kind for e in stock.history(volunteer, ids[0])]
    assert kinds == ["intake", "moved", "discarded"]


def test_hand_out_takes_part_of_a_box_and_undo_returns_it(volunteer, visitor):
    _d, (box, jacket) = take_in(
        volunteer,
        ItemInput(category("clothes_children").id, "Bodyt", "62", quantity=14),
        ItemInput(category("outerwear").id, "Talvitakki", "122"),
    )
    handout = handouts.hand_out(
        volunteer, [BasketLine(box.id, 3), BasketLine(jacket.id)], recipient_id=visitor.id
    )
    box, jacket = Item.get_by_id(box.id), Item.get_by_id(jacket.id)
    assert (box.quantity, box.status) == (11, "in_stock")
    assert (jacket.quantity, jacket.status) == (0, "handed_out")
    with pytest.raises(ValidationError, match="already been handed out"):
        handouts.hand_out(volunteer, [BasketLine(jacket.id)])
    with pytest.raises(ValidationError, match="Only 11 left"):
        handouts.hand_out(volunteer, [BasketLine(box.id, 12)])
    handouts.undo_handout(volunteer, handout.id)
    box, jacket = Item.get_by_id(box.id), Item.get_by_id(jacket.id)
    assert (box.quantity, jacket.quantity, jacket.status) == (14, 1, "in_stock")


def test_a_failed_hand_out_changes_nothing(volunteer):
    _d, (a, b) = take_in(
        volunteer, ItemInput(category("toys").id, "A"), ItemInput(category("toys").id, "B")
    )
    handouts.hand_out(volunteer, [BasketLine(b.id)])
    audit_before = AuditEntry.select().count()
    with pytest.raises(ValidationError):
        handouts.hand_out(volunteer, [BasketLine(a.id), BasketLine(b.id)])
    assert Item.get_by_id(a.id).status == "in_stock"
    assert AuditEntry.select().count() == audit_before


def test_monthly_limit_warns_and_needs_a_reason(users, visitor):
    staff = users[Role.STAFF]
    furniture = category("furniture")
    catalogue.save_category(
        staff,
        furniture.id,
        name_fi=furniture.name_fi,
        name_uk=furniture.name_uk,
        name_en=furniture.name_en,
        size_kind="none",
        monthly_limit=1,
    )
    _d, (chair, table) = take_in(
        staff, ItemInput(furniture.id, "Tuoli"), ItemInput(furniture.id, "Pöytä")
    )
    handouts.hand_out(staff, [BasketLine(chair.id)], recipient_id=visitor.id)
    lines = [BasketLine(table.id)]
    assert handouts.limit_warnings(staff, visitor.id, lines)
    with pytest.raises(ValidationError, match="reason"):
        handouts.hand_out(staff, lines, recipient_id=visitor.id)
    handout = handouts.hand_out(
        staff, lines, recipient_id=visitor.id, over_limit_reason="Uusi asunto"
    )
    assert handout.over_limit_reason == "Uusi asunto"


def test_anonymous_hand_out_with_a_target_group(volunteer):
    _d, (toy,) = take_in(volunteer, ItemInput(category("toys").id, "Nalle"))
    handout = handouts.hand_out(
        volunteer, [BasketLine(toy.id)], target_group="family_with_children"
    )
    assert handout.recipient_id is None and handout.target_group == "family_with_children"
    with pytest.raises(ValidationError):
        handouts.hand_out(volunteer, [BasketLine(toy.id)], target_group="rich")


def test_reservation_warns_others_and_is_fulfilled_by_the_hand_out(volunteer, visitor, admin):
    other = register_person(admin, PersonData(first_name="Pekka", consent=True))
    _d, (sofa,) = take_in(volunteer, ItemInput(category("furniture").id, "Sohva"))
    reservation = reservations.reserve(volunteer, sofa.id, visitor.id, TODAY + dt.timedelta(days=7))
    sofa = Item.get_by_id(sofa.id)
    assert sofa.status == ItemStatus.RESERVED.value
    assert handouts.check_for_basket(volunteer, sofa, other.id).warnings
    assert not handouts.check_for_basket(volunteer, sofa, visitor.id).warnings
    assert reservations.expiring(volunteer, within_days=7) == [reservation]
    handouts.hand_out(volunteer, [BasketLine(sofa.id)], recipient_id=visitor.id)
    assert reservation.__class__.get_by_id(reservation.id).state == "fulfilled"


def test_a_reservation_cannot_be_longer_than_two_months(volunteer, visitor):
    _d, (sofa,) = take_in(volunteer, ItemInput(category("furniture").id, "Sohva"))
    with pytest.raises(ValidationError):
        reservations.reserve(volunteer, sofa.id, visitor.id, TODAY + dt.timedelta(days=90))
    assert Item.get_by_id(sofa.id).status == "in_stock"


def test_wishes_match_new_items_and_can_be_reserved(volunteer, visitor):
    jacket_wish = reservations.add_wish(
        volunteer, visitor.id, category_id=category("outerwear").id, size="122"
    )
    reservations.add_wish(
        volunteer, visitor.id, category_id=category("furniture").id, description="Sohva"
    )
    _d, (jacket, small) = take_in(
        volunteer,
        ItemInput(category("outerwear").id, "Talvitakki", "122"),
        ItemInput(category("outerwear").id, "Talvitakki", "98"),
    )
    assert reservations.wishes_matching(volunteer, jacket.id) == [jacket_wish]
    assert reservations.wishes_matching(volunteer, small.id) == []
    reservations.reserve_for_wish(
        volunteer, jacket_wish.id, jacket.id, TODAY + dt.timedelta(days=3)
    )
    assert Item.get_by_id(jacket.id).status == "reserved"
    assert reservations.wishes_matching(volunteer, jacket.id) == []


def test_a_donation_recorded_afterwards_keeps_its_time_but_never_a_future_one(volunteer):
    yesterday = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(14, 30))
    _d, (item,) = take_in(volunteer, ItemInput(category("toys").id, "Nalle"), at=yesterday)
    assert item.intake_at == yesterday
    with pytest.raises(ValidationError, match="future"):
        take_in(
            volunteer,
            ItemInput(category("toys").id, "Nalle"),
            at=dt.datetime.now() + dt.timedelta(days=2),
        )
    assert Item.select().count() == 1


def test_a_new_partner_is_added_with_its_first_donation_or_not_at_all(volunteer):
    from lumijobi_desktop.core.partners import Partner

    take_in(
        volunteer, ItemInput(category("books").id, "Kirjoja"), donor_partner_name="Lumijoen koulu"
    )
    take_in(
        volunteer,
        ItemInput(category("books").id, "Lisää kirjoja"),
        donor_partner_name="  lumijoen KOULU ",
    )
    assert [p.name for p in Partner.select()] == ["Lumijoen koulu"]
    assert {d.donor_partner_id for d in Donation.select()} == {Partner.get().id}
    with pytest.raises(ValidationError):
        take_in(
            volunteer,
            ItemInput(category("books").id, quantity=0),
            donor_partner_name="MLL Lumijoki",
        )
    assert Partner.select().count() == 1


def test_discarding_old_stock_in_bulk_goes_past_sqlites_variable_limit(users, monkeypatch):
    from lumijobi_desktop.core import stock as stock_module
    from lumijobi_desktop.core.inventory import Item as ItemModel

    staff = users[Role.STAFF]
    toys = category("toys").id
    take_in(staff, *[ItemInput(toys, f"Lelu {n}") for n in range(40)])
    ids = [row.id for row in ItemModel.select(ItemModel.id)]
    monkeypatch.setattr(stock_module, "CHUNK", 7)  # many slices with a small register
    assert stock.discard_items(staff, ids, "vanha varasto") == 40
    assert ItemModel.select().where(ItemModel.status == "discarded").count() == 40
    assert ItemEvent.select().where(ItemEvent.kind == "discarded").count() == 40


def test_merging_persons_moves_their_goods_history(users, visitor):
    from lumijobi_desktop.core import person_merge
    from lumijobi_desktop.core.inventory import Handout, Reservation

    staff = users[Role.STAFF]
    double = register_person(
        staff, PersonData(first_name="Olena", last_name="Bondar", consent=True)
    )
    _d, (coat, boots) = take_in(
        staff,
        ItemInput(category("clothes_women").id, "Takki", size="40"),
        ItemInput(category("shoes").id, "Saappaat", size="38"),
        donor_person_id=double.id,
    )
    handouts.hand_out(staff, [BasketLine(coat.id)], recipient_id=double.id)
    reservations.reserve(staff, boots.id, double.id, TODAY + dt.timedelta(days=7))
    person_merge.merge_persons(staff, visitor.id, double.id)
    assert Handout.get().recipient_id == visitor.id
    assert Reservation.get().person_id == visitor.id
    assert Donation.get().donor_person_id == visitor.id
