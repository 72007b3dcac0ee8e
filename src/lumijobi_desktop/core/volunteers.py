"""The volunteer register: a volunteer profile on a person, with skills, times and checks.

A volunteer is a person in the register with a profile: what they can do,
which interests they share (for the friend service), when they are free,
since when they volunteer, whether they are active or paused, the trainings
they took and their consent to be in the volunteer register. Languages and
home village are the person's own.

The criminal record extract (rikostaustaote) for work with children is
never copied: only that it was shown, the extract's date and who saw it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, now, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import N_, _
from lumijobi_desktop.core.people import Person, get_person
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

NOTE_MAX, TRAINING_MAX = 200, 80
# An extract may be at most six months old when shown; the centre asks again after five years.
EXTRACT_MAX_AGE = dt.timedelta(days=183)
CHECK_VALID_YEARS = 5

SKILLS = {
    "driving": N_("Driving"),
    "childcare": N_("Childcare"),
    "handy_work": N_("Handy work"),
    "garden_snow": N_("Garden and snow work"),
    "cooking": N_("Cooking"),
    "translating": N_("Translating"),
    "digital_help": N_("Digital help"),
    "befriending": N_("Befriending"),
}
INTERESTS = {
    "gardening": N_("Gardening"),
    "walking": N_("Walking and outdoors"),
    "reading": N_("Reading"),
    "music": N_("Music"),
    "handicrafts": N_("Handicrafts"),
    "cooking": N_("Cooking"),
    "games": N_("Games and cards"),
    "nature": N_("Nature and fishing"),
    "sports": N_("Sports"),
    "culture": N_("Culture and history"),
    "pets": N_("Pets"),
}
# Parts of a day, for when a volunteer is free and when a friend would like to meet.
DAY_PARTS = {"m": N_("morning"), "a": N_("afternoon"), "e": N_("evening")}


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


GENDER_NAMES = {
    Gender.FEMALE: N_("Woman"),
    Gender.MALE: N_("Man"),
    Gender.OTHER: N_("Other"),
}


class VolunteerStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"


def codes_of(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def joined(codes: list[str] | set[str]) -> str:
    return ",".join(sorted(set(codes)))


def time_code(weekday: int, part: str) -> str:
    """`1a`: Tuesday afternoon."""
    return f"{weekday}{part}"


def check_time_codes(codes: list[str], field_name: str) -> list[str]:
    for code in codes:
        if len(code) != 2 or not code[0].isdigit() or int(code[0]) > 6 or code[1] not in DAY_PARTS:
            raise ValidationError(_("Choose days and times from the list."), field=field_name)
    return sorted(set(codes))


def check_codes(codes: list[str], allowed: dict, field_name: str) -> list[str]:
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise ValidationError(_("Choose from the list."), field=field_name)
    return sorted(set(codes))


class Volunteer(BaseModel):
    person = pw.ForeignKeyField(Person, unique=True, on_delete="CASCADE", backref="+")
    skills = pw.CharField(default="")
    interests = pw.CharField(default="")
    free_times = pw.CharField(default="")  # time codes: "0m,2a" = Monday morning, Wednesday …
    gender = pw.CharField(default="")
    started_on = pw.DateField()
    status = pw.CharField(default=VolunteerStatus.ACTIVE.value, index=True)
    note = pw.CharField(default="")
    consent_at = pw.DateTimeField()
    consent_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    # The criminal record extract: shown (when, by whom) and the extract's own date. No copy.
    check_shown_on = pw.DateField(null=True)
    check_extract_date = pw.DateField(null=True)
    check_seen_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)

    @property
    def active(self) -> bool:
        return self.status == VolunteerStatus.ACTIVE.value

    def check_valid_on(self, day: dt.date) -> bool:
        """A criminal record extract was shown within the last five years."""
        if self.check_shown_on is None:
            return False
        return check_valid_until(self.check_shown_on) >= day

    def snapshot(self) -> dict:
        return {
            "person": self.person_id,
            "skills": self.skills,
            "interests": self.interests,
            "free_times": self.free_times,
            "gender": self.gender,
            "started_on": self.started_on,
            "status": self.status,
            "note": self.note,
            "check_shown_on": self.check_shown_on,
            "check_extract_date": self.check_extract_date,
        }


def check_valid_until(shown_on: dt.date) -> dt.date:
    try:
        return shown_on.replace(year=shown_on.year + CHECK_VALID_YEARS)
    except ValueError:  # 29 February
        return shown_on.replace(year=shown_on.year + CHECK_VALID_YEARS, day=28)


class VolunteerTraining(BaseModel):
    volunteer = pw.ForeignKeyField(Volunteer, on_delete="CASCADE", backref="trainings")
    name = pw.CharField()
    completed_on = pw.DateField()


@dataclass
class VolunteerData:
    skills: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    free_times: list[str] = field(default_factory=list)
    gender: str = ""
    started_on: dt.date | None = None
    note: str = ""
    consent: bool = False

    def cleaned(self) -> VolunteerData:
        if self.gender and self.gender not in set(Gender):
            raise ValidationError(_("Choose from the list."), field="gender")
        return VolunteerData(
            skills=check_codes(self.skills, SKILLS, "skills"),
            interests=check_codes(self.interests, INTERESTS, "interests"),
            free_times=check_time_codes(self.free_times, "free_times"),
            gender=self.gender,
            started_on=self.started_on,
            note=clean_line(self.note, NOTE_MAX, "note"),
            consent=self.consent,
        )


def get_volunteer(actor: User, volunteer_id: int) -> Volunteer:
    require(actor, Permission.VIEW_VOLUNTEERS)
    volunteer = Volunteer.get_or_none(Volunteer.id == volunteer_id)
    if volunteer is None:
        raise NotFound(_("This volunteer is no longer in the register."))
    return volunteer


def volunteer_of(actor: User, person_id: int) -> Volunteer | None:
    require(actor, Permission.VIEW_VOLUNTEERS)
    return Volunteer.get_or_none(Volunteer.person == person_id)


def save_volunteer(
    actor: User, person_id: int, data: VolunteerData, today: dt.date | None = None
) -> Volunteer:
    """Make a person a volunteer (with their consent), or change their profile."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    clean = data.cleaned()
    today = today or now().date()
    with unit_of_work():
        person = get_person(actor, person_id)
        volunteer = Volunteer.get_or_none(Volunteer.person == person.id)
        if volunteer is None:
            if not clean.consent:
                raise ValidationError(
                    _("Ask the volunteer's consent to keep them in the volunteer register."),
                    field="consent",
                )
            volunteer = Volunteer(
                person=person.id, consent_at=now(), consent_by=actor.id, started_on=today
            )
            before = None
        else:
            before = volunteer.snapshot()
        volunteer.skills = joined(clean.skills)
        volunteer.interests = joined(clean.interests)
        volunteer.free_times = joined(clean.free_times)
        volunteer.gender = clean.gender
        volunteer.started_on = clean.started_on or volunteer.started_on
        volunteer.note = clean.note
        volunteer.updated_at = now()
        volunteer.save()
        if before is None:
            audit.record(
                actor, Action.CREATE, "volunteer", volunteer.id, after=volunteer.snapshot()
            )
        else:
            _audit_update(actor, volunteer, before)
    return volunteer


