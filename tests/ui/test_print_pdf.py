"""Printing through Qt keeps the sheet at 100 %: same page size, QR codes in the same place."""

import datetime as dt

import pypdfium2 as pdfium
import zxingcpp
from PySide6.QtPrintSupport import QPrinter

from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.core.label_layouts import built_in_layout
from lumijobi_desktop.printing.labels import LabelContent, render_labels
from lumijobi_desktop.ui.print_pdf import print_document

DPI = 300


def _qr_corners_mm(path):
    found = {}
    for number, page in enumerate(pdfium.PdfDocument(str(path))):
        image = page.render(scale=DPI / 72).to_pil()
        for result in zxingcpp.read_barcodes(image):
            corner = result.position.top_left
            found[result.text] = (number, corner.x * 25.4 / DPI, corner.y * 25.4 / DPI)
    return found


def _page_mm(path):
    width, height = pdfium.PdfDocument(str(path))[0].get_size()
    return width / 72 * 25.4, height / 72 * 25.4


def _same_size(first, second):
    return all(abs(a - b) < 0.2 for a, b in zip(first, second, strict=True))


def test_a_label_sheet_printed_through_qt_is_not_scaled(qapp, tmp_path):
    labels = [
        LabelContent(make_code(CodeKind.ITEM, 500 + n), "Lelut", "Nalle", "", dt.date(2026, 11, 24))
        for n in range(24)
    ]
    original = tmp_path / "labels.pdf"
    render_labels(labels, built_in_layout("L7160"), original)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))

    assert print_document(original, printer) == 2

    assert _same_size(_page_mm(printed), _page_mm(original))
    assert _same_size(_page_mm(printed), (210.0, 297.0))
    before, after = _qr_corners_mm(original), _qr_corners_mm(printed)
    assert set(after) == {label.code for label in labels}
    for code, (page, x, y) in before.items():
        page_after, x_after, y_after = after[code]
        assert page_after == page
        assert abs(x_after - x) < 0.2 and abs(y_after - y) < 0.2, code


def test_a_landscape_roll_label_keeps_its_size(qapp, tmp_path):
    label = [LabelContent(make_code(CodeKind.ITEM, 7), "Kengät", "Lenkkarit", "38", None)]
    original = tmp_path / "dymo.pdf"
    render_labels(label, built_in_layout("D99012"), original)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_document(original, printer)
    assert _same_size(_page_mm(printed), _page_mm(original))
    assert set(_qr_corners_mm(printed)) == {label[0].code}
