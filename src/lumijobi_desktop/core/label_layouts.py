"""Label stock geometry: where each label sits on its page, in millimetres.

Everything is measured from the page's top-left corner with y growing
downwards, the way label makers publish their data sheets and the way people
count labels on a sheet (row by row from the top left). The PDF code turns it
round for reportlab's bottom-left origin.

One definition per product: "equivalent" sheets of other brands differ by
about half a millimetre, which users fix with a per-printer calibration
offset rather than a shared, slightly wrong definition.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.i18n import N_, _, format_number

FIELDS = ("qr", "code", "category", "description", "size", "intake_date")
"""What a label can show, in the order a layout editor lists them."""

KINDS = ("sheet", "roll")

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0

FIT_TOLERANCE_MM = 0.01
"""Rounding in published sheet data (e.g. 38.1 × 7 + 15.15 × 2) must not fail a layout."""

DICT_FORMAT = 1
"""Bumped if the stored form of a custom layout ever changes meaning."""

ALL_FIELDS = frozenset(FIELDS)
TINY_FIELDS = frozenset({"qr", "code"})


@dataclass(frozen=True)
class LabelLayout:
    """A label product: the page, the grid of labels on it, and what a label shows.

    Roll printers print one label per page, so their page is the label itself.
    `inset_x_mm` / `inset_y_mm` are the strips along a label's left/right and
    top/bottom edges that the printer cannot print (a Brother QL prints about
    58.9 mm of its 62 mm tape); sheet labels are printable to their edges.
    """

    name: str
    title: str
    kind: str
    page_width_mm: float
    page_height_mm: float
    label_width_mm: float
    label_height_mm: float
    columns: int
    rows: int
    left_margin_mm: float
    top_margin_mm: float
    pitch_x_mm: float
    pitch_y_mm: float
    inset_x_mm: float = 0.0
    inset_y_mm: float = 0.0
    default_fields: frozenset[str] = field(default=ALL_FIELDS)

    @property
    def labels_per_page(self) -> int:
        return self.columns * self.rows

    @property
    def printable_width_mm(self) -> float:
        return self.label_width_mm - 2 * self.inset_x_mm

    @property
    def printable_height_mm(self) -> float:
        return self.label_height_mm - 2 * self.inset_y_mm

    def label_origin(self, index_on_page: int) -> tuple[float, float]:
        """Top-left corner (x, y) of a label, counted row by row from 0 at the top left."""
        if not 0 <= index_on_page < self.labels_per_page:
            raise IndexError(f"label {index_on_page} is not on a {self.name} page")
        row, column = divmod(index_on_page, self.columns)
        return (
            self.left_margin_mm + column * self.pitch_x_mm,
            self.top_margin_mm + row * self.pitch_y_mm,
        )


def _sheet(
    name: str,
    title: str,
    grid: tuple[int, int],
    label_mm: tuple[float, float],
    pitch_mm: tuple[float, float],
    margins_mm: tuple[float, float],
    default_fields: frozenset[str] = ALL_FIELDS,
    insets_mm: tuple[float, float] = (0.0, 0.0),
) -> LabelLayout:
    columns, rows = grid
    return LabelLayout(
        name=name,
        title=title,
        kind="sheet",
        page_width_mm=A4_WIDTH_MM,
        page_height_mm=A4_HEIGHT_MM,
        label_width_mm=label_mm[0],
        label_height_mm=label_mm[1],
        columns=columns,
        rows=rows,
        left_margin_mm=margins_mm[0],
        top_margin_mm=margins_mm[1],
        pitch_x_mm=pitch_mm[0],
        pitch_y_mm=pitch_mm[1],
        inset_x_mm=insets_mm[0],
        inset_y_mm=insets_mm[1],
        default_fields=default_fields,
    )


def _roll(
    name: str,
    title: str,
    label_mm: tuple[float, float],
    insets_mm: tuple[float, float],
    default_fields: frozenset[str] = ALL_FIELDS,
) -> LabelLayout:
    width, height = label_mm
    return LabelLayout(
        name=name,
        title=title,
        kind="roll",
        page_width_mm=width,
        page_height_mm=height,
        label_width_mm=width,
        label_height_mm=height,
        columns=1,
        rows=1,
        left_margin_mm=0.0,
        top_margin_mm=0.0,
        pitch_x_mm=width,
        pitch_y_mm=height,
        inset_x_mm=insets_mm[0],
        inset_y_mm=insets_mm[1],
        default_fields=default_fields,
    )


# Geometry from the makers' data sheets (see shared/reference/label-stock.md).
# Titles are marked for translation because some name the stock in words.
BUILT_IN_LAYOUTS: tuple[LabelLayout, ...] = (
    _sheet(
        "L7160",
        N_("Avery/Zweckform L7160 – 3 × 7, 63.5 × 38.1 mm"),
        grid=(3, 7),
        label_mm=(63.5, 38.1),
        pitch_mm=(66.04, 38.1),
        margins_mm=(7.2, 15.15),
    ),
    _sheet(
        "L7163",
        N_("Avery/Zweckform L7163 – 2 × 7, 99.1 × 38.1 mm"),
        grid=(2, 7),
        label_mm=(99.06, 38.1),
        pitch_mm=(101.6, 38.1),
        margins_mm=(4.67, 15.15),
    ),
    _sheet(
        "L7651",
        N_("Avery/Zweckform L7651 – 5 × 13, 38.1 × 21.2 mm"),
        grid=(5, 13),
        label_mm=(38.1, 21.17),
        pitch_mm=(40.64, 21.17),
        margins_mm=(4.67, 10.9),
        # 21 mm is room for a scannable QR code and the code beside it, no more.
        default_fields=TINY_FIELDS,
    ),
    _sheet(
        "Z3474",
        N_("Zweckform 3474 – 3 × 8, 70 × 37 mm, edge to edge"),
        grid=(3, 8),
        label_mm=(70.0, 37.0),
        pitch_mm=(70.0, 37.0),
        margins_mm=(0.0, 0.0),
        # Office printers leave about 4.2 mm at the sheet's edges unprinted, and here
        # labels reach those edges: content keeps that far from every label edge.
        insets_mm=(4.2, 4.2),
    ),
    _roll(
        "DK11209",
        N_("Brother QL DK-11209 – 62 × 29 mm die-cut"),
        label_mm=(62.0, 29.0),
        # Printable about 58.9 × 22.9 mm, centred on the label.
        insets_mm=(1.55, 3.05),
    ),
    _roll(
        "DK22205",
        N_("Brother QL DK-22205 – 62 mm continuous, cut at 40 mm"),
        label_mm=(62.0, 40.0),
        # 58.9 mm printable across the tape; the printer leaves about 3 mm at each cut.
        insets_mm=(1.55, 3.0),
    ),
    _roll(
        "D99012",
        N_("DYMO 99012 – 89 × 36 mm, landscape"),
        label_mm=(89.0, 36.0),
        # The maker publishes no printable area; these strips are a cautious guess.
        insets_mm=(2.0, 1.0),
    ),
)

_BUILT_IN_BY_NAME = {layout.name.upper(): layout for layout in BUILT_IN_LAYOUTS}


def built_in_layout(name: str) -> LabelLayout | None:
    """The built-in layout called `name` (case-insensitive), or None."""
    return _BUILT_IN_BY_NAME.get(name.strip().upper())


def display_title(layout: LabelLayout) -> str:
    """The title in the current language; a custom layout's own title stays as typed."""
    return _(layout.title) if layout.title else layout.name


