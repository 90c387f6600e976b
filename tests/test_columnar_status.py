"""The status of tracker rows over columns: equal to ``Case.status`` on every row."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_deadlines import _columnar
from foi_deadlines._columnar import NULL_DAY, ClockState, ResponseArrays
from foi_deadlines._columnar_status import (
    NO_COUNT,
    NO_STATUS,
    STATUS_CODES,
    StatusArrays,
    status_arrays,
)
from foi_deadlines.bank_holidays import Division
from foi_deadlines.cases import StatusCode
from foi_deadlines.clocks import circumstances_of, timeline_problems
from foi_deadlines.clocks._response import Fact, walk_response
from foi_deadlines.errors import FoiDeadlinesError, InvalidInputError
from foi_deadlines.rules import Policies, Regime, rule_set
from foi_deadlines.rules._policies import (
    FeeWindow,
    FoisaReviewStart,
    Receipt,
    SicApplication,
    authority_policy_of,
    policies_of,
)
from foi_deadlines.timeline import RANK, CaseEvent, CaseEventKind
from foi_deadlines.tracker import DATE_FIELDS, TrackerRow
from tests.oracles import provisional_ok
from tests.strategies import days

EPOCH = date(1970, 1, 1)
FIRST_DAY = date(2000, 1, 1)
REGIMES = tuple(Regime)
#: The regimes most rows are drawn from: every column has a meaning under FOIA.
COMMON = (Regime.FOIA, Regime.FOIA, Regime.EIR, Regime.FOISA)
DATED = tuple(DATE_FIELDS)
_CLOCK = {
    "clarification_sought_on": CaseEventKind.CLARIFICATION_SOUGHT,
    "clarified_on": CaseEventKind.CLARIFICATION_RECEIVED,
    "identity_confirmed_on": CaseEventKind.IDENTITY_CONFIRMED,
    "fee_notice_on": CaseEventKind.FEES_NOTICE,
    "fee_paid_on": CaseEventKind.FEE_PAID,
}


def _date(value: int) -> date | None:
    return None if value == NULL_DAY else EPOCH + timedelta(days=int(value))


def _epoch(value: date | None) -> int:
    return NULL_DAY if value is None else (value - EPOCH).days


# -- a slow reference for the engine over columns, per row through the walk ----------


def reference_response_arrays(  # noqa: PLR0915 - the engine's signature
    received: Any,
    regime: Any,
    *,
    clarification_sought_on: Any = None,
    clarified_on: Any = None,
    fee_notice_on: Any = None,
    fee_paid_on: Any = None,
    identity_confirmed_on: Any = None,
    extended_on: Any = None,
    public_interest_estimate: Any = None,
    division: Division = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: Any = None,
) -> ResponseArrays:
    """``response_arrays`` one row at a time through ``walk_response``."""
    n = len(received)
    given = {
        "clarification_sought_on": clarification_sought_on,
        "clarified_on": clarified_on,
        "fee_notice_on": fee_notice_on,
        "fee_paid_on": fee_paid_on,
        "identity_confirmed_on": identity_confirmed_on,
    }
    columns = {
        k: np.full(n, NULL_DAY, np.int64) if v is None else np.asarray(v)
        for k, v in given.items()
    }
    ext = np.full(n, NULL_DAY) if extended_on is None else np.asarray(extended_on)
    pie = (
        np.full(n, NULL_DAY)
        if public_interest_estimate is None
        else np.asarray(public_interest_estimate)
    )
    chosen = policies_of(policies)
    circ = circumstances_of(
        policies=chosen,
        data=data,
        division=division,
        authority=authority_policy_of(None),
    )
    out = {
        k: np.full(n, NULL_DAY, np.int64)
        for k in ("base_due", "final_due", "fee_due", "lapsed_on", "abandoned_on")
    }
    state = np.full(n, ClockState.NULL, np.int8)
    calendar = np.full(n, -1, np.int8)
    calendars: list[Any] = []
    errors: list[tuple[int, str]] = []
    for i in range(n):
        day = _date(received[i])
        if day is None:
            continue
        try:
            rules = rule_set(REGIMES[int(regime[i])], day)
            events = [
                CaseEvent(kind=kind, on=_date(columns[k][i]))
                for k, kind in _CLOCK.items()
                if columns[k][i] != NULL_DAY
            ]
            if ext[i] != NULL_DAY:
                kind = rules.extension_kind
                assert kind is not None
                estimate = (
                    _date(pie[i])
                    if kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
                    else None
                )
                events.append(CaseEvent(kind=kind, on=_date(ext[i]), estimate=estimate))
            events.sort(key=lambda e: (e.on, RANK[e.kind]))
            timeline = [CaseEvent(kind="received", on=day), *events]
            for _, problem in timeline_problems(rules, timeline, chosen):
                raise InvalidInputError("events", timeline, problem)
            walk = walk_response(
                rules,
                [Fact(e.kind, e.on, e.estimate) for e in events],
                circ,
                received=day,
            )
            stage = walk.deadlines()
        except (FoiDeadlinesError, AssertionError) as error:
            state[i] = ClockState.INVALID
            errors.append((i, str(error)))
            continue
        out["base_due"][i] = _epoch(walk.base_due)
        out["final_due"][i] = _epoch(walk.final_due)
        out["fee_due"][i] = _epoch(
            None if stage.fee_payment is None else stage.fee_payment.due
        )
        out["lapsed_on"][i] = _epoch(stage.lapsed_on)
        out["abandoned_on"][i] = _epoch(stage.abandoned_on)
        final = walk.final_deadline()
        if final is not None:
            state[i] = ClockState.RUNNING
            if final.calendar is not None:
                if final.calendar not in calendars:
                    calendars.append(final.calendar)
                calendar[i] = calendars.index(final.calendar)
        elif stage.stopped is not None:
            state[i] = (
                ClockState.AWAITING_FEE
                if stage.stopped.awaiting == "fee"
                else ClockState.AWAITING_CLARIFICATION
            )
        elif stage.lapsed_on is not None:
            state[i] = ClockState.LAPSED
        else:
            state[i] = ClockState.ABANDONED
    return ResponseArrays(
        base_due=out["base_due"],
        final_due=out["final_due"],
        state=state,
        fee_due=out["fee_due"],
        lapsed_on=out["lapsed_on"],
        abandoned_on=out["abandoned_on"],
        calendar=calendar,
        calendars=tuple(calendars),
        errors=tuple(errors),
    )


@pytest.fixture(autouse=True, params=["reference", "engine"])
def _engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test twice: over the slow reference, and over the engine over columns.

    The reference isolates this module's own reading; the engine is what the
    library runs (skipped while ``_columnar`` has no ``response_arrays``).
    """
    if request.param == "reference":
        monkeypatch.setattr(
            _columnar, "response_arrays", reference_response_arrays, raising=False
        )
    elif not hasattr(_columnar, "response_arrays"):
        pytest.skip("the engine over columns has no response_arrays yet")


