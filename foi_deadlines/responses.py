"""Response deadlines for a request, under every regime, with every modifier.

:func:`response_due` answers "when must this request be answered?";
:func:`response_deadlines` gives every related deadline of the same request (the
refusal notice, the public interest decision, an extension notice, the fee window).
Both take the same keyword options, turn them into the events of a timeline, and
hand them to the one engine (:func:`foi_deadlines.clocks.respond`), which reads the
regime's rule set in :mod:`foi_deadlines.rules`.

>>> from datetime import date
>>> response_due(date(2024, 12, 19)).due
datetime.date(2025, 1, 22)
>>> response_due(date(2024, 3, 28), regime="foisa").due
datetime.date(2024, 4, 26)
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Collection
from datetime import date, datetime
from typing import Final, NamedTuple

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
    Fact,
    ResponseDeadlines,
    StoppedClock,
    circumstances_of,
    period_end,
    policies_of,
    working_calendar,
)
from foi_deadlines.clocks._counting import DEFAULT_CIRCUMSTANCES, holiday_key
from foi_deadlines.clocks._response import _Walk, unmoved_response, walked
from foi_deadlines.errors import (
    InvalidInputError,
    NotApplicableError,
    ProvisionalDateWarning,
    RequestLapsedError,
    TimelineError,
    ignored,
)
from foi_deadlines.rules import (
    RULE_SETS,
    AggregationAnchor,
    Body,
    Policies,
    Regime,
    RuleSet,
    get_rule,
    rule_set,
)
from foi_deadlines.timeline import KEYWORDS, RANK, CaseEventKind

__all__ = [
    "Body",
    "ResponseDeadlines",
    "StoppedClock",
    "aggregation_window",
    "fee_payment_deadline",
    "response_deadlines",
    "response_due",
]

_NO_OPTIONS: Final = (None,) * 12
#: The regimes by name, for the look-up on the hot path.
_REGIMES: Final[dict[str, Regime]] = {regime.value: regime for regime in Regime}


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
    extended_on: date | None = None,
) -> Deadline:
    """When a request must be answered.

    Args:
        received: The day the request was received (a date, or a timestamp, taken
            as its date in the UK).
        regime: A :class:`~foi_deadlines.rules.Regime` or its value, such as
            ``"foia"`` or ``"sar"`` (one for each rule set).
        clarified_on: The day the clarification (further information, further
            particulars) was received: the clock restarts from it. For subject
            access, the day the answer to a request for clarification arrived.
        clarification_sought_on: The day the authority asked for clarification.
            It must be within the time for complying to stop the clock; for
            subject access it starts a pause.
        fee_notice_on: The day a fees notice (EIR: advance payment notification)
            was given: the clock stops until the fee is paid. A notice given after
            the time for complying has no effect.
        fee_paid_on: The day the fee was received. For subject access, a fee
            paid restarts the clock (the relevant time).
        extended: A public interest extension (FOIA), a complex-and-voluminous
            extension (EIR, EISR reg 7), or two further months (subject access),
            taken as notified in time.
        public_interest_estimate: FOIA: the date given in the refusal notice for
            the public interest decision.
        body: A kind of authority with its own time for compliance (see
            :class:`~foi_deadlines.rules.Body`).
        school_days: For a school: the days with sessions (its term calendar).
        commissioner_day: For armed forces or overseas information: the day the
            Commissioner specified.
        identity_confirmed_on: Subject access: the day identity evidence arrived.
        division: Subject access: the controller's part of the UK, whose public
            holidays roll the date forward (policy P16).
        policies: The choices where the law is open
            (:class:`~foi_deadlines.rules.Policies`).
        data: Holiday data to count on (if omitted, the library's default data:
            :func:`~foi_deadlines.holiday_store.default_data`).
        extended_on: The day the extension was notified, to check it against its
            window (an extension notified too late has no effect); implies
            ``extended``.

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
        type(received) is date
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
            extended_on,
        )
        == _NO_OPTIONS
    ):
        # The common case, kept lean for batch jobs: nothing has happened since
        # the request arrived, under the defaults.
        unmoved = _unmoved(received, regime)
        if unmoved is not None:
            deadline = unmoved[0]
            if deadline.provisional:
                _warn_provisional(deadline)
            return deadline
    walk = _walk_of(
        _Call(
            received,
            regime,
            clarified_on,
            clarification_sought_on,
            fee_notice_on,
            fee_paid_on,
            extended,
            public_interest_estimate,
            body,
            school_days,
            commissioner_day,
            identity_confirmed_on,
            division,
            policies,
            data,
            extended_on,
        )
    )
    final = walk.final_deadline()
    if final is None:
        raise _no_due_date(walk.deadlines(), fee_paid_on, clarified_on)
    if final.provisional:
        _warn_provisional(final)
    return final


