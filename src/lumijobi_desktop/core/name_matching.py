"""Folding names for search and spotting likely duplicates.

A volunteer types `makinen` for Mäkinen and `olek` for Олександр: names are
folded to plain lower-case Latin (diacritics dropped, Cyrillic transliterated
the Ukrainian way) before they are indexed or compared. Duplicates are found
on a rougher phonetic key that also evens out spelling variants such as
Oleksandr / Olexandr or Yulia / Julia / Iuliia.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "ы": "y",
    "э": "e",
    "ё": "e",
    "ъ": "",
    "'": "",
    "’": "",
    "ʼ": "",
}
_WORD = re.compile(r"[a-z0-9]+")

# Applied in order to a folded word; each evens out one common spelling variant.
_PHONETIC_RULES = (
    ("shch", "sc"),
    ("kh", "h"),
    ("ch", "c"),
    ("sh", "s"),
    ("zh", "z"),
    ("ph", "f"),
    ("x", "ks"),
    ("w", "v"),
    ("q", "k"),
    ("ck", "k"),
    ("ts", "c"),
    ("tz", "c"),
    ("y", "i"),
    ("j", "i"),
)
_REPEATS = re.compile(r"(.)\1+")
SIMILARITY_THRESHOLD = 0.84


def fold(text: str) -> str:
    """Lower-case plain Latin: `Mäkinen` → `makinen`, `Олександр` → `oleksandr`."""
    lowered = text.lower()
    transliterated = "".join(_CYRILLIC.get(char, char) for char in lowered)
    decomposed = unicodedata.normalize("NFKD", transliterated)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def phonetic_key(text: str) -> str:
    key = " ".join(words(text))
    for old, new in _PHONETIC_RULES:
        key = key.replace(old, new)
    return _REPEATS.sub(r"\1", key)


def name_similarity(first: str, second: str) -> float:
    """0..1: how alike two full names sound, order of the names ignored."""
    a = " ".join(sorted(phonetic_key(first).split()))
    b = " ".join(sorted(phonetic_key(second).split()))
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def are_similar_names(first: str, second: str) -> bool:
    return name_similarity(first, second) >= SIMILARITY_THRESHOLD


def phone_digits(phone: str) -> str:
    return "".join(char for char in phone if char.isdigit())


def phone_search_forms(phone: str) -> set[str]:
    """`+358 40 123 4567` is found as 358401234567 and as 0401234567."""
    digits = phone_digits(phone)
    if not digits:
        return set()
    forms = {digits}
    if digits.startswith("358") and len(digits) > 6:
        forms.add("0" + digits[3:])
    return forms


def search_tokens_for(first_name: str, last_name: str, phone: str) -> set[str]:
    """What a person is found by: each folded name part and the phone's digit forms."""
    return set(words(first_name)) | set(words(last_name)) | phone_search_forms(phone)