# -- rows, and what Case.status says of each ------------------------------------------

Row = dict[str, Any]


def columns(rows: list[Row]) -> dict[str, Any]:
    """The keyword columns of ``status_arrays`` for ``rows``."""
    found: dict[str, Any] = {
        "received": np.array([_epoch(r["received"]) for r in rows], np.int64),
        "regime": np.array([REGIMES.index(r["regime"]) for r in rows], np.int8),
    }
    for name in (*DATED, "public_interest_estimate"):
        found[name] = np.array([_epoch(r.get(name)) for r in rows], np.int64)
    found["extended"] = np.array([r.get("extended") is True for r in rows], bool)
    found["extended_on"] = np.array(
        [
            _epoch(r["extended"]) if isinstance(r.get("extended"), date) else NULL_DAY
            for r in rows
        ],
        np.int64,
    )
    return found


def expected(
    row: Row, as_of: date, policies: Policies | None = None
) -> tuple[int, ...] | None:
    """From ``Case.status``: ``(code, due, left, overdue)``, then the response
    deadline and whether it is provisional, as the tracker fill reads them; None
    if refused."""
    try:
        tracked = TrackerRow(**row)
        tracked.check_as_of(as_of)
        case = tracked.to_case(policies=policies)
        status = case.status(as_of)
        stage = case.deadlines().response
    except FoiDeadlinesError:
        return None
    deadline = status.deadline
    response = None if stage is None else stage.response
    return (
        STATUS_CODES.index(status.code),
        _epoch(None if deadline is None else deadline.due),
        NO_COUNT if status.working_days_left is None else status.working_days_left,
        NO_COUNT
        if status.working_days_overdue is None
        else status.working_days_overdue,
        _epoch(None if response is None else response.due),
        int(response is not None and response.provisional),
    )


