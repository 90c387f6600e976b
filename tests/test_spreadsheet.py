"""Tests for the spreadsheet functions: cells in, values or error values out."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import foi_deadlines
from foi_deadlines import (
    Case,
    CaseEvent,
    ProvisionalDateWarning,
    ShortReviewWindowWarning,
    get_calendar,
    spreadsheet,
)
from foi_deadlines.errors import InvalidInputError, OutsideCalendarRangeError
from foi_deadlines.spreadsheet import (
    ERROR_PREFIX,
    MAX_ERROR_LENGTH,
    add_working_days,
    bank_holidays,
    case_status,
    error_value,
    is_error,
    is_working_day,
    response_due,
    review_due,
    review_request_deadline,
    to_serial,
    working_days_between,
)

#: Thursday 19 December 2024, whose FOIA response is due on Wednesday 22 January
#: 2025 (2 January is a bank holiday in Scotland).
RECEIVED = date(2024, 12, 19)
DUE = date(2025, 1, 22)


def error_of(value: object) -> str:
    """The message of an error value, failing the test if it is not one."""
    assert isinstance(value, str), f"not an error value: {value!r}"
    assert is_error(value), f"not an error value: {value!r}"
    return value


def junk_id(value: object) -> str:
    """A short test id for a junk value, even one whose repr is huge."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"int-of-{value.bit_length()}-bits"
    if isinstance(value, str) and len(value) > 20:
        return f"text-of-{len(value)}"
    return repr(value)


class TestErrorValues:
    def test_error_value_has_code_and_message(self) -> None:
        """An error value is the prefix, the error's code and its message."""
        result = error_of(add_working_days("junk", 20))
        assert result == (
            "#ERROR invalid-input: start must be a date, day first with a four-digit "
            "year (19/12/2024, 19.12.2024, 19 Dec 2024) or as 2024-12-19 (got 'junk')"
        )
        assert result.startswith(ERROR_PREFIX)

    @pytest.mark.parametrize(
        "value", ["2025-01-22", "#N/A", "", None, 20, date(2025, 1, 22), "#ERROR"]
    )
    def test_is_error_only_for_error_values(self, value: object) -> None:
        """Dates, text, numbers and Excel's own error texts are not error values."""
        assert not is_error(value)

    def test_reexports_coercion(self) -> None:
        """to_date and to_serial are the coercion helpers of foi_deadlines._coerce."""
        assert spreadsheet.to_date("19/12/2024") == RECEIVED
        assert to_serial(RECEIVED) == 45645

    def test_to_flag_raises(self) -> None:
        """to_flag reads a flag as the cell functions do, and raises for junk."""
        assert spreadsheet.to_flag(" Yes ") is True
        assert spreadsheet.to_flag("") is False
        with pytest.raises(InvalidInputError, match="date1904 must be TRUE or FALSE"):
            spreadsheet.to_flag("maybe", "date1904")


class TestLongErrorValues:
    def test_ten_megabytes_of_text(self) -> None:
        """A 10 MB cell is echoed by its start and length, in 255 characters."""
        message = error_of(response_due("x" * 10_000_000))
        assert len(message) <= MAX_ERROR_LENGTH
        assert message.startswith("#ERROR invalid-input: received must be a date")
        assert message.endswith(f"(got {'x' * 40!r}… (10,000,000 characters))")

    def test_long_text_in_an_option(self) -> None:
        """The shortened value keeps the parameter name and the choices."""
        message = error_of(response_due(RECEIVED, "foia" * 1000))
        assert message.startswith("#ERROR invalid-input: regime must be one of 'foia'")
        assert message.endswith("… (4,000 characters))")
        assert len(message) <= MAX_ERROR_LENGTH

    def test_short_values_are_echoed_whole(self) -> None:
        """A value shown in up to 60 characters is shown exactly as before."""
        value = "y" * 58  # 60 characters with its quotes
        assert error_of(add_working_days(RECEIVED, value)) == (
            f"#ERROR invalid-input: days must be a whole number (got {value!r})"
        )

    def test_integer_too_long_to_write_out(self) -> None:
        """An int past Python's 4,300-digit limit is described by its length."""
        message = error_of(response_due(10**5000))
        assert message.startswith("#ERROR invalid-input: received must be a date")
        assert message.endswith("(got a whole number of 5,001 digits)")
        assert error_of(bank_holidays(-(10**5000))) == (
            "#ERROR invalid-input: first_year must be a whole number of at most 15 "
            "digits (got a whole number of 5,001 digits)"
        )

    def test_escaped_text_counts_its_own_characters(self) -> None:
        """Text whose repr is long is cut, and its length is the text's own."""
        value = "\x00" * 50
        message = error_of(add_working_days(RECEIVED, value))
        assert message.endswith(f"(got {repr(value)[:40]}… (50 characters))")

    def test_value_that_cannot_be_shown(self) -> None:
        """A value whose repr fails, such as a list nested too deep, is named."""
        deep: object = None
        for _ in range(100_000):
            deep = [deep]
        result = response_due([deep, None])
        assert isinstance(result, list)
        assert error_of(result[0]).endswith(
            "(got an object of type 'list' that cannot be shown)"
        )
        assert result[1] is None

    def test_message_cut_at_the_limit(self) -> None:
        """A message too long even with its value shortened is cut, ending in …."""
        message = error_value(InvalidInputError("days", 1, "long " * 100))
        assert len(message) == MAX_ERROR_LENGTH
        assert message.startswith("#ERROR invalid-input: days must be long long")
        assert message.endswith("…")

    def test_error_keeps_its_value(self) -> None:
        """Making the error value leaves the error's own fields as they were."""
        value = "z" * 1000
        error = OutsideCalendarRangeError("received", value, "a", "b", "uk")
        error_value(error)
        assert error.value is value
        assert value in str(error)


