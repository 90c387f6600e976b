"""Later stages: where each is anchored, and the windows the review functions give.

Dates were counted by hand: FOIA and EIR on the ``uk`` calendar (bank holidays in
any part of the UK), FOISA and EISR on the Scottish one (Good Friday, the May bank
holidays and St Andrew's Day, but not Easter Monday or St Patrick's Day).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from foi_deadlines import (
    AuthorityPolicy,
    InvalidInputError,
    NotApplicableError,
    OutsideCalendarRangeError,
    Policies,
    TimelineError,
    review_due,
    review_request_check,
    review_request_deadline,
)
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.clocks import (
    Circumstances,
    ClockEvent,
    EventKind,
    StageFacts,
    stage_anchor,
    stage_deadline,
)
from foi_deadlines.reviews import PRESETS, ReviewRequestCheck
from foi_deadlines.rules import get_rule

DEFAULT = Policies()
ON_RECEIPT = Policies(requester_window_start="received_by_requester")

# A FOISA request received Mon 3 Mar 2025 is due Mon 31 Mar 2025 (S10).
SENT = date(2025, 3, 10)
DUE = date(2025, 3, 31)


def _anchor(
    rule_id: str, facts: StageFacts, policies: Policies = DEFAULT
) -> date | None:
    return stage_anchor(get_rule(rule_id), facts, policies)[0]


class TestResponseAnchor:
    """FOIA internal review and EIR representations: from the response (P10)."""

    facts = StageFacts(
        response_on=date(2025, 1, 6), response_received_on=date(2025, 1, 8)
    )

    def test_the_date_of_the_response_by_default(self) -> None:
        assert stage_anchor(get_rule("foia.review_request"), self.facts, DEFAULT) == (
            date(2025, 1, 6),
            [],
        )

    def test_the_day_received_under_p10(self) -> None:
        assert _anchor("foia.review_request", self.facts, ON_RECEIPT) == date(
            2025, 1, 8
        )
        assert _anchor("eir.representations", self.facts, ON_RECEIPT) == date(
            2025, 1, 8
        )

    def test_the_date_of_the_response_when_the_day_received_is_unknown(self) -> None:
        facts = StageFacts(response_on=date(2025, 1, 6))
        assert _anchor("foia.review_request", facts, ON_RECEIPT) == date(2025, 1, 6)

    def test_no_response_no_anchor(self) -> None:
        facts = StageFacts(response_received_on=date(2025, 1, 8))
        assert _anchor("foia.review_request", StageFacts(), DEFAULT) is None
        assert _anchor("foia.review_request", facts, DEFAULT) is None

    def test_eir_without_a_response_runs_from_the_expiry(self) -> None:
        # Reg 11(2): from the day the applicant believes the authority failed to
        # comply: with no response, the expiry of the 20 working days.
        expiry = date(2025, 6, 30)
        assert _anchor("eir.representations", StageFacts(response_due=expiry)) == (
            expiry
        )
        # A day of receipt with no response date does not stand in for one.
        facts = StageFacts(response_received_on=date(2025, 7, 2), response_due=expiry)
        assert _anchor("eir.representations", facts, ON_RECEIPT) == expiry
        with_response = StageFacts(response_on=date(2025, 6, 2), response_due=expiry)
        assert _anchor("eir.representations", with_response) == date(2025, 6, 2)

    def test_p10_does_not_move_other_anchors(self) -> None:
        facts = StageFacts(
            response_on=SENT,
            response_received_on=date(2025, 4, 2),
            response_due=DUE,
            review_requested_on=date(2025, 4, 14),
        )
        assert _anchor("foisa.review_requirement", facts, ON_RECEIPT) == DUE
        assert _anchor("foia.review", facts, ON_RECEIPT) == date(2025, 4, 14)


class TestFoisaReviewAnchor:
    """FOISA s20(5): (a) the expiry of the time to respond, or (b) receipt if late."""

    rule = get_rule("foisa.review_requirement")

    def test_an_on_time_response_runs_from_the_expiry(self) -> None:
        facts = StageFacts(response_on=SENT, response_due=DUE)
        assert stage_anchor(self.rule, facts, DEFAULT) == (
            DUE,
            [
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=DUE,
                    description=(
                        "The response was in time, so the period runs from Mon 31 Mar "
                        "2025, when the time to respond expired (Freedom of "
                        "Information (Scotland) Act 2002 s20(5)(a))."
                    ),
                )
            ],
        )

    def test_a_response_on_the_last_day_is_in_time(self) -> None:
        facts = StageFacts(
            response_on=DUE, response_received_on=date(2025, 4, 2), response_due=DUE
        )
        day0, events = stage_anchor(self.rule, facts, DEFAULT)
        assert day0 == DUE
        assert len(events) == 1
        assert events[0].description.endswith("s20(5)(a)).")

    def test_a_late_response_runs_from_its_receipt(self) -> None:
        facts = StageFacts(
            response_on=date(2025, 4, 3),
            response_received_on=date(2025, 4, 7),
            response_due=DUE,
        )
        assert stage_anchor(self.rule, facts, DEFAULT) == (
            date(2025, 4, 7),
            [
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=date(2025, 4, 7),
                    description=(
                        "The response was late (due Mon 31 Mar 2025), so the period "
                        "runs from its receipt, Mon 7 Apr 2025 (Freedom of "
                        "Information (Scotland) Act 2002 s20(5)(b))."
                    ),
                )
            ],
        )

    def test_a_late_response_received_on_an_unknown_day(self) -> None:
        facts = StageFacts(response_on=date(2025, 4, 3), response_due=DUE)
        day0, events = stage_anchor(self.rule, facts, DEFAULT)
        assert day0 == date(2025, 4, 3)
        assert events[0].on == date(2025, 4, 3)

    def test_no_response_runs_from_the_expiry(self) -> None:
        assert stage_anchor(self.rule, StageFacts(response_due=DUE), DEFAULT) == (
            DUE,
            [],
        )

    def test_no_expiry_no_anchor(self) -> None:
        assert stage_anchor(self.rule, StageFacts(response_on=SENT), DEFAULT) == (
            None,
            [],
        )

    def test_sic_simplified_runs_from_the_response(self) -> None:
        facts = StageFacts(response_on=SENT, response_due=DUE)
        policies = Policies(foisa_review_start="sic_simplified")
        assert stage_anchor(self.rule, facts, policies) == (SENT, [])


class TestLaterAnchors:
    facts = StageFacts(
        response_on=SENT,
        response_due=DUE,
        review_requested_on=date(2025, 4, 14),
        review_outcome_on=date(2025, 5, 2),
        review_due=date(2025, 5, 14),
        decision_on=date(2025, 8, 15),
    )

    def test_each_stage_from_its_own_fact(self) -> None:
        assert _anchor("foia.review", self.facts) == date(2025, 4, 14)
        assert _anchor("eir.reconsideration", self.facts) == date(2025, 4, 14)
        assert _anchor("foia.ico_complaint", self.facts) == date(2025, 5, 2)
        assert _anchor("foisa.sic_application", self.facts) == date(2025, 5, 2)
        assert _anchor("foia.tribunal_appeal", self.facts) == date(2025, 8, 15)
        assert _anchor("foisa.court_of_session", self.facts) == date(2025, 8, 15)

    def test_unknown_facts_give_no_anchor(self) -> None:
        for rule_id in (
            "foia.review",
            "foia.ico_complaint",
            "foia.tribunal_appeal",
            "foisa.sic_application",
        ):
            assert stage_anchor(get_rule(rule_id), StageFacts(), DEFAULT) == (None, [])

    def test_the_sic_from_the_expiry_of_the_review(self) -> None:
        # s47(4)(b): no review notice, so from the end of the time for the review.
        facts = StageFacts(review_due=date(2025, 5, 29))
        assert stage_anchor(get_rule("foisa.sic_application"), facts, DEFAULT) == (
            date(2025, 5, 29),
            [
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=date(2025, 5, 29),
                    description=(
                        "No review outcome, so the period runs from the expiry of the "
                        "time for the review, Thu 29 May 2025."
                    ),
                )
            ],
        )

    def test_the_sic_from_the_review_outcome_with_no_note(self) -> None:
        assert stage_anchor(get_rule("foisa.sic_application"), self.facts, DEFAULT) == (
            date(2025, 5, 2),
            [],
        )


def test_stage_facts_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        StageFacts(SENT)  # type: ignore[call-arg]


class TestStageDeadline:
    def test_received_is_day_zero_unless_given(self) -> None:
        rule = get_rule("foia.review")
        # R05: 20 working days from Mon 14 Apr 2025; Good Friday, Easter Monday
        # and the early May bank holiday skipped.
        plain = stage_deadline(rule, date(2025, 4, 14))
        assert (plain.due, plain.received, plain.day_zero) == (
            date(2025, 5, 15),
            date(2025, 4, 14),
            date(2025, 4, 14),
        )
        given = stage_deadline(rule, date(2025, 4, 14), received=date(2025, 4, 11))
        assert (given.received, given.day_zero) == (
            date(2025, 4, 11),
            date(2025, 4, 14),
        )

    def test_the_code_of_practice_window_is_the_rule_itself(self) -> None:
        rule = get_rule("foia.review_request")
        deadline = stage_deadline(rule, date(2025, 1, 6))
        assert deadline.due == date(2025, 3, 3)
        assert deadline.rule.length == 40
        assert deadline.rule.summary == rule.summary
        assert "The authority's policy" not in deadline.explain()

    def test_a_shorter_published_window(self) -> None:
        # 20 working days from Mon 6 Jan 2025: Mon 3 Feb.
        rule = get_rule("foia.review_request")
        twenty = Circumstances(authority=PRESETS["twenty"])
        deadline = stage_deadline(rule, date(2025, 1, 6), twenty)
        assert deadline.due == date(2025, 2, 3)
        assert deadline.rule.length == 20
        assert deadline.rule.summary.endswith(
            "The authority's policy 'twenty' (a published window of 20 working days "
            "from the response) gives 20 working days."
        )

    def test_the_same_length_under_another_policy_is_still_named(self) -> None:
        twenty = Circumstances(authority=PRESETS["twenty"])
        deadline = stage_deadline(get_rule("foia.review"), date(2025, 4, 14), twenty)
        assert deadline.due == date(2025, 5, 15)
        assert deadline.rule.summary.endswith(
            "The authority's policy 'twenty' (a published window of 20 working days "
            "from the response) gives 20 working days."
        )

    def test_a_window_from_another_field(self) -> None:
        rule = get_rule("foia.review_request")
        either = Circumstances(authority=PRESETS["twenty-or-forty"])
        normal = stage_deadline(rule, date(2025, 1, 6), either)
        assert normal.due == date(2025, 2, 3)
        extenuating = stage_deadline(
            rule, date(2025, 1, 6), either, authority_field="extenuating_window"
        )
        assert extenuating.due == date(2025, 3, 3)
        assert extenuating.rule.summary.endswith("gives 40 working days.")

    def test_a_statutory_window_has_no_authority_field(self) -> None:
        # EIR reg 11(2): 40 working days, whatever the authority publishes.
        either = Circumstances(authority=PRESETS["twenty"])
        deadline = stage_deadline(
            get_rule("eir.representations"), date(2025, 6, 2), either
        )
        assert deadline.due == date(2025, 7, 29)
        assert deadline.rule.summary == get_rule("eir.representations").summary

    def test_the_holiday_source_is_a_policy_only_without_data(self) -> None:
        rule = get_rule("foia.review")
        assert stage_deadline(rule, date(2025, 4, 14)).policies_used == (
            "proclaimed_holidays",
            "holiday_source",
        )
        given = Circumstances(data=HolidayData.bundled())
        assert stage_deadline(rule, date(2025, 4, 14), given).policies_used == (
            "proclaimed_holidays",
        )

    def test_events_and_notes_are_kept(self) -> None:
        note = ClockEvent(kind=EventKind.NOTE, on=DUE, description="From the expiry.")
        deadline = stage_deadline(
            get_rule("foisa.review_requirement"),
            DUE,
            received=SENT,
            events=[note],
            notes=["A note."],
        )
        # S10: 40 working days after Mon 31 Mar 2025 on the Scottish calendar.
        assert deadline.due == date(2025, 5, 29)
        assert deadline.events == (note,)
        assert deadline.notes == ("A note.",)


# -- the public functions of reviews ---------------------------------------------------


class TestReviewRequestDeadline:
    def test_a_response_received_the_day_it_was_sent(self) -> None:
        deadline = review_request_deadline(
            date(2025, 1, 6), response_received_on=date(2025, 1, 6)
        )
        assert deadline.due == date(2025, 3, 3)

    def test_a_response_received_before_it_was_sent(self) -> None:
        with pytest.raises(TimelineError):
            review_request_deadline(
                date(2025, 1, 6), response_received_on=date(2025, 1, 5)
            )

    def test_p10_counts_from_the_day_received(self) -> None:
        # Received Wed 8 Jan 2025: 40 working days end on Wed 5 Mar.
        deadline = review_request_deadline(
            date(2025, 1, 6),
            response_received_on=date(2025, 1, 8),
            policies=ON_RECEIPT,
        )
        assert (deadline.due, deadline.day_zero, deadline.received) == (
            date(2025, 3, 5),
            date(2025, 1, 8),
            date(2025, 1, 6),
        )

    def test_p10_needs_the_day_received(self) -> None:
        with pytest.raises(InvalidInputError, match="response_received_on"):
            review_request_deadline(date(2025, 1, 6), policies=ON_RECEIPT)

    def test_the_day_received_alone_changes_nothing_by_default(self) -> None:
        deadline = review_request_deadline(
            date(2025, 1, 6), response_received_on=date(2025, 1, 8)
        )
        assert deadline.due == date(2025, 3, 3)

    def test_foisa_late_response(self) -> None:
        # Due Mon 31 Mar, sent Thu 3 Apr, received Mon 7 Apr 2025: 40 Scottish
        # working days after 7 Apr (Good Friday, 5 and 26 May skipped): Thu 5 Jun.
        deadline = review_request_deadline(
            date(2025, 4, 3),
            regime="foisa",
            response_received_on=date(2025, 4, 7),
            response_due_on=DUE,
        )
        assert deadline.due == date(2025, 6, 5)
        assert deadline.day_zero == date(2025, 4, 7)

    def test_foisa_needs_the_day_the_response_was_due(self) -> None:
        with pytest.raises(InvalidInputError, match="response_due_on"):
            review_request_deadline(SENT, regime="foisa")

    def test_a_statutory_window_with_no_policy_has_no_note(self) -> None:
        deadline = review_request_deadline(date(2025, 6, 2), regime="eir")
        assert deadline.due == date(2025, 7, 29)
        assert deadline.notes == ()

    def test_a_statutory_window_notes_that_a_policy_changes_nothing(self) -> None:
        deadline = review_request_deadline(
            date(2025, 6, 2), regime="eir", policy="twenty"
        )
        assert deadline.due == date(2025, 7, 29)
        assert deadline.notes == (
            "The window is statutory (Environmental Information Regulations 2004 "
            "reg 11(2)); an authority's published policy does not change it.",
        )

    def test_a_date_out_of_range_names_the_regimes_calendar(self) -> None:
        with pytest.raises(OutsideCalendarRangeError, match="calendar 'scotland'"):
            review_request_deadline(date(1999, 12, 1), regime="foisa")
        with pytest.raises(OutsideCalendarRangeError, match="calendar 'uk'"):
            review_request_deadline(date(1999, 12, 1))

    def test_no_extenuating_window_where_the_law_sets_it(self) -> None:
        with pytest.raises(NotApplicableError) as raised:
            review_request_deadline(date(2025, 6, 2), regime="eir", extenuating=True)
        assert str(raised.value) == (
            "extenuating does not apply under EIR 2004: the window is set by law "
            "(Environmental Information Regulations 2004 reg 11(2))"
        )

    def test_no_extenuating_window_in_the_authoritys_policy(self) -> None:
        with pytest.raises(NotApplicableError) as raised:
            review_request_deadline(date(2025, 1, 6), policy="twenty", extenuating=True)
        assert str(raised.value) == (
            "extenuating does not apply under FOIA 2000: the authority's policy "
            "'twenty' has no longer window for extenuating circumstances"
        )

    def test_a_custom_policy_named_like_the_code(self) -> None:
        # Same name as the Code, another length: the length is the authority's.
        policy = AuthorityPolicy(name="code-of-practice", request_window=60)
        deadline = review_request_deadline(date(2025, 1, 6), policy=policy)
        # 60 working days after Mon 6 Jan 2025; St Patrick's Day skipped.
        assert deadline.due == date(2025, 4, 1)
        assert deadline.rule.length == 60


class TestReviewRequestCheck:
    def test_on_the_day_of_the_response(self) -> None:
        check = review_request_check(date(2025, 1, 6), date(2025, 1, 6))
        assert check.in_time
        assert check.working_days_late == 0
        assert check.message == (
            "in time: the window ends on Mon 3 Mar 2025, 40 working days after the "
            "request"
        )

    def test_on_the_last_day(self) -> None:
        check = review_request_check(date(2025, 1, 6), date(2025, 3, 3))
        assert (check.in_time, check.working_days_late) == (True, 0)
        assert check.message == (
            "in time: the window ends on Mon 3 Mar 2025, 0 working days after the "
            "request"
        )

    def test_one_day_before_the_last(self) -> None:
        check = review_request_check(date(2025, 1, 6), date(2025, 2, 28))
        assert check.message.endswith("1 working day after the request")

    def test_one_working_day_late(self) -> None:
        # Sat 1 Mar and Sun 2 Mar are before the last day; Tue 4 Mar is one late.
        check = review_request_check(date(2025, 1, 6), date(2025, 3, 4))
        assert (check.in_time, check.working_days_late) == (False, 1)
        assert check.message.startswith(
            "late by 1 working day (the window ended on Mon 3 Mar 2025); "
        )

    def test_before_the_response(self) -> None:
        with pytest.raises(TimelineError, match="requested_on"):
            review_request_check(date(2025, 1, 6), date(2025, 1, 3))

    def test_provisional_days_give_no_warning(self) -> None:
        # Response Mon 6 Jan 2031: 40 working days end on Mon 3 Mar 2031.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check = review_request_check(date(2031, 1, 6), date(2031, 1, 7))
        assert check.deadline.due == date(2031, 3, 3)
        assert check.in_time

    def test_keyword_only(self) -> None:
        deadline = review_request_deadline(date(2025, 1, 6))
        with pytest.raises(TypeError):
            ReviewRequestCheck(deadline, date(2025, 1, 6), True, 0, "")  # type: ignore[call-arg]


class TestReviewDue:
    def test_the_keeper_under_foisa(self) -> None:
        # s21(2): 30 working days after Mon 14 Apr 2025 on the Scottish calendar
        # (Good Friday, 5 and 26 May skipped): Thu 29 May.
        assert review_due(date(2025, 4, 14), regime="foisa", body="keeper").due == (
            date(2025, 5, 29)
        )
        # S12: the other authorities, 20 working days: Wed 14 May.
        assert review_due(date(2025, 4, 14), regime="foisa").due == date(2025, 5, 14)

    @pytest.mark.parametrize(
        ("regime", "body"), [("foia", "keeper"), ("foia", "school")]
    )
    def test_a_body_with_no_review_time_of_its_own(
        self, regime: str, body: str
    ) -> None:
        with pytest.raises(NotApplicableError) as raised:
            review_due(date(2025, 4, 14), regime=regime, body=body)
        assert str(raised.value) == (
            "body does not apply under FOIA 2000: a different review time applies "
            "only under FOISA 2002 for body='keeper'"
        )

    def test_no_complex_case_where_the_law_fixes_the_time(self) -> None:
        with pytest.raises(NotApplicableError) as raised:
            review_due(date(2025, 7, 1), regime="eir", complex=True)
        assert str(raised.value) == (
            "complex does not apply under EIR 2004: the time is fixed by law "
            "(Environmental Information Regulations 2004 reg 11(4))"
        )

    def test_a_complex_foia_review(self) -> None:
        # R05: 40 working days after Mon 14 Apr 2025: Fri 13 Jun.
        assert review_due(date(2025, 4, 14), complex=True).due == date(2025, 6, 13)

    def test_a_date_out_of_range_names_the_regimes_calendar(self) -> None:
        with pytest.raises(OutsideCalendarRangeError, match="calendar 'scotland'"):
            review_due(date(1999, 6, 2), regime="foisa")
        with pytest.raises(OutsideCalendarRangeError, match="calendar 'uk'"):
            review_due(date(1999, 6, 2))

    def test_eisr_review(self) -> None:
        # S16: representations received Mon 15 Dec 2025; 25, 26 Dec, 1 and 2 Jan
        # are Scottish bank holidays: Fri 16 Jan 2026.
        assert review_due(date(2025, 12, 15), regime="eisr").due == date(2026, 1, 16)