def got(result: StatusArrays, i: int) -> tuple[int, ...] | None:
    if result.code[i] == NO_STATUS:
        return None
    return (
        int(result.code[i]),
        int(result.due[i]),
        int(result.working_days_left[i]),
        int(result.working_days_overdue[i]),
        int(result.response_due[i]),
        int(result.response_provisional[i]),
    )


def check(
    rows: list[Row], as_of: date, policies: Policies | None = None
) -> StatusArrays:
    """Every row's status over columns equals its case's status, or both refuse."""
    with provisional_ok():
        result = status_arrays(**columns(rows), as_of=as_of, policies=policies)
        for i, row in enumerate(rows):
            assert got(result, i) == expected(row, as_of, policies), (i, row)
    refused = {i for i in range(len(rows)) if result.code[i] == NO_STATUS}
    assert {i for i, _ in result.errors} == refused
    return result


# -- rows as a tracker holds them, mostly in order -------------------------------------


@st.composite
def tracker_rows(draw: st.DrawFn, base: date) -> Row:  # noqa: PLR0912 - a field each
    """A row received near ``base``: dates mostly in order, sometimes not."""
    received = base - timedelta(days=draw(st.integers(0, 60)))
    regime = draw(st.sampled_from((*REGIMES, *COMMON)))
    row: Row = {"received": received, "regime": regime}
    cursor = received

    def put(name: str, most: int) -> None:
        nonlocal cursor
        if draw(st.integers(0, 7)) == 0:  # out of order, or before receipt
            day = cursor + timedelta(days=draw(st.integers(-40, 40)))
        else:
            day = cursor + timedelta(days=draw(st.integers(0, most)))
            cursor = day
        row[name] = day

    # Now and then a closing event with no opening one: a clarification received
    # with no request for it, a fee paid with no notice.
    if draw(st.integers(0, 4)) == 0:
        if draw(st.integers(0, 5)):
            put("clarification_sought", 10)
        if draw(st.integers(0, 3)):
            put("clarified", 20)
    if draw(st.integers(0, 9)) == 0:
        put("identity_confirmed", 10)
    if draw(st.integers(0, 6)) == 0:
        if draw(st.integers(0, 5)):
            put("fee_notice", 10)
        if draw(st.integers(0, 2)):
            put("fee_paid", 60)
    extended = draw(st.sampled_from(("no", "no", "no", "yes", "date")))
    if extended == "yes":
        row["extended"] = True
    elif extended == "date":
        put("extended", 25)
    if draw(st.integers(0, 7)) == 0:
        row["public_interest_estimate"] = cursor + timedelta(
            days=draw(st.integers(-5, 60))
        )
    if draw(st.integers(0, 9)) < 6:
        put("responded", 35)
        if draw(st.booleans()):
            put("review_requested", 30)
            if draw(st.booleans()):
                put("review_completed", 30)
    elif draw(st.integers(0, 9)) == 0:
        put("review_requested", 30)
    if draw(st.integers(0, 9)) == 0:
        put("withdrawn", 20)
    return row


@st.composite
def trackers(draw: st.DrawFn) -> tuple[list[Row], date]:
    """Some rows and the day they are read on."""
    base = draw(days)
    rows = draw(st.lists(tracker_rows(base), min_size=1, max_size=25))
    later = draw(
        st.integers(-20, 0) if draw(st.integers(0, 7)) == 0 else st.integers(0, 150)
    )
    as_of = max(base + timedelta(days=later), FIRST_DAY)
    return rows, as_of


_ANSWERED = frozenset(
    STATUS_CODES.index(code)
    for code in (
        StatusCode.RESPONDED_IN_TIME,
        StatusCode.RESPONDED_WITHIN_EXTENSION,
        StatusCode.RESPONDED_LATE,
    )
)


#: The default policies, and choices that move the stages read here.
POLICIES = (
    None,
    Policies(clarification_lapse_months=2, fee_window=FeeWindow.CORRESPONDING_DATE),
    Policies(
        foisa_review_start=FoisaReviewStart.SIC_SIMPLIFIED,
        sic_application=SicApplication.STRICT_BEFORE,
        receipt=Receipt.NEXT_WORKING_DAY,
    ),
)