# What each kind of cell gives, read through add_working_days(value, 0), which returns
# day 0 itself: the same reading every function uses.
DATE_CELLS = [
    pytest.param(RECEIVED, False, RECEIVED, id="date"),
    pytest.param(
        datetime(2024, 12, 19, 23, 30, tzinfo=UTC), False, RECEIVED, id="datetime"
    ),
    # Read as the core reads it: in UK time. 23:30 UTC in June is 00:30 BST.
    pytest.param(
        datetime(2024, 6, 19, 23, 30, tzinfo=UTC),
        False,
        date(2024, 6, 20),
        id="datetime-aware-bst",
    ),
    pytest.param(
        datetime(2024, 12, 19, 1, 0, tzinfo=timezone(timedelta(hours=5))),
        False,
        date(2024, 12, 18),
        id="datetime-aware-east",
    ),
    pytest.param(
        datetime(2024, 6, 19, 23, 30),  # noqa: DTZ001 - naive: UK local time
        False,
        date(2024, 6, 19),
        id="datetime-naive",
    ),
    pytest.param(45645, False, RECEIVED, id="serial"),
    pytest.param(45645.0, False, RECEIVED, id="serial-float-classic"),
    pytest.param(45645.99, False, RECEIVED, id="serial-with-time"),
    pytest.param(44183, True, RECEIVED, id="serial-1904"),
    pytest.param(44183.5, "TRUE", RECEIVED, id="serial-1904-flag-text"),
    pytest.param("2024-12-19", False, RECEIVED, id="iso"),
    pytest.param("2024-12-19 09:30", False, RECEIVED, id="iso-time"),
    pytest.param("19/12/2024", False, RECEIVED, id="uk"),
    pytest.param(" 19/12/2024 ", False, RECEIVED, id="uk-spaces"),
    pytest.param("1/2/2025", False, date(2025, 2, 1), id="uk-day-first"),
    pytest.param(None, False, None, id="none"),
    pytest.param("", False, None, id="empty-text"),
    pytest.param("   ", False, None, id="spaces"),
    pytest.param(0, False, None, id="serial-0"),
    pytest.param(0.0, False, None, id="serial-0-float"),
]

BAD_DATE_CELLS = [
    pytest.param(60, "29 February 1900", id="serial-60"),
    pytest.param(60.5, "29 February 1900", id="serial-60-time"),
    pytest.param(-1, "an Excel serial number", id="negative"),
    pytest.param(1e308, "an Excel serial number", id="huge"),
    pytest.param(math.nan, "an Excel serial number", id="nan"),
    pytest.param(math.inf, "an Excel serial number", id="inf"),
    pytest.param(True, "an Excel serial number", id="bool"),
    pytest.param("junk", "day first with a four-digit year", id="text"),
    pytest.param("31/02/2026", "a day that exists", id="no-such-day"),
    pytest.param("12/19/2024", "month-first US dates are not read", id="us-order"),
    pytest.param("19-12-24", "four-digit year", id="two-digit-year"),
    pytest.param(b"2024-12-19", "an Excel serial number", id="bytes"),
    pytest.param(object(), "an Excel serial number", id="object"),
    pytest.param(10**400, "an Excel serial number", id="int-too-large-for-float"),
    pytest.param(-(10**400), "an Excel serial number", id="huge-negative"),
    pytest.param(2_958_466, "1 to 2958465", id="past-9999"),
    pytest.param(
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))),
        "a date and time whose day in UK time",
        id="datetime-before-year-1-in-uk",
    ),
    pytest.param(
        datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        "a date and time whose day in UK time",
        id="datetime-after-9999-in-uk",
    ),
]


