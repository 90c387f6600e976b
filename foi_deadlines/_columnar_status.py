"""Case status over columns: the status of many tracker rows at once.

Each row is a tracker row (:class:`~foi_deadlines.tracker.TrackerRow`) given as
columns of days: numpy ``int64`` counts of days since 1970-01-01, with
:data:`~foi_deadlines._columnar.NULL_DAY` where a cell is blank. The result is,
row by row, what ``TrackerRow(...).to_case().status(as_of)`` gives, or the
message the batch fill gives for a row it refuses.

The response stage comes from the engine over columns
(:func:`foi_deadlines._columnar.response_arrays`); the rest is read from the rule
sets and counted with numpy over the calendars' tables: a response in time,
within an extension or late; a review open or overdue, and the regulator's window
once it is completed; a request withdrawn, lapsed, abandoned or waiting for the
requester; an open deadline due soon, in time or overdue, in working days on the
deadline's own calendar. A row of any other shape (an impossible order of dates,
an event the regime does not have, a review with no response) is read by
:meth:`~foi_deadlines.cases.Case.status` itself, once per distinct row, so every
row is exact by construction.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from foi_deadlines import _columnar
from foi_deadlines._columnar import (
    FIRST_DAY,
    LAST_DAY,
    NULL_DAY,
    ClockState,
    ResponseArrays,
)
from foi_deadlines._dates import epoch_day, from_epoch_day
from foi_deadlines.calendars import _numpy_tables, supported_day
from foi_deadlines.cases import CaseStatus, StatusCode
from foi_deadlines.clocks import Circumstances, circumstances_of, stage_deadline
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    NotApplicableError,
    TimelineError,
)
from foi_deadlines.rules import Anchor, ClockRule, Policies, Regime, RuleSet, rule_set
from foi_deadlines.rules._policies import authority_policy_of, policies_of
from foi_deadlines.timeline import CaseEventKind
from foi_deadlines.tracker import DATE_FIELDS, TrackerRow

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from foi_deadlines.calendars import WorkingDayCalendar

__all__ = ["NO_COUNT", "NO_STATUS", "STATUS_CODES", "StatusArrays", "status_arrays"]

#: The status codes, in the order ``StatusArrays.code`` counts them.
STATUS_CODES: Final = tuple(StatusCode)
#: ``StatusArrays.code`` of a row with no status: blank (no received day) or refused.
NO_STATUS: Final = -1
#: ``working_days_left`` or ``working_days_overdue`` where the status has none.
NO_COUNT: Final = -1

_REGIMES: Final = tuple(Regime)
_CODE: Final = {code: index for index, code in enumerate(STATUS_CODES)}
#: The dated fields whose events can move the response clock, with their kinds.
_CLOCK_FIELDS: Final = (
    "clarification_sought",
    "clarified",
    "identity_confirmed",
    "fee_notice",
    "fee_paid",
)
#: The dated fields read after the response stage.
_LATER_FIELDS: Final = (
    "responded",
    "review_requested",
    "review_completed",
    "withdrawn",
)
#: The fields named in messages, as the batch fill names a tracker's columns.
_FIELDS: Final = frozenset(
    {"received", "regime", *DATE_FIELDS, "extended", "public_interest_estimate"}
)
_ANCHORS: Final = frozenset(
    {
        Anchor.RESPONSE,
        Anchor.RESPONSE_ELSE_EXPIRY,
        Anchor.EXPIRY_OR_LATE_RESPONSE,
        Anchor.REVIEW_REQUEST,
        Anchor.REVIEW_OUTCOME,
        Anchor.REVIEW_OUTCOME_ELSE_EXPIRY,
        Anchor.DECISION_NOTICE,
    }
)


@attrs.frozen(eq=False)
class StatusArrays:
    """The status of many tracker rows on one day, one entry per row.

    Every array is as long as the input. A row with no status (no received day,
    or refused) has code :data:`NO_STATUS`, no due day and no counts.

    Attributes:
        code: An index into :data:`STATUS_CODES` per row (``int8``), or
            :data:`NO_STATUS`.
        due: ``CaseStatus.deadline.due`` as epoch days (``int64``), with
            :data:`~foi_deadlines._columnar.NULL_DAY` where there is no deadline.
        working_days_left: ``CaseStatus.working_days_left`` (``int64``), with
            :data:`NO_COUNT` where it is ``None``.
        working_days_overdue: ``CaseStatus.working_days_overdue`` (``int64``),
            with :data:`NO_COUNT` where it is ``None``.
        response_due: The response deadline, extended where an extension took
            effect (``Case.deadlines().response.response.due``), as epoch days,
            with :data:`~foi_deadlines._columnar.NULL_DAY` where the clock is
            stopped, the request lapsed, or the row has no status.
        response_provisional: Whether that deadline is provisional
            (``Deadline.provisional``): after the confirmed holiday data of its
            calendar.
        errors: For each row refused, its position and the message the batch fill
            gives for it (naming the field as the column).
        scalar_rows: How many distinct rows were read one at a time by
            :meth:`~foi_deadlines.cases.Case.status`.
    """

    code: npt.NDArray[np.int8]
    due: npt.NDArray[np.int64]
    working_days_left: npt.NDArray[np.int64]
    working_days_overdue: npt.NDArray[np.int64]
    response_due: npt.NDArray[np.int64]
    response_provisional: npt.NDArray[np.bool_]
    errors: tuple[tuple[int, str], ...] = ()
    scalar_rows: int = 0


@attrs.frozen
class _Version:
    """What one rule set says about the tracker's columns, read once."""

    rules: RuleSet
    allowed: frozenset[str]
    review: ClockRule | None
    regulator: ClockRule | None
    #: Fields that close a step, each with the field that opens it: a case has
    #: no closing event without its opening one before it (a clarification
    #: received with no request for it, a fee paid with no notice).
    closes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, rules: RuleSet, policies: Policies) -> _Version:
        kinds = rules.event_kinds
        clock = rules.clock_kinds
        allowed = {name: DATE_FIELDS[name] in clock for name in _CLOCK_FIELDS}
        extension = rules.extension_kind
        allowed["extended"] = extension is not None and extension in clock
        allowed["public_interest_estimate"] = (
            extension is CaseEventKind.PUBLIC_INTEREST_EXTENSION and extension in clock
        )
        for name in _LATER_FIELDS:
            kind = DATE_FIELDS[name]
            allowed[name] = (
                kind in kinds
                and kind not in clock
                and rules.step(kind) is None
                and rules.step_closed_by(kind) is None
            )
        review = rules.optional_rule(rules.review)
        regulator = rules.optional_rule(rules.regulator)
        if review is None:
            allowed["review_requested"] = allowed["review_completed"] = False
        if regulator is not None and regulator.under(policies).anchor not in _ANCHORS:
            allowed["review_completed"] = False
        field_of = {kind: name for name, kind in DATE_FIELDS.items()}
        closes = tuple(
            (field_of[step.closed_by], field_of[step.kind])
            for step in rules.steps
            if step.closed_by in field_of and step.kind in field_of
        )
        return cls(
            rules,
            frozenset(k for k, v in allowed.items() if v),
            review,
            regulator,
            closes,
        )


