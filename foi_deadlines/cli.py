"""The ``foi-deadlines`` command line.

Exit status: 0 on success, 1 when the library refuses the input (with a one-line
message on stderr), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from datetime import date

from foi_deadlines._coerce import parse_date_text
from foi_deadlines.calendars import CALENDAR_NAMES, get_calendar
from foi_deadlines.errors import FoiDeadlinesError, ProvisionalDateWarning

__all__ = ["main"]

_PROG = "foi-deadlines"


def _date_argument(text: str) -> date:
    try:
        return parse_date_text(text)
    except FoiDeadlinesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="UK information-rights statutory deadlines, explained.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    due = commands.add_parser(
        "due",
        help="the date a response is due",
        description=(
            "The Nth working day after a request was received (FOIA s10(1): the "
            "20th working day following the date of receipt)."
        ),
    )
    due.add_argument(
        "received", type=_date_argument, help="date received, YYYY-MM-DD or DD/MM/YYYY"
    )
    due.add_argument(
        "--working-days",
        type=int,
        default=20,
        metavar="N",
        help="how many working days (default: 20)",
    )
    due.add_argument(
        "--calendar",
        choices=CALENDAR_NAMES,
        default="uk",
        help="working-day calendar (default: uk, for FOIA and EIR)",
    )
    due.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _due(args: argparse.Namespace) -> int:
    calendar = get_calendar(args.calendar)
    received: date = args.received
    due = calendar.add_working_days(received, args.working_days)
    skipped = calendar.non_working_days(
        min(received, due), max(received, due), include_weekends=False
    )
    if args.json:
        record = {
            "due": due.isoformat(),
            "received": received.isoformat(),
            "working_days": args.working_days,
            "calendar": calendar.name,
            "calendar_citation": calendar.definition.citation,
            "data_version": calendar.data_version,
            "provisional": due > calendar.confirmed_until,
            "skipped_holidays": [
                {
                    "date": d.day.isoformat(),
                    "reasons": [r.describe() for r in d.reasons],
                }
                for d in skipped
                if d.day != received
            ],
        }
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    print(due.isoformat())
    print(
        f"{due:%A} {due.day} {due:%B %Y} is working day {args.working_days} after "
        f"{received:%A} {received.day} {received:%B %Y} (day 0), "
        f"on calendar {calendar.name!r}: {calendar.definition.citation}."
    )
    for day in skipped:
        if day.day != received:
            print(f"  skipped {day.describe()}")
    if due > calendar.confirmed_until:
        print(
            f"  provisional: after {calendar.confirmed_until}, bank holidays follow "
            "the standing rules and may still change"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if omitted).

    Returns:
        The exit status.
    """
    args = _parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            # Provisional results are flagged in the output itself.
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            return _due(args)
    except FoiDeadlinesError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return 1
