"""The volunteer's thank-you certificate read back: names, period, hours, languages, refusals."""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from tests.core.volunteer_fixtures import TODAY, make_volunteer
from tests.pdf_reading import page_sizes_mm, page_texts

from lumijobi_desktop.core import settings, volunteers
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import gettext_in
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteer_hours import ACTIVITY_NAMES, Activity, log_hours
from lumijobi_desktop.printing.volunteer_certificate import (
    FOR_THE_CENTRE,
    THANKS,
    place_of,
    write_certificate,
)

CENTRE_NAME = "Help Center Lumijobi"
FIRST, LAST = dt.date(2026, 9, 1), dt.date(2026, 11, 25)
CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")


@pytest.fixture
def olena(users):
    """A friend-service volunteer with 12,5 h of friend work, 6 h of goods and 2,5 h of help."""
    admin = users[Role.ADMIN]
    settings.store(settings.CENTRE_NAME, CENTRE_NAME)
    settings.store(settings.CENTRE_ADDRESS, "Ratakatu 3, 91980 Lumijoki")
    made = make_volunteer(admin, "Олена Коваленко", languages=("uk", "fi"))
    for day, hours, activity in (
        (dt.date(2026, 9, 3), 4.5, Activity.FRIEND),
        (dt.date(2026, 10, 8), 8, Activity.FRIEND),
        (dt.date(2026, 10, 13), 6, Activity.GOODS),
        (dt.date(2026, 11, 24), 2.5, Activity.NEIGHBOUR),
        # outside the period: not on the certificate
        (dt.date(2026, 8, 31), 5, Activity.DESK),
    ):
        log_hours(admin, made.id, day, hours, activity.value, today=TODAY)
    volunteers.add_training(admin, made.id, "Ystävätoiminnan peruskurssi", dt.date(2026, 9, 20))
    volunteers.add_training(admin, made.id, "Ensiapu EA1", dt.date(2026, 3, 2))
    return made


@pytest.fixture
def staff(users):
    return users[Role.STAFF]


def command_line() -> User:
    # As cli._automation_actor: an unsaved staff user.
    return User(id=None, display_name="command line", role=Role.STAFF.value, active=True)


def certificate(tmp_path, actor, volunteer_id, lang="uk", first=FIRST, last=LAST, name=None):
    path = tmp_path / (name or f"thanks-{lang}.pdf")
    write_certificate(actor, volunteer_id, first, last, path, lang, signed_on=dt.date(2026, 12, 4))
    return path


def text_of(path) -> str:
    [text] = page_texts(path)
    return text


