"""The statutory clocks, as data: what each counts, from when, under which law.

Each clock is a :class:`ClockRule`: its id, regime, legal citation, the calendar it
counts on, its length and unit, what day 0 is, the modifiers the law allows, whether
it is statute or guidance, and the dates it is in force. :data:`RULES` lists them
all; the documentation's table of clocks is rendered from it, and the engine in
:mod:`foi_deadlines.clocks` reads its numbers from it.

>>> rule = get_rule("foia.response")
>>> rule.length, rule.unit, rule.calendar
(20, <Unit.WORKING_DAYS: 'working days'>, 'uk')
>>> rule.citation
'Freedom of Information Act 2000 s10(1)'

References:
    * Freedom of Information Act 2000 ss1, 9, 10, 17; SI 2004/3364, 2009/1369,
      2010/2768 (Time for Compliance); SI 2004/3244 reg 5 (aggregation).
    * Environmental Information Regulations 2004 (SI 2004/3391) regs 5, 7, 8, 9.
    * Freedom of Information (Scotland) Act 2002 ss1, 9, 10.
    * Environmental Information (Scotland) Regulations 2004 (SSI 2004/520) regs 5,
      7, 9.
    * UK GDPR Art 12(3) and Art 12A (Data (Use and Access) Act 2025 s76, in force
      5 February 2026 under SI 2026/82).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final

import attrs

from foi_deadlines.errors import UnknownRuleError

__all__ = [
    "RULES",
    "SAR_REFORM_DAY",
    "ClockRule",
    "Modifier",
    "Regime",
    "Stage",
    "Unit",
    "get_rule",
    "rules_for",
]

#: The day Art 12A UK GDPR came into force (SI 2026/82 reg 2(h)).
SAR_REFORM_DAY: Final = date(2026, 2, 5)


class Regime(enum.StrEnum):
    """An information-rights regime."""

    FOIA = "foia"
    EIR = "eir"
    FOISA = "foisa"
    EISR = "eisr"
    SAR = "sar"

    @property
    def label(self) -> str:
        """The regime's short name, such as ``"FOIA 2000"``."""
        return _REGIME_LABELS[self]

    @property
    def calendar(self) -> str | None:
        """The working-day calendar the regime counts on.

        ``"uk"`` for FOIA and the EIR (s10(6), reg 2(1)), ``"scotland"`` for FOISA and
        the EISR (s73); ``None`` for subject access, which counts calendar months and
        rolls on the controller's part of the UK.
        """
        return _REGIME_CALENDARS.get(self)


_REGIME_LABELS: Final = {
    Regime.FOIA: "FOIA 2000",
    Regime.EIR: "EIR 2004",
    Regime.FOISA: "FOISA 2002",
    Regime.EISR: "EISR 2004",
    Regime.SAR: "UK GDPR subject access",
}


class Stage(enum.StrEnum):
    """The stage of a request a clock belongs to."""

    RESPONSE = "response"
    REVIEW = "review"
    REGULATOR = "regulator"
    APPEAL = "appeal"


_REGIME_CALENDARS: Final = {
    Regime.FOIA: "uk",
    Regime.EIR: "uk",
    Regime.FOISA: "scotland",
    Regime.EISR: "scotland",
}


class Unit(enum.StrEnum):
    """The unit a clock counts in."""

    WORKING_DAYS = "working days"
    CALENDAR_DAYS = "calendar days"
    MONTHS = "months"


class Modifier(enum.StrEnum):
    """A way the law lets a clock move.

    * ``RESTART``: a new day 0 and the full period again (a clarification).
    * ``PAUSE``: days inside a window are disregarded, the elapsed count kept (a
      fees notice until payment).
    * ``EXTENSION``: a longer period from the same day 0.
    * ``SUBSTITUTE``: regulations substitute another day for certain bodies.
    * ``ROLL_FORWARD``: an end that falls on a non-working day moves to the next
      working day.
    """

    RESTART = "restart"
    PAUSE = "pause"
    EXTENSION = "extension"
    SUBSTITUTE = "substitute"
    ROLL_FORWARD = "roll forward"


