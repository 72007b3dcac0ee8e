"""An event's sign-ups: the waiting list, cancelling, quick add, and the desk's call list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from lumijobi_desktop.core import events, people, registrations
from lumijobi_desktop.core.events import EventData
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.core.registrations import Registration
from lumijobi_desktop.ui.events import signups_view
from lumijobi_desktop.ui.events.event_detail import EventDetailView
from lumijobi_desktop.ui.events.signup_dialog import NEW, ChangePartyDialog, SignUpDialog
from lumijobi_desktop.ui.session import DeskSession


def make_event(admin, capacity=None, title="Lasten joulupaja", **extra):
    day = dt.date.today() + dt.timedelta(days=2)
    data = EventData(
        title=title,
        kind="community",
        starts_at=dt.datetime.combine(day, dt.time(17)),
        ends_at=dt.datetime.combine(day, dt.time(19)),
        capacity=capacity,
        signup_required=True,
        **extra,
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
        return view

    return build


@pytest.fixture
def signing_up(monkeypatch):
    """Opened sign-up dialogs run `fill` and are saved as if "Sign up" were clicked."""
    opened: list[SignUpDialog] = []
    seen_before_saving: list[str] = []

    def run(dialog: SignUpDialog) -> int:
        opened.append(dialog)
        fill = run.fill
        fill(dialog)
        seen_before_saving.append(dialog.info.text())
        dialog.save()
        return dialog.result()

    run.fill = lambda dialog: None
    monkeypatch.setattr(SignUpDialog, "exec", run)
    run.opened = opened
    run.info = seen_before_saving
    return run


def choose(search: str, adults: int = 1, children: int = 0):
    def fill(dialog: SignUpDialog) -> None:
        dialog.chooser.search.setText(search)
        dialog.adults.setValue(adults)
        dialog.children.setValue(children)

    return fill


def test_signing_up_until_full_puts_the_next_on_the_waiting_list(
    qtbot, admin, some_persons, detail_of, signing_up
):
    event = make_event(admin, capacity=3)
    view = detail_of(event.id)
    tab = view.signups
    assert view.tabs.currentWidget() is tab  # a sign-up event opens at its sign-ups

    signing_up.fill = choose("virt", adults=2)
    qtbot.mouseClick(tab.sign_up_button, Qt.LeftButton)
    signing_up.fill = choose("melnyk")
    qtbot.mouseClick(tab.sign_up_button, Qt.LeftButton)
    assert "Oksana Melnyk is signed up" in tab.result.text()
    assert "3 / 3 places taken" in view.header.places.text()

    signing_up.fill = choose("mäkinen", adults=1, children=1)
    qtbot.mouseClick(tab.sign_up_button, Qt.LeftButton)
    assert signing_up.info[-1] == (
        "The event is full: 2 people will go on the waiting list (place 1)."
    )
    assert "waiting list, place 1" in tab.result.text()
    assert tab.waiting_table.isVisible()
    waiting = tab.waiting_model
    assert waiting.rowCount() == 1
    assert waiting.index(0, 0).data() == "1."
    assert waiting.index(0, 1).data() == "Aino Mäkinen"
    assert [tab.places_model.index(r, 1).data() for r in range(2)] == [
        "Pekka Virtanen",
        "Oksana Melnyk",
    ]
    assert "2 on the waiting list" in view.header.places.text()


def test_cancelling_offers_the_place_and_the_desk_asks_to_call(
    qtbot, admin, some_persons, window, monkeypatch
):
    user = window.session.user
    event = make_event(admin, capacity=2)
    first = registrations.sign_up(admin, event.id, some_persons["Virtanen"].id, adults=2)
    people.update_person(
        admin,
        some_persons["Mäkinen"].id,
        PersonData(first_name="Aino", last_name="Mäkinen", phone="040 123 4567", consent=True),
    )
    waiting = registrations.sign_up(admin, event.id, some_persons["Mäkinen"].id)
    assert waiting.status == "waiting"
    window.show_area("desk")
    assert not window.desk().call_list.isVisible()

    window.open_event(event.id, tab="signups")
    view = window.findChildren(EventDetailView)[-1]
    tab = view.signups
    tab.select_registration(first.id)
    monkeypatch.setattr(signups_view, "confirm", lambda *args: True)
    qtbot.mouseClick(tab.cancel_button, Qt.LeftButton)
    assert "Place offered to Aino Mäkinen – call 040 123 4567" in tab.result.text()
    assert tab.places_model.index(0, 6).data() == "Place offered – call!"
    assert not tab.waiting_table.isVisible()

    window.show_area("desk")
    calls = window.desk().call_list
    assert calls.isVisible()
    assert list(calls.buttons) == [waiting.id]
    qtbot.mouseClick(calls.buttons[waiting.id], Qt.LeftButton)
    assert registrations.places_to_call(user) == []
    assert not calls.isVisible()


def test_called_in_the_sign_ups_tab_clears_the_badge(qtbot, admin, some_persons, detail_of):
    event = make_event(admin, capacity=1)
    first = registrations.sign_up(admin, event.id, some_persons["Virtanen"].id)
    second = registrations.sign_up(admin, event.id, some_persons["Melnyk"].id)
    registrations.cancel_registration(admin, first.id)
    view = detail_of(event.id)
    tab = view.signups
    tab.select_registration(second.id)
    assert tab.called_button.isEnabled()
    qtbot.mouseClick(tab.called_button, Qt.LeftButton)
    assert Registration.get_by_id(second.id).called_at is not None
    assert tab.places_model.index(0, 6).data() == "Place offered – called ✓"
    assert not tab.called_button.isEnabled()


def test_quick_add_registers_the_person_and_signs_them_up(qtbot, admin, detail_of, signing_up):
    event = make_event(admin, capacity=10)
    view = detail_of(event.id)

    def quick_add(consent: bool):
        def fill(dialog: SignUpDialog) -> None:
            dialog.chooser.set_mode(NEW)
            dialog.chooser.first_name.setText("Olena")
            dialog.chooser.last_name.setText("Kovalenko")
            dialog.chooser.phone.setText("040 555 1234")
            dialog.chooser.consent.setChecked(consent)
            dialog.adults.setValue(1)
            dialog.children.setValue(2)

        return fill

    signing_up.fill = quick_add(consent=False)
    qtbot.mouseClick(view.signups.sign_up_button, Qt.LeftButton)
    refused = signing_up.opened[-1]
    assert "consent" in refused.error.text()
    assert Person.select().count() == 0 and Registration.select().count() == 0

    signing_up.fill = quick_add(consent=True)
    qtbot.mouseClick(view.signups.sign_up_button, Qt.LeftButton)
    person = Person.get()
    assert (person.full_name, person.phone) == ("Olena Kovalenko", "040 555 1234")
    registration = Registration.get()
    assert (registration.person_id, registration.adults, registration.children) == (
        person.id,
        1,
        2,
    )
    assert "Olena Kovalenko is signed up (1 adult, 2 children)" in view.signups.result.text()
    assert view.signups.places_model.index(0, 1).data() == "Olena Kovalenko"


def test_a_card_typed_into_the_sign_up_search_finds_the_person(
    qtbot, admin, some_persons, detail_of, signing_up
):
    event = make_event(admin)
    view = detail_of(event.id)
    signing_up.fill = choose(some_persons["Melnyk"].card_code.lower())
    qtbot.mouseClick(view.signups.sign_up_button, Qt.LeftButton)
    assert Registration.get().person_id == some_persons["Melnyk"].id


def test_a_sign_up_to_a_cancelled_event_shows_why_and_saves_nothing(
    qtbot, admin, some_persons, detail_of, signing_up
):
    event = make_event(admin, capacity=5)
    events.cancel_event(admin, event.id, "Ohjaaja sairastui")
    view = detail_of(event.id)
    assert view.header.cancelled.isVisible()
    assert "Ohjaaja sairastui" in view.header.cancelled.text()
    signing_up.fill = choose("virt")
    qtbot.mouseClick(view.signups.sign_up_button, Qt.LeftButton)
    dialog = signing_up.opened[-1]
    assert dialog.error.text() == "This event has been cancelled: nobody can sign up for it."
    assert dialog.result() != SignUpDialog.Accepted
    assert Registration.select().count() == 0


def test_a_smaller_party_frees_places_for_the_waiting_list(
    qtbot, admin, some_persons, detail_of, monkeypatch
):
    event = make_event(admin, capacity=3)
    family = registrations.sign_up(admin, event.id, some_persons["Virtanen"].id, 2, 1)
    registrations.sign_up(admin, event.id, some_persons["Melnyk"].id)
    view = detail_of(event.id)
    tab = view.signups
    tab.select_registration(family.id)

    def run(dialog: ChangePartyDialog) -> int:
        dialog.children.setValue(0)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ChangePartyDialog, "exec", run)
    qtbot.mouseClick(tab.change_button, Qt.LeftButton)
    assert "Place offered to Oksana Melnyk" in tab.result.text()
    assert tab.places_model.rowCount() == 2 and tab.waiting_model.rowCount() == 0


def test_no_name_chosen_says_what_to_do(qtbot, admin, some_persons, detail_of, signing_up):
    event = make_event(admin)
    view = detail_of(event.id)
    signing_up.fill = choose("zzzz")
    qtbot.mouseClick(view.signups.sign_up_button, Qt.LeftButton)
    dialog = signing_up.opened[-1]
    assert "Nobody found" in dialog.chooser.no_match.text()
    assert dialog.error.text() == "Choose a visitor from the list, or add a new visitor."
    assert Registration.select().count() == 0


def test_the_sign_up_sheet_is_saved_with_the_names_so_far(
    qtbot, admin, some_persons, detail_of, monkeypatch, tmp_path
):
    import pypdfium2 as pdfium
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    from lumijobi_desktop.ui.events.event_detail import PaperDialog

    event = make_event(admin, capacity=10)
    registrations.sign_up(admin, event.id, some_persons["Melnyk"].id)
    view = detail_of(event.id)
    target = tmp_path / "sheet.pdf"
    asked = []

    def choose_save(dialog: PaperDialog) -> int:
        asked.append((dialog.second_language(), dialog.blank_rows.value()))
        return PaperDialog.SAVE

    monkeypatch.setattr(PaperDialog, "exec", choose_save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    qtbot.mouseClick(view.sheet_button, Qt.LeftButton)
    assert asked == [("uk", 10)]  # Ukrainian and ten empty rows unless changed
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(target))
    assert "Oksana Melnyk" in text and "Lasten joulupaja" in text
