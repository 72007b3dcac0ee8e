"""Who is at the desk now and on which data folder: handed to every screen."""

from __future__ import annotations

from dataclasses import dataclass

from lumijobi_desktop.core import settings
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.permissions import Permission, can
from lumijobi_desktop.core.users import User


@dataclass
class DeskSession:
    user: User
    paths: DataPaths

    @property
    def centre_name(self) -> str:
        return settings.get(settings.CENTRE_NAME) or "Lumijobi"

    def can(self, permission: Permission) -> bool:
        return can(self.user, permission)
