"""The events calendar: month, week and list views, opening an event, the calendar file."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from lumijobi_desktop.core import events, people, registrations
from lumijobi_desktop.core.events import EventData
from lumijobi_desktop.core.people import PersonData
from lumijobi_desktop.ui.events.event_detail import EventDetailView
from lumijobi_desktop.ui.events.events_view import EventsView
from lumijobi_desktop.ui.session import DeskSession

DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture
def session(paths, admin):
    return DeskSession(admin, paths)


def plan(user, title, starts_at, hours=2, **extra):
    data = EventData(
        title=title, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **extra
    )
    return events.create_event(user, data)


def soon(days=20, hour=17):
    """A future moment, so sign-ups are still open whenever the tests run."""
    return dt.datetime.combine(dt.date.today() + dt.timedelta(days=days), dt.time(hour))


def visitor(admin, first, last):
    return people.register_person(admin, PersonData(first_name=first, last_name=last, consent=True))


@pytest.fixture
def calendar(qtbot, session):
    view = EventsView(session)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_month_shows_events_on_their_day_and_holiday_names(qtbot, admin, calendar):
    plan(admin, "Christmas cards", dt.datetime(2026, 12, 8, 12, 0), place="Youth room")
    cancelled = plan(admin, "Board games", dt.datetime(2026, 12, 10, 18, 0))
    events.cancel_event(admin, cancelled.id, "ill")
    calendar.go_to(DECEMBER)
    month = calendar.month_view
    assert calendar.period.text() == "December 2026"
    assert "Independence Day" in month.texts_on(dt.date(2026, 12, 6))
    assert month.texts_on(dt.date(2026, 12, 8)) == ["12:00 Christmas cards"]
    assert month.texts_on(dt.date(2026, 12, 10)) == ["18:00 Board games"]
    assert month.texts_on(dt.date(2026, 12, 9)) == []
    assert month.event_rect(cancelled.id) is not None  # shown, struck through


def test_clicking_an_event_opens_its_page_and_back_returns(qtbot, admin, calendar):
    event = plan(admin, "Christmas cards", dt.datetime(2026, 12, 8, 12, 0))
    calendar.go_to(DECEMBER)
    with qtbot.waitSignal(calendar.event_opened) as opened:
        qtbot.mouseClick(
            calendar.month_view,
            Qt.LeftButton,
            pos=calendar.month_view.event_rect(event.id).center(),
        )
    assert opened.args == [event.id]
    assert calendar.stack.currentWidget() is calendar.event_page
    assert isinstance(calendar.current_detail(), EventDetailView)
    assert calendar.current_detail().event_id == event.id

    calendar.current_detail().back_requested.emit()
    assert calendar.stack.currentWidget() is calendar.calendar_page
    assert calendar.current_detail() is None


def test_a_full_day_offers_more_which_opens_the_week(qtbot, admin, calendar):
    day = dt.date(2026, 12, 15)
    for hour in range(9, 17):
        plan(admin, f"Meeting {hour}", dt.datetime.combine(day, dt.time(hour)), hours=1)
    calendar.go_to(DECEMBER)
    month = calendar.month_view
    more = month.more_rect(day)
    assert more is not None
    qtbot.mouseClick(month, Qt.LeftButton, pos=more.center())
    assert calendar.mode == "week"
    assert calendar.period.text().startswith("Week 51")
    titles = [card.row.title for card in calendar.week_view.cards()]
    assert titles == [f"Meeting {hour}" for hour in range(9, 17)]


def test_the_week_shows_times_places_and_sign_ups(qtbot, admin, calendar):
    starts = soon()
    event = plan(admin, "Finnish course", starts, place="Classroom 3", capacity=12)
    for first, last in (("Olena", "Bondar"), ("Pekka", "Virtanen")):
        registrations.sign_up(admin, event.id, visitor(admin, first, last).id, adults=2)
    calendar.go_to(starts.date())
    calendar.show_mode("week")
    card = calendar.week_view.card_of(event.id)
    texts = " | ".join(card.texts())
    assert "17:00–19:00" in texts and "Classroom 3" in texts
    assert "4 signed up · 8 places left" in texts
    with qtbot.waitSignal(calendar.event_opened):
        qtbot.mouseClick(card, Qt.LeftButton)
    assert calendar.current_detail().event_id == event.id


def test_week_headers_name_holidays(qtbot, calendar):
    calendar.go_to(dt.date(2026, 12, 24))
    calendar.show_mode("week")
    assert "Christmas Eve" in calendar.week_view.header_text(dt.date(2026, 12, 24))
    assert "St Stephen" in calendar.week_view.header_text(dt.date(2026, 12, 26))


def test_navigation_moves_by_month_and_week(qtbot, calendar):
    calendar.go_to(DECEMBER)
    qtbot.mouseClick(calendar.next_button, Qt.LeftButton)
    assert calendar.period.text() == "January 2027"
    qtbot.mouseClick(calendar.previous_button, Qt.LeftButton)
    qtbot.mouseClick(calendar.previous_button, Qt.LeftButton)
    assert calendar.period.text() == "November 2026"
    calendar.show_mode("week")
    qtbot.mouseClick(calendar.today_button, Qt.LeftButton)
    assert calendar.period.text().startswith(f"Week {dt.date.today().isocalendar().week}")


def test_list_search_filters_and_enter_opens(qtbot, admin, calendar):
    plan(admin, "Board games night", soon(5))
    wanted = plan(admin, "Christmas cards", soon(9), place="Library")
    plan(admin, "Yoga", soon(12))
    calendar.show_mode("list")
    listing = calendar.list_view
    assert listing.titles() == ["Yoga", "Christmas cards", "Board games night"]  # newest first
    qtbot.keyClicks(listing.search, "libr")
    qtbot.keyClick(listing.search, Qt.Key_Return)
    assert listing.titles() == ["Christmas cards"]
    listing.search.clear()
    qtbot.keyClicks(listing.search, "CHRISTMAS")
    qtbot.keyClick(listing.search, Qt.Key_Return)
    assert listing.titles() == ["Christmas cards"]
    with qtbot.waitSignal(calendar.event_opened) as opened:
        qtbot.keyClick(listing.table, Qt.Key_Return)
    assert opened.args == [wanted.id]


def test_list_upcoming_only_hides_past_events(qtbot, admin, calendar):
    plan(admin, "Last spring's party", dt.datetime(2020, 5, 1, 12))
    plan(admin, "Next month's party", soon(30))
    calendar.show_mode("list")
    assert len(calendar.list_view.titles()) == 2
    calendar.list_view.upcoming.setChecked(True)
    assert calendar.list_view.titles() == ["Next month's party"]


def test_export_writes_the_shown_month_to_a_calendar_file(
    qtbot, admin, calendar, tmp_path, monkeypatch
):
    plan(admin, "Christmas cards", dt.datetime(2026, 12, 8, 12, 0), place="Youth room")
    plan(admin, "January sledging", dt.datetime(2027, 1, 9, 12, 0))
    target = tmp_path / "centre"
    asked = []

    def save_as(parent, title, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    calendar.go_to(DECEMBER)
    qtbot.mouseClick(calendar.export_button, Qt.LeftButton)
    assert asked[0].endswith("lumijobi-2026-12.ics")
    text = (tmp_path / "centre.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Christmas cards" in text and "LOCATION:Youth room" in text
    assert "January sledging" not in text
    assert calendar.notice.text() == "1 event saved in centre.ics."


def test_a_volunteer_sees_the_calendar_but_cannot_plan(qtbot, paths, admin, volunteer):
    event = plan(admin, "Christmas cards", dt.datetime(2026, 12, 8, 12, 0))
    view = EventsView(DeskSession(volunteer, paths))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.go_to(DECEMBER)
    assert not view.new_event_button.isVisibleTo(view)
    assert not view.new_series_button.isVisibleTo(view)
    assert view.export_button.isVisibleTo(view)
    requested = []
    view.month_view.new_event_requested.connect(requested.append)
    empty_day = view.month_view.cell_rect(dt.date(2026, 12, 9))
    qtbot.mouseDClick(view.month_view, Qt.LeftButton, pos=empty_day.center())
    assert requested == []
    view.open_event(event.id)
    assert view.current_detail().event_id == event.id


def test_a_double_click_on_an_empty_day_plans_an_event_there(qtbot, calendar, monkeypatch):
    from lumijobi_desktop.ui.events import events_view

    opened = []

    class FakeDialog:
        def __init__(self, session, event_id=None, day=None, parent=None):
            opened.append(day)
            self.event_id = None

        def exec(self):
            return 0

    monkeypatch.setattr(events_view, "EventDialog", FakeDialog)
    calendar.go_to(DECEMBER)
    cell = calendar.month_view.cell_rect(dt.date(2026, 12, 9))
    qtbot.mouseDClick(calendar.month_view, Qt.LeftButton, pos=cell.center())
    assert opened == [dt.date(2026, 12, 9)]


def test_a_busy_month_shows_every_event(qtbot, admin, calendar):
    for number in range(40):
        day = dt.date(2026, 12, 1) + dt.timedelta(days=number % 28)
        plan(admin, f"Event {number}", dt.datetime.combine(day, dt.time(8 + number % 10)))
    calendar.go_to(DECEMBER)
    calendar.refresh()
    assert sum(len(rows) for rows in calendar.month_view.rows_by_day.values()) == 40


def test_new_event_and_new_series_from_the_toolbar(qtbot, calendar, monkeypatch):
    from lumijobi_desktop.ui.events.event_dialog import EventDialog, SeriesDialog

    def fill_and_save(dialog):
        dialog.form.title.setText("Christmas cards")
        dialog.date.setDate(QDate(2026, 12, 8))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(EventDialog, "exec", fill_and_save)
    qtbot.mouseClick(calendar.new_event_button, Qt.LeftButton)
    assert calendar.period.text() == "December 2026"  # the calendar shows the new event
    assert calendar.month_view.texts_on(dt.date(2026, 12, 8)) == ["10:00 Christmas cards"]
    assert calendar.notice.text() == "Saved: Christmas cards, 08/12/2026."

    def make_series(dialog):
        dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("coffee"))
        dialog.first_date.setDate(QDate(2027, 1, 1))
        dialog.until_date.setDate(QDate(2027, 1, 31))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SeriesDialog, "exec", make_series)
    qtbot.mouseClick(calendar.new_series_button, Qt.LeftButton)
    assert calendar.notice.text() == "4 occasions made."
    assert calendar.period.text() == "January 2027"
    assert calendar.month_view.texts_on(dt.date(2027, 1, 5)) == [
        "10:00 Tuesday coffee"
    ]  # in the language of the screen


def test_the_month_by_keyboard(qtbot, calendar):
    calendar.go_to(dt.date(2026, 12, 9))
    month = calendar.month_view
    month.setFocus()
    qtbot.keyClick(month, Qt.Key_Right)
    qtbot.keyClick(month, Qt.Key_Down)
    assert month.selected_day == dt.date(2026, 12, 17)
    qtbot.keyClick(month, Qt.Key_Return)
    assert calendar.mode == "week" and calendar.period.text().startswith("Week 51")


def test_a_coffee_meeting_opens_at_the_door_a_sign_up_event_at_its_sign_ups(
    qtbot, admin, calendar, monkeypatch
):
    coffee = plan(admin, "Tiistaikahvit", dt.datetime(2026, 12, 8, 10), kind="coffee")
    course = plan(
        admin, "Finnish course", dt.datetime(2026, 12, 9, 17), capacity=12, signup_required=True
    )
    opened = []
    for event in (coffee, course):
        calendar.show_calendar()
        calendar.go_to(DECEMBER)
        rect = calendar.month_view.event_rect(event.id)
        qtbot.mouseClick(calendar.month_view, Qt.LeftButton, pos=rect.center())
        detail = calendar.current_detail()
        opened.append((detail.event_id, detail.current_tab()))
    assert opened == [(coffee.id, "door"), (course.id, "signups")]
