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
import re
from datetime import date, datetime, timedelta
from numbers import Real
from typing import Final, TypeVar, cast

from foi_deadlines.errors import InvalidInputError

__all__ = [
    "EXCEL_1900_EPOCH",
    "EXCEL_1904_EPOCH",
    "member_of",
    "parse_date_text",
    "to_date",
    "to_serial",
]

_UK: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# An optional time of day after the date is allowed, and ignored.
_ISO: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?")
_EXPECTED: Final = "a date written as YYYY-MM-DD or DD/MM/YYYY"
_CELL: Final = (
    "a date: a date cell, an Excel serial number, or text as YYYY-MM-DD or "
    "DD/MM/YYYY (day first)"
)

#: Day 0 of Excel's 1900 date system, for serials from 61 on (serial 60 is Excel's
#: fictitious 29 February 1900).
EXCEL_1900_EPOCH: Final = date(1899, 12, 30)
#: Day 0 of Excel's 1904 date system.
EXCEL_1904_EPOCH: Final = date(1904, 1, 1)
_MAX_SERIAL: Final = 2_958_465  # 9999-12-31 in the 1900 system


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
    if match := _ISO.fullmatch(stripped):
        year, month, day = match.groups()
    elif match := _UK.fullmatch(stripped):
        day, month, year = match.groups()
    else:
        raise InvalidInputError(param, text, _EXPECTED)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidInputError(
            param, text, f"{_EXPECTED}, naming a day that exists"
        ) from None


def to_date(  # noqa: PLR0911 - one answer for each kind of cell
    value: object, param: str = "date", *, date1904: bool = False
) -> date | None:
    """The date a cell holds, or ``None`` for a blank.

    Args:
        value: A ``date`` or ``datetime`` (its date is taken as it stands, as a
            spreadsheet shows it), an Excel serial number (a fraction is a time of
            day and is dropped), text as ``YYYY-MM-DD`` or ``DD/MM/YYYY``, or a
            blank: ``None``, ``""`` or ``0``.
        param: The parameter name to use in an error message.
        date1904: Read serials in Excel's 1904 date system.

    Returns:
        The date, or ``None`` for a blank.

    Raises:
        InvalidInputError: Anything else, including Excel's fictitious
            29 February 1900 (serial 60 in the 1900 system), booleans, negative,
            non-finite or too large numbers, and text in another form.

    >>> to_date(45645)
    datetime.date(2024, 12, 19)
    >>> to_date(44183, date1904=True)
    datetime.date(2024, 12, 19)
    >>> to_date("19/12/2024"), to_date(""), to_date(None)
    (datetime.date(2024, 12, 19), None, None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return None if not value.strip() else parse_date_text(value, param)
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InvalidInputError(param, value, _CELL)
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > _MAX_SERIAL:
        raise InvalidInputError(param, value, _CELL)
    serial = math.floor(number)
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