class TestDateCells:
    @pytest.mark.parametrize(("cell", "date1904", "expected"), DATE_CELLS)
    def test_date_cell(self, cell: object, date1904: object, expected: object) -> None:
        """Each kind of date cell gives its date, and a blank gives None."""
        assert add_working_days(cell, 0, "uk", date1904) == expected

    @pytest.mark.parametrize(("cell", "expected"), BAD_DATE_CELLS)
    def test_bad_date_cell(self, cell: object, expected: str) -> None:
        """A cell that is not a date gives an error naming the argument and value."""
        message = error_of(add_working_days(cell, 0))
        assert message.startswith("#ERROR invalid-input: start must be ")
        assert expected in message
        shown = repr(cell)
        if len(shown) <= 60:
            assert f"(got {shown})" in message
        else:  # the start of a long value, and its length
            assert message.endswith(f"(got {shown[:40]}… ({len(shown):,} characters))")

    @pytest.mark.parametrize("serial", [2_957_004, 2_958_465, 2_958_465.5])
    def test_1904_serial_past_9999(self, serial: float) -> None:
        """A 1904 serial past 9999-12-31 is an error naming the range, not a crash."""
        message = error_of(add_working_days(serial, 0, "uk", True))
        assert message.startswith("#ERROR invalid-input: start must be a date")
        assert "1 to 2957003 (9999-12-31 in the 1904 date system)" in message

    def test_last_1904_serial(self) -> None:
        """The last 1904 serial is 31 December 9999, as to_date reads it."""
        assert spreadsheet.to_date(2_957_003, date1904=True) == date(9999, 12, 31)

    def test_aware_datetime_as_the_core_reads_it(self) -> None:
        """An aware datetime gives the due date the core gives for it."""
        received = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)  # Monday 00:30 BST
        expected = foi_deadlines.response_due(received).due
        assert response_due(received) == expected == date(2025, 6, 30)

    def test_serials_agree_with_to_serial(self) -> None:
        """A serial number and the date it stands for give the same answer."""
        for offset in range(0, 800, 7):
            day = RECEIVED + timedelta(days=offset)
            assert response_due(to_serial(day)) == response_due(day)
            in_1904 = to_serial(day, date1904=True)
            assert response_due(in_1904, date1904=True) == response_due(day)

    def test_outside_the_calendar(self) -> None:
        """A date outside 2000 to 2100 is an error naming the argument."""
        message = error_of(response_due("1999-12-31"))
        assert message.startswith("#ERROR out-of-range: received is 1999-12-31")


class TestOptionCells:
    @pytest.mark.parametrize(
        "flag", [True, 1, 1.0, "TRUE", "true", " Yes ", "y", "1"], ids=repr
    )
    def test_true(self, flag: object) -> None:
        """TRUE, 1 and yes in any case all mean true."""
        assert review_due("14/04/2025", "foia", flag) == date(2025, 6, 13)

    @pytest.mark.parametrize(
        "flag", [False, 0, 0.0, "FALSE", "no", "N", "0", None, ""], ids=repr
    )
    def test_false(self, flag: object) -> None:
        """FALSE, 0, no and a blank all mean false."""
        assert review_due("14/04/2025", "foia", flag) == date(2025, 5, 15)

    @pytest.mark.parametrize("flag", [2, -1, 0.5, math.nan, "maybe", object()])
    def test_bad_flag(self, flag: object) -> None:
        """Anything else is an error naming the argument and the value."""
        message = error_of(review_due("14/04/2025", "foia", flag))
        assert message.startswith("#ERROR invalid-input: complex must be TRUE or FALSE")
        assert f"(got {flag!r})" in message

    @pytest.mark.parametrize("regime", ["FOISA", " foisa ", "FoIsA"])
    def test_regime_in_any_case(self, regime: str) -> None:
        """Regime names are read in any case and without surrounding spaces."""
        assert response_due("28/03/2024", regime) == date(2024, 4, 26)

    @pytest.mark.parametrize("regime", [None, ""])
    def test_blank_option_is_default(self, regime: object) -> None:
        """A blank option means its default."""
        assert response_due(RECEIVED, regime) == DUE

    @pytest.mark.parametrize(
        ("call", "param", "value"),
        [
            (lambda: response_due(RECEIVED, "foi"), "regime", "'foi'"),
            (lambda: response_due(RECEIVED, 60), "regime", "60"),
            (lambda: is_working_day(RECEIVED, "wales"), "calendar", "'wales'"),
            (lambda: review_due(RECEIVED, "foia", False, "lenient"), "policy", ""),
            (
                lambda: response_due(RECEIVED, body="college"),
                "body",
                "'college'",
            ),
        ],
    )
    def test_bad_choice(
        self, call: Callable[[], object], param: str, value: str
    ) -> None:
        """An unknown option is an error naming the argument and listing the choices."""
        message = error_of(call())
        assert message.startswith(f"#ERROR invalid-input: {param} must be ")
        assert "one of" in message
        assert value in message

    @pytest.mark.parametrize("days", [20, 20.0, "20", " +20 "], ids=repr)
    def test_whole_numbers(self, days: object) -> None:
        """A count can be an integer, a whole float or text."""
        assert add_working_days(RECEIVED, days) == DUE

    @pytest.mark.parametrize(
        ("days", "expected"),
        [
            ("0" * 5000 + "20", DUE),
            ("-0020", date(2024, 11, 20)),
            (Fraction(40, 2), DUE),
        ],
        ids=["5000-zeros", "negative", "fraction"],
    )
    def test_exact_whole_numbers(self, days: object, expected: date) -> None:
        """Leading zeros do not count as digits; any exact whole number is read."""
        assert add_working_days(RECEIVED, days) == expected

    @pytest.mark.parametrize(
        "days",
        ["9" * 5000, "1" * 16, 10**400, -(10**15), 1e308, 1e15],
        ids=["5000-digit-text", "16-digit-text", "int-too-large-for-float",
             "16-digits-negative", "1e308", "1e15"],
    )  # fmt: skip
    def test_count_too_long(self, days: object) -> None:
        """More than 15 digits is an error, not an overflow or a conversion limit."""
        message = error_of(add_working_days(RECEIVED, days))
        assert message.startswith(
            "#ERROR invalid-input: days must be a whole number of at most 15 digits"
        )
        assert len(message) <= MAX_ERROR_LENGTH

    @pytest.mark.parametrize("days", [20.5, "twenty", True, math.inf, math.nan, "²"])
    def test_bad_count(self, days: object) -> None:
        """A count that is not a whole number is an error naming days."""
        assert error_of(add_working_days(RECEIVED, days)).startswith(
            "#ERROR invalid-input: days must be a whole number"
        )


