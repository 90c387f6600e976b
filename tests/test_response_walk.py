"""Tests for the engine's walk of the response stage (``foi_deadlines.clocks``).

Each test gives a request's events, as keywords or as ``Fact`` values for
:func:`~foi_deadlines.clocks.respond`, and checks the dates worked by hand (weekends;
bank holidays in any part of the UK for FOIA and EIR; calendar months for subject
access), what a stopped clock says remains, and what the explanation records: the
receipt deemed under policies P1 and P2, the days a pause disregards, the school
days not counted, events that came too late or twice.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as clock_time
from typing import Any

import pytest

from foi_deadlines import (
    Body,
    ClockStoppedError,
    Policies,
    ProvisionalDateWarning,
    RequestLapsedError,
    TimelineError,
    response_deadlines,
    response_due,
)
from foi_deadlines.clocks import (
    EventKind,
    Fact,
    ResponseDeadlines,
    circumstances_of,
    respond,
)
from foi_deadlines.clocks._counting import DEFAULT_CIRCUMSTANCES
from foi_deadlines.clocks._response import unmoved_response
from foi_deadlines.rules import ProclaimedHolidays, rule_set
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


def descriptions(stage: ResponseDeadlines) -> list[str]:
    return [event.description for event in stage.events]


class TestUnmoved:
    """The walk-free deadline is the deadline of a walk over no events."""

    @pytest.mark.parametrize(
        ("regime", "received", "due"),
        [
            ("foia", "2024-12-19", "2025-01-22"),
            ("foisa", "2024-03-28", "2024-04-26"),
            ("eir", "2025-11-20", "2025-12-19"),
            ("sar", "2024-02-29", "2024-04-02"),
            ("sar", "2026-02-04", "2026-03-04"),
        ],
    )
    def test_same_as_the_walk(self, regime: str, received: str, due: str) -> None:
        rules = rule_set(regime, d(received))
        fast = unmoved_response(rules, d(received))
        walked = respond(rules, (), received=d(received)).response
        assert fast is not None
        assert walked is not None
        assert fast.due == walked.due == d(due)
        assert fast.rolled_from == walked.rolled_from
        assert fast.explain() == walked.explain()

    def test_far_ahead_without_warnings(self) -> None:
        """Beyond the confirmed data the deadline is flagged, not warned about."""
        rules = rule_set("eir")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fast = unmoved_response(rules, d("2035-03-01"))
            walked = respond(rules, (), received=d("2035-03-01"))
            stage = response_deadlines(d("2035-03-01"), regime="eir")
        assert fast is not None
        assert fast.provisional
        assert fast.due == due_of(walked) == due_of(stage)
        with pytest.warns(ProvisionalDateWarning) as record:
            response_due(d("2035-03-01"), regime="eir")
        assert len(record) == 1

    def test_one_plan_serves_every_day(self) -> None:
        """The walk-free path keeps one plan per rule set, which is right only
        while the default policies count the holidays known now (P6)."""
        assert (
            DEFAULT_CIRCUMSTANCES.policies.proclaimed_holidays
            is ProclaimedHolidays.LATEST_KNOWN
        )


@pytest.fixture
def tokyo_clock() -> Iterator[None]:
    """Run with the machine's local time in Tokyo (UTC+9), then restore it."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available here (Windows, Pyodide)")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


