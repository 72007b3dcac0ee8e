"""The app's user accounts (the table; the services are in `accounts`)."""

from __future__ import annotations

import peewee as pw

from lumijobi_desktop.core.database import BaseModel, now


class User(BaseModel):
    display_name = pw.CharField(unique=True)
    role = pw.CharField()
    password_hash = pw.CharField()
    # Each user may prefer a language; the desk default applies otherwise.
    language = pw.CharField(null=True)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=now)
    last_login_at = pw.DateTimeField(null=True)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)

    def snapshot(self) -> dict:
        return {
            "display_name": self.display_name,
            "role": self.role,
            "language": self.language,
            "active": self.active,
        }
