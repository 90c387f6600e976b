"""Cases: a request's timeline of events, and everything derived from it.

A :class:`Case` is an immutable value: the regime, the authority's policies and an
ordered timeline of :class:`~foi_deadlines.timeline.CaseEvent`. Nothing is stored
that can be derived: the deadlines in play, which one is current, and the status on
a given day are all computed from the events by the one engine
(:mod:`foi_deadlines.clocks`), so a clarification, an extension or a newly
proclaimed bank holiday moves every date it should, and an event the law does not
let take effect (an extension notified too late) moves none.

A timeline that cannot be true under the regime's rules is refused when the case is
made. A case that is made has a status on every day the library supports:
:meth:`Case.status` does not raise for it.

>>> from datetime import date
>>> case = Case.received(date(2024, 12, 19), reference="FOI-1")
>>> case.status(as_of=date(2025, 1, 20)).code
<StatusCode.DUE_SOON: 'due_soon'>
>>> sent = CaseEvent(kind="response_sent", on=date(2025, 1, 21), outcome="provided")
>>> case = case.with_event(sent)
>>> case.status(as_of=date(2025, 1, 21)).code
<StatusCode.RESPONDED_IN_TIME: 'responded_in_time'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import to_uk_date
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_SUPPORTED_DAY,
    Division,
    HolidayData,
)
from foi_deadlines.calendars import supported_day
from foi_deadlines.clocks import (
    Circumstances,
    Deadline,
    ResponseDeadlines,
    StageFacts,
    circumstances_of,
    stage_anchor,
    stage_deadline,
    timeline_problems,
    working_days_overdue,
)
from foi_deadlines.clocks._response import Fact, _Walk, walked
from foi_deadlines.errors import InvalidInputError, NotApplicableError, TimelineError
from foi_deadlines.rules import (
    AuthorityPolicy,
    Awaiting,
    Body,
    ClockRule,
    Policies,
    Regime,
    RuleSet,
    rule_set,
)
from foi_deadlines.rules._policies import authority_policy_of, policies_of
from foi_deadlines.timeline import (
    RANK,
    CaseEvent,
    CaseEventKind,
    Outcome,
    ReviewOutcome,
    sort_key,
)

__all__ = [
    "Case",
    "CaseDeadlines",
    "CaseEvent",
    "CaseEventKind",
    "CaseStatus",
    "Outcome",
    "ReviewOutcome",
    "StatusCode",
]


class StatusCode(enum.StrEnum):
    """Where a case stands on a given day."""

    AWAITING_CLARIFICATION = "awaiting_clarification"
    AWAITING_FEE = "awaiting_fee"
    IN_TIME = "in_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    RESPONDED_IN_TIME = "responded_in_time"
    RESPONDED_WITHIN_EXTENSION = "responded_within_extension"
    RESPONDED_LATE = "responded_late"
    REVIEW_OPEN = "review_open"
    REVIEW_OVERDUE = "review_overdue"
    LAPSED = "lapsed"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The status in plain words, such as ``"Responded in time"``."""
        return _LABELS[self]

    def summary(
        self,
        *,
        working_days_left: int | None = None,
        working_days_overdue: int | None = None,
    ) -> str:
        """The status in a few words, with the working days left or overdue.

        What :attr:`CaseStatus.summary` says for a status with these counts.

        >>> StatusCode.OVERDUE.summary(working_days_overdue=3)
        'Overdue by 3 working days'
        >>> StatusCode.DUE_SOON.summary(working_days_left=0)
        'Due soon: due today'
        """
        label = self.label
        if working_days_overdue is not None:
            return f"{label} by {_working_days(working_days_overdue)}"
        if working_days_left is not None:
            if working_days_left == 0:
                return f"{label}: due today"
            return f"{label}: {_working_days(working_days_left)} left"
        return label


