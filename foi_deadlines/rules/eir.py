"""Environmental Information Regulations 2004: the rule set.

Working days are as under FOIA (reg 2(1)): calendar ``"uk"``. The enforcement and
appeal provisions of FOIA apply (reg 18).

References:
    * Environmental Information Regulations 2004 (SI 2004/3391) regs 2, 5, 7, 8, 9,
      11, 18.
    * ICO guidance on EIR time limits, charging and reconsideration.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._common import (
    FTT,
    FTT_ROLL,
    ICO_COMPLAINT,
    RECEIPT,
    complexity_extension,
    ftt_appeal,
    further_particulars,
)
from foi_deadlines.rules._model import (
    Anchor,
    Awaiting,
    ClockRule,
    Modifier,
    Regime,
    RuleSet,
    Stage,
    Step,
    Unit,
    Window,
)
from foi_deadlines.timeline import CaseEventKind

__all__ = ["RULE_SET"]

_UK: Final = "uk"
_EIR: Final = "Environmental Information Regulations 2004"

_RESPONSE: Final = ClockRule(
    id="eir.response",
    regime=Regime.EIR,
    title="Response to a request",
    summary=(
        "Make the information available as soon as possible and no later than 20 "
        "working days after the date of receipt."
    ),
    citation=f"{_EIR} reg 5(2)",
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
)

_EXTENDED: Final = ClockRule(
    id="eir.extended",
    regime=Regime.EIR,
    title="Response, extended for complexity and volume",
    summary=(
        "40 working days, where the complexity and volume of the information make "
        "20 impracticable."
    ),
    citation=f"{_EIR} reg 7(1)",
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
)

_EXTENSION_NOTICE: Final = ClockRule(
    id="eir.extension_notice",
    regime=Regime.EIR,
    title="Notice of an extension",
    summary=(
        "Tell the applicant of the extension as soon as possible and no later than "
        "20 working days after the date of receipt."
    ),
    citation=f"{_EIR} reg 7(3)",
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
)

_ADVANCE_PAYMENT: Final = ClockRule(
    id="eir.advance_payment",
    regime=Regime.EIR,
    title="Advance payment window",
    summary=(
        "The authority need not comply unless the charge is paid no later than 60 "
        "working days after the date it gave the notification."
    ),
    citation=f"{_EIR} reg 8(5)",
    calendar=_UK,
    length=60,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the notification is given",
    anchor=Anchor.STEP,
)

_REPRESENTATIONS: Final = ClockRule(
    id="eir.representations",
    regime=Regime.EIR,
    title="Representations (request for reconsideration)",
    summary=(
        "Make representations no later than 40 working days after the date the "
        "applicant believes the authority failed to comply."
    ),
    citation=f"{_EIR} reg 11(2)",
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=(
        "the date of the response (policy P10), or, with no response, the last day "
        "for one"
    ),
    anchor=Anchor.RESPONSE_ELSE_EXPIRY,
    stage=Stage.REVIEW,
)

_RECONSIDERATION: Final = ClockRule(
    id="eir.reconsideration",
    regime=Regime.EIR,
    title="Reconsideration",
    summary=(
        "Decide as soon as possible and no later than 40 working days after "
        "receiving the representations."
    ),
    citation=f"{_EIR} reg 11(4)",
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the representations are received",
    anchor=Anchor.REVIEW_REQUEST,
    stage=Stage.REVIEW,
)

_ICO_COMPLAINT: Final = ClockRule(
    id="eir.ico_complaint",
    regime=Regime.EIR,
    title="Complaint to the Information Commissioner",
    summary=ICO_COMPLAINT,
    citation="ICO complaints guidance; FOIA 2000 s50(2)(b) as applied by EIR reg 18",
    calendar=None,
    length=42,
    unit=Unit.CALENDAR_DAYS,
    day_zero="the reconsideration decision or last substantive contact",
    statutory=False,
    anchor=Anchor.REVIEW_OUTCOME,
    stage=Stage.REGULATOR,
)

_TRIBUNAL: Final = ftt_appeal(
    id="eir.tribunal_appeal",
    regime=Regime.EIR,
    citation="FOIA 2000 s57 as applied by EIR reg 18; GRC Rules 2009 r22(1)(b), r12",
    summary=FTT,
    roll=FTT_ROLL,
)

RULE_SET: Final = RuleSet(
    regime=Regime.EIR,
    title=_EIR,
    rules=(
        _RESPONSE,
        _EXTENDED,
        _EXTENSION_NOTICE,
        _ADVANCE_PAYMENT,
        _REPRESENTATIONS,
        _RECONSIDERATION,
        _ICO_COMPLAINT,
        _TRIBUNAL,
    ),
    response=_RESPONSE.id,
    steps=(
        further_particulars("EIR"),
        Step(
            kind=CaseEventKind.FEES_NOTICE,
            closed_by=CaseEventKind.FEE_PAID,
            effect=Modifier.PAUSE,
            summary=(
                "advance payment: working days from the notification to the payment "
                "are disregarded, in an extended period too (reg 8(6)); the charge "
                "must be paid within 60 working days (reg 8(5))"
            ),
            citation="EIR reg 8(6)",
            window=Window.CURRENT,
            window_citation="EIR reg 8(4)",
            awaiting=Awaiting.FEE,
            fee_rule=_ADVANCE_PAYMENT.id,
            pause_policy="fee_pause",
            opened=(
                "Advance payment notified on {on}: the clock stops until it is "
                "received, which must be by {fee_due} ({fee_law}) or the authority "
                "need not comply."
            ),
            applied=(
                "Advance payment notified on {on}, received on {until}: {count} "
                "from the notification to the payment disregarded ({law}; "
                "policy P3 {policy})."
            ),
            needs_opening=(
                "a fee paid with no fees notice; pass fee_notice_on (EIR reg 8(6))"
            ),
        ),
        complexity_extension(
            "EIR",
            notice="7(3)",
            extends_to=_EXTENDED.id,
            notice_rule=_EXTENSION_NOTICE.id,
        ),
    ),
    extension_kind=CaseEventKind.EXTENSION,
    review_request=_REPRESENTATIONS.id,
    review=_RECONSIDERATION.id,
    regulator=_ICO_COMPLAINT.id,
    appeal=_TRIBUNAL.id,
    late_review_request=(
        "regulation 11(2) sets the limit, but the authority may still consider late "
        "representations"
    ),
    not_applicable=(
        (
            "public_interest_extension",
            "only FOIA has a public interest extension (s10(3)); EIR reg 7 allows 40 "
            "working days: record an extension (extended=True)",
        ),
        ("identity_confirmed", "identity evidence is a subject access rule"),
        ("complex", f"the time is fixed by law ({_EIR} reg 11(4))"),
        ("review_extended", f"the time is fixed by law ({_EIR} reg 11(4))"),
    ),
)