def _no_due_date(
    stage: ResponseDeadlines, fee_paid_on: object, clarified_on: object
) -> Exception:
    """The error for a stage with no response deadline."""
    window = stage.fee_payment
    if stage.stopped is not None:
        return stage.stopped.to_error()
    if stage.lapsed_on is not None and window is not None:
        return RequestLapsedError(
            "fee_paid_on",
            fee_paid_on,
            f"the fee was due by {window.due} ({window.citation}); the authority is "
            "not obliged to comply, and the request has lapsed",
        )
    return RequestLapsedError(
        "clarified_on",
        clarified_on,
        f"the request was treated as closed on {stage.abandoned_on}, the clarification "
        "having been awaited too long (policy P17)",
    )


def _unmoved(received: date, regime: object) -> tuple[Deadline, RuleSet] | None:
    """The engine's walk-free deadline for a request with no options, and its rules.

    ``None`` where the walk is needed, or the arguments are for it to refuse.
    """
    chosen = _REGIMES.get(regime) if isinstance(regime, str) else None
    if chosen is None or not FIRST_SUPPORTED_DAY <= received <= LAST_SUPPORTED_DAY:
        return None
    rules = rule_set(chosen, received)
    deadline = unmoved_response(rules, received)
    return None if deadline is None else (deadline, rules)


def _warn_provisional(deadline: Deadline) -> None:
    assert deadline.calendar is not None
    if ignored(ProvisionalDateWarning):
        return  # nothing is built for a warning the filters drop
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
    extended_on: date | None = None,
) -> ResponseDeadlines:
    """Every deadline of a request's response stage; options as :func:`response_due`.

    Unlike :func:`response_due`, a stopped clock or a lapsed request is not an
    error here: the result has ``response=None`` and says why in ``stopped`` (with
    the fee window when there is one) or ``lapsed_on``. It gives no warnings; check
    ``Deadline.provisional``. Events that came too late to take effect are in
    ``events``, each saying why.

    >>> both = response_deadlines(
    ...     date(2025, 2, 3), public_interest_estimate=date(2025, 4, 1)
    ... )
    >>> both.refusal_notice.due, both.public_interest.due
    (datetime.date(2025, 3, 3), datetime.date(2025, 4, 1))
    """
    if (
        type(received) is date
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
            extended_on,
        )
        == _NO_OPTIONS
    ):
        # As in response_due: the common case, kept lean for case systems.
        unmoved = _unmoved(received, regime)
        if unmoved is not None:
            deadline, rules = unmoved
            refusal = rules.optional_rule(rules.refusal_notice)
            return ResponseDeadlines(
                response=deadline,
                refusal_notice=None if refusal is None else deadline.with_rule(refusal),
            )
    return _walk_of(
        _Call(
            received,
            regime,
            clarified_on,
            clarification_sought_on,
            fee_notice_on,
            fee_paid_on,
            extended,
            public_interest_estimate,
            body,
            school_days,
            commissioner_day,
            identity_confirmed_on,
            division,
            policies,
            data,
            extended_on,
        )
    ).deadlines()


class _Call(NamedTuple):
    """The arguments of one keyword call, in order."""

    received: date
    regime: Regime | str
    clarified_on: date | None
    clarification_sought_on: date | None
    fee_notice_on: date | None
    fee_paid_on: date | None
    extended: bool
    public_interest_estimate: date | None
    body: Body | str | None
    school_days: Collection[date] | None
    commissioner_day: date | None
    identity_confirmed_on: date | None
    division: Division | str
    policies: Policies | None
    data: HolidayData | None
    extended_on: date | None