_LABELS: Final = {
    StatusCode.AWAITING_CLARIFICATION: "Awaiting clarification",
    StatusCode.AWAITING_FEE: "Awaiting fee",
    StatusCode.IN_TIME: "In time",
    StatusCode.DUE_SOON: "Due soon",
    StatusCode.OVERDUE: "Overdue",
    StatusCode.RESPONDED_IN_TIME: "Responded in time",
    StatusCode.RESPONDED_WITHIN_EXTENSION: "Responded within extension",
    StatusCode.RESPONDED_LATE: "Responded late",
    StatusCode.REVIEW_OPEN: "Review open",
    StatusCode.REVIEW_OVERDUE: "Review overdue",
    StatusCode.LAPSED: "Lapsed",
    StatusCode.CLOSED: "Closed",
}


#: The status of a clock stopped for each thing it can wait for.
_AWAITING: Final = {
    Awaiting.CLARIFICATION: StatusCode.AWAITING_CLARIFICATION,
    Awaiting.FEE: StatusCode.AWAITING_FEE,
}
#: Events that close a case before a response, and the status they give it.
_CLOSED_AS: Final = {
    CaseEventKind.WITHDRAWN: StatusCode.CLOSED,
    CaseEventKind.TRANSFERRED: StatusCode.CLOSED,
    CaseEventKind.FEES_NOTICE_LAPSED: StatusCode.LAPSED,
}


@attrs.frozen(kw_only=True)
class CaseStatus:
    """A case's status on one day.

    Attributes:
        code: The status.
        as_of: The day it is for.
        deadline: The current deadline, if any.
        working_days_left: Working days from ``as_of`` to the deadline (0 on the day
            itself), while it is not passed.
        working_days_overdue: Working days after the deadline up to and including
            ``as_of``, when it has passed (0 on a weekend straight after it).
        detail: The status in a sentence.
        later_events: Events dated after ``as_of``, which the status leaves out.
    """

    code: StatusCode
    as_of: date
    deadline: Deadline | None
    working_days_left: int | None
    working_days_overdue: int | None
    detail: str
    later_events: int = 0

    @property
    def summary(self) -> str:
        """The status in a few plain words, for a tracker's status column.

        Such as ``"In time: 12 working days left"``, ``"Due soon: due today"``,
        ``"Overdue by 3 working days"`` or ``"Responded in time"``: always the
        code's :attr:`~StatusCode.label` first.
        """
        return self.code.summary(
            working_days_left=self.working_days_left,
            working_days_overdue=self.working_days_overdue,
        )


def _working_days(count: int) -> str:
    return f"{count} working day{'' if count == 1 else 's'}"


@attrs.frozen(kw_only=True)
class CaseDeadlines:
    """Every deadline in play for a case.

    Attributes:
        response: The response stage (see
            :class:`~foi_deadlines.clocks.ResponseDeadlines`), or ``None`` once
            the case closed without a response.
        review_request: The requester's window to ask for a review.
        review: The authority's time to complete a review.
        regulator: The window to complain to the regulator.
        tribunal: The window to appeal a decision notice.
    """

    response: ResponseDeadlines | None
    review_request: Deadline | None = None
    review: Deadline | None = None
    regulator: Deadline | None = None
    tribunal: Deadline | None = None

    def all(self) -> tuple[Deadline, ...]:
        """Every deadline present."""
        found = list(self.response.all()) if self.response is not None else []
        found += [
            d
            for d in (self.review_request, self.review, self.regulator, self.tribunal)
            if d is not None
        ]
        return tuple(found)


def _events(value: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError("events", value, "a sequence of CaseEvent")
    events = tuple(value)
    for index, event in enumerate(events):
        if not isinstance(event, CaseEvent):
            raise InvalidInputError(f"events[{index}]", event, "a CaseEvent")
    return tuple(sorted(events, key=sort_key))


def _text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, value, "a string")


def _regime_of(value: object) -> Regime:
    return member_of(Regime, value, "regime")


def _body_of(value: object) -> Body | None:
    return None if value is None else member_of(Body, value, "body")


def _division_of(value: object) -> Division:
    return member_of(Division, value, "division")


def _authority(value: object) -> AuthorityPolicy:
    return authority_policy_of(value, "policy")


