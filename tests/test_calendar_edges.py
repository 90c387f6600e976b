"""Edge cases of foi_deadlines.calendars: the ends of the span, the provisional
horizon, the Christmas Day and Good Friday fallback, and custom holiday data.

Every expected date below was worked out by hand from a printed calendar and the
gov.uk bank holiday lists (or, for years gov.uk does not list, from the Banking and
Financial Dealings Act 1971 Schedule 1).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import numpy as np
import pytest

from foi_deadlines import (
    Division,
    HolidayData,
    OutsideCalendarRangeError,
    ProvisionalDateWarning,
    get_calendar,
)
from foi_deadlines.calendars import CalendarDefinition, Reason
from tests.holiday_files import official_list

ALL = ("uk", "scotland", "england-and-wales", "northern-ireland")

# The bundled gov.uk copy runs to the end of 2028. Friday 29 December 2028 is the
# last working day on or before that (30 and 31 December are a weekend), and
# Monday 1 January 2029 (New Year's Day) and Tuesday 2 January 2029 (2nd January,
# Scotland) are bank holidays, so on the UK calendar the next working day is
# Wednesday 3 January 2029.
CONFIRMED_UNTIL = date(2028, 12, 31)
LAST_CONFIRMED_WORKING_DAY = date(2028, 12, 29)
FIRST_PROVISIONAL_UK_WORKING_DAY = date(2029, 1, 3)

# 1 January 2000 was a Saturday. Monday 3 January was the New Year substitute
# everywhere, and Tuesday 4 January the 2nd January substitute in Scotland, so the
# first UK working day of the span is Wednesday 5 January 2000, and the first in
# England and Wales is Tuesday 4 January 2000.
FIRST_DAY = date(2000, 1, 1)
FIRST_UK_WORKING_DAY = date(2000, 1, 5)
FIRST_ENGLAND_WORKING_DAY = date(2000, 1, 4)

# 31 December 2101 is a Saturday: the last working day of the span is Friday
# 30 December 2101 (Christmas Day 2101 is a Sunday; its substitute and Boxing Day
# fall on the Monday and Tuesday before).
LAST_DAY = date(2101, 12, 31)
LAST_WORKING_DAY = date(2101, 12, 30)


@contextmanager
def no_provisional_warning() -> Iterator[None]:
    """Fail if a ProvisionalDateWarning is given inside the block."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ProvisionalDateWarning)
        yield


