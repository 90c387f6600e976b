"""Independent answers for property tests: slow, simple loops the library must match.

Nothing here calls the code under test to compute an expectation, beyond asking a
calendar whether one day is a working day.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from foi_deadlines import ProvisionalDateWarning, WorkingDayCalendar

ONE_DAY = timedelta(days=1)


@contextmanager
def provisional_ok() -> Iterator[None]:
    """Allow results after the confirmed data (2028) without failing the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        yield


def nth_working_day(cal: WorkingDayCalendar, day0: date, n: int) -> date:
    """The ``n``-th working day after ``day0``, stepping one calendar day at a time."""
    day = day0
    with provisional_ok():
        while n:
            day += ONE_DAY
            n -= cal.is_working_day(day)
    return day


def month_length(year: int, month: int) -> int:
    """The number of days in a month, from the first of the next."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - ONE_DAY).day


def corresponding_date(day: date, months: int) -> date:
    """The same day of the month ``months`` on, or that month's last day."""
    year, month = day.year, day.month + months
    while month > 12:
        year, month = year + 1, month - 12
    return date(year, month, min(day.day, month_length(year, month)))


def filled_tables(calendar: WorkingDayCalendar) -> tuple[list[int], list[date]]:
    """A calendar's two tables for its whole span, in date order, every year filled.

    The count of working days up to each day, and every working day: what the
    calendar fills a year at a time as calls need them.
    """
    for year in range(calendar.first_day.year, calendar.last_day.year + 1):
        calendar._fill(year)
    days = range(calendar.first_day.toordinal(), calendar.last_day.toordinal() + 1)
    counts = [calendar._counted_to[date.fromordinal(o)] for o in days]
    working = [day for day in calendar._working_days if day is not None]
    assert len(working) == len(calendar._working_days)
    return counts, working
