"""The friend service (ystäväpalvelu): requests for a friend, pairs, meetings, follow-ups.

A person asks for a friend; staff choose a volunteer among the suggestions
(`matching.rank_friends`) and the pair goes: proposed → first meeting (with
the coordinator) → active → paused → ended (with a reason; the request may
be opened again to find someone new). Meetings are logged, and each one
logs the volunteer's hours. Staff check in with a pair one month after it
began and every three months after that, and are warned when a pair has
not met for a while (`settings.FRIEND_NO_MEETING_DAYS`).

Needs to know about (hard of hearing, uses a walker) are health data: kept
only with the person's explicit consent, minimal, and shown to staff only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit, settings
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _, format_date
from lumijobi_desktop.core.matching import Candidate, FriendWish, Suggestion, rank_friends
from lumijobi_desktop.core.people import SPOKEN_LANGUAGES, Person, get_person
from lumijobi_desktop.core.permissions import Permission, can, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.volunteer_hours import (
    Activity,
    HoursSource,
    log_automatic,
    remove_automatic,
)
from lumijobi_desktop.core.volunteers import (
    INTERESTS,
    Gender,
    Volunteer,
    VolunteerStatus,
    check_codes,
    check_time_codes,
    check_valid_until,
    codes_of,
    get_volunteer,
    joined,
)

NEEDS_MAX, NOTE_MAX, REASON_MAX = 200, 200, 120
FIRST_CHECK_IN_MONTHS, CHECK_IN_EVERY_MONTHS = 1, 3
MEETING_MINUTES_MAX = 12 * 60

WISHES = {
    "home_visits": N_("Home visits"),
    "outdoors": N_("Outdoors together"),
    "phone": N_("Phone calls"),
    "cafe": N_("Café or events"),
}
FREQUENCIES = {
    "weekly": N_("Every week"),
    "fortnightly": N_("Every two weeks"),
    "monthly": N_("Once a month"),
}
MEETING_KINDS = {
    "visit": N_("Home visit"),
    "outdoors": N_("Outdoors"),
    "phone": N_("Phone call"),
    "cafe": N_("Café or event"),
}
END_REASONS = {
    "moved": N_("Moved away"),
    "health": N_("Health"),
    "no_match": N_("Not a good match"),
    "volunteer_stopped": N_("The volunteer stopped"),
    "no_longer_needed": N_("No longer needed"),
    "other": N_("Other reason"),
}


class RequestStatus(StrEnum):
    OPEN = "open"  # waiting for a volunteer
    PAIRED = "paired"
    CLOSED = "closed"


class PairStatus(StrEnum):
    PROPOSED = "proposed"
    FIRST_MEETING = "first_meeting"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


PAIR_STATUS_NAMES = {
    PairStatus.PROPOSED: N_("Proposed"),
    PairStatus.FIRST_MEETING: N_("First meeting planned"),
    PairStatus.ACTIVE: N_("Ongoing"),
    PairStatus.PAUSED: N_("Paused"),
    PairStatus.ENDED: N_("Ended"),
}

# Which step may follow which.
NEXT_STEPS = {
    PairStatus.PROPOSED: {PairStatus.FIRST_MEETING, PairStatus.ENDED},
    PairStatus.FIRST_MEETING: {PairStatus.ACTIVE, PairStatus.ENDED},
    PairStatus.ACTIVE: {PairStatus.PAUSED, PairStatus.ENDED},
    PairStatus.PAUSED: {PairStatus.ACTIVE, PairStatus.ENDED},
    PairStatus.ENDED: set(),
}


def pair_status_name(status: str) -> str:
    return _(PAIR_STATUS_NAMES[PairStatus(status)])


class FriendRequest(BaseModel):
    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="+", index=True)
    wishes = pw.CharField(default="")
    frequency = pw.CharField(default="")
    interests = pw.CharField(default="")
    languages = pw.CharField(default="")
    village = pw.CharField(default="")
    times = pw.CharField(default="")
    preferred_gender = pw.CharField(default="")
    # Health data: only with the person's explicit consent, and shown to staff only.
    needs = pw.CharField(default="")
    needs_consent_at = pw.DateTimeField(null=True)
    status = pw.CharField(default=RequestStatus.OPEN.value, index=True)
    created_at = pw.DateTimeField(default=now)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    def wish(self) -> FriendWish:
        return FriendWish(
            languages=frozenset(codes_of(self.languages)),
            village=self.village,
            interests=frozenset(codes_of(self.interests)),
            times=frozenset(codes_of(self.times)),
            preferred_gender=self.preferred_gender,
        )

    def snapshot(self) -> dict:
        # The needs themselves stay out of the audit log: only whether there are any.
        return {
            "person": self.person_id,
            "wishes": self.wishes,
            "frequency": self.frequency,
            "interests": self.interests,
            "languages": self.languages,
            "village": self.village,
            "times": self.times,
            "preferred_gender": self.preferred_gender,
            "has_needs": bool(self.needs),
            "status": self.status,
        }


class FriendPair(BaseModel):
    request = pw.ForeignKeyField(FriendRequest, on_delete="CASCADE", backref="+", index=True)
    volunteer = pw.ForeignKeyField(Volunteer, null=True, on_delete="SET NULL", backref="+")
    status = pw.CharField(default=PairStatus.PROPOSED.value, index=True)
    proposed_on = pw.DateField()
    first_meeting_on = pw.DateField(null=True)
    started_on = pw.DateField(null=True)
    paused_on = pw.DateField(null=True)
    ended_on = pw.DateField(null=True)
    end_reason = pw.CharField(default="")
    end_note = pw.CharField(default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    @property
    def began_on(self) -> dt.date:
        """The first day the pair could meet: the first meeting, else the proposal."""
        return self.first_meeting_on or self.proposed_on

    def snapshot(self) -> dict:
        return {
            "request": self.request_id,
            "volunteer": self.volunteer_id,
            "status": self.status,
            "first_meeting_on": self.first_meeting_on,
            "started_on": self.started_on,
            "paused_on": self.paused_on,
            "ended_on": self.ended_on,
            "end_reason": self.end_reason,
        }


class FriendMeeting(BaseModel):
    pair = pw.ForeignKeyField(FriendPair, on_delete="CASCADE", backref="+", index=True)
    day = pw.DateField()
    minutes = pw.IntegerField()
    kind = pw.CharField()
    note = pw.CharField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


class FriendCheckIn(BaseModel):
    """Staff asked both how the friendship goes."""

    pair = pw.ForeignKeyField(FriendPair, on_delete="CASCADE", backref="+", index=True)
    day = pw.DateField()
    note = pw.CharField(default="")
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")


# --- requests ------------------------------------------------------------------------------------


@dataclass
class RequestData:
    wishes: list[str] = field(default_factory=list)
    frequency: str = ""
    interests: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    village: str = ""
    times: list[str] = field(default_factory=list)
    preferred_gender: str = ""
    needs: str = ""
    needs_consent: bool = False

    def cleaned(self) -> RequestData:
        if not self.languages:
            raise ValidationError(_("Choose the languages the person speaks."), field="languages")
        if self.frequency and self.frequency not in FREQUENCIES:
            raise ValidationError(_("Choose from the list."), field="frequency")
        if self.preferred_gender and self.preferred_gender not in set(Gender):
            raise ValidationError(_("Choose from the list."), field="preferred_gender")
        needs = clean_line(self.needs, NEEDS_MAX, "needs")
        if needs and not self.needs_consent:
            raise ValidationError(
                _("Health details are kept only with the person's consent. Ask, or leave empty."),
                field="needs",
            )
        return RequestData(
            wishes=check_codes(self.wishes, WISHES, "wishes"),
            frequency=self.frequency,
            interests=check_codes(self.interests, INTERESTS, "interests"),
            languages=check_codes(self.languages, dict.fromkeys(SPOKEN_LANGUAGES), "languages"),
            village=clean_line(self.village, 60, "village"),
            times=check_time_codes(self.times, "times"),
            preferred_gender=self.preferred_gender,
            needs=needs,
            needs_consent=self.needs_consent,
        )


def _apply(request: FriendRequest, data: RequestData) -> None:
    request.wishes = joined(data.wishes)
    request.frequency = data.frequency
    request.interests = joined(data.interests)
    request.languages = joined(data.languages)
    request.village = data.village
    request.times = joined(data.times)
    request.preferred_gender = data.preferred_gender
    if data.needs:
        if request.needs != data.needs or request.needs_consent_at is None:
            request.needs_consent_at = now()
    else:
        request.needs_consent_at = None
    request.needs = data.needs


def save_request(
    actor: User, request_id: int | None, person_id: int, data: RequestData
) -> FriendRequest:
    """Record (or change) a person's request for a friend."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    clean = data.cleaned()
    if clean.needs:
        require(actor, Permission.READ_HEALTH_NOTES)
    with unit_of_work():
        person = get_person(actor, person_id)
        if request_id is None:
            request = FriendRequest(person=person.id, created_by=actor.id)
            before = None
        else:
            request = get_request(actor, request_id)
            before = request.snapshot()
        _apply(request, clean)
        request.save()
        if before is None:
            audit.record(
                actor, Action.CREATE, "friend_request", request.id, after=request.snapshot()
            )
        else:
            changed_before, changed_after = audit.changed_fields(before, request.snapshot())
            audit.record(
                actor,
                Action.UPDATE,
                "friend_request",
                request.id,
                before=changed_before,
                after=changed_after,
            )
    return request


