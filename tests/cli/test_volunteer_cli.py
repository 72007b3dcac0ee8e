"""`lumijobi volunteer-certificate` on a real database."""

import datetime as dt

import pytest
from tests.core.volunteer_fixtures import TODAY, make_volunteer
from tests.pdf_reading import page_sizes_mm, page_texts

from lumijobi_desktop import cli
from lumijobi_desktop.core import accounts, settings
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.store import close_store, open_store
from lumijobi_desktop.core.volunteer_hours import Activity, log_hours


@pytest.fixture
def volunteer_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LUMIJOBI_LANG", "en")
    paths = DataPaths(tmp_path / "data").ensure()
    open_store(paths)
    admin = accounts.create_first_admin("Aino Admin", "2468")
    settings.store(settings.CENTRE_NAME, "Help Center Lumijobi")
    olena = make_volunteer(admin, "Олена Коваленко", languages=("uk",))
    log_hours(admin, olena.id, dt.date(2026, 11, 3), 4.5, Activity.FRIEND.value, today=TODAY)
    log_hours(admin, olena.id, dt.date(2026, 11, 10), 8, Activity.FRIEND.value, today=TODAY)
    log_hours(admin, olena.id, dt.date(2026, 11, 17), 3, Activity.COFFEE.value, today=TODAY)
    close_store()
    return paths.root, olena.id


def argv(folder, volunteer_id, first="2026-11-01", last="2026-11-30"):
    return [
        "volunteer-certificate",
        "--data-dir",
        str(folder),
        "--volunteer",
        str(volunteer_id),
        "--from",
        first,
        "--to",
        last,
    ]


def test_the_certificate_is_saved_with_the_months_in_both_languages(
    volunteer_dir, tmp_path, capsys
):
    folder, volunteer_id = volunteer_dir
    out = tmp_path / "thanks.pdf"
    assert cli.main([*argv(folder, volunteer_id), "--lang", "uk", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    [text] = page_texts(out)
    assert "Олена Коваленко" in text and "Help Center Lumijobi".upper() in text.upper()
    assert "листопада" in text and "marraskuuta" in text
    assert "12,5" in text and "3,0" in text and "15,5" in text
    assert [tuple(round(side) for side in size) for size in page_sizes_mm(out)] == [(210, 297)]
    # printed from the command line: no signer's name, a line to sign by hand
    assert "command line" not in text

    finnish = tmp_path / "fi.pdf"
    assert cli.main([*argv(folder, volunteer_id), "--lang", "fi", "--out", str(finnish)]) == 0
    [text] = page_texts(finnish)
    assert "marraskuuta" in text and "листопада" not in text


def test_an_unknown_volunteer_is_named_and_nothing_written(volunteer_dir, tmp_path, capsys):
    folder, _volunteer_id = volunteer_dir
    out = tmp_path / "thanks.pdf"
    assert cli.main([*argv(folder, 999), "--out", str(out)]) == 1
    assert "There is no volunteer number 999." in capsys.readouterr().err
    assert not out.exists()


def test_bad_periods_get_a_clear_message_and_nothing_written(volunteer_dir, tmp_path, capsys):
    folder, volunteer_id = volunteer_dir
    out = tmp_path / "thanks.pdf"
    with pytest.raises(SystemExit):
        cli.main([*argv(folder, volunteer_id, first="2026-13-01"), "--out", str(out)])
    assert "2026-13-01 is not a date like" in capsys.readouterr().err

    backwards = argv(folder, volunteer_id, first="2026-11-30", last="2026-11-01")
    assert cli.main([*backwards, "--out", str(out)]) == 1
    assert "end date must not be before the start date" in capsys.readouterr().err

    empty = argv(folder, volunteer_id, first="2026-07-01", last="2026-07-31")
    assert cli.main([*empty, "--out", str(out)]) == 1
    assert "No hours are logged" in capsys.readouterr().err
    assert not out.exists()
