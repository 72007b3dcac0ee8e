"""One window per data folder: a second start brings the running app to the front.

Two apps on one database would each keep their own idea of what is on screen
and the desk would not know which one is current. Who runs is decided by the
file lock in `core.instance_lock`; this module is only the message between the
two: the first instance listens on a local socket (a named pipe on Windows),
the second one connects, says "activate" and exits.

Expected use in the app::

    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        notify_running_instance(paths.root)   # then tell the user and exit
    server = SingleInstanceServer(paths.root)
    server.start()
    server.activation_requested.connect(lambda: bring_to_front(main_window))
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ACTIVATE_MESSAGE = b"activate\n"
_NAME_PREFIX = "lumijobi-"
_NAME_HASH_CHARS = 16
"""64 bits of the hash: no collisions between folders in practice, and short enough for
the 108-byte Unix socket path limit even under a long temporary folder."""


def server_name_for(data_dir: Path) -> str:
    """The local server name for `data_dir`: the same for every spelling of the same folder.

    A hash, not the path itself: paths hold characters that are not allowed in pipe
    and socket names, and can be too long for them.
    """
    resolved = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()
    return _NAME_PREFIX + digest[:_NAME_HASH_CHARS]


class SingleInstanceServer(QObject):
    """Listens for later instances started on the same data folder.

    Start it only while holding the instance lock: then any old server of the
    same name belonged to an instance that crashed, and is removed.
    """

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name_for(data_dir)
        self._server = QLocalServer(self)
        # Only the same operating-system user may connect (a pipe ACL on Windows).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept_connections)
        self._unread: dict[QLocalSocket, bytes] = {}

    def start(self) -> bool:
        """Listen; False (with `error_text`) when the name cannot be taken."""
        # After a crash on Unix the socket file stays behind and would block listen().
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    @property
    def error_text(self) -> str:
        return self._server.errorString()

    @property
    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()
        for connection in list(self._unread):
            connection.abort()

    def _accept_connections(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._unread[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read_message(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))
            # Bytes may have arrived before the signals were connected.
            if connection.bytesAvailable():
                self._read_message(connection)

    def _read_message(self, connection: QLocalSocket) -> None:
        if connection not in self._unread:
            return
        received = self._unread[connection] + bytes(connection.readAll().data())
        if b"\n" not in received:
            self._unread[connection] = received  # Wait for the rest of the line.
            return
        self._unread.pop(connection)
        connection.disconnectFromServer()
        if received.startswith(ACTIVATE_MESSAGE):
            self.activation_requested.emit()

    def _forget(self, connection: QLocalSocket) -> None:
        # No deleteLater(): the socket is the server's child and goes with it (one per
        # second start, so a handful a day), and with PySide6 a pending deleteLater()
        # on a child crashes when the server is destroyed first.
        self._unread.pop(connection, None)


def notify_running_instance(data_dir: Path, timeout_ms: int = 1000) -> bool:
    """Ask the instance running on `data_dir` to come to the front.

    True when the message was handed to a listening instance. False when none
    listens: then the lock holder is still starting up or does not answer.
    """
    socket = QLocalSocket()
    socket.connectToServer(server_name_for(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    delivered = _send(socket, ACTIVATE_MESSAGE, timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return delivered


def _send(socket: QLocalSocket, message: bytes, timeout_ms: int) -> bool:
    if socket.write(message) != len(message):
        return False
    # waitForBytesWritten() is False when nothing was left to write, so ask only then.
    while socket.bytesToWrite() > 0:
        if not socket.waitForBytesWritten(timeout_ms):
            return False
    return True


def bring_to_front(window: QWidget) -> None:
    """Show `window` on top, restored if it was minimised.

    Windows may only flash the taskbar button instead of raising a window of a
    process the user is not working in; that still points the user to it.
    """
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