def get_request(actor: User, request_id: int) -> FriendRequest:
    require(actor, Permission.VIEW_VOLUNTEERS)
    request = FriendRequest.get_or_none(FriendRequest.id == request_id)
    if request is None:
        raise NotFound(_("This request for a friend no longer exists."))
    return request


@dataclass(frozen=True)
class RequestRow:
    id: int
    person_id: int
    person_name: str
    phone: str
    village: str
    languages: list[str]
    wishes: list[str]
    frequency: str
    interests: list[str]
    times: list[str]
    preferred_gender: str
    needs: str  # empty unless the reader may see health details
    status: str
    created_at: dt.datetime


def request_rows(actor: User, *, status: str | None = None) -> list[RequestRow]:
    require(actor, Permission.VIEW_VOLUNTEERS)
    may_see_needs = can(actor, Permission.READ_HEALTH_NOTES)
    query = FriendRequest.select(FriendRequest, Person).join(Person)
    if status is not None:
        query = query.where(FriendRequest.status == status)
    return [
        RequestRow(
            id=request.id,
            person_id=request.person_id,
            person_name=request.person.full_name,
            phone=request.person.phone,
            village=request.village,
            languages=codes_of(request.languages),
            wishes=codes_of(request.wishes),
            frequency=request.frequency,
            interests=codes_of(request.interests),
            times=codes_of(request.times),
            preferred_gender=request.preferred_gender,
            needs=request.needs if may_see_needs else "",
            status=request.status,
            created_at=request.created_at,
        )
        for request in query.order_by(FriendRequest.created_at)
    ]


