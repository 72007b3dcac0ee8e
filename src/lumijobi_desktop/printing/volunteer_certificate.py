"""The thank-you certificate for a volunteer: what they did over a period, signed by the centre.

An A4 portrait page in Finnish and a second language (Ukrainian or English;
Finnish alone for "fi"): the centre's name, "Kiitostodistus / Подяка", the
volunteer's name large, a warm thank-you, the period with its dates as each
language writes them, the hours per activity with the total, the trainings
taken in the period, and the place, date and signature line of the centre.
A staff member printing it from the app signs with their name under the
line; printed from the command line the name is left for a hand signature.

Nothing is printed for a period without hours: there is nothing to thank
for yet, and an empty certificate would only disappoint.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core import settings
from lumijobi_desktop.core.database import now
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import (
    LANGUAGES,
    N_,
    _,
    finnish_and,
    format_date,
    format_long_date,
    format_number,
    gettext_in,
)
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteer_hours import ACTIVITY_NAMES, Activity, hours_totals
from lumijobi_desktop.core.volunteers import VolunteerTraining, get_volunteer
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.text_fit import LEADING_RATIO, FittedText, fit_text

__all__ = [
    "ActivityHours",
    "CertificateData",
    "TrainingLine",
    "certificate_data",
    "hours_text",
    "place_of",
    "render_certificate",
    "write_certificate",
]

# Texts on the certificate. Their translations wait in
# tools/i18n_pending/volunteers_certificate.json.
# NOTE: The title of the volunteer's thank-you certificate (Finnish: Kiitostodistus).
TITLE = N_("Certificate of Appreciation")
THANKS = N_(
    "Thank you warmly for your volunteer work. The time and care you have given mean a great "
    "deal to the people you have helped and to our whole community."
)
PERIOD = N_("Period")
# NOTE: Column heading on the thank-you certificate: what the volunteer did.
ACTIVITY = N_("Activity")
# NOTE: Column heading on the thank-you certificate: the volunteer's hours per activity.
HOURS = N_("Hours")
# NOTE: The sum of the volunteer's hours on the thank-you certificate.
TOTAL = N_("Total")
TRAININGS = N_("Trainings")
# NOTE: Under the line of the thank-you certificate's place and date.
PLACE_AND_DATE = N_("Place and date")
# NOTE: Under the signature line of the thank-you certificate (Finnish: Keskuksen puolesta).
FOR_THE_CENTRE = N_("For the centre")

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = A4[0] / mm, A4[1] / mm
MARGIN_MM = 30.0
"""From the page's side edges to the text; the frame lies between, clear of the printer's edge."""
TOP_MARGIN_MM = 27.0
TABLE_WIDTH_MM = 128.0

ACCENT = HexColor("#2E4A68")
"""A calm dark blue for the title and the rules; it prints as dark grey in black and white."""
FRAME = HexColor("#8FA3B8")
TEXT = Color(0.1, 0.1, 0.1)
SECOND = Color(0.36, 0.36, 0.36)
"""The second language: the same words, quieter."""
LABEL = Color(0.45, 0.45, 0.45)
RULE = Color(0.72, 0.72, 0.72)

GAP_SCALES = (1.0, 0.85, 0.7, 0.55)
SMALLEST_SCALE = 0.6
SMALLEST_PT = 4.0
SIGNATURE_TOP_MM = 64.0
"""The signature block's top edge (from the page bottom); the rest of the page is above it."""


# -- the data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityHours:
    activity: str
    minutes: int


@dataclass(frozen=True)
class TrainingLine:
    name: str
    completed_on: dt.date


@dataclass(frozen=True)
class CertificateData:
    """What the certificate says, as plain data."""

    volunteer_name: str
    first: dt.date
    last: dt.date
    activities: tuple[ActivityHours, ...]
    """Most hours first."""
    minutes: int
    trainings: tuple[TrainingLine, ...] = ()
    centre_name: str = ""
    place: str = ""
    """Where it is signed, e.g. "Lumijoki"; may be empty."""
    signed_on: dt.date | None = None
    signer_name: str = ""
    """Printed under the signature line; empty leaves the line for a hand signature."""


def hours_text(minutes: int, lang: str = "fi") -> str:
    """Hours with one decimal as the language writes them: 750 minutes → "12,5"."""
    return format_number(minutes / 60, lang, decimals=1)


