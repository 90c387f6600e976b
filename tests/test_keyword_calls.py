"""Tests for the keyword entry points: the walk-free answer, options, remembered calls.

``response_due`` and ``response_deadlines`` answer a request with no options without
walking its timeline, and remember repeated calls. Neither shortcut may change an
answer: a call with an option must be walked with it, and a call that is refused
must be refused every time. Each test pins a date worked by hand from the calendar
(weekends; bank holidays in any part of the UK for FOIA and EIR, in Scotland for
FOISA and EISR; calendar months for subject access), or compares the keyword route
with the engine's walk (``foi_deadlines.clocks.respond``) for the same request.
"""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from foi_deadlines import (
    Body,
    ClockStoppedError,
    Division,
    HolidayData,
    InvalidInputError,
    NotApplicableError,
    OutsideCalendarRangeError,
    Policies,
    ProvisionalDateWarning,
    Regime,
    TimelineError,
    aggregation_window,
    response_deadlines,
    response_due,
)
from foi_deadlines.clocks import Fact, ResponseDeadlines, circumstances_of, respond
from foi_deadlines.rules import rule_set
from foi_deadlines.timeline import CaseEventKind


def d(text: str) -> date:
    return date.fromisoformat(text)


def weekdays(first: str, last: str) -> set[date]:
    """Every Monday to Friday from ``first`` to ``last``, both included."""
    days: set[date] = set()
    day = d(first)
    while day <= d(last):
        if day.weekday() < 5:
            days.add(day)
        day += timedelta(days=1)
    return days


def due_of(stage: ResponseDeadlines) -> date:
    assert stage.response is not None
    return stage.response.due


#: Requests nothing has happened to, with the last day to answer worked by hand.
PLAIN = [
    # F01: 25, 26 Dec, 1 Jan and 2 Jan (Scotland) are not working days.
    pytest.param("foia", "2024-12-19", "2025-01-22", id="foia-F01"),
    # F28: 17 Mar 2014 (Northern Ireland) is not a working day.
    pytest.param("foia", "2014-03-16", "2014-04-14", id="foia-F28"),
    # S01: Easter Monday is a working day in Scotland.
    pytest.param("foisa", "2024-03-28", "2024-04-26", id="foisa-S01"),
    pytest.param("foia", "2024-03-28", "2024-04-29", id="foia-S01"),
    # E01: Mon 1 Dec 2025 (St Andrew's Day, Scotland) is skipped.
    pytest.param("eir", "2025-11-20", "2025-12-19", id="eir-E01"),
    pytest.param("eisr", "2025-11-20", "2025-12-19", id="eisr-E01"),
    # G01, G02: the corresponding date, or the last day of a shorter month.
    pytest.param("sar", "2025-09-03", "2025-10-03", id="sar-G01"),
    pytest.param("sar", "2025-01-31", "2025-02-28", id="sar-G02"),
    # G13: 28 Feb 2026 is a Saturday: the next working day.
    pytest.param("sar", "2026-01-31", "2026-03-02", id="sar-G13"),
]


