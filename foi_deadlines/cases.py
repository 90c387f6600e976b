"""Cases: a request's timeline of events, and everything derived from it.

A :class:`Case` is an immutable value: the regime, the authority's policies and an
ordered timeline of :class:`CaseEvent`. Nothing is stored that can be derived: the
deadlines in play, which one is current, and the status on a given day are all
computed from the events and the calendar, so a clarification, an extension or a
newly proclaimed bank holiday moves every date it should.

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
    Division,
    HolidayData,
)
from foi_deadlines.calendars import supported_day
from foi_deadlines.clocks import Deadline, Policies, policies_of, working_days_late
from foi_deadlines.errors import (
    InvalidInputError,
    TimelineError,
)
from foi_deadlines.responses import (
    Body,
    ResponseDeadlines,
    response_deadlines,
)
from foi_deadlines.reviews import (
    AuthorityPolicy,
    regulator_deadline,
    review_due,
    review_request_deadline,
    tribunal_deadline,
)
from foi_deadlines.rules import Regime

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


_DEFAULT_POLICIES: Final = policies_of(None)


class CaseEventKind(enum.StrEnum):
    """What happened in a case."""

    RECEIVED = "received"
    CLARIFICATION_SOUGHT = "clarification_sought"
    CLARIFICATION_RECEIVED = "clarification_received"
    IDENTITY_CONFIRMED = "identity_confirmed"
    FEES_NOTICE = "fees_notice"
    FEE_PAID = "fee_paid"
    FEES_NOTICE_LAPSED = "fees_notice_lapsed"
    PUBLIC_INTEREST_EXTENSION = "public_interest_extension"
    EXTENSION = "extension"
    TRANSFERRED = "transferred"
    RESPONSE_SENT = "response_sent"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_EXTENDED = "review_extended"
    REVIEW_OUTCOME = "review_outcome"
    COMPLAINT = "complaint"
    DECISION_NOTICE = "decision_notice"
    WITHDRAWN = "withdrawn"


# Events on the same day are ordered as they can happen; this makes a case the same
# whatever order its events were added in.
_RANK: Final = {kind: rank for rank, kind in enumerate(CaseEventKind)}


class Outcome(enum.StrEnum):
    """What a response did."""

    PROVIDED = "provided"
    PARTLY = "partly"
    REFUSED = "refused"
    NEITHER_CONFIRM_NOR_DENY = "neither_confirm_nor_deny"
    NOT_HELD = "not_held"


class ReviewOutcome(enum.StrEnum):
    """What a review decided about the original response."""

    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    OVERTURNED = "overturned"


def _kind(value: object) -> CaseEventKind:
    try:
        return CaseEventKind(value)  # type: ignore[arg-type]
    except ValueError:
        valid = ", ".join(k.value for k in CaseEventKind)
        raise InvalidInputError("kind", value, f"one of {valid}") from None


def _day(value: object) -> date:
    return supported_day(to_uk_date(value, "on"), "on")


def _optional_day(value: object) -> date | None:
    return None if value is None else _day(value)


def _text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, value, "a string")


@attrs.frozen(kw_only=True)
class CaseEvent:
    """One thing that happened in a case.

    Attributes:
        kind: What happened.
        on: The UK date it happened (a timestamp is reduced to its UK date).
        at: The timestamp, when one was given (kept for the audit trail).
        outcome: For ``response_sent``, an :class:`Outcome`; for
            ``review_outcome``, a :class:`ReviewOutcome`.
        estimate: For ``public_interest_extension``, the date the refusal notice
            gave for the decision.
        note: Free text for the audit trail.
        actor: Who recorded it.
    """

    kind: CaseEventKind = attrs.field(converter=_kind)
    on: date = attrs.field(converter=_day)
    at: datetime | None = None
    outcome: str | None = None
    estimate: date | None = attrs.field(default=None, converter=_optional_day)
    note: str = attrs.field(default="", validator=_text)
    actor: str = attrs.field(default="", validator=_text)

    def __attrs_post_init__(self) -> None:
        allowed: tuple[str, ...] = ()
        if self.kind is CaseEventKind.RESPONSE_SENT:
            allowed = tuple(Outcome)
        elif self.kind is CaseEventKind.REVIEW_OUTCOME:
            allowed = tuple(ReviewOutcome)
        if allowed and self.outcome not in allowed:
            raise InvalidInputError(
                "outcome", self.outcome, "one of " + ", ".join(allowed)
            )
        if not allowed and self.outcome is not None:
            raise InvalidInputError(
                "outcome", self.outcome, f"None for a {self.kind} event"
            )
        needs_estimate = self.kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
        if needs_estimate and self.estimate is None:
            raise InvalidInputError(
                "estimate", None, "the date the refusal notice gave for the decision"
            )
        if not needs_estimate and self.estimate is not None:
            raise InvalidInputError(
                "estimate", self.estimate, f"None for a {self.kind} event"
            )

    @classmethod
    def at_time(
        cls, kind: CaseEventKind | str, at: datetime, **fields: Any
    ) -> CaseEvent:
        """An event at a timestamp; its date is the UK date of the timestamp."""
        return cls(kind=kind, on=to_uk_date(at, "at"), at=at, **fields)

    def describe(self) -> str:
        """The event in a few words, such as ``"response_sent on 2025-01-21"``."""
        return f"{self.kind} on {self.on}"


def _sort_key(event: CaseEvent) -> tuple[Any, ...]:
    """Date order; on one day, the order events can happen; then every field.

    The last part only breaks ties between events of one kind on one day, so that
    the same events always sort the same way.
    """
    return (
        event.on,
        _RANK[event.kind],
        "" if event.at is None else event.at.isoformat(),
        event.outcome or "",
        "" if event.estimate is None else event.estimate.isoformat(),
        event.note,
        event.actor,
    )


def _events(value: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError("events", value, "a sequence of CaseEvent")
    events = tuple(value)
    for index, event in enumerate(events):
        if not isinstance(event, CaseEvent):
            raise InvalidInputError(f"events[{index}]", event, "a CaseEvent")
    return tuple(sorted(events, key=_sort_key))


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
    CLOSED = "closed"


@attrs.frozen(kw_only=True)
class CaseStatus:
    """A case's status on one day.

    Attributes:
        code: The status.
        as_of: The day it is for.
        deadline: The current deadline, if any.
        working_days_left: Working days from ``as_of`` to the deadline (0 on the day
            itself), while it is not passed.
        working_days_overdue: Working days after the deadline, when it has passed.
        detail: The status in a sentence.
    """

    code: StatusCode
    as_of: date
    deadline: Deadline | None
    working_days_left: int | None
    working_days_overdue: int | None
    detail: str


@attrs.frozen(kw_only=True)
class CaseDeadlines:
    """Every deadline in play for a case.

    Attributes:
        response: The response stage (see
            :class:`~foi_deadlines.responses.ResponseDeadlines`), or ``None`` once
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


