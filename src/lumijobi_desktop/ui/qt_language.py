"""Switching the screens' language: our gettext catalog plus Qt's own dialogs and locale."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from lumijobi_desktop.core import i18n

_QT_LOCALES = {
    "fi": QLocale.Language.Finnish,
    "uk": QLocale.Language.Ukrainian,
    "en": QLocale.Language.English,
}
_installed: list[QTranslator] = []


def apply_language(code: str) -> None:
    """Make `code` the language of everything built from now on, Qt's dialogs included."""
    i18n.set_language(code)
    app = QApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if code != "en" and translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(_QT_LOCALES[code], QLocale.Country.AnyCountry))
