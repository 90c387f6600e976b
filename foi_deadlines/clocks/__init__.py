"""The engine: it executes a rule set over a timeline and returns deadlines.

A :class:`Deadline` is what every clock returns: the due date with the rule, the
law, day 0, the calendar and holiday data it was counted on, the policies applied,
what moved the clock (and what happened but could not move it), and the days it
skipped, so that it can :meth:`~Deadline.explain` itself.

The engine knows no regime. It reads a :class:`~foi_deadlines.rules.RuleSet`:

* :func:`period_end` counts one period: working days, calendar days or months,
  from day 0, past the pauses, to an end found "after" or "beginning with" day 0,
  rolled forward where the rule says so. Three small counters sit behind it.
* :func:`respond` walks a timeline once for the response stage. For each event it
  looks up the step the rule set gives it; if the event falls inside the step's
  window, the step's effect (restart, pause, extension) is applied, otherwise the
  event is recorded as having no effect, with the law. It returns
  :class:`ResponseDeadlines`: the response (or why the clock is stopped, or when
  the request lapsed), and the deadlines that go with it.
* :func:`stage_deadline` counts a later stage (review, regulator, appeal) from the
  day its anchor gives (:func:`stage_anchor`).
* :func:`timeline_problems` says why a timeline cannot be true under a rule set,
  for cases and keyword calls alike.

Where the law or the regulators leave a question open, a named policy decides it
(:class:`~foi_deadlines.rules.Policies`, the policy register).
"""

from __future__ import annotations

from foi_deadlines.clocks._counting import (
    Circumstances,
    add_months,
    circumstances_of,
    count_working_days,
    period_end,
    roll_forward,
    working_calendar,
    working_days_late,
    working_days_overdue,
)
from foi_deadlines.clocks._deadline import ClockEvent, Deadline, EventKind, Pause
from foi_deadlines.clocks._response import (
    EventLike,
    Fact,
    ResponseDeadlines,
    StoppedClock,
    respond,
)
from foi_deadlines.clocks._stages import StageFacts, stage_anchor, stage_deadline
from foi_deadlines.clocks._timeline import timeline_problems
from foi_deadlines.rules import Policies, PolicyInfo, policy_register
from foi_deadlines.rules._policies import policies_of

__all__ = [
    "Circumstances",
    "ClockEvent",
    "Deadline",
    "EventKind",
    "EventLike",
    "Fact",
    "Pause",
    "Policies",
    "PolicyInfo",
    "ResponseDeadlines",
    "StageFacts",
    "StoppedClock",
    "add_months",
    "circumstances_of",
    "count_working_days",
    "period_end",
    "policies_of",
    "policy_register",
    "respond",
    "roll_forward",
    "stage_anchor",
    "stage_deadline",
    "timeline_problems",
    "working_calendar",
    "working_days_late",
    "working_days_overdue",
]