class TestResponseDue:
    @pytest.mark.parametrize("regime", ["foia", "eir", "foisa", "eisr", "sar"])
    def test_agrees_with_library(self, regime: str) -> None:
        """For every day of 2024 and 2025 it gives the library's due date."""
        day = date(2024, 1, 1)
        while day.year < 2026:
            expected = foi_deadlines.response_due(day, regime=regime).due
            assert response_due(to_serial(day), regime) == expected, day
            assert response_due(f"{day:%d/%m/%Y}", regime) == expected, day
            day += timedelta(days=1)

    @pytest.mark.parametrize(
        ("args", "options"),
        [
            (
                ("06/01/2025", "foia", "20/01/2025", "13/01/2025"),
                {
                    "clarified_on": date(2025, 1, 20),
                    "clarification_sought_on": date(2025, 1, 13),
                },
            ),
            (
                ("03/03/2025", "foia", None, None, "10/03/2025", "24/03/2025"),
                {"fee_notice_on": date(2025, 3, 10), "fee_paid_on": date(2025, 3, 24)},
            ),
            (("03/02/2025", "foia", *[None] * 4, True), {"extended": True}),
            (
                ("03/02/2025", "foia", *[None] * 4, False, "01/04/2025"),
                {"public_interest_estimate": date(2025, 4, 1)},
            ),
            (("02/06/2025", "eir", *[None] * 4, "yes"), {"extended": True}),
            (("02/06/2025", "eisr", *[None] * 4, 1), {"extended": True}),
            (("02/06/2025", "sar", *[None] * 4, "TRUE"), {"extended": True}),
            (
                ("02/06/2025", "sar", *[None] * 7, "10/06/2025"),
                {"identity_confirmed_on": date(2025, 6, 10)},
            ),
            (
                ("02/06/2025", "foia", *[None] * 4, False, None, "school"),
                {"body": "school"},
            ),
            (
                ("02/06/2025", "foia", *[None] * 4, False, None, "ARCHIVE"),
                {"body": "archive"},
            ),
            (
                ("02/06/2025", "foisa", *[None] * 4, False, None, "keeper"),
                {"body": "keeper"},
            ),
            (
                ("31/05/2025", "sar", *[None] * 8, "Northern-Ireland"),
                {"division": "northern-ireland"},
            ),
        ],
    )
    def test_modifiers(self, args: tuple[object, ...], options: dict[str, Any]) -> None:
        """Every modifier the clocks support is reachable, with the library's result."""
        regime = str(args[1])
        received = date(*reversed([int(p) for p in str(args[0]).split("/")]))
        expected = foi_deadlines.response_due(received, regime=regime, **options).due
        assert response_due(*args) == expected

    def test_division(self) -> None:
        """Subject access rolls over the controller's own holidays: 12 July in NI."""
        assert response_due("12/06/2027", "sar") == date(2027, 7, 12)
        northern_ireland = response_due(
            "12/06/2027", "sar", division="NORTHERN-IRELAND"
        )
        assert northern_ireland == date(2027, 7, 13)

    def test_stopped_clock(self) -> None:
        """A fee not yet paid is an error value saying what restarts the clock."""
        message = error_of(response_due("03/03/2025", "foia", None, None, 45726))
        assert message.startswith(
            "#ERROR clock-stopped: the clock stopped on 2025-03-10"
        )
        assert "pass fee_paid_on" in message

    def test_modifier_not_in_regime(self) -> None:
        """An option the regime does not have is an error value citing the law."""
        message = error_of(response_due(RECEIVED, "foisa", extended=True))
        assert message.startswith("#ERROR not-applicable: extended does not apply")

    def test_impossible_timeline(self) -> None:
        """A fee paid before its notice is an error value naming the date."""
        message = error_of(
            response_due("02/06/2025", "foia", None, None, "10/06/2025", "01/06/2025")
        )
        assert message.startswith("#ERROR bad-timeline: fee_paid_on is 2025-06-01")

    def test_provisional_date_is_returned_unmarked(self) -> None:
        """A date beyond the confirmed holiday data is returned with no warning."""
        with pytest.warns(ProvisionalDateWarning):
            expected = foi_deadlines.response_due(date(2030, 1, 2)).due
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert response_due("02/01/2030") == expected