# --- suggestions ---------------------------------------------------------------------------------


def _raw(query: pw.SelectQuery) -> list[tuple]:
    """The rows as the database gives them: thousands of rows without peewee's conversions."""
    return query.model._meta.database.execute_sql(*query.sql()).fetchall()


# The candidates last read, with the state of the database they were read from.
_candidates_cache: dict[str, object] = {}


def _database_state(database: pw.Database) -> tuple:
    """Changes whenever any row changes: by this connection (total_changes) or another
    (data_version), in this database file."""
    connection = database.connection()
    version = database.execute_sql("PRAGMA data_version").fetchone()[0]
    return (database.database, id(connection), connection.total_changes, version)


def candidates(today: dt.date | None = None) -> list[Candidate]:
    """Every active volunteer as the ranking sees them; read again only after a change.

    Staff look at one request after another: the thousands of volunteers are read once
    and reused until anything in the database changes.
    """
    today = today or now().date()
    key = (_database_state(Volunteer._meta.database), today)
    if _candidates_cache.get("key") != key:
        _candidates_cache["value"] = _read_candidates(today)
        _candidates_cache["key"] = key
    return _candidates_cache["value"]


def _read_candidates(today: dt.date) -> list[Candidate]:
    """Every active volunteer as the ranking sees them.

    Read with a few plain queries: this runs over thousands of volunteers while staff wait.
    """
    from lumijobi_desktop.core.neighbour_help import HelpOffer, open_task_counts
    from lumijobi_desktop.core.people import PersonLanguage

    active = Volunteer.status == VolunteerStatus.ACTIVE.value
    languages: dict[int, set[str]] = {}
    spoken = (
        PersonLanguage.select(PersonLanguage.person, PersonLanguage.language)
        .join(Volunteer, on=(Volunteer.person == PersonLanguage.person))
        .where(active)
    )
    for person_id, language in _raw(spoken):
        languages.setdefault(person_id, set()).add(language)
    friends: dict[int, int] = dict(
        _raw(
            FriendPair.select(FriendPair.volunteer, pw.fn.COUNT(FriendPair.id))
            .where(FriendPair.status != PairStatus.ENDED.value)
            .group_by(FriendPair.volunteer)
        )
    )
    tasks = open_task_counts()
    kinds: dict[int, set[str]] = {}
    offers = HelpOffer.select(HelpOffer.volunteer, HelpOffer.kinds).where(HelpOffer.active)
    for volunteer_id, offered in _raw(offers):
        kinds.setdefault(volunteer_id, set()).update(codes_of(offered))
    query = (
        Volunteer.select(
            Volunteer.id,
            Volunteer.person,
            Volunteer.skills,
            Volunteer.interests,
            Volunteer.free_times,
            Volunteer.gender,
            Volunteer.check_shown_on,
            Person.first_name,
            Person.last_name,
            Person.home_village,
        )
        .join(Person)
        .where(active)
    )
    none: frozenset[str] = frozenset()
    found = []
    for row in _raw(query):
        volunteer_id, person_id, skills, interests, times, gender, shown_on, *name, village = row
        found.append(
            Candidate(
                volunteer_id,
                " ".join(name).strip(),
                frozenset(languages.get(person_id, none)),
                village,
                frozenset(interests.split(",")) if interests else none,
                frozenset(times.split(",")) if times else none,
                gender,
                frozenset(skills.split(",")) if skills else none,
                frozenset(kinds.get(volunteer_id, none)),
                friends.get(volunteer_id, 0) + tasks.get(volunteer_id, 0),
                bool(shown_on) and check_valid_until(dt.date.fromisoformat(str(shown_on))) >= today,
            )
        )
    return found