def status_arrays(  # noqa: PLR0915, PLR0912 - one column per tracker field
    received: npt.NDArray[np.int64],
    regime: npt.NDArray[np.int8],
    *,
    clarification_sought: npt.NDArray[np.int64] | None = None,
    clarified: npt.NDArray[np.int64] | None = None,
    identity_confirmed: npt.NDArray[np.int64] | None = None,
    fee_notice: npt.NDArray[np.int64] | None = None,
    fee_paid: npt.NDArray[np.int64] | None = None,
    extended: npt.NDArray[np.bool_] | None = None,
    extended_on: npt.NDArray[np.int64] | None = None,
    public_interest_estimate: npt.NDArray[np.int64] | None = None,
    responded: npt.NDArray[np.int64] | None = None,
    review_requested: npt.NDArray[np.int64] | None = None,
    review_completed: npt.NDArray[np.int64] | None = None,
    withdrawn: npt.NDArray[np.int64] | None = None,
    as_of: date,
    due_soon_working_days: int = 5,
    policies: Policies | None = None,
) -> StatusArrays:
    """The status of each tracker row on ``as_of``, equal to ``Case.status``.

    Args:
        received: The day each request was received; a row with
            :data:`~foi_deadlines._columnar.NULL_DAY` is blank and has no status.
        regime: Each row's regime, as an index into ``tuple(Regime)``.
        clarification_sought: The tracker field of that name, as epoch days.
        clarified: Likewise.
        identity_confirmed: Likewise.
        fee_notice: Likewise.
        fee_paid: Likewise.
        extended: Whether time was extended, notified in time (the tracker's
            "yes").
        extended_on: The day the extension was notified, where the tracker gives
            a date; it wins over ``extended``.
        public_interest_estimate: FOIA: the estimate of the public interest
            decision.
        responded: The day the response was sent.
        review_requested: The day a review was asked for.
        review_completed: The day the review outcome was sent.
        withdrawn: The day the request was withdrawn.
        as_of: The day to report for; a date after it is refused, as the batch
            fill refuses it.
        due_soon_working_days: An open deadline this many working days away or
            fewer is "due soon".
        policies: The choices where the law is open.

    Returns:
        The status of every row, and the rows refused with their messages.

    Raises:
        InvalidInputError: A column that is not a one-dimensional array of the
            right kind and length, a bad ``as_of`` or ``due_soon_working_days``.
        OutsideCalendarRangeError: ``as_of`` is outside the supported days.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    if type(as_of) is not date:
        raise InvalidInputError("as_of", as_of, "a date")
    supported_day(as_of, "as_of")
    soon = due_soon_working_days
    if type(soon) is not int or soon < 0:
        raise InvalidInputError(
            "due_soon_working_days", soon, "a whole number, 0 or more"
        )
    chosen = policies_of(policies)
    day = epoch_day(as_of)
    got_received = _days(np, received, "received", None)
    n = got_received.size
    regimes = _regime_codes(np, regime, n)
    named = (
        ("clarification_sought", clarification_sought),
        ("clarified", clarified),
        ("identity_confirmed", identity_confirmed),
        ("fee_notice", fee_notice),
        ("fee_paid", fee_paid),
        ("extended_on", extended_on),
        ("public_interest_estimate", public_interest_estimate),
        *(
            (name, value)
            for name, value in zip(
                _LATER_FIELDS,
                (responded, review_requested, review_completed, withdrawn),
                strict=True,
            )
        ),
    )
    cols = {name: _days(np, value, name, n) for name, value in named}
    columns_given = {name: value is not None for name, value in named}
    columns_given["extended"] = (
        columns_given["extended_on"]
        or extended is not None
        or columns_given["public_interest_estimate"]
    )
    flag = _flags(np, extended, n)
    rec = got_received
    null = NULL_DAY
    present = rec != null
    # The extension event, as TrackerRow.events makes it.
    clarified_on = cols["clarified"]
    pie = cols["public_interest_estimate"]
    ext = cols["extended_on"]
    implied = flag | (pie != null)
    if implied.any():
        in_time = np.maximum(rec, clarified_on)  # NULL is the least int64
        ext = np.where(ext != null, ext, np.where(implied, in_time, null))

    # -- which rows are read in bulk ---------------------------------------------
    ok = present & (rec >= FIRST_DAY) & (rec <= day)
    ok &= (regimes >= 0) & (regimes < len(_REGIMES))
    version, versions = _versions(np, rec, regimes, ok, chosen)
    dated = {name: cols[name] for name in (*_CLOCK_FIELDS, *_LATER_FIELDS)}
    dated["extended"] = ext
    dated["public_interest_estimate"] = pie
    given = np.zeros(n, dtype=np.uint16)
    for bit, (name, days) in enumerate(dated.items()):
        if columns_given[name]:
            has = days != null
            given |= has.astype(np.uint16) << bit
            if name != "public_interest_estimate":
                ok &= (days >= rec) | ~has
    ok &= (given & ~_allowed_bits(np, versions, tuple(dated))[version]) == 0
    for closer, opener in sorted({pair for v in versions for pair in v.closes}):
        applies = np.array([(closer, opener) in v.closes for v in versions] + [False])
        closing, opening = cols[closer], cols[opener]
        ok &= ~(
            applies[version]
            & (closing != null)
            & ((opening == null) | (closing < opening))
        )
    if columns_given["public_interest_estimate"]:
        has = pie != null
        ok &= ~has | ((pie >= FIRST_DAY) & (pie <= LAST_DAY) & (pie > ext))
    sent = cols["responded"]
    asked = cols["review_requested"]
    done = cols["review_completed"]
    gone = cols["withdrawn"]
    latest_clock = np.maximum.reduce([cols[name] for name in _CLOCK_FIELDS] + [ext])
    ok &= (sent == null) | (latest_clock <= sent)
    ok &= (asked == null) | ((sent != null) & (asked >= sent))
    ok &= (done == null) | ((asked != null) & (done >= asked))
    latest = np.maximum.reduce([latest_clock, sent, asked, done])
    ok &= (gone == null) | (latest <= gone)
    ok &= np.maximum(latest, gone) <= day

    code = np.full(n, NO_STATUS, dtype=np.int8)
    due = np.full(n, null, dtype=np.int64)
    left = np.full(n, NO_COUNT, dtype=np.int64)
    over = np.full(n, NO_COUNT, dtype=np.int64)
    response = np.full(n, null, dtype=np.int64)
    late = np.zeros(n, dtype=np.bool_)
    everything = bool(ok.all())
    rows = None if everything else np.flatnonzero(ok)
    if everything or rows.size:  # type: ignore[union-attr]

        def pick(values: Any) -> Any:
            return values if rows is None else values[rows]

        try:
            read, (b_code, b_due, b_left, b_over), (b_response, b_late) = _bulk(
                np,
                {name: pick(days) for name, days in cols.items()},
                pick(rec),
                pick(regimes),
                pick(ext),
                pick(version),
                versions,
                day,
                soon,
                chosen,
            )
        except FoiDeadlinesError:  # pragma: no cover - the engine refuses rows
            ok[:] = False
        else:
            if rows is None:
                code, due, left, over = b_code, b_due, b_left, b_over
                response[read] = b_response[read]
                late[read] = b_late[read]
                ok &= read
            else:
                taken = rows[read]
                code[taken] = b_code[read]
                due[taken] = b_due[read]
                left[taken] = b_left[read]
                over[taken] = b_over[read]
                response[taken] = b_response[read]
                late[taken] = b_late[read]
                ok[rows[~read]] = False

    # -- every other row, once per distinct row, through Case.status -------------
    others = np.flatnonzero(present & ~ok)
    errors: list[tuple[int, str]] = []
    distinct = 0
    if others.size:
        stacked = np.stack(
            [
                rec[others],
                regimes[others],
                *(cols[name][others] for name in _CLOCK_FIELDS),
                flag[others].astype(np.int64),
                cols["extended_on"][others],
                pie[others],
                *(cols[name][others] for name in _LATER_FIELDS),
            ],
            axis=1,
        )
        unique, inverse = np.unique(stacked, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        distinct = len(unique)
        found = [_scalar(values, as_of, soon, chosen) for values in unique.tolist()]
        codes = np.array([f[0] for f in found], dtype=np.int8)
        code[others] = codes[inverse]
        due[others] = np.array([f[1] for f in found], dtype=np.int64)[inverse]
        left[others] = np.array([f[2] for f in found], dtype=np.int64)[inverse]
        over[others] = np.array([f[3] for f in found], dtype=np.int64)[inverse]
        response[others] = np.array([f[5] for f in found], dtype=np.int64)[inverse]
        late[others] = np.array([f[6] for f in found], dtype=np.bool_)[inverse]
        refused = np.flatnonzero(codes[inverse] == NO_STATUS)
        errors = [(int(others[i]), found[inverse[i]][4]) for i in refused.tolist()]
    return StatusArrays(
        code=code,
        due=due,
        working_days_left=left,
        working_days_overdue=over,
        response_due=response,
        response_provisional=late,
        errors=tuple(errors),
        scalar_rows=distinct,
    )


# -- the columns, checked -----------------------------------------------------------


def _days(np: Any, value: object, name: str, n: int | None) -> Any:
    if value is None:
        return np.full(n or 0, NULL_DAY, dtype=np.int64)
    array = np.asarray(value)
    if array.ndim != 1 or array.dtype.kind not in "iu":
        raise InvalidInputError(
            name,
            f"an array of {array.dtype} with shape {array.shape}",
            "a one-dimensional array of whole days since 1970-01-01",
        )
    if n is not None and array.size != n:
        raise InvalidInputError(
            name, f"{array.size} rows", f"as many rows as received ({n})"
        )
    return array.astype(np.int64, copy=False)


def _regime_codes(np: Any, value: object, n: int) -> Any:
    array = np.asarray(value)
    if array.ndim != 1 or array.dtype.kind not in "iu" or array.size != n:
        raise InvalidInputError(
            "regime",
            f"an array of {array.dtype} with shape {array.shape}",
            f"a one-dimensional array of {n} regime codes (indexes into tuple(Regime))",
        )
    return array.astype(np.int64)


def _flags(np: Any, value: object, n: int) -> Any:
    if value is None:
        return np.zeros(n, dtype=bool)
    array = np.asarray(value)
    if array.ndim != 1 or array.dtype.kind != "b" or array.size != n:
        raise InvalidInputError(
            "extended",
            f"an array of {array.dtype} with shape {array.shape}",
            f"a one-dimensional array of {n} booleans",
        )
    return array


def _allowed_bits(np: Any, versions: list[_Version], names: tuple[str, ...]) -> Any:
    """The fields each rule set has, as bits by version; the last entry has none."""
    bits = [
        sum(1 << bit for bit, name in enumerate(names) if name in v.allowed)
        for v in versions
    ]
    return np.array([*bits, 0], dtype=np.uint16)


def _versions(
    np: Any, rec: Any, regimes: Any, ok: Any, policies: Policies
) -> tuple[Any, list[_Version]]:
    """Each row's rule set, read once per regime and day (-1: none, or refused)."""
    span = LAST_DAY - FIRST_DAY + 1
    keys = np.where(ok, regimes * span + (rec - FIRST_DAY), 0)
    seen = np.zeros(len(_REGIMES) * span, dtype=bool)
    seen[keys[ok]] = True
    table = np.full(seen.size, -1, dtype=np.int64)
    found: dict[int, int] = {}
    versions: list[_Version] = []
    for key in np.flatnonzero(seen).tolist():
        code, offset = divmod(key, span)
        try:
            rules = rule_set(_REGIMES[code], from_epoch_day(FIRST_DAY + offset))
        except FoiDeadlinesError:
            continue
        index = found.get(id(rules))
        if index is None:
            index = found[id(rules)] = len(versions)
            versions.append(_Version.of(rules, policies))
        table[key] = index
    version = table[keys]
    version[~ok] = -1
    return version, versions


