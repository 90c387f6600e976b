"""Wording, rules and steps that several regimes share, written once.

The EIR take their enforcement and appeal provisions from FOIA (EIR reg 18), and the
EISR theirs from FOISA (EISR reg 17): the tribunal and court rules below are the same
rule under each regime, with the regime's own id and citation. The EIR and the EISR
also word their further particulars (reg 9) and their extension for complexity and
volume (reg 7) alike, so those steps are made here for each, with its own citations.
"""

from __future__ import annotations

from typing import Final

from foi_deadlines.rules._model import (
    Anchor,
    Awaiting,
    ClockRule,
    End,
    Modifier,
    Regime,
    Stage,
    Step,
    Unit,
    Variant,
    Window,
)
from foi_deadlines.timeline import CaseEventKind

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
    "complexity_extension",
    "court_of_session",
    "fee_window",
    "ftt_appeal",
    "further_particulars",
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


def fee_window(*, id: str, regime: Regime, citation: str) -> ClockRule:
    """The window to pay a fee (FOIA s9(2), FOISA s9).

    Three months beginning with the day of the fees notice (policy P4); unpaid in
    it, the request lapses.
    """
    return ClockRule(
        id=id,
        regime=regime,
        title="Fee payment window",
        summary=(
            "The authority need not comply unless the fee is paid within three months "
            "beginning with the day the fees notice is given."
        ),
        citation=citation,
        calendar=None,
        length=3,
        unit=Unit.MONTHS,
        day_zero="the day the fees notice is given",
        anchor=Anchor.STEP,
        end=End.BEGINNING_WITH,
        variants=(
            Variant(
                policy="fee_window",
                value="corresponding_date",
                changes=(("end", End.AFTER),),
            ),
        ),
        note="Counted as 'beginning with' the notice day (policy P4).",
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


def further_particulars(instrument: str) -> Step:
    """Further particulars under reg 9 of ``instrument`` (``"EIR"``, ``"EISR"``).

    They are asked for within 20 working days (reg 9(2)), and the period runs
    again from the day they are received (reg 9(4)).
    """
    return Step(
        kind=CaseEventKind.CLARIFICATION_SOUGHT,
        closed_by=CaseEventKind.CLARIFICATION_RECEIVED,
        effect=Modifier.RESTART,
        summary=(
            "further particulars: asked for within 20 working days (reg 9(2)), "
            "the period runs from the day they are received (reg 9(4))"
        ),
        citation=f"{instrument} reg 9(4)",
        window=Window.BASE,
        window_citation=f"{instrument} reg 9(2)",
        awaiting=Awaiting.CLARIFICATION,
        restarts_as="the day the further particulars are received (reg 9(4))",
        opened=(
            "Further particulars sought on {on}: the period starts again when "
            "they arrive ({law})."
        ),
        applied=(
            "Further particulars received on {on}: the period runs from that "
            "day ({law})."
        ),
    )


def complexity_extension(
    instrument: str, *, notice: str, extends_to: str, notice_rule: str
) -> Step:
    """The extension to 40 working days of reg 7(1) of ``instrument``.

    It is for complexity and volume that make 20 impracticable, and notified within
    20 working days (the regulation ``notice``).
    """
    return Step(
        kind=CaseEventKind.EXTENSION,
        effect=Modifier.EXTENSION,
        summary=(
            "complexity and volume: 40 working days (reg 7(1)), notified within "
            f"20 working days of receipt (reg {notice})"
        ),
        citation=f"{instrument} reg 7(1)",
        window=Window.NOTICE,
        window_citation=f"{instrument} reg {notice}",
        extends_to=extends_to,
        notice_rule=notice_rule,
        applied=(
            "Extended to 40 working days for complexity and volume ({law}); the "
            "applicant had to be told by {notice_due}."
        ),
    )
