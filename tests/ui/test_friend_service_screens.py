"""The friend service screens: finding a friend, following a pair, logging its meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from tests.core.volunteer_fixtures import TODAY, make_person, make_volunteer

from lumijobi_desktop.core import friend_service
from lumijobi_desktop.core.friend_service import (
    FriendMeeting,
    FriendRequest,
    PairStatus,
    RequestData,
)
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import VolunteerHours
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.friend_request_dialog import FriendRequestDialog
from lumijobi_desktop.ui.volunteers.friend_view import FriendServiceView, request_details
from lumijobi_desktop.ui.volunteers.match_dialog import MatchDialog
from lumijobi_desktop.ui.volunteers.meeting_dialog import CheckInDialog, MeetingDialog
from lumijobi_desktop.ui.volunteers.pair_panel import DayDialog, EndPairDialog, PairPanel

START = dt.date(2026, 6, 1)


def today() -> dt.date:
    return TODAY


@pytest.fixture
def staff(users):
    return users[Role.STAFF]


@pytest.fixture
def olena_request(admin):
    """Olena speaks Ukrainian, lives in Lumijoki, likes gardening, would meet on Tuesdays."""
    olena = make_person(admin, "Olena Koval", ("uk",), "Lumijoki")
    return friend_service.save_request(
        admin,
        None,
        olena.id,
        RequestData(
            wishes=["home_visits", "outdoors"],
            frequency="weekly",
            interests=["gardening"],
            languages=["uk"],
            village="Lumijoki",
            times=["1a"],
            needs="Kuulee huonosti",
            needs_consent=True,
        ),
    )


@pytest.fixture
def helpers(admin):
    return {
        "oksana": make_volunteer(
            admin, "Oksana Near", ("uk", "fi"), interests=["gardening"], free_times=["1a"]
        ),
        "iryna": make_volunteer(admin, "Iryna Far", ("uk",), "Oulu"),
        "aino": make_volunteer(admin, "Aino Finnish", ("fi",), interests=["gardening"]),
    }


def active_pair(admin, request, volunteer):
    pair = friend_service.propose_pair(admin, request.id, volunteer.id, today=START)
    friend_service.plan_first_meeting(admin, pair.id, START + dt.timedelta(days=3))
    friend_service.start_pair(admin, pair.id, START + dt.timedelta(days=3))
    return pair


def friend_view(qtbot, paths, user) -> FriendServiceView:
    view = FriendServiceView(DeskSession(user, paths), today=today)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    return view


def pair_panel(qtbot, paths, user, pair_id) -> PairPanel:
    panel = PairPanel(DeskSession(user, paths), today=today)
    qtbot.addWidget(panel)
    panel.show_pair(pair_id)
    return panel


def test_suggestions_show_their_reasons_best_first(qtbot, paths, staff, olena_request, helpers):
    dialog = MatchDialog(DeskSession(staff, paths), olena_request.id, today=today)
    qtbot.addWidget(dialog)
    names = [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())]
    assert names == ["Oksana Near", "Iryna Far"]  # Aino speaks no Ukrainian
    best, other = dialog.reasons_shown()
    assert best == (
        "speaks Ukrainian · both like gardening · same village: Lumijoki · "
        "both free: Tuesday afternoon"
    )
    assert other == "speaks Ukrainian"
    assert dialog.model.index(0, 1).data() == "8 points"
    assert dialog.chosen().candidate.name == "Oksana Near"  # the best is chosen already


def test_finding_and_confirming_a_match_proposes_the_pair(
    qtbot, paths, staff, olena_request, helpers, monkeypatch
):
    view = friend_view(qtbot, paths, staff)
    assert view.requests.rows()[0].person_name == "Olena Koval"
    assert view.chosen_request().id == olena_request.id
    shown = []

    def choose_iryna(dialog: MatchDialog):
        shown.append(dialog.reasons_shown())
        dialog.table.selectRow(1)
        dialog.propose_button.click()
        return dialog.result()

    monkeypatch.setattr(MatchDialog, "exec", choose_iryna)
    view.find_button.click()

    assert shown and shown[0][0].startswith("speaks Ukrainian · both like gardening")
    [pair] = friend_service.pair_rows(staff)
    assert (pair.volunteer_id, pair.status) == (helpers["iryna"].id, PairStatus.PROPOSED)
    assert pair.proposed_on == TODAY
    assert view.requests.rowCount() == 0  # no longer waiting
    assert view.no_requests.isVisible()
    assert view.chosen_pair().id == pair.id
    assert view.panel.title.text() == "Olena Koval ↔ Iryna Far"
    assert view.todo_lines() == [
        ("Plan the first meeting (proposed 25/11/2026) – Olena Koval ↔ Iryna Far", False)
    ]


def test_nobody_sharing_a_language_gets_a_friendly_word(qtbot, paths, staff, helpers):
    fatima = make_person(staff, "Fatima Hassan", ("ar",), "Varjakka")
    request = friend_service.save_request(staff, None, fatima.id, RequestData(languages=["ar"]))
    dialog = MatchDialog(DeskSession(staff, paths), request.id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert "no active volunteer speaks Arabic." in dialog.empty.text()
    assert not dialog.propose_button.isVisible()


def test_logging_a_meeting_saves_it_and_logs_the_volunteers_hours(
    qtbot, paths, staff, olena_request, helpers, monkeypatch
):
    pair = active_pair(staff, olena_request, helpers["oksana"])
    panel = pair_panel(qtbot, paths, staff, pair.id)
    assert panel.meetings_title.text() == "No meetings logged yet"

    def log_a_walk(dialog: MeetingDialog):
        assert dialog.kind.currentData() == "visit"  # what Olena wished for first
        dialog.day.setDate(QDate(2026, 11, 20))
        dialog.quick_buttons[2].click()  # 1 h 30 min
        dialog.kind.setCurrentIndex(dialog.kind.findData("outdoors"))
        qtbot.keyClicks(dialog.note, "Walk by the river")
        dialog.findChild(QPushButton, "saveMeeting").click()
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", log_a_walk)
    panel.meeting_button.click()

    [meeting] = FriendMeeting.select()
    assert (meeting.day, meeting.minutes, meeting.kind, meeting.note) == (
        dt.date(2026, 11, 20),
        90,
        "outdoors",
        "Walk by the river",
    )
    [hours] = VolunteerHours.select()
    assert (hours.volunteer_id, hours.minutes, hours.day) == (
        helpers["oksana"].id,
        90,
        dt.date(2026, 11, 20),
    )
    shown = [
        [panel.meetings.index(0, column).data() for column in range(4)],
    ]
    assert shown == [["20/11/2026", "1 h 30 min", "Outdoors", "Walk by the river"]]
    assert panel.meetings_title.text() == "Meetings (1) · 1 h 30 min together"
    assert panel.rows["last_met"][1].text() == "20/11/2026"


def test_a_meeting_before_the_pair_began_is_refused_and_nothing_saved(
    qtbot, paths, staff, olena_request, helpers
):
    pair = active_pair(staff, olena_request, helpers["oksana"])
    dialog = MeetingDialog(DeskSession(staff, paths), pair.id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.day.setDate(QDate(2026, 6, 1))  # the pair began on 4 June
    dialog.findChild(QPushButton, "saveMeeting").click()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "This meeting would be before the pair began (04/06/2026)."
    assert dialog.result() == 0 and dialog.isVisible()
    assert FriendMeeting.select().count() == 0 and VolunteerHours.select().count() == 0


def test_the_to_do_list_shows_a_late_check_in_in_red_until_it_is_done(
    qtbot, paths, staff, olena_request, helpers, monkeypatch
):
    pair = active_pair(staff, olena_request, helpers["oksana"])  # began 4 June: due 4 July
    friend_service.log_meeting(staff, pair.id, dt.date(2026, 11, 10), 60, "visit", today=TODAY)
    view = friend_view(qtbot, paths, staff)
    assert view.todo_lines() == [
        (
            "Check-in late: was due 04/07/2026 (144 days ago) – Olena Koval ↔ Oksana Near",
            True,
        )
    ]
    entry = view.todo_list.item(0)
    assert entry.foreground().color().name() == "#b00020"
    assert view.pairs.index(0, 3).data() == "10/11/2026"  # last met

    def done(dialog: CheckInDialog):
        qtbot.keyClicks(dialog.note, "Both happy")
        dialog.findChild(QPushButton, "saveCheckIn").click()
        return dialog.result()

    monkeypatch.setattr(CheckInDialog, "exec", done)
    view.todo_list.itemActivated.emit(entry)  # Enter on the task opens the check-in

    assert view.todo_lines() == []
    assert view.todo_list.item(0).text() == "Nothing to do for the pairs now."
    assert view.panel.rows["check_in"][1].text() == "25/02/2027"  # three months on


def test_the_buttons_follow_the_pairs_life(
    qtbot, paths, staff, olena_request, helpers, monkeypatch
):
    pair = friend_service.propose_pair(staff, olena_request.id, helpers["oksana"].id, today=START)
    panel = pair_panel(qtbot, paths, staff, pair.id)
    assert panel.available_actions() == ["planFirstMeeting", "endPair"]

    def on_day(day: dt.date):
        def run(dialog: DayDialog):
            dialog.day.setDate(QDate(day.year, day.month, day.day))
            dialog.findChild(QPushButton, "saveStep").click()
            return dialog.result()

        return run

    monkeypatch.setattr(DayDialog, "exec", on_day(dt.date(2026, 6, 8)))
    panel.plan_button.click()
    assert panel.status.text() == "First meeting planned"
    assert panel.available_actions() == ["startPair", "logMeeting", "endPair"]

    monkeypatch.setattr(DayDialog, "exec", on_day(dt.date(2026, 6, 1)))  # before the meeting
    errors = []

    def refused(dialog: DayDialog):
        dialog.day.setDate(QDate(2026, 6, 1))
        dialog.findChild(QPushButton, "saveStep").click()
        errors.append(dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(DayDialog, "exec", refused)
    panel.start_button.click()
    assert errors == ["The pair cannot begin before its first meeting."]
    assert panel.status.text() == "First meeting planned"

    monkeypatch.setattr(DayDialog, "exec", on_day(dt.date(2026, 6, 8)))
    panel.start_button.click()
    assert panel.status.text() == "Ongoing"
    assert panel.available_actions() == ["logMeeting", "checkInDone", "pausePair", "endPair"]

    monkeypatch.setattr(DayDialog, "exec", on_day(dt.date(2026, 8, 1)))
    panel.pause_button.click()
    assert panel.status.text() == "Paused"
    assert panel.available_actions() == ["resumePair", "logMeeting", "checkInDone", "endPair"]

    panel.resume_button.click()
    assert panel.status.text() == "Ongoing"

    def end_moved(dialog: EndPairDialog):
        dialog.findChild(QPushButton, "saveEnd").click()  # no reason yet
        assert dialog.error.text() == "Choose why the pair ends."
        dialog.reason.setCurrentIndex(dialog.reason.findData("moved"))
        dialog.seek_new.setChecked(True)
        dialog.findChild(QPushButton, "saveEnd").click()
        return dialog.result()

    monkeypatch.setattr(EndPairDialog, "exec", end_moved)
    panel.end_button.click()
    assert panel.status.text() == "Ended"
    assert panel.available_actions() == ["logMeeting"]  # a meeting before the end, logged late
    assert panel.rows["ended"][1].text() == "25/11/2026 – Moved away"
    assert friend_service.get_request(staff, olena_request.id).status == "open"  # a new friend


def test_a_desk_volunteer_may_look_but_not_change(
    qtbot, paths, admin, volunteer, olena_request, helpers
):
    pair = active_pair(admin, olena_request, helpers["oksana"])
    friend_service.log_meeting(admin, pair.id, dt.date(2026, 11, 10), 60, "visit", today=TODAY)
    other = make_person(admin, "Hilkka Mäkelä", ("fi",))
    waiting = friend_service.save_request(
        admin,
        None,
        other.id,
        RequestData(languages=["fi"], needs="Rollaattori", needs_consent=True),
    )
    view = friend_view(qtbot, paths, volunteer)
    assert not view.new_button.isVisible() and not view.change_button.isVisible()
    assert view.find_button.isVisible()  # looking at suggestions is fine
    assert "Rollaattori" not in request_details(view.requests.rows()[0])  # health: staff only

    assert view.select_pair(pair.id)
    assert view.panel.available_actions() == []
    assert view.panel.view_only.isVisible()
    assert not view.panel.remove_button.isVisible()
    assert view.panel.meetings.rowCount() == 1  # the meetings can be seen

    dialog = MatchDialog(DeskSession(volunteer, paths), waiting.id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.propose_button.isVisible() and dialog.view_only.isVisible()
    dialog.propose()
    assert friend_service.get_request(admin, waiting.id).status == "open"


def test_a_new_request_starts_from_the_persons_languages_and_asks_consent_for_health(
    qtbot, paths, staff, monkeypatch
):
    mykola = make_person(staff, "Mykola Petrenko", ("uk", "ru"), "Varjakka")
    view = friend_view(qtbot, paths, staff)
    monkeypatch.setattr(PersonPickerDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(PersonPickerDialog, "person", lambda dialog: mykola)
    tries = []

    def fill(dialog: FriendRequestDialog):
        assert dialog.languages.chosen() == ["uk", "ru"]
        assert dialog.village.currentText() == "Varjakka"
        assert dialog.needs_box.isVisibleTo(dialog)
        dialog.wishes.boxes["outdoors"].setChecked(True)
        dialog.times.boxes["4e"].setChecked(True)
        dialog.needs.setText("Uses a walker")
        dialog.findChild(QPushButton, "saveRequest").click()
        tries.append(dialog.error.text())
        assert FriendRequest.select().count() == 0  # nothing saved without consent
        dialog.needs_consent.setChecked(True)
        dialog.findChild(QPushButton, "saveRequest").click()
        return dialog.result()

    monkeypatch.setattr(FriendRequestDialog, "exec", fill)
    view.new_button.click()

    assert "consent" in tries[0]
    [row] = friend_service.request_rows(staff)
    assert (row.person_name, row.languages, row.village, row.wishes, row.times, row.needs) == (
        "Mykola Petrenko",
        ["ru", "uk"],
        "Varjakka",
        ["outdoors"],
        ["4e"],
        "Uses a walker",
    )
    assert view.chosen_request().id == row.id
    assert view.requests.index(0, 1).data() == "Russian, Ukrainian"


def test_the_screens_speak_finnish(qtbot, paths, staff, olena_request, helpers):
    from lumijobi_desktop.core import i18n

    i18n.set_language("fi")
    pair = active_pair(staff, olena_request, helpers["oksana"])
    friend_service.log_meeting(staff, pair.id, dt.date(2026, 11, 10), 90, "visit", today=TODAY)
    panel = pair_panel(qtbot, paths, staff, pair.id)
    assert panel.rows["started"][1].text() == "04.06.2026"
    assert panel.meetings.index(0, 0).data() == "10.11.2026"
    assert panel.meetings.index(0, 1).data() == "1 t 30 min"
    assert panel.meeting_table.horizontalHeader().model().headerData(0, Qt.Horizontal) == (
        "Päivämäärä"
    )
