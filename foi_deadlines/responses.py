"""Response deadlines for a request, under every regime, with every modifier.

:func:`response_due` answers "when must this request be answered?";
:func:`response_deadlines` gives every related deadline of the same request (the
refusal notice, the public interest decision, an extension notice, the fee window).
Both take the same keyword options and compute with the one engine in
:mod:`foi_deadlines.clocks`, from the rules in :mod:`foi_deadlines.rules`.

>>> from datetime import date
>>> response_due(date(2024, 12, 19)).due
datetime.date(2025, 1, 22)
>>> response_due(date(2024, 3, 28), regime="foisa").due
datetime.date(2024, 4, 26)
"""

from __future__ import annotations

import enum
import functools
import warnings
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import Final

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import LONDON, short_day, to_uk_date
from foi_deadlines.bank_holidays import (
    Division,
    HolidayData,
)
from foi_deadlines.calendars import WorkingDayCalendar, get_calendar, supported_day
from foi_deadlines.clocks import (
    ClockEvent,
    Deadline,
    EventKind,
    Pause,
    Policies,
    add_months,
    count_working_days,
    policies_of,
    roll_forward,
    working_calendar,
)
from foi_deadlines.errors import (
    ClockStoppedError,
    InvalidInputError,
    NotApplicableError,
    ProvisionalDateWarning,
    RequestLapsedError,
    TimelineError,
)
from foi_deadlines.rules import SAR_REFORM_DAY, ClockRule, Regime, Unit, get_rule

__all__ = [
    "Body",
    "ResponseDeadlines",
    "StoppedClock",
    "aggregation_window",
    "fee_payment_deadline",
    "response_deadlines",
    "response_due",
]

_ONE_DAY: Final = timedelta(days=1)


class Body(enum.StrEnum):
    """A kind of public authority with its own time for compliance.

    * ``SCHOOL``: a maintained school or nursery school, an Academy, or a Northern
      Ireland controlled, voluntary or grant-maintained integrated school (FOIA).
    * ``ARCHIVE``: an appropriate records authority answering for a transferred
      public record (FOIA).
    * ``ARMED_FORCES``, ``OVERSEAS``: information to be obtained from armed forces
      operations or from outside the UK, where the Commissioner may specify a day
      (FOIA).
    * ``KEEPER``: the Keeper of the Records of Scotland (FOISA).
    """

    SCHOOL = "school"
    ARCHIVE = "archive"
    ARMED_FORCES = "armed-forces"
    OVERSEAS = "overseas"
    KEEPER = "keeper"


_BODY_REGIME: Final = {
    Body.SCHOOL: Regime.FOIA,
    Body.ARCHIVE: Regime.FOIA,
    Body.ARMED_FORCES: Regime.FOIA,
    Body.OVERSEAS: Regime.FOIA,
    Body.KEEPER: Regime.FOISA,
}
_RESTART_LAW: Final = {
    Regime.FOIA: "FOIA s1(3), s10(6)(b)",
    Regime.EIR: "EIR reg 9(4)",
    Regime.FOISA: "FOISA s1(3), s10(1)(b)",
    Regime.EISR: "EISR reg 9(4)",
}
_PAUSE_LAW: Final = {
    Regime.FOIA: "FOIA s10(2)",
    Regime.EIR: "EIR reg 8(6)",
    Regime.FOISA: "FOISA s10(2)",
}
_FEE_RULE: Final = {
    Regime.FOIA: "foia.fee_payment",
    Regime.EIR: "eir.advance_payment",
    Regime.FOISA: "foisa.fee_payment",
}
_FOIA_RESPONSE: Final = get_rule("foia.response")
_REFUSAL: Final = get_rule("foia.refusal_notice")
_FAST_POLICIES: Final = ("receipt", "proclaimed_holidays")
_NO_OPTIONS: Final = (None,) * 11
_DATE_OPTIONS: Final = (
    "received",
    "clarified_on",
    "clarification_sought_on",
    "fee_notice_on",
    "fee_paid_on",
    "public_interest_estimate",
    "commissioner_day",
    "identity_confirmed_on",
)


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
    """

    on: date
    remaining: int
    unit: Unit
    resume_with: str
    reason: str

    def to_error(self, detail: str = "") -> ClockStoppedError:
        """The error :func:`response_due` raises for this state."""
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
        response: When the request must be answered in full: the public interest
            decision when that is extended; ``None`` while the clock is stopped.
        refusal_notice: FOIA: when a refusal notice (citing an exemption, s12 or
            s14) must be given, by the time for complying even where the public
            interest is extended.
        public_interest: FOIA: the public interest decision, when extended.
        extension_notice: EIR, EISR, subject access: the last day to tell the
            requester the time is extended.
        fee_payment: The last day to pay a fee or advance charge before the
            request lapses.
        stopped: Why the clock is stopped, if it is.
    """

    response: Deadline | None
    refusal_notice: Deadline | None = None
    public_interest: Deadline | None = None
    extension_notice: Deadline | None = None
    fee_payment: Deadline | None = None
    stopped: StoppedClock | None = None

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


