"""Cases at their edges: the last day of each window, the day an event happens,
and the events that come out of the usual order.

Dates are worked by hand on the UK union calendar of FOIA s10(6) (weekends,
Christmas Day, Good Friday and every bank holiday in any part of the UK).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.cases import Case, CaseEvent, StatusCode
from foi_deadlines.errors import (
    InvalidInputError,
    OutsideCalendarRangeError,
    TimelineError,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(kind: str, on: str, **fields: Any) -> CaseEvent:
    return CaseEvent(kind=kind, on=d(on), **fields)


def case(*events: CaseEvent, **options: Any) -> Case:
    return Case(events=events, **options)


def current_id(built: Case, on: str) -> tuple[str, date] | None:
    deadline = built.current_deadline(d(on))
    return None if deadline is None else (deadline.clock_id, deadline.due)


#: A FOIA request with a fees notice, paid, then answered and reviewed (M03):
#: received Mon 3 Mar 2025, notice Mon 10 Mar, fee Mon 24 Mar, due Tue 15 Apr.
PAID = (
    ev("received", "2025-03-03"),
    ev("fees_notice", "2025-03-10"),
    ev("fee_paid", "2025-03-24"),
    ev("response_sent", "2025-04-15", outcome="provided"),
    ev("review_requested", "2025-04-22"),
)


class TestTheCaseAsItStood:
    def test_received_on_is_the_first_event(self) -> None:
        assert case(*PAID).received_on == d("2025-03-03")

    @pytest.mark.parametrize(
        ("as_of", "known"),
        [
            ("2025-03-03", 1),
            ("2025-03-09", 1),
            ("2025-03-10", 2),
            ("2025-03-23", 2),
            ("2025-03-24", 3),
            ("2025-04-15", 4),
            ("2025-04-22", 5),
        ],
    )
    def test_an_event_counts_from_its_own_day(self, as_of: str, known: int) -> None:
        built = case(*PAID)
        assert built.known_on(d(as_of)).events == PAID[:known]
        status = built.status(d(as_of))
        assert status.later_events == len(PAID) - known

    def test_the_whole_case_is_itself(self) -> None:
        built = case(*PAID)
        assert built.known_on(d("2025-04-22")) is built
        assert built.check_as_of(d("2025-04-22")) == d("2025-04-22")

    def test_check_as_of_names_the_first_later_event(self) -> None:
        with pytest.raises(
            TimelineError,
            match=r"^events\[2\] is fee_paid on 2025-03-24: it is after as_of "
            r"\(2025-03-23\)",
        ):
            case(*PAID).check_as_of(d("2025-03-23"))
        assert Case.received(d("2025-03-03")).check_as_of(d("2025-03-03")) == d(
            "2025-03-03"
        )

    def test_the_status_on_each_day(self) -> None:
        """Awaiting the fee from the notice; in time once paid (16 working days
        left from Mon 24 Mar); answered on Tue 15 Apr, the last day."""
        built = case(*PAID)
        assert built.status(d("2025-03-10")).code is StatusCode.AWAITING_FEE
        paid = built.status(d("2025-03-24"))
        assert paid.code is StatusCode.IN_TIME
        assert paid.working_days_left == 16
        assert built.status(d("2025-04-15")).code is StatusCode.RESPONDED_IN_TIME
        assert built.status(d("2025-04-22")).code is StatusCode.REVIEW_OPEN

    @given(offset=st.integers(min_value=0, max_value=60))
    @settings(max_examples=25, deadline=None)
    def test_known_on_keeps_the_events_on_or_before_the_day(self, offset: int) -> None:
        day = d("2025-03-03") + timedelta(days=offset)
        built = case(*PAID)
        expected = tuple(event for event in PAID if event.on <= day)
        assert built.known_on(day).events == expected

    @pytest.mark.parametrize("as_of", [date(2101, 1, 1), date(2200, 6, 1)])
    def test_a_day_beyond_the_supported_days_is_refused(self, as_of: date) -> None:
        built = Case.received(d("2024-12-19"))
        for ask in (built.current_deadline, built.known_on, built.status):
            with pytest.raises(OutsideCalendarRangeError, match=r"^as_of is "):
                ask(as_of)

    def test_a_day_before_receipt_is_refused(self) -> None:
        with pytest.raises(
            InvalidInputError, match=r"^as_of must be a day on or after"
        ):
            Case.received(d("2024-12-19")).current_deadline(d("2024-12-18"))


class TestDueSoon:
    """F01: received Thu 19 Dec 2024, due Wed 22 Jan 2025."""

    def test_five_working_days_is_due_soon_by_default(self) -> None:
        built = Case.received(d("2024-12-19"))
        six = built.status(d("2025-01-14"))
        assert (six.code, six.working_days_left) == (StatusCode.IN_TIME, 6)
        five = built.status(d("2025-01-15"))
        assert (five.code, five.working_days_left) == (StatusCode.DUE_SOON, 5)
        assert five.detail == "response due 2025-01-22, 5 working days left"

    def test_the_last_day_and_the_day_after(self) -> None:
        built = Case.received(d("2024-12-19"))
        last = built.status(d("2025-01-22"))
        assert (last.code, last.working_days_left) == (StatusCode.DUE_SOON, 0)
        late = built.status(d("2025-01-23"))
        assert (late.code, late.working_days_overdue) == (StatusCode.OVERDUE, 1)
        assert late.detail == "response overdue by 1 working day (due 2025-01-22)"

    def test_zero_is_allowed(self) -> None:
        built = Case.received(d("2024-12-19"))
        day_before = built.status(d("2025-01-21"), due_soon_working_days=0)
        assert day_before.code is StatusCode.IN_TIME
        on_the_day = built.status(d("2025-01-22"), due_soon_working_days=0)
        assert on_the_day.code is StatusCode.DUE_SOON

    @pytest.mark.parametrize("soon", [-1, 2.0, "5", True, None])
    def test_a_bad_threshold_is_refused(self, soon: object) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^due_soon_working_days must be a whole number, 0 or more",
        ):
            Case.received(d("2024-12-19")).status(
                d("2025-01-06"),
                due_soon_working_days=soon,  # type: ignore[arg-type]
            )


class TestResponded:
    """M05: received Mon 3 Feb 2025; the refusal notice is due Mon 3 Mar; the
    refusal notice estimates the public interest decision for Thu 20 Mar."""

    EXTENDED = (
        ev("received", "2025-02-03"),
        ev("public_interest_extension", "2025-03-03", estimate=d("2025-03-20")),
    )

    @pytest.mark.parametrize(
        ("sent", "code", "detail"),
        [
            (
                "2025-03-03",
                StatusCode.RESPONDED_IN_TIME,
                "responded on 2025-03-03, by 2025-03-03",
            ),
            (
                "2025-03-04",
                StatusCode.RESPONDED_WITHIN_EXTENSION,
                "responded on 2025-03-04, within the extension to 2025-03-20",
            ),
            (
                "2025-03-20",
                StatusCode.RESPONDED_WITHIN_EXTENSION,
                "responded on 2025-03-20, within the extension to 2025-03-20",
            ),
            (
                "2025-03-21",
                StatusCode.RESPONDED_LATE,
                "responded on 2025-03-21, 1 working day after 2025-03-20",
            ),
            (
                "2025-03-25",
                StatusCode.RESPONDED_LATE,
                "responded on 2025-03-25, 3 working days after 2025-03-20",
            ),
        ],
    )
    def test_in_time_within_the_extension_or_late(
        self, sent: str, code: StatusCode, detail: str
    ) -> None:
        built = case(*self.EXTENDED, ev("response_sent", sent, outcome="refused"))
        status = built.status(d("2025-04-01"))
        assert (status.code, status.detail) == (code, detail)

    def test_newer_holiday_data_reaches_an_answered_case(self) -> None:
        """Received Tue 1 Jun 2027, due Tue 29 Jun; a bank holiday proclaimed for
        Mon 7 Jun in Northern Ireland moves it to Wed 30 Jun, the day answered."""
        built = case(
            ev("received", "2027-06-01"),
            ev("response_sent", "2027-06-30", outcome="provided"),
        )
        new = HolidayData.bundled().with_proclaimed(
            d("2027-06-07"), "Special", divisions=["northern-ireland"]
        )
        late = built.status(d("2027-07-01"))
        assert late.code is StatusCode.RESPONDED_LATE
        assert late.detail == "responded on 2027-06-30, 1 working day after 2027-06-29"
        in_time = built.status(d("2027-07-01"), data=new)
        assert in_time.code is StatusCode.RESPONDED_IN_TIME
        assert in_time.detail == "responded on 2027-06-30, by 2027-06-30"


class TestFeeLapse:
    """M04: a fees notice given Mon 10 Mar 2025 must be paid by Mon 9 Jun 2025
    (three months beginning with the notice day, FOIA s9(2)); unpaid, the request
    lapses on Tue 10 Jun."""

    def test_the_fee_window_until_it_lapses(self) -> None:
        built = case(ev("received", "2025-03-03"), ev("fees_notice", "2025-03-10"))
        stage = built.deadlines().response
        assert stage is not None
        assert stage.lapsed_on == d("2025-06-10")
        assert current_id(built, "2025-06-09") == ("foia.fee_payment", d("2025-06-09"))
        assert built.status(d("2025-06-09")).code is StatusCode.AWAITING_FEE
        assert current_id(built, "2025-06-10") is None
        lapsed = built.status(d("2025-06-10"))
        assert lapsed.code is StatusCode.LAPSED
        assert lapsed.detail.startswith(
            "lapsed on 2025-06-10: the fee was not paid in time (due by 2025-06-09"
        )


class TestAfterTheResponse:
    def test_a_complaint_before_the_response_does_not_end_the_case(self) -> None:
        """A complaint about delay (s50) before the response; once answered on
        Tue 15 Apr 2025, 40 working days to ask for a review: Mon 16 Jun 2025
        (past Good Friday, Easter Monday and the May bank holidays)."""
        built = case(
            ev("received", "2025-03-03"),
            ev("complaint", "2025-04-10"),
            ev("response_sent", "2025-04-15", outcome="provided"),
        )
        assert current_id(built, "2025-04-16") == (
            "foia.review_request",
            d("2025-06-16"),
        )
        after = built.with_event(ev("complaint", "2025-06-20"))
        assert after.current_deadline(d("2025-06-20")) is None

    def test_the_window_to_ask_for_a_review_includes_its_last_day(self) -> None:
        """R01: a response on Thu 19 Dec 2024 may be reviewed if asked by Wed 19 Feb
        2025; after that no deadline is pending until a review."""
        built = case(
            ev("received", "2024-12-02"),
            ev("response_sent", "2024-12-19", outcome="refused"),
        )
        assert current_id(built, "2025-02-19") == (
            "foia.review_request",
            d("2025-02-19"),
        )
        assert current_id(built, "2025-02-20") is None


class TestReviewOutcome:
    """A review asked for on Fri 30 May 2025 is due by Fri 27 Jun (20 working
    days, the Code of Practice)."""

    ASKED = (
        ev("received", "2025-05-01"),
        ev("response_sent", "2025-05-02", outcome="refused"),
        ev("review_requested", "2025-05-30"),
    )

    @pytest.mark.parametrize(
        ("decided", "timing"),
        [
            ("2025-06-02", "in time"),
            ("2025-06-27", "in time"),
            ("2025-06-28", "after the last day"),  # a Saturday: no working day lost
            ("2025-06-30", "1 working day late"),
            ("2025-07-02", "3 working days late"),
        ],
    )
    def test_how_the_review_went(self, decided: str, timing: str) -> None:
        built = case(*self.ASKED, ev("review_outcome", decided, outcome="upheld"))
        status = built.status(d("2025-07-03"))
        assert status.code is StatusCode.CLOSED
        assert status.detail == f"review completed on {decided} (upheld), {timing}"
        assert status.deadline is not None
        assert status.deadline.clock_id == "foia.ico_complaint"
        # Six weeks from the review outcome (the ICO's practice).
        assert status.deadline.due == d(decided) + timedelta(days=42)

    def test_the_review_is_open_until_its_last_day(self) -> None:
        built = case(*self.ASKED)
        assert built.status(d("2025-06-27")).code is StatusCode.REVIEW_OPEN
        overdue = built.status(d("2025-06-30"))
        assert (overdue.code, overdue.working_days_overdue) == (
            StatusCode.REVIEW_OVERDUE,
            1,
        )


class TestValue:
    def test_repr_shows_what_the_case_was_made_from(self) -> None:
        """The repr lists the declared fields; what is derived from them (the rules,
        the circumstances, the latest events, the shape) is left out."""
        text = repr(Case.received(d("2025-01-06"), reference="FOI-1"))
        assert text.startswith(
            "Case(events=(CaseEvent(kind=<CaseEventKind.RECEIVED: 'received'>, "
            "on=datetime.date(2025, 1, 6)"
        )
        assert "reference='FOI-1'" in text
        for derived in ("_rules", "RuleSet(", "_circumstances", "_latest", "_shape"):
            assert derived not in text

    def test_equal_cases_hash_alike(self) -> None:
        first = case(*PAID, reference="FOI-2")
        second = case(*reversed(PAID), reference="FOI-2")
        assert first == second
        assert hash(first) == hash(second)
        assert first != case(*PAID, reference="FOI-3")
