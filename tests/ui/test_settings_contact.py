"""The centre's address and phone, printed on appointment slips, are set in Settings."""

from PySide6.QtWidgets import QMessageBox, QPushButton

from lumijobi_desktop.core import settings
from lumijobi_desktop.ui.admin.settings_view import SettingsView
from lumijobi_desktop.ui.session import DeskSession


def _view(qtbot, paths, admin):
    view = SettingsView(DeskSession(admin, paths))
    qtbot.addWidget(view)
    return view


def test_staff_save_the_centres_address_and_phone(qtbot, paths, admin, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    settings.store(settings.CENTRE_NAME, "Help Center Lumijobi")
    view = _view(qtbot, paths, admin)
    view.centre_address.setText("  Seurantalontie 2,   Lumijoki ")
    view.centre_phone.setText("040 123 4567")
    view.findChild(QPushButton, "saveDeskSettings").click()
    assert settings.get(settings.CENTRE_ADDRESS) == "Seurantalontie 2, Lumijoki"
    assert settings.get(settings.CENTRE_PHONE) == "040 123 4567"


def test_a_too_long_phone_is_refused_and_nothing_saved(qtbot, paths, admin):
    settings.store(settings.CENTRE_NAME, "Help Center Lumijobi")
    view = _view(qtbot, paths, admin)
    view.centre_address.setText("Seurantalontie 2")
    view.centre_phone.setText("0" * 40)
    view.findChild(QPushButton, "saveDeskSettings").click()
    assert "too long" in view.desk_error.text()
    assert settings.get(settings.CENTRE_ADDRESS) == ""
