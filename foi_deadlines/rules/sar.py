"""UK GDPR subject access: two rule sets, before and after 5 February 2026.

Time counts in calendar months from the relevant time, and an end on a weekend or
public holiday moves to the next working day in the controller's part of the UK
(ICO guidance; policy P16). Article 12A (inserted by the Data (Use and Access) Act
2025 s76) came into force on 5 February 2026 (SI 2026/82 reg 2(h)); which version a
request falls under is policy P18.

References:
    * UK GDPR Art 12(3), and Art 12A as inserted by the Data (Use and Access) Act
      2025 s76; SI 2026/82 regs 2(h) and 4.
    * ICO guidance on the right of access (time limits, clarification, identity).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from foi_deadlines.rules._access import access_edition
from foi_deadlines.rules._model import Regime

__all__ = ["AFTER_REFORM", "BEFORE_REFORM", "SAR_REFORM_DAY"]

#: The day Art 12A UK GDPR came into force (SI 2026/82 reg 2(h)).
SAR_REFORM_DAY: Final = date(2026, 2, 5)

#: The rules from 5 February 2026: UK GDPR Art 12(3) and Art 12A.
AFTER_REFORM: Final = access_edition(
    regime=Regime.SAR,
    title="UK GDPR right of access (Art 15)",
    suffix="",
    in_force_from=SAR_REFORM_DAY,
    in_force_to=None,
    response_summary=(
        "Respond without undue delay and in any event before the end of one month "
        "beginning with the relevant time."
    ),
    extended_summary=(
        "Where the time is extended, respond before the end of three months "
        "beginning with the relevant time."
    ),
    notice_summary=(
        "Tell the requester of an extension, with reasons, before the end of one "
        "month beginning with the relevant time."
    ),
    day_zero=(
        "the relevant time: receipt of the request, or later receipt of identity "
        "evidence or a fee"
    ),
    relevant="the relevant time",
    citation="UK GDPR Art 12(3), Art 12A(1)-(2)",
    extension_citation="UK GDPR Art 12A(3)",
    notice_citation="UK GDPR Art 12A(4)",
    restart_law="UK GDPR Art 12A(2)",
    restart_text=(
        "{What} received on {{on}}: time runs from the relevant time, the latest of "
        "the request, identity evidence and any fee ({{law}})."
    ),
    restarts_as="the relevant time: the day {what} was received",
    pause_law="UK GDPR Art 12A(5)",
    note="Article 12A, inserted by the Data (Use and Access) Act 2025 s76.",
)

#: The rules for requests before 5 February 2026: UK GDPR Art 12(3) as it stood,
#: with the ICO's guidance on identity, fees and clarification.
BEFORE_REFORM: Final = access_edition(
    regime=Regime.SAR,
    title="UK GDPR right of access (Art 15)",
    suffix="_before_2026",
    in_force_from=None,
    in_force_to=SAR_REFORM_DAY - timedelta(days=1),
    response_summary=(
        "Respond without undue delay and in any event within one month of receipt "
        "of the request."
    ),
    extended_summary=(
        "Where the period is extended by two further months, respond within three "
        "months of receipt of the request."
    ),
    notice_summary=(
        "Inform the requester of an extension, with the reasons for the delay, "
        "within one month of receipt of the request."
    ),
    day_zero=(
        "receipt of the request (the ICO's guidance: or later receipt of identity "
        "evidence or a fee)"
    ),
    relevant=(
        "receipt of the request (the ICO's guidance: or later receipt of identity "
        "evidence or a fee)"
    ),
    citation="UK GDPR Art 12(3) (before 5 February 2026)",
    extension_citation="UK GDPR Art 12(3) (before 5 February 2026)",
    notice_citation="UK GDPR Art 12(3) (before 5 February 2026)",
    restart_law="ICO right of access guidance: identity evidence and fees",
    restart_text=(
        "{What} received on {{on}}: as the ICO's guidance has it, the month runs "
        "from the day identity evidence or a fee needed to deal with the request "
        "arrives ({{law}})."
    ),
    restarts_as="the day {what} was received (the ICO's guidance)",
    pause_law="ICO right of access guidance: stopping the clock for clarification",
    note=(
        "Art 12(3) as it stood: one month of receipt of the request, extendable by "
        "two further months; identity, fees and clarification followed ICO "
        "guidance, not statute."
    ),
)
