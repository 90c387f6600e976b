"""The clock engine: deadlines, policies, and the arithmetic every rule shares.

A :class:`Deadline` is what every clock returns: the due date with the rule, the
law, day 0, the calendar and holiday data it was counted on, the policies applied,
what moved the clock, and the days it skipped, so that it can
:meth:`~Deadline.explain` itself.

Where the law or the regulators leave a question open, a named policy decides it
(:class:`Policies`, register P1 to P18); every policy has a default with a reason,
and each can be chosen per call.
"""

from __future__ import annotations

import calendar as _month_lengths
import enum
import functools
from collections.abc import Callable, Iterator, Sequence
from datetime import date, time, timedelta
from typing import Any, Final

import attrs

from foi_deadlines._dates import long_day
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.calendars import NonWorkingDay, WorkingDayCalendar, get_calendar
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.rules import ClockRule, Regime, Unit

__all__ = [
    "ClockEvent",
    "Deadline",
    "EventKind",
    "Pause",
    "Policies",
    "PolicyInfo",
    "add_months",
    "count_working_days",
    "policies_of",
    "policy_register",
    "roll_forward",
    "working_calendar",
    "working_days_late",
]

_ONE_DAY: Final = timedelta(days=1)


# -- policies --------------------------------------------------------------------------


