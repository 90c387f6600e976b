"""Property tests for the engine's rule sets: windows, refusals, lapse and adapters.

Each regime's rule set says which events move the response clock and when the law
lets them: a step outside its window is part of the timeline but moves nothing.
These properties check that, that every surface (a case, the spreadsheet function,
the command line, the batch fill) reads a tracker row the same way, that a valid
timeline never makes the library raise, that an impossible one is refused naming
the right event, and that an unpaid fee lapses the day after its window.
Expectations come from the deadlines of the same case without the event at issue,
or from the day-by-day oracles in :mod:`tests.oracles`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from foi_deadlines import (
    Case,
    CaseDataError,
    CaseEvent,
    CaseEventKind,
    FoiDeadlinesError,
    ReviewOutcome,
    StatusCode,
    TimelineError,
    case_from_json,
    case_to_json,
    cli,
    compliance_stats,
    get_calendar,
    response_deadlines,
    spreadsheet,
)
from foi_deadlines.bank_holidays import Division
from foi_deadlines.batch import DEFAULT_COLUMNS, fill_tracker
from foi_deadlines.clocks import EventKind, ResponseDeadlines, respond
from foi_deadlines.clocks._counting import DEFAULT_CIRCUMSTANCES, circumstances_of
from foi_deadlines.clocks._response import _plan_for, _Walk, unmoved_response
from foi_deadlines.rules import Policies, Window, rule_set
from foi_deadlines.tracker import DATE_FIELDS, TrackerRow
from tests.oracles import nth_working_day, provisional_ok
from tests.properties.test_case_properties import (
    CALENDAR_OF,
    FEE_REGIMES,
    REGIMES,
    Broken,
    add_one,
    broken_timelines,
    cases_with_options,
    deadlines_of,
    event_index,
    event_json,
    fee_window_end,
    fee_without_notice,
    free_days,
    horizon,
    in_document_order,
    received_days,
    same_options,
    spans,
    status_of,
    valid_cases,
)

K = CaseEventKind
ONE_DAY = timedelta(days=1)
FIRST_AS_OF = date(2000, 1, 1)
LAST_AS_OF = date(2100, 12, 31)
REVIEW_KINDS = frozenset({K.REVIEW_REQUESTED, K.REVIEW_EXTENDED, K.REVIEW_OUTCOME})
RUNNING_CODES = frozenset({StatusCode.IN_TIME, StatusCode.DUE_SOON, StatusCode.OVERDUE})
#: Every step of every regime's current rule set that has a window, by regime.
WINDOWED: tuple[tuple[str, CaseEventKind], ...] = tuple(
    (regime, step.kind)
    for regime in REGIMES
    for step in rule_set(regime).steps
    if step.window is not Window.ANY
)


# -- the response stage ----------------------------------------------------------------


def stage_dates(stage: ResponseDeadlines) -> dict[str, date | None]:
    """The due dates of a response stage by name, and the day it lapsed."""
    named = {
        "response": stage.response,
        "refusal_notice": stage.refusal_notice,
        "public_interest": stage.public_interest,
        "extension_notice": stage.extension_notice,
        "fee_payment": stage.fee_payment,
    }
    dates = {name: None if d is None else d.due for name, d in named.items()}
    return {**dates, "lapsed_on": stage.lapsed_on}


def no_effect_days(stage: ResponseDeadlines) -> Counter[date]:
    """The days of the stage's events that had no legal effect, with multiplicity."""
    return Counter(e.on for e in stage.events if e.kind is EventKind.NO_EFFECT)


def window_end(stage: ResponseDeadlines, window: Window) -> date:
    """The last day of ``window``, read from a running stage's deadlines.

    BASE: the time for complying before any extension; NOTICE: the last day to
    give notice of an extension (the base period where none was given); CURRENT:
    the period in force, extended if an extension took effect.
    """
    response, base = stage.response, stage.base
    assert response is not None
    assert base is not None
    if window is Window.CURRENT:
        return response.due
    if window is Window.NOTICE:
        notice = stage.extension_notice or base
        return notice.due
    return base.due


