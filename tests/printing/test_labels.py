"""Label PDFs read back: every QR decodes where the layout puts it, text stays on its label."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import re
import string
from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.lib.units import mm
from tests.pdf_reading import page_sizes_mm, page_texts

from lumijobi_desktop.core.codes import CodeKind, group_for_reading, make_code
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.label_layouts import (
    BUILT_IN_LAYOUTS,
    FIELDS,
    LabelLayout,
    built_in_layout,
    custom_layout,
)
from lumijobi_desktop.printing import labels as labels_module
from lumijobi_desktop.printing.labels import (
    LabelContent,
    qr_box_mm,
    render_labels,
    render_test_page,
    symbol_matrix,
)
from lumijobi_desktop.printing.qr import MIN_MODULE_MM, QUIET_MODULES, qr_matrix

DPI = 300
PX_MM = 25.4 / DPI
TOLERANCE_MM = 0.2
JACKET = "Зимова куртка, розмір 122"
ALL_FIELDS = frozenset(FIELDS)
DESCRIPTIONS = [
    JACKET,
    "Дитячі чобітки, майже нові",
    "Lasten talvihaalari, sininen",
    "Каструля з кришкою 3 л",
    "Vauvan bodyt 14 kpl",
]


def make_labels(count: int, first: int = 17) -> list[LabelContent]:
    return [
        LabelContent(
            code=make_code(CodeKind.ITEM, first + 7 * i),
            category="Lasten vaatteet" if i % 2 else "Дитячий одяг",
            description=DESCRIPTIONS[i % len(DESCRIPTIONS)],
            size=["122", "M", "38", ""][i % 4],
            intake_date=dt.date(2026, 11, 24) if i % 3 else None,
        )
        for i in range(count)
    ]


@dataclass(frozen=True)
class Found:
    """A decoded QR code: its text and its symbol's top-left corner in mm from the page's."""

    text: str
    x_mm: float
    y_mm: float
    width_mm: float


def decode_pages(path) -> list[list[Found]]:
    pdf = pdfium.PdfDocument(path)
    try:
        pages = []
        for page in pdf:
            image = page.render(scale=DPI / 72).to_pil()
            barcodes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            pages.append([_found(barcode) for barcode in barcodes])
        return pages
    finally:
        pdf.close()


def _found(barcode: zxingcpp.Barcode) -> Found:
    corners = barcode.position
    width_px = math.dist(
        (corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y)
    )
    return Found(
        barcode.text,
        corners.top_left.x * PX_MM,
        corners.top_left.y * PX_MM,
        width_px * PX_MM,
    )


def expected_slots(count: int, per_page: int, start: int = 1, copies: int = 1):
    """(page, position on page, label index) in printing order, worked out independently."""
    slot = start - 1
    for index in range(count):
        for _copy in range(copies):
            yield (*divmod(slot, per_page), index)
            slot += 1


def assert_qrs_where_the_layout_puts_them(
    path,
    layout: LabelLayout,
    labels: list[LabelContent],
    *,
    start: int = 1,
    copies: int = 1,
    fields=None,
    offset_mm=(0.0, 0.0),
) -> None:
    """Every code asked for (copies counted) decodes, in order, inside its own label's box."""
    pages = decode_pages(path)
    slots = list(expected_slots(len(labels), layout.labels_per_page, start, copies))
    assert len(pages) == slots[-1][0] + 1
    assert sum(len(found) for found in pages) == len(slots)
    for page, position, index in slots:
        code = labels[index].code
        box = qr_box_mm(layout, position, fields, code=code, offset_mm=offset_mm)
        nearby = [
            found
            for found in pages[page]
            if abs(found.x_mm - box.x_mm) <= TOLERANCE_MM
            and abs(found.y_mm - box.y_mm) <= TOLERANCE_MM
        ]
        assert [found.text for found in nearby] == [code], (page, position, code)
        assert nearby[0].width_mm == pytest.approx(box.size_mm, abs=2 * TOLERANCE_MM)


def printable_boxes_pt(layout: LabelLayout) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in PDF points of each label's printable area."""
    boxes = []
    for index in range(layout.labels_per_page):
        x, y = layout.label_origin(index)
        left = (x + layout.inset_x_mm) * mm
        top = (layout.page_height_mm - y - layout.inset_y_mm) * mm
        right = left + layout.printable_width_mm * mm
        boxes.append((left, top - layout.printable_height_mm * mm, right, top))
    return boxes


