import pytest

from lumijobi_desktop.core import label_settings
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.label_layouts import built_in_layout, custom_layout
from lumijobi_desktop.core.permissions import Role


def _sheet(name="Office 2x5", **changes):
    values = dict(
        page_width_mm=210,
        page_height_mm=297,
        label_width_mm=100,
        label_height_mm=55,
        columns=2,
        rows=5,
        left_margin_mm=5,
        top_margin_mm=10,
    )
    values.update(changes)
    return custom_layout(name, "Office sheet 2 × 5", **values)


def test_staff_save_a_layout_made_in_the_app(users):
    label_settings.save_custom_layout(users[Role.STAFF], _sheet())
    layout = label_settings.layout_named("office 2x5")
    assert layout is not None and layout.labels_per_page == 10
    assert layout in label_settings.available_layouts()


def test_a_volunteer_cannot_add_layouts(users):
    with pytest.raises(PermissionDenied):
        label_settings.save_custom_layout(users[Role.VOLUNTEER], _sheet())
    assert label_settings.custom_layouts() == []


def test_a_layout_that_does_not_fit_its_page_is_refused(users):
    with pytest.raises(ValidationError):
        _sheet(rows=6)  # 10 + 6 x 55 mm is taller than A4
    with pytest.raises(ValidationError):
        label_settings.save_custom_layout(users[Role.STAFF], _sheet(name="L7160"))
    assert label_settings.custom_layouts() == []


def test_fields_are_remembered_per_layout(store):
    layout = built_in_layout("L7160")
    assert label_settings.fields_for(layout) == layout.default_fields
    label_settings.remember_fields(layout, ["qr", "code", "size"])
    assert label_settings.fields_for(layout) == frozenset({"qr", "code", "size"})
    with pytest.raises(ValidationError):
        label_settings.remember_fields(layout, ["price"])


def test_the_next_free_label_follows_what_was_printed(store):
    layout = built_in_layout("L7160")  # 21 labels a sheet
    assert label_settings.next_free_label(layout) == 1
    label_settings.remember_printed(layout, start=4, count=5)
    assert label_settings.next_free_label(layout) == 9
    label_settings.remember_printed(layout, start=9, count=13)  # uses the sheet up
    assert label_settings.next_free_label(layout) == 1
    roll = built_in_layout("DK11209")
    label_settings.remember_printed(roll, start=1, count=3)
    assert label_settings.next_free_label(roll) == 1