# -- the bulk path ------------------------------------------------------------------


def _bulk(  # noqa: PLR0915, PLR0917 - the columns, once checked
    np: Any,
    col: dict[str, Any],
    rec: Any,
    regimes: Any,
    ext: Any,
    version: Any,
    versions: list[_Version],
    day: int,
    soon: int,
    policies: Policies,
) -> tuple[Any, tuple[Any, Any, Any, Any], tuple[Any, Any]]:
    """The status of rows whose shape is read in bulk, and which of them were read.

    Every row given has dates in an order the rule sets accept, none before its
    receipt or after ``day``, and the events its regime has; the engine over
    columns still refuses a row whose clock events cannot all be true.
    """
    null = NULL_DAY
    stage = _columnar.response_arrays(
        rec,
        regimes.astype(np.int8),
        clarification_sought_on=col["clarification_sought"],
        clarified_on=col["clarified"],
        fee_notice_on=col["fee_notice"],
        fee_paid_on=col["fee_paid"],
        identity_confirmed_on=col["identity_confirmed"],
        extended_on=ext,
        public_interest_estimate=col["public_interest_estimate"],
        policies=policies,
    )
    m = rec.size
    state = np.broadcast_to(stage.state, (m,))
    final = np.broadcast_to(stage.final_due, (m,))
    read = (state != ClockState.INVALID) & (state != ClockState.NULL)
    calendars: list[WorkingDayCalendar | None] = list(stage.calendars)
    counter = _Counter(np, calendars, day)
    sent = col["responded"]
    asked = col["review_requested"]
    done = col["review_completed"]
    gone = col["withdrawn"]
    unsent = sent == null

    # Answered with no review: in time, within the extension, or late; the
    # response deadline. Withdrawn before a response: closed.
    base = np.broadcast_to(stage.base_due, (m,))
    code = np.where(
        final == null,
        _CODE[StatusCode.RESPONDED_IN_TIME],
        np.where(
            sent <= base,
            _CODE[StatusCode.RESPONDED_IN_TIME],
            np.where(
                sent <= final,
                _CODE[StatusCode.RESPONDED_WITHIN_EXTENSION],
                _CODE[StatusCode.RESPONDED_LATE],
            ),
        ),
    ).astype(np.int8)
    due = final.copy()
    closed = unsent & (gone != null)
    code[closed] = _CODE[StatusCode.CLOSED]
    due[closed] = null
    left = np.full(m, NO_COUNT, dtype=np.int64)
    over = np.full(m, NO_COUNT, dtype=np.int64)

    # Unanswered, the clock running: in time, due soon or overdue.
    open_rows = unsent & (gone == null)
    running = np.flatnonzero(open_rows & (state == ClockState.RUNNING))
    if running.size:
        cal = np.broadcast_to(stage.calendar, (m,))[running].astype(np.int64)
        r_due = final[running]
        r_left, r_over, counted = counter.count(r_due, cal)
        read[running] &= counted
        late = day > r_due
        code[running] = np.where(
            late,
            _CODE[StatusCode.OVERDUE],
            np.where(
                r_left <= soon, _CODE[StatusCode.DUE_SOON], _CODE[StatusCode.IN_TIME]
            ),
        )
        left[running] = np.where(late, NO_COUNT, r_left)
        over[running] = np.where(late, r_over, NO_COUNT)

    # Unanswered, the clock stopped or closed: lapsed, abandoned or awaiting.
    rest = np.flatnonzero(open_rows & (state != ClockState.RUNNING) & read)
    if rest.size:
        s_state = state[rest]
        lapsed_on = np.broadcast_to(stage.lapsed_on, (m,))[rest]
        abandoned_on = np.broadcast_to(stage.abandoned_on, (m,))[rest]
        fee_due = np.broadcast_to(stage.fee_due, (m,))[rest]
        stopped = (s_state == ClockState.AWAITING_CLARIFICATION) | (
            s_state == ClockState.AWAITING_FEE
        )
        lapsed = (lapsed_on != null) & (~stopped | (day >= lapsed_on))
        abandoned = (
            ~lapsed & (abandoned_on != null) & (~stopped | (day >= abandoned_on))
        )
        waiting = ~lapsed & ~abandoned
        read[rest] &= ~waiting | stopped
        code[rest] = np.select(
            [lapsed, abandoned, s_state == ClockState.AWAITING_FEE],
            [
                _CODE[StatusCode.LAPSED],
                _CODE[StatusCode.CLOSED],
                _CODE[StatusCode.AWAITING_FEE],
            ],
            _CODE[StatusCode.AWAITING_CLARIFICATION],
        )
        due[rest] = np.where(abandoned, null, fee_due)

    # A review: open or overdue; once completed, the regulator's window.
    reviewed = np.flatnonzero(~unsent & (asked != null))
    if reviewed.size:
        v_version = version[reviewed]
        v_asked = asked[reviewed]
        v_done = done[reviewed]
        r_due, r_cal, r_ok = _stage_dues(
            np, [v.review for v in versions], v_version, v_asked, policies, calendars
        )
        v_left, v_over, counted = counter.count(r_due, r_cal)
        pending = v_done == null
        late = day > r_due
        code[reviewed] = np.where(
            pending,
            np.where(
                late, _CODE[StatusCode.REVIEW_OVERDUE], _CODE[StatusCode.REVIEW_OPEN]
            ),
            _CODE[StatusCode.CLOSED],
        )
        left[reviewed] = np.where(pending & ~late, v_left, NO_COUNT)
        over[reviewed] = np.where(pending & late, v_over, NO_COUNT)
        day0 = _regulator_anchor(
            np,
            versions,
            v_version,
            policies,
            sent[reviewed],
            final[reviewed],
            v_asked,
            v_done,
            r_due,
        )
        g_due, _, g_ok = _stage_dues(
            np,
            [v.regulator for v in versions],
            v_version,
            np.where(pending, null, day0),
            policies,
            calendars,
        )
        due[reviewed] = np.where(pending, r_due, g_due)
        read[reviewed] &= r_ok & g_ok & (~pending | counted)
    return read, (code, due, left, over), _response(np, stage, m, closed)


