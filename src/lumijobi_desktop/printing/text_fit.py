"""Fit a piece of text into a box by wrapping and, if needed, shrinking it.

Names on cards and labels must never be clipped: a long name gets smaller
type rather than losing its end.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LEADING_RATIO = 1.2
_SHRINK_STEP_PT = 0.25
_SMALLEST_PT = 4.0


@dataclass(frozen=True)
class FittedText:
    lines: tuple[str, ...]
    font_name: str
    font_size: float

    @property
    def leading(self) -> float:
        return self.font_size * LEADING_RATIO

    @property
    def height_mm(self) -> float:
        return len(self.lines) * self.leading / mm


def fit_text(
    text: str,
    font_name: str,
    width_mm: float,
    height_mm: float,
    max_size: float,
) -> FittedText:
    """The largest font size (pt) at which `text` wraps into the box.

    Words longer than the box shrink the text too, since words are never
    broken. The text shrinks down to 4 pt rather than being cut: a very long
    name is better small than incomplete.
    """
    size = max_size
    while True:
        lines = tuple(simpleSplit(text, font_name, size, width_mm * mm))
        if size <= _SMALLEST_PT or _fits(lines, font_name, size, width_mm, height_mm):
            return FittedText(lines, font_name, size)
        size = max(_SMALLEST_PT, size - _SHRINK_STEP_PT)


def _fits(
    lines: tuple[str, ...], font_name: str, size: float, width_mm: float, height_mm: float
) -> bool:
    widest = max((stringWidth(line, font_name, size) for line in lines), default=0)
    return widest <= width_mm * mm and len(lines) * size * LEADING_RATIO <= height_mm * mm


def draw_fitted(canvas: Canvas, fitted: FittedText, x_mm: float, top_mm: float) -> None:
    """Draw the lines left-aligned, the first line's top at `top_mm`."""
    canvas.setFont(fitted.font_name, fitted.font_size)
    # The first baseline sits one font size below the top: room for capitals and accents.
    baseline = top_mm * mm - fitted.font_size
    for line in fitted.lines:
        canvas.drawString(x_mm * mm, baseline, line)
        baseline -= fitted.leading
