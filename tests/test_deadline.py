"""Deadlines as values: what they hold and how they explain themselves.

The days skipped and the lines of each explanation were worked out by hand on the
calendar of the rule (``uk`` for FOIA: bank holidays in any part of the UK;
``england-and-wales`` for the First-tier Tribunal, policy P14).
"""

from __future__ import annotations

from datetime import date

import pytest

from foi_deadlines import (
    Policies,
    aggregation_window,
    regulator_deadline,
    response_deadlines,
    response_due,
    review_due,
    review_request_deadline,
    tribunal_deadline,
)
from foi_deadlines.clocks import ClockEvent, Deadline, EventKind, Pause
from foi_deadlines.rules import get_rule


def test_the_explanation_names_the_rule_and_its_source() -> None:
    text = response_due(date(2025, 1, 6)).explain()
    assert text.startswith(
        "Response to a request (FOIA 2000): due by Monday 3 February"
    )
    assert "Source: Freedom of Information Act 2000 s10(1) (law)." in text
    assert "Days not counted after day 0: 8 weekend days." in text


class TestF01:
    """F01: received Thu 19 Dec 2024, due Wed 22 Jan 2025.

    After day 0 and up to the due date: 25, 26 December, 1 January (all the UK), 2
    January (Scotland), and ten weekend days (21, 22, 28, 29 Dec; 4, 5, 11, 12, 18,
    19 Jan).
    """

    deadline = response_due(date(2024, 12, 19))

    def test_skipped(self) -> None:
        days = [day.day for day in self.deadline.skipped]
        assert days == [
            date(2024, 12, 21),
            date(2024, 12, 22),
            date(2024, 12, 25),
            date(2024, 12, 26),
            date(2024, 12, 28),
            date(2024, 12, 29),
            date(2025, 1, 1),
            date(2025, 1, 2),
            date(2025, 1, 4),
            date(2025, 1, 5),
            date(2025, 1, 11),
            date(2025, 1, 12),
            date(2025, 1, 18),
            date(2025, 1, 19),
        ]

    def test_explanation_lines(self) -> None:
        lines = self.deadline.explain().splitlines()
        assert lines[0] == (
            "Response to a request (FOIA 2000): due by Wednesday 22 January 2025."
        )
        assert lines[2] == (
            "Day 0: Thursday 19 December 2024, the day the request is received, "
            "working day or not."
        )
        start = lines.index("Days not counted after day 0:")
        assert lines[start + 1 : start + 6] == [
            "  Wed 25 Dec 2024: Christmas Day (England and Wales, Scotland, "
            "Northern Ireland)",
            "  Thu 26 Dec 2024: Boxing Day (England and Wales, Scotland, "
            "Northern Ireland)",
            "  Wed 1 Jan 2025: New Year\u2019s Day (England and Wales, Scotland, "
            "Northern Ireland)",
            "  Thu 2 Jan 2025: 2nd January (Scotland)",
            "  and 10 weekend days.",
        ]
        assert lines[-2] == (
            "Policies: P1 receipt = calendar; P6 proclaimed_holidays = latest_known; "
            "P7 holiday_source = bundled."
        )
        assert lines[-1].startswith("Holiday data: gov.uk bank-holidays.json")

    def test_nothing_said_that_does_not_apply(self) -> None:
        text = self.deadline.explain()
        assert "Received:" not in text
        assert "Provisional" not in text
        assert "First day of the period" not in text
        assert "The period ends on" not in text

    def test_facts(self) -> None:
        deadline = self.deadline
        assert deadline.statutory
        assert deadline.calendar_name == "uk"
        assert deadline.data_version is not None
        assert deadline.data_version.startswith("gov.uk bank-holidays.json")
        assert not deadline.provisional
        assert deadline.pauses == ()
        assert deadline.policies_applied == (
            ("P1", "receipt", Policies().receipt),
            ("P6", "proclaimed_holidays", Policies().proclaimed_holidays),
            ("P7", "holiday_source", Policies().holiday_source),
        )

    def test_to_dict_lists_the_holidays_but_not_the_weekends(self) -> None:
        data = self.deadline.to_dict()
        assert data["due"] == "2025-01-22"
        assert data["calendar"] == "uk"
        assert data["statutory"] is True
        assert data["provisional"] is False
        assert data["policies"] == {
            "P1": "calendar",
            "P6": "latest_known",
            "P7": "bundled",
        }
        assert data["skipped"] == [
            {
                "date": "2024-12-25",
                "reasons": [
                    "Christmas Day (England and Wales, Scotland, Northern Ireland)"
                ],
            },
            {
                "date": "2024-12-26",
                "reasons": [
                    "Boxing Day (England and Wales, Scotland, Northern Ireland)"
                ],
            },
            {
                "date": "2025-01-01",
                "reasons": [
                    "New Year\u2019s Day (England and Wales, Scotland, "
                    "Northern Ireland)"
                ],
            },
            {"date": "2025-01-02", "reasons": ["2nd January (Scotland)"]},
        ]


