"""Environmental Information (Scotland) Regulations 2004: the rule set.

Working days are as under FOISA (reg 2(1)): calendar ``"scotland"``. The enforcement
and appeal provisions of FOISA apply (reg 17). Charges under reg 8 are not modelled:
a fees notice is refused rather than counted wrongly.

References:
    * Environmental Information (Scotland) Regulations 2004 (SSI 2004/520) regs 2, 5,
      7, 9, 16, 17.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._common import (
    complexity_extension,
    court_of_session,
    further_particulars,
)
from foi_deadlines.rules._model import (
    Anchor,
    ClockRule,
    Regime,
    RuleSet,
    Stage,
    Unit,
)
from foi_deadlines.rules.foisa import sic_application
from foi_deadlines.timeline import CaseEventKind

__all__ = ["RULE_SET"]

_SCOTLAND: Final = "scotland"
_EISR: Final = "Environmental Information (Scotland) Regulations 2004"
_RECEIPT: Final = "the day the request is received, working day or not"

_RESPONSE: Final = ClockRule(
    id="eisr.response",
    regime=Regime.EISR,
    title="Response to a request",
    summary=(
        "Make the information available as soon as possible and no later than 20 "
        "working days after the date of receipt."
    ),
    citation=f"{_EISR} reg 5(2)(a)",
    calendar=_SCOTLAND,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=_RECEIPT,
)

_EXTENDED: Final = ClockRule(
    id="eisr.extended",
    regime=Regime.EISR,
    title="Response, extended for complexity and volume",
    summary=(
        "40 working days, where the volume and complexity of the information make "
        "20 impracticable."
    ),
    citation=f"{_EISR} reg 7(1)",
    calendar=_SCOTLAND,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=_RECEIPT,
)

_EXTENSION_NOTICE: Final = ClockRule(
    id="eisr.extension_notice",
    regime=Regime.EISR,
    title="Notice of an extension",
    summary=(
        "Tell the applicant of the extension as soon as possible and no later than "
        "20 working days after the date of receipt."
    ),
    citation=f"{_EISR} reg 7(2)",
    calendar=_SCOTLAND,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero=_RECEIPT,
)

_REPRESENTATIONS: Final = ClockRule(
    id="eisr.representations",
    regime=Regime.EISR,
    title="Representations (request for review)",
    summary=(
        "Make representations no later than 40 working days after the date the "
        "applicant believes the authority failed to comply."
    ),
    citation=f"{_EISR} reg 16(2)",
    calendar=_SCOTLAND,
    length=40,
    unit=Unit.WORKING_DAYS,
    day_zero=(
        "the date of the response (policy P10), or, with no response, the last day "
        "for one"
    ),
    anchor=Anchor.RESPONSE_ELSE_EXPIRY,
    stage=Stage.REVIEW,
)

_REVIEW: Final = ClockRule(
    id="eisr.review",
    regime=Regime.EISR,
    title="Review",
    summary=(
        "Decide as soon as possible and no later than 20 working days after "
        "receiving the representations."
    ),
    citation=f"{_EISR} reg 16(4)",
    calendar=_SCOTLAND,
    length=20,
    unit=Unit.WORKING_DAYS,
    day_zero="the day the representations are received",
    anchor=Anchor.REVIEW_REQUEST,
    stage=Stage.REVIEW,
)

_SIC: Final = sic_application(
    id="eisr.sic_application",
    regime=Regime.EISR,
    citation=(
        "Freedom of Information (Scotland) Act 2002 s47(4) as applied by EISR reg 17"
    ),
)

_COURT: Final = court_of_session(
    id="eisr.court_of_session",
    regime=Regime.EISR,
    citation=(
        "Freedom of Information (Scotland) Act 2002 s56 as applied by EISR reg 17; "
        "Rules of the Court of Session ch 41"
    ),
)

RULE_SET: Final = RuleSet(
    regime=Regime.EISR,
    title=_EISR,
    rules=(
        _RESPONSE,
        _EXTENDED,
        _EXTENSION_NOTICE,
        _REPRESENTATIONS,
        _REVIEW,
        _SIC,
        _COURT,
    ),
    response=_RESPONSE.id,
    steps=(
        further_particulars("EISR"),
        complexity_extension(
            "EISR",
            notice="7(2)",
            extends_to=_EXTENDED.id,
            notice_rule=_EXTENSION_NOTICE.id,
        ),
    ),
    extension_kind=CaseEventKind.EXTENSION,
    review_request=_REPRESENTATIONS.id,
    review=_REVIEW.id,
    regulator=_SIC.id,
    appeal=_COURT.id,
    late_review_request=(
        "regulation 16(2) sets the limit, but the authority may still consider late "
        "representations"
    ),
    not_applicable=(
        (
            "fees_notice",
            "charges under EISR reg 8 are not modelled by this version; compute the "
            "pause by hand",
        ),
        (
            "public_interest_extension",
            "only FOIA has a public interest extension (s10(3)); EISR reg 7 allows "
            "40 working days: record an extension (extended=True)",
        ),
        ("identity_confirmed", "identity evidence is a subject access rule"),
        ("complex", f"the time is fixed by law ({_EISR} reg 16(4))"),
        ("review_extended", f"the time is fixed by law ({_EISR} reg 16(4))"),
    ),
)
