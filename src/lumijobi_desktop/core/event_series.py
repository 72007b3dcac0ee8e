"""Weekly series: the coffee meeting every Tuesday 10–12 is made once, its occasions to a date.

Occasions are ordinary events linked to the series with the date the rule
gave them, so one can be moved or cancelled alone. Public holidays are
skipped when the series asks for it (the centre is closed on them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.events import (
    Event,
    EventData,
    EventSeries,
    check_times,
    data_of,
    insert_event,
)
from lumijobi_desktop.core.holidays import holidays_between
from lumijobi_desktop.core.i18n import _, format_date, weekday_name
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.users import User

# A series is planned at most this far ahead at once; it can be extended later.
LONGEST_SERIES = dt.timedelta(days=3 * 366)


@dataclass(frozen=True)
class WeeklyRule:
    weekday: int  # Monday 0 … Sunday 6
    starts: dt.time
    ends: dt.time
    first_date: dt.date
    until_date: dt.date
    skip_holidays: bool = True


def check_rule(rule: WeeklyRule) -> None:
    if not 0 <= rule.weekday <= 6:
        raise ValidationError(_("Choose the weekday."), field="weekday")
    check_times(
        dt.datetime.combine(rule.first_date, rule.starts),
        dt.datetime.combine(rule.first_date, rule.ends),
    )
    if rule.until_date < rule.first_date:
        raise ValidationError(
            _("The last date must not be before the first date."), field="until_date"
        )
    if rule.until_date - rule.first_date > LONGEST_SERIES:
        raise ValidationError(
            _("Plan a series at most three years ahead; it can be extended later."),
            field="until_date",
        )


def occasion_dates(rule: WeeklyRule, after: dt.date | None = None) -> list[dt.date]:
    """The dates the rule gives, later than `after` when given, holidays skipped if asked."""
    start = rule.first_date if after is None else max(rule.first_date, after + dt.timedelta(1))
    first = start + dt.timedelta(days=(rule.weekday - start.weekday()) % 7)
    closed = holidays_between(first, rule.until_date) if rule.skip_holidays else {}
    dates = []
    day = first
    while day <= rule.until_date:
        if day not in closed:
            dates.append(day)
        day += dt.timedelta(days=7)
    return dates


def _rule_of(series: EventSeries) -> WeeklyRule:
    return WeeklyRule(
        series.weekday,
        series.starts,
        series.ends,
        series.first_date,
        series.until_date,
        series.skip_holidays,
    )


def _insert_occasions(series: EventSeries, template: EventData, dates: list[dt.date]) -> int:
    for day in dates:
        occasion = replace(
            template,
            starts_at=dt.datetime.combine(day, series.starts),
            ends_at=dt.datetime.combine(day, series.ends),
        )
        insert_event(occasion, series=series.id, series_date=day)
    return len(dates)


def create_series(actor: User, data: EventData, rule: WeeklyRule) -> tuple[EventSeries, int]:
    """Make a weekly series and its occasions; returns the series and how many were made."""
    require(actor, Permission.MANAGE_EVENTS)
    clean = data.cleaned(times_needed=False)
    check_rule(rule)
    with unit_of_work():
        series = EventSeries.create(
            weekday=rule.weekday,
            starts=rule.starts,
            ends=rule.ends,
            first_date=rule.first_date,
            until_date=rule.until_date,
            skip_holidays=rule.skip_holidays,
        )
        made = _insert_occasions(series, clean, occasion_dates(rule))
        if not made:
            raise ValidationError(
                _("No {weekday} falls between these dates.").format(
                    weekday=_weekday_word(rule.weekday)
                ),
                field="until_date",
            )
        audit.record(
            actor,
            Action.CREATE,
            "event_series",
            series.id,
            after={
                "title": clean.title,
                "weekday": rule.weekday,
                "starts": rule.starts,
                "ends": rule.ends,
                "first_date": rule.first_date,
                "until_date": rule.until_date,
                "occasions": made,
            },
        )
    return series, made


def _weekday_word(weekday: int) -> str:
    return weekday_name(dt.date(2024, 1, 1) + dt.timedelta(days=weekday))


def get_series(actor: User, series_id: int) -> EventSeries:
    require(actor, Permission.VIEW_EVENTS)
    series = EventSeries.get_or_none(EventSeries.id == series_id)
    if series is None:
        raise NotFound(_("This series is no longer in the calendar."))
    return series


def _latest_occasion(series: EventSeries) -> Event | None:
    return (
        Event.select()
        .where(Event.series == series.id)
        .order_by(Event.series_date.desc(), Event.id.desc())
        .first()
    )


def extend_series(actor: User, series_id: int, until: dt.date) -> int:
    """Make the occasions after the series' last date up to `until`; returns how many."""
    require(actor, Permission.MANAGE_EVENTS)
    with unit_of_work():
        series = get_series(actor, series_id)
        if until <= series.until_date:
            raise ValidationError(
                _("The series already runs to {date}. Choose a later date.").format(
                    date=format_date(series.until_date)
                ),
                field="until_date",
            )
        rule = replace(_rule_of(series), until_date=until)
        check_rule(rule)
        template = _latest_occasion(series)
        if template is None:
            raise ValidationError(_("This series has no occasions left to copy."))
        made = _insert_occasions(
            series, data_of(template), occasion_dates(rule, after=series.until_date)
        )
        before = {"until_date": series.until_date}
        series.until_date = until
        series.save(only=[EventSeries.until_date])
        audit.record(
            actor,
            Action.UPDATE,
            "event_series",
            series.id,
            before=before,
            after={"until_date": until, "occasions_added": made},
        )
    return made


def series_occasions(actor: User, series_id: int) -> list[Event]:
    require(actor, Permission.VIEW_EVENTS)
    return list(Event.select().where(Event.series == series_id).order_by(Event.starts_at, Event.id))
