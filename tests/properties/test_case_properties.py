"""Property tests for foi_deadlines.cases: timelines, status, JSON and portfolios.

Cases are generated valid by construction, following the timeline rules and the
engine's own refusals (a fees notice by the 20th working day, a fee paid within its
window, a clarification answered after it was sought). Expectations are worked out
independently of the engine: working days are counted one calendar day at a time
on the deadline's calendar, and event order by the documented rule (date, then the
order events can happen on one day).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, NamedTuple

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from foi_deadlines import (
    AuthorityPolicy,
    Case,
    CaseDataError,
    CaseEvent,
    CaseEventKind,
    Outcome,
    Policies,
    ReviewOutcome,
    StatusCode,
    TimelineError,
    WorkingDayCalendar,
    by_status,
    case_from_json,
    case_to_json,
    cases_from_json,
    cases_to_json,
    get_calendar,
    overdue,
)
from foi_deadlines.case_json import json_schema
from foi_deadlines.cases import CaseDeadlines, CaseStatus
from foi_deadlines.clocks import Deadline
from tests.oracles import corresponding_date, nth_working_day, provisional_ok
from tests.strategies import FIRST, days

K = CaseEventKind
ONE_DAY = timedelta(days=1)
REGIMES = ("foia", "eir", "foisa", "eisr", "sar")
WORKING_DAY_REGIMES = ("foia", "eir", "foisa", "eisr")
CALENDAR_OF = {"foia": "uk", "eir": "uk", "foisa": "scotland", "eisr": "scotland"}
#: The regimes whose fees notice the engine models (EISR charges are not modelled;
#: a subject access fee is recorded as fee_paid alone).
FEE_REGIMES = ("foia", "eir", "foisa")
EXTENSION_REGIMES = ("eir", "eisr", "sar")
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")
LAST_RECEIVED = date(2030, 12, 31)
#: The documented order of events on one day: the order of CaseEventKind.
SAME_DAY_ORDER = {kind: position for position, kind in enumerate(CaseEventKind)}
OVERDUE_CODES = frozenset({StatusCode.OVERDUE, StatusCode.REVIEW_OVERDUE})
SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(json_schema())

Stage = Literal["any", "open", "responded", "review"]
#: The stages with a running clock: open, answered, or under review.
RUNNING: tuple[Stage, ...] = ("open", "responded", "review")

#: Days from a deadline to as_of: mostly near it, sometimes well before or after.
offsets = st.one_of(st.integers(-8, 8), st.integers(-45, 45))
received_days = days.filter(lambda d: d <= LAST_RECEIVED)
texts = st.one_of(st.just(""), st.text(max_size=6))


class Scenario(NamedTuple):
    """A valid case and a day on or after its last event."""

    case: Case
    as_of: date


def working_days_in(cal: WorkingDayCalendar, after: date, through: date) -> int:
    """How many working days there are in ``(after, through]``, day by day."""
    with provisional_ok():
        return sum(
            cal.is_working_day(after + timedelta(days=i))
            for i in range(1, (through - after).days + 1)
        )


def next_working_day_from(cal: WorkingDayCalendar, day: date) -> date:
    """``day`` if it is a working day, otherwise the next one, found day by day."""
    with provisional_ok():
        while not cal.is_working_day(day):
            day += ONE_DAY
    return day


def fee_window_end(regime: str, notice: date) -> date:
    """The last day to pay: three months beginning with the notice, or EIR's 60 days."""
    if regime == "eir":
        return nth_working_day(get_calendar("uk"), notice, 60)
    return corresponding_date(notice, 3) - ONE_DAY


def events_of(case: Case, kind: CaseEventKind) -> list[CaseEvent]:
    """The case's events of ``kind``, in date order."""
    return [event for event in case.events if event.kind is kind]


def day_zero(case: Case) -> date:
    """Where a working-day clock counts from: the last clarification, or receipt."""
    answered = events_of(case, K.CLARIFICATION_RECEIVED)
    return answered[-1].on if answered else case.received_on


def in_document_order(events: Sequence[CaseEvent]) -> list[CaseEvent]:
    """``events`` by date, and on one day in the order things can happen (stable)."""
    return sorted(events, key=lambda e: (e.on, SAME_DAY_ORDER[e.kind]))


