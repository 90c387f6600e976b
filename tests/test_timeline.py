"""The timeline's nouns: events, their order and what each may carry."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from foi_deadlines.errors import InvalidInputError
from foi_deadlines.timeline import (
    CaseEvent,
    CaseEventKind,
    Outcome,
    ReviewOutcome,
    sort_key,
)


def test_a_timestamp_on_another_day_is_refused() -> None:
    with pytest.raises(
        InvalidInputError, match=r"at must be a timestamp whose UK date"
    ):
        CaseEvent(
            kind="fees_notice",
            on=date(2025, 1, 6),
            at=datetime(2025, 1, 7, 10, tzinfo=UTC),
        )


class TestKinds:
    def test_a_kind_given_as_text_is_the_kind(self) -> None:
        event = CaseEvent(kind="public_interest_extension", on=date(2025, 3, 3))
        assert event.kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
        assert CaseEvent(kind=CaseEventKind.WITHDRAWN, on=date(2025, 3, 3)).kind is (
            CaseEventKind.WITHDRAWN
        )

    def test_an_unknown_kind_lists_the_kinds(self) -> None:
        with pytest.raises(
            InvalidInputError, match=r"^kind must be one of received, clarification"
        ):
            CaseEvent(kind="reply", on=date(2025, 3, 3))

    def test_fields_are_given_by_keyword(self) -> None:
        with pytest.raises(TypeError):
            CaseEvent("received", date(2025, 3, 3))  # type: ignore[call-arg]


class TestOutcomes:
    @pytest.mark.parametrize("outcome", [*Outcome, "not_held"])
    def test_a_response_has_an_outcome(self, outcome: str) -> None:
        event = CaseEvent(kind="response_sent", on=date(2025, 3, 3), outcome=outcome)
        assert event.outcome == outcome

    @pytest.mark.parametrize("outcome", [*ReviewOutcome, "upheld"])
    def test_a_review_has_an_outcome(self, outcome: str) -> None:
        event = CaseEvent(kind="review_outcome", on=date(2025, 3, 3), outcome=outcome)
        assert event.outcome == outcome

    @pytest.mark.parametrize(
        ("kind", "outcome", "message"),
        [
            (
                "response_sent",
                None,
                r"^outcome must be one of provided, partly, refused, "
                r"neither_confirm_nor_deny, not_held",
            ),
            ("response_sent", "upheld", r"^outcome must be one of provided"),
            (
                "review_outcome",
                "provided",
                r"^outcome must be one of upheld, partly_upheld, overturned",
            ),
            ("review_outcome", None, r"^outcome must be one of upheld"),
            ("received", "provided", r"^outcome must be None for a received event"),
            ("complaint", "upheld", r"^outcome must be None for a complaint event"),
        ],
    )
    def test_outcomes_belong_to_responses_and_reviews(
        self, kind: str, outcome: str | None, message: str
    ) -> None:
        with pytest.raises(InvalidInputError, match=message):
            CaseEvent(kind=kind, on=date(2025, 3, 3), outcome=outcome)

    def test_other_events_have_none(self) -> None:
        assert CaseEvent(kind="complaint", on=date(2025, 3, 3)).outcome is None


class TestEstimates:
    """FOIA s17(2): the refusal notice estimates when the decision will be made."""

    def test_an_extension_may_give_an_estimate(self) -> None:
        event = CaseEvent(
            kind="public_interest_extension",
            on=date(2025, 3, 3),
            estimate=date(2025, 3, 4),
        )
        assert event.estimate == date(2025, 3, 4)

    def test_an_extension_may_give_none(self) -> None:
        event = CaseEvent(kind="public_interest_extension", on=date(2025, 3, 3))
        assert event.estimate is None

    @pytest.mark.parametrize("estimate", [date(2025, 3, 3), date(2025, 3, 2)])
    def test_the_estimate_is_after_the_notice(self, estimate: date) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^estimate must be a day after the notice of 2025-03-03",
        ):
            CaseEvent(
                kind="public_interest_extension", on=date(2025, 3, 3), estimate=estimate
            )

    @pytest.mark.parametrize("kind", ["received", "extension", "response_sent"])
    def test_no_other_event_has_an_estimate(self, kind: str) -> None:
        with pytest.raises(
            InvalidInputError, match=rf"^estimate must be None for a {kind} event"
        ):
            CaseEvent(
                kind=kind,
                on=date(2025, 3, 3),
                estimate=date(2025, 3, 20),
                outcome="provided" if kind == "response_sent" else None,
            )


class TestTimestamps:
    def test_a_timestamp_on_the_day_is_kept(self) -> None:
        """00:30 BST on Mon 2 Jun 2025 is still Sunday in UTC: the UK date counts."""
        at = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        event = CaseEvent(kind="received", on=date(2025, 6, 2), at=at)
        assert event.at == at
        assert CaseEvent.at_time("received", at) == event

    def test_a_timestamp_must_be_a_datetime(self) -> None:
        with pytest.raises(
            InvalidInputError, match=r"^at must be a datetime\.datetime or None"
        ):
            CaseEvent(kind="received", on=date(2025, 6, 2), at="2025-06-02T09:00")  # type: ignore[arg-type]

    def test_no_timestamp(self) -> None:
        assert CaseEvent(kind="received", on=date(2025, 6, 2)).at is None


class TestOrder:
    def test_by_date_then_by_what_can_happen_first(self) -> None:
        """On one day a fees notice comes before its payment, and a response
        before a request to review it."""
        events = [
            CaseEvent(kind="review_requested", on=date(2025, 3, 10)),
            CaseEvent(kind="fee_paid", on=date(2025, 3, 5)),
            CaseEvent(kind="response_sent", on=date(2025, 3, 10), outcome="refused"),
            CaseEvent(kind="fees_notice", on=date(2025, 3, 5)),
            CaseEvent(kind="received", on=date(2025, 3, 3)),
        ]
        assert [e.describe() for e in sorted(events, key=sort_key)] == [
            "received on 2025-03-03",
            "fees_notice on 2025-03-05",
            "fee_paid on 2025-03-05",
            "response_sent on 2025-03-10",
            "review_requested on 2025-03-10",
        ]

    def test_ties_are_broken_by_every_field(self) -> None:
        """Events of one kind on one day sort by timestamp, outcome, estimate, note
        and actor, so the same events always come out in the same order."""
        day = date(2025, 3, 10)
        refused = CaseEvent(kind="response_sent", on=day, outcome="refused")
        provided = CaseEvent(kind="response_sent", on=day, outcome="provided")
        assert sorted([refused, provided], key=sort_key) == [provided, refused]
        late = CaseEvent(
            kind="public_interest_extension", on=day, estimate=date(2025, 4, 1)
        )
        early = CaseEvent(
            kind="public_interest_extension", on=day, estimate=date(2025, 3, 20)
        )
        bare = CaseEvent(kind="public_interest_extension", on=day)
        assert sorted([late, early, bare], key=sort_key) == [bare, early, late]
        noon = CaseEvent.at_time("received", datetime(2025, 3, 10, 12, tzinfo=UTC))
        nine = CaseEvent.at_time("received", datetime(2025, 3, 10, 9, tzinfo=UTC))
        plain = CaseEvent(kind="received", on=day)
        assert sorted([noon, nine, plain], key=sort_key) == [plain, nine, noon]
        by_bo = CaseEvent(kind="complaint", on=day, note="b", actor="o")
        by_al = CaseEvent(kind="complaint", on=day, note="b", actor="a")
        first = CaseEvent(kind="complaint", on=day, note="a", actor="z")
        assert sorted([by_bo, by_al, first], key=sort_key) == [first, by_al, by_bo]

    def test_notes_and_actors_are_text(self) -> None:
        with pytest.raises(InvalidInputError, match=r"^actor must be a string"):
            CaseEvent(kind="received", on=date(2025, 3, 3), actor=None)  # type: ignore[arg-type]
