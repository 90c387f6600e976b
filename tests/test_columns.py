"""foi_deadlines.columns: every row equals the scalar functions, for every kind."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_deadlines import columns
from foi_deadlines._columnar import (
    NULL_DAY,
    REGIMES,
    ClockState,
    _period_ends,
    _unmoved_table,
    response_arrays,
)
from foi_deadlines.bank_holidays import FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY
from foi_deadlines.calendars import get_calendar
from foi_deadlines.clocks import period_end
from foi_deadlines.clocks._counting import DEFAULT_CIRCUMSTANCES, holiday_key
from foi_deadlines.clocks._response import _plan_for, walked
from foi_deadlines.errors import (
    ClockStoppedError,
    FoiDeadlinesError,
    InvalidInputError,
    ProvisionalDateWarning,
    RequestLapsedError,
    RowError,
)
from foi_deadlines.responses import response_deadlines
from foi_deadlines.responses import response_due as scalar_due
from foi_deadlines.reviews import review_due as scalar_review_due
from foi_deadlines.rules import RULE_SETS, End, Policies, Regime, Unit
from tests.strategies import days

np = pytest.importorskip("numpy")

EPOCH = date(1970, 1, 1)
DATE_OPTIONS = (
    "clarification_sought_on",
    "clarified_on",
    "fee_notice_on",
    "fee_paid_on",
    "identity_confirmed_on",
    "extended_on",
    "public_interest_estimate",
)
REFUSED = "refused"
EDITIONS = [edition for editions in RULE_SETS.values() for edition in editions]
EDITION_IDS = [
    f"{edition.regime.value}-{edition.in_force_from or 'first'}" for edition in EDITIONS
]

#: The shapes of timeline the fast paths take, and any mix of options.
SHAPES = (
    (),
    ("clarification_sought_on",),
    ("clarified_on",),
    ("clarification_sought_on", "clarified_on"),
    ("fee_notice_on",),
    ("fee_notice_on", "fee_paid_on"),
    ("fee_paid_on",),
    ("extended",),
    ("extended_on",),
    ("public_interest_estimate",),
    ("identity_confirmed_on",),
)


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    """One request: a regime, a day of receipt and some options, valid or not."""
    received = draw(days)
    regime = draw(st.sampled_from(REGIMES))
    row: dict[str, Any] = {"received": received, "regime": regime}
    shape = draw(
        st.sampled_from(SHAPES)
        | st.sampled_from(SHAPES[1:4])
        | st.lists(st.sampled_from((*DATE_OPTIONS, "extended")), max_size=4).map(tuple)
    )
    base = scalar({"received": received, "regime": regime})
    cursor = received
    for name in DATE_OPTIONS:
        if name in shape:
            if isinstance(base, date) and draw(st.booleans()):
                # On the last day of the time for complying, or just either side.
                cursor = max(cursor, base) + timedelta(days=draw(st.integers(-2, 2)))
            else:
                # Mostly in order and in time; sometimes late, sometimes before.
                step = draw(st.integers(0, 45) | st.integers(-3, 120))
                cursor += timedelta(days=step)
            row[name] = cursor
    row["extended"] = "extended" in shape
    return row


@st.composite
def clarified_and_extended(draw: st.DrawFn) -> dict[str, Any]:
    """Clarification (sought, received, or both) and an extension notified on a
    day, each placed independently, often on the same day as another."""
    received = draw(days)
    row: dict[str, Any] = {
        "received": received,
        "regime": draw(st.sampled_from(REGIMES)),
        "extended": False,
    }
    sought = received + timedelta(days=draw(st.integers(0, 30)))
    clarified = sought + timedelta(days=draw(st.integers(0, 40) | st.integers(30, 45)))
    if draw(st.booleans()):
        row["clarification_sought_on"] = sought
    if draw(st.integers(0, 3)):
        row["clarified_on"] = clarified
    row["extended_on"] = draw(
        st.sampled_from((received, sought, clarified))
        | st.integers(-2, 90).map(lambda step: received + timedelta(days=step))
        # Around the end of a window counted from receipt (a month, 20 working
        # days), where being before or after the clarification matters.
        | st.integers(26, 34).map(lambda step: received + timedelta(days=step))
    )
    return row


def scalar(row: dict[str, Any], policies: Policies | None = None) -> object:
    """The scalar answer: the date, ``None`` for a stopped clock, or REFUSED."""
    options: dict[str, Any] = {name: row.get(name) for name in DATE_OPTIONS}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        try:
            return scalar_due(
                row["received"],
                regime=row["regime"],
                extended=row.get("extended", False),
                policies=policies,
                **options,
            ).due
        except (ClockStoppedError, RequestLapsedError):
            return None
        except FoiDeadlinesError as error:
            return (REFUSED, str(error))


def as_columns(batch: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "received": [row["received"] for row in batch],
        "regime": [str(row["regime"]) for row in batch],
        "extended": [row.get("extended", False) for row in batch],
        **{name: [row.get(name) for row in batch] for name in DATE_OPTIONS},
    }


def quietly(function: Any, *args: Any, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        return function(*args, **kwargs)


def epoch(day: date | None) -> int:
    return NULL_DAY if day is None else (day - EPOCH).days


class TestEqualsScalar:
    @given(st.lists(rows(), min_size=4, max_size=16))
    def test_every_row(self, batch: list[dict[str, Any]]) -> None:
        """Every row is the scalar date, a null where it stops or is refused."""
        given_columns = as_columns(batch)
        received = given_columns.pop("received")
        got = quietly(columns.response_due, received, **given_columns, errors="coerce")
        expected = [scalar(row) for row in batch]
        assert got == [None if isinstance(e, tuple) else e for e in expected]
        refused = [i for i, e in enumerate(expected) if isinstance(e, tuple)]
        if refused:
            with pytest.raises(RowError) as caught:
                quietly(columns.response_due, received, **given_columns)
            first = expected[refused[0]]
            assert isinstance(first, tuple)
            assert caught.value.position == refused[0]
            assert caught.value.problem == first[1]
            assert caught.value.refused == len(refused)
        else:
            assert quietly(columns.response_due, received, **given_columns) == got

    @given(st.lists(clarified_and_extended(), min_size=4, max_size=16))
    def test_clarification_and_a_dated_extension_in_any_order(
        self, batch: list[dict[str, Any]]
    ) -> None:
        """The walk's order of events: an extension before, during or after the
        stop for clarification, or on the same day as either event."""
        given_columns = as_columns(batch)
        received = given_columns.pop("received")
        got = quietly(columns.response_due, received, **given_columns, errors="coerce")
        expected = [scalar(row) for row in batch]
        assert got == [None if isinstance(e, tuple) else e for e in expected]

    @given(st.lists(rows(), min_size=2, max_size=10))
    def test_the_arrays_match_the_stage(self, batch: list[dict[str, Any]]) -> None:
        """The engine's arrays are the scalar stage's: state, fee window, lapse."""
        arrays = _arrays_of(batch)
        for index, row in enumerate(batch):
            options: dict[str, Any] = {name: row.get(name) for name in DATE_OPTIONS}
            try:
                stage = response_deadlines(
                    row["received"],
                    regime=row["regime"],
                    extended=row["extended"],
                    **options,
                )
            except FoiDeadlinesError as error:
                refused: FoiDeadlinesError | None = error
            else:
                refused = None
            if refused is not None:
                assert arrays.state[index] == ClockState.INVALID
                assert (index, str(refused)) in arrays.errors
                continue
            response = stage.response
            assert arrays.final_due[index] == epoch(
                None if response is None else response.due
            )
            if response is not None:
                assert arrays.state[index] == ClockState.RUNNING
                if response.calendar is None:
                    assert arrays.calendar[index] == -1
                else:
                    assert arrays.calendars[arrays.calendar[index]] is response.calendar
                base = stage.base
                assert base is not None
                assert arrays.base_due[index] == epoch(base.due)
            elif stage.stopped is not None:
                assert arrays.state[index] in (
                    ClockState.AWAITING_CLARIFICATION,
                    ClockState.AWAITING_FEE,
                )
            window = stage.fee_payment
            assert arrays.fee_due[index] == epoch(
                None if window is None else window.due
            )
            assert arrays.lapsed_on[index] == epoch(stage.lapsed_on)
            assert arrays.abandoned_on[index] == epoch(stage.abandoned_on)

    @given(
        st.lists(rows(), min_size=2, max_size=8),
        st.sampled_from(
            [
                Policies(fee_pause="notice_day_counts"),
                Policies(receipt="next_working_day"),
                Policies(clarification_lapse_months=2),
                Policies(proclaimed_holidays="as_known_at_receipt"),
                Policies(sar_month="beginning_with", sar_pause="exclusive"),
            ]
        ),
    )
    def test_policies_are_honoured(
        self, batch: list[dict[str, Any]], policies: Policies
    ) -> None:
        """Under other policies too, every row is the scalar date."""
        given_columns = as_columns(batch)
        received = given_columns.pop("received")
        got = quietly(
            columns.response_due,
            received,
            **given_columns,
            policies=policies,
            errors="coerce",
        )
        expected = [scalar(row, policies) for row in batch]
        assert got == [None if isinstance(e, tuple) else e for e in expected]


def _arrays_of(batch: list[dict[str, Any]]) -> Any:
    codes = np.array([REGIMES.index(row["regime"]) for row in batch], dtype=np.int8)
    dates = {
        name: np.array([epoch(row.get(name)) for row in batch], dtype=np.int64)
        for name in DATE_OPTIONS
    }
    return response_arrays(
        np.array([epoch(row["received"]) for row in batch], dtype=np.int64),
        codes,
        **dates,
        extended=np.array([row["extended"] for row in batch], dtype=np.bool_),
    )


class TestFastPaths:
    @pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
    def test_the_table_is_the_engine_on_every_day(self, edition: Any) -> None:
        """The numpy table of unmoved deadlines equals the engine for every day."""
        table = _unmoved_table(
            edition, DEFAULT_CIRCUMSTANCES, holiday_key(DEFAULT_CIRCUMSTANCES.data)
        )
        assert table is not None
        assert table.size == (LAST_SUPPORTED_DAY - FIRST_SUPPORTED_DAY).days + 1
        day = FIRST_SUPPORTED_DAY
        for due in table.tolist():
            walk = walked(edition, (), DEFAULT_CIRCUMSTANCES, day, None)
            assert walk.final_due == EPOCH + timedelta(days=due), day
            day += timedelta(days=1)

    @pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
    def test_every_rule_s_period_ends(self, edition: Any) -> None:
        """The numpy period ends of each rule of a set equal period_end."""
        plan = _plan_for(edition, DEFAULT_CIRCUMSTANCES, FIRST_SUPPORTED_DAY)
        for declared in edition.rules:
            if declared.counts_only or declared.specified_day:
                continue
            if declared.authority_length:
                continue
            rule = declared.under(plan.policies)
            calendar = plan.calendar_of(rule)
            if rule.unit is Unit.WORKING_DAYS and calendar is None:
                continue
            ends, unrolled = _period_ends(rule, calendar)
            first = int(
                rule.unit is Unit.WORKING_DAYS and rule.end is End.BEGINNING_WITH
            )
            for offset in range(first, ends.size, 7):
                day = FIRST_SUPPORTED_DAY + timedelta(days=offset)
                due, rolled = period_end(rule, day, calendar)
                assert ends[offset] == epoch(due), (rule.id, day)
                assert unrolled[offset] == epoch(rolled or due), (rule.id, day)

    def test_one_regime_per_row_many_rows(self) -> None:
        """A long column of mixed regimes and shapes agrees row by row."""
        generator = np.random.default_rng(7)
        n = 3000
        received = np.datetime64("2019-11-01") + generator.integers(0, 2400, n)
        regime = np.array([r.value for r in REGIMES])[generator.integers(0, 7, n)]
        sought = np.where(
            generator.random(n) < 0.3,
            received + generator.integers(0, 40, n),
            np.datetime64("NaT"),
        ).astype("datetime64[D]")
        clarified = np.where(
            generator.random(n) < 0.7, sought + generator.integers(0, 30, n), sought
        ).astype("datetime64[D]")
        notice = np.where(
            generator.random(n) < 0.2,
            received + generator.integers(0, 40, n),
            np.datetime64("NaT"),
        ).astype("datetime64[D]")
        paid = np.where(
            generator.random(n) < 0.7, notice + generator.integers(0, 120, n), notice
        ).astype("datetime64[D]")
        notice = np.where(np.isnat(sought), notice, np.datetime64("NaT"))
        paid = np.where(np.isnat(sought), paid, np.datetime64("NaT"))
        got = quietly(
            columns.response_due,
            received,
            regime=regime,
            clarification_sought_on=sought,
            clarified_on=clarified,
            fee_notice_on=notice,
            fee_paid_on=paid,
            errors="coerce",
        )
        for index in range(n):
            row = {
                "received": received[index].item(),
                "regime": Regime(regime[index]),
                "clarification_sought_on": sought[index].item(),
                "clarified_on": clarified[index].item(),
                "fee_notice_on": notice[index].item(),
                "fee_paid_on": paid[index].item(),
            }
            expected = scalar(row)
            assert got[index].item() == (
                None if isinstance(expected, tuple) else expected
            ), row


# -- every kind of column ------------------------------------------------------------

FIRST_DAY, THIRD_DAY, LEAP_DAY = date(2024, 12, 19), date(2025, 3, 3), date(2024, 2, 29)
RECEIVED = [FIRST_DAY, None, THIRD_DAY, LEAP_DAY]
CLARIFIED = [None, None, date(2025, 3, 20), date(2024, 3, 29)]
EXPECTED = [
    scalar_due(FIRST_DAY).due,
    None,
    scalar_due(THIRD_DAY, clarified_on=CLARIFIED[2]).due,
    scalar_due(LEAP_DAY, clarified_on=CLARIFIED[3]).due,
]


def test_lists() -> None:
    got = columns.response_due(RECEIVED, clarified_on=CLARIFIED)
    assert got == EXPECTED


def test_numpy_any_unit() -> None:
    received = np.array(RECEIVED, dtype="datetime64[D]").astype("datetime64[ns]")
    received = received + np.timedelta64(13, "h")
    got = columns.response_due(
        received, clarified_on=np.array(CLARIFIED, dtype="datetime64[D]")
    )
    assert got.dtype == np.dtype("datetime64[D]")
    assert got.tolist() == EXPECTED


def test_pandas_series_keeps_index_and_nat() -> None:
    pd = pytest.importorskip("pandas")
    received = pd.Series(pd.to_datetime(RECEIVED), index=[10, 3, 7, 1], name="in")
    got = columns.response_due(received, clarified_on=pd.Series(CLARIFIED))
    assert isinstance(got, pd.Series)
    assert list(got.index) == [10, 3, 7, 1]
    assert got.name == "in"
    assert str(got.dtype) == "datetime64[s]"
    assert [None if pd.isna(v) else v.date() for v in got] == EXPECTED


def test_pandas_aware_and_object_dates() -> None:
    pd = pytest.importorskip("pandas")
    # 23:30 UTC on 19 June is 00:30 on the 20th in London.
    aware = pd.Series(pd.to_datetime(["2025-06-19T23:30Z", None], utc=True))
    got = columns.response_due(aware)
    assert got.iloc[0].date() == scalar_due(date(2025, 6, 20)).due
    assert pd.isna(got.iloc[1])
    objects = pd.Series(RECEIVED, dtype=object)
    assert [
        None if pd.isna(v) else v.date() for v in columns.response_due(objects)
    ] == [None if d is None else scalar_due(d).due for d in RECEIVED]
    index = pd.DatetimeIndex(pd.to_datetime(RECEIVED), name="r")
    assert isinstance(columns.response_due(index), pd.DatetimeIndex)


def test_pandas_categorical_regimes() -> None:
    pd = pytest.importorskip("pandas")
    regimes = pd.Series(["FOI", "FOI(S)A", None, "eir"], dtype="category")
    received = pd.Series(pd.to_datetime([RECEIVED[0]] * 4))
    got = columns.response_due(received, regime=regimes, errors="coerce")
    assert got.iloc[0].date() == scalar_due(FIRST_DAY).due
    assert got.iloc[1].date() == scalar_due(FIRST_DAY, regime="foisa").due
    assert pd.isna(got.iloc[2])
    with pytest.raises(RowError, match=r"row 2: regime must be a regime such as FOI"):
        columns.response_due(received, regime=regimes)


def test_polars_series_and_expression() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {"received": RECEIVED, "clarified": CLARIFIED, "regime": ["foia"] * 4},
        schema={"received": pl.Date, "clarified": pl.Date, "regime": pl.String},
    )
    series = columns.response_due(frame["received"], clarified_on=frame["clarified"])
    assert isinstance(series, pl.Series)
    assert series.dtype == pl.Date
    assert series.to_list() == EXPECTED
    out = frame.with_columns(
        due=columns.response_due(
            pl.col("received"),
            regime=pl.col("regime"),
            clarified_on=pl.col("clarified"),
        )
    )
    assert out["due"].to_list() == EXPECTED
    lazy = frame.lazy().select(columns.response_due(pl.col("received")))
    assert lazy.collect()["received"].to_list() == [
        None if d is None else scalar_due(d).due for d in RECEIVED
    ]
    aware = pl.Series([datetime(2025, 6, 19, 23, 30, tzinfo=UTC)])
    assert columns.response_due(aware).to_list() == [scalar_due(date(2025, 6, 20)).due]


def test_pyarrow_with_nulls() -> None:
    pa = pytest.importorskip("pyarrow")
    received = pa.array(RECEIVED, pa.date32())
    got = columns.response_due(received, clarified_on=pa.array(CLARIFIED))
    assert got.type == pa.date32()
    assert got.to_pylist() == EXPECTED
    chunked = pa.chunked_array([received.slice(0, 2), received.slice(2)])
    assert (
        columns.response_due(chunked, clarified_on=pa.array(CLARIFIED)).to_pylist()
        == EXPECTED
    )
    stamps = pa.array(
        [datetime(2025, 6, 19, 23, 30, tzinfo=UTC), None],
        pa.timestamp("us", tz="UTC"),
    )
    assert columns.response_due(stamps).to_pylist() == [
        scalar_due(date(2025, 6, 20)).due,
        None,
    ]


def test_extended_flag_is_the_scalar_flag() -> None:
    received = [date(2025, 2, 3), date(2025, 2, 3)]
    got = columns.response_due(received, regime="eir", extended=[True, False])
    assert got == [
        scalar_due(received[0], regime="eir", extended=True).due,
        scalar_due(received[0], regime="eir").due,
    ]
    assert (
        columns.response_due(received, regime="sar", extended=True)
        == [scalar_due(received[0], regime="sar", extended=True).due] * 2
    )


def test_one_warning_per_call() -> None:
    received = [date(2040, 1, 2) + timedelta(days=i) for i in range(50)]
    with pytest.warns(ProvisionalDateWarning) as caught:
        columns.response_due(received)
    assert len(caught) == 1
    assert "50 of 50 deadlines" in str(caught[0].message)


def test_lengths_and_bad_arguments() -> None:
    with pytest.raises(InvalidInputError, match="as long as received"):
        columns.response_due(RECEIVED, clarified_on=CLARIFIED[:2])
    with pytest.raises(InvalidInputError, match="errors"):
        columns.response_due(RECEIVED, errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(InvalidInputError, match="division"):
        columns.response_due(RECEIVED, division="atlantis")
    with pytest.raises(RowError, match="row 1: received"):
        columns.response_due([date(2025, 1, 6), date(1999, 1, 6)])
    pd = pytest.importorskip("pandas")
    with pytest.raises(InvalidInputError, match="office_hours_cutoff"):
        columns.response_due(
            pd.Series(pd.to_datetime(["2025-01-06T18:00"])),
            policies=Policies(office_hours_cutoff=time(17, 0)),
        )


def test_empty_columns() -> None:
    assert columns.response_due([]) == []
    assert columns.response_due(np.array([], dtype="datetime64[D]")).size == 0


@given(st.lists(st.tuples(days, st.sampled_from(REGIMES), st.booleans()), max_size=20))
def test_review_due_equals_scalar(batch: list[tuple[date, Regime, bool]]) -> None:
    expected: list[object] = []
    for day, regime, complex_case in batch:
        try:
            expected.append(
                quietly(scalar_review_due, day, regime=regime, complex=complex_case).due
            )
        except FoiDeadlinesError:
            expected.append(None)
    got = quietly(
        columns.review_due,
        [day for day, _, _ in batch],
        regime=[str(regime) for _, regime, _ in batch],
        complex=[flag for _, _, flag in batch],
        errors="coerce",
    )
    assert got == expected


def test_add_working_days_many_with_series() -> None:
    pd = pytest.importorskip("pandas")
    uk = get_calendar("uk")
    starts = pd.Series(pd.to_datetime([RECEIVED[0], None]), index=["a", "b"])
    got = uk.add_working_days_many(starts, 20)
    assert list(got.index) == ["a", "b"]
    assert got.iloc[0].date() == uk.add_working_days(FIRST_DAY, 20)
    assert pd.isna(got.iloc[1])
    pl = pytest.importorskip("polars")
    assert uk.add_working_days_many(pl.Series([RECEIVED[0], None]), -3).to_list() == [
        uk.add_working_days(FIRST_DAY, -3),
        None,
    ]
