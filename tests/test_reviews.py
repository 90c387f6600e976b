"""Tests for reviews, complaints and appeals: worked examples, policies, refusals."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from foi_deadlines import (
    PRESETS,
    AuthorityPolicy,
    Deadline,
    InvalidInputError,
    NotApplicableError,
    Policies,
    ShortReviewWindowWarning,
    Stage,
    TimelineError,
    regulator_deadline,
    response_due,
    review_due,
    review_request_check,
    review_request_deadline,
    tribunal_deadline,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


# Worked examples: vector, function, first argument, keyword options, due date, source.
VECTORS: list[tuple[str, Callable[..., Deadline], str, dict[str, Any], str, str]] = [
    (
        "R01",
        review_request_deadline,
        "2024-12-19",
        {},
        "2025-02-19",
        "Code Part 5; ICO: 40 WD",
    ),
    ("R05", review_due, "2025-04-14", {}, "2025-05-15", "Code Part 5: 20 WD"),
    (
        "R05-complex",
        review_due,
        "2025-04-14",
        {"complex": True},
        "2025-06-13",
        "ICO: 40 WD",
    ),
    (
        "E05",
        review_request_deadline,
        "2025-06-02",
        {"regime": "eir"},
        "2025-07-29",
        "EIR reg 11(2)",
    ),
    ("E06", review_due, "2025-07-01", {"regime": "eir"}, "2025-08-29", "EIR reg 11(4)"),
    (
        "S10",
        review_request_deadline,
        "2025-03-10",
        {"regime": "foisa", "response_due_on": d("2025-03-31")},
        "2025-05-29",
        "FOISA s20(5)(a): 40 WD after the expiry of the s10 period (P8 statutory)",
    ),
    (
        "S10-P8",
        review_request_deadline,
        "2025-03-10",
        {"regime": "foisa", "policies": Policies(foisa_review_start="sic_simplified")},
        "2025-05-07",
        "P8 sic_simplified: 40 WD after the response",
    ),
    (
        "S12",
        review_due,
        "2025-04-14",
        {"regime": "foisa"},
        "2025-05-14",
        "FOISA s21(1)",
    ),
    (
        "S13",
        regulator_deadline,
        "2025-08-31",
        {"regime": "foisa"},
        "2026-02-28",
        "FOISA s47(4), P9",
    ),
    (
        "S14",
        tribunal_deadline,
        "2025-12-01",
        {"regime": "foisa"},
        "2026-01-12",
        "s56; RCS ch 41",
    ),
    (
        "S16",
        review_due,
        "2025-12-15",
        {"regime": "eisr"},
        "2026-01-16",
        "EISR reg 16(4)",
    ),
    ("A01", tribunal_deadline, "2024-12-19", {}, "2025-01-16", "GRC r22(1)(b)"),
    (
        "A02",
        tribunal_deadline,
        "2025-11-28",
        {},
        "2025-12-29",
        "GRC r22, r12: Boxing Day rolled",
    ),
    ("A03", regulator_deadline, "2024-12-19", {}, "2025-01-30", "ICO: six weeks"),
]


class TestWorkedExamples:
    @pytest.mark.parametrize(
        ("function", "first", "options", "due", "source"),
        [pytest.param(*v[1:], id=v[0]) for v in VECTORS],
    )
    def test_vector(
        self,
        function: Callable[..., Deadline],
        first: str,
        options: dict[str, Any],
        due: str,
        source: str,
    ) -> None:
        """Each worked example from the law and the regulators' guidance holds."""
        assert function(d(first), **options).due == d(due), source

    def test_issue_examples(self) -> None:
        """The dates the review issue pins down."""
        assert review_request_deadline(date(2024, 12, 19)).due == date(2025, 2, 19)
        with pytest.warns(ShortReviewWindowWarning):
            twenty = review_request_deadline(
                date(2024, 12, 19), policy=AuthorityPolicy(request_window=20)
            )
        assert twenty.due == date(2025, 1, 22)
        assert review_due(date(2025, 4, 14)).due == date(2025, 5, 15)
        assert review_due(date(2025, 4, 14), complex=True).due == date(2025, 6, 13)
        assert tribunal_deadline(date(2025, 11, 28)).due == date(2025, 12, 29)