def status_of(case: Case, as_of: date) -> CaseStatus:
    """``case.status``, allowing provisional dates."""
    with provisional_ok():
        return case.status(as_of)


def deadlines_of(case: Case) -> CaseDeadlines:
    """``case.deadlines``, allowing provisional dates."""
    with provisional_ok():
        return case.deadlines()


def event_json(event: CaseEvent) -> dict[str, Any]:
    """An event as the documented JSON format has it, written here by hand."""
    record: dict[str, Any] = {"kind": event.kind.value, "date": event.on.isoformat()}
    if event.at is not None:
        record["at"] = event.at.isoformat()
    if event.outcome is not None:
        record["outcome"] = event.outcome
    if event.estimate is not None:
        record["estimate"] = event.estimate.isoformat()
    if event.note:
        record["note"] = event.note
    if event.actor:
        record["actor"] = event.actor
    return record


def same_options(case: Case, events: Sequence[CaseEvent]) -> Case:
    """A case with ``case``'s options and ``events``."""
    return Case(
        events=events,
        regime=case.regime,
        reference=case.reference,
        division=case.division,
        policy=case.policy,
        policies=case.policies,
    )


# -- valid timelines -------------------------------------------------------------------


class _Timeline:
    """A valid timeline being drawn, in date order, stage by stage."""

    def __init__(self, draw: st.DrawFn, regime: str) -> None:
        self.draw = draw
        self.regime = regime
        self.events: list[CaseEvent] = []
        self.cursor = FIRST
        self.day0 = FIRST
        self.relevant = FIRST
        self.extended = regime in EXTENSION_REGIMES and draw(st.booleans())
        self.closed = False

    def add(self, kind: CaseEventKind, on: date, **fields: Any) -> CaseEvent:
        """Record an event, sometimes with a note and an actor."""
        event = CaseEvent(
            kind=kind,
            on=on,
            note=self.draw(texts),
            actor=self.draw(texts),
            **fields,
        )
        self.events.append(event)
        self.cursor = max(self.cursor, on)
        return event

    def later(self, most: int, start: date | None = None) -> date:
        """A day from ``start`` (the last event's day) to ``most`` days after it."""
        base = self.cursor if start is None else start
        return base + timedelta(days=self.draw(st.integers(0, most)))

    def receive(self) -> None:
        """The request: a date, or a timestamp (naive UK time, or UTC)."""
        day = self.draw(received_days)
        stamp = self.draw(st.sampled_from((None, None, "naive", "utc")))
        if stamp is None:
            self.add(K.RECEIVED, day)
        else:
            zone = UTC if stamp == "utc" else None
            at = datetime.combine(day, self.draw(st.times()), tzinfo=zone)
            self.events.append(CaseEvent.at_time(K.RECEIVED, at))
        self.cursor = self.day0 = self.relevant = self.events[0].on

    def relevant_time(self) -> None:
        """Subject access: identity evidence and a fee, each restarting the clock.

        An extension is recorded here too: it lengthens the period in which a
        clarification may be sought (Art 12A(5)).
        """
        received = self.cursor
        for kind in (K.IDENTITY_CONFIRMED, K.FEE_PAID):
            if self.draw(st.booleans()):
                self.relevant = max(
                    self.relevant, self.add(kind, self.later(30, received)).on
                )
        if self.extended:
            self.add(K.EXTENSION, self.later(20))

    def clarify(self, *, cycles: int, may_stay_open: bool) -> bool:
        """Clarification sought and received; False if one is still awaited."""
        if self.regime == "sar":
            cycles = min(cycles, 1)  # one clarification pause a subject access request
        start = self.cursor
        for _ in range(cycles):
            if self.regime == "sar":
                # Art 12A(5): sought before the end of the unpaused period.
                end = corresponding_date(self.relevant, 3 if self.extended else 1)
                if start > end:
                    break
                sought = self.later(min(25, (end - start).days), start)
            else:
                sought = self.later(25, start)
            self.add(K.CLARIFICATION_SOUGHT, sought)
            if may_stay_open and self.draw(st.integers(0, 3)) == 0:
                return False
            self.day0 = self.add(K.CLARIFICATION_RECEIVED, self.later(40)).on
            # The next request for clarification comes after this one is answered.
            start = self.day0 + ONE_DAY
        return True

    def fees(self, *, may_stop: bool) -> bool:
        """A fees notice by the 20th working day; False if the clock stays stopped."""
        modes = (
            ("none", "none", "paid", "open", "lapsed") if may_stop else ("none", "paid")
        )
        mode = self.draw(st.sampled_from(modes))
        if mode == "none":
            return True
        latest = nth_working_day(get_calendar(CALENDAR_OF[self.regime]), self.day0, 20)
        notice = self.later((latest - self.day0).days, self.day0)
        self.add(K.FEES_NOTICE, notice)
        window = fee_window_end(self.regime, notice)
        if mode == "paid":
            self.add(K.FEE_PAID, self.later((window - notice).days, notice))
            return True
        if mode == "lapsed":
            self.closed = True
            self.add(
                K.FEES_NOTICE_LAPSED, window + timedelta(self.draw(st.integers(1, 30)))
            )
        return False

    def extend(self) -> None:
        """An extension (EIR, EISR, subject access) or a public interest one (FOIA)."""
        if self.extended and self.regime != "sar":
            self.add(K.EXTENSION, self.later(20))
        if self.regime == "foia" and self.draw(st.booleans()):
            on = self.later(20)
            estimate: date | None = on + timedelta(days=self.draw(st.integers(1, 90)))
            if self.draw(st.integers(0, 3)) == 0:
                estimate = None  # no estimate: the limit of policy P5 applies
            self.add(K.PUBLIC_INTEREST_EXTENSION, on, estimate=estimate)

    def reviews(self, rounds: int) -> None:
        """Reviews one after another, each requested after the last one's outcome."""
        start = self.cursor
        for _ in range(rounds):
            self.add(K.REVIEW_REQUESTED, self.later(60, start))
            if self.regime == "foia" and self.draw(st.booleans()):
                self.add(K.REVIEW_EXTENDED, self.later(20))
            if self.draw(st.integers(0, 2)) == 0:
                return  # still open
            outcome = self.draw(st.sampled_from(list(ReviewOutcome)))
            self.add(K.REVIEW_OUTCOME, self.later(60), outcome=outcome)
            start = self.cursor + ONE_DAY

    def answer(self, stage: Stage, max_reviews: int) -> None:
        """A response and what follows it; or, for ``"open"``, no response."""
        free = stage == "any"
        if stage == "open" or (free and self.draw(st.booleans())):
            if self.regime in ("foisa", "eisr"):
                # FOISA s20, EISR reg 16: a review may be required with no response.
                self.reviews(self.draw(st.integers(0, 1)))
            return
        outcome = self.draw(st.sampled_from(list(Outcome)))
        self.add(K.RESPONSE_SENT, self.later(90), outcome=outcome)
        if stage == "review":
            self.reviews(self.draw(st.integers(1, max_reviews)))
        elif free and self.regime != "sar":
            self.reviews(self.draw(st.integers(0, max_reviews)))
        if stage in ("any", "responded"):
            self.complain()
            self.maybe_close((K.WITHDRAWN,))

    def complain(self) -> None:
        """Complaints to the regulator (several may share a day), and a decision."""
        for _ in range(self.draw(st.integers(0, 2))):
            self.add(K.COMPLAINT, self.later(30))
        if self.draw(st.integers(0, 3)) == 0:
            self.add(K.DECISION_NOTICE, self.later(60))

    def maybe_close(self, kinds: Sequence[CaseEventKind]) -> bool:
        """Sometimes close the case with one of ``kinds``."""
        kind = self.draw(st.sampled_from([None, None, None, None, *kinds]))
        if kind is None:
            return False
        self.add(kind, self.later(60))
        return True


