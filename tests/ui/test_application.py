"""The whole app as it starts: language switch, single instance, errors."""

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from tests.conftest import PIN

from lumijobi_desktop.core import accounts, i18n
from lumijobi_desktop.core.i18n import gettext_in
from lumijobi_desktop.core.store import close_store
from lumijobi_desktop.ui import errors
from lumijobi_desktop.ui.application import DeskApplication


@pytest.fixture
def running_app(qapp, paths, users):
    close_store()  # the app opens the database itself
    desk = DeskApplication(qapp, paths, login_as=("Vilja Volunteer", PIN))
    assert desk.start()
    yield desk
    qapp.removeEventFilter(desk.scanner)
    qapp.removeEventFilter(desk.idle)
    desk.window.close()
    desk.shutdown()


def test_switching_to_ukrainian_translates_the_screens_and_qt_dialogs(qtbot, running_app):
    window = running_app.window
    # The volunteer has no language of their own: the desk's default, Finnish.
    assert window.sidebar.item(0).text() == gettext_in("fi", "Desk") == "Vastaanotto"
    settings_view = window.views["settings"]
    combo = settings_view.my_language
    combo.setCurrentIndex(combo.findData("uk"))
    combo.activated.emit(combo.currentIndex())
    window = running_app.window
    assert window is not settings_view.window()
    assert window.sidebar.item(0).text() == gettext_in("uk", "Desk") != "Desk"
    assert window.desk().register_button.text() == gettext_in("uk", "Register a new visitor")
    # Qt's own dialogs follow: a standard Cancel button is in Ukrainian.
    box = QDialogButtonBox(QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Cancel).text().replace("&", "") == "Скасувати"
    volunteer = accounts.login_choices()
    assert any(u.language == "uk" for u in volunteer)


def test_the_main_window_shows_the_user_and_only_allowed_areas(running_app):
    window = running_app.window
    assert "Vilja Volunteer" in window.user_label.text()
    areas = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    expected = (
        "Desk",
        "Visitors",
        "Events",
        "Advice",
        "Volunteers",
        "Goods",
        "Partners",
        "Settings",
    )
    assert areas == [gettext_in("fi", text) for text in expected]


