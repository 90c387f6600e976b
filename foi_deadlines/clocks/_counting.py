"""Counting one period: working days, calendar days or months, paused and rolled.

Three small counters behind one function, :func:`period_end`; and the
:class:`Circumstances` of a request that choose its calendars and holiday data.
"""

from __future__ import annotations

import calendar as _month_lengths
import functools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final

import attrs

from foi_deadlines.bank_holidays import Division, HolidayData
from foi_deadlines.calendars import WorkingDayCalendar, get_calendar
from foi_deadlines.clocks._deadline import Pause
from foi_deadlines.holiday_store import default_data
from foi_deadlines.rules import (
    PRESETS,
    Anchor,
    AuthorityPolicy,
    Body,
    ClockRule,
    End,
    Policies,
    Unit,
)
from foi_deadlines.rules._policies import (
    DEFAULT_POLICIES,
    POLICY_ORDER,
    FeePause,
    HolidaySource,
    ProclaimedHolidays,
    SarPause,
)

__all__ = [
    "DEFAULT_CIRCUMSTANCES",
    "Circumstances",
    "add_months",
    "circumstances_of",
    "count_working_days",
    "period_end",
    "roll_forward",
    "working_calendar",
    "working_days_late",
    "working_days_overdue",
]

_ONE_DAY: Final = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day.

    The corresponding-date rule: 31 January plus one month is 28 (or 29)
    February.

    >>> add_months(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _month_lengths.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def working_days_late(calendar: WorkingDayCalendar, due: date, day: date) -> int:
    """How many working days after ``due`` an act done on ``day`` was; 0 if in time.

    An act on a non-working day after the deadline counts from the next working
    day, when it would be dealt with: a Saturday after a Friday deadline is one
    working day late. (For how long a deadline has been *overdue* on a day, see
    :func:`working_days_overdue`.)

    >>> uk = get_calendar("uk")
    >>> working_days_late(uk, date(2025, 2, 28), date(2025, 3, 1))
    1
    >>> working_days_late(uk, date(2025, 2, 28), date(2025, 2, 28))
    0
    """
    if day <= due:
        return 0
    return calendar.working_days_between(due, roll_forward(calendar, day), warn=False)


def working_days_overdue(calendar: WorkingDayCalendar, due: date, day: date) -> int:
    """The working days after ``due`` up to and including ``day``; 0 if not after.

    On the Saturday after a Friday deadline, a request is overdue by no working
    day yet; on the Monday, by one.

    >>> uk = get_calendar("uk")
    >>> working_days_overdue(uk, date(2025, 2, 28), date(2025, 3, 1))
    0
    >>> working_days_overdue(uk, date(2025, 2, 28), date(2025, 3, 3))
    1
    """
    if day <= due:
        return 0
    return calendar.working_days_between(due, day, warn=False)


def roll_forward(calendar: WorkingDayCalendar, day: date) -> date:
    """``day`` if it is a working day, otherwise the next working day.

    >>> roll_forward(get_calendar("england-and-wales"), date(2024, 3, 29))
    datetime.date(2024, 4, 2)
    """
    return calendar.next_working_day(day, include_start=True, warn=False)


def count_working_days(
    calendar: WorkingDayCalendar,
    day_zero: date,
    length: int,
    pauses: Sequence[Pause] = (),
    *,
    notice_day_counts: bool = False,
) -> date:
    """The ``length``-th working day after ``day_zero``, disregarding ``pauses``.

    A pause disregards the working days from its start to its end, both included
    (policy P3 ``literal``); with ``notice_day_counts`` its first day still counts.
    The working days counted before a pause are kept, and counting resumes after
    it. A pause that starts after the count is complete has no effect; one that
    began before day 0 disregards only its days after day 0.

    >>> uk = get_calendar("uk")
    >>> # Received Mon 3 Mar 2025; fees notice Mon 10 Mar; paid Mon 24 Mar.
    >>> fees = Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))
    >>> count_working_days(uk, date(2025, 3, 3), 20, [fees])
    datetime.date(2025, 4, 15)
    """
    add = calendar.add_working_days
    if not pauses:
        return add(day_zero, length, warn=False)
    between = calendar.working_days_between
    remaining = length
    cursor = day_zero
    for pause in sorted(pauses, key=lambda p: (p.start, p.end)):
        # The working days after the cursor and before the pause (or up to and
        # including its first day, when that still counts). Day 0 never counts.
        before = 0
        if pause.start > cursor:
            before = between(cursor, pause.start, warn=False)
            if not notice_day_counts and calendar.is_working_day(
                pause.start, warn=False
            ):
                before -= 1
        if before >= remaining:
            break
        remaining -= before
        cursor = max(cursor, pause.end)
    return add(cursor, remaining, warn=False)


def _counted_before(
    calendar: WorkingDayCalendar,
    day_zero: date,
    day: date,
    pauses: Sequence[Pause],
    *,
    first_day_counts: bool,
) -> int:
    """The working days counted after ``day_zero`` before a stop on ``day``."""
    counted = calendar.working_days_between(day_zero, day, warn=False)
    if (
        day > day_zero
        and not first_day_counts
        and calendar.is_working_day(day, warn=False)
    ):
        counted -= 1
    for pause in pauses:
        start, end = max(pause.start, day_zero + _ONE_DAY), min(pause.end, day)
        if start <= end:
            counted -= calendar.working_days_between(start - _ONE_DAY, end, warn=False)
    return max(counted, 0)


@functools.cache
def _standing_rules_data() -> HolidayData:
    return HolidayData()


def holiday_key(data: HolidayData | None) -> HolidayData | None:
    """What to add to a remembered result's key for the holiday data it counts on.

    A result computed with ``data=None`` counts on the library's default data,
    which changes when the user installs an update or adds a proclaimed day: the
    default data in use is then part of the key, so that a remembered result is
    never one computed on older data. Given data is in the key already.
    """
    return default_data() if data is None else None


def working_calendar(
    name: str, data: HolidayData | None, policies: Policies, day_zero: date
) -> WorkingDayCalendar:
    """The calendar a clock counts on, with the holiday data policies P6 and P7 choose.

    ``data``, where given, is used as it is; otherwise P7 chooses the library's
    default data (the bundled copy with the user's installed update and proclaimed
    days, :func:`~foi_deadlines.holiday_store.default_data`) or the standing rules
    alone. P6 ``as_known_at_receipt`` leaves out days announced after
    ``day_zero``.
    """
    if data is None:
        if policies.holiday_source is HolidaySource.STANDING_RULES:
            data = _standing_rules_data()
        elif policies.proclaimed_holidays is ProclaimedHolidays.LATEST_KNOWN:
            return get_calendar(name)
    if policies.proclaimed_holidays is ProclaimedHolidays.AS_KNOWN_AT_RECEIPT:
        data = (data or default_data()).as_known_on(day_zero)
    return get_calendar(name, data=data)


def period_end(
    rule: ClockRule,
    day_zero: date,
    calendar: WorkingDayCalendar | None,
    pauses: Sequence[Pause] = (),
    policies: Policies = DEFAULT_POLICIES,
) -> tuple[date, date | None]:
    """The last day of ``rule``'s period from ``day_zero``, and where it rolled from.

    ``rule`` is taken as it is (call :meth:`~foi_deadlines.rules.ClockRule.under`
    first to apply the
    policies' variants). Working days are counted on ``calendar``; calendar days
    and months end "after" or "beginning with" day 0 as the rule says, with the
    paused days added (policy P13), then roll forward on ``calendar`` when the rule
    rolls. The second value is the unrolled end, for a rolled period.

    >>> from foi_deadlines.rules import get_rule
    >>> period_end(get_rule("foia.fee_payment"), date(2025, 3, 10), None)
    (datetime.date(2025, 6, 9), None)
    """
    if rule.unit is Unit.WORKING_DAYS:
        assert calendar is not None
        if not pauses and rule.end is End.AFTER:
            return calendar.add_working_days(day_zero, rule.length, warn=False), None
        start = day_zero - _ONE_DAY if rule.end is End.BEGINNING_WITH else day_zero
        first_counts = policies.fee_pause is FeePause.NOTICE_DAY_COUNTS
        due = count_working_days(
            calendar, start, rule.length, pauses, notice_day_counts=first_counts
        )
        return due, None
    if rule.unit is Unit.CALENDAR_DAYS:
        end = day_zero + timedelta(days=rule.length)
    else:
        end = day_zero
        for months in rule.chain or (rule.length,):
            end = add_months(end, months)
    if rule.end is End.BEGINNING_WITH:
        end -= _ONE_DAY
    rolls = rule.rolls and calendar is not None
    added = _paused_days(end, day_zero, calendar if rolls else None, pauses, policies)
    if added and rolls and policies.sar_pause is SarPause.ROLL_FIRST:
        assert calendar is not None
        end = roll_forward(calendar, end)
    end += timedelta(days=added)
    if not rolls:
        return end, None
    assert calendar is not None
    return roll_forward(calendar, end), end


def _paused_days(
    end: date,
    day_zero: date,
    calendar: WorkingDayCalendar | None,
    pauses: Sequence[Pause],
    policies: Policies,
) -> int:
    """The calendar days the pauses add to a period ending on ``end`` (P13).

    A pause counts only from day 0, and only if it began by the end of the period
    as extended by the pauses before it.
    """
    added = 0
    exclusive = policies.sar_pause is SarPause.EXCLUSIVE
    for pause in sorted(pauses, key=lambda p: (p.start, p.end)):
        if pause.end < day_zero:
            continue
        start = max(pause.start, day_zero)
        running = end + timedelta(days=added)
        if calendar is not None:
            running = roll_forward(calendar, running)
        if start > running:
            break
        span = (pause.end - start).days
        added += max(span - 1, 0) if exclusive else span + 1
    return added


@attrs.frozen(kw_only=True, cache_hash=True)
class Circumstances:
    """What the engine needs to know of a request besides its events.

    Attributes:
        policies: The choices where the law is open.
        data: Holiday data to count on (if ``None``, policy P7's choice: the
            library's default data or the standing rules).
        division: Subject access: the controller's part of the UK.
        body: A kind of authority with its own time for compliance.
        school_days: For a school: the days with sessions.
        commissioner_day: The day the Commissioner specified, where one can.
        authority: The review windows the authority publishes.
    """

    policies: Policies = DEFAULT_POLICIES
    data: HolidayData | None = None
    division: Division = Division.ENGLAND_AND_WALES
    body: Body | None = None
    school_days: frozenset[date] | None = None
    commissioner_day: date | None = None
    authority: AuthorityPolicy = PRESETS["code-of-practice"]

    def calendar_name(self, rule: ClockRule) -> str | None:
        """The calendar ``rule`` counts or rolls on, with its policy and division."""
        name = rule.calendar
        if name is None:
            return None
        if rule.calendar_policy:
            name = str(getattr(self.policies, rule.calendar_policy))
        return self.division.value if name == "division" else name

    def calendar_for(self, rule: ClockRule, key_day: date) -> WorkingDayCalendar | None:
        """The calendar of ``rule``, built from the right holiday data."""
        name = self.calendar_name(rule)
        if name is None:
            return None
        return working_calendar(name, self.data, self.policies, key_day)


DEFAULT_CIRCUMSTANCES: Final = Circumstances()


@functools.lru_cache(maxsize=512)
def circumstances_of(
    *,
    policies: Policies = DEFAULT_POLICIES,
    data: HolidayData | None = None,
    division: Division = Division.ENGLAND_AND_WALES,
    body: Body | None = None,
    school_days: frozenset[date] | None = None,
    commissioner_day: date | None = None,
    authority: AuthorityPolicy = PRESETS["code-of-practice"],
) -> Circumstances:
    """:class:`Circumstances` with these fields; calls with the same share one."""
    return Circumstances(
        policies=policies,
        data=data,
        division=division,
        body=body,
        school_days=school_days,
        commissioner_day=commissioner_day,
        authority=authority,
    )


#: The policies an anchor reads.
_ANCHOR_POLICIES: Final = {
    Anchor.RESPONSE: ("requester_window_start",),
    Anchor.RESPONSE_ELSE_EXPIRY: ("requester_window_start",),
}


def _merge(used: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    names = set(used).union(more)
    return tuple(sorted(names, key=POLICY_ORDER.__getitem__))


def _used(
    rule: ClockRule,
    calendar: WorkingDayCalendar | None,
    policies: Policies,
    pause_policies: Iterable[str],
    *,
    data_given: bool = False,
) -> tuple[str, ...]:
    """The policies that shaped a deadline under ``rule``.

    P7 chooses the holiday data only when none was given.
    """
    return _policies_used(
        rule, calendar is not None, frozenset(pause_policies), data_given
    )


@functools.lru_cache(maxsize=1024)
def _policies_used(
    rule: ClockRule,
    has_calendar: bool,  # noqa: FBT001 - a cache key
    pause_policies: frozenset[str],
    data_given: bool,  # noqa: FBT001 - a cache key
) -> tuple[str, ...]:
    names = set(rule.policies_read)
    names.update(pause_policies)
    if has_calendar:
        names.add("proclaimed_holidays")
        if not data_given:
            names.add("holiday_source")
    names.update(_ANCHOR_POLICIES.get(rule.anchor, ()))
    return tuple(sorted(names, key=POLICY_ORDER.__getitem__))
