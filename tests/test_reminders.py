"""Live deadlines: what is still to be done in a case on a day."""

from __future__ import annotations

from datetime import date

import pytest

from foi_deadlines import Case, CaseEvent, InvalidInputError
from foi_deadlines.reminders import (
    DeadlineKind,
    counting_calendar,
    is_closed,
    live_deadlines,
    reminder_working_days,
)

K = DeadlineKind


def event(kind: str, on: date, **fields: object) -> CaseEvent:
    return CaseEvent(kind=kind, on=on, **fields)  # type: ignore[arg-type]


def received(regime: str = "foia", on: date = date(2025, 1, 6)) -> Case:
    return Case.received(on, regime=regime, reference="R")


def answered(regime: str = "foia") -> Case:
    return received(regime).with_event(
        event("response_sent", date(2025, 1, 20), outcome="refused")
    )


def kinds(case: Case, as_of: date) -> list[tuple[DeadlineKind, date]]:
    return [(live.kind, live.due) for live in live_deadlines(case, as_of=as_of)]


class TestResponseStage:
    def test_open_request(self) -> None:
        """An open request's response is live, and stays live when overdue."""
        assert kinds(received(), date(2025, 1, 7)) == [(K.RESPONSE, date(2025, 2, 3))]
        assert kinds(received(), date(2025, 3, 3)) == [(K.RESPONSE, date(2025, 2, 3))]

    def test_public_interest_extension(self) -> None:
        """A FOIA public interest extension makes the extended response live."""
        case = received().with_event(
            event(
                "public_interest_extension",
                date(2025, 1, 20),
                estimate=date(2025, 3, 3),
            )
        )
        assert kinds(case, date(2025, 1, 21)) == [
            (K.EXTENDED_RESPONSE, date(2025, 3, 3))
        ]

    def test_subject_access_extension(self) -> None:
        """A subject access extension makes the extended response live."""
        case = received("sar").with_event(event("extension", date(2025, 1, 20)))
        assert kinds(case, date(2025, 1, 21)) == [
            (K.EXTENDED_RESPONSE, date(2025, 4, 7))
        ]

    def test_awaiting_clarification_has_no_date(self) -> None:
        """A clock waiting for clarification has nothing dated to remind of."""
        case = received().with_event(event("clarification_sought", date(2025, 1, 8)))
        assert kinds(case, date(2025, 2, 10)) == []

    def test_fee_window_live_until_it_closes(self) -> None:
        """The window to pay a fee is live up to its last day, then the case lapses."""
        case = received().with_event(event("fees_notice", date(2025, 1, 10)))
        assert kinds(case, date(2025, 4, 9)) == [(K.FEE_PAYMENT, date(2025, 4, 9))]
        assert kinds(case, date(2025, 4, 10)) == []
        assert is_closed(case, case.status(date(2025, 4, 10)))

    def test_withdrawn(self) -> None:
        """A withdrawn case has nothing live from the day it is withdrawn."""
        case = received().with_event(event("withdrawn", date(2025, 1, 20)))
        assert kinds(case, date(2025, 1, 17)) == [(K.RESPONSE, date(2025, 2, 3))]
        assert kinds(case, date(2025, 1, 20)) == []

    def test_before_receipt(self) -> None:
        """Before the request arrived there is nothing."""
        assert kinds(received(), date(2025, 1, 5)) == []


