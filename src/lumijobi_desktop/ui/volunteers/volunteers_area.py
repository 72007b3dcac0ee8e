"""The Volunteers area: the register, the friend service, neighbour help and the hours as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.ui.session import DeskSession
from lumijobi_desktop.ui.volunteers.friend_view import FriendServiceView
from lumijobi_desktop.ui.volunteers.help_view import NeighbourHelpView
from lumijobi_desktop.ui.volunteers.hours_view import HoursView
from lumijobi_desktop.ui.volunteers.register_view import RegisterView


class VolunteersArea(QTabWidget):
    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.register = RegisterView(session)
        self.friends = FriendServiceView(session)
        self.help = NeighbourHelpView(session)
        self.hours = HoursView(session)
        self.addTab(self.register, _("Volunteers"))
        self.addTab(self.friends, _("Friend service"))
        self.addTab(self.help, _("Neighbour help"))
        self.addTab(self.hours, _("Hours"))
        # Meetings, tasks and logged hours change what the other tabs show.
        self.currentChanged.connect(self._tab_shown)

    def _tab_shown(self, index: int) -> None:
        widget = self.widget(index)
        if widget in (self.friends, self.help):  # the register and the hours reload when shown
            widget.refresh()
