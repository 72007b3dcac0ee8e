"""One background worker for slow database work (backups today), one job at a time.

Results come back to the GUI thread by signal. A progress dialog appears only
when a job takes longer than half a second, so quick work does not flash one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from lumijobi_desktop.core.database import close_database

PROGRESS_DELAY_MS = 500


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            # peewee keeps one connection per thread; this thread's is not needed any more.
            close_database()


class Worker(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals: set[_Signals] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        progress_parent: QWidget | None = None,
        progress_text: str = "",
    ) -> None:
        signals = _Signals()
        self._signals.add(signals)
        dialog = self._delayed_progress(progress_parent, progress_text)

        def finish(callback: Callable, value: Any) -> None:
            self._signals.discard(signals)
            if dialog is not None:
                dialog.close()
            callback(value)

        signals.finished.connect(lambda value: finish(on_done, value), Qt.QueuedConnection)
        signals.failed.connect(lambda error: finish(on_error, error), Qt.QueuedConnection)
        self.pool.start(_Job(work, signals))

    @staticmethod
    def _delayed_progress(parent: QWidget | None, text: str) -> QProgressDialog | None:
        if parent is None:
            return None
        dialog = QProgressDialog(text, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        return dialog

    def wait(self) -> None:
        self.pool.waitForDone()