def _response(np: Any, stage: ResponseArrays, m: int, closed: Any) -> tuple[Any, Any]:
    """Each row's response deadline (``NULL_DAY`` where none), and if provisional.

    A case closed before a response (withdrawn) has none, as ``Case.deadlines``
    gives none. Provisional: after the confirmed holiday data of the deadline's
    own calendar.
    """
    final = np.where(closed, NULL_DAY, np.broadcast_to(stage.final_due, (m,)))
    index = np.broadcast_to(stage.calendar, (m,))
    confirmed = np.array(
        [
            NULL_DAY if c is None else epoch_day(c.confirmed_until)
            for c in stage.calendars
        ]
        + [NULL_DAY],
        dtype=np.int64,
    )
    # A calendar index of -1 picks the last entry: no calendar, never provisional.
    until = confirmed[index]
    late = (final != NULL_DAY) & (until != NULL_DAY) & (final > until)
    return final, late


def _regulator_anchor(  # noqa: PLR0917 - the facts a stage is anchored on
    np: Any,
    versions: list[_Version],
    version: Any,
    policies: Policies,
    sent: Any,
    final: Any,
    asked: Any,
    done: Any,
    review_due: Any,
) -> Any:
    """Day 0 of the regulator's window per row, as ``stage_anchor`` finds it.

    A tracker has no day the requester received the response, so policy P10
    leaves the date of the response as it is.
    """
    null = NULL_DAY
    late_response = (sent != null) & (final != null) & (sent > final)
    by_anchor = {
        Anchor.RESPONSE: sent,
        Anchor.RESPONSE_ELSE_EXPIRY: np.where(sent != null, sent, final),
        Anchor.EXPIRY_OR_LATE_RESPONSE: np.where(late_response, sent, final),
        Anchor.REVIEW_REQUEST: asked,
        Anchor.REVIEW_OUTCOME: done,
        Anchor.REVIEW_OUTCOME_ELSE_EXPIRY: np.where(done != null, done, review_due),
        Anchor.DECISION_NOTICE: np.full(sent.size, null, dtype=np.int64),
    }
    day0 = np.full(sent.size, null, dtype=np.int64)
    for index, found in enumerate(versions):
        rule = found.regulator
        if rule is None:
            continue
        which = version == index
        anchor = rule.under(policies).anchor
        day0[which] = by_anchor[anchor][which]
    return day0


