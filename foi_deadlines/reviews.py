"""After the response: internal reviews, complaints to the regulator, and appeals.

* :func:`review_request_deadline`: the requester's window to ask for a review (FOIA
  internal review, EIR and EISR representations, FOISA requirement for review).
* :func:`review_request_check`: whether a given request for review was in time, and
  if not by how many working days it was late.
* :func:`review_due`: the authority's time to complete the review.
* :func:`regulator_deadline`: the window to complain to the Information
  Commissioner or apply to the Scottish Information Commissioner.
* :func:`tribunal_deadline`: the window to appeal a decision notice to the
  First-tier Tribunal or the Court of Session.

Each reads the regime's rule set (its review, regulator and appeal rules, and the
anchor that says what day 0 is) and counts with the engine in
:mod:`foi_deadlines.clocks`. FOIA internal reviews are good practice under the s45
Code of Practice, not statute, and authorities publish different windows: an
:class:`~foi_deadlines.rules.AuthorityPolicy` records what an authority publishes,
with presets for the common variants.

>>> from datetime import date
>>> review_request_deadline(date(2024, 12, 19)).due
datetime.date(2025, 2, 19)
>>> review_due(date(2025, 4, 14)).due
datetime.date(2025, 5, 15)
"""

from __future__ import annotations

import warnings
from datetime import date

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import short_day, to_uk_date
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.calendars import supported_day
from foi_deadlines.clocks import (
    Circumstances,
    Deadline,
    StageFacts,
    policies_of,
    stage_anchor,
    stage_deadline,
    working_days_late,
)
from foi_deadlines.errors import (
    FoiDeadlinesWarning,
    InvalidInputError,
    NotApplicableError,
    TimelineError,
)
from foi_deadlines.rules import (
    PRESETS,
    RULE_SETS,
    Anchor,
    AuthorityPolicy,
    Body,
    ClockRule,
    Policies,
    Regime,
    RequesterWindowStart,
    RuleSet,
    rule_set,
)
from foi_deadlines.rules._policies import CODE_REQUEST_WINDOW, authority_policy_of

__all__ = [
    "CODE_REQUEST_WINDOW",
    "PRESETS",
    "AuthorityPolicy",
    "ReviewRequestCheck",
    "ShortReviewWindowWarning",
    "regulator_deadline",
    "review_due",
    "review_request_check",
    "review_request_deadline",
    "tribunal_deadline",
]


class ShortReviewWindowWarning(FoiDeadlinesWarning):
    """An authority's review window is shorter than the Code of Practice's."""


def _rules(regime: object, stage: str, what: str) -> tuple[RuleSet, ClockRule]:
    """The regime's rule set and its rule for ``stage``, or why it has none."""
    rules = rule_set(member_of(Regime, regime, "regime"))
    rule = rules.optional_rule(getattr(rules, stage))
    if rule is None:
        raise NotApplicableError("regime", rules.label, f"there is no {what}")
    return rules, rule


def _day(value: object, param: str, calendar: str) -> date:
    return supported_day(to_uk_date(value, param), param, calendar)


# -- the requester's window ------------------------------------------------------------


