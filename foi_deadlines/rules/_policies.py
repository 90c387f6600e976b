"""The choices the law leaves open, and what authorities publish for themselves.

:class:`Policies` is the register of open questions (P1, P2, ...): each field is
typed (an enumeration, a number or a time), has a default with a reason, and names
the rules it changes. :class:`AuthorityPolicy` holds the review windows an
authority publishes for FOIA, where the Code of Practice is guidance and
authorities differ.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import time
from typing import Any, Final

import attrs

from foi_deadlines.errors import InvalidInputError

__all__ = [
    "PRESETS",
    "AggregationAnchor",
    "AuthorityPolicy",
    "ComplaintDays",
    "FeePause",
    "FeeWindow",
    "FoisaReviewStart",
    "HolidaySource",
    "Option",
    "Policies",
    "PolicyInfo",
    "ProclaimedHolidays",
    "Receipt",
    "RequesterWindowStart",
    "SarExtension",
    "SarMonth",
    "SarPause",
    "SarRoll",
    "SarTransition",
    "SicApplication",
    "TribunalCalendar",
    "policy_register",
]


class Option(enum.StrEnum):
    """The options of one policy; an unknown value is refused, naming the policy."""

    @classmethod
    def _missing_(cls, value: object) -> None:
        expected = "one of " + ", ".join(repr(m.value) for m in cls)
        raise InvalidInputError(
            f"policies.{_FIELDS.get(cls, cls.__name__)}", value, expected
        )


class Receipt(Option):
    """P1: a request received on a non-working day."""

    CALENDAR = "calendar"
    NEXT_WORKING_DAY = "next_working_day"


class FeePause(Option):
    """P3: which working days a fees notice or advance payment pauses."""

    LITERAL = "literal"
    NOTICE_DAY_COUNTS = "notice_day_counts"


class FeeWindow(Option):
    """P4: the last day of "three months beginning with" the fees notice."""

    BEGINNING_WITH = "beginning_with"
    CORRESPONDING_DATE = "corresponding_date"


class ProclaimedHolidays(Option):
    """P6: a bank holiday proclaimed after the clock started."""

    LATEST_KNOWN = "latest_known"
    AS_KNOWN_AT_RECEIPT = "as_known_at_receipt"


class HolidaySource(Option):
    """P7: where the bank holidays come from."""

    BUNDLED = "bundled"
    STANDING_RULES = "standing_rules"


class FoisaReviewStart(Option):
    """P8: when the FOISA 40 working days to require a review start."""

    STATUTORY = "statutory"
    SIC_SIMPLIFIED = "sic_simplified"


class SicApplication(Option):
    """P9: the last day of the six months to apply to the SIC."""

    CORRESPONDING_DATE = "corresponding_date"
    STRICT_BEFORE = "strict_before"


class RequesterWindowStart(Option):
    """P10: when a requester's window to ask for a review starts."""

    RESPONSE_DATE = "response_date"
    RECEIVED_BY_REQUESTER = "received_by_requester"


class SarMonth(Option):
    """P11: how subject access counts "one month"."""

    ICO = "ico"
    BEGINNING_WITH = "beginning_with"
    FIXED_28_DAYS = "fixed_28_days"


class SarExtension(Option):
    """P12: where an extended subject access period ends."""

    FROM_RELEVANT_TIME = "from_relevant_time"
    CHAINED = "chained"


class SarPause(Option):
    """P13: how a subject access clarification pause is counted."""

    INCLUSIVE = "inclusive"
    EXCLUSIVE = "exclusive"
    ROLL_FIRST = "roll_first"


class TribunalCalendar(Option):
    """P14: whose bank holidays roll a First-tier Tribunal time limit forward."""

    ENGLAND_AND_WALES = "england-and-wales"
    UK = "uk"


class AggregationAnchor(Option):
    """P15: how the 60-working-day aggregation window is placed."""

    FIRST_REQUEST = "first_request"
    ANY_WINDOW = "any_window"


