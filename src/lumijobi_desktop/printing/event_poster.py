"""An A4 poster for the wall: what, when, where, in Finnish and one other language.

Big type for reading from across the room, black on white for any office
printer. Every text is fitted into its box, shrinking when it is long, and
when the whole poster is too full the boxes shrink together, so nothing
ever runs off the page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.i18n import LANGUAGES, N_, finnish_and, gettext_in
from lumijobi_desktop.printing.event_paper_data import (
    AGE_GROUP,
    IN_COOPERATION_WITH,
    LANGUAGES_SPOKEN,
    PLACE,
    PaperEvent,
    both,
    capitalized,
    languages_text,
    when_text,
)
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.qr import MIN_MODULE_MM, draw_qr, qr_size_mm
from lumijobi_desktop.printing.text_fit import LEADING_RATIO, FittedText, draw_fitted, fit_text

EVERYONE_WELCOME = N_("Everyone is welcome!")
SIGN_UP_AT_DESK = N_("Sign up at the desk")

PAGE_WIDTH_MM = A4[0] / mm
PAGE_HEIGHT_MM = A4[1] / mm
MARGIN_MM = 16.0
CONTENT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM

QR_TARGET_MM = 58.0
"""The QR code's width with its quiet zone: big enough to scan from the wall."""
CODE_TEXT_PT = 10.0
CODE_TEXT_MM = 6.0
"""Room under the QR code for the code in readable groups."""
BOTTOM_GAP_MM = 8.0
"""Between the welcome text and the QR code beside it."""

GREY = 0.25
LIGHT_GREY = 0.4
SMALLEST_SCALE = 0.3
ONE_LINE_SHRINK = 0.8
"""A short text shrinks this far (of its size) to stay on one line before it wraps."""
DESCRIPTION_SMALLEST_PT = 9.0
"""Smaller than this nobody reads on a wall; a longer description is cut with an ellipsis."""


def render_event_poster(
    out: str | os.PathLike[str] | BinaryIO,
    event: PaperEvent,
    second_language: str = "uk",
) -> None:
    """Write the event's A4 poster: Finnish first, `second_language` under each text."""
    if second_language not in LANGUAGES:
        raise ValueError(f"unsupported language: {second_language}")
    register_fonts()
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(
        target,
        pagesize=A4,
        # Without this the canvas sets Helvetica in the page preamble.
        initialFontName=FONT_REGULAR,
        lang="fi",
    )
    canvas.setTitle(event.title_in("fi"))
    _Poster(event, second_language).draw(canvas)
    canvas.showPage()
    canvas.save()


@dataclass(frozen=True)
class _Text:
    """One fitted text at its place: the top of its first line, in mm from the page bottom."""

    fitted: FittedText
    x_mm: float
    top_mm: float
    grey: float = 0.0


