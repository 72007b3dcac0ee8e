"""A coordinator's Tuesday as the advice papers' tests (and a look at the papers) need it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.core.advice_fixtures import TUESDAY, at, book, topic_id, usual_hours
from tests.core.events_fixtures import make_persons

from lumijobi_desktop.core import (
    advice_booking,
    advice_hours,
    advice_notes,
    advice_topics,
    people,
    settings,
)
from lumijobi_desktop.core.advice import SessionStatus
from lumijobi_desktop.core.permissions import Role

CENTRE_NAME = "Lumijoen kohtaamispaikka"
CENTRE_ADDRESS = "Ratakatu 4, 91980 Lumijoki"
CENTRE_PHONE = "040 123 4567"
SECRET_NOTE = "Kela hylkäsi asumistuen, valitus tehty"

LONG_NAME = ("Oleksandra-Valentyna", "Kovalenko-Shevchenko-Bondarenko-Tkachenko-Melnyk")
# As long as the core lets them be (80 and 60 characters).
LONG_PLACE = "Lumijoen kunnantalon toisen kerroksen pieni neuvotteluhuone käytävän päässä"
LONG_TOPIC = {
    "fi": "Kelan asumistuki, toimeentulotuki ja näiden valitukset",
    "uk": "Житлова допомога Kela, соцдопомога та оскарження рішень",
    "en": "Kela housing benefit, social assistance and appeals",
}
LONG_BRING = {
    "fi": (
        "Kaikki Kelan päätökset ja kirjeet viimeisen vuoden ajalta, tiliotteet kolmelta kuukaudelta"
    ),
    "uk": "Усі рішення та листи Kela за останній рік, банківські виписки за три місяці",
    "en": "All Kela decisions and letters from the last year, bank statements for three months",
}


def set_centre(*, phone: str = CENTRE_PHONE) -> None:
    settings.store(settings.CENTRE_NAME, CENTRE_NAME)
    settings.store(settings.CENTRE_ADDRESS, CENTRE_ADDRESS)
    settings.store(settings.CENTRE_PHONE, phone)


def person(actor, first: str, last: str, phone: str = "", languages=()):
    return people.register_person(
        actor,
        people.PersonData(
            first_name=first,
            last_name=last,
            phone=phone,
            languages=list(languages),
            consent=True,
        ),
    )


@dataclass
class Tuesday:
    """Kaisa's Tuesday 1 December 2026, 10–14 in 30-minute slots."""

    coordinator: object
    olena: object  # 10.00–10.30, Ukrainian, with an interpreter, done, with a note
    ivan: object  # 11.00–12.00, Russian
    matti: object  # 13.00–13.30, Finnish
    cancelled_person: object  # 12.00–12.30, cancelled
    olena_session: int
    ivan_session: int
    matti_session: int
    cancelled_session: int


def tuesday(users) -> Tuesday:
    coordinator = users[Role.COORDINATOR]
    desk = users[Role.VOLUNTEER]
    set_centre()
    usual_hours(coordinator, coordinator)
    olena = person(desk, "Olena", "Kovalenko", "040 111 2222", ["uk"])
    ivan = person(desk, "Ivan", "Petrov", "044 765 4321", ["ru"])
    matti = person(desk, "Matti", "Virtanen", "050 333 4444", ["fi"])
    [cancelled] = make_persons(desk, "Peruttu Henkilö")
    first = book(
        desk,
        coordinator,
        olena,
        at(TUESDAY, 10),
        language="uk",
        interpreter_needed=True,
        interpreter_language="uk",
        bring="Vuokrasopimus",
    )
    second = book(
        desk, coordinator, ivan, at(TUESDAY, 11), 60, language="ru", topic_id=topic_id("residence")
    )
    third = book(
        desk, coordinator, matti, at(TUESDAY, 13), language="fi", topic_id=topic_id("work")
    )
    gone = book(desk, coordinator, cancelled, at(TUESDAY, 12))
    advice_booking.cancel_session(desk, gone.id, at(TUESDAY, 9))
    advice_booking.set_status(coordinator, first.id, SessionStatus.DONE, at(TUESDAY, 10, 30))
    advice_notes.add_note(coordinator, first.id, SECRET_NOTE, at(TUESDAY, 10, 35))
    return Tuesday(
        coordinator=coordinator,
        olena=olena,
        ivan=ivan,
        matti=matti,
        cancelled_person=cancelled,
        olena_session=first.id,
        ivan_session=second.id,
        matti_session=third.id,
        cancelled_session=gone.id,
    )


def long_day(actor, adviser, day: dt.date) -> None:
    """Extra hours 8–20 in 15-minute slots: more rows than one page holds."""
    advice_hours.add_extra_hours(
        actor, adviser.id, day, dt.time(8), dt.time(20), slot_minutes=15, place="Sali"
    )


WEDNESDAY = TUESDAY + dt.timedelta(days=1)
LONG_BRING_LINE = (
    "Passi, oleskelulupakortti, Migrin kirjeet ja lasten syntymätodistukset alkuperäisinä"
)


def long_booking(users) -> int:
    """A booking where everything is as long as it may be: name, place, topic, what to bring."""
    coordinator = users[Role.COORDINATOR]
    desk = users[Role.VOLUNTEER]
    topic = advice_topics.save_topic(
        coordinator, None, advice_topics.TopicData(names=LONG_TOPIC, bring=LONG_BRING)
    )
    advice_hours.add_extra_hours(
        coordinator, coordinator.id, WEDNESDAY, dt.time(9), dt.time(12), place=LONG_PLACE
    )
    visitor = person(desk, *LONG_NAME, "+358 40 123 4567 8", ["uk"])
    session = book(
        desk,
        coordinator,
        visitor,
        at(WEDNESDAY, 9),
        90,
        language="uk",
        interpreter_needed=True,
        interpreter_language="uk",
        topic_id=topic.id,
        bring=LONG_BRING_LINE,
    )
    return session.id