def custom_layout(
    name: str,
    title: str,
    *,
    page_width_mm: float,
    page_height_mm: float,
    label_width_mm: float,
    label_height_mm: float,
    columns: int,
    rows: int,
    left_margin_mm: float,
    top_margin_mm: float,
    pitch_x_mm: float | None = None,
    pitch_y_mm: float | None = None,
    kind: str = "sheet",
    inset_x_mm: float = 0.0,
    inset_y_mm: float = 0.0,
    default_fields: Iterable[str] = FIELDS,
) -> LabelLayout:
    """A layout made in the app, checked before it is returned.

    A missing pitch means labels touch (pitch = label size), which is what
    most sheets without gaps have.
    """
    layout = LabelLayout(
        name=name.strip(),
        title=title.strip(),
        kind=kind,
        page_width_mm=float(page_width_mm),
        page_height_mm=float(page_height_mm),
        label_width_mm=float(label_width_mm),
        label_height_mm=float(label_height_mm),
        columns=columns,
        rows=rows,
        left_margin_mm=float(left_margin_mm),
        top_margin_mm=float(top_margin_mm),
        pitch_x_mm=float(label_width_mm if pitch_x_mm is None else pitch_x_mm),
        pitch_y_mm=float(label_height_mm if pitch_y_mm is None else pitch_y_mm),
        inset_x_mm=float(inset_x_mm),
        inset_y_mm=float(inset_y_mm),
        default_fields=frozenset(default_fields),
    )
    validate_layout(layout)
    return layout