class _Poster:
    def __init__(self, event: PaperEvent, second: str) -> None:
        self.event = event
        self.second = second

    def _pair(self, message: str) -> tuple[str, str | None]:
        """The Finnish text and the second language's, or None when it reads the same."""
        finnish = gettext_in("fi", message)
        other = gettext_in(self.second, message)
        return finnish, (other if other != finnish else None)

    def draw(self, canvas: Canvas) -> None:
        bottom_top_mm, bottom_texts = self._bottom_block()
        # The top part is laid out with ever smaller boxes until it clears the bottom block.
        scale = 1.0
        while True:
            texts, rules, end_mm = self._top_part(scale, bottom_top_mm)
            if end_mm >= bottom_top_mm or scale <= SMALLEST_SCALE:
                break
            scale = max(SMALLEST_SCALE, scale - 0.05)
        for text in (*texts, *bottom_texts):
            canvas.saveState()
            canvas.setFillGray(text.grey)
            draw_fitted(canvas, text.fitted, text.x_mm, text.top_mm)
            canvas.restoreState()
        for y_mm, width_pt in rules:
            canvas.saveState()
            canvas.setLineWidth(width_pt)
            canvas.line(MARGIN_MM * mm, y_mm * mm, (MARGIN_MM + CONTENT_WIDTH_MM) * mm, y_mm * mm)
            canvas.restoreState()
        self._draw_qr(canvas)

    # -- the top: kind, titles, when, where, who, description ----------------------

    def _top_part(
        self, scale: float, floor_mm: float
    ) -> tuple[list[_Text], list[tuple[float, float]], float]:
        """The texts and rules from the top down, and where the lowest one ends (mm)."""
        event = self.event
        second = self.second
        texts: list[_Text] = []
        rules: list[tuple[float, float]] = []
        top = PAGE_HEIGHT_MM - MARGIN_MM
        width = CONTENT_WIDTH_MM

        def add(
            text: str,
            font: str,
            height_mm: float,
            size: float,
            grey: float = 0.0,
            *,
            one_line: bool = False,
        ) -> None:
            nonlocal top
            size *= scale
            fitted = _fit(
                text,
                font,
                width,
                height_mm * scale,
                size,
                one_line_down_to=ONE_LINE_SHRINK * size if one_line else None,
            )
            texts.append(_Text(fitted, MARGIN_MM, top, grey))
            top -= fitted.height_mm

        def gap(space_mm: float) -> None:
            nonlocal top
            top -= space_mm * scale

        if event.kind_name_msgid:
            kind = both(event.kind_name_msgid, second).upper()
            add(kind, FONT_BOLD, 8, 14, LIGHT_GREY)
            gap(3)
        title_fi = event.title_in("fi")
        add(title_fi, FONT_BOLD, 64, 56)
        title_second = event.title_in(second)
        if title_second != title_fi:
            gap(2)
            add(title_second, FONT_REGULAR, 42, 36, GREY)
        gap(6)
        rules.append((top, 2.0))
        gap(7)
        when_fi = capitalized(when_text(event, "fi"))
        when_second = capitalized(when_text(event, second))
        add(when_fi, FONT_BOLD, 22, 22, one_line=True)
        if when_second != when_fi:
            gap(1.5)
            add(when_second, FONT_REGULAR, 18, 18, GREY, one_line=True)

        details = [
            (PLACE, event.place.strip()),
            (
                LANGUAGES_SPOKEN,
                finnish_and(languages_text(event, "fi"), languages_text(event, second))
                if event.languages
                else "",
            ),
            (IN_COOPERATION_WITH, ", ".join(event.partners)),
            (AGE_GROUP, event.age_group.strip()),
        ]
        for label, value in details:
            if not value:
                continue
            gap(5)
            add(both(label, second), FONT_REGULAR, 6, 11, LIGHT_GREY)
            gap(0.8)
            add(value, FONT_BOLD, 18, 16, one_line=True)

        description = event.description.strip()
        if description:
            gap(7)
            room = top - floor_mm - 4 * scale
            # The description takes the room that is left, down to small print.
            if room < 8:
                return texts, rules, floor_mm - 1  # too little room: shrink everything
            fitted = _fit(
                description, FONT_REGULAR, width, room, 14 * scale, smallest=DESCRIPTION_SMALLEST_PT
            )
            texts.append(_Text(fitted, MARGIN_MM, top))
            top -= fitted.height_mm
        return texts, rules, top

    # -- the bottom: welcome, sign-up and the QR code --------------------------------

    def _qr_module_mm(self) -> float:
        modules = qr_size_mm(self.event.code, 1.0)
        return max(MIN_MODULE_MM, QR_TARGET_MM / modules)

    def _bottom_block(self) -> tuple[float, list[_Text]]:
        """The texts beside the QR code and the top of the block (mm from the page bottom)."""
        qr_mm = qr_size_mm(self.event.code, self._qr_module_mm())
        block_height = qr_mm + CODE_TEXT_MM
        width = CONTENT_WIDTH_MM - qr_mm - BOTTOM_GAP_MM
        pieces: list[tuple[str, str, float, float, float]] = []
        welcome_fi, welcome_second = self._pair(EVERYONE_WELCOME)
        pieces.append((welcome_fi, FONT_BOLD, 22, 30, 0.0))
        if welcome_second:
            pieces.append((welcome_second, FONT_REGULAR, 18, 24, GREY))
        if self.event.signup_required:
            signup_fi, signup_second = self._pair(SIGN_UP_AT_DESK)
            pieces.append((signup_fi, FONT_BOLD, 16, 20, 0.0))
            if signup_second:
                pieces.append((signup_second, FONT_REGULAR, 14, 17, GREY))

        def layout(scale: float) -> tuple[list[FittedText], float]:
            fitted = [
                _fit(
                    text,
                    font,
                    width,
                    height * scale,
                    size * scale,
                    one_line_down_to=ONE_LINE_SHRINK * size * scale,
                )
                for text, font, height, size, _ in pieces
            ]
            gaps = [2.0 if index and pieces[index][4] else 5.0 for index in range(len(pieces))]
            total = sum(item.height_mm for item in fitted) + sum(gaps[1:])
            return fitted, total

        scale = 1.0
        fitted, total = layout(scale)
        while total > block_height and scale > SMALLEST_SCALE:
            scale -= 0.05
            fitted, total = layout(scale)
        # The texts start level with the top of the QR code.
        texts: list[_Text] = []
        block_top = MARGIN_MM + max(total, block_height)
        top = block_top
        for index, (item, piece) in enumerate(zip(fitted, pieces, strict=True)):
            if index:
                top -= 2.0 if piece[4] else 5.0
            texts.append(_Text(item, MARGIN_MM, top, piece[4]))
            top -= item.height_mm
        return block_top + 6, texts

    def _draw_qr(self, canvas: Canvas) -> None:
        module_mm = self._qr_module_mm()
        qr_mm = qr_size_mm(self.event.code, module_mm)
        x = MARGIN_MM + CONTENT_WIDTH_MM - qr_mm
        draw_qr(canvas, self.event.code, x, MARGIN_MM + CODE_TEXT_MM, module_mm)
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, CODE_TEXT_PT)
        canvas.setFillGray(LIGHT_GREY)
        canvas.drawCentredString(
            (x + qr_mm / 2) * mm, (MARGIN_MM + 1) * mm, group_for_reading(self.event.code)
        )
        canvas.restoreState()


