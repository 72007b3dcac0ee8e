"""Suggesting volunteers: a plain, explainable ranking.

Each candidate gets points for what they share with the person asking, and
every point comes with a reason shown to staff ("speaks Ukrainian · both
like gardening · same village"), so the score is always the sum of its
reasons. Hard rules come first: a friend must share a language with the
person, a preferred gender is respected, and a helper must offer the kind
of help asked for. Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lumijobi_desktop.core.i18n import _, language_display_name, ngettext, weekday_name

SHARED_LANGUAGE = 2
SHARED_INTEREST = 2  # per interest, at most MAX_INTERESTS of them
MAX_INTERESTS = 3
SAME_VILLAGE = 3
SHARED_TIME = 1  # per time of the week both are free, at most MAX_TIMES of them
MAX_TIMES = 3
GENDER_AS_WISHED = 2
BEFRIENDS = 1  # has "befriending" among their skills
SKILL_FOR_TASK = 2  # has the skill the kind of help needs
BUSY = -1  # per friend or open task they already have
NO_VALID_CHECK = -5  # the task involves children and no valid criminal record check

# 2024-01-01 was a Monday: a date for each weekday, to name it in the current language.
_MONDAY = (2024, 1, 1)


@dataclass(frozen=True)
class Candidate:
    """A volunteer as the ranking sees them."""

    volunteer_id: int
    name: str
    languages: frozenset[str]
    village: str = ""
    interests: frozenset[str] = frozenset()
    free_times: frozenset[str] = frozenset()  # "1a": Tuesday afternoon
    gender: str = ""
    skills: frozenset[str] = frozenset()
    help_kinds: frozenset[str] = frozenset()  # neighbour help they offer
    commitments: int = 0  # friends and open tasks they already have
    check_valid: bool = False


@dataclass(frozen=True)
class Reason:
    text: str
    points: int


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    reasons: tuple[Reason, ...]
    warning: str = ""  # e.g. a task with children and no valid check

    @property
    def score(self) -> int:
        return sum(reason.points for reason in self.reasons)

    @property
    def reasons_text(self) -> str:
        return " · ".join(reason.text for reason in self.reasons)


def _languages_text(codes: Iterable[str]) -> str:
    names = [language_display_name(code, capitalize=False) for code in sorted(codes)]
    return _("speaks {languages}").format(languages=", ".join(names))


def _time_text(code: str) -> str:
    import datetime as dt

    from lumijobi_desktop.core.volunteers import DAY_PARTS

    day = dt.date(*_MONDAY) + dt.timedelta(days=int(code[0]))
    return " ".join([weekday_name(day), _(DAY_PARTS[code[1]])])


def _shared_reasons(
    candidate: Candidate, village: str, interests: frozenset[str], times: frozenset[str]
) -> list[Reason]:
    from lumijobi_desktop.core.volunteers import INTERESTS

    reasons = []
    shared = sorted(candidate.interests & interests)[:MAX_INTERESTS]
    for interest in shared:
        reasons.append(
            Reason(
                _("both like {interest}").format(interest=_(INTERESTS[interest]).lower()),
                SHARED_INTEREST,
            )
        )
    if village and candidate.village.casefold() == village.casefold():
        reasons.append(Reason(_("same village: {village}").format(village=village), SAME_VILLAGE))
    common = sorted(candidate.free_times & times)[:MAX_TIMES]
    if common:
        reasons.append(
            Reason(
                _("both free: {times}").format(times=", ".join(_time_text(c) for c in common)),
                SHARED_TIME * len(common),
            )
        )
    return reasons


def _busy_reason(candidate: Candidate) -> list[Reason]:
    if not candidate.commitments:
        return []
    text = ngettext(
        "already helps {count} person", "already helps {count} people", candidate.commitments
    ).format(count=candidate.commitments)
    return [Reason(text, BUSY * candidate.commitments)]


def _ranked(suggestions: list[Suggestion], limit: int | None) -> list[Suggestion]:
    ranked = sorted(
        suggestions, key=lambda s: (-s.score, s.candidate.name, s.candidate.volunteer_id)
    )
    return ranked[:limit] if limit is not None else ranked


@dataclass(frozen=True)
class FriendWish:
    """What a request for a friend asks for."""

    languages: frozenset[str]
    village: str = ""
    interests: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    preferred_gender: str = ""


def rank_friends(
    wish: FriendWish, candidates: Iterable[Candidate], limit: int | None = None
) -> list[Suggestion]:
    """Volunteers who share a language with the person, best first, each with its reasons."""
    from lumijobi_desktop.core.volunteers import GENDER_NAMES, Gender

    suggestions = []
    for candidate in candidates:
        languages = candidate.languages & wish.languages
        if not languages:
            continue
        if wish.preferred_gender and candidate.gender != wish.preferred_gender:
            continue
        reasons = [Reason(_languages_text(languages), SHARED_LANGUAGE)]
        reasons += _shared_reasons(candidate, wish.village, wish.interests, wish.times)
        if wish.preferred_gender:
            gender = _(GENDER_NAMES[Gender(wish.preferred_gender)]).lower()
            reasons.append(Reason(_("{gender}, as wished").format(gender=gender), GENDER_AS_WISHED))
        if "befriending" in candidate.skills:
            reasons.append(Reason(_("has befriending experience"), BEFRIENDS))
        reasons += _busy_reason(candidate)
        suggestions.append(Suggestion(candidate, tuple(reasons)))
    return _ranked(suggestions, limit)


@dataclass(frozen=True)
class HelpNeed:
    """What a neighbour-help request asks for."""

    kind: str
    village: str = ""
    times: frozenset[str] = frozenset()
    skill: str = ""  # the skill this kind of help needs, if any
    involves_children: bool = False


def rank_helpers(
    need: HelpNeed, candidates: Iterable[Candidate], limit: int | None = None
) -> list[Suggestion]:
    """Volunteers who offer this kind of help, best first, each with its reasons."""
    suggestions = []
    for candidate in candidates:
        if need.kind not in candidate.help_kinds:
            continue
        reasons = [Reason(_("offers this kind of help"), 0)]
        if need.skill and need.skill in candidate.skills:
            reasons.append(Reason(_("has the skill for it"), SKILL_FOR_TASK))
        reasons += _shared_reasons(candidate, need.village, frozenset(), need.times)
        reasons += _busy_reason(candidate)
        warning = ""
        if need.involves_children and not candidate.check_valid:
            warning = _("No valid criminal record check for work with children.")
            reasons.append(Reason(_("no valid check for children"), NO_VALID_CHECK))
        suggestions.append(Suggestion(candidate, tuple(reasons), warning))
    return _ranked(suggestions, limit)
