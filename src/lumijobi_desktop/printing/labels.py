"""Item and location labels on sheet and roll label stock, as PDF.

Every label holds a vector QR code of the item's (or location's) code, the
code again as text for reading aloud, and whatever else its layout shows:
category, description, size and intake date. Positions come from
core.label_layouts in millimetres from the page's top-left corner; this
module turns them round for reportlab's bottom-left origin.

Two things make the PDFs hold up at the desk:

- Exactness. Labels land where the sheet has them (plus the printer's
  calibration offset), the QR keeps modules of at least 0.5 mm and a white
  quiet zone inside the label, and text is shrunk or shortened with "…"
  rather than running over the label's edge.
- Speed and size. A thousand labels print after one intake or a bulk
  reprint, so QR symbols are computed with whole-matrix bit operations
  (see "QR symbols" below) and drawn as one path of merged rectangles in
  module units, which keeps the content stream small and compressible.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from qrcode import util as qr_util
from qrcode.constants import ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core.codes import group_for_reading
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import N_, _, format_date, gettext_in
from lumijobi_desktop.core.label_layouts import (
    LabelLayout,
    check_fields,
    display_title,
    format_mm,
    validate_layout,
)
from lumijobi_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from lumijobi_desktop.printing.qr import MIN_MODULE_MM, QUIET_MODULES, qr_matrix

MAX_MODULE_MM = 1.0
"""Bigger modules scan no better; the room is worth more to the text."""
MODULE_STEP_MM = 0.05
QR_EDGE_MM = 0.5
"""From the printable edge to the quiet zone: room for a sheet fed slightly askew."""
QR_MAX_SHARE = 0.5
"""With text beside it the QR (quiet zone included) takes at most half the label's width."""
MIN_TEXT_WIDTH_MM = 8.0
"""A text column narrower than this holds nothing legible, so the QR takes the label."""
MAX_OFFSET_MM = 20.0
"""Calibration beyond 2 cm is a typo (15 for 1.5), not a printer's misalignment."""
SAMPLE_CODE = "I0000017"

# DejaVu Sans reaches 0.93 em above the baseline (accents on capitals) and
# 0.24 em below it, so lines 1.2 em apart keep every glyph inside its line box.
ASCENT = 0.93
DESCENT = 0.24
LEADING = 1.2
ELLIPSIS = "…"

_SAVE_LOCK = threading.Lock()

OUTLINE_GREY = 0.6
OUTLINE_WIDTH_PT = 0.25

DOCUMENT_TITLE = N_("Labels")
TEST_PAGE_TITLE = N_("Label test page")
SIZE_TEXT = N_("Size {size}")
RULER_TEXT = N_("This line must measure {length} mm")
SCALE_ADVICE = N_("Print at 100 % (actual size), never “fit to page”.")
OFFSET_TEXT = N_("Calibration offset: {x} mm across, {y} mm down")


@dataclass(frozen=True)
class LabelContent:
    """What one label says. Texts arrive translated; the description may be Cyrillic."""

    code: str
    category: str
    description: str
    size: str = ""
    intake_date: dt.date | None = None


