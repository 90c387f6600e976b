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

from foi_deadlines.rules._model import (
    Anchor,
    Awaiting,
    ClockRule,
    End,
    Modifier,
    Regime,
    RuleSet,
    Stage,
    Step,
    Unit,
    Variant,
    Window,
)
from foi_deadlines.timeline import CaseEventKind

__all__ = ["AFTER_REFORM", "BEFORE_REFORM", "SAR_REFORM_DAY"]

#: The day Art 12A UK GDPR came into force (SI 2026/82 reg 2(h)).
SAR_REFORM_DAY: Final = date(2026, 2, 5)

_ROLL: Final = (
    "a date on a weekend or public holiday moves to the next working day, in the "
    "controller's part of the UK (ICO guidance; policy P16)"
)
_MONTH_VARIANTS: Final = (
    Variant(
        policy="sar_month",
        value="beginning_with",
        changes=(("end", End.BEGINNING_WITH), ("calendar", None)),
    ),
    Variant(
        policy="sar_month",
        value="fixed_28_days",
        changes=(("length", 28), ("unit", Unit.CALENDAR_DAYS), ("calendar", None)),
    ),
)
_EXTENDED_VARIANTS: Final = (
    Variant(
        policy="sar_month",
        value="beginning_with",
        changes=(("end", End.BEGINNING_WITH), ("calendar", None)),
    ),
    Variant(policy="sar_extension", value="chained", changes=(("chain", (1, 2)),)),
)
_NOT_SAR: Final = "it is not a subject access rule"

_ICO_COMPLAINT: Final = ClockRule(
    id="sar.ico_complaint",
    regime=Regime.SAR,
    title="Complaint to the Information Commissioner (data protection)",
    summary=(
        "Complain to the Information Commissioner within three months of the last "
        "contact with the organisation."
    ),
    citation="ICO data protection complaints guidance",
    calendar=None,
    length=3,
    unit=Unit.MONTHS,
    day_zero="the last contact with the organisation",
    statutory=False,
    anchor=Anchor.RESPONSE,
    stage=Stage.REGULATOR,
)


def _edition(
    *,
    suffix: str,
    in_force_from: date | None,
    in_force_to: date | None,
    response_summary: str,
    extended_summary: str,
    notice_summary: str,
    day_zero: str,
    relevant: str,
    citation: str,
    extension_citation: str,
    notice_citation: str,
    restart_law: str,
    restart_text: str,
    restarts_as: str,
    pause_law: str,
    note: str,
) -> RuleSet:
    """One version of the subject access rules."""
    common = {
        "regime": Regime.SAR,
        "calendar": "division",
        "calendar_policy": "sar_roll",
        "unit": Unit.MONTHS,
        "in_force_from": in_force_from,
        "in_force_to": in_force_to,
        "roll": _ROLL,
    }
    response = ClockRule(
        id=f"sar.response{suffix}",
        title="Subject access response",
        summary=response_summary,
        citation=citation,
        length=1,
        day_zero=day_zero,
        variants=_MONTH_VARIANTS,
        note="Counted by the ICO's corresponding-date method (policy P11).",
        **common,  # type: ignore[arg-type]
    )
    extended = ClockRule(
        id=f"sar.extended{suffix}",
        title="Subject access response, extended",
        summary=extended_summary,
        citation=extension_citation,
        length=3,
        day_zero=relevant,
        variants=_EXTENDED_VARIANTS,
        note=f"Three months from {relevant.split(' (', maxsplit=1)[0]} (policy P12).",
        **common,  # type: ignore[arg-type]
    )
    notice = ClockRule(
        id=f"sar.extension_notice{suffix}",
        title="Subject access extension notice",
        summary=notice_summary,
        citation=notice_citation,
        length=1,
        day_zero=relevant,
        variants=_MONTH_VARIANTS,
        **common,  # type: ignore[arg-type]
    )
    restarts = tuple(
        Step(
            kind=kind,
            effect=Modifier.RESTART,
            summary=(
                f"{what}: time runs from the relevant time, the latest of receipt, "
                f"identity evidence and a fee ({restart_law})"
            ),
            citation=restart_law,
            restarts_as=restarts_as.format(what=what),
            applied=restart_text.format(What=what.capitalize()),
        )
        for kind, what in (
            (CaseEventKind.IDENTITY_CONFIRMED, "identity evidence"),
            (CaseEventKind.FEE_PAID, "the fee"),
        )
    )
    return RuleSet(
        regime=Regime.SAR,
        title="UK GDPR right of access (Art 15)",
        rules=(response, extended, notice, _ICO_COMPLAINT),
        response=response.id,
        steps=(
            *restarts,
            Step(
                kind=CaseEventKind.CLARIFICATION_SOUGHT,
                closed_by=CaseEventKind.CLARIFICATION_RECEIVED,
                effect=Modifier.PAUSE,
                summary=(
                    "clarification of scope: the days from asking to receiving the "
                    f"answer do not count ({pause_law})"
                ),
                citation=pause_law,
                window=Window.CURRENT,
                awaiting=Awaiting.CLARIFICATION,
                pause_policy="sar_pause",
                opened=(
                    "Clarification sought on {on}: the days until it is received do "
                    "not count ({law})."
                ),
                applied=(
                    "Clarification sought on {on} and received on {until}: {count} "
                    "added to the period ({law}; policy P13 {policy})."
                ),
                needs_opening=(
                    "a subject access clarification pauses the clock from the day "
                    f"the controller asks for it: pass clarification_sought_on "
                    f"({pause_law})"
                ),
            ),
            Step(
                kind=CaseEventKind.EXTENSION,
                effect=Modifier.EXTENSION,
                summary=(
                    "by two further months where necessary for complexity or the "
                    f"number of requests, on notice ({extension_citation})"
                ),
                citation=extension_citation,
                window=Window.NOTICE,
                window_citation=notice_citation,
                extends_to=extended.id,
                notice_rule=notice.id,
                applied=(
                    "Extended by two further months for complexity or the number of "
                    "requests ({law}); the requester had to be told, with reasons, "
                    "by {notice_due}."
                ),
            ),
        ),
        extension_kind=CaseEventKind.EXTENSION,
        regulator=_ICO_COMPLAINT.id,
        not_applicable=(
            (
                "fees_notice",
                "a subject access fee restarts the clock when it is paid (the "
                "relevant time): pass fee_paid_on, or record fee_paid",
            ),
            ("public_interest_extension", _NOT_SAR),
            ("public_interest_estimate", _NOT_SAR),
            ("body", _NOT_SAR),
            ("school_days", _NOT_SAR),
            ("commissioner_day", _NOT_SAR),
            ("review_requested", "subject access has no internal review in law"),
            ("complex", "subject access has no internal review in law"),
            ("extenuating", "subject access has no internal review in law"),
        ),
        edition_policy="sar_transition",
        edition_by_day_zero="relevant_time",
        in_force_from=in_force_from,
        in_force_to=in_force_to,
        note=note,
    )


#: The rules from 5 February 2026: UK GDPR Art 12(3) and Art 12A.
AFTER_REFORM: Final = _edition(
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
BEFORE_REFORM: Final = _edition(
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