@settings(max_examples=100)
@given(
    trackers(),
    st.lists(st.integers(-6, 2), min_size=1, max_size=4),
    st.sampled_from(POLICIES),
)
def test_equals_case_status_on_every_row(
    tracker: tuple[list[Row], date], shifts: list[int], policies: Policies | None
) -> None:
    """Code, due, working days left and overdue equal ``Case.status`` on every row.

    Read on the day drawn; then on days around a deadline of each status found
    (where "due soon" turns to "overdue" and a fee window closes); then with
    each response moved to around its deadline.
    """
    rows, as_of = tracker
    result = check(rows, as_of, policies)
    by_code = {
        int(c): int(d)
        for c, d in zip(result.code, result.due, strict=True)
        if d != NULL_DAY
    }
    for shift, due in zip(shifts, sorted(by_code.values()), strict=False):
        check(rows, max(EPOCH + timedelta(days=due + shift), FIRST_DAY), policies)
    moved = [
        {**row, "responded": _date(int(result.due[i]) + shift)}
        for i, row in enumerate(rows)
        if result.code[i] in _ANSWERED and result.due[i] != NULL_DAY
        for shift in (-1, 0, 1)
    ]
    if moved:
        check(moved, max(as_of, *(row["responded"] for row in moved)), policies)


# -- worked examples ------------------------------------------------------------------

AS_OF = date(2025, 1, 20)
FOIA, EIR, FOISA, SAR = Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.SAR


def _row(received: date, regime: Regime = FOIA, **dates: Any) -> Row:
    return {"received": received, "regime": regime, **dates}


SHAPES: Mapping[str, tuple[Row, StatusCode]] = {
    "in time": (_row(date(2025, 1, 10)), StatusCode.IN_TIME),
    "due soon over Christmas": (_row(date(2024, 12, 19)), StatusCode.DUE_SOON),
    "overdue": (_row(date(2024, 11, 1)), StatusCode.OVERDUE),
    "awaiting clarification": (
        _row(date(2025, 1, 2), clarification_sought=date(2025, 1, 6)),
        StatusCode.AWAITING_CLARIFICATION,
    ),
    "clarified": (
        _row(
            date(2024, 12, 2),
            clarification_sought=date(2024, 12, 4),
            clarified=date(2025, 1, 6),
        ),
        StatusCode.IN_TIME,
    ),
    "awaiting fee": (
        _row(date(2025, 1, 2), fee_notice=date(2025, 1, 8)),
        StatusCode.AWAITING_FEE,
    ),
    "lapsed": (
        _row(date(2024, 9, 2), fee_notice=date(2024, 9, 4)),
        StatusCode.LAPSED,
    ),
    "responded in time": (
        _row(date(2024, 12, 2), responded=date(2024, 12, 20)),
        StatusCode.RESPONDED_IN_TIME,
    ),
    "within extension": (
        _row(date(2024, 11, 1), EIR, extended=True, responded=date(2024, 12, 20)),
        StatusCode.RESPONDED_WITHIN_EXTENSION,
    ),
    "late": (
        _row(date(2024, 10, 1), responded=date(2025, 1, 6)),
        StatusCode.RESPONDED_LATE,
    ),
    "subject access": (
        _row(date(2025, 1, 2), SAR, identity_confirmed=date(2025, 1, 3)),
        StatusCode.IN_TIME,
    ),
    "review open": (
        _row(
            date(2024, 11, 1),
            responded=date(2024, 11, 20),
            review_requested=date(2025, 1, 6),
        ),
        StatusCode.REVIEW_OPEN,
    ),
    "review overdue": (
        _row(
            date(2024, 9, 2),
            FOISA,
            responded=date(2024, 9, 20),
            review_requested=date(2024, 10, 1),
        ),
        StatusCode.REVIEW_OVERDUE,
    ),
    "review completed": (
        _row(
            date(2024, 9, 2),
            EIR,
            responded=date(2024, 9, 20),
            review_requested=date(2024, 10, 1),
            review_completed=date(2024, 10, 30),
        ),
        StatusCode.CLOSED,
    ),
    "withdrawn": (
        _row(date(2025, 1, 2), withdrawn=date(2025, 1, 8)),
        StatusCode.CLOSED,
    ),
}


def test_every_common_shape_is_read_in_bulk() -> None:
    """Each common shape gets its status without the scalar path."""
    rows = [row for row, _ in SHAPES.values()]
    result = check(rows, AS_OF)
    assert [STATUS_CODES[c] for c in result.code] == [c for _, c in SHAPES.values()]
    assert result.scalar_rows == 0