def test_a_second_instance_on_the_same_folder_does_not_open_the_database(
    qapp, qtbot, running_app, paths, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    second = DeskApplication(qapp, paths)
    with qtbot.waitSignal(running_app.server.activation_requested):
        assert not second.start()
    assert (
        shown
        and gettext_in(
            "fi",
            "Lumijobi Desktop is already open on this computer. Its "
            "window was brought to the front.",
        )
        == shown[0]
    )


def test_an_unexpected_error_is_logged_and_apologised_for(qtbot, running_app, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom in the database layer")

    monkeypatch.setattr("lumijobi_desktop.core.person_search.search_persons", broken)
    desk = running_app.window.desk()
    desk.search.setText("virt")
    assert shown and str(running_app.paths.logs) in shown[0]
    log = (running_app.paths.logs / "lumijobi.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom" in log
    assert QApplication.activeWindow() is None or running_app.window.isVisible()


def test_a_problem_message_is_shown_not_a_traceback(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    from lumijobi_desktop.core.errors import ValidationError

    errors.report(None, ValidationError("Type the first name."))
    assert shown == ["Type the first name."]


def _damage(paths):
    import sqlite3

    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(paths.database.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 6)):
        data[offset] = 0xA5
    paths.database.write_bytes(bytes(data))


def _fill_a_table_start_up_never_reads(paths):
    import sqlite3

    from lumijobi_desktop.core import store

    conn = sqlite3.connect(paths.database)
    conn.executemany(
        "INSERT INTO item (category_id, description, size, condition, quantity, intake_at, "
        "status, status_reason) VALUES (1, ?, '', 'good', 1, '2025-01-07 10:00:00', "
        "'in_stock', '')",
        [(f"Tavara numero {n}",) for n in range(3000)],
    )
    conn.commit()
    conn.close()
    store.open_store(paths)  # and closed again, cleanly
    close_store()


def _damage_tail(paths):
    """Spoil the last pages (visitor data), not the first ones start-up reads."""
    data = bytearray(paths.database.read_bytes())
    for offset in range(len(data) - 4096 * 4, len(data) - 4096):
        data[offset] = 0xA5
    paths.database.write_bytes(bytes(data))


def test_a_damaged_database_is_not_opened_and_the_newest_good_backup_is_offered(
    qapp, paths, users, monkeypatch
):
    from lumijobi_desktop.core import backup, people
    from lumijobi_desktop.core.people import Person, PersonData

    for n in range(300):
        people.register_person(users["admin"], PersonData(first_name=f"P{n}", consent=True))
    close_store()
    good = backup.make_backup(paths.database, paths.backups)
    _damage(paths)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Yes
    )
    desk = DeskApplication(qapp, paths, login_as=("Vilja Volunteer", PIN))
    try:
        assert desk.start()
        assert good.name in asked[0]
        assert Person.select().count() == 300
    finally:
        qapp.removeEventFilter(desk.scanner)
        qapp.removeEventFilter(desk.idle)
        desk.window.close()
        desk.shutdown()


def test_a_damaged_database_stays_untouched_when_restore_is_declined(
    qapp, paths, users, monkeypatch
):
    from lumijobi_desktop.core import backup

    close_store()
    backup.make_backup(paths.database, paths.backups)
    _damage(paths)
    before = paths.database.read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.No)
    desk = DeskApplication(qapp, paths)
    assert not desk.start()
    desk.lock.release()
    assert paths.database.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_with_a_message(qapp, paths, users, monkeypatch):
    import sqlite3

    close_store()
    conn = sqlite3.connect(paths.database)
    conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    conn.commit()
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    desk = DeskApplication(qapp, paths)
    assert not desk.start()
    desk.lock.release()
    assert desk.exit_code == 1 and "uudemmalla" in shown[0] and "99" in shown[0]


def test_the_idle_lock_closes_an_open_dialog_before_locking(
    qapp, qtbot, running_app, monkeypatch, real_dialog_exec
):
    from PySide6.QtCore import QTimer

    from lumijobi_desktop.ui import application
    from lumijobi_desktop.ui.persons.person_dialog import PersonDialog

    logins = []
    monkeypatch.setattr(
        application.DeskApplication,
        "_login",
        lambda self, preselect=None, locked=False: logins.append(locked),
    )
    monkeypatch.setattr(qapp, "quit", lambda: None)
    dialog = PersonDialog(
        running_app.window.session, typed_name="Olena Bondar", parent=running_app.window
    )
    QTimer.singleShot(0, running_app.lock_screen)
    dialog.exec()  # returns because the lock closed it
    assert dialog.result() == QDialog.Rejected
    qtbot.waitUntil(lambda: logins == [True])
    assert not running_app.window.isVisible()


def test_damage_behind_a_clean_close_is_found_by_the_background_check(
    qapp, qtbot, paths, users, monkeypatch
):
    import os

    from lumijobi_desktop.core import store

    close_store()
    _fill_a_table_start_up_never_reads(paths)
    assert store.closed_cleanly(paths)
    before = os.stat(paths.database)
    _damage_tail(paths)  # same size; the clock put back: the mark cannot tell
    os.utime(paths.database, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert store.closed_cleanly(paths)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    desk = DeskApplication(qapp, paths, login_as=("Vilja Volunteer", PIN))
    try:
        assert desk.start()  # quick start: no whole-file check before the window
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert "integrity check" in shown[0] or "eheystarkistu" in shown[0]
    finally:
        qapp.removeEventFilter(desk.scanner)
        qapp.removeEventFilter(desk.idle)
        desk.window.close()
        desk.shutdown()
    assert not store.closed_cleanly(paths)  # the next start checks before writing


def test_after_a_crash_the_database_is_checked_first_and_then_opens(qapp, paths, users):
    from lumijobi_desktop.core import store

    close_store()
    (paths.root / store.CLEAN_MARK).unlink()  # as a crash leaves it
    desk = DeskApplication(qapp, paths, login_as=("Vilja Volunteer", PIN))
    try:
        assert desk.start()
        assert desk.window.isVisible()
    finally:
        qapp.removeEventFilter(desk.scanner)
        qapp.removeEventFilter(desk.idle)
        desk.window.close()
        desk.shutdown()
    assert store.closed_cleanly(paths)


def test_damage_met_while_starting_is_explained_and_checked_next_time(
    qapp, paths, users, monkeypatch
):
    import os

    from lumijobi_desktop.core import people, store
    from lumijobi_desktop.core.people import PersonData

    for n in range(300):  # persons and their audit rows fill the last pages
        people.register_person(users["admin"], PersonData(first_name=f"P{n}", consent=True))
    close_store()
    before = os.stat(paths.database)
    _damage_tail(paths)
    os.utime(paths.database, ns=(before.st_atime_ns, before.st_mtime_ns))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    desk = DeskApplication(qapp, paths, login_as=("Vilja Volunteer", PIN))
    assert not desk.start()
    desk.lock.release()
    assert desk.exit_code == 1 and shown
    assert not store.closed_cleanly(paths)


def test_every_area_fits_a_1366_by_768_laptop_screen(qtbot, paths, store):
    """The desk PC may be a small laptop: no area may force the window wider or taller."""
    from lumijobi_desktop.core import demo
    from lumijobi_desktop.ui.main_window import MainWindow
    from lumijobi_desktop.ui.session import DeskSession

    demo.generate_demo(size="small", seed=2)
    i18n.set_language("fi")  # Finnish words are the longest
    admin = accounts.active_user_named(demo.DEMO_ADMIN_NAME)
    main = MainWindow(DeskSession(admin, paths))
    qtbot.addWidget(main)
    main.show()
    for key in main.views.order:
        main.show_area(key)
    hint = main.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728
