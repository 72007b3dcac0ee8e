"""`lumijobi signup-sheet`, `poster` and `calendar` on a real database."""

import pytest
from tests.core.events_fixtures import BEFORE, make_event, make_persons
from tests.pdf_reading import decoded_texts, page_texts

from lumijobi_desktop import cli
from lumijobi_desktop.core import accounts, registrations
from lumijobi_desktop.core.paths import DataPaths
from lumijobi_desktop.core.store import close_store, open_store

NAMES = ("Aino Mäkinen", "Олена Коваленко", "Pekka Virtanen")


@pytest.fixture
def event_dir(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    open_store(paths)
    admin = accounts.create_first_admin("Aino Admin", "2468")
    event = make_event(admin, capacity=2, title="Joulujuhla", title_uk="Різдвяне свято")
    for person in make_persons(admin, *NAMES):
        registrations.sign_up(admin, event.id, person.id, at=BEFORE)
    code = event.code
    close_store()
    return paths.root, code


def test_signup_sheet_holds_the_names_and_the_event_code(event_dir, tmp_path, capsys):
    folder, code = event_dir
    out = tmp_path / "sheet.pdf"
    argv = ["signup-sheet", "--data-dir", str(folder), "--event", code.lower()]
    assert cli.main([*argv, "--blank-rows", "5", "--out", str(out)]) == 0
    text = " ".join(page_texts(out))
    assert all(name in text for name in NAMES)
    assert "Різдвяне свято" in text
    assert decoded_texts(out) == [code]
    assert str(out) in capsys.readouterr().out


def test_signup_sheet_refuses_bad_input_and_writes_nothing(event_dir, tmp_path, capsys):
    folder, code = event_dir
    out = tmp_path / "sheet.pdf"
    base = ["signup-sheet", "--data-dir", str(folder), "--out", str(out)]
    assert cli.main([*base, "--event", "E0000000"]) == 1
    assert "not the code of an event" in capsys.readouterr().err
    assert cli.main([*base, "--event", code, "--blank-rows", "-1"]) == 1
    assert "blank rows" in capsys.readouterr().err
    assert cli.main([*base, "--event", "P0000017"]) == 1
    assert not out.exists()
    empty = tmp_path / "empty"
    assert (
        cli.main(["signup-sheet", "--data-dir", str(empty), "--event", code, "--out", str(out)])
        == 1
    )
    assert "no database" in capsys.readouterr().err


def test_poster_and_calendar_file(event_dir, tmp_path):
    folder, code = event_dir
    poster = tmp_path / "poster.pdf"
    assert (
        cli.main(["poster", "--data-dir", str(folder), "--event", code, "--out", str(poster)]) == 0
    )
    assert decoded_texts(poster) == [code]
    ics = tmp_path / "events.ics"
    argv = ["calendar", "--data-dir", str(folder), "--from", "2026-12-01", "--to", "2026-12-31"]
    assert cli.main([*argv, "--out", str(ics)]) == 0
    text = ics.read_bytes().decode("utf-8")
    assert "SUMMARY:Joulujuhla" in text and f"UID:{code}@lumijobi" in text
    assert (
        cli.main([*argv[:3], "--from", "2027-01-01", "--to", "2026-01-01", "--out", str(ics)]) == 1
    )
