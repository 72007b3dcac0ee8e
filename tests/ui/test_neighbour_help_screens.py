"""Neighbour help at the desk: the board, recording requests, suggested helpers, done, cards."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from tests.core.volunteer_fixtures import make_person, make_volunteer
from tests.pdf_reading import page_texts

from lumijobi_desktop.core import neighbour_help, volunteers
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.neighbour_help import HelpRequest, HelpRequestData, HelpStatus
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import VolunteerHours
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.help_offer_dialog import HelpOfferDialog
from lumijobi_desktop.ui.volunteers.help_request_dialog import HelpRequestDialog
from lumijobi_desktop.ui.volunteers.help_view import (
    BoardModel,
    DoneDialog,
    NeighbourHelpView,
    TaskCardDialog,
)


@pytest.fixture
def staff(users):
    return users[Role.STAFF]


@pytest.fixture
def view_for(qtbot, paths):
    def build(user) -> NeighbourHelpView:
        view = NeighbourHelpView(DeskSession(user, paths))
        qtbot.addWidget(view)
        view.resize(1280, 760)
        view.show()
        qtbot.waitExposed(view)
        return view

    return build


def ask(actor, person, kind, urgency="soon", needed_on=None, share=False, **data):
    return neighbour_help.save_help_request(
        actor,
        None,
        person.id,
        HelpRequestData(
            kind=kind,
            urgency=urgency,
            needed_on=needed_on,
            share_consent=share,
            place="Ratakatu 5",
            description="Apua tarvitaan",
            **data,
        ),
    )


def shown_kinds(view: NeighbourHelpView) -> list[str]:
    return [row.kind for row in view.board.rows()]


def choose(view: NeighbourHelpView, request_id: int) -> None:
    view._select(request_id)
    assert view.current_row().id == request_id


def suggestion_texts(view: NeighbourHelpView) -> list[str]:
    listed = view.suggestions.list
    return [listed.item(row).text() for row in range(listed.count())]


def answer_check_question(monkeypatch, answer: str) -> list[str]:
    """Stand in for the check question: remember its text, click the button named `answer`."""
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == answer]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def test_the_board_shows_the_urgent_first_then_by_date(admin, view_for):
    today = now().date()
    aino = make_person(admin, "Aino Mäkinen", phone="040 123 4567")
    ask(admin, aino, "shopping", "anytime")
    ask(admin, aino, "snow", "urgent", today + dt.timedelta(days=5))
    ride = ask(admin, aino, "ride", "urgent", today + dt.timedelta(days=1))
    ask(admin, aino, "letter", "soon")
    view = view_for(admin)
    assert shown_kinds(view) == ["ride", "snow", "letter", "shopping"]
    board = view.board
    first = [board.data(board.index(0, column)) for column in range(board.columnCount())]
    assert first[:3] == ["A ride", "Aino Mäkinen", "040 123 4567"]
    assert first[5:7] == ["Urgent", "Open"]
    urgency = board.index(0, BoardModel.URGENCY_COLUMN)
    assert board.data(urgency, Qt.ForegroundRole).color().name() == "#b00020"
    assert board.data(board.index(3, BoardModel.URGENCY_COLUMN), Qt.ForegroundRole) is None
    assert view.current_row().id == ride.id  # the most urgent is shown at once
    assert view.details.title.text() == "A ride for Aino Mäkinen"
    assert view.count.text() == "4 open requests"


def test_the_board_model_is_valid(qtmodeltester, admin, view_for):
    ask(admin, make_person(admin, "Aino Mäkinen"), "snow", "urgent")
    view = view_for(admin)
    qtmodeltester.check(view.board)
    qtmodeltester.check(view.offers)


def test_recording_a_request_through_the_dialog(qtbot, volunteer, admin, view_for, monkeypatch):
    olena = make_person(admin, "Olena Koval", ("uk",), village="Varjakka", phone="050 765 4321")
    view = view_for(volunteer)  # the desk records requests
    monkeypatch.setattr(
        PersonPickerDialog, "exec", lambda picker: picker.search.setText("koval") or True
    )
    seen = {}

    def fill(dialog: HelpRequestDialog) -> int:
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        seen["no person"] = dialog.error.text()
        qtbot.mouseClick(dialog.choose_button, Qt.LeftButton)
        assert dialog.person_name.text() == "Olena Koval"
        assert dialog.village.text() == "Varjakka"  # her home village unless told otherwise
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        seen["no kind"] = dialog.error.text()
        dialog.kind.setCurrentIndex(dialog.kind.findData("childcare"))
        dialog.urgency_buttons["urgent"].setChecked(True)
        dialog.on_day.setChecked(True)
        dialog.times.boxes["1a"].setChecked(True)
        dialog.place.setText("Ratakatu 5 B 12")
        dialog.description.setPlainText("Два дитини на дві години")
        dialog.consent.box.setChecked(True)
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        return dialog.result()

    monkeypatch.setattr(HelpRequestDialog, "exec", fill)
    qtbot.mouseClick(view.new_button, Qt.LeftButton)

    assert seen["no person"] == "Choose who needs help."
    assert seen["no kind"] == "Choose what kind of help is needed."
    request = HelpRequest.get()
    assert (request.person_id, request.kind, request.urgency, request.times) == (
        olena.id,
        "childcare",
        "urgent",
        "1a",
    )
    assert (request.needed_on, request.place, request.village) == (
        now().date(),
        "Ratakatu 5 B 12",
        "Varjakka",
    )
    assert request.share_consent and request.description == "Два дитини на дві години"
    assert shown_kinds(view) == ["childcare"] and view.current_row().id == request.id
    assert view.message.text() == "Request recorded: Childcare for Olena Koval."
    # the desk sees the suggestions but staff assign
    assert not view.suggestions.assign_button.isVisible()
    assert view.suggestions.staff_note.isVisible()
    assert not view.done_button.isVisible()


def test_suggested_helpers_are_shown_with_their_reasons(admin, view_for):
    aino = make_person(admin, "Aino Mäkinen", village="Varjakka")
    driver = make_volunteer(admin, "Pekka Driver", village="Varjakka", skills=["driving"])
    gardener = make_volunteer(admin, "Liisa Garden", skills=["garden_snow"])
    neighbour_help.save_offer(admin, None, driver.id, ["ride", "shopping"], ["0m"])
    neighbour_help.save_offer(admin, None, gardener.id, ["snow"], [])
    ride = ask(admin, aino, "ride", "urgent")
    letter = ask(admin, aino, "letter")
    view = view_for(admin)
    choose(view, ride.id)
    assert suggestion_texts(view) == [
        "Pekka Driver\noffers this kind of help · has the skill for it · same village: Varjakka"
    ]
    assert not view.suggestions.warning.isVisible()
    choose(view, letter.id)
    assert suggestion_texts(view) == []
    assert view.suggestions.empty.isVisible()
    assert "Nobody offers this kind of help yet" in view.suggestions.empty.text()


def test_childcare_for_an_unchecked_volunteer_is_assigned_only_when_confirmed(
    staff, admin, view_for, monkeypatch
):
    family = make_person(admin, "Olena Koval", ("uk",))
    helper = make_volunteer(admin, "Pekka Virtanen", skills=["childcare"])
    neighbour_help.save_offer(admin, None, helper.id, ["childcare"], [])
    task = ask(admin, family, "childcare", "urgent")
    view = view_for(staff)
    choose(view, task.id)
    [text] = suggestion_texts(view)
    assert "⚠ No valid criminal record check for work with children." in text
    assert view.suggestions.warning.isVisible()
    assert "Pekka Virtanen: No valid criminal record check" in view.suggestions.warning.text()

    asked = answer_check_question(monkeypatch, "No, choose someone else")
    view.suggestions.assign_button.click()
    assert "criminal record" in asked[0] and "Pekka Virtanen" in asked[0]
    assert neighbour_help.get_help_request(staff, task.id).status == HelpStatus.OPEN

    answer_check_question(monkeypatch, "Yes, give the task")
    view.suggestions.assign_button.click()
    assigned = neighbour_help.get_help_request(staff, task.id)
    assert (assigned.status, assigned.volunteer_id, assigned.check_override) == (
        HelpStatus.ASSIGNED,
        helper.id,
        True,
    )
    assert view.current_row().volunteer_name == "Pekka Virtanen"
    assert "Assigned without a valid criminal record check." in (
        view.details.values["helper"].text()
    )
    assert view.message.text().startswith("Helper for Olena Koval (Childcare): Pekka Virtanen.")
    assert view.suggestions.title.text() == "Another helper, if needed"
    assert suggestion_texts(view) == []  # not the helper already found


def test_a_checked_volunteer_is_assigned_without_a_question(staff, admin, view_for):
    family = make_person(admin, "Olena Koval", ("uk",))
    helper = make_volunteer(admin, "Liisa Checked")
    volunteers.record_check(admin, helper.id, now().date() - dt.timedelta(days=30))
    neighbour_help.save_offer(admin, None, helper.id, ["childcare"], [])
    task = ask(admin, family, "childcare")
    view = view_for(staff)
    choose(view, task.id)
    view.suggestions.assign_button.click()  # a question would fail the test
    assert not neighbour_help.get_help_request(staff, task.id).check_override


def test_done_logs_the_helpers_hours(qtbot, staff, admin, view_for, monkeypatch):
    aino = make_person(admin, "Aino Mäkinen")
    helper = make_volunteer(admin, "Pekka Virtanen")
    task = ask(admin, aino, "snow", "urgent")
    neighbour_help.assign_helper(admin, task.id, helper.id)
    view = view_for(staff)
    choose(view, task.id)
    assert view.done_button.isEnabled()
    errors = []

    def fill(dialog: DoneDialog) -> int:
        dialog.hours.setText("30")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        errors.append(dialog.error.text())
        dialog.hours.setText("1,5")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DoneDialog, "exec", fill)
    qtbot.mouseClick(view.done_button, Qt.LeftButton)
    assert errors == ["Give the hours: more than 0 and at most 24."]
    [hours] = VolunteerHours.select()
    assert (hours.volunteer_id, hours.day, hours.minutes, hours.activity) == (
        helper.id,
        now().date(),
        90,
        "neighbour",
    )
    assert shown_kinds(view) == []  # off the board
    assert view.message.text() == "Done: Snow work for Aino Mäkinen. Thank you, Pekka Virtanen!"
    view.show_history.setChecked(True)
    assert [(row.kind, row.status) for row in view.board.rows()] == [("snow", "done")]


def test_the_task_card_is_refused_without_consent(admin, view_for, monkeypatch):
    aino = make_person(admin, "Aino Mäkinen")
    helper = make_volunteer(admin, "Pekka Virtanen")
    task = ask(admin, aino, "repair")
    neighbour_help.assign_helper(admin, task.id, helper.id)
    view = view_for(admin)
    choose(view, task.id)
    assert "has not agreed" in view.details.values["card"].text()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    view.card_button.click()  # a paper or file dialog would fail the test
    assert warnings == ["The person asking has not agreed that their details are given on a card."]


def test_the_task_card_is_saved_with_consent(admin, view_for, monkeypatch, tmp_path):
    aino = make_person(admin, "Aino Mäkinen", phone="040 123 4567")
    helper = make_volunteer(admin, "Pekka Virtanen")
    task = ask(admin, aino, "repair", share=True)
    neighbour_help.assign_helper(admin, task.id, helper.id)
    view = view_for(admin)
    choose(view, task.id)
    target = tmp_path / "kortti.pdf"
    monkeypatch.setattr(TaskCardDialog, "exec", lambda _dialog: TaskCardDialog.SAVE)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(target), "PDF files (*.pdf)")
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    view.card_button.click()
    [text] = page_texts(target)
    assert "Small repairs" in text and "040 123 4567" in text and "Pekka Virtanen" in text


def test_offers_are_recorded_and_changed(qtbot, volunteer, admin, view_for, monkeypatch):
    pekka = make_volunteer(admin, "Pekka Virtanen", village="Varjakka")
    view = view_for(volunteer)
    view.tabs.setCurrentIndex(1)

    def new_offer(dialog: HelpOfferDialog) -> int:
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        assert dialog.error.text() == "Choose the volunteer from the list."
        dialog.volunteer.setCurrentText("Pekka Virtanen (Varjakka)")
        dialog.kinds["snow"].setChecked(True)
        dialog.kinds["ride"].setChecked(True)
        dialog.times.boxes["5m"].setChecked(True)
        dialog.note.setText("Traktori")
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        return dialog.result()

    monkeypatch.setattr(HelpOfferDialog, "exec", new_offer)
    qtbot.mouseClick(view.new_offer_button, Qt.LeftButton)
    [offer] = neighbour_help.offer_rows(admin)
    assert (offer.volunteer_id, offer.kinds, offer.times, offer.note, offer.active) == (
        pekka.id,
        ["ride", "snow"],
        ["5m"],
        "Traktori",
        True,
    )
    offers = view.offers
    row = [offers.data(offers.index(0, column)) for column in range(offers.columnCount())]
    assert row[0] == "Pekka Virtanen" and row[2] == "A ride, Snow work" and row[5] == "Yes"

    def pause(dialog: HelpOfferDialog) -> int:
        assert dialog.kinds["snow"].isChecked() and dialog.times.boxes["5m"].isChecked()
        dialog.active.setChecked(False)
        qtbot.mouseClick(dialog.save_button(), Qt.LeftButton)
        return dialog.result()

    monkeypatch.setattr(HelpOfferDialog, "exec", pause)
    view.offers_table.selectRow(0)
    qtbot.mouseClick(view.edit_offer_button, Qt.LeftButton)
    assert not neighbour_help.offer_rows(admin)[0].active
    assert neighbour_help.offer_rows(admin, active_only=True) == []
