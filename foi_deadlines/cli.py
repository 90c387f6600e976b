"""The ``foi-deadlines`` command line.

Commands: ``due``, ``explain``, ``review``, ``status``, ``holidays``, ``batch``,
``calendar`` and ``digest``. ``holidays`` followed by a year lists or exports a
calendar's days; followed by ``update``, ``status``, ``diff``, ``add`` or ``remove``
it works on the holiday data (:mod:`foi_deadlines.holiday_store`), and ``holidays
update`` is the only command that uses the network. ``batch TRACKER --changed-by
NEW.json`` lists the open cases whose deadlines a new gov.uk file moves.
Dates are accepted as ``YYYY-MM-DD`` or day-first ``DD/MM/YYYY``. Output is for
people by default; ``--json`` gives JSON for programs.

Every command that computes a date takes ``--holidays FILE``: the bundled data plus
that gov.uk file, for the one run, by setting ``FOI_DEADLINES_HOLIDAYS`` for the
length of the command (so that library functions without a ``data`` argument count
on it too) and restoring it after.

Each fact about a case has one option name in every command: the name of the
tracker column that holds it (:data:`foi_deadlines.tracker.FIELDS`), with dashes
and without an ``-on`` suffix: ``--clarification-sought``, ``--clarified``,
``--identity-confirmed``, ``--fee-notice``, ``--fee-paid``, ``--extended``,
``--public-interest-estimate``, ``--responded``, ``--review-requested``,
``--review-completed``, ``--withdrawn``; ``review`` also takes ``--response-due``.
The spellings of version 0.1 (``--clarified-on``, ``--clarification-sought-on``,
``--fee-notice-on``, ``--fee-paid-on``, ``--identity-confirmed-on``,
``--requested-on``, ``--response-due-on``) still work and are left out of
``--help``.

Exit status:

* 0: success.
* 1: the library refuses the input (a holiday file too), a file cannot be read or
  written, or ``holidays update`` cannot fetch: one line ``foi-deadlines: error:
  ...`` on stderr.
* 2: a usage error (an unknown option, a date that does not exist, a year outside
  2000 to 2100): the command's usage line, then ``foi-deadlines COMMAND: error: ...``.
* 130: interrupted (Ctrl-C): ``foi-deadlines: interrupted`` on stderr.

What the library warns about is part of the output (a provisional date is flagged,
a review window shorter than the Code of Practice is noted); any other library
warning is one line ``foi-deadlines: note: ...`` on stderr, never a Python warning.
Output never fails on the terminal's encoding: where stdout or stderr cannot encode
a character, typographic punctuation is written as its ASCII equivalent and
anything else as ``?``.

The default ``--as-of`` day is today in the UK (Europe/London), whatever the
machine's time zone. ``holidays update`` and ``holidays add`` record the time they
ran, in UTC: ``_now`` is the one place the clock is read.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from foi_deadlines import holiday_store
from foi_deadlines._coerce import parse_date_text
from foi_deadlines._dates import london, short_day
from foi_deadlines._files import write_atomically
from foi_deadlines._text import ASCII_PUNCTUATION
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_SUPPORTED_DAY,
    Division,
    HolidayData,
)
from foi_deadlines.calendars import CALENDAR_NAMES, get_calendar
from foi_deadlines.clocks import Deadline
from foi_deadlines.errors import (
    FoiDeadlinesError,
    FoiDeadlinesWarning,
    HolidayDataError,
    ProvisionalDateWarning,
    TrackerFileError,
)
from foi_deadlines.responses import Body, response_due
from foi_deadlines.reviews import (
    PRESETS,
    ShortReviewWindowWarning,
    review_due,
    review_request_check,
    review_request_deadline,
)
from foi_deadlines.rules import REVIEWED_REGIMES, Regime

if TYPE_CHECKING:
    from foi_deadlines.batch import TrackerRecord
    from foi_deadlines.cases import Case
    from foi_deadlines.tracker import TrackerColumns

__all__ = ["main"]

_PROG: Final = "foi-deadlines"
_REVIEWED: Final = [r.value for r in REVIEWED_REGIMES]
_REGIMES: Final = [r.value for r in Regime]
_FIRST_YEAR: Final = FIRST_SUPPORTED_DAY.year
_LAST_YEAR: Final = LAST_SUPPORTED_DAY.year
#: The words that make ``holidays`` work on the holiday data instead of listing it.
_HOLIDAY_ACTIONS: Final = ("update", "status", "diff", "add", "remove")
_HOLIDAYS_VARIABLE: Final = holiday_store.HOLIDAYS_ENV

#: The dates a request's due date depends on, by tracker field: the help text, and
#: the spellings of version 0.1 kept as hidden aliases.
_REQUEST_DATES: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "clarification_sought": (
        "the day clarification was asked for",
        ("--clarification-sought-on",),
    ),
    "clarified": (
        "the day the clarification was received (restarts the clock; for subject "
        "access, ends the pause)",
        ("--clarified-on",),
    ),
    "identity_confirmed": (
        "subject access: the day identity evidence arrived",
        ("--identity-confirmed-on",),
    ),
    "fee_notice": (
        "the day a fees notice was given (pauses the clock)",
        ("--fee-notice-on",),
    ),
    "fee_paid": ("the day the fee was received", ("--fee-paid-on",)),
    "public_interest_estimate": (
        "FOIA: the date the refusal notice gave for the public interest decision",
        (),
    ),
}
#: The dates of what happened after the request, by tracker field (``status``).
_CASE_DATES: Final[dict[str, str]] = {
    "responded": "the day the response was sent",
    "review_requested": "the day a review was asked for",
    "review_completed": "the day the review outcome was sent",
    "withdrawn": "the day the request was withdrawn",
}
#: Warnings whose substance every command already prints: the deadline's own notes
#: carry a short review window, and a provisional date is flagged beside it.
_SHOWN_IN_OUTPUT: Final = (ProvisionalDateWarning, ShortReviewWindowWarning)
_PLAIN_ERRORS: Final = "foi_deadlines.plain"


def _flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def _date_argument(text: str) -> date:
    try:
        return parse_date_text(text)
    except FoiDeadlinesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year_argument(text: str) -> int:
    year = int(text) if text.strip().isdecimal() else None
    if year is None or not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a supported year: the years supported are "
            f"{_FIRST_YEAR} to {_LAST_YEAR}"
        )
    return year


def _first_year_argument(text: str) -> int:
    try:
        return _year_argument(text)
    except argparse.ArgumentTypeError as exc:
        if text.strip().isdecimal():
            raise
        actions = ", ".join(_HOLIDAY_ACTIONS)
        raise argparse.ArgumentTypeError(
            f"{exc}; or, to work on the holiday data, one of {actions}"
        ) from None


def _long(day: date) -> str:
    return short_day(day)


# -- the clock ------------------------------------------------------------------------


def _now() -> datetime:
    """The current instant, in UTC; tests replace it with a fixed clock."""
    return datetime.now(UTC)


def _today() -> date:
    """Today in the UK (Europe/London), whatever the machine's own time zone."""
    return _now().astimezone(london()).date()


