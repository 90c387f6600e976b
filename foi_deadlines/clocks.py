"""The engine: it executes a rule set over a timeline and returns deadlines.

A :class:`Deadline` is what every clock returns: the due date with the rule, the
law, day 0, the calendar and holiday data it was counted on, the policies applied,
what moved the clock (and what happened but could not move it), and the days it
skipped, so that it can :meth:`~Deadline.explain` itself.

The engine knows no regime. It reads a :class:`~foi_deadlines.rules.RuleSet`:

* :func:`period_end` counts one period: working days, calendar days or months,
  from day 0, past the pauses, to an end found "after" or "beginning with" day 0,
  rolled forward where the rule says so. Three small counters sit behind it.
* :func:`respond` walks a timeline once for the response stage. For each event it
  looks up the step the rule set gives it; if the event falls inside the step's
  window, the step's effect (restart, pause, extension) is applied, otherwise the
  event is recorded as having no effect, with the law. It returns
  :class:`ResponseDeadlines`: the response (or why the clock is stopped, or when
  the request lapsed), and the deadlines that go with it.
* :func:`stage_deadline` counts a later stage (review, regulator, appeal) from the
  day its anchor gives (:func:`stage_anchor`).
* :func:`timeline_problems` says why a timeline cannot be true under a rule set,
  for cases and keyword calls alike.

Where the law or the regulators leave a question open, a named policy decides it
(:class:`~foi_deadlines.rules.Policies`, register P1 to P18).
"""

from __future__ import annotations

import calendar as _month_lengths
import enum
import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Final, NamedTuple, Protocol

import attrs

from foi_deadlines._dates import LONDON, long_day, short_day
from foi_deadlines.bank_holidays import Division, HolidayData
from foi_deadlines.calendars import NonWorkingDay, WorkingDayCalendar, get_calendar
from foi_deadlines.errors import ClockStoppedError, InvalidInputError, TimelineError
from foi_deadlines.rules import (
    PRESETS,
    Anchor,
    AuthorityPolicy,
    Body,
    ClockRule,
    End,
    Modifier,
    Policies,
    PolicyInfo,
    Regime,
    RuleSet,
    Step,
    Unit,
    Window,
    policy_register,
    rule_set,
)
from foi_deadlines.rules._policies import (
    DEFAULT_POLICIES,
    POLICY_IDS,
    POLICY_ORDER,
    FeePause,
    HolidaySource,
    ProclaimedHolidays,
    Receipt,
    RequesterWindowStart,
    SarPause,
    policies_of,
)
from foi_deadlines.timeline import CaseEventKind

__all__ = [
    "Circumstances",
    "ClockEvent",
    "Deadline",
    "EventKind",
    "Fact",
    "Pause",
    "Policies",
    "PolicyInfo",
    "ResponseDeadlines",
    "StoppedClock",
    "add_months",
    "count_working_days",
    "period_end",
    "policies_of",
    "policy_register",
    "respond",
    "roll_forward",
    "stage_anchor",
    "stage_deadline",
    "timeline_problems",
    "working_calendar",
    "working_days_late",
    "working_days_overdue",
]

_ONE_DAY: Final = timedelta(days=1)


# -- what moved the clock --------------------------------------------------------------


class EventKind(enum.StrEnum):
    """What happened to a clock."""

    RESTART = "restart"
    PAUSE = "pause"
    EXTENSION = "extension"
    SUBSTITUTE = "substitute"
    ROLL_FORWARD = "roll forward"
    RECEIPT = "receipt"
    NOTE = "note"
    NO_EFFECT = "no effect"


@attrs.frozen(kw_only=True)
class ClockEvent:
    """Something that moved, stopped or explained a clock.

    Attributes:
        kind: What kind of change; ``"no effect"`` for an event the law did not
            let take effect.
        on: The day it happened (for a pause, the day it began).
        until: For a pause, the day it ended.
        description: A sentence for the explanation, with its legal source.
    """

    kind: EventKind
    on: date
    description: str
    until: date | None = None


@attrs.frozen(kw_only=True)
class Pause:
    """A stretch of days a clock disregards, from ``start`` to ``end`` inclusive.

    Attributes:
        start: The first day disregarded (the day the notice was given).
        end: The last day disregarded (the day the payment was received).
    """

    start: date
    end: date


