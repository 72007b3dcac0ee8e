"""At the door: ticking names, card scans, walk-ins and the headcount of a coffee meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from lumijobi_desktop.core import events, registrations, tallies, visits
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.events import EventData
from lumijobi_desktop.core.registrations import Registration
from lumijobi_desktop.core.tallies import Counts
from lumijobi_desktop.ui.events import door_view
from lumijobi_desktop.ui.events.event_detail import EventDetailView
from lumijobi_desktop.ui.events.signup_dialog import ANONYMOUS, WalkInDialog
from lumijobi_desktop.ui.session import DeskSession


def event_now(admin, kind="community", signup_required=True, title="Lasten joulupaja"):
    """An event going on right now, so ticking counts as today's visit."""
    start = now() - dt.timedelta(minutes=1)
    data = EventData(
        title=title,
        kind=kind,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        signup_required=signup_required,
    )
    return events.create_event(admin, data)


@pytest.fixture
def detail_of(qtbot, paths, volunteer):
    built = []  # qtbot holds widgets weakly: keep them alive for the test

    def build(event_id: int) -> EventDetailView:
        view = EventDetailView(DeskSession(volunteer, paths), event_id)
        qtbot.addWidget(view)
        built.append(view)
        view.show()
        view.show_tab("door")
        return view

    return build


@pytest.fixture
def walking_in(monkeypatch):
    """Opened walk-in dialogs run `fill` and are saved as if the button were clicked."""
    opened: list[WalkInDialog] = []

    def run(dialog: WalkInDialog) -> int:
        opened.append(dialog)
        run.fill(dialog)
        dialog.save()
        return dialog.result()

    run.fill = lambda dialog: None
    run.opened = opened
    monkeypatch.setattr(WalkInDialog, "exec", run)
    return run


