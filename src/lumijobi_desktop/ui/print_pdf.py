"""Printing our PDFs through the system print dialog at exactly 100 %.

A driver that "fits to page" shrinks a label sheet, and the labels at the
lower right miss their stickers. So the printer is set to full page, the
paper to the PDF's own page size, and each page is drawn at its physical
size from the paper's corner: no scaling, no margins added.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from lumijobi_desktop.core.i18n import _

# Enough for QR modules of 0.5 mm and small text; more only costs memory.
RENDER_DPI = 300


def _page_size(page: pdfium.PdfPage) -> QPageSize:
    # Millimetres: Qt rounds a size in points to whole points, 0.1 mm off on A4.
    width_pt, height_pt = page.get_size()
    size_mm = QSizeF(width_pt / 72 * 25.4, height_pt / 72 * 25.4)
    return QPageSize(size_mm, QPageSize.Millimeter, "", QPageSize.ExactMatch)


def prepare_printer(printer: QPrinter, pdf: pdfium.PdfDocument) -> None:
    first = pdf[0]
    width_pt, height_pt = first.get_size()
    orientation = QPageLayout.Landscape if width_pt > height_pt else QPageLayout.Portrait
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(_page_size(first), QPageLayout.Portrait, QMarginsF(0, 0, 0, 0))
    )
    if orientation == QPageLayout.Landscape:
        # A landscape label (DYMO 89 x 36) keeps its size; the page size says so already.
        printer.setPageOrientation(QPageLayout.Portrait)


def _page_image(page: pdfium.PdfPage) -> QImage:
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=False)
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, image.width * 3, QImage.Format_RGB888).copy()


def print_document(pdf_path: Path, printer: QPrinter) -> int:
    """Draw every page at 100 % on an already set-up printer; returns the page count."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    prepare_printer(printer, pdf)
    painter = QPainter(printer)
    try:
        dpi = printer.resolution()
        for number, page in enumerate(pdf):
            if number:
                printer.newPage()
            width_pt, height_pt = page.get_size()
            target = QRectF(0, 0, width_pt / 72 * dpi, height_pt / 72 * dpi)
            painter.drawImage(target, _page_image(page))
    finally:
        painter.end()
    return len(pdf)


def print_with_dialog(parent: QWidget, pdf_path: Path) -> bool:
    """The system print dialog, then the pages at 100 %. False when the user cancelled."""
    printer = QPrinter(QPrinter.HighResolution)
    prepare_printer(printer, pdfium.PdfDocument(str(pdf_path)))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print at 100 % (actual size)"))
    if dialog.exec() != QPrintDialog.Accepted:
        return False
    print_document(pdf_path, printer)
    return True
