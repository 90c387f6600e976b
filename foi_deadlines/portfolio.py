"""Many cases at once: queries, compliance figures, and the effect of a new holiday.

>>> from datetime import date
>>> from foi_deadlines import Case
>>> cases = [Case.received(date(2025, 1, 6)), Case.received(date(2024, 12, 2))]
>>> [case.received_on for case, _ in overdue(cases, as_of=date(2025, 1, 15))]
[datetime.date(2024, 12, 2)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from foi_deadlines._dates import to_uk_date
from foi_deadlines.bank_holidays import HolidayData
from foi_deadlines.cases import Case, CaseEventKind, CaseStatus, StatusCode
from foi_deadlines.errors import InvalidInputError

__all__ = [
    "ComplianceStats",
    "DeadlineChange",
    "by_status",
    "changed_deadlines",
    "compliance_stats",
    "due_within",
    "overdue",
    "statuses",
]

_OPEN: Final = frozenset(
    {StatusCode.IN_TIME, StatusCode.DUE_SOON, StatusCode.REVIEW_OPEN}
)
_OVERDUE: Final = frozenset({StatusCode.OVERDUE, StatusCode.REVIEW_OVERDUE})


def statuses(
    cases: Iterable[Case],
    as_of: date,
    *,
    due_soon_working_days: int = 5,
    data: HolidayData | None = None,
) -> list[tuple[Case, CaseStatus]]:
    """Every case with its status on ``as_of``."""
    return [
        (
            case,
            case.status(as_of, due_soon_working_days=due_soon_working_days, data=data),
        )
        for case in cases
    ]


def due_within(
    cases: Iterable[Case],
    as_of: date,
    working_days: int,
    *,
    data: HolidayData | None = None,
) -> list[tuple[Case, CaseStatus]]:
    """Open cases whose response or review is due within ``working_days``.

    A deadline on ``as_of`` itself is 0 working days away; overdue cases are not
    included (see :func:`overdue`). Sorted by due date.

    >>> from foi_deadlines import Case
    >>> cases = [Case.received(date(2024, 12, 19))]
    >>> [s.deadline.due for _, s in due_within(cases, date(2025, 1, 20), 5)]
    [datetime.date(2025, 1, 22)]
    """
    if (
        isinstance(working_days, bool)
        or not isinstance(working_days, int)
        or working_days < 0
    ):
        raise InvalidInputError(
            "working_days", working_days, "a whole number, 0 or more"
        )
    found = [
        (case, status)
        for case, status in statuses(
            cases, as_of, due_soon_working_days=working_days, data=data
        )
        if status.code in _OPEN
        and status.working_days_left is not None
        and status.working_days_left <= working_days
    ]
    return sorted(found, key=lambda pair: pair[1].deadline.due)  # type: ignore[union-attr]


def overdue(
    cases: Iterable[Case], as_of: date, *, data: HolidayData | None = None
) -> list[tuple[Case, CaseStatus]]:
    """Cases whose response or review is overdue on ``as_of``, most overdue first."""
    found = [
        (case, status)
        for case, status in statuses(cases, as_of, data=data)
        if status.code in _OVERDUE
    ]
    return sorted(found, key=lambda pair: -(pair[1].working_days_overdue or 0))


def by_status(
    cases: Iterable[Case],
    as_of: date,
    *,
    due_soon_working_days: int = 5,
    data: HolidayData | None = None,
) -> dict[StatusCode, list[Case]]:
    """Cases grouped by their status on ``as_of``, every status present as a key."""
    groups: dict[StatusCode, list[Case]] = {code: [] for code in StatusCode}
    for case, status in statuses(
        cases, as_of, due_soon_working_days=due_soon_working_days, data=data
    ):
        groups[status.code].append(case)
    return groups


@attrs.frozen(kw_only=True)
class DeadlineChange:
    """A deadline that moves when the holiday data changes.

    Attributes:
        case: The case.
        clock_id: The rule of the deadline.
        before: The due date with the old data.
        after: The due date with the new data.
    """

    case: Case
    clock_id: str
    before: date
    after: date


def changed_deadlines(
    cases: Iterable[Case],
    *,
    before: HolidayData | None = None,
    after: HolidayData,
    as_of: date | None = None,
) -> list[DeadlineChange]:
    """The deadlines that move between two versions of the holiday data.

    Use it when a bank holiday is proclaimed: load the new data, and list the
    cases whose dates change. With ``as_of``, only deadlines still open on that day
    (due on or after it) are listed.

    >>> from foi_deadlines import Case, HolidayData
    >>> new = HolidayData.bundled().with_proclaimed(
    ...     date(2027, 6, 7), "Special bank holiday", divisions=["scotland"]
    ... )
    >>> for change in changed_deadlines([Case.received(date(2027, 6, 1))], after=new):
    ...     print(change.clock_id, change.before, change.after)
    foia.response 2027-06-29 2027-06-30
    foia.refusal_notice 2027-06-29 2027-06-30
    """
    day = None if as_of is None else to_uk_date(as_of, "as_of")
    changes = []
    for case in cases:
        old = {d.clock_id: d for d in case.deadlines(data=before).all()}
        new = {d.clock_id: d for d in case.deadlines(data=after).all()}
        for clock_id, first in old.items():
            second = new.get(clock_id)
            if second is None or first.due == second.due:
                continue
            if day is not None and max(first.due, second.due) < day:
                continue
            changes.append(
                DeadlineChange(
                    case=case,
                    clock_id=first.clock_id,
                    before=first.due,
                    after=second.due,
                )
            )
    return changes


@attrs.frozen(kw_only=True)
class ComplianceStats:
    """Compliance figures for the requests received in a period.

    The measures follow the categories of the UK government's published FOI
    statistics: a request is *in time* if answered within the statutory period (20
    working days) and *within a permitted extension* if answered after it but
    within a public interest, regulation 7 or subject access extension.

    Attributes:
        start: The first day of the period.
        end: The last day of the period.
        as_of: The day the figures are worked out on.
        received: Requests received in the period.
        responded: Of those, answered by ``as_of``.
        in_time: Answered within the statutory period.
        within_extension: Answered late for the statutory period, but within a
            permitted extension.
        late: Answered after every deadline that applied.
        open_in_time: Not answered by ``as_of``, and not yet due.
        open_overdue: Not answered by ``as_of``, and overdue.
        on_hold: Waiting for a clarification or a fee on ``as_of``.
        withdrawn: Withdrawn by the requester.
        lapsed: Lapsed because a fee was not paid in time (recorded, or derived
            from the fee window).
        abandoned: Treated as closed because clarification never came (policy
            P17).
        transferred: Transferred to another authority.
        reviews_requested: Internal reviews requested in the period.
        reviews_completed: Of those, completed by ``as_of``.
        reviews_in_time: Completed within the review time (20 working days, or 40
            where the case was extended as complex).
        reviews_late: Completed after it.
        reviews_open: Not completed by ``as_of``.
        review_outcomes: Completed reviews by outcome.
    """

    start: date
    end: date
    as_of: date
    received: int = 0
    responded: int = 0
    in_time: int = 0
    within_extension: int = 0
    late: int = 0
    open_in_time: int = 0
    open_overdue: int = 0
    on_hold: int = 0
    withdrawn: int = 0
    lapsed: int = 0
    abandoned: int = 0
    transferred: int = 0
    reviews_requested: int = 0
    reviews_completed: int = 0
    reviews_in_time: int = 0
    reviews_late: int = 0
    reviews_open: int = 0
    review_outcomes: tuple[tuple[str, int], ...] = ()

    @property
    def timely(self) -> int:
        """Answered in time or within a permitted extension."""
        return self.in_time + self.within_extension

    @property
    def percent_timely(self) -> float | None:
        """The share of answered requests that were timely, as a percentage.

        ``None`` when none were answered.
        """
        return None if not self.responded else 100 * self.timely / self.responded


_RESPONDED: Final = {
    StatusCode.RESPONDED_IN_TIME: "in_time",
    StatusCode.RESPONDED_WITHIN_EXTENSION: "within_extension",
    StatusCode.RESPONDED_LATE: "late",
}
_CLOSED_AS: Final = {
    CaseEventKind.WITHDRAWN: "withdrawn",
    CaseEventKind.FEES_NOTICE_LAPSED: "lapsed",
    CaseEventKind.TRANSFERRED: "transferred",
}


def compliance_stats(
    cases: Iterable[Case],
    start: date,
    end: date,
    *,
    as_of: date,
    data: HolidayData | None = None,
) -> ComplianceStats:
    """Compliance figures for the requests received from ``start`` to ``end``.

    Requests are counted in the period they were received; internal reviews in
    the period they were requested. Each case is read as it stood on ``as_of``:
    events after it are left out, so run it on a day after the period to see how
    its requests were answered.

    >>> from foi_deadlines import Case, CaseEvent
    >>> late = Case.received(date(2025, 1, 6)).with_event(
    ...     CaseEvent(kind="response_sent", on=date(2025, 2, 10), outcome="provided"))
    >>> stats = compliance_stats([late], date(2025, 1, 1), date(2025, 3, 31),
    ...                          as_of=date(2025, 4, 30))
    >>> stats.received, stats.late, stats.percent_timely
    (1, 1, 0.0)
    """
    first, last = to_uk_date(start, "start"), to_uk_date(end, "end")
    day = to_uk_date(as_of, "as_of")
    if last < first:
        raise InvalidInputError("end", last, f"a day on or after start ({first})")
    counts: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for case in cases:
        if case.received_on > day:
            continue
        known = case.known_on(day)
        _count_request(known, first=first, last=last, day=day, data=data, counts=counts)
        _count_review(
            known,
            first=first,
            last=last,
            data=data,
            counts=counts,
            outcomes=outcomes,
        )
    return ComplianceStats(
        start=first,
        end=last,
        as_of=day,
        review_outcomes=tuple(sorted(outcomes.items())),
        **counts,
    )


def _count_request(
    case: Case,
    *,
    first: date,
    last: date,
    day: date,
    data: HolidayData | None,
    counts: Counter[str],
) -> None:
    if not first <= case.received_on <= last:
        return
    counts["received"] += 1
    sent = case.last(CaseEventKind.RESPONSE_SENT)
    if sent is None:
        for kind, name in _CLOSED_AS.items():
            if case.last(kind) is not None:
                counts[name] += 1
                return
    if sent is not None:
        # How the response measured up, whatever happened to it afterwards.
        status = case.known_on(sent.on).status(sent.on, data=data)
        counts["responded"] += 1
        counts[_RESPONDED.get(status.code, "in_time")] += 1
        return
    status = case.status(day, data=data)
    if status.code in (StatusCode.AWAITING_CLARIFICATION, StatusCode.AWAITING_FEE):
        counts["on_hold"] += 1
    elif status.code is StatusCode.LAPSED:
        counts["lapsed"] += 1
    elif status.code is StatusCode.CLOSED:
        counts["abandoned"] += 1
    elif status.code is StatusCode.OVERDUE:
        counts["open_overdue"] += 1
    else:
        counts["open_in_time"] += 1


def _count_review(
    case: Case,
    *,
    first: date,
    last: date,
    data: HolidayData | None,
    counts: Counter[str],
    outcomes: Counter[str],
) -> None:
    requested, outcome = case.latest_review()
    if requested is None or not first <= requested.on <= last:
        return
    counts["reviews_requested"] += 1
    if outcome is None:
        counts["reviews_open"] += 1
        return
    counts["reviews_completed"] += 1
    outcomes[str(outcome.outcome)] += 1
    review = case.deadlines(data=data).review
    in_time = review is None or outcome.on <= review.due
    counts["reviews_in_time" if in_time else "reviews_late"] += 1