def _regime_of(value: object) -> Regime:
    return member_of(Regime, value, "regime")


def _body_of(value: object) -> Body | None:
    return None if value is None else member_of(Body, value, "body")


def _division_of(value: object) -> Division:
    return member_of(Division, value, "division")


def _authority_policy(value: object) -> AuthorityPolicy:
    if value is None:
        return AuthorityPolicy()
    if isinstance(value, AuthorityPolicy):
        return value
    if isinstance(value, str):
        return AuthorityPolicy.preset(value)
    raise InvalidInputError("policy", value, "an AuthorityPolicy or a preset name")


@attrs.frozen(kw_only=True, cache_hash=True)
class Case:
    """One request, as a timeline of events.

    Events are kept in date order (and, on one day, in the order they can happen),
    so the same events make the same case whatever order they were added in. A
    timeline that cannot be true is refused when the case is made.

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
    policy: AuthorityPolicy = attrs.field(
        factory=AuthorityPolicy, converter=_authority_policy
    )
    policies: Policies = attrs.field(default=None, converter=policies_of)
    # The latest event of each kind, derived from the events once.
    _latest: Mapping[CaseEventKind, CaseEvent] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    # The event that closed the case before any response, if one did.
    _closing: CaseEvent | None = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        _check_timeline(self.events, self.regime)
        object.__setattr__(
            self, "_latest", {event.kind: event for event in self.events}
        )
        closing = None
        for event in self.events:
            if event.kind is CaseEventKind.RESPONSE_SENT:
                break
            if event.kind in _CLOSING:
                closing = event
                break
        object.__setattr__(self, "_closing", closing)

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

    def with_event(self, event: CaseEvent) -> Case:
        """A new case with ``event`` added; this one is unchanged."""
        return attrs.evolve(self, events=(*self.events, event))

    def last(self, kind: CaseEventKind | str) -> CaseEvent | None:
        """The latest event of ``kind``, if any."""
        if kind not in _RANK:
            _kind(kind)  # raises with the valid kinds
        return self._latest.get(kind)  # type: ignore[arg-type]

    def check_as_of(self, as_of: date) -> date:
        """Refuse a case with events after ``as_of``: they cannot have happened yet."""
        day = as_of if type(as_of) is date else to_uk_date(as_of, "as_of")
        if self.events[-1].on <= day:
            return day  # events are in date order: the last is the latest
        for index, event in enumerate(self.events):
            if event.on > day:
                raise TimelineError(
                    f"events[{index}]",
                    event.describe(),
                    f"it is after as_of ({day}); an event cannot be in the future",
                )
        return day

    # -- derived ----------------------------------------------------------------------

    def deadlines(self, *, data: HolidayData | None = None) -> CaseDeadlines:
        """Every deadline in play, from the events and the calendar.

        Args:
            data: Holiday data to count on (the bundled data if omitted); pass newer
                data to see the effect of a holiday proclaimed since.
        """
        response = self._response_stage(data)
        if response is None:
            return CaseDeadlines(response=None)
        decision = self.last(CaseEventKind.DECISION_NOTICE)
        tribunal = None
        if decision is not None and self.regime is not Regime.SAR:
            tribunal = tribunal_deadline(
                decision.on, regime=self.regime, policies=self.policies, data=data
            )
        return CaseDeadlines(
            response=response,
            review_request=self._review_request_window(response, data),
            review=self._review(data),
            regulator=self._regulator(),
            tribunal=tribunal,
        )

    def _review_request_window(
        self, response: ResponseDeadlines, data: HolidayData | None
    ) -> Deadline | None:
        sent = self.last(CaseEventKind.RESPONSE_SENT)
        regime = self.regime
        if sent is None or regime is Regime.SAR:
            return None
        due = response.response.due if response.response is not None else None
        return review_request_deadline(
            sent.on,
            regime=regime,
            policy=self.policy if regime is Regime.FOIA else None,
            response_due_on=due if regime is Regime.FOISA else None,
            policies=self.policies,
            data=data,
        )

    def latest_review(self) -> tuple[CaseEvent | None, CaseEvent | None]:
        """The latest request for review, and its outcome if it has one.

        An outcome or a complex-case extension belongs to the latest request only if
        it comes after it: a second review is open until its own outcome.
        """
        requested = self.last(CaseEventKind.REVIEW_REQUESTED)
        outcome = self.last(CaseEventKind.REVIEW_OUTCOME)
        if requested is None or (
            outcome is not None and _sort_key(outcome) < _sort_key(requested)
        ):
            return requested, None
        return requested, outcome

    def _review_extended(self, requested: CaseEvent) -> bool:
        extended = self.last(CaseEventKind.REVIEW_EXTENDED)
        return extended is not None and _sort_key(extended) > _sort_key(requested)

    def _review(self, data: HolidayData | None) -> Deadline | None:
        requested = self.last(CaseEventKind.REVIEW_REQUESTED)
        if requested is None:
            return None
        regime = self.regime
        return review_due(
            requested.on,
            regime=regime,
            complex=self._review_extended(requested),
            policy=self.policy if regime is Regime.FOIA else None,
            body="keeper" if self.body is Body.KEEPER else None,
            policies=self.policies,
            data=data,
        )

    def _regulator(self) -> Deadline | None:
        final = self.last(CaseEventKind.REVIEW_OUTCOME)
        if final is None and self.regime is Regime.SAR:
            final = self.last(CaseEventKind.RESPONSE_SENT)
        if final is None:
            return None
        return regulator_deadline(final.on, regime=self.regime, policies=self.policies)

    def current_deadline(  # noqa: PLR0911 - one answer for each stage
        self, as_of: date, *, data: HolidayData | None = None
    ) -> Deadline | None:
        """The deadline for the next act in the case, as of ``as_of``.

        The response while none is sent (the fee window while the clock waits for
        a fee); then the requester's window to ask for a review while it is open;
        the review while it is open; the window to go to the regulator; and the
        window to appeal a decision notice. ``None`` when nothing is pending.
        """
        day = self.check_as_of(as_of)
        deadlines = self.deadlines(data=data)
        if deadlines.response is None:
            return None
        if self.last(CaseEventKind.RESPONSE_SENT) is None:
            return deadlines.response.response or deadlines.response.fee_payment
        if self.last(CaseEventKind.DECISION_NOTICE) is not None:
            return deadlines.tribunal
        if self.last(CaseEventKind.COMPLAINT) is not None:
            return None
        if deadlines.review is not None and self.latest_review()[1] is None:
            return deadlines.review
        window = deadlines.review_request
        if window is not None and deadlines.review is None and day <= window.due:
            return window
        return deadlines.regulator

    def _response_stage(self, data: HolidayData | None) -> ResponseDeadlines | None:
        if self._closed_before_response() is not None:
            return None
        received = self.events[0]
        latest = self._latest
        sought = latest.get(CaseEventKind.CLARIFICATION_SOUGHT)
        clarified = latest.get(CaseEventKind.CLARIFICATION_RECEIVED)
        sought_on = None if sought is None else sought.on
        clarified_on = None if clarified is None else clarified.on
        if sought_on is not None and (clarified_on is None or sought_on > clarified_on):
            clarified_on = None  # a clarification is awaited: the clock is stopped
        notice = latest.get(CaseEventKind.FEES_NOTICE)
        paid = latest.get(CaseEventKind.FEE_PAID)
        extension = latest.get(CaseEventKind.EXTENSION)
        public_interest = latest.get(CaseEventKind.PUBLIC_INTEREST_EXTENSION)
        identity = latest.get(CaseEventKind.IDENTITY_CONFIRMED)
        return response_deadlines(
            received.at or received.on,
            regime=self.regime,
            clarified_on=clarified_on,
            clarification_sought_on=sought_on,
            fee_notice_on=None
            if notice is None or self.regime is Regime.SAR
            else notice.on,
            fee_paid_on=None if paid is None else paid.on,
            extended=extension is not None,
            public_interest_estimate=None
            if public_interest is None
            else public_interest.estimate,
            body=self.body,
            identity_confirmed_on=None if identity is None else identity.on,
            division=self.division,
            policies=None if self.policies is _DEFAULT_POLICIES else self.policies,
            data=data,
        )

    def _closed_before_response(self) -> CaseEvent | None:
        return self._closing

    def status(  # noqa: PLR0911 - one answer for each stage
        self,
        as_of: date,
        *,
        due_soon_working_days: int = 5,
        data: HolidayData | None = None,
    ) -> CaseStatus:
        """Where the case stands on ``as_of``.

        Args:
            as_of: The day to report for; the library never reads the clock.
            due_soon_working_days: An open deadline this many working days away or
                fewer is "due soon".
            data: Holiday data to count on.

        Raises:
            TimelineError: An event is dated after ``as_of``.
        """
        day = self.check_as_of(as_of)
        if (
            isinstance(due_soon_working_days, bool)
            or not isinstance(due_soon_working_days, int)
            or due_soon_working_days < 0
        ):
            raise InvalidInputError(
                "due_soon_working_days",
                due_soon_working_days,
                "a whole number, 0 or more",
            )
        closing = self._closed_before_response()
        if closing is not None:
            return _status(
                StatusCode.CLOSED, day, None, f"closed: {closing.describe()}"
            )
        response = self._response_stage(data)
        assert response is not None
        if response.response is None:
            return self._stopped(day, response)
        sent = self.last(CaseEventKind.RESPONSE_SENT)
        if sent is None:
            return _open(
                response.response,
                day,
                due_soon_working_days,
                StatusCode.OVERDUE,
                "response",
            )
        review = self._review(data)
        if review is not None:
            outcome = self.latest_review()[1]
            if outcome is None:
                status = _open(
                    review,
                    day,
                    due_soon_working_days,
                    StatusCode.REVIEW_OVERDUE,
                    "review",
                )
                if status.code in (StatusCode.IN_TIME, StatusCode.DUE_SOON):
                    return attrs.evolve(status, code=StatusCode.REVIEW_OPEN)
                return status
            late = _working_days_after(review, outcome.on)
            timing = "in time" if late == 0 else f"{late} working days late"
            return _status(
                StatusCode.CLOSED,
                day,
                self._regulator(),
                f"review completed on {outcome.on} ({outcome.outcome}), {timing}",
            )
        return self._responded(day, response, sent)

    def _stopped(self, day: date, response: ResponseDeadlines) -> CaseStatus:
        stopped = response.stopped
        assert stopped is not None
        code = (
            StatusCode.AWAITING_FEE
            if stopped.resume_with == "fee_paid_on"
            else StatusCode.AWAITING_CLARIFICATION
        )
        detail = (
            f"clock stopped on {stopped.on}: {stopped.reason}; "
            f"{stopped.remaining} {stopped.unit} remain"
        )
        return _status(code, day, response.fee_payment, detail)

    def _responded(
        self, day: date, response: ResponseDeadlines, sent: CaseEvent
    ) -> CaseStatus:
        assert response.response is not None
        final = response.response
        # The time before any extension: day 20, or the first month.
        base = response.extension_notice or response.refusal_notice or final
        if sent.on <= base.due:
            code = StatusCode.RESPONDED_IN_TIME
            detail = f"responded on {sent.on}, by {base.due}"
        elif sent.on <= final.due:
            code = StatusCode.RESPONDED_WITHIN_EXTENSION
            detail = f"responded on {sent.on}, within the extension to {final.due}"
        else:
            late = _working_days_after(final, sent.on)
            code = StatusCode.RESPONDED_LATE
            detail = f"responded on {sent.on}, {late} working days after {final.due}"
        return _status(code, day, final, detail)


_CLOSING: Final = frozenset(
    {
        CaseEventKind.WITHDRAWN,
        CaseEventKind.TRANSFERRED,
        CaseEventKind.FEES_NOTICE_LAPSED,
    }
)


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
    """Working days late (calendar days for a period with no calendar)."""
    if deadline.calendar is None:
        return max((day - deadline.due).days, 0)
    return working_days_late(deadline.calendar, deadline.due, day)


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
            detail=f"{what} overdue by {late} working days (due {deadline.due})",
        )
    calendar = deadline.calendar
    left = (
        calendar._count(day, deadline.due)
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


# -- the timeline rules ------------------------------------------------------------


def _check_timeline(events: Sequence[CaseEvent], regime: Regime) -> None:
    """Refuse a timeline that cannot be true, naming the event and the rule."""
    if not events:
        raise InvalidInputError("events", (), "at least the 'received' event")
    _Timeline(regime=regime).check(events)


@attrs.define
class _Timeline:
    """The state of a timeline while it is checked, event by event."""

    regime: Regime
    sought_open: bool = False
    clarified: bool = False
    notice_open: bool = False
    noticed: bool = False
    responded: bool = False
    review_open: bool = False
    closed_by: CaseEvent | None = None

    def check(self, events: Sequence[CaseEvent]) -> None:
        for index, event in enumerate(events):
            if index == 0:
                problem = (
                    None
                    if event.kind is CaseEventKind.RECEIVED
                    else "the first event must be the request being received; nothing "
                    "can happen before it"
                )
            elif self.closed_by is not None:
                problem = f"the case was closed by {self.closed_by.describe()}"
            else:
                problem = getattr(self, f"_{event.kind.value}")(event)
            if problem:
                raise TimelineError(f"events[{index}]", event.describe(), problem)

    def _received(self, _: CaseEvent) -> str | None:
        return "a case has one 'received' event; a new request is a new case"

    def _clarification_sought(self, _: CaseEvent) -> str | None:
        if self.regime is Regime.SAR and self.clarified:
            return (
                "a second subject access clarification: the library models one "
                "clarification pause a request"
            )
        self.sought_open = True
        return None

    def _clarification_received(self, _: CaseEvent) -> str | None:
        if not self.sought_open:
            return "a clarification received with no request for it open (FOIA s1(3))"
        self.sought_open = False
        self.clarified = True
        return None

    def _identity_confirmed(self, _: CaseEvent) -> str | None:
        if self.regime is not Regime.SAR:
            return "identity evidence is a subject access event"
        return None

    def _fees_notice(self, _: CaseEvent) -> str | None:
        if self.regime is Regime.SAR:
            return "a subject access fee restarts the clock when paid: record fee_paid"
        if self.regime is Regime.EISR:
            return "charges under EISR reg 8 are not modelled by this version"
        if self.noticed:
            return "a second fees notice: the library models one fees notice a request"
        self.notice_open = self.noticed = True
        return None

    def _fee_paid(self, _: CaseEvent) -> str | None:
        if self.regime is not Regime.SAR and not self.notice_open:
            return "a fee paid with no fees notice open (FOIA s9)"
        self.notice_open = False
        return None

    def _fees_notice_lapsed(self, event: CaseEvent) -> str | None:
        if not self.notice_open:
            return "a fees notice lapsed with no fees notice open"
        self.closed_by = event
        return None

    def _public_interest_extension(self, _: CaseEvent) -> str | None:
        if self.regime is not Regime.FOIA:
            return f"only FOIA has a public interest extension, not {self.regime.label}"
        return None

    def _extension(self, _: CaseEvent) -> str | None:
        if self.regime in (Regime.FOIA, Regime.FOISA):
            return (
                f"{self.regime.label} has no such extension (under FOIA, record "
                "public_interest_extension)"
            )
        return None

    def _transferred(self, event: CaseEvent) -> str | None:
        self.closed_by = event
        return None

    def _withdrawn(self, event: CaseEvent) -> str | None:
        self.closed_by = event
        return None

    def _response_sent(self, _: CaseEvent) -> str | None:
        if self.responded:
            return "a second response; record a review outcome instead"
        self.responded = True
        return None

    def _review_requested(self, _: CaseEvent) -> str | None:
        if self.regime is Regime.SAR:
            return "subject access has no internal review in law"
        if not self.responded and self.regime not in (Regime.FOISA, Regime.EISR):
            return "a review requested before any response"
        if self.review_open:
            return "a review requested while another is open"
        self.review_open = True
        return None

    def _review_extended(self, _: CaseEvent) -> str | None:
        if self.regime is not Regime.FOIA:
            return (
                f"the review time is fixed by law under {self.regime.label}; only a "
                "FOIA review can be extended for a complex case"
            )
        return None if self.review_open else "a review extended with no review open"

    def _review_outcome(self, _: CaseEvent) -> str | None:
        if not self.review_open:
            return "a review outcome with no review requested"
        self.review_open = False
        return None

    def _complaint(self, _: CaseEvent) -> str | None:
        return None

    def _decision_notice(self, _: CaseEvent) -> str | None:
        return None
