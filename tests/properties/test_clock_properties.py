"""Property tests for foi_deadlines.responses: response clocks, 2000-2035.

Every expectation is worked out independently of the engine: working days are
counted one calendar day at a time on the calendar, and calendar months with a
naive corresponding-date rule.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from foi_deadlines import (
    ClockStoppedError,
    NotApplicableError,
    Policies,
    RequestLapsedError,
    TimelineError,
    WorkingDayCalendar,
    get_calendar,
    response_deadlines,
    response_due,
)
from foi_deadlines.clocks import Deadline, add_months
from tests.oracles import (
    corresponding_date,
    month_length,
    nth_working_day,
    provisional_ok,
)
from tests.strategies import FIRST, LAST, days

ONE_DAY = timedelta(days=1)
LAST_INPUT = date(2100, 12, 31)
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")
CALENDAR_OF = {"foia": "uk", "eir": "uk", "foisa": "scotland", "eisr": "scotland"}
LEAP_YEARS = tuple(y for y in range(FIRST.year, LAST.year + 1) if y % 4 == 0)
COMMON_YEARS = tuple(y for y in range(FIRST.year, LAST.year + 1) if y % 4 != 0)

#: (regime, extended, working days): every working-day response clock.
working_clocks = st.sampled_from(
    [
        ("foia", False, 20),
        ("eir", False, 20),
        ("eir", True, 40),
        ("foisa", False, 20),
        ("eisr", False, 20),
        ("eisr", True, 40),
    ]
)
#: The working-day clocks a fees notice can pause (EISR charges are not modelled).
fee_clocks = st.sampled_from(
    [("foia", False, 20), ("eir", False, 20), ("eir", True, 40), ("foisa", False, 20)]
)
regimes = st.sampled_from(("foia", "eir", "foisa", "eisr", "sar"))
divisions = st.sampled_from(DIVISIONS)


def due(received: date, **options: object) -> Deadline:
    """``response_due``, allowing provisional dates."""
    with provisional_ok():
        return response_due(received, **options)  # type: ignore[arg-type]


def working_days_from(cal: WorkingDayCalendar, first: date, last: date) -> int:
    """How many working days there are from ``first`` to ``last``, both included."""
    with provisional_ok():
        return sum(
            cal.is_working_day(first + timedelta(days=i))
            for i in range((last - first).days + 1)
        )


@st.composite
def late_in_month(draw: st.DrawFn, years: tuple[int, ...]) -> date:
    """A day from the 29th to the 31st of a month of one of ``years``."""
    year = draw(st.sampled_from(years))
    months = [m for m in range(1, 13) if month_length(year, m) >= 29]
    month = draw(st.sampled_from(months))
    day = draw(st.integers(29, month_length(year, month)))
    return date(year, month, day)


def sar_due(received: date, division: str, **options: object) -> Deadline:
    """A subject access deadline for a controller in ``division``."""
    return due(received, regime="sar", division=division, **options)


def any_due(regime: str, received: date, division: str) -> date:
    """The due date under ``regime``; ``division`` is used only for subject access."""
    if regime == "sar":
        return sar_due(received, division).due
    return due(received, regime=regime).due


@st.composite
def notice_and_payment(
    draw: st.DrawFn, regime: str, received: date
) -> tuple[date, date]:
    """A fees notice from day 0 to the 20th working day, and a payment 0-30 later."""
    latest = nth_working_day(get_calendar(CALENDAR_OF[regime]), received, 20)
    notice = received + timedelta(days=draw(st.integers(0, (latest - received).days)))
    paid = notice + timedelta(days=draw(st.integers(0, 30)))
    return notice, paid


class TestWorkingDayResponse:
    @given(working_clocks, days)
    def test_due_is_a_working_day_after_day_zero(
        self, clock: tuple[str, bool, int], received: date
    ) -> None:
        """The due date is a working day of the regime's calendar, after day 0."""
        regime, extended, _ = clock
        result = due(received, regime=regime, extended=extended).due
        with provisional_ok():
            assert get_calendar(CALENDAR_OF[regime]).is_working_day(result)
        assert result > received

    @given(working_clocks, days)
    def test_due_is_the_nth_working_day(
        self, clock: tuple[str, bool, int], received: date
    ) -> None:
        """The due date is the 20th (extended: 40th) working day after day 0."""
        regime, extended, length = clock
        cal = get_calendar(CALENDAR_OF[regime])
        result = due(received, regime=regime, extended=extended)
        assert result.due == nth_working_day(cal, received, length)
        assert result.day_zero == received
        # The same through the general engine, not the fast path for plain FOIA.
        general = due(received, regime=regime, extended=extended, policies=Policies())
        assert general.due == result.due

    @given(days)
    def test_foia_due_is_26_to_42_days_after_receipt(self, received: date) -> None:
        """A FOIA response is due 26 to 42 calendar days after receipt."""
        assert 26 <= (due(received).due - received).days <= 42

    @pytest.mark.parametrize(
        ("union", "scottish", "extended"),
        [("foia", "foisa", False), ("eir", "eisr", False), ("eir", "eisr", True)],
    )
    @given(received=days)
    def test_union_calendar_is_never_earlier_than_scotland(
        self, union: str, scottish: str, extended: bool, received: date
    ) -> None:
        """FOIA (EIR) is never due before FOISA (EISR) for the same receipt date."""
        assert (
            due(received, regime=union, extended=extended).due
            >= due(received, regime=scottish, extended=extended).due
        )


