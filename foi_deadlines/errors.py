"""Errors and warnings raised by foi_deadlines.

Every error the library raises for bad data is a :class:`FoiDeadlinesError`; catch
that one class to handle them all. Each subclass also derives from the matching
built-in exception (``ValueError``, ``TypeError`` or ``LookupError``), keeps the
offending input in attributes, and carries a short stable ``code``
that adapters (spreadsheets, the command line) can show.

This module imports nothing else from the package.
"""

from __future__ import annotations

import warnings
from typing import ClassVar

__all__ = [
    "CaseDataError",
    "ClockStoppedError",
    "FoiDeadlinesError",
    "FoiDeadlinesWarning",
    "HolidayDataError",
    "HolidayUpdateError",
    "InvalidDateError",
    "InvalidInputError",
    "NotApplicableError",
    "OutsideCalendarRangeError",
    "ProvisionalDateWarning",
    "RequestLapsedError",
    "RowError",
    "TimelineError",
    "TrackerFileError",
    "UnknownCalendarError",
    "UnknownRuleError",
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
        covers = (
            "the days the library supports"
            if self.calendar == "any"
            else f"the days calendar {self.calendar!r} covers"
        )
        return (
            f"{self.param} is {self.value}, outside {covers} ({self.first} to "
            f"{self.last}); the library refuses dates it has no holiday data for "
            "rather than guess"
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


class HolidayUpdateError(FoiDeadlinesError, OSError):
    """A holiday update could not be fetched or stored; nothing was changed.

    Raised for a network failure (offline, a name that does not resolve, a timeout,
    an HTTP error status, a body too large) and for a data directory that cannot be
    written.

    Attributes:
        where: The URL or the file concerned.
        problem: What went wrong.
        action: What to do about it, in a sentence.
    """

    code: ClassVar[str] = "holiday-update-failed"

    def __init__(self, where: str, problem: str, action: str) -> None:
        self.where = where
        self.problem = problem
        self.action = action
        # OSError gives meaning to a second and third argument: pass one.
        super().__init__(f"{where}: {problem}")

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}; {self.action}"


class FoiDeadlinesWarning(UserWarning):
    """Base class of the warnings foi_deadlines gives."""


class ProvisionalDateWarning(FoiDeadlinesWarning):
    """A result depends on days beyond the calendar's confirmed holiday data.

    Bank holidays are announced about two years ahead, and special days can be
    proclaimed at short notice. Beyond a calendar's
    :attr:`~foi_deadlines.calendars.WorkingDayCalendar.confirmed_until` it follows
    the standing rules, so a result there may still move.
    """


def ignored(category: type[Warning]) -> bool:
    """Whether the warning filters in force ignore ``category`` wherever it is given.

    For the library's own warnings on hot paths (a provisional date in a batch of
    thousands): where the caller has filtered them out, the message is never
    built and :func:`warnings.warn` never called. A filter that depends on the
    message or the module counts as not ignoring, so such a warning is still given.

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", ProvisionalDateWarning)
    ...     ignored(ProvisionalDateWarning)
    True
    """
    for action, message, kind, module, _line in warnings.filters:
        if issubclass(category, kind):
            return action == "ignore" and message is None and module is None
    return False


class UnknownRuleError(FoiDeadlinesError, LookupError):
    """A clock rule id that the library does not know.

    Attributes:
        rule_id: The id that was asked for.
        valid: The ids the library knows.
    """

    code: ClassVar[str] = "unknown-rule"

    def __init__(self, rule_id: object, valid: tuple[str, ...]) -> None:
        self.rule_id = rule_id
        self.valid = valid
        super().__init__(rule_id, valid)

    def __str__(self) -> str:
        return f"unknown rule {self.rule_id!r}; expected one of {', '.join(self.valid)}"


class TimelineError(FoiDeadlinesError, ValueError):
    """Dates that cannot all be true of one request under the rule that governs it.

    A clarification before the request, a fee paid before its notice: the library
    refuses to compute from them.

    Attributes:
        param: The input at fault (a keyword, or a path such as ``events[3].date``).
        value: Its value.
        problem: What is wrong, naming the rule it breaks.
    """

    code: ClassVar[str] = "bad-timeline"

    def __init__(self, param: str, value: object, problem: str) -> None:
        self.param = param
        self.value = value
        self.problem = problem
        super().__init__(param, value, problem)

    def __str__(self) -> str:
        return f"{self.param} is {self.value}: {self.problem}"


class RequestLapsedError(TimelineError):
    """The fee was paid after the window closed, so there is no duty to comply."""

    code: ClassVar[str] = "request-lapsed"


class NotApplicableError(FoiDeadlinesError, ValueError):
    """An option that the regime does not have, such as an extension under FOISA.

    Attributes:
        param: The option given.
        regime: The regime.
        reason: Why it does not apply, citing the law.
    """

    code: ClassVar[str] = "not-applicable"

    def __init__(self, param: str, regime: str, reason: str) -> None:
        self.param = param
        self.regime = regime
        self.reason = reason
        super().__init__(param, regime, reason)

    def __str__(self) -> str:
        return f"{self.param} does not apply under {self.regime}: {self.reason}"


class ClockStoppedError(FoiDeadlinesError, ValueError):
    """The clock is stopped, so there is no due date yet.

    A fees notice was given and no payment date was passed, or a subject-access
    clarification was asked for and no answer date was passed. This is a state of a
    request, not a mistake: the message says what restarts the clock and what is
    left when it does.

    Attributes:
        stopped_on: The day the clock stopped.
        remaining: What is left of the period when it restarts, in words.
        resume_with: The parameter that restarts it.
        detail: Anything else the reader needs, such as the end of the fee window.
    """

    code: ClassVar[str] = "clock-stopped"

    def __init__(
        self, stopped_on: object, remaining: str, resume_with: str, detail: str = ""
    ) -> None:
        self.stopped_on = stopped_on
        self.remaining = remaining
        self.resume_with = resume_with
        self.detail = detail
        super().__init__(stopped_on, remaining, resume_with, detail)

    def __str__(self) -> str:
        detail = f"; {self.detail}" if self.detail else ""
        return (
            f"the clock stopped on {self.stopped_on} and has not restarted: pass "
            f"{self.resume_with} to compute the due date; {self.remaining} will remain"
            f"{detail}"
        )


class CaseDataError(FoiDeadlinesError, ValueError):
    """Case data from JSON that cannot be imported; nothing of it is imported.

    Attributes:
        path: Where the problem is, such as ``events[3].date``.
        value: The value found there.
        problem: What is wrong, and what was expected.
    """

    code: ClassVar[str] = "bad-case-data"

    def __init__(self, path: str, value: object, problem: str) -> None:
        self.path = path
        self.value = value
        self.problem = problem
        super().__init__(path, value, problem)

    def __str__(self) -> str:
        return f"{self.path or 'the document'}: {self.problem} (got {self.value!r})"


class TrackerFileError(FoiDeadlinesError, ValueError):
    """A tracker file that cannot be read or written as asked; nothing is written.

    Attributes:
        path: The file.
        problem: What is wrong with it, and what to do, in a sentence.
    """

    code: ClassVar[str] = "bad-file"

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(path, problem)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class RowError(FoiDeadlinesError, ValueError):
    """A row of a column that the scalar function refuses, so the call is refused.

    ``foi_deadlines.columns`` raises it (with ``errors="raise"``) for the first
    row refused, with the message the scalar function gives for that row.

    Attributes:
        position: The row's position, counted from 0.
        problem: The scalar function's message for the row.
        refused: How many rows were refused in all.
    """

    code: ClassVar[str] = "bad-row"

    def __init__(self, position: int, problem: str, refused: int = 1) -> None:
        self.position = position
        self.problem = problem
        self.refused = refused
        super().__init__(position, problem, refused)

    def __str__(self) -> str:
        more = self.refused - 1
        others = f" ({more} more row{'s' if more != 1 else ''} refused)" if more else ""
        return f"row {self.position}: {self.problem}{others}"