@st.composite
def valid_cases(
    draw: st.DrawFn,
    *,
    regimes: Sequence[str] = REGIMES,
    stage: Stage = "any",
    clarify: bool = True,
    fees: bool = True,
    max_reviews: int = 2,
) -> Scenario:
    """A valid case and an ``as_of`` on or after its last event.

    ``stage`` narrows the shape: ``"open"`` has a running clock and no response;
    ``"responded"`` a response and no review; ``"review"`` a response and at least
    one review; ``"any"`` may also stop the clock, or close the case early.
    """
    if stage == "review":  # subject access has no internal review in law
        regimes = [r for r in regimes if r != "sar"]
    regime = draw(st.sampled_from(regimes))
    timeline = _Timeline(draw, regime)
    timeline.receive()
    if regime == "sar":
        timeline.relevant_time()
    free = stage == "any"
    running = timeline.clarify(
        cycles=draw(st.integers(0, 2)) if clarify else 0, may_stay_open=free
    )
    if running and fees and regime in FEE_REGIMES:
        running = timeline.fees(may_stop=free)
    if running:
        timeline.extend()
        if not (free and timeline.maybe_close((K.WITHDRAWN, K.TRANSFERRED))):
            timeline.answer(stage, max_reviews)
    elif free and not timeline.closed:
        timeline.maybe_close((K.WITHDRAWN,))
    case = Case(
        events=timeline.events,
        regime=regime,
        reference=draw(texts),
        division=draw(st.sampled_from(DIVISIONS)) if regime == "sar" else DIVISIONS[0],
    )
    gap = draw(st.one_of(st.integers(0, 10), st.integers(0, 400)))
    return Scenario(case, case.events[-1].on + timedelta(days=gap))


