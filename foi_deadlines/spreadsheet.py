"""Spreadsheet functions: the library's answers, one cell at a time.

Plain functions with spreadsheet-friendly signatures: positional parameters with
defaults (no keyword-only ones), options as text a spreadsheet user can type, and
inputs as cells deliver them. They are what the Excel functions in
``foi_deadlines.xlwings_udfs`` call, and they work as plain Python too.

* **Dates** can be a ``date`` or ``datetime``, an Excel serial number (the 1900 date
  system, or the 1904 one with ``date1904``), or text as ``YYYY-MM-DD`` or day-first
  ``DD/MM/YYYY``. Excel's fictitious 29 February 1900 (serial 60) is refused.
* **Blanks** (``None``, ``""``, serial 0) in a required input give ``None``, an empty
  cell, so a formula can be filled down a half-empty tracker. A blank optional input
  means its default.
* **Flags** take ``True``/``False``, ``1``/``0``, or text ``"TRUE"``/``"FALSE"`` or
  ``"yes"``/``"no"`` in any case.
* **A range in gives a range out**: when the first argument is a list (a row or
  column) or a list of lists (as xlwings delivers a range), the function is applied to
  each cell and the result has the same shape. Another argument may be a range of the
  same shape (taken cell by cell) or a single value (used for every cell).
* **Bad input never raises**, whatever Python value it is. The result is an error
  value, the text ``"#ERROR <code>: <message>"``, whose message names the argument
  and the value; :func:`is_error` recognises it. An error value is at most
  ``MAX_ERROR_LENGTH`` (255) characters: a long value is shown by its first 40
  characters and its length. In a column, each cell gets its own value or error.
* **Warnings are not shown.** A cell cannot show a warning, so a
  :class:`~foi_deadlines.errors.ProvisionalDateWarning` (a date beyond the confirmed
  holiday data) or a ``ShortReviewWindowWarning`` is ignored: the date is returned
  unmarked.

``to_date`` and ``to_serial`` (from ``foi_deadlines._coerce``) and ``to_flag``
are the coercion helpers underneath. Unlike the cell functions, they raise
:class:`~foi_deadlines.errors.InvalidInputError`.

>>> response_due("19/12/2024")
datetime.date(2025, 1, 22)
>>> response_due([45645, None, "2026-06-01"])
[datetime.date(2025, 1, 22), None, datetime.date(2026, 6, 30)]
>>> print(response_due(60))
#ERROR invalid-input: received must be a real date: serial 60 is Excel's 29 February
1900, a day that never existed (got 60)
"""

# Positional parameters are the point here: xlwings supports no keyword-only
# parameters, so the spreadsheet functions take every option, flags included,
# positionally (``extended=False``).
# ruff: noqa: FBT002, PLR0917

from __future__ import annotations

import contextlib
import functools
import inspect
import math
import operator
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from numbers import Real
from typing import Any, Final, ParamSpec, TypeGuard, TypeVar

from foi_deadlines._coerce import to_date, to_serial
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_SUPPORTED_DAY,
    Division,
)
from foi_deadlines.calendars import (
    CALENDAR_NAMES,
    WorkingDayCalendar,
    get_calendar,
    supported_day,
)
from foi_deadlines.errors import (
    FoiDeadlinesError,
    FoiDeadlinesWarning,
    InvalidInputError,
)
from foi_deadlines.responses import Body
from foi_deadlines.responses import response_due as _response_due
from foi_deadlines.reviews import PRESETS
from foi_deadlines.reviews import review_due as _review_due
from foi_deadlines.reviews import review_request_deadline as _review_request_deadline
from foi_deadlines.rules import Regime
from foi_deadlines.tracker import TrackerRow

__all__ = [
    "ERROR_PREFIX",
    "MAX_ERROR_LENGTH",
    "add_working_days",
    "bank_holidays",
    "case_status",
    "error_value",
    "is_error",
    "is_working_day",
    "response_due",
    "review_due",
    "review_request_deadline",
    "to_date",
    "to_flag",
    "to_serial",
    "working_days_between",
]

