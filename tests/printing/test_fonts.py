"""The bundled DejaVu Sans is registered once and covers Finnish and Ukrainian."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from lumijobi_desktop.printing import fonts


def test_register_fonts_is_idempotent():
    fonts.register_fonts()
    fonts.register_fonts()

    registered = pdfmetrics.getRegisteredFontNames()
    assert fonts.FONT_REGULAR in registered
    assert fonts.FONT_BOLD in registered


def test_fonts_ship_with_their_licence():
    assert (fonts.FONTS_DIR / "DejaVuSans.ttf").is_file()
    assert (fonts.FONTS_DIR / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream" in (fonts.FONTS_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_fonts_have_glyphs_for_finnish_and_ukrainian():
    fonts.register_fonts()
    for name in (fonts.FONT_REGULAR, fonts.FONT_BOLD):
        face = pdfmetrics.getFont(name).face
        for char in "ÄÖÅäöåЇїЄєІіҐґЩщЬьʼ’":
            assert ord(char) in face.charToGlyph, f"{name} lacks {char!r}"
