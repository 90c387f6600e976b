"""Property tests for foi_deadlines.reviews: reviews, complaints and appeals, 2000-2035.

Every expectation is worked out independently of the engine: working days are
counted one calendar day at a time on the calendar, calendar-day periods by plain
date arithmetic, and calendar months with a naive corresponding-date rule.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from foi_deadlines import (
    Policies,
    ShortReviewWindowWarning,
    TimelineError,
    WorkingDayCalendar,
    get_calendar,
    regulator_deadline,
    review_due,
    review_request_check,
    review_request_deadline,
    tribunal_deadline,
)
from foi_deadlines.clocks import Deadline
from foi_deadlines.reviews import ReviewRequestCheck
from tests.oracles import (
    corresponding_date,
    nth_working_day,
    provisional_ok,
)
from tests.strategies import FIRST, days

T = TypeVar("T")

ONE_DAY = timedelta(days=1)
CALENDAR_OF = {"foia": "uk", "eir": "uk", "foisa": "scotland", "eisr": "scotland"}
SIMPLIFIED = Policies(foisa_review_start="sic_simplified")

#: (regime, policy, extenuating, working days): every window to ask for a review.
RequestClock = tuple[str, str | None, bool, int]
request_clocks = st.sampled_from(
    [
        ("foia", None, False, 40),
        ("foia", "code-of-practice", False, 40),
        ("foia", "twenty", False, 20),
        ("foia", "twenty-or-forty", False, 20),
        ("foia", "twenty-or-forty", True, 40),
        ("eir", None, False, 40),
        ("foisa", None, False, 40),
        ("eisr", None, False, 40),
    ]
)
#: (regime, complex, body, working days, rule id): every time to complete a review.
ReviewClock = tuple[str, bool, str | None, int, str]
review_clocks = st.sampled_from(
    [
        ("foia", False, None, 20, "foia.review"),
        ("foia", True, None, 40, "foia.review_extended"),
        ("eir", False, None, 40, "eir.reconsideration"),
        ("foisa", False, None, 20, "foisa.review"),
        ("foisa", False, "keeper", 30, "foisa.review_keeper"),
        ("eisr", False, None, 20, "eisr.review"),
    ]
)
#: Days from the response to the day the FOISA response was due (negative: late).
due_offsets = st.integers(-60, 60)


def first_working_day_from(cal: WorkingDayCalendar, day: date) -> date:
    """``day`` if it is a working day, otherwise the next one, found day by day."""
    with provisional_ok():
        while not cal.is_working_day(day):
            day += ONE_DAY
    return day


def is_short(regime: str, policy: str | None, extenuating: bool) -> bool:
    """Whether the FOIA window is under the Code's 40 working days (it warns)."""
    return regime == "foia" and (
        policy == "twenty" or (policy == "twenty-or-forty" and not extenuating)
    )


def quietly(short: bool, call: Callable[[], T]) -> T:
    """``call()``: provisional dates allowed; a short window must warn, others not."""
    with provisional_ok():
        if short:
            with pytest.warns(ShortReviewWindowWarning):
                return call()
        return call()


def foisa_due_on(regime: str, response: date, offset: int) -> date | None:
    """For FOISA, the day the response was due, ``offset`` days after it."""
    return max(FIRST, response + timedelta(days=offset)) if regime == "foisa" else None


def window(
    response: date,
    clock: RequestClock,
    *,
    response_due_on: date | None = None,
    response_received_on: date | None = None,
    policies: Policies | None = None,
) -> Deadline:
    """``review_request_deadline`` for ``clock``."""
    regime, policy, extenuating, _ = clock
    return quietly(
        is_short(regime, policy, extenuating),
        lambda: review_request_deadline(
            response,
            regime=regime,
            policy=policy,
            extenuating=extenuating,
            response_due_on=response_due_on,
            response_received_on=response_received_on,
            policies=policies,
        ),
    )


def check(
    response: date,
    requested: date,
    clock: RequestClock,
    *,
    response_due_on: date | None = None,
) -> ReviewRequestCheck:
    """``review_request_check`` for ``clock``."""
    regime, policy, extenuating, _ = clock
    return quietly(
        is_short(regime, policy, extenuating),
        lambda: review_request_check(
            response,
            requested,
            regime=regime,
            policy=policy,
            extenuating=extenuating,
            response_due_on=response_due_on,
        ),
    )


def review(requested: date, clock: ReviewClock) -> Deadline:
    """``review_due`` for ``clock``."""
    regime, complex_case, body, _, _ = clock
    with provisional_ok():
        return review_due(requested, regime=regime, complex=complex_case, body=body)