def _walk_of(call: _Call) -> _Walk:
    """The engine's walk for a keyword call, remembered where the call allows.

    A call is a pure function of its arguments, so the same call twice (a
    spreadsheet recalculating, a batch of requests received the same day) walks
    once. Calls with an argument that cannot be a key (a list of school days) are
    walked each time; so are calls whose ``extended`` is not a bool, which are
    refused, as a key would take ``1`` for ``True``.
    """
    if call.extended is True or call.extended is False:
        try:
            hash(call)
        except TypeError:
            pass
        else:
            return _remembered_walk(call, holiday_key(call.data))
    return _walk_for(call)


@functools.lru_cache(maxsize=16384)
def _remembered_walk(call: _Call, _holidays: HolidayData | None) -> _Walk:
    """A call's walk, remembered per the default holiday data it counts on."""
    return _walk_for(call)


def _walk_for(call: _Call) -> _Walk:
    """The keywords checked and turned into events, and the engine's walk."""
    (
        received,
        regime,
        clarified_on,
        clarification_sought_on,
        fee_notice_on,
        fee_paid_on,
        extended,
        public_interest_estimate,
        body,
        school_days,
        commissioner_day,
        identity_confirmed_on,
        division,
        policies,
        data,
        extended_on,
    ) = call
    if extended is not False and extended is not True:
        raise InvalidInputError("extended", extended, "True or False")
    if data is not None and not isinstance(data, HolidayData):
        raise InvalidInputError("data", data, "a foi_deadlines.HolidayData or None")
    chosen = _REGIMES.get(regime) if isinstance(regime, str) else None
    if chosen is None:
        chosen = member_of(Regime, regime, "regime")
    day = received if type(received) is date else to_uk_date(received, "received")
    supported_day(day, "received", chosen.calendar or "any")
    rules = rule_set(chosen, day)
    dates = _Dates(
        sought=_day(clarification_sought_on, "clarification_sought_on"),
        clarified=_day(clarified_on, "clarified_on"),
        notice=_day(fee_notice_on, "fee_notice_on"),
        paid=_day(fee_paid_on, "fee_paid_on"),
        identity=_day(identity_confirmed_on, "identity_confirmed_on"),
        extended_on=_day(extended_on, "extended_on"),
        estimate=_day(public_interest_estimate, "public_interest_estimate"),
    )
    specified = _day(commissioner_day, "commissioner_day")
    if (
        policies is None
        and data is None
        and division is Division.ENGLAND_AND_WALES
        and body is None
        and school_days is None
        and specified is None
    ):
        circumstances = DEFAULT_CIRCUMSTANCES
    else:
        circumstances = circumstances_of(
            policies=policies_of(policies),
            data=data,
            division=member_of(Division, division, "division"),
            body=_body(rules, body),
            school_days=_school_days(rules, body, school_days),
            commissioner_day=specified,
        )
        _check_specified(rules, circumstances)
    facts: tuple[Fact, ...] = ()
    if extended or dates != _NO_DATES:
        facts = _facts(rules, day, dates, circumstances.policies, extended=extended)
    return walked(
        rules,
        facts,
        circumstances,
        day,
        received if isinstance(received, datetime) else None,
    )


# -- keywords to events ----------------------------------------------------------------


def _day(value: object, param: str) -> date | None:
    if value is None:
        return None
    day = value if type(value) is date else to_uk_date(value, param)
    return supported_day(day, param)


def _body(rules: RuleSet, value: object) -> Body | None:
    if value is None:
        return None
    body = member_of(Body, value, "body")
    if rules.body(body) is not None:
        return body
    reason = rules.refusal("body")
    if reason is None:
        owners = [
            edition.label
            for editions in RULE_SETS.values()
            for edition in editions[-1:]
            if edition.body(body) is not None
        ]
        reason = f"{body.value!r} is a kind of body under {' and '.join(owners)} only"
    raise NotApplicableError("body", rules.label, reason)


