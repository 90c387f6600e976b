"""Working-day calendars: which days count, and fast arithmetic over them.

A working day, for the statutes in scope, is any day other than a Saturday, a Sunday,
Christmas Day, Good Friday, or a bank holiday. Which bank holidays count depends on the
law:

* ``"uk"``: FOIA 2000 s10(6) and EIR 2004 reg 2(1) exclude a bank holiday "in any part
  of the United Kingdom", the union of the three divisions' lists.
* ``"scotland"``: FOISA 2002 s73 and EISR 2004 reg 2(1) exclude only Scottish bank
  holidays (and Christmas Day).
* ``"england-and-wales"`` and ``"northern-ireland"``: one division's bank holidays, for
  rules that count in one part of the UK (tribunal time limits, subject-access
  roll-forward).

Each calendar is built once per process, for every day from 2000 to 2101. Its
tables make :meth:`WorkingDayCalendar.add_working_days` and
:meth:`WorkingDayCalendar.working_days_between` two look-ups, whatever the number
of days; they are filled a year at a time, for the years a call touches, so that a
first deadline costs only its own years.

>>> from datetime import date
>>> uk = get_calendar("uk")
>>> uk.add_working_days(date(2024, 12, 19), 20)
datetime.date(2025, 1, 22)
>>> get_calendar("england-and-wales").add_working_days(date(2024, 12, 19), 20)
datetime.date(2025, 1, 21)
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import operator
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, cast, overload

import attrs
from dateutil.easter import easter

from foi_deadlines._dates import epoch_day, short_day, to_uk_date
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_CALENDAR_DAY,
    LAST_SUPPORTED_DAY,
    Division,
    Holiday,
    HolidayData,
)
from foi_deadlines.errors import (
    InvalidInputError,
    OutsideCalendarRangeError,
    ProvisionalDateWarning,
    UnknownCalendarError,
    ignored,
)
from foi_deadlines.holiday_store import default_data

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "CALENDAR_NAMES",
    "CalendarDefinition",
    "NonWorkingDay",
    "Reason",
    "WorkingDayCalendar",
    "get_calendar",
    "supported_day",
]

_ALL_DIVISIONS: Final = tuple(Division)
_WEEKDAY_NAMES: Final = ("Saturday", "Sunday")


@attrs.frozen(kw_only=True)
class CalendarDefinition:
    """Which days a calendar treats as non-working, and the law that says so.

    Attributes:
        name: The calendar's name for :func:`get_calendar`.
        title: A short title.
        divisions: The divisions whose bank holidays are non-working days.
        citation: The legal source of the definition.
        named_days_basis: Why Christmas Day and Good Friday are non-working days
            even in a year where the holiday data omits them.
        excludes: The days that are not working days, in words.
    """

    name: str
    title: str
    divisions: tuple[Division, ...]
    citation: str
    named_days_basis: str
    excludes: str


_FOIA_CITATION: Final = (
    "Freedom of Information Act 2000 s10(6); Environmental Information "
    "Regulations 2004 reg 2(1)"
)
_FOISA_CITATION: Final = (
    "Freedom of Information (Scotland) Act 2002 s73; Environmental Information "
    "(Scotland) Regulations 2004 reg 2(1)"
)

#: The calendars the library knows, by name.
DEFINITIONS: Final = {
    "uk": CalendarDefinition(
        name="uk",
        title="UK working days (FOIA, EIR)",
        divisions=_ALL_DIVISIONS,
        citation=_FOIA_CITATION,
        named_days_basis="named in FOIA 2000 s10(6)",
        excludes=(
            "Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in any "
            "part of the UK"
        ),
    ),
    "scotland": CalendarDefinition(
        name="scotland",
        title="Scottish working days (FOISA, EISR)",
        divisions=(Division.SCOTLAND,),
        citation=_FOISA_CITATION,
        named_days_basis=(
            "Christmas Day is named in FOISA 2002 s73; Good Friday is a Scottish "
            "bank holiday under the Banking and Financial Dealings Act 1971 Sch 1"
        ),
        excludes="Saturdays, Sundays, Christmas Day and Scottish bank holidays",
    ),
    "england-and-wales": CalendarDefinition(
        name="england-and-wales",
        title="England and Wales working days",
        divisions=(Division.ENGLAND_AND_WALES,),
        citation=(
            "Banking and Financial Dealings Act 1971 Sch 1 para 1 and proclamations; "
            "Christmas Day and Good Friday as common-law holidays"
        ),
        named_days_basis="common-law holiday in England and Wales",
        excludes=(
            "Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in "
            "England and Wales"
        ),
    ),
    "northern-ireland": CalendarDefinition(
        name="northern-ireland",
        title="Northern Ireland working days",
        divisions=(Division.NORTHERN_IRELAND,),
        citation=(
            "Banking and Financial Dealings Act 1971 Sch 1 para 3 and proclamations; "
            "Christmas Day and Good Friday as common-law holidays"
        ),
        named_days_basis="common-law holiday in Northern Ireland",
        excludes=(
            "Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in "
            "Northern Ireland"
        ),
    ),
}

#: The names :func:`get_calendar` accepts.
CALENDAR_NAMES: Final = tuple(DEFINITIONS)


@attrs.frozen(kw_only=True)
class Reason:
    """Why a day is not a working day.

    Attributes:
        name: The holiday's name, or ``"Saturday"`` / ``"Sunday"``.
        divisions: The divisions where it is a bank holiday; empty for a weekend
            and for a day the law names directly.
        source: Where the fact comes from.
    """

    name: str
    divisions: tuple[Division, ...]
    source: str

    def describe(self) -> str:
        """The reason in prose, such as ``"2nd January (Scotland)"``."""
        if not self.divisions:
            return self.name
        return f"{self.name} ({', '.join(d.label for d in self.divisions)})"


@attrs.frozen(kw_only=True)
class NonWorkingDay:
    """A day that is not a working day, with the reasons.

    Attributes:
        day: The date.
        reasons: Every reason that applies, weekend first.
        provisional: Whether the day is beyond the confirmed holiday data.
    """

    day: date
    reasons: tuple[Reason, ...]
    provisional: bool

    @property
    def is_weekend(self) -> bool:
        """Whether the day is a Saturday or a Sunday."""
        return self.day.weekday() >= 5

    def describe(self) -> str:
        """The day and its reasons in prose.

        >>> get_calendar("uk").non_working_day(date(2025, 1, 2)).describe()
        'Thu 2 Jan 2025: 2nd January (Scotland)'
        """
        reasons = "; ".join(reason.describe() for reason in self.reasons)
        flag = " [provisional]" if self.provisional else ""
        return f"{_format_day(self.day)}: {reasons}{flag}"


def _format_day(day: date) -> str:
    return short_day(day)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WorkingDayCalendar:
    """An immutable calendar of working days from 2000 to 2101.

    Dates given to the library run to the end of 2100; the calendar covers one
    more year, so that every deadline of a request received by then can be
    counted.

    Build one with :func:`get_calendar`; do not call the constructor directly.

    Attributes:
        definition: Which days count, and the law that says so.
        data_version: A description of the holiday data it was built from.
        confirmed_until: The last day covered by official holiday data for every
            division the calendar uses. Results after it are provisional.
    """

    definition: CalendarDefinition
    data_version: str
    confirmed_until: date
    # The holiday data it was built from, for the reasons of its holidays.
    _data: HolidayData
    # The weekdays that are not working days.
    _holidays: frozenset[date]
    # For each year of the span and the year after: the working days before its
    # first day.
    _year_starts: tuple[int, ...]
    # Two tables, filled a year at a time (_fill); the years filled are marked in
    # _filled. _working_days[k] is the k-th working day of the span (from 0), None
    # until its year is filled. _counted_to[d] is how many working days there are
    # up to d, inclusive. The n-th working day after d is then
    # _working_days[_counted_to[d] + n - 1].
    _working_days: list[date | None]
    _counted_to: dict[date, int]
    _filled: bytearray
    # The position in _working_days of the last working day on or before
    # confirmed_until.
    _last_confirmed: int

    @property
    def name(self) -> str:
        """The calendar's name, such as ``"uk"``."""
        return self.definition.name

    @property
    def first_day(self) -> date:
        """The first day the calendar covers."""
        return FIRST_SUPPORTED_DAY

    @property
    def last_day(self) -> date:
        """The last day the calendar covers."""
        return LAST_CALENDAR_DAY

    def __repr__(self) -> str:
        return f"<WorkingDayCalendar {self.name!r} ({self.data_version})>"

    # -- single days -------------------------------------------------------------

    def is_working_day(self, day: date, /, *, warn: bool = True) -> bool:
        """Whether ``day`` is a working day.

        Args:
            day: The day.
            warn: Whether to give a
                :class:`~foi_deadlines.errors.ProvisionalDateWarning` for a day after
                :attr:`confirmed_until` (``False`` for callers that flag such
                results themselves).

        >>> get_calendar("uk").is_working_day(date(2026, 6, 15))
        False
        >>> get_calendar("england-and-wales").is_working_day(date(2026, 6, 15))
        True
        """
        if type(day) is not date or not FIRST_SUPPORTED_DAY <= day <= LAST_CALENDAR_DAY:
            day = self._in_span(day, "day")
        if warn and day > self.confirmed_until:
            self._warn_provisional("whether {} is a working day", day)
        return day.weekday() < 5 and day not in self._holidays

    def _is_working(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def is_provisional(self, day: date, /) -> bool:
        """Whether ``day`` is beyond the confirmed holiday data.

        >>> get_calendar("uk").is_provisional(date(2030, 1, 2))
        True
        """
        return to_uk_date(day) > self.confirmed_until

    def non_working_day(self, day: date, /) -> NonWorkingDay | None:
        """Why ``day`` is not a working day, or ``None`` if it is one.

        >>> print(get_calendar("uk").non_working_day(date(2025, 12, 27)).describe())
        Sat 27 Dec 2025: Saturday
        """
        return self._describe(self._in_span(day, "day"))

    def non_working_days(
        self, start: date, end: date, /, *, include_weekends: bool = True
    ) -> tuple[NonWorkingDay, ...]:
        """Every non-working day from ``start`` to ``end``, both included.

        Args:
            start: The first day to look at.
            end: The last day to look at.
            include_weekends: Whether to list Saturdays and Sundays too.

        Returns:
            The days, in date order, each with its reasons.

        >>> for d in get_calendar("uk").non_working_days(
        ...     date(2025, 12, 24), date(2026, 1, 2), include_weekends=False
        ... ):
        ...     print(d.describe())
        Thu 25 Dec 2025: Christmas Day (England and Wales, Scotland, Northern Ireland)
        Fri 26 Dec 2025: Boxing Day (England and Wales, Scotland, Northern Ireland)
        Thu 1 Jan 2026: New Year’s Day (England and Wales, Scotland, Northern Ireland)
        Fri 2 Jan 2026: 2nd January (Scotland)
        """
        first = self._in_span(start, "start").toordinal()
        last = self._in_span(end, "end").toordinal()
        result = []
        for ordinal in range(first, last + 1):
            day = date.fromordinal(ordinal)
            if not include_weekends and day.weekday() >= 5:
                continue
            described = self._describe(day)
            if described is not None:
                result.append(described)
        return tuple(result)

    def next_working_day(
        self, day: date, /, *, include_start: bool = False, warn: bool = True
    ) -> date:
        """The first working day after ``day`` (or on it, with ``include_start``).

        With ``include_start``, this rolls a day forward: a working day stays as it
        is, any other day moves to the next working day.

        >>> get_calendar("uk").next_working_day(date(2025, 12, 24))
        datetime.date(2025, 12, 29)
        >>> get_calendar("uk").next_working_day(date(2025, 12, 24), include_start=True)
        datetime.date(2025, 12, 24)
        """
        day = to_uk_date(day, "day")
        if include_start and self.is_working_day(day, warn=warn):
            return day
        return self.add_working_days(day, 1, warn=warn)

    def previous_working_day(
        self, day: date, /, *, include_start: bool = False, warn: bool = True
    ) -> date:
        """The last working day before ``day`` (or on it, with ``include_start``).

        >>> get_calendar("uk").previous_working_day(date(2025, 12, 29))
        datetime.date(2025, 12, 24)
        """
        day = to_uk_date(day, "day")
        if include_start and self.is_working_day(day, warn=warn):
            return day
        return self.add_working_days(day, -1, warn=warn)

    # -- arithmetic ----------------------------------------------------------------

    def add_working_days(self, start: date, n: int, /, *, warn: bool = True) -> date:
        """The ``n``-th working day after ``start`` (before it, for negative ``n``).

        ``start`` is day 0 and is never counted, whether or not it is itself a
        working day: for ``n >= 1`` the result is the ``n``-th working day strictly
        after ``start``; for ``n <= -1`` it is the ``abs(n)``-th working day strictly
        before it. ``n == 0`` returns ``start`` unchanged (day 0 itself, which may
        not be a working day), so that ``working_days_between(start,
        add_working_days(start, n)) == n`` for every ``n >= 0``, and for negative
        ``n`` when ``start`` is a working day. (Counting back from a non-working
        day, the first working day before it is one working day nearer than the
        count suggests: there are no working days between them.)

        Args:
            start: Day 0.
            n: How many working days to count.
            warn: Whether to warn of a provisional result (``False`` for callers
                that flag such results themselves).

        Returns:
            The date.

        Raises:
            InvalidDateError: ``start`` is not a date.
            InvalidInputError: ``n`` is not a whole number.
            OutsideCalendarRangeError: ``start`` or the result is outside the
                calendar (2000 to 2101).

        Warns:
            ProvisionalDateWarning: The result is beyond the confirmed data.

        >>> uk = get_calendar("uk")
        >>> uk.add_working_days(date(2026, 6, 1), 20)
        datetime.date(2026, 6, 30)
        >>> uk.add_working_days(date(2024, 12, 28), 1)  # a Saturday is day 0
        datetime.date(2024, 12, 30)
        >>> uk.add_working_days(date(2025, 1, 6), -3)  # 1 and 2 January are skipped
        datetime.date(2024, 12, 30)
        """
        if type(n) is int and n > 0:
            # The hot path of batch jobs, kept to two look-ups: a date in the span
            # and a positive count. Anything else takes the checked path below.
            try:
                position = self._counted_to[start] + n - 1
                result = self._working_days[position]
            except (KeyError, IndexError, TypeError):
                result = None
            if result is not None:
                if warn and position > self._last_confirmed:
                    self._warn_provisional(
                        "the working day {} from {}, {},", n, start, result
                    )
                return result
        result = self._offset(start, n)
        if warn and result > self.confirmed_until and n:
            self._warn_provisional("the working day {} from {}, {},", n, start, result)
        return result

    def _offset(self, start: object, n: object, param: str = "start") -> date:
        """:meth:`add_working_days` with full checks and no warning.

        For the package's own engine, which flags provisional results itself.
        """
        if type(n) is int and n > 0:
            try:
                found = self._working_days[self._counted_to[start] + n - 1]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                found = None
            if found is not None:
                return found
        start = self._in_span(start, param)
        n = _whole_number(n, "n")
        if n == 0:
            return start
        counted = self._counted(start)
        # Counting back, start from the working days strictly before start.
        position = counted + n - 1 if n > 0 else counted - self._is_working(start) + n
        if not 0 <= position < len(self._working_days):
            self._refuse_result(start, n)
        return self._working_day(position)

    def _count(self, start: date, end: date) -> int:
        """:meth:`working_days_between` for checked dates, with no warning."""
        return self._counted(end) - self._counted(start)

    # -- the tables, a year at a time ----------------------------------------------

    def _counted(self, day: date) -> int:
        """How many working days there are up to ``day`` (in the span), inclusive."""
        try:
            return self._counted_to[day]
        except KeyError:
            self._fill(day.year)
            return self._counted_to[day]

    def _working_day(self, position: int) -> date:
        """The working day at ``position`` (from 0) in the span."""
        found = self._working_days[position]
        if found is None:
            year = bisect.bisect_right(self._year_starts, position) - 1
            self._fill(FIRST_SUPPORTED_DAY.year + year)
            found = self._working_days[position]
            assert found is not None
        return found

    def _fill(self, year: int) -> None:
        """Fill the tables for one year of the span.

        Safe to repeat, and from several threads: it writes the same values, and
        each working day before the count that points at it.
        """
        index = year - FIRST_SUPPORTED_DAY.year
        if self._filled[index]:
            return
        holidays = self._holidays
        working = self._working_days
        count = self._year_starts[index]
        counted: dict[date, int] = {}
        first = date(year, 1, 1).toordinal()
        for ordinal in range(first, date(year + 1, 1, 1).toordinal()):
            day = date.fromordinal(ordinal)
            if day.weekday() < 5 and day not in holidays:
                working[count] = day
                count += 1
            counted[day] = count
        self._counted_to.update(counted)
        self._filled[index] = 1

    def working_days_between(
        self, start: date, end: date, /, *, warn: bool = True
    ) -> int:
        """The number of working days in ``(start, end]``: after start, up to end.

        Negative when ``end`` is before ``start``:
        ``working_days_between(a, b) == -working_days_between(b, a)``. A response
        sent on the 20th working day after receipt took 20 working days.

        >>> uk = get_calendar("uk")
        >>> uk.working_days_between(date(2024, 12, 19), date(2025, 1, 22))
        20
        >>> uk.working_days_between(date(2025, 1, 22), date(2024, 12, 19))
        -20
        """
        counted_to = self._counted_to
        try:
            count = counted_to[end] - counted_to[start]
        except (KeyError, TypeError):
            start = self._in_span(start, "start")
            end = self._in_span(end, "end")
            count = self._counted(end) - self._counted(start)
        if warn and (start > self.confirmed_until or end > self.confirmed_until):
            self._warn_provisional("the working days between {} and {}", start, end)
        return count

    @overload
    def add_working_days_many(
        self, starts: npt.NDArray[Any], n: int, /
    ) -> npt.NDArray[np.datetime64]: ...
    @overload
    def add_working_days_many(
        self, starts: Iterable[date], n: int, /
    ) -> list[date]: ...
    @overload
    def add_working_days_many(self, starts: Any, n: int, /) -> Any: ...
    def add_working_days_many(
        self, starts: Iterable[date] | npt.NDArray[Any] | Any, n: int, /
    ) -> list[date] | npt.NDArray[np.datetime64] | Any:
        """:meth:`add_working_days` over a column of dates.

        A sequence gives a list. A numpy array (``datetime64``) gives a
        ``datetime64[D]`` array, computed without a Python loop; so do a pandas
        Series (a Series of ``datetime64[s]`` with the same index and name), a
        Polars Series (a ``Date`` Series) and a pyarrow array (``date32``), the
        kinds ``foi_deadlines.columns`` takes. In an array a null (``NaT``)
        gives a null. numpy, pandas, Polars and pyarrow are optional, and used
        only when such a column is passed. A result beyond the confirmed data
        gives one warning for the whole column.

        >>> get_calendar("uk").add_working_days_many(
        ...     [date(2024, 12, 19), date(2026, 6, 1)], 20
        ... )
        [datetime.date(2025, 1, 22), datetime.date(2026, 6, 30)]
        """
        if type(starts).__module__ == "numpy" and type(starts).__name__ == "ndarray":
            array = cast("npt.NDArray[Any]", starts)
            return self._add_many_numpy(array, _whole_number(n, "n"))
        module = type(starts).__module__.partition(".")[0]
        if module in ("pandas", "polars", "pyarrow"):
            from foi_deadlines._arrays import (  # noqa: PLC0415 - columns only
                column_of,
                days_of,
            )

            days, like = days_of(starts, "starts")
            whole = _whole_number(n, "n")
            added = self._add_many_numpy(days.view("datetime64[D]"), whole)
            return column_of(added.view("int64"), like)
        add = self.add_working_days
        return [add(start, n) for start in starts]

    # -- internals -----------------------------------------------------------------

    def _add_many_numpy(
        self, starts: npt.NDArray[Any], n: int
    ) -> npt.NDArray[np.datetime64]:
        import numpy as np  # noqa: PLC0415 - optional, only for array input

        if starts.dtype.kind != "M":
            raise InvalidInputError(
                "starts", starts.dtype, "a numpy datetime64 array, or a list of dates"
            )
        if starts.ndim != 1:
            starts = starts.reshape(-1)
        counts, epoch_days = _numpy_tables(self)
        days = starts.astype("datetime64[D]").view(np.int64)
        nulls = np.isnat(starts)
        has_nulls = bool(nulls.any())
        if has_nulls:
            # A null start gives a null result: count from the first day instead.
            days = np.where(nulls, _FIRST_EPOCH_DAY, days)
        index = days - _FIRST_EPOCH_DAY
        if starts.size and (index.min() < 0 or index.max() >= counts.size):
            bad = starts.flat[int(np.argmax((index < 0) | (index >= counts.size)))]
            raise OutsideCalendarRangeError(
                "starts", bad, self.first_day, self.last_day, self.name
            )
        if n > 0:
            position = counts[index] + (n - 1)
        elif n < 0:
            # The working days strictly before each start, less |n|.
            position = np.where(index > 0, counts[index - 1], 0) + n
            if has_nulls:
                position[nulls] = 0
        else:
            return starts.astype("datetime64[D]")
        if starts.size and (position.min() < 0 or position.max() >= epoch_days.size):
            where = int(np.argmax((position < 0) | (position >= epoch_days.size)))
            self._refuse_result(starts.flat[where], n)
        if starts.size and position.max() > self._last_confirmed:
            self._warn_provisional(
                f"some of the working days {n} from the given starts"
            )
        result = epoch_days[position]
        if has_nulls:
            result[nulls] = np.iinfo(np.int64).min
        return result.view("datetime64[D]")

    def _in_span(self, day: object, param: str) -> date:
        checked = to_uk_date(day, param)
        if not FIRST_SUPPORTED_DAY <= checked <= LAST_CALENDAR_DAY:
            raise OutsideCalendarRangeError(
                param, checked, FIRST_SUPPORTED_DAY, LAST_CALENDAR_DAY, self.name
            )
        return checked

    def _refuse_result(self, start: object, n: int) -> None:
        raise OutsideCalendarRangeError(
            "result",
            f"the working day {n} from {start}",
            self.first_day,
            self.last_day,
            self.name,
        )

    def _warn_provisional(self, what: str, *args: object) -> None:
        """Warn that ``what`` (formatted with ``args``) is provisional.

        Nothing is formatted or given where the filters ignore the warning, so
        that a batch that filters it out pays nothing for it.
        """
        if ignored(ProvisionalDateWarning):
            return
        if args:
            what = what.format(*args)
        warnings.warn(
            f"{what} depends on days after {self.confirmed_until}, the end of the "
            f"confirmed holiday data of calendar {self.name!r}: later bank holidays "
            "follow the standing rules and may still be changed by proclamation",
            ProvisionalDateWarning,
            stacklevel=3,
        )

    def _describe(self, day: date) -> NonWorkingDay | None:
        reasons = _reasons(self, day.year).get(day, ()) if day in self._holidays else ()
        if day.weekday() >= 5:
            reasons = (
                Reason(
                    name=_WEEKDAY_NAMES[day.weekday() - 5],
                    divisions=(),
                    source="weekend",
                ),
                *reasons,
            )
        if not reasons:
            return None
        return NonWorkingDay(
            day=day, reasons=reasons, provisional=day > self.confirmed_until
        )


@functools.lru_cache(maxsize=8)
def _numpy_tables(
    calendar: WorkingDayCalendar,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """A calendar's tables as arrays: counts by day, working days as epoch days.

    Kept outside the class: a cached property would give the class a
    ``__getattr__``, which slows every attribute access on the hot path.
    Worked out with numpy from the weekdays and the calendar's holidays, as
    :meth:`WorkingDayCalendar._fill` works out a year (the tests compare the two
    for every day): no date object is made.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for array input

    days = np.arange(
        epoch_day(FIRST_SUPPORTED_DAY), epoch_day(LAST_CALENDAR_DAY) + 1, dtype=np.int64
    )
    holidays = np.fromiter(
        map(epoch_day, calendar._holidays),
        dtype=np.int64,
        count=len(calendar._holidays),
    )
    # 1 January 1970 was a Thursday: weekday 3, counting Monday as 0.
    working = ((days + 3) % 7 < 5) & ~np.isin(days, holidays)
    counts = np.cumsum(working, dtype=np.int64)
    counts.flags.writeable = False
    found = days[working]
    found.flags.writeable = False
    return counts, found


_FIRST_EPOCH_DAY: Final = epoch_day(FIRST_SUPPORTED_DAY)


def _whole_number(value: object, param: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise InvalidInputError(param, value, "a whole number of working days")
    return operator.index(value)


def supported_day(day: date, param: str, calendar: str = "any") -> date:
    """``day``, if the library accepts it as an input (2000 to 2100).

    Every date given to the library (a date of receipt, an event, a day to report
    for) must lie in this span; the calendars count a year further, so that the
    deadlines of a request received at its end can still be counted.

    Args:
        day: The date to check.
        param: The name of the input it came from, for the message.
        calendar: The calendar it is for, for the message.

    Raises:
        OutsideCalendarRangeError: The day is outside the span.
    """
    if not FIRST_SUPPORTED_DAY <= day <= LAST_SUPPORTED_DAY:
        raise OutsideCalendarRangeError(
            param, day, FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY, calendar
        )
    return day


def get_calendar(name: str, *, data: HolidayData | None = None) -> WorkingDayCalendar:
    """The working-day calendar called ``name``, built once per process.

    Args:
        name: ``"uk"`` (FOIA, EIR), ``"scotland"`` (FOISA, EISR),
            ``"england-and-wales"`` or ``"northern-ireland"``.
        data: Holiday data to build from; if omitted, the library's default
            data (:func:`~foi_deadlines.holiday_store.default_data`): the bundled
            copy plus the user's installed gov.uk update and proclaimed days, or
            the file ``FOI_DEADLINES_HOLIDAYS`` names. Pass
            ``HolidayData.bundled()`` for the shipped data alone, or data with a
            newer gov.uk file or a proclaimed day added (see
            :class:`~foi_deadlines.bank_holidays.HolidayData`).

    Returns:
        The calendar.

    Raises:
        UnknownCalendarError: ``name`` is not one of the names above.

    >>> get_calendar("uk").name
    'uk'
    """
    key = name.strip().lower() if isinstance(name, str) else name
    if key not in DEFINITIONS:
        raise UnknownCalendarError(name, CALENDAR_NAMES)
    return _build(key, default_data() if data is None else data)


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a calendar is built.

    A build allocates tens of thousands of objects, none of them in cycles, and the
    collector would otherwise scan the whole process several times over; it is
    restored as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@functools.lru_cache(maxsize=32)
def _build(name: str, data: HolidayData) -> WorkingDayCalendar:
    with _without_cyclic_gc():
        return _tables(name, data)


def _tables(name: str, data: HolidayData) -> WorkingDayCalendar:
    """A calendar with its holidays known and its day tables still empty.

    The count of working days up to any day is worked out from the weekdays and
    the holidays before it, so the tables can be filled a year at a time, in any
    order (:meth:`WorkingDayCalendar._fill`).
    """
    definition = DEFINITIONS[name]
    first, last = FIRST_SUPPORTED_DAY, LAST_CALENDAR_DAY
    holidays = _weekday_holidays(definition, data, first.year, last.year)
    ordinals = sorted(day.toordinal() for day in holidays)
    before_first = _weekdays_before(first.toordinal())

    def counted_to(ordinal: int) -> int:
        weekdays = _weekdays_before(ordinal + 1) - before_first
        return weekdays - bisect.bisect_right(ordinals, ordinal)

    year_starts = tuple(
        counted_to(date(year, 1, 1).toordinal() - 1)
        for year in range(first.year, last.year + 2)
    )
    confirmed_until = min(data.confirmed_until(d) for d in definition.divisions)
    last_confirmed = min(max(confirmed_until, first - _ONE_DAY), last)
    return WorkingDayCalendar(
        definition=definition,
        data_version=data.version,
        confirmed_until=confirmed_until,
        data=data,
        holidays=holidays,
        year_starts=year_starts,
        working_days=[None] * year_starts[-1],
        counted_to={},
        filled=bytearray(last.year - first.year + 1),
        last_confirmed=counted_to(last_confirmed.toordinal()) - 1,
    )


_ONE_DAY: Final = timedelta(days=1)


def _weekdays_before(ordinal: int) -> int:
    """How many weekdays there are before the day with this proleptic ordinal.

    Day 1 (1 January of year 1) is a Monday.
    """
    weeks, days = divmod(ordinal - 1, 7)
    return weeks * 5 + min(days, 5)


def _named_days(year: int) -> tuple[tuple[date, str], ...]:
    """The days the statutes name as non-working whatever the holiday data says."""
    return (
        (date(year, 12, 25), "Christmas Day"),
        (easter(year) - timedelta(days=2), "Good Friday"),
    )


def _weekday_holidays(
    definition: CalendarDefinition, data: HolidayData, first_year: int, last_year: int
) -> frozenset[date]:
    """The weekdays that are not working days: holidays and the named days."""
    days = {
        day
        for division in definition.divisions
        for day in data.holidays_by_day(division, first_year, last_year)
        if day.weekday() < 5
    }
    for year in range(first_year, last_year + 1):
        days.update(day for day, _ in _named_days(year) if day.weekday() < 5)
    return frozenset(days)


@functools.lru_cache(maxsize=1024)
def _reasons(calendar: WorkingDayCalendar, year: int) -> dict[date, tuple[Reason, ...]]:
    """Why each weekday holiday of a calendar in ``year`` is one, when first asked.

    The years either side are read too, for a proclaimed day that moves a bank
    holiday across the new year. Kept outside the class for the reason given at
    :func:`_numpy_tables`.
    """
    first = max(year - 1, FIRST_SUPPORTED_DAY.year)
    last = min(year + 1, LAST_CALENDAR_DAY.year)
    reasons = _weekday_reasons(calendar.definition, calendar._data, first, last)
    return {day: why for day, why in reasons.items() if day.year == year}


def _weekday_reasons(
    definition: CalendarDefinition, data: HolidayData, first_year: int, last_year: int
) -> dict[date, tuple[Reason, ...]]:
    """The weekday holidays of a calendar with their reasons, grouped by name."""
    entries: dict[date, dict[str, list[Holiday]]] = {}
    for division in definition.divisions:
        for day, holidays in data.holidays_by_day(
            division, first_year, last_year
        ).items():
            if day.weekday() < 5:
                for holiday in holidays:
                    entries.setdefault(day, {}).setdefault(holiday.name, []).append(
                        holiday
                    )
    # Most reasons recur every year (Christmas Day, in every division, from the
    # same source): make each distinct one once.
    made: dict[tuple[str, tuple[Division, ...], str], Reason] = {}

    def reason(name: str, group: list[Holiday]) -> Reason:
        key = (name, tuple(h.division for h in group), group[0].source)
        found = made.get(key)
        if found is None:
            found = made[key] = Reason(name=key[0], divisions=key[1], source=key[2])
        return found

    reasons = {
        day: tuple(reason(name, group) for name, group in by_name.items())
        for day, by_name in entries.items()
    }
    for year in range(first_year, last_year + 1):
        for day, name in _named_days(year):
            if day.weekday() < 5 and day not in reasons:
                reasons[day] = (
                    Reason(name=name, divisions=(), source=definition.named_days_basis),
                )
    return dict(sorted(reasons.items()))