def suggest_friends(actor: User, request_id: int, limit: int = 10) -> list[Suggestion]:
    """The best volunteers for a request, with the reasons for each."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    request = get_request(actor, request_id)
    own = _person_as_volunteer(request)
    wish = request.wish()
    pool = candidates()
    return rank_friends(wish, (c for c in pool if c.volunteer_id not in own), limit)


def _person_as_volunteer(request: FriendRequest) -> set[int]:
    """The person asking, if they volunteer themselves: never their own friend."""
    own = Volunteer.get_or_none(Volunteer.person == request.person_id)
    return {own.id} if own else set()


# --- pairs ---------------------------------------------------------------------------------------


def get_pair(actor: User, pair_id: int) -> FriendPair:
    require(actor, Permission.VIEW_VOLUNTEERS)
    pair = FriendPair.get_or_none(FriendPair.id == pair_id)
    if pair is None:
        raise NotFound(_("This friend pair no longer exists."))
    return pair


def propose_pair(
    actor: User, request_id: int, volunteer_id: int, today: dt.date | None = None
) -> FriendPair:
    """Pair a request with a volunteer (proposed, until the first meeting)."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    today = today or now().date()
    with unit_of_work():
        request = get_request(actor, request_id)
        volunteer = get_volunteer(actor, volunteer_id)
        if volunteer.person_id == request.person_id:
            raise ValidationError(
                _("A person cannot be their own friend. Choose another volunteer."),
                field="volunteer",
            )
        if request.status != RequestStatus.OPEN.value:
            raise ValidationError(_("This request already has a friend, or it was closed."))
        if not volunteer.active:
            raise ValidationError(_("This volunteer is paused."), field="volunteer")
        spoken = {language for language in get_person(actor, volunteer.person_id).languages}
        if not spoken & set(codes_of(request.languages)):
            raise ValidationError(
                _("The volunteer and the person share no language."), field="volunteer"
            )
        pair = FriendPair.create(
            request=request.id, volunteer=volunteer.id, proposed_on=today, created_by=actor.id
        )
        request.status = RequestStatus.PAIRED.value
        request.save()
        audit.record(actor, Action.CREATE, "friend_pair", pair.id, after=pair.snapshot())
    return pair


