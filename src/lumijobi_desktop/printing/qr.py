"""QR codes drawn as vector squares on a reportlab canvas.

Vector modules stay sharp at any printer resolution, where a bitmap would be
resampled and blur. Payloads are scanner-safe codes (upper-case letters and
digits), which QR's alphanumeric mode packs into the smallest version.
"""

from __future__ import annotations

import functools

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

MIN_MODULE_MM = 0.5
"""A module of 0.5 mm still reads on a 203 dpi thermal printer and a cheap scanner."""

QUIET_MODULES = 4
"""The white margin the QR standard asks for around the symbol."""


@functools.lru_cache(maxsize=256)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the symbol, without the quiet zone."""
    code = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)  # the smallest version that holds the payload
    return tuple(tuple(row) for row in code.get_matrix())


def qr_size_mm(
    payload: str, module_mm: float = MIN_MODULE_MM, quiet_modules: int = QUIET_MODULES
) -> float:
    """Width (= height) of the symbol including its quiet zone."""
    return (len(qr_matrix(payload)) + 2 * quiet_modules) * module_mm


def draw_qr(
    canvas: Canvas,
    payload: str,
    x_mm: float,
    y_mm: float,
    module_mm: float = MIN_MODULE_MM,
    quiet_modules: int = QUIET_MODULES,
) -> float:
    """Draw the QR code with its lower-left corner (quiet zone included) at x, y.

    Returns the drawn width (= height) in mm, quiet zone included.
    """
    if module_mm < MIN_MODULE_MM:
        raise ValueError(f"QR modules smaller than {MIN_MODULE_MM} mm do not scan reliably")
    matrix = qr_matrix(payload)
    size_mm = qr_size_mm(payload, module_mm, quiet_modules)
    canvas.saveState()
    # The quiet zone is painted white so a background or cut line never touches it.
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x_mm * mm, y_mm * mm, size_mm * mm, size_mm * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    origin_x = x_mm + quiet_modules * module_mm
    top_y = y_mm + size_mm - quiet_modules * module_mm
    for row_index, row in enumerate(matrix):
        y = top_y - (row_index + 1) * module_mm
        for start, length in _dark_runs(row):
            path.rect(
                (origin_x + start * module_mm) * mm, y * mm, length * module_mm * mm, module_mm * mm
            )
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return size_mm


def _dark_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules: one rectangle per run, not per module.

    Touching rectangles for neighbouring modules can show hairline gaps in
    some viewers; merged runs do not, and the PDF is smaller.
    """
    runs: list[tuple[int, int]] = []
    start = None
    for index, dark in enumerate((*row, False)):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            runs.append((start, index - start))
            start = None
    return runs