#: The start of every error value, as in ``"#ERROR <code>: <message>"``.
ERROR_PREFIX: Final = "#ERROR "
#: The longest error value, in characters. A cell holds 32,767, but a message is
#: read in a cell or a tooltip: a value longer than 60 characters is shown by its
#: first 40 and its length, and a message still too long is cut, ending in "…".
MAX_ERROR_LENGTH: Final = 255

_P = ParamSpec("_P")
_R = TypeVar("_R")

_TRUE: Final = frozenset({"true", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "no", "n", "0"})
_FLAG: Final = 'TRUE or FALSE (also 1 or 0, "yes" or "no")'
#: Excel keeps 15 significant digits, so a longer whole number cannot be a cell's.
_MAX_DIGITS: Final = 15
#: A value whose text is longer than this is shortened in an error message ...
_LONG_VALUE: Final = 60
#: ... to this many characters, "…", and its length.
_SHOWN_CHARACTERS: Final = 40
#: The attributes of the library's errors that hold the value a caller gave.
_ECHOED: Final = ("value", "name", "rule_id")
_FIRST_YEAR: Final = FIRST_SUPPORTED_DAY.year
_LAST_YEAR: Final = LAST_SUPPORTED_DAY.year
_REGIMES: Final = tuple(regime.value for regime in Regime)
_BODIES: Final = tuple(body.value for body in Body)
_DIVISIONS: Final = tuple(division.value for division in Division)
_PRESETS: Final = tuple(PRESETS)


def is_error(value: object) -> bool:
    """Whether ``value`` is an error value from one of these functions.

    >>> is_error(add_working_days("junk", 20)), is_error("2025-01-22")
    (True, False)
    """
    return isinstance(value, str) and value.startswith(ERROR_PREFIX)


def error_value(exc: FoiDeadlinesError) -> str:
    """The error value of a library error, as the cell functions return it.

    ``"#ERROR <code>: <message>"``, at most ``MAX_ERROR_LENGTH`` characters: a
    value in the message longer than 60 characters is shown by its first 40 and its
    length, and a message still too long is cut, ending in "…". For adapters that
    check a cell themselves.

    >>> from foi_deadlines.errors import InvalidInputError
    >>> print(error_value(InvalidInputError("days", "x" * 10_000, "a whole number")))
    #ERROR invalid-input: days must be a whole number (got
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (10,000 characters))
    """
    echoed = {name: value for name, value in vars(exc).items() if name in _ECHOED}
    try:
        for name, value in echoed.items():
            setattr(exc, name, _Shortened(value))
        message = f"{ERROR_PREFIX}{exc.code}: {exc}"
    finally:
        for name, value in echoed.items():
            setattr(exc, name, value)
    if len(message) > MAX_ERROR_LENGTH:
        message = message[: MAX_ERROR_LENGTH - 1] + "…"
    return message


class _Shortened:
    """A value as an error message shows it: a long one by its start and length.

    Its ``repr`` and ``str`` are those of the value, unless they are longer than
    60 characters, or cannot be made at all (an integer with more
    digits than Python writes out, a list nested too deep, an object whose
    ``__repr__`` fails).

    >>> print(repr(_Shortened("x" * 10_000)))
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (10,000 characters)
    >>> print(_Shortened(10**5000))
    a whole number of 5,001 digits
    """

    __slots__ = ("_value",)

    def __init__(self, value: object) -> None:
        self._value = value

    def __repr__(self) -> str:
        return _shown(self._value, repr)

    def __str__(self) -> str:
        return _shown(self._value, str)


