"""The engine's counting helpers: months, working days, rolls.

Every expected date below was counted by hand on the calendar: weekends, and the
bank holidays of the calendar in use (for ``uk``, those of any part of the UK, such
as St Patrick's Day, 17 March, in Northern Ireland, or 2 January in Scotland).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from foi_deadlines import (
    regulator_deadline,
    response_deadlines,
    response_due,
    tribunal_deadline,
)
from foi_deadlines.bank_holidays import Division, HolidayData
from foi_deadlines.calendars import get_calendar
from foi_deadlines.clocks import (
    Circumstances,
    Fact,
    Pause,
    Policies,
    add_months,
    count_working_days,
    period_end,
    respond,
    roll_forward,
    working_calendar,
    working_days_late,
    working_days_overdue,
)
from foi_deadlines.rules import get_rule, rule_set
from foi_deadlines.timeline import CaseEventKind

UK = get_calendar("uk")
EW = get_calendar("england-and-wales")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: the last day
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2025, 3, 15), 3, date(2025, 6, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # into the next year
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # the SIC's six months (S13)
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 5, 31), 1, date(2025, 6, 30)),  # a 30-day month
        (date(2025, 3, 31), -1, date(2025, 2, 28)),  # backwards
        (date(2025, 1, 10), -1, date(2024, 12, 10)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


# -- late and overdue ------------------------------------------------------------------


class TestLateAndOverdue:
    def test_an_act_on_the_last_day_is_in_time(self) -> None:
        assert working_days_late(UK, date(2025, 2, 28), date(2025, 2, 28)) == 0
        assert working_days_late(UK, date(2025, 2, 28), date(2025, 2, 27)) == 0

    def test_an_act_on_a_non_working_last_day_is_in_time(self) -> None:
        # Due on Saturday 1 March 2025 (a date given as it is, not rolled).
        assert working_days_late(UK, date(2025, 3, 1), date(2025, 3, 1)) == 0

    def test_a_weekend_act_after_a_friday_deadline_is_one_day_late(self) -> None:
        due = date(2025, 2, 28)  # Friday
        assert working_days_late(UK, due, date(2025, 3, 1)) == 1  # Saturday
        assert working_days_late(UK, due, date(2025, 3, 2)) == 1  # Sunday
        assert working_days_late(UK, due, date(2025, 3, 3)) == 1  # Monday
        assert working_days_late(UK, due, date(2025, 3, 4)) == 2  # Tuesday

    def test_late_skips_the_christmas_holidays(self) -> None:
        # Due Wed 24 Dec 2025; 25 and 26 December are holidays, 27 and 28 a
        # weekend: an act on Saturday 27th is dealt with on Monday 29th.
        assert working_days_late(UK, date(2025, 12, 24), date(2025, 12, 27)) == 1
        assert working_days_late(UK, date(2025, 12, 24), date(2025, 12, 30)) == 2

    def test_overdue_counts_only_working_days_passed(self) -> None:
        due = date(2025, 2, 28)
        assert working_days_overdue(UK, due, date(2025, 2, 28)) == 0
        assert working_days_overdue(UK, due, date(2025, 2, 1)) == 0
        assert working_days_overdue(UK, due, date(2025, 3, 1)) == 0
        assert working_days_overdue(UK, due, date(2025, 3, 3)) == 1
        assert working_days_overdue(UK, due, date(2025, 3, 18)) == 11  # 17th: NI

    def test_provisional_days_give_no_warning(self) -> None:
        # 2031 is after the confirmed data; these helpers never warn.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert working_days_late(UK, date(2031, 1, 3), date(2031, 1, 7)) == 2
            assert working_days_overdue(UK, date(2031, 1, 3), date(2031, 1, 7)) == 2


def test_roll_forward_moves_only_non_working_days() -> None:
    assert roll_forward(EW, date(2024, 3, 29)) == date(2024, 4, 2)  # Easter 2024
    assert roll_forward(EW, date(2024, 3, 28)) == date(2024, 3, 28)
    # Easter Monday is not a Scottish bank holiday.
    assert roll_forward(get_calendar("scotland"), date(2024, 3, 29)) == date(2024, 4, 1)


# -- counting working days, with pauses ------------------------------------------------


class TestCountWorkingDays:
    def test_no_pause(self) -> None:
        # F01: received Thu 19 Dec 2024; 25, 26 Dec, 1 and 2 Jan skipped.
        assert count_working_days(UK, date(2024, 12, 19), 20) == date(2025, 1, 22)

    def test_fees_pause_literal(self) -> None:
        # M03: 4 working days before the notice on Mon 10 Mar; 10 to 24 Mar
        # disregarded; 16 more after Mon 24 Mar end on Tue 15 Apr.
        fees = Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))
        assert count_working_days(UK, date(2025, 3, 3), 20, [fees]) == date(2025, 4, 15)

    def test_fees_pause_with_the_notice_day_counted(self) -> None:
        # P3 notice_day_counts: 5 working days kept (4 to 10 Mar), 15 more after
        # the payment: Mon 14 Apr.
        fees = Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))
        due = count_working_days(
            UK, date(2025, 3, 3), 20, [fees], notice_day_counts=True
        )
        assert due == date(2025, 4, 14)

    def test_a_pause_from_a_weekend_day(self) -> None:
        # A notice on Sat 8 Mar: the 4 working days of 4 to 7 Mar are kept, and
        # 16 more after Mon 10 Mar end on Wed 2 Apr (17 Mar is skipped).
        pause = Pause(start=date(2025, 3, 8), end=date(2025, 3, 10))
        assert count_working_days(UK, date(2025, 3, 3), 20, [pause]) == date(2025, 4, 2)

    def test_a_pause_from_day_zero(self) -> None:
        # A fees notice on the day of receipt, Mon 3 Mar, paid Fri 7 Mar: nothing
        # was counted before it; 20 working days after Fri 7 Mar (17 Mar is NI's)
        # end on Mon 7 Apr.
        pause = Pause(start=date(2025, 3, 3), end=date(2025, 3, 7))
        assert count_working_days(UK, date(2025, 3, 3), 20, [pause]) == date(2025, 4, 7)

    def test_a_pause_right_after_the_last_day_has_no_effect(self) -> None:
        # Four working days after Mon 3 Mar end on Fri 7 Mar, before the pause.
        pause = Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))
        assert count_working_days(UK, date(2025, 3, 3), 4, [pause]) == date(2025, 3, 7)

    def test_a_pause_after_the_count_is_complete_has_no_effect(self) -> None:
        late = Pause(start=date(2025, 3, 20), end=date(2025, 3, 25))
        assert count_working_days(UK, date(2025, 3, 3), 5, [late]) == date(2025, 3, 10)

    def test_a_pause_from_before_day_zero_disregards_its_later_days(self) -> None:
        # Only 4 and 5 Mar are disregarded; 20 working days after Wed 5 Mar.
        pause = Pause(start=date(2025, 2, 28), end=date(2025, 3, 5))
        assert count_working_days(UK, date(2025, 3, 3), 20, [pause]) == date(2025, 4, 3)

    def test_two_pauses_in_either_order(self) -> None:
        # 4 to 7 Mar (4), pause 10 to 12 Mar, 13 to 14 (6), 18 (7; 17 is NI's),
        # pause 19 to 21 Mar, then 13 more after Fri 21 Mar: Wed 9 Apr.
        first = Pause(start=date(2025, 3, 10), end=date(2025, 3, 12))
        second = Pause(start=date(2025, 3, 19), end=date(2025, 3, 21))
        expected = date(2025, 4, 9)
        assert count_working_days(UK, date(2025, 3, 3), 20, [first, second]) == (
            expected
        )
        assert count_working_days(UK, date(2025, 3, 3), 20, [second, first]) == (
            expected
        )

    def test_provisional_results_give_no_warning(self) -> None:
        pause = Pause(start=date(2031, 1, 13), end=date(2031, 1, 14))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert count_working_days(UK, date(2031, 1, 6), 20) == date(2031, 2, 3)
            # Mon 6 Jan 2031: 4 days, 13 and 14 Jan paused, 16 more: Thu 6 Feb.
            assert count_working_days(UK, date(2031, 1, 6), 20, [pause]) == date(
                2031, 2, 5
            )


# -- one period ------------------------------------------------------------------------


class TestPeriodEnd:
    def test_working_days_after_day_zero(self) -> None:
        rule = get_rule("foia.response")
        assert period_end(rule, date(2024, 12, 19), UK) == (date(2025, 1, 22), None)

    def test_working_days_with_a_pause(self) -> None:
        rule = get_rule("foia.response")
        fees = [Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))]
        assert period_end(rule, date(2025, 3, 3), UK, fees) == (
            date(2025, 4, 15),
            None,
        )
        counts = Policies(fee_pause="notice_day_counts")
        assert period_end(rule, date(2025, 3, 3), UK, fees, counts) == (
            date(2025, 4, 14),
            None,
        )

    def test_working_days_beginning_with_day_zero(self) -> None:
        # 60 working days beginning with Mon 6 Jan 2025 (6 Jan is day 1): twelve
        # full weeks less St Patrick's Day make 59 by Fri 28 Mar, 60 on Mon 31 Mar.
        rule = get_rule("foia.aggregation")
        assert period_end(rule, date(2025, 1, 6), UK) == (date(2025, 3, 31), None)

    def test_working_days_beginning_with_a_weekend_day(self) -> None:
        # Beginning with Sat 4 Jan 2025: day 1 is Mon 6 Jan, as above.
        rule = get_rule("foia.aggregation")
        assert period_end(rule, date(2025, 1, 4), UK) == (date(2025, 3, 31), None)

    def test_provisional_working_days_give_no_warning(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            due = period_end(get_rule("foia.response"), date(2031, 1, 6), UK)
        assert due == (date(2031, 2, 3), None)

    def test_calendar_days_without_a_roll(self) -> None:
        # A03: six weeks from Thu 19 Dec 2024.
        rule = get_rule("foia.ico_complaint")
        assert period_end(rule, date(2024, 12, 19), None) == (date(2025, 1, 30), None)

    def test_calendar_days_rolled_past_christmas(self) -> None:
        # A02: 28 days from Fri 28 Nov 2025 is Fri 26 Dec, Boxing Day.
        rule = get_rule("foia.tribunal_appeal")
        assert period_end(rule, date(2025, 11, 28), EW) == (
            date(2025, 12, 29),
            date(2025, 12, 26),
        )

    def test_calendar_days_on_a_working_day_do_not_move(self) -> None:
        # A01: sent Thu 19 Dec 2024; day 28 is Thu 16 Jan 2025.
        rule = get_rule("foia.tribunal_appeal")
        assert period_end(rule, date(2024, 12, 19), EW) == (
            date(2025, 1, 16),
            date(2025, 1, 16),
        )

    def test_months_beginning_with_the_notice_day(self) -> None:
        # M04: three months beginning with Mon 10 Mar 2025 end on Mon 9 Jun.
        rule = get_rule("foia.fee_payment")
        assert period_end(rule, date(2025, 3, 10), None) == (date(2025, 6, 9), None)

    def test_months_after_day_zero_rolled_on_the_division(self) -> None:
        # G05/G06: Thu 29 Feb 2024 + 1 month = Fri 29 Mar 2024, Good Friday; E&W
        # rolls past Easter Monday to Tue 2 Apr, Scotland to Mon 1 Apr.
        rule = get_rule("sar.response")
        assert period_end(rule, date(2024, 2, 29), EW) == (
            date(2024, 4, 2),
            date(2024, 3, 29),
        )
        scotland = get_calendar("scotland")
        assert period_end(rule, date(2024, 2, 29), scotland) == (
            date(2024, 4, 1),
            date(2024, 3, 29),
        )

    def test_six_months_to_the_sic(self) -> None:
        # S13: Sun 31 Aug 2025 + 6 months = Sat 28 Feb 2026; it does not roll.
        rule = get_rule("foisa.sic_application")
        assert period_end(rule, date(2025, 8, 31), None) == (date(2026, 2, 28), None)


class TestSubjectAccessPauses:
    """P13: a clarification pause adds calendar days to a one-month period.

    Received Wed 5 Mar 2025: one month ends on Sat 5 Apr 2025. The clarification
    pause runs from Mon 10 to Wed 12 Mar: three days, both ends included.
    """

    rule = get_rule("sar.response")
    day_zero = date(2025, 3, 5)
    pause = (Pause(start=date(2025, 3, 10), end=date(2025, 3, 12)),)

    def test_inclusive_days_added_then_rolled(self) -> None:
        # 5 Apr + 3 days = Tue 8 Apr, a working day.
        assert period_end(self.rule, self.day_zero, EW, self.pause) == (
            date(2025, 4, 8),
            date(2025, 4, 8),
        )

    def test_exclusive_days_added_then_rolled(self) -> None:
        # Only 11 Mar lies strictly between: 5 Apr + 1 = Sun 6 Apr, rolled to Mon.
        policies = Policies(sar_pause="exclusive")
        assert period_end(self.rule, self.day_zero, EW, self.pause, policies) == (
            date(2025, 4, 7),
            date(2025, 4, 6),
        )

    def test_rolled_first_then_days_added(self) -> None:
        # 5 Apr rolls to Mon 7 Apr, + 3 days = Thu 10 Apr.
        policies = Policies(sar_pause="roll_first")
        assert period_end(self.rule, self.day_zero, EW, self.pause, policies) == (
            date(2025, 4, 10),
            date(2025, 4, 10),
        )

    def test_a_pause_after_the_period_adds_nothing(self) -> None:
        # Starting on Tue 8 Apr, after the end as rolled (Mon 7 Apr).
        late = (Pause(start=date(2025, 4, 8), end=date(2025, 4, 9)),)
        assert period_end(self.rule, self.day_zero, EW, late) == (
            date(2025, 4, 7),
            date(2025, 4, 5),
        )

    def test_a_pause_ending_before_day_zero_adds_nothing(self) -> None:
        early = (Pause(start=date(2025, 3, 1), end=date(2025, 3, 4)),)
        assert period_end(self.rule, self.day_zero, EW, early) == (
            date(2025, 4, 7),
            date(2025, 4, 5),
        )

    def test_a_second_pause_within_the_extended_period(self) -> None:
        # The first pause moves the end to Tue 8 Apr; a second pause beginning on
        # that very day still counts: 8 and 9 Apr add two days, to Thu 10 Apr.
        second = Pause(start=date(2025, 4, 8), end=date(2025, 4, 9))
        assert period_end(self.rule, self.day_zero, EW, (*self.pause, second)) == (
            date(2025, 4, 10),
            date(2025, 4, 10),
        )

    def test_a_pause_running_into_day_zero_counts_from_it(self) -> None:
        # From Sat 1 Mar to Fri 7 Mar: only 5 to 7 Mar count, three days.
        across = (Pause(start=date(2025, 3, 1), end=date(2025, 3, 7)),)
        assert period_end(self.rule, self.day_zero, EW, across) == (
            date(2025, 4, 8),
            date(2025, 4, 8),
        )
        # Ending on day 0 itself: that one day.
        on_day_zero = (Pause(start=date(2025, 3, 1), end=self.day_zero),)
        assert period_end(self.rule, self.day_zero, None, on_day_zero) == (
            date(2025, 4, 6),
            None,
        )

    def test_a_one_day_pause(self) -> None:
        one_day = (Pause(start=date(2025, 3, 10), end=date(2025, 3, 10)),)
        assert period_end(self.rule, self.day_zero, None, one_day) == (
            date(2025, 4, 6),
            None,
        )
        # Exclusive: no day lies strictly between its ends; nothing is added.
        exclusive = Policies(sar_pause="exclusive")
        assert period_end(self.rule, self.day_zero, None, one_day, exclusive) == (
            date(2025, 4, 5),
            None,
        )

    def test_unrolled_months_with_a_pause(self) -> None:
        # The same period with no calendar: the three days, and no roll.
        assert period_end(self.rule, self.day_zero, None, self.pause) == (
            date(2025, 4, 8),
            None,
        )


# -- a stopped clock: the working days already counted ---------------------------------


class TestStoppedClock:
    rules = rule_set("foia")

    def test_days_left_at_a_fees_notice(self) -> None:
        # Received Mon 3 Mar 2025, notice Mon 10 Mar: 4 working days used.
        stopped = response_deadlines(
            date(2025, 3, 3), fee_notice_on=date(2025, 3, 10)
        ).stopped
        assert stopped is not None
        assert stopped.remaining == 16

    def test_days_left_at_a_second_fees_notice(self) -> None:
        # 4 to 7 Mar (4), paused 10 to 24 Mar, 25 to 28 Mar (4); the second notice
        # on Mon 31 Mar stops the clock with 8 used, 12 left.
        events = [
            Fact(CaseEventKind.FEES_NOTICE, date(2025, 3, 10)),
            Fact(CaseEventKind.FEE_PAID, date(2025, 3, 24)),
            Fact(CaseEventKind.FEES_NOTICE, date(2025, 3, 31)),
        ]
        stopped = respond(self.rules, events, received=date(2025, 3, 3)).stopped
        assert stopped is not None
        assert (stopped.on, stopped.remaining) == (date(2025, 3, 31), 12)

    def test_days_left_when_the_first_notice_came_on_day_zero(self) -> None:
        # Notice on the day of receipt, Mon 3 Mar, paid Fri 7 Mar: 3 to 7 Mar are
        # disregarded. 10 to 14 Mar (5) count, 17 Mar is NI's; the second notice on
        # Tue 18 Mar stops the clock with 5 used, 15 left.
        events = [
            Fact(CaseEventKind.FEES_NOTICE, date(2025, 3, 3)),
            Fact(CaseEventKind.FEE_PAID, date(2025, 3, 7)),
            Fact(CaseEventKind.FEES_NOTICE, date(2025, 3, 18)),
        ]
        stopped = respond(self.rules, events, received=date(2025, 3, 3)).stopped
        assert stopped is not None
        assert (stopped.on, stopped.remaining) == (date(2025, 3, 18), 15)

    def _stopped(
        self, received: date, *events: tuple[CaseEventKind, date]
    ) -> tuple[date, int]:
        facts = [Fact(kind, on) for kind, on in events]
        stopped = respond(self.rules, facts, received=received).stopped
        assert stopped is not None
        return stopped.on, stopped.remaining

    def test_nothing_used_by_a_notice_on_the_first_working_day(self) -> None:
        # Received Mon 3 Mar 2025, notice Tue 4 Mar: day 1 is the notice day.
        notice = (CaseEventKind.FEES_NOTICE, date(2025, 3, 4))
        assert self._stopped(date(2025, 3, 3), notice) == (date(2025, 3, 4), 20)

    def test_a_fee_paid_on_the_day_of_its_notice(self) -> None:
        # The one-day pause of Mon 10 Mar is disregarded: 4 to 7 Mar (4), 11 to
        # 14 Mar (4), 17 Mar is NI's; the notice of Tue 18 Mar leaves 12.
        assert self._stopped(
            date(2025, 3, 3),
            (CaseEventKind.FEES_NOTICE, date(2025, 3, 10)),
            (CaseEventKind.FEE_PAID, date(2025, 3, 10)),
            (CaseEventKind.FEES_NOTICE, date(2025, 3, 18)),
        ) == (date(2025, 3, 18), 12)

    def test_a_new_notice_on_the_day_the_fee_was_paid(self) -> None:
        # Notice Tue 4 Mar, paid Wed 5 Mar, a new notice the same day: no working
        # day has counted.
        assert self._stopped(
            date(2025, 3, 3),
            (CaseEventKind.FEES_NOTICE, date(2025, 3, 4)),
            (CaseEventKind.FEE_PAID, date(2025, 3, 5)),
            (CaseEventKind.FEES_NOTICE, date(2025, 3, 5)),
        ) == (date(2025, 3, 5), 20)

    def test_provisional_days_give_no_warning(self) -> None:
        # Received Mon 6 Jan 2031; notice Wed 8, paid Thu 9, a new notice Tue 14
        # Jan: 7, 10 and 13 Jan counted, 17 left. Notice on Mon 13 Jan
        # alone: 7 to 10 Jan counted, 16 left.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert self._stopped(
                date(2031, 1, 6),
                (CaseEventKind.FEES_NOTICE, date(2031, 1, 8)),
                (CaseEventKind.FEE_PAID, date(2031, 1, 9)),
                (CaseEventKind.FEES_NOTICE, date(2031, 1, 14)),
            ) == (date(2031, 1, 14), 17)
            assert self._stopped(
                date(2031, 1, 6), (CaseEventKind.FEES_NOTICE, date(2031, 1, 13))
            ) == (date(2031, 1, 13), 16)

    def test_days_left_with_the_notice_day_counted(self) -> None:
        # P3 notice_day_counts: 10 Mar counts too, 5 used, 15 left.
        events = [Fact(CaseEventKind.FEES_NOTICE, date(2025, 3, 10))]
        circumstances = Circumstances(policies=Policies(fee_pause="notice_day_counts"))
        stopped = respond(
            self.rules, events, circumstances, received=date(2025, 3, 3)
        ).stopped
        assert stopped is not None
        assert stopped.remaining == 15


# -- calendars and their holiday data --------------------------------------------------

# The state funeral of Mon 19 Sep 2022 was proclaimed on 10 Sep 2022.
FUNERAL = date(2022, 9, 19)
# The bundled gov.uk copy covers every division to the end of 2028; the standing
# rules alone confirm nothing.
BUNDLED_UNTIL = date(2028, 12, 31)
STANDING_UNTIL = date(1999, 12, 31)


class TestWorkingCalendar:
    def test_the_bundled_data_by_default(self) -> None:
        calendar = working_calendar("uk", None, Policies(), date(2022, 9, 5))
        assert calendar.name == "uk"
        assert calendar.confirmed_until == BUNDLED_UNTIL
        assert calendar.data_version.startswith("gov.uk bank-holidays.json")
        assert not calendar.is_working_day(FUNERAL)

    def test_the_standing_rules_alone(self) -> None:
        policies = Policies(holiday_source="standing_rules")
        calendar = working_calendar("uk", None, policies, date(2022, 9, 5))
        assert calendar.confirmed_until == STANDING_UNTIL
        assert calendar.data_version.startswith("standing rules")
        assert not calendar.is_working_day(date(2022, 8, 29), warn=False)

    def test_holidays_as_known_at_receipt(self) -> None:
        policies = Policies(proclaimed_holidays="as_known_at_receipt")
        before = working_calendar("uk", None, policies, date(2022, 9, 5))
        assert before.confirmed_until == BUNDLED_UNTIL
        assert before.is_working_day(FUNERAL)
        after = working_calendar("uk", None, policies, date(2022, 9, 12))
        assert not after.is_working_day(FUNERAL)

    def test_given_data_is_used_as_it_is(self) -> None:
        standing = working_calendar("uk", HolidayData(), Policies(), date(2022, 9, 5))
        assert standing.confirmed_until == STANDING_UNTIL
        assert not standing.is_working_day(FUNERAL, warn=False)
        bundled = working_calendar(
            "uk", HolidayData.bundled(), Policies(), date(2022, 9, 5)
        )
        assert bundled.confirmed_until == BUNDLED_UNTIL
        assert not bundled.is_working_day(FUNERAL)

    def test_given_data_as_known_at_receipt(self) -> None:
        policies = Policies(proclaimed_holidays="as_known_at_receipt")
        standing = working_calendar("uk", HolidayData(), policies, date(2022, 9, 5))
        assert standing.confirmed_until == STANDING_UNTIL
        assert standing.is_working_day(FUNERAL, warn=False)


class TestCircumstances:
    def test_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            Circumstances(Policies())  # type: ignore[call-arg]

    def test_calendar_names(self) -> None:
        default = Circumstances()
        assert default.calendar_name(get_rule("foia.response")) == "uk"
        assert default.calendar_name(get_rule("foisa.response")) == "scotland"
        assert default.calendar_name(get_rule("foia.ico_complaint")) is None
        assert default.calendar_name(get_rule("sar.response")) == "england-and-wales"
        assert (
            default.calendar_name(get_rule("foia.tribunal_appeal"))
            == "england-and-wales"
        )

    def test_the_division_and_the_policies_choose_the_calendar(self) -> None:
        scotland = Circumstances(division=Division.SCOTLAND)
        assert scotland.calendar_name(get_rule("sar.response")) == "scotland"
        assert scotland.calendar_name(get_rule("foia.response")) == "uk"
        uk_roll = Circumstances(
            division=Division.SCOTLAND, policies=Policies(sar_roll="uk")
        )
        assert uk_roll.calendar_name(get_rule("sar.response")) == "uk"
        uk_tribunal = Circumstances(policies=Policies(tribunal_calendar="uk"))
        assert uk_tribunal.calendar_name(get_rule("foia.tribunal_appeal")) == "uk"

    def test_calendar_for(self) -> None:
        default = Circumstances()
        assert default.calendar_for(get_rule("foia.ico_complaint"), FUNERAL) is None
        calendar = default.calendar_for(get_rule("foia.response"), date(2022, 9, 5))
        assert calendar is not None
        assert calendar.name == "uk"
        assert not calendar.is_working_day(FUNERAL, warn=False)
        known = Circumstances(
            policies=Policies(proclaimed_holidays="as_known_at_receipt")
        )
        at_receipt = known.calendar_for(get_rule("foia.response"), date(2022, 9, 5))
        assert at_receipt is not None
        assert at_receipt.is_working_day(FUNERAL, warn=False)


class TestPoliciesUsed:
    def test_a_working_day_clock(self) -> None:
        assert response_due(date(2024, 12, 19)).policies_used == (
            "receipt",
            "proclaimed_holidays",
            "holiday_source",
        )

    def test_holiday_data_given_is_not_chosen_by_p7(self) -> None:
        deadline = response_due(date(2024, 12, 19), data=HolidayData.bundled())
        assert deadline.due == date(2025, 1, 22)
        assert deadline.policies_used == ("receipt", "proclaimed_holidays")

    def test_no_calendar_no_holiday_policies(self) -> None:
        assert regulator_deadline(date(2024, 12, 19)).policies_used == ()

    def test_a_rolled_clock(self) -> None:
        assert tribunal_deadline(date(2025, 11, 28)).policies_used == (
            "proclaimed_holidays",
            "holiday_source",
            "tribunal_calendar",
        )
