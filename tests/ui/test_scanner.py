"""The scan detector: scanner bursts become `scanned`, people's typing reaches the widget."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.ui.scanner import ScanDetector, install_scan_detector

SCANNER_GAP_MS = 5
PERSON_GAP_MS = 200
CODE = make_code(CodeKind.PERSON, 15)


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, milliseconds: float) -> None:
        self.now += milliseconds / 1000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def detector(qapp, clock):
    scan_detector = ScanDetector(clock=clock)
    qapp.installEventFilter(scan_detector)
    yield scan_detector
    qapp.removeEventFilter(scan_detector)
    shiboken6.delete(scan_detector)


@pytest.fixture
def scans(detector) -> list[str]:
    received: list[str] = []
    detector.scanned.connect(received.append)
    return received


@pytest.fixture
def window(qtbot) -> QWidget:
    shown = QWidget()
    qtbot.addWidget(shown)  # pytest-qt closes it after the test but keeps no reference
    return shown


@pytest.fixture
def field(qtbot, window) -> QLineEdit:
    """A focused line edit in an active window, like the desk's search box."""
    line_edit = QLineEdit(window)
    QVBoxLayout(window).addWidget(line_edit)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    line_edit.setFocus()
    assert QCoreApplication.instance().focusWidget() is line_edit
    return line_edit


def type_keys(qtbot, widget, clock, keys: str, gap_ms: float, shift: bool = False) -> None:
    """Press each key in turn, with `gap_ms` on the fake clock before each one."""
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for key in keys:
        clock.advance(gap_ms)
        qtbot.keyClick(widget, key, modifier if key.isalpha() else Qt.KeyboardModifier.NoModifier)


def press_enter(qtbot, widget, clock, gap_ms: float) -> None:
    clock.advance(gap_ms)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def scan(qtbot, widget, clock, code: str, shift: bool = False) -> None:
    type_keys(qtbot, widget, clock, code, SCANNER_GAP_MS, shift=shift)
    press_enter(qtbot, widget, clock, SCANNER_GAP_MS)


def test_a_scanner_burst_is_emitted_and_not_typed(qtbot, field, clock, scans):
    scan(qtbot, field, clock, CODE, shift=True)

    assert scans == [CODE]
    assert field.text() == ""


def test_caps_lock_burst_gives_the_upper_case_code(qtbot, field, clock, scans):
    scan(qtbot, field, clock, CODE.lower())

    assert scans == [CODE]
    assert field.text() == ""


def test_ukrainian_layout_burst_is_read_as_the_latin_code(qtbot, field, clock, scans):
    # The scanner presses the P key; the Ukrainian layout makes it "з".
    clock.advance(SCANNER_GAP_MS)
    QCoreApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier, "з")
    )
    type_keys(qtbot, field, clock, CODE[1:], SCANNER_GAP_MS)
    press_enter(qtbot, field, clock, SCANNER_GAP_MS)

    assert scans == [CODE]
    assert field.text() == ""


def test_two_scans_in_a_row_are_both_caught(qtbot, field, clock, scans):
    other = make_code(CodeKind.ITEM, 1234)

    scan(qtbot, field, clock, CODE)
    scan(qtbot, field, clock, other)

    assert scans == [CODE, other]
    assert field.text() == ""


def test_human_typing_arrives_intact(qtbot, field, scans):
    qtbot.keyClicks(field, "Pekka")

    assert field.text() == "Pekka"
    assert scans == []


def test_code_letters_inside_words_are_not_held_back(qtbot, field, scans):
    # Only a letter after a pause could start a scan, so no letter waits for a timer here.
    qtbot.keyClicks(field, "Lee Philip")

    assert field.text() == "Lee Philip"
    assert scans == []


def test_held_keys_are_typed_when_the_burst_stops(qtbot, field, scans, detector):
    qtbot.keyClicks(field, "P12")
    assert detector.is_pending

    qtbot.waitUntil(lambda: field.text() == "P12", timeout=2000)
    assert not detector.is_pending
    assert scans == []


def test_invalid_code_is_typed_and_enter_reaches_the_field(qtbot, field, clock, scans):
    wrong_check = CODE[:-1] + str((int(CODE[-1]) + 1) % 10)
    type_keys(qtbot, field, clock, wrong_check, SCANNER_GAP_MS)

    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        press_enter(qtbot, field, clock, SCANNER_GAP_MS)

    assert field.text() == wrong_check
    assert scans == []


def test_slow_typing_of_a_valid_code_is_typed(qtbot, field, clock, scans):
    type_keys(qtbot, field, clock, CODE, PERSON_GAP_MS, shift=True)

    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        press_enter(qtbot, field, clock, PERSON_GAP_MS)

    assert field.text() == CODE
    assert scans == []


def test_a_pause_before_enter_means_typing(qtbot, field, clock, scans):
    type_keys(qtbot, field, clock, CODE, SCANNER_GAP_MS)

    press_enter(qtbot, field, clock, PERSON_GAP_MS)

    assert field.text() == CODE
    assert scans == []


def test_shortcuts_are_not_held_back(qtbot, field, clock, detector):
    clock.advance(PERSON_GAP_MS)
    qtbot.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert not detector.is_pending


def test_held_keys_for_a_deleted_widget_are_dropped(qtbot, field, detector):
    qtbot.keyClicks(field, "P1")
    assert detector.is_pending

    shiboken6.delete(field)
    detector.flush()

    assert not detector.is_pending


def test_install_scan_detector_watches_the_whole_app(qtbot, qapp, field, clock):
    installed = install_scan_detector(qapp, clock=clock)
    try:
        with qtbot.waitSignal(installed.scanned, timeout=1000) as emitted:
            scan(qtbot, field, clock, CODE)
        assert emitted.args == [CODE]
    finally:
        qapp.removeEventFilter(installed)
        shiboken6.delete(installed)


def test_keys_from_the_window_system_take_the_same_path(qtbot, window, field, clock, scans):
    # Real keyboard input reaches the QWindow first and Qt forwards it to the focused widget.
    system_window = window.windowHandle()

    scan(qtbot, system_window, clock, CODE, shift=True)
    type_keys(qtbot, system_window, clock, "Pekka", PERSON_GAP_MS)

    assert scans == [CODE]
    assert field.text() == "Pekka"
