"""The Qt binding must not leak or lose references: the desk runs all day.

PySide6 6.12.0 lost a reference to None on every call returning nothing
(and to True on every signal emit); after some thousands of screen updates
Python aborted. This guards any upgrade of the binding.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Sender(QObject):
    fired = Signal()


def test_updating_a_label_many_times_keeps_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 100


def test_emitting_signals_many_times_keeps_true_alive(qapp):
    sender = _Sender()
    before = sys.getrefcount(True)
    for _ in range(2000):
        sender.fired.emit()
    assert abs(sys.getrefcount(True) - before) < 100
