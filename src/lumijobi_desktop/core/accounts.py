"""App accounts on the shared desk PC: pick your name, type your password or PIN."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import LANGUAGES, _
from lumijobi_desktop.core.passwords import hash_secret, verify_secret
from lumijobi_desktop.core.permissions import Permission, Role, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=1)
NAME_MAX = 60


def validate_secret(secret: str) -> None:
    """A PIN of at least 4 digits, or a password of at least 6 characters."""
    if secret.isdigit() and len(secret) >= 4:
        return
    if not secret.isdigit() and len(secret.strip()) >= 6:
        return
    raise ValidationError(
        _("Use a PIN of at least 4 digits or a password of at least 6 characters."),
        field="password",
    )


def _clean_name(display_name: str) -> str:
    return clean_line(
        display_name, NAME_MAX, "display_name", required=_("Type the name shown at login.")
    )


def _check_name_free(name: str, except_id: int | None = None) -> None:
    query = User.select().where(pw.fn.lower(User.display_name) == name.lower())
    if except_id is not None:
        query = query.where(User.id != except_id)
    if query.exists():
        raise ValidationError(_("Another account already has this name."), field="display_name")


def _check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(_("Choose a role."), field="role") from None


def _check_language(language: str | None) -> None:
    if language is not None and language not in LANGUAGES:
        raise ValidationError(_("Choose a language."), field="language")


def has_users() -> bool:
    return User.select().exists()


def create_first_admin(display_name: str, secret: str, language: str | None = None) -> User:
    """The first-run wizard's admin. Only possible while there are no accounts at all."""
    name = _clean_name(display_name)
    validate_secret(secret)
    _check_language(language)
    with unit_of_work():
        if has_users():
            raise ValidationError(_("The first administrator has already been created."))
        user = User.create(
            display_name=name,
            role=Role.ADMIN.value,
            password_hash=hash_secret(secret),
            language=language,
        )
        audit.record(user, Action.CREATE, "user", user.id, after=user.snapshot())
    return user


def create_user(
    actor: User, display_name: str, role: str, secret: str, language: str | None = None
) -> User:
    require(actor, Permission.MANAGE_USERS)
    name = _clean_name(display_name)
    _check_role(role)
    validate_secret(secret)
    _check_language(language)
    with unit_of_work():
        _check_name_free(name)
        user = User.create(
            display_name=name, role=role, password_hash=hash_secret(secret), language=language
        )
        audit.record(actor, Action.CREATE, "user", user.id, after=user.snapshot())
    return user


def update_user(
    actor: User,
    user_id: int,
    *,
    display_name: str,
    role: str,
    active: bool,
    language: str | None,
) -> User:
    require(actor, Permission.MANAGE_USERS)
    name = _clean_name(display_name)
    _check_role(role)
    _check_language(language)
    with unit_of_work():
        user = get_user(user_id)
        _check_name_free(name, except_id=user.id)
        if user.role == Role.ADMIN and (role != Role.ADMIN or not active):
            _keep_one_admin(user.id)
        before = user.snapshot()
        user.display_name, user.role, user.active, user.language = name, role, active, language
        user.save()
        old, new = audit.changed_fields(before, user.snapshot())
        audit.record(actor, Action.UPDATE, "user", user.id, before=old, after=new)
    return user


def _keep_one_admin(leaving_id: int) -> None:
    others = User.select().where(
        (User.role == Role.ADMIN.value) & User.active & (User.id != leaving_id)
    )
    if not others.exists():
        raise ValidationError(_("At least one active administrator must remain."), field="role")


def set_secret(actor: User, user_id: int, secret: str) -> None:
    """Admins reset anyone's password; everyone may change their own."""
    if actor.id != user_id:
        require(actor, Permission.MANAGE_USERS)
    validate_secret(secret)
    with unit_of_work():
        user = get_user(user_id)
        user.password_hash = hash_secret(secret)
        user.failed_logins, user.locked_until = 0, None
        user.save()
        audit.record(actor, Action.UPDATE, "user", user.id, after={"password": "changed"})


def set_own_language(actor: User, language: str | None) -> None:
    _check_language(language)
    with unit_of_work():
        before = actor.language
        actor.language = language
        actor.save(only=[User.language])
        audit.record(
            actor,
            Action.UPDATE,
            "user",
            actor.id,
            before={"language": before},
            after={"language": language},
        )


def get_user(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise NotFound(_("The account no longer exists."))
    return user


def login_choices() -> list[User]:
    """The names shown on the login screen."""
    return list(User.select().where(User.active).order_by(pw.fn.lower(User.display_name)))


def active_user_named(display_name: str) -> User | None:
    """The active account shown at login under this name (any case), if there is one."""
    name = " ".join(display_name.split()).lower()
    return User.get_or_none(pw.fn.lower(User.display_name) == name, User.active)


def all_users(actor: User) -> list[User]:
    require(actor, Permission.MANAGE_USERS)
    return list(User.select().order_by(pw.fn.lower(User.display_name)))


def authenticate(user_id: int, secret: str, at: dt.datetime | None = None) -> User:
    """The user, logged in; a wrong secret raises and counts towards a short lockout."""
    at = at or now()
    with unit_of_work():
        user = User.get_or_none((User.id == user_id) & User.active)
        if user is None:
            raise ValidationError(_("Choose your name from the list."), field="user")
        if user.locked_until and user.locked_until > at:
            raise ValidationError(
                _("Too many wrong attempts. Wait a minute and try again."), field="password"
            )
        accepted = verify_secret(secret, user.password_hash)
        if accepted:
            user.failed_logins, user.locked_until, user.last_login_at = 0, None, at
        else:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until, user.failed_logins = at + LOCKOUT, 0
        user.save()
        audit.record(user, Action.LOGIN if accepted else Action.LOGIN_FAILED, "user", user.id)
    # Raised after the commit, so the failed attempt is counted and audited.
    if not accepted:
        raise ValidationError(_("Wrong password or PIN."), field="password")
    return user