class _Floating(tzinfo):
    """A time zone with no offset: the datetime is naive, as Python defines it."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def dst(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> None:
        return None


class TestReceipt:
    """Policies P1 (non-working days) and P2 (an office-hours cut-off)."""

    CUTOFF = Policies(office_hours_cutoff=clock_time(17, 0))

    def test_a_date_has_no_time_of_day(self) -> None:
        """A cut-off cannot move a receipt given as a date: Fri 3 Jan 2025 stays."""
        deadline = response_due(d("2025-01-03"), policies=self.CUTOFF)
        assert deadline.day_zero == d("2025-01-03")
        # 6-10, 13-17, 20-24 and 27-31 January.
        assert deadline.due == d("2025-01-31")

    def test_a_clarification_under_a_cut_off(self) -> None:
        """The restart day is a date too: 20 working days after Fri 10 Jan 2025."""
        deadline = response_due(
            d("2025-01-03"),
            policies=self.CUTOFF,
            clarification_sought_on=d("2025-01-06"),
            clarified_on=d("2025-01-10"),
        )
        assert deadline.day_zero == d("2025-01-10")
        assert deadline.due == d("2025-02-07")

    def test_an_aware_timestamp_in_summer(self) -> None:
        """16:30 UTC on Mon 2 Jun 2025 is 17:30 BST, after the cut-off."""
        arrived = datetime(2025, 6, 2, 16, 30, tzinfo=UTC)
        deadline = response_due(arrived, policies=self.CUTOFF)
        assert deadline.day_zero == d("2025-06-03")
        assert deadline.due == d("2025-07-01")
        assert "arrived at 17:30 on Mon 2 Jun 2025" in deadline.explain()
        before = response_due(
            datetime(2025, 6, 2, 15, 30, tzinfo=UTC), policies=self.CUTOFF
        )
        assert before.day_zero == d("2025-06-02")
        assert before.due == d("2025-06-30")

    def test_a_late_friday_is_monday(self) -> None:
        """18:30 on Fri 3 Jan 2025 is taken as Mon 6 Jan: due Mon 3 Feb."""
        arrived = datetime(2025, 1, 3, 18, 30)  # noqa: DTZ001 - UK local time
        deadline = response_due(arrived, policies=self.CUTOFF)
        assert deadline.day_zero == d("2025-01-06")
        assert deadline.due == d("2025-02-03")

    @pytest.mark.usefixtures("tokyo_clock")
    def test_a_time_zone_with_no_offset_is_uk_local_time(self) -> None:
        """A datetime whose zone gives no offset is naive: taken as UK local time,
        whatever the machine's own time zone."""
        arrived = datetime(2025, 6, 2, 10, 0, tzinfo=_Floating())
        policies = Policies(office_hours_cutoff=clock_time(9, 0))
        deadline = response_due(arrived, policies=policies)
        assert deadline.day_zero == d("2025-06-03")
        assert "arrived at 10:00 on Mon 2 Jun 2025" in deadline.explain()

    def test_a_timestamp_with_no_cut_off(self) -> None:
        """P1 next_working_day alone: Sat 4 Jan 2025 at noon is Mon 6 Jan."""
        arrived = datetime(2025, 1, 4, 12, 0)  # noqa: DTZ001 - UK local time
        deadline = response_due(arrived, policies=Policies(receipt="next_working_day"))
        assert deadline.day_zero == d("2025-01-06")
        assert deadline.due == d("2025-02-03")

    def test_next_working_day_far_ahead(self) -> None:
        """Sat 3 Mar 2035 is taken as Mon 5 Mar, with no warning from the stage."""
        policies = Policies(receipt="next_working_day")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            stage = response_deadlines(d("2035-03-03"), policies=policies)
        assert stage.response is not None
        assert stage.response.day_zero == d("2035-03-05")
        assert stage.response.provisional

    def test_a_clarification_on_a_saturday_is_deemed(self) -> None:
        """P1 next_working_day: a clarification that arrives on Sat 8 Mar 2025 is
        taken as received on Mon 10 Mar, and 20 working days from then (St
        Patrick's Day not counted) end on Tue 8 Apr."""
        deadline = response_due(
            d("2025-03-03"),
            clarification_sought_on=d("2025-03-04"),
            clarified_on=d("2025-03-08"),
            policies=Policies(receipt="next_working_day"),
        )
        assert deadline.due == d("2025-04-08")
        assert deadline.day_zero == d("2025-03-10")
        assert deadline.day_zero_is == (
            "the day the clarification is taken as received (policy P1 "
            "next_working_day)"
        )