@attrs.frozen(kw_only=True, cache_hash=True)
class Case:
    """One request, as a timeline of events.

    Events are kept in date order (and, on one day, in the order they can happen),
    so the same events make the same case whatever order they were added in. A
    timeline that cannot be true under the regime's rules is refused when the case
    is made, naming the event and the rule.

    Attributes:
        events: What happened, in order; the first is always ``received``.
        regime: The regime the request falls under.
        reference: The case system's reference.
        body: A kind of authority with its own time for compliance.
        division: Subject access: the controller's part of the UK.
        policy: The authority's published review windows.
        policies: The choices where the law is open.
    """

    events: tuple[CaseEvent, ...] = attrs.field(converter=_events)
    regime: Regime = attrs.field(default=Regime.FOIA, converter=_regime_of)
    reference: str = attrs.field(default="", validator=_text)
    body: Body | None = attrs.field(default=None, converter=_body_of)
    division: Division = attrs.field(
        default=Division.ENGLAND_AND_WALES, converter=_division_of
    )
    policy: AuthorityPolicy = attrs.field(factory=AuthorityPolicy, converter=_authority)
    policies: Policies = attrs.field(default=None, converter=policies_of)
    # Derived once: the rules, the circumstances, the latest event of each kind.
    _rules: RuleSet = attrs.field(init=False, eq=False, repr=False, hash=False)
    _circumstances: Circumstances = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _latest: Mapping[CaseEventKind, CaseEvent] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _shape: _Shape = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not self.events:
            raise InvalidInputError("events", (), "at least the 'received' event")
        rules = rule_set(self.regime, self.events[0].on)
        if self.body is not None and rules.body(self.body) is None:
            raise NotApplicableError(
                "body",
                rules.label,
                rules.refusal("body")
                or f"{self.body.value!r} is not a kind of body under {rules.label}",
            )
        for index, problem in timeline_problems(rules, self.events, self.policies):
            raise TimelineError(
                f"events[{index}]", self.events[index].describe(), problem
            )
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(
            self,
            "_circumstances",
            circumstances_of(
                policies=self.policies,
                division=self.division,
                body=self.body,
                authority=self.policy,
            ),
        )
        object.__setattr__(self, "_latest", {e.kind: e for e in self.events})
        object.__setattr__(self, "_shape", _Shape(self.events, rules.clock_kinds))

    @classmethod
    def received(
        cls,
        on: date | datetime,
        *,
        regime: Regime | str = Regime.FOIA,
        reference: str = "",
        note: str = "",
        actor: str = "",
        **options: Any,
    ) -> Case:
        """A new case: a request received ``on`` a date or at a timestamp."""
        at = on if isinstance(on, datetime) else None
        event = CaseEvent(
            kind=CaseEventKind.RECEIVED,
            on=to_uk_date(on, "on"),
            at=at,
            note=note,
            actor=actor,
        )
        return cls(events=(event,), regime=regime, reference=reference, **options)

    @property
    def received_on(self) -> date:
        """The day the request was received."""
        return self.events[0].on

    @property
    def rules(self) -> RuleSet:
        """The rule set the case is read under."""
        return self._rules

    def with_event(self, event: CaseEvent) -> Case:
        """A new case with ``event`` added; this one is unchanged."""
        return attrs.evolve(self, events=(*self.events, event))

    def last(self, kind: CaseEventKind | str) -> CaseEvent | None:
        """The latest event of ``kind``, if any."""
        if kind not in RANK:
            CaseEvent(kind=kind, on=self.received_on)  # raises with the valid kinds
        return self._latest.get(kind)  # type: ignore[arg-type]

    def check_as_of(self, as_of: date) -> date:
        """Refuse a case with events after ``as_of``: they cannot have happened yet.

        :meth:`status` reads a case as it stood on its ``as_of`` instead; use this
        where a later event can only be a mistake (a tracker filled today).
        """
        day = _as_of(as_of)
        if self.events[-1].on <= day:
            return day  # events are in date order: the last is the latest
        for index, event in enumerate(self.events):
            if event.on > day:
                raise TimelineError(
                    f"events[{index}]",
                    event.describe(),
                    f"it is after as_of ({day}); an event cannot be in the future",
                )
        return day  # pragma: no cover - the loop always finds it

    def known_on(self, as_of: date) -> Case:
        """The case as it stood on ``as_of``: only the events on or before it.

        >>> case = Case.received(date(2025, 1, 6)).with_event(
        ...     CaseEvent(kind="withdrawn", on=date(2025, 1, 9)))
        >>> len(case.known_on(date(2025, 1, 8)).events)
        1
        """
        day = _as_of(as_of, self.received_on)
        known = self._known(day)
        if len(known) == len(self.events):
            return self
        return attrs.evolve(self, events=known)

    def _known(self, day: date) -> tuple[CaseEvent, ...]:
        events = self.events
        if events[-1].on <= day:
            return events
        count = 0
        for event in events:
            if event.on > day:
                break
            count += 1
        return events[:count]

    # -- derived ----------------------------------------------------------------------

    def deadlines(self, *, data: HolidayData | None = None) -> CaseDeadlines:
        """Every deadline in play, from the events and the calendar.

        Args:
            data: Holiday data to count on (the library's default data if
                omitted); pass newer data to see the effect of a holiday
                proclaimed since.
        """
        return self._deadlines(self.events, data)

    def _deadlines(
        self, events: Sequence[CaseEvent], data: HolidayData | None
    ) -> CaseDeadlines:
        shape = self._shape if events is self.events else None
        reading = _Reading(self, events, data, shape)
        if reading.closing is not None:
            return CaseDeadlines(response=None)
        return CaseDeadlines(
            response=reading.stage,
            review_request=reading.review_request(),
            review=reading.review(),
            regulator=reading.regulator(),
            tribunal=reading.tribunal(),
        )

    def latest_review(self) -> tuple[CaseEvent | None, CaseEvent | None]:
        """The latest request for review, and its outcome if it has one.

        An outcome or a complex-case extension belongs to the latest request only if
        it comes after it: a second review is open until its own outcome.
        """
        return _latest_review(self.events)

    def current_deadline(
        self, as_of: date, *, data: HolidayData | None = None
    ) -> Deadline | None:
        """The deadline for the next act in the case, as of ``as_of``.

        The response while none is sent (the fee window while the clock waits for
        a fee); then the review while one is open; the requester's window to ask
        for a review while it is open; the window to go to the regulator; and the
        window to appeal a decision notice. ``None`` when nothing is pending.
        Events after ``as_of`` are left out.
        """
        day = _as_of(as_of, self.received_on)
        if self.events[-1].on <= day:
            return _Reading(self, self.events, data, self._shape).current(day)
        return _Reading(self, self._known(day), data).current(day)

    def status(
        self,
        as_of: date,
        *,
        due_soon_working_days: int = 5,
        data: HolidayData | None = None,
    ) -> CaseStatus:
        """Where the case stands on ``as_of``.

        The case is read as it stood that day: events dated after it are left out
        (and counted in ``later_events``).

        Args:
            as_of: The day to report for; the library never reads the clock.
            due_soon_working_days: An open deadline this many working days away or
                fewer is "due soon".
            data: Holiday data to count on.

        Raises:
            OutsideCalendarRangeError: ``as_of`` is outside the supported days.
            InvalidInputError: A bad ``due_soon_working_days``, or an ``as_of``
                before the request was received.
        """
        received = self.events[0].on
        day = as_of
        if type(day) is not date or not received <= day <= LAST_SUPPORTED_DAY:
            day = _as_of(as_of, received)
        if type(due_soon_working_days) is not int or due_soon_working_days < 0:
            raise InvalidInputError(
                "due_soon_working_days",
                due_soon_working_days,
                "a whole number, 0 or more",
            )
        shape = self._shape
        if (
            data is None
            and shape.sent is not None
            and shape.requested is None
            and shape.closing is None
            and self.events[-1].on <= day
        ):
            # Answered, with no review: the commonest case, read directly.
            walk = walked(
                self._rules,
                shape.clock_events,
                self._circumstances,
                received,
                self.events[0].at,
            )
            return _responded(walk, shape.sent, day)
        if self.events[-1].on <= day:
            return _Reading(self, self.events, data, self._shape).status(
                day, due_soon_working_days
            )
        known = self._known(day)
        status = _Reading(self, known, data).status(day, due_soon_working_days)
        return attrs.evolve(status, later_events=len(self.events) - len(known))


