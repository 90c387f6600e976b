"""foi_deadlines: UK information-rights statutory deadlines, computed and explained.

The public names are re-exported here; the modules behind them are
:mod:`foi_deadlines.calendars` (working days), :mod:`foi_deadlines.bank_holidays`
(the holiday data) and :mod:`foi_deadlines.errors`.

>>> from datetime import date
>>> import foi_deadlines
>>> foi_deadlines.get_calendar("uk").add_working_days(date(2024, 12, 19), 20)
datetime.date(2025, 1, 22)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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
from foi_deadlines.errors import (
    FoiDeadlinesError,
    FoiDeadlinesWarning,
    HolidayDataError,
    InvalidDateError,
    InvalidInputError,
    OutsideCalendarRangeError,
    ProvisionalDateWarning,
    UnknownCalendarError,
)

try:
    __version__ = version("foi-deadlines")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "CALENDAR_NAMES",
    "Division",
    "FoiDeadlinesError",
    "FoiDeadlinesWarning",
    "Holiday",
    "HolidayData",
    "HolidayDataError",
    "InvalidDateError",
    "InvalidInputError",
    "NonWorkingDay",
    "OutsideCalendarRangeError",
    "ProclaimedDay",
    "ProvisionalDateWarning",
    "Reason",
    "UnknownCalendarError",
    "WorkingDayCalendar",
    "__version__",
    "get_calendar",
]