class TestReviews:
    def test_review_request_deadline(self) -> None:
        """The Code of Practice's 40 working days by default."""
        assert review_request_deadline("19/12/2024") == date(2025, 2, 19)

    def test_short_window_warning_does_not_escape(self) -> None:
        """A window shorter than the Code's gives its date and no warning."""
        with pytest.warns(ShortReviewWindowWarning):
            expected = foi_deadlines.review_request_deadline(RECEIVED, policy="twenty")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert review_request_deadline(RECEIVED, "foia", "TWENTY") == expected.due

    def test_extenuating(self) -> None:
        """Extenuating circumstances take the authority's longer window."""
        assert review_request_deadline(
            "19/12/2024", "foia", "twenty-or-forty", "yes"
        ) == date(2025, 2, 19)

    def test_foisa_needs_response_due_on(self) -> None:
        """FOISA counts from the day the response was due, which must be given."""
        assert review_request_deadline(
            "10/03/2025", "foisa", None, False, "31/03/2025"
        ) == date(2025, 5, 29)
        message = error_of(review_request_deadline("10/03/2025", "foisa"))
        assert message.startswith("#ERROR invalid-input: response_due_on must be")
        assert "FOI_RESPONSE_DUE" in message

    def test_no_review_for_subject_access(self) -> None:
        """Subject access has no review: an error value says so."""
        assert error_of(review_request_deadline(RECEIVED, "sar")).startswith(
            "#ERROR not-applicable: regime does not apply"
        )

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("14/04/2025",), date(2025, 5, 15)),
            (("14/04/2025", "foia", True), date(2025, 6, 13)),
            (("02/06/2025", "eir"), date(2025, 7, 29)),
            (("02/06/2025", "FOISA"), date(2025, 6, 30)),
        ],
    )
    def test_review_due(self, args: tuple[object, ...], expected: date) -> None:
        """The time to complete a review, by regime."""
        assert review_due(*args) == expected

    def test_review_due_complex_not_applicable(self) -> None:
        """A complex review outside FOIA is an error value citing the law."""
        assert error_of(review_due("14/04/2025", "eir", True)).startswith(
            "#ERROR not-applicable: complex does not apply under EIR 2004"
        )


class TestWorkingDays:
    def test_working_days_between(self) -> None:
        """Working days after start up to end; England-only lists count one more."""
        assert working_days_between("19/12/2024", "22/01/2025") == 20
        assert (
            working_days_between("19/12/2024", "22/01/2025", "england-and-wales") == 21
        )
        assert working_days_between("22/01/2025", "19/12/2024") == -20

    @pytest.mark.parametrize(("start", "end"), [(None, 45679), (45645, None), ("", 0)])
    def test_blank_end_or_start(self, start: object, end: object) -> None:
        """Either date blank gives an empty cell."""
        assert working_days_between(start, end) is None

    def test_is_working_day(self) -> None:
        """2 January is not a working day for FOIA (Scotland), but is in England."""
        assert is_working_day("02/01/2025") is False
        assert is_working_day("02/01/2025", "england-and-wales") is True
        assert is_working_day("03/01/2025") is True
        assert is_working_day("") is None

    def test_add_working_days(self) -> None:
        """Day 0 is never counted, whatever day it is; negative counts go back."""
        assert add_working_days("28/12/2024", 20) == date(2025, 1, 28)
        assert add_working_days("27/12/2024", 20) == date(2025, 1, 28)
        assert add_working_days("06/01/2025", -3) == date(2024, 12, 30)
        assert add_working_days(RECEIVED, None) is None

    def test_result_outside_the_calendar(self) -> None:
        """A result after 2101, the calendar's last year, is an error value."""
        assert error_of(add_working_days("20/12/2101", 20)).startswith(
            "#ERROR out-of-range: result is the working day 20 from 2101-12-20"
        )


def case_of(received: date, *events: tuple[str, date], **options: Any) -> Case:
    case = Case.received(received, **options)
    for kind, on in events:
        outcome = {"response_sent": "provided", "review_outcome": "upheld"}.get(kind)
        case = case.with_event(CaseEvent(kind=kind, on=on, outcome=outcome))
    return case


