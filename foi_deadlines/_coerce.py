"""Reading dates as spreadsheets and command lines deliver them, for the adapters.

The core only takes ``date`` and ``datetime``. At the edges, a date can also arrive
as text, in two unambiguous forms (ISO ``YYYY-MM-DD``, with an optional time, and UK
day-first ``DD/MM/YYYY``), or as a spreadsheet serial number, in Excel's 1900 date
system (the default) or its 1904 system (old Mac workbooks). A blank (``None``,
``""`` or serial 0) is "no date".
"""

from __future__ import annotations

import contextlib
import enum
import functools
import math
import operator
import re
from datetime import date, timedelta
from numbers import Real
from typing import Final, TypeVar, cast

from foi_deadlines._dates import DAY_NAMES, MONTH_NAMES, to_uk_date
from foi_deadlines.errors import InvalidInputError

__all__ = [
    "EXCEL_1900_EPOCH",
    "EXCEL_1904_EPOCH",
    "member_of",
    "parse_date_text",
    "to_date",
    "to_serial",
]

_UK: Final = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
# An optional time of day after the date is allowed, and ignored.
_ISO: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?")
# "9 May 2024", "9-May-2024", "9th May 2024", "Thu 9 May 2024", "09 may 2024".
_NAMED: Final = re.compile(
    r"(?:([a-z]+),?\s+)?(\d{1,2})(?:st|nd|rd|th)?([\s-]+)([a-z]+)\.?\3(\d{4})",
    re.IGNORECASE,
)
_MONTHS: Final = {
    **{name.casefold(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].casefold(): number for number, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
_WEEKDAYS: Final = tuple(name[:3].casefold() for name in DAY_NAMES)
_EXPECTED: Final = (
    "a date, day first with a four-digit year (19/12/2024, 19.12.2024, 19 Dec 2024) "
    "or as 2024-12-19"
)
_CELL: Final = (
    "a date: a date cell, an Excel serial number, or text written day first "
    "(19/12/2024, 19.12.2024, 19 Dec 2024) or as 2024-12-19"
)

#: Day 0 of Excel's 1900 date system, for serials from 61 on (serial 60 is Excel's
#: fictitious 29 February 1900).
EXCEL_1900_EPOCH: Final = date(1899, 12, 30)
#: Day 0 of Excel's 1904 date system.
EXCEL_1904_EPOCH: Final = date(1904, 1, 1)
_MAX_SERIAL: Final = 2_958_465  # 9999-12-31 in the 1900 system
_MAX_SERIAL_1904: Final = (date.max - EXCEL_1904_EPOCH).days  # 9999-12-31, 1904
_SERIALS: Final = (
    "a date: as an Excel serial number, 1 to {last} (9999-12-31 in the {system} date "
    "system), or a date cell or text"
)
_UK_DAY: Final = (
    "a date, or a date and time whose day in UK time (Europe/London) is between "
    "0001-01-01 and 9999-12-31"
)


_E = TypeVar("_E", bound=enum.StrEnum)


@functools.cache
def _members(kind: type[enum.StrEnum]) -> dict[str, enum.StrEnum]:
    """The members of ``kind`` by value, for a quick look-up of exact values."""
    return {member.value: member for member in kind}


def member_of(kind: type[_E], value: object, param: str) -> _E:
    """The member of the enumeration ``kind`` named by ``value``, in any case.

    Raises:
        InvalidInputError: ``value`` names no member; the message lists them.

    >>> from foi_deadlines.rules import Regime
    >>> member_of(Regime, " FOISA", "regime")
    <Regime.FOISA: 'foisa'>
    """
    if type(value) is kind:
        return value
    if isinstance(value, str):
        found = _members(kind).get(value)
        if found is not None:
            return cast("_E", found)
        with contextlib.suppress(ValueError):
            return kind(value.strip().lower())
    valid = ", ".join(repr(member.value) for member in kind)
    raise InvalidInputError(param, value, f"one of {valid}")


def parse_date_text(text: str, param: str = "date") -> date:
    """Parse ``text`` as an ISO or a UK day-first date.

    Args:
        text: Such as ``"2024-12-19"``, ``"2024-12-19 09:30"`` or ``"19/12/2024"``.
        param: The parameter name to use in an error message.

    Returns:
        The date.

    Raises:
        InvalidInputError: The text is neither form, or names a day that does not
            exist (``"31/02/2026"``).

    >>> parse_date_text("19/12/2024")
    datetime.date(2024, 12, 19)
    >>> parse_date_text(" 2024-12-19 ")
    datetime.date(2024, 12, 19)
    """
    stripped = text.strip()
    weekday = None
    if match := _ISO.fullmatch(stripped):
        year, month, day = match.groups()
    elif match := _UK.fullmatch(stripped):
        day, _, month, year = match.groups()
    elif match := _NAMED.fullmatch(stripped):
        weekday, day, _, name, year = match.groups()
        number = _MONTHS.get(name.casefold())
        if number is None:
            raise InvalidInputError(param, text, _EXPECTED)
        month = str(number)
    else:
        raise InvalidInputError(param, text, _EXPECTED)
    try:
        parsed = date(int(year), int(month), int(day))
    except ValueError:
        if _UK.fullmatch(stripped) and 12 < int(month) <= 31 and int(day) <= 12:
            expected = (
                f"a day-first date: month {int(month)} does not exist (month-first "
                f"US dates are not read; write {day}/{month}/{year} the UK way round "
                f"as {month}/{day}/{year})"
            )
        else:
            expected = f"{_EXPECTED}, naming a day that exists"
        raise InvalidInputError(param, text, expected) from None
    if weekday is not None and weekday.casefold()[:3] != _WEEKDAYS[parsed.weekday()]:
        raise InvalidInputError(
            param,
            text,
            f"{_EXPECTED}; a day name, if given, must match the date "
            f"({parsed.day} {MONTH_NAMES[parsed.month - 1]} {parsed.year} is a "
            f"{DAY_NAMES[parsed.weekday()]})",
        )
    return parsed


def to_date(  # noqa: PLR0911 - one answer for each kind of cell
    value: object, param: str = "date", *, date1904: bool = False
) -> date | None:
    """The date a cell holds, or ``None`` for a blank.

    Args:
        value: A ``date`` or ``datetime``, read as the core reads it
            (:func:`foi_deadlines._dates.to_uk_date`: an aware ``datetime`` is
            converted to Europe/London first, a naive one is taken as UK local
            time), an Excel serial number (a fraction is a time of day and is
            dropped), text as ``YYYY-MM-DD`` or ``DD/MM/YYYY``, or a blank:
            ``None``, ``""`` or ``0``.
        param: The parameter name to use in an error message.
        date1904: Read serials in Excel's 1904 date system.

    Returns:
        The date, or ``None`` for a blank.

    Raises:
        InvalidInputError: Anything else, including Excel's fictitious
            29 February 1900 (serial 60 in the 1900 system), booleans, negative,
            non-finite or too large numbers (a serial past 9999-12-31, in either
            date system), a ``datetime`` whose UK day is past either end of the
            calendar, and text in another form. Never another exception, whatever
            ``value`` is.

    >>> to_date(45645)
    datetime.date(2024, 12, 19)
    >>> to_date(44183, date1904=True)
    datetime.date(2024, 12, 19)
    >>> to_date("19/12/2024"), to_date(""), to_date(None)
    (datetime.date(2024, 12, 19), None, None)
    >>> from datetime import datetime, timezone
    >>> to_date(datetime(2025, 6, 1, 23, 30, tzinfo=timezone.utc))  # 00:30 BST
    datetime.date(2025, 6, 2)
    """
    if value is None:
        return None
    if isinstance(value, date):
        try:
            return to_uk_date(value, param)
        except OverflowError:  # converting to UK time ran past year 1 or 9999
            raise InvalidInputError(param, value, _UK_DAY) from None
    if isinstance(value, str):
        return None if not value.strip() else parse_date_text(value, param)
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InvalidInputError(param, value, _CELL)
    last, system = (_MAX_SERIAL_1904, 1904) if date1904 else (_MAX_SERIAL, 1900)
    # Exact arithmetic, not float(): an int too large for a float, NaN and the
    # infinities are refused here rather than raising.
    try:
        serial = operator.index(math.floor(value))
    except (OverflowError, ValueError):
        serial = -1
    if not 0 <= serial <= last:
        raise InvalidInputError(param, value, _SERIALS.format(last=last, system=system))
    if serial == 0:
        return None
    if date1904:
        return EXCEL_1904_EPOCH + timedelta(days=serial)
    if serial == 60:
        raise InvalidInputError(
            param,
            value,
            "a real date: serial 60 is Excel's 29 February 1900, a day that never "
            "existed",
        )
    if serial < 60:
        return EXCEL_1900_EPOCH + timedelta(days=serial + 1)
    return EXCEL_1900_EPOCH + timedelta(days=serial)


def to_serial(day: date, *, date1904: bool = False) -> int:
    """The Excel serial number of ``day``; the inverse of :func:`to_date`.

    >>> to_serial(date(2024, 12, 19))
    45645
    """
    epoch = EXCEL_1904_EPOCH if date1904 else EXCEL_1900_EPOCH
    serial = (day - epoch).days
    if not date1904 and serial < 61:
        serial -= 1
    return serial
