"""Excel functions for xlwings: ``FOI_RESPONSE_DUE``, ``FOI_STATUS`` and the rest.

Thin wrappers over :mod:`foi_deadlines.spreadsheet` for xlwings: classic xlwings
(Windows desktop Excel), xlwings Lite and xlwings Server. Nothing else in the package
imports this module, so the core never needs xlwings; install it with the extra
``foi-deadlines[xlwings]`` (xlwings Lite brings its own xlwings).

* Classic: set the ribbon's *UDF Modules* to ``foi_deadlines.xlwings_udfs`` and click
  *Import Python UDFs*.
* Lite and Server: ``from foi_deadlines.xlwings_udfs import *`` in ``main.py`` (Lite)
  or ``custom_functions/__init__.py`` (Server).

Excel shows each function in upper case (``foi_response_due`` is
``FOI_RESPONSE_DUE``). Every argument may be a single cell or a range: a range in the
first argument spills a range of the same shape, and another argument may be a range
of that shape or a single cell.

Errors: bad input in a single cell raises ``xlwings.XlwingsError`` with the
message of the spreadsheet layer (``"#ERROR <code>: <message>"``, naming the argument
and the value). xlwings Lite and Server show it as a real ``#VALUE!`` error with the
message on hover, so ``IFERROR`` and ``ISERROR`` see it; classic xlwings puts the
error's text in the cell. In a spilled range, a bad cell shows the error text in its
own place and the other cells keep their values.

Dates and the 1904 date system: a workbook in Excel's 1904 date system passes
``TRUE`` as ``date1904``, which every function with a date in or out takes. Dates in
are then read in that system; dates out are handed to xlwings so that Excel shows
them right. xlwings Lite and Server write a ``date`` as its serial number in the 1900
system, whatever the workbook's system, and Excel reads that number in its own
system, so each date is handed over 1,462 days earlier: the date whose 1900 serial is
the answer's 1904 serial. Classic xlwings hands Excel a COM date, which Excel itself
converts into the workbook's system, so there the dates are returned as they are
(from reading xlwings' source; not run in Excel).

Outside Windows, and without ``XLWINGS_ON_SERVER``, the xlwings decorators leave the
functions as they are, so they can be called as plain Python:

>>> foi_response_due("19/12/2024")
datetime.date(2025, 1, 22)
"""

# The Excel functions take no type hints: xlwings reads hints as converters (a date
# hint breaks text input; ``object`` means an object handle), so the types are given
# to mypy in type comments, which xlwings does not see. Options are positional
# because xlwings supports no keyword-only parameters.
# ruff: noqa: FBT002, PLR0917

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Final

try:
    import xlwings
    from xlwings import arg, func
except ImportError as exc:  # pragma: no cover - the extra is installed for the tests
    raise ImportError(
        "the Excel functions need xlwings: pip install 'foi-deadlines[xlwings]'"
    ) from exc

from foi_deadlines import spreadsheet
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.rules import REVIEWED_REGIMES, Regime

__all__ = [
    "foi_add_working_days",
    "foi_bank_holidays",
    "foi_is_working_day",
    "foi_response_due",
    "foi_response_due_range",
    "foi_review_due",
    "foi_review_request_due",
    "foi_status",
    "foi_working_days",
]

_CATEGORY: Final = "FOI deadlines"
_DATE: Final = (
    "a date cell, an Excel serial number, or text written day first (19/12/2024, "
    "19 Dec 2024) or as 2024-12-19"
)
_DATE1904: Final = "TRUE for a workbook in Excel's 1904 date system; blank for FALSE"
_CALENDAR: Final = (
    '"uk" (FOIA, EIR; blank), "scotland" (FOISA, EISR), "england-and-wales" or '
    '"northern-ireland"'
)


def _regimes(regimes: Iterable[Regime]) -> str:
    """The regimes a cell may name, FOIA (the default) first."""
    return '"foia" (blank)' + "".join(
        f', "{r.value}"' for r in regimes if r is not Regime.FOIA
    )


_REGIME: Final = _regimes(Regime)
_REVIEW_REGIME: Final = _regimes(REVIEWED_REGIMES)
_POLICY: Final = (
    'FOIA: the authority\'s published windows: "code-of-practice" (blank), '
    '"twenty-or-forty" or "twenty"'
)

#: Whether the functions run in xlwings Lite or xlwings Server (Office.js), as
#: xlwings decided when it chose its decorators.
_OFFICE_JS: Final = bool(xlwings.on_server)
#: How much earlier a date's serial number is in the 1904 date system than in the
#: 1900 one: the 1900 serial of 1 January 1904, day 0 of the 1904 system (1,462).
_SHIFT_1904: Final = timedelta(days=spreadsheet.to_serial(date(1904, 1, 1)))


