"""Freedom of Information Act 2000: the rule set.

Working days are those of s10(6): every day but Saturdays, Sundays, Christmas Day,
Good Friday and a bank holiday in any part of the UK (calendar ``"uk"``).

References:
    * Freedom of Information Act 2000 ss1, 9, 10, 17, 50, 57.
    * FOI (Time for Compliance with Request) Regulations 2004 (SI 2004/3364); SI
      2009/1369 (Northern Ireland schools); SI 2010/2768 (Academies).
    * FOI and Data Protection (Appropriate Limit and Fees) Regulations 2004 (SI
      2004/3244) reg 5.
    * Section 45 Code of Practice (2018) Part 5; ICO guidance on time limits,
      clarification, public interest extensions and complaints.
    * Tribunal Procedure (First-tier Tribunal) (General Regulatory Chamber) Rules
      2009 (SI 2009/1976) rr 5, 12, 22.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._common import (
    CODE,
    FTT,
    FTT_ROLL,
    ICO_COMPLAINT,
    RECEIPT,
    RESPONSE_DATE,
    fee_window,
    ftt_appeal,
)
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
    Window,
)
from foi_deadlines.timeline import CaseEventKind

__all__ = ["RULE_SET"]

_UK: Final = "uk"
_TFC: Final = "FOI (Time for Compliance with Request) Regulations 2004"

_RESPONSE: Final = ClockRule(
    id="foia.response",
    regime=Regime.FOIA,
    title="Response to a request",
    summary=(
        "Comply promptly and in any event not later than the 20th working day "
        "following the date of receipt."
    ),
    citation="Freedom of Information Act 2000 s10(1)",
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
    note=(
        "The primary duty is to respond promptly; the 20th working day is the "
        "latest, not a target."
    ),
)

_REFUSAL: Final = ClockRule(
    id="foia.refusal_notice",
    regime=Regime.FOIA,
    title="Refusal notice",
    summary=(
        "A notice relying on an exemption, on cost (s12) or on s14 must be given "
        "within the time for complying: by the 20th working day."
    ),
    citation="Freedom of Information Act 2000 s17(1), (5)",
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
    note=(
        "Where the public interest test is extended, this notice must give an "
        "estimate of the date of the decision (s17(2))."
    ),
)

_PUBLIC_INTEREST: Final = ClockRule(
    id="foia.public_interest",
    regime=Regime.FOIA,
    title="Public interest decision",
    summary=(
        "Decide the public interest in a reasonable time: by the date estimated "
        "in the refusal notice, and normally no later than 20 working days more "
        "(40 in total)."
    ),
    citation="Freedom of Information Act 2000 s10(3), s17(2)-(3); ICO guidance",
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
    statutory=False,
    length_policy="public_interest_cap",
    note=(
        "The Act says 'reasonable'; the 40-working-day cap is the ICO's "
        "(policy P5). Only for qualified exemptions."
    ),
)

_FEE_PAYMENT: Final = fee_window(
    id="foia.fee_payment",
    regime=Regime.FOIA,
    citation="Freedom of Information Act 2000 s9(2)",
)

_SCHOOL: Final = ClockRule(
    id="foia.school",
    regime=Regime.FOIA,
    title="Response by a school",
    summary=(
        "The 20th working day that is a school day, or the 60th working day, "
        "whichever is first."
    ),
    citation=(
        f"{_TFC} (SI 2004/3364) reg 3; SI 2009/1369 reg 2 (Northern Ireland); "
        "SI 2010/2768 (Academies)"
    ),
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
    counts_only="school_days",
    limit=60,
    note=(
        "Needs the school's term calendar; without it only the 60-working-day "
        "outer limit is known."
    ),
)

_ARCHIVE: Final = ClockRule(
    id="foia.archive",
    regime=Regime.FOIA,
    title="Response by an appropriate records authority",
    summary=(
        "The 30th working day, for a transferred public record not designated "
        "open information."
    ),
    citation=f"{_TFC} reg 4",
    calendar=_UK,
    length=30,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
)

_COMMISSIONER: Final = ClockRule(
    id="foia.commissioner_specified",
    regime=Regime.FOIA,
    title="Response on a day the Commissioner specifies",
    summary=(
        "Where information must come from armed forces operations or from "
        "outside the UK, a day the Commissioner specifies, no later than the "
        "60th working day."
    ),
    citation=f"{_TFC} regs 5, 6",
    calendar=_UK,
    length=60,
    unit=Unit.WORKING_DAYS,
    day_zero=RECEIPT,
    specified_day="commissioner_day",
    note="Only with the Commissioner's specification; otherwise day 20 applies.",
)

_AGGREGATION: Final = ClockRule(
    id="foia.aggregation",
    regime=Regime.FOIA,
    title="Aggregation window for the cost limit",
    summary=(
        "Requests received within any period of 60 consecutive working days may "
        "be aggregated for the appropriate limit."
    ),
    citation=(
        "FOI and Data Protection (Appropriate Limit and Fees) Regulations 2004 "
        "reg 5(2)(b)"
    ),
    calendar=_UK,
    length=60,
    unit=Unit.WORKING_DAYS,
    day_zero=(
        "the first request's day of receipt, which is working day 1 when it is a "
        "working day"
    ),
    end=End.BEGINNING_WITH,
    note="Advisory: the window is anchored on the first request (policy P15).",
)

_REVIEW_REQUEST: Final = ClockRule(
    id="foia.review_request",
    regime=Regime.FOIA,
    title="Request for an internal review",
    summary=(
        "Ask for an internal review within 40 working days of the response; an "
        "authority may publish another window, and may accept a late request."
    ),
    citation=CODE,
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=RESPONSE_DATE,
    statutory=False,
    anchor=Anchor.RESPONSE,
    authority_length="request_window",
    note=(
        "Good practice, not statute: the ICO may refuse to consider a complaint if "
        "the authority's review procedure has not been used."
    ),
    stage=Stage.REVIEW,
)

_REVIEW: Final = ClockRule(
    id="foia.review",
    regime=Regime.FOIA,
    title="Internal review",
    summary=(
        "Complete the internal review within 20 working days of receiving the "
        "request for it."
    ),
    citation=CODE,
    calendar=_UK,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the request for a review is received",
    statutory=False,
    anchor=Anchor.REVIEW_REQUEST,
    authority_length="review_working_days",
    stage=Stage.REVIEW,
)

_REVIEW_EXTENDED: Final = ClockRule(
    id="foia.review_extended",
    regime=Regime.FOIA,
    title="Internal review, complex case",
    summary=(
        "In exceptional or complex cases, complete the review within 40 working "
        "days of receiving the request for it."
    ),
    citation=CODE,
    calendar=_UK,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the request for a review is received",
    statutory=False,
    anchor=Anchor.REVIEW_REQUEST,
    authority_length="complex_review_working_days",
    note=(
        "The ICO expects 40 working days only in exceptional cases; tell the "
        "requester and give reasons."
    ),
    stage=Stage.REVIEW,
)

_ICO_COMPLAINT: Final = ClockRule(
    id="foia.ico_complaint",
    regime=Regime.FOIA,
    title="Complaint to the Information Commissioner",
    summary=ICO_COMPLAINT,
    citation="ICO complaints guidance; FOIA 2000 s50(2)(b) (undue delay)",
    calendar=None,
    length=42,
    unit=Unit.CALENDAR_DAYS,
    day_zero="the final response (the review outcome) or last substantive contact",
    statutory=False,
    anchor=Anchor.REVIEW_OUTCOME,
    note="Six weeks is the ICO's practice; the Act only speaks of undue delay.",
    stage=Stage.REGULATOR,
)

_TRIBUNAL: Final = ftt_appeal(
    id="foia.tribunal_appeal",
    regime=Regime.FOIA,
    citation=(
        "FOIA 2000 s57; Tribunal Procedure (First-tier Tribunal) (General "
        "Regulatory Chamber) Rules 2009 r22(1)(b), r12"
    ),
    summary=FTT,
    roll=FTT_ROLL,
    note="A late appeal needs the Tribunal's permission (r5(3)(a), r22(4)).",
)

_CLARIFICATION: Final = Step(
    kind=CaseEventKind.CLARIFICATION_SOUGHT,
    closed_by=CaseEventKind.CLARIFICATION_RECEIVED,
    effect=Modifier.RESTART,
    summary=(
        "clarification: the date of receipt becomes the day the further information "
        "is received (FOIA s1(3), s10(6)(b)); it must be sought within the time for "
        "complying"
    ),
    citation="FOIA s1(3), s10(6)(b)",
    window=Window.BASE,
    window_citation=(
        "FOIA s1(3), s10(1); the ICO expects clarification to be sought within 20 "
        "working days"
    ),
    awaiting=Awaiting.CLARIFICATION,
    restarts_as=(
        "the day the clarification is received, which becomes the date of receipt "
        "(s10(6)(b))"
    ),
    opened=(
        "Clarification sought on {on}: the authority need not comply until it "
        "arrives, and the period then starts again in full ({law})."
    ),
    applied=(
        "Clarification received on {on}: the clock restarted from it, as a new date "
        "of receipt ({law})."
    ),
)

_FEES: Final = Step(
    kind=CaseEventKind.FEES_NOTICE,
    closed_by=CaseEventKind.FEE_PAID,
    effect=Modifier.PAUSE,
    summary=(
        "fees notice: working days from the notice to the payment are disregarded "
        "(FOIA s10(2)); the notice must be given within the time for complying "
        "(s9(1)) and the fee paid within three months (s9(2))"
    ),
    citation="FOIA s10(2)",
    window=Window.BASE,
    window_citation="FOIA s9(1)",
    awaiting=Awaiting.FEE,
    fee_rule="foia.fee_payment",
    pause_policy="fee_pause",
    opened=(
        "Fees notice given on {on}: the clock stops until the fee is received, "
        "which must be by {fee_due} ({fee_law}) or the request lapses."
    ),
    applied=(
        "Fees notice given on {on}, fee received on {until}: {count} from the "
        "notice to the payment disregarded ({law}; policy P3 {policy})."
    ),
    needs_opening=("a fee paid with no fees notice; pass fee_notice_on (FOIA s10(2))"),
)

_EXTENSION: Final = Step(
    kind=CaseEventKind.PUBLIC_INTEREST_EXTENSION,
    effect=Modifier.EXTENSION,
    summary=(
        "public interest: the decision may take a reasonable time longer (s10(3)); "
        "the refusal notice giving the estimate is still due by day 20 (s17(1)-(2))"
    ),
    citation="FOIA s10(3), s17(2)",
    window=Window.BASE,
    window_citation="FOIA s17(1)-(2)",
    extends_to="foia.public_interest",
    reported_as="public_interest",
    applied="Public interest extension ({law}): the decision is due by {due}, {basis}.",
)

RULE_SET: Final = RuleSet(
    regime=Regime.FOIA,
    title="Freedom of Information Act 2000",
    rules=(
        _RESPONSE,
        _REFUSAL,
        _PUBLIC_INTEREST,
        _FEE_PAYMENT,
        _SCHOOL,
        _ARCHIVE,
        _COMMISSIONER,
        _AGGREGATION,
        _REVIEW_REQUEST,
        _REVIEW,
        _REVIEW_EXTENDED,
        _ICO_COMPLAINT,
        _TRIBUNAL,
    ),
    response=_RESPONSE.id,
    refusal_notice=_REFUSAL.id,
    steps=(_CLARIFICATION, _FEES, _EXTENSION),
    extension_kind=CaseEventKind.PUBLIC_INTEREST_EXTENSION,
    bodies=(
        BodyRule(
            body=Body.SCHOOL,
            response=_SCHOOL.id,
            event=(
                "A school: the 20th working day that is a school day, or the 60th "
                f"working day if that is earlier ({_TFC} reg 3)."
            ),
            without_option=(
                "No term calendar was given, so this is the outer limit: the 60th "
                "working day. The 20th school day may be earlier; pass school_days."
            ),
        ),
        BodyRule(body=Body.ARCHIVE, response=_ARCHIVE.id),
        *(
            BodyRule(
                body=body,
                response=_COMMISSIONER.id,
                fallback=_RESPONSE.id,
                event=f"The Commissioner specified {{on}} ({_TFC} regs 5-6).",
                without_option=(
                    "No day specified by the Commissioner, so the 20th working day "
                    "applies; the Commissioner may specify a later day, up to the "
                    f"60th working day ({_TFC} regs 5-6)."
                ),
            )
            for body in (Body.ARMED_FORCES, Body.OVERSEAS)
        ),
    ),
    review_request=_REVIEW_REQUEST.id,
    review=_REVIEW.id,
    review_extended=_REVIEW_EXTENDED.id,
    regulator=_ICO_COMPLAINT.id,
    appeal=_TRIBUNAL.id,
    late_review_request=(
        "the authority may still accept it: the window is good practice under the "
        "Code of Practice, not statute"
    ),
    not_applicable=(
        (
            "extension",
            "FOIA 2000 has no such extension (record public_interest_extension: "
            "s10(3))",
        ),
        ("identity_confirmed", "identity evidence is a subject access rule"),
    ),
)
