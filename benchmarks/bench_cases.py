"""Benchmark deriving the status of many cases with mixed timelines.

Builds 100,000 cases (FOIA, EIR, FOISA and subject access; plain requests,
clarifications, fees, public interest and reg 7 extensions, responses on time and
late, internal reviews), then times ``Case.status`` over all of them: the first run,
in which every timeline is walked for the first time, and the best of the runs after
it, in which the engine remembers the walks. Each is also given per case as a ratio
to ``numpy.busday_offset`` called per item, timed in the same run. Target: under 1
second for 100,000 cases (about 5.3x numpy per case, where numpy takes 1.9 us an
item). Run it with ``python benchmarks/bench_cases.py``; it is not part of the test
suite.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
import warnings
from collections import Counter
from datetime import date, timedelta

import numpy as np

from foi_deadlines import Case, CaseEvent, ProvisionalDateWarning, get_calendar
from foi_deadlines.portfolio import statuses

SEED = 20_250_106
AS_OF = date(2026, 12, 31)


def make_case(rng: random.Random) -> Case:
    """One case with a timeline drawn from a realistic mix."""
    received = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4100))
    roll = rng.random()
    regime = "foia"
    if roll < 0.10:
        regime = "eir"
    elif roll < 0.18:
        regime = "foisa"
    elif roll < 0.25:
        regime = "sar"
    case = Case.received(received, regime=regime, reference=f"R{rng.randint(0, 10**9)}")
    day = received

    def later(low: int, high: int) -> date:
        return day + timedelta(days=rng.randint(low, high))

    kind = rng.random()
    if kind < 0.10:
        day = later(1, 7)
        case = case.with_event(CaseEvent(kind="clarification_sought", on=day))
        if rng.random() < 0.8:
            day = later(1, 20)
            case = case.with_event(CaseEvent(kind="clarification_received", on=day))
        else:
            return case
    elif kind < 0.14 and regime in ("foia", "foisa"):
        day = later(1, 10)
        case = case.with_event(CaseEvent(kind="fees_notice", on=day))
        day = later(1, 30)
        case = case.with_event(CaseEvent(kind="fee_paid", on=day))
    elif kind < 0.22 and regime == "foia":
        day = later(15, 25)
        case = case.with_event(
            CaseEvent(kind="public_interest_extension", on=day, estimate=later(10, 30))
        )
    elif kind < 0.26 and regime in ("eir", "sar"):
        day = later(5, 20)
        case = case.with_event(CaseEvent(kind="extension", on=day))
    if rng.random() < 0.85:
        day = later(5, 45)
        case = case.with_event(
            CaseEvent(
                kind="response_sent",
                on=day,
                outcome=rng.choice(["provided", "refused", "partly"]),
            )
        )
        if regime != "sar" and rng.random() < 0.15:
            day = later(1, 30)
            case = case.with_event(CaseEvent(kind="review_requested", on=day))
            if rng.random() < 0.7:
                day = later(5, 45)
                case = case.with_event(
                    CaseEvent(
                        kind="review_outcome",
                        on=day,
                        outcome=rng.choice(["upheld", "overturned"]),
                    )
                )
    return case


def numpy_per_item(cases: list[Case]) -> float:
    """Microseconds per item of numpy.busday_offset on the cases' receipt days."""
    uk = get_calendar("uk")
    days = [case.received_on for case in cases]
    non_working = uk.non_working_days(
        min(days), max(days) + timedelta(days=400), include_weekends=False
    )
    busdaycal = np.busdaycalendar(
        holidays=np.array([d.day for d in non_working], dtype="datetime64[D]")
    )
    array = np.array(days, dtype="datetime64[D]")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for item in array:
            np.busday_offset(item, 20, roll="backward", busdaycal=busdaycal)
        best = min(best, time.perf_counter() - started)
    return best / len(days) * 1e6


def main() -> int:
    """Build the cases, time their statuses, and print the result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-freeze",
        dest="freeze",
        action="store_false",
        help="leave the built cases to the garbage collector",
    )
    args = parser.parse_args()
    rng = random.Random(SEED)
    started = time.perf_counter()
    cases = [make_case(rng) for _ in range(args.cases)]
    built = time.perf_counter() - started
    if args.freeze:
        # The cases live for the whole run: keep the cyclic garbage collector from
        # scanning them again and again while statuses are derived.
        gc.collect()
        gc.freeze()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        warm = [make_case(random.Random(SEED + 1)) for _ in range(200)]
        statuses(warm, AS_OF)  # build the calendars first, on other cases
        timings = []
        for _ in range(args.repeat + 1):
            started = time.perf_counter()
            results = statuses(cases, AS_OF)
            timings.append(time.perf_counter() - started)
    first, again = timings[0], min(timings[1:])
    peer = numpy_per_item(cases)
    counts = Counter(status.code for _, status in results)
    print(f"{len(cases):,} cases with mixed timelines, as of {AS_OF}")
    print(f"  building the cases (not timed below)    {built:6.2f} s")
    print(f"  cases frozen out of the collector       {'yes' if args.freeze else 'no'}")
    print(f"  numpy.busday_offset per item            {peer:6.2f} us")
    for label, elapsed in (
        ("first run, every walk new", first),
        (f"best of {args.repeat} more, walks remembered", again),
    ):
        per_case = elapsed / len(cases) * 1e6
        print(
            f"  {label:<38}{elapsed:6.2f} s  {per_case:5.1f} us a case  "
            f"{per_case / peer:4.1f}x numpy  (target < 1 s)"
        )
    median = statistics.median(timings[1:])
    print(f"  median of the later runs                {median:6.2f} s")
    for code, count in sorted(counts.items()):
        print(f"    {code:<28} {count:>7,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