def _as_of(value: object, received: date | None = None) -> date:
    day = value if type(value) is date else to_uk_date(value, "as_of")
    if not FIRST_SUPPORTED_DAY <= day <= LAST_SUPPORTED_DAY:
        supported_day(day, "as_of")
    if received is not None and day < received:
        raise InvalidInputError(
            "as_of",
            day,
            f"a day on or after the request was received ({received}): before it "
            "there is no case to report on",
        )
    return day


def _latest_review(
    events: Sequence[CaseEvent],
) -> tuple[CaseEvent | None, CaseEvent | None]:
    requested = outcome = None
    for event in events:
        if event.kind is CaseEventKind.REVIEW_REQUESTED:
            requested, outcome = event, None
        elif event.kind is CaseEventKind.REVIEW_OUTCOME:
            outcome = event
    return requested, outcome


class _Shape:
    """What a case's events say, sorted out in one pass: no dates are counted.

    The response, a closing event before it, the latest review and its outcome,
    a decision notice, a complaint, and the events before the response that can
    move its clock.
    """

    __slots__ = (
        "clock_events",
        "closing",
        "complaint",
        "decision",
        "outcome",
        "requested",
        "review_extended",
        "sent",
    )

    def __init__(
        self, events: Sequence[CaseEvent], clock_kinds: frozenset[CaseEventKind]
    ) -> None:
        self.closing: CaseEvent | None = None
        self.sent: CaseEvent | None = None
        self.decision: CaseEvent | None = None
        self.requested: CaseEvent | None = None
        self.outcome: CaseEvent | None = None
        self.complaint = False
        self.review_extended = False
        before: list[CaseEvent] = []
        for event in events[1:]:
            kind = event.kind
            if kind in clock_kinds:
                if self.sent is None:
                    before.append(event)
            elif kind is CaseEventKind.RESPONSE_SENT:
                if self.sent is None:
                    self.sent = event
            elif kind in _CLOSED_AS:
                if self.sent is None:
                    self.closing = event
                    break
            elif kind is CaseEventKind.REVIEW_REQUESTED:
                self.requested, self.outcome = event, None
                self.review_extended = False
            elif kind is CaseEventKind.REVIEW_OUTCOME:
                self.outcome = event
            elif kind is CaseEventKind.REVIEW_EXTENDED:
                self.review_extended = True
            elif kind is CaseEventKind.DECISION_NOTICE:
                self.decision = event
            elif kind is CaseEventKind.COMPLAINT and self.sent is not None:
                self.complaint = True
        self.clock_events = tuple(Fact(e.kind, e.on, e.estimate) for e in before)