class TestLongerWindows:
    @given(days)
    def test_forty_day_request_window_ends_after_twenty(self, response: date) -> None:
        """The Code's 40-day window to ask never ends before a 20-day policy's."""
        forty = window(response, ("foia", None, False, 40)).due
        twenty = window(response, ("foia", "twenty", False, 20)).due
        assert forty >= twenty
        assert forty == nth_working_day(get_calendar("uk"), twenty, 20)

    @given(days)
    def test_complex_review_ends_after_ordinary(self, requested: date) -> None:
        """A complex FOIA review (40 days) is never due before an ordinary one (20)."""
        complex_case = review(requested, ("foia", True, None, 40, "")).due
        ordinary = review(requested, ("foia", False, None, 20, "")).due
        assert complex_case >= ordinary
        assert complex_case == nth_working_day(get_calendar("uk"), ordinary, 20)

    @given(days)
    def test_extenuating_window_is_the_codes(self, response: date) -> None:
        """twenty-or-forty with extenuating circumstances is the Code's 40 days."""
        extenuating = window(response, ("foia", "twenty-or-forty", True, 40)).due
        assert extenuating == window(response, ("foia", None, False, 40)).due


class TestWorkingDayWindows:
    @given(request_clocks, days, due_offsets)
    def test_request_window_is_nth_working_day(
        self, clock: RequestClock, response: date, offset: int
    ) -> None:
        """The window to ask ends on the Nth working day after day 0, a working day."""
        regime, _, _, length = clock
        cal = get_calendar(CALENDAR_OF[regime])
        due_on = foisa_due_on(regime, response, offset)
        # FOISA s20(5): from the expiry of the time to respond if the response was
        # in time, otherwise from (receipt of) the late response.
        day0 = response if due_on is None else max(response, due_on)
        result = window(response, clock, response_due_on=due_on)
        assert result.day_zero == day0
        assert result.calendar_name == CALENDAR_OF[regime]
        assert result.rule.length == length
        with provisional_ok():
            assert cal.is_working_day(result.due)
        assert result.due == nth_working_day(cal, day0, length)

    @given(request_clocks, days, st.integers(0, 15), due_offsets)
    def test_received_by_requester_starts_from_receipt(
        self, clock: RequestClock, response: date, delay: int, offset: int
    ) -> None:
        """Under P10 received_by_requester, day 0 is receipt (FOISA: s20(5) still)."""
        regime, _, _, length = clock
        cal = get_calendar(CALENDAR_OF[regime])
        received = response + timedelta(days=delay)
        due_on = foisa_due_on(regime, response, offset)
        if due_on is None:
            day0 = received
        else:
            day0 = due_on if response <= due_on else received
        result = window(
            response,
            clock,
            response_due_on=due_on,
            response_received_on=received,
            policies=Policies(requester_window_start="received_by_requester"),
        )
        assert result.day_zero == day0
        assert result.due == nth_working_day(cal, day0, length)

    @given(review_clocks, days)
    def test_review_is_nth_working_day(
        self, clock: ReviewClock, requested: date
    ) -> None:
        """A review is due on the Nth working day after its request, a working day."""
        regime, _, _, length, rule_id = clock
        cal = get_calendar(CALENDAR_OF[regime])
        result = review(requested, clock)
        assert result.clock_id == rule_id
        assert result.day_zero == requested
        assert result.calendar_name == CALENDAR_OF[regime]
        with provisional_ok():
            assert cal.is_working_day(result.due)
        assert result.due == nth_working_day(cal, requested, length)


class TestCalendarDayPeriods:
    @given(st.sampled_from(["foia", "eir"]), days)
    def test_tribunal_rolls_on_england_and_wales(self, regime: str, sent: date) -> None:
        """The Tribunal's 28 days roll to the next England and Wales working day."""
        end = sent + timedelta(days=28)
        with provisional_ok():
            result = tribunal_deadline(sent, regime=regime)
        assert result.rolled_from == end
        assert result.calendar_name == "england-and-wales"
        assert result.due == first_working_day_from(
            get_calendar("england-and-wales"), end
        )

    @given(st.sampled_from(["foia", "eir"]), days)
    def test_tribunal_rolls_on_uk_under_p14(self, regime: str, sent: date) -> None:
        """Under P14 uk, the 28 days roll to the next UK-wide working day."""
        end = sent + timedelta(days=28)
        with provisional_ok():
            result = tribunal_deadline(
                sent, regime=regime, policies=Policies(tribunal_calendar="uk")
            )
        assert result.rolled_from == end
        assert result.calendar_name == "uk"
        assert result.due == first_working_day_from(get_calendar("uk"), end)

    @given(st.sampled_from(["foisa", "eisr"]), days)
    def test_court_of_session_is_42_days(self, regime: str, intimated: date) -> None:
        """An appeal to the Court of Session is due exactly 42 days on, never rolled."""
        result = tribunal_deadline(intimated, regime=regime)
        assert result.due == intimated + timedelta(days=42)
        assert result.calendar is None
        assert result.rolled_from is None

    @given(st.sampled_from(["foia", "eir"]), days)
    def test_ico_complaint_is_six_weeks(self, regime: str, final: date) -> None:
        """A complaint to the ICO is due exactly 42 days on, never rolled."""
        result = regulator_deadline(final, regime=regime)
        assert result.due == final + timedelta(days=42)
        assert result.calendar is None

    @given(st.sampled_from(["foisa", "eisr"]), days)
    def test_sic_application_is_six_months(self, regime: str, notice: date) -> None:
        """An application to the SIC is due on the corresponding date six months on."""
        result = regulator_deadline(notice, regime=regime)
        assert result.due == corresponding_date(notice, 6)
        assert result.calendar is None

    @given(st.sampled_from(["foisa", "eisr"]), days)
    def test_sic_strict_before_is_a_day_earlier(
        self, regime: str, notice: date
    ) -> None:
        """Under P9 strict_before, the SIC application is due a day earlier."""
        policies = Policies(sic_application="strict_before")
        result = regulator_deadline(notice, regime=regime, policies=policies)
        assert result.due == corresponding_date(notice, 6) - ONE_DAY

    @given(days)
    def test_subject_access_complaint_is_three_months(self, contact: date) -> None:
        """A data protection complaint is due on the corresponding date 3 months on."""
        result = regulator_deadline(contact, regime="sar")
        assert result.due == corresponding_date(contact, 3)
        assert result.calendar is None


