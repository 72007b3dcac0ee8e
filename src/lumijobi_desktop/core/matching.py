"""Suggesting volunteers: a plain, explainable ranking.

Each candidate gets points for what they share with the person asking, and
every point comes with a reason shown to staff ("speaks Ukrainian · both
like gardening · same village"), so the score is always the sum of its
reasons. Hard rules come first: a friend must share a language with the
person, a preferred gender is respected, and a helper must offer the kind
of help asked for. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from lumijobi_desktop.core.i18n import _, language_display_name, ngettext, weekday_name
from lumijobi_desktop.core.volunteers import DAY_PARTS, GENDER_NAMES, INTERESTS, Gender

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


# A reason while ranking: (what, its detail, points). Words are put to it only for the
# suggestions shown, so ranking thousands of volunteers stays fast; the points are the same.
Draft = tuple[str, object, int]


def _words(kind: str, detail) -> str:
    if kind == "language":
        names = [language_display_name(code, capitalize=False) for code in sorted(detail)]
        return _("speaks {languages}").format(languages=", ".join(names))
    if kind == "interest":
        return _("both like {interest}").format(interest=_(INTERESTS[detail]).lower())
    if kind == "village":
        return _("same village: {village}").format(village=detail)
    if kind == "times":
        return _("both free: {times}").format(times=", ".join(_time_text(c) for c in detail))
    if kind == "gender":
        return _("{gender}, as wished").format(gender=_(GENDER_NAMES[Gender(detail)]).lower())
    if kind == "befriends":
        return _("has befriending experience")
    if kind == "busy":
        return ngettext(
            "already helps {count} person", "already helps {count} people", detail
        ).format(count=detail)
    if kind == "offers":
        return _("offers this kind of help")
    if kind == "skill":
        return _("has the skill for it")
    return _("no valid check for children")  # "no_check"


def _time_text(code: str) -> str:
    day = dt.date(*_MONDAY) + dt.timedelta(days=int(code[0]))
    return " ".join([weekday_name(day), _(DAY_PARTS[code[1]])])


def _shared(
    candidate: Candidate, village: str, interests: frozenset[str], times: frozenset[str]
) -> list[Draft]:
    drafts: list[Draft] = []
    if interests and candidate.interests:
        for interest in sorted(candidate.interests & interests)[:MAX_INTERESTS]:
            drafts.append(("interest", interest, SHARED_INTEREST))
    if village and candidate.village.casefold() == village.casefold():
        drafts.append(("village", village, SAME_VILLAGE))
    if times and candidate.free_times:
        common = sorted(candidate.free_times & times)[:MAX_TIMES]
        if common:
            drafts.append(("times", tuple(common), SHARED_TIME * len(common)))
    if candidate.commitments:
        drafts.append(("busy", candidate.commitments, BUSY * candidate.commitments))
    return drafts


def _ranked(
    drafted: list[tuple[Candidate, list[Draft], str]], limit: int | None
) -> list[Suggestion]:
    """Best first (ties by name); the chosen ones get their reasons in words."""
    drafted.sort(
        key=lambda item: (
            -sum(points for _kind, _detail, points in item[1]),
            item[0].name,
            item[0].volunteer_id,
        )
    )
    chosen = drafted[:limit] if limit is not None else drafted
    return [
        Suggestion(
            candidate,
            tuple(Reason(_words(kind, detail), points) for kind, detail, points in drafts),
            warning,
        )
        for candidate, drafts, warning in chosen
    ]


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
    drafted = []
    for candidate in candidates:
        languages = candidate.languages & wish.languages
        if not languages:
            continue
        if wish.preferred_gender and candidate.gender != wish.preferred_gender:
            continue
        drafts: list[Draft] = [("language", languages, SHARED_LANGUAGE)]
        drafts += _shared(candidate, wish.village, wish.interests, wish.times)
        if wish.preferred_gender:
            drafts.append(("gender", wish.preferred_gender, GENDER_AS_WISHED))
        if "befriending" in candidate.skills:
            drafts.append(("befriends", None, BEFRIENDS))
        drafted.append((candidate, _busy_last(drafts), ""))
    return _ranked(drafted, limit)


def _busy_last(drafts: list[Draft]) -> list[Draft]:
    """The reason against comes after the reasons for."""
    return [d for d in drafts if d[0] != "busy"] + [d for d in drafts if d[0] == "busy"]


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
    drafted = []
    for candidate in candidates:
        if need.kind not in candidate.help_kinds:
            continue
        drafts: list[Draft] = [("offers", None, 0)]
        if need.skill and need.skill in candidate.skills:
            drafts.append(("skill", None, SKILL_FOR_TASK))
        drafts += _shared(candidate, need.village, frozenset(), need.times)
        warning = ""
        if need.involves_children and not candidate.check_valid:
            warning = _("No valid criminal record check for work with children.")
            drafts.append(("no_check", None, NO_VALID_CHECK))
        drafted.append((candidate, drafts, warning))
    return _ranked(drafted, limit)
