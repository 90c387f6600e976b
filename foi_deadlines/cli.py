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
from foi_deadlines.bank_holidays import Division
from foi_deadlines.errors import FoiDeadlinesError, ProvisionalDateWarning
from foi_deadlines.responses import Body, response_due
from foi_deadlines.rules import Regime

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
        help="the date a request must be answered by",
        description=(
            "When a request must be answered: FOIA s10(1) by default, the 20th "
            "working day after receipt. Prints the date first, then how it was "
            "reached."
        ),
    )
    due.add_argument(
        "received", type=_date_argument, help="date received, YYYY-MM-DD or DD/MM/YYYY"
    )
    due.add_argument(
        "--regime",
        choices=[r.value for r in Regime],
        default="foia",
        help="foia (default), eir, foisa, eisr or sar",
    )
    dates = {
        "--clarified-on": "the day a clarification was received (restarts the clock)",
        "--clarification-sought-on": "the day clarification was asked for",
        "--fee-notice-on": "the day a fees notice was given (pauses the clock)",
        "--fee-paid-on": "the day the fee was received",
        "--public-interest-estimate": "FOIA: the estimated public interest decision",
        "--identity-confirmed-on": "subject access: the day identity evidence arrived",
    }
    for flag, text in dates.items():
        due.add_argument(flag, type=_date_argument, metavar="DATE", help=text)
    due.add_argument(
        "--extended",
        action="store_true",
        help="public interest (FOIA), reg 7 (EIR, EISR) or two months (subject access)",
    )
    due.add_argument("--body", choices=[b.value for b in Body], help="a kind of body")
    due.add_argument(
        "--division",
        choices=[d.value for d in Division],
        default=Division.ENGLAND_AND_WALES.value,
        help="subject access: the controller's part of the UK",
    )
    due.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _due(args: argparse.Namespace) -> int:
    deadline = response_due(
        args.received,
        regime=args.regime,
        clarified_on=args.clarified_on,
        clarification_sought_on=args.clarification_sought_on,
        fee_notice_on=args.fee_notice_on,
        fee_paid_on=args.fee_paid_on,
        extended=args.extended,
        public_interest_estimate=args.public_interest_estimate,
        identity_confirmed_on=args.identity_confirmed_on,
        body=args.body,
        division=args.division,
    )
    if args.json:
        print(json.dumps(deadline.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(deadline.due.isoformat())
        print(deadline.explain())
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
