"""Tell a USB barcode scanner from a person typing, anywhere in the app.

A USB scanner is a keyboard: it "types" the code very fast and presses Enter.
The desk wants a scan to find the thing scanned whatever has focus, and not to
leave `P0012347` in the search box or a note field. So one event filter on the
QApplication watches key presses and holds back what could be the start of a
code. If the next keys come at scanner speed and end in Enter with a valid code,
the keys are swallowed and `scanned` is emitted. Otherwise the held keys are
sent on to their widget, in order, before the next key, so normal typing
(and `qtbot.keyClicks` in tests) arrives intact.

Why the typed text and not key codes: the scanner sends key positions and the
operating system applies the keyboard layout. Codes use only A-Z and 0-9, which
come out the same on every Latin layout; Caps Lock inverts the letter case, so
codes are matched case-insensitively. On a Cyrillic layout (a Ukrainian
volunteer may leave one on) the prefix keys type Cyrillic letters, so those
are read as the Latin letter on the same key.
"""

from __future__ import annotations

import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from lumijobi_desktop.core.codes import looks_like_code_start, parse_code

DEFAULT_MAX_GAP_MS = 50
"""A scanner types a key every few milliseconds; a person rarely types two within 50 ms."""

DEFAULT_MIN_LENGTH = 8
"""Prefix letter, six digits and the check digit: the shortest code `core.codes` makes."""

# The Latin letter on the same key of the Ukrainian (and Russian) layout: E, I, L, P.
_CYRILLIC_ON_PREFIX_KEYS = str.maketrans("уУшШдДзЗ", "EEIILLPP")

# A scanner may press Shift (for upper case) and numpad digits carry the keypad flag;
# anything else (Ctrl, Alt, AltGr) is a person using a shortcut.
_SCANNER_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier

# Pressed alone these type nothing; a scanner may press Shift between characters.
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
    }
)
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def _copy_key_event(event: QKeyEvent) -> QKeyEvent:
    # Qt deletes the original once delivery ends, so a held key needs its own copy.
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
        event.device(),
    )


def _as_code_char(text: str) -> str:
    return text.translate(_CYRILLIC_ON_PREFIX_KEYS)


def _is_plain(event: QKeyEvent) -> bool:
    """Whether a scanner could have sent this key press."""
    has_other_modifiers = (event.modifiers() | _SCANNER_MODIFIERS) != _SCANNER_MODIFIERS
    return not has_other_modifiers and not event.isAutoRepeat()


def _is_digit(text: str) -> bool:
    # Not str.isdigit(): that also accepts "²" and other digits no code contains.
    return len(text) == 1 and text in string.digits


@dataclass
class _Burst:
    """Keys held back while it is not yet clear whether they are a scan."""

    target: QWidget
    events: list[QKeyEvent] = field(default_factory=list)
    text: str = ""

    def add(self, event: QKeyEvent) -> None:
        self.events.append(_copy_key_event(event))
        self.text += _as_code_char(event.text())