class SarRoll(Option):
    """P16: whose public holidays roll a subject access date forward."""

    DIVISION = "division"
    UK = "uk"


class SarTransition(Option):
    """P18: which subject access law applies to a request around 5 Feb 2026."""

    RECEIPT = "receipt"
    RELEVANT_TIME = "relevant_time"


class ComplaintDays(Option):
    """P19: the last day of "30 days beginning when the complaint is received"."""

    BEGINNING_WITH = "beginning_with"
    ICO_DAY_AFTER = "ico_day_after"


def _cap(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 20:
        raise InvalidInputError(
            f"policies.{attribute.name}",
            value,
            "None (no cap) or a whole number of working days, at least 20",
        )


def _months(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 24:
        raise InvalidInputError(
            f"policies.{attribute.name}",
            value,
            "None (never) or a whole number of months from 1 to 24",
        )


def _cutoff(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
        raise InvalidInputError(
            f"policies.{attribute.name}",
            value,
            "None or a datetime.time of UK local time, without a time zone",
        )


def _meta(
    *, id: str, question: str, options: str, reason: str, changes: str
) -> dict[str, str]:
    """A policy's entry in the register, kept as its field's metadata."""
    return {
        "id": id,
        "question": question,
        "options": options,
        "reason": reason,
        "changes": changes,
    }


@attrs.frozen(kw_only=True, cache_hash=True)
class Policies:
    """The choices the law leaves open, with the library's defaults.

    Each field is one entry of the policy register;
    :func:`~foi_deadlines.rules.policy_register` lists
    them with the question, the options, the reason for the default and the rules
    each one changes. Options are enumerations; their text values are accepted too.
    Pass a ``Policies`` to any clock, or to a case, to choose differently:

    >>> Policies(receipt="next_working_day").receipt
    <Receipt.NEXT_WORKING_DAY: 'next_working_day'>
    >>> Policies(receipt="monday")
    Traceback (most recent call last):
    ...
    foi_deadlines.errors.InvalidInputError: policies.receipt must be one of ...
    """

    receipt: Receipt = attrs.field(
        default=Receipt.CALENDAR,
        converter=Receipt,
        metadata=_meta(
            id="P1",
            question="A request received on a non-working day",
            options=(
                "calendar: the day it arrived is day 0; next_working_day: it is taken "
                "as received on the next working day (the 2018 s45 Code, as reported)"
            ),
            reason=(
                "The Act counts from 'the day on which the public authority receives "
                "the request'; the ICO (LTT47), the Scottish Information Commissioner "
                "and WhatDoTheyKnow read it the same way."
            ),
            changes="day 0 of every response clock",
        ),
    )
    office_hours_cutoff: time | None = attrs.field(
        default=None,
        validator=_cutoff,
        metadata=_meta(
            id="P2",
            question="A request arriving after office hours",
            options=(
                "None: no cut-off; a time: a timestamp at or after it (UK time) is "
                "taken as received on the next working day"
            ),
            reason="No statute or regulator sets an office-hours cut-off.",
            changes="day 0 of every response clock, for a request given as a timestamp",
        ),
    )
    fee_pause: FeePause = attrs.field(
        default=FeePause.LITERAL,
        converter=FeePause,
        metadata=_meta(
            id="P3",
            question="Which working days a fees notice or advance payment pauses",
            options=(
                "literal: the notice day and the payment day are both disregarded; "
                "notice_day_counts: the notice day still counts"
            ),
            reason=(
                "FOIA s10(2) and EIR reg 8(6) disregard the period 'beginning with' "
                "the notice day and 'ending with' the day the fee is received."
            ),
            changes="the fees pause of FOIA, FOISA and the EIR",
        ),
    )
    fee_window: FeeWindow = attrs.field(
        default=FeeWindow.BEGINNING_WITH,
        converter=FeeWindow,
        metadata=_meta(
            id="P4",
            question="The last day of 'three months beginning with' the fees notice",
            options=(
                "beginning_with: the day before the corresponding date; "
                "corresponding_date: the corresponding date itself"
            ),
            reason=(
                "In UK drafting a period 'beginning with' a day includes that day, so "
                "it ends the day before the corresponding date."
            ),
            changes="the FOIA and FOISA fee payment windows",
        ),
    )
    public_interest_cap: int | None = attrs.field(
        default=40,
        validator=_cap,
        metadata=_meta(
            id="P5",
            question="The longest a public interest extension may run",
            options=(
                "a number of working days from receipt (40 by default); None: only the "
                "authority's own estimate"
            ),
            reason=(
                "The Act says 'reasonable'; the ICO expects no more than 20 extra "
                "working days (40 in total) except in exceptional cases."
            ),
            changes="the FOIA public interest decision",
        ),
    )
    proclaimed_holidays: ProclaimedHolidays = attrs.field(
        default=ProclaimedHolidays.LATEST_KNOWN,
        converter=ProclaimedHolidays,
        metadata=_meta(
            id="P6",
            question="A bank holiday proclaimed after the clock started",
            options=(
                "latest_known: every bank holiday now known counts; "
                "as_known_at_receipt: only those announced by day 0"
            ),
            reason=(
                "Whether a day is a working day is a fact about the day (s10(6)); the "
                "Scottish Information Commissioner treated the 2022 state funeral as "
                "non-working without qualification."
            ),
            changes="every clock counted or rolled on a calendar",
        ),
    )
    holiday_source: HolidaySource = attrs.field(
        default=HolidaySource.BUNDLED,
        converter=HolidaySource,
        metadata=_meta(
            id="P7",
            question="Where the bank holidays come from, when no data is passed",
            options=(
                "bundled: the library's default data (the dated gov.uk copy, or a "
                "newer gov.uk update the user installed, with the proclaimed days "
                "added), and the standing rules beyond it; standing_rules: the "
                "holidays package's standing rules alone"
            ),
            reason=(
                "gov.uk's list is the official one; the bundled proclamations close "
                "the gap between a proclamation and gov.uk's next update."
            ),
            changes="every clock counted or rolled on a calendar",
        ),
    )
    foisa_review_start: FoisaReviewStart = attrs.field(
        default=FoisaReviewStart.STATUTORY,
        converter=FoisaReviewStart,
        metadata=_meta(
            id="P8",
            question="When the FOISA 40 working days to require a review start",
            options=(
                "statutory: from the expiry of the time to respond, or from receipt of "
                "a late response; sic_simplified: from the response"
            ),
            reason=(
                "FOISA s20(5) says so; the Scottish Information Commissioner's public "
                "pages simplify it to 40 working days from the response, and the "
                "statute's window never ends before that."
            ),
            changes="the FOISA requirement for review",
        ),
    )
    sic_application: SicApplication = attrs.field(
        default=SicApplication.CORRESPONDING_DATE,
        converter=SicApplication,
        metadata=_meta(
            id="P9",
            question="The last day of the six months to apply to the SIC",
            options=(
                "corresponding_date: the same date six months on (the month's last day "
                "if there is none); strict_before: the day before"
            ),
            reason=(
                "'Before the expiry of six months after' a day: the period expires at "
                "the end of the corresponding date."
            ),
            changes="the FOISA and EISR applications to the Commissioner",
        ),
    )
    requester_window_start: RequesterWindowStart = attrs.field(
        default=RequesterWindowStart.RESPONSE_DATE,
        converter=RequesterWindowStart,
        metadata=_meta(
            id="P10",
            question="When a requester's window to ask for a review starts",
            options=(
                "response_date: the date of the response; received_by_requester: the "
                "day the requester received it"
            ),
            reason=(
                "Authorities publish their windows from the date of the response; it "
                "is the earlier, so the requester is not misled into waiting."
            ),
            changes="the FOIA, EIR and EISR windows to ask for a review",
        ),
    )
    sar_month: SarMonth = attrs.field(
        default=SarMonth.ICO,
        converter=SarMonth,
        metadata=_meta(
            id="P11",
            question="How subject access counts 'one month'",
            options=(
                "ico: the corresponding date (the month's last day if there is none), "
                "rolled to a working day; beginning_with: the day before, not rolled; "
                "fixed_28_days: 28 days, not rolled"
            ),
            reason="The ICO's published method, followed by the MoJ's case system.",
            changes="the subject access response and extension-notice periods",
        ),
    )
    sar_extension: SarExtension = attrs.field(
        default=SarExtension.FROM_RELEVANT_TIME,
        converter=SarExtension,
        metadata=_meta(
            id="P12",
            question="Where an extended subject access period ends",
            options=(
                "from_relevant_time: three months from the relevant time; chained: two "
                "months from the one-month date"
            ),
            reason="The ICO's wording ('a further two months') and the MoJ's tool.",
            changes="the extended subject access period",
        ),
    )
    sar_pause: SarPause = attrs.field(
        default=SarPause.INCLUSIVE,
        converter=SarPause,
        metadata=_meta(
            id="P13",
            question="How a subject access clarification pause is counted",
            options=(
                "inclusive: the days from asking to the answer, both included, are "
                "added, then the date is rolled; exclusive: only the days strictly "
                "between; roll_first: roll, add, roll again"
            ),
            reason=(
                "Art 12A(5): the period 'beginning with' the day of asking and 'ending "
                "with' the day of the answer does not count."
            ),
            changes="the subject access clarification pause",
        ),
    )
    tribunal_calendar: TribunalCalendar = attrs.field(
        default=TribunalCalendar.ENGLAND_AND_WALES,
        converter=TribunalCalendar,
        metadata=_meta(
            id="P14",
            question=(
                "Whose bank holidays roll a First-tier Tribunal time limit forward"
            ),
            options=(
                "england-and-wales: where the Tribunal (GRC) sits; uk: a bank holiday "
                "anywhere in the UK"
            ),
            reason=(
                "Rule 12 excludes 'a bank holiday under section 1 of the Banking and "
                "Financial Dealings Act 1971' without naming a part of the UK; the "
                "chamber sits in England and Wales."
            ),
            changes="the FOIA and EIR appeals to the First-tier Tribunal",
        ),
    )
    aggregation_anchor: AggregationAnchor = attrs.field(
        default=AggregationAnchor.FIRST_REQUEST,
        converter=AggregationAnchor,
        metadata=_meta(
            id="P15",
            question="Where the 60 working days for aggregating requests are placed",
            options=(
                "first_request: the window starts on the first request's day of "
                "receipt (working day 1); any_window: any 60 consecutive working days, "
                "so requests up to 59 working days before it count too"
            ),
            reason=(
                "Reg 5 says 'within any period of sixty consecutive working days'; "
                "anchoring on the first request is the common reading and gives one "
                "date to act on."
            ),
            changes="the aggregation window for the cost limit",
        ),
    )
    sar_roll: SarRoll = attrs.field(
        default=SarRoll.DIVISION,
        converter=SarRoll,
        metadata=_meta(
            id="P16",
            question="Whose public holidays roll a subject access date forward",
            options=(
                "division: the controller's part of the UK; uk: a bank holiday "
                "anywhere in the UK"
            ),
            reason="The ICO says 'public holiday', which is local to the controller.",
            changes="the subject access periods",
        ),
    )
    clarification_lapse_months: int | None = attrs.field(
        default=None,
        validator=_months,
        metadata=_meta(
            id="P17",
            question="A request whose clarification is never answered",
            options=(
                "None: it stays open, awaiting clarification; a number of months: the "
                "request is treated as closed that many months after clarification "
                "was sought"
            ),
            reason=(
                "No statute sets a long-stop; three months is common practice, not a "
                "rule, so the library closes nothing unless asked."
            ),
            changes="the status of a case awaiting clarification",
        ),
    )
    sar_transition: SarTransition = attrs.field(
        default=SarTransition.RECEIPT,
        converter=SarTransition,
        metadata=_meta(
            id="P18",
            question="Which subject access law applies to a request around 5 Feb 2026",
            options=(
                "receipt: by the date the request was received; relevant_time: by the "
                "relevant time"
            ),
            reason=(
                "SI 2026/82 reg 4 saves the old time limits for a request the "
                "controller received before 5 February 2026, under UK GDPR and DPA "
                "2018 Part 3 alike."
            ),
            changes="which version of the subject access rules applies",
        ),
    )
    complaint_days: ComplaintDays = attrs.field(
        default=ComplaintDays.BEGINNING_WITH,
        converter=ComplaintDays,
        metadata=_meta(
            id="P19",
            question=(
                "The last day to acknowledge a data protection complaint (DPA 2018 "
                "s164A(3))"
            ),
            options=(
                "beginning_with: the day of receipt is the first of the 30 days, so "
                "the 30th is 29 days after it, and a weekend does not move it; "
                "ico_day_after: the 30 days start the day after receipt, and a last "
                "day on a weekend or public holiday moves to the next working day"
            ),
            reason=(
                "'The period of 30 days beginning when the complaint is received' "
                "counts the day of receipt, as 'beginning with' does elsewhere "
                "(P4), and the statute has no roll; the earlier date meets both "
                "readings. The ICO's complaints guidance is reported to count from "
                "the day after and roll (not checked against the ICO's own text)."
            ),
            changes="the acknowledgement of a DPA 2018 s164A complaint",
        ),
    )


#: The policy field each kind of option belongs to, for messages.
_FIELDS: Final[dict[type[Option], str]] = {
    type(field.default): field.name
    for field in attrs.fields(Policies)
    if isinstance(field.default, Option)
}


@attrs.frozen(kw_only=True)
class PolicyInfo:
    """One entry of the policy register, for documentation and explanations.

    Attributes:
        id: The register's id, such as ``"P1"``.
        name: The :class:`Policies` field.
        question: The question it answers.
        options: The choices.
        default: The library's default.
        reason: Why that default.
        changes: The rules it changes.
    """

    id: str
    name: str
    question: str
    options: str
    default: object
    reason: str
    changes: str = ""


def policy_register() -> tuple[PolicyInfo, ...]:
    """Every policy with its question, options, default, reason and reach.

    >>> [p.id for p in policy_register()][:3]
    ['P1', 'P2', 'P3']
    """
    return _REGISTER


def _register() -> tuple[PolicyInfo, ...]:
    return tuple(
        PolicyInfo(
            id=field.metadata["id"],
            name=field.name,
            question=field.metadata["question"],
            options=field.metadata["options"],
            default=field.default,
            reason=field.metadata["reason"],
            changes=field.metadata["changes"],
        )
        for field in attrs.fields(Policies)
    )


_REGISTER: Final = _register()
#: Each policy field's register id, such as ``"P1"`` for ``receipt``.
POLICY_IDS: Final = {info.name: info.id for info in _REGISTER}
#: Each policy field's place in the register.
POLICY_ORDER: Final = {name: index for index, name in enumerate(POLICY_IDS)}
DEFAULT_POLICIES: Final = Policies()


def policies_of(policies: Policies | None) -> Policies:
    """``policies``, or the defaults."""
    if policies is None:
        return DEFAULT_POLICIES
    if not isinstance(policies, Policies):
        raise InvalidInputError(
            "policies", policies, "a foi_deadlines.Policies or None"
        )
    return policies


# -- what authorities publish ----------------------------------------------------------

#: The Code of Practice's and the ICO's window for asking for a FOIA review.
CODE_REQUEST_WINDOW: Final = 40
#: The Code of Practice's time for a review, and the ICO's for a complex one.
CODE_REVIEW: Final = 20
CODE_COMPLEX_REVIEW: Final = 40


def _positive(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(attribute.name, value, "a whole number of working days")


def _optional_positive(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None:
        _positive(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True, cache_hash=True)
class AuthorityPolicy:
    """The review windows an authority publishes for FOIA requests.

    Defaults are the Code of Practice's and the ICO's: ask for a review within 40
    working days of the response; the review is done within 20 working days, 40 in
    complex cases. EIR, FOISA and EISR windows are statutory and do not depend on
    the authority.

    >>> print(*AuthorityPolicy.preset("twenty-or-forty").caveats)
    The window to ask for a review, 20 working days, is shorter than the 40 working
    days of the Code of Practice and the ICO.

    Attributes:
        name: A name for the policy, shown in explanations.
        request_window: Working days from the response to ask for a review.
        extenuating_window: Working days allowed in extenuating circumstances, if
            the authority offers more; ``None`` if it does not.
        review_working_days: Working days to complete a review.
        complex_review_working_days: Working days to complete a complex review.
        source: Where the authority publishes the policy.
    """

    name: str = "code-of-practice"
    request_window: int = attrs.field(default=CODE_REQUEST_WINDOW, validator=_positive)
    extenuating_window: int | None = attrs.field(
        default=None, validator=_optional_positive
    )
    review_working_days: int = attrs.field(default=CODE_REVIEW, validator=_positive)
    complex_review_working_days: int = attrs.field(
        default=CODE_COMPLEX_REVIEW, validator=_positive
    )
    source: str = "FOI Code of Practice (s45, 2018) Part 5; ICO guidance"

    def __attrs_post_init__(self) -> None:
        if (
            self.extenuating_window is not None
            and self.extenuating_window < self.request_window
        ):
            raise InvalidInputError(
                "extenuating_window",
                self.extenuating_window,
                f"at least the request window ({self.request_window} working days)",
            )
        if self.complex_review_working_days < self.review_working_days:
            raise InvalidInputError(
                "complex_review_working_days",
                self.complex_review_working_days,
                f"at least the review time ({self.review_working_days} working days)",
            )

    @classmethod
    def preset(cls, name: str) -> AuthorityPolicy:
        """One of the presets (``PRESETS``), by name.

        Raises:
            InvalidInputError: No preset has that name; the message lists them.
        """
        try:
            return PRESETS[name]
        except (KeyError, TypeError):
            valid = ", ".join(repr(p) for p in PRESETS)
            raise InvalidInputError("preset", name, f"one of {valid}") from None

    @property
    def caveats(self) -> tuple[str, ...]:
        """Where this policy departs from the Code of Practice and the ICO."""
        found = []
        if self.request_window < CODE_REQUEST_WINDOW:
            found.append(
                f"The window to ask for a review, {self.request_window} working days, "
                f"is shorter than the {CODE_REQUEST_WINDOW} working days of the Code "
                "of Practice and the ICO."
            )
        if self.review_working_days > CODE_REVIEW:
            found.append(
                f"The time for a review, {self.review_working_days} working days, is "
                f"longer than the Code of Practice's {CODE_REVIEW}."
            )
        if self.complex_review_working_days > CODE_COMPLEX_REVIEW:
            found.append(
                f"The time for a complex review, {self.complex_review_working_days} "
                f"working days, is longer than the ICO's {CODE_COMPLEX_REVIEW}."
            )
        return tuple(found)


#: Ready-made policies for the windows authorities commonly publish.
PRESETS: Final[Mapping[str, AuthorityPolicy]] = {
    "code-of-practice": AuthorityPolicy(),
    "twenty-or-forty": AuthorityPolicy(
        name="twenty-or-forty",
        request_window=20,
        extenuating_window=40,
        source=(
            "a common published wording: within 20 working days of the response, or "
            "40 if there are extenuating circumstances"
        ),
    ),
    "twenty": AuthorityPolicy(
        name="twenty",
        request_window=20,
        source="a published window of 20 working days from the response",
    ),
}


def authority_policy_of(value: object, param: str = "policy") -> AuthorityPolicy:
    """An :class:`AuthorityPolicy` from itself, a preset name, or ``None``."""
    if value is None:
        return PRESETS["code-of-practice"]
    if isinstance(value, AuthorityPolicy):
        return value
    if isinstance(value, str):
        return AuthorityPolicy.preset(value)
    raise InvalidInputError(
        param, value, "an AuthorityPolicy, the name of a preset, or None"
    )