def _for_workbook(result: object, date1904: object, *, office_js: bool) -> object:
    """``result`` as xlwings must be given it for the workbook's date system.

    xlwings Lite and Server turn a returned ``date`` into its serial number in the
    1900 date system (``xlwings.utils.datetime_to_xlserial``), and Excel reads that
    number in the workbook's own system: in a 1904 workbook, four years and a day
    late. So there, when ``date1904`` is true, each date is handed over as the date
    whose 1900 serial is its 1904 serial. Classic xlwings (``office_js`` false)
    hands Excel a COM date, which Excel converts itself, so nothing changes.

    ``date1904`` is read as the spreadsheet functions read it: one value for every
    cell, or a range of the result's shape, cell by cell. Where it is not a flag,
    the result is already an error value and is left alone.

    >>> _for_workbook([[date(2025, 1, 22)]], True, office_js=True)
    [[datetime.date(2021, 1, 21)]]
    >>> _for_workbook([[date(2025, 1, 22)]], True, office_js=False)
    [[datetime.date(2025, 1, 22)]]
    """
    if not office_js:
        return result
    if isinstance(result, list):
        if isinstance(date1904, list) and len(date1904) == len(result):
            return [
                _for_workbook(cell, flag, office_js=office_js)
                for cell, flag in zip(result, date1904, strict=True)
            ]
        return [_for_workbook(cell, date1904, office_js=office_js) for cell in result]
    if not isinstance(result, date):
        return result
    while isinstance(date1904, list) and len(date1904) == 1:
        date1904 = date1904[0]
    try:
        in_1904 = spreadsheet.to_flag(date1904, "date1904")
    except InvalidInputError:
        return result
    return result - _SHIFT_1904 if in_1904 else result


def _cell(result: object, date1904: object = False) -> Any:
    """A result for Excel: one cell unwrapped, and its error raised.

    A single cell's error value becomes ``xlwings.XlwingsError``, whose message
    xlwings shows; in a spilled range each error value stays in its own cell. Dates
    are handed over for the workbook's date system (see :func:`_for_workbook`).
    """
    result = _for_workbook(result, date1904, office_js=_OFFICE_JS)
    value = result
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        elif isinstance(value, list):
            return result  # one row of several cells
    if spreadsheet.is_error(value):
        raise xlwings.XlwingsError(value)
    return value


@func(category=_CATEGORY)
@arg("received", ndim=2, doc=f"The day the request was received: {_DATE}")
@arg("regime", ndim=2, doc=_REGIME)
@arg("clarified_on", ndim=2, doc="The day the clarification was received")
@arg("clarification_sought_on", ndim=2, doc="The day clarification was asked for")
@arg("fee_notice_on", ndim=2, doc="The day a fees notice was given")
@arg("fee_paid_on", ndim=2, doc="The day the fee was received")
@arg(
    "extended",
    ndim=2,
    doc="TRUE for a public interest (FOIA), reg 7 (EIR, EISR) or two-month (subject "
    "access) extension",
)
@arg(
    "public_interest_estimate",
    ndim=2,
    doc="FOIA: the date the refusal notice gave for the public interest decision",
)
@arg(
    "body",
    ndim=2,
    doc='"school", "archive", "armed-forces", "overseas" or "keeper"; blank for none',
)
@arg(
    "identity_confirmed_on",
    ndim=2,
    doc="Subject access: the day identity evidence arrived",
)
@arg(
    "division",
    ndim=2,
    doc='Subject access: "england-and-wales" (blank), "scotland" or "northern-ireland"',
)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_response_due(
    received,
    regime="foia",
    clarified_on=None,
    clarification_sought_on=None,
    fee_notice_on=None,
    fee_paid_on=None,
    extended=False,
    public_interest_estimate=None,
    body=None,
    identity_confirmed_on=None,
    division="england-and-wales",
    date1904=False,
):
    # type: (object, object, object, object, object, object, object, object, object, object, object, object) -> Any
    """The day by which an information request must be answered."""
    return _cell(
        spreadsheet.response_due(
            received,
            regime,
            clarified_on,
            clarification_sought_on,
            fee_notice_on,
            fee_paid_on,
            extended,
            public_interest_estimate,
            body,
            identity_confirmed_on,
            division,
            date1904,
        ),
        date1904,
    )


@func(category=_CATEGORY)
@arg("received", ndim=2, doc=f"A column of days requests were received: {_DATE}")
@arg("regime", ndim=2, doc=_REGIME)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_response_due_range(received, regime="foia", date1904=False):
    # type: (object, object, object) -> Any
    """The response due date of each request in a column, as one spilled column."""
    return _cell(
        spreadsheet.response_due(received, regime, date1904=date1904), date1904
    )


@func(category=_CATEGORY)
@arg("response_on", ndim=2, doc=f"The date of the response: {_DATE}")
@arg("regime", ndim=2, doc=_REVIEW_REGIME)
@arg("policy", ndim=2, doc=_POLICY)
@arg(
    "extenuating",
    ndim=2,
    doc="FOIA: TRUE to use the authority's window for extenuating circumstances",
)
@arg(
    "response_due_on",
    ndim=2,
    doc="FOISA: the day the response was due (FOI_RESPONSE_DUE gives it)",
)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_review_request_due(
    response_on,
    regime="foia",
    policy=None,
    extenuating=False,
    response_due_on=None,
    date1904=False,
):
    # type: (object, object, object, object, object, object) -> Any
    """The last day for the requester to ask for a review of a response."""
    return _cell(
        spreadsheet.review_request_deadline(
            response_on, regime, policy, extenuating, response_due_on, date1904
        ),
        date1904,
    )


