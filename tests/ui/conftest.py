import pytest

from lumijobi_desktop.core import people
from lumijobi_desktop.core.people import PersonData
from lumijobi_desktop.ui.main_window import MainWindow
from lumijobi_desktop.ui.session import DeskSession


@pytest.fixture
def some_persons(admin):
    made = {}
    for first, last, year in [
        ("Pekka", "Virtanen", 1960),
        ("Oksana", "Melnyk", 1985),
        ("Олександр", "Коваленко", 1980),
        ("Aino", "Mäkinen", 1950),
    ]:
        made[last] = people.register_person(
            admin, PersonData(first_name=first, last_name=last, birth_year=year, consent=True)
        )
    return made


@pytest.fixture
def window(qtbot, paths, volunteer):
    main = MainWindow(DeskSession(volunteer, paths))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