def chars_outside_labels(path, layout: LabelLayout) -> list[str]:
    """Characters whose glyph box is not wholly inside one label's printable area."""
    boxes = printable_boxes_pt(layout)
    slack = 0.05 * mm
    outside = []
    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            text_page = page.get_textpage()
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if not char.strip():
                    continue
                left, bottom, right, top = text_page.get_charbox(index)
                inside = any(
                    left >= box[0] - slack
                    and right <= box[2] + slack
                    and bottom >= box[1] - slack
                    and top <= box[3] + slack
                    for box in boxes
                )
                if not inside:
                    outside.append(char)
    finally:
        pdf.close()
    return outside


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS, ids=lambda layout: layout.name)
def test_every_built_in_layout_prints_decodable_qrs_at_its_labels(tmp_path, layout):
    labels = make_labels(layout.labels_per_page + 2)  # a full page and two more
    path = tmp_path / "labels.pdf"

    pages = render_labels(labels, layout, path)

    assert pages == math.ceil(len(labels) / layout.labels_per_page)
    assert_qrs_where_the_layout_puts_them(path, layout, labels)


@pytest.mark.parametrize("name", ["L7160", "L7651", "DK11209"])
def test_all_fields_and_the_outline_keep_qrs_decodable_and_in_place(tmp_path, name):
    layout = built_in_layout(name)
    labels = make_labels(layout.labels_per_page)
    path = tmp_path / "labels.pdf"

    render_labels(labels, layout, path, fields=ALL_FIELDS, outline=True)

    assert_qrs_where_the_layout_puts_them(path, layout, labels, fields=ALL_FIELDS)


def test_printing_starts_at_the_first_free_label(tmp_path):
    layout = built_in_layout("L7160")
    labels = make_labels(20)
    path = tmp_path / "labels.pdf"

    assert render_labels(labels, layout, path, start=5) == 2

    assert_qrs_where_the_layout_puts_them(path, layout, labels, start=5)
    first = qr_box_mm(layout, 4, code=labels[0].code)
    assert first is not None
    found = {found.text: found for found in decode_pages(path)[0]}[labels[0].code]
    assert found.x_mm == pytest.approx(first.x_mm, abs=TOLERANCE_MM)
    assert found.y_mm == pytest.approx(first.y_mm, abs=TOLERANCE_MM)
    assert_labels_blank(path, layout, positions=range(4))


def assert_labels_blank(path, layout: LabelLayout, positions) -> None:
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()
    for position in positions:
        x, y = layout.label_origin(position)
        box = tuple(
            round(value / PX_MM)
            for value in (x, y, x + layout.label_width_mm, y + layout.label_height_mm)
        )
        assert image.crop(box).getextrema() == (255, 255), f"label {position + 1} is not blank"


def test_copies_repeat_each_label_next_to_each_other(tmp_path):
    layout = built_in_layout("L7163")
    labels = make_labels(5)
    path = tmp_path / "labels.pdf"

    assert render_labels(labels, layout, path, copies=3, start=2) == 2

    assert_qrs_where_the_layout_puts_them(path, layout, labels, copies=3, start=2)
    texts = [found.text for page in decode_pages(path) for found in page]
    assert sorted(texts) == sorted(label.code for label in labels for _copy in range(3))


@pytest.mark.parametrize("name", ["L7160", "DK22205"])
def test_the_calibration_offset_moves_every_qr_by_that_much(tmp_path, name):
    layout = built_in_layout(name)
    labels = make_labels(min(6, layout.labels_per_page))
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    offset = (1.5, -0.8)

    render_labels(labels, layout, plain)
    render_labels(labels, layout, shifted, offset_mm=offset)

    assert_qrs_where_the_layout_puts_them(shifted, layout, labels, offset_mm=offset)
    before = {found.text: found for found in decode_pages(plain)[0]}
    for found in decode_pages(shifted)[0]:
        assert found.x_mm - before[found.text].x_mm == pytest.approx(1.5, abs=TOLERANCE_MM)
        assert found.y_mm - before[found.text].y_mm == pytest.approx(-0.8, abs=TOLERANCE_MM)