def running_stage(case: Case) -> ResponseDeadlines:
    """The response stage of a case whose clock is running."""
    stage = deadlines_of(case).response
    assert stage is not None
    assert stage.response is not None
    return stage


def keyword_stage(
    received: date,
    regime: str,
    events: Sequence[CaseEvent],
) -> ResponseDeadlines:
    """``response_deadlines`` with ``events`` given as its keyword options."""
    on = {event.kind: event.on for event in events}
    estimate = next((e.estimate for e in events if e.estimate is not None), None)
    with provisional_ok():
        return response_deadlines(
            received,
            regime=regime,
            clarification_sought_on=on.get(K.CLARIFICATION_SOUGHT),
            clarified_on=on.get(K.CLARIFICATION_RECEIVED),
            fee_notice_on=on.get(K.FEES_NOTICE),
            fee_paid_on=on.get(K.FEE_PAID),
            extended_on=on.get(K.EXTENSION) or on.get(K.PUBLIC_INTEREST_EXTENSION),
            public_interest_estimate=estimate,
        )


def late_events(
    draw: st.DrawFn, case: Case, kind: CaseEventKind, end: date
) -> list[CaseEvent]:
    """An event of ``kind`` after ``end``, and the event that closes it if any."""
    step = case.rules.step(kind)
    assert step is not None
    on = end + timedelta(days=draw(st.integers(1, 60)))
    estimate = None
    if kind is K.PUBLIC_INTEREST_EXTENSION and draw(st.booleans()):
        estimate = on + timedelta(days=draw(st.integers(1, 90)))
    events = [CaseEvent(kind=kind, on=on, estimate=estimate)]
    if step.closed_by is not None:
        closed = on + timedelta(days=draw(st.integers(0, 60)))
        events.append(CaseEvent(kind=step.closed_by, on=closed))
    return events


class LateStep(NamedTuple):
    """A running case, and the events of one step taken after its window."""

    case: Case
    late: list[CaseEvent]

    @property
    def with_late(self) -> Case:
        """The case with the late events."""
        return same_options(self.case, [*self.case.events, *self.late])


@st.composite
def late_steps(draw: st.DrawFn) -> LateStep:
    """A case with a running clock and no response, and a step after its window.

    The window's end is read from the deadlines of the case without the step.
    Reviews (which FOISA and the EISR allow with no response) are left out, so
    that a response can be added after.
    """
    regime, kind = draw(st.sampled_from(WINDOWED))
    case = draw(valid_cases(regimes=(regime,), stage="open")).case
    case = same_options(case, [e for e in case.events if e.kind not in REVIEW_KINDS])
    step = case.rules.step(kind)
    assert step is not None
    end = window_end(running_stage(case), step.window)
    return LateStep(case, late_events(draw, case, kind, end))


class LateKeywords(NamedTuple):
    """A request's regime and day, steps in time, and a step after its window."""

    regime: str
    received: date
    earlier: list[CaseEvent]
    late: list[CaseEvent]


@st.composite
def late_keyword_steps(draw: st.DrawFn) -> LateKeywords:
    """A late step as keywords, sometimes after a clarification and an extension."""
    regime, kind = draw(st.sampled_from(WINDOWED))
    received = draw(received_days)
    earlier: list[CaseEvent] = []
    if kind is not K.CLARIFICATION_SOUGHT and draw(st.booleans()):
        # Well inside the first period of every regime (26 days at the least).
        sought = received + timedelta(days=draw(st.integers(0, 10)))
        answered = sought + timedelta(days=draw(st.integers(0, 40)))
        earlier = [
            CaseEvent(kind=K.CLARIFICATION_SOUGHT, on=sought),
            CaseEvent(kind=K.CLARIFICATION_RECEIVED, on=answered),
        ]
    rules = rule_set(regime, received)
    extension = rules.extension_kind
    if extension not in (None, kind) and draw(st.booleans()):
        # Notified in time: on the day the clock last started.
        started = earlier[-1].on if earlier else received
        earlier.append(CaseEvent(kind=extension, on=started))
    case = Case(
        events=[CaseEvent(kind=K.RECEIVED, on=received), *earlier], regime=regime
    )
    step = case.rules.step(kind)
    assert step is not None
    end = window_end(keyword_stage(received, regime, earlier), step.window)
    return LateKeywords(regime, received, earlier, late_events(draw, case, kind, end))