@attrs.frozen(kw_only=True)
class ClockRule:
    """One statutory (or guidance) clock.

    Attributes:
        id: A stable identifier, such as ``"foia.response"``.
        regime: The regime it belongs to.
        title: A short title.
        summary: What the rule requires, in plain English.
        citation: The legal source.
        calendar: The working-day calendar it counts on (``"uk"``, ``"scotland"``),
            ``"division"`` where it depends on where the controller is, or ``None``
            for a period of calendar days or months with no roll.
        length: How many units.
        unit: Working days, calendar days or months.
        day_zero: What day 0 is.
        modifiers: How the clock can move, each with its legal source.
        statutory: Whether the clock is set by legislation (``False`` for guidance
            and good practice).
        in_force_from: The first day a request can fall under this version of the
            rule, or ``None``.
        in_force_to: The last such day, or ``None``.
        note: Anything a reader must know to apply it.
        stage: The stage of the request it belongs to.
        roll: For a period of calendar days or months, what happens when it ends
            on a non-working day, in words; empty when it does not move.
    """

    id: str
    regime: Regime
    title: str
    summary: str
    citation: str
    calendar: str | None
    length: int
    unit: Unit
    day_zero: str
    modifiers: tuple[tuple[Modifier, str], ...] = ()
    statutory: bool = True
    in_force_from: date | None = None
    in_force_to: date | None = None
    note: str = ""
    stage: Stage = Stage.RESPONSE
    roll: str = ""

    def in_force_on(self, day: date) -> bool:
        """Whether this version of the rule applies to a request received on ``day``."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_to is None or day <= self.in_force_to

    @property
    def length_text(self) -> str:
        """The length in words, such as ``"20 working days"``."""
        unit = str(self.unit)
        if self.length == 1:
            unit = unit.removesuffix("s")
        return f"{self.length} {unit}"


_RECEIPT: Final = "the day the request is received, working day or not"
_FOIA_RESTART: Final = (
    Modifier.RESTART,
    "clarification: the date of receipt becomes the day the further information "
    "is received (FOIA s1(3), s10(6)(b))",
)
_FOIA_PAUSE: Final = (
    Modifier.PAUSE,
    "fees notice: working days from the notice to the payment are disregarded "
    "(FOIA s10(2))",
)
_EIR_RESTART: Final = (
    Modifier.RESTART,
    "further particulars: the 20 working days run from the day they are received "
    "(EIR reg 9(4))",
)
_EIR_PAUSE: Final = (
    Modifier.PAUSE,
    "advance payment: working days from the notification to the payment are "
    "disregarded, including in an extended period (EIR reg 8(6))",
)
_FOISA_RESTART: Final = (
    Modifier.RESTART,
    "further information: the 20 working days run from its receipt (FOISA s1(3), "
    "s10(1)(b))",
)
_FOISA_PAUSE: Final = (
    Modifier.PAUSE,
    "fees notice: working days from the notice to the payment are disregarded "
    "(FOISA s10(2))",
)
_SAR_RESTART: Final = (
    Modifier.RESTART,
    "the relevant time is the latest of receipt, receipt of identity evidence and "
    "payment of a fee (Art 12A(2))",
)
_SAR_PAUSE: Final = (
    Modifier.PAUSE,
    "clarification of scope: the days from asking to receiving the answer do not "
    "count (Art 12A(5))",
)
_SAR_ROLL_TEXT: Final = (
    "a date on a weekend or public holiday moves to the next working day, in the "
    "controller's part of the UK (ICO guidance; policy P16)"
)
_SAR_ROLL: Final = (Modifier.ROLL_FORWARD, _SAR_ROLL_TEXT)
_SAR_OLD_RESTART: Final = (
    Modifier.RESTART,
    "time runs from receipt of identity evidence or a fee where one is needed "
    "(ICO guidance)",
)
_SAR_OLD_PAUSE: Final = (
    Modifier.PAUSE,
    "clarification: the ICO's practice of stopping the clock while waiting",
)


def _sar_rules(
    *,
    suffix: str,
    in_force_from: date | None,
    in_force_to: date | None,
    citation: str,
    extension_citation: str,
    notice_citation: str,
    restart: tuple[Modifier, str],
    pause: tuple[Modifier, str],
) -> tuple[ClockRule, ...]:
    """The three subject-access clocks, in one version of the law."""
    sar = functools.partial(
        ClockRule,
        regime=Regime.SAR,
        calendar="division",
        unit=Unit.MONTHS,
        in_force_from=in_force_from,
        in_force_to=in_force_to,
        roll=_SAR_ROLL_TEXT,
    )
    return (
        sar(
            id=f"sar.response{suffix}",
            title="Subject access response",
            summary=(
                "Respond without undue delay and in any event within one month of "
                "the relevant time."
            ),
            citation=citation,
            length=1,
            day_zero=(
                "the relevant time: receipt of the request, or later receipt of "
                "identity evidence or a fee"
            ),
            modifiers=(
                restart,
                pause,
                (
                    Modifier.EXTENSION,
                    "by two further months where necessary for complexity or the "
                    "number of requests, on notice",
                ),
                _SAR_ROLL,
            ),
            note="Counted by the ICO's corresponding-date method (policy P11).",
        ),
        sar(
            id=f"sar.extended{suffix}",
            title="Subject access response, extended",
            summary="Respond within three months of the relevant time.",
            citation=extension_citation,
            length=3,
            day_zero="the relevant time",
            modifiers=(restart, pause, _SAR_ROLL),
            note="Three months from the relevant time (policy P12).",
        ),
        sar(
            id=f"sar.extension_notice{suffix}",
            title="Subject access extension notice",
            summary=(
                "Tell the requester of an extension, with reasons, within one month "
                "of the relevant time."
            ),
            citation=notice_citation,
            length=1,
            day_zero="the relevant time",
            modifiers=(pause, _SAR_ROLL),
        ),
    )


_SAR_BEFORE_REFORM: Final = "UK GDPR Art 12(3) (before 5 February 2026)"
_CODE: Final = "FOI Code of Practice (s45, 2018) Part 5; ICO guidance"
_RESPONSE_DATE: Final = "the date of the response (policy P10)"
_ICO_COMPLAINT: Final = (
    "Complain to the Information Commissioner within six weeks of the final "
    "response; later complaints may be refused for undue delay."
)
_FTT: Final = (
    "Appeal to the First-tier Tribunal so that the notice of appeal is received "
    "within 28 days of the date the decision notice was sent."
)
_FTT_ROLL: Final = (
    "a last day that is not a working day moves to the next working day, on the "
    "England and Wales calendar (GRC Rules r12; policy P14); by 5pm"
)
_SIC: Final = (
    "Apply to the Scottish Information Commissioner within six months after "
    "receiving the review notice (or after the time for the review expired)."
)
_COURT: Final = (
    "Appeal to the Court of Session on a point of law within 42 days after the "
    "decision is intimated."
)
_COURT_NOTE: Final = (
    "The 42 days are those stated in the Commissioner's decision notices under the "
    "Rules of the Court of Session ch 41; check r41.20 and the decision notice."
)


def _review_rules() -> tuple[ClockRule, ...]:
    """Reviews, complaints and appeals, for each regime."""
    return (
        ClockRule(
            id="foia.review_request",
            regime=Regime.FOIA,
            title="Request for an internal review",
            summary=(
                "Ask for an internal review within 40 working days of the response; "
                "an authority may publish another window, and may accept a late "
                "request."
            ),
            citation=_CODE,
            calendar="uk",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero=_RESPONSE_DATE,
            statutory=False,
            note="Good practice, not statute: the ICO may refuse to consider a "
            "complaint if the authority's review procedure has not been used.",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foia.review",
            regime=Regime.FOIA,
            title="Internal review",
            summary=(
                "Complete the internal review within 20 working days of receiving "
                "the request for it."
            ),
            citation=_CODE,
            calendar="uk",
            length=20,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the request for a review is received",
            modifiers=(
                (
                    Modifier.EXTENSION,
                    "40 working days in complex or exceptional cases (ICO)",
                ),
            ),
            statutory=False,
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foia.review_extended",
            regime=Regime.FOIA,
            title="Internal review, complex case",
            summary=(
                "In exceptional or complex cases, complete the review within 40 "
                "working days of receiving the request for it."
            ),
            citation=_CODE,
            calendar="uk",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the request for a review is received",
            statutory=False,
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="eir.representations",
            regime=Regime.EIR,
            title="Representations (request for reconsideration)",
            summary=(
                "Make representations no later than 40 working days after the date "
                "the applicant believes the authority failed to comply."
            ),
            citation="Environmental Information Regulations 2004 reg 11(2)",
            calendar="uk",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero=_RESPONSE_DATE,
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="eir.reconsideration",
            regime=Regime.EIR,
            title="Reconsideration",
            summary=(
                "Decide as soon as possible and no later than 40 working days after "
                "receiving the representations."
            ),
            citation="Environmental Information Regulations 2004 reg 11(4)",
            calendar="uk",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the representations are received",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foisa.review_requirement",
            regime=Regime.FOISA,
            title="Requirement for review",
            summary=(
                "Require a review no later than the 40th working day after the time "
                "for responding expired, or after receiving a late response."
            ),
            citation="Freedom of Information (Scotland) Act 2002 s20(5)",
            calendar="scotland",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero=(
                "the expiry of the time to respond (s10), or the applicant's receipt "
                "of a late response (policy P8)"
            ),
            note="The authority may accept a late requirement (s20(6)).",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foisa.review",
            regime=Regime.FOISA,
            title="Review",
            summary=(
                "Comply with a requirement for review promptly and in any event by "
                "the 20th working day after receiving it."
            ),
            citation="Freedom of Information (Scotland) Act 2002 s21(1)",
            calendar="scotland",
            length=20,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the requirement for review is received",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foisa.review_keeper",
            regime=Regime.FOISA,
            title="Review by the Keeper of the Records of Scotland",
            summary="The 30th working day, for records transferred to the Keeper.",
            citation="Freedom of Information (Scotland) Act 2002 s21(2)",
            calendar="scotland",
            length=30,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the requirement for review is received",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="eisr.representations",
            regime=Regime.EISR,
            title="Representations (request for review)",
            summary=(
                "Make representations no later than 40 working days after the date "
                "the applicant believes the authority failed to comply."
            ),
            citation="Environmental Information (Scotland) Regulations 2004 reg 16(2)",
            calendar="scotland",
            length=40,
            unit=Unit.WORKING_DAYS,
            day_zero=_RESPONSE_DATE,
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="eisr.review",
            regime=Regime.EISR,
            title="Review",
            summary=(
                "Decide as soon as possible and no later than 20 working days after "
                "receiving the representations."
            ),
            citation="Environmental Information (Scotland) Regulations 2004 reg 16(4)",
            calendar="scotland",
            length=20,
            unit=Unit.WORKING_DAYS,
            day_zero="the day the representations are received",
            stage=Stage.REVIEW,
        ),
        ClockRule(
            id="foia.ico_complaint",
            regime=Regime.FOIA,
            title="Complaint to the Information Commissioner",
            summary=_ICO_COMPLAINT,
            citation="ICO complaints guidance; FOIA 2000 s50(2)(b) (undue delay)",
            calendar=None,
            length=42,
            unit=Unit.CALENDAR_DAYS,
            day_zero=(
                "the final response (the review outcome) or last substantive contact"
            ),
            statutory=False,
            note="Six weeks is the ICO's practice; the Act only speaks of undue delay.",
            stage=Stage.REGULATOR,
        ),
        ClockRule(
            id="eir.ico_complaint",
            regime=Regime.EIR,
            title="Complaint to the Information Commissioner",
            summary=_ICO_COMPLAINT,
            citation=(
                "ICO complaints guidance; FOIA 2000 s50(2)(b) as applied by EIR reg 18"
            ),
            calendar=None,
            length=42,
            unit=Unit.CALENDAR_DAYS,
            day_zero="the reconsideration decision or last substantive contact",
            statutory=False,
            stage=Stage.REGULATOR,
        ),
        ClockRule(
            id="sar.ico_complaint",
            regime=Regime.SAR,
            title="Complaint to the Information Commissioner (data protection)",
            summary=(
                "Complain to the Information Commissioner within three months of the "
                "last contact with the organisation."
            ),
            citation="ICO data protection complaints guidance",
            calendar=None,
            length=3,
            unit=Unit.MONTHS,
            day_zero="the last contact with the organisation",
            statutory=False,
            stage=Stage.REGULATOR,
        ),
        ClockRule(
            id="foisa.sic_application",
            regime=Regime.FOISA,
            title="Application to the Scottish Information Commissioner",
            summary=_SIC,
            citation="Freedom of Information (Scotland) Act 2002 s47(4)",
            calendar=None,
            length=6,
            unit=Unit.MONTHS,
            day_zero="receipt of the review notice, or expiry of the time for review",
            note=(
                "The last day is the corresponding date (policy P9); it does not move."
            ),
            stage=Stage.REGULATOR,
        ),
        ClockRule(
            id="eisr.sic_application",
            regime=Regime.EISR,
            title="Application to the Scottish Information Commissioner",
            summary=_SIC,
            citation=(
                "Freedom of Information (Scotland) Act 2002 s47(4) as applied by EISR "
                "reg 17"
            ),
            calendar=None,
            length=6,
            unit=Unit.MONTHS,
            day_zero="receipt of the review notice, or expiry of the time for review",
            stage=Stage.REGULATOR,
        ),
        ClockRule(
            id="foia.tribunal_appeal",
            regime=Regime.FOIA,
            title="Appeal to the First-tier Tribunal",
            summary=_FTT,
            citation=(
                "FOIA 2000 s57; Tribunal Procedure (First-tier Tribunal) (General "
                "Regulatory Chamber) Rules 2009 r22(1)(b), r12"
            ),
            calendar="england-and-wales",
            length=28,
            unit=Unit.CALENDAR_DAYS,
            day_zero="the date the decision notice was sent",
            roll=_FTT_ROLL,
            note="A late appeal needs the Tribunal's permission (r5(3)(a), r22(4)).",
            stage=Stage.APPEAL,
        ),
        ClockRule(
            id="eir.tribunal_appeal",
            regime=Regime.EIR,
            title="Appeal to the First-tier Tribunal",
            summary=_FTT,
            citation=(
                "FOIA 2000 s57 as applied by EIR reg 18; GRC Rules 2009 r22(1)(b), r12"
            ),
            calendar="england-and-wales",
            length=28,
            unit=Unit.CALENDAR_DAYS,
            day_zero="the date the decision notice was sent",
            roll=_FTT_ROLL,
            stage=Stage.APPEAL,
        ),
        ClockRule(
            id="foisa.court_of_session",
            regime=Regime.FOISA,
            title="Appeal to the Court of Session",
            summary=_COURT,
            citation=(
                "Freedom of Information (Scotland) Act 2002 s56; Rules of the Court of "
                "Session ch 41"
            ),
            calendar=None,
            length=42,
            unit=Unit.CALENDAR_DAYS,
            day_zero="the day the decision is intimated",
            note=_COURT_NOTE,
            stage=Stage.APPEAL,
        ),
        ClockRule(
            id="eisr.court_of_session",
            regime=Regime.EISR,
            title="Appeal to the Court of Session",
            summary=_COURT,
            citation=(
                "Freedom of Information (Scotland) Act 2002 s56 as applied by EISR "
                "reg 17; Rules of the Court of Session ch 41"
            ),
            calendar=None,
            length=42,
            unit=Unit.CALENDAR_DAYS,
            day_zero="the day the decision is intimated",
            note=_COURT_NOTE,
            stage=Stage.APPEAL,
        ),
    )


_RULE_LIST: Final = (
    ClockRule(
        id="foia.response",
        regime=Regime.FOIA,
        title="Response to a request",
        summary=(
            "Comply promptly and in any event not later than the 20th working day "
            "following the date of receipt."
        ),
        citation="Freedom of Information Act 2000 s10(1)",
        calendar="uk",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(
            _FOIA_RESTART,
            _FOIA_PAUSE,
            (
                Modifier.EXTENSION,
                "public interest: the decision may take a reasonable time longer "
                "(s10(3)); the refusal notice is still due by day 20",
            ),
            (
                Modifier.SUBSTITUTE,
                "schools, archives, armed forces and overseas information (Time for "
                "Compliance Regulations, s10(4))",
            ),
        ),
        note=(
            "The primary duty is to respond promptly; the 20th working day is the "
            "latest, not a target."
        ),
    ),
    ClockRule(
        id="foia.refusal_notice",
        regime=Regime.FOIA,
        title="Refusal notice",
        summary=(
            "A notice relying on an exemption, on cost (s12) or on s14 must be given "
            "within the time for complying: by the 20th working day."
        ),
        citation="Freedom of Information Act 2000 s17(1), (5)",
        calendar="uk",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOIA_RESTART, _FOIA_PAUSE),
        note=(
            "Where the public interest test is extended, this notice must give an "
            "estimate of the date of the decision (s17(2))."
        ),
    ),
    ClockRule(
        id="foia.public_interest",
        regime=Regime.FOIA,
        title="Public interest decision",
        summary=(
            "Decide the public interest in a reasonable time: by the date estimated "
            "in the refusal notice, and normally no later than 20 working days more "
            "(40 in total)."
        ),
        citation="Freedom of Information Act 2000 s10(3), s17(2)-(3); ICO guidance",
        calendar="uk",
        length=40,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOIA_RESTART, _FOIA_PAUSE),
        statutory=False,
        note=(
            "The Act says 'reasonable'; the 40-working-day cap is the ICO's "
            "(policy P5). Only for qualified exemptions."
        ),
    ),
    ClockRule(
        id="foia.fee_payment",
        regime=Regime.FOIA,
        title="Fee payment window",
        summary=(
            "The authority need not comply unless the fee is paid within three months "
            "beginning with the day the fees notice is given."
        ),
        citation="Freedom of Information Act 2000 s9(2)",
        calendar=None,
        length=3,
        unit=Unit.MONTHS,
        day_zero="the day the fees notice is given",
        note="Counted as 'beginning with' the notice day (policy P4).",
    ),
    ClockRule(
        id="foia.school",
        regime=Regime.FOIA,
        title="Response by a school",
        summary=(
            "The 20th working day that is a school day, or the 60th working day, "
            "whichever is first."
        ),
        citation=(
            "FOI (Time for Compliance with Request) Regulations 2004 (SI 2004/3364) "
            "reg 3; SI 2009/1369 reg 2 (Northern Ireland); SI 2010/2768 (Academies)"
        ),
        calendar="uk",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOIA_RESTART,),
        note=(
            "Needs the school's term calendar; without it only the 60-working-day "
            "outer limit is known."
        ),
    ),
    ClockRule(
        id="foia.archive",
        regime=Regime.FOIA,
        title="Response by an appropriate records authority",
        summary=(
            "The 30th working day, for a transferred public record not designated "
            "open information."
        ),
        citation="FOI (Time for Compliance with Request) Regulations 2004 reg 4",
        calendar="uk",
        length=30,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOIA_RESTART, _FOIA_PAUSE),
    ),
    ClockRule(
        id="foia.commissioner_specified",
        regime=Regime.FOIA,
        title="Response on a day the Commissioner specifies",
        summary=(
            "Where information must come from armed forces operations or from "
            "outside the UK, a day the Commissioner specifies, no later than the "
            "60th working day."
        ),
        citation="FOI (Time for Compliance with Request) Regulations 2004 regs 5, 6",
        calendar="uk",
        length=60,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        note="Only with the Commissioner's specification; otherwise day 20 applies.",
    ),
    ClockRule(
        id="foia.aggregation",
        regime=Regime.FOIA,
        title="Aggregation window for the cost limit",
        summary=(
            "Requests received within any period of 60 consecutive working days may "
            "be aggregated for the appropriate limit."
        ),
        citation=(
            "FOI and Data Protection (Appropriate Limit and Fees) Regulations 2004 "
            "reg 5"
        ),
        calendar="uk",
        length=60,
        unit=Unit.WORKING_DAYS,
        day_zero="the first request's day of receipt, counted as working day 1",
        note="Advisory: the window is anchored on the first request (policy P15).",
    ),
    ClockRule(
        id="eir.response",
        regime=Regime.EIR,
        title="Response to a request",
        summary=(
            "Make the information available as soon as possible and no later than "
            "20 working days after the date of receipt."
        ),
        citation="Environmental Information Regulations 2004 reg 5(2)",
        calendar="uk",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(
            _EIR_RESTART,
            _EIR_PAUSE,
            (
                Modifier.EXTENSION,
                "complex and voluminous: 40 working days (reg 7(1))",
            ),
        ),
    ),
    ClockRule(
        id="eir.extended",
        regime=Regime.EIR,
        title="Response, extended for complexity and volume",
        summary=(
            "40 working days, where the complexity and volume of the information "
            "make 20 impracticable."
        ),
        citation="Environmental Information Regulations 2004 reg 7(1)",
        calendar="uk",
        length=40,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_EIR_RESTART, _EIR_PAUSE),
    ),
    ClockRule(
        id="eir.extension_notice",
        regime=Regime.EIR,
        title="Notice of an extension",
        summary=(
            "Tell the applicant of the extension as soon as possible and no later "
            "than 20 working days after the date of receipt."
        ),
        citation="Environmental Information Regulations 2004 reg 7(3)",
        calendar="uk",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_EIR_RESTART, _EIR_PAUSE),
    ),
    ClockRule(
        id="eir.advance_payment",
        regime=Regime.EIR,
        title="Advance payment window",
        summary=(
            "The authority need not comply unless the charge is paid no later than "
            "60 working days after the date it gave the notification."
        ),
        citation="Environmental Information Regulations 2004 reg 8(5)",
        calendar="uk",
        length=60,
        unit=Unit.WORKING_DAYS,
        day_zero="the day the notification is given",
    ),
    ClockRule(
        id="foisa.response",
        regime=Regime.FOISA,
        title="Response to a request",
        summary=(
            "Comply promptly and in any event by not later than the 20th working day "
            "after receipt of the request."
        ),
        citation="Freedom of Information (Scotland) Act 2002 s10(1)",
        calendar="scotland",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOISA_RESTART, _FOISA_PAUSE),
        note="There is no public interest extension in FOISA.",
    ),
    ClockRule(
        id="foisa.keeper",
        regime=Regime.FOISA,
        title="Response by the Keeper of the Records of Scotland",
        summary="The 30th working day, for records transferred to the Keeper.",
        citation="Freedom of Information (Scotland) Act 2002 s10(2)",
        calendar="scotland",
        length=30,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(_FOISA_RESTART, _FOISA_PAUSE),
    ),
    ClockRule(
        id="foisa.fee_payment",
        regime=Regime.FOISA,
        title="Fee payment window",
        summary=(
            "The authority need not comply unless the fee is paid within three months "
            "beginning with the day the fees notice is given."
        ),
        citation="Freedom of Information (Scotland) Act 2002 s9",
        calendar=None,
        length=3,
        unit=Unit.MONTHS,
        day_zero="the day the fees notice is given",
        note="Counted as 'beginning with' the notice day (policy P4).",
    ),
    ClockRule(
        id="eisr.response",
        regime=Regime.EISR,
        title="Response to a request",
        summary=(
            "Make the information available as soon as possible and no later than "
            "20 working days after the date of receipt."
        ),
        citation="Environmental Information (Scotland) Regulations 2004 reg 5(2)(a)",
        calendar="scotland",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(
            (
                Modifier.RESTART,
                "further particulars: the 20 working days run from their receipt "
                "(EISR reg 9(4))",
            ),
            (Modifier.EXTENSION, "complexity and volume: 40 working days (reg 7(1))"),
        ),
    ),
    ClockRule(
        id="eisr.extended",
        regime=Regime.EISR,
        title="Response, extended for complexity and volume",
        summary=(
            "40 working days, where the volume and complexity of the information "
            "make 20 impracticable."
        ),
        citation="Environmental Information (Scotland) Regulations 2004 reg 7(1)",
        calendar="scotland",
        length=40,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
        modifiers=(
            (
                Modifier.RESTART,
                "further particulars: the period runs from their receipt (reg 9(4))",
            ),
        ),
    ),
    ClockRule(
        id="eisr.extension_notice",
        regime=Regime.EISR,
        title="Notice of an extension",
        summary=(
            "Tell the applicant of the extension as soon as possible and no later "
            "than 20 working days after the date of receipt."
        ),
        citation="Environmental Information (Scotland) Regulations 2004 reg 7(2)",
        calendar="scotland",
        length=20,
        unit=Unit.WORKING_DAYS,
        day_zero=_RECEIPT,
    ),
    *_review_rules(),
    *_sar_rules(
        suffix="",
        in_force_from=SAR_REFORM_DAY,
        in_force_to=None,
        citation="UK GDPR Art 12(3), Art 12A(1)-(2)",
        extension_citation="UK GDPR Art 12A(3)",
        notice_citation="UK GDPR Art 12A(4)",
        restart=_SAR_RESTART,
        pause=_SAR_PAUSE,
    ),
    *_sar_rules(
        suffix="_before_2026",
        in_force_from=None,
        in_force_to=SAR_REFORM_DAY - timedelta(days=1),
        citation=_SAR_BEFORE_REFORM,
        extension_citation=_SAR_BEFORE_REFORM,
        notice_citation=_SAR_BEFORE_REFORM,
        restart=_SAR_OLD_RESTART,
        pause=_SAR_OLD_PAUSE,
    ),
)

#: Every clock the library knows, by id.
RULES: Final = {rule.id: rule for rule in _RULE_LIST}


def get_rule(rule_id: str) -> ClockRule:
    """The rule with id ``rule_id``.

    Raises:
        UnknownRuleError: No rule has that id; the message lists the valid ids.
    """
    try:
        return RULES[rule_id]
    except (KeyError, TypeError):
        raise UnknownRuleError(rule_id, tuple(RULES)) from None


def rules_for(regime: Regime | str) -> Iterator[ClockRule]:
    """Every rule of ``regime``, in registry order."""
    wanted = Regime(regime)
    return (rule for rule in RULES.values() if rule.regime is wanted)