def as_of_near(scenario: Scenario, due: date, offset: int) -> date:
    """``offset`` days from ``due`` when that is on or after the last event."""
    near = due + timedelta(days=offset)
    return near if near >= scenario.case.events[-1].on else scenario.as_of


# -- broken timelines ------------------------------------------------------------------


class Broken(NamedTuple):
    """A timeline with one event that cannot be true, and that event."""

    events: list[CaseEvent]
    offender: CaseEvent


def free_days(
    lo: date, hi: date, taken: Sequence[tuple[date, date | None]]
) -> list[date]:
    """The days from ``lo`` to ``hi`` outside every ``[start, end]`` (open if None)."""
    return [
        lo + timedelta(days=i)
        for i in range((hi - lo).days + 1)
        if not any(
            start <= lo + timedelta(days=i)
            and (end is None or lo + timedelta(days=i) <= end)
            for start, end in taken
        )
    ]


def spans(
    case: Case, opens: CaseEventKind, closes: Sequence[CaseEventKind]
) -> list[tuple[date, date | None]]:
    """The days from each ``opens`` event to the next ``closes`` event, inclusive."""
    found: list[tuple[date, date | None]] = []
    for index, event in enumerate(case.events):
        if event.kind is opens:
            end = next(
                (e.on for e in case.events[index + 1 :] if e.kind in closes), None
            )
            found.append((event.on, end))
    return found


ANSWERED: tuple[Stage, ...] = ("responded", "review")
CLOSING = (K.WITHDRAWN, K.TRANSFERRED, K.FEES_NOTICE_LAPSED)


def horizon(case: Case) -> date:
    """The last day an event is added on: a month after the last event."""
    return case.events[-1].on + timedelta(days=30)


def add_one(
    draw: st.DrawFn, case: Case, kind: CaseEventKind, choices: list[date], **fields: Any
) -> Broken | None:
    """``case``'s events and one of ``kind`` on one of ``choices``, if any."""
    if not choices:
        return None
    extra = CaseEvent(kind=kind, on=draw(st.sampled_from(choices)), **fields)
    return Broken([*case.events, extra], extra)


def before_receipt(draw: st.DrawFn, case: Case) -> Broken | None:
    """An event moved to before the request was received."""
    events, received = list(case.events), case.received_on
    if len(events) < 2 or received <= FIRST:
        return None
    index = draw(st.integers(1, len(events) - 1))
    back = draw(st.integers(1, min(60, (received - FIRST).days)))
    moved = attrs.evolve(events[index], on=received - timedelta(days=back))
    return Broken([*events[:index], moved, *events[index + 1 :]], moved)


def fee_without_notice(draw: st.DrawFn, case: Case) -> Broken | None:
    """A fee paid with no fees notice open."""
    taken = spans(case, K.FEES_NOTICE, (K.FEE_PAID,))
    choices = free_days(case.received_on, horizon(case), taken)
    return add_one(draw, case, K.FEE_PAID, choices)