class TestSubjectAccess:
    @given(days, divisions)
    def test_due_is_first_working_day_from_corresponding_date(
        self, received: date, division: str
    ) -> None:
        """The due date is the first division working day on or after one month."""
        cal = get_calendar(division)
        month_on = corresponding_date(received, 1)
        result = sar_due(received, division)
        assert result.rolled_from == month_on
        assert result.due >= month_on
        with provisional_ok():
            assert cal.is_working_day(result.due)
            day = month_on
            while day < result.due:
                assert not cal.is_working_day(day), day
                day += ONE_DAY

    @given(days, divisions)
    def test_extended_is_three_months(self, received: date, division: str) -> None:
        """Extended, the due date is the first working day on or after three months."""
        cal = get_calendar(division)
        months_on = corresponding_date(received, 3)
        result = sar_due(received, division, extended=True).due
        assert result >= months_on
        with provisional_ok():
            assert cal.is_working_day(result)
            assert all(
                not cal.is_working_day(months_on + timedelta(days=i))
                for i in range((result - months_on).days)
            )

    @given(days, divisions)
    def test_beginning_with_is_the_day_before(
        self, received: date, division: str
    ) -> None:
        """Under sar_month="beginning_with", due is the day before one month on."""
        policies = Policies(sar_month="beginning_with")
        result = sar_due(received, division, policies=policies)
        assert result.due == corresponding_date(received, 1) - ONE_DAY
        assert result.rolled_from is None

    @pytest.mark.parametrize(
        "years", [LEAP_YEARS, COMMON_YEARS], ids=["leap", "common"]
    )
    @given(data=st.data(), division=divisions)
    def test_month_end_is_clipped(
        self, years: tuple[int, ...], data: st.DataObject, division: str
    ) -> None:
        """From the 29th-31st, a shorter next month ends the period on its last day."""
        received = data.draw(late_in_month(years), label="received")
        year = received.year + received.month // 12
        month = received.month % 12 + 1
        length = month_length(year, month)
        expected = date(year, month, min(received.day, length))
        assert add_months(received, 1) == expected
        assert sar_due(received, division).rolled_from == expected

    @pytest.mark.parametrize(
        ("received", "unrolled"),
        [
            (date(2024, 1, 31), date(2024, 2, 29)),
            (date(2025, 1, 31), date(2025, 2, 28)),
            (date(2025, 1, 30), date(2025, 2, 28)),
            (date(2024, 2, 29), date(2024, 3, 29)),
        ],
    )
    def test_month_end_examples(self, received: date, unrolled: date) -> None:
        """Hand-checked corresponding dates, before any roll forward."""
        assert add_months(received, 1) == unrolled
        result = sar_due(received, "england-and-wales")
        assert result.rolled_from == unrolled
        beginning_with = Policies(sar_month="beginning_with")
        assert (
            sar_due(received, "england-and-wales", policies=beginning_with).due
            == unrolled - ONE_DAY
        )