class TestCaseStatus:
    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("02/06/2025", None, "02/06/2025"), "in_time"),
            (("02/06/2025", None, "23/06/2025"), "due_soon"),
            (("02/06/2025", "", "01/07/2025"), "overdue"),
            (("02/06/2025", "10/06/2025", "01/07/2025"), "responded_in_time"),
            (("02/06/2025", "01/07/2025", "01/07/2025"), "responded_late"),
            (
                ("02/06/2025", None, "10/06/2025", "foia", "04/06/2025"),
                "awaiting_clarification",
            ),
            (
                ("02/06/2025", None, "10/06/2025", "foia", None, None, "04/06/2025"),
                "awaiting_fee",
            ),
            (
                (
                    "02/06/2025",
                    None,
                    "10/06/2025",
                    "foia",
                    None,
                    None,
                    "04/06/2025",
                    "",
                    "yes",
                ),
                "awaiting_fee",
            ),
            (
                ("02/06/2025", "10/07/2025", "10/07/2025", "foia", *[None] * 4, True),
                "responded_within_extension",
            ),
            (
                ("02/06/2025", "10/07/2025", "10/07/2025", "eir", *[None] * 4, True),
                "responded_within_extension",
            ),
            (("02/06/2025", None, "10/08/2025", "sar", *[None] * 4, "1"), "in_time"),
            (
                (
                    "02/06/2025",
                    "10/06/2025",
                    "13/06/2025",
                    "foia",
                    *[None] * 5,
                    "12/06/2025",
                ),
                "review_open",
            ),
            (
                (
                    "02/06/2025",
                    "10/06/2025",
                    "10/08/2025",
                    "foia",
                    *[None] * 5,
                    "12/06/2025",
                ),
                "review_overdue",
            ),
            (
                (
                    "02/06/2025",
                    "10/06/2025",
                    "10/08/2025",
                    "foia",
                    *[None] * 5,
                    "12/06/2025",
                    "01/07/2025",
                ),
                "closed",
            ),
        ],
    )
    def test_status(self, args: tuple[object, ...], expected: str) -> None:
        """A tracker row gives the status code of the case it describes."""
        assert case_status(*args) == expected

    def test_agrees_with_case(self) -> None:
        """The status is that of the Case built from the same events."""
        case = case_of(
            date(2025, 3, 3),
            ("fees_notice", date(2025, 3, 10)),
            ("fee_paid", date(2025, 3, 24)),
            ("response_sent", date(2025, 4, 16)),
        )
        for offset in range(44, 120, 3):
            as_of = date(2025, 3, 3) + timedelta(days=offset)
            expected = case.status(as_of=as_of).code.value
            got = case_status(
                "03/03/2025", "16/04/2025", as_of, "foia", None, None, 45726, 45740
            )
            assert got == expected

    def test_foia_extension_runs_to_working_day_40(self) -> None:
        """A FOIA extension with no estimate runs to the ICO's limit, working day 40."""
        limit = foi_deadlines.response_due(date(2025, 2, 3), extended=True).due
        after = limit + timedelta(days=1)
        args: tuple[object, ...] = ("03/02/2025", limit, limit, "foia", *[None] * 4, 1)
        assert case_status(*args) == "responded_within_extension"
        late: tuple[object, ...] = ("03/02/2025", after, after, "foia", *[None] * 4, 1)
        assert case_status(*late) == "responded_late"

    @pytest.mark.parametrize("as_of", [None, "", 0])
    def test_as_of_is_required(self, as_of: object) -> None:
        """A blank as_of is an error value asking for TODAY()."""
        message = error_of(case_status("02/06/2025", None, as_of))
        assert message.startswith("#ERROR invalid-input: as_of must be")
        assert "TODAY()" in message

    @pytest.mark.parametrize("extended", [10**400, -(10**5000), math.inf], ids=junk_id)
    def test_extended_number_past_the_serials(self, extended: object) -> None:
        """A number in extended that is no flag and no serial is an error."""
        message = error_of(
            case_status(RECEIVED, None, DUE, "foia", None, None, None, None, extended)
        )
        assert message.startswith("#ERROR invalid-input: extended must be a date")
        assert len(message) <= MAX_ERROR_LENGTH

    def test_blank_received(self) -> None:
        """A blank received gives an empty cell, whatever else the row holds."""
        assert case_status(None, None, "01/07/2025") is None

    @pytest.mark.parametrize(
        ("args", "start"),
        [
            (
                ("02/06/2025", "10/06/2025", "05/06/2025"),
                "#ERROR bad-timeline: responded is 2025-06-10: it is after as_of",
            ),
            (
                ("02/06/2025", "01/06/2025", "05/06/2025"),
                "#ERROR bad-timeline: responded is 2025-06-01: the first event",
            ),
            (
                ("02/06/2025", None, "05/06/2025", "foia", None, "04/06/2025"),
                "#ERROR bad-timeline: clarified is 2025-06-04: a clarification "
                "received with no request",
            ),
            (
                (
                    "02/06/2025",
                    "10/06/2025",
                    "10/08/2025",
                    "foia",
                    *[None] * 6,
                    "01/07/2025",
                ),
                "#ERROR bad-timeline: review_completed is 2025-07-01: a review outcome",
            ),
            (
                ("02/06/2025", None, "05/06/2025", "foisa", *[None] * 4, True),
                "#ERROR not-applicable: extended does not apply under FOISA 2002",
            ),
            (
                ("02/06/2025", None, "05/06/2025", "foia", "junk"),
                "#ERROR invalid-input: clarification_sought must be a date",
            ),
        ],
    )
    def test_errors_name_the_column(self, args: tuple[object, ...], start: str) -> None:
        """An impossible row names the tracker column at fault, not an event index."""
        assert error_of(case_status(*args)).startswith(start)