def _fit(
    text: str,
    font: str,
    width_mm: float,
    height_mm: float,
    size: float,
    *,
    smallest: float = 0.0,
    one_line_down_to: float | None = None,
) -> FittedText:
    """`fit_text` with two wishes, and cut lines rather than text running off the page.

    `one_line_down_to`: keep the text on one line if it fits there at that
    size or larger ("klo 14.00–16.00" stays with its date). `smallest`: no
    smaller type than this; what does not fit then ends with an ellipsis.
    """
    if one_line_down_to is not None:
        one_line = fit_text(text, font, width_mm, size * LEADING_RATIO / mm, size)
        if len(one_line.lines) == 1 and one_line.font_size >= one_line_down_to:
            return one_line
    fitted = fit_text(text, font, width_mm, height_mm, size)
    if fitted.font_size < smallest:
        fitted = FittedText(tuple(simpleSplit(text, font, smallest, width_mm * mm)), font, smallest)
    lines = [_cut_to_width(line, font, fitted.font_size, width_mm) for line in fitted.lines]
    fitting = max(1, int(height_mm * mm // fitted.leading))
    if len(lines) > fitting:
        lines = lines[:fitting]
        lines[-1] = _cut_to_width(lines[-1] + "…", font, fitted.font_size, width_mm)
    return FittedText(tuple(lines), fitted.font_name, fitted.font_size)


def _cut_to_width(line: str, font: str, size: float, width_mm: float) -> str:
    """The line as it is when it fits, else cut and ended with an ellipsis."""
    if stringWidth(line, font, size) <= width_mm * mm:
        return line
    line = line.removesuffix("…")
    while line and stringWidth(line + "…", font, size) > width_mm * mm:
        line = line[:-1]
    return line.rstrip() + "…"