class TestAuthorityPolicy:
    def test_default_is_the_code(self) -> None:
        """The default policy is the Code of Practice's, with no caveats."""
        policy = AuthorityPolicy()
        assert (policy.request_window, policy.review_working_days) == (40, 20)
        assert policy.complex_review_working_days == 40
        assert policy.caveats == ()
        assert PRESETS["code-of-practice"] == policy

    def test_short_window_is_flagged_not_refused(self) -> None:
        """A 20-day window gives a warning and a caveat, not an error."""
        with pytest.warns(ShortReviewWindowWarning, match="shorter than the Code"):
            deadline = review_request_deadline(d("2024-12-19"), policy="twenty")
        assert deadline.due == d("2025-01-22")
        assert deadline.rule.length == 20
        assert any("shorter than the 40" in note for note in deadline.notes)
        assert "'twenty'" in deadline.explain()

    def test_extenuating_circumstances(self) -> None:
        """A police-style policy gives 40 working days in extenuating circumstances."""
        deadline = review_request_deadline(
            d("2024-12-19"), policy="twenty-or-forty", extenuating=True
        )
        assert deadline.due == d("2025-02-19")
        with pytest.raises(NotApplicableError, match="no longer window"):
            review_request_deadline(d("2024-12-19"), extenuating=True)

    def test_longer_review_is_flagged(self) -> None:
        """A policy giving itself longer than the Code says so."""
        policy = AuthorityPolicy(review_working_days=25, complex_review_working_days=50)
        assert len(policy.caveats) == 2
        assert review_due(d("2025-04-14"), policy=policy).due == d("2025-05-22")

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"request_window": 0}, r"^request_window must be a whole number"),
            ({"request_window": 20.5}, r"^request_window must be"),
            ({"request_window": 40, "extenuating_window": 20}, r"at least the request"),
            ({"complex_review_working_days": 10}, r"at least the review time"),
        ],
    )
    def test_bad_policy(self, kwargs: dict[str, Any], message: str) -> None:
        """Impossible windows are refused."""
        with pytest.raises(InvalidInputError, match=message):
            AuthorityPolicy(**kwargs)

    def test_unknown_preset(self) -> None:
        """An unknown preset is refused with the valid names."""
        with pytest.raises(InvalidInputError, match="'code-of-practice'"):
            review_request_deadline(d("2024-12-19"), policy="police")

    def test_statutory_windows_ignore_the_authority(self) -> None:
        """EIR windows are set by law; a published policy does not change them."""
        policy = AuthorityPolicy(request_window=20)
        with pytest.warns(ShortReviewWindowWarning):
            review_request_deadline(d("2025-06-02"), policy=policy)
        deadline = review_request_deadline(d("2025-06-02"), regime="eir", policy=policy)
        assert deadline.due == d("2025-07-29")
        assert "statutory" in deadline.notes[0]


class TestFlags:
    def test_foia_reviews_are_guidance(self) -> None:
        """FOIA reviews are Code of Practice good practice, flagged as such."""
        for deadline in (
            review_request_deadline(d("2024-12-19")),
            review_due(d("2025-04-14")),
        ):
            assert deadline.statutory is False
            assert deadline.rule.stage is Stage.REVIEW
            assert "guidance, not statute" in deadline.explain()

    def test_eir_and_foisa_reviews_are_law(self) -> None:
        """EIR reconsideration and FOISA review are statutory."""
        assert review_due(d("2025-07-01"), regime="eir").statutory
        assert review_due(d("2025-04-14"), regime="foisa").statutory

    def test_ico_complaint_is_guidance(self) -> None:
        """The six weeks for an ICO complaint is practice, not statute."""
        deadline = regulator_deadline(d("2024-12-19"))
        assert deadline.statutory is False
        assert deadline.rule.stage is Stage.REGULATOR
        assert deadline.rule.unit == "calendar days"

    def test_tribunal_explains_the_roll(self) -> None:
        """The tribunal window says it rolled over Boxing Day and the weekend."""
        deadline = tribunal_deadline(d("2025-11-28"))
        assert deadline.rolled_from == d("2025-12-26")
        assert [day.day for day in deadline.skipped] == [
            d("2025-12-26"),
            d("2025-12-27"),
            d("2025-12-28"),
        ]
        text = deadline.explain()
        assert "Boxing Day (England and Wales)" in text
        assert "5pm" in text

    def test_tribunal_on_the_uk_calendar(self) -> None:
        """Policy P14 alternative: roll over bank holidays anywhere in the UK."""
        # Day 28 after Thu 5 Jun 2025 is Thu 3 Jul 2025; after Fri 14 Jun 2024 it is
        # Fri 12 Jul 2024, the Battle of the Boyne in Northern Ireland.
        plain = tribunal_deadline(d("2024-06-14"))
        union = tribunal_deadline(
            d("2024-06-14"), policies=Policies(tribunal_calendar="uk")
        )
        assert plain.due == d("2024-07-12")
        assert union.due == d("2024-07-15")

    def test_sic_strict_before(self) -> None:
        """Policy P9 alternative: the day before the corresponding date."""
        deadline = regulator_deadline(
            d("2025-08-31"),
            regime="foisa",
            policies=Policies(sic_application="strict_before"),
        )
        assert deadline.due == d("2026-02-27")

    def test_subject_access_complaint(self) -> None:
        """A data protection complaint: three months from the last contact."""
        assert regulator_deadline(d("2025-11-30"), regime="sar").due == d("2026-02-28")

    def test_to_dict(self) -> None:
        """Review deadlines serialise like response deadlines."""
        record = json.loads(json.dumps(review_due(d("2025-04-14")).to_dict()))
        assert record["clock"] == "foia.review"
        assert record["statutory"] is False


