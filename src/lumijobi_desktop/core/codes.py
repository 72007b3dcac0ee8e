"""Scanner-safe codes: a prefix letter, digits and a Damm check digit.

Only A-Z and 0-9 survive a USB scanner under every keyboard layout, so codes
use nothing else. The check digit catches every single mistyped digit and
every swap of two neighbouring digits. The prefix letter takes part in the
check, so `I0000017` read as a person code fails instead of finding someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class CodeKind(StrEnum):
    ITEM = "I"
    LOCATION = "L"
    EVENT = "E"
    PERSON = "P"


_DAMM_TABLE = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
_MIN_DIGITS = 6
_CODE_PATTERN = re.compile(rf"^([A-Z])(\d{{{_MIN_DIGITS},}})(\d)$")


def _damm(digits: str) -> int:
    interim = 0
    for digit in digits:
        interim = _DAMM_TABLE[interim][int(digit)]
    return interim


def _checked_digits(prefix: str, number_digits: str) -> str:
    # The letter enters the check as its two-digit position (A=10 ... Z=35).
    return f"{ord(prefix) - 55:02d}{number_digits}"


@dataclass(frozen=True)
class Code:
    kind: CodeKind
    number: int

    def __str__(self) -> str:
        return make_code(self.kind, self.number)


def make_code(kind: CodeKind, number: int) -> str:
    if number < 0:
        raise ValueError("code numbers are never negative")
    digits = f"{number:0{_MIN_DIGITS}d}"
    check = _damm(_checked_digits(kind.value, digits))
    return f"{kind.value}{digits}{check}"


def parse_code(text: str) -> Code | None:
    """The code in `text`, or None when it is not a valid code.

    Case-insensitive, because Caps Lock inverts what a scanner types.
    """
    match = _CODE_PATTERN.match(text.strip().upper())
    if not match:
        return None
    prefix, digits, check = match.groups()
    try:
        kind = CodeKind(prefix)
    except ValueError:
        return None
    if _damm(_checked_digits(prefix, digits)) != int(check):
        return None
    return Code(kind, int(digits))


def looks_like_code_start(char: str) -> bool:
    """Whether a typed character could begin a code (used to spot scanner bursts)."""
    return len(char) == 1 and char.upper() in CodeKind._value2member_map_


def group_for_reading(code: str) -> str:
    """`P0012347` as `P 001 2347`: easier to read aloud, not for typing back."""
    return f"{code[0]} {code[1:4]} {code[4:]}"