class _Reading:
    """One reading of a case's events: its stages, its deadlines, its status."""

    def __init__(
        self,
        case: Case,
        events: Sequence[CaseEvent],
        data: HolidayData | None,
        shape: _Shape | None = None,
    ) -> None:
        self.case = case
        self.rules = case._rules
        circumstances = case._circumstances
        if data is not None:
            circumstances = attrs.evolve(circumstances, data=data)
        self.circ = circumstances
        self.events = events
        shape = _Shape(events, self.rules.clock_kinds) if shape is None else shape
        self.closing = shape.closing
        self.sent = shape.sent
        self.decision = shape.decision
        self.requested = shape.requested
        self.outcome = shape.outcome
        self.complaint = shape.complaint
        self.review_extended = shape.review_extended
        self._review: Deadline | None = None
        before = shape.clock_events
        self.walk = (
            None
            if self.closing is not None
            else walked(
                self.rules,
                before,
                circumstances,
                case.events[0].on,
                case.events[0].at,
            )
        )

    @property
    def stage(self) -> ResponseDeadlines | None:
        """The response stage's deadlines, made when first asked for."""
        return None if self.walk is None else self.walk.deadlines()

    # -- later stages -------------------------------------------------------------

    def _facts(self) -> StageFacts:
        walk = self.walk
        review = self.review() if self.requested is not None else None
        return StageFacts(
            response_on=None if self.sent is None else self.sent.on,
            response_due=None if walk is None else walk.final_due,
            review_requested_on=None if self.requested is None else self.requested.on,
            review_outcome_on=None if self.outcome is None else self.outcome.on,
            review_due=None if review is None else review.due,
            decision_on=None if self.decision is None else self.decision.on,
        )

    def _stage(self, rule: ClockRule | None, facts: StageFacts) -> Deadline | None:
        if rule is None:
            return None
        day0, events = stage_anchor(rule, facts, self.circ.policies)
        if day0 is None:
            return None
        return stage_deadline(
            rule,
            day0,
            self.circ,
            received=self.case.received_on,
            events=events,
        )

    def review_request(self) -> Deadline | None:
        rule = self.rules.optional_rule(self.rules.review_request)
        if rule is None:
            return None
        return self._stage(rule, self._facts())

    def review_rule(self) -> ClockRule | None:
        rules = self.rules
        rule = rules.optional_rule(rules.review)
        body = None if self.case.body is None else rules.body(self.case.body)
        if body is not None and body.review:
            rule = rules.rule(body.review)
        if self.review_extended and rules.review_extended:
            rule = rules.rule(rules.review_extended)
        return rule

    def review(self) -> Deadline | None:
        if self.requested is None:
            return None
        if self._review is None:
            rule = self.review_rule()
            if rule is None:  # pragma: no cover - a review needs a review rule
                return None
            self._review = stage_deadline(
                rule, self.requested.on, self.circ, received=self.case.received_on
            )
        return self._review

    def regulator(self) -> Deadline | None:
        return self._stage(
            self.rules.optional_rule(self.rules.regulator), self._facts()
        )

    def tribunal(self) -> Deadline | None:
        if self.decision is None:
            return None
        return self._stage(self.rules.optional_rule(self.rules.appeal), self._facts())

    # -- where it stands ------------------------------------------------------------

    def current(self, day: date) -> Deadline | None:  # noqa: PLR0911 - a stage each
        stage = self.stage
        if stage is None:
            return None
        if self.sent is None:
            if stage.response is not None:
                return stage.response
            if stage.lapsed_on is not None and day >= stage.lapsed_on:
                return None
            return stage.fee_payment
        if self.decision is not None:
            return self.tribunal()
        if self.complaint:
            return None
        if self.requested is not None and self.outcome is None:
            review = self.review()
            regulator = self.regulator()
            if review is not None and day > review.due and regulator is not None:
                # The review is overdue: where the law opens the way to the
                # regulator then (FOISA s47(4)(b)), that is the next deadline.
                return regulator
            return review
        if self.requested is None:
            window = self.review_request()
            if window is not None and day <= window.due:
                return window
        return self.regulator()

    def status(self, day: date, soon: int) -> CaseStatus:
        closing = self.closing
        if closing is not None:
            return _status(
                _CLOSED_AS[closing.kind],
                day,
                None,
                f"closed: {closing.describe()}",
            )
        walk = self.walk
        assert walk is not None
        if self.sent is None:
            final = walk.final_deadline()
            if final is not None:
                return _open(final, day, soon, StatusCode.OVERDUE, "response")
            return self._unanswered(walk.deadlines(), day)
        if self.requested is not None:
            return self._review_status(day, soon)
        return _responded(walk, self.sent, day)

    def _unanswered(self, stage: ResponseDeadlines, day: date) -> CaseStatus:
        if stage.lapsed_on is not None and (
            stage.stopped is None or day >= stage.lapsed_on
        ):
            window = stage.fee_payment
            due = "" if window is None else f" (due by {window.due}, {window.citation})"
            return _status(
                StatusCode.LAPSED,
                day,
                window,
                f"lapsed on {stage.lapsed_on}: the fee was not paid in time{due}; "
                "there is no duty to comply",
            )
        if stage.abandoned_on is not None and (
            stage.stopped is None or day >= stage.abandoned_on
        ):
            return _status(
                StatusCode.CLOSED,
                day,
                None,
                f"treated as closed on {stage.abandoned_on}: clarification was not "
                f"received within {self.circ.policies.clarification_lapse_months} "
                "months (policy P17)",
            )
        stopped = stage.stopped
        assert stopped is not None
        code = _AWAITING[Awaiting(stopped.awaiting)]
        detail = (
            f"clock stopped on {stopped.on}: {stopped.reason}; "
            f"{stopped.remaining} {stopped.unit} remain"
        )
        return _status(code, day, stage.fee_payment, detail)

    def _review_status(self, day: date, soon: int) -> CaseStatus:
        review = self.review()
        assert review is not None
        outcome = self.outcome
        if outcome is None:
            status = _open(review, day, soon, StatusCode.REVIEW_OVERDUE, "review")
            if status.code in (StatusCode.IN_TIME, StatusCode.DUE_SOON):
                return attrs.evolve(status, code=StatusCode.REVIEW_OPEN)
            return status
        late = _working_days_after(review, outcome.on)
        timing = (
            "in time"
            if late == 0
            else f"{late} working day{'s' if late != 1 else ''} late"
        )
        if outcome.on > review.due and late == 0:
            timing = "after the last day"
        return _status(
            StatusCode.CLOSED,
            day,
            self.regulator(),
            f"review completed on {outcome.on} ({outcome.outcome}), {timing}",
        )