# -- output ---------------------------------------------------------------------------


def _plain(exc: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: ASCII punctuation, and ``?`` for anything else."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    return "".join(ASCII_PUNCTUATION.get(char, "?") for char in text), exc.end


codecs.register_error(_PLAIN_ERRORS, _plain)


def _make_safe(stream: TextIO | None) -> None:
    """Let ``stream`` write any text: what its encoding lacks is written plainly."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    try:
        codec = codecs.lookup(stream.encoding).name
    except LookupError:
        return
    if not codec.startswith("utf"):
        stream.reconfigure(errors=_PLAIN_ERRORS)


@contextlib.contextmanager
def _warnings_as_notes() -> Iterator[None]:
    """Show each library warning once, as a note on stderr after the output.

    The warnings in :data:`_SHOWN_IN_OUTPUT` are left out: the output says the
    same. Warnings of other libraries are left to the usual machinery.
    """
    notes: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("always", FoiDeadlinesWarning)
        for category in _SHOWN_IN_OUTPUT:
            warnings.simplefilter("ignore", category)
        show_other = warnings.showwarning

        def show(  # noqa: PLR0917 - the signature of warnings.showwarning
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            if not issubclass(category, FoiDeadlinesWarning):
                show_other(message, category, filename, lineno, file, line)
            elif str(message) not in notes:
                notes.append(str(message))

        warnings.showwarning = show
        try:
            yield
        finally:
            for note in notes:
                print(f"{_PROG}: note: {note}", file=sys.stderr)


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _provisional(deadline: Deadline) -> str | None:
    """Why ``deadline`` may still move, if it depends on unconfirmed holidays."""
    if deadline.calendar is None or not deadline.provisional:
        return None
    return (
        f"{deadline.due.isoformat()} is after {deadline.calendar.confirmed_until}, "
        "the end of the confirmed bank holiday data; a holiday proclaimed later "
        "could move it"
    )


# -- the parser ------------------------------------------------------------------------


def _add_alias(parser: argparse.ArgumentParser, alias: str, dest: str) -> None:
    """Accept ``alias`` for the date option ``dest``, hidden from ``--help``."""
    parser.add_argument(
        alias,
        dest=dest,
        type=_date_argument,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


def _add_date(
    parser: argparse.ArgumentParser,
    field: str,
    text: str,
    aliases: Sequence[str] = (),
) -> None:
    parser.add_argument(
        _flag(field), dest=field, type=_date_argument, metavar="DATE", help=text
    )
    for alias in aliases:
        _add_alias(parser, alias, field)


def _add_received(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "received",
        type=_date_argument,
        help="date received: 19/12/2024, 19 Dec 2024 or 2024-12-19",
    )


def _add_regime(parser: argparse.ArgumentParser, choices: list[str]) -> None:
    parser.add_argument(
        "--regime", choices=choices, default="foia", help="the regime (default foia)"
    )


def _add_request_dates(parser: argparse.ArgumentParser) -> None:
    for field, (text, aliases) in _REQUEST_DATES.items():
        _add_date(parser, field, text, aliases)
    parser.add_argument(
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


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def _add_holiday_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--holidays",
        metavar="FILE",
        help="count on the bundled data with this gov.uk bank-holidays.json, and "
        "nothing from the data directory, for this run only (as "
        f"{_HOLIDAYS_VARIABLE}=FILE)",
    )


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_date_argument,
        metavar="DATE",
        help="the day to report for (default: today in the UK, which is printed)",
    )


def _add_request_options(parser: argparse.ArgumentParser) -> None:
    _add_received(parser)
    _add_regime(parser, _REGIMES)
    _add_request_dates(parser)
    parser.add_argument(
        "--body", choices=[b.value for b in Body], help="a kind of body"
    )
    parser.add_argument(
        "--division",
        choices=[d.value for d in Division],
        default=Division.ENGLAND_AND_WALES.value,
        help="subject access: the controller's part of the UK",
    )
    _add_json(parser)
    _add_holiday_file(parser)


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command line's parser, and each command's own parser by name."""
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
        "responded", type=_date_argument, help="the date of the response"
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
    _add_date(
        review,
        "response_due",
        "FOISA: the day the response was due (s20(5))",
        ("--response-due-on",),
    )
    _add_date(
        review,
        "review_requested",
        "the day a review was asked for: is it in time, and when is it due",
        ("--requested-on",),
    )
    review.add_argument(
        "--complex", action="store_true", help="FOIA: a complex case (40 working days)"
    )
    _add_json(review)
    _add_holiday_file(review)

    status = commands.add_parser(
        "status",
        help="where a case stands, from its dates",
        description="The status of a case on a day, from the dates a tracker holds.",
    )
    _add_received(status)
    _add_regime(status, _REGIMES)
    _add_request_dates(status)
    for field, text in _CASE_DATES.items():
        _add_date(status, field, text)
    _add_as_of(status)
    _add_json(status)
    _add_holiday_file(status)

    holidays = commands.add_parser(
        "holidays",
        help="bank holidays: list or export them, update the data, see what is in use",
        usage=(
            "%(prog)s [-h] first_year [last_year] [--calendar NAME] [-o FILE] "
            "[--json] [--holidays FILE]\n"
            f"       %(prog)s {{{','.join(_HOLIDAY_ACTIONS)}}} ... (see %(prog)s "
            "ACTION -h)"
        ),
        description=(
            "Every bank holiday (and Christmas Day and Good Friday) on a weekday, with "
            "its name and the parts of the UK where it is a holiday. With --output, "
            "writes a CSV or an .xlsx whose FOI_Holidays range works in WORKDAY."
        ),
        epilog=(
            "The holiday data itself: 'holidays update' installs a newer gov.uk "
            "file, 'holidays status' shows what is in use, 'holidays diff FILE' "
            "what a file would change, 'holidays add' and 'holidays remove' a "
            "proclaimed day."
        ),
    )
    holidays.add_argument(
        "first_year",
        type=_first_year_argument,
        help=f"the first year ({_FIRST_YEAR} to {_LAST_YEAR})",
    )
    holidays.add_argument(
        "last_year",
        type=_year_argument,
        nargs="?",
        help="the last year (default: the first year)",
    )
    holidays.add_argument(
        "--calendar",
        choices=CALENDAR_NAMES,
        default="uk",
        help="uk (FOIA, EIR; the default), scotland (FOISA, EISR), or one division",
    )
    holidays.add_argument(
        "-o", "--output", metavar="FILE", help="write FILE.csv or FILE.xlsx instead"
    )
    _add_json(holidays)
    _add_holiday_file(holidays)

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
        "-o", "--output", metavar="FILE", help="the file to write (required to fill)"
    )
    batch.add_argument(
        "--changed-by",
        metavar="NEW.json",
        help="write nothing: list the open cases whose deadlines move with this "
        "gov.uk bank-holidays.json, with their old and new dates",
    )
    _add_tracker_options(batch)
    batch.add_argument(
        "--force",
        action="store_true",
        help="replace the output file if it exists (otherwise it is refused)",
    )
    batch.add_argument(
        "--max-rows",
        type=_positive,
        metavar="N",
        default=1_048_576,
        help="refuse a tracker with more rows (default: 1,048,576, Excel's limit)",
    )
    batch.add_argument(
        "--max-size",
        type=_positive,
        metavar="MB",
        default=256,
        help="refuse a larger file, in megabytes (unpacked for .xlsx; default 256)",
    )
    _add_as_of(batch)
    batch.add_argument(
        "--json",
        action="store_true",
        help="print the columns found and the summary as JSON",
    )
    _add_holiday_file(batch)
    calendar, digest = _reminder_parsers(commands)
    return parser, {
        "due": due,
        "explain": explain,
        "review": review,
        "status": status,
        "holidays": holidays,
        "batch": batch,
        "calendar": calendar,
        "digest": digest,
        **_holiday_parsers(),
    }