def _stage_dues(  # noqa: PLR0917 - the stage, and where to put its calendars
    np: Any,
    rules: list[ClockRule | None],
    version: Any,
    day0: Any,
    policies: Policies,
    calendars: list[WorkingDayCalendar | None],
) -> tuple[Any, Any, Any]:
    """A later stage's due day and calendar per row, once per rule set and day 0.

    Returns the due days (NULL where the stage has no day 0 or no rule), the
    calendars as indexes into ``calendars`` (extended as needed), and which rows
    were worked out (a stage the engine refuses is left to the scalar path).
    """
    null = NULL_DAY
    n = day0.size
    due = np.full(n, null, dtype=np.int64)
    cal = np.full(n, -1, dtype=np.int64)
    ok = np.ones(n, dtype=bool)
    chosen = (day0 != null) & (day0 >= FIRST_DAY) & (day0 <= LAST_DAY + 2 * 366)
    ok &= chosen | (day0 == null)
    if not chosen.any():
        return due, cal, ok
    circ = _circumstances(policies)
    span = LAST_DAY - FIRST_DAY + 1 + 2 * 366
    keys = version[chosen] * span + (day0[chosen] - FIRST_DAY)
    unique, inverse = np.unique(keys, return_inverse=True)
    u_due = np.full(unique.size, null, dtype=np.int64)
    u_cal = np.full(unique.size, -1, dtype=np.int64)
    u_ok = np.ones(unique.size, dtype=bool)
    places = {id(c): i for i, c in enumerate(calendars)}
    for i, key in enumerate(unique.tolist()):
        index, offset = divmod(key, span)
        rule = rules[index]
        if rule is None:
            continue
        try:
            deadline = stage_deadline(rule, from_epoch_day(FIRST_DAY + offset), circ)
        except FoiDeadlinesError:
            u_ok[i] = False
            continue
        u_due[i] = epoch_day(deadline.due)
        place = places.get(id(deadline.calendar))
        if place is None:
            place = places[id(deadline.calendar)] = len(calendars)
            calendars.append(deadline.calendar)
        u_cal[i] = place
    inverse = inverse.reshape(-1)
    due[chosen] = u_due[inverse]
    cal[chosen] = u_cal[inverse]
    ok[chosen] = u_ok[inverse]
    return due, cal, ok


