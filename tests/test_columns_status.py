"""foi_deadlines.columns.status: the columnar status, in every kind of column.

``tests/test_columnar_status.py`` checks the status itself against ``Case.status``
row by row; these tests check that each kind of column goes in and comes out as it
should, with its nulls, its index and its errors.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pytest

from foi_deadlines import RowError, columns
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.tracker import TrackerRow

np = pytest.importorskip("numpy")

AS_OF = date(2025, 1, 20)
RECEIVED = [date(2024, 12, 19), date(2024, 11, 1), date(2024, 12, 2), None]
RESPONDED = [None, None, date(2024, 12, 20), None]
REGIMES = ["FOI", "EIRs", "foia", "FOI"]


def expected() -> list[tuple[object, object, object, object]]:
    """The status of each row as Case.status gives it (None for the blank row)."""
    found: list[tuple[object, object, object, object]] = []
    for received, responded, regime in zip(RECEIVED, RESPONDED, REGIMES, strict=True):
        if received is None:
            found.append((None, None, None, None))
            continue
        row = TrackerRow(
            received=received,
            regime=TrackerRow.read_cell("regime", regime),  # type: ignore[arg-type]
            responded=responded,
        )
        got = row.to_case().status(AS_OF)
        due = None if got.deadline is None else got.deadline.due
        found.append(
            (got.code.value, due, got.working_days_left, got.working_days_overdue)
        )
    return found


def rows(found: columns.StatusColumns, to_list: Any) -> list[tuple[object, ...]]:
    parts = [to_list(column) for column in found.as_dict().values()]
    return list(zip(*parts, strict=True))


def test_lists() -> None:
    found = columns.status(
        RECEIVED, regime=REGIMES, responded_on=RESPONDED, as_of=AS_OF
    )
    assert rows(found, list) == expected()


def test_numpy() -> None:
    received = np.array(RECEIVED, dtype="datetime64[D]")
    found = columns.status(
        received,
        regime=np.array(REGIMES),
        responded_on=np.array(RESPONDED, dtype="datetime64[D]"),
        as_of=AS_OF,
    )
    assert found.code.dtype == object
    assert isinstance(found.working_days_left, np.ma.MaskedArray)

    def to_list(column: Any) -> list[object]:
        if isinstance(column, np.ma.MaskedArray):
            return [None if v is np.ma.masked else int(v) for v in column]
        return list(column.tolist())

    assert rows(found, to_list) == expected()


def test_pandas_keeps_the_index() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "received": pd.to_datetime(RECEIVED),
            "regime": REGIMES,
            "responded": pd.to_datetime(RESPONDED),
        },
        index=["a", "b", "c", "d"],
    )
    found = columns.status(
        frame["received"],
        regime=frame["regime"],
        responded_on=frame["responded"],
        as_of=AS_OF,
    )
    assert all(list(c.index) == ["a", "b", "c", "d"] for c in found.as_dict().values())
    assert str(found.code.dtype) == "category"
    assert str(found.working_days_left.dtype) == "Int64"
    frame = frame.assign(**found.as_dict())

    def to_list(column: Any) -> list[object]:
        return [
            None if pd.isna(v) else (v.date() if hasattr(v, "date") else v)
            for v in column
        ]

    assert rows(found, to_list) == expected()
    assert list(frame.columns)[-4:] == [
        "code",
        "due",
        "working_days_left",
        "working_days_overdue",
    ]


def test_polars() -> None:
    pl = pytest.importorskip("polars")
    found = columns.status(
        pl.Series("received", RECEIVED, dtype=pl.Date),
        regime=pl.Series(REGIMES),
        responded_on=pl.Series(RESPONDED, dtype=pl.Date),
        as_of=AS_OF,
    )
    assert found.code.dtype == pl.String
    assert found.working_days_overdue.dtype == pl.Int64
    assert rows(found, lambda column: column.to_list()) == expected()


def test_polars_expressions_are_refused() -> None:
    pl = pytest.importorskip("polars")
    with pytest.raises(InvalidInputError, match="four columns"):
        columns.status(pl.col("received"), as_of=AS_OF)


def test_pyarrow() -> None:
    pa = pytest.importorskip("pyarrow")
    found = columns.status(
        pa.array(RECEIVED, type=pa.date32()),
        regime=pa.array(REGIMES),
        responded_on=pa.array(RESPONDED, type=pa.date32()),
        as_of=AS_OF,
    )
    assert found.code.type == pa.string()
    assert rows(found, lambda column: column.to_pylist()) == expected()


def test_a_refused_row_is_named_or_left_without_status() -> None:
    received = [date(2025, 1, 6), date(2025, 1, 6)]
    responded = [None, date(2025, 2, 3)]  # after as_of
    with pytest.raises(RowError, match=r"row 1\b.*responded"):
        columns.status(received, responded_on=responded, as_of=AS_OF)
    found = columns.status(
        received, responded_on=responded, as_of=AS_OF, errors="coerce"
    )
    assert found.code == ["in_time", None]
    assert found.due[1] is None


def test_bad_arguments_are_refused_for_every_row() -> None:
    with pytest.raises(InvalidInputError, match="as_of"):
        columns.status(RECEIVED, as_of="soon")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="errors"):
        columns.status(RECEIVED, as_of=AS_OF, errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="responded_on"):
        columns.status(RECEIVED, responded_on=[None], as_of=AS_OF)


def test_without_numpy_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    for call in (
        lambda: columns.response_due(RECEIVED),
        lambda: columns.review_due(RECEIVED),
        lambda: columns.status(RECEIVED, as_of=AS_OF),
    ):
        with pytest.raises(ImportError, match=r"pip install 'foi-deadlines\[numpy\]'"):
            call()
