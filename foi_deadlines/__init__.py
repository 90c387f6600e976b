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


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when asked for.

    Looked up on demand, so that importing the package does not import
    ``importlib.metadata``.
    """
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