def click_tick(qtbot, door, row: int) -> None:
    table = door.table
    rect = table.visualRect(door.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def today_purposes(user) -> list[tuple[str, str]]:
    return [(v.person_name, v.purpose) for v in visits.visits_on(user, dt.date.today())]


def test_ticking_a_name_records_the_visit_and_unticking_takes_it_back(
    qtbot, admin, some_persons, detail_of
):
    event = event_now(admin)
    registration = registrations.sign_up(admin, event.id, some_persons["Virtanen"].id)
    view = detail_of(event.id)
    door = view.door
    assert door.model.index(0, 0).data(Qt.CheckStateRole) == Qt.Unchecked

    click_tick(qtbot, door, 0)
    assert Registration.get_by_id(registration.id).attended
    assert today_purposes(admin) == [("Pekka Virtanen", "event")]
    assert door.confirmation.text() == "✓ Pekka Virtanen – present"
    assert door.model.index(0, 0).data(Qt.CheckStateRole) == Qt.Checked
    assert door.total.text() == "Present: 1 (1 adult)"

    click_tick(qtbot, door, 0)  # a slip of the finger: untick, nothing asked
    assert not Registration.get_by_id(registration.id).attended
    assert today_purposes(admin) == []
    click_tick(qtbot, door, 0)
    assert today_purposes(admin) == [("Pekka Virtanen", "event")]


def test_a_coffee_meeting_opens_at_the_door_with_the_headcount_first(
    qtbot, admin, some_persons, paths, volunteer, walking_in
):
    event = event_now(admin, kind="coffee", signup_required=False, title="Tiistaikahvit")
    view = EventDetailView(DeskSession(volunteer, paths), event.id)
    qtbot.addWidget(view)
    view.show()
    assert view.current_tab() == "door"
    columns = view.door.layout()
    assert columns.itemAt(0).widget() is view.door.tally

    def melnyk(dialog: WalkInDialog) -> None:
        dialog.chooser.search.setText("melnyk")

    walking_in.fill = melnyk
    qtbot.mouseClick(view.door.walk_in_button, Qt.LeftButton)
    assert today_purposes(admin) == [("Oksana Melnyk", "coffee")]
    assert "Oksana Melnyk – present" in view.door.confirmation.text()


def test_a_card_scanned_while_the_door_shows_ticks_the_person(qtbot, admin, some_persons, window):
    event = event_now(admin)
    registrations.sign_up(admin, event.id, some_persons["Melnyk"].id)
    window.open_event(event.id, tab="door")
    view = window.findChildren(EventDetailView)[-1]
    assert view.door_showing()

    window.handle_scan(some_persons["Melnyk"].card_code)
    assert Registration.get().attended
    assert view.door.confirmation.text() == "✓ Oksana Melnyk – present"
    assert window.stack.currentWidget() is window.views["events"]  # not sent to the desk

    window.handle_scan(some_persons["Virtanen"].card_code)  # not signed up: a walk-in
    walk_in = Registration.get(Registration.person == some_persons["Virtanen"].id)
    assert walk_in.walk_in and walk_in.attended
    assert view.door.confirmation.text() == "✓ Pekka Virtanen – present (walk-in)"

    view.show_tab("signups")  # elsewhere a card goes to the desk, as before
    window.handle_scan(some_persons["Mäkinen"].card_code)
    assert window.stack.currentWidget() is window.desk()
    assert window.desk().panel.person == some_persons["Mäkinen"]


def test_a_card_typed_into_the_door_field_and_a_typed_name(qtbot, admin, some_persons, detail_of):
    event = event_now(admin)
    registrations.sign_up(admin, event.id, some_persons["Virtanen"].id)
    registrations.sign_up(admin, event.id, some_persons["Melnyk"].id)
    door = detail_of(event.id).door

    qtbot.keyClicks(door.scan, some_persons["Melnyk"].card_code)
    qtbot.keyClick(door.scan, Qt.Key_Return)
    assert door.confirmation.text() == "✓ Oksana Melnyk – present"
    assert door.scan.text() == ""

    qtbot.keyClicks(door.scan, "virt")
    assert door.model.rowCount() == 1  # the list narrows to the name typed
    qtbot.keyClick(door.scan, Qt.Key_Return)
    assert door.confirmation.text() == "✓ Pekka Virtanen – present"
    assert all(r.attended for r in Registration.select())
    assert door.model.rowCount() == 2


def test_an_anonymous_walk_in_of_two_adults_and_a_child_counts_three(
    qtbot, admin, detail_of, walking_in
):
    event = event_now(admin)
    door = detail_of(event.id).door

    def family(dialog: WalkInDialog) -> None:
        dialog.chooser.set_mode(ANONYMOUS)
        dialog.adults.setValue(2)
        dialog.children.setValue(1)

    walking_in.fill = family
    qtbot.mouseClick(door.walk_in_button, Qt.LeftButton)
    assert door.total.text() == "Present: 3 (2 adults, 1 child)"
    assert door.model.index(0, 1).data() == "Not registered"
    registration = Registration.get()
    assert registration.person_id is None and registration.walk_in


def test_an_empty_party_is_refused_and_nothing_is_saved(qtbot, admin, detail_of, walking_in):
    event = event_now(admin)
    door = detail_of(event.id).door

    def nobody(dialog: WalkInDialog) -> None:
        dialog.chooser.set_mode(ANONYMOUS)
        dialog.adults.setValue(0)
        dialog.children.setValue(0)

    walking_in.fill = nobody
    qtbot.mouseClick(door.walk_in_button, Qt.LeftButton)
    assert walking_in.opened[-1].error.text() == "A sign-up is for at least one person."
    assert Registration.select().count() == 0
    assert door.total.text() == "Present: 0 (0 adults)"


def test_removing_a_walk_in_added_by_mistake(qtbot, admin, some_persons, detail_of, monkeypatch):
    event = event_now(admin)
    registrations.add_walk_in(admin, event.id, some_persons["Virtanen"].id)
    door = detail_of(event.id).door
    door.table.selectRow(0)
    monkeypatch.setattr(door_view, "confirm", lambda *args: True)
    qtbot.mouseClick(door.remove_button, Qt.LeftButton)
    assert Registration.select().count() == 0
    assert today_purposes(admin) == []


def test_the_tally_buttons_save_at_once(qtbot, admin, detail_of):
    event = event_now(admin, kind="coffee", signup_required=False, title="Tiistaikahvit")
    tally = detail_of(event.id).door.tally
    for _click in range(3):
        qtbot.mouseClick(tally.plus["adults"], Qt.LeftButton)
    qtbot.mouseClick(tally.plus["children"], Qt.LeftButton)
    qtbot.mouseClick(tally.plus["ukrainian_speaking"], Qt.LeftButton)
    qtbot.mouseClick(tally.plus["finnish_speaking"], Qt.LeftButton)
    qtbot.mouseClick(tally.minus["adults"], Qt.LeftButton)
    assert tallies.counts_of(admin, event.id) == Counts(
        adults=2, children=1, ukrainian_speaking=1, finnish_speaking=1
    )
    assert tally.numbers["adults"].value() == 2
    assert tally.total.text() == "Counted: 3 people"

    tally.numbers["children"].setValue(5)  # typing a number works too
    tally.numbers["children"].editingFinished.emit()
    assert tallies.counts_of(admin, event.id).children == 5


def test_tally_problems_show_inline_and_change_nothing(qtbot, admin, detail_of):
    event = event_now(admin, kind="coffee", signup_required=False, title="Tiistaikahvit")
    tally = detail_of(event.id).door.tally
    qtbot.mouseClick(tally.minus["children"], Qt.LeftButton)
    assert tally.error.text() == "A headcount cannot be negative."
    assert tallies.counts_of(admin, event.id) == Counts()

    qtbot.mouseClick(tally.plus["adults"], Qt.LeftButton)
    assert not tally.error.isVisible()
    tally.numbers["other_language"].setValue(4)
    tally.numbers["other_language"].editingFinished.emit()
    assert "More people are counted by language (4) than came (1)" in tally.error.text()
    assert tallies.counts_of(admin, event.id) == Counts(adults=1)
    assert tally.numbers["other_language"].value() == 0  # back to what is stored