class TestWalkFreeAnswer:
    """A request with no options: the shortcut gives the worked date and the walk's
    deadline, explanation and all."""

    @pytest.mark.parametrize(("regime", "received", "due"), PLAIN)
    def test_response_due(self, regime: str, received: str, due: str) -> None:
        fast = response_due(d(received), regime=regime)
        walked = respond(rule_set(regime, d(received)), (), received=d(received))
        assert fast.due == d(due)
        assert walked.response is not None
        assert fast.due == walked.response.due
        assert fast.clock_id == walked.response.clock_id
        assert fast.day_zero == d(received)
        assert fast.policies_used == walked.response.policies_used
        assert fast.explain() == walked.response.explain()

    @pytest.mark.parametrize(("regime", "received", "due"), PLAIN)
    def test_response_deadlines(self, regime: str, received: str, due: str) -> None:
        fast = response_deadlines(d(received), regime=regime)
        walked = respond(rule_set(regime, d(received)), (), received=d(received))
        assert due_of(fast) == d(due)
        assert due_of(fast) == due_of(walked)
        if walked.refusal_notice is None:
            assert fast.refusal_notice is None
        else:
            assert fast.refusal_notice is not None
            assert fast.refusal_notice.due == walked.refusal_notice.due == d(due)
            assert fast.refusal_notice.clock_id == walked.refusal_notice.clock_id
        assert fast.stopped is None
        assert fast.extension_notice is None
        assert fast.public_interest is None

    def test_regime_as_member_or_name(self) -> None:
        """``Regime.FOISA`` and ``"foisa"`` are the same request."""
        by_member = response_due(d("2024-03-28"), regime=Regime.FOISA)
        assert by_member.due == d("2024-04-26")
        assert by_member.clock_id == "foisa.response"
        stage = response_deadlines(d("2024-03-28"), regime=Regime.FOISA)
        assert due_of(stage) == d("2024-04-26")

    def test_the_refusal_notice_is_the_response_day(self) -> None:
        """FOIA s17(1): the refusal notice is due by the 20th working day too."""
        stage = response_deadlines(d("2024-12-19"))
        assert stage.refusal_notice is not None
        assert stage.refusal_notice.clock_id == "foia.refusal_notice"
        assert stage.refusal_notice.due == d("2025-01-22")
        assert stage.all() == (stage.response, stage.refusal_notice)

    def test_no_warning_from_response_deadlines(self) -> None:
        """Beyond the confirmed holiday data, response_deadlines only flags the date."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            stage = response_deadlines(d("2035-03-01"))
        assert stage.response is not None
        assert stage.response.provisional
        walked = respond(rule_set("foia"), (), received=d("2035-03-01"))
        assert due_of(stage) == due_of(walked)

    def test_response_due_warns_once(self) -> None:
        with pytest.warns(ProvisionalDateWarning) as record:
            deadline = response_due(d("2035-03-01"))
        assert len(record) == 1
        assert deadline.provisional


class TestOptionsAreApplied:
    """A call with an option is never answered as if it had none."""

    @pytest.mark.parametrize(
        ("received", "kwargs", "due"),
        [
            # E02: 40 working days (reg 7(1)); 25, 26 Dec, 1, 2 Jan skipped.
            pytest.param(
                "2025-11-20",
                {"regime": "eir", "extended": True},
                "2026-01-22",
                id="E02",
            ),
            pytest.param(
                "2025-11-20",
                {"regime": "eisr", "extended": True},
                "2026-01-22",
                id="eisr-extended",
            ),
            # M01: the clock restarts from the clarification.
            pytest.param(
                "2025-01-06", {"clarified_on": d("2025-01-20")}, "2025-02-17", id="M01"
            ),
            # M03: 4 working days before the notice, 16 after the payment.
            pytest.param(
                "2025-03-03",
                {"fee_notice_on": d("2025-03-10"), "fee_paid_on": d("2025-03-24")},
                "2025-04-15",
                id="M03",
            ),
            # M06: an appropriate records authority has 30 working days.
            pytest.param("2025-09-01", {"body": "archive"}, "2025-10-13", id="M06"),
            pytest.param(
                "2025-03-03",
                {"regime": "foisa", "body": Body.KEEPER},
                "2025-04-14",
                id="keeper",
            ),
            # F05, P1 alternative: Saturday receipt taken as Monday's.
            pytest.param(
                "2024-12-28",
                {"policies": Policies(receipt="next_working_day")},
                "2025-01-29",
                id="F05-P1",
            ),
            # G06: 29 Mar 2024 is Good Friday; Easter Monday is a working day in
            # Scotland.
            pytest.param(
                "2024-02-29",
                {"regime": "sar", "division": "scotland"},
                "2024-04-01",
                id="G06-name",
            ),
            pytest.param(
                "2024-02-29",
                {"regime": "sar", "division": Division.SCOTLAND},
                "2024-04-01",
                id="G06-member",
            ),
            # G05: in England and Wales it rolls past Easter Monday.
            pytest.param(
                "2024-02-29",
                {"regime": "sar", "division": "england-and-wales"},
                "2024-04-02",
                id="G05",
            ),
            # G18: St Patrick's Day rolls a Northern Ireland controller's date.
            pytest.param(
                "2026-02-10",
                {
                    "regime": "sar",
                    "identity_confirmed_on": d("2026-02-17"),
                    "division": Division.NORTHERN_IRELAND,
                },
                "2026-03-18",
                id="G18",
            ),
            pytest.param(
                "2026-02-10",
                {"regime": "sar", "identity_confirmed_on": d("2026-02-17")},
                "2026-03-17",
                id="G17",
            ),
            # G15: three months from the relevant time (P12), rolled to Monday.
            pytest.param(
                "2025-10-31",
                {"regime": "sar", "extended": True},
                "2026-02-02",
                id="G15",
            ),
            # The Commissioner's day stands, up to the 60th working day.
            pytest.param(
                "2025-01-06",
                {"body": "overseas", "commissioner_day": d("2025-03-03")},
                "2025-03-03",
                id="commissioner",
            ),
        ],
    )
    def test_worked_date(self, received: str, kwargs: dict[str, Any], due: str) -> None:
        assert response_due(d(received), **kwargs).due == d(due)
        assert due_of(response_deadlines(d(received), **kwargs)) == d(due)

    def test_extension_keywords_give_the_stage(self) -> None:
        """E01, E02: extended to day 40, with notice due by day 20 (reg 7(3))."""
        stage = response_deadlines(d("2025-11-20"), regime="eir", extended=True)
        assert due_of(stage) == d("2026-01-22")
        assert stage.extension_notice is not None
        assert stage.extension_notice.due == d("2025-12-19")
        assert stage.base is stage.extension_notice
        on_time = response_deadlines(
            d("2025-11-20"), regime="eir", extended_on=d("2025-12-19")
        )
        assert due_of(on_time) == d("2026-01-22")
        late = response_deadlines(
            d("2025-11-20"), regime="eir", extended_on=d("2025-12-22")
        )
        assert due_of(late) == d("2025-12-19")
        assert late.extension_notice is None

    def test_public_interest(self) -> None:
        """M05: refusal notice by day 20, decision by the estimate or day 40."""
        stage = response_deadlines(d("2025-02-03"), extended=True)
        assert stage.refusal_notice is not None
        assert stage.refusal_notice.due == d("2025-03-03")
        assert stage.public_interest is not None
        assert stage.public_interest.due == d("2025-04-01")
        estimated = response_deadlines(
            d("2025-02-03"), public_interest_estimate=d("2025-03-20")
        )
        assert due_of(estimated) == d("2025-03-20")

    def test_a_holiday_in_the_data(self) -> None:
        """A proclaimed day passed as data moves the date, without other options."""
        data = HolidayData.bundled().with_proclaimed(
            d("2027-06-07"), "Special", divisions=["northern-ireland"]
        )
        # Received Tue 1 Jun 2027: the 20th working day is Tue 29 Jun without it.
        assert response_due(d("2027-06-01")).due == d("2027-06-29")
        assert response_due(d("2027-06-01"), data=data).due == d("2027-06-30")
        assert due_of(response_deadlines(d("2027-06-01"), data=data)) == d("2027-06-30")

    def test_stopped_clock_is_not_a_date(self) -> None:
        """A fees notice with no payment: no date from either function."""
        stage = response_deadlines(d("2025-03-03"), fee_notice_on=d("2025-03-10"))
        assert stage.response is None
        assert stage.stopped is not None
        assert stage.stopped.remaining == 16
        with pytest.raises(ClockStoppedError, match="16 working days will remain"):
            response_due(d("2025-03-03"), fee_notice_on=d("2025-03-10"))

    @pytest.mark.parametrize(
        ("kwargs", "facts", "regime"),
        [
            (
                {
                    "clarification_sought_on": d("2025-03-05"),
                    "clarified_on": d("2025-03-12"),
                },
                [
                    Fact(CaseEventKind.CLARIFICATION_SOUGHT, d("2025-03-05")),
                    Fact(CaseEventKind.CLARIFICATION_RECEIVED, d("2025-03-12")),
                ],
                "foia",
            ),
            (
                {
                    "fee_notice_on": d("2025-03-10"),
                    "fee_paid_on": d("2025-03-24"),
                    "extended": True,
                },
                [
                    Fact(CaseEventKind.EXTENSION, None),
                    Fact(CaseEventKind.FEES_NOTICE, d("2025-03-10")),
                    Fact(CaseEventKind.FEE_PAID, d("2025-03-24")),
                ],
                "eir",
            ),
            (
                {"public_interest_estimate": d("2025-04-10")},
                [
                    Fact(
                        CaseEventKind.PUBLIC_INTEREST_EXTENSION,
                        None,
                        d("2025-04-10"),
                    )
                ],
                "foia",
            ),
        ],
    )
    def test_keywords_and_events_agree(
        self, kwargs: dict[str, Any], facts: list[Fact], regime: str
    ) -> None:
        """The keywords are the events the engine walks."""
        by_keyword = response_deadlines(d("2025-03-03"), regime=regime, **kwargs)
        by_events = respond(rule_set(regime), facts, received=d("2025-03-03"))
        assert by_keyword == by_events


class TestTimestamps:
    def test_a_timestamp_with_options(self) -> None:
        """An aware timestamp is read as its UK date on the walk too."""
        received = datetime(2025, 1, 5, 23, 30, tzinfo=UTC)  # Sun 5 Jan 2025
        deadline = response_due(received, clarified_on=d("2025-01-20"))
        assert deadline.received == d("2025-01-05")
        assert deadline.day_zero == d("2025-01-20")
        assert deadline.due == d("2025-02-17")

    def test_a_summer_timestamp_is_the_next_day_in_london(self) -> None:
        """23:30 UTC on Sun 1 Jun 2025 is 00:30 BST on Mon 2 Jun."""
        received = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        stage = response_deadlines(received, regime="eir", extended=True)
        assert stage.response is not None
        assert stage.response.received == d("2025-06-02")
        # 40 working days after Mon 2 Jun 2025, skipping Mon 14 Jul (Northern
        # Ireland): the 20th is Mon 30 Jun, the 40th Tue 29 Jul.
        assert stage.response.due == d("2025-07-29")


class TestRememberedCalls:
    """Repeated calls give the same answer, and refused ones are refused again."""

    def test_a_zero_is_not_taken_for_false(self) -> None:
        kwargs: dict[str, Any] = {"clarified_on": d("2025-01-20")}
        assert response_due(d("2025-01-06"), extended=False, **kwargs).due == d(
            "2025-02-17"
        )
        with pytest.raises(InvalidInputError, match=r"^extended must be True or False"):
            response_due(d("2025-01-06"), extended=0, **kwargs)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match=r"^extended must be True or False"):
            response_deadlines(d("2025-01-06"), extended=0, **kwargs)  # type: ignore[arg-type]

    def test_a_one_is_not_taken_for_true(self) -> None:
        assert due_of(
            response_deadlines(d("2025-11-20"), regime="eisr", extended=True)
        ) == d("2026-01-22")
        with pytest.raises(InvalidInputError, match=r"\(got 1\)"):
            response_deadlines(d("2025-11-20"), regime="eisr", extended=1)  # type: ignore[arg-type]

    def test_the_same_call_twice(self) -> None:
        kwargs: dict[str, Any] = {
            "fee_notice_on": d("2025-03-10"),
            "fee_paid_on": d("2025-03-24"),
        }
        first = response_due(d("2025-03-03"), **kwargs)
        second = response_due(d("2025-03-03"), **kwargs)
        assert first == second
        assert first.due == d("2025-04-15")

    def test_a_refused_call_twice(self) -> None:
        for _ in range(2):
            with pytest.raises(NotApplicableError, match="FOISA"):
                response_deadlines(d("2025-03-03"), regime="foisa", extended=True)
            with pytest.raises(TimelineError, match="before the request"):
                response_deadlines(d("2025-03-03"), clarified_on=d("2025-03-01"))


class TestRefusedWithoutOptions:
    """The shortcut leaves a bad request to the walk, which refuses it."""

    @pytest.mark.parametrize("function", [response_due, response_deadlines])
    def test_unknown_regime(self, function: Any) -> None:
        with pytest.raises(
            InvalidInputError,
            match=r"^regime must be one of 'foia', .* \(got 'foi'\)$",
        ):
            function(d("2025-03-03"), regime="foi")

    @pytest.mark.parametrize("function", [response_due, response_deadlines])
    def test_a_regime_that_is_not_a_name(self, function: Any) -> None:
        with pytest.raises(InvalidInputError, match=r"^regime must be one of .*got 1"):
            function(d("2025-03-03"), regime=1)

    def test_a_regime_in_capitals(self) -> None:
        """The walk reads a regime's name in any case: FOISA's date, not FOIA's."""
        assert response_due(d("2024-03-28"), regime="FOISA").due == d("2024-04-26")
        stage = response_deadlines(d("2024-03-28"), regime="FOISA")
        assert due_of(stage) == d("2024-04-26")

    def test_commissioner_day_with_no_body(self) -> None:
        with pytest.raises(NotApplicableError, match="'armed-forces' or 'overseas'"):
            response_deadlines(d("2025-01-06"), commissioner_day=d("2025-03-03"))

    @pytest.mark.parametrize("function", [response_due, response_deadlines])
    @pytest.mark.parametrize("received", ["1999-12-31", "2101-01-01"])
    def test_out_of_range(self, function: Any, received: str) -> None:
        with pytest.raises(OutsideCalendarRangeError, match=r"^received is"):
            function(d(received))

    @pytest.mark.parametrize("received", ["2000-01-01", "2100-12-31"])
    def test_the_first_and_last_days(self, received: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            fast = response_due(d(received))
        walked = respond(rule_set("foia"), (), received=d(received))
        assert fast.due == due_of(walked)


class TestSchoolDays:
    """SI 2004/3364 reg 3: the 20th school day, or the 60th working day if first."""

    TERM = weekdays("2025-07-01", "2025-07-18") | weekdays("2025-09-03", "2025-12-19")

    def test_worked(self) -> None:
        """Received Mon 14 Jul 2025: 4 school days in July, 16 from Wed 3 Sep."""
        deadline = response_due(d("2025-07-14"), body="school", school_days=self.TERM)
        assert deadline.due == d("2025-09-24")
        as_list = sorted(self.TERM)
        assert response_due(
            d("2025-07-14"), body="school", school_days=as_list
        ).due == d("2025-09-24")
        walked = respond(
            rule_set("foia"),
            (),
            circumstances_of(body=Body.SCHOOL, school_days=frozenset(self.TERM)),
            received=d("2025-07-14"),
        )
        assert due_of(walked) == d("2025-09-24")

    @pytest.mark.parametrize("outside", ["1999-12-31", "2101-01-03"])
    def test_a_term_day_outside_the_calendar(self, outside: str) -> None:
        with pytest.raises(OutsideCalendarRangeError, match=r"^school_days is"):
            response_due(
                d("2025-07-14"),
                body="school",
                school_days=self.TERM | {d(outside)},
            )

    def test_not_a_collection(self) -> None:
        with pytest.raises(InvalidInputError, match=r"^school_days must be"):
            response_due(d("2025-07-14"), body="school", school_days="2025-09-03")  # type: ignore[arg-type]

    def test_school_days_need_a_school(self) -> None:
        with pytest.raises(NotApplicableError, match="body='school'"):
            response_deadlines(d("2025-07-14"), school_days=self.TERM)
        with pytest.raises(NotApplicableError, match="body='school'"):
            response_deadlines(d("2025-07-14"), body="archive", school_days=self.TERM)

    def test_commissioner_day_needs_its_body(self) -> None:
        with pytest.raises(NotApplicableError, match="'armed-forces' or 'overseas'"):
            response_deadlines(
                d("2025-01-06"), body="school", commissioner_day=d("2025-03-03")
            )


class TestRefusals:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"regime": "sar", "public_interest_estimate": d("2026-04-01")},
                "it is not a subject access rule",
            ),
            (
                {"regime": "eisr", "public_interest_estimate": d("2026-04-01")},
                "public interest",
            ),
            ({"regime": "foisa", "extended_on": d("2026-03-10")}, "FOISA has no"),
            ({"regime": "sar", "body": "archive"}, "it is not a subject access rule"),
            ({"regime": "foisa", "body": "school"}, "under FOIA 2000 only"),
            (
                {"regime": "sar", "fee_notice_on": d("2026-03-04")},
                "pass fee_paid_on",
            ),
        ],
    )
    def test_not_applicable(self, kwargs: dict[str, Any], message: str) -> None:
        with pytest.raises(NotApplicableError, match=message):
            response_deadlines(d("2026-03-03"), **kwargs)

    def test_estimate_after_the_notified_day(self) -> None:
        """The estimate must be after day 0, or after the day the extension was told."""
        with pytest.raises(TimelineError, match=r"after day 0 \(2025-02-10\)"):
            response_due(
                d("2025-02-03"),
                extended_on=d("2025-02-10"),
                public_interest_estimate=d("2025-02-10"),
            )
        deadline = response_due(
            d("2025-02-03"),
            extended_on=d("2025-02-10"),
            public_interest_estimate=d("2025-03-20"),
        )
        assert deadline.due == d("2025-03-20")

    def test_no_cap_needs_an_estimate(self) -> None:
        """Policy P5 with no cap: the decision is due by the authority's estimate."""
        no_cap = Policies(public_interest_cap=None)
        with pytest.raises(InvalidInputError, match="public_interest_estimate"):
            response_deadlines(d("2025-02-03"), extended=True, policies=no_cap)
        # EIR's extension is fixed at 40 working days: no estimate needed.
        stage = response_deadlines(
            d("2025-11-20"), regime="eir", extended=True, policies=no_cap
        )
        assert due_of(stage) == d("2026-01-22")

    def test_subject_access_clarification_needs_the_asking_day(self) -> None:
        """Art 12A(5): the pause runs from the day the controller asks."""
        with pytest.raises(TimelineError, match="pass clarification_sought_on"):
            response_deadlines(
                d("2026-02-09"), regime="sar", clarified_on=d("2026-02-20")
            )
        # G16: 16 to 20 Feb 2026 add 5 days to Mon 9 Mar: Sat 14 Mar, so Mon 16 Mar.
        stage = response_deadlines(
            d("2026-02-09"),
            regime="sar",
            clarification_sought_on=d("2026-02-16"),
            clarified_on=d("2026-02-20"),
        )
        assert due_of(stage) == d("2026-03-16")

    def test_clarification_before_it_was_sought(self) -> None:
        with pytest.raises(TimelineError, match="cannot be before the clarification"):
            response_due(
                d("2025-01-06"),
                clarification_sought_on=d("2025-01-10"),
                clarified_on=d("2025-01-08"),
            )


class TestAggregationWindow:
    def test_any_window(self) -> None:
        """Policy P15 any_window: the 59 working days before Mon 6 Jan 2025 reach
        back to Tue 8 Oct 2024 (1 and 2 Jan, 25 and 26 Dec and 2 Dec are skipped)."""
        window = aggregation_window(
            d("2025-01-06"), policies=Policies(aggregation_anchor="any_window")
        )
        assert window.due == d("2025-03-31")
        assert "requests received from 2024-10-08" in window.notes[-1]

    def test_any_window_far_ahead_does_not_warn(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            window = aggregation_window(
                d("2035-03-01"), policies=Policies(aggregation_anchor="any_window")
            )
        assert window.provisional
        assert "requests received from" in window.notes[-1]
