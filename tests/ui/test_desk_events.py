"""Events seen from the desk and the main window: upcoming events, event codes, the areas."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lumijobi_desktop.core import events, registrations
from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.core.events import EventData
from lumijobi_desktop.core.i18n import format_time
from lumijobi_desktop.ui.events.event_detail import EventDetailView


def coffee_tomorrow(admin):
    day = dt.date.today() + dt.timedelta(days=1)
    return events.create_event(
        admin,
        EventData(
            title="Tiistaikahvit",
            kind="coffee",
            starts_at=dt.datetime.combine(day, dt.time(10)),
            ends_at=dt.datetime.combine(day, dt.time(12)),
        ),
    )


def trip_in(admin, days: int, capacity: int = 2):
    day = dt.date.today() + dt.timedelta(days=days)
    return events.create_event(
        admin,
        EventData(
            title="Retki Ouluun",
            kind="trip",
            starts_at=dt.datetime.combine(day, dt.time(9)),
            ends_at=dt.datetime.combine(day, dt.time(16)),
            capacity=capacity,
            signup_required=True,
        ),
    )


def shown_event(window) -> EventDetailView:
    details = [d for d in window.findChildren(EventDetailView) if d.isVisible()]
    assert len(details) == 1
    return details[0]


def test_the_sidebar_has_events_and_partners_after_visitors(window):
    order = window.views.order
    assert order[:3] == ["desk", "persons", "events"]
    assert "partners" in order


def test_the_desk_lists_the_coming_week_and_a_click_opens_the_event(
    qtbot, admin, some_persons, window
):
    coffee = coffee_tomorrow(admin)
    trip = trip_in(admin, 3)
    registrations.sign_up(admin, trip.id, some_persons["Virtanen"].id, adults=2)
    registrations.sign_up(admin, trip.id, some_persons["Melnyk"].id)
    trip_in(admin, 12)  # beyond the week: not shown
    desk = window.desk()
    desk.refresh_events()
    lines = [line.text() for line in desk.upcoming.lines]
    assert len(lines) == 2
    assert lines[0].endswith("Tiistaikahvit")
    assert format_time(coffee.starts_at) in lines[0]
    assert lines[1].endswith("Retki Ouluun · 2/2 · 1 waiting")

    qtbot.mouseClick(desk.upcoming.lines[0], Qt.LeftButton)
    assert window.stack.currentWidget() is window.views["events"]
    detail = shown_event(window)
    assert detail.event_id == coffee.id
    assert detail.current_tab() == "door"  # a coffee meeting opens at the door


def test_scanning_an_event_code_opens_its_door(qtbot, admin, window):
    trip = trip_in(admin, 2)
    window.handle_scan(trip.code)
    assert window.stack.currentWidget() is window.views["events"]
    detail = shown_event(window)
    assert detail.event_id == trip.id
    assert detail.current_tab() == "door"
    assert detail.door.scan.hasFocus()  # names from the paper can be typed at once


def test_an_unknown_event_code_is_reported(qtbot, admin, window):
    window.handle_scan(make_code(CodeKind.EVENT, 999))
    assert window.statusBar().currentMessage() == "No event has this code."
    assert window.stack.currentWidget() is window.desk()


def test_the_call_notice_appears_only_when_someone_must_be_called(
    qtbot, admin, some_persons, window
):
    trip = trip_in(admin, 2, capacity=1)
    first = registrations.sign_up(admin, trip.id, some_persons["Virtanen"].id)
    registrations.sign_up(admin, trip.id, some_persons["Melnyk"].id)
    desk = window.desk()
    desk.refresh_events()
    assert not desk.call_list.isVisible()

    registrations.cancel_registration(admin, first.id)
    qtbot.keyClicks(desk.search, "aino")  # the desk refreshes after a check-in
    qtbot.keyClick(desk.search, Qt.Key_Return)
    qtbot.keyClick(desk.panel, Qt.Key_Return)
    assert desk.call_list.isVisible()
    texts = " ".join(label.text() for label in desk.call_list.findChildren(QLabel))
    assert "Oksana Melnyk" in texts and "Retki Ouluun" in texts
