"""Benchmark deriving the status of many cases with mixed timelines.

Builds 100,000 cases (FOIA, EIR, FOISA and subject access; plain requests,
clarifications, fees, public interest and reg 7 extensions, responses on time and
late, internal reviews), then times ``Case.status`` over all of them. Target: under
2 seconds for 100,000 cases on the project's machines. Run it with
``python benchmarks/bench_cases.py``; it is not part of the test suite.
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

from foi_deadlines import Case, CaseEvent, ProvisionalDateWarning
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
        statuses(cases[:1000], AS_OF)  # build the calendars first
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            results = statuses(cases, AS_OF)
            timings.append(time.perf_counter() - started)
    elapsed = min(timings)
    counts = Counter(status.code for _, status in results)
    print(f"{len(cases):,} cases with mixed timelines, as of {AS_OF}")
    print(f"  building the cases (not timed below)    {built:6.2f} s")
    print(f"  cases frozen out of the collector       {'yes' if args.freeze else 'no'}")
    print(
        f"  deriving every status, best of {args.repeat}         {elapsed:6.2f} s"
        "  (target < 2 s)"
    )
    print(
        f"  median of the runs                      {statistics.median(timings):6.2f} s"
    )
    per_case = elapsed / len(cases) * 1e6
    print(f"  per case                                {per_case:6.1f} us")
    for code, count in sorted(counts.items()):
        print(f"    {code:<28} {count:>7,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