def place_of(address: str) -> str:
    """The town of the centre's address: "Ratakatu 3, 91980 Lumijoki" → "Lumijoki"."""
    address = address.strip()
    after_postcode = re.search(r"\b\d{5}\s+([^\d,]+?)\s*$", address)
    if after_postcode:
        return after_postcode.group(1)
    parts = [part.strip() for part in address.split(",") if part.strip()]
    if parts and not re.search(r"\d", parts[-1]):
        return parts[-1] if len(parts) > 1 or " " not in parts[-1] else ""
    return ""


def _is_command_line(actor: User) -> bool:
    # The command line acts as an unsaved staff user; a person at the app is always saved.
    return actor.id is None


def certificate_data(
    actor: User,
    volunteer_id: int,
    first: dt.date,
    last: dt.date,
    signed_on: dt.date | None = None,
) -> CertificateData:
    """Read what the certificate says; refuses a period that ends before it starts or has no hours.

    Raises NotFound for a volunteer no longer in the register.
    """
    require(actor, Permission.VIEW_VOLUNTEERS)
    require(actor, Permission.PRINT_PAPERS)
    if last < first:
        raise ValidationError(_("The end date must not be before the start date."), field="last")
    volunteer = get_volunteer(actor, volunteer_id)
    totals = hours_totals(actor, first, last, volunteer.id)
    if totals.minutes <= 0:
        raise ValidationError(
            _(
                "No hours are logged for this volunteer from {first} to {last}, so there is "
                "no certificate to print yet. Log the hours first."
            ).format(first=format_date(first), last=format_date(last)),
            field="first",
        )
    trainings = (
        VolunteerTraining.select()
        .where(
            (VolunteerTraining.volunteer == volunteer.id)
            & (VolunteerTraining.completed_on >= first)
            & (VolunteerTraining.completed_on <= last)
        )
        .order_by(VolunteerTraining.completed_on, VolunteerTraining.id)
    )
    return CertificateData(
        volunteer_name=volunteer.person.full_name,
        first=first,
        last=last,
        activities=tuple(
            ActivityHours(activity, minutes)
            for activity, minutes in totals.by_activity.items()
            if minutes > 0
        ),
        minutes=totals.minutes,
        trainings=tuple(TrainingLine(row.name, row.completed_on) for row in trainings),
        centre_name=str(settings.get(settings.CENTRE_NAME) or "").strip(),
        place=place_of(str(settings.get(settings.CENTRE_ADDRESS) or "")),
        signed_on=signed_on or now().date(),
        signer_name="" if _is_command_line(actor) else actor.display_name,
    )


def write_certificate(
    actor: User,
    volunteer_id: int,
    first: dt.date,
    last: dt.date,
    out: str | os.PathLike[str] | BinaryIO,
    lang: str = "uk",
    signed_on: dt.date | None = None,
) -> None:
    """Write the volunteer's thank-you certificate for `first`–`last` (both included).

    In Finnish and `lang` ("uk" or "en"; "fi" gives Finnish alone), signed
    on `signed_on` (today if not given). A period that ends before it starts
    or holds no hours is refused with a ValidationError and nothing is written.
    """
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Choose one of the languages: {codes}.").format(codes=", ".join(LANGUAGES)),
            field="language",
        )
    data = certificate_data(actor, volunteer_id, first, last, signed_on)
    render_certificate(out, data, lang)


# -- the page ------------------------------------------------------------------------------------