def characters(path):
    """Every printed character with its box in mm from the page's lower left corner."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        [page] = pdf
        textpage = page.get_textpage()
        found = []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if not char or char.isspace():
                continue
            left, bottom, right, top = (value / mm for value in textpage.get_charbox(index))
            found.append((char, left, bottom, right, top))
        return found
    finally:
        pdf.close()


def test_the_certificate_thanks_in_finnish_and_ukrainian_with_the_hours(tmp_path, olena, staff):
    path = certificate(tmp_path, staff, olena.id)
    assert [tuple(round(side) for side in size) for size in page_sizes_mm(path)] == [(210, 297)]
    text = text_of(path)
    assert "Олена Коваленко" in text
    assert CENTRE_NAME.upper() in text.upper()
    assert "Kiitostodistus" in text and "Подяка" in text
    # the period, each language writing its months its own way
    assert "1. syyskuuta 2026 – 25. marraskuuta 2026" in text
    assert "1 вересня 2026 р. – 25 листопада 2026 р." in text
    # the hours in Finnish number form, by activity (most first) and in total
    assert "Ystäväpalvelu" in text
    for activity, hours in ((Activity.FRIEND, "12,5"), (Activity.GOODS, "6,0")):
        for lang in ("fi", "uk"):
            assert gettext_in(lang, ACTIVITY_NAMES[activity]) in text
        assert hours in text
    assert text.index(gettext_in("fi", ACTIVITY_NAMES[Activity.FRIEND])) < text.index(
        gettext_in("fi", ACTIVITY_NAMES[Activity.GOODS])
    )
    assert "2,5" in text and "21,0" in text  # 12,5 + 6 + 2,5; the 5 h of August are not counted
    assert gettext_in("fi", ACTIVITY_NAMES[Activity.DESK]) not in text
    # the thank-you in both languages
    for lang in ("fi", "uk"):
        assert gettext_in(lang, THANKS).split(".")[0] in text
    # the training of the period; the one of March was before it
    assert "Ystävätoiminnan peruskurssi" in text and "20.09.2026" in text
    assert "Ensiapu EA1" not in text
    # signed in Lumijoki by the staff member who printed it
    assert "Lumijoki, 4. joulukuuta 2026" in text and "4 грудня 2026 р." in text
    assert "Sami Staff" in text
    for lang in ("fi", "uk"):
        assert gettext_in(lang, FOR_THE_CENTRE) in text


def test_in_english_the_second_language_is_english(tmp_path, olena, staff):
    text = text_of(certificate(tmp_path, staff, olena.id, "en"))
    assert "Kiitostodistus" in text and "Certificate of Appreciation" in text
    assert "25. marraskuuta 2026" in text and "25 November 2026" in text
    assert "Friend service" in text and "12,5" in text
    assert not CYRILLIC.search(text.replace("Олена Коваленко", ""))


def test_finnish_alone_when_the_language_is_finnish(tmp_path, olena, staff):
    text = text_of(certificate(tmp_path, staff, olena.id, "fi"))
    assert "Kiitostodistus" in text and "marraskuuta" in text and "21,0" in text
    # nothing in another language but the volunteer's own name
    assert not CYRILLIC.search(text.replace("Олена Коваленко", ""))
    assert "Certificate" not in text and "November" not in text


def test_from_the_command_line_the_signature_is_left_for_a_hand(tmp_path, olena):
    text = text_of(certificate(tmp_path, command_line(), olena.id))
    assert "command line" not in text
    assert gettext_in("fi", FOR_THE_CENTRE) in text


def test_a_long_name_and_many_activities_stay_inside_the_frame(tmp_path, users, staff):
    admin = users[Role.ADMIN]
    settings.store(settings.CENTRE_NAME, CENTRE_NAME)
    name = "Анна-Марія Олександрівна Коваленко-Шевченко-Петренко"
    made = make_volunteer(admin, name, languages=("uk",))
    for index, activity in enumerate(Activity):
        log_hours(admin, made.id, dt.date(2026, 10, 1 + index), 1.5, activity.value, today=TODAY)
    for index in range(6):
        volunteers.add_training(
            admin,
            made.id,
            f"Digital help and online safety, part {index + 1}",
            dt.date(2026, 10, 20),
        )
    path = certificate(tmp_path, staff, made.id)
    text = text_of(path)
    assert all(part in text for part in name.split())
    assert "12,0" in text  # 8 activities × 1,5 h
    assert "Digital help and online safety, part 6" in text
    # everything is on the page, inside the frame (12 mm from each edge)
    for char, left, bottom, right, top in characters(path):
        assert left >= 14 and right <= 196 and bottom >= 14 and top <= 283, char


def test_an_end_before_the_start_is_refused_and_nothing_written(tmp_path, olena, staff):
    path = tmp_path / "thanks.pdf"
    with pytest.raises(ValidationError, match="end date"):
        write_certificate(staff, olena.id, LAST, FIRST, path)
    assert not path.exists()


def test_a_period_without_hours_is_refused_and_nothing_written(tmp_path, olena, staff, users):
    path = tmp_path / "thanks.pdf"
    with pytest.raises(ValidationError, match="No hours are logged"):
        write_certificate(staff, olena.id, dt.date(2026, 7, 1), dt.date(2026, 7, 31), path)
    assert not path.exists()
    # someone else's hours do not count for her, nor hers for them
    other = make_volunteer(users[Role.ADMIN], "Pekka Virtanen")
    with pytest.raises(ValidationError):
        write_certificate(staff, other.id, FIRST, LAST, path)
    assert not path.exists()


def test_an_unknown_volunteer_or_language_is_refused(tmp_path, olena, staff):
    path = tmp_path / "thanks.pdf"
    with pytest.raises(NotFound):
        write_certificate(staff, 999, FIRST, LAST, path)
    with pytest.raises(ValidationError):
        write_certificate(staff, olena.id, FIRST, LAST, path, lang="sv")
    assert not path.exists()


def test_the_desk_may_print_a_certificate(tmp_path, olena, volunteer):
    # Front-desk volunteers see volunteers and print papers: they may thank one.
    assert "Vilja Volunteer" in text_of(certificate(tmp_path, volunteer, olena.id))


def test_the_place_of_signing_is_the_town_of_the_centres_address():
    assert place_of("Ratakatu 3, 91980 Lumijoki") == "Lumijoki"
    assert place_of("Ratakatu 3, Lumijoki") == "Lumijoki"
    assert place_of("Lumijoki") == "Lumijoki"
    assert place_of("Ratakatu 3") == ""
    assert place_of("") == ""
