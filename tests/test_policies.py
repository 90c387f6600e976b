"""The policy register: typed options where the law leaves a choice."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from foi_deadlines.cases import Case
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.rules import (
    PRESETS,
    AuthorityPolicy,
    Policies,
    Receipt,
    policy_register,
)
from foi_deadlines.timeline import CaseEvent


def test_an_unknown_option_names_the_field_and_the_choices() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"policies\.receipt must be one of 'calendar', 'next_working_day'",
    ):
        Policies(receipt="tomorrow")


def foia_case(*events: CaseEvent, **options: Any) -> Case:
    """A FOIA case received on Thu 19 Dec 2024 and answered the same day (R01)."""
    return Case(
        events=(
            CaseEvent(kind="received", on=date(2024, 12, 19)),
            CaseEvent(kind="response_sent", on=date(2024, 12, 19), outcome="refused"),
            *events,
        ),
        **options,
    )


def review_request_due(case: Case) -> date:
    deadline = case.deadlines().review_request
    assert deadline is not None
    return deadline.due


def review_due(case: Case) -> date:
    deadline = case.deadlines().review
    assert deadline is not None
    return deadline.due


class TestPublicInterestCap:
    """P5: the ICO expects no more than 20 extra working days (40 in total)."""

    @pytest.mark.parametrize("cap", [20, 21, 40, 60, None])
    def test_a_cap_of_at_least_20_working_days(self, cap: int | None) -> None:
        assert Policies(public_interest_cap=cap).public_interest_cap == cap

    @pytest.mark.parametrize("cap", [19, 0, -40, True, 40.0, "40"])
    def test_a_cap_below_the_time_for_complying_is_refused(self, cap: object) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^policies\.public_interest_cap must be None \(no cap\) or a whole "
            r"number of working days, at least 20",
        ):
            Policies(public_interest_cap=cap)  # type: ignore[arg-type]

    def test_the_cap_sets_the_decision_day(self) -> None:
        """M05: received Mon 3 Feb 2025; the refusal notice is due Mon 3 Mar (day
        20), the decision by Tue 1 Apr (day 40), or Mon 3 Mar with a cap of 20."""
        events = (
            CaseEvent(kind="received", on=date(2025, 2, 3)),
            CaseEvent(kind="public_interest_extension", on=date(2025, 2, 24)),
        )
        for cap, decision in ((40, date(2025, 4, 1)), (20, date(2025, 3, 3))):
            stage = Case(
                events=events, policies=Policies(public_interest_cap=cap)
            ).deadlines()
            assert stage.response is not None
            assert stage.response.public_interest is not None
            assert stage.response.public_interest.due == decision
            assert stage.response.refusal_notice is not None
            assert stage.response.refusal_notice.due == date(2025, 3, 3)


class TestClarificationLapse:
    """P17: close an unanswered clarification after 1 to 24 months, or never."""

    @pytest.mark.parametrize("months", [1, 3, 24, None])
    def test_months_from_1_to_24(self, months: int | None) -> None:
        policies = Policies(clarification_lapse_months=months)
        assert policies.clarification_lapse_months == months

    @pytest.mark.parametrize("months", [0, 25, -3, True, 3.0, "3"])
    def test_other_values_are_refused(self, months: object) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^policies\.clarification_lapse_months must be None \(never\) or a "
            r"whole number of months from 1 to 24",
        ):
            Policies(clarification_lapse_months=months)  # type: ignore[arg-type]


class TestOfficeHoursCutoff:
    """P2: a local time, or no cut-off."""

    def test_a_local_time_or_none(self) -> None:
        assert Policies(office_hours_cutoff=time(17, 30)).office_hours_cutoff == time(
            17, 30
        )
        assert Policies().office_hours_cutoff is None

    @pytest.mark.parametrize(
        "cutoff",
        [time(17, 0, tzinfo=UTC), "17:00", 17, datetime(2025, 1, 6, 17, tzinfo=UTC)],
    )
    def test_anything_else_is_refused(self, cutoff: object) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^policies\.office_hours_cutoff must be None or a datetime\.time of "
            r"UK local time, without a time zone",
        ):
            Policies(office_hours_cutoff=cutoff)  # type: ignore[arg-type]


class TestPoliciesOnACase:
    def test_a_case_takes_its_policies(self) -> None:
        """F05: received Sat 28 Dec 2024, due Tue 28 Jan 2025; taken as received on
        the next working day (P1 next_working_day), Wed 29 Jan."""
        received = (CaseEvent(kind="received", on=date(2024, 12, 28)),)
        plain = Case(events=received)
        assert plain.policies == Policies()
        chosen = Case(events=received, policies=Policies(receipt="next_working_day"))
        assert chosen.policies.receipt is Receipt.NEXT_WORKING_DAY
        for case, due in ((plain, date(2025, 1, 28)), (chosen, date(2025, 1, 29))):
            stage = case.deadlines().response
            assert stage is not None
            assert stage.response is not None
            assert stage.response.due == due

    def test_policies_must_be_policies(self) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^policies must be a foi_deadlines\.Policies or None",
        ):
            Case.received(date(2025, 1, 6), policies={"receipt": "calendar"})

    def test_every_policy_is_registered_in_order(self) -> None:
        """The register runs P1 to P19, one entry per field, with its default."""
        register = policy_register()
        assert [info.id for info in register] == [f"P{n}" for n in range(1, 20)]
        assert register[0].name == "receipt"
        assert register[0].default is Receipt.CALENDAR
        assert register[4].name == "public_interest_cap"
        assert register[4].default == 40


class TestAuthorityPolicy:
    """The review windows an authority publishes (Code of Practice Part 5)."""

    def test_the_code_of_practice(self) -> None:
        """Ask within 40 working days; review in 20, or 40 if complex."""
        policy = AuthorityPolicy()
        assert policy.name == "code-of-practice"
        assert policy.request_window == 40
        assert policy.extenuating_window is None
        assert policy.review_working_days == 20
        assert policy.complex_review_working_days == 40
        assert policy.caveats == ()
        assert PRESETS["code-of-practice"] == policy
        assert AuthorityPolicy.preset("code-of-practice") == policy

    def test_the_presets(self) -> None:
        """Two common published wordings: 20 working days, or 20 and 40."""
        assert list(PRESETS) == ["code-of-practice", "twenty-or-forty", "twenty"]
        both = PRESETS["twenty-or-forty"]
        assert (both.request_window, both.extenuating_window) == (20, 40)
        twenty = PRESETS["twenty"]
        assert (twenty.request_window, twenty.extenuating_window) == (20, None)
        for policy in (both, twenty):
            assert (policy.review_working_days, policy.complex_review_working_days) == (
                20,
                40,
            )

    def test_an_unknown_preset_lists_the_presets(self) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^preset must be one of 'code-of-practice', 'twenty-or-forty', "
            r"'twenty'",
        ):
            AuthorityPolicy.preset("police")

    def test_a_window_of_one_working_day_is_allowed(self) -> None:
        policy = AuthorityPolicy(request_window=1, review_working_days=1)
        assert (policy.request_window, policy.review_working_days) == (1, 1)

    @pytest.mark.parametrize(
        "field",
        [
            "request_window",
            "extenuating_window",
            "review_working_days",
            "complex_review_working_days",
        ],
    )
    @pytest.mark.parametrize("value", [0, -20, True, 20.0, "20"])
    def test_windows_are_whole_working_days(self, field: str, value: object) -> None:
        fields: dict[str, Any] = {field: value}
        with pytest.raises(
            InvalidInputError, match=rf"^{field} must be a whole number of working days"
        ):
            AuthorityPolicy(**fields)

    def test_the_extenuating_window_is_at_least_the_window(self) -> None:
        """Equal is allowed; shorter is refused, naming the request window."""
        same = AuthorityPolicy(request_window=20, extenuating_window=20)
        assert same.extenuating_window == 20
        with pytest.raises(
            InvalidInputError,
            match=r"^extenuating_window must be at least the request window \(20 "
            r"working days\)",
        ):
            AuthorityPolicy(request_window=20, extenuating_window=19)

    def test_the_complex_review_is_at_least_the_review(self) -> None:
        same = AuthorityPolicy(review_working_days=30, complex_review_working_days=30)
        assert same.complex_review_working_days == 30
        with pytest.raises(
            InvalidInputError,
            match=r"^complex_review_working_days must be at least the review time "
            r"\(30 working days\)",
        ):
            AuthorityPolicy(review_working_days=30, complex_review_working_days=29)

    def test_fields_are_given_by_keyword(self) -> None:
        with pytest.raises(TypeError):
            AuthorityPolicy("ours", 30)  # type: ignore[call-arg]

    def test_caveats_name_each_departure(self) -> None:
        """Shorter to ask, or longer to review, than the Code and the ICO."""
        assert PRESETS["twenty"].caveats == (
            "The window to ask for a review, 20 working days, is shorter than the 40 "
            "working days of the Code of Practice and the ICO.",
        )
        assert AuthorityPolicy(request_window=39).caveats == (
            "The window to ask for a review, 39 working days, is shorter than the 40 "
            "working days of the Code of Practice and the ICO.",
        )
        slow = AuthorityPolicy(review_working_days=21, complex_review_working_days=41)
        assert slow.caveats == (
            "The time for a review, 21 working days, is longer than the Code of "
            "Practice's 20.",
            "The time for a complex review, 41 working days, is longer than the "
            "ICO's 40.",
        )
        at_the_code = AuthorityPolicy(
            request_window=40, review_working_days=20, complex_review_working_days=40
        )
        assert at_the_code.caveats == ()
        longer_to_ask = AuthorityPolicy(request_window=60)
        assert longer_to_ask.caveats == ()


class TestAuthorityPolicyOnACase:
    """R01 and R05: the Code's windows, and an authority's own, on a FOIA case."""

    def test_the_code_of_practice_by_default(self) -> None:
        """Response Thu 19 Dec 2024: ask for a review by Wed 19 Feb 2025 (40 WD).
        Review asked Mon 14 Apr 2025: due Thu 15 May (20 WD), Fri 13 Jun (40 WD)."""
        answered = foia_case()
        assert answered.policy == AuthorityPolicy()
        assert review_request_due(answered) == date(2025, 2, 19)
        assert review_request_due(foia_case(policy=None)) == date(2025, 2, 19)
        asked = foia_case(CaseEvent(kind="review_requested", on=date(2025, 4, 14)))
        assert review_due(asked) == date(2025, 5, 15)
        complex_ = asked.with_event(
            CaseEvent(kind="review_extended", on=date(2025, 4, 15))
        )
        assert review_due(complex_) == date(2025, 6, 13)

    def test_a_preset_by_name(self) -> None:
        """'twenty': 20 working days from Thu 19 Dec 2024, past Christmas, Boxing
        Day, 1 Jan and 2 Jan (a Scottish bank holiday): Wed 22 Jan 2025."""
        twenty = foia_case(policy="twenty")
        assert twenty.policy == PRESETS["twenty"]
        assert review_request_due(twenty) == date(2025, 1, 22)
        both = foia_case(policy="twenty-or-forty")
        assert review_request_due(both) == date(2025, 1, 22)

    def test_an_authority_giving_itself_longer(self) -> None:
        """21 working days from Mon 14 Apr 2025 is Fri 16 May; 39 is Thu 12 Jun."""
        policy = AuthorityPolicy(review_working_days=21, complex_review_working_days=39)
        asked = foia_case(
            CaseEvent(kind="review_requested", on=date(2025, 4, 14)), policy=policy
        )
        assert review_due(asked) == date(2025, 5, 16)
        complex_ = asked.with_event(
            CaseEvent(kind="review_extended", on=date(2025, 4, 15))
        )
        assert review_due(complex_) == date(2025, 6, 12)

    def test_a_policy_must_be_a_policy_or_a_preset(self) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^policy must be an AuthorityPolicy, the name of a preset, or None",
        ):
            foia_case(policy=40)