class TestFoisaStart:
    def test_late_response_counts_from_its_receipt(self) -> None:
        """A late FOISA response starts the 40 working days on its receipt."""
        on_time_due = response_due(d("2025-03-03"), regime="foisa").due
        late = review_request_deadline(
            d("2025-04-07"), regime="foisa", response_due_on=on_time_due
        )
        assert late.day_zero == d("2025-04-07")
        received_later = review_request_deadline(
            d("2025-04-07"),
            regime="foisa",
            response_due_on=on_time_due,
            response_received_on=d("2025-04-09"),
        )
        assert received_later.day_zero == d("2025-04-09")
        assert "s20(5)(b)" in received_later.explain()

    def test_needs_the_due_date(self) -> None:
        """Under the statutory reading the date the response was due is needed."""
        with pytest.raises(InvalidInputError, match="response_due_on"):
            review_request_deadline(d("2025-03-10"), regime="foisa")

    def test_received_by_requester(self) -> None:
        """Policy P10 alternative: the window runs from the requester's receipt."""
        policies = Policies(requester_window_start="received_by_requester")
        deadline = review_request_deadline(
            d("2024-12-19"), response_received_on=d("2024-12-20"), policies=policies
        )
        assert deadline.day_zero == d("2024-12-20")
        with pytest.raises(InvalidInputError, match="response_received_on"):
            review_request_deadline(d("2024-12-19"), policies=policies)


class TestReviewRequestCheck:
    def test_in_time(self) -> None:
        """A request on the last day is in time."""
        check = review_request_check(d("2024-12-19"), d("2025-02-19"))
        assert check.in_time
        assert check.working_days_late == 0
        assert check.message.startswith("in time")

    def test_late_is_an_answer(self) -> None:
        """A late request says by how much, and that it may still be accepted."""
        check = review_request_check(
            d("2025-03-10"),
            d("2025-06-03"),
            regime="foisa",
            response_due_on=d("2025-03-31"),
        )
        assert not check.in_time
        assert check.working_days_late == 3
        assert "s20(6)" in check.message

    def test_before_the_response(self) -> None:
        """A review cannot be requested before the response."""
        with pytest.raises(TimelineError, match="before the response"):
            review_request_check(d("2024-12-19"), d("2024-12-18"))


class TestRefusals:
    @pytest.mark.parametrize(
        ("call", "error", "message"),
        [
            (
                lambda: review_due(d("2025-07-01"), regime="eir", complex=True),
                NotApplicableError,
                r"fixed by law",
            ),
            (
                lambda: review_due(d("2025-07-01"), regime="foisa", complex=True),
                NotApplicableError,
                r"s21\(1\)",
            ),
            (
                lambda: review_due(d("2025-07-01"), regime="sar"),
                NotApplicableError,
                r"no statutory or Code review",
            ),
            (
                lambda: review_due(d("2025-07-01"), regime="foi"),
                InvalidInputError,
                r"^regime must be one of",
            ),
            (
                lambda: review_due(d("2025-07-01"), body="keeper"),
                NotApplicableError,
                r"only under FOISA 2002 for body='keeper'",
            ),
            (
                lambda: review_request_deadline(
                    d("2025-07-01"), regime="eir", extenuating=True
                ),
                NotApplicableError,
                r"set by law",
            ),
            (
                lambda: review_request_deadline(d("2025-07-01"), policy=40),  # type: ignore[arg-type]
                InvalidInputError,
                r"^policy must be",
            ),
            (
                lambda: review_request_deadline("2025-07-01"),  # type: ignore[arg-type]
                InvalidInputError,
                r"^response_on must be",
            ),
            (
                lambda: review_request_deadline(d("1999-07-01")),
                Exception,
                r"^response_on is 1999-07-01",
            ),
            (
                lambda: review_request_deadline(
                    d("2025-07-01"), response_received_on=d("2025-06-30")
                ),
                TimelineError,
                r"cannot be received before it was sent",
            ),
            (
                lambda: tribunal_deadline(d("2025-07-01"), regime="sar"),
                NotApplicableError,
                r"no tribunal appeal",
            ),
        ],
    )
    def test_refused(
        self, call: Callable[[], object], error: type[Exception], message: str
    ) -> None:
        """Impossible or inapplicable inputs are refused with a clear message."""
        with pytest.raises(error, match=message):
            call()

    def test_keeper_review(self) -> None:
        """The Keeper has 30 working days for a review (s21(2))."""
        deadline = review_due(d("2025-04-14"), regime="foisa", body="keeper")
        assert deadline.clock_id == "foisa.review_keeper"
        assert deadline.due == d("2025-05-29")


def test_no_stray_warnings() -> None:
    """The Code of Practice defaults give no warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        review_request_deadline(d("2024-12-19"))
        review_due(d("2025-04-14"), complex=True)
