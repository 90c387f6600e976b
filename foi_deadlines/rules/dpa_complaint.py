"""DPA 2018 s164A: a data subject's complaint to the controller, from 19 June 2026.

A data subject who considers that there is an infringement of the UK GDPR or of
Part 3 of the Data Protection Act 2018 may complain to the controller (s164A(1),
inserted by the Data (Use and Access) Act 2025 s103). The controller must
acknowledge receipt "within the period of 30 days beginning when the complaint is
received" (s164A(3)), and then, without undue delay, take appropriate steps and tell
the complainant the outcome (s164A(4)): the law sets a date for the acknowledgement
only. The duties apply to complaints received on or after 19 June 2026 (SI 2026/82
regs 3 and 7).

"Beginning when" counts the day of receipt, as "beginning with" does elsewhere
(policy P4), so the 30th day is 29 days after it; policy P19 offers the reading the
ICO's guidance is reported to take (30 days from the day after, rolled forward).

References:
    * Data Protection Act 2018 s164A, inserted by the Data (Use and Access) Act 2025
      s103; SI 2026/82 regs 3 and 7.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from foi_deadlines.rules._access import ico_complaint
from foi_deadlines.rules._model import (
    ClockRule,
    End,
    Regime,
    RuleSet,
    Unit,
    Variant,
)

__all__ = ["COMPLAINTS_DAY", "RULE_SET"]

#: The day s164A came into force (SI 2026/82 reg 3).
COMPLAINTS_DAY: Final = date(2026, 6, 19)

_DPA: Final = "Data Protection Act 2018"
_NOT_HERE: Final = (
    "a complaint under s164A has one statutory time, to acknowledge it; "
    "the outcome is due without undue delay (s164A(4))"
)

_ACKNOWLEDGEMENT: Final = ClockRule(
    id="dpa-complaint.acknowledgement",
    regime=Regime.DPA_COMPLAINT,
    title="Acknowledgement of a complaint",
    summary=(
        "Acknowledge receipt of the complaint within the period of 30 days "
        "beginning when it is received."
    ),
    citation=f"{_DPA} s164A(3)",
    calendar=None,
    length=30,
    unit=Unit.CALENDAR_DAYS,
    end=End.BEGINNING_WITH,
    day_zero="the day the complaint is received, working day or not",
    in_force_from=COMPLAINTS_DAY,
    variants=(
        Variant(
            policy="complaint_days",
            value="ico_day_after",
            changes=(
                ("end", End.AFTER),
                ("calendar", "division"),
                (
                    "roll",
                    "a last day on a weekend or public holiday moves to the next "
                    "working day, in the controller's part of the UK (ICO "
                    "complaints guidance; policy P19)",
                ),
            ),
        ),
    ),
    note=(
        "Day 1 is the day of receipt (policy P19). The outcome has no fixed time: "
        "without undue delay (s164A(4))."
    ),
)

_REGULATOR: Final = ico_complaint(Regime.DPA_COMPLAINT)

#: The rules for complaints received from 19 June 2026.
RULE_SET: Final = RuleSet(
    regime=Regime.DPA_COMPLAINT,
    title="DPA 2018 s164A complaint to the controller",
    rules=(_ACKNOWLEDGEMENT, _REGULATOR),
    response=_ACKNOWLEDGEMENT.id,
    regulator=_REGULATOR.id,
    not_applicable=(
        ("clarification_sought", _NOT_HERE),
        ("clarification_received", _NOT_HERE),
        ("fees_notice", f"there is no fee for a complaint; {_NOT_HERE}"),
        ("fee_paid", f"there is no fee for a complaint; {_NOT_HERE}"),
        ("identity_confirmed", _NOT_HERE),
        ("extension", _NOT_HERE),
        ("public_interest_extension", _NOT_HERE),
        ("public_interest_estimate", _NOT_HERE),
        ("body", _NOT_HERE),
        ("school_days", _NOT_HERE),
        ("commissioner_day", _NOT_HERE),
        ("review_requested", "s164A has no internal review"),
        ("complex", "s164A has no internal review"),
        ("extenuating", "s164A has no internal review"),
    ),
    in_force_from=COMPLAINTS_DAY,
    commencement="SI 2026/82 regs 3 and 7",
    note=(
        "Complaints about an infringement of the UK GDPR or DPA 2018 Part 3, "
        "received from 19 June 2026."
    ),
)
