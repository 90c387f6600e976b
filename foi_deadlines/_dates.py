"""Turning the date-like values the core accepts into ``datetime.date``.

The core takes only ``date`` and ``datetime``: strings and spreadsheet serial numbers
are the adapters' business. All clocks run on UK civil dates, so a timestamp is
reduced to its date in Europe/London.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, tzinfo
from typing import Final

from foi_deadlines.errors import InvalidDateError

__all__ = [
    "DAY_NAMES",
    "EPOCH_ORDINAL",
    "MONTH_NAMES",
    "NULL_DAY",
    "epoch_day",
    "from_epoch_day",
    "london",
    "long_day",
    "short_day",
    "to_uk_date",
]

#: No day, in a column of days: the integer value of numpy's ``NaT``.
NULL_DAY: Final = -(2**63)
#: The proleptic ordinal of day 0, 1 January 1970 (numpy's ``datetime64`` epoch).
EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()


@functools.cache
def london() -> tzinfo:
    """The time zone every statutory clock in scope runs in: Europe/London.

    Resolved on first use (only an aware datetime needs it), from the system's
    zone data or the ``tzdata`` package (a dependency where the system has none:
    Windows and Pyodide), or else python-dateutil's bundled copy.

    Raises:
        RuntimeError: No zone data is available at all.
    """
    try:
        return _zone_info()
    except LookupError:
        from dateutil import tz  # noqa: PLC0415 - a fallback only

        zone = tz.gettz("Europe/London")
        if zone is None:
            msg = "the Europe/London time zone is not available: pip install tzdata"
            raise RuntimeError(msg) from None
        return zone


def _zone_info() -> tzinfo:
    """Europe/London from zoneinfo; its error is a :class:`LookupError`."""
    import zoneinfo  # noqa: PLC0415 - only an aware datetime needs a time zone

    return zoneinfo.ZoneInfo("Europe/London")


_EXPECTED: Final = (
    "a datetime.date, or a datetime.datetime (aware: converted to Europe/London; "
    "naive: taken as UK local time)"
)


def to_uk_date(value: object, param: str = "day") -> date:
    """Return the UK civil date of ``value``.

    Args:
        value: A ``date``; an aware ``datetime`` (converted to Europe/London first,
            so an e-mail at 00:30 BST on a Monday arrived on Monday); or a naive
            ``datetime``, taken as UK local time.
        param: The parameter name to use in an error message.

    Returns:
        The date.

    Raises:
        InvalidDateError: ``value`` is neither a date nor a datetime.

    >>> from datetime import datetime, timezone
    >>> to_uk_date(datetime(2025, 6, 1, 23, 30, tzinfo=timezone.utc))
    datetime.date(2025, 6, 2)
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(london())
        return value.date()
    if isinstance(value, date):
        return value
    raise InvalidDateError(param, value, _EXPECTED)


#: The days of the week in English, Monday first (as ``date.weekday()`` counts).
DAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
#: The months in English, January first.
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_day(day: date) -> str:
    """``day`` as ``"Thu 19 Dec 2024"``, in English whatever the locale.

    >>> short_day(date(2024, 12, 19))
    'Thu 19 Dec 2024'
    """
    weekday, month = DAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1]
    return f"{weekday[:3]} {day.day} {month[:3]} {day.year}"


def long_day(day: date) -> str:
    """``day`` as ``"Thursday 19 December 2024"``, in English whatever the locale.

    >>> long_day(date(2024, 12, 19))
    'Thursday 19 December 2024'
    """
    return (
        f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    )


def epoch_day(day: date) -> int:
    """A date as days since 1970-01-01, as numpy counts ``datetime64[D]``.

    >>> epoch_day(date(2024, 12, 19))
    20076
    """
    return day.toordinal() - EPOCH_ORDINAL


def from_epoch_day(value: int) -> date:
    """The date ``value`` days after 1970-01-01 (not :data:`NULL_DAY`).

    >>> from_epoch_day(20076)
    datetime.date(2024, 12, 19)
    """
    return date.fromordinal(value + EPOCH_ORDINAL)
