"""The coordinator's calendar: the week and the day, the chosen booking, hours, topics, roles."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog
from tests.core.advice_fixtures import BEFORE, THURSDAY, TUESDAY, at, book, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import (
    accounts,
    advice,
    advice_booking,
    advice_hours,
    advice_queue,
    advice_topics,
    database,
    i18n,
)
from lumijobi_desktop.core.advice import SessionStatus, SlotState
from lumijobi_desktop.core.advice_hours import HoursData
from lumijobi_desktop.core.i18n import gettext_in
from lumijobi_desktop.core.people import PersonData, register_person
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.advice import advice_view, session_panel
from lumijobi_desktop.ui.advice.advice_view import AdviceView, DayScheduleDialog
from lumijobi_desktop.ui.advice.hours_dialog import DayOffDialog, ExtraTimeDialog, HoursDialog
from lumijobi_desktop.ui.advice.topics_dialog import TopicDialog, TopicsDialog
from lumijobi_desktop.ui.main_window import MainWindow
from lumijobi_desktop.ui.session import DeskSession

CHRISTMAS_WEEK_THURSDAY = dt.date(2026, 12, 24)  # Christmas Eve


class Clock:
    """The desk's 'now', which the advice screens read through `database.now`."""

    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def clock(monkeypatch):
    made = Clock(BEFORE)  # the Wednesday before the first Tuesday with hours
    monkeypatch.setattr(database, "now", made)
    return made


@pytest.fixture
def coordinator(users):
    return users[Role.COORDINATOR]


@pytest.fixture
def hours(coordinator, clock):
    usual_hours(coordinator, coordinator)
    return coordinator


@pytest.fixture
def view_for(qtbot, paths):
    def build(user) -> AdviceView:
        view = AdviceView(DeskSession(user, paths))
        qtbot.addWidget(view)
        view.resize(1280, 760)
        view.show()
        qtbot.waitExposed(view)
        return view

    return build


def visitor(actor, first, last, phone=""):
    return register_person(
        actor, PersonData(first_name=first, last_name=last, phone=phone, consent=True)
    )


def tab_titles(view: AdviceView) -> list[str]:
    return [view.tabs.tabText(index) for index in range(view.tabs.count())]


# --- the week ------------------------------------------------------------------------------------


