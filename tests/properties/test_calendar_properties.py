"""Property tests for foi_deadlines.calendars: working-day arithmetic, 2000-2035."""

from __future__ import annotations

import functools
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import assume, given, reject, settings
from hypothesis import strategies as st

from foi_deadlines import (
    Division,
    HolidayData,
    OutsideCalendarRangeError,
    WorkingDayCalendar,
    get_calendar,
)
from tests.oracles import provisional_ok
from tests.strategies import FIRST, LAST, calendar_names, days

DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")

#: Up to a year of working days either way, never zero.
forward = st.integers(1, 250)
backward = st.integers(-250, -1)
nonzero = forward | backward
any_count = st.integers(-250, 250)


def working_days_before(cal: WorkingDayCalendar, day: date) -> int:
    """How many working days the calendar has before ``day``, from its first day."""
    before = cal.working_days_between(cal.first_day, day)
    before += int(cal.is_working_day(cal.first_day))
    before -= int(cal.is_working_day(day))
    return before


def add(cal: WorkingDayCalendar, start: date, n: int) -> date:
    """``cal.add_working_days``, rejecting the example if it runs off the calendar.

    A refusal is only accepted when counting back really does run out of days.
    """
    try:
        return cal.add_working_days(start, n)
    except OutsideCalendarRangeError:
        assert n < 0, f"{n} working days after {start} refused"
        assert working_days_before(cal, start) < -n
        reject()


def naive_add(cal: WorkingDayCalendar, start: date, n: int) -> date:
    """The ``n``-th working day from ``start``, found one calendar day at a time."""
    step = timedelta(days=1 if n > 0 else -1)
    day = start
    remaining = abs(n)
    while remaining:
        day += step
        if cal.is_working_day(day):
            remaining -= 1
    return day


@functools.cache
def numpy_holidays(name: str) -> npt.NDArray[np.datetime64]:
    """The calendar's non-working weekdays over its whole span, for numpy."""
    cal = get_calendar(name)
    with provisional_ok():
        listed = cal.non_working_days(
            cal.first_day, cal.last_day, include_weekends=False
        )
    return np.array([nwd.day for nwd in listed], dtype="datetime64[D]")


def numpy_offset(
    name: str, starts: npt.NDArray[np.datetime64], n: int
) -> npt.NDArray[np.datetime64]:
    """``np.busday_offset`` with the calendar's holidays, start as day 0."""
    return np.busday_offset(
        starts,
        n,
        roll="backward" if n > 0 else "forward",
        holidays=numpy_holidays(name),
    )


class TestAddWorkingDaysProperties:
    @given(calendar_names, days, nonzero)
    def test_result_is_a_working_day_on_the_right_side(
        self, name: str, start: date, n: int
    ) -> None:
        """The result is a working day: after the start for n > 0, before for n < 0."""
        cal = get_calendar(name)
        with provisional_ok():
            result = add(cal, start, n)
            assert cal.is_working_day(result)
            assert cal.non_working_day(result) is None
        if n > 0:
            assert result > start
        else:
            assert result < start

    @given(calendar_names, days, any_count)
    def test_counting_back_gives_n(self, name: str, start: date, n: int) -> None:
        """working_days_between(d, add_working_days(d, n)) == n, d working or n >= 0."""
        cal = get_calendar(name)
        with provisional_ok():
            result = add(cal, start, n)
            start_counts = cal.is_working_day(start)
            between = cal.working_days_between(start, result)
            assert cal.working_days_between(result, start) == -between
        if n >= 0 or start_counts:
            assert between == n
        else:
            # Counting back from a non-working day d lands on the |n|-th working day
            # before d, but working_days_between counts (result, d], which holds only
            # |n| - 1 working days: the "for every n" round trip that the
            # add_working_days docstring promises does not hold here (for example
            # Monday 25 December 2000, n = -1, gives Friday 22 December, and
            # working_days_between is 0).
            assert between == n + 1

    @given(calendar_names, days, st.integers(0, 40), any_count)
    def test_monotonic(self, name: str, early: date, gap: int, n: int) -> None:
        """A later start never gives an earlier result."""
        cal = get_calendar(name)
        late = early + timedelta(days=gap)
        with provisional_ok():
            assert add(cal, early, n) <= add(cal, late, n)

    @given(calendar_names, days, forward, forward)
    def test_additive(self, name: str, start: date, a: int, b: int) -> None:
        """Counting a days and then b days is counting a + b days."""
        cal = get_calendar(name)
        with provisional_ok():
            assert cal.add_working_days(
                cal.add_working_days(start, a), b
            ) == cal.add_working_days(start, a + b)

    @given(calendar_names, days, backward, backward)
    def test_additive_backwards(self, name: str, start: date, a: int, b: int) -> None:
        """Counting back a days and then b days is counting back a + b days."""
        cal = get_calendar(name)
        with provisional_ok():
            assert add(cal, add(cal, start, a), b) == add(cal, start, a + b)

    @given(calendar_names, days, st.integers(-60, 60))
    def test_matches_day_by_day_loop(self, name: str, start: date, n: int) -> None:
        """The table look-up agrees with stepping one calendar day at a time."""
        cal = get_calendar(name)
        with provisional_ok():
            try:
                expected = naive_add(cal, start, n)
            except OutsideCalendarRangeError:
                assert n < 0
                with pytest.raises(OutsideCalendarRangeError, match=r"^result"):
                    cal.add_working_days(start, n)
            else:
                assert cal.add_working_days(start, n) == expected

    @given(calendar_names, days, forward)
    def test_non_working_receipt_counts_from_previous_working_day(
        self, name: str, start: date, n: int
    ) -> None:
        """Counting forward from a non-working day is counting from the one before."""
        cal = get_calendar(name)
        with provisional_ok():
            assume(not cal.is_working_day(start))
            previous = add(cal, start, -1)
            assert cal.add_working_days(start, n) == cal.add_working_days(previous, n)

    @given(calendar_names, days, backward)
    def test_non_working_start_counts_back_from_next_working_day(
        self, name: str, start: date, n: int
    ) -> None:
        """Counting back from a non-working day is counting back from the one after."""
        cal = get_calendar(name)
        with provisional_ok():
            assume(not cal.is_working_day(start))
            following = cal.add_working_days(start, 1)
            assert add(cal, start, n) == add(cal, following, n)


