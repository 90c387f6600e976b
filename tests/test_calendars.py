"""Tests for foi_deadlines.calendars: which days count, and the arithmetic."""

from __future__ import annotations

import csv
import warnings
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from dateutil.easter import easter

import foi_deadlines
from foi_deadlines import (
    FoiDeadlinesError,
    InvalidDateError,
    InvalidInputError,
    OutsideCalendarRangeError,
    ProvisionalDateWarning,
    UnknownCalendarError,
    get_calendar,
)

GOLDEN = Path(__file__).parent / "golden"
ALL = ("uk", "scotland", "england-and-wales", "northern-ireland")


def d(text: str) -> date:
    return date.fromisoformat(text)


class TestGetCalendar:
    def test_names(self) -> None:
        """Each documented name gives the calendar of that name."""
        for name in ALL:
            assert get_calendar(name).name == name
        assert foi_deadlines.CALENDAR_NAMES == ALL

    def test_built_once(self) -> None:
        """Asking twice gives the same calendar object."""
        assert get_calendar("uk") is get_calendar("uk")

    def test_name_is_case_insensitive(self) -> None:
        """Names are matched without regard to case or surrounding spaces."""
        assert get_calendar(" UK ") is get_calendar("uk")

    @pytest.mark.parametrize("name", ["england", "gb", "", "foia"])
    def test_unknown_name_lists_valid_ones(self, name: str) -> None:
        """An unknown name is refused with the list of valid names."""
        with pytest.raises(UnknownCalendarError) as info:
            get_calendar(name)
        message = str(info.value)
        assert repr(name) in message
        for valid in ALL:
            assert repr(valid) in message
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, FoiDeadlinesError)

    def test_non_string_name(self) -> None:
        """A name that is not a string is refused the same way."""
        with pytest.raises(UnknownCalendarError):
            get_calendar(20)  # type: ignore[arg-type]

    def test_citation(self) -> None:
        """Each calendar cites the law that defines its working days."""
        assert "s10(6)" in get_calendar("uk").definition.citation
        assert "s73" in get_calendar("scotland").definition.citation

    def test_repr_names_data(self) -> None:
        """The repr shows the calendar and the data it was built from."""
        assert "gov.uk" in repr(get_calendar("uk"))