def test_worked_counts() -> None:
    """Received 19 Dec 2024, FOIA: due 22 Jan 2025 over Christmas, 2 days left."""
    result = check([_row(date(2024, 12, 19)), _row(date(2024, 11, 1))], AS_OF)
    assert _date(result.due[0]) == date(2025, 1, 22)
    assert result.working_days_left[0] == 2
    assert result.working_days_overdue[0] == NO_COUNT
    # Received 1 Nov 2024: due 29 Nov; by 20 Jan, 31 working days late on the UK
    # calendar, which also keeps St Andrew's Day (2 Dec) and 2 January.
    assert _date(result.due[1]) == date(2024, 11, 29)
    assert result.working_days_overdue[1] == 31


@pytest.mark.parametrize("policies", POLICIES)
def test_the_day_a_fee_window_or_clarification_closes(
    policies: Policies | None,
) -> None:
    """Awaiting a fee up to the last day to pay, lapsed the day after; and so for
    a clarification never answered, where policy P17 closes it."""
    fee = _row(date(2024, 9, 2), fee_notice=date(2024, 9, 4))
    asked = _row(date(2024, 9, 2), clarification_sought=date(2024, 9, 4))
    first = check([fee, asked], date(2024, 9, 5), policies)
    fee_due = _date(int(first.due[0]))
    assert fee_due is not None
    for day in (fee_due, fee_due + timedelta(days=1)):
        check([fee], day, policies)
    closes = date(2024, 11, 4)  # two months after 4 September
    for day in (closes - timedelta(days=1), closes, closes + timedelta(days=1)):
        check([asked], day, policies)


def test_refused_rows_give_the_batch_message() -> None:
    """A date after as_of, and a FOISA extension, are refused with the fill's words."""
    rows = [
        _row(date(2025, 1, 10), responded=date(2025, 2, 1)),
        _row(date(2025, 1, 10), FOISA, extended=True),
        _row(date(2025, 1, 10)),
    ]
    result = check(rows, AS_OF)
    messages = dict(result.errors)
    assert messages[0] == (
        "responded (2025-02-01): it is after as_of (2025-01-20); an event cannot be "
        "in the future"
    )
    assert messages[1].startswith("extended (True): ")
    assert 2 not in messages
    assert result.code[2] == STATUS_CODES.index(StatusCode.IN_TIME)


def test_duplicates_are_read_once() -> None:
    """Rows the scalar path reads are read once each, however often they repeat."""
    odd = _row(date(2025, 1, 10), review_requested=date(2025, 1, 13))  # no response
    result = check([odd] * 50 + [_row(date(2025, 1, 10))], AS_OF)
    assert result.scalar_rows == 1


def test_blank_rows_have_no_status() -> None:
    """A row with no received day is blank: no status and no error."""
    result = status_arrays(
        np.array([NULL_DAY], np.int64), np.array([0], np.int8), as_of=AS_OF
    )
    assert result.code.tolist() == [NO_STATUS]
    assert result.errors == ()


@pytest.mark.parametrize(
    ("change", "param"),
    [
        ({"regime": np.array([0, 0], np.int8)}, "regime"),
        ({"responded": np.array([1.5])}, "responded"),
        ({"as_of": "2025-01-20"}, "as_of"),
        ({"due_soon_working_days": -1}, "due_soon_working_days"),
        ({"extended": np.array([1])}, "extended"),
    ],
)
def test_bad_arguments_are_refused(change: dict[str, Any], param: str) -> None:
    """Columns of the wrong kind or length, and bad options, name the parameter."""
    arguments: dict[str, Any] = {
        "received": np.array([_epoch(date(2025, 1, 6))], np.int64),
        "regime": np.array([0], np.int8),
        "as_of": AS_OF,
        **change,
    }
    with pytest.raises(InvalidInputError) as caught:
        status_arrays(**arguments)
    assert caught.value.param == param


def test_days_out_of_range_are_refused_naming_the_field() -> None:
    """A day no date can be, or a regime code past the table, is a refused row."""
    day = _epoch(date(2025, 1, 6))
    result = status_arrays(
        np.array([day, 10**12, day, day], np.int64),
        np.array([0, 0, len(REGIMES), 0], np.int8),
        responded=np.array([NULL_DAY, NULL_DAY, NULL_DAY, NULL_DAY + 5], np.int64),
        as_of=AS_OF,
    )
    assert result.code[0] == STATUS_CODES.index(StatusCode.IN_TIME)
    assert [(i, m.split(" must be ")[0]) for i, m in result.errors] == [
        (1, "received"),
        (2, "regime"),
        (3, "responded"),
    ]
