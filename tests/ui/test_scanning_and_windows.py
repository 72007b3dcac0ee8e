import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.conftest import PIN

from lumijobi_desktop.core import accounts, settings
from lumijobi_desktop.core.users import User
from lumijobi_desktop.ui.login import LoginDialog
from lumijobi_desktop.ui.persons.persons_model import PersonsTableModel
from lumijobi_desktop.ui.scanner import install_scan_detector
from lumijobi_desktop.ui.wizard import FirstRunWizard


@pytest.fixture
def detector(qapp):
    installed = install_scan_detector(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.deleteLater()


def _burst(widget, text):
    """What a USB scanner does: the characters and Enter, as fast as it can."""
    for char in text:
        key = Qt.Key(ord(char.upper()))
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))
    for kind in (QEvent.KeyPress, QEvent.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_Return, Qt.NoModifier, "\r"))


def test_a_scanned_card_opens_the_check_in_whatever_field_has_focus(
    qtbot, window, some_persons, detector
):
    detector.scanned.connect(window.handle_scan)
    window.show_area("persons")
    field = window.views["persons"].filter
    field.setFocus()
    person = some_persons["Melnyk"]
    _burst(field, person.card_code.lower())  # Caps Lock on: the scanner types lower case
    assert field.text() == ""
    assert window.stack.currentWidget() is window.desk()
    assert window.desk().panel.person == person


def test_typing_still_reaches_the_desk_search_with_the_detector_on(
    qtbot, window, some_persons, detector
):
    desk = window.desk()
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, "Pekka")
    assert desk.search.text() == "Pekka"


def test_an_unknown_card_is_reported_in_the_status_bar(qtbot, window, detector):
    from lumijobi_desktop.core.codes import CodeKind, make_code

    detector.scanned.connect(window.handle_scan)
    window.desk().search.setFocus()
    _burst(window.desk().search, make_code(CodeKind.PERSON, 999))
    assert window.statusBar().currentMessage()
    assert window.desk().panel.person is None


def test_first_run_wizard_creates_the_centre_and_the_admin(qtbot, store):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.centre_page
    assert not page.validatePage()  # no centre name yet
    assert page.error.isVisible() or page.error.text()
    page.centre_name.setText("Help Center Lumijobi")
    page.language.setCurrentIndex(page.language.findData("uk"))
    assert page.validatePage()
    wizard.next()
    admin_page = wizard.admin_page
    admin_page.name.setText("Aino Admin")
    admin_page.secret.setText("2468")
    admin_page.secret_again.setText("2469")
    assert not admin_page.validatePage()
    assert not User.select().exists()
    admin_page.secret_again.setText("2468")
    assert admin_page.validatePage()
    wizard.accept()
    assert wizard.admin is not None and wizard.admin.role == "admin"
    assert settings.get(settings.CENTRE_NAME) == "Help Center Lumijobi"
    assert settings.get(settings.DEFAULT_LANGUAGE_KEY) == "uk"


def test_login_picks_a_name_and_checks_the_pin(qtbot, users):
    dialog = LoginDialog("Help Center Lumijobi")
    qtbot.addWidget(dialog)
    names = [dialog.names.item(i).data(Qt.UserRole) for i in range(dialog.names.count())]
    volunteer = users["volunteer"]
    dialog.names.setCurrentRow(names.index(volunteer.id))
    qtbot.keyClicks(dialog.secret, "1111")
    dialog.try_login()
    assert dialog.user is None and dialog.error.text()
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, PIN)
    dialog.try_login()
    assert dialog.user.id == volunteer.id
    assert dialog.result() == LoginDialog.Accepted


def test_persons_table_model_is_valid_and_lazy(qtmodeltester, admin, some_persons):
    model = PersonsTableModel(admin)
    model.reload()
    qtmodeltester.check(model)
    assert model.total() == 4
    model.set_filter("mäki")
    assert model.rowCount() == 1
    assert accounts.get_user(admin.id).display_name == "Aino Admin"


def test_the_other_table_models_are_valid(qtmodeltester, users, some_persons):
    from lumijobi_desktop.core import person_search
    from lumijobi_desktop.ui.admin.audit_view import AuditModel
    from lumijobi_desktop.ui.admin.users_view import UsersModel
    from lumijobi_desktop.ui.desk.models import PersonResultsModel
    from lumijobi_desktop.ui.session import DeskSession

    admin = users["admin"]
    users_model = UsersModel()
    users_model.set_rows(accounts.all_users(admin))
    qtmodeltester.check(users_model)
    audit_model = AuditModel(DeskSession(admin, None))
    audit_model.reload()
    qtmodeltester.check(audit_model)
    assert audit_model.total() == 8  # four accounts and four persons created
    results = PersonResultsModel()
    results.set_persons(person_search.search_persons(admin, "m"))
    qtmodeltester.check(results)
    assert results.rowCount() == 2