def unsought_clarification(draw: st.DrawFn, case: Case) -> Broken | None:
    """A clarification received with no request for one open."""
    taken = spans(case, K.CLARIFICATION_SOUGHT, (K.CLARIFICATION_RECEIVED,))
    choices = free_days(case.received_on, horizon(case), taken)
    return add_one(draw, case, K.CLARIFICATION_RECEIVED, choices)


def second_response(draw: st.DrawFn, case: Case) -> Broken | None:
    """A second response, on a later day than the first."""
    (sent,) = events_of(case, K.RESPONSE_SENT)
    choices = free_days(sent.on + ONE_DAY, horizon(case), [])
    return add_one(draw, case, K.RESPONSE_SENT, choices, outcome="provided")


def after_closing(draw: st.DrawFn, case: Case) -> Broken | None:
    """Any event on a day after the case was closed."""
    closed = next(e for e in case.events if e.kind in CLOSING)
    kind = draw(st.sampled_from(list(CaseEventKind)))
    fields: dict[str, Any] = {}
    if kind is K.RESPONSE_SENT:
        fields["outcome"] = "refused"
    elif kind is K.REVIEW_OUTCOME:
        fields["outcome"] = "upheld"
    elif kind is K.PUBLIC_INTEREST_EXTENSION:
        fields["estimate"] = horizon(case) + timedelta(days=60)
    choices = free_days(closed.on + ONE_DAY, horizon(case), [])
    return add_one(draw, case, kind, choices, **fields)


def unrequested_review_outcome(draw: st.DrawFn, case: Case) -> Broken | None:
    """A review outcome with no review open."""
    taken = spans(case, K.REVIEW_REQUESTED, (K.REVIEW_OUTCOME,))
    choices = free_days(case.received_on, horizon(case), taken)
    return add_one(draw, case, K.REVIEW_OUTCOME, choices, outcome="upheld")


#: The ways a timeline is broken; each adds or moves one event.
WAYS: tuple[Callable[[st.DrawFn, Case], Broken | None], ...] = (
    before_receipt,
    fee_without_notice,
    unsought_clarification,
    second_response,
    after_closing,
    unrequested_review_outcome,
)


@st.composite
def broken_timelines(draw: st.DrawFn) -> tuple[Case, Broken]:
    """A valid case, and its events broken in one way that the rules refuse.

    The event at fault is placed so that no other event of its kind is on its
    day: which one is at fault is then unambiguous, whatever the input order.
    """
    way = draw(st.sampled_from(WAYS))
    if way is second_response:
        cases = st.sampled_from(ANSWERED).flatmap(lambda s: valid_cases(stage=s))
    elif way is fee_without_notice:  # a subject access fee needs no notice
        cases = valid_cases(regimes=WORKING_DAY_REGIMES)
    else:
        cases = valid_cases()
    case = draw(cases).case
    if way is after_closing and not any(e.kind in CLOSING for e in case.events):
        withdrawn = case.events[-1].on + timedelta(days=draw(st.integers(0, 30)))
        case = case.with_event(CaseEvent(kind=K.WITHDRAWN, on=withdrawn))
    broken = way(draw, case)
    assume(broken is not None)
    assert broken is not None
    return case, broken


# -- the properties --------------------------------------------------------------------