def validate_layout(layout: LabelLayout) -> None:
    """Raise ValidationError (translated, naming the field) if the layout cannot print."""
    _check_identity(layout)
    _check_sizes(layout)
    _check_grid(layout)
    _check_fits_page(layout)
    _check_insets(layout)
    _check_fields(layout.default_fields)


def check_fields(fields_shown: Iterable[str]) -> None:
    """Raise ValidationError unless the field names are known and at least one is chosen."""
    _check_fields(frozenset(fields_shown))


def _check_identity(layout: LabelLayout) -> None:
    if not layout.name.strip():
        raise ValidationError(_("Give the label layout a name."), field="name")
    if layout.kind not in KINDS:
        raise ValidationError(_("Choose whether the labels come on sheets or on a roll."), "kind")


def _check_sizes(layout: LabelLayout) -> None:
    sizes = {
        "page_width_mm": layout.page_width_mm,
        "page_height_mm": layout.page_height_mm,
        "label_width_mm": layout.label_width_mm,
        "label_height_mm": layout.label_height_mm,
    }
    for name, value in sizes.items():
        if not _is_number(value) or value <= 0:
            raise ValidationError(_("Page and label sizes must be greater than 0 mm."), field=name)
    for name in ("left_margin_mm", "top_margin_mm", "inset_x_mm", "inset_y_mm"):
        value = getattr(layout, name)
        if not _is_number(value) or value < 0:
            raise ValidationError(_("Margins cannot be less than 0 mm."), field=name)


