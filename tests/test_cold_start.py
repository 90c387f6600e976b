"""A first deadline does only the work it needs: tables by year, modules on demand.

The calendars fill their tables a year at a time, for the years a call touches;
these tests check that any order of filling gives the tables an eager build gives,
and that importing the package and building a calendar leaves the slow imports
(the ``holidays`` package, ``importlib.metadata``, time zone data) alone.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_deadlines import HolidayData, WorkingDayCalendar, calendars, get_calendar
from foi_deadlines.bank_holidays import FIRST_SUPPORTED_DAY, LAST_CALENDAR_DAY
from tests.oracles import filled_tables

NAMES = ("uk", "scotland", "england-and-wales", "northern-ireland")
SPAN = (LAST_CALENDAR_DAY - FIRST_SUPPORTED_DAY).days


def fresh(name: str) -> WorkingDayCalendar:
    """A new calendar with empty tables (not the one the process shares)."""
    return calendars._tables(name, HolidayData.bundled())


def eager(calendar: WorkingDayCalendar) -> tuple[list[int], list[date]]:
    """Both tables counted one day at a time, from the definition of a working day."""
    counts, working = [], []
    count = 0
    day = FIRST_SUPPORTED_DAY
    while day <= LAST_CALENDAR_DAY:
        if calendar.is_working_day(day, warn=False):
            working.append(day)
            count += 1
        counts.append(count)
        day += timedelta(days=1)
    return counts, working


@pytest.mark.parametrize("name", NAMES)
def test_tables_filled_in_any_order_equal_an_eager_count(name: str) -> None:
    calendar = fresh(name)
    # Fill from the last year back, the reverse of date order.
    for year in reversed(range(FIRST_SUPPORTED_DAY.year, LAST_CALENDAR_DAY.year + 1)):
        calendar._fill(year)
    assert filled_tables(calendar) == eager(fresh(name))


def test_a_first_call_fills_only_the_years_it_touches() -> None:
    calendar = fresh("uk")
    assert calendar.add_working_days(date(2024, 12, 19), 20) == date(2025, 1, 22)
    filled = {
        FIRST_SUPPORTED_DAY.year + index
        for index, done in enumerate(calendar._filled)
        if done
    }
    assert filled == {2024, 2025}


def test_the_confirmed_position_is_the_last_confirmed_working_day() -> None:
    calendar = fresh("uk")
    last = calendar._working_day(calendar._last_confirmed)
    assert last <= calendar.confirmed_until
    assert calendar._working_day(calendar._last_confirmed + 1) > (
        calendar.confirmed_until
    )


@settings(max_examples=60)
@given(
    name=st.sampled_from(NAMES),
    calls=st.lists(
        st.tuples(st.integers(0, SPAN - 400), st.integers(-250, 250)),
        min_size=1,
        max_size=6,
    ),
)
def test_any_first_calls_agree_with_the_shared_calendar(
    name: str, calls: list[tuple[int, int]]
) -> None:
    """Whatever a new calendar is asked first, it answers as a filled one does."""
    calendar, shared = fresh(name), get_calendar(name, data=HolidayData.bundled())
    for offset, count in calls:
        start = FIRST_SUPPORTED_DAY + timedelta(days=offset)
        # Counting back from the first year could leave the calendar.
        n = abs(count) if offset < 400 else count
        end = start + timedelta(days=abs(n))
        assert calendar.add_working_days(start, n, warn=False) == (
            shared.add_working_days(start, n, warn=False)
        )
        assert calendar.working_days_between(start, end, warn=False) == (
            shared.working_days_between(start, end, warn=False)
        )


def test_reasons_are_read_a_year_at_a_time_across_the_new_year() -> None:
    calendar = fresh("uk")
    days = calendar.non_working_days(
        date(2026, 12, 24), date(2027, 1, 5), include_weekends=False
    )
    assert [(d.day, d.reasons[0].name) for d in days] == [
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (substitute day)"),
        (date(2027, 1, 1), "New Year’s Day"),
        (date(2027, 1, 4), "2nd January (substitute day)"),
    ]


_PROBE = """
import sys
import foi_deadlines
package_only = sorted(m for m in sys.modules if m.startswith("foi_deadlines."))
calendar = foi_deadlines.get_calendar("uk")
from datetime import date
assert str(calendar.add_working_days(date(2024, 12, 19), 20)) == "2025-01-22"
slow = ("holidays", "importlib.metadata", "zoneinfo", "dateutil.tz", "numpy")
print(package_only, sorted(m for m in slow if m in sys.modules))
"""


@pytest.mark.skipif(sys.platform == "emscripten", reason="needs a subprocess")
def test_a_first_calendar_imports_nothing_slow() -> None:
    """Checked in a new interpreter, where nothing has been imported yet."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[] []"


def test_public_names_resolve_on_demand() -> None:
    import foi_deadlines  # noqa: PLC0415

    for name in foi_deadlines.__all__:
        assert getattr(foi_deadlines, name) is not None
    assert set(foi_deadlines.__all__) <= set(dir(foi_deadlines))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        foi_deadlines.nothing  # noqa: B018


@pytest.mark.parametrize("name", NAMES)
def test_the_array_tables_equal_the_year_tables(name: str) -> None:
    np = pytest.importorskip("numpy")
    calendar = fresh(name)
    counts, working = calendars._numpy_tables(calendar)
    expected_counts, expected_days = filled_tables(calendar)
    assert counts.tolist() == expected_counts
    epoch = np.array(expected_days, dtype="datetime64[D]").astype(np.int64)
    assert working.tolist() == epoch.tolist()