def response_due(
    received: date,
    *,
    regime: Regime | str = "foia",
    clarified_on: date | None = None,
    clarification_sought_on: date | None = None,
    fee_notice_on: date | None = None,
    fee_paid_on: date | None = None,
    extended: bool = False,
    public_interest_estimate: date | None = None,
    body: Body | str | None = None,
    school_days: Collection[date] | None = None,
    commissioner_day: date | None = None,
    identity_confirmed_on: date | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """When a request must be answered.

    Args:
        received: The day the request was received (a date, or a timestamp, taken
            as its date in the UK).
        regime: ``"foia"``, ``"eir"``, ``"foisa"``, ``"eisr"`` or ``"sar"``.
        clarified_on: The day the clarification (further information, further
            particulars) was received: the clock restarts from it. For subject
            access, the day the answer to a request for clarification arrived.
        clarification_sought_on: The day the authority asked for clarification.
            Recorded and checked; for subject access it starts a pause.
        fee_notice_on: The day a fees notice (EIR: advance payment notification)
            was given: the clock stops until the fee is paid.
        fee_paid_on: The day the fee was received. For subject access, a fee
            paid restarts the clock (the relevant time).
        extended: A public interest extension (FOIA), a complex-and-voluminous
            extension (EIR, EISR reg 7), or two further months (subject access).
        public_interest_estimate: FOIA: the date given in the refusal notice for
            the public interest decision.
        body: A kind of authority with its own time for compliance (see
            :class:`Body`).
        school_days: For a school: the days with sessions (its term calendar).
        commissioner_day: For armed forces or overseas information: the day the
            Commissioner specified.
        identity_confirmed_on: Subject access: the day identity evidence arrived.
        division: Subject access: the controller's part of the UK, whose public
            holidays roll the date forward (policy P16).
        policies: The choices where the law is open
            (:class:`~foi_deadlines.clocks.Policies`).
        data: Holiday data to count on (the bundled data if omitted).

    Returns:
        The deadline, whose ``.due`` is the date; it explains itself.

    Raises:
        ClockStoppedError: The clock is stopped (a fee not yet paid, a
            clarification not yet received): there is no due date yet.
        RequestLapsedError: The fee was paid after its window closed.
        TimelineError: The dates cannot all be true (a clarification before the
            request, a fee paid before its notice).
        NotApplicableError: An option the regime does not have.
        InvalidInputError: An unknown regime, body or division, or a bad value.

    Warns:
        ProvisionalDateWarning: The date is beyond the confirmed holiday data.

    >>> response_due(date(2025, 1, 6), clarified_on=date(2025, 1, 20)).due
    datetime.date(2025, 2, 17)
    >>> response_due(
    ...     date(2025, 3, 3),
    ...     fee_notice_on=date(2025, 3, 10),
    ...     fee_paid_on=date(2025, 3, 24),
    ... ).due
    datetime.date(2025, 4, 15)
    """
    if (
        regime == "foia"
        and type(received) is date
        and extended is False
        and division is Division.ENGLAND_AND_WALES
        and (
            clarified_on,
            clarification_sought_on,
            fee_notice_on,
            fee_paid_on,
            public_interest_estimate,
            body,
            school_days,
            commissioner_day,
            identity_confirmed_on,
            policies,
            data,
        )
        == _NO_OPTIONS
    ):
        # The common case, kept lean for batch jobs.
        deadline = _plain_foia(received)
        if deadline.due > _uk_calendar().confirmed_until:
            _warn_provisional(deadline)
        return deadline
    deadlines = response_deadlines(
        received,
        regime=regime,
        clarified_on=clarified_on,
        clarification_sought_on=clarification_sought_on,
        fee_notice_on=fee_notice_on,
        fee_paid_on=fee_paid_on,
        extended=extended,
        public_interest_estimate=public_interest_estimate,
        body=body,
        school_days=school_days,
        commissioner_day=commissioner_day,
        identity_confirmed_on=identity_confirmed_on,
        division=division,
        policies=policies,
        data=data,
    )
    if deadlines.response is None:
        assert deadlines.stopped is not None
        detail = ""
        if deadlines.fee_payment is not None:
            detail = (
                f"the fee must be paid by {deadlines.fee_payment.due} "
                f"({deadlines.fee_payment.citation}) or the request lapses"
            )
        raise deadlines.stopped.to_error(detail)
    if deadlines.response.provisional:
        _warn_provisional(deadlines.response)
    return deadlines.response


@functools.cache
def _uk_calendar() -> WorkingDayCalendar:
    return get_calendar("uk")


def _plain_foia(received: date) -> Deadline:
    """A FOIA request with no modifiers, default policies and the bundled data."""
    calendar = _uk_calendar()
    return Deadline(
        due=calendar._offset(received, 20, "received"),
        rule=_FOIA_RESPONSE,
        received=received,
        day_zero=received,
        calendar=calendar,
        policies_used=_FAST_POLICIES,
    )


def _warn_provisional(deadline: Deadline) -> None:
    assert deadline.calendar is not None
    warnings.warn(
        f"{deadline.rule.id} due {deadline.due} is after "
        f"{deadline.calendar.confirmed_until}, the end of the confirmed bank holiday "
        "data: a holiday proclaimed later could move it (Deadline.provisional)",
        ProvisionalDateWarning,
        stacklevel=3,
    )


def response_deadlines(
    received: date,
    *,
    regime: Regime | str = "foia",
    clarified_on: date | None = None,
    clarification_sought_on: date | None = None,
    fee_notice_on: date | None = None,
    fee_paid_on: date | None = None,
    extended: bool = False,
    public_interest_estimate: date | None = None,
    body: Body | str | None = None,
    school_days: Collection[date] | None = None,
    commissioner_day: date | None = None,
    identity_confirmed_on: date | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> ResponseDeadlines:
    """Every deadline of a request's response stage; options as :func:`response_due`.

    Unlike :func:`response_due`, a stopped clock is not an error here: the result
    has ``response=None`` and says why in ``stopped``, with the fee window when
    there is one. It gives no warnings; check ``Deadline.provisional``.

    >>> both = response_deadlines(
    ...     date(2025, 2, 3), public_interest_estimate=date(2025, 4, 1)
    ... )
    >>> both.refusal_notice.due, both.public_interest.due
    (datetime.date(2025, 3, 3), datetime.date(2025, 4, 1))
    """
    if (
        regime == "foia"
        and type(received) is date
        and extended is False
        and division is Division.ENGLAND_AND_WALES
        and (
            clarified_on,
            clarification_sought_on,
            fee_notice_on,
            fee_paid_on,
            public_interest_estimate,
            body,
            school_days,
            commissioner_day,
            identity_confirmed_on,
            policies,
            data,
        )
        == _NO_OPTIONS
    ):
        # As in response_due: the common case, kept lean for case systems.
        base = _plain_foia(received)
        return ResponseDeadlines(response=base, refusal_notice=base.with_rule(_REFUSAL))
    request = _Request.build(
        received,
        regime=regime,
        clarified_on=clarified_on,
        clarification_sought_on=clarification_sought_on,
        fee_notice_on=fee_notice_on,
        fee_paid_on=fee_paid_on,
        extended=extended,
        public_interest_estimate=public_interest_estimate,
        body=body,
        school_days=school_days,
        commissioner_day=commissioner_day,
        identity_confirmed_on=identity_confirmed_on,
        division=division,
        policies=policies,
        data=data,
    )
    if request.regime is Regime.SAR:
        return _subject_access(request)
    return _working_day_request(request)


def fee_payment_deadline(
    fee_notice_on: date,
    *,
    regime: Regime | str = "foia",
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """The last day to pay a fee before a request lapses.

    FOIA s9(2) and FOISA s9: three months beginning with the day of the fees
    notice (policy P4); EIR reg 8(5): 60 working days after the notification.

    >>> fee_payment_deadline(date(2025, 3, 10)).due
    datetime.date(2025, 6, 9)
    """
    regime = _regime(regime)
    if regime not in _FEE_RULE:
        raise NotApplicableError(
            "fee_notice_on", regime.label, _NO_FEES.get(regime, "no fee window")
        )
    notice = to_uk_date(fee_notice_on, "fee_notice_on")
    policies = policies_of(policies)
    calendar = working_calendar(_calendar_of(regime), data, policies, notice)
    return _fee_window(regime, notice, calendar, policies)


def aggregation_window(
    first_received: date, *, data: HolidayData | None = None
) -> Deadline:
    """The last day of the 60-working-day window for aggregating requests.

    The Appropriate Limit and Fees Regulations 2004 reg 5 let an authority add up
    the cost of requests received within any 60 consecutive working days. Anchored
    on the first request's day of receipt as working day 1 (policy P15); advisory.

    >>> aggregation_window(date(2025, 1, 6)).due
    datetime.date(2025, 3, 31)
    """
    first = to_uk_date(first_received, "first_received")
    calendar = get_calendar("uk", data=data)
    rule = get_rule("foia.aggregation")
    return Deadline(
        due=calendar._offset(first - _ONE_DAY, rule.length, "first_received"),
        rule=rule,
        received=first,
        day_zero=first - _ONE_DAY,
        calendar=calendar,
        notes=(
            "The window counts the first request's day of receipt (or the next "
            "working day) as working day 1.",
        ),
    )


# -- the request, checked --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Request:
    """The options of one call, converted and checked for type."""

    regime: Regime
    received: date
    arrived_at: datetime | None
    clarified_on: date | None
    clarification_sought_on: date | None
    fee_notice_on: date | None
    fee_paid_on: date | None
    extended: bool
    public_interest_estimate: date | None
    body: Body | None
    school_days: frozenset[date] | None
    commissioner_day: date | None
    identity_confirmed_on: date | None
    division: Division
    policies: Policies
    data: HolidayData | None

    @classmethod
    def build(
        cls,
        received: object,
        *,
        regime: object,
        clarified_on: object,
        clarification_sought_on: object,
        fee_notice_on: object,
        fee_paid_on: object,
        extended: object,
        public_interest_estimate: object,
        body: object,
        school_days: object,
        commissioner_day: object,
        identity_confirmed_on: object,
        division: object,
        policies: Policies | None,
        data: HolidayData | None,
    ) -> _Request:
        if extended is not False and extended is not True:
            raise InvalidInputError("extended", extended, "True or False")
        if data is not None and not isinstance(data, HolidayData):
            raise InvalidInputError("data", data, "a foi_deadlines.HolidayData or None")
        request = cls(
            regime=_regime(regime),
            received=received
            if type(received) is date
            else to_uk_date(received, "received"),
            arrived_at=None if type(received) is date else _local_time(received),
            clarified_on=_optional_date(clarified_on, "clarified_on"),
            clarification_sought_on=_optional_date(
                clarification_sought_on, "clarification_sought_on"
            ),
            fee_notice_on=_optional_date(fee_notice_on, "fee_notice_on"),
            fee_paid_on=_optional_date(fee_paid_on, "fee_paid_on"),
            extended=extended,
            public_interest_estimate=_optional_date(
                public_interest_estimate, "public_interest_estimate"
            ),
            body=_body(body),
            school_days=_school_days(school_days),
            commissioner_day=_optional_date(commissioner_day, "commissioner_day"),
            identity_confirmed_on=_optional_date(
                identity_confirmed_on, "identity_confirmed_on"
            ),
            division=_division(division),
            policies=policies_of(policies),
            data=data,
        )
        request.check_span()
        return request

    def check_span(self) -> None:
        """Refuse any date outside the days the calendars cover, by its name."""
        dates = (
            self.received,
            self.clarified_on,
            self.clarification_sought_on,
            self.fee_notice_on,
            self.fee_paid_on,
            self.public_interest_estimate,
            self.commissioner_day,
            self.identity_confirmed_on,
        )
        calendar = self.regime.calendar or self.division.value
        for name, day in zip(_DATE_OPTIONS, dates, strict=True):
            if day is not None:
                supported_day(day, name, calendar)
        if self.school_days:
            supported_day(min(self.school_days), "school_days", calendar)
            supported_day(max(self.school_days), "school_days", calendar)

    def not_applicable(self, param: str, reason: str) -> NotApplicableError:
        return NotApplicableError(param, self.regime.label, reason)


def _in_order(
    events: Sequence[ClockEvent], extra: Sequence[ClockEvent]
) -> tuple[ClockEvent, ...]:
    """The events of a clock, in date order."""
    if not extra and not events:
        return ()
    return tuple(sorted([*events, *extra], key=lambda e: e.on))


def _regime(value: object) -> Regime:
    return member_of(Regime, value, "regime")


def _body(value: object) -> Body | None:
    return None if value is None else member_of(Body, value, "body")


def _division(value: object) -> Division:
    return member_of(Division, value, "division")


def _calendar_of(regime: Regime) -> str:
    """The working-day calendar of a working-day regime."""
    name = regime.calendar
    assert name is not None
    return name


def _optional_date(value: object, param: str) -> date | None:
    if value is None or type(value) is date:
        return value
    return to_uk_date(value, param)


def _school_days(value: object) -> frozenset[date] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Collection):
        raise InvalidInputError(
            "school_days", value, "a collection of dates with school sessions"
        )
    return frozenset(
        to_uk_date(day, f"school_days[{index}]") for index, day in enumerate(value)
    )


def _local_time(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(LONDON)
    return value


def _short(day: date) -> str:
    return short_day(day)


# -- FOIA, EIR, FOISA, EISR ------------------------------------------------------------

_NO_FEES: Final = {
    Regime.EISR: (
        "charges under EISR reg 8 are not modelled by this version; compute the "
        "pause by hand"
    ),
    Regime.SAR: (
        "a subject access fee restarts the clock when it is paid (the relevant "
        "time): pass fee_paid_on"
    ),
}


def _check_not_before(
    param: str, value: date | None, earlier: date, what: str, law: str
) -> None:
    if value is not None and value < earlier:
        raise TimelineError(
            param, value, f"it cannot be before {what} ({earlier}); {law}"
        )


def _date_of_receipt(
    day: date, calendar: WorkingDayCalendar, request: _Request, what: str
) -> tuple[date, list[ClockEvent]]:
    """Day 0 for something received on ``day``, under policies P1 and P2."""
    policies = request.policies
    if policies.office_hours_cutoff is None and policies.receipt == "calendar":
        return day, []  # the defaults: the day it arrived is day 0
    events: list[ClockEvent] = []
    arrived = request.arrived_at if what == "request" else None
    cutoff = request.policies.office_hours_cutoff
    if arrived is not None and cutoff is not None and arrived.time() >= cutoff:
        deemed = calendar._offset(day, 1)
        events.append(
            ClockEvent(
                kind=EventKind.RECEIPT,
                on=day,
                description=(
                    f"The {what} arrived at {arrived:%H:%M} on {_short(day)}, after "
                    f"the {cutoff:%H:%M} cut-off: taken as received on "
                    f"{_short(deemed)} (policy P2)."
                ),
            )
        )
        return deemed, events
    if request.policies.receipt == "next_working_day" and not calendar._is_working(day):
        deemed = calendar._offset(day, 1)
        events.append(
            ClockEvent(
                kind=EventKind.RECEIPT,
                on=day,
                description=(
                    f"The {what} arrived on {_short(day)}, not a working day: taken as "
                    f"received on {_short(deemed)} (policy P1 next_working_day)."
                ),
            )
        )
        return deemed, events
    return day, events


@attrs.define
class _Clock:
    """A working-day clock being worked out: its day 0, pauses and events so far."""

    request: _Request
    calendar: WorkingDayCalendar
    day0: date
    events: list[ClockEvent]
    used: list[str]
    pauses: list[Pause] = attrs.Factory(list)

    def count(self, length: int) -> date:
        """The ``length``-th working day after day 0, disregarding the pauses."""
        return count_working_days(
            self.calendar,
            self.day0,
            length,
            self.pauses,
            notice_day_counts=self.request.policies.fee_pause == "notice_day_counts",
        )

    def deadline(
        self,
        rule: ClockRule,
        due: date,
        extra: Sequence[ClockEvent] = (),
        notes: tuple[str, ...] = (),
    ) -> Deadline:
        """A deadline under ``rule`` with this clock's history."""
        return Deadline(
            due=due,
            rule=rule,
            received=self.request.received,
            day_zero=self.day0,
            calendar=self.calendar,
            policies=self.request.policies,
            policies_used=tuple(self.used),
            events=_in_order(self.events, extra),
            notes=notes,
        )


def _working_day_request(request: _Request) -> ResponseDeadlines:  # noqa: PLR0911
    """FOIA, EIR, FOISA and EISR: the working-day regimes."""
    _check_options(request)
    started = _start(request)
    if isinstance(started, ResponseDeadlines):
        return started
    clock = started
    rule = _base_rule(request)
    fees = _fees(clock, rule.length)
    if isinstance(fees, ResponseDeadlines):
        return fees
    if request.body is Body.SCHOOL:
        return _school(clock, rule)
    if request.commissioner_day is not None:
        return _commissioner_specified(clock, rule, request.commissioner_day)
    notes: tuple[str, ...] = ()
    if request.body in (Body.ARMED_FORCES, Body.OVERSEAS):
        notes = (
            "No day specified by the Commissioner, so the 20th working day applies; "
            "the Commissioner may specify a later day, up to the 60th working day "
            "(Time for Compliance Regulations 2004 regs 5-6).",
        )
    base = clock.deadline(rule, clock.count(rule.length), notes=notes)
    if request.regime is Regime.FOIA:
        refusal = base.with_rule(get_rule("foia.refusal_notice"))
        if not request.extended and request.public_interest_estimate is None:
            return ResponseDeadlines(
                response=base, refusal_notice=refusal, fee_payment=fees
            )
        decision = _public_interest(clock, rule.length)
        return ResponseDeadlines(
            response=decision,
            refusal_notice=refusal,
            public_interest=decision,
            fee_payment=fees,
        )
    if request.extended:
        return _extended(clock, base, fees)
    return ResponseDeadlines(response=base, fee_payment=fees)


def _start(request: _Request) -> _Clock | ResponseDeadlines:
    """Day 0, after receipt policies and any clarification; or a stopped clock."""
    regime, policies = request.regime, request.policies
    calendar = working_calendar(
        _calendar_of(regime), request.data, policies, request.received
    )
    used = ["receipt", "proclaimed_holidays"]
    if policies.office_hours_cutoff is not None:
        used.append("office_hours_cutoff")
    day0, events = _date_of_receipt(request.received, calendar, request, "request")
    sought, clarified = request.clarification_sought_on, request.clarified_on
    law = _RESTART_LAW[regime]
    _check_not_before(
        "clarification_sought_on", sought, request.received, "the request", law
    )
    if sought is not None:
        events.append(
            ClockEvent(
                kind=EventKind.NOTE,
                on=sought,
                description=(
                    f"Clarification sought on {_short(sought)}: the authority need not "
                    "comply until it arrives, and the period then starts again in "
                    f"full ({law})."
                ),
            )
        )
    if clarified is None:
        if sought is None:
            return _Clock(
                request=request, calendar=calendar, day0=day0, events=events, used=used
            )
        return ResponseDeadlines(
            response=None,
            stopped=StoppedClock(
                on=sought,
                remaining=_base_rule(request).length,
                unit=Unit.WORKING_DAYS,
                resume_with="clarified_on",
                reason=(
                    "clarification was sought, and the full period starts again when "
                    f"it is received ({law})"
                ),
            ),
        )
    _check_not_before("clarified_on", clarified, request.received, "the request", law)
    if sought is not None:
        _check_not_before(
            "clarified_on", clarified, sought, "the clarification was sought", law
        )
    day0, receipt_events = _date_of_receipt(
        clarified, calendar, request, "clarification"
    )
    events.append(
        ClockEvent(
            kind=EventKind.RESTART,
            on=clarified,
            description=(
                f"Clarification received on {_short(clarified)}: the clock restarted "
                f"from it, as a new date of receipt ({law})."
            ),
        )
    )
    return _Clock(
        request=request,
        calendar=calendar,
        day0=day0,
        events=[*events, *receipt_events],
        used=used,
    )


def _fees(clock: _Clock, base_length: int) -> Deadline | ResponseDeadlines | None:
    """Apply a fees notice: the window, and a pause or a stopped clock."""
    request = clock.request
    notice, paid = request.fee_notice_on, request.fee_paid_on
    if notice is None:
        if paid is not None:
            raise TimelineError(
                "fee_paid_on",
                paid,
                "a fee paid with no fees notice; pass fee_notice_on "
                f"({_PAUSE_LAW[request.regime]})",
            )
        return None
    law = _PAUSE_LAW[request.regime]
    calendar, day0 = clock.calendar, clock.day0
    _check_not_before("fee_notice_on", notice, day0, "the date of receipt (day 0)", law)
    latest = clock.count(base_length)
    if notice > latest:
        raise TimelineError(
            "fee_notice_on",
            notice,
            "a fees notice must be given within the time for complying, by "
            f"{latest} ({law})",
        )
    window = _fee_window(request.regime, notice, calendar, request.policies)
    clock.used.append("fee_pause")
    notice_counts = request.policies.fee_pause == "notice_day_counts"
    if paid is None:
        elapsed = calendar._count(day0, notice)
        if notice > day0 and not notice_counts and calendar._is_working(notice):
            elapsed -= 1
        return ResponseDeadlines(
            response=None,
            fee_payment=window,
            stopped=StoppedClock(
                on=notice,
                remaining=_final_length(request, base_length) - elapsed,
                unit=Unit.WORKING_DAYS,
                resume_with="fee_paid_on",
                reason=(
                    "a fees notice was given; the working days until the fee is "
                    f"received are disregarded ({law})"
                ),
            ),
        )
    _check_not_before("fee_paid_on", paid, notice, "the fees notice", law)
    if paid > window.due:
        raise RequestLapsedError(
            "fee_paid_on",
            paid,
            f"the fee was due by {window.due} ({window.citation}); the authority is "
            "not obliged to comply, and the request has lapsed",
        )
    clock.pauses.append(Pause(start=notice, end=paid))
    # The working days from the notice to the payment, both included; day 0 is
    # never counted, so a notice given on day 0 disregards nothing more.
    disregarded = calendar._count(max(notice - _ONE_DAY, day0), paid)
    if notice_counts and notice > day0 and calendar._is_working(notice):
        disregarded -= 1
    plural = "s" if disregarded != 1 else ""
    clock.events.append(
        ClockEvent(
            kind=EventKind.PAUSE,
            on=notice,
            until=paid,
            description=(
                f"Fees notice given on {_short(notice)}, fee received on "
                f"{_short(paid)}: the {disregarded} working day{plural} from the "
                f"notice to the payment are disregarded ({law}; policy P3 "
                f"{request.policies.fee_pause})."
            ),
        )
    )
    return window


def _commissioner_specified(
    clock: _Clock, rule: ClockRule, day: date
) -> ResponseDeadlines:
    """A day the Commissioner specified, checked against the 60th working day."""
    limit = clock.count(60)
    if not clock.day0 < day <= limit:
        raise TimelineError(
            "commissioner_day",
            day,
            f"the Commissioner may specify a day after day 0 ({clock.day0}) and no "
            f"later than the 60th working day ({limit}) (Time for Compliance "
            "Regulations 2004 regs 5-6)",
        )
    event = ClockEvent(
        kind=EventKind.SUBSTITUTE,
        on=day,
        description=(
            f"The Commissioner specified {_short(day)} (Time for Compliance "
            "Regulations 2004 regs 5-6)."
        ),
    )
    response = clock.deadline(rule, day, [event])
    return ResponseDeadlines(
        response=response,
        refusal_notice=response.with_rule(get_rule("foia.refusal_notice")),
    )


def _extended(
    clock: _Clock, base: Deadline, fees: Deadline | None
) -> ResponseDeadlines:
    """EIR and EISR reg 7: 40 working days, with notice by day 20."""
    regime = clock.request.regime
    rule = get_rule(f"{regime}.extended")
    event = ClockEvent(
        kind=EventKind.EXTENSION,
        on=clock.day0,
        description=(
            f"Extended to {rule.length} working days for complexity and volume "
            f"({rule.citation}); the applicant must be told by {_short(base.due)}."
        ),
    )
    return ResponseDeadlines(
        response=clock.deadline(rule, clock.count(rule.length), [event]),
        extension_notice=base.with_rule(get_rule(f"{regime}.extension_notice")),
        fee_payment=fees,
    )


def _check_options(request: _Request) -> None:
    """Refuse options the regime or the body does not have."""
    regime, body = request.regime, request.body
    if body is not None and _BODY_REGIME[body] is not regime:
        raise request.not_applicable(
            "body",
            f"{body.value!r} is a kind of body under {_BODY_REGIME[body].label} only",
        )
    if request.identity_confirmed_on is not None:
        raise request.not_applicable(
            "identity_confirmed_on", "identity evidence is a subject access rule"
        )
    if request.public_interest_estimate is not None and regime is not Regime.FOIA:
        raise request.not_applicable(
            "public_interest_estimate",
            "only FOIA has a public interest extension (s10(3))"
            + (
                "; EIR reg 7 allows 40 working days: pass extended=True"
                if regime is Regime.EIR
                else ""
            ),
        )
    if request.extended and regime is Regime.FOISA:
        raise request.not_applicable(
            "extended",
            "FOISA has no public interest or other extension: the 20th working day "
            "is the limit (s10(1))",
        )
    if request.fee_notice_on is not None and regime in _NO_FEES:
        raise request.not_applicable("fee_notice_on", _NO_FEES[regime])
    if body is Body.SCHOOL and (
        request.fee_notice_on is not None
        or request.extended
        or request.public_interest_estimate
    ):
        raise request.not_applicable(
            "body",
            "the school formula (Time for Compliance Regulations 2004 reg 3) is not "
            "modelled together with a fees pause or a public interest extension",
        )
    if request.school_days is not None and body is not Body.SCHOOL:
        raise request.not_applicable(
            "school_days", "a term calendar is for body='school'"
        )
    if request.commissioner_day is not None and body not in (
        Body.ARMED_FORCES,
        Body.OVERSEAS,
    ):
        raise request.not_applicable(
            "commissioner_day",
            "a day specified by the Commissioner is for body='armed-forces' or "
            "'overseas' (Time for Compliance Regulations 2004 regs 5-6)",
        )


def _base_rule(request: _Request) -> ClockRule:
    body = request.body
    if body is Body.SCHOOL:
        return get_rule("foia.school")
    if body is Body.ARCHIVE:
        return get_rule("foia.archive")
    if body is Body.KEEPER:
        return get_rule("foisa.keeper")
    if request.commissioner_day is not None:
        return get_rule("foia.commissioner_specified")
    return get_rule(f"{request.regime}.response")


def _final_length(request: _Request, base_length: int) -> int:
    """The length of the period the fee pause stops, in working days."""
    if request.extended and request.regime in (Regime.EIR, Regime.EISR):
        return get_rule(f"{request.regime}.extended").length
    return base_length


def _fee_window(
    regime: Regime, notice: date, calendar: WorkingDayCalendar, policies: Policies
) -> Deadline:
    rule = get_rule(_FEE_RULE[regime])
    if rule.unit is Unit.WORKING_DAYS:
        due = calendar._offset(notice, rule.length, "fee_notice_on")
        used: tuple[str, ...] = ("proclaimed_holidays",)
        window_calendar: WorkingDayCalendar | None = calendar
    else:
        corresponding = add_months(notice, rule.length)
        due = (
            corresponding - _ONE_DAY
            if policies.fee_window == "beginning_with"
            else corresponding
        )
        used = ("fee_window",)
        window_calendar = None
    return Deadline(
        due=due,
        rule=rule,
        received=notice,
        day_zero=notice,
        calendar=window_calendar,
        policies=policies,
        policies_used=used,
    )


def _public_interest(clock: _Clock, base_length: int) -> Deadline:
    """FOIA s10(3): the decision by the estimate, capped by policy P5."""
    request = clock.request
    cap = request.policies.public_interest_cap
    cap_day = None if cap is None else clock.count(max(cap, base_length))
    estimate = request.public_interest_estimate
    notes: tuple[str, ...] = ()
    clock.used.append("public_interest_cap")
    if estimate is not None:
        if estimate <= clock.day0:
            raise TimelineError(
                "public_interest_estimate",
                estimate,
                f"the estimate must be after day 0 ({clock.day0}) (FOIA s17(2))",
            )
        due = estimate if cap_day is None else min(estimate, cap_day)
        if cap_day is not None and estimate > cap_day:
            notes = (
                f"The estimate of {_short(estimate)} is later than working day {cap} "
                f"({_short(cap_day)}); the ICO expects no more than {cap} working "
                "days in total except in exceptional cases, so the deadline is "
                "capped (policy P5).",
            )
        description = (
            "Public interest extension: the refusal notice estimated a decision by "
            f"{_short(estimate)} (FOIA s10(3), s17(2))."
        )
    elif cap_day is None:
        raise InvalidInputError(
            "public_interest_estimate",
            None,
            "a date: with no cap (policy P5 public_interest_cap=None) the decision "
            "is due by the authority's own estimate",
        )
    else:
        due = cap_day
        description = (
            "Public interest extension, with no estimate given: the decision is due "
            f"by working day {cap}, the ICO's normal limit (FOIA s10(3); policy P5)."
        )
    event = ClockEvent(kind=EventKind.EXTENSION, on=clock.day0, description=description)
    return clock.deadline(get_rule("foia.public_interest"), due, [event], notes)


def _school(clock: _Clock, rule: ClockRule) -> ResponseDeadlines:
    """The earlier of the 20th school day and the 60th working day (reg 3)."""
    limit = clock.count(60)
    school_days = clock.request.school_days
    event = ClockEvent(
        kind=EventKind.SUBSTITUTE,
        on=clock.day0,
        description=(
            "A school: the 20th working day that is a school day, or the 60th "
            "working day if that is earlier (Time for Compliance Regulations 2004 "
            "reg 3)."
        ),
    )
    if school_days is None:
        due = limit
        notes: tuple[str, ...] = (
            "No term calendar was given, so this is the outer limit: the 60th "
            "working day. The 20th school day may be earlier; pass school_days.",
        )
    else:
        due, notes = _nth_school_day(clock, school_days, limit)
    response = clock.deadline(rule, due, [event], notes)
    return ResponseDeadlines(
        response=response,
        refusal_notice=response.with_rule(get_rule("foia.refusal_notice")),
    )


def _nth_school_day(
    clock: _Clock, school_days: frozenset[date], limit: date
) -> tuple[date, tuple[str, ...]]:
    """The 20th working day with a session, or ``limit`` if that comes first."""
    calendar = clock.calendar
    last_known = max(school_days, default=clock.day0)
    counted = non_school = 0
    day = clock.day0
    while day < limit:
        day += _ONE_DAY
        if not calendar._is_working(day):
            continue
        if day > last_known:
            raise InvalidInputError(
                "school_days",
                f"a term calendar ending {last_known}",
                "term dates reaching the 20th school day after day 0, or the 60th "
                f"working day ({limit})",
            )
        if day not in school_days:
            non_school += 1
            continue
        counted += 1
        if counted == 20:
            plural = "s" if non_school != 1 else ""
            return day, (
                f"{non_school} working day{plural} without school sessions were not "
                "counted.",
            )
    return limit, ("The 60th working day came before the 20th school day.",)


# -- subject access --------------------------------------------------------------------


def _subject_access(request: _Request) -> ResponseDeadlines:
    """UK GDPR subject access: calendar months from the relevant time."""
    policies = request.policies
    for param, value in (
        ("public_interest_estimate", request.public_interest_estimate),
        ("body", request.body),
        ("school_days", request.school_days),
        ("commissioner_day", request.commissioner_day),
    ):
        if value is not None:
            raise request.not_applicable(param, "it is not a subject access rule")
    if request.fee_notice_on is not None:
        raise request.not_applicable("fee_notice_on", _NO_FEES[Regime.SAR])
    relevant, events = _relevant_time(request)
    key_day = request.received if policies.sar_transition == "receipt" else relevant
    suffix = "" if key_day >= SAR_REFORM_DAY else "_before_2026"
    roll_name = request.division.value if policies.sar_roll == "division" else "uk"
    period = _Months(
        request=request,
        relevant=relevant,
        calendar=working_calendar(roll_name, request.data, policies, relevant),
        events=events,
        used=["sar_month", "sar_roll", "sar_transition", "proclaimed_holidays"],
    )
    stopped = period.pause()
    if stopped is not None:
        return ResponseDeadlines(response=None, stopped=stopped)
    if not request.extended:
        return ResponseDeadlines(
            response=period.deadline(get_rule(f"sar.response{suffix}"), 1)
        )
    period.used.append("sar_extension")
    rule = get_rule(f"sar.extended{suffix}")
    notice = period.deadline(get_rule(f"sar.extension_notice{suffix}"), 1)
    extension = ClockEvent(
        kind=EventKind.EXTENSION,
        on=relevant,
        description=(
            "Extended by two further months for complexity or the number of "
            f"requests ({rule.citation}); the requester must be told, with reasons, "
            f"by {_short(notice.due)}."
        ),
    )
    return ResponseDeadlines(
        response=period.deadline(rule, 3, [extension]), extension_notice=notice
    )


def _relevant_time(request: _Request) -> tuple[date, list[ClockEvent]]:
    """The latest of receipt, identity evidence and a fee (Art 12A(2))."""
    relevant = request.received
    events: list[ClockEvent] = []
    for param, value, what in (
        ("identity_confirmed_on", request.identity_confirmed_on, "Identity evidence"),
        ("fee_paid_on", request.fee_paid_on, "The fee"),
    ):
        if value is None:
            continue
        _check_not_before(param, value, request.received, "the request", "Art 12A(2)")
        relevant = max(relevant, value)
        events.append(
            ClockEvent(
                kind=EventKind.RESTART,
                on=value,
                description=(
                    f"{what} received on {_short(value)}: time runs from the relevant "
                    "time, the latest of the request, identity evidence and any fee "
                    "(UK GDPR Art 12A(2))."
                ),
            )
        )
    return relevant, events


@attrs.define
class _Months:
    """A subject access period being worked out."""

    request: _Request
    relevant: date
    calendar: WorkingDayCalendar
    events: list[ClockEvent]
    used: list[str]
    paused_days: int = 0

    def end(self, months: int) -> tuple[date, bool]:
        """The unpaused, unrolled end of the period, and whether it rolls (P11, P12)."""
        policies = self.request.policies
        if months == 1 and policies.sar_month == "fixed_28_days":
            return self.relevant + timedelta(days=28), False
        if months == 3 and policies.sar_extension == "chained":
            end = add_months(add_months(self.relevant, 1), 2)
        else:
            end = add_months(self.relevant, months)
        if policies.sar_month == "beginning_with":
            return end - _ONE_DAY, False
        return end, True

    def pause(self) -> StoppedClock | None:
        """Apply a clarification pause (Art 12A(5), policy P13); or say it is open."""
        request = self.request
        sought, clarified = request.clarification_sought_on, request.clarified_on
        if sought is None:
            if clarified is not None:
                raise TimelineError(
                    "clarified_on",
                    clarified,
                    "a subject access clarification pauses the clock from the day the "
                    "controller asks for it: pass clarification_sought_on (Art 12A(5))",
                )
            return None
        law = "Art 12A(5)"
        _check_not_before(
            "clarification_sought_on", sought, request.received, "the request", law
        )
        unpaused, _ = self.end(3 if request.extended else 1)
        if sought > unpaused:
            raise TimelineError(
                "clarification_sought_on",
                sought,
                f"it is after the end of the period ({unpaused}); the response was "
                "already due",
            )
        if clarified is None:
            return StoppedClock(
                on=sought,
                remaining=(unpaused - sought).days,
                unit=Unit.CALENDAR_DAYS,
                resume_with="clarified_on",
                reason=(
                    "clarification was sought; the days until it is received do not "
                    "count (UK GDPR Art 12A(5))"
                ),
            )
        _check_not_before(
            "clarified_on", clarified, sought, "the clarification was sought", law
        )
        span = (clarified - sought).days
        policy = request.policies.sar_pause
        self.paused_days = span + 1 if policy != "exclusive" else max(span - 1, 0)
        self.used.append("sar_pause")
        plural = "s" if self.paused_days != 1 else ""
        self.events.append(
            ClockEvent(
                kind=EventKind.PAUSE,
                on=sought,
                until=clarified,
                description=(
                    f"Clarification sought on {_short(sought)} and received on "
                    f"{_short(clarified)}: {self.paused_days} day{plural} added to the "
                    f"period (UK GDPR Art 12A(5); policy P13 {policy})."
                ),
            )
        )
        return None

    def deadline(
        self, rule: ClockRule, months: int, extra: Sequence[ClockEvent] = ()
    ) -> Deadline:
        """The period of ``months`` under ``rule``, paused and rolled."""
        end, rolls = self.end(months)
        if (
            rolls
            and self.paused_days
            and self.request.policies.sar_pause == "roll_first"
        ):
            end = roll_forward(self.calendar, end)
        end += timedelta(days=self.paused_days)
        return Deadline(
            due=roll_forward(self.calendar, end) if rolls else end,
            rule=rule,
            received=self.request.received,
            day_zero=self.relevant,
            calendar=self.calendar if rolls else None,
            policies=self.request.policies,
            policies_used=tuple(self.used),
            events=_in_order(self.events, extra),
            rolled_from=end if rolls else None,
        )