class TestFoisaReviewStart:
    @given(days, due_offsets)
    def test_statutory_never_before_simplified(
        self, response: date, offset: int
    ) -> None:
        """FOISA's s20(5) window never ends before the SIC's simplified reading."""
        due_on = max(FIRST, response + timedelta(days=offset))
        cal = get_calendar("scotland")
        statutory = window(response, ("foisa", None, False, 40), response_due_on=due_on)
        simplified = window(response, ("foisa", None, False, 40), policies=SIMPLIFIED)
        assert statutory.due >= simplified.due
        assert simplified.due == nth_working_day(cal, response, 40)
        if response > due_on:  # a late response: both count from it
            assert statutory.due == simplified.due


class TestReviewRequestCheck:
    @given(request_clocks, days, due_offsets)
    def test_last_day_is_in_time(
        self, clock: RequestClock, response: date, offset: int
    ) -> None:
        """A request on the window's last day is in time, 0 working days late."""
        regime, _, _, length = clock
        due_on = foisa_due_on(regime, response, offset)
        day0 = response if due_on is None else max(response, due_on)
        last = nth_working_day(get_calendar(CALENDAR_OF[regime]), day0, length)
        result = check(response, last, clock, response_due_on=due_on)
        assert result.deadline.due == last
        assert result.in_time
        assert result.working_days_late == 0

    @given(request_clocks, days, due_offsets, st.integers(1, 30))
    def test_k_working_days_late(
        self, clock: RequestClock, response: date, offset: int, k: int
    ) -> None:
        """A request k working days after the last day is late by k working days."""
        regime, _, _, length = clock
        cal = get_calendar(CALENDAR_OF[regime])
        due_on = foisa_due_on(regime, response, offset)
        day0 = response if due_on is None else max(response, due_on)
        requested = nth_working_day(cal, nth_working_day(cal, day0, length), k)
        result = check(response, requested, clock, response_due_on=due_on)
        assert not result.in_time
        assert result.working_days_late == k

    @given(request_clocks, days, due_offsets, st.integers(1, 60))
    def test_request_before_response_is_refused(
        self, clock: RequestClock, response: date, offset: int, gap: int
    ) -> None:
        """A request for review made before the response is refused."""
        regime, _, _, _ = clock
        requested = response - timedelta(days=gap)
        assume(requested >= FIRST)  # earlier dates are refused as out of range
        due_on = foisa_due_on(regime, response, offset)
        with pytest.raises(TimelineError) as refused:
            check(response, requested, clock, response_due_on=due_on)
        assert type(refused.value) is TimelineError
        assert refused.value.param == "requested_on"


class TestMonotonic:
    @given(request_clocks, days, st.integers(0, 40), due_offsets)
    def test_later_response_never_ends_window_earlier(
        self, clock: RequestClock, early: date, gap: int, offset: int
    ) -> None:
        """A later response never gives an earlier last day to ask for a review."""
        late = early + timedelta(days=gap)
        due_on = foisa_due_on(clock[0], early, offset)
        assert (
            window(early, clock, response_due_on=due_on).due
            <= window(late, clock, response_due_on=due_on).due
        )

    @given(review_clocks, days, st.integers(0, 40))
    def test_later_request_never_due_earlier(
        self, clock: ReviewClock, early: date, gap: int
    ) -> None:
        """A later request for review never gives an earlier review date."""
        late = early + timedelta(days=gap)
        assert review(early, clock).due <= review(late, clock).due
