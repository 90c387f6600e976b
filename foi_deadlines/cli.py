"""The ``foi-deadlines`` command line.

Commands: ``due``, ``explain``, ``review``, ``status``, ``holidays`` and ``batch``.
Dates are accepted as ``YYYY-MM-DD`` or day-first ``DD/MM/YYYY``. Output is for
people by default; ``--json`` gives JSON for programs.

Exit status: 0 on success, 1 when the library refuses the input (with a one-line
message on stderr), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, Final

from foi_deadlines._coerce import parse_date_text
from foi_deadlines._dates import short_day
from foi_deadlines.bank_holidays import Division
from foi_deadlines.calendars import CALENDAR_NAMES, get_calendar
from foi_deadlines.clocks import Deadline
from foi_deadlines.errors import FoiDeadlinesError, ProvisionalDateWarning
from foi_deadlines.responses import Body, response_due
from foi_deadlines.reviews import (
    PRESETS,
    ShortReviewWindowWarning,
    review_due,
    review_request_check,
    review_request_deadline,
)
from foi_deadlines.rules import REVIEWED_REGIMES, Regime
from foi_deadlines.tracker import TrackerRow

__all__ = ["main"]

_PROG: Final = "foi-deadlines"
_REVIEWED: Final = [r.value for r in REVIEWED_REGIMES]


def _date_argument(text: str) -> date:
    try:
        return parse_date_text(text)
    except FoiDeadlinesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _long(day: date) -> str:
    return short_day(day)


# -- the parser ------------------------------------------------------------------------


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_date_argument,
        metavar="DATE",
        help="the day to report for (default: today, which is printed)",
    )


def _add_request_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "received", type=_date_argument, help="date received, YYYY-MM-DD or DD/MM/YYYY"
    )
    parser.add_argument(
        "--regime",
        choices=[r.value for r in Regime],
        default="foia",
        help="the regime (default foia)",
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
        parser.add_argument(flag, type=_date_argument, metavar="DATE", help=text)
    parser.add_argument(
        "--extended",
        action="store_true",
        help="public interest (FOIA), reg 7 (EIR, EISR) or two months (subject access)",
    )
    parser.add_argument(
        "--body", choices=[b.value for b in Body], help="a kind of body"
    )
    parser.add_argument(
        "--division",
        choices=[d.value for d in Division],
        default=Division.ENGLAND_AND_WALES.value,
        help="subject access: the controller's part of the UK",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


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
    _add_request_options(due)
    explain = commands.add_parser(
        "explain",
        help="the day-by-day count behind a due date, with its legal basis",
        description="The explanation of a due date and its count, day by day.",
    )
    _add_request_options(explain)

    review = commands.add_parser(
        "review",
        help="internal review windows: asking for a review, and completing it",
        description=(
            "The requester's window to ask for a review of a response, whether a "
            "request for review was in time, and when the review must be completed."
        ),
    )
    review.add_argument(
        "response_on", type=_date_argument, help="the date of the response"
    )
    review.add_argument(
        "--regime",
        choices=_REVIEWED,
        default="foia",
        help="the regime, one with a review stage (default foia)",
    )
    review.add_argument(
        "--policy",
        choices=list(PRESETS),
        help="FOIA: the authority's published windows (default: code-of-practice)",
    )
    review.add_argument(
        "--extenuating", action="store_true", help="FOIA: extenuating circumstances"
    )
    review.add_argument(
        "--response-due-on",
        type=_date_argument,
        metavar="DATE",
        help="FOISA: the day the response was due (s20(5))",
    )
    review.add_argument(
        "--requested-on",
        type=_date_argument,
        metavar="DATE",
        help="the day a review was requested: is it in time, and when is it due",
    )
    review.add_argument(
        "--complex", action="store_true", help="FOIA: a complex case (40 working days)"
    )
    review.add_argument("--json", action="store_true", help="print JSON")

    status = commands.add_parser(
        "status",
        help="where a case stands, from its dates",
        description="The status of a case on a day, from the dates a tracker holds.",
    )
    status.add_argument(
        "received", type=_date_argument, help="date received, YYYY-MM-DD or DD/MM/YYYY"
    )
    status.add_argument(
        "--regime", choices=[r.value for r in Regime], default="foia", help="the regime"
    )
    events = {
        "--clarification-sought": "clarification_sought",
        "--clarified": "clarification_received",
        "--fee-notice": "fees_notice",
        "--fee-paid": "fee_paid",
        "--responded": "response_sent",
        "--review-requested": "review_requested",
        "--review-completed": "review_outcome",
    }
    for flag, kind in events.items():
        status.add_argument(
            flag, type=_date_argument, metavar="DATE", help=f"the date of {kind}"
        )
    status.add_argument(
        "--extended",
        nargs="?",
        const=True,
        default=False,
        type=_date_argument,
        metavar="DATE",
        help=(
            "time was extended (FOIA public interest, EIR/EISR reg 7, subject access "
            "two months); give the DATE it was notified to check it was in time"
        ),
    )
    status.add_argument(
        "--public-interest-estimate",
        type=_date_argument,
        metavar="DATE",
        help="FOIA: the date the refusal notice gave for the public interest decision",
    )
    _add_as_of(status)
    status.add_argument("--json", action="store_true", help="print JSON")

    holidays = commands.add_parser(
        "holidays",
        help="the non-working weekdays of a calendar, listed or exported",
        description=(
            "Every bank holiday (and Christmas Day and Good Friday) on a weekday, with "
            "its name and the parts of the UK where it is a holiday. With --output, "
            "writes a CSV or an .xlsx whose FOI_Holidays range works in WORKDAY."
        ),
    )
    holidays.add_argument("first_year", type=int, help="the first year")
    holidays.add_argument("last_year", type=int, nargs="?", help="the last year")
    holidays.add_argument(
        "--calendar",
        choices=CALENDAR_NAMES,
        default="uk",
        help="uk (FOIA, EIR; the default), scotland (FOISA, EISR), or one division",
    )
    holidays.add_argument(
        "-o", "--output", metavar="FILE", help="write FILE.csv or FILE.xlsx instead"
    )
    holidays.add_argument("--json", action="store_true", help="print JSON")

    batch = commands.add_parser(
        "batch",
        help="fill a tracker (CSV or .xlsx) with due dates and statuses",
        description=(
            "Reads a tracker of cases and writes a new file with the response due "
            "date, working days left or overdue, status, and an error column. The "
            "input is never changed."
        ),
    )
    batch.add_argument("source", help="the tracker, .csv or .xlsx")
    batch.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file to write"
    )
    batch.add_argument(
        "--regime",
        choices=[r.value for r in Regime],
        default="foia",
        help="the regime of rows without a Regime column",
    )
    batch.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read FIELD from the column headed HEADER (repeatable), e.g. "
        "received='Date of receipt'",
    )
    _add_as_of(batch)
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


# -- the commands ---------------------------------------------------------------------


def _request_deadline(args: argparse.Namespace) -> Deadline:
    return response_due(
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


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _due(args: argparse.Namespace) -> int:
    deadline = _request_deadline(args)
    if args.json:
        _print_json(deadline.to_dict())
        return 0
    print(deadline.due.isoformat())
    print(deadline.explain())
    return 0


def _explain(args: argparse.Namespace) -> int:
    deadline = _request_deadline(args)
    trace = _trace(deadline)
    if args.json:
        _print_json({**deadline.to_dict(), "trace": trace})
        return 0
    print(deadline.due.isoformat())
    print(deadline.explain())
    print()
    print("Day by day:")
    for row in trace:
        label = f"day {row['day']}" if row["day"] is not None else ""
        day = _long(date.fromisoformat(str(row["date"])))
        print(f"  {label:<8} {day}  {row['note']}".rstrip())
    return 0


def _trace(deadline: Deadline) -> list[dict[str, Any]]:
    """Each day from day 0 to the due date: its number in the count, or why not."""
    calendar = deadline.calendar
    rows: list[dict[str, Any]] = []
    if calendar is None:
        return rows
    skipped = {day.day: day for day in deadline.skipped}
    paused = [(e.on, e.until or e.on) for e in deadline.pauses]
    first = deadline.day_zero
    rows.append({"date": first.isoformat(), "day": 0, "note": "day 0"})
    count = 0
    day = first
    while day < deadline.due:
        day += timedelta(days=1)
        if any(start <= day <= end for start, end in paused):
            rows.append({"date": day.isoformat(), "day": None, "note": "paused"})
        elif day in skipped:
            reasons = "; ".join(r.describe() for r in skipped[day].reasons)
            rows.append({"date": day.isoformat(), "day": None, "note": reasons})
        elif deadline.rule.unit == "working days":
            count += 1
            rows.append({"date": day.isoformat(), "day": count, "note": ""})
    rows[-1]["note"] = (rows[-1]["note"] + "; due").lstrip("; ")
    return rows


def _review(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ShortReviewWindowWarning)
        window = review_request_deadline(
            args.response_on,
            regime=args.regime,
            policy=args.policy,
            extenuating=args.extenuating,
            response_due_on=args.response_due_on,
        )
    result: dict[str, Any] = {"review_request_by": window.to_dict()}
    lines = [
        f"Ask for a review by {window.due.isoformat()} ({_long(window.due)}): "
        f"{window.rule.citation}"
        + ("" if window.statutory else " (guidance, not statute)")
    ]
    # A short window is in the deadline's notes; the warning itself is not repeated.
    del caught
    lines += [f"  note: {note}" for note in window.notes]
    if args.requested_on is not None:
        check = review_request_check(
            args.response_on,
            args.requested_on,
            regime=args.regime,
            policy=args.policy,
            extenuating=args.extenuating,
            response_due_on=args.response_due_on,
        )
        completion = review_due(
            args.requested_on,
            regime=args.regime,
            complex=args.complex,
            policy=args.policy,
        )
        result["request"] = {
            "requested_on": args.requested_on.isoformat(),
            "in_time": check.in_time,
            "working_days_late": check.working_days_late,
            "message": check.message,
        }
        result["review_due"] = completion.to_dict()
        lines.append(
            f"Request for review on {args.requested_on.isoformat()}: {check.message}"
        )
        lines.append(
            f"Review due by {completion.due.isoformat()} ({_long(completion.due)}): "
            f"{completion.rule.citation}"
        )
    if args.json:
        _print_json(result)
    else:
        print(window.due.isoformat())
        print("\n".join(lines))
    return 0


def _as_of(args: argparse.Namespace) -> tuple[date, str]:
    if args.as_of is not None:
        return args.as_of, f"as of {args.as_of.isoformat()}"
    today = date.today()
    return today, f"as of {today.isoformat()} (today)"


def _status(args: argparse.Namespace) -> int:
    as_of, as_of_text = _as_of(args)
    row = TrackerRow(
        received=args.received,
        regime=Regime(args.regime),
        clarification_sought=args.clarification_sought,
        clarified=args.clarified,
        fee_notice=args.fee_notice,
        fee_paid=args.fee_paid,
        extended=args.extended,
        public_interest_estimate=args.public_interest_estimate,
        responded=args.responded,
        review_requested=args.review_requested,
        review_completed=args.review_completed,
    )
    row.check_as_of(as_of)
    case = row.to_case()
    status = case.status(as_of)
    current = case.current_deadline(as_of)
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "status": str(status.code),
                "detail": status.detail,
                "working_days_left": status.working_days_left,
                "working_days_overdue": status.working_days_overdue,
                "deadline": None
                if status.deadline is None
                else status.deadline.to_dict(),
                "current_deadline": None if current is None else current.to_dict(),
            }
        )
        return 0
    print(str(status.code))
    print(f"{status.detail} ({as_of_text})")
    if current is not None:
        when = f"{current.due.isoformat()} ({_long(current.due)})"
        print(f"Next deadline: {current.rule.title}, {when}")
    return 0


def _holidays(args: argparse.Namespace) -> int:
    last = args.last_year if args.last_year is not None else args.first_year
    if args.output:
        from foi_deadlines import batch  # noqa: PLC0415 - openpyxl only when asked for

        written = batch.export_holidays(
            args.output, args.first_year, last, calendar=args.calendar
        )
        print(f"wrote {written} dates of calendar {args.calendar!r} to {args.output}")
        return 0
    calendar = get_calendar(args.calendar)
    if not 1 <= args.first_year <= last <= 9999:
        raise argparse.ArgumentTypeError("last_year must not be before first_year")
    days = calendar.non_working_days(
        date(args.first_year, 1, 1), date(last, 12, 31), include_weekends=False
    )
    if args.json:
        _print_json(
            [
                {
                    "date": day.day.isoformat(),
                    "reasons": [r.describe() for r in day.reasons],
                    "provisional": day.provisional,
                }
                for day in days
            ]
        )
        return 0
    print(f"Calendar {calendar.name!r}: {calendar.definition.citation}")
    for day in days:
        print(f"{day.day.isoformat()}  {day.describe()}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from foi_deadlines import batch  # noqa: PLC0415 - openpyxl only when asked for

    as_of, as_of_text = _as_of(args)
    columns: dict[str, str] = {}
    for item in args.column:
        field, sep, header = item.partition("=")
        if not sep or not field or not header:
            raise argparse.ArgumentTypeError(
                f"--column takes FIELD=HEADER (got {item!r})"
            )
        columns[field.strip()] = header.strip()
    summary = batch.fill_tracker(
        args.source,
        args.output,
        as_of=as_of,
        columns=columns or None,
        regime=args.regime,
        progress=_progress_bar() if sys.stderr.isatty() else None,
    )
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "rows": summary.rows,
                "filled": summary.filled,
                "failed": summary.failed,
                "blank": summary.blank,
                "output": str(summary.destination),
            }
        )
        return 0
    print(
        f"{summary.rows} rows {as_of_text}: {summary.filled} filled, "
        f"{summary.failed} failed (see the Error column), {summary.blank} blank; "
        f"wrote {summary.destination}"
    )
    return 0


def _progress_bar() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )

    return show


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "due": _due,
    "explain": _explain,
    "review": _review,
    "status": _status,
    "holidays": _holidays,
    "batch": _batch,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if omitted).

    Returns:
        The exit status.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            # Provisional results are flagged in the output itself.
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            return _COMMANDS[args.command](args)
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    except FoiDeadlinesError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped early (``| head``): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ImportError) as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return 1
