"""A tracker row as officers keep it, turned into a case: one converter for all.

An FOI office's tracker has a row per request and a column per date: received,
clarification sought and received, fees notice and payment, extended, response,
review. :class:`TrackerRow` holds one such row; :meth:`TrackerRow.from_cells` reads
it from cells as a spreadsheet or a CSV gives them, and :meth:`TrackerRow.to_case`
makes the :class:`~foi_deadlines.cases.Case` whose status every surface reports.
The spreadsheet function ``FOI_STATUS``, the batch fill and ``foi-deadlines
status`` all go through here, so the same dates give the same status everywhere.

The *extended* column means the same everywhere: time was extended under the
regime's own extension (a FOIA public interest extension, an EIR or EISR reg 7
extension, two more months of subject access). It may hold a date, the day the
extension was notified, which is then checked against its window; "yes" means it
was notified in time, on the day the clock last started. Under FOIA the estimate
of the public interest decision is a column of its own; without one, the decision
is due by the limit of policy P5.

>>> from datetime import date
>>> row = TrackerRow.from_cells(
...     {"received": "06/01/2025", "extended": "yes"}, as_of=date(2025, 2, 10)
... )
>>> row.to_case().status(date(2025, 2, 10)).code
<StatusCode.IN_TIME: 'in_time'>
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from numbers import Real
from types import MappingProxyType
from typing import Final

import attrs

from foi_deadlines._coerce import member_of, to_date
from foi_deadlines.calendars import supported_day
from foi_deadlines.cases import Case
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    NotApplicableError,
    TimelineError,
)
from foi_deadlines.rules import Policies, Regime, rule_set
from foi_deadlines.timeline import CaseEvent, CaseEventKind

__all__ = ["DATE_FIELDS", "FIELDS", "TrackerRow"]

#: Each dated field of a tracker row, with the event it records.
DATE_FIELDS: Final[Mapping[str, CaseEventKind]] = MappingProxyType(
    {
        "clarification_sought": CaseEventKind.CLARIFICATION_SOUGHT,
        "clarified": CaseEventKind.CLARIFICATION_RECEIVED,
        "identity_confirmed": CaseEventKind.IDENTITY_CONFIRMED,
        "fee_notice": CaseEventKind.FEES_NOTICE,
        "fee_paid": CaseEventKind.FEE_PAID,
        "responded": CaseEventKind.RESPONSE_SENT,
        "review_requested": CaseEventKind.REVIEW_REQUESTED,
        "review_completed": CaseEventKind.REVIEW_OUTCOME,
        "withdrawn": CaseEventKind.WITHDRAWN,
    }
)
#: Every field of a tracker row, in the order a tracker usually has them.
FIELDS: Final = (
    "received",
    "regime",
    "clarification_sought",
    "clarified",
    "identity_confirmed",
    "fee_notice",
    "fee_paid",
    "extended",
    "public_interest_estimate",
    "responded",
    "review_requested",
    "review_completed",
    "withdrawn",
)
# A tracker records that something happened, not how it came out; these outcomes
# change no deadline.
_OUTCOMES: Final = {
    CaseEventKind.RESPONSE_SENT: "provided",
    CaseEventKind.REVIEW_OUTCOME: "upheld",
}
_FIELD_OF_KIND: Final = {
    CaseEventKind.RECEIVED: "received",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "extended",
    CaseEventKind.EXTENSION: "extended",
    **{kind: name for name, kind in DATE_FIELDS.items()},
}
_YES: Final = frozenset({"yes", "y", "true", "1"})
_NO: Final = frozenset({"no", "n", "false", "0"})
_EVENT_PARAM: Final = re.compile(r"events\[(\d+)\]")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@attrs.frozen(kw_only=True)
class TrackerRow:
    """One request as a tracker row holds it: a date in each column that applies.

    Attributes:
        received: The day the request was received.
        regime: The regime it falls under.
        clarification_sought: The day clarification was asked for.
        clarified: The day the clarification was received.
        identity_confirmed: Subject access: the day identity evidence arrived.
        fee_notice: The day a fees notice was given.
        fee_paid: The day the fee was received.
        extended: Whether time was extended (``True``: in time, on the day the
            clock last started), or the day the extension was notified.
        public_interest_estimate: FOIA: the date the refusal notice gave for the
            public interest decision.
        responded: The day the response was sent.
        review_requested: The day a review was asked for.
        review_completed: The day the review outcome was sent.
        withdrawn: The day the request was withdrawn.
        reference: The row's reference, kept on the case.
    """

    received: date
    regime: Regime = Regime.FOIA
    clarification_sought: date | None = None
    clarified: date | None = None
    identity_confirmed: date | None = None
    fee_notice: date | None = None
    fee_paid: date | None = None
    extended: bool | date = False
    public_interest_estimate: date | None = None
    responded: date | None = None
    review_requested: date | None = None
    review_completed: date | None = None
    withdrawn: date | None = None
    reference: str = ""

    @classmethod
    def from_cells(
        cls,
        cells: Mapping[str, object],
        *,
        regime: Regime | str = Regime.FOIA,
        date1904: bool = False,
        as_of: date | None = None,
    ) -> TrackerRow | None:
        """A row from cells as a spreadsheet or CSV gives them; ``None`` if blank.

        Args:
            cells: The cells by field (see :data:`FIELDS`); missing or blank cells
                are empty. Dates may be dates, Excel serial numbers or text
                (``YYYY-MM-DD``, ``DD/MM/YYYY``); ``extended`` may also be yes or
                no (true/false, 1/0); ``regime`` is a regime's name.
            regime: The regime of a row whose ``regime`` cell is blank.
            date1904: Read serial numbers in Excel's 1904 date system.
            as_of: The day the tracker is read on: a date after it cannot have
                happened yet and is refused as a mistake.

        Returns:
            The row, or ``None`` when the received date is blank.

        Raises:
            InvalidInputError: A cell that cannot be read; ``param`` is its field.
            TimelineError: A date after ``as_of``.
        """
        received = _day(cells.get("received"), "received", date1904=date1904)
        if received is None:
            return None
        raw_regime = cells.get("regime")
        chosen = _regime(regime if _blank(raw_regime) else raw_regime)
        dates = {
            name: _day(cells.get(name), name, date1904=date1904)
            for name in (*DATE_FIELDS, "public_interest_estimate")
        }
        extended = _extended(cells.get("extended"), date1904=date1904)
        reference = cells.get("reference")
        row = cls(
            received=received,
            regime=chosen,
            extended=extended,
            reference="" if _blank(reference) else str(reference),
            **dates,
        )
        if as_of is not None:
            row.check_as_of(as_of)
        return row

    def check_as_of(self, as_of: date) -> None:
        """Refuse a date after ``as_of``, naming its field: it cannot have happened.

        Raises:
            TimelineError: A date after ``as_of``; ``param`` is its field.
        """
        for name in ("received", *DATE_FIELDS, "extended"):
            value = getattr(self, name)
            if isinstance(value, date) and value > as_of:
                raise TimelineError(
                    name,
                    value,
                    f"it is after as_of ({as_of}); an event cannot be in the future",
                )

    def events(self) -> tuple[CaseEvent, ...]:
        """The row's dates as the events of a timeline."""
        events = [CaseEvent(kind=CaseEventKind.RECEIVED, on=self.received)]
        for name, kind in DATE_FIELDS.items():
            on = getattr(self, name)
            if on is not None:
                events.append(CaseEvent(kind=kind, on=on, outcome=_OUTCOMES.get(kind)))
        extension = self._extension()
        if extension is not None:
            events.append(extension)
        return tuple(events)

    def _extension(self) -> CaseEvent | None:
        estimate = self.public_interest_estimate
        if self.extended is False and estimate is None:
            return None
        rules = rule_set(self.regime, self.received)
        kind = rules.extension_kind
        takes_estimate = kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
        if kind is None or (estimate is not None and not takes_estimate):
            param = "extended" if kind is None else "public_interest_estimate"
            key = "extension" if kind is None else "public_interest_extension"
            reason = rules.refusal(key) or f"it is not a {rules.label} rule"
            raise NotApplicableError(param, rules.label, reason)
        if isinstance(self.extended, date):
            on = self.extended
        else:
            # Notified in time: on the day the clock last started.
            on = max(self.received, self.clarified or self.received)
        return CaseEvent(
            kind=kind, on=on, estimate=estimate if takes_estimate else None
        )

    def to_case(
        self, *, policies: Policies | None = None, policy: object = None
    ) -> Case:
        """The case this row records.

        Raises:
            TimelineError: The dates cannot all be true under the regime's rules;
                ``param`` is the field of the date at fault.
            FoiDeadlinesError: Another refusal, naming the field.
        """
        events = self.events()
        try:
            return Case(
                events=events,
                regime=self.regime,
                reference=self.reference,
                policies=policies,
                policy=policy,
            )
        except TimelineError as error:
            raise self._named(error) from None

    def _named(self, error: TimelineError) -> FoiDeadlinesError:
        """``error`` with the tracker's field in place of the case's event index."""
        match = _EVENT_PARAM.fullmatch(error.param)
        if match is None:
            return error
        kind_text, _, on = str(error.value).partition(" on ")
        field = _FIELD_OF_KIND.get(CaseEventKind(kind_text), "received")
        value: object = getattr(self, field) if field != "extended" else on
        return type(error)(field, value, error.problem)


def _regime(value: object) -> Regime:
    try:
        return member_of(Regime, value, "regime")
    except InvalidInputError:
        valid = ", ".join(r.value for r in Regime)
        raise InvalidInputError(
            "regime", value, f"one of {valid} (any case), or blank"
        ) from None


def _day(value: object, param: str, *, date1904: bool) -> date | None:
    day = to_date(value, param, date1904=date1904)
    return None if day is None else supported_day(day, param)


def _extended(value: object, *, date1904: bool) -> bool | date:
    """A yes/no cell, or a date: the day the extension was notified."""
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _YES:
            return True
        if text in _NO:
            return False
    elif isinstance(value, Real) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and number in (0, 1):
            return bool(number)
    try:
        day = _day(value, "extended", date1904=date1904)
    except InvalidInputError:
        day = None
    if day is None:
        raise InvalidInputError(
            "extended",
            value,
            "yes or no (true/false, 1/0), the date the extension was notified, or "
            "blank",
        )
    return day
