"""`lumijobi advice-slip` and `advice-day` on a real database."""

import pytest
from tests.core.advice_fixtures import TUESDAY, at, book, usual_hours
from tests.core.events_fixtures import make_persons
from tests.pdf_reading import page_sizes_mm, page_texts

from lumijobi_desktop import cli
from lumijobi_desktop.core import accounts, settings
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.store import close_store, open_store


@pytest.fixture
def advice_dir(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    open_store(paths)
    admin = accounts.create_first_admin("Aino Admin", "2468")
    coordinator = accounts.create_user(admin, "Oksana Melnyk", Role.COORDINATOR.value, "2468")
    settings.store(settings.CENTRE_NAME, "Help Center Lumijobi")
    settings.store(settings.CENTRE_PHONE, "040 123 4567")
    usual_hours(coordinator, coordinator)
    olena, pekka = make_persons(admin, "Олена Коваленко", "Pekka Virtanen")
    first = book(admin, coordinator, olena, at(TUESDAY, 10), language="uk")
    book(admin, coordinator, pekka, at(TUESDAY, 11), language="fi")
    close_store()
    return paths.root, first.id


def test_advice_slip_in_ukrainian_names_the_month_in_both_languages(advice_dir, tmp_path, capsys):
    folder, session_id = advice_dir
    out = tmp_path / "slip.pdf"
    argv = ["advice-slip", "--data-dir", str(folder), "--session", str(session_id)]
    assert cli.main([*argv, "--lang", "uk", "--out", str(out)]) == 0
    text = " ".join(page_texts(out))
    assert "грудня" in text and "joulukuuta" in text
    assert "Олена Коваленко" in text and "Oksana Melnyk" in text and "040 123 4567" in text
    assert [tuple(round(side) for side in size) for size in page_sizes_mm(out)] == [(105, 148)]
    assert str(out) in capsys.readouterr().out

    half = tmp_path / "half.pdf"
    assert cli.main([*argv, "--paper", "half-a4", "--out", str(half)]) == 0
    assert [tuple(round(side) for side in size) for size in page_sizes_mm(half)] == [(210, 297)]


def test_advice_day_lists_the_days_sessions_without_notes(advice_dir, tmp_path, capsys):
    folder, _session_id = advice_dir
    out = tmp_path / "day.pdf"
    argv = ["advice-day", "--data-dir", str(folder), "--date", TUESDAY.isoformat()]
    assert cli.main([*argv, "--out", str(out)]) == 0
    text = " ".join(page_texts(out))
    assert "Олена Коваленко" in text and "Pekka Virtanen" in text
    assert "(1 page)" in capsys.readouterr().out
    assert cli.main([*argv, "--adviser", "Nobody Here", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Oksana Melnyk" in capsys.readouterr().err


def test_advice_slip_refuses_an_unknown_session_and_writes_nothing(advice_dir, tmp_path, capsys):
    folder, _session_id = advice_dir
    out = tmp_path / "slip.pdf"
    argv = ["advice-slip", "--data-dir", str(folder), "--session", "999", "--out", str(out)]
    assert cli.main(argv) == 1
    assert "no advice session number 999" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit):
        cli.main([*argv[:5], "1", "--paper", "a3", "--out", str(out)])
    assert not out.exists()