def _responded(walk: _Walk, sent: CaseEvent, day: date) -> CaseStatus:
    final = walk.final_deadline()
    if final is None:
        why = "the clock was stopped"
        if walk.lapsed_on is not None and walk.lapsed_on <= sent.on:
            why = f"the request had lapsed on {walk.lapsed_on}"
        return _status(
            StatusCode.RESPONDED_IN_TIME,
            day,
            None,
            f"responded on {sent.on}, while {why}: no time limit was running",
        )
    base_due = walk.base_due
    assert base_due is not None
    if sent.on <= base_due:
        code = StatusCode.RESPONDED_IN_TIME
        detail = f"responded on {sent.on}, by {base_due}"
    elif sent.on <= final.due:
        code = StatusCode.RESPONDED_WITHIN_EXTENSION
        detail = f"responded on {sent.on}, within the extension to {final.due}"
    else:
        late = _working_days_after(final, sent.on)
        code = StatusCode.RESPONDED_LATE
        detail = (
            f"responded on {sent.on}, {late} working day{'s' if late != 1 else ''} "
            f"after {final.due}"
        )
    return _status(code, day, final, detail)


def _status(
    code: StatusCode, day: date, deadline: Deadline | None, detail: str
) -> CaseStatus:
    return CaseStatus(
        code=code,
        as_of=day,
        deadline=deadline,
        working_days_left=None,
        working_days_overdue=None,
        detail=detail,
    )


def _working_days_after(deadline: Deadline, day: date) -> int:
    """Working days after the deadline up to ``day`` (calendar days if no calendar)."""
    if deadline.calendar is None:
        return max((day - deadline.due).days, 0)
    return working_days_overdue(deadline.calendar, deadline.due, day)


def _open(
    deadline: Deadline, day: date, soon: int, overdue: StatusCode, what: str
) -> CaseStatus:
    if day > deadline.due:
        late = _working_days_after(deadline, day)
        return CaseStatus(
            code=overdue,
            as_of=day,
            deadline=deadline,
            working_days_left=None,
            working_days_overdue=late,
            detail=(
                f"{what} overdue by {late} working day{'s' if late != 1 else ''} "
                f"(due {deadline.due})"
            ),
        )
    calendar = deadline.calendar
    left = (
        calendar.working_days_between(day, deadline.due, warn=False)
        if calendar is not None
        else (deadline.due - day).days
    )
    code = StatusCode.DUE_SOON if left <= soon else StatusCode.IN_TIME
    return CaseStatus(
        code=code,
        as_of=day,
        deadline=deadline,
        working_days_left=left,
        working_days_overdue=None,
        detail=f"{what} due {deadline.due}, {left} working days left",
    )