class TestMonotonic:
    @given(regimes, days, divisions)
    def test_never_before_day_zero(
        self, regime: str, received: date, division: str
    ) -> None:
        """No regime's response is due on or before the day of receipt."""
        assert any_due(regime, received, division) > received

    @given(regimes, days, st.integers(0, 40), divisions)
    def test_later_receipt_is_never_due_earlier(
        self, regime: str, early: date, gap: int, division: str
    ) -> None:
        """A later receipt never gives an earlier due date."""
        late = early + timedelta(days=gap)
        assert any_due(regime, early, division) <= any_due(regime, late, division)


class TestRestart:
    @given(working_clocks, days, st.integers(0, 60), st.data())
    def test_restart_equals_fresh_request(
        self,
        clock: tuple[str, bool, int],
        received: date,
        gap: int,
        data: st.DataObject,
    ) -> None:
        """A clarification sought in time gives the deadline of a request received then.

        Sought by the 20th working day, it restarts the clock from its answer
        (FOIA s1(3), s10(6)(b); EIR and EISR reg 9(2), 9(4); FOISA s1(3), s10(1)).
        """
        regime, extended, length = clock
        clarified = received + timedelta(days=gap)
        window = nth_working_day(get_calendar(CALENDAR_OF[regime]), received, 20)
        latest = min(gap, (window - received).days)
        sought = data.draw(
            st.none()
            | st.integers(0, latest).map(lambda d: received + timedelta(days=d)),
            label="sought",
        )
        restarted = due(
            received,
            regime=regime,
            extended=extended,
            clarified_on=clarified,
            clarification_sought_on=sought,
        )
        fresh = due(clarified, regime=regime, extended=extended)
        assert restarted.due == fresh.due
        assert restarted.day_zero == clarified
        cal = get_calendar(CALENDAR_OF[regime])
        assert restarted.due == nth_working_day(cal, clarified, length)

    @given(working_clocks, days, st.integers(1, 60), st.integers(0, 60))
    def test_late_clarification_has_no_effect(
        self, clock: tuple[str, bool, int], received: date, late: int, gap: int
    ) -> None:
        """Clarification sought after working day 20 moves nothing, and says so."""
        regime, extended, _ = clock
        window = nth_working_day(get_calendar(CALENDAR_OF[regime]), received, 20)
        sought = window + timedelta(days=late)
        clarified = sought + timedelta(days=gap)
        assume(clarified <= LAST_INPUT)
        plain = due(received, regime=regime, extended=extended)
        late_one = due(
            received,
            regime=regime,
            extended=extended,
            clarification_sought_on=sought,
            clarified_on=clarified,
        )
        assert late_one.due == plain.due
        assert late_one.day_zero == received
        assert any("no effect" in e.description for e in late_one.events)