class ScanDetector(QObject):
    """Application-wide event filter that turns scanner bursts into `scanned(code)`.

    Install it on the QApplication (see `install_scan_detector`). `clock` returns
    seconds from a monotonic clock; tests pass a fake one to control the gaps.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent)
        self.min_length = min_length
        self._clock = clock
        self._burst: _Burst | None = None
        self._last_held_at = 0.0
        self._last_typed_at: float | None = None
        self._replaying: QKeyEvent | None = None
        # A burst that stops without Enter was a person typing: give the keys back.
        self._gap_timer = QTimer(self)
        self._gap_timer.setSingleShot(True)
        self._gap_timer.setInterval(max_gap_ms)
        self._gap_timer.timeout.connect(self.flush)

    @property
    def max_gap_ms(self) -> int:
        """The longest pause between two keys of one scan."""
        return self._gap_timer.interval()

    @max_gap_ms.setter
    def max_gap_ms(self, milliseconds: int) -> None:
        self._gap_timer.setInterval(milliseconds)

    @property
    def is_pending(self) -> bool:
        """Whether keys are being held back right now."""
        return self._burst is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event is self._replaying:
            return False
        # Real input reaches the QWindow first; Qt forwards it to the focused widget and
        # then to its parents while unhandled. Acting at the first widget tells us where
        # held keys go back to. A key let through there is let through again at the
        # parents, because by then nothing is pending and typing has just happened.
        if not isinstance(watched, QWidget):
            return False
        return self._on_key_press(watched, event)

    def flush(self) -> None:
        """Give the held keys back to their widget, in the order they were typed."""
        burst = self._take_burst()
        if burst is None:
            return
        self._last_typed_at = self._last_held_at
        self._replay(burst)

    def _on_key_press(self, target: QWidget, event: QKeyEvent) -> bool:
        """True when the key is swallowed (held back or part of a scan)."""
        if event.key() in _MODIFIER_KEYS:
            return False
        now = self._clock()
        if self._burst is not None and self._gap_too_long(now, self._last_held_at):
            self.flush()  # The event loop was busy when the timer was due; same verdict.
        if self._burst is not None:
            swallowed = self._continue_burst(event, now)
            if swallowed:
                return True
        if self._could_start_burst(event, now):
            self._burst = _Burst(target)
            self._hold(event, now)
            return True
        self._last_typed_at = now
        return False

    def _continue_burst(self, event: QKeyEvent, now: float) -> bool:
        if not _is_plain(event):
            self.flush()
            return False
        if event.key() in _ENTER_KEYS:
            return self._finish_burst()
        if _is_digit(event.text()):
            self._hold(event, now)
            return True
        self.flush()
        return False

    def _finish_burst(self) -> bool:
        assert self._burst is not None
        code = self._burst.text.upper()
        if len(code) < self.min_length or parse_code(code) is None:
            self.flush()  # Enter then goes on to the widget, after the keys it follows.
            return False
        self._take_burst()
        self.scanned.emit(code)
        return True

    def _could_start_burst(self, event: QKeyEvent, now: float) -> bool:
        if not _is_plain(event) or not looks_like_code_start(_as_code_char(event.text())):
            return False
        # A scan starts after a pause in typing. Without this rule every "p" or "e"
        # in the middle of a word would wait for the next key, and the last letter
        # of fast (or simulated) typing would arrive late.
        return self._last_typed_at is None or self._gap_too_long(now, self._last_typed_at)

    def _hold(self, event: QKeyEvent, now: float) -> None:
        assert self._burst is not None
        self._burst.add(event)
        self._last_held_at = now
        self._gap_timer.start()

    def _gap_too_long(self, now: float, since: float) -> bool:
        return (now - since) * 1000 > self.max_gap_ms

    def _take_burst(self) -> _Burst | None:
        # Cleared before anything is sent on, so keys handled during a replay start afresh.
        burst, self._burst = self._burst, None
        self._gap_timer.stop()
        return burst

    def _replay(self, burst: _Burst) -> None:
        if not shiboken6.isValid(burst.target):
            return  # The widget was closed while its keys were held: nowhere to type them.
        for event in burst.events:
            # Marked so the filter lets it through this time, also when Qt passes it
            # on to parent widgets; nested key handling sees the mark cleared.
            previous, self._replaying = self._replaying, event
            try:
                QCoreApplication.sendEvent(burst.target, event)
            finally:
                self._replaying = previous
            if not shiboken6.isValid(burst.target):
                return


def install_scan_detector(
    app: QCoreApplication,
    *,
    max_gap_ms: int = DEFAULT_MAX_GAP_MS,
    clock: Callable[[], float] = time.monotonic,
) -> ScanDetector:
    """Watch every key press in the app; the detector lives as long as `app`."""
    detector = ScanDetector(app, max_gap_ms=max_gap_ms, clock=clock)
    app.installEventFilter(detector)
    return detector