def test_the_week_shows_free_times_from_the_hours_and_bookings_by_name(hours, volunteer, view_for):
    anna = visitor(volunteer, "Anna", "Melnyk", "040 123")
    book(volunteer, hours, anna, at(TUESDAY, 10, 30), language="uk")
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    week = view.week_view
    assert view.period.text().startswith("Week 49")
    # Monday to Friday; the weekend has no hours and no bookings.
    assert week.shown_days() == [TUESDAY - dt.timedelta(days=1) + dt.timedelta(n) for n in range(5)]
    free = week.block_at(at(TUESDAY, 10))
    assert free.state == SlotState.FREE and free.lines == ["Free"]
    booked = week.block_at(at(TUESDAY, 10, 30))
    assert booked.state == SlotState.BOOKED
    assert booked.lines[:2] == ["Anna Melnyk", "Kela benefits"]
    assert booked.badges == [("UK", False)]
    tuesday = [block.start.time() for block in week.blocks() if block.start.date() == TUESDAY]
    assert tuesday == [dt.time(10 + n // 2, 30 * (n % 2)) for n in range(8)]
    assert week.block_at(at(THURSDAY, 15, 30)).state == SlotState.FREE
    monday = TUESDAY - dt.timedelta(days=1)
    assert week.day_message(monday) == "No advice on this day"
    assert not [block for block in week.blocks() if block.start.date() == monday]
    assert week.day_message(TUESDAY) == ""


def test_a_holiday_is_named_and_has_no_times(hours, volunteer, view_for):
    view = view_for(volunteer)
    view.go_to(CHRISTMAS_WEEK_THURSDAY)
    week = view.week_view
    assert week.day_message(CHRISTMAS_WEEK_THURSDAY) == "Christmas Eve: no advice"
    assert week.block_at(at(CHRISTMAS_WEEK_THURSDAY, 12)) is None
    assert week.block_at(at(dt.date(2026, 12, 22), 10)).state == SlotState.FREE


def test_navigation_moves_by_week_and_day_and_today_returns(hours, volunteer, view_for, clock):
    view = view_for(volunteer)
    assert view.period.text().startswith("Week 48")  # the clock's week
    view.next_button.click()
    assert view.period.text().startswith("Week 49")
    view.day_button.click()
    assert view.mode == "day"
    view.go_to(TUESDAY)
    assert view.period.text() == "Tuesday " + i18n.format_date(TUESDAY)
    view.next_button.click()
    assert view.shown_days() == (TUESDAY + dt.timedelta(1),) * 2
    view.today_button.click()
    assert view.shown_days() == (clock.moment.date(),) * 2


def test_clicking_a_booking_fills_the_session_panel(hours, volunteer, view_for):
    anna = visitor(volunteer, "Anna", "Melnyk", "040 123 4567")
    session = book(
        volunteer,
        hours,
        anna,
        at(TUESDAY, 11),
        language="uk",
        interpreter_needed=True,
        interpreter_language="ar",
    )
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    assert view.week_view.block_at(at(TUESDAY, 11)).badges == [("UK", False), ("AR", True)]
    view.week_view.click_slot(at(TUESDAY, 11))
    panel = view.panel
    assert panel.current_session_id() == session.id
    assert panel.title.text() == "Anna Melnyk"
    assert panel.when.text() == "Tuesday 01/12/2026, 11:00–11:30"
    assert panel.phone.text() == "040 123 4567"
    assert panel.topic.text() == "Kela benefits"
    assert panel.language.text() == "Ukrainian"
    assert panel.interpreter.text() == "Arabic"
    assert panel.place.text() == "Neuvontahuone"
    assert panel.booked_by.text().startswith("Vilja Volunteer")
    assert panel.status.text() == "Booked"
    assert not panel.change_button.isHidden() and not panel.cancel_button.isHidden()
    assert view.week_view.selected_slot().session.id == session.id


def test_clicking_a_free_time_books_it_there(hours, volunteer, view_for, monkeypatch):
    anna = visitor(volunteer, "Anna", "Melnyk")
    asked = []

    def fake_book(parent, session, *, person_id=None, adviser_id=None, starts_at=None):
        asked.append((adviser_id, starts_at))
        data = advice_booking.BookingData(
            adviser_id, starts_at, advice_topics.topics()[0].id, language="uk"
        )
        return advice_booking.book_session(session.user, anna.id, data, BEFORE).id

    monkeypatch.setattr(advice_view, "book_advice", fake_book)
    view = view_for(volunteer)
    view.go_to(THURSDAY)
    view.week_view.click_slot(at(THURSDAY, 13))
    assert asked == [(hours.id, at(THURSDAY, 13))]
    block = view.week_view.block_at(at(THURSDAY, 13))
    assert block.state == SlotState.BOOKED and block.lines[0] == "Anna Melnyk"
    assert view.panel.title.text() == "Anna Melnyk"
    assert view.notice.text().startswith("Booked: Anna Melnyk")


def test_a_past_free_time_does_not_open_the_booking(hours, volunteer, view_for, clock):
    clock.moment = at(TUESDAY, 12, 5)
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    block = view.week_view.block_at(at(TUESDAY, 10))
    assert block.look == "past" and block.lines == []
    view.week_view.click_slot(at(TUESDAY, 10))  # the autouse guard fails on any dialog
    assert view.panel.hint.text() == "This time has already passed."
    assert view.panel.book_button.isHidden()


def test_the_keyboard_moves_between_times_and_enter_books(
    qtbot, hours, volunteer, view_for, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        advice_view, "book_advice", lambda *a, **k: asked.append(k["starts_at"]) or None
    )
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    canvas = view.week_view.canvas
    canvas.setFocus()
    view.week_view.select_start(at(TUESDAY, 10))
    qtbot.keyClick(canvas, Qt.Key_Down)
    assert view.week_view.selected_slot().start == at(TUESDAY, 10, 30)
    assert view.panel.title.text() == "Free time"
    qtbot.keyClick(canvas, Qt.Key_Right)  # Wednesday has no hours: on to Thursday
    assert view.week_view.selected_slot().start == at(THURSDAY, 12)
    qtbot.keyClick(canvas, Qt.Key_Left)
    assert view.week_view.selected_slot().start.date() == TUESDAY
    qtbot.keyClick(canvas, Qt.Key_Return)
    assert asked == [view.week_view.selected_slot().start]


def test_a_held_time_names_the_person_it_is_held_for(
    coordinator, volunteer, view_for, clock, monkeypatch
):
    # One slot only, booked; then someone waits, and the booking is cancelled from the panel.
    advice_hours.add_weekly_hours(
        coordinator,
        coordinator.id,
        HoursData(
            weekday=1,
            starts=dt.time(10),
            ends=dt.time(10, 30),
            valid_from=TUESDAY,
            valid_until=TUESDAY,
        ),
    )
    anna, olena = make_persons(volunteer, "Anna Melnyk", "Olena Bondar")
    session = book(volunteer, coordinator, anna, at(TUESDAY, 10))
    advice_queue.add_to_queue(
        volunteer, olena.id, advice_queue.WishData(topic_id=session.topic_id), BEFORE
    )
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    assert tab_titles(view)[1] == "Queue"
    view.week_view.click_slot(at(TUESDAY, 10))
    asked = []
    monkeypatch.setattr(session_panel, "confirm", lambda *args: asked.append(args[2]) or True)
    view.panel.cancel_button.click()
    assert asked == ["Cancel the booking of Anna Melnyk on Tuesday 01/12/2026, 10:00–10:30?"]
    assert advice.get_session(volunteer, session.id).status == SessionStatus.CANCELLED.value
    held = view.week_view.block_at(at(TUESDAY, 10))
    assert held.state == SlotState.HELD and held.lines == ["Held for Olena Bondar"]
    assert "now held for Olena Bondar from the queue" in view.notice.text()
    assert tab_titles(view)[1] == "Queue (1 to call)"
    view.week_view.click_slot(at(TUESDAY, 10))
    assert view.panel.title.text() == "Held for Olena Bondar"
    view.panel.queue_button.click()
    assert view.tabs.currentWidget() is view.queue


def test_cancelling_frees_the_time(hours, volunteer, view_for, monkeypatch):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(THURSDAY, 14))
    monkeypatch.setattr(session_panel, "confirm", lambda *args: True)
    view = view_for(volunteer)
    view.go_to(THURSDAY)
    view.week_view.click_slot(at(THURSDAY, 14))
    view.panel.cancel_button.click()
    assert view.week_view.block_at(at(THURSDAY, 14)).state == SlotState.FREE
    assert view.notice.text().startswith("Cancelled: Anna Melnyk")
    assert view.panel.status.text() == "Cancelled"
    assert view.panel.cancel_button.isHidden()
    assert advice.get_session(volunteer, session.id).status == SessionStatus.CANCELLED.value


def test_declining_the_cancel_question_keeps_the_booking(hours, volunteer, view_for, monkeypatch):
    anna = visitor(volunteer, "Anna", "Melnyk")
    book(volunteer, hours, anna, at(THURSDAY, 14))
    monkeypatch.setattr(session_panel, "confirm", lambda *args: False)
    view = view_for(volunteer)
    view.go_to(THURSDAY)
    view.week_view.click_slot(at(THURSDAY, 14))
    view.panel.cancel_button.click()
    assert view.week_view.block_at(at(THURSDAY, 14)).state == SlotState.BOOKED


def test_change_or_move_opens_the_booking_dialog_for_the_session(
    hours, volunteer, view_for, monkeypatch
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(THURSDAY, 14))

    def move(parent, desk, session_id):
        row = advice.session_row(desk.user, session_id)
        data = advice_booking.BookingData(row.adviser_id, at(THURSDAY, 15), row.topic_id)
        advice_booking.change_session(desk.user, session_id, data, BEFORE)
        return True

    monkeypatch.setattr(session_panel, "change_advice", move)
    view = view_for(volunteer)
    view.go_to(THURSDAY)
    view.week_view.click_slot(at(THURSDAY, 14))
    view.panel.change_button.click()
    assert view.week_view.block_at(at(THURSDAY, 14)).state == SlotState.FREE
    assert view.week_view.block_at(at(THURSDAY, 15)).session_id == session.id
    assert view.panel.when.text() == "Thursday 03/12/2026, 15:00–15:30"


# --- how it went -------------------------------------------------------------------------------


def test_came_and_did_not_come_wait_until_the_session_has_begun(
    hours, volunteer, coordinator, view_for, clock
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(TUESDAY, 10, 30))
    view = view_for(coordinator)
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10, 30))
    panel = view.panel
    assert not panel.done_button.isHidden()
    assert not panel.done_button.isEnabled() and not panel.no_show_button.isEnabled()
    assert "once the session has begun" in panel.hint.text()

    clock.moment = at(TUESDAY, 10, 35)
    view.refresh()
    assert panel.done_button.isEnabled() and panel.no_show_button.isEnabled()
    panel.done_button.click()
    block = view.week_view.block_at(at(TUESDAY, 10, 30))
    assert block.look == "done" and block.lines[0] == "✓ Anna Melnyk"
    assert panel.status.text() == advice.status_name(SessionStatus.DONE.value)
    assert panel.done_button.isHidden() and not panel.booked_button.isHidden()
    panel.booked_button.click()
    assert advice.get_session(coordinator, session.id).status == SessionStatus.BOOKED.value
    panel.no_show_button.click()
    block = view.week_view.block_at(at(TUESDAY, 10, 30))
    assert block.look == "no_show" and "Did not come" in block.lines
    assert advice.get_session(coordinator, session.id).status == SessionStatus.NO_SHOW.value


