"""Freedom of Information (Scotland) Act 2002: the rule set.

Working days are those of s73: every day but Saturdays, Sundays, Christmas Day and a
bank holiday in Scotland (calendar ``"scotland"``). There is no public interest or
other extension.

References:
    * Freedom of Information (Scotland) Act 2002 ss1, 9, 10, 20, 21, 22, 47, 56, 73,
      74; Explanatory Notes paras 44-49.
    * Scottish Information Commissioner guidance on timescales and appeals.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._common import SIC, court_of_session, fee_window
from foi_deadlines.rules._model import (
    Anchor,
    Awaiting,
    Body,
    BodyRule,
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

__all__ = ["RULE_SET", "sic_application"]

_SCOTLAND: Final = "scotland"
_FOISA: Final = "Freedom of Information (Scotland) Act 2002"
_RECEIPT: Final = "the day the request is received, working day or not"
_NO_EXTENSION: Final = (
    "FOISA has no public interest or other extension: the 20th working day is the "
    "limit (s10(1))"
)


def sic_application(*, id: str, regime: Regime, citation: str) -> ClockRule:
    """An application to the Scottish Information Commissioner (s47(4))."""
    return ClockRule(
        id=id,
        regime=regime,
        title="Application to the Scottish Information Commissioner",
        summary=SIC,
        citation=citation,
        calendar=None,
        length=6,
        unit=Unit.MONTHS,
        day_zero="receipt of the review notice, or expiry of the time for review",
        anchor=Anchor.REVIEW_OUTCOME_ELSE_EXPIRY,
        variants=(
            Variant(
                policy="sic_application",
                value="strict_before",
                changes=(("end", End.BEGINNING_WITH),),
            ),
        ),
        note="The last day is the corresponding date (policy P9); it does not move.",
        stage=Stage.REGULATOR,
    )


_RESPONSE: Final = ClockRule(
    id="foisa.response",
    regime=Regime.FOISA,
    title="Response to a request",
    summary=(
        "Comply promptly and in any event by not later than the 20th working day "
        "after receipt of the request."
    ),
    citation=f"{_FOISA} s10(1)",
    calendar=_SCOTLAND,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=_RECEIPT,
    note="There is no public interest extension in FOISA.",
)

_KEEPER: Final = ClockRule(
    id="foisa.keeper",
    regime=Regime.FOISA,
    title="Response by the Keeper of the Records of Scotland",
    summary=(
        "The 30th working day, for a request the Keeper considers under s22 (records "
        "transferred to the Keeper and not designated open)."
    ),
    citation=f"{_FOISA} s10(2)",
    calendar=_SCOTLAND,
    length=30,
    unit=Unit.WORKING_DAYS,
    day_zero=_RECEIPT,
)

_FEE_PAYMENT: Final = fee_window(
    id="foisa.fee_payment", regime=Regime.FOISA, citation=f"{_FOISA} s9"
)

_REVIEW_REQUIREMENT: Final = ClockRule(
    id="foisa.review_requirement",
    regime=Regime.FOISA,
    title="Requirement for review",
    summary=(
        "Require a review no later than the 40th working day after the time for "
        "responding expired, or after receiving a late response."
    ),
    citation=f"{_FOISA} s20(5)",
    calendar=_SCOTLAND,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=(
        "the expiry of the time to respond (s10), or the applicant's receipt of a "
        "late response (policy P8)"
    ),
    anchor=Anchor.EXPIRY_OR_LATE_RESPONSE,
    variants=(
        Variant(
            policy="foisa_review_start",
            value="sic_simplified",
            changes=(("anchor", Anchor.RESPONSE_ELSE_EXPIRY),),
        ),
    ),
    note="The authority may accept a late requirement (s20(6)).",
    stage=Stage.REVIEW,
)

_REVIEW: Final = ClockRule(
    id="foisa.review",
    regime=Regime.FOISA,
    title="Review",
    summary=(
        "Comply with a requirement for review promptly and in any event by the 20th "
        "working day after receiving it."
    ),
    citation=f"{_FOISA} s21(1)",
    calendar=_SCOTLAND,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the requirement for review is received",
    anchor=Anchor.REVIEW_REQUEST,
    stage=Stage.REVIEW,
)

_REVIEW_KEEPER: Final = ClockRule(
    id="foisa.review_keeper",
    regime=Regime.FOISA,
    title="Review by the Keeper of the Records of Scotland",
    summary=(
        "The 30th working day, where another authority is to review the decision "
        "under s22(4)."
    ),
    citation=f"{_FOISA} s21(2)",
    calendar=_SCOTLAND,
    length=30,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the requirement for review is received",
    anchor=Anchor.REVIEW_REQUEST,
    stage=Stage.REVIEW,
)

_SIC: Final = sic_application(
    id="foisa.sic_application",
    regime=Regime.FOISA,
    citation=f"{_FOISA} s47(4)",
)

_COURT: Final = court_of_session(
    id="foisa.court_of_session",
    regime=Regime.FOISA,
    citation=f"{_FOISA} s56; Rules of the Court of Session ch 41",
)

RULE_SET: Final = RuleSet(
    regime=Regime.FOISA,
    title=_FOISA,
    rules=(
        _RESPONSE,
        _KEEPER,
        _FEE_PAYMENT,
        _REVIEW_REQUIREMENT,
        _REVIEW,
        _REVIEW_KEEPER,
        _SIC,
        _COURT,
    ),
    response=_RESPONSE.id,
    steps=(
        Step(
            kind=CaseEventKind.CLARIFICATION_SOUGHT,
            closed_by=CaseEventKind.CLARIFICATION_RECEIVED,
            effect=Modifier.RESTART,
            summary=(
                "further information: the 20 working days run from its receipt "
                "(FOISA s1(3), s10(1)(b)); it must be sought within the time for "
                "complying"
            ),
            citation="FOISA s1(3), s10(1)(b)",
            window=Window.BASE,
            window_citation="FOISA s1(3), s10(1)",
            awaiting=Awaiting.CLARIFICATION,
            restarts_as="the day the further information is received (s10(1)(b))",
            opened=(
                "Further information sought on {on}: the authority need not give "
                "the information until it arrives, and the 20 working days then "
                "run from its receipt ({law})."
            ),
            applied=(
                "Further information received on {on}: the clock restarted from it "
                "({law})."
            ),
        ),
        Step(
            kind=CaseEventKind.FEES_NOTICE,
            closed_by=CaseEventKind.FEE_PAID,
            effect=Modifier.PAUSE,
            summary=(
                "fees notice: working days from the notice to the payment are "
                "disregarded (FOISA s10(3)); the notice must be given within the "
                "time for complying and the fee paid within three months (s9)"
            ),
            citation="FOISA s10(3)",
            window=Window.BASE,
            window_citation="FOISA s9(1)",
            awaiting=Awaiting.FEE,
            fee_rule=_FEE_PAYMENT.id,
            pause_policy="fee_pause",
            opened=(
                "Fees notice given on {on}: the clock stops until the fee is "
                "received, which must be by {fee_due} ({fee_law}) or the request "
                "lapses."
            ),
            applied=(
                "Fees notice given on {on}, fee received on {until}: {count} "
                "from the notice to the payment disregarded ({law}; policy P3 "
                "{policy})."
            ),
            needs_opening=(
                "a fee paid with no fees notice; pass fee_notice_on (FOISA s10(3))"
            ),
        ),
    ),
    bodies=(BodyRule(body=Body.KEEPER, response=_KEEPER.id, review=_REVIEW_KEEPER.id),),
    review_request=_REVIEW_REQUIREMENT.id,
    review=_REVIEW.id,
    regulator=_SIC.id,
    appeal=_COURT.id,
    late_review_request=(
        "the authority may still accept it if it considers it appropriate (FOISA "
        "s20(6))"
    ),
    not_applicable=(
        ("extension", _NO_EXTENSION),
        (
            "public_interest_extension",
            f"only FOIA has a public interest extension; {_NO_EXTENSION}",
        ),
        ("identity_confirmed", "identity evidence is a subject access rule"),
        ("complex", f"the time is fixed by law ({_FOISA} s21(1))"),
        ("review_extended", f"the time is fixed by law ({_FOISA} s21(1))"),
    ),
)
