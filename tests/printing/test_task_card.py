"""The helper's task card read back: what, where, when, whom to contact; only with consent."""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from tests.core.volunteer_fixtures import make_person, make_volunteer
from tests.pdf_reading import one_line, page_sizes_mm, page_texts

from lumijobi_desktop.core import i18n, neighbour_help, settings
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import gettext_in
from lumijobi_desktop.core.neighbour_help import HELP_KINDS, URGENCY_NAMES, HelpRequestData
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.printing.advice_slip import format_full_date
from lumijobi_desktop.printing.task_card import (
    CARD_TITLE,
    CONTACT,
    HELPER,
    KEEP_SAFE,
    NO_FIXED_DAY,
    QUESTIONS,
    WHERE,
    times_text,
    write_task_card,
)

CENTRE, CENTRE_PHONE = "Help Center Lumijobi", "040 555 0101"
NEEDED_ON = dt.date(2026, 12, 2)
LONG_DESCRIPTION = " ".join(
    ["Pihatie ja portaat pitää lapioida, lunta on tullut paljon ja lapio on vajassa."] * 6
)


@pytest.fixture
def desk(users):
    return users[Role.VOLUNTEER]


@pytest.fixture
def task(admin):
    """A ride for Aino, Pekka helps; Aino agreed to share her details on a card."""
    settings.store(settings.CENTRE_NAME, CENTRE)
    settings.store(settings.CENTRE_PHONE, CENTRE_PHONE)

    def make(share=True, description="Kyyti terveyskeskukseen klo 10 ja takaisin.", **data):
        aino = make_person(admin, "Aino Mäkinen", village="Varjakka", phone="040 123 4567")
        pekka = make_volunteer(admin, "Pekka Virtanen")
        fields = {
            "kind": "ride",
            "urgency": "urgent",
            "needed_on": NEEDED_ON,
            "times": ["1a", "1m", "3e"],
            "place": "Terveyskeskus, Lumijoentie 12",
            "description": description,
            "share_consent": share,
        } | data
        request = neighbour_help.save_help_request(admin, None, aino.id, HelpRequestData(**fields))
        neighbour_help.assign_helper(admin, request.id, pekka.id)
        return request.id

    return make


def card(tmp_path, actor, request_id, lang=None, name="card.pdf"):
    path = tmp_path / name
    write_task_card(actor, request_id, path, lang)
    return path


def card_text(path) -> str:
    [text] = page_texts(path)
    return re.sub(r"(-|\x02)\s*", "-", text)


def test_the_card_tells_the_helper_what_where_when_and_whom_to_call(tmp_path, desk, task):
    path = card(tmp_path, desk, task(), "fi")
    [(width, height)] = page_sizes_mm(path)
    assert (width, height) == (pytest.approx(105, abs=0.5), pytest.approx(148, abs=0.5))
    text = card_text(path)
    for expected in (
        gettext_in("fi", CARD_TITLE),
        gettext_in("fi", HELP_KINDS["ride"]),
        format_full_date(NEEDED_ON, "fi"),  # keskiviikko 2. joulukuuta 2026
        times_text(["1m", "1a", "3e"], "fi"),  # ti aamupäivä, iltapäivä · to ilta
        gettext_in("fi", URGENCY_NAMES["urgent"]),
        gettext_in("fi", WHERE),
        "Terveyskeskus, Lumijoentie 12",
        "Varjakka",
        gettext_in("fi", CONTACT),
        "Aino Mäkinen",
        "040 123 4567",
        "Kyyti terveyskeskukseen klo 10 ja takaisin.",
        gettext_in("fi", HELPER),
        "Pekka Virtanen",
        gettext_in("fi", QUESTIONS).format(centre=CENTRE, phone=CENTRE_PHONE),
        gettext_in("fi", KEEP_SAFE),
    ):
        assert one_line(expected) in text, expected
    assert "keskiviikko 2. joulukuuta 2026" in text


def test_the_card_speaks_the_desks_language_or_the_one_chosen(tmp_path, desk, task):
    request_id = task()
    i18n.set_language("uk")
    text = card_text(card(tmp_path, desk, request_id))
    assert "середа, 2 грудня 2026 р." in text
    assert gettext_in("uk", HELP_KINDS["ride"]) in text
    assert one_line(gettext_in("uk", KEEP_SAFE)) in text
    i18n.set_language("fi")
    text = card_text(card(tmp_path, desk, request_id, "en", "en.pdf"))
    assert "Wednesday, 2 December 2026" in text and "A ride" in text


def test_a_card_without_a_day_says_so(tmp_path, desk, task):
    text = card_text(card(tmp_path, desk, task(needed_on=None, times=[]), "fi"))
    assert gettext_in("fi", NO_FIXED_DAY) in text


def test_no_card_without_the_requesters_consent(tmp_path, desk, task):
    with pytest.raises(ValidationError, match="not agreed"):
        card(tmp_path, desk, task(share=False))
    assert not (tmp_path / "card.pdf").exists()


def test_unknown_languages_are_refused(tmp_path, desk, task):
    with pytest.raises(ValidationError):
        card(tmp_path, desk, task(), "ru")


def test_a_long_description_fits_on_the_card(tmp_path, desk, task):
    path = card(tmp_path, desk, task(description=LONG_DESCRIPTION), "fi")
    text = card_text(path)
    assert one_line(LONG_DESCRIPTION) in text
    assert "Pekka Virtanen" in text and "040 123 4567" in text
    pdf = pdfium.PdfDocument(str(path))
    try:
        [page] = pdf
        width, height = (value / mm for value in page.get_size())
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            if textpage.get_text_range(index, 1).isspace():
                continue
            left, bottom, right, top = (value / mm for value in textpage.get_charbox(index))
            assert left >= 5 and right <= width - 5
            assert bottom >= 5 and top <= height - 5
    finally:
        pdf.close()


def test_the_card_embeds_dejavu_and_never_helvetica(tmp_path, desk, task):
    data = card(tmp_path, desk, task(), "uk").read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data
