"""Cleaning one line of typed text the same way everywhere: spaces tidied, length checked."""

from __future__ import annotations

from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import _


def clean_line(value: str | None, limit: int, field: str, *, required: str | None = None) -> str:
    """`value` with runs of spaces made one; `required` is the message when it must not be empty."""
    text = " ".join((value or "").split())
    if required is not None and not text:
        raise ValidationError(required, field=field)
    if len(text) > limit:
        raise ValidationError(
            _("This is too long (at most {count} characters).").format(count=limit), field=field
        )
    return text


def clean_text(value: str | None, limit: int, field: str) -> str:
    """Several lines of typed text (notes, descriptions): lines tidied, one blank at most."""
    lines = [" ".join(line.split()) for line in (value or "").splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    text = "\n".join(kept).strip()
    if len(text) > limit:
        raise ValidationError(
            _("This is too long (at most {count} characters).").format(count=limit), field=field
        )
    return text