def test_qr_modules_are_at_least_half_a_millimetre_with_the_quiet_zone_on_the_label():
    field_sets = [None, ALL_FIELDS, frozenset({"qr"}), frozenset({"qr", "code"})]
    for layout in BUILT_IN_LAYOUTS:
        for fields in field_sets:
            for index in (0, layout.labels_per_page - 1):
                box = qr_box_mm(layout, index, fields)
                x, y = layout.label_origin(index)
                quiet = QUIET_MODULES * box.module_mm
                assert box.module_mm >= MIN_MODULE_MM
                assert box.modules == len(qr_matrix(labels_module.SAMPLE_CODE))
                assert box.x_mm - quiet >= x + layout.inset_x_mm
                assert box.y_mm - quiet >= y + layout.inset_y_mm
                assert box.x_mm + box.size_mm + quiet <= x + layout.label_width_mm
                assert box.y_mm + box.size_mm + quiet <= y + layout.label_height_mm


def test_measured_modules_are_at_least_half_a_millimetre(tmp_path):
    layout = built_in_layout("L7651")  # the smallest labels
    labels = make_labels(10)
    path = tmp_path / "labels.pdf"
    render_labels(labels, layout, path)

    for found in decode_pages(path)[0]:
        modules = len(qr_matrix(found.text))
        assert found.width_mm / modules >= MIN_MODULE_MM


def test_cyrillic_descriptions_and_readable_codes_are_text(tmp_path):
    layout = built_in_layout("L7160")
    labels = make_labels(5)
    path = tmp_path / "labels.pdf"
    render_labels(labels, layout, path, fields=ALL_FIELDS)

    text = page_texts(path)[0]
    assert JACKET in text
    assert "Дитячий одяг" in text
    assert "24.11.2026" in text
    for label in labels:
        assert group_for_reading(label.code) in text


def test_the_pdf_embeds_dejavu_and_never_helvetica(tmp_path):
    path = tmp_path / "labels.pdf"
    render_labels(make_labels(3), built_in_layout("L7160"), path)
    data = path.read_bytes()
    assert b"DejaVuSans" in data
    assert b"Helvetica" not in data


@pytest.mark.parametrize(
    ("name", "size_mm"),
    [
        ("L7160", (210, 297)),
        ("Z3474", (210, 297)),
        ("DK11209", (62, 29)),
        ("DK22205", (62, 40)),
        ("D99012", (89, 36)),
    ],
)
def test_pages_have_the_stocks_size(tmp_path, name, size_mm):
    path = tmp_path / "labels.pdf"
    render_labels(make_labels(2), built_in_layout(name), path)
    for width, height in page_sizes_mm(path):
        assert width == pytest.approx(size_mm[0], abs=0.05)
        assert height == pytest.approx(size_mm[1], abs=0.05)