def render_certificate(
    out: str | os.PathLike[str] | BinaryIO, data: CertificateData, lang: str = "uk"
) -> None:
    """Draw the certificate on one A4 page; a full page closes its gaps, then shrinks its type."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    register_fonts()
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(
        target,
        pagesize=A4,
        # Without this the canvas sets Helvetica in the page preamble.
        initialFontName=FONT_REGULAR,
        lang="fi",
    )
    canvas.setTitle(finnish_and(gettext_in("fi", TITLE), gettext_in(lang, TITLE)))
    if data.centre_name:
        canvas.setAuthor(data.centre_name)
    _draw_frame(canvas)
    page = _Certificate(data, lang)
    page.draw(canvas)
    canvas.showPage()
    canvas.save()


def _draw_frame(canvas: Canvas) -> None:
    """A thin double frame: a bold outer line and a hairline just inside it."""
    canvas.saveState()
    canvas.setStrokeColor(FRAME)
    for inset, width in ((12.0, 1.4), (14.2, 0.4)):
        canvas.setLineWidth(width)
        canvas.rect(
            inset * mm,
            inset * mm,
            (PAGE_WIDTH_MM - 2 * inset) * mm,
            (PAGE_HEIGHT_MM - 2 * inset) * mm,
        )
    canvas.restoreState()


@dataclass
class _Text:
    fitted: FittedText
    x_mm: float
    top_mm: float
    colour: Color
    align: str = "centre"  # "centre", "left" or "right"
    char_space: float = 0.0


@dataclass
class _Line:
    x1_mm: float
    x2_mm: float
    y_mm: float
    colour: Color
    width: float


@dataclass
class _Ornament:
    x_mm: float
    y_mm: float
    scale: float


class _Flow:
    """Items laid out from the top down; the gaps marked flexible share the room that is left."""

    def __init__(self, top_mm: float, scale: float, gap_scale: float = 1.0) -> None:
        self.top = top_mm
        self.scale = scale
        self.gap_scale = gap_scale
        self.items: list[_Text | _Line | _Ornament] = []
        self.flex: list[tuple[int, float]] = []  # (index of the first item after the gap, weight)

    def gap(self, space_mm: float, flex: float = 0.0) -> None:
        self.top -= space_mm * self.scale * self.gap_scale
        if flex:
            self.flex.append((len(self.items), flex))

    def add(self, item: _Text | _Line | _Ornament, height_mm: float) -> None:
        self.items.append(item)
        self.top -= height_mm

    def spread(self, room_mm: float, most_mm: float) -> None:
        """Share `room_mm` among the flexible gaps by weight, each at most `most_mm` × weight."""
        if room_mm <= 0 or not self.flex:
            return
        total = sum(weight for _index, weight in self.flex)
        shift = 0.0
        starts: dict[int, float] = {}
        for index, weight in self.flex:
            starts[index] = starts.get(index, 0.0) + weight
        for index, item in enumerate(self.items):
            if index in starts:
                shift += min(room_mm * starts[index] / total, most_mm * starts[index])
            _move(item, -shift)
        self.top -= shift


def _move(item: _Text | _Line | _Ornament, dy_mm: float) -> None:
    if isinstance(item, _Text):
        item.top_mm += dy_mm
    else:
        item.y_mm += dy_mm


def _fit(
    text: str, font: str, width_mm: float, size: float, lines: int, shrink: float = 0.8
) -> FittedText:
    """The largest type up to `size` at which `text` takes at most `lines` lines.

    When type down to `shrink` × that size takes fewer lines, the text takes
    it: a name stays on one line rather than leaving a word alone on a second.
    """
    if lines == 1:
        # One line whatever it takes: the type shrinks to the width (down to 4 pt).
        natural = stringWidth(text, font, size)
        if natural > width_mm * mm:
            size = max(SMALLEST_PT, math.floor(size * width_mm * mm / natural * 4) / 4)
        return FittedText((text,), font, size)
    fitted = fit_text(text, font, width_mm, lines * size * LEADING_RATIO / mm, size)
    smallest = shrink * fitted.font_size
    candidate = fitted.font_size - 0.25
    while len(fitted.lines) > 1 and candidate >= smallest:
        wrapped = simpleSplit(text, font, candidate, width_mm * mm)
        if len(wrapped) < len(fitted.lines) and all(
            stringWidth(line, font, candidate) <= width_mm * mm for line in wrapped
        ):
            return FittedText(tuple(wrapped), font, candidate)
        candidate -= 0.25
    return fitted


def _balanced(fitted: FittedText, width_mm: float) -> FittedText:
    """The same text and type in lines of even length, not a full line and a lonely word.

    The narrowest width that still takes no more lines than `width_mm` does.
    """
    count = len(fitted.lines)
    if count < 2:
        return fitted
    text = " ".join(fitted.lines)
    narrow, wide = 0.0, width_mm
    while wide - narrow > 0.5:
        middle = (narrow + wide) / 2
        if len(simpleSplit(text, fitted.font_name, fitted.font_size, middle * mm)) <= count:
            wide = middle
        else:
            narrow = middle
    lines = tuple(simpleSplit(text, fitted.font_name, fitted.font_size, wide * mm))
    return FittedText(lines, fitted.font_name, fitted.font_size)


def _spaced_width(text: str, font: str, size: float, char_space: float) -> float:
    return stringWidth(text, font, size) + char_space * max(0, len(text) - 1)


class _Certificate:
    def __init__(self, data: CertificateData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.left = MARGIN_MM
        self.width = PAGE_WIDTH_MM - 2 * MARGIN_MM
        self.centre = PAGE_WIDTH_MM / 2

    @property
    def bilingual(self) -> bool:
        return self.lang != "fi"

    def pair(self, message: str) -> tuple[str, str | None]:
        """The Finnish text and the second language's, or None when it reads the same."""
        finnish = gettext_in("fi", message)
        other = gettext_in(self.lang, message) if self.bilingual else finnish
        return finnish, (other if other != finnish else None)

    def both(self, message: str) -> str:
        finnish, other = self.pair(message)
        return finnish_and(finnish, other or finnish)

    def draw(self, canvas: Canvas) -> None:
        floor = SIGNATURE_TOP_MM + 4.0
        # A long list first takes the air out of the gaps; only then does the type shrink.
        for gap_scale in GAP_SCALES:
            flow = self._body(1.0, gap_scale)
            if flow.top >= floor:
                break
        scale = 1.0
        while flow.top < floor and scale > SMALLEST_SCALE:
            scale = max(SMALLEST_SCALE, scale - 0.025)
            flow = self._body(scale, GAP_SCALES[-1])
        # A short certificate breathes: the room left over opens the gaps a little.
        flow.spread(flow.top - floor, most_mm=6.0)
        for item in flow.items:
            _draw_item(canvas, item)
        self._signature(canvas)

    # -- the parts ---------------------------------------------------------------------------

    def _centred(
        self,
        flow: _Flow,
        text: str,
        font: str,
        size: float,
        colour: Color,
        lines: int = 2,
        width_mm: float | None = None,
        shrink: float = 0.8,
    ) -> FittedText:
        width = width_mm or self.width
        fitted = _balanced(_fit(text, font, width, size * flow.scale, lines, shrink), width)
        flow.add(_Text(fitted, self.centre, flow.top, colour), fitted.height_mm)
        return fitted

    def _spaced(self, flow: _Flow, text: str, size: float, colour: Color) -> None:
        """A short label in capitals with a little air between the letters, on one line."""
        text = text.upper()
        size *= flow.scale
        char_space = 0.12 * size
        while size > 5 and _spaced_width(text, FONT_BOLD, size, char_space) > self.width * mm:
            size -= 0.25
            char_space = 0.12 * size
        fitted = FittedText((text,), FONT_BOLD, size)
        flow.add(
            _Text(fitted, self.centre, flow.top, colour, char_space=char_space), fitted.height_mm
        )

    def _body(self, scale: float, gap_scale: float) -> _Flow:
        data = self.data
        flow = _Flow(PAGE_HEIGHT_MM - TOP_MARGIN_MM, scale, gap_scale)
        if data.centre_name:
            self._spaced(flow, data.centre_name, 10, ACCENT)
            flow.gap(7, flex=1)
        title_fi, title_other = self.pair(TITLE)
        self._centred(flow, title_fi, FONT_BOLD, 32, ACCENT, lines=1)
        if title_other:
            flow.gap(1)
            self._centred(flow, title_other, FONT_REGULAR, 19, SECOND, lines=1)
        flow.gap(4)
        flow.add(_Ornament(self.centre, flow.top, scale), 0)
        flow.gap(8, flex=1.5)
        self._centred(flow, data.volunteer_name, FONT_BOLD, 30, TEXT, lines=2)
        flow.gap(6, flex=1.5)
        thanks_fi, thanks_other = self.pair(THANKS)
        # A paragraph gives up a little size, not much, to save a line.
        self._centred(flow, thanks_fi, FONT_REGULAR, 11.5, TEXT, lines=4, shrink=0.9)
        if thanks_other:
            flow.gap(2)
            self._centred(flow, thanks_other, FONT_REGULAR, 10.5, SECOND, lines=4, shrink=0.9)
        flow.gap(7, flex=1.5)
        self._period(flow)
        flow.gap(7, flex=1.5)
        self._hours(flow)
        if data.trainings:
            flow.gap(6, flex=1)
            self._trainings(flow)
        return flow

    def _period(self, flow: _Flow) -> None:
        data = self.data
        self._spaced(flow, self.both(PERIOD), 8, LABEL)
        flow.gap(1.5)
        self._centred(flow, _period_text(data.first, data.last, "fi"), FONT_BOLD, 13, TEXT)
        if self.bilingual:
            other = _period_text(data.first, data.last, self.lang)
            flow.gap(1)
            self._centred(flow, other, FONT_REGULAR, 11.5, SECOND)

    def _table_head(self, flow: _Flow, left: str, right: str) -> tuple[float, float]:
        """Column headings over a rule; returns the table's left and right edge."""
        table_left = self.centre - TABLE_WIDTH_MM / 2
        table_right = self.centre + TABLE_WIDTH_MM / 2
        size = 8 * flow.scale
        right_fitted = _fit(right, FONT_BOLD, TABLE_WIDTH_MM * 0.4, size, 1)
        left_width = TABLE_WIDTH_MM - stringWidth(right, FONT_BOLD, right_fitted.font_size) / mm - 6
        left_fitted = _fit(left, FONT_BOLD, left_width, size, 1)
        top = flow.top
        flow.items.append(_Text(right_fitted, table_right, top, LABEL, align="right"))
        flow.add(_Text(left_fitted, table_left, top, LABEL, align="left"), left_fitted.height_mm)
        flow.gap(1.6)
        flow.add(_Line(table_left, table_right, flow.top, ACCENT, 0.6), 0)
        return table_left, table_right

    def _row(
        self,
        flow: _Flow,
        finnish: str,
        other: str | None,
        value: str,
        *,
        bold: bool = False,
        value_font: str = FONT_BOLD,
        value_size: float = 11.5,
    ) -> None:
        """A name (with its second-language name under it) and a value at the right."""
        table_left = self.centre - TABLE_WIDTH_MM / 2
        table_right = self.centre + TABLE_WIDTH_MM / 2
        value_fitted = _fit(value, value_font, 40, value_size * flow.scale, 1)
        name_width = TABLE_WIDTH_MM - 44
        top = flow.top
        name_font = FONT_BOLD if bold else FONT_REGULAR
        fitted = _fit(finnish, name_font, name_width, 10.5 * flow.scale, 2)
        # The value stands on the same baseline as the name's first line.
        value_top = top + (value_fitted.font_size - fitted.font_size) / mm
        flow.items.append(_Text(value_fitted, table_right, value_top, TEXT, align="right"))
        flow.add(_Text(fitted, table_left, top, TEXT, align="left"), fitted.height_mm)
        if other:
            flow.gap(0.3)
            second = _fit(other, FONT_REGULAR, name_width, 9 * flow.scale, 2)
            flow.add(_Text(second, table_left, flow.top, SECOND, align="left"), second.height_mm)
        flow.top = min(flow.top, value_top - value_fitted.height_mm)

    def _hours(self, flow: _Flow) -> None:
        data = self.data
        table_left, table_right = self._table_head(flow, self.both(ACTIVITY), self.both(HOURS))
        for index, line in enumerate(data.activities):
            flow.gap(3.0 if index == 0 else 2.4)
            finnish, other = self._activity_names(line.activity)
            self._row(flow, finnish, other, hours_text(line.minutes))
        flow.gap(3.2)
        flow.add(_Line(table_left, table_right, flow.top, RULE, 0.5), 0)
        flow.gap(2.6)
        total_fi, total_other = self.pair(TOTAL)
        self._row(flow, total_fi, total_other, hours_text(data.minutes), bold=True, value_size=13.5)

    def _activity_names(self, activity: str) -> tuple[str, str | None]:
        try:
            message = ACTIVITY_NAMES[Activity(activity)]
        except ValueError:
            return activity, None
        return self.pair(message)

    def _trainings(self, flow: _Flow) -> None:
        self._table_head(flow, self.both(TRAININGS), "")
        for index, training in enumerate(self.data.trainings):
            flow.gap(2.6 if index == 0 else 1.8)
            self._row(
                flow,
                training.name,
                None,
                format_date(training.completed_on, "fi"),
                value_font=FONT_REGULAR,
                value_size=10,
            )

    def _signature(self, canvas: Canvas) -> None:
        """Place and date on the left, the signature line for the centre on the right."""
        data = self.data
        column = 62.0
        line_y = SIGNATURE_TOP_MM - 22.0
        left_x = MARGIN_MM
        right_x = PAGE_WIDTH_MM - MARGIN_MM - column
        signed_on = data.signed_on or now().date()

        # Place and date, written just above their line.
        finnish_date = format_long_date(signed_on, "fi")
        written = f"{data.place}, {finnish_date}" if data.place else finnish_date
        texts = [(written, FONT_REGULAR, 11, TEXT)]
        if self.bilingual:
            texts.append((format_long_date(signed_on, self.lang), FONT_REGULAR, 9.5, SECOND))
        fitted = [_fit(text, font, column, size, 1) for text, font, size, _colour in texts]
        top = line_y + 2.0 + sum(item.height_mm for item in fitted) + 0.8 * (len(fitted) - 1)
        for item, (_text, _font, _size, colour) in zip(fitted, texts, strict=True):
            _draw_item(canvas, _Text(item, left_x, top, colour, align="left"))
            top -= item.height_mm + 0.8

        for x in (left_x, right_x):
            _draw_item(canvas, _Line(x, x + column, line_y, TEXT, 0.6))

        self._caption(canvas, left_x, line_y, column, [self.pair(PLACE_AND_DATE)])
        captions: list[tuple[str, str | None]] = []
        if data.signer_name:
            captions.append((data.signer_name, None))
        captions.append(self.pair(FOR_THE_CENTRE))
        self._caption(canvas, right_x, line_y, column, captions, name_first=bool(data.signer_name))

    def _caption(
        self,
        canvas: Canvas,
        x: float,
        line_y: float,
        width: float,
        captions: list[tuple[str, str | None]],
        name_first: bool = False,
    ) -> None:
        """Small texts under a signature line: a name in bold, then Finnish / second language."""
        top = line_y - 1.8
        for index, (finnish, other) in enumerate(captions):
            if index == 0 and name_first:
                fitted = _fit(finnish, FONT_BOLD, width, 10.5, 2)
                _draw_item(canvas, _Text(fitted, x, top, TEXT, align="left"))
                top -= fitted.height_mm + 0.6
                continue
            for text, colour, size in ((finnish, LABEL, 8.5), (other, SECOND, 8)):
                if not text:
                    continue
                fitted = _fit(text, FONT_REGULAR, width, size, 2)
                _draw_item(canvas, _Text(fitted, x, top, colour, align="left"))
                top -= fitted.height_mm + 0.3