def _step(actor: User, pair_id: int, status: PairStatus) -> tuple[FriendPair, dict]:
    pair = get_pair(actor, pair_id)
    if status not in NEXT_STEPS[PairStatus(pair.status)]:
        raise ValidationError(
            _("A pair that is {now} cannot become {next}.").format(
                now=pair_status_name(pair.status).lower(), next=pair_status_name(status).lower()
            ),
            field="status",
        )
    return pair, pair.snapshot()


def _save_step(actor: User, pair: FriendPair, before: dict) -> FriendPair:
    pair.save()
    changed_before, changed_after = audit.changed_fields(before, pair.snapshot())
    audit.record(
        actor, Action.UPDATE, "friend_pair", pair.id, before=changed_before, after=changed_after
    )
    return pair


def plan_first_meeting(actor: User, pair_id: int, day: dt.date | None) -> FriendPair:
    """The first meeting, with the coordinator there."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    with unit_of_work():
        pair, before = _step(actor, pair_id, PairStatus.FIRST_MEETING)
        if day is None or day < pair.proposed_on:
            raise ValidationError(
                _("The first meeting cannot be before the pair was proposed."), field="day"
            )
        pair.status, pair.first_meeting_on = PairStatus.FIRST_MEETING.value, day
        return _save_step(actor, pair, before)


def start_pair(actor: User, pair_id: int, day: dt.date | None) -> FriendPair:
    """The first meeting went well: the friendship begins."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    with unit_of_work():
        pair, before = _step(actor, pair_id, PairStatus.ACTIVE)
        if pair.status == PairStatus.PAUSED.value:
            pair.status, pair.paused_on = PairStatus.ACTIVE.value, None
            return _save_step(actor, pair, before)
        if day is None or day < pair.began_on:
            raise ValidationError(_("The pair cannot begin before its first meeting."), field="day")
        pair.status, pair.started_on = PairStatus.ACTIVE.value, day
        return _save_step(actor, pair, before)


def pause_pair(actor: User, pair_id: int, day: dt.date | None) -> FriendPair:
    require(actor, Permission.MANAGE_VOLUNTEERS)
    with unit_of_work():
        pair, before = _step(actor, pair_id, PairStatus.PAUSED)
        if day is None or day < pair.began_on:
            raise ValidationError(_("Give the day the pause begins."), field="day")
        pair.status, pair.paused_on = PairStatus.PAUSED.value, day
        return _save_step(actor, pair, before)


