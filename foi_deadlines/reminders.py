"""What is still to be done in a case on a day: its live deadlines, and when to remind.

:func:`live_deadlines` reads a case as it stood on ``as_of`` and returns each
deadline that still matters that day, named by a :class:`DeadlineKind`. The
calendar export (:mod:`foi_deadlines.ical`) makes one event of each, and the daily
digest (:mod:`foi_deadlines.digest`) lists the review windows among them; both
decide "live" here, in one place.

A deadline is live on ``as_of`` when:

* the case is open: a case withdrawn, transferred, lapsed for want of a fee, or
  treated as closed for want of clarification (:func:`is_closed`) has none;
* it has not been met: the response, until a response is sent; the review, until
  its outcome is sent (under FOISA and the EISR a review may be required before any
  response); the requester's window to ask for a review, until a review is asked
  for; the window to go to the regulator, until a complaint is made in it or a
  decision notice is issued;
* it still applies: the authority's own duties (the response and the review) stay
  live when they are overdue, since they must still be done; the requester's
  windows (to pay a fee, to ask for a review, to go to the regulator or the
  tribunal) are live up to and including their last day, and not after it.

Once time is extended, the extended response replaces the response: the notice
that extended it (a FOIA refusal notice with a public interest estimate, an EIR or
subject access extension notice) was the act due by the first deadline.

Reminders are counted in working days on the deadline's own calendar; for a period
that is counted without one (calendar days that do not roll forward) on the
regime's calendar, or for subject access and data protection complaints on the
calendar of the controller's part of the UK.

>>> from datetime import date
>>> from foi_deadlines import Case
>>> case = Case.received(date(2025, 1, 6), reference="FOI 2025/1")
>>> live = live_deadlines(case, as_of=date(2025, 1, 20))
>>> [(item.kind.value, item.due) for item in live]
[('response', datetime.date(2025, 2, 3))]
>>> live[0].reminder_days((5, 1))
(datetime.date(2025, 1, 27), datetime.date(2025, 1, 31))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from foi_deadlines._dates import to_uk_date
from foi_deadlines.calendars import WorkingDayCalendar, get_calendar
from foi_deadlines.cases import Case, CaseEventKind, CaseStatus, StatusCode
from foi_deadlines.clocks import Deadline, ResponseDeadlines
from foi_deadlines.errors import InvalidInputError, OutsideCalendarRangeError

__all__ = [
    "DEFAULT_REMINDERS",
    "DeadlineKind",
    "LiveDeadline",
    "counting_calendar",
    "is_closed",
    "live_deadlines",
    "reminder_working_days",
]

#: Working days before a deadline to be reminded on, by default.
DEFAULT_REMINDERS: Final = (5, 1)


class DeadlineKind(enum.StrEnum):
    """Which of a case's deadlines: the value is part of an event's stable id."""

    RESPONSE = "response"
    EXTENDED_RESPONSE = "extended-response"
    FEE_PAYMENT = "fee-payment"
    REVIEW_REQUEST = "review-request"
    REVIEW = "review"
    REGULATOR = "regulator"
    TRIBUNAL = "tribunal"

    @property
    def phrase(self) -> str:
        """The phrase for an event's title, such as ``"response due"``."""
        return _PHRASES[self]

    @property
    def label(self) -> str:
        """The deadline in a word or two, such as ``"review request window"``."""
        return _LABELS[self]

    @property
    def authority_duty(self) -> bool:
        """Whether the authority must act by it (``False`` for a requester's window)."""
        return self in _DUTIES


