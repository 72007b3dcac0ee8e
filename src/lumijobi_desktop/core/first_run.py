"""The first start of a new database: the centre, its language and the first administrator."""

from __future__ import annotations

from lumijobi_desktop.core import accounts, settings
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _
from lumijobi_desktop.core.users import User


def needs_first_run() -> bool:
    return not accounts.has_users()


def complete_first_run(*, centre_name: str, language: str, admin_name: str, secret: str) -> User:
    """All saved together: a failure leaves the database as new, ready to try again."""
    with unit_of_work():
        if not needs_first_run():
            raise ValidationError(_("The first administrator has already been created."))
        admin = accounts.create_first_admin(admin_name, secret)
        settings.change(
            admin, {settings.CENTRE_NAME: centre_name, settings.DEFAULT_LANGUAGE_KEY: language}
        )
    return admin
