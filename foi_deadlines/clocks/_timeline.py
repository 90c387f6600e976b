"""Timelines that cannot be true under a rule set, found without counting a day."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from foi_deadlines.clocks._response import EventLike
from foi_deadlines.rules import Policies, RuleSet, Step
from foi_deadlines.rules._policies import POLICY_IDS
from foi_deadlines.timeline import NOUNS, CaseEventKind

__all__ = ["timeline_problems"]

_NOT_FIRST: Final = (
    "the first event must be the request being received; nothing can happen before it"
)

_CLOSING: Final = frozenset(
    {
        CaseEventKind.WITHDRAWN,
        CaseEventKind.TRANSFERRED,
        CaseEventKind.FEES_NOTICE_LAPSED,
    }
)


def timeline_problems(
    rules: RuleSet, events: Sequence[EventLike], policies: Policies
) -> Iterator[tuple[int, str]]:
    """Why a timeline cannot be true under ``rules``: ``(index, problem)`` pairs.

    ``events`` must be in date order (and, on one day, in the order events can
    happen). What is checked needs no date arithmetic: which events the regime
    has, that each answers something open, that nothing follows the close of a
    case. Whether an event came in time is not a problem here: an event outside
    its window is a fact with no legal effect, which :func:`respond` records.
    """
    kinds = rules.event_kinds
    open_steps: set[Step] = set()
    responded = review_open = False
    closed_by: EventLike | None = None
    for index, event in enumerate(events):
        kind = event.kind
        if index == 0:
            if kind is not CaseEventKind.RECEIVED:
                yield index, _NOT_FIRST
                return
            continue
        if closed_by is not None:
            yield index, f"the case was closed by {closed_by.kind} on {closed_by.on}"
            return
        problem = _kind_problem(rules, kinds, kind)
        if problem is None:
            problem = _order_problem(rules, event, open_steps, policies)
        if problem is None and kind is CaseEventKind.RESPONSE_SENT:
            problem = (
                "a second response; record a review outcome instead"
                if (responded)
                else None
            )
            responded = True
        elif problem is None and kind is CaseEventKind.REVIEW_REQUESTED:
            if review_open:
                problem = "a review requested while another is open"
            review_open = True
        elif problem is None and kind is CaseEventKind.REVIEW_EXTENDED:
            problem = None if review_open else "a review extended with no review open"
        elif problem is None and kind is CaseEventKind.REVIEW_OUTCOME:
            problem = (
                None if review_open else "a review outcome with no review requested"
            )
            review_open = False
        if problem is not None:
            yield index, problem
            return
        if kind in _CLOSING:
            closed_by = event


def _kind_problem(
    rules: RuleSet, kinds: frozenset[CaseEventKind], kind: CaseEventKind
) -> str | None:
    if kind is CaseEventKind.RECEIVED:
        return "a case has one 'received' event; a new request is a new case"
    if kind in kinds:
        return None
    reason = rules.refusal(str(kind))
    return reason or f"{NOUNS[kind]} is not an event of {rules.label}"


def _order_problem(
    rules: RuleSet, event: EventLike, open_steps: set[Step], policies: Policies
) -> str | None:
    kind = event.kind
    step = rules.step(kind)
    if step is not None:
        if step.closed_by is not None:
            open_steps.add(step)
        if step.extends_to:
            extended = rules.rule(step.extends_to)
            if (
                extended.length_policy
                and event.estimate is None
                and getattr(policies, extended.length_policy) is None
            ):
                return (
                    f"{NOUNS[kind]} with no estimate, and no limit to fall back on "
                    f"(policy {POLICY_IDS[extended.length_policy]} "
                    f"{extended.length_policy}=None): give the estimate"
                )
        return None
    closer = rules.step_closed_by(kind)
    if closer is not None:
        if closer not in open_steps:
            opener = NOUNS[closer.kind].removeprefix("a ")
            return f"{NOUNS[kind]} with no {opener} open ({closer.citation})"
        open_steps.discard(closer)
        return None
    if kind is CaseEventKind.FEES_NOTICE_LAPSED:
        fees = [s for s in open_steps if s.fee_rule]
        if not fees:
            return "a fees notice lapsed with no fees notice open"
        open_steps.difference_update(fees)
    return None