class TestStatusAgreesWithDeadlines:
    @given(valid_cases(stage="open"), offsets)
    def test_open_case(self, scenario: Scenario, offset: int) -> None:
        """An open case is overdue exactly when as_of is after its response deadline."""
        case = scenario.case
        response = deadlines_of(case).response
        assert response is not None
        due = response.response
        assert due is not None
        as_of = as_of_near(scenario, due.due, offset)
        status = status_of(case, as_of)
        assert status.deadline == due
        cal = due.calendar
        assert cal is not None
        if as_of > due.due:
            assert status.code is StatusCode.OVERDUE
            assert status.working_days_left is None
            # The working days after the due date up to and including as_of: on a
            # weekend straight after a Friday deadline, none yet.
            late = working_days_in(cal, due.due, as_of)
            assert status.working_days_overdue == late
        else:
            assert status.code in (StatusCode.IN_TIME, StatusCode.DUE_SOON)
            assert status.working_days_overdue is None
            left = working_days_in(cal, as_of, due.due)
            assert status.working_days_left == left
            assert left >= 0
            assert (status.code is StatusCode.DUE_SOON) == (left <= 5)

    @given(valid_cases(stage="responded"))
    def test_responded_case(self, scenario: Scenario) -> None:
        """A response is in time by the first deadline, late only after the last."""
        case = scenario.case
        (sent,) = events_of(case, K.RESPONSE_SENT)
        response = deadlines_of(case).response
        assert response is not None
        final = response.response
        assert final is not None
        base = response.extension_notice or response.refusal_notice or final
        status = status_of(case, scenario.as_of)
        if sent.on <= base.due:
            assert status.code is StatusCode.RESPONDED_IN_TIME
        elif sent.on <= final.due:
            assert status.code is StatusCode.RESPONDED_WITHIN_EXTENSION
        else:
            assert status.code is StatusCode.RESPONDED_LATE
        assert status.deadline == final

    @given(valid_cases(regimes=WORKING_DAY_REGIMES, stage="review"), offsets)
    def test_review(self, scenario: Scenario, offset: int) -> None:
        """The latest review is overdue exactly when as_of is after its deadline."""
        case = scenario.case
        review = deadlines_of(case).review
        assert review is not None
        as_of = as_of_near(scenario, review.due, offset)
        status = status_of(case, as_of)
        requested = events_of(case, K.REVIEW_REQUESTED)[-1]
        after = case.events[case.events.index(requested) + 1 :]
        if any(e.kind is K.REVIEW_OUTCOME for e in after):
            assert status.code is StatusCode.CLOSED
            return
        assert status.deadline == review
        cal = review.calendar
        assert cal is not None
        if as_of > review.due:
            assert status.code is StatusCode.REVIEW_OVERDUE
            assert status.working_days_overdue == working_days_in(
                cal, review.due, as_of
            )
        else:
            assert status.code is StatusCode.REVIEW_OPEN
            assert status.working_days_left == working_days_in(cal, as_of, review.due)


def due_dates(deadlines: CaseDeadlines) -> dict[str, date | None]:
    """Every due date but the fee window's, by name."""
    response = deadlines.response
    assert response is not None
    named: dict[str, Deadline | None] = {
        "response": response.response,
        "refusal_notice": response.refusal_notice,
        "public_interest": response.public_interest,
        "extension_notice": response.extension_notice,
        "review_request": deadlines.review_request,
        "review": deadlines.review,
        "regulator": deadlines.regulator,
        "tribunal": deadlines.tribunal,
    }
    return {name: None if d is None else d.due for name, d in named.items()}


running_cases = st.sampled_from(RUNNING).flatmap(
    lambda stage: valid_cases(regimes=("foia",), stage=stage, fees=False)
)


