"""Locks the shared PC after a quiet time, so the next person cannot act as the last one."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self,
        minutes: Callable[[], int],
        clock: Callable[[], float] = time.monotonic,
        parent=None,
    ):
        """`minutes` is asked at every check, so a changed setting applies at once."""
        super().__init__(parent)
        self.clock = clock
        self.minutes = minutes
        self.last_activity = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last_activity = self.clock()
        return False

    def check(self) -> None:
        if self.clock() - self.last_activity >= self.minutes() * 60:
            self.last_activity = self.clock()
            self.idle.emit()
