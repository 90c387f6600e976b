"""Properties of the spreadsheet functions: any Python value in, never an exception.

Each public cell function of :mod:`foi_deadlines.spreadsheet` is called with valid
arguments, one of which is replaced by an arbitrary value: huge integers, floats
including NaN and the infinities, long and unicode text, bytes, dates, datetimes with
and without a time zone, containers, and lists of these nested at any depth. The
result is a value, an empty cell or an error value, never an exception, and every
error value is short enough to read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_deadlines import spreadsheet
from foi_deadlines.cases import StatusCode
from foi_deadlines.spreadsheet import (
    ERROR_PREFIX,
    MAX_ERROR_LENGTH,
    add_working_days,
    bank_holidays,
    case_status,
    is_error,
    is_working_day,
    response_due,
    review_due,
    review_request_deadline,
    working_days_between,
)

RECEIVED = date(2024, 12, 19)
DUE = date(2025, 1, 22)

#: Every public cell function with valid arguments, one for each parameter.
FUNCTIONS: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
    "response_due": (response_due, (RECEIVED, "foia", 45677, 45670, None, None,
                                    False, None, None, None, "england-and-wales",
                                    False)),
    "review_request_deadline": (review_request_deadline,
                                (RECEIVED, "foia", "twenty-or-forty", True, None,
                                 False)),
    "review_due": (review_due, (RECEIVED, "foia", True, "twenty", False)),
    "working_days_between": (working_days_between, (RECEIVED, DUE, "uk", False)),
    "is_working_day": (is_working_day, (RECEIVED, "uk", False)),
    "add_working_days": (add_working_days, (RECEIVED, 20, "uk", False)),
    "case_status": (case_status, (RECEIVED, DUE, 45700, "foia", 45647, 45650, None,
                                  None, False, 45680, 45690, False, None)),
    "bank_holidays": (bank_holidays, (2025, 2026, "uk")),
}  # fmt: skip

STATUS_CODES = frozenset(code.value for code in StatusCode)


class _Opaque:
    """An object a spreadsheet never holds, whose repr fails."""

    def __repr__(self) -> str:
        msg = "no repr"
        raise RuntimeError(msg)


def _nested(value: object, depth: int) -> object:
    """``value`` inside ``depth`` one-element lists."""
    for _ in range(depth):
        value = [value]
    return value


_TIMEZONES = st.one_of(
    st.none(),
    st.timezones(),
    st.timedeltas(
        timedelta(hours=-23, minutes=-59), timedelta(hours=23, minutes=59)
    ).map(timezone),
)
_HUGE_INTS = st.integers(100, 6000).flatmap(
    lambda digits: st.sampled_from([10**digits, -(10**digits), 10**digits - 1])
)
_LONG_TEXT = st.builds(
    lambda piece, times: piece * times,
    st.text(min_size=1, max_size=3),
    st.integers(100, 40_000),
)
#: Text a cell may hold, valid somewhere or nearly so, and too long for any number.
_TEXTS = ("TRUE", "no", "1", "foia", "FOISA", "uk", "19/12/2024", "2024-12-19",
          "9" * 5000, "0" * 5000 + "20", "-" + "1" * 20, "+20", " ", "٢٠",
          "²")  # fmt: skip
_SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-100, 3_000_000),
    _HUGE_INTS,
    st.floats(),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e308, -0.0]),
    st.fractions(),
    st.decimals(),
    st.text(max_size=30),
    st.sampled_from(_TEXTS),
    _LONG_TEXT,
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(timezones=_TIMEZONES),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.frozensets(st.integers(), max_size=2),
    st.builds(object),
    st.builds(_Opaque),
    st.builds(complex, st.floats(), st.floats()),
)
CELLS: st.SearchStrategy[Any] = st.one_of(
    st.recursive(
        _SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner),
        max_leaves=6,
    ),
    st.builds(_nested, _SCALARS, st.integers(1, sys.getrecursionlimit() + 100)),
)


def leaves(result: object) -> Iterator[object]:
    """Every cell of a result: the result itself, or each cell of a range."""
    if isinstance(result, list):
        for item in result:
            yield from leaves(item)
    else:
        yield result


def check(result: object) -> None:
    """Each cell of ``result`` is a value, an empty cell or a short error value."""
    for cell in leaves(result):
        if isinstance(cell, str) and cell not in STATUS_CODES:
            assert is_error(cell), f"not an error value: {cell[:300]!r}"
            assert cell.startswith(ERROR_PREFIX)
            assert len(cell) <= MAX_ERROR_LENGTH, cell
        else:
            assert cell is None or isinstance(cell, (date, int, str)), repr(cell)


# Long text and deep lists are slow to generate, and that is the point of them.
robust = settings(suppress_health_check=[HealthCheck.too_slow])


class TestAnyValue:
    @robust
    @pytest.mark.parametrize("name", FUNCTIONS)
    @given(data=st.data(), cell=CELLS)
    def test_one_argument(self, name: str, data: st.DataObject, cell: object) -> None:
        """Any value in any one argument gives a value or a short error value."""
        function, valid = FUNCTIONS[name]
        index = data.draw(st.integers(0, len(valid) - 1), label="index")
        args = list(valid)
        args[index] = cell
        check(function(*args))

    @robust
    @given(name=st.sampled_from(sorted(FUNCTIONS)), data=st.data())
    def test_every_argument(self, name: str, data: st.DataObject) -> None:
        """Any values in all the arguments at once give a value or an error value."""
        function, valid = FUNCTIONS[name]
        args = data.draw(st.lists(CELLS, min_size=len(valid), max_size=len(valid)))
        check(function(*args))

    @robust
    @given(cells=st.lists(CELLS, min_size=1, max_size=4))
    def test_column(self, cells: list[object]) -> None:
        """Any values in a column give a column of values and error values."""
        for name, (function, valid) in FUNCTIONS.items():
            if name == "bank_holidays":
                continue
            result = function([[cell] for cell in cells], *valid[1:])
            assert isinstance(result, list)
            assert len(result) == len(cells)
            check(result)


def test_every_public_function_is_covered() -> None:
    """The property tests call every public cell function of the module."""
    helpers = {"error_value", "is_error", "to_date", "to_flag", "to_serial"}
    functions = {
        name
        for name in spreadsheet.__all__
        if callable(getattr(spreadsheet, name)) and name not in helpers
    }
    assert functions == set(FUNCTIONS)