# -- the deadline ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deadline:
    """A computed deadline with everything needed to check and explain it.

    Attributes:
        due: The last day for the act, in time until the end of that day.
        rule: The clock that was applied.
        received: The day the request (or the triggering act) was received.
        day_zero: The day counting started from, after any restart.
        calendar: The working-day calendar counted or rolled on, or ``None``.
        policies: The policies in force for the computation.
        policies_used: The names of the policies that affected it.
        events: What moved, stopped or explained the clock, in date order,
            including events the law did not let take effect.
        notes: Anything else the reader must know.
        rolled_from: For a calendar-month or calendar-day period, the end before
            it was rolled forward to a working day.
        day_zero_is: What day 0 is, where that is not what the rule says of it
            (a day taken as the day of receipt, a new date of receipt).
    """

    due: date
    rule: ClockRule
    received: date
    day_zero: date
    calendar: WorkingDayCalendar | None
    policies: Policies = DEFAULT_POLICIES
    policies_used: tuple[str, ...] = ()
    events: tuple[ClockEvent, ...] = ()
    notes: tuple[str, ...] = ()
    rolled_from: date | None = None
    day_zero_is: str = ""

    def with_rule(self, rule: ClockRule) -> Deadline:
        """The same date and history under another rule.

        For deadlines that fall together, such as a FOIA refusal notice, due by the
        time for complying.
        """
        return attrs.evolve(self, rule=rule)

    @property
    def clock_id(self) -> str:
        """The rule's id, such as ``"foia.response"``."""
        return self.rule.id

    @property
    def regime(self) -> Regime:
        """The regime of the rule."""
        return self.rule.regime

    @property
    def citation(self) -> str:
        """The legal source of the rule."""
        return self.rule.citation

    @property
    def statutory(self) -> bool:
        """Whether the deadline is set by legislation rather than guidance."""
        return self.rule.statutory

    @property
    def calendar_name(self) -> str | None:
        """The name of the calendar used, such as ``"uk"``."""
        return None if self.calendar is None else self.calendar.name

    @property
    def data_version(self) -> str | None:
        """The holiday data the calendar was built from."""
        return None if self.calendar is None else self.calendar.data_version

    @property
    def provisional(self) -> bool:
        """Whether the date depends on days beyond the confirmed holiday data."""
        return self.calendar is not None and self.due > self.calendar.confirmed_until

    @property
    def policies_applied(self) -> tuple[tuple[str, str, object], ...]:
        """``(register id, policy, value)`` for each policy that affected the date."""
        return tuple(
            (POLICY_IDS[name], name, getattr(self.policies, name))
            for name in sorted(self.policies_used, key=POLICY_ORDER.__getitem__)
        )

    @property
    def pauses(self) -> tuple[ClockEvent, ...]:
        """The pauses among :attr:`events`."""
        return tuple(e for e in self.events if e.kind is EventKind.PAUSE)

    @property
    def _counts_day_zero(self) -> bool:
        return self.rule.unit is Unit.WORKING_DAYS and self.rule.end is End.BEGINNING_WITH

    @property
    def skipped(self) -> tuple[NonWorkingDay, ...]:
        """The non-working days the count passed over.

        For a working-day clock, every non-working day after day 0 (from day 0, for
        a period "beginning with" it) up to the due date, outside any pause. For a
        period rolled forward, the days it rolled over.
        """
        if self.calendar is None:
            return ()
        if self.rule.unit is Unit.WORKING_DAYS:
            first = self.day_zero if self._counts_day_zero else self.day_zero + _ONE_DAY
            last = self.due
        elif self.rolled_from is not None and self.rolled_from < self.due:
            first, last = self.rolled_from, self.due - _ONE_DAY
        else:
            return ()
        if first > last:
            return ()
        spans = [(e.on, e.until or e.on) for e in self.pauses]
        return tuple(
            day
            for day in self.calendar.non_working_days(first, last)
            if not any(start <= day.day <= end for start, end in spans)
        )

    def explain(self) -> str:
        """A plain-English account: the rule, the law, day 0, what moved the clock.

        It lists the days skipped, and why. No line is given twice.

        >>> from foi_deadlines import response_due
        >>> print(response_due(date(2024, 12, 19)).explain())
        Response to a request (FOIA 2000): due by Wednesday 22 January 2025.
        ...
        """
        lines: dict[str, None] = {}
        for line in self._explanation():
            lines.setdefault(line)
        return "\n".join(lines)

    def _explanation(self) -> Iterator[str]:
        rule = self.rule
        yield f"{rule.title} ({rule.regime.label}): due by {long_day(self.due)}."
        kind = "law" if rule.statutory else "guidance, not statute"
        yield f"The rule: {rule.summary} Source: {rule.citation} ({kind})."
        if self.received != self.day_zero:
            yield f"Received: {long_day(self.received)}."
        what = self.day_zero_is or rule.day_zero
        if self._counts_day_zero:
            yield f"First day of the period: {long_day(self.day_zero)}, {what}."
        else:
            yield f"Day 0: {long_day(self.day_zero)}, {what}."
        for event in self.events:
            yield f"- {event.description}"
        if self.calendar is not None:
            yield from self._counting()
        for note in self.notes:
            yield f"Note: {note}"
        if rule.note:
            yield f"Note: {rule.note}"
        if self.calendar is not None and self.provisional:
            yield (
                f"Provisional: the date is after {self.calendar.confirmed_until}, the "
                "end of the confirmed bank holiday data; a holiday proclaimed later "
                "could move it."
            )
        applied = "; ".join(
            f"{pid} {name} = {value}" for pid, name, value in self.policies_applied
        )
        if applied:
            yield f"Policies: {applied}."
        if self.data_version:
            yield f"Holiday data: {self.data_version}."

    def _counting(self) -> Iterator[str]:
        assert self.calendar is not None
        definition = self.calendar.definition
        skipped = self.skipped
        if self.rule.unit is Unit.WORKING_DAYS:
            yield (
                f"Working days are counted on calendar {definition.name!r}, which "
                f"leaves out {definition.excludes} ({definition.citation})."
            )
            holidays = [day for day in skipped if not day.is_weekend]
            weekends = len(skipped) - len(holidays)
            weekend_days = f"{weekends} weekend day{'s' if weekends != 1 else ''}"
            after = "from the first day" if self._counts_day_zero else "after day 0"
            if holidays:
                yield f"Days not counted {after}:"
                for day in holidays:
                    yield f"  {day.describe()}"
                if weekends:
                    yield f"  and {weekend_days}."
            elif weekends:
                yield f"Days not counted {after}: {weekend_days}."
        elif self.rolled_from is not None and skipped:
            yield (
                f"The period ends on {long_day(self.rolled_from)}, which is not a "
                f"working day on calendar {definition.name!r} ({definition.excludes}), "
                "so the deadline moves to the next working day. Days passed over:"
            )
            for day in skipped:
                yield f"  {day.describe()}"

    def to_dict(self) -> dict[str, object]:
        """The deadline as JSON-ready data (dates as ISO strings).

        >>> from foi_deadlines import response_due
        >>> response_due(date(2024, 12, 19)).to_dict()["due"]
        '2025-01-22'
        """
        return {
            "due": self.due.isoformat(),
            "clock": self.rule.id,
            "regime": str(self.rule.regime),
            "title": self.rule.title,
            "citation": self.rule.citation,
            "statutory": self.rule.statutory,
            "received": self.received.isoformat(),
            "day_zero": self.day_zero.isoformat(),
            "calendar": self.calendar_name,
            "data_version": self.data_version,
            "provisional": self.provisional,
            "policies": {
                pid: _json_value(value) for pid, _, value in self.policies_applied
            },
            "events": [
                {
                    "kind": str(event.kind),
                    "on": event.on.isoformat(),
                    "until": None if event.until is None else event.until.isoformat(),
                    "description": event.description,
                }
                for event in self.events
            ],
            "skipped": [
                {
                    "date": day.day.isoformat(),
                    "reasons": [r.describe() for r in day.reasons],
                }
                for day in self.skipped
                if not day.is_weekend
            ],
            "notes": list(self.notes),
        }


def _json_value(value: object) -> object:
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


# -- arithmetic ------------------------------------------------------------------------


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
    return calendar.working_days_between(
        due, roll_forward(calendar, day), warn=False
    )


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
    if day > day_zero and not first_day_counts and calendar.is_working_day(
        day, warn=False
    ):
        counted -= 1
    for pause in pauses:
        start, end = max(pause.start, day_zero + _ONE_DAY), min(pause.end, day)
        if start <= end:
            counted -= calendar.working_days_between(
                start - _ONE_DAY, end, warn=False
            )
    return max(counted, 0)


@functools.cache
def _bundled_calendar(name: str) -> WorkingDayCalendar:
    return get_calendar(name)


@functools.cache
def _standing_rules_data() -> HolidayData:
    return HolidayData()


