"""The neighbour-help task card: what the helper needs to know, on an A6 card.

What kind of help, when and how urgently, where, whom to contact (the
requester's name and phone), what the request says, who helps, and whom to
call at the centre. It holds the requester's details, so it is printed only
when they agreed to it (`neighbour_help.task_card` refuses otherwise) and
says to keep it safe. One language: the desk's, or the one chosen for the
helper. Long texts get smaller type and the whole card shrinks together
when it is full, so nothing is ever cut off.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from babel import dates as babel_dates
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core import neighbour_help, settings
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import LANGUAGES, N_, _, current_language, gettext_in
from lumijobi_desktop.core.neighbour_help import HELP_KINDS, URGENCY_NAMES, Urgency
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteers import DAY_PARTS, codes_of
from lumijobi_desktop.printing.advice_slip import fit_to, format_full_date
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.text_fit import FittedText, draw_fitted

__all__ = ["TaskCardData", "render_task_card", "task_card_data", "times_text", "write_task_card"]

# Texts on the card. Their translations wait in tools/i18n_pending/volunteers_help.json.
CARD_TITLE = N_("Neighbour help")
CARD_SUBTITLE = N_("Task card for the helper")
WHEN = N_("When")
NO_FIXED_DAY = N_("No fixed day")
PREFERRED_TIMES = N_("Preferred times: {times}")
WHERE = N_("Where")
CONTACT = N_("Contact")
WHAT = N_("What is needed")
HELPER = N_("Helper")
# NOTE: At the bottom of the helper's task card; {centre} is the centre's name, {phone} its phone.
QUESTIONS = N_("Questions? Call {centre}: {phone}")
KEEP_SAFE = N_("This card has personal details: keep it safe and destroy it when the task is done.")

A6_MM = (105.0, 148.0)
MARGIN_MM = 8.0
LABEL_WIDTH_MM = 26.0
LABEL_GAP_MM = 2.5
BLACK, GREY, LIGHT_GREY = 0.0, 0.3, 0.45
BOX_FILL = 0.93
URGENT_FILL = (0.99, 0.89, 0.88)
URGENT_TEXT = (0.69, 0.0, 0.13)
RULE_GREY = 0.6
SMALLEST_SCALE = 0.5

# 2024-01-01 was a Monday: a date for each weekday, to name it in a language.
_MONDAY = dt.date(2024, 1, 1)


def _language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else current_language().code


def time_text(code: str, lang: str | None = None) -> str:
    """`1a` → "Tue afternoon", "ti iltapäivä", "вт пообідні"."""
    lang = _language(lang)
    day = _MONDAY + dt.timedelta(days=int(code[0]))
    weekday = babel_dates.format_date(day, "EEE", locale=LANGUAGES[lang].babel_locale)
    return " ".join([weekday, gettext_in(lang, DAY_PARTS[code[1]])])


def times_text(codes: Iterable[str], lang: str | None = None) -> str:
    """Time codes by day: "Mon morning, afternoon · Wed evening"."""
    lang = _language(lang)
    by_day: dict[str, list[str]] = {}
    for code in sorted(set(codes), key=lambda c: (c[0], "mae".index(c[1]))):
        by_day.setdefault(code[0], []).append(code[1])
    parts = []
    for day, day_parts in by_day.items():
        first, *rest = day_parts
        names = [time_text(day + first, lang)] + [gettext_in(lang, DAY_PARTS[p]) for p in rest]
        parts.append(", ".join(names))
    return " · ".join(parts)


@dataclass(frozen=True)
class TaskCardData:
    """What the card says, as plain data."""

    kind: str
    """A key of `neighbour_help.HELP_KINDS`."""
    urgency: str
    needed_on: dt.date | None
    times: tuple[str, ...]
    place: str
    village: str
    person_name: str
    phone: str
    description: str
    helper_name: str
    centre_name: str = ""
    centre_phone: str = ""


def task_card_data(actor: User, request_id: int) -> TaskCardData:
    """The card of a request; refused without the requester's consent or a helper."""
    row = neighbour_help.task_card(actor, request_id)
    request = neighbour_help.get_help_request(actor, request_id)
    return TaskCardData(
        kind=row.kind,
        urgency=row.urgency,
        needed_on=row.needed_on,
        times=tuple(codes_of(request.times)),
        place=row.place,
        village=row.village,
        person_name=row.person_name,
        phone=row.phone,
        description=row.description,
        helper_name=row.volunteer_name,
        centre_name=str(settings.get(settings.CENTRE_NAME) or ""),
        centre_phone=str(settings.get(settings.CENTRE_PHONE) or ""),
    )