def test_a_weekend_day_zero_is_not_skipped() -> None:
    # F05: received Sat 28 Dec 2024, due Tue 28 Jan 2025. Day 0 is not counted,
    # so it is not listed; the Sunday after it is.
    deadline = response_due(date(2024, 12, 28))
    assert deadline.due == date(2025, 1, 28)
    assert [day.day for day in deadline.skipped] == [
        date(2024, 12, 29),
        date(2025, 1, 1),
        date(2025, 1, 2),
        date(2025, 1, 4),
        date(2025, 1, 5),
        date(2025, 1, 11),
        date(2025, 1, 12),
        date(2025, 1, 18),
        date(2025, 1, 19),
        date(2025, 1, 25),
        date(2025, 1, 26),
    ]
    assert "  and 9 weekend days." in deadline.explain().splitlines()


class TestRestartedClock:
    """M01: received Mon 6 Jan 2025, clarified Mon 20 Jan; due Mon 17 Feb."""

    deadline = response_due(date(2025, 1, 6), clarified_on=date(2025, 1, 20))

    def test_received_and_day_zero_both_shown(self) -> None:
        lines = self.deadline.explain().splitlines()
        assert lines[2] == "Received: Monday 6 January 2025."
        assert lines[3] == (
            "Day 0: Monday 20 January 2025, the day the clarification is received, "
            "which becomes the date of receipt (s10(6)(b))."
        )

    def test_skipped_from_the_new_day_zero(self) -> None:
        assert self.deadline.due == date(2025, 2, 17)
        assert [day.day for day in self.deadline.skipped] == [
            date(2025, 1, 25),
            date(2025, 1, 26),
            date(2025, 2, 1),
            date(2025, 2, 2),
            date(2025, 2, 8),
            date(2025, 2, 9),
            date(2025, 2, 15),
            date(2025, 2, 16),
        ]