def working_calendar(
    name: str, data: HolidayData | None, policies: Policies, day_zero: date
) -> WorkingDayCalendar:
    """The calendar a clock counts on, with the holiday data policies P6 and P7 choose.

    ``data``, where given, is used as it is; otherwise P7 chooses the bundled data
    or the standing rules alone. P6 ``as_known_at_receipt`` leaves out days
    announced after ``day_zero``.
    """
    if data is None:
        if policies.holiday_source is HolidaySource.STANDING_RULES:
            data = _standing_rules_data()
        elif policies.proclaimed_holidays is ProclaimedHolidays.LATEST_KNOWN:
            return _bundled_calendar(name)
    if policies.proclaimed_holidays is ProclaimedHolidays.AS_KNOWN_AT_RECEIPT:
        data = (data or HolidayData.bundled()).as_known_on(day_zero)
    return get_calendar(name, data=data)


def period_end(
    rule: ClockRule,
    day_zero: date,
    calendar: WorkingDayCalendar | None,
    pauses: Sequence[Pause] = (),
    policies: Policies = DEFAULT_POLICIES,
) -> tuple[date, date | None]:
    """The last day of ``rule``'s period from ``day_zero``, and where it rolled from.

    ``rule`` is taken as it is (call :meth:`ClockRule.under` first to apply the
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


# -- the circumstances of a request ----------------------------------------------------


class Fact(NamedTuple):
    """An event as the engine reads it: what, when, and an estimate.

    :class:`~foi_deadlines.timeline.CaseEvent` has the same attributes. ``on`` is
    ``None`` for a keyword option given without a date (``extended=True``), which
    is taken as in time.
    """

    kind: CaseEventKind
    on: date | None
    estimate: date | None = None


class EventLike(Protocol):
    """Anything with an event's kind, day and estimate."""

    @property
    def kind(self) -> CaseEventKind:
        """What happened."""

    @property
    def on(self) -> date | None:
        """When."""

    @property
    def estimate(self) -> date | None:
        """A public interest extension's estimate."""


@attrs.frozen(kw_only=True)
class Circumstances:
    """What the engine needs to know of a request besides its events.

    Attributes:
        policies: The choices where the law is open.
        data: Holiday data to count on (the bundled data, or policy P7's choice, if
            ``None``).
        division: Subject access: the controller's part of the UK.
        body: A kind of authority with its own time for compliance.
        school_days: For a school: the days with sessions.
        commissioner_day: The day the Commissioner specified, where one can.
        authority: The review windows the authority publishes.
        arrived_at: The timestamp of the request, where known (policy P2).
    """

    policies: Policies = DEFAULT_POLICIES
    data: HolidayData | None = None
    division: Division = Division.ENGLAND_AND_WALES
    body: Body | None = None
    school_days: frozenset[date] | None = None
    commissioner_day: date | None = None
    authority: AuthorityPolicy = PRESETS["code-of-practice"]
    arrived_at: datetime | None = None

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


# -- the response stage ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StoppedClock:
    """A clock that is stopped, waiting for the requester.

    Attributes:
        on: The day it stopped.
        remaining: How much of the period is left when it restarts.
        unit: The unit of ``remaining``.
        resume_with: The option that restarts it when known (such as
            ``"fee_paid_on"``).
        reason: Why it stopped, with the law.
        awaiting: What it waits for (``"clarification"`` or ``"fee"``).
    """

    on: date
    remaining: int
    unit: Unit
    resume_with: str
    reason: str
    awaiting: str = ""

    def to_error(self, detail: str = "") -> ClockStoppedError:
        """The error :func:`~foi_deadlines.responses.response_due` raises for it."""
        remaining = f"{self.remaining} {self.unit}"
        if self.remaining == 1:
            remaining = remaining.removesuffix("s")
        return ClockStoppedError(
            self.on,
            remaining,
            self.resume_with,
            "; ".join(filter(None, [self.reason, detail])),
        )


@attrs.frozen(kw_only=True)
class ResponseDeadlines:
    """Every deadline of one request's response stage.

    Attributes:
        response: When the request must be answered in full: the extended time
            where an extension took effect; ``None`` while the clock is stopped or
            once the request has lapsed.
        refusal_notice: FOIA: when a refusal notice (citing an exemption, s12 or
            s14) must be given, by the time for complying even where the public
            interest is extended.
        public_interest: FOIA: the public interest decision, when extended.
        extension_notice: EIR, EISR, subject access: the last day to tell the
            requester the time is extended, when it was.
        fee_payment: The last day to pay a fee or advance charge before the
            request lapses.
        stopped: Why the clock is stopped, if it is.
        lapsed_on: The first day the request is lapsed for want of the fee: the
            day it lapsed, if the fee came too late, or the day it will lapse
            while the clock waits for it.
        abandoned_on: The first day a request awaiting clarification is treated
            as closed (policy P17), if it is waiting.
        events: What happened to the clock, in date order, including events the
            law did not let take effect.
    """

    response: Deadline | None
    refusal_notice: Deadline | None = None
    public_interest: Deadline | None = None
    extension_notice: Deadline | None = None
    fee_payment: Deadline | None = None
    stopped: StoppedClock | None = None
    lapsed_on: date | None = None
    abandoned_on: date | None = None
    events: tuple[ClockEvent, ...] = ()

    def all(self) -> tuple[Deadline, ...]:
        """Every deadline present, each once."""
        seen: dict[int, Deadline] = {}
        for deadline in (
            self.response,
            self.refusal_notice,
            self.public_interest,
            self.extension_notice,
            self.fee_payment,
        ):
            if deadline is not None:
                seen.setdefault(id(deadline), deadline)
        return tuple(seen.values())

    @property
    def base(self) -> Deadline | None:
        """The time for complying before any extension (day 20, the first month)."""
        return self.extension_notice or self.refusal_notice or self.response


#: The keyword of each event kind in the keyword functions (``response_due``).
KEYWORDS: Final = {
    CaseEventKind.CLARIFICATION_SOUGHT: "clarification_sought_on",
    CaseEventKind.CLARIFICATION_RECEIVED: "clarified_on",
    CaseEventKind.FEES_NOTICE: "fee_notice_on",
    CaseEventKind.FEE_PAID: "fee_paid_on",
    CaseEventKind.IDENTITY_CONFIRMED: "identity_confirmed_on",
    CaseEventKind.EXTENSION: "extended",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "extended",
}
#: What each kind of event is called in messages.
NOUNS: Final = {
    CaseEventKind.RECEIVED: "the request",
    CaseEventKind.CLARIFICATION_SOUGHT: "a request for clarification",
    CaseEventKind.CLARIFICATION_RECEIVED: "a clarification received",
    CaseEventKind.IDENTITY_CONFIRMED: "identity evidence",
    CaseEventKind.FEES_NOTICE: "a fees notice",
    CaseEventKind.FEE_PAID: "a fee paid",
    CaseEventKind.FEES_NOTICE_LAPSED: "a fees notice lapsed",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "a public interest extension",
    CaseEventKind.EXTENSION: "an extension",
    CaseEventKind.TRANSFERRED: "a transfer",
    CaseEventKind.RESPONSE_SENT: "a response",
    CaseEventKind.REVIEW_REQUESTED: "a request for review",
    CaseEventKind.REVIEW_EXTENDED: "a review extended",
    CaseEventKind.REVIEW_OUTCOME: "a review outcome",
    CaseEventKind.COMPLAINT: "a complaint",
    CaseEventKind.DECISION_NOTICE: "a decision notice",
    CaseEventKind.WITHDRAWN: "a withdrawal",
}


