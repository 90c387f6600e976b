"""Timelines that cannot be true under a regime's rules, and timelines that can."""

from __future__ import annotations

from datetime import date

import pytest

from foi_deadlines.clocks import Fact, Policies, timeline_problems
from foi_deadlines.rules import rule_set
from foi_deadlines.timeline import CaseEventKind as Kind

FOIA = rule_set("foia")
RECEIVED = Fact(Kind.RECEIVED, date(2025, 3, 3))
RESPONSE = Fact(Kind.RESPONSE_SENT, date(2025, 4, 10))
REVIEW = Fact(Kind.REVIEW_REQUESTED, date(2025, 4, 14))
REVIEW_EXTENDED = Fact(Kind.REVIEW_EXTENDED, date(2025, 5, 12))
OUTCOME = Fact(Kind.REVIEW_OUTCOME, date(2025, 6, 10))
NOTICE = Fact(Kind.FEES_NOTICE, date(2025, 3, 10))
PAID = Fact(Kind.FEE_PAID, date(2025, 3, 24))
LAPSED = Fact(Kind.FEES_NOTICE_LAPSED, date(2025, 6, 10))


def problems(
    events: list[Fact], regime: str = "foia", policies: Policies | None = None
) -> list[tuple[int, str]]:
    return list(timeline_problems(rule_set(regime), events, policies or Policies()))


class TestPossibleTimelines:
    def test_a_whole_foia_case(self) -> None:
        events = [
            RECEIVED,
            Fact(Kind.CLARIFICATION_SOUGHT, date(2025, 3, 4)),
            Fact(Kind.CLARIFICATION_RECEIVED, date(2025, 3, 6)),
            NOTICE,
            PAID,
            Fact(Kind.PUBLIC_INTEREST_EXTENSION, date(2025, 4, 1), date(2025, 5, 1)),
            RESPONSE,
            REVIEW,
            REVIEW_EXTENDED,
            OUTCOME,
            Fact(Kind.COMPLAINT, date(2025, 6, 20)),
            Fact(Kind.DECISION_NOTICE, date(2025, 8, 15)),
        ]
        assert problems(events) == []

    def test_nothing_or_the_request_alone(self) -> None:
        assert problems([]) == []
        assert problems([RECEIVED]) == []

    def test_a_request_then_its_response(self) -> None:
        assert problems([RECEIVED, RESPONSE]) == []

    def test_a_fees_notice_that_lapsed(self) -> None:
        assert problems([RECEIVED, NOTICE, LAPSED]) == []

    def test_a_withdrawal_as_the_last_event(self) -> None:
        withdrawn = Fact(Kind.WITHDRAWN, date(2025, 3, 20))
        assert problems([RECEIVED, NOTICE, withdrawn]) == []

    def test_eir_extension_and_reconsideration(self) -> None:
        events = [
            RECEIVED,
            Fact(Kind.EXTENSION, date(2025, 3, 20)),
            RESPONSE,
            REVIEW,
            OUTCOME,
        ]
        assert problems(events, "eir") == []


class TestFirstEvent:
    def test_the_request_must_come_first(self) -> None:
        assert problems([RESPONSE]) == [
            (
                0,
                "the first event must be the request being received; nothing can "
                "happen before it",
            )
        ]
        # Only the first problem is given.
        assert problems([NOTICE, RESPONSE, RESPONSE]) == [
            (
                0,
                "the first event must be the request being received; nothing can "
                "happen before it",
            )
        ]

    def test_one_request_per_case(self) -> None:
        again = Fact(Kind.RECEIVED, date(2025, 3, 5))
        assert problems([RECEIVED, again]) == [
            (1, "a case has one 'received' event; a new request is a new case")
        ]


class TestEventsTheRegimeDoesNotHave:
    def test_a_refusal_with_the_regimes_reason(self) -> None:
        extension = Fact(Kind.PUBLIC_INTEREST_EXTENSION, date(2025, 3, 20))
        assert problems([RECEIVED, extension], "foisa") == [
            (
                1,
                "only FOIA has a public interest extension; FOISA has no public "
                "interest or other extension: the 20th working day is the limit "
                "(s10(1))",
            )
        ]

    def test_a_subject_access_event_under_foia(self) -> None:
        identity = Fact(Kind.IDENTITY_CONFIRMED, date(2025, 3, 5))
        assert problems([RECEIVED, identity]) == [
            (1, "identity evidence is a subject access rule")
        ]

    def test_an_event_with_no_reason_of_its_own(self) -> None:
        paid = Fact(Kind.FEE_PAID, date(2025, 3, 24))
        assert problems([RECEIVED, paid], "eisr") == [
            (1, "a fee paid is not an event of EISR 2004")
        ]

    def test_no_review_under_subject_access(self) -> None:
        assert problems([RECEIVED, RESPONSE, REVIEW], "sar") == [
            (2, "subject access has no internal review in law")
        ]