class TestPausedClock:
    """M03: received Mon 3 Mar 2025, fees notice Mon 10 Mar.

    The days of the pause are disregarded, so they are not "skipped": St Patrick's
    Day (17 Mar) and the weekends of 15-16 and 22-23 Mar are inside it.
    """

    def test_paid_on_a_monday(self) -> None:
        deadline = response_due(
            date(2025, 3, 3),
            fee_notice_on=date(2025, 3, 10),
            fee_paid_on=date(2025, 3, 24),
        )
        assert deadline.due == date(2025, 4, 15)
        assert [day.day for day in deadline.skipped] == [
            date(2025, 3, 8),
            date(2025, 3, 9),
            date(2025, 3, 29),
            date(2025, 3, 30),
            date(2025, 4, 5),
            date(2025, 4, 6),
            date(2025, 4, 12),
            date(2025, 4, 13),
        ]
        assert "Days not counted after day 0: 8 weekend days." in deadline.explain()
        assert deadline.to_dict()["skipped"] == []
        (pause,) = deadline.pauses
        assert (pause.kind, pause.on, pause.until) == (
            EventKind.PAUSE,
            date(2025, 3, 10),
            date(2025, 3, 24),
        )
        events = deadline.to_dict()["events"]
        assert isinstance(events, list)
        assert [(e["on"], e["until"]) for e in events if e["kind"] == "pause"] == [
            ("2025-03-10", "2025-03-24")
        ]

    def test_paid_on_a_saturday(self) -> None:
        # Paid Sat 22 Mar: 16 working days after it end on Mon 14 Apr. The
        # payment day is inside the pause; Sunday 23 Mar is not.
        deadline = response_due(
            date(2025, 3, 3),
            fee_notice_on=date(2025, 3, 10),
            fee_paid_on=date(2025, 3, 22),
        )
        assert deadline.due == date(2025, 4, 14)
        assert [day.day for day in deadline.skipped] == [
            date(2025, 3, 8),
            date(2025, 3, 9),
            date(2025, 3, 23),
            date(2025, 3, 29),
            date(2025, 3, 30),
            date(2025, 4, 5),
            date(2025, 4, 6),
            date(2025, 4, 12),
            date(2025, 4, 13),
        ]
        assert "Days not counted after day 0: 9 weekend days." in deadline.explain()

    def test_notice_on_a_saturday(self) -> None:
        # Notice Sat 8 Mar, paid Mon 10 Mar: 8 to 10 Mar are disregarded, so the
        # weekend of 8-9 Mar is not listed as skipped. 4 working days before, 16
        # after Mon 10 Mar: Wed 2 Apr.
        deadline = response_due(
            date(2025, 3, 3),
            fee_notice_on=date(2025, 3, 8),
            fee_paid_on=date(2025, 3, 10),
        )
        assert deadline.due == date(2025, 4, 2)
        assert [day.day for day in deadline.skipped] == [
            date(2025, 3, 15),
            date(2025, 3, 16),
            date(2025, 3, 17),
            date(2025, 3, 22),
            date(2025, 3, 23),
            date(2025, 3, 29),
            date(2025, 3, 30),
        ]


class TestPeriodsBeginningWithDayZero:
    def test_a_working_day_count_lists_skipped_days_from_the_first_day(self) -> None:
        # Aggregation window beginning with Sat 4 Jan 2025: the Saturday and
        # Sunday are part of the period, and not working days; day 60 is Mon 31
        # Mar (St Patrick's Day skipped).
        deadline = aggregation_window(date(2025, 1, 4))
        assert deadline.due == date(2025, 3, 31)
        skipped = [day.day for day in deadline.skipped]
        assert skipped[:3] == [date(2025, 1, 4), date(2025, 1, 5), date(2025, 1, 11)]
        assert date(2025, 3, 17) in skipped
        assert len(skipped) == 27
        text = deadline.explain()
        assert "First day of the period: Saturday 4 January 2025, " in text
        assert "Days not counted from the first day:" in text
        assert "  and 26 weekend days." in text.splitlines()

    def test_a_month_period_beginning_with_its_day(self) -> None:
        # The fee window runs three months beginning with the notice day (FOIA
        # s9(2)), to Mon 9 Jun 2025: the notice day is the period's first day, and
        # no calendar is counted on.
        window = response_deadlines(
            date(2025, 3, 3), fee_notice_on=date(2025, 3, 10)
        ).fee_payment
        assert window is not None
        assert window.due == date(2025, 6, 9)
        lines = window.explain().splitlines()
        assert lines[2] == (
            "First day of the period: Monday 10 March 2025, the day the fees notice "
            "is given."
        )
        assert window.skipped == ()

    def test_a_month_period_after_its_day(self) -> None:
        # Under policy P4 corresponding_date the three months run after the notice
        # day, to Tue 10 Jun 2025, and the notice day is day 0.
        window = response_deadlines(
            date(2025, 3, 3),
            fee_notice_on=date(2025, 3, 10),
            policies=Policies(fee_window="corresponding_date"),
        ).fee_payment
        assert window is not None
        assert window.due == date(2025, 6, 10)
        assert window.explain().splitlines()[2] == (
            "Day 0: Monday 10 March 2025, the day the fees notice is given."
        )