# --- roles ---------------------------------------------------------------------------------------


def test_a_volunteer_sees_no_notes_no_to_do_no_hours_and_cannot_mark_how_it_went(
    hours, volunteer, view_for, clock
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    book(volunteer, hours, anna, at(TUESDAY, 10))
    clock.moment = at(TUESDAY, 10, 5)
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10))
    assert view.panel.notes is None
    assert tab_titles(view) == ["Calendar", "Queue", "Figures"]
    assert view.hours_button.isHidden() and view.topics_button.isHidden()
    assert view.panel.done_button.isHidden() and view.panel.no_show_button.isHidden()
    assert not view.print_button.isHidden()


def test_the_coordinator_sees_notes_to_do_and_hours(hours, coordinator, volunteer, view_for):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(TUESDAY, 10))
    view = view_for(coordinator)
    assert tab_titles(view) == ["Calendar", "Queue", "To-do", "Figures"]
    assert not view.hours_button.isHidden() and not view.topics_button.isHidden()
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10))
    assert view.panel.notes is not None and view.panel.notes.isVisible()
    assert view.panel.notes.session_id == session.id
    # Only one coordinator: no chooser.
    assert view.adviser_combo.isHidden()


def test_the_to_do_tab_shows_how_many_follow_ups_are_due(
    hours, coordinator, volunteer, view_for, clock
):
    from lumijobi_desktop.core import advice_notes

    anna = visitor(volunteer, "Anna", "Melnyk")
    advice_notes.add_follow_up(coordinator, anna.id, "Call about Kela", clock.moment.date())
    view = view_for(coordinator)
    assert "To-do (1)" in tab_titles(view)