class TestStepsOutsideTheirWindow:
    @given(late_steps(), st.integers(0, 400))
    def test_through_a_case(self, example: LateStep, gap: int) -> None:
        """A step after its window moves no deadline, and each of its events says so."""
        case, late = example
        after = example.with_late
        old, new = running_stage(case), running_stage(after)
        assert stage_dates(new) == stage_dates(old)
        assert new.stopped is None
        assert no_effect_days(new) - no_effect_days(old) == Counter(e.on for e in late)
        as_of = after.events[-1].on + timedelta(days=gap)
        was, now = status_of(case, as_of), status_of(after, as_of)
        assert now.code in RUNNING_CODES
        assert (now.code, now.working_days_left, now.working_days_overdue) == (
            was.code,
            was.working_days_left,
            was.working_days_overdue,
        )
        assert now.deadline is not None
        assert was.deadline is not None
        assert now.deadline.due == was.deadline.due

    @given(late_steps(), st.integers(0, 60), st.integers(0, 60))
    def test_late_response_stays_late(
        self, example: LateStep, wait: int, gap: int
    ) -> None:
        """A response after the original due date stays late with a step out of time."""
        case, late = example
        stage = running_stage(case)
        assert stage.response is not None
        # After the due date, and after the late step, so that the step counts.
        sent_on = max(stage.response.due + ONE_DAY, late[0].on)
        sent_on += timedelta(days=wait)
        sent = CaseEvent(kind=K.RESPONSE_SENT, on=sent_on, outcome="provided")
        answered = same_options(case, [*case.events, sent])
        both = same_options(case, [*case.events, *late, sent])
        as_of = both.events[-1].on + timedelta(days=gap)
        assert status_of(answered, as_of).code is StatusCode.RESPONDED_LATE
        assert status_of(both, as_of).code is StatusCode.RESPONDED_LATE
        assert stage_dates(running_stage(both)) == stage_dates(stage)

    @given(late_keyword_steps())
    def test_through_the_keywords(self, example: LateKeywords) -> None:
        """A step given as a keyword after its window moves nothing, and says so."""
        regime, received, earlier, late = example
        old = keyword_stage(received, regime, earlier)
        new = keyword_stage(received, regime, [*earlier, *late])
        assert new.response is not None
        assert new.stopped is None
        assert stage_dates(new) == stage_dates(old)
        assert no_effect_days(new) - no_effect_days(old) == Counter(e.on for e in late)


# -- the adapters ----------------------------------------------------------------------

#: A tracker row's cells, in the order the batch writes its columns.
ROW_FIELDS = (
    "received",
    "regime",
    "clarification_sought",
    "clarified",
    "fee_notice",
    "fee_paid",
    "extended",
    "public_interest_estimate",
    "responded",
    "review_requested",
    "review_completed",
)
#: The command line's option for each dated field.
CLI_OPTIONS = {
    "clarification_sought": "--clarification-sought",
    "clarified": "--clarified",
    "fee_notice": "--fee-notice",
    "fee_paid": "--fee-paid",
    "public_interest_estimate": "--public-interest-estimate",
    "responded": "--responded",
    "review_requested": "--review-requested",
    "review_completed": "--review-completed",
}
#: What every surface reports for a row it refuses.
REFUSED = "refused"


class Row(NamedTuple):
    """A tracker row as text cells (blank when empty), and the day it is read."""

    cells: dict[str, str]
    as_of: date


def regimes_for(received: date, dates: dict[str, date], extended: str) -> list[str]:
    """The regimes that have every event the row's cells record."""
    kinds = {DATE_FIELDS[name] for name in dates if name in DATE_FIELDS}
    found = []
    for regime in REGIMES:
        rules = rule_set(regime, received)
        extension = rules.extension_kind
        if not kinds <= rules.event_kinds:
            continue
        if extended not in ("", "no") and extension is None:
            continue
        estimated = "public_interest_estimate" in dates
        if estimated and extension is not K.PUBLIC_INTEREST_EXTENSION:
            continue
        found.append(regime)
    return found