@func(category=_CATEGORY)
@arg(
    "review_requested_on",
    ndim=2,
    doc=f"The day the request for review was received: {_DATE}",
)
@arg("regime", ndim=2, doc=_REVIEW_REGIME)
@arg("complex", ndim=2, doc="FOIA: TRUE for a complex case (40 working days)")
@arg("policy", ndim=2, doc=_POLICY)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_review_due(
    review_requested_on, regime="foia", complex=False, policy=None, date1904=False
):
    # type: (object, object, object, object, object) -> Any
    """The day by which the authority must complete a review."""
    return _cell(
        spreadsheet.review_due(review_requested_on, regime, complex, policy, date1904),
        date1904,
    )


@func(category=_CATEGORY)
@arg("received", ndim=2, doc=f"The day the request was received: {_DATE}")
@arg("responded", ndim=2, doc="The day the response was sent; blank if not yet")
@arg("as_of", ndim=2, doc="The day to report for: TODAY()")
@arg("regime", ndim=2, doc=_REGIME)
@arg("clarification_sought", ndim=2, doc="The day clarification was asked for")
@arg("clarified", ndim=2, doc="The day the clarification was received")
@arg("fee_notice", ndim=2, doc="The day a fees notice was given")
@arg("fee_paid", ndim=2, doc="The day the fee was received")
@arg(
    "extended",
    ndim=2,
    doc=(
        "TRUE if the time was extended (FOIA: public interest; EIR, EISR: reg 7; "
        "subject access: two months), or the date it was notified"
    ),
)
@arg("review_requested", ndim=2, doc="The day a review was asked for")
@arg("review_completed", ndim=2, doc="The day the review outcome was sent")
@arg("date1904", ndim=2, doc=_DATE1904)
@arg(
    "public_interest_estimate",
    ndim=2,
    doc="FOIA: the date the refusal notice gave for the public interest decision",
)
def foi_status(
    received,
    responded=None,
    as_of=None,
    regime="foia",
    clarification_sought=None,
    clarified=None,
    fee_notice=None,
    fee_paid=None,
    extended=False,
    review_requested=None,
    review_completed=None,
    date1904=False,
    public_interest_estimate=None,
):
    # type: (object, object, object, object, object, object, object, object, object, object, object, object, object) -> Any
    """Where a request stands on a day, such as "in_time" or "overdue"."""
    return _cell(
        spreadsheet.case_status(
            received,
            responded,
            as_of,
            regime,
            clarification_sought,
            clarified,
            fee_notice,
            fee_paid,
            extended,
            review_requested,
            review_completed,
            date1904,
            public_interest_estimate,
        )
    )


@func(category=_CATEGORY)
@arg("start", ndim=2, doc=f"Day 0, such as the day of receipt: {_DATE}")
@arg("end", ndim=2, doc="The last day counted, such as the response or TODAY()")
@arg("calendar", ndim=2, doc=_CALENDAR)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_working_days(start, end, calendar="uk", date1904=False):
    # type: (object, object, object, object) -> Any
    """Working days after start, up to and including end (day N of 20)."""
    return _cell(spreadsheet.working_days_between(start, end, calendar, date1904))


@func(category=_CATEGORY)
@arg("start", ndim=2, doc=f"Day 0, which is never counted: {_DATE}")
@arg("days", ndim=2, doc="How many working days to count; negative counts back")
@arg("calendar", ndim=2, doc=_CALENDAR)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_add_working_days(start, days, calendar="uk", date1904=False):
    # type: (object, object, object, object) -> Any
    """The working day that many working days after start, like WORKDAY."""
    return _cell(
        spreadsheet.add_working_days(start, days, calendar, date1904), date1904
    )


@func(category=_CATEGORY)
@arg("day", ndim=2, doc=f"The day: {_DATE}")
@arg("calendar", ndim=2, doc=_CALENDAR)
@arg("date1904", ndim=2, doc=_DATE1904)
def foi_is_working_day(day, calendar="uk", date1904=False):
    # type: (object, object, object) -> Any
    """TRUE if the day is a working day for the statutory clocks."""
    return _cell(spreadsheet.is_working_day(day, calendar, date1904))


@func(category=_CATEGORY)
@arg("first_year", doc="The first year, such as 2025")
@arg("last_year", doc="The last year; blank for the first year alone")
@arg("calendar", doc=_CALENDAR)
@arg("date1904", doc=_DATE1904)
def foi_bank_holidays(first_year, last_year=None, calendar="uk", date1904=False):
    # type: (object, object, object, object) -> Any
    """The weekday holidays of the years, as a column for WORKDAY's holidays."""
    holidays = spreadsheet.bank_holidays(first_year, last_year, calendar)
    if not isinstance(holidays, list):  # a blank year, or an error value
        return _cell(holidays)
    try:
        spreadsheet.to_flag(date1904, "date1904")
    except InvalidInputError as exc:
        return _cell(spreadsheet.error_value(exc))
    return _cell(holidays, date1904)