def _check_grid(layout: LabelLayout) -> None:
    for name in ("columns", "rows"):
        value = getattr(layout, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(
                _("A sheet needs at least one column and one row of labels."), field=name
            )
    # With one column (or row) the pitch is never used, so any value will do.
    pitches = (
        ("pitch_x_mm", layout.pitch_x_mm, layout.label_width_mm, layout.columns),
        ("pitch_y_mm", layout.pitch_y_mm, layout.label_height_mm, layout.rows),
    )
    for name, pitch, size, count in pitches:
        if not _is_number(pitch):
            raise ValidationError(_("Page and label sizes must be greater than 0 mm."), name)
        if count > 1 and pitch < size - FIT_TOLERANCE_MM:
            raise ValidationError(
                _(
                    "The distance from one label to the next ({pitch} mm) cannot be "
                    "smaller than the label ({size} mm): the labels would overlap."
                ).format(pitch=format_mm(pitch), size=format_mm(size)),
                field=name,
            )


def _check_fits_page(layout: LabelLayout) -> None:
    right = layout.left_margin_mm + (layout.columns - 1) * layout.pitch_x_mm
    right += layout.label_width_mm
    if right > layout.page_width_mm + FIT_TOLERANCE_MM:
        raise ValidationError(
            _(
                "The labels do not fit across the page: the last column ends at "
                "{end} mm, but the page is {width} mm wide."
            ).format(end=format_mm(right), width=format_mm(layout.page_width_mm)),
            field="columns",
        )
    bottom = layout.top_margin_mm + (layout.rows - 1) * layout.pitch_y_mm
    bottom += layout.label_height_mm
    if bottom > layout.page_height_mm + FIT_TOLERANCE_MM:
        raise ValidationError(
            _(
                "The labels do not fit down the page: the last row ends at "
                "{end} mm, but the page is {height} mm high."
            ).format(end=format_mm(bottom), height=format_mm(layout.page_height_mm)),
            field="rows",
        )


def _check_insets(layout: LabelLayout) -> None:
    if layout.printable_width_mm <= 0 or layout.printable_height_mm <= 0:
        raise ValidationError(
            _("The unprintable edges leave nothing of the label to print on."),
            field="inset_x_mm" if layout.printable_width_mm <= 0 else "inset_y_mm",
        )


def _check_fields(chosen: frozenset[str]) -> None:
    unknown = sorted(str(name) for name in chosen - ALL_FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown label contents: {names}.").format(names=", ".join(unknown)),
            field="default_fields",
        )
    if not chosen:
        raise ValidationError(
            _("Choose at least one thing to show on the labels."), field="default_fields"
        )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def layout_to_dict(layout: LabelLayout) -> dict[str, Any]:
    """A JSON-ready form for storing a custom layout (fields listed in FIELDS order)."""
    data: dict[str, Any] = {"format": DICT_FORMAT}
    for item in fields(LabelLayout):
        data[item.name] = getattr(layout, item.name)
    data["default_fields"] = [name for name in FIELDS if name in layout.default_fields]
    return data


def layout_from_dict(data: Mapping[str, Any]) -> LabelLayout:
    """The layout stored by `layout_to_dict`, checked like a new one.

    Raises ValidationError if the stored form is incomplete, of a newer format
    or describes labels that do not fit their page.
    """
    if not isinstance(data, Mapping) or data.get("format", DICT_FORMAT) != DICT_FORMAT:
        raise ValidationError(_("The saved label layout cannot be read."))
    values: dict[str, Any] = {}
    for item in fields(LabelLayout):
        if item.name in data:
            values[item.name] = data[item.name]
        elif item.default is not MISSING:  # stored before the field existed
            continue
        else:
            raise ValidationError(_("The saved label layout cannot be read."))
    try:
        values["default_fields"] = frozenset(values.get("default_fields", FIELDS))
        for name in ("name", "title", "kind"):
            values[name] = str(values[name])
        for name in ("columns", "rows"):
            values[name] = _whole_number(values[name])
    except (TypeError, ValueError):
        raise ValidationError(_("The saved label layout cannot be read.")) from None
    layout = LabelLayout(**values)
    validate_layout(layout)
    return layout


def _whole_number(value: Any) -> int:
    # JSON writers may store 3 as 3.0; 2.5 columns is damage, not a layout.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(value)


def format_mm(value: float) -> str:
    """A length for people: at most two decimals, none when whole (63.5, 66.04, 210)."""
    return format_number(round(value, 2))


def describe(layout: LabelLayout) -> str:
    """One line for `lumijobi layouts` after the layout's name: title and geometry."""
    if layout.kind == "roll":
        geometry = _(
            "one {width} × {height} mm label per page, printable area {printable_width} × "
            "{printable_height} mm"
        ).format(
            width=format_mm(layout.label_width_mm),
            height=format_mm(layout.label_height_mm),
            printable_width=format_mm(layout.printable_width_mm),
            printable_height=format_mm(layout.printable_height_mm),
        )
    else:
        geometry = _(
            "{columns} × {rows} labels of {width} × {height} mm on a {page_width} × "
            "{page_height} mm page, margins {left} / {top} mm, pitch {pitch_x} × {pitch_y} mm"
        ).format(
            columns=layout.columns,
            rows=layout.rows,
            width=format_mm(layout.label_width_mm),
            height=format_mm(layout.label_height_mm),
            page_width=format_mm(layout.page_width_mm),
            page_height=format_mm(layout.page_height_mm),
            left=format_mm(layout.left_margin_mm),
            top=format_mm(layout.top_margin_mm),
            pitch_x=format_mm(layout.pitch_x_mm),
            pitch_y=format_mm(layout.pitch_y_mm),
        )
    return f"{display_title(layout)}: {geometry}"
