"""Small builders for event tests: an event, persons to sign up."""

from __future__ import annotations

import datetime as dt

from lumijobi_desktop.core import events, people

START = dt.datetime(2026, 12, 8, 17, 0)
BEFORE = dt.datetime(2026, 11, 25, 9, 0)  # when the sign-ups happen


def make_event(actor, *, capacity=None, kind="community", starts_at=START, **extra):
    data = events.EventData(
        title=extra.pop("title", "Joulujuhla"),
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
        capacity=capacity,
        **extra,
    )
    return events.create_event(actor, data)


def make_persons(actor, *names):
    made = []
    for name in names:
        first, _space, last = name.partition(" ")
        made.append(
            people.register_person(
                actor, people.PersonData(first_name=first, last_name=last, consent=True)
            )
        )
    return made
