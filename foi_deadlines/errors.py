"""Errors and warnings raised by foi_deadlines.

Every error the library raises for bad data is a :class:`FoiDeadlinesError`; catch
that one class to handle them all. Each subclass also derives from the matching
built-in exception (``ValueError``, ``TypeError`` or ``LookupError``), keeps the
offending input in attributes, and carries a short stable ``code``
that adapters (spreadsheets, the command line) can show.

This module imports nothing else from the package.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "FoiDeadlinesError",
    "FoiDeadlinesWarning",
    "HolidayDataError",
    "InvalidDateError",
    "InvalidInputError",
    "OutsideCalendarRangeError",
    "ProvisionalDateWarning",
    "UnknownCalendarError",
]


class FoiDeadlinesError(Exception):
    """Base class of every error foi_deadlines raises for bad input or data."""

    code: ClassVar[str] = "error"


class InvalidInputError(FoiDeadlinesError, ValueError):
    """A parameter has a value the library cannot use.

    Attributes:
        param: The name of the parameter.
        value: The value that was given.
        expected: What the parameter accepts, in words.
    """

    code: ClassVar[str] = "invalid-input"

    def __init__(self, param: str, value: object, expected: str) -> None:
        self.param = param
        self.value = value
        self.expected = expected
        super().__init__(param, value, expected)

    def __str__(self) -> str:
        return f"{self.param} must be {self.expected} (got {self.value!r})"


class InvalidDateError(InvalidInputError, TypeError):
    """A parameter that must be a date got something else."""

    code: ClassVar[str] = "invalid-date"


class OutsideCalendarRangeError(FoiDeadlinesError, ValueError):
    """A date, or a result, falls outside the days a calendar covers.

    Attributes:
        param: The parameter (or ``"result"``) that is out of range.
        value: The offending date, or a description of the result.
        first: The first day the calendar covers.
        last: The last day the calendar covers.
        calendar: The calendar's name.
    """

    code: ClassVar[str] = "out-of-range"

    def __init__(
        self, param: str, value: object, first: object, last: object, calendar: str
    ) -> None:
        self.param = param
        self.value = value
        self.first = first
        self.last = last
        self.calendar = calendar
        super().__init__(param, value, first, last, calendar)

    def __str__(self) -> str:
        return (
            f"{self.param} is {self.value}, outside the days calendar "
            f"{self.calendar!r} covers ({self.first} to {self.last}); the library "
            "refuses dates it has no holiday data for rather than guess"
        )


class UnknownCalendarError(FoiDeadlinesError, LookupError):
    """A calendar name that the library does not know.

    Attributes:
        name: The name that was asked for.
        valid: The names the library knows.
    """

    code: ClassVar[str] = "unknown-calendar"

    def __init__(self, name: object, valid: tuple[str, ...]) -> None:
        self.name = name
        self.valid = valid
        super().__init__(name, valid)

    def __str__(self) -> str:
        names = ", ".join(repr(v) for v in self.valid)
        return f"unknown calendar {self.name!r}; expected one of {names}"


class HolidayDataError(FoiDeadlinesError, ValueError):
    """Holiday data (a gov.uk-format file, or a proclaimed day) is malformed.

    Nothing of a malformed file is loaded.

    Attributes:
        source: Where the data came from (a file name, or a description).
        path: Where in the data the problem is, such as ``scotland.events[3].date``.
        problem: What is wrong there.
    """

    code: ClassVar[str] = "bad-holiday-data"

    def __init__(self, source: str, path: str, problem: str) -> None:
        self.source = source
        self.path = path
        self.problem = problem
        super().__init__(source, path, problem)

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        return f"holiday data from {self.source} refused{where}: {self.problem}"


class FoiDeadlinesWarning(UserWarning):
    """Base class of the warnings foi_deadlines gives."""


class ProvisionalDateWarning(FoiDeadlinesWarning):
    """A result depends on days beyond the calendar's confirmed holiday data.

    Bank holidays are announced about two years ahead, and special days can be
    proclaimed at short notice. Beyond a calendar's
    :attr:`~foi_deadlines.calendars.WorkingDayCalendar.confirmed_until` it follows
    the standing rules, so a result there may still move.
    """
