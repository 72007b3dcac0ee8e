"""Label stock geometry: the makers' numbers, labels on their page, checks and storage."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from lumijobi_desktop.core import i18n
from lumijobi_desktop.core.errors import ValidationError
from lumijobi_desktop.core.label_layouts import (
    BUILT_IN_LAYOUTS,
    FIELDS,
    LabelLayout,
    built_in_layout,
    custom_layout,
    describe,
    layout_from_dict,
    layout_to_dict,
    validate_layout,
)

# From shared/reference/label-stock.md: grid, label, pitch, left / top margin (mm).
SHEETS = {
    "L7160": ((3, 7), (63.5, 38.1), (66.04, 38.1), (7.2, 15.15)),
    "L7163": ((2, 7), (99.06, 38.1), (101.6, 38.1), (4.67, 15.15)),
    "L7651": ((5, 13), (38.1, 21.17), (40.64, 21.17), (4.67, 10.9)),
    "Z3474": ((3, 8), (70.0, 37.0), (70.0, 37.0), (0.0, 0.0)),
}
ROLLS = {"DK11209": (62.0, 29.0), "DK22205": (62.0, 40.0), "D99012": (89.0, 36.0)}


def a_layout(**changes) -> LabelLayout:
    return replace(built_in_layout("L7160"), **{"name": "Custom", "title": "My sheet", **changes})


@pytest.mark.parametrize("name", SHEETS)
def test_sheets_have_the_makers_geometry(name):
    (columns, rows), label, pitch, margins = SHEETS[name]
    layout = built_in_layout(name)
    assert layout.kind == "sheet"
    assert (layout.page_width_mm, layout.page_height_mm) == (210, 297)
    assert (layout.columns, layout.rows) == (columns, rows)
    assert (layout.label_width_mm, layout.label_height_mm) == label
    assert (layout.pitch_x_mm, layout.pitch_y_mm) == pitch
    assert (layout.left_margin_mm, layout.top_margin_mm) == margins
    # Labels that reach the sheet's edges keep their content out of the printer's margin.
    edge_to_edge = margins == (0, 0)
    assert (layout.inset_x_mm, layout.inset_y_mm) == ((4.2, 4.2) if edge_to_edge else (0, 0))


@pytest.mark.parametrize("name", ROLLS)
def test_roll_labels_are_one_to_a_page(name):
    layout = built_in_layout(name)
    assert layout.kind == "roll"
    assert layout.labels_per_page == 1
    assert (layout.page_width_mm, layout.page_height_mm) == ROLLS[name]
    assert (layout.label_width_mm, layout.label_height_mm) == ROLLS[name]
    assert layout.label_origin(0) == (0, 0)


def test_brother_62_mm_prints_58_9_mm_across():
    for name in ("DK11209", "DK22205"):
        assert built_in_layout(name).printable_width_mm == pytest.approx(58.9)
    assert built_in_layout("DK11209").printable_height_mm == pytest.approx(22.9)


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS, ids=lambda layout: layout.name)
def test_every_label_of_every_built_in_layout_is_on_its_page(layout):
    validate_layout(layout)
    for index in range(layout.labels_per_page):
        x, y = layout.label_origin(index)
        assert x >= 0 and y >= 0
        assert x + layout.label_width_mm <= layout.page_width_mm + 0.01
        assert y + layout.label_height_mm <= layout.page_height_mm + 0.01


def test_labels_are_counted_row_by_row_from_the_top_left():
    layout = built_in_layout("L7160")
    assert layout.labels_per_page == 21
    assert layout.label_origin(0) == (7.2, 15.15)
    assert layout.label_origin(2) == pytest.approx((7.2 + 2 * 66.04, 15.15))
    assert layout.label_origin(4) == pytest.approx((7.2 + 66.04, 15.15 + 38.1))
    assert layout.label_origin(20) == pytest.approx((7.2 + 2 * 66.04, 15.15 + 6 * 38.1))
    with pytest.raises(IndexError):
        layout.label_origin(21)
    with pytest.raises(IndexError):
        layout.label_origin(-1)


def test_tiny_labels_show_only_the_qr_code_and_its_code():
    assert built_in_layout("L7651").default_fields == {"qr", "code"}
    for layout in BUILT_IN_LAYOUTS:
        assert {"qr", "code"} <= layout.default_fields <= set(FIELDS)


def test_built_in_layouts_are_found_by_name_in_any_case():
    assert built_in_layout(" l7160 ") is built_in_layout("L7160")
    assert built_in_layout("nothing") is None
    assert len({layout.name for layout in BUILT_IN_LAYOUTS}) == len(BUILT_IN_LAYOUTS)


def test_a_last_column_beyond_the_page_edge_is_refused():
    with pytest.raises(ValidationError) as raised:
        validate_layout(a_layout(left_margin_mm=15.0))
    assert raised.value.field == "columns"
    assert "210.58" in raised.value.message and "210" in raised.value.message


def test_a_last_row_beyond_the_page_edge_is_refused():
    with pytest.raises(ValidationError) as raised:
        validate_layout(a_layout(rows=8))
    assert raised.value.field == "rows"
    assert "319.95" in raised.value.message


def test_overlapping_labels_are_refused():
    with pytest.raises(ValidationError) as raised:
        validate_layout(a_layout(pitch_x_mm=60.0))
    assert raised.value.field == "pitch_x_mm"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"label_width_mm": 0.0}, "label_width_mm"),
        ({"label_height_mm": -38.1}, "label_height_mm"),
        ({"page_width_mm": 0.0}, "page_width_mm"),
        ({"page_height_mm": float("nan")}, "page_height_mm"),
        ({"columns": 0}, "columns"),
        ({"rows": 0}, "rows"),
        ({"left_margin_mm": -1.0}, "left_margin_mm"),
        ({"inset_y_mm": 19.05}, "inset_y_mm"),
        ({"name": "  "}, "name"),
        ({"kind": "scroll"}, "kind"),
        ({"default_fields": frozenset({"qr", "price"})}, "default_fields"),
        ({"default_fields": frozenset()}, "default_fields"),
    ],
)
def test_impossible_layouts_are_refused_with_a_message(changes, field):
    with pytest.raises(ValidationError) as raised:
        validate_layout(a_layout(**changes))
    assert raised.value.field == field
    assert raised.value.message.strip()


def test_a_custom_layout_without_pitch_has_touching_labels():
    layout = custom_layout(
        "Kierrätys 2×5",
        "Kaupan tarrat",
        page_width_mm=210,
        page_height_mm=297,
        label_width_mm=105,
        label_height_mm=59.4,
        columns=2,
        rows=5,
        left_margin_mm=0,
        top_margin_mm=0,
    )
    assert (layout.pitch_x_mm, layout.pitch_y_mm) == (105, 59.4)
    assert layout.default_fields == set(FIELDS)
    assert layout.label_origin(9) == pytest.approx((105, 4 * 59.4))


def test_custom_layouts_are_checked():
    with pytest.raises(ValidationError):
        custom_layout(
            "Too wide",
            "",
            page_width_mm=210,
            page_height_mm=297,
            label_width_mm=80,
            label_height_mm=30,
            columns=3,
            rows=9,
            left_margin_mm=0,
            top_margin_mm=0,
        )


@pytest.mark.parametrize("layout", BUILT_IN_LAYOUTS, ids=lambda layout: layout.name)
def test_layouts_survive_json_storage(layout):
    stored = json.loads(json.dumps(layout_to_dict(layout)))
    assert layout_from_dict(stored) == layout


def test_stored_layouts_tolerate_json_numbers_and_missing_insets():
    stored = layout_to_dict(a_layout())
    stored["columns"] = 3.0
    del stored["inset_x_mm"], stored["inset_y_mm"], stored["format"]
    restored = layout_from_dict(stored)
    assert restored.columns == 3 and isinstance(restored.columns, int)
    assert restored.inset_x_mm == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.pop("label_width_mm"),
        lambda data: data.update(columns=2.5),
        lambda data: data.update(rows="seven"),
        lambda data: data.update(pitch_x_mm="66"),
        lambda data: data.update(format=99),
        lambda data: data.update(default_fields=5),
        lambda data: data.update(left_margin_mm=50.0),  # readable, but off the page
    ],
)
def test_damaged_stored_layouts_are_refused(damage):
    stored = layout_to_dict(a_layout())
    damage(stored)
    with pytest.raises(ValidationError):
        layout_from_dict(stored)


def test_describe_lists_the_geometry_in_the_users_language():
    line = describe(built_in_layout("L7160"))
    assert line.startswith("Avery/Zweckform L7160 – ")
    assert "3 × 7" in line and "63.5 × 38.1 mm" in line and "66.04" in line
    assert "7.2 / 15.15 mm" in line and "210 × 297 mm" in line
    i18n.set_language("fi")
    assert "66,04" in describe(built_in_layout("L7160"))


def test_describe_gives_a_roll_its_printable_area():
    line = describe(built_in_layout("DK11209"))
    assert "62 × 29 mm" in line and "58.9 × 22.9 mm" in line
