"""Finnish and Ukrainian are complete, and the compiled catalogs match their sources."""

import io
import re
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalogs  # noqa: E402
from lumijobi_desktop.core import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
PLURAL_FORMS = {"fi": 2, "uk": 3}


@pytest.fixture(scope="module")
def source_messages():
    return {message.id: message for message in catalogs.extract() if message.id}


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_every_source_string_is_translated(lang, source_messages):
    catalog = catalogs.read_catalog(lang)
    missing = []
    for msgid in source_messages:
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        message = catalog.get(key)
        strings = message.string if message else None
        if isinstance(strings, str):
            strings = (strings,)
        if not strings or not all(strings) or "fuzzy" in message.flags:
            missing.append(key)
    assert not missing, f"{len(missing)} untranslated in {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_placeholders_and_plural_forms_match(lang, source_messages):
    catalog = catalogs.read_catalog(lang)
    for msgid in source_messages:
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        message = catalog.get(key)
        if message is None or not message.string:
            continue
        expected = set(PLACEHOLDER.findall(key))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(msgid, tuple):
            assert len(strings) == PLURAL_FORMS[lang], key
        for text in filter(None, strings):
            assert set(PLACEHOLDER.findall(text)) == expected, (key, text)


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_compiled_catalog_is_up_to_date(lang):
    catalog = catalogs.read_catalog(lang)
    fresh = io.BytesIO()
    write_mo(fresh, catalog, use_fuzzy=False)
    fresh.seek(0)
    compiled_path = catalogs.po_path(lang).with_suffix(".mo")
    with compiled_path.open("rb") as handle:
        compiled = read_mo(handle)
    expected = read_mo(fresh)
    assert _as_dict(compiled) == _as_dict(expected), "run: python tools/i18n.py compile"


def _as_dict(catalog) -> dict:
    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in catalog if m.id}


def test_ukrainian_plurals_follow_the_grammar():
    i18n.set_language("uk")

    def visits(count: int) -> str:
        return i18n.ngettext("{count} visit", "{count} visits", count).format(count=count)

    assert visits(1) == "1 відвідування" and visits(21) == "21 відвідування"
    assert visits(3) == "3 відвідування" and visits(24) == "24 відвідування"
    assert visits(5) == "5 відвідувань" and visits(11) == "11 відвідувань"
    i18n.set_language("fi")
    assert visits(1) == "1 käynti" and visits(2) == "2 käyntiä"


def test_finnish_and_ukrainian_locale_formats():
    import datetime as dt

    moment = dt.datetime(2026, 11, 24, 14, 30)
    assert i18n.format_date(moment.date(), "fi") == "24.11.2026"
    assert i18n.format_time(moment, "fi") == "14.30"
    assert i18n.format_date(moment.date(), "uk") == "24.11.2026"
    assert i18n.format_time(moment, "uk") == "14:30"
    assert i18n.format_number(1234.5, "fi").replace("\xa0", " ") == "1 234,5"
    assert "листопада" in i18n.format_long_date(moment.date(), "uk")


def test_no_translatable_text_hides_inside_an_f_string():
    """The extractor cannot see _() inside an f-string; such text would stay English."""
    import ast

    hidden = []
    for path in catalogs.PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in (
                        "_",
                        "ngettext",
                        "gettext_in",
                    ):
                        hidden.append(f"{path.name}:{node.lineno}")
    assert not hidden, hidden