def end_pair(
    actor: User,
    pair_id: int,
    day: dt.date | None,
    reason: str,
    note: str = "",
    *,
    seek_new: bool = False,
) -> FriendPair:
    """End a pair with a reason; with `seek_new` the request opens again for a new friend."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    if reason not in END_REASONS:
        raise ValidationError(_("Choose why the pair ends."), field="reason")
    cleaned = clean_line(note, REASON_MAX, "note")
    with unit_of_work():
        pair, before = _step(actor, pair_id, PairStatus.ENDED)
        if day is None or day < pair.proposed_on:
            raise ValidationError(_("Give the day the pair ended."), field="day")
        pair.status, pair.ended_on = PairStatus.ENDED.value, day
        pair.end_reason, pair.end_note = reason, cleaned
        _save_step(actor, pair, before)
        request = FriendRequest.get_by_id(pair.request_id)
        request.status = (RequestStatus.OPEN if seek_new else RequestStatus.CLOSED).value
        request.save()
    return pair


# --- meetings and check-ins ----------------------------------------------------------------------


def log_meeting(
    actor: User,
    pair_id: int,
    day: dt.date | None,
    minutes: int,
    kind: str,
    note: str = "",
    today: dt.date | None = None,
) -> FriendMeeting:
    """A meeting of the pair; the volunteer's hours are logged with it."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    today = today or now().date()
    if kind not in MEETING_KINDS:
        raise ValidationError(_("Choose how they met."), field="kind")
    if not isinstance(minutes, int) or not 0 < minutes <= MEETING_MINUTES_MAX:
        raise ValidationError(
            _("Give the length: more than 0 and at most 12 hours."), field="minutes"
        )
    cleaned = clean_line(note, NOTE_MAX, "note")
    with unit_of_work():
        pair = get_pair(actor, pair_id)
        if day is None or day > today:
            raise ValidationError(_("A meeting can be logged for today or earlier."), field="day")
        if day < pair.began_on:
            raise ValidationError(
                _("This meeting would be before the pair began ({day}).").format(
                    day=format_date(pair.began_on)
                ),
                field="day",
            )
        if pair.status == PairStatus.PROPOSED.value or pair.volunteer_id is None:
            raise ValidationError(_("Plan the first meeting of the pair first."))
        if pair.ended_on is not None and day > pair.ended_on:
            raise ValidationError(_("The pair had already ended by then."), field="day")
        meeting = FriendMeeting.create(
            pair=pair.id, day=day, minutes=minutes, kind=kind, note=cleaned, recorded_by=actor.id
        )
        log_automatic(
            actor,
            pair.volunteer_id,
            day,
            minutes,
            Activity.FRIEND,
            HoursSource.FRIEND_MEETING,
            meeting.id,
        )
        audit.record(
            actor,
            Action.CREATE,
            "friend_meeting",
            meeting.id,
            after={"pair": pair.id, "day": day, "minutes": minutes, "kind": kind},
        )
    return meeting


def remove_meeting(actor: User, meeting_id: int) -> None:
    require(actor, Permission.MANAGE_VOLUNTEERS)
    with unit_of_work():
        meeting = FriendMeeting.get_or_none(FriendMeeting.id == meeting_id)
        if meeting is None:
            raise NotFound(_("This meeting is no longer logged."))
        remove_automatic(actor, HoursSource.FRIEND_MEETING, meeting.id)
        before = {"pair": meeting.pair_id, "day": meeting.day, "minutes": meeting.minutes}
        meeting.delete_instance()
        audit.record(actor, Action.DELETE, "friend_meeting", meeting_id, before=before)


def record_check_in(
    actor: User, pair_id: int, day: dt.date | None, note: str = ""
) -> FriendCheckIn:
    require(actor, Permission.MANAGE_VOLUNTEERS)
    cleaned = clean_line(note, NOTE_MAX, "note")
    with unit_of_work():
        pair = get_pair(actor, pair_id)
        if day is None or day < pair.began_on:
            raise ValidationError(_("A check-in cannot be before the pair began."), field="day")
        check_in = FriendCheckIn.create(pair=pair.id, day=day, note=cleaned, recorded_by=actor.id)
        audit.record(
            actor,
            Action.CREATE,
            "friend_check_in",
            check_in.id,
            after={"pair": pair.id, "day": day},
        )
    return check_in


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_check_in(started_on: dt.date, check_ins: list[dt.date]) -> dt.date:
    """One month after the start; then three months after the latest check-in."""
    if not check_ins:
        return add_months(started_on, FIRST_CHECK_IN_MONTHS)
    return add_months(max(check_ins), CHECK_IN_EVERY_MONTHS)


class TodoKind(StrEnum):
    FIRST_MEETING = "first_meeting"  # a proposed pair waits for its first meeting
    CHECK_IN = "check_in"
    NOT_MET = "not_met"


@dataclass(frozen=True)
class FriendTodo:
    pair_id: int
    kind: str
    due: dt.date
    person_name: str
    volunteer_name: str
    last_met: dt.date | None = None

    def late_on(self, today: dt.date) -> bool:
        return self.due < today