def _shown(value: object, show: Callable[[object], str]) -> str:
    """``show(value)``, shortened to its start and length when it is long.

    The length is the text's own for a ``str`` (not its repr's), and the shown
    form's for anything else.
    """
    try:
        if isinstance(value, str) and len(value) > _LONG_VALUE:
            # Cut before showing: the repr of ten megabytes of text is not needed.
            return f"{show(value[:_SHOWN_CHARACTERS])}… ({len(value):,} characters)"
        text = show(value)
    except Exception:  # a cell may hold any object: say what it is instead
        if isinstance(value, int):  # more digits than Python writes out
            return f"a whole number of {_digit_count(value):,} digits"
        return f"an object of type {type(value).__name__!r} that cannot be shown"
    if len(text) > _LONG_VALUE:
        length = len(value) if isinstance(value, str) else len(text)
        return f"{text[:_SHOWN_CHARACTERS]}… ({length:,} characters)"
    return text


def _digit_count(number: int) -> int:
    """How many decimal digits ``number`` has, without writing it out."""
    magnitude = abs(number)
    digits = int((magnitude.bit_length() - 1) * math.log10(2)) + 1
    if magnitude >= 10**digits:  # the estimate is one short
        digits += 1
    return digits


# -- ranges in, ranges out -------------------------------------------------------------


def _is_range(value: object) -> TypeGuard[list[Any] | tuple[Any, ...]]:
    return isinstance(value, (list, tuple))


def _shape(value: list[Any] | tuple[Any, ...]) -> tuple[int, ...]:
    """``(n,)`` for a row or column, the length of each row for a list of lists."""
    if value and all(_is_range(row) for row in value):
        return (-1, *(len(row) for row in value))
    return (len(value),)


def _single(value: object) -> tuple[bool, object]:
    """Whether ``value`` is one cell (a value, ``[x]`` or ``[[x]]``), and the value."""
    while isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    return not _is_range(value), value


def _describe_range(value: object) -> str:
    if not _is_range(value):
        return repr(value)
    if _shape(value)[0] == -1:
        return f"a range of {len(value)} rows"
    return f"a range of {len(value)} cells"


def _call(function: Callable[..., _R], arguments: Mapping[str, object]) -> _R | str:
    try:
        return function(**arguments)
    except FoiDeadlinesError as exc:
        return error_value(exc)


def _over_range(
    function: Callable[..., _R], arguments: dict[str, object]
) -> _R | str | list[Any]:
    """Apply ``function`` cell by cell over the range in its first argument."""
    names = list(arguments)
    first = arguments[names[0]]
    assert isinstance(first, (list, tuple))
    shape = _shape(first)
    per_cell: dict[str, list[Any] | tuple[Any, ...]] = {names[0]: first}
    fixed: dict[str, object] = {}
    for name in names[1:]:
        value = arguments[name]
        if _is_range(value) and _shape(value) == shape:
            per_cell[name] = value
            continue
        single, cell = _single(value)
        if not single:
            return error_value(
                InvalidInputError(
                    name,
                    _describe_range(value),
                    f"a single value, or a range the same shape as {names[0]}",
                )
            )
        fixed[name] = cell

    def at(index: int, column: int | None) -> _R | str:
        cell_arguments = dict(fixed)
        for name, values in per_cell.items():
            row = values[index]
            cell_arguments[name] = row if column is None else row[column]
        return _call(function, {name: cell_arguments[name] for name in names})

    if shape[0] == -1:
        return [[at(i, j) for j in range(len(row))] for i, row in enumerate(first)]
    return [at(i, None) for i in range(len(first))]


def _cell_function(function: Callable[_P, _R]) -> Callable[_P, _R | str | list[Any]]:
    """Make ``function`` a spreadsheet function.

    Errors of the library become error values, its warnings are ignored, and a range
    in the first argument is mapped cell by cell.
    """
    signature = inspect.signature(function)
    first = next(iter(signature.parameters))

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | str | list[Any]:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FoiDeadlinesWarning)
            if _is_range(arguments[first]):
                return _over_range(function, arguments)
            for name, value in arguments.items():
                if _is_range(value):
                    single, cell = _single(value)
                    if not single:
                        return error_value(
                            InvalidInputError(
                                name,
                                _describe_range(value),
                                f"a single value, as {first} is a single cell",
                            )
                        )
                    arguments[name] = cell
            return _call(function, arguments)

    return wrapper


