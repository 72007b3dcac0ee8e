"""Builders for volunteer tests: persons with languages and villages, volunteer profiles."""

from __future__ import annotations

import datetime as dt

from lumijobi_desktop.core import people, volunteers

TODAY = dt.date(2026, 11, 25)


def make_person(actor, name: str, languages=("fi",), village: str = "Lumijoki", phone: str = ""):
    first, _space, last = name.partition(" ")
    return people.register_person(
        actor,
        people.PersonData(
            first_name=first,
            last_name=last,
            languages=list(languages),
            home_village=village,
            phone=phone,
            consent=True,
        ),
    )


def make_volunteer(actor, name: str, languages=("fi",), village: str = "Lumijoki", **profile):
    made = make_person(actor, name, languages, village)
    data = volunteers.VolunteerData(consent=True, started_on=dt.date(2026, 1, 15), **profile)
    return volunteers.save_volunteer(actor, made.id, data, today=TODAY)
