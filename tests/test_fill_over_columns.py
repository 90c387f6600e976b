"""The tracker fill reads many rows at once over columns: the same file, cell for cell.

Where numpy is installed and a tracker has enough distinct rows, the fill works out
their statuses with ``status_arrays`` before it writes; a row that reads badly or
is refused is still filled one at a time, with its message. These tests fill the
same trackers with the step and without it (its threshold set out of reach) and
compare the outputs byte for byte, and the summaries.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_deadlines import batch
from foi_deadlines.batch import FillSummary, fill_tracker

pytest.importorskip("numpy")

#: After the confirmed holiday data (2028): the last months' deadlines are
#: provisional, which the summary counts.
AS_OF = date(2029, 2, 1)
HEADINGS = [
    "Ref",
    "Date received",
    "Request type",
    "Clarification requested",
    "Clarification received",
    "Fee notice issued",
    "Fee paid",
    "Extension",
    "Date responded",
    "IR requested",
    "Internal review completed",
    "Withdrawn",
]
#: What officers type in a regime cell, and in an extension cell.
REGIMES = ("FOI", "EIR", "EIRs", "FOISA", "EISR", "SAR", "DSAR", "", "foia", "FOIA ")
EXTENSIONS = ("", "", "", "y", "Yes", "no", "n")
#: Cells that cannot be read, now and then.
BAD = ("31/02/2025", "next Tuesday", "12/19/2024", "2025-13-01")


def a_day(start: date, rng: random.Random, spread: int) -> date:
    return start + timedelta(days=rng.randint(0, spread))


def text(day: date, rng: random.Random) -> str:
    """A day as officers type it: several ways, now and then unreadable."""
    if rng.random() < 0.01:
        return rng.choice(BAD)
    form = rng.randrange(4)
    if form == 0:
        return day.isoformat()
    if form == 1:
        return day.strftime("%d/%m/%Y")
    if form == 2:
        return f"{day.day} {day:%b %Y}"
    return day.strftime("%d.%m.%Y")


def tracker_row(number: int, rng: random.Random) -> list[str]:
    """One request: mostly in order, sometimes not, a few blank or broken."""
    received = a_day(date(2023, 1, 2), rng, 2200)
    cells = dict.fromkeys(HEADINGS, "")
    cells["Ref"] = f"FOI {number}"
    if rng.random() < 0.01:
        return list(cells.values())  # a blank row, but for its reference
    cells["Date received"] = text(received, rng)
    cells["Request type"] = rng.choice(REGIMES)
    cursor = received
    if rng.random() < 0.2:
        cursor = a_day(cursor, rng, 25)
        cells["Clarification requested"] = text(cursor, rng)
        if rng.random() < 0.8:
            cursor = a_day(cursor, rng, 40)
            cells["Clarification received"] = text(cursor, rng)
    if rng.random() < 0.06:
        cursor = a_day(cursor, rng, 20)
        cells["Fee notice issued"] = text(cursor, rng)
        if rng.random() < 0.7:
            cursor = a_day(cursor, rng, 90)
            cells["Fee paid"] = text(cursor, rng)
    cells["Extension"] = rng.choice(EXTENSIONS)
    if rng.random() < 0.03:
        cells["Extension"] = text(a_day(received, rng, 40), rng)
    if rng.random() < 0.8:
        cursor = a_day(cursor, rng, 45)
        cells["Date responded"] = text(cursor, rng)
        if rng.random() < 0.15:
            cursor = a_day(cursor, rng, 45)
            cells["IR requested"] = text(cursor, rng)
            if rng.random() < 0.6:
                cursor = a_day(cursor, rng, 40)
                cells["Internal review completed"] = text(cursor, rng)
    elif rng.random() < 0.1:
        cells["Withdrawn"] = text(a_day(cursor, rng, 30), rng)
    if rng.random() < 0.02:  # one date out of order, or after as_of
        name = rng.choice(HEADINGS[3:])
        cells[name] = text(a_day(received - timedelta(days=30), rng, 900), rng)
    return list(cells.values())


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADINGS)
        writer.writerows(rows)
    return path


def both_ways(
    tmp_path: Path, rows: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> tuple[bytes, FillSummary, bytes, FillSummary]:
    """The filled file and summary with the step (from one row) and without it."""
    source = write(tmp_path / "tracker.csv", rows)
    with monkeypatch.context() as patch:
        patch.setattr(batch, "_COLUMNS_FROM", 1)
        over = fill_tracker(source, tmp_path / "over.csv", as_of=AS_OF)
    with monkeypatch.context() as patch:
        patch.setattr(batch, "_COLUMNS_FROM", 10**9)
        one = fill_tracker(source, tmp_path / "one.csv", as_of=AS_OF)
    return (
        (tmp_path / "over.csv").read_bytes(),
        over,
        (tmp_path / "one.csv").read_bytes(),
        one,
    )


def same(over: FillSummary, one: FillSummary) -> None:
    for field in ("rows", "filled", "failed", "blank", "provisional"):
        assert getattr(over, field) == getattr(one, field), field


def test_a_council_tracker_fills_the_same_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(20250602)
    rows = [tracker_row(number, rng) for number in range(3000)]
    over_bytes, over, one_bytes, one = both_ways(tmp_path, rows, monkeypatch)
    assert over_bytes == one_bytes
    same(over, one)
    assert over.failed > 0  # the broken cells were met, and named
    assert over.filled > 2500
    assert over.provisional > 0


def test_the_step_is_taken_for_a_large_tracker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fill of enough distinct rows reads them over columns, not one at a time."""
    rng = random.Random(7)
    rows = [tracker_row(number, rng) for number in range(batch._COLUMNS_FROM + 500)]
    source = write(tmp_path / "tracker.csv", rows)
    one_at_a_time = []
    fill_row = batch._fill_row

    def counted(*args: object, **kwargs: object) -> object:
        one_at_a_time.append(1)
        return fill_row(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_fill_row", counted)
    summary = fill_tracker(source, tmp_path / "out.csv", as_of=AS_OF)
    # Only the rows that cannot be read, or are refused, are filled one at a time.
    assert len(one_at_a_time) <= summary.failed + summary.blank


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 2**32 - 1), st.integers(1, 60))
def test_any_tracker_fills_the_same_either_way(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    seed: int,
    count: int,
) -> None:
    rng = random.Random(seed)
    rows = [tracker_row(number, rng) for number in range(count)]
    tmp_path = tmp_path_factory.mktemp("fill")
    over_bytes, over, one_bytes, one = both_ways(tmp_path, rows, monkeypatch)
    assert over_bytes == one_bytes
    same(over, one)
