"""Wording and rules that several regimes share, written once.

The EIR take their enforcement and appeal provisions from FOIA (EIR reg 18), and the
EISR theirs from FOISA (EISR reg 17): the tribunal and court rules below are the same
rule under each regime, with the regime's own id and citation.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._model import Anchor, ClockRule, Regime, Stage, Unit

__all__ = [
    "CODE",
    "COURT",
    "COURT_NOTE",
    "FTT",
    "FTT_ROLL",
    "ICO_COMPLAINT",
    "RECEIPT",
    "RESPONSE_DATE",
    "SIC",
    "court_of_session",
    "ftt_appeal",
]

RECEIPT: Final = "the day the request is received, working day or not"
RESPONSE_DATE: Final = "the date of the response (policy P10)"
CODE: Final = "FOI Code of Practice (s45, 2018) Part 5; ICO guidance"
ICO_COMPLAINT: Final = (
    "Complain to the Information Commissioner within six weeks of the final "
    "response; later complaints may be refused for undue delay."
)
FTT: Final = (
    "Appeal to the First-tier Tribunal so that the notice of appeal is received "
    "within 28 days of the date the decision notice was sent."
)
FTT_ROLL: Final = (
    "a last day that is not a working day moves to the next working day, on the "
    "England and Wales calendar (GRC Rules r12; policy P14); by 5pm"
)
SIC: Final = (
    "Apply to the Scottish Information Commissioner within six months after "
    "receiving the review notice (or after the time for the review expired)."
)
COURT: Final = (
    "Appeal to the Court of Session on a point of law within 42 days after the "
    "decision is intimated."
)
COURT_NOTE: Final = (
    "The 42 days are those stated in the Commissioner's decision notices under the "
    "Rules of the Court of Session ch 41; check r41.20 and the decision notice."
)


_FTT_NOTE: Final = "The notice of appeal must be received by 5pm on that day (r12)."


def ftt_appeal(
    *, id: str, regime: Regime, citation: str, summary: str, roll: str, note: str = ""
) -> ClockRule:
    """An appeal to the First-tier Tribunal: 28 days, rolled on P14's calendar."""
    return ClockRule(
        id=id,
        regime=regime,
        title="Appeal to the First-tier Tribunal",
        summary=summary,
        citation=citation,
        calendar="england-and-wales",
        calendar_policy="tribunal_calendar",
        length=28,
        unit=Unit.CALENDAR_DAYS,
        day_zero="the date the decision notice was sent",
        anchor=Anchor.DECISION_NOTICE,
        roll=roll,
        note=" ".join(filter(None, [_FTT_NOTE, note])),
        stage=Stage.APPEAL,
    )


def court_of_session(*, id: str, regime: Regime, citation: str) -> ClockRule:
    """An appeal to the Court of Session: 42 days after intimation, not rolled."""
    return ClockRule(
        id=id,
        regime=regime,
        title="Appeal to the Court of Session",
        summary=COURT,
        citation=citation,
        calendar=None,
        length=42,
        unit=Unit.CALENDAR_DAYS,
        day_zero="the day the decision is intimated",
        anchor=Anchor.DECISION_NOTICE,
        note=COURT_NOTE,
        stage=Stage.APPEAL,
    )
