"""The engine's counting helpers: months, working days, rolls."""

from __future__ import annotations

from datetime import date

import pytest

from foi_deadlines.clocks import add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: the last day
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2025, 3, 15), 3, date(2025, 6, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected
