"""The queue for the next free advice time: adding, held times on the desk, booked or not."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from tests.core.advice_fixtures import BEFORE, TUESDAY, at, book, topic_id, usual_hours

from lumijobi_desktop.core import advice_booking, advice_hours, advice_queue, database, people
from lumijobi_desktop.core.advice import AdviceSession, SessionStatus
from lumijobi_desktop.core.people import PersonData
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.advice import queue_panel
from lumijobi_desktop.ui.advice.queue_dialog import QueueDialog
from lumijobi_desktop.ui.advice.queue_panel import QueuePanel
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(database, "now", lambda: BEFORE)
    return BEFORE


@pytest.fixture
def coordinator(users):
    return users[Role.COORDINATOR]


@pytest.fixture
def one_hour(coordinator, clock):
    """Only Tuesday 10–11: two times, both booked; nothing else for the queue to take."""
    advice_hours.add_extra_hours(coordinator, coordinator.id, TUESDAY, dt.time(10), dt.time(11))
    return coordinator


@pytest.fixture
def full_hour(one_hour, some_persons):
    first = book(one_hour, one_hour, some_persons["Virtanen"], at(TUESDAY, 10))
    book(one_hour, one_hour, some_persons["Melnyk"], at(TUESDAY, 10, 30))
    return first


def wish(key="kela", minutes=30, **extra):
    return advice_queue.WishData(topic_id=topic_id(key), minutes=minutes, **extra)


@pytest.fixture
def panel(qtbot, paths, volunteer):
    view = QueuePanel(DeskSession(volunteer, paths))
    qtbot.addWidget(view)
    view.show()
    return view


def call_box_text(desk) -> str:
    return " ".join(label.text() for label in desk.call_list.findChildren(QLabel))


def back_to_the_desk(window) -> None:
    """As after working elsewhere: the desk refreshes when it is shown again."""
    window.show_area("persons")
    window.show_area("desk")


def test_adding_to_the_queue_holds_a_free_time_at_once(
    qtbot, panel, some_persons, coordinator, clock, monkeypatch
):
    usual_hours(coordinator, coordinator)
    people.update_person(
        coordinator,
        some_persons["Virtanen"].id,
        PersonData(first_name="Pekka", last_name="Virtanen", phone="044 765 4321", consent=True),
    )

    def fill(dialog: QueueDialog) -> int:
        dialog.person_field.chooser.search.setText("virt")
        dialog.topic.setCurrentIndex(dialog.topic.findData(topic_id("housing")))
        dialog.wishes.setText("mornings only")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(QueueDialog, "exec", fill)
    qtbot.mouseClick(panel.add_button, Qt.LeftButton)
    assert panel.result.text() == (
        "The next free time, Tue 01/12 10:00–10:30, is held for Pekka. Call to confirm."
    )
    model = panel.model
    assert model.rowCount() == 1
    assert [model.index(0, column).data() for column in (0, 1, 2, 3, 4, 6, 8)] == [
        "1.",
        "Pekka Virtanen",
        "044 765 4321",
        "Housing",
        "30 min",
        "mornings only",
        "Tue 01/12 10:00–10:30",
    ]
    assert model.index(0, 1).data(Qt.BackgroundRole) is not None  # highlighted: call them
    assert panel.booked_button.isEnabled() and panel.declined_button.isEnabled()
    assert "1 to call" in panel.title.text()


def test_the_queue_dialog_refuses_a_second_place_and_a_missing_topic(
    qtbot, paths, volunteer, some_persons, one_hour
):
    advice_queue.add_to_queue(volunteer, some_persons["Mäkinen"].id, wish(), BEFORE)
    dialog = QueueDialog(DeskSession(volunteer, paths), person_id=some_persons["Mäkinen"].id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.what_error.text() == "Choose the topic."
    dialog.topic.setCurrentIndex(1)
    dialog.save()
    assert dialog.who_error.text() == "This person is already in the queue."
    assert dialog.entry_id is None
    assert len(advice_queue.queue_rows(volunteer)) == 1


def test_a_cancellation_puts_the_held_time_on_the_desk_and_booked_books_it(
    qtbot, window, some_persons, full_hour, one_hour
):
    user = window.session.user
    aino = some_persons["Mäkinen"]
    people.update_person(
        user,
        aino.id,
        PersonData(first_name="Aino", last_name="Mäkinen", phone="040 123 4567", consent=True),
    )
    entry = advice_queue.add_to_queue(user, aino.id, wish("health"), BEFORE)
    assert entry.offered_start is None
    back_to_the_desk(window)
    desk = window.desk()
    assert not desk.call_list.isVisible()

    advice_booking.cancel_session(one_hour, full_hour.id, BEFORE)
    back_to_the_desk(window)
    assert desk.call_list.isVisible()
    text = call_box_text(desk)
    assert "Aino Mäkinen" in text and "040 123 4567" in text
    assert "Offer the advice time Tue 01/12 10:00–10:30 (Health care)" in text
    assert "an advice time is held" in desk.call_list.title.text()

    booked, _declined = desk.call_list.advice_buttons[entry.id]
    qtbot.mouseClick(booked, Qt.LeftButton)
    session = AdviceSession.get(
        (AdviceSession.person == aino.id) & (AdviceSession.status == SessionStatus.BOOKED.value)
    )
    assert (session.starts_at, session.topic_id) == (at(TUESDAY, 10), topic_id("health"))
    assert advice_queue.queue_rows(user) == []
    assert not desk.call_list.isVisible()


def test_cannot_come_passes_the_time_to_the_next_in_the_queue(
    qtbot, window, some_persons, full_hour, one_hour
):
    user = window.session.user
    first = advice_queue.add_to_queue(user, some_persons["Mäkinen"].id, wish(), BEFORE)
    second = advice_queue.add_to_queue(user, some_persons["Коваленко"].id, wish(), BEFORE)
    advice_booking.cancel_session(one_hour, full_hour.id, BEFORE)
    back_to_the_desk(window)
    desk = window.desk()
    assert list(desk.call_list.advice_buttons) == [first.id]

    _booked, declined = desk.call_list.advice_buttons[first.id]
    qtbot.mouseClick(declined, Qt.LeftButton)
    assert list(desk.call_list.advice_buttons) == [second.id]
    assert "Олександр Коваленко" in call_box_text(desk)
    rows = {row.person_name: row for row in advice_queue.queue_rows(user)}
    assert rows["Aino Mäkinen"].offered_start is None  # keeps waiting for a later time
    assert rows["Олександр Коваленко"].offered_start == at(TUESDAY, 10)
    assert rows["Aino Mäkinen"].position == 1


def test_the_panel_books_declines_and_removes(
    qtbot, panel, some_persons, full_hour, one_hour, monkeypatch
):
    user = panel.session.user
    first = advice_queue.add_to_queue(user, some_persons["Mäkinen"].id, wish(), BEFORE)
    second = advice_queue.add_to_queue(user, some_persons["Коваленко"].id, wish(), BEFORE)
    advice_booking.cancel_session(one_hour, full_hour.id, BEFORE)
    panel.refresh()
    assert panel.model.index(0, 8).data() == "Tue 01/12 10:00–10:30"
    assert panel.model.index(1, 8).data() == "–"
    assert panel.model.index(1, 1).data(Qt.BackgroundRole) is None

    panel.select_entry(second.id)
    assert not panel.booked_button.isEnabled()  # nothing held for the second yet
    panel.select_entry(first.id)
    qtbot.mouseClick(panel.declined_button, Qt.LeftButton)
    assert "Aino Mäkinen keeps their place" in panel.result.text()
    assert panel.model.index(1, 8).data() == "Tue 01/12 10:00–10:30"

    booked = []
    panel.session_booked.connect(booked.append)
    panel.select_entry(second.id)
    qtbot.mouseClick(panel.booked_button, Qt.LeftButton)
    assert booked and AdviceSession.get_by_id(booked[0]).person_id == some_persons["Коваленко"].id
    assert "Booked: Олександр Коваленко" in panel.result.text()
    assert panel.model.rowCount() == 1

    monkeypatch.setattr(queue_panel, "confirm", lambda *args: True)
    panel.select_entry(first.id)
    qtbot.mouseClick(panel.remove_button, Qt.LeftButton)
    assert advice_queue.queue_rows(user) == []
    assert panel.empty.isVisible()
