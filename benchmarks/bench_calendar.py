"""Benchmark working-day arithmetic against numpy.busday_offset, in one run.

Times, on the same 100,000 random receipt dates from 2015 to 2026 with n = 20:

* the scalar call ``WorkingDayCalendar.add_working_days``;
* ``numpy.busday_offset`` called per item, and vectorised over the array, with the
  same holiday set;
* the batch form ``add_working_days_many`` on a list and on a numpy array;
* a naive loop that steps one day at a time;
* ``response_due(d).due`` for a plain FOIA request.

It prints the cost per item and the ratios the project's targets are stated in, and
the time to build a calendar, in this process and in a fresh one. Run it with
``python benchmarks/bench_calendar.py``; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import timeit
import warnings
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import numpy as np

from foi_deadlines import ProvisionalDateWarning, get_calendar, response_due

N_ITEMS = 100_000
BUILD_RUNS = 7
SEED = 20_241_219


def best_per_item(func: Callable[[], object], items: int, repeat: int) -> float:
    """The best of ``repeat`` runs of ``func``, in microseconds per item."""
    return min(timeit.repeat(func, number=1, repeat=repeat)) / items * 1e6


def build_time_in_fresh_process(name: str) -> tuple[float, float]:
    """Milliseconds to import the package and to build a calendar, in a new process."""
    code = (
        "import time; t0 = time.perf_counter(); import foi_deadlines;"
        "t1 = time.perf_counter();"
        f"foi_deadlines.get_calendar({name!r}); t2 = time.perf_counter();"
        "print((t1 - t0) * 1e3, (t2 - t1) * 1e3)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def measure(items: int, repeat: int) -> dict[str, float]:
    """Check that every method agrees, then time each; microseconds per item."""
    uk = get_calendar("uk")
    rng = random.Random(SEED)
    first, last = date(2015, 1, 1).toordinal(), date(2026, 12, 31).toordinal()
    starts = [date.fromordinal(rng.randint(first, last)) for _ in range(items)]
    starts_np = np.array(starts, dtype="datetime64[D]")
    non_working = uk.non_working_days(
        date(2014, 1, 1), date(2028, 12, 31), include_weekends=False
    )
    busdaycal = np.busdaycalendar(
        holidays=np.array([d.day for d in non_working], dtype="datetime64[D]")
    )

    def naive(start: date, n: int) -> date:
        day = start
        while n:
            day += timedelta(days=1)
            if uk.is_working_day(day):
                n -= 1
        return day

    add = uk.add_working_days
    between = uk.working_days_between
    # The same dates moved past the confirmed data: provisional results, whose
    # warning the filters drop (as a batch job does).
    later = [s.replace(year=2031) if s.month != 2 or s.day != 29 else s for s in starts]

    def busday_offset(array: Any) -> Any:
        return np.busday_offset(array, 20, roll="backward", busdaycal=busdaycal)

    # Everything agrees before anything is timed.
    expected = [add(s, 20) for s in starts]
    assert [x.item() for x in busday_offset(starts_np)] == expected
    assert [x.item() for x in uk.add_working_days_many(starts_np, 20)] == expected
    assert uk.add_working_days_many(starts, 20) == expected
    assert [naive(s, 20) for s in starts[:1000]] == expected[:1000]
    assert [response_due(s).due for s in starts] == expected

    naive_items = min(items, 10_000)
    cases: dict[str, tuple[Callable[[], object], int]] = {
        "scalar add_working_days, n=20": (lambda: [add(s, 20) for s in starts], items),
        "scalar add_working_days, n=200": (
            lambda: [add(s, 200) for s in starts],
            items,
        ),
        "scalar add_working_days, provisional": (
            lambda: [add(s, 20) for s in later],
            items,
        ),
        "scalar working_days_between": (lambda: [between(s, s) for s in starts], items),
        "numpy.busday_offset per item": (
            lambda: [busday_offset(s) for s in starts_np],
            items,
        ),
        "numpy.busday_offset vectorised": (lambda: busday_offset(starts_np), items),
        "add_working_days_many, numpy array": (
            lambda: uk.add_working_days_many(starts_np, 20),
            items,
        ),
        "add_working_days_many, list": (
            lambda: uk.add_working_days_many(starts, 20),
            items,
        ),
        "response_due(d).due, plain FOIA": (
            lambda: [response_due(s).due for s in starts],
            items,
        ),
        "naive day-stepping loop": (
            lambda: [naive(s, 20) for s in starts[:naive_items]],
            naive_items,
        ),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        return {
            label: best_per_item(func, count, repeat if count == items else 1)
            for label, (func, count) in cases.items()
        }


def report(results: dict[str, float], items: int, repeat: int) -> None:
    """Print the costs, the ratios against the targets, and the build time."""
    print(f"{items:,} random receipt dates 2015-2026, best of {repeat}")
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    print()
    for label, cost in results.items():
        print(f"  {label:<40} {cost:8.3f} us/item")
    scalar = results["scalar add_working_days, n=20"]
    ratios = [
        (
            "numpy per item / scalar",
            results["numpy.busday_offset per item"] / scalar,
            ">= 10x",
        ),
        (
            "batch array / numpy vectorised",
            results["add_working_days_many, numpy array"]
            / results["numpy.busday_offset vectorised"],
            "<= 2x",
        ),
        (
            "scalar n=200 / scalar n=20",
            results["scalar add_working_days, n=200"] / scalar,
            "<= 1.2x",
        ),
        (
            "provisional (warning ignored) / confirmed",
            results["scalar add_working_days, provisional"] / scalar,
            "about 1x",
        ),
        ("naive loop / scalar", results["naive day-stepping loop"] / scalar, ""),
    ]
    print()
    print("ratios (target in brackets)")
    for label, ratio, target in ratios:
        print(f"  {label:<42} {ratio:7.2f}x  {f'({target})' if target else ''}")
    print()
    print("response clock (target: response_due(d).due under 2 us a call)")
    cost = results["response_due(d).due, plain FOIA"]
    print(f"  response_due(d).due, plain FOIA  {cost:7.3f} us")
    runs = sorted(build_time_in_fresh_process("uk") for _ in range(BUILD_RUNS))
    import_ms = statistics.median(run[0] for run in runs)
    builds = sorted(run[1] for run in runs)
    print()
    print(
        f"a first calendar in a fresh process, median of {BUILD_RUNS} "
        "(the first call imports the modules it needs; see bench_cold_start.py)"
    )
    print(f"  import foi_deadlines                {import_ms:7.1f} ms")
    print(
        f"  get_calendar('uk'), first call      {statistics.median(builds):7.1f} ms"
        f"  (fastest {builds[0]:.1f}, slowest {builds[-1]:.1f})"
    )


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=N_ITEMS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    report(measure(args.items, args.repeat), args.items, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