def _audit_update(actor: User, volunteer: Volunteer, before: dict) -> None:
    changed_before, changed_after = audit.changed_fields(before, volunteer.snapshot())
    if changed_after:
        audit.record(
            actor,
            Action.UPDATE,
            "volunteer",
            volunteer.id,
            before=changed_before,
            after=changed_after,
        )


def set_status(actor: User, volunteer_id: int, status: str) -> Volunteer:
    """Pause a volunteer (they get no suggestions), or make them active again."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    if status not in set(VolunteerStatus):
        raise ValidationError(_("Choose from the list."), field="status")
    with unit_of_work():
        volunteer = get_volunteer(actor, volunteer_id)
        before = volunteer.snapshot()
        volunteer.status = status
        volunteer.updated_at = now()
        volunteer.save()
        _audit_update(actor, volunteer, before)
    return volunteer


def record_check(
    actor: User,
    volunteer_id: int,
    extract_date: dt.date | None,
    shown_on: dt.date | None = None,
) -> Volunteer:
    """The volunteer showed a criminal record extract dated `extract_date`. No copy is kept."""
    require(actor, Permission.MANAGE_VOLUNTEERS)
    shown_on = shown_on or now().date()
    if extract_date is None:
        raise ValidationError(_("Give the date printed on the extract."), field="extract_date")
    if extract_date > shown_on:
        raise ValidationError(
            _("The extract's date cannot be after the day it was shown."), field="extract_date"
        )
    if shown_on - extract_date > EXTRACT_MAX_AGE:
        raise ValidationError(
            _("The extract is older than six months. Ask the volunteer for a new one."),
            field="extract_date",
        )
    with unit_of_work():
        volunteer = get_volunteer(actor, volunteer_id)
        before = volunteer.snapshot()
        volunteer.check_shown_on = shown_on
        volunteer.check_extract_date = extract_date
        volunteer.check_seen_by = actor.id
        volunteer.updated_at = now()
        volunteer.save()
        _audit_update(actor, volunteer, before)
    return volunteer


def add_training(
    actor: User, volunteer_id: int, name: str, completed_on: dt.date | None
) -> VolunteerTraining:
    require(actor, Permission.MANAGE_VOLUNTEERS)
    cleaned = clean_line(name, TRAINING_MAX, "name", required=_("Type the training's name."))
    if completed_on is None:
        raise ValidationError(_("Give the date of the training."), field="completed_on")
    with unit_of_work():
        volunteer = get_volunteer(actor, volunteer_id)
        training = VolunteerTraining.create(
            volunteer=volunteer.id, name=cleaned, completed_on=completed_on
        )
        audit.record(
            actor,
            Action.CREATE,
            "volunteer_training",
            training.id,
            after={"volunteer": volunteer.id, "name": cleaned, "completed_on": completed_on},
        )
    return training


def remove_training(actor: User, training_id: int) -> None:
    require(actor, Permission.MANAGE_VOLUNTEERS)
    with unit_of_work():
        training = VolunteerTraining.get_or_none(VolunteerTraining.id == training_id)
        if training is None:
            raise NotFound(_("This training is no longer recorded."))
        before = {"volunteer": training.volunteer_id, "name": training.name}
        training.delete_instance()
        audit.record(actor, Action.DELETE, "volunteer_training", training_id, before=before)


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    person_id: int
    name: str
    phone: str
    village: str
    languages: list[str]
    skills: list[str]
    interests: list[str]
    free_times: list[str]
    gender: str
    status: str
    started_on: dt.date
    check_valid: bool


def volunteer_rows(
    actor: User,
    *,
    text: str = "",
    skill: str = "",
    active_only: bool = False,
    today: dt.date | None = None,
) -> list[VolunteerRow]:
    """The register, by name; filtered by a part of the name, a skill, active or not."""
    require(actor, Permission.VIEW_VOLUNTEERS)
    today = today or now().date()
    query = Volunteer.select(Volunteer, Person).join(Person)
    if active_only:
        query = query.where(Volunteer.status == VolunteerStatus.ACTIVE.value)
    if skill:
        query = query.where(
            (Volunteer.skills == skill)
            | Volunteer.skills.startswith(skill + ",")
            | Volunteer.skills.endswith("," + skill)
            | Volunteer.skills.contains("," + skill + ",")
        )
    languages = _languages_by_person()
    folded = text.casefold().strip()
    rows = []
    for volunteer in query.order_by(Person.last_name, Person.first_name):
        person = volunteer.person
        if folded and folded not in person.full_name.casefold():
            continue
        rows.append(
            VolunteerRow(
                id=volunteer.id,
                person_id=person.id,
                name=person.full_name,
                phone=person.phone,
                village=person.home_village,
                languages=languages.get(person.id, []),
                skills=codes_of(volunteer.skills),
                interests=codes_of(volunteer.interests),
                free_times=codes_of(volunteer.free_times),
                gender=volunteer.gender,
                status=volunteer.status,
                started_on=volunteer.started_on,
                check_valid=volunteer.check_valid_on(today),
            )
        )
    return rows


def _languages_by_person() -> dict[int, list[str]]:
    from lumijobi_desktop.core.people import PersonLanguage

    languages: dict[int, list[str]] = {}
    query = (
        PersonLanguage.select(PersonLanguage.person, PersonLanguage.language)
        .join(Volunteer, on=(Volunteer.person == PersonLanguage.person))
        .order_by(PersonLanguage.id)
        .tuples()
    )
    for person_id, language in query:
        languages.setdefault(person_id, []).append(language)
    return languages
