"""The volunteer register: a new volunteer, finding by skill, record checks, hours and value."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton
from tests.core.volunteer_fixtures import TODAY, make_person, make_volunteer

from lumijobi_desktop.core import i18n, settings, volunteer_hours, volunteers
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.volunteer_hours import VolunteerHours
from lumijobi_desktop.core.volunteers import Volunteer
from lumijobi_desktop.ui.admin.settings_view import SettingsView
from lumijobi_desktop.ui.person_picker import PersonPickerDialog
from lumijobi_desktop.ui.persons.person_dialog import PersonDialog
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers import register_view, texts
from lumijobi_desktop.ui.volunteers.hours_dialog import HoursDialog
from lumijobi_desktop.ui.volunteers.hours_view import HoursView
from lumijobi_desktop.ui.volunteers.register_view import RegisterView, VolunteersModel
from lumijobi_desktop.ui.volunteers.volunteer_dialog import RecordCheckDialog, VolunteerDialog


def today() -> dt.date:
    return TODAY


@pytest.fixture
def register_for(qtbot, paths):
    def build(user) -> RegisterView:
        view = RegisterView(DeskSession(user, paths), today=today)
        qtbot.addWidget(view)
        view.resize(1280, 760)
        return view

    return build


@pytest.fixture
def helpers(admin):
    """Three volunteers: a driver who speaks Ukrainian, a paused cook, a befriender."""
    return {
        "oksana": make_volunteer(
            admin, "Oksana Melnyk", ("uk", "fi"), skills=["driving", "childcare"]
        ),
        "pekka": make_volunteer(admin, "Pekka Virtanen", skills=["cooking"], free_times=["1a"]),
        "aino": make_volunteer(admin, "Aino Mäkinen", ("fi", "sv"), skills=["befriending"]),
    }


def shown_names(view: RegisterView) -> list[str]:
    return [row.name for row in view.model.rows()]


def cell(view: RegisterView, name: str, column: int) -> str:
    row = shown_names(view).index(name)
    return view.model.index(row, column).data()


def test_staff_make_a_registered_person_a_volunteer_only_with_consent(
    qtbot, register_for, admin, monkeypatch
):
    make_person(admin, "Liisa Niemi", ("fi", "en"))
    view = register_for(admin)
    assert view.model.rowCount() == 0

    def choose_liisa(picker: PersonPickerDialog) -> int:
        picker.search.setText("Liisa")
        return QDialog.Accepted

    seen = {}

    def fill_profile(dialog: VolunteerDialog) -> int:
        assert "Liisa Niemi" in dialog.findChild(QLabel, "volunteerPersonName").text()
        dialog.skills["driving"].setChecked(True)
        dialog.skills["digital_help"].setChecked(True)
        dialog.interests["reading"].setChecked(True)
        dialog.free_times.boxes["1a"].setChecked(True)
        dialog.free_times.boxes["3m"].setChecked(True)
        dialog.findChild(QPushButton, "saveVolunteer").click()
        seen["refused"] = dialog.error.text()
        seen["saved_without_consent"] = Volunteer.select().count()
        dialog.consent.setChecked(True)
        dialog.findChild(QPushButton, "saveVolunteer").click()
        return dialog.result()

    monkeypatch.setattr(PersonPickerDialog, "exec", choose_liisa)
    monkeypatch.setattr(VolunteerDialog, "exec", fill_profile)
    view.new_button.click()

    assert "consent" in seen["refused"]
    assert seen["saved_without_consent"] == 0
    made = Volunteer.get()
    assert (made.skills, made.interests, made.free_times) == (
        "digital_help,driving",
        "reading",
        "1a,3m",
    )
    assert shown_names(view) == ["Liisa Niemi"]
    assert view.selected_id() == made.id
    assert cell(view, "Liisa Niemi", 3) == "Finnish, English"
    assert cell(view, "Liisa Niemi", 4) == "Digital help, Driving"
    assert cell(view, "Liisa Niemi", 5) == "Tue afternoon, Thu morning"
    assert view.detail.facts["interests"].text() == "Reading"


def test_a_person_not_yet_registered_is_registered_on_the_way(
    qtbot, register_for, admin, monkeypatch
):
    view = register_for(admin)

    def register_instead(picker: PersonPickerDialog) -> int:
        picker.findChild(QPushButton, "registerNewPerson").click()
        return picker.result()

    def register_person(dialog: PersonDialog) -> int:
        dialog.first_name.setText("Iryna")
        dialog.last_name.setText("Shevchenko")
        dialog.languages["uk"].setChecked(True)
        dialog.consent.setChecked(True)
        dialog.save()
        return dialog.result()

    def with_consent(dialog: VolunteerDialog) -> int:
        dialog.skills["translating"].setChecked(True)
        dialog.consent.setChecked(True)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PersonPickerDialog, "exec", register_instead)
    monkeypatch.setattr(PersonDialog, "exec", register_person)
    monkeypatch.setattr(VolunteerDialog, "exec", with_consent)
    view.new_button.click()
    assert shown_names(view) == ["Iryna Shevchenko"]
    assert cell(view, "Iryna Shevchenko", 4) == "Translating"


def test_the_register_filters_by_name_skill_and_active_only(
    register_for, admin, helpers, qtmodeltester
):
    volunteers.set_status(admin, helpers["pekka"].id, "paused")
    view = register_for(admin)
    qtmodeltester.check(view.model)
    assert shown_names(view) == ["Oksana Melnyk", "Aino Mäkinen", "Pekka Virtanen"]
    assert cell(view, "Pekka Virtanen", 6) == "Paused"
    assert view.count_label.text() == "3 volunteers"

    view.skill.setCurrentIndex(view.skill.findData("driving"))
    assert shown_names(view) == ["Oksana Melnyk"]
    view.skill.setCurrentIndex(view.skill.findData("cooking"))
    assert shown_names(view) == ["Pekka Virtanen"]
    view.active_only.setChecked(True)
    assert shown_names(view) == []
    view.skill.setCurrentIndex(0)
    assert shown_names(view) == ["Oksana Melnyk", "Aino Mäkinen"]

    view.search.setText("mel")
    assert shown_names(view) == ["Oksana Melnyk"]
    assert view.count_label.text() == "Showing 1 of 2."
    assert view.detail.name.text() == "Oksana Melnyk"  # one match is chosen at once


def test_pausing_and_making_active_again(register_for, admin, helpers, monkeypatch):
    view = register_for(admin)
    view.select_volunteer(helpers["aino"].id)
    monkeypatch.setattr(register_view, "confirm", lambda *args: True)
    view.detail.status_button.click()
    assert volunteers.get_volunteer(admin, helpers["aino"].id).status == "paused"
    assert cell(view, "Aino Mäkinen", 6) == "Paused"
    assert view.detail.status_button.text() == "Make active"
    view.detail.status_button.click()
    assert volunteers.get_volunteer(admin, helpers["aino"].id).active


def test_recording_a_criminal_record_extract_shows_a_tick(
    register_for, admin, helpers, monkeypatch
):
    view = register_for(admin)
    oksana = helpers["oksana"]
    view.select_volunteer(oksana.id)
    assert cell(view, "Oksana Melnyk", VolunteersModel.CHECK_COLUMN) == texts.NO_CHECK
    seen = {}

    def show_extract(dialog: RecordCheckDialog) -> int:
        assert "Do not keep a copy" in dialog.intro.text()
        dialog.extract_date.setDate(QDate(2026, 1, 2))  # too old
        dialog.save()
        seen["refused"] = dialog.error.text()
        dialog.extract_date.setDate(QDate(2026, 10, 1))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordCheckDialog, "exec", show_extract)
    view.detail.check_button.click()

    assert "older than six months" in seen["refused"]
    checked = volunteers.get_volunteer(admin, oksana.id)
    assert (checked.check_extract_date, checked.check_shown_on) == (dt.date(2026, 10, 1), TODAY)
    assert cell(view, "Oksana Melnyk", VolunteersModel.CHECK_COLUMN) == texts.CHECK_MARK
    check = view.detail.facts["check"].text()
    assert "Shown on 25/11/2026, dated 01/10/2026, seen by Aino Admin" in check
    assert "Valid until 25/11/2031" in check


def test_trainings_are_added_and_removed(register_for, admin, helpers, monkeypatch):
    from lumijobi_desktop.ui.volunteers.volunteer_dialog import TrainingDialog

    view = register_for(admin)
    view.select_volunteer(helpers["aino"].id)

    def add(dialog: TrainingDialog) -> int:
        dialog.save()
        assert "name" in dialog.error.text()  # a training needs its name
        dialog.name.setText("Ystäväkurssi")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(TrainingDialog, "exec", add)
    view.detail.add_training_button.click()
    assert [t.name for t in view.detail.trainings.rows()] == ["Ystäväkurssi"]
    view.detail.training_table.selectRow(0)
    monkeypatch.setattr(register_view, "confirm", lambda *args: True)
    view.detail.remove_training_button.click()
    assert view.detail.trainings.rows() == []


def log_through_dialog(monkeypatch, view: RegisterView, typed: list[str], seen: list[str]):
    """Open Log hours… and type each of `typed` in turn, saving each time."""

    def run(dialog: HoursDialog) -> int:
        dialog.activity.setCurrentIndex(dialog.activity.findData("goods"))
        for text in typed:
            dialog.hours.setText(text)
            dialog.findChild(QPushButton, "saveHours").click()
            seen.append(dialog.error.text() if dialog.result() != QDialog.Accepted else "saved")
        return dialog.result()

    monkeypatch.setattr(HoursDialog, "exec", run)
    view.detail.log_button.click()


def test_a_desk_volunteer_sees_no_staff_buttons_but_logs_hours(
    register_for, users, helpers, monkeypatch, qtmodeltester
):
    desk = users[Role.VOLUNTEER]
    view = register_for(desk)
    assert view.new_button.isHidden()
    view.select_volunteer(helpers["oksana"].id)
    detail = view.detail
    for button in (
        detail.edit_button,
        detail.status_button,
        detail.check_button,
        detail.add_training_button,
        detail.remove_training_button,
    ):
        assert button.isHidden()
    assert not detail.log_button.isHidden()

    seen: list[str] = []
    log_through_dialog(monkeypatch, view, ["1,5"], seen)
    assert seen == ["saved"]
    [row] = VolunteerHours.select()
    assert (row.minutes, row.activity, row.day, row.recorded_by_id) == (90, "goods", TODAY, desk.id)
    assert [detail.hours.index(0, c).data() for c in range(3)] == [
        "25/11/2026",
        "1.5",
        "Sorting and handing out goods",
    ]
    assert "This month 1.5 h" in detail.hours_summary.text()
    qtmodeltester.check(detail.hours)


def test_bad_hours_are_refused_with_a_message_and_nothing_is_saved(
    register_for, admin, helpers, monkeypatch
):
    view = register_for(admin)
    view.select_volunteer(helpers["pekka"].id)
    volunteer_hours.log_hours(admin, helpers["pekka"].id, TODAY, 20, "desk", today=TODAY)
    seen: list[str] = []
    log_through_dialog(monkeypatch, view, ["-2", "25", "lots", "", "5"], seen)
    assert seen[0] == seen[1] == "Give the hours: more than 0 and at most 24."
    assert seen[2] == seen[3] == "Type the hours as a number, e.g. 1.5."
    assert "more than 24 hours on 25/11/2026: 20.0 h are already logged" in seen[4]
    assert [row.minutes for row in VolunteerHours.select()] == [20 * 60]


def test_manual_hours_can_be_removed(register_for, admin, helpers, monkeypatch):
    volunteer_hours.log_hours(admin, helpers["aino"].id, TODAY, 2, "desk", today=TODAY)
    view = register_for(admin)
    view.select_volunteer(helpers["aino"].id)
    view.detail.hours_table.selectRow(0)
    assert view.detail.remove_hours_button.isEnabled()
    monkeypatch.setattr(register_view, "confirm", lambda *args: True)
    view.detail.remove_hours_button.click()
    assert VolunteerHours.select().count() == 0
    assert view.detail.hours.rowCount() == 0


def test_the_hours_view_totals_hours_and_their_value(qtbot, paths, admin, helpers):
    settings.store(settings.VOLUNTEER_HOUR_VALUE, 12.5)
    for name, day, hours, activity in [
        ("oksana", dt.date(2026, 11, 3), 2.5, "desk"),
        ("oksana", dt.date(2026, 11, 10), 4, "goods"),
        ("aino", dt.date(2026, 11, 24), 1.5, "desk"),
        ("aino", dt.date(2026, 10, 30), 3, "events"),
    ]:
        volunteer_hours.log_hours(admin, helpers[name].id, day, hours, activity, today=TODAY)
    i18n.set_language("fi")
    view = HoursView(DeskSession(admin, paths), today=today)
    qtbot.addWidget(view)

    assert view.picker.period.text() == "Marraskuu 2026"
    assert view.hours_card.number.text() == "8,0 t"
    assert view.volunteers_card.number.text() == "2"
    assert view.value_card.number.text() == "100,00 €"
    assert "12,50 €/h" in view.value_card.extra.text()
    by_activity = [
        [view.by_activity.index(r, c).data() for c in range(3)]
        for r in range(view.by_activity.rowCount())
    ]
    assert sorted(by_activity) == [
        ["Tavaroiden lajittelu ja jakaminen", "4,0", "50,00 €"],
        ["Vastaanotto", "4,0", "50,00 €"],
    ]
    by_volunteer = [
        [view.by_volunteer.index(r, c).data() for c in range(3)]
        for r in range(view.by_volunteer.rowCount())
    ]
    assert by_volunteer == [["Oksana Melnyk", "6,5", "81,25 €"], ["Aino Mäkinen", "1,5", "18,75 €"]]

    view.picker.previous_button.click()
    assert view.picker.period.text() == "Lokakuu 2026"
    assert view.value_card.number.text() == "37,50 €"
    view.picker.range_first.setDate(QDate(2026, 12, 1))
    view.picker.range_last.setDate(QDate(2026, 12, 31))
    view.picker.range_button.click()
    assert view.hours_card.number.text() == "0,0 t"
    assert view.by_volunteer.rowCount() == 0
    assert not view.nothing.isHidden()


def test_staff_set_the_value_of_an_hour_and_the_friend_pair_reminder(
    qtbot, paths, admin, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    settings.store(settings.CENTRE_NAME, "Help Center Lumijobi")
    view = SettingsView(DeskSession(admin, paths))
    qtbot.addWidget(view)
    assert view.hour_value.value() == 10.0
    assert view.no_meeting_days.value() == 30
    view.hour_value.setValue(12.5)
    view.no_meeting_days.setValue(45)
    view.findChild(QPushButton, "saveDeskSettings").click()
    assert settings.get(settings.VOLUNTEER_HOUR_VALUE) == 12.5
    assert settings.get(settings.FRIEND_NO_MEETING_DAYS) == 45
    assert volunteer_hours.hour_value() == 12.5


def test_times_skills_and_languages_read_in_the_users_language():
    i18n.set_language("fi")
    assert texts.time_codes_text(["2m", "0a"]) == "ma iltapäivä, ke aamupäivä"
    assert texts.time_codes_text(["0e", "0m"]) == "ma aamupäivä, ma ilta"
    assert texts.names_text(["driving", "cooking"], volunteers.SKILLS) == "Autolla ajo, Ruoanlaitto"
    assert texts.languages_text(["uk", "fi"]) == "Ukraina, suomi"
    assert texts.money_text(1234.5) == "1\xa0234,50 €"
    assert texts.parse_hours("1,5") == 1.5
    i18n.set_language("uk")
    assert texts.time_codes_text(["1a"]) == "вт після обіду"
    i18n.set_language("en")
    assert texts.time_codes_text(["6e"]) == "Sun evening"
    # Quarter hours keep both decimals, so the hours match their value in euros.
    assert [texts.hours_text(m) for m in (90, 735, 45)] == ["1.5", "12.25", "0.75"]


def test_the_volunteers_area_holds_the_register_and_the_hours(qtbot, paths, admin, helpers):
    from lumijobi_desktop.ui.volunteers.volunteers_area import VolunteersArea

    area = VolunteersArea(DeskSession(admin, paths))
    qtbot.addWidget(area)
    tabs = [area.tabText(index) for index in range(area.count())]
    assert tabs == ["Volunteers", "Friend service", "Neighbour help", "Hours"]
    assert area.widget(0) is area.register and area.widget(3) is area.hours
    for index in range(area.count()):
        area.setCurrentIndex(index)
    assert len(area.register.model.rows()) == 3