class TestSchools:
    """SI 2004/3364 reg 3, with a term calendar: school days from 1 to 18 July and
    from 3 September 2025."""

    TERM = weekdays("2025-07-01", "2025-07-18") | weekdays("2025-09-03", "2025-12-19")

    def test_days_without_sessions(self) -> None:
        """Received Mon 14 Jul 2025: school days 15-18 July, then 16 from 3 Sep.

        The 32 weekdays from 21 July to 2 September less 4 and 25 August (bank
        holidays) are 30 working days without sessions.
        """
        deadline = response_due(d("2025-07-14"), body="school", school_days=self.TERM)
        assert deadline.due == d("2025-09-24")
        assert deadline.notes == (
            "30 working days without school sessions were not counted.",
        )

    def test_one_working_day_without_sessions(self) -> None:
        """Received Wed 3 Sep 2025, a term with one day off (Fri 12 Sep): the 20th
        working day is Wed 1 Oct, the 20th school day Thu 2 Oct."""
        term = weekdays("2025-09-01", "2025-12-19") - {d("2025-09-12")}
        deadline = response_due(d("2025-09-03"), body="school", school_days=term)
        assert deadline.due == d("2025-10-02")
        assert len(deadline.notes) == 1
        assert deadline.notes[0].startswith("1 working day without school sessions")

    def test_sessions_resuming_the_day_after_the_limit(self) -> None:
        """Received Mon 1 Sep 2025, 19 school days to Fri 26 Sep, then none until
        Tue 25 Nov: the 60th working day, Mon 24 Nov, comes first and is the
        limit, though the 20th school day would be the very next day."""
        term = weekdays("2025-09-02", "2025-09-26") | weekdays(
            "2025-11-25", "2025-12-19"
        )
        deadline = response_due(d("2025-09-01"), body="school", school_days=term)
        assert deadline.due == d("2025-11-24")
        assert deadline.notes == (
            "The 60th working day came before the 20th school day.",
        )

    def test_a_fees_notice_on_a_school_day(self) -> None:
        """Notice Wed 16 Jul, fee Mon 21 Jul (P3 literal: both disregarded): only
        Tue 15 Jul counts before September, so the 20th school day is Mon 29 Sep."""
        deadline = response_due(
            d("2025-07-14"),
            body="school",
            school_days=self.TERM,
            fee_notice_on=d("2025-07-16"),
            fee_paid_on=d("2025-07-21"),
        )
        assert deadline.due == d("2025-09-29")

    def test_a_fees_notice_day_that_counts(self) -> None:
        """P3 notice_day_counts: Tue 15 and Wed 16 Jul count: Fri 26 Sep."""
        deadline = response_due(
            d("2025-07-14"),
            body="school",
            school_days=self.TERM,
            fee_notice_on=d("2025-07-16"),
            fee_paid_on=d("2025-07-21"),
            policies=Policies(fee_pause="notice_day_counts"),
        )
        assert deadline.due == d("2025-09-26")


