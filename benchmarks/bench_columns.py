"""Benchmark foi_deadlines.columns against numpy, in one run.

Times, in CPU time (``time.process_time``), best of a few rounds:

* 10,000,000 plain FOIA deadlines from a pandas column (``datetime64``) and from a
  Polars column (``Date``) through ``columns.response_due``; the target is 0.2 s
  each. Beside them, the same run times ``numpy.busday_offset`` over the same 10M
  days with the UK holidays as its holiday list (the same arithmetic, for
  comparison) and a bare ``.to_numpy()`` copy of the column (the floor of any
  answer that returns a new column);
* 1,000,000 mixed-regime rows with modifiers, as a case system holds them: all
  five main regimes, about 20% with a clarification, 5% with a fees notice and 3%
  with an extension; the target is 1 s.

Every figure is printed with its ratio to numpy's in the same run, which survives a
busy machine better than the absolute times. The results are checked against the
scalar API on a sample of rows first. Run it with
``python benchmarks/bench_columns.py`` (``--rows`` to scale it down); it is not part
of the test suite.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

from foi_deadlines import ProvisionalDateWarning, columns, get_calendar
from foi_deadlines.responses import response_due

SEED = 20_261_130
FIRST, LAST = np.datetime64("2003-01-01"), np.datetime64("2028-06-30")
PLAIN_TARGET = 0.2
MIXED_TARGET = 1.0
MAIN_REGIMES = ("foia", "eir", "foisa", "eisr", "sar")


def best(func: Callable[[], object], repeat: int) -> float:
    """The best CPU time of ``repeat`` runs of ``func``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def plain_days(n: int, rng: np.random.Generator) -> np.ndarray[Any, Any]:
    span = int((LAST - FIRST).astype(int))
    return FIRST + rng.integers(0, span, n).astype("timedelta64[D]")


def mixed(n: int, rng: np.random.Generator) -> dict[str, Any]:
    """Columns of ``n`` requests, with modifiers in realistic shares."""
    received = plain_days(n, rng)
    nat = np.datetime64("NaT", "D")

    def some(share: float, after: Any, low: int, high: int) -> Any:
        days = after + rng.integers(low, high, n).astype("timedelta64[D]")
        return np.where(rng.random(n) < share, days, nat)

    sought = some(0.20, received, 1, 25)
    clarified = np.where(rng.random(n) < 0.8, sought + np.timedelta64(7, "D"), nat)
    notice = some(0.05, received, 1, 25)
    notice[~np.isnat(sought)] = nat
    paid = np.where(rng.random(n) < 0.8, notice + np.timedelta64(12, "D"), nat)
    extended = (rng.random(n) < 0.03) & np.isnat(sought) & np.isnat(notice)
    regime = np.array(MAIN_REGIMES)[rng.integers(0, len(MAIN_REGIMES), n)]
    # Subject access has no fees notice: its fee restarts the clock when paid.
    sar = regime == "sar"
    notice[sar] = nat
    paid[sar] = nat
    # EISR fees are not modelled; drop them as a tracker would leave them blank.
    eisr = regime == "eisr"
    notice[eisr] = nat
    paid[eisr] = nat
    return {
        "received": pd.Series(received),
        "regime": pd.Series(regime, dtype="category"),
        "clarification_sought_on": pd.Series(sought),
        "clarified_on": pd.Series(clarified),
        "fee_notice_on": pd.Series(notice),
        "fee_paid_on": pd.Series(paid),
        "extended": pd.Series(extended),
    }


def check(frame: dict[str, Any], got: pd.Series, sample: int) -> None:
    """The columns agree with the scalar API on ``sample`` rows."""
    names = [name for name in frame if name not in ("received", "regime", "extended")]
    for row in range(0, len(got), max(len(got) // sample, 1)):
        options: dict[str, Any] = {
            name: None
            if pd.isna(frame[name].iloc[row])
            else frame[name].iloc[row].date()
            for name in names
        }
        try:
            expected: date | None = response_due(
                frame["received"].iloc[row].date(),
                regime=str(frame["regime"].iloc[row]),
                extended=bool(frame["extended"].iloc[row]),
                **options,
            ).due
        except ValueError:
            expected = None
        value = got.iloc[row]
        assert (None if pd.isna(value) else value.date()) == expected, row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--mixed", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore", ProvisionalDateWarning)
    rng = np.random.default_rng(SEED)

    uk = get_calendar("uk")
    holidays = np.array(
        [
            d.day
            for d in uk.non_working_days(
                date(2002, 1, 1), date(2031, 12, 31), include_weekends=False
            )
        ],
        dtype="datetime64[D]",
    )
    busdaycal = np.busdaycalendar(holidays=holidays)

    days = plain_days(args.rows, rng)
    series = pd.Series(days)
    polars = pl.Series("received", days)
    # The same answer three ways, before timing any of them.
    numpy_due = np.busday_offset(days, 20, roll="backward", busdaycal=busdaycal)
    assert np.array_equal(columns.response_due(series).to_numpy(), numpy_due)
    assert np.array_equal(columns.response_due(polars).to_numpy(), numpy_due)
    del numpy_due

    def numpy_offset() -> object:
        # The 20th working day after day 0, working day or not: roll back first.
        return np.busday_offset(days, 20, roll="backward", busdaycal=busdaycal)

    print(f"{args.rows:,} plain FOIA deadlines (CPU seconds, best of {args.repeat}):")
    base = best(numpy_offset, args.repeat)
    copy = best(lambda: series.to_numpy(copy=True), args.repeat)
    copy_pl = best(polars.to_numpy, args.repeat)
    on_pandas = best(lambda: columns.response_due(series), args.repeat)
    on_polars = best(lambda: columns.response_due(polars), args.repeat)
    rows = [
        ("numpy.busday_offset, UK holidays", base),
        ("pandas .to_numpy() copy", copy),
        ("Polars .to_numpy()", copy_pl),
        ("columns.response_due(pandas Series)", on_pandas),
        ("columns.response_due(Polars Series)", on_polars),
    ]
    for label, seconds in rows:
        print(f"  {label:40} {seconds:7.3f} s  {seconds / base:5.2f}x numpy")
    for label, seconds in rows[-2:]:
        verdict = "met" if seconds <= PLAIN_TARGET else "NOT met"
        print(f"  target <= {PLAIN_TARGET} s, {label}: {verdict}")

    frame = mixed(args.mixed, rng)
    received = frame.pop("received")

    def run_mixed() -> pd.Series:
        result: pd.Series = columns.response_due(received, **frame, errors="coerce")
        return result

    check({"received": received, **frame}, run_mixed(), 2000)
    mixed_base = best(
        lambda: np.busday_offset(
            received.to_numpy().astype("datetime64[D]"),
            20,
            roll="backward",
            busdaycal=busdaycal,
        ),
        args.repeat,
    )
    seconds = best(run_mixed, args.repeat)
    print(f"{args.mixed:,} mixed-regime rows with modifiers:")
    label = "numpy.busday_offset (plain, same days)"
    print(f"  {label:40} {mixed_base:7.3f} s  1.00x numpy")
    print(
        f"  {'columns.response_due(pandas, mixed)':40} {seconds:7.3f} s  "
        f"{seconds / mixed_base:5.2f}x numpy"
    )
    verdict = "met" if seconds <= MIXED_TARGET else "NOT met"
    print(f"  target <= {MIXED_TARGET} s: {verdict}")


if __name__ == "__main__":
    main()
