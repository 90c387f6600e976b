"""The response stage: one walk over a timeline, step by step, under a rule set."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Final, NamedTuple, Protocol

import attrs

from foi_deadlines._dates import london, short_day
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.calendars import WorkingDayCalendar
from foi_deadlines.clocks._counting import (
    DEFAULT_CIRCUMSTANCES,
    Circumstances,
    _counted_before,
    _merge,
    _used,
    add_months,
    count_working_days,
    holiday_key,
    period_end,
)
from foi_deadlines.clocks._deadline import ClockEvent, Deadline, EventKind, Pause
from foi_deadlines.errors import ClockStoppedError, InvalidInputError, TimelineError
from foi_deadlines.holiday_store import default_data
from foi_deadlines.rules import (
    ClockRule,
    End,
    Modifier,
    RuleSet,
    Step,
    Unit,
    Window,
    rule_set,
)
from foi_deadlines.rules._policies import (
    FeePause,
    ProclaimedHolidays,
    Receipt,
    SarPause,
)
from foi_deadlines.timeline import KEYWORDS, NOUNS, CaseEventKind

__all__ = [
    "EventLike",
    "Fact",
    "ResponseDeadlines",
    "StoppedClock",
    "respond",
    "walk_response",
]

_ONE_DAY: Final = timedelta(days=1)


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


#: How the explanation names the end of each kind of window.
_WINDOW_ENDS: Final = {
    Window.BASE: "the end of the time for complying",
    Window.CURRENT: "the end of the period",
    Window.NOTICE: "the last day for notice of an extension",
}


def _on(event: ClockEvent) -> date:
    return event.on


@attrs.define
class _Stop:
    step: Step
    on: date | None
    fee_window: Deadline | None = None


class _Plan:
    """What a rule set and the circumstances fix for every walk under them.

    The rules as the policies make them, the body's substitution, the calendars
    and the policies each deadline reads: worked out once, then shared.
    """

    __slots__ = (
        "_by_rule",
        "_calendars",
        "_rules",
        "_used",
        "allowed_days",
        "base",
        "body_event",
        "calendar",
        "circ",
        "deems",
        "extra_used",
        "first_counts",
        "key",
        "notes",
        "plain",
        "policies",
        "refusal",
        "rules",
        "simple",
        "specified",
        "standard",
    )

    def __init__(self, rules: RuleSet, circumstances: Circumstances, key: date) -> None:
        self.rules = rules
        self.circ = circumstances
        self.policies = policies = circumstances.policies
        self.key = key
        self.standard = rules.rule(rules.response)
        self.notes: tuple[str, ...] = ()
        self.body_event = ""
        self.allowed_days: frozenset[date] | None = None
        self.specified: date | None = None
        base = self.standard
        body = None if circumstances.body is None else rules.body(circumstances.body)
        if body is not None:
            base = rules.rule(body.response)
            self.body_event = body.event
            if base.specified_day:
                self.specified = getattr(circumstances, base.specified_day)
                if self.specified is None:
                    base = rules.rule(body.fallback or rules.response)
                    self.notes = (body.without_option,)
            if base.counts_only:
                self.allowed_days = getattr(circumstances, base.counts_only)
                if self.allowed_days is None:
                    self.notes = (body.without_option,)
        self.base = base.under(policies)
        self.refusal = rules.optional_rule(rules.refusal_notice)
        self._calendars: dict[str | None, WorkingDayCalendar | None] = {}
        self._by_rule: dict[str, WorkingDayCalendar | None] = {}
        self.calendar = self.calendar_of(self.base)
        self.deems = rules.calendar is not None and (
            policies.receipt is not Receipt.CALENDAR
            or policies.office_hours_cutoff is not None
        )
        self.first_counts = policies.fee_pause is FeePause.NOTICE_DAY_COUNTS
        extra: list[str] = []
        if rules.calendar is not None:
            extra.append("receipt")
        if policies.office_hours_cutoff is not None:
            extra.append("office_hours_cutoff")
        if rules.edition_policy:
            extra.append(rules.edition_policy)
        self.extra_used = tuple(extra)
        self._used: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {}
        self._rules: dict[str, ClockRule] = {}
        self.plain = body is None and not self.deems
        # A base period counted as plain working days after day 0.
        self.simple = (
            self.base.unit is Unit.WORKING_DAYS
            and self.base.end is End.AFTER
            and not self.base.counts_only
            and self.specified is None
            and self.calendar is not None
        )

    def unmoved(self, received: date) -> Deadline | None:
        """The deadline of a request nothing has happened to, without a walk.

        It is the deadline a walk over no events gives; ``None`` where even that
        needs the walk: a body with its own time, or a receipt the policies deem
        to be on another day.
        """
        if not self.plain:
            return None
        base = self.base
        due, rolled = period_end(base, received, self.calendar, (), self.policies)
        return Deadline(
            due=due,
            rule=base,
            received=received,
            day_zero=received,
            calendar=self.calendar,
            policies=self.policies,
            policies_used=self.used(base, _NO_POLICIES),
            rolled_from=rolled,
        )

    def rule(self, rule_id: str) -> ClockRule:
        """The set's rule ``rule_id`` as the policies make it."""
        found = self._rules.get(rule_id)
        if found is None:
            found = self._rules[rule_id] = self.rules.rule(rule_id).under(self.policies)
        return found

    def calendar_of(self, rule: ClockRule) -> WorkingDayCalendar | None:
        try:
            return self._by_rule[rule.id]
        except KeyError:
            pass
        name = self.circ.calendar_name(rule)
        if name not in self._calendars:
            self._calendars[name] = (
                None if name is None else self.circ.calendar_for(rule, self.key)
            )
        found = self._by_rule[rule.id] = self._calendars[name]
        return found

    def used(self, rule: ClockRule, pause_policies: frozenset[str]) -> tuple[str, ...]:
        """The policies a deadline under ``rule`` read."""
        key = (rule.id, pause_policies)
        found = self._used.get(key)
        if found is None:
            found = _used(
                rule,
                self.calendar_of(rule),
                self.policies,
                pause_policies,
                data_given=self.circ.data is not None,
            )
            found = self._used[key] = _merge(found, self.extra_used)
        return found