def chance(draw: st.DrawFn, percent: int) -> bool:
    """True about ``percent`` times in a hundred (never in the simplest example)."""
    return draw(st.integers(0, 99)) >= 100 - percent


def rarely(draw: st.DrawFn) -> bool:
    """True about one time in eight."""
    return chance(draw, 12)


class _RowDates:
    """The dates of a tracker row being drawn, in order."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.received: date = draw(received_days)
        self.cursor: date = self.received
        self.dates: dict[str, date] = {}

    def put(self, name: str, most: int) -> date:
        """A date for ``name``, from the last one to ``most`` days after it."""
        self.cursor += timedelta(days=self.draw(st.integers(0, most)))
        self.dates[name] = self.cursor
        return self.cursor

    def maybe(self, opening: str, closing: str, most: int) -> None:
        """Sometimes ``opening`` then mostly ``closing``; rarely ``closing`` alone."""
        if chance(self.draw, 50):
            self.put(opening, 25)
            if not rarely(self.draw):
                self.put(closing, most)
        elif rarely(self.draw):
            # Refused, except a subject access fee, which needs no notice.
            self.put(closing, most)

    def answer(self) -> None:
        """Sometimes a response and a review; rarely a review with no response."""
        if chance(self.draw, 60):
            self.put("responded", 60)
            if chance(self.draw, 50):
                self.put("review_requested", 60)
                if chance(self.draw, 50):
                    self.put("review_completed", 40)
        elif rarely(self.draw):
            self.put("review_requested", 60)  # FOISA s20, EISR reg 16


@st.composite
def tracker_rows(draw: st.DrawFn) -> Row:
    """A row of dates in order; mostly valid, sometimes refused by every surface.

    The regime is mostly one that has every column used; sometimes any, and
    sometimes a closing date has no opening one or as_of is before a date.
    """
    row = _RowDates(draw)
    row.maybe("clarification_sought", "clarified", 40)
    row.maybe("fee_notice", "fee_paid", 100)
    written = draw(st.sampled_from(("%Y-%m-%d", "%d/%m/%Y")))
    extended = draw(st.sampled_from(("", "no", "yes", "date")))
    if extended == "date":
        extended = row.put("extended", 30).strftime(written)
    # The estimate is a day to come, not an event: it is not kept in order.
    last_event = row.cursor
    if rarely(draw):
        later = timedelta(days=draw(st.integers(1, 90)))
        row.dates["public_interest_estimate"] = row.cursor + later
    row.answer()
    last_event = max(last_event, row.cursor)
    received, dates = row.received, row.dates
    allowed = regimes_for(received, dates, extended)
    any_regime = rarely(draw) or not allowed
    regime = draw(st.sampled_from(REGIMES if any_regime else allowed))
    cells = dict.fromkeys(ROW_FIELDS, "")
    cells["received"] = received.strftime(written)
    for name, day in dates.items():
        if name != "extended":
            cells[name] = day.strftime(written)
    cells["extended"] = extended
    cells["regime"] = "" if regime == "foia" and draw(st.booleans()) else regime
    if not rarely(draw):
        as_of = last_event + timedelta(days=draw(st.integers(0, 200)))
    else:  # perhaps before a date: every surface refuses a date after as_of
        before = draw(st.integers(0, (last_event - received).days))
        as_of = received + timedelta(days=before)
    return Row(cells, as_of)


def through_a_case(row: Row) -> str:
    """The status code of the row's case, or REFUSED."""
    try:
        with provisional_ok():
            tracked = TrackerRow.from_cells(row.cells, as_of=row.as_of)
            assert tracked is not None
            return str(tracked.to_case().status(row.as_of).code)
    except FoiDeadlinesError:
        return REFUSED


def through_the_spreadsheet(row: Row) -> str:
    """The status code ``FOI_STATUS`` gives, or REFUSED for an error value."""
    cells = {name: value or None for name, value in row.cells.items()}
    result = spreadsheet.case_status(
        cells["received"],
        cells["responded"],
        row.as_of,
        cells["regime"],
        cells["clarification_sought"],
        cells["clarified"],
        cells["fee_notice"],
        cells["fee_paid"],
        cells["extended"],
        cells["review_requested"],
        cells["review_completed"],
        False,
        cells["public_interest_estimate"],
    )
    assert isinstance(result, str)
    return REFUSED if result.startswith("#ERROR") else result