class TestResponsesAndReviews:
    def test_a_second_response(self) -> None:
        again = Fact(Kind.RESPONSE_SENT, date(2025, 4, 20))
        assert problems([RECEIVED, RESPONSE, again, REVIEW]) == [
            (2, "a second response; record a review outcome instead")
        ]

    def test_a_review_requested_while_another_is_open(self) -> None:
        again = Fact(Kind.REVIEW_REQUESTED, date(2025, 4, 20))
        assert problems([RECEIVED, RESPONSE, REVIEW, again]) == [
            (3, "a review requested while another is open")
        ]

    def test_a_review_extended_with_none_open(self) -> None:
        assert problems([RECEIVED, RESPONSE, REVIEW_EXTENDED]) == [
            (2, "a review extended with no review open")
        ]

    def test_a_review_extended_after_its_outcome(self) -> None:
        late = Fact(Kind.REVIEW_EXTENDED, date(2025, 6, 12))
        assert problems([RECEIVED, RESPONSE, REVIEW, OUTCOME, late]) == [
            (4, "a review extended with no review open")
        ]

    def test_a_review_outcome_with_none_requested(self) -> None:
        assert problems([RECEIVED, RESPONSE, OUTCOME]) == [
            (2, "a review outcome with no review requested")
        ]

    def test_two_outcomes_for_one_review(self) -> None:
        again = Fact(Kind.REVIEW_OUTCOME, date(2025, 6, 12))
        assert problems([RECEIVED, RESPONSE, REVIEW, OUTCOME, again]) == [
            (4, "a review outcome with no review requested")
        ]


class TestStepsAndWhatClosesThem:
    def test_a_fee_paid_with_no_notice(self) -> None:
        assert problems([RECEIVED, PAID]) == [
            (1, "a fee paid with no fees notice open (FOIA s10(2))")
        ]

    def test_a_fee_paid_twice(self) -> None:
        again = Fact(Kind.FEE_PAID, date(2025, 3, 25))
        assert problems([RECEIVED, NOTICE, PAID, again]) == [
            (3, "a fee paid with no fees notice open (FOIA s10(2))")
        ]

    def test_a_clarification_never_sought(self) -> None:
        clarified = Fact(Kind.CLARIFICATION_RECEIVED, date(2025, 3, 10))
        assert problems([RECEIVED, clarified]) == [
            (
                1,
                "a clarification received with no request for clarification open "
                "(FOIA s1(3), s10(6)(b))",
            )
        ]

    def test_a_lapse_with_no_notice(self) -> None:
        assert problems([RECEIVED, LAPSED]) == [
            (1, "a fees notice lapsed with no fees notice open")
        ]

    def test_a_lapse_after_the_fee_was_paid(self) -> None:
        assert problems([RECEIVED, NOTICE, PAID, LAPSED]) == [
            (3, "a fees notice lapsed with no fees notice open")
        ]


class TestClosedCases:
    @pytest.mark.parametrize(
        ("closing", "name"),
        [
            (Fact(Kind.WITHDRAWN, date(2025, 3, 20)), "withdrawn"),
            (Fact(Kind.TRANSFERRED, date(2025, 3, 20)), "transferred"),
        ],
    )
    def test_nothing_after_a_close(self, closing: Fact, name: str) -> None:
        assert problems([RECEIVED, closing, RESPONSE, RESPONSE]) == [
            (2, f"the case was closed by {name} on 2025-03-20")
        ]

    def test_nothing_after_a_lapse(self) -> None:
        assert problems([RECEIVED, NOTICE, LAPSED, RESPONSE]) == [
            (3, "the case was closed by fees_notice_lapsed on 2025-06-10")
        ]


class TestPublicInterestEstimate:
    extension = Fact(Kind.PUBLIC_INTEREST_EXTENSION, date(2025, 3, 28))
    estimated = Fact(
        Kind.PUBLIC_INTEREST_EXTENSION, date(2025, 3, 28), date(2025, 4, 30)
    )
    no_cap = Policies(public_interest_cap=None)

    def test_no_estimate_and_no_cap(self) -> None:
        assert problems([RECEIVED, self.extension], policies=self.no_cap) == [
            (
                1,
                "a public interest extension with no estimate, and no limit to fall "
                "back on (policy P5 public_interest_cap=None): give the estimate",
            )
        ]

    def test_an_estimate_with_no_cap(self) -> None:
        assert problems([RECEIVED, self.estimated], policies=self.no_cap) == []

    def test_no_estimate_under_the_default_cap(self) -> None:
        assert problems([RECEIVED, self.extension]) == []