class TestRolledPeriods:
    def test_rolled_past_boxing_day(self) -> None:
        # A02: sent Fri 28 Nov 2025; day 28 is Fri 26 Dec, Boxing Day; then the
        # weekend; due Mon 29 Dec.
        deadline = tribunal_deadline(date(2025, 11, 28))
        assert deadline.due == date(2025, 12, 29)
        assert deadline.rolled_from == date(2025, 12, 26)
        assert [day.describe() for day in deadline.skipped] == [
            "Fri 26 Dec 2025: Boxing Day (England and Wales)",
            "Sat 27 Dec 2025: Saturday",
            "Sun 28 Dec 2025: Sunday",
        ]
        lines = deadline.explain().splitlines()
        start = lines.index(
            "The period ends on Friday 26 December 2025, which is not a working day "
            "on calendar 'england-and-wales' (Saturdays, Sundays, Christmas Day, "
            "Good Friday and bank holidays in England and Wales), so the deadline "
            "moves to the next working day. Days passed over:"
        )
        assert lines[start + 1 : start + 4] == [
            "  Fri 26 Dec 2025: Boxing Day (England and Wales)",
            "  Sat 27 Dec 2025: Saturday",
            "  Sun 28 Dec 2025: Sunday",
        ]
        assert deadline.to_dict()["skipped"] == [
            {"date": "2025-12-26", "reasons": ["Boxing Day (England and Wales)"]}
        ]

    def test_rolled_to_a_friday(self) -> None:
        # Sent Thu 4 Dec 2025: day 28 is Thu 1 Jan 2026; 2 January is a working
        # day in England and Wales. Only New Year's Day is passed over.
        deadline = tribunal_deadline(date(2025, 12, 4))
        assert deadline.due == date(2026, 1, 2)
        assert [day.day for day in deadline.skipped] == [date(2026, 1, 1)]

    def test_rolled_on_the_uk_calendar(self) -> None:
        # P14 uk: 2 January is a Scottish bank holiday, then the weekend.
        deadline = tribunal_deadline(
            date(2025, 12, 4), policies=Policies(tribunal_calendar="uk")
        )
        assert deadline.due == date(2026, 1, 5)
        assert [day.day for day in deadline.skipped] == [
            date(2026, 1, 1),
            date(2026, 1, 2),
            date(2026, 1, 3),
            date(2026, 1, 4),
        ]

    def test_not_rolled(self) -> None:
        # A01: sent Thu 19 Dec 2024; day 28 is Thu 16 Jan 2025, a working day.
        deadline = tribunal_deadline(date(2024, 12, 19))
        assert deadline.due == date(2025, 1, 16)
        assert deadline.rolled_from == date(2025, 1, 16)
        assert deadline.skipped == ()
        assert "The period ends on" not in deadline.explain()


class TestWithoutACalendar:
    deadline = regulator_deadline(date(2024, 12, 19))

    def test_facts(self) -> None:
        deadline = self.deadline
        assert deadline.due == date(2025, 1, 30)
        assert deadline.calendar is None
        assert deadline.calendar_name is None
        assert deadline.data_version is None
        assert not deadline.provisional
        assert deadline.skipped == ()
        assert not deadline.statutory

    def test_explanation(self) -> None:
        lines = self.deadline.explain().splitlines()
        assert lines[1].endswith(
            "Source: ICO complaints guidance; FOIA 2000 s50(2)(b) (undue delay) "
            "(guidance, not statute)."
        )
        assert lines[2] == (
            "Day 0: Thursday 19 December 2024, the final response (the review "
            "outcome) or last substantive contact."
        )
        assert not any(
            line.startswith(("Working days", "Holiday data")) for line in lines
        )
        assert not any("Provisional" in line for line in lines)

    def test_to_dict(self) -> None:
        data = self.deadline.to_dict()
        assert data["calendar"] is None
        assert data["data_version"] is None
        assert data["provisional"] is False
        assert data["statutory"] is False
        assert data["skipped"] == []


