"""foi_deadlines: UK information-rights statutory deadlines, computed and explained.

The public names are re-exported here. The modules behind them, from the bottom up:
:mod:`~foi_deadlines.errors`; :mod:`~foi_deadlines.bank_holidays` (the holiday
data), :mod:`~foi_deadlines.holiday_store` (the user's installed update and
proclaimed days, and the default data) and :mod:`~foi_deadlines.calendars`
(working days); :mod:`~foi_deadlines.rules`
(the clocks, as data) and :mod:`~foi_deadlines.clocks` (the engine and
``Deadline``); :mod:`~foi_deadlines.responses` and :mod:`~foi_deadlines.reviews`;
:mod:`~foi_deadlines.cases`, :mod:`~foi_deadlines.portfolio` and
:mod:`~foi_deadlines.case_json`. The adapters are imported as modules:
``foi_deadlines.spreadsheet``, ``foi_deadlines.xlwings_udfs`` (needs xlwings),
``foi_deadlines.batch`` (``.xlsx`` needs openpyxl), ``foi_deadlines.ical`` (calendar
files; needs icalendar), ``foi_deadlines.digest`` and the command line.

>>> from datetime import date
>>> import foi_deadlines
>>> foi_deadlines.get_calendar("uk").add_working_days(date(2024, 12, 19), 20)
datetime.date(2025, 1, 22)
>>> foi_deadlines.response_due(date(2024, 12, 19)).due
datetime.date(2025, 1, 22)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from foi_deadlines.bank_holidays import (
        Division,
        Holiday,
        HolidayData,
        ProclaimedDay,
    )
    from foi_deadlines.calendars import (
        CALENDAR_NAMES,
        NonWorkingDay,
        Reason,
        WorkingDayCalendar,
        get_calendar,
    )
    from foi_deadlines.case_json import (
        case_from_json,
        case_to_json,
        cases_from_json,
        cases_to_json,
    )
    from foi_deadlines.cases import (
        Case,
        CaseDeadlines,
        CaseEvent,
        CaseEventKind,
        CaseStatus,
        Outcome,
        ReviewOutcome,
        StatusCode,
    )
    from foi_deadlines.clocks import (
        ClockEvent,
        Deadline,
        EventKind,
        Policies,
        PolicyInfo,
        policy_register,
    )
    from foi_deadlines.errors import (
        CaseDataError,
        ClockStoppedError,
        FoiDeadlinesError,
        FoiDeadlinesWarning,
        HolidayDataError,
        HolidayUpdateError,
        InvalidDateError,
        InvalidInputError,
        NotApplicableError,
        OutsideCalendarRangeError,
        ProvisionalDateWarning,
        RequestLapsedError,
        RowError,
        TimelineError,
        TrackerFileError,
        UnknownCalendarError,
        UnknownRuleError,
    )
    from foi_deadlines.portfolio import (
        ComplianceStats,
        DeadlineChange,
        by_status,
        changed_deadlines,
        compliance_stats,
        due_within,
        overdue,
    )
    from foi_deadlines.responses import (
        Body,
        ResponseDeadlines,
        StoppedClock,
        aggregation_window,
        fee_payment_deadline,
        response_deadlines,
        response_due,
    )
    from foi_deadlines.reviews import (
        PRESETS,
        AuthorityPolicy,
        ReviewRequestCheck,
        ShortReviewWindowWarning,
        regulator_deadline,
        review_due,
        review_request_check,
        review_request_deadline,
        tribunal_deadline,
    )
    from foi_deadlines.rules import (
        RULES,
        ClockRule,
        Modifier,
        Regime,
        Stage,
        Unit,
        get_rule,
    )

#: Where each public name lives; a module is imported when one of its names is
#: first asked for (PEP 562), so that ``import foi_deadlines`` costs little and
#: a first deadline imports only the modules it needs.
_HOMES: Final = {
    "Division": "foi_deadlines.bank_holidays",
    "Holiday": "foi_deadlines.bank_holidays",
    "HolidayData": "foi_deadlines.bank_holidays",
    "ProclaimedDay": "foi_deadlines.bank_holidays",
    "CALENDAR_NAMES": "foi_deadlines.calendars",
    "NonWorkingDay": "foi_deadlines.calendars",
    "Reason": "foi_deadlines.calendars",
    "WorkingDayCalendar": "foi_deadlines.calendars",
    "get_calendar": "foi_deadlines.calendars",
    "case_from_json": "foi_deadlines.case_json",
    "case_to_json": "foi_deadlines.case_json",
    "cases_from_json": "foi_deadlines.case_json",
    "cases_to_json": "foi_deadlines.case_json",
    "Case": "foi_deadlines.cases",
    "CaseDeadlines": "foi_deadlines.cases",
    "CaseEvent": "foi_deadlines.cases",
    "CaseEventKind": "foi_deadlines.cases",
    "CaseStatus": "foi_deadlines.cases",
    "Outcome": "foi_deadlines.cases",
    "ReviewOutcome": "foi_deadlines.cases",
    "StatusCode": "foi_deadlines.cases",
    "ClockEvent": "foi_deadlines.clocks",
    "Deadline": "foi_deadlines.clocks",
    "EventKind": "foi_deadlines.clocks",
    "Policies": "foi_deadlines.clocks",
    "PolicyInfo": "foi_deadlines.clocks",
    "policy_register": "foi_deadlines.clocks",
    "CaseDataError": "foi_deadlines.errors",
    "ClockStoppedError": "foi_deadlines.errors",
    "FoiDeadlinesError": "foi_deadlines.errors",
    "FoiDeadlinesWarning": "foi_deadlines.errors",
    "HolidayDataError": "foi_deadlines.errors",
    "HolidayUpdateError": "foi_deadlines.errors",
    "InvalidDateError": "foi_deadlines.errors",
    "InvalidInputError": "foi_deadlines.errors",
    "NotApplicableError": "foi_deadlines.errors",
    "OutsideCalendarRangeError": "foi_deadlines.errors",
    "ProvisionalDateWarning": "foi_deadlines.errors",
    "RequestLapsedError": "foi_deadlines.errors",
    "RowError": "foi_deadlines.errors",
    "TimelineError": "foi_deadlines.errors",
    "TrackerFileError": "foi_deadlines.errors",
    "UnknownCalendarError": "foi_deadlines.errors",
    "UnknownRuleError": "foi_deadlines.errors",
    "ComplianceStats": "foi_deadlines.portfolio",
    "DeadlineChange": "foi_deadlines.portfolio",
    "by_status": "foi_deadlines.portfolio",
    "changed_deadlines": "foi_deadlines.portfolio",
    "compliance_stats": "foi_deadlines.portfolio",
    "due_within": "foi_deadlines.portfolio",
    "overdue": "foi_deadlines.portfolio",
    "Body": "foi_deadlines.responses",
    "ResponseDeadlines": "foi_deadlines.responses",
    "StoppedClock": "foi_deadlines.responses",
    "aggregation_window": "foi_deadlines.responses",
    "fee_payment_deadline": "foi_deadlines.responses",
    "response_deadlines": "foi_deadlines.responses",
    "response_due": "foi_deadlines.responses",
    "PRESETS": "foi_deadlines.reviews",
    "AuthorityPolicy": "foi_deadlines.reviews",
    "ReviewRequestCheck": "foi_deadlines.reviews",
    "ShortReviewWindowWarning": "foi_deadlines.reviews",
    "regulator_deadline": "foi_deadlines.reviews",
    "review_due": "foi_deadlines.reviews",
    "review_request_check": "foi_deadlines.reviews",
    "review_request_deadline": "foi_deadlines.reviews",
    "tribunal_deadline": "foi_deadlines.reviews",
    "RULES": "foi_deadlines.rules",
    "ClockRule": "foi_deadlines.rules",
    "Modifier": "foi_deadlines.rules",
    "Regime": "foi_deadlines.rules",
    "Stage": "foi_deadlines.rules",
    "Unit": "foi_deadlines.rules",
    "get_rule": "foi_deadlines.rules",
}


def __getattr__(name: str) -> object:
    """A public name, imported from its module when first asked for.

    ``__version__`` is read from the installed package's metadata when asked for,
    so that importing the package does not import ``importlib.metadata``.
    """
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import (  # noqa: PLC0415 - only when asked for
            PackageNotFoundError,
            version,
        )

        try:
            return version("foi-deadlines")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    message = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(message)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CALENDAR_NAMES",
    "PRESETS",
    "RULES",
    "AuthorityPolicy",
    "Body",
    "Case",
    "CaseDataError",
    "CaseDeadlines",
    "CaseEvent",
    "CaseEventKind",
    "CaseStatus",
    "ClockEvent",
    "ClockRule",
    "ClockStoppedError",
    "ComplianceStats",
    "Deadline",
    "DeadlineChange",
    "Division",
    "EventKind",
    "FoiDeadlinesError",
    "FoiDeadlinesWarning",
    "Holiday",
    "HolidayData",
    "HolidayDataError",
    "HolidayUpdateError",
    "InvalidDateError",
    "InvalidInputError",
    "Modifier",
    "NonWorkingDay",
    "NotApplicableError",
    "Outcome",
    "OutsideCalendarRangeError",
    "Policies",
    "PolicyInfo",
    "ProclaimedDay",
    "ProvisionalDateWarning",
    "Reason",
    "Regime",
    "RequestLapsedError",
    "ResponseDeadlines",
    "ReviewOutcome",
    "ReviewRequestCheck",
    "RowError",
    "ShortReviewWindowWarning",
    "Stage",
    "StatusCode",
    "StoppedClock",
    "TimelineError",
    "TrackerFileError",
    "Unit",
    "UnknownCalendarError",
    "UnknownRuleError",
    "WorkingDayCalendar",
    "__version__",
    "aggregation_window",
    "by_status",
    "case_from_json",
    "case_to_json",
    "cases_from_json",
    "cases_to_json",
    "changed_deadlines",
    "compliance_stats",
    "due_within",
    "fee_payment_deadline",
    "get_calendar",
    "get_rule",
    "overdue",
    "policy_register",
    "regulator_deadline",
    "response_deadlines",
    "response_due",
    "review_due",
    "review_request_check",
    "review_request_deadline",
    "tribunal_deadline",
]