def test_with_two_advisers_a_chooser_switches_the_calendar(
    hours, admin, volunteer, view_for, paths
):
    other = accounts.create_user(admin, "Olli Other", Role.COORDINATOR.value, "2468")
    advice_hours.add_weekly_hours(
        admin,
        other.id,
        HoursData(weekday=2, starts=dt.time(9), ends=dt.time(10), valid_from=TUESDAY),
    )
    view = view_for(volunteer)
    assert not view.adviser_combo.isHidden()
    view.go_to(TUESDAY)
    view.choose_adviser(hours.id)
    assert view.week_view.block_at(at(TUESDAY, 10)) is not None
    view.choose_adviser(other.id)
    assert view.week_view.block_at(at(TUESDAY, 10)) is None
    assert view.week_view.block_at(at(TUESDAY + dt.timedelta(1), 9)).state == SlotState.FREE


# --- the day -----------------------------------------------------------------------------------


def test_the_day_lists_times_with_who_and_what(hours, volunteer, view_for, monkeypatch):
    anna = visitor(volunteer, "Anna", "Melnyk", "040 123")
    session = book(
        volunteer,
        hours,
        anna,
        at(TUESDAY, 10, 30),
        language="uk",
        interpreter_needed=True,
        interpreter_language="ar",
    )
    asked = []
    monkeypatch.setattr(
        advice_view, "book_advice", lambda *a, **k: asked.append(k["starts_at"]) or None
    )
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10, 30))
    view.day_button.click()
    day = view.day_view
    assert view.period.text() == "Tuesday 01/12/2026"
    rows = day.row_texts()
    assert len(rows) == 8
    assert rows[0][:2] == ["10:00–10:30", "Free"]
    assert rows[1] == [
        "10:30–11:00",
        "Booked",
        "Anna Melnyk",
        "040 123",
        "Kela benefits",
        "Ukrainian",
        "Arabic",
    ]
    assert "Hours 10:00–14:00" in day.summary.text() and "7 free times" in day.summary.text()
    assert day.selected_slot().session.id == session.id  # the choice follows to the day
    day.activate_start(at(TUESDAY, 10, 30))
    assert view.panel.current_session_id() == session.id
    day.activate_start(at(TUESDAY, 11))
    assert asked == [at(TUESDAY, 11)]