def through_the_command_line(row: Row) -> str:
    """The status ``foi-deadlines status --json`` prints, or REFUSED on exit 1."""
    cells = row.cells
    argv = ["status", cells["received"]]
    if cells["regime"]:
        argv += ["--regime", cells["regime"]]
    for name, option in CLI_OPTIONS.items():
        if cells[name]:
            argv += [option, cells[name]]
    if cells["extended"] == "yes":
        argv.append("--extended")
    elif cells["extended"] not in ("", "no"):
        argv += ["--extended", cells["extended"]]
    argv += ["--as-of", row.as_of.isoformat(), "--json"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    if code == 1:
        assert err.getvalue().startswith("foi-deadlines: error:"), err.getvalue()
        return REFUSED
    assert code == 0, err.getvalue()
    status = json.loads(out.getvalue())["status"]
    assert isinstance(status, str)
    return status


def through_the_batch(row: Row) -> str:
    """The Status code a batch fill of a one-row CSV writes, or REFUSED (an Error)."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp, "tracker.csv"), Path(tmp, "filled.csv")
        with source.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow([DEFAULT_COLUMNS[name] for name in ROW_FIELDS])
            writer.writerow([row.cells[name] for name in ROW_FIELDS])
        summary = fill_tracker(source, target, as_of=row.as_of)
        with target.open(newline="", encoding="utf-8") as stream:
            (filled,) = list(csv.DictReader(stream))
    if filled["Error"]:
        assert summary.failed == 1
        assert not filled["Status"]
        assert not filled["Status code"]
        return REFUSED
    assert summary.filled == 1
    assert filled["Status"].startswith(StatusCode(filled["Status code"]).label)
    return filled["Status code"]


class TestAdaptersAgree:
    @settings(max_examples=100)
    @given(tracker_rows())
    def test_same_status_everywhere(self, row: Row) -> None:
        """A tracker row has one status, or one refusal, on every surface."""
        expected = through_a_case(row)
        assert through_the_spreadsheet(row) == expected
        assert through_the_command_line(row) == expected
        assert through_the_batch(row) == expected


# -- never raises ----------------------------------------------------------------------


@st.composite
def unpaid_fees(draw: st.DrawFn) -> tuple[Case, date]:
    """A FOIA, EIR or FOISA case with a fees notice in time and no payment.

    Sometimes a clarification in time first, and, under the EIR, sometimes an
    extension, which lengthens the period a notice can be given in (reg 8(4)).
    Returns the case and the last day of the window to pay.
    """
    regime = draw(st.sampled_from(FEE_REGIMES))
    received = draw(received_days)
    events = [CaseEvent(kind=K.RECEIVED, on=received)]
    day0 = received
    if draw(st.booleans()):
        sought = received + timedelta(days=draw(st.integers(0, 10)))
        day0 = sought + timedelta(days=draw(st.integers(0, 40)))
        events += [
            CaseEvent(kind=K.CLARIFICATION_SOUGHT, on=sought),
            CaseEvent(kind=K.CLARIFICATION_RECEIVED, on=day0),
        ]
    length = 20
    if regime == "eir" and draw(st.booleans()):
        events.append(CaseEvent(kind=K.EXTENSION, on=day0))
        length = 40
    latest = nth_working_day(get_calendar(CALENDAR_OF[regime]), day0, length)
    notice = day0 + timedelta(days=draw(st.integers(0, (latest - day0).days)))
    events.append(CaseEvent(kind=K.FEES_NOTICE, on=notice))
    return Case(events=events, regime=regime), fee_window_end(regime, notice)


@st.composite
def stale_clarifications(draw: st.DrawFn) -> Case:
    """A clarification sought in time, answered months later or never."""
    regime = draw(st.sampled_from(REGIMES))
    received = draw(received_days)
    sought = received + timedelta(days=draw(st.integers(0, 10)))
    events = [
        CaseEvent(kind=K.RECEIVED, on=received),
        CaseEvent(kind=K.CLARIFICATION_SOUGHT, on=sought),
    ]
    cursor = sought
    if draw(st.booleans()):
        cursor = sought + timedelta(days=draw(st.integers(60, 400)))
        events.append(CaseEvent(kind=K.CLARIFICATION_RECEIVED, on=cursor))
    if draw(st.booleans()):
        sent_on = cursor + timedelta(days=draw(st.integers(0, 90)))
        events.append(CaseEvent(kind=K.RESPONSE_SENT, on=sent_on, outcome="provided"))
    return Case(events=events, regime=regime)


@st.composite
def late_step_cases(draw: st.DrawFn) -> Case:
    """A case with a step after its window, sometimes answered after it."""
    example = draw(late_steps())
    case = example.with_late
    if draw(st.booleans()):
        sent_on = case.events[-1].on + timedelta(days=draw(st.integers(0, 90)))
        case = case.with_event(
            CaseEvent(kind=K.RESPONSE_SENT, on=sent_on, outcome="refused")
        )
    return case


@st.composite
def lapsed_fee_cases(draw: st.DrawFn) -> Case:
    """An unpaid fee: never paid, paid after its window, or recorded as lapsed."""
    case, last = draw(unpaid_fees())
    way = draw(st.sampled_from(("unpaid", "late", "recorded", "in time")))
    after = last + timedelta(days=draw(st.integers(1, 60)))
    if way == "late":
        case = case.with_event(CaseEvent(kind=K.FEE_PAID, on=after))
    elif way == "recorded":
        case = case.with_event(CaseEvent(kind=K.FEES_NOTICE_LAPSED, on=after))
    elif way == "in time":
        case = case.with_event(CaseEvent(kind=K.FEE_PAID, on=last))
    if draw(st.booleans()):
        later = case.events[-1].on + timedelta(days=draw(st.integers(0, 60)))
        if way != "recorded":
            case = case.with_event(
                CaseEvent(kind=K.RESPONSE_SENT, on=later, outcome="not_held")
            )
    return case


@st.composite
def any_valid_cases(draw: st.DrawFn) -> Case:
    """A valid case of any shape, sometimes closed after 3 months unanswered (P17)."""
    case: Case = draw(
        st.one_of(
            valid_cases().map(lambda scenario: scenario.case),
            valid_cases(stage="review").map(lambda scenario: scenario.case),
            cases_with_options(),
            late_step_cases(),
            lapsed_fee_cases(),
            stale_clarifications(),
        )
    )
    if draw(st.booleans()):
        p17 = attrs.evolve(case.policies, clarification_lapse_months=3)
        case = attrs.evolve(case, policies=p17)
    return case


def probe_days(case: Case, data: st.DataObject) -> list[date]:
    """Days to read a case on: receipt, each event and the day after, due dates
    and the day after, the last supported day, and a few in between.
    """
    days = {case.received_on, LAST_AS_OF}
    for event in case.events:
        days.update((event.on, event.on + ONE_DAY))
    for deadline in deadlines_of(case).all():
        days.update((deadline.due, deadline.due + ONE_DAY))
    days.update(data.draw(st.lists(st.dates(case.received_on, LAST_AS_OF), max_size=3)))
    return sorted(day for day in days if case.received_on <= day <= LAST_AS_OF)


class TestValidCasesNeverRaise:
    @settings(max_examples=150)
    @given(any_valid_cases(), st.data())
    def test_status_on_any_day(self, case: Case, data: st.DataObject) -> None:
        """A valid case has a status, deadlines and a current deadline on any day."""
        with provisional_ok():
            deadlines = case.deadlines()
            for day in probe_days(case, data):
                status = case.status(day)
                assert status.as_of == day
                assert status.later_events == sum(e.on > day for e in case.events)
                current = case.current_deadline(day)
                if status.code in RUNNING_CODES:
                    assert current is not None
                    assert status.deadline == current
        assert deadlines.response is not None or any(
            e.kind in (K.WITHDRAWN, K.TRANSFERRED, K.FEES_NOTICE_LAPSED)
            for e in case.events
        )

    @settings(max_examples=100)
    @given(
        st.lists(any_valid_cases(), min_size=1, max_size=3),
        st.lists(
            st.dates(date(1990, 1, 1), date(2110, 12, 31)), min_size=2, max_size=2
        ),
        st.dates(FIRST_AS_OF, LAST_AS_OF),
        st.data(),
    )
    def test_compliance_stats_for_any_period(
        self,
        cases: list[Case],
        bounds: list[date],
        as_of: date,
        data: st.DataObject,
    ) -> None:
        """Compliance figures for any period and any as_of never raise."""
        start, end = min(bounds), max(bounds)
        near = [e.on + ONE_DAY for case in cases for e in case.events]
        as_of = data.draw(st.sampled_from([as_of, *near]))
        with provisional_ok():
            stats = compliance_stats(cases, start, end, as_of=as_of)
        counted = [c for c in cases if start <= c.received_on <= min(end, as_of)]
        assert stats.received == len(counted)
        assert stats.responded == stats.in_time + stats.within_extension + stats.late
        assert stats.reviews_requested == stats.reviews_completed + stats.reviews_open


# -- impossible timelines --------------------------------------------------------------


def foreign_kind(draw: st.DrawFn, case: Case) -> Broken | None:
    """An event of a kind the regime does not have."""
    kinds = sorted(set(CaseEventKind) - case.rules.event_kinds - {K.RECEIVED})
    kind = draw(st.sampled_from(kinds))
    fields: dict[str, Any] = {}
    if kind is K.REVIEW_OUTCOME:
        fields["outcome"] = draw(st.sampled_from(list(ReviewOutcome)))
    choices = free_days(case.received_on, horizon(case), [])
    if kind is K.PUBLIC_INTEREST_EXTENSION and draw(st.booleans()):
        fields["estimate"] = horizon(case) + timedelta(days=30)
    return add_one(draw, case, kind, choices, **fields)


def public_interest_outside_foia(draw: st.DrawFn, case: Case) -> Broken | None:
    """A public interest extension under a regime other than FOIA."""
    choices = free_days(case.received_on, horizon(case), [])
    estimate = horizon(case) + timedelta(days=draw(st.integers(1, 60)))
    return add_one(
        draw,
        case,
        K.PUBLIC_INTEREST_EXTENSION,
        choices,
        estimate=draw(st.sampled_from((None, estimate))),
    )


def unrequested_review_extension(draw: st.DrawFn, case: Case) -> Broken | None:
    """A review extended (FOIA) with no review open."""
    taken = spans(case, K.REVIEW_REQUESTED, (K.REVIEW_OUTCOME,))
    choices = free_days(case.received_on, horizon(case), taken)
    return add_one(draw, case, K.REVIEW_EXTENDED, choices)


#: Each new way, with the regimes whose cases it breaks.
NEW_WAYS = (
    (foreign_kind, REGIMES),
    (fee_without_notice, FEE_REGIMES),
    (public_interest_outside_foia, ("eir", "foisa", "eisr", "sar")),
    (unrequested_review_extension, ("foia",)),
)


@st.composite
def more_broken_timelines(draw: st.DrawFn) -> tuple[Case, Broken]:
    """A valid case and one event that its regime's rules refuse.

    The event at fault is unique of its kind on its day, so that which one is at
    fault does not depend on the order the events are given in.
    """
    way, regimes = draw(st.sampled_from(NEW_WAYS))
    case = draw(valid_cases(regimes=regimes)).case
    broken = way(draw, case)
    assume(broken is not None)
    assert broken is not None
    return case, broken


class TestImpossibleTimelines:
    @settings(max_examples=150)
    @given(st.one_of(broken_timelines(), more_broken_timelines()), st.data())
    def test_refused_naming_the_event(
        self, example: tuple[Case, Broken], data: st.DataObject
    ) -> None:
        """An impossible timeline is refused by Case and by JSON, naming its event."""
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


# -- lapse -----------------------------------------------------------------------------


def day_between(data: st.DataObject, first: date, last: date) -> date:
    """A day from ``first`` to ``last``, both included."""
    return first + timedelta(days=data.draw(st.integers(0, (last - first).days)))


class TestLapse:
    @given(unpaid_fees(), st.data())
    def test_unpaid_fee_lapses_the_day_after_its_window(
        self, example: tuple[Case, date], data: st.DataObject
    ) -> None:
        """Unpaid, a fee is awaited to its window's last day, lapsed from the next."""
        case, last = example
        notice = case.events[-1].on
        stage = deadlines_of(case).response
        assert stage is not None
        assert stage.response is None
        assert stage.fee_payment is not None
        assert stage.fee_payment.due == last
        assert stage.lapsed_on == last + ONE_DAY
        waiting = {notice, last, day_between(data, notice, last)}
        after = last + timedelta(days=data.draw(st.integers(1, 400)))
        for day in waiting:
            assert status_of(case, day).code is StatusCode.AWAITING_FEE
        for day in (last + ONE_DAY, after):
            assert status_of(case, day).code is StatusCode.LAPSED

    @given(unpaid_fees(), st.integers(1, 60), st.data())
    def test_late_payment_lapses_the_day_after_its_window(
        self, example: tuple[Case, date], late: int, data: st.DataObject
    ) -> None:
        """A fee paid after its window has no effect: lapsed from the day after it."""
        case, last = example
        notice = case.events[-1].on
        paid_on = last + timedelta(days=late)
        paid = case.with_event(CaseEvent(kind=K.FEE_PAID, on=paid_on))
        stage = deadlines_of(paid).response
        assert stage is not None
        assert stage.response is None
        assert stage.lapsed_on == last + ONE_DAY
        assert no_effect_days(stage)[paid_on] == 1
        for day in (notice, last, day_between(data, notice, last)):
            assert status_of(paid, day).code is StatusCode.AWAITING_FEE
        for day in (last + ONE_DAY, paid_on, paid_on + timedelta(days=late)):
            assert status_of(paid, day).code is StatusCode.LAPSED
        keywords = keyword_stage(case.received_on, case.regime, paid.events[1:])
        assert keywords.response is None
        assert keywords.lapsed_on == last + ONE_DAY
        assert no_effect_days(keywords)[paid_on] == 1

    @given(unpaid_fees())
    def test_payment_on_the_last_day_restarts_the_clock(
        self, example: tuple[Case, date]
    ) -> None:
        """A fee paid on the window's last day is in time: the clock runs again."""
        case, last = example
        paid = case.with_event(CaseEvent(kind=K.FEE_PAID, on=last))
        stage = deadlines_of(paid).response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due > last
        assert stage.lapsed_on is None
        assert status_of(paid, last).code in RUNNING_CODES


class TestWalkFreeAnswer:
    """The engine's fast path for a request nothing has happened to gives what the
    full walk gives, for every regime and edition, on any day, under any policies
    that leave day 0 where it is, in any part of the UK."""

    @settings(max_examples=300)
    @given(
        st.sampled_from(REGIMES),
        st.dates(date(2000, 1, 1), date(2100, 12, 31)),
        st.sampled_from(
            (
                Policies(),
                Policies(fee_pause="notice_day_counts"),
                Policies(sar_month="beginning_with"),
                Policies(sar_month="fixed_28_days", sar_extension="chained"),
                Policies(sar_pause="exclusive", sar_roll="uk"),
                Policies(proclaimed_holidays="as_known_at_receipt"),
                Policies(holiday_source="standing_rules"),
                Policies(sar_transition="relevant_time"),
            )
        ),
        st.sampled_from(tuple(Division)),
    )
    def test_same_as_the_walk(
        self, regime: str, day: date, policies: Policies, division: Division
    ) -> None:
        rules = rule_set(regime, day)
        circumstances = circumstances_of(policies=policies, division=division)
        plan = _plan_for(rules, circumstances, day)
        assert plan.plain
        full = _Walk(plan, day, None).finish().deadlines()
        assert respond(rules, (), circumstances, received=day) == full
        if circumstances == DEFAULT_CIRCUMSTANCES:
            assert unmoved_response(rules, day) == full.response
            assert response_deadlines(day, regime=regime) == full