@attrs.define
class _Stop:
    step: Step
    on: date | None
    fee_window: Deadline | None = None


class _Walk:
    """One pass over a timeline for the response stage."""

    def __init__(
        self,
        rules: RuleSet,
        circumstances: Circumstances,
        received: date,
    ) -> None:
        self.rules = rules
        self.circ = circumstances
        self.policies = policies = circumstances.policies
        self.received = received
        self.events: list[ClockEvent] = []
        self.notes: list[str] = []
        self.standard = rules.rule(rules.response)
        base = self.standard
        body = None if circumstances.body is None else rules.body(circumstances.body)
        self.allowed_days: frozenset[date] | None = None
        self.specified: date | None = None
        if body is not None:
            base = rules.rule(body.response)
            if base.specified_day:
                self.specified = getattr(circumstances, base.specified_day)
                if self.specified is None:
                    base = rules.rule(body.fallback or rules.response)
                    self.notes.append(body.without_option)
            if base.counts_only:
                self.allowed_days = getattr(circumstances, base.counts_only)
                if self.allowed_days is None:
                    self.notes.append(body.without_option)
            if body.event:
                shown = received if self.specified is None else self.specified
                self.events.append(
                    ClockEvent(
                        kind=EventKind.SUBSTITUTE,
                        on=shown,
                        description=body.event.format(on=short_day(shown)),
                    )
                )
        self.base = base.under(policies)
        self.calendar = circumstances.calendar_for(self.base, received)
        self._calendars: dict[str, WorkingDayCalendar | None] = {}
        self.deems = rules.calendar is not None and (
            policies.receipt is not Receipt.CALENDAR
            or policies.office_hours_cutoff is not None
        )
        self.day0 = received
        self.day0_is = ""
        if self.deems:
            self.day0 = self._deem(received, "request", circumstances.arrived_at)
        self.pauses: list[Pause] = []
        self.pause_policies: set[str] = set()
        self.stops: dict[Step, _Stop] = {}
        self.ineffective: set[Step] = set()
        self.extension: tuple[Step, EventLike] | None = None
        self.fee_window: Deadline | None = None
        self.lapsed_on: date | None = None
        self.abandoned_on: date | None = None
        self.closed = False

    # -- calendars and counting --------------------------------------------------

    def calendar_of(self, rule: ClockRule) -> WorkingDayCalendar | None:
        name = self.circ.calendar_name(rule)
        if name is None:
            return None
        if self.calendar is not None and name == self.calendar.name:
            return self.calendar
        if name not in self._calendars:
            self._calendars[name] = self.circ.calendar_for(rule, self.received)
        return self._calendars[name]

    def _deem(self, day: date, what: str, arrived: datetime | None) -> date:
        """Day 0 for something received on ``day``, under policies P1 and P2."""
        calendar = self.calendar
        assert calendar is not None
        cutoff = self.policies.office_hours_cutoff
        if arrived is not None and cutoff is not None:
            local = arrived
            if arrived.tzinfo is not None and arrived.utcoffset() is not None:
                local = arrived.astimezone(LONDON)
            if local.time() >= cutoff:
                deemed = calendar.add_working_days(day, 1, warn=False)
                self.events.append(
                    ClockEvent(
                        kind=EventKind.RECEIPT,
                        on=day,
                        description=(
                            f"The {what} arrived at {local:%H:%M} on {short_day(day)}, "
                            f"after the {cutoff:%H:%M} cut-off: taken as received on "
                            f"{short_day(deemed)} (policy P2)."
                        ),
                    )
                )
                self.day0_is = f"the day the {what} is taken as received (policy P2)"
                return deemed
        if self.policies.receipt is Receipt.NEXT_WORKING_DAY and not (
            calendar.is_working_day(day, warn=False)
        ):
            deemed = calendar.add_working_days(day, 1, warn=False)
            self.events.append(
                ClockEvent(
                    kind=EventKind.RECEIPT,
                    on=day,
                    description=(
                        f"The {what} arrived on {short_day(day)}, not a working day: "
                        f"taken as received on {short_day(deemed)} (policy P1 "
                        "next_working_day)."
                    ),
                )
            )
            self.day0_is = (
                f"the day the {what} is taken as received (policy P1 next_working_day)"
            )
            return deemed
        return day

    def end_of(self, rule: ClockRule) -> tuple[date, date | None]:
        """The end of ``rule``'s period from day 0, past the pauses so far."""
        calendar = self.calendar_of(rule)
        if rule is self.base and self.specified is not None:
            assert calendar is not None
            limit, _ = period_end(rule, self.day0, calendar, self.pauses, self.policies)
            if not self.day0 < self.specified <= limit:
                raise TimelineError(
                    rule.specified_day,
                    self.specified,
                    f"the day must be after day 0 ({self.day0}) and no later than the "
                    f"{rule.length}th working day ({limit}) ({rule.citation})",
                )
            return self.specified, None
        if rule.counts_only:
            return self._nth_counted_day(rule, calendar), None
        return period_end(rule, self.day0, calendar, self.pauses, self.policies)

    def _nth_counted_day(
        self, rule: ClockRule, calendar: WorkingDayCalendar | None
    ) -> date:
        """The n-th working day among the allowed days, or the limit if earlier."""
        assert calendar is not None
        first_counts = self.policies.fee_pause is FeePause.NOTICE_DAY_COUNTS
        limit_length = rule.limit if rule.limit is not None else rule.length
        limit = count_working_days(
            calendar, self.day0, limit_length, self.pauses, notice_day_counts=first_counts
        )
        allowed = self.allowed_days
        if allowed is None:
            return limit
        last_known = max(allowed, default=self.day0)
        counted = skipped = 0
        day = self.day0
        while day < limit:
            day += _ONE_DAY
            if not calendar.is_working_day(day, warn=False) or self._paused(day):
                continue
            if day > last_known:
                raise InvalidInputError(
                    rule.counts_only,
                    f"a term calendar ending {last_known}",
                    f"term dates reaching day {rule.length} after day 0, or the "
                    f"{limit_length}th working day ({limit})",
                )
            if day not in allowed:
                skipped += 1
                continue
            counted += 1
            if counted == rule.length:
                plural = "s" if skipped != 1 else ""
                self.notes.append(
                    f"{skipped} working day{plural} without school sessions were not "
                    "counted."
                )
                return day
        self.notes.append(
            f"The {limit_length}th working day came before the {rule.length}th school "
            "day."
        )
        return limit

    def _paused(self, day: date) -> bool:
        first_counts = self.policies.fee_pause is FeePause.NOTICE_DAY_COUNTS
        return any(
            (p.start < day if first_counts else p.start <= day) and day <= p.end
            for p in self.pauses
        )

    def base_due(self) -> date:
        return self.end_of(self.base)[0]

    def current_due(self) -> date:
        if self.extension is None:
            return self.base_due()
        return self.extended(*self.extension)[0]

    def extended(self, step: Step, fact: EventLike) -> tuple[date, str, str]:
        """The end of an extension that took effect, why, and a note if capped."""
        rule = self.rules.rule(step.extends_to).under(self.policies)
        base_due = self.base_due()
        if rule.unit is not Unit.WORKING_DAYS:
            return self.end_of(rule)[0], "", ""
        calendar = self.calendar_of(rule)
        assert calendar is not None
        length = rule.length
        if rule.length_policy:
            length = getattr(self.policies, rule.length_policy)
        cap = None
        extra = 0
        if length is not None:
            extra = max(length - self.standard.length, 0)
            cap = count_working_days(
                calendar,
                base_due,
                extra,
                self.pauses,
                notice_day_counts=self.policies.fee_pause is FeePause.NOTICE_DAY_COUNTS,
            )
        estimate = fact.estimate
        if estimate is None:
            if cap is None:  # refused before the walk; kept for safety
                return base_due, "the time for complying, as no estimate was given", ""
            basis = (
                f"{extra} working days after the time for complying, the normal "
                "limit (policy P5), as no estimate was given"
            )
            return cap, basis, ""
        if estimate < base_due:
            return (
                base_due,
                f"the time for complying; the estimate of {short_day(estimate)} is "
                "earlier than that",
                "",
            )
        if cap is not None and estimate > cap:
            note = (
                f"The estimate of {short_day(estimate)} is later than {extra} working "
                f"days after the time for complying ({short_day(cap)}); the ICO "
                "expects no longer except in exceptional cases, so the deadline is "
                "capped (policy P5)."
            )
            return cap, f"capped at {short_day(cap)} (policy P5)", note
        return estimate, f"the date the notice estimated, {short_day(estimate)}", ""

    # -- the walk ------------------------------------------------------------------

    def take(self, fact: EventLike) -> None:
        if self.closed:
            step = self.rules.step(fact.kind) or self.rules.step_closed_by(fact.kind)
            if step is not None and fact.on is not None:
                self._no_effect(fact, "the request had already lapsed or closed")
            return
        step = self.rules.step(fact.kind)
        if step is not None:
            if step.closed_by is not None:
                self._open(step, fact)
            elif step.effect is Modifier.RESTART:
                self._restart(step, fact)
            else:
                self._extend(step, fact)
            return
        closer = self.rules.step_closed_by(fact.kind)
        if closer is not None:
            self._close(closer, fact)

    def _window(self, step: Step, fact: EventLike) -> tuple[bool, date | None]:
        """Whether ``fact`` is inside ``step``'s window, and the window's end."""
        if fact.on is None or step.window is Window.ANY or self.stops:
            return True, None
        if step.window is Window.BASE:
            limit = self.base_due()
        elif step.window is Window.CURRENT:
            limit = self.current_due()
        else:
            notice = self.rules.optional_rule(step.notice_rule)
            limit = self.end_of(notice.under(self.policies))[0] if notice else (
                self.base_due()
            )
        return fact.on <= limit, limit

    def _no_effect(self, fact: EventLike, why: str) -> None:
        assert fact.on is not None
        noun = NOUNS[fact.kind]
        self.events.append(
            ClockEvent(
                kind=EventKind.NO_EFFECT,
                on=fact.on,
                description=(
                    f"{noun[0].upper()}{noun[1:]} on {short_day(fact.on)}: no effect, "
                    f"as {why}."
                ),
            )
        )

    def _outside(self, step: Step, fact: EventLike, limit: date | None) -> None:
        assert fact.on is not None and limit is not None
        which = {
            Window.BASE: "the end of the time for complying",
            Window.CURRENT: "the end of the period",
            Window.NOTICE: "the last day for notice of an extension",
        }[step.window]
        self._no_effect(
            fact, f"it came after {which} ({short_day(limit)}); {step.window_law}"
        )

    def _open(self, step: Step, fact: EventLike) -> None:
        open_stop = self.stops.get(step)
        if open_stop is not None:
            self._again(step, open_stop, fact)
            return
        inside, limit = self._window(step, fact)
        if not inside:
            self.ineffective.add(step)
            self._outside(step, fact, limit)
            return
        self.ineffective.discard(step)
        stop = _Stop(step=step, on=fact.on)
        fee_due = fee_law = ""
        if step.fee_rule and fact.on is not None:
            stop.fee_window = self._fee_window(step, fact.on)
            fee_due = short_day(stop.fee_window.due)
            fee_law = stop.fee_window.rule.citation
        self.stops[step] = stop
        if fact.on is not None and step.opened:
            self.events.append(
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=fact.on,
                    description=step.opened.format(
                        on=short_day(fact.on),
                        law=step.citation,
                        fee_due=fee_due,
                        fee_law=fee_law,
                    ),
                )
            )

    def _again(self, step: Step, stop: _Stop, fact: EventLike) -> None:
        """An opening event while the same stop is open: a new notice, a chaser."""
        if fact.on is None:
            return
        if step.fee_rule:
            stop.fee_window = self._fee_window(step, fact.on)
            text = (
                f"{NOUNS[fact.kind].capitalize()} again on {short_day(fact.on)}: it "
                "replaces the earlier one, and the fee is now due by "
                f"{short_day(stop.fee_window.due)} ({stop.fee_window.rule.citation})."
            )
        else:
            text = (
                f"{NOUNS[fact.kind].capitalize()} again on {short_day(fact.on)}: the "
                "clock stays stopped from the first."
            )
        self.events.append(ClockEvent(kind=EventKind.NOTE, on=fact.on, description=text))

    def _fee_window(self, step: Step, notice: date) -> Deadline:
        rule = self.rules.rule(step.fee_rule).under(self.policies)
        calendar = self.calendar_of(rule)
        due, _ = period_end(rule, notice, calendar, (), self.policies)
        return Deadline(
            due=due,
            rule=rule,
            received=notice,
            day_zero=notice,
            calendar=calendar,
            policies=self.policies,
            policies_used=_used(
                rule, calendar, self.policies, (), data_given=self.circ.data is not None
            ),
        )

    def _close(self, step: Step, fact: EventLike) -> None:
        stop = self.stops.pop(step, None)
        if stop is None:
            if fact.on is not None:
                opener = NOUNS[step.kind]
                self._no_effect(fact, f"{opener} it answers had no effect")
            return
        assert fact.on is not None
        window = stop.fee_window
        if window is not None and fact.on > window.due:
            self.lapsed_on = window.due + _ONE_DAY
            self.fee_window = window
            self.closed = True
            self._no_effect(
                fact,
                f"it came after the window to pay closed on {short_day(window.due)}; "
                f"the request lapsed ({window.rule.citation})",
            )
            return
        if window is not None:
            self.fee_window = window
        if step.effect is Modifier.RESTART:
            abandoned = self._abandoned_on(stop)
            if abandoned is not None and fact.on >= abandoned:
                self.abandoned_on = abandoned
                self.closed = True
                self._no_effect(
                    fact,
                    f"the request was treated as closed on {short_day(abandoned)}, "
                    f"{self.policies.clarification_lapse_months} months after "
                    "clarification was sought (policy P17)",
                )
                return
            self._restart(step, fact)
            return
        start = stop.on if stop.on is not None else fact.on
        self.pauses.append(Pause(start=start, end=fact.on))
        if step.pause_policy:
            self.pause_policies.add(step.pause_policy)
        self.events.append(
            ClockEvent(
                kind=EventKind.PAUSE,
                on=start,
                until=fact.on,
                description=step.applied.format(
                    on=short_day(start),
                    until=short_day(fact.on),
                    count=self._pause_count(start, fact.on),
                    law=step.citation,
                    policy=getattr(self.policies, step.pause_policy, ""),
                ),
            )
        )

    def _pause_count(self, start: date, end: date) -> str:
        """The days a pause disregards, in words."""
        if self.base.unit is Unit.WORKING_DAYS:
            calendar = self.calendar
            assert calendar is not None
            first_counts = self.policies.fee_pause is FeePause.NOTICE_DAY_COUNTS
            low = max(start - _ONE_DAY, self.day0)
            count = calendar.working_days_between(low, end, warn=False)
            if first_counts and start > self.day0 and calendar.is_working_day(
                start, warn=False
            ):
                count -= 1
            return f"{count} working day{'s' if count != 1 else ''}"
        span = (end - start).days
        count = max(span - 1, 0) if self.policies.sar_pause is SarPause.EXCLUSIVE else (
            span + 1
        )
        return f"{count} day{'s' if count != 1 else ''}"

    def _abandoned_on(self, stop: _Stop) -> date | None:
        months = self.policies.clarification_lapse_months
        if months is None or stop.on is None or stop.step.awaiting is None:
            return None
        return add_months(stop.on, months)

    def _restart(self, step: Step, fact: EventLike) -> None:
        if fact.on is None:
            return
        day = fact.on
        if step.closed_by is None and day <= self.day0:
            self.events.append(
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=day,
                    description=step.applied.format(on=short_day(day), law=step.citation),
                )
            )
            return
        self.events.append(
            ClockEvent(
                kind=EventKind.RESTART,
                on=day,
                description=step.applied.format(on=short_day(day), law=step.citation),
            )
        )
        self.day0_is = ""
        new = day
        if self.deems:
            new = self._deem(day, NOUNS[fact.kind].removeprefix("a ").split()[0], None)
        if not self.day0_is:
            self.day0_is = step.restarts_as
        self.day0 = new

    def _extend(self, step: Step, fact: EventLike) -> None:
        if self.extension is not None:
            if fact.on is not None:
                self._no_effect(fact, "the time was already extended")
            return
        inside, limit = self._window(step, fact)
        if not inside:
            self._outside(step, fact, limit)
            return
        self.extension = (step, fact)

    # -- the result ----------------------------------------------------------------

    def deadline(
        self,
        rule: ClockRule,
        due: date,
        rolled_from: date | None = None,
        extra: Sequence[ClockEvent] = (),
        notes: Sequence[str] = (),
    ) -> Deadline:
        calendar = self.calendar_of(rule)
        events = [*self.events, *extra]
        events.sort(key=lambda e: e.on)
        used = _used(
            rule,
            calendar,
            self.policies,
            self.pause_policies,
            data_given=self.circ.data is not None,
        )
        if self.deems or self.rules.calendar is not None:
            used = _merge(used, ("receipt",))
        if self.policies.office_hours_cutoff is not None:
            used = _merge(used, ("office_hours_cutoff",))
        if self.rules.edition_policy:
            used = _merge(used, (self.rules.edition_policy,))
        return Deadline(
            due=due,
            rule=rule,
            received=self.received,
            day_zero=self.day0,
            calendar=calendar,
            policies=self.policies,
            policies_used=used,
            events=tuple(events),
            notes=(*self.notes, *notes),
            rolled_from=rolled_from,
            day_zero_is=self.day0_is,
        )

    def result(self) -> ResponseDeadlines:
        events = tuple(sorted(self.events, key=lambda e: e.on))
        if self.lapsed_on is not None and self.closed:
            return ResponseDeadlines(
                response=None,
                fee_payment=self.fee_window,
                lapsed_on=self.lapsed_on,
                events=events,
            )
        if self.abandoned_on is not None and self.closed:
            return ResponseDeadlines(
                response=None, abandoned_on=self.abandoned_on, events=events
            )
        if self.stops:
            return self._stopped(events)
        due, rolled = self.end_of(self.base)
        base = self.deadline(self.base, due, rolled)
        refusal = None
        if self.rules.refusal_notice:
            refusal = base.with_rule(self.rules.rule(self.rules.refusal_notice))
        if self.extension is None:
            return ResponseDeadlines(
                response=base,
                refusal_notice=refusal,
                fee_payment=self.fee_window,
                events=events,
            )
        step, fact = self.extension
        rule = self.rules.rule(step.extends_to).under(self.policies)
        ext_due, basis, note = self.extended(step, fact)
        notice = None
        notice_rule = self.rules.optional_rule(step.notice_rule)
        if notice_rule is not None:
            notice_rule = notice_rule.under(self.policies)
            notice_due, notice_rolled = self.end_of(notice_rule)
            notice = self.deadline(notice_rule, notice_due, notice_rolled)
        on = fact.on or self.day0
        event = ClockEvent(
            kind=EventKind.EXTENSION,
            on=on,
            description=step.applied.format(
                law=step.citation,
                due=short_day(ext_due),
                basis=basis,
                notice_due=short_day(notice.due if notice else due),
                on=short_day(on),
            ),
        )
        rolled_ext = None
        if rule.unit is not Unit.WORKING_DAYS:
            ext_due, rolled_ext = self.end_of(rule)
        response = self.deadline(
            rule, ext_due, rolled_ext, [event], (note,) if note else ()
        )
        reported = {step.reported_as: response} if step.reported_as else {}
        return ResponseDeadlines(
            response=response,
            refusal_notice=refusal,
            extension_notice=notice,
            fee_payment=self.fee_window,
            events=events,
            **reported,  # type: ignore[arg-type]
        )

    def _stopped(self, events: tuple[ClockEvent, ...]) -> ResponseDeadlines:
        stop = min(self.stops.values(), key=lambda s: s.on or self.received)
        step = stop.step
        on = stop.on or self.received
        if step.effect is Modifier.RESTART:
            remaining, unit = self.base.length, self.base.unit
        elif self.base.unit is Unit.WORKING_DAYS:
            assert self.calendar is not None
            length = self.base.length
            if self.extension is not None:
                length = self.rules.rule(self.extension[0].extends_to).length
            elapsed = _counted_before(
                self.calendar,
                self.day0,
                on,
                self.pauses,
                first_day_counts=self.policies.fee_pause is FeePause.NOTICE_DAY_COUNTS,
            )
            remaining, unit = max(length - elapsed, 0), Unit.WORKING_DAYS
        else:
            rule = self.base
            if self.extension is not None:
                rule = self.rules.rule(self.extension[0].extends_to).under(self.policies)
            unpaused, _ = period_end(rule, self.day0, None, self.pauses, self.policies)
            remaining, unit = max((unpaused - on).days, 0), Unit.CALENDAR_DAYS
        closer = step.closed_by
        assert closer is not None
        window = stop.fee_window
        reason = step.opened.format(
            on=short_day(on),
            law=step.citation,
            fee_due="" if window is None else short_day(window.due),
            fee_law="" if window is None else window.rule.citation,
        ).rstrip(".")
        return ResponseDeadlines(
            response=None,
            fee_payment=window,
            stopped=StoppedClock(
                on=on,
                remaining=remaining,
                unit=unit,
                resume_with=KEYWORDS.get(closer, str(closer)),
                reason=reason,
                awaiting=str(step.awaiting or ""),
            ),
            lapsed_on=None if window is None else window.due + _ONE_DAY,
            abandoned_on=self._abandoned_on(stop),
            events=events,
        )


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
    names = set(rule.policies_read)
    names.update(pause_policies)
    if calendar is not None:
        names.add("proclaimed_holidays")
        if not data_given:
            names.add("holiday_source")
    names.update(_ANCHOR_POLICIES.get(rule.anchor, ()))
    return tuple(sorted(names, key=POLICY_ORDER.__getitem__))


