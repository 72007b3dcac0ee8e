"""Reading our PDFs back as a person and a scanner would: text, page sizes, QR codes."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import zxingcpp
from reportlab.lib.units import mm

DPI = 300


def one_line(text: str) -> str:
    """Extracted text breaks lines where the PDF does; compare with single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [one_line(page.get_textpage().get_text_bounded()) for page in pdf]
    finally:
        pdf.close()


def page_sizes_mm(path) -> list[tuple[float, float]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [(page.get_width() / mm, page.get_height() / mm) for page in pdf]
    finally:
        pdf.close()


def decoded_qr_codes(path, dpi: int = DPI) -> list[list[zxingcpp.Barcode]]:
    """Every QR code on every page, as a cheap scanner would see the page at `dpi`."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [
            zxingcpp.read_barcodes(
                page.render(scale=dpi / 72).to_pil(), formats=zxingcpp.BarcodeFormat.QRCode
            )
            for page in pdf
        ]
    finally:
        pdf.close()


def decoded_texts(path) -> list[str]:
    """The QR payloads of the whole document, page after page."""
    return [code.text for page in decoded_qr_codes(path) for code in page]
