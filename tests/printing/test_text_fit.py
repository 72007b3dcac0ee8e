"""Names wrap and shrink to fit their box; no word is ever dropped."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from lumijobi_desktop.printing.fonts import FONT_BOLD, register_fonts
from lumijobi_desktop.printing.text_fit import fit_text


def setup_module():
    register_fonts()


def test_short_text_keeps_the_largest_size():
    fitted = fit_text("Li", FONT_BOLD, 50, 20, max_size=15)
    assert fitted.font_size == 15
    assert fitted.lines == ("Li",)


def test_long_name_shrinks_into_the_box_without_losing_words():
    name = "Анастасія-Олександра Вікторівна Шевченко-Костенко-Дорошенко"
    width_mm, height_mm = 50, 18

    fitted = fit_text(name, FONT_BOLD, width_mm, height_mm, max_size=15)

    assert fitted.font_size < 15
    assert " ".join(fitted.lines) == name
    assert fitted.height_mm <= height_mm
    for line in fitted.lines:
        assert stringWidth(line, FONT_BOLD, fitted.font_size) <= width_mm * mm


def test_one_long_word_shrinks_instead_of_overflowing():
    word = "Hämäläinen-Korhonen-Virtanen-Meikäläinen"
    fitted = fit_text(word, FONT_BOLD, 40, 20, max_size=15)
    assert fitted.lines == (word,)
    assert stringWidth(word, FONT_BOLD, fitted.font_size) <= 40 * mm
