"""Planning events and weekly series through the dialogs, and cancelling, restoring, deleting."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog, QInputDialog

from lumijobi_desktop.core import event_series, events, partners, people, registrations
from lumijobi_desktop.core.event_series import WeeklyRule
from lumijobi_desktop.core.events import Event, EventData, EventSeries
from lumijobi_desktop.core.partners import PartnerData
from lumijobi_desktop.core.people import PersonData
from lumijobi_desktop.ui.events import event_dialog
from lumijobi_desktop.ui.events.event_dialog import EventDialog, SeriesDialog
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def session(paths, admin):
    return DeskSession(admin, paths)


def open_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def soon(days=20, hour=17):
    return dt.datetime.combine(dt.date.today() + dt.timedelta(days=days), dt.time(hour))


def plan(user, title, starts_at, hours=2, **extra):
    data = EventData(
        title=title, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **extra
    )
    return events.create_event(user, data)


def test_creating_an_event(qtbot, session):
    school = partners.save_partner(session.user, None, PartnerData(name="Lumijoen koulu"))
    dialog = open_dialog(qtbot, EventDialog(session, day=dt.date(2026, 12, 3)))
    form = dialog.form
    qtbot.keyClicks(form.title, "Joulukorttipaja")
    form.title_uk.setText("Майстерня листівок")  # QTest types ASCII only
    form.kind.setCurrentIndex(form.kind.findData("community"))
    form.starts.setTime(QTime(12, 0))
    form.ends.setTime(QTime(14, 30))
    qtbot.keyClicks(form.place, "Nuorisotila")
    form.capacity.setValue(20)
    form.signup_required.setChecked(True)
    form.languages["uk"].setChecked(True)
    form.languages["fi"].setChecked(True)
    form.set_partner_checked(school.id)
    form.description.setPlainText("Tuo omat sakset.")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    assert dialog.result() == QDialog.Accepted
    event = Event.get()
    assert dialog.event_id == event.id
    assert (event.title, event.title_uk, event.place) == (
        "Joulukorttipaja",
        "Майстерня листівок",
        "Nuorisotila",
    )
    assert (event.starts_at, event.ends_at) == (
        dt.datetime(2026, 12, 3, 12, 0),
        dt.datetime(2026, 12, 3, 14, 30),
    )
    assert event.capacity == 20 and event.signup_required
    assert sorted(event.language_codes) == ["fi", "uk"]
    assert event.partner_ids == [school.id]
    assert event.description == "Tuo omat sakset."


def test_no_limit_leaves_the_capacity_empty(qtbot, session):
    dialog = open_dialog(qtbot, EventDialog(session, day=dt.date(2026, 12, 3)))
    assert dialog.form.capacity.text() == "no limit"
    qtbot.keyClicks(dialog.form.title, "Open doors")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert Event.get().capacity is None


def test_an_end_before_the_start_is_explained_and_nothing_is_stored(qtbot, session):
    dialog = open_dialog(qtbot, EventDialog(session, day=dt.date(2026, 12, 3)))
    qtbot.keyClicks(dialog.form.title, "Lautapeli-ilta")
    dialog.form.starts.setTime(QTime(18, 0))
    dialog.form.ends.setTime(QTime(16, 0))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "must end after it starts" in dialog.error.text()
    assert dialog.error.isVisible() and dialog.isVisible()
    assert dialog.result() != QDialog.Accepted
    assert Event.select().count() == 0
    assert dialog.focusWidget() in (dialog.form.ends, *dialog.form.ends.children())


def test_a_missing_title_is_explained(qtbot, session):
    dialog = open_dialog(qtbot, EventDialog(session, day=dt.date(2026, 12, 3)))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "title" in dialog.error.text()
    assert Event.select().count() == 0


def test_an_event_over_two_days(qtbot, session):
    dialog = open_dialog(qtbot, EventDialog(session, day=dt.date(2026, 12, 3)))
    qtbot.keyClicks(dialog.form.title, "Leiri")
    dialog.other_day.setChecked(True)
    assert dialog.end_date.isVisible() and dialog.end_date.date() == QDate(2026, 12, 4)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    event = Event.get()
    assert (event.starts_at, event.ends_at) == (
        dt.datetime(2026, 12, 3, 10, 0),
        dt.datetime(2026, 12, 4, 12, 0),
    )


def test_choosing_coffee_fills_the_usual_details_only_into_an_empty_form(qtbot, session):
    dialog = open_dialog(qtbot, EventDialog(session))
    form = dialog.form
    form.kind.setCurrentIndex(form.kind.findData("coffee"))
    assert (form.title.text(), form.title_uk.text(), form.title_en.text()) == (
        "Tiistaikahvit",
        "Вівторкова кава",
        "Tuesday coffee",
    )
    assert (form.start_time(), form.end_time()) == (dt.time(10), dt.time(12))
    assert [code for code, box in form.languages.items() if box.isChecked()] == ["fi", "uk"]
    assert form.place.text() == "Help Center Lumijobi"
    assert dialog.date.date().dayOfWeek() == 2  # a Tuesday

    other = open_dialog(qtbot, EventDialog(session))
    qtbot.keyClicks(other.form.title, "Kahvit ja pullat")
    other.form.kind.setCurrentIndex(other.form.kind.findData("coffee"))
    assert other.form.title.text() == "Kahvit ja pullat"
    assert other.form.title_uk.text() == ""


def test_a_series_makes_its_occasions_and_skips_holidays(qtbot, session):
    dialog = open_dialog(qtbot, SeriesDialog(session))
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("coffee"))
    assert dialog.form.title.text() == "Tiistaikahvit"
    assert dialog.weekday.currentData() == 1  # Tuesday, as the coffee meeting is
    dialog.weekday.setCurrentIndex(dialog.weekday.findData(3))  # but Thursdays this time
    dialog.first_date.setDate(QDate(2026, 12, 1))
    dialog.until_date.setDate(QDate(2026, 12, 31))
    assert dialog.skip_holidays.isChecked()
    assert "4 occasions" in dialog.preview.text()
    assert "Christmas Eve" in dialog.preview.text()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    assert dialog.result() == QDialog.Accepted
    assert dialog.made == 4 and dialog.result_text == "4 occasions made."
    days = [event.starts_at.date() for event in Event.select().order_by(Event.starts_at)]
    assert days == [dt.date(2026, 12, d) for d in (3, 10, 17, 31)]  # not 24.12.
    assert all(event.title == "Tiistaikahvit" for event in Event.select())
    assert EventSeries.get().until_date == dt.date(2026, 12, 31)


def test_a_series_that_gives_no_date_is_refused(qtbot, session):
    dialog = open_dialog(qtbot, SeriesDialog(session))
    qtbot.keyClicks(dialog.form.title, "Kerho")
    dialog.weekday.setCurrentIndex(dialog.weekday.findData(0))  # Monday
    dialog.first_date.setDate(QDate(2026, 12, 1))  # a Tuesday
    dialog.until_date.setDate(QDate(2026, 12, 6))  # a Sunday
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "between these dates" in dialog.error.text()
    assert Event.select().count() == 0 and EventSeries.select().count() == 0


def make_coffee_series(admin, first=dt.date(2026, 11, 3), until=dt.date(2026, 11, 24)):
    data = EventData(title="Tiistaikahvit", kind="coffee")
    series, _made = event_series.create_series(
        admin, data, WeeklyRule(1, dt.time(10), dt.time(12), first, until)
    )
    return event_series.series_occasions(admin, series.id)


def test_changing_one_occasion_moves_only_that_one(qtbot, session, admin):
    occasions = make_coffee_series(admin)
    second = occasions[1]
    dialog = open_dialog(qtbot, EventDialog(session, second.id))
    assert dialog.series_note.isVisible()
    assert "only this date" in dialog.series_note.text()
    dialog.form.starts.setTime(QTime(13, 0))
    dialog.form.ends.setTime(QTime(15, 0))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    starts = [Event.get_by_id(o.id).starts_at.time() for o in occasions]
    assert starts == [dt.time(10), dt.time(13), dt.time(10), dt.time(10)]


def test_a_single_event_has_no_series_note(qtbot, session, admin):
    event = plan(admin, "Jooga", dt.datetime(2026, 12, 2, 19))
    dialog = open_dialog(qtbot, EventDialog(session, event.id))
    assert not dialog.series_note.isVisible()
    assert not dialog.extend_button.isVisible()


def test_extending_a_series(qtbot, session, admin, monkeypatch):
    occasions = make_coffee_series(admin)
    monkeypatch.setattr(
        event_dialog, "ask_new_last_date", lambda parent, current: dt.date(2026, 12, 15)
    )
    dialog = open_dialog(qtbot, EventDialog(session, occasions[-1].id))
    qtbot.mouseClick(dialog.extend_button, Qt.LeftButton)
    assert "3 occasions added" in dialog.done_note.text()
    assert Event.select().count() == 7


def test_cancelling_with_a_reason_then_restoring(qtbot, session, admin, monkeypatch):
    event = plan(admin, "Joulukorttipaja", soon(), capacity=10)
    for first, last in (("Olena", "Bondar"), ("Pekka", "Virtanen")):
        person = people.register_person(
            admin, PersonData(first_name=first, last_name=last, consent=True)
        )
        registrations.sign_up(admin, event.id, person.id)
    asked = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return "The leader is ill", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    dialog = open_dialog(qtbot, EventDialog(session, event.id))
    assert dialog.cancel_button.isVisible() and not dialog.restore_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)

    stored = Event.get_by_id(event.id)
    assert stored.cancelled and stored.cancel_reason == "The leader is ill"
    assert "Tell 2 signed-up visitors" in dialog.done_note.text()
    assert dialog.cancelled_note.isVisible() and "The leader is ill" in dialog.cancelled_note.text()
    assert dialog.restore_button.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.close_button.text() == "Close"  # nothing is left unsaved

    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    assert not Event.get_by_id(event.id).cancelled
    assert not dialog.cancelled_note.isVisible()


def test_changing_ones_mind_about_cancelling(qtbot, session, admin, monkeypatch):
    event = plan(admin, "Jooga", soon())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    dialog = open_dialog(qtbot, EventDialog(session, event.id))
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert not Event.get_by_id(event.id).cancelled


def test_deleting_is_refused_with_sign_ups_and_allowed_without(qtbot, session, admin, monkeypatch):
    monkeypatch.setattr(event_dialog, "confirm", lambda *args: True)
    used = plan(admin, "Retki", soon())
    person = people.register_person(
        admin, PersonData(first_name="Olena", last_name="Bondar", consent=True)
    )
    registrations.sign_up(admin, used.id, person.id)
    dialog = open_dialog(qtbot, EventDialog(session, used.id))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert "Cancel it instead" in dialog.error.text()
    assert Event.get_or_none(Event.id == used.id) is not None

    mistake = plan(admin, "Typo", soon())
    dialog = open_dialog(qtbot, EventDialog(session, mistake.id))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert dialog.deleted and dialog.result() == QDialog.Accepted
    assert Event.get_or_none(Event.id == mistake.id) is None


def test_a_volunteer_can_look_but_not_change(qtbot, paths, admin, volunteer):
    event = plan(admin, "Jooga", soon())
    dialog = open_dialog(qtbot, EventDialog(DeskSession(volunteer, paths), event.id))
    assert dialog.form.title.text() == "Jooga"
    assert not dialog.form.isEnabled()
    assert not dialog.save_button.isVisible()
    assert not dialog.cancel_button.isVisible() and not dialog.delete_button.isVisible()
    assert not dialog.actions.isVisible()
