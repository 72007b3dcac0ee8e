"""The one font family every printed paper uses.

reportlab's built-in Helvetica has no Cyrillic and prints black boxes for
Ukrainian, so papers embed DejaVu Sans (a TrueType font, which reportlab can
subset and embed; OTF/CFF fonts it cannot).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
_FONT_FILES = {
    FONT_REGULAR: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
}

# Printing may run in a worker thread while the GUI thread prints too.
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans with reportlab; safe to call before every paper."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / file_name)))
        # Lets Paragraph markup such as <b> pick the bold face; there is no
        # italic face, so italics fall back to the upright ones.
        addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
        addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
        _registered = True
