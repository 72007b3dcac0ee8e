from PySide6.QtCore import Qt

from lumijobi_desktop.core import visits
from lumijobi_desktop.core.visits import Visit
from lumijobi_desktop.ui.desk.models import TodayVisitsModel


def test_four_letters_and_enter_twice_checks_a_returning_visitor_in(qtbot, window, some_persons):
    desk = window.desk()
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, "virt")
    assert desk.results_model.person_at(0) == some_persons["Virtanen"]
    qtbot.keyClick(desk.search, Qt.Key_Return)
    assert desk.panel.person == some_persons["Virtanen"]
    assert desk.panel.hasFocus()
    qtbot.keyClick(desk.panel, Qt.Key_Return)
    visit = Visit.get()
    assert visit.person_id == some_persons["Virtanen"].id
    assert visit.purpose == visits.default_purpose(window.session.user, None, at=visit.visited_at)
    assert desk.today_model.rowCount() == 1
    assert "Pekka Virtanen" in desk.banner.text()
    assert desk.search.text() == "" and desk.search.hasFocus()


def test_a_cyrillic_name_is_found_with_latin_letters(qtbot, window, some_persons):
    desk = window.desk()
    qtbot.keyClicks(desk.search, "kova")
    assert desk.results_model.person_at(0) == some_persons["Коваленко"]


def test_arrow_keys_and_digit_choose_another_person_and_purpose(qtbot, window, some_persons):
    desk = window.desk()
    qtbot.keyClicks(desk.search, "m")  # Melnyk and Mäkinen
    assert desk.results_model.rowCount() == 2
    second = desk.results_model.person_at(1)
    qtbot.keyClick(desk.search, Qt.Key_Down)
    qtbot.keyClick(desk.search, Qt.Key_Return)
    qtbot.keyClick(desk.panel, Qt.Key_3)
    qtbot.keyClick(desk.panel, Qt.Key_Return)
    visit = Visit.get()
    assert (visit.person_id, visit.purpose) == (second.id, "advice")


def test_escape_goes_back_without_checking_in(qtbot, window, some_persons):
    desk = window.desk()
    qtbot.keyClicks(desk.search, "melnyk")
    qtbot.keyClick(desk.search, Qt.Key_Return)
    qtbot.keyClick(desk.panel, Qt.Key_Escape)
    assert Visit.select().count() == 0
    assert desk.panel.person is None and desk.search.hasFocus()


def test_no_match_says_so(qtbot, window, some_persons):
    desk = window.desk()
    qtbot.keyClicks(desk.search, "zzzz")
    assert desk.results_model.rowCount() == 0
    assert desk.no_match.text()
    qtbot.keyClick(desk.search, Qt.Key_Return)
    assert Visit.select().count() == 0


def test_anonymous_check_in_is_one_click_and_undo_takes_it_back(qtbot, window, monkeypatch):
    desk = window.desk()
    button = desk.findChild(type(desk.register_button), "anonymous_coffee")
    qtbot.mouseClick(button, Qt.LeftButton)
    visit = Visit.get()
    assert visit.person_id is None and visit.purpose == "coffee"
    monkeypatch.setattr("lumijobi_desktop.ui.desk.desk_view.confirm", lambda *a: True)
    qtbot.mouseClick(desk.undo_button, Qt.LeftButton)
    assert Visit.select().count() == 0
    assert desk.today_model.rowCount() == 0


def test_today_model_is_a_valid_qt_model(qtmodeltester, window, some_persons):
    user = window.session.user
    visits.check_in(user, some_persons["Melnyk"].id, "goods")
    visits.check_in(user, None, "other")
    model = TodayVisitsModel()
    model.set_rows(visits.visits_on(user, Visit.get().visited_at.date()))
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "Oksana Melnyk"


def test_the_visitors_list_shows_a_check_in_when_opened_next(qtbot, window, some_persons):
    import datetime as dt

    from lumijobi_desktop.core.people import Person

    long_ago = dt.datetime(2025, 1, 7, 10, 0)
    Person.update(last_seen_at=long_ago).execute()
    persons = window.views["persons"]
    persons.filter.setText("virtanen")
    desk = window.desk()
    desk.choose_person(some_persons["Virtanen"])
    qtbot.keyClick(desk.panel, Qt.Key_Return)
    assert persons.model.row_object(0).last_seen_at == long_ago  # not reloaded behind the desk
    window.show_area("persons")
    assert persons.model.row_object(0).last_seen_at == Visit.get().visited_at
