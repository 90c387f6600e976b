"""DPA 2018 Part 3 subject access (law enforcement): before and after 5 February 2026.

A competent authority (s30, such as a police force) answers a request under s45 for
personal data it processes for a law enforcement purpose "before the end of the
applicable time period" (s45(3)(b)): one month beginning with the relevant time,
the latest of receipt, identity information asked for under s52(4), and a fee
charged under s53 (s54(2)-(3)). The Data (Use and Access) Act 2025 s76 added an
extension by two further months on notice (s54(3A)-(3B)) and a pause while the
controller waits for information it needs to identify what the request covers
(s54(3C)), from 5 February 2026 (SI 2026/82 reg 2(h)); a request received before
then keeps the old time limit, which had neither (reg 4(b); policy P18).

The words are those of UK GDPR Art 12A, and the library counts them the same way
(policies P11, P12, P13, P16).

References:
    * Data Protection Act 2018 ss45, 52(4), 53, 54, as amended by the Data (Use and
      Access) Act 2025 s76; SI 2026/82 regs 2(h) and 4(b).
    * ICO guide to law enforcement processing: the right of access (Part 3).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from foi_deadlines.rules._access import access_edition
from foi_deadlines.rules._model import Regime
from foi_deadlines.rules.sar import SAR_REFORM_DAY

__all__ = ["AFTER_REFORM", "BEFORE_REFORM"]

_DPA: Final = "Data Protection Act 2018"
_TITLE: Final = "DPA 2018 Part 3 right of access (s45)"
_RESTART: Final = (
    "{What} received on {{on}}: time runs from the relevant time, the latest of the "
    "request, identity information and any fee ({{law}})."
)

#: The rules from 5 February 2026: s54 as amended by the Data (Use and Access) Act
#: 2025 s76.
AFTER_REFORM: Final = access_edition(
    regime=Regime.DPA_PART3,
    title=_TITLE,
    suffix="",
    in_force_from=SAR_REFORM_DAY,
    in_force_to=None,
    response_summary=(
        "Provide the information without undue delay and in any event before the "
        "end of one month beginning with the relevant time."
    ),
    extended_summary=(
        "Where the time is extended, provide it before the end of three months "
        "beginning with the relevant time."
    ),
    notice_summary=(
        "Give notice of an extension, with reasons, before the end of one month "
        "beginning with the relevant time."
    ),
    day_zero=(
        "the relevant time: receipt of the request, or later receipt of identity "
        "information or a fee"
    ),
    relevant="the relevant time",
    citation=f"{_DPA} s45(3)(b), s54(2)-(3)",
    extension_citation=f"{_DPA} s54(3A)",
    notice_citation=f"{_DPA} s54(3B)",
    restart_law=f"{_DPA} s54(3)",
    restart_text=_RESTART,
    restarts_as="the relevant time: the day {what} was received",
    pause_law=f"{_DPA} s54(3C)",
    note=(
        "Section 54 as amended by the Data (Use and Access) Act 2025 s76, in force "
        "5 February 2026 (SI 2026/82 reg 2(h))."
    ),
)

#: The rules for requests received before 5 February 2026: s54 as enacted, with
#: no extension and no pause (SI 2026/82 reg 4(b)).
BEFORE_REFORM: Final = access_edition(
    regime=Regime.DPA_PART3,
    title=_TITLE,
    suffix="_before_2026",
    in_force_from=None,
    in_force_to=SAR_REFORM_DAY - timedelta(days=1),
    response_summary=(
        "Provide the information without undue delay and in any event before the "
        "end of one month beginning with the relevant time."
    ),
    day_zero=(
        "the relevant time: receipt of the request, or later receipt of identity "
        "information or a fee"
    ),
    citation=f"{_DPA} s45(3)(b), s54(2)-(3) (before 5 February 2026)",
    restart_law=f"{_DPA} s54(3)",
    restart_text=_RESTART,
    restarts_as="the relevant time: the day {what} was received",
    no_extension=(
        "s54 as enacted allowed no extension; s54(3A) applies only to requests "
        "received from 5 February 2026 (SI 2026/82 reg 4(b))"
    ),
    no_pause=(
        "s54 as enacted had no pause for clarification; s54(3C) applies only to "
        "requests received from 5 February 2026 (SI 2026/82 reg 4(b))"
    ),
    note=(
        "Section 54 as enacted: one month beginning with the relevant time, with "
        "no extension or pause; the power to set a longer period by regulations "
        "(s54(2), (4)-(6)) was repealed by the 2025 Act, and no such regulations "
        "are known to the library."
    ),
)
