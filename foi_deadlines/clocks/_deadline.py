"""What every clock returns: a deadline that can explain itself."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date, time, timedelta
from typing import Final

import attrs

from foi_deadlines._dates import long_day
from foi_deadlines.calendars import NonWorkingDay, WorkingDayCalendar
from foi_deadlines.rules import ClockRule, End, Policies, Regime, Unit
from foi_deadlines.rules._policies import DEFAULT_POLICIES, POLICY_IDS, POLICY_ORDER

__all__ = ["ClockEvent", "Deadline", "EventKind", "Pause"]

_ONE_DAY: Final = timedelta(days=1)


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
            day_zero_is=self.day_zero_is,
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
            (POLICY_IDS[name], name, getattr(self.policies, name))
            for name in sorted(self.policies_used, key=POLICY_ORDER.__getitem__)
        )

    @property
    def pauses(self) -> tuple[ClockEvent, ...]:
        """The pauses among :attr:`events`."""
        return tuple(e for e in self.events if e.kind is EventKind.PAUSE)

    @property
    def _counts_day_zero(self) -> bool:
        return (
            self.rule.unit is Unit.WORKING_DAYS and self.rule.end is End.BEGINNING_WITH
        )

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
        if rule.end is End.BEGINNING_WITH:
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
