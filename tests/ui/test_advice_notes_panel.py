"""Confidential notes on a session: shown only on request, and every reading recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.core.advice_fixtures import TUESDAY, at, book, topic_id, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import advice_booking, advice_notes
from lumijobi_desktop.core.advice import SessionStatus, status_name
from lumijobi_desktop.core.advice_notes import AdviceFollowUp, AdviceNote
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.ui.advice import notes_panel
from lumijobi_desktop.ui.advice.follow_up_dialog import FollowUpDialog
from lumijobi_desktop.ui.advice.history_dialog import HistoryDialog
from lumijobi_desktop.ui.advice.notes_panel import NotesPanel
from lumijobi_desktop.ui.session import DeskSession

SECRET = "Kela hylkäsi asumistuen, valitus tehty"


@pytest.fixture
def coordinator(users):
    usual_hours(users[Role.COORDINATOR], users[Role.COORDINATOR])
    return users[Role.COORDINATOR]


@pytest.fixture
def two_sessions(coordinator, volunteer):
    """Anna's held session with a note, and Bohdan's session without notes."""
    anna, bohdan = make_persons(volunteer, "Anna Koval", "Bohdan Shevchenko")
    annas = book(volunteer, coordinator, anna, at(TUESDAY, 10), language="uk")
    bohdans = book(volunteer, coordinator, bohdan, at(TUESDAY, 11))
    advice_notes.add_note(coordinator, annas.id, SECRET)
    return annas, bohdans


def panel_for(qtbot, paths, user, **extra) -> NotesPanel:
    panel = NotesPanel(DeskSession(user, paths), **extra)
    qtbot.addWidget(panel)
    panel.resize(480, 640)
    panel.show()
    return panel


def note_reads() -> int:
    return (
        AuditEntry.select()
        .where((AuditEntry.action == "read") & (AuditEntry.entity == "advice_note"))
        .count()
    )


def shown_texts(panel: NotesPanel) -> list[str]:
    return [card.text.text() for card in panel.cards if card.isVisibleTo(panel)]


def test_choosing_a_session_shows_only_the_count_and_reads_nothing(
    qtbot, paths, coordinator, two_sessions
):
    annas, bohdans = two_sessions
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(annas.id)
    assert panel.count_label.text() == "1 note"
    assert panel.show_button.isVisible()
    assert shown_texts(panel) == []
    panel.show_session(bohdans.id)
    assert panel.count_label.text() == "No notes yet."
    assert not panel.show_button.isVisible()
    panel.show_session(annas.id)
    assert note_reads() == 0
    assert panel.lock.isVisible()
    assert "Each reading is recorded" in panel.lock.text()


def test_show_notes_reads_once_and_another_session_hides_them(
    qtbot, paths, coordinator, two_sessions
):
    annas, bohdans = two_sessions
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(annas.id)
    qtbot.mouseClick(panel.show_button, Qt.LeftButton)
    assert shown_texts(panel) == [SECRET]
    assert (
        "Kaisa Coordinator"
        in panel.cards[0].findChild(type(panel.count_label), "noteHeader").text()
    )
    assert note_reads() == 1
    # The calendar choosing the same session again (after a refresh) does not read again.
    panel.show_session(annas.id)
    assert shown_texts(panel) == [SECRET]
    panel.show_session(bohdans.id)
    panel.show_session(annas.id)
    assert shown_texts(panel) == []
    assert panel.show_button.isVisible()
    assert note_reads() == 1


def test_writing_a_note_saves_it_and_shows_it(qtbot, paths, coordinator, two_sessions):
    _annas, bohdans = two_sessions
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(bohdans.id)
    with qtbot.waitSignal(panel.changed):
        panel.editor.setPlainText("Tarvitsee tulkin ensi kerralla")
        qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    saved = AdviceNote.get(AdviceNote.session == bohdans.id)
    assert (saved.text, saved.written_by_id) == ("Tarvitsee tulkin ensi kerralla", coordinator.id)
    assert shown_texts(panel) == ["Tarvitsee tulkin ensi kerralla"]
    assert panel.count_label.text() == "1 note"
    assert panel.editor.toPlainText() == ""


def test_an_empty_note_is_refused_with_a_message(qtbot, paths, coordinator, two_sessions):
    _annas, bohdans = two_sessions
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(bohdans.id)
    panel.editor.setPlainText("   ")
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert panel.error.isVisible() and panel.error.text() == "Write the note first."
    assert AdviceNote.select().where(AdviceNote.session == bohdans.id).count() == 0


def test_a_draft_stays_with_its_session(qtbot, paths, coordinator, two_sessions):
    annas, bohdans = two_sessions
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(bohdans.id)
    panel.editor.setPlainText("Puoliksi kirjoitettu")
    panel.show_session(annas.id)
    assert panel.editor.toPlainText() == ""
    panel.show_session(bohdans.id)
    assert panel.editor.toPlainText() == "Puoliksi kirjoitettu"


def test_only_ones_own_notes_can_be_edited_or_deleted(
    qtbot, paths, coordinator, admin, two_sessions, monkeypatch
):
    annas, _bohdans = two_sessions
    advice_notes.add_note(admin, annas.id, "Adminin huomio")
    panel = panel_for(qtbot, paths, coordinator)
    panel.show_session(annas.id)
    qtbot.mouseClick(panel.show_button, Qt.LeftButton)
    own, others = panel.cards
    assert others.note.text == "Adminin huomio"
    assert others.edit_button is None and others.delete_button is None
    assert own.edit_button.isVisible() and own.delete_button.isVisible()

    qtbot.mouseClick(own.edit_button, Qt.LeftButton)
    assert panel.editor.toPlainText() == SECRET
    assert panel.save_button.text() == "Save changes"
    panel.editor.setPlainText("Valitus lähetetty 2.12.")
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert shown_texts(panel) == ["Valitus lähetetty 2.12.", "Adminin huomio"]
    assert "changed" in panel.cards[0].findChild(type(panel.count_label), "noteHeader").text()

    monkeypatch.setattr(notes_panel, "confirm", lambda *args: True)
    qtbot.mouseClick(panel.cards[0].delete_button, Qt.LeftButton)
    assert shown_texts(panel) == ["Adminin huomio"]
    assert [n.text for n in AdviceNote.select()] == ["Adminin huomio"]


def test_a_follow_up_is_added_from_the_session(
    qtbot, paths, coordinator, two_sessions, monkeypatch
):
    annas, _bohdans = two_sessions

    def fill_and_save(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        dialog.text.setText("Soita kun Kelan päätös tulee")
        qtbot.mouseClick(dialog.quick_buttons[1], Qt.LeftButton)  # +2 weeks
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fill_and_save)
    panel = panel_for(qtbot, paths, coordinator, today=lambda: TUESDAY)
    panel.show_session(annas.id)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.follow_up_button, Qt.LeftButton)
    task = AdviceFollowUp.get()
    assert (task.text, task.due, task.session_id, task.person_id) == (
        "Soita kun Kelan päätös tulee",
        TUESDAY + dt.timedelta(days=14),
        annas.id,
        annas.person_id,
    )
    assert "15/12/2026" in panel.status.text()
    assert note_reads() == 0


def test_a_follow_up_needs_words(qtbot, paths, coordinator, two_sessions):
    annas, _bohdans = two_sessions
    dialog = FollowUpDialog(DeskSession(coordinator, paths), annas.person_id, session_id=annas.id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.text() == "Write what is to be done."
    assert AdviceFollowUp.select().count() == 0


def test_the_history_dialog_lists_topics_dates_and_follow_ups(
    qtbot, qtmodeltester, paths, coordinator, volunteer, two_sessions
):
    annas, _bohdans = two_sessions
    later = book(
        volunteer,
        coordinator,
        annas.person,
        at(TUESDAY + dt.timedelta(days=2), 12),
        topic_id=topic_id("housing"),
    )
    advice_booking.set_status(coordinator, annas.id, SessionStatus.DONE, at(TUESDAY, 11))
    advice_notes.add_follow_up(coordinator, annas.person_id, "Soita Kelaan", TUESDAY, annas.id)
    dialog = HistoryDialog(DeskSession(coordinator, paths), annas.person_id, today=lambda: TUESDAY)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Advice history: Anna Koval"
    qtmodeltester.check(dialog.sessions)
    qtmodeltester.check(dialog.follow_ups)
    model = dialog.sessions
    shown = [
        tuple(model.data(model.index(row, column)) for column in range(4))
        for row in range(model.rowCount())
    ]
    assert shown == [  # newest first
        ("03/12/2026", "12:00–12:30", "Housing", status_name("booked")),
        ("01/12/2026", "10:00–10:30", "Kela benefits", status_name("done")),
    ]
    assert model.data(model.index(1, 4)) == "Ukrainian"
    tasks = dialog.follow_ups
    assert [tasks.data(tasks.index(0, c)) for c in range(3)] == [
        "01/12/2026",
        "Soita Kelaan",
        "Not done yet",
    ]
    # Choosing a session to open it
    dialog.session_table.selectRow(0)
    with qtbot.waitSignal(dialog.session_requested) as opened:
        qtbot.mouseClick(dialog.open_button, Qt.LeftButton)
    assert opened.args == [later.id]
    reads = AuditEntry.select().where(
        (AuditEntry.action == "read") & (AuditEntry.entity == "advice_history")
    )
    assert reads.count() == 1


def test_a_volunteer_gets_a_short_message_and_nothing_confidential(
    qtbot, paths, volunteer, two_sessions
):
    annas, _bohdans = two_sessions
    panel = panel_for(qtbot, paths, volunteer)
    panel.show_session(annas.id)
    assert panel.refused.isVisible()
    assert "Only the coordinator and administrators" in panel.refused.text()
    assert not panel.body.isVisible()
    assert panel.cards == []


def test_when_core_refuses_the_panel_shows_the_message_instead_of_crashing(
    qtbot, paths, volunteer, two_sessions, monkeypatch
):
    """Even if the screen were wrong about the role, core says no and the panel copes."""
    annas, _bohdans = two_sessions
    monkeypatch.setattr(DeskSession, "can", lambda self, permission: True)
    panel = panel_for(qtbot, paths, volunteer)
    panel.show_session(annas.id)
    assert panel.refused.isVisible() and not panel.body.isVisible()
    dialog = HistoryDialog(DeskSession(volunteer, paths), annas.person_id)
    qtbot.addWidget(dialog)
    assert dialog.sessions.rowCount() == 0
    assert note_reads() == 0