class TestFeePause:
    @given(fee_clocks, days, st.data())
    def test_pause_moves_due_by_working_days_disregarded(
        self, clock: tuple[str, bool, int], received: date, data: st.DataObject
    ) -> None:
        """A fee paid k working days after its notice moves the date k working days."""
        regime, extended, length = clock
        notice, paid = data.draw(notice_and_payment(regime, received))
        cal = get_calendar(CALENDAR_OF[regime])
        # Day 0 itself is never counted, so a notice on day 0 disregards from day 1.
        k = working_days_from(cal, max(notice, received + ONE_DAY), paid)
        unpaused = nth_working_day(cal, received, length)
        result = due(
            received,
            regime=regime,
            extended=extended,
            fee_notice_on=notice,
            fee_paid_on=paid,
        )
        assert result.due == nth_working_day(cal, unpaused, k)

    @given(fee_clocks, days, st.data())
    def test_unpaid_fee_stops_the_clock(
        self, clock: tuple[str, bool, int], received: date, data: st.DataObject
    ) -> None:
        """An unpaid fee: no response date, and what is left is what was not used."""
        regime, extended, length = clock
        notice, _ = data.draw(notice_and_payment(regime, received))
        cal = get_calendar(CALENDAR_OF[regime])
        elapsed = working_days_from(cal, received + ONE_DAY, notice - ONE_DAY)
        result = response_deadlines(
            received, regime=regime, extended=extended, fee_notice_on=notice
        )
        assert result.response is None
        assert result.stopped is not None
        assert result.stopped.on == notice
        assert result.stopped.resume_with == "fee_paid_on"
        assert result.stopped.remaining == length - elapsed
        assert result.fee_payment is not None
        with pytest.raises(ClockStoppedError) as stopped:
            due(received, regime=regime, extended=extended, fee_notice_on=notice)
        assert stopped.value.stopped_on == notice


class TestInvalidInputs:
    @given(regimes, days, st.integers(1, 60))
    def test_clarification_before_receipt(
        self, regime: str, received: date, gap: int
    ) -> None:
        """A clarification received before the request is refused."""
        clarified = received - timedelta(days=gap)
        assume(clarified >= FIRST)  # earlier dates are refused as out of range
        sought = received if regime == "sar" else None
        with pytest.raises(TimelineError) as refused:
            due(
                received,
                regime=regime,
                clarified_on=clarified,
                clarification_sought_on=sought,
            )
        assert type(refused.value) is TimelineError
        assert refused.value.param == "clarified_on"

    @given(fee_clocks, days, st.integers(1, 30), st.data())
    def test_payment_before_notice(
        self,
        clock: tuple[str, bool, int],
        received: date,
        early: int,
        data: st.DataObject,
    ) -> None:
        """A fee paid before its notice is refused."""
        regime, extended, _ = clock
        notice, _ = data.draw(notice_and_payment(regime, received))
        paid = notice - timedelta(days=early)
        assume(paid >= FIRST)  # earlier dates are refused as out of range
        with pytest.raises(TimelineError) as refused:
            due(
                received,
                regime=regime,
                extended=extended,
                fee_notice_on=notice,
                fee_paid_on=paid,
            )
        assert type(refused.value) is TimelineError
        assert refused.value.param == "fee_paid_on"

    @given(fee_clocks, days, st.integers(1, 60), st.data())
    def test_payment_after_window_lapses(
        self,
        clock: tuple[str, bool, int],
        received: date,
        late: int,
        data: st.DataObject,
    ) -> None:
        """A fee paid after its window is refused; on its last day it is accepted."""
        regime, extended, _ = clock
        notice, _ = data.draw(notice_and_payment(regime, received))
        if regime == "eir":
            last = nth_working_day(get_calendar("uk"), notice, 60)
        else:
            last = corresponding_date(notice, 3) - ONE_DAY
        options: dict[str, object] = {
            "regime": regime,
            "extended": extended,
            "fee_notice_on": notice,
        }
        with pytest.raises(RequestLapsedError) as refused:
            due(received, fee_paid_on=last + timedelta(days=late), **options)
        assert refused.value.param == "fee_paid_on"
        assert due(received, fee_paid_on=last, **options).due > last

    @given(days)
    def test_foisa_has_no_extension(self, received: date) -> None:
        """extended=True is refused under FOISA."""
        with pytest.raises(NotApplicableError) as refused:
            due(received, regime="foisa", extended=True)
        assert refused.value.param == "extended"
