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

FOIA internal reviews are good practice under the s45 Code of Practice, not statute,
and authorities publish different windows: an :class:`AuthorityPolicy` records what
an authority publishes, with presets for the common variants.

>>> from datetime import date
>>> review_request_deadline(date(2024, 12, 19)).due
datetime.date(2025, 2, 19)
>>> review_due(date(2025, 4, 14)).due
datetime.date(2025, 5, 15)
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import short_day, to_uk_date
from foi_deadlines.bank_holidays import (
    HolidayData,
)
from foi_deadlines.calendars import WorkingDayCalendar, supported_day
from foi_deadlines.clocks import (
    ClockEvent,
    Deadline,
    EventKind,
    Policies,
    add_months,
    policies_of,
    roll_forward,
    working_calendar,
    working_days_late,
)
from foi_deadlines.errors import (
    FoiDeadlinesWarning,
    InvalidInputError,
    NotApplicableError,
    TimelineError,
)
from foi_deadlines.rules import ClockRule, Regime, Unit, get_rule

__all__ = [
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

#: The Code of Practice's and the ICO's window for asking for a FOIA review.
CODE_REQUEST_WINDOW: Final = 40
_REQUEST_RULE: Final = {
    Regime.FOIA: "foia.review_request",
    Regime.EIR: "eir.representations",
    Regime.FOISA: "foisa.review_requirement",
    Regime.EISR: "eisr.representations",
}
_REVIEW_RULE: Final = {
    Regime.FOIA: "foia.review",
    Regime.EIR: "eir.reconsideration",
    Regime.FOISA: "foisa.review",
    Regime.EISR: "eisr.review",
}
_LATE_ACCEPTANCE: Final = {
    Regime.FOIA: (
        "the authority may still accept it: the window is good practice under the "
        "Code of Practice, not statute"
    ),
    Regime.EIR: (
        "regulation 11(2) sets the limit, but the authority may still consider late "
        "representations"
    ),
    Regime.FOISA: (
        "the authority may still accept it if it considers it appropriate (FOISA "
        "s20(6))"
    ),
    Regime.EISR: (
        "regulation 16(2) sets the limit, but the authority may still consider late "
        "representations"
    ),
}


class ShortReviewWindowWarning(FoiDeadlinesWarning):
    """An authority's review window is shorter than the Code of Practice's."""


def _positive(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(attribute.name, value, "a whole number of working days")


def _optional_positive(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None:
        _positive(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class AuthorityPolicy:
    """The review windows an authority publishes for FOIA requests.

    Defaults are the Code of Practice's and the ICO's: ask for a review within 40
    working days of the response; the review is done within 20 working days, 40 in
    complex cases. EIR, FOISA and EISR windows are statutory and do not depend on
    the authority.

    >>> print(*AuthorityPolicy.preset("twenty-or-forty").caveats)
    The window to ask for a review, 20 working days, is shorter than the 40 working
    days of the Code of Practice and the ICO.

    Attributes:
        name: A name for the policy, shown in explanations.
        request_window: Working days from the response to ask for a review.
        extenuating_window: Working days allowed in extenuating circumstances, if
            the authority offers more; ``None`` if it does not.
        review_working_days: Working days to complete a review.
        complex_review_working_days: Working days to complete a complex review.
        source: Where the authority publishes the policy.
    """

    name: str = "code-of-practice"
    request_window: int = attrs.field(default=CODE_REQUEST_WINDOW, validator=_positive)
    extenuating_window: int | None = attrs.field(
        default=None, validator=_optional_positive
    )
    review_working_days: int = attrs.field(default=20, validator=_positive)
    complex_review_working_days: int = attrs.field(default=40, validator=_positive)
    source: str = "FOI Code of Practice (s45, 2018) Part 5; ICO guidance"

    def __attrs_post_init__(self) -> None:
        if (
            self.extenuating_window is not None
            and self.extenuating_window < self.request_window
        ):
            raise InvalidInputError(
                "extenuating_window",
                self.extenuating_window,
                f"at least the request window ({self.request_window} working days)",
            )
        if self.complex_review_working_days < self.review_working_days:
            raise InvalidInputError(
                "complex_review_working_days",
                self.complex_review_working_days,
                f"at least the review time ({self.review_working_days} working days)",
            )

    @classmethod
    def preset(cls, name: str) -> AuthorityPolicy:
        """One of the :data:`PRESETS`, by name.

        Raises:
            InvalidInputError: No preset has that name; the message lists them.
        """
        try:
            return PRESETS[name]
        except (KeyError, TypeError):
            valid = ", ".join(repr(p) for p in PRESETS)
            raise InvalidInputError("preset", name, f"one of {valid}") from None

    @property
    def caveats(self) -> tuple[str, ...]:
        """Where this policy departs from the Code of Practice and the ICO."""
        found = []
        if self.request_window < CODE_REQUEST_WINDOW:
            found.append(
                f"The window to ask for a review, {self.request_window} working days, "
                f"is shorter than the {CODE_REQUEST_WINDOW} working days of the Code "
                "of Practice and the ICO."
            )
        if self.review_working_days > 20:
            found.append(
                f"The time for a review, {self.review_working_days} working days, is "
                "longer than the Code of Practice's 20."
            )
        if self.complex_review_working_days > 40:
            found.append(
                f"The time for a complex review, {self.complex_review_working_days} "
                "working days, is longer than the ICO's 40."
            )
        return tuple(found)


#: Ready-made policies for the windows authorities commonly publish.
PRESETS: Final[Mapping[str, AuthorityPolicy]] = {
    "code-of-practice": AuthorityPolicy(),
    "twenty-or-forty": AuthorityPolicy(
        name="twenty-or-forty",
        request_window=20,
        extenuating_window=40,
        source=(
            "a common published wording: within 20 working days of the response, or "
            "40 if there are extenuating circumstances"
        ),
    ),
    "twenty": AuthorityPolicy(
        name="twenty",
        request_window=20,
        source="a published window of 20 working days from the response",
    ),
}


def _policy(value: AuthorityPolicy | str | None) -> AuthorityPolicy:
    if value is None:
        return PRESETS["code-of-practice"]
    if isinstance(value, AuthorityPolicy):
        return value
    if isinstance(value, str):
        return AuthorityPolicy.preset(value)
    raise InvalidInputError(
        "policy", value, "an AuthorityPolicy, the name of a preset, or None"
    )


def _regime(value: object, *, allowed: tuple[Regime, ...], what: str) -> Regime:
    regime = member_of(Regime, value, "regime")
    if regime not in allowed:
        raise NotApplicableError("regime", regime.label, f"there is no {what}")
    return regime


def _day(value: object, param: str, calendar: str) -> date:
    return supported_day(to_uk_date(value, param), param, calendar)


def _short(day: date) -> str:
    return short_day(day)


def _working_deadline(
    rule: ClockRule,
    day0: date,
    received: date,
    calendar: WorkingDayCalendar,
    policies: Policies,
    *,
    used: tuple[str, ...] = ("proclaimed_holidays",),
    events: tuple[ClockEvent, ...] = (),
    notes: tuple[str, ...] = (),
) -> Deadline:
    return Deadline(
        due=calendar._offset(day0, rule.length),
        rule=rule,
        received=received,
        day_zero=day0,
        calendar=calendar,
        policies=policies,
        policies_used=used,
        events=events,
        notes=notes,
    )


# -- the requester's window ------------------------------------------------------------

_REVIEW_REGIMES: Final = (Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EISR)


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
        regime: ``"foia"``, ``"eir"``, ``"foisa"`` or ``"eisr"``.
        policy: FOIA: the authority's published windows (an
            :class:`AuthorityPolicy` or a preset name); the Code of Practice's
            by default.
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
    regime = _regime(regime, allowed=_REVIEW_REGIMES, what="statutory or Code review")
    name = regime.calendar or "uk"  # every review regime counts working days
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
    policies = policies_of(policies)
    authority = _policy(policy)
    calendar = working_calendar(name, data, policies, response)
    rule = get_rule(_REQUEST_RULE[regime])
    used = ["requester_window_start", "proclaimed_holidays"]
    day0 = response
    events: list[ClockEvent] = []
    if policies.requester_window_start == "received_by_requester":
        if received is None:
            raise InvalidInputError(
                "response_received_on",
                None,
                "the day the requester received the response, under policy P10 "
                "received_by_requester",
            )
        day0 = received
    notes: list[str] = []
    if regime is Regime.FOISA:
        day0 = _foisa_start(response, received, response_due_on, policies, events)
        used.append("foisa_review_start")
    if regime is Regime.FOIA:
        rule, notes = _authority_window(rule, authority, extenuating=extenuating)
    elif extenuating:
        raise NotApplicableError(
            "extenuating", regime.label, f"the window is set by law ({rule.citation})"
        )
    elif policy is not None:
        notes.append(
            f"The window is statutory ({rule.citation}); an authority's published "
            "policy does not change it."
        )
    return _working_deadline(
        rule,
        day0,
        response,
        calendar,
        policies,
        used=tuple(used),
        events=tuple(events),
        notes=tuple(notes),
    )


def _authority_window(
    rule: ClockRule, authority: AuthorityPolicy, *, extenuating: bool
) -> tuple[ClockRule, list[str]]:
    """The FOIA review-request rule with the authority's window."""
    notes = list(authority.caveats)
    window = authority.request_window
    if extenuating:
        if authority.extenuating_window is None:
            raise NotApplicableError(
                "extenuating",
                Regime.FOIA.label,
                f"the authority's policy {authority.name!r} has no longer window for "
                "extenuating circumstances",
            )
        window = authority.extenuating_window
        notes.append(
            f"Extenuating circumstances: the authority allows {window} working days."
        )
    if window < CODE_REQUEST_WINDOW:
        warnings.warn(
            f"the authority's window to ask for a review ({window} working days) is "
            f"shorter than the Code of Practice's {CODE_REQUEST_WINDOW}",
            ShortReviewWindowWarning,
            stacklevel=3,
        )
    if window != rule.length or authority.name != "code-of-practice":
        rule = attrs.evolve(
            rule,
            length=window,
            summary=(
                f"Ask for an internal review within {window} working days of the "
                f"response, under the authority's policy {authority.name!r} "
                f"({authority.source})."
            ),
        )
    return rule, notes


def _foisa_start(
    response: date,
    received: date | None,
    response_due_on: date | None,
    policies: Policies,
    events: list[ClockEvent],
) -> date:
    """Where the FOISA s20(5) 40 working days start (policy P8)."""
    if policies.foisa_review_start == "sic_simplified":
        return received or response
    if response_due_on is None:
        raise InvalidInputError(
            "response_due_on",
            None,
            "the day the response was due (FOISA s20(5)(a) counts from the expiry of "
            "the time to respond; response_due(received, regime='foisa').due gives "
            "it), or Policies(foisa_review_start='sic_simplified')",
        )
    expiry = _day(response_due_on, "response_due_on", "scotland")
    if response <= expiry:
        events.append(
            ClockEvent(
                kind=EventKind.NOTE,
                on=expiry,
                description=(
                    f"The response was in time, so the 40 working days run from "
                    f"{_short(expiry)}, when the time to respond expired (FOISA "
                    "s20(5)(a))."
                ),
            )
        )
        return expiry
    start = received or response
    events.append(
        ClockEvent(
            kind=EventKind.NOTE,
            on=start,
            description=(
                f"The response was late (due {_short(expiry)}), so the 40 working days "
                f"run from its receipt, {_short(start)} (FOISA s20(5)(b))."
            ),
        )
    )
    return start


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
    assert deadline.calendar is not None
    requested = _day(requested_on, "requested_on", deadline.calendar.name)
    if requested < deadline.received:
        raise TimelineError(
            "requested_on",
            requested,
            f"a review cannot be requested before the response ({deadline.received})",
        )
    if requested <= deadline.due:
        left = deadline.calendar._count(requested, deadline.due)
        message = (
            f"in time: the window ends on {_short(deadline.due)}, {left} working "
            f"day{'s' if left != 1 else ''} after the request"
        )
        return ReviewRequestCheck(
            deadline=deadline,
            requested_on=requested,
            in_time=True,
            working_days_late=0,
            message=message,
        )
    late = working_days_late(deadline.calendar, deadline.due, requested)
    message = (
        f"late by {late} working day{'s' if late != 1 else ''} (the window ended on "
        f"{_short(deadline.due)}); {_LATE_ACCEPTANCE[deadline.regime]}"
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
    body: str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
) -> Deadline:
    """When the authority must complete a review.

    Args:
        review_requested_on: The day the request for review (the requirement for
            review, the representations) was received.
        regime: ``"foia"``, ``"eir"``, ``"foisa"`` or ``"eisr"``.
        complex: FOIA: a complex or exceptional case (40 working days by default).
        policy: FOIA: the authority's published times.
        body: FOISA: ``"keeper"`` for the Keeper of the Records of Scotland.
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
    regime = _regime(regime, allowed=_REVIEW_REGIMES, what="statutory or Code review")
    name = regime.calendar or "uk"  # every review regime counts working days
    requested = _day(review_requested_on, "review_requested_on", name)
    policies = policies_of(policies)
    calendar = working_calendar(name, data, policies, requested)
    rule = get_rule(_REVIEW_RULE[regime])
    notes: tuple[str, ...] = ()
    if complex and regime is not Regime.FOIA:
        raise NotApplicableError(
            "complex", regime.label, f"the time is fixed by law ({rule.citation})"
        )
    if body is not None:
        if regime is not Regime.FOISA or body != "keeper":
            raise NotApplicableError(
                "body",
                regime.label,
                "only FOISA has a different review time, for body='keeper' (s21(2))",
            )
        rule = get_rule("foisa.review_keeper")
    if regime is Regime.FOIA:
        authority = _policy(policy)
        if complex:
            rule = get_rule("foia.review_extended")
        length = (
            authority.complex_review_working_days
            if complex
            else authority.review_working_days
        )
        if length != rule.length:
            rule = attrs.evolve(rule, length=length)
        notes = authority.caveats
        if complex:
            notes = (
                *notes,
                "The ICO expects 40 working days only in exceptional cases; tell the "
                "requester and give reasons.",
            )
    return _working_deadline(
        rule, requested, requested, calendar, policies, notes=notes
    )


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
    regime = _regime(regime, allowed=tuple(Regime), what="regulator")
    start = _day(final_response_on, "final_response_on", "none")
    policies = policies_of(policies)
    rule = get_rule(
        {
            Regime.FOIA: "foia.ico_complaint",
            Regime.EIR: "eir.ico_complaint",
            Regime.FOISA: "foisa.sic_application",
            Regime.EISR: "eisr.sic_application",
            Regime.SAR: "sar.ico_complaint",
        }[regime]
    )
    used: tuple[str, ...] = ()
    if rule.unit is Unit.CALENDAR_DAYS:
        due = start + timedelta(days=rule.length)
    else:
        due = add_months(start, rule.length)
        if regime in (Regime.FOISA, Regime.EISR):
            used = ("sic_application",)
            if policies.sic_application == "strict_before":
                due -= timedelta(days=1)
    return Deadline(
        due=due,
        rule=rule,
        received=start,
        day_zero=start,
        calendar=None,
        policies=policies,
        policies_used=used,
    )


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
    regime = _regime(
        regime,
        allowed=(Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EISR),
        what="tribunal appeal modelled",
    )
    start = _day(decision_sent_on, "decision_sent_on", "england-and-wales")
    policies = policies_of(policies)
    if regime in (Regime.FOISA, Regime.EISR):
        rule = get_rule(f"{regime}.court_of_session")
        return Deadline(
            due=start + timedelta(days=rule.length),
            rule=rule,
            received=start,
            day_zero=start,
            calendar=None,
            policies=policies,
        )
    rule = get_rule(f"{regime}.tribunal_appeal")
    calendar = working_calendar(policies.tribunal_calendar, data, policies, start)
    end = start + timedelta(days=rule.length)
    return Deadline(
        due=roll_forward(calendar, end),
        rule=rule,
        received=start,
        day_zero=start,
        calendar=calendar,
        policies=policies,
        policies_used=("tribunal_calendar", "proclaimed_holidays"),
        rolled_from=end,
        notes=("The notice of appeal must be received by 5pm on that day (r12).",),
    )