@functools.lru_cache(maxsize=512)
def _plan(
    rules: RuleSet,
    circumstances: Circumstances,
    key: date,
    _holidays: HolidayData | None,
) -> _Plan:
    """A plan, remembered per the holiday data it counts on (:func:`holiday_key`)."""
    return _Plan(rules, circumstances, key)


def _plan_for(rules: RuleSet, circumstances: Circumstances, received: date) -> _Plan:
    """The plan for a request received on ``received``.

    Its calendars depend on the day only where policy P6 counts the holidays as
    known at receipt.
    """
    key = (
        received
        if circumstances.policies.proclaimed_holidays
        is ProclaimedHolidays.AS_KNOWN_AT_RECEIPT
        else _NO_DAY
    )
    return _plan(rules, circumstances, key, holiday_key(circumstances.data))


_NO_DAY: Final = date(2000, 1, 1)
_NO_POLICIES: Final[frozenset[str]] = frozenset()


class _Walk:
    """One pass over a timeline for the response stage."""

    __slots__ = (
        "_deadlines",
        "_final",
        "abandoned_on",
        "allowed_days",
        "base",
        "base_due",
        "base_rolled",
        "calendar",
        "circ",
        "closed",
        "day0",
        "day0_is",
        "deems",
        "events",
        "ext_basis",
        "ext_note",
        "ext_rolled",
        "ext_rule",
        "extension",
        "fee_window",
        "final_due",
        "ineffective",
        "lapsed_on",
        "notes",
        "notice",
        "pause_policies",
        "pauses",
        "plan",
        "policies",
        "received",
        "rules",
        "sorted_events",
        "specified",
        "standard",
        "stops",
    )

    def __init__(
        self, plan: _Plan, received: date, arrived_at: datetime | None
    ) -> None:
        self.plan = plan
        self.rules = plan.rules
        self.circ = plan.circ
        self.policies = plan.policies
        self.received = received
        self.events: list[ClockEvent] = []
        self.notes: list[str] = list(plan.notes) if plan.notes else []
        self.standard = plan.standard
        self.base = plan.base
        self.calendar = plan.calendar
        self.allowed_days = plan.allowed_days
        self.specified = plan.specified
        self.deems = plan.deems
        if plan.body_event:
            shown = received if self.specified is None else self.specified
            self.events.append(
                ClockEvent(
                    kind=EventKind.SUBSTITUTE,
                    on=shown,
                    description=plan.body_event.format(on=short_day(shown)),
                )
            )
        self.day0 = received
        self.day0_is = ""
        if self.deems:
            self.day0 = self._deem(received, "request", arrived_at)
        self.pauses: list[Pause] = []
        self.pause_policies: frozenset[str] = _NO_POLICIES
        self.stops: dict[Step, _Stop] = {}
        self.ineffective: set[Step] = set()
        self.extension: tuple[Step, EventLike] | None = None
        self.fee_window: Deadline | None = None
        self.lapsed_on: date | None = None
        self.abandoned_on: date | None = None
        self.closed = False

    # -- calendars and counting --------------------------------------------------

    def calendar_of(self, rule: ClockRule) -> WorkingDayCalendar | None:
        return self.plan.calendar_of(rule)

    def _deem(self, day: date, what: str, arrived: datetime | None) -> date:
        """Day 0 for something received on ``day``, under policies P1 and P2."""
        calendar = self.calendar
        assert calendar is not None
        cutoff = self.policies.office_hours_cutoff
        if arrived is not None and cutoff is not None:
            local = arrived
            if arrived.tzinfo is not None and arrived.utcoffset() is not None:
                local = arrived.astimezone(london())
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
        first_counts = self.plan.first_counts
        limit_length = rule.limit if rule.limit is not None else rule.length
        limit = count_working_days(
            calendar,
            self.day0,
            limit_length,
            self.pauses,
            notice_day_counts=first_counts,
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
        first_counts = self.plan.first_counts
        return any(
            (p.start < day if first_counts else p.start <= day) and day <= p.end
            for p in self.pauses
        )

    def _base_end(self) -> date:
        return self.end_of(self.base)[0]

    def _current_end(self) -> date:
        if self.extension is None:
            return self._base_end()
        return self.extended(*self.extension)[0]

    def extended(self, step: Step, fact: EventLike) -> tuple[date, str, str]:
        """The end of an extension that took effect, why, and a note if capped."""
        rule = self.plan.rule(step.extends_to)
        base_due = self._base_end()
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
                notice_day_counts=self.plan.first_counts,
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
            limit = self._base_end()
        elif step.window is Window.CURRENT:
            limit = self._current_end()
        else:
            limit = (
                self.end_of(self.plan.rule(step.notice_rule))[0]
                if step.notice_rule
                else self._base_end()
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
        assert fact.on is not None
        assert limit is not None
        which = _WINDOW_ENDS[step.window]
        noun = NOUNS[fact.kind]
        self.events.append(
            ClockEvent(
                kind=EventKind.NO_EFFECT,
                on=fact.on,
                description=(
                    f"{noun[0].upper()}{noun[1:]} on {short_day(fact.on)}, after "
                    f"{which} ({short_day(limit)}): no effect ({step.window_law})."
                ),
            )
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
        self.events.append(
            ClockEvent(kind=EventKind.NOTE, on=fact.on, description=text)
        )

    def _fee_window(self, step: Step, notice: date) -> Deadline:
        rule = self.plan.rule(step.fee_rule)
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
            self.pause_policies = self.pause_policies | {step.pause_policy}
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
            first_counts = self.plan.first_counts
            low = max(start - _ONE_DAY, self.day0)
            count = calendar.working_days_between(low, end, warn=False)
            if (
                first_counts
                and start > self.day0
                and calendar.is_working_day(start, warn=False)
            ):
                count -= 1
            return f"{count} working day{'s' if count != 1 else ''}"
        span = (end - start).days
        count = (
            max(span - 1, 0)
            if self.policies.sar_pause is SarPause.EXCLUSIVE
            else (span + 1)
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
                    description=step.applied.format(
                        on=short_day(day), law=step.citation
                    ),
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
        events: tuple[ClockEvent, ...] = ()
        if self.events or extra:
            events = tuple(sorted([*self.events, *extra], key=_on))
        all_notes = tuple(self.notes)
        if notes:
            all_notes = (*all_notes, *notes)
        return Deadline(
            due=due,
            rule=rule,
            received=self.received,
            day_zero=self.day0,
            calendar=self.calendar_of(rule),
            policies=self.policies,
            policies_used=self.plan.used(rule, self.pause_policies),
            events=events,
            notes=all_notes,
            rolled_from=rolled_from,
            day_zero_is=self.day0_is,
        )

    def finish(self) -> _Walk:
        """Work out the dates, once the timeline has been walked; return the walk."""
        self.sorted_events = tuple(sorted(self.events, key=_on)) if self.events else ()
        self.base_due: date | None = None
        self.final_due: date | None = None
        self._deadlines: ResponseDeadlines | None = None
        self._final: Deadline | None = None
        if self.closed or self.stops:
            return self
        if self.plan.simple and not self.pauses:
            self.base_due = self.calendar.add_working_days(  # type: ignore[union-attr]
                self.day0, self.base.length, warn=False
            )
            self.base_rolled = None
        else:
            self.base_due, self.base_rolled = self.end_of(self.base)
        self.final_due = self.base_due
        if self.extension is not None:
            step, fact = self.extension
            self.ext_rule = rule = self.plan.rule(step.extends_to)
            ext_due, self.ext_basis, self.ext_note = self.extended(step, fact)
            self.ext_rolled = None
            if rule.unit is not Unit.WORKING_DAYS:
                ext_due, self.ext_rolled = self.end_of(rule)
            self.final_due = ext_due
            self.notice = None
            if step.notice_rule:
                notice_rule = self.plan.rule(step.notice_rule)
                self.notice = (notice_rule, *self.end_of(notice_rule))
        return self

    def final_deadline(self) -> Deadline | None:
        """The response deadline (extended, where an extension took effect)."""
        if self._final is None and self.final_due is not None:
            if self.extension is None:
                self._final = self.deadline(self.base, self.final_due, self.base_rolled)
            else:
                self._final = self._extended_deadline()
        return self._final

    def _extended_deadline(self) -> Deadline:
        assert self.extension is not None
        assert self.final_due is not None
        step, fact = self.extension
        on = fact.on or self.day0
        notice_due = self.base_due if self.notice is None else self.notice[1]
        assert notice_due is not None
        event = ClockEvent(
            kind=EventKind.EXTENSION,
            on=on,
            description=step.applied.format(
                law=step.citation,
                due=short_day(self.final_due),
                basis=self.ext_basis,
                notice_due=short_day(notice_due),
                on=short_day(on),
            ),
        )
        return self.deadline(
            self.ext_rule,
            self.final_due,
            self.ext_rolled,
            [event],
            (self.ext_note,) if self.ext_note else (),
        )

    def deadlines(self) -> ResponseDeadlines:
        """Every deadline of the stage, made once and kept."""
        if self._deadlines is None:
            self._deadlines = self._result()
        return self._deadlines

    def _result(self) -> ResponseDeadlines:
        events = self.sorted_events
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
        assert self.base_due is not None
        response = self.final_deadline()
        assert response is not None
        base = (
            response
            if self.extension is None
            else self.deadline(self.base, self.base_due, self.base_rolled)
        )
        refusal = (
            None if self.plan.refusal is None else base.with_rule(self.plan.refusal)
        )
        if self.extension is None:
            return ResponseDeadlines(
                response=response,
                refusal_notice=refusal,
                fee_payment=self.fee_window,
                events=events,
            )
        step = self.extension[0]
        notice = None
        if self.notice is not None:
            notice = self.deadline(*self.notice)
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
                first_day_counts=self.plan.first_counts,
            )
            remaining, unit = max(length - elapsed, 0), Unit.WORKING_DAYS
        else:
            rule = self.base
            if self.extension is not None:
                rule = self.plan.rule(self.extension[0].extends_to)
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


def unmoved_response(rules: RuleSet, received: date) -> Deadline | None:
    """The response deadline of a request nothing has happened to, without a walk.

    It is what ``respond(rules, (), received=received).response`` gives for a rule
    set in force on ``received`` under the default circumstances; ``None`` where
    the plan needs the walk even then. The engine's fast path.
    """
    return _default_plan(rules, default_data()).unmoved(received)


@functools.lru_cache(maxsize=64)
def _default_plan(rules: RuleSet, holidays: HolidayData) -> _Plan:
    """The plan under the default circumstances, for any day of receipt.

    The default policies count the holidays known now (P6 latest_known), so one
    plan serves every day (see :func:`_plan_for`); ``holidays`` is the default
    data it counts on, as its key.
    """
    return _plan(rules, DEFAULT_CIRCUMSTANCES, _NO_DAY, holidays)


def respond(
    rules: RuleSet,
    events: Iterable[EventLike],
    circumstances: Circumstances = DEFAULT_CIRCUMSTANCES,
    *,
    received: date,
    arrived_at: datetime | None = None,
) -> ResponseDeadlines:
    """Walk a request's timeline through its response stage, under ``rules``.

    Args:
        rules: The regime's rule set (any version: the one in force is chosen).
        events: The request's events after its receipt, in date order (a case's
            events up to its response). Events the stage has no step for are
            passed over.
        circumstances: The body, division, policies and holiday data.
        received: The day the request was received.
        arrived_at: The timestamp of the request, where known (policy P2).

    Returns:
        The response stage's deadlines, or why the clock is stopped, or when the
        request lapsed. It never raises for a timeline that
        :func:`timeline_problems` accepts.
    """
    return walk_response(
        rules, events, circumstances, received=received, arrived_at=arrived_at
    ).deadlines()


def walk_response(
    rules: RuleSet,
    events: Iterable[EventLike],
    circumstances: Circumstances = DEFAULT_CIRCUMSTANCES,
    *,
    received: date,
    arrived_at: datetime | None = None,
) -> _Walk:
    """The walk behind :func:`respond`, for callers that need only some of it.

    Its dates (``base_due``, ``final_due``) are worked out at once; the
    deadlines, with their explanations, only when asked for.
    """
    version = rule_set(rules.regime, received)
    kinds = version.clock_kinds
    facts = tuple(
        event if type(event) is Fact else Fact(event.kind, event.on, event.estimate)
        for event in events
        if event.kind in kinds
    )
    return walked(version, facts, circumstances, received, arrived_at)


def walked(
    version: RuleSet,
    events: tuple[Fact, ...],
    circumstances: Circumstances,
    received: date,
    arrived_at: datetime | None,
) -> _Walk:
    """The walk for the events that can move the clock, remembered.

    The result is a pure function of its arguments, all immutable, and of the
    holiday data it counts on: requests received on one day with the same steps
    share one walk, and a case asked for its status and its deadlines walks its
    timeline once.
    """
    return _walked(
        version,
        events,
        circumstances,
        received,
        arrived_at,
        holiday_key(circumstances.data),
    )


@functools.lru_cache(maxsize=65536)
def _walked(
    version: RuleSet,
    events: tuple[Fact, ...],
    circumstances: Circumstances,
    received: date,
    arrived_at: datetime | None,
    _holidays: HolidayData | None,
) -> _Walk:
    walk = _walk(version, events, circumstances, received, arrived_at)
    by_day_zero = (
        version.edition_policy
        and str(getattr(circumstances.policies, version.edition_policy))
        == version.edition_by_day_zero
    )
    if by_day_zero and walk.day0 != received:
        other = rule_set(version.regime, walk.day0)
        if other is not version:
            walk = _walk(other, events, circumstances, received, arrived_at)
    return walk


def _walk(
    rules: RuleSet,
    events: Sequence[EventLike],
    circumstances: Circumstances,
    received: date,
    arrived_at: datetime | None,
) -> _Walk:
    plan = _plan_for(rules, circumstances, received)
    if not events and plan.plain:
        return _Unmoved(plan, received)
    walk = _Walk(plan, received, arrived_at)
    for fact in events:
        walk.take(fact)
    return walk.finish()


class _Unmoved(_Walk):
    """The walk of a request nothing has happened to: the plan's answer, at once.

    It gives what a :class:`_Walk` over no events gives (the property tests compare
    the two), without the walk.
    """

    __slots__ = ()

    def __init__(self, plan: _Plan, received: date) -> None:
        final = plan.unmoved(received)
        assert final is not None
        self.plan = plan
        self.rules = plan.rules
        self.received = self.day0 = received
        self._final = final
        self.base_due = self.final_due = final.due
        self.lapsed_on = self.abandoned_on = None
        self._deadlines = None

    def final_deadline(self) -> Deadline | None:
        return self._final

    def deadlines(self) -> ResponseDeadlines:
        if self._deadlines is None:
            final = self._final
            assert final is not None
            refusal = self.plan.refusal
            self._deadlines = ResponseDeadlines(
                response=final,
                refusal_notice=None if refusal is None else final.with_rule(refusal),
            )
        return self._deadlines
