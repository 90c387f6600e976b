"""Later stages: the review, the regulator and the appeal, each from its anchor."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

import attrs

from foi_deadlines._dates import short_day
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.clocks._counting import (
    _ANCHOR_POLICIES,
    DEFAULT_CIRCUMSTANCES,
    Circumstances,
    _used,
    holiday_key,
    period_end,
)
from foi_deadlines.clocks._deadline import ClockEvent, Deadline, EventKind
from foi_deadlines.rules import Anchor, ClockRule, Policies
from foi_deadlines.rules._policies import RequesterWindowStart

__all__ = ["StageFacts", "stage_anchor", "stage_deadline"]


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


def stage_anchor(  # noqa: PLR0911 - one answer for each anchor
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
        and policies.requester_window_start
        is RequesterWindowStart.RECEIVED_BY_REQUESTER
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
        authority_field: The :class:`~foi_deadlines.rules.AuthorityPolicy` field
            that gives the length,
            instead of the rule's own (an extenuating window).
    """
    return _stage_deadline(
        rule,
        day_zero,
        circumstances,
        day_zero if received is None else received,
        tuple(events),
        tuple(notes),
        authority_field,
        holiday_key(circumstances.data),
    )


@functools.lru_cache(maxsize=16384)
def _stage_deadline(  # noqa: PLR0917 - the arguments, as a cache key
    rule: ClockRule,
    day_zero: date,
    circumstances: Circumstances,
    received: date,
    events: tuple[ClockEvent, ...],
    notes: tuple[str, ...],
    authority_field: str,
    _holidays: HolidayData | None,
) -> Deadline:
    """:func:`stage_deadline`, remembered: a pure function of immutable values.

    ``_holidays`` is the default holiday data counted on, when no data is given
    (:func:`~foi_deadlines.clocks._counting.holiday_key`), as part of the key.
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
        received=received,
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