class TestPauses:
    def test_fees_notice(self) -> None:
        """M03: 10 working days from Mon 10 to Mon 24 Mar 2025 (17 Mar is a bank
        holiday in Northern Ireland) are disregarded, under policy P3."""
        deadline = response_due(
            d("2025-03-03"), fee_notice_on=d("2025-03-10"), fee_paid_on=d("2025-03-24")
        )
        assert deadline.due == d("2025-04-15")
        assert "fee_pause" in deadline.policies_used
        assert ("P3", "fee_pause", "literal") in [
            (entry[0], entry[1], str(entry[2])) for entry in deadline.policies_applied
        ]
        pause = [event for event in deadline.events if event.kind is EventKind.PAUSE]
        assert len(pause) == 1
        assert pause[0].on == d("2025-03-10")
        assert pause[0].until == d("2025-03-24")
        assert "10 working days from the notice to the payment disregarded" in (
            pause[0].description
        )

    def test_fees_notice_day_counts(self) -> None:
        """P3 notice_day_counts: the notice day counts, so 9 are disregarded."""
        deadline = response_due(
            d("2025-03-03"),
            fee_notice_on=d("2025-03-10"),
            fee_paid_on=d("2025-03-24"),
            policies=Policies(fee_pause="notice_day_counts"),
        )
        assert deadline.due == d("2025-04-14")
        assert (
            "9 working days from the notice to the payment disregarded"
            in deadline.explain()
        )

    def test_a_pause_beyond_the_confirmed_data_is_flagged_not_warned(self) -> None:
        """Counting a pause's days far ahead warns no more than the deadline."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            stage = response_deadlines(
                d("2035-03-05"),
                fee_notice_on=d("2035-03-07"),
                fee_paid_on=d("2035-03-14"),
                policies=Policies(fee_pause="notice_day_counts"),
            )
        assert stage.response is not None
        assert stage.response.provisional
        assert "5 working days from the notice to the payment disregarded" in (
            stage.response.explain()
        )

    def test_fees_notice_and_payment_on_one_day(self) -> None:
        """A notice and payment on Tue 4 Mar 2025 disregard 1 working day."""
        deadline = response_due(
            d("2025-03-03"), fee_notice_on=d("2025-03-04"), fee_paid_on=d("2025-03-04")
        )
        assert deadline.due == d("2025-04-02")
        assert ": 1 working day from the notice to the payment disregarded" in (
            deadline.explain()
        )

    def test_no_pause_no_fee_policy(self) -> None:
        deadline = response_due(d("2025-03-03"))
        assert "fee_pause" not in deadline.policies_used

    def test_subject_access_clarification(self) -> None:
        """G16: 16 to 20 Feb 2026 is 5 days; 9 Mar + 5 is Sat 14 Mar: Mon 16 Mar."""
        deadline = response_due(
            d("2026-02-09"),
            regime="sar",
            clarification_sought_on=d("2026-02-16"),
            clarified_on=d("2026-02-20"),
        )
        assert deadline.due == d("2026-03-16")
        assert "5 days added to the period" in deadline.explain()

    def test_subject_access_clarification_exclusive(self) -> None:
        """P13 exclusive: the 3 days between: Thu 12 Mar 2026."""
        deadline = response_due(
            d("2026-02-09"),
            regime="sar",
            clarification_sought_on=d("2026-02-16"),
            clarified_on=d("2026-02-20"),
            policies=Policies(sar_pause="exclusive"),
        )
        assert deadline.due == d("2026-03-12")
        assert "3 days added to the period" in deadline.explain()

    def test_subject_access_clarification_answered_next_day(self) -> None:
        """Asked Mon 16 Feb, answered Tue 17 Feb 2026: 2 days inclusive, 0
        exclusive."""
        kwargs: dict[str, Any] = {
            "regime": "sar",
            "clarification_sought_on": d("2026-02-16"),
            "clarified_on": d("2026-02-17"),
        }
        inclusive = response_due(d("2026-02-09"), **kwargs)
        assert inclusive.due == d("2026-03-11")
        assert "2 days added to the period" in inclusive.explain()
        exclusive = response_due(
            d("2026-02-09"),
            policies=Policies(sar_pause="exclusive"),
            **kwargs,
        )
        assert exclusive.due == d("2026-03-09")
        assert "0 days added to the period" in exclusive.explain()


class TestStoppedClock:
    def test_notice_on_the_last_day_leaves_one(self) -> None:
        """Received Mon 3 Mar 2025, the 20th working day is Tue 1 Apr; a notice
        that day leaves 1 (P3 literal) or none (notice_day_counts)."""
        literal = response_deadlines(d("2025-03-03"), fee_notice_on=d("2025-04-01"))
        assert literal.stopped is not None
        assert literal.stopped.remaining == 1
        counted = response_deadlines(
            d("2025-03-03"),
            fee_notice_on=d("2025-04-01"),
            policies=Policies(fee_pause="notice_day_counts"),
        )
        assert counted.stopped is not None
        assert counted.stopped.remaining == 0
        with pytest.raises(ClockStoppedError, match="0 working days will remain"):
            response_due(
                d("2025-03-03"),
                fee_notice_on=d("2025-04-01"),
                policies=Policies(fee_pause="notice_day_counts"),
            )

    @pytest.mark.parametrize(
        ("sought", "remaining"),
        [("2025-10-01", 2), ("2025-10-03", 0), ("2025-09-03", 30)],
    )
    def test_subject_access_days_remaining(self, sought: str, remaining: int) -> None:
        """G01: received Wed 3 Sep 2025, due Fri 3 Oct 2025."""
        stage = response_deadlines(
            d("2025-09-03"), regime="sar", clarification_sought_on=d(sought)
        )
        assert stage.stopped is not None
        assert stage.stopped.remaining == remaining
        assert str(stage.stopped.unit) == "calendar days"

    def test_the_earliest_stop_is_reported(self) -> None:
        """A clarification sought with no date (taken as in time, from receipt) and a
        fees notice a week later: the clock stopped on receipt, for clarification."""
        stage = respond(
            rule_set("foia"),
            [
                Fact(CaseEventKind.CLARIFICATION_SOUGHT, None),
                Fact(CaseEventKind.FEES_NOTICE, d("2025-03-10")),
            ],
            received=d("2025-03-03"),
        )
        assert stage.response is None
        assert stage.stopped is not None
        assert stage.stopped.on == d("2025-03-03")
        assert stage.stopped.awaiting == "clarification"
        assert stage.stopped.resume_with == "clarified_on"
        assert stage.stopped.remaining == 20

    def test_the_fee_stop_after_a_dated_clarification(self) -> None:
        stage = respond(
            rule_set("foia"),
            [
                Fact(CaseEventKind.FEES_NOTICE, d("2025-03-10")),
                Fact(CaseEventKind.CLARIFICATION_SOUGHT, d("2025-03-12")),
            ],
            received=d("2025-03-03"),
        )
        assert stage.stopped is not None
        assert stage.stopped.on == d("2025-03-10")
        assert stage.stopped.awaiting == "fee"
        assert stage.stopped.remaining == 16


class TestClarificationLongStop:
    """Policy P17: a request awaiting clarification is closed after N months."""

    ONE_MONTH = Policies(clarification_lapse_months=1)

    def test_answered_on_the_day_it_closed(self) -> None:
        """Sought Tue 4 Mar 2025: closed from Fri 4 Apr, so an answer that day is
        too late."""
        stage = response_deadlines(
            d("2025-03-03"),
            clarification_sought_on=d("2025-03-04"),
            clarified_on=d("2025-04-04"),
            policies=self.ONE_MONTH,
        )
        assert stage.response is None
        assert stage.abandoned_on == d("2025-04-04")
        assert stage.stopped is None
        assert stage.events[-1].kind is EventKind.NO_EFFECT
        assert "treated as closed on Fri 4 Apr 2025" in stage.events[-1].description
        with pytest.raises(RequestLapsedError, match="treated as closed on 2025-04-04"):
            response_due(
                d("2025-03-03"),
                clarification_sought_on=d("2025-03-04"),
                clarified_on=d("2025-04-04"),
                policies=self.ONE_MONTH,
            )

    def test_answered_the_day_before(self) -> None:
        """Answered Thu 3 Apr 2025: 20 working days from it, past Good Friday,
        Easter Monday and the early May bank holiday: Tue 6 May."""
        stage = response_deadlines(
            d("2025-03-03"),
            clarification_sought_on=d("2025-03-04"),
            clarified_on=d("2025-04-03"),
            policies=self.ONE_MONTH,
        )
        assert due_of(stage) == d("2025-05-06")
        assert stage.abandoned_on is None

    def test_still_waiting(self) -> None:
        stage = response_deadlines(
            d("2025-03-03"),
            clarification_sought_on=d("2025-03-04"),
            policies=self.ONE_MONTH,
        )
        assert stage.stopped is not None
        assert stage.abandoned_on == d("2025-04-04")
        without = response_deadlines(
            d("2025-03-03"), clarification_sought_on=d("2025-03-04")
        )
        assert without.abandoned_on is None


class TestRestarts:
    def test_identity_on_the_day_of_receipt(self) -> None:
        """Identity evidence with the request: the relevant time is the receipt."""
        deadline = response_due(
            d("2026-02-10"), regime="sar", identity_confirmed_on=d("2026-02-10")
        )
        assert deadline.due == d("2026-03-10")
        assert deadline.day_zero == d("2026-02-10")
        assert deadline.day_zero_is == ""
        assert [event.kind for event in deadline.events] == [EventKind.NOTE]

    def test_identity_later(self) -> None:
        """G17: identity evidence on Tue 17 Feb 2026 is the relevant time."""
        deadline = response_due(
            d("2026-02-10"), regime="sar", identity_confirmed_on=d("2026-02-17")
        )
        assert deadline.due == d("2026-03-17")
        assert deadline.day_zero_is == (
            "the relevant time: the day identity evidence was received"
        )
        assert [event.kind for event in deadline.events] == [EventKind.RESTART]

    def test_clarified_on_the_day_of_receipt(self) -> None:
        """A clarification received the day the request was is still a new date of
        receipt (s10(6)(b)), the same day."""
        deadline = response_due(
            d("2025-03-03"),
            clarification_sought_on=d("2025-03-03"),
            clarified_on=d("2025-03-03"),
        )
        assert deadline.due == d("2025-04-01")
        assert [event.kind for event in deadline.events] == [
            EventKind.NOTE,
            EventKind.RESTART,
        ]
        assert deadline.day_zero_is.startswith("the day the clarification is received")


class TestExtensions:
    def test_a_second_extension_has_no_effect(self) -> None:
        """E02: extended on Mon 1 Dec 2025; another on Fri 5 Dec changes nothing."""
        stage = respond(
            rule_set("eir"),
            [
                Fact(CaseEventKind.EXTENSION, d("2025-12-01")),
                Fact(CaseEventKind.EXTENSION, d("2025-12-05")),
            ],
            received=d("2025-11-20"),
        )
        assert due_of(stage) == d("2026-01-22")
        assert descriptions(stage) == [
            "An extension on Fri 5 Dec 2025: no effect, as the time was already "
            "extended."
        ]

    def test_a_second_undated_extension(self) -> None:
        stage = respond(
            rule_set("eir"),
            [
                Fact(CaseEventKind.EXTENSION, None),
                Fact(CaseEventKind.EXTENSION, None),
            ],
            received=d("2025-11-20"),
        )
        assert due_of(stage) == d("2026-01-22")
        assert stage.events == ()

    def test_the_extension_is_shown_on_the_day_it_was_told(self) -> None:
        stage = response_deadlines(
            d("2025-11-20"), regime="eir", extended_on=d("2025-12-01")
        )
        assert stage.response is not None
        extension = [
            event
            for event in stage.response.events
            if event.kind is EventKind.EXTENSION
        ]
        assert [event.on for event in extension] == [d("2025-12-01")]
        assert "had to be told by Fri 19 Dec 2025" in extension[0].description
        undated = response_deadlines(d("2025-11-20"), regime="eir", extended=True)
        assert undated.response is not None
        assert [event.on for event in undated.response.events] == [d("2025-11-20")]

    def test_advance_payment_during_an_extension(self) -> None:
        """EIR reg 8(4): once extended, a notice may come in the extended period.
        Received Thu 17 Apr 2025 (Good Friday, Easter Monday, 5 and 26 May are
        skipped), a notice on Tue 3 Jun is on working day 29: 28 have gone, 12
        remain of 40."""
        stage = response_deadlines(
            d("2025-04-17"),
            regime="eir",
            extended=True,
            fee_notice_on=d("2025-06-03"),
        )
        assert stage.stopped is not None
        assert stage.stopped.on == d("2025-06-03")
        assert stage.stopped.remaining == 12


class TestBodies:
    def test_a_commissioner_day(self) -> None:
        """FOIA regs 5-6: the day the Commissioner specified (Mon 3 Mar 2025, before
        the 60th working day after Mon 6 Jan 2025); without one, day 20 (Mon 3
        Feb)."""
        specified = respond(
            rule_set("foia"),
            (),
            circumstances_of(body=Body.OVERSEAS, commissioner_day=d("2025-03-03")),
            received=d("2025-01-06"),
        )
        assert due_of(specified) == d("2025-03-03")
        assert specified.response is not None
        assert specified.response.clock_id == "foia.commissioner_specified"
        unspecified = respond(
            rule_set("foia"),
            (),
            circumstances_of(body=Body.ARMED_FORCES),
            received=d("2025-01-06"),
        )
        assert due_of(unspecified) == d("2025-02-03")
        assert unspecified.response is not None
        assert unspecified.response.clock_id == "foia.response"

    def test_a_commissioner_day_on_the_sixtieth_working_day(self) -> None:
        """Received Mon 6 Jan 2025, the 60th working day is Tue 1 Apr (17 Mar, a
        bank holiday in Northern Ireland, is skipped): the last day allowed."""
        last = response_due(
            d("2025-01-06"), body="overseas", commissioner_day=d("2025-04-01")
        )
        assert last.due == d("2025-04-01")
        with pytest.raises(TimelineError, match=r"60th working day \(2025-04-01\)"):
            response_due(
                d("2025-01-06"), body="overseas", commissioner_day=d("2025-04-02")
            )
        with pytest.raises(TimelineError, match=r"after day 0 \(2025-01-06\)"):
            response_due(
                d("2025-01-06"), body="armed-forces", commissioner_day=d("2025-01-06")
            )
        first = response_due(
            d("2025-01-06"), body="armed-forces", commissioner_day=d("2025-01-07")
        )
        assert first.due == d("2025-01-07")


class TestLateAndRepeatedEvents:
    """An event outside its window, or again, moves nothing, and says so."""

    def test_a_late_fees_notice_and_its_payment(self) -> None:
        """Received Mon 6 Jan 2025, due Mon 3 Feb: a notice on 10 Feb is too late
        (FOIA s9(1)), and so the payment answers nothing."""
        stage = response_deadlines(
            d("2025-01-06"), fee_notice_on=d("2025-02-10"), fee_paid_on=d("2025-02-17")
        )
        assert due_of(stage) == d("2025-02-03")
        assert stage.stopped is None
        assert stage.fee_payment is None
        assert [event.kind for event in stage.events] == [
            EventKind.NO_EFFECT,
            EventKind.NO_EFFECT,
        ]
        assert descriptions(stage)[1] == (
            "A fee paid on Mon 17 Feb 2025: no effect, as a fees notice it answers "
            "had no effect."
        )

    def test_a_payment_with_no_notice(self) -> None:
        stage = respond(
            rule_set("foia"),
            [Fact(CaseEventKind.FEE_PAID, d("2025-03-24"))],
            received=d("2025-03-03"),
        )
        assert due_of(stage) == d("2025-04-01")
        assert [event.kind for event in stage.events] == [EventKind.NO_EFFECT]

    def test_an_undated_payment_with_no_notice(self) -> None:
        stage = respond(
            rule_set("foia"),
            [Fact(CaseEventKind.FEE_PAID, None)],
            received=d("2025-03-03"),
        )
        assert due_of(stage) == d("2025-04-01")
        assert stage.events == ()

    def test_a_late_clarification(self) -> None:
        stage = response_deadlines(
            d("2025-01-06"),
            clarification_sought_on=d("2025-02-04"),
            clarified_on=d("2025-02-10"),
        )
        assert due_of(stage) == d("2025-02-03")
        assert stage.response is not None
        assert stage.response.day_zero == d("2025-01-06")
        assert (
            "after the end of the time for complying (Mon 3 Feb 2025)"
            in (descriptions(stage)[0])
        )

    def test_a_late_public_interest_extension(self) -> None:
        """FOIA s17(1)-(2): the extension must be claimed by day 20."""
        stage = response_deadlines(
            d("2025-01-06"),
            extended_on=d("2025-02-04"),
            public_interest_estimate=d("2025-03-03"),
        )
        assert due_of(stage) == d("2025-02-03")
        assert stage.public_interest is None
        in_time = response_deadlines(
            d("2025-01-06"),
            extended_on=d("2025-02-03"),
            public_interest_estimate=d("2025-03-03"),
        )
        assert due_of(in_time) == d("2025-03-03")

    def test_a_second_fees_notice(self) -> None:
        """A new notice on Mon 17 Mar 2025 replaces the first: the fee is due by
        Mon 16 Jun (three months beginning with it); the clock stopped on 10 Mar."""
        stage = respond(
            rule_set("foia"),
            [
                Fact(CaseEventKind.FEES_NOTICE, d("2025-03-10")),
                Fact(CaseEventKind.FEES_NOTICE, d("2025-03-17")),
            ],
            received=d("2025-03-03"),
        )
        assert stage.stopped is not None
        assert stage.stopped.on == d("2025-03-10")
        assert stage.stopped.remaining == 16
        assert stage.fee_payment is not None
        assert stage.fee_payment.due == d("2025-06-16")
        assert stage.lapsed_on == d("2025-06-17")
        assert "the fee is now due by Mon 16 Jun 2025" in descriptions(stage)[-1]

    def test_a_second_request_for_clarification(self) -> None:
        stage = respond(
            rule_set("foia"),
            [
                Fact(CaseEventKind.CLARIFICATION_SOUGHT, d("2025-03-10")),
                Fact(CaseEventKind.CLARIFICATION_SOUGHT, d("2025-03-17")),
                Fact(CaseEventKind.CLARIFICATION_SOUGHT, None),
            ],
            received=d("2025-03-03"),
        )
        assert stage.stopped is not None
        assert stage.stopped.on == d("2025-03-10")
        assert len(stage.events) == 2
        assert "the clock stays stopped from the first" in descriptions(stage)[-1]

    def test_a_fee_paid_after_its_window(self) -> None:
        """FOIA s9(2): notice Mon 10 Mar 2025, pay by Mon 9 Jun; paid 10 Jun, the
        request lapsed that day."""
        stage = response_deadlines(
            d("2025-03-03"), fee_notice_on=d("2025-03-10"), fee_paid_on=d("2025-06-10")
        )
        assert stage.response is None
        assert stage.refusal_notice is None
        assert stage.lapsed_on == d("2025-06-10")
        assert stage.fee_payment is not None
        assert stage.fee_payment.due == d("2025-06-09")
        assert stage.events[-1].kind is EventKind.NO_EFFECT
        on_the_last_day = response_due(
            d("2025-03-03"), fee_notice_on=d("2025-03-10"), fee_paid_on=d("2025-06-09")
        )
        # 4 working days before the notice, 16 from Mon 9 Jun: Tue 1 Jul.
        assert on_the_last_day.due == d("2025-07-01")


class TestFeesNoticeOnDayZero:
    """A notice on the day of receipt, paid on Wed 5 Mar 2025: 2 working days (4
    and 5 March) are disregarded, under either P3 option, and 20 run from the
    payment: Thu 3 Apr (17 March skipped)."""

    @pytest.mark.parametrize("fee_pause", ["literal", "notice_day_counts"])
    def test_worked(self, fee_pause: str) -> None:
        deadline = response_due(
            d("2025-03-03"),
            fee_notice_on=d("2025-03-03"),
            fee_paid_on=d("2025-03-05"),
            policies=Policies(fee_pause=fee_pause),
        )
        assert deadline.due == d("2025-04-03")
        assert "2 working days from the notice to the payment disregarded" in (
            deadline.explain()
        )


class TestPublicInterestEstimate:
    def test_an_estimate_on_day_twenty(self) -> None:
        """An estimate of the 20th working day itself is the estimate, not earlier
        than the time for complying."""
        deadline = response_due(
            d("2025-02-03"), public_interest_estimate=d("2025-03-03")
        )
        assert deadline.due == d("2025-03-03")
        assert "the date the notice estimated, Mon 3 Mar 2025" in deadline.explain()

    def test_an_estimate_before_day_twenty(self) -> None:
        deadline = response_due(
            d("2025-02-03"), public_interest_estimate=d("2025-02-28")
        )
        assert deadline.due == d("2025-03-03")
        assert "the estimate of Fri 28 Feb 2025 is earlier than that" in (
            deadline.explain()
        )

    def test_the_refusal_notice_stays_at_day_twenty(self) -> None:
        """M05: FOIA s10(3) does not move the s17(1) notice: Mon 3 Mar 2025."""
        stage = respond(
            rule_set("foia"),
            [Fact(CaseEventKind.PUBLIC_INTEREST_EXTENSION, None)],
            received=d("2025-02-03"),
        )
        assert due_of(stage) == d("2025-04-01")
        assert stage.public_interest is stage.response
        assert stage.refusal_notice is not None
        assert stage.refusal_notice.due == d("2025-03-03")
        assert stage.base is stage.refusal_notice
        plain = respond(rule_set("foia"), (), received=d("2025-02-03"))
        assert plain.refusal_notice is not None
        assert plain.refusal_notice.due == d("2025-03-03")


class TestSubjectAccessExtended:
    """Received Wed 3 Sep 2025, extended: three months to Wed 3 Dec 2025 (P12)."""

    def test_clarification_in_the_extended_period(self) -> None:
        """Asked Mon 10 Nov, after the first month: 10 to 14 Nov add 5 days: Mon 8
        Dec."""
        stage = response_deadlines(
            d("2025-09-03"),
            regime="sar",
            extended=True,
            clarification_sought_on=d("2025-11-10"),
            clarified_on=d("2025-11-14"),
        )
        assert due_of(stage) == d("2025-12-08")

    def test_clarification_awaited_in_the_extended_period(self) -> None:
        stage = response_deadlines(
            d("2025-09-03"),
            regime="sar",
            extended=True,
            clarification_sought_on=d("2025-11-10"),
        )
        assert stage.stopped is not None
        assert stage.stopped.remaining == 23
        assert stage.stopped.awaiting == "clarification"

    def test_clarification_after_the_extended_period(self) -> None:
        stage = response_deadlines(
            d("2025-09-03"),
            regime="sar",
            extended=True,
            clarification_sought_on=d("2025-12-04"),
        )
        assert due_of(stage) == d("2025-12-03")
        assert stage.events[0].kind is EventKind.NO_EFFECT

    def test_clarification_on_the_rolled_last_day(self) -> None:
        """Received Mon 16 Feb 2026, extended: 16 May is a Saturday, so the period
        ends Mon 18 May (P16). Clarification sought that Monday stops the clock
        (Art 12A(5)); sought on Tue 19 May it is too late."""
        extended = response_deadlines(d("2026-02-16"), regime="sar", extended=True)
        assert due_of(extended) == d("2026-05-18")
        assert extended.response is not None
        assert extended.response.rolled_from == d("2026-05-16")
        on_the_day = response_deadlines(
            d("2026-02-16"),
            regime="sar",
            extended=True,
            clarification_sought_on=d("2026-05-18"),
        )
        assert on_the_day.stopped is not None
        assert on_the_day.stopped.on == d("2026-05-18")
        assert on_the_day.stopped.remaining == 0
        too_late = response_deadlines(
            d("2026-02-16"),
            regime="sar",
            extended=True,
            clarification_sought_on=d("2026-05-19"),
        )
        assert due_of(too_late) == d("2026-05-18")
        assert [event.kind for event in too_late.events] == [EventKind.NO_EFFECT]