class TestAgreesWithNumpy:
    @given(calendar_names, days, nonzero)
    def test_scalar(self, name: str, start: date, n: int) -> None:
        """add_working_days agrees with np.busday_offset given the same holidays."""
        cal = get_calendar(name)
        single = np.array([start], dtype="datetime64[D]")
        expected = numpy_offset(name, single, n)[0].item()
        with provisional_ok():
            if expected < cal.first_day:
                with pytest.raises(OutsideCalendarRangeError, match=r"^result"):
                    cal.add_working_days(start, n)
            else:
                assert cal.add_working_days(start, n) == expected

    @given(calendar_names, st.lists(days, min_size=1, max_size=40), nonzero)
    def test_vectorised(self, name: str, starts: list[date], n: int) -> None:
        """add_working_days_many on a datetime64 array agrees with np.busday_offset."""
        cal = get_calendar(name)
        array = np.array(starts, dtype="datetime64[D]")
        expected = numpy_offset(name, array, n)
        with provisional_ok():
            if expected.min() < np.datetime64(cal.first_day, "D"):
                with pytest.raises(OutsideCalendarRangeError, match=r"^result"):
                    cal.add_working_days_many(array, n)
                return
            result = cal.add_working_days_many(array, n)
        assert result.dtype == np.dtype("datetime64[D]")
        assert result.shape == array.shape
        np.testing.assert_array_equal(result, expected)


class TestUnionCalendar:
    @given(days)
    def test_uk_working_day_is_a_working_day_everywhere(self, day: date) -> None:
        """A UK working day is a working day in every division, and conversely."""
        with provisional_ok():
            in_uk = get_calendar("uk").is_working_day(day)
            in_divisions = [
                get_calendar(name).is_working_day(day) for name in DIVISIONS
            ]
        if in_uk:
            assert all(in_divisions)
        else:
            assert not all(in_divisions)

    @given(days)
    def test_uk_deadline_is_never_earlier(self, received: date) -> None:
        """The 20th UK working day is never earlier than any one division's."""
        with provisional_ok():
            uk_due = get_calendar("uk").add_working_days(received, 20)
            for name in DIVISIONS:
                assert uk_due >= get_calendar(name).add_working_days(received, 20)


class TestProclaimedHoliday:
    @settings(max_examples=20, deadline=None)
    @given(
        days, st.integers(0, 45), st.sets(st.sampled_from(list(Division)), min_size=1)
    )
    def test_extra_holiday_delays_by_at_most_one_day(
        self, received: date, offset: int, divisions: set[Division]
    ) -> None:
        """A newly proclaimed holiday delays the 20th working day by at most one."""
        holiday = received + timedelta(days=offset)
        old = get_calendar("uk")
        data = HolidayData.bundled().with_proclaimed(
            holiday, "x", divisions=sorted(divisions)
        )
        new = get_calendar("uk", data=data)
        with provisional_ok():
            before = old.add_working_days(received, 20)
            after = new.add_working_days(received, 20)
            delayed = old.add_working_days(before, 1)
            assert not new.is_working_day(holiday)
            takes_a_day = old.is_working_day(holiday) and received < holiday <= before
        assert before <= after <= delayed
        assert after == (delayed if takes_a_day else before)


class TestFoiaDeadlineSpan:
    def test_twenty_working_days_is_26_to_42_calendar_days(self) -> None:
        """Every receipt date 2000-2035 gets a UK deadline 26 to 42 days later."""
        uk = get_calendar("uk")
        gaps: dict[int, date] = {}
        received = FIRST
        with provisional_ok():
            while received <= LAST:
                gap = (uk.add_working_days(received, 20) - received).days
                assert 26 <= gap <= 42, received
                gaps.setdefault(gap, received)
                received += timedelta(days=1)
        assert 26 <= min(gaps) <= max(gaps) <= 42
        # What is actually reached: 26 days from a Sunday; 35 days from Thursday
        # 29 November across St Andrew's Day, Christmas and New Year.
        assert min(gaps) == 26
        assert max(gaps) == 35
        assert gaps[26] == date(2000, 1, 9)
        assert gaps[35] == date(2007, 11, 29)
