"""Booking advice at the desk: who, a free time, the topic; refusals shown, nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from tests.core.advice_fixtures import BEFORE, THURSDAY, TUESDAY, at, book, topic_id, usual_hours

from lumijobi_desktop.core import advice, advice_queue, database, people
from lumijobi_desktop.core.advice import AdviceSession
from lumijobi_desktop.core.people import Person, PersonData
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.advice.booking_dialog import BookingDialog, book_advice
from lumijobi_desktop.ui.advice.queue_dialog import QueueDialog
from lumijobi_desktop.ui.events.signup_dialog import NEW
from lumijobi_desktop.ui.persons.person_dialog import SimilarPersonsDialog
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def clock(monkeypatch):
    """The desk's 'now': Wednesday before the first Tuesday with hours."""
    monkeypatch.setattr(database, "now", lambda: BEFORE)
    return BEFORE


@pytest.fixture
def coordinator(users):
    return users[Role.COORDINATOR]


@pytest.fixture
def hours(coordinator, clock):
    usual_hours(coordinator, coordinator)
    return coordinator


@pytest.fixture
def dialog_of(qtbot, paths, volunteer):
    def build(**options) -> BookingDialog:
        dialog = BookingDialog(DeskSession(volunteer, paths), **options)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return build


def shown_times(dialog: BookingDialog) -> list[str]:
    return [dialog.times.item(row).text() for row in range(dialog.times.count())]


def choose_time(dialog: BookingDialog, text: str) -> None:
    [item] = dialog.times.findItems(text, Qt.MatchExactly)
    dialog.times.setCurrentItem(item)


def choose_day(dialog: BookingDialog, day: dt.date) -> None:
    dialog.calendar.setSelectedDate(QDate(day.year, day.month, day.day))


def choose_topic(dialog, key: str) -> None:
    dialog.topic.setCurrentIndex(dialog.topic.findData(topic_id(key)))


def test_booking_from_the_desk_for_the_chosen_visitor(
    qtbot, window, some_persons, hours, monkeypatch
):
    melnyk = some_persons["Melnyk"]
    people.update_person(
        window.session.user,
        melnyk.id,
        PersonData(first_name="Oksana", last_name="Melnyk", languages=["uk"], consent=True),
    )
    book(hours, hours, some_persons["Virtanen"], at(TUESDAY, 10))
    desk = window.desk()
    qtbot.keyClicks(desk.search, "melnyk")
    qtbot.keyClick(desk.search, Qt.Key_Return)
    assert desk.panel.person == melnyk
    assert not desk.panel.advice.isVisible()
    assert desk.book_advice_button.focusPolicy() == Qt.NoFocus  # typing stays in the search

    seen = {}

    def run(dialog: BookingDialog) -> int:
        dialog.show()
        seen["person"] = dialog.person_field.person()
        seen["day"] = dialog.chosen_day()
        seen["times"] = shown_times(dialog)
        seen["language"] = dialog.language.currentData()
        choose_time(dialog, "11:00")
        choose_topic(dialog, "housing")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        seen["done"] = dialog.done_text.text()
        assert dialog.pages.currentWidget() is dialog.done_page
        assert dialog.print_button.isVisible()  # the slip is offered, not forced
        qtbot.mouseClick(dialog.done_button, Qt.LeftButton)
        return dialog.result()

    monkeypatch.setattr(BookingDialog, "exec", run)
    qtbot.mouseClick(desk.book_advice_button, Qt.LeftButton)

    assert seen["person"] == melnyk
    assert seen["day"] == TUESDAY  # the first day with a free time
    assert seen["times"][:3] == ["10:30", "11:00", "11:30"]  # 10:00 is taken
    assert seen["language"] == "uk"  # the visitor's first language
    assert "Oksana Melnyk" in seen["done"] and "11:00–11:30" in seen["done"]
    session = AdviceSession.get(AdviceSession.person == melnyk.id)
    assert (session.starts_at, session.minutes, session.topic_id, session.language) == (
        at(TUESDAY, 11),
        30,
        topic_id("housing"),
        "uk",
    )
    assert session.adviser_id == hours.id
    assert desk.panel.person == melnyk
    assert desk.panel.advice.isVisible()
    assert "11:00–11:30" in desk.panel.advice.text()
    assert "Advice time booked: Oksana Melnyk" in desk.banner.text()


