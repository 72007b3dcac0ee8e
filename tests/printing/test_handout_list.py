import datetime as dt

import pypdfium2 as pdfium

from lumijobi_desktop.core.i18n import gettext_in
from lumijobi_desktop.printing.handout_list import ListLine, render_handout_list


def _render(tmp_path, lang, lines):
    path = tmp_path / f"list-{lang}.pdf"
    render_handout_list(
        path,
        lines,
        centre_name="Help Center Lumijobi",
        recipient="Оксана Мельник",
        handed_on=dt.date(2026, 11, 24),
        visitor_lang=lang,
    )
    pdf = pdfium.PdfDocument(str(path))
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    return pdf, text, path.read_bytes()


def test_the_list_is_bilingual_and_names_the_goods_but_no_prices(tmp_path):
    lines = [
        ListLine("Ulkovaatteet", "Talvitakki", "122", 1),
        ListLine("Lasten vaatteet", "Bodyt", "62", 3),
    ]
    pdf, text, raw = _render(tmp_path, "uk", lines)
    width, height = pdf[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)  # A5
    assert gettext_in("fi", "Goods received") in text
    assert gettext_in("uk", "Goods received") in text
    assert "Оксана Мельник" in text and "24.11.2026" in text
    assert "Talvitakki" in text and "Bodyt" in text
    assert "€" not in text and "EUR" not in text
    assert b"Helvetica" not in raw


def test_a_long_list_continues_on_more_pages_with_headings(tmp_path):
    lines = [ListLine("Kirjat", f"Kirja {n}", "", 1) for n in range(80)]
    pdf, text, _raw = _render(tmp_path, "en", lines)
    assert len(pdf) > 1
    assert all(f"Kirja {n}" in text for n in range(80))
    second = pdf[1].get_textpage().get_text_range()
    assert gettext_in("fi", "Item") in second  # the heading row repeats
