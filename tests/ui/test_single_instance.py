"""A second start on the same data folder reaches the running instance."""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from lumijobi_desktop.ui.single_instance import (
    SingleInstanceServer,
    bring_to_front,
    notify_running_instance,
    server_name_for,
)


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def running_server(data_dir):
    server = SingleInstanceServer(data_dir)
    assert server.start(), server.error_text
    yield server
    server.close()
    shiboken6.delete(server)


def test_notify_reaches_the_running_instance(qtbot, data_dir, running_server):
    with qtbot.waitSignal(running_server.activation_requested, timeout=2000):
        assert notify_running_instance(data_dir)


def test_every_later_start_is_heard(qtbot, data_dir, running_server):
    for _ in range(2):
        with qtbot.waitSignal(running_server.activation_requested, timeout=2000):
            assert notify_running_instance(data_dir)


def test_nobody_answers_for_another_folder(qtbot, tmp_path, running_server):
    other = tmp_path / "other"
    other.mkdir()

    with qtbot.assertNotEmitted(running_server.activation_requested, wait=100):
        assert not notify_running_instance(other, timeout_ms=200)


def test_nobody_answers_after_the_server_closed(data_dir, running_server):
    running_server.close()

    assert not notify_running_instance(data_dir, timeout_ms=200)


def test_a_new_server_takes_over_a_name_left_behind(qtbot, data_dir, running_server):
    # A crashed instance leaves its name behind; whoever holds the lock next removes it.
    successor = SingleInstanceServer(data_dir)
    try:
        assert successor.start(), successor.error_text
        with qtbot.waitSignal(successor.activation_requested, timeout=2000):
            assert notify_running_instance(data_dir)
    finally:
        successor.close()


def test_server_name_is_short_safe_and_per_folder(tmp_path, data_dir):
    name = server_name_for(data_dir)

    assert re.fullmatch(r"lumijobi-[0-9a-f]{16}", name)
    assert server_name_for(tmp_path / "data" / ".." / "data") == name
    assert server_name_for(tmp_path / "elsewhere") != name


# The offscreen test platform cannot raise windows and says so; real platforms can.
@pytest.mark.qt_log_ignore("does not support raise")
def test_bring_to_front_restores_a_minimised_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    assert window.isMinimized()

    bring_to_front(window)

    assert window.isVisible()
    assert not window.isMinimized()