def _circumstances(policies: Policies) -> Circumstances:
    """The circumstances of a tracker row's case (``TrackerRow.to_case``)."""
    return circumstances_of(policies=policies, authority=authority_policy_of(None))


class _Counter:
    """Working days left or overdue, counted on each deadline's calendar."""

    def __init__(
        self, np: Any, calendars: list[WorkingDayCalendar | None], day: int
    ) -> None:
        self.np = np
        self.calendars = calendars
        self.day = day
        self._tables: dict[int, Any] = {}

    def count(self, due: Any, cal: Any) -> tuple[Any, Any, Any]:
        """Left (``as_of`` up to due) and overdue (after due up to ``as_of``).

        ``due`` and ``cal`` are a due day and a calendar index per row (-1: no
        calendar, counted in calendar days). Also which rows could be counted: a
        due day outside the calendar's tables is left to the scalar path.
        """
        np = self.np
        n = due.size
        between = np.zeros(n, dtype=np.int64)
        ok = np.ones(n, dtype=bool)
        day = self.day
        for index in np.unique(cal).tolist():
            which = cal == index
            days = due[which]
            calendar = self.calendars[index] if index >= 0 else None
            if calendar is None:
                between[which] = days - day
                continue
            counts = self._tables.get(id(calendar))
            if counts is None:
                counts = self._tables[id(calendar)] = _numpy_tables(calendar)[0]
            at = days - FIRST_DAY
            inside = (at >= 0) & (at < counts.size)
            ok[which] = inside
            between[which] = counts[np.where(inside, at, 0)] - counts[day - FIRST_DAY]
        return between, np.maximum(-between, 0), ok