def _single_cell_function(function: Callable[_P, _R]) -> Callable[_P, _R | str]:
    """Make ``function`` a spreadsheet function that does not map over ranges."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FoiDeadlinesWarning)
            try:
                return function(*args, **kwargs)
            except FoiDeadlinesError as exc:
                return error_value(exc)

    return wrapper


# -- reading cells ---------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_flag(value: object, param: str = "flag") -> bool:
    """A yes/no cell: a boolean, 1 or 0, or text such as ``"TRUE"`` or ``"no"``.

    Args:
        value: ``True`` or ``False``, ``1`` or ``0``, or text ``"true"``,
            ``"yes"``, ``"y"``, ``"1"`` (or their opposites) in any case; a blank
            (``None`` or ``""``) is ``False``.
        param: The parameter name to use in an error message.

    Returns:
        The flag.

    Raises:
        InvalidInputError: Anything else.

    >>> to_flag("TRUE"), to_flag(0), to_flag(None)
    (True, False, False)
    """
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, Real) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise InvalidInputError(param, value, _FLAG)


def _text(value: object, param: str, valid: tuple[str, ...]) -> str | None:
    """One of ``valid``, in any case; ``None`` for a blank."""
    if _blank(value):
        return None
    if isinstance(value, str) and (text := value.strip().lower()) in valid:
        return text
    names = ", ".join(repr(name) for name in valid)
    raise InvalidInputError(param, value, f"blank or one of {names}")


def _option(value: object, param: str, valid: tuple[str, ...], default: str) -> str:
    """One of ``valid``, in any case; blank is ``default``."""
    try:
        text = _text(value, param, valid)
    except InvalidInputError as exc:
        names = ", ".join(repr(name) for name in valid)
        raise InvalidInputError(
            param, value, f"one of {names} (blank for {default!r})"
        ) from exc
    return default if text is None else text


def _whole(value: object, param: str) -> int | None:
    """A whole number from a number cell or text; ``None`` for a blank.

    At most 15 digits, as a spreadsheet keeps, so that no count or year handed on
    is too large to compute with or to show.
    """
    if _blank(value):
        return None
    whole: int | None = None
    if isinstance(value, str):
        text = value.strip()
        sign = text[:1] if text[:1] in {"+", "-"} else ""
        digits = text[len(sign) :]
        if digits.isdecimal():  # what int() reads, in any script
            significant = digits.lstrip("0") or "0"
            # Counted before int(), which refuses text of more than 4,300 digits.
            whole = int(sign + significant[: _MAX_DIGITS + 1])
    elif not isinstance(value, bool) and isinstance(value, Real):
        # Exact arithmetic, not float(): an int too large for a float is read, and
        # NaN and the infinities are refused, without raising.
        with contextlib.suppress(OverflowError, ValueError):
            floor = operator.index(math.floor(value))
            whole = floor if floor == value else None
    if whole is None:
        raise InvalidInputError(param, value, "a whole number")
    if abs(whole) >= 10**_MAX_DIGITS:
        raise InvalidInputError(
            param, value, f"a whole number of at most {_MAX_DIGITS} digits"
        )
    return whole


def _day(value: object, param: str, *, date1904: bool) -> date | None:
    """A date cell, checked to lie within the days the calendars cover."""
    day = to_date(value, param, date1904=date1904)
    return None if day is None else supported_day(day, param)


def _calendar(value: object) -> WorkingDayCalendar:
    return get_calendar(_option(value, "calendar", CALENDAR_NAMES, "uk"))


def _regime(value: object) -> str:
    return _option(value, "regime", _REGIMES, "foia")


# -- the functions ---------------------------------------------------------------------


@_cell_function
def response_due(
    received: object,
    regime: object = "foia",
    clarified_on: object = None,
    clarification_sought_on: object = None,
    fee_notice_on: object = None,
    fee_paid_on: object = None,
    extended: object = False,
    public_interest_estimate: object = None,
    body: object = None,
    identity_confirmed_on: object = None,
    division: object = "england-and-wales",
    date1904: object = False,
) -> date | None:
    """When a request must be answered (Excel: ``FOI_RESPONSE_DUE``).

    The options are those of :func:`foi_deadlines.responses.response_due`, as cells.

    Args:
        received: The day the request was received.
        regime: A :class:`~foi_deadlines.rules.Regime` value such as ``"foia"``
            (the default) or ``"sar"``, in any case.
        clarified_on: The day the clarification was received (the clock restarts).
        clarification_sought_on: The day clarification was asked for.
        fee_notice_on: The day a fees notice was given (the clock stops).
        fee_paid_on: The day the fee was received.
        extended: A public interest extension (FOIA), a reg 7 extension (EIR,
            EISR), or two further months (subject access).
        public_interest_estimate: FOIA: the date given in the refusal notice.
        body: ``"school"``, ``"archive"``, ``"armed-forces"``, ``"overseas"`` or
            ``"keeper"``.
        identity_confirmed_on: Subject access: the day identity evidence arrived.
        division: Subject access: the controller's part of the UK.
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        The due date; ``None`` for a blank ``received``; an error value for bad
        input, and while the clock is stopped (a fee not yet paid: the message says
        what restarts it).

    >>> response_due("28/03/2024"), response_due("28/03/2024", "FOISA")
    (datetime.date(2024, 4, 29), datetime.date(2024, 4, 26))
    >>> response_due(45719, "foia", None, None, 45726, 45740)
    datetime.date(2025, 4, 15)
    >>> print(response_due(45719, "foia", None, None, 45726))
    #ERROR clock-stopped: the clock stopped on 2025-03-10 and has not restarted: pass
    fee_paid_on to compute the due date; 16 working days will remain; ...
    """
    in_1904 = to_flag(date1904, "date1904")
    day = _day(received, "received", date1904=in_1904)
    if day is None:
        return None
    return _response_due(
        day,
        regime=_regime(regime),
        clarified_on=_day(clarified_on, "clarified_on", date1904=in_1904),
        clarification_sought_on=_day(
            clarification_sought_on, "clarification_sought_on", date1904=in_1904
        ),
        fee_notice_on=_day(fee_notice_on, "fee_notice_on", date1904=in_1904),
        fee_paid_on=_day(fee_paid_on, "fee_paid_on", date1904=in_1904),
        extended=to_flag(extended, "extended"),
        public_interest_estimate=_day(
            public_interest_estimate, "public_interest_estimate", date1904=in_1904
        ),
        body=_text(body, "body", _BODIES),
        identity_confirmed_on=_day(
            identity_confirmed_on, "identity_confirmed_on", date1904=in_1904
        ),
        division=_option(division, "division", _DIVISIONS, "england-and-wales"),
    ).due


@_cell_function
def review_request_deadline(
    response_on: object,
    regime: object = "foia",
    policy: object = None,
    extenuating: object = False,
    response_due_on: object = None,
    date1904: object = False,
) -> date | None:
    """The last day to ask for a review (Excel: ``FOI_REVIEW_REQUEST_DUE``).

    Args:
        response_on: The date of the response.
        regime: A :class:`~foi_deadlines.rules.Regime` value with a review stage,
            such as ``"foia"`` or ``"eir"``.
        policy: FOIA: the authority's published windows, as a preset name:
            ``"code-of-practice"`` (blank), ``"twenty-or-forty"`` or ``"twenty"``.
        extenuating: FOIA: use the authority's window for extenuating
            circumstances.
        response_due_on: FOISA: the day the response was due (required).
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        The last day; ``None`` for a blank ``response_on``; an error value for bad
        input. A window shorter than the Code of Practice's is not flagged: a cell
        cannot show the warning.

    >>> review_request_deadline("19/12/2024")
    datetime.date(2025, 2, 19)
    >>> review_request_deadline("19/12/2024", "foia", "twenty")
    datetime.date(2025, 1, 22)
    >>> review_request_deadline("10/03/2025", "foisa", None, False, "31/03/2025")
    datetime.date(2025, 5, 29)
    """
    in_1904 = to_flag(date1904, "date1904")
    day = _day(response_on, "response_on", date1904=in_1904)
    if day is None:
        return None
    chosen = _regime(regime)
    due_on = _day(response_due_on, "response_due_on", date1904=in_1904)
    try:
        return _review_request_deadline(
            day,
            regime=chosen,
            policy=_text(policy, "policy", _PRESETS),
            extenuating=to_flag(extenuating, "extenuating"),
            response_due_on=due_on,
        ).due
    except InvalidInputError as exc:
        if exc.param != "response_due_on":
            raise
        raise InvalidInputError(
            "response_due_on",
            response_due_on,
            f"the day the response was due, under {Regime(chosen).label}: the "
            "window runs from it when the response was in time; "
            f'FOI_RESPONSE_DUE(received, "{chosen}") gives it',
        ) from None


@_cell_function
def review_due(
    review_requested_on: object,
    regime: object = "foia",
    complex: object = False,
    policy: object = None,
    date1904: object = False,
) -> date | None:
    """When the authority must complete a review (Excel: ``FOI_REVIEW_DUE``).

    Args:
        review_requested_on: The day the request for review was received.
        regime: A :class:`~foi_deadlines.rules.Regime` value with a review stage,
            such as ``"foia"`` or ``"eir"``.
        complex: FOIA: a complex or exceptional case (40 working days).
        policy: FOIA: the authority's published times, as a preset name.
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        The due date; ``None`` for a blank ``review_requested_on``; an error value
        for bad input.

    >>> review_due("14/04/2025"), review_due("14/04/2025", "foia", True)
    (datetime.date(2025, 5, 15), datetime.date(2025, 6, 13))
    >>> print(review_due("14/04/2025", "eir", "yes"))
    #ERROR not-applicable: complex does not apply under EIR 2004: the time is fixed
    by law (Environmental Information Regulations 2004 reg 11(4))
    """
    in_1904 = to_flag(date1904, "date1904")
    day = _day(review_requested_on, "review_requested_on", date1904=in_1904)
    if day is None:
        return None
    return _review_due(
        day,
        regime=_regime(regime),
        complex=to_flag(complex, "complex"),
        policy=_text(policy, "policy", _PRESETS),
    ).due


@_cell_function
def working_days_between(
    start: object, end: object, calendar: object = "uk", date1904: object = False
) -> int | None:
    """Working days after ``start`` up to and including ``end`` (``FOI_WORKING_DAYS``).

    A response sent on the 20th working day after receipt took 20 working days
    (where ``NETWORKDAYS``, which also counts a working start day, says 21).
    Negative when ``end`` is before ``start``.

    Args:
        start: Day 0, such as the day a request was received.
        end: The last day counted, such as the day of the response or ``TODAY()``.
        calendar: ``"uk"`` (FOIA, EIR; the default), ``"scotland"`` (FOISA, EISR),
            ``"england-and-wales"`` or ``"northern-ireland"``.
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        The count; ``None`` if either date is blank; an error value for bad input.

    >>> working_days_between("19/12/2024", "22/01/2025")
    20
    >>> working_days_between("19/12/2024", "22/01/2025", "england-and-wales")
    21
    """
    in_1904 = to_flag(date1904, "date1904")
    first = to_date(start, "start", date1904=in_1904)
    last = to_date(end, "end", date1904=in_1904)
    if first is None or last is None:
        return None
    return _calendar(calendar).working_days_between(first, last)


@_cell_function
def is_working_day(
    day: object, calendar: object = "uk", date1904: object = False
) -> bool | None:
    """Whether ``day`` is a working day (Excel: ``FOI_IS_WORKING_DAY``).

    Args:
        day: The day.
        calendar: The calendar, as for :func:`working_days_between`.
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        ``True`` or ``False``; ``None`` for a blank; an error value for bad input.

    >>> is_working_day("02/01/2025"), is_working_day("02/01/2025", "england-and-wales")
    (False, True)
    """
    in_1904 = to_flag(date1904, "date1904")
    checked = to_date(day, "day", date1904=in_1904)
    if checked is None:
        return None
    return _calendar(calendar).is_working_day(checked)


@_cell_function
def add_working_days(
    start: object, days: object, calendar: object = "uk", date1904: object = False
) -> date | None:
    """The ``days``-th working day after ``start`` (``FOI_ADD_WORKING_DAYS``).

    Like Excel's ``WORKDAY`` with the right holidays built in: ``start`` is day 0
    and is never counted, whether or not it is a working day; a negative ``days``
    counts back.

    Args:
        start: Day 0.
        days: How many working days to count: a whole number.
        calendar: The calendar, as for :func:`working_days_between`.
        date1904: Read serial numbers in Excel's 1904 date system.

    Returns:
        The date; ``None`` if ``start`` or ``days`` is blank; an error value for bad
        input.

    >>> add_working_days("28/12/2024", 20)  # a Saturday is day 0
    datetime.date(2025, 1, 28)
    >>> add_working_days("2030-06-03", 20)  # provisional: returned, not marked
    datetime.date(2030, 7, 1)
    """
    in_1904 = to_flag(date1904, "date1904")
    first = to_date(start, "start", date1904=in_1904)
    count = _whole(days, "days")
    if first is None or count is None:
        return None
    return _calendar(calendar).add_working_days(first, count)


@_cell_function
def case_status(
    received: object,
    responded: object = None,
    as_of: object = None,
    regime: object = "foia",
    clarification_sought: object = None,
    clarified: object = None,
    fee_notice: object = None,
    fee_paid: object = None,
    extended: object = False,
    review_requested: object = None,
    review_completed: object = None,
    date1904: object = False,
    public_interest_estimate: object = None,
) -> str | None:
    """Where a request stands on ``as_of``, from a tracker's columns (``FOI_STATUS``).

    Reads the row with :class:`~foi_deadlines.tracker.TrackerRow`, as the batch fill
    and ``foi-deadlines status`` do, and returns the code of its case's
    :meth:`~foi_deadlines.cases.Case.status`: ``"awaiting_clarification"``,
    ``"awaiting_fee"``, ``"in_time"``, ``"due_soon"`` (5 working days or fewer
    left), ``"overdue"``, ``"responded_in_time"``, ``"responded_within_extension"``,
    ``"responded_late"``, ``"review_open"``, ``"review_overdue"``, ``"lapsed"`` or
    ``"closed"``.

    Args:
        received: The day the request was received.
        responded: The day the response was sent.
        as_of: The day to report for: pass ``TODAY()``. Required: the library never
            reads the clock, so results can be reproduced.
        regime: A :class:`~foi_deadlines.rules.Regime` value such as ``"foia"``
            (the default) or ``"sar"``.
        clarification_sought: The day clarification was asked for.
        clarified: The day the clarification was received.
        fee_notice: The day a fees notice was given.
        fee_paid: The day the fee was received.
        extended: Whether time was extended under the regime's own extension (FOIA
            public interest, EIR or EISR reg 7, subject access two months): yes or
            no, or the date the extension was notified (checked against its
            window).
        review_requested: The day a review was asked for.
        review_completed: The day the review outcome was sent.
        date1904: Read serial numbers in Excel's 1904 date system.
        public_interest_estimate: FOIA: the date the refusal notice gave for the
            public interest decision; without it an extension runs to the limit
            of policy P5 (40 working days).

    Returns:
        The status code; ``None`` for a blank ``received``; an error value for bad
        input, such as dates that cannot all be true.

    >>> case_status("19/12/2024", None, "20/01/2025")
    'due_soon'
    >>> case_status("19/12/2024", "23/01/2025", "01/02/2025")
    'responded_late'
    >>> case_status("06/01/2025", None, "10/02/2025", "foia", *[None] * 4, "yes")
    'in_time'
    >>> print(case_status("19/12/2024", "23/01/2025", None))
    #ERROR invalid-input: as_of must be the day to report for: pass TODAY() (got None)
    """
    in_1904 = to_flag(date1904, "date1904")
    if _day(received, "received", date1904=in_1904) is None:
        return None
    day = _day(as_of, "as_of", date1904=in_1904)
    if day is None:
        raise InvalidInputError("as_of", as_of, "the day to report for: pass TODAY()")
    if (
        isinstance(extended, Real)
        and not isinstance(extended, bool)
        and extended not in (0, 1)
    ):
        # A number that is no flag is the date of the extension. Refuse one outside
        # the serial numbers here, exactly: TrackerRow reads numbers with float(),
        # which an int past 1e308 overflows.
        to_date(extended, "extended", date1904=in_1904)
    row = TrackerRow.from_cells(
        {
            "received": received,
            "regime": regime,
            "clarification_sought": clarification_sought,
            "clarified": clarified,
            "fee_notice": fee_notice,
            "fee_paid": fee_paid,
            "extended": extended,
            "public_interest_estimate": public_interest_estimate,
            "responded": responded,
            "review_requested": review_requested,
            "review_completed": review_completed,
        },
        date1904=in_1904,
        as_of=day,
    )
    assert row is not None
    return row.to_case().status(day).code.value


@_single_cell_function
def bank_holidays(
    first_year: object, last_year: object = None, calendar: object = "uk"
) -> list[list[date]] | None:
    """Every weekday that is not a working day, for ``WORKDAY`` (``FOI_BANK_HOLIDAYS``).

    Bank holidays, Christmas Day and Good Friday that fall on a weekday, for the
    years ``first_year`` to ``last_year``, as one column with no header: the
    ``holidays`` argument of ``WORKDAY`` and ``NETWORKDAYS``. Weekends are left out,
    as those functions skip them anyway.

    Args:
        first_year: The first year (2000 to 2100).
        last_year: The last year; blank for ``first_year`` alone.
        calendar: ``"uk"`` (FOIA, EIR: bank holidays in any part of the UK; the
            default), ``"scotland"`` (FOISA, EISR), ``"england-and-wales"`` or
            ``"northern-ireland"``.

    Returns:
        A column of dates, ``[[date], ...]``; ``None`` for a blank ``first_year``;
        an error value for bad input.

    >>> [row[0].isoformat() for row in bank_holidays(2025)][:3]
    ['2025-01-01', '2025-01-02', '2025-03-17']
    >>> len(bank_holidays(2025, 2026)), len(bank_holidays(2025, 2026, "scotland"))
    (27, 19)
    """
    first = _whole(first_year, "first_year")
    if first is None or first == 0:
        return None
    if not _FIRST_YEAR <= first <= _LAST_YEAR:
        raise InvalidInputError(
            "first_year", first_year, f"a year from {_FIRST_YEAR} to {_LAST_YEAR}"
        )
    last = _whole(last_year, "last_year")
    if last is None or last == 0:
        last = first
    elif not first <= last <= _LAST_YEAR:
        raise InvalidInputError(
            "last_year",
            last_year,
            f"blank, or a year from first_year ({first}) to {_LAST_YEAR}",
        )
    days = _calendar(calendar).non_working_days(
        date(first, 1, 1), date(last, 12, 31), include_weekends=False
    )
    return [[day.day] for day in days]
