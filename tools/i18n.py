"""Translation catalogs: `python tools/i18n.py` extracts, updates the .po files and compiles .mo.

Source strings are English. Finnish and Ukrainian are kept complete: the
test suite fails on a missing or fuzzy translation (tests/test_translations.py).

  python tools/i18n.py            extract + update + compile
  python tools/i18n.py compile    only compile .po -> .mo
  python tools/i18n.py merge F    fill translations from a JSON file {msgid: {fi:, uk:}}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "lumijobi_desktop"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "lumijobi"
TRANSLATED = ("fi", "uk")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "gettext_in": (2,)}


def extract() -> Catalog:
    template = Catalog(project="Lumijobi Desktop", charset="utf-8")
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("NOTE",)
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message, locations=[(filename, lineno)], auto_comments=comments, context=context
        )
    return template


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def write_catalog(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(
            handle,
            catalog,
            width=100,
            omit_header=False,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=False,
            no_location=True,
        )


def compile_catalog(lang: str) -> None:
    catalog = read_catalog(lang)
    with po_path(lang).with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)


def update() -> None:
    template = extract()
    for lang in TRANSLATED:
        catalog = read_catalog(lang)
        catalog.update(template, no_fuzzy_matching=True)
        write_catalog(lang, catalog)
        compile_catalog(lang)


def merge(path: Path) -> None:
    pending = json.loads(path.read_text(encoding="utf-8"))
    for lang in TRANSLATED:
        catalog = read_catalog(lang)
        for msgid, translations in pending.items():
            key = tuple(msgid) if isinstance(msgid, list) else msgid
            message = catalog.get(key)
            if message is not None and lang in translations:
                value = translations[lang]
                message.string = tuple(value) if isinstance(value, list) else value
                message.flags.discard("fuzzy")
        write_catalog(lang, catalog)
        compile_catalog(lang)


def main(argv: list[str]) -> int:
    if argv[:1] == ["compile"]:
        for lang in TRANSLATED:
            compile_catalog(lang)
    elif argv[:1] == ["merge"]:
        merge(Path(argv[1]))
    else:
        update()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