# -- the scalar path ------------------------------------------------------------------


def _scalar(
    values: list[int], as_of: date, soon: int, policies: Policies
) -> tuple[int, int, int, int, str, int, bool]:
    """One distinct row through ``TrackerRow.to_case().status``, or its message."""
    (
        rec,
        regime,
        sought,
        clarified,
        identity,
        notice,
        paid,
        flag,
        ext_on,
        pie,
        sent,
        asked,
        done,
        gone,
    ) = values
    cells = {
        "clarification_sought": sought,
        "clarified": clarified,
        "identity_confirmed": identity,
        "fee_notice": notice,
        "fee_paid": paid,
        "responded": sent,
        "review_requested": asked,
        "review_completed": done,
        "withdrawn": gone,
        "public_interest_estimate": pie,
    }
    read: dict[str, object] = {}
    try:
        received = _day(rec, "received")
        read["received"] = received
        if not 0 <= regime < len(_REGIMES):
            raise InvalidInputError(
                "regime",
                regime,
                f"a regime code from 0 to {len(_REGIMES) - 1} (an index into "
                "tuple(Regime))",
            )
        for name in (*DATE_FIELDS, "public_interest_estimate"):
            given = cells[name]
            read[name] = None if given == NULL_DAY else _day(given, name)
        extended: bool | date = bool(flag)
        if ext_on != NULL_DAY:
            extended = _day(ext_on, "extended")
        read["extended"] = extended
        row = TrackerRow(
            regime=_REGIMES[regime],
            **read,  # type: ignore[arg-type]
        )
        row.check_as_of(as_of)
        case = row.to_case(policies=policies)
        status = case.status(as_of, due_soon_working_days=soon)
        stage = case.deadlines().response
        response = None if stage is None else stage.response
    except FoiDeadlinesError as error:
        message = _message(error, read)
        return NO_STATUS, NULL_DAY, NO_COUNT, NO_COUNT, message, NULL_DAY, False
    return (
        *_values(status),
        NULL_DAY if response is None else epoch_day(response.due),
        response is not None and response.provisional,
    )


