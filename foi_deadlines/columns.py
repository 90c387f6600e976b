"""Deadlines for whole columns of requests: numpy, pandas, Polars, pyarrow.

:func:`response_due` and :func:`review_due` take a column of days and give back a
column of due dates of the same kind, each row what the scalar function of the
same name gives for it (:func:`foi_deadlines.responses.response_due`,
:func:`foi_deadlines.reviews.review_due`):

* a numpy ``datetime64`` array (any unit) gives a ``datetime64[D]`` array;
* a pandas Series (``datetime64`` of any unit, time-zone aware or not, or
  ``date`` objects) gives a Series with the same index and name, of dtype
  ``datetime64[s]`` (the resolution pandas itself gives a day); an Index gives
  a DatetimeIndex;
* a Polars Series (``Date`` or ``Datetime``) gives a ``Date`` Series, and a
  Polars expression gives an expression (worked out through ``map_batches``
  over a struct of the expressions given);
* a pyarrow array or chunked array (``date32``, ``date64``, ``timestamp``)
  gives a ``date32`` array of the same shape;
* a sequence of dates (and ``None``) gives a list of dates (and ``None``).

A timestamp is taken as its date in the UK (Europe/London), as the scalar
functions take one. None of numpy, pandas, Polars or pyarrow is needed until a
column of its kind is given; numpy is needed for any column.

Nulls propagate: a row with no day of receipt gives a null. So does a row whose
clock is not running: stopped awaiting clarification or a fee, lapsed for want of
the fee, or treated as closed (policy P17), where the scalar function raises
:class:`~foi_deadlines.errors.ClockStoppedError` or
:class:`~foi_deadlines.errors.RequestLapsedError`; the status of each request says
which.

A row the scalar function refuses (a clarification before the request, an option
the regime does not have, a day outside 2000 to 2100) makes the whole call raise
:class:`~foi_deadlines.errors.RowError` naming the first such row and the scalar
message (``errors="raise"``), or gives a null for it (``errors="coerce"``).

Results beyond the confirmed holiday data give one
:class:`~foi_deadlines.errors.ProvisionalDateWarning` per call, not one per row.

>>> from datetime import date
>>> response_due([date(2024, 12, 19), None, date(2025, 3, 3)])
[datetime.date(2025, 1, 22), None, datetime.date(2025, 4, 1)]
>>> response_due(
...     [date(2025, 1, 6), date(2025, 1, 6)],
...     regime=["foia", "FOISA"],
...     clarified_on=[date(2025, 1, 20), None],
... )
[datetime.date(2025, 2, 17), datetime.date(2025, 2, 3)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import attrs

from foi_deadlines._arrays import (
    Column,
    bools_of,
    codes_of,
    column_of,
    counts_of,
    days_of,
    is_column,
    kind_of,
    labels_of,
)
from foi_deadlines._columnar import (
    DATE_OPTIONS,
    REGIME_CODES,
    REGIMES,
    ResponseArrays,
    response_arrays,
    warn_provisional,
)
from foi_deadlines._columnar_status import (
    NO_COUNT,
    STATUS_CODES,
    status_arrays,
)
from foi_deadlines._dates import NULL_DAY, epoch_day, from_epoch_day, to_uk_date
from foi_deadlines.bank_holidays import Division, HolidayData
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    RowError,
)
from foi_deadlines.reviews import review_due as _scalar_review_due
from foi_deadlines.rules import AuthorityPolicy, Policies, Regime

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Errors", "StatusColumns", "response_due", "review_due", "status"]

#: What to do with a row the scalar function refuses: raise
#: :class:`~foi_deadlines.errors.RowError`, or give a null.
Errors = Literal["raise", "coerce"]

_REGIME_EXPECTED: Final = "a regime such as " + ", ".join(
    regime.words[0] for regime in Regime
)

DateColumn = Any
"""A column of dates of any kind the module takes (see the module's docstring)."""


@overload
def response_due(
    received: npt.NDArray[Any],
    *,
    regime: Regime | str | Any = "foia",
    clarified_on: DateColumn | None = None,
    clarification_sought_on: DateColumn | None = None,
    fee_notice_on: DateColumn | None = None,
    fee_paid_on: DateColumn | None = None,
    extended: bool | Any = False,
    extended_on: DateColumn | None = None,
    public_interest_estimate: DateColumn | None = None,
    identity_confirmed_on: DateColumn | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> npt.NDArray[np.datetime64]: ...
@overload
def response_due(
    received: Sequence[date | datetime | None],
    *,
    regime: Regime | str | Any = "foia",
    clarified_on: DateColumn | None = None,
    clarification_sought_on: DateColumn | None = None,
    fee_notice_on: DateColumn | None = None,
    fee_paid_on: DateColumn | None = None,
    extended: bool | Any = False,
    extended_on: DateColumn | None = None,
    public_interest_estimate: DateColumn | None = None,
    identity_confirmed_on: DateColumn | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> list[date | None]: ...
@overload
def response_due(
    received: DateColumn,
    *,
    regime: Regime | str | Any = "foia",
    clarified_on: DateColumn | None = None,
    clarification_sought_on: DateColumn | None = None,
    fee_notice_on: DateColumn | None = None,
    fee_paid_on: DateColumn | None = None,
    extended: bool | Any = False,
    extended_on: DateColumn | None = None,
    public_interest_estimate: DateColumn | None = None,
    identity_confirmed_on: DateColumn | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> Any: ...
def response_due(
    received: DateColumn,
    *,
    regime: Regime | str | Any = "foia",
    clarified_on: DateColumn | None = None,
    clarification_sought_on: DateColumn | None = None,
    fee_notice_on: DateColumn | None = None,
    fee_paid_on: DateColumn | None = None,
    extended: bool | Any = False,
    extended_on: DateColumn | None = None,
    public_interest_estimate: DateColumn | None = None,
    identity_confirmed_on: DateColumn | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> Any:
    """When each request of a column must be answered.

    Each row gives what :func:`foi_deadlines.responses.response_due` gives for the
    same values (its ``.due``), or a null where that raises because the clock is
    stopped or the request lapsed.

    Args:
        received: The days of receipt: a column of any kind the module takes
            (see above), or a Polars expression.
        regime: One regime for every row (a :class:`~foi_deadlines.rules.Regime`,
            its value, or a word trackers use, such as ``"FOI"``), or a column of
            them (strings or categories); each distinct value is looked up once.
        clarified_on: A column of the days clarification arrived, or ``None``;
            as each option below, a single date is taken for every row.
        clarification_sought_on: The days clarification was sought.
        fee_notice_on: The days of the fees notice.
        fee_paid_on: The days the fee was received.
        extended: ``True`` for an extension on every row (as the scalar
            ``extended=True``), or a column of flags (a null is ``False``).
        extended_on: The days the extension was notified (a null: none, unless
            ``extended`` says there is one).
        public_interest_estimate: FOIA: the estimates in the refusal notices.
        identity_confirmed_on: Subject access: the days identity evidence
            arrived.
        division: As for the scalar function, for every row.
        policies: As for the scalar function, for every row.
        data: As for the scalar function, for every row.
        errors: ``"raise"`` (the default) or ``"coerce"``: a null for a refused
            row.

    Returns:
        The due dates, as a column of the kind ``received`` is.

    Raises:
        RowError: A row the scalar function refuses (``errors="raise"``); the
            message names its position and gives the scalar message.
        InvalidInputError: An argument that is wrong for every row: a column of
            another length, a bad ``division`` or ``policies``; or timestamps of
            receipt under policy P2 (``office_hours_cutoff``), whose time of day
            only the scalar function reads.
        InvalidDateError: A column that does not hold dates.

    Warns:
        ProvisionalDateWarning: Once, if any date is beyond the confirmed holiday
            data.

    >>> import numpy as np
    >>> response_due(np.array(["2025-03-03", "NaT"], dtype="datetime64[D]"),
    ...     fee_notice_on=np.array(["2025-03-10", "NaT"], dtype="datetime64[D]"),
    ...     fee_paid_on=np.array(["2025-03-24", "NaT"], dtype="datetime64[D]"))
    array(['2025-04-15', 'NaT'], dtype='datetime64[D]')
    """
    options: dict[str, Any] = {
        "regime": regime,
        "clarified_on": clarified_on,
        "clarification_sought_on": clarification_sought_on,
        "fee_notice_on": fee_notice_on,
        "fee_paid_on": fee_paid_on,
        "extended": extended,
        "extended_on": extended_on,
        "public_interest_estimate": public_interest_estimate,
        "identity_confirmed_on": identity_confirmed_on,
    }
    fixed = {"division": division, "policies": policies, "data": data}
    _check_errors(errors)
    _need_numpy()
    if _is_expression(received) or any(map(_is_expression, options.values())):
        return _expression(response_due, received, options, {**fixed, "errors": errors})
    arrays, like, codes = _response_arrays(received, options, fixed)
    due = arrays.final_due
    refused = arrays.errors
    if refused and errors == "raise":
        _raise_first(refused, codes, regime)
    warn_provisional(arrays, stacklevel=2)
    return column_of(due.copy() if like.kind == "numpy" else due, like)


def _response_arrays(
    received: object, options: dict[str, Any], fixed: dict[str, Any]
) -> tuple[ResponseArrays, Column, npt.NDArray[np.int8]]:
    """The engine's arrays for a call of :func:`response_due`, and its input."""
    days, like = days_of(received, "received")
    n = like.length
    policies = fixed["policies"]
    if (
        like.timed
        and isinstance(policies, Policies)
        and policies.office_hours_cutoff is not None
    ):
        raise InvalidInputError(
            "received",
            "timestamps",
            "dates: under policy P2 (office_hours_cutoff) the time of arrival "
            "matters, and only foi_deadlines.response_due reads it, one request at "
            "a time",
        )
    codes = codes_of(options["regime"], REGIME_CODES, "regime", n)
    dates: dict[str, Any] = {
        name: _option_days(options[name], name, n)
        for name in DATE_OPTIONS
        if options[name] is not None
    }
    flags = None
    if options["extended"] is not False:
        flags = bools_of(options["extended"], "extended", n)
    arrays = response_arrays(days, codes, **dates, **fixed, extended=flags)
    return arrays, like, codes


def _option_days(column: object, name: str, n: int) -> npt.NDArray[np.int64]:
    days, found = days_of(column, name, n)
    if found.length != n:
        raise InvalidInputError(
            name, f"{found.length} rows", f"a column as long as received ({n} rows)"
        )
    return days


def _need_numpy() -> None:
    """Refuse, saying what to install, where numpy is missing."""
    try:
        import numpy  # noqa: F401, PLC0415 - optional, only for columns
    except ImportError as exc:
        msg = (
            "foi_deadlines.columns needs numpy, which is not installed: "
            "pip install 'foi-deadlines[numpy]'"
        )
        raise ImportError(msg) from exc


def _check_errors(errors: object) -> None:
    if errors not in ("raise", "coerce"):
        raise InvalidInputError("errors", errors, "'raise' or 'coerce'")


def _raise_first(
    refused: tuple[tuple[int, str], ...], codes: npt.NDArray[np.int8], regime: object
) -> None:
    position, problem = refused[0]
    if codes[position] < 0:
        value = _item(regime, position)
        problem = str(InvalidInputError("regime", value, _REGIME_EXPECTED))
    raise RowError(position, problem, len(refused))


def _item(column: object, position: int) -> object:
    """One value of a column (or the value, if it is not one), for a message."""
    if not is_column(column):
        return column
    kind = kind_of(column)
    if kind == "pandas":
        return column.iloc[position]  # type: ignore[attr-defined]
    if kind == "arrow":
        return column[position].as_py()  # type: ignore[index]
    value = column[position]  # type: ignore[index]
    return value.item() if hasattr(value, "item") else value


# -- Polars expressions ---------------------------------------------------------------


def _is_expression(value: object) -> bool:
    return kind_of(value) == "polars" and type(value).__name__ == "Expr"


def _expression(
    function: Callable[..., Any],
    first: object,
    options: dict[str, Any],
    fixed: dict[str, Any],
) -> Any:
    """``function`` over Polars expressions, as one expression.

    The expressions among the arguments are gathered in a struct and worked out
    batch by batch (``map_batches``); the other arguments are used as they are.
    """
    import polars as pl  # noqa: PLC0415 - optional, only for Polars expressions

    named = {"_first": first, **options}
    fields = [
        value.alias(name) for name, value in named.items() if _is_expression(value)
    ]
    static = {name: value for name, value in named.items() if not _is_expression(value)}
    if "_first" in static:
        raise InvalidInputError(
            "received",
            type(first).__name__,
            "a Polars expression too, when another argument is one",
        )

    def batch(series: pl.Series) -> pl.Series:
        given = {
            name: series.struct.field(name) for name in named if name not in static
        }
        first_column = given.pop("_first")
        result: pl.Series = function(first_column, **given, **static, **fixed)
        return result

    result = pl.struct(fields).map_batches(
        batch, return_dtype=pl.Date, is_elementwise=True
    )
    try:
        name = first.meta.output_name()  # type: ignore[attr-defined]
    except pl.exceptions.ComputeError:
        return result
    return result.alias(name)


# -- reviews ---------------------------------------------------------------------


@overload
def review_due(
    review_requested: npt.NDArray[Any],
    *,
    regime: Regime | str | Any = "foia",
    complex: bool | Any = False,
    policy: AuthorityPolicy | str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> npt.NDArray[np.datetime64]: ...
@overload
def review_due(
    review_requested: Sequence[date | datetime | None],
    *,
    regime: Regime | str | Any = "foia",
    complex: bool | Any = False,
    policy: AuthorityPolicy | str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> list[date | None]: ...
@overload
def review_due(
    review_requested: DateColumn,
    *,
    regime: Regime | str | Any = "foia",
    complex: bool | Any = False,
    policy: AuthorityPolicy | str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> Any: ...
def review_due(
    review_requested: DateColumn,
    *,
    regime: Regime | str | Any = "foia",
    complex: bool | Any = False,
    policy: AuthorityPolicy | str | None = None,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    errors: Errors = "raise",
) -> Any:
    """When each internal review (reconsideration, review) must be completed.

    Each row gives what :func:`foi_deadlines.reviews.review_due` gives for the
    same values (its ``.due``), worked out once per distinct row.

    Args:
        review_requested: The days the requests for review were received: a
            column of any kind the module takes, or a Polars expression.
        regime: One regime with a review stage, or a column of them.
        complex: FOIA: ``True`` for a complex case on every row, or a column of
            flags.
        policy: FOIA: the authority's published times, for every row.
        policies: The choices where the law is open, for every row.
        data: Holiday data to count on.
        errors: ``"raise"`` or ``"coerce"``, as for :func:`response_due`.

    Returns:
        The due dates, as a column of the kind ``review_requested`` is.

    Raises:
        RowError: A row the scalar function refuses (``errors="raise"``).

    Warns:
        ProvisionalDateWarning: Once, if any date is beyond the confirmed holiday
            data.

    >>> review_due([date(2025, 4, 14), date(2025, 4, 14)], complex=[False, True])
    [datetime.date(2025, 5, 15), datetime.date(2025, 6, 13)]
    """
    _check_errors(errors)
    _need_numpy()
    options = {"regime": regime, "complex": complex}
    fixed = {"policy": policy, "policies": policies, "data": data}
    if _is_expression(review_requested) or any(map(_is_expression, options.values())):
        return _expression(
            review_due, review_requested, options, {**fixed, "errors": errors}
        )
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    days, like = days_of(review_requested, "review_requested")
    n = like.length
    codes = codes_of(regime, REGIME_CODES, "regime", n)
    flags = (
        np.zeros(n, dtype=np.bool_)
        if complex is False
        else bools_of(complex, "complex", n)
    )
    rows = np.flatnonzero(days != NULL_DAY)
    keys = np.stack(
        [days[rows], codes[rows].astype(np.int64), flags[rows].astype(np.int64)],
        axis=1,
    )
    distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    found = np.full(len(distinct), NULL_DAY, dtype=np.int64)
    provisional = np.zeros(len(distinct), dtype=np.bool_)
    problems: dict[int, str] = {}
    for index, (day, code, is_complex) in enumerate(distinct.tolist()):
        try:
            deadline = _scalar_review_due(
                from_epoch_day(day),
                regime=REGIMES[code] if code >= 0 else None,  # type: ignore[arg-type]
                complex=bool(is_complex),
                policy=policy,
                policies=policies,
                data=data,
            )
        except (FoiDeadlinesError, ValueError, OverflowError) as error:
            problems[index] = str(error)
            continue
        found[index] = epoch_day(deadline.due)
        provisional[index] = deadline.provisional
    due = np.full(n, NULL_DAY, dtype=np.int64)
    due[rows] = found[inverse]
    if problems and errors == "raise":
        refused = np.isin(inverse, list(problems))
        first = int(np.argmax(refused))
        position = int(rows[first])
        problem = problems[int(inverse[first])]
        if codes[position] < 0:
            problem = str(
                InvalidInputError("regime", _item(regime, position), _REGIME_EXPECTED)
            )
        raise RowError(position, problem, int(np.count_nonzero(refused)))
    late = provisional[inverse]
    if late.any():
        _warn_reviews(int(np.count_nonzero(late)), n, int(rows[np.argmax(late)]))
    return column_of(due, like)


def _warn_reviews(count: int, n: int, first: int) -> None:
    import warnings  # noqa: PLC0415 - only when there is something to say

    from foi_deadlines.errors import (  # noqa: PLC0415
        ProvisionalDateWarning,
        ignored,
    )

    if ignored(ProvisionalDateWarning):
        return
    warnings.warn(
        f"{count} of {n} review deadlines (the first in row {first}) depend on days "
        "after the end of the confirmed holiday data: later bank holidays follow "
        "the standing rules and may still be changed by proclamation "
        "(Deadline.provisional)",
        ProvisionalDateWarning,
        stacklevel=3,
    )


# -- status ------------------------------------------------------------------------

#: The options of :func:`status`, by the tracker field each one is.
_STATUS_DATES: Final = {
    "clarification_sought_on": "clarification_sought",
    "clarified_on": "clarified",
    "identity_confirmed_on": "identity_confirmed",
    "fee_notice_on": "fee_notice",
    "fee_paid_on": "fee_paid",
    "extended_on": "extended_on",
    "public_interest_estimate": "public_interest_estimate",
    "responded_on": "responded",
    "review_requested_on": "review_requested",
    "review_completed_on": "review_completed",
    "withdrawn_on": "withdrawn",
}
_STATUS_VALUES: Final = tuple(code.value for code in STATUS_CODES)


@attrs.frozen
class StatusColumns:
    """Where each request of a column stands on a day: four columns.

    Each column is of the kind the days of receipt were (see the module's
    docstring), with a null where a row has no such value (no status for a blank
    or refused row).

    Attributes:
        code: The :class:`~foi_deadlines.cases.StatusCode` value, as text (a
            pandas Series of it is categorical).
        due: The day of the deadline the status is about
            (``CaseStatus.deadline.due``).
        working_days_left: ``CaseStatus.working_days_left``: nullable integers
            (pandas ``Int64``, a numpy masked array).
        working_days_overdue: ``CaseStatus.working_days_overdue``, likewise.
    """

    code: Any
    due: Any
    working_days_left: Any
    working_days_overdue: Any

    def as_dict(self) -> dict[str, Any]:
        """The four columns by name, for ``DataFrame.assign(**...)`` and the like."""
        return attrs.asdict(self, recurse=False)


def status(
    received: DateColumn,
    *,
    as_of: date,
    regime: Regime | str | Any = "foia",
    clarification_sought_on: DateColumn | None = None,
    clarified_on: DateColumn | None = None,
    identity_confirmed_on: DateColumn | None = None,
    fee_notice_on: DateColumn | None = None,
    fee_paid_on: DateColumn | None = None,
    extended: bool | Any = False,
    extended_on: DateColumn | None = None,
    public_interest_estimate: DateColumn | None = None,
    responded_on: DateColumn | None = None,
    review_requested_on: DateColumn | None = None,
    review_completed_on: DateColumn | None = None,
    withdrawn_on: DateColumn | None = None,
    due_soon_working_days: int = 5,
    policies: Policies | None = None,
    errors: Errors = "raise",
) -> StatusColumns:
    """Where each request stands on ``as_of``, from the columns a tracker keeps.

    Each row gives what :meth:`foi_deadlines.cases.Case.status` gives for the case
    the same tracker row records (:meth:`foi_deadlines.tracker.TrackerRow.to_case`,
    as the tracker fill reads it): its code, the deadline it is about, and the
    working days left or overdue on that deadline's own calendar. The common
    shapes of row are worked out over whole columns; any other row goes through
    ``Case.status`` once per distinct row.

    Args:
        received: The days of receipt: a column of any kind the module takes (a
            Polars Series, not an expression: the result is four columns). A
            row with none is blank: it has no status.
        as_of: The day to report for.
        regime: One regime for every row, or a column of them, as for
            :func:`response_due`.
        clarification_sought_on: The days clarification was sought; as each
            option below, a column, one date for every row, or ``None``.
        clarified_on: The days clarification arrived.
        identity_confirmed_on: Subject access: the days identity evidence arrived.
        fee_notice_on: The days of the fees notice.
        fee_paid_on: The days the fee was received.
        extended: ``True`` for an extension notified in time on every row, or a
            column of flags (the tracker's "yes").
        extended_on: The days the extension was notified; a day wins over
            ``extended``.
        public_interest_estimate: FOIA: the estimates in the refusal notices.
        responded_on: The days the responses were sent.
        review_requested_on: The days internal reviews were asked for.
        review_completed_on: The days the review outcomes were sent.
        withdrawn_on: The days requests were withdrawn.
        due_soon_working_days: How near a deadline is "due soon", as for
            ``Case.status``.
        policies: As for ``Case``, for every row.
        errors: ``"raise"`` (the default) or ``"coerce"``: no status for a
            refused row.

    Returns:
        The status columns.

    Raises:
        RowError: A row the tracker fill would refuse (a date after ``as_of``, an
            impossible order, an option the regime does not have), with
            ``errors="raise"``; the message names its position.
        InvalidInputError: An argument wrong for every row: a column of another
            length, a Polars expression, a bad ``as_of`` or ``policies``.

    >>> received = [date(2024, 12, 19), date(2024, 11, 1), date(2024, 12, 2)]
    >>> found = status(
    ...     [*received, date(2025, 1, 6)],
    ...     responded_on=[None, None, date(2024, 12, 20), None],
    ...     withdrawn_on=[None, None, None, date(2025, 1, 8)],
    ...     as_of=date(2025, 1, 20),
    ... )
    >>> found.code
    ['due_soon', 'overdue', 'responded_in_time', 'closed']
    >>> [str(day) for day in found.due]
    ['2025-01-22', '2024-11-29', '2025-01-03', 'None']
    >>> found.working_days_left, found.working_days_overdue
    ([2, None, None, None], [None, 31, None, None])
    """
    _check_errors(errors)
    _need_numpy()
    options = {
        "clarification_sought_on": clarification_sought_on,
        "clarified_on": clarified_on,
        "identity_confirmed_on": identity_confirmed_on,
        "fee_notice_on": fee_notice_on,
        "fee_paid_on": fee_paid_on,
        "extended_on": extended_on,
        "public_interest_estimate": public_interest_estimate,
        "responded_on": responded_on,
        "review_requested_on": review_requested_on,
        "review_completed_on": review_completed_on,
        "withdrawn_on": withdrawn_on,
    }
    if _is_expression(received) or any(
        map(_is_expression, (*options.values(), regime, extended))
    ):
        raise InvalidInputError(
            "received",
            "a Polars expression",
            "Polars Series (select the columns first): the status is four columns",
        )
    day = to_uk_date(as_of, "as_of")
    days, like = days_of(received, "received")
    n = like.length
    codes = codes_of(regime, REGIME_CODES, "regime", n)
    dates = {
        _STATUS_DATES[name]: _option_days(value, name, n)
        for name, value in options.items()
        if value is not None
    }
    flags = None if extended is False else bools_of(extended, "extended", n)
    arrays = status_arrays(
        days,
        codes,
        **dates,
        extended=flags,
        as_of=day,
        due_soon_working_days=due_soon_working_days,
        policies=policies,
    )
    if arrays.errors and errors == "raise":
        _raise_first(arrays.errors, codes, regime)
    return StatusColumns(
        code=labels_of(arrays.code, _STATUS_VALUES, like),
        due=column_of(arrays.due, like),
        working_days_left=counts_of(arrays.working_days_left, NO_COUNT, like),
        working_days_overdue=counts_of(arrays.working_days_overdue, NO_COUNT, like),
    )