def test_the_desk_shows_the_next_advice_time_and_today_means_advice(
    qtbot, window, some_persons, hours, monkeypatch
):
    virtanen = some_persons["Virtanen"]
    book(hours, hours, virtanen, at(THURSDAY, 13), minutes=60, topic_id=topic_id("work"))
    book(hours, hours, virtanen, at(TUESDAY, 10))
    desk = window.desk()
    desk.choose_person(virtanen)
    text = desk.panel.advice.text()
    assert "10:00–10:30" in text and "1 more" in text
    assert desk.panel.purpose().value != "advice"

    monkeypatch.setattr(database, "now", lambda: at(TUESDAY, 9))
    desk.choose_person(virtanen)
    assert desk.panel.purpose().value == "advice"  # here for today's advice time


def test_a_taken_time_is_refused_with_the_reason_and_nothing_saved(
    qtbot, dialog_of, some_persons, hours
):
    dialog = dialog_of(person_id=some_persons["Mäkinen"].id, starts_at=at(TUESDAY, 10))
    assert dialog.chosen_start() == at(TUESDAY, 10)
    choose_topic(dialog, "kela")
    # Someone else takes the time while the dialog is open.
    book(hours, hours, some_persons["Virtanen"], at(TUESDAY, 10))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.when_error.isVisible()
    assert dialog.when_error.text() == "This time is already booked."
    assert dialog.pages.currentWidget() is dialog.form_page
    assert dialog.booked_session_id is None
    assert AdviceSession.select().count() == 1
    # The taken time is still shown (marked) so the message makes sense; the rest is free.
    assert shown_times(dialog)[:2] == ["10:00", "10:30"]


def test_a_length_that_runs_over_says_what_fits(qtbot, dialog_of, some_persons, hours):
    book(hours, hours, some_persons["Virtanen"], at(TUESDAY, 12))
    dialog = dialog_of(person_id=some_persons["Mäkinen"].id)
    choose_time(dialog, "11:00")
    choose_topic(dialog, "kela")
    dialog.length.setCurrentIndex(dialog.length.findData(90))
    assert "At most 60 minutes fit here." in dialog.when_error.text()
    assert "11:00" in shown_times(dialog)  # kept, though 90 minutes do not fit
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "would run into the next booking at 12:00" in dialog.when_error.text()
    assert AdviceSession.select().count() == 1

    dialog.length.setCurrentIndex(dialog.length.findData(60))
    assert not dialog.when_error.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    session = AdviceSession.get_by_id(dialog.booked_session_id)
    assert (session.starts_at, session.minutes) == (at(TUESDAY, 11), 60)


def test_what_is_missing_is_said_next_to_its_part(qtbot, dialog_of, some_persons, hours):
    dialog = dialog_of()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.when_error.text() == "Choose a free time."
    choose_time(dialog, "10:00")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.what_error.text() == "Choose the topic."
    choose_topic(dialog, "kela")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.who_error.text() == "Choose a visitor from the list, or add a new visitor."
    assert AdviceSession.select().count() == 0


def test_a_day_without_hours_says_so_and_next_free_time_finds_one(
    qtbot, dialog_of, some_persons, hours
):
    dialog = dialog_of(person_id=some_persons["Mäkinen"].id)
    choose_day(dialog, dt.date(2026, 12, 2))  # a Wednesday
    assert dialog.times.count() == 0
    assert "No advice hours on this day" in dialog.day_note.text()
    qtbot.mouseClick(dialog.next_button, Qt.LeftButton)
    assert dialog.chosen_day() == TUESDAY
    assert dialog.chosen_start() == at(TUESDAY, 10)
    assert dialog.times.currentItem().text() == "10:00"


