"""Benchmark the response clock of every regime and modifier, against numpy.

For each scenario (a regime, a modifier, a kind of body) it times
``response_due(received, **options)`` on random receipt dates, two ways:

* **first calls**: every call has a receipt date the process has not seen for
  that scenario, so nothing the engine remembers helps (each round uses dates of
  its own);
* **repeated calls**: the same dates again, as a batch job that recomputes
  yesterday's cases does.

Each scenario is timed in rounds interleaved with ``numpy.busday_offset`` called
per item on the same dates, in CPU time, and the best round of each is kept, so the
ratio against numpy is a same-run figure that survives a busy machine. The targets
were set where ``numpy.busday_offset`` per item takes about 1.9 us: a plain FOIA
request under 2 us (about 1.05x numpy), every other regime and modifier under 5 us
(about 2.6x numpy). Run it with ``python benchmarks/bench_engine.py``; it is not part of
the test suite.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import numpy as np

from foi_deadlines import ProvisionalDateWarning, get_calendar, response_due

SEED = 20_261_129
FIRST, LAST = date(2003, 1, 1), date(2028, 6, 30)
PLAIN_TARGET = 2.0 / 1.9
OTHER_TARGET = 5.0 / 1.9

Options = Callable[[date], dict[str, Any]]


def days(n: int) -> timedelta:
    return timedelta(days=n)


SCENARIOS: dict[str, Options] = {
    "foia plain": lambda d: {},
    "foia clarified": lambda d: {
        "clarification_sought_on": d + days(3),
        "clarified_on": d + days(10),
    },
    "foia fees notice, paid": lambda d: {
        "fee_notice_on": d + days(5),
        "fee_paid_on": d + days(15),
    },
    "foia public interest extension": lambda d: {"extended": True},
    "foia public interest estimate": lambda d: {
        "public_interest_estimate": d + days(50)
    },
    "foia archive": lambda d: {"body": "archive"},
    "foia school, no term calendar": lambda d: {"body": "school"},
    "foia armed forces, specified day": lambda d: {
        "body": "armed-forces",
        "commissioner_day": d + days(80),
    },
    "eir plain": lambda d: {"regime": "eir"},
    "eir reg 7 extension": lambda d: {"regime": "eir", "extended": True},
    "eir further particulars": lambda d: {
        "regime": "eir",
        "clarification_sought_on": d + days(3),
        "clarified_on": d + days(10),
    },
    "foisa plain": lambda d: {"regime": "foisa"},
    "foisa fees notice, paid": lambda d: {
        "regime": "foisa",
        "fee_notice_on": d + days(5),
        "fee_paid_on": d + days(15),
    },
    "eisr plain": lambda d: {"regime": "eisr"},
    "sar plain": lambda d: {"regime": "sar"},
    "sar extended": lambda d: {"regime": "sar", "extended": True},
    "sar clarification pause": lambda d: {
        "regime": "sar",
        "clarification_sought_on": d + days(2),
        "clarified_on": d + days(6),
    },
}


def receipt_days(count: int, rng: random.Random) -> list[date]:
    """Distinct random receipt days, in random order, within the confirmed data."""
    span = (LAST - FIRST).days
    return [FIRST + days(n) for n in rng.sample(range(span), count)]


def one_round(func: Callable[[], object], items: int) -> float:
    """One timed round, in microseconds of this process's CPU time per item."""
    start = time.process_time()
    func()
    return (time.process_time() - start) / items * 1e6


def measure(items: int, rounds: int) -> dict[str, tuple[float, float, float]]:
    """For each scenario: (first calls, repeated calls, numpy) in us per item."""
    rng = random.Random(SEED)
    uk = get_calendar("uk")
    non_working = uk.non_working_days(FIRST, LAST + days(400), include_weekends=False)
    busdaycal = np.busdaycalendar(
        holidays=np.array([d.day for d in non_working], dtype="datetime64[D]")
    )
    results: dict[str, tuple[float, float, float]] = {}
    for label, options in SCENARIOS.items():
        pool = receipt_days(items * rounds, rng)
        slices = [pool[i * items : (i + 1) * items] for i in range(rounds)]
        prepared = [[(d, options(d)) for d in chunk] for chunk in slices]
        as_numpy = [np.array(chunk, dtype="datetime64[D]") for chunk in slices]
        first: list[float] = []
        again: list[float] = []
        peer: list[float] = []
        for calls, array in zip(prepared, as_numpy, strict=True):

            def ours(calls: list[tuple[date, dict[str, Any]]] = calls) -> object:
                return [response_due(d, **o) for d, o in calls]

            def theirs(array: Any = array) -> object:
                return [
                    np.busday_offset(x, 20, roll="backward", busdaycal=busdaycal)
                    for x in array
                ]

            first.append(one_round(ours, items))
            again.append(one_round(ours, items))
            peer.append(one_round(theirs, items))
        results[label] = (min(first), min(again), min(peer))
    return results


def report(results: dict[str, tuple[float, float, float]], items: int) -> None:
    """Print each scenario's cost and its ratio to numpy, with the target."""
    print(f"response_due over {items:,} random receipt days a round, best round")
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    print()
    print(
        f"  {'scenario':<34} {'first':>8} {'ratio':>6} {'repeat':>8} "
        f"{'ratio':>6} {'numpy':>7}  target"
    )
    for label, (first, again, peer) in results.items():
        target = PLAIN_TARGET if label == "foia plain" else OTHER_TARGET
        verdict = "ok" if first / peer <= target else "over"
        print(
            f"  {label:<34} {first:6.2f}us {first / peer:5.2f}x {again:6.2f}us "
            f"{again / peer:5.2f}x {peer:5.2f}us  <= {target:.2f}x {verdict}"
        )


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    response_due(date(2000, 6, 1), regime="sar")  # build the calendars first
    response_due(date(2000, 6, 1), regime="foisa")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        report(measure(args.items, args.rounds), args.items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