def _golden_bank_holidays() -> dict[tuple[str, int], set[date]]:
    table: dict[tuple[str, int], set[date]] = defaultdict(set)
    with (GOLDEN / "weekday_bank_holidays_2000_2030.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            day = d(row["date"])
            table[row["division"], day.year].add(day)
    return table


def _non_working_weekdays(name: str, year: int) -> set[date]:
    calendar = get_calendar(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        return {
            nwd.day
            for nwd in calendar.non_working_days(
                date(year, 1, 1), date(year, 12, 31), include_weekends=False
            )
        }


class TestBankHolidaysByYear:
    """Every weekday bank holiday 2000-2030 against an independent table."""

    TABLE = _golden_bank_holidays()

    @pytest.mark.parametrize("year", range(2000, 2031))
    @pytest.mark.parametrize(
        "division", ["england-and-wales", "scotland", "northern-ireland"]
    )
    def test_division(self, division: str, year: int) -> None:
        """A division's calendar skips exactly its weekday bank holidays."""
        assert _non_working_weekdays(division, year) == self.TABLE[division, year]

    @pytest.mark.parametrize("year", range(2000, 2031))
    def test_uk_is_the_union(self, year: int) -> None:
        """The FOIA calendar skips the union of the three divisions' lists."""
        union = set().union(
            *(
                self.TABLE[div, year]
                for div in ("england-and-wales", "scotland", "northern-ireland")
            )
        )
        assert _non_working_weekdays("uk", year) == union


class TestWhichDaysCount:
    @pytest.mark.parametrize(
        ("day", "uk", "scotland", "england_and_wales", "northern_ireland"),
        [
            # Every kind of holiday, in each part of the UK.
            ("2025-01-01", False, False, False, False),  # New Year's Day
            ("2025-01-02", False, False, True, True),  # 2 January, Scotland
            ("2025-03-17", False, True, True, False),  # St Patrick's Day, NI
            ("2025-04-18", False, False, False, False),  # Good Friday
            ("2025-04-21", False, True, False, False),  # Easter Monday, not Scotland
            ("2025-05-05", False, False, False, False),  # early May
            ("2025-05-26", False, False, False, False),  # spring
            ("2025-07-14", False, True, True, False),  # Battle of the Boyne, substitute
            (
                "2025-08-04",
                False,
                False,
                True,
                True,
            ),  # first Monday in August, Scotland
            ("2025-08-25", False, True, False, False),  # last Monday in August
            ("2025-12-01", False, False, True, True),  # St Andrew's Day substitute
            ("2025-12-25", False, False, False, False),  # Christmas Day
            ("2025-12-26", False, False, False, False),  # Boxing Day
            ("2025-12-29", True, True, True, True),  # an ordinary Monday
            ("2025-12-27", False, False, False, False),  # Saturday
            ("2025-12-28", False, False, False, False),  # Sunday
            # Substitute days.
            ("2021-12-27", False, False, False, False),  # Christmas on a Saturday
            ("2021-12-28", False, False, False, False),
            ("2022-12-27", False, False, False, False),  # Christmas on a Sunday
            ("2020-12-28", False, False, False, False),  # Boxing Day on a Saturday
            ("2022-01-03", False, False, False, False),  # New Year on a Saturday
            ("2022-01-04", False, False, True, True),  # 2 January on a Sunday
            ("2027-01-04", False, False, True, True),  # 2 January on a Saturday
            ("2024-03-18", False, True, True, False),  # St Patrick's on a Sunday
            ("2024-12-02", False, False, True, True),  # St Andrew's on a Saturday
            # St Andrew's Day was first a bank holiday in 2007.
            ("2006-11-30", True, True, True, True),
            ("2007-11-30", False, False, True, True),
            # One-off and moved days since 2000.
            ("2002-06-03", False, False, False, False),  # Golden Jubilee
            ("2002-06-04", False, False, False, False),  # spring moved
            ("2002-05-27", True, True, True, True),  # spring's usual day
            ("2011-04-29", False, False, False, False),  # royal wedding
            ("2012-06-04", False, False, False, False),  # spring moved
            ("2012-06-05", False, False, False, False),  # Diamond Jubilee
            ("2012-05-28", True, True, True, True),  # spring's usual day
            ("2020-05-08", False, False, False, False),  # early May moved (VE Day)
            ("2020-05-04", True, True, True, True),  # early May's usual day
            ("2022-06-02", False, False, False, False),  # spring moved
            ("2022-06-03", False, False, False, False),  # Platinum Jubilee
            ("2022-05-30", True, True, True, True),  # spring's usual day
            ("2022-09-19", False, False, False, False),  # state funeral
            ("2023-05-08", False, False, False, False),  # coronation
            ("2026-06-15", False, False, True, True),  # Scotland, proclaimed 2026
        ],
    )
    def test_day(
        self,
        day: str,
        uk: bool,
        scotland: bool,
        england_and_wales: bool,
        northern_ireland: bool,
    ) -> None:
        """Each calendar treats the day as the law of its regime says."""
        expected = {
            "uk": uk,
            "scotland": scotland,
            "england-and-wales": england_and_wales,
            "northern-ireland": northern_ireland,
        }
        actual = {name: get_calendar(name).is_working_day(d(day)) for name in ALL}
        assert actual == expected

    def test_christmas_and_good_friday_every_year(self) -> None:
        """Christmas Day and Good Friday are never working days, in any calendar."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            for name in ALL:
                calendar = get_calendar(name)
                for year in range(2000, 2101):
                    assert not calendar.is_working_day(date(year, 12, 25))
                    assert not calendar.is_working_day(easter(year) - timedelta(days=2))


class TestAddWorkingDays:
    @pytest.mark.parametrize(
        ("vector", "received", "due"),
        [
            ("F01", "2024-12-19", "2025-01-22"),
            ("F05", "2024-12-28", "2025-01-28"),
            ("F28", "2014-03-16", "2014-04-14"),
            ("F29", "2026-06-01", "2026-06-30"),
            ("F23", "2022-05-23", "2022-06-22"),
            ("F24", "2022-09-05", "2022-10-04"),
            ("F25", "2023-04-24", "2023-05-24"),
            ("S01", "2024-03-28", "2024-04-29"),
        ],
    )
    def test_foia_worked_examples(self, vector: str, received: str, due: str) -> None:
        """The 20th working day on the UK calendar matches the worked examples."""
        assert get_calendar("uk").add_working_days(d(received), 20) == d(due), vector

    @pytest.mark.parametrize(
        ("vector", "received", "due"),
        [
            ("S01", "2024-03-28", "2024-04-26"),
            ("S02", "2025-03-14", "2025-04-11"),
            ("S03", "2025-07-04", "2025-08-01"),
            ("S04", "2025-08-15", "2025-09-12"),
            ("S08", "2025-04-17", "2025-05-19"),
        ],
    )
    def test_foisa_worked_examples(self, vector: str, received: str, due: str) -> None:
        """The 20th working day on the Scottish calendar matches the worked examples."""
        assert get_calendar("scotland").add_working_days(d(received), 20) == d(due), (
            vector
        )

    def test_england_only_calendar_is_a_day_early(self) -> None:
        """An England-and-Wales calendar misses 2 January, which FOIA skips."""
        assert get_calendar("england-and-wales").add_working_days(
            d("2024-12-19"), 20
        ) == d("2025-01-21")

    def test_issue_examples(self) -> None:
        """The dates the project's first issue pins down."""
        uk = get_calendar("uk")
        assert uk.add_working_days(date(2026, 6, 1), 20) == date(2026, 6, 30)
        assert uk.add_working_days(date(2024, 12, 19), 20) == date(2025, 1, 22)

    def test_start_is_day_zero_even_when_not_a_working_day(self) -> None:
        """A Saturday start counts from the Monday as day 1."""
        uk = get_calendar("uk")
        assert uk.add_working_days(d("2025-01-04"), 1) == d("2025-01-06")
        assert uk.add_working_days(d("2025-01-03"), 1) == d("2025-01-06")

    def test_negative(self) -> None:
        """Negative n counts back; the start is never counted."""
        uk = get_calendar("uk")
        assert uk.add_working_days(d("2025-01-06"), -1) == d("2025-01-03")
        assert uk.add_working_days(d("2025-01-04"), -1) == d("2025-01-03")
        assert uk.add_working_days(d("2025-01-03"), -1) == d("2024-12-31")
        assert uk.add_working_days(d("2025-01-03"), -2) == d("2024-12-30")

    @pytest.mark.parametrize("start", ["2025-01-06", "2025-01-04", "2025-12-25"])
    def test_zero_returns_start(self, start: str) -> None:
        """n == 0 is day 0 itself, working day or not."""
        assert get_calendar("uk").add_working_days(d(start), 0) == d(start)

    def test_numpy_integer_n(self) -> None:
        """Any integer type is accepted for n."""
        assert get_calendar("uk").add_working_days(d("2024-12-19"), np.int64(20)) == d(  # type: ignore[arg-type]
            "2025-01-22"
        )

    @pytest.mark.parametrize("n", [20.0, "20", True, None, 1.5])
    def test_n_must_be_whole(self, n: object) -> None:
        """A non-integer n is refused, naming the parameter and the value."""
        with pytest.raises(InvalidInputError, match=r"^n must be a whole number .*got"):
            get_calendar("uk").add_working_days(d("2025-01-06"), n)  # type: ignore[arg-type]

    @pytest.mark.parametrize("start", ["2024-12-19", 45645, None, 20241219.0, object()])
    def test_start_must_be_a_date(self, start: object) -> None:
        """Anything but a date or datetime is refused with the value named."""
        with pytest.raises(InvalidDateError) as info:
            get_calendar("uk").add_working_days(start, 20)  # type: ignore[arg-type]
        assert str(info.value).startswith("start must be a datetime.date")
        assert repr(start) in str(info.value)
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("start", ["1999-12-31", "2102-01-01"])
    def test_start_outside_span_is_refused(self, start: str) -> None:
        """A start outside 2000-2101 is refused, never guessed."""
        with pytest.raises(
            OutsideCalendarRangeError, match=r"start is \d{4}-\d\d-\d\d"
        ):
            get_calendar("uk").add_working_days(d(start), 1)

    @pytest.mark.parametrize(("start", "n"), [("2101-12-20", 20), ("2000-01-10", -20)])
    def test_result_outside_span_is_refused(self, start: str, n: int) -> None:
        """A result that would fall outside 2000-2101 is refused."""
        calendar = get_calendar("uk")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            with pytest.raises(
                OutsideCalendarRangeError, match="result is the working"
            ):
                calendar.add_working_days(d(start), n)

    def test_last_input_day_has_a_deadline(self) -> None:
        """The calendar counts a year past the last input day, for 2100 requests,
        with that year's bank holidays: 1 January 2101 is a Saturday, so 3 January
        is its substitute everywhere and 4 January the substitute for 2 January in
        Scotland (Banking and Financial Dealings Act 1971 Sch 1, as proclaimed in
        2000 and 2022)."""
        calendar = get_calendar("uk")
        assert calendar.last_day == d("2101-12-31")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            assert calendar.add_working_days(d("2100-12-31"), 20) == d("2101-02-01")

    @pytest.mark.parametrize(
        "name", ["england-and-wales", "scotland", "northern-ireland"]
    )
    def test_every_year_counted_has_its_bank_holidays(self, name: str) -> None:
        """Each year the calendar counts on, 2101 included, has the bank holidays
        of the 1971 Act on weekdays: at least six a year in every part of the UK
        (New Year, two in May, summer, Boxing Day or their substitutes; with Good
        Friday and Christmas Day, eight)."""
        calendar = get_calendar(name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            listed = calendar.non_working_days(
                calendar.first_day, calendar.last_day, include_weekends=False
            )
        per_year = Counter(day.day.year for day in listed)
        short = {
            year: per_year[year]
            for year in range(calendar.first_day.year, calendar.last_day.year + 1)
            if per_year[year] < 6
        }
        assert not short

    def test_provisional_result_warns(self) -> None:
        """A result beyond the confirmed data is flagged, not passed off as certain."""
        uk = get_calendar("uk")
        assert uk.confirmed_until == d("2028-12-31")
        with pytest.warns(ProvisionalDateWarning, match="2028-12-31"):
            assert uk.add_working_days(d("2028-12-20"), 20) == d("2029-01-23")

    def test_confirmed_result_does_not_warn(self) -> None:
        """A result within the confirmed data gives no warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            get_calendar("uk").add_working_days(d("2028-11-20"), 20)


class TestDatetimeInput:
    def test_aware_datetime_uses_london_date(self) -> None:
        """An aware timestamp is converted to its date in Europe/London."""
        uk = get_calendar("uk")
        # 23:30 UTC on Sunday 1 June 2025 is 00:30 BST on Monday 2 June.
        received = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        assert uk.add_working_days(received, 1) == d("2025-06-03")

    def test_aware_datetime_in_winter(self) -> None:
        """In winter London is on UTC, so the date does not change."""
        received = datetime(2025, 1, 5, 23, 30, tzinfo=UTC)
        assert get_calendar("uk").add_working_days(received, 1) == d("2025-01-06")

    def test_aware_datetime_other_zone(self) -> None:
        """A timestamp in another zone is converted, not read as a wall clock."""
        new_york = timezone(timedelta(hours=-5))
        received = datetime(2025, 1, 5, 20, 0, tzinfo=new_york)  # 01:00 Mon in London
        assert get_calendar("uk").add_working_days(received, 1) == d("2025-01-07")

    def test_naive_datetime_is_uk_local(self) -> None:
        """A naive timestamp is taken as UK local time."""
        received = datetime(2025, 6, 1, 23, 30)  # noqa: DTZ001 - the case under test
        assert get_calendar("uk").add_working_days(received, 1) == d("2025-06-02")


class TestWorkingDaysBetween:
    def test_counts_after_start_up_to_end(self) -> None:
        """The count covers (start, end]: a reply on day 20 took 20 working days."""
        uk = get_calendar("uk")
        assert uk.working_days_between(d("2024-12-19"), d("2025-01-22")) == 20
        assert uk.working_days_between(d("2024-12-19"), d("2024-12-19")) == 0
        assert uk.working_days_between(d("2025-01-03"), d("2025-01-06")) == 1

    def test_negative_when_end_before_start(self) -> None:
        """Reversing the endpoints negates the count."""
        uk = get_calendar("uk")
        assert uk.working_days_between(d("2025-01-22"), d("2024-12-19")) == -20

    def test_refuses_bad_dates(self) -> None:
        """Both endpoints are checked, and named in the error."""
        uk = get_calendar("uk")
        with pytest.raises(InvalidDateError, match=r"^end must be"):
            uk.working_days_between(d("2025-01-01"), "2025-02-01")  # type: ignore[arg-type]
        with pytest.raises(OutsideCalendarRangeError, match=r"^start is 1999"):
            uk.working_days_between(d("1999-01-01"), d("2025-02-01"))


class TestNextAndPrevious:
    def test_next(self) -> None:
        """The next working day skips the Christmas break."""
        uk = get_calendar("uk")
        assert uk.next_working_day(d("2025-12-24")) == d("2025-12-29")
        assert uk.next_working_day(d("2025-12-24"), include_start=True) == d(
            "2025-12-24"
        )
        assert uk.next_working_day(d("2025-12-25"), include_start=True) == d(
            "2025-12-29"
        )

    def test_previous(self) -> None:
        """The previous working day skips back over the same break."""
        uk = get_calendar("uk")
        assert uk.previous_working_day(d("2025-12-29")) == d("2025-12-24")
        assert uk.previous_working_day(d("2025-12-26"), include_start=True) == d(
            "2025-12-24"
        )


class TestNonWorkingDays:
    def test_reasons_name_the_holiday_and_nations(self) -> None:
        """Each non-working day says what it is and where it is a bank holiday."""
        days = get_calendar("uk").non_working_days(d("2024-12-19"), d("2025-01-22"))
        described = [day.describe() for day in days if not day.is_weekend]
        everywhere = "(England and Wales, Scotland, Northern Ireland)"
        assert described == [
            f"Wed 25 Dec 2024: Christmas Day {everywhere}",
            f"Thu 26 Dec 2024: Boxing Day {everywhere}",
            f"Wed 1 Jan 2025: New Year’s Day {everywhere}",
            "Thu 2 Jan 2025: 2nd January (Scotland)",
        ]
        weekends = [day for day in days if day.is_weekend]
        assert len(weekends) == 10
        assert weekends[0].describe() == "Sat 21 Dec 2024: Saturday"

    def test_both_ends_included(self) -> None:
        """The range includes both its start and its end."""
        days = get_calendar("uk").non_working_days(d("2025-12-25"), d("2025-12-26"))
        assert [x.day for x in days] == [d("2025-12-25"), d("2025-12-26")]

    def test_proclaimed_day_reason(self) -> None:
        """The 2026 Scottish proclaimed day is explained as Scottish only."""
        day = get_calendar("uk").non_working_day(d("2026-06-15"))
        assert day is not None
        assert day.reasons[0].divisions == (foi_deadlines.Division.SCOTLAND,)
        assert "FIFA" in day.describe()
        assert "proclamation" in day.reasons[0].source

    def test_working_day_has_no_reason(self) -> None:
        """A working day has nothing to explain."""
        assert get_calendar("uk").non_working_day(d("2025-12-29")) is None

    def test_provisional_flag(self) -> None:
        """Days beyond the confirmed data are flagged as provisional."""
        uk = get_calendar("uk")
        later = uk.non_working_day(d("2029-01-01"))
        assert later is not None
        assert later.provisional
        assert "[provisional]" in later.describe()
        earlier = uk.non_working_day(d("2028-12-25"))
        assert earlier is not None
        assert not earlier.provisional


class TestBatch:
    def test_list(self) -> None:
        """A list of dates gives the list of results."""
        uk = get_calendar("uk")
        starts = [d("2024-12-19"), d("2026-06-01"), d("2024-12-28")]
        assert uk.add_working_days_many(starts, 20) == [
            uk.add_working_days(s, 20) for s in starts
        ]

    @pytest.mark.parametrize("n", [-25, -1, 0, 1, 20, 200])
    def test_numpy_matches_scalar(self, n: int) -> None:
        """A datetime64 array gives the same dates as the scalar call."""
        uk = get_calendar("uk")
        starts = np.arange("2015-01-01", "2026-12-31", dtype="datetime64[D]")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            result = uk.add_working_days_many(starts, n)
        assert result.dtype == np.dtype("datetime64[D]")
        expected = [uk.add_working_days(s.item(), n) for s in starts[::97]]
        assert [x.item() for x in result[::97]] == expected

    def test_numpy_bad_dtype(self) -> None:
        """An array of something other than dates is refused."""
        with pytest.raises(InvalidInputError, match="datetime64"):
            get_calendar("uk").add_working_days_many(np.array([1, 2]), 20)

    def test_numpy_out_of_range(self) -> None:
        """An array with a date outside the span is refused whole."""
        starts = np.array(["2020-01-01", "1999-06-01"], dtype="datetime64[D]")
        with pytest.raises(OutsideCalendarRangeError, match="1999-06-01"):
            get_calendar("uk").add_working_days_many(starts, 20)

    def test_numpy_provisional_warns(self) -> None:
        """An array with results beyond the confirmed data is flagged."""
        starts = np.array(["2020-01-01", "2028-12-20"], dtype="datetime64[D]")
        with pytest.warns(ProvisionalDateWarning):
            get_calendar("uk").add_working_days_many(starts, 20)