def test_quick_add_books_a_new_visitor_in_one_go(qtbot, dialog_of, some_persons, hours):
    dialog = dialog_of()
    dialog.person_field.chooser.search.setText("Iryna Shevchenko")
    dialog.person_field.chooser.set_mode(NEW)
    chooser = dialog.person_field.chooser
    assert (chooser.first_name.text(), chooser.last_name.text()) == ("Iryna", "Shevchenko")
    chooser.phone.setText("041 222 3333")
    qtbot.mouseClick(dialog.next_button, Qt.LeftButton)
    choose_topic(dialog, "residence")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.who_error.isVisible()  # consent first: nothing registered, nothing booked
    assert Person.select().where(Person.first_name == "Iryna").count() == 0
    chooser.consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    person = Person.get(Person.first_name == "Iryna")
    session = AdviceSession.get_by_id(dialog.booked_session_id)
    assert (session.person_id, session.starts_at) == (person.id, at(TUESDAY, 10))


def test_quick_add_of_someone_registered_offers_the_registered_one(
    qtbot, dialog_of, some_persons, hours, monkeypatch
):
    def choose_existing(similar: SimilarPersonsDialog) -> int:
        similar.list.setCurrentRow(0)
        similar.use_existing.click()
        return similar.result()

    monkeypatch.setattr(SimilarPersonsDialog, "exec", choose_existing)
    dialog = dialog_of()
    chooser = dialog.person_field.chooser
    chooser.set_mode(NEW)
    chooser.first_name.setText("Oksana")
    chooser.last_name.setText("Melnyk")
    chooser.consent.setChecked(True)
    choose_time(dialog, "10:30")
    choose_topic(dialog, "kela")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert Person.select().where(Person.last_name == "Melnyk").count() == 1
    session = AdviceSession.get_by_id(dialog.booked_session_id)
    assert session.person_id == some_persons["Melnyk"].id


def test_a_scanned_card_chooses_the_visitor(qtbot, dialog_of, some_persons, hours):
    dialog = dialog_of()
    aino = some_persons["Mäkinen"]
    assert dialog.accept_scan(aino.card_code.lower())
    assert dialog.person_field.person() == aino


def test_change_mode_moves_a_booking(qtbot, dialog_of, some_persons, hours):
    session = book(hours, hours, some_persons["Virtanen"], at(TUESDAY, 10), language="fi")
    book(hours, hours, some_persons["Melnyk"], at(THURSDAY, 12))
    dialog = dialog_of(session_id=session.id)
    assert dialog.windowTitle() == "Change the advice time"
    assert not dialog.person_field.choosing()  # the person stays
    assert dialog.person_field.name.text() == "Pekka Virtanen"
    assert dialog.times.currentItem().text() == "10:00"
    assert dialog.topic.currentData() == topic_id()
    choose_day(dialog, THURSDAY)
    assert "12:00" not in shown_times(dialog)
    choose_time(dialog, "13:00")
    choose_topic(dialog, "school")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.done_title.text() == "Changed ✓"
    moved = AdviceSession.get_by_id(session.id)
    assert (moved.starts_at, moved.topic_id, moved.person_id) == (
        at(THURSDAY, 13),
        topic_id("school"),
        some_persons["Virtanen"].id,
    )
    assert AdviceSession.select().count() == 2
    assert advice.free_starts(hours.id, TUESDAY, TUESDAY)[0][0] == at(TUESDAY, 10)