_PHRASES: Final = {
    DeadlineKind.RESPONSE: "response due",
    DeadlineKind.EXTENDED_RESPONSE: "extended response due",
    DeadlineKind.FEE_PAYMENT: "fee payment window closes",
    DeadlineKind.REVIEW_REQUEST: "review request window closes",
    DeadlineKind.REVIEW: "review due",
    DeadlineKind.REGULATOR: "regulator window closes",
    DeadlineKind.TRIBUNAL: "tribunal appeal window closes",
}
_LABELS: Final = {
    DeadlineKind.RESPONSE: "response",
    DeadlineKind.EXTENDED_RESPONSE: "extended response",
    DeadlineKind.FEE_PAYMENT: "fee payment window",
    DeadlineKind.REVIEW_REQUEST: "review request window",
    DeadlineKind.REVIEW: "review",
    DeadlineKind.REGULATOR: "regulator window",
    DeadlineKind.TRIBUNAL: "tribunal appeal window",
}
_DUTIES: Final = frozenset(
    {DeadlineKind.RESPONSE, DeadlineKind.EXTENDED_RESPONSE, DeadlineKind.REVIEW}
)
_OUT_OF_RANGE: Final = (
    "whole numbers of working days, each 1 or more (a reminder is always on a "
    "working day before the deadline)"
)


@attrs.frozen(kw_only=True)
class LiveDeadline:
    """A deadline of a case that still matters on a day.

    Attributes:
        case: The case, as it stood on the day.
        kind: Which deadline.
        deadline: The deadline, with its rule and explanation.
        calendar: The working-day calendar reminders and days left are counted
            on: the deadline's own, or the regime's (or the controller's part of
            the UK's) for a period counted without one.
    """

    case: Case
    kind: DeadlineKind
    deadline: Deadline
    calendar: WorkingDayCalendar

    @property
    def reference(self) -> str:
        """The case's reference."""
        return self.case.reference

    @property
    def due(self) -> date:
        """The last day."""
        return self.deadline.due

    def working_days_left(self, as_of: date) -> int:
        """Working days in ``(as_of, due]``: 0 on the day itself, negative after it.

        >>> from foi_deadlines import Case
        >>> case = Case.received(date(2025, 1, 6))
        >>> live_deadlines(case, as_of=date(2025, 1, 27))[0].working_days_left(
        ...     date(2025, 1, 27))
        5
        """
        return self.calendar.working_days_between(
            to_uk_date(as_of, "as_of"), self.due, warn=False
        )

    def reminder_days(self, working_days: Iterable[int]) -> tuple[date, ...]:
        """The days to be reminded on: each that many working days before the due day.

        Each is a working day on :attr:`calendar`, strictly before the due day
        (counted back from it, which is never itself counted). The days are given
        once each, earliest first; a day before the calendar's first is left out.

        Args:
            working_days: How many working days before, each 1 or more.

        Raises:
            InvalidInputError: A count that is not a whole number of 1 or more.
        """
        days = set()
        for count in reminder_working_days(working_days):
            try:
                days.add(self.calendar.add_working_days(self.due, -count, warn=False))
            except OutsideCalendarRangeError:
                continue
        return tuple(sorted(days))


