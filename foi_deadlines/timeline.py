"""What can happen to a request: the events of a timeline, as facts.

A timeline is the record of one request: it was received, clarification was sought
and received, a fees notice was given and paid, time was extended, a response was
sent, a review was asked for and decided. This module holds that vocabulary
(:class:`CaseEventKind`, :class:`Outcome`, :class:`ReviewOutcome`) and the event
itself (:class:`CaseEvent`). It says nothing about what an event *does*: the rule
sets in :mod:`foi_deadlines.rules` say which events each regime has and what effect
each one has, and when.

Events are facts, never interpreted here: an extension notified too late is still
an event that happened; the rules decide that it has no legal effect.

>>> from datetime import date
>>> CaseEvent(kind="fees_notice", on=date(2025, 3, 10)).describe()
'fees_notice on 2025-03-10'
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any, Final

import attrs

from foi_deadlines._dates import to_uk_date
from foi_deadlines.calendars import supported_day
from foi_deadlines.errors import InvalidInputError

__all__ = [
    "KEYWORDS",
    "NOUNS",
    "CaseEvent",
    "CaseEventKind",
    "Outcome",
    "ReviewOutcome",
    "sort_key",
]


class CaseEventKind(enum.StrEnum):
    """What happened in a case."""

    RECEIVED = "received"
    CLARIFICATION_SOUGHT = "clarification_sought"
    CLARIFICATION_RECEIVED = "clarification_received"
    IDENTITY_CONFIRMED = "identity_confirmed"
    FEES_NOTICE = "fees_notice"
    FEE_PAID = "fee_paid"
    FEES_NOTICE_LAPSED = "fees_notice_lapsed"
    PUBLIC_INTEREST_EXTENSION = "public_interest_extension"
    EXTENSION = "extension"
    TRANSFERRED = "transferred"
    RESPONSE_SENT = "response_sent"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_EXTENDED = "review_extended"
    REVIEW_OUTCOME = "review_outcome"
    COMPLAINT = "complaint"
    DECISION_NOTICE = "decision_notice"
    WITHDRAWN = "withdrawn"


# Events on the same day are ordered as they can happen; this makes a timeline the
# same whatever order its events were given in.
RANK: Final = {kind: rank for rank, kind in enumerate(CaseEventKind)}


class Outcome(enum.StrEnum):
    """What a response did."""

    PROVIDED = "provided"
    PARTLY = "partly"
    REFUSED = "refused"
    NEITHER_CONFIRM_NOR_DENY = "neither_confirm_nor_deny"
    NOT_HELD = "not_held"


class ReviewOutcome(enum.StrEnum):
    """What a review decided about the original response."""

    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    OVERTURNED = "overturned"


_OUTCOMES: Final[dict[CaseEventKind, tuple[str, ...]]] = {
    CaseEventKind.RESPONSE_SENT: tuple(Outcome),
    CaseEventKind.REVIEW_OUTCOME: tuple(ReviewOutcome),
}


#: The keyword of each event kind in the keyword functions (``response_due``).
KEYWORDS: Final = {
    CaseEventKind.CLARIFICATION_SOUGHT: "clarification_sought_on",
    CaseEventKind.CLARIFICATION_RECEIVED: "clarified_on",
    CaseEventKind.FEES_NOTICE: "fee_notice_on",
    CaseEventKind.FEE_PAID: "fee_paid_on",
    CaseEventKind.IDENTITY_CONFIRMED: "identity_confirmed_on",
    CaseEventKind.EXTENSION: "extended",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "extended",
}
#: What each kind of event is called in messages.
NOUNS: Final = {
    CaseEventKind.RECEIVED: "the request",
    CaseEventKind.CLARIFICATION_SOUGHT: "a request for clarification",
    CaseEventKind.CLARIFICATION_RECEIVED: "a clarification received",
    CaseEventKind.IDENTITY_CONFIRMED: "identity evidence",
    CaseEventKind.FEES_NOTICE: "a fees notice",
    CaseEventKind.FEE_PAID: "a fee paid",
    CaseEventKind.FEES_NOTICE_LAPSED: "a fees notice lapsed",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "a public interest extension",
    CaseEventKind.EXTENSION: "an extension",
    CaseEventKind.TRANSFERRED: "a transfer",
    CaseEventKind.RESPONSE_SENT: "a response",
    CaseEventKind.REVIEW_REQUESTED: "a request for review",
    CaseEventKind.REVIEW_EXTENDED: "a review extended",
    CaseEventKind.REVIEW_OUTCOME: "a review outcome",
    CaseEventKind.COMPLAINT: "a complaint",
    CaseEventKind.DECISION_NOTICE: "a decision notice",
    CaseEventKind.WITHDRAWN: "a withdrawal",
}


def _kind(value: object) -> CaseEventKind:
    if type(value) is CaseEventKind:
        return value
    try:
        return CaseEventKind(value)  # type: ignore[arg-type]
    except ValueError:
        valid = ", ".join(k.value for k in CaseEventKind)
        raise InvalidInputError("kind", value, f"one of {valid}") from None


def _day(value: object) -> date:
    return supported_day(to_uk_date(value, "on"), "on")


def _optional_day(value: object) -> date | None:
    return (
        None
        if value is None
        else supported_day(to_uk_date(value, "estimate"), "estimate")
    )


def _text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, value, "a string")


@attrs.frozen(kw_only=True)
class CaseEvent:
    """One thing that happened in a case.

    Attributes:
        kind: What happened.
        on: The UK date it happened (a timestamp is reduced to its UK date).
        at: The timestamp, when one was given (kept for the audit trail); its UK
            date must be ``on``.
        outcome: For ``response_sent``, an :class:`Outcome`; for
            ``review_outcome``, a :class:`ReviewOutcome`.
        estimate: For ``public_interest_extension``, the date the refusal notice
            gave for the decision; ``None`` if it gave none (the decision is then
            due by the limit of policy P5).
        note: Free text for the audit trail.
        actor: Who recorded it.
    """

    kind: CaseEventKind = attrs.field(converter=_kind)
    on: date = attrs.field(converter=_day)
    at: datetime | None = None
    outcome: str | None = None
    estimate: date | None = attrs.field(default=None, converter=_optional_day)
    note: str = attrs.field(default="", validator=_text)
    actor: str = attrs.field(default="", validator=_text)

    def __attrs_post_init__(self) -> None:
        allowed = _OUTCOMES.get(self.kind, ())
        if allowed and self.outcome not in allowed:
            raise InvalidInputError(
                "outcome", self.outcome, "one of " + ", ".join(allowed)
            )
        if not allowed and self.outcome is not None:
            raise InvalidInputError(
                "outcome", self.outcome, f"None for a {self.kind} event"
            )
        takes_estimate = self.kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
        if not takes_estimate and self.estimate is not None:
            raise InvalidInputError(
                "estimate", self.estimate, f"None for a {self.kind} event"
            )
        if takes_estimate and self.estimate is not None and self.estimate <= self.on:
            raise InvalidInputError(
                "estimate",
                self.estimate,
                f"a day after the notice of {self.on}: the refusal notice estimates "
                "when the public interest decision will be reached (FOIA s17(2))",
            )
        if self.at is not None:
            if not isinstance(self.at, datetime):
                raise InvalidInputError("at", self.at, "a datetime.datetime or None")
            if to_uk_date(self.at, "at") != self.on:
                raise InvalidInputError(
                    "at",
                    self.at,
                    f"a timestamp whose UK date is the event's date ({self.on}); "
                    "use CaseEvent.at_time to take the date from the timestamp",
                )

    @classmethod
    def at_time(
        cls, kind: CaseEventKind | str, at: datetime, **fields: Any
    ) -> CaseEvent:
        """An event at a timestamp; its date is the UK date of the timestamp.

        >>> from datetime import timezone
        >>> CaseEvent.at_time(
        ...     "received", datetime(2025, 6, 1, 23, 30, tzinfo=timezone.utc)
        ... ).on
        datetime.date(2025, 6, 2)
        """
        return cls(kind=kind, on=to_uk_date(at, "at"), at=at, **fields)

    def describe(self) -> str:
        """The event in a few words, such as ``"response_sent on 2025-01-21"``."""
        return f"{self.kind} on {self.on}"


def sort_key(event: CaseEvent) -> tuple[Any, ...]:
    """Date order; on one day, the order events can happen; then every field.

    The last part only breaks ties between events of one kind on one day, so that
    the same events always sort the same way.
    """
    return (
        event.on,
        RANK[event.kind],
        "" if event.at is None else event.at.isoformat(),
        event.outcome or "",
        "" if event.estimate is None else event.estimate.isoformat(),
        event.note,
        event.actor,
    )
