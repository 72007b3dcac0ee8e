"""The partner register: adding and changing partners, and what a partner has done with us."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from lumijobi_desktop.core import events, handouts, intake, partners
from lumijobi_desktop.core.events import EventData, EventKind
from lumijobi_desktop.core.handouts import BasketLine
from lumijobi_desktop.core.intake import ItemInput
from lumijobi_desktop.core.inventory import Category
from lumijobi_desktop.core.partners import Partner, PartnerData, PartnerKind
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.events.partners_view import PartnerDialog, PartnersView
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def staff(users):
    return users[Role.STAFF]


@pytest.fixture
def view(qtbot, paths, staff):
    widget = PartnersView(DeskSession(staff, paths))
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def dialogs(monkeypatch):
    """Opened partner dialogs, filled in by `fill` and saved as if Save were clicked."""
    opened: list[PartnerDialog] = []
    fill: list = []

    def run(dialog: PartnerDialog) -> int:
        opened.append(dialog)
        for step in fill:
            step(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PartnerDialog, "exec", run)
    return opened, fill


def shown_names(view: PartnersView) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def add_partner(staff, name: str, **values) -> Partner:
    return partners.save_partner(staff, None, PartnerData(name=name, **values))


def test_a_partner_added_through_the_dialog_is_in_the_table(qtbot, view, dialogs):
    opened, fill = dialogs

    def fill_in(dialog):
        qtbot.keyClicks(dialog.name, "Lumijoen Kylayhdistys")
        dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.ASSOCIATION.value))
        qtbot.keyClicks(dialog.contact_person, "Sari Niemi")
        qtbot.keyClicks(dialog.phone, "040 555 1234")
        qtbot.keyClicks(dialog.email, "sari@kylayhdistys.fi")
        dialog.notes.setPlainText("Kesäjuhlat yhdessä")

    fill.append(fill_in)
    qtbot.mouseClick(view.new_button, Qt.LeftButton)
    assert opened[0].result() == PartnerDialog.Accepted
    assert shown_names(view) == ["Lumijoen Kylayhdistys"]
    partner = Partner.get()
    assert (partner.contact_person, partner.phone, partner.email) == (
        "Sari Niemi",
        "040 555 1234",
        "sari@kylayhdistys.fi",
    )
    # The new partner is chosen: its details show below the table.
    assert view.selected_id() == partner.id
    assert "Sari Niemi" in view.detail.facts_text()
    assert view.detail.notes.text() == "Kesäjuhlat yhdessä"


def test_a_bad_email_is_explained_and_nothing_is_stored(qtbot, view, dialogs):
    opened, fill = dialogs

    def fill_in(dialog):
        qtbot.keyClicks(dialog.name, "Lumijoen koulu")
        qtbot.keyClicks(dialog.email, "rehtori at koulu")

    fill.append(fill_in)
    qtbot.mouseClick(view.new_button, Qt.LeftButton)
    dialog = opened[0]
    assert dialog.result() != PartnerDialog.Accepted  # stays open for a fix
    assert dialog.error.isVisibleTo(dialog)
    assert "email address" in dialog.error.text()
    assert Partner.select().count() == 0
    assert shown_names(view) == []
    # Fixed, it saves.
    dialog.email.setText("rehtori@lumijoki.fi")
    dialog.save()
    assert dialog.result() == PartnerDialog.Accepted
    assert Partner.get().email == "rehtori@lumijoki.fi"


def test_a_second_partner_of_the_same_name_is_refused(qtbot, view, staff, dialogs):
    add_partner(staff, "Lumijoen Martat")
    view.refresh()
    opened, fill = dialogs
    fill.append(lambda dialog: qtbot.keyClicks(dialog.name, "lumijoen martat "))
    qtbot.mouseClick(view.new_button, Qt.LeftButton)
    assert opened[0].result() != PartnerDialog.Accepted
    assert "already in the register" in opened[0].error.text()
    assert Partner.select().count() == 1


def test_editing_changes_the_partner_and_inactive_ones_hide(qtbot, view, staff, dialogs):
    martat = add_partner(staff, "Lumijoen Martat", kind=PartnerKind.ASSOCIATION.value)
    add_partner(staff, "Lumijoen koulu", kind=PartnerKind.SCHOOL.value)
    view.refresh()
    view.select_partner(martat.id)
    opened, fill = dialogs

    def change(dialog):
        assert dialog.name.text() == "Lumijoen Martat"
        dialog.phone.setText("044 123 4567")
        dialog.active.setChecked(False)

    fill.append(change)
    qtbot.mouseClick(view.edit_button, Qt.LeftButton)
    assert opened[0].windowTitle() == "Edit partner"
    assert Partner.get_by_id(martat.id).phone == "044 123 4567"
    assert shown_names(view) == ["Lumijoen koulu"]
    view.show_inactive.setChecked(True)
    assert shown_names(view) == ["Lumijoen koulu", "Lumijoen Martat (not active)"]


def test_typing_in_the_search_filters_by_name(qtbot, view, staff):
    for name in ("Lumijoen 4H-yhdistys", "Lumijoen koulu", "K-Market Lumijoki", "Oulun SPR"):
        add_partner(staff, name)
    view.refresh()
    qtbot.keyClicks(view.search, "lumijo")
    assert len(shown_names(view)) == 3
    qtbot.keyClicks(view.search, "en k")
    assert shown_names(view) == ["Lumijoen koulu"]
    # One match left: it is chosen, so its details show at once.
    assert view.detail.name.text() == "Lumijoen koulu"
    view.search.clear()
    assert len(shown_names(view)) == 4


def test_the_detail_shows_the_partners_events_and_donations(qtbot, qtmodeltester, view, staff):
    school = add_partner(
        staff, "Lumijoen koulu", kind=PartnerKind.SCHOOL.value, contact_person="Rehtori Aho"
    )
    other = add_partner(staff, "Lumijoen seurakunta", kind=PartnerKind.PARISH.value)
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=10), dt.time(13))
    party = events.create_event(
        staff,
        EventData(
            title="Joulujuhla",
            kind=EventKind.COMMUNITY.value,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            partner_ids=[school.id, other.id],
        ),
    )
    events.create_event(
        staff,
        EventData(
            title="Kirkkokonsertti",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            partner_ids=[other.id],
        ),
    )
    books = Category.get(Category.key == "books").id
    _donation, items = intake.receive_donation(
        staff,
        [ItemInput(books, "Lastenkirjoja", quantity=12), ItemInput(books, "Sanakirja")],
        donor_partner_id=school.id,
        note="Löytötavarat",
    )
    # What was given stays counted after it has been handed out.
    handouts.hand_out(staff, [BasketLine(items[1].id)], target_group="older_person")
    view.refresh()
    assert view.model.index(0, 5).data() == "1"  # events
    assert view.model.index(0, 6).data() == "1"  # donations
    view.select_partner(school.id)
    detail = view.detail
    assert "Rehtori Aho" in detail.facts_text() and "School" in detail.facts_text()
    assert detail.events.rowCount() == 1
    assert detail.events.index(0, 1).data() == "Joulujuhla"
    assert detail.donations.rowCount() == 1
    assert detail.donations.index(0, 1).data() == "13"
    assert detail.donations.index(0, 2).data() == "Löytötavarat"

    for model in (view.model, detail.events, detail.donations):
        qtmodeltester.check(model)

    opened = []
    view.event_requested.connect(opened.append)
    table = detail.event_table
    rect = table.visualRect(detail.events.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert opened == [party.id]


def test_a_volunteer_sees_the_register_but_cannot_change_it(qtbot, paths, volunteer, staff):
    add_partner(staff, "Lumijoen koulu")
    widget = PartnersView(DeskSession(volunteer, paths))
    qtbot.addWidget(widget)
    widget.show()
    assert shown_names(widget) == ["Lumijoen koulu"]
    assert not widget.new_button.isVisible()
    assert not widget.edit_button.isVisible()
    widget.table.selectRow(0)
    widget.edit_partner()  # double-click or Enter on a row does nothing for them
    assert widget.detail.name.text() == "Lumijoen koulu"