def _values(status: CaseStatus) -> tuple[int, int, int, int, str]:
    deadline = status.deadline
    return (
        _CODE[status.code],
        NULL_DAY if deadline is None else epoch_day(deadline.due),
        NO_COUNT if status.working_days_left is None else status.working_days_left,
        NO_COUNT
        if status.working_days_overdue is None
        else status.working_days_overdue,
        "",
    )


def _day(value: int, name: str) -> date:
    """An epoch day as a date the library accepts, as a tracker cell is read."""
    if not FIRST_DAY <= value <= LAST_DAY:
        try:
            day = from_epoch_day(value)
        except (OverflowError, ValueError):  # no date has that ordinal
            raise InvalidInputError(
                name, value, "a day since 1970-01-01 from 2000 to 2100"
            ) from None
        return supported_day(day, name)
    return from_epoch_day(value)


def _message(error: FoiDeadlinesError, read: dict[str, object]) -> str:
    """The batch fill's message for ``error``, naming the field as the column."""
    param = getattr(error, "param", None)
    if not isinstance(param, str) or param not in _FIELDS:
        return str(error)
    if isinstance(error, TimelineError):
        return f"{param} ({error.value}): {error.problem}"
    if isinstance(error, NotApplicableError):
        return f"{param} ({read.get(param)}): {error.reason}"
    if isinstance(error, InvalidInputError):
        return f"{param} must be {error.expected} (got {error.value!r})"
    return f"{param}: {error}"
