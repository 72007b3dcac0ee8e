"""QR codes are vector squares that decode, with a white quiet zone and modules ≥ 0.5 mm."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.printing.qr import (
    MIN_MODULE_MM,
    QUIET_MODULES,
    draw_qr,
    qr_matrix,
    qr_size_mm,
)

DPI = 300
CODE = make_code(CodeKind.PERSON, 15)


def render_first_page(path):
    pdf = pdfium.PdfDocument(path)
    try:
        return pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()


def mm_to_px(value_mm: float) -> int:
    return round(value_mm / 25.4 * DPI)


def test_person_code_fits_the_smallest_version():
    # Version 1 is 21 × 21 modules; an 8-character alphanumeric code fits with level M.
    assert len(qr_matrix(CODE)) == 21


def test_size_counts_the_quiet_zone():
    assert qr_size_mm(CODE, 0.5, 4) == pytest.approx((21 + 2 * 4) * 0.5)
    assert qr_size_mm(CODE, 1.0, 0) == pytest.approx(21.0)


def test_drawn_qr_decodes_at_the_smallest_module(tmp_path):
    path = tmp_path / "qr.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    size = draw_qr(canvas, CODE, 20, 200, module_mm=MIN_MODULE_MM)
    canvas.save()

    assert size == pytest.approx(qr_size_mm(CODE, MIN_MODULE_MM))
    found = zxingcpp.read_barcodes(render_first_page(path), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [barcode.text for barcode in found] == [CODE]
    assert found[0].ec_level == "M"


def test_quiet_zone_stays_white_on_a_grey_background(tmp_path):
    path = tmp_path / "qr.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFillGray(0.5)
    canvas.rect(0, 0, A4[0], A4[1], stroke=0, fill=1)
    x_mm, y_mm, module = 50.0, 150.0, 1.0
    size = draw_qr(canvas, CODE, x_mm, y_mm, module_mm=module)
    canvas.save()
    image = render_first_page(path)

    page_height_mm = A4[1] / mm
    quiet_mm = QUIET_MODULES * module
    top_px = mm_to_px(page_height_mm - (y_mm + size))
    # A strip through the middle of the top quiet zone, across the whole symbol.
    row = top_px + mm_to_px(quiet_mm / 2)
    strip = [image.getpixel((x, row)) for x in range(mm_to_px(x_mm) + 2, mm_to_px(x_mm + size) - 2)]
    assert min(strip) >= 250
    assert image.getpixel((mm_to_px(x_mm) - 10, row)) < 200  # the background stays grey


def test_modules_below_the_minimum_are_refused(tmp_path):
    canvas = Canvas(str(tmp_path / "qr.pdf"), pagesize=A4)
    with pytest.raises(ValueError):
        draw_qr(canvas, CODE, 20, 200, module_mm=0.4)
