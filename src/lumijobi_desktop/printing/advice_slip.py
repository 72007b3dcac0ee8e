"""The appointment slip a visitor takes home: when and where to come, and what to bring.

Finnish first, then the visitor's language under each text, with the date
written as that language writes it ("tiistai 1. joulukuuta 2026",
"вівторок, 1 грудня 2026 р."). Big, calm type on an A6 page, or on the top
half of an A4 sheet with a dashed line to cut along, for desk printers that
only take A4. Long names, places and topics get smaller type; when the
whole slip is too full everything shrinks together, so nothing is ever cut
off. The coordinator's notes are never on the slip: this module is not
even given them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from babel import dates as babel_dates
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core.i18n import (
    LANGUAGES,
    N_,
    current_language,
    finnish_and,
    format_time_range,
    gettext_in,
    language_display_name,
)
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.text_fit import FittedText, draw_fitted

SLIP_PAPERS = ("a6", "half-a4")

# Texts on the slip. Their translations wait in tools/i18n_pending/advice_printing.json.
SLIP_TITLE = N_("Appointment for advice")
PLACE = N_("Place")
ADVISER = N_("Adviser")
TOPIC = N_("Topic")
INTERPRETER = N_("Interpreter")
WHAT_TO_BRING = N_("What to bring")
ID_CARD = N_("ID card or passport")
# NOTE: At the bottom of the appointment slip; {phone} is the centre's phone number.
CANNOT_COME = N_("If you cannot come, please call {phone}.")

A6_MM = (105.0, 148.0)
A4_MM = (A4[0] / mm, A4[1] / mm)
HALF_A4_HEIGHT_MM = A4_MM[1] / 2

BLACK = 0.0
GREY = 0.3
LIGHT_GREY = 0.45
BOX_FILL = 0.93
RULE_GREY = 0.6
CUT_LINE_GREY = 0.45
CUT_LINE_EDGE_MM = 7.0
"""From the sheet's side edges to the ends of the cut line: printers leave the edges blank."""
SMALLEST_SCALE = 0.45
ONE_LINE_SHRINK = 0.8
"""A short text shrinks this far (of its size) to stay on one line before it wraps."""


@dataclass(frozen=True)
class SlipData:
    """What the slip says, as plain data (read from the database by `advice_papers`)."""

    person_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    adviser_name: str
    topic_names: Mapping[str, str]
    """The topic by language code; "fi" is always there."""
    topic_bring: Mapping[str, str] = field(default_factory=dict)
    """The topic's "what to bring" list by language code; may be empty."""
    place: str = ""
    """The room or place of the session, e.g. "Neuvontahuone"."""
    bring: str = ""
    """The desk's own line for this visitor, printed as typed."""
    interpreter_language: str = ""
    """The spoken-language code the interpreter is booked for; "" when none is."""
    centre_name: str = ""
    centre_address: str = ""
    centre_phone: str = ""

    def topic_in(self, lang: str) -> str:
        return (self.topic_names.get(lang) or "").strip() or self.topic_names.get("fi", "")

    def bring_in(self, lang: str) -> str:
        return (self.topic_bring.get(lang) or "").strip() or (
            self.topic_bring.get("fi") or ""
        ).strip()


def format_full_date(day: dt.date, lang: str | None = None) -> str:
    """Weekday and long date as the language writes them in running text.

    "tiistai 1. joulukuuta 2026", "вівторок, 1 грудня 2026 р.",
    "Tuesday, 1 December 2026": CLDR's full pattern, month names in the
    language's own (for Finnish and Ukrainian, genitive) form.
    """
    language = LANGUAGES[lang] if lang else current_language()
    return babel_dates.format_date(day, "full", locale=language.babel_locale)


