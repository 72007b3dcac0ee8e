"""Advice figures for a period, as the monthly summary reports them.

Counted by when the session was to take place. Topic, language and
interpreter figures count the sessions held (done); no-shows and
cancellations are counted apart, so the figures say how much advice was
given and how much booked time was lost.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from lumijobi_desktop.core.advice import AdviceSession, SessionStatus
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User


@dataclass(frozen=True)
class AdviceFigures:
    first: dt.date
    last: dt.date
    held: int = 0  # done
    no_shows: int = 0
    cancelled: int = 0
    booked: int = 0  # still booked: in the future, or not yet marked
    persons: int = 0  # different persons advised (named ones)
    minutes: int = 0  # advice given, in minutes
    with_interpreter: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)  # topic name → sessions held
    by_language: dict[str, int] = field(default_factory=dict)  # language code → held
    by_interpreter_language: dict[str, int] = field(default_factory=dict)

    @property
    def no_show_share(self) -> float:
        """No-shows among the sessions that should have happened (held + missed)."""
        due = self.held + self.no_shows
        return self.no_shows / due if due else 0.0


def advice_figures(actor: User, first: dt.date, last: dt.date) -> AdviceFigures:
    require(actor, Permission.BOOK_ADVICE)
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    query = (
        AdviceSession.select(
            AdviceSession.status,
            AdviceSession.person,
            AdviceSession.minutes,
            AdviceSession.language,
            AdviceSession.interpreter_needed,
            AdviceSession.interpreter_language,
            AdviceTopic.id,
            AdviceTopic.name_fi,
            AdviceTopic.name_uk,
            AdviceTopic.name_en,
            AdviceTopic.sort_order,
        )
        .join(AdviceTopic)
        .where((AdviceSession.starts_at >= start) & (AdviceSession.starts_at < end))
        .order_by(AdviceTopic.sort_order, AdviceTopic.id)
    )
    statuses: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    interpreters: Counter[str] = Counter()
    persons: set[int] = set()
    minutes = 0
    for session in query.objects(constructor=_Flat):
        statuses[session.status] += 1
        if session.status != SessionStatus.DONE.value:
            continue
        topics[session.topic_name] += 1
        languages[session.language or "?"] += 1
        minutes += session.minutes
        if session.person is not None:
            persons.add(session.person)
        if session.interpreter_needed:
            interpreters[session.interpreter_language] += 1
    return AdviceFigures(
        first=first,
        last=last,
        held=statuses[SessionStatus.DONE.value],
        no_shows=statuses[SessionStatus.NO_SHOW.value],
        cancelled=statuses[SessionStatus.CANCELLED.value],
        booked=statuses[SessionStatus.BOOKED.value],
        persons=len(persons),
        minutes=minutes,
        with_interpreter=sum(interpreters.values()),
        by_topic=dict(topics),
        by_language=dict(languages.most_common()),
        by_interpreter_language=dict(interpreters.most_common()),
    )


class _Flat:
    """One row of the figures query, with the topic's name in the current language."""

    def __init__(self, **values) -> None:
        self.__dict__.update(values)
        topic = AdviceTopic(
            name_fi=values["name_fi"], name_uk=values["name_uk"], name_en=values["name_en"]
        )
        self.topic_name = topic.name