def _school_days(rules: RuleSet, body: object, value: object) -> frozenset[date] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Collection):
        raise InvalidInputError(
            "school_days", value, "a collection of dates with school sessions"
        )
    _option_needs_body(rules, body, "counts_only", "school_days")
    days = frozenset(
        to_uk_date(day, f"school_days[{index}]") for index, day in enumerate(value)
    )
    for day in (min(days, default=None), max(days, default=None)):
        if day is not None:
            supported_day(day, "school_days")
    return days


def _check_specified(rules: RuleSet, circumstances: Circumstances) -> None:
    if circumstances.commissioner_day is not None:
        body = None if circumstances.body is None else circumstances.body.value
        _option_needs_body(rules, body, "specified_day", "commissioner_day")


def _option_needs_body(rules: RuleSet, body: object, field: str, option: str) -> None:
    """Refuse ``option`` unless the body's rule is the one that reads it."""
    takers = [
        b.body.value
        for b in rules.bodies
        if getattr(rules.rule(b.response), field) == option
    ]
    if body in takers:
        return
    reason = rules.refusal(option)
    if reason is None:
        names = " or ".join(repr(name) for name in takers) or "no kind of body"
        reason = f"it is for body={names}" if takers else "no kind of body reads it"
    raise NotApplicableError(option, rules.label, reason)


class _Dates(NamedTuple):
    """The dates given as keywords, checked."""

    sought: date | None = None
    clarified: date | None = None
    notice: date | None = None
    paid: date | None = None
    identity: date | None = None
    extended_on: date | None = None
    estimate: date | None = None


_NO_DATES: Final = _Dates()


def _facts(
    rules: RuleSet,
    received: date,
    dates: _Dates,
    policies: Policies,
    *,
    extended: bool,
) -> tuple[Fact, ...]:
    """The dates as events, checked and in date order."""
    kinds = rules.event_kinds
    facts: list[Fact] = []

    def add(kind: CaseEventKind, param: str, on: date | None, **extra: date) -> None:
        if kind not in kinds:
            raise NotApplicableError(
                param, rules.label, rules.refusal(str(kind)) or _not_a_rule(rules)
            )
        if on is not None and on < received:
            raise TimelineError(
                param, on, f"it cannot be before the request, received on {received}"
            )
        facts.append(Fact(kind, on, extra.get("estimate")))

    sought, clarified = dates.sought, dates.clarified
    if sought is not None or clarified is not None:
        step = rules.step_closed_by(CaseEventKind.CLARIFICATION_RECEIVED)
        if clarified is not None and sought is None and step and step.needs_opening:
            raise TimelineError("clarified_on", clarified, step.needs_opening)
        add(CaseEventKind.CLARIFICATION_SOUGHT, "clarification_sought_on", sought)
        if clarified is not None:
            _not_before(
                clarified, sought, "clarified_on", "the clarification was sought"
            )
            add(CaseEventKind.CLARIFICATION_RECEIVED, "clarified_on", clarified)
    notice, paid = dates.notice, dates.paid
    if notice is not None:
        add(CaseEventKind.FEES_NOTICE, "fee_notice_on", notice)
    if paid is not None:
        step = rules.step_closed_by(CaseEventKind.FEE_PAID)
        if step is not None and notice is None:
            raise TimelineError("fee_paid_on", paid, step.needs_opening)
        _not_before(paid, notice, "fee_paid_on", "the fees notice")
        add(CaseEventKind.FEE_PAID, "fee_paid_on", paid)
    if dates.identity is not None:
        add(CaseEventKind.IDENTITY_CONFIRMED, "identity_confirmed_on", dates.identity)
    if extended or dates.estimate is not None or dates.extended_on is not None:
        _extension(
            rules,
            received=received,
            policies=policies,
            estimate=dates.estimate,
            extended_on=dates.extended_on,
            add=add,
        )
    facts.sort(key=lambda f: (f.on or received, RANK[f.kind]))
    return tuple(facts)