def _add_tracker_options(parser: argparse.ArgumentParser) -> None:
    """The options that say how to read a tracker, as ``batch`` takes them."""
    parser.add_argument(
        "--regime",
        choices=[r.value for r in Regime],
        default="foia",
        help="the regime of rows without a Regime column",
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read FIELD from the column headed HEADER (repeatable), e.g. "
        "received='Date in'; the usual wordings are recognised without it",
    )
    parser.add_argument(
        "--header-row",
        type=_positive,
        metavar="N",
        help="the headings are in row N (default: the first row, within the first "
        "30, that has a received-date heading)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="a CSV's text encoding, e.g. cp1252 or latin-1 (default: UTF-8, with "
        "or without a byte-order mark, or UTF-16 with one)",
    )


def _reminder_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The parsers of ``calendar`` and ``digest``."""
    calendar = commands.add_parser(
        "calendar",
        help="write the live deadlines of a tracker's cases as a calendar file (.ics)",
        description=(
            "Writes one all-day event for each live deadline of each open case, with "
            "reminders a number of working days before, as an iCalendar file that "
            "Outlook, Google Calendar, Thunderbird and calcurse import. Importing a "
            "new file updates the events of the last one. Needs the ical extra."
        ),
    )
    calendar.add_argument("source", help=_SOURCE_HELP)
    calendar.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the .ics file to write"
    )
    calendar.add_argument(
        "--reminders",
        type=_reminder_counts,
        metavar="N,N",
        help="remind this many working days before each deadline (default 5,1; "
        "'none' for no reminders)",
    )
    calendar.add_argument(
        "--reminder-time",
        type=_time_argument,
        metavar="HH:MM",
        help="the time of day, UK time, that reminders go off (default 09:00)",
    )
    calendar.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous export, for update numbers and cancellations (default: "
        "the output file, if it is one)",
    )
    calendar.add_argument(
        "--uid-domain",
        metavar="DOMAIN",
        help="the domain part of the events' ids (default foi-deadlines.invalid); "
        "keep it the same from one export to the next",
    )
    calendar.add_argument(
        "--force",
        action="store_true",
        help="replace the output file even if it is not an earlier export",
    )
    _add_tracker_options(calendar)
    _add_as_of(calendar)
    calendar.add_argument(
        "--json", action="store_true", help="print the events written as JSON"
    )
    _add_holiday_file(calendar)

    digest = commands.add_parser(
        "digest",
        help="what is overdue, due soon or waiting: a daily digest to mail",
        description=(
            "Lists the cases overdue (most working days first), the responses and "
            "reviews due within N working days, the review windows closing, the "
            "clocks stopped awaiting the requester for long, and the rows that "
            "could not be read. Sends no mail: run it from a scheduled job and "
            "mail the output."
        ),
    )
    digest.add_argument("source", help=_SOURCE_HELP)
    digest.add_argument(
        "--within",
        type=_count,
        default=5,
        metavar="N",
        help="list deadlines N working days away or fewer (default 5)",
    )
    digest.add_argument(
        "--stopped",
        type=_count,
        default=20,
        metavar="N",
        help="list clocks stopped for more than N working days (default 20)",
    )
    digest.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="plain text, ASCII only (the default), or Markdown",
    )
    _add_tracker_options(digest)
    _add_as_of(digest)
    _add_json(digest)
    _add_holiday_file(digest)
    return calendar, digest


_SOURCE_HELP: Final = (
    "the tracker (.csv or .xlsx), or cases as JSON (.json, the case format)"
)


def _holiday_parsers() -> dict[str, argparse.ArgumentParser]:
    """The parsers of ``holidays update``, ``status``, ``diff``, ``add``, ``remove``.

    ``holidays`` on its own lists or exports a calendar's days (its first argument
    is a year); followed by one of these words, it works on the holiday data.
    """

    def parser(action: str, description: str) -> argparse.ArgumentParser:
        return argparse.ArgumentParser(
            prog=f"{_PROG} holidays {action}", description=description
        )

    update = parser(
        "update",
        "Fetches gov.uk's bank-holidays.json (the only command that uses the "
        "network), or takes a downloaded copy with --from, checks it for every "
        "division and year, and installs it in the data directory with where and "
        "when it came from. Prints what changed against the data in use. Nothing "
        "is stored if the file cannot be fetched or is refused.",
    )
    source = update.add_mutually_exclusive_group()
    source.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="install this downloaded copy instead of fetching one",
    )
    source.add_argument(
        "--url",
        metavar="URL",
        help="fetch from this address (default: the gov.uk address)",
    )
    update.add_argument(
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="SECONDS",
        help="give up fetching after this many seconds (default 20)",
    )
    update.add_argument(
        "--partial",
        action="store_true",
        help="keep an incomplete file for the years it fully covers instead of "
        "refusing it",
    )
    _add_json(update)

    status = parser(
        "status",
        "The holiday data in use and where it comes from: the bundled copy, an "
        f"installed update, {_HOLIDAYS_VARIABLE} or --holidays; the proclaimed "
        "days added by hand; and the last day each division's data is confirmed "
        "to, after which dates are provisional.",
    )
    _add_holiday_file(status)
    _add_json(status)

    diff = parser(
        "diff",
        "The bank holidays that differ between the data in use and the data with "
        "a gov.uk bank-holidays.json file, per division: days added, removed or "
        "moved. Changes nothing.",
    )
    diff.add_argument("file", metavar="NEW.json", help="a gov.uk bank-holidays.json")
    diff.add_argument(
        "--partial",
        action="store_true",
        help="take an incomplete file for the years it fully covers",
    )
    _add_holiday_file(diff)
    _add_json(diff)

    divisions = [d.value for d in Division]
    add = parser(
        "add",
        "Stores a bank holiday proclaimed after the last gov.uk update, in the data "
        "directory, for every command to count; for the days between a "
        "proclamation and gov.uk's own update.",
    )
    add.add_argument("day", type=_date_argument, metavar="DATE", help="the day")
    add.add_argument("name", metavar="NAME", help="its name, as deadlines show it")
    add.add_argument(
        "--division",
        action="append",
        required=True,
        choices=divisions,
        help="where it is a bank holiday (repeat for more than one)",
    )
    add.add_argument(
        "--replaces",
        type=_date_argument,
        metavar="DATE",
        help="a bank holiday it moves, which becomes a working day there",
    )
    add.add_argument(
        "--announced",
        type=_date_argument,
        metavar="DATE",
        help="the day it was proclaimed, for policy P6 as_known_at_receipt",
    )
    _add_json(add)

    remove = parser(
        "remove",
        "Removes a proclaimed day added by hand with 'holidays add'.",
    )
    remove.add_argument("day", type=_date_argument, metavar="DATE", help="the day")
    remove.add_argument(
        "--division",
        action="append",
        choices=divisions,
        help="remove it only for this division (repeatable; default: all)",
    )
    _add_json(remove)
    return {
        "holidays update": update,
        "holidays status": status,
        "holidays diff": diff,
        "holidays add": add,
        "holidays remove": remove,
    }


# -- the commands ---------------------------------------------------------------------


def _request_deadline(args: argparse.Namespace) -> Deadline:
    extended: bool | date = args.extended
    return response_due(
        args.received,
        regime=args.regime,
        clarified_on=args.clarified,
        clarification_sought_on=args.clarification_sought,
        fee_notice_on=args.fee_notice,
        fee_paid_on=args.fee_paid,
        extended=extended is not False,
        extended_on=extended if isinstance(extended, date) else None,
        public_interest_estimate=args.public_interest_estimate,
        identity_confirmed_on=args.identity_confirmed,
        body=args.body,
        division=args.division,
    )


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
    window = review_request_deadline(
        args.responded,
        regime=args.regime,
        policy=args.policy,
        extenuating=args.extenuating,
        response_due_on=args.response_due,
    )
    result: dict[str, Any] = {"review_request_by": window.to_dict()}
    lines = [
        f"Ask for a review by {window.due.isoformat()} ({_long(window.due)}): "
        f"{window.rule.citation}"
        + ("" if window.statutory else " (guidance, not statute)")
    ]
    lines += [f"  note: {note}" for note in window.notes]
    if provisional := _provisional(window):
        lines.append(f"  note: provisional: {provisional}")
    if args.review_requested is not None:
        check = review_request_check(
            args.responded,
            args.review_requested,
            regime=args.regime,
            policy=args.policy,
            extenuating=args.extenuating,
            response_due_on=args.response_due,
        )
        completion = review_due(
            args.review_requested,
            regime=args.regime,
            complex=args.complex,
            policy=args.policy,
        )
        result["request"] = {
            "requested_on": args.review_requested.isoformat(),
            "in_time": check.in_time,
            "working_days_late": check.working_days_late,
            "message": check.message,
        }
        result["review_due"] = completion.to_dict()
        lines.append(
            f"Request for review on {args.review_requested.isoformat()}: "
            f"{check.message}"
        )
        lines.append(
            f"Review due by {completion.due.isoformat()} ({_long(completion.due)}): "
            f"{completion.rule.citation}"
        )
        if provisional := _provisional(completion):
            lines.append(f"  note: provisional: {provisional}")
    if args.json:
        _print_json(result)
    else:
        print(window.due.isoformat())
        print("\n".join(lines))
    return 0


def _as_of(args: argparse.Namespace) -> tuple[date, str]:
    if args.as_of is not None:
        return args.as_of, f"as of {args.as_of.isoformat()}"
    today = _today()
    return today, f"as of {today.isoformat()} (today)"


def _status(args: argparse.Namespace) -> int:
    from foi_deadlines.tracker import TrackerRow  # noqa: PLC0415 - see _COMMANDS

    as_of, as_of_text = _as_of(args)
    row = TrackerRow(
        received=args.received,
        regime=Regime(args.regime),
        clarification_sought=args.clarification_sought,
        clarified=args.clarified,
        identity_confirmed=args.identity_confirmed,
        fee_notice=args.fee_notice,
        fee_paid=args.fee_paid,
        extended=args.extended,
        public_interest_estimate=args.public_interest_estimate,
        responded=args.responded,
        review_requested=args.review_requested,
        review_completed=args.review_completed,
        withdrawn=args.withdrawn,
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
    shown = {d.due: d for d in (status.deadline, current) if d is not None}
    for deadline in shown.values():
        if provisional := _provisional(deadline):
            print(f"Provisional: {provisional}.")
    return 0


def _holidays(args: argparse.Namespace) -> int:
    first: int = args.first_year
    last: int = first if args.last_year is None else args.last_year
    if last < first:
        raise argparse.ArgumentTypeError(
            f"last_year {last} is before first_year {first}: give the first year first"
        )
    if args.output:
        from foi_deadlines import batch  # noqa: PLC0415 - openpyxl only when asked for

        written = batch.export_holidays(
            args.output, first, last, calendar=args.calendar
        )
        print(f"wrote {written} dates of calendar {args.calendar!r} to {args.output}")
        return 0
    calendar = get_calendar(args.calendar)
    days = calendar.non_working_days(
        date(first, 1, 1), date(last, 12, 31), include_weekends=False
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


# -- the holiday data -----------------------------------------------------------------


@contextlib.contextmanager
def _holiday_file(path: str | None) -> Iterator[None]:
    """Count on the gov.uk file at ``path``, as ``FOI_DEADLINES_HOLIDAYS`` would.

    The variable is set for the command and restored after it, so every library
    function that counts on the default data (those without a ``data`` argument
    too) counts on the bundled copy plus this file. The file is checked first.
    """
    if path is None:
        yield
        return
    file = Path(path).absolute()
    if not file.is_file():
        problem = "is a folder" if file.is_dir() else "no such file"
        raise HolidayDataError(str(file), "", f"cannot be read: {problem} (--holidays)")
    before = os.environ.get(_HOLIDAYS_VARIABLE)
    os.environ[_HOLIDAYS_VARIABLE] = str(file)
    holiday_store.refresh()
    try:
        holiday_store.default_data()
        yield
    finally:
        if before is None:
            del os.environ[_HOLIDAYS_VARIABLE]
        else:
            os.environ[_HOLIDAYS_VARIABLE] = before
        holiday_store.refresh()


def _seconds(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if not 0 < number <= 600:  # ten minutes is long enough
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds, more than 0 and at most 600 (got {text!r})"
        )
    return number


def _changes_json(changes: Sequence[holiday_store.DayChange]) -> list[dict[str, Any]]:
    return [
        {
            "division": change.division.value,
            "kind": change.kind,
            "before": None if change.before is None else change.before.isoformat(),
            "after": None if change.after is None else change.after.isoformat(),
            "name": change.name,
        }
        for change in changes
    ]


def _print_changes(changes: Sequence[holiday_store.DayChange]) -> None:
    """The changes, per division, one day to a line."""
    for division in Division:
        mine = [change for change in changes if change.division is division]
        if not mine:
            print(f"  {division.label}: no change")
            continue
        print(f"  {division.label}:")
        for change in mine:
            if change.kind == "moved":
                when = f"{_day_text(change.before)} -> {_day_text(change.after)}"
            else:
                when = _day_text(change.day)
            print(f"    {change.kind:<8} {when}: {change.name}")


def _day_text(day: date | None) -> str:
    return "?" if day is None else _long(day)


def _confirmed_json(until: Mapping[Division, date]) -> dict[str, str]:
    return {division.value: until[division].isoformat() for division in Division}


def _holidays_update(args: argparse.Namespace) -> int:
    now = _now()
    if args.source is not None:
        path = Path(args.source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise HolidayDataError(
                str(path), "", f"cannot be read: {exc.strerror or exc}"
            ) from None
        source = str(path.absolute())
    else:
        source = args.url or holiday_store.GOVUK_URL
        data = holiday_store.fetch(source, timeout=args.timeout)
    result = holiday_store.install(data, source=source, now=now, partial=args.partial)
    record = result.provenance
    left_out = []
    if args.partial:
        official = (
            HolidayData()
            .with_govuk_data(
                json.loads(data.decode("utf-8-sig")), source=source, partial=True
            )
            .official[-1]
        )
        left_out = [shortfall.describe() for shortfall in official.shortfalls]
    if args.json:
        _print_json(
            {
                "path": str(result.path),
                "provenance": record.to_json(),
                "in_use": result.in_use,
                "note": result.note,
                "version": result.version,
                "left_out": left_out,
                "changes": _changes_json(result.changes),
            }
        )
        return 0
    print(f"Installed {result.path}")
    print(f"  from {record.source}")
    print(f"  at {record.fetched_at:%Y-%m-%d %H:%M} UTC, {record.size} bytes")
    print(f"  sha256 {record.sha256}")
    print(f"  covers {_covers(record.covers)}")
    for text in left_out:
        print(f"  left out, as incomplete: {text}")
    if result.in_use:
        print("In use from now on by every command.")
    else:
        print(f"Stored but {result.note}.")
    print("Changes against the data in use before:")
    _print_changes(result.changes)
    return 0


def _covers(covers: Sequence[tuple[Division, int, int]]) -> str:
    """The years a file covers, per division, or once if they are the same."""
    spans = {(first, last) for _, first, last in covers}
    if len(covers) == len(Division) and len(spans) == 1:
        first, last = spans.pop()
        return f"{first} to {last} in every division"
    return ", ".join(f"{div.label} {first} to {last}" for div, first, last in covers)


def _holidays_status(args: argparse.Namespace) -> int:
    report = holiday_store.status()
    if report.override is not None:
        source = "--holidays" if args.holidays is not None else _HOLIDAYS_VARIABLE
    else:
        source = "update" if report.update_in_use else "bundled"
    if args.json:
        _print_json(_status_json(report, source))
        return 0
    sources = {
        "bundled": "the bundled copy",
        "update": "the installed update, over the bundled copy",
        "--holidays": f"--holidays {args.holidays}, over the bundled copy, for "
        "this run only",
        _HOLIDAYS_VARIABLE: f"{_HOLIDAYS_VARIABLE}={report.override}, over the "
        "bundled copy",
    }
    print(f"Holiday data in use: {report.version}")
    print(f"From: {sources[source]}")
    print(f"  bundled copy: {report.bundled_source}")
    if report.update_path is None:
        print("  installed update: none ('foi-deadlines holidays update' installs one)")
    else:
        state = "in use" if report.update_in_use else report.update_note
        print(f"  installed update: {report.update_path} ({state})")
        record = report.provenance
        if record is None:
            print("    its provenance record is missing or is not this file's")
        else:
            print(f"    from {record.source}")
            print(f"    at {record.fetched_at:%Y-%m-%d %H:%M} UTC, {record.size} bytes")
            print(f"    sha256 {record.sha256}")
    pinned = "" if report.override is None else " (not used while pinned)"
    if not report.proclaimed:
        print("  proclaimed days added by hand: none")
    else:
        print(f"  proclaimed days added by hand{pinned}:")
        for day in report.proclaimed:
            where = ", ".join(d.label for d in day.divisions)
            moved = "" if day.replaces is None else f", replacing {_long(day.replaces)}"
            print(f"    {_long(day.day)}: {day.name} ({where}{moved})")
    print(f"  data directory: {report.data_dir}")
    print("Confirmed until (later dates are provisional):")
    for division in Division:
        label = f"{division.label}:"
        print(f"  {label:<19}{report.confirmed_until[division].isoformat()}")
    return 0


def _status_json(report: holiday_store.StoreStatus, source: str) -> dict[str, Any]:
    update = None
    if report.update_path is not None:
        record = report.provenance
        update = {
            "path": str(report.update_path),
            "in_use": report.update_in_use,
            "note": report.update_note,
            "provenance": None if record is None else record.to_json(),
        }
    return {
        "version": report.version,
        "source": source,
        "bundled": report.bundled_source,
        "pinned_file": None if report.override is None else str(report.override),
        "update": update,
        "proclaimed": [
            {
                "date": day.day.isoformat(),
                "name": day.name,
                "divisions": [d.value for d in day.divisions],
                "replaces": None if day.replaces is None else day.replaces.isoformat(),
                "in_use": report.override is None,
            }
            for day in report.proclaimed
        ],
        "data_dir": str(report.data_dir),
        "confirmed_until": _confirmed_json(report.confirmed_until),
    }


def _with_file(path: str, *, partial: bool = False) -> tuple[HolidayData, HolidayData]:
    """The data in use, and the same with the gov.uk file at ``path`` on top."""
    before = holiday_store.default_data()
    return before, before.with_govuk_file(path, partial=partial)


def _holidays_diff(args: argparse.Namespace) -> int:
    before, after = _with_file(args.file, partial=args.partial)
    changes = holiday_store.diff(before, after)
    if args.json:
        _print_json(
            {
                "before": before.version,
                "after": after.version,
                "changes": _changes_json(changes),
            }
        )
        return 0
    name = Path(args.file).name
    if not changes:
        print(f"No weekday bank holiday differs between the data in use and {name}.")
        return 0
    verb = "differs" if len(changes) == 1 else "differ"
    print(f"{_plural(len(changes), 'day')} {verb} between the data in use and {name}:")
    _print_changes(changes)
    return 0


def _holidays_add(args: argparse.Namespace) -> int:
    day = holiday_store.add_proclaimed(
        args.day,
        args.name,
        divisions=args.division,
        replaces=args.replaces,
        announced_on=args.announced,
        now=_now(),
    )
    path = holiday_store.data_dir() / holiday_store.PROCLAIMED_FILE
    if args.json:
        _print_json(
            {
                "date": day.day.isoformat(),
                "name": day.name,
                "divisions": [d.value for d in day.divisions],
                "replaces": None if day.replaces is None else day.replaces.isoformat(),
                "stored_in": str(path),
            }
        )
    else:
        where = ", ".join(d.label for d in day.divisions)
        moved = "" if day.replaces is None else f", replacing {_long(day.replaces)}"
        print(f"Added {_long(day.day)}: {day.name} ({where}{moved})")
        print(f"  stored in {path}")
    _pinned_note()
    return 0


def _holidays_remove(args: argparse.Namespace) -> int:
    count = holiday_store.remove_proclaimed(args.day, divisions=args.division)
    where = (
        ""
        if args.division is None
        else " for " + ", ".join(Division(d).label for d in args.division)
    )
    if not count:
        return _error(
            f"no proclaimed day on {args.day.isoformat()}{where} was added by hand "
            "('foi-deadlines holidays status' lists them)"
        )
    if args.json:
        _print_json({"date": args.day.isoformat(), "removed": count})
    else:
        print(f"Removed the proclaimed day on {_long(args.day)}{where}")
    _pinned_note()
    return 0


def _pinned_note() -> None:
    if os.environ.get(_HOLIDAYS_VARIABLE):
        _note(
            f"{_HOLIDAYS_VARIABLE} is set, so the data in use is the bundled copy "
            "and that file only: proclaimed days added by hand are not used until "
            "it is unset"
        )


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, 1 or more (got {text!r})"
        )
    return number


def _batch(args: argparse.Namespace) -> int:
    from foi_deadlines import batch  # noqa: PLC0415 - only for this command

    if args.changed_by is not None:
        if args.output is not None:
            raise argparse.ArgumentTypeError(
                "--changed-by lists the cases that move and writes no file: leave "
                "out -o/--output"
            )
        return _changed_by(args)
    if args.output is None:
        raise argparse.ArgumentTypeError(
            "the following arguments are required: -o/--output (or --changed-by)"
        )
    as_of, as_of_text = _as_of(args)
    columns = _columns(args)

    def report(found: TrackerColumns) -> None:
        if not args.json:
            print(found.report())

    summary = batch.fill_tracker(
        args.source,
        args.output,
        as_of=as_of,
        columns=columns or None,
        regime=args.regime,
        progress=_progress_bar() if sys.stderr.isatty() and not args.json else None,
        header_row=args.header_row,
        overwrite=args.force,
        encoding=args.encoding,
        max_rows=args.max_rows,
        max_bytes=args.max_size * 1024 * 1024,
        report=report,
    )
    found = summary.columns
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "rows": summary.rows,
                "filled": summary.filled,
                "failed": summary.failed,
                "blank": summary.blank,
                "provisional": summary.provisional,
                "output": str(summary.destination),
                "header_row": None if found is None else found.header_row,
                "columns": {} if found is None else dict(found.headings),
                "unused": [] if found is None else list(found.unused),
                "warnings": [] if found is None else list(found.warnings),
                "added": list(summary.headings),
            }
        )
        return 0
    error = summary.headings[-1]
    print(
        f"{summary.rows} row{'' if summary.rows == 1 else 's'} {as_of_text}: "
        f"{summary.filled} filled, "
        f"{summary.failed} failed (see the {error} column), {summary.blank} blank; "
        f"wrote {summary.destination}"
    )
    if summary.provisional:
        print(
            f"{summary.provisional} due date{'' if summary.provisional == 1 else 's'} "
            "after the confirmed holiday data may move if a bank holiday is "
            "proclaimed"
        )
    return 0


def _changed_by(args: argparse.Namespace) -> int:
    """``batch TRACKER --changed-by NEW.json``: the open cases whose deadlines move.

    A case is open when it has a live deadline on the day (as the calendar export
    and the digest decide it, :func:`~foi_deadlines.reminders.live_deadlines`);
    its live deadlines that move between the data in use and the data with the
    file are listed, by :func:`~foi_deadlines.portfolio.changed_deadlines`.
    """
    from foi_deadlines import batch  # noqa: PLC0415 - only for the file commands
    from foi_deadlines.portfolio import changed_deadlines  # noqa: PLC0415
    from foi_deadlines.reminders import LiveDeadline, live_deadlines  # noqa: PLC0415

    as_of, as_of_text = _as_of(args)
    before, after = _with_file(args.changed_by)
    table = batch.read_tracker(
        args.source,
        as_of=as_of,
        columns=_columns(args) or None,
        regime=args.regime,
        header_row=args.header_row,
        encoding=args.encoding,
        max_rows=args.max_rows,
        max_bytes=args.max_size * 1024 * 1024,
    )
    rows: dict[int, TrackerRecord] = {}
    live: dict[tuple[int, str], LiveDeadline] = {}
    cases: list[Case] = []
    for record in table.records:
        if record.error is not None:
            _note(
                f"row {record.row} could not be read, and is left out: {record.error}"
            )
            continue
        found = () if record.case is None else live_deadlines(record.case, as_of=as_of)
        if record.case is not None and found:
            cases.append(record.case)
            rows[id(record.case)] = record
            for item in found:
                live[id(record.case), item.deadline.clock_id] = item
    moves = []
    for change in changed_deadlines(cases, before=before, after=after, as_of=as_of):
        found_live = live.get((id(change.case), change.clock_id))
        if found_live is not None:  # otherwise met, or past: no one works to it now
            moves.append((rows[id(change.case)], found_live, change))
    moved = len({record.row for record, _, _ in moves})
    name = Path(args.changed_by).name
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "file": name,
                "open_cases": len(cases),
                "cases_moved": moved,
                "changes": [
                    {
                        "row": record.row,
                        "reference": record.reference,
                        "deadline": item.kind.value,
                        "clock_id": change.clock_id,
                        "title": item.deadline.rule.title,
                        "before": change.before.isoformat(),
                        "after": change.after.isoformat(),
                    }
                    for record, item, change in moves
                ],
            }
        )
        return 0
    print(
        f"{moved} of {_plural(len(cases), 'open case')} {as_of_text} "
        f"{'has' if moved == 1 else 'have'} deadlines that move with {name}"
        + (":" if moves else ".")
    )
    lines = [["Row", "Reference", "Deadline", "Now", f"With {name}"]] + [
        [
            str(record.row),
            record.reference or "-",
            item.kind.phrase,
            change.before.isoformat(),
            change.after.isoformat(),
        ]
        for record, item, change in moves
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines if moves else []:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=True)]
        print("  " + "  ".join(cells).rstrip())
    return 0


def _columns(args: argparse.Namespace) -> dict[str, str]:
    """The ``--column FIELD=HEADER`` options, as a mapping."""
    columns: dict[str, str] = {}
    for item in args.column:
        field, sep, header = item.partition("=")
        if not sep or not field or not header:
            raise argparse.ArgumentTypeError(
                f"--column takes FIELD=HEADER (got {item!r})"
            )
        columns[field.strip()] = header.strip().strip("'\"")
    return columns


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


# -- calendar and digest ---------------------------------------------------------------


def _count(text: str) -> int:
    number = int(text) if text.strip().isdecimal() else -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, 0 or more (got {text!r})"
        )
    return number


def _reminder_counts(text: str) -> tuple[int, ...]:
    if text.strip().lower() == "none":
        return ()
    parts = [part.strip() for part in text.split(",")]
    if not all(part.isdecimal() and int(part) >= 1 for part in parts):
        raise argparse.ArgumentTypeError(
            f"expected working days before the deadline, each 1 or more, separated "
            f"by commas, such as 5,1 (got {text!r})"
        )
    return tuple(int(part) for part in parts)


def _time_argument(text: str) -> time:
    try:
        value = time.fromisoformat(text.strip())
    except ValueError:
        value = None
    if value is None or value.tzinfo is not None:
        raise argparse.ArgumentTypeError(
            f"expected a time of day as HH:MM, such as 09:00 (got {text!r})"
        )
    return value


def _read_source(args: argparse.Namespace, as_of: date) -> list[Case | TrackerRecord]:
    """The cases of a JSON file, or the records of a tracker."""
    path = Path(args.source)
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise TrackerFileError(str(path), f"is not JSON: {exc}") from None
        from foi_deadlines.case_json import (  # noqa: PLC0415 - see _COMMANDS
            case_from_json,
            cases_from_json,
        )

        if isinstance(document, dict) and document.get("schema") == (
            "foi-deadlines/case"
        ):
            return [case_from_json(document)]
        return list(cases_from_json(document))
    from foi_deadlines import batch  # noqa: PLC0415 - only for the file commands

    table = batch.read_tracker(
        path,
        as_of=as_of,
        columns=_columns(args) or None,
        regime=args.regime,
        header_row=args.header_row,
        encoding=args.encoding,
    )
    return list(table.records)


def _calendar(args: argparse.Namespace) -> int:
    from foi_deadlines import ical  # noqa: PLC0415 - needs the ical extra
    from foi_deadlines.batch import TrackerRecord  # noqa: PLC0415 - see _COMMANDS
    from foi_deadlines.reminders import DEFAULT_REMINDERS  # noqa: PLC0415 - ditto

    as_of, as_of_text = _as_of(args)
    cases: list[Case] = []
    for item in _read_source(args, as_of):
        if not isinstance(item, TrackerRecord):
            cases.append(item)
            continue
        name = f"row {item.row}" + (f" ({item.reference})" if item.reference else "")
        if item.error is not None:
            _note(f"{name} could not be read, and has no events: {item.error}")
        elif item.case is not None and not item.case.reference.strip():
            _note(
                f"{name} has no reference: its events are named after the row, and "
                "will not follow the case if the rows are moved"
            )
            cases.append(attrs.evolve(item.case, reference=f"row {item.row}"))
        elif item.case is not None:
            cases.append(item.case)
    target = Path(args.output)
    existing = target.read_bytes() if target.exists() else None
    ours = existing is not None and ical.is_deadline_calendar(existing)
    if existing is not None and not ours and not args.force:
        raise TrackerFileError(
            str(target),
            "already exists and is not a calendar written by foi-deadlines, so it "
            "is left as it is: choose another name, or replace it with --force",
        )
    previous = existing if ours else None
    if args.previous is not None:
        previous = Path(args.previous).read_bytes()
    events = ical.calendar_events(
        cases,
        as_of=as_of,
        reminders=DEFAULT_REMINDERS if args.reminders is None else args.reminders,
        previous=previous,
        reminder_time=args.reminder_time or ical.DEFAULT_REMINDER_TIME,
        uid_domain=args.uid_domain or ical.DEFAULT_UID_DOMAIN,
    )
    data = ical.to_ics(events)

    def write(path: Path) -> None:
        path.write_bytes(data)

    write_atomically(target, write, overwrite=existing is not None)
    cancelled = sum(event.cancelled for event in events)
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "output": str(target),
                "cases": len(cases),
                "events": len(events) - cancelled,
                "cancelled": cancelled,
                "written": [
                    {
                        "uid": event.uid,
                        "date": event.on.isoformat(),
                        "summary": event.summary,
                        "sequence": event.sequence,
                        "cancelled": event.cancelled,
                        "reminders": [r.at.isoformat() for r in event.reminders],
                    }
                    for event in events
                ],
            }
        )
        return 0
    written = _plural(len(events) - cancelled, "event")
    print(
        f"{written} for {_plural(len(cases), 'case')} {as_of_text}, "
        f"{_plural(cancelled, 'cancellation')}; wrote {target}"
    )
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _note(text: str) -> None:
    print(f"{_PROG}: note: {text}", file=sys.stderr)


def _digest(args: argparse.Namespace) -> int:
    from foi_deadlines.digest import daily_digest  # noqa: PLC0415 - only for this one

    as_of, _ = _as_of(args)
    digest = daily_digest(
        _read_source(args, as_of),
        as_of=as_of,
        within_working_days=args.within,
        stopped_working_days=args.stopped,
    )
    if args.json:
        _print_json(digest.to_dict())
    elif args.format == "markdown":
        print(digest.to_markdown())
    else:
        print(digest.to_text())
    return 0


#: Each command's function. The modules a command alone needs (cases, trackers,
#: workbooks, calendar files) are imported by its function, so that a first
#: deadline on the command line imports only what computing it takes.
_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "due": _due,
    "explain": _explain,
    "review": _review,
    "status": _status,
    "holidays": _holidays,
    "batch": _batch,
    "calendar": _calendar,
    "digest": _digest,
    "holidays update": _holidays_update,
    "holidays status": _holidays_status,
    "holidays diff": _holidays_diff,
    "holidays add": _holidays_add,
    "holidays remove": _holidays_remove,
}


def _error(message: object) -> int:
    print(f"{_PROG}: error: {message}", file=sys.stderr)
    return 1


def _parse(
    argv: Sequence[str] | None,
) -> tuple[argparse.Namespace, dict[str, argparse.ArgumentParser]]:
    """The arguments, and each command's parser by name.

    ``holidays`` followed by one of :data:`_HOLIDAY_ACTIONS` is a command of its
    own (``"holidays update"``, ...); ``holidays`` followed by a year lists or
    exports a calendar's days, as before.
    """
    parser, commands = _parsers()
    words = list(sys.argv[1:] if argv is None else argv)
    if len(words) > 1 and words[0] == "holidays" and words[1] in _HOLIDAY_ACTIONS:
        command = f"holidays {words[1]}"
        args = commands[command].parse_args(words[2:])
        args.command = command
    else:
        args = parser.parse_args(words)
    return args, commands


def _run(argv: Sequence[str] | None) -> int:
    args, commands = _parse(argv)
    try:
        with _warnings_as_notes(), _holiday_file(getattr(args, "holidays", None)):
            code = _COMMANDS[args.command](args)
            sys.stdout.flush()
            return code
    except argparse.ArgumentTypeError as exc:
        commands[args.command].error(str(exc))
    except FoiDeadlinesError as exc:
        return _error(exc)
    except BrokenPipeError:
        # The reader stopped early (``| head``): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ImportError) as exc:
        return _error(exc)
    except UnicodeDecodeError as exc:
        return _error(f"a file is not UTF-8 text ({exc}); save it as CSV UTF-8")
    except Exception as exc:
        # zipfile is imported only by the commands that read workbooks.
        zipfile = sys.modules.get("zipfile")
        if zipfile is not None and isinstance(exc, zipfile.BadZipFile):
            return _error(f"a file is not an .xlsx workbook ({exc})")
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if omitted).

    Args:
        argv: The arguments, without the program name.

    Returns:
        The exit status: 0 on success, 1 when the library refuses the input or a
        file cannot be read or written, 130 when interrupted (Ctrl-C).

    Raises:
        SystemExit: With status 2 on a usage error, or 0 after ``--help``
            (argparse's own exit).
    """
    _make_safe(sys.stdout)
    _make_safe(sys.stderr)
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=sys.stderr)
        return 130