class TestLaterStages:
    def test_review_request_window(self) -> None:
        """Answered: the requester's window is live to its last day, not after."""
        case = answered()
        assert kinds(case, date(2025, 3, 18)) == [(K.REVIEW_REQUEST, date(2025, 3, 18))]
        assert kinds(case, date(2025, 3, 19)) == []

    def test_review(self) -> None:
        """A review asked for is live until its outcome, and when overdue."""
        case = answered().with_event(event("review_requested", date(2025, 1, 27)))
        assert kinds(case, date(2025, 4, 1)) == [(K.REVIEW, date(2025, 2, 24))]
        done = case.with_event(
            event("review_outcome", date(2025, 2, 20), outcome="upheld")
        )
        assert kinds(done, date(2025, 2, 21)) == [(K.REGULATOR, date(2025, 4, 3))]
        assert not is_closed(done, done.status(date(2025, 2, 21)))

    def test_complaint_settles_the_regulator_window(self) -> None:
        """A complaint made in the window ends it."""
        case = answered().with_event(event("review_requested", date(2025, 1, 27)))
        case = case.with_event(
            event("review_outcome", date(2025, 2, 20), outcome="upheld")
        )
        case = case.with_event(event("complaint", date(2025, 3, 1)))
        assert kinds(case, date(2025, 3, 2)) == []

    def test_tribunal_window_after_a_decision_notice(self) -> None:
        """A decision notice opens the tribunal window, live to its last day."""
        case = answered().with_event(event("review_requested", date(2025, 1, 27)))
        case = case.with_event(
            event("review_outcome", date(2025, 2, 20), outcome="upheld")
        )
        case = case.with_event(event("decision_notice", date(2025, 6, 20)))
        assert kinds(case, date(2025, 6, 23)) == [(K.TRIBUNAL, date(2025, 7, 18))]
        assert kinds(case, date(2025, 7, 19)) == []

    def test_foisa_review_without_a_response(self) -> None:
        """FOISA: a review required with no response is live beside the response."""
        case = received("foisa").with_event(
            event("review_requested", date(2025, 2, 10))
        )
        found = kinds(case, date(2025, 2, 11))
        assert [kind for kind, _ in found] == [K.RESPONSE, K.REVIEW, K.REGULATOR]

    def test_foisa_regulator_window_while_the_review_is_overdue(self) -> None:
        """FOISA: the application window is live while the review is overdue."""
        case = answered("foisa").with_event(
            event("review_requested", date(2025, 1, 27))
        )
        assert [kind for kind, _ in kinds(case, date(2025, 3, 10))] == [
            K.REVIEW,
            K.REGULATOR,
        ]


class TestCounting:
    def test_days_left(self) -> None:
        """Working days left count (as_of, due]: 0 on the day, negative after."""
        live = live_deadlines(received(), as_of=date(2025, 2, 3))[0]
        assert live.working_days_left(date(2025, 2, 3)) == 0
        assert live.working_days_left(date(2025, 1, 31)) == 1
        assert live.working_days_left(date(2025, 2, 5)) == -2

    def test_reminder_days(self) -> None:
        """Reminder days are working days before the due day, earliest first."""
        live = live_deadlines(received(), as_of=date(2025, 1, 6))[0]
        assert live.reminder_days([1, 5, 20]) == (
            date(2025, 1, 6),
            date(2025, 1, 27),
            date(2025, 1, 31),
        )

    def test_reminder_before_the_calendar_is_left_out(self) -> None:
        """A reminder that would fall before 2000 is left out."""
        case = Case.received(date(2000, 1, 4), reference="Y2K")
        live = live_deadlines(case, as_of=date(2000, 1, 4))[0]
        assert live.reminder_days([1, 40]) == (date(2000, 1, 31),)

    def test_counting_calendar(self) -> None:
        """The regime's calendar, or the controller's part of the UK's."""
        assert counting_calendar(received("foisa")).name == "scotland"
        sar = Case.received(date(2025, 1, 6), regime="sar", division="northern-ireland")
        assert counting_calendar(sar).name == "northern-ireland"

    @pytest.mark.parametrize("bad", [[0], ["5"], 5, "51", [2.0]])
    def test_bad_reminder_counts(self, bad: object) -> None:
        """Reminder counts are whole numbers of 1 or more."""
        with pytest.raises(InvalidInputError, match="reminders"):
            reminder_working_days(bad)  # type: ignore[arg-type]

    def test_phrases_and_labels(self) -> None:
        """Each kind has a phrase for titles and a label, and says whose it is."""
        assert K.REVIEW_REQUEST.phrase == "review request window closes"
        assert K.EXTENDED_RESPONSE.label == "extended response"
        assert [k for k in K if k.authority_duty] == [
            K.RESPONSE,
            K.EXTENDED_RESPONSE,
            K.REVIEW,
        ]
