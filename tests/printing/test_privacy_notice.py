"""The privacy notice renders in each language as A4 with the centre's name and the date."""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm

from lumijobi_desktop.core.i18n import LANGUAGES, format_date
from lumijobi_desktop.printing import privacy_notice
from lumijobi_desktop.printing.privacy_notice import render_privacy_notice

CENTRE = "Help Center Lumijobi & Co"
PRINTED_ON = dt.date(2026, 11, 24)


def read_pdf(path) -> tuple[list[tuple[float, float]], str]:
    """Page sizes in mm and all text, with runs of whitespace as single spaces."""
    pdf = pdfium.PdfDocument(path)
    try:
        sizes = [(page.get_width() / mm, page.get_height() / mm) for page in pdf]
        text = " ".join(page.get_textpage().get_text_bounded() for page in pdf)
    finally:
        pdf.close()
    return sizes, re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_renders_a4_with_centre_name_and_date(tmp_path, lang):
    path = tmp_path / f"privacy-{lang}.pdf"
    render_privacy_notice(path, centre_name=CENTRE, lang=lang, printed_on=PRINTED_ON)

    sizes, text = read_pdf(path)
    assert len(sizes) >= 1
    for width, height in sizes:
        assert width == pytest.approx(210, abs=0.5)
        assert height == pytest.approx(297, abs=0.5)
    assert CENTRE in text  # the ampersand survives Paragraph markup
    assert format_date(PRINTED_ON, lang) in text
    data = path.read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data


def test_english_notice_fits_on_one_page(tmp_path):
    path = tmp_path / "privacy.pdf"
    render_privacy_notice(path, centre_name=CENTRE, lang="en")
    sizes, text = read_pdf(path)
    assert len(sizes) == 1
    for must_say in ("nationality", "tietosuojavaltuutettu", "erase", "statistics"):
        assert must_say in text


def test_every_message_is_translated_into_the_chosen_language(tmp_path, monkeypatch):
    asked: list[tuple[str, str]] = []

    def tagging_gettext(lang: str, message: str) -> str:
        asked.append((lang, message))
        return f"[{lang}] {message}"

    monkeypatch.setattr(privacy_notice, "gettext_in", tagging_gettext)
    path = tmp_path / "privacy-uk.pdf"
    render_privacy_notice(path, centre_name=CENTRE, lang="uk", printed_on=PRINTED_ON)

    assert {lang for lang, _ in asked} == {"uk"}
    _, text = read_pdf(path)
    for message in (*privacy_notice.WHAT_ITEMS, *privacy_notice.RIGHTS_ITEMS):
        assert f"[uk] {message}" in text
    assert f"[uk] {privacy_notice.HOW_TO_ASK_TEXT}" in text