def long_texts(count: int) -> list[LabelContent]:
    words = "Вовняний светр ручної роботи синій з білими сніжинками та оленями на грудях"
    return [
        LabelContent(
            code=make_code(CodeKind.ITEM, 99_000 + i),
            category="Keittiö- ja taloustavarat, astiat ja ruokailuvälineet" * (1 + i % 2),
            description=" ".join([words] * (1 + i % 3)) + " Ääliöälyyöyöaikaäänilevyt" * (i % 2),
            size="EU 46–48 / 176 cm pitkä" if i % 2 else "122",
            intake_date=dt.date(2026, 1, 31),
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS, ids=lambda layout: layout.name)
def test_long_texts_never_leave_their_label(tmp_path, layout):
    labels = long_texts(min(layout.labels_per_page, 6))
    path = tmp_path / "labels.pdf"

    render_labels(labels, layout, path, fields=ALL_FIELDS)

    assert chars_outside_labels(path, layout) == []
    text = page_texts(path)[0]
    for label in labels:
        assert group_for_reading(label.code) in text  # shortened text, never the code


def test_text_only_labels_have_no_qr(tmp_path):
    layout = built_in_layout("L7160")
    fields = frozenset({"code", "description"})
    labels = make_labels(3)
    path = tmp_path / "labels.pdf"

    render_labels(labels, layout, path, fields=fields)

    assert decode_pages(path) == [[]]
    assert qr_box_mm(layout, 0, fields) is None
    assert JACKET in page_texts(path)[0]
    assert chars_outside_labels(path, layout) == []


def test_qr_only_labels_have_no_text(tmp_path):
    layout = built_in_layout("L7651")
    labels = make_labels(3)
    path = tmp_path / "labels.pdf"

    render_labels(labels, layout, path, fields=frozenset({"qr"}))

    assert page_texts(path) == [""]
    assert_qrs_where_the_layout_puts_them(path, layout, labels, fields=frozenset({"qr"}))


@pytest.mark.parametrize(("lang", "size_word"), [("uk", "Розмір 122"), ("fi", "Koko 122")])
def test_the_date_and_size_word_follow_the_language(tmp_path, lang, size_word):
    labels = [LabelContent("I0000017", "Одяг", JACKET, "122", dt.date(2026, 3, 5))]
    path = tmp_path / "labels.pdf"

    render_labels(labels, built_in_layout("L7163"), path, lang=lang)

    text = page_texts(path)[0]
    assert size_word in text
    assert "05.03.2026" in text


def test_a_thousand_labels_make_48_sheets_and_write_to_a_binary_file():
    buffer = io.BytesIO()
    pages = render_labels(make_labels(1000), built_in_layout("L7160"), buffer)
    assert pages == 48
    assert buffer.getvalue().startswith(b"%PDF")


def too_wide_layout() -> LabelLayout:
    return LabelLayout(
        name="Wide",
        title="",
        kind="sheet",
        page_width_mm=210,
        page_height_mm=297,
        label_width_mm=70,
        label_height_mm=37,
        columns=3,
        rows=8,
        left_margin_mm=5,
        top_margin_mm=0,
        pitch_x_mm=70,
        pitch_y_mm=37,
    )


@pytest.mark.parametrize(
    ("layout", "options", "message"),
    [
        (too_wide_layout(), {}, "do not fit across the page"),
        (built_in_layout("L7160"), {"start": 22}, "from 1 to 21"),
        (built_in_layout("L7160"), {"start": 0}, "from 1 to 21"),
        (built_in_layout("L7160"), {"copies": 0}, "at least one copy"),
        (built_in_layout("L7160"), {"offset_mm": (25.0, 0.0)}, "calibration offset"),
        (built_in_layout("L7160"), {"fields": frozenset()}, "at least one thing"),
        (built_in_layout("L7160"), {"fields": frozenset({"price"})}, "Unknown"),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(tmp_path, layout, options, message):
    path = tmp_path / "labels.pdf"
    with pytest.raises(ValidationError) as raised:
        render_labels(make_labels(3), layout, path, **options)
    assert message in raised.value.message
    assert not path.exists()


def test_labels_too_small_for_a_scannable_qr_are_refused(tmp_path):
    tiny = custom_layout(
        "Tiny",
        "",
        page_width_mm=210,
        page_height_mm=297,
        label_width_mm=12,
        label_height_mm=12,
        columns=10,
        rows=10,
        left_margin_mm=5,
        top_margin_mm=5,
    )
    path = tmp_path / "labels.pdf"
    with pytest.raises(ValidationError) as raised:
        render_labels(make_labels(3), tiny, path)
    assert "too small for a QR code" in raised.value.message
    assert not path.exists()
    # Without the QR the same labels print.
    assert render_labels(make_labels(3), tiny, path, fields=frozenset({"code"})) == 1


def test_no_labels_is_an_error(tmp_path):
    with pytest.raises(ValidationError):
        render_labels([], built_in_layout("L7160"), tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_a_narrow_label_gives_the_qr_the_whole_label(tmp_path):
    narrow = custom_layout(
        "Narrow",
        "",
        page_width_mm=100,
        page_height_mm=100,
        label_width_mm=20,
        label_height_mm=20,
        columns=4,
        rows=4,
        left_margin_mm=2,
        top_margin_mm=2,
        pitch_x_mm=24,
        pitch_y_mm=24,
    )
    labels = make_labels(4)
    path = tmp_path / "labels.pdf"
    render_labels(labels, narrow, path, fields=ALL_FIELDS)
    assert page_texts(path) == [""]
    assert_qrs_where_the_layout_puts_them(path, narrow, labels, fields=ALL_FIELDS)


def test_the_test_page_has_every_position_and_a_100_mm_ruler(tmp_path):
    layout = built_in_layout("L7160")
    path = tmp_path / "test.pdf"

    render_test_page(layout, path, offset_mm=(0.5, -1.0))

    text = page_texts(path)[0]
    assert "This line must measure 100 mm" in text
    assert "0.5 mm across, -1 mm down" in text
    numbers = re.findall(r"\b\d+\b", text)
    assert all(str(n) in numbers for n in range(1, 22))
    assert ruler_length_mm(path, layout) == pytest.approx(100, abs=TOLERANCE_MM)
    assert page_sizes_mm(path) == [pytest.approx((210, 297), abs=0.05)]


def ruler_length_mm(path, layout: LabelLayout) -> float:
    """From the centre of the first tick to the centre of the last one.

    Measured half a millimetre above the ruler line, where only the ticks are.
    """
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()
    row = round((layout.page_height_mm / 2 - 0.5) / PX_MM)
    dark = [x for x in range(image.width) if image.getpixel((x, row)) < 100]
    runs = [[dark[0], dark[0]]]
    for x in dark[1:]:
        if x == runs[-1][1] + 1:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    first, last = runs[0], runs[-1]
    return ((last[0] + last[1]) / 2 - (first[0] + first[1]) / 2) * PX_MM


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS, ids=lambda layout: layout.name)
def test_every_layout_has_a_test_page_with_a_ruler(tmp_path, layout):
    path = tmp_path / "test.pdf"
    render_test_page(layout, path)
    text = page_texts(path)[0]
    assert re.search(r"This line must measure (100|50) mm", text)
    length = int(re.search(r"measure (\d+) mm", text).group(1))
    assert ruler_length_mm(path, layout) == pytest.approx(length, abs=TOLERANCE_MM)
    assert chars_outside_page(path, layout) == []


def chars_outside_page(path, layout: LabelLayout) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        text_page = pdf[0].get_textpage()
        outside = []
        for index in range(text_page.count_chars()):
            left, bottom, right, top = text_page.get_charbox(index)
            on_page = left >= 0 and bottom >= 0 and right <= layout.page_width_mm * mm
            if not (on_page and top <= layout.page_height_mm * mm):
                outside.append(text_page.get_text_range(index, 1))
        return outside
    finally:
        pdf.close()


def test_the_fast_qr_symbols_are_the_ones_qrcode_makes():
    rng = random.Random(3)
    alphabet = string.ascii_uppercase + string.digits + " $%*+-./:"
    payloads = [make_code(kind, rng.randrange(10**8)) for kind in CodeKind for _ in range(100)]
    for length in range(1, 130, 4):  # versions 1 to 6 and beyond (the slow path)
        payloads.append("".join(rng.choice(alphabet) for _ in range(length)))
        payloads.append("".join(rng.choice(string.digits) for _ in range(length)))
        payloads.append("".join(rng.choice(string.ascii_letters) for _ in range(length)))
    for payload in payloads:
        assert symbol_matrix(payload) == qr_matrix(payload), payload


def test_the_drawn_rectangles_cover_exactly_the_dark_modules():
    for payload in ["I0000017", "L0012345", "HTTPS://EXAMPLE.ORG/" + "A" * 40, "x" * 200]:
        matrix = symbol_matrix(payload)
        painted = [[0] * len(matrix) for _row in matrix]
        ops = labels_module._symbol_path(labels_module._symbol(payload)).split(" re")
        for op in filter(None, (op.strip() for op in ops)):
            x, y, width, height = map(int, op.split())
            for row in range(y, y + height):
                for column in range(x, x + width):
                    painted[row][column] += 1
        assert painted == [[int(dark) for dark in row] for row in matrix], payload


def test_a_narrow_text_column_breaks_the_code_but_never_cuts_it(tmp_path):
    narrow = custom_layout(
        "Narrow text",
        "",
        page_width_mm=100,
        page_height_mm=50,
        label_width_mm=27,
        label_height_mm=21,
        columns=3,
        rows=2,
        left_margin_mm=5,
        top_margin_mm=4,
        pitch_x_mm=30,
    )
    labels = make_labels(6)
    path = tmp_path / "labels.pdf"

    render_labels(labels, narrow, path, fields=frozenset({"qr", "code"}))

    text = page_texts(path)[0]
    assert "…" not in text
    for label in labels:
        assert group_for_reading(label.code) in text
    assert chars_outside_labels(path, narrow) == []
    assert_qrs_where_the_layout_puts_them(path, narrow, labels, fields=frozenset({"qr", "code"}))
