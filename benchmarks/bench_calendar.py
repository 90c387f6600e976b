"""Benchmark working-day arithmetic against numpy.busday_offset, in one run.

Times, on the same 100,000 random receipt dates from 2015 to 2026 with n = 20:

* the scalar call ``WorkingDayCalendar.add_working_days``;
* ``numpy.busday_offset`` called per item, and vectorised over the array, with the
  same holiday set;
* the batch form ``add_working_days_many`` on a list and on a numpy array;
* a naive loop that steps one day at a time.

It prints the cost per item and the ratios the project's targets are stated in, and
the time to build a calendar, in this process and in a fresh one. Run it with
``python benchmarks/bench_calendar.py``; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import timeit
import warnings
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from foi_deadlines import ProvisionalDateWarning, get_calendar

N_ITEMS = 100_000
SEED = 20_241_219


def best_per_item(func: Callable[[], object], items: int, repeat: int) -> float:
    """The best of ``repeat`` runs of ``func``, in microseconds per item."""
    return min(timeit.repeat(func, number=1, repeat=repeat)) / items * 1e6


def build_time_in_fresh_process(name: str) -> tuple[float, float]:
    """Milliseconds to import the package and to build a calendar, in a new process."""
    code = (
        "import time; t0 = time.perf_counter(); import foi_deadlines, holidays;"
        "holidays.country_holidays('GB', subdiv='ENG', years=[2000]);"
        "t1 = time.perf_counter();"
        f"foi_deadlines.get_calendar({name!r}); t2 = time.perf_counter();"
        "print((t1 - t0) * 1e3, (t2 - t1) * 1e3)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=N_ITEMS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    items: int = args.items
    repeat: int = args.repeat

    uk = get_calendar("uk")
    rng = random.Random(SEED)
    first, last = date(2015, 1, 1).toordinal(), date(2026, 12, 31).toordinal()
    starts = [date.fromordinal(rng.randint(first, last)) for _ in range(items)]
    starts_np = np.array(starts, dtype="datetime64[D]")
    holidays_np = np.array(
        [
            d.day
            for d in uk.non_working_days(
                date(2014, 1, 1), date(2028, 12, 31), include_weekends=False
            )
        ],
        dtype="datetime64[D]",
    )
    busdaycal = np.busdaycalendar(holidays=holidays_np)

    def naive(start: date, n: int) -> date:
        day = start
        while n:
            day += timedelta(days=1)
            if uk.is_working_day(day):
                n -= 1
        return day

    add = uk.add_working_days

    # Everything agrees before anything is timed.
    expected = [add(s, 20) for s in starts]
    numpy_result = np.busday_offset(starts_np, 20, roll="backward", busdaycal=busdaycal)
    assert [x.item() for x in numpy_result] == expected
    assert [x.item() for x in uk.add_working_days_many(starts_np, 20)] == expected
    assert uk.add_working_days_many(starts, 20) == expected
    assert [naive(s, 20) for s in starts[:1000]] == expected[:1000]

    results: dict[str, float] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        results["scalar add_working_days, n=20"] = best_per_item(
            lambda: [add(s, 20) for s in starts], items, repeat
        )
        results["scalar add_working_days, n=200"] = best_per_item(
            lambda: [add(s, 200) for s in starts], items, repeat
        )
        results["scalar working_days_between"] = best_per_item(
            lambda: [uk.working_days_between(s, s) for s in starts], items, repeat
        )
        results["numpy.busday_offset per item"] = best_per_item(
            lambda: [
                np.busday_offset(s, 20, roll="backward", busdaycal=busdaycal)
                for s in starts_np
            ],
            items,
            repeat,
        )
        results["numpy.busday_offset vectorised"] = best_per_item(
            lambda: np.busday_offset(starts_np, 20, roll="backward", busdaycal=busdaycal),
            items,
            repeat,
        )
        results["add_working_days_many, numpy array"] = best_per_item(
            lambda: uk.add_working_days_many(starts_np, 20), items, repeat
        )
        results["add_working_days_many, list"] = best_per_item(
            lambda: uk.add_working_days_many(starts, 20), items, repeat
        )
        naive_items = min(items, 10_000)
        results["naive day-stepping loop"] = best_per_item(
            lambda: [naive(s, 20) for s in starts[:naive_items]], naive_items, 1
        )

    print(f"{items:,} random receipt dates 2015-2026, best of {repeat}")
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    print()
    for label, cost in results.items():
        print(f"  {label:<40} {cost:8.3f} us/item")
    scalar = results["scalar add_working_days, n=20"]
    per_item_numpy = results["numpy.busday_offset per item"]
    batch = results["add_working_days_many, numpy array"]
    vectorised = results["numpy.busday_offset vectorised"]
    print()
    print("ratios (target in brackets)")
    print(
        f"  numpy per item / scalar          {per_item_numpy / scalar:7.1f}x  (>= 10x)"
    )
    print(f"  batch array / numpy vectorised   {batch / vectorised:7.2f}x  (<= 2x)")
    print(
        "  scalar n=200 / scalar n=20       "
        f"{results['scalar add_working_days, n=200'] / scalar:7.2f}x  (<= 1.2x)"
    )
    print(f"  naive loop / scalar              {results['naive day-stepping loop'] / scalar:7.1f}x")
    import_ms, build_ms = build_time_in_fresh_process("uk")
    print()
    print("building a calendar in a fresh process (target: build < 50 ms)")
    print(f"  import foi_deadlines and holidays   {import_ms:7.1f} ms")
    print(f"  get_calendar('uk'), first call      {build_ms:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