def respond(
    rules: RuleSet,
    events: Iterable[EventLike],
    circumstances: Circumstances = DEFAULT_CIRCUMSTANCES,
    *,
    received: date,
) -> ResponseDeadlines:
    """Walk a request's timeline through its response stage, under ``rules``.

    Args:
        rules: The regime's rule set (any version: the one in force is chosen).
        events: The request's events after its receipt, in date order (a case's
            events up to its response). Events the stage has no step for are
            passed over.
        circumstances: The body, division, policies and holiday data.
        received: The day the request was received.

    Returns:
        The response stage's deadlines, or why the clock is stopped, or when the
        request lapsed. It never raises for a timeline that
        :func:`timeline_problems` accepts.
    """
    events = tuple(events)
    version = rule_set(rules.regime, received)
    result, day0 = _walk(version, events, circumstances, received)
    by_day_zero = version.edition_policy and str(
        getattr(circumstances.policies, version.edition_policy)
    ) == version.edition_by_day_zero
    if by_day_zero and day0 != received:
        other = rule_set(rules.regime, day0)
        if other is not version:
            result, _ = _walk(other, events, circumstances, received)
    return result


def _walk(
    rules: RuleSet,
    events: Sequence[EventLike],
    circumstances: Circumstances,
    received: date,
) -> tuple[ResponseDeadlines, date]:
    walk = _Walk(rules, circumstances, received)
    for fact in events:
        walk.take(fact)
    return walk.result(), walk.day0