class TestBankHolidays:
    def test_column_of_weekday_holidays(self) -> None:
        """One column of dates, no header, weekdays only, for the whole UK."""
        column = bank_holidays(2025)
        assert isinstance(column, list)
        days = [row[0] for row in column]
        assert all(len(row) == 1 for row in column)
        assert all(day.weekday() < 5 and day.year == 2025 for day in days)
        assert date(2025, 1, 2) in days  # Scotland
        assert date(2025, 3, 17) in days  # Northern Ireland
        assert date(2025, 7, 14) in days  # Northern Ireland, moved from Saturday 12
        assert days == sorted(days)

    def test_matches_calendar(self) -> None:
        """The list is every weekday non-working day of the calendar."""
        calendar = get_calendar("scotland")
        expected = [
            [day.day]
            for day in calendar.non_working_days(
                date(2025, 1, 1), date(2027, 12, 31), include_weekends=False
            )
        ]
        assert bank_holidays(2025, 2027, "Scotland") == expected

    def test_england_only_list_misses_days(self) -> None:
        """England and Wales alone leaves out days FOIA does not count."""
        england = bank_holidays(2025, None, "england-and-wales")
        assert isinstance(england, list)
        assert [date(2025, 1, 2)] not in england

    @pytest.mark.parametrize(
        ("args", "start"),
        [
            ((1999,), "#ERROR invalid-input: first_year must be a year from 2000"),
            ((2025, 2024), "#ERROR invalid-input: last_year must be blank, or a year"),
            ((2025, 2101), "#ERROR invalid-input: last_year must be blank, or a year"),
            ((2025.5,), "#ERROR invalid-input: first_year must be a whole number"),
            ((2025, None, "wales"), "#ERROR invalid-input: calendar must be one of"),
        ],
    )
    def test_bad_years(self, args: tuple[object, ...], start: str) -> None:
        """Years outside the calendar, or in the wrong order, are error values."""
        assert error_of(bank_holidays(*args)).startswith(start)

    @pytest.mark.parametrize("year", [None, "", 0])
    def test_blank(self, year: object) -> None:
        """A blank first year gives an empty cell."""
        assert bank_holidays(year) is None


def workday(start: date, days: int, holidays: set[date]) -> date:
    """Excel's WORKDAY for positive ``days``: the start is not counted."""
    day = start
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days -= 1
    return day


class TestWorkdayWithExportedList:
    def test_workday_agrees_with_library(self) -> None:
        """WORKDAY(start, 20, the exported list) is the library's FOIA due date."""
        column = bank_holidays(2024, 2026)
        assert isinstance(column, list)
        holidays = {row[0] for row in column}
        day = date(2024, 1, 1)
        while day.year < 2026:
            assert workday(day, 20, holidays) == response_due(day), day
            day += timedelta(days=1)

    def test_england_only_list_is_a_day_early(self) -> None:
        """With an England-and-Wales list, WORKDAY is a day early over 2 January."""
        column = bank_holidays(2024, 2025, "england-and-wales")
        assert isinstance(column, list)
        holidays = {row[0] for row in column}
        assert workday(RECEIVED, 20, holidays) == date(2025, 1, 21)
        assert response_due(RECEIVED) == date(2025, 1, 22)


class TestRanges:
    def test_column(self) -> None:
        """A list in gives a list out, one value or error value a cell."""
        result = response_due([45645, None, "junk", "2026-06-01"])
        assert isinstance(result, list)
        assert result[0] == DUE
        assert result[1] is None
        assert is_error(result[2])
        assert result[3] == date(2026, 6, 30)

    def test_two_dimensional(self) -> None:
        """A list of lists, as xlwings delivers a range, keeps its shape."""
        assert response_due([[45645, ""], [None, RECEIVED]]) == [
            [DUE, None],
            [None, DUE],
        ]
        assert response_due([[45645]]) == [[DUE]]

    def test_tuples(self) -> None:
        """Tuples of tuples, as LibreOffice delivers a range, give lists."""
        assert is_working_day(((45659,), (45660,))) == [[False], [True]]

    def test_empty(self) -> None:
        """An empty range gives an empty list."""
        assert response_due([]) == []

    def test_matching_range_is_taken_cell_by_cell(self) -> None:
        """Another argument of the same shape pairs up cell by cell."""
        assert working_days_between(
            [["19/12/2024"], ["19/12/2024"]], [["22/01/2025"], [None]]
        ) == [[20], [None]]
        assert response_due(["28/03/2024", "28/03/2024"], ["foia", "FOISA"]) == [
            date(2024, 4, 29),
            date(2024, 4, 26),
        ]

    @pytest.mark.parametrize("regime", ["foisa", ["foisa"], [["foisa"]]])
    def test_single_cell_is_used_for_every_cell(self, regime: object) -> None:
        """A single value, or a one-cell range, applies to every cell."""
        assert response_due([["28/03/2024"], ["28/03/2024"]], regime) == [
            [date(2024, 4, 26)],
            [date(2024, 4, 26)],
        ]

    def test_one_cell_range_with_single_first(self) -> None:
        """A one-cell range in another argument is read as its value."""
        assert response_due("28/03/2024", [["foisa"]]) == date(2024, 4, 26)

    def test_mismatched_shapes(self) -> None:
        """Ranges of different shapes give one error value naming the argument."""
        message = error_of(
            response_due([[45645], [45646]], [["foia"], ["eir"], ["sar"]])
        )
        assert message == (
            "#ERROR invalid-input: regime must be a single value, or a range the same "
            "shape as received (got 'a range of 3 rows')"
        )

    def test_range_with_single_first(self) -> None:
        """A range in another argument needs a range in the first."""
        message = error_of(working_days_between(45645, [45679, 45680]))
        assert message.startswith(
            "#ERROR invalid-input: end must be a single value, as start is a single"
        )

    def test_bank_holidays_takes_no_range(self) -> None:
        """The years of bank_holidays are single values."""
        assert error_of(bank_holidays([2025, 2026])).startswith(
            "#ERROR invalid-input: first_year must be a whole number"
        )