def friend_todo(actor: User, today: dt.date | None = None) -> list[FriendTodo]:
    """What staff should do for the pairs: first meetings to plan, check-ins, pairs not meeting."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    today = today or now().date()
    quiet_days = settings.get(settings.FRIEND_NO_MEETING_DAYS)
    last_met = dict(
        FriendMeeting.select(FriendMeeting.pair, pw.fn.MAX(FriendMeeting.day))
        .group_by(FriendMeeting.pair)
        .tuples()
    )
    check_ins: dict[int, list[dt.date]] = {}
    for pair_id, day in FriendCheckIn.select(FriendCheckIn.pair, FriendCheckIn.day).tuples():
        check_ins.setdefault(pair_id, []).append(FriendCheckIn.day.python_value(day))
    items = []
    for row in pair_rows(actor, include_ended=False):
        if row.status == PairStatus.PROPOSED.value:
            items.append(
                FriendTodo(
                    row.id,
                    TodoKind.FIRST_MEETING,
                    row.proposed_on,
                    row.person_name,
                    row.volunteer_name,
                )
            )
            continue
        if row.status != PairStatus.ACTIVE.value or row.started_on is None:
            continue
        met = last_met.get(row.id)
        met = FriendMeeting.day.python_value(met) if met else None
        due = next_check_in(row.started_on, check_ins.get(row.id, []))
        items.append(
            FriendTodo(row.id, TodoKind.CHECK_IN, due, row.person_name, row.volunteer_name, met)
        )
        quiet_since = met or row.started_on
        if (today - quiet_since).days > quiet_days:
            items.append(
                FriendTodo(
                    row.id,
                    TodoKind.NOT_MET,
                    quiet_since + dt.timedelta(days=quiet_days),
                    row.person_name,
                    row.volunteer_name,
                    met,
                )
            )
    return sorted(items, key=lambda item: (item.due, item.pair_id, item.kind))


@dataclass(frozen=True)
class PairRow:
    id: int
    request_id: int
    person_id: int
    person_name: str
    volunteer_id: int | None
    volunteer_name: str
    status: str
    proposed_on: dt.date
    first_meeting_on: dt.date | None
    started_on: dt.date | None
    ended_on: dt.date | None
    end_reason: str


def pair_rows(actor: User, *, include_ended: bool = True) -> list[PairRow]:
    require(actor, Permission.VIEW_VOLUNTEERS)
    helper = Person.alias()
    query = (
        FriendPair.select(FriendPair, FriendRequest, Person, Volunteer, helper)
        .join(FriendRequest)
        .join(Person)
        .switch(FriendPair)
        .join(Volunteer, pw.JOIN.LEFT_OUTER)
        .join(helper, pw.JOIN.LEFT_OUTER, on=(Volunteer.person == helper.id), attr="helper")
    )
    if not include_ended:
        query = query.where(FriendPair.status != PairStatus.ENDED.value)
    rows = []
    for pair in query.order_by(FriendPair.proposed_on.desc(), FriendPair.id.desc()):
        volunteer = pair.volunteer if pair.volunteer_id else None
        helper_person = getattr(volunteer, "helper", None) if volunteer else None
        rows.append(
            PairRow(
                id=pair.id,
                request_id=pair.request_id,
                person_id=pair.request.person_id,
                person_name=pair.request.person.full_name,
                volunteer_id=pair.volunteer_id,
                volunteer_name=helper_person.full_name if helper_person else _("(erased)"),
                status=pair.status,
                proposed_on=pair.proposed_on,
                first_meeting_on=pair.first_meeting_on,
                started_on=pair.started_on,
                ended_on=pair.ended_on,
                end_reason=pair.end_reason,
            )
        )
    return rows


@dataclass(frozen=True)
class MeetingRow:
    id: int
    day: dt.date
    minutes: int
    kind: str
    note: str


def meetings_of(actor: User, pair_id: int) -> list[MeetingRow]:
    require(actor, Permission.VIEW_VOLUNTEERS)
    query = (
        FriendMeeting.select()
        .where(FriendMeeting.pair == pair_id)
        .order_by(FriendMeeting.day.desc(), FriendMeeting.id.desc())
    )
    return [MeetingRow(m.id, m.day, m.minutes, m.kind, m.note) for m in query]


def last_meetings(actor: User) -> dict[int, dt.date]:
    """The day each pair last met, by pair id (pairs that never met are left out)."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    query = FriendMeeting.select(FriendMeeting.pair, pw.fn.MAX(FriendMeeting.day)).group_by(
        FriendMeeting.pair
    )
    return {pair_id: FriendMeeting.day.python_value(day) for pair_id, day in query.tuples()}