def reminder_working_days(value: Iterable[int]) -> tuple[int, ...]:
    """``value`` as reminder counts, most working days first, each once.

    >>> reminder_working_days([1, 5, 5])
    (5, 1)

    Raises:
        InvalidInputError: ``value`` is not whole numbers of 1 or more.
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInputError("reminders", value, _OUT_OF_RANGE)
    counts = tuple(value)
    for count in counts:
        if type(count) is not int or count < 1:
            raise InvalidInputError("reminders", counts, _OUT_OF_RANGE)
    return tuple(sorted(set(counts), reverse=True))


def is_closed(case: Case, status: CaseStatus) -> bool:
    """Whether ``case`` ended without a response, by its ``status`` on a day.

    Withdrawn, transferred, lapsed for want of a fee, or treated as closed for want
    of clarification. A case whose review was completed is not closed here: the
    requester's windows to go to the regulator and the tribunal are still open.

    >>> from foi_deadlines import Case, CaseEvent
    >>> case = Case.received(date(2025, 1, 6)).with_event(
    ...     CaseEvent(kind="withdrawn", on=date(2025, 1, 9)))
    >>> is_closed(case, case.status(date(2025, 1, 10)))
    True
    """
    if status.code is StatusCode.LAPSED:
        return True
    if status.code is not StatusCode.CLOSED:
        return False
    sent = case.last(CaseEventKind.RESPONSE_SENT)
    return sent is None or sent.on > status.as_of


def live_deadlines(case: Case, *, as_of: date) -> tuple[LiveDeadline, ...]:
    """The deadlines of ``case`` that still matter on ``as_of``, in date order.

    The case is read as it stood that day: events after it are left out. A case
    received after ``as_of`` has none (it did not exist yet). What "live" means is
    in the module's description.

    Args:
        case: The case.
        as_of: The day; the library never reads the clock.

    Raises:
        OutsideCalendarRangeError: ``as_of`` is outside the supported days.
    """
    day = to_uk_date(as_of, "as_of")
    if day < case.received_on:
        return ()
    status = case.status(day)
    if is_closed(case, status):
        return ()
    known = case.known_on(day)
    deadlines = known.deadlines()
    stage = deadlines.response
    if stage is None:  # pragma: no cover - is_closed has caught a closing event
        return ()
    found: list[tuple[DeadlineKind, Deadline]] = []
    sent = known.last(CaseEventKind.RESPONSE_SENT)
    requested, outcome = known.latest_review()
    if sent is None:
        found += _response_stage(stage, day)
    else:
        window = deadlines.review_request
        if requested is None and window is not None and day <= window.due:
            found.append((DeadlineKind.REVIEW_REQUEST, window))
    # FOISA s20 and EISR reg 16 let a review be required with no response.
    if requested is not None and outcome is None and deadlines.review is not None:
        found.append((DeadlineKind.REVIEW, deadlines.review))
    regulator = deadlines.regulator
    if (
        regulator is not None
        and day <= regulator.due
        and not _settled(known, regulator)
    ):
        found.append((DeadlineKind.REGULATOR, regulator))
    tribunal = deadlines.tribunal
    if tribunal is not None and day <= tribunal.due:
        found.append((DeadlineKind.TRIBUNAL, tribunal))
    live = [
        LiveDeadline(
            case=known,
            kind=kind,
            deadline=deadline,
            calendar=counting_calendar(known, deadline),
        )
        for kind, deadline in found
    ]
    return tuple(sorted(live, key=lambda item: item.due))


def _settled(case: Case, regulator: Deadline) -> bool:
    """Whether the requester has gone to the regulator since its window opened."""
    if case.last(CaseEventKind.DECISION_NOTICE) is not None:
        return True
    complaint = case.last(CaseEventKind.COMPLAINT)
    return complaint is not None and complaint.on >= regulator.day_zero


def _response_stage(
    stage: ResponseDeadlines, day: date
) -> list[tuple[DeadlineKind, Deadline]]:
    if stage.response is not None:
        extended = stage.public_interest is not None or (
            stage.extension_notice is not None
        )
        kind = DeadlineKind.EXTENDED_RESPONSE if extended else DeadlineKind.RESPONSE
        return [(kind, stage.response)]
    fee = stage.fee_payment
    if stage.stopped is not None and fee is not None and day <= fee.due:
        return [(DeadlineKind.FEE_PAYMENT, fee)]
    return []


def counting_calendar(
    case: Case, deadline: Deadline | None = None
) -> WorkingDayCalendar:
    """The calendar to count working days on for ``case`` (and ``deadline``).

    The deadline's own calendar where it has one; otherwise the regime's (``"uk"``
    for FOIA and the EIR, ``"scotland"`` for FOISA and the EISR), or for subject
    access and data protection complaints the calendar of the controller's part
    of the UK.

    >>> from foi_deadlines import Case
    >>> counting_calendar(Case.received(date(2025, 1, 6), regime="sar")).name
    'england-and-wales'
    """
    if deadline is not None and deadline.calendar is not None:
        return deadline.calendar
    return get_calendar(case.regime.calendar or case.division.value)