class TestProvisional:
    def test_a_deadline_after_the_confirmed_data(self) -> None:
        # Review requested Mon 6 Jan 2031: 20 working days, Mon 3 Feb 2031, after
        # the bundled data's last confirmed day, 31 Dec 2028.
        deadline = review_due(date(2031, 1, 6))
        assert deadline.due == date(2031, 2, 3)
        assert deadline.provisional
        assert deadline.to_dict()["provisional"] is True
        assert (
            "Provisional: the date is after 2028-12-31, the end of the confirmed bank "
            "holiday data; a holiday proclaimed later could move it."
        ) in deadline.explain().splitlines()

    def test_a_deadline_within_the_confirmed_data(self) -> None:
        # Requested Tue 28 Nov 2028: St Andrew's Day (Thu 30 Nov), 25 and 26 Dec
        # skipped; day 20 is Fri 29 Dec 2028, within the confirmed data.
        deadline = review_due(date(2028, 11, 28))
        assert deadline.due == date(2028, 12, 29)
        assert not deadline.provisional
        assert "Provisional" not in deadline.explain()

    def test_the_last_confirmed_day_itself_is_confirmed(self) -> None:
        # A deadline made by hand, due on Sun 31 Dec 2028: that day is covered by
        # the confirmed data; the next is not.
        calendar = response_due(date(2024, 12, 19)).calendar
        assert calendar is not None
        rule = get_rule("foia.ico_complaint")
        last = date(2028, 12, 31)
        on_it = Deadline(
            due=last, rule=rule, received=last, day_zero=last, calendar=calendar
        )
        assert not on_it.provisional
        after = Deadline(
            due=date(2029, 1, 1),
            rule=rule,
            received=last,
            day_zero=last,
            calendar=calendar,
        )
        assert after.provisional


def test_a_calendar_period_that_was_not_rolled_skips_nothing() -> None:
    # A deadline made by hand: a tribunal period with its calendar but no
    # unrolled end recorded.
    counted = tribunal_deadline(date(2025, 11, 28))
    deadline = Deadline(
        due=date(2025, 12, 27),
        rule=counted.rule,
        received=date(2025, 11, 29),
        day_zero=date(2025, 11, 29),
        calendar=counted.calendar,
    )
    assert deadline.skipped == ()


def test_statutory_or_guidance() -> None:
    assert response_due(date(2025, 1, 6)).statutory
    guidance = review_request_deadline(date(2025, 1, 6))
    assert not guidance.statutory
    assert guidance.to_dict()["statutory"] is False
    assert "(guidance, not statute)." in guidance.explain().splitlines()[1]


def test_with_rule_keeps_the_date_and_history() -> None:
    response = response_due(date(2024, 12, 19))
    refusal = response.with_rule(get_rule("foia.refusal_notice"))
    assert refusal.clock_id == "foia.refusal_notice"
    assert (refusal.due, refusal.received, refusal.day_zero) == (
        response.due,
        response.received,
        response.day_zero,
    )
    assert refusal.calendar is response.calendar
    assert refusal.skipped == response.skipped


class TestKeywordOnly:
    def test_deadline(self) -> None:
        rule = get_rule("foia.ico_complaint")
        day = date(2025, 1, 6)
        with pytest.raises(TypeError):
            Deadline(day, rule, day, day, None)  # type: ignore[call-arg]

    def test_clock_event(self) -> None:
        with pytest.raises(TypeError):
            ClockEvent(EventKind.NOTE, date(2025, 1, 6), "a note")  # type: ignore[call-arg]

    def test_pause(self) -> None:
        with pytest.raises(TypeError):
            Pause(date(2025, 1, 6), date(2025, 1, 7))  # type: ignore[call-arg]