def _extension(
    rules: RuleSet,
    *,
    received: date,
    policies: Policies,
    estimate: date | None,
    extended_on: date | None,
    add: object,
) -> None:
    kind = rules.extension_kind
    param = "extended" if estimate is None else "public_interest_estimate"
    takes_estimate = kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
    if kind is None or (estimate is not None and not takes_estimate):
        reason = rules.refusal(param) or rules.refusal(
            "public_interest_extension" if estimate is not None else "extension"
        )
        raise NotApplicableError(param, rules.label, reason or _not_a_rule(rules))
    step = rules.step(kind)
    assert step is not None
    if estimate is not None and estimate <= (extended_on or received):
        raise TimelineError(
            "public_interest_estimate",
            estimate,
            f"the estimate must be after day 0 ({extended_on or received}) "
            f"({step.citation})",
        )
    extended_rule = rules.rule(step.extends_to)
    if (
        estimate is None
        and extended_rule.length_policy
        and getattr(policies, extended_rule.length_policy) is None
    ):
        raise InvalidInputError(
            "public_interest_estimate",
            None,
            "a date: with no cap (policy P5 public_interest_cap=None) the decision "
            "is due by the authority's own estimate",
        )
    assert callable(add)
    if takes_estimate and estimate is not None:
        add(kind, KEYWORDS[kind], extended_on, estimate=estimate)
    else:
        add(kind, KEYWORDS[kind], extended_on)


def _not_before(day: date, earlier: date | None, param: str, what: str) -> None:
    if earlier is not None and day < earlier:
        raise TimelineError(param, day, f"it cannot be before {what} ({earlier})")


def _not_a_rule(rules: RuleSet) -> str:
    return f"it is not a {rules.label} rule"


# -- windows of their own --------------------------------------------------------------


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
    chosen = member_of(Regime, regime, "regime")
    notice = supported_day(to_uk_date(fee_notice_on, "fee_notice_on"), "fee_notice_on")
    rules = rule_set(chosen, notice)
    step = rules.step(CaseEventKind.FEES_NOTICE)
    if step is None or not step.fee_rule:
        reason = rules.refusal("fees_notice") or "no fee window"
        raise NotApplicableError("fee_notice_on", rules.label, reason)
    chosen_policies = policies_of(policies)
    rule = rules.rule(step.fee_rule).under(chosen_policies)
    circumstances = Circumstances(policies=chosen_policies, data=data)
    calendar = circumstances.calendar_for(rule, notice)
    due, _ = period_end(rule, notice, calendar, (), chosen_policies)
    used = ["proclaimed_holidays", "holiday_source"] if calendar else []
    used += list(rule.policies_read)
    return Deadline(
        due=due,
        rule=rule,
        received=notice,
        day_zero=notice,
        calendar=calendar,
        policies=chosen_policies,
        policies_used=tuple(used),
    )


def aggregation_window(
    first_received: date,
    *,
    data: HolidayData | None = None,
    policies: Policies | None = None,
) -> Deadline:
    """The last day of the 60-working-day window for aggregating requests.

    The Appropriate Limit and Fees Regulations 2004 reg 5 let an authority add up
    the cost of requests received within any 60 consecutive working days. Anchored
    on the first request's day of receipt as working day 1 (policy P15); advisory.
    Under P15 ``any_window``, the deadline also notes the earliest day a request
    could be received and still be aggregated with this one.

    >>> aggregation_window(date(2025, 1, 6)).due
    datetime.date(2025, 3, 31)
    """
    first = supported_day(
        to_uk_date(first_received, "first_received"), "first_received"
    )
    chosen = policies_of(policies)
    rule = get_rule("foia.aggregation").under(chosen)
    calendar = working_calendar("uk", data, chosen, first)
    due, _ = period_end(rule, first, calendar, (), chosen)
    notes = [
        "The window counts the first request's day of receipt (or the next working "
        "day, if it is not one) as working day 1."
    ]
    if chosen.aggregation_anchor is AggregationAnchor.ANY_WINDOW:
        first_working = calendar.next_working_day(first, include_start=True, warn=False)
        earliest = calendar.add_working_days(first_working, 1 - rule.length, warn=False)
        notes.append(
            f"Any {rule.length} consecutive working days count (policy P15 "
            f"any_window): requests received from {earliest} may be aggregated with "
            "this one too."
        )
    return Deadline(
        due=due,
        rule=rule,
        received=first,
        day_zero=first,
        calendar=calendar,
        policies=chosen,
        policies_used=("proclaimed_holidays", "holiday_source", "aggregation_anchor"),
        notes=tuple(notes),
    )