def write_task_card(
    actor: User,
    request_id: int,
    out: str | os.PathLike[str] | BinaryIO,
    lang: str | None = None,
) -> None:
    """The helper's card for a request, in `lang` (the desk's language when None)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValidationError(
            _("Choose one of the languages: {codes}.").format(codes=", ".join(LANGUAGES)),
            field="language",
        )
    render_task_card(out, task_card_data(actor, request_id), lang)


def render_task_card(
    out: str | os.PathLike[str] | BinaryIO, card: TaskCardData, lang: str | None = None
) -> None:
    lang = _language(lang)
    register_fonts()
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(
        target,
        pagesize=(A6_MM[0] * mm, A6_MM[1] * mm),
        # Without this the canvas sets Helvetica in the page preamble.
        initialFontName=FONT_REGULAR,
        lang=lang,
    )
    canvas.setTitle(gettext_in(lang, CARD_TITLE))
    if card.centre_name:
        canvas.setAuthor(card.centre_name)
    canvas.setViewerPreference("PrintScaling", "None")
    _Card(card, lang).draw(canvas)
    canvas.showPage()
    canvas.save()


# -- drawing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    fitted: FittedText
    x_mm: float
    top_mm: float
    colour: tuple[float, float, float]


@dataclass(frozen=True)
class _Box:
    x_mm: float
    bottom_mm: float
    width_mm: float
    height_mm: float
    fill: tuple[float, float, float]


@dataclass(frozen=True)
class _Rule:
    x_mm: float
    y_mm: float
    width_mm: float


def _grey(level: float) -> tuple[float, float, float]:
    return (level, level, level)


class _Column:
    """Texts from the top down; drawn only once the whole card fits."""

    def __init__(self, x_mm: float, top_mm: float, width_mm: float, scale: float) -> None:
        self.x, self.top, self.width, self.scale = x_mm, top_mm, width_mm, scale
        self.items: list[_Text | _Box | _Rule] = []

    def gap(self, space_mm: float) -> None:
        self.top -= space_mm * self.scale

    def text(
        self,
        text: str,
        font: str,
        size: float,
        *,
        colour: tuple[float, float, float] = _grey(BLACK),
        lines: int = 2,
        x_offset_mm: float = 0.0,
        width_mm: float | None = None,
    ) -> FittedText:
        width = (width_mm if width_mm is not None else self.width) - x_offset_mm
        fitted = fit_to(text, font, width, size * self.scale, lines)
        self.items.append(_Text(fitted, self.x + x_offset_mm, self.top, colour))
        self.top -= fitted.height_mm
        return fitted

    def rule(self) -> None:
        self.items.append(_Rule(self.x, self.top, self.width))

    def draw(self, canvas: Canvas) -> None:
        for item in self.items:
            canvas.saveState()
            if isinstance(item, _Box):
                canvas.setFillColorRGB(*item.fill)
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
                x, y = item.x_mm * mm, item.y_mm * mm
                canvas.line(x, y, x + item.width_mm * mm, y)
            else:
                canvas.setFillColorRGB(*item.colour)
                draw_fitted(canvas, item.fitted, item.x_mm, item.top_mm)
            canvas.restoreState()


class _Card:
    def __init__(self, card: TaskCardData, lang: str) -> None:
        self.card = card
        self.lang = lang

    def t(self, message: str) -> str:
        return gettext_in(self.lang, message)

    def draw(self, canvas: Canvas) -> None:
        """Lay the card out at ever smaller scales until it fits above the footer."""
        width, height = A6_MM
        inner = width - 2 * MARGIN_MM
        scale = 1.0
        while True:
            footer = self._footer(inner, scale)
            floor = MARGIN_MM + footer.top_height
            body = self._body(MARGIN_MM, height - MARGIN_MM, inner, scale)
            if body.top >= floor or scale <= SMALLEST_SCALE:
                break
            scale = max(SMALLEST_SCALE, scale - 0.025)
        body.draw(canvas)
        footer.column.draw(canvas)

    def _body(self, x: float, top: float, width: float, scale: float) -> _Column:
        card = self.card
        column = _Column(x, top, width, scale)
        if card.centre_name.strip():
            column.text(card.centre_name.strip(), FONT_BOLD, 9, colour=_grey(LIGHT_GREY), lines=1)
            column.gap(1.2)
        column.text(self.t(CARD_TITLE), FONT_BOLD, 15, lines=1)
        column.gap(0.4)
        column.text(self.t(CARD_SUBTITLE), FONT_REGULAR, 10.5, colour=_grey(GREY), lines=1)
        column.gap(2.5)
        column.rule()
        column.gap(3.0)
        column.text(self.t(HELP_KINDS.get(card.kind, card.kind)), FONT_BOLD, 17, lines=2)
        self._when(column)
        column.gap(3.5)
        self._details(column)
        return column

    def _when(self, column: _Column) -> None:
        """The day, the preferred times and the urgency in a box; a red one when urgent."""
        card = self.card
        urgent = card.urgency == Urgency.URGENT.value
        padding = 2.5
        column.gap(3.0)
        box_top = column.top
        inner = _Column(column.x + padding, box_top, column.width - 2 * padding, column.scale)
        inner.gap(padding)
        day = format_full_date(card.needed_on, self.lang) if card.needed_on else ""
        inner.text(day or self.t(NO_FIXED_DAY), FONT_BOLD, 12, lines=2)
        if card.times:
            inner.gap(0.8)
            times = self.t(PREFERRED_TIMES).format(times=times_text(card.times, self.lang))
            inner.text(times, FONT_REGULAR, 9.5, colour=_grey(GREY), lines=3)
        inner.gap(1.0)
        urgency = self.t(URGENCY_NAMES.get(card.urgency, card.urgency))
        colour = URGENT_TEXT if urgent else _grey(BLACK)
        inner.text(urgency, FONT_BOLD, 11, colour=colour, lines=1)
        inner.gap(padding)
        fill = URGENT_FILL if urgent else _grey(BOX_FILL)
        column.items.append(_Box(column.x, inner.top, column.width, box_top - inner.top, fill))
        column.items.extend(inner.items)
        column.top = inner.top

    def _details(self, column: _Column) -> None:
        """Where, whom to contact, what is needed and who helps: each beside its label."""
        card = self.card
        where = [(card.place.strip(), FONT_BOLD, 11)] if card.place.strip() else []
        if card.village.strip():
            font, size = (FONT_REGULAR, 10) if where else (FONT_BOLD, 11)
            where.append((card.village.strip(), font, size))
        contact = [(card.person_name, FONT_BOLD, 11)]
        if card.phone.strip():
            contact.append((card.phone.strip(), FONT_BOLD, 12))
        rows: list[tuple[str, list[tuple[str, str, float]], int]] = []
        if where:
            rows.append((WHERE, where, 3))
        rows.append((CONTACT, contact, 2))
        if card.description.strip():
            rows.append((WHAT, [(card.description.strip(), FONT_REGULAR, 10)], 12))
        if card.helper_name.strip():
            rows.append((HELPER, [(card.helper_name.strip(), FONT_BOLD, 11)], 2))
        label_width = LABEL_WIDTH_MM * column.scale
        for index, (label, texts, lines) in enumerate(rows):
            if index:
                column.gap(2.4)
            row_top = column.top
            column.text(
                self.t(label),
                FONT_BOLD,
                8,
                colour=_grey(LIGHT_GREY),
                lines=2,
                width_mm=label_width - LABEL_GAP_MM * column.scale,
            )
            label_bottom = column.top
            column.top = row_top
            for text, font, size in texts:
                grey = BLACK if font == FONT_BOLD else GREY
                column.text(
                    text, font, size, colour=_grey(grey), lines=lines, x_offset_mm=label_width
                )
            column.top = min(column.top, label_bottom)

    def _footer(self, width: float, scale: float) -> _Footer:
        """Whom to call at the centre, and to keep the card safe, below a rule."""
        card = self.card
        texts: list[tuple[str, str, float, float]] = []
        phone = card.centre_phone.strip()
        if phone:
            centre = card.centre_name.strip() or "Lumijobi"
            call = self.t(QUESTIONS).format(centre=centre, phone=phone)
            texts.append((call, FONT_BOLD, 9, BLACK))
        texts.append((self.t(KEEP_SAFE), FONT_REGULAR, 7.5, GREY))
        fitted = [fit_to(text, font, width, size * scale, 2) for text, font, size, _ in texts]
        spacing = 0.8 * scale
        height = sum(item.height_mm for item in fitted) + spacing * (len(fitted) - 1)
        column = _Column(MARGIN_MM, MARGIN_MM + height, width, scale)
        for item, (_text, _font, _size, grey) in zip(fitted, texts, strict=True):
            column.items.append(_Text(item, MARGIN_MM, column.top, _grey(grey)))
            column.top -= item.height_mm + spacing
        rule_gap = 2.5 * scale
        column.items.append(_Rule(MARGIN_MM, MARGIN_MM + height + rule_gap, width))
        return _Footer(column, height + 2 * rule_gap + 1.5 * scale)


@dataclass(frozen=True)
class _Footer:
    column: _Column
    top_height: float
    """From the card's bottom margin to the lowest point the body may reach."""