def _one_of(*options: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in options:
            expected = "one of " + ", ".join(repr(o) for o in options)
            raise InvalidInputError(f"policies.{attribute.name}", value, expected)

    return check


def _cap(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 20:
        raise InvalidInputError(
            f"policies.{attribute.name}",
            value,
            "None (no cap) or a whole number of working days, at least 20",
        )


def _cutoff(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
        raise InvalidInputError(
            f"policies.{attribute.name}",
            value,
            "None or a datetime.time of UK local time, without a time zone",
        )


def _policy(
    default: object,
    validator: Callable[[Any, attrs.Attribute[Any], Any], None],
    *,
    id: str,
    question: str,
    options: str,
    reason: str,
) -> Any:
    return attrs.field(
        default=default,
        validator=validator,
        metadata={"id": id, "question": question, "options": options, "reason": reason},
    )


@attrs.frozen(kw_only=True)
class Policies:
    """The choices the law leaves open, with the library's defaults.

    Each field is one entry of the policy register; :func:`policy_register` lists
    them with the question, the options and the reason for the default. Pass a
    ``Policies`` to any clock to choose differently:

    >>> Policies(receipt="next_working_day").receipt
    'next_working_day'
    >>> Policies(receipt="monday")
    Traceback (most recent call last):
    ...
    foi_deadlines.errors.InvalidInputError: policies.receipt must be one of ...
    """

    receipt: str = _policy(
        "calendar",
        _one_of("calendar", "next_working_day"),
        id="P1",
        question="A request received on a non-working day",
        options=(
            "calendar: the day it arrived is day 0; next_working_day: it is taken as "
            "received on the next working day (the 2018 s45 Code, as reported)"
        ),
        reason=(
            "The Act counts from 'the day on which the public authority receives the "
            "request'; the ICO (LTT47), the Scottish Information Commissioner and "
            "WhatDoTheyKnow read it the same way."
        ),
    )
    office_hours_cutoff: time | None = _policy(  # noqa: RUF009 - an attrs.field
        None,
        _cutoff,
        id="P2",
        question="A request arriving after office hours",
        options=(
            "None: no cut-off; a time: a timestamp at or after it (UK time) is taken "
            "as received on the next working day"
        ),
        reason="No statute or regulator sets an office-hours cut-off.",
    )
    fee_pause: str = _policy(
        "literal",
        _one_of("literal", "notice_day_counts"),
        id="P3",
        question="Which working days a fees notice or advance payment pauses",
        options=(
            "literal: the notice day and the payment day are both disregarded; "
            "notice_day_counts: the notice day still counts"
        ),
        reason=(
            "FOIA s10(2) and EIR reg 8(6) disregard the period 'beginning with' the "
            "notice day and 'ending with' the day the fee is received."
        ),
    )
    fee_window: str = _policy(
        "beginning_with",
        _one_of("beginning_with", "corresponding_date"),
        id="P4",
        question="The last day of 'three months beginning with' the fees notice",
        options=(
            "beginning_with: the day before the corresponding date; "
            "corresponding_date: the corresponding date itself"
        ),
        reason=(
            "In UK drafting a period 'beginning with' a day includes that day, so it "
            "ends the day before the corresponding date."
        ),
    )
    public_interest_cap: int | None = _policy(
        40,
        _cap,
        id="P5",
        question="The longest a public interest extension may run",
        options=(
            "a number of working days from receipt (40 by default); None: only the "
            "authority's own estimate"
        ),
        reason=(
            "The Act says 'reasonable'; the ICO expects no more than 20 extra "
            "working days (40 in total) except in exceptional cases."
        ),
    )
    proclaimed_holidays: str = _policy(
        "latest_known",
        _one_of("latest_known", "as_known_at_receipt"),
        id="P6",
        question="A bank holiday proclaimed after the clock started",
        options=(
            "latest_known: every bank holiday now known counts; as_known_at_receipt: "
            "only those announced by day 0"
        ),
        reason=(
            "Whether a day is a working day is a fact about the day (s10(6)); the "
            "Scottish Information Commissioner treated the 2022 state funeral as "
            "non-working without qualification."
        ),
    )
    foisa_review_start: str = _policy(
        "statutory",
        _one_of("statutory", "sic_simplified"),
        id="P8",
        question="When the FOISA 40 working days to require a review start",
        options=(
            "statutory: from the expiry of the time to respond, or from receipt of a "
            "late response; sic_simplified: from the response"
        ),
        reason=(
            "FOISA s20(5) says so; the Scottish Information Commissioner's public "
            "pages simplify it to 40 working days from the response, and the "
            "statute's window never ends before that."
        ),
    )
    sic_application: str = _policy(
        "corresponding_date",
        _one_of("corresponding_date", "strict_before"),
        id="P9",
        question="The last day of the six months to apply to the SIC",
        options=(
            "corresponding_date: the same date six months on (the month's last day "
            "if there is none); strict_before: the day before"
        ),
        reason=(
            "'Before the expiry of six months after' a day: the period expires at "
            "the end of the corresponding date."
        ),
    )
    requester_window_start: str = _policy(
        "response_date",
        _one_of("response_date", "received_by_requester"),
        id="P10",
        question="When a requester's window to ask for a review starts",
        options=(
            "response_date: the date of the response; received_by_requester: the "
            "day the requester received it"
        ),
        reason=(
            "Authorities publish their windows from the date of the response; it is "
            "the earlier, so the requester is not misled into waiting."
        ),
    )
    sar_month: str = _policy(
        "ico",
        _one_of("ico", "beginning_with", "fixed_28_days"),
        id="P11",
        question="How subject access counts 'one month'",
        options=(
            "ico: the corresponding date (the month's last day if there is none), "
            "rolled to a working day; beginning_with: the day before, not rolled; "
            "fixed_28_days: 28 days, not rolled"
        ),
        reason="The ICO's published method, followed by the MoJ's case system.",
    )
    sar_extension: str = _policy(
        "from_relevant_time",
        _one_of("from_relevant_time", "chained"),
        id="P12",
        question="Where an extended subject access period ends",
        options=(
            "from_relevant_time: three months from the relevant time; chained: two "
            "months from the one-month date"
        ),
        reason="The ICO's wording ('a further two months') and the MoJ's tool.",
    )
    sar_pause: str = _policy(
        "inclusive",
        _one_of("inclusive", "exclusive", "roll_first"),
        id="P13",
        question="How a subject access clarification pause is counted",
        options=(
            "inclusive: the days from asking to the answer, both included, are added, "
            "then the date is rolled; exclusive: only the days strictly between; "
            "roll_first: roll, add, roll again"
        ),
        reason=(
            "Art 12A(5): the period 'beginning with' the day of asking and 'ending "
            "with' the day of the answer does not count."
        ),
    )
    tribunal_calendar: str = _policy(
        "england-and-wales",
        _one_of("england-and-wales", "uk"),
        id="P14",
        question="Whose bank holidays roll a First-tier Tribunal time limit forward",
        options=(
            "england-and-wales: where the Tribunal (GRC) sits; uk: a bank holiday "
            "anywhere in the UK"
        ),
        reason=(
            "Rule 12 excludes 'a bank holiday under section 1 of the Banking and "
            "Financial Dealings Act 1971' without naming a part of the UK; the "
            "chamber sits in England and Wales."
        ),
    )
    sar_roll: str = _policy(
        "division",
        _one_of("division", "uk"),
        id="P16",
        question="Whose public holidays roll a subject access date forward",
        options=(
            "division: the controller's part of the UK; uk: a bank holiday anywhere "
            "in the UK"
        ),
        reason="The ICO says 'public holiday', which is local to the controller.",
    )
    sar_transition: str = _policy(
        "receipt",
        _one_of("receipt", "relevant_time"),
        id="P18",
        question="Which subject access law applies to a request around 5 Feb 2026",
        options=(
            "receipt: by the date the request was received; relevant_time: by the "
            "relevant time"
        ),
        reason="The date of receipt is the simplest reading of SI 2026/82 reg 4.",
    )


@attrs.frozen(kw_only=True)
class PolicyInfo:
    """One entry of the policy register, for documentation and explanations.

    Attributes:
        id: The register's id, such as ``"P1"``.
        name: The :class:`Policies` field.
        question: The question it answers.
        options: The choices.
        default: The library's default.
        reason: Why that default.
    """

    id: str
    name: str
    question: str
    options: str
    default: object
    reason: str


def policy_register() -> tuple[PolicyInfo, ...]:
    """Every policy with its question, options, default and reason.

    >>> [p.id for p in policy_register()][:3]
    ['P1', 'P2', 'P3']
    """
    return tuple(
        PolicyInfo(
            id=field.metadata["id"],
            name=field.name,
            question=field.metadata["question"],
            options=field.metadata["options"],
            default=field.default,
            reason=field.metadata["reason"],
        )
        for field in attrs.fields(Policies)
    )


_DEFAULT_POLICIES: Final = Policies()
_POLICY_IDS: Final = {info.name: info.id for info in policy_register()}
_POLICY_ORDER: Final = {name: index for index, name in enumerate(_POLICY_IDS)}


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


@attrs.frozen(kw_only=True)
class ClockEvent:
    """Something that moved, stopped or explained a clock.

    Attributes:
        kind: What kind of change.
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
        events: What moved, stopped or explained the clock, in date order.
        notes: Anything else the reader must know.
        rolled_from: For a calendar-month or calendar-day period, the end before
            it was rolled forward to a working day.
    """

    due: date
    rule: ClockRule
    received: date
    day_zero: date
    calendar: WorkingDayCalendar | None
    policies: Policies = _DEFAULT_POLICIES
    policies_used: tuple[str, ...] = ()
    events: tuple[ClockEvent, ...] = ()
    notes: tuple[str, ...] = ()
    rolled_from: date | None = None

    def with_rule(self, rule: ClockRule) -> Deadline:
        """The same date and history under another rule.

        For deadlines that fall together, such as a FOIA refusal notice, due by the
        time for complying.
        """
        return Deadline(
            due=self.due,
            rule=rule,
            received=self.received,
            day_zero=self.day_zero,
            calendar=self.calendar,
            policies=self.policies,
            policies_used=self.policies_used,
            events=self.events,
            notes=self.notes,
            rolled_from=self.rolled_from,
        )

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
            (_POLICY_IDS[name], name, getattr(self.policies, name))
            for name in sorted(self.policies_used, key=_POLICY_ORDER.__getitem__)
        )

    @property
    def pauses(self) -> tuple[ClockEvent, ...]:
        """The pauses among :attr:`events`."""
        return tuple(e for e in self.events if e.kind is EventKind.PAUSE)

    @property
    def skipped(self) -> tuple[NonWorkingDay, ...]:
        """The non-working days the count passed over.

        For a working-day clock, every non-working day after day 0 up to the due
        date, outside any pause. For a period rolled forward, the days it rolled
        over.
        """
        if self.calendar is None:
            return ()
        if self.rule.unit is Unit.WORKING_DAYS:
            first, last = self.day_zero + _ONE_DAY, self.due
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

        It lists the days skipped, and why.

        >>> from foi_deadlines import response_due
        >>> print(response_due(date(2024, 12, 19)).explain())
        Response to a request (FOIA 2000): due by Wednesday 22 January 2025.
        ...
        """
        return "\n".join(self._explanation())

    def _explanation(self) -> Iterator[str]:
        rule = self.rule
        yield f"{rule.title} ({rule.regime.label}): due by {_long(self.due)}."
        kind = "law" if rule.statutory else "guidance, not statute"
        yield f"The rule: {rule.summary} Source: {rule.citation} ({kind})."
        if self.received != self.day_zero:
            yield f"Received: {_long(self.received)}."
        yield f"Day 0: {_long(self.day_zero)}, {rule.day_zero}."
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
            if holidays:
                yield "Days not counted after day 0:"
                for day in holidays:
                    yield f"  {day.describe()}"
                if weekends:
                    yield f"  and {weekend_days}."
            elif weekends:
                yield f"Days not counted after day 0: {weekend_days}."
        elif self.rolled_from is not None and skipped:
            yield (
                f"The period ends on {_long(self.rolled_from)}, which is not a working "
                f"day on calendar {definition.name!r} ({definition.excludes}), so the "
                "deadline moves to the next working day. Days passed over:"
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
    return value


def _long(day: date) -> str:
    return long_day(day)


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
    working day late.

    >>> uk = get_calendar("uk")
    >>> working_days_late(uk, date(2025, 2, 28), date(2025, 3, 1))
    1
    >>> working_days_late(uk, date(2025, 2, 28), date(2025, 2, 28))
    0
    """
    if day <= due:
        return 0
    return calendar._count(due, roll_forward(calendar, day))


def roll_forward(calendar: WorkingDayCalendar, day: date) -> date:
    """``day`` if it is a working day, otherwise the next working day.

    >>> roll_forward(get_calendar("england-and-wales"), date(2024, 3, 29))
    datetime.date(2024, 4, 2)
    """
    return calendar._offset(day, 1) if not calendar._is_working(day) else day


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
    it.

    >>> uk = get_calendar("uk")
    >>> # Received Mon 3 Mar 2025; fees notice Mon 10 Mar; paid Mon 24 Mar.
    >>> fees = Pause(start=date(2025, 3, 10), end=date(2025, 3, 24))
    >>> count_working_days(uk, date(2025, 3, 3), 20, [fees])
    datetime.date(2025, 4, 15)
    """
    if not pauses:
        return calendar._offset(day_zero, length)
    remaining = length
    cursor = day_zero
    for pause in sorted(pauses, key=lambda p: p.start):
        # The working days after the cursor and before the pause (or up to and
        # including its first day, when that still counts). Day 0 never counts.
        before = 0
        if pause.start > cursor:
            before = calendar._count(cursor, pause.start)
            if not notice_day_counts and calendar._is_working(pause.start):
                before -= 1
        if before >= remaining:
            break
        remaining -= before
        cursor = max(cursor, pause.end)
    return calendar._offset(cursor, remaining)


def working_calendar(
    name: str, data: HolidayData | None, policies: Policies, day_zero: date
) -> WorkingDayCalendar:
    """The calendar a clock counts on, with the holiday data policy P6 chooses."""
    if policies.proclaimed_holidays == "as_known_at_receipt":
        data = (data or HolidayData.bundled()).as_known_on(day_zero)
    elif data is None:
        return _bundled_calendar(name)
    return get_calendar(name, data=data)


@functools.cache
def _bundled_calendar(name: str) -> WorkingDayCalendar:
    return get_calendar(name)


def policies_of(policies: Policies | None) -> Policies:
    """``policies``, or the defaults."""
    if policies is None:
        return _DEFAULT_POLICIES
    if not isinstance(policies, Policies):
        raise InvalidInputError(
            "policies", policies, "a foi_deadlines.Policies or None"
        )
    return policies