def test_clicking_a_day_heading_opens_that_day(qtbot, hours, volunteer, view_for):
    view = view_for(volunteer)
    view.go_to(THURSDAY)
    rect = view.week_view.canvas.headers[THURSDAY]
    qtbot.mouseClick(view.week_view.canvas, Qt.LeftButton, pos=rect.center())
    assert view.mode == "day" and view.shown_days() == (THURSDAY, THURSDAY)


# --- hours and topics ----------------------------------------------------------------------------


def test_a_day_off_added_in_the_hours_dialog_takes_the_times_away(
    hours, coordinator, view_for, monkeypatch
):
    def fill_day_off(form: DayOffDialog):
        form.day.setDate(QDate(TUESDAY.year, TUESDAY.month, TUESDAY.day))
        form.note.setText("Training")
        form.save()
        return form.result()

    def use_dialog(dialog: HoursDialog):
        dialog.add_day_off()
        assert dialog.change_rows() == [["Tuesday 01/12/2026", "Day off", "Whole day", "Training"]]
        return QDialog.Accepted

    monkeypatch.setattr(DayOffDialog, "exec", fill_day_off)
    monkeypatch.setattr(HoursDialog, "exec", use_dialog)
    view = view_for(coordinator)
    view.go_to(TUESDAY)
    assert view.week_view.block_at(at(TUESDAY, 10)) is not None
    view.hours_button.click()
    assert view.week_view.block_at(at(TUESDAY, 10)) is None
    assert view.week_view.day_message(TUESDAY) == "No advice on this day"
    assert view.notice.text() == "Day off added: Tuesday 01/12/2026."


def test_the_hours_dialog_lists_the_weekly_hours_and_refuses_bad_times(
    qtbot, hours, coordinator, paths, monkeypatch
):
    dialog = HoursDialog(DeskSession(coordinator, paths), coordinator.id)
    qtbot.addWidget(dialog)
    assert dialog.weekly_rows() == [
        ["Tuesday", "10:00–14:00", "30 minutes", "Neuvontahuone", "01/12/2026", "for now"],
        ["Thursday", "12:00–16:00", "30 minutes", "Neuvontahuone", "01/12/2026", "for now"],
    ]
    shown = []

    def bad_extra_time(form: ExtraTimeDialog):
        form.day.setDate(QDate(2026, 12, 4))
        form.starts.setTime(form.ends.time().addSecs(3600))  # ends before it starts
        form.save()
        shown.append(form.error.text())
        return form.result()

    monkeypatch.setattr(ExtraTimeDialog, "exec", bad_extra_time)
    dialog.add_extra_time()
    assert shown == ["The end time must be after the start time."]
    assert dialog.change_rows() == [] and not dialog.changed


def test_extra_time_is_offered_to_the_queue(
    hours, coordinator, volunteer, paths, qtbot, monkeypatch
):
    # Everything is booked, so the waiting person has no time until the extra time comes.
    for rule in advice_hours.weekly_hours(hours.id):
        advice_hours.end_weekly_hours(coordinator, rule.id, TUESDAY - dt.timedelta(days=1))
    waiting = visitor(volunteer, "Olena", "Bondar")
    topic = advice_topics.topics()[0].id
    advice_queue.add_to_queue(volunteer, waiting.id, advice_queue.WishData(topic), BEFORE)
    assert advice_queue.offers_to_call(volunteer) == []

    def add_extra(form: ExtraTimeDialog):
        form.day.setDate(QDate(2026, 12, 4))
        form.save()
        return form.result()

    monkeypatch.setattr(ExtraTimeDialog, "exec", add_extra)
    dialog = HoursDialog(DeskSession(coordinator, paths), coordinator.id)
    qtbot.addWidget(dialog)
    dialog.add_extra_time()
    [offer] = advice_queue.offers_to_call(volunteer)
    assert offer.offered_start == at(dt.date(2026, 12, 4), 10)
    assert "1 person in the queue was offered a time" in dialog.notice.text()