def test_nothing_free_for_weeks_offers_the_queue(
    qtbot, dialog_of, some_persons, coordinator, clock, monkeypatch
):
    # A coordinator with no hours: nothing is free in the next 8 weeks.
    def fill_and_save(queue: QueueDialog) -> int:
        assert queue.person_field.person() == some_persons["Mäkinen"]
        assert queue.topic.currentData() == topic_id("health")
        assert queue.length.currentData() == 60
        queue.wishes.setText("mornings only")
        queue.save()
        return queue.result()

    monkeypatch.setattr(QueueDialog, "exec", fill_and_save)
    dialog = dialog_of(person_id=some_persons["Mäkinen"].id)
    assert dialog.times.count() == 0
    choose_topic(dialog, "health")
    dialog.length.setCurrentIndex(dialog.length.findData(60))
    qtbot.mouseClick(dialog.next_button, Qt.LeftButton)
    assert "No free time of 1 h in the next 8 weeks." in dialog.when_error.text()
    assert dialog.queue_button.isVisible()
    qtbot.mouseClick(dialog.queue_button, Qt.LeftButton)
    [row] = advice_queue.queue_rows(coordinator)
    assert (row.person_name, row.minutes, row.wishes, row.offered_start) == (
        "Aino Mäkinen",
        60,
        "mornings only",
        None,
    )
    assert dialog.done_title.text() == "In the queue ✓"
    assert "place 1" in dialog.done_text.text()
    assert dialog.booked_session_id is None


def test_book_advice_returns_nothing_when_cancelled(qtbot, paths, volunteer, hours, monkeypatch):
    monkeypatch.setattr(BookingDialog, "exec", lambda dialog: dialog.reject() or 0)
    assert book_advice(None, DeskSession(volunteer, paths)) is None
    assert AdviceSession.select().count() == 0


def test_the_slip_is_printed_or_saved_from_the_confirmation(
    qtbot, dialog_of, some_persons, hours, tmp_path, monkeypatch
):
    printed = []

    def fake_print(parent, render):
        render(tmp_path / "printed.pdf")
        printed.append(tmp_path / "printed.pdf")
        return True

    monkeypatch.setattr("lumijobi_desktop.ui.papers.print_paper", fake_print)
    chosen = tmp_path / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(chosen), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    dialog = dialog_of(person_id=some_persons["Mäkinen"].id, starts_at=at(TUESDAY, 13))
    choose_topic(dialog, "kela")
    dialog.paper.setCurrentIndex(dialog.paper.findData("half-a4"))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.mouseClick(dialog.print_button, Qt.LeftButton)
    assert printed and printed[0].read_bytes().startswith(b"%PDF")
    assert "✓" in dialog.print_button.text()
    qtbot.mouseClick(dialog.pdf_button, Qt.LeftButton)
    assert chosen.read_bytes().startswith(b"%PDF")


def test_what_was_typed_at_the_desk_starts_the_search(
    qtbot, window, some_persons, hours, monkeypatch
):
    desk = window.desk()
    qtbot.keyClicks(desk.search, "virt")
    seen = []

    def run(dialog: BookingDialog) -> int:
        seen.append(dialog.person_field.person())
        return 0

    monkeypatch.setattr(BookingDialog, "exec", run)
    qtbot.mouseClick(desk.book_advice_button, Qt.LeftButton)
    assert seen == [some_persons["Virtanen"]]
    assert AdviceSession.select().count() == 0
    assert desk.banner.text() == ""


def test_enter_in_the_search_goes_on_to_the_times_and_says_what_is_booked(
    qtbot, dialog_of, some_persons, hours
):
    book(hours, hours, some_persons["Mäkinen"], at(THURSDAY, 13))
    dialog = dialog_of()
    search = dialog.person_field.chooser.search
    assert dialog.focusWidget() is search  # the dialog opens ready to type a name
    qtbot.keyClicks(search, "aino")
    assert dialog.person_field.person() == some_persons["Mäkinen"]
    assert dialog.person_field.note() == "Already booked: Thu 03/12 13:00–13:30"
    qtbot.keyClick(search, Qt.Key_Return)
    assert dialog.focusWidget() is dialog.times
    assert dialog.booked_session_id is None and dialog.isVisible()