# -- later stages ----------------------------------------------------------------------

#: The policies an anchor reads.
_ANCHOR_POLICIES: Final = {
    Anchor.RESPONSE: ("requester_window_start",),
    Anchor.RESPONSE_ELSE_EXPIRY: ("requester_window_start",),
}


@attrs.frozen(kw_only=True)
class StageFacts:
    """The days a later stage can be anchored on, as far as they are known.

    Attributes:
        response_on: The date of the response.
        response_received_on: The day the requester received it.
        response_due: The last day for the response.
        review_requested_on: The day a review was asked for.
        review_outcome_on: The day of the review's outcome.
        review_due: The last day for the review.
        decision_on: The day a regulator's decision was sent.
    """

    response_on: date | None = None
    response_received_on: date | None = None
    response_due: date | None = None
    review_requested_on: date | None = None
    review_outcome_on: date | None = None
    review_due: date | None = None
    decision_on: date | None = None


def stage_anchor(
    rule: ClockRule, facts: StageFacts, policies: Policies
) -> tuple[date | None, list[ClockEvent]]:
    """Day 0 of a later stage under ``rule``, and how it was found; ``None`` if none.

    The anchor says which fact starts the stage; policy P10 chooses between the
    date of a response and the day the requester received it.
    """
    anchor = rule.under(policies).anchor
    events: list[ClockEvent] = []
    response = facts.response_on
    if response is not None and (
        anchor in _ANCHOR_POLICIES
        and policies.requester_window_start is RequesterWindowStart.RECEIVED_BY_REQUESTER
        and facts.response_received_on is not None
    ):
        response = facts.response_received_on
    if anchor is Anchor.RESPONSE:
        return response, events
    if anchor is Anchor.RESPONSE_ELSE_EXPIRY:
        return response if response is not None else facts.response_due, events
    if anchor is Anchor.EXPIRY_OR_LATE_RESPONSE:
        expiry = facts.response_due
        if facts.response_on is None or expiry is None:
            return expiry, events
        if facts.response_on <= expiry:
            events.append(
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=expiry,
                    description=(
                        f"The response was in time, so the period runs from "
                        f"{short_day(expiry)}, when the time to respond expired "
                        f"({rule.citation}(a))."
                    ),
                )
            )
            return expiry, events
        start = facts.response_received_on or facts.response_on
        events.append(
            ClockEvent(
                kind=EventKind.NOTE,
                on=start,
                description=(
                    f"The response was late (due {short_day(expiry)}), so the period "
                    f"runs from its receipt, {short_day(start)} ({rule.citation}(b))."
                ),
            )
        )
        return start, events
    if anchor is Anchor.REVIEW_REQUEST:
        return facts.review_requested_on, events
    if anchor is Anchor.REVIEW_OUTCOME:
        return facts.review_outcome_on, events
    if anchor is Anchor.REVIEW_OUTCOME_ELSE_EXPIRY:
        if facts.review_outcome_on is not None:
            return facts.review_outcome_on, events
        if facts.review_due is not None:
            events.append(
                ClockEvent(
                    kind=EventKind.NOTE,
                    on=facts.review_due,
                    description=(
                        "No review outcome, so the period runs from the expiry of the "
                        f"time for the review, {short_day(facts.review_due)}."
                    ),
                )
            )
        return facts.review_due, events
    if anchor is Anchor.DECISION_NOTICE:
        return facts.decision_on, events
    return None, events  # pragma: no cover - receipt and step anchors are not stages


