"""The coordinator's to-do list of follow-ups, and the advice figures of a month."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.core.advice_fixtures import THURSDAY, TUESDAY, at, book, book_a_month, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import advice_notes
from lumijobi_desktop.core.advice_notes import AdviceFollowUp
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.advice.figures_view import FiguresView
from lumijobi_desktop.ui.advice.follow_up_dialog import FollowUpDialog
from lumijobi_desktop.ui.advice.todo_view import LATE, TODAY, UPCOMING, TodoView
from lumijobi_desktop.ui.session import DeskSession

DAY = TUESDAY  # "today" in these tests


@pytest.fixture
def coordinator(users):
    usual_hours(users[Role.COORDINATOR], users[Role.COORDINATOR])
    return users[Role.COORDINATOR]


@pytest.fixture
def tasks(coordinator, volunteer):
    """One late, one due today, one next week, one too far ahead and one already done."""
    anna, bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    session = book(volunteer, coordinator, anna, at(DAY, 10))
    add = advice_notes.add_follow_up
    made = {
        "late": add(coordinator, anna.id, "Soita Kelaan", DAY - dt.timedelta(days=3), session.id),
        "today": add(coordinator, bohdan.id, "Tarkista oleskelulupa", DAY),
        "upcoming": add(coordinator, anna.id, "Koulupaikka", DAY + dt.timedelta(days=6)),
        "far": add(coordinator, anna.id, "Myöhemmin", DAY + dt.timedelta(days=30)),
        "done": add(coordinator, bohdan.id, "Jo tehty", DAY - dt.timedelta(days=1)),
    }
    advice_notes.set_follow_up_done(coordinator, made["done"], True)
    return made, session


def todo_for(qtbot, paths, user) -> TodoView:
    view = TodoView(DeskSession(user, paths), today=lambda: DAY)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    return view


def todo_reads() -> int:
    return (
        AuditEntry.select()
        .where((AuditEntry.action == "read") & (AuditEntry.entity == "advice_follow_up"))
        .count()
    )


def texts(view: TodoView, group: str) -> list[str]:
    return [row.text for row in view.rows_in(group)]


def test_the_to_do_list_is_read_when_shown_and_groups_the_tasks(qtbot, paths, coordinator, tasks):
    view = todo_for(qtbot, paths, coordinator)
    assert todo_reads() == 0  # made, not shown: nothing read
    view.show()
    assert todo_reads() == 1
    assert texts(view, LATE) == ["Soita Kelaan"]
    assert texts(view, TODAY) == ["Tarkista oleskelulupa"]
    assert texts(view, UPCOMING) == ["Koulupaikka"]
    made, _session = tasks
    assert view.group_of == {made["late"]: LATE, made["today"]: TODAY, made["upcoming"]: UPCOMING}
    assert [section.objectName() for section in view.sections] == [
        "todo_late",
        "todo_today",
        "todo_upcoming",
    ]
    titles = [
        label.text() for label in view.groups.findChildren(type(view.empty), "todoGroupTitle")
    ]
    assert titles == ["Late (1)", "Today (1)", "Next two weeks (1)"]
    assert not view.empty.isVisible()


def test_done_takes_the_task_off_the_list(qtbot, paths, coordinator, tasks):
    made, _session = tasks
    view = todo_for(qtbot, paths, coordinator)
    view.show()
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(view.done_buttons[made["late"]], Qt.LeftButton)
    assert texts(view, LATE) == []
    assert made["late"] not in view.group_of
    assert AdviceFollowUp.get_by_id(made["late"]).done_at is not None
    qtbot.mouseClick(view.done_buttons[made["today"]], Qt.LeftButton)
    qtbot.mouseClick(view.done_buttons[made["upcoming"]], Qt.LeftButton)
    assert view.empty.isVisible()
    assert view.empty.text() == "Nothing due. Well done."


def test_open_session_asks_for_the_follow_ups_session(qtbot, paths, coordinator, tasks):
    made, session = tasks
    view = todo_for(qtbot, paths, coordinator)
    view.show()
    assert not view.open_buttons[made["today"]].isEnabled()  # not tied to a session
    with qtbot.waitSignal(view.session_requested) as asked:
        qtbot.mouseClick(view.open_buttons[made["late"]], Qt.LeftButton)
    assert asked.args == [session.id]


def test_editing_a_task_moves_it_to_its_new_day(qtbot, paths, coordinator, tasks, monkeypatch):
    made, _session = tasks

    def move_to_next_week(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        assert dialog.text.text() == "Soita Kelaan"
        qtbot.mouseClick(dialog.quick_buttons[0], Qt.LeftButton)  # +1 week
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", move_to_next_week)
    view = todo_for(qtbot, paths, coordinator)
    view.show()
    qtbot.mouseClick(view.edit_buttons[made["late"]], Qt.LeftButton)
    assert AdviceFollowUp.get_by_id(made["late"]).due == DAY + dt.timedelta(weeks=1)
    assert texts(view, LATE) == []
    assert texts(view, UPCOMING) == ["Koulupaikka", "Soita Kelaan"]


def test_a_volunteer_sees_a_short_message_and_no_tasks(qtbot, paths, volunteer, tasks):
    view = todo_for(qtbot, paths, volunteer)
    view.show()
    assert view.refused.isVisible()
    assert view.sections == [] and not view.new_button.isVisible()
    assert todo_reads() == 0


def test_when_core_refuses_the_to_do_view_shows_the_message(
    qtbot, paths, volunteer, tasks, monkeypatch
):
    monkeypatch.setattr(DeskSession, "can", lambda self, permission: True)
    view = todo_for(qtbot, paths, volunteer)
    view.show()
    assert view.refused.isVisible() and view.sections == []


def test_the_figures_view_shows_a_months_numbers(
    qtbot, qtmodeltester, paths, coordinator, volunteer
):
    book_a_month(volunteer, coordinator, at(THURSDAY, 17))

    view = FiguresView(DeskSession(volunteer, paths), today=lambda: dt.date(2026, 11, 20))
    qtbot.addWidget(view)
    assert view.picker.period.text() == "November 2026"
    assert view.held.number.text() == "0"
    qtbot.mouseClick(view.picker.next_button, Qt.LeftButton)
    assert view.picker.period.text() == "December 2026"
    numbers = {
        card.objectName(): card.number.text()
        for card in (
            view.held,
            view.no_shows,
            view.cancelled,
            view.booked,
            view.persons,
            view.hours,
            view.interpreted,
        )
    }
    assert numbers == {
        "figureHeld": "3",
        "figureNoShows": "1",
        "figureCancelled": "1",
        "figureBooked": "1",
        "figurePersons": "2",
        "figureHours": "2.0",
        "figureInterpreter": "2",
    }
    assert view.no_shows.extra.text() == "25% of the sessions due"

    def rows(model):
        return [
            (model.data(model.index(r, 0)), model.data(model.index(r, 1)))
            for r in range(model.rowCount())
        ]

    qtmodeltester.check(view.by_topic)
    assert rows(view.by_topic) == [("Kela benefits", "2"), ("Housing", "1")]
    assert rows(view.by_language) == [("Ukrainian", "2"), ("Russian", "1")]
    assert rows(view.by_interpreter) == [("Russian", "1"), ("Ukrainian", "1")]

    view.picker.range_first.setDate(
        view.picker.range_first.date().addDays(2)
    )  # from Thursday 3 December
    qtbot.mouseClick(view.picker.range_button, Qt.LeftButton)
    assert view.picker.period.text() == "03/12/2026 – 31/12/2026"
    assert (view.held.number.text(), view.hours.number.text()) == ("1", "1.0")