def _period_text(first: dt.date, last: dt.date, lang: str) -> str:
    """ "1. syyskuuta 2026 – 30. marraskuuta 2026"; one date for a one-day period."""
    if first == last:
        return format_long_date(first, lang)
    return f"{format_long_date(first, lang)} – {format_long_date(last, lang)}"


def _draw_item(canvas: Canvas, item: _Text | _Line | _Ornament) -> None:
    canvas.saveState()
    if isinstance(item, _Line):
        canvas.setStrokeColor(item.colour)
        canvas.setLineWidth(item.width)
        canvas.line(item.x1_mm * mm, item.y_mm * mm, item.x2_mm * mm, item.y_mm * mm)
    elif isinstance(item, _Ornament):
        _draw_ornament(canvas, item)
    else:
        fitted = item.fitted
        canvas.setFillColor(item.colour)
        # The first baseline sits one font size below the top: room for capitals and accents.
        baseline = item.top_mm * mm - fitted.font_size
        for line in fitted.lines:
            if item.char_space:
                width = _spaced_width(line, fitted.font_name, fitted.font_size, item.char_space)
                text = canvas.beginText(item.x_mm * mm - width / 2, baseline)
                text.setFont(fitted.font_name, fitted.font_size)
                text.setCharSpace(item.char_space)
                text.textOut(line)
                canvas.drawText(text)
            else:
                canvas.setFont(fitted.font_name, fitted.font_size)
                x = item.x_mm * mm
                if item.align == "centre":
                    canvas.drawCentredString(x, baseline, line)
                elif item.align == "right":
                    canvas.drawRightString(x, baseline, line)
                else:
                    canvas.drawString(x, baseline, line)
            baseline -= fitted.leading
    canvas.restoreState()


def _draw_ornament(canvas: Canvas, item: _Ornament) -> None:
    """Two short rules with a small diamond between them, under the title."""
    half = 22.0 * item.scale
    diamond = 1.6 * item.scale
    x, y = item.x_mm * mm, item.y_mm * mm
    canvas.setStrokeColor(FRAME)
    canvas.setLineWidth(0.7)
    canvas.line(x - half * mm, y, x - (diamond + 2.5) * mm, y)
    canvas.line(x + (diamond + 2.5) * mm, y, x + half * mm, y)
    canvas.setFillColor(ACCENT)
    path = canvas.beginPath()
    path.moveTo(x, y + diamond * mm)
    path.lineTo(x + diamond * mm, y)
    path.lineTo(x, y - diamond * mm)
    path.lineTo(x - diamond * mm, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