class TestZeroLengthPause:
    @given(running_cases, st.data())
    def test_fee_paid_on_the_day_of_a_weekend_notice(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """A fee asked for and paid on one non-working day moves no deadline."""
        case = scenario.case
        before = deadlines_of(case)
        uk = get_calendar("uk")
        start = day_zero(case)
        due = nth_working_day(uk, start, 20)
        # Before the response: events after it do not touch the response clock.
        closing = [
            e.on
            for e in case.events
            if e.kind in (K.WITHDRAWN, K.TRANSFERRED, K.RESPONSE_SENT)
        ]
        last = min([due - ONE_DAY, *(day - ONE_DAY for day in closing)])
        with provisional_ok():
            weekend = [
                start + timedelta(days=i)
                for i in range(1, (last - start).days + 1)
                if not uk.is_working_day(start + timedelta(days=i))
            ]
        assume(weekend)
        day = data.draw(st.sampled_from(weekend))
        paused = same_options(
            case,
            [
                *case.events,
                CaseEvent(kind=K.FEES_NOTICE, on=day),
                CaseEvent(kind=K.FEE_PAID, on=day),
            ],
        )
        after = deadlines_of(paused)
        assert due_dates(after) == due_dates(before)
        response = after.response
        assert response is not None
        assert response.fee_payment is not None
        as_of = max(scenario.as_of, day)
        old, new = status_of(case, as_of), status_of(paused, as_of)
        assert (new.code, new.working_days_left, new.working_days_overdue) == (
            old.code,
            old.working_days_left,
            old.working_days_overdue,
        )

    @given(
        st.sampled_from(RUNNING).flatmap(
            lambda stage: valid_cases(
                regimes=WORKING_DAY_REGIMES, stage=stage, clarify=False
            )
        )
    )
    def test_clarification_answered_on_the_day_of_receipt(
        self, scenario: Scenario
    ) -> None:
        """A clarification sought and answered on the day of receipt moves nothing."""
        case = scenario.case
        received = case.received_on
        clarified = same_options(
            case,
            [
                *case.events,
                CaseEvent(kind=K.CLARIFICATION_SOUGHT, on=received),
                CaseEvent(kind=K.CLARIFICATION_RECEIVED, on=received),
            ],
        )
        assert due_dates(deadlines_of(clarified)) == due_dates(deadlines_of(case))
        old = status_of(case, scenario.as_of)
        new = status_of(clarified, scenario.as_of)
        assert (new.code, new.working_days_left) == (old.code, old.working_days_left)


def added_one_by_one(case: Case, order: Sequence[CaseEvent]) -> Case:
    """``case`` rebuilt from its receipt with ``with_event``, in ``order``.

    Each event is added as soon as the case with it is valid; any that never can
    be on its own are added together at the end.
    """
    first = case.events[0]
    pending = list(order)
    pending.pop(next(i for i, e in enumerate(pending) if e is first))
    current = same_options(case, [first])
    while pending:
        for index, event in enumerate(pending):
            try:
                grown = current.with_event(event)
            except TimelineError:
                continue
            current = grown
            del pending[index]
            break
        else:
            current = same_options(case, [*current.events, *pending])
            pending = []
    return current


class TestOrderOfConstruction:
    @given(valid_cases(), st.data())
    def test_any_order_makes_the_same_case(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        """The same events in any order make an equal case, with an equal status."""
        case = scenario.case
        order = data.draw(st.permutations(case.events))
        for again in (same_options(case, order), added_one_by_one(case, order)):
            assert again == case
            assert hash(again) == hash(case)
            assert again.events == case.events
            assert status_of(again, scenario.as_of) == status_of(case, scenario.as_of)


policies = st.builds(
    Policies,
    receipt=st.sampled_from(("calendar", "next_working_day")),
    office_hours_cutoff=st.none()
    | st.builds(time, st.integers(0, 23), st.integers(0, 59)),
    fee_pause=st.sampled_from(("literal", "notice_day_counts")),
    fee_window=st.sampled_from(("beginning_with", "corresponding_date")),
    public_interest_cap=st.none() | st.integers(20, 80),
    proclaimed_holidays=st.sampled_from(("latest_known", "as_known_at_receipt")),
    foisa_review_start=st.sampled_from(("statutory", "sic_simplified")),
    sic_application=st.sampled_from(("corresponding_date", "strict_before")),
    requester_window_start=st.sampled_from(("response_date", "received_by_requester")),
    sar_month=st.sampled_from(("ico", "beginning_with", "fixed_28_days")),
    sar_extension=st.sampled_from(("from_relevant_time", "chained")),
    sar_pause=st.sampled_from(("inclusive", "exclusive", "roll_first")),
    tribunal_calendar=st.sampled_from(("england-and-wales", "uk")),
    sar_roll=st.sampled_from(("division", "uk")),
    sar_transition=st.sampled_from(("receipt", "relevant_time")),
)
authority_policies = st.one_of(
    st.sampled_from(("code-of-practice", "twenty", "twenty-or-forty")).map(
        AuthorityPolicy.preset
    ),
    st.builds(
        AuthorityPolicy,
        name=st.text(max_size=5),
        request_window=st.integers(1, 60),
        review_working_days=st.integers(1, 30),
    ),
)


@st.composite
def cases_with_options(draw: st.DrawFn) -> Case:
    """A valid case with any policies, authority policy and division."""
    case = draw(valid_cases()).case
    chosen = draw(st.none() | policies)
    no_estimate = any(
        e.kind is K.PUBLIC_INTEREST_EXTENSION and e.estimate is None
        for e in case.events
    )
    if chosen is not None and no_estimate and chosen.public_interest_cap is None:
        # With no estimate, a public interest extension needs a limit (P5).
        chosen = attrs.evolve(chosen, public_interest_cap=40)
    return attrs.evolve(
        case,
        policies=chosen,
        policy=draw(authority_policies),
        division=draw(st.sampled_from(DIVISIONS)),
    )


class TestJson:
    @given(cases_with_options())
    def test_round_trip(self, case: Case) -> None:
        """A case survives JSON text unchanged, in a document its schema accepts."""
        document = case_to_json(case)
        SCHEMA_VALIDATOR.validate(document)
        assert case_from_json(json.loads(json.dumps(document))) == case

    @given(st.lists(cases_with_options(), max_size=4))
    def test_list_round_trip(self, cases: list[Case]) -> None:
        """A list of cases survives JSON text unchanged, in order."""
        document = cases_to_json(cases)
        SCHEMA_VALIDATOR.validate(document)
        assert cases_from_json(json.loads(json.dumps(document))) == cases


def event_index(path: str) -> int:
    """The event index a ``CaseDataError`` path names."""
    found = re.fullmatch(r"events\[(\d+)\]", path)
    assert found, path
    return int(found.group(1))


class TestInvalidTimelines:
    @given(broken_timelines(), st.data())
    def test_refused_naming_the_event(
        self, example: tuple[Case, Broken], data: st.DataObject
    ) -> None:
        """A timeline that cannot be true is refused, naming the event at fault."""
        case, (events, offender) = example
        shuffled = data.draw(st.permutations(events))
        with pytest.raises(TimelineError) as refused:
            same_options(case, shuffled)
        position = next(
            i for i, e in enumerate(in_document_order(shuffled)) if e is offender
        )
        assert refused.value.param == f"events[{position}]"
        assert refused.value.value == offender.describe()
        document = case_to_json(case)
        document["events"] = [event_json(event) for event in shuffled]
        with pytest.raises(CaseDataError) as bad:
            case_from_json(json.loads(json.dumps(document)))
        assert shuffled[event_index(bad.value.path)] == offender

    @given(valid_cases(), st.integers(1, 400))
    def test_status_before_the_last_event(self, scenario: Scenario, back: int) -> None:
        """A status on a day before an event reads the case as it stood that day."""
        case = scenario.case
        as_of = max(case.events[-1].on - timedelta(days=back), case.received_on)
        later = sum(1 for e in case.events if e.on > as_of)
        assume(later)
        status = status_of(case, as_of)
        assert status.later_events == later
        earlier = status_of(case.known_on(as_of), as_of)
        assert status == attrs.evolve(earlier, later_events=later)
        with pytest.raises(TimelineError) as refused:
            case.check_as_of(as_of)
        first = next(i for i, e in enumerate(case.events) if e.on > as_of)
        assert refused.value.param == f"events[{first}]"


#: Cases with a review, open or done: any case rarely has an open one.
reviewed_cases = valid_cases(stage="review")


class TestPortfolio:
    @given(
        st.lists(valid_cases() | reviewed_cases, max_size=6), st.integers(0, 60), days
    )
    def test_groups_and_overdue(
        self, scenarios: list[Scenario], extra: int, fallback: date
    ) -> None:
        """Every case is in one status group; overdue lists exactly the overdue ones."""
        cases = [s.case for s in scenarios]
        as_of = max([s.as_of for s in scenarios], default=fallback)
        as_of += timedelta(days=extra)
        codes = [status_of(case, as_of).code for case in cases]
        with provisional_ok():
            groups = by_status(cases, as_of)
            late = overdue(cases, as_of)
        assert set(groups) == set(StatusCode)
        for code, members in groups.items():
            assert members == [
                c for c, k in zip(cases, codes, strict=True) if k is code
            ]
        assert sum(len(members) for members in groups.values()) == len(cases)
        expected = Counter(
            id(c) for c, k in zip(cases, codes, strict=True) if k in OVERDUE_CODES
        )
        assert Counter(id(case) for case, _ in late) == expected
        days_late = [status.working_days_overdue or 0 for _, status in late]
        assert days_late == sorted(days_late, reverse=True)