def render_slip(
    out: str | os.PathLike[str] | BinaryIO,
    slip: SlipData,
    lang: str = "fi",
    paper: str = "a6",
) -> None:
    """Write the slip in Finnish and `lang` (Finnish alone when `lang` is "fi")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    if paper not in SLIP_PAPERS:
        raise ValueError(f"unknown slip paper: {paper}")
    register_fonts()
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    page_mm = A6_MM if paper == "a6" else A4_MM
    canvas = Canvas(
        target,
        pagesize=(page_mm[0] * mm, page_mm[1] * mm),
        # Without this the canvas sets Helvetica in the page preamble.
        initialFontName=FONT_REGULAR,
        lang="fi",
    )
    canvas.setTitle(finnish_and(gettext_in("fi", SLIP_TITLE), gettext_in(lang, SLIP_TITLE)))
    if slip.centre_name:
        canvas.setAuthor(slip.centre_name)
    # Asks the print dialog not to shrink the page to fit: the slip is cut by hand.
    canvas.setViewerPreference("PrintScaling", "None")
    layout = _Slip(slip, lang)
    if paper == "a6":
        layout.draw_a6(canvas)
    else:
        layout.draw_half_a4(canvas)
        _draw_cut_line(canvas)
    canvas.showPage()
    canvas.save()


# -- drawing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    fitted: FittedText
    x_mm: float
    top_mm: float
    grey: float


@dataclass(frozen=True)
class _Box:
    x_mm: float
    bottom_mm: float
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class _Rule:
    x_mm: float
    y_mm: float
    width_mm: float


class _Column:
    """Texts laid out from the top down in a column; drawn only once the whole slip fits."""

    def __init__(self, x_mm: float, top_mm: float, width_mm: float, scale: float) -> None:
        self.x = x_mm
        self.top = top_mm
        self.width = width_mm
        self.scale = scale
        self.items: list[_Text | _Box | _Rule] = []

    def gap(self, space_mm: float) -> None:
        self.top -= space_mm * self.scale

    def text(
        self,
        text: str,
        font: str,
        size: float,
        *,
        grey: float = BLACK,
        lines: int = 2,
        x_offset_mm: float = 0.0,
        width_mm: float | None = None,
        one_line_first: bool = True,
    ) -> FittedText:
        """One text, kept on one line if it can, else wrapped into at most `lines` lines.

        Text that still does not fit gets smaller type (down to 4 pt), never cut.
        """
        width = (width_mm if width_mm is not None else self.width) - x_offset_mm
        fitted = fit_to(text, font, width, size * self.scale, lines, one_line_first=one_line_first)
        self.items.append(_Text(fitted, self.x + x_offset_mm, self.top, grey))
        self.top -= fitted.height_mm
        return fitted

    def rule(self) -> None:
        self.items.append(_Rule(self.x, self.top, self.width))

    def draw(self, canvas: Canvas) -> None:
        for item in self.items:
            canvas.saveState()
            if isinstance(item, _Box):
                canvas.setFillGray(BOX_FILL)
                canvas.roundRect(
                    item.x_mm * mm,
                    item.bottom_mm * mm,
                    item.width_mm * mm,
                    item.height_mm * mm,
                    2.5 * mm,
                    stroke=0,
                    fill=1,
                )
            elif isinstance(item, _Rule):
                canvas.setStrokeGray(RULE_GREY)
                canvas.setLineWidth(0.6)
                canvas.line(
                    item.x_mm * mm, item.y_mm * mm, (item.x_mm + item.width_mm) * mm, item.y_mm * mm
                )
            else:
                canvas.setFillGray(item.grey)
                draw_fitted(canvas, item.fitted, item.x_mm, item.top_mm)
            canvas.restoreState()


def fit_to(
    text: str, font: str, width_mm: float, size: float, lines: int, *, one_line_first: bool = True
) -> FittedText:
    """The largest type up to `size` at which `text` takes at most `lines` lines of `width_mm`.

    With `one_line_first`, a text that nearly fits one line shrinks a little
    to stay on it rather than leaving one word on a second line. Long words
    break after their hyphens ("Kovalenko-/Shevchenko"); what still does not
    fit gets smaller type, down to 4 pt, and is never cut.
    """
    width = width_mm * mm
    if one_line_first or lines == 1:
        smallest = SMALLEST_PT if lines == 1 else ONE_LINE_SHRINK * size
        for candidate in _sizes(size, smallest):
            wrapped = _wrapped(text, font, candidate, width)
            if _fits(wrapped, font, candidate, width, 1):
                return FittedText(tuple(wrapped), font, candidate)
    for candidate in _sizes(size, SMALLEST_PT):
        wrapped = _wrapped(text, font, candidate, width)
        if _fits(wrapped, font, candidate, width, lines):
            return FittedText(tuple(wrapped), font, candidate)
    return FittedText(tuple(_wrapped(text, font, SMALLEST_PT, width)), font, SMALLEST_PT)


SMALLEST_PT = 4.0
_SHRINK_STEP_PT = 0.25


def _sizes(largest: float, smallest: float) -> list[float]:
    sizes = []
    size = largest
    while size > smallest:
        sizes.append(size)
        size -= _SHRINK_STEP_PT
    sizes.append(smallest)
    return sizes


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points, broken between words and after hyphens.

    A piece wider than the line on its own stays whole (the caller shrinks
    the type then); the result is empty for blank text.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        for index, piece in enumerate(re.findall(r"[^-]+-*|-+", word)):
            joined = f"{line} {piece}" if line and index == 0 else line + piece
            if not line or stringWidth(joined, font, size) <= width:
                line = joined
            else:
                lines.append(line)
                line = piece
    if line:
        lines.append(line)
    return lines


def _fits(lines: list[str], font: str, size: float, width: float, most: int) -> bool:
    return len(lines) <= most and all(stringWidth(line, font, size) <= width for line in lines)


class _Slip:
    def __init__(self, slip: SlipData, lang: str) -> None:
        self.slip = slip
        self.lang = lang

    @property
    def bilingual(self) -> bool:
        return self.lang != "fi"

    def pair(self, message: str) -> tuple[str, str | None]:
        """The Finnish text and the visitor's, or None when it reads the same."""
        finnish = gettext_in("fi", message)
        other = gettext_in(self.lang, message)
        return finnish, (other if other != finnish else None)

    # -- the pages ----------------------------------------------------------------------

    def draw_a6(self, canvas: Canvas) -> None:
        width, height = A6_MM
        margin = 8.0
        self._fit_and_draw(
            canvas,
            columns=[(margin, width - 2 * margin)],
            top=height - margin,
            bottom=margin,
            footer_width=width - 2 * margin,
            base_scale=1.0,
            split=False,
        )

    def draw_half_a4(self, canvas: Canvas) -> None:
        """The slip on the top half of an A4 sheet, in two columns."""
        width = A4_MM[0]
        margin = 13.0
        gap = 9.0
        left_width = 84.0
        right_width = width - 2 * margin - left_width - gap
        self._fit_and_draw(
            canvas,
            columns=[(margin, left_width), (margin + left_width + gap, right_width)],
            top=A4_MM[1] - margin,
            bottom=HALF_A4_HEIGHT_MM + 10.0,
            footer_width=width - 2 * margin,
            base_scale=1.15,
            split=True,
        )

    def _fit_and_draw(
        self,
        canvas: Canvas,
        *,
        columns: list[tuple[float, float]],
        top: float,
        bottom: float,
        footer_width: float,
        base_scale: float,
        split: bool,
    ) -> None:
        """Lay the slip out at ever smaller scales until it fits between `top` and `bottom`."""
        scale = base_scale
        while True:
            footer = self._footer(columns[0][0], bottom, footer_width, scale)
            floor = bottom + (footer.top_height if footer else 0.0)
            laid_out = self._columns(columns, top, scale, split)
            if all(column.top >= floor for column in laid_out) or scale <= SMALLEST_SCALE:
                break
            scale = max(SMALLEST_SCALE, scale - 0.025)
        for column in laid_out:
            column.draw(canvas)
        if footer:
            footer.column.draw(canvas)

    def _columns(
        self, columns: list[tuple[float, float]], top: float, scale: float, split: bool
    ) -> list[_Column]:
        first = _Column(columns[0][0], top, columns[0][1], scale)
        self._heading(first)
        self._when(first)
        if split:
            second = _Column(columns[1][0], top, columns[1][1], scale)
            self._details(second, labels_above=True)
            self._bring(second)
            return [first, second]
        first.gap(4)
        self._details(first)
        self._bring(first)
        return [first]

    # -- the parts ----------------------------------------------------------------------

    def _heading(self, column: _Column) -> None:
        slip = self.slip
        if slip.centre_name.strip():
            column.text(slip.centre_name.strip(), FONT_BOLD, 9, grey=LIGHT_GREY, lines=1)
            column.gap(1.5)
        title_fi, title_other = self.pair(SLIP_TITLE)
        column.text(title_fi, FONT_BOLD, 15)
        if title_other:
            column.gap(0.5)
            column.text(title_other, FONT_REGULAR, 12.5, grey=GREY)
        column.gap(2.5)
        column.rule()
        column.gap(3.5)
        column.text(slip.person_name, FONT_BOLD, 17, lines=3)

    def _when(self, column: _Column) -> None:
        """Weekday, date and time in a light grey box: the thing to remember."""
        slip = self.slip
        padding = 3.0
        column.gap(3.5)
        box_top = column.top
        inner = _Column(column.x + padding, box_top, column.width - 2 * padding, column.scale)
        inner.gap(padding)
        day = slip.starts_at.date()
        inner.text(format_full_date(day, "fi"), FONT_BOLD, 12.5, lines=1)
        if self.bilingual:
            other = format_full_date(day, self.lang)
            inner.gap(0.8)
            inner.text(other, FONT_REGULAR, 11.5, grey=GREY, lines=1)
        inner.gap(1.5)
        inner.text(format_time_range(slip.starts_at, slip.ends_at, "fi"), FONT_BOLD, 24, lines=1)
        inner.gap(padding)
        column.items.append(_Box(column.x, inner.top, column.width, box_top - inner.top))
        column.items.extend(inner.items)
        column.top = inner.top

    def _details(self, column: _Column, *, labels_above: bool = False) -> None:
        """Place, adviser, topic and interpreter, each under or beside its bilingual label."""
        slip = self.slip
        lang = self.lang

        def values(finnish: str, other: str) -> list[str]:
            return [finnish] if not self.bilingual or other == finnish else [finnish, other]

        place_lines = [line for line in (slip.place.strip(), slip.centre_address.strip()) if line]
        rows: list[tuple[str, list[tuple[str, str, float]]]] = []
        if place_lines:
            rows.append(
                (
                    PLACE,
                    [(place_lines[0], FONT_BOLD, 11)]
                    + [(line, FONT_REGULAR, 10) for line in place_lines[1:]],
                )
            )
        if slip.adviser_name.strip():
            rows.append((ADVISER, [(slip.adviser_name.strip(), FONT_BOLD, 11)]))
        topics = values(slip.topic_in("fi"), slip.topic_in(lang))
        rows.append(
            (
                TOPIC,
                [(topics[0], FONT_BOLD, 11)] + [(text, FONT_REGULAR, 10.5) for text in topics[1:]],
            )
        )
        if slip.interpreter_language:
            code = slip.interpreter_language
            names = values(language_display_name(code, "fi"), language_display_name(code, lang))
            rows.append((INTERPRETER, [(" / ".join(names), FONT_BOLD, 11)]))

        label_width = 0.0 if labels_above else 26.0
        for index, (label, texts) in enumerate(rows):
            if index:
                column.gap(2.2)
            row_top = column.top
            label_fi, label_other = self.pair(label)
            if labels_above:
                column.text(
                    finnish_and(label_fi, label_other or label_fi),
                    FONT_BOLD,
                    8,
                    grey=LIGHT_GREY,
                    lines=1,
                )
                column.gap(0.4)
            else:
                for text, font in ((label_fi, FONT_BOLD), (label_other, FONT_REGULAR)):
                    if text:
                        column.text(
                            text, font, 8, grey=LIGHT_GREY, lines=1, width_mm=label_width - 3
                        )
                label_bottom = column.top
                column.top = row_top
            for text, font, size in texts:
                column.text(
                    text,
                    font,
                    size,
                    grey=BLACK if font == FONT_BOLD else GREY,
                    lines=3,
                    x_offset_mm=label_width,
                )
            if not labels_above:
                column.top = min(column.top, label_bottom)

    def _bring(self, column: _Column) -> None:
        """'What to bring': each thing in Finnish with the visitor's words under it."""
        slip = self.slip
        items: list[tuple[str, str | None]] = [self.pair(ID_CARD)]
        topic_fi = slip.bring_in("fi")
        if topic_fi:
            topic_other = slip.bring_in(self.lang) if self.bilingual else ""
            items.append(
                (topic_fi, topic_other if topic_other and topic_other != topic_fi else None)
            )
        if slip.bring.strip():
            items.append((slip.bring.strip(), None))
        column.gap(4.5)
        heading_fi, heading_other = self.pair(WHAT_TO_BRING)
        column.text(finnish_and(heading_fi, heading_other or heading_fi), FONT_BOLD, 10, lines=2)
        bullet_indent = 4.0 * column.scale
        for finnish, other in items:
            column.gap(1.6)
            top = column.top
            fitted = column.text(
                finnish,
                FONT_REGULAR,
                10,
                lines=3,
                x_offset_mm=bullet_indent,
                one_line_first=False,
            )
            column.items.append(
                _Text(FittedText(("•",), FONT_BOLD, fitted.font_size), column.x + 0.8, top, BLACK)
            )
            if other:
                column.text(
                    other,
                    FONT_REGULAR,
                    9.5,
                    grey=GREY,
                    lines=3,
                    x_offset_mm=bullet_indent,
                    one_line_first=False,
                )

    def _footer(self, x: float, bottom: float, width: float, scale: float) -> _Footer | None:
        """'If you cannot come, please call …' at the bottom; nothing without a phone number."""
        phone = self.slip.centre_phone.strip()
        if not phone:
            return None
        finnish = gettext_in("fi", CANNOT_COME).format(phone=phone)
        other = gettext_in(self.lang, CANNOT_COME).format(phone=phone)
        texts = [(finnish, FONT_BOLD, 9.5, BLACK)]
        if other != finnish:
            texts.append((other, FONT_REGULAR, 9, GREY))
        fitted = [fit_to(text, font, width, size * scale, 2) for text, font, size, _ in texts]
        rule_gap = 2.5 * scale
        height = sum(item.height_mm for item in fitted) + 0.8 * scale * (len(fitted) - 1)
        column = _Column(x, bottom + height, width, scale)
        for item, (_text, _font, _size, grey) in zip(fitted, texts, strict=True):
            column.items.append(_Text(item, x, column.top, grey))
            column.top -= item.height_mm + 0.8 * scale
        column.items.append(_Rule(x, bottom + height + rule_gap, width))
        return _Footer(column, height + 2 * rule_gap + 1.5 * scale)


@dataclass(frozen=True)
class _Footer:
    column: _Column
    top_height: float
    """From the bottom edge of the slip's content to the lowest point the content may reach."""


def _draw_cut_line(canvas: Canvas) -> None:
    """A dashed line across the middle of the A4 sheet, with a pair of scissors at its start."""
    y = HALF_A4_HEIGHT_MM * mm
    edge = CUT_LINE_EDGE_MM * mm
    size = 14
    canvas.saveState()
    canvas.setFillGray(CUT_LINE_GREY)
    canvas.setFont(FONT_REGULAR, size)
    # The glyph's middle sits on the line.
    canvas.drawString(edge, y - size * 0.33, "✂")
    canvas.setStrokeGray(CUT_LINE_GREY)
    canvas.setLineWidth(0.5)
    canvas.setDash(3 * mm, 2 * mm)
    start = edge + stringWidth("✂", FONT_REGULAR, size) + 1.5 * mm
    canvas.line(start, y, A4[0] - edge, y)
    canvas.restoreState()
