"""Events, weekly series with a moved and a cancelled occasion, headcounts, the partner register."""

import datetime as dt

import pytest
from tests.core.events_fixtures import START, make_event

from lumijobi_desktop.core import event_series, events, partners, tallies
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.errors import PermissionDenied, ValidationError
from lumijobi_desktop.core.event_series import WeeklyRule
from lumijobi_desktop.core.events import Event, EventData
from lumijobi_desktop.core.permissions import Role
from lumijobi_desktop.core.tallies import Counts

TUESDAY = 1
COFFEE = EventData(title="Tiistaikahvit", title_uk="Вівторкова кава", kind="coffee")


def _coffee_series(actor, first=dt.date(2026, 11, 1), until=dt.date(2027, 1, 31), **rule):
    rule = WeeklyRule(TUESDAY, dt.time(10), dt.time(12), first, until, **rule)
    return event_series.create_series(actor, COFFEE, rule)


def test_a_weekly_series_makes_its_tuesdays_and_skips_public_holidays(admin):
    # Tuesdays of December 2026 include none of the holidays; 2024 had Christmas Eve on one.
    series, made = _coffee_series(admin, dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    days = [o.starts_at.date().day for o in event_series.series_occasions(admin, series.id)]
    assert days == [3, 10, 17, 31]  # 24.12.2024 was Christmas Eve
    assert made == 4
    every = _coffee_series(admin, dt.date(2024, 12, 1), dt.date(2024, 12, 31), skip_holidays=False)
    assert every[1] == 5
    occasion = event_series.series_occasions(admin, series.id)[0]
    assert (occasion.starts_at, occasion.ends_at) == (
        dt.datetime(2024, 12, 3, 10),
        dt.datetime(2024, 12, 3, 12),
    )
    assert occasion.title_in("uk") == "Вівторкова кава"


def test_one_occasion_moved_and_one_cancelled_leave_the_rest_alone(admin):
    series, made = _coffee_series(admin)
    occasions = event_series.series_occasions(admin, series.id)
    moved, cancelled = occasions[2], occasions[3]
    data = events.data_of(moved)
    data.starts_at = moved.starts_at + dt.timedelta(days=1, hours=3)
    data.ends_at = moved.ends_at + dt.timedelta(days=1, hours=3)
    events.update_event(admin, moved.id, data)
    events.cancel_event(admin, cancelled.id, "Tila remontissa")
    after = event_series.series_occasions(admin, series.id)
    assert len(after) == made
    rows = {
        row.event_id: row
        for row in events.events_between(admin, dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    }
    assert rows[moved.id].moved and rows[moved.id].starts_at == dt.datetime(2026, 11, 18, 13)
    assert rows[cancelled.id].cancelled
    untouched = [row for row in rows.values() if row.event_id not in (moved.id, cancelled.id)]
    assert all(
        not row.moved
        and not row.cancelled
        and row.starts_at.weekday() == TUESDAY
        and row.starts_at.time() == dt.time(10)
        for row in untouched
    )


def test_extending_a_series_adds_only_the_new_dates(admin):
    series, made = _coffee_series(admin)
    added = event_series.extend_series(admin, series.id, dt.date(2027, 2, 28))
    assert added == 4
    dates = [o.series_date for o in event_series.series_occasions(admin, series.id)]
    assert len(dates) == len(set(dates)) == made + added
    with pytest.raises(ValidationError, match="already runs"):
        event_series.extend_series(admin, series.id, dt.date(2027, 2, 1))


def test_bad_series_are_refused_and_make_nothing(admin):
    with pytest.raises(ValidationError, match="end after it starts"):
        event_series.create_series(
            admin,
            COFFEE,
            WeeklyRule(
                TUESDAY, dt.time(12), dt.time(10), dt.date(2026, 12, 1), dt.date(2026, 12, 31)
            ),
        )
    with pytest.raises(ValidationError, match="not be before"):
        _coffee_series(admin, dt.date(2026, 12, 31), dt.date(2026, 12, 1))
    with pytest.raises(ValidationError, match="three years"):
        _coffee_series(admin, dt.date(2026, 1, 1), dt.date(2030, 1, 1))
    with pytest.raises(ValidationError, match="falls between"):
        _coffee_series(admin, dt.date(2026, 12, 2), dt.date(2026, 12, 7))
    assert Event.select().count() == 0


def test_an_event_ending_before_it_starts_is_refused(admin):
    data = EventData(title="Retki Ouluun", starts_at=START, ends_at=START - dt.timedelta(hours=1))
    with pytest.raises(ValidationError, match="end after it starts") as caught:
        events.create_event(admin, data)
    assert caught.value.field == "ends_at"
    assert Event.select().count() == 0


def test_an_event_keeps_its_details_and_partners(admin):
    school = partners.save_partner(
        admin, None, partners.PartnerData(name="Lumijoen koulu", kind="school")
    )
    event = make_event(
        admin,
        title="Pääsiäisaskartelu",
        title_uk="Великодні майстерні",
        capacity=20,
        languages=["fi", "uk"],
        partner_ids=[school.id],
        place="Koulun käsityöluokka",
        description="Munien maalausta.\n\n\nOmat eväät mukaan.",
        signup_required=True,
        age_group="6–12",
    )
    stored = events.get_event(admin, event.id)
    assert stored.language_codes == ["fi", "uk"]
    assert stored.partner_ids == [school.id]
    assert stored.description == "Munien maalausta.\n\nOmat eväät mukaan."
    assert events.find_by_code(admin, stored.code.lower()).id == event.id
    assert [row.title for row in events.partner_events(admin, school.id)] == ["Pääsiäisaskartelu"]
    assert AuditEntry.select().where(AuditEntry.entity == "event").count() == 1


def test_a_cancelled_event_can_be_restored_and_an_unused_one_deleted(admin):
    event = make_event(admin)
    assert events.cancel_event(admin, event.id, "Flunssa") == 0
    with pytest.raises(ValidationError):
        events.cancel_event(admin, event.id)
    events.restore_event(admin, event.id)
    assert not events.get_event(admin, event.id).cancelled
    events.delete_event(admin, event.id)
    assert Event.select().count() == 0


def test_upcoming_events_leave_out_the_past_and_the_cancelled(admin):
    past = make_event(admin, title="Mennyt", starts_at=START - dt.timedelta(days=2))
    soon = make_event(admin, title="Pian")
    cancelled = make_event(admin, title="Peruttu", starts_at=START + dt.timedelta(hours=1))
    events.cancel_event(admin, cancelled.id)
    upcoming = events.upcoming_events(admin, START - dt.timedelta(days=1))
    assert [row.event_id for row in upcoming] == [soon.id]
    assert past.id not in [row.event_id for row in upcoming]


def test_list_search_finds_ukrainian_titles_in_any_case(admin):
    make_event(admin, title="Suomen kielen kerho", title_uk="Клуб фінської мови")
    make_event(admin, title="Joulujuhla")
    assert [row.title for row in events.search_events(admin, "КЛУБ")] == ["Suomen kielen kerho"]
    assert len(events.search_events(admin, "")) == 2


def test_headcounts_add_up_and_refuse_impossible_numbers(admin, volunteer):
    meeting = make_event(admin, kind="coffee", title="Tiistaikahvit")
    for _ in range(3):
        tallies.add_to_count(volunteer, meeting.id, "ukrainian_speaking")
    tallies.add_to_count(volunteer, meeting.id, "finnish_speaking")
    tallies.add_to_count(volunteer, meeting.id, "children", 2)
    assert tallies.counts_of(volunteer, meeting.id) == Counts(
        adults=4, children=2, ukrainian_speaking=3, finnish_speaking=1
    )
    with pytest.raises(ValidationError, match="negative"):
        tallies.add_to_count(volunteer, meeting.id, "children", -3)
    with pytest.raises(ValidationError, match="More people are counted by language"):
        tallies.save_counts(volunteer, meeting.id, Counts(adults=2, ukrainian_speaking=3))
    other = make_event(admin, kind="coffee", starts_at=START + dt.timedelta(days=7))
    tallies.save_counts(volunteer, other.id, Counts(adults=10, children=1, finnish_speaking=4))
    total = tallies.tallied_between(volunteer, START.date(), START.date() + dt.timedelta(days=7))
    assert total == Counts(adults=14, children=3, ukrainian_speaking=3, finnish_speaking=5)
    (row,) = events.events_between(admin, START.date(), START.date())
    assert row.participants == 6


def test_partner_register_keeps_contacts_and_refuses_bad_input(users):
    staff, volunteer = users[Role.STAFF], users[Role.VOLUNTEER]
    data = partners.PartnerData(
        name="Lumijoen 4H-yhdistys",
        kind="association",
        contact_person="Maija Ojala",
        phone="040 123 4567",
        email="maija@example.fi",
        notes="Kerhot tiistaisin.",
    )
    club = partners.save_partner(staff, None, data)
    (row,) = partners.partner_rows(volunteer)
    assert (row.name, row.contact_person, row.events, row.donations) == (
        "Lumijoen 4H-yhdistys",
        "Maija Ojala",
        0,
        0,
    )
    for bad, message in [
        ({"email": "maija@"}, "email"),
        ({"phone": "soita"}, "phone number"),
        ({"name": " "}, "name"),
        ({"kind": "club"}, "kind"),
    ]:
        with pytest.raises(ValidationError, match=message):
            partners.save_partner(staff, club.id, partners.PartnerData(**{**vars(data), **bad}))
    with pytest.raises(ValidationError, match="already in the register"):
        partners.save_partner(staff, None, partners.PartnerData(name="lumijoen 4h-yhdistys"))
    with pytest.raises(PermissionDenied):
        partners.save_partner(volunteer, club.id, data)
    assert partners.get_partner(staff, club.id).email == "maija@example.fi"