def stage_deadline(
    rule: ClockRule,
    day_zero: date,
    circumstances: Circumstances = DEFAULT_CIRCUMSTANCES,
    *,
    received: date | None = None,
    events: Sequence[ClockEvent] = (),
    notes: Sequence[str] = (),
    authority_field: str = "",
) -> Deadline:
    """The deadline of a later stage under ``rule``, counted from ``day_zero``.

    Args:
        rule: The stage's rule.
        day_zero: The day the stage's anchor gives.
        circumstances: The policies, holiday data and the authority's windows.
        received: The day shown as received, if not day 0.
        events: What explains how day 0 was found.
        notes: Anything else to say.
        authority_field: The :class:`AuthorityPolicy` field that gives the length,
            instead of the rule's own (an extenuating window).
    """
    policies = circumstances.policies
    rule = rule.under(policies)
    field = authority_field or rule.authority_length
    if field:
        authority = circumstances.authority
        length = getattr(authority, field)
        if length != rule.length or authority.name != "code-of-practice":
            rule = attrs.evolve(
                rule,
                length=length,
                summary=(
                    f"{rule.summary} The authority's policy {authority.name!r} "
                    f"({authority.source}) gives {length} working days."
                ),
            )
    calendar = circumstances.calendar_for(rule, day_zero)
    due, rolled = period_end(rule, day_zero, calendar, (), policies)
    return Deadline(
        due=due,
        rule=rule,
        received=day_zero if received is None else received,
        day_zero=day_zero,
        calendar=calendar,
        policies=policies,
        policies_used=_used(
            rule, calendar, policies, (), data_given=circumstances.data is not None
        ),
        events=tuple(events),
        notes=tuple(notes),
        rolled_from=rolled,
    )


