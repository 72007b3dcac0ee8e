import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from lumijobi_desktop.core.people import Person
from lumijobi_desktop.ui.idle import IdleWatcher
from lumijobi_desktop.ui.persons import person_dialog
from lumijobi_desktop.ui.persons.person_dialog import PersonDialog, SimilarPersonsDialog
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def session(paths, volunteer):
    return DeskSession(volunteer, paths)


def test_typed_name_is_carried_into_the_form(qtbot, session):
    dialog = PersonDialog(session, typed_name="olena bondar")
    qtbot.addWidget(dialog)
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Olena", "Bondar")


def test_registering_without_consent_explains_and_saves_nothing(qtbot, session):
    dialog = PersonDialog(session, typed_name="Olena Bondar")
    qtbot.addWidget(dialog)
    dialog.save()
    assert "consent" in dialog.error.text()
    assert Person.select().count() == 0
    dialog.birth_year.setText("19x0")
    dialog.consent.setChecked(True)
    dialog.save()
    assert "birth year" in dialog.error.text()
    assert Person.select().count() == 0


def test_registering_a_new_visitor(qtbot, session):
    dialog = PersonDialog(session, typed_name="Olena Bondar")
    qtbot.addWidget(dialog)
    dialog.phone.setText("040 123 4567")
    dialog.languages["uk"].setChecked(True)
    dialog.groups["newcomer"].setChecked(True)
    dialog.consent.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    person = Person.get()
    assert (person.full_name, person.languages, person.newcomer) == ("Olena Bondar", ["uk"], True)


def test_a_similar_name_offers_the_existing_person(qtbot, session, some_persons, monkeypatch):
    existing = some_persons["Mäkinen"]

    def choose_existing(dialog):
        dialog.chosen = dialog.list.currentItem().data(0x0100)
        return QDialog.Accepted

    monkeypatch.setattr(SimilarPersonsDialog, "exec", choose_existing)
    dialog = PersonDialog(session, typed_name="Aino Makinen")
    qtbot.addWidget(dialog)
    dialog.birth_year.setText("1950")
    dialog.consent.setChecked(True)
    dialog.save()
    assert dialog.person == existing
    assert Person.select().count() == 4  # nothing new registered


def test_registering_anyway_after_the_warning(qtbot, session, some_persons, monkeypatch):
    monkeypatch.setattr(
        SimilarPersonsDialog, "exec", lambda dialog: SimilarPersonsDialog.REGISTER_NEW
    )
    dialog = PersonDialog(session, typed_name="Aino Makinen")
    qtbot.addWidget(dialog)
    dialog.birth_year.setText("1950")
    dialog.consent.setChecked(True)
    dialog.save()
    assert Person.select().count() == 5


def test_privacy_notice_is_saved_in_the_chosen_language_and_opened(
    qtbot, session, tmp_path, monkeypatch
):
    target = tmp_path / "notice"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog = PersonDialog(session)
    qtbot.addWidget(dialog)
    dialog.print_privacy_notice("uk")
    pdf = pdfium.PdfDocument(target.with_suffix(".pdf"))
    text = pdf[0].get_textpage().get_text_range()
    assert session.centre_name in text
    assert any("\u0400" <= char <= "\u04ff" for char in text)  # Ukrainian text
    assert opened and opened[0].toLocalFile().endswith("notice.pdf")
    assert person_dialog.LANGUAGES  # the menu offers every app language


class _FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_idle_watcher_locks_after_the_set_minutes(qtbot):
    clock = _FakeClock()
    minutes = [10]
    watcher = IdleWatcher(lambda: minutes[0], clock=clock)
    fired = []
    watcher.idle.connect(lambda: fired.append(clock.now))
    clock.now = 9 * 60
    watcher.check()
    assert fired == []
    clock.now = 10 * 60
    watcher.check()
    assert fired == [600]
    minutes[0] = 1  # a changed setting applies without a restart
    clock.now += 60
    watcher.check()
    assert fired == [600, 660]


def test_staff_erase_a_visitor_from_the_list(qtbot, paths, users, some_persons, monkeypatch):
    from lumijobi_desktop.ui.persons.persons_view import PersonsView

    view = PersonsView(DeskSession(users["staff"], paths))
    qtbot.addWidget(view)
    view.show()
    monkeypatch.setattr("lumijobi_desktop.ui.persons.persons_view.confirm", lambda *a: True)
    view.filter.setText("melnyk")
    view.table.selectRow(0)
    assert view.erase_button.isEnabled()
    view.erase_selected()
    assert not Person.select().where(Person.last_name == "Melnyk").exists()
    assert view.model.total() == 0


def test_volunteers_do_not_see_the_erase_button(qtbot, session):
    from lumijobi_desktop.ui.persons.persons_view import PersonsView

    view = PersonsView(session)
    qtbot.addWidget(view)
    assert view.erase_button.isHidden() and view.merge_button.isHidden()