@dataclass(frozen=True)
class QrPlacement:
    """Where a QR symbol sits: its top-left corner (quiet zone excluded), in mm from
    the page's top-left corner, and its module size."""

    x_mm: float
    y_mm: float
    module_mm: float
    modules: int

    @property
    def size_mm(self) -> float:
        return self.modules * self.module_mm

    @property
    def quiet_zone_mm(self) -> float:
        return QUIET_MODULES * self.module_mm


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class _Box:
    """A rectangle in mm, relative to a label's top-left corner, y down."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class _LabelPlan:
    """Where a label's QR symbol and text column go: the same for every label of a
    layout whose symbol has the same number of modules."""

    qr: _Box | None
    """The symbol itself, quiet zone excluded."""
    module_mm: float
    text: _Box | None
    fields: frozenset[str]


def qr_box_mm(
    layout: LabelLayout,
    index_on_page: int,
    fields: frozenset[str] | None = None,
    *,
    code: str = SAMPLE_CODE,
    offset_mm: tuple[float, float] = (0.0, 0.0),
) -> QrPlacement | None:
    """Where `render_labels` puts the QR of the label at `index_on_page` (0-based).

    None when the fields leave the QR out. `code` matters only through its
    length: a longer code needs a bigger symbol.
    """
    plan = _plan(layout, _chosen_fields(layout, fields), _symbol(code).size)
    if plan.qr is None:
        return None
    left, top = layout.label_origin(index_on_page)
    return QrPlacement(
        x_mm=left + plan.qr.x + offset_mm[0],
        y_mm=top + plan.qr.y + offset_mm[1],
        module_mm=plan.module_mm,
        modules=_symbol(code).size,
    )


def _chosen_fields(layout: LabelLayout, fields: frozenset[str] | None) -> frozenset[str]:
    return layout.default_fields if fields is None else frozenset(fields)


@functools.lru_cache(maxsize=64)
def _plan(layout: LabelLayout, fields: frozenset[str], modules: int) -> _LabelPlan:
    """Put the QR at the left of the printable area and the text in the rest.

    The module is the largest step of 0.05 mm (up to 1 mm) whose symbol and
    quiet zone fit the printable height and, when text shares the label, half
    its width. Raises ValidationError if even 0.5 mm modules do not fit.
    """
    printable = _Box(
        layout.inset_x_mm, layout.inset_y_mm, layout.printable_width_mm, layout.printable_height_mm
    )
    text_fields = fields - {"qr"}
    if "qr" not in fields:
        return _LabelPlan(None, 0.0, _text_box(printable, printable.x, layout), fields)
    outer_modules = modules + 2 * QUIET_MODULES
    room_w = printable.width - 2 * QR_EDGE_MM
    room_h = printable.height - 2 * QR_EDGE_MM
    if min(room_w, room_h) < outer_modules * MIN_MODULE_MM:
        raise ValidationError(_("The labels of this layout are too small for a QR code."))
    shared_w = printable.width * QR_MAX_SHARE - QR_EDGE_MM if text_fields else room_w
    module = _module_for(min(max(shared_w, outer_modules * MIN_MODULE_MM), room_h), outer_modules)
    outer = outer_modules * module
    text_left = printable.x + QR_EDGE_MM + outer
    text = _text_box(printable, text_left, layout) if text_fields else None
    if text is None or text.width < MIN_TEXT_WIDTH_MM:
        # Too narrow to read: the QR is what the desk scans, so it keeps the label alone.
        text, text_fields = None, frozenset()
        qr_x = printable.x + (printable.width - outer) / 2
    else:
        qr_x = printable.x + QR_EDGE_MM
    qr_y = printable.y + (printable.height - outer) / 2
    quiet = QUIET_MODULES * module
    symbol = _Box(qr_x + quiet, qr_y + quiet, modules * module, modules * module)
    return _LabelPlan(symbol, module, text, frozenset({"qr"}) | text_fields)


def _module_for(room_mm: float, outer_modules: int) -> float:
    steps = math.floor(room_mm / outer_modules / MODULE_STEP_MM + 1e-9)
    return round(min(MAX_MODULE_MM, max(MIN_MODULE_MM, steps * MODULE_STEP_MM)), 2)


def _text_box(printable: _Box, left: float, layout: LabelLayout) -> _Box:
    padding = _padding(layout)
    top = printable.y + padding
    right = printable.right - padding
    # Beside a QR the quiet zone is the gap; without one, the padding is.
    left = left if left > printable.x else printable.x + padding
    return _Box(left, top, right - left, printable.height - 2 * padding)


def _padding(layout: LabelLayout) -> float:
    """Space between text and the label edge: a little more on bigger labels."""
    smaller_side = min(layout.printable_width_mm, layout.printable_height_mm)
    return min(2.5, max(1.0, 0.06 * smaller_side))


# --------------------------------------------------------------------------- rendering


def render_labels(
    labels: Sequence[LabelContent],
    layout: LabelLayout,
    out: str | os.PathLike[str] | BinaryIO,
    *,
    start: int = 1,
    copies: int = 1,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    outline: bool = False,
    fields: frozenset[str] | None = None,
    lang: str = "fi",
) -> int:
    """Write the labels as a PDF and return its page count.

    `start` is the 1-based position of the first free label on the first
    sheet (the ones before it stay blank); `copies` repeats each label;
    `offset_mm` shifts everything right and down by the printer's
    calibration; `outline` draws thin grey label outlines; `fields` choose
    what is shown (the layout's defaults if None); `lang` is the language of
    dates, the size word and the document title.

    Raises ValidationError, with nothing written, for a layout that does not
    fit its page, a start position off the sheet, labels too small for a QR
    code and the like.
    """
    chosen = _chosen_fields(layout, fields)
    _check_request(labels, layout, start, copies, offset_mm, chosen)
    symbols = [_symbol(label.code) for label in labels]
    plans = {size: _plan(layout, chosen, size) for size in {symbol.size for symbol in symbols}}
    register_fonts()
    canvas = _new_canvas(out, layout, gettext_in(lang, DOCUMENT_TITLE))
    pages = 0
    for page in _pages(len(labels), layout.labels_per_page, start - 1, copies):
        _begin_page(canvas, offset_mm)
        if outline:
            _draw_outlines(canvas, layout)
        for position, label_index in page:
            symbol = symbols[label_index]
            origin = _label_origin_pdf(layout, position)
            plan = plans[symbol.size]
            _draw_label(canvas, labels[label_index], symbol, plan, origin, lang)
        canvas.showPage()
        pages += 1
    _save(canvas)
    return pages


def _check_request(
    labels: Sequence[LabelContent],
    layout: LabelLayout,
    start: int,
    copies: int,
    offset_mm: tuple[float, float],
    fields: frozenset[str],
) -> None:
    validate_layout(layout)
    check_fields(fields)
    if not labels:
        raise ValidationError(_("There are no labels to print."))
    if any(not label.code.strip() for label in labels):
        raise ValidationError(_("Every label needs a code."))
    if not 1 <= start <= layout.labels_per_page:
        raise ValidationError(
            _("The first free label must be a number from 1 to {count}.").format(
                count=layout.labels_per_page
            ),
            field="start",
        )
    if copies < 1:
        raise ValidationError(_("Print at least one copy of each label."), field="copies")
    if any(not math.isfinite(value) or abs(value) > MAX_OFFSET_MM for value in offset_mm):
        raise ValidationError(
            _("The calibration offset must be between -{limit} and {limit} mm.").format(
                limit=format_mm(MAX_OFFSET_MM)
            ),
            field="offset",
        )


def _pages(
    count: int, per_page: int, first_position: int, copies: int
) -> Iterator[list[tuple[int, int]]]:
    """(position on page, label index) pairs page by page; copies stay next to each other."""
    page: list[tuple[int, int]] = []
    position = first_position
    for label_index in range(count):
        for _copy in range(copies):
            page.append((position, label_index))
            position += 1
            if position == per_page:
                yield page
                page, position = [], 0
    if page:
        yield page


def _new_canvas(out: str | os.PathLike[str] | BinaryIO, layout: LabelLayout, title: str) -> Canvas:
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    page_size = (layout.page_width_mm * mm, layout.page_height_mm * mm)
    # Without initialFontName the canvas would set Helvetica in every page preamble.
    canvas = Canvas(target, pagesize=page_size, initialFontName=FONT_REGULAR, pageCompression=1)
    canvas.setTitle(title)
    # Asks the print dialog not to "fit to page", which would shift the lower labels.
    canvas.setViewerPreference("PrintScaling", "None")
    return canvas


def _save(canvas: Canvas) -> None:
    """Write the PDF with plain Flate-compressed streams.

    reportlab wraps compressed streams in ASCII85 by default, a 7-bit-safe
    text encoding no printer or viewer needs; it makes label PDFs a quarter
    bigger and slower to write. The setting is global and read while the
    file is written, so it is switched off only for that moment.
    """
    with _SAVE_LOCK:
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            canvas.save()
        finally:
            rl_config.useA85 = previous


def _begin_page(canvas: Canvas, offset_mm: tuple[float, float]) -> None:
    # The calibration moves everything, outlines included: x to the right, y down.
    if offset_mm != (0, 0):
        canvas.translate(offset_mm[0] * mm, -offset_mm[1] * mm)
    canvas.setFillGray(0)


def _label_origin_pdf(layout: LabelLayout, position: int) -> tuple[float, float]:
    """The label's top-left corner in PDF points (origin bottom-left)."""
    left, top = layout.label_origin(position)
    return left * mm, (layout.page_height_mm - top) * mm


def _draw_outlines(canvas: Canvas, layout: LabelLayout) -> None:
    canvas.saveState()
    canvas.setStrokeGray(OUTLINE_GREY)
    canvas.setLineWidth(OUTLINE_WIDTH_PT)
    width, height = layout.label_width_mm * mm, layout.label_height_mm * mm
    for position in range(layout.labels_per_page):
        x, top = _label_origin_pdf(layout, position)
        canvas.rect(x, top - height, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _draw_label(
    canvas: Canvas,
    label: LabelContent,
    symbol: _Symbol,
    plan: _LabelPlan,
    origin: tuple[float, float],
    lang: str,
) -> None:
    x0, top0 = origin
    if plan.qr is not None:
        _draw_symbol(canvas, symbol, x0 + plan.qr.x * mm, top0 - plan.qr.y * mm, plan.module_mm)
    if plan.text is not None:
        lines = _text_lines(label, plan.text, plan.fields, lang)
        _draw_text_lines(canvas, lines, x0, top0, plan.text)


# --------------------------------------------------------------------------- text


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float
    top_mm: float
    """From the top of the text box to the top of this line's box."""
    right_text: str = ""
    right_font: str = FONT_REGULAR
    right_size: float = 0.0

    @property
    def height_mm(self) -> float:
        return self.size * LEADING / mm


@dataclass(frozen=True)
class _Style:
    font: str
    largest: float
    smallest: float


CODE_STYLE = _Style(FONT_BOLD, 11.0, 6.0)
CATEGORY_STYLE = _Style(FONT_REGULAR, 8.0, 5.5)
DESCRIPTION_STYLE = _Style(FONT_REGULAR, 8.5, 5.5)
SIZE_STYLE = _Style(FONT_BOLD, 9.0, 5.5)
DATE_STYLE = _Style(FONT_REGULAR, 7.0, 5.5)
FOOTER_GAP_MM = 2.0
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
# When even the smallest type does not hold everything, these go first.
DROP_ORDER = ("description", "intake_date", "category", "size")


def _text_lines(label: LabelContent, box: _Box, fields: frozenset[str], lang: str) -> list[_Line]:
    """The code at the top, then category and description; size and date at the bottom.

    Type shrinks step by step until everything fits the box; at the smallest
    step the description is cut with "…", and if the box is still too small
    whole fields are left out (description first) rather than crossing the
    label's edge.
    """
    texts = _field_texts(label, fields, lang)
    for scale in SCALES:
        lines = _try_layout(texts, box, scale, shorten=scale == SCALES[-1])
        if lines is not None:
            return lines
    for name in DROP_ORDER:
        texts.pop(name, None)
        lines = _try_layout(texts, box, SCALES[-1], shorten=True)
        if lines is not None:
            return lines
    return []


def _field_texts(label: LabelContent, fields: frozenset[str], lang: str) -> dict[str, str]:
    texts = {
        "code": group_for_reading(label.code) if len(label.code) > 4 else label.code,
        "category": label.category,
        "description": " ".join(label.description.split()),
        "size": gettext_in(lang, SIZE_TEXT).format(size=label.size) if label.size else "",
        "intake_date": format_date(label.intake_date, lang) if label.intake_date else "",
    }
    return {name: text for name, text in texts.items() if name in fields and text.strip()}


def _try_layout(
    texts: dict[str, str], box: _Box, scale: float, *, shorten: bool
) -> list[_Line] | None:
    lines = _code_lines(texts["code"], scale, box.width) if "code" in texts else []
    top = sum(line.height_mm for line in lines)
    if "category" in texts:
        lines.append(_single_line(texts["category"], CATEGORY_STYLE, scale, box.width, top))
        top += lines[-1].height_mm
    footer = _footer(texts, box.width, scale)
    footer_height = footer.height_mm if footer else 0.0
    if "description" in texts:
        room = box.height - top - footer_height
        described = _paragraph(texts["description"], DESCRIPTION_STYLE, scale, box.width, room)
        if described is None and shorten:
            described = _shortened_paragraph(texts["description"], box.width, room)
        if described is None:
            return None
        for text, size in described:
            lines.append(_Line(text, DESCRIPTION_STYLE.font, size, top))
            top += size * LEADING / mm
    if footer is not None:
        lines.append(replace(footer, top_mm=box.height - footer_height))
        top += footer_height
    if top > box.height + 1e-6:
        return None
    if footer is None and "description" not in texts:
        # A code alone (tiny labels) sits level with the middle of the QR, not at the top.
        lines = [replace(line, top_mm=line.top_mm + (box.height - top) / 2) for line in lines]
    return lines


def _size_at(style: _Style, scale: float) -> float:
    return max(style.smallest, style.largest * scale)


def _code_lines(code_text: str, scale: float, width_mm: float) -> list[_Line]:
    """The readable code on one line, or broken at its group spaces when the column is
    narrow; never cut short, since a partial code misleads. [] if no group fits."""
    line = _single_line(code_text, CODE_STYLE, scale, width_mm, 0.0)
    if line.text == code_text:
        return [line]
    size = CODE_STYLE.smallest
    groups = simpleSplit(code_text, CODE_STYLE.font, size, width_mm * mm)
    if any(stringWidth(group, CODE_STYLE.font, size) / mm > width_mm for group in groups):
        return []
    step = size * LEADING / mm
    return [_Line(group, CODE_STYLE.font, size, index * step) for index, group in enumerate(groups)]


def _single_line(text: str, style: _Style, scale: float, width_mm: float, top: float) -> _Line:
    """One line at the scale's size, shrunk to the width; at the smallest size, cut short."""
    size = _size_at(style, scale)
    natural = stringWidth(text, style.font, size) / mm
    if natural > width_mm:
        size = max(style.smallest, size * width_mm / natural * 0.999)  # rounding must not cut
        text = _ellipsize(text, style.font, size, width_mm)
    return _Line(text, style.font, size, top)


def _footer(texts: dict[str, str], width_mm: float, scale: float) -> _Line | None:
    """The size (bold, left) and the intake date (right) share the bottom line.

    When both do not fit, the date goes: the size is what visitors look for.
    """
    size_text, date_text = texts.get("size", ""), texts.get("intake_date", "")
    size_pt, date_pt = _size_at(SIZE_STYLE, scale), _size_at(DATE_STYLE, scale)
    if size_text and date_text:
        needed = stringWidth(size_text, SIZE_STYLE.font, size_pt)
        needed += stringWidth(date_text, DATE_STYLE.font, date_pt)
        if needed / mm + FOOTER_GAP_MM > width_mm:
            date_text = ""
    size_text = _ellipsize(size_text, SIZE_STYLE.font, size_pt, width_mm)
    date_text = _ellipsize(date_text, DATE_STYLE.font, date_pt, width_mm)
    if size_text:
        return _Line(size_text, SIZE_STYLE.font, size_pt, 0.0, date_text, DATE_STYLE.font, date_pt)
    if date_text:
        return _Line("", DATE_STYLE.font, date_pt, 0.0, date_text, DATE_STYLE.font, date_pt)
    return None


def _paragraph(
    text: str, style: _Style, scale: float, width_mm: float, height_mm: float
) -> list[tuple[str, float]] | None:
    size = _size_at(style, scale)
    lines = simpleSplit(text, style.font, size, width_mm * mm)
    fits_height = len(lines) * size * LEADING / mm <= height_mm
    if fits_height and all(stringWidth(line, style.font, size) / mm <= width_mm for line in lines):
        return [(line, size) for line in lines]
    return None


def _shortened_paragraph(
    text: str, width_mm: float, height_mm: float
) -> list[tuple[str, float]] | None:
    """As many lines of the smallest type as the room holds, the last one ending in "…"."""
    style = DESCRIPTION_STYLE
    size = style.smallest
    room_lines = int(height_mm / (size * LEADING / mm) + 1e-9)
    if room_lines < 1:
        return None
    lines = [
        _ellipsize(line, style.font, size, width_mm)
        for line in simpleSplit(text, style.font, size, width_mm * mm)
    ]
    if len(lines) > room_lines:
        rest = " ".join(lines[room_lines - 1 :])
        lines = [*lines[: room_lines - 1], _ellipsize(rest + ELLIPSIS, style.font, size, width_mm)]
    return [(line, size) for line in lines]


def _ellipsize(text: str, font: str, size: float, width_mm: float) -> str:
    """The longest start of `text` that fits with "…" after it (the whole text if it fits)."""
    limit = width_mm * mm
    if stringWidth(text, font, size) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:  # binary search on the number of characters kept
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + ELLIPSIS, font, size) <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def _draw_text_lines(canvas: Canvas, lines: list[_Line], x0: float, top0: float, box: _Box) -> None:
    left = x0 + box.x * mm
    right = x0 + box.right * mm
    box_top = top0 - box.y * mm
    for line in lines:
        baseline = box_top - line.top_mm * mm - line.size * ASCENT
        if line.text:
            canvas.setFont(line.font, line.size)
            canvas.drawString(left, baseline, line.text)
        if line.right_text:
            # Smaller than the line's own type, so the shared baseline keeps it inside the line.
            canvas.setFont(line.right_font, line.right_size)
            canvas.drawRightString(right, baseline, line.right_text)


# --------------------------------------------------------------------------- test page


RULER_LENGTHS_MM = (100, 50, 40, 20, 10)


def render_test_page(
    layout: LabelLayout,
    out: str | os.PathLike[str] | BinaryIO,
    *,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    lang: str | None = None,
) -> None:
    """One page with every label's outline and position number, and a ruler.

    Printed on plain paper and held against a sheet of labels, it shows
    whether the printer needs a calibration offset; the ruler shows whether
    the print dialog scaled the page (it must measure exactly its length).
    `lang` defaults to the current language.
    """
    validate_layout(layout)
    if any(not math.isfinite(value) or abs(value) > MAX_OFFSET_MM for value in offset_mm):
        raise ValidationError(
            _("The calibration offset must be between -{limit} and {limit} mm.").format(
                limit=format_mm(MAX_OFFSET_MM)
            ),
            field="offset",
        )
    translate = _translator(lang)
    register_fonts()
    canvas = _new_canvas(out, layout, translate(TEST_PAGE_TITLE))
    _begin_page(canvas, offset_mm)
    _draw_outlines(canvas, layout)
    _draw_printable_areas(canvas, layout)
    _draw_position_numbers(canvas, layout)
    _draw_ruler_block(canvas, layout, offset_mm, translate)
    canvas.showPage()
    _save(canvas)


def _translator(lang: str | None):
    return _ if lang is None else functools.partial(gettext_in, lang)


def _draw_printable_areas(canvas: Canvas, layout: LabelLayout) -> None:
    """Dashed: the part of a roll label the printer reaches."""
    if not (layout.inset_x_mm or layout.inset_y_mm):
        return
    canvas.saveState()
    canvas.setStrokeGray(OUTLINE_GREY)
    canvas.setLineWidth(OUTLINE_WIDTH_PT)
    canvas.setDash(2, 2)
    width, height = layout.printable_width_mm * mm, layout.printable_height_mm * mm
    for position in range(layout.labels_per_page):
        x, top = _label_origin_pdf(layout, position)
        x += layout.inset_x_mm * mm
        top -= layout.inset_y_mm * mm
        canvas.rect(x, top - height, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _draw_position_numbers(canvas: Canvas, layout: LabelLayout) -> None:
    size = min(10.0, max(6.0, layout.label_height_mm * mm * 0.25))
    canvas.setFont(FONT_BOLD, size)
    inset_x = (layout.inset_x_mm + 1.5) * mm
    inset_y = (layout.inset_y_mm + 1.5) * mm + size * ASCENT
    for position in range(layout.labels_per_page):
        x, top = _label_origin_pdf(layout, position)
        canvas.drawString(x + inset_x, top - inset_y, str(position + 1))


def _draw_ruler_block(canvas: Canvas, layout: LabelLayout, offset_mm, translate) -> None:
    """A ruler with 10 mm ticks in the middle of the page, its caption above it and
    the layout's name and the calibration in use below it."""
    usable_mm = layout.page_width_mm - 2 * (layout.inset_x_mm + 2.0)
    length = next((value for value in RULER_LENGTHS_MM if value <= usable_mm), None)
    if length is None:
        return
    centre_x = layout.page_width_mm / 2
    ruler_y = layout.page_height_mm / 2
    left, right = (centre_x - length / 2) * mm, (centre_x + length / 2) * mm
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.line(left, ruler_y * mm, right, ruler_y * mm)
    for tick in range(0, length + 1, 10):
        tick_height = 2.0 if tick % 50 == 0 else 1.0
        x = left + tick * mm
        canvas.line(x, (ruler_y - tick_height) * mm, x, (ruler_y + tick_height) * mm)
    canvas.restoreState()
    width = min(layout.page_width_mm - 2 * (layout.inset_x_mm + 1.0), 180.0)
    above = [translate(RULER_TEXT).format(length=length), translate(SCALE_ADVICE)]
    below = [
        display_title(layout),
        translate(OFFSET_TEXT).format(x=format_mm(offset_mm[0]), y=format_mm(offset_mm[1])),
    ]
    _centred_lines(canvas, above, centre_x, ruler_y + 2.5, width, upwards=True)
    _centred_lines(canvas, below, centre_x, ruler_y - 2.5, width, upwards=False)


def _centred_lines(
    canvas: Canvas, texts: list[str], centre_x: float, edge_y: float, width: float, *, upwards
) -> None:
    """Centred lines starting at `edge_y` (mm from the page bottom), going up or down."""
    size = 9.0
    for text in texts:
        size = min(size, 9.0 * width / max(width, stringWidth(text, FONT_REGULAR, 9.0) / mm))
    size = max(size, 4.0)
    canvas.setFont(FONT_REGULAR, size)
    ordered = list(reversed(texts)) if upwards else texts
    y = edge_y * mm
    for text in ordered:
        baseline = y + size * DESCENT if upwards else y - size * ASCENT
        canvas.drawCentredString(centre_x * mm, baseline, text)
        y += size * LEADING if upwards else -size * LEADING


# --------------------------------------------------------------------------- QR symbols
#
# qrcode builds a symbol eight times (once per mask) with per-module Python
# loops to pick the mask the standard asks for: about 1.7 ms per code, more
# than the whole budget for a thousand labels. Here a symbol is one integer
# (bit r * n + c is the module in row r, column c), the data bits are spread
# with per-byte lookup tables, and the standard's mask penalties are counted
# with shifts and popcounts over the whole matrix at once. The data codewords
# still come from qrcode, and the result is the same matrix qrcode makes
# (tests compare them), including qrcode's habit of scoring masks with the
# format information left light.


MAX_FAST_VERSION = 6
"""Versions 7+ carry version-information blocks; their rare codes go through qrcode."""


@dataclass(frozen=True)
class _Symbol:
    size: int
    """Modules per side, quiet zone excluded."""
    bits: int
    """Dark modules: bit row * size + column."""

    def row_bits(self, row: int) -> int:
        return (self.bits >> (row * self.size)) & ((1 << self.size) - 1)


def symbol_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules labels draw for `payload`: the matrix qr.qr_matrix gives, made faster."""
    symbol = _symbol(payload)
    return tuple(
        tuple(bool((symbol.row_bits(row) >> column) & 1) for column in range(symbol.size))
        for row in range(symbol.size)
    )


@functools.lru_cache(maxsize=1024)
def _symbol(payload: str) -> _Symbol:
    """The QR symbol of `payload` at error correction level M (as qr.qr_matrix)."""
    chunks = list(qr_util.optimal_data_chunks(payload, minimum=20))
    for version in range(1, MAX_FAST_VERSION + 1):
        try:
            codewords = qr_util.create_data(version, ERROR_CORRECT_M, chunks)
        except DataOverflowError:
            continue
        return _masked_symbol(_template(version), codewords)
    return _symbol_from_matrix(qr_matrix(payload))


def _symbol_from_matrix(matrix: tuple[tuple[bool, ...], ...]) -> _Symbol:
    size = len(matrix)
    bits = 0
    for row_index, row in enumerate(matrix):
        for column, dark in enumerate(row):
            if dark:
                bits |= 1 << (row_index * size + column)
    return _Symbol(size, bits)


@dataclass(frozen=True)
class _Template:
    """Everything about a version's symbols that does not depend on the data."""

    size: int
    function_dark: tuple[int, int]
    """Dark finder, timing and alignment modules (row-major, column-major)."""
    masks: tuple[tuple[int, int], ...]
    """Per mask pattern: the data modules it inverts (row-major, column-major)."""
    format_dark: tuple[int, ...]
    """Per mask pattern: dark format-information modules plus the always-dark module."""
    byte_tables: tuple[tuple[tuple[int, int], ...], ...]
    """Per codeword index, per byte value: its dark data modules (both orders)."""
    full: int
    runs_of_five: int
    """Cells where five modules to the right stay in the same row (rule 1)."""
    blocks: int
    """Cells whose 2 × 2 block stays inside the symbol (rule 2)."""
    windows_of_eleven: int
    """Cells where eleven modules to the right stay in the same row (rule 3)."""


def _masked_symbol(template: _Template, codewords: list[int]) -> _Symbol:
    data = data_t = 0
    for table, byte in zip(template.byte_tables, codewords, strict=False):
        row_major, column_major = table[byte]
        data |= row_major
        data_t |= column_major
    best_mask, best_penalty = 0, -1
    for mask, (mask_bits, mask_bits_t) in enumerate(template.masks):
        candidate = template.function_dark[0] | (data ^ mask_bits)
        candidate_t = template.function_dark[1] | (data_t ^ mask_bits_t)
        penalty = _penalty(template, candidate, candidate_t)
        if best_penalty < 0 or penalty < best_penalty:
            best_mask, best_penalty = mask, penalty
    bits = template.function_dark[0] | (data ^ template.masks[best_mask][0])
    return _Symbol(template.size, bits | template.format_dark[best_mask])


def _penalty(template: _Template, rows: int, columns: int) -> int:
    """The standard's mask penalty (rules 1–4) for one candidate symbol."""
    full = template.full
    light_rows, light_columns = rows ^ full, columns ^ full
    penalty = sum(
        _run_penalty(bits, template.runs_of_five)
        for bits in (rows, light_rows, columns, light_columns)
    )
    n = template.size
    for bits in (rows, light_rows):
        same_block = bits & (bits >> 1) & (bits >> n) & (bits >> (n + 1)) & template.blocks
        penalty += 3 * same_block.bit_count()
    penalty += 40 * _finder_like_count(rows, light_rows, template.windows_of_eleven)
    penalty += 40 * _finder_like_count(columns, light_columns, template.windows_of_eleven)
    percent = float(rows.bit_count()) / (n * n)
    return penalty + int(abs(percent * 100 - 50) / 5) * 10


def _run_penalty(bits: int, valid: int) -> int:
    """Rule 1: a run of k ≥ 5 same-coloured modules costs k - 2.

    `starts` marks each cell that begins five in a row, so a run of k has
    k - 4 of them in one stretch; adding 2 per stretch gives k - 2.
    """
    starts = bits & (bits >> 1) & (bits >> 2) & (bits >> 3) & (bits >> 4) & valid
    stretches = starts & ~(starts << 1)
    return starts.bit_count() + 2 * stretches.bit_count()


def _finder_like_count(dark: int, light: int, valid: int) -> int:
    """Rule 3: 1:1:3:1:1 finder-like patterns (1011101) with four light modules after
    (10111010000) or before (00001011101) them, each window inside one row."""
    core = dark & (light >> 1) & (dark >> 2) & (dark >> 3) & (dark >> 4) & (light >> 5)
    core &= dark >> 6
    four_light = light & (light >> 1) & (light >> 2) & (light >> 3)
    light_after = core & (four_light >> 7) & valid
    light_before = four_light & (core >> 4) & valid
    return light_after.bit_count() + light_before.bit_count()


@functools.lru_cache(maxsize=MAX_FAST_VERSION)
def _template(version: int) -> _Template:
    size = version * 4 + 17
    grid: list[list[bool | None]] = [[None] * size for _row in range(size)]
    for row, column in ((0, 0), (size - 7, 0), (0, size - 7)):
        _place_finder(grid, row, column)
    _place_alignment(grid, version)
    _place_timing(grid)
    format_cells = _format_cells(size)
    for row, column in format_cells:
        grid[row][column] = False
    dark_module = (size - 8, 8)
    grid[dark_module[0]][dark_module[1]] = False  # light while masks are scored, like qrcode

    def bit(row: int, column: int) -> tuple[int, int]:
        return 1 << (row * size + column), 1 << (column * size + row)

    function_dark = [0, 0]
    for row in range(size):
        for column in range(size):
            if grid[row][column]:
                row_bit, column_bit = bit(row, column)
                function_dark[0] |= row_bit
                function_dark[1] |= column_bit
    data_cells = _data_cells(grid)
    masks = tuple(_mask_bits(pattern, data_cells, bit) for pattern in range(8))
    format_dark = tuple(
        _format_bits(pattern, format_cells, bit) | bit(*dark_module)[0] for pattern in range(8)
    )
    return _Template(
        size=size,
        function_dark=(function_dark[0], function_dark[1]),
        masks=masks,
        format_dark=format_dark,
        byte_tables=_byte_tables(data_cells, bit),
        full=(1 << size * size) - 1,
        runs_of_five=_cells_with_room(size, across=5, down=1),
        blocks=_cells_with_room(size, across=2, down=2),
        windows_of_eleven=_cells_with_room(size, across=11, down=1),
    )


def _place_finder(grid: list[list[bool | None]], top: int, left: int) -> None:
    size = len(grid)
    for r in range(-1, 8):
        for c in range(-1, 8):
            row, column = top + r, left + c
            if not (0 <= row < size and 0 <= column < size):
                continue
            ring = (0 <= r <= 6 and c in (0, 6)) or (0 <= c <= 6 and r in (0, 6))
            grid[row][column] = ring or (2 <= r <= 4 and 2 <= c <= 4)


def _place_alignment(grid: list[list[bool | None]], version: int) -> None:
    centres = qr_util.pattern_position(version)
    for row in centres:
        for column in centres:
            if grid[row][column] is not None:  # under a finder pattern
                continue
            for r in range(-2, 3):
                for c in range(-2, 3):
                    ring = abs(r) == 2 or abs(c) == 2
                    grid[row + r][column + c] = ring or (r == 0 and c == 0)


def _place_timing(grid: list[list[bool | None]]) -> None:
    size = len(grid)
    for index in range(8, size - 8):
        if grid[index][6] is None:
            grid[index][6] = index % 2 == 0
        if grid[6][index] is None:
            grid[6][index] = index % 2 == 0


def _format_cells(size: int) -> list[tuple[int, int]]:
    """The two copies of the 15 format bits, bit i of each copy at index i."""
    vertical = [(i, 8) if i < 6 else (i + 1, 8) if i < 8 else (size - 15 + i, 8) for i in range(15)]
    horizontal = [
        (8, size - i - 1) if i < 8 else (8, 15 - i) if i < 9 else (8, 15 - i - 1) for i in range(15)
    ]
    return [*vertical, *horizontal]


def _format_bits(pattern: int, cells: list[tuple[int, int]], bit) -> int:
    info = qr_util.BCH_type_info((ERROR_CORRECT_M << 3) | pattern)
    dark = 0
    for index, (row, column) in enumerate(cells):
        if (info >> (index % 15)) & 1:
            dark |= bit(row, column)[0]
    return dark


def _data_cells(grid: list[list[bool | None]]) -> list[tuple[int, int]]:
    """Free cells in placement order: two-column strips from the right, zigzagging."""
    size = len(grid)
    cells = []
    upwards = True
    column = size - 1
    while column > 0:
        if column == 6:  # the vertical timing pattern's column is skipped
            column -= 1
        rows = range(size - 1, -1, -1) if upwards else range(size)
        for row in rows:
            for c in (column, column - 1):
                if grid[row][c] is None:
                    cells.append((row, c))
        upwards = not upwards
        column -= 2
    return cells


_MASK_RULES = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)


def _mask_bits(pattern: int, cells: list[tuple[int, int]], bit) -> tuple[int, int]:
    rule = _MASK_RULES[pattern]
    rows = columns = 0
    for row, column in cells:
        if rule(row, column):
            row_bit, column_bit = bit(row, column)
            rows |= row_bit
            columns |= column_bit
    return rows, columns


def _byte_tables(cells: list[tuple[int, int]], bit) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each codeword position, the dark cells of every possible byte value.

    Bit 7 of a codeword goes to the first of its eight cells. Remainder cells
    after the last codeword stay light (before masking).
    """
    tables = []
    for start in range(0, len(cells) - 7, 8):
        cell_bits = [bit(*cells[start + 7 - k]) for k in range(8)]  # index k = bit k
        table: list[tuple[int, int]] = [(0, 0)] * 256
        for value in range(1, 256):
            lowest = value & -value
            rest = table[value ^ lowest]
            row_bit, column_bit = cell_bits[lowest.bit_length() - 1]
            table[value] = (rest[0] | row_bit, rest[1] | column_bit)
        tables.append(tuple(table))
    return tuple(tables)


def _cells_with_room(size: int, *, across: int, down: int) -> int:
    """Cells from which `across` × `down` modules stay inside the symbol."""
    cells = 0
    for row in range(size - down + 1):
        for column in range(size - across + 1):
            cells |= 1 << (row * size + column)
    return cells


def _draw_symbol(
    canvas: Canvas, symbol: _Symbol, left: float, top: float, module_mm: float
) -> None:
    """One filled path of rectangles in module units with y downwards.

    Small integer coordinates keep the content stream short, and the finder
    patterns, the same in every symbol, compress away.
    """
    canvas.saveState()
    module = module_mm * mm
    canvas.transform(module, 0, 0, -module, left, top)
    canvas.addLiteral(_symbol_path(symbol) + " f")
    canvas.restoreState()


def _symbol_path(symbol: _Symbol) -> str:
    """`x y w h re` operators covering exactly the dark modules.

    Finder patterns are five rectangles each, the same text in every symbol;
    the rest is one rectangle per horizontal run of dark modules, in reading
    order. Light separators surround the finders, so no run crosses into one.
    """
    n = symbol.size
    finder_cells, finder_ops = _finder_parts(n)
    text = format(symbol.bits & ~finder_cells, "b").zfill(n * n)[::-1]
    # Rows joined by a light "0" so that no run continues into the next row.
    joined = "0".join([text[row * n : (row + 1) * n] for row in range(n)])
    step = n + 1
    runs = [
        f"{match.start() % step} {match.start() // step} {match.end() - match.start()} 1 re"
        for match in _DARK_RUN.finditer(joined)
    ]
    return " ".join([finder_ops, *runs])


_DARK_RUN = re.compile("1+")


@functools.lru_cache(maxsize=8)
def _finder_parts(size: int) -> tuple[int, str]:
    """The cells of the three 7 × 7 finder patterns, and their rectangles."""
    cells = 0
    ops = []
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        for row in range(top, top + 7):
            cells |= 0b1111111 << (row * size + left)
        ops += [
            f"{left} {top} 7 1 re",
            f"{left} {top + 1} 1 5 re",
            f"{left + 6} {top + 1} 1 5 re",
            f"{left} {top + 6} 7 1 re",
            f"{left + 2} {top + 2} 3 3 re",
        ]
    return cells, " ".join(ops)