JUNK: list[Any] = [
    None,
    "",
    "junk",
    -1,
    1e308,
    "31/02/2026",
    60,
    object(),
    True,
    math.nan,
    10**400,
    -(10**5000),
    "9" * 5000,
    "x" * 100_000,
    b"2024-12-19",
    {"a": 1},
    math.inf,
]


#: Each function with valid arguments; the first is the one a row depends on.
FUNCTIONS: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
    "response_due": (response_due, (RECEIVED, "foia", 45677, 45670, None, None,
                                    False, None, None, None, "england-and-wales",
                                    False)),
    "review_request_deadline": (review_request_deadline,
                                (RECEIVED, "foia", "twenty-or-forty", True, None,
                                 False)),
    "review_due": (review_due, (RECEIVED, "foia", True, "twenty", False)),
    "working_days_between": (working_days_between, (RECEIVED, DUE, "uk", False)),
    "is_working_day": (is_working_day, (RECEIVED, "uk", False)),
    "add_working_days": (add_working_days, (RECEIVED, 20, "uk", False)),
    "case_status": (case_status, (RECEIVED, DUE, 45700, "foia", 45647, 45650, None,
                                  None, False, 45680, 45690, False)),
    "bank_holidays": (bank_holidays, (2025, 2026, "uk")),
}  # fmt: skip

#: Arguments for which some junk values are valid: counts may be negative or large,
#: and TRUE is a flag's value. The flags are the arguments whose valid value is a bool.
VALID_JUNK: dict[tuple[str, int], tuple[object, ...]] = {
    ("add_working_days", 1): (-1, 60),
}
for _name, (_, _valid) in FUNCTIONS.items():
    for _index, _value in enumerate(_valid):
        if isinstance(_value, bool):
            VALID_JUNK[_name, _index] = (True,)


class TestRobustness:
    @pytest.mark.parametrize("name", FUNCTIONS)
    @pytest.mark.parametrize("junk", JUNK, ids=junk_id)
    def test_junk_in_the_first_argument(self, name: str, junk: object) -> None:
        """A blank gives an empty cell; any other junk gives an error value."""
        function, valid = FUNCTIONS[name]
        result = function(junk, *valid[1:])
        if junk is None or junk == "":
            assert result is None
        else:
            error_of(result)

    @pytest.mark.parametrize("name", FUNCTIONS)
    def test_junk_in_every_argument(self, name: str) -> None:
        """Junk anywhere gives an error value or, for a blank option, its default."""
        function, valid = FUNCTIONS[name]
        assert not is_error(function(*valid))
        for index in range(1, len(valid)):
            for junk in JUNK:
                args = list(valid)
                args[index] = junk
                result = function(*args)
                if junk is None or junk == "":
                    continue  # a blank option is its default; a blank count, None
                if not any(junk is ok for ok in VALID_JUNK.get((name, index), ())):
                    error_of(result)

    @pytest.mark.parametrize("name", [n for n in FUNCTIONS if n != "bank_holidays"])
    def test_junk_in_a_column(self, name: str) -> None:
        """Junk in a column gives an empty cell or an error value in its place."""
        function, valid = FUNCTIONS[name]
        result = function([[junk] for junk in JUNK], *valid[1:])
        assert isinstance(result, list)
        assert result[:2] == [[None], [None]]
        for row in result[2:]:
            error_of(row[0])

    @given(
        cell=st.one_of(
            st.none(),
            st.text(max_size=12),
            st.integers(),
            st.floats(),
            st.booleans(),
            st.dates(),
            st.datetimes(),
            st.lists(st.integers(40000, 50000), max_size=3),
        )
    )
    def test_never_raises(self, cell: object) -> None:
        """Any cell in any argument gives a value, an empty cell or an error value."""
        for function, valid in FUNCTIONS.values():
            for index in range(len(valid)):
                args = list(valid)
                args[index] = cell
                function(*args)