# -- timelines that cannot be true -----------------------------------------------------

_CLOSING: Final = frozenset(
    {
        CaseEventKind.WITHDRAWN,
        CaseEventKind.TRANSFERRED,
        CaseEventKind.FEES_NOTICE_LAPSED,
    }
)


def timeline_problems(
    rules: RuleSet, events: Sequence[EventLike], policies: Policies
) -> Iterator[tuple[int, str]]:
    """Why a timeline cannot be true under ``rules``: ``(index, problem)`` pairs.

    ``events`` must be in date order (and, on one day, in the order events can
    happen). What is checked needs no date arithmetic: which events the regime
    has, that each answers something open, that nothing follows the close of a
    case. Whether an event came in time is not a problem here: an event outside
    its window is a fact with no legal effect, which :func:`respond` records.
    """
    kinds = rules.event_kinds
    open_steps: set[Step] = set()
    responded = review_open = False
    closed_by: EventLike | None = None
    for index, event in enumerate(events):
        kind = event.kind
        if index == 0:
            if kind is not CaseEventKind.RECEIVED:
                yield index, (
                    "the first event must be the request being received; nothing can "
                    "happen before it"
                )
                return
            continue
        if closed_by is not None:
            yield index, f"the case was closed by {closed_by.kind} on {closed_by.on}"
            return
        problem = _kind_problem(rules, kinds, kind)
        if problem is None:
            problem = _order_problem(rules, event, open_steps, policies)
        if problem is None and kind is CaseEventKind.RESPONSE_SENT:
            problem = "a second response; record a review outcome instead" if (
                responded
            ) else None
            responded = True
        elif problem is None and kind is CaseEventKind.REVIEW_REQUESTED:
            if review_open:
                problem = "a review requested while another is open"
            review_open = True
        elif problem is None and kind is CaseEventKind.REVIEW_EXTENDED:
            problem = None if review_open else "a review extended with no review open"
        elif problem is None and kind is CaseEventKind.REVIEW_OUTCOME:
            problem = None if review_open else "a review outcome with no review requested"
            review_open = False
        if problem is not None:
            yield index, problem
            return
        if kind in _CLOSING:
            closed_by = event


def _kind_problem(
    rules: RuleSet, kinds: frozenset[CaseEventKind], kind: CaseEventKind
) -> str | None:
    if kind is CaseEventKind.RECEIVED:
        return "a case has one 'received' event; a new request is a new case"
    if kind in kinds:
        return None
    reason = rules.refusal(str(kind))
    return reason or f"{NOUNS[kind]} is not an event of {rules.label}"


def _order_problem(
    rules: RuleSet, event: EventLike, open_steps: set[Step], policies: Policies
) -> str | None:
    kind = event.kind
    step = rules.step(kind)
    if step is not None:
        if step.closed_by is not None:
            open_steps.add(step)
        if step.extends_to:
            extended = rules.rule(step.extends_to)
            if (
                extended.length_policy
                and event.estimate is None
                and getattr(policies, extended.length_policy) is None
            ):
                return (
                    f"{NOUNS[kind]} with no estimate, and no limit to fall back on "
                    f"(policy {POLICY_IDS[extended.length_policy]} "
                    f"{extended.length_policy}=None): give the estimate"
                )
        return None
    closer = rules.step_closed_by(kind)
    if closer is not None:
        if closer not in open_steps:
            return f"{NOUNS[kind]} with no {NOUNS[closer.kind].removeprefix('a ')} open ({closer.citation})"
        open_steps.discard(closer)
        return None
    if kind is CaseEventKind.FEES_NOTICE_LAPSED:
        fees = [s for s in open_steps if s.fee_rule]
        if not fees:
            return "a fees notice lapsed with no fees notice open"
        open_steps.difference_update(fees)
    return None