def test_topics_can_be_added_renamed_and_hidden(qtbot, coordinator, paths, monkeypatch):
    def new_topic(form: TopicDialog):
        form.names["fi"].setText("Verotus")
        form.names["uk"].setText("Податки")
        form.names["en"].setText("Taxes")
        form.bring["fi"].setText("Verokortti")
        form.save()
        return form.result()

    monkeypatch.setattr(TopicDialog, "exec", new_topic)
    dialog = TopicsDialog(DeskSession(coordinator, paths))
    qtbot.addWidget(dialog)
    dialog.add_topic()
    assert ["Verotus", "Податки", "Taxes", "Verokortti", "Yes"] in dialog.rows()
    taxes = next(topic for topic in advice_topics.topics() if topic.name_fi == "Verotus")
    dialog.select_topic(taxes.id)
    assert dialog.hide_button.text() == "Hide"
    dialog.hide_button.click()
    assert taxes.id not in [topic.id for topic in advice_topics.topics()]
    assert dialog.hide_button.text() == "Show again"
    dialog.hide_button.click()
    assert taxes.id in [topic.id for topic in advice_topics.topics()]

    def clashing_name(form: TopicDialog):
        form.names["fi"].setText("Kelan etuudet")
        form.save()
        return form.result()

    monkeypatch.setattr(TopicDialog, "exec", clashing_name)
    dialog.select_topic(taxes.id)
    dialog.edit_topic()
    assert advice_topics.get_topic(taxes.id).name_fi == "Verotus"


# --- papers --------------------------------------------------------------------------------------


def test_the_day_schedule_is_saved_as_a_pdf(
    hours, coordinator, volunteer, view_for, monkeypatch, tmp_path
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    book(volunteer, hours, anna, at(TUESDAY, 10))
    chosen = []

    def choose(dialog: DayScheduleDialog):
        chosen.append((dialog.chosen_day(), dialog.with_notes.isVisibleTo(dialog)))
        return DayScheduleDialog.SAVE

    target = tmp_path / "day.pdf"
    monkeypatch.setattr(DayScheduleDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    view = view_for(coordinator)
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10))
    view.print_button.click()
    assert chosen == [(TUESDAY, True)]
    assert target.read_bytes().startswith(b"%PDF")


def test_the_slip_is_offered_in_the_visitors_language(
    hours, volunteer, view_for, monkeypatch, tmp_path
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    book(volunteer, hours, anna, at(TUESDAY, 10), language="uk")
    chosen = []

    def choose(dialog: session_panel.SlipDialog):
        chosen.append((dialog.chosen_language(), dialog.chosen_paper()))
        dialog.half_a4.setChecked(True)
        return session_panel.SlipDialog.SAVE

    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(session_panel.SlipDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    view = view_for(volunteer)
    view.go_to(TUESDAY)
    view.week_view.click_slot(at(TUESDAY, 10))
    view.panel.slip_button.click()
    assert chosen == [("uk", "a6")]
    assert target.read_bytes().startswith(b"%PDF")


# --- the main window -----------------------------------------------------------------------------


def test_the_main_window_opens_a_session_in_the_advice_area(qtbot, hours, volunteer, paths):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(THURSDAY, 13))
    window = MainWindow(DeskSession(volunteer, paths))
    qtbot.addWidget(window)
    window.show()
    areas = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert areas.index("Advice") == areas.index("Events") + 1
    window.open_advice_session(session.id)
    view = window.views["advice"]
    assert window.stack.currentWidget() is view
    assert view.period.text().startswith("Week 49")
    assert view.panel.current_session_id() == session.id
    assert view.week_view.selected_slot().session.id == session.id


@pytest.mark.parametrize("lang", ["fi", "uk"])
def test_the_advice_area_fits_a_1366_by_768_screen(
    qtbot, hours, coordinator, volunteer, paths, lang
):
    anna = visitor(volunteer, "Anna", "Melnyk")
    session = book(volunteer, hours, anna, at(THURSDAY, 13))
    i18n.set_language(lang)
    window = MainWindow(DeskSession(coordinator, paths))
    qtbot.addWidget(window)
    window.show()
    window.open_advice_session(session.id)
    view = window.views["advice"]
    assert view.tabs.tabText(0) == gettext_in(lang, "Calendar")
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728
    view.show_mode("day")
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728