@contextmanager
def provisional_ignored() -> Iterator[None]:
    """Ignore ProvisionalDateWarning inside the block (for days far in the future)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        yield


def day64(*days: str) -> np.ndarray[tuple[int], np.dtype[np.datetime64]]:
    return np.array(days, dtype="datetime64[D]")


# -- constructors --------------------------------------------------------------------


def test_calendar_definition_takes_keywords_only() -> None:
    """A calendar definition cannot be built from positional arguments."""
    with pytest.raises(TypeError):
        CalendarDefinition("x", "X", (), "citation", "basis", "excludes")  # type: ignore[call-arg]


def test_reason_takes_keywords_only() -> None:
    """A reason cannot be built from positional arguments."""
    with pytest.raises(TypeError):
        Reason("Saturday", (), "weekend")  # type: ignore[call-arg]
    assert Reason(name="Saturday", divisions=(), source="weekend").describe() == (
        "Saturday"
    )


# -- the provisional horizon ---------------------------------------------------------


def test_result_on_the_last_confirmed_working_day_does_not_warn() -> None:
    """Landing exactly on the last confirmed working day is not provisional."""
    uk = get_calendar("uk")
    assert uk.confirmed_until == CONFIRMED_UNTIL
    with no_provisional_warning():
        assert uk.add_working_days(date(2028, 12, 27), 2) == LAST_CONFIRMED_WORKING_DAY
        assert uk.add_working_days(date(2029, 1, 3), -1) == LAST_CONFIRMED_WORKING_DAY
        assert uk.is_working_day(LAST_CONFIRMED_WORKING_DAY)
        assert not uk.is_working_day(CONFIRMED_UNTIL)  # a Sunday
        assert not uk.is_provisional(CONFIRMED_UNTIL)


def test_result_one_working_day_past_the_horizon_warns() -> None:
    """The first working day after the confirmed data is provisional."""
    uk = get_calendar("uk")
    with pytest.warns(ProvisionalDateWarning, match="2028-12-31"):
        result = uk.add_working_days(LAST_CONFIRMED_WORKING_DAY, 1)
    assert result == FIRST_PROVISIONAL_UK_WORKING_DAY
    assert uk.is_provisional(date(2029, 1, 1))


def test_zero_and_negative_counts_inside_the_data_do_not_warn() -> None:
    """Counting zero days, or back, within the confirmed data gives no warning."""
    uk = get_calendar("uk")
    with no_provisional_warning():
        assert uk.add_working_days(date(2025, 1, 6), 0) == date(2025, 1, 6)
        assert uk.add_working_days(date(2025, 1, 4), 0) == date(2025, 1, 4)
        # Back from Monday 6 January 2025: Friday 3 January, then Tuesday
        # 31 December 2024 (1 and 2 January are bank holidays).
        assert uk.add_working_days(date(2025, 1, 6), -1) == date(2025, 1, 3)
        assert uk.add_working_days(date(2025, 1, 6), -2) == date(2024, 12, 31)


def test_negative_count_to_a_provisional_day_warns() -> None:
    """Counting back to a day after the confirmed data is flagged too."""
    uk = get_calendar("uk")
    with pytest.warns(ProvisionalDateWarning):
        result = uk.add_working_days(date(2029, 1, 4), -1)
    assert result == FIRST_PROVISIONAL_UK_WORKING_DAY


def test_next_working_day_warns_by_default() -> None:
    """The next working day after the horizon is flagged unless asked not to."""
    uk = get_calendar("uk")
    with pytest.warns(ProvisionalDateWarning):
        result = uk.next_working_day(LAST_CONFIRMED_WORKING_DAY)
    assert result == FIRST_PROVISIONAL_UK_WORKING_DAY
    with no_provisional_warning():
        assert (
            uk.next_working_day(LAST_CONFIRMED_WORKING_DAY, warn=False)
            == FIRST_PROVISIONAL_UK_WORKING_DAY
        )
        # England and Wales does not keep 2 January.
        assert get_calendar("england-and-wales").next_working_day(
            LAST_CONFIRMED_WORKING_DAY, warn=False
        ) == date(2029, 1, 2)


def test_previous_working_day_excludes_the_start_by_default() -> None:
    """The previous working day of a working day is the one before it."""
    uk = get_calendar("uk")
    with no_provisional_warning():
        # Monday 6 January 2025 is a working day; the one before is Friday 3rd.
        assert uk.previous_working_day(date(2025, 1, 6)) == date(2025, 1, 3)
        assert uk.previous_working_day(FIRST_PROVISIONAL_UK_WORKING_DAY) == (
            LAST_CONFIRMED_WORKING_DAY
        )


def test_working_days_between_up_to_the_horizon_does_not_warn() -> None:
    """A count that starts or ends exactly on the last confirmed day is confirmed.

    December 2028 after Friday the 1st: 4-8, 11-15, 18-22 and 27-29 December (25
    and 26 December are Christmas Day and Boxing Day), 18 working days.
    """
    uk = get_calendar("uk")
    with no_provisional_warning():
        assert uk.working_days_between(date(2028, 12, 1), CONFIRMED_UNTIL) == 18
        assert uk.working_days_between(CONFIRMED_UNTIL, date(2028, 12, 1)) == -18


def test_working_days_between_past_the_horizon_warns_by_default() -> None:
    """A count that reaches past the confirmed data is flagged, either way round."""
    uk = get_calendar("uk")
    with pytest.warns(ProvisionalDateWarning):
        count = uk.working_days_between(
            LAST_CONFIRMED_WORKING_DAY, FIRST_PROVISIONAL_UK_WORKING_DAY
        )
    assert count == 1
    with pytest.warns(ProvisionalDateWarning):
        count = uk.working_days_between(date(2029, 1, 1), CONFIRMED_UNTIL)
    assert count == 0
    with no_provisional_warning():
        assert (
            uk.working_days_between(
                FIRST_PROVISIONAL_UK_WORKING_DAY, CONFIRMED_UNTIL, warn=False
            )
            == -1
        )


def test_non_working_days_are_provisional_only_after_the_horizon() -> None:
    """The provisional flag turns on on the first day after the confirmed data."""
    uk = get_calendar("uk")
    days = uk.non_working_days(CONFIRMED_UNTIL, date(2029, 1, 2))
    assert [(x.day, x.provisional) for x in days] == [
        (CONFIRMED_UNTIL, False),
        (date(2029, 1, 1), True),
        (date(2029, 1, 2), True),
    ]


def test_numpy_results_on_the_horizon() -> None:
    """An array warns only when a result lies past the last confirmed working day."""
    uk = get_calendar("uk")
    with no_provisional_warning():
        result = uk.add_working_days_many(day64("2028-12-28", "2025-01-03"), 1)
    assert result.tolist() == [LAST_CONFIRMED_WORKING_DAY, date(2025, 1, 6)]
    with pytest.warns(ProvisionalDateWarning):
        result = uk.add_working_days_many(day64("2028-12-29"), 1)
    assert result.tolist() == [FIRST_PROVISIONAL_UK_WORKING_DAY]


# -- the first days of the span ------------------------------------------------------


def test_first_and_last_day() -> None:
    """Every calendar covers 1 January 2000 to 31 December 2101."""
    for name in ALL:
        calendar = get_calendar(name)
        assert calendar.first_day == FIRST_DAY
        assert calendar.last_day == LAST_DAY


def test_first_day_is_accepted_and_the_day_before_refused() -> None:
    """1 January 2000 is in the span; 31 December 1999 is not."""
    uk = get_calendar("uk")
    assert not uk.is_working_day(FIRST_DAY)  # a Saturday
    with pytest.raises(OutsideCalendarRangeError) as info:
        uk.is_working_day(date(1999, 12, 31))
    assert info.value.param == "day"
    assert info.value.value == date(1999, 12, 31)


def test_first_non_working_days() -> None:
    """The span opens with a weekend and the New Year substitute days."""
    uk = get_calendar("uk")
    days = uk.non_working_days(FIRST_DAY, FIRST_UK_WORKING_DAY)
    assert [x.day for x in days] == [
        date(2000, 1, 1),
        date(2000, 1, 2),
        date(2000, 1, 3),
        date(2000, 1, 4),
    ]
    england = get_calendar("england-and-wales").non_working_days(
        FIRST_DAY, FIRST_UK_WORKING_DAY, include_weekends=False
    )
    assert [x.day for x in england] == [date(2000, 1, 3)]


def test_first_working_day_counting_forward() -> None:
    """Day 1 from 1 January 2000 is the first working day of the span."""
    uk = get_calendar("uk")
    assert uk.add_working_days(FIRST_DAY, 1) == FIRST_UK_WORKING_DAY
    # The same through the checked path: a numpy count, and a timestamp.
    assert uk.add_working_days(FIRST_DAY, np.int64(1)) == FIRST_UK_WORKING_DAY  # type: ignore[arg-type]
    assert uk.add_working_days(datetime(2000, 1, 1, 9, 30), 1) == FIRST_UK_WORKING_DAY  # noqa: DTZ001 - naive is UK local time
    assert uk.next_working_day(FIRST_DAY) == FIRST_UK_WORKING_DAY
    assert (
        get_calendar("england-and-wales").add_working_days(FIRST_DAY, 1)
        == FIRST_ENGLAND_WORKING_DAY
    )
    assert uk.working_days_between(FIRST_DAY, date(2000, 1, 7)) == 3


def test_first_working_day_counting_back() -> None:
    """Counting back reaches the first working day, and no further."""
    uk = get_calendar("uk")
    assert uk.add_working_days(date(2000, 1, 6), -1) == FIRST_UK_WORKING_DAY
    assert uk.add_working_days(date(2000, 1, 4), 0) == date(2000, 1, 4)
    assert (
        get_calendar("england-and-wales").add_working_days(FIRST_UK_WORKING_DAY, -1)
        == FIRST_ENGLAND_WORKING_DAY
    )
    for start, n in [
        (date(2000, 1, 6), -2),
        (FIRST_UK_WORKING_DAY, -1),
        (date(2000, 1, 4), -1),
        (FIRST_DAY, -1),
    ]:
        with pytest.raises(OutsideCalendarRangeError) as info:
            uk.add_working_days(start, n)
        assert info.value.param == "result"
    with pytest.raises(OutsideCalendarRangeError):
        uk.previous_working_day(FIRST_UK_WORKING_DAY)
    assert (
        uk.previous_working_day(FIRST_UK_WORKING_DAY, include_start=True)
        == FIRST_UK_WORKING_DAY
    )


# -- the last days of the span -------------------------------------------------------


def test_last_day_is_accepted_and_the_day_after_refused() -> None:
    """31 December 2101 is in the span; 1 January 2102 is not."""
    uk = get_calendar("uk")
    with provisional_ignored():
        assert not uk.is_working_day(LAST_DAY)  # a Saturday
        assert uk.add_working_days(LAST_DAY, 0) == LAST_DAY
    with pytest.raises(OutsideCalendarRangeError) as info:
        uk.add_working_days(date(2102, 1, 1), 0)
    assert info.value.param == "start"


def test_last_working_day_of_the_span() -> None:
    """The last working day can be reached from either side, and not passed."""
    uk = get_calendar("uk")
    with provisional_ignored():
        assert uk.add_working_days(date(2101, 12, 29), 1) == LAST_WORKING_DAY
        assert uk.add_working_days(datetime(2101, 12, 29, 17), 1) == LAST_WORKING_DAY  # noqa: DTZ001 - naive is UK local time
        assert uk.add_working_days(LAST_DAY, -1) == LAST_WORKING_DAY
        assert uk.previous_working_day(LAST_DAY) == LAST_WORKING_DAY
        for start in (LAST_WORKING_DAY, LAST_DAY):
            with pytest.raises(OutsideCalendarRangeError) as info:
                uk.add_working_days(start, 1)
            assert info.value.param == "result"
        with pytest.raises(OutsideCalendarRangeError):
            uk.next_working_day(LAST_WORKING_DAY)
        assert [x.day for x in uk.non_working_days(LAST_WORKING_DAY, LAST_DAY)] == [
            LAST_DAY
        ]


# -- arrays at the ends of the span --------------------------------------------------


def test_numpy_first_day_of_the_span() -> None:
    """An array may start on 1 January 2000 and reach the first working day."""
    uk = get_calendar("uk")
    assert uk.add_working_days_many(day64("2000-01-01"), 1).tolist() == [
        FIRST_UK_WORKING_DAY
    ]
    assert uk.add_working_days_many(day64("2000-01-06"), -1).tolist() == [
        FIRST_UK_WORKING_DAY
    ]
    assert uk.add_working_days_many(day64("2000-01-01"), 0).tolist() == [FIRST_DAY]


def test_numpy_counting_back_from_the_first_day_is_refused() -> None:
    """No working day lies before 1 January 2000."""
    uk = get_calendar("uk")
    for start in ("2000-01-01", "2000-01-05"):
        with pytest.raises(OutsideCalendarRangeError) as info:
            uk.add_working_days_many(day64(start), -1)
        assert info.value.param == "result"
        assert start in str(info.value)


def test_numpy_last_day_of_the_span() -> None:
    """An array reaches the last working day, and is refused one past it."""
    uk = get_calendar("uk")
    with provisional_ignored():
        assert uk.add_working_days_many(day64("2101-12-31"), -1).tolist() == [
            LAST_WORKING_DAY
        ]
        assert uk.add_working_days_many(day64("2101-12-29"), 1).tolist() == [
            LAST_WORKING_DAY
        ]
        with pytest.raises(OutsideCalendarRangeError) as info:
            uk.add_working_days_many(day64("2000-01-01", "2101-12-31"), 1)
    assert info.value.param == "result"
    assert "from 2101-12-31" in str(info.value.value)


@pytest.mark.parametrize(
    ("starts", "bad"),
    [
        (("1999-12-31",), "1999-12-31"),
        (("2102-01-01",), "2102-01-01"),
        (("2000-01-01", "2102-01-01"), "2102-01-01"),
        (("2101-12-31", "1999-06-01", "2020-01-01"), "1999-06-01"),
    ],
)
def test_numpy_starts_outside_the_span(starts: tuple[str, ...], bad: str) -> None:
    """A start outside the span is refused as a start, and the first one named."""
    with pytest.raises(OutsideCalendarRangeError) as info:
        get_calendar("uk").add_working_days_many(day64(*starts), 20)
    assert info.value.param == "starts"
    assert str(info.value.value) == bad


@pytest.mark.parametrize("n", [-5, 0, 5])
def test_numpy_empty_array(n: int) -> None:
    """An empty array gives an empty array of dates."""
    result = get_calendar("uk").add_working_days_many(day64(), n)
    assert result.dtype == np.dtype("datetime64[D]")
    assert result.shape == (0,)


# -- Christmas Day and Good Friday ---------------------------------------------------


def test_good_friday_in_the_last_year() -> None:
    """Good Friday 2101 (15 April) is not a working day in any calendar.

    FOIA s10(6) names Good Friday; in Scotland it is a bank holiday under the
    Banking and Financial Dealings Act 1971 Sch 1 para 2.
    """
    with provisional_ignored():
        for name in ALL:
            calendar = get_calendar(name)
            assert not calendar.is_working_day(date(2101, 4, 15)), name
            assert calendar.is_working_day(date(2101, 4, 14)), name
            described = calendar.non_working_day(date(2101, 4, 15))
            assert described is not None
            assert described.reasons[0].name == "Good Friday"


def test_weekend_christmas_is_only_a_weekend() -> None:
    """Christmas Day on a Saturday is explained as the Saturday it is.

    In 2021 Christmas Day fell on a Saturday; the bank holiday was moved to Monday
    27 December (gov.uk: "Christmas Day", substitute day).
    """
    uk = get_calendar("uk")
    christmas = uk.non_working_day(date(2021, 12, 25))
    assert christmas is not None
    assert christmas.reasons == (
        Reason(name="Saturday", divisions=(), source="weekend"),
    )
    substitute = uk.non_working_day(date(2021, 12, 27))
    assert substitute is not None
    assert [r.name for r in substitute.reasons] == ["Christmas Day (substitute day)"]


def test_named_days_kept_when_the_official_list_omits_them() -> None:
    """Christmas Day and Good Friday stay non-working whatever the data says.

    A Scottish official list for 2030 that has only New Year's Day is the word on
    Scottish bank holidays in 2030 (so 2 January and Boxing Day become working
    days), but Christmas Day is named in FOISA 2002 s73 and Good Friday (19 April
    2030) in the 1971 Act, and both are still skipped, with that basis as reason.
    """
    data = HolidayData(
        official=(
            official_list(
                "2030 test list", Division.SCOTLAND, ("2030-01-01", "New Year’s Day")
            ),
        ),
    )
    scotland = get_calendar("scotland", data=data)
    basis = scotland.definition.named_days_basis
    assert "FOISA 2002 s73" in basis
    with no_provisional_warning():
        assert not scotland.is_working_day(date(2030, 1, 1))
        assert scotland.is_working_day(date(2030, 1, 2))
        assert scotland.is_working_day(date(2030, 12, 26))
        for day, name in [
            (date(2030, 4, 19), "Good Friday"),
            (date(2030, 12, 25), "Christmas Day"),
        ]:
            assert not scotland.is_working_day(day)
            described = scotland.non_working_day(day)
            assert described is not None
            assert described.reasons == (Reason(name=name, divisions=(), source=basis),)
            assert described.describe().endswith(f": {name}")
        # With 2 January a working day (day 1), the 20th working day after New
        # Year's Day 2030 is Tuesday 29 January.
        assert scotland.add_working_days(date(2030, 1, 1), 20) == date(2030, 1, 29)
