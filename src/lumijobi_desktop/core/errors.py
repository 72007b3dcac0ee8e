"""Errors the core raises on purpose. Their messages are already translated.

Messages never hold personal data: they are shown on screen and may end up
in a log file.
"""

from __future__ import annotations


class LumijobiError(Exception):
    """An expected problem with a message fit to show the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(LumijobiError):
    """Bad input. `field` names the form field to point at, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(LumijobiError):
    pass


class NotFound(LumijobiError):
    pass


class DatabaseError(LumijobiError):
    pass


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of the app; it is left untouched."""


class DamagedDatabaseError(DatabaseError):
    def __init__(self, message: str, problems: list[str]):
        super().__init__(message)
        self.problems = problems


class AlreadyRunningError(LumijobiError):
    pass
