"""The shape of a right of access to one's personal data, written once.

UK GDPR Art 12A and DPA 2018 s54 (law enforcement processing) use the same words:
"one month beginning with the relevant time", the relevant time being the latest of
the request, identity information and a fee; an extension "by two further months"
on notice given within that month; and a pause while the controller waits for the
information it needs to identify what the request covers. :func:`access_edition`
builds one version of such a right as a rule set, with each regime's own ids and
citations; a version without an extension or a pause (Part 3 as enacted) says so.

The counting follows the same policies for the same words: P11 (the month), P12
(the extension), P13 (the pause), P16 (the roll) and P18 (which version).
"""

from __future__ import annotations

from datetime import date
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

__all__ = ["access_edition", "ico_complaint"]

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
_NOT_ACCESS: Final = "it is not a subject access rule"
_NO_REVIEW: Final = "subject access has no internal review in law"


def ico_complaint(regime: Regime) -> ClockRule:
    """The ICO's window for a data protection complaint, for ``regime``."""
    return ClockRule(
        id=f"{regime.value}.ico_complaint",
        regime=regime,
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
        anchor=Anchor.RESPONSE,
        stage=Stage.REGULATOR,
    )


def access_edition(
    *,
    regime: Regime,
    title: str,
    suffix: str,
    in_force_from: date | None,
    in_force_to: date | None,
    response_summary: str,
    day_zero: str,
    citation: str,
    restart_law: str,
    restart_text: str,
    restarts_as: str,
    note: str,
    extended_summary: str = "",
    notice_summary: str = "",
    relevant: str = "",
    extension_citation: str = "",
    notice_citation: str = "",
    pause_law: str = "",
    no_extension: str = "",
    no_pause: str = "",
    commencement: str = "",
) -> RuleSet:
    """One version of a right of access, as a rule set of ``regime``.

    Without ``extension_citation`` the version has no extension (``no_extension``
    says why); without ``pause_law`` it has no pause for clarification
    (``no_pause`` says why).
    """
    prefix = regime.value
    common = {
        "regime": regime,
        "calendar": "division",
        "calendar_policy": "sar_roll",
        "unit": Unit.MONTHS,
        "in_force_from": in_force_from,
        "in_force_to": in_force_to,
        "roll": _ROLL,
    }
    response = ClockRule(
        id=f"{prefix}.response{suffix}",
        title="Subject access response",
        summary=response_summary,
        citation=citation,
        length=1,
        day_zero=day_zero,
        variants=_MONTH_VARIANTS,
        note="Counted by the ICO's corresponding-date method (policy P11).",
        **common,  # type: ignore[arg-type]
    )
    rules: list[ClockRule] = [response]
    steps: list[Step] = [
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
    ]
    refused: list[tuple[str, str]] = []
    if pause_law:
        steps.append(
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
            )
        )
    else:
        refused += [
            ("clarification_sought", no_pause),
            ("clarification_received", no_pause),
        ]
    extension_kind = None
    if extension_citation:
        extended = ClockRule(
            id=f"{prefix}.extended{suffix}",
            title="Subject access response, extended",
            summary=extended_summary,
            citation=extension_citation,
            length=3,
            day_zero=relevant,
            variants=_EXTENDED_VARIANTS,
            note=f"Three months from {relevant.split(' (', maxsplit=1)[0]} "
            "(policy P12).",
            **common,  # type: ignore[arg-type]
        )
        notice = ClockRule(
            id=f"{prefix}.extension_notice{suffix}",
            title="Subject access extension notice",
            summary=notice_summary,
            citation=notice_citation,
            length=1,
            day_zero=relevant,
            variants=_MONTH_VARIANTS,
            **common,  # type: ignore[arg-type]
        )
        rules += [extended, notice]
        steps.append(
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
            )
        )
        extension_kind = CaseEventKind.EXTENSION
    else:
        refused.append(("extension", no_extension))
    regulator = ico_complaint(regime)
    rules.append(regulator)
    return RuleSet(
        regime=regime,
        title=title,
        rules=tuple(rules),
        response=response.id,
        steps=tuple(steps),
        extension_kind=extension_kind,
        regulator=regulator.id,
        not_applicable=(
            *refused,
            (
                "fees_notice",
                "a subject access fee restarts the clock when it is paid (the "
                "relevant time): pass fee_paid_on, or record fee_paid",
            ),
            ("public_interest_extension", _NOT_ACCESS),
            ("public_interest_estimate", _NOT_ACCESS),
            ("body", _NOT_ACCESS),
            ("school_days", _NOT_ACCESS),
            ("commissioner_day", _NOT_ACCESS),
            ("review_requested", _NO_REVIEW),
            ("complex", _NO_REVIEW),
            ("extenuating", _NO_REVIEW),
        ),
        edition_policy="sar_transition",
        edition_by_day_zero="relevant_time",
        in_force_from=in_force_from,
        in_force_to=in_force_to,
        commencement=commencement,
        note=note,
    )