def review_request_deadline(
    response_on: date,
    *,
    regime: Regime | str = "foia",
    policy: AuthorityPolicy | str | None = None,
    extenuating: bool = False,
    response_received_on: date | None = None,
    response_due_on: date | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """The last day for the requester to ask for a review of a response.

    Args:
        response_on: The date of the response (or refusal notice).
        regime: A :class:`~foi_deadlines.rules.Regime` with a review stage, or its
            value, such as ``"foia"`` or ``"eir"``.
        policy: FOIA: the authority's published windows (an
            :class:`~foi_deadlines.rules.AuthorityPolicy` or a preset name); the
            Code of Practice's by default.
        extenuating: FOIA: use the authority's window for extenuating
            circumstances.
        response_received_on: The day the requester received the response; used
            under policy P10 ``received_by_requester``, and for a late FOISA
            response.
        response_due_on: FOISA: the day the response was due (the expiry of the
            time allowed by s10); the 40 working days run from it when the
            response was on time (policy P8).
        policies: The choices where the law is open.
        data: Holiday data to count on.

    Returns:
        The deadline for asking; under FOIA, flagged as guidance, not statute.

    Raises:
        TimelineError: The requester received the response before it was sent.
        NotApplicableError: A regime with no review, or extenuating circumstances
            where the window is set by law or the authority offers none.
        InvalidInputError: An unknown regime or preset, or FOISA without the date
            the response was due.

    >>> review_request_deadline(
    ...     date(2024, 12, 19), policy="twenty-or-forty", extenuating=True
    ... ).due
    datetime.date(2025, 2, 19)
    """
    rules, rule = _rules(regime, "review_request", "statutory or Code review")
    name = rules.calendar or "uk"
    response = _day(response_on, "response_on", name)
    received = (
        None
        if response_received_on is None
        else _day(response_received_on, "response_received_on", name)
    )
    if received is not None and received < response:
        raise TimelineError(
            "response_received_on",
            received,
            f"the response cannot be received before it was sent ({response})",
        )
    due_on = (
        None
        if response_due_on is None
        else _day(response_due_on, "response_due_on", name)
    )
    chosen = policies_of(policies)
    authority = authority_policy_of(policy)
    anchor = rule.under(chosen).anchor
    if (
        anchor in (Anchor.RESPONSE, Anchor.RESPONSE_ELSE_EXPIRY)
        and chosen.requester_window_start is RequesterWindowStart.RECEIVED_BY_REQUESTER
        and received is None
    ):
        raise InvalidInputError(
            "response_received_on",
            None,
            "the day the requester received the response, under policy P10 "
            "received_by_requester",
        )
    if anchor is Anchor.EXPIRY_OR_LATE_RESPONSE and due_on is None:
        switch = " or ".join(f"Policies({v.policy}={v.value!r})" for v in rule.variants)
        raise InvalidInputError(
            "response_due_on",
            None,
            f"the day the response was due ({rule.citation}(a) counts from the "
            "expiry of the time to respond; response_due(received, "
            f"regime={str(rules.regime)!r}).due gives it), or {switch}",
        )
    day0, events = stage_anchor(
        rule,
        StageFacts(
            response_on=response,
            response_received_on=received,
            response_due=due_on,
        ),
        chosen,
    )
    assert day0 is not None
    notes, field = _authority_notes(rules, rule, authority, policy, extenuating)
    return stage_deadline(
        rule,
        day0,
        Circumstances(policies=chosen, data=data, authority=authority),
        received=response,
        events=events,
        notes=notes,
        authority_field=field,
    )


def _authority_notes(
    rules: RuleSet,
    rule: ClockRule,
    authority: AuthorityPolicy,
    policy: object,
    extenuating: bool,  # noqa: FBT001 - the keyword of the public functions
) -> tuple[list[str], str]:
    """What the authority's policy changes for ``rule``, and the field it reads."""
    if not rule.authority_length:
        if extenuating:
            raise NotApplicableError(
                "extenuating",
                rules.label,
                rules.refusal("extenuating")
                or f"the window is set by law ({rule.citation})",
            )
        if policy is None:
            return [], ""
        return [
            f"The window is statutory ({rule.citation}); an authority's published "
            "policy does not change it."
        ], ""
    notes = list(authority.caveats)
    field = rule.authority_length
    window = getattr(authority, field)
    if extenuating:
        if authority.extenuating_window is None:
            raise NotApplicableError(
                "extenuating",
                rules.label,
                f"the authority's policy {authority.name!r} has no longer window for "
                "extenuating circumstances",
            )
        field = "extenuating_window"
        window = authority.extenuating_window
        notes.append(
            f"Extenuating circumstances: the authority allows {window} working days."
        )
    if window < rule.length:
        warnings.warn(
            f"the authority's window to ask for a review ({window} working days) is "
            f"shorter than the Code of Practice's {rule.length}",
            ShortReviewWindowWarning,
            stacklevel=4,
        )
    return notes, field


@attrs.frozen(kw_only=True)
class ReviewRequestCheck:
    """Whether a request for review arrived in time.

    Attributes:
        deadline: The window it was measured against.
        requested_on: The day the request for review was made.
        in_time: Whether it was made on or before the last day.
        working_days_late: How many working days after the last day it was made;
            0 when in time.
        message: The answer in a sentence.
    """

    deadline: Deadline
    requested_on: date
    in_time: bool
    working_days_late: int
    message: str


def review_request_check(
    response_on: date,
    requested_on: date,
    *,
    regime: Regime | str = "foia",
    policy: AuthorityPolicy | str | None = None,
    extenuating: bool = False,
    response_received_on: date | None = None,
    response_due_on: date | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> ReviewRequestCheck:
    """Whether a request for review was in time, and by how much it was late.

    A late request is an answer, not an error: the authority may still accept it.

    >>> check = review_request_check(date(2024, 12, 19), date(2025, 2, 24))
    >>> check.in_time, check.working_days_late
    (False, 3)
    >>> print(check.message)
    late by 3 working days (the window ended on Wed 19 Feb 2025); the authority may
    still accept it: the window is good practice under the Code of Practice, not
    statute
    """
    deadline = review_request_deadline(
        response_on,
        regime=regime,
        policy=policy,
        extenuating=extenuating,
        response_received_on=response_received_on,
        response_due_on=response_due_on,
        policies=policies,
        data=data,
    )
    calendar = deadline.calendar
    assert calendar is not None
    requested = _day(requested_on, "requested_on", calendar.name)
    if requested < deadline.received:
        raise TimelineError(
            "requested_on",
            requested,
            f"a review cannot be requested before the response ({deadline.received})",
        )
    if requested <= deadline.due:
        left = calendar.working_days_between(requested, deadline.due, warn=False)
        message = (
            f"in time: the window ends on {short_day(deadline.due)}, {left} working "
            f"day{'s' if left != 1 else ''} after the request"
        )
        return ReviewRequestCheck(
            deadline=deadline,
            requested_on=requested,
            in_time=True,
            working_days_late=0,
            message=message,
        )
    late = working_days_late(calendar, deadline.due, requested)
    late_means = rule_set(deadline.regime).late_review_request
    message = (
        f"late by {late} working day{'s' if late != 1 else ''} (the window ended on "
        f"{short_day(deadline.due)}); {late_means}"
    )
    return ReviewRequestCheck(
        deadline=deadline,
        requested_on=requested,
        in_time=False,
        working_days_late=late,
        message=message,
    )


# -- the authority's review ------------------------------------------------------------


def review_due(
    review_requested_on: date,
    *,
    regime: Regime | str = "foia",
    complex: bool = False,
    policy: AuthorityPolicy | str | None = None,
    body: Body | str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """When the authority must complete a review.

    Args:
        review_requested_on: The day the request for review (the requirement for
            review, the representations) was received.
        regime: A :class:`~foi_deadlines.rules.Regime` with a review stage, or its
            value, such as ``"foia"`` or ``"eir"``.
        complex: FOIA: a complex or exceptional case (40 working days by default).
        policy: FOIA: the authority's published times.
        body: FOISA: ``"keeper"`` for the Keeper of the Records of Scotland,
            reviewing where another authority reviews the decision under s22(4).
        policies: The choices where the law is open.
        data: Holiday data to count on.

    Returns:
        The deadline; under FOIA, flagged as guidance, not statute.

    Raises:
        NotApplicableError: ``complex`` where the time is fixed by law, or a body
            the regime does not have.

    >>> review_due(date(2025, 4, 14), complex=True).due
    datetime.date(2025, 6, 13)
    """
    rules, rule = _rules(regime, "review", "statutory or Code review")
    requested = _day(review_requested_on, "review_requested_on", rules.calendar or "uk")
    if complex:
        extended = rules.optional_rule(rules.review_extended)
        if extended is None:
            reason = (
                rules.refusal("complex")
                or f"the time is fixed by law ({rule.citation})"
            )
            raise NotApplicableError("complex", rules.label, reason)
        rule = extended
    if body is not None:
        rule = _body_review(rules, member_of(Body, body, "body"))
    authority = authority_policy_of(policy)
    notes = list(authority.caveats) if rule.authority_length else []
    return stage_deadline(
        rule,
        requested,
        Circumstances(policies=policies_of(policies), data=data, authority=authority),
        notes=notes,
    )


def _body_review(rules: RuleSet, body: Body) -> ClockRule:
    found = rules.body(body)
    if found is None or not found.review:
        takers = [
            f"{edition.label} for body={b.body.value!r}"
            for editions in RULE_SETS.values()
            for edition in editions[-1:]
            for b in edition.bodies
            if b.review
        ]
        raise NotApplicableError(
            "body",
            rules.label,
            "a different review time applies only under " + " and ".join(takers),
        )
    return rules.rule(found.review)


# -- regulators and tribunals ---------------------------------------------------------


def regulator_deadline(
    final_response_on: date,
    *,
    regime: Regime | str = "foia",
    policies: Policies | None = None,
) -> Deadline:
    """The window to take a complaint to the regulator.

    * FOIA and EIR: six weeks to complain to the Information Commissioner from the
      final response (the review outcome) or last substantive contact; ICO practice,
      not statute.
    * FOISA and EISR: six months to apply to the Scottish Information Commissioner
      after receiving the review notice, or after the time for the review expired
      (FOISA s47(4); policy P9).
    * Subject access: three months from the last contact with the organisation
      (ICO practice).

    >>> regulator_deadline(date(2024, 12, 19)).due
    datetime.date(2025, 1, 30)
    >>> regulator_deadline(date(2025, 8, 31), regime="foisa").due
    datetime.date(2026, 2, 28)
    """
    _, rule = _rules(regime, "regulator", "regulator")
    start = _day(final_response_on, "final_response_on", "none")
    return stage_deadline(rule, start, Circumstances(policies=policies_of(policies)))


def tribunal_deadline(
    decision_sent_on: date,
    *,
    regime: Regime | str = "foia",
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """The window to appeal a regulator's decision notice.

    * FOIA and EIR: the notice of appeal must reach the First-tier Tribunal within
      28 days of the date the decision notice was sent; a last day that is not a
      working day moves to the next one (GRC Rules r22(1)(b), r12; policy P14).
    * FOISA and EISR: an appeal on a point of law to the Court of Session within 42
      days after the decision is intimated.

    >>> tribunal_deadline(date(2025, 11, 28)).due   # day 28 is Boxing Day
    datetime.date(2025, 12, 29)
    """
    _, rule = _rules(regime, "appeal", "tribunal appeal modelled")
    start = _day(decision_sent_on, "decision_sent_on", "england-and-wales")
    return stage_deadline(
        rule, start, Circumstances(policies=policies_of(policies), data=data)
    )
